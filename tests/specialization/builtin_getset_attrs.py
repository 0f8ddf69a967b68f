# Attributes computed by builtin types (getset descriptors: frame.f_back, code.co_filename,
# function.__name__, int.real, an instance's __dict__) specialize as LOAD_ATTR_GETSET, which calls
# the getter directly. The site then sees another class (float.real after int.real; a class whose
# instances have __slots__ and no __dict__), and a class that defines its own `real`.
# deopts: LOAD_ATTR
import sys


def depth_names():
    names = []
    f = sys._getframe(0)
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def caller():
    return depth_names()


for i in range(40):
    got = caller()
print(got)


def reals(values):
    total = 0
    for v in values:
        total += v.real - v.imag
    return total


print(reals(list(range(100))))
print(reals([1.5] * 50 + [3] * 50 + [2j + 1] * 10))


class Real:
    real = 7
    imag = property(lambda self: 1)


print(reals([Real()] * 20 + [5] * 20))


class Plain:
    def __init__(self, n):
        self.n = n


class Slotted:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n


def dict_sizes(objs):
    sizes = []
    for o in objs:
        try:
            sizes.append(len(o.__dict__))
        except AttributeError as e:
            sizes.append(str(e))
    return sizes


print(dict_sizes([Plain(i) for i in range(30)])[-3:])
print(dict_sizes([Plain(1)] * 30 + [Slotted(2)])[-2:])


def names(fs):
    return [f.__name__ for f in fs]


print(names([depth_names, caller, reals] * 12)[-4:])
print(names([len, print] * 12)[-2:])
