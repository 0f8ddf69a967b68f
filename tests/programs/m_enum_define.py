from enum import *
class F(Flag):
    NONE = 0
    A = 3
    B = 4
print(F._member_names_, list(F), F.__members__, F(7), repr(F(7)), F._flag_mask_, F._singles_mask_, F._all_bits_)
print(repr(~F.B), repr(~F.A), repr(F.NONE), bool(F.NONE))
class E(Enum):
    A = auto()
    B = (auto(), auto())
    C = auto()
print(list(E))
class S(StrEnum):
    A = auto()
    Bb = auto()
print(list(S), repr(S.A), str(S.A), S.A == 'a', format(S.A, '>3'))
try:
    class S2(StrEnum):
        A = 1
except TypeError as e: print(e)
class E2(Enum):
    _ignore_ = 'x y'
    x = 1
    y = 2
    A = 5
    def m(self): return self.value * 2
    @property
    def p(self): return 9
print(list(E2), E2.A.m(), E2.A.p, hasattr(E2, 'x'))
try:
    class E3(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
try:
    class E4(Enum):
        _foo_ = 1
except ValueError as e: print(e)
try:
    class E5(Enum):
        A = staticmethod(len)
        A = 1
except TypeError as e: print(e)
try:
    class E6(Enum):
        A = 1
        _generate_next_value_ = lambda *a: 1
except TypeError as e: print(e)
try:
    class E7(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e: print(e)
try: Enum(5)
except Exception as e: print(type(e), e)
class M(Enum):
    @classmethod
    def _missing_(cls, v): return 7
try: M(3)
except Exception as e: print(type(e), e, repr(e.__context__))
class M2(Enum):
    A=1
    @classmethod
    def _missing_(cls, v): raise KeyError(v)
try: M2(3)
except Exception as e: print(type(e), e, repr(e.__context__))
try: E()
except Exception as e: print(type(e), e)
Animal = Enum('Animal', 'ANT BEE, CAT')
print(list(Animal), Animal.__module__, Animal.__qualname__)
A2 = Enum('A2', [('X', 10), ('Y', 20)], start=5)
A3 = IntEnum('A3', ['P', 'Q'], start=0)
A4 = Flag('A4', 'R W X')
A5 = Enum('A5', {'k': 'v'}, module='mymod', qualname='Q.A5')
print(list(A2), list(A3), list(A4), list(A5), repr(A5), A5.__module__, A5.__qualname__)
print(E2.__members__, type(E2.__members__))
print(hash(E2.A) == hash('A'), E2.A.__class__, E2.A._name_, E2.A._value_)
print(list(reversed(E2)), len(E2), bool(E2))
print(E2._value2member_map_, E2._member_map_)
@unique
class U(Enum):
    A=1
try:
    @unique
    class U2(Enum):
        A=1
        B=1
        C=2
        D=2
except ValueError as e: print(e)
try:
    @verify(UNIQUE)
    class U3(Enum):
        A=1
        B=1
except ValueError as e: print(e)
try:
    @verify(CONTINUOUS)
    class U4(IntEnum):
        A=1
        B=3
        C=6
except ValueError as e: print(e)
try:
    @verify(NAMED_FLAGS)
    class U5(Flag):
        A=1
        B=2
        C=11
except ValueError as e: print(e)
try:
    @verify(CONTINUOUS)
    class U6(Flag):
        A=1
        B=8
except ValueError as e: print(e)
print(EnumCheck.UNIQUE, repr(EnumCheck.UNIQUE), FlagBoundary.STRICT, repr(STRICT))
print(repr(FlagBoundary), list(FlagBoundary))
