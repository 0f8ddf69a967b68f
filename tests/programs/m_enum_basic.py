from enum import *
import enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
try:
    class More(Color): PINK = 4
except TypeError as e: print(e)
try: 3 in Color
except TypeError as e: print("contains", e)
print(Color.RED in Color)
try: Color.name
except AttributeError as e: print("AE", e)
try: Color.value
except AttributeError as e: print("AE", e)
class Foo(str, Enum):
    A = 'a'
print(str(Foo.A), f"{Foo.A}", format(Foo.A, '>5'), repr(Foo.A))
class I(int, Enum):
    A = 1
print(str(I.A), f"{I.A}", format(I.A, '>5'), repr(I.A))
class II(IntEnum):
    A = 1
print(str(II.A), f"{II.A}", format(II.A, '>5'), repr(II.A))
class P(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(list(P), P.__members__, P._member_names_, P(6), P(0), str(P(0)), str(P(6)), repr(~P.R))
print(P.RWX.name, P(7).name, P(0).name, len(P(6)), list(P(6)))
try: P(8)
except ValueError as e: print(e)
class IP(IntFlag):
    R = 4
    W = 2
print(IP(9), repr(IP(9)), IP.R | 8, repr(IP.R|8), IP.R + 1, ~IP.R, repr(~IP.R))
try: Color(7)
except ValueError as e: print(e)
try: Color['x']
except KeyError as e: print(repr(e))
try: Color.RED = 5
except AttributeError as e: print(e)
try: del Color.RED
except AttributeError as e: print(e)
print(auto(), repr(auto()))
print(type(Color), enum.EnumMeta, repr(Color), repr(P), dir(Color))
print(dir(Color.RED))
print(dir(P.R))
print(dir(II.A)[:10])
