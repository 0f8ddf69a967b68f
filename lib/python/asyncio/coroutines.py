"""iscoroutine / iscoroutinefunction as asyncio defines them, and the text of a coroutine in a
Task's repr (`main() running at FILE:LINE`, `main() done, defined at FILE:LINE`)."""

import functools
import types

__all__ = ("iscoroutinefunction", "iscoroutine")

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100

# Marks a function as a coroutine function for iscoroutinefunction (asyncio's own convention).
_is_coroutine = object()

_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType, types._GeneratorWrapper)


def iscoroutinefunction(func):
    """True for an `async def` function (or one marked with asyncio's _is_coroutine)."""
    while True:
        if hasattr(func, "__func__"):
            func = func.__func__
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            break
    code = getattr(func, "__code__", None)
    if code is not None and type(func) is types.FunctionType and code.co_flags & _CO_COROUTINE:
        return True
    return getattr(func, "_is_coroutine", None) is _is_coroutine


def iscoroutine(obj):
    """True for a coroutine object (or a generator-based coroutine)."""
    if type(obj) is types.CoroutineType:
        return True
    if isinstance(obj, _COROUTINE_TYPES):
        return True
    import collections.abc
    return isinstance(obj, collections.abc.Coroutine)


def _format_coroutine(coro, finished=False):
    """`qualname() running at FILE:LINE` or `qualname() done, defined at FILE:LINE`."""
    name = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", None) \
        or type(coro).__name__
    name = f"{name}()"
    code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
    if code is None:
        return name
    running = getattr(coro, "cr_running", False) or getattr(coro, "gi_running", False)
    if running:
        return f"{name} running"
    filename = code.co_filename
    if finished:
        return f"{name} done, defined at {filename}:{code.co_firstlineno}"
    return f"{name} running at {filename}:{_suspended_line(coro, code)}"


def _suspended_line(coro, code):
    frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
    return code.co_firstlineno if frame is None else frame.f_lineno
