# Loops whose traces follow class calls into __init__ (the instance made in the trace) and calls
# that fill parameters from defaults. Exits inside a followed __init__ must still give the call its
# instance; an __init__ returning something else must raise the interpreter's TypeError; defaults
# changed mid-loop, or differing between functions of one `def`, must be read again.


class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
        if price < 0:
            # A branch the recorded iterations never took: an exit inside the followed __init__.
            self.price = 0


class Strict:
    def __init__(self, v):
        self.v = v
        if v == 250:
            return v


def total(n):
    t = 0
    items = []
    for i in range(n):
        it = Item("x%d" % i, i - 280 if i > 290 else i)
        items.append(it)
        t += it.price
    return t, len(items), items[-1].name, items[-1].price


def strict(n):
    made = 0
    for i in range(n):
        try:
            s = Strict(i)
            made += s.v
        except TypeError as e:
            msg = str(e)
    return made, msg


def scale(x, k=2, b=1):
    return x * k + b


def use_defaults(n):
    t = 0
    for i in range(n):
        t += scale(i) + scale(i, 3)
        if i == n // 2:
            scale.__defaults__ = (10, 0)
    return t


def makers():
    fs = []
    for k in (1, 2, 3):
        def f(x, k=k):
            return x * k
        fs.append(f)
    return fs


def shared_code(n):
    fs = makers()
    t = 0
    for i in range(n):
        t += fs[i % 3](i)
    return t


print(total(400))
print(strict(400))
print(use_defaults(400))
print(shared_code(400))
