# traceback: format_exc, format_exception(_only), extract_tb/stack, StackSummary, FrameSummary,
# TracebackException, chained exceptions, carets, exception groups, notes, limits.
import io
import os
import sys
import traceback

# Everything printed is collected, and the directory of this file removed from it at the end
# (file names in tracebacks are absolute).
real_stdout, sys.stdout = sys.stdout, io.StringIO()


def fail(x):
    return x / 0


def outer(x):
    return fail(x) + 1


def show(lines):
    for line in lines:
        print(line, end="")
    print("--")


try:
    outer(1)
except ZeroDivisionError:
    print(traceback.format_exc(), end="")
    print("--")
    print(traceback.format_exc(limit=1), end="")
    print("--")
    print(traceback.format_exc(limit=-1), end="")
    print("--")
    etype, value, tb = sys.exc_info()
    show(traceback.format_exception(etype, value, tb))
    show(traceback.format_exception(value))
    show(traceback.format_exception_only(etype, value))
    show(traceback.format_tb(tb))
    entries = traceback.extract_tb(tb)
    print(type(entries).__name__, len(entries))
    for fs in entries:
        print(repr(fs), fs.filename, fs.lineno, fs.name, repr(fs.line), fs.colno, fs.end_colno)
        print(tuple(fs), fs[2], len(fs))
    show(traceback.format_list(entries))
    show(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 4, "g", None)]))
    print([f.name for f in traceback.walk_tb(tb) and [fr for fr, _ in traceback.walk_tb(tb)]
           and traceback.extract_tb(tb)])
    print([lineno for _, lineno in traceback.walk_tb(tb)])


# Chained exceptions: cause, context, suppressed context.
def chained(kind):
    try:
        {}["key"]
    except KeyError as e:
        if kind == "cause":
            raise ValueError("bad value") from e
        if kind == "none":
            raise ValueError("no context") from None
        raise ValueError("during handling")


for kind in ("cause", "context", "none"):
    try:
        chained(kind)
    except ValueError as e:
        show(traceback.format_exception(e))
        show(traceback.format_exception(e, chain=False))

# Carets: binary operators, subscripts, calls, whole-line spans.
def carets(which):
    a = [1, 2]
    d = {"x": 1}
    if which == 0:
        return a[5]
    if which == 1:
        return d["y"] + 1
    if which == 2:
        return 1 + "s"
    if which == 3:
        return len(5)
    if which == 4:
        return int("z")
    return a   [ 9 ]


for i in range(6):
    try:
        carets(i)
    except Exception as e:
        show(traceback.format_exception(e))

# Exception groups and notes.
try:
    raise ExceptionGroup("group", [ValueError("a"), TypeError("b"),
                                   ExceptionGroup("inner", [KeyError("k")])])
except ExceptionGroup as eg:
    show(traceback.format_exception(eg))

e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nnote")
show(traceback.format_exception_only(e))
e.__notes__ = 42
print(traceback.format_exception_only(e))


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no")


print(traceback.format_exception_only(BadStr()))
print(traceback.format_exception_only(None))
for args in [(1,), (ValueError, 1)]:
    try:
        traceback.format_exception(*args)
    except Exception as x:
        print(type(x).__name__, x)

# SyntaxError formatting.
try:
    compile("x = (1,\n  2 +", "f.py", "exec")
except SyntaxError as s:
    show(traceback.format_exception_only(s))
show(traceback.format_exception_only(SyntaxError("msg")))
show(traceback.format_exception_only(SyntaxError("msg", ("fn", 3, 4, "  abc def\n", 3, 7))))


# Stacks.
def level2():
    stack = traceback.extract_stack()
    print([f.name for f in stack][-3:])
    print([f.name for f in traceback.extract_stack(limit=2)])
    print([f.name for f in traceback.StackSummary.extract(traceback.walk_stack(None))][:3])
    show(traceback.format_stack()[-2:])
    traceback.print_stack(limit=1, file=sys.stdout)


def level1():
    level2()


level1()

# TracebackException directly.
try:
    outer(2)
except ZeroDivisionError as e:
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type.__name__, len(te.stack), te.__cause__, te.__context__)
    show(te.format())
    show(te.format_exception_only())
    te.print(file=sys.stdout)
    te2 = traceback.TracebackException(type(e), e, e.__traceback__, limit=1)
    show(te2.format())
    print(te == traceback.TracebackException.from_exception(e))
    traceback.print_exc(file=sys.stdout)
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exception(type(e), e, e.__traceback__, limit=1, file=sys.stdout)
    traceback.print_tb(e.__traceback__, file=sys.stdout)
    traceback.print_list(traceback.extract_tb(e.__traceback__), file=sys.stdout)


# Recursion: repeated lines elided.
def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    return recurse(n - 1)


try:
    recurse(10)
except RecursionError as e:
    show(traceback.format_exception(e))

try:
    traceback.print_last()
except ValueError as e:
    print(e)
print(traceback.format_exception_only(KeyError, KeyError("x")))
fs = traceback.FrameSummary("f", 1, "n", line="x")
print(fs == ("f", 1, "n", "x"), fs.line, fs.locals)
fs = traceback.FrameSummary("f", 1, "n", locals={"a": [1]}, line="  y  ")
print(fs.locals, repr(fs.line), traceback.StackSummary.from_list([fs]).format())

text = sys.stdout.getvalue()
sys.stdout = real_stdout
print(text.replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ""), end="")
