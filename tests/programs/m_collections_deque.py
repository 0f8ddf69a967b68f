from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.maxlen)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d)
d.reverse()
print(d, d.count(2), d.index(2), 3 in d, "z" in d)
d.remove("a")
print(d)
d.insert(1, "ins")
d.insert(-1, "neg")
d.insert(100, "end")
d.insert(-100, "start")
print(d)
d[0] = "first"
del d[1]
print(d, d[3])
d.clear()
print(d, bool(d), len(d))

b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
print(b)
b.appendleft(-1)
print(b)
b.extend([20, 21])
print(b)
b.extendleft([30, 31])
print(b)
z = deque([1, 2], maxlen=0)
z.append(3)
print(z)

x = deque([1, 2])
y = x.copy()
y.append(3)
print(x, y, x + y, x * 3, 2 * x, x * 0, x * -1)
print(deque([1, 2], maxlen=3) * 3, deque([1, 2, 3, 4], maxlen=3) + deque([5]))
x += [7, 8]
print(x)
x *= 2
print(x)
x.extend(x)
print(x)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) != deque([1]),
      deque([2]) >= deque([1, 5]), deque([1]) == [1])
print(list(reversed(deque("abc"))), list(iter(deque("xy"))), sorted(deque([3, 1, 2])))
print(deque(), deque([[1]]), deque("ab", 5), deque(maxlen=None), deque(iterable=[1], maxlen=2))
r = deque([1])
r.append(r)
print(r)
it = iter(deque([1, 2, 3]))
print(next(it), it.__length_hint__())

d = deque([1, 2, 3])
try:
    for v in d:
        d.append(v)
except RuntimeError as e:
    print(type(e).__name__, e)


class MyDeque(deque):
    def peek(self):
        return self[-1]


m = MyDeque([1, 2, 3], maxlen=5)
print(m, m.peek(), type(m.copy()).__name__, m.copy(), type(m + m).__name__)

tests = [
    "deque(maxlen=-1)", "deque(maxlen='a')", "deque([1], 2, 3)", "deque(x=1)", "deque(1)",
    "deque().pop()", "deque().popleft()", "deque([1]).remove(2)", "deque([1]).index(2)",
    "deque([1])[5]", "deque([1])['a']", "deque([1, 2]) + [3]", "deque([1]).insert(5, 2)",
    "deque([1, 2, 3]).rotate('a')", "deque([1]).count()", "deque([1]).index(1, 'a')",
    "deque([1, 2, 3, 2]).index(2, 2)", "deque([1, 2, 3]).index(3, 0, 2)", "deque([1, 2, 3]).index(3, -2)",
    "deque([1]).extend(1)", "deque([1], maxlen=1).insert(0, 5)", "deque([1])[1:2]",
    "deque.__name__", "deque.__module__", "type(iter(deque()))", "type(reversed(deque()))",
    "deque([1, 2]).__copy__()", "deque[int]", "deque([1]).__hash__", "deque([3, 4]).__reduce__()[1:3]",
]
for t in tests:
    try:
        print(t, "->", eval(t))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
