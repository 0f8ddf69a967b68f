import functools
from functools import (reduce, partial, partialmethod, lru_cache, cache, cached_property, wraps,
                       update_wrapper, total_ordering, cmp_to_key, singledispatch, singledispatchmethod,
                       WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7), reduce(max, "hello"))
p = partial(int, base=2)
print(p("101"), p.func, p.args, p.keywords, repr(p))
q = partial(partial(max, 1), 5)
print(q.args, q.func, q(3), q(10, key=lambda x: -x))
add3 = partial(lambda a, b, c: (a, b, c), 1)
print(add3(2, 3), add3(b=5, c=6), repr(partial(print, 1, sep="-")))


class P(partial):
    pass


print(repr(P(max, 2)).startswith("P(<built-in function max>"), P(max, 2)(3))
rp = partial(print)
rp.attr = 1
print(rp.__dict__)


def fib_calls():
    calls = []

    @lru_cache(maxsize=None)
    def fib(n):
        calls.append(n)
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    return fib, calls


fib, calls = fib_calls()
print(fib(30), len(calls), fib.cache_info(), fib.cache_parameters())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def square(x):
    return x * x


for v in [1, 2, 1, 3, 2, 1]:
    square(v)
print(square.cache_info(), square.__name__, square.__wrapped__.__name__, type(square).__name__)


@lru_cache
def ident(x, y=0):
    return (x, y)


print(ident(1), ident(1.0), ident(1, y=2), ident(x=1), ident.cache_info())


@lru_cache(typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info())
try:
    ident([1])
except TypeError as e:
    print("TypeError", e)
try:
    lru_cache("a")
except TypeError as e:
    print("TypeError", e)
zero = lru_cache(maxsize=0)(lambda x: x)
zero(1)
zero(1)
print(zero.cache_info())


@cache
def fact(n):
    "Factorial."
    return 1 if n < 2 else n * fact(n - 1)


print(fact(20), fact.__doc__, fact.cache_info().misses)


class Thing:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def double(self):
        "Twice n."
        self.computed += 1
        return self.n * 2

    @lru_cache(maxsize=None)
    def method(self, k):
        return self.n + k


t = Thing(4)
print(t.double, t.double, t.computed, "double" in t.__dict__, Thing.double.__doc__, Thing.double.attrname)
del t.double
print(t.double, t.computed, t.method(1), t.method(1), Thing.method.cache_info())


def deco(f):
    @wraps(f)
    def inner(*args, **kwargs):
        "inner doc"
        return f(*args, **kwargs)
    return inner


@deco
def documented(a: int) -> int:
    "Documented function."
    return a + 1


print(documented(1), documented.__name__, documented.__doc__, documented.__annotations__,
      documented.__wrapped__.__name__, documented.__qualname__)
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)


def plain():
    pass


plain.extra = 1
w = update_wrapper(lambda: None, plain)
print(w.__name__, w.extra, w.__wrapped__ is plain)


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1), Version.__gt__.__name__)


@total_ordering
class G:
    def __init__(self, n):
        self.n = n

    def __gt__(self, other):
        return self.n > other.n


print(G(1) < G(2), G(3) <= G(2), G(2) >= G(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)

print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda x, y: y - x)))
K = cmp_to_key(lambda x, y: (x > y) - (x < y))
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4), K(5).obj)
try:
    K(1) < 2
except TypeError as e:
    print("TypeError", e)


@singledispatch
def describe(arg):
    return f"object {arg!r}"


@describe.register
def _(arg: int):
    return f"int {arg}"


@describe.register(list)
def _(arg):
    return f"list of {len(arg)}"


@describe.register
def _(arg: float | complex):
    return f"number {arg}"


from collections.abc import Mapping


@describe.register(Mapping)
def _(arg):
    return f"mapping {sorted(arg)}"


print(describe(1), describe(True), describe([1, 2]), describe("s"), describe(1.5), describe(2j), describe({"b": 1}))
print(describe.dispatch(bool).__name__, sorted(k.__name__ for k in describe.registry))
try:
    describe()
except TypeError as e:
    print("TypeError", e)
try:
    describe.register(lambda x: x)
except TypeError as e:
    print("TypeError", str(e)[:40], str(e)[-60:])


class Handler:
    @singledispatchmethod
    def handle(self, arg):
        return "default"

    @handle.register
    def _(self, arg: int):
        return f"int {arg}"

    @handle.register(str)
    def _(self, arg):
        return f"str {arg}"


h = Handler()
print(h.handle(1), h.handle("x"), h.handle(None))


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state):
        self.alive = bool(state)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)


c = Cell()
c.set_alive()
print(c.alive)
c.set_dead()
print(c.alive, repr(Cell.__dict__["set_alive"]).startswith("functools.partialmethod(<function"))
for bad in ("reduce()", "reduce(len)", "reduce(lambda a, b: a, [])", "partial()", "partial(1)", "cmp_to_key()"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "TypeError", e)
print(functools.__all__)
