# str.strip/lstrip/rstrip (whitespace and chars), lower and the case predicates, through CALL's
# fixed-arity entry points and through the type, on str, str subclasses and astral text.
class S(str): pass
for s in ["  hi  ", "\t\nx\x1c", "..a,b..", "", "ABC", "AbC", "123", "É", "ÉA", "\u2003x\u3000", S(" s "), "😀 a 😀"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(".,")), repr(s.strip("😀 ")), s.isupper(), s.islower(), repr(s.lower()), repr(s.strip(None)))
try:
    "x".strip(1)
except TypeError as e:
    print(e)
print(str.strip(" a "), str.lower("AB"), S("AB").isupper())
class S(str):
    def __rmod__(self, other): return "rmod"
print("%d-%s" % (3, "x"), "%s" % "y", "%r" % [1], "%(a)s" % {"a": 1}, "%.1f" % 2.25, "%s" % S("z"), "%d%%" % True)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
