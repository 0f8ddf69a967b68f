/**
 * The native backend's uop table: uop name → which instruction fields it reads and what it does.
 * This is the one definition of the uops; the C bodies live in `stencils/uops.c` (one `UOP(NAME)`
 * block each) and `stencils/build.ts` fails unless both sides name exactly the same uops and every
 * stencil's holes match the fields declared here. Everything else (numbering, emitter checks, the
 * disassembler's annotations) is derived from this table.
 *
 * A uop instruction has five fields (see `NativeUop` in `jit/native_trace.ts`):
 * - `a`, `b`, `c`: slot indices of the native frame (see `jit/native_state.ts`); in C they are
 *   `_JIT_A`, `_JIT_B`, `_JIT_C`, patched as byte offsets from the frame pointer;
 * - `operand`: a 64-bit immediate (`_JIT_OPERAND`): an int64, the bits of a float64, an address,
 *   or an exit index;
 * - `target`: the index of another uop in the same trace (`_JIT_TARGET`): a jump or branch
 *   destination, or the exit stub a guard leaves through.
 *
 * @example
 * ```ts
 * import { UOP_IDS, UOPS } from "./native_uops.ts";
 * console.log(UOPS[UOP_IDS.ADD_I64].doc);
 * ```
 * @module
 */

/** What one instruction field means to a uop. */
export type FieldKind =
  | "i64" // a slot holding an int64 (read, or written when the uop's `writes` names it)
  | "f64" // a slot holding a float64
  | "array" // two consecutive slots: the address of an element buffer, then its length in elements
  | "imm" // `operand`: a 64-bit immediate (int64 value, float64 bits, or an address)
  | "exit" // `operand`: the exit index the executor returns
  | "validity" // `operand`: the executor's validity flag address, filled in by `NativeJit.compile`
  | "jump" // `target`: the uop to continue at
  | "guard"; // `target`: the exit stub taken when a check fails

/** One uop: its name, the fields it uses, and what it does (for humans and the disassembler). */
export interface UopSpec {
  readonly name: string;
  readonly a?: FieldKind;
  readonly b?: FieldKind;
  readonly c?: FieldKind;
  readonly operand?: FieldKind;
  readonly target?: FieldKind;
  /** True when control never falls through to the next uop (a trace must end with one). */
  readonly terminator?: boolean;
  /** True when the build makes register variants: each i64/f64 field may live in the register cache. */
  readonly registers?: boolean;
  readonly doc: string;
}

/** Marks a uop as having register variants (the hot uops of numeric loops). */
const withRegisters = (spec: UopSpec): UopSpec => ({ ...spec, registers: true });

const binaryI64 = (name: string, doc: string, guard = true): UopSpec =>
  guard
    ? { name, a: "i64", b: "i64", c: "i64", target: "guard", doc }
    : { name, a: "i64", b: "i64", c: "i64", doc };
const binaryF64 = (name: string, doc: string): UopSpec => ({ name, a: "f64", b: "f64", c: "f64", doc });
const compareI64 = (name: string, op: string): UopSpec => ({
  name,
  a: "i64",
  b: "i64",
  c: "i64",
  doc: `a = 1 if b ${op} c else 0 (int64)`,
});
const compareF64 = (name: string, op: string): UopSpec => ({
  name,
  a: "i64",
  b: "f64",
  c: "f64",
  doc: `a = 1 if b ${op} c else 0 (float64 operands, false when either is NaN except for !=)`,
});
const branchI64 = (name: string, op: string): UopSpec => ({
  name,
  b: "i64",
  c: "i64",
  target: "jump",
  doc: `jump to target if b ${op} c (int64)`,
});
const mathF64 = (name: string, fn: string, domain: string): UopSpec => ({
  name,
  a: "f64",
  b: "f64",
  target: "guard",
  doc: `a = ${fn}(b) from libm; exits through target when ${domain} (CPython raises there)`,
});

/** Every uop of the native backend, in stencil order. Ids are positions: rebuild stencils after edits. */
export const UOPS: readonly UopSpec[] = [
  // Control.
  { name: "EXIT", operand: "exit", terminator: true, doc: "return operand (the exit index) to the caller" },
  { name: "JUMP", target: "jump", terminator: true, doc: "continue at target (a loop back-edge)" },
  {
    name: "CHECK_VALIDITY",
    operand: "validity",
    target: "guard",
    doc: "exit through target when the int64 at address operand (the executor's validity flag) is 0",
  },
  withRegisters({ name: "JUMP_IF_TRUE", b: "i64", target: "jump", doc: "jump to target if b != 0" }),
  withRegisters({ name: "JUMP_IF_FALSE", b: "i64", target: "jump", doc: "jump to target if b == 0" }),
  withRegisters(branchI64("JUMP_IF_LT_I64", "<")),
  withRegisters(branchI64("JUMP_IF_GE_I64", ">=")),
  // Moves and constants.
  withRegisters({ name: "CONST_I64", a: "i64", operand: "imm", doc: "a = operand (int64)" }),
  withRegisters({
    name: "CONST_F64",
    a: "f64",
    operand: "imm",
    doc: "a = the float64 whose bits are operand",
  }),
  withRegisters({ name: "COPY_I64", a: "i64", b: "i64", doc: "a = b (int64)" }),
  withRegisters({ name: "COPY_F64", a: "f64", b: "f64", doc: "a = b (float64)" }),
  // int64 arithmetic with Python semantics; results that do not fit leave through target.
  withRegisters(binaryI64("ADD_I64", "a = b + c; exits through target on int64 overflow")),
  withRegisters(binaryI64("SUB_I64", "a = b - c; exits through target on int64 overflow")),
  withRegisters(binaryI64("MUL_I64", "a = b * c; exits through target on int64 overflow")),
  withRegisters({
    name: "ADD_I64_IMM",
    a: "i64",
    b: "i64",
    operand: "imm",
    target: "guard",
    doc: "a = b + operand; exits through target on int64 overflow",
  }),
  binaryI64("FLOORDIV_I64", "a = b // c (rounds toward -inf); exits when c == 0 or on overflow"),
  binaryI64("MOD_I64", "a = b % c (sign of c); exits through target when c == 0"),
  { name: "NEG_I64", a: "i64", b: "i64", target: "guard", doc: "a = -b; exits on overflow" },
  { name: "ABS_I64", a: "i64", b: "i64", target: "guard", doc: "a = abs(b); exits on overflow" },
  {
    name: "TRUEDIV_I64",
    a: "f64",
    b: "i64",
    c: "i64",
    target: "guard",
    doc:
      "a = b / c as a float; exits when c == 0, or when b or c exceeds 2**53 (CPython rounds those exactly)",
  },
  withRegisters(binaryI64("AND_I64", "a = b & c", false)),
  withRegisters(binaryI64("OR_I64", "a = b | c", false)),
  withRegisters(binaryI64("XOR_I64", "a = b ^ c", false)),
  binaryI64("LSHIFT_I64", "a = b << c; exits when c < 0 (ValueError) or the result overflows int64"),
  withRegisters(binaryI64("RSHIFT_I64", "a = b >> c (arithmetic; c >= 64 gives 0 or -1); exits when c < 0")),
  withRegisters(compareI64("LT_I64", "<")),
  withRegisters(compareI64("LE_I64", "<=")),
  withRegisters(compareI64("EQ_I64", "==")),
  withRegisters(compareI64("NE_I64", "!=")),
  withRegisters(compareI64("GT_I64", ">")),
  withRegisters(compareI64("GE_I64", ">=")),
  // float64 arithmetic (IEEE, as Python floats).
  withRegisters(binaryF64("ADD_F64", "a = b + c (float64)")),
  withRegisters(binaryF64("SUB_F64", "a = b - c (float64)")),
  withRegisters(binaryF64("MUL_F64", "a = b * c (float64)")),
  withRegisters({
    name: "DIV_F64",
    a: "f64",
    b: "f64",
    c: "f64",
    target: "guard",
    doc: "a = b / c; exits through target when c == 0 (ZeroDivisionError)",
  }),
  { name: "NEG_F64", a: "f64", b: "f64", doc: "a = -b (float64)" },
  {
    name: "FLOORDIV_F64",
    a: "f64",
    b: "f64",
    c: "f64",
    target: "guard",
    doc: "a = b // c with Python's float rules (fmod, floor); exits when c == 0 (ZeroDivisionError)",
  },
  {
    name: "MOD_F64",
    a: "f64",
    b: "f64",
    c: "f64",
    target: "guard",
    doc: "a = b % c with Python's float rules (sign of c; fmod); exits when c == 0 (ZeroDivisionError)",
  },
  { name: "ABS_F64", a: "f64", b: "f64", doc: "a = abs(b) (float64)" },
  withRegisters({ name: "I64_TO_F64", a: "f64", b: "i64", doc: "a = float(b)" }),
  compareF64("LT_F64", "<"),
  compareF64("LE_F64", "<="),
  compareF64("EQ_F64", "=="),
  compareF64("NE_F64", "!="),
  compareF64("GT_F64", ">"),
  compareF64("GE_F64", ">="),
  // libm.
  withRegisters(mathF64("SQRT_F64", "sqrt", "b < 0")),
  mathF64("SIN_F64", "sin", "b is infinite"),
  mathF64("COS_F64", "cos", "b is infinite"),
  mathF64("EXP_F64", "exp", "the result overflows"),
  mathF64("LOG_F64", "log", "b <= 0"),
  {
    name: "POW_F64",
    a: "f64",
    b: "f64",
    c: "f64",
    target: "guard",
    doc: "a = pow(b, c) from libm; exits when finite inputs give a NaN or infinite result",
  },
  {
    name: "FLOOR_F64",
    a: "i64",
    b: "f64",
    target: "guard",
    doc: "a = math.floor(b) as int64 (floor from libm); exits when b is NaN, infinite or out of range",
  },
  // Typed-array elements addressed through the frame; index out of [0, length) exits.
  withRegisters({
    name: "LOAD_ELEM_I64",
    a: "i64",
    b: "array",
    c: "i64",
    target: "guard",
    doc: "a = array b [c] (int64 elements); exits when c is out of range",
  }),
  withRegisters({
    name: "STORE_ELEM_I64",
    a: "array",
    b: "i64",
    c: "i64",
    target: "guard",
    doc: "array a [b] = c (int64 elements); exits when b is out of range",
  }),
  withRegisters({
    name: "LOAD_ELEM_F64",
    a: "f64",
    b: "array",
    c: "i64",
    target: "guard",
    doc: "a = array b [c] (float64 elements); exits when c is out of range",
  }),
  withRegisters({
    name: "STORE_ELEM_F64",
    a: "array",
    b: "i64",
    c: "f64",
    target: "guard",
    doc: "array a [b] = c (float64 elements); exits when b is out of range",
  }),
];

/** Uop name → id (its position in `UOPS`). */
export const UOP_IDS: Readonly<Record<string, number>> = Object.fromEntries(UOPS.map((u, i) => [u.name, i]));

/** The instruction fields, in the order the generated table and the emitter use. */
export const FIELDS = ["a", "b", "c", "operand", "target"] as const;
/** One instruction field. */
export type FieldName = typeof FIELDS[number];

/** The `_JIT_*` symbol in C that carries each field. */
export const FIELD_SYMBOLS: Readonly<Record<FieldName, string>> = {
  a: "_JIT_A",
  b: "_JIT_B",
  c: "_JIT_C",
  operand: "_JIT_OPERAND",
  target: "_JIT_TARGET",
};

/** Register-cache size: this many int64 and this many float64 registers. */
export const REGISTER_COUNT = 2;
/** In a `NativeUop` slot field, register k of the cache (int64 or float64 by the field's kind). */
export const REG0 = -1;
export const REG1 = -2;

/** The slot fields of `spec` that may live in a register: its i64 and f64 fields. */
export function registerFields(spec: UopSpec): ("a" | "b" | "c")[] {
  return (["a", "b", "c"] as const).filter((f) => spec[f] === "i64" || spec[f] === "f64");
}

/** Where the fields of a variant live, as one number: loc(a) + 3 loc(b) + 9 loc(c); loc 0 = slot. */
export function locationCode(a: number, b: number, c: number): number {
  return a + 3 * b + 9 * c;
}

/** The location code of each register variant of `spec` (not the all-slots stencil, code 0). */
export function registerVariants(spec: UopSpec): number[] {
  if (!spec.registers) return [];
  const fields = registerFields(spec);
  const codes: number[] = [];
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      for (let c = 0; c < 3; c++) {
        const code = locationCode(a, b, c);
        const used = (a === 0 || fields.includes("a")) && (b === 0 || fields.includes("b")) &&
          (c === 0 || fields.includes("c"));
        if (code !== 0 && used) codes.push(code);
      }
    }
  }
  return codes;
}

/** The location (0 = slot, 1 or 2 = register) of each field in a location code. */
export function fieldLocations(code: number): [number, number, number] {
  return [code % 3, Math.floor(code / 3) % 3, Math.floor(code / 9)];
}

/** libm functions stencils may call; the emitter resolves them by name at run time. */
export const LIBM_SYMBOLS: readonly string[] = ["sqrt", "sin", "cos", "exp", "log", "pow", "floor", "fmod"];
