# dis.get_instructions, dis.Instruction, dis.Positions and iterating dis.Bytecode (opcode numbers
# are pyjit's own, so they are printed through dis.opname).
import dis
import sys


def neg(a):
    return -a


def ident(a):
    b = a
    return b


def star(*args, **kw):
    return kw


def show(ins):
    print(ins.opname, dis.opname[ins.opcode] == ins.opname, ins.arg, repr(ins.argval), repr(ins.argrepr),
          ins.offset, ins.starts_line, ins.is_jump_target)


for f in [neg, ident, star]:
    for ins in dis.get_instructions(f):
        show(ins)
    print("--")

it = dis.get_instructions(neg)
print(type(it).__name__, next(it).opname)
for ins in dis.get_instructions(ident, first_line=50):
    print(ins.opname, ins.starts_line)
for ins in list(dis.get_instructions(neg))[1:]:
    print(ins.positions)

b = dis.Bytecode(ident)
print(b.first_line == ident.__code__.co_firstlineno, b.current_offset, b.show_caches, b.adaptive)
print(b.codeobj is ident.__code__, b._original_object is ident)
print([i.opname for i in b] == [i.opname for i in dis.get_instructions(ident)])
print([i.opname for i in b])
print(repr(dis.Bytecode("x")), repr(dis.Bytecode(neg)).startswith("Bytecode(<function neg at "))
b2 = dis.Bytecode(ident, first_line=7, current_offset=2, show_caches=True, adaptive=False)
print(b2.first_line, b2.current_offset, b2.show_caches, b2.adaptive, [i.starts_line for i in b2])

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
fb = dis.Bytecode.from_traceback(tb)
print(fb.current_offset == tb.tb_lasti, fb.codeobj is tb.tb_frame.f_code, fb.first_line)


def fails():
    return neg(None)


try:
    fails()
except TypeError as e:
    tb = e.__traceback__
fb = dis.Bytecode.from_traceback(tb)
print(fb.codeobj.co_name, fb.current_offset)
print(fb.dis())

# Instruction and Positions are named tuples
ins = list(dis.get_instructions(neg))[1]
print(dis.Instruction._fields)
print(dis.Positions._fields)
print(isinstance(ins, tuple), len(ins), ins[0], ins.opname is ins[0])
r = ins._replace(arg=5, argrepr="five", opcode=0)
print(r)
print(r._asdict()["argrepr"], list(r._asdict()))
made = dis.Instruction("NOP", 9, None, None, "", 4, None, False)
print(made)
print(dis.Instruction("NOP", 9, None, None, "", 4, None, False, dis.Positions(1, 1, 0, 3)))
print(dis.Positions(), dis.Positions(3), dis.Positions(1, 2, 3, 4).end_col_offset)
print(made == dis.Instruction(*made))
try:
    dis.Instruction()
except TypeError as e:
    print(type(e).__name__, e)
try:
    dis.Positions(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(dis.Instruction.__mro__[1].__name__, dis.Instruction.__module__, dis.Positions.__module__)


def guarded():
    try:
        neg(None)
    except TypeError:
        return 1


entries = dis.Bytecode(guarded).exception_entries
print(dis.Bytecode(neg).exception_entries, dis._ExceptionTableEntry._fields, len(entries) > 0)
listing = list(dis.Bytecode(guarded))
print(all(e.start < e.end and type(e.lasti) is bool for e in entries))
print(all(any(i.offset == e.target and i.is_jump_target for i in listing) for e in entries))
print(dis.Bytecode(neg)._linestarts == dict(dis.findlinestarts(neg.__code__)))
