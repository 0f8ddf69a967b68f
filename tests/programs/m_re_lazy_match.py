# re: Match objects made by V8 without group indices (values first, spans found when asked), the
# group lookups by number and name, and the compile cache keyed by the pattern: every way a match
# can be asked for its groups, spans and lastindex, on str, str subclasses, bytes, surrogate pairs
# and patterns that V8 cannot run exactly (pyjit's own matcher then runs them).
import re


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def describe(m):
    if m is None:
        return None
    return (m.group(), m.groups(), m.groupdict(), m.span(), m.lastindex, m.lastgroup, m.regs,
            [m.span(g) for g in range(len(m.groups()) + 1)])


LINE = re.compile(r"(?P<date>\d{4})-(?P<mon>\d\d)(?: user=(?P<user>\w+))?(?P<tail>!)?$")
for s in ["2026-12", "2026-12 user=bob", "2026-12 user=bob!", "x2026-12", "2026-1"]:
    m = LINE.match(s)
    if m is not None:
        # values before any span is asked for
        print(s, m.group("date"), m["mon"], m.group("user"), m.group("tail"), m.group(1, "user", 0),
              m.groups("-"), m.groupdict(0))
    print(s, describe(LINE.match(s)))
    print(s, describe(LINE.search(s)), describe(LINE.fullmatch(s)))

m = LINE.match("2026-12 user=ann")
print(m.lastindex, m.group(3), m.start(3), m.end("user"), m.span(0))
m = LINE.match("2026-12 user=ann")
print(m.span("user"), m.lastgroup, m.group(3))
m = LINE.match("2026-12 user=ann")
print(m.expand(r"\g<user>@\1/\2"), repr(m), m.string, m.re.pattern[:10], m.pos, m.endpos)
for g in [4, 5, -1, "nope", 1.0, None, True, 2 ** 70]:
    show("group(%r)" % (g,), lambda: m.group(g))
show("span(5)", lambda: m.span(5))
show("getitem", lambda: (m[0], m[1], m["user"], m[True]))

print("-- search with pos and endpos")
P = re.compile(r"(a+)(b)?")
for args in [(0,), (2,), (0, 3), (3, 5), (6,), (10,), (-5, 100), (4, 2)]:
    print(args, describe(P.search("xxaab aaa", *args)), describe(P.match("aab aaa", *args)))
W = re.compile(r"(?<=-)(\w)(\w*)")
print(describe(W.search("ab-cd-ef", 3)), describe(W.search("ab-cd-ef", 4)))
print(describe(re.compile(r"^(\w)").search("ab", 1)), describe(re.compile(r"\b(\w)").search("ab", 1)))

print("-- bytes, str subclasses, surrogate pairs")
B = re.compile(rb"(?P<k>\w+)=(?P<v>\d+)?")
for s in [b"key=12", b"key=", b"=1", bytearray(b" ab=7")]:
    print(s, describe(B.search(s)))


class Text(str):
    pass


print(describe(LINE.match(Text("2026-12 user=x"))), type(LINE.match(Text("2026-12")).group(1)).__name__)
E = re.compile(r"(\w)(.)(\w+)?")
for s in ["a\U0001f600bc", "\U0001f600x\U0001f601yz", "é\U0001f600"]:
    print(ascii(s), describe(E.search(s)), describe(E.search(s, 1)), ascii(re.findall(r".", s)))
    m = E.search(s) or E.search("a\U0001f600")
    print(ascii(m.group(2)), m.span(2), ascii(m[3]))

print("-- patterns the own matcher runs")
for pattern, s in [(r"(a)(?(1)b|c)", "ab"), (r"(?>a+)(b)", "aaab"), (r"(a++)(b)?", "aab"), (r"(?P<x>a)(?P=x)", "aa"),
                   (r"(?:(a)|b)+", "ab"), (r"(a)|(b)", "b"), (r"(?i:A)(b)", "ab"), (r"\Z(x)?", "")]:
    show(pattern, lambda: describe(re.search(pattern, s)))

print("-- the compile cache")
print(re.compile("a(b)") is re.compile("a(b)"), re.compile("a(b)") is re.compile("a(b)", 0),
      re.compile("a(b)") is re.compile("a(b)", re.I), re.compile("a(b)", re.I) is re.compile("a(b)", re.I))
first = re.compile("x(y)")
re.purge()
print(first is re.compile("x(y)"), first.pattern == re.compile("x(y)").pattern)
show("bad pattern", lambda: re.compile("a(b"))
show("bad pattern again", lambda: re.match("a(b", "ab"))
print(re.fullmatch(r"[ -~]+", "abc"), re.fullmatch(r"[ -~]+", "ab\n"), re.fullmatch(r"[ -~]+", "abc", re.I))
print(re.match("(a)", "a").group(1), re.search(r"(\d+)", "ab 12").span(1), re.fullmatch("(a)(b)?", "a").groups())
print([m.span(1) for m in re.finditer(r"(\w)\w*", "ab cd ef")], re.sub(r"(\w)(\w)", lambda m: m.group(2) + m[1], "abcd"))

print("-- finditer, the scanner and sub with a function (matches found without group indices)")
for pattern, s in [(r"(\w)(\d)?", "a1 b c3"), (r"(a*)(b)?", "aab ab b"), (r"(?P<w>\w+)@(?P<d>\w+)\.(\w+)", "x@y.com, a@b.org"),
                   (r"(x)?", "axxb"), (r"(\w)(\U0001f600)?", "a\U0001f600 b"), (r"(?<=a)(b)", "abab")]:
    print(pattern, [describe(m) for m in re.finditer(pattern, s)])
    print(pattern, [(m.span(), m.lastindex) for m in re.finditer(pattern, s, 0)],
          [m.groups() for m in re.compile(pattern).finditer(s, 1, len(s) - 1)])
    print(pattern, re.sub(pattern, lambda m: "<%s|%s|%s>" % (m.group(0), m.lastindex, m.span(1)), s),
          re.subn(pattern, lambda m: str(m.groups()), s, count=2))
    sc = re.compile(pattern).scanner(s)
    print(pattern, describe(sc.search()), describe(sc.match()), describe(sc.search()))
it = re.finditer(r"(\d)(\d)", "12 34 56")
first = next(it)
second = next(it)
print(first.group(2), second.span(1), first.span(), second.group(1), list(m.regs for m in it))
print(re.sub(rb"(\d)", lambda m: m.group(1) * 2, b"a1b2"), re.sub(r"(\d)", lambda m: None or "", "a1b2"))
