/**
 * The JavaScript backend of tier 3: a recorded trace (jit/trace.ts) → the source of one JavaScript
 * function that runs the loop, and that function (`new Function`). In: the path of one iteration.
 * Out: `(frame) => code unit to resume at`, with the frame's locals, stack and `sp` written back.
 *
 * What the generated function does:
 * - the trace's values live in JavaScript locals: each Python local the trace touches in one
 *   (`L3`, or `D3` when it holds an unboxed float), each stack value in a temporary;
 * - ints are JS numbers already (pyjit's representation); floats proven to be floats are unboxed
 *   (`D3 * t7`) and boxed into a PyFloat only where they escape: stored into an object, passed to
 *   a call, written back at an exit;
 * - the first iteration runs as a preamble (loop peeling): the guards on values that do not change
 *   in the loop (a list's type, a range iterator's, an unboxed local's kind) run there once, and
 *   the loop body repeats only what varies;
 * - every guard is an exit: it writes back the state as it was before the instruction whose
 *   guard failed and returns that instruction's code unit, where the interpreter (tier 2)
 *   continues; an exception raised inside the trace writes back the state before its instruction
 *   and is raised there (`tierExit`), so tracebacks are tier 1's;
 * - the back-edge checks interrupts as JUMP_BACKWARD does (Ctrl-C, budgets, the heap guard).
 *
 * One lowering per instruction form, in LOWERINGS; an instruction with none ends recording
 * (UNSUPPORTED_INSTRUCTION). Superinstructions are lowered as their two halves.
 *
 * @example
 * ```ts
 * import { compileTrace } from "./js_backend.ts";
 * // const compiled = compileTrace(trace); compiled.run(frame) → resume code unit
 * ```
 * @module
 */
import { ABORT } from "../instructions/abort_reasons.ts";
import { tunables } from "../instructions/tunables.ts";
import { COMPARISONS, NB_INPLACE, NB_POWER } from "../instructions/operators.ts";
import { CACHE_CELL, CACHE_SIZE, Op, OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";
import type { PyCode } from "../objects/code.ts";
import {
  DELETED,
  EMPTY_TUPLE,
  floatType,
  functionType,
  hasOwnAttrs,
  listType,
  methodType,
  None,
  NotImplemented,
  PyBuiltinFunction,
  type PyDict,
  PyFloat,
  PyList,
  type PyMethod,
  PyRange,
  PyTuple,
  PyType,
  type PyValue,
  rangeType,
  strType,
  tupleType,
  TYPE_HEAP,
  typeOf,
  typeType,
} from "../objects/object.ts";
import {
  binaryOp,
  buildSlice,
  call,
  compareStrings,
  contains,
  delItem,
  getAttr,
  getItem,
  getIter,
  isTrue,
  iterNext,
  lenBuiltin,
  repr,
  setAttr,
  setItem,
  str,
  toArray,
  unaryInvert,
  unaryNegative,
} from "../objects/ops.ts";
import {
  listIteratorType,
  pairSecond,
  PyNativeIterator,
  PyRangeIterator,
  type PySeqIterator,
  rangeIteratorType,
  tupleIteratorType,
} from "../objects/types/iterators.ts";
import { acquireFrame, type Frame, FRAME_RUNNING, releaseFrame, threadState } from "../vm/frame.ts";
import { frameObjectCount } from "../vm/frame_object.ts";
import { backEdgeChecks, checkAtBackEdges } from "../vm/interrupts.ts";
import {
  buildConstKeyMap,
  buildMap,
  buildSet,
  buildString,
  compareValues,
  dictUpdate,
  intrinsic1,
  listExtend,
  loadName,
  loopCounters,
  RETURN_TO_BINARY_OP,
  RETURN_TO_INIT,
  setFunctionAttribute,
  simpleSlice,
  spreadCallArgs,
  storeName,
  unpackedItems,
} from "../vm/interp_support.ts";
import { INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE } from "../instructions/opargs.ts";
import { formatObject } from "../objects/format.ts";
import { asciiRepr } from "../objects/repr.ts";
import { setUpdate } from "../objects/types/set.ts";
import { PyFunction } from "../vm/function.ts";
import { objectNew } from "../objects/types/type.ts";
import { powDouble } from "../objects/types/float_pow.ts";
import { SMALL_INT_OP_NAMES, SMALL_INT_OPERATORS, SMALL_INT_OPS } from "../objects/types/int.ts";
import { tierExit } from "../vm/tier.ts";
import {
  type Kind,
  KIND_BOOL,
  KIND_BOX,
  KIND_FLOAT,
  KIND_INT,
  markPolymorphicCall,
  type RecordedInstruction,
  RETURNS,
  type Trace,
  withinInnerLoop,
} from "./trace.ts";

/** The expression of the version of a boxed value's class. */
function classVersion(owner: Val): string {
  return `(typeof ${owner.e} === "object" ? ${owner.e}.cls : typeOf(${owner.e})).version`;
}

/** `container[start:stop]` (BINARY_SLICE), as the interpreter does it. */
function binarySlice(container: PyValue, start: PyValue, stop: PyValue): PyValue {
  return simpleSlice(container, start, stop) ?? getItem(container, buildSlice(start, stop));
}

/**
 * How a trace calls a Python function that has a function trace of its own (set by the tier, which
 * owns them): runs that trace on a frame of its own, without entering the interpreter; NO_TRACE when
 * the function has none or the call does not fit it (the call protocol then makes the call).
 */
export const functionTraces: {
  run: (fn: PyFunction, args: PyValue[]) => PyValue | typeof NO_TRACE;
  /**
   * For a call with `argc` plain positional arguments: a frame (the arguments go in its first
   * slots) when `fn`'s trace runs directly, else null; `runFrame` then runs the trace on it. (Two
   * steps, so that a traced call with one or two arguments makes no array, and is one JavaScript
   * call between the caller's trace and the callee's: traceCall1 and traceCall2.)
   */
  frameFor: (fn: PyFunction, argc: number) => Frame | null;
  runFrame: (fn: PyFunction, frame: Frame) => PyValue;
  /** The same with keyword arguments (`args` ends with their values, `kwnames` names them). */
  runBound: (fn: PyFunction, args: PyValue[], kwnames: string[] | null) => PyValue | typeof NO_TRACE;
} = {
  run: () => NO_TRACE,
  frameFor: () => null,
  runFrame: () => None,
  runBound: () => NO_TRACE,
};
/** `functionTraces.run`'s answer when it did not make the call. */
export const NO_TRACE: unique symbol = Symbol("no function trace");

/**
 * A call from a trace: `callable` with `self` (the method-call layout's second slot) and `args`,
 * the last of them keyword arguments when `kwnames` names them (CALL_KW).
 */
function traceCall(
  callable: PyValue,
  self: PyValue | null,
  args: PyValue[],
  kwnames: PyTuple | null = null,
): PyValue {
  if (self !== null) args = [self, ...args];
  else if (typeof callable === "object" && callable.cls === methodType) {
    args = [(callable as PyMethod).self, ...args];
    callable = (callable as PyMethod).func;
  }
  const names = kwnames === null ? null : kwnames.items as string[];
  if (typeof callable === "object" && callable.cls === functionType) {
    const result = names === null
      ? functionTraces.run(callable as PyFunction, args)
      : functionTraces.runBound(callable as PyFunction, args, names);
    if (result !== NO_TRACE) return result;
  }
  return call(callable, args, names);
}

/**
 * traceCall of a plain call (no `self` slot, no keywords) with one or two arguments: a function
 * with a trace gets them as they are; an array is made only for the call protocol.
 */
function traceCall1(callable: PyValue, a0: PyValue): PyValue {
  if (typeof callable === "object" && callable.cls === functionType) {
    const frame = functionTraces.frameFor(callable as PyFunction, 1);
    if (frame !== null) {
      frame.values[0] = a0;
      return functionTraces.runFrame(callable as PyFunction, frame);
    }
  }
  return traceCall(callable, null, [a0]);
}

function traceCall2(callable: PyValue, a0: PyValue, a1: PyValue): PyValue {
  if (typeof callable === "object" && callable.cls === functionType) {
    const frame = functionTraces.frameFor(callable as PyFunction, 2);
    if (frame !== null) {
      frame.values[0] = a0;
      frame.values[1] = a1;
      return functionTraces.runFrame(callable as PyFunction, frame);
    }
  }
  return traceCall(callable, null, [a0, a1]);
}

/** `callable(*callargs, **kwargs)` from a trace (CALL_FUNCTION_EX), as the interpreter spreads it. */
function traceCallEx(callable: PyValue, callargs: PyValue, kwargs: PyDict | null): PyValue {
  const { target, args, kwnames } = spreadCallArgs(callable, callargs, kwargs);
  if (typeof target === "object" && target.cls === functionType) {
    const result = functionTraces.runBound(target as PyFunction, args, kwnames);
    if (result !== NO_TRACE) return result;
  }
  return call(target, args, kwnames);
}

/**
 * Links a frame made at an exit inside a followed call under its caller, as ENTER_FRAME would
 * have (without its recursion check: the trace's calls are few and were checked when recorded).
 */
function linkFrame(caller: Frame, frame: Frame, sp: number, ip: number): void {
  threadState.depth++;
  caller.sp = sp;
  caller.ip = ip;
  frame.back = caller;
  frame.state = FRAME_RUNNING;
  threadState.frame = frame;
}

/**
 * A call made inside a followed call: the followed calls' frames (`frames`, made by the caller
 * with their locals) are linked under the loop's frame `f` for the duration of the call, so that
 * what the callee sees of its callers (`sys._getframe`, `f_back`, `f_lineno`, logging's caller,
 * warnings' stack level) is what the interpreter would have shown. `ips[d]` is where frame d
 * stands (its caller's instruction after the call). The frames go back to their pools afterwards
 * unless a frame object was made meanwhile (it may refer to them).
 */
function callInFrames(
  f: Frame,
  frames: Frame[],
  ips: number[],
  callable: PyValue,
  self: PyValue | null,
  args: PyValue[],
  kwnames: PyTuple | null = null,
): PyValue {
  let caller = f;
  for (let d = 0; d < frames.length; d++) {
    linkFrame(caller, frames[d], caller.sp, ips[d]);
    caller = frames[d];
  }
  const frameObjectsBefore = frameObjectCount.made;
  try {
    return traceCall(callable, self, args, kwnames);
  } finally {
    threadState.frame = f;
    threadState.depth -= frames.length;
    if (frameObjectCount.made === frameObjectsBefore) {
      for (let d = frames.length - 1; d >= 0; d--) releaseFrame(frames[d]);
    }
  }
}

/** `tuple(v)` (CALL_TUPLE_1): a tuple itself, else a new one of v's items. */
function tupleOf(v: PyValue): PyTuple {
  return typeof v === "object" && v.cls === tupleType ? v as PyTuple : new PyTuple(toArray(v));
}

/** Whether a range, list or tuple iterator is exhausted (an inner loop ended normally). */
function iteratorDone(it: PyValue): boolean {
  if (typeof it !== "object") return false;
  if (it.cls === rangeIteratorType) return (it as PyRangeIterator).left <= 0;
  if (it.cls === listIteratorType || it.cls === tupleIteratorType) {
    const seqIt = it as PySeqIterator;
    return seqIt.index >= seqIt.seq.items.length;
  }
  return false;
}

/**
 * Whether the globals' keys appended since a builtin's guard last looked (`seen[0]` of them) leave
 * `name` unshadowed; if so, the guard now covers them all. (A dict's keys array only grows while it
 * is the same array: a key deleted and set again is appended again.) A key other than a plain str
 * could equal `name`: then it answers no, and the trace leaves.
 */
function builtinUnshadowed(keys: PyValue[], seen: number[], name: string): boolean {
  for (let i = seen[0]; i < keys.length; i++) {
    const k = keys[i];
    if (k === name || (typeof k !== "string" && k !== DELETED)) return false;
  }
  seen[0] = keys.length;
  return true;
}

/**
 * How a trace runs an inner loop with that loop's own trace (set by the tier, which owns them):
 * returns the code unit to resume at; the loop's head when it has no trace.
 */
export const innerLoops: { run: (f: Frame, head: number, counter: number) => number } = {
  run: (_f, head) => head,
};

/**
 * The math functions a JavaScript trace computes itself, by their native uop (lib/modules/math.ts
 * `nativeUop`: those whose result there is JavaScript's to the bit): the expression of the
 * unboxed argument, its kind, where the trace leaves instead (the interpreter then raises), and
 * the result for an int argument when that is not the float one's.
 */
const MATH_CALLS: Readonly<
  Record<string, {
    expr: (x: string) => string;
    kind: Kind;
    leaveIf?: (x: string) => string;
    ofInt?: (x: string) => string;
  }>
> = {
  // (-0.0 passes: its square root is -0.0, as C's.)
  SQRT_F64: { expr: (x) => `Math.sqrt(${x})`, kind: KIND_FLOAT, leaveIf: (x) => `!(${x} >= 0)` },
  ABS_F64: { expr: (x) => `Math.abs(${x})`, kind: KIND_FLOAT },
  // An int's floor is itself; a float's is an int a JS number holds exactly below 2**53 (+ 0: not -0).
  FLOOR_F64: {
    expr: (x) => `Math.floor(${x}) + 0`,
    kind: KIND_INT,
    leaveIf: (x) => `!(${x} > -9007199254740991 && ${x} < 9007199254740991)`,
    ofInt: (x) => x,
  },
};

/** What generated code may name (passed to it as `R`). */
const RUNTIME = {
  DELETED,
  powDouble,
  ...SMALL_INT_OPS,
  loadName,
  storeName,
  EMPTY_TUPLE,
  None,
  PyFloat,
  PyList,
  PyRange,
  PyRangeIterator,
  PyTuple,
  rangeType,
  acquireFrame,
  functionType,
  hasOwnAttrs,
  linkFrame,
  callInFrames,
  floatType,
  listType,
  tupleType,
  typeOf,
  typeType,
  strType,
  lenBuiltin,
  str,
  tupleOf,
  objectNew,
  RETURN_TO_INIT,
  RETURN_TO_BINARY_OP,
  NotImplemented,
  TYPE_HEAP,
  listIteratorType,
  rangeIteratorType,
  tupleIteratorType,
  binaryOp,
  compareStrings,
  compareValues,
  contains,
  getAttr,
  getItem,
  isTrue,
  setAttr,
  setItem,
  unaryNegative,
  traceCall,
  traceCall1,
  traceCall2,
  traceCallEx,
  binarySlice,
  buildConstKeyMap,
  buildMap,
  buildSet,
  buildSlice,
  buildString,
  delItem,
  dictUpdate,
  formatObject,
  asciiRepr,
  repr,
  intrinsic1,
  listExtend,
  PyFunction,
  setFunctionAttribute,
  setUpdate,
  unaryInvert,
  unpackedItems,
  getIter,
  iterNext,
  iteratorDone,
  builtinUnshadowed,
  pairSecond,
  PyNativeIterator,
  runInnerLoop: (f: Frame, head: number, counter: number) => innerLoops.run(f, head, counter),
  loopCounters,
  backEdgeChecks,
  checkAtBackEdges,
  tierExit,
};

/** A value the trace holds: a JS expression (a local, a temporary, a literal) and its kind. */
interface Val {
  readonly e: string;
  readonly k: Kind;
}

/** What the trace knows of a Python local. */
interface Local {
  k: Kind;
  /** Its value is in its JS local (else it is still only in the frame, unchanged). */
  inVar: boolean;
  /** Its JS local differs from the frame's slot: exits write it back. */
  dirty: boolean;
}

/** A frame the trace is in: the loop's own, or a followed call's (virtual: no Frame exists). */
interface FrameState {
  stack: Val[];
  locals: Local[];
  code: PyCode;
  /** The prefix of its locals' JS names ("" in the loop's frame). */
  prefix: string;
  /** The expression of its function object (null for the loop's frame). */
  func: string | null;
  /** In its caller, the code unit after the CALL that entered it. */
  afterCall: number;
  /**
   * For an `__init__` a class call entered (CALL_ALLOC_AND_ENTER_INIT): the expression of the new
   * instance, which the call's value is (its frame, made at an exit, returns it: RETURN_TO_INIT).
   */
  initSelf: string | null;
  /**
   * For an operator's dunder a BINARY_OP entered (BINARY_OP_PY_DUNDER): its two operands stay on
   * the caller's stack until it returns, and NotImplemented goes back to the interpreter, which
   * tries the reflected operator (RETURN_TO_BINARY_OP).
   */
  binaryOp: boolean;
}

/** The abstract state between instructions. */
class State {
  constructor(
    public stack: Val[],
    public locals: Local[],
    /** Facts proven by guards, by expression ("list:L3", "ver:L0"), dropped when code may run. */
    readonly facts: Set<string>,
    public code: PyCode,
    public prefix = "",
    public func: string | null = null,
    public afterCall = -1,
    /** The callers of the current frame, outermost (the loop's frame) first. */
    public callers: FrameState[] = [],
    public initSelf: string | null = null,
    public binaryOp = false,
  ) {}
  clone(): State {
    const copyFrame = (fr: FrameState): FrameState => ({
      ...fr,
      stack: [...fr.stack],
      locals: fr.locals.map((l) => ({ ...l })),
    });
    return new State(
      [...this.stack],
      this.locals.map((l) => ({ ...l })),
      new Set(this.facts),
      this.code,
      this.prefix,
      this.func,
      this.afterCall,
      this.callers.map(copyFrame),
      this.initSelf,
      this.binaryOp,
    );
  }
  /** The current frame as a FrameState (sharing its arrays). */
  frame(): FrameState {
    return {
      stack: this.stack,
      locals: this.locals,
      code: this.code,
      prefix: this.prefix,
      func: this.func,
      afterCall: this.afterCall,
      initSelf: this.initSelf,
      binaryOp: this.binaryOp,
    };
  }
  /** Makes `fr` the current frame. */
  enter(fr: FrameState): void {
    this.stack = fr.stack;
    this.locals = fr.locals;
    this.code = fr.code;
    this.prefix = fr.prefix;
    this.func = fr.func;
    this.afterCall = fr.afterCall;
    this.initSelf = fr.initSelf;
    this.binaryOp = fr.binaryOp;
  }
}

/** Thrown when a trace cannot be compiled (the reason is a row of the abort table). */
export class TraceAbort extends Error {
  constructor(readonly reason: number, detail: string) {
    super(detail);
  }
}

/** An inner loop could not be inlined (compileTrace compiles the loop again running it as a whole). */
class InlineAbort extends TraceAbort {
  constructor(readonly innerHead: number, reason: number, detail: string) {
    super(reason, detail);
  }
}

/** An inner loop's recorded trace with its side paths, for inlining. */
export interface InnerTrace {
  readonly trace: Trace;
  readonly sides: ReadonlyMap<string, readonly RecordedInstruction[]>;
}

/** The inner loop at a head, when it may be inlined (else null). */
export type InnerTraces = (head: number) => InnerTrace | null;

/** A loop whose body is being lowered (the trace's own, or an inlined inner loop). */
interface LoopContext {
  readonly head: number;
  /** Its side paths, by branch key (each from a branch back to its head). */
  readonly sides: ReadonlyMap<string, readonly RecordedInstruction[]>;
  /**
   * The state its side paths end in (null: side paths are not lowered): its top's while its body
   * is lowered; for an inlined loop's peeled first iteration, the state that iteration ends in.
   */
  top: State | null;
  /** The statement that ends a side path (`continue` to its top, or `break` out of a peel). */
  jump: string;
  /** The facts at each end of its body (the main path's, each side path's). */
  endFacts: Set<string>[];
}

/** An inner loop being inlined: its head, its JS label, and the state the code after it starts from. */
interface InlinedLoop {
  readonly head: number;
  readonly label: string;
  readonly after: State;
  /** The facts of each side path that breaks out of it (the code after it keeps only theirs too). */
  readonly breakFacts: Set<string>[];
}

/** The code units of the returns between `from` and `to` (a loop's) in `code`. */
function returnsWithin(code: PyCode, from: number, to: number): number[] {
  const at: number[] = [];
  for (let i = from; i <= to; i += 1 + CACHE_SIZE[code.code[i] & 0xff]) {
    if (RETURNS.has(code.code[i] & 0xff)) at.push(i);
  }
  return at;
}

/** JavaScript's operator for each COMPARE_OP oparg (Python's == on numbers is JS's ===). */
const COMPARE_JS = COMPARISONS.map((c) => c.symbol === "==" ? "===" : c.symbol === "!=" ? "!==" : c.symbol);

/**
 * The calls the specializer bound to one builtin, lowered to that builtin's own entry point as the
 * specialized instruction calls it (no argument array, no dispatch of the call protocol). `self`:
 * whether the form has self in the method-call slot (self is then the first argument); `argc`: the
 * positional count it takes (-1: 1 to 3 for `call1`..`call3`, any for `fn`); `entry`: the entry
 * point of the site's cached builtin it calls, or `expr`, the call written out; `fixed`: the
 * callable of a form bound to one (a RUNTIME name), instead of the site's cached one; `kind`: what
 * the result is known to be; `readsFrames`: the builtin may look at its callers' frames
 * (sys._getframe, locals(), warnings.warn), so the loop frame's locals are written before it, and
 * inside a followed call it keeps the generic call, which links the followed calls' frames.
 */
interface BuiltinCallForm {
  readonly self: boolean;
  readonly argc: number;
  readonly entry?: "fn" | "call1" | "call2" | "callN";
  readonly fixed?: string;
  readonly expr?: (args: readonly string[]) => string;
  readonly kind?: Kind;
  readonly readsFrames?: boolean;
}

const BUILTIN_CALLS: Readonly<Record<string, BuiltinCallForm>> = {
  CALL_LEN: { self: false, argc: 1, expr: (a) => `lenBuiltin(${a[0]})` },
  CALL_ISINSTANCE: { self: false, argc: 2, entry: "call2", kind: KIND_BOOL },
  CALL_TYPE_1: { self: false, argc: 1, fixed: "typeType", expr: (a) => `typeOf(${a[0]})` },
  CALL_STR_1: { self: false, argc: 1, fixed: "strType", expr: (a) => `str(${a[0]})` },
  CALL_TUPLE_1: { self: false, argc: 1, fixed: "tupleType", expr: (a) => `tupleOf(${a[0]})` },
  CALL_BUILTIN_O: { self: false, argc: 1, entry: "call1", readsFrames: true },
  CALL_BUILTIN_FAST: { self: false, argc: -1, entry: "fn", readsFrames: true },
  CALL_BUILTIN_CLASS: { self: false, argc: -1, entry: "callN" },
  CALL_METHOD_DESCRIPTOR_O: { self: true, argc: 1, entry: "call2" },
  CALL_METHOD_DESCRIPTOR_NOARGS: { self: true, argc: 0, entry: "call1" },
  CALL_METHOD_DESCRIPTOR_FAST: { self: true, argc: -1, entry: "fn" },
};

/** A compiled trace. */
export interface CompiledTrace {
  readonly trace: Trace;
  readonly source: string;
  readonly run: (f: Frame) => number;
  /** Exits taken, by exit number (index into `exitAt`). */
  readonly exitCounts: Float64Array;
  /** The code unit each exit resumes at. */
  readonly exitAt: readonly number[];
  /** Per exit: the key of the branch it leaves at (a side path can be recorded there), or null. */
  readonly exitBranch: readonly (string | null)[];
  /** Exits taken when the loop's iterator is exhausted (the loop ended: no misfit). */
  readonly loopEndExits: ReadonlySet<number>;
  /**
   * Exits where control flow went another way inside an inner loop: its conditional jump went the
   * other way than recorded (an inner `while` loop's count in the first iteration), or its own
   * trace, run as a whole, left before the loop's end (where that trace grows its side paths). Not
   * a misfit of the values entering.
   */
  readonly branchExits?: ReadonlySet<number>;
  /** Exits numbered below this one are the preamble's (taken before one whole iteration ran). */
  readonly preambleExits: number;
  /**
   * Per exit: the head of the inlined inner loop it leaves from (the outermost one), or -1. A hot one
   * means the inner loop's copy no longer fits: the loop is compiled again (jit/tier.ts).
   */
  readonly exitInner?: readonly number[];
  /** The number of the exit taken last (written by the trace). */
  readonly lastExit: Int32Array;
  /** Whether an exit can leave inside a followed call (setting `tierExit.frame`). */
  readonly leavesInCallees: boolean;
  readonly compileMs: number;
}

/**
 * The JS locals of a trace that an exit's write-back may read (exitCall passes them to its stub):
 * a frame's locals (`L3`, `D3`, `a0_L3`, a followed call's function `a0_fn`), the loop-carried
 * stack (`E0`), temporaries (`t7`), and the error a catch case raises (`e`).
 */
const TRACE_LOCAL = /(?<![\w$.])(?:[LDE]\d+|t\d+|a\d+_\w+|e)(?![\w$])/g;

/**
 * Write-backs shorter than this (characters) stay in place at their exit; longer ones go through
 * an exit stub. (A call costs more than a short write-back saves: nbody's were 7% slower stubbed.)
 */
const MIN_STUB_WRITE_BACK = 400;

/** Builds the function of one trace. */
class TraceCompiler {
  private readonly nl: number;
  private readonly out: string[] = [];
  private temps = 0;
  /** JS locals of followed calls' frames (declared with the others). */
  private readonly declared = new Set<string>();
  /** Calls followed so far (each gets its own JS names). */
  private inlined = 0;
  /** The most temporaries any lowering used (a discarded attempt at the body too). */
  private maxTemps = 0;
  private readonly consts: unknown[] = [];
  /** Each constant's index in `consts`. */
  private readonly constIndex = new Map<unknown, number>();
  /** Catch cases by exit number (a state written back and an exception raised). */
  private readonly raiseCases: string[] = [];
  /** The exit stubs' write-backs (exitCall), and each one's number. */
  private readonly stubs: string[] = [];
  private readonly stubIndex = new Map<string, number>();
  /** Characters of the source functionSource made last, its exit stubs apart (max_trace_code). */
  private functionChars = 0;
  readonly exitAt: number[] = [];
  /** How many exits the preamble has (exits numbered below it leave before a whole iteration). */
  preambleExits = 0;
  /** Whether an exit leaves inside a followed call. */
  leavesInCallees = false;
  /** Exits taken when the loop's iterator is exhausted. */
  readonly loopEndExits = new Set<number>();
  /** Exits where control flow went another way inside an inner loop. */
  readonly branchExits = new Set<number>();
  /** The pairs FOR_ITER left unmade, by the temporary that stands for each until it is unpacked. */
  private readonly pairs = new Map<string, readonly [Val, Val]>();
  /** Per exit: the branch it leaves at (a side path's key), or null. */
  readonly exitBranch: (string | null)[] = [];
  /** Per exit: the head of the (outermost) inlined inner loop it leaves from, or -1. */
  readonly exitInner: number[] = [];
  /** The inner loops being inlined, outermost first. */
  private readonly inlining: InlinedLoop[] = [];
  /** Inner loops inlined so far (each gets its own label). */
  private innerLabels = 0;
  /** The heads of the inner loops inlined. */
  readonly inlinedHeads = new Set<number>();
  /**
   * Lowering a peeled first iteration (the trace's preamble, an inlined loop's first iteration):
   * inner loops there run as a whole, so that each loop body holds one inlined copy of its inner
   * loops (two with its peeled iteration), not a copy per enclosing peel.
   */
  private peeling = false;
  /** The values that are a method chosen by the receiver's class (methodOf, at two-class sites). */
  private readonly polymorphicMethods = new WeakSet<Val>();
  private st!: State;
  /** The side path being lowered ("" for the recorded iteration itself). */
  private pathKey = "";
  /** The loop whose body is being lowered: the trace's own, or an inlined inner loop. */
  private loop: LoopContext;

  constructor(
    private readonly trace: Trace,
    /** Paths from a branch back to the head, by branch key (`parentKey>branchStart`). */
    private readonly sides: ReadonlyMap<string, readonly RecordedInstruction[]>,
    /** The inner loops to inline (the others run as a whole with their own traces). */
    private readonly innerTraces: InnerTraces = () => null,
  ) {
    this.nl = trace.code.nlocalsplus;
    this.loop = { head: trace.head, sides, top: null, jump: "continue loop;", endFacts: [] };
  }

  // ---- emission helpers

  private emit(line: string): void {
    this.out.push(line);
  }
  private temp(): string {
    this.maxTemps = Math.max(this.maxTemps, this.temps + 1);
    return `t${this.temps++}`;
  }
  private constRef(v: unknown): string {
    let i = this.constIndex.get(v);
    if (i === undefined) {
      i = this.consts.push(v) - 1;
      this.constIndex.set(v, i);
    }
    return `K[${i}]`;
  }
  /** The JS local of Python local `i` of the current frame (or of the frame with `prefix`). */
  private varOf(i: number, k: Kind, prefix = this.st.prefix): string {
    const name = `${prefix}${k === KIND_FLOAT ? "D" : "L"}${i}`;
    if (prefix !== "") this.declared.add(name);
    return name;
  }
  private box(v: Val): string {
    return v.k === KIND_FLOAT ? `new PyFloat(${v.e})` : v.e;
  }

  /**
   * The statements that write back state `st` and leave at `resume` (`extra`: before leaving). In a
   * followed call, the frames of the calls are made (materialized) and linked to the loop's frame
   * as the interpreter would have them, and the interpreter continues in the innermost one.
   */
  private writeBack(
    st: State,
    resume: number,
    extra = "",
    branch: string | null = null,
    inPlace = false,
  ): string {
    const frames = [...st.callers, st.frame()];
    const parts = this.loopFrameToFrame(frames[0]);
    for (let d = 1; d < frames.length; d++) {
      const fr = frames[d];
      const c = `c${d}`;
      const nl = fr.code.nlocalsplus;
      parts.push(`const ${c} = ${this.makeFrame(fr)};`, ...this.localsToFrame(fr, c));
      fr.stack.forEach((v, j) => parts.push(`${c}.values[${nl + j}] = ${this.box(v)};`));
      const caller = d === 1 ? "f" : `c${d - 1}`;
      const callerNl = d === 1 ? this.nl : frames[d - 1].code.nlocalsplus;
      parts.push(`linkFrame(${caller}, ${c}, ${callerNl + frames[d - 1].stack.length}, ${fr.afterCall});`);
      if (fr.initSelf !== null) {
        parts.push(`${c}.returnMode = RETURN_TO_INIT; ${c}.initSelf = ${fr.initSelf};`);
      }
      if (fr.binaryOp) parts.push(`${c}.returnMode = RETURN_TO_BINARY_OP;`);
      if (d === frames.length - 1) {
        this.leavesInCallees = true;
        parts.push(`${c}.sp = ${nl + fr.stack.length}; ${c}.ip = ${resume}; tierExit.frame = ${c};`);
      }
    }
    if (extra !== "") parts.push(extra);
    const body = parts.join(" ");
    const id = this.newExitId(resume, branch);
    if (inPlace || body.length < MIN_STUB_WRITE_BACK) {
      return `${body} X[${id}]++; W[0] = ${id}; return ${resume};`;
    }
    return this.exitCall(body, id, resume);
  }

  /**
   * `return` through the exit stub that runs `body` (statements writing the state back), counts
   * exit `id` and returns `resume`. Exits are most of a trace's code, and V8 optimizes a function
   * only below a bytecode size (TurboFan's limit is 60 KB): the trace calls a stub made once for
   * each shape of write-back, the JS locals it writes passed as arguments ("s[3] = L3" and
   * "s[3] = t9" are one stub). Stubs sit beside the trace function (tools see them in the source).
   */
  private exitCall(body: string, id: number, resume: number): string {
    const args: string[] = [];
    const params = new Map<string, string>();
    const shape = body.replace(TRACE_LOCAL, (name) => {
      let p = params.get(name);
      if (p === undefined) {
        p = `$${args.length}`;
        params.set(name, p);
        args.push(name);
      }
      return p;
    });
    let n = this.stubIndex.get(shape);
    if (n === undefined) {
      n = this.stubs.push(shape) - 1;
      this.stubIndex.set(shape, n);
    }
    return `return S${n}(f, ${id}, ${resume}${args.map((a) => `, ${a}`).join("")});`;
  }

  /** The source of exit stub `n`: its write-back, its exit counted, its resume point returned. */
  private stubSource(n: number): string {
    const shape = this.stubs[n];
    const params = ["f", "$x", "$r"];
    for (let i = 0; shape.includes(`$${i}`); i++) params.push(`$${i}`);
    return `function S${n}(${
      params.join(", ")
    }) { const s = f.values; ${shape} X[$x]++; W[0] = $x; return $r; }`;
  }

  /**
   * For a call inside followed calls: the expression of an array of the followed calls' frames,
   * made now with their locals (outermost first), and the JS array of where each stands.
   */
  private framesForCall(opUnit: number): [string, string] {
    const frames = [...this.st.callers, this.st.frame()];
    const made: string[] = [];
    const ips: number[] = [];
    for (let d = 1; d < frames.length; d++) {
      const fr = frames[d];
      const c = this.temp();
      this.emit(`${c} = ${this.makeFrame(fr)};`);
      for (const line of this.localsToFrame(fr, c)) this.emit(line);
      made.push(c);
      ips.push(fr.afterCall);
    }
    // (callInFrames sets each caller's ip as it links the frames; the innermost stands at the call.)
    this.emit(`${made[made.length - 1]}.ip = ${opUnit + 1};`);
    return [`[${made.join(", ")}]`, `[${ips.join(", ")}]`];
  }

  /**
   * Writes the loop frame's locals that its JS locals hold newer values of into the frame, before
   * a call whose callee may read them (locals(), eval, a frame's f_locals). They stay dirty: an
   * exit writes them again.
   */
  private localsToLoopFrame(): void {
    const loopFrame = this.st.callers.length > 0 ? this.st.callers[0] : this.st.frame();
    loopFrame.locals.forEach((l, i) => {
      if (l.inVar && l.dirty) this.emit(this.localToFrame(i, l));
    });
  }

  /** The expression that makes a followed call's frame (its locals are written separately). */
  private makeFrame(fr: FrameState): string {
    return `acquireFrame(${this.constRef(fr.code)}, ${fr.func}.globals, ${fr.func}.builtins, ${fr.func})`;
  }

  /** The statements that write a followed call's locals (held in JS locals) into its frame `c`. */
  private localsToFrame(fr: FrameState, c: string): string[] {
    const out: string[] = [];
    fr.locals.forEach((l, i) => {
      if (l.inVar) out.push(`${c}.values[${i}] = ${this.box({ e: this.varOf(i, l.k, fr.prefix), k: l.k })};`);
    });
    return out;
  }

  /** Loop-frame local `i` (held as `l` says) written into the frame. */
  private localToFrame(i: number, l: Local): string {
    return `s[${i}] = ${this.box({ e: this.varOf(i, l.k, ""), k: l.k })};`;
  }

  /** The loop frame's changed locals, its stack and `sp` written into the frame. */
  private loopFrameToFrame(fr: { locals: Local[]; stack: Val[] }): string[] {
    const parts: string[] = [];
    fr.locals.forEach((l, i) => {
      if (l.inVar && l.dirty) parts.push(this.localToFrame(i, l));
    });
    fr.stack.forEach((v, j) => parts.push(`s[${this.nl + j}] = ${this.box(v)};`));
    parts.push(`f.sp = ${this.nl + fr.stack.length};`);
    return parts;
  }

  /** Numbers a new exit that resumes at `resume`; returns the statements that record it taken. */
  private newExit(resume: number, branch: string | null): string {
    const id = this.newExitId(resume, branch);
    return `X[${id}]++; W[0] = ${id};`;
  }

  /** Numbers a new exit that resumes at `resume`. */
  private newExitId(resume: number, branch: string | null): number {
    const id = this.exitAt.push(resume) - 1;
    this.exitBranch.push(branch);
    this.exitInner.push(this.inlining.length > 0 ? this.inlining[0].head : -1);
    return id;
  }

  /**
   * Where the current frame stands among the calls the trace followed: "" in the trace's own
   * frame; else the return points of the call sites that lead to it, outermost first ("83,19@").
   */
  private callSites(): string {
    const callers = this.st.callers;
    if (callers.length === 0) return "";
    const sites: number[] = [];
    for (let d = 1; d < callers.length; d++) sites.push(callers[d].afterCall);
    sites.push(this.st.afterCall);
    return `${sites.join(",")}@`;
  }

  /** Where the exits made so far end (for rewindExits). */
  private exitMark(): { exits: number; raises: number } {
    return { exits: this.exitAt.length, raises: this.raiseCases.length };
  }

  /** Forgets the exits made since `mark`: their code was discarded (a first pass over a peel). */
  private rewindExits(mark: { exits: number; raises: number }): void {
    this.exitAt.length = mark.exits;
    this.exitBranch.length = mark.exits;
    this.exitInner.length = mark.exits;
    this.raiseCases.length = mark.raises;
    for (const set of [this.loopEndExits, this.branchExits]) {
      for (const x of [...set]) if (x >= mark.exits) set.delete(x);
    }
  }

  /** Leaves the trace when `cond` holds, with the state as it is now (before the instruction). */
  private guard(cond: string, resume: number, branch: string | null = null): void {
    this.emit(`if (${cond}) { ${this.writeBack(this.st, resume, "", branch)} }`);
  }

  /**
   * The iterator is exhausted: the loop ends (an exit, but not a sign the trace no longer fits); in
   * an inlined inner loop, the state becomes the one the code after the loop starts from, and the
   * inner loop is left. `afterLoop`: where the interpreter goes on, when it must not test the
   * iterator again (the loop's jump target, whose END_FOR pops it); else the head, `resume`.
   */
  private loopEnd(cond: string, resume: number, afterLoop = resume): void {
    const inner = this.inlining[this.inlining.length - 1];
    if (inner !== undefined && inner.head === resume) return this.endInlinedLoop(cond, inner, afterLoop);
    // (Written out in place: taken at the end of every run of the loop, it is not cold.)
    this.emit(`if (${cond}) { ${this.writeBack(this.st, afterLoop, "", null, true)} }`);
    this.loopEndExits.add(this.exitAt.length - 1);
  }

  /**
   * Where `cond` holds, an inlined inner loop ends: the state (as it is now) is converted to the one
   * the code after the loop starts from, and the loop is left (a guard failing in the conversion
   * resumes at `resume`).
   */
  private endInlinedLoop(cond: string, inner: InlinedLoop, resume: number): void {
    // (On a copy of the state: the conversion happens only on the way out.)
    const here = this.st;
    this.st = here.clone();
    const mark = this.out.length;
    this.reconcile(inner.after, resume);
    const convert = this.out.splice(mark);
    this.st = here;
    this.emit(`if (${cond}) { ${convert.join(" ")} break ${inner.label}; }`);
  }

  /** What follows may raise: an exception leaves with the state as it is now, raised at `opUnit`. */
  private mayRaise(opUnit: number): void {
    const id = this.raiseCases.length;
    this.raiseCases.push(
      `case ${id}: { ${
        this.writeBack(this.st, opUnit + 1, "tierExit.error = e; tierExit.reraise = false;")
      } }`,
    );
    this.emit(`at = ${id};`);
  }

  /** Code may run (a call, a generic operation): facts about mutable things are forgotten. */
  private codeMayRun(): void {
    for (const fact of [...this.st.facts]) {
      if (fact.startsWith("ver:") || fact.startsWith("shape:")) this.st.facts.delete(fact);
    }
  }

  private push(v: Val): void {
    this.st.stack.push(v);
  }
  private pop(): Val {
    const v = this.st.stack.pop();
    if (v === undefined) throw new TraceAbort(ABORT.COMPILE_FAILED, "stack underflow");
    return v;
  }
  private peek(n = 1): Val {
    return this.st.stack[this.st.stack.length - n];
  }

  /** A value as a Python int (a JS number): a guard unless known. */
  private asInt(v: Val, resume: number): Val {
    if (v.k === KIND_INT) return v;
    if (v.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "an int operand is never an int");
    this.guard(`typeof ${v.e} !== "number"`, resume);
    return { e: v.e, k: KIND_INT };
  }
  /** A value as an unboxed float: a guard and an unboxing unless known. */
  private asFloat(v: Val, resume: number): Val {
    if (v.k === KIND_FLOAT) return v;
    if (v.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a float operand is never a float");
    this.guard(`typeof ${v.e} !== "object" || ${v.e}.cls !== floatType`, resume);
    const t = this.temp();
    this.emit(`${t} = ${v.e}.value;`);
    return { e: t, k: KIND_FLOAT };
  }
  /** A value as a JS number (an int or an unboxed float), or a guard. */
  private asNumber(v: Val, resume: number): Val {
    if (v.k === KIND_INT || v.k === KIND_FLOAT) return v;
    if (v.k === KIND_BOOL) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a bool where a number was");
    const t = this.temp();
    this.emit(
      `${t} = typeof ${v.e} === "number" ? ${v.e} : typeof ${v.e} === "object" && ${v.e}.cls === floatType ? ${v.e}.value : NaN;`,
    );
    this.guard(`${t} !== ${t}`, resume);
    return { e: t, k: KIND_FLOAT };
  }
  /** Guards that `v` is an object of class `clsName` (a RUNTIME name), once per value. */
  private guardClass(v: Val, clsName: string, resume: number): void {
    const fact = `${clsName}:${v.e}`;
    if (this.st.facts.has(fact)) return;
    if (v.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, `${clsName} operand is a number`);
    this.guard(`typeof ${v.e} !== "object" || ${v.e}.cls !== ${clsName}`, resume);
    this.st.facts.add(fact);
  }
  /** A result into a new temporary. */
  private result(expr: string, k: Kind): Val {
    const t = this.temp();
    this.emit(`${t} = ${expr};`);
    return { e: t, k };
  }
  /** Copies stack values that name local `i` into temporaries (before `i` is assigned). */
  private unalias(i: number): void {
    const names = [`${this.st.prefix}L${i}`, `${this.st.prefix}D${i}`];
    this.st.stack.forEach((v, j) => {
      if (names.includes(v.e)) this.st.stack[j] = this.result(v.e, v.k);
    });
    for (const fact of [...this.st.facts]) {
      if (names.some((n) => fact.endsWith(`:${n}`))) this.st.facts.delete(fact);
    }
  }

  // ---- locals

  /** Brings local `i` into its JS local (guarding its kind as recorded) the first time it is read. */
  private ensureLocal(i: number, rec: RecordedInstruction, resume: number): void {
    const l = this.st.locals[i];
    if (l.inVar) return;
    if (this.st.callers.length > 0) {
      throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, "a followed call reads an unassigned local");
    }
    this.emit(`L${i} = s[${i}];`);
    this.guard(`L${i} === undefined`, resume);
    const k = rec.localKinds.get(i) ?? KIND_BOX;
    if (k === KIND_INT) this.guard(`typeof L${i} !== "number"`, resume);
    else if (k === KIND_BOOL) this.guard(`typeof L${i} !== "boolean"`, resume);
    else if (k === KIND_FLOAT) {
      this.guard(`typeof L${i} !== "object" || L${i}.cls !== floatType`, resume);
      this.emit(`D${i} = L${i}.value;`);
    }
    l.k = k;
    l.inVar = true;
    l.dirty = false;
  }

  private pushLocal(i: number): void {
    const l = this.st.locals[i];
    this.push({ e: this.varOf(i, l.k), k: l.k });
  }

  private storeLocal(i: number): void {
    const v = this.pop();
    this.unalias(i);
    const target = this.varOf(i, v.k);
    if (v.e !== target) this.emit(`${target} = ${v.e};`);
    const l = this.st.locals[i];
    l.k = v.k;
    l.inVar = true;
    l.dirty = true;
  }

  // ---- the lowering of one instruction

  /**
   * Lowers instruction `name` (a form's name) at `start`/`opUnit` with `oparg`; `next` is where the
   * recorded path went after it.
   */
  private lower(
    name: string,
    opcode: number,
    oparg: number,
    start: number,
    opUnit: number,
    next: number,
    rec: RecordedInstruction,
    nextRec: RecordedInstruction | null = null,
  ): void {
    const row = OPCODES[opcode];
    const generic = OPCODES[row.generic].name;
    const cacheAt = (cell: number) => opUnit + 1 + cell;
    const after = opUnit + 1 + CACHE_SIZE[opcode];
    // A generic FOR_ITER (still adaptive, or backing off) over a range, list or tuple: lowered as
    // the variant it would specialize to (whose class guard leaves if the iterator changes).
    const specialized = rec.iterClass === undefined ? undefined : SPECIALIZED_FOR_ITER.get(rec.iterClass);
    if (specialized !== undefined) name = specialized;
    switch (name) {
      case "NOP":
      case "RESUME":
      case "CACHE":
      case "JUMP_FORWARD":
        return;
      case "LOAD_FAST":
      case "LOAD_FAST_CHECK":
        this.ensureLocal(oparg, rec, start);
        return this.pushLocal(oparg);
      case "LOAD_FAST_LOAD_FAST":
        // Both guarded before either is pushed: an exit leaves the stack as before the instruction.
        this.ensureLocal(oparg >> 4, rec, start);
        this.ensureLocal(oparg & 15, rec, start);
        this.pushLocal(oparg >> 4);
        return this.pushLocal(oparg & 15);
      case "STORE_FAST":
        return this.storeLocal(oparg);
      case "LOAD_CONST":
        return this.push(this.constVal(oparg));
      case "POP_TOP":
      case "END_FOR":
        this.pop();
        return;
      case "PUSH_NULL":
        return this.push({ e: "null", k: KIND_BOX });
      case "COPY":
        return this.push(this.peek(oparg));
      case "SWAP": {
        const stack = this.st.stack;
        const top = stack.length - 1;
        [stack[top], stack[top - oparg + 1]] = [stack[top - oparg + 1], stack[top]];
        return;
      }
      case "LOAD_DEREF": {
        if (this.st.callers.length > 0) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, "LOAD_DEREF in a call");
        }
        const v = this.result(`s[${oparg}].value`, KIND_BOX);
        this.guard(`${v.e} === undefined`, start);
        return this.push(v);
      }
      case "YIELD_VALUE":
        // A generator trace's end (the recorder takes no other yield): the runner suspends the frame.
        if (this.trace.kind !== "generator" || this.st.callers.length > 0) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, "YIELD_VALUE");
        }
        return this.functionReturn(start);
      case "RETURN_VALUE":
      case "RETURN_CONST": {
        // A function's return, or a generator's (which the interpreter then runs: the generator ends).
        if (this.trace.kind !== "loop" && this.st.callers.length === 0) return this.functionReturn(start);
        // The end of a followed call: its value goes to the caller's stack.
        const v = name === "RETURN_VALUE" ? this.peek() : this.constVal(oparg);
        const initSelf = this.st.initSelf;
        if (initSelf !== null && !(name === "RETURN_CONST" && this.st.code.consts[oparg] === None)) {
          // __init__ must return None: anything else leaves, and the interpreter raises TypeError.
          if (v.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "__init__ returns a number");
          this.guard(`${v.e} !== None`, start);
        }
        const binaryOp = this.st.binaryOp;
        // NotImplemented: the interpreter's return tries the reflected operator.
        if (binaryOp && v.k === KIND_BOX) this.guard(`${v.e} === NotImplemented`, start);
        if (this.st.callers.length === 0) {
          // A loop's side path that returns: the loop's run ends at the return, which the
          // interpreter makes (the trace's own frame returns).
          this.emit(this.writeBack(this.st, start, "", null, true));
          this.loopEndExits.add(this.exitAt.length - 1);
          return;
        }
        if (name === "RETURN_VALUE") this.pop();
        const caller = this.st.callers.pop()!;
        this.st.enter(caller);
        if (binaryOp) {
          // The operands the caller kept on its stack during the call.
          this.pop();
          this.pop();
        }
        return this.push(initSelf !== null ? { e: initSelf, k: KIND_BOX } : v);
      }
      case "CALL_LIST_APPEND":
        if (this.listAppend(oparg, start, opUnit)) return;
        break;
      case "CALL_LEN":
      case "CALL_ISINSTANCE":
      case "CALL_TYPE_1":
      case "CALL_STR_1":
      case "CALL_TUPLE_1":
      case "CALL_BUILTIN_O":
      case "CALL_BUILTIN_FAST":
      case "CALL_BUILTIN_CLASS":
      case "CALL_METHOD_DESCRIPTOR_O":
      case "CALL_METHOD_DESCRIPTOR_NOARGS":
      case "CALL_METHOD_DESCRIPTOR_FAST":
        if (
          (name === "CALL_BUILTIN_O" || name === "CALL_BUILTIN_FAST") &&
          this.mathCall(oparg, start, rec, cacheAt)
        ) return;
        if (this.callBuiltin(BUILTIN_CALLS[name], oparg, start, opUnit, cacheAt)) return;
        break;
      case "CALL_PY_EXACT_ARGS":
      case "CALL_PY_WITH_DEFAULTS":
        if (nextRec !== null && nextRec.depth > rec.depth) {
          return this.follow(oparg, opUnit, nextRec.code, start);
        }
        break;
      case "BINARY_OP_PY_DUNDER":
        if (nextRec !== null && nextRec.depth > rec.depth) {
          return this.followDunder(opUnit, nextRec.code, start, cacheAt);
        }
        break;
      case "CALL_ALLOC_AND_ENTER_INIT":
        if (nextRec !== null && nextRec.depth > rec.depth) {
          return this.followInit(oparg, opUnit, nextRec.code, start, cacheAt);
        }
        break;
      case "LOAD_ATTR_PROPERTY":
        // (Read as a method, the getter is called inside the instruction: not followed.)
        if (nextRec !== null && nextRec.depth > rec.depth && (oparg & 1) === 0) {
          return this.followProperty(opUnit, nextRec.code, start, cacheAt);
        }
        break;
      case "JUMP_BACKWARD":
      case "JUMP_BACKWARD_NO_INTERRUPT":
        // A loop's closing back-edge is handled by the caller (an inlined inner loop's too); a path
        // that goes through another loop's iterations (an inner `while` loop's, a function's loop
        // on the way to its return, a generator's on the way to its next yield) checks interrupts
        // at its back-edges as the jump does. (A generator's back-edge may go to its trace's head,
        // its start: it checks there too.)
        if (
          name === "JUMP_BACKWARD" && (this.trace.kind === "generator" || after - oparg !== this.loop.head)
        ) {
          this.checkInterrupts(opUnit);
        }
        return;
    }
    // Conditional jumps: the trace follows the side the recording took and guards it.
    if (generic.startsWith("POP_JUMP_IF_")) {
      const target = after + oparg;
      const taken = next === target;
      const v = this.peek();
      let truth: string;
      if (generic === "POP_JUMP_IF_NONE" || generic === "POP_JUMP_IF_NOT_NONE") {
        truth = v.k === KIND_BOX ? `(${v.e} === None)` : "false";
        if (generic === "POP_JUMP_IF_NOT_NONE") truth = `!${truth}`;
      } else {
        if (v.k === KIND_BOOL) truth = v.e;
        else if (v.k === KIND_INT || v.k === KIND_FLOAT) truth = `(${v.e} !== 0)`;
        else {
          this.mayRaise(opUnit);
          truth = this.result(
            `${v.e} === true || (${v.e} !== false && ${v.e} !== None && isTrue(${v.e}))`,
            KIND_BOOL,
          ).e;
          this.codeMayRun();
        }
        if (generic === "POP_JUMP_IF_FALSE") truth = `!${truth}`;
      }
      // `truth` now says whether the jump is taken. The other way is an exit, or, once that exit
      // got hot, a side path recorded from there back to the head (a trace tree).
      const leave = taken ? `!(${truth})` : truth;
      // The key names the branch (in a followed call, after the call sites that lead to it) and
      // the way the side path goes (the other way from this path's).
      const key = `${this.pathKey}>${this.callSites()}${start}${taken ? "f" : "j"}`;
      // (Only where the state side paths end in is known: not in the first pass over a peeled
      // iteration, which finds it. The trace's own preamble grows them in its first pass too: it
      // has no second pass until it has side paths. An inlined inner loop takes the side paths of
      // its own trace, and grows them there, back to its head, with keys of that trace's: one
      // inlined directly, not one inlined in another inlined loop.)
      const sidesHere = this.loop.top !== null || (this.trace.kind !== "loop" && this.inlining.length === 0);
      const side = sidesHere ? this.loop.sides.get(key) : undefined;
      const growable = this.inlining.length === 0
        ? sidesHere || this.trace.kind === "loop"
        : this.inlining.length === 1 && sidesHere;
      if (side === undefined) {
        this.guard(leave, start, growable ? key : null);
        // (An inner `while` loop's test in the loop's own frame: its count varies from entry to
        // entry. Any other branch in the first iteration says the recorded path is not the usual
        // one: those exits count as entry failures, and the loop is recorded again.)
        if (this.st.callers.length === 0 && withinInnerLoop(this.trace.code, this.trace.head, start)) {
          this.branchExits.add(this.exitAt.length - 1);
        }
      } else this.lowerSide(leave, key, side);
      this.pop();
      return;
    }
    // A generator's path may go through a loop's end (an inner loop ended before the next yield): the
    // iterator is exhausted there, and guarded to be.
    const exhausted = generic === "FOR_ITER" && next === after + oparg;
    switch (name) {
      case "FOR_ITER_RANGE": {
        const it = this.peek();
        this.guardClass(it, "rangeIteratorType", start);
        if (exhausted) return this.guard(`${it.e}.left > 0`, start);
        this.loopEnd(`${it.e}.left <= 0`, start);
        const v = this.result(`${it.e}.cur`, KIND_INT);
        this.emit(`${it.e}.left--; ${it.e}.cur = ${v.e} + ${it.e}.step;`);
        return this.push(v);
      }
      case "FOR_ITER_LIST":
      case "FOR_ITER_TUPLE": {
        const it = this.peek();
        this.guardClass(it, name === "FOR_ITER_LIST" ? "listIteratorType" : "tupleIteratorType", start);
        if (exhausted) {
          // (As the interpreter leaves it: exhausted for good, whatever the sequence does next.)
          this.guard(`${it.e}.index < ${it.e}.seq.items.length`, start);
          return this.emit(`${it.e}.index = Infinity;`);
        }
        this.loopEnd(`${it.e}.index >= ${it.e}.seq.items.length`, start);
        return this.push(this.result(`${it.e}.seq.items[${it.e}.index++]`, KIND_BOX));
      }
      case "BINARY_OP_ADD_INT":
      case "BINARY_OP_SUBTRACT_INT":
      case "BINARY_OP_MULTIPLY_INT": {
        const r = this.asInt(this.peek(), start);
        const l = this.asInt(this.peek(2), start);
        const op = name === "BINARY_OP_ADD_INT" ? "+" : name === "BINARY_OP_SUBTRACT_INT" ? "-" : "*";
        const t = this.result(`${l.e} ${op} ${r.e}`, KIND_INT);
        this.guard(`${t.e} > 9007199254740991 || ${t.e} < -9007199254740991`, start);
        if (op === "*") this.emit(`if (${t.e} === 0) ${t.e} = 0;`);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "BINARY_OP_INT": {
        const r = this.asInt(this.peek(), start);
        const l = this.asInt(this.peek(2), start);
        const o = oparg >= 13 ? oparg - 13 : oparg;
        if (!SMALL_INT_OPERATORS.has(o)) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, `BINARY_OP_INT ${o}`);
        }
        const expr = `${SMALL_INT_OP_NAMES[o]}(${l.e}, ${r.e})`;
        const t = this.result(expr, KIND_INT);
        this.guard(`!(${t.e} <= 9007199254740991 && ${t.e} >= -9007199254740991)`, start);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "BINARY_OP_ADD_FLOAT":
      case "BINARY_OP_SUBTRACT_FLOAT":
      case "BINARY_OP_MULTIPLY_FLOAT":
      case "BINARY_OP_TRUE_DIVIDE_FLOAT": {
        const r = this.asFloat(this.peek(), start);
        const l = this.asFloat(this.peek(2), start);
        const op = { BINARY_OP_ADD_FLOAT: "+", BINARY_OP_SUBTRACT_FLOAT: "-", BINARY_OP_MULTIPLY_FLOAT: "*" }[
          name as "BINARY_OP_ADD_FLOAT"
        ] ?? "/";
        if (op === "/") this.guard(`${r.e} === 0`, start);
        const t = this.result(`${l.e} ${op} ${r.e}`, KIND_FLOAT);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "BINARY_OP_FLOAT_MIXED": {
        const rv = this.peek();
        const lv = this.peek(2);
        const o = oparg >= 13 ? oparg - 13 : oparg;
        if (o !== 0 && o !== 10 && o !== 5 && o !== 11) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, `BINARY_OP_FLOAT_MIXED ${o}`);
        }
        if (o !== 11 && lv.k === KIND_INT && rv.k === KIND_INT) {
          throw new TraceAbort(ABORT.UNSTABLE_TYPES, "two ints in a float operation");
        }
        const r = this.asNumber(rv, start);
        const l = this.asNumber(lv, start);
        if (o !== 11 && lv.k !== KIND_FLOAT && rv.k !== KIND_FLOAT) {
          // Both came boxed: at least one must have been a float.
          this.guard(`typeof ${lv.e} === "number" && typeof ${rv.e} === "number"`, start);
        }
        if (o === 11) this.guard(`${r.e} === 0`, start);
        const op = o === 0 ? "+" : o === 10 ? "-" : o === 5 ? "*" : "/";
        const t = this.result(`${l.e} ${op} ${r.e}`, KIND_FLOAT);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "CONTAINS_OP_STR": {
        const container = this.peek();
        const item = this.peek(2);
        if (container.k !== KIND_BOX || item.k !== KIND_BOX) {
          throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a number in a substring test");
        }
        this.guard(`typeof ${container.e} !== "string" || typeof ${item.e} !== "string"`, start);
        const t = this.result(`${container.e}.includes(${item.e}) !== ${oparg === 1}`, KIND_BOOL);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "BINARY_OP_ADD_UNICODE":
      case "BINARY_OP_INPLACE_ADD_UNICODE": {
        const r = this.peek();
        const l = this.peek(2);
        if (r.k !== KIND_BOX || l.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "str + number");
        this.guard(`typeof ${l.e} !== "string" || typeof ${r.e} !== "string"`, start);
        const t = this.result(`${l.e} + ${r.e}`, KIND_BOX);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "COMPARE_OP_INT":
      case "COMPARE_OP_FLOAT": {
        const r = name === "COMPARE_OP_INT"
          ? this.asInt(this.peek(), start)
          : this.asFloat(this.peek(), start);
        const l = name === "COMPARE_OP_INT"
          ? this.asInt(this.peek(2), start)
          : this.asFloat(this.peek(2), start);
        const t = this.result(`${l.e} ${COMPARE_JS[oparg]} ${r.e}`, KIND_BOOL);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "COMPARE_OP_STR": {
        const r = this.peek();
        const l = this.peek(2);
        if (r.k !== KIND_BOX || l.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "str compare");
        this.guard(`typeof ${l.e} !== "string" || typeof ${r.e} !== "string"`, start);
        const t = this.result(`compareStrings(${l.e}, ${r.e}, ${oparg})`, KIND_BOOL);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "BINARY_SUBSCR_LIST_INT":
      case "BINARY_SUBSCR_TUPLE_INT": {
        const key = this.asInt(this.peek(), start);
        const c = this.peek(2);
        this.guardClass(c, name === "BINARY_SUBSCR_LIST_INT" ? "listType" : "tupleType", start);
        const i = this.result(`${key.e} < 0 ? ${key.e} + ${c.e}.items.length : ${key.e}`, KIND_INT);
        this.guard(`!(${i.e} >= 0 && ${i.e} < ${c.e}.items.length)`, start);
        const t = this.result(`${c.e}.items[${i.e}]`, KIND_BOX);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "STORE_SUBSCR_LIST_INT": {
        const key = this.asInt(this.peek(), start);
        const c = this.peek(2);
        const v = this.peek(3);
        this.guardClass(c, "listType", start);
        const i = this.result(`${key.e} < 0 ? ${key.e} + ${c.e}.items.length : ${key.e}`, KIND_INT);
        this.guard(`!(${i.e} >= 0 && ${i.e} < ${c.e}.items.length)`, start);
        this.emit(`${c.e}.items[${i.e}] = ${this.box(v)};`);
        this.pop();
        this.pop();
        this.pop();
        return;
      }
      case "LOAD_NAME":
      case "STORE_NAME": {
        // A module's (or exec's) loop: its variables live in the frame's locals mapping, read and
        // written there at each use as the interpreter does. Only in the trace's own frame: a
        // followed call (a function) has no locals mapping.
        if (this.st.func !== null) throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, `${name} in a call`);
        const key = JSON.stringify(this.st.code.names[oparg]);
        if (name === "LOAD_NAME") return this.generic(0, () => `loadName(f, ${key})`, opUnit);
        return this.generic(1, (a) => `storeName(f, ${key}, ${a[0]})`, opUnit, false);
      }
      case "LOAD_GLOBAL_MODULE":
      case "LOAD_GLOBAL_BUILTIN": {
        // (lowerPath made sure these cells are still this variant's: a site that specialized again,
        // to the other one, keeps cells of both kinds, a builtin's count beside a global's index.)
        const cells = CACHE_CELL.LOAD_GLOBAL;
        const keys = this.constRef(this.st.code.cacheRef[cacheAt(cells.keys)]);
        const index = this.st.code.cacheIndex[cacheAt(cells.index)];
        let v: Val;
        // A followed call's globals are its function's.
        const g = this.st.func === null ? "f.globals" : `${this.st.func}.globals`;
        const b = this.st.func === null ? "f.builtins" : `${this.st.func}.builtins`;
        if (name === "LOAD_GLOBAL_MODULE") {
          this.guard(`${g}.keys !== ${keys}`, start);
          v = this.result(`${g}.values[${index}]`, KIND_BOX);
        } else {
          // Globals added since (a script's later top-level names) do not end the trace: they are
          // looked at once, for the name (the count of keys seen is the trace's, and grows).
          const seen = this.constRef([this.st.code.cacheIndex[cacheAt(cells.keys)]]);
          const builtinKeys = this.constRef(this.st.code.cacheRef[cacheAt(cells.builtinKeys)]);
          const nameLit = JSON.stringify(this.st.code.names[oparg >> 1]);
          this.guard(
            `${g}.keys !== ${keys} || ${g}.keys.length !== ${seen}[0] && ` +
              `!builtinUnshadowed(${g}.keys, ${seen}, ${nameLit}) || ${b}.keys !== ${builtinKeys}`,
            start,
          );
          v = this.result(`${b}.values[${index}]`, KIND_BOX);
        }
        this.guard(`${v.e} === DELETED`, start);
        this.push(v);
        if (oparg & 1) this.push({ e: "null", k: KIND_BOX });
        return;
      }
      case "LOAD_ATTR_INSTANCE_VALUE":
      case "LOAD_ATTR_METHOD_WITH_VALUES": {
        const cells = CACHE_CELL.LOAD_ATTR;
        const owner = this.peek();
        if (owner.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "attribute of a number");
        this.guardCachedClass(owner, cells, cacheAt, start);
        const shape = this.st.code.cacheRef[cacheAt(cells.index)];
        this.guardShape(owner, shape, start);
        this.pop();
        if (name === "LOAD_ATTR_INSTANCE_VALUE") {
          const index = this.st.code.cacheIndex[cacheAt(cells.index)];
          this.push(this.result(`${owner.e}.values[${index}]`, KIND_BOX));
          if (oparg & 1) this.push({ e: "null", k: KIND_BOX });
        } else {
          this.push(this.methodOf(owner, cells, cacheAt));
          this.push(owner);
        }
        return;
      }
      case "LOAD_ATTR_METHOD_NO_DICT":
      case "LOAD_ATTR_METHOD_LAZY_DICT": {
        // A method found on the type, the owner having no attribute of that name of its own.
        const cells = CACHE_CELL.LOAD_ATTR;
        const owner = this.peek();
        if (owner.k === KIND_FLOAT) {
          throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a method of an unboxed float");
        }
        this.guardCachedClass(owner, cells, cacheAt, start);
        if (name === "LOAD_ATTR_METHOD_NO_DICT") {
          this.guard(`typeof ${owner.e} === "object" && hasOwnAttrs(${owner.e})`, start);
        } else {
          const attr = JSON.stringify(this.st.code.names[oparg >> 1]);
          this.guard(`${owner.e}.dict === null || ${owner.e}.dict.getStr(${attr}) !== undefined`, start);
        }
        this.pop();
        this.push(this.methodOf(owner, cells, cacheAt));
        this.push(owner);
        return;
      }
      case "LOAD_ATTR_GETSET": {
        // A builtin type's computed attribute: the class guarded, its getter called.
        const cells = CACHE_CELL.LOAD_ATTR;
        const owner = this.peek();
        if (owner.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "attribute of a number");
        this.guardVersion(owner, this.st.code.cacheIndex[cacheAt(cells.version)], start);
        const descr = this.constRef(this.st.code.cacheRef[cacheAt(cells.descr)]);
        this.mayRaise(opUnit);
        const v = this.result(`${descr}.getter(${owner.e})`, KIND_BOX);
        this.codeMayRun();
        this.pop();
        this.push(v);
        if (oparg & 1) this.push({ e: "null", k: KIND_BOX });
        return;
      }
      case "LOAD_ATTR_SLOT": {
        const cells = CACHE_CELL.LOAD_ATTR;
        const owner = this.peek();
        if (owner.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "attribute of a number");
        this.guardVersion(owner, this.st.code.cacheIndex[cacheAt(cells.version)], start);
        const v = this.result(`${owner.e}.slots[${this.st.code.cacheIndex[cacheAt(cells.index)]}]`, KIND_BOX);
        this.guard(`${v.e} === undefined`, start);
        this.pop();
        this.push(v);
        if (oparg & 1) this.push({ e: "null", k: KIND_BOX });
        return;
      }
      case "STORE_ATTR_SLOT": {
        const cells = CACHE_CELL.STORE_ATTR;
        const owner = this.peek();
        const value = this.peek(2);
        if (owner.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "attribute of a number");
        this.guardVersion(owner, this.st.code.cacheIndex[cacheAt(cells.version)], start);
        this.emit(`${owner.e}.slots[${this.st.code.cacheIndex[cacheAt(cells.index)]}] = ${this.box(value)};`);
        this.pop();
        this.pop();
        return;
      }
      case "STORE_ATTR_INSTANCE_VALUE": {
        const cells = CACHE_CELL.STORE_ATTR;
        const owner = this.peek();
        const value = this.peek(2);
        if (owner.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "attribute of a number");
        this.guardCachedClass(owner, cells, cacheAt, start);
        const shape = this.st.code.cacheRef[cacheAt(cells.index)];
        this.guardShape(owner, shape, start);
        const index = this.st.code.cacheIndex[cacheAt(cells.index)];
        // An attribute the shape has (overwritten), or the one it gains next (appended: the
        // instance takes the next shape, in the descr cell), as _STORE_ATTR_INSTANCE_VALUE does.
        const v = this.box(value);
        const next = this.constRef(this.st.code.cacheRef[cacheAt(cells.descr)]);
        this.emit(
          `if (${owner.e}.values !== null && ${index} < ${owner.e}.values.length) ${owner.e}.values[${index}] = ${v};` +
            ` else { if (${owner.e}.values === null) ${owner.e}.values = [${v}]; else ${owner.e}.values.push(${v});` +
            ` ${owner.e}.shape = ${next}; }`,
        );
        // (Which shape the instance has now is known only at run time: the next use guards it.)
        for (const fact of [...this.st.facts]) {
          if (fact.startsWith("shape:") && fact.endsWith(`:${owner.e}`)) this.st.facts.delete(fact);
        }
        this.pop();
        this.pop();
        return;
      }
      case "UNPACK_SEQUENCE_TWO_TUPLE":
      case "UNPACK_SEQUENCE_TUPLE":
      case "UNPACK_SEQUENCE_LIST": {
        const v = this.peek();
        const pair = this.pairs.get(v.e);
        if (pair !== undefined) return this.unpackPair(v.e, pair);
        this.guardClass(v, name === "UNPACK_SEQUENCE_LIST" ? "listType" : "tupleType", start);
        this.guard(`${v.e}.items.length !== ${oparg}`, start);
        this.pop();
        for (let i = oparg - 1; i >= 0; i--) this.push(this.result(`${v.e}.items[${i}]`, KIND_BOX));
        return;
      }
      case "BUILD_TUPLE":
      case "BUILD_LIST": {
        const items = this.st.stack.slice(this.st.stack.length - oparg).map((v) => this.box(v));
        for (let i = 0; i < oparg; i++) this.pop();
        const expr = name === "BUILD_TUPLE"
          ? (oparg === 0 ? "EMPTY_TUPLE" : `new PyTuple([${items.join(", ")}])`)
          : `new PyList([${items.join(", ")}])`;
        return this.push(this.result(expr, KIND_BOX));
      }
      case "LIST_APPEND": {
        const v = this.pop();
        const list = this.peek(oparg);
        this.emit(`${list.e}.items.push(${this.box(v)});`);
        return;
      }
      case "BUILD_SET":
        return this.generic(oparg, (a) => `buildSet([${a.join(", ")}], 0, ${oparg})`, opUnit);
      case "BUILD_MAP":
        return this.generic(2 * oparg, (a) => `buildMap([${a.join(", ")}], 0, ${2 * oparg})`, opUnit);
      case "BUILD_CONST_KEY_MAP":
        return this.generic(
          oparg + 1,
          (a) => `buildConstKeyMap(${a[oparg]}, [${a.slice(0, oparg).join(", ")}], 0)`,
          opUnit,
        );
      case "BUILD_STRING":
        return this.generic(oparg, (a) => `buildString([${a.join(", ")}], 0, ${oparg})`, opUnit);
      case "BUILD_SLICE":
        return this.generic(oparg, (a) => `buildSlice(${a.join(", ")})`, opUnit);
      case "SET_ADD":
      case "MAP_ADD":
      case "LIST_EXTEND":
      case "SET_UPDATE":
      case "DICT_UPDATE":
      case "DICT_MERGE": {
        // The value (MAP_ADD: key and value) onto the collection `oparg` below it (DICT_MERGE
        // names the called function, three below that, in its errors).
        const pops = name === "MAP_ADD" ? 2 : 1;
        const target = this.peek(oparg + pops).e;
        const a = this.st.stack.slice(this.st.stack.length - pops).map((v) => this.box(v));
        let stmt: string;
        switch (name) {
          case "SET_ADD":
            stmt = `${target}.add(${a[0]})`;
            break;
          case "MAP_ADD":
            stmt = `${target}.set(${a[0]}, ${a[1]})`;
            break;
          case "LIST_EXTEND":
            stmt = `listExtend(${target}, ${a[0]})`;
            break;
          case "SET_UPDATE":
            stmt = `setUpdate(${target}, ${a[0]})`;
            break;
          case "DICT_UPDATE":
            stmt = `dictUpdate(${target}, ${a[0]}, null)`;
            break;
          default: // DICT_MERGE
            stmt = `dictUpdate(${target}, ${a[0]}, ${this.peek(oparg + 4).e})`;
        }
        this.mayRaise(opUnit);
        this.emit(`${stmt};`);
        for (let i = 0; i < pops; i++) this.pop();
        this.codeMayRun();
        return;
      }
      case "STORE_DEREF": {
        if (this.st.callers.length > 0) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, "STORE_DEREF in a call");
        }
        this.emit(`s[${oparg}].value = ${this.box(this.pop())};`);
        return;
      }
      case "LOAD_CLOSURE": {
        if (this.st.callers.length > 0) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, "LOAD_CLOSURE in a call");
        }
        return this.push(this.result(`s[${oparg}]`, KIND_BOX));
      }
      case "MAKE_FUNCTION": {
        // A followed call's globals are its function's.
        const fn = this.st.func === null ? "f" : this.st.func;
        const code = this.pop();
        return this.push(this.result(`new PyFunction(${code.e}, ${fn}.globals, ${fn}.builtins)`, KIND_BOX));
      }
      case "SET_FUNCTION_ATTRIBUTE": {
        const fn = this.pop();
        const attr = this.pop();
        this.emit(`setFunctionAttribute(${fn.e}, ${oparg}, ${this.box(attr)});`);
        return this.push(fn);
      }
      case "STORE_GLOBAL": {
        // A followed call's globals are its function's.
        const g = this.st.func === null ? "f.globals" : `${this.st.func}.globals`;
        const attr = JSON.stringify(this.st.code.names[oparg]);
        this.emit(`${g}.setStr(${attr}, ${this.box(this.pop())});`);
        return;
      }
      case "UNARY_INVERT":
        return this.generic(1, (a) => `unaryInvert(${a[0]})`, opUnit);
      case "DELETE_SUBSCR":
        return this.generic(2, (a) => `delItem(${a[0]}, ${a[1]})`, opUnit, false);
      case "STORE_SLICE":
        return this.generic(
          4,
          (a) => `setItem(${a[1]}, buildSlice(${a[2]}, ${a[3]}), ${a[0]})`,
          opUnit,
          false,
        );
      case "FORMAT_SIMPLE":
        return this.generic(1, (a) => `formatObject(${a[0]}, "")`, opUnit);
      case "FORMAT_WITH_SPEC":
        return this.generic(2, (a) => `formatObject(${a[0]}, ${a[1]})`, opUnit);
      case "CONVERT_VALUE":
        return this.generic(
          1,
          (a) => oparg === 1 ? `str(${a[0]})` : oparg === 2 ? `repr(${a[0]})` : `asciiRepr(repr(${a[0]}))`,
          opUnit,
        );
      case "CALL_INTRINSIC_1":
        // The intrinsics that do not read the frame (`+x`, a list of arguments made a tuple).
        if (oparg !== INTRINSIC_UNARY_POSITIVE && oparg !== INTRINSIC_LIST_TO_TUPLE) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, `CALL_INTRINSIC_1 ${oparg}`);
        }
        return this.generic(1, (a) => `intrinsic1(f, ${oparg}, ${a[0]})`, opUnit);
      case "IS_OP": {
        const r = this.peek();
        const l = this.peek(2);
        if (r.k === KIND_FLOAT || l.k === KIND_FLOAT) {
          throw new TraceAbort(ABORT.UNSTABLE_TYPES, "`is` on floats");
        }
        const t = this.result(`(${l.e} === ${r.e}) !== ${oparg === 1}`, KIND_BOOL);
        this.pop();
        this.pop();
        return this.push(t);
      }
      case "UNARY_NOT": {
        const v = this.peek();
        let t: Val;
        if (v.k === KIND_BOOL) t = this.result(`!${v.e}`, KIND_BOOL);
        else if (v.k !== KIND_BOX) t = this.result(`${v.e} === 0`, KIND_BOOL);
        else {
          this.mayRaise(opUnit);
          t = this.result(`typeof ${v.e} === "boolean" ? !${v.e} : !isTrue(${v.e})`, KIND_BOOL);
          this.codeMayRun();
        }
        this.pop();
        return this.push(t);
      }
      case "UNARY_NEGATIVE": {
        const v = this.peek();
        let t: Val;
        if (v.k === KIND_INT) t = this.result(`${v.e} === 0 ? 0 : -${v.e}`, KIND_INT);
        else if (v.k === KIND_FLOAT) t = this.result(`-${v.e}`, KIND_FLOAT);
        else {
          this.mayRaise(opUnit);
          t = this.result(
            `typeof ${v.e} === "number" ? (${v.e} === 0 ? 0 : -${v.e}) : unaryNegative(${v.e})`,
            KIND_BOX,
          );
          this.codeMayRun();
        }
        this.pop();
        return this.push(t);
      }
    }
    // The generic forms (and the variants whose work is the generic protocol's): a runtime call.
    switch (generic) {
      case "BINARY_OP":
        if (
          (oparg === NB_POWER || oparg === NB_POWER + NB_INPLACE) && rec.stackKinds[1] === KIND_FLOAT &&
          (rec.stackKinds[0] === KIND_FLOAT || rec.stackKinds[0] === KIND_INT)
        ) {
          return this.floatPower(start, rec.stackKinds[0]);
        }
        return this.generic(2, (a) => `binaryOp(${a[0]}, ${a[1]}, ${oparg})`, opUnit);
      case "COMPARE_OP":
        return this.generic(2, (a) => `compareValues(${a[0]}, ${a[1]}, ${oparg})`, opUnit);
      case "BINARY_SUBSCR":
        return this.generic(2, (a) => `getItem(${a[0]}, ${a[1]})`, opUnit);
      case "STORE_SUBSCR":
        return this.generic(3, (a) => `setItem(${a[1]}, ${a[2]}, ${a[0]})`, opUnit, false);
      case "CONTAINS_OP":
        return this.generic(
          2,
          (a) => `contains(${a[1]}, ${a[0]}) !== ${oparg === 1}`,
          opUnit,
          true,
          KIND_BOOL,
        );
      case "LOAD_ATTR": {
        const attr = JSON.stringify(this.st.code.names[oparg >> 1]);
        this.generic(1, (a) => `getAttr(${a[0]}, ${attr})`, opUnit);
        if (oparg & 1) this.push({ e: "null", k: KIND_BOX });
        return;
      }
      case "STORE_ATTR": {
        const attr = JSON.stringify(this.st.code.names[oparg]);
        return this.generic(2, (a) => `setAttr(${a[1]}, ${attr}, ${a[0]})`, opUnit, false);
      }
      case "BINARY_SLICE":
        return this.generic(3, (a) => `binarySlice(${a[0]}, ${a[1]}, ${a[2]})`, opUnit);
      case "UNPACK_SEQUENCE": {
        const v = this.peek();
        const pair = this.pairs.get(v.e);
        if (pair !== undefined) return this.unpackPair(v.e, pair);
        if (v.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a number unpacked");
        this.mayRaise(opUnit);
        const items = this.result(`unpackedItems(${v.e}, ${oparg})`, KIND_BOX);
        this.codeMayRun();
        this.pop();
        for (let i = oparg - 1; i >= 0; i--) this.push(this.result(`${items.e}[${i}]`, KIND_BOX));
        return;
      }
      case "CALL_KW":
        // Its keyword names: a tuple on top of the arguments.
        return this.callAsWhole(
          oparg + 3,
          opUnit,
          (a) => `${a[0]}, ${a[1]}, [${a.slice(2, oparg + 2).join(", ")}], ${a[oparg + 2]}`,
        );
      case "CALL_FUNCTION_EX":
        if (this.st.callers.length > 0) {
          throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, "CALL_FUNCTION_EX in a call");
        }
        this.localsToLoopFrame();
        this.emit(`f.ip = ${opUnit + 1};`);
        return this.generic(
          3 + (oparg & 1),
          (a) => `traceCallEx(${a[0]}, ${a[2]}, ${oparg & 1 ? a[3] : "null"})`,
          opUnit,
        );
      case "FOR_ITER": {
        // Any other iterator (a generator, whose frame runs as a whole; enumerate, zip, a dict
        // view's, a class with `__next__`): its next value through its type's slot, as FOR_ITER's
        // generic case. Asked once: when it is exhausted the interpreter goes on after the loop.
        const it = this.peek();
        if (it.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a number as an iterator");
        // An iterator of new 2-tuples unpacked at once (`for i, x in enumerate(xs)`): its pair step,
        // and no tuple (UNPACK_SEQUENCE_TWO_TUPLE below then takes the pair).
        const pairs = rec.pairs === true && nextRec !== null && nextRec.oparg === 2 &&
          OPCODES[OPCODES[nextRec.opcode].generic].name === "UNPACK_SEQUENCE";
        if (pairs && !this.st.facts.has(`pairs:${it.e}`)) {
          this.guard(
            `!(${it.e} instanceof PyNativeIterator) || ${it.e}.pair === null`,
            start,
          );
          this.st.facts.add(`pairs:${it.e}`);
        }
        if (this.st.callers.length === 0) {
          // What the next step may read of the loop's frame: its line and locals, as a call's.
          this.localsToLoopFrame();
          this.emit(`f.ip = ${opUnit + 1};`);
        }
        this.mayRaise(opUnit);
        const v = this.result(pairs ? `${it.e}.pair()` : `iterNext(${it.e})`, KIND_BOX);
        this.codeMayRun();
        if (exhausted) {
          // An item after all: the interpreter goes on with it, after the FOR_ITER.
          this.push(v);
          this.guard(`${v.e} !== undefined`, after);
          this.pop();
          return;
        }
        this.loopEnd(`${v.e} === undefined`, start, after + oparg);
        if (!pairs) return this.push(v);
        const pair = this.temp();
        this.pairs.set(pair, [v, this.result("pairSecond.v", KIND_BOX)]);
        return this.push({ e: pair, k: KIND_BOX });
      }
      case "GET_ITER": {
        const v = this.peek();
        if (this.st.facts.has(`range:${v.e}`)) {
          // A range the trace just made from two ints (below): its iterator, without iter()'s lookups.
          const t = this.result(
            `new PyRangeIterator(${v.e}.start, 1, Math.max(0, ${v.e}.stop - ${v.e}.start))`,
            KIND_BOX,
          );
          this.pop();
          return this.push(t);
        }
        return this.generic(1, (a) => `getIter(${a[0]})`, opUnit);
      }
      case "CALL": {
        if (
          name === "CALL_BUILTIN_CLASS" &&
          this.st.code.cacheRef[cacheAt(CACHE_CELL.CALL.func)] === rangeType &&
          (oparg === 1 || oparg === 2)
        ) {
          return this.callRange(oparg, start);
        }
        // (One or two arguments without a `self`: passed as they are, see traceCall1.)
        const plain = (oparg === 1 || oparg === 2) && this.peek(oparg + 1).e === "null" &&
          this.st.callers.length === 0;
        return this.callAsWhole(
          oparg + 2,
          opUnit,
          (a) => plain ? `${a[0]}, ${a.slice(2).join(", ")}` : `${a[0]}, ${a[1]}, [${a.slice(2).join(", ")}]`,
          plain ? `traceCall${oparg}` : "traceCall",
        );
      }
    }
    throw new TraceAbort(ABORT.UNSUPPORTED_INSTRUCTION, name);
  }

  /**
   * A call the trace makes through the call protocol (CALL's generic forms, CALL_KW): `pops` values
   * off the stack, `callArgs` of them traceCall's arguments. What the callee may read of its callers
   * is written first: the loop frame's line and locals, and inside a followed call, the followed
   * calls' frames, made for the call (callInFrames).
   */
  private callAsWhole(
    pops: number,
    opUnit: number,
    callArgs: (a: string[]) => string,
    caller = "traceCall",
  ): void {
    this.localsToLoopFrame();
    if (this.st.callers.length === 0) {
      this.emit(`f.ip = ${opUnit + 1};`);
      return this.generic(pops, (a) => `${caller}(${callArgs(a)})`, opUnit);
    }
    const [frames, ips] = this.framesForCall(opUnit);
    return this.generic(pops, (a) => `callInFrames(f, ${frames}, ${ips}, ${callArgs(a)})`, opUnit);
  }

  /** UNPACK_SEQUENCE of a pair FOR_ITER left unmade: its items, the first on top. */
  private unpackPair(name: string, pair: readonly [Val, Val]): void {
    this.pairs.delete(name);
    this.pop();
    this.push(pair[1]);
    this.push(pair[0]);
  }

  /** Constant `i` of the current frame's code: ints, bools and finite floats as literals. */
  private constVal(i: number): Val {
    const c = this.st.code.consts[i];
    if (typeof c === "number") return { e: Object.is(c, -0) ? "-0" : `${c}`, k: KIND_INT };
    if (typeof c === "boolean") return { e: `${c}`, k: KIND_BOOL };
    if (c instanceof PyFloat && c.cls === floatType && Number.isFinite(c.value) && !Object.is(c.value, -0)) {
      return { e: `${c.value}`, k: KIND_FLOAT };
    }
    return { e: this.constRef(c), k: KIND_BOX };
  }

  /**
   * Follows a call (CALL_PY_EXACT_ARGS, or CALL_PY_WITH_DEFAULTS, whose callee's instructions the
   * recording went on with): the callee's frame becomes virtual, its arguments JS locals; nothing is
   * allocated unless an exit inside it needs the frame. Missing arguments are the function's
   * defaults, read from it (functions made by one `def` share code but not defaults).
   */
  private follow(oparg: number, opUnit: number, callee: PyCode, start: number): void {
    const n = this.st.stack.length;
    const callable = this.st.stack[n - oparg - 2];
    const self = this.st.stack[n - oparg - 1];
    const args = this.st.stack.slice(n - oparg);
    if (self.e !== "null") args.unshift(self);
    const missing = callee.simpleArgcount - args.length;
    if (callable.k !== KIND_BOX || missing < 0) {
      throw new TraceAbort(
        ABORT.UNSTABLE_TYPES,
        `a followed call's arguments (${args.length} for ${callee.name}'s ${callee.simpleArgcount})`,
      );
    }
    if (this.polymorphicMethods.has(callable)) {
      // One of two methods by the receiver's class: the next recording calls it as a whole.
      markPolymorphicCall(this.st.code, opUnit);
      throw new TraceAbort(ABORT.POLYMORPHIC_CALL, `${callee.name} at ${opUnit} of ${this.st.code.name}`);
    }
    this.guard(
      `typeof ${callable.e} !== "object" || ${callable.e}.cls !== functionType || ${callable.e}.code !== ${
        this.constRef(callee)
      }`,
      start,
    );
    // The callee's function object stays in a JS local of its own (exits make its frame from it).
    const func = this.enterFollowed(oparg, opUnit, callee, callable.e, args, null);
    if (missing > 0) {
      // The last `missing` parameters from the defaults' tail.
      this.guard(`${func}.defaults === null || ${func}.defaults.length < ${missing}`, start);
      for (let i = args.length; i < callee.simpleArgcount; i++) {
        const from = `${func}.defaults[${func}.defaults.length - ${callee.simpleArgcount - i}]`;
        this.emit(`${this.varOf(i, KIND_BOX)} = ${from};`);
        this.st.locals[i] = { k: KIND_BOX, inVar: true, dirty: true };
      }
    }
  }

  /**
   * Follows a class call whose instance is made here and whose `__init__` (a Python function) the
   * recording went on with (CALL_ALLOC_AND_ENTER_INIT): the class and its version guarded, the
   * instance made as the interpreter makes it, and `__init__` followed with it as self; the call's
   * value is the instance.
   */
  private followInit(
    oparg: number,
    opUnit: number,
    callee: PyCode,
    start: number,
    cacheAt: (cell: number) => number,
  ): void {
    const n = this.st.stack.length;
    const callable = this.st.stack[n - oparg - 2];
    const self = this.st.stack[n - oparg - 1];
    const code = this.st.code;
    const cls = code.cacheRef[cacheAt(CACHE_CELL.CALL.func)];
    const version = code.cacheIndex[cacheAt(CACHE_CELL.CALL.version)];
    const init = cls instanceof PyType ? cls.lookup("__init__") : undefined;
    if (
      callable.k !== KIND_BOX || self.e !== "null" || !(init instanceof PyFunction) || init.code !== callee ||
      oparg + 1 !== callee.simpleArgcount
    ) {
      throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a followed class call");
    }
    const clsRef = this.constRef(cls);
    this.guard(`${callable.e} !== ${clsRef} || ${clsRef}.version !== ${version}`, start);
    const args = this.st.stack.slice(n - oparg);
    const instance = this.result(`objectNew(${clsRef}, [], null)`, KIND_BOX);
    // (The instance stays in its temporary: the followed frame's exits and its return name it.)
    this.enterFollowed(oparg, opUnit, callee, this.constRef(init), [instance, ...args], instance.e);
  }

  /**
   * Follows an operator into its Python dunder (BINARY_OP_PY_DUNDER, `a + b` with `a.__add__` a
   * plain function), as the interpreter enters it: a's class guarded at the cached version, b's
   * type not a subclass that would go first; the operands stay on the stack until it returns.
   */
  private followDunder(
    opUnit: number,
    callee: PyCode,
    start: number,
    cacheAt: (cell: number) => number,
  ): void {
    const code = this.st.code;
    const cells = CACHE_CELL.BINARY_OP;
    const dunder = code.cacheRef[cacheAt(cells.descr)];
    const a = this.peek(2);
    const b = this.peek();
    if (
      a.k !== KIND_BOX || !(dunder instanceof PyFunction) || dunder.code !== callee ||
      callee.simpleArgcount !== 2
    ) {
      throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a followed operator dunder");
    }
    this.guard(`typeof ${a.e} !== "object"`, start);
    this.guardVersion(a, code.cacheIndex[cacheAt(cells.version)], start);
    if (b.k === KIND_BOX) {
      const tb = this.result(`typeof ${b.e} === "object" ? ${b.e}.cls : typeOf(${b.e})`, KIND_BOX);
      this.guard(`${tb.e} !== ${a.e}.cls && (${tb.e}.flags & TYPE_HEAP) !== 0`, start);
    }
    // (The operands stay on the stack: `oparg` -2 pops nothing.)
    this.enterFollowed(-2, opUnit, callee, this.constRef(dunder), [a, b], null, true);
  }

  /**
   * Follows a property's getter (LOAD_ATTR_PROPERTY, `obj.prop` with a Python getter of `self`),
   * as the interpreter enters it: the owner's class guarded at the cached version (which fixes the
   * property and its getter), the owner the getter's `self`.
   */
  private followProperty(
    opUnit: number,
    callee: PyCode,
    start: number,
    cacheAt: (cell: number) => number,
  ): void {
    const code = this.st.code;
    const cells = CACHE_CELL.LOAD_ATTR;
    const fget = code.cacheRef[cacheAt(cells.descr)];
    const owner = this.peek();
    if (owner.k !== KIND_BOX || !(fget instanceof PyFunction) || fget.code !== callee) {
      throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a followed property getter");
    }
    this.guardVersion(owner, code.cacheIndex[cacheAt(cells.version)], start);
    this.enterFollowed(-1, opUnit, callee, this.constRef(fget), [owner], null, false, Op.LOAD_ATTR_PROPERTY);
  }

  /**
   * Pops a followed call's callable, self slot and arguments (`oparg + 2` values) and enters the
   * callee's virtual frame, its first locals `args`; returns the JS local holding its function.
   * `via`: the instruction that makes the call (the caller resumes after its cache cells).
   */
  private enterFollowed(
    oparg: number,
    opUnit: number,
    callee: PyCode,
    funcExpr: string,
    args: Val[],
    initSelf: string | null,
    binaryOp = false,
    via: number = binaryOp ? Op.BINARY_OP_PY_DUNDER : Op.CALL_PY_EXACT_ARGS,
  ): string {
    const prefix = `a${this.inlined++}_`;
    const func = `${prefix}fn`;
    this.declared.add(func);
    this.emit(`${func} = ${funcExpr};`);
    for (let i = 0; i < oparg + 2; i++) this.pop();
    this.st.callers.push(this.st.frame());
    const locals: Local[] = Array.from({ length: callee.nlocalsplus }, () => ({
      k: KIND_BOX as Kind,
      inVar: false,
      dirty: false,
    }));
    this.st.enter({
      stack: [],
      locals,
      code: callee,
      prefix,
      func,
      afterCall: opUnit + 1 + CACHE_SIZE[via],
      initSelf,
      binaryOp,
    });
    args.forEach((v, i) => {
      this.emit(`${this.varOf(i, v.k)} = ${v.e};`);
      locals[i] = { k: v.k, inVar: true, dirty: true };
    });
    return func;
  }

  /** The owner's attribute layout (shape), guarded once until code may run. */
  private guardShape(owner: Val, shape: unknown, resume: number): void {
    const ref = this.constRef(shape);
    const fact = `shape:${ref}:${owner.e}`;
    if (this.st.facts.has(fact)) return;
    this.guard(`${owner.e}.shape !== ${ref}`, resume);
    this.st.facts.add(fact);
  }

  /** The guard of an attribute site's class (either of two, for a site specialized for two). */
  private guardCachedClass(
    owner: Val,
    cells: { readonly version: number; readonly version2: number },
    cacheAt: (cell: number) => number,
    resume: number,
  ): void {
    const code = this.st.code;
    this.guardVersion(
      owner,
      code.cacheIndex[cacheAt(cells.version)],
      resume,
      code.cacheIndex[cacheAt(cells.version2)],
    );
  }

  /**
   * The method a specialized method load pushes: its cell's, or, at a site specialized for two
   * classes with a method each, the one of the owner's class.
   */
  private methodOf(owner: Val, cells: typeof CACHE_CELL.LOAD_ATTR, cacheAt: (cell: number) => number): Val {
    const code = this.st.code;
    const descr = this.constRef(code.cacheRef[cacheAt(cells.descr)]);
    const version2 = code.cacheIndex[cacheAt(cells.version2)];
    const second = code.cacheRef[cacheAt(cells.version2)];
    if (version2 === 0 || second === code.cacheRef[cacheAt(cells.descr)]) return { e: descr, k: KIND_BOX };
    const method = this.result(
      `${classVersion(owner)} === ${version2} ? ${this.constRef(second)} : ${descr}`,
      KIND_BOX,
    );
    this.polymorphicMethods.add(method);
    return method;
  }

  /** The owner's type version (or either of two), guarded once until code may run. */
  private guardVersion(owner: Val, version: number, resume: number, version2 = 0): void {
    // The fact names the versions: two sites may expect two classes of one value (a polymorphic
    // loop), and one's guard proves nothing for the other.
    const fact = `ver:${version}:${version2}:${owner.e}`;
    if (this.st.facts.has(fact)) return;
    const v = classVersion(owner);
    if (version2 === 0) this.guard(`${v} !== ${version}`, resume);
    else {
      // A site specialized for two classes: either passes, the attribute meaning the same on both.
      const t = this.temp();
      this.emit(`${t} = ${v};`);
      this.guard(`${t} !== ${version} && ${t} !== ${version2}`, resume);
    }
    this.st.facts.add(fact);
  }

  /** A generic instruction: `pops` values (deepest first, boxed) into a runtime call. */
  private generic(
    pops: number,
    expr: (args: string[]) => string,
    opUnit: number,
    pushes = true,
    kind: Kind = KIND_BOX,
  ): void {
    const args = this.st.stack.slice(this.st.stack.length - pops).map((v) => this.box(v));
    this.mayRaise(opUnit);
    let t: Val | null = null;
    if (pushes) t = this.result(expr(args), kind);
    else this.emit(`${expr(args)};`);
    for (let i = 0; i < pops; i++) this.pop();
    this.codeMayRun();
    if (t !== null) this.push(t);
  }

  /**
   * A call bound by the specializer to one builtin (BUILTIN_CALLS): the callable guarded to be
   * that builtin, then its entry point called directly. False (the generic call stays) where the
   * recorded site does not fit the form.
   */
  private callBuiltin(
    form: BuiltinCallForm,
    oparg: number,
    start: number,
    opUnit: number,
    cacheAt: (cell: number) => number,
  ): boolean {
    const n = this.st.stack.length;
    const callable = this.st.stack[n - oparg - 2];
    const self = this.st.stack[n - oparg - 1];
    if (callable.k !== KIND_BOX || (self.e !== "null") !== form.self) return false;
    if (form.argc >= 0 && oparg !== form.argc) return false;
    if (form.readsFrames && this.st.callers.length > 0) return false;
    const argc = oparg + (form.self ? 1 : 0);
    const target = this.st.code.cacheRef[cacheAt(CACHE_CELL.CALL.func)];
    const fn = form.fixed ?? this.constRef(target);
    let expr = form.expr;
    if (expr === undefined) {
      const entry = form.entry === "callN" ? `call${argc}` : form.entry!;
      if (argc > 3 && entry !== "fn") return false;
      if (typeof (target as Record<string, unknown> | null)?.[entry] !== "function") return false;
      expr = entry === "fn"
        ? (a) => `${fn}.fn([${a.join(", ")}], null)`
        : (a) => `${fn}.${entry}(${a.join(", ")})`;
    } else if (form.fixed === undefined && (typeof target !== "object" || target === null)) return false;
    if (callable.e !== fn) this.guard(`${callable.e} !== ${fn}`, start);
    const args = this.st.stack.slice(n - argc).map((v) => this.box(v));
    // The frame's line and locals, for a builtin that reads them (sys._getframe(0), locals()).
    if (form.readsFrames) {
      this.emit(`f.ip = ${opUnit + 1};`);
      this.localsToLoopFrame();
    }
    this.mayRaise(opUnit);
    const t = this.result(expr(args), form.kind ?? KIND_BOX);
    for (let i = 0; i < oparg + 2; i++) this.pop();
    this.codeMayRun();
    this.push(t);
    return true;
  }

  /**
   * A call of one of the math functions the native backend computes with one uop (`nativeUop`:
   * math.sqrt, fabs, floor) on a number: the same computation unboxed, in JavaScript (MATH_CALLS).
   * Arguments outside what it covers (a negative square root, a floor too large for a JS number)
   * leave the trace, and the interpreter makes the call (and raises).
   */
  private mathCall(
    oparg: number,
    start: number,
    rec: RecordedInstruction,
    cacheAt: (cell: number) => number,
  ): boolean {
    const target = this.st.code.cacheRef[cacheAt(CACHE_CELL.CALL.func)];
    const uop = target instanceof PyBuiltinFunction ? target.nativeUop : undefined;
    const call = uop === undefined ? undefined : MATH_CALLS[uop];
    const n = this.st.stack.length;
    const callable = this.st.stack[n - 3];
    const argKind = rec.stackKinds[0];
    if (
      call === undefined || oparg !== 1 || callable.k !== KIND_BOX || this.st.stack[n - 2].e !== "null" ||
      (argKind !== KIND_FLOAT && argKind !== KIND_INT)
    ) return false;
    const fn = this.constRef(target);
    if (callable.e !== fn) this.guard(`${callable.e} !== ${fn}`, start);
    const x = argKind === KIND_FLOAT ? this.asFloat(this.peek(), start) : this.asInt(this.peek(), start);
    let t: Val;
    if (call.ofInt !== undefined && x.k === KIND_INT) t = this.result(call.ofInt(x.e), KIND_INT);
    else {
      if (call.leaveIf !== undefined) this.guard(call.leaveIf(x.e), start);
      t = this.result(call.expr(x.e), call.kind);
    }
    for (let i = 0; i < 3; i++) this.pop();
    this.push(t);
    return true;
  }

  /** `list.append(v)` on a list (CALL_LIST_APPEND): the push itself. */
  private listAppend(oparg: number, start: number, opUnit: number): boolean {
    const n = this.st.stack.length;
    const callable = this.st.stack[n - oparg - 2];
    const self = this.st.stack[n - oparg - 1];
    if (oparg !== 1 || self.e === "null" || self.k !== KIND_BOX || callable.k !== KIND_BOX) return false;
    const append = this.constRef(listType.attrs.get("append"));
    if (callable.e !== append) this.guard(`${callable.e} !== ${append}`, start);
    this.guardClass(self, "listType", start);
    const v = this.box(this.peek());
    this.mayRaise(opUnit);
    this.emit(`${self.e}.items.push(${v});`);
    for (let i = 0; i < oparg + 2; i++) this.pop();
    this.push({ e: "None", k: KIND_BOX });
    return true;
  }

  /**
   * `range(stop)` or `range(start, stop)` on ints (safe integers: the trace's ints): the range made
   * directly, without the call protocol, and known to GET_ITER after it.
   */
  private callRange(oparg: number, start: number): void {
    const n = this.st.stack.length;
    const callable = this.st.stack[n - oparg - 2];
    const self = this.st.stack[n - oparg - 1];
    if (self.e !== "null" || callable.k !== KIND_BOX) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "range()");
    const stop = this.asInt(this.peek(), start);
    const first = oparg === 2 ? this.asInt(this.peek(2), start) : { e: "0", k: KIND_INT as Kind };
    this.guard(`${callable.e} !== rangeType`, start);
    const t = this.result(`new PyRange(${first.e}, ${stop.e}, 1)`, KIND_BOX);
    for (let i = 0; i < oparg + 2; i++) this.pop();
    this.push(t);
    this.st.facts.add(`range:${t.e}`);
  }

  /**
   * `x ** y` on a float base (`d2 ** 0.5`), unboxed: the C library's pow is float_pow where the base is
   * positive and finite and the exponent finite; anything else (a negative base, whose power may
   * be complex; zero, inf, nan; an overflow, which raises) leaves for the generic instruction.
   */
  private floatPower(start: number, exponentKind: Kind): void {
    const y = exponentKind === KIND_FLOAT ? this.asFloat(this.peek(), start) : this.asInt(this.peek(), start);
    const x = this.asFloat(this.peek(2), start);
    this.guard(`!(${x.e} > 0 && ${x.e} < Infinity && ${y.e} - ${y.e} === 0)`, start);
    const t = this.result(`powDouble(${x.e}, ${y.e})`, KIND_FLOAT);
    this.guard(`${t.e} === Infinity`, start);
    this.pop();
    this.pop();
    this.push(t);
  }

  // ---- the path, the back-edge and the function

  /**
   * The return that ends a function trace's path: the state written back with the return value on
   * the stack, and the interpreter resumes at the return instruction, which returns (not an exit).
   */
  private functionReturn(start: number): void {
    this.emit(`${this.loopFrameToFrame(this.st.frame()).join(" ")} W[0] = -1; return ${start};`);
  }

  /**
   * Lowers a side path where `leave` holds: from the state here with the branch's condition popped,
   * the path's instructions after the branch (its first), and back to the loop top.
   */
  private lowerSide(leave: string, key: string, side: readonly RecordedInstruction[]): void {
    const saved = this.st;
    const savedKey = this.pathKey;
    this.st = saved.clone();
    this.st.stack.pop();
    this.pathKey = key;
    this.emit(`if (${leave}) {`);
    this.lowerPath(side, 1, this.loop.head);
    const last = side[side.length - 1];
    // (A function's side path ends with its own return, lowered by functionReturn; one of a loop
    // inlined in a function's trace goes back to that loop's head, or breaks out of it, or returns
    // from the function; a loop's, back to its head, or out of the loop at the break or return.)
    if (last.leavesTo !== undefined) this.breakOut(last.leavesTo);
    else if (last.depth === 0 && RETURNS.has(last.opcode)) {
      // lowered above: the trace returned, or left at the return
    } else if (this.trace.kind === "loop" || this.inlining.length > 0) {
      this.backEdge(side);
      this.reconcile(this.loop.top!, this.loop.head);
      this.loop.endFacts.push(new Set(this.st.facts));
      this.emit(this.loop.jump);
    }
    this.emit(`}`);
    this.st = saved;
    this.pathKey = savedKey;
  }

  /** Lowers a recorded path (from its instruction `from`; its loop's head `head`) from the current state. */
  private lowerPath(
    path: readonly RecordedInstruction[] = this.trace.path,
    from = 0,
    head = this.trace.head,
  ): void {
    for (let n = from; n < path.length; n++) {
      const rec = path[n];
      if (rec.inner !== undefined) {
        const inner = !this.peeling && this.inlining.length < MAX_INLINED_DEPTH
          ? this.innerTraces(rec.start)
          : null;
        const afterLoop = rec.opUnit + 1 + CACHE_SIZE[rec.opcode] + rec.oparg;
        if (inner === null) this.runInner(rec.start, rec.inner.counter, afterLoop, rec.inner.end);
        else this.inlineInner(rec.start, inner);
        // A function's path that ends with an inner loop (it returned from inside the loop when
        // recorded, as its trace's side path does): where the loop runs out instead, the trace
        // leaves, or, once that exit got hot, goes on by the side path recorded from there (its
        // END_FOR) to the return.
        if (n === path.length - 1 && this.trace.kind === "function" && this.inlining.length === 0) {
          this.afterReturningLoop(afterLoop);
        }
        continue;
      }
      const next = n + 1 < path.length ? path[n + 1].start : head;
      const name = OPCODES[rec.opcode].name;
      // A specialized variant's cells are read now: its site must not have specialized again (or
      // gone back to its adaptive form) since the path was recorded, or the cells are another
      // variant's (a superinstruction that begins with it keeps its cells).
      const now = rec.code.code[rec.opUnit] & 0xff;
      if (now !== rec.opcode && VARIANTS[rec.opcode] === 1 && !SUPER_BY_OPCODE.has(now)) {
        throw new TraceAbort(ABORT.INVALIDATED, `${name} specialized again since it was recorded`);
      }
      const sup = SUPER_BY_OPCODE.get(rec.opcode);
      if (sup === undefined) {
        this.lower(name, rec.opcode, rec.oparg, rec.start, rec.opUnit, next, rec, path[n + 1] ?? null);
        continue;
      }
      // A superinstruction: its halves, the second's word in place after the first's cells.
      const secondStart = rec.opUnit + 1 + CACHE_SIZE[rec.opcode];
      const firstOp = Op[sup.first as keyof typeof Op];
      this.lower(sup.first, firstOp, rec.oparg, rec.start, rec.opUnit, secondStart, rec);
      if (next === secondStart) continue; // its second half failed its fast path: dispatched alone
      const secondOp = Op[sup.second as keyof typeof Op];
      const secondOparg = this.st.code.code[secondStart] >> 8;
      this.lower(sup.second, secondOp, secondOparg, secondStart, secondStart, next, rec);
    }
  }

  /**
   * After the inner loop that ends a function's path (it returned from inside the loop when
   * recorded), where it ran out instead: an exit at its END_FOR (`afterLoop`), keyed so that the
   * path from there to the return grows as a side path, or that side path.
   */
  private afterReturningLoop(afterLoop: number): void {
    const key = `${this.pathKey}>${afterLoop}e`;
    const side = this.loop.sides.get(key);
    if (side === undefined) {
      this.guard("true", afterLoop, key);
      this.branchExits.add(this.exitAt.length - 1);
      return;
    }
    const savedKey = this.pathKey;
    this.pathKey = key;
    this.lowerPath(side, 0, this.loop.head);
    this.pathKey = savedKey;
  }

  /**
   * An inner loop at `head` (its iterator on the stack) runs as a whole with its own trace: the
   * state goes to the frame, the inner trace runs, and when it ends with its iterator exhausted the
   * state comes back from the frame (locals reloaded as they are read); when it stopped anywhere
   * else, the frame is already as the interpreter needs it there, and the trace leaves too. (An
   * inner trace ends its loop at the head when the head can test the iterator again, a range's or a
   * list's; at `afterLoop`, the loop's jump target, when it cannot.)
   */
  private runInner(head: number, counter: number, afterLoop: number, end: number): void {
    const st = this.st;
    // (The inner trace may leave inside a call it followed: so may this one, then.)
    this.leavesInCallees = true;
    this.emit(this.loopFrameToFrame(st).join(" "));
    const r = this.temp();
    const taken = this.newExit(head, null);
    this.branchExits.add(this.exitAt.length - 1);
    this.emit(`at = -1;`);
    this.emit(`${r} = runInnerLoop(f, ${head}, ${counter});`);
    // Left at a return of the function (its trace's side path that returns): the frame stands at
    // the return, as the function's trace ends.
    const returns = this.trace.kind === "function" ? returnsWithin(this.trace.code, head, end) : [];
    if (returns.length > 0) {
      this.emit(
        `if ((${returns.map((at) => `${r} === ${at}`).join(" || ")}) && tierExit.error === null && ` +
          `tierExit.frame === null) { W[0] = -1; return ${r}; }`,
      );
    }
    // Broken out of (its trace's side path), it lands after its END_FOR, the iterator popped: put
    // back for the END_FOR that follows in this path, as if the loop had ended there.
    if ((this.trace.code.code[afterLoop] & 0xff) === Op.END_FOR) {
      const iterator = st.stack[st.stack.length - 1].e;
      this.emit(
        `if (${r} === ${afterLoop + 1}) { s[${
          this.nl + st.stack.length - 1
        }] = ${iterator}; ${r} = ${afterLoop}; }`,
      );
    }
    this.emit(
      `if ((${r} !== ${head} || !iteratorDone(s[${
        this.nl + st.stack.length - 1
      }])) && ${r} !== ${afterLoop} || ` +
        `tierExit.error !== null || tierExit.frame !== null) { ${taken} return ${r}; }`,
    );
    // Everything may have changed: the locals are read from the frame again, as is the stack.
    for (const l of st.locals) {
      l.inVar = false;
      l.dirty = false;
      l.k = KIND_BOX;
    }
    st.stack = st.stack.map((v, j) => v.e === "null" ? v : this.result(`s[${this.nl + j}]`, KIND_BOX));
    st.facts.clear();
  }

  /**
   * An inner loop at `head` (its iterator on the stack) inlined as a nested JavaScript loop, from the
   * recorded path of its own trace: its first iteration peeled (as the loop's own is), then the loop
   * body from the state that iteration ends in, converted back to it at each back-edge. When the
   * iterator is exhausted the state is converted to the entry state's shape (its locals held in JS
   * locals as they were; others written to the frame) and the code after the loop goes on from there.
   * What cannot be inlined throws InlineAbort: the loop is compiled again running it as a whole.
   */
  private inlineInner(head: number, inner: InnerTrace): void {
    const entry = this.st;
    const after = entry.clone();
    for (const l of after.locals) if (l.inVar) l.dirty = true;
    const label = `inner${this.innerLabels++}`;
    this.inlinedHeads.add(head);
    const outerLoop = this.loop;
    const outerKey = this.pathKey;
    this.inlining.push({ head, label, after, breakFacts: [] });
    this.loop = { head, sides: inner.sides, top: null, jump: "", endFacts: [] };
    this.pathKey = "";
    try {
      // The peeled first iteration, twice: first its main path alone, for the state it ends in;
      // then with the side paths, which end in that state too (a branch that goes the other way
      // on the first iteration of every run must not leave the trace each time).
      const temps0 = this.temps;
      const mark0 = this.out.length;
      const exits0 = this.exitMark();
      this.st = entry.clone();
      this.peeling = true;
      this.lowerPath(inner.trace.path, 0, head);
      this.backEdge(inner.trace.path);
      this.out.splice(mark0);
      this.rewindExits(exits0);
      this.temps = temps0;
      this.loop.top = this.st;
      this.loop.jump = `break ${label}_peel;`;
      this.emit(`${label}: {`);
      this.emit(`${label}_peel: {`);
      this.st = entry.clone();
      this.lowerPath(inner.trace.path, 0, head);
      this.backEdge(inner.trace.path);
      // The side paths lowered in this pass end in the first pass's state (their temporaries can
      // differ from this pass's, which the side paths numbered on): the main path ends there too.
      this.reconcile(this.loop.top, head);
      this.peeling = false;
      this.emit(`}`);
      this.loop.endFacts.push(new Set(this.st.facts));
      let top = this.loop.top.clone();
      top.facts.clear();
      for (const f of this.loop.top.facts) {
        if (this.loop.endFacts.every((end) => end.has(f))) top.facts.add(f);
      }
      this.loop.jump = `continue ${label}_loop;`;
      for (const v of top.stack) {
        if (!/^[A-Za-z_$][\w$]*$/.test(v.e) || v.e === "null") {
          throw new TraceAbort(ABORT.UNSTABLE_TYPES, `stack value ${v.e} at an inner loop's head`);
        }
      }
      const temps = this.temps;
      let body: string[];
      for (let attempt = 0;; attempt++) {
        this.temps = temps;
        this.loop.top = top;
        this.loop.endFacts = [];
        this.st = top.clone();
        const mark = this.out.length;
        this.lowerPath(inner.trace.path, 0, head);
        this.backEdge(inner.trace.path);
        this.reconcile(top, head);
        this.loop.endFacts.push(new Set(this.st.facts));
        body = this.out.splice(mark);
        const kept = this.factsKept(top);
        if (kept.size === top.facts.size) break;
        if (attempt === 3) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "facts never settle");
        top = new State(top.stack, top.locals, kept, top.code);
      }
      this.emit(`${label}_loop: for (;;) {`);
      for (const line of body) this.emit(line);
      this.emit(`}`);
      this.emit(`}`);
      // After the loop: facts that held on entry and at every test of the iterator, and on every
      // side path that breaks out of it.
      const breaks = this.inlining[this.inlining.length - 1].breakFacts;
      for (const f of [...after.facts]) {
        if (!top.facts.has(f) || breaks.some((facts) => !facts.has(f))) after.facts.delete(f);
      }
      this.st = after;
    } catch (e) {
      if (e instanceof TraceAbort && !(e instanceof InlineAbort)) {
        throw new InlineAbort(this.inlining[0].head, e.reason, e.message);
      }
      throw e;
    } finally {
      this.inlining.pop();
      this.loop = outerLoop;
      this.pathKey = outerKey;
    }
  }

  /**
   * A side path that breaks out of the loop, at `leavesTo` (after the loop's END_FOR, the iterator
   * popped): an inlined inner loop is left as when its iterator runs out (the iterator put back for
   * the END_FOR that follows in the outer path, which pops it); the trace's own loop ends there, an
   * exit that ends the loop's run like its iterator running out.
   */
  private breakOut(leavesTo: number): void {
    const inner = this.inlining[this.inlining.length - 1];
    if (inner !== undefined && inner.head === this.loop.head) {
      inner.breakFacts.push(new Set(this.st.facts));
      this.st.stack.push(inner.after.stack[inner.after.stack.length - 1]);
      this.reconcile(inner.after, leavesTo - 1);
      this.emit(`break ${inner.label};`);
      return;
    }
    this.emit(this.writeBack(this.st, leavesTo, "", null, true));
    this.loopEndExits.add(this.exitAt.length - 1);
  }

  /** The closing back-edge: interrupts are checked as JUMP_BACKWARD checks them. */
  private backEdge(path: readonly RecordedInstruction[] = this.trace.path): void {
    this.checkInterrupts(path[path.length - 1].opUnit);
  }

  /** What JUMP_BACKWARD at `opUnit` checks (Ctrl-C, budgets, the heap guard), raising there. */
  private checkInterrupts(opUnit: number): void {
    this.mayRaise(opUnit);
    this.emit(`if ((++loopCounters.backEdges & backEdgeChecks.mask) === 0) checkAtBackEdges();`);
  }

  /** Moves the state's stack values into the loop-carried `E0…` locals. */
  private carryStack(st: State): void {
    st.stack.forEach((v, j) => {
      const name = `E${j}`;
      if (v.e !== name) {
        this.emit(`${name} = ${v.e};`);
        for (const fact of [...st.facts]) {
          if (fact.endsWith(`:${v.e}`)) st.facts.add(fact.slice(0, fact.length - v.e.length) + name);
        }
        st.stack[j] = { e: name, k: v.k };
      }
    });
  }

  /**
   * At the loop body's end: the state becomes the loop top's again (`top`), converting kinds where
   * they differ, or guarding them. Throws TraceAbort where they cannot agree.
   */
  private reconcile(top: State, resume: number): void {
    const cur = this.st;
    top.locals.forEach((want, i) => {
      const have = cur.locals[i];
      if (!want.inVar) {
        // Not carried in a JS local at the top (only a side path touched it): back into the frame.
        if (have.inVar && have.dirty) {
          this.emit(this.localToFrame(i, have));
        }
        return;
      }
      if (!have.inVar) {
        // Still only in the frame here (an inner loop run as a whole wrote it there): loaded now.
        this.emit(`L${i} = s[${i}];`);
        if (want.k === KIND_BOX) this.guard(`L${i} === undefined`, resume);
        have.inVar = true;
        have.dirty = false;
        have.k = KIND_BOX;
      }
      if (have.dirty && !want.dirty) {
        // Assigned on this path only (a side path): the top takes the frame's slot as current.
        this.emit(this.localToFrame(i, have));
      }
      if (have.k === want.k) return;
      if (want.k === KIND_BOX) {
        if (have.k === KIND_FLOAT) this.emit(`L${i} = new PyFloat(D${i});`);
      } else if (have.k === KIND_BOX) {
        if (want.k === KIND_INT) this.guard(`typeof L${i} !== "number"`, resume);
        else if (want.k === KIND_BOOL) this.guard(`typeof L${i} !== "boolean"`, resume);
        else {
          this.guard(`typeof L${i} !== "object" || L${i}.cls !== floatType`, resume);
          this.emit(`D${i} = L${i}.value;`);
        }
      } else throw new TraceAbort(ABORT.UNSTABLE_TYPES, `local ${i} changes kind in the loop`);
    });
    if (cur.stack.length !== top.stack.length) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "stack depth");
    const moves: [string, string][] = [];
    cur.stack.forEach((v, j) => {
      const want = top.stack[j];
      if (v.e === want.e) return;
      if (v.k !== want.k) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "a stack value changes kind");
      moves.push([want.e, v.e]);
    });
    // The moves happen at once: a value that one of them overwrites before another reads it (the
    // names of a pass can be the top's names for other values) is copied aside first.
    const written = new Set(moves.map(([to]) => to));
    const live = new Set([...cur.stack, ...top.stack].map((v) => v.e));
    for (const move of moves) {
      if (!written.has(move[1])) continue;
      let aside = this.temp();
      while (live.has(aside)) aside = this.temp();
      this.emit(`${aside} = ${move[1]};`);
      move[1] = aside;
    }
    for (const [to, from] of moves) this.emit(`${to} = ${from};`);
  }

  /** The facts of `top` that still hold at every end of the current loop's body. */
  private factsKept(top: State): Set<string> {
    return new Set([...top.facts].filter((f) => this.loop.endFacts.every((end) => end.has(f))));
  }

  /** The trace's source and constants, and the size of its trace function (its stubs apart). */
  compile(): { source: string; consts: unknown[]; functionChars: number } {
    const { source, consts } = this.trace.kind === "loop" ? this.compileLoop() : this.compileFunction();
    return { source, consts, functionChars: this.functionChars };
  }

  /**
   * The function of a function trace (its path from the entry to its return) or of a generator trace
   * (from the resume point to the next yield), straight.
   */
  private compileFunction(): { source: string; consts: unknown[] } {
    const trace = this.trace;
    // (A function starts with an empty stack; a generator resumes with its loops' iterators and the
    // value sent in.)
    this.st = new State(
      Array.from({ length: trace.entryDepth }, (_, j) => ({ e: `E${j}`, k: KIND_BOX as Kind })),
      Array.from({ length: this.nl }, () => ({ k: KIND_BOX as Kind, inVar: false, dirty: false })),
      new Set(),
      trace.code,
    );
    this.lowerPath();
    this.preambleExits = this.exitAt.length;
    return { source: this.functionSource(this.out.splice(0)), consts: this.consts };
  }

  /** The source of the trace's function around its statements (with a loop's preamble, body). */
  private functionSource(preamble: string[], body: string[] | null = null): string {
    const locals: string[] = [];
    for (let i = 0; i < this.nl; i++) locals.push(`L${i}`, `D${i}`);
    for (let j = 0; j < this.trace.entryDepth; j++) locals.push(`E${j} = s[${this.nl + j}]`);
    for (let t = 0; t < this.maxTemps; t++) locals.push(`t${t}`);
    locals.push(...this.declared);
    const fn = [
      `return function trace(f) {`,
      `const s = f.values;`,
      `let at = -1;`,
      locals.length > 0 ? `let ${locals.join(", ")};` : "",
      `try {`,
      ...preamble,
      ...(body === null ? [] : [`loop: for (;;) {`, ...body, `}`]),
      `} catch (e) {`,
      `switch (at) {`,
      ...this.raiseCases,
      `}`,
      `throw e;`,
      `}`,
      `};`,
    ].join("\n");
    const names = `const { ${Object.keys(RUNTIME).join(", ")} } = R;`;
    this.functionChars = names.length + 1 + fn.length;
    return [names, ...this.stubs.map((_, n) => this.stubSource(n)), fn].join("\n");
  }

  private compileLoop(): { source: string; consts: unknown[] } {
    const trace = this.trace;
    const entry = new State(
      Array.from({ length: trace.entryDepth }, (_, j) => ({ e: `E${j}`, k: KIND_BOX as Kind })),
      Array.from({ length: this.nl }, () => ({ k: KIND_BOX as Kind, inVar: false, dirty: false })),
      new Set(),
      trace.code,
    );
    // The preamble: one iteration from the entry state. With side paths, twice (as an inlined inner
    // loop's first iteration): its main path alone, for the state the loop body starts from; then
    // with the side paths at its branches, which end in that state too (`break preamble`): a branch
    // that goes the other way in the first iteration of most entries (a short loop entered once
    // per call or per outer iteration) must not leave the trace each time.
    const temps0 = this.temps;
    const mark = this.exitMark();
    this.st = entry.clone();
    this.peeling = true;
    this.lowerPath();
    this.backEdge();
    this.carryStack(this.st);
    let top = this.st.clone();
    if (this.sides.size > 0) {
      this.out.splice(0);
      this.rewindExits(mark);
      this.temps = temps0;
      this.loop.top = top;
      this.loop.jump = "break preamble;";
      this.st = entry.clone();
      this.emit("preamble: {");
      this.lowerPath();
      this.backEdge();
      this.carryStack(this.st);
      this.reconcile(top, trace.head);
      this.emit("}");
      this.loop.endFacts.push(new Set(this.st.facts));
      top = new State(top.stack, top.locals, this.factsKept(top), trace.code);
      this.loop.jump = "continue loop;";
    }
    this.peeling = false;
    this.preambleExits = this.exitAt.length;
    const preamble = this.out.splice(0);
    const preambleTemps = this.temps;
    // The loop body, from the loop top's state; the facts it assumes must hold at its end too.
    let body: string[] = [];
    for (let attempt = 0;; attempt++) {
      this.temps = preambleTemps;
      this.loop.top = top;
      this.loop.endFacts = [];
      this.st = top.clone();
      this.lowerPath();
      this.backEdge();
      this.reconcile(top, trace.head);
      this.loop.endFacts.push(new Set(this.st.facts));
      body = this.out.splice(0);
      const kept = this.factsKept(top);
      if (kept.size === top.facts.size) break;
      if (attempt === 3) throw new TraceAbort(ABORT.UNSTABLE_TYPES, "facts never settle");
      top = new State(top.stack, top.locals, kept, trace.code);
    }
    return { source: this.functionSource(preamble, body), consts: this.consts };
  }
}

/** Inner loops inlined one inside another at most (deeper ones run as a whole). */
const MAX_INLINED_DEPTH = 2;

/** The specialized FOR_ITER variant of each iterator class that has one. */
const SPECIALIZED_FOR_ITER = new Map<PyType, string>([
  [rangeIteratorType, "FOR_ITER_RANGE"],
  [listIteratorType, "FOR_ITER_LIST"],
  [tupleIteratorType, "FOR_ITER_TUPLE"],
]);

/** Superinstructions by opcode. */
const SUPER_BY_OPCODE = new Map(
  SUPERINSTRUCTIONS.map((row) => [Op[row.name as keyof typeof Op] as number, row]),
);

/** Instruction forms with a lowering (generic families lowered through a runtime call). */
const LOWERED_NAMES = new Set([
  "NOP",
  "RETURN_VALUE",
  "RETURN_CONST",
  "RESUME",
  "CACHE",
  "JUMP_FORWARD",
  "JUMP_BACKWARD",
  "JUMP_BACKWARD_NO_INTERRUPT",
  "LOAD_FAST",
  "LOAD_FAST_CHECK",
  "LOAD_FAST_LOAD_FAST",
  "STORE_FAST",
  "LOAD_CONST",
  "POP_TOP",
  "PUSH_NULL",
  "COPY",
  "SWAP",
  "LOAD_DEREF",
  "FOR_ITER_RANGE",
  "FOR_ITER_LIST",
  "FOR_ITER_TUPLE",
  "LOAD_GLOBAL_MODULE",
  "LOAD_GLOBAL_BUILTIN",
  "LOAD_NAME",
  "STORE_NAME",
  "LOAD_ATTR_INSTANCE_VALUE",
  "LOAD_ATTR_METHOD_WITH_VALUES",
  "LOAD_ATTR_SLOT",
  "LOAD_ATTR_METHOD_NO_DICT",
  "LOAD_ATTR_METHOD_LAZY_DICT",
  "STORE_ATTR_INSTANCE_VALUE",
  "UNPACK_SEQUENCE_TWO_TUPLE",
  "UNPACK_SEQUENCE_TUPLE",
  "UNPACK_SEQUENCE_LIST",
  "BUILD_TUPLE",
  "BUILD_LIST",
  "END_FOR",
  "LIST_APPEND",
  "BINARY_SLICE",
  "IS_OP",
  "UNARY_NOT",
  "UNARY_NEGATIVE",
  "UNARY_INVERT",
  "BUILD_SET",
  "BUILD_MAP",
  "BUILD_CONST_KEY_MAP",
  "BUILD_STRING",
  "BUILD_SLICE",
  "SET_ADD",
  "MAP_ADD",
  "LIST_EXTEND",
  "SET_UPDATE",
  "DICT_UPDATE",
  "DICT_MERGE",
  "STORE_DEREF",
  "LOAD_CLOSURE",
  "MAKE_FUNCTION",
  "SET_FUNCTION_ATTRIBUTE",
  "STORE_GLOBAL",
  "DELETE_SUBSCR",
  "STORE_SLICE",
  "FORMAT_SIMPLE",
  "FORMAT_WITH_SPEC",
  "CONVERT_VALUE",
  "CALL_INTRINSIC_1",
]);
/** Families whose every form is lowered (the specialized ones inline, the rest as calls). */
const LOWERED_FAMILIES = new Set([
  "GET_ITER",
  "FOR_ITER",
  "UNPACK_SEQUENCE",
  "CALL_KW",
  "CALL_FUNCTION_EX",
  "BINARY_OP",
  "COMPARE_OP",
  "BINARY_SUBSCR",
  "STORE_SUBSCR",
  "CONTAINS_OP",
  "LOAD_ATTR",
  "STORE_ATTR",
  "CALL",
  "POP_JUMP_IF_FALSE",
  "POP_JUMP_IF_TRUE",
  "POP_JUMP_IF_NONE",
  "POP_JUMP_IF_NOT_NONE",
]);

function lowerable(name: string): boolean {
  if (LOWERED_NAMES.has(name)) return true;
  const op = Op[name as keyof typeof Op];
  if (op === undefined) return false;
  const sup = SUPER_BY_OPCODE.get(op);
  if (sup !== undefined) return lowerable(sup.first) && lowerable(sup.second);
  return LOWERED_FAMILIES.has(OPCODES[OPCODES[op].generic].name);
}

/**
 * Per opcode, 1 for a specialized variant (neither a family's generic form nor its adaptive one):
 * the forms whose inline cache cells the backend reads, and which must be that variant's then.
 */
const VARIANTS: Uint8Array = Uint8Array.from(
  { length: 256 },
  (_, op) => OPCODES[op] !== undefined && OPCODES[op].generic !== op && OPCODES[op].adaptive !== op ? 1 : 0,
);

/** Per opcode, 1 when the backend can lower it (the recorder stops at any other). */
export const LOWERABLE: Uint8Array = Uint8Array.from(
  { length: 256 },
  (_, op) => OPCODES[op] !== undefined && lowerable(OPCODES[op].name) ? 1 : 0,
);

/**
 * Compiles a recorded trace with its side paths (by branch key: each from a branch of the trace,
 * or of another side path, back to the head); throws TraceAbort when it cannot.
 */
export function compileTrace(
  trace: Trace,
  sides: ReadonlyMap<string, readonly RecordedInstruction[]> = new Map(),
  innerTraces: InnerTraces = () => null,
): CompiledTrace {
  const t0 = performance.now();
  const notInlined = new Set<number>();
  let compiler: TraceCompiler;
  let compiledSource: { source: string; consts: unknown[]; functionChars: number };
  for (;;) {
    compiler = new TraceCompiler(trace, sides, (head) => notInlined.has(head) ? null : innerTraces(head));
    try {
      compiledSource = compiler.compile();
    } catch (e) {
      // An inner loop that cannot be inlined runs as a whole with its own trace.
      if (!(e instanceof InlineAbort) || notInlined.has(e.innerHead)) throw e;
      notInlined.add(e.innerHead);
      continue;
    }
    // Past the size V8 optimizes, a trace would run unoptimized: its side paths are refused (the
    // caller compiles it without the newest), and a trace without any runs its inner loops as
    // a whole rather than inlined.
    const chars = compiledSource.functionChars;
    if (chars <= tunables.max_trace_code) break;
    if (sides.size > 0) throw new TraceAbort(ABORT.CODE_TOO_BIG, `${chars} characters`);
    if (compiler.inlinedHeads.size === 0) break;
    for (const head of compiler.inlinedHeads) notInlined.add(head);
  }
  const { source, consts } = compiledSource;
  const exitCounts = new Float64Array(compiler.exitAt.length);
  let factory: (R: unknown, K: unknown[], X: Float64Array, W: Int32Array) => (f: Frame) => number;
  try {
    factory = new Function("R", "K", "X", "W", source) as typeof factory;
  } catch (e) {
    throw new TraceAbort(ABORT.COMPILE_FAILED, String(e));
  }
  const lastExit = new Int32Array(1);
  const run = factory(RUNTIME, consts, exitCounts, lastExit);
  return {
    trace,
    source,
    run,
    exitCounts,
    exitAt: compiler.exitAt,
    exitBranch: compiler.exitBranch,
    loopEndExits: compiler.loopEndExits,
    branchExits: compiler.branchExits,
    preambleExits: compiler.preambleExits,
    exitInner: compiler.exitInner,
    lastExit,
    leavesInCallees: compiler.leavesInCallees,
    compileMs: performance.now() - t0,
  };
}
