# subprocess: run/check_output/call/check_call/getoutput/Popen with echo, sh, cat and coreutils.
import os
import subprocess
import sys
import tempfile

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(type(r).__name__, r.args, r.returncode, r.stdout, r.stderr)
r = subprocess.run(["echo", "hi"], stdout=subprocess.PIPE)
print(r, r.stderr)
r = subprocess.run("echo out; echo err >&2; exit 3", shell=True, capture_output=True, text=True)
print(r)
print(repr(r.stdout), repr(r.stderr), r.returncode)
r = subprocess.run(["sh", "-c", "echo one; echo two >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)
r = subprocess.run(["sh", "-c", "echo gone; echo err >&2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(r)
r = subprocess.run(["cat"], input=b"piped bytes\n", capture_output=True)
print(r.stdout)
r = subprocess.run(["cat"], input="text in\r\nline2\r", capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["cat"], input="caf\u00e9", stdout=subprocess.PIPE, encoding="utf-8")
print(repr(r.stdout))
r = subprocess.run(["cat"], input="x", stdout=subprocess.PIPE, universal_newlines=True)
print(repr(r.stdout))
r = subprocess.run(["sh", "-c", "printf '\\377abc'"], capture_output=True, encoding="utf-8", errors="replace")
print(repr(r.stdout))
r = subprocess.run(["pwd"], capture_output=True, text=True, cwd="/")
print(r.stdout)
r = subprocess.run(["sh", "-c", "echo $PYJIT_TEST_VAR"], capture_output=True, text=True,
                   env={"PYJIT_TEST_VAR": "from env", "PATH": os.environ.get("PATH", "/bin")})
print(r.stdout)
r = subprocess.run(["sh", "-c", "exit 7"])
print(r, r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.run(["sh", "-c", "echo partial; exit 2"], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.stdout, e.stderr)
print(subprocess.run(["true"], check=True))
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.stdout)
try:
    subprocess.run(["sh", "-c", "echo before; sleep 5"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.stdout, e.output)
try:
    subprocess.run(["definitely-not-a-program-xyz"])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.run(["./no/such/path"], capture_output=True)
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["echo"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print(type(e).__name__, e)
for kwargs in ({"input": b"x", "stdin": subprocess.PIPE}, {"capture_output": True, "stdout": subprocess.PIPE}):
    try:
        subprocess.run(["cat"], **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    subprocess.run(["echo"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

print(subprocess.check_output(["echo", "check_output"]))
print(subprocess.check_output("echo $((6*7))", shell=True, text=True))
print(repr(subprocess.check_output(["cat"], input=None)))
print(repr(subprocess.check_output(["cat"], input=None, text=True)))
print(subprocess.check_output(["sh", "-c", "echo o; echo e >&2"], stderr=subprocess.STDOUT))
try:
    subprocess.check_output(["false"])
except subprocess.CalledProcessError as e:
    print(e, e.output)
try:
    subprocess.check_output(["echo"], stdout=None)
except ValueError as e:
    print(type(e).__name__, e)
sys.stdout.flush()
print(subprocess.call(["sh", "-c", "exit 4"]), subprocess.call("true", shell=True))
print(subprocess.check_call(["true"]))
try:
    subprocess.check_call(["sh", "-c", "exit 5"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.getoutput("echo a; echo b >&2"))
print(subprocess.getstatusoutput("echo failing; exit 3"))
print(subprocess.getstatusoutput("true"))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(subprocess.list2cmdline(["a b", 'c"d', "e\\"]))
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
print(subprocess.CalledProcessError(1, ["x"]), subprocess.TimeoutExpired("cmd", 1.5))
print(subprocess.CompletedProcess(["a"], 0))

# Output that is not captured goes where the parent's goes, after what it printed before.
print("parent before")
sys.stdout.flush()
subprocess.run(["echo", "child output"])
subprocess.run("echo child via shell", shell=True)
print("parent after")

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "out.txt")
    with open(path, "wb") as f:
        subprocess.run(["echo", "to a file"], stdout=f)
    with open(path) as f:
        print(repr(f.read()))
    with open(path, "rb") as f:
        print(subprocess.run(["cat"], stdin=f, capture_output=True).stdout)
