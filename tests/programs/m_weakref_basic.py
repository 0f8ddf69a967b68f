# weakref: ref (reuse, callbacks, hash, equality, subclasses), proxy, WeakMethod, KeyedRef,
# WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize (called, detached, at exit), and
# which objects may be referenced weakly. Nothing here depends on when objects are collected.
import weakref


def addr_free(text):
    """The text with every 0x... address replaced by 0xADDR."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("0x", i):
            j = i + 2
            while j < len(text) and text[j] in "0123456789abcdef":
                j += 1
            out.append("0xADDR")
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def show(*values):
    print(addr_free(" ".join(str(v) for v in values)))


class A:
    def m(self):
        return "method result"

    def __repr__(self):
        return "A()"


def fn():
    pass


a = A()
r = weakref.ref(a)
show(r, weakref.ref(fn), weakref.ref(A))
show(type(r), weakref.ReferenceType is weakref.ref, weakref.ref.__name__)
show(r() is a, r.__callback__, weakref.ref(a) is r, weakref.ref(a, lambda x: 0) is r)
show(hash(r) == hash(a), r == weakref.ref(a), r != weakref.ref(a), r == 1, bool(r))
show(weakref.getweakrefcount(1), weakref.getweakrefs(1))

for v in [1, "s", (), [], {}, None, object(), 1.5, b"x", ValueError()]:
    try:
        weakref.ref(v)
    except TypeError as e:
        print(e)


class S:
    __slots__ = ("x",)


class SW:
    __slots__ = ("x", "__weakref__")


class I(int):
    pass


class L(list):
    pass


class T(tuple):
    pass


class F(float):
    pass


for c in (S, SW, I, L, T, F):
    try:
        weakref.ref(c())
        print(c.__name__, "ok")
    except TypeError as e:
        print(e)

for call in [lambda: weakref.ref(a, callback=None), lambda: weakref.ref(),
             lambda: weakref.ref(a, None, 3), lambda: weakref.proxy(a, callback=None),
             lambda: weakref.ref(a)(1), lambda: weakref.proxy()]:
    try:
        call()
    except TypeError as e:
        print(e)


class B(weakref.ref):
    pass


b = B(a)
show(b, type(b), b(), b is r, isinstance(b, weakref.ref))

# proxies
p = weakref.proxy(a)
show(p.m(), p.__class__, isinstance(p, A), str(p), type(p), weakref.proxy(a) is p)
try:
    hash(p)
except TypeError as e:
    print(e)


class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return N(self.v + (o.v if isinstance(o, N) else o))

    def __radd__(self, o):
        return N(o + self.v)

    def __lt__(self, o):
        return self.v < o.v

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 2

    def __call__(self, x):
        return x + 1


n = N(1)
pn = weakref.proxy(n)
show((pn + 1).v, (1 + pn).v, (pn + pn).v, len(pn), pn[4], pn(1), pn < N(5), type(pn))
pn.v = 10
show(n.v, pn.v)
del pn.v
show(hasattr(n, "v"), weakref.ProxyTypes)

# WeakMethod, KeyedRef
wm = weakref.WeakMethod(a.m)
show(wm, wm(), wm() == a.m, wm == weakref.WeakMethod(a.m), wm()())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)
kr = weakref.KeyedRef(a, None, "key")
show(kr.key, kr, kr() is a)

# WeakValueDictionary
x, y = A(), A()
d = weakref.WeakValueDictionary({1: x})
d[2] = y
show(d, len(d), d[1], d.get(3), 1 in d, 5 in d, sorted(d.keys()), list(d.items()), list(d.values()))
show(type(d.valuerefs()[0]), len(list(d.itervaluerefs())))
d2 = d.copy()
show(type(d2), len(d2), d | {3: x}, len(d | {3: x}))
show(d.pop(1), d.setdefault(5, x), d.setdefault(5, y) is x, d.popitem(), len(d))
try:
    d.pop(99)
except KeyError as e:
    print("KeyError", e)
try:
    d[42]
except KeyError as e:
    print("KeyError", e)
d.update({7: x}, eight=y)
show(sorted(d, key=str))

# WeakKeyDictionary
k = weakref.WeakKeyDictionary({x: 1})
show(k, len(k), k[x], list(k.keys()), len(k.keyrefs()), x in k, 3 in k, list(k.values()))
show(k.pop(x), len(k), k.setdefault(y, 3), k.get(y), k.get(x, "missing"))
k[x] = 5
z = A()
show(sorted(k.values()), type(k.copy()), len(k | {z: 9}))

# WeakSet
s = weakref.WeakSet([x, y])
show(len(s), x in s, 1 in s, sorted(map(id, s)) == sorted([id(x), id(y)]))
s.discard(x)
show(len(s), len(s | {x}), len(s - {y}), s == weakref.WeakSet([y]), s.issubset([x, y]))
s.add(x)
s.remove(x)
show(len(s), s.pop() is y, len(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)

# finalize
f = weakref.finalize(a, print, "finalizer called", 1)
show(f, f.alive, f.atexit, f.peek()[1:])
show(f(), f.alive, f(), f, f.peek(), f.detach())
g = weakref.finalize(x, print, "g at exit")
h = weakref.finalize(y, print, "h at exit (runs first)")
q = weakref.finalize(n, print, "q: not at exit")
q.atexit = False
detached = weakref.finalize(y, print, "detached: never")
show(detached.detach()[1:], detached.alive)
print("end of program")
