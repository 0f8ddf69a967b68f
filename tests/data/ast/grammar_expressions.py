# Expressions: precedence, associativity, every operator and display.
-2 ** 2
2 ** -1
2 ** 3 ** 2
-x ** -y
not a == b
not not a
a if b else c if d else e
(a if b else c) if d else e
lambda: a if b else c
a or b or c and d and not e
a and (b or c)
a < b <= c > d >= e == f != g
a is b is not c in d not in e
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
(a | b) ^ (c & d)
a - b - c
a - (b - c)
~a + -b - +c
await_ = 1
x.y.z
x(1)(2)[3].w
f(a, b, *args, c=1, *more, d=2, **kw, **kw2)
f(*args)
f(**kw)
f(x for x in y)
f(a=(x for x in y))
f((x for x in y), z)
f(a)(b)(c)
(x := 10)
[y := f(x), y ** 2]
f(z := 3)
if (n := len(a)) > 10: pass
while chunk := read(): pass
a[1]
a[1:2]
a[:]
a[::]
a[::2]
a[1:2:3]
a[:, 1]
a[1:2, ::3, ...]
a[x, y]
a[x, y,]
a[(x, y)]
a[*b]
a[*b, c]
a[b:=1]
...
None, True, False
1, 2.5, 3j, 0x1F, 0o17, 0b101, 1_000_000, 1e10, 1.5e-7, 1E+16, .5, 5., 0.0, 1e400
12345678901234567890123456789012345678901234567890
0xFFFF_FFFF_FFFF_FFFF_FFFF
1.5j, 2J, 1e3j, 0j
[]
[1, 2, 3,]
[*a, *b, c]
()
(1,)
(1, 2)
(*a, b)
{}
{1: 2, 'a': b, **c, **d, e: f}
{1, 2, *s}
{*s}
[x for x in y]
[x for x in y if x if not x]
[x * y for x in a for y in b if x != y]
[(x, y) for x, y in z]
{x for x in y}
{k: v for k, v in d.items() if v}
(x for x in y)
[[y for y in x] for x in z]
[x async for x in aiter()] if 0 else 0
x = *a, *b
x = yield_ = 1
a.b.c.d = 1
print(*[1], *[2], sep='')
