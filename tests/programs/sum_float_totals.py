# sum() with a float total: floats, ints, bools and ints up to a C long's range added to a running
# float (as CPython's fast path), then bigger ints, other numbers and objects through __add__ /
# __radd__ from wherever the fast path stopped; start values; the errors.
import fractions, decimal
print(sum([0.1] * 10), sum([0.5, 1, True, 2**62, -2**63]), sum([1.5, 2**63]), sum([1.5, 2**100, 0.25]))
print(sum([1, 2.5, 3]), sum([2.5, 1, 2]), sum([], 0.0), sum([], -0.0), sum([-0.0]), sum([-0.0], -0.0))
print(sum([1e308, 1e308]), sum([float("inf"), float("-inf")]), sum([0.1, 0.2, 0.3], 1.0))
print(sum([0.5, fractions.Fraction(1, 3)]), sum([0.5, 1j, 2.0]), sum([2.5, True, False]))
class Weird:
    def __radd__(self, other):
        return ("radd", other)
print(sum([0.5, 2, Weird()]))
try:
    sum([0.5, "x"])
except TypeError as e:
    print("TypeError:", e)
try:
    sum([0.5, decimal.Decimal("1.5")])
except TypeError as e:
    print("TypeError:", e)
total = 0.0
xs = [i * 0.001 for i in range(100000)]
print(sum(xs), sum(xs, 1), sum(x for x in xs if x > 50), sum(map(float, range(1000))))
