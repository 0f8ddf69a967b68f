# Fraction: constructors, arithmetic with int/float/complex, comparisons, hashing, rounding.
from fractions import Fraction as F
import math

def show(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)

for t in [
    "F('abc')", "F(1,0)", "F('1/0')", "F(1.5, 2)", "F('1.5', 2)", "F([])", "F(float('nan'))",
    "F(float('inf'))", "F.from_float('x')", "F.from_float(3)", "F.from_float(0.1)", "F.from_decimal(1.5)",
    "F(1,2).limit_denominator(0)", "format(F(1,3),'.2f')", "format(F(1,3),'')",
    "F(1,2)**F(1,2)", "F(-1,2)**F(1,2)", "F(0)**-1", "F(' 1_000/3 ')", "F('1__0')", "F('-.5e2')", "F('1e-2')",
    "F('+3/-4')", "F(' 3 /4')", "F('3/4_0')", "F('1.')", "F('.')", "F('1e')", "F('-0')", "F('1_')", "F('_1')",
    "F('1.5E+3')", "F('\\u0663/4')", "F('1/3') + F('nan')", "F('inf')", "F('1.5/2')",
    "hash(F(1,3))", "hash(F(-1,2))", "hash(F(10**30, 7))", "hash(F(1, 2**61-1))", "hash(F(-1))", "hash(F(5))",
    "hash(2.5) == hash(F(5,2))", "hash(F(1,2**70)) == hash(2.0**-70)",
    "divmod(F(7,2), F(1,3))", "divmod(F(7,2), 2)", "divmod(7, F(2,3))", "divmod(F(7,2), 1.5)",
    "F(7,2)//1.5", "F(7,2)//F(2,3)", "7//F(2,3)", "F(7,2)%F(2,3)", "7.5%F(2,3)", "F(1,2)%0",
    "round(F(5,2))", "round(F(7,2))", "round(F(-5,2))", "round(F(7,2),1)", "round(F(25,100),1)",
    "round(F(15,10),-1)", "round(F(1234,1),-2)", "F(1,2).__round__(None)",
    "F(1,3) < 0.5", "F(1,2)==0.5", "F(1,2)==complex(0.5,0)", "F(1,2)==complex(0.5,1)", "int(F(-7,2))", "int(F(7,2))",
    "F(3,1).__pow__(2,3)", "F(2,3)**-2", "F(-2,3)**-3", "F(2,3)**3", "2**F(1,2)", "F(4,1)**F(1,2)",
    "F(4,1)**F(2,1)", "2**F(3)", "2**F(-3)", "2.0**F(-3)", "1j+F(1,2)", "F(1,2)+1j", "F(1,2)*1j", "F(True, 2)",
    "F(1.25)", "F(-0.0)", "repr(F(-3,6))", "str(F(4,2))", "str(F(-4,6))", "F(F(1,2),F(1,3))", "F(1,2)<F(1,3)",
    "F(1,2) < float('nan')", "F(1,2) > float('-inf')", "F(1,2) == float('inf')", "F(1,2) != float('nan')",
    "F(1,2) < 1j", "F(0x10, 3).limit_denominator(1)",
    "F(3.141592653589793).limit_denominator(100)", "F(3.141592653589793).limit_denominator()",
    "F(1,3).limit_denominator(10)", "F(-355,113).limit_denominator(50)",
    "F(1,2).as_integer_ratio()", "F(2,4).numerator", "F(2,4).denominator", "F(1,2).real", "F(1,2).imag",
    "F(1,2).conjugate()", "abs(F(-1,2))", "+F(-1,2)", "-F(-1,2)", "bool(F(0))", "bool(F(1,9))",
    "F(1,2)*2.0", "2.0/F(1,2)", "F(1,2)/0", "F(3,2)/0", "F(1,2)/F(0,7)", "F(1,2)+1", "1-F(1,2)", "3*F(1,6)",
    "1/F(3)", "F(1,3)+F(1,6)", "F(1,3)-F(1,3)", "F(10**400,3)+1.0", "float(F(10**400,3))", "F(1, 10**400)*1.0",
    "float(F(1,3))", "complex(F(1,2))", "math.floor(F(-7,2))", "math.ceil(F(-7,2))", "math.trunc(F(-7,2))",
    "F(numerator=3, denominator=6)", "F(1,2,3)", "F(3, 1.0)", "F(F(1,2))", "sum([F(1,3)]*3)",
    "sorted([F(1,2), 0.25, 1, F(-1,3)])", "max(F(1,2), 0.6)", "F(1,2).__reduce__()", "F(1,2) == 'x'",
    "F(2,4) is F(2,4)",
]:
    show(t)

class G(F):
    pass

g = G(1, 2)
print(type(g + 1).__name__, type(+g).__name__, repr(g), type(G.from_float(0.5)).__name__, type(-g).__name__)
import copy
print(copy.copy(g), type(copy.deepcopy(g)).__name__, copy.copy(F(1, 2)))
print(F.__slots__, F.__module__, F.__add__.__name__, F.__radd__.__name__)
import numbers
print(isinstance(F(1), numbers.Rational), issubclass(F, numbers.Real), isinstance(F(1), numbers.Integral))
