# Writes tests/data/math_table.json: CPython 3.11's math results on seeded random inputs (floats
# as hex strings, errors by exception name) for every one-argument float function and a few
# two-argument ones, so that lib/modules/math_table_test.ts can compare pyjit bit for bit.
# Run from the repository root with python3.
import json
import math
import random

ONE_ARG = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf", "erfc", "exp",
           "exp2", "expm1", "fabs", "gamma", "lgamma", "log", "log10", "log1p", "log2", "sin", "sinh", "sqrt",
           "tan", "tanh", "degrees", "radians", "ulp"]
TWO_ARG = ["atan2", "copysign", "fmod", "hypot", "pow", "remainder", "nextafter"]


def sample(r):
    kind = r.randrange(5)
    if kind == 0:
        return r.uniform(-1, 1)
    if kind == 1:
        return r.uniform(-30, 30)
    if kind == 2:
        return math.ldexp(r.random(), r.randint(-60, 60)) * r.choice((1, -1))
    if kind == 3:
        return r.uniform(0, 2)
    return r.uniform(-200, 200)


def outcome(f, *args):
    try:
        return f(*args).hex()
    except (ValueError, OverflowError) as e:
        return type(e).__name__


r = random.Random(20261206)
table = {}
for name in ONE_ARG:
    f = getattr(math, name)
    xs = [sample(r) for _ in range(400)]
    table[name] = [[x.hex(), outcome(f, x)] for x in xs]
for name in TWO_ARG:
    f = getattr(math, name)
    pairs = [(sample(r), sample(r)) for _ in range(400)]
    table[name] = [[x.hex(), y.hex(), outcome(f, x, y)] for x, y in pairs]
with open("tests/data/math_table.json", "w") as out:
    # One row a line: small diffs when the table is regenerated.
    out.write("{\n")
    for i, name in enumerate(sorted(table)):
        rows = ",\n".join("  " + json.dumps(row) for row in table[name])
        out.write(f'"{name}": [\n{rows}\n]' + (",\n" if i < len(table) - 1 else "\n"))
    out.write("}\n")
