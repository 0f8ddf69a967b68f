# Async comprehensions inside coroutines: await in list/set/dict comprehensions, `async for`
# clauses (first and nested), conditions that await, errors from __anext__, and the compile-time
# errors for async comprehensions outside async functions.
import asyncio


async def double(x):
    await asyncio.sleep(0)
    return x * 2


class Countdown:
    """An async iterator over n, n-1, ..., 1."""

    def __init__(self, n, fail_at=None):
        self.n = n
        self.fail_at = fail_at

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n == self.fail_at:
            raise ValueError(f"failed at {self.n}")
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1


async def main():
    print([await double(x) for x in range(4)])
    print({x: await double(x) for x in "ab"})
    print({await double(x) for x in (1, 1, 2)})
    print([x async for x in Countdown(3)])
    print({x async for x in Countdown(4) if x % 2})
    print({x: [y async for y in Countdown(x)] async for x in Countdown(3)})
    print([(x, y) for x in "ab" async for y in Countdown(2)])
    print([x async for x in Countdown(5) if await double(x) > 4])
    print([[await double(y) for y in range(x)] for x in range(3)])
    print(sum([x async for x in Countdown(10)]))
    try:
        print([x async for x in Countdown(5, fail_at=3)])
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        [x async for x in [1, 2]]
    except TypeError as e:
        print(type(e).__name__, e)
    results = await asyncio.gather(*[double(x) for x in range(3)])
    print(results, [r async for r in Countdown(0)])
    x = "outer"
    print([x async for x in Countdown(1)], x)


asyncio.run(main())


async def generator_expressions():
    g = (x * 2 async for x in Countdown(3))
    print(type(g).__name__, g.__name__)
    print([y async for y in g])
    g2 = (await double(x) for x in range(3))
    print(type(g2).__name__, [y async for y in g2])
    print([y async for y in (x async for x in Countdown(4) if await double(x) > 2)])
    print(sum([z async for z in (a + b async for a in Countdown(2) for b in range(2))]))


asyncio.run(generator_expressions())


def sync_function_makes_async_genexpr():
    return (x async for x in Countdown(2))


print(type(sync_function_makes_async_genexpr()).__name__)

for source in ("def f():\n    return [x async for x in y]\n",
               "def f():\n    return [await x for x in y]\n",
               "[x async for x in y]\n"):
    try:
        compile(source, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
