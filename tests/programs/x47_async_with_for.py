class Tick:
    def __await__(self):
        v = yield "tick"
        return v
class AsyncCM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("aenter", self.name)
        await Tick()
        return self
    async def __aexit__(self, t, v, tb):
        print("aexit", self.name, t.__name__ if t else None)
        return self.suppress
class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Tick()
        return self.i
async def main():
    out = []
    async with AsyncCM("a") as cm:
        out.append(cm.name)
    async with AsyncCM("b", True):
        raise ValueError("suppressed")
    try:
        async with AsyncCM("c"):
            raise KeyError("propagated")
    except KeyError as e:
        out.append(repr(e))
    async for i in ARange(3):
        out.append(i)
        if i == 2:
            break
    async for i in ARange(2):
        out.append(i * 10)
    else:
        out.append("else")
    for i in range(2):
        async with AsyncCM(f"loop{i}"):
            if i == 0:
                continue
            return out
def run(coro):
    value = None
    ticks = 0
    while True:
        try:
            value = coro.send(value)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
async def bad():
    async for x in 5:
        pass
try:
    run(bad())
except TypeError as e:
    print(e)
async def bad2():
    async with 5:
        pass
try:
    run(bad2())
except TypeError as e:
    print(e)
