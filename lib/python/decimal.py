# The module `decimal`: IEEE 754 / General Decimal Arithmetic on Decimal numbers, as CPython
# 3.11's C module (_decimal, libmpdec) behaves: Decimal (sign, an int coefficient, an int exponent
# or a special kind), Context (precision, rounding, exponent limits, flags and traps), the signals
# and the rounding modes. Every operation rounds once, correctly: results are computed exactly on
# Python ints where possible, and exp/ln/log10/power with enough extra digits that the rounding is
# certain (more digits are tried until it is).

import _decimal_core as _core
import math as _math
import numbers as _numbers
import sys as _sys
from collections import namedtuple as _namedtuple

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"


ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_DOWN,
              ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

_HASH_MODULUS = _sys.hash_info.modulus
_HASH_INF = _sys.hash_info.inf
# 10**-1 modulo the hash modulus: hashing c * 10**e for e < 0.
_HASH_TEN_INVERSE = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


# ---------------------------------------------------------------------------------------------
# Signals


class DecimalException(ArithmeticError):
    __module__ = "decimal"


class Clamped(DecimalException):
    __module__ = "decimal"


class InvalidOperation(DecimalException):
    __module__ = "decimal"


class ConversionSyntax(InvalidOperation):
    __module__ = "decimal"


class DivisionByZero(DecimalException, ZeroDivisionError):
    __module__ = "decimal"


class DivisionImpossible(InvalidOperation):
    __module__ = "decimal"


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    __module__ = "decimal"


class Inexact(DecimalException):
    __module__ = "decimal"


class InvalidContext(InvalidOperation):
    __module__ = "decimal"


class Rounded(DecimalException):
    __module__ = "decimal"


class Subnormal(DecimalException):
    __module__ = "decimal"


class Overflow(Inexact, Rounded):
    __module__ = "decimal"


class Underflow(Inexact, Rounded, Subnormal):
    __module__ = "decimal"


class FloatOperation(DecimalException, TypeError):
    __module__ = "decimal"


# The signals in the order the C module lists them (flags, traps, reprs, which one is raised).
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
            Inexact, Rounded, Clamped)
# The order of Context reprs (libmpdec's status bits).
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow, Rounded,
               Subnormal, Underflow)
# Conditions that are reported as InvalidOperation.
_INVALID_CONDITIONS = (ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext,
                       InvalidOperation)
_CONDITION_ORDER = _INVALID_CONDITIONS + _SIGNALS[1:]


def _signal_of(condition):
    return InvalidOperation if condition in _INVALID_CONDITIONS else condition


_SIGNALS_MESSAGE = ("valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]")


class _SignalDict(dict):
    """Flags or traps: a dict from each signal to a bool whose keys cannot change."""

    def __setitem__(self, key, value):
        if key not in _SIGNALS:
            raise KeyError(_SIGNALS_MESSAGE)
        dict.__setitem__(self, key, bool(value))

    def __getitem__(self, key):
        if key not in _SIGNALS:
            raise KeyError(_SIGNALS_MESSAGE)
        return dict.__getitem__(self, key)

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __repr__(self):
        return "{" + ", ".join("<class 'decimal.%s'>:%s" % (s.__name__, self[s]) for s in _SIGNALS) + "}"

    def copy(self):
        return _SignalDict(self)


_SignalDict.__name__ = "SignalDict"
_SignalDict.__qualname__ = "SignalDict"
_SignalDict.__module__ = "abc"


def _make_signal_dict(source, what):
    d = _SignalDict((s, False) for s in _SIGNALS)
    if source is None:
        return d
    if isinstance(source, dict):
        if len(source) != len(_SIGNALS) or any(k not in _SIGNALS for k in source):
            raise KeyError("invalid signal dict")
        for k, v in source.items():
            dict.__setitem__(d, k, bool(v))
        return d
    if not isinstance(source, list):
        raise TypeError("argument must be a signal dict")
    for s in source:
        if s not in _SIGNALS:
            raise KeyError(_SIGNALS_MESSAGE)
        dict.__setitem__(d, s, True)
    return d


# ---------------------------------------------------------------------------------------------
# Context


def _check_int_field(name, value, low, high, message):
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if value > 2 ** 63 - 1 or value < -2 ** 63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    if value < low or value > high:
        raise ValueError(message)
    return value


class Context(object):
    """The environment of arithmetic operations: precision, rounding, exponent range, flags."""

    __module__ = "decimal"

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None):
        template = DefaultContext if "DefaultContext" in globals() else None
        self.prec = prec if prec is not None else (template.prec if template else 28)
        self.rounding = rounding if rounding is not None else (template.rounding if template else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (template.Emin if template else -999999)
        self.Emax = Emax if Emax is not None else (template.Emax if template else 999999)
        self.capitals = capitals if capitals is not None else (template.capitals if template else 1)
        self.clamp = clamp if clamp is not None else (template.clamp if template else 0)
        if traps is None:
            traps = template.traps.copy() if template else [InvalidOperation, DivisionByZero, Overflow]
        object.__setattr__(self, "traps", _make_signal_dict(traps, "traps"))
        object.__setattr__(self, "flags", _make_signal_dict(flags, "flags"))

    def __setattr__(self, name, value):
        if name == "prec":
            value = _check_int_field(name, value, 1, MAX_PREC, "valid range for prec is [1, MAX_PREC]")
        elif name == "Emin":
            value = _check_int_field(name, value, MIN_EMIN, 0, "valid range for Emin is [MIN_EMIN, 0]")
        elif name == "Emax":
            value = _check_int_field(name, value, 0, MAX_EMAX, "valid range for Emax is [0, MAX_EMAX]")
        elif name == "capitals":
            value = _check_int_field(name, value, 0, 1, "valid values for capitals are 0 or 1")
        elif name == "clamp":
            value = _check_int_field(name, value, 0, 1, "valid values for clamp are 0 or 1")
        elif name == "rounding":
            if value not in _ROUNDINGS or type(value) is not str:
                raise TypeError(
                    "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                    "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]"
                )
        elif name in ("flags", "traps"):
            if not isinstance(value, dict):
                raise TypeError("argument must be a signal dict")
            value = _make_signal_dict(value, name)
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    def __repr__(self):
        flags = [s.__name__ for s in _REPR_ORDER if self.flags[s]]
        traps = [s.__name__ for s in _REPR_ORDER if self.traps[s]]
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])"
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   ", ".join(flags), ", ".join(traps)))

    def __reduce__(self):
        flags = [s for s in _SIGNALS if self.flags[s]]
        traps = [s for s in _SIGNALS if self.traps[s]]
        return (self.__class__, (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                                 flags, traps))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       self.flags.copy(), self.traps.copy())

    __copy__ = copy

    def clear_flags(self):
        for s in _SIGNALS:
            dict.__setitem__(self.flags, s, False)

    def clear_traps(self):
        for s in _SIGNALS:
            dict.__setitem__(self.traps, s, False)

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _signal(self, conditions):
        """Sets the flags of `conditions`; raises the first trapped one (C's order), whose
        argument lists every trapped condition."""
        trapped = []
        flags = self.flags
        traps = self.traps
        for condition in _CONDITION_ORDER:
            if condition in conditions:
                signal = _signal_of(condition)
                dict.__setitem__(flags, signal, True)
                if traps[signal]:
                    trapped.append(condition)
        if trapped:
            for signal in _SIGNALS:
                if any(_signal_of(c) is signal for c in trapped):
                    raise signal(trapped)

    def _invalid(self, condition=InvalidOperation):
        self._signal((condition,))
        return _NAN

    def create_decimal(self, num="0"):
        if isinstance(num, str):
            text = num
            if text != text.strip():
                self._signal((ConversionSyntax,))
                return _NAN
        d = Decimal(num, context=self)
        if d._is_special:
            if d._exp != "F" and len(str(d._int)) > self.prec - self.clamp and d._int:
                return self._invalid(ConversionSyntax)
            return d
        return _finish(d._sign, d._int, d._exp, self)

    def create_decimal_from_float(self, f):
        return _finish_decimal(Decimal.from_float(f), self)

    # The arithmetic operations, as context methods: operands may be ints or Decimals.
    def abs(self, a):
        return _decimal_abs(_convert_strict(a), context=self)

    def add(self, a, b):
        return _decimal_add(_convert_strict(a), _convert_strict(b), context=self)

    def canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return a

    def compare(self, a, b):
        return _convert_strict(a).compare(b, context=self)

    def compare_signal(self, a, b):
        return _convert_strict(a).compare_signal(b, context=self)

    def compare_total(self, a, b):
        return _convert_strict(a).compare_total(b)

    def compare_total_mag(self, a, b):
        return _convert_strict(a).compare_total_mag(b)

    def copy_abs(self, a):
        return _convert_strict(a).copy_abs()

    def copy_decimal(self, a):
        return _convert_strict(a)

    def copy_negate(self, a):
        return _convert_strict(a).copy_negate()

    def copy_sign(self, a, b):
        return _convert_strict(a).copy_sign(b)

    def divide(self, a, b):
        return _decimal_truediv(_convert_strict(a), _convert_strict(b), context=self)

    def divide_int(self, a, b):
        return _decimal_floordiv(_convert_strict(a), _convert_strict(b), context=self)

    def divmod(self, a, b):
        return _decimal_divmod(_convert_strict(a), _convert_strict(b), context=self)

    def exp(self, a):
        return _convert_strict(a).exp(context=self)

    def fma(self, a, b, c):
        return _convert_strict(a).fma(b, c, context=self)

    def is_canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return True

    def is_finite(self, a):
        return _convert_strict(a).is_finite()

    def is_infinite(self, a):
        return _convert_strict(a).is_infinite()

    def is_nan(self, a):
        return _convert_strict(a).is_nan()

    def is_normal(self, a):
        return _convert_strict(a).is_normal(context=self)

    def is_qnan(self, a):
        return _convert_strict(a).is_qnan()

    def is_signed(self, a):
        return _convert_strict(a).is_signed()

    def is_snan(self, a):
        return _convert_strict(a).is_snan()

    def is_subnormal(self, a):
        return _convert_strict(a).is_subnormal(context=self)

    def is_zero(self, a):
        return _convert_strict(a).is_zero()

    def ln(self, a):
        return _convert_strict(a).ln(context=self)

    def log10(self, a):
        return _convert_strict(a).log10(context=self)

    def logb(self, a):
        return _convert_strict(a).logb(context=self)

    def logical_and(self, a, b):
        return _convert_strict(a).logical_and(b, context=self)

    def logical_invert(self, a):
        return _convert_strict(a).logical_invert(context=self)

    def logical_or(self, a, b):
        return _convert_strict(a).logical_or(b, context=self)

    def logical_xor(self, a, b):
        return _convert_strict(a).logical_xor(b, context=self)

    def max(self, a, b):
        return _convert_strict(a).max(b, context=self)

    def max_mag(self, a, b):
        return _convert_strict(a).max_mag(b, context=self)

    def min(self, a, b):
        return _convert_strict(a).min(b, context=self)

    def min_mag(self, a, b):
        return _convert_strict(a).min_mag(b, context=self)

    def minus(self, a):
        return _decimal_neg(_convert_strict(a), context=self)

    def multiply(self, a, b):
        return _decimal_mul(_convert_strict(a), _convert_strict(b), context=self)

    def next_minus(self, a):
        return _convert_strict(a).next_minus(context=self)

    def next_plus(self, a):
        return _convert_strict(a).next_plus(context=self)

    def next_toward(self, a, b):
        return _convert_strict(a).next_toward(b, context=self)

    def normalize(self, a):
        return _convert_strict(a).normalize(context=self)

    def number_class(self, a):
        return _convert_strict(a).number_class(context=self)

    def plus(self, a):
        return _decimal_pos(_convert_strict(a), context=self)

    def power(self, a, b, modulo=None):
        return _decimal_pow(_convert_strict(a), _convert_strict(b), modulo, context=self)

    def quantize(self, a, b):
        return _convert_strict(a).quantize(b, context=self)

    def radix(self):
        return Decimal(10)

    def remainder(self, a, b):
        return _decimal_mod(_convert_strict(a), _convert_strict(b), context=self)

    def remainder_near(self, a, b):
        return _convert_strict(a).remainder_near(b, context=self)

    def rotate(self, a, b):
        return _convert_strict(a).rotate(b, context=self)

    def same_quantum(self, a, b):
        return _convert_strict(a).same_quantum(b)

    def scaleb(self, a, b):
        return _convert_strict(a).scaleb(b, context=self)

    def shift(self, a, b):
        return _convert_strict(a).shift(b, context=self)

    def sqrt(self, a):
        return _convert_strict(a).sqrt(context=self)

    def subtract(self, a, b):
        return _decimal_sub(_convert_strict(a), _convert_strict(b), context=self)

    def to_eng_string(self, a):
        return _convert_strict(a).to_eng_string(context=self)

    def to_sci_string(self, a):
        return _decimal_str(_convert_strict(a), context=self)

    def to_integral_exact(self, a):
        return _convert_strict(a).to_integral_exact(context=self)

    def to_integral_value(self, a):
        return _convert_strict(a).to_integral_value(context=self)

    to_integral = to_integral_value


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0,
                         flags=[], traps=[InvalidOperation, DivisionByZero, Overflow])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, Emin=-999999, Emax=999999, capitals=1, clamp=0,
                       flags=[], traps=[InvalidOperation, DivisionByZero, Overflow, Underflow, Clamped])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1, clamp=0,
                          flags=[], traps=[])

_current_context = None


def getcontext():
    """The current thread's context (a copy of DefaultContext on first use)."""
    global _current_context
    if _current_context is None:
        _current_context = DefaultContext.copy()
    return _current_context


def setcontext(context):
    """Makes `context` the current context (the default contexts are copied first)."""
    global _current_context
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current_context = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *args):
        setcontext(self.saved_context)


_ContextManager.__name__ = "ContextManager"
_ContextManager.__qualname__ = "ContextManager"
_ContextManager.__module__ = "decimal"

_CONTEXT_ATTRIBUTES = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps")


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of `ctx` (default: the current context), with the
    given attributes changed, the current context inside a with statement."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    new = ctx.copy()
    for name, value in kwargs.items():
        if name not in _CONTEXT_ATTRIBUTES:
            raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        setattr(new, name, value)
    return _ContextManager(new)


# ---------------------------------------------------------------------------------------------
# Digits and rounding on int coefficients


def _digits(c):
    """How many decimal digits the int c >= 0 has (1 for 0)."""
    if c < 10:
        return 1
    if c < 10 ** 15:
        n = 1
        while c >= 10:
            c //= 10
            n += 1
        return n
    if c.bit_length() < 10000:
        return len(str(c))
    # Beyond str()'s digit limit: estimate from the bit length, then correct.
    n = int((c.bit_length() - 1) * 0.30102999566398120)
    power = 10 ** n
    while power > c:
        power //= 10
        n -= 1
    while power * 10 <= c:
        power *= 10
        n += 1
    return n + 1


def _strip_zeros(c, exp, limit):
    """Removes trailing zeros of c while exp < limit: (c, exp)."""
    while c and exp < limit and c % 10 == 0:
        c //= 10
        exp += 1
    return c, exp


def _round_away(sign, kept, rest, half, rounding):
    """Whether a coefficient `kept` whose dropped part compares to half a unit as `half` (-1 less,
    0 exactly half, 1 more; rest != 0) rounds away from zero."""
    if rounding == ROUND_HALF_EVEN:
        return half > 0 or (half == 0 and kept & 1 == 1)
    if rounding == ROUND_HALF_UP:
        return half >= 0
    if rounding == ROUND_HALF_DOWN:
        return half > 0
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    return kept % 5 == 0  # ROUND_05UP


def _drop_digits(sign, c, n, rounding):
    """c with its n lowest digits dropped and rounded: (new coefficient, inexact)."""
    if n <= 0:
        return c, False
    if n > _digits(c) + 1:
        # Everything dropped, and less than half a unit of the kept place.
        if c == 0:
            return 0, False
        return (1 if _round_away(sign, 0, 1, -1, rounding) else 0), True
    unit = 10 ** n
    kept, rest = divmod(c, unit)
    if rest == 0:
        return kept, False
    twice = rest * 2
    half = -1 if twice < unit else (0 if twice == unit else 1)
    if _round_away(sign, kept, rest, half, rounding):
        kept += 1
    return kept, True


# ---------------------------------------------------------------------------------------------
# Making results: every finite result goes through _finish (precision, exponent limits, flags).


def _new(sign, coefficient, exp, special=False):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coefficient
    d._exp = exp
    d._is_special = special
    return d


def _overflow_result(sign, ctx, rounding):
    if (rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (rounding == ROUND_CEILING and sign == 0) or (rounding == ROUND_FLOOR and sign == 1)):
        return _new(sign, 0, "F", True)
    return _new(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _finish_raw(sign, c, exp, ctx, rounding=None):
    """The rounded result for sign/c/exp under ctx, and the conditions it raised (a list)."""
    if rounding is None:
        rounding = ctx.rounding
    prec = ctx.prec
    emax = ctx.Emax
    etiny = ctx.Emin - prec + 1
    etop = emax - prec + 1
    conditions = []
    if c == 0:
        top = etop if ctx.clamp else emax
        if exp < etiny:
            exp = etiny
            conditions.append(Clamped)
        elif exp > top:
            exp = top
            conditions.append(Clamped)
        return _new(sign, 0, exp), conditions
    ndigits = _digits(c)
    if ndigits <= prec and exp >= ctx.Emin and exp <= etop:
        return _new(sign, c, exp), conditions
    adjusted = exp + ndigits - 1
    if adjusted > emax:
        conditions.extend((Overflow, Inexact, Rounded))
        return _overflow_result(sign, ctx, rounding), conditions
    subnormal = adjusted < ctx.Emin
    target = max(exp + ndigits - prec, etiny)
    if exp < target:
        c, inexact = _drop_digits(sign, c, target - exp, rounding)
        exp = target
        if c and _digits(c) > prec:
            c //= 10
            exp += 1
        if exp > etop:
            conditions.extend((Overflow, Inexact, Rounded))
            return _overflow_result(sign, ctx, rounding), conditions
        conditions.append(Rounded)
        if inexact:
            conditions.append(Inexact)
            if subnormal:
                conditions.append(Underflow)
                if c == 0:
                    conditions.append(Clamped)
        if subnormal:
            conditions.append(Subnormal)
    elif subnormal:
        conditions.append(Subnormal)
    if ctx.clamp and exp > etop and c:
        c *= 10 ** (exp - etop)
        exp = etop
        conditions.append(Clamped)
    return _new(sign, c, exp), conditions


def _finish(sign, c, exp, ctx, rounding=None):
    """The result sign/c/exp rounded under ctx, with its flags set (and traps raised)."""
    if c and ctx.Emin <= exp <= ctx.Emax - ctx.prec + 1 and c < 10 ** ctx.prec:
        return _new(sign, c, exp)
    d, conditions = _finish_raw(sign, c, exp, ctx, rounding)
    if conditions:
        ctx._signal(conditions)
    return d


def _finish_decimal(d, ctx):
    if d._is_special:
        return d
    return _finish(d._sign, d._int, d._exp, ctx)


_NAN = None  # set after the class


def _context(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError("optional argument must be a context")
    return context


# ---------------------------------------------------------------------------------------------
# Conversions of operands


def _convert_strict(value):
    """An operand of a Decimal method: a Decimal, or an int made exact."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return _from_int(value)
    raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)


def _convert_operand(value):
    """An operand of a Decimal operator: a Decimal, or NotImplemented."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return _from_int(value)
    return NotImplemented


def _from_int(value):
    value = int(value)
    if value < 0:
        return _new(1, -value, 0)
    return _new(0, value, 0)


def _parse_decimal(text):
    """A Decimal from a numeric string, or None when it is not one."""
    # The C module drops every underscore (not only those between digits).
    s = text.strip().replace("_", "")
    n = len(s)
    i = 0
    sign = 0
    if i < n and s[i] in "+-":
        sign = 1 if s[i] == "-" else 0
        i += 1
    rest = s[i:]
    low = rest.lower()
    if low in ("inf", "infinity"):
        return _new(sign, 0, "F", True)
    if low.startswith("nan") or low.startswith("snan"):
        payload = rest[3:] if low.startswith("nan") else rest[4:]
        kind = "n" if low.startswith("nan") else "N"
        if payload and not all(ch.isdecimal() for ch in payload):
            return None
        return _new(sign, int(payload) if payload else 0, kind, True)
    start = i
    while i < n and s[i].isdecimal():
        i += 1
    int_digits = s[start:i]
    frac_digits = ""
    if i < n and s[i] == ".":
        i += 1
        start = i
        while i < n and s[i].isdecimal():
            i += 1
        frac_digits = s[start:i]
    if not int_digits and not frac_digits:
        return None
    exp = 0
    if i < n and s[i] in "eE":
        i += 1
        start = i
        if i < n and s[i] in "+-":
            i += 1
        digits_start = i
        while i < n and s[i].isdecimal():
            i += 1
        if i == digits_start:
            return None
        exp = int(s[start:i])
    if i != n:
        return None
    coefficient = int(int_digits + frac_digits) if (int_digits or frac_digits) else 0
    return _new(sign, coefficient, exp - len(frac_digits))


# ---------------------------------------------------------------------------------------------
# Fixed-point transcendental kernels: a value v is the int round(v * 10**w).


_LN_CACHE = {}


def _atanh_inverse(n, w):
    """atanh(1/n) * 10**w (n > 1), to within a few units."""
    one = 10 ** (w + 5)
    term = one // n
    n2 = n * n
    total = term
    k = 1
    while term:
        term //= n2
        k += 2
        total += term // k
    return total // 10 ** 5


def _ln2_ln10(w):
    """(ln 2, ln 10) as fixed-point ints at w digits."""
    cached = _LN_CACHE.get(w)
    if cached is None:
        ln2 = 2 * _atanh_inverse(3, w + 5)
        ln5_4 = 2 * _atanh_inverse(9, w + 5)
        ln10 = 3 * ln2 + ln5_4
        cached = (ln2 // 10 ** 5, ln10 // 10 ** 5)
        _LN_CACHE[w] = cached
    return cached


def _exp_fixed(x, w):
    """exp(x / 10**w) * 10**w as (int, extra power of ten), for |x| / 10**w moderate: the true value
    is int * 10**(power - w) to within a few units of the int."""
    ln2, ln10 = _ln2_ln10(w + 10)
    xw = x * 10 ** 10
    # exp(x) = 10**n * exp(r) with r = x - n ln 10 in [0, ln 10).
    n = xw // ln10
    r = xw - n * ln10
    # exp(r) = exp(r / 2**k) ** (2**k), with r / 2**k small so the series is short.
    k = 8
    one = 10 ** (w + 10)
    r //= 2 ** k
    total = one
    term = one
    i = 1
    while term:
        term = term * r // (one * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one
    return total // 10 ** 10, n


def _ln_fixed(c, e, w):
    """ln(c * 10**e) * 10**w for c > 0, to within a few units."""
    digits = _digits(c)
    # c * 10**e = m * 10**n with m = c / 10**digits in [0.1, 1); then m = f * 2**j with f near 1.
    n = e + digits
    g = w + 10
    one = 10 ** g
    m = c * one // 10 ** digits if digits <= g else c // 10 ** (digits - g)
    j = 0
    while m * 3 < one * 2:
        m *= 2
        j -= 1
    while m * 3 > one * 4:
        m //= 2
        j += 1
    # ln f = 2 atanh((f - 1) / (f + 1))
    # (floor division of negative terms would never reach 0: sum |z| and apply the sign)
    z = abs(m - one) * one // (m + one)
    z2 = z * z // one
    total = z
    term = z
    k = 1
    while term:
        term = term * z2 // one
        k += 2
        total += term // k
    if m < one:
        total = -total
    ln2, ln10 = _ln2_ln10(g)
    result = 2 * total + j * ln2 + n * ln10
    return result // 10 ** 10


def _ziv(compute, ctx, sign, rounding=ROUND_HALF_EVEN, start=None):
    """Rounds a value known only approximately: compute(w) gives (v, exp, err) with the true
    value within err units of v * 10**exp; more digits are asked for until both ends of that
    interval round to the same result under ctx. Returns the finished Decimal."""
    w = start if start is not None else ctx.prec + 10
    for _ in range(12):
        v, exp, err = compute(w)
        low, _c1 = _finish_raw(sign, v - err, exp, ctx, rounding)
        high, _c2 = _finish_raw(sign, v + err, exp, ctx, rounding)
        if low._int == high._int and low._exp == high._exp and low._is_special == high._is_special:
            break
        w += max(10, w // 2)
    d, conditions = _finish_raw(sign, v, exp, ctx, rounding)
    # The value is never exact (v can be, when the digits beyond w are all that is left).
    conditions = list(conditions)
    for condition in (Rounded, Inexact):
        if condition not in conditions:
            conditions.append(condition)
    if Subnormal in conditions and Underflow not in conditions:
        conditions.append(Underflow)
    ctx._signal(conditions)
    return d


# ---------------------------------------------------------------------------------------------
# Decimal


class Decimal(object):
    """Decimal(value="0", context=None): a decimal floating-point number, made exactly from an int,
    a string, a float, a Decimal or a (sign, digits, exponent) tuple."""

    __module__ = "decimal"
    __slots__ = ("_sign", "_int", "_exp", "_is_special")

    def __new__(cls, value="0", context=None):
        if cls is Decimal and context is None:
            if type(value) is int:
                return _core.from_int(value)
            if type(value) is str:
                d = _core.parse(value)
                if d is not None:
                    return d
        if context is not None and not isinstance(context, Context):
            raise TypeError("optional argument must be a context")
        if isinstance(value, str):
            d = _parse_decimal(value)
            if d is None:
                ctx = _context(context)
                ctx._signal((ConversionSyntax,))
                d = _new(0, 0, "n", True)
        elif isinstance(value, int):
            d = _from_int(value)
        elif isinstance(value, Decimal):
            if cls is Decimal:
                return value
            d = value
        elif isinstance(value, float):
            ctx = _context(context)
            ctx._signal((FloatOperation,))
            d = _from_float(value)
        elif isinstance(value, (tuple, list)):
            d = _from_tuple(value)
        else:
            raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)
        if cls is Decimal:
            return d
        self = object.__new__(cls)
        self._sign = d._sign
        self._int = d._int
        self._exp = d._exp
        self._is_special = d._is_special
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _from_int(f)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError("argument must be int or float")
        return d if cls is Decimal else cls(d)

    # ----- properties and predicates

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def radix(self):
        return Decimal(10)

    def canonical(self):
        return self

    def is_canonical(self):
        return True

    def is_finite(self):
        return not self._is_special

    def is_infinite(self):
        return self._exp == "F"

    def is_nan(self):
        return self._exp == "n" or self._exp == "N"

    def is_qnan(self):
        return self._exp == "n"

    def is_snan(self):
        return self._exp == "N"

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._is_special and self._int == 0

    def is_normal(self, context=None):
        if self._is_special or self._int == 0:
            return False
        return self.adjusted() >= _context(context).Emin

    def is_subnormal(self, context=None):
        if self._is_special or self._int == 0:
            return False
        return self.adjusted() < _context(context).Emin

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + _digits(self._int) - 1

    def number_class(self, context=None):
        if self._exp == "N":
            return "sNaN"
        if self._exp == "n":
            return "NaN"
        sign = "-" if self._sign else "+"
        if self._exp == "F":
            return sign + "Infinity"
        if self._int == 0:
            return sign + "Zero"
        if self.adjusted() < _context(context).Emin:
            return sign + "Subnormal"
        return sign + "Normal"

    def as_tuple(self):
        if self._is_special:
            digits = (0,) if self._exp == "F" else tuple(int(ch) for ch in str(self._int)) if self._int else ()
        else:
            digits = tuple(int(ch) for ch in str(self._int))
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self._exp == "F":
                raise OverflowError("cannot convert Infinity to integer ratio")
            raise ValueError("cannot convert NaN to integer ratio")
        c, e = self._int, self._exp
        if self._sign:
            c = -c
        if e >= 0:
            return c * 10 ** e, 1
        d = 10 ** -e
        g = _math.gcd(c, d)
        return c // g, d // g

    # ----- NaN propagation

    def _nan_result(self, other, ctx):
        """The NaN an operation on self (and other) returns, or None when neither is a NaN; a
        signaling NaN signals InvalidOperation and is returned quiet."""
        a = self._exp
        b = other._exp if other is not None else None
        if a == "N":
            ctx._signal((InvalidOperation,))
            return _fix_nan(_new(self._sign, self._int, "n", True), ctx)
        if b == "N":
            ctx._signal((InvalidOperation,))
            return _fix_nan(_new(other._sign, other._int, "n", True), ctx)
        if a == "n":
            return _fix_nan(self, ctx)
        if b == "n":
            return _fix_nan(other, ctx)
        return None

    # ----- strings

    def __str__(self, eng=False, context=None):
        ctx = getcontext() if context is None else context
        return _to_string(self, eng, ctx.capitals)

    def to_eng_string(self, context=None):
        return _to_string(self, True, _context(context).capitals)

    def __repr__(self):
        return "Decimal('%s')" % _to_string(self, False, getcontext().capitals)

    def __format__(self, spec, override=None):
        return _format_decimal(self, spec, getcontext())

    # ----- conversions

    def __bool__(self):
        return self._is_special or self._int != 0

    def __float__(self):
        f = _core.to_float(self)
        if f is not None:
            return f
        if self._is_special:
            if self._exp == "N":
                raise ValueError("cannot convert signaling NaN to float")
            if self._exp == "n":
                return -_math.nan if self._sign else _math.nan
            return -_math.inf if self._sign else _math.inf
        return float(_to_string(self, False, 1))

    def __complex__(self):
        return complex(float(self))

    def _integral(self, rounding):
        value = _core.integral(self, rounding)
        if value is not None:
            return value
        if self._is_special:
            if self._exp == "F":
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")
        c, e = self._int, self._exp
        if e >= 0:
            value = c * 10 ** e
        else:
            value, _ = _drop_digits(self._sign, c, -e, rounding)
        return -value if self._sign else value

    def __int__(self):
        return self._integral(ROUND_DOWN)

    def __trunc__(self):
        return self._integral(ROUND_DOWN)

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._integral(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_new(0, 1, -n))

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    # ----- hashing and comparison

    def __hash__(self):
        h = _core.hash(self)
        if h is not None:
            return h
        if self._is_special:
            if self._exp == "N":
                raise TypeError("Cannot hash a signaling NaN value")
            if self._exp == "n":
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        e = self._exp
        if e >= 0:
            scale = pow(10, e, _HASH_MODULUS)
        else:
            scale = pow(_HASH_TEN_INVERSE, -e, _HASH_MODULUS)
        h = self._int * scale % _HASH_MODULUS
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def _compare_key(self, other):
        """-1/0/1 comparing two non-NaN Decimals."""
        if self._exp == "F" or other._exp == "F":
            a = 0 if self._exp != "F" else (-1 if self._sign else 1)
            b = 0 if other._exp != "F" else (-1 if other._sign else 1)
            if a != b:
                return -1 if a < b else 1
            if a != 0:
                return 0
        if self._int == 0 and other._int == 0:
            return 0
        if self._int == 0:
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        ea = self._exp + _digits(self._int)
        eb = other._exp + _digits(other._int)
        if ea != eb:
            r = 1 if ea > eb else -1
        else:
            e = min(self._exp, other._exp)
            a = self._int * 10 ** (self._exp - e)
            b = other._int * 10 ** (other._exp - e)
            r = 0 if a == b else (1 if a > b else -1)
        return -r if self._sign else r

    def _compare_other(self, other, ordering):
        """(self', other') as Decimals for a comparison, or NotImplemented; ints, floats and
        Rationals compare exactly (a Rational by scaling self with its denominator)."""
        if isinstance(other, Decimal):
            return self, other
        if isinstance(other, int):
            return self, _from_int(other)
        if isinstance(other, float):
            ctx = getcontext()
            if ordering:
                ctx._signal((FloatOperation,))
            else:
                dict.__setitem__(ctx.flags, FloatOperation, True)
            return self, _from_float(other)
        if isinstance(other, complex):
            if ordering or other.imag != 0:
                return NotImplemented
            ctx = getcontext()
            dict.__setitem__(ctx.flags, FloatOperation, True)
            return self, _from_float(other.real)
        if isinstance(other, _numbers.Rational):
            if self._is_special:
                return self, _from_int(other.numerator)
            scaled = _new(self._sign, self._int * other.denominator, self._exp)
            return scaled, _from_int(other.numerator)
        return NotImplemented

    def _order(self, other, op):
        r = _core.compare(self, other)
        if r is not None:
            return (r < 0, r <= 0, r > 0, r >= 0)[op]
        pair = self._compare_other(other, True)
        if pair is NotImplemented:
            if isinstance(other, complex):
                raise TypeError("'%s' not supported between instances of 'decimal.Decimal' and 'complex'"
                                % ("<", "<=", ">", ">=")[op])
            return NotImplemented
        a, b = pair
        if a.is_nan() or b.is_nan():
            getcontext()._signal((InvalidOperation,))
            return False
        r = a._compare_key(b)
        if op == 0:
            return r < 0
        if op == 1:
            return r <= 0
        if op == 2:
            return r > 0
        return r >= 0

    def __eq__(self, other):
        r = _core.compare(self, other)
        if r is not None:
            return r == 0
        pair = self._compare_other(other, False)
        if pair is NotImplemented:
            return NotImplemented
        a, b = pair
        if a._is_special or b._is_special:
            if a._exp == "N" or b._exp == "N":
                getcontext()._signal((InvalidOperation,))
                return False
            if a.is_nan() or b.is_nan():
                return False
        return a._compare_key(b) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        return self._order(other, 0)

    def __le__(self, other):
        return self._order(other, 1)

    def __gt__(self, other):
        return self._order(other, 2)

    def __ge__(self, other):
        return self._order(other, 3)

    def compare(self, other, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        return _from_int(self._compare_key(other))

    def compare_signal(self, other, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        if self.is_nan() or other.is_nan():
            ctx._signal((InvalidOperation,))
            nan = self._nan_result(other, ctx)
            return nan
        return _from_int(self._compare_key(other))

    def _total_key(self):
        """A key ordering Decimals by the total ordering of the standard (sign aside)."""
        if self._exp == "N":
            return (3, self._int, 0)
        if self._exp == "n":
            return (4, self._int, 0)
        if self._exp == "F":
            return (2, 0, 0)
        return (1, self, self._exp)

    def compare_total(self, other, context=None):
        other = _convert_strict(other)
        if self._sign != other._sign:
            return _from_int(-1 if self._sign else 1)
        r = _total_compare_mag(self, other)
        return _from_int(-r if self._sign else r)

    def compare_total_mag(self, other, context=None):
        other = _convert_strict(other)
        return _from_int(_total_compare_mag(self, other))

    def same_quantum(self, other, context=None):
        other = _convert_strict(other)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan()) or (self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    # ----- sign operations

    def copy_abs(self):
        return _new(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        return _new(1 - self._sign, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        other = _convert_strict(other)
        return _new(other._sign, self._int, self._exp, self._is_special)

    def __abs__(self, context=None):
        if context is None:
            r = _core.unary(self, 2, _current_context or getcontext())
            if r is not None:
                return r
        ctx = _context(context)
        if self._is_special:
            nan = self._nan_result(None, ctx)
            if nan is not None:
                return nan
            return _new(0, 0, "F", True)
        return _finish(0, self._int, self._exp, ctx)

    def __neg__(self, context=None):
        if context is None:
            r = _core.unary(self, 1, _current_context or getcontext())
            if r is not None:
                return r
        ctx = _context(context)
        if self._is_special:
            nan = self._nan_result(None, ctx)
            if nan is not None:
                return nan
            return _new(1 - self._sign, 0, "F", True)
        if self._int == 0:
            # a zero's sign flips only when rounding towards -Infinity
            sign = 1 - self._sign if ctx.rounding == ROUND_FLOOR else 0
        else:
            sign = 1 - self._sign
        return _finish(sign, self._int, self._exp, ctx)

    def __pos__(self, context=None):
        if context is None:
            r = _core.unary(self, 0, _current_context or getcontext())
            if r is not None:
                return r
        ctx = _context(context)
        if self._is_special:
            nan = self._nan_result(None, ctx)
            if nan is not None:
                return nan
            return self
        sign = self._sign
        if self._int == 0:
            sign = 1 if ctx.rounding == ROUND_FLOOR and sign else 0
        return _finish(sign, self._int, self._exp, ctx)

    def plus(self, context=None):
        return _decimal_pos(self, context)

    def minus(self, context=None):
        return _decimal_neg(self, context)

    # ----- arithmetic operators

    def __add__(self, other, context=None):
        if context is None:
            r = _core.add(self, other, 0, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "+")
        other = operand
        return _add(self, other, 0, _context(context))

    def __radd__(self, other, context=None):
        if context is None:
            r = _core.add(other, self, 0, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, '+')
        other = operand
        return _add(other, self, 0, _context(context))

    def __sub__(self, other, context=None):
        if context is None:
            r = _core.add(self, other, 1, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "-")
        other = operand
        return _add(self, other, 1, _context(context))

    def __rsub__(self, other, context=None):
        if context is None:
            r = _core.add(other, self, 1, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, '-')
        other = operand
        return _add(other, self, 1, _context(context))

    def __mul__(self, other, context=None):
        if context is None:
            r = _core.multiply(self, other, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "*")
        other = operand
        return _multiply(self, other, _context(context))

    def __rmul__(self, other, context=None):
        if context is None:
            r = _core.multiply(other, self, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, '*')
        other = operand
        return _multiply(other, self, _context(context))

    def __truediv__(self, other, context=None):
        if context is None:
            r = _core.divide(self, other, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "/")
        other = operand
        return _divide(self, other, _context(context))

    def __rtruediv__(self, other, context=None):
        if context is None:
            r = _core.divide(other, self, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, '/')
        other = operand
        return _divide(other, self, _context(context))

    def __floordiv__(self, other, context=None):
        if context is None:
            r = _core.divide_integer(self, other, 0, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "//")
        other = operand
        return _divide_integer(self, other, _context(context), 0)[0]

    def __rfloordiv__(self, other, context=None):
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, '//')
        other = operand
        return _divide_integer(other, self, _context(context), 0)[0]

    def __mod__(self, other, context=None):
        if context is None:
            r = _core.divide_integer(self, other, 1, _current_context or getcontext())
            if r is not None:
                return r
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "%")
        other = operand
        return _divide_integer(self, other, _context(context), 1)[1]

    def __rmod__(self, other, context=None):
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, '%')
        other = operand
        return _divide_integer(other, self, _context(context), 1)[1]

    def __divmod__(self, other, context=None):
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "divmod()")
        other = operand
        return _divide_integer(self, other, _context(context))

    def __rdivmod__(self, other, context=None):
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, 'divmod()')
        other = operand
        return _divide_integer(other, self, _context(context))

    def __pow__(self, other, modulo=None, context=None):
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_operand(self, other, "** or pow()")
        other = operand
        ctx = _context(context)
        if modulo is not None:
            modulo = _convert_operand(modulo)
            if modulo is NotImplemented:
                return modulo
            return _power_modulo(self, other, modulo, ctx)
        return _power(self, other, ctx)

    def __rpow__(self, other, modulo=None, context=None):
        operand = _convert_operand(other)
        if operand is NotImplemented:
            return _mixed_reflected(other, self, "** or pow()")
        other = operand
        return _decimal_pow(other, self, modulo, context)

    def remainder_near(self, other, context=None):
        ctx = _context(context)
        return _remainder_near(self, _convert_strict(other), ctx)

    def fma(self, other, third, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        third = _convert_strict(third)
        if self._is_special or other._is_special:
            if self._exp == "N" or other._exp == "N" or third._exp == "N":
                ctx._signal((InvalidOperation,))
                for d in (self, other, third):
                    if d._exp == "N":
                        return _fix_nan(_new(d._sign, d._int, "n", True), ctx)
            for d in (self, other):
                if d._exp == "n":
                    return _fix_nan(d, ctx)
            if (self._exp == "F" and other.is_zero()) or (other._exp == "F" and self.is_zero()):
                return ctx._invalid()
            product = _new(self._sign ^ other._sign, 0, "F", True)
        else:
            product = _new(self._sign ^ other._sign, self._int * other._int, self._exp + other._exp)
        return _add(product, third, 0, ctx)

    # ----- mathematical functions

    def sqrt(self, context=None):
        return _sqrt(self, _context(context))

    def exp(self, context=None):
        return _exp(self, _context(context))

    def ln(self, context=None):
        return _log(self, _context(context), False)

    def log10(self, context=None):
        return _log(self, _context(context), True)

    def logb(self, context=None):
        ctx = _context(context)
        nan = self._nan_result(None, ctx)
        if nan is not None:
            return nan
        if self._exp == "F":
            return _new(0, 0, "F", True)
        if self._int == 0:
            ctx._signal((DivisionByZero,))
            return _new(1, 0, "F", True)
        return _finish_decimal(_from_int(self.adjusted()), ctx)

    def scaleb(self, other, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        if other._is_special or other._exp != 0:
            return ctx._invalid()
        limit = 2 * (ctx.Emax + ctx.prec)
        n = -other._int if other._sign else other._int
        if n > limit or n < -limit:
            return ctx._invalid()
        if self._exp == "F":
            return self
        return _finish(self._sign, self._int, self._exp + n, ctx)

    def _digit_count_operand(self, other, ctx):
        """The int n of shift/rotate's second operand (|n| <= prec), or None after signalling."""
        if other._is_special or other._exp != 0:
            return None
        n = -other._int if other._sign else other._int
        if n > ctx.prec or n < -ctx.prec:
            return None
        return n

    def shift(self, other, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        n = self._digit_count_operand(other, ctx)
        if n is None:
            return ctx._invalid()
        if self._exp == "F":
            return self
        c = self._int % 10 ** ctx.prec
        if n >= 0:
            c = (c * 10 ** n) % 10 ** ctx.prec
        else:
            c //= 10 ** -n
        return _new(self._sign, c, self._exp)

    def rotate(self, other, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        n = self._digit_count_operand(other, ctx)
        if n is None:
            return ctx._invalid()
        if self._exp == "F":
            return self
        prec = ctx.prec
        digits = str(self._int % 10 ** prec).rjust(prec, "0")
        n %= prec
        rotated = digits[n:] + digits[:n]
        return _new(self._sign, int(rotated), self._exp)

    def _logical_digits(self, ctx):
        if self._is_special or self._sign or self._exp != 0:
            return None
        s = str(self._int)
        if any(ch not in "01" for ch in s):
            return None
        return s.rjust(ctx.prec, "0")[-ctx.prec:]

    def _logical(self, other, ctx, op):
        other = _convert_strict(other)
        a = self._logical_digits(ctx)
        b = other._logical_digits(ctx)
        if a is None or b is None:
            return ctx._invalid()
        result = "".join(op(x, y) for x, y in zip(a, b))
        return _new(0, int(result), 0)

    def logical_and(self, other, context=None):
        return self._logical(other, _context(context), lambda x, y: "1" if x == "1" and y == "1" else "0")

    def logical_or(self, other, context=None):
        return self._logical(other, _context(context), lambda x, y: "1" if x == "1" or y == "1" else "0")

    def logical_xor(self, other, context=None):
        return self._logical(other, _context(context), lambda x, y: "1" if x != y else "0")

    def logical_invert(self, context=None):
        ctx = _context(context)
        a = self._logical_digits(ctx)
        if a is None:
            return ctx._invalid()
        return _new(0, int("".join("0" if x == "1" else "1" for x in a)), 0)

    # ----- max/min

    def _max_min(self, other, ctx, want_max, by_magnitude):
        other = _convert_strict(other)
        if self.is_nan() or other.is_nan():
            if self._exp == "N" or other._exp == "N":
                return self._nan_result(other, ctx)
            if self.is_nan() and other.is_nan():
                return _fix_nan(self, ctx)
            number = other if self.is_nan() else self
            return _finish_decimal(number, ctx)
        if by_magnitude:
            r = self.copy_abs()._compare_key(other.copy_abs())
            if r == 0:
                r = self._compare_key(other)
        else:
            r = self._compare_key(other)
        if r == 0:
            r = _total_compare(self, other)
        chosen = self if (r > 0) == want_max else other
        if r == 0:
            chosen = self
        return _finish_decimal(chosen, ctx)

    def max(self, other, context=None):
        return self._max_min(other, _context(context), True, False)

    def min(self, other, context=None):
        return self._max_min(other, _context(context), False, False)

    def max_mag(self, other, context=None):
        return self._max_min(other, _context(context), True, True)

    def min_mag(self, other, context=None):
        return self._max_min(other, _context(context), False, True)

    # ----- next values

    def next_plus(self, context=None):
        return _next(self, _context(context), 0)

    def next_minus(self, context=None):
        return _next(self, _context(context), 1)

    def next_toward(self, other, context=None):
        ctx = _context(context)
        other = _convert_strict(other)
        nan = self._nan_result(other, ctx)
        if nan is not None:
            return nan
        r = self._compare_key(other)
        if r == 0:
            return self.copy_sign(other)
        result = _next(self, ctx, 0 if r < 0 else 1)
        if result._exp == "F":
            ctx._signal((Overflow, Inexact, Rounded))
        elif result._int == 0:
            ctx._signal((Underflow, Subnormal, Inexact, Rounded, Clamped))
        elif result.adjusted() < ctx.Emin:
            ctx._signal((Underflow, Subnormal, Inexact, Rounded))
        return result

    # ----- quantum operations

    def normalize(self, context=None):
        ctx = _context(context)
        nan = self._nan_result(None, ctx)
        if nan is not None:
            return nan
        if self._exp == "F":
            return self
        d = _finish_decimal(self, ctx)
        if d._is_special:
            return d
        if d._int == 0:
            return _new(d._sign, 0, 0)
        top = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
        c, e = d._int, d._exp
        while c % 10 == 0 and e < top:
            c //= 10
            e += 1
        return _new(d._sign, c, e)

    def reduce(self, context=None):
        return self.normalize(context)

    def quantize(self, exp, rounding=None, context=None):
        if context is None:
            r = _core.quantize(self, exp, rounding, _current_context or getcontext())
            if r is not None:
                return r
        ctx = _context(context)
        exp = _convert_strict(exp)
        if rounding is not None and rounding not in _ROUNDINGS:
            raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                            "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]")
        nan = self._nan_result(exp, ctx)
        if nan is not None:
            return nan
        if self._exp == "F" or exp._exp == "F":
            if self._exp == "F" and exp._exp == "F":
                return self
            return ctx._invalid()
        return _rescale(self, exp._exp, rounding or ctx.rounding, ctx, True)

    def to_integral_value(self, rounding=None, context=None):
        ctx = _context(context)
        nan = self._nan_result(None, ctx)
        if nan is not None:
            return nan
        if self._exp == "F" or self._exp >= 0:
            return self
        c, _ = _drop_digits(self._sign, self._int, -self._exp, rounding or ctx.rounding)
        return _new(self._sign, c, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = _context(context)
        nan = self._nan_result(None, ctx)
        if nan is not None:
            return nan
        if self._exp == "F" or self._exp >= 0:
            return self
        c, inexact = _drop_digits(self._sign, self._int, -self._exp, rounding or ctx.rounding)
        if self._int:
            ctx._signal((Inexact, Rounded) if inexact else (Rounded,))
        return _new(self._sign, c, 0)


DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent", module="decimal")
_NAN = _new(0, 0, "n", True)
# Decimal's operators as Context's methods call them, with a context. The special methods
# themselves take only their operands once accelerated (CPython's Decimal is a C type).
_decimal_abs = Decimal.__abs__
_decimal_add = Decimal.__add__
_decimal_divmod = Decimal.__divmod__
_decimal_floordiv = Decimal.__floordiv__
_decimal_mod = Decimal.__mod__
_decimal_mul = Decimal.__mul__
_decimal_neg = Decimal.__neg__
_decimal_pos = Decimal.__pos__
_decimal_pow = Decimal.__pow__
_decimal_str = Decimal.__str__
_decimal_sub = Decimal.__sub__
_decimal_truediv = Decimal.__truediv__
_core.setup(Decimal, Inexact, Rounded)
_core.accelerate(Decimal, globals())
_numbers.Number.register(Decimal)


def _mixed_operand(a, b, symbol):
    """Decimal op other for an other no Decimal operator takes: NotImplemented, or the TypeError
    CPython gives for the built-in number types (which name the C type 'decimal.Decimal')."""
    if isinstance(b, (float, complex, str)) or b is None:
        raise TypeError("unsupported operand type(s) for %s: 'decimal.Decimal' and '%s'" % (symbol, type(b).__name__))
    return NotImplemented


def _mixed_reflected(a, b, symbol):
    # the C type's name in the messages the interpreter would give after this NotImplemented
    if isinstance(a, str) and symbol == "+":
        raise TypeError('can only concatenate str (not "decimal.Decimal") to str')
    if isinstance(a, (str, list, tuple)) and symbol == "*":
        raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
    if isinstance(a, (float, complex, str)) or a is None:
        raise TypeError("unsupported operand type(s) for %s: '%s' and 'decimal.Decimal'" % (symbol, type(a).__name__))
    return NotImplemented


def _fix_nan(d, ctx):
    """A NaN result with its payload cut to the precision's digits."""
    if d._int and _digits(d._int) > ctx.prec - ctx.clamp:
        return _new(d._sign, 0, d._exp, True) if False else _new(d._sign, d._int % 10 ** (ctx.prec - ctx.clamp), d._exp, True)
    return d


def _from_float(f):
    if f != f:
        return _new(1 if _math.copysign(1.0, f) < 0 else 0, 0, "n", True)
    if f in (_math.inf, -_math.inf):
        return _new(1 if f < 0 else 0, 0, "F", True)
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1  # d is a power of two: n / 2**k == n * 5**k / 10**k
    return _new(sign, n * 5 ** k, -k)


def _from_tuple(value):
    if len(value) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = value
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if isinstance(exp, str):
        if exp not in ("F", "n", "N"):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
    elif not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (tuple, list)):
        raise ValueError("coefficient must be a tuple of digits")
    for dgt in digits:
        if not isinstance(dgt, int) or not 0 <= dgt <= 9:
            raise ValueError("coefficient must be a tuple of digits")
    coefficient = int("".join(str(dgt) for dgt in digits)) if digits else 0
    if exp == "F":
        return _new(sign, 0, "F", True)
    if isinstance(exp, str):
        return _new(sign, coefficient, exp, True)
    return _new(sign, coefficient, exp)


def _to_string(d, eng, capitals):
    text = _core.to_string(d, eng, capitals)
    if text is not None:
        return text
    sign = "-" if d._sign else ""
    if d._is_special:
        if d._exp == "F":
            return sign + "Infinity"
        payload = str(d._int) if d._int else ""
        return sign + ("NaN" if d._exp == "n" else "sNaN") + payload
    digits = str(d._int)
    exp = d._exp
    leftdigits = exp + len(digits)
    if exp <= 0 and leftdigits > -6:
        dotplace = leftdigits
    elif not eng:
        dotplace = 1
    elif d._int == 0:
        dotplace = (leftdigits + 1) % 3 - 1
    else:
        dotplace = (leftdigits - 1) % 3 + 1
    if dotplace <= 0:
        intpart = "0"
        fracpart = "." + "0" * (-dotplace) + digits
    elif dotplace >= len(digits):
        intpart = digits + "0" * (dotplace - len(digits))
        fracpart = ""
    else:
        intpart = digits[:dotplace]
        fracpart = "." + digits[dotplace:]
    if leftdigits == dotplace:
        expstr = ""
    else:
        expstr = ("E" if capitals else "e") + "%+d" % (leftdigits - dotplace)
    return sign + intpart + fracpart + expstr


def _total_compare_mag(a, b):
    """-1/0/1: |a| against |b| in the standard's total order."""
    ka = _total_rank(a)
    kb = _total_rank(b)
    if ka != kb:
        return -1 if ka < kb else 1
    if ka == 1:
        r = a.copy_abs()._compare_key(b.copy_abs())
        if r == 0 and a._exp != b._exp:
            r = -1 if a._exp < b._exp else 1
        return r
    if ka >= 3:
        return 0 if a._int == b._int else (-1 if a._int < b._int else 1)
    return 0


def _total_rank(d):
    if d._exp == "n":
        return 4
    if d._exp == "N":
        return 3
    if d._exp == "F":
        return 2
    return 1


def _total_compare(a, b):
    if a._sign != b._sign:
        return -1 if a._sign else 1
    r = _total_compare_mag(a, b)
    return -r if a._sign else r


# ---------------------------------------------------------------------------------------------
# The operations


def _add(a, b, negate_b, ctx):
    bsign = b._sign ^ negate_b
    if a._is_special or b._is_special:
        nan = a._nan_result(b, ctx)
        if nan is not None:
            return nan
        if a._exp == "F":
            if b._exp == "F" and a._sign != bsign:
                return ctx._invalid()
            return _new(a._sign, 0, "F", True)
        return _new(bsign, 0, "F", True)
    ca, ea = a._int, a._exp
    cb, eb = b._int, b._exp
    if ca == 0 or cb == 0:
        exp = min(ea, eb)
        if ca == 0 and cb == 0:
            if a._sign == bsign:
                sign = a._sign
            else:
                sign = 1 if ctx.rounding == ROUND_FLOOR else 0
            return _finish(sign, 0, exp, ctx)
        if ca == 0:
            sign, c, e = bsign, cb, eb
        else:
            sign, c, e = a._sign, ca, ea
        # The ideal exponent is the smaller one, padded only as far as the precision allows.
        pad = e - exp
        if pad > 0:
            room = ctx.prec - _digits(c)
            if pad > room >= 0:
                # Padding beyond the precision would only be rounded away again.
                ctx._signal((Rounded,))
                pad = room
            c *= 10 ** max(pad, 0)
            e -= max(pad, 0)
        return _finish(sign, c, e, ctx)
    if ea != eb:
        # Far below the other operand's last kept digit, an operand only matters as a sticky bit.
        if ea > eb:
            hi_msd = ea + _digits(ca) - 1
            floor_exp = min(ea, hi_msd - ctx.prec - 1) - 1
            if eb + _digits(cb) - 1 < floor_exp:
                cb, eb = 1, floor_exp
        else:
            hi_msd = eb + _digits(cb) - 1
            floor_exp = min(eb, hi_msd - ctx.prec - 1) - 1
            if ea + _digits(ca) - 1 < floor_exp:
                ca, ea = 1, floor_exp
        if ea > eb:
            ca *= 10 ** (ea - eb)
            ea = eb
        elif eb > ea:
            cb *= 10 ** (eb - ea)
    va = -ca if a._sign else ca
    vb = -cb if bsign else cb
    total = va + vb
    if total == 0:
        sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        return _finish(sign, 0, ea, ctx)
    if total < 0:
        return _finish(1, -total, ea, ctx)
    return _finish(0, total, ea, ctx)


def _multiply(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        nan = a._nan_result(b, ctx)
        if nan is not None:
            return nan
        if (a._exp == "F" and b.is_zero()) or (b._exp == "F" and a.is_zero()):
            return ctx._invalid()
        return _new(sign, 0, "F", True)
    return _finish(sign, a._int * b._int, a._exp + b._exp, ctx)


def _divide(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        nan = a._nan_result(b, ctx)
        if nan is not None:
            return nan
        if a._exp == "F":
            if b._exp == "F":
                return ctx._invalid()
            return _new(sign, 0, "F", True)
        ctx._signal((Clamped,))
        return _new(sign, 0, ctx.Emin - ctx.prec + 1)
    if b._int == 0:
        if a._int == 0:
            return ctx._invalid(DivisionUndefined)
        ctx._signal((DivisionByZero,))
        return _new(sign, 0, "F", True)
    ideal = a._exp - b._exp
    if a._int == 0:
        return _finish(sign, 0, ideal, ctx)
    ca, cb = a._int, b._int
    shift = _digits(cb) - _digits(ca) + ctx.prec + 1
    if shift >= 0:
        q, r = divmod(ca * 10 ** shift, cb)
    else:
        q, r = divmod(ca, cb * 10 ** -shift)
    exp = ideal - shift
    if r:
        q = q * 10 + 1
        exp -= 1
    else:
        q, exp = _strip_zeros(q, exp, ideal)
    return _finish(sign, q, exp, ctx)


def _divide_integer(a, b, ctx, want=2):
    """(a // b, a % b): the quotient truncated towards zero and the remainder with a's sign;
    want is 0 for the quotient alone, 1 for the remainder alone (they signal differently)."""
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        nan = a._nan_result(b, ctx)
        if nan is not None:
            return nan, nan
        if a._exp == "F":
            if b._exp == "F":
                nan = ctx._invalid()
                return nan, nan
            if want == 0:
                return _new(sign, 0, "F", True), None
            return _new(sign, 0, "F", True), ctx._invalid()
        # finite // infinite: 0, and the remainder a (rounded) only when it is asked for
        return _new(sign, 0, 0), (_finish_decimal(a, ctx) if want else None)
    if b._int == 0:
        if a._int == 0:
            nan = ctx._invalid(DivisionUndefined)
            return nan, nan
        if want == 0:
            ctx._signal((DivisionByZero,))
        elif want == 1:
            ctx._signal((InvalidOperation,))
        else:
            ctx._signal((DivisionByZero, InvalidOperation))
        return _new(sign, 0, "F", True), _NAN
    exp = min(a._exp, b._exp)
    if a._int and a.adjusted() - b.adjusted() > ctx.prec:
        nan = ctx._invalid(DivisionImpossible)
        return nan, nan
    ca = a._int * 10 ** (a._exp - exp)
    cb = b._int * 10 ** (b._exp - exp)
    q, r = divmod(ca, cb)
    if _digits(q) > ctx.prec:
        nan = ctx._invalid(DivisionImpossible)
        return nan, nan
    # the quotient fits the precision, but not necessarily the exponent range (overflow, clamping)
    if want == 0:
        return _finish(sign, q, 0, ctx), None
    quotient = _finish(sign, q, 0, ctx) if want == 2 else None
    return quotient, _finish(a._sign, r, exp, ctx)


def _remainder_near(a, b, ctx):
    if a._is_special or b._is_special:
        nan = a._nan_result(b, ctx)
        if nan is not None:
            return nan
        if a._exp == "F":
            return ctx._invalid()
        return _finish_decimal(a, ctx)
    if b._int == 0:
        return ctx._invalid(DivisionUndefined if a._int == 0 else InvalidOperation)
    exp = min(a._exp, b._exp)
    if a._int and a.adjusted() - b.adjusted() > ctx.prec:
        return ctx._invalid(DivisionImpossible)
    ca = a._int * 10 ** (a._exp - exp)
    cb = b._int * 10 ** (b._exp - exp)
    q, r = divmod(ca, cb)
    if 2 * r > cb or (2 * r == cb and q & 1):
        r -= cb
        q += 1
    if _digits(q) > ctx.prec:
        return ctx._invalid(DivisionImpossible)
    sign = a._sign
    if r < 0:
        sign = 1 - sign
        r = -r
    return _finish(sign, r, exp, ctx)


def _rescale(d, exp, rounding, ctx, check):
    """d with exponent exp (quantize): InvalidOperation when it needs more than prec digits or
    exp is outside the exponent range."""
    etiny = ctx.Emin - ctx.prec + 1
    if check and (exp > ctx.Emax - ctx.prec + 1 + (ctx.prec - 1) or exp < etiny):
        if exp > ctx.Emax or exp < etiny:
            return ctx._invalid()
    c = d._int
    conditions = []
    if exp >= d._exp:
        c, inexact = _drop_digits(d._sign, c, exp - d._exp, rounding)
        if exp > d._exp and d._int:
            conditions.append(Rounded)
            if inexact:
                conditions.append(Inexact)
    else:
        if c and _digits(c) + (d._exp - exp) > ctx.prec:
            return ctx._invalid()
        c *= 10 ** (d._exp - exp)
    if c and (_digits(c) > ctx.prec or exp + _digits(c) - 1 > ctx.Emax):
        return ctx._invalid()
    etop = ctx.Emax - ctx.prec + 1
    if ctx.clamp and exp > etop:
        # the exponent is clamped to Etop (the coefficient padded, which the precision allows)
        c *= 10 ** (exp - etop)
        exp = etop
        conditions.append(Clamped)
    result = _new(d._sign, c, exp)
    if c and result.adjusted() < ctx.Emin:
        conditions.append(Subnormal)
        if Inexact in conditions:
            conditions.append(Underflow)
    if conditions:
        ctx._signal(conditions)
    return result


def _next(d, ctx, downward):
    """The next representable value above (downward=0) or below d: d plus or minus an amount
    below every unit of the last place, rounded towards that direction."""
    nan = d._nan_result(None, ctx)
    if nan is not None:
        return nan
    prec = ctx.prec
    etiny = ctx.Emin - prec + 1
    if d._exp == "F":
        if d._sign == downward:
            return d
        return _new(d._sign, 10 ** prec - 1, ctx.Emax - prec + 1)
    if d._int == 0:
        return _new(downward, 1, etiny)
    exp = min(d._exp, max(d.adjusted() - prec, etiny)) - 2
    c = d._int * 10 ** (d._exp - exp)
    value = (-c if d._sign else c) + (-1 if downward else 1)
    sign = 1 if value < 0 else 0
    result, _conditions = _finish_raw(sign, abs(value), exp, ctx, ROUND_FLOOR if downward else ROUND_CEILING)
    return result


def _sqrt(d, ctx):
    if d._is_special:
        nan = d._nan_result(None, ctx)
        if nan is not None:
            return nan
        if d._sign:
            return ctx._invalid()
        return d
    ideal = d._exp >> 1
    if d._int == 0:
        return _finish(d._sign, 0, ideal, ctx)
    if d._sign:
        return ctx._invalid()
    c, e = d._int, d._exp
    if e & 1:
        c *= 10
        e -= 1
    prec = ctx.prec
    shift = max(0, 2 * prec + 2 - _digits(c))
    shift += shift & 1
    c *= 10 ** shift
    e -= shift
    r = _math.isqrt(c)
    exp = e // 2
    if r * r == c:
        r, exp = _strip_zeros(r, exp, ideal)
        return _finish(0, r, exp, ctx, ROUND_HALF_EVEN)
    return _finish(0, r * 10 + 1, exp - 1, ctx, ROUND_HALF_EVEN)


def _exp(d, ctx):
    if d._is_special:
        nan = d._nan_result(None, ctx)
        if nan is not None:
            return nan
        if d._sign:
            return _new(0, 0, 0)
        return d
    if d._int == 0:
        return _new(0, 1, 0)
    # Results far outside the exponent range: overflow, or underflow to the smallest values.
    adjusted = d.adjusted()
    if adjusted >= 0:
        magnitude = float(d.copy_abs()) / 2.302585092994046
        if d._sign == 0 and magnitude > ctx.Emax + 2:
            return _finish(0, 1, ctx.Emax + 10, ctx, ROUND_HALF_EVEN)
        if d._sign and magnitude > -(ctx.Emin - ctx.prec) + 3:
            return _finish(0, 1, ctx.Emin - ctx.prec - 10, ctx, ROUND_HALF_EVEN)
    if adjusted < -(ctx.prec + 3):
        # exp(x) = 1 + x + ..., beyond the precision: 1 plus a sticky unit on the right side.
        w = ctx.prec + 3
        one = 10 ** (w + 1)
        return _finish(0, one - 1 if d._sign else one + 1, -(w + 1), ctx, ROUND_HALF_EVEN)

    def compute(w):
        e = d._exp + w
        x = d._int * 10 ** e if e >= 0 else d._int // 10 ** -e
        if d._sign:
            x = -x
        v, n = _exp_fixed(x, w)
        return v, n - w, 8 + (v >> 40 if w > 60 else 0) * 0 + max(1, abs(n)) * 4
    return _ziv(compute, ctx, 0)


def _log(d, ctx, base10):
    if d._is_special:
        nan = d._nan_result(None, ctx)
        if nan is not None:
            return nan
        if d._sign:
            return ctx._invalid()
        return d
    if d._int == 0:
        return _new(1, 0, "F", True)
    if d._sign:
        return ctx._invalid()
    c, e = d._int, d._exp
    if not base10 and _is_one(c, e):
        return _new(0, 0, 0)  # ln(1): exactly 0 (log10(1) is a power of ten's, below)
    if base10:
        # Exact powers of ten have an exact (integral) logarithm.
        s = str(c).rstrip("0")
        if s == "1":
            power = e + len(str(c)) - 1
            # rounded half-even whatever the context says, as ln, log10 and exp always are
            return _finish(1 if power < 0 else 0, abs(power), 0, ctx, ROUND_HALF_EVEN)
    # Digits lost to cancellation near 1: ln(1 + t) ~ t.
    extra = 0
    if e < 0:
        t, texp = c - 10 ** -e, e
    else:
        t, texp = c * 10 ** e - 1, 0
    if t:
        extra = max(0, -(texp + _digits(abs(t)) - 1))

    def compute(w):
        g = w + extra
        v = _ln_fixed(c, e, g)
        if base10:
            ln2, ln10 = _ln2_ln10(g + 5)
            v = v * 10 ** (g + 5) // ln10
        return v, -g, 10
    v_sign = 1 if (c * 10 ** e < 1 if e >= -20 and e <= 20 else d.adjusted() < 0) else 0
    if d.adjusted() < 0:
        v_sign = 1
    elif d.adjusted() > 0:
        v_sign = 0
    else:
        v_sign = 1 if _new(0, c, e)._compare_key(_new(0, 1, 0)) < 0 else 0

    def compute_magnitude(w):
        v, exp, err = compute(w)
        return abs(v), exp, err
    return _ziv(compute_magnitude, ctx, v_sign)


def _is_one(c, e):
    if e > 0:
        return False
    return c == 10 ** -e


def _power_modulo(a, b, m, ctx):
    for d in (a, b, m):
        if d._exp == "N":
            ctx._signal((InvalidOperation,))
            return _fix_nan(_new(d._sign, d._int, "n", True), ctx)
    for d in (a, b, m):
        if d._exp == "n":
            return _fix_nan(d, ctx)
    if a._is_special or b._is_special or m._is_special:
        return ctx._invalid()
    ia, ib, im = a._integer_value(), b._integer_value(), m._integer_value()
    if ia is None or ib is None or im is None or ib < 0 or im == 0 or _digits(abs(im)) > ctx.prec:
        return ctx._invalid()
    if ia == 0 and ib == 0:
        return ctx._invalid()
    r = pow(abs(ia), ib, abs(im))
    sign = 1 if ia < 0 and ib & 1 else 0
    return _new(sign, r, 0)


def _integer_value(self):
    """The int value of an integral finite Decimal, else None."""
    if self._is_special:
        return None
    c, e = self._int, self._exp
    if e < 0:
        unit = 10 ** -e
        if c % unit:
            return None
        c //= unit
    else:
        c *= 10 ** e
    return -c if self._sign else c


Decimal._integer_value = _integer_value


def _power(a, b, ctx):
    if a._is_special or b._is_special:
        nan = a._nan_result(b, ctx)
        if nan is not None:
            return nan
    n = b._integer_value()
    odd = n is not None and n & 1 == 1
    result_sign = a._sign if odd else 0
    if b._exp != "F" and not b._is_special and b._int == 0:
        if a._int == 0 and not a._is_special:
            return ctx._invalid()
        return _new(0, 1, 0)
    if a._sign and (a._int != 0 or a._is_special) and n is None:
        if not (a._exp == "F" and b._exp == "F"):
            return ctx._invalid()
    if a._exp == "F":
        if b._sign:
            return _new(result_sign, 0, 0)
        return _new(result_sign, 0, "F", True)
    if a._int == 0:
        if b._sign:
            return _new(result_sign, 0, "F", True)
        return _new(result_sign, 0, 0)
    if b._exp == "F":
        # |a| < 1, == 1 or > 1 against an infinite exponent.
        r = a.copy_abs()._compare_key(_new(0, 1, 0))
        if a._sign:
            return ctx._invalid()
        if r == 0:
            ctx._signal((Inexact, Rounded))
            return _finish(0, 10 ** ctx.prec, -ctx.prec, ctx)
        if (r > 0) == (b._sign == 0):
            return _new(0, 0, "F", True)
        return _new(0, 0, 0)
    if n is not None:
        return _integer_power(a, n, result_sign, ctx)
    # A non-integral power of a positive number: exp(b * ln a), correctly rounded.
    ctx._signal((Inexact, Rounded))
    if _is_one(a._int, a._exp):
        return _finish(0, 10 ** ctx.prec, -ctx.prec, ctx)
    ca, ea = a._int, a._exp
    estimate = float(b) * (_math.log10(ca) + ea) if _digits(ca) < 300 else float(b) * (a.adjusted() + 0.5)
    if estimate > ctx.Emax + 2:
        return _finish(0, 1, ctx.Emax + 10, ctx)
    if estimate < ctx.Emin - ctx.prec - 3:
        return _finish(0, 1, ctx.Emin - ctx.prec - 10, ctx)

    def compute(w):
        g = w + 10 + max(0, len(str(abs(int(estimate)))))
        lnx = _ln_fixed(ca, ea, g)
        # y * ln x, with y = cb * 10**eb exact
        prod = lnx * b._int
        if b._exp >= 0:
            prod *= 10 ** b._exp
        else:
            prod //= 10 ** -b._exp
        if b._sign:
            prod = -prod
        v, p = _exp_fixed(prod // 10 ** (g - w), w)
        return v, p - w, 20
    return _ziv(compute, ctx, 0, ctx.rounding)


def _exponent_digits(e):
    """How many decimal digits the exponent e has (libmpdec's mpd_exp_digits)."""
    return len(str(abs(e)))


def _ln_magnitude_floor(a):
    """A lower bound for floor(log10(|ln |a||)), as libmpdec bounds it (|a| != 1)."""
    t = a.adjusted()
    if t > 0:
        return _exponent_digits(t) - 1
    if t < -1:
        return _exponent_digits(t + 1) - 1
    # 0.1 <= |a| < 10, so its exponent is <= 0: |a| - 1 exactly is (c - 10**-e) * 10**e
    diff = abs(a._int - 10 ** -a._exp)
    u = a._exp + _digits(diff) - 1 if diff else a._exp
    return u if t == 0 else u - 1


def _integer_power(a, n, sign, ctx):
    if _is_one(a._int, a._exp):
        # |a| == 1: exactly one, with the zeros of a**n the precision allows
        if n < 0:
            return _new(sign, 1, 0)
        shift = n * -a._exp
        if shift > ctx.prec - 1:
            shift = ctx.prec - 1
            ctx._signal((Rounded,))
        return _new(sign, 10 ** shift, -shift)
    # Certain overflow or underflow, judged from the orders of magnitude as libmpdec does.
    bound = _ln_magnitude_floor(a) + _exponent_digits(n) - 1
    if (a.adjusted() < 0) == (n < 0):
        if _exponent_digits(ctx.Emax) < bound:
            return _finish(sign, 1, ctx.Emax + 10, ctx)
    elif _exponent_digits(ctx.Emin - ctx.prec + 1) < bound:
        return _finish(sign, 1, ctx.Emin - ctx.prec, ctx)
    if abs(n) < 2 ** 64:
        return _integer_power_stepwise(a, n, sign, ctx)
    ca, ea = a._int, a._exp
    magnitude = abs(n)
    zeros = 0
    while ca % 10 == 0:
        ca //= 10
        zeros += 1
    if ca == 1 and n > 0:
        # A power of ten: exact, only its (zero) digits beyond the precision are rounded away.
        total = zeros * n
        if total + 1 > ctx.prec:
            ctx._signal((Rounded,))
            return _finish(sign, 10 ** (ctx.prec - 1), ea * n + total - (ctx.prec - 1), ctx)
        return _finish(sign, 10 ** total, ea * n, ctx)
    ca *= 10 ** zeros
    if magnitude * _digits(ca) <= 4 * ctx.prec + 200 or ca == 1:
        c = ca ** magnitude
        e = ea * magnitude
        if n >= 0:
            return _finish(sign, c, e, ctx)
        # 1 / a**|n|, divided once with the context's rounding (the sign included: directed
        # roundings go the other way for a negative result).
        return _divide(_new(sign, 1, 0), _new(0, c, e), ctx)
    estimate = n * (a.adjusted() + _math.log10(int(str(ca)[:15]) / 10 ** (min(15, _digits(ca)) - 1)))
    if estimate > ctx.Emax + 2:
        return _finish(sign, 1, ctx.Emax + 10, ctx)
    if estimate < ctx.Emin - ctx.prec - 3:
        return _finish(sign, 1, ctx.Emin - ctx.prec - 10, ctx)

    def compute(w):
        g = w + 10 + len(str(magnitude))
        lnx = _ln_fixed(ca, ea, g) * n
        v, p = _exp_fixed(lnx // 10 ** (g - w), w)
        return v, p - w, 20
    return _ziv(compute, ctx, sign, ctx.rounding)


def _integer_power_stepwise(a, n, sign, ctx):
    """a**n for an int n as libmpdec computes it (so that its roundings, and its underflows to zero
    on the way, are CPython's): |a| (or 1/|a| for n < 0) raised by left-to-right squaring, each
    product rounded half-even to the precision plus n's digits plus 2 (plus 1 more for n < 0)
    within the context's exponent limits; then rounded once to the context. The conditions of
    the steps are the result's too."""
    work = Context(prec=ctx.prec + len(str(abs(n))) + 2 + (1 if n < 0 else 0), rounding=ROUND_HALF_EVEN,
                   Emin=ctx.Emin, Emax=ctx.Emax, capitals=1, clamp=0, flags=[], traps=[])
    base = _new(0, a._int, a._exp)
    if n < 0:
        base = _divide(_new(0, 1, 0), base, work)
    result = base
    for bit in bin(abs(n))[3:]:
        result = _multiply(result, result, work)
        if bit == "1":
            result = _multiply(result, base, work)
        if result._is_special or (result._int == 0 and work.flags[Clamped]):
            break
    conditions = [s for s in _SIGNALS if work.flags[s]]
    if conditions:
        ctx._signal(conditions)
    if result._is_special:
        # an overflow on the way: the context's rounding decides between Infinity and its largest value
        return _finish(sign, 1, ctx.Emax + 10, ctx)
    return _finish(sign, result._int, result._exp, ctx)


# ---------------------------------------------------------------------------------------------
# Formatting: format(Decimal, spec)


def _parse_format_spec(spec):
    """The parts of a format spec: fill, align, sign, z, alternate, zero, width, grouping,
    precision, type; ValueError('invalid format string') when it is not one."""
    i = 0
    n = len(spec)
    fill = None
    align = None
    if n >= 2 and spec[1] in "<>=^":
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in "<>=^":
        align = spec[0]
        i = 1
    sign = None
    if i < n and spec[i] in "+- ":
        sign = spec[i]
        i += 1
    z = False
    if i < n and spec[i] == "z":
        z = True
        i += 1
    alternate = False
    if i < n and spec[i] == "#":
        alternate = True
        i += 1
    zero = False
    if i < n and spec[i] == "0":
        zero = True
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else None
    grouping = None
    if i < n and spec[i] in ",_":
        grouping = spec[i]
        i += 1
    precision = None
    if i < n and spec[i] == ".":
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError("invalid format string")
        precision = int(spec[start:i])
    kind = None
    if i < n:
        kind = spec[i]
        i += 1
    if i != n or (kind is not None and kind not in "eEfFgGn%"):
        raise ValueError("invalid format string")
    if (kind == "n" and grouping is not None) or grouping == "_" or alternate or (zero and align is not None):
        raise ValueError("invalid format string")
    return fill, align, sign, z, alternate, zero, width, grouping, precision, kind


def _format_decimal(d, spec, ctx):
    fill, align, sign_option, z, alternate, zero, width, grouping, precision, kind = _parse_format_spec(spec)
    if zero and fill is None:
        if d._is_special:
            fill, align = " ", ">"
        else:
            fill = "0"
            if align is None:
                align = "="
    if fill is None:
        fill = " "
    if align is None:
        align = ">"
    rounding = ctx.rounding
    sign = d._sign
    if d._is_special:
        body = _to_string(d.copy_abs(), False, 1)
        if kind == "%":
            body += "%"
        exponent_part = ""
        intpart, fracpart = body, ""
        dot = ""
    else:
        c, e = d._int, d._exp
        if kind is None and precision is not None and kind != "g":
            kind_eff = "g"
        else:
            kind_eff = kind
        if kind == "%":
            e += 2
        zero_digits = None
        if c == 0 and kind_eff in ("f", "F", "%") and e > 0:
            e = 0
        if kind_eff in ("e", "E"):
            if precision is not None:
                digits = _digits(c)
                keep = precision + 1
                if digits > keep:
                    c, _ = _drop_digits(sign, c, digits - keep, rounding)
                    e += digits - keep
                    if _digits(c) > keep:
                        c //= 10
                        e += 1
                elif c == 0:
                    # Zero shows precision + 1 zero digits, its exponent moved by the precision.
                    zero_digits = keep
                    e += precision
                elif digits < keep:
                    c *= 10 ** (keep - digits)
                    e -= keep - digits
        elif kind_eff in ("f", "F", "%"):
            if precision is not None:
                if -e > precision:
                    c, _ = _drop_digits(sign, c, -e - precision, rounding)
                    e = -precision
                elif -e < precision:
                    c *= 10 ** (precision + e)
                    e = -precision
        elif kind_eff in ("g", "G", "n") or kind_eff is None:
            p = precision
            if p is not None:
                if p == 0:
                    p = 1
                digits = _digits(c)
                if digits > p:
                    c, _ = _drop_digits(sign, c, digits - p, rounding)
                    e += digits - p
                    if _digits(c) > p:
                        c //= 10
                        e += 1
        if z and c == 0:
            sign = 0
        digit_str = str(c)
        leftdigits = e + len(digit_str)
        if zero_digits is not None:
            digit_str = "0" * zero_digits
        if kind_eff in ("e", "E"):
            dotplace = 1
        elif kind_eff in ("f", "F", "%"):
            dotplace = leftdigits
        else:
            # "g" and no type: plain notation unless the exponent is positive or the value tiny.
            dotplace = leftdigits if e <= 0 and leftdigits > -6 else 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "0" * (-dotplace) + digit_str
        elif dotplace >= len(digit_str):
            intpart = digit_str + "0" * (dotplace - len(digit_str))
            fracpart = ""
        else:
            intpart = digit_str[:dotplace]
            fracpart = digit_str[dotplace:]
        if leftdigits == dotplace and kind_eff not in ("e", "E"):
            exponent_part = ""
        else:
            letter = "E" if kind_eff in ("E", "G") or (kind is None and ctx.capitals) else "e"
            exponent_part = letter + "%+d" % (leftdigits - dotplace)
        dot = "." if fracpart or alternate else ""
        if kind == "%":
            exponent_part += "%"
    if d._is_special:
        pass
    elif grouping or kind == "n":
        sep = grouping if grouping else ""
        if sep:
            fill_zero = zero and align == "=" and width is not None
            intpart = _group_digits(intpart, sep, 0)
    sign_str = "-" if sign else ("+" if sign_option == "+" else (" " if sign_option == " " else ""))
    body = intpart + (dot + fracpart if not d._is_special else "") + exponent_part
    if zero and fill == "0" and align == "=" and width is not None and grouping and not d._is_special:
        # Zero padding goes into the grouped digits.
        needed = width - len(sign_str) - len(body)
        if needed > 0:
            raw = intpart.replace(grouping, "")
            while True:
                raw = "0" + raw
                grouped = _group_digits(raw, grouping, 0)
                if len(grouped) + len(body) - len(intpart) + len(sign_str) >= width:
                    break
            body = grouped + body[len(intpart):]
    return _pad(sign_str, body, fill, align, width)


def _group_digits(intpart, sep, minimum):
    groups = []
    while len(intpart) > 3:
        groups.append(intpart[-3:])
        intpart = intpart[:-3]
    groups.append(intpart)
    return sep.join(reversed(groups))


def _pad(sign_str, body, fill, align, width):
    total = len(sign_str) + len(body)
    if width is None or total >= width:
        return sign_str + body
    padding = width - total
    if align == "<":
        return sign_str + body + fill * padding
    if align == ">":
        return fill * padding + sign_str + body
    if align == "=":
        return sign_str + fill * padding + body
    left = padding // 2
    return fill * left + sign_str + body + fill * (padding - left)
