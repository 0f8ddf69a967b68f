# subprocess.Popen children run in the background: poll() while running, wait(timeout) and
# communicate(timeout) that expire, terminate/kill/send_signal, two children at once.
import os
import subprocess
import tempfile
import time

p = subprocess.Popen(["sleep", "5"])
print(p.poll(), p.returncode, isinstance(p.pid, int))
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e)
p.terminate()
print(p.wait(), p.returncode, p.poll())

p = subprocess.Popen(["sleep", "5"])
p.kill()
print(p.wait())

p = subprocess.Popen(["sh", "-c", "echo started; sleep 5"], stdout=subprocess.PIPE, text=True)
try:
    p.communicate(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout)
p.send_signal(15)
out, err = p.communicate()
print(repr(out), err, p.returncode)

p = subprocess.Popen(["sh", "-c", "exit 4"])
while p.poll() is None:
    time.sleep(0.01)
print(p.returncode, p.wait())
p.kill()
print(p.returncode)

with tempfile.TemporaryDirectory() as d:
    flag = os.path.join(d, "flag")
    waiter = subprocess.Popen(["sh", "-c", 'while [ ! -f "$0" ]; do sleep 0.01; done; echo saw the flag', flag],
                              stdout=subprocess.PIPE)
    maker = subprocess.Popen(["touch", flag])
    print(maker.wait(), waiter.communicate()[0], waiter.returncode)

with subprocess.Popen(["sh", "-c", "sleep 0.05; echo finished"], stdout=subprocess.PIPE) as p:
    print(p.poll(), p.stdout.read())
print(p.returncode)

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.poll())
p.kill()
print(p.wait(), p.stdout.read())
