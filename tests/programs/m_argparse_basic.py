# argparse: parsing (positionals, options, every action, nargs, const, default, type,
# choices, required, dest, metavar), Namespace, errors (usage + "prog: error: ..." on stderr,
# exit status 2), help output, abbreviations, prefix_chars, negative numbers, '--'.
import argparse
import contextlib
import io
import os

os.environ["COLUMNS"] = "80"


def run(parser, args):
    """Parses args and prints the namespace, or what was written and the exit status."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result = parser.parse_args(args)
    except SystemExit as e:
        print("exit", e.code)
        print(out.getvalue() + err.getvalue(), end="")
        return None
    print(result)
    return result


p = argparse.ArgumentParser(prog="prog", description="A test program.")
p.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max,
               help="sum the integers (default: find the max)")
ns = run(p, ["1", "2", "3", "4"])
print(ns.accumulate(ns.integers))
ns = run(p, ["1", "2", "3", "4", "--sum"])
print(ns.accumulate(ns.integers))
run(p, ["a", "b"])
run(p, [])
run(p, ["1", "--bogus"])
run(p, ["-h"])

p = argparse.ArgumentParser(prog="actions")
p.add_argument("--store")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--true", action="store_true")
p.add_argument("--false", action="store_false")
p.add_argument("--append", action="append")
p.add_argument("--append-const", dest="types", action="append_const", const=str)
p.add_argument("--int", dest="types", action="append_const", const=int)
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--extend", action="extend", nargs="+", type=str)
p.add_argument("--version", action="version", version="%(prog)s 2.0")
p.add_argument("--bool", action=argparse.BooleanOptionalAction, default=True, help="a flag")
p.add_argument("--choice", choices=["rock", "paper", "scissors"])
p.add_argument("--number", type=float, default=1.5)
p.add_argument("--opt", nargs="?", const="C", default="D")
p.add_argument("--two", nargs=2, metavar=("A", "B"))
p.add_argument("--star", nargs="*")
run(p, [])
run(p, ["--store", "x", "--const", "--true", "--false", "--append", "1", "--append", "2",
        "--append-const", "--int", "-vvv", "--extend", "a", "b", "--extend", "c", "--no-bool",
        "--choice", "rock", "--number", "2.5", "--opt", "--two", "x", "y", "--star"])
run(p, ["--opt", "val", "--star", "1", "2", "3", "--store=eq", "-v", "--verbose"])
run(p, ["--choice", "lizard"])
run(p, ["--number", "abc"])
run(p, ["--two", "x"])
run(p, ["--store"])
run(p, ["--true=1"])
run(p, ["--version"])
run(p, ["--sto", "abbrev", "--tr"])
run(p, ["--a", "x"])
run(p, ["-h"])

p = argparse.ArgumentParser(prog="pos")
p.add_argument("first")
p.add_argument("maybe", nargs="?", default="dflt")
p.add_argument("rest", nargs="*", type=int)
p.add_argument("-x", type=int)
run(p, ["a"])
run(p, ["a", "b", "1", "2", "-x", "3"])
run(p, ["a", "-x", "3", "b", "1"])
run(p, ["-x", "-5", "a"])
run(p, ["--", "-a", "-b"])
run(p, ["a", "b", "c"])
run(p, [])

p = argparse.ArgumentParser(prog="neg")
p.add_argument("-1", dest="one", action="store_true")
p.add_argument("foo", nargs="?")
run(p, ["-1"])
run(p, ["-2"])

p = argparse.ArgumentParser(prog="plus", prefix_chars="-+")
p.add_argument("+f", action="store_true")
p.add_argument("++bar")
p.add_argument("-q", action="store_true")
run(p, ["+f", "++bar", "Y", "-q"])
run(p, ["-h"])

p = argparse.ArgumentParser(prog="req")
p.add_argument("--needed", required=True)
p.add_argument("pos")
run(p, [])
p = argparse.ArgumentParser(prog="noabbrev", allow_abbrev=False)
p.add_argument("--foobar", action="store_true")
p.add_argument("--foonley", action="store_true")
run(p, ["--foon"])
p = argparse.ArgumentParser(prog="ambig")
p.add_argument("--foobar", action="store_true")
p.add_argument("--foonley", action="store_true")
run(p, ["--foo"])
run(p, ["--foob"])

p = argparse.ArgumentParser(prog="remainder")
p.add_argument("--foo")
p.add_argument("command")
p.add_argument("args", nargs=argparse.REMAINDER)
run(p, ["--foo", "B", "cmd", "--arg1", "XX", "ZZ"])
p = argparse.ArgumentParser(prog="short")
p.add_argument("-a", action="store_true")
p.add_argument("-b", action="store_true")
p.add_argument("-c")
run(p, ["-abcX"])
run(p, ["-ab", "-c", "Y"])
run(p, ["-acZ", "-b"])
run(p, ["-adx"])

print(argparse.Namespace(a=1, b="x") == argparse.Namespace(a=1, b="x"), "a" in argparse.Namespace(a=1))
print(argparse.Namespace(**{"a-b": 1, "c": 2}))
print(repr(argparse.FileType("w")), repr(argparse.FileType("rb", 0, encoding="utf-8")))
pp = argparse.ArgumentParser(prog="x")
print(pp)
print(pp._actions[0])
a = pp.add_argument("--foo", type=int, default=3, help="foo help")
print(a)
print(pp.parse_known_args(["--foo", "4", "extra", "--unknown"]))
print(pp.get_default("foo"))
pp.set_defaults(foo=10, other="o")
print(pp.parse_args([]), pp.get_default("other"))

for bad in [lambda: pp.add_argument("--foo"),
            lambda: pp.add_argument("x", required=True),
            lambda: pp.add_argument("bad", dest="d"),
            lambda: pp.add_argument("--s", action="store", nargs=0),
            lambda: pp.add_argument("--c", const=1),
            lambda: pp.add_argument("--t", type="int"),
            lambda: pp.add_argument("--act", action="nosuch"),
            lambda: pp.add_argument("--m", nargs=2, metavar=("a", "b", "c")),
            lambda: pp.add_argument("-"),
            lambda: pp.add_argument("--ft", type=argparse.FileType),
            lambda: argparse.ArgumentParser(conflict_handler="bogus"),
            lambda: pp.add_argument("x", "y")]:
    try:
        bad()
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__, e)

e = argparse.ArgumentParser(prog="noexit", exit_on_error=False)
e.add_argument("--n", type=int)
try:
    e.parse_args(["--n", "x"])
except argparse.ArgumentError as err:
    print("ArgumentError", err, err.argument_name, err.message)


def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} is not positive")
    return value


t = argparse.ArgumentParser(prog="types")
t.add_argument("n", type=positive)
run(t, ["-3"])
run(t, ["0"])
run(t, ["7"])
