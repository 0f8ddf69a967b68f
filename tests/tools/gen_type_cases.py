"""Generates tests/data/type_cases.json: small Python programs about classes, attribute lookup,
operators and exceptions, with CPython 3.11's stdout (errors shown as 'Type: message'). The unit
test vm/types/type_test.ts runs each program through pyjit and compares.

Usage: python3 tests/tools/gen_type_cases.py > tests/data/type_cases.json
"""
import contextlib
import io
import json
import sys

PROGRAMS = {
"mro_diamond": '''
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
''',
"mro_conflict": '''
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(X, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(bool): pass
except TypeError as e:
    print("TypeError:", e)
''',
"metaclass": '''
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print("call", args)
        return super().__call__(*args)
class Base(metaclass=Meta, flag=1):
    def __init__(self, v): self.v = v
class Sub(Base):
    pass
s = Sub(3)
print(type(Base).__name__, type(Sub).__name__, s.v, Base.injected)
class M2(type): pass
try:
    class Bad(Base, metaclass=M2): pass
except TypeError as e:
    print("TypeError:", e)
''',
"slots": '''
class P:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
p = P()
print(p.x, hasattr(p, "y"), hasattr(p, "__dict__"), P.x)
for action in ("p.y", "p.z = 1", "del p.y"):
    try:
        exec(action)
    except AttributeError as e:
        print("AttributeError:", e)
class Q(P):
    pass
q = Q(); q.z = 5; print(q.z, q.__dict__)
try:
    class R:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
''',
"properties": '''
class T:
    def __init__(self): self._t = 0
    @property
    def t(self):
        "the t"
        return self._t
    @t.setter
    def t(self, v):
        if v < 0: raise ValueError("negative")
        self._t = v
    @t.deleter
    def t(self):
        print("deleting"); self._t = None
    ro = property(lambda self: 42)
o = T(); o.t = 5; print(o.t, T.t.__doc__, type(T.t).__name__)
try:
    o.t = -1
except ValueError as e:
    print("ValueError:", e)
del o.t; print(o.t)
for action in ("o.ro = 1", "del o.ro"):
    try:
        exec(action)
    except AttributeError as e:
        print("AttributeError:", e)
''',
"descriptors": '''
class Data:
    def __get__(self, obj, owner): return "data-get"
    def __set__(self, obj, v): print("data-set", v)
class NonData:
    def __get__(self, obj, owner): return "nondata-get" if obj is not None else "class-get"
class C:
    d = Data()
    n = NonData()
c = C()
c.__dict__["d"] = "inst-d"; c.__dict__["n"] = "inst-n"
print(c.d, c.n, C.n)
c.d = 7
class W:
    @staticmethod
    def s(x): return ("s", x)
    @classmethod
    def c(cls, x): return (cls.__name__, x)
class W2(W): pass
print(W.s(1), W().s(2), W.c(3), W2().c(4), W2.c(5), W.__dict__["s"].__func__(6))
''',
"getattr_hooks": '''
class G:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"): return name.upper()
        raise AttributeError(f"no {name}")
g = G(); print(g.real, g.xyz, getattr(g, "nope", "default"), hasattr(g, "nope"))
class GA:
    def __getattribute__(self, name):
        if name == "secret": return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, v):
        object.__setattr__(self, name, v * 2)
    def __delattr__(self, name):
        print("del", name)
ga = GA(); ga.v = 21; print(ga.v, ga.secret); del ga.v
try:
    g.missing
except AttributeError as e:
    print("AttributeError:", e)
''',
"operators": '''
class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"N({self.v})"
    def __add__(self, o): return N(self.v + o.v) if isinstance(o, N) else NotImplemented
    def __radd__(self, o): return N(o + self.v)
    def __eq__(self, o): return isinstance(o, N) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
class SubN(N):
    def __radd__(self, o): return "SubN.__radd__ first"
print(N(1) + N(2), 5 + N(1), N(1) + SubN(2), N(1) == N(1), N(1) != N(2), N(2) > N(1), sorted([N(3), N(1)]))
try:
    N(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    N(1) <= N(2)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(N(1))
except TypeError as e:
    print("TypeError:", e)
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())
class Truth:
    def __len__(self): return 0
class Idx:
    def __index__(self): return 2
print(bool(Truth()), [1, 2, 3][Idx()], "abc"[Idx()], range(10)[Idx()], bin(Idx()))
''',
"object_basics": '''
class Plain: pass
p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), str(p) == repr(p), p == p, p != Plain(), Plain.__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.__module__, Outer.__doc__)
for call in ("Plain(1)", "object(1)", "object.__init__(p, 1)"):
    try:
        eval(call)
    except TypeError as e:
        print("TypeError:", e)
class Weird:
    def __new__(cls, *a): return 42
    def __init__(self, *a): print("never")
print(Weird(1, 2))
X = type("X", (Plain,), {"a": 1, "m": lambda self: self.a + 1})
print(X.__name__, X().m(), X.__bases__, isinstance(X(), Plain))
class HasEq:
    def __eq__(self, o): return True
print(HasEq.__hash__, HasEq() == 1)
class Sub:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Sub, tag="t1"): pass
print(Child.tag)
class Named:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class Owner:
    a = Named()
    b = Named()
''',
"exceptions": '''
class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
    def __str__(self): return f"[{self.code}] {self.args[0]}"
try:
    raise MyError("boom", 7)
except Exception as e:
    print(type(e).__name__, str(e), repr(e), e.args, e.code)
e = ValueError("v"); e.add_note("note 1"); e.add_note("note 2"); print(e.__notes__)
try:
    try:
        raise KeyError("k")
    except KeyError as inner:
        raise RuntimeError("outer") from inner
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), KeyError(4)])])
match, rest = eg.split(ValueError)
print(repr(match)); print(repr(rest))
print(eg.subgroup(lambda x: isinstance(x, KeyError)))
print(repr(BaseExceptionGroup("b", [KeyboardInterrupt()])), type(BaseExceptionGroup("x", [ValueError()])).__name__)
for bad in ("ExceptionGroup('m', [])", "ExceptionGroup('m', [KeyboardInterrupt()])", "ExceptionGroup('m', [1])"):
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(StopIteration(5).value, SystemExit(3).code, OSError(2, "No such file", "f.txt"), KeyError("a"), KeyError())
print(issubclass(ExceptionGroup, Exception), ExceptionGroup.__mro__[1].__name__, UnicodeDecodeError.__mro__[2].__name__)
''',
"containers_subclass": '''
class Stack(list):
    def push(self, v): self.append(v); return self
    def __repr__(self): return "Stack" + super().__repr__()
s = Stack().push(1).push(2); print(s, len(s), s[-1], isinstance(s, list), s + [3], type(s + [3]).__name__)
class DefaultDict(dict):
    def __init__(self, factory): super().__init__(); self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory(); return v
d = DefaultDict(list); d["a"].append(1); d["b"]; print(d, len(d))
class Name(str):
    def greet(self): return "hi " + self
n = Name("bob"); print(n.greet(), n.upper(), n == "bob", {n: 1}["bob"], type(n.upper()).__name__)
class Money(int):
    def __str__(self): return f"${int(self)}"
m = Money(5); print(m, m + 1, repr(m), f"{m}", f"{m:>4}")
''',
"iteration": '''
def gen():
    yield 1; yield 2; yield 3
m = map(lambda x: x * 2, gen()); print(next(m), list(m), list(m))
z = zip("abc", gen(), [10, 20]); print(list(z))
e = enumerate("xy", start=5); print(next(e), next(e), next(e, "done"))
f = filter(lambda x: x % 2, range(7)); print(list(f), type(f).__name__)
r = reversed([1, 2, 3]); print(type(r).__name__, list(r), list(reversed("abc")), list(reversed({"a": 1, "b": 2})))
d = {"a": 1}; ks = d.keys(); d["b"] = 2; print(ks, len(ks), "b" in ks, ks & {"a"}, list(d.values()), d.items() | {("c", 3)} == {("a", 1), ("b", 2), ("c", 3)})
try:
    for k in d: d[k + k] = 0
except RuntimeError as err:
    print("RuntimeError:", err)
s = {1, 2}
try:
    for v in s: s.add(v + 10)
except RuntimeError as err:
    print("RuntimeError:", err)
it = iter([1, 2]); print(iter(it) is it, list(it), list(it))
class Count:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Count()), sum(Count()), max(Count()), sorted(Count(), reverse=True), any(x > 2 for x in Count()))
calls = iter(lambda: calls_list.pop(), 0); calls_list = [0, 3, 2, 1]; print(list(calls))
try:
    zip([1], [1, 2], strict=True).__next__(); list(zip([1], [1, 2], strict=True))
except ValueError as err:
    print("ValueError:", err)
print(list(zip()), list(map(pow, [2, 3], [3, 2])), min([], default="empty"), max("abc", key=ord))
''',
"numbers_protocols": '''
import math
class Meters:
    def __init__(self, v): self.v = v
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __round__(self, n=None): return Meters(round(self.v, n))
    def __trunc__(self): return int(self.v)
    def __floor__(self): return math.floor(self.v)
    def __ceil__(self): return math.ceil(self.v)
    def __abs__(self): return Meters(abs(self.v))
    def __neg__(self): return Meters(-self.v)
    def __repr__(self): return f"Meters({self.v})"
m = Meters(2.7)
print(math.sqrt(m), math.floor(m), math.ceil(m), math.trunc(m), round(m), round(m, 1), abs(Meters(-1)), -m)
print(float(m), hex(Meters(255)), [0, 1, 2, 3][Meters(2)], int(Meters(5.9)) if hasattr(Meters, "__int__") else "no __int__")
print(divmod(7, 2), divmod(-7.5, 2), pow(3, 4, 5), pow(2, -1, 7), (5).__rtruediv__(2), (2.5).__rfloordiv__(7))
print(int.from_bytes(b"\\x01\\x00", "big"), (1024).to_bytes(2, "little"), (3.75).as_integer_ratio(), float.fromhex("0x1.8p1"))
print(complex("1+2j"), complex(1, 2) * 1j, abs(3 - 4j), (1 + 2j).real, (2j) ** 0.5, complex("(3j)"), 1j ** 2)
''',
"builtin_errors": '''
tests = ["len()", "int(1,2,3)", "sorted()", "'a'.split(1)", "[].append()", "{}.get()", "range()", "round(1,2,3)", "min()", "abs()",
 "print(end=1)", "isinstance(1)", "sum()", "zip(1)", "enumerate()", "dict(1)", "list(1,2)", "str(1,2,3,4)", "float('x')", "chr('a')",
 "ord('')", "divmod(1)", "pow()", "getattr(1)", "hex('a')", "iter()", "next()", "max(1)", "'abc'.join(1)", "[1].index()",
 "{}.pop()", "set().add()", "tuple(1)", "bool(1,2)", "'x'.center()", "'%d' % 'x'", "'{}'.format()", "int('5', base=40)",
 "[1,2][1.5]", "'abc'['x']", "{}[[]]", "hash([])", "1 < 'a'", "None + 1", "-'a'", "~1.5", "len(1)", "1()", "[].foo",
 "object().x = 1", "(1).real = 2", "del (1).real", "'a' * 'b'", "[1] * 1.5", "divmod(1, 0)", "1 % 0", "1.0 // 0", "2 ** -1.5j if False else 0 ** -1",
 "int(float('inf'))", "int(float('nan'))", "float(10**400)", "10**400 / 1", "math_sqrt(-1)", "list(range(3))[5]", "(1,)[3]", "'abc'[10]",
 "b'a'[5]", "bytearray(b'a')[5]", "range(3)[7]", "{}.popitem()", "[].pop()", "set().pop()", "'a'.index('b')", "[1].remove(2)",
 "(1,).index(2)", "int('')", "int(' ')", "complex('x')", "bytes(-1)", "bytes('a')", "chr(0x110000)", "'a'.encode('nope')",
]
import math
math_sqrt = math.sqrt
for t in tests:
    try:
        eval(t)
        print(t, "-> no error")
    except Exception as e:
        print(t, "->", type(e).__name__ + ":", e)
''',
}


def run(src):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(src, "<case>", "exec"), {"__name__": "__main__"})
        except Exception as e:  # noqa: BLE001
            print(f"{type(e).__name__}: {e}")
    return out.getvalue()


json.dump({name: [src, run(src)] for name, src in PROGRAMS.items()}, sys.stdout, indent=1, ensure_ascii=False)
