# Every simple and compound statement form (Python 3.11 syntax).
import os
import os.path as osp, sys
from . import a
from .. import b as c
from ...pkg.mod import (d, e as f,)
from .x import *
from __future__ import annotations
global g1, g2
x = 1
x = y = z = 2
x, y = y, x
[x, *y] = (1, 2, 3)
(x, (y, z)) = 1, (2, 3)
a.b = c[d] = e[1:2] = 3
x: int
x: int = 5
(x): int = 5
a.b: "str"
a[0]: list[int] = []
x += 1; x -= 1; x *= 2; x @= m; x /= 2; x //= 2; x %= 3; x **= 2
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
a.b += 1
a[i] **= 2
del x
del x, y[0], z.w
del (a, b), [c]
assert x
assert x, "message"
pass
raise
raise E
raise E("x") from cause
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while x:
    break
else:
    continue
for i in range(10):
    pass
else:
    pass
for i, (j, k) in items: pass
for *a, b in c: pass
for x in 1, 2, 3: pass
with open(f) as fh, lock:
    pass
with (a as b, c as d):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (yield_) as t, (x): pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
def outer():
    nonlocal_target = 1
    def inner():
        nonlocal nonlocal_target
        return nonlocal_target
    return
class A: pass
class B(A, metaclass=M, **kw): x = 1
class C(): pass
@decorator
@decorator.attr(arg)
@(lambda f: f)
@x[0]
class D:
    "docstring"
    @property
    def p(self): return self._p
if x: y = 1; z = 2
match = 1
match.attr = 2
match(x)
match[0]
type = 3
case = 4
_ = 5
print(match, type, case, _)
