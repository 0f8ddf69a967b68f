# re: errors, with CPython's messages and positions
import re

def show(pattern, flags=0):
    try:
        re.compile(pattern, flags)
        print(repr(pattern), "ok")
    except re.error as e:
        print(repr(pattern), "error:", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == pattern)
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)

for p in [r"(", r"a)", r"*", r"a**", r"[a", r"[z-a]", r"\q", "\\", r"(?P<1>x)", r"(?P=x)",
          r"(?<=a+)", r"a{3,2}", r"(a\1)", r"\2(a)", r"(?(2)a)", r"(?i", r"a(?i)b", r"(?x", r"(?<=",
          "a\n(b\nc", "ab\ncd\n  [x", "(?x)\n  a\n  (", r"\x4", r"\N{NOT A NAME}", r"\N{EM DASH}",
          r"a{99999999999}", r"(?P<a>x)(?P<a>y)", r"(?(1)a|b|c)", "x" * 600 + "(", r"[\d-z]", r"\777"]:
    show(p)
show(b"(?u)x")
show(b"\\u0041")
show("x", re.LOCALE)
show("x", re.ASCII | re.UNICODE)
show(b"x", re.UNICODE)
show(b"x", re.ASCII | re.LOCALE)

e = re.error("boom")
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno, e.args)
e = re.error("bad", "ab\ncd", 4)
print(e, e.lineno, e.colno, e.args)
e = re.error("bad", b"ab\ncd", 1)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
try:
    raise re.error("x", "y", 0)
except re.error as err:
    print("caught", err)

# argument errors
for call in [lambda: re.compile(1), lambda: re.search("a", 1), lambda: re.search(b"a", "a"),
             lambda: re.search("a", b"a"), lambda: re.compile(re.compile("a"), re.I),
             lambda: re.compile("a").match("a", "1"), lambda: re.sub("a", 1, "a"),
             lambda: re.sub("a", lambda m: 1, "a"), lambda: re.sub("a", b"x", "a"),
             lambda: re.sub(b"a", "x", b"a"), lambda: re.compile("a").search(),
             lambda: re.compile("(a)").match("a").group(5), lambda: re.escape(5),
             lambda: re.sub("(a)", r"\2", "a"), lambda: re.sub("(a)", r"\g<name>", "a"),
             lambda: re.sub("a", r"\g<1", "a"), lambda: re.sub("a", "\\", "a"),
             lambda: re.sub("a", r"\q", "a")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# CPython's parser recurses twice a group: 495 groups deep compile from the top level, 496 do not
for depth in [495, 496]:
    for opener in ["(", "(?:", "(?>"]:
        try:
            p = re.compile(opener * depth + "a" + ")" * depth)
            print(depth, opener, p.groups, p.match("a"))
        except RecursionError as e:
            print(depth, opener, type(e).__name__, e)
