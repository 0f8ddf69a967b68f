# Functions with traces called through the call protocol (builtins' callbacks, dunder methods,
# class calls running __init__) and generators resumed by builtins, where the traces run directly:
# results, exceptions and tracebacks leaving them, closures, and traces that leave inside a call
# they followed, in the middle of a run.
import sys
import traceback


def key_of(x):
    return (x * 7919) % 101


def scaled(factor):
    def scale(x):
        return x * factor + (1 if x % 3 == 0 else 0)
    return scale


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def helper(i, limit):
    # Its branch goes the other way once i passes limit: a trace that followed it leaves inside it.
    if i < limit:
        return i
    return -i


def uses_helper(i):
    return helper(i, 3000) * 2


def risky(i):
    if i == 2500:
        raise ValueError(f"bad {i}")
    return i


def numbers(n, limit):
    for i in range(n):
        yield helper(i, limit)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


def main():
    data = list(range(4000))
    print(sum(sorted(data, key=key_of)[:50]))
    print(sum(map(scaled(3), data)))
    print(sum(map(uses_helper, data)))
    points = [Point(i % 37, i % 11) for i in range(3000)]
    print(len(set(points)), sorted(points)[:3], points.count(Point(1, 1)))
    try:
        print(sum(map(risky, data)))
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("caught", e, [frame.name for frame in tb])
    print(sum(numbers(5000, 4000)), list(numbers(6, 3)))
    gen = numbers(3000, 2500)
    total = 0
    for _ in range(3000):
        total += next(gen)
    print(total)
    print(sum(map(deep, range(50))))
    sys.setrecursionlimit(120)
    try:
        list(map(deep, [200]))
    except RecursionError as e:
        print("RecursionError", e)


main()
