# threading on one host thread: threads run at start(); locks, events, conditions, semaphores,
# timers, local, barrier, excepthook; waits that CPython would time out return False.
import sys
import threading
import time

results = []


def worker(n, scale=1):
    me = threading.current_thread()
    results.append((n * scale, me.name, me.is_alive(), me is not threading.main_thread()))


t = threading.Thread(target=worker, args=(2,), kwargs={"scale": 10})
print(t.name.endswith("(worker)"), t.ident, t.is_alive(), t.daemon, repr(t).endswith(", initial)>"))
t.start()
t.join()
print(results, t.is_alive(), isinstance(t.ident, int), isinstance(t.native_id, int))
print(repr(t).split(", ")[1].split(" ")[0])
for action in (t.start, threading.current_thread().join):
    try:
        action()
    except RuntimeError as e:
        print(type(e).__name__, e)
u = threading.Thread(name="named", daemon=True)
print(repr(u), u.name, u.daemon)
try:
    u.join()
except RuntimeError as e:
    print(type(e).__name__, e)
u.daemon = False
u.name = "renamed"
print(repr(u))
u.start()
try:
    u.daemon = True
except RuntimeError as e:
    print(type(e).__name__, e)

main = threading.main_thread()
print(main.name, threading.current_thread() is main, main.is_alive(), threading.active_count())
print([th.name for th in threading.enumerate()])
print(threading.get_ident() == main.ident, type(threading.get_native_id()).__name__)


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter-{n}")
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i
        self.inside = (threading.active_count(), threading.current_thread().name)


threads = [Counter(n) for n in (3, 5, 10)]
for th in threads:
    th.start()
for th in threads:
    th.join(timeout=1)
print([(th.total, th.inside) for th in threads])

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
for args, kwargs in (((False, 1), {}), ((), {"timeout": -5})):
    try:
        lock.acquire(*args, **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)
with lock:
    print("in with", lock.locked())
print(lock.locked(), type(lock).__name__, repr(lock).split(" object")[0])
shared = []


def add_locked(x):
    with lock:
        shared.append(x)


ts = [threading.Thread(target=add_locked, args=(i,)) for i in range(4)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(shared)

rlock = threading.RLock()
with rlock:
    with rlock:
        print("nested rlock", repr(rlock).split(" object")[0], "count=2" in repr(rlock))
try:
    rlock.release()
except RuntimeError as e:
    print(type(e).__name__, e)

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01), ev.wait(timeout=0))
threading.Thread(target=ev.set).start()
print(ev.is_set(), ev.wait(), ev.wait(1))
ev.clear()
print(ev.is_set(), repr(ev).endswith(": unset>"))

cond = threading.Condition()
with cond:
    print(cond.wait(0.01), cond.wait_for(lambda: 42, 0.01), cond.wait_for(lambda: 0, 0.01))
    cond.notify()
    cond.notify_all()
for action in (cond.notify, lambda: cond.wait(0)):
    try:
        action()
    except RuntimeError as e:
        print(type(e).__name__, e)
print(repr(threading.Condition(threading.Lock())).startswith("<Condition(<unlocked _thread.lock"))

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(repr(sem).endswith("value=2>"))
with sem:
    print(repr(sem).endswith("value=1>"))
for bad in (lambda: threading.Semaphore(-1), lambda: sem.release(0)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
bs = threading.BoundedSemaphore(1)
print(repr(bs).endswith("value=1/1>"))
try:
    bs.release()
except ValueError as e:
    print(type(e).__name__, e)

fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
print(repr(timer).endswith(", initial)>"), timer.interval)
timer.start()
timer.join()
print(fired, timer.finished.is_set())
cancelled = threading.Timer(0.01, fired.append, args=["never"])
cancelled.cancel()
cancelled.start()
print(fired)

data = threading.local()
data.value = "main"


seen_in_thread = []


def show_local():
    seen_in_thread.append(hasattr(data, "value"))
    data.value = "thread"
    seen_in_thread.append(data.value)


th = threading.Thread(target=show_local)
th.start()
th.join()
print("thread saw", seen_in_thread, "main value", data.value)


class MyLocal(threading.local):
    def __init__(self, start):
        self.start = start


ml = MyLocal(5)
ml.start += 1


def show_mylocal():
    seen_in_thread.append(ml.start)


th = threading.Thread(target=show_mylocal)
th.start()
th.join()
print("thread MyLocal start", seen_in_thread[-1], "main MyLocal start", ml.start)
try:
    data.missing
except AttributeError as e:
    print(type(e).__name__, e)

one = threading.Barrier(1)
print(one.wait(), one.parties, one.n_waiting, one.broken)
print(issubclass(threading.BrokenBarrierError, RuntimeError))

caught = []
old_hook = threading.excepthook
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


def boom():
    raise ValueError("boom in thread")


threading.Thread(target=boom, name="failing").start()
threading.Thread(target=sys.exit).start()
print(caught)
threading.excepthook = old_hook
print(threading.TIMEOUT_MAX > 1e9, threading.ThreadError is RuntimeError, threading.stack_size())
