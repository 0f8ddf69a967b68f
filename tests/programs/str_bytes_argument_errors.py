# The argument errors of str(), bytes(), bytearray(), encode/decode and the str methods, in CPython's
# words and order (a non-str encoding once escaped as a JavaScript TypeError; found by the fuzzer).
try:
    bytes("block0", (1, 2))
except Exception as e:
    print(type(e).__name__, e)
try:
    bytes("abc", 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    str(b"abc", 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    bytearray("abc", None)
except Exception as e:
    print(type(e).__name__, e)
try:
    "abc".encode(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    b"abc".decode(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    bytes("abc", "utf-8", 5)
except Exception as e:
    print(type(e).__name__, e)
for f in (lambda: bytes(5, 5), lambda: bytes(5, "utf-8"), lambda: bytes(errors=3), lambda: str(5, "ascii"), lambda: str(b"x", errors=1), lambda: bytearray(b"x", None), lambda: b"x".decode(errors=2), lambda: str(errors="x"), lambda: bytes("é", "ascii", "replace")):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for f in (lambda: "a".find(None), lambda: "a".count(None), lambda: "a".replace(None, "x"), lambda: "a".partition(None), lambda: "a".removeprefix(None), lambda: "a".center(3, None), lambda: str.maketrans(None, "a"), lambda: "a".__format__(None), lambda: "a".encode(None), lambda: "a".index(None)):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
