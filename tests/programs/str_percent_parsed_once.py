# A %-format is parsed once and kept: the same format string used again, with other values, with
# too few or too many of them, with a mapping, with `*` widths, and formats with errors (raised in
# CPython's order, after the conversions before them), give CPython's results every time; more
# distinct formats than are kept change nothing.
fmts = ["%d-%s", "%5.2f|%-6s|", "%(a)s=%(b)r", "%*d|%.*f", "%%%d%%", "%x %o %X %#x", "%c%c", "%r"]
values = [(1, "a"), (3.14159, "xy"), {"a": 1, "b": "two"}, (6, 42, 3, 2.5), (7,), (255, 8, 255, 255),
          (65, "z"), ("q",)]
for _ in range(3):
    for f, v in zip(fmts, values):
        print(repr(f % v))

for f, v in [("%d %d", (1,)), ("%d", (1, 2)), ("%(a)s", (1,)), ("%d", "x"), ("%s %", (1,)),
             ("%d %", ()), ("%5%", (1,)), ("%(a", {"a": 1}), ("%*d", ("x", 1)), ("%.*f", (1.5, 1.0)),
             ("%z", (1,)), ("%s %z", ()), ("%s", ()), ("a%", ()), ("%*", ()), ("%*", (1,)),
             ("%.*", (1,)), ("%*.*", (1, 2)), ("%5.*", ()), ("%(a", ()), ("%(a)*d", {"a": 1}),
             ("%(a)5%", {"a": 1}), ("%5%", ()), ("%99999999999999999999d", (1,)),
             ("%.99999999999d", (1,)), ("%s %5%", (1, 2)), ("%(x)s %(y", {"x": 1})]:
    for _ in range(2):
        try:
            print(repr(f % v))
        except Exception as e:
            print(type(e).__name__, e)

# More formats than the parsed ones kept, then the first ones again.
total = 0
for i in range(1500):
    total += len(("%d" + "-" * (i % 700) + "%s") % (i, i))
print(total, "%d:%s" % (1, 2), "%s=%d" % ("k", 3))
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, (2, 3)))
print("%(x)s %(x)r" % {"x": "v"}, "%s" % {"k": 1}, "%%s" % ())
