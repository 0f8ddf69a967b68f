# subprocess edge cases: signals, communicate twice, relative cwd, bytes/path arguments, env,
# stdin from DEVNULL, large output, text with stderr merged, executable, file descriptors.
import os
import pathlib
import subprocess
import sys
import tempfile

r = subprocess.run(["sh", "-c", "kill -9 $$"])
print(r.returncode)
r = subprocess.run(["sh", "-c", "kill -TERM $$"], capture_output=True)
print(r.returncode, r.stdout)
try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e.returncode, e.cmd)

p = subprocess.Popen(["echo", "once"], stdout=subprocess.PIPE)
print(p.communicate())
try:
    print(p.communicate())
except ValueError as e:
    print(type(e).__name__, e)

print(subprocess.run([b"echo", b"bytes args"], capture_output=True).stdout)
print(subprocess.run([pathlib.Path("/bin/echo"), "path program"], capture_output=True).stdout)
print(subprocess.run("echo string command", shell=True, capture_output=True).args)

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "sub"))
    with open(os.path.join(d, "sub", "f.txt"), "w") as f:
        f.write("in sub\n")
    print(subprocess.run(["cat", "f.txt"], cwd=os.path.join(d, "sub"), capture_output=True).stdout)
    print(subprocess.run(["cat", "f.txt"], cwd=pathlib.Path(d) / "sub", capture_output=True, text=True).stdout)
    script = os.path.join(d, "script.sh")
    with open(script, "w") as f:
        f.write("#!/bin/sh\necho script ran with $1\n")
    os.chmod(script, 0o755)
    print(subprocess.run([script, "arg"], capture_output=True, text=True).stdout)
    os.chmod(script, 0o644)
    try:
        subprocess.run([script])
    except PermissionError as e:
        print(type(e).__name__, e.errno)
    try:
        subprocess.run([d])
    except PermissionError as e:
        print(type(e).__name__, e.errno)

print(subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True).stdout)
big = subprocess.run(["sh", "-c", "i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done"],
                     capture_output=True, text=True).stdout
print(len(big), big.splitlines()[-1])
print(len(subprocess.run(["cat"], input=b"x" * 200000, capture_output=True).stdout))
r = subprocess.run(["sh", "-c", "echo out; echo err 1>&2; echo out2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
print(repr(r.stdout), r.stderr)
r = subprocess.run(["env"], env={"ONLY": "this"}, capture_output=True, text=True)
print(sorted(line for line in r.stdout.splitlines() if line.startswith("ONLY")))
r = subprocess.run("echo $0", shell=True, executable="/bin/sh", capture_output=True, text=True)
print(r.stdout)
r = subprocess.run(["sh", "-c", "cat"], input="multi\nline\n", capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["printf", "a\\r\\nb"], capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["printf", "a\\r\\nb"], capture_output=True)
print(repr(r.stdout))

with subprocess.Popen(["sh", "-c", "echo a; echo b"], stdout=subprocess.PIPE, text=True) as p:
    print([line for line in p.stdout])
print(p.returncode)
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b"from with\n")
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)
print(subprocess.call(["sh", "-c", "exit 2"], stdout=subprocess.DEVNULL))
print(subprocess.check_call(["echo", "check_call prints"], stdout=subprocess.DEVNULL))
sys.stdout.flush()
subprocess.run(["sh", "-c", "echo child stdout"], stderr=subprocess.DEVNULL)
print(subprocess.getoutput("printf 'no newline'"), subprocess.getoutput("exit 1"))
print(subprocess.getstatusoutput("echo x; false"))
print(subprocess.CalledProcessError(-9, ["x"]), subprocess.CalledProcessError(-99, ["x"]))
try:
    subprocess.run(["sh", "-c", "kill -TERM $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
