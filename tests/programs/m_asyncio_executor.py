# asyncio over concurrent.futures: run_in_executor (default and given executors), to_thread,
# wrap_future of a future finished later, and the errors.
import asyncio
import concurrent.futures
import threading


def blocking(x):
    return x * 10, threading.current_thread().name.startswith("asyncio")


def boom():
    raise KeyError("k")


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 4))
    with concurrent.futures.ThreadPoolExecutor() as pool:
        print(await loop.run_in_executor(pool, blocking, 5))
    print(await asyncio.to_thread(blocking, 6))
    try:
        await asyncio.to_thread(boom)
    except KeyError as e:
        print("KeyError", e)
    results = await asyncio.gather(*(asyncio.to_thread(pow, 2, i) for i in range(5)))
    print(results)
    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    print(wrapped.done())
    cf.set_result("later")
    print(await wrapped)
    try:
        asyncio.wrap_future(42)
    except AssertionError as e:
        print("AssertionError", e)
    try:
        loop.set_default_executor(object())
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
