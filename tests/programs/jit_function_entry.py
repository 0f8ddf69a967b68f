# Functions without loops, called often, are traced from their entry (tier 3): the trace runs the
# call up to its return and hands the return to the interpreter. Guards must send calls that do not
# fit (other kinds of arguments, the other way at a branch, a rebound global) back to the
# interpreter; exceptions raised inside must surface as tier 1 raises them; deep recursion must
# keep working past the depth at which traces stop running.
import math


def hypot3(x, y, z):
    return math.sqrt(x * x + y * y + z * z)


def classify(n):
    if n < 0:
        return "neg"
    if n == 0:
        return "zero"
    if n % 2:
        return "odd"
    return "even"


def mixed(a, b):
    return a + b


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def make_adder(k):
    def add(x):
        return x + k
    return add


def scaled(x, factor=2, *, offset=0):
    return x * factor + offset


SCALE = 3


def use_global(x):
    return x * SCALE


def checked(x):
    if x == 13:
        raise ValueError("unlucky %d" % x)
    return x


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Odd:
    def __init__(self, v):
        self.v = v
        if v == "bad":
            return 5


def overflow_result(sign, rounding):
    # A compare that may specialize while the call is recorded (into a compare-and-jump pair).
    if rounding in ("up", "even") or (rounding == "ceiling" and sign == 0) or (rounding == "floor" and sign == 1):
        return "inf"
    return "max"


total = 0.0
for i in range(300):
    total += hypot3(i, i * 0.5, 2.0)
print(round(total, 6))

print([classify(n) for n in range(-3, 300)][::37])
print([mixed(i, 1) for i in range(100)][-1], mixed(1.5, 2.5), mixed("a", "b"), mixed([1], [2]))
print([mixed(i, 0.5) for i in range(80)][-1], [mixed(str(i), "!") for i in range(80)][-1])
print(fib(20), depth(600), is_even(501), is_odd(501))
add5 = make_adder(5)
print(sum(add5(i) for i in range(200)))
print(sum(scaled(i) for i in range(100)), sum(scaled(i, 3, offset=1) for i in range(100)), scaled(2.5))
print(sum(use_global(i) for i in range(100)))
SCALE = 0.5
print(sum(use_global(i) for i in range(100)))
caught = 0
for i in range(200):
    try:
        checked(i % 20)
    except ValueError as e:
        caught += 1
        last = str(e)
print(caught, last)
pts = [Point(i, -i) for i in range(200)]
print(sum(p.norm1() for p in pts))
print([overflow_result(s, r) for s in (0, 1) for r in ("up", "ceiling", "floor", "down")] * 1 == [
    overflow_result(s, r) for _ in range(100) for s in (0, 1) for r in ("up", "ceiling", "floor", "down")][:8])
print([overflow_result(s, r) for s in (0, 1) for r in ("up", "ceiling", "floor", "down")])
for i in range(100):
    Odd(i)
try:
    Odd("bad")
except TypeError as e:
    print("TypeError:", e)
