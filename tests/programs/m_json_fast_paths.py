# json: the paths _json takes at once (dumps with default settings, JSONEncoder.encode reading the
# encoder's settings, sorted str keys, the reused output buffer) and where they hand over: an
# unusual indent or separator, an overridden iterencode, patched string encoders, default()
# hooks that call dumps themselves, non-str keys, surrogates, big ints, floats and NaN.
import json
import json.encoder


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


doc = {"b": [1, 2.5, -0.0, 1e16, 1.5e-7, 2 ** 64, -(2 ** 70), True, False, None], "a": "caf\u00e9 \u2603 \U0001f600",
       "c": {"z": {}, "y": [], "x": [{}]}, "\uffff": 1, "\U0001f600": 2, "": ""}
for kw in [{}, {"sort_keys": True}, {"ensure_ascii": False}, {"indent": 2}, {"indent": "\t", "sort_keys": True},
           {"separators": (",", ":")}, {"indent": 0}, {"indent": -3}, {"indent": True}, {"indent": False},
           {"indent": ""}]:
    show(kw, lambda: json.dumps(doc, **kw))

print("-- small values one after another (one output buffer reused)")
print([json.dumps(v) for v in [1, "x", None, [], {}, [1, [2, [3]]], {"k": "\n"}, 1.1, float("inf"), "\u00e9"]])
print([json.dumps({"k": i, "v": [i, str(i), i / 4]}) for i in range(0, 40, 7)])

print("-- default() hooks, nested dumps inside them")


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def as_json(o):
    if isinstance(o, Point):
        return {"point": json.dumps([o.x, o.y]), "again": json.dumps({"inner": [o.x] * 3}, sort_keys=True)}
    raise TypeError("no " + type(o).__name__)


show("nested", lambda: json.dumps([Point(1, 2), {"p": Point(3, 4)}, "after"], default=as_json))
show("nested indent", lambda: json.dumps([Point(1, 2)], default=as_json, indent=1))
show("default raises", lambda: json.dumps([1, {2}], default=as_json))
show("no default", lambda: json.dumps({"s": {1}}))
show("after error", lambda: json.dumps([1, "two", 3.0]))

print("-- settings read from the encoder each time")
enc = json.JSONEncoder()
print(enc.encode({"a": [1, 2]}))
enc.indent = 3
enc.item_separator = ","
print(enc.encode({"a": [1, 2]}))
enc.indent = None
enc.sort_keys = True
enc.key_separator = "="
print(enc.encode({"b": 1, "a": 2}))
enc.ensure_ascii = False
print(enc.encode(["\u00e9", "\u00e9"]), enc.encode("\u00e9"))
enc.check_circular = False
print(enc.encode([[1], [1]]))
enc.skipkeys = True
show("skipkeys sorted", lambda: enc.encode({(1,): 1, "k": 2}))
enc.sort_keys = False
print(enc.encode({(1,): 1, "k": 2}))
show("lone surrogates", lambda: (enc.encode({"\ud800": "\udc00x"}), json.dumps(["\ud800", "\udfff\ud800"])))
enc.allow_nan = False
show("allow_nan", lambda: enc.encode([float("nan")]))
enc.indent = 2.5
show("float indent", lambda: enc.encode([1]))
enc.indent = None
enc.key_separator = 5
show("int separator", lambda: enc.encode({"a": 1}))
enc.key_separator = ":"
enc.item_separator = b","
show("bytes separator", lambda: enc.encode([1, 2]))
show("separators kw", lambda: json.dumps([1, 2], separators=(1, 2)))
show("indent 2**70", lambda: json.dumps([1], indent=2 ** 70))
show("indent list", lambda: json.dumps([1], indent=[2]))
show("encode str", lambda: json.JSONEncoder().encode("a\"b\u00e9\ud800"))
show("encode str subclass", lambda: json.JSONEncoder(ensure_ascii=False).encode(type("S", (str,), {})("x\ny")))


class Chunky(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        return ["<", str(o), ">"]


print(Chunky().encode([1, 2]), Chunky().encode("s"), json.dumps([3], cls=Chunky))


class Defaulting(json.JSONEncoder):
    def default(self, o):
        return sorted(o)


print(json.dumps({"s": {3, 1, 2}}, cls=Defaulting), Defaulting(indent=1).encode([{2, 1}]))

print("-- patched string encoders are used")
saved = json.encoder.encode_basestring_ascii, json.encoder.encode_basestring
json.encoder.encode_basestring_ascii = lambda s: '"<' + s + '>"'
json.encoder.encode_basestring = lambda s: "'" + s + "'"
print(json.dumps({"k": ["v"]}), json.dumps("top"), json.dumps(["x"], ensure_ascii=False))
json.encoder.encode_basestring = lambda s: 5
show("bad encoder", lambda: json.dumps(["x"], ensure_ascii=False))
json.encoder.encode_basestring_ascii, json.encoder.encode_basestring = saved
print(json.dumps({"k": ["v"]}))

print("-- sorted keys")
show("str keys", lambda: json.dumps({"b": 1, "a": 2, "B": 3, "\u00e9": 4, "\U0001f600": 5, "\uffff": 6}, sort_keys=True))
show("many keys", lambda: json.dumps({"k%02d" % ((i * 7) % 30): i for i in range(30)}, sort_keys=True))
show("int keys", lambda: json.dumps({3: 1, 1: 2, 2: 3}, sort_keys=True))
show("mixed keys", lambda: json.dumps({"a": 1, 2: 3}, sort_keys=True))
show("float/bool/None keys", lambda: json.dumps({1.5: 1, True: 2, None: 3}))
show("deleted keys", lambda: json.dumps((lambda d: (d.pop("b"), d)[1])({"a": 1, "b": 2, "c": 3}), sort_keys=True))


class OrderedKeys(dict):
    def items(self):
        return reversed(list(super().items()))


show("dict subclass", lambda: json.dumps(OrderedKeys(a=1, b=2), sort_keys=True))
show("dict subclass unsorted", lambda: json.dumps(OrderedKeys(a=1, b=2)))
show("str subclass key", lambda: json.dumps({type("K", (str,), {})("b"): 1, "a": 2}, sort_keys=True))

print("-- round trips of a larger document")
big = {"people": [{"id": i, "name": "n%d" % i, "score": i / 7, "tags": ["t"] * (i % 3), "m": None if i % 2 else i}
                  for i in range(300)], "ratio": 1 / 3, "big": 2 ** 70}
for kw in [{}, {"indent": 2, "sort_keys": True}, {"ensure_ascii": False, "separators": (",", ":")}]:
    text = json.dumps(big, **kw)
    print(kw, len(text), json.loads(text) == big, text[:60])
