# The native backend's int64 operations on edge values: overflow at the int64 limits into big ints,
# floor division and modulo of negatives, shifts, bitwise operations and comparisons.


def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x


def add_from(start, n, step):
    x = start
    for i in range(n):
        x += step
    return x


def sub_from(start, n):
    x = start
    for i in range(n):
        x = x - 1152921504606846976
    return x


def divmod_range(lo, hi, d):
    q = 0
    r = 0
    for i in range(lo, hi):
        q = (q * 31 + i // d) % 1000000007
        r = (r * 7 + i % d) % 1000000007
    return q, r


def min_divided(m, d, n):
    out = 0
    rem = 0
    for i in range(n):
        out = m // d
        rem = m % d
    return out, rem


def shifts(n, x):
    left = 0
    right = 0
    for i in range(n):
        left = x << i
        right = right + (x >> i)
    return left, right


def bits(n, a):
    x = 0
    for i in range(n):
        x = (x ^ (a * i)) | (i & 5)
        x = x & 0xFFFFFFFFFFF
    return x


def compare(n, a, b):
    counts = 0
    for i in range(n):
        v = a + i
        if v < b:
            counts += 1
        if v <= b:
            counts += 10
        if v == b:
            counts += 100
        if v != b:
            counts += 1000
        if v > b:
            counts += 10000
        if v >= b:
            counts += 100000
    return counts


def negate(n, x):
    y = 0
    for i in range(n):
        y = -x
    return y


def truediv(n, a, b):
    t = 0.0
    for i in range(n):
        t = a / b
    return t


print(grow(30), grow(45), grow(100))
print(add_from(2**63 - 5, 10, 1))
print(add_from(2**53 - 5, 10, 1))
print(add_from(-(2**53) + 5, 10, -1))
print(add_from(-(2**63) + 5, 10, -1))
print(add_from(-(2**63) - 5, 10, -1))
print(add_from(0, 50, 2**58))
print(sub_from(-(2**62), 10))
for d in (1, 2, 3, 7, -1, -2, -3, -7, 2**62, -(2**62)):
    print(d, divmod_range(-20, 20, d))
print(min_divided(-(2**63), -1, 5))
print(min_divided(-(2**63), 1, 5))
print(min_divided(2**63 - 1, -1, 5))
print(min_divided(-7, 2, 5), min_divided(7, -2, 5), min_divided(-7, -2, 5))
print(shifts(70, 1))
print(shifts(70, -3))
print(shifts(20, 2**40))
print(bits(1000, 123456789), bits(100, -987654321))
print(compare(10, -5, 0), compare(10, 2**63 - 8, 2**63 - 3), compare(10, -(2**63), -(2**63) + 4))
print(negate(5, 7), negate(5, -(2**63) + 1), negate(5, -(2**63)), negate(5, 0))
print(truediv(5, 7, 2), truediv(5, -7, 2), truediv(5, 2**53 + 1, 3), truediv(5, 1, 3))
for args in ((5, 1, 0), (5, 0, 0)):
    try:
        print(truediv(*args))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
for d in (0,):
    try:
        print(divmod_range(-3, 3, d))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    print(min_divided(5, 0, 3))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(shifts(5, -1 if False else 1), shifts(3, 1 << 62))
    print(shifts(70, 2**61))
except ValueError as e:
    print(type(e).__name__, e)


def negative_shift(n):
    x = 0
    for i in range(n):
        x = 1 << (3 - i)
    return x


try:
    print(negative_shift(10))
except ValueError as e:
    print(type(e).__name__, e)
