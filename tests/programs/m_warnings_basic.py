# warnings: warn (stacklevel, categories, Warning instances), the registry and the actions
# (default, once, module, always, error, ignore), filters, catch_warnings, showwarning and
# formatwarning replacement, warn_explicit, error messages.
import io
import os
import sys
import warnings

# Everything printed (stdout and stderr) is collected, and the directory of this file removed.
buffer = io.StringIO()
real_stdout, real_stderr = sys.stdout, sys.stderr
sys.stdout = sys.stderr = buffer

print(warnings.filters)
print(warnings.defaultaction, warnings.onceregistry)


def f():
    warnings.warn("hello")


def deeper():
    warnings.warn("from deeper", stacklevel=2)


f()
f()  # the same place: shown once (action "default")
deeper()
warnings.warn("x", DeprecationWarning)  # shown in __main__
warnings.warn("pending", PendingDeprecationWarning)  # ignored by default
warnings.warn("y", stacklevel=50)
warnings.warn(UserWarning("an instance"))
warnings.warn(RuntimeWarning("instance wins"), UserWarning)
for i in range(3):
    warnings.warn("in a loop")
print(sorted(k for k in __warningregistry__ if k != "version"), __warningregistry__["version"])

print(warnings.formatwarning("m", UserWarning, "file.py", 3), end="")
print(warnings.formatwarning("m", UserWarning, "file.py", 3, "  some line  "), end="")
print(str(warnings.WarningMessage("m", UserWarning, "f", 1)))
for category in (int, 3, "s"):
    try:
        warnings.warn("a", category)
    except TypeError as e:
        print(type(e).__name__, e)

# Actions.
warnings.simplefilter("once")
warnings.warn("same")
warnings.warn("same")
warnings.resetwarnings()
print(warnings.filters)
warnings.simplefilter("module")
warnings.warn("m1")
warnings.warn("m1")
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always shown")
warnings.simplefilter("ignore", UserWarning)
warnings.warn("not shown")
warnings.warn("a runtime warning", RuntimeWarning)
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", type(e).__name__, e)
warnings.filterwarnings("error", "boom.*")
try:
    warnings.warn("BOOM here")
except UserWarning as e:
    print("raised", type(e).__name__, e)
warnings.filterwarnings("error", module="__main__", category=SyntaxWarning, lineno=0)
warnings.filterwarnings("ignore", "spam", append=True)
print(warnings.filters[:2], warnings.filters[-1])
warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
try:
    warnings.warn("q")
except RuntimeError as e:
    print(e)
warnings.resetwarnings()

for bad in [lambda: warnings.simplefilter("bad"),
            lambda: warnings.filterwarnings("ignore", message=3),
            lambda: warnings.filterwarnings("ignore", category=3),
            lambda: warnings.filterwarnings("ignore", category=int),
            lambda: warnings.filterwarnings("ignore", module=1),
            lambda: warnings.simplefilter("ignore", lineno=-1)]:
    try:
        bad()
    except AssertionError as e:
        print("AssertionError", e)

# catch_warnings.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("a")
    warnings.warn("b", RuntimeWarning)
    print(len(w), w[0].message, w[0].category, w[0].lineno, repr(w[0].message))
    print(str(w[1]))
print(warnings.catch_warnings(), warnings.catch_warnings(record=True))
c = warnings.catch_warnings()
try:
    c.__exit__()
except RuntimeError as e:
    print(e)
c.__enter__()
try:
    c.__enter__()
except RuntimeError as e:
    print(e)
c.__exit__()
with warnings.catch_warnings(action="error", category=RuntimeWarning):
    try:
        warnings.warn("rw", RuntimeWarning)
    except RuntimeWarning as e:
        print("caught", e)
print(warnings.filters == [], len(warnings.filters))

# Replacing showwarning and formatwarning.
def my_show(message, category, filename, lineno, file=None, line=None):
    print("SHOW:", repr(message), category.__name__, os.path.basename(filename), lineno, file, line)


saved = warnings.showwarning
warnings.showwarning = my_show
warnings.simplefilter("always")
warnings.warn("custom")
warnings.showwarning = saved
saved_format = warnings.formatwarning
warnings.formatwarning = lambda m, c, f, l, line=None: f"[{c.__name__}] {m}\n"
warnings.warn("formatted")
warnings.formatwarning = saved_format

# warn_explicit.
warnings.warn_explicit("ex", UserWarning, "zz.py", 4)
reg = {}
warnings.resetwarnings()
warnings.warn_explicit("ex", UserWarning, "zz.py", 4, registry=reg)
warnings.warn_explicit("ex", UserWarning, "zz.py", 4, registry=reg)
print(reg)
warnings.warn_explicit("ex2", UserWarning, "zz.py", 5, module="mm", registry=None)
warnings.warn_explicit(Warning("inst"), UserWarning, "zz.py", 6)
try:
    warnings.warn_explicit("ex", UserWarning, "zz.py", 4, registry=[])
except TypeError as e:
    print(e)

sys.stdout, sys.stderr = real_stdout, real_stderr
print(buffer.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ""), end="")
