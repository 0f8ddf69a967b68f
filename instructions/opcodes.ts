/**
 * The opcode table: the ONE definition of every bytecode instruction (name, operand kind, stack
 * effect, inline cache size, jump kind, specialization family).
 *
 * In: nothing. Out: the numbering (`Op.LOAD_FAST`…), names, stack effects for the assembler's
 * stack-depth pass, jump detection for dis and the assembler, cache sizes for the interpreter and
 * the specializer. Everything else is derived from `OPCODE_TABLE`.
 *
 * Bytecode is a Uint16Array of code units `opcode | oparg << 8`, as CPython's; an oparg above 255
 * is spread over EXTENDED_ARG prefixes. Names and semantics follow CPython 3.13, with these
 * deliberate simplifications (the table says so, nothing else needs to know):
 * - COMPARE_OP's oparg is the comparison (0..5, Py_LT..Py_GE) itself; there is no TO_BOOL: the
 *   POP_JUMP_IF_* instructions test truth themselves.
 * - FOR_ITER, when the iterator is exhausted, jumps to its target (an END_FOR) leaving the
 *   iterator on the stack; END_FOR pops it.
 * - Jump opargs count code units from the end of the jump instruction (its caches included),
 *   forwards for JUMP_FORWARD / POP_JUMP_IF_* / FOR_ITER / SEND, backwards for JUMP_BACKWARD*.
 *
 * A specialized instruction (tier 2) appears in its generic instruction's `family` and shares its
 * stack effect and cache size: the specializer rewrites the opcode byte in place and nothing else.
 *
 * @example
 * ```ts
 * import { Op, OPCODES } from "./opcodes.ts";
 * console.log(OPCODES[Op.BINARY_OP].name, OPCODES[Op.BINARY_OP].cache); // BINARY_OP 1
 * ```
 * @module
 */

/** How dis explains an oparg (and what it indexes). */
export type ArgKind =
  | "none" // no operand (oparg ignored, printed blank)
  | "int" // a plain number
  | "const" // index into co_consts
  | "name" // index into co_names
  | "global" // co_names[oparg >> 1]; low bit: also push NULL
  | "attr" // co_names[oparg >> 1]; low bit: method load
  | "superattr" // co_names[oparg >> 2]; bit 0: method, bit 1: two-argument form
  | "local" // index into the frame's localsplus (varnames, then cells, then frees)
  | "local2" // two localsplus indexes < 16: oparg >> 4 and oparg & 15
  | "jump" // a relative jump (direction from `jump`)
  | "binop" // NB_* of BINARY_OPS
  | "compare" // Py_LT..Py_GE
  | "is" // 0 `is`, 1 `is not`
  | "contains" // 0 `in`, 1 `not in`
  | "convert" // 1 str, 2 repr, 3 ascii
  | "intrinsic1"
  | "intrinsic2"
  | "funcattr" // SET_FUNCTION_ATTRIBUTE flag
  | "resume" // 0 start, 1 after yield, 2 after yield from, 3 after await
  | "raise"; // RAISE_VARARGS form

/** A stack count: a constant, or a function of the oparg. */
export type StackCount = number | ((oparg: number) => number);

/** One row of the table. */
export interface OpcodeSpec {
  name: string;
  arg: ArgKind;
  /** Values popped and pushed when the instruction falls through (or always, if it never jumps). */
  pops: StackCount;
  pushes: StackCount;
  /** Inline cache code units that follow the instruction. */
  cache?: number;
  /** `forward`/`backward`: the oparg is a relative jump. */
  jump?: "forward" | "backward";
  /** For jumps that may fall through: pushes when the branch is taken (default: `pushes`). */
  jumpPushes?: StackCount;
  /** Control never falls through to the next instruction (returns, raises, unconditional jumps). */
  terminal?: boolean;
  /** Tier-2 specialized variants (same stack effect and cache size). */
  family?: string[];
  /** Exists only inside the compiler (block setup); never in a code object. */
  pseudo?: boolean;
}

const n = (k: number) => (oparg: number) => oparg + k;

/** Every instruction, generic first; specialized variants are numbered after, pseudo-ops last. */
export const OPCODE_TABLE: readonly OpcodeSpec[] = [
  { name: "CACHE", arg: "none", pops: 0, pushes: 0 },
  { name: "NOP", arg: "none", pops: 0, pushes: 0 },
  { name: "EXTENDED_ARG", arg: "int", pops: 0, pushes: 0 },
  { name: "RESUME", arg: "resume", pops: 0, pushes: 0 },
  // Stack manipulation
  { name: "POP_TOP", arg: "none", pops: 1, pushes: 0 },
  { name: "PUSH_NULL", arg: "none", pops: 0, pushes: 1 },
  { name: "COPY", arg: "int", pops: (o) => o, pushes: n(1) },
  { name: "SWAP", arg: "int", pops: (o) => o, pushes: (o) => o },
  // Loads and stores
  { name: "LOAD_CONST", arg: "const", pops: 0, pushes: 1 },
  { name: "RETURN_CONST", arg: "const", pops: 0, pushes: 0, terminal: true },
  { name: "LOAD_FAST", arg: "local", pops: 0, pushes: 1 },
  { name: "LOAD_FAST_CHECK", arg: "local", pops: 0, pushes: 1 },
  { name: "LOAD_FAST_AND_CLEAR", arg: "local", pops: 0, pushes: 1 },
  { name: "STORE_FAST", arg: "local", pops: 1, pushes: 0 },
  { name: "DELETE_FAST", arg: "local", pops: 0, pushes: 0 },
  { name: "LOAD_CLOSURE", arg: "local", pops: 0, pushes: 1 },
  { name: "LOAD_DEREF", arg: "local", pops: 0, pushes: 1 },
  { name: "STORE_DEREF", arg: "local", pops: 1, pushes: 0 },
  { name: "DELETE_DEREF", arg: "local", pops: 0, pushes: 0 },
  { name: "MAKE_CELL", arg: "local", pops: 0, pushes: 0 },
  { name: "COPY_FREE_VARS", arg: "int", pops: 0, pushes: 0 },
  { name: "LOAD_FROM_DICT_OR_DEREF", arg: "local", pops: 1, pushes: 1 },
  { name: "LOAD_FROM_DICT_OR_GLOBALS", arg: "name", pops: 1, pushes: 1 },
  { name: "LOAD_LOCALS", arg: "none", pops: 0, pushes: 1 },
  { name: "LOAD_NAME", arg: "name", pops: 0, pushes: 1 },
  { name: "STORE_NAME", arg: "name", pops: 1, pushes: 0 },
  { name: "DELETE_NAME", arg: "name", pops: 0, pushes: 0 },
  {
    name: "LOAD_GLOBAL",
    arg: "global",
    pops: 0,
    pushes: (o) => 1 + (o & 1),
    cache: 4,
    family: ["LOAD_GLOBAL_MODULE", "LOAD_GLOBAL_BUILTIN"],
  },
  { name: "STORE_GLOBAL", arg: "name", pops: 1, pushes: 0 },
  { name: "DELETE_GLOBAL", arg: "name", pops: 0, pushes: 0 },
  {
    name: "LOAD_ATTR",
    arg: "attr",
    pops: 1,
    pushes: (o) => 1 + (o & 1),
    cache: 4,
    family: [
      "LOAD_ATTR_INSTANCE_VALUE",
      "LOAD_ATTR_MODULE",
      "LOAD_ATTR_WITH_HINT",
      "LOAD_ATTR_SLOT",
      "LOAD_ATTR_CLASS",
      "LOAD_ATTR_PROPERTY",
      "LOAD_ATTR_METHOD_WITH_VALUES",
      "LOAD_ATTR_METHOD_NO_DICT",
      "LOAD_ATTR_METHOD_LAZY_DICT",
      "LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES",
    ],
  },
  {
    name: "STORE_ATTR",
    arg: "name",
    pops: 2,
    pushes: 0,
    cache: 4,
    family: ["STORE_ATTR_INSTANCE_VALUE", "STORE_ATTR_SLOT", "STORE_ATTR_WITH_HINT"],
  },
  { name: "DELETE_ATTR", arg: "name", pops: 1, pushes: 0 },
  {
    name: "LOAD_SUPER_ATTR",
    arg: "superattr",
    pops: 3,
    pushes: (o) => 1 + (o & 1),
    cache: 1,
    family: ["LOAD_SUPER_ATTR_ATTR", "LOAD_SUPER_ATTR_METHOD"],
  },
  // Operators
  { name: "UNARY_NEGATIVE", arg: "none", pops: 1, pushes: 1 },
  { name: "UNARY_NOT", arg: "none", pops: 1, pushes: 1 },
  { name: "UNARY_INVERT", arg: "none", pops: 1, pushes: 1 },
  {
    name: "BINARY_OP",
    arg: "binop",
    pops: 2,
    pushes: 1,
    cache: 1,
    family: [
      "BINARY_OP_ADD_INT",
      "BINARY_OP_SUBTRACT_INT",
      "BINARY_OP_MULTIPLY_INT",
      "BINARY_OP_ADD_FLOAT",
      "BINARY_OP_SUBTRACT_FLOAT",
      "BINARY_OP_MULTIPLY_FLOAT",
      "BINARY_OP_ADD_UNICODE",
      "BINARY_OP_INPLACE_ADD_UNICODE",
    ],
  },
  {
    name: "BINARY_SUBSCR",
    arg: "none",
    pops: 2,
    pushes: 1,
    cache: 1,
    family: [
      "BINARY_SUBSCR_LIST_INT",
      "BINARY_SUBSCR_TUPLE_INT",
      "BINARY_SUBSCR_DICT",
      "BINARY_SUBSCR_STR_INT",
      "BINARY_SUBSCR_GETITEM",
    ],
  },
  {
    name: "STORE_SUBSCR",
    arg: "none",
    pops: 3,
    pushes: 0,
    cache: 1,
    family: ["STORE_SUBSCR_LIST_INT", "STORE_SUBSCR_DICT"],
  },
  { name: "DELETE_SUBSCR", arg: "none", pops: 2, pushes: 0 },
  { name: "BINARY_SLICE", arg: "none", pops: 3, pushes: 1 },
  { name: "STORE_SLICE", arg: "none", pops: 4, pushes: 0 },
  {
    name: "COMPARE_OP",
    arg: "compare",
    pops: 2,
    pushes: 1,
    cache: 1,
    family: ["COMPARE_OP_INT", "COMPARE_OP_FLOAT", "COMPARE_OP_STR"],
  },
  { name: "IS_OP", arg: "is", pops: 2, pushes: 1 },
  {
    name: "CONTAINS_OP",
    arg: "contains",
    pops: 2,
    pushes: 1,
    cache: 1,
    family: ["CONTAINS_OP_SET", "CONTAINS_OP_DICT"],
  },
  { name: "CALL_INTRINSIC_1", arg: "intrinsic1", pops: 1, pushes: 1 },
  { name: "CALL_INTRINSIC_2", arg: "intrinsic2", pops: 2, pushes: 1 },
  // Control flow
  { name: "JUMP_FORWARD", arg: "jump", pops: 0, pushes: 0, jump: "forward", terminal: true },
  {
    name: "JUMP_BACKWARD",
    arg: "jump",
    pops: 0,
    pushes: 0,
    jump: "backward",
    terminal: true,
    cache: 1,
  },
  { name: "JUMP_BACKWARD_NO_INTERRUPT", arg: "jump", pops: 0, pushes: 0, jump: "backward", terminal: true },
  { name: "POP_JUMP_IF_FALSE", arg: "jump", pops: 1, pushes: 0, jump: "forward", cache: 1 },
  { name: "POP_JUMP_IF_TRUE", arg: "jump", pops: 1, pushes: 0, jump: "forward", cache: 1 },
  { name: "POP_JUMP_IF_NONE", arg: "jump", pops: 1, pushes: 0, jump: "forward", cache: 1 },
  { name: "POP_JUMP_IF_NOT_NONE", arg: "jump", pops: 1, pushes: 0, jump: "forward", cache: 1 },
  { name: "GET_ITER", arg: "none", pops: 1, pushes: 1 },
  {
    name: "FOR_ITER",
    arg: "jump",
    pops: 1,
    pushes: 2,
    jump: "forward",
    jumpPushes: 1,
    cache: 1,
    family: ["FOR_ITER_LIST", "FOR_ITER_TUPLE", "FOR_ITER_RANGE", "FOR_ITER_GEN"],
  },
  { name: "END_FOR", arg: "none", pops: 1, pushes: 0 },
  { name: "RETURN_VALUE", arg: "none", pops: 1, pushes: 0, terminal: true },
  // Building
  { name: "BUILD_TUPLE", arg: "int", pops: (o) => o, pushes: 1 },
  { name: "BUILD_LIST", arg: "int", pops: (o) => o, pushes: 1 },
  { name: "BUILD_SET", arg: "int", pops: (o) => o, pushes: 1 },
  { name: "BUILD_MAP", arg: "int", pops: (o) => 2 * o, pushes: 1 },
  { name: "BUILD_CONST_KEY_MAP", arg: "int", pops: n(1), pushes: 1 },
  { name: "BUILD_STRING", arg: "int", pops: (o) => o, pushes: 1 },
  { name: "BUILD_SLICE", arg: "int", pops: (o) => o, pushes: 1 },
  { name: "LIST_APPEND", arg: "int", pops: 1, pushes: 0 },
  { name: "SET_ADD", arg: "int", pops: 1, pushes: 0 },
  { name: "MAP_ADD", arg: "int", pops: 2, pushes: 0 },
  { name: "LIST_EXTEND", arg: "int", pops: 1, pushes: 0 },
  { name: "SET_UPDATE", arg: "int", pops: 1, pushes: 0 },
  { name: "DICT_UPDATE", arg: "int", pops: 1, pushes: 0 },
  { name: "DICT_MERGE", arg: "int", pops: 1, pushes: 0 },
  {
    name: "UNPACK_SEQUENCE",
    arg: "int",
    pops: 1,
    pushes: (o) => o,
    cache: 1,
    family: ["UNPACK_SEQUENCE_TWO_TUPLE", "UNPACK_SEQUENCE_TUPLE", "UNPACK_SEQUENCE_LIST"],
  },
  { name: "UNPACK_EX", arg: "int", pops: 1, pushes: (o) => (o & 0xff) + (o >> 8) + 1 },
  // Formatting
  { name: "FORMAT_SIMPLE", arg: "none", pops: 1, pushes: 1 },
  { name: "FORMAT_WITH_SPEC", arg: "none", pops: 2, pushes: 1 },
  { name: "CONVERT_VALUE", arg: "convert", pops: 1, pushes: 1 },
  // Calls and functions
  {
    name: "CALL",
    arg: "int",
    pops: n(2),
    pushes: 1,
    cache: 3,
    family: [
      "CALL_PY_EXACT_ARGS",
      "CALL_PY_WITH_DEFAULTS",
      "CALL_BOUND_METHOD_EXACT_ARGS",
      "CALL_BUILTIN_O",
      "CALL_BUILTIN_FAST",
      "CALL_BUILTIN_CLASS",
      "CALL_METHOD_DESCRIPTOR_O",
      "CALL_METHOD_DESCRIPTOR_FAST",
      "CALL_LEN",
      "CALL_ISINSTANCE",
      "CALL_LIST_APPEND",
      "CALL_TYPE_1",
      "CALL_STR_1",
      "CALL_TUPLE_1",
      "CALL_ALLOC_AND_ENTER_INIT",
    ],
  },
  { name: "CALL_KW", arg: "int", pops: n(3), pushes: 1 },
  { name: "CALL_FUNCTION_EX", arg: "int", pops: (o) => 3 + (o & 1), pushes: 1 },
  { name: "MAKE_FUNCTION", arg: "none", pops: 1, pushes: 1 },
  { name: "SET_FUNCTION_ATTRIBUTE", arg: "funcattr", pops: 2, pushes: 1 },
  { name: "LOAD_BUILD_CLASS", arg: "none", pops: 0, pushes: 1 },
  { name: "SETUP_ANNOTATIONS", arg: "none", pops: 0, pushes: 0 },
  // Generators
  { name: "RETURN_GENERATOR", arg: "none", pops: 0, pushes: 1 },
  { name: "YIELD_VALUE", arg: "int", pops: 1, pushes: 1 },
  { name: "GET_YIELD_FROM_ITER", arg: "none", pops: 1, pushes: 1 },
  { name: "SEND", arg: "jump", pops: 2, pushes: 2, jump: "forward", cache: 1, family: ["SEND_GEN"] },
  { name: "END_SEND", arg: "none", pops: 2, pushes: 1 },
  { name: "CLEANUP_THROW", arg: "none", pops: 3, pushes: 2 },
  // Exceptions
  { name: "PUSH_EXC_INFO", arg: "none", pops: 1, pushes: 2 },
  { name: "POP_EXCEPT", arg: "none", pops: 1, pushes: 0 },
  { name: "CHECK_EXC_MATCH", arg: "none", pops: 2, pushes: 2 },
  { name: "CHECK_EG_MATCH", arg: "none", pops: 2, pushes: 2 },
  { name: "RERAISE", arg: "int", pops: n(1), pushes: (o) => o, terminal: true },
  { name: "RAISE_VARARGS", arg: "raise", pops: (o) => o, pushes: 0, terminal: true },
  { name: "LOAD_ASSERTION_ERROR", arg: "none", pops: 0, pushes: 1 },
  { name: "BEFORE_WITH", arg: "none", pops: 1, pushes: 2 },
  { name: "WITH_EXCEPT_START", arg: "none", pops: 4, pushes: 5 },
  // Pattern matching
  { name: "GET_LEN", arg: "none", pops: 1, pushes: 2 },
  { name: "MATCH_CLASS", arg: "int", pops: 3, pushes: 1 },
  { name: "MATCH_MAPPING", arg: "none", pops: 1, pushes: 2 },
  { name: "MATCH_SEQUENCE", arg: "none", pops: 1, pushes: 2 },
  { name: "MATCH_KEYS", arg: "none", pops: 2, pushes: 3 },
  // Imports
  { name: "IMPORT_NAME", arg: "name", pops: 2, pushes: 1 },
  { name: "IMPORT_FROM", arg: "name", pops: 1, pushes: 2 },
  // Superinstructions (made by the assembler's peephole pass)
  { name: "LOAD_FAST_LOAD_FAST", arg: "local2", pops: 0, pushes: 2 },
  // Coroutines
  { name: "GET_AWAITABLE", arg: "int", pops: 1, pushes: 1 },
  { name: "BEFORE_ASYNC_WITH", arg: "none", pops: 1, pushes: 2 },
  { name: "GET_AITER", arg: "none", pops: 1, pushes: 1 },
  { name: "GET_ANEXT", arg: "none", pops: 1, pushes: 2 },
  { name: "END_ASYNC_FOR", arg: "none", pops: 2, pushes: 0 },
  // Pseudo-instructions: block setup for the exception table, resolved by the assembler.
  { name: "SETUP_FINALLY", arg: "jump", pops: 0, pushes: 0, jump: "forward", jumpPushes: 1, pseudo: true },
  { name: "SETUP_CLEANUP", arg: "jump", pops: 0, pushes: 0, jump: "forward", jumpPushes: 2, pseudo: true },
  { name: "SETUP_WITH", arg: "jump", pops: 0, pushes: 0, jump: "forward", jumpPushes: 1, pseudo: true },
  { name: "POP_BLOCK", arg: "none", pops: 0, pushes: 0, pseudo: true },
  // An instruction merged away by the assembler's peephole pass.
  { name: "REMOVED", arg: "none", pops: 0, pushes: 0, pseudo: true },
  { name: "JUMP", arg: "jump", pops: 0, pushes: 0, jump: "forward", terminal: true, pseudo: true },
  {
    name: "JUMP_NO_INTERRUPT",
    arg: "jump",
    pops: 0,
    pushes: 0,
    jump: "forward",
    terminal: true,
    pseudo: true,
  },
];

/**
 * Tier-1 superinstructions (CPython 3.11's quickened pairs, named as it named them): when
 * `first` is directly followed by `second` (no EXTENDED_ARG on the second), vm/superinstructions.ts
 * rewrites first's opcode byte to `name`, a case of its own in vm/interp.ts that does both (the
 * common path of the pair; otherwise it does `first` alone and lets `second` dispatch). Second's
 * word stays in place, so a jump to it, a traceback position or a rewrite back to `first` (the
 * family's generic) all stay right.
 */
export const SUPERINSTRUCTIONS: readonly {
  name: string;
  first: string;
  second: string;
  /** Fuse only when the second instruction's oparg passes this test. */
  when?: (secondOparg: number) => boolean;
}[] = [
  // Attribute loads only (oparg bit 0 clear): a method load's fast path is LOAD_ATTR's own.
  {
    name: "LOAD_FAST__LOAD_ATTR",
    first: "LOAD_FAST",
    second: "LOAD_ATTR",
    when: (oparg) => (oparg & 1) === 0,
  },
  { name: "STORE_FAST__LOAD_FAST", first: "STORE_FAST", second: "LOAD_FAST" },
  { name: "COMPARE_OP__POP_JUMP_IF_FALSE", first: "COMPARE_OP", second: "POP_JUMP_IF_FALSE" },
  { name: "COMPARE_OP__POP_JUMP_IF_TRUE", first: "COMPARE_OP", second: "POP_JUMP_IF_TRUE" },
];

/** One numbered instruction: a table row, or a specialized variant inheriting its generic's row. */
export interface OpcodeInfo extends OpcodeSpec {
  /** The opcode number. */
  code: number;
  /** The generic instruction's number (itself when generic). */
  generic: number;
}

function numberOpcodes(): OpcodeInfo[] {
  const out: OpcodeInfo[] = [];
  const real = OPCODE_TABLE.filter((s) => !s.pseudo);
  for (const spec of real) out.push({ ...spec, code: out.length, generic: out.length });
  // Superinstructions first among the variants: numbered right after the generic instructions,
  // they keep the interpreter's switch dense.
  for (const sup of SUPERINSTRUCTIONS) {
    const first = out.find((o) => o.name === sup.first)!;
    out.push({ ...first, name: sup.name, family: undefined, code: out.length, generic: first.code });
  }
  for (const spec of real) {
    const generic = out.find((o) => o.name === spec.name)!.code;
    for (const variant of spec.family ?? []) {
      out.push({ ...spec, name: variant, family: undefined, code: out.length, generic });
    }
  }
  if (out.length > 256) throw new Error(`too many opcodes: ${out.length}`);
  // Pseudo-ops are numbered from 256: they never reach a code object.
  let pseudo = 256;
  for (const spec of OPCODE_TABLE.filter((s) => s.pseudo)) {
    out[pseudo] = { ...spec, code: pseudo, generic: pseudo };
    pseudo++;
  }
  return out;
}

/** Every instruction, indexed by opcode number (pseudo-ops from 256). */
export const OPCODES: readonly OpcodeInfo[] = numberOpcodes();

/** Opcode numbers by name, derived from the table: `Op.LOAD_FAST`. */
export const Op: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(OPCODES.filter((o) => o !== undefined).map((o) => [o.name, o.code])),
);

/** The opcode number of `name`; throws on a typo, so callers fail at load time. */
export function opcode(name: string): number {
  const code = Op[name];
  if (code === undefined) throw new Error(`unknown opcode ${name}`);
  return code;
}

function count(c: StackCount, oparg: number): number {
  return typeof c === "number" ? c : c(oparg);
}

/** Net stack effect of `op` with `oparg`; `jumping` selects the taken branch of a conditional jump. */
export function stackEffect(op: number, oparg: number, jumping = false): number {
  const info = OPCODES[op];
  const pushes = jumping && info.jumpPushes !== undefined ? info.jumpPushes : info.pushes;
  return count(pushes, oparg) - count(info.pops, oparg);
}

/** Inline cache code units after `op`. */
export const CACHE_SIZE: Uint8Array = Uint8Array.from(
  { length: 256 },
  (_, i) => OPCODES[i]?.cache ?? 0,
);

/** True for instructions whose oparg is a relative jump. */
export function hasJump(op: number): boolean {
  return OPCODES[op]?.jump !== undefined;
}

/** CPython's intrinsic functions for CALL_INTRINSIC_1 (the oparg indexes this list). */
export const INTRINSICS_1 = [
  "INTRINSIC_1_INVALID",
  "INTRINSIC_PRINT",
  "INTRINSIC_IMPORT_STAR",
  "INTRINSIC_STOPITERATION_ERROR",
  "INTRINSIC_ASYNC_GEN_WRAP",
  "INTRINSIC_UNARY_POSITIVE",
  "INTRINSIC_LIST_TO_TUPLE",
] as const;
/** Intrinsic numbers for CALL_INTRINSIC_1. */
export const INTRINSIC_PRINT = 1,
  INTRINSIC_IMPORT_STAR = 2,
  INTRINSIC_STOPITERATION_ERROR = 3,
  INTRINSIC_UNARY_POSITIVE = 5,
  INTRINSIC_LIST_TO_TUPLE = 6;
/** CPython's intrinsic functions for CALL_INTRINSIC_2. */
export const INTRINSICS_2 = ["INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR"] as const;
/** Intrinsic number for CALL_INTRINSIC_2. */
export const INTRINSIC_PREP_RERAISE_STAR = 1;

/** SET_FUNCTION_ATTRIBUTE flags (which attribute the value below the function sets). */
export const FUNC_DEFAULTS = 1, FUNC_KWDEFAULTS = 2, FUNC_ANNOTATIONS = 4, FUNC_CLOSURE = 8;
/** The flag names, for dis. */
export const FUNC_ATTRIBUTE_NAMES: Record<number, string> = {
  1: "defaults",
  2: "kwdefaults",
  4: "annotations",
  8: "closure",
};
/** CONVERT_VALUE opargs by conversion character. */
export const CONVERSIONS: Record<number, string> = { 1: "str", 2: "repr", 3: "ascii" };
