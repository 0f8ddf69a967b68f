# asyncio: run() cancels leftover tasks, custom awaitables, generator-based coroutines,
# Future subclasses, ensure_future, exceptions through awaits, queue join with workers,
# loop/task bookkeeping, and an uncaught exception leaving asyncio.run.
import asyncio
import types

events = []


async def leftover(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        events.append(f"{name} cancelled at shutdown")
        raise
    finally:
        events.append(f"{name} finally")


async def leaves_tasks():
    asyncio.create_task(leftover("t1"))
    asyncio.create_task(leftover("t2"))
    await asyncio.sleep(0)
    return len(asyncio.all_tasks())


print(asyncio.run(leaves_tasks()), sorted(events))


class Ticket:
    """An awaitable whose __await__ is a generator yielding a future."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(fut.set_result, self.value * 2)
        result = yield from fut
        return result + 1


@types.coroutine
def legacy(n):
    yield
    return n * 10


async def awaitables():
    print(await Ticket(20))
    print(await legacy(4))
    t = asyncio.ensure_future(Ticket(1))
    print(type(t).__name__, await t)
    f = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(f) is f)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print(type(e).__name__, e)
    print(asyncio.iscoroutine(legacy(1)), asyncio.iscoroutinefunction(legacy))
    import functools

    class C:
        async def m(self):
            pass

        @staticmethod
        async def s():
            pass

        @classmethod
        async def c(cls):
            pass

    print(asyncio.iscoroutinefunction(functools.partial(functools.partial(C.s), 1)),
          asyncio.iscoroutinefunction(C().m), asyncio.iscoroutinefunction(C.s),
          asyncio.iscoroutinefunction(C.c), asyncio.iscoroutinefunction(C),
          asyncio.iscoroutinefunction(lambda: 1), asyncio.iscoroutinefunction(None))


class TaggedFuture(asyncio.Future):
    def __repr__(self):
        return "<TaggedFuture " + super().__repr__() + ">"


async def subclassing():
    f = TaggedFuture()
    print(repr(f), isinstance(f, asyncio.Future), asyncio.isfuture(f))
    asyncio.get_running_loop().call_later(0.001, f.set_result, "tagged")
    print(await f, repr(f))
    print(asyncio.Future[int], asyncio.Task[str])


async def exceptions_through_awaits():
    async def inner():
        raise KeyError("deep")

    async def middle():
        try:
            await inner()
        except KeyError as e:
            raise RuntimeError("wrapped") from e

    t = asyncio.create_task(middle())
    for _ in range(2):
        try:
            await t
        except RuntimeError as e:
            print(type(e).__name__, e, repr(e.__cause__))
    lock = asyncio.Lock()
    try:
        async with lock:
            raise ValueError("inside lock")
    except ValueError:
        print("lock released after error:", not lock.locked())
    try:
        await asyncio.sleep(-1)
        print("negative sleep returns at once")
    except ValueError as e:
        print(type(e).__name__, e)


async def workers():
    q = asyncio.Queue()
    handled = []

    async def worker(name):
        while True:
            item = await q.get()
            handled.append((name, item))
            await asyncio.sleep(0)
            q.task_done()

    for i in range(6):
        q.put_nowait(i)
    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await q.join()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(sorted(item for _, item in handled), [type(r).__name__ for r in results])


async def bookkeeping():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print(me.get_loop() is loop, me.get_coro().__qualname__, asyncio.current_task(loop) is me)
    other = asyncio.new_event_loop()
    fut = other.create_future()
    try:
        await fut
    except RuntimeError as e:
        print(type(e).__name__, str(e).split(" got Future")[0].startswith("Task <Task pending"))
    try:
        asyncio.ensure_future(fut, loop=loop)
    except ValueError as e:
        print(type(e).__name__, e)
    other.close()
    done = asyncio.create_task(asyncio.sleep(0))
    await done
    print(done in asyncio.all_tasks(), me in asyncio.all_tasks())


async def stacks():
    import io

    async def inner():
        await asyncio.sleep(1)

    t = asyncio.create_task(inner(), name="stacked")
    print([(f.f_code.co_name, f.f_lineno - inner.__code__.co_firstlineno) for f in t.get_stack()])
    await asyncio.sleep(0)
    print([(f.f_code.co_name, f.f_lineno - inner.__code__.co_firstlineno) for f in t.get_stack()])
    out = io.StringIO()
    t.print_stack(file=out)
    text = out.getvalue().replace(__file__, "FILE").replace(str(inner.__code__.co_firstlineno + 1), "N")
    # (The source line under each frame depends on where the runner keeps this file.)
    print("\n".join(line for line in text.splitlines() if not line.startswith("    ")))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    out = io.StringIO()
    t.print_stack(file=out)
    print(t.get_stack(), out.getvalue().replace(__file__, "FILE").split(" coro=")[0])


async def main():
    await stacks()
    await awaitables()
    await subclassing()
    await exceptions_through_awaits()
    await workers()
    await bookkeeping()


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print(type(e).__name__, e)


async def fails():
    await asyncio.sleep(0)
    raise LookupError("uncaught in asyncio.run")


asyncio.run(fails())
