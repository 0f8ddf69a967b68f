def f1():
    try:
        return "try"
    finally:
        print("finally runs")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
print(f2())
def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(f3())
def f4():
    try:
        raise ValueError("x")
    except ValueError:
        return "handled"
    finally:
        print("f4 finally")
print(f4())
def f5():
    while True:
        try:
            raise KeyError(1)
        finally:
            break
    return "swallowed"
print(f5())
def f6():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("outer caught:", e)
    else:
        print("no else")
    try:
        pass
    except Exception:
        print("never")
    else:
        print("else runs")
f6()
def f7():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("x in finally", x)
print(f7())
def f8():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise TypeError("b")
    except TypeError as e:
        print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
f8()
def f9():
    try:
        raise ValueError("a")
    except ValueError as e:
        raise RuntimeError("c") from e
try:
    f9()
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError
    except ValueError:
        raise
except ValueError as e:
    print("reraised", type(e).__name__)
e = "unchanged"
try:
    raise OSError("x")
except OSError as e:
    pass
try:
    print(e)
except NameError:
    print("except target deleted")
def gen_finally():
    for i in range(3):
        try:
            yield i
        finally:
            print("gf", i)
gen = gen_finally()
for v in gen:
    if v == 1:
        break
print("after break")
gen.close()
print("after close")
