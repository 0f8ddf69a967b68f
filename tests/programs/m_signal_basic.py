# signal: numbers and enums, the handler table (signal/getsignal), raise_signal to Python
# handlers, SIG_IGN and default_int_handler, strsignal, valid_signals, error messages.
import signal
import sys

print(repr(signal.SIGINT), str(signal.SIGINT), int(signal.SIGTERM), signal.SIG_DFL, repr(signal.SIG_IGN))
print(signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX, repr(signal.SIGIOT), repr(signal.SIGPOLL),
      repr(signal.SIGCLD), signal.ITIMER_REAL, signal.ITIMER_PROF)
print(signal.getsignal(signal.SIGINT), repr(signal.getsignal(signal.SIGTERM)),
      repr(signal.getsignal(signal.SIGPIPE)), signal.getsignal(signal.SIGXFSZ), signal.getsignal(signal.SIGCHLD))
print(signal.Signals, repr(signal.Handlers(0)), repr(signal.Signals(15)), repr(signal.Sigmasks.SIG_BLOCK))
print(signal.Signals.SIGINT.name, signal.Signals["SIGTERM"].value, signal.default_int_handler)


def handler(signum, frame):
    print("handler called:", repr(signal.Signals(signum)), type(frame).__name__, frame.f_code.co_name)


def deliver():
    signal.raise_signal(signal.SIGUSR1)


print(repr(signal.signal(signal.SIGUSR1, handler)))
deliver()
print(signal.getsignal(signal.SIGUSR1) is handler)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
signal.raise_signal(signal.SIGCHLD)  # ignored by default

for args in [(0, handler), (65, handler), (signal.SIGKILL, handler), (signal.SIGSTOP, handler),
             (signal.SIGUSR1, 5), ("x", handler)]:
    try:
        signal.signal(*args)
    except Exception as e:
        print(type(e).__name__, e)
for n in [0, 99]:
    for f in (signal.getsignal, signal.raise_signal, signal.strsignal):
        try:
            f(n)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)

try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from raise_signal")
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
print("SIGINT ignored")
signal.signal(signal.SIGINT, signal.default_int_handler)


class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop(f"from handler {signum}")


signal.signal(signal.SIGTERM, raising)
try:
    signal.raise_signal(signal.SIGTERM)
except Stop as e:
    print("Stop:", e)

print(signal.strsignal(signal.SIGINT), signal.strsignal(2), signal.strsignal(40), signal.strsignal(15))
valid = signal.valid_signals()
print(type(valid).__name__, len(valid), sorted(valid)[:3], sorted(valid)[-3:])
