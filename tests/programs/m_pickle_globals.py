# pickle: globals (memo sharing of module and qualified names as CPython's C pickler), Ellipsis,
# NotImplemented, methods of built-in types and bound built-in methods, many built-in values.
import pickle, math, array, functools, operator
print(pickle.dumps([len, max], 4).hex())
print(pickle.dumps([math.sin, math.cos], 4).hex())
print(pickle.dumps([int, len], 4).hex())
print(pickle.dumps([functools.reduce, functools.partial], 4).hex())
import pickle
for v in [[].append, list.append, int.__add__, dict.fromkeys, str.join, (1).bit_length]:
    try: print(pickle.dumps(v, 2).hex())
    except Exception as e: print(type(e).__name__, e)
import pickle, collections, datetime, decimal, fractions, array, enum, functools, operator
class E(enum.Enum):
    A = 1
class P(collections.namedtuple("P", "x y")):
    pass
values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, 2**63, -2**64, 10**30,
    0.0, -0.0, 1.5, float("inf"), float("nan"), 1e300, 3j, complex(1, -2),
    "", "a", "é", "😀", "x" * 300, b"", b"abc", b"\x00" * 300, bytearray(b"xy"),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2]], {}, {"a": 1, "b": [1, 2]}, set(), {1, 2, 3},
    frozenset(), frozenset({4}), range(3), range(1, 10, 2), slice(1, 2, 3), Ellipsis, NotImplemented,
    int, len, list.append, collections.OrderedDict(a=1), collections.deque([1, 2], maxlen=5),
    collections.Counter("aab"), collections.defaultdict(list, {1: [2]}),
    datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 6), datetime.timedelta(1, 2, 3),
    decimal.Decimal("1.25"), fractions.Fraction(3, 4), array.array("i", [1, 2]), E.A, P(1, 2),
    functools.partial(max, 1), operator.itemgetter(1), type(None), type(NotImplemented),
]
for v in values:
    for proto in range(6):
        try:
            s = pickle.dumps(v, proto)
            print(proto, repr(v)[:40], s.hex())
            back = pickle.loads(s)
            print("  ", repr(back)[:40], type(back).__name__)
        except Exception as e:
            print(proto, repr(v)[:40], "!!", type(e).__name__, e)
x = [1, 2]
print(pickle.dumps([x, x, (x, x)], 2).hex())
r = []; r.append(r)
print(pickle.dumps(r, 4).hex())
d = {}; d["self"] = d
print(pickle.dumps(d, 0))
print(pickle.loads(pickle.dumps(r, 4)))
