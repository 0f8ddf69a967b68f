# str.replace's counts and overlaps, and format specs used again and again (each kind of object
# keeps its own parsed specs; a bad spec raises every time it is used).
cases = [("aaaa", "aa", "b"), ("abcabc", "bc", ""), ("hello world", "o", "0"), ("", "", "x"),
         ("abc", "", "-"), ("abc", "x", "y"), ("aaa", "a", "aa"), ("ßẞ日本", "日", "x"), ("a$&b", "$&", "$1")]
for s, old, new in cases:
    print(repr(s.replace(old, new)), [s.replace(old, new, n) for n in (-1, 0, 1, 2, 5)])
print("a🙂b🙂c".replace("🙂", "+"), "a🙂b".replace("", "."), "x\udc80y".replace("\udc80", "?"))

for i in range(300):
    line = f"{i:5}|{i * 1.5:.2f}|{str(i):>5}|{i:x}|{-i:+08.3f}|{i / 7:e}"
    if i % 97 == 0:
        print(line)
for value in (5, 5.0, "5", 5 + 1j):
    for spec in ("5", ">5", "^7", "<4"):
        print(repr(format(value, spec)), end=" ")
    print()
for spec in (".2d", "z", "5.5.5"):
    for attempt in range(2):
        try:
            format(3, spec)
        except ValueError as e:
            print("ValueError:", e)

# printf-style: the plain %s/%d fast path beside everything that must take the long way.
print("%s|%d|%i|%u|%s|%d%%" % ("a", 5, -6, -3, 7, 50), "%s" % True, "%d" % True, "%d" % 2**70)
print("%s %r %s" % ("x", "x", [1]), "%(a)s-%(b)d" % {"a": 1, "b": 2}, "%s" % ("t",), "%5s|%-3d|" % ("ab", 4))
for fmt, args in (("%d", "x"), ("%s %s", ("a",)), ("%s", (1, 2)), ("%d", 1.5), ("%i", None)):
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
