# Object-heavy: a small ray tracer with a Vec class and operator overloading (sqrt only).
import sys

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 310


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self * (1.0 / self.dot(self) ** 0.5)


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = disc ** 0.5
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else -1.0


SCENE = [
    Sphere(Vec(0.0, -1000.0, 0.0), 999.0, Vec(0.6, 0.6, 0.6), 0.2),
    Sphere(Vec(0.0, 0.0, 4.0), 1.0, Vec(0.9, 0.2, 0.2), 0.5),
    Sphere(Vec(-2.0, 0.2, 5.0), 1.2, Vec(0.2, 0.9, 0.3), 0.3),
    Sphere(Vec(2.0, 0.5, 6.0), 1.5, Vec(0.2, 0.3, 0.9), 0.4),
]
LIGHT = Vec(-5.0, 8.0, -3.0)
BACKGROUND = Vec(0.1, 0.1, 0.2)


def trace(origin, direction, depth):
    nearest = None
    best = 1e30
    for s in SCENE:
        t = s.hit(origin, direction)
        if 0.0 < t < best:
            best = t
            nearest = s
    if nearest is None:
        return BACKGROUND
    point = origin + direction * best
    normal = (point - nearest.center).norm()
    to_light = (LIGHT - point).norm()
    shade = 0.1
    lambert = normal.dot(to_light)
    if lambert > 0.0:
        blocked = False
        for s in SCENE:
            if s.hit(point, to_light) > 0.0:
                blocked = True
                break
        if not blocked:
            shade += lambert * 0.9
    color = nearest.color * shade
    if depth < 3 and nearest.reflect > 0.0:
        reflected = direction - normal * (2.0 * direction.dot(normal))
        color = color * (1.0 - nearest.reflect) + trace(point, reflected, depth + 1) * nearest.reflect
    return color


def render(size):
    eye = Vec(0.0, 0.5, -1.0)
    checksum = 0
    for py in range(size):
        for px in range(size):
            d = Vec((px - size / 2) / size, (size / 2 - py) / size, 1.0).norm()
            c = trace(eye, d, 0)
            r = min(255, int(c.x * 255))
            g = min(255, int(c.y * 255))
            b = min(255, int(c.z * 255))
            checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
    return checksum


print("size", SIZE, "image checksum", render(SIZE))
