/**
 * Trace formation by recording: a hot loop's next iteration runs in the observing twin of the
 * interpreter loop (`runWithStats` with `loopObserver`), which shows this recorder every
 * instruction of the loop's frame before it runs. In: the frame at the loop head. Out: the path
 * one iteration took (each instruction as it was specialized then, with the kinds of the values it
 * was about to read), or an abort reason from instructions/abort_reasons.ts.
 *
 * Recording rather than projecting from the inline caches (CPython 3.15 moved to recording for the
 * same reason): the caches do not say which way a branch went, nor what kinds the values of
 * generic instructions had. Calls the interpreter runs as frames of its own loop (FOLLOWED_CALLS:
 * Python functions, class instantiations with a Python `__init__`, operators with a Python dunder,
 * properties with a Python getter)
 * are followed into their callees, whose instructions join the path, up to `max_inline_depth`, unless
 * the callee has a loop; other calls' frames run in the interpreter (the recorder ignores other
 * frames' instructions) and the trace calls them as a whole. `recordFunction` records one call of a
 * function from its entry to its return (a `for` loop with a trace of its own marked to run with
 * it, as a loop's inner loops are; other loops' iterations as they ran, one at most);
 * `recordGenerator` one resumption of a generator, from where its frame was suspended (or starts)
 * to its next yield (or its return), through the back-edges it passes on the way.
 *
 * @example
 * ```ts
 * import { recordLoop } from "./trace.ts";
 * // const r = recordLoop(frame, head); r.trace or r.abort; frame.ip/sp: where recording stopped
 * ```
 * @module
 */
import { ABORT } from "../instructions/abort_reasons.ts";
import { CACHE_SIZE, Op, OPCODES } from "../instructions/opcodes.ts";
import { tunables } from "../instructions/tunables.ts";
import type { PyCode } from "../objects/code.ts";
import { floatType, type PyObject, type PyType, type PyValue } from "../objects/object.ts";
import { PyNativeIterator } from "../objects/types/iterators.ts";
import type { Frame, Slot } from "../vm/frame.ts";
import { runWithStats } from "../vm/generated/interp_loop.ts";
import { loopObserver, OBSERVER_STOP } from "../vm/interp_support.ts";
import { LOWERABLE } from "./js_backend.ts";

/** What the trace knows of a value: a Python object, or one of the kinds a trace keeps unboxed. */
export const KIND_BOX = 0;
/** A Python int held as a JS number (pyjit's own representation of small ints). */
export const KIND_INT = 1;
/** A Python float: in a trace an unboxed JS number, boxed into a PyFloat where it escapes. */
export const KIND_FLOAT = 2;
/** A Python bool (a JS boolean). */
export const KIND_BOOL = 3;
export type Kind = 0 | 1 | 2 | 3;

/** The kind of a value as the recorder saw it. */
export function kindOf(v: Slot): Kind {
  if (typeof v === "number") return KIND_INT;
  if (typeof v === "boolean") return KIND_BOOL;
  if (typeof v === "object" && v !== null && (v as PyValue & { cls: unknown }).cls === floatType) {
    return KIND_FLOAT;
  }
  return KIND_BOX;
}

/** One instruction of the recorded path. */
export interface RecordedInstruction {
  /** Its first code unit (an EXTENDED_ARG prefix, or the opcode). */
  readonly start: number;
  /** The code unit of its opcode. */
  readonly opUnit: number;
  /** Its opcode when it ran (a specialized variant, a superinstruction, or a generic form). */
  readonly opcode: number;
  readonly oparg: number;
  /** Kinds of the three values on top of the stack when it ran (top first). */
  readonly stackKinds: readonly Kind[];
  /** Kinds of the locals a LOAD_FAST form read, by local index. */
  readonly localKinds: ReadonlyMap<number, Kind>;
  /** 0 in the loop's frame, d in the frame of a call followed d calls deep (inlined). */
  readonly depth: number;
  /** Its frame's code object. */
  readonly code: PyCode;
  /**
   * Set on the head of an inner loop (a FOR_ITER form) that the trace runs as a whole with that
   * loop's own trace: the inner loop's last code unit and its back-edge counter's cell.
   */
  readonly inner?: { readonly end: number; readonly counter: number };
  /**
   * Set on the last instruction of a loop's side path that leaves the loop by a `break` (out of a
   * `for` loop): where it lands, the code unit after the loop's END_FOR.
   */
  readonly leavesTo?: number;
  /** On a generic FOR_ITER form (FOR_ITER, FOR_ITER_ADAPTIVE): its iterator's class then. */
  readonly iterClass?: PyType;
  /** Set on a generic FOR_ITER whose iterator made its 2-tuples in a step of its own (`pair`). */
  readonly pairs?: true;
}

/**
 * What a trace runs: a loop's iterations; a function's call from its entry to its return; a
 * generator's resumption from where it was suspended to its next yield.
 */
export type TraceKind = "loop" | "function" | "generator";

/**
 * A recorded loop: one iteration's path from the head to the back-edge that closes it; or a
 * recorded function (`kind` "function"): one call's path from its entry to the return that ends
 * it, that return included; or a recorded generator (`kind` "generator"): one resumption's path
 * from the resume point to the YIELD_VALUE that suspends it (or the return that ends it), included.
 */
export interface Trace {
  readonly kind: TraceKind;
  readonly code: PyCode;
  /**
   * The loop head (JUMP_BACKWARD's target); a function's first instruction after RESUME; a
   * generator's resume point.
   */
  readonly head: number;
  /** The stack depth above the locals at the head (1 in a `for` loop: the iterator). */
  readonly entryDepth: number;
  readonly path: readonly RecordedInstruction[];
}

/** How a recording ended. */
export type RecordResult =
  | { readonly trace: Trace; readonly abort: null; readonly detail: string }
  | { readonly trace: null; readonly abort: number; readonly detail: string };

/** A back-edge of a code object: its JUMP_BACKWARD form's opcode and code unit, and its target. */
export interface BackEdge {
  readonly opcode: number;
  readonly at: number;
  readonly head: number;
}

/** A code object's back-edges, and its loops: each head → its last back-edge's code unit. */
interface Loops {
  readonly backEdges: readonly BackEdge[];
  readonly ends: ReadonlyMap<number, number>;
}

const loopsByCode = new WeakMap<PyCode, Loops>();

/** The back-edges and loops of `code` (one walk of its bytecode, kept). */
function loopsOf(code: PyCode): Loops {
  let loops = loopsByCode.get(code);
  if (loops !== undefined) return loops;
  const backEdges: BackEdge[] = [];
  const ends = new Map<number, number>();
  const bc = code.code;
  let oparg = 0;
  for (let i = 0; i < bc.length;) {
    const op = bc[i] & 0xff;
    oparg = (oparg << 8) | (bc[i] >> 8);
    if (op === Op.EXTENDED_ARG) {
      i++;
      continue;
    }
    const next = i + 1 + CACHE_SIZE[op];
    if (op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT) {
      const head = next - oparg;
      backEdges.push({ opcode: op, at: i, head });
      ends.set(head, Math.max(ends.get(head) ?? -1, i));
    }
    oparg = 0;
    i = next;
  }
  loops = { backEdges, ends };
  loopsByCode.set(code, loops);
  return loops;
}

/** The back-edges of `code`. */
export function backEdgesOf(code: PyCode): readonly BackEdge[] {
  return loopsOf(code).backEdges;
}

/** Whether code unit `at` of `code` lies in a loop nested inside the loop whose head is `head`. */
export function withinInnerLoop(code: PyCode, head: number, at: number): boolean {
  for (const [inner, end] of loopsOf(code).ends) {
    if (inner > head && inner <= at && at <= end) return true;
  }
  return false;
}

/** The last code unit of the loop whose head is `head`: its closing JUMP_BACKWARD's opcode. */
export function loopEnd(code: PyCode, head: number): number {
  return loopsOf(code).ends.get(head) ?? -1;
}

/** The state of the recording under way (one at a time: recording does not nest). */
interface Recording {
  /** A loop's iteration; a function's call, or a generator's resumption, from where its frame stands. */
  kind: TraceKind;
  frame: Frame;
  /** The loop's frame, then the frames of the calls followed into (innermost last). */
  frames: Frame[];
  head: number;
  end: number;
  path: RecordedInstruction[];
  abort: number;
  detail: string;
  /** Whether the loop at this head of the recorded code has a compiled trace of its own. */
  hasTrace: (head: number) => boolean;
  /**
   * For a side path of a `for` loop (recorded from a branch, not from the head): where a `break`
   * out of the loop lands (after its END_FOR), where the path may end; -1 otherwise.
   */
  breakTarget: number;
  /** A side path's recording (from a branch, not from the loop's head or the function's entry). */
  side: boolean;
  /** The inner loop being run as a whole (its instructions are not recorded), or null. */
  skipping: { head: number; end: number; after: number } | null;
  /**
   * Back-edges the path went through of loops other than the recorded one (their iterations,
   * unrolled): an inner `while` loop's in a loop's path, a loop's in a function's path.
   */
  innerIterations: number;
}

let recording: Recording | null = null;

/** Whether a recording is under way (a function trace then does not run: it would hide its steps). */
export function recordingActive(): boolean {
  return recording !== null;
}

/** Whether `frame` is being recorded (its loop's back-edge runs in the interpreter meanwhile). */
export function isRecording(frame: Frame): boolean {
  return recording !== null && recording.frame === frame;
}

function stopAt(r: Recording, start: number, sp: number): boolean {
  r.frame.ip = start;
  r.frame.sp = sp;
  return true;
}

/** The calls the recorder follows into their frames (their callee's instructions join the path). */
const FOLLOWED_CALLS = new Set<number>([
  Op.CALL_PY_EXACT_ARGS,
  Op.CALL_PY_WITH_DEFAULTS,
  Op.CALL_ALLOC_AND_ENTER_INIT,
  Op.BINARY_OP_PY_DUNDER,
  Op.LOAD_ATTR_PROPERTY,
]);

/**
 * Call sites (by caller code object, the CALL's code unit) the recorder does not follow: the method
 * called there differs with the receiver's class (a base class's `self.handle()`), so a followed
 * call would leave the trace whenever the class is the other one; called as a whole, each callee's
 * own function trace runs.
 */
const polymorphicCalls = new WeakMap<PyCode, Set<number>>();

/** Marks the call at `opUnit` of `code` as one the recorder calls as a whole from now on. */
export function markPolymorphicCall(code: PyCode, opUnit: number): void {
  let sites = polymorphicCalls.get(code);
  if (sites === undefined) polymorphicCalls.set(code, sites = new Set());
  sites.add(opUnit);
}

/** Code objects a trace does not follow calls into (they hold a loop, or what cannot be lowered). */
const notFollowed = new WeakSet<PyCode>();

/** Whether the recorder may follow a call into `code`'s frame. */
function followable(code: PyCode): boolean {
  if (notFollowed.has(code)) return false;
  if (backEdgesOf(code).length === 0) return true;
  notFollowed.add(code);
  return false;
}

function observe(f: Frame, ip: number, opcode: number, oparg: number, sp: number): boolean {
  const r = recording!;
  const frames = r.frames;
  const top = frames[frames.length - 1];
  let last = r.path.length > 0 ? r.path[r.path.length - 1] : null;
  if (last !== null && OPCODES[last.opcode].adaptive === last.opcode) {
    // The last instruction was adaptive and may have specialized as it ran into a superinstruction
    // (COMPARE_OP into COMPARE_OP_INT__POP_JUMP_IF_FALSE), whose second half, the jump, then ran
    // without being shown here: the path records the superinstruction, both halves.
    const now = last.code.code[last.opUnit] & 0xff;
    if (OPCODES[now]?.kind === "superinstruction") {
      last = { ...last, opcode: now };
      r.path[r.path.length - 1] = last;
    }
  }
  if (f !== top) {
    if (
      f.back === top && last !== null && last.depth === frames.length - 1 &&
      FOLLOWED_CALLS.has(last.opcode) && !(last.opcode === Op.LOAD_ATTR_PROPERTY && (last.oparg & 1) !== 0) &&
      frames.length <= tunables.max_inline_depth && f.generator === null &&
      !frames.some((g) => g.code === f.code) && followable(f.code) &&
      polymorphicCalls.get(top.code)?.has(last.opUnit) !== true
    ) {
      // A call the trace follows: its frame is virtual in the trace.
      frames.push(f);
    } else {
      // Back in a caller: after the callee's return, or because an exception unwound to it (past
      // any number of followed calls).
      const at = frames.lastIndexOf(f);
      if (at < 0) return false; // a frame of a call the trace makes as a whole
      const returned = at === frames.length - 2 && last !== null && RETURNS.has(last.opcode);
      frames.length = at + 1;
      if (!returned) {
        r.abort = ABORT.EXCEPTION_RAISED;
        r.detail = "in a followed call";
      }
    }
  }
  const depth = frames.length - 1;
  const bc = f.code.code;
  const opUnit = ip - 1;
  let start = opUnit;
  while (start > opUnit - 3 && start > 0 && (bc[start - 1] & 0xff) === Op.EXTENDED_ARG) start--;
  // Aborted inside a followed call: the loop's frame stops at its next instruction.
  if (r.abort >= 0) return depth === 0 ? stopAt(r, start, sp) : false;
  if (depth === 0 && r.skipping !== null) {
    if (start >= r.skipping.head && start <= r.skipping.end) {
      // The inner loop runs in the interpreter while recording: what the loop function cannot stop
      // after (a yield, a return) ends the recording first.
      // A function's inner loop that returns: its path ends with the inner loop, whose trace
      // (which returns there by a side path of its own) the function's trace runs as a whole.
      if (RETURNS.has(opcode) && r.kind === "function" && LOWERABLE[opcode]) return stopAt(r, start, sp);
      if (!LOWERABLE[opcode] || RETURNS.has(opcode)) {
        r.abort = ABORT.INNER_LOOP;
        r.detail = `${OPCODES[opcode]?.name ?? opcode} in an inner loop`;
        return stopAt(r, start, sp);
      }
      return false;
    }
    const after = r.skipping.after;
    if (start === after + 1 && (bc[after] & 0xff) === Op.END_FOR) {
      // Broken out of: the break popped the iterator and went on after the END_FOR, where the trace
      // goes on whichever way the inner loop ended (its trace's side path that breaks out of it
      // lands there too): the path takes the END_FOR, as if the loop had run out.
      r.path.push(recorded(f, after, after, Op.END_FOR, 0, sp + 1, 0));
    } else if (start !== after) {
      // Left other than by running out or a plain `break` (a `break` past an `else`, a `return`, an
      // exception): the path goes on from where that left it, but the trace runs on after the
      // inner loop only when it ran out, and would take this path where the loop ends the other way.
      r.abort = ABORT.INNER_LOOP;
      r.detail = `inner loop at ${r.skipping.head} left before its end`;
      return stopAt(r, start, sp);
    }
    r.skipping = null;
  }
  if (depth > 0) {
    if (!LOWERABLE[opcode]) {
      // The call cannot be followed: the next recording calls it as a whole.
      notFollowed.add(f.code);
      r.abort = ABORT.UNSUPPORTED_INSTRUCTION;
      r.detail = `${OPCODES[opcode]?.name ?? opcode} in ${f.code.name}`;
      return false;
    }
    if (r.path.length >= tunables.max_trace_length) {
      r.abort = ABORT.TRACE_TOO_LONG;
      return false;
    }
    r.path.push(recorded(f, start, opUnit, opcode, oparg, sp, depth));
    return false;
  }
  const abort = (reason: number, detail: string) => {
    r.abort = reason;
    r.detail = detail;
    return stopAt(r, start, sp);
  };
  if (r.kind !== "loop") {
    // A function's path ends with the return that ends the call, a generator's with the yield that
    // suspends it (plain `yield`: one of `yield from` or `await` stays in the interpreter) or its
    // return; the trace's caller then does what that instruction does.
    const yields = r.kind === "generator" && opcode === Op.YIELD_VALUE && oparg === 0;
    if (!LOWERABLE[opcode] && !yields) {
      return abort(ABORT.UNSUPPORTED_INSTRUCTION, OPCODES[opcode]?.name ?? `${opcode}`);
    }
    if (r.path.length >= tunables.max_trace_length) return abort(ABORT.TRACE_TOO_LONG, "");
    if (r.kind === "function") {
      const innerEnd = forLoopEnd(f.code, start, opcode);
      if (innerEnd >= 0 && r.hasTrace(start)) {
        return skipInnerLoop(r, f, start, opUnit, opcode, oparg, sp, innerEnd);
      }
      if (
        (opcode === Op.JUMP_BACKWARD || opcode === Op.JUMP_BACKWARD_NO_INTERRUPT) &&
        ++r.innerIterations > tunables.max_function_iterations
      ) {
        return abort(ABORT.INNER_LOOP, `a loop without a trace ran again at ${opUnit}`);
      }
    }
    r.path.push(recorded(f, start, opUnit, opcode, oparg, sp, 0));
    return yields || RETURNS.has(opcode) ? stopAt(r, start, sp) : false;
  }
  // Back at the head: the iteration is recorded.
  if (start === r.head && r.path.length > 0) return stopAt(r, start, sp);
  if (start === r.breakTarget && r.path.length > 0) {
    // A side path that breaks out of the loop: it ends where the break lands (the trace goes on
    // after the loop there, or leaves at it).
    r.path[r.path.length - 1] = { ...r.path[r.path.length - 1], leavesTo: start };
    return stopAt(r, start, sp);
  }
  if (start < r.head || start > r.end) {
    // Its head's FOR_ITER found the iterator exhausted: the recording began at the loop's last
    // back-edge (a loop that runs once per call always does), which says nothing of the loop.
    if (r.path.length === 1 && r.path[0].start === r.head) return abort(ABORT.LOOP_ENDED, "");
    return abort(ABORT.LEFT_LOOP, `left the loop at ${start}`);
  }
  if (RETURNS.has(opcode) && r.side && LOWERABLE[opcode]) {
    // A side path that returns from inside the loop: it ends with the return (the trace leaves
    // there, or, inlined in a function's trace, returns), which the frame stands at.
    r.path.push(recorded(f, start, opUnit, opcode, oparg, sp, 0));
    return stopAt(r, start, sp);
  }
  if (!LOWERABLE[opcode] || RETURNS.has(opcode)) {
    return abort(ABORT.UNSUPPORTED_INSTRUCTION, OPCODES[opcode]?.name ?? `${opcode}`);
  }
  // Any back-edge to the head closes the loop (a `continue` has its own); others are inner loops':
  // a `while` loop's iterations join the path, a few of them (each other count is a branch that
  // leaves, or grows a side path); a longer one gets a trace of its own, which the next recording
  // of this loop cannot use (INNER_LOOP): the outer loop stays interpreted.
  if (
    (opcode === Op.JUMP_BACKWARD || opcode === Op.JUMP_BACKWARD_NO_INTERRUPT) &&
    opUnit + 1 + CACHE_SIZE[opcode] - oparg !== r.head &&
    ++r.innerIterations > tunables.max_unrolled_iterations
  ) {
    return abort(ABORT.INNER_LOOP, `back-edge at ${opUnit}`);
  }
  if (start !== r.head && start > r.head) {
    const innerEnd = forLoopEnd(f.code, start, opcode);
    if (innerEnd >= 0 && innerEnd < r.end) {
      // An inner `for` loop's head: the trace runs the inner loop with its own trace, as a whole.
      if (!r.hasTrace(start)) return abort(ABORT.INNER_LOOP, `inner loop at ${start} has no trace`);
      return skipInnerLoop(r, f, start, opUnit, opcode, oparg, sp, innerEnd);
    }
  }
  if (r.path.length >= tunables.max_trace_length) return abort(ABORT.TRACE_TOO_LONG, "");
  r.path.push(recorded(f, start, opUnit, opcode, oparg, sp, 0));
  return false;
}

/** Where the `for` loop whose head is at `start` (opcode `opcode`) ends, or -1 when none is there. */
function forLoopEnd(code: PyCode, start: number, opcode: number): number {
  if (!FOR_ITER_FORMS.has(OPCODES[OPCODES[opcode].generic].name)) return -1;
  const end = loopEnd(code, start);
  return end > start ? end : -1;
}

/**
 * At the head of an inner loop (a `for` loop of the recorded frame) that has a trace of its own: the
 * recording marks it to be run as a whole with that trace and skips its instructions (returns false:
 * the recording goes on). (A function's path goes through other loops' iterations as they ran.)
 */
function skipInnerLoop(
  r: Recording,
  f: Frame,
  start: number,
  opUnit: number,
  opcode: number,
  oparg: number,
  sp: number,
  innerEnd: number,
): false {
  // (Where the loop goes when its iterator runs out: FOR_ITER's jump target.)
  r.skipping = { head: start, end: innerEnd, after: opUnit + 1 + CACHE_SIZE[opcode] + oparg };
  r.path.push({
    ...recorded(f, start, opUnit, opcode, oparg, sp, 0),
    inner: { end: innerEnd, counter: innerEnd + 1 },
  });
  return false;
}

/** Where a `break` out of the `for` loop whose head is at `head` lands (after its END_FOR); -1 for other loops. */
function breakTarget(code: PyCode, head: number): number {
  const bc = code.code;
  let at = head;
  let oparg = 0;
  while ((bc[at] & 0xff) === Op.EXTENDED_ARG) oparg = (oparg | (bc[at++] >> 8)) << 8;
  const opcode = bc[at] & 0xff;
  if (OPCODES[opcode] === undefined || !FOR_ITER_FORMS.has(OPCODES[OPCODES[opcode].generic].name)) return -1;
  const endFor = at + 1 + CACHE_SIZE[opcode] + (oparg | (bc[at] >> 8));
  return (bc[endFor] & 0xff) === Op.END_FOR ? endFor + 1 : -1;
}

/** The generic forms of the loop heads an inner loop may have. */
const FOR_ITER_FORMS = new Set(["FOR_ITER"]);

/** The FOR_ITER forms whose iterator can be of any kind (its class is noted when recorded). */
const GENERIC_FOR_ITER = new Set<number>([Op.FOR_ITER, Op.FOR_ITER_ADAPTIVE]);

/** What the record of a generic FOR_ITER notes of its iterator. */
function iteratorNotes(it: PyObject): { iterClass: PyType; pairs?: true } {
  return it instanceof PyNativeIterator && it.pair !== null
    ? { iterClass: it.cls, pairs: true }
    : { iterClass: it.cls };
}

/** The instructions that return from a frame (a side path ending with one ends there). */
export const RETURNS: ReadonlySet<number> = new Set<number>([Op.RETURN_VALUE, Op.RETURN_CONST]);

/** One instruction as recorded, with the kinds of what it reads. */
function recorded(
  f: Frame,
  start: number,
  opUnit: number,
  opcode: number,
  oparg: number,
  sp: number,
  depth: number,
): RecordedInstruction {
  const s = f.values;
  const bc = f.code.code;
  const localKinds = new Map<number, Kind>();
  const name = OPCODES[opcode].name;
  if (name.startsWith("LOAD_FAST_LOAD_FAST")) {
    localKinds.set(oparg >> 4, kindOf(s[oparg >> 4]));
    localKinds.set(oparg & 15, kindOf(s[oparg & 15]));
  } else if (name.startsWith("LOAD_FAST")) localKinds.set(oparg, kindOf(s[oparg]));
  else if (name === "STORE_FAST__LOAD_FAST") {
    const second = bc[opUnit + 1 + CACHE_SIZE[opcode]] >> 8;
    localKinds.set(second, second === oparg ? kindOf(s[sp - 1]) : kindOf(s[second]));
  }
  const top = s[sp - 1];
  return {
    start,
    opUnit,
    opcode,
    oparg,
    stackKinds: [kindOf(top), kindOf(s[sp - 2]), kindOf(s[sp - 3])],
    localKinds,
    depth,
    code: f.code,
    ...(GENERIC_FOR_ITER.has(opcode) && typeof top === "object" && top !== null ? iteratorNotes(top) : {}),
  };
}

/**
 * Runs one iteration of the loop at `head` of `frame` (the frame stands at the head) in the
 * observing loop and returns its path, or why not. Either way the frame has moved on: its `ip` and
 * `sp` are where the recording stopped, and the caller resumes there. An exception that leaves
 * the frame propagates (the frame already unwound, its traceback entry made).
 */
export function recordLoop(
  frame: Frame,
  head: number,
  hasTrace: (head: number) => boolean = () => false,
  start: Frame = frame,
): RecordResult {
  return record("loop", frame, head, loopEnd(frame.code, head), hasTrace, start);
}

/**
 * Runs a call of a function from where its frame stands (its entry, or a branch of it) in the
 * observing loop, up to the return that ends the call, and returns that path (the return included),
 * or why not; its `for` loops for which `hasTrace` says yes are marked to run with their traces. The
 * frame stands at that return afterwards (or where the recording stopped), and the caller resumes
 * there.
 */
export function recordFunction(
  frame: Frame,
  hasTrace: (head: number) => boolean,
  start: Frame = frame,
): RecordResult {
  return record("function", frame, frame.ip, frame.code.code.length, hasTrace, start);
}

/**
 * Runs a generator's frame, resumed (or started) and linked as a resumption links it, from where
 * it stands in the observing loop, up to the YIELD_VALUE that suspends it next (or the return that
 * ends it), and returns that path (that instruction included), or why not. The frame stands at that
 * instruction afterwards, its value on the stack, and the caller does what it does.
 */
export function recordGenerator(frame: Frame, start: Frame = frame): RecordResult {
  return record("generator", frame, frame.ip, frame.code.code.length, () => false, start);
}

/**
 * Records `kind` from where `frame` stands, or, for a side path that begins inside calls a trace
 * followed (it left there), from where `start` stands: the frame of the innermost of those calls,
 * linked under `frame` (their instructions are recorded as followed calls', back to `frame`).
 */
function record(
  kind: TraceKind,
  frame: Frame,
  head: number,
  end: number,
  hasTrace: (head: number) => boolean,
  start: Frame = frame,
): RecordResult {
  const code = frame.code;
  const entryDepth = frame.sp - code.nlocalsplus;
  const frames = [start];
  while (frames[0] !== frame) frames.unshift(frames[0].back!);
  const r: Recording = {
    kind,
    frame,
    frames,
    head,
    end,
    path: [],
    abort: -1,
    detail: "",
    hasTrace,
    breakTarget: kind === "loop" && (start !== frame || frame.ip !== head) ? breakTarget(code, head) : -1,
    side: start !== frame || frame.ip !== head,
    skipping: null,
    innerIterations: 0,
  };
  const outer = loopObserver.observe;
  const outerRecording = recording;
  recording = r;
  loopObserver.observe = observe;
  let result: PyValue;
  try {
    result = runWithStats(frame, null, start);
  } finally {
    loopObserver.observe = outer;
    recording = outerRecording;
  }
  if (result !== OBSERVER_STOP) {
    // Cannot happen: the observer stops the loop before the frame's return or yield.
    throw new Error("internal: the recorded frame finished");
  }
  if (r.abort >= 0) return { trace: null, abort: r.abort, detail: r.detail };
  return {
    trace: { kind, code, head, entryDepth, path: r.path },
    abort: null,
    detail: "",
  };
}
