# asyncio cancellation details: nested timeouts, outer cancel vs timeout, uncancel counts,
# wait_for with a task that ignores cancellation, shield under cancellation, cancel messages,
# cancelling a task that awaits another task, Condition.wait cancelled, Queue.get cancelled.
import asyncio


async def nested_timeouts():
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout only")
            print("outer continues", asyncio.current_task().cancelling())
    except TimeoutError:
        print("outer timed out (wrong)")
    try:
        async with asyncio.timeout(0.01):
            try:
                async with asyncio.timeout(5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner claimed the outer timeout (wrong)")
    except TimeoutError:
        print("outer timeout reported by the outer block")


async def outside_cancel_inside_timeout():
    async def body():
        async with asyncio.timeout(5):
            await asyncio.sleep(1)

    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    t.cancel("from outside")
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError, not TimeoutError:", e.args)


async def counts():
    async def victim():
        await asyncio.sleep(1)

    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    print(t.cancelling(), t.cancel(), t.cancel("again"), t.cancelling(), t.uncancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)


async def stubborn_wait_for():
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            await asyncio.sleep(0)
            return "finished anyway"

    print(await asyncio.wait_for(stubborn(), 0.01))


async def shielded():
    inner_log = []

    async def work():
        await asyncio.sleep(0.02)
        inner_log.append("inner finished")
        return 7

    inner = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.001)
    except TimeoutError:
        print("timeout while shielded; inner cancelled?", inner.cancelled())
    print(await inner, inner_log)


async def awaiting_task():
    async def child():
        await asyncio.sleep(1)

    async def parent(c):
        await c

    c = asyncio.create_task(child())
    p = asyncio.create_task(parent(c))
    await asyncio.sleep(0)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled; child cancelled too?", c.cancelled(), c.done())
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("child cancelled now", c.cancelled())


async def primitives():
    cond = asyncio.Condition()

    async def waiter():
        async with cond:
            await cond.wait()

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("condition waiter cancelled; lock free:", not cond.locked())
    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g.cancel()
    await asyncio.sleep(0)
    q.put_nowait("item")
    print("queue item kept after cancelled get:", q.get_nowait(), g.cancelled())
    sem = asyncio.Semaphore(0)
    s = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    sem.release()
    print("semaphore value after cancelled acquire:", sem._value, sem.locked())


async def main():
    await nested_timeouts()
    await outside_cancel_inside_timeout()
    await counts()
    await stubborn_wait_for()
    await shielded()
    await awaiting_task()
    await primitives()


asyncio.run(main())
