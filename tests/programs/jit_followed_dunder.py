# Loops whose traces follow operators into their Python dunders (`a + b` running a.__add__ as a
# frame): the result must match the interpreter when the dunder returns NotImplemented (the
# reflected operator runs), when b's class is a subclass whose reflected method goes first, when
# the dunder raises, and when a guard inside the dunder fails.


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(self.x + o.x, self.y + o.y)

    def __radd__(self, o):
        return Vec(self.x + o, self.y + o)

    def __mul__(self, k):
        if k == 13:
            raise ValueError("unlucky")
        return Vec(self.x * k, self.y * k)


class Scalar:
    def __init__(self, k):
        self.k = k

    def __radd__(self, v):
        return Vec(v.x + self.k, v.y + self.k)


class Vec2(Vec):
    __slots__ = ()

    def __radd__(self, o):
        return "reflected first"


def run(n):
    acc = Vec(0, 0)
    errors = 0
    for i in range(n):
        acc = acc + Vec(i, 1)
        try:
            acc = acc * (1 if i % 50 else 13)
        except ValueError:
            errors += 1
        if i == n - 5:
            acc = Vec(acc.x * 0.5, acc.y)
    return acc.x, acc.y, errors


def mixed(n):
    out = []
    v = Vec(1, 2)
    for i in range(n):
        r = v + (Vec(i, i) if i % 100 else Scalar(i))
        out.append(r if isinstance(r, str) else (r.x, r.y))
    out.append(v + Vec2(0, 0))
    return out[:3], out[99:102], out[-1]


print(run(400))
print(mixed(300))
