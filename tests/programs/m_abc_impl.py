# The _abc module under abc.ABCMeta: abstract names, registration, caches and their dump,
# __subclasshook__ answers, and the errors CPython's C module raises.
import abc
import _abc
from collections.abc import Hashable, Iterable, Mapping, Sequence, Sized


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @property
    @abc.abstractmethod
    def name(self): ...

    def describe(self):
        return f"{self.name}: {self.area()}"


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    name = "square"


print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
print(Square().describe())
try:
    Half()
except TypeError as e:
    print(e)


class Plain:
    pass


class Child(Plain):
    pass


print(Shape.register(Plain) is Plain, isinstance(Plain(), Shape), issubclass(Child, Shape))
registry, cache, negative, version = _abc._get_dump(Shape)
print(len(registry), sorted(r().__name__ for r in cache), len(negative), version == abc.get_cache_token())
print(issubclass(int, Shape), sorted(r().__name__ for r in _abc._get_dump(Shape)[2]))
Shape._abc_caches_clear()
print([len(s) for s in _abc._get_dump(Shape)[:3]])
Shape._abc_registry_clear()
print(isinstance(Plain(), Shape), issubclass(Child, Shape))

token = abc.get_cache_token()
Hashable.register(Plain)
print(abc.get_cache_token() == token + 1)


class Hooked(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, other):
        if other is int:
            return True
        if other is str:
            return 1
        return NotImplemented


print(issubclass(int, Hooked), issubclass(float, Hooked), isinstance(3, Hooked))
try:
    issubclass(str, Hooked)
except AssertionError as e:
    print("AssertionError:", e)

for bad in (lambda: Shape.register(3), lambda: issubclass(3, Shape), lambda: Square.register(Shape)):
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)


class Broken(metaclass=abc.ABCMeta):
    pass


Broken._abc_impl = 5
try:
    isinstance(1, Broken)
except TypeError as e:
    print(e)

# The collections ABCs: structural checks and registrations.
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance(3, Iterable), isinstance([], Hashable))
print(issubclass(range, Sequence), issubclass(dict, Sized), issubclass(type({}.keys()), Iterable))


class Fake:
    def __len__(self):
        return 0


print(isinstance(Fake(), Sized), issubclass(Fake, Iterable), type(Shape._abc_impl).__name__)


# __instancecheck__ looks at __class__ as well as the real type.
class Liar:
    @property
    def __class__(self):
        return Plain


Shape.register(Plain)
print(isinstance(Liar(), Shape), isinstance(Liar(), Plain))
