# Functions called often, with loops, traced from their entry: each `for` loop with a trace of its
# own run with it (inlined, or as a whole), `while` loops gone through once at most (each other count
# a branch). Locals assigned on a side path of the loop are read after it; a loop left by `break`;
# calls followed inside the loop that leave the trace inside the callee; an exception out of the
# loop; loops that run 0 times, once, or long; a recursive-descent parser's `while` loops.


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


class Parser:
    # A recursive-descent parser: its `while` loops run zero times, once, or a few times a call.
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def take(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.tokens[self.pos] in ("+", "-"):
            if self.take() == "+":
                value += self.term()
            else:
                value -= self.term()
        return value

    def term(self):
        value = self.atom()
        while self.tokens[self.pos] in ("*", "%"):
            if self.take() == "*":
                value *= self.atom()
            else:
                rhs = self.atom()
                value = value % rhs if rhs else 0
        return value

    def atom(self):
        tok = self.take()
        if tok == "(":
            value = self.expr()
            self.take()
            return value
        return int(tok)


def expression(seed, depth):
    seed = (seed * 69069 + 1) % 4294967296
    if depth == 0 or seed % 5 == 0:
        return [str(seed % 100)], seed
    left, seed = expression(seed, depth - 1)
    right, seed = expression(seed, depth - 1)
    op = "+-*%"[(seed >> 4) % 4]
    if seed % 3 == 0:
        return ["("] + left + [op] + right + [")"], seed
    return left + [op] + right, seed


seed = 1
checksum = 0
for i in range(6000):
    tokens, seed = expression(seed, 4)
    checksum = (checksum * 31 + Parser(tokens + ["end"]).expr()) % 1000000007
print("parsed", checksum)


def depth_of(node, parents):
    # A walk up a chain, a few steps a call.
    steps = 0
    while node in parents:
        node = parents[node]
        steps += 1
    return steps


parents = {i: i // 3 for i in range(1, 500)}
print("depths", sum(depth_of(i, parents) for i in range(500) for _ in range(20)))
