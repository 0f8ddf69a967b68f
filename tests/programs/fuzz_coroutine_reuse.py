# Found by the runtime mutator (x44_coroutines.py with a 'return' deleted: pyjit looped for ever):
# a finished coroutine raises RuntimeError when resumed (send, throw, next on __await__()), and
# its messages say 'coroutine'; next(it, default) also ends on a StopIteration the iterator raises.
async def add(a, b):
    return a + b
c = add(1, 2)
for k in range(3):
    try:
        c.send(None)
    except StopIteration as e:
        print("stop", e.value)
    except RuntimeError as e:
        print("RuntimeError", e)
def g():
    yield 1
it = g()
for k in range(3):
    try:
        print(it.send(None))
    except StopIteration as e:
        print("stop", e.value)
async def f(): return 1
c=f()
try: c.send(None)
except StopIteration: pass
for op in ("send", "throw", "close"):
    try:
        r = c.send(None) if op=="send" else (c.throw(ValueError("x")) if op=="throw" else c.close()); print(op, r)
    except BaseException as e: print(op, type(e).__name__, e)
c2=f()
try: c2.send(1)
except BaseException as e: print(type(e).__name__, e)
c2.close()
async def g(): raise StopIteration
try: g().send(None)
except BaseException as e: print(type(e).__name__, e)
w = f().__await__()
next(w, None)
try: next(w)
except BaseException as e: print("wrapper", type(e).__name__, e)
def run(coro):
    value = None
    for k in range(5):
        try:
            value = coro.send(value)
        except StopIteration as e:
            print("stopped", e.value)
        except RuntimeError as e:
            print(k, e)
run(f())
