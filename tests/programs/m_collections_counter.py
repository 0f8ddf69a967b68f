from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0), c["z"], c.total())
print(sorted(c.elements()))
c.update("aaz")
c.update({"b": 10})
c.update(q=3)
print(c)
c.subtract("aaaa")
c.subtract({"q": 5})
print(c, c["q"])
print(+c, -c)
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=-1)
print(a + b, a - b, a | b, a & b)
a2 = a.copy()
a2 += b
print(a2)
a2 -= Counter(a=10)
print(a2)
a3 = Counter(a=1, b=5)
a3 |= Counter(a=4)
a3 &= Counter(a=2, b=9)
print(a3)
print(Counter(), Counter(a=0), Counter({"x": 1, "y": 2}), Counter([1, 1, 2]), repr(Counter(a=1, b=2)))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1),
      Counter(a=3) >= Counter(a=2, b=0), Counter(a=3) > Counter(), Counter(a=1) != Counter(a=2))
print(Counter(a=1) == {"a": 1}, Counter(a=1).__le__({"a": 1}))
del c["nothing-here"]
del c["a"]
print("a" in c, len(c))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print(e)
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(1), Counter(len(w) for w in words))
print(Counter({"a": 2, 3: 1}))


class MyCounter(Counter):
    pass


m = MyCounter("xyx")
print(m, type(m.copy()).__name__, type(m + m).__name__)
print(sum(Counter("aab").values()), list(Counter("cba")), dict(Counter("aa")))
try:
    Counter(1)
except TypeError as e:
    print(type(e).__name__, e)
