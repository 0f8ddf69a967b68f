# subprocess.Popen: pipes, communicate, wait, poll, returncode, context manager, repr, errors.
import subprocess
import sys

p = subprocess.Popen(["echo", "popen"], stdout=subprocess.PIPE)
print(p.args, p.returncode)
out, err = p.communicate()
print(out, err, p.returncode, isinstance(p.pid, int))
print(repr(p))

p = subprocess.Popen(["sh", "-c", "echo line1; echo line2; exit 3"], stdout=subprocess.PIPE, text=True)
print(p.stdout.readline(), end="")
print(p.stdout.read(), end="")
print(p.wait(), p.poll(), p.returncode)
p.stdout.close()

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"through cat\n"))
print(p.returncode)

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write("written ")
p.stdin.write("in parts\n")
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()

p = subprocess.Popen(["wc", "-l"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(b"a\nb\nc\n")
print(out.strip(), err)

with subprocess.Popen(["sh", "-c", "echo ctx; echo problem >&2"], stdout=subprocess.PIPE,
                      stderr=subprocess.PIPE, universal_newlines=True) as proc:
    print(repr(proc.stdout.read()), repr(proc.stderr.read()))
print(proc.returncode, proc.stdout.closed)

with subprocess.Popen(["sh", "-c", "exit 9"]) as proc:
    pass
print(proc.returncode, proc.poll())

p = subprocess.Popen(["sh", "-c", "echo merged; echo err >&2"], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT)
print(p.communicate())

p = subprocess.Popen("echo shell $((1+2))", shell=True, stdout=subprocess.PIPE)
print(p.communicate()[0], p.args)

p = subprocess.Popen(["true"])
print(p.wait(), p.wait(timeout=1))
p.kill()
p.terminate()
print(p.returncode)

sys.stdout.flush()
p = subprocess.Popen(["echo", "not captured"])
p.wait()
print("after the child")

try:
    subprocess.Popen(["no-such-program-pyjit"])
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.Popen(["echo"], stdout=subprocess.STDOUT)
except OSError as e:
    print(type(e).__name__, e)
try:
    subprocess.Popen(["echo"], bufsize="x")
except TypeError as e:
    print(type(e).__name__, e)
long_args = ["echo"] + ["argument%d" % i for i in range(20)]
p = subprocess.Popen(long_args, stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))

# The stdout pipe exists before the child runs; reading it after closing stdin gets the output.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out = p.stdout
print(out.closed, p.returncode)
p.stdin.write("a\nb\n")
p.stdin.close()
print(list(out), p.wait())
out.close()
for mode in (True, False):
    p = subprocess.Popen(["echo", "x"], stdout=subprocess.PIPE, text=mode)
    p.stdout.close()
    for action in (p.stdout.read, p.communicate):
        try:
            action()
        except ValueError as e:
            print(type(e).__name__, e)
