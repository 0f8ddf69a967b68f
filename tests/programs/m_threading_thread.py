# _thread: locks and RLocks (reprs, argument errors, timeouts), identities, stack_size, error.
import _thread
import threading

lock = _thread.allocate_lock()
print(type(lock).__name__, _thread.LockType is type(lock), repr(lock).split(" object")[0])
try:
    _thread.allocate_lock(1)
except TypeError as e:
    print(type(e).__name__, e)
for args, kwargs in (((1, 2, 3), {}), ((), {"timeout": "x"}), ((), {"blocking": "x"}),
                     ((), {"timeout": 1e20}), ((), {"timeout": float("nan")}), ((), {"x": 1}),
                     ((False, 1), {}), ((), {"timeout": -3})):
    try:
        print(lock.acquire(*args, **kwargs))
        lock.release()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(lock.acquire(blocking=0), lock.locked())
lock.release()
print(lock.acquire(True, 0.5), lock.locked_lock())
print(lock.acquire(True, 0.01), lock.acquire(timeout=0), lock.acquire(False))
lock.release_lock()
for method in (lock.release, lambda: lock.locked(1)):
    try:
        method()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
print(lock.acquire_lock(), repr(lock).split(" object")[0])
lock.release()
with lock:
    print("with", lock.locked())

rlock = _thread.RLock()
print(repr(rlock).split(" at ")[0])
print(rlock.acquire(blocking=False), rlock.acquire(), rlock._is_owned())
print(repr(rlock).split(" object")[0], "count=2" in repr(rlock))
try:
    rlock.acquire(False, 1)
except ValueError as e:
    print(type(e).__name__, e)
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with rlock:
    print("with", rlock._is_owned())
print(rlock._is_owned())

print(_thread.get_ident() == threading.get_ident(), isinstance(_thread.get_native_id(), int))
print(_thread.stack_size(), _thread._count(), _thread.TIMEOUT_MAX, _thread.error)
try:
    _thread.stack_size(100)
except ValueError as e:
    print(type(e).__name__, e)
idents = set()
t = threading.Thread(target=lambda: idents.add(_thread.get_ident()))
t.start()
t.join()
print(idents == {t.ident}, t.ident != _thread.get_ident())
