/**
 * The interpreter tier: a frame → the value it returns (or yields), running the instructions of the
 * instruction definition (vm/bytecodes.ts) in the loop generated from it
 * (vm/generated/interp_loop.ts; helpers in vm/interp_support.ts).
 *
 * Shape of the loop (designed for V8): one `switch` over small-integer opcodes read from the code
 * object's Uint16Array, with literal case labels (V8 builds a jump table only for those); locals
 * and the value stack in the frame's one JS array; the loop's state in local variables; fast paths
 * inline and everything else in functions of objects/ops.ts or vm/interp_support.ts.
 * Python-to-Python calls do not recurse in JS: CALL pushes the callee's frame and the loop
 * continues in it, and RETURN_VALUE pops back (as CPython 3.11 does), so deep Python recursion
 * costs no JS stack. One try/catch around the loop: a raised exception is looked up in the
 * exception table of the frame (and its callers, popping frames) and execution continues at the
 * handler.
 *
 * Keep the loop function small. V8 optimizes a function only after it has run about (its bytecode
 * length × a constant) bytecodes, and starts counting again whenever one of its inline caches
 * changes, so every byte in `run` delays the moment a program's loop runs optimized (18.9 KB took
 * programs up to a second of their time; ~9 KB now). Instructions a hot loop rarely runs are
 * marked `cold` in the definition and run in runColdInstruction; slow paths live in
 * vm/interp_support.ts. One more V8 cost the loop works around: JUMP_BACKWARD and acquireFrame
 * renew value arrays so that storing new objects into them skips the old-to-new write barrier.
 * The same loop runs tier 2 (specializer/): its adaptive and specialized instructions are cases
 * of it too, which this tier never writes into a code object.
 *
 * @example
 * ```ts
 * import { interpTier } from "./interp.ts";
 * import { setCurrentTier } from "./tier.ts";
 * setCurrentTier(interpTier);
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import { type Frame, FRAME_RUNNING, threadState } from "./frame.ts";
import { Exc, type PyValue, raise } from "../objects/object.ts";
import { NEVER_HOT, prepareForRun, type Tier } from "./tier.ts";
import { run, runWithStats } from "./generated/interp_loop.ts";
import { interpStats } from "./interp_support.ts";

export { interpStats } from "./interp_support.ts";

/** A loop: `run`, or `runWithStats` when --stats counts executions. */
/** An interpreter loop: runs `frame` (from `start`, a frame of a call below it, if given). */
export type Loop = (frame: Frame, throwing: PyValue | null, start?: Frame) => PyValue;

let interpLoop: Loop = run;

/**
 * The tier-1 interpreter as a Tier: the generic instructions only (it never quickens, so no
 * adaptive or specialized instruction runs; CPython 3.10's design and the baseline of tier 2).
 */
export const interpTier: Tier = {
  name: "interp",
  execute(frame: Frame, throwing: PyValue | null): PyValue {
    return execute(frame, throwing, interpLoop);
  },
  prepareCode(code: PyCode): void {
    code.prepared = true;
  },
  onHotLoop(frame: Frame, _target: number, counter: number): number {
    frame.code.cacheIndex[counter] = NEVER_HOT;
    return -1;
  },
  onHotEntry(frame: Frame): number {
    frame.code.entryHot = NEVER_HOT;
    return -1;
  },
  specialize(): void {
    // The interpreter never quickens: no adaptive instruction ever asks it.
  },
  collectStats(): void {
    interpLoop = runWithStats;
  },
  stats(): string[] {
    return [`interp: ${interpStats.frames} frames entered from outside the loop`];
  },
};

/**
 * Runs `frame` (fresh, or a suspended generator frame, optionally throwing `throwing` into it)
 * in `loop` until it returns or yields. Keeps the thread state (current frame, depth) balanced.
 */
export function execute(frame: Frame, throwing: PyValue | null, loop: Loop): PyValue {
  const ts = threadState;
  const depth = ts.depth;
  if (depth >= ts.recursionLimit) raise(Exc.RecursionError, "maximum recursion depth exceeded");
  ts.depth = depth + 1;
  const prev = ts.frame;
  frame.back = prev;
  ts.frame = frame;
  if (!frame.code.prepared) prepareForRun(frame.code);
  frame.state = FRAME_RUNNING;
  try {
    return loop(frame, throwing);
  } finally {
    ts.depth = depth;
    ts.frame = prev;
  }
}
