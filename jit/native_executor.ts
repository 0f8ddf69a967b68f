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
import { floatType, normInt, PyFloat } from "../objects/object.ts";
import { rangeIteratorType } from "../objects/types/iterators.ts";
import type { Frame } from "../vm/frame.ts";
import { backEdgeChecks, checkAtBackEdges } from "../vm/interrupts.ts";
import { loopCounters } from "../vm/interp_support.ts";
import { tierExit } from "../vm/tier.ts";
import type { CompiledTrace } from "./js_backend.ts";
import type { NativeExecutor, NativeJit } from "./native_jit.ts";
import { KNOWN_BASE, type NativeLowering } from "./native_lower.ts";
import { allocateRegisters } from "./native_regalloc.ts";
import { describeUop } from "./native_trace.ts";
import { KIND_FLOAT, KIND_INT, type Trace } from "./trace.ts";

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

/** int64 slot reads without BigInt on the common path (values within 2**53). */
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
}

const views = new WeakMap<NativeJit, SlotView>();

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** What the generated entry-and-exit function of one executor is made from. */
interface RunParts {
  readonly jit: NativeJit;
  readonly view: SlotView;
  readonly index: number;
  readonly lowering: NativeLowering;
  readonly nl: number;
  readonly head: number;
  readonly exitCounts: Float64Array;
  readonly lastExit: Int32Array;
}

/**
 * The executor's `run(frame)` as one generated JavaScript function (so that V8 sees each local's
 * kind and slot as constants): entry checks and unboxing, the native call, then a `switch` over
 * the exits, each boxing exactly its map's values back into the frame.
 */
function generateRun(parts: RunParts): (f: Frame) => number {
  const { lowering, nl } = parts;
  const lines: string[] = [];
  const emit = (line: string) => lines.push(line);
  const lo = (slot: number) => `I[${2 * slot}]`;
  const hi = (slot: number) => `I[${2 * slot + 1}]`;
  const setNumber = (slot: number, v: string) =>
    `${lo(slot)} = ${v}; ${hi(slot)} = Math.floor(${v} / 4294967296);`;
  const box = (slot: number, kind: number) =>
    kind === KIND_INT ? `R(${slot})` : kind === KIND_FLOAT ? `new PyFloat(F[${slot}])` : `${lo(slot)} !== 0`;
  const fail = "return fail(f);";
  emit("return function run(f) {");
  emit("const s = f.values;");
  lowering.entryChecks.forEach((_, i) => emit(`if (!C[${i}](f)) ${fail}`));
  emit("let v;");
  // Locals, then the numbers read from globals: each unboxed as its kind, or the entry fails.
  const el = lowering.entryLocals;
  const unboxes: [string, number, number][] = [];
  for (let n = 0; n < el.length; n += 3) unboxes.push([`s[${el[n]}]`, el[n + 1], el[n + 2]]);
  lowering.entryValues.forEach((e, i) => unboxes.push([`G[${i}].read(f)`, e.slot, e.kind]));
  for (const [source, slot, kind] of unboxes) {
    emit(`v = ${source};`);
    if (kind === KIND_INT) {
      emit(`if (typeof v === "number") { ${setNumber(slot, "v")} }`);
      emit(`else if (typeof v === "bigint" && v >= MIN && v <= MAX) B[${slot}] = v; else ${fail}`);
    } else if (kind === KIND_FLOAT) {
      emit(`if (typeof v !== "object" || v === null || v.cls !== floatType) ${fail}`);
      emit(`F[${slot}] = v.value;`);
    } else {
      emit(`if (typeof v !== "boolean") ${fail}`);
      emit(`${lo(slot)} = v ? 1 : 0; ${hi(slot)} = 0;`);
    }
  }
  const it = lowering.iterator;
  const itIndex = nl + lowering.entryDepth - 1;
  if (it !== null) {
    emit(`const it = s[${itIndex}];`);
    emit(`if (typeof it !== "object" || it === null || it.cls !== rangeIteratorType) ${fail}`);
    emit(setNumber(it.cur, "it.cur"));
    emit(setNumber(it.left, "it.left"));
    emit(setNumber(it.step, "it.step"));
  }
  emit(`let budget = backEdgeChecks.mask + 1;`);
  emit(`${lo(lowering.resumeSlot)} = 0; ${hi(lowering.resumeSlot)} = 0;`);
  emit(`${lo(lowering.budgetSlot)} = budget; ${hi(lowering.budgetSlot)} = 0;`);
  emit("for (;;) {");
  emit(`const x = enter(B, ${parts.index});`);
  emit("W[0] = x;");
  emit("switch (x) {");
  lowering.exits.forEach((map, x) => {
    if (x === 0) return; // the entry check's: never returned by native code
    const writes: string[] = [];
    for (let n = 0; n < map.locals.length; n += 3) {
      writes.push(`s[${map.locals[n]}] = ${box(map.locals[n + 1], map.locals[n + 2])};`);
    }
    for (let n = 0; n < map.stack.length; n += 2) {
      const slot = map.stack[n];
      const j = n >> 1;
      if (slot >= 0) writes.push(`s[${nl + j}] = ${box(slot, map.stack[n + 1])};`);
      else if (slot <= KNOWN_BASE) writes.push(`s[${nl + j}] = K[${KNOWN_BASE - slot}];`);
      else if (-1 - slot !== j) throw new Error("internal: an entry stack value moved in a native trace");
    }
    writes.push(`f.sp = ${nl + (map.stack.length >> 1)};`);
    if (it !== null) writes.push(`it.cur = R(${it.cur}); it.left = R(${it.left});`);
    if (map.budget) {
      emit(`case ${x}:`);
      emit("loopCounters.backEdges += budget;");
      emit(`try { checkAtBackEdges(); } catch (e) {`);
      emit(
        `X[${x}]++; ${
          writes.join(" ")
        } tierExit.error = e; tierExit.reraise = false; return ${map.resume}; }`,
      );
      emit("budget = backEdgeChecks.mask + 1;");
      emit(`${lo(lowering.budgetSlot)} = budget; ${lo(lowering.resumeSlot)} = 1;`);
      emit("continue;");
    } else {
      emit(`case ${x}:`);
      emit(`X[${x}]++; loopCounters.backEdges += budget - ${lo(lowering.budgetSlot)};`);
      emit(`${writes.join(" ")} return ${map.resume};`);
    }
  });
  emit(`default: throw new Error("internal: native exit " + x);`);
  emit("}");
  emit("}");
  emit("};");
  const fail0 = (f: Frame) => {
    parts.exitCounts[0]++;
    parts.lastExit[0] = 0;
    f.sp = nl + lowering.entryDepth;
    return parts.head;
  };
  const view = parts.view;
  const jit = parts.jit;
  const factory = new Function(
    "I",
    "F",
    "B",
    "R",
    "C",
    "G",
    "K",
    "X",
    "W",
    "enter",
    "fail",
    "MIN",
    "MAX",
    "PyFloat",
    "floatType",
    "rangeIteratorType",
    "backEdgeChecks",
    "checkAtBackEdges",
    "loopCounters",
    "tierExit",
    lines.join("\n"),
  );
  return factory(
    view.i32,
    jit.f64,
    jit.state,
    (slot: number) => view.readInt(slot),
    lowering.entryChecks,
    lowering.entryValues,
    lowering.known,
    parts.exitCounts,
    parts.lastExit,
    jit.enter,
    fail0,
    INT64_MIN,
    INT64_MAX,
    PyFloat,
    floatType,
    rangeIteratorType,
    backEdgeChecks,
    checkAtBackEdges,
    loopCounters,
    tierExit,
  );
}

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
  const index = executor.index;

  const run = generateRun({
    jit,
    view,
    index,
    lowering,
    nl,
    head: trace.head,
    exitCounts,
    lastExit,
  });

  const compiled: NativeCompiledTrace = {
    trace,
    // The uops as text, made when a dump asks (most traces are never shown).
    get source() {
      return allocated.uops.map((u, i) => `${String(i).padStart(4)}: ${describeUop(u)}`).join("\n");
    },
    run,
    exitCounts,
    exitAt: exits.map((e) => e.resume),
    exitBranch: exits.map((e) => e.branch),
    loopEndExits,
    preambleExits: lowering.preambleExits,
    lastExit,
    leavesInCallees: false, // native traces follow no calls
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
