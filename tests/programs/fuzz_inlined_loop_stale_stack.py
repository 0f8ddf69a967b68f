# Found by the tier fuzzer (with hot_loop_threshold=1, hot_exit_threshold=1, adaptive_warmup=1): the
# `for j` loop is inlined into the `for i` loop's trace, and `for j2` runs as a whole inside it. The
# inlined loop's peel was lowered twice, and its side paths ended in the first lowering's state while the
# loop read the second's stack temporaries: the second call found no iterator (SystemError).
def _clamp(v):
    # Keeps loop-carried values small: big ints wrap, long strings and lists are cut.
    return v
def block0(n, a, b):
    c = -7
    lst = [-2 ** 63, 2 ** 53 + 1, 1]
    d = {}
    for i in range(n // 17 + 1):
        for j in range(12):
            if not ((2 ** 53 + 1 + c) * (a / (b or 1))):
                lst.append(((-2.5 // (c or 0.5)) * b))
                if len(lst) > 12:
                    lst = lst[-6:]
            a = _clamp((min(b, (b <= i)) if type(b) is int else float(pow(2 ** 53 + 1, 2, 1000003))))
            try:
                b = _clamp(b + d.get(j % 5, 1))
            except (ArithmeticError, TypeError, ValueError, AttributeError, IndexError, KeyError, E0) as e:
                pass
            try:
                for j2 in range(3):
                    pass
            except (ArithmeticError, TypeError, ValueError, AttributeError, IndexError, KeyError, E0) as e:
                pass
print("block0", block0(120, float('nan'), 2 ** 31 - 1))
print("block0", block0(50, float('nan'), 1))
