import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
print(copy.copy(5), copy.copy("s"), copy.copy((1, 2)), copy.deepcopy((1, [2]))[1] is not None)
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(({},))[0] == {})
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is not shared)
print(copy.copy({1, 2}), copy.deepcopy(frozenset({1})), copy.copy({"a": 1}), copy.deepcopy(bytearray(b"x")))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.y.append(3)
print(p2, p3, type(p3).__name__, p2.y is p.y)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))


c = Custom([1])
print(copy.copy(c).v, copy.deepcopy(c).v)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, "b"))


class State:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "big"

    def __getstate__(self):
        return {"data": self.data}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = None


st = copy.deepcopy(State())
print(st.data, st.cache)


class Reduced:
    def __init__(self, a, b=0):
        self.a = a
        self.b = b

    def __reduce__(self):
        return (Reduced, (self.a, self.b + 1))


r = copy.copy(Reduced(1))
print(r.a, r.b)


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = "t"
mlc = copy.deepcopy(ml)
print(type(mlc).__name__, mlc, mlc.tag, mlc[1] is not ml[1])
dq = deque([1, [2]], maxlen=5)
print(copy.copy(dq), copy.deepcopy(dq), copy.deepcopy(dq)[1] is not dq[1])
dd = defaultdict(list, {"a": [1]})
ddc = copy.deepcopy(dd)
print(ddc, ddc["a"] is not dd["a"], copy.copy(dd).default_factory)
print(copy.deepcopy(OrderedDict(a=[1])), copy.copy(Counter("aab")))
P = namedtuple("P", "x y")
print(copy.copy(P(1, [2])), copy.deepcopy(P(1, [2])))
print(copy.copy(len) is len, copy.deepcopy(Point) is Point, copy.copy(None))
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo)
print(issubclass(copy.Error, Exception), copy.error is copy.Error, copy.__all__)
