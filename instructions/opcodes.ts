/**
 * The opcodes: the generated table of instructions (instructions/opcode_table.ts, written by
 * `deno task gen` from the instruction definition vm/bytecodes.ts) → the lookups everything else
 * uses: `Op.NAME` (literal numbers; a misspelt name is a type error), `OPCODES[code]`, stack
 * effects for the assembler, cache sizes, jumps, the superinstructions, each instruction's uops.
 *
 * Bytecode is a Uint16Array of code units `opcode | oparg << 8`, as CPython's; an oparg above 255
 * is spread over EXTENDED_ARG prefixes. Names and semantics follow CPython 3.13, with these
 * deliberate simplifications:
 * - COMPARE_OP's oparg is the comparison (0..5, Py_LT..Py_GE) itself; there is no TO_BOOL: the
 *   POP_JUMP_IF_* instructions test truth themselves.
 * - FOR_ITER, when the iterator is exhausted, jumps to its target (an END_FOR) leaving the
 *   iterator on the stack; END_FOR pops it.
 * - Jump opargs count code units from the end of the jump instruction (its caches included),
 *   forwards for JUMP_FORWARD / POP_JUMP_IF_* / FOR_ITER / SEND, backwards for JUMP_BACKWARD*.
 *
 * A specialized instruction (tier 2) is a variant in its generic instruction's `family` and shares
 * its stack effect and cache layout: the specializer rewrites the opcode byte in place and nothing
 * else. A superinstruction fuses two instructions; it has the first one's metadata.
 *
 * @example
 * ```ts
 * import { Op, OPCODES } from "./opcodes.ts";
 * console.log(OPCODES[Op.BINARY_OP].name, OPCODES[Op.BINARY_OP].cache.length); // BINARY_OP 1
 * ```
 * @module
 */
import { EXPANSIONS, Op, OPCODE_ROWS, type OpName, SUPERINSTRUCTION_ROWS, UOPS } from "./opcode_table.ts";

export { CACHE_CELL, EXPANSIONS, Op, UOPS } from "./opcode_table.ts";
export type { OpName } from "./opcode_table.ts";

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
  | "binop" // an operator of instructions/operators.ts BINARY_OPS
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

/** One instruction's metadata (a row of the generated table). */
export interface OpcodeRow {
  name: string;
  /** The opcode number. */
  code: number;
  /** The generic instruction's number (itself when generic; the first of a superinstruction). */
  generic: number;
  kind: "instruction" | "macro" | "variant" | "superinstruction" | "pseudo";
  arg: ArgKind;
  /** Values popped and pushed when the instruction falls through (or always, if it never jumps). */
  pops: StackCount;
  pushes: StackCount;
  /** For jumps that may fall through: pushes when the branch is taken (null: as `pushes`). */
  jumpPushes: StackCount | null;
  /** Named inline-cache cells that follow the instruction, one code unit each. */
  cache: readonly string[];
  /** `forward`/`backward`: the oparg is a relative jump. */
  jump: "forward" | "backward" | null;
  /** Control never falls through to the next instruction (returns, raises, unconditional jumps). */
  terminal: boolean;
  /** Specialized variants (for a generic instruction). */
  family: readonly string[];
  /**
   * The family's adaptive form (what quickening puts in place of a generic instruction, and what a
   * variant deoptimizes to), or -1.
   */
  adaptive: number;
  /** For a variant that serves only some opargs (the method-load forms): their test, else null. */
  opargs: ((oparg: number) => boolean) | null;
  /** Exists only inside the compiler (block set-up); never in a code object. */
  pseudo: boolean;
}

/** A superinstruction: the pair it fuses, and the test on the second's oparg (null: always). */
export interface SuperinstructionRow {
  name: string;
  first: string;
  second: string;
  when: ((oparg: number) => boolean) | null;
}

/** A uop: its stack effect (named items, or counts), the cache cells it reads, what it does. */
export interface UopRow {
  named: boolean;
  inputs: readonly string[];
  outputs: readonly string[];
  pops: StackCount;
  pushes: StackCount;
  cache: readonly string[];
  /** It continues in another frame (a call or a return run in the loop). */
  switchesFrame: boolean;
  /** It has guards (DEOPT_IF / EXIT_IF). */
  deopts: boolean;
  /** 1 when it pushes a NULL after its outputs for this oparg (LOAD_GLOBAL's and LOAD_ATTR's). */
  conditional: ((oparg: number) => number) | null;
}

/** Every instruction, indexed by opcode number (pseudo-instructions from 256). */
export const OPCODES: readonly OpcodeRow[] = (() => {
  const out: OpcodeRow[] = [];
  for (const row of OPCODE_ROWS) out[row.code] = row;
  return out;
})();

/** The opcode number of `name`; throws on an unknown name (for names computed at run time). */
export function opcode(name: string): number {
  const code = (Op as Record<string, number>)[name];
  if (code === undefined) throw new Error(`unknown opcode ${name}`);
  return code;
}

function count(c: StackCount, oparg: number): number {
  return typeof c === "number" ? c : c(oparg);
}

/** Net stack effect of `op` with `oparg`; `jumping` selects the taken branch of a conditional jump. */
export function stackEffect(op: number, oparg: number, jumping = false): number {
  const info = OPCODES[op];
  const pushes = jumping && info.jumpPushes !== null ? info.jumpPushes : info.pushes;
  return count(pushes, oparg) - count(info.pops, oparg);
}

/** Inline cache code units after each opcode. */
export const CACHE_SIZE: Uint8Array = Uint8Array.from(
  { length: 256 },
  (_, i) => OPCODES[i]?.cache.length ?? 0,
);

/** True for instructions whose oparg is a relative jump. */
export function hasJump(op: number): boolean {
  return (OPCODES[op]?.jump ?? null) !== null;
}

/** The superinstructions (the quickener fuses them; vm/superinstructions.ts). */
export const SUPERINSTRUCTIONS: readonly SuperinstructionRow[] = SUPERINSTRUCTION_ROWS;

/** The uops an instruction runs, in order (the JIT's trace projection reads this). */
export function uopsOf(name: OpName): readonly string[] {
  return EXPANSIONS[name];
}

/** The uop table's row for `name`. */
export function uopRow(name: string): UopRow {
  const row = UOPS[name];
  if (row === undefined) throw new Error(`unknown uop ${name}`);
  return row;
}
