# re: sub and subn with templates and callables, expand
import re

s = "John Smith, Jane Doe"
p = re.compile(r"(?P<first>\w+) (?P<last>\w+)")
for t in [r"\2 \1", r"\g<last>, \g<first>", r"\g<2>\g<1>", r"[\g<0>]", r"\1\n\t\\", r"\0", r"\10", r"\1a",
          r"\g<1>0", r"\101\x", "no backslash", r"\-", r"\u", ""]:
    try:
        print(repr(t), repr(p.sub(t, s)))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
print(p.subn(r"\2", s), p.subn(r"\2", s, 1), p.subn(r"\2", "none"), p.sub(r"\2", s, count=0))
print(re.sub(r"a|(b)", r"[\1]", "abc"), re.sub(r"(a)|b", lambda m: str(m.lastindex), "abab"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333"))
print(re.sub(r"x", lambda m: None, "axbx"), re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"))
print(re.sub(r"\b", "|", "ab cd"), re.sub(r"$", "!", "a\nb\n"), re.sub(r"(?m)^", "> ", "a\nb\n"))
print(re.sub(r"a", r"\\", "aa"), re.sub(r"(a)", r"\g<1>\g<1>", "xax"), re.subn(r"a", "b", "aaa", count=2))
print(re.sub(r"(?P<x>.)", r"\g<x>\g<x>", "ab"), re.sub(r"(.)(.)?", r"<\2>", "abc"))
m = re.match(r"(\w)(\w)?", "a")
print(repr(m.expand(r"\1-\2-\g<0>")), repr(m.expand("plain")))
print(re.sub("a", "b", "xyz") == "xyz", re.sub(r"(?i)A", "_", "aAbB"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "programming language"))
print(re.sub(r"(\d)", r"<\1>", "a1b2", flags=re.I), re.sub(pattern="b", repl="c", string="abc"))
count = 0
def counter(m):
    global count
    count += 1
    return "%d" % count
print(re.sub(r"\w+", counter, "one two three"))
print(re.sub(r"(?<=a)|b", "-", "abab"), re.sub(r"(?:)", "-", "😀x"), re.sub(r"😀", "x", "a😀b😀"))
