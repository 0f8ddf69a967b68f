"""Futures and the executor interface shared by the thread and process pools."""

import collections
import logging
import threading
import time
import types

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

LOGGER = logging.getLogger("concurrent.futures")


class Error(Exception):
    """Base class for the module's errors."""


class CancelledError(Error):
    """The future was cancelled."""


TimeoutError = TimeoutError  # the builtin, as in 3.11


class InvalidStateError(Error):
    """The operation is not allowed in the future's current state."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer run calls (a worker failed to start, or died)."""


_NEVER_DONE = ("would block forever: pyjit runs an executor's calls inside submit(), so a future "
               "that is not done now never will be")


class Future(object):
    """The result of a call an executor runs: its state, its value or exception, and callbacks."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            where = "<%s at %#x state=%s" % (self.__class__.__name__, id(self),
                                              _STATE_TO_DESCRIPTION_MAP[self._state])
            if self._state == FINISHED:
                if self._exception is not None:
                    return "%s raised %s>" % (where, self._exception.__class__.__name__)
                return "%s returned %s>" % (where, self._result.__class__.__name__)
            return where + ">"

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                LOGGER.exception("exception calling callback for %r", self)

    def cancel(self):
        """Cancels the call if it has not started; True when the future is (now) cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def _outcome(self):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._exception is not None:
            try:
                raise self._exception
            finally:
                self = None  # no reference cycle through the traceback
        return self._result

    def _wait_done(self, timeout):
        if self.done():
            return True
        if timeout is None:
            raise RuntimeError(_NEVER_DONE)
        time.sleep(max(timeout, 0))
        return self.done()

    def result(self, timeout=None):
        """The call's return value (re-raising its exception); CancelledError if cancelled."""
        if not self._wait_done(timeout):
            raise TimeoutError()
        return self._outcome()

    def exception(self, timeout=None):
        """The call's exception, or None if it returned."""
        if not self._wait_done(timeout):
            raise TimeoutError()
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        return self._exception

    def add_done_callback(self, fn):
        """Calls fn(future) when the future is done: at once if it already is."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            LOGGER.exception("exception calling callback for %r", self)

    def set_running_or_notify_cancel(self):
        """For executors: marks the future running (True), or notices a cancellation (False)."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            LOGGER.critical("Future %s in unexpected state: %s", id(self), self._state)
            raise RuntimeError("Future in unexpected state")

    def _finish(self, result, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                if exception is None:
                    waiter.add_result(self)
                else:
                    waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_result(self, result):
        """For executors and tests: the call returned `result`."""
        self._finish(result, None)

    def set_exception(self, exception):
        """For executors and tests: the call raised `exception`."""
        self._finish(None, exception)

    __class_getitem__ = classmethod(types.GenericAlias)


class _Waiter:
    """Collects the futures that finish while wait() or as_completed() looks on."""

    def __init__(self):
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    add_exception = add_result
    add_cancelled = add_result


DoneAndNotDoneFutures = collections.namedtuple("DoneAndNotDoneFutures", "done not_done")


def _finished(future):
    return future._state in (CANCELLED_AND_NOTIFIED, FINISHED)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Splits `fs` into the futures that are done and those that are not (a named 2-tuple)."""
    fs = set(fs)
    done = set(f for f in fs if _finished(f))
    not_done = fs - done
    if not_done:
        if return_when == FIRST_COMPLETED and done:
            pass
        elif return_when == FIRST_EXCEPTION and any(
                not f.cancelled() and f._exception is not None for f in done):
            pass
        elif timeout is None:
            raise RuntimeError(_NEVER_DONE)
        else:
            time.sleep(max(timeout, 0))
            done = set(f for f in fs if _finished(f))
            not_done = fs - done
    return DoneAndNotDoneFutures(done, not_done)


def as_completed(fs, timeout=None):
    """Yields the futures of `fs` (each once) as they complete; TimeoutError for the rest."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = list(dict.fromkeys(fs))
    pending = [f for f in fs if not _finished(f)]
    for f in fs:
        if _finished(f):
            yield f
    if pending:
        if timeout is None:
            raise RuntimeError(_NEVER_DONE)
        time.sleep(max(end_time - time.monotonic(), 0))
        late = [f for f in pending if _finished(f)]
        yield from late
        if len(late) < len(pending):
            raise TimeoutError("%d (of %d) futures unfinished" % (len(pending) - len(late), len(fs)))


def _result_or_cancel(future, timeout=None):
    try:
        try:
            return future.result(timeout)
        finally:
            future.cancel()
    finally:
        del future


class Executor(object):
    """The interface of the thread and process pools: submit, map, shutdown, and `with`."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """fn over the iterables' items, like map(); results in order, errors when reached."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
