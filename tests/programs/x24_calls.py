def pos_only(a, b, /, c, *, d=4):
    return a, b, c, d
print(pos_only(1, 2, 3), pos_only(1, 2, c=3, d=5))
try:
    pos_only(1, b=2, c=3)
except TypeError as e:
    print(e)
def many(*args, **kwargs):
    return args, sorted(kwargs.items())
a = [1, 2]
b = (3,)
c = {"x": 1}
d = {"y": 2}
print(many(*a, *b, **c, **d), many(0, *a, 5, *b, z=9, **c))
try:
    many(**c, **{"x": 2})
except TypeError as e:
    print(e)
try:
    many(*5)
except TypeError as e:
    print(e)
try:
    many(**5)
except TypeError as e:
    print(e)
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2), defaults(3, []))
def kwonly_defaults(*, a=1, b):
    return a, b
print(kwonly_defaults(b=2), kwonly_defaults(a=0, b=1))
for bad in [lambda: kwonly_defaults(), lambda: defaults(), lambda: defaults(1, 2, 3), lambda: pos_only(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
class M:
    def meth(self, x):
        return x * 2
m = M()
bound = m.meth
print(bound(3), M.meth(m, 4), bound.__self__ is m)
try:
    m.meth()
except TypeError as e:
    print(e)
print((lambda x, y=2: x + y)(1), (lambda *a: a)(1, 2), (lambda **k: k)(a=1))
f = lambda: (yield)
print(type(f()).__name__)
def ret_multiple():
    return 1, 2
x, y = ret_multiple()
print(x, y)
print(max([3, 1, 2], key=lambda v: -v), sorted("bca", reverse=True), list(map(lambda v: v + 1, [1, 2])))
print(*range(3), sep="-", end="!\n")
def recursive_kwargs(n, **kw):
    return kw if n == 0 else recursive_kwargs(n - 1, **{f"k{n}": n}, **kw)
print(recursive_kwargs(3))
