# asyncio: run, tasks, futures, handles, cancellation, current_task/all_tasks, reprs.
import asyncio


def clean(text):
    # Task reprs name this file, whose path differs between machines.
    return text.replace(__file__, "FILE")


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def basics():
    loop = asyncio.get_running_loop()
    print(loop.is_running(), loop.is_closed(), asyncio.get_event_loop() is loop)
    me = asyncio.current_task()
    print(me.get_name(), me.done(), me in asyncio.all_tasks())
    t = asyncio.create_task(add(1, 2))
    print(t.get_name().startswith("Task-"), t.done())
    print(await t, t.done(), t.result(), t.exception(), t.cancelled())
    print(clean(repr(t)))
    t = asyncio.create_task(add(3, 4), name="adder")
    print(t.get_name())
    t.set_name(42)
    print(repr(t.get_name()))
    print(await t)
    t = asyncio.create_task(fail("boom"))
    try:
        await t
    except ValueError as e:
        print("caught", e)
    print(repr(t.exception()), clean(repr(t)))
    try:
        t.result()
    except ValueError as e:
        print("result raises", e)
    for meth in ("set_result", "set_exception"):
        try:
            getattr(t, meth)(1)
        except RuntimeError as e:
            print(type(e).__name__, e)
    try:
        asyncio.create_task(1)
    except TypeError as e:
        print(type(e).__name__, e)
    coro = add(1, 1)
    print(asyncio.iscoroutine(coro), asyncio.iscoroutinefunction(add), asyncio.iscoroutinefunction(print))
    print(await coro)


async def futures_demo():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done(), f.cancelled(), f.get_loop() is loop)
    for meth in (f.result, f.exception):
        try:
            meth()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    f.add_done_callback(lambda fut: print("callback sees", fut.result()))
    loop.call_soon(f.set_result, "hello")
    print(await f)
    await asyncio.sleep(0)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    g = loop.create_future()
    g.set_exception(KeyError("k"))
    print(repr(g), repr(g.exception()))
    try:
        await g
    except KeyError as e:
        print("await raises", repr(e))
    h = loop.create_future()
    try:
        h.set_exception(StopIteration())
    except TypeError as e:
        print(type(e).__name__, e)
    h.set_exception(RuntimeError)
    print(repr(h.exception()))
    c = loop.create_future()
    print(c.cancel("why"), c.cancel(), repr(c), c.cancelled(), c.done())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print(type(e).__name__, e.args)
    cb = loop.create_future()
    cb.add_done_callback(print)
    cb.add_done_callback(print)
    print(cb.remove_done_callback(print), cb.remove_done_callback(print))
    print(asyncio.isfuture(cb), asyncio.isfuture(asyncio.create_task(add(0, 0))), asyncio.isfuture(1))


async def cancellation():
    events = []

    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            events.append(("cancelled", e.args))
            raise
        finally:
            events.append("finally")

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(t.cancel("stop"), t.cancelling(), t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting a cancelled task raises", type(e).__name__)
    print(events, t.cancelled(), t.cancel(), clean(repr(t)))

    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "ignored cancel"

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.uncancel())

    t = asyncio.create_task(add(1, 2))
    t.cancel()
    print("cancel before start:", t.cancelled(), t.done())
    await asyncio.sleep(0)
    print(t.cancelled(), t.done())
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print(type(e).__name__)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


async def handles():
    loop = asyncio.get_running_loop()
    order = []
    h = loop.call_soon(order.append, 1)
    print(h, h.cancelled())
    loop.call_soon(order.append, 2)
    h3 = loop.call_soon(order.append, 3)
    h3.cancel()
    print(h3, h3.cancelled())
    now = loop.time()
    t1 = loop.call_at(now + 0.03, order.append, "later2")
    t2 = loop.call_at(now + 0.02, order.append, "later1")
    t3 = loop.call_at(now + 0.01, order.append, "at")
    print(type(t1).__name__, t1.when() > t2.when() > t3.when(), t1 > t2, t2 < t1)
    await asyncio.sleep(0.05)
    print(order)
    try:
        loop.call_later(None, print)
    except TypeError as e:
        print(type(e).__name__, e)
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"].split(" at ")[0], repr(ctx["exception"]))))
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    print(seen)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print(type(e).__name__, e)


async def main():
    await basics()
    await futures_demo()
    await cancellation()
    await handles()
    return "main done"


print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    asyncio.run(123)
except ValueError as e:
    print(type(e).__name__, e)


async def nested():
    c = add(1, 2)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print(type(e).__name__, e)
    await c

asyncio.run(nested())
print(asyncio.run(add(5, 6), debug=False))


# A pending task's repr shows the line its coroutine is suspended at and what it waits for.
async def two_steps():
    await asyncio.sleep(0)
    await asyncio.sleep(10)


async def pending_reprs():
    t = asyncio.create_task(two_steps(), name="steps")
    print(clean(repr(t)))
    await asyncio.sleep(0)
    print(clean(repr(t)))
    await asyncio.sleep(0)
    print(clean(repr(t)))
    print(t.get_coro().cr_frame.f_lineno, t.get_coro().cr_frame.f_code.co_name)
    t.cancel()
    print(clean(repr(t)))
    await asyncio.sleep(0)
    print(clean(repr(t)), t.get_coro().cr_frame)


asyncio.run(pending_reprs())
