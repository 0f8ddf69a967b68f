# argparse help and usage: wrapping at COLUMNS (long usage lines, long option names, long help),
# sub-commands (aliases, help, required, dest, set_defaults), argument groups, mutually
# exclusive groups, parents, formatter classes, conflict_handler, fromfile_prefix_chars,
# argument_default, parse_intermixed_args, %(prog)s/%(default)s in help.
import argparse
import contextlib
import io
import os
import tempfile


def run(parser, args, intermixed=False):
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result = (parser.parse_intermixed_args if intermixed else parser.parse_args)(args)
    except SystemExit as e:
        print("exit", e.code)
        print(out.getvalue() + err.getvalue(), end="")
        return None
    print(result)
    return result


def big_parser(prog="big"):
    p = argparse.ArgumentParser(
        prog=prog,
        description="This is a rather long description of the program which has to be "
                    "wrapped over several lines when the terminal is narrow.   Extra   spaces "
                    "are collapsed.",
        epilog="And an epilog that follows %(prog)s's arguments, also long enough to wrap "
               "around at least once or twice.")
    p.add_argument("source", help="where the data comes from")
    p.add_argument("destination", nargs="?", default="out.txt",
                   help="where the data goes (default: %(default)s)")
    p.add_argument("-v", "--verbose", action="count", help="say more; repeat for even more")
    p.add_argument("--a-very-long-option-name-indeed", metavar="VALUE",
                   help="an option whose invocation is longer than the help position")
    p.add_argument("--mode", choices=["fast", "slow", "balanced"], default="fast",
                   help="one of %(choices)s; %(default)s by default")
    p.add_argument("--size", type=int, default=10, help="the size, of type %(type)s")
    p.add_argument("--hidden", help=argparse.SUPPRESS)
    p.add_argument("--tuple", nargs=2, metavar=("X", "Y"), help="two values")
    p.add_argument("--many", nargs="*", metavar="M")
    p.add_argument("--more", nargs="+")
    return p


for columns in ("80", "50", "30"):
    os.environ["COLUMNS"] = columns
    print("=== COLUMNS", columns)
    big_parser().print_help()
    print(big_parser().format_usage(), end="")
os.environ["COLUMNS"] = "80"
print(big_parser("a-program-with-a-really-very-long-name-that-takes-most-of-the-line").format_usage(), end="")

# Groups and mutually exclusive groups.
p = argparse.ArgumentParser(prog="grp")
g = p.add_argument_group("input", "Options about the input.")
g.add_argument("--file")
g.add_argument("--stdin", action="store_true")
m = p.add_mutually_exclusive_group()
m.add_argument("--quiet", action="store_true")
m.add_argument("--loud", action="store_true")
r = p.add_mutually_exclusive_group(required=True)
r.add_argument("--json", action="store_true")
r.add_argument("--xml", action="store_true")
r.add_argument("--hide", action="store_true", help=argparse.SUPPRESS)
p.print_help()
run(p, ["--json", "--quiet"])
run(p, ["--json", "--xml"])
run(p, ["--quiet", "--loud", "--json"])
run(p, ["--quiet"])

# Sub-commands.
p = argparse.ArgumentParser(prog="git")
p.add_argument("--debug", action="store_true")
sub = p.add_subparsers(dest="command", help="sub-command help")
commit = sub.add_parser("commit", aliases=["ci"], help="record changes")
commit.add_argument("-m", "--message", required=True)
commit.set_defaults(func="do_commit")
push = sub.add_parser("push", help="update remote refs")
push.add_argument("remote", nargs="?", default="origin")
push.add_argument("--force", action="store_true")
sub.add_parser("status")
p.print_help()
commit.print_help()
run(p, ["commit", "-m", "msg"])
run(p, ["--debug", "ci", "--message=x"])
run(p, ["push", "--force", "upstream"])
run(p, ["push", "--bogus"])
run(p, ["nope"])
run(p, [])
run(p, ["commit"])
try:
    sub.add_parser("commit")
except argparse.ArgumentError as e:
    print("ArgumentError", e)
run(p, ["--debug", "status", "extra"])

p = argparse.ArgumentParser(prog="tool")
sub = p.add_subparsers(title="commands", description="the available commands", required=True,
                       metavar="CMD")
sub.add_parser("run", help="run it")
sub.add_parser("stop", help="stop it")
p.print_help()
run(p, [])
p = argparse.ArgumentParser(prog="nodest")
sub = p.add_subparsers(required=True)
sub.add_parser("a")
sub.add_parser("b")
run(p, [])
print(p.format_usage(), end="")
try:
    p.add_subparsers()
except SystemExit as e:
    print("exit", e.code)

# Parents, conflict handling, argument_default.
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--parent-opt", default="P")
parent.set_defaults(from_parent=True)
child = argparse.ArgumentParser(prog="child", parents=[parent])
child.add_argument("--own")
run(child, ["--own", "x"])
child.print_help()
c = argparse.ArgumentParser(prog="resolve", conflict_handler="resolve")
c.add_argument("-f", "--foo", help="old foo")
c.add_argument("--foo", help="new foo")
c.print_help()
d = argparse.ArgumentParser(prog="defaults", argument_default=argparse.SUPPRESS)
d.add_argument("--x")
d.add_argument("y", nargs="?")
run(d, [])
run(d, ["--x", "1", "why"])

# Formatter classes.
for cls in (argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter, argparse.MetavarTypeHelpFormatter):
    f = argparse.ArgumentParser(prog=cls.__name__, formatter_class=cls,
                                description="Keep\n   these\n      lines.",
                                epilog="  indented epilog\nsecond line")
    f.add_argument("--num", type=int, default=3, help="a number\n  with a second line")
    f.add_argument("name", type=str, nargs="?", default="N", help="a name")
    f.print_help()

# fromfile_prefix_chars.
tmp = tempfile.mkdtemp()
args_file = os.path.join(tmp, "args.txt")
with open(args_file, "w") as fh:
    fh.write("--name\nfrom file\n")
ff = argparse.ArgumentParser(prog="ff", fromfile_prefix_chars="@")
ff.add_argument("--name")
ff.add_argument("rest", nargs="*")
run(ff, ["@" + args_file, "tail"])
out = io.StringIO()
with contextlib.redirect_stderr(out):
    try:
        ff.parse_args(["@" + os.path.join(tmp, "missing.txt")])
    except SystemExit as e:
        print("exit", e.code, out.getvalue().replace(tmp, "TMP"), end="")

# Intermixed.
im = argparse.ArgumentParser(prog="im")
im.add_argument("--foo")
im.add_argument("cmd")
im.add_argument("rest", nargs="*", type=int)
run(im, ["doit", "1", "--foo", "bar", "2", "3"], intermixed=True)
run(im, ["doit", "1", "--foo", "bar", "2", "3"])
print(im.parse_known_intermixed_args(["x", "--zz", "4"]))
run(im, ["--foo", "x"], intermixed=True)

# usage=, help with %(prog)s, version via parser attribute.
u = argparse.ArgumentParser(prog="custom", usage="%(prog)s [options] FILE", add_help=False)
u.add_argument("-q", action="store_true", help="%(prog)s is quiet")
u.print_help()
run(u, ["-x"])
