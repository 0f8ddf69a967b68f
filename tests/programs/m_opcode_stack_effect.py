# opcode.stack_effect / dis.stack_effect through opmap, with CPython's errors.
import dis
import opcode

op = opcode.opmap
cases = [
    ("POP_TOP", None), ("NOP", None), ("PUSH_NULL", None), ("UNARY_NEGATIVE", None), ("GET_ITER", None),
    ("RETURN_VALUE", None), ("BINARY_SUBSCR", None), ("STORE_SUBSCR", None), ("LOAD_CONST", 0),
    ("LOAD_FAST", 3), ("STORE_FAST", 1), ("STORE_NAME", 0), ("LOAD_NAME", 2), ("BINARY_OP", 0),
    ("BINARY_OP", 13), ("BUILD_TUPLE", 0), ("BUILD_TUPLE", 3), ("BUILD_LIST", 5), ("BUILD_SET", 2),
    ("BUILD_MAP", 2), ("COMPARE_OP", 2), ("IS_OP", 1), ("CONTAINS_OP", 0), ("COPY", 1), ("SWAP", 2),
    ("UNPACK_SEQUENCE", 3), ("STORE_ATTR", 0), ("IMPORT_NAME", 0), ("LIST_APPEND", 1),
    ("JUMP_FORWARD", 4), ("JUMP_BACKWARD", 4),
]
for name, arg in cases:
    if arg is None:
        print(name, dis.stack_effect(op[name]))
    else:
        print(name, arg, dis.stack_effect(op[name], arg), dis.stack_effect(op[name], arg, jump=True),
              dis.stack_effect(op[name], arg, jump=False), opcode.stack_effect(op[name], arg, jump=None))
print(dis.stack_effect is opcode.stack_effect)
print(dis.stack_effect(op["POP_TOP"], None), dis.stack_effect(op["LOAD_CONST"], True))

errors = [
    lambda: dis.stack_effect(op["LOAD_CONST"]),
    lambda: dis.stack_effect(op["LOAD_CONST"], None),
    lambda: dis.stack_effect(op["POP_TOP"], 0),
    lambda: dis.stack_effect(op["NOP"], 1),
    lambda: dis.stack_effect(op["LOAD_CONST"], 0, jump=1),
    lambda: dis.stack_effect(op["LOAD_CONST"], 0, jump="yes"),
    lambda: dis.stack_effect(op["LOAD_CONST"], 0, jum=1),
    lambda: dis.stack_effect(),
    lambda: dis.stack_effect(opcode=1),
    lambda: dis.stack_effect(op["LOAD_CONST"], 0, 1),
    lambda: dis.stack_effect("LOAD_CONST"),
    lambda: dis.stack_effect(1.0),
    lambda: dis.stack_effect(op["LOAD_CONST"], "x"),
    lambda: dis.stack_effect(2 ** 70),
    lambda: dis.stack_effect(op["LOAD_CONST"], 2 ** 70),
    lambda: dis.stack_effect(999),
    lambda: dis.stack_effect(999, 0),
    lambda: dis.stack_effect(-1, 0),
]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
