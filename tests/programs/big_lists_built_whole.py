# Long lists whose size is known in advance (a repetition, a range's items, an iterator's length
# hint) are allocated whole rather than grown; their contents, lengths and ends must be exactly
# those of the short forms, across the sizes where the allocation changes (2**16 items).
import itertools

for n in (0, 1, 65535, 65536, 65537, 200003):
    r = list(range(n))
    assert len(r) == n and (n == 0 or (r[0] == 0 and r[-1] == n - 1)), n
    assert sum(r) == n * (n - 1) // 2
print("range ok")

cases = [(-5, 200000, 7), (200000, -5, -7), (10, 10, 1), (10, 0, 1), (0, 10, -1), (-2**40, -2**40 + 70000, 3),
         (2**53 - 100000, 2**53 - 1, 1), (0, 2**31, 2**15), (1, 2**20, 2**20 - 1), (5, -70000, -1)]
for start, stop, step in cases:
    items = list(range(start, stop, step))
    expected = []
    v = start
    while (step > 0 and v < stop) or (step < 0 and v > stop):
        expected.append(v)
        v += step
    assert items == expected, (start, stop, step)
    print(start, stop, step, len(items), items[:2], items[-2:], sum(items))

big = list(range(2**62, 2**62 + 70000 * 3, 3))
print(len(big), big[0], big[-1])

for m in ([1, "a", None], [0.5], [], [(1, 2)]):
    for k in (0, 3, 21845, 21846, 70000):
        rep = m * k
        assert len(rep) == len(m) * k
        assert all(rep[i] is m[i % len(m)] for i in range(0, len(rep), 997)), (m, k)
print("repeat ok", len([7] * 100000), ([1, 2] * 40000)[-3:], (["x"] * 70000).count("x"))

base = list(range(100000))
print(list(reversed(base))[:3], list(reversed(base))[-3:], len(list(reversed(base))))
print(len(list(iter(base))), list(itertools.repeat("r", 70000)).count("r"))
it = iter(base)
for _ in range(50000):
    next(it)
rest = list(it)
print(len(rest), rest[0], rest[-1])
d = dict.fromkeys(range(70000), 1)
print(len(list(d)), len(list(d.items())), list(d.values()).count(1))
t = tuple(range(70000, 0, -1))
print(len(list(t)), list(t)[:2], list(t)[-2:])

# list.extend: an empty list takes the new items, a long extension is joined in one copy.
a = []
a.extend(range(70000))
a.extend(a)
a.extend(reversed(range(5)))
b = [1, 2]
b.extend([3] * 70000)
b.extend("xyz")
print(len(a), a[69999:70001], a[-6:], len(b), b[:3], b[-4:])
# A reversed list iterator's length hint, and one over a list that shrinks or grows meanwhile.
r = reversed(list(range(10)))
print(r.__length_hint__(), next(r), r.__length_hint__())
s = list(range(6))
r = reversed(s)
next(r)
del s[2:]
print(r.__length_hint__(), list(r))
s = list(range(4))
r = reversed(s)
s.append(99)
print(r.__length_hint__(), list(r), r.__length_hint__())
