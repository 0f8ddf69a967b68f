from typing import *
import typing, sys
class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'
    def norm(self): return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm(), Point._fields, Point._field_defaults, Point.__annotations__, p._replace(x=1), p._asdict(), Point.__mro__, Point.__bases__)
print(isinstance(p, tuple), Point.__module__, Point.__qualname__, Point.__new__.__annotations__)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__, Emp.__module__)
Emp2 = NamedTuple('Emp2', name=str, id=int)
print(Emp2('b', 2))
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e: print(e)
try:
    class Bad2(NamedTuple):
        x: int
        def _asdict(self): pass
except AttributeError as e: print(e)
try:
    class Bad3(NamedTuple, int): pass
except TypeError as e: print(e)
try: NamedTuple('X', [('a', int)], b=str)
except TypeError as e: print(e)
T = TypeVar('T')
class GP(NamedTuple, Generic[T]):
    a: T
print(GP(1), GP[int], GP.__parameters__ if hasattr(GP, '__parameters__') else None)

class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='Blade', year=1982)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
class Partial(TypedDict, total=False):
    a: int
    b: Required[str]
print(sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__)
class Ext(Movie, total=False):
    rating: float
    extra: NotRequired[int]
    req: Required[int]
print(sorted(Ext.__required_keys__), sorted(Ext.__optional_keys__), list(Ext.__annotations__))
M2 = TypedDict('M2', {'x': int, 'y': 'str'})
print(M2(x=1), M2.__annotations__, M2.__module__, typing.is_typeddict(M2), typing.is_typeddict(dict))
M3 = TypedDict('M3', x=int)
print(M3.__annotations__)
try: isinstance({}, Movie)
except TypeError as e: print(e)
try:
    class BadTD(TypedDict, int): pass
except TypeError as e: print(e)
print(Movie.__mro__ if False else '', type(Movie).__name__, Movie.__bases__)

UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__, UserId.__name__, UserId.__qualname__, UserId | None, type(UserId(5)))
Nested = NewType('Outer.Nested', str)
print(Nested, Nested.__name__)
try:
    class Sub(UserId): pass
except TypeError as e: print(e)

class Node:
    next: 'Node'
    val: int
    tags: 'List[str]'
    other: Optional['Node'] = None
print(get_type_hints(Node))
def f(a: int, b: 'str' = None, *args: 'int', c: Annotated[int, 'meta'] = 1, **kw: float) -> 'Node':
    pass
print(get_type_hints(f))
print(get_type_hints(f, include_extras=True)['c'])
class Base:
    x: int
class Derived(Base):
    y: 'Base'
    z: ClassVar[int] = 3
    w: Final = 1
print(get_type_hints(Derived))
print(get_type_hints(sys.modules[__name__]) if False else '', get_type_hints(len), get_type_hints(lambda: 0))
try: get_type_hints(3)
except TypeError as e: print(e)
def g(x: 'Undefined'): pass
try: get_type_hints(g)
except NameError as e: print(type(e).__name__, e)
def h(x: 'list[int]', y: 'int | None', z: 'Dict[str, Node]'): pass
print(get_type_hints(h))
@no_type_check
def nt(x: 'garbage!!'): pass
print(get_type_hints(nt), nt.__no_type_check__)
print(ForwardRef('X'), ForwardRef('X') == ForwardRef('X'), List['X'], Optional['X'])
try: ForwardRef('1 +')
except SyntaxError as e: print(e)

@overload
def ov(x: int) -> int: ...
@overload
def ov(x: str) -> str: ...
def ov(x): return x
print(ov(3), len(typing.get_overloads(ov)), [o.__annotations__ for o in typing.get_overloads(ov)])
try: typing.get_overloads(ov)[0](1)
except NotImplementedError as e: print(e)
typing.clear_overloads()
print(typing.get_overloads(ov))

@final
class Fin: pass
@final
def ff(): pass
print(Fin.__final__, ff.__final__)
print(cast(int, 'x'), cast('List[int]', [1]), assert_type(5, int))
try: assert_never('x' * 200)
except AssertionError as e: print(e)
try: assert_never(3)
except AssertionError as e: print(e)
print(reveal_type(42))
@dataclass_transform(kw_only_default=True)
def make(cls): return cls
print(make.__dataclass_transform__)
print(TYPE_CHECKING, Text, typing.T, typing.KT, typing.T_co, typing.AnyStr.__constraints__)
class SelfRet:
    def m(self) -> Self: return self
print(get_type_hints(SelfRet.m))
print(typing.Type[Node], typing.Type['Node'])
print(IO, TextIO, BinaryIO, IO[str], IO.__parameters__, TextIO.__mro__)
P = ParamSpec('P')
def deco(f: Callable[P, T]) -> Callable[P, T]: return f
print(get_type_hints(deco))
