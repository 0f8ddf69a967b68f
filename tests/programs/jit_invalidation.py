# What a trace assumed changes while it runs: a class gets a new method, an attribute moves, a
# global is rebound, a builtin is shadowed, an instance gains attributes.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def sum_norms(points, n):
    total = 0
    for i in range(n):
        p = points[i % len(points)]
        total += p.x + p.y
        if i == n // 2:
            Point.norm1 = lambda self: 0
            p.z = 1
    return total


SCALE = 2


def scaled(n):
    global SCALE
    total = 0
    for i in range(n):
        total += i * SCALE
        if i == 100:
            SCALE = 3
    return total


def shadow_len(n):
    global len
    total = 0
    for i in range(n):
        total += len("abc")
        if i == 150:
            len = lambda s: 10
    del len
    return total


def gains_attributes(n):
    objs = [Point(i, -i) for i in range(10)]
    total = 0
    for i in range(n):
        o = objs[i % 10]
        total += o.x
        if i == 200:
            for ob in objs:
                ob.extra = 1
            del objs[3].x
            objs[3].x = 100
    return total


print(sum_norms([Point(1, 2), Point(3, -4)], 400))
print(Point(1, 2).norm1())
print(scaled(300))
print(shadow_len(300))
print(gains_attributes(400))
