"""concurrent.futures for pyjit: futures, executors, wait() and as_completed().

pyjit runs Python on one host thread (see threading), so an executor runs each call it is given
to completion inside submit(), in a worker thread of its own name (ThreadPoolExecutor) or after
the pickling a process pool would do (ProcessPoolExecutor, in this process). Programs that submit
independent work and then collect the results get CPython's results; calls that wait for each
other (one task blocking on another's future or on a queue only another task fills) cannot.
"""

from concurrent.futures._base import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    BrokenExecutor,
    CancelledError,
    Executor,
    Future,
    InvalidStateError,
    TimeoutError,
    as_completed,
    wait,
)
from concurrent.futures.process import ProcessPoolExecutor
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    "FIRST_COMPLETED",
    "FIRST_EXCEPTION",
    "ALL_COMPLETED",
    "CancelledError",
    "TimeoutError",
    "BrokenExecutor",
    "Future",
    "Executor",
    "wait",
    "as_completed",
    "ProcessPoolExecutor",
    "ThreadPoolExecutor",
)


def __dir__():
    return __all__ + ("__author__", "__doc__")
