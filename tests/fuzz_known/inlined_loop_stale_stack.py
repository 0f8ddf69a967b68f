# Known, not fixed: run with --jit-param hot_loop_threshold=1 --jit-param hot_exit_threshold=1
# --jit-param adaptive_warmup=1. CPython prints 'block0 None' twice; pyjit's second call raises
# SystemError (FOR_ITER of the `for j` loop finds no iterator). The `for j` loop is inlined into
# the `for i` loop's trace, and `for j2` runs as a whole inside it (runInnerLoop). The inlined loop's
# head reads the stack values the peel reloaded after runInnerLoop (t61, t62), which another way into
# that head leaves unset. The same happens at the session's first commit (fc319b7), before this
# session's changes.
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
