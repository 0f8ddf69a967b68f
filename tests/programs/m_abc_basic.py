from abc import ABC, ABCMeta, abstractmethod, abstractproperty, abstractclassmethod, get_cache_token
import abc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} area={self.area()}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def perimeter(self):
        return 4 * self.s


class Partial(Shape):
    def area(self):
        return 0


for cls in (Shape, Partial):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Square(3).describe(), sorted(Shape.__abstractmethods__), sorted(Partial.__abstractmethods__),
      Square.__abstractmethods__, type(Shape), isinstance(Square(1), Shape))


class WithProps(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


print(sorted(WithProps.__abstractmethods__))


class Impl(WithProps):
    name = "impl"

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return 1


print(Impl.make().name, Impl.helper())


class Old(metaclass=ABCMeta):
    @abstractproperty
    def p(self):
        ...

    @abstractclassmethod
    def c(cls):
        ...


print(sorted(Old.__abstractmethods__))


class Registry(ABC):
    pass


Registry.register(int)


@Registry.register
class Virtual:
    pass


print(isinstance(1, Registry), issubclass(bool, Registry), isinstance("x", Registry), issubclass(Virtual, Registry),
      Registry in Virtual.__mro__, isinstance(Virtual(), Registry))
token = get_cache_token()
Registry.register(str)
print(get_cache_token() > token, isinstance("x", Registry))
try:
    Registry.register(1)
except TypeError as e:
    print(e)


class Quacker(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacker:
            return hasattr(C, "quack") or NotImplemented
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


print(isinstance(Duck(), Quacker), issubclass(int, Quacker), issubclass(Duck, Quacker))


class Base(ABC):
    @abstractmethod
    def f(self):
        ...


class Mid(Base):
    pass


Mid.f = lambda self: 1
abc.update_abstractmethods(Mid)
print(Mid.__abstractmethods__, Mid().f())
try:
    issubclass(1, Base)
except TypeError as e:
    print(e)
print(type.__dict__.get("__abstractmethods__") is not None)
try:
    int.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)


class Meta(ABCMeta):
    pass


class UsesMeta(metaclass=Meta):
    @abstractmethod
    def g(self):
        ...


try:
    UsesMeta()
except TypeError as e:
    print(e)
