# decimal: + - * / and comparisons on seeded random operands under many contexts (precisions,
# every rounding, narrow exponent ranges for overflow/subnormal results), with the flags each
# operation raises, and the results of the same operations given the context explicitly.
import random
from decimal import (Context, Decimal, localcontext, ROUND_05UP, ROUND_CEILING, ROUND_DOWN,
                     ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP,
                     Inexact, Rounded, Subnormal, Underflow, Overflow, Clamped, InvalidOperation,
                     DivisionByZero)

r = random.Random(20261206)
ROUNDINGS = [ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
             ROUND_HALF_UP, ROUND_UP]
SIGNALS = [Inexact, Rounded, Subnormal, Underflow, Overflow, Clamped, InvalidOperation, DivisionByZero]


def operand():
    kind = r.randrange(6)
    if kind == 0:
        return Decimal(r.randrange(-10, 10))
    digits = "".join(r.choice("0123456789") for _ in range(r.randrange(1, 14)))
    exp = r.randrange(-12, 12)
    if kind == 1:
        exp = r.randrange(-30, 30)
    text = ("-" if r.random() < 0.4 else "") + digits + "E" + str(exp)
    if kind == 2:
        text = r.choice(["0", "-0", "0E-5", "0E+3", "Infinity", "-Infinity", "NaN"])
    return Decimal(text)


def flags(ctx):
    return "".join(s.__name__[:3] for s in SIGNALS if ctx.flags[s])


for case in range(160):
    prec = r.choice([1, 2, 3, 5, 9, 16, 28, 40])
    rounding = r.choice(ROUNDINGS)
    narrow = r.random() < 0.25
    clamp = 1 if narrow and r.random() < 0.5 else 0
    ctx = Context(prec=prec, rounding=rounding, Emin=-20 if narrow else -999999,
                  Emax=20 if narrow else 999999, clamp=clamp, traps=[])
    a, b = operand(), operand()
    out = []
    with localcontext(ctx) as c:
        for name, op in [("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b), ("/", lambda: a / b)]:
            c.clear_flags()
            out.append("%s %s [%s]" % (name, op(), flags(c)))
        out.append("cmp %s %s %s %s" % (a < b, a <= b, a == b, a > b))
    explicit = ctx.copy()
    out.append("ctx %s %s %s %s" % (explicit.add(a, b), explicit.subtract(a, b), explicit.multiply(a, b),
                                     explicit.divide(a, b)))
    print(case, prec, rounding, narrow, clamp, a, b, " | ".join(out))

# traps: the fast path must leave trapped conditions to the exception
with localcontext(Context(prec=3, traps=[Inexact])):
    for x, y in [("1", "3"), ("1.5", "2"), ("1234", "1")]:
        try:
            print(Decimal(x) / Decimal(y), Decimal(x) + Decimal(y))
        except Inexact as e:
            print("Inexact", type(e).__name__, e)
with localcontext(Context(prec=3, traps=[Rounded])) as c:
    try:
        print(Decimal("1234") * Decimal(1))
    except Rounded as e:
        print("Rounded", e, c.flags[Rounded])
print(Decimal(10**30) / 7, Decimal(-5), Decimal(-2**70), Decimal(True))
