class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except MyError as e:
    print(e, e.code, e.args)
try:
    raise MyError
except TypeError as e:
    print("TypeError:", e)
def check(x):
    assert x > 0, "x must be positive"
    return x
try:
    check(-1)
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", repr(e))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    [][1]
except IndexError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    undefined_thing
except NameError as e:
    print(e)
try:
    len(1, 2)
except TypeError as e:
    print(e)
def kw(a, *, b):
    pass
for call in [lambda: kw(1), lambda: kw(1, 2), lambda: kw(1, b=2, c=3), lambda: kw(b=1), lambda: kw(1, a=1, b=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types", [str(x) for x in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")
except ExceptionGroup as eg:
    print("left", [type(x).__name__ for x in eg.exceptions])
try:
    raise ValueError("plain")
except* ValueError as eg:
    print("wrapped", type(eg).__name__, eg.exceptions)
x = 5
del x
try:
    x
except NameError as e:
    print(e)
class Ctx:
    pass
try:
    1 / 0
except (ValueError, ZeroDivisionError) as e:
    print("tuple match", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    finally:
        print("cleanup")
except ValueError as e:
    print("after cleanup", e)
print(isinstance(MyError(1), Exception), issubclass(MyError, BaseException))
