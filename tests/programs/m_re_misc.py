# re: RegexFlag details, Scanner, template(), the compile cache, subclass arguments
import re

print(sorted(re.RegexFlag.__members__)[:6], len(re.RegexFlag.__members__), re.RegexFlag.__name__)
print(re.RegexFlag.IGNORECASE is re.I, re.I == 2, re.I + 1, isinstance(re.M, int), re.S | re.S)
print(re.I & re.M, repr(re.I & re.M), re.I ^ re.I, bool(re.NOFLAG), hex(re.X), f"{re.I}", "%s" % re.A)
print([f.name for f in (re.A, re.I, re.L, re.U, re.M, re.S, re.X, re.T)], re.U.value, re.DEBUG.value)
print(re.compile("x", re.I | re.M) == re.compile("x", 10), re.compile("x", flags=re.I).flags & re.I)
print(re.__all__[:5], "Scanner" in dir(re), re.__version__)

def ident(scanner, token):
    return ("ID", token)
scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", ident),
    (r"\d+(?:\.\d*)?", lambda s, t: ("NUM", t)),
    (r"[+\-*/=]", lambda s, t: ("OP", t)),
    (r"\s+", None),
])
print(scanner.scan("x = 3.5 * y2 + 10 ?"))
print(re.Scanner([(r"a", "A"), (r"b+", lambda s, t: len(t))]).scan("abbbacd"))

class S(str):
    pass
p = re.compile(S("a+"))
print(type(p.pattern).__name__, p.search(S("baa")), type(p.search(S("baa")).string).__name__)
print(re.sub("a", "b", S("aa")), type(re.sub("a", "b", S("aa"))).__name__, re.findall(S("a"), "aa"))
for i in range(600):
    re.compile("x%d" % i)
print(re.compile("x1").pattern, re.compile("(?i)q").match("Q"))
print(re.match("a", "a").re.pattern, re.search("(a)(b)?", "ab").lastindex)
it = re.finditer(r"\d", "a1b2")
print(next(it).group(), next(it).group(), next(it, "done"), iter(it) is it)
m = re.match(r"(?P<y>\d{4})-(?P<m>\d\d)", "2024-05-17")
print(m.groupdict(), "{0[y]}/{0[m]}".format(m), m["y"], m.span("m"), m.start("y"), m.end(0))
print(re.compile(r"\d+").sub(lambda m: m.group()[::-1], "a123b45"))

# _sre's case helpers (CPython's Python-level compiler calls them) and constants
import _sre
print(_sre.MAGIC, _sre.CODESIZE, _sre.getcodesize(), repr(_sre.copyright))
print(_sre.unicode_iscased(0xdf), _sre.unicode_iscased(0x149), _sre.unicode_tolower(0x130), _sre.ascii_tolower(0xc9))
print(sum(1 for c in range(0x2000) if _sre.unicode_iscased(c)), sum(1 for c in range(200) if _sre.ascii_iscased(c)))
print(_sre.ascii_tolower(65), _sre.ascii_tolower(0x130), _sre.unicode_tolower(0x10400), _sre.unicode_iscased(0x1f600))
for f in [lambda: _sre.ascii_iscased("a"), lambda: _sre.unicode_tolower(-1), lambda: _sre.unicode_tolower(2**31),
          lambda: _sre.unicode_tolower(0x110000), lambda: _sre.unicode_tolower(ch=1), lambda: _sre.unicode_tolower()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
