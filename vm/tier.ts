/**
 * The `Tier` interface: how an execution tier plugs into the VM. In: code objects and frames.
 * Out: frames run to completion or suspension.
 *
 * The VM never asks "which mode am I in": it calls the current tier's hooks, and a tier that does
 * not care about a hook leaves it a no-op. There is one current tier (`currentTier`), set once per
 * run by the driver, which picks it from its table of tiers (tiers do not know the driver).
 * - `execute(frame, throwing)` runs a frame (fresh, or a suspended generator frame, optionally
 *   throwing an exception into it) until it returns or yields.
 * - `prepareCode(code)` runs once per code object, before its first execution
 *   (`code.prepared` is false until then): tiers quicken the bytecode here (rewrite opcodes in
 *   place) and may set the loops' back-edge counters (JUMP_BACKWARD's `counter` cell).
 * - `onHotLoop(frame, target, counter)` is called by JUMP_BACKWARD when its back-edge counter (the
 *   `code.cacheIndex` cell at `counter`; it starts at 0, so a tier that never sets it is called
 *   after 2**32 back-edges) reaches zero: a tier may set it again, and may compile the loop
 *   starting at code unit `target` and run it, returning the
 *   code unit at which the interpreter resumes (with the frame's `sp`, locals and `values` updated),
 *   or -1 to keep interpreting; when what it ran raised, it also sets `tierExit`. The hook sets
 *   the countdown again.
 * - `onHotEntry(frame)` is called by a function's RESUME when `code.entryHot` (it starts at a count
 *   never reached) counts down to zero: the same protocol as onHotLoop, with the frame at its entry;
 *   the hook sets the countdown again.
 * - `specialize(code, here, frame, sp, oparg)` is called by an adaptive instruction (tier 2) when
 *   its counter runs out: the tier rewrites it into a specialized variant or backs it off.
 * - `collectStats()` before the program runs with `--stats`; `stats()` lines for `--stats`.
 *
 * @example
 * ```ts
 * import { currentTier } from "./tier.ts";
 * console.log(typeof currentTier.execute); // "function"
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import type { Frame } from "./frame.ts";
import type { PyValue } from "../objects/object.ts";

/**
 * Set by a tier's `onHotLoop` when the loop it ran stopped at an instruction that raised: the
 * interpreter raises `error` at the code unit `onHotLoop` returned (`reraise`: the exception
 * already has its traceback entry for this frame). `frame`: the loop stopped inside a call it had
 * inlined, whose frame it made and linked under the loop's frame: the interpreter continues (or
 * raises) there, at its `ip`.
 */
export const tierExit: { error: unknown; reraise: boolean; frame: Frame | null } = {
  error: null,
  reraise: false,
  frame: null,
};

/**
 * Readies `code` for its first run (the VM calls this where `code.prepared` is false): its body
 * is read if it was left unread (objects/code_serial.ts), its inline caches are made, then the
 * current tier prepares it.
 */
export function prepareForRun(code: PyCode): void {
  code.ensureBody();
  code.allocateCaches();
  currentTier.prepareCode(code);
}

/** A back-edge countdown that never reaches zero (a tier that does not want to hear of hot loops). */
export const NEVER_HOT = 0x7fffffff;

/** An execution tier. */
export interface Tier {
  /** "interp", "specialized" or "jit". */
  readonly name: string;
  /** Runs `frame` until it returns or suspends; `throwing` is thrown into it at its resume point. */
  execute(frame: Frame, throwing: PyValue | null): PyValue;
  /** Called once per code object, before it first runs. */
  prepareCode(code: PyCode): void;
  /** A loop got hot at JUMP_BACKWARD; returns the code unit to resume at, or -1. */
  onHotLoop(frame: Frame, target: number, counter: number): number;
  /** A function's entry got hot at RESUME: as onHotLoop, from the frame's entry. */
  onHotEntry(frame: Frame): number;
  /**
   * An adaptive instruction at code unit `here` of `code` has warmed up: rewrite it into the
   * variant of its family that fits the values on the stack (`frame.values` up to `sp`), or back
   * it off. Only tiers that quicken (specialized, jit) are ever asked.
   */
  specialize(code: PyCode, here: number, frame: Frame, sp: number, oparg: number): void;
  /** `--stats` was given: count what `stats()` reports from now on (it may run slower). */
  collectStats(): void;
  /** Lines for `--stats`. */
  stats(): string[];
}

const noTier: Tier = {
  name: "none",
  execute(): PyValue {
    throw new Error("internal: no execution tier selected");
  },
  prepareCode(): void {},
  onHotLoop(): number {
    return -1;
  },
  onHotEntry(frame: Frame): number {
    frame.code.entryHot = NEVER_HOT;
    return -1;
  },
  specialize(): void {},
  collectStats(): void {},
  stats(): string[] {
    return [];
  },
};

/** The tier running the program (a live binding: importers always see the current one). */
export let currentTier: Tier = noTier;

/** Makes `tier` the current tier (the driver does this once per run). */
export function setCurrentTier(tier: Tier): void {
  currentTier = tier;
}
