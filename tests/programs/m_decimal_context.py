# Decimal: contexts (localcontext, setcontext, the three templates, context methods), formatting,
# hashing against int/float/Fraction, conversions, subclassing, pickling-related dunders.
import decimal
from decimal import *
from fractions import Fraction
import math, copy


def show(expr, env=None):
    try:
        print(expr, "->", repr(eval(expr, globals(), env)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


print(repr(DefaultContext))
print(repr(BasicContext))
print(repr(ExtendedContext))
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY, decimal.HAVE_THREADS)
print(ROUND_HALF_EVEN, ROUND_05UP, hasattr(decimal, "__all__"))
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError),
      issubclass(Underflow, Subnormal), Overflow.__mro__[1:4], DecimalException.__bases__)

with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / 7, ctx.prec, getcontext() is ctx)
print(Decimal(1) / 7, getcontext().prec)
with localcontext(prec=3, rounding=ROUND_UP) as ctx:
    print(Decimal(1) / 7, repr(ctx))
show("localcontext(foo=1)")
show("localcontext(1)")
ctx = Context(prec=6, Emax=99, Emin=-99, traps=[Overflow, InvalidOperation, DivisionByZero])
setcontext(ctx)
print(getcontext() is ctx, Decimal(2).sqrt(), Decimal("1e99") * 10 if False else "")
show("Decimal('9e99') * 100")
print(ctx.flags[Overflow], ctx.flags[Inexact])
ctx.clear_flags()
ctx.traps[Overflow] = False
print(Decimal("9e99") * 100, [s.__name__ for s in ctx.flags if ctx.flags[s]])
ctx.traps = dict.fromkeys(ctx.traps, False)
ctx.traps[Inexact] = True
show("setattr(ctx, 'traps', [Inexact])")
show("Decimal(1) / 3")
ctx.traps = {s: False for s in ctx.traps}
print(repr(ctx))
show("ctx.traps[1]")
show("setattr(ctx, 'prec', 'x')")
show("setattr(ctx, 'prec', 10**20)")
show("setattr(ctx, 'foo', 1)")
show("setcontext(1)")
setcontext(DefaultContext)
print(getcontext() is DefaultContext, getcontext().prec)

c = Context(prec=7)
for expr in [
    "c.add(1, 2)", "c.subtract(Decimal('1.5'), 2)", "c.multiply(3, Decimal('0.1'))", "c.divide(1, 3)",
    "c.divide_int(7, 2)", "c.remainder(-7, 2)", "c.remainder_near(7, 2)", "c.divmod(7, 2)", "c.power(2, 10)",
    "c.power(2, 100)", "c.power(3, 4, 5)", "c.power(Decimal('2.5'), 2)", "c.sqrt(2)", "c.exp(1)", "c.ln(10)",
    "c.log10(2)", "c.logb(250)", "c.abs(-5)", "c.minus(5)", "c.plus(Decimal('1.23456789'))", "c.fma(2, 3, 4)",
    "c.compare(1, 2)", "c.compare_signal(2, 1)", "c.compare_total(1, Decimal('1.0'))", "c.max(1, 2)",
    "c.min_mag(-1, 2)", "c.next_plus(1)", "c.next_toward(1, 0)", "c.normalize(Decimal('1.200'))",
    "c.number_class(0)", "c.quantize(Decimal('1.23456'), Decimal('0.01'))", "c.same_quantum(1, 2)",
    "c.scaleb(1, 3)", "c.shift(123, 2)", "c.rotate(123, -1)", "c.logical_and(1100, 1010)",
    "c.logical_or(1100, 1010)", "c.logical_xor(1100, 1010)", "c.logical_invert(1100)",
    "c.to_sci_string(Decimal('1E+7'))", "c.to_eng_string(Decimal('1E+7'))", "c.to_integral_exact(Decimal('2.5'))",
    "c.to_integral_value(Decimal('3.5'))", "c.to_integral(Decimal('-3.5'))", "c.is_zero(0)", "c.is_signed(-1)",
    "c.is_finite(1)", "c.is_infinite(1)", "c.is_nan(1)", "c.is_qnan(1)", "c.is_snan(1)", "c.is_normal(1)",
    "c.is_subnormal(1)", "c.is_canonical(Decimal(1))", "c.canonical(Decimal(1))", "c.radix()",
    "c.copy_abs(-1)", "c.copy_negate(1)", "c.copy_sign(1, -2)", "c.copy_decimal(5)", "c.Etiny()", "c.Etop()",
    "c.create_decimal('1.234567891')", "c.create_decimal(' 1')", "c.create_decimal(Decimal('NaN12345678901'))",
    "c.create_decimal_from_float(0.1)", "c.add(1.0, 2)", "c.add('1', 2)", "c.sqrt(-1)",
    "Decimal(1).compare(1.0)",
]:
    show(expr)

for spec in ["", "f", ".2f", ".0f", "10.3f", "<10", "^12.2e", "+.3g", " g", ",", ",.2f", "_.1f", "015,.2f", "e",
             "E", ".3e", "G", ".10g", "%", ".1%", "#.0f", "z.1f", "08.2f", "*>12", "=+12.1f", "n", ".3n", ".0e", "<08.2f",
             "0>8", "08", "0=8", ".2g", ".2%"]:
    row = []
    for v in ["0", "-0.0", "1", "123456.789", "-0.000123456", "1E+20", "2.5", "3.5", "-1.5E-10", "Infinity", "NaN", "-sNaN12", "0E+3", "-0E-9"]:
        try:
            row.append(format(Decimal(v), spec))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(spec), row)
show("format(Decimal(1), 'x')")
show("format(Decimal(1), ',n')")
show("f'{Decimal(\"1.25\"):.1f} {Decimal(\"1.35\"):.1f}'")

for v in ["1", "-1", "0.5", "1.25", "1e100", "-1e-100", "1E+999999", "0", "-0", "Infinity", "-Infinity", "123.456"]:
    d = Decimal(v)
    f = Fraction(d) if d.is_finite() else None
    print(v, hash(d), hash(d) == hash(f) if f is not None else "", hash(d) == hash(float(d)) if d.is_finite() and abs(d) < 10**300 and float(d) == d else "")
print(hash(Decimal(2**70)) == hash(2**70), Decimal(7) == 7, 7 == Decimal(7), Decimal("0.5") == 0.5,
      Decimal("0.1") == 0.1, Decimal("1") in {Decimal(1): 2}, {Decimal(3): 1}.get(Decimal("3.0")))

for expr in ["int(Decimal('-3.7'))", "math.floor(Decimal('-3.7'))", "math.ceil(Decimal('-3.2'))",
             "math.trunc(Decimal('3.7'))", "round(Decimal('3.5'))", "round(Decimal('4.5'))",
             "round(Decimal('3.14159'), 2)", "round(Decimal('31415.9'), -2)", "round(Decimal('1.5'), 'x')",
             "float(Decimal('1.1'))", "float(Decimal('-0'))", "complex(Decimal('1.5'))", "bool(Decimal('0.00'))",
             "bool(Decimal('NaN'))", "Decimal('1.5').real", "Decimal('1.5').imag", "Decimal('1.5').conjugate()",
             "Decimal.from_float(0.25)", "Decimal.from_float(-0.0)", "Decimal.from_float(float('inf'))",
             "Decimal.from_float('1')", "Decimal(' -12.5E+3 ')", "Decimal('1e')", "Decimal('.5')", "Decimal('5.')",
             "Decimal('.')", "Decimal('1__0')", "Decimal('0x10')", "Decimal('nan123')", "Decimal('nanx')",
             "Decimal((1, (0,), 'n'))", "Decimal((1, [3, 1, 4], -2))", "Decimal(Decimal('1.50'))",
             "Decimal(True)", "Decimal(-2**70)", "Decimal(None)", "Decimal(1+1j)",
             "Decimal('1.50').__reduce__()", "copy.copy(Decimal('1.5'))", "copy.deepcopy(Decimal('1.5'))",
             "Decimal('12.500').as_tuple()", "Decimal('-1E+3').as_integer_ratio()", "Decimal('0.0625').as_integer_ratio()",
             "str(Decimal('1E+3'))", "str(Decimal('0.00001'))", "str(Decimal('0.0000001'))", "str(Decimal('123E-8'))",
             "Decimal('1.23E-7').to_eng_string()", "Decimal('-1.5E+10').to_eng_string()", "Decimal('0.00E+5').to_eng_string()",
             "sum([Decimal('0.1')] * 10)", "sorted([Decimal('1.1'), 1, Decimal('0.5'), 2.5])", "max(Decimal(1), Fraction(3, 2))",
             "Decimal(1) < Fraction(3, 2)", "Decimal('1.5') == Fraction(3, 2)", "Decimal('NaN') != Decimal('NaN')",
             "Decimal(10) ** -1", "2 ** Decimal(3)", "Decimal(2) ** 0.5", "-Decimal('1.0')", "abs(Decimal('-1E-3'))", "Decimal('_1')", "Decimal('1_.5e1_0')",
             "Decimal(5) % 3", "-7 // Decimal(2)", "divmod(7, Decimal(-2))", "pow(Decimal(2), 10, 7)",
             "Decimal(1) + 'a'", "None + Decimal(1)"]:
    show(expr)


class MyDecimal(Decimal):
    def double(self):
        return self * 2


m = MyDecimal("1.5")
print(type(m).__name__, m, repr(m), m.double(), type(m + 1).__name__, type(MyDecimal.from_float(0.5)).__name__,
      isinstance(m, Decimal), type(copy.copy(m)).__name__)
print(isinstance(Decimal(1), __import__("numbers").Number), isinstance(Decimal(1), __import__("numbers").Real))
print(DecimalTuple(0, (1,), 0), Decimal(DecimalTuple(1, (2, 5), -1)))
getcontext().clear_flags()
print(Decimal(0.5) < 1, getcontext().flags[FloatOperation])
getcontext().traps[FloatOperation] = True
show("Decimal(0.5)")
show("Decimal(1) < 0.5")
show("Decimal(1) == 0.5")
show("Decimal.from_float(0.5)")
