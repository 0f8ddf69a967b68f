# cmath: every function on finite values near branch cuts, signed zeros, huge and tiny values, and
# every combination of special values (inf, nan, signed zeros), with CPython's errors.
import cmath
import math

INF, NAN = float("inf"), float("nan")
SPECIAL = [-INF, -2.3, -1.0, -0.0, 0.0, 0.5, 1.0, 2.3, INF, NAN]
FINITE = [0.0, -0.0, 1e-310, 1e-200, 0.3, 0.7, 1.0, 1.5, 3.0, 1e10, 1e200, 1e308]
NAMES = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10", "sin",
         "sinh", "sqrt", "tan", "tanh"]


def fmt(z):
    if isinstance(z, complex):
        return "(%r, %r)" % (z.real, z.imag)
    return repr(z)


def fmt15(z):
    # Finite results to 15 digits: pyjit's real functions (JavaScript's Math) may differ from
    # glibc's in the last bit.
    return "(%.15g, %.15g)" % (z.real, z.imag)


def run(name, z, show=fmt):
    try:
        return show(getattr(cmath, name)(z))
    except (ValueError, OverflowError) as e:
        return type(e).__name__


for name in NAMES:
    print("==", name)
    print([run(name, complex(x, y), fmt15 if math.isfinite(x) and math.isfinite(y) else fmt)
           for x in SPECIAL for y in SPECIAL])
    for x in FINITE:
        print([run(name, complex(sx * x, sy * y), fmt15) for y in FINITE[:8] for sx in (1, -1) for sy in (1, -1)])

for args in [(1, 0), (1, 1), (2, -math.pi), (INF, 0), (INF, 1), (-INF, 2), (NAN, 0), (1, INF), (0, INF), (INF, NAN),
             (-0.0, 1), (3, 1e-300)]:
    try:
        print("rect", args, fmt(cmath.rect(*args)))
    except Exception as e:
        print("rect", args, type(e).__name__, e)
for z in [1, -1, 1j, -1j, complex(-1, -0.0), complex(3, 4), complex(1e308, 1e308), complex(INF, NAN), -0.0]:
    print("polar/phase", fmt(z), cmath.polar(z), cmath.phase(z))
for e in ["cmath.sqrt('x')", "cmath.log(0)", "cmath.log(1, 0)", "cmath.log(1, 1)", "cmath.log(8, 2)",
          "cmath.log(1j, 1j)", "cmath.log(100, 10)", "cmath.exp(1000)", "cmath.cosh(complex(800, 1))",
          "cmath.sinh(1000)", "cmath.atanh(1)", "cmath.acos(2)", "cmath.tan(complex(1, 1e300))",
          "cmath.isclose(1, 1.0000000001)", "cmath.isclose(1j, 1j, rel_tol=-1)", "cmath.isclose(1+1j, 1+1.1j, abs_tol=0.2)",
          "cmath.isfinite(complex(1, INF))", "cmath.isinf(complex(NAN, INF))", "cmath.isnan(complex(1, NAN))",
          "cmath.sqrt(-4)", "cmath.sqrt(4.0)", "cmath.exp(True)", "cmath.pi", "cmath.e", "cmath.tau", "cmath.inf",
          "cmath.infj", "cmath.nan", "cmath.nanj", "cmath.phase(complex(-1, 0.0))", "cmath.sin(1 + 2j)",
          "cmath.log10(-100)"]:
    try:
        print(e, fmt(eval(e)))
    except Exception as x:
        print(e, type(x).__name__, x)


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 0.25


print(cmath.sqrt(WithComplex()), cmath.exp(WithFloat()))
