def g():
    try:
        yield 1
    except ValueError:
        yield "caught"
gen = g()
try:
    gen.throw(ValueError("not started"))
except ValueError as e:
    print("unstarted throw:", e)
gen = g()
next(gen)
print(gen.throw(ValueError))
try:
    next(gen)
except StopIteration:
    print("exhausted")
def delegate():
    result = yield from [10, 20]
    print("list result", result)
    yield from range(2)
print(list(delegate()))
def echo():
    received = []
    while True:
        x = yield
        if x is None:
            break
        received.append(x)
    return received
def wrapper():
    r = yield from echo()
    yield r
w = wrapper()
next(w)
w.send(1)
w.send(2)
print(w.send(None))
def nested_gen():
    yield [x for x in range(3)]
    yield {k: k * k for k in range(3)}
    yield (y for y in "ab")
ng = nested_gen()
print(next(ng), next(ng), list(next(ng)))
def gen_return_in_finally():
    try:
        yield 1
    finally:
        print("finalizer")
gr = gen_return_in_finally()
print(next(gr))
try:
    gr.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(gr.gi_running, list(gr))
def inf():
    n = 0
    while True:
        yield n
        n += 1
print([x for x, _ in zip(inf(), range(5))])
def closes():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = closes()
next(c)
c.close()
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
gx = (i * i for i in range(4) if i != 2)
print(sum(gx), sum(gx))
print(type(gx).__name__)
def sub():
    yield 1
    return "subret"
def top():
    x = yield from sub()
    return x
t = top()
next(t)
try:
    next(t)
except StopIteration as e:
    print("top returned", e.value)
