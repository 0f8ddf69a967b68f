# Classes and instances change after attribute accesses and calls specialized.
# deopts: LOAD_ATTR STORE_ATTR CALL


class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def read(p):
    return p.x, p.scale, p.norm()


def write(p, v):
    p.x = v
    return p.x


def class_attr():
    return Point.scale


def make(a, b):
    return Point(a, b)


p = Point(3, 4)
for _ in range(40):
    read(p), write(p, 3), class_attr(), make(1, 2)
print(read(p), class_attr())

# A class attribute changes.
Point.scale = 10
print(read(p), class_attr())

# A method is replaced on the class, then monkeypatched on one instance.
Point.norm = lambda self: "replaced"
print(read(p))
p.norm = lambda: "instance"
print(read(p), read(Point(1, 1)))

# A base class changes.


class Base:
    def kind(self):
        return "base"


class Derived(Base):
    def __init__(self):
        self.v = 1


def kind(o):
    return o.kind()


d = Derived()
for _ in range(40):
    kind(d)
print(kind(d))
Base.kind = lambda self: "base changed"
print(kind(d))
Derived.kind = lambda self: "derived"
print(kind(d))


class Other(Base):
    def kind(self):
        return "other"


Derived.__bases__ = (Other,)
del Derived.kind
print(kind(d))

# An attribute deleted and added again, attributes added in another order, a property replacing a
# plain attribute.


def read_y(p):
    return p.y


q = Point(1, 2)
for _ in range(40):
    read_y(q)
del q.y
try:
    read_y(q)
except AttributeError as e:
    print("AttributeError", e)
q.y = 9
print(read_y(q), vars(q))
r = Point.__new__(Point)
r.y = 5
r.x = 6
print(read(r), read_y(r), vars(r))


class Box:
    def __init__(self, v):
        self.v = v


def get_v(b):
    return b.v


def set_v(b, x):
    b.v = x


bx = Box(1)
for _ in range(40):
    get_v(bx), set_v(bx, 1)
Box.v = property(lambda self: "property")
print(get_v(bx))
try:
    set_v(bx, 2)
except AttributeError as e:
    print("AttributeError", e)
del Box.v
print(get_v(bx))

# __getattr__ and __getattribute__ added to the class.


class Lazy:
    def __init__(self):
        self.a = 1


def get_a(o):
    return o.a


def get_b(o):
    try:
        return o.b
    except AttributeError:
        return "no b"


z = Lazy()
for _ in range(40):
    get_a(z), get_b(z)
Lazy.__getattr__ = lambda self, name: "getattr " + name
print(get_a(z), get_b(z))
Lazy.__getattribute__ = lambda self, name: "getattribute " + name
print(get_a(z), get_b(z))

# __class__ assigned.


class A:
    def __init__(self):
        self.v = "a"

    def who(self):
        return "A " + self.v


class B:
    def who(self):
        return "B " + self.v


def who(o):
    return o.who()


o = A()
for _ in range(40):
    who(o)
o.__class__ = B
print(who(o), type(o).__name__)

# __init__ replaced after CALL_ALLOC_AND_ENTER_INIT, __new__ added.


def init2(self, x, y):
    self.x = -x
    self.y = -y


Point.__init__ = init2
print(make(1, 2).norm())
Point.__new__ = lambda cls, *a: "from __new__"
print(make(1, 2))

# __setattr__ added after STORE_ATTR specialized.


class Rec:
    def __init__(self):
        self.n = 0


def bump(r):
    r.n = r.n + 1
    return r.n


rec = Rec()
for _ in range(40):
    bump(rec)
Rec.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 10)
print(bump(rec))

# Slots.


class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


def slot_rw(s):
    s.a = s.a + 1
    return s.a


s = Slotted()
for _ in range(40):
    slot_rw(s)
print(slot_rw(s))
del s.a
try:
    slot_rw(s)
except AttributeError as e:
    print("AttributeError", e)
