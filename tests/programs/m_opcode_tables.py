# The opcode module (and dis's copy of it): tables checked through names, since pyjit numbers its
# instructions its own way.
import opcode
import dis

print(sorted(opcode.__all__))
print(len(opcode.opname), type(opcode.opname).__name__, type(opcode.opmap).__name__)
print(opcode.cmp_op)
print(opcode.hasjabs, opcode.hasnargs)
common = ["POP_TOP", "PUSH_NULL", "NOP", "UNARY_NEGATIVE", "UNARY_NOT", "UNARY_INVERT", "BINARY_SUBSCR",
          "STORE_SUBSCR", "GET_ITER", "RETURN_VALUE", "LOAD_CONST", "LOAD_NAME", "STORE_NAME", "LOAD_FAST",
          "STORE_FAST", "LOAD_GLOBAL", "LOAD_ATTR", "STORE_ATTR", "COMPARE_OP", "IS_OP", "CONTAINS_OP",
          "JUMP_FORWARD", "JUMP_BACKWARD", "FOR_ITER", "BUILD_TUPLE", "BUILD_LIST", "BINARY_OP", "CALL",
          "LOAD_DEREF", "STORE_DEREF", "MAKE_CELL", "COPY", "SWAP", "RESUME", "EXTENDED_ARG",
          "IMPORT_NAME", "RAISE_VARARGS", "YIELD_VALUE", "SEND", "CACHE"]
for name in common:
    op = opcode.opmap[name]
    kinds = [k for k in ["hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree"]
             if op in getattr(opcode, k)]
    print(name, opcode.opname[op] == name, kinds)
print(all(opcode.opname[op] == name for name, op in opcode.opmap.items()))
print(all(name == "<%d>" % i for i, name in enumerate(opcode.opname) if name not in opcode.opmap))
print(opcode.EXTENDED_ARG == opcode.opmap["EXTENDED_ARG"])
print(all(op < opcode.HAVE_ARGUMENT or op >= opcode.HAVE_ARGUMENT for op in opcode.opmap.values()))
print(opcode.opmap["LOAD_CONST"] >= opcode.HAVE_ARGUMENT, opcode.opmap["EXTENDED_ARG"] >= opcode.HAVE_ARGUMENT)
print(opcode._nb_ops)
print(len(opcode._inline_cache_entries), opcode._inline_cache_entries[opcode.opmap["NOP"]])
print(opcode._inline_cache_entries[opcode.opmap["LOAD_FAST"]], opcode._inline_cache_entries[opcode.opmap["POP_TOP"]])
print(sorted(opcode._specializations)[:1], "LOAD_GLOBAL" in opcode._specializations)
print(all(s.startswith(base.split("_")[0]) for base, fam in opcode._specializations.items() for s in fam))
print(set(opcode._specialized_instructions) == {s for fam in opcode._specializations.values() for s in fam})
print(not set(opcode._specialized_instructions) & set(opcode.opmap))
print(sorted(k for k in opcode._cache_format if k in ("LOAD_GLOBAL", "LOAD_ATTR", "STORE_ATTR")))
print(all(sum(f.values()) == opcode._inline_cache_entries[opcode.opmap[n]] for n, f in opcode._cache_format.items()))

# dis re-exports them
for name in opcode.__all__:
    print(name, getattr(dis, name) is getattr(opcode, name))
