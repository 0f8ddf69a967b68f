# object.__reduce_ex__ and object.__reduce__ (the default reductions of copyreg): protocols 0-4,
# __slots__, overriding __reduce_ex__ with super(), list and dict subclasses, unpicklable types.
import copyreg, pickle, copy
class A:
    def __init__(self): self.x = 1
class B:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
class C:
    def __reduce_ex__(self, proto):
        r = super().__reduce_ex__(proto)
        return r
    def __init__(self): self.y = [1]
class D:
    def __reduce__(self): return (D, ())
class L(list): pass
class Dct(dict): pass
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for obj in [A(), B(), C(), D(), L([1, 2]), Dct(a=1)]:
    for p in [0, 1, 2, 4]:
        def go():
            r = obj.__reduce_ex__(p)
            r = tuple(x if not hasattr(x, "__next__") else list(x) for x in r)
            return tuple(getattr(x, "__name__", x) for x in r[:1]) + r[1:2] + tuple(x for x in r[2:])
        t(lambda: go()[0])
        t(lambda: len(go()))
    t(lambda: obj.__reduce__()[0].__name__)
t(lambda: object().__reduce_ex__(2)[0].__name__); t(lambda: object().__reduce__()[0].__name__)
t(lambda: pickle.loads(pickle.dumps(C())).y); t(lambda: copy.deepcopy(C()).y); t(lambda: copy.copy(A()).x)
t(lambda: A().__reduce_ex__(2)[1][0].__name__); t(lambda: A().__reduce_ex__(2)[2])
