"""asyncio.Future: a result that will be set later, awaited by coroutines (its `__await__` yields
the future itself to the Task driving the coroutine, which resumes when the future is done), with
done-callbacks scheduled on the event loop."""

from . import events
from . import exceptions
from . import format_helpers

__all__ = ("Future", "wrap_future", "isfuture")

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def isfuture(obj):
    """True for an object that follows the Future protocol (asyncio's or a compatible one)."""
    return (hasattr(obj.__class__, "_asyncio_future_blocking")
            and obj._asyncio_future_blocking is not None)


def _format_callbacks(callbacks):
    """'cb=[f(), g()]' with the middle of a long list elided, as Future's repr shows it."""
    count = len(callbacks)
    if count == 0:
        return ""

    def one(entry):
        return format_helpers._format_callback_source(entry[0], ())

    if count == 1:
        shown = one(callbacks[0])
    elif count == 2:
        shown = f"{one(callbacks[0])}, {one(callbacks[1])}"
    else:
        shown = f"{one(callbacks[0])}, <{count - 2} more>, {one(callbacks[-1])}"
    return f"cb=[{shown}]"


def _future_repr_info(future):
    """The words inside `<Future ...>`: the state, then result/exception, then callbacks."""
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f"exception={future._exception!r}")
        else:
            from reprlib import repr as short_repr
            info.append(f"result={short_repr(future._result)}")
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


class Future:
    """A result that is not ready yet: set_result/set_exception/cancel finish it once, and its
    done-callbacks then run on the loop (call_soon), never immediately."""

    _state = _PENDING
    _result = None
    _exception = None
    _exception_tb = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    # True while a coroutine awaiting this future has yielded it to its Task (the Task checks it
    # to tell `await future` from a bare `yield future`).
    _asyncio_future_blocking = False
    _log_traceback = False
    # CPython's Future is its C accelerator's class.
    __module__ = "_asyncio"

    def __init__(self, *, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        self._callbacks = []

    def __repr__(self):
        return f"<{self.__class__.__name__} {' '.join(_future_repr_info(self))}>"

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        """The CancelledError to raise for a cancelled future (made once, then reused)."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = exceptions.CancelledError()
        else:
            exc = exceptions.CancelledError(self._cancel_message)
        return exc

    def cancel(self, msg=None):
        """Cancels a pending future and schedules its callbacks; False if it was already done."""
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True

    def __schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback, ctx in callbacks:
            self._loop.call_soon(callback, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception_tb)
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        """Calls fn(future) on the loop once the future is done (soon, if it already is)."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        """Removes every registration of fn; returns how many there were."""
        kept = [entry for entry in self._callbacks if entry[0] != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self.__schedule_callbacks()
        self._log_traceback = True
        # CPython reports an exception nobody retrieved when the future is garbage collected;
        # pyjit has no finalizers, so the loop reports the ones still unretrieved when it closes.
        unretrieved = getattr(self._loop, "_unretrieved_exceptions", None)
        if unretrieved is not None:
            unretrieved.append(self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


_PyFuture = Future


def _get_loop(fut):
    try:
        get_loop = fut.get_loop
    except AttributeError:
        return fut._loop
    return get_loop()


def _set_result_unless_cancelled(fut, result):
    """A timer's callback (asyncio.sleep): finishes fut unless it was cancelled meanwhile."""
    if fut.cancelled():
        return
    fut.set_result(result)


def _copy_future_state(source, dest):
    """Gives dest (pending) the outcome of source (done)."""
    if source.cancelled():
        dest.cancel()
        return
    if dest.cancelled():
        return
    exception = source.exception()
    if exception is not None:
        dest.set_exception(exception)
    else:
        dest.set_result(source.result())


def _copy_outcome(source, destination):
    """Gives the asyncio future `destination` the outcome of the concurrent future `source`."""
    if destination.cancelled():
        return
    if source.cancelled():
        destination.cancel()
    elif source.exception() is not None:
        destination.set_exception(source.exception())
    else:
        destination.set_result(source.result())


def wrap_future(future, *, loop=None):
    """An asyncio future for a concurrent.futures.Future (an asyncio future is returned as is)."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise AssertionError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        from .events import get_event_loop
        loop = get_event_loop()
    new_future = loop.create_future()
    # pyjit's executors finish a call inside submit(); a future finished later (by set_result
    # from the program) passes its outcome on through a done callback on the loop.
    future.add_done_callback(lambda f: loop.call_soon(_copy_outcome, f, new_future))
    return new_future
