# dis.code_info, show_code, pretty_flags, findlinestarts, findlabels and the errors of dis.
import dis
import io
import os
import re


def neg(a):
    return -a


def isnone(a):
    return a is None


def star(p, /, q, *args, k, **kw):
    return kw


def outer(x):
    def inner():
        return x
    return inner


for f in [neg, isnone, star, outer, outer(1)]:
    # code objects' addresses differ from run to run, and the file's directory with the runner
    info = re.sub(r" at 0x[0-9a-f]+", " at ADDR", dis.code_info(f))
    print(info.replace(neg.__code__.co_filename, os.path.basename(neg.__code__.co_filename)))
    print("--")
buf = io.StringIO()
dis.show_code(neg, file=buf)
print(buf.getvalue().replace(neg.__code__.co_filename, "FILE"))
buf = io.StringIO()
dis.show_code(star, file=buf)
print(buf.getvalue() == dis.code_info(star) + "\n")
print(dis.code_info(neg.__code__) == dis.code_info(neg))
print(dis.Bytecode(isnone).info() == dis.code_info(isnone))

info = dis.code_info("a = b\ndel c")
print("\n".join(line for line in info.splitlines() if not line.startswith("Stack size")))

for flags in [0, 1, 3, 0x43, 0x20, 0x80, 0x100, 0x200, 0x400, 0x20000000, 0x3ff, 2**40 + 1]:
    print(hex(flags), dis.pretty_flags(flags))
print(dis.COMPILER_FLAG_NAMES)
print(dis.pretty_flags(neg.__code__.co_flags), dis.pretty_flags(outer.__code__.co_flags))

print(list(dis.findlinestarts(neg.__code__)))
print(list(dis.findlinestarts(isnone.__code__)))
print(dis.findlabels(neg.__code__.co_code))
print(type(dis.findlinestarts(neg.__code__)).__name__)

for bad in [1, None.__class__.__mro__, [], 1.5, object()]:
    for fn in [dis.dis, dis.code_info, dis.Bytecode, dis.get_instructions]:
        try:
            fn(bad)
            print(fn.__name__, "ok")
        except TypeError as e:
            print(fn.__name__, type(e).__name__, e)
for fn in [dis.dis, dis.distb]:
    try:
        fn()
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    dis.dis("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename)
try:
    dis.code_info("def")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename)
try:
    dis.dis(neg, bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    dis.dis(neg, None)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(dis.__all__))
