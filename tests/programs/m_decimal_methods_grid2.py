# decimal: every method on another seed of random operands and contexts (see m_decimal_methods_grid.py).
import random
from decimal import *
r = random.Random(7)
SIG = [Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded, Subnormal, Overflow, Underflow, FloatOperation]
def operand():
    k = r.randrange(8)
    if k == 0: return Decimal(r.choice(["0", "-0", "Inf", "-Inf", "NaN", "sNaN", "1", "-1", "0E-3", "NaN12"]))
    digits = "".join(r.choice("0123456789") for _ in range(r.randrange(1, 20)))
    return Decimal(("-" if r.random() < 0.3 else "") + digits + "E" + str(r.randrange(-30, 30)))
def show(f):
    try: return str(f())
    except Exception as e: return type(e).__name__
un = ["ln", "exp", "log10", "sqrt", "normalize", "next_plus", "next_minus", "logb", "logical_invert", "to_integral_exact", "to_integral_value", "number_class", "copy_abs", "copy_negate", "is_normal", "is_subnormal", "adjusted", "to_eng_string", "canonical", "as_tuple", "__round__", "__floor__", "__ceil__", "as_integer_ratio"]
bi = ["compare", "compare_signal", "compare_total", "compare_total_mag", "max", "min", "max_mag", "min_mag", "next_toward", "quantize", "remainder_near", "rotate", "scaleb", "shift", "same_quantum", "logical_and", "logical_or", "logical_xor", "copy_sign", "__pow__", "__mod__", "__floordiv__", "__divmod__"]
for case in range(400):
    ctx = Context(prec=r.choice([1, 3, 7, 16, 28, 40]), rounding=r.choice([ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_05UP]), Emin=r.choice([-999999, -30]), Emax=r.choice([999999, 30]), clamp=r.choice([0, 1]), traps=[])
    a, b = operand(), operand()
    if r.random() < 0.3: a = Decimal(r.choice(["101", "1100", "0", "111111", "10"]))
    if r.random() < 0.3: b = Decimal(r.randrange(-10, 10))
    out = []
    with localcontext(ctx) as c:
        for m in un:
            c.clear_flags()
            out.append(m + "=" + show(lambda: getattr(a, m)()) + "".join(s.__name__[:2] for s in SIG if c.flags[s]))
        for m in bi:
            c.clear_flags()
            out.append(m + "=" + show(lambda: getattr(a, m)(b)) + "".join(s.__name__[:2] for s in SIG if c.flags[s]))
        c.clear_flags()
        out.append("fma=" + show(lambda: a.fma(b, a)) + "".join(s.__name__[:2] for s in SIG if c.flags[s]))
        out.append("fmt=" + show(lambda: format(a, r.choice([".3f", "e", ",.2f", "g", ">12.4", "%", ".0E", "n", "_.1f", "z.2f", "+.10g"]))))
    print(case, ctx.prec, ctx.rounding, ctx.Emin, ctx.clamp, a, b, " ".join(out))
