# decimal: integer powers as libmpdec computes them (stepwise squaring in a wider context, |x| == 1,
# certain overflow and underflow from the orders of magnitude) under random narrow contexts, with flags.
from decimal import *
import random
r = random.Random(5)
SIG = [Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded, Subnormal, Overflow, Underflow]
for case in range(400):
    ctx = Context(prec=r.choice([1, 2, 3, 5, 9, 28]), rounding=r.choice([ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_05UP]), Emin=r.choice([-999999, -30, -5]), Emax=r.choice([999999, 30, 5]), clamp=r.choice([0, 1]), traps=[])
    a = Decimal(r.choice(["", "-"]) + str(r.randrange(1, 10 ** r.randrange(1, 8))) + "E" + str(r.randrange(-8, 8)))
    if case % 5 == 0: a = Decimal(r.choice(["1", "1.00", "10", "0.1", "-1", "100", "-0.10", "2", "3", "7"]))
    n = r.choice([r.randrange(-12, 13), r.randrange(-300, 300), r.choice([10**6, -10**6, 2**40, 12345])])
    with localcontext(ctx) as c:
        try: v = str(a ** n)
        except Exception as e: v = type(e).__name__
        print(case, ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.clamp, a, n, v, "".join(s.__name__[:2] for s in SIG if c.flags[s]))
