def describe(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1:
            return "zero or one"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case str() as s:
            return "str " + s
        case [a]:
            return f"one {a}"
        case [a, b, *rest]:
            return f"seq {a} {b} {rest}"
        case {"k": v, **others}:
            return f"map {v} {others}"
        case {}:
            return "empty-ish map"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case _:
            return "other"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
for v in [None, True, 0, 1, -5, 7, "hi", [1], [1, 2, 3, 4], (5, 6), {"k": 1, "j": 2}, {"z": 1},
          Point(0, 3), Point(1, 2), 3.5, []]:
    print(repr(v) if not isinstance(v, Point) else "Point", "->", describe(v))
match (1, (2, 3)):
    case (a, (b, c)):
        print(a, b, c)
cmd = "go north"
match cmd.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("quit")
match 42:
    case 1:
        print("no")
print("no match falls through")
import math
match 3.141592653589793:
    case math.pi:
        print("pi")
match {"a": [1, {"b": 2}]}:
    case {"a": [_, {"b": x}]}:
        print("nested", x)
