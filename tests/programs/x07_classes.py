class Animal:
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes {self.sound()}"
    def sound(self):
        return "..."
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    def sound(self):
        return "woof"
    def speak(self):
        return super().speak() + "!"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
print(Dog("rex").speak(), Puppy("bit", 1).speak(), Animal.count)
print(Puppy("p", 2), [Puppy.__mro__[i].__name__ for i in range(4)])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def make(cls):
        return cls()
t = Temp.make()
t.c = 5
print(t.c, Temp.s(4), t.s(5))
class Private:
    def __init__(self):
        self.__secret = 1
    def get(self):
        return self.__secret
p = Private()
print(p.get(), p._Private__secret, hasattr(p, "__secret"))
class WithClassCell:
    def who(self):
        return __class__.__name__
print(WithClassCell().who())
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __iter__(self):
        yield self.x
        yield self.y
v = Vec(1, 2) + Vec(3, 4)
v.x += 10
print(list(v), v == Vec(14, 6))
d = {"a": [1, 2]}
d["a"][0] += 5
d["b"] = d.get("b", 0) + 1
print(d)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Base:
    def __init_subclass__(cls, **kw):
        cls.registered = True
class Sub(Base):
    pass
print(Sub.registered)
