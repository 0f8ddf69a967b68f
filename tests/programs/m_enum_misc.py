# Enum odds and ends: _missing_, custom __new__, mixins, match, copy, functional API variants.
import copy
from enum import Enum, IntEnum, StrEnum, auto, unique, EnumMeta, ReprEnum, IntFlag

class Shade(Enum):
    LIGHT = 'light'
    DARK = 'dark'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Shade('LIGHT'), Shade('Dark'))
try: Shade('grey')
except ValueError as e: print(type(e).__name__, e)
try: Shade(3)
except ValueError as e: print(type(e).__name__, e)

class Base(Enum):
    def describe(self):
        return '%s is %r' % (self.name, self.value)
    @classmethod
    def first(cls):
        return next(iter(cls))
class Sized(Base):
    SMALL = 1
    LARGE = 2
print(Sized.LARGE.describe(), Sized.first(), Sized.__mro__)

class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, 'P.X')
    PY = (1, 'P.Y')
print(Coord.PY.label, Coord(1), Coord.PX.value, Coord.PX == b"\x00")

class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3
print(Num.ONE < Num.TWO, Num.TWO + 1, sorted([Num.THREE, Num.ONE]), Num.TWO == 2, Num(2), Num.TWO * 2)
print(int(Num.THREE), float(Num.ONE), hex(Num.TWO), Num.ONE in {1: 'x'}, {Num.ONE: 'a'}[1], '%d' % Num.TWO)
print(isinstance(Num.ONE, int), type(Num.ONE), type(Num), type(Num) is EnumMeta, Num.ONE.real)

class Method(StrEnum):
    GET = auto()
    POST = 'post'
print(Method.GET.upper(), Method.GET + '!', Method.POST == 'post', '-'.join(Method), Method('get'))

d = {Shade.LIGHT: 1, Shade.DARK: 2}
print(d[Shade.LIGHT], Shade.LIGHT in d, len({Shade.LIGHT, Shade.LIGHT, Shade.DARK}))
print(copy.copy(Shade.DARK) is Shade.DARK, copy.deepcopy([Shade.DARK])[0] is Shade.DARK)

def classify(s):
    match s:
        case Shade.LIGHT:
            return 'is light'
        case Shade.DARK:
            return 'is dark'
print(classify(Shade.LIGHT), classify(Shade.DARK), classify(3))

class Cfg(Enum):
    _ignore_ = ['tmp', 'i']
    tmp = 0
    A = 1
    __order__ = 'A B'
    B = 2
print(list(Cfg), hasattr(Cfg, 'tmp'))

Animal = Enum('Animal', 'ANT BEE CAT', module=__name__)
print(Animal.BEE, Animal.BEE.value, Animal['CAT'], Animal(1))
Num2 = IntEnum('Num2', ('A', 'B'))
print(Num2.B + 1, repr(Num2.A))
Mix = Enum('Mix', 'X Y', type=int)
print(repr(Mix.Y), Mix.Y + 10, Mix.__mro__)
Fl = IntFlag('Fl', 'R W X')
print(repr(Fl.R | Fl.X), list(Fl))
Pairs = Enum('Pairs', [['a', 1], ['b', 2]])
print(list(Pairs))
Start = Enum('Start', 'A B', start=10)
print(list(Start))

class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    @property
    def is_first(self):
        return self is Weekday.MONDAY
    def __str__(self):
        return self.name.title()
print(Weekday.MONDAY.is_first, Weekday.TUESDAY.is_first, str(Weekday.TUESDAY), f"{Weekday.MONDAY:>8}|", repr(Weekday.MONDAY))
print(dir(Weekday.MONDAY))
print(dir(Weekday))

class Aliased(Enum):
    A = 1
    B = 2
    C = 1
print(list(Aliased), Aliased.C is Aliased.A, Aliased.C.name, list(Aliased.__members__.items()))
print(Aliased._member_names_, Aliased._value2member_map_)
try: unique(Aliased)
except ValueError as e: print(e)

class Unhash(Enum):
    A = [1, 2]
    B = {'k': 1}
print(Unhash([1, 2]), Unhash({'k': 1}), Unhash._unhashable_values_ if hasattr(Unhash, '_unhashable_values_') else None)

class Sub(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print('init_subclass', cls.__name__, list(cls))
class SubA(Sub):
    X = 1

class Neg(IntEnum):
    M = -1
    Z = 0
print(abs(Neg.M), bool(Neg.Z), -Neg.M, Neg(-1))

try:
    class Bad(ReprEnum):
        A = 1
except TypeError as e:
    print(e)
try:
    class Bad2(int, str, Enum):
        A = 1
except TypeError as e:
    print(str(e).startswith("too many data types for 'Bad2': {<class"))
try:
    class Bad3(Enum, int):
        A = 1
except TypeError as e:
    print(e)
try:
    Shade.LIGHT.value = 5
except AttributeError as e:
    print(e)
try:
    Sized()
except TypeError as e:
    print(e)
try:
    class X(Enum):
        mro = 1
except ValueError as e:
    print(e)
print(Shade.LIGHT.__reduce_ex__(2), Shade.__len__(), Shade.__members__['DARK'])
print(Enum.__repr__(Shade.DARK), Enum.__str__(Num.ONE), str(Num.ONE), format(Num.ONE, '03d'))
