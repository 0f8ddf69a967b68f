# Loops over any iterator are traced: enumerate, zip, dict views, generators and classes with
# __next__ (the generic FOR_ITER, and the pair step that makes no tuple where the pair is unpacked at
# once), and loops that build sets, dicts, strings and slices, call with keywords or *args, store
# closure cells and globals. Types change mid-loop, iterators change kind, errors are raised inside.


def enumerate_sum(xs, start=0):
    total = 0
    for i, x in enumerate(xs, start):
        total += i * x
    return total


print("enumerate", enumerate_sum(list(range(500))), enumerate_sum(list(range(300)), 10))
print("enumerate big start", enumerate_sum([1, 2, 3] * 100, 2**53 - 150))


def enumerate_pairs_kept(xs):
    kept = []
    for pair in enumerate(xs):       # the tuple itself is used: it is made
        if pair[0] % 100 == 0:
            kept.append(pair)
    return kept


print("kept", enumerate_pairs_kept("abcdefghij" * 40))


def items_sum(d):
    total = 0
    names = []
    for k, v in d.items():
        total += v
        if v % 97 == 0:
            names.append(k)
    return total, names


d = {f"k{i}": i for i in range(600)}
print("items", items_sum(d))
d["k5"] = 5.5                     # a value changes type: the trace's guard leaves
print("items float", items_sum(d))


def keys_values(d):
    n = 0
    for k in d.keys():
        n += len(k)
    for v in d.values():
        n += 1 if v else 0
    return n


print("keys values", keys_values(d))


def changes_size(d):
    seen = 0
    try:
        for k, v in d.items():
            seen += 1
            if seen == 250:
                d["new"] = 0
    except RuntimeError as e:
        print("RuntimeError:", e, "after", seen)


changes_size(dict.fromkeys(range(400), 1))


def zip_sum(a, b):
    total = 0
    for x, y in zip(a, b):
        total += x * y
    return total


print("zip", zip_sum(range(400), range(400, 0, -1)), zip_sum([1.5] * 300, range(300)))


def zip_three(a, b, c):
    out = 0
    for x, y, z in zip(a, b, c):
        out += x + y - z
    return out


print("zip3", zip_three(range(300), range(300), range(1, 301)))


def zip_strict(a, b):
    n = 0
    try:
        for x, y in zip(a, b, strict=True):
            n += 1
    except ValueError as e:
        print("ValueError:", e, "after", n)


zip_strict(range(300), range(299))
zip_strict(range(299), range(300))


def sources(kind):
    if kind == 0:
        return zip(range(200), range(200))
    if kind == 1:
        return [(i, i) for i in range(200)]      # a list of pairs: the pair guard leaves
    return enumerate(range(200))


def pair_total(src):
    t = 0
    for a, b in src:
        t += a - b + 1
    return t


print("pair kinds", [pair_total(sources(k % 3)) for k in range(9)])


def bad_unpack():
    n = 0
    try:
        for a, b, c in enumerate(range(300)):   # enumerate's pairs unpacked into three
            n += 1
    except ValueError as e:
        print("ValueError:", e, n)


bad_unpack()


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def gen_consumer(n):
    total = 0
    for v in countdown(n):
        total += v
    return total


print("generator", gen_consumer(1000), gen_consumer(3))


def failing_gen(n):
    for i in range(n):
        if i == 321:
            raise KeyError("gen failed")
        yield i


def consume_failing():
    got = 0
    try:
        for v in failing_gen(1000):
            got += 1
    except KeyError as e:
        print("KeyError:", e, "after", got)


consume_failing()


class Countdown:
    """An iterator in Python that prints when it stops: it must be asked exactly once more."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            print("  Countdown stopped")
            raise StopIteration
        self.n -= 1
        return self.n


def class_iter(n):
    total = 0
    for v in Countdown(n):
        total += v
    return total


print("class iterator", class_iter(400))
print("class iterator", class_iter(5))


def nested_generic(rows):
    total = 0
    for r in rows:
        for i, x in enumerate(r):
            total += i * x
    return total


print("nested", nested_generic([list(range(j % 7)) for j in range(400)]))

# Loops that build things.


def builders(n):
    out = []
    cells = 0
    for i in range(n):
        s = {i, i + 1, i % 3}
        m = {"a": i, "b": i * 2}
        c = {1: i, 2: -i}
        cells += len(s) + m["b"] + c[2]
        if i % 100 == 0:
            out.append((sorted(s), m, c))
    return cells, out


print("builders", builders(400))


def fstrings(n):
    parts = []
    for i in range(n):
        x = i / 7
        label = f"{i:>4}|{x:.3f}|{i!r}|{'é'!a}|{str(i)!s:<3}|{-i:+d}"
        if i % 80 == 0:
            parts.append(label)
    return parts


print("fstrings", fstrings(400))


def slices(n):
    xs = list(range(20))
    total = 0
    for i in range(n):
        a = i % 5
        total += sum(xs[a:a + 10:2])
        ys = xs[:]
        ys[a:a + 3] = [0, 0]
        del ys[a]
        total += len(ys) + ~a
    return total


print("slices", slices(400))


def spreads(n):
    acc = 0
    base = [1, 2]
    extra = {"z": 3}
    for i in range(n):
        xs = [*base, i, *range(2)]
        st = {*base, i}
        dd = {**extra, "i": i}
        acc += len(xs) + len(st) + dd["i"] + dd["z"]
    return acc


print("spreads", spreads(400))


def kw(a, b=2, *rest, c=3, **more):
    return a + b + c + len(rest) + len(more)


def calls(n):
    acc = 0
    args = (1, 2, 3)
    opts = {"c": 10, "d": 1}
    for i in range(n):
        acc += kw(i, b=1)
        acc += kw(*args)
        acc += kw(i, **opts)
        acc += kw(*[i, i], c=i, e=0)
        acc += +i
    return acc


print("calls", calls(400))


def closures(n):
    total = 0

    def read():
        return total

    seen = 0
    for i in range(n):
        total = total + i        # a cell the inner function reads
        seen += read()
    return total, seen


print("closures", closures(400))

counter = 0


def bump_globals(n):
    global counter
    for i in range(n):
        counter = counter + i
    return counter


print("globals", bump_globals(500), counter)


def comprehension_builders(n):
    squares = {i: i * i for i in range(n)}
    odd = {v for v in squares.values() if v % 2}
    return len(squares), len(odd), sum(odd)


print("comprehensions", comprehension_builders(500))


def unpack_generic(n):
    total = 0
    for i in range(n):
        a, b, c = [i, i + 1, i + 2]
        x, y = "xy"
        p, q = (v for v in (i, -i))
        total += a + b + c + p + q + len(x + y)
    return total


print("unpack", unpack_generic(400))


def raises_inside(n):
    s = set()
    for i in range(n):
        try:
            s.add(i)
            if i == 333:
                t = {i, [i]}        # unhashable: BUILD_SET raises inside the trace
        except TypeError as e:
            print("TypeError:", e, "at", i)
    try:
        for i in range(n):
            label = f"{i:d}" if i < 350 else f"{'x':d}"
    except ValueError as e:
        print("ValueError:", e, "at", i)
    return len(s)


print("raises", raises_inside(400))


def make_funcs(n):
    fs = []
    acc = 0
    for i in range(n):
        f = lambda x, k=i: x + k       # a function made in the loop, with a default
        acc += f(1)
        if i % 100 == 0:
            fs.append(f)
    return acc, [g(0) for g in fs]


print("lambdas", make_funcs(400))


def cell_funcs(n):
    acc = 0
    for i in range(n):                 # i is a cell: the closure made each time reads it
        def get():
            return i * 2
        acc += get()
    return acc


print("cells", cell_funcs(400))


def raises_two_down(x):
    raise ValueError(x)


def middle(x):
    return raises_two_down(x) + 1


def catches(x):
    try:
        return middle(x)
    except ValueError:
        return -1


def catch_loop(n):
    t = 0
    for i in range(n):              # the exception unwinds two followed calls at once
        t += catches(i)
    return t


print("caught two calls down", catch_loop(400))
for i in range(300):                # the same from a loop at the top level
    total_caught = catches(i)
print("top level", total_caught)
