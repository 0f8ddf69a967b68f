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
s = "hello world"; l = [1, 2, 3, 4, 5]; t = (1, 2, 3)
print(s[1:4], s[-3:], s[:-20], s[20:], s[3:1], s[None:2], l[1:3], l[-2:], l[:0], t[1:], t[5:9], "😀ab"[1:], l[True:3])
class L(list): pass
print(type(L([1,2])[0:1]).__name__, (lambda: s[1.5:2]) and 1)
try:
    s[1.5:2]
except TypeError as e:
    print(e)
q = [1, 2, 3]
print(q.pop(0), q.pop(-1), q, [4].pop(0))
try:
    [].pop(0)
except IndexError as e:
    print(e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
