# A trace calling a function that has a function trace of its own runs that trace directly, on a
# frame of the function's own, without the interpreter (tier 3). Each way such a call can end must
# look as it does under tier 1: the return of a value or of a constant; a guard that fails midway
# (the interpreter finishes the call); an exception the callee catches itself, or one that leaves it
# with the callee's line in the traceback; a method called through its instance; a closure and a
# function with a cell (their cells are made before the trace starts, by the call); recursion up to
# the limit, where RecursionError is raised as CPython raises it.
import sys
import traceback


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def nothing(x):
    if x > 3:
        return
    return x


def scale(x, k):
    return x * k  # ints, then a str once the loop below has warmed up: the guard fails


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def strict_div(a, b):
    return a // b


def outer_div(a, b):
    return strict_div(a, b) + 1


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


def make_adder(k):
    def add(x):
        return x + k  # a closure: its free variable's cell is copied in before the trace's start

    return add


def with_cell(x):
    def get():
        return x  # x is a cell of with_cell: made (MAKE_CELL) before the trace's start

    return get() + 1


def make_countdown(step):
    def down(n):
        if n <= 0:
            return 0
        return down(n - step) + 1  # recursion through a free variable: COPY_FREE_VARS first

    return down


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print("fib", [fib(n) for n in range(22)])

total = 0
for i in range(300):
    r = nothing(i % 6)
    total += 0 if r is None else r
print("nothing", total)

out = []
for i in range(300):
    out.append(scale(i, 2) if i != 250 else scale("ab", 2))
print("scale", out[249], out[250], out[251])

print("safe_div", sum(safe_div(i, i % 5) for i in range(300)))

caught = 0
for i in range(300):
    try:
        outer_div(i, i % 7)
    except ZeroDivisionError:
        caught += 1
print("caught", caught)
try:
    for i in range(1, 300):
        outer_div(10, 300 - i - 1)
except ZeroDivisionError as e:
    for frame in traceback.extract_tb(e.__traceback__):
        print(frame.name, frame.lineno, frame.line)

add5 = make_adder(5)
closure_total = 0
for i in range(300):
    closure_total += add5(i)
print("closure", closure_total)
print("cell", sum([with_cell(i) for i in range(300)]), [with_cell(i) for i in range(3)])
cell_total = 0
for i in range(300):
    cell_total += with_cell(i)
print("cell loop", cell_total)
down = make_countdown(1)
print("countdown", sum([down(k % 40) for k in range(400)]))

c = Counter()
for i in range(300):
    c.bump(i % 3)
print("counter", c.n)

for i in range(100):
    depth(40)
print("depth", depth(500))
sys.setrecursionlimit(200)
try:
    depth(300)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
print("after", depth(150))
