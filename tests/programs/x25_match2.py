class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN | "lime":
            return "greenish"
        case str(s) if len(s) > 3:
            return "long " + s
        case other:
            return "other " + repr(other)
for c in ["red", "green", "lime", "purple", 42]:
    print(color(c))
def seq(x):
    match x:
        case []:
            return "empty"
        case [0, *_, 0]:
            return "zero-bookends"
        case [first, *mid, last] if mid:
            return f"{first}..{mid}..{last}"
        case (a, b):
            return f"pair {a} {b}"
        case str():
            return "string is not a sequence pattern"
        case _:
            return "?"
for v in [[], [0, 5, 0], [1, 2, 3, 4], (1, 2), [7], "ab"]:
    print(seq(v))
def maps(m):
    match m:
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": "rect", **rest} if rest:
            return f"rect {sorted(rest.items())}"
        case {"type": t}:
            return f"unknown {t}"
        case {}:
            return "no type"
for m in [{"type": "circle", "r": 2}, {"type": "rect", "w": 1, "h": 2}, {"type": "rect"}, {"x": 1}]:
    print(maps(m))
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def cls(p):
    match p:
        case P(0, 0):
            return "origin"
        case P(x, 0) | P(0, x):
            return f"axis {x}"
        case P(x=x, y=y) if x == y:
            return "diagonal"
        case P():
            return "point"
        case int(n) | float(n):
            return f"number {n}"
print([cls(v) for v in [P(0, 0), P(3, 0), P(0, 4), P(2, 2), P(1, 2), 5, 2.5, "s"]])
match (1, [2, {"k": (3, 4)}]):
    case (a, [b, {"k": (c, d)}]):
        print(a + b + c + d)
match 5:
    case x if x > 10:
        print("big")
    case x:
        print("captured", x)
try:
    match P(1, 2):
        case P(1, 2, 3):
            pass
except TypeError as e:
    print(e)
