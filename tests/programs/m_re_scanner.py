# re.Scanner as CPython builds it: phrases parsed one by one (their global inline flags lost, their
# groups numbered on their own), the flags taken as given (ASCII unless re.U), lastindex picks the
# action, and a pattern that takes str and bytes alike
import re

cases = [
    lambda: re.Scanner([("(", "A")]),
    lambda: re.Scanner([("a", "A")], re.L),
    lambda: re.Scanner([("a", "A")], re.A | re.U),
    lambda: re.Scanner([(b"a", "A")]).scan("a"),
    lambda: re.Scanner([(b"a", "A"), ("b", "B")]).scan(b"ab"),
    lambda: re.Scanner([]).scan("a"),
    lambda: re.Scanner([("a", "A")], re.I).scanner.search("xA"),
    lambda: re.Scanner([(b"a", "A")]).scan(b"aab"),
    lambda: re.Scanner([("a(?P<x>b)", "A")]).scanner.groupindex,
    lambda: re.Scanner([("x", "X"), ("(?P<n>y)", "Y"), (r"(z)\1", "ZZ")]).scan("xyzzx"),
    lambda: re.Scanner([("(a)b", "AB"), ("c(d)?", "CD")]).scanner.match("cd").regs,
    lambda: re.Scanner([("(a)b", "AB"), ("c(d)?", "CD")]).scanner.match("ab").regs,
    lambda: re.Scanner([("a", "A"), ("(b)(c)", "B"), ("e", "E")]).scanner.match("bc").groups(),
    lambda: re.Scanner([("a", "A"), ("(b)(c)", "B"), ("e", "E")]).scanner.match("bc").lastindex,
    lambda: re.Scanner([(r"\w+", "W"), (r"\s+", None)]).scan("ab é"),
    lambda: re.Scanner([(r"\w+", "W"), (r"\s+", None)], re.U).scan("ab é"),
    lambda: re.Scanner([(r"(?i)a", "A")]).scan("aA"),
    lambda: re.Scanner([(r"(?x) a  b", "A")]).scan("ab"),
    lambda: re.Scanner([(r"(?u)\w", "A")]).scan("é"),
    lambda: re.Scanner([(r"(?u:\w)", "A")]).scan("é"),
    lambda: re.Scanner([(r"é", "A")], re.I).scan("É"),
    lambda: re.Scanner([(r"é", "A")], re.I | re.U).scan("É"),
    lambda: re.Scanner([(r"a", "A"), (r"", "E")]).scan("ab"),
    lambda: re.Scanner([(r"a|", "A")]).scan("aab"),
    lambda: repr(re.Scanner([("a", "A")], re.I | re.X).scanner),
    lambda: repr(re.Scanner([("a", "A")], re.U).scanner),
    lambda: (re.Scanner([("a", "A")]).scanner.pattern, re.Scanner([("a", "A")]).scanner.flags),
    lambda: re.Scanner([("a", "A"), ("b", "B")]).scanner.groups,
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

sc = re.Scanner([(r"(a)b", lambda s, t: ("AB", t, s.match.groups(), s.match.lastindex)),
                 (r"c(d)?", lambda s, t: ("CD", t, s.match.groups(), s.match.lastindex)), (r"\s+", None)])
print(sc.scan("ab cd c ab x"))
sc = re.Scanner([(r"[a-z]+", lambda s, t: t.upper()), (r"\d+", lambda s, t: int(t)), (" ", None)], re.I)
print(sc.scan("aBc 12 X"), sc.lexicon[0][0])

# lexicon and flags errors
for lexicon, flags in [([(1, "A")], 0), ([(re.compile("a"), "A")], 0), ([("a",)], 0), (["ab"], 0), (5, 0),
                       ([("a", "A", "x")], 0), ([("a", "A")], "x"), ([("a", "A")], 1.5)]:
    try:
        print(re.Scanner(lexicon, flags).scan("ab"))
    except Exception as e:
        print(type(e).__name__, e)
