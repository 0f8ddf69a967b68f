# Generators resumed by builtins, by loops and by next()/send(), many times each, so that the JIT
# runs their resumptions as traces (from the resume point to the next yield): the values, the
# order of side effects, the frames' states, exceptions and tracebacks must be the interpreter's.
import sys
import traceback


def naturals(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def every(source, k):
    for i, x in enumerate(source):
        if i % k == 0:
            yield x


def flatten(rows):
    # An inner loop ends on the way from one yield to the next (its iterator exhausted in the path).
    for row in rows:
        for v in row:
            if v % 3:
                yield v


def flatten_iters(rows):
    for row in rows:
        for v in iter(row):
            yield v
        for k in {"a": 1}:
            yield k


print(sum(naturals(5000)), sum(squares(naturals(3000))), sum(every(squares(naturals(4000)), 3)))
print(sum(flatten([list(range(k % 9)) for k in range(600)])))
print(len(list(flatten_iters([range(k % 4) for k in range(500)]))))
print(sum(v for row in [list(range(k % 7)) for k in range(700)] for v in row if v % 2))


# Values whose kinds change under a trace: ints, then floats, then big ints, then strs.
def mixed(n):
    total = 0
    for i in range(n):
        if i < 300:
            total += i
        elif i < 600:
            total += i * 0.5
        elif i < 900:
            total += 2**70
        else:
            total = str(i)
        yield total


out = list(mixed(1000))
print(out[299], out[599], out[899], out[999])


# send(): the sent value is the yield's result.
def accumulate():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got


acc = accumulate()
next(acc)
for i in range(2000):
    last = acc.send(i)
print(last)
try:
    acc.send(None)
except StopIteration as e:
    print("stopped", e.value)


# A generator that returns a value (yield from takes it) and one that ends early.
def counted(n):
    for i in range(n):
        yield i
    return n * 10


def outer(n):
    got = yield from counted(n)
    yield got


print(list(outer(5)), sum(sum(outer(k)) for k in range(300)))


# Exceptions raised in a traced resumption: the traceback points into the generator.
def divides(n, zero_at):
    for i in range(n):
        yield 100 // (i - zero_at)


try:
    for _ in range(200):
        list(divides(50, 1000))
    list(divides(50, 40))
except ZeroDivisionError:
    tb = traceback.format_exc().splitlines()
    print(tb[-3].strip(), tb[-1])


# Handled inside the generator's loop, on some resumptions.
def safe_inverse(values):
    for v in values:
        try:
            yield 1 / v
        except GeneratorExit:
            raise
        except Exception:
            pass
        try:
            r = 10 // v
        except ZeroDivisionError:
            r = -1
        yield r


print(sum(x for x in safe_inverse([3, 0, 5, 0, 7] * 200) if x != -1))


# close() and throw() go to the interpreter; finally blocks run once.
def guarded(log):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        log.append("finally")


log = []
g = guarded(log)
for _ in range(500):
    v = next(g)
g.close()
print(v, log)
g = guarded(log)
for _ in range(500):
    next(g)
try:
    g.throw(ValueError("thrown in"))
except ValueError as e:
    print("throw", e, log)


# The frame's state and line, read between resumptions.
def stepper():
    x = 0
    while True:
        x += 1
        yield x


s = stepper()
for _ in range(300):
    next(s)
print(s.gi_running, s.gi_frame.f_lineno, s.gi_frame.f_locals["x"], s.gi_suspended)


# Closures and globals read and written inside a traced resumption.
counter = 0


def closure_gen(n):
    seen = []

    def note(v):
        seen.append(v)

    for i in range(n):
        global counter
        counter += 1
        note(i)
        yield len(seen)


print(sum(closure_gen(800)), counter)


# Recursion through generators (each level a generator resumed by the one above).
def walk(tree):
    if isinstance(tree, int):
        yield tree
        return
    for branch in tree:
        yield from walk(branch)


def build(depth):
    return depth if depth == 0 else [build(depth - 1), depth, build(depth - 1)]


print(sum(walk(build(9))))


# A generator resumed past the recursion limit's reach raises RecursionError as the interpreter does.
def deep(n):
    if n == 0:
        yield 0
    else:
        for v in deep(n - 1):
            yield v + 1


limit = sys.getrecursionlimit()
print(next(deep(100)))
try:
    next(deep(limit + 50))
except RecursionError:
    print("RecursionError")


# Several generators of one function alive at once, resumed in turn.
gens = [naturals(1000) for _ in range(5)]
total = 0
for _ in range(1000):
    for gen in gens:
        total += next(gen)
print(total, [next(gen, "done") for gen in gens])


# A low recursion limit: generators resumed below it run their traces, past it they raise.
sys.setrecursionlimit(120)
for _ in range(300):
    list(deep(5))
try:
    next(deep(150))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(limit)
