"""ProcessPoolExecutor: each call and its result go through pickle, as they would to a worker
process, and the call runs in this process, inside submit() (pyjit starts no processes)."""

import os
import pickle

from concurrent.futures import _base

__all__ = ["ProcessPoolExecutor", "BrokenProcessPool"]


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker's initializer raised: the pool runs nothing more."""


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ProcessPoolExecutor(_base.Executor):
    """Runs calls as a process pool would (pickled there and back), one at a time, on submit."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if type(max_tasks_per_child) is not int:
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False
        self._broken = False
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = _base.Future()
        future.set_running_or_notify_cancel()
        # What a worker would receive: a call that does not pickle fails here, as it would fail to
        # be sent (CPython reports it through the future too).
        try:
            fn, args, kwargs = pickle.loads(pickle.dumps((fn, args, kwargs)))
        except Exception as exc:
            future.set_exception(exc)
            return future
        if not self._initialized:
            self._initialized = True
            if self._initializer is not None:
                try:
                    self._initializer(*self._initargs)
                except BaseException:
                    self._broken = ("A child process terminated abruptly, the process pool is not "
                                    "usable anymore")
                    future.set_exception(BrokenProcessPool(self._broken))
                    return future
        try:
            result = fn(*args, **kwargs)
            result = pickle.loads(pickle.dumps(result))
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
