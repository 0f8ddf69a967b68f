async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y
c = main()
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            got = yield f"tick {i}"
            print("resumed with", got)
        return "slept"
async def sleeper():
    r = await Sleep(2)
    print("sleeper got", r)
    try:
        await Sleep(1)
    except ValueError as e:
        print("caught thrown", e)
    return "done"
s = sleeper()
print(s.send(None))
print(s.send("a"))
print(s.send("b"))
print(s.throw(ValueError("boom")) if False else "skip")
def run(coro):
    value = None
    while True:
        try:
            value = coro.send(value)
        except StopIteration as e:
            return e.value
print(run(sleeper()))
async def bad():
    await 5
try:
    run(bad())
except TypeError as e:
    print("TypeError:", e)
async def nested():
    async def inner(v):
        return v * 2
    return [await inner(i) for i in range(0)] if False else await inner(21)
print(run(nested()))
co = add(1, 1)
print(repr(co).startswith("<coroutine object add at 0x"))
co.close()
w = add(2, 3).__await__()
try:
    next(w)
except StopIteration as e:
    print("wrapper", e.value)
async def raiser():
    raise KeyError("inside")
try:
    run(raiser())
except KeyError as e:
    print("KeyError", e)
try:
    iter(add(1, 2))
except TypeError as e:
    print("TypeError:", e)
