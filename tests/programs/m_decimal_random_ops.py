# Decimal: random operands (small and large coefficients, exponents near and far) through the operators,
# comparisons, quantize and sqrt under every rounding and several precisions, with the flags raised.
from decimal import *
import random
rng = random.Random(5)
def rnd():
    k = rng.random()
    digits = rng.choice([1, 2, 3, 5, 8, 12, 15, 16, 17, 20, 30])
    c = rng.randrange(10 ** digits)
    e = rng.choice([0, -1, -2, -3, -5, 1, 2, -10, 5, -20, 20])
    s = "-" if rng.random() < 0.3 else ""
    return Decimal("%s%dE%d" % (s, c, e))
out = []
for prec in [3, 9, 16, 28]:
    for rounding in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP, ROUND_UP, ROUND_HALF_DOWN]:
        with localcontext(prec=prec, rounding=rounding) as ctx:
            for i in range(40):
                a, b = rnd(), rnd()
                n = rng.randrange(-10**6, 10**6)
                ctx.clear_flags()
                r = [a + b, a - b, a * b, a + n, n - a, a * n, a < b, a == b, a >= n, -a, +a, abs(a)]
                try:
                    r.append(a / b)
                except Exception as e:
                    r.append(type(e).__name__)
                try:
                    r.append(a.quantize(Decimal("1E%d" % rng.randrange(-6, 4)), rounding=rng.choice([ROUND_HALF_UP, ROUND_05UP, ROUND_FLOOR, None])))
                except Exception as e:
                    r.append(type(e).__name__)
                try:
                    r.append(abs(a).sqrt())
                except Exception as e:
                    r.append(type(e).__name__)
                r.append([ctx.flags[s] for s in [Inexact, Rounded, Clamped, Subnormal]])
                print(prec, rounding, [str(x) for x in r])

# exact and inexact division of small coefficients (the number path) against divisors of 2s and 5s
rng = random.Random(7)
out = []
for prec in [2, 3, 5, 9, 16, 28]:
    for rounding in [ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_05UP]:
        with localcontext(prec=prec, rounding=rounding) as ctx:
            for i in range(40):
                a = Decimal("%s%dE%d" % (rng.choice(["", "-"]), rng.randrange(0, 10 ** rng.randrange(1, 16)), rng.randrange(-6, 6)))
                b = Decimal("%dE%d" % (rng.choice([1, 2, 4, 5, 8, 16, 25, 125, 3, 7, 40, 625, 1024, 2 ** 20, 5 ** 12, 3 * 2 ** 10, 10 ** 15, 2 ** 52]) * rng.choice([1, 1, 10, 100]), rng.randrange(-4, 4)))
                ctx.clear_flags()
                r = [a / b, b / a if a else None, a / 8, 7 / b]
                print(prec, rounding, [str(x) for x in r], ctx.flags[Inexact], ctx.flags[Rounded])
