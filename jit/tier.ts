/**
 * Tier 3, the tracing JIT, as a Tier: everything tier 2 does (quickening, specialization), plus
 * hot loops and hot functions. Each loop's JUMP_BACKWARD counts its back-edges; at
 * `hot_loop_threshold` the next iteration is recorded (jit/trace.ts) and compiled, which then runs
 * the loop from its head until an exit hands the frame back to the interpreter. A function without
 * loops counts its calls at RESUME; at `hot_function_threshold` the next call is recorded to its
 * return, and the trace then runs each call from its entry to the return, which the interpreter
 * runs (or to an exit). A generator's resume point counts its resumptions the same way; its trace
 * then runs each resumption from there to the next yield, which is done without the interpreter
 * (resumeGenerator). `--jit-backend` chooses the compiler of loops: `native` lowers the loop to
 * native uops (jit/native_lower.ts, run by jit/native_executor.ts) where all of it lowers and
 * compiles it to JavaScript (jit/js_backend.ts) otherwise; `auto` (the default) does the same but
 * moves a native loop to JavaScript when it runs too few iterations per entry to pay for native
 * entries; `js` never runs native code. Function traces are always JavaScript. Where native code
 * cannot run (no FFI permission, not x86-64 Linux) JavaScript runs every loop and `--stats` says
 * why. An aborted recording backs off (2**k more back-edges or calls, k up to `trace_backoff_max`);
 * a trace whose entry keeps failing is dropped and recorded again. In: frames at a loop's
 * back-edge, a function's entry or a generator's resumption. Out: the code unit the interpreter
 * resumes at (or a resumption's yielded value). `--stats` reports traces, aborts by reason,
 * exits, native traces (code bytes, compile time each) and why loops stayed on JavaScript;
 * `--dump-traces` prints each trace's path and its JavaScript, or its native uops with their
 * disassembly.
 *
 * @example
 * ```ts
 * import { jitTier } from "./tier.ts";
 * import { setCurrentTier } from "../vm/tier.ts";
 * setCurrentTier(jitTier);
 * ```
 * @module
 */
import {
  ABORT,
  ABORT_NAMES,
  NATIVE_FALLBACK,
  NATIVE_FALLBACK_REASONS,
} from "../instructions/abort_reasons.ts";
import { CACHE_SIZE, Op, OPCODES } from "../instructions/opcodes.ts";
import { tunables } from "../instructions/tunables.ts";
import type { PyCode } from "../objects/code.ts";
import { writeStderr } from "../objects/stdio.ts";
import type { Frame } from "../vm/frame.ts";
import { continueIn, specializedTier } from "../specializer/tier.ts";
import { NEVER_HOT, type Tier, tierExit } from "../vm/tier.ts";
import { loopCounters } from "../vm/interp_support.ts";
import {
  type CompiledTrace,
  compileTrace,
  functionTraces,
  innerLoops,
  type InnerTraces,
  NO_TRACE,
  TraceAbort,
} from "./js_backend.ts";
import { PyCell, type PyValue } from "../objects/object.ts";
import { bindFrame, type PyFunction } from "../vm/function.ts";
import {
  acquireFrame,
  FRAME_CREATED,
  FRAME_DONE,
  FRAME_RUNNING,
  FRAME_SUSPENDED,
  releaseFrame,
} from "../vm/frame.ts";
import {
  backEdgesOf,
  isRecording,
  type RecordedInstruction,
  recordFunction,
  recordGenerator,
  recordingActive,
  recordLoop,
  type RecordResult,
  type Trace,
} from "./trace.ts";
import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NEWLOCALS } from "../objects/code.ts";
import { threadState } from "../vm/frame.ts";
import { NativeJit } from "./native_jit.ts";
import { nativeJitSupport } from "./native_support.ts";
import { lowerNative, NATIVE_SLOT_LIMIT } from "./native_lower.ts";
import { compileNative, isNative } from "./native_executor.ts";
import { describeNativeTrace } from "./native_dump.ts";
import { notePerfSymbol, perfMapStats } from "./perf_map.ts";

/** What a loop's or a function's trace keeps of the inner loops it inlines. */
interface InlinedLoops {
  /** Heads of inner loops whose inlined copy left the trace too often: they run as a whole. */
  notInlined: Set<number>;
  /** Recompilations after a hot exit inside an inlined inner loop, by the inner loop's head. */
  inlineTries: Map<number, number>;
}

/** What the JIT knows of one loop (by its code object and head). */
interface LoopState extends InlinedLoops, SidePaths {
  trace: CompiledTrace | null;
  /** Aborts and invalidations so far (the backoff exponent). */
  backoff: number;
  /** Entries whose first guards failed in a row. */
  entryFailures: number;
  /** Recordings or compilations of this loop that failed. */
  aborts: number;
  /** Trace entries, and the loop iterations they ran (for SHORT_LOOP). */
  entries: number;
  iterations: number;
  /** Entries of its native trace and the iterations they ran (auto judges whether native pays). */
  nativeEntries: number;
  nativeIterations: number;
  /** `auto` found native code does not pay for this loop: it is compiled to JavaScript. */
  jsOnly: boolean;
  /** The recorded trace of a loop dropped as too short (SHORT_LOOP), kept for outer loops to inline. */
  shortTrace: Trace | null;
  /**
   * That loop's JavaScript trace, which an outer loop's trace still runs it with where it does not
   * inline it (its first iteration runs inner loops as a whole): without it, that iteration would
   * leave the outer trace at the inner loop each time it is entered.
   */
  shortCompiled: CompiledTrace | null;
  /** Times the loop was dropped as too short (each doubles the wait before it is recorded again). */
  shortDrops: number;
  /** Recordings that found the loop ending at once (LOOP_ENDED): they vary the next wait. */
  ended: number;
}

const loops = new WeakMap<PyCode, Map<number, LoopState>>();
/** Every trace compiled (for --stats and --dump-traces). */
const compiled: CompiledTrace[] = [];
const counts = { recorded: 0, sides: 0, compiled: 0, entries: 0, compileMs: 0 };
const aborts = new Float64Array(ABORT_NAMES.length);
/** Aborts by reason and what it named (the instruction, the position). */
const abortDetails = new Map<string, number>();
/** `dump`: --dump-traces; `keep`: --stats (compiled traces are kept for their exit counts). */
const options = { dump: false, keep: false };

/** The code generators `--jit-backend` chooses between. */
export type JitBackend = "js" | "native" | "auto";
let backend: JitBackend = "auto";

/** The native machinery, opened on the first loop compiled with a native backend chosen. */
const native: { jit: NativeJit | null; tried: boolean; unavailable: string | null } = {
  jit: null,
  tried: false,
  unavailable: null,
};
/** Native traces compiled, and loops left to the JavaScript backend (by reason and what it named). */
const nativeCounts = { compiled: 0, movedToJs: 0 };

/** Native entries after which `auto` judges a loop's iterations per entry. */
const AUTO_SAMPLE = 512;
/**
 * Iterations per entry below which `auto` moves a loop to the JavaScript backend: a native entry
 * and exit (unboxing, the call through the trampoline, boxing back) cost more than a JavaScript
 * trace's, and a loop this short does not win them back. Where the crossover lies depends on the
 * body (measured side by side: a `t += i` body stays faster in JavaScript even at 32 iterations,
 * gcd's `a % b` loop is faster natively at about 10); 16 keeps int_loops' `auto` within 3% of
 * `native` (at 32 it was 11% slower). A cost per uop would choose better than a count.
 */
const AUTO_MIN_ITERATIONS = 16;

/** `auto`: a native loop that runs too few iterations per entry is compiled to JavaScript instead. */
function judgeNative(state: LoopState, trace: CompiledTrace, iterations: number): void {
  state.nativeEntries++;
  state.nativeIterations += iterations;
  if (state.nativeEntries !== AUTO_SAMPLE || state.nativeIterations >= AUTO_SAMPLE * AUTO_MIN_ITERATIONS) {
    return;
  }
  state.jsOnly = true;
  try {
    installTrace(state, compileTrace(trace.trace, state.sides, innerTracesFor(state, trace.trace.code)));
    nativeCounts.movedToJs++;
  } catch (e) {
    if (!(e instanceof TraceAbort)) throw e;
  }
}
const nativeFallbacks = new Float64Array(NATIVE_FALLBACK_REASONS.length);
const nativeFallbackDetails = new Map<string, number>();

/** The NativeJit, or null where native code cannot run (the reason is kept for --stats). */
function nativeJit(): NativeJit | null {
  if (!native.tried) {
    native.tried = true;
    try {
      native.jit = NativeJit.create({ slots: NATIVE_SLOT_LIMIT });
    } catch (e) {
      native.unavailable = e instanceof Error ? e.message : String(e);
    }
  }
  return native.jit;
}

function noteFallback(reason: number, detail: string): void {
  nativeFallbacks[reason]++;
  const name = NATIVE_FALLBACK_REASONS[reason].name;
  const key = detail === "" ? name : `${name} ${detail}`;
  nativeFallbackDetails.set(key, (nativeFallbackDetails.get(key) ?? 0) + 1);
}

/**
 * Compiles a loop's trace (with its side paths) on the chosen backend: natively where the whole
 * loop lowers to native uops (`native` and `auto`), else to JavaScript. Throws TraceAbort.
 */
function compileLoop(
  state: LoopState,
  trace: Trace,
  frame: Frame,
  sides?: ReadonlyMap<string, readonly RecordedInstruction[]>,
): CompiledTrace {
  // The native JIT (its executable memory, libc, the entry trampoline) is made the first time a
  // loop lowers: most programs have none that do.
  if (backend !== "js" && !state.jsOnly && !(native.tried && native.jit === null)) {
    const t0 = performance.now();
    const lowered = lowerNative(trace, sides, { globals: frame.globals, builtins: frame.builtins });
    if (lowered.lowering === null) noteFallback(lowered.reason, lowered.detail);
    else {
      const jit = nativeJit();
      if (jit !== null) {
        try {
          const compiled = compileNative(jit, trace, lowered.lowering, t0);
          nativeCounts.compiled++;
          const executor = compiled.native.executor;
          const code = trace.code;
          notePerfSymbol(
            executor.address,
            compiled.native.codeBytes,
            `py::${code.qualname} ${code.filename}:${code.lineAt(trace.head)}`,
          );
          return compiled;
        } catch (e) {
          noteFallback(NATIVE_FALLBACK.COMPILE_FAILED, e instanceof Error ? e.message : String(e));
        }
      }
    }
  }
  return compileTrace(trace, sides, innerTracesFor(state, trace.code));
}

/**
 * The inner loops of `code` a loop's JavaScript trace inlines, with their side paths: those with a
 * JavaScript trace of their own (a native one is entered as a whole), or whose trace was dropped
 * for running too few iterations per entry (inlined, a short loop costs no entry), unless an
 * inlined copy already left the trace too often.
 */
function innerTracesFor(state: InlinedLoops, code: PyCode): InnerTraces {
  return (head) => {
    if (state.notInlined.has(head)) return null;
    const inner = loops.get(code)?.get(head);
    if (inner === undefined) return null;
    if (inner.trace === null) {
      return inner.shortTrace === null ? null : { trace: inner.shortTrace, sides: inner.sides };
    }
    return isNative(inner.trace) ? null : { trace: inner.trace.trace, sides: inner.sides };
  };
}

/** A trace no longer used by its loop: native code is freed (its memory is reused). */
function retire(t: CompiledTrace | null): void {
  if (t !== null && isNative(t)) t.native.executor.free();
}

/** Entries after which a trace's iterations per entry are judged (SHORT_LOOP). */
const SHORT_LOOP_SAMPLE = 2000;
/**
 * Instructions per entry (iterations × the recorded iteration's length) below which a loop is
 * better left to the interpreter: a trace's entry and exit cost about as much as interpreting two
 * dozen instructions, whatever the loop, so a long body pays for them in one iteration, a short
 * one needs several. (Counted in iterations alone, a long loop that leaves at a branch every third
 * iteration was dropped: regex_logs' make_lines, 25% slower.)
 */
const SHORT_LOOP_WORK = 24;
/**
 * Back-edges a loop dropped as too short first runs interpreted before it is recorded again
 * (doubled at each drop, up to LONG_RETRY): a function called first with small inputs and then
 * with large ones gets its traces back within its first large call.
 */
const SHORT_LOOP_RETRY = 1 << 16;

/** Entries in a row that fail the trace's first guards before it is dropped. */
const MAX_ENTRY_FAILURES = 64;

function loopState(code: PyCode, head: number): LoopState {
  let byHead = loops.get(code);
  if (byHead === undefined) loops.set(code, byHead = new Map());
  let state = byHead.get(head);
  if (state === undefined) {
    byHead.set(
      head,
      state = {
        trace: null,
        sides: new Map(),
        noSide: new Map(),
        full: false,
        backoff: 0,
        entryFailures: 0,
        aborts: 0,
        entries: 0,
        iterations: 0,
        nativeEntries: 0,
        nativeIterations: 0,
        jsOnly: false,
        notInlined: new Set(),
        inlineTries: new Map(),
        shortTrace: null,
        shortCompiled: null,
        shortDrops: 0,
        ended: 0,
      },
    );
  }
  return state;
}

/** Runs a compiled trace from the loop head; returns where the interpreter resumes. */
function enter(
  state: LoopState,
  trace: CompiledTrace,
  frame: Frame,
  counter: number,
  fromTrace = false,
): number {
  counts.entries++;
  const before = loopCounters.backEdges;
  const resume = trace.run(frame);
  // (A short loop's trace run from an outer trace leaves the loop's wait to run it again as it is.)
  if (trace === state.trace) frame.code.cacheIndex[counter] = 1;
  const iterations = loopCounters.backEdges - before;
  if (!fromTrace) {
    state.entries++;
    state.iterations += iterations;
  }
  // The common case, small enough for V8 to inline where loops are entered (an inner loop's once
  // per outer iteration): the loop ran to its end, at an exit that grows nothing, nothing is due.
  const exit = trace.lastExit[0];
  if (
    trace.loopEndExits.has(exit) && trace.exitBranch[exit] === null && (trace.exitInner?.[exit] ?? -1) < 0 &&
    (fromTrace || state.entries !== SHORT_LOOP_SAMPLE) &&
    !(backend === "auto" && isNative(trace) && state.trace === trace)
  ) {
    state.entryFailures = 0;
    return resume;
  }
  return afterLoopTrace(state, trace, frame, counter, fromTrace, resume, iterations);
}

/** The rest of enter: the native and short-loop judgements, and an exit's side path or backoff. */
function afterLoopTrace(
  state: LoopState,
  trace: CompiledTrace,
  frame: Frame,
  counter: number,
  fromTrace: boolean,
  resume: number,
  iterations: number,
): number {
  const code = frame.code;
  // A loop left after an iteration or two of a short body each time pays the trace's entry and exit for little:
  // past a sample of entries, such a loop goes back to the interpreter (SHORT_LOOP_RETRY).
  // (An inner loop entered from its outer loop's trace costs little: it is not judged.)
  if (backend === "auto" && isNative(trace) && state.trace === trace) judgeNative(state, trace, iterations);
  if (
    !fromTrace && state.entries === SHORT_LOOP_SAMPLE &&
    state.iterations * trace.trace.path.length < SHORT_LOOP_SAMPLE * SHORT_LOOP_WORK
  ) {
    state.shortCompiled = isNative(trace) ? null : trace;
    retire(state.trace);
    state.shortTrace = trace.trace;
    state.trace = null;
    noteAbort(ABORT.SHORT_LOOP, "");
    // Not for good: a later call may run the loop long (the same function, other arguments): it is
    // recorded again then (afresh: the trace kept for outer traces may predate their inner loops'
    // traces, and measured worse reused).
    state.entries = 0;
    state.iterations = 0;
    code.cacheIndex[counter] = Math.min(LONG_RETRY, SHORT_LOOP_RETRY * 2 ** state.shortDrops);
    state.shortDrops = Math.min(state.shortDrops + 1, 20);
    return resume;
  }
  const exit = trace.lastExit[0];
  if (
    exit < trace.preambleExits && !trace.loopEndExits.has(exit) && trace.branchExits?.has(exit) !== true &&
    tierExit.error === null
  ) {
    // Left before one whole iteration: the values entering may no longer fit the trace.
    if (++state.entryFailures >= MAX_ENTRY_FAILURES) {
      if (trace === state.shortCompiled) state.shortCompiled = null;
      if (trace === state.trace) {
        retire(state.trace);
        state.trace = null;
        backOff(state, code, counter, ABORT.ENTRY_FAILS);
      }
      state.entryFailures = 0;
    }
  } else state.entryFailures = 0;
  // (A short loop's trace, which outer traces run, grows side paths as the loop's own does.)
  if (trace !== state.trace && trace !== state.shortCompiled) return resume;
  const inlinedSide = growInlinedSide(trace, frame, exit, resume, () => recompileLoop(state, frame));
  if (inlinedSide >= 0) return inlinedSide;
  if (trace === state.trace && hotInlinedExit(state, trace, exit)) {
    recompile(state, frame);
    return resume;
  }
  const branch = trace.exitBranch[exit];
  if (branch !== null && (trace.exitInner?.[exit] ?? -1) < 0 && wantsSide(state, trace, exit, branch)) {
    return growSide(
      state,
      frame,
      branch,
      resume,
      (start) => recordLoop(frame, trace.trace.head, (inner) => hasTrace(frame.code, inner), start),
      () => recompileLoop(state, frame),
    );
  }
  return resume;
}

/**
 * Compiles a loop's trace again with its side paths: its own trace, or, for a loop dropped as too
 * short, the trace outer traces run it with (a JavaScript one).
 */
function recompileLoop(state: LoopState, frame: Frame): void {
  if (state.trace !== null) {
    installTrace(state, compileLoop(state, state.trace.trace, frame, state.sides));
  } else if (state.shortTrace !== null && state.shortCompiled !== null) {
    state.shortCompiled = compileTrace(state.shortTrace, state.sides, innerTracesFor(state, frame.code));
    noteCompiled(state.shortCompiled);
  }
}

/**
 * A hot branch exit inside an inner loop that `trace` inlines (an outer loop's trace or a
 * function's): the path from there back to the inner loop's head becomes a side path of the inner
 * loop (it is the inner loop's branch), whose trace is compiled again, and so is `trace`
 * (`recompileOuter`), which inlines it with it. Returns where the interpreter resumes, or -1 when
 * the exit is not such a one or grows nothing now.
 */
function growInlinedSide(
  trace: CompiledTrace,
  frame: Frame,
  exit: number,
  resume: number,
  recompileOuter: () => void,
): number {
  const head = trace.exitInner?.[exit] ?? -1;
  const branch = trace.exitBranch[exit];
  if (head < 0 || branch === null) return -1;
  const code = frame.code;
  const inner = loops.get(code)?.get(head);
  if (inner === undefined || !wantsSide(inner, trace, exit, branch)) return -1;
  return growSide(
    inner,
    frame,
    branch,
    resume,
    (start) => recordLoop(frame, head, (h) => hasTrace(code, h), start),
    () => {
      recompileOuter();
      recompileLoop(inner, frame);
    },
  );
}

/**
 * A loop's new trace replaces its old one (freed if native), counted and shown (--dump-traces). The
 * entries sampled for SHORT_LOOP start again: a trace that left at a branch in most entries is not
 * the one that now takes that branch's side path.
 */
function installTrace(state: LoopState, t: CompiledTrace): void {
  retire(state.trace);
  state.trace = t;
  state.entries = 0;
  state.iterations = 0;
  noteCompiled(t);
}

/**
 * Counts a trace just compiled; keeps it for --stats (only then: a long-running program compiles
 * traces without end) and prints it for --dump-traces.
 */
function noteCompiled(t: CompiledTrace): void {
  counts.compiled++;
  counts.compileMs += t.compileMs;
  if (options.keep) compiled.push(t);
  if (options.dump) dumpTrace(t);
}

/** Recompilations of a loop for one inlined inner loop's hot exits before it runs as a whole. */
const MAX_INLINE_TRIES = 3;

/**
 * Whether `exit` of `trace` is a hot exit inside an inlined inner loop: then the caller compiles the
 * trace again. The inner loop's own trace, which runs after such an exit, grows a side path there in
 * time, so the trace is compiled again with the inner loop's trace as it is now, a few times
 * (counted here); past MAX_INLINE_TRIES the inner loop runs as a whole, with its own trace.
 */
function hotInlinedExit(state: InlinedLoops, trace: CompiledTrace, exit: number): boolean {
  const inner = trace.exitInner?.[exit] ?? -1;
  if (inner < 0 || tierExit.error !== null || trace.exitCounts[exit] < tunables.hot_exit_threshold) {
    return false;
  }
  const tries = (state.inlineTries.get(inner) ?? 0) + 1;
  state.inlineTries.set(inner, tries);
  if (tries > MAX_INLINE_TRIES) state.notInlined.add(inner);
  return true;
}

/** Compiles a loop's trace again (its inlining changed); a loop that no longer compiles backs off. */
function recompile(state: LoopState, frame: Frame): void {
  try {
    recompileLoop(state, frame);
  } catch (e) {
    if (!(e instanceof TraceAbort)) throw e;
    retire(state.trace);
    state.trace = null;
    noteAbort(e.reason, e.message);
  }
}

/** Side paths one loop may grow (each recompiles the loop's function). */
const MAX_SIDE_PATHS = 16;

/**
 * Branch keys whose side path could not be recorded or compiled, with the attempts that failed: a
 * recording that met an inner loop without a trace yet (INNER_LOOP) may succeed once that loop has
 * one, and is tried again after twice as many exits as the last time (up to MAX_SIDE_ATTEMPTS);
 * anything else is not tried again (MAX_SIDE_ATTEMPTS at once).
 */
type NoSide = Map<string, number>;
const MAX_SIDE_ATTEMPTS = 4;

/** What a trace's side paths are kept in (a loop's or a function's state). */
interface SidePaths {
  /** Side paths recorded at hot branch exits, by branch key (jit/js_backend.ts). */
  sides: Map<string, readonly RecordedInstruction[]>;
  /** Branch keys whose side path could not be recorded or compiled, with the attempts. */
  noSide: NoSide;
  /**
   * A side path made the trace too big for V8 to optimize (CODE_TOO_BIG): no more are grown until
   * the trace is recorded again (each attempt would compile the whole trace to find the same).
   */
  full: boolean;
}

/** A new main path: the side paths grown from the old one's branches, and what was learnt of them, go. */
function clearSidePaths(state: SidePaths): void {
  state.sides.clear();
  state.noSide.clear();
  state.full = false;
}

/**
 * Whether branch exit `exit` (of branch `branch`) just taken should grow a side path: it left
 * cleanly (no exception), it is hot (after failed attempts, hotter), and the branch has none yet.
 */
function wantsSide(state: SidePaths, trace: CompiledTrace, exit: number, branch: string): boolean {
  const failed = state.noSide.get(branch) ?? 0;
  return tierExit.error === null && !state.full && failed < MAX_SIDE_ATTEMPTS &&
    trace.exitCounts[exit] >= tunables.hot_exit_threshold * 2 ** failed &&
    !state.sides.has(branch) && state.sides.size < MAX_SIDE_PATHS;
}

/**
 * A branch exit got hot: the frame stands at the branch (`at`), or the frame of a call the trace
 * followed does (`tierExit.frame`, linked under it: the branch is the callee's); `record` records
 * the path taken from there (back to a loop's head, or to a function's return, through the
 * callees' returns), and `recompile` compiles the trace again with it. Returns where the
 * interpreter resumes (in `frame`: the callees ran to their returns while recorded).
 */
function growSide(
  state: SidePaths,
  frame: Frame,
  branch: string,
  at: number,
  record: (start: Frame) => RecordResult,
  recompile: () => void,
): number {
  const start = tierExit.frame ?? frame;
  tierExit.frame = null;
  start.ip = at;
  counts.sides++;
  let result;
  try {
    result = record(start);
  } catch (e) {
    state.noSide.set(branch, MAX_SIDE_ATTEMPTS);
    aborts[ABORT.EXCEPTION_RAISED]++;
    tierExit.error = e;
    tierExit.reraise = true;
    return frame.ip;
  }
  if (result.trace === null) {
    state.noSide.set(
      branch,
      result.abort === ABORT.INNER_LOOP ? (state.noSide.get(branch) ?? 0) + 1 : MAX_SIDE_ATTEMPTS,
    );
    noteAbort(result.abort, result.detail);
    return frame.ip;
  }
  state.sides.set(branch, result.trace.path);
  try {
    recompile();
  } catch (e) {
    if (!(e instanceof TraceAbort)) throw e;
    state.sides.delete(branch);
    state.noSide.set(branch, MAX_SIDE_ATTEMPTS);
    if (e.reason === ABORT.CODE_TOO_BIG) state.full = true;
    noteAbort(e.reason, e.message);
  }
  return frame.ip;
}

/** Whether the loop at `head` of `code` has a trace (compiled, or kept to be inlined). */
function hasTrace(code: PyCode, head: number): boolean {
  const state = loops.get(code)?.get(head);
  return state !== undefined && (state.trace !== null || state.shortTrace !== null);
}

// A trace runs its inner loops with their own traces.
innerLoops.run = (frame: Frame, head: number, counter: number): number => {
  const state = loops.get(frame.code)?.get(head);
  const trace = state === undefined ? null : state.trace ?? state.shortCompiled;
  if (trace === null) return head;
  return enter(state!, trace, frame, counter, true);
};

function noteAbort(reason: number, detail: string): void {
  aborts[reason]++;
  const key = detail === "" ? ABORT_NAMES[reason] : `${ABORT_NAMES[reason]} ${detail}`;
  abortDetails.set(key, (abortDetails.get(key) ?? 0) + 1);
}

/**
 * Aborts of one loop after which it is left to the interpreter for LONG_RETRY back-edges (each
 * recording costs a slow iteration; a later call may take another path through the loop).
 */
const MAX_ABORTS = 8;
/** Back-edges a loop given up on (MAX_ABORTS, SHORT_LOOP) runs interpreted before another try. */
const LONG_RETRY = 1 << 20;

function backOff(state: LoopState, code: PyCode, counter: number, reason: number, detail = ""): void {
  code.cacheIndex[counter] = backOffCount(state, tunables.hot_loop_threshold, reason, detail);
}

/**
 * Counts an abort of a loop or function (`state`'s aborts and backoff exponent) and returns how many
 * back-edges or calls it waits before the next try: `threshold` + 2**k, or LONG_RETRY after
 * MAX_ABORTS of them.
 */
function backOffCount(
  state: { aborts: number; backoff: number },
  threshold: number,
  reason: number,
  detail: string,
): number {
  noteAbort(reason, detail);
  state.aborts++;
  state.backoff = Math.min(state.backoff + 1, tunables.trace_backoff_max);
  if (state.aborts < MAX_ABORTS) return threshold + (1 << state.backoff);
  state.aborts = 0;
  return LONG_RETRY;
}

function dumpTrace(t: CompiledTrace): void {
  const code = t.trace.code;
  const where = t.trace.kind === "function"
    ? "function entry"
    : t.trace.kind === "generator"
    ? `resumption at ${t.trace.head}`
    : `loop at ${t.trace.head}`;
  const lines = [`trace ${counts.compiled}: ${code.name} (${code.filename}) ${where}`];
  for (const rec of t.trace.path) {
    lines.push(
      `  ${String(rec.start).padStart(5)} line ${rec.code.lineAt(rec.opUnit)} ${
        OPCODES[rec.opcode].name
      } ${rec.oparg}`,
    );
  }
  if (isNative(t)) lines.push(describeNativeTrace(t));
  else {
    lines.push(`  compiled in ${t.compileMs.toFixed(2)} ms, ${t.source.length} characters of JavaScript:`);
    lines.push(t.source);
  }
  writeStderr(lines.join("\n") + "\n");
}

/** Records, compiles and enters the loop at `head` of `frame`. */
function traceLoop(state: LoopState, frame: Frame, head: number, counter: number): number {
  const code = frame.code;
  counts.recorded++;
  let result;
  try {
    result = recordLoop(frame, head, (inner) => hasTrace(code, inner));
  } catch (e) {
    // The recorded iteration raised out of the frame: the interpreter goes on raising it.
    backOff(state, code, counter, ABORT.EXCEPTION_RAISED);
    tierExit.error = e;
    tierExit.reraise = true;
    return frame.ip;
  }
  if (result.trace === null) {
    if (result.abort === ABORT.LOOP_ENDED) {
      // Not the loop's fault, and cheap (one instruction recorded): no backoff, but a wait that
      // varies, so that a loop of a few iterations a call is not caught at its end every time.
      noteAbort(result.abort, result.detail);
      code.cacheIndex[counter] = tunables.hot_loop_threshold + 1 + (state.ended++ % 7);
    } else backOff(state, code, counter, result.abort, result.detail);
    return frame.ip;
  }
  // Side paths grew from the previous main path's branches: they go with it.
  clearSidePaths(state);
  let trace: CompiledTrace;
  try {
    trace = compileLoop(state, result.trace, frame);
  } catch (e) {
    if (!(e instanceof TraceAbort)) throw e;
    backOff(state, code, counter, e.reason, e.message);
    return frame.ip;
  }
  installTrace(state, trace);
  // The recording stopped at the head: the trace runs the next iteration.
  return enter(state, trace, frame, counter);
}

/**
 * What the JIT knows of a function that it traces from its entry (kept in its code object's
 * `tierData`): its trace (JavaScript only: a call's worth of work does not pay for a native entry),
 * the side paths grown at its hot branch exits, and its backoff. Its `for` loops that have traces
 * of their own run inside it with them (inlined or as a whole); other loops' iterations are on its
 * path as they ran when it was recorded (one at most), each next iteration a guarded branch.
 */
interface FunctionState extends InlinedLoops, SidePaths {
  trace: CompiledTrace | null;
  /** Entries of the current trace, and those that left it before the return (OFTEN_LEFT). */
  entries: number;
  left: number;
  backoff: number;
  aborts: number;
  entryFailures: number;
  /** Where the code's RESUME is, past its prologue (prologueOf); -1: calls go through the protocol. */
  prologue: number;
  /**
   * Set for a generator's resume point (the trace runs a resumption to the next yield): resumptions
   * there before the next recording. A function counts its calls in its code's `entryHot` instead.
   */
  resumeCountdown: number | null;
}

/** Calls (or resumptions) a function (or a generator's resume point) waits before its next recording. */
function setCountdown(state: FunctionState, code: PyCode, calls: number): void {
  if (state.resumeCountdown === null) code.entryHot = calls;
  else state.resumeCountdown = calls;
}

/** A new function state (`resumeCountdown` null) or resume point state (a number). */
function functionState(code: PyCode, resumeCountdown: number | null): FunctionState {
  return {
    trace: null,
    entries: 0,
    left: 0,
    sides: new Map(),
    noSide: new Map(),
    full: false,
    backoff: 0,
    aborts: 0,
    entryFailures: 0,
    notInlined: new Set(),
    inlineTries: new Map(),
    prologue: resumeCountdown === null ? prologueOf(code) : -1,
    resumeCountdown,
  };
}

/**
 * Python calls deep beyond which a function trace does not run: a trace calls what it does not
 * follow through the call protocol, a JavaScript call per Python call, where the interpreter
 * switches frames in one loop; recursion past this depth keeps the interpreter's stack use.
 */
const MAX_FUNCTION_TRACE_DEPTH = 200;

/** Whether `code` is traced from its entry: a plain function (not a generator). */
function tracedFromEntry(code: PyCode): boolean {
  return (code.flags & CO_NEWLOCALS) !== 0 && (code.flags & GENERATOR_FLAGS) === 0;
}

/** The code flags of a generator, a coroutine or an async generator (never traced from its entry). */
const GENERATOR_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

/** Calls after which a function trace's exits are judged (OFTEN_LEFT). */
const FUNCTION_SAMPLE = 1024;

/** A hot function's entry: its trace runs, or it is recorded and compiled. */
function onHotEntry(frame: Frame): number {
  const code = frame.code;
  // Not a generator's code, after 2**31 - 1 calls (its count starts there): its resumptions have
  // traces of their own, which its tierData holds.
  if ((code.flags & GENERATOR_FLAGS) !== 0) {
    code.entryHot = NEVER_HOT;
    return -1;
  }
  // Every entry asks again once the function has a trace (or is being given one).
  code.entryHot = 1;
  // A recording under way must see every instruction; a deep recursion keeps its stack small.
  if (recordingActive() || threadState.depth > MAX_FUNCTION_TRACE_DEPTH) return -1;
  let state = code.tierData as FunctionState | null;
  if (state === null) code.tierData = state = functionState(code, null);
  if (state.trace !== null) return enterFunction(state, state.trace, frame);
  return traceFunction(state, frame);
}

/** Records, compiles and installs a function's trace from its entry (the frame goes on from there). */
function traceFunction(state: FunctionState, frame: Frame): number {
  const code = frame.code;
  counts.recorded++;
  let result;
  try {
    result = recordEntryPath(state, frame);
  } catch (e) {
    backOffFunction(state, code, ABORT.EXCEPTION_RAISED);
    tierExit.error = e;
    tierExit.reraise = true;
    return frame.ip;
  }
  if (result.trace === null) {
    backOffFunction(state, code, result.abort, result.detail);
    return frame.ip;
  }
  clearSidePaths(state);
  try {
    compileFunctionTrace(state, result.trace);
  } catch (e) {
    if (!(e instanceof TraceAbort)) throw e;
    backOffFunction(state, code, e.reason, e.message);
  }
  // The recording ran this call up to its return, which the interpreter runs now.
  return frame.ip;
}

/** Records a function's path from where its frame stands (to its return), or a generator's (to its next yield). */
function recordEntryPath(state: FunctionState, frame: Frame, start: Frame = frame): RecordResult {
  const code = frame.code;
  return state.resumeCountdown === null
    ? recordFunction(frame, (inner) => hasTrace(code, inner), start)
    : recordGenerator(frame, start);
}

/** Compiles a function's (or resume point's) trace with its side paths and installs it. */
function compileFunctionTrace(state: FunctionState, trace: Trace): void {
  installFunctionTrace(state, compileTrace(trace, state.sides, innerTracesFor(state, trace.code)));
}

function installFunctionTrace(state: FunctionState, t: CompiledTrace): void {
  state.trace = t;
  state.entries = 0;
  state.left = 0;
  noteCompiled(t);
}

/** A function (or resume point) given up on for now: its entries count down again, longer each time. */
function backOffFunction(state: FunctionState, code: PyCode, reason: number, detail = ""): void {
  state.trace = null;
  setCountdown(state, code, backOffCount(state, tunables.hot_function_threshold, reason, detail));
}

/** Runs a function's trace from its entry; returns where the interpreter resumes. */
function enterFunction(state: FunctionState, trace: CompiledTrace, frame: Frame): number {
  counts.entries++;
  const resume = trace.run(frame);
  const exit = trace.lastExit[0];
  // The common case, small enough for V8 to inline into the traced calls (one per Python call):
  // the trace ran to the return, and no sample of its exits is due.
  if (++state.entries !== FUNCTION_SAMPLE && exit < 0) {
    state.entryFailures = 0;
    return resume;
  }
  return afterFunctionTrace(state, trace, frame, resume, exit);
}

/** The rest of enterFunction: the exit sample, and an exit's side path or backoff. */
function afterFunctionTrace(
  state: FunctionState,
  trace: CompiledTrace,
  frame: Frame,
  resume: number,
  exit: number,
): number {
  if (state.entries === FUNCTION_SAMPLE && state.left * 2 > FUNCTION_SAMPLE) {
    // Left before the return in most calls: each paid the trace's entry and exit for little.
    backOffFunction(state, frame.code, ABORT.OFTEN_LEFT);
    setCountdown(state, frame.code, LONG_RETRY);
    return resume;
  }
  if (exit < 0) {
    state.entryFailures = 0;
    return resume;
  }
  state.left++;
  const inlinedSide = growInlinedSide(
    trace,
    frame,
    exit,
    resume,
    () => compileFunctionTrace(state, trace.trace),
  );
  if (inlinedSide >= 0) return inlinedSide;
  if (hotInlinedExit(state, trace, exit)) {
    try {
      compileFunctionTrace(state, trace.trace);
    } catch (e) {
      if (!(e instanceof TraceAbort)) throw e;
      backOffFunction(state, frame.code, e.reason, e.message);
    }
    return resume;
  }
  const branch = trace.exitBranch[exit];
  if (branch === null && tierExit.error === null && trace.branchExits?.has(exit) !== true) {
    // Left at a guard of what the call was given or found: past a run of such calls, the trace
    // no longer fits the calls this function gets.
    if (++state.entryFailures >= MAX_ENTRY_FAILURES) {
      state.entryFailures = 0;
      backOffFunction(state, frame.code, ABORT.ENTRY_FAILS);
    }
    return resume;
  }
  state.entryFailures = 0;
  if (branch !== null && (trace.exitInner?.[exit] ?? -1) < 0 && wantsSide(state, trace, exit, branch)) {
    // A hot branch exit: the path the call takes from there to its return joins the trace.
    return growSide(
      state,
      frame,
      branch,
      resume,
      (start) => recordEntryPath(state, frame, start),
      () => compileFunctionTrace(state, trace.trace),
    );
  }
  return resume;
}

/**
 * Where a function's code reaches its RESUME (the trace starts after it): 0 when it starts there;
 * past a prologue of MAKE_CELL and COPY_FREE_VARS (a function with cells, a closure), the RESUME's
 * code unit; -1 when the prologue holds anything else (the call protocol makes such calls).
 */
function prologueOf(code: PyCode): number {
  const bc = code.code;
  for (let at = 0; at < bc.length; at++) {
    const op = bc[at] & 0xff;
    if (op === Op.RESUME) return at;
    if (op !== Op.MAKE_CELL && op !== Op.COPY_FREE_VARS) return -1;
  }
  return -1;
}

/** What the interpreter does before RESUME: the cells of MAKE_CELL, the free variables' cells. */
function runPrologue(code: PyCode, fn: PyFunction, values: unknown[], end: number): void {
  const bc = code.code;
  for (let at = 0; at < end; at++) {
    const oparg = bc[at] >> 8;
    if ((bc[at] & 0xff) === Op.MAKE_CELL) values[oparg] = new PyCell(values[oparg] as PyValue | undefined);
    else {
      const closure = fn.closure!;
      const base = code.nlocalsplus - oparg;
      for (let i = 0; i < oparg; i++) values[base + i] = closure[i];
    }
  }
}

/**
 * A call made by a trace (jit/js_backend.ts traceCall) of a function that has a function trace: the
 * trace runs on a frame of the function's own, entered as the interpreter would enter it (the frame
 * linked under the current one, the depth counted), but without the call protocol and the
 * interpreter's entry and RESUME. When the trace reaches the return, its value is the call's; when it
 * leaves before, the interpreter runs the frame on from where it left (or from the frame of a call
 * the trace followed, where it left). NO_TRACE when the call does not fit: other arguments than the
 * function's plain positional parameters, a recording under way, or recursion past
 * MAX_FUNCTION_TRACE_DEPTH or at the recursion limit (the call protocol raises).
 */
function runFunctionTrace(fn: PyFunction, args: PyValue[]): PyValue | typeof NO_TRACE {
  const frame = traceFrame(fn, args.length);
  if (frame === null) return runBoundTrace(fn, args, null);
  const values = frame.values;
  for (let i = 0; i < args.length; i++) values[i] = args[i];
  return runTraceFrame(fn, frame);
}

functionTraces.run = runFunctionTrace;
functionTraces.runBound = runBoundTrace;
functionTraces.frameFor = traceFrame;
functionTraces.runFrame = runTraceFrame;

/**
 * A frame for a traced call of `fn` with `argc` arguments (the caller puts them in its first
 * slots), or null when the function has no trace or the call does not fit it.
 */
function traceFrame(fn: PyFunction, argc: number): Frame | null {
  const code = fn.code;
  if (code.simpleArgcount !== argc || !traceRuns(code)) return null;
  return acquireFrame(code, fn.globals, fn.builtins, fn);
}

/** Whether a call of `code` now runs its function trace directly (traceFrame's checks but the arguments'). */
function traceRuns(code: PyCode): boolean {
  // (A generator's `tierData` holds its resume points: its calls make generators, never traced.)
  const state = (code.flags & GENERATOR_FLAGS) !== 0 ? null : code.tierData as FunctionState | null;
  if (state === null || state.trace === null || state.prologue < 0) return false;
  const ts = threadState;
  return !recordingActive() && ts.depth <= MAX_FUNCTION_TRACE_DEPTH && ts.depth < ts.recursionLimit;
}

/**
 * A call from a trace with arguments other than the plain positional ones (keywords, defaults,
 * `*args`, `**kwargs`) of a function whose trace runs directly: bound as the call protocol binds
 * them (raising its TypeErrors), then run as runFunctionTrace runs it; NO_TRACE when it does not run.
 */
function runBoundTrace(fn: PyFunction, args: PyValue[], kwnames: string[] | null): PyValue | typeof NO_TRACE {
  if (!traceRuns(fn.code)) return NO_TRACE;
  return runTraceFrame(fn, bindFrame(fn, args, kwnames));
}

/** Runs the trace of `fn` (whose traceFrame said it fits) on `frame` (runTraceOn), then keeps the frame for reuse. */
function runTraceFrame(fn: PyFunction, frame: Frame): PyValue {
  const result = runTraceOn(fn, frame);
  releaseFrame(frame);
  return result;
}

/**
 * Runs the trace of `fn` on `frame`, a call's frame with its arguments in place (traceRuns said the
 * trace runs). Returns the call's value, by the trace alone or with the interpreter going on where
 * it left. A traced call is one JavaScript call between the caller's trace and the callee's: V8
 * inlines runLinked and enterFunction here, and traceCall1/2 call it through runFrame after
 * frameFor (recursion pays every layer at every level: fib(34) 5-7% faster than through run1,
 * traceFrame and runTraceFrame).
 */
function runTraceOn(fn: PyFunction, frame: Frame): PyValue {
  const code = fn.code;
  const state = code.tierData as FunctionState;
  const values = frame.values;
  if (state.prologue > 0) runPrologue(code, fn, values, state.prologue);
  const trace = state.trace!;
  const resume = runLinked(state, trace, frame);
  const error = tierExit.error;
  if (error === null && trace.lastExit[0] < 0) {
    // The trace ran to the return (it stops before RETURN_VALUE or RETURN_CONST): what that
    // instruction does for the frame a call entered.
    const word = code.code[resume];
    const op = word & 0xff;
    if (op === Op.RETURN_VALUE || op === Op.RETURN_CONST) {
      frame.state = FRAME_DONE;
      return op === Op.RETURN_VALUE ? values[frame.sp - 1] as PyValue : code.consts[word >> 8];
    }
  }
  const callee = tierExit.frame;
  return callee === null ? interpretOn(frame, resume, error) : interpretInCallee(frame, callee, error);
}

/**
 * After runLinked left `frame`'s trace inside a call it followed (`callee`, linked under `frame`
 * by the exit): the interpreter goes on in `callee`, raising there what the trace raised, and
 * returns to `frame` as the calls return, until `frame` returns.
 */
function interpretInCallee(frame: Frame, callee: Frame, error: unknown): PyValue {
  tierExit.frame = null;
  tierExit.error = null;
  const ts = threadState;
  const depth = ts.depth;
  const prev = ts.frame;
  let linked = 1;
  for (let c = callee; c !== frame; c = c.back!) linked++;
  ts.depth = depth + linked;
  ts.frame = callee;
  try {
    return continueIn(frame, callee, error as PyValue | null);
  } finally {
    ts.depth = depth;
    ts.frame = prev;
  }
}

/**
 * Runs a function's or a resume point's trace (or, with none yet, records one) on `frame`, linked
 * and unlinked as execute() links a frame it runs (the caller has made execute()'s checks: the
 * depth, the recursion limit; the code, having run, is prepared), without execute()'s loop
 * indirection. Returns where the trace left the frame.
 */
function runLinked(state: FunctionState, trace: CompiledTrace | null, frame: Frame): number {
  const ts = threadState;
  const depth = ts.depth;
  const prev = ts.frame;
  ts.depth = depth + 1;
  frame.back = prev;
  ts.frame = frame;
  frame.state = FRAME_RUNNING;
  try {
    return trace === null ? traceFunction(state, frame) : enterFunction(state, trace, frame);
  } finally {
    ts.depth = depth;
    ts.frame = prev;
  }
}

/**
 * After runLinked left `frame` at `resume` other than at its trace's end: the interpreter goes on
 * from there, raising there what the trace raised (a host error too: thrown inside the loop, it is
 * converted there as any other), unless a recording ran the frame on and it raised out of it.
 */
function interpretOn(frame: Frame, resume: number, error: unknown): PyValue {
  tierExit.error = null;
  if (error !== null && tierExit.reraise) {
    // Raised by a recording that ran the frame on: it left the frame already, with its traceback.
    frame.state = FRAME_DONE;
    throw error;
  }
  frame.ip = resume;
  return specializedTier.execute(frame, error as PyValue | null);
}
/**
 * A resumption of a plain generator (`next`, `send`, a builtin or a trace iterating it; not one
 * that throws in): its frame, linked as execute() links it, runs from where it was suspended with
 * the trace of that resume point up to the next yield, which is done here as YIELD_VALUE does it
 * for the frame the loop was entered with, so that a resumption runs no interpreter at all. The
 * trace is recorded once the point has been resumed at `hot_function_threshold` times; where the
 * trace leaves (or there is none), the interpreter runs the frame on from there (or from the frame
 * of a call the trace followed, where it left: interpretInCallee).
 */
function resumeGenerator(frame: Frame): PyValue {
  const code = frame.code;
  // By resume point: an array indexed by code unit (a resumption looks its point up each time),
  // made whole at once (assigned far past its end, an empty array becomes a slow dictionary).
  const points = (code.tierData ??
    (code.tierData = new Array<FunctionState | undefined>(code.code.length).fill(undefined))) as (
      | FunctionState
      | undefined
    )[];
  const at = frame.ip;
  let state = points[at];
  if (state === undefined) points[at] = state = functionState(code, tunables.hot_function_threshold);
  const trace = state.trace;
  if (
    (trace === null && --state.resumeCountdown! > 0) || recordingActive() ||
    threadState.depth > MAX_FUNCTION_TRACE_DEPTH || threadState.depth >= threadState.recursionLimit
  ) {
    return specializedTier.execute(frame, null);
  }
  const resume = runLinked(state, trace, frame);
  const error = tierExit.error;
  if (error === null && code.code[resume] === Op.YIELD_VALUE) {
    // Stopped before a plain yield (`YIELD_VALUE 0`): the trace's end, or a recording's.
    const v = frame.values[--frame.sp] as PyValue;
    frame.ip = resume + 1 + CACHE_SIZE[Op.YIELD_VALUE];
    frame.state = FRAME_SUSPENDED;
    return v;
  }
  // Left inside a call the trace followed: the interpreter goes on there, up to the next yield.
  const callee = tierExit.frame;
  return callee === null ? interpretOn(frame, resume, error) : interpretInCallee(frame, callee, error);
}

/** The tracing JIT. */
export const jitTier: Tier = {
  name: "jit",
  execute(frame: Frame, throwing: PyValue | null): PyValue {
    if (throwing === null) {
      if (frame.generator !== null && (frame.code.flags & CO_GENERATOR) !== 0) return resumeGenerator(frame);
      // A call through the call protocol (a builtin's callback, a dunder method, `__init__`) of a
      // function whose trace runs directly: run as a trace's call runs it (the caller keeps the frame).
      if (frame.ip === 0 && frame.state === FRAME_CREATED && traceRuns(frame.code)) {
        return runTraceOn(frame.func as PyFunction, frame);
      }
    }
    return specializedTier.execute(frame, throwing);
  },
  prepareCode(code: PyCode): void {
    specializedTier.prepareCode(code);
    // Every loop's back-edge counter starts its warm-up.
    for (const edge of backEdgesOf(code)) {
      if (edge.opcode === Op.JUMP_BACKWARD) code.cacheIndex[edge.at + 1] = tunables.hot_loop_threshold;
    }
    // A function counts its calls (RESUME) to be traced from its entry.
    // (Calls then start at the RESUME, which a call otherwise skips.)
    if (tracedFromEntry(code)) {
      code.entryHot = tunables.hot_function_threshold;
      code.bodyStart = 0;
    }
  },
  onHotLoop(frame: Frame, target: number, counter: number): number {
    const code = frame.code;
    if (isRecording(frame)) {
      // The recorded iteration's own back-edge: the recorder stops at the head next.
      code.cacheIndex[counter] = 1;
      return -1;
    }
    const state = loopState(code, target);
    if (state.trace !== null) return enter(state, state.trace, frame, counter);
    return traceLoop(state, frame, target, counter);
  },
  onHotEntry,
  specialize: specializedTier.specialize,
  collectStats(): void {
    specializedTier.collectStats();
    counts.recorded =
      counts.sides =
      counts.compiled =
      counts.entries =
      counts.compileMs =
        0;
    aborts.fill(0);
    abortDetails.clear();
    nativeCounts.compiled = 0;
    nativeCounts.movedToJs = 0;
    nativeFallbacks.fill(0);
    nativeFallbackDetails.clear();
    compiled.length = 0;
    options.keep = true;
  },
  stats(): string[] {
    const lines = specializedTier.stats();
    lines.push(
      `jit: ${counts.recorded} loops or functions and ${counts.sides} side paths recorded, ${counts.compiled} traces compiled ` +
        `(${counts.compileMs.toFixed(1)} ms), ${counts.entries} trace entries`,
    );
    const abortLines = ABORT_NAMES.map((n, i) => [n, aborts[i]] as const).filter(([, c]) => c > 0);
    if (abortLines.length > 0) {
      lines.push(`jit aborts: ${abortLines.map(([n, c]) => `${n} ${c}`).join(", ")}`);
      const top = [...abortDetails].sort((a, b) => b[1] - a[1]).slice(0, 5);
      for (const [what, c] of top) lines.push(`jit abort: ${c} × ${what}`);
    }
    const exits: [number, string][] = [];
    compiled.forEach((t, i) => {
      t.exitCounts.forEach((c, x) => {
        if (c > 0) {
          // Numbered as --dump-traces numbers traces and their exits (X[x] in the generated code).
          const code = t.trace.code;
          exits.push([
            c,
            `trace ${i + 1} (${code.name}) exit ${x} to ${t.exitAt[x]} (line ${code.lineAt(t.exitAt[x])})`,
          ]);
        }
      });
    });
    exits.sort((a, b) => b[0] - a[0]);
    for (const [c, where] of exits.slice(0, 5)) lines.push(`jit exit: ${c} × ${where}`);
    lines.push(...nativeStats());
    return lines;
  },
};

/** The --stats lines of the native backend. */
function nativeStats(): string[] {
  if (backend === "js") return ["jit native: off (--jit-backend js)", ...perfMapStats()];
  if (!native.tried) {
    const support = nativeJitSupport();
    if (!support.available) native.unavailable = support.reason;
  }
  if (native.unavailable !== null) {
    return [`jit native: unavailable, the JavaScript backend runs every loop (${native.unavailable})`];
  }
  const traces = compiled.filter(isNative);
  const lines: string[] = [];
  const memory = native.jit?.stats();
  const micros = traces.map((t) => t.native.compileMicros).sort((a, b) => a - b);
  const per100 = traces.map((t) => t.native.compileMicros * 100 / t.native.uopCount).sort((a, b) => a - b);
  const median = (xs: number[]) => xs.length === 0 ? 0 : xs[xs.length >> 1];
  lines.push(
    `jit native: ${nativeCounts.compiled} native traces (${backend}), ${
      memory?.bytesInUse ?? 0
    } bytes of code in use, ` +
      `compile median ${median(micros).toFixed(1)} µs per trace, ${
        median(per100).toFixed(1)
      } µs per 100 uops`,
  );
  if (nativeCounts.movedToJs > 0) {
    lines.push(
      `jit native: ${nativeCounts.movedToJs} loops moved to JavaScript (auto: under ${AUTO_MIN_ITERATIONS} iterations per entry)`,
    );
  }
  lines.push(...perfMapStats());
  traces.slice(0, 10).forEach((t) => {
    const i = compiled.indexOf(t);
    const code = t.trace.code;
    lines.push(
      `jit native trace ${i}: ${code.name} line ${code.lineAt(t.trace.head)}: ${t.native.uopCount} uops, ` +
        `${t.native.codeBytes} bytes, compiled in ${t.native.compileMicros.toFixed(1)} µs`,
    );
  });
  const fallbacks = NATIVE_FALLBACK_REASONS.map((r, i) => [r.name, nativeFallbacks[i]] as const).filter((
    [, c],
  ) => c > 0);
  if (fallbacks.length > 0) {
    lines.push(`jit native fallbacks to JavaScript: ${fallbacks.map(([n, c]) => `${n} ${c}`).join(", ")}`);
    const top = [...nativeFallbackDetails].sort((a, b) => b[1] - a[1]).slice(0, 5);
    for (const [what, c] of top) lines.push(`jit native fallback: ${c} × ${what}`);
  }
  return lines;
}

/** The native machinery the JIT uses (null until a native backend was tried, or where none runs). */
export function nativeJitInUse(): NativeJit | null {
  return native.jit;
}

/** `--jit-backend`: which code generator compiles the loops from now on. */
export function setJitBackend(choice: JitBackend): void {
  backend = choice;
}

/** What the JIT did since `collectStats` (for tests and tools): counts, aborts by name, exits. */
export function jitStats(): {
  recorded: number;
  sides: number;
  compiled: number;
  entries: number;
  exits: number;
  aborts: Record<string, number>;
  /** Traces compiled to native code, and the fallbacks to JavaScript by reason. */
  native: number;
  nativeFallbacks: Record<string, number>;
  /** Why native code cannot run here (null: it can, or it was not tried). */
  nativeUnavailable: string | null;
  /** The functions whose loops got native traces, one entry per trace. */
  nativeLoops: string[];
} {
  const byName: Record<string, number> = {};
  ABORT_NAMES.forEach((n, i) => {
    if (aborts[i] > 0) byName[n] = aborts[i];
  });
  const exits = compiled.reduce((n, t) => n + t.exitCounts.reduce((a, b) => a + b, 0), 0);
  const fallbacks: Record<string, number> = {};
  NATIVE_FALLBACK_REASONS.forEach((r, i) => {
    if (nativeFallbacks[i] > 0) fallbacks[r.name] = nativeFallbacks[i];
  });
  return {
    ...counts,
    exits,
    aborts: byName,
    native: nativeCounts.compiled,
    nativeFallbacks: fallbacks,
    nativeUnavailable: native.unavailable,
    nativeLoops: compiled.filter(isNative).map((t) => t.trace.code.name),
  };
}

export { enablePerfMap } from "./perf_map.ts";

/** `--dump-traces`: print each trace as it is compiled. */
export function dumpTraces(on: boolean): void {
  options.dump = on;
}
