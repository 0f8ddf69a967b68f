x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def use_global():
    global x
    x = "changed"
print(read(), shadow())
use_global()
print(x)
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
print(c(), c(), c(5))
class K:
    y = 10
    z = [y * i for i in range(3)] if False else None
    def m(self):
        return y_outer
y_outer = "module y"
print(K.y, K().m())
def unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = 1
unbound()
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(make())
def make2():
    return [(lambda j=i: j)() for i in range(3)]
print(make2())
def outer():
    v = 1
    class Inner:
        v = 2
        def get(self):
            return v
    return Inner().get(), Inner.v
print(outer())
def comp_scope():
    total = [a + b for a in range(3) for b in range(a)]
    return total
print(comp_scope())
if (n := 10) > 5:
    print("walrus", n)
print([y for x in range(5) if (y := x * 2) > 4], y)
def nested_nonlocal():
    a = 0
    def f():
        def g():
            nonlocal a
            a += 10
        g()
        return a
    return f()
print(nested_nonlocal())
