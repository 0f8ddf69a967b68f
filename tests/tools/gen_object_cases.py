"""Generates tests/data/object_cases.json: CPython 3.11's results for the format mini-language,
%-formatting, str.format, float repr/round, int parsing and math functions. The unit tests in
vm/ (format_test.ts, ops_test.ts, modules/math_test.ts) compare pyjit against this table, so they
run without CPython.

Usage: python3 tests/tools/gen_object_cases.py > tests/data/object_cases.json
"""
import json
import math
import sys


def enc(v):
    """A JSON encoding of a Python value the TypeScript side can rebuild exactly."""
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, complex):
        return {"complex": [repr(v.real), repr(v.imag)]}
    if isinstance(v, str):
        return {"str": v}
    if v is None:
        return {"none": True}
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if isinstance(v, list):
        return {"list": [enc(x) for x in v]}
    if isinstance(v, dict):
        return {"dict": {k: enc(x) for k, x in v.items()}}
    raise TypeError(type(v))


def outcome(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001 - we record every error
        return {"error": type(e).__name__, "message": str(e)}
    return {"result": r if isinstance(r, str) else repr(r)}


INTS = [0, 1, -1, 7, 42, -42, 255, 1234567, -1234567, 2**53, 2**64 + 1, -(2**70), True]
FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 3.14159, 1234.5, 1234567.891,
          1e16, 1e-7, 1.5e-7, 123456789.0, 1e22, 1e300, 5e-324, 9.999e-5, 0.0001, 999999.5, 123.456,
          float("inf"), float("-inf"), float("nan"), 1 / 3, 2 / 3, 100.0, 0.05, 1e21, 12345.6789e10]
STRS = ["", "a", "abc", "héllo", "😀x"]
INT_SPECS = ["", "d", "5", "<5", ">5", "^5", "=5", "+", "-", " ", "+5d", "05", "08d", "-08d", ",", "_", "010,",
             "b", "#b", "o", "#o", "x", "#x", "X", "#X", "_x", "#010x", "c", "n", "e", ".2e", "f", ".1f", "g",
             "%", ".3%", "*^9", "x<6", ".2", "z", "#", ",x"]
FLOAT_SPECS = ["", "f", ".0f", ".1f", ".2f", ".3f", ".10f", ".20f", "e", ".0e", ".1e", ".3e", "E", "g", ".0g", ".1g",
               ".2g", ".3g", ".10g", ".17g", "G", "#g", "#.3g", "%", ".1%", ",.2f", "_.3f", "012.3f", "+.2f",
               " .2f", "-^12.3f", "=+12.2f", "z.1f", "z.0f", ".0", ".1", ".2", ".5", ".16", "10", "<10", "^10",
               "#.0f", "#.0e", "n", ".3n", "F", "010", "+", "d", "x", "1000000000000000000000"]
STR_SPECS = ["", "s", "5", "<5", ">5", "^5", "*^7", ".2", "5.1", "+", "=5", "#", "d", ",", "z"]

format_cases = []
for v in INTS:
    for s in INT_SPECS:
        format_cases.append([enc(v), s, outcome(lambda: format(v, s))])
for v in FLOATS:
    for s in FLOAT_SPECS:
        format_cases.append([enc(v), s, outcome(lambda: format(v, s))])
for v in STRS:
    for s in STR_SPECS:
        format_cases.append([enc(v), s, outcome(lambda: format(v, s))])
for v in [1 + 2j, -1.5 - 0.5j, 3j, complex(0, -0.0), complex(1e20, 1)]:
    for s in ["", ".2f", "g", "10.1e", ">20", "+.3g"]:
        format_cases.append([enc(v), s, outcome(lambda: format(v, s))])

# Random specs (fixed seed): every combination of fill/align/sign/z/#/0/width/grouping/precision/type.
import random
random.seed(7)
FUZZ_VALUES = [0, 1, -1, 5, -123, 2**40, -2**70, 0.0, -0.0, 1.5, -2.5, 0.1, 123.456, 1e-8, 9.99e20, 1e100,
               float("inf"), float("nan"), 3.999, 0.5, 1234567.0, "ab", "héllo", ""]
for _ in range(1500):
    v = random.choice(FUZZ_VALUES)
    align = random.choice(["", "", "<", ">", "^", "="])
    fill = random.choice(["", "", "*", "0", "x"]) if align else ""
    spec = (fill + align + random.choice(["", "", "+", "-", " "]) + random.choice(["", "", "", "z"]) +
            random.choice(["", "", "#"]) + random.choice(["", "", "0"]) + random.choice(["", "", "1", "8", "12"]) +
            random.choice(["", "", "", ",", "_"]) + random.choice(["", "", ".0", ".1", ".3", ".10"]) +
            random.choice(["", "d", "f", "e", "g", "%", "x", "b", "n", "s", "F", "G", "E", "o", "X", "c"]))
    format_cases.append([enc(v), spec, outcome(lambda: format(v, spec))])

PERCENT = [
    ("%s", ("x",)), ("%5s|%-5s", ("a", "b")), ("%r", ("a'b",)), ("%d", (42,)), ("%i", (-3,)), ("%05d", (42,)),
    ("%+d", (5,)), ("% d", (5,)), ("%x %X %o", (255, 255, 8)), ("%#x %#o", (255, 8)), ("%c%c", (65, "b")),
    ("%f", (3.14159,)), ("%.2f", (2.675,)), ("%e", (12345.678,)), ("%.3g", (0.0001234,)), ("%g", (1e20,)),
    ("%10.3f|", (3.14159,)), ("%-10.3f|", (3.14159,)), ("%*d", (5, 3)), ("%-*.*f", (8, 2, 1.5)), ("%%", ()),
    ("%s %s", (1,)), ("%s", (1, 2)), ("%d", ("a",)), ("%(a)s-%(b)03d", {"a": 1, "b": 2}), ("%s", ([1, 2],)),
    ("%.1s", ("abc",)), ("%5.1f%%", (99.95,)), ("%d", (3.9,)), ("%x", (3.9,)), ("%z", (1,)), ("%", ()),
    ("%s", {"a": 1}), ("%a", ("é",)), ("%.0f", (0.5,)), ("%.0f", (1.5,)), ("%G", (1e-10,)),
]
percent_cases = [[f, enc(a), outcome(lambda: f % a)] for f, a in PERCENT]
# Random %-conversions (fixed seed): flags, width, precision and type against ints, floats, strs.
random.seed(3)
for _ in range(1200):
    v = random.choice([0, 1, -1, 42, -123, 2**40, 0.0, -0.0, 1.5, -2.5, 0.1, 123.456, 1e-8, 1e20,
                       float("inf"), float("nan"), "ab", 65])
    f = ("%" + "".join(random.sample(["-", "+", " ", "#", "0"], random.randint(0, 3))) +
         random.choice(["", "", "5", "10"]) + random.choice(["", "", ".0", ".2", ".5"]) + random.choice("sdirxXoeEfFgGc%a"))
    a = () if f.endswith("%") and random.random() < 0.5 else (v,)
    percent_cases.append([f, enc(a), outcome(lambda: f % a)])

STR_FORMAT = [
    ("{} {}", (1, 2), {}), ("{1}{0}{1}", ("a", "b"), {}), ("{x}-{y}", (), {"x": 1, "y": 2}), ("{0[1]}", ([5, 6],), {}),
    ("{0.real}", (3,), {}), ("{!r:>6}", ("a",), {}), ("{:{w}.{p}f}", (3.14159,), {"w": 10, "p": 2}),
    ("{{}} {}", (1,), {}), ("{:>{}}", ("x", 5), {}), ("{}{1}", (1, 2), {}), ("{", (), {}), ("}", (), {}),
    ("{0}", (), {}), ("{a}", (), {}), ("{!x}", (1,), {}), ("{0!s:^7}", (12,), {}), ("{:,}", (1234567,), {}),
    ("{0:{1}}", (5, "03"), {}), ("{d[k]}", (), {"d": {"k": "v"}}),
]
# Random templates (fixed seed): auto/manual numbering, attributes, items, conversions, nested specs,
# and malformed braces.
random.seed(71)
TPL_PARTS = ["{}", "{0}", "{1}", "{x}", "{y.real}", "{z[0]}", "{z[1]}", "{!r}", "{!s}", "{!a}", "{:>5}", "{0:^{1}}",
             "{x:{y}}", "{{", "}}", "{", "}", "a", " ", "{:,}", "{:.2f}", "{0!r:>8}", "{x!x}", "{:{}}", "{2}", "{z[5]}", "{w}"]
for _ in range(1500):
    STR_FORMAT.append(("".join(random.choice(TPL_PARTS) for _ in range(random.randint(1, 4))),
                       (random.choice([1, "é", 2.5, -3]), random.choice([6, 3, "s"])),
                       {"x": random.choice([7, "q", 1.25]), "y": random.choice([3, 4, "d"]), "z": [10, "v"]}))
str_format_cases = [[t, [enc(x) for x in a], {n: enc(v) for n, v in k.items()}, outcome(lambda: t.format(*a, **k))]
                    for t, a, k in STR_FORMAT]

ROUND = []
for x in [2.5, 3.5, -2.5, 0.5, 1.5, 2.675, 0.125, 0.375, 1.005, 123.456, -0.4, 1e300, 5e-324, 1234.5678, 0.1,
          2.0**60 + 0.0, 1e22, 0.285, 1.0000000000000002]:
    for nd in [None, 0, 1, 2, 3, -1, -2, 10, 400, -400]:
        ROUND.append([enc(x), nd, outcome(lambda: round(x) if nd is None else round(x, nd))])
for x in [5, 15, 25, -25, 1234, 2**70 + 5 * 10**20]:
    for nd in [None, 0, -1, -2, 2]:
        ROUND.append([enc(x), nd, outcome(lambda: round(x) if nd is None else round(x, nd))])

REPR = [[enc(x), repr(x), str(x)] for x in FLOATS + [1e15, 1e-5, 1e-4, 0.3, 2.0**53, 1.7976931348623157e308,
                                                     2.2250738585072014e-308, 123e-310]]

INT_PARSE = []
for s in ["12", " -0x1F ", "1_000", "0b101", "010", "0_1", "1__0", "_1", "z", "", "+", "0x", "0o17", "١٢٣",
          "9" * 30, "-" + "7" * 20, "Zz", "0X_ff", " 1 ", "1.5", "0"]:
    for b in [10, 0, 16, 36, 2]:
        INT_PARSE.append([s, b, outcome(lambda: int(s, b))])
FLOAT_PARSE = [[s, outcome(lambda: float(s))] for s in
               ["1.5", " -2 ", "1e5", "1_0.5", "1__0", "inf", "-Infinity", "nan", ".5", "5.", "e5", "", "abc",
                "0x10", "1e400", "1e-400", "٣.٥"]]

# Random literals (fixed seed) for int(s, base) and float(s): signs, underscores, prefixes, Unicode digits.
random.seed(41)
PIECES = ["0", "1", "7", "9", "_", "-", "+", " ", "x", "o", "b", "0x", "0o", "0b", "e", "E", ".", "inf", "nan", "a",
          "f", "Z", "\t", "١", "12", "00"]
for _ in range(1500):
    ps = "".join(random.choice(PIECES) for _ in range(random.randint(0, 6)))
    pb = random.choice([10, 0, 2, 8, 16, 36])
    INT_PARSE.append([ps, pb, outcome(lambda: int(ps, pb))])
    FLOAT_PARSE.append([ps, outcome(lambda: float(ps))])

MATH = []
def m(name, *args):
    MATH.append([name, [enc(a) for a in args], outcome(lambda: getattr(math, name)(*args))])
for x in [0.0, 0.5, 1.0, 2.0, -1.0, 10.0, 1e-10, 100.0, -0.5, float("inf"), float("nan"), 3]:
    for f in ["sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
              "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "ceil", "floor", "trunc",
              "gamma", "lgamma", "erf", "erfc", "isfinite", "isinf", "isnan", "degrees", "radians", "frexp",
              "modf", "exp2"]:
        m(f, x)
for args in [(2, 10), (-8, 1 / 3), (0, -1), (0.0, 0), (1, float("nan")), (2, 0.5), (10, 400)]:
    m("pow", *args)
for args in [(8, 2), (100,), (1, 1), (0,), (-1,), (2**1000,), (10**400,)]:
    m("log", *args)
for args in [(5, 3), (-5, 3), (5, -3), (5.5, 2), (1, 0), (float("inf"), 1), (3, float("inf"))]:
    m("fmod", *args)
    m("remainder", *args)
    m("copysign", *args)
    m("atan2", *args)
for n in [0, 1, 5, 20, 25, -1, 1.5]:
    m("factorial", n)
for args in [(10, 3), (5, 0), (3, 5), (-1, 2), (2, -1), (50, 25)]:
    m("comb", *args)
    m("perm", *args)
for args in [(12, 18), (0, 0), (-4, 6), (12, 18, 30), ()]:
    m("gcd", *args)
    m("lcm", *args)
for x in [0, 1, 15, 16, 10**20, -1]:
    m("isqrt", x)
for args in [(1.0, 2.0), (1.0, 0.0), (0.0, 1.0), (-0.0, -1.0)]:
    m("nextafter", *args)
for x in [1.0, 0.0, 1e300, 5e-324, -2.0]:
    m("ulp", x)
for args in [(1, 10), (1.5, -2), (1, 2000), (1, -2000)]:
    m("ldexp", *args)
for args in [(3, 4), (3, 4, 12), ()]:
    m("hypot", *args)
m("dist", (0, 0), (3, 4))
for x in [0.5, 5.5, 10.5, -1.5, -2.5, 0.1, 30.0, 171.5, 200.0, -200.5, 1e-21]:
    m("gamma", x)
    m("lgamma", x)
for x in [0.1, 0.5, 1.4, 1.6, 2.0, 3.0, -0.7, 5.0, 30.0]:
    m("erf", x)
    m("erfc", x)
# Random math calls (fixed seed) over ints, big ints, bools and special floats.
random.seed(13)
FUZZ_MATH = [0, 1, -1, 2, 3, 10, -7, 100, 2**60, -(2**70), 0.0, -0.0, 0.5, -0.5, 1.5, 2.5, 1e-300, 1e300, -1e300,
             float("inf"), float("-inf"), float("nan"), 0.1, 3.7, -2.3, 700.0, 710.0, 1e-10, True]
ONE = ["sqrt", "exp", "exp2", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
       "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "ceil", "floor", "trunc", "gamma", "lgamma", "isfinite",
       "isinf", "isnan", "degrees", "radians", "frexp", "modf", "factorial", "isqrt", "cbrt"]
TWO = ["pow", "atan2", "fmod", "remainder", "copysign", "ldexp", "log", "isclose", "gcd", "lcm", "comb", "perm",
       "nextafter", "hypot"]
for _ in range(2000):
    if random.random() < 0.5:
        mname, margs = random.choice(ONE), (random.choice(FUZZ_MATH),)
    else:
        mname, margs = random.choice(TWO), (random.choice(FUZZ_MATH), random.choice(FUZZ_MATH))
        if mname in ("comb", "perm", "gcd", "lcm") and any(isinstance(a, int) and abs(a) > 10**6 for a in margs):
            continue
        if mname == "ldexp" and isinstance(margs[1], int) and abs(margs[1]) > 5000:
            continue
    if mname == "factorial" and isinstance(margs[0], int) and margs[0] > 1000:
        continue
    m(mname, *margs)

FSUM = [[[enc(x) for x in xs], outcome(lambda: math.fsum(xs))] for xs in
        [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [float("inf"), 1.0],
         [float("inf"), float("-inf")], [], [1e308, 1e308], [2.0**53, 1.0, 1.0], [0.3, 0.3, 0.3, -0.9]]]

METHOD_CALLS = [
    ("Hello, World", "lower", ()), ("Hello, World", "upper", ()), ("hello world", "title", ()),
    ("they're bill's", "title", ()), ("ABCdef", "swapcase", ()), ("straße", "casefold", ()),
    ("hELLO", "capitalize", ()), ("a,b,,c", "split", (",",)), ("a,b,,c", "split", (",", 1)),
    (" a  b \t c\n", "split", ()), ("a b c", "rsplit", (None, 1)), ("a\nb\r\nc\rd", "splitlines", ()),
    ("a\nb\n", "splitlines", (True,)), ("abc", "center", (8, "*")), ("abc", "center", (9, "*")),
    ("abc", "ljust", (6,)), ("abc", "rjust", (6, "-")), ("-42", "zfill", (6,)), ("+4", "zfill", (4,)),
    ("a\tbc\td", "expandtabs", ()), ("a\tb", "expandtabs", (4,)), ("abc", "partition", ("b",)),
    ("abc", "rpartition", ("x",)), ("abcabc", "find", ("c", 3)), ("abcabc", "rfind", ("c", 0, 4)),
    ("abc", "count", ("",)), ("aaa", "count", ("a", 1)), ("abc", "replace", ("", "-")),
    ("aaa", "replace", ("a", "b", 2)), ("a", "index", ("b",)), ("abc", "startswith", (("x", "a"),)),
    ("abc", "endswith", ("bc", 0, 2)), ("abc", "startswith", (1,)), ("  xx  ", "strip", ()),
    ("xxaxx", "strip", ("x",)), ("xxaxx", "lstrip", ("x",)), ("xxaxx", "rstrip", ("x",)),
    ("abc", "removeprefix", ("ab",)), ("abc", "removesuffix", ("bc",)), (",", "join", (["a", "b"],)),
    (",", "join", ([1],)), ("abc", "isalpha", ()), ("a1", "isalnum", ()), ("123", "isdigit", ()),
    ("²", "isdigit", ()), ("²", "isdecimal", ()), ("一", "isnumeric", ()), (" \t", "isspace", ()),
    ("Abc Def", "istitle", ()), ("abc", "islower", ()), ("ABC", "isupper", ()), ("x1", "isidentifier", ()),
    ("1x", "isidentifier", ()), ("a\x00", "isprintable", ()), ("é", "isascii", ()), ("é", "encode", ()),
    ("é", "encode", ("ascii",)), ("é", "encode", ("ascii", "replace")), ("a😀b", "find", ("b",)),
    ("a😀b😀", "rfind", ("😀",)), ("a😀b", "index", ("😀",)), ("😀", "center", (5, "*")),
    ("x😀y", "upper", ()), ("ab😀cd", "split", ("😀",)), ("a", "split", ("",)), ("a", "center", (5, "ab")),
    ("{} {}", "format", (1, 2)), ("{0!r:>6}", "format", ("a",)), ("abc", "translate", ({97: "X", 98: None},)),
    ("abc", "__getitem__", (slice(None, None, -1),)), ("abcdef", "__getitem__", (slice(1, 5, 2),)),
    ("a😀c", "__getitem__", (slice(None, None, -1),)), ("abc", "__getitem__", (5,)),
    ("abc", "__mul__", (3,)), ("abc", "__contains__", (1,)),
    ([3, 1, 2], "index", (2,)), ([3, 1, 2], "index", (5,)), ([3, 1, 2], "count", (1,)), ([], "pop", ()),
    ([1], "pop", (5,)), ([1], "remove", (2,)), ([1, 2, 3], "__getitem__", (slice(None, None, -2),)),
    ([1, 2, 3], "__getitem__", (5,)), ([1, 2, 3], "__getitem__", ("a",)), ((1, 2), "index", (3,)),
    ((1, 2, 2), "count", (2,)), ((1, 2), "__getitem__", (2,)), ({"a": 1}, "pop", ("b",)), ({}, "popitem", ()),
    ({"a": 1}, "get", ("b", 0)), ({"a": 1}, "__getitem__", ("b",)), ({"a": 1, "b": 2}, "popitem", ()),
    (b"abc", "decode", ()), (b"\xff", "decode", ()), (b"a,b", "split", (b",",)), (b"ab", "hex", ()),
    (b"abc", "upper", ()), (b"abc", "find", (b"c",)), (b"abc", "__getitem__", (1,)),
    (255, "to_bytes", (2, "big")), (-1, "to_bytes", (1, "big")), (256, "to_bytes", (1, "big")),
    (10, "bit_length", ()), (-(2**70), "bit_length", ()), (5, "bit_count", ()), (7, "as_integer_ratio", ()),
    (1.5, "as_integer_ratio", ()), (0.1, "hex", ()), (2.0, "is_integer", ()), (-0.0, "hex", ()), (1e300, "hex", ()),
    (5e-324, "hex", ()), (2.5, "__round__", ()), (3.5, "__round__", ()), (1234, "__round__", (-2,)),
    (3 + 4j, "conjugate", ()), (3 + 4j, "__abs__", ()), (1j, "__pow__", (2,)), ((1 + 2j), "__truediv__", (3 - 1j,)),
]
# Random str method calls (fixed seed): separators, maxsplit, start/end beyond the ends, astral text.
random.seed(11)
FUZZ_STRS = ["", "a", "abc", "a b  c", "  x y ", "aXbXc", "Hello World", "ß😀é", "a\tb\nc\r\nd", "xxAxx",
             "ab,cd,,ef", "ÉCOLE été", "1_000", "  ", "\u2028z\x1c"]
FUZZ_SUBS = ["", "a", "b", "X", " ", ",", "xx", "😀", "c", "ab"]
FUZZ_IDX = [None, 0, 1, 2, -1, -3, 5, 100, -100]
for _ in range(1500):
    fs = random.choice(FUZZ_STRS)
    fm = random.choice(["split", "rsplit", "strip", "find", "rfind", "index", "count", "replace", "center",
                        "partition", "rpartition", "splitlines", "expandtabs", "zfill", "title", "capitalize",
                        "swapcase", "startswith", "endswith", "__getitem__", "casefold", "istitle"])
    if fm in ("split", "rsplit"):
        fa = random.choice([(), (random.choice(FUZZ_SUBS),), (random.choice([None] + FUZZ_SUBS), random.choice([-1, 0, 1, 2]))])
    elif fm == "strip":
        fa = random.choice([(), (random.choice(FUZZ_SUBS),), (None,)])
    elif fm in ("find", "rfind", "index", "count", "startswith", "endswith"):
        fa = (random.choice(FUZZ_SUBS),) + tuple(random.choice(FUZZ_IDX) for _ in range(random.randint(0, 2)))
    elif fm == "replace":
        fa = (random.choice(FUZZ_SUBS), random.choice(FUZZ_SUBS)) + random.choice([(), (random.choice([-1, 0, 1, 2]),)])
    elif fm == "center":
        fa = (random.choice([0, 3, 7, 10]),) + random.choice([(), ("*",), ("😀",)])
    elif fm in ("partition", "rpartition"):
        fa = (random.choice(FUZZ_SUBS),)
    elif fm == "splitlines":
        fa = random.choice([(), (True,)])
    elif fm == "expandtabs":
        fa = random.choice([(), (2,), (0,)])
    elif fm == "zfill":
        fa = (random.choice([0, 3, 8]),)
    elif fm == "__getitem__":
        fa = (slice(random.choice(FUZZ_IDX), random.choice(FUZZ_IDX), random.choice([None, 1, 2, -1, -2, 3])),)
    else:
        fa = ()
    METHOD_CALLS.append((fs, fm, fa))


# The same for bytes, including str arguments (CPython's TypeErrors) and non-ASCII bytes.
random.seed(12)
FUZZ_BYTES = [b"", b"a", b"abc", b"a b  c", b"  x y ", b"aXbXc", b"Hello World", b"\xff\x00z", b"a\tb\nc\r\nd", b"ab,cd,,ef"]
FUZZ_BSUBS = [b"", b"a", b"b", b"X", b" ", b",", b"c", b"ab", "a"]
for _ in range(800):
    bs = random.choice(FUZZ_BYTES)
    bm = random.choice(["split", "rsplit", "strip", "find", "rfind", "index", "count", "replace", "center", "ljust",
                        "partition", "splitlines", "title", "capitalize", "swapcase", "upper", "lower", "isupper",
                        "islower", "isalpha", "startswith", "endswith", "__getitem__", "hex", "decode"])
    if bm in ("split", "rsplit"):
        ba = random.choice([(), (random.choice(FUZZ_BSUBS),), (random.choice([None] + FUZZ_BSUBS), random.choice([-1, 0, 1]))])
    elif bm == "strip":
        ba = random.choice([(), (random.choice(FUZZ_BSUBS),)])
    elif bm in ("find", "rfind", "index", "count", "startswith", "endswith"):
        ba = (random.choice(FUZZ_BSUBS),) + tuple(random.choice(FUZZ_IDX) for _ in range(random.randint(0, 2)))
    elif bm == "replace":
        ba = (random.choice(FUZZ_BSUBS), random.choice(FUZZ_BSUBS))
    elif bm in ("center", "ljust"):
        ba = (random.choice([0, 3, 9]),) + random.choice([(), (b"*",), ("*",)])
    elif bm == "partition":
        ba = (random.choice(FUZZ_BSUBS),)
    elif bm == "__getitem__":
        ba = random.choice([(random.choice([0, -1, 5, 2]),), (slice(random.choice(FUZZ_IDX), random.choice(FUZZ_IDX), random.choice([None, 2, -1])),)])
    else:
        ba = ()
    METHOD_CALLS.append((bs, bm, ba))


def call_method(r, name, args):
    return getattr(r, name)(*args)
def enc_arg(v):
    if v is None:
        return {"none": True}
    if isinstance(v, slice):
        return {"slice": [enc(v.start), enc(v.stop), enc(v.step)]}
    if isinstance(v, bytes):
        return {"bytes": list(v)}
    if isinstance(v, dict) and any(not isinstance(k, str) for k in v):
        return {"intdict": [[k, enc(x)] for k, x in v.items()]}
    return enc(v)
method_cases = [[enc_arg(r), name, [enc_arg(a) for a in args], outcome(lambda: call_method(r, name, args))]
                for r, name, args in METHOD_CALLS]

# Random arithmetic and comparisons (fixed seed) across small/big ints, bools and special floats.
random.seed(9)
FUZZ_NUMS = [0, 1, -1, 2, -3, 7, 31, 32, 53, 64, 2**31, -2**31, 2**53 - 1, 2**53, -2**53, 2**63, 10**20, -10**20,
             12345678901, 3**40, 0.0, -0.0, 0.5, -1.5, 3.0, 1e-300, 1e300, 2.5, float("inf"), float("-inf"),
             float("nan"), 1 / 3, 7.0, True, False]
arith_cases = []
for _ in range(3000):
    x, y = random.choice(FUZZ_NUMS), random.choice(FUZZ_NUMS)
    o = random.choice(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", "==", "!=", ">", ">="])
    if o == "**" and isinstance(x, int) and isinstance(y, int) and abs(y) > 200:
        continue
    if o == "<<" and isinstance(y, int) and y > 200:
        continue
    arith_cases.append([enc(x), o, enc(y), outcome(lambda: eval(f"x {o} y"))])
# Complex arithmetic, including infinities (CPython's errno-driven errors).
random.seed(61)
FUZZ_CX = [0, 1, -2, 2.5, -0.0, 1j, -1j, 1 + 2j, 3 - 4j, complex(0, -0.0), 0.5 + 0.5j, 1e300 + 1e300j,
           complex(float("inf"), 1), True]
for _ in range(1500):
    x, y = random.choice(FUZZ_CX), random.choice(FUZZ_CX)
    o = random.choice(["+", "-", "*", "/", "**", "==", "!="])
    arith_cases.append([enc(x), o, enc(y), outcome(lambda: eval(f"x {o} y"))])

# Random set histories (fixed seed): adds, discards, pops and in-place operators, with the reprs CPython
# prints afterwards (set iteration order depends on the whole history).
random.seed(21)
set_histories = []
for _ in range(200):
    hs, hops = set(), []
    for _ in range(random.randint(1, 40)):
        r = random.random()
        hv = random.choice([random.randint(-20, 60), (random.randint(0, 3), random.randint(0, 3)), random.choice([0.5, -1.5, 1e20])])
        if r < 0.45:
            hs.add(hv)
            hops.append(["add", enc(hv)])
        elif r < 0.6:
            hs.discard(hv)
            hops.append(["discard", enc(hv)])
        elif r < 0.65 and hs:
            hs.pop()
            hops.append(["pop", None])
        else:
            hop = "|=" if r < 0.75 else "&=" if r < 0.82 else "-=" if r < 0.9 else "^="
            hvals = [random.randint(0, 80) for _ in range(random.randint(0, 30 if hop == "&=" else 12))]
            exec(f"hs {hop} set(hvals)")
            hops.append([hop, [enc(x) for x in hvals]])
    set_histories.append([hops, [repr(hs), repr(hs | {1000}), repr(hs & set(range(30))), repr(hs - {1, 2, 3}), repr(frozenset(hs))]])

json.dump({
    "set_histories": set_histories,
    "arith": arith_cases,
    "methods": method_cases,
    "format": format_cases, "percent": percent_cases, "str_format": str_format_cases, "round": ROUND,
    "float_repr": REPR, "int_parse": INT_PARSE, "float_parse": FLOAT_PARSE, "math": MATH, "fsum": FSUM,
    "python": sys.version.split()[0],
}, sys.stdout, ensure_ascii=False, indent=0)
