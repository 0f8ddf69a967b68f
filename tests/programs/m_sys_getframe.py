# sys._getframe: frame objects of the running code and its callers.
import sys


def where():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno, caller.f_globals is globals()


def outer():
    local_value = 5
    inner_result = inner()
    return inner_result


def inner():
    f = sys._getframe()
    back = f.f_back
    print(f.f_code.co_name, back.f_code.co_name, back.f_locals["local_value"])
    print(back.f_back.f_code.co_name, back.f_back.f_back)
    print(where())
    return f


f = outer()
print(f.f_code.co_name, type(f).__name__, f.f_globals is globals(), f.f_builtins is not None)
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
print(sys._getframe(0).f_locals is globals())


class C:
    attr = sys._getframe().f_code.co_name
    names = sorted(sys._getframe().f_locals)


print(C.attr, C.names)
for depth in [1, 50, -1]:
    try:
        sys._getframe(depth)
    except ValueError as e:
        print(depth, e)
try:
    sys._getframe("x")
except TypeError as e:
    print(e)


def gen():
    yield sys._getframe().f_code.co_name


print(next(gen()))
print(isinstance(sys._getframe().f_lasti, int), sys._getframe().f_trace)
