class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        return V(o * 100 + self.x)
    def __sub__(self, o):
        return NotImplemented
    def __mul__(self, o):
        raise KeyError("mul fails")
    def __repr__(self):
        return f"V({self.x})"
class W:
    def __radd__(self, o):
        return "W.radd"
    def __rsub__(self, o):
        return "W.rsub"
class SubV(V):
    def __radd__(self, o):
        return "SubV.radd first"
print(V(1) + V(2), V(1) + 5, 5 + V(1), V(1) + W(), V(1) - W())
print(V(1) + SubV(2))
try:
    V(1) - V(2)
except TypeError as e:
    print(e)
try:
    V(1) * 3
except KeyError as e:
    print("KeyError", e)
try:
    V(1) + "s"
except TypeError as e:
    print(e)
x = V(10)
x += V(1)
print(x)
def deep(n):
    v = V(0)
    for i in range(n):
        v = v + 1
    return v
print(deep(1000))
