/**
 * Running a lowered loop natively. In: a `NativeLowering` (jit/native_lower.ts) and the NativeJit.
 * Out: a `CompiledTrace` (the JavaScript backend's interface, so the tier treats both backends
 * alike) whose `run(frame)` unboxes the loop's live locals and its range iterator into the native
 * frame, enters the machine code, and at the exit it returns boxes the trace's values back into the
 * Python frame with that exit's map (ints beyond 2**53 become big ints), exactly as a JavaScript
 * exit would, and returns the code unit the interpreter resumes at.
 *
 * A value of another kind than the trace unboxes it as fails the entry (exit 0: nothing ran, the
 * interpreter goes on at the loop head). The budget exit (BACK_EDGE_CHECK) comes every
 * `backEdgeChecks.mask + 1` back-edges: the executor checks interrupts and budgets as
 * JUMP_BACKWARD would, and re-enters at the loop top without touching the frame; what the check
 * raises is raised at the back-edge.
 *
 * @example
 * ```ts
 * import { compileNative } from "./native_executor.ts";
 * // const compiled = compileNative(jit, trace, lowering); compiled.run(frame) → resume code unit
 * ```
 * @module
 */
import { floatType, normInt, PyFloat, type PyValue } from "../objects/object.ts";
import { type PyRangeIterator, rangeIteratorType } from "../objects/types/iterators.ts";
import type { Frame, Slot } from "../vm/frame.ts";
import { backEdgeChecks, checkAtBackEdges } from "../vm/interrupts.ts";
import { loopCounters } from "../vm/interp_support.ts";
import { tierExit } from "../vm/tier.ts";
import type { CompiledTrace } from "./js_backend.ts";
import type { NativeExecutor, NativeJit } from "./native_jit.ts";
import { type ExitMap, KNOWN_BASE, type NativeLowering } from "./native_lower.ts";
import { allocateRegisters } from "./native_regalloc.ts";
import { describeUop } from "./native_trace.ts";
import { KIND_BOOL, KIND_FLOAT, KIND_INT, type Trace } from "./trace.ts";

/** What a native trace adds to a compiled trace (for --stats, --dump-traces and tests). */
export interface NativeInfo {
  readonly executor: NativeExecutor;
  readonly lowering: NativeLowering;
  /** Uops emitted (after register allocation). */
  readonly uopCount: number;
  /** Bytes of machine code. */
  readonly codeBytes: number;
  /** Lowering, register allocation and emission, in microseconds. */
  readonly compileMicros: number;
}

/** A compiled trace that runs natively. */
export interface NativeCompiledTrace extends CompiledTrace {
  readonly native: NativeInfo;
}

/** Whether a compiled trace runs natively. */
export function isNative(t: CompiledTrace): t is NativeCompiledTrace {
  return (t as Partial<NativeCompiledTrace>).native !== undefined;
}

const TWO_32 = 4294967296;

/** int64 slot access without BigInt on the common path (values within 2**53). */
class SlotView {
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  constructor(readonly jit: NativeJit) {
    this.i32 = new Int32Array(jit.state.buffer);
    this.u32 = new Uint32Array(jit.state.buffer);
  }
  /** The int64 in `slot` as a Python int (a number within 2**53, else a bigint). */
  readInt(slot: number): number | bigint {
    const hi = this.i32[2 * slot + 1];
    if (hi >= -2097152 && hi < 2097152) {
      const v = hi * TWO_32 + this.u32[2 * slot];
      if (v !== -9007199254740992) return v;
    }
    return normInt(this.jit.state[slot]);
  }
  /** Writes an integral number within 2**53 as an int64. */
  writeNumber(slot: number, v: number): void {
    this.i32[2 * slot] = v; // ToInt32: the low word, modulo 2**32
    this.i32[2 * slot + 1] = Math.floor(v / TWO_32);
  }
  box(slot: number, kind: number): PyValue {
    if (kind === KIND_INT) return this.readInt(slot);
    if (kind === KIND_FLOAT) return new PyFloat(this.jit.f64[slot]);
    return this.i32[2 * slot] !== 0;
  }
}

const views = new WeakMap<NativeJit, SlotView>();

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Emits a lowered loop and wraps it as a compiled trace. */
export function compileNative(
  jit: NativeJit,
  trace: Trace,
  lowering: NativeLowering,
  t0: number,
): NativeCompiledTrace {
  const allocated = allocateRegisters(lowering.trace);
  const executor = jit.compile(allocated);
  const compileMicros = (performance.now() - t0) * 1000;
  const view = views.get(jit) ?? new SlotView(jit);
  views.set(jit, view);
  const exits = lowering.exits;
  const exitCounts = new Float64Array(exits.length);
  const lastExit = new Int32Array(1);
  const loopEndExits = new Set<number>();
  exits.forEach((e, i) => {
    if (e.loopEnd) loopEndExits.add(i);
  });
  const nl = trace.code.nlocalsplus;
  const entryDepth = lowering.entryDepth;
  const entryLocals = lowering.entryLocals;
  const iterator = lowering.iterator;
  const state = jit.state;
  const f64 = jit.f64;
  const { resumeSlot, budgetSlot } = lowering;
  const index = executor.index;
  const enter = jit.enter;
  const known = lowering.known;
  const entryChecks = lowering.entryChecks;

  /** Unboxes the live values; false when one has another kind than the trace's. */
  function unbox(f: Frame): boolean {
    for (let n = 0; n < entryChecks.length; n++) if (!entryChecks[n](f)) return false;
    const s = f.values;
    for (let n = 0; n < entryLocals.length; n += 3) {
      const v = s[entryLocals[n]];
      const slot = entryLocals[n + 1];
      const kind = entryLocals[n + 2];
      if (kind === KIND_INT) {
        if (typeof v === "number") view.writeNumber(slot, v);
        else if (typeof v === "bigint" && v >= INT64_MIN && v <= INT64_MAX) state[slot] = v;
        else return false;
      } else if (kind === KIND_FLOAT) {
        if (typeof v !== "object" || v === null || (v as PyValue & { cls: unknown }).cls !== floatType) {
          return false;
        }
        f64[slot] = (v as PyFloat).value;
      } else {
        if (typeof v !== "boolean") return false;
        view.writeNumber(slot, v ? 1 : 0);
      }
    }
    if (iterator !== null) {
      const it = s[nl + entryDepth - 1];
      if (
        typeof it !== "object" || it === null || (it as PyValue & { cls: unknown }).cls !== rangeIteratorType
      ) {
        return false;
      }
      const r = it as PyRangeIterator;
      view.writeNumber(iterator.cur, r.cur);
      view.writeNumber(iterator.left, r.left);
      view.writeNumber(iterator.step, r.step);
    }
    return true;
  }

  /** Boxes the trace's values into the frame as exit `map` says. */
  function writeBack(f: Frame, map: ExitMap): void {
    const s = f.values;
    const locals = map.locals;
    for (let n = 0; n < locals.length; n += 3) s[locals[n]] = view.box(locals[n + 1], locals[n + 2]);
    const stack = map.stack;
    for (let n = 0; n < stack.length; n += 2) {
      const slot = stack[n];
      const j = n >> 1;
      if (slot >= 0) s[nl + j] = view.box(slot, stack[n + 1]);
      else if (slot <= KNOWN_BASE) s[nl + j] = known[KNOWN_BASE - slot] as Slot;
      else if (-1 - slot !== j) throw new Error("internal: an entry stack value moved in a native trace");
    }
    f.sp = nl + (stack.length >> 1);
    if (iterator !== null) {
      const r = s[nl + entryDepth - 1] as PyRangeIterator;
      r.cur = view.readInt(iterator.cur) as number;
      r.left = view.readInt(iterator.left) as number;
    }
  }

  function run(f: Frame): number {
    if (!unbox(f)) {
      exitCounts[0]++;
      lastExit[0] = 0;
      f.sp = nl + entryDepth;
      return trace.head;
    }
    let budget = backEdgeChecks.mask + 1;
    view.writeNumber(resumeSlot, 0);
    view.writeNumber(budgetSlot, budget);
    for (;;) {
      const exit = enter(state, index);
      const map = exits[exit];
      exitCounts[exit]++;
      lastExit[0] = exit;
      if (map.budget) {
        loopCounters.backEdges += budget;
        try {
          checkAtBackEdges();
        } catch (e) {
          writeBack(f, map);
          tierExit.error = e;
          tierExit.reraise = false;
          return map.resume;
        }
        budget = backEdgeChecks.mask + 1;
        view.writeNumber(budgetSlot, budget);
        view.writeNumber(resumeSlot, 1);
        continue;
      }
      loopCounters.backEdges += budget - (view.readInt(budgetSlot) as number);
      writeBack(f, map);
      return map.resume;
    }
  }

  const source = allocated.uops.map((u, i) => `${String(i).padStart(4)}: ${describeUop(u)}`).join("\n");
  const compiled: NativeCompiledTrace = {
    trace,
    source,
    run,
    exitCounts,
    exitAt: exits.map((e) => e.resume),
    exitBranch: exits.map((e) => e.branch),
    loopEndExits,
    preambleExits: lowering.preambleExits,
    lastExit,
    compileMs: compileMicros / 1000,
    native: {
      executor,
      lowering,
      uopCount: allocated.uops.length,
      codeBytes: executor.code.codeSize,
      compileMicros,
    },
  };
  return compiled;
}
