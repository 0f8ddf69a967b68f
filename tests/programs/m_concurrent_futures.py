# concurrent.futures: futures, thread and process pools, map, wait, as_completed, callbacks,
# cancellation, shutdown and the errors, with results independent of scheduling.
import concurrent.futures as cf
import threading
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor


def square(x):
    return x * x


def fail(x):
    raise ValueError("bad %d" % x)


with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(square, i) for i in range(6)]
    print([f.result() for f in futures])
    print(all(f.done() for f in futures), any(f.running() for f in futures), futures[0].cancelled())
    print(list(pool.map(square, range(5))), list(pool.map(pow, [2, 3], [5, 2])))
    bad = pool.submit(fail, 3)
    print(type(bad.exception()).__name__, bad.exception())
    try:
        bad.result()
    except ValueError as e:
        print("result raised", e)
    results = pool.map(fail, [1, 2])
    try:
        next(results)
    except ValueError as e:
        print("map raised", e)
    done, not_done = cf.wait(futures)
    print(len(done), len(not_done), type(cf.wait(futures)).__name__)
    print(sorted(f.result() for f in cf.as_completed(futures)))
    first = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
    print(len(first.done) >= 1)
    seen = []
    futures[1].add_done_callback(lambda f: seen.append(f.result()))
    print(seen, futures[1].cancel(), futures[1].cancelled())
    names = pool.submit(lambda: threading.current_thread().name).result()
    print(names.startswith("ThreadPoolExecutor-"))

named = ThreadPoolExecutor(thread_name_prefix="worker")
print(named.submit(lambda: threading.current_thread().name).result())
named.shutdown()
try:
    named.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)

for bad_workers in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad_workers)
    except ValueError as e:
        print("ValueError", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError", e)

calls = []
with ThreadPoolExecutor(initializer=calls.append, initargs=("init",)) as pool:
    print(pool.submit(square, 7).result(), calls)


def broken_init():
    raise OSError("no")


import logging
logging.disable(logging.CRITICAL)
with ThreadPoolExecutor(initializer=broken_init) as pool:
    f = pool.submit(square, 2)
    print(type(f.exception()).__name__)
    try:
        pool.submit(square, 3)
    except cf.thread.BrokenThreadPool as e:
        print("BrokenThreadPool", e)
logging.disable(logging.NOTSET)

f = cf.Future()
print(f.done(), f.cancel(), f.cancelled(), f.done())
try:
    f.result()
except cf.CancelledError:
    print("CancelledError")
f = cf.Future()
f.set_result(42)
print(f.result(), f.exception(), repr(f).split(" state=")[1])
try:
    f.set_result(1)
except cf.InvalidStateError:
    print("InvalidStateError")
f = cf.Future()
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_exception(KeyError("k"))
print(repr(f).split(" state=")[1], type(f.exception()).__name__)
print(cf.TimeoutError is TimeoutError, issubclass(cf.BrokenExecutor, RuntimeError))
print(cf.Future[int])

with ProcessPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(square, range(4))), pool.submit(divmod, 17, 5).result())
    print(type(pool.submit(lambda: 1).exception()).__name__)
    print(type(pool.submit(fail, 9).exception()).__name__)
    try:
        list(pool.map(square, [1], chunksize=0))
    except ValueError as e:
        print("ValueError", e)
