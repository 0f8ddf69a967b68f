# re: the module API, Pattern and Match objects
import re

p = re.compile(r"(?P<word>\w+)\s+(\d+)?")
print(p)
print(p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
print(dict(p.groupindex), p.groupindex["word"])
try:
    p.groupindex["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)

m = p.search("  hello 42 world")
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2), m.group("word"), m.group(1, 2, "word"))
print(m.groups(), m.groupdict(), m.span(), m.span(1), m.start(2), m.end("word"))
print(m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos, m.regs)
print(m[0], m[1], m["word"], m[2])
m2 = p.search("xyz ")
print(m2.groups(), m2.groups("-"), m2.groupdict("?"), m2.span(2), m2.start(2), m2.end(2))
for bad in [3, -1, "nope", 1.5, None]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
print(m.group(True), m.span(False))

# module-level functions and the pattern methods
print(re.match(r"a+", "aaab").group(), re.match(r"b", "ab"), re.fullmatch(r"a+", "aaa"), re.fullmatch(r"a+", "aab"))
print(re.search(r"\d+", "ab12cd345").group(), re.findall(r"\d+", "ab12cd345"), re.findall(r"(\d)(\d)", "1234 56"))
print(re.findall(r"(\d)x?", "1x2"), re.findall(r"(a)|b", "ab"), re.findall(r"", "ab"))
print([m.span() for m in re.finditer(r"\w+", "one two  three")])
print(re.split(r"\s+", " a b  c "), re.split(r"(\s)+", "a b"), re.split(r",", "a,b,c", 1), re.split(r",", "a,b,c", maxsplit=2))
print(re.sub(r"\d", "#", "a1b22"), re.subn(r"\d", "#", "a1b22"), re.sub(r"\d", "#", "a1b22", 2), re.sub(r"\d", "#", "a1b22", count=1))
print(re.escape("1.5*[x]+{y}? a-b|c^$\\"), re.escape("über_ok"))

# pos and endpos
q = re.compile(r"\w")
print(q.match("abc", 1), q.search("abc", 1, 2), q.search("abc", 3), q.fullmatch("abc", 1, 2), q.findall("abcdef", 2, 4))
print([m.span() for m in q.finditer("abcdef", 1, 3)], q.match("abc", pos=2), q.search("abc", endpos=1))
r = re.compile(r"^b|c$")
print(r.search("abc", 1), r.search("abc", 0, 2), r.search("abc", 2), re.compile(r"\bb").search("ab", 1))
print(q.match("abc", -10), q.match("abc", 99), q.search("abc", 1, -3))

# the scanner
sc = re.compile(r"a|b").scanner("abxa")
print(sc.match(), sc.match(), sc.match(), sc.search(), sc.search(), sc.pattern)

# identity, equality, hashing, the cache
print(re.compile("a") is re.compile("a"), re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I))
print(hash(re.compile("x+")) == hash(re.compile("x+")), re.compile(p) is p)
re.purge()
print(re.compile("a").pattern)
import copy
print(copy.copy(p) is p, copy.deepcopy(m) is m)

# reprs
print(re.compile("x" * 300))
print(re.search("x+", "a" + "x" * 100))
print(re.compile(r"a\nb\\'\""), re.compile("a\nb'\"\x00é"), re.compile(b"a\x00\xff"))
print(re.search(b"b+", b"abbc"), re.compile("ab", re.I | re.S), re.compile(b"ab", re.L | re.X))
print(type(p).__name__, type(m).__name__, re.Pattern, re.Match, type(re.finditer("a", "a")).__name__)
print(re.Pattern[str], re.Match[bytes])
for f in (re.Pattern, re.Match):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(bool(re.match("", "")), re.match("a", "b") is None)
print(m.expand(r"<\1|\g<word>|\g<0>|\2>"))

# C-sized arguments: flags are a C int, pos/endpos/count/maxsplit a C ssize_t
p = re.compile("a")
for f in [lambda: p.sub("x", "aaa", 2**70), lambda: p.split("aaa", 2**70), lambda: p.search("a", 2**70),
          lambda: p.search("a", -2**70), lambda: p.search(1, 2**70), lambda: re.compile("a", 2**40),
          lambda: re.compile("(", 2**40), lambda: re.compile("a", 2**31), lambda: re.compile("a", -2**31),
          lambda: re.compile(b"a", (1 << 30) | 2), lambda: re.purge(1), lambda: re.purge(x=1)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
g = re.compile("(?P<x>a)").groupindex
print(g | {}, {"y": 2} | g, type(g | g).__name__)
try:
    g |= {}
except TypeError as e:
    print(type(e).__name__, e)

# read-only members and getsets
p = re.compile("(a)")
m = p.match("a")
for obj, names in ((p, ["pattern", "flags", "groups"]), (m, ["string", "re", "pos", "endpos"])):
    for name in names:
        try:
            setattr(obj, name, 1)
        except AttributeError as e:
            print(name, type(e).__name__, e)
        try:
            delattr(obj, name)
        except AttributeError as e:
            print(name, type(e).__name__, e)
