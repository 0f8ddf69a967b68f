# asyncio.TaskGroup corner cases: outside cancellation, nested groups, errors after the body,
# a child adding a sibling, an empty group, re-entering, a failing child while the body waits.
import asyncio


async def sleeper(label, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{label} done")
        return label
    except asyncio.CancelledError:
        log.append(f"{label} cancelled")
        raise


async def failer(label, steps, exc):
    for _ in range(steps):
        await asyncio.sleep(0)
    raise exc


async def outside_cancel():
    log = []

    async def body():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("a", 1, log))
            tg.create_task(sleeper("b", 1, log))
            await asyncio.sleep(1)

    t = asyncio.create_task(body())
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled", sorted(log), t.cancelled())


async def nested():
    log = []
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sleeper("outer child", 1, log))

            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(sleeper("inner child", 1, log))
                    inner.create_task(failer("inner", 2, KeyError("inner boom")))

            outer.create_task(inner_group())
    except* KeyError as eg:
        print("nested:", repr(eg))
        print([repr(e) for e in eg.exceptions])
    print(sorted(log))


async def after_body():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failer("late", 3, ValueError("after body")))
            tg.create_task(sleeper("slow", 1, log))
        print("not reached")
    except ExceptionGroup as eg:
        print("after body:", eg.exceptions, sorted(log))


async def sibling():
    results = []
    async with asyncio.TaskGroup() as tg:
        async def spawner():
            results.append("spawner")
            tg.create_task(sleeper("sibling", 0, results))

        tg.create_task(spawner())
    print(sorted(results))


async def empty_and_reenter():
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    print("empty group ok", repr(tg))
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)


async def base_exception_child():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failer("exit", 1, SystemExit(3)))
            tg.create_task(sleeper("bystander", 1, []))
    except SystemExit as e:
        print("SystemExit passes through the group:", e.code)


async def many_errors():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(failer(str(i), 1, OSError(i)))
    except* OSError as eg:
        print(sorted(e.args[0] for e in eg.exceptions), eg.message)


async def main():
    await outside_cancel()
    await nested()
    await after_body()
    await sibling()
    await empty_and_reenter()
    await base_exception_child()
    await many_errors()


asyncio.run(main())
