# The native backend's float64 operations on edge values: -0.0, NaN, infinities, floor division and
# modulo of negatives, powers, int and float mixed, and the errors CPython raises.
import math


def scale(n, x, k):
    y = 0.0
    for i in range(n):
        y = x * k
    return y


def negate(n, x):
    y = 0.0
    for i in range(n):
        y = -x
    return y


def arith(n, a, b):
    s = d = p = q = 0.0
    for i in range(n):
        s = a + b
        d = a - b
        p = a * b
        q = a / b
    return s, d, p, q


def floor_mod(n, a, b):
    f = m = 0.0
    for i in range(n):
        f = a // b
        m = a % b
    return f, m


def power(n, a, b):
    r = 0.0
    for i in range(n):
        r = a ** b
    return r


def compare(n, a, b):
    counts = 0
    for i in range(n):
        if a < b:
            counts += 1
        if a <= b:
            counts += 10
        if a == b:
            counts += 100
        if a != b:
            counts += 1000
        if a > b:
            counts += 10000
        if a >= b:
            counts += 100000
    return counts


def truthy(n, x):
    t = 0
    for i in range(n):
        if x:
            t += 1
        if not x:
            t += 100
    return t


def mixed(n, x):
    acc = x
    for i in range(n):
        acc = acc * 0.5 + i
        acc = acc - i / 4
        acc = 3 * acc - acc * 2
    return acc


def harmonic(n):
    h = 0.0
    for i in range(1, n):
        h += 1.0 / i
    return h


nan = float("nan")
inf = float("inf")
print(scale(5, -0.0, 1.0), scale(5, 0.0, -1.0), scale(5, -0.0, -1.0), scale(5, 1e308, 10.0))
print(negate(5, 0.0), negate(5, -0.0), negate(5, inf), negate(5, nan))
for a, b in ((1.5, 2.25), (inf, inf), (inf, -inf), (-0.0, -1.0), (0.0, -1.0), (1e308, 1e308), (nan, 1.0),
             (5e-324, 2.0), (-1.0, inf), (3, 0.5)):
    print(a, b, arith(5, a, b))
for a, b in ((7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (-0.0, 5.0), (0.0, -5.0), (1e-300, 1e300),
             (-1e-300, 1e300), (inf, 2.0), (5.0, inf), (-5.0, inf), (nan, 2.0), (6.0, 3.0), (-6.0, 3.0)):
    print(a, b, floor_mod(5, a, b))
for a, b in ((2.0, 0.5), (9.0, 0.5), (2.0, -2.0), (-2.0, 3.0), (0.0, 0.0), (inf, 0.0), (nan, 0.0), (1.0, nan),
             (-8.0, 1 / 3), (2.0, 2000.0), (0.0, -1.0), (-0.0, -3.0), (inf, -1.0)):
    try:
        print(a, b, power(5, a, b))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(a, b, type(e).__name__, e)
for a, b in ((1.0, 2.0), (2.0, 1.0), (1.0, 1.0), (nan, nan), (nan, 1.0), (-0.0, 0.0), (-inf, inf), (inf, inf)):
    print(a, b, compare(5, a, b))
print(truthy(5, 0.0), truthy(5, -0.0), truthy(5, nan), truthy(5, 1e-320), truthy(5, -inf))
print(mixed(100, 1.0), mixed(10, 7), harmonic(1000))
for a, b in ((1.0, 0.0), (-1.0, -0.0), (nan, 0.0)):
    try:
        print(arith(5, a, b))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
    try:
        print(floor_mod(5, a, b))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)


def floor_only(n, a, b):
    m = 0.0
    for i in range(n):
        m = a % b
    return m


try:
    print(floor_only(5, 3.0, 0.0))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(math.isnan(arith(3, inf, inf)[1]), math.copysign(1.0, scale(3, -0.0, 5.0)))
