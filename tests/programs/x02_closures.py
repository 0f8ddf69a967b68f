def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), adder(10)(2))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(lambda x: x * 2, lambda x: x + 1)(5))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
def deco_with_args(prefix):
    def deco(f):
        def inner(*a, **k):
            return prefix + str(f(*a, **k))
        inner.__name__ = f.__name__
        return inner
    return deco
@deco_with_args(">> ")
@deco_with_args("# ")
def hello(name, punct="!"):
    return "hello " + name + punct
print(hello("bob"), hello("amy", punct="?"), hello.__name__)
def cell_after_def():
    def get():
        return val
    val = 42
    return get()
print(cell_after_def())
def param_cell(a, b):
    def f():
        return a * b
    a = a + 1
    return f()
print(param_cell(2, 3))
print(fib.__qualname__, hello.__qualname__)
def qn():
    def inner():
        pass
    return inner
print(qn().__qualname__, qn().__name__)
