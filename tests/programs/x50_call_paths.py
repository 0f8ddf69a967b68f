# Every way CALL and CALL_FUNCTION_EX reach a callable: Python functions (exact arity, defaults,
# *args, **kwargs, keywords), bound methods (also of generator functions), classes with and
# without a Python __init__, builtins with their fixed-arity entry points, and errors.
class A:
    def __init__(self, x, y=2, *rest, **kw):
        self.total = x + y + len(rest) + len(kw)

    def gen(self, *a):
        yield type(self).__name__
        yield a

    def m(self, a, b=10):
        return a * b


class B:
    pass


class L(list):
    pass


def f(a, b=1, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw.items()))


print(f(1), f(1, 2), f(1, 2, 3, 4), f(1, c=5), f(a=7, z=8))
print(f(*[1, 2, 3], **{"c": 9, "q": 0}))
a = A(1)
print(a.total, A(1, 2, 3, 4, k=5).total, A(*[1], **{"y": 5}).total)
print(list(a.gen(*[1, 2])), list(a.gen()), a.m(3), a.m(*[3], **{"b": 4}))
m = a.m
print(m(2), m(2, b=3), type(B()).__name__)
lst = L()
lst.append(1)
list.append(lst, 2)
print(lst, lst.pop(), len(lst), len("héllo"), len({1: 2}))
for bad in (lambda: f(), lambda: A(), lambda: len(), lambda: len(1, 2), lambda: [].pop(),
            lambda: [].append(), lambda: a.m(1, 2, 3), lambda: B(1)):
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
d = {"a": 1, 2: "b"}
class D(dict): pass
e = D(x=5)
print(d.get("a"), d.get("z"), d.get("z", 0), d.get(2, 9), e.get("x"), e.get("y", "dflt"), dict.get(d, "a"), dict.get(d, "q", 3))
try:
    d.get([1])
except TypeError as err:
    print(err)
try:
    d.get()
except TypeError as err:
    print(err)
try:
    d.get(1, 2, 3)
except TypeError as err:
    print(err)
class X:
    def __lt__(self, o): return False
    def __gt__(self, o): return True
a, b = X(), X()
print(min(a, b) is a, max(a, b) is b, min(3, 3.0), max(3, 3.0), min(1, 2), max("a", "b"), abs(-3), abs(-2.5), isinstance(1, int), isinstance("x", (int, str)))
print(int("7"), int("ff", 16), str(5), str(b"ab", "ascii"), float("1.5"), tuple([1, 2]), list(range(2, 10, 3)), bool(0), range(5)[2])
for f in (lambda: abs("x"), lambda: int("x"), lambda: range(1, 2, 0), lambda: min(1, "a"), lambda: isinstance(1, 2)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
