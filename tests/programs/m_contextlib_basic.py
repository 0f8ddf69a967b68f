import sys
from contextlib import (contextmanager, suppress, redirect_stdout, redirect_stderr, ExitStack, closing,
                        nullcontext, ContextDecorator, AbstractContextManager, AsyncExitStack)

log = []


@contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    finally:
        log.append(f"</{name}>")


with tag("a") as v:
    log.append(v)
print(log)


@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)


with swallow():
    raise ValueError("boom")
print("after swallow")
try:
    with tag("b"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e), log[-1])


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@tag("deco")
def decorated(x):
    log.append(f"body {x}")
    return x * 2


log.clear()
print(decorated(3), decorated(4), log)
print(tag.__name__, type(tag("x")).__name__)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed", e)


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


out = Collect()
with redirect_stdout(out) as target:
    print("captured", 42)
    print("more", end="")
print(target is out, "".join(out.parts))
err = Collect()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr("".join(err.parts)))


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False

    def close(self):
        print("close", self.name)


with ExitStack() as stack:
    resources = [stack.enter_context(Resource(n)) for n in "xyz"]
    stack.callback(print, "callback", 1)
    print("inside", [r.name for r in resources])
with closing(Resource("c")) as c:
    print("using", c.name)
with nullcontext(5) as n:
    print("null", n)
with nullcontext() as n:
    print("null", n)

stack = ExitStack()
stack.enter_context(Resource("held"))
moved = stack.pop_all()
stack.close()
print("moving")
moved.close()


def handler(exc_type, exc, tb):
    print("handler saw", exc_type.__name__)
    return True


with ExitStack() as stack:
    stack.push(handler)
    raise ValueError("handled")
print("handled by push")
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("original")
except ZeroDivisionError as e:
    print("chained", type(e.__context__).__name__)
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError", e)


class Timed(ContextDecorator):
    def __enter__(self):
        print("start")
        return self

    def __exit__(self, *exc):
        print("stop")
        return False


@Timed()
def work():
    print("working")


work()


class Mine:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return None


print(issubclass(Mine, AbstractContextManager), isinstance(object(), AbstractContextManager),
      isinstance(ExitStack(), AbstractContextManager))


class AsyncRes:
    async def __aenter__(self):
        print("aenter")
        return "res"

    async def __aexit__(self, *exc):
        print("aexit")


async def main():
    async with AsyncExitStack() as stack:
        r = await stack.enter_async_context(AsyncRes())
        stack.callback(print, "sync callback")
        print("got", r)
    async with nullcontext(7) as v:
        print("async null", v)


coro = main()
try:
    coro.send(None)
except StopIteration:
    print("main done")
