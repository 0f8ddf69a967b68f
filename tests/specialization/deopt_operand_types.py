# Operand types change after the instructions specialized: every variant's guard must catch it.
# deopts: BINARY_OP COMPARE_OP BINARY_SUBSCR STORE_SUBSCR CONTAINS_OP POP_JUMP_IF_FALSE FOR_ITER UNPACK_SEQUENCE


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


def less(a, b):
    return a < b


def first(seq, i):
    return seq[i]


def store(container, key, value):
    container[key] = value
    return container


def has(item, container):
    return item in container


def truthy(x):
    if x:
        return "yes"
    return "no"


def total(it):
    t = 0
    for v in it:
        t += v
    return t


def swap(pair):
    a, b = pair
    return b, a


for i in range(40):
    add(i, 1), mul(i, 3), div(i, 2), less(i, 5), first([1, 2, 3], 1), store([0, 0], 1, i)
    has(i, {1, 2}), truthy(i), total([1, 2]), swap((1, 2))

# int → float, str, list, bigint overflow, bool, user type
print(add(1.5, 2), add("a", "b"), add([1], [2]), add(2**52, 2**52), add(True, True))
print(add(9007199254740991, 1), mul(3037000500, 3037000500), mul(-0, 5), mul(2**40, 2**40))
print(div(1, 3), div(7.5, 2), div(2**60, 3))
print(less(1.5, 2), less("a", "b"), less((1, 2), (1, 3)), less(2**70, 1))
print(first((4, 5, 6), 1), first("xyz", -1), first({"k": 9}, "k"), first([1, 2, 3], -1))
try:
    first([1, 2, 3], 7)
except IndexError as e:
    print("IndexError", e)
try:
    first({"k": 9}, "missing")
except KeyError as e:
    print("KeyError", e)
print(store({}, "a", 1), store([1, 2], -1, 5))
try:
    store([1, 2], 5, 0)
except IndexError as e:
    print("IndexError", e)
print(has(1, {1: 2}), has("a", "abc"), has(3, [1, 2, 3]), has(1, frozenset([1])))
print(truthy([]), truthy([0]), truthy(""), truthy("s"), truthy(None), truthy(0.0), truthy({}))
print(total(range(5)), total((1, 2, 3)), total(x * x for x in range(4)), total({1: 0, 2: 0}))
print(swap([1, 2]), swap("ab"), swap(iter((7, 8))))
try:
    swap((1, 2, 3))
except ValueError as e:
    print("ValueError", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.v)

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"Num({self.v})"


print(add(Num(1), Num(2)), add(Num(1), 5), add(5, Num(1)), less(Num(1), Num(2)))
for i in range(40):
    add(Num(i), Num(1))
print(add(Num(1), 2), add(Num(3), Num(4)))


class Sub(Num):
    def __radd__(self, other):
        return "reflected first"


print(add(Num(1), Sub(2)))
