# Closures: counters with nonlocal, composed functions, partial application, callbacks in a loop.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3200000


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count
    return bump


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def adder(k):
    return lambda x: x + k


def multiplier(k):
    def mul(x):
        return x * k % 1000003
    return mul


def make_accumulators(n):
    fns = []
    for i in range(n):
        fns.append(lambda x, i=i: x * 31 + i)
    return fns


def main(n):
    counters = [make_counter(k) for k in range(1, 6)]
    total = 0
    for i in range(n):
        total += counters[i % 5]()
    pipeline = compose(multiplier(7), compose(adder(3), multiplier(11)))
    p = 1
    for i in range(n):
        p = pipeline(p + i)
    accs = make_accumulators(16)
    a = 0
    for i in range(n):
        a = accs[i & 15](a) % 1000000007
    cells = []
    for i in range(10):
        def get(i=i):
            return i * i
        cells.append(get)
    print("counters", total, [c() for c in counters])
    print("pipeline", p, "accumulate", a, "cells", sum(f() for f in cells))


main(N)
