# A builtin a hot loop calls is shadowed by a global, then the global is deleted, while the loop's
# traces are recorded and recorded again (found by the differential fuzzer): the site specialized
# for the global and then for the builtin again, and a trace compiled from a recording made before
# read the builtin through the global's cache cells. Each call must reach what the name means then.
class V0:
    def __init__(self, x):
        self.x = x


def make_closure(z):
    def inner(q):
        return z if q % 3 else -z
    return inner


def gen_values(n, v):
    for q in range(n):
        yield v
        v = 1e308


G = 0


def shadow_abs():
    global abs
    abs = lambda v: 7


def unshadow_abs():
    global abs
    del abs


def block(n, a):
    c = 2 ** 31 - 1
    o = V0(-3)
    clo = make_closure(3.0)
    seen = []
    for i in range(n):
        try:
            for g in gen_values(i % 5, (i + i)):
                c = c + g
        except TypeError as e:
            print("TypeError in the generator at", i, e)
        a = clo(divmod(o.x, -3)[0])
        try:
            if i == 76:
                unshadow_abs()
            a = abs(a) + G
        except TypeError as e:
            print("TypeError at", i, e)
        seen.append(a)
        if i == 45:
            shadow_abs()
    return a, c, seen[44:48], seen[75:79], seen[-2:]


print(block(250, 1e308))
