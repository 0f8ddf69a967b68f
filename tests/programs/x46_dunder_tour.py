import math
class Money:
    __slots__ = ("cents",)
    def __init__(self, cents): self.cents = cents
    def __repr__(self): return f"Money({self.cents})"
    def __str__(self): return f"${self.cents / 100:.2f}"
    def __eq__(self, o): return isinstance(o, Money) and self.cents == o.cents
    def __hash__(self): return hash(self.cents)
    def __lt__(self, o): return self.cents < o.cents
    def __add__(self, o): return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __bool__(self): return self.cents != 0
    def __len__(self): return 1
print(sum([Money(5), Money(10)]), sorted([Money(3), Money(1)]), Money(1) == Money(1), {Money(1), Money(1)})
print(bool(Money(0)), str(Money(250)), max(Money(1), Money(7)), Money(2) in [Money(2)])
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(self.n))[i]
        if i >= self.n: raise IndexError(i)
        return i * i
    def __contains__(self, x): return x == "magic"
print(len(Seq(4)), Seq(4)[2], Seq(5)[1:3], list(Seq(3)), "magic" in Seq(1), 4 in Seq(3), reversed(Seq(3)) is not None)
class Ctx:
    def __init__(self): self.log = []
    def __getattr__(self, name): return f"<{name}>"
    def __setattr__(self, k, v): object.__setattr__(self, k, v)
    def __call__(self, *a, **k): return (a, k)
    def __iter__(self): return iter([1, 2])
    def __getitem__(self, k): return k
c = Ctx()
print(c.anything, c(1, x=2), list(c), c[1:2], c["k"], c[1, 2])
class Temp:
    def __init__(self, c): self._c = c
    @property
    def f(self): return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v): self._c = (v - 32) * 5 / 9
t = Temp(100)
t.f = 32
print(t.f, t._c, Temp.f.__class__.__name__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.mro()], isinstance(D(), A), issubclass(D, C))
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(x): return x + 1
print(Counter.make().id, Counter().id, Counter.helper(1), Counter.count, vars(Counter())["id"])
class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
print(list(Node(1, Node(2, Node(3)))), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.floor(-2.5))
