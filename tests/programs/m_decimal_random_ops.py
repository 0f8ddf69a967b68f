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
