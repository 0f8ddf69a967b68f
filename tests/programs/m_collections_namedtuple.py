from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), p == (11, 22), hash(p) == hash((11, 22)))
x, y = p
print(x, y, Point._fields, Point.__doc__, Point.x.__doc__, Point.__match_args__, Point.__module__)
print(p._asdict(), type(p._asdict()).__name__, p._replace(x=1), Point._make([5, 6]), p.__getnewargs__())
print(Point.__name__, Point.__qualname__, Point.__new__.__doc__, Point._make.__doc__, Point.__new__.__qualname__)
print(isinstance(p, tuple), type(p).__mro__[1], Point._field_defaults)

P3 = namedtuple("P3", "a b, c", defaults=[2, 3])
print(P3(1), P3(1, 5), P3._field_defaults, P3.__new__.__defaults__)
Single = namedtuple("Single", "only")
print(Single(1), Single.__doc__)
Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields, len(Empty()))
R = namedtuple("R", ["abc", "def", "ghi", "abc", "_x", "2b"], rename=True)
print(R._fields)
M = namedtuple("M", "a", module="some.module")
print(M.__module__, repr(M))

try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)

try:
    p.z = 1
except AttributeError as e:
    print("AttributeError", e)

errors = [
    lambda: namedtuple("P", "a _b"),
    lambda: namedtuple("P", "a a"),
    lambda: namedtuple("P", "a def"),
    lambda: namedtuple("P", "a 1x"),
    lambda: namedtuple("1P", "a"),
    lambda: namedtuple("class", "a"),
    lambda: namedtuple("P", "a", defaults=[1, 2]),
    lambda: Point(1)._replace(z=3),
    lambda: Point._make([1]),
    lambda: Point(1, 2, 3),
    lambda: Point(1, x=2),
    lambda: Point(),
]
for f in errors:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


class Point3(namedtuple("Point3", "x y z")):
    __slots__ = ()

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2 + self.z ** 2) ** 0.5

    def __str__(self):
        return f"<{self.x},{self.y},{self.z}>"


q = Point3(1, 2, 2)
print(q, repr(q), q.norm, q._replace(z=0), type(q._replace(z=0)).__name__)

match p:
    case Point(a, b):
        print("matched", a, b)

match Point(0, 5):
    case Point(x=0, y=yy):
        print("on y axis at", yy)

print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(1, 9), Point(2, 0)))
print({Point(1, 2): "a"}[(1, 2)], Point(*range(2)), Point(**{"x": 7, "y": 8}))
