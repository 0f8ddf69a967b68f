/**
 * The `Tier` interface: how an execution tier plugs into the VM. In: code objects and frames.
 * Out: frames run to completion or suspension.
 *
 * The VM never asks "which mode am I in": it calls the active tier's hooks, and a tier that does
 * not care about a hook leaves it a no-op.
 * - `execute(frame, throwing)` runs a frame (fresh, or a suspended generator frame, optionally
 *   throwing an exception into it) until it returns or yields.
 * - `onCodeCreated(code)` runs once per code object before its first execution: the specializer
 *   quickens the bytecode here (rewrites opcodes in place, sets `code.warmup`).
 * - `onHotLoop(frame, target)` is called by JUMP_BACKWARD when `code.warmup` counts down to zero:
 *   the JIT may compile the loop starting at code unit `target` and run it, returning the code
 *   unit at which the interpreter resumes (it hands back the frame with `sp` and locals updated),
 *   or -1 to keep interpreting. The hook resets `code.warmup`.
 * - `onSpecializationMiss(frame, index)`: a specialized instruction's guard failed at `index`.
 * - `stats()` lines for `--stats`.
 *
 * @example
 * ```ts
 * import { activeTier } from "./tier.ts";
 * console.log(activeTier().name); // "interp"
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import type { Frame } from "./frame.ts";
import type { PyValue } from "../objects/object.ts";

/** Back-edge countdown of a code object that no tier wants to hear about (never reaches 0). */
export const NEVER_HOT = 0x3fffffff;

/** An execution tier. */
export interface Tier {
  /** "interp", "specialized" or "jit". */
  readonly name: string;
  /** Runs `frame` until it returns or suspends; `throwing` is thrown into it at its resume point. */
  execute(frame: Frame, throwing: PyValue | null): PyValue;
  /** Called once per code object, before it first runs. */
  onCodeCreated(code: PyCode): void;
  /** A loop got hot at JUMP_BACKWARD; returns the code unit to resume at, or -1. */
  onHotLoop(frame: Frame, target: number): number;
  /** A specialized instruction at code unit `index` missed its guard. */
  onSpecializationMiss(frame: Frame, index: number): void;
  /** Lines for `--stats`. */
  stats(): string[];
}

let current: Tier | null = null;

/** The active tier (the highest one enabled). */
export function activeTier(): Tier {
  if (current === null) throw new Error("internal: no execution tier registered");
  return current;
}

/** Makes `tier` the active tier (run.ts does this once per program). */
export function setActiveTier(tier: Tier): void {
  current = tier;
}
