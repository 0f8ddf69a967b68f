from collections import defaultdict, OrderedDict

dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd)
print(dd["z"], "z" in dd, len(dd), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(dict(nested["a"]), type(nested["a"]).__name__)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(list, [(1, 2)]))
d2 = dd.copy()
print(type(d2).__name__, d2.default_factory, d2 == dd, d2 is dd)
dd.default_factory = None
try:
    dd["missing"]
except KeyError as e:
    print("KeyError", e)
print(dd.get("nothing"), "nothing" in dd)
print(defaultdict(list) | {1: 2}, {1: 2} | defaultdict(list), type({1: 2} | defaultdict(set)).__name__)
r = defaultdict(list)
r[1] = r
print(r)


class Tracking(defaultdict):
    def __missing__(self, key):
        return f"no {key}"


t = Tracking(int)
print(t["x"], dict(t), isinstance(t, dict), isinstance(t, defaultdict))
for bad in ("defaultdict(1)", "defaultdict()[0]", "defaultdict(list, {}, {})"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, type(e).__name__, e)

od = OrderedDict(a=1, b=2)
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end("a")
print(od)
od.move_to_end("a", last=False)
print(od)
od.move_to_end("b", False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, 2)]).keys(), OrderedDict([(1, 2)]).items(), OrderedDict([(1, 2)]).values())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1),
      OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1) != OrderedDict(a=2))
print(list(reversed(OrderedDict(a=1, b=2))), list(reversed(OrderedDict(a=1, b=2).items())))
print(OrderedDict.fromkeys("ab"), OrderedDict(a=1) | {"b": 2}, {"z": 0} | OrderedDict(a=1))
o2 = OrderedDict(x=1)
o2 |= {"y": 2}
o3 = o2.copy()
o3["z"] = 3
print(o2, o3, type(o3).__name__, o3.setdefault("w", 4), o3.pop("x"), o3)
print(type(iter(OrderedDict())).__name__, type(OrderedDict().keys()).__name__)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    OrderedDict(a=1).move_to_end("b")
except KeyError as e:
    print("KeyError", e)


class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated([("a", 1), ("b", 2)])
lu["a"] = 3
print(lu)


class LRU(OrderedDict):
    def __init__(self, maxsize):
        super().__init__()
        self.maxsize = maxsize

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        if len(self) > self.maxsize:
            del self[next(iter(self))]


cache = LRU(2)
cache["a"] = 1
cache["b"] = 2
cache["a"]
cache["c"] = 3
print(cache, cache.maxsize)
big = OrderedDict((i, i) for i in range(30))
for i in range(0, 30, 3):
    big.move_to_end(i, last=i % 2 == 0)
print(list(big))
