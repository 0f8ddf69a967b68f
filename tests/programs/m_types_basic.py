import types
from types import SimpleNamespace


def f():
    pass


class C:
    def m(self):
        pass


def gen():
    yield 1


async def co():
    pass


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(C().m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType),
      isinstance(gen(), types.GeneratorType), isinstance(f.__code__, types.CodeType))
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
print(types.NoneType, types.EllipsisType, types.NotImplementedType, types.ModuleType, types.MappingProxyType)
print(type(None) is types.NoneType, types.GenericAlias, list[int] == types.GenericAlias(list, int),
      types.UnionType, type(int | str) is types.UnionType)
try:
    raise ValueError
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType))
m = types.ModuleType("mymod")
m.x = 1
print(m.__name__, m.x)
bound = types.MethodType(lambda self, y: (self, y), "obj")
print(bound(2))
mp = types.MappingProxyType({"a": 1})
print(mp["a"], len(mp), list(mp), "a" in mp)
try:
    mp["b"] = 2
except TypeError as e:
    print("TypeError", e)

ns = SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, ns.c, SimpleNamespace(), vars(ns))
print(SimpleNamespace(a=1) == SimpleNamespace(a=1), SimpleNamespace(a=1) == SimpleNamespace(a=2))
del ns.b
print(ns)
try:
    SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)


class NS(SimpleNamespace):
    pass


print(NS(z=1))
rec = SimpleNamespace()
rec.me = rec
print(rec)


def body(ns):
    ns["x"] = 42
    ns["hello"] = lambda self: "hi"


Dyn = types.new_class("Dyn", (C,), {}, body)
print(Dyn.__name__, Dyn.x, Dyn().hello(), Dyn.__mro__[1].__name__)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        d = {"prepared": True}
        d.update(kw)
        return d


meta, ns2, kw = types.prepare_class("X", (), {"metaclass": Meta, "flag": 1})
print(meta.__name__, ns2, kw)
print(types.resolve_bases((int, str)))


class Base:
    pass


class Entry:
    def __mro_entries__(self, bases):
        return (Base,)


print(types.resolve_bases((Entry(), int)))


class WithDyn:
    def __init__(self):
        self._v = 5

    @types.DynamicClassAttribute
    def v(self):
        return self._v


print(WithDyn().v)


@types.coroutine
def legacy():
    yield "step"


async def uses():
    return await legacy()


u = uses()
print(u.send(None))
u.close()
