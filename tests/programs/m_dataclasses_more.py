# dataclasses: inheritance, post-init chains, descriptors as defaults, abstract bases, enum mixins.
from dataclasses import dataclass, field, fields, asdict, replace, InitVar, KW_ONLY
import abc
from enum import Enum

@dataclass
class A:
    a: int
    def __post_init__(self):
        print('A post', self)
@dataclass
class B(A):
    b: int = 2
    def __post_init__(self):
        super().__post_init__()
        print('B post', self.b)
B(1)
print(B.__mro__, [f.name for f in fields(B)])

class Desc:
    def __init__(self, default):
        self.default = default
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, owner):
        if obj is None:
            return self.default
        return getattr(obj, self.name, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 10)
@dataclass
class D:
    x: int = Desc(7)
d = D()
print(d.x, D(2).x, D.__init__.__defaults__)

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
@dataclass
class Sq(Shape):
    side: float
    def area(self): return self.side ** 2
print(Sq(3).area(), Sq.__abstractmethods__)
@dataclass
class Abstract(Shape):
    side: float
try: Abstract(1)
except TypeError as e: print(e)

@dataclass(frozen=True)
class FBase:
    a: int
@dataclass(frozen=True)
class FSub(FBase):
    b: int = 0
print(FSub(1, 2), hash(FSub(1, 2)) == hash((1, 2)), FSub(1) == FBase(1))

@dataclass
class Pt:
    x: int
    y: int
class Dir(Pt, Enum):
    NORTH = 0, 1
    EAST = 1, 0
print(Dir.NORTH, repr(Dir.EAST), Dir.NORTH.x, Dir((1, 0)) if False else '', Dir.NORTH.value)

@dataclass
class Counter:
    counts: dict = field(default_factory=dict)
    total: int = field(init=False, default=0)
    def add(self, k):
        self.counts[k] = self.counts.get(k, 0) + 1
        self.total += 1
c1, c2 = Counter(), Counter()
c1.add('a')
print(c1, c2, c1.counts is not c2.counts)

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
@dataclass
class KWSub(KW):
    c: int = 5
    d: int = field(kw_only=True, default=9)
print(KWSub.__init__.__code__.co_varnames[:KWSub.__init__.__code__.co_argcount + KWSub.__init__.__code__.co_kwonlyargcount], KWSub(1, 2), KWSub.__match_args__, KWSub.__doc__)

@dataclass
class Tree:
    value: int
    children: list = field(default_factory=list)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(asdict(t))
print(t == Tree(1, [Tree(2), Tree(3, [Tree(4)])]), t != Tree(1))
print(replace(t, value=9).children is t.children)

@dataclass
class Mut:
    items: list = field(default_factory=list, compare=False, repr=False)
    name: str = 'm'
print(Mut([1]) == Mut([2]), Mut())

@dataclass(eq=True, frozen=False)
class Unhashable:
    a: int
print(Unhashable.__hash__)
try: hash(Unhashable(1))
except TypeError as e: print(e)
@dataclass
class ExplicitHash:
    a: int
    def __hash__(self): return 42
print(hash(ExplicitHash(1)))

@dataclass
class InitVars:
    total: int = field(init=False)
    a: InitVar[int] = 1
    b: InitVar[int] = 2
    def __post_init__(self, a, b):
        self.total = a + b
print(InitVars(), InitVars(5, 6), InitVars.__doc__)
class Plain:
    x: int = 3
@dataclass
class FromPlain(Plain):
    y: int = 4
print(FromPlain(), [f.name for f in fields(FromPlain)])
@dataclass
class Big:
    a: int = 1
    b: str = 'two'
    c: float = 3.0
    d: tuple = (4,)
    e: frozenset = frozenset()
    f: None = None
print(Big(), Big.__doc__)
from dataclasses import dataclass, field
@dataclass(slots=True, weakref_slot=True)
class W:
    a: int
    b: list = field(default_factory=list)
w = W(1)
print(W.__slots__, w, hasattr(w, '__dict__'), W.__init__.__qualname__)
@dataclass(slots=True)
class Base:
    x: int
@dataclass(slots=True)
class Child(Base):
    y: int = 0
print(Child.__slots__, Child(1, 2))
