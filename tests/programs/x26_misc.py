ns = {}
exec("x = 5\ny = x * 2", ns)
print(ns["y"], eval("x + y", ns), eval("1 + 2"))
code = compile("print('compiled', 1 + 1)", "<c>", "exec")
exec(code)
def show_locals():
    a = 1
    b = "two"
    return sorted(locals().items())
print(show_locals())
G = 10
def mod_global():
    globals()["G"] = 20
mod_global()
print(G)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(1), calls)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(e, t)
s = "x"
s *= 3
n = 7
n //= 2
n **= 3
n %= 10
n <<= 2
n |= 1
n ^= 3
n &= 14
n >>= 1
print(s, n)
big = 2 ** 100
print(big, big // 3, -big % 7, big * big > big, 10 ** 20 - 1)
print(1_000_000, 0x_ff, 0o17, 0b101, 1e3, 1.5e-7, 0.1 + 0.2)
import sys as system
from math import *
print(system.maxsize > 0, floor(2.5), sqrt(9))
lst = [1, 2, 3]
del lst[1]
obj = type("O", (), {})()
obj.attr = 1
del obj.attr
print(lst, hasattr(obj, "attr"))
i = 0
while i < 3:
    i += 1
    if i == 10:
        break
else:
    print("while-else ran", i)
print([(lambda v=v: v * 10)() for v in range(3)])
print(sorted({(x, y) for x in range(2) for y in range(2) if x != y}))
def outer_walrus():
    [z := v for v in range(4)]
    return z
print(outer_walrus())
print(f"{'quoted'!a} {3.14159:.{2}f} {'x'=} {7:#x} {1000000:,}")
assert isinstance(print, object)
print(__name__, type(__builtins__).__name__)
