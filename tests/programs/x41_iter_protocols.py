# generator/iterator protocols
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(It()), [x for x in It()], sum(It()))
def g():
    yield from It()
print(list(g()))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
def counter():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
c = counter()
next(c)
print(c.send(5), c.send(10))
try:
    c.send(None)
except StopIteration as s:
    print("final", s.value)
def gen_with_return_in_try():
    try:
        yield 1
        return 2
    finally:
        print("cleanup")
print(list(gen_with_return_in_try()))
def pipeline():
    data = range(10)
    evens = (x for x in data if x % 2 == 0)
    squares = (x * x for x in evens)
    return list(squares)
print(pipeline())
gen = (x for x in range(3))
print(iter(gen) is gen, next(gen), list(gen))
def two_level():
    def inner():
        yield 1
        yield 2
        return "r"
    r = yield from inner()
    yield r
print(list(two_level()))
def throw_into_yield_from():
    def inner():
        try:
            yield 1
        except KeyError:
            yield "inner handled"
    yield from inner()
    yield "after"
t = throw_into_yield_from()
next(t)
print(t.throw(KeyError), next(t))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
print(list(zip(*[(1, 2), (3, 4)])), dict(enumerate("ab")))
def unpack_gen():
    a, b, *c = (i for i in range(5))
    return a, b, c
print(unpack_gen())
