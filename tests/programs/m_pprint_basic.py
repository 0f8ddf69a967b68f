# pprint: pformat/pprint of nested containers at several widths, sorted and insertion-ordered
# dicts, compact mode, depth, indent, long strings and bytes, sets, collections types,
# namespaces, dataclasses, recursion, saferepr/isreadable/isrecursive, errors.
import collections
import dataclasses
import pprint
import types

data = {"name": "pyjit", "versions": [3, 11, 7], "tags": ("fast", "jit"),
        "nested": {"z": list(range(30)), "a": {"deep": [{"x": 1}, {"y": [1, 2, 3] * 5}]}},
        10: None, "set": {3, 1, 2}, "fs": frozenset({20, 10})}
for width in (80, 40, 20, 5):
    print(pprint.pformat(data, width=width))
print(pprint.pformat(data, sort_dicts=False, width=50))
print(pprint.pformat(list(range(60)), compact=True, width=40))
print(pprint.pformat([list(range(10))] * 3, compact=True, width=30))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, indent=4, width=40))
print(pprint.pformat((1,)), pprint.pformat(()), pprint.pformat([]), pprint.pformat({}))
print(pprint.pformat(("a" * 30,), width=20))
text = "The quick brown fox jumps over the lazy dog. " * 4 + "\nSecond line here.\n"
print(pprint.pformat(text, width=30))
print(pprint.pformat([text], width=40))
print(pprint.pformat({"key": text}, width=40))
print(pprint.pformat(bytes(range(40)), width=30))
print(pprint.pformat([bytearray(b"abcdefghijklmnop" * 3)], width=25))
print(pprint.pformat(12345678901234567890, underscore_numbers=True))
print(pprint.pformat([10 ** 20, 3.5, 1 + 2j, True, None]))
od = collections.OrderedDict((str(i) * 8, i) for i in range(6))
print(pprint.pformat(od, width=30))
dd = collections.defaultdict(list, {"a" * 10: [1, 2], "b" * 10: [3] * 10})
print(pprint.pformat(dd, width=30))
print(pprint.pformat(collections.Counter("abracadabra" * 3), width=30))
print(pprint.pformat(collections.deque(range(20), maxlen=30), width=30))
print(pprint.pformat(collections.deque(range(20)), width=30))
print(pprint.pformat(collections.ChainMap({"a" * 15: 1}, {"b" * 15: 2}), width=30))
print(pprint.pformat(types.SimpleNamespace(alpha=list(range(10)), beta="x" * 30), width=30))
print(pprint.pformat(types.MappingProxyType({"k" * 20: "v" * 20, "a": 1}), width=30))
print(pprint.pformat(collections.UserList(list(range(30))), width=30))
print(pprint.pformat({frozenset({1}), frozenset({2, 3})}, width=10))
print(pprint.pformat({3: "c", "a": 1, (1, 2): "t", None: 0}))


@dataclasses.dataclass
class Point:
    x: int
    y: list
    label: str = "origin"


print(pprint.pformat(Point(1, list(range(25)), "a label"), width=40))
print(pprint.pformat([Point(1, [2], "p")]))
r = [1, 2]
r.append(r)
d = {"self": None}
d["self"] = d
print(pprint.saferepr(r).split(" with id=")[0], pprint.isrecursive(r), pprint.isreadable(r))
print(pprint.saferepr(d).split(" with id=")[0], pprint.isreadable([1, "a"]), pprint.isreadable(object()))
print(pprint.saferepr({"b": 1, "a": [1, 2]}))
pprint.pprint(data["nested"], width=40)
pprint.pp({"b": 1, "a": 2})
pp = pprint.PrettyPrinter(indent=2, width=30, depth=3)
print(pp.pformat(data["nested"]), pp.isreadable(data), pp.isrecursive(data))
for kwargs in [{"indent": -1}, {"depth": 0}, {"width": 0}]:
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print(e)
