"""Signals: the `_signal` module (written in TypeScript, lib/modules/signal.ts: the handler
table, raise_signal, strsignal, and what pyjit cannot do) with CPython's enums on top:
Signals (SIGINT, SIGTERM, ...), Handlers (SIG_DFL, SIG_IGN) and Sigmasks."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum
from functools import wraps as _wraps

_globals = globals()

_IntEnum._convert_(
    'Signals', __name__,
    lambda name: name.isupper() and (name.startswith('SIG') and not name.startswith('SIG_'))
    or name.startswith('CTRL_'))

_IntEnum._convert_('Handlers', __name__, lambda name: name in ('SIG_DFL', 'SIG_IGN'))

_IntEnum._convert_('Sigmasks', __name__,
                   lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))


def _int_to_enum(value, enum_klass):
    """The enum member for an int, or the value itself (a handler function, an unnamed
    signal number)."""
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.valid_signals)
def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


class itimer_error(OSError):
    """Raised by setitimer() and getitimer() (which pyjit does not provide)."""


itimer_error.__module__ = 'signal'
ItimerError = itimer_error

del _globals, _wraps
