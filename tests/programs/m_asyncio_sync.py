# asyncio: Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, Queue, LifoQueue,
# PriorityQueue, producer/consumer, and the loop API outside asyncio.run.
import asyncio


def state(obj):
    # The bracketed part of a lock's repr (the rest holds an address).
    text = repr(obj)
    return type(obj).__name__ + " " + text[text.index("["):]


async def locks():
    lock = asyncio.Lock()
    print(state(lock), lock.locked())
    order = []

    async def user(name, hold):
        async with lock:
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")

    await asyncio.gather(user("a", 0.01), user("b", 0), user("c", 0))
    print(order)
    print(await lock.acquire(), state(lock))
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, e)

    async def holder():
        async with lock:
            await asyncio.sleep(0.02)

    t = asyncio.create_task(holder())
    await asyncio.sleep(0)
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(state(lock))
    w.cancel()
    await t
    await asyncio.sleep(0)
    print(state(lock), t.done())


async def events():
    ev = asyncio.Event()
    print(state(ev), ev.is_set())
    got = []

    async def waiter(i):
        await ev.wait()
        got.append(i)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(state(ev))
    ev.set()
    await asyncio.gather(*tasks)
    print(got, state(ev), await ev.wait())
    ev.clear()
    print(ev.is_set())


async def conditions():
    cond = asyncio.Condition()
    items = []
    out = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            out.append((i, items.pop()))

    tasks = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(state(cond))
    for n in range(3):
        async with cond:
            items.append(n)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print(out)
    try:
        cond.notify()
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print(type(e).__name__, e)
    woken = []

    async def sleeper(i):
        async with cond:
            await cond.wait()
            woken.append(i)

    tasks = [asyncio.create_task(sleeper(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(woken)
    shared = asyncio.Lock()
    c2 = asyncio.Condition(shared)
    async with shared:
        print(c2.locked())


async def semaphores():
    sem = asyncio.Semaphore(2)
    print(state(sem))
    active = []
    peak = []

    async def job(i):
        async with sem:
            active.append(i)
            peak.append(len(active))
            await asyncio.sleep(0.01)
            active.remove(i)

    await asyncio.gather(*(job(i) for i in range(5)))
    print(max(peak), state(sem))
    sem.release()
    print(state(sem))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(type(e).__name__, e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    print(state(b), b.locked())
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(type(e).__name__, e)
    zero = asyncio.Semaphore(0)
    print(zero.locked())
    try:
        await asyncio.wait_for(zero.acquire(), 0.01)
    except asyncio.TimeoutError:
        print("semaphore acquire timed out")


async def barriers():
    barrier = asyncio.Barrier(3)
    print(state(barrier), barrier.parties, barrier.n_waiting, barrier.broken)
    results = []

    async def party(i):
        await asyncio.sleep(0.01 * i)
        index = await barrier.wait()
        results.append((i, index))

    await asyncio.gather(*(party(i) for i in range(3)))
    print(sorted(i for i, _ in results), sorted(index for _, index in results), state(barrier))
    await barrier.abort()
    print(barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(type(e).__name__, e)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(type(e).__name__, e)


async def queues():
    q = asyncio.Queue(maxsize=2)
    print(str(q), q.maxsize, q.empty(), q.full(), q.qsize())
    await q.put(1)
    q.put_nowait(2)
    print(str(q), q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print(type(e).__name__, repr(e))
    print(await q.get(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e).__name__, repr(e))
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print(type(e).__name__, e)
    await q.join()
    processed = []

    async def producer():
        for i in range(5):
            await q.put(i)
            processed.append(f"put {i}")
        await q.put(None)

    async def consumer():
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            processed.append(f"got {item}")
            await asyncio.sleep(0)

    await asyncio.gather(producer(), consumer())
    await q.join()
    print(processed)
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for item in (3, 1, 2):
        lq.put_nowait(item)
        pq.put_nowait((item, str(item)))
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])
    print(str(lq), str(pq))
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(str(q))
    getter.cancel()
    await asyncio.sleep(0)
    print(str(q), getter.cancelled())
    try:
        await asyncio.wait_for(q.get(), timeout=0.01)
    except asyncio.TimeoutError:
        print("get timed out")
    print(asyncio.Queue[int])


async def main():
    await locks()
    await events()
    await conditions()
    await semaphores()
    await barriers()
    await queues()


asyncio.run(main())

# The loop API directly.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop, loop.is_running(), loop.get_debug())


async def compute():
    return 42


print(loop.run_until_complete(compute()))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, "from call_later")
print(loop.run_until_complete(fut))
loop.call_soon(print, "ran before stop")
loop.call_soon(loop.stop)
loop.run_forever()
print("after run_forever")
fut = loop.create_future()
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print(type(e).__name__, e)


async def inside():
    try:
        loop.run_until_complete(compute())
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        loop.close()
    except RuntimeError as e:
        print(type(e).__name__, e)


loop.run_until_complete(inside())
try:
    loop.run_until_complete(5)
except TypeError as e:
    print(type(e).__name__, e)
loop.close()
loop.close()
print(loop.is_closed())
for action in (lambda: loop.call_soon(print), lambda: loop.run_forever(), lambda: loop.create_task(compute())):
    try:
        action()
    except RuntimeError as e:
        print(type(e).__name__, e)
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(type(e).__name__, e)
with asyncio.Runner() as runner:
    print(runner.run(compute()), runner.get_loop().is_closed())
    print(runner.run(asyncio.sleep(0, "second run")))
try:
    runner.run(compute())
except RuntimeError as e:
    print(type(e).__name__, e)
