# dis listings of functions whose pyjit bytecode is CPython 3.11's (no calls, no jumps, no
# constant returns: pyjit's instruction set differs there), with file=, lasti, first_line.
import dis
import io
import types


def neg(a):
    return -a


def inv(a):
    return ~a


def not_(a):
    return not a


def box(a):
    return [a]


def ident(a):
    b = a
    return b


def isnone(a):
    return a is None


def star(*args, **kw):
    return kw


for f in [neg, inv, not_, box, ident, isnone, star]:
    dis.dis(f)
    print("--")

# file= collects the text instead of printing it
buf = io.StringIO()
dis.dis(neg, file=buf)
print(repr(buf.getvalue()))

# lasti marks the current instruction; disco is disassemble
dis.disassemble(neg.__code__, 4)
dis.disco(inv.__code__, 2)
dis.disassemble(not_.__code__, lasti=-1)
buf = io.StringIO()
dis.disassemble(box.__code__, 6, file=buf)
print(buf.getvalue().count("-->"))

# Bytecode.dis(): first_line renumbers, current_offset marks
print(dis.Bytecode(ident, first_line=100).dis())
print(dis.Bytecode(ident, current_offset=4).dis())
print(dis.Bytecode(ident.__code__).dis() == dis.Bytecode(ident).dis())

# a method, a bound method, a staticmethod's function, a code object
class C:
    def m(self):
        return -self

    @staticmethod
    def s(a):
        return ~a

    @classmethod
    def c(cls):
        return not cls

    @property
    def p(self):
        return 1

    attr = 5


dis.dis(C.m)
dis.dis(C().m)
dis.dis(C.s)
dis.dis(neg.__code__)
print("== class")
dis.dis(C)
print("== module")
mod = types.ModuleType("mod")
mod.neg = neg
mod.K = type("K", (), {"inv": inv})
mod.number = 3
dis.dis(mod)
print("== caches")
# neither instruction here has inline caches, in CPython or in pyjit
dis.dis(neg, show_caches=True)
print("== depth")
dis.dis(neg, depth=0)
dis.dis(neg, depth=None)
print("== strings")
# an expression is compiled in eval mode (its value is returned), under the name <dis>
for source in ["-a", "~a", "not a", "a is b", "[a, b]", "{a: b}", "{a, b}", "global_name"]:
    dis.dis(source)
print("== tracebacks")
import sys
try:
    neg(None)
except TypeError as e:
    sys.last_traceback = e.__traceback__
dis.distb()
dis.dis()
try:
    inv("x")
except TypeError as e:
    dis.distb(e.__traceback__.tb_next)
    buf = io.StringIO()
    dis.distb(e.__traceback__, file=buf)
    # the mark sits after the line-number column
    print([line[8:].split()[:2] for line in buf.getvalue().splitlines() if line[4:7] == "-->"])
del sys.last_traceback
