def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    print("got", y)
    return "done"
g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("stop", e.value)
def inner():
    try:
        yield "a"
        yield "b"
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    finally:
        print("inner finally")
    return "inner-ret"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "end"
o = outer()
print(next(o))
print(o.throw(ValueError("boom")))
print(next(o))
print(next(o, "exhausted"))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
c = closer()
next(c)
c.close()
print("closed")
print(list(x * x for x in range(5)))
print(sum(i for i in range(101)))
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), [*count(3)])
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def gen_exc():
    yield 1
    raise KeyError("k")
try:
    for v in gen_exc():
        print(v)
except KeyError as e:
    print("KeyError", e)
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e)
ge = (i for i in range(3))
print(next(ge), list(ge), list(ge))
