# str.encode and bytes.decode in UTF-8 with every error handler: short ASCII (encoded and decoded
# in JavaScript), longer and non-ASCII text (the host codec), lone surrogates, and invalid or
# truncated byte sequences with CPython's error ranges and reasons.
for s in ["", "abc", "é", "日本語", "a" * 64, "a" * 65, "é" * 40, "😀", "x" * 63 + "é", "\ud800", "a\udc80b"]:
    for errs in ("strict", "surrogateescape", "replace", "ignore", "surrogatepass"):
        try:
            b = s.encode("utf-8", errs)
            r = (b, b.decode(), b.decode("utf-8", "replace"))
        except UnicodeError as e:
            r = (type(e).__name__, str(e))
        print(repr(s)[:20], errs, r if len(repr(r)) < 200 else len(repr(r)))
    try:
        print(s.encode())
    except UnicodeError as e:
        print(type(e).__name__, e)
for b in [b"", b"abc", b"\xff", b"a" * 64 + b"\xff", b"\xe6\x97\xa5", b"x" * 64, b"\xc3"]:
    for errs in ("strict", "replace", "ignore", "surrogateescape", "backslashreplace"):
        try:
            print(repr(b)[:20], errs, repr(b.decode("utf-8", errs))[:80])
        except UnicodeError as e:
            print(repr(b)[:20], errs, type(e).__name__, e)
print(bytearray(b"hi").decode(), memoryview(b"ok").tobytes().decode(), str(b"abc", "utf-8"))
for b in [b"a\xe6\x97", b"\xe6\x97a", b"\xf0\x9f\x98", b"\xf0\x9f\x98a", b"\xed\xa0\x80", b"\xc0\xaf", b"ok\xff\xfe"]:
    for errs in ("strict", "ignore", "surrogateescape", "backslashreplace", "replace"):
        try:
            print(repr(b), errs, ascii(b.decode("utf-8", errs)))
        except UnicodeError as e:
            print(repr(b), errs, type(e).__name__, e, e.start, e.end)
try:
    b"x".decode("utf-8", "bogus-handler")
except LookupError as e:
    print("LookupError", e)
