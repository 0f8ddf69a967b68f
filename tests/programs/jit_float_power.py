# x ** y on floats inside JIT traces (unboxed Math.pow where float_pow agrees), and the bases
# and exponents that leave for the generic operator: negative, zero, inf, nan, overflow.
def f(n):
    t = 0.0
    for i in range(1, n):
        x = i * 0.25
        t += x ** 0.5 + x ** 2 + (x + 1.0) ** -1.5 + 1.5 ** (i % 7)
    return t
print(f(100000))
def g(xs):
    out = []
    for x in xs:
        try:
            out.append(x ** 0.5)
        except Exception as e:
            out.append(type(e).__name__)
    return out
print(g([4.0, 2.25, 0.0, -0.0, -4.0, float("inf"), float("nan"), 1e308, 9.0] * 30)[-9:])
def h(n):
    r = []
    for i in range(n):
        try:
            r.append(10.0 ** (i * 40))
        except OverflowError as e:
            r.append(str(e))
    return r[-3:]
print(h(60))
