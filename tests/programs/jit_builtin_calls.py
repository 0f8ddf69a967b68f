# Calls bound by the specializer to one builtin (len, isinstance, type, str, tuple, builtin
# functions, builtin classes, methods of builtin types, list.append) run in traces through the
# builtin's own entry point; each guard must leave the trace when the call site sees another
# callable, and exceptions raised inside the builtins must surface where tier 1 raises them.
import sys


def lengths(items):
    total = 0
    for x in items:
        total += len(x)
    return total


def kinds(items):
    counts = {}
    for x in items:
        if isinstance(x, str):
            counts["str"] = counts.get("str", 0) + 1
        elif isinstance(x, (int, float)):
            counts["num"] = counts.get("num", 0) + 1
        else:
            counts[type(x).__name__] = counts.get(type(x).__name__, 0) + 1
    return sorted(counts.items())


def conversions(n):
    out = []
    for i in range(n):
        out.append(str(i) + "," + repr(float(i) / 4) + "," + str(tuple([i, i + 1])) + str(abs(-i)))
    return out[-3:]


def callable_changes(n):
    # The call site's callable is a local that changes mid-loop: the guard sends the call back.
    f = len
    total = 0
    for i in range(n):
        if i == n // 2:
            f = lambda s: 100
        total += f("abcd")
    return total


def builtin_raises(words):
    good = bad = 0
    for w in words:
        try:
            good += int(w)
        except ValueError as e:
            bad += 1
            last = str(e)
    return good, bad, last


def appends(n):
    class Tracked(list):
        def append(self, v):
            super().append(v * 10)

    a = []
    b = Tracked()
    for i in range(n):
        target = a if i % 50 else b
        target.append(i)
    return len(a), sum(a), len(b), sum(b)


def methods(words):
    out = []
    for w in words:
        out.append(w.upper().replace("A", "4").strip("-").split(",")[0].zfill(6))
    return out[:3], out[-2:]


def frame_reader(n):
    lines = set()
    for i in range(n):
        lines.add(sys._getframe(0).f_lineno)
    return sorted(lines)


def helper(s):
    return len(s) + s.count("a")


def calls_in_calls(words):
    total = 0
    for w in words:
        total += helper(w)
    return total


def huge_len(n):
    r = range(2**60 + 1)
    t = 0
    for _ in range(n):
        t = len(r)
    return t


def len_error(items):
    seen = 0
    for x in items:
        seen += len(x)
    return seen


words = ["alpha", "beta-", "gamma,delta", "a", "", "banana"] * 200
print(lengths(words), lengths([[1, 2], (3,), {4: 5}, "xyz"] * 300))
print(kinds(words + [1, 2.5, None, [1], (2,), {3}] * 100))
print(conversions(300))
print(callable_changes(400))
print(builtin_raises(["1", "22", "x", "333"] * 150))
print(appends(400))
print(methods(words))
print(frame_reader(300))
print(calls_in_calls(words))
print(huge_len(300))
try:
    len_error(["ab"] * 300 + [5])
except TypeError as e:
    print("TypeError:", e)
