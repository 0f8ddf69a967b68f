from typing import *
import typing, dataclasses, enum
print(len([n for n in typing.__all__ if not hasattr(typing, n)]))
print(Optional[int] == (int | None), (int | None) == Optional[int], Union[int, str] == (int | str), hash(Optional[int]) == hash(int | None))
T = TypeVar('T')
class Box(Generic[T]):
    pass
print(Box[int] is Box[int], List[int] is List[int], Dict[str, int] is Dict[str, int])
@dataclasses.dataclass
class D:
    a: int
    b: 'List[str]'
    c: ClassVar[int] = 3
print(get_type_hints(D), [f.name for f in dataclasses.fields(D)])
class Color(enum.Enum):
    RED = 1
print(Literal[Color.RED], get_args(Literal[Color.RED, 'x']))
class P(Protocol):
    @property
    def name(self) -> str: ...
@runtime_checkable
class Q(Protocol):
    @property
    def name(self) -> str: ...
class HasName:
    name = 'n'
print(isinstance(HasName(), Q), isinstance(3, Q))
class Emp(NamedTuple):
    """An employee."""
    name: str
    id: int = 3
print(Emp.__doc__, Emp._make(['a', 1]), Emp('x')._asdict(), Emp.__annotations__)
Vector = List[float]
def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]
print(get_type_hints(scale), scale(2.0, [1.0]))
print(typing.Sequence[int].__origin__, typing.Sequence[int].__args__, typing.Sequence.__origin__)
print(repr(typing.Union[int, 'str']), typing.List['int'], typing.Optional['X'].__args__)
class C(Generic[T]):
    def meth(self) -> T: ...
class D2(C[int]): ...
print(D2.__orig_bases__, D2.__parameters__, C.__parameters__, typing.get_origin(D2.__orig_bases__[0]), typing.get_args(D2.__orig_bases__[0]))
print(typing.Iterable[int] == typing.Iterable[int], typing.Iterable[int] != typing.Iterable[str])
import collections.abc
print(isinstance([], typing.Sequence), issubclass(dict, typing.Mapping), isinstance(iter([]), typing.Iterator), isinstance(len, typing.Callable), isinstance(3, typing.Callable))
