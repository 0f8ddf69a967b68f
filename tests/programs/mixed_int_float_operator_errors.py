# Mixed int/float operands: float has no bitwise, shift or matrix operators, so an int too large
# for a float still gets the TypeError (not OverflowError), while arithmetic converts it and
# overflows as CPython does.
big = 10**400
cases = ["1.5 & big", "big & 1.5", "1.5 | big", "1.5 ^ big", "1.5 << big", "big >> 1.5", "1.5 @ big",
         "1.5 & 3", "True | 2.0", "big + 1.5", "1.5 * big", "big / 2.5", "big // 2.0", "big % 3.0",
         "2.5 ** big", "big < 1.5", "big == float('inf')"]
for expr in cases:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
x = 1.5
try:
    x &= big
except TypeError as e:
    print("&=", e)
try:
    x += big
except OverflowError as e:
    print("+=", e)
