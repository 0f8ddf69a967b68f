# pickle: ordinary classes (dict state, __slots__, __getstate__/__setstate__, __getnewargs__,
# __getnewargs_ex__, __reduce__, __reduce_ex__), copyreg registrations, Pickler/Unpickler
# subclasses with persistent_id/persistent_load, dispatch_table, reducer_override, errors.
import copyreg
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is type(self) and vars(self) == vars(other)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Empty:
    pass


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2

    def __repr__(self):
        return "Slotted(%r, %r)" % (self.a, self.b)


class WithState:
    def __init__(self, value):
        self.value = value
        self.cache = "not pickled"

    def __getstate__(self):
        return {"value": self.value}

    def __setstate__(self, state):
        self.value = state["value"]
        self.cache = "rebuilt"


class WithNewArgs(int):
    def __new__(cls, value, label):
        self = super().__new__(cls, value)
        self.label = label
        return self

    def __getnewargs__(self):
        return (int(self), self.label)


class WithNewArgsEx:
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.args = args
        self.kwargs = kwargs
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kwargs


class WithReduce:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (WithReduce, (self.n * 10,))


class WithReduceEx:
    def __reduce_ex__(self, proto):
        return (WithReduceEx, (), {"proto": proto})


class GlobalName:
    def __reduce__(self):
        return "GLOBAL_INSTANCE"


GLOBAL_INSTANCE = GlobalName()


class MyList(list):
    pass


class MyDict(dict):
    pass


for proto in range(6):
    p = Point(1, [2, 3])
    print(proto, pickle.dumps(p, proto), pickle.loads(pickle.dumps(p, proto)) == p)
    print(proto, pickle.dumps(Empty(), proto))
    print(proto, pickle.loads(pickle.dumps(Slotted(), proto)) if proto >= 2 else "-")
    w = pickle.loads(pickle.dumps(WithState(5), proto))
    print(proto, pickle.dumps(WithState(5), proto), w.value, w.cache)
    n = pickle.loads(pickle.dumps(WithNewArgs(7, "seven"), proto))
    print(proto, int(n), n.label, type(n).__name__)
    e = pickle.loads(pickle.dumps(WithNewArgsEx(1, 2, k=3), proto))
    print(proto, e.args, e.kwargs)
    print(proto, pickle.dumps(WithReduce(2), proto), pickle.loads(pickle.dumps(WithReduce(2), proto)).n)
    print(proto, pickle.loads(pickle.dumps(WithReduceEx(), proto)).__dict__)
    print(proto, pickle.dumps(GLOBAL_INSTANCE, proto), pickle.loads(pickle.dumps(GLOBAL_INSTANCE, proto)) is GLOBAL_INSTANCE)
    ml = MyList([1, 2])
    ml.tag = "t"
    back = pickle.loads(pickle.dumps(ml, proto))
    print(proto, pickle.dumps(ml, proto), back, type(back).__name__, back.tag)
    md = MyDict(a=1)
    back = pickle.loads(pickle.dumps(md, proto))
    print(proto, pickle.dumps(md, proto), back, type(back).__name__)
    print(proto, pickle.dumps([Point, Empty, WithState], proto))


class Complexish:
    def __init__(self, re, im):
        self.re, self.im = re, im


copyreg.pickle(Complexish, lambda c: (Complexish, (c.re, c.im)))
c = pickle.loads(pickle.dumps(Complexish(1, 2)))
print(c.re, c.im)
try:
    copyreg.pickle(Complexish, 3)
except TypeError as e:
    print(type(e).__name__, e)


class DB:
    def __init__(self):
        self.rows = {"r1": ("row", 1)}


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, tuple) and obj and obj[0] == "row":
            return "ROW:%d" % obj[1]
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, _, num = pid.partition(":")
        return ("loaded", kind, int(num))


for proto in (0, 2, 4):
    f = io.BytesIO()
    DBPickler(f, proto).dump([("row", 7), "x", ("row", 8)])
    print(proto, f.getvalue())
    f.seek(0)
    print(DBUnpickler(f).load())
try:
    pickle.loads(pickle.dumps([1]).replace(b"K\x01", b"P1\n"))
except pickle.UnpicklingError as e:
    print(type(e).__name__, e)


class TablePickler(pickle.Pickler):
    dispatch_table = {Point: lambda p: (Point, (p.y, p.x))}


f = io.BytesIO()
TablePickler(f, 2).dump(Point(1, 2))
print(pickle.loads(f.getvalue()))


class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if obj == 42:
            return (int, ("43",))
        return NotImplemented


f = io.BytesIO()
OverridePickler(f, 4).dump([42, 1])
print(f.getvalue(), pickle.loads(f.getvalue()))


def local_function():
    def inner():
        pass
    return inner


for bad in [local_function(), lambda: 0]:
    try:
        pickle.dumps(bad)
    except Exception as e:
        print(type(e).__name__)
print(copyreg.__newobj__(Point, 1, 2).__class__.__name__, copyreg._slotnames(Slotted))
copyreg.add_extension("__main__", "Point", 240)
print(pickle.dumps(Point, 2), pickle.loads(pickle.dumps(Point, 2)) is Point)
copyreg.remove_extension("__main__", "Point", 240)
print(pickle.dumps(Point, 2))
