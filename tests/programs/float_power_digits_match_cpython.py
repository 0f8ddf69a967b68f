# x ** y on floats gives CPython's digits: the C library's pow, not JavaScript's Math.pow, which
# rounds the other way near a midpoint (x ** 2 and x ** 4 below were once a last digit off).
# Also int ** negative int, math.pow and complex powers, which use the same pow; and the same
# results from a hot loop (traced by the JIT) as from a single call.
import math

b = -476190476190476.0
print((b ** 2) ** 2)
cases = [
    (256481203724868.25, 2), (341953830115618.5, 2), (-1.1709437581168203, 2),
    (-2.5276865266320634, 2), (-499083838531967.56, 8), (842779097979649.5, 5),
    (-1.7934966037543802, 18), (-0.2566184698322571, -4), (2.5, 0.5), (1.0000001, 1e9),
    (10.0, -300), (0.5, 1074), (2.0, -1074), (-2.0, 1023), (7.0, 1 / 3),
]
for x, y in cases:
    print(repr(x), repr(y), repr(x ** y), repr(math.pow(x, y)), repr(pow(x, y)))

# A loop hot enough for the JIT: every power must equal the one computed outside it.
xs = [1.0 + i / 7.0 for i in range(300)]
once = [x ** 3 for x in xs[:5]]
total = 0.0
for x in xs:
    total += x ** 3 + x ** 2.5 + x ** -2
print(repr(total), [repr(v) for v in once])

print(3 ** -2, (-3) ** -3, 10 ** -400, (-2) ** -1075, 7 ** -19)
try:
    (2 ** 2000) ** -1
except OverflowError as e:
    print("OverflowError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print((1.5 + 0.5j) ** 2.5, (2 + 0j) ** 0.3, complex(3, 4) ** -1.5)
