# pickle: values of the built-in types on every protocol (the native fast path), byte-exact with
# CPython: batches past 1000 items, frames past 64 KiB, more than 256 memo entries, shared and
# recursive containers, large and non-ASCII strings, big ints; and loads of each.
import pickle
import random

r = random.Random(1234)


def key(i):
    return r.choice([i, -i * 1000003, "k%d" % i, (i, "t"), 1.5 * i, b"b%d" % i, None, frozenset([i, i + 1])])


def value(depth):
    kind = r.randrange(12 if depth < 4 else 6)
    if kind == 0:
        return r.choice([None, True, False])
    if kind == 1:
        return r.choice([0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, 2**63, -2**64 - 5,
                         10**40, -10**300, r.randrange(-10**6, 10**6)])
    if kind == 2:
        return r.choice([0.0, -0.0, 1.5, 1e300, -2.5e-310, float("inf"), r.random()])
    if kind == 3:
        return r.choice(["", "a", "é", "日本", "😀x", "x" * r.randrange(300), "key%d" % r.randrange(20)])
    if kind == 4:
        return r.choice([b"", b"\x00\xff", bytes(range(256)) * r.randrange(3)])
    if kind == 5:
        return r.randrange(100)
    n = r.randrange(6)
    if kind == 6:
        return tuple(value(depth + 1) for _ in range(n))
    if kind == 7:
        return [value(depth + 1) for _ in range(n)]
    if kind == 8:
        return {key(i): value(depth + 1) for i in range(n)}
    if kind == 9:
        return {r.randrange(50) for _ in range(n)} | {r.randrange(-5, 0)}
    if kind == 10:
        return frozenset(r.randrange(30) for _ in range(n))
    return (value(depth + 1),) * 2


def digest(data):
    # a short fingerprint of the pickle (a polynomial hash; no hashlib needed)
    h = 0
    for b in data:
        h = (h * 131 + b) % (2**61 - 1)
    return "%d:%x" % (len(data), h)


for case in range(60):
    v = value(0)
    for proto in range(6):
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        same = back == v or repr(back) == repr(v)
        print(case, proto, digest(data), same, type(back).__name__)

shared = [1, 2]
t = (shared, shared, "s", "s")
big = {"items": list(range(2500)), "names": ["n%d" % i for i in range(700)], "t": t,
       "text": "é" * 70000, "blob": bytes(70000), "set": set(range(1500)), "fs": frozenset(range(1100))}
for proto in range(6):
    data = pickle.dumps(big, proto)
    print("big", proto, digest(data), pickle.loads(data) == big)
rec = []
rec.append(rec)
rec.append((rec,))
d = {}
d["self"] = d
for proto in range(6):
    for obj in (rec, d, [t, t], (1, [2, (3, [4])])):
        data = pickle.dumps(obj, proto)
        print("rec", proto, data.hex()[:160], repr(pickle.loads(data))[:60])
print(pickle.dumps([1.5, "a", b"b"], protocol=-1).hex(), pickle.dumps(None), pickle.loads(pickle.dumps(None)))
for bad in [b"", b"\x80\x04", b"\x80\x04K", b"\x80\x04\x95\x00", b"\x80\x04N", b"\x80\x04]\x94(K\x01K\x02e"]:
    try:
        print(pickle.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
