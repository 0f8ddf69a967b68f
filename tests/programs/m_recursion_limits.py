# RecursionError from the recursion limit, with CPython's message for the place the limit is
# reached: a Python call, a call of a class or instance (" while calling a Python object"), a repr
# (" while getting the repr of an object"), a str, a comparison (" in comparison"); and the
# program goes on normally afterwards.
import sys


def attempt(name, run, limits=(100, 101, 102, 103, 150)):
    messages = []
    for limit in limits:
        sys.setrecursionlimit(limit)
        try:
            run()
            messages.append("no error")
        except RecursionError as e:
            messages.append(str(e))
        finally:
            sys.setrecursionlimit(1000)
    print(name, type(RecursionError()).__name__)
    for m in sorted(set(messages)):
        print("   ", m)


def plain():
    return plain()


def via_map(x):
    return list(map(via_map, [x]))


def via_filter(x):
    return list(filter(via_filter, [x]))


def wrap(f):
    def wrapper(*args):
        return f(*args)

    return wrapper


@wrap
def decorated():
    return decorated()


class GetAttr:
    def __getattr__(self, name):
        return getattr(GetAttr(), name)


class GetAttrDot:
    def __getattr__(self, name):
        return GetAttrDot().x


class GetAttribute:
    def __getattribute__(self, name):
        return GetAttribute().x


class Len:
    def __len__(self):
        return len(Len())


class Bool:
    def __bool__(self):
        return bool(Bool())


class Add:
    def __add__(self, other):
        return Add() + other


class Contains:
    def __contains__(self, x):
        return x in Contains()


class SetAttr:
    def __setattr__(self, name, value):
        setattr(SetAttr(), name, value)


class Iter:
    def __iter__(self):
        return iter(Iter())


class Next:
    def __iter__(self):
        return self

    def __next__(self):
        for x in Next():
            pass


class Prop:
    @property
    def p(self):
        return Prop().p


class Item:
    def __getitem__(self, i):
        return Item()[i]


class Eq:
    def __eq__(self, other):
        return Eq() == other


class Lt:
    def __lt__(self, other):
        return Lt() < other


class DictEq:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        return DictEq() in {DictEq(): 1}


class Super:
    def f(self):
        return 1


class SubSuper(Super):
    def f(self):
        return super().f() + SubSuper().f()


def nest(n, make):
    x = make()
    for _ in range(n):
        x = make(x)
    return x


attempt("python function", plain)
attempt("map", lambda: via_map(1))
attempt("filter", lambda: via_filter(1))
attempt("decorator", decorated)
attempt("super", lambda: SubSuper().f())
attempt("getattr()", lambda: GetAttr().x)
attempt("__getattr__", lambda: GetAttrDot().x)
attempt("__getattribute__", lambda: GetAttribute().x)
attempt("__len__", lambda: len(Len()))
attempt("__bool__", lambda: bool(Bool()))
attempt("__add__", lambda: Add() + 1)
attempt("__contains__", lambda: 1 in Contains())
attempt("__setattr__", lambda: setattr(SetAttr(), "x", 1))
attempt("__iter__", lambda: iter(Iter()))
attempt("__next__", lambda: next(Next()))
attempt("property", lambda: Prop().p)
attempt("__getitem__", lambda: Item()[0])
attempt("__eq__", lambda: Eq() == 1)
attempt("__lt__", lambda: Lt() < 1)
attempt("dict lookup", lambda: DictEq() == DictEq())

# Containers nested deeper than the limit: the repr, str and comparisons recurse in the runtime.
lists = nest(5000, lambda *a: list(a))
tuples = nest(5000, lambda *a: tuple(a))
dicts = nest(5000, lambda *a: {"k": a[0]} if a else {})
attempt("repr(list)", lambda: repr(lists), (1000,))
attempt("repr(tuple)", lambda: repr(tuples), (1000,))
attempt("repr(dict)", lambda: repr(dicts), (1000,))
attempt("str(list)", lambda: str(lists), (1000,))
attempt("f-string of a list", lambda: f"{lists}", (1000,))
attempt("list ==", lambda: lists == nest(5000, lambda *a: list(a)), (1000,))
attempt("tuple ==", lambda: tuples == nest(5000, lambda *a: tuple(a)), (1000,))
attempt("list <", lambda: lists < nest(5000, lambda *a: list(a)), (1000,))
attempt("dict ==", lambda: dicts == nest(5000, lambda *a: {"k": a[0]} if a else {}), (1000,))

# Below the limit the same structures work, and the depth is back to normal after every error.
print(repr(nest(200, lambda *a: list(a)))[:12], nest(200, lambda *a: tuple(a)) == nest(200, lambda *a: tuple(a)))


def count(n):
    return n if n == 0 else 1 + count(n - 1)


print(count(900))
try:
    sys.setrecursionlimit(5)
except RecursionError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit())
