import sys
# Generators driven by for loops and yield from run inside the interpreter loop: check that
# exceptions, StopIteration conversion, exception state and return values behave as in CPython.
def raises_midway():
    yield 1
    raise KeyError("mid")
try:
    for v in raises_midway():
        print("got", v)
except KeyError as e:
    print("caught", e)
def stops():
    yield 1
    raise StopIteration("inner")
try:
    for v in stops():
        print("stops got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def yields_in_except():
    try:
        raise ValueError("handled inside")
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]
for v in yields_in_except():
    print("exc_info in gen:", repr(v), "| outside:", sys.exc_info()[1])
def sub():
    x = yield "s1"
    print("sub received", x)
    return "sub-result"
def delegator():
    r = yield from sub()
    print("delegator got", r)
    yield "d-end"
print(list(delegator()))
d = delegator()
print(next(d), d.send("sent!"))
def nested(n):
    if n == 0:
        yield "leaf"
        return
    yield from nested(n - 1)
    yield n
print(list(nested(5)))
def running():
    yield g.gi_running
g = running()
print(list(g), g.gi_running)
def reenter():
    yield next(r)
r = reenter()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen_finally cleanup")
for v in gen_finally():
    print("v", v)
def count_to(n):
    for i in range(n):
        yield i
total = 0
for a in count_to(3):
    for b in count_to(3):
        total += a * b
print("nested loops", total)
print(sum(x for x in count_to(100)), max(count_to(10)), sorted(count_to(5), reverse=True))
def exhausted():
    yield 1
e = exhausted()
print(list(e), list(e), next(e, "done"))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("catcher caught", e)
c = catcher()
for v in c:
    print("loop saw", v)
    break
print(c.throw(ValueError("after break")))
c.close()
print("closed ok")
def yf_target():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "yf handled"
def yf_outer():
    yield from yf_target()
o = yf_outer()
for v in o:
    print("outer loop", v)
    break
print(o.throw(KeyError("k")))
