# Properties whose getter is a Python function of `self` run in the interpreter's own loop, and
# traces follow them: the getter's body joins the trace. The class is changed under a running
# trace, the getter raises (its traceback is tier 1's), a property is read as a method, a getter
# that loops is called as a whole, and the owner changes class.
import traceback


class Point:
    def __init__(self, x, y):
        self._x = x
        self._y = y

    @property
    def x(self):
        return self._x

    @property
    def y(self):
        return self._y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)     # a property reading properties


def total(points):
    t = 0
    for p in points:
        t += p.x * 2 + p.norm1
    return t


pts = [Point(i, -i) for i in range(300)]
print("total", total(pts))
Point.x = property(lambda self: 1000)        # the class changes: the trace's guard leaves
print("changed", total(pts))
del Point.x
Point.x = property(lambda self: self._x)
print("restored", total(pts))


class Fussy:
    def __init__(self, n):
        self.n = n

    @property
    def inv(self):
        return 100 // self.n                  # ZeroDivisionError when n == 0


def inverses(objs):
    out = 0
    for o in objs:
        out += o.inv
    return out


print("inverses", inverses([Fussy(i % 7 + 1) for i in range(300)]))
try:
    inverses([Fussy(i % 7 + 1) for i in range(200)] + [Fussy(0)])
except ZeroDivisionError:
    print(traceback.format_exc().replace(__file__, "FILE"))


class Loops:
    @property
    def summed(self):
        s = 0
        for i in range(5):
            s += i
        return s

    @property
    def maker(self):
        return lambda v: v * 3


def loops(n):
    o = Loops()
    t = 0
    for i in range(n):
        t += o.summed + o.maker(i)            # a getter with a loop; a property called
    return t


print("loops", loops(300))


class Other:
    x = 5
    y = 6
    norm1 = 11


print("mixed", total([Point(1, 2)] * 150 + [Other()] * 150))
