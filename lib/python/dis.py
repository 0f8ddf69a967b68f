"""Disassembler of pyjit's bytecode, with CPython 3.11's ``dis`` interface.

In: functions, methods, classes, modules, generators, coroutines, code objects, source
strings, raw bytecode and tracebacks. Out: the listing CPython prints (through the native
``_dis`` module, lib/modules/dis.ts, which decodes and lays out the instructions), the
``Instruction`` tuples of ``get_instructions`` and ``Bytecode``, and ``code_info``.

pyjit's instruction set is its own (names as CPython's, closer to 3.12/3.13), so listings
differ from CPython's wherever the compiled bytecode does. ``adaptive=True`` shows the
specialized instructions pyjit's tier 2 has written in place.
"""

import sys
import types
import collections

import _dis
import _opcode
from opcode import *
from opcode import __all__ as _opcodes_all
from opcode import _cache_format, _inline_cache_entries, _nb_ops
from opcode import _specializations, _specialized_instructions

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

# What dis() disassembles when it finds it in a module's or a class's namespace.
_have_code = (types.MethodType, types.FunctionType, types.CodeType,
              classmethod, staticmethod, type)

# Every instruction, the specialized ones included (what adaptive listings show).
_all_opname = list(opname)
_all_opmap = dict(opmap)
for _row in _opcode.instructions():
    _all_opname[_row[1]] = _row[0]
    _all_opmap[_row[0]] = _row[1]
del _row

# A specialized instruction → its generic instruction.
deoptmap = {
    specialized: base for base, family in _specializations.items() for specialized in family
}

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def _try_compile(source, name):
    """An expression is compiled as one (so that its value shows), anything else as a module."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _unwrap(x):
    """The code object behind a method, function, generator, coroutine or async generator."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        return x.__code__
    for attr in ('gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, code, source strings or bytecode.

    With no argument, disassemble the last traceback. Nested code objects are
    disassembled down to ``depth`` levels (all of them when depth is None).
    """
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive)
        return
    x = _unwrap(x)
    if hasattr(x, '__dict__'):
        for name, member in sorted(x.__dict__.items()):
            if isinstance(member, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(member, file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file, show_caches=show_caches)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, '<dis>'), file=file, depth=depth,
                               show_caches=show_caches, adaptive=adaptive)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (the last one by default), marking the failed instruction."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_caches=show_caches, adaptive=adaptive)


def pretty_flags(flags):
    """The names of the flags set in a code object's co_flags, comma-separated."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _get_code_object(x):
    """The code object of what code_info, get_instructions and Bytecode are given."""
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def code_info(x):
    """Details of the code object of x, formatted over several lines."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    sections = (
        ("Constants:", co.co_consts, repr),
        ("Names:", co.co_names, str),
        ("Variable names:", co.co_varnames, str),
        ("Free variables:", co.co_freevars, str),
        ("Cell variables:", co.co_cellvars, str),
    )
    for title, items, show in sections:
        if items:
            lines.append(title)
            for index, item in enumerate(items):
                lines.append("%4d: %s" % (index, show(item)))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of the code object of co."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    'Positions',
    ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'],
    defaults=[None] * 4,
)

_Instruction = collections.namedtuple(
    "_Instruction",
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    defaults=[None],
)


class Instruction(_Instruction):
    """One bytecode instruction.

    opname and opcode name it; arg is its numeric argument (None when it takes none),
    argval what the argument stands for and argrepr how listings show it; offset is its
    place in the bytecode in bytes; starts_line the source line it begins, if any;
    is_jump_target whether a jump or an exception handler leads to it; positions its
    source span (a dis.Positions).
    """


def _instructions(x, show_caches, adaptive, line_offset):
    for row in _dis.rows(x, adaptive, show_caches, line_offset):
        positions = row[8]
        yield Instruction(*row[:8], Positions(*positions) if positions is not None else Positions())


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator over the instructions of the code object of x.

    first_line, when given, is the line number the listing's first line counts as.
    """
    co = _get_code_object(x)
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _instructions(co, show_caches, adaptive, line_offset)


def findlinestarts(code):
    """(offset, line number) for each instruction that starts a new source line."""
    yield from _dis.linestarts(code)


def findlabels(code):
    """The offsets that jumps in the bytecode ``code`` lead to."""
    return _dis.findlabels(code)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object, marking the instruction at offset lasti with -->."""
    print(_dis.disassemble(co, lasti, adaptive, show_caches, 0), end="", file=file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for const in co.co_consts:
            if hasattr(const, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (const,), file=file)
                _disassemble_recursive(const, file=file, depth=depth,
                                       show_caches=show_caches, adaptive=adaptive)


def _disassemble_bytes(code, lasti=-1, *, file=None, show_caches=False):
    print(_dis.disassemble(bytes(code), lasti, False, show_caches, 0), end="", file=file)


_ExceptionTableEntry = collections.namedtuple(
    "_ExceptionTableEntry", "start end target depth lasti")


class Bytecode:
    """The bytecode of a function, method, code object or source string.

    Iterating gives its Instructions; dis() formats the listing, info() the code details.
    """

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = [_ExceptionTableEntry(*entry) for entry in _dis.exception_table(co)]
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _instructions(self.codeobj, self.show_caches, self.adaptive, self._line_offset)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """The Bytecode of the innermost frame of tb, its current offset the failed instruction."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        """The code_info of the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """The listing, as dis.dis prints it (without nested code objects)."""
        offset = -1 if self.current_offset is None else self.current_offset
        return _dis.disassemble(self.codeobj, offset, self.adaptive, self.show_caches, self._line_offset)


def _main():
    """``python -m dis [infile]``: disassemble a source file (standard input by default)."""
    import argparse
    parser = argparse.ArgumentParser(prog="dis.py")
    parser.add_argument('infile', type=argparse.FileType('rb'), nargs='?', default='-')
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    dis(compile(source, args.infile.name, "exec"))


if __name__ == "__main__":
    _main()
