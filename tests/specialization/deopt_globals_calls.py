# Globals and builtins rebound, shadowed and deleted after LOAD_GLOBAL and CALL specialized.
# deopts: LOAD_GLOBAL CALL
import builtins

counter = 1


def read_global():
    return counter


def use_len(x):
    return len(x)


def use_isinstance(x):
    return isinstance(x, int)


def use_abs(x):
    return abs(x)


def use_str(x):
    return str(x)


def helper(a, b=2):
    return a + b


def call_helper(a):
    return helper(a)


def call_helper_all(a):
    return helper(a, 5)


for i in range(40):
    read_global(), use_len("ab"), use_isinstance(i), use_abs(-i), use_str(i), call_helper(i), call_helper_all(i)

# A global is rebound, deleted, re-added.
counter = 2
print(read_global())
del counter
try:
    read_global()
except NameError as e:
    print("NameError", e)
counter = 3
print(read_global())

# A builtin is shadowed by a global, the global deleted, the builtin itself replaced.
len = lambda x: "shadowed len"
print(use_len("ab"))
del len
print(use_len("ab"))
builtins.len = lambda x: "builtins.len replaced"
print(use_len("ab"))
del builtins.len
try:
    use_len("ab")
except NameError as e:
    print("NameError", e)
isinstance = lambda x, t: "shadowed isinstance"
print(use_isinstance(1))
abs = str
print(use_abs(-5))
str = repr
print(use_str("s"))

# The called function is rebound, its defaults and code changed.


def helper(a, b=2, c=3):
    return a * b * c


print(call_helper(2), call_helper_all(2))
helper.__defaults__ = (10, 10)
print(call_helper(2), call_helper_all(2))
helper.__code__ = (lambda a, b=1, c=1: f"new code {a} {b} {c}").__code__
print(call_helper(2), call_helper_all(2))
helper = lambda *args: f"varargs {args}"
print(call_helper(2), call_helper_all(2))


class K:
    def m(self, x):
        return x + 1


def call_bound(f, x):
    return f(x)


k = K()
for i in range(40):
    call_bound(k.m, i)
print(call_bound(k.m, 1), call_bound(lambda x: x * 100, 1), call_bound(print, "printed"))


def gen():
    yield 1


def call_gen(f):
    return f()


for _ in range(40):
    call_gen(K)
print(type(call_gen(K)).__name__, list(call_gen(gen)))
