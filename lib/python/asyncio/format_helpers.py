"""Text for reprs: a callback with its arguments (`print(1)`, `Task.task_wakeup()`) as asyncio's
Handle and Future reprs show them."""

import functools
import reprlib


def _format_args_and_kwargs(args, kwargs):
    """'(1, 'a', key=2)' with long values shortened by reprlib."""
    parts = [reprlib.repr(arg) for arg in args]
    if kwargs:
        parts.extend(f"{key}={reprlib.repr(value)}" for key, value in kwargs.items())
    return "(" + ", ".join(parts) + ")"


def _callable_name(func):
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    return name if name is not None else repr(func)


def _format_callback(func, args, kwargs, suffix=""):
    """`name(args)` for a callback, looking through functools.partial."""
    if isinstance(func, functools.partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    return _callable_name(func) + _format_args_and_kwargs(args, kwargs) + suffix


def _function_source(func):
    """' at FILE:LINE' for a Python function (looking through partials), else ''."""
    while isinstance(func, functools.partial):
        func = func.func
    code = getattr(func, "__code__", None)
    if code is None or type(func).__name__ != "function":
        return ""
    return f" at {code.co_filename}:{code.co_firstlineno}"


def _format_callback_source(func, args):
    return _format_callback(func, args, None) + _function_source(func)
