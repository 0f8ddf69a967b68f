import collections.abc as cabc
from collections.abc import *
print(Iterable, cabc.Iterable.__module__)
for v in ([], (), {}, set(), frozenset(), "", b"", bytearray(), range(3), iter([]), (x for x in []), 1, None, len, {}.keys(), {}.items(), {}.values(), type.__dict__, iter({})):
    print(type(v).__name__, [c.__name__ for c in (Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection, Sequence, MutableSequence, ByteString, Set, MutableSet, Mapping, MutableMapping, MappingView, KeysView, ItemsView, ValuesView) if isinstance(v, c)])
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), issubclass(It, Iterable), issubclass(It, Sized))
class S(Sequence):
    def __init__(self, *a): self.a = a
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
s = S(1, 2, 3, 2)
print(list(s), 2 in s, s.index(2), s.count(2), list(reversed(s)), isinstance(s, Reversible))
try: s.index(9)
except ValueError as e: print("VE", e)
class M(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M()
m.update({'a': 1}, b=2)
m.setdefault('c', 3)
print(m.pop('a'), m.get('z', 0), sorted(m.keys()), list(m.items()), list(m.values()), m == {'b': 2, 'c': 3}, 'b' in m)
print(type(m.keys()).__name__, isinstance(m.keys(), Set), m.keys() & {'b'}, m.popitem(), len(m))
try: M.__abstractmethods__; S()
except TypeError as e: print(e)
try: Sequence()
except TypeError as e: print(e)
class L(Set):
    def __init__(self, it): self.e = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.e
    def __iter__(self): return iter(self.e)
    def __len__(self): return len(self.e)
a = L([1, 2, 3]); b = L([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, L([2]) < b, a == L([3, 2, 1]), a.isdisjoint([5]))
print(isinstance(1, Hashable), isinstance([], Hashable), issubclass(list, Hashable), issubclass(type, Callable))
print(Iterable[int], Callable[[int], str] is not None)

class Bag(MutableSet):
    def __init__(self, it=()):
        self.items = []
        for x in it:
            self.add(x)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def add(self, x):
        if x not in self.items: self.items.append(x)
    def discard(self, x):
        if x in self.items: self.items.remove(x)
bag = Bag([1, 2, 3])
bag |= {4}
bag -= {1}
bag ^= {2, 5}
print(sorted(bag), bag.pop() in (3, 4, 5), len(bag))
bag.remove(next(iter(bag)))
try:
    bag.remove(100)
except KeyError as e:
    print("KeyError", e)
bag.clear()
print(len(bag), isinstance(bag, Set), Bag._from_iterable([1]).items)
class MS(MutableSequence):
    def __init__(self): self.d = []
    def __getitem__(self, i): return self.d[i]
    def __setitem__(self, i, v): self.d[i] = v
    def __delitem__(self, i): del self.d[i]
    def __len__(self): return len(self.d)
    def insert(self, i, v): self.d.insert(i, v)
ms = MS()
ms.extend([3, 1, 2])
ms.append(9)
ms.reverse()
ms += [7]
print(ms.d, ms.pop(), ms.pop(0), ms.index(1), ms.count(3))
ms.remove(1)
print(ms.d, list(reversed(ms)))
ms.clear()
print(ms.d, isinstance(ms, Sequence), issubclass(MS, Reversible))
print(isinstance(iter(range(3)), Iterator), isinstance(zip(), Iterator), isinstance(reversed([]), Iterator))
def g():
    yield 1
gi = g()
print(isinstance(gi, Generator), isinstance(g, Callable), isinstance(gi, Iterable), isinstance(len, Callable))
async def co(): pass
c = co()
print(isinstance(c, Coroutine), isinstance(c, Awaitable))
c.close()
class AI:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
print(isinstance(AI(), AsyncIterator), isinstance(AI(), AsyncIterable), isinstance([], AsyncIterable))
class NoHash:
    __hash__ = None
print(isinstance(NoHash(), Hashable), issubclass(dict, Hashable), isinstance((), Hashable))
import collections
print(collections.abc.Sized, collections.deque in MutableSequence.__subclasses__() or issubclass(collections.deque, MutableSequence))
