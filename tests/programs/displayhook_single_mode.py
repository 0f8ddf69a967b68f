# An expression statement compiled in 'single' mode (the interactive prompt's) goes through
# sys.displayhook: the default one prints the repr and sets builtins._, a replaced one is called
# instead, and a deleted one is CPython's RuntimeError.
import sys
import builtins

exec(compile("1 + 1", "<s>", "single"))
print(builtins._)
exec(compile("None", "<s>", "single"))
print(builtins._)
sys.displayhook = lambda v: print("hook:", repr(v))
exec(compile("[2] * 2", "<s>", "single"))
del sys.displayhook
try:
    exec(compile("3", "<s>", "single"))
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = sys.__displayhook__
exec(compile("'x' * 3", "<s>", "single"))
print(builtins._)
