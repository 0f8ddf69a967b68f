# Functions called often whose loops are `for` loops: traced from their entry, each loop run with its
# own trace (inlined, or as a whole) inside the function's. Locals assigned on a side path of the
# loop are read after it; a loop left by `break`; calls followed inside the loop that leave the
# trace inside the callee; an exception out of the loop; loops that run 0 times, once, or long.


class Sphere:
    def __init__(self, k, r):
        self.k = k
        self.r = r

    def hit(self, x):
        t = self.k * x - self.r
        if t < 0.0:
            return -1.0
        return t ** 0.5


SCENE = [Sphere(3.0, 1.0), Sphere(1.0, 0.5), Sphere(4.0, 9.0), Sphere(1.5, 0.25)]


def nearest_hit(x):
    nearest = None
    best = 1e30
    for s in SCENE:
        t = s.hit(x)
        if 0.0 < t < best:
            best = t
            nearest = s
    if nearest is None:
        return -1.0
    blocked = False
    for s in SCENE:
        if s.hit(best) > 2.0:
            blocked = True
            break
    return nearest.k + best + (0.5 if blocked else 0.0)


total = 0.0
for i in range(30000):
    total += nearest_hit((i % 13) * 0.37 - 1.0)
print("nearest", round(total, 6))


def count_vowels(words):
    n = 0
    for w in words:
        for ch in w:
            if ch in "aeiou":
                n += 1
    return n


words = ["alpha", "beta", "gamma", "", "io", "rhythm", "queueing"]
acc = 0
for i in range(20000):
    acc += count_vowels(words[: i % 8])
print("vowels", acc)


def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1


rows = [[(i * 7 + j * 3) % 11 - 2 for j in range(i % 6)] for i in range(50)]
print("first negative", sum(first_negative(r) for _ in range(400) for r in rows), [first_negative(r) for r in rows][:24])


def mean(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs)


errors = 0
means = 0.0
for i in range(20000):
    try:
        means += mean(list(range(i % 5)))
    except ZeroDivisionError:
        errors += 1
print("means", round(means, 6), "errors", errors)


def scale(xs, k):
    out = []
    for x in xs:
        out.append(x * k)
    return out


big = list(range(5000))
print("scaled", sum(scale(big, 3)), sum(sum(scale([1, 2, 3], i)) for i in range(20000)))


def check_methods(C, *methods):
    # An inner loop left by `break` (to the next method) or run out (its `else`): the recording
    # must not take the one path for the other.
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class Callable:
    def __call__(self):
        return 1


class Sub(Callable):
    __len__ = None


found = []
for i in range(400):
    for C in (Callable, Sub, str, bytes, int, type, list, Sub):
        found.append(check_methods(C, "__call__"))
        found.append(check_methods(C, "__call__", "__len__"))
print("methods", found.count(True), found.count(NotImplemented), found[:16])
