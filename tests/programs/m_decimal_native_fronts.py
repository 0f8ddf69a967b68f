# Decimal's native fast paths (operators, comparisons, quantize, sqrt, str/repr/hash, the
# constructor) and every edge where they must hand over to the general path: context keywords,
# subclasses, traps, big coefficients, exponents far apart, specials, ints and floats as operands.
from decimal import *

NAMES = {Clamped: "Cl", InvalidOperation: "IO", DivisionByZero: "DZ", Inexact: "Ix", Rounded: "Ro",
         Subnormal: "Sn", Overflow: "Ov", Underflow: "Un", FloatOperation: "FO"}


def flags(ctx=None):
    ctx = ctx or getcontext()
    r = "".join(NAMES[s] for s in NAMES if ctx.flags[s])
    ctx.clear_flags()
    return r


def show(label, f):
    getcontext().clear_flags()
    try:
        r = f()
        print(label, repr(r), type(r).__name__, flags())
    except Exception as e:
        print(label, type(e).__name__, e, flags())


D = Decimal
big = D("123456789012345678901234567890")
safe = D(2 ** 53 - 1)

print("-- arithmetic on small and large coefficients")
for a, b in [(D("1.10"), D("2.205")), (D("9007199254740991"), D(1)), (D("-0.5"), D("0.5")),
             (D("1E+20"), D("1E-20")), (D(0), D("-0.00")), (D("-0"), D("0")), (big, D("0.1")),
             (safe, safe), (D("4503599627370496"), D(3)), (D("99999999999999999999999999.9"), D("0.15")),
             (D("1.000"), 7), (3, D("2.5")), (2 ** 60, D("1.5")), (D("7"), -(2 ** 70))]:
    for name, op in [("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y),
                     ("/", lambda x, y: x / y), ("//", lambda x, y: x // y), ("%", lambda x, y: x % y)]:
        show("%s %s %s" % (a, name, b), lambda: op(a, b))
    print("cmp", a < b, a <= b, a == b, a != b, a > b, a >= b, b < a, b == a)

print("-- precision and rounding")
with localcontext() as ctx:
    ctx.prec = 5
    for r in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP, ROUND_CEILING,
              ROUND_FLOOR, ROUND_05UP]:
        ctx.rounding = r
        print(r, D("1.23455") + 0, D("-1.23455") * 1, D("99999.5") + 0, D("2.5") * D("2.5"),
              D("1") / 3, D("-2") / 3, D("123456") - 1, D("0") - D("0"), D("-0") + D("0"), flags(ctx))

print("-- quantize")
for value in ["1.005", "-1.005", "2.675", "0", "-0.000", "123.456", "9.995", "1E+3", "0.0001", "12345678901234567890.55"]:
    d = D(value)
    row = []
    for r in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]:
        row.append(str(d.quantize(D("0.01"), rounding=r)))
        row.append(str(d.quantize(D("1E+1"), r)))
    row.append(str(d.quantize(D("0.00001"))))
    print(value, row, flags())
show("quantize bad rounding", lambda: D("1.5").quantize(D("1"), rounding="nope"))
show("quantize int exp", lambda: D("1.5").quantize(1))
show("quantize too many digits", lambda: D("123456789").quantize(D("0.000000000000000000001")))
show("quantize context", lambda: D("1.55").quantize(D("0.1"), context=Context(rounding=ROUND_DOWN)))
show("quantize kw context+rounding", lambda: D("1.55").quantize(D("0.1"), ROUND_UP, Context()))
show("quantize exp kw", lambda: D("1.55").quantize(exp=D("0.1")))
show("quantize NaN", lambda: D("NaN").quantize(D("0.1")))
show("quantize Inf", lambda: D("Infinity").quantize(D("0.1")))

print("-- traps turn the fast path off")
with localcontext() as ctx:
    ctx.traps[Inexact] = True
    show("trapped inexact /", lambda: D(1) / 3)
    show("exact /", lambda: D(1) / 4)
    show("trapped inexact quantize", lambda: D("1.25").quantize(D("0.1")))
    ctx.traps[Inexact] = False
    ctx.traps[Rounded] = True
    show("trapped rounded quantize", lambda: D("1.20").quantize(D("0.1")))
    show("trapped rounded +", lambda: D("1.2") + D("1E+40"))
    ctx.traps[Rounded] = False
    ctx.Emax = 5
    ctx.Emin = -5
    show("overflow", lambda: D("99999") * 100)
    show("subnormal", lambda: D("0.0001") * D("0.0001"))
    ctx.clamp = 1
    show("clamped", lambda: D("1E+5") + 0)

print("-- context keyword and Context methods")
c = Context(prec=3, rounding=ROUND_UP)
show("c.add", lambda: c.add(D("1.234"), 1))
show("c.multiply", lambda: c.multiply(D("1.234"), D(3)))
show("c.sqrt", lambda: c.sqrt(D(2)))
show("c.quantize", lambda: c.quantize(D("1.234"), D("0.1")))
show("__add__ str", lambda: D(1) + "2")
show("__radd__ str", lambda: "2" + D(1))
show("__add__ float", lambda: D(1) + 1.5)
show("__add__ bool", lambda: D(1) + True)
show("unbound", lambda: Decimal.__add__(D(1), 2))
show("sum", lambda: sum([D("0.1")] * 10))
show("sum start", lambda: sum([D("0.1")] * 3, D("1E+30")))

print("-- comparisons with other types")
for other in [1, 1.0, 1.5, True, 2 ** 80, D("NaN"), D("sNaN"), D("Infinity")]:
    for op, f in [("==", lambda a, b: a == b), ("!=", lambda a, b: a != b), ("<", lambda a, b: a < b),
                  (">=", lambda a, b: a >= b)]:
        show("D(1) %s %r" % (op, other), lambda: f(D(1), other))
print(sorted([D("2.5"), D("-1"), D("0.10"), D("1E+1"), D("-0"), D("0.1"), D("2.50"), 3, -2]))
print(max(D("1.0"), D("1.00"), D(1)), min(D("1"), D("1.0")), D("1.0") in {D(1): 0})

print("-- unary, bool, int, hash")
for value in ["0", "-0", "1.50", "-2.500", "1E+3", "123456789012345678901234567890.1", "-1E-30", "NaN",
              "-Infinity"]:
    d = D(value)
    row = [str(-d), str(+d), str(abs(d)), bool(d)]
    try:
        row.append(int(d))
    except Exception as e:
        row.append(type(e).__name__)
    try:
        row.append(hash(d) == hash(float(d)) if d.is_finite() and abs(d) < 10 ** 15 else hash(d) == hash(d))
    except Exception as e:
        row.append(type(e).__name__)
    print(value, row, flags())
print(hash(D("1.0")) == hash(1), hash(D("0.5")) == hash(0.5), hash(D(2 ** 70)) == hash(2 ** 70), hash(D("-1")))
with localcontext(rounding=ROUND_FLOOR):
    print(-D("0"), +D("-0"), -D("-0"), abs(D("-0")), D("0") - D("0"))
show("hash sNaN", lambda: hash(D("sNaN")))
show("int nan", lambda: int(D("NaN")))

print("-- sqrt")
for value in ["0", "-0", "1", "2", "4", "0.04", "1E+1", "1E-7", "100", "0.0100", "16.00", "2.25",
              "123456789", "-4", "Infinity", "NaN", "1E+999", "3.999999999999999999999999999999"]:
    show("sqrt(%s)" % value, lambda: D(value).sqrt())
with localcontext(prec=50, rounding=ROUND_DOWN):
    show("sqrt 2 prec 50", lambda: D(2).sqrt())
    show("sqrt big", lambda: D(10 ** 60 + 1).sqrt())

print("-- str and repr")
for value in ["1.5", "-0.000001", "0.0000001", "1E+5", "-1.23E-10", "123456789012345678901234567890", "0E-8",
              "NaN123", "-sNaN", "Infinity"]:
    d = D(value)
    print(str(d), repr(d), d.to_eng_string(), format(d, ""), "%s" % d)
with localcontext(capitals=0):
    print(str(D("1E+5")), repr(D("1E-10")))

print("-- the constructor")
for value in [5, -5, 0, 2 ** 64, -(2 ** 64), True, "1.5", " 1.5 ", "1_000.5", "-0", "+.5", "5.", "1e5", "1E-5",
              "inf", "-nan", "١٢", "abc", "", "1.2.3", 1.5, (0, (1, 2), -1), D("7.70")]:
    show("Decimal(%r)" % (value,), lambda: Decimal(value))
print(Decimal("1.5") is Decimal("1.5"), Decimal("1.5") == Decimal("1.5"))
d = D("3.25")
print(Decimal(d) is d)
show("Decimal(kw)", lambda: Decimal(value="2.5"))
show("Decimal(ctx)", lambda: Decimal("1.23456", Context(prec=2)))
show("Decimal bad ctx", lambda: Decimal("1", 5))


class Money(Decimal):
    def __repr__(self):
        return "Money(%s)" % str(self)


m = Money("1.25")
print(repr(m), type(m).__name__, repr(m + 1), type(m + 1).__name__, type(m * m).__name__, m == D("1.25"), m < 2)
print(type(Money(5)).__name__, type(Money(m)).__name__, type(m.quantize(D("0.1"))).__name__, str(-m))


class Loud(Decimal):
    def __add__(self, other):
        return "Loud add"


print(Loud(1) + 1, 1 + Loud(1), D(1) + Loud(2))
