# Lists of ints from 256 items are sorted as typed arrays: the same order as the comparator sort
# (ascending, reverse, key=), ints at the edges of the exact range, and mixed lists (True among
# ints) left to the general sort.
import random
random.seed(5)
for n in (10, 300, 100000):
    a = [random.randint(-10**15, 10**15) for _ in range(n)]
    b = sorted(a); c = sorted(a, reverse=True)
    assert b == sorted(a, key=lambda v: v) and c == b[::-1], n
    d = a[:]; d.sort(); assert d == b
    print(n, b[:2], c[:2], sum(b) == sum(a))
z = [0, -0, 5, 2**53, -(2**53)] * 100
print(sorted(z)[:3], sorted(z)[-1], sorted(z, reverse=True)[:2])
m = [3, 1, True, 2] * 100
print(sorted(m)[:6])
big = [random.randint(0, 10**9) for _ in range(200_000)]
big.sort()
print("sorted", all(big[i] <= big[i + 1] for i in range(0, len(big) - 1, 997)), big[0] <= big[1] <= big[-1])
