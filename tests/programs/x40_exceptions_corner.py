# exceptions corner cases
import sys
def f():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return sys.exc_info()[0].__name__
    finally:
        print("exc_info in finally:", sys.exc_info()[0])
print(f())
print(sys.exc_info())
def g():
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        return sys.exc_info()[1]
print(repr(g()))
try:
    raise KeyError("x") from ValueError("y")
except KeyError as e:
    print(repr(e.__cause__), e.__suppress_context__)
class Custom(Exception):
    def __str__(self):
        return "custom str"
try:
    raise Custom()
except Exception as e:
    print(e, repr(e), e.args)
try:
    raise Exception("a", "b")
except Exception as e:
    print(e, e.args)
def nested():
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise
    except ValueError as e:
        return e.args
print(nested())
try:
    try:
        raise IndexError("first")
    finally:
        print("finally sees", sys.exc_info()[0].__name__)
except IndexError:
    pass
def loop_try():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise RuntimeError(i)
            out.append(i)
        except RuntimeError as e:
            out.append(-e.args[0])
            continue
        finally:
            out.append("f")
    return out
print(loop_try())
try:
    raise StopIteration(5)
except StopIteration as e:
    print("stop value", e.value)
e = None
try:
    int("x")
except (TypeError, ValueError) as err:
    e = err
print(type(e).__name__)
def raise_type():
    raise ValueError
try:
    raise_type()
except ValueError as v:
    print("args", v.args)
try:
    raise 5
except TypeError as t:
    print(t)
try:
    try:
        pass
    finally:
        raise OSError("from finally")
except OSError as o:
    print(o)
try:
    1/0
except ZeroDivisionError as z:
    print(z.__traceback__ is not None, type(z.__traceback__).__name__)
