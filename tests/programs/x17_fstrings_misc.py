name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!", f"{n:5d}|{n:<5}|{n:^7}|{n:x}", f"{pi:.2f}", f"{name!r}", f"{n=}")
print(f"{'nested ' + f'{n}'}", f"{{literal}}", f"{n * 2 + 1}")
w = 8
print(f"{pi:{w}.3f}|", f"{'x':>{w}}|")
import math, time
from math import sqrt, floor as fl
print(sqrt(16.0), fl(3.7), math.pi > 3)
print(type(time.time()).__name__)
x = [1, 2, 3]
x[1] += 10
x[-1] *= 3
print(x)
s = "abc"
s += "def"
print(s, s[::-1], s[1:4], s[-2:])
t = (1, 2) * 2
print(t, len(t), t.count(1))
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0, "a" < "b" <= "b")
print(not 0, not "", 0 or "x", 1 and 2, None or 0 or [])
print(-(-5), +3, ~7, 2 ** 10, 2 ** -1, 7 // -2, -7 % 3, 10 / 4)
a = b = c = 5
print(a, b, c)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("not printed")
for j in range(2):
    pass
else:
    print("for-else", j)
lam = lambda *a, k=1, **kw: (a, k, kw)
print(lam(1, 2, k=3, z=4))
print((lambda: "lambda")())
print([i for i in range(10) if i % 2 if i % 3], {k: v for k, v in zip("ab", range(2))}, {c for c in "aab"})
