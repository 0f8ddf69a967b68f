import keyword
import reprlib

print(keyword.kwlist, keyword.softkwlist, keyword.__all__)
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("x"))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(10))), reprlib.repr(tuple(range(10))), reprlib.repr(2 ** 200), reprlib.repr([[[[[[[1]]]]]]]))
print(reprlib.repr(frozenset(range(10))), reprlib.repr(range(10)), reprlib.repr((1,)), reprlib.repr([]), reprlib.repr(set()))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"), r.repr({"a": [1, 2, 3]}), vars(reprlib.Repr()))


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.children!r})"


n = Node()
n.children.append(n)
n.children.append(Node())
print(n, Node.__repr__.__name__, hasattr(Node.__repr__, "__wrapped__"))


class Other:
    @reprlib.recursive_repr("<loop>")
    def __repr__(self):
        return f"Other({self.me!r})"


o = Other()
o.me = o
print(o)
