# Native traces that read globals and call math functions with native uops (sqrt, fabs, floor):
# domain errors raised where CPython raises them, and globals or module attributes rebound between
# runs of a loop (the trace checks them on entry).
import math
from math import sqrt, floor

K = 3
SCALE = 0.5


def roots(n, x):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + sqrt(x + i)
    return t


def scaled(n):
    t = 0
    for i in range(n):
        t += i * K
    return t


def mixed(n):
    t = 0.0
    for i in range(n):
        t += SCALE * i - math.fabs(i - 50.5) + floor(i * 0.75) + math.floor(i)
    return t


def floors(n, x):
    r = 0
    for i in range(n):
        r = math.floor(x)
    return r


print(roots(100, 2.0), roots(10, 0))
for x in (-1.0, -20.0):
    try:
        print(roots(30, x))
    except ValueError as e:
        print(type(e).__name__, e)
print(scaled(100))
K = 7
print(scaled(100))
K = 2**70
print(scaled(10))
K = 2.5
print(scaled(10))
K = 3
print(mixed(100), math.fabs(-0.0))
SCALE = 2
print(mixed(100))
for x in (2.5, -2.5, -0.0, 1e300, -1e300, 2.0**63, -(2.0**63)):
    print(x, floors(5, x))
for x in (float("nan"), float("inf"), float("-inf")):
    try:
        print(floors(5, x))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
math.sqrt = lambda v: -1.0
print(roots(10, 1.0))
sqrt = math.fabs
print(roots(10, 1.0))


STEP = 1


def stepped(n):
    t = 0
    for i in range(n):
        t += i * STEP
    return t


for STEP in range(1, 200):
    last = stepped(50)
print(last)
STEP = 0.5
print(stepped(50))
del STEP
try:
    print(stepped(50))
except NameError as e:
    print(type(e).__name__, e)
