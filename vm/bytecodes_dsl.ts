/**
 * The vocabulary of the instruction definition (vm/bytecodes.ts): the functions its top level
 * calls (`inst`, `op`, `macro`, `family`, `superinstruction`, `pseudo`, `template`) and the macros
 * its bodies use (`DEOPT_IF`, `EXIT_IF`, `ENTER_FRAME`, `RESUME_FRAME`, `LOAD_FRAME_LOCALS`,
 * `EXIT_LOOP`). They exist so that
 * `deno check` type-checks the definition; at run time they do nothing. tools/gen_cases.ts reads the
 * definition's text and writes the interpreter loop and the opcode and uop tables from it.
 *
 * The conventions a body follows (the generator refuses what breaks them):
 * - A body with a named stack effect (`stack: "left right -- res"`) takes its inputs as parameters
 *   named as in the effect, deepest first, and `return`s its one new output (outputs that repeat
 *   an input's name at the same place are left where they are). `return;` or `return x;` anywhere in
 *   the body finishes the instruction. The generator reads the inputs from the stack and writes the
 *   outputs back, so the body never touches `s` or `sp` for them.
 * - A body with counted stack effects (`stack: { pops, pushes }`) moves the stack itself through
 *   the loop's `s` and `sp`.
 * - Named cache cells are `cache.NAME` (an int32 per cell, `code.cacheIndex`) and `cacheRef.NAME`
 *   (a reference per cell, `code.cacheRef`); `cacheStart` is the code unit of the first cell, for
 *   slow-path helpers. When the body runs, `ip` is already past the cells.
 * - `DEOPT_IF(cond)`: a specialized instruction's guard; when cond holds the instruction goes back to
 *   its generic form. `EXIT_IF(cond)`: the same in the interpreter; a side exit in a trace.
 * - `ENTER_FRAME(frame)` runs a call's new frame from its start; `RESUME_FRAME(frame)` continues in a
 *   frame where it left off; both end the body (the loop has one copy of each, after its switch).
 *   `LOAD_FRAME_LOCALS()` after setting `f` (for bodies that go on afterwards): the loop continues
 *   in that frame (its code, constants, names and values are reloaded; the body then sets `sp` and
 *   `ip`). A uop with a named effect that switches frames pops its inputs before its body runs and
 *   may not push anything.
 * - `EXIT_LOOP(value)` returns `value` from the loop function itself (the entry frame returned or
 *   yielded).
 * - `here` is the code unit of the instruction's opcode; `REDISPATCH()` runs the instruction again
 *   as whatever its opcode is now (an adaptive instruction that has just specialized itself).
 * - In a family variant, a failed `DEOPT_IF` counts a miss and runs the generic instruction this
 *   once; when the misses allowed are used up the instruction goes back to its adaptive form.
 * - `Op.NAME` is the opcode's number (the generator writes the literal).
 * - No nested functions, no regular-expression literals.
 *
 * @example
 * ```ts
 * import { inst } from "./bytecodes_dsl.ts";
 * inst("NOP", { stack: "--" }, () => {});
 * ```
 * @module
 */
import type { ArgKind } from "../instructions/opcodes.ts";
import type { PyValue } from "../objects/object.ts";
import type { Frame } from "./frame.ts";

/** A stack count: a number, or an expression of `oparg` as text (`"oparg + 2"`). */
export type StackCountText = number | string;

/** What an instruction is: how `dis` shows its oparg, its stack effect, its caches, its jumps. */
export interface InstSpec {
  /** How dis explains the oparg (default "none"). */
  arg?: ArgKind;
  /**
   * Named items `"in1 in2 -- out1"` (the generator moves them), or counts for a body that moves
   * the stack itself; `jumpPushes` is what a conditional jump leaves when it is taken.
   */
  stack: string | { pops: StackCountText; pushes: StackCountText; jumpPushes?: StackCountText };
  /** Named inline-cache cells, in their order after the instruction (one code unit each). */
  cache?: readonly string[];
  /** The oparg is a relative jump in this direction. */
  jump?: "forward" | "backward";
  /** Control never falls through to the next instruction. */
  terminal?: boolean;
  /** Runs in runColdInstruction, outside the loop function (rarely hot; keeps the loop small). */
  cold?: boolean;
  /** A variant used only for the opargs that pass this test (an expression of `oparg`). */
  when?: string;
}

/** A uop: a piece of an instruction, with a named stack effect. */
export interface OpSpec {
  stack: string;
  /** The cache cells the body reads, by the names of the families it appears in. */
  cache?: readonly string[];
}

/** What a macro instruction declares beside its uops (its stack effect is theirs, composed). */
export interface MacroSpec {
  arg?: ArgKind;
  cache?: readonly string[];
  jump?: "forward" | "backward";
  terminal?: boolean;
  cold?: boolean;
  /** A variant used only for the opargs that pass this test (an expression of `oparg`). */
  when?: string;
}

/** A compiler-only instruction (block set-up and the like): numbered from 256, never executed. */
export interface PseudoSpec {
  arg: ArgKind;
  pops: StackCountText;
  pushes: StackCountText;
  jumpPushes?: StackCountText;
  jump?: "forward" | "backward";
  terminal?: boolean;
}

/** A body: inputs as parameters, the new output returned. */
export type Body = (...inputs: never[]) => unknown;

/**
 * Defines an instruction (and a uop of the same name). The body may be another instruction's name:
 * the two share that body (and, when their cases come out the same, one case in the loop).
 */
export function inst(_name: string, _spec: InstSpec, _body: Body | string): void {}

/** Defines a uop that is not an instruction by itself. */
export function op(_name: string, _spec: OpSpec, _body: Body): void {}

/** Defines an instruction as a sequence of uops (or instructions used as uops). */
export function macro(_name: string, _spec: MacroSpec, _parts: readonly string[]): void {}

/**
 * Names the specialized variants of a generic instruction (same stack effect and cache layout,
 * whose first cell is the adaptive counter), among them its adaptive form: what quickening puts
 * in place of the generic instruction, and what a variant goes back to when it deoptimizes.
 */
export function family(_generic: string, _variants: readonly string[], _spec: { adaptive: string }): void {}

/**
 * Defines a superinstruction: two instructions that follow each other, run by one case. The
 * quickener fuses them when the second's oparg passes `when` (an expression of `oparg`). With
 * `second`, the case runs only that uop of the second instruction (a fast path): when one of its
 * guards fails, the second instruction is left to be dispatched on its own.
 */
export function superinstruction(
  _name: string,
  _parts: readonly [string, string],
  _spec: { when?: string; second?: string },
): void {}

/** Defines a pseudo-instruction (compiler only). */
export function pseudo(_name: string, _spec: PseudoSpec): void {}

/** A function the generator writes out with the instructions' cases in place of `// @cases …`. */
export function template(_name: string, _fn: (...args: never[]) => unknown): void {}

/** Body macro: deoptimize when `cond` holds (a specialized instruction's guard). */
export function DEOPT_IF(_cond: boolean): void {}

/** Body macro: leave the trace when `cond` holds (in the interpreter, as DEOPT_IF). */
export function EXIT_IF(_cond: boolean): void {}

/** Body macro: run the instruction again as whatever opcode it has now (after specializing it). */
export function REDISPATCH(): void {}

/** Body macro: continue in frame `f` (reload code, constants, names and values from it). */
export function LOAD_FRAME_LOCALS(): void {}

/**
 * Body macro: the tier hook called in `resume` (onHotLoop, onHotEntry) may have run code of this
 * frame: when it returns a code unit (not -1), continue there with the frame's `sp` and values, in
 * the frame of a call it had inlined if it stopped in one (`tierExit.frame`), raising what it
 * stopped at (`tierExit.error`) as if that instruction had raised it.
 */
export function TIER_RAN(_resume: number): void {}

/**
 * Body macro: run `frame` (a new frame of a call) from its start, in this loop: the caller's `sp`
 * (its arguments already popped) and `ip` are saved in it. Ends the body.
 */
export function ENTER_FRAME(_frame: Frame): never {
  throw new Error("ENTER_FRAME is expanded by the generator");
}

/**
 * Body macro: continue in `frame` where it left off (its saved `sp` and `ip`; a generator's frame
 * that enterGenerator linked to this one). Ends the body.
 */
export function RESUME_FRAME(_frame: Frame): never {
  throw new Error("RESUME_FRAME is expanded by the generator");
}

/** Body macro: return `value` from the loop function. */
export function EXIT_LOOP(_value: PyValue): never {
  throw new Error("EXIT_LOOP is expanded by the generator");
}
