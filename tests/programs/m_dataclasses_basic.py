from dataclasses import *
import dataclasses
from typing import ClassVar, List, Optional
import typing

@dataclass
class C:
    x: int
    y: int = 0
for expr in ["C()", "C(1, 2, 3)", "C(1, z=3)", "C(1, x=2)"]:
    try: eval(expr)
    except TypeError as e: print(e)
print(C.__init__.__qualname__, C.__init__.__name__, C.__init__.__code__.co_varnames, C.__init__.__defaults__, C.__init__.__annotations__)
print(C.__repr__.__qualname__, C.__eq__.__code__.co_varnames, C.__doc__, C.__match_args__)
print(C.__dataclass_params__, C.__hash__, C(1) == C(1), C(1) == C(2), C(1) != C(1, 1), C(1) == (1, 0), C(1, 2))
print(fields(C)[1].name, fields(C)[1].type, fields(C)[1].default, fields(C)[0].default is MISSING, fields(C(1))[0].name)
print(repr(InitVar[int]), InitVar(list[int]), InitVar, InitVar['x'])
f = fields(C)[0]
print(f.init, f.repr, f.hash, f.compare, f.metadata, f.kw_only, f._field_type)

@dataclass(frozen=True)
class F:
    a: list = field(default_factory=list)
    b: "int" = 3
    c: ClassVar[int] = 5
    d: "ClassVar[str]" = 'cv'
    e: "typing.ClassVar[int]" = 7
print(F.__doc__, F.__init__.__defaults__, [f.name for f in fields(F)], F.c, F.d)
fr = F()
print(fr, hash(fr) == hash(F([], 3)) if False else '', F([1]) == F([1]))
try: fr.a = 1
except FrozenInstanceError as e: print(type(e).__name__, e, isinstance(e, AttributeError))
try: del fr.b
except FrozenInstanceError as e: print(e)
try: fr.zz = 1
except FrozenInstanceError as e: print(e)
@dataclass(frozen=True)
class FH:
    a: int
    b: str
print(hash(FH(1, 'x')) == hash((1, 'x')), {FH(1, 'a'), FH(1, 'a')})

for src in ['''
@dataclass
class G:
    a: list = []''', '''
@dataclass
class G:
    a: dict = {}''', '''
@dataclass
class G:
    a: set = set()''', '''
@dataclass
class G:
    a: int = 1
    b: int''', '''
@dataclass
class G:
    a: int = field(default=1, default_factory=int)''', '''
@dataclass(order=True, eq=False)
class G:
    a: int''', '''
@dataclass(order=True)
class G:
    a: int
    def __lt__(self, o): return True''', '''
@dataclass(frozen=True)
class G:
    a: int
    def __setattr__(self, k, v): pass''', '''
@dataclass(unsafe_hash=True)
class G:
    a: int
    def __hash__(self): return 1''', '''
@dataclass
class G:
    a = field()''', '''
@dataclass
class G:
    _: KW_ONLY
    a: int
    __: KW_ONLY''', '''
@dataclass
class G:
    a: ClassVar[int] = field(default_factory=list)''', '''
@dataclass
class G:
    a: ClassVar[int] = field(default=1, kw_only=True)''', '''
@dataclass(frozen=True)
class G(C): pass''', '''
@dataclass
class FB(F): pass''', '''
@dataclass(weakref_slot=True)
class G:
    a: int''', '''
@dataclass(slots=True)
class G:
    __slots__ = ('a',)
    a: int''']:
    try:
        exec(src)
        print('ok')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

@dataclass(kw_only=True)
class K:
    a: int
    b: int = 1
print(K.__doc__, K.__match_args__, K(a=1), K.__init__.__kwdefaults__)
@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
    c: int = field(default=3, kw_only=False)
    d: int = 4
print(K2.__doc__, K2.__match_args__, K2.__init__.__kwdefaults__, K2(1, 2, b=5))

@dataclass(order=True)
class O:
    a: int
    b: str = 'z'
    c: int = field(default=0, compare=False)
print(O(1) < O(2), O(1, 'a') < O(1, 'b'), O(1, c=5) == O(1, c=6), sorted([O(3), O(1), O(2, 'a'), O(2)]), O(1) >= O(1))
try: O(1) < 3
except TypeError as e: print(e)

@dataclass
class Inv:
    a: int
    b: InitVar[int] = 10
    c: int = field(init=False)
    d: list = field(default_factory=lambda: [1], repr=False)
    def __post_init__(self, b):
        self.c = self.a * b
print(Inv(2), Inv(2, 3), Inv(2).d, Inv.__doc__, [f.name for f in fields(Inv)], Inv.__match_args__)
print('b' in Inv.__dataclass_fields__, Inv.__dataclass_fields__['b']._field_type)

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
    x: int = 5
print(Derived(), Derived.__doc__, [(f.name, f.default) for f in fields(Derived)])
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(hash=False, default_factory=list)
print(hash(UH(1)) == hash((1,)))
@dataclass(repr=False, init=False)
class NoRI:
    a: int = 3
print(NoRI().a, 'object at' in repr(NoRI()))
@dataclass
class WithSelf:
    self: int
    other: int = 0
print(WithSelf(1), WithSelf.__init__.__code__.co_varnames)
@dataclass(slots=True)
class Sl:
    a: int
    b: str = 'x'
s = Sl(1)
print(s, Sl.__slots__, hasattr(s, '__dict__'), Sl.__qualname__)
try: s.c = 1
except AttributeError as e: print(type(e).__name__)
@dataclass(slots=True, frozen=True)
class SlF:
    a: int
print(SlF(1), hash(SlF(1)) == hash((1,)))
try: SlF(1).a = 2
except FrozenInstanceError as e: print(e)

@dataclass
class Rec:
    name: str
    child: Optional['Rec'] = None
    items: List[int] = field(default_factory=list)
r = Rec('a', Rec('b'), [1, 2])
print(asdict(r), astuple(r))
r.child.child = r
print(repr(r))
from collections import namedtuple, OrderedDict
NT = namedtuple('NT', 'p q')
@dataclass
class Deep:
    t: tuple
    d: dict
    n: NT
dd = Deep((1, [2, Rec('x')]), {'k': Rec('y'), Rec.__name__: (3,)}, NT(Rec('z'), 4))
print(asdict(dd))
print(astuple(dd))
print(asdict(Rec('q'), dict_factory=OrderedDict), astuple(Rec('w'), tuple_factory=list))
try: asdict(3)
except TypeError as e: print(e)
try: astuple(C)
except TypeError as e: print(e)
try: fields(3)
except TypeError as e: print(e)
print(replace(C(1, 2), y=5), replace(Inv(2, 3), b=4) if True else '', replace(Derived(), z=9))
try: replace(Inv(2), c=1)
except ValueError as e: print(e)
@dataclass
class NeedIV:
    a: int
    b: InitVar[int]
    def __post_init__(self, b): pass
try: replace(NeedIV(1, 2))
except ValueError as e: print(e)
try: replace(3)
except TypeError as e: print(e)
print(is_dataclass(C), is_dataclass(C(1)), is_dataclass(3), is_dataclass(int))
MD = make_dataclass('MD', ['a', ('b', int), ('c', int, field(default=3))], namespace={'m': lambda self: self.a})
print(MD(9, 1, 2), MD.__doc__, MD(1, 2, 4).m(), MD.__module__, MD.__mro__)
for bad in [['a', 'a'], ['class'], ['a b'], [('a', int, 1, 2)], [3]]:
    try: make_dataclass('X', bad)
    except TypeError as e: print(e)
@dataclass
class Desc:
    a: int = field(default=1, metadata={'unit': 'm'})
print(fields(Desc)[0].metadata, fields(Desc)[0].metadata['unit'], Desc.a)
print(repr(fields(Desc)[0]).replace(repr(MISSING), 'MISSING'))
match C(1, 2):
    case C(x, y): print('matched', x, y)
@dataclass
class Empty: pass
print(Empty(), Empty() == Empty(), Empty.__doc__, hash(Empty) != 0, Empty.__match_args__)
@dataclass
class WithDoc:
    """My doc."""
    a: int
print(WithDoc.__doc__)
@dataclass
class DefaultNone:
    a: Optional[int] = None
    b: 'typing.List[int]' = field(default_factory=list)
    c: typing.Dict[str, typing.Any] = None
print(DefaultNone.__doc__)
