# Recursion that passes through builtins and slots (each level re-enters the interpreter from
# the runtime): a depth CPython reaches with the default limit, on every path.
import functools

DEPTH = 120


def via_map(n):
    return n if n >= DEPTH else list(map(via_map, [n + 1]))[0]


def via_filter(n):
    return n if n >= DEPTH else len(list(filter(lambda x: via_filter(x) > 0, [n + 1]))) + n


def via_sorted(n):
    return n if n >= DEPTH else sorted([n + 1], key=via_sorted)[0]


def via_list_sort(n):
    if n >= DEPTH:
        return n
    items = [n + 1]
    items.sort(key=via_list_sort)
    return items[0]


def via_max(n):
    return n if n >= DEPTH else max([n + 1], key=via_max)


def via_reduce(n):
    return n if n >= DEPTH else functools.reduce(lambda a, b: via_reduce(b), [0, n + 1])


class Repr:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "end" if self.n >= DEPTH else "<" + repr(Repr(self.n + 1)) + ">"


class Str:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        return "end" if self.n >= DEPTH else f"({Str(self.n + 1)})"


class Fmt:
    def __init__(self, n):
        self.n = n

    def __format__(self, spec):
        return spec if self.n >= DEPTH else format(Fmt(self.n + 1), spec)


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if self.n >= DEPTH:
            return True
        return Key(self.n + 1) in {Key(self.n + 2): 1}


class Attr:
    def __init__(self, n):
        self.n = n

    def __getattr__(self, name):
        return self.n if self.n >= DEPTH else getattr(Attr(self.n + 1), name)


class AttrDot:
    def __init__(self, n):
        self.n = n

    def __getattr__(self, name):
        return self.n if self.n >= DEPTH else AttrDot(self.n + 1).deeper


class Item:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        return self.n if self.n >= DEPTH else Item(self.n + 1)[i]


class Less:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return True if self.n >= DEPTH else Less(self.n + 1) < other


class Prop:
    def __init__(self, n):
        self.n = n

    @property
    def value(self):
        return self.n if self.n >= DEPTH else Prop(self.n + 1).value


class Init:
    def __init__(self, n):
        self.n = n if n >= DEPTH else Init(n + 1).n


class Call:
    def __init__(self, n):
        self.n = n

    def __call__(self):
        return self.n if self.n >= DEPTH else Call(self.n + 1)()


class Len:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n if self.n >= DEPTH else len(Len(self.n + 1))


class Bool:
    def __init__(self, n):
        self.n = n

    def __bool__(self):
        return True if self.n >= DEPTH else bool(Bool(self.n + 1))


class Add:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return self.n + other if self.n >= DEPTH else Add(self.n + 1) + other


class Contains:
    def __init__(self, n):
        self.n = n

    def __contains__(self, x):
        return True if self.n >= DEPTH else x in Contains(self.n + 1)


class Iter:
    def __init__(self, n):
        self.n = n
        self.done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration
        self.done = True
        return self.n if self.n >= DEPTH else list(Iter(self.n + 1))[0]


class Base:
    def depth(self, n):
        return n


class Derived(Base):
    def depth(self, n):
        return super().depth(n) if n >= DEPTH else list(map(Derived().depth, [n + 1]))[0]


def logged(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


@logged
def via_decorator(n):
    return n if n >= DEPTH else sorted([n + 1], key=via_decorator)[0]


results = [
    ("map", lambda: via_map(0)),
    ("filter", lambda: via_filter(0)),
    ("sorted key", lambda: via_sorted(0)),
    ("list.sort key", lambda: via_list_sort(0)),
    ("max key", lambda: via_max(0)),
    ("functools.reduce", lambda: via_reduce(0)),
    ("repr", lambda: len(repr(Repr(0)))),
    ("str / f-string", lambda: len(str(Str(0)))),
    ("format", lambda: format(Fmt(0), "ok")),
    ("dict lookup __eq__", lambda: Key(0) == Key(1)),
    ("getattr()", lambda: Attr(0).x),
    ("__getattr__", lambda: AttrDot(0).x),
    ("__getitem__", lambda: Item(0)[0]),
    ("__lt__", lambda: Less(0) < 1),
    ("property", lambda: Prop(0).value),
    ("__init__", lambda: Init(0).n),
    ("__call__", lambda: Call(0)()),
    ("__len__", lambda: len(Len(0))),
    ("__bool__", lambda: bool(Bool(0))),
    ("__add__", lambda: Add(0) + 1),
    ("__contains__", lambda: 1 in Contains(0)),
    ("__next__", lambda: next(Iter(0))),
    ("super()", lambda: Derived().depth(0)),
    ("decorator", lambda: via_decorator(0)),
]
for name, run in results:
    print(name, run())
