# Decimal: every operation over a grid of operands under several contexts, printing results and
# the flags each one raised (traps off), to compare rounding, exponents and signals with CPython.
from decimal import *

OPERANDS = ["0", "-0", "1", "-1", "2.5", "-3.75", "0.001", "123456789", "9.99999", "1E+5", "1.0E-3",
            "7", "0.1", "12345.6789", "-0.00", "Infinity", "-Infinity", "NaN", "sNaN", "1e-1000", "5E+999"]
UNARY = ["sqrt", "exp", "ln", "log10", "logb", "normalize", "to_integral_value", "to_integral_exact",
         "next_plus", "next_minus", "number_class", "__neg__", "__pos__", "__abs__", "copy_negate",
         "copy_abs", "adjusted", "is_normal", "is_subnormal", "to_eng_string"]
BINARY = ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "remainder_near",
          "compare", "compare_signal", "compare_total", "compare_total_mag", "max", "min", "max_mag",
          "min_mag", "quantize", "same_quantum", "copy_sign", "next_toward", "__pow__"]
NAMES = {Clamped: "Cl", InvalidOperation: "IO", DivisionByZero: "DZ", Inexact: "Ix", Rounded: "Ro",
         Subnormal: "Sn", Overflow: "Ov", Underflow: "Un", FloatOperation: "FO"}


def run(ctx, label):
    print("==", label)
    setcontext(ctx)
    for a in OPERANDS:
        da = Decimal(a)
        line = []
        for name in UNARY:
            ctx.clear_flags()
            try:
                r = getattr(da, name)()
            except Exception as e:
                r = type(e).__name__
            flags = "".join(NAMES[s] for s in NAMES if ctx.flags[s])
            line.append("%s=%s%s" % (name, r, "/" + flags if flags else ""))
        print(a, " ".join(line))
    for a in OPERANDS:
        for b in OPERANDS[:15]:
            da, db = Decimal(a), Decimal(b)
            line = []
            for name in BINARY:
                ctx.clear_flags()
                try:
                    r = getattr(da, name)(db)
                except Exception as e:
                    r = type(e).__name__
                flags = "".join(NAMES[s] for s in NAMES if ctx.flags[s])
                line.append("%s%s" % (r, "/" + flags if flags else ""))
            print(a, b, " ".join(str(x) for x in line))


run(Context(prec=28, traps=[]), "default precision")
run(Context(prec=5, rounding=ROUND_DOWN, Emin=-20, Emax=20, traps=[]), "prec 5 down")
run(Context(prec=4, rounding=ROUND_HALF_UP, Emin=-9, Emax=9, clamp=1, traps=[]), "prec 4 half up clamp")
for rounding in [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP]:
    ctx = Context(prec=3, rounding=rounding, traps=[])
    setcontext(ctx)
    values = [Decimal(x) for x in ["1.234", "1.235", "1.245", "-1.235", "-1.245", "9.995", "0.0151", "1.051", "-1.051", "1.001"]]
    print(rounding, [str(+v) for v in values], [str(v.quantize(Decimal("0.1"))) for v in values],
          [str(v / 3) for v in values], [str(v * v) for v in values])
