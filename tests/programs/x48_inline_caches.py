# Tier-1 inline caches stay correct when what they cached changes: globals/builtins added,
# shadowed and deleted; instance attributes vs properties, __slots__, __dict__ replacement,
# patched methods and dunders, sibling classes at one attribute site (the two-entry cache).
def f():
    return len([1, 2])
print(f())
len = lambda x: 42
print(f())
del len
print(f())
x = 1
def g():
    return x
print(g())
x = 2
print(g())
del x
try:
    g()
except NameError as e:
    print(e)
x = 3
print(g())
for i in range(3):
    globals()["y%d" % i] = i
    print(f(), g())
import builtins
builtins.len = lambda v: -1
print(f())
class A:
    def __init__(self, v):
        self.v = v
    def m(self):
        return self.v
a = A(1)
for i in range(3):
    print(a.v, a.m())
    a.v += 1
A.v = property(lambda self: "prop")
try:
    print(a.v, a.m())
    a.w = 5
except AttributeError as e:
    print("AE", e)
del A.v
print(a.v)
a.m = lambda: "shadow"
print(a.m())
del a.m
print(a.m())
a.__dict__ = {"v": "newdict"}
print(a.v, a.m())
class B(A):
    pass
b = B(7)
for i in range(2):
    print(b.v, b.m())
A.m = lambda self: "patched"
print(b.m())
class S:
    __slots__ = ("v",)
    def __init__(self):
        self.v = 1
def rd(o): return o.v
print(rd(S()), rd(a), rd(b), rd(S()))
class G:
    def __getattr__(self, n):
        return "ga:" + n
gg = G()
gg.v = 1
print(rd(gg))
del gg.v
print(rd(gg))
class V:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.x + 1000)
class W(V):
    __slots__ = ("z",)
    def __add__(self, o):
        return "W.add"
    def __radd__(self, o):
        return "W.radd"
def add(a, b):
    return a + b
def gx(o):
    return o.x
for i in range(3):
    print(add(V(1), V(2)).x, add(V(1), 5).x, add(V(1), W(3)), gx(V(i)))
v = V(3)
del v.x
try:
    gx(v)
except AttributeError as e:
    print("AE", e)
try:
    v.y
except AttributeError as e:
    print("AE", e)
V.__add__ = lambda self, o: "patched"
print(add(V(1), V(2)), gx(W(9)))
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b
class Q:
    def __init__(self, a, b):
        self.b = b
        self.a = a
    def m(self):
        return "Q.m"
class R(P):
    def m(self):
        return "R.m"
def rda(o):
    return o.a, o.b
objs = [P(1, 2), Q(3, 4), R(5, 6), P(7, 8)]
for o in objs * 2:
    print(rda(o))
    o.a = o.a + 10
    print(rda(o))
for o in objs[1:3] * 2:
    print(o.m())
class Dyn:
    pass
d1 = Dyn()
d1.z = 1
def st(o, v):
    o.z = v
st(d1, 5)
d2 = Dyn()
st(d2, 6)
print(d1.z, d2.z, d2.__dict__)
Dyn.z = property(lambda self: "pz", lambda self, v: print("setter", v))
st(d2, 7)
print(d2.z)
