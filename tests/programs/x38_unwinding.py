class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self
    def __exit__(self, *a): print("exit", self.n, a[0].__name__ if a[0] else None); return False
def f1():
    for i in range(3):
        with CM(i):
            try:
                if i == 0:
                    continue
                if i == 1:
                    try:
                        raise ValueError
                    finally:
                        print("inner finally", i)
                return i
            except ValueError:
                print("caught ValueError", i)
                continue
            finally:
                print("finally", i)
    return "end"
print(f1())
def f2():
    try:
        with CM("a"), CM("b"):
            return "from with"
    finally:
        print("outer finally")
print(f2())
def f3():
    while True:
        try:
            with CM("w"):
                break
        finally:
            print("after break finally")
    return "f3"
print(f3())
def gen():
    try:
        with CM("g"):
            yield 1
            yield 2
    finally:
        print("gen finally")
for x in gen():
    print("x", x)
def f4():
    r = []
    for i in range(4):
        try:
            try:
                if i % 2:
                    raise KeyError(i)
            except KeyError as e:
                r.append(("k", i))
                if i == 3:
                    break
                continue
            else:
                r.append(("else", i))
            finally:
                r.append(("fin", i))
        finally:
            r.append(("outer", i))
    return r
print(f4())
def f5():
    try:
        return "try"
    finally:
        try:
            raise ValueError
        except ValueError:
            pass
print(f5())
def f6(n):
    try:
        if n:
            return f6(n - 1) + 1
        raise RuntimeError("bottom")
    except RuntimeError:
        return 0
print(f6(50))
def f7():
    for i in range(2):
        for j in range(2):
            try:
                if j:
                    break
            finally:
                print("f7", i, j)
        else:
            print("no")
f7()
