# re: bytes patterns (ASCII classes, Latin-1 bytes, LOCALE)
import re

p = re.compile(rb"(\w+)@(\w+)\.com")
m = p.search(b"mail bob@example.com now")
print(m, m.groups(), m.group(0), m.span(1), m.string, type(m.group()).__name__)
print(re.findall(rb"\w+", b"caf\xe9 na\xefve 42"), re.findall(rb"\d", b"1\xb2"), re.findall(rb"\s", b"a\x85\xa0 \t"))
print(re.findall(rb"(?i)[a-z]+", b"ABc\xc9\xe9"), re.findall(rb"(?i)\xe9", b"\xc9\xe9"))
print(re.findall(rb"[\x80-\xff]+", b"a\x80\xffb"), re.sub(rb"\xff", b"!", b"\xff\x00\xff"))
print(re.sub(rb"(a)", rb"[\1]", b"banana"), re.subn(rb"a", b"", b"banana"), re.split(rb"\x00", b"a\x00b"))
print(re.sub(rb"a", lambda m: m.group().upper(), b"aba"), re.escape(b"a.b\x00"), re.escape(bytearray(b"*")))
print(re.match(rb"a", bytearray(b"abc")), type(re.match(rb"a", bytearray(b"abc")).group()).__name__)
print(re.compile(rb"\x00\n\xff"), re.compile(rb"a", re.I), re.compile(rb"(?L)a").flags, re.compile(rb"a").flags)
print(re.fullmatch(rb".+", b"a\nb"), re.fullmatch(rb"(?s).+", b"a\nb"), re.match(rb"\bb", b"\xe9b"))
m = re.match(rb"(?P<x>a)(b)?", b"a")
print(m.groupdict(), m.groups(), m.expand(rb"<\g<x>\2>"), m[0], m.lastgroup)
for bad in [lambda: re.compile(rb"\u0041"), lambda: re.compile(rb"\N{DIGIT ONE}"), lambda: re.compile(rb"(?u)a"),
            lambda: re.sub(rb"a", "x", b"a"), lambda: re.compile(b"a", re.U)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# a template keeps its own type: only joining a literal piece of the wrong type fails
for p, subject, repls in [(re.compile(b"a(b)"), b"abab", ["x", r"\1", "x\\1y", b"x", bytearray(b"q\\1")]),
                          (re.compile("a(b)"), "abab", ["x", r"\1", b"x", b"x\\1y", bytearray(b"q\\1")])]:
    for repl in repls:
        for f in [lambda: p.sub(repl, subject), lambda: p.match(subject).expand(repl)]:
            try:
                print(repr(f()))
            except Exception as e:
                print(type(e).__name__, e)
