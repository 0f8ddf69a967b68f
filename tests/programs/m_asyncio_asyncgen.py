# Async generators: async for, comprehensions, __anext__/asend/athrow/aclose, finally blocks,
# errors, flags and types, and the loop closing unfinished ones at shutdown (asyncgen hooks).
import asyncio
import sys
import types
async def ag(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    print("ag done")
async def main():
    g = ag(3)
    print(type(g).__name__, g.__name__, g.ag_running, type(g) is types.AsyncGeneratorType)
    print([x async for x in g])
    async for x in ag(2):
        print("item", x)
    g = ag(5)
    print(await g.__anext__(), await g.asend(None), await anext(g) if 'anext' in dir(__builtins__) else 'n/a')
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed -> StopAsyncIteration")
    async def echo():
        received = None
        while True:
            try:
                received = yield received
            except ValueError as e:
                received = f"caught {e}"
    e = echo()
    print(await e.asend(None), await e.asend("hello"), await e.athrow(ValueError("bad")))
    await e.aclose()
    async def cleanup():
        try:
            yield 1
            yield 2
        finally:
            print("cleanup ran")
    c = cleanup()
    print(await c.__anext__())
    await c.aclose()
    async def ignores():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    i = ignores()
    await i.__anext__()
    try:
        await i.aclose()
    except RuntimeError as err:
        print(type(err).__name__, err)
    print(ag.__code__.co_flags & 0x200, ag.__code__.co_flags & 0x20, ag.__code__.co_flags & 0x80)
    print(ag.__code__.co_flags, main.__code__.co_flags)
    async def fails():
        yield 1
        raise KeyError("in agen")
    try:
        async for x in fails():
            print("got", x)
    except KeyError as err:
        print("KeyError", err)
    try:
        for x in ag(1): pass
    except TypeError as err:
        print(type(err).__name__, err)
asyncio.run(main())

async def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finalized", name)
async def main2():
    async for x in gen("broken loop"):
        break
    g = gen("kept")
    await g.__anext__()
    print("main ends")
asyncio.run(main2())
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(finalizer=1)
except TypeError as e:
    print(e)
try:
    sys.set_asyncgen_hooks(x=1)
except TypeError as e:
    print(e)


async def details():
    async def counter():
        yield 1
        await asyncio.sleep(0)
        yield 2

    g = counter()
    print(repr(g).startswith("<async_generator object details.<locals>.counter at 0x"))
    print(g.ag_frame is not None, g.ag_await, g.ag_code.co_name)
    try:
        await g.asend("early")
    except TypeError as e:
        print(type(e).__name__, e)
    step = g.__anext__()
    print(type(step).__name__, await step)
    try:
        await step
    except RuntimeError as e:
        print(type(e).__name__, e)
    print(await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted", g.ag_frame)
    try:
        await g.athrow(ValueError("late"))
    except StopAsyncIteration:
        print("athrow on a finished generator: StopAsyncIteration")
    print(await g.aclose())

    async def stop_inside():
        yield 1
        raise StopAsyncIteration

    try:
        async for _ in stop_inside():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
    t = type(counter())
    print(t.__name__, [m for m in ("asend", "athrow", "aclose", "__anext__", "__aiter__") if hasattr(t, m)])


asyncio.run(details())
