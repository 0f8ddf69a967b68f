# re: the warnings CPython 3.11 gives (FutureWarning for possible set operations and nested sets,
# DeprecationWarning for non-ASCII group names in bytes patterns, signed or non-ASCII digits in
# group references, re.template and the TEMPLATE flag), those before an error too, and where
# they point (the caller's file)
import re
import warnings


def show(f):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            r = f()
        except Exception as e:
            r = (type(e).__name__, str(e))
    print(r, [(w.category.__name__, str(w.message), w.filename == __file__) for w in caught])


for p in ["[[a]", "[^[a]", "[a[b]", "[a[:b]", "[[:alpha:]]", "[[]", "x[[", "[[-a]", "(?x)[ [a]", "[--a]",
          "[a--]", "[a---b]", "[&&a]", "[a&&]", "[^&&a]", "[]&&a]", "[a||b||c]", "[a~~b]", "[[a]]"]:
    show(lambda: re.compile(p))
for p in [b"(?P<\xe9>a)", b"(?P<\xe9>a)(?P=\xe9)", b"(?P<\xe9>a)(?(\xe9)b)", "(?P<\xe9>a)(?P=\xe9)(?(\xe9)b)",
          b"(?P<a\xb5>x)", b"(?P<\xe9\x80>a)", b"(?P=\x80)", b"(?P=\xe9)", b"(?(\xe9)b)", b"(?P<\xe9>a)(?P<\xe9>b)",
          b"(?P<\xe9>a", r"(a)(?(+1)b)", "(a)(?(\uff11)b)", "(?P<x>a)(?(x)b|c)"]:
    show(lambda: re.compile(p))
for t in [b"\\g<\xe9>", b"\\g<\xe9", b"\\g<a\xb5>", b"\\g<\x80>", b"\\g<\xe9\x80>", b"\\g<-\xe9>", b"\\g<+1>"]:
    show(lambda: re.sub(b"(?P<a\xb5>a)", t, b"ab"))
for t in ["\\g<\u0967>", "\\g<+1>", "\\g< 1 >", "\\g<1_0>", "\\g<+9>"]:
    show(lambda: re.sub("(a)", t, "a"))
m = re.match("(a)", "a")
show(lambda: m.expand("\\g<+1>"))
show(lambda: m.expand("\\g<+1>"))
show(lambda: re.template("a"))
show(lambda: re.compile("a", re.T))
show(lambda: re.Scanner([("[[a]", "A")]).scan("a"))
