# Function definitions: every parameter kind, annotations, defaults, lambdas, async.
def f0(): pass
def f1(a): pass
def f2(a, b=1, *args, c, d=2, **kwargs): pass
def f3(a, /): pass
def f4(a, b=1, /, c=2, *, d, e=3): pass
def f5(*, a): pass
def f6(*args: int, **kwargs: str) -> None: pass
def f7(a: int = 1, b: "str" = "x") -> list[int]:
    return [a]
def f8(a=lambda x=1: x, b=(lambda: 0)): pass
def f9(a, b, /, c, d, *e, f, g, **h): pass
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from range(3)
    z = (yield)
    return x
async def co():
    await x
    await f(1)
    r = await g()
    async for i in aiter():
        pass
    else:
        pass
    async with a as b, c:
        pass
    return [i async for i in aiter() if await i]
@dec
async def co2(): pass
lambda: 0
lambda x: x
lambda x, y=1, *a, z, w=2, **k: 0
lambda *, k: k
lambda a, /, b: a
lambda *a: a
lambda **k: k
(lambda: (yield))
def deep(a, b):
    def deeper(*, c=a + b):
        return lambda d: c + d
    return deeper
class K:
    def method(self, /, x, *, y): return self
    @staticmethod
    def s(): pass
    @classmethod
    async def c(cls): return await cls.x()
