# %-formatting of bytes and bytearray: the errors name bytes formatting, as CPython's do (str's
# name string formatting).
for fmt, args in [(b"xy", 8), (b"%d", (1, 2)), (bytearray(b"a"), 1), ("xy", 8), ("%s", (1, 2))]:
    try:
        print(fmt % args)
    except TypeError as e:
        print(type(fmt).__name__, type(e).__name__, e)
print(b"%d-%s-%b" % (3, b"x", b"y"), bytearray(b"%x") % 255)
