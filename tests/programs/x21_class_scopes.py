class A:
    x = 1
    y = x + 1
    def f(self):
        return x_global
    try:
        z = [x for _ in range(2)]
    except NameError as e:
        z = str(e)
x_global = "xg"
print(A.y, A().f(), A.z)
class B:
    def method(self):
        return __class__
    class Inner:
        def who(self):
            return __class__.__qualname__
print(B().method().__name__, B.Inner().who(), B.Inner.__qualname__)
class Base:
    def hello(self):
        return "Base"
    @classmethod
    def make(cls):
        return cls.__name__
class Left(Base):
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def hello(self):
        return "Right>" + super().hello()
    @classmethod
    def make(cls):
        return "R:" + super().make()
class Diamond(Left, Right):
    def hello(self):
        return "D>" + super().hello()
print(Diamond().hello(), [c.__name__ for c in Diamond.__mro__], Diamond.make())
def deco(cls):
    cls.decorated = True
    return cls
@deco
class C:
    pass
print(C.decorated)
def make_class(n):
    class Local:
        val = n
        def get(self):
            return n * 2
    return Local
L = make_class(21)
print(L.val, L().get(), L.__qualname__)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
try:
    Slotted().c = 3
except AttributeError as e:
    print("slots:", e)
class Dyn:
    def __getattr__(self, name):
        return name.upper()
d = Dyn()
d.real = "r"
print(d.real, d.missing)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
lg = Logged()
lg.q = 5
print(lg.q)
class Prop:
    def __init__(self):
        self._v = 0
    def _get(self):
        return self._v
    def _set(self, v):
        self._v = v * 2
    def _del(self):
        print("deleting")
    v = property(_get, _set, _del)
p = Prop()
p.v = 4
print(p.v)
del p.v
print(type(A).__name__, isinstance(A, type), A.__name__, A.__module__)
