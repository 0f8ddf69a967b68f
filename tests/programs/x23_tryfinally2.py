def f():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows"
print(f())
def g():
    try:
        raise ValueError("first")
    finally:
        try:
            raise KeyError("second")
        except KeyError as e:
            print("inner", repr(e), repr(e.__context__))
try:
    g()
except ValueError as e:
    print("outer", e)
def h():
    for i in range(3):
        try:
            pass
        finally:
            if i == 1:
                continue
            print("h", i)
h()
def k():
    try:
        try:
            return 1
        finally:
            print("inner fin")
    finally:
        print("outer fin")
print(k())
def m():
    while True:
        try:
            try:
                raise IndexError
            except IndexError:
                break
        finally:
            print("m finally")
    return "m done"
print(m())
def nested_except():
    try:
        raise TypeError("t")
    except TypeError:
        try:
            raise ValueError("v")
        except ValueError as inner:
            return type(inner.__context__).__name__
print(nested_except())
import sys
def exc_info():
    try:
        raise OSError("io")
    except OSError:
        return sys.exc_info()[0].__name__
print(exc_info(), sys.exc_info())
def replace():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("replaced") from None
try:
    replace()
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def else_finally():
    out = []
    for i in range(2):
        try:
            if i:
                raise RuntimeError
        except RuntimeError:
            out.append("exc")
        else:
            out.append("else")
        finally:
            out.append("fin")
    return out
print(else_finally())
