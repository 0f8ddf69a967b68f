# Index and size arguments converted as CPython converts them: within C's ssize_t an int beyond
# any length is simply out of range; beyond it, OverflowError or IndexError with CPython's messages.
import time


def attempt(expr):
    try:
        value = eval(expr)
    except (OverflowError, IndexError, ValueError, TypeError) as e:
        print(f"{expr:40} -> {type(e).__name__}: {e}")
    else:
        print(f"{expr:40} -> {value!r}")


for expr in [
    "[].insert(2**100, 1)",
    "[1].insert(2**63, 0)",
    "[1].insert(-2**63 - 1, 0)",
    "[1].pop(2**100)",
    "[1].pop(2**62)",
    "[1].pop(-2**63 - 1)",
    "'abc'[2**100]",
    "'abc'[2**60]",
    "'abc'[2**100:]",
    "[1, 2][2**100]",
    "[1][2**62]",
    "[1][-2**63]",
    "[1][-2**63 - 1]",
    "(1, 2)[2**100]",
    "b'abc'[2**100]",
    "bytes(range(256))[2**63]",
    "[1, 2].__getitem__(2**100)",
    "[].__setitem__(2**100, 1)",
    "[1, 2, 3].index(2, 2**100)",
    "[1, 2].index(1, 0, 2**100)",
    "(1, 2).index(1, -2**100)",
    "'abc'.find('b', 2**100)",
    "'abc'.index('a', -2**100, 2**100)",
    "'abc'.count('a', 2**100)",
    "'abc'.split('b', 2**100)",
    "'abc'.split(None, 2**63)",
    "'abc'.replace('a', 'b', 2**63)",
    "b'abc'.split(b'b', 2**63)",
    "bytearray(b'x').insert(2**100, 1)",
    "bytearray(b'xy').pop(2**100)",
    "len(range(2**100))",
    "len(range(2**62))",
    "len(range(2**63))",
    "range(2**100)[2**99]",
    "range(10)[2**100]",
    "range(2**64)[2**63]",
    "[].__mul__(2**100)",
    "''.__mul__(2**100)",
    "[1].__rmul__(2**63)",
]:
    attempt(expr)


class Huge:
    def __len__(self):
        return 2**62 + 1


class TooHuge:
    def __len__(self):
        return 2**63


print(len(Huge()), bool(Huge()))
attempt("len(TooHuge())")

import io
with open("/dev/null", "rb") as f:
    for stream in [f, io.BytesIO(b"abc"), io.StringIO("abc")]:
        for size in [2**63, 2**100, -2**100]:
            try:
                stream.read(size)
            except OverflowError as e:
                print("read", type(e).__name__, e)
        print(stream.read(3))

# time.sleep: durations must fit a 64-bit count of nanoseconds.
for arg in [10**20, 10**10, 2**63, -10**20, 1e10, 9.3e9, 1e300, float("inf"), float("-inf"), -1e300,
            -1, -1.5, float("nan"), "x", None]:
    try:
        time.sleep(arg)
    except (OverflowError, ValueError, TypeError) as e:
        print(f"sleep({arg!r}) -> {type(e).__name__}: {e}")
time.sleep(0)
time.sleep(-0.0)
time.sleep(True and 0)
print("slept")
