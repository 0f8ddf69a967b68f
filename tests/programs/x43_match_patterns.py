def area(shape):
    match shape:
        case {"kind": "circle", "r": r} if r > 0:
            return 3 * r * r
        case {"kind": "square", "side": s}:
            return s * s
        case ("rect", w, h):
            return w * h
        case [("point", x, y), *_]:
            return f"starts at {x},{y}"
        case None:
            return "nothing"
        case _:
            return "unknown"
for s in [{"kind": "circle", "r": 2}, {"kind": "circle", "r": -1}, {"kind": "square", "side": 3},
          ("rect", 2, 5), ["rect", 2, 5], [("point", 1, 2), 5], None, 7]:
    print(area(s))
def bind_or(v):
    match v:
        case (1, x) | (2, x):
            return x
        case [x, y] | {"x": x, "y": y}:
            return (x, y)
    return "none"
print(bind_or((1, "a")), bind_or((2, "b")), bind_or([5, 6]), bind_or({"x": 1, "y": 2}), bind_or(3))
def literal(v):
    match v:
        case -1:
            return "minus one"
        case 1.5:
            return "one and half"
        case "s" | b"b":
            return "str or bytes"
        case 1 + 2j:
            return "complex"
        case True:
            return "True"
        case False:
            return "False"
    return "other"
print([literal(v) for v in [-1, 1.5, "s", b"b", 1 + 2j, True, False, 1, 0]])
class A:
    __match_args__ = ("a",)
    def __init__(self, a):
        self.a = a
class B(A):
    pass
def classes(v):
    match v:
        case B(a=1):
            return "B1"
        case A(1):
            return "A1"
        case A(a=A(a=x)):
            return f"nested {x}"
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case str() | bytes():
            return "text"
    return "?"
print([classes(v) for v in [B(1), A(1), A(A(5)), True, 3, "x", b"y", 2.0]])
match [1, [2, 3], {"k": "v"}]:
    case [1, [2, *rest], {"k": str(val)}]:
        print("deep", rest, val)
def star_patterns(v):
    match v:
        case [*start, 9]:
            return start
        case [1, *mid, 2, 3]:
            return mid
        case _:
            return None
print(star_patterns([9]), star_patterns([1, 9]), star_patterns([1, 4, 5, 2, 3]), star_patterns((1, 2, 3)))
