# class body closures and name resolution
def f():
    x = "f-local"
    class C:
        x = "class-x"
        y = x
        def m(self):
            return x
        z = [x for _ in range(1)]
    return C.y, C().m(), C.z
print(f())
def g():
    v = 1
    class D:
        nonlocal_v = v
        def get(self):
            nonlocal v
            v += 1
            return v
    return D.nonlocal_v, D().get(), D().get()
print(g())
x = "global-x"
class E:
    x = "E-x"
    def meth(self):
        return x
print(E().meth())
def h():
    class F:
        def a(self):
            return __class__
        def b(self):
            return super().__repr__ is not None
    return F().a() is F, F().b()
print(h())
def deleted():
    y = 1
    def inner():
        return y
    del y
    try:
        inner()
    except NameError as e:
        return str(e)
print(deleted())
def loop_closures():
    fs = {}
    for name in ["a", "b"]:
        def fn(n=name):
            return n
        fs[name] = fn
    return [fs[k]() for k in fs]
print(loop_closures())
lst = [lambda: i for i in range(3)]
print([l() for l in lst])
def gen_scope():
    return list((lambda: j)() for j in range(3))
print(gen_scope())
def star_in_return():
    a = [1, 2]
    return *a, 3
print(star_in_return())
def defaults_eval_once():
    calls = []
    def mk(v=calls.append(1)):
        return v
    mk(); mk()
    return len(calls)
print(defaults_eval_once())
def kw_and_star(*args, sep="-", **kw):
    return sep.join(map(str, args)) + str(sorted(kw))
print(kw_and_star(1, 2, 3, sep="+", a=1))
class WithDefaults:
    def __init__(self, a, b=2, *, c=3):
        self.t = (a, b, c)
print(WithDefaults(1).t, WithDefaults(1, c=9, b=8).t)
