# Native comparisons of an int with a float: exact (as CPython) even past 2**53, NaN, -0.0.
def cmp(n, a, x):
    c = 0
    for i in range(n):
        if a < x: c += 1
        if x <= a: c += 10
        if a == x: c += 100
        if a != x: c += 1000
        if i > x: c += 10000
        if x >= i: c += 100000
    return c
nan = float('nan')
for a, x in ((1, 1.0), (2**53 + 1, 2.0**53), (2**53, 2.0**53), (-(2**53) - 1, -(2.0**53)), (3, nan), (2**62, 1e300), (-5, -5.5), (0, -0.0), (2**63 - 1, 2.0**63)):
    print(a, x, cmp(20, a, x))
