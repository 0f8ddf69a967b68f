# math.sqrt, math.fabs and math.floor called in hot loops (the JIT computes them itself, unboxed):
# the digits, the kinds of the results and the errors must be the interpreter's, at the edges too.
import math
from math import fabs, floor, sqrt


def roots(values):
    out = []
    for v in values:
        out.append(sqrt(v))
    return out


def magnitudes(values):
    total = 0.0
    for v in values:
        total += fabs(v) + math.fabs(-v)
    return total


def floors(values):
    out = []
    for v in values:
        out.append(floor(v))
    return out


floats = [i * 0.37 for i in range(400)]
ints = list(range(400))
r = roots(floats) + roots(ints)
print(sum(r), r[1], r[-1], type(r[-1]).__name__)
print(roots([0.0, -0.0, float("inf"), 2.0 ** 1000, 5e-324, 1e308]))
print(roots([float("nan")] * 3))
print(magnitudes(floats), magnitudes(ints), magnitudes([-0.0, float("-inf")] * 200))
f = floors([x - 70.0 for x in floats]) + floors(ints)
print(sum(f), f[:5], type(f[0]).__name__, type(f[-1]).__name__)
print(floors([-0.0, 0.0, -0.5, 0.5, 2.0 ** 52 + 0.5, -(2.0 ** 52) - 0.5] * 50)[:6])
print(floors([2.0 ** 53, 2.0 ** 60, -(2.0 ** 70), 1e300]), floors([10 ** 30, -(10 ** 20)]))

# Kinds that change under the trace: ints, floats, then bools and other objects.
mixed = list(range(200)) + [x * 0.5 for x in range(200)] + [True, False] * 100
print(sum(roots(mixed)), sum(floors(mixed)), magnitudes(mixed))


class Num:
    def __float__(self):
        return 6.25


print(roots([4.0] * 300 + [Num()]))

# Errors raised where the interpreter raises them, with its messages.
for bad in ([1.0] * 300 + [-1.0], [1] * 300 + [-4], [1.0] * 300 + ["x"]):
    try:
        roots(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ([1.5] * 300 + [float("inf")], [1.5] * 300 + [float("nan")]):
    try:
        floors(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

# A function of the same name that is not math's is called as itself.
def sqrt(x):
    return "mine"


print(roots([1.0] * 300)[-1])
