# decimal: Context construction and errors, context methods with int/str/float operands,
# FloatOperation, hashing, pickling, tuples, subclasses, reductions, signals and module constants.
from decimal import *
import pickle, copy
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
c = Context(prec=5, rounding=ROUND_UP, Emin=-10, Emax=10, capitals=0, clamp=1, flags=[Inexact], traps=[Overflow])
t(lambda: c); t(lambda: c.copy()); t(lambda: pickle.loads(pickle.dumps(c))); t(lambda: copy.deepcopy(c).prec)
t(lambda: c.create_decimal("1.234567")); t(lambda: c.create_decimal(1.1)); t(lambda: c.create_decimal_from_float(0.1)); t(lambda: c.create_decimal(" 1"))
t(lambda: c.create_decimal("1e100")); t(lambda: c.Etiny()); t(lambda: c.Etop()); t(lambda: c.radix()); t(lambda: c.power(2, 10)); t(lambda: c.power(2, -1, 3))
t(lambda: c.to_sci_string(Decimal("1E-7"))); t(lambda: c.to_eng_string(Decimal("1E-7"))); t(lambda: c.divmod(7, 3)); t(lambda: c.fma(2, 3, 4)); t(lambda: c.sqrt(2))
t(lambda: c.add(1, 1.5)); t(lambda: c.add("1", 2)); t(lambda: c.compare_total(Decimal("NaN"), 1)); t(lambda: c.is_zero(0)); t(lambda: c.number_class(Decimal("-0")))
t(lambda: c.logical_and(101, 110)); t(lambda: c.rotate(12345, 2)); t(lambda: c.shift(12345, -2)); t(lambda: c.scaleb(1, 20)); t(lambda: c.next_toward(1, 2))
t(lambda: Context(prec=0)); t(lambda: Context(rounding="x")); t(lambda: Context(Emin=1)); t(lambda: Context(flags={Inexact: 1})); t(lambda: Context(traps=[ValueError]))
t(lambda: setattr(c, "prec", "5")); t(lambda: setattr(c, "foo", 1)); t(lambda: delattr(c, "prec")); t(lambda: c.flags[ValueError])
t(lambda: localcontext(prec=3).__enter__().prec); t(lambda: localcontext(foo=3)); t(lambda: localcontext(prec="x"))
ctx = getcontext(); ctx.traps[FloatOperation] = True
t(lambda: Decimal(1.5)); t(lambda: Decimal(1) < 1.5); t(lambda: Decimal(1) == 1.5); t(lambda: Decimal.from_float(1.5))
ctx.traps[FloatOperation] = False
t(lambda: Decimal(1) < 1.5); t(lambda: ctx.flags[FloatOperation]); t(lambda: Decimal(1) == 1.0); t(lambda: Decimal("NaN") == Decimal("NaN")); t(lambda: Decimal("NaN") < 1)
t(lambda: pickle.loads(pickle.dumps(Decimal("-1.5E+3")))); t(lambda: copy.copy(Decimal(5))); t(lambda: Decimal((0, (1, 2), -1))); t(lambda: Decimal((1, (), "F"))); t(lambda: Decimal((2, (1,), 0)))
t(lambda: Decimal([0, [1, 2], 3])); t(lambda: Decimal((0, (1, 12), 0))); t(lambda: Decimal("1.5").as_tuple()); t(lambda: Decimal("nan12").as_tuple())
class D(Decimal):
    pass
t(lambda: type(D("1.5") + 1).__name__); t(lambda: D("1.5")); t(lambda: type(-D(1)).__name__); t(lambda: D.from_float(0.5)); t(lambda: type(D.from_float(0.5)).__name__)
t(lambda: Decimal("1.5").__reduce__()); t(lambda: D(3).__reduce__()); t(lambda: round(Decimal("2.5"))); t(lambda: round(Decimal("2.675"), 2)); t(lambda: round(Decimal("Inf")))
t(lambda: Decimal(10) ** Decimal("0.5")); t(lambda: Decimal(-8) ** Decimal(1) / 3); t(lambda: pow(Decimal(3), 4, 5)); t(lambda: pow(Decimal(3), Decimal("0.5"), 5))
t(lambda: Decimal("1e999999") * 10); t(lambda: getcontext().flags[Overflow])
t(lambda: DecimalException.__mro__); t(lambda: DivisionByZero.__mro__); t(lambda: Decimal(1) / 0)
t(lambda: MAX_PREC); t(lambda: DefaultContext.prec); t(lambda: BasicContext); t(lambda: ExtendedContext.traps[InvalidOperation])
t(lambda: Decimal("   12  ")); t(lambda: Decimal("1_000")); t(lambda: Decimal("1__0")); t(lambda: Decimal("١٢٣")); t(lambda: Decimal("\u0661.\u0662"))
for kw in [dict(traps=[ValueError]), dict(flags=[ValueError]), dict(traps={ValueError: 1}), dict(flags=[Inexact, 3]), dict(traps=ValueError)]:
  try: Context(**kw); print("ok")
  except Exception as e: print(type(e).__name__, repr(str(e))[:60])
for kw in [dict(traps=(Inexact,)), dict(traps={Inexact}), dict(traps=iter([Inexact])), dict(flags="x")]:
  try: print(Context(**kw).traps[Inexact])
  except Exception as e: print(type(e).__name__, repr(str(e))[:60])
for f in [lambda: 'a' * Decimal(2), lambda: 'a' + Decimal(1), lambda: 'a' - Decimal(1), lambda: 1.5 - Decimal(1),
          lambda: (1,) * Decimal(2), lambda: Decimal(1) + 1.5, lambda: 1j * Decimal(1), lambda: None + Decimal(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
