# Inner loops inlined into their outer loop's trace: short inner loops, kinds that change between
# the inner loop's first iteration and the next, locals first set inside the inner loop and read
# after it, break and exceptions inside the inner loop, three levels of nesting, frames seen by
# callees and locals() after the inner loop.
import sys


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def pairs(points, steps):
    n = len(points)
    total = 0.0
    for _ in range(steps):
        for i in range(n):
            a = points[i]
            for j in range(i + 1, n):
                b = points[j]
                dx = a.x - b.x
                dy = a.y - b.y
                d2 = dx * dx + dy * dy
                total += d2
                a.x += dx * 1e-9
    return total, dx, dy, d2


def kinds_change(n):
    acc = 0
    out = []
    for i in range(n):
        v = 0
        for j in range(4):
            v = v + (0.5 if j % 2 else 1)
        acc += v
        last = j
        out.append(last)
    return acc, sum(out)


def breaks(n):
    found = 0
    for i in range(n):
        for j in range(10):
            if j * i > 20:
                found += j
                break
        else:
            found -= 1
    return found


def raises_inside(n):
    caught = 0
    for i in range(n):
        try:
            for j in range(3):
                if i == n - 7 and j == 2:
                    raise ValueError(f"at {i} {j}")
                caught += 0
        except ValueError as e:
            caught += 1
            msg = str(e)
    return caught, msg


def three_levels(n):
    t = 0
    for a in range(n):
        for b in range(3):
            for c in range(2):
                t += a * b + c
    return t


def seen_by_callee(n):
    lines = set()
    for i in range(n):
        for j in range(2):
            if i == n - 1 and j == 1:
                lines.add(sys._getframe(0).f_lineno)
    return sorted(lines)


def locals_after(n):
    snapshot = None
    for i in range(n):
        for j in range(3):
            w = j * 2.5
        if i == n - 1:
            snapshot = sorted((k, v) for k, v in locals().items() if k in ("i", "j", "w"))
    return snapshot


def list_inner(rows):
    s = 0
    for row in rows:
        for v in row:
            s += v
    return s


def changing_iterables(n):
    s = 0.0
    for i in range(n):
        seq = [1, 2, 3] if i % 50 else (0.5, 1.5)
        for v in seq:
            s += v
    return s


pts = [P(float(k), float(k * k % 7)) for k in range(5)]
print(pairs(pts, 300))
print(kinds_change(500))
print(breaks(400))
print(raises_inside(300))
print(three_levels(300))
print(seen_by_callee(300))
print(locals_after(300))
print(list_inner([[k, k + 1, k + 2] for k in range(400)]))
print(changing_iterables(600))
