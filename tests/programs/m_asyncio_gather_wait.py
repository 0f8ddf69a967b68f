# asyncio: gather, wait, wait_for, as_completed, shield, sleep results, timeout(), TaskGroup.
import asyncio

log = []


async def work(name, delay, result=None, error=None):
    await asyncio.sleep(delay)
    return finish(name, result, error)


async def steps(name, count, result=None, error=None):
    # Finishes after `count` loop iterations: an order that does not depend on the clock.
    for _ in range(count):
        await asyncio.sleep(0)
    return finish(name, result, error)


def finish(name, result, error):
    log.append(name)
    if error is not None:
        raise error
    return result if result is not None else name


async def gathering():
    print(await asyncio.gather())
    print(await asyncio.gather(steps("a", 5), steps("b", 1), steps("c", 3)))
    print(log)
    try:
        await asyncio.gather(steps("x", 3), steps("y", 1, error=ValueError("y failed")))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.01)
    res = await asyncio.gather(steps("p", 3), steps("q", 1, error=KeyError("q")), return_exceptions=True)
    print(res)
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    coro = work("same", 0)
    print(await asyncio.gather(f, coro, f))
    g = asyncio.gather(work("slow", 1), work("slow2", 1))
    await asyncio.sleep(0)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    g = asyncio.gather(work("s", 1), work("t", 0), return_exceptions=True)
    await asyncio.sleep(0)
    for child in g._children:
        child.cancel("child")
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print("cancelled", type(e).__name__)
    t1 = asyncio.create_task(work("u", 1))
    t2 = asyncio.create_task(steps("v", 2))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0)
    t1.cancel()
    r = await g
    print([type(x).__name__ for x in r], r[1])


async def waiting():
    t1 = asyncio.create_task(steps("w1", 2))
    t2 = asyncio.create_task(steps("w2", 6))
    done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED)
    print(done == {t1}, pending == {t2})
    done, pending = await asyncio.wait([t1, t2])
    print(len(done), len(pending))
    t3 = asyncio.create_task(steps("w3", 2, error=OSError("w3")))
    t4 = asyncio.create_task(work("w4", 0.5))
    done, pending = await asyncio.wait([t3, t4], return_when=asyncio.FIRST_EXCEPTION)
    print(done == {t3}, pending == {t4}, repr(t3.exception()))
    done, pending = await asyncio.wait([t4], timeout=0.01)
    print(len(done), len(pending), t4.done())
    t4.cancel()
    for bad in ([], set()):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            print(type(e).__name__, e)
    try:
        await asyncio.wait([t1], return_when="SOMETIMES")
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        await asyncio.wait(t1)
    except TypeError as e:
        print(type(e).__name__, e)
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)


async def wait_for_demo():
    print(await asyncio.wait_for(work("quick", 0.01), timeout=1))
    print(await asyncio.wait_for(work("none", 0), timeout=None))
    cancelled = []

    async def slow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            cancelled.append("slow was cancelled")
            raise

    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, type(e.__cause__).__name__, cancelled)
    try:
        await asyncio.wait_for(slow(), timeout=0)
    except TimeoutError as e:
        print("timeout 0:", type(e).__name__)
    f = asyncio.get_running_loop().create_future()
    f.set_result(9)
    print(await asyncio.wait_for(f, 0))
    try:
        await asyncio.wait_for(work("err", 0, error=ZeroDivisionError("z")), 1)
    except ZeroDivisionError as e:
        print("inner error passes through:", e)


async def completed_in_order():
    order = []
    aws = [steps("ac3", 5, 3), steps("ac1", 1, 1), steps("ac2", 3, 2)]
    for next_done in asyncio.as_completed(aws):
        order.append(await next_done)
    print(order)
    try:
        for next_done in asyncio.as_completed([steps("fast", 1, 0), work("never", 1)], timeout=0.2):
            print("got", await next_done)
    except asyncio.TimeoutError:
        print("as_completed timed out")
    try:
        asyncio.as_completed(asyncio.sleep(0))
    except TypeError as e:
        print(type(e).__name__, e)


async def shielding():
    inner_done = []

    async def important():
        await asyncio.sleep(0.02)
        inner_done.append(True)
        return "kept"

    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)

    async def waiter():
        return await outer

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled; inner cancelled?", inner.cancelled())
    print(await inner, inner_done)
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    print(asyncio.shield(f) is f)


async def timeouts_demo():
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print(cm.expired(), repr(cm))
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout()", type(e).__name__, cm.expired(), repr(cm))
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() - 1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at in the past")
    async with asyncio.timeout(None) as cm:
        print(cm.when(), repr(cm))
        cm.reschedule(None)
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        async with asyncio.timeout(0.5) as cm:
            cm.reschedule(asyncio.get_running_loop().time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout fired")


async def groups():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(steps("g1", 1, 1))
        b = tg.create_task(steps("g2", 3, 2), name="second")
        print(b.get_name())
    print(a.result(), b.result())
    cancelled = []

    async def victim():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            cancelled.append("victim")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            tg.create_task(steps("f1", 1, error=ValueError("one")))
            tg.create_task(steps("f2", 1, error=TypeError("two")))
            await asyncio.sleep(1)
        print("not reached")
    except* ValueError as eg:
        print("ValueErrors:", eg.exceptions, eg.message)
    except* TypeError as eg:
        print("TypeErrors:", eg.exceptions)
    print(cancelled)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            await asyncio.sleep(0)
            raise KeyError("body")
    except BaseExceptionGroup as eg:
        print(type(eg).__name__, repr(eg))
    tg = asyncio.TaskGroup()
    c = work("unused", 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(type(e).__name__, e)
    c.close()
    print(repr(tg))


async def main():
    await gathering()
    await waiting()
    await wait_for_demo()
    await completed_in_order()
    await shielding()
    await timeouts_demo()
    await groups()
    print(await asyncio.sleep(0, "slept"), await asyncio.sleep(0.001, result=5))


asyncio.run(main())
