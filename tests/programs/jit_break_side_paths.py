# Side paths that break out of `for` loops: of a loop's own trace (the loop ends there), of an inner
# loop inlined in an outer loop's trace or in a function's trace (the code after the inner loop goes
# on from the break, with what the break path assigned), and of an inner loop run as a whole; with
# `else` clauses (not run after a break), breaks that change a local's type, and breaks in the
# first iteration.


def first_multiple(items, k):
    found = None
    for x in items:
        if x % k == 0:
            found = x
            break
    return found


class Filterer:
    def __init__(self, filters):
        self.filters = filters

    def filter(self, record):
        rv = True
        for f in self.filters:
            if not f(record):
                rv = False
                break
        return rv


def shadowed(point, spheres):
    hit = False
    for center, radius in spheres:
        d = abs(point - center)
        if d < radius:
            hit = True
            break
    return hit


def scan(rows, limit):
    total = 0
    hits = 0
    for row in rows:
        seen = 0
        for v in row:
            if v > limit:
                hits += 1
                seen = -v
                break
            seen += v
        else:
            seen += 1000
        total += seen
    return total, hits


def typed_break(values):
    out = []
    for v in values:
        result = 0.0
        for w in (1, 2, 3, 4):
            if (v + w) % 5 == 0:
                result = "five"
                break
            result += w * 0.5
        out.append(result)
    return out


def main():
    data = list(range(1, 40))
    print(sum(first_multiple(data, k) or 0 for k in range(1, 60)))
    totals = 0
    for i in range(3000):
        totals += first_multiple(data, i % 45 + 1) or -1
    print(totals)

    f0 = Filterer([])
    f1 = Filterer([lambda r: r % 3 != 0])
    f2 = Filterer([lambda r: r % 2 == 0, lambda r: r % 5 != 0])
    passed = 0
    for i in range(20000):
        passed += f0.filter(i) + f1.filter(i) + f2.filter(i)
    print(passed)

    spheres = [(float(c), 0.5 + (c % 3) * 0.25) for c in range(0, 40, 4)]
    lit = 0
    for step in range(6000):
        p = (step % 400) * 0.1
        if not shadowed(p, spheres):
            lit += 1
    print(lit)

    rows = [[(r * 7 + c * 3) % 23 for c in range(6)] for r in range(500)]
    print(scan(rows, 20), scan(rows, 30), scan(rows, 15))

    res = typed_break(list(range(3000)))
    print(res[:6], res.count("five"), sum(x for x in res if x != "five"))


main()
