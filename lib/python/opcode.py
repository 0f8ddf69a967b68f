"""The opcodes of pyjit's bytecode, as the ``opcode`` module describes them.

In: the opcode table through the native ``_opcode`` module (one tuple per instruction:
name, number, generic number, kind, argument kind, cache cells, jump direction).
Out: CPython 3.11's ``opcode`` interface over that table -- opname, opmap, cmp_op, the
has* lists, HAVE_ARGUMENT, EXTENDED_ARG, stack_effect, and the private tables dis reads
(_inline_cache_entries, _cache_format, _specializations, _specialized_instructions, _nb_ops).

pyjit's instruction names follow CPython's, but its numbers are its own (and its
instruction set is closer to CPython 3.12/3.13's), so code that hard-codes CPython's
numbers will not match; code that goes through opmap does.

pyjit does not number the instructions that take an argument after those that do not,
so HAVE_ARGUMENT is the lowest opcode that takes one: every opcode below it takes none.
"""

from _opcode import stack_effect
import _opcode

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]

cmp_op = _opcode.cmp_op

# Which argument kinds of the table each has* list gathers.
_NAME_KINDS = ("name", "global", "attr", "superattr")
_LOCAL_KINDS = ("local", "local2")
# Among the instructions on the frame's local slots, those on cells and free variables.
_FREE_MARKERS = ("DEREF", "CELL", "CLOSURE")

opname = ['<%r>' % (op,) for op in range(256)]
opmap = {}
hasconst = []
hasname = []
hasjrel = []
hasjabs = []
haslocal = []
hascompare = []
hasfree = []
hasnargs = []
_inline_cache_entries = [0] * 256
_cache_format = {}
_specializations = {}
_specialized_instructions = []
_nb_ops = list(_opcode.nb_ops)

_table = _opcode.instructions()
_names_by_number = {row[1]: row[0] for row in _table}

for _name, _op, _generic, _kind, _argkind, _cells, _jump in _table:
    if _kind in ("variant", "superinstruction"):
        # What the specializer writes in place of a generic instruction.
        _specializations.setdefault(_names_by_number[_generic], []).append(_name)
        _specialized_instructions.append(_name)
        continue
    opname[_op] = _name
    opmap[_name] = _op
    _inline_cache_entries[_op] = len(_cells)
    if _cells:
        _format = {}
        for _cell in _cells:
            _format[_cell] = _format.get(_cell, 0) + 1
        _cache_format[_name] = _format
    if _argkind == "const":
        hasconst.append(_op)
    elif _argkind in _NAME_KINDS:
        hasname.append(_op)
    elif _argkind == "compare":
        hascompare.append(_op)
    elif _argkind in _LOCAL_KINDS:
        if any(_marker in _name for _marker in _FREE_MARKERS):
            hasfree.append(_op)
        else:
            haslocal.append(_op)
    if _jump is not None:
        hasjrel.append(_op)

HAVE_ARGUMENT = _opcode.HAVE_ARGUMENT
EXTENDED_ARG = opmap["EXTENDED_ARG"]

del _table, _names_by_number, _name, _op, _generic, _kind, _argkind, _cells, _jump, _format, _cell
