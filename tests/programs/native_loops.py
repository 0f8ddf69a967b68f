# Loops the native backend runs whole: while loops, branches taken alternately (side paths),
# break/continue/else, tuple swaps, bool locals, nested loops, and types that change mid-loop.


def collatz(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def alternate(n):
    a = b = 0
    for i in range(n):
        if i % 2:
            a += i
        else:
            b -= i
    return a, b


def find(n, target):
    for i in range(n):
        if i * i >= target:
            break
    else:
        return -1
    return i


def skip(n):
    t = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        t += i
    return t


def flags(n):
    seen = False
    odd = True
    for i in range(n):
        odd = not odd
        seen = i > n // 2
    return seen, odd


def nested(n):
    t = 0
    for i in range(n):
        for j in range(i):
            t += i ^ j
    return t


def to_float(n):
    x = 1
    for i in range(n):
        x = x + 0.5 if i == n // 2 else x + 1
    return x


def to_big(n):
    x = 1
    for i in range(n):
        x = x * 2 + 1
    return x


def floats(n, x):
    for i in range(n):
        x = x * 1.0001 + 0.5
        if x > 1e6:
            x = x - 1e6
    return x


def triple(n):
    a, b, c = 1, 2, 3
    for i in range(n):
        a, b, c = c, a + i, b
    return a, b, c


def ranges():
    out = []
    for args in ((10,), (3, 30, 4), (30, 3, -4), (0,), (-5, 5), (2**53 - 3, 2**53 + 3)):
        t = 0
        for i in range(*args):
            t = t * 3 + i
        out.append(t)
    return out


print(sum(collatz(i) for i in range(1, 2000)))
print(sum(gcd(i * 7919, 104729 * (i % 13 + 1)) for i in range(1, 500)))
print(alternate(10001), find(1000, 5000), find(10, 5000), skip(1000), flags(101))
print(nested(60), to_float(100), to_big(100), floats(100000, 1.0), triple(1000))
print(ranges())
