"""ThreadPoolExecutor: each submitted call runs inside submit(), in a worker thread of the pool."""

import itertools
import os
import threading

from concurrent.futures import _base

__all__ = ["ThreadPoolExecutor", "BrokenThreadPool"]


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer raised: the pool runs nothing more."""


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


class ThreadPoolExecutor(_base.Executor):
    """Runs calls in worker threads named `thread_name_prefix`_N (one at a time, on submit)."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % self._counter())
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False
        self._broken = False
        self._shutdown = False
        self._threads = set()
        self._shutdown_lock = threading.Lock()

    def _run_in_worker(self, item):
        def work():
            if not self._initialized and self._initializer is not None:
                self._initialized = True
                try:
                    self._initializer(*self._initargs)
                except BaseException:
                    _base.LOGGER.critical("Exception in initializer:", exc_info=True)
                    self._broken = ("A thread initializer failed, the thread pool is not usable "
                                    "anymore")
                    item.future.set_exception(BrokenThreadPool(self._broken))
                    return
            self._initialized = True
            item.run()
        worker = threading.Thread(name="%s_0" % self._thread_name_prefix, target=work)
        self._threads.add(worker)
        worker.start()
        self._threads.discard(worker)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
        future = _base.Future()
        self._run_in_worker(_WorkItem(future, fn, args, kwargs))
        return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
