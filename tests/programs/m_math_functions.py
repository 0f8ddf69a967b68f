# math: every function of 3.11 on ordinary, special and erroneous arguments.
import math

inf, nan = math.inf, math.nan
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e-310, 1e300, -1e300, inf, -inf, nan]

def show(name, *args):
    f = getattr(math, name)
    try:
        r = f(*args)
        print(name, args, repr(r))
    except Exception as e:
        print(name, args, type(e).__name__, e)

ONE = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "degrees",
       "erf", "erfc", "exp", "exp2", "expm1", "fabs", "floor", "gamma", "lgamma", "log", "log10",
       "log1p", "log2", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc", "isfinite",
       "isinf", "isnan", "frexp", "modf", "ulp"]
for name in ONE:
    for x in SPECIAL:
        show(name, x)

TWO = ["atan2", "copysign", "fmod", "pow", "remainder", "nextafter", "hypot", "ldexp"]
for name in TWO:
    for x in [0.0, -0.0, 2.0, -3.5, inf, -inf, nan]:
        for y in [0.0, -0.0, 1.0, -2.0, 0.5, inf, -inf, nan]:
            if name == "ldexp":
                y = int(y) if math.isfinite(y) else 5
            show(name, x, y)

# integers
for n in [0, 1, 5, 20, 100]:
    print(math.factorial(n) % 1000000007, math.isqrt(n * n + 3))
for a, b in [(0, 0), (12, 18), (-12, 18), (2**70, 6**40)]:
    print(math.gcd(a, b), math.lcm(a, b))
print(math.gcd(), math.lcm(), math.gcd(4, 6, 10), math.lcm(4, 6, 10))
print(math.comb(10, 3), math.comb(3, 10), math.perm(10, 3), math.perm(5), math.comb(100, 50))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod([2, 3], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.log(8, 2), math.log(100, 10), math.log(2**1000), math.log10(10**300), math.log2(2**2000))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10**20), math.ceil(7))
print(math.isqrt(10**40 + 12345), math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0))
print(math.sumprod if hasattr(math, "sumprod") else "no sumprod")

for call in [
    lambda: math.factorial(-1), lambda: math.factorial(2.0), lambda: math.factorial("3"),
    lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.perm(3, -1),
    lambda: math.comb(1.5, 2), lambda: math.log(0), lambda: math.log(-1), lambda: math.log(1, 1),
    lambda: math.log(0, 2), lambda: math.sqrt("x"), lambda: math.exp(1000), lambda: math.pow(0.0, -1.0),
    lambda: math.fsum([inf, -inf]), lambda: math.fsum([1e308, 1e308]), lambda: math.dist((1,), (1, 2)),
    lambda: math.gcd(1.5), lambda: math.ldexp(1.0, 1.5), lambda: math.floor("a"),
    lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.prod(3), lambda: math.trunc("x"),
    lambda: math.sin(), lambda: math.hypot("a"), lambda: math.frexp(None), lambda: math.log(10**400, 0),
    lambda: math.ceil(nan), lambda: math.floor(inf), lambda: math.gamma(-2.0), lambda: math.lgamma(0.0),
]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 7
class C:
    def __ceil__(self):
        return "ceil!"
    def __floor__(self):
        return "floor!"
    def __trunc__(self):
        return "trunc!"
print(math.sqrt(F()), math.sqrt(I()), math.factorial(I()), math.ceil(C()), math.floor(C()), math.trunc(C()))
print(math.erf(0.5), math.erfc(3.0), math.cbrt(27.0), math.cbrt(-0.001), math.expm1(1e-5), math.log1p(1e-5))
print([math.erf(x / 7) for x in range(-20, 21)])
print([math.erfc(x / 3) for x in range(-5, 30)])
print([math.cbrt(x * 1.37) for x in range(-10, 10)])
print([math.sinh(x / 4) for x in range(-12, 12)], [math.asinh(x * 1.5) for x in range(-6, 6)])
print([math.acosh(1 + x / 5) for x in range(0, 20)], [math.atanh(x / 11) for x in range(-10, 11)])
print([math.log10(x * 0.37) for x in range(1, 30)], [math.gamma(x / 3) for x in range(1, 30)])
print(math.log(10**400), math.log10(10**400), math.log2(2**1500-1), math.log(2**1024-2**970), math.log(2**1024 - 1), math.log10(7**999), math.log(10**400, 10**300))

for n in ['pow','atan2','fmod','remainder','copysign','ldexp','nextafter','comb','perm','dist','gcd','lcm','hypot','log']:
  f=getattr(math,n)
  for a,k in [((), {'x':1}), ((1,2,3,4,5),{}), ((1,),{})]:
    try: f(*a, **k)
    except TypeError as e: print(n, e)
for c in ['math.isclose(1,2,3)','math.isclose(1)','math.isclose(a=1)','math.prod([1],2)','math.prod(x=[1])','math.isclose(1,2,foo=3)', 'math.prod(iterable=[1])', 'math.prod([2], start=3)', 'math.isclose(b=1, a=1, abs_tol=1)', 'math.prod([1], start=2, x=3)']:
  try: print(c, eval(c))
  except TypeError as e: print(c, e)
print(math.factorial(20000).bit_length(), math.factorial(1000001) % 1000003)
try: math.factorial(2**63)
except OverflowError as e: print(e)
