# pickle: byte-exact pickles of the built-in types in every protocol, round trips, memo sharing,
# recursive structures, big batches and frames, and errors.
import pickle

VALUES = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, -2**31 - 1, 2**40, 2**70,
    -2**70, 2**2100, 1.5, -0.0, 1e100, 1e-310, float("inf"), float("-inf"), "", "a", "é\n\\", "a\x00\r\x1a\x7f\u1234\U00012345",
    "x" * 300, b"", b"xy", b"\xff" * 300, bytearray(b""), bytearray(b"z"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
    [], [1], [1, 2], {}, {"k": 1}, {"a": 1, "b": [2, 3]}, set(), {1, 2}, frozenset(), frozenset([3]), int, len,
    type(None), 1j, complex(1.5, -2), range(3), range(1, 10, 2), slice(1, 2, 3), list(range(2500)),
    {i: str(i) for i in range(1500)}, set(range(1200)), ["shared"] * 3,
]
for value in VALUES:
    for proto in range(6):
        try:
            data = pickle.dumps(value, proto)
            back = pickle.loads(data)
            same = back == value or (value != value)
            print(proto, type(value).__name__, len(data), data[:120], same, type(back).__name__)
        except Exception as e:
            print(proto, type(value).__name__, "!!", type(e).__name__, e)

shared = [1, 2]
outer = [shared, shared, (shared,)]
for proto in range(6):
    data = pickle.dumps(outer, proto)
    back = pickle.loads(data)
    print(proto, data, back, back[0] is back[1], back[2][0] is back[0])
rec = []
rec.append(rec)
rec_dict = {}
rec_dict["self"] = rec_dict
for proto in range(6):
    back = pickle.loads(pickle.dumps(rec, proto))
    back_d = pickle.loads(pickle.dumps(rec_dict, proto))
    print(proto, pickle.dumps(rec, proto), back[0] is back, back_d["self"] is back_d)
big = b"x" * 70000
data = pickle.dumps([big, "y" * 70000, big], 4)
print(len(data), data[:40], pickle.loads(data)[0] == big)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.PickleError.__mro__[1].__name__,
      issubclass(pickle.PicklingError, pickle.PickleError))
for bad in [b"", b"\x80\x04", b"x", b"\x80\x09.", b"N", b"(l.", b"]h\x05."]:
    try:
        print(pickle.loads(bad))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
for thing in [lambda: 1, (x for x in [])]:
    try:
        pickle.dumps(thing)
    except Exception as e:
        print(type(e).__name__)
try:
    pickle.dumps(1, 6)
except Exception as e:
    print(type(e).__name__, e)
try:
    pickle.loads("abc")
except Exception as e:
    print(type(e).__name__, e)
print(pickle.dumps(1, -1), pickle.loads(pickle.dumps("abc", protocol=None)))
import io
buf = io.BytesIO()
pickle.dump({"a": [1, 2]}, buf, 2)
buf.seek(0)
print(buf.getvalue(), pickle.load(buf))
