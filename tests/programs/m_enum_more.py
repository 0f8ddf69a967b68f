from enum import *
import enum
class AutoName(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    NORTH = auto()
    SOUTH = auto()
print(list(AutoName), AutoName._generate_next_value_.__name__)
class Ordinal(IntEnum):
    ZERO = 0
    ONE = auto()
    TWO = auto()
print(list(Ordinal), Ordinal.TWO + Ordinal.ONE, Ordinal(2), Ordinal['ZERO'])
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape(2), Shape.ALIAS_FOR_SQUARE, list(Shape.__members__), [m.name for m in Shape])
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R in (Perm.R | Perm.W), 7 == (Perm.R | Perm.W | Perm.X), Perm(7), repr(Perm(7)), list(Perm(7)), Perm.R | 2, type(Perm.R | 2), Perm(0), bool(Perm(0)), ~Perm(0), repr(~Perm(0)))
print(Perm.R & Perm.W, repr(Perm.R & Perm.W), Perm.R ^ 5, repr(Perm.R ^ 5), Perm.R == 4, hash(Perm.R) == hash(4), int(Perm.W), Perm.W.value, Perm.W.name)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
purple = Color.RED | Color.BLUE
print(purple, repr(purple), purple.name, purple.value, Color.RED in purple, Color.GREEN in purple, bool(purple & Color.GREEN), list(purple), len(purple), ~purple, Color(7), Color(5) is purple)
class Empty(Enum):
    pass
print(list(Empty), len(Empty), Empty.__members__, repr(Empty))
class E2(Empty):
    A = 1
print(list(E2), E2.A)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Flag), issubclass(Color, Enum), Color.__mro__)
class WithInit(Enum):
    A = (1, 'one')
    B = (2, 'two')
    def __init__(self, num, word):
        self.num = num
        self.word = word
    @classmethod
    def by_word(cls, w):
        for m in cls:
            if m.word == w: return m
print(WithInit.A.num, WithInit.B.word, WithInit.by_word('two'), WithInit((1, 'one')), WithInit.A.value)
class StrMix(str, Enum):
    A = 'alpha'
    B = 'beta'
print(StrMix.A == 'alpha', StrMix.A.upper(), sorted(StrMix), StrMix('beta'), '%s' % StrMix.A, '{}'.format(StrMix.B), str(StrMix.A), StrMix.A + '!')
class FloatE(float, Enum):
    PI = 3.14159
    E = 2.71828
print(FloatE.PI, repr(FloatE.PI), FloatE.PI * 2, round(FloatE.E, 2), f"{FloatE.PI}")
print(enum.Enum.__doc__ is not None, Color.RED.__doc__, AutoName.__doc__)
x = Color.RED
x |= Color.GREEN
print(x, repr(x))
print(sorted(Perm, key=lambda p: p.value), max(Ordinal), min(Ordinal), sum(Ordinal))
