# Generators and comprehensions: pipelines of generators, list/dict/set comprehensions, zip, enumerate.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 4500000


def naturals(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def take_every(source, k):
    for i, x in enumerate(source):
        if i % k == 0:
            yield x


def windows(source, size):
    buf = []
    for x in source:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main(n):
    s1 = sum(take_every(squares(naturals(n)), 3)) % 1000000007
    evens = [x for x in range(n) if x % 2 == 0]
    table = {x: x * 3 % 101 for x in range(0, n, 7)}
    residues = {v for v in table.values()}
    pairs = sum(a * b for a, b in zip(evens, reversed(evens))) % 1000000007
    nested = [[i * j for j in range(10)] for i in range(n // 100)]
    flat = sum(v for row in nested for v in row if v % 3)
    w = 0
    for win in windows(naturals(n // 3), 4):
        w += win[0] - win[3] + win[1] * 2
    fibs = []
    for f in fib_gen():
        if f > 10 ** 60:
            break
        fibs.append(f % 1000)
    g = (x for x in range(n) if x % 5 == 1)
    firsts = [next(g) for _ in range(5)]
    print("s1", s1, "evens", len(evens), "table", len(table), "residues", len(residues))
    print("pairs", pairs, "flat", flat, "windows", w)
    print("fibs", len(fibs), sum(fibs), "firsts", firsts, "any", any(x > n for x in evens), all(evens))


main(N)
