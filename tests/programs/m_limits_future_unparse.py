# The text of every kind of expression as an annotation under `from __future__ import annotations`
# (CPython's unparser: precedence, parentheses, constants, f-strings, lambdas, comprehensions).
from __future__ import annotations
exprs = r'''
a
a.b.c
1 .real
(1).real
1.5.real
a[1]
a[1, 2]
a[1,]
a[()]
a[1:2]
a[1:2:3]
a[::]
a[:, 1:, ::2]
a[...]
f()
f(a, b=1, *c, **d)
f(x for x in y)
f((x for x in y), 1)
f(*a, *b, c=1, **d, **e)
-a
+a
~a
not a
not not a
-(-a)
-a ** 2
(-a) ** 2
a ** -b
a ** b ** c
(a ** b) ** c
a + b * c
(a + b) * c
a - (b - c)
a - b - c
a / b / c
a / (b / c)
a // b % c @ d
a << b >> c
a | b ^ c & d
(a | b) & c
a and b or c
a and (b or c)
(a and b) or c
a or b and c
not a and b
not (a and b)
a < b < c
a is not b
a not in b
(a < b) < c
a < (b < c)
a if b else c
(a if b else c) if d else e
a if (b if c else d) else e
lambda: 0
lambda x: x
lambda x, y=1, *a, z, w=2, **k: 0
lambda *, y: 0
lambda *a: 0
lambda **k: 0
lambda x, /, y: 0
lambda x=1, /: 0
(lambda: 0)()
[1, 2, 3]
[]
(1, 2)
(1,)
()
{1, 2}
{}
{1: 2, **a, 3: 4}
[x for x in y]
[x for x in y if x if not x]
[x for x, y in z for w in v]
{x for x in y}
{x: y for x, y in z}
(x for x in y)
[x async for x in y]
[(x, y) for x in (1, 2)]
[x for x in (y if z else w)]
[x for x in lambda: y]
'a'
"it's"
'a' 'b'
b'x\x00'
u'x'
1
1.0
1e10
1e400
-1e400
1j
1e400j
0x10
1_000
True
None
...
f'x'
f'{x}'
f'{x!r}'
f'{x!s:>{w}}'
f'{x:{y}.{z}}'
f'{ {1: 2}[1] }'
f'{x=}'
f'a{{b}}c{d}'
f'{lambda: 0}'
f"{'a'}"
*a
a[*b]
await a
a.b(c)[d].e
(a, b)[0]
(yield)
list[int] | None
dict[str, list[tuple[int, ...]]]
'forward'
a == b != c
a in b in c
-1
- 1
(not a) + b
a + (not b)
a * (b if c else d)
(a := 1)
'''.strip().split('\n')
for e in exprs:
    src = f"def f(x: {e}): pass"
    try:
        ns = {}
        exec(src, ns)
        print(repr(ns['f'].__annotations__['x']))
    except SyntaxError as ex:
        print('SyntaxError', ex.msg)
    except Exception as ex:
        print(type(ex).__name__, ex)
