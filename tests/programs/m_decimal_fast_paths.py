# decimal: the operations with native fast paths (Decimal(str), Decimal(int), str/repr/eng, hash,
# quantize, mixed int operands, comparisons) on seeded random values and edge cases, compared
# with CPython including the flags they raise.
import random
from decimal import (Context, Decimal, localcontext, getcontext, ROUND_05UP, ROUND_CEILING,
                     ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP,
                     Inexact, Rounded, Subnormal, Underflow, Overflow, Clamped, InvalidOperation,
                     DivisionByZero, InvalidOperation)
from fractions import Fraction

r = random.Random(7)
ROUNDINGS = [ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
             ROUND_HALF_UP, ROUND_UP]
SIGNALS = [Inexact, Rounded, Subnormal, Underflow, Overflow, Clamped, InvalidOperation, DivisionByZero]


def flags(ctx):
    return "".join(s.__name__[:3] for s in SIGNALS if ctx.flags[s])


def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return "%s %s" % (type(e).__name__, e)


for text in ["1", "-1", "+1.50", " 1_000.5 ", "1_0_0", "1.", ".5", "+.5e-3", "-0.000", "0e0", "1E+2",
             "1e-7", "123.456e-10", "1e999999999999", "1e-999999999999", "12345678901234567890.123456789",
             "\u0661\u0662", "1 2", "", ".", "e5", "1e", "1e+", "--1", "inf", "-Infinity", "nan", "sNaN12",
             "NaN0123", "\t7\n", "1\x1c", "0.0000001", "100E-9", "-5E+3"]:
    with localcontext() as c:
        c.traps[InvalidOperation] = False
        d = Decimal(text)
        print(repr(text), repr(d), str(d), d.to_eng_string(), flags(c))

for k in range(120):
    d = Decimal("%s%s%sE%d" % (r.choice(["", "-"]), r.randrange(10 ** r.randrange(1, 12)),
                               r.choice(["", ".", "." + str(r.randrange(1000))]), r.randrange(-15, 15)))
    print(repr(d), d.to_eng_string(), hash(d) == hash(float(d)) if d == float(d) else "-",
          hash(d) == hash(Fraction(d)), str(-d))

print(hash(Decimal(5)) == hash(5), hash(Decimal("2.5")) == hash(2.5), hash(Decimal("1e30")) == hash(10**30),
      hash(Decimal("-1")), hash(Decimal("0.1")), hash(Decimal("-0")), hash(Decimal("1E+999")))

for case in range(150):
    prec = r.choice([1, 3, 5, 9, 28])
    ctx = Context(prec=prec, rounding=r.choice(ROUNDINGS), Emin=-15 if case % 5 == 0 else -999999,
                  Emax=15 if case % 5 == 0 else 999999, traps=[])
    d = Decimal("%s%dE%d" % (r.choice(["", "-"]), r.randrange(10 ** r.randrange(1, 10)), r.randrange(-12, 8)))
    q = Decimal("1E%d" % r.randrange(-12, 8))
    n = r.randrange(-1000, 1000)
    rounding = r.choice([None] + ROUNDINGS)
    with localcontext(ctx) as c:
        out = []
        for name, f in [("q", lambda: d.quantize(q, rounding)), ("+n", lambda: d + n), ("n+", lambda: n + d),
                        ("-n", lambda: d - n), ("n-", lambda: n - d), ("*n", lambda: d * n),
                        ("n*", lambda: n * d), ("/n", lambda: d / n), ("n/", lambda: n / d),
                        ("round", lambda: round(d, r.randrange(-3, 4)))]:
            c.clear_flags()
            out.append("%s=%s[%s]" % (name, attempt(f), flags(c)))
        out.append("cmp=%s%s%s" % (d < n, d == n, n <= d))
    print(case, prec, c.rounding, d, q, n, rounding, " ".join(out))

print(Decimal(7) == 7, 7 == Decimal(7), Decimal("7.0") == 7, Decimal(2**70) == 2**70, Decimal(-3) < -2,
      Decimal("1.5") > 1, 2 > Decimal("2.5"), Decimal(3) + True, Decimal("1.1") * 2**80)
with localcontext(Context(prec=3, traps=[Rounded])):
    print(attempt(lambda: Decimal("1.2345").quantize(Decimal("0.01"))))
    print(attempt(lambda: Decimal(1000) + 1))
print(attempt(lambda: Decimal("1.2").quantize(Decimal("1e-30"))))
print(attempt(lambda: Decimal("1.2").quantize(Decimal("1"), "bogus")))
print(attempt(lambda: Decimal("1.2").quantize(1)), attempt(lambda: Decimal("1.2").quantize(1.0)))
print(getcontext().flags[Inexact], getcontext().flags[Rounded])

# unary operators, // and %, conversions to int and float
import math
for case in range(120):
    prec = r.choice([1, 2, 4, 9, 28])
    ctx = Context(prec=prec, rounding=r.choice(ROUNDINGS), traps=[])
    d = Decimal("%s%dE%d" % (r.choice(["", "-"]), r.randrange(10 ** r.randrange(0, 12)), r.randrange(-14, 6)))
    e = Decimal("%s%dE%d" % (r.choice(["", "-"]), r.randrange(10 ** r.randrange(0, 6)), r.randrange(-6, 4)))
    with localcontext(ctx) as c:
        out = []
        for name, f in [("neg", lambda: -d), ("pos", lambda: +d), ("abs", lambda: abs(d)), ("//", lambda: d // e),
                        ("%", lambda: d % e), ("n//", lambda: 7 // d), ("%n", lambda: d % 3),
                        ("int", lambda: int(d)), ("float", lambda: float(d)), ("floor", lambda: math.floor(d)),
                        ("ceil", lambda: math.ceil(d)), ("round", lambda: round(d)), ("divmod", lambda: divmod(d, e))]:
            c.clear_flags()
            out.append("%s=%s[%s]" % (name, attempt(f), flags(c)))
    print(case, prec, ctx.rounding, d, e, " ".join(out))
with localcontext(Context(rounding=ROUND_FLOOR)):
    print(-Decimal("0"), +Decimal("-0"), -Decimal("-0.00"), abs(Decimal("-0")), Decimal("0") - Decimal("0"))
print(float(Decimal("1e400")), float(Decimal("-1e-400")), float(Decimal("0.1")), float(Decimal("123456789012345678901234567890")))
print(int(Decimal("1e30")), int(Decimal("-7.9")), int(Decimal("1234567890123456789.99")))
