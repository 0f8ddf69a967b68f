# Flag and IntFlag: operators, pseudo-members, boundaries, iteration, global_enum.
import enum
from enum import *

class F(Flag):
    A = 4
    B = 1
    C = auto()
print(list(F))

class H(Enum):
    A = 1.5
    B = auto()
print(list(H))

class K(IntEnum):
    A = 1
    def __str__(self): return 'custom'
print(str(K.A), f"{K.A}")

@enum.global_enum
class GG(Enum):
    GA = 1
    GB = 2
print(repr(GA), str(GA), repr(GG.GB))

@enum.global_enum
class GF(IntFlag):
    FA = 1
    FB = 2
print(repr(FA|FB), str(FA), repr(GF(0)), repr(GF(8)), repr(GF(9)))

@enum.global_enum
class GFl(Flag):
    XA = 1
    XB = 2
print(str(XA), repr(GFl(0)), str(XA|XB))

class N(Enum):
    A = 1
    B = member(len)
    C = nonmember(3)
print(list(N), N.C)

class WithName(Enum):
    name = 1
    value = 2
print(WithName.name, WithName.value, WithName.name.name, WithName.name.value)
print(enum.show_flag_values(13), enum.bin(8), enum.bin(-3), enum.bin(5, 8), enum.bin(0), enum.bin(-1), enum.bin(-8, 6))

print(F.A.__class__.__mro__, IntFlag.__mro__, IntEnum.__mro__, StrEnum.__mro__)
print(isinstance(F.A, Flag), issubclass(IntFlag, int))
x = F.A | F.B
print(F.A in x, F.C in x, repr(x), x.value, x.name, repr(x & F.A), repr(x ^ F.A), bool(F(0)))
try: 1 in x
except TypeError as e: print(e)
try: F.A | 1
except TypeError as e: print(e)
try: F(16)
except ValueError as e: print(e)
try: F('a')
except ValueError as e: print(e)

class CF(Flag, boundary=CONFORM):
    A=1
    B=2
class EF(Flag, boundary=EJECT):
    A=1
    B=2
print(repr(CF(7)), repr(EF(7)), repr(~CF.A), repr(~EF.A), CF._boundary_, EF._boundary_)
print(F.__members__.keys())

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
    RWX = 7
    NONE = 0
rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw + 1, rw == 6, repr(Perm.R | 8), repr(Perm(0)), repr(~Perm.R), repr(~Perm.RWX))
print(repr(Perm.R & 5), repr(5 & Perm.R), repr(3 | Perm.R), repr(Perm.R ^ Perm.RWX), len(rw), list(rw))
print(list(Perm), Perm._member_names_, repr(Perm(7)), Perm(7) is Perm.RWX, repr(Perm(-1)), repr(Perm(-8)))
print(Perm.R in rw, Perm.X in rw, format(rw, '>4'), f"{rw:x}", hash(rw) == hash(6), isinstance(rw, int))
print(sorted([Perm.W, Perm.R, Perm.X]), max(Perm.W, Perm.R))

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    BLACK = 0
print(list(Color), repr(Color.WHITE), repr(Color.RED | Color.GREEN), repr(~Color.RED), repr(~Color.WHITE))
print(repr(Color.BLACK), bool(Color.BLACK), repr(Color(0)), Color.WHITE.name, len(Color.WHITE), list(Color.WHITE))
for m in Color.RED | Color.BLUE:
    print(' ', m, m.name, m.value)
print(Color._flag_mask_, Color._all_bits_, Color._singles_mask_)
try:
    class Bad(Flag):
        A = 'x'
        B = auto()
except TypeError as e:
    print(type(e).__name__, e)

class Big(IntFlag):
    A = 1 << 70
    B = auto()
print(repr(Big.B), Big.B.value, repr(Big.A | Big.B))
print(repr(FlagBoundary.KEEP), IntFlag._boundary_, Flag._boundary_)
