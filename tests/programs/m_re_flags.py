# re: flags, RegexFlag, inline and scoped flags
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.DEBUG, re.NOFLAG)
print(repr(re.I | re.M), str(re.I | re.M), int(re.I | re.S), re.I | 1024, ~re.I & 0x1ff)
print(re.IGNORECASE.value, re.RegexFlag.MULTILINE, re.RegexFlag(2), re.RegexFlag(10), type(re.I).__name__)
print(re.I in (re.I | re.M), list(re.I | re.M), re.I.name, (re.I | re.M).name)
print(re.compile("a", re.I | re.M).flags, re.compile("a").flags, re.compile(b"a").flags, re.compile("a", re.A).flags)
print(re.compile("(?i)a").flags, re.compile("(?x) a").flags, re.compile("(?s:a)").flags, re.compile("(?a)x").flags)

print(re.findall(r"a", "aAáÁ", re.I), re.findall(r"(?i)a", "aA"), re.findall(r"(?i:a)a", "AaAA"))
print(re.findall(r"(?i)a(?-i:a)", "aaAAaA"), re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"^\w", "ab\ncd"))
print(re.findall(r"\w$", "ab\ncd", re.M), re.findall(r".", "a\nb", re.S), re.findall(r"(?s).", "a\nb"))
print(re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"(?a)\w+", "héllo"), re.findall(r"(?a:\w+) \w+", "héllo wörld x"))
print(re.match(r"""
    (\d+)   # digits
    \s*     # space
    ([a-z]+ # letters
    ) [ ]x  # a literal space in a class
""", "12  abc x", re.X).groups())
print(re.match(r"(?x) a b # comment", "ab"), re.match(r"(?x)a\ b", "a b"), re.match(r"(?x)[ ]", " "))
print(re.match(r"(?x: a b )c", "abc"), re.match(r"a(?-x: b)", "a b", re.X))
print(re.search(r"\bé", "x é", re.A), re.search(r"\bé", "x é"))
print(re.findall(rb"\w+", b"caf\xe9 ok", re.L), re.findall(rb"(?L)\w+", b"ab"), re.findall(rb"(?i)k", b"kK"))
print(re.compile(r"\d", re.U).search("١"))
print(re.compile("x", re.T))
try:
    re.compile("a*", re.T)
except re.error as e:
    print("error", e)
for pat in [r"(?u)\w", r"(?a)\w", r"(?au)x", r"(?L)x"]:
    try:
        print(pat, re.compile(pat).flags)
    except re.error as e:
        print(pat, "error", e)
