from typing import *
import typing
T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
print(Box, Box[int], Box.__parameters__, Box.__orig_bases__, Box.__mro__)
b = Box[int](3)
print(b.get(), b.__orig_class__, type(b))
class Pair(Generic[K, V]):
    pass
print(Pair[str, int], Pair[str, List[V]], Pair[str, List[V]][int], Pair[str, List[V]].__parameters__)
class IntBox(Box[int]): pass
print(IntBox.__orig_bases__, IntBox.__parameters__, IntBox.__mro__)
class Sub(Box[T], Pair[T, str]): pass
print(Sub.__parameters__, Sub[int], Sub.__orig_bases__)
class MyList(List[T]): pass
print(MyList.__mro__, MyList[int], MyList.__parameters__)
class MyDict(Dict[str, int]): pass
print(MyDict.__mro__, MyDict(a=1))
for src in ["class E(Generic): pass", "class E(Generic[T], Generic[K]): pass", "class E(Box[T], Generic[K]): pass",
            "Box[int, str]", "Box[int][str]", "class E(Generic[T, T]): pass", "Generic[T]()",
            "class E(List[int], Generic[T]): pass"]:
    try:
        exec(src)
        print(src, 'ok')
    except TypeError as e:
        print(src, '!!', e)
class G2(Generic[T]):
    pass
class G3(G2[K]): pass
print(G3.__parameters__, G3[int].__args__, G3[int].__origin__)

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class File:
    def close(self): pass
class NotFile: pass
print(isinstance(File(), Closable), isinstance(NotFile(), Closable), issubclass(File, Closable), issubclass(int, Closable))
class NotRT(Protocol):
    def meth(self): ...
try: isinstance(File(), NotRT)
except TypeError as e: print(e)
try: NotRT()
except TypeError as e: print(e)
@runtime_checkable
class HasX(Protocol):
    x: int
class WithX:
    def __init__(self): self.x = 1
print(isinstance(WithX(), HasX), isinstance(File(), HasX))
try: issubclass(WithX, HasX)
except TypeError as e: print(e)
class Impl(Closable):
    def __init__(self, v): self.v = v
print(Impl(5).v, isinstance(Impl(1), Closable))
try:
    class BadProto(Protocol, int): pass
except TypeError as e: print(e)
try: runtime_checkable(File)
except TypeError as e: print(e)
print(isinstance(3, SupportsInt), isinstance('x', SupportsInt), isinstance(3.5, SupportsFloat), isinstance(3, SupportsIndex), issubclass(float, SupportsAbs))
@runtime_checkable
class SizedIter(Protocol[T]):
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[T]: ...
print(isinstance([1], SizedIter), isinstance(3, SizedIter), SizedIter[int], SizedIter.__parameters__)
print(Closable.__dict__.get('_is_protocol'), Impl._is_protocol, typing.Protocol.__mro__)
