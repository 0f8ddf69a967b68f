/**
 * Lowering for the native backend. In: a recorded loop (jit/trace.ts, the same input the
 * JavaScript backend gets) and its side paths. Out: a `NativeTrace` over native frame slots, plus
 * what the executor (jit/native_executor.ts) needs around it: the locals it unboxes on entry, and
 * per exit the map that boxes the trace's values back into the Python frame (which locals and stack
 * values, in which slots, of which kinds, and the code unit the interpreter resumes at). Or, when
 * some instruction or value is beyond the native uops, the reason (a row of
 * NATIVE_FALLBACK_REASONS): the loop then runs on the JavaScript backend.
 *
 * What native code holds: ints as int64 (a result that does not fit leaves with INT_OVERFLOW and
 * the interpreter redoes the instruction with unbounded ints), floats as float64, bools as 0/1, and
 * the `for` loop's range iterator as three slots (current value, items left, step). Every Python
 * local the loop touches has a home slot; stack values live in one slot per stack position.
 *
 * Shape of the code, as in the JavaScript backend: the first iteration runs as a preamble (what it
 * assigns is written back by every later exit), then the loop body repeats; each path end (the
 * main path's and each side path's) counts a back-edge against a budget, whose exit lets the
 * executor check interrupts and re-enter at the loop top. Every guard is an exit: it leaves with
 * the state as it was before the instruction whose guard failed, and the interpreter redoes that
 * instruction (raising ZeroDivisionError there, or computing with big ints).
 *
 * One rule per instruction form or family in `RULES`; the operator tables (`INT_BINARY`,
 * `FLOAT_BINARY`, the comparisons) name each native guard's exit reason in their rows.
 *
 * @example
 * ```ts
 * import { lowerNative } from "./native_lower.ts";
 * // const r = lowerNative(trace); r.lowering ? compile it : r.reason says why not
 * ```
 * @module
 */
import { NATIVE_FALLBACK } from "../instructions/abort_reasons.ts";
import { EXIT_REASON_IDS } from "../instructions/exit_reasons.ts";
import { CACHE_CELL, CACHE_SIZE, Op, OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";
import {
  DELETED,
  floatType,
  moduleType,
  PyBuiltinFunction,
  type PyDict,
  PyFloat,
  type PyValue,
} from "../objects/object.ts";
import type { PyCode } from "../objects/code.ts";
import { rangeIteratorType } from "../objects/types/iterators.ts";
import type { Frame } from "../vm/frame.ts";
import { FIRST_SLOT } from "./native_state.ts";
import { float64Bits, type NativeTrace, NativeTraceBuilder } from "./native_trace.ts";
import {
  type Kind,
  KIND_BOOL,
  KIND_BOX,
  KIND_FLOAT,
  KIND_INT,
  type RecordedInstruction,
  type Trace,
} from "./trace.ts";

/** How an exit writes the Python frame back, and where the interpreter resumes. */
export interface ExitMap {
  /** The code unit the interpreter resumes at. */
  readonly resume: number;
  /** Its row in instructions/exit_reasons.ts. */
  readonly reason: number;
  /** The locals to write back, as triples: local index, slot, kind. */
  readonly locals: Int32Array;
  /**
   * The stack, as pairs: slot (or −1 − j: the entry's stack value j, as it was; or at most
   * KNOWN_BASE: a known object), kind.
   */
  readonly stack: Int32Array;
  /** The branch it leaves at (a side path can be recorded there), or null. */
  readonly branch: string | null;
  /** Taken when the loop's iterator is exhausted (the loop ended: no misfit). */
  readonly loopEnd: boolean;
  /** The back-edge budget ran out: the executor checks interrupts and re-enters at the loop top. */
  readonly budget: boolean;
}

/** A loop lowered to native uops, with its entry and exits. */
export interface NativeLowering {
  readonly trace: NativeTrace;
  readonly exits: readonly ExitMap[];
  /** Exits numbered below this one are the preamble's (exit 0: an entry check failed). */
  readonly preambleExits: number;
  /** The locals unboxed on entry, as triples: local index, slot, kind. */
  readonly entryLocals: Int32Array;
  /** The `for` loop's range iterator (the entry's top stack value), when the loop iterates one. */
  readonly iterator: { readonly cur: number; readonly left: number; readonly step: number } | null;
  /** Set to 1 to enter at the loop top (after a budget exit), 0 to run the preamble. */
  readonly resumeSlot: number;
  /** Back-edges left before the budget exit. */
  readonly budgetSlot: number;
  /** One past the highest slot the trace uses. */
  readonly slotsUsed: number;
  /** The stack depth above the locals at the loop head. */
  readonly entryDepth: number;
  /** Objects the trace knows by identity (a global's module, a builtin, null): exits write them back. */
  readonly known: readonly unknown[];
  /** What must still hold on entry for the objects read from globals and modules. */
  readonly entryChecks: readonly ((f: Frame) => boolean)[];
  /** The numbers read from globals and module attributes, unboxed on entry like locals. */
  readonly entryValues: readonly EntryValue[];
}

/** A number the trace reads from a global or a module attribute: unboxed into `slot` on entry. */
export interface EntryValue {
  readonly read: (f: Frame) => PyValue | undefined;
  readonly slot: number;
  readonly kind: Kind;
}

/** In a stack slot field of an exit map: at or below this, a known object (`known[KNOWN_BASE - slot]`). */
export const KNOWN_BASE = -1000000;

/** The globals and builtins of the loop's frame, where globals read by the trace are resolved. */
export interface LoweringEnvironment {
  readonly globals: PyDict;
  readonly builtins: PyDict;
}

/** What `lowerNative` returns: a lowering, or why not. */
export type NativeLowerResult =
  | { readonly lowering: NativeLowering; readonly reason: null; readonly detail: "" }
  | { readonly lowering: null; readonly reason: number; readonly detail: string };

/** Thrown inside the lowering when it cannot go on. */
class Decline extends Error {
  constructor(readonly reason: number, detail: string) {
    super(detail);
  }
}

/** A side path of the preamble that cannot end in the loop top's state (its branch exits instead). */
class PreambleSideMisfit extends Decline {}

// ---- the operator tables

/** A native operation on two operands: its uop, the exit reason of its guard (or null), its result. */
interface BinaryRule {
  readonly uop: string;
  readonly exit: string | null;
  readonly result: Kind;
}

/** BINARY_OP on two ints, by operator (NB_* order, in-place forms folded in). */
const INT_BINARY: readonly (BinaryRule | null)[] = [
  { uop: "ADD_I64", exit: "INT_OVERFLOW", result: KIND_INT }, // +
  { uop: "AND_I64", exit: null, result: KIND_INT }, // &
  { uop: "FLOORDIV_I64", exit: "ZERO_DIVISION", result: KIND_INT }, // // (and MIN // -1)
  { uop: "LSHIFT_I64", exit: "INT_OVERFLOW", result: KIND_INT }, // << (and negative counts)
  null, // @
  { uop: "MUL_I64", exit: "INT_OVERFLOW", result: KIND_INT }, // *
  { uop: "MOD_I64", exit: "ZERO_DIVISION", result: KIND_INT }, // %
  { uop: "OR_I64", exit: null, result: KIND_INT }, // |
  null, // ** (ints: not lowered)
  { uop: "RSHIFT_I64", exit: "NEGATIVE_SHIFT", result: KIND_INT }, // >>
  { uop: "SUB_I64", exit: "INT_OVERFLOW", result: KIND_INT }, // -
  { uop: "TRUEDIV_I64", exit: "ZERO_DIVISION", result: KIND_FLOAT }, // / (and operands past 2**53)
  { uop: "XOR_I64", exit: null, result: KIND_INT }, // ^
];

/** BINARY_OP with a float operand (an int one is converted first), by operator. */
const FLOAT_BINARY: readonly (BinaryRule | null)[] = [
  { uop: "ADD_F64", exit: null, result: KIND_FLOAT },
  null,
  { uop: "FLOORDIV_F64", exit: "ZERO_DIVISION", result: KIND_FLOAT },
  null,
  null,
  { uop: "MUL_F64", exit: null, result: KIND_FLOAT },
  { uop: "MOD_F64", exit: "ZERO_DIVISION", result: KIND_FLOAT },
  null,
  // ** (floats): not lowered. Lowered, it must call the C library's pow, as the other tiers do
  // (objects/types/float_pow.ts), or the tiers would print different digits.
  null,
  null,
  { uop: "SUB_F64", exit: null, result: KIND_FLOAT },
  { uop: "DIV_F64", exit: "ZERO_DIVISION", result: KIND_FLOAT },
  null,
];

/** COMPARE_OP by oparg (<, <=, ==, !=, >, >=): the uop on two ints and on two floats. */
const INT_COMPARE = ["LT_I64", "LE_I64", "EQ_I64", "NE_I64", "GT_I64", "GE_I64"];
const FLOAT_COMPARE = ["LT_F64", "LE_F64", "EQ_F64", "NE_F64", "GT_F64", "GE_F64"];

// ---- the abstract state

/** A value the trace holds: its slot (or −1 − j: the entry's stack value j, boxed) and its kind. */
interface NVal {
  readonly slot: number;
  readonly k: Kind;
}

/** What the trace knows of a Python local. */
interface NLocal {
  k: Kind;
  /** Its value is in its home slot. */
  inSlot: boolean;
  /** Its home slot may differ from the frame: exits write it back. */
  dirty: boolean;
}

class NState {
  constructor(public stack: NVal[], readonly locals: NLocal[]) {}
  clone(): NState {
    return new NState([...this.stack], this.locals.map((l) => ({ ...l })));
  }
}

/** A jump target: a label (a position in the body) or an exit. */
type Target = { readonly label: number } | { readonly exit: number };

interface PendingUop {
  readonly op: string;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly operand: bigint;
  readonly target: Target | null;
}

/** One instruction of a path, as a rule sees it. */
interface Ins {
  readonly name: string;
  readonly opcode: number;
  readonly generic: string;
  readonly oparg: number;
  /** Its first code unit (where an exit before it resumes). */
  readonly start: number;
  readonly opUnit: number;
  /** Where the recorded path went after it. */
  readonly next: number;
  readonly rec: RecordedInstruction;
}

/** Superinstructions by opcode. */
const SUPER_BY_OPCODE = new Map(
  SUPERINSTRUCTIONS.map((row) => [Op[row.name as keyof typeof Op] as number, row]),
);

/** Whether `rec` builds a tuple that `following` unpacks right away into as many values. */
function packedAndUnpacked(rec: RecordedInstruction, following: RecordedInstruction): boolean {
  return OPCODES[rec.opcode].name === "BUILD_TUPLE" &&
    OPCODES[OPCODES[following.opcode].generic].name === "UNPACK_SEQUENCE" && following.oparg === rec.oparg &&
    following.depth === rec.depth;
}

/** The (first) instruction form `rec` runs and its oparg: a superinstruction's first half. */
function firstHalf(rec: RecordedInstruction): { name: string; oparg: number } {
  const sup = SUPER_BY_OPCODE.get(rec.opcode);
  return { name: sup === undefined ? OPCODES[rec.opcode].name : sup.first, oparg: rec.oparg };
}

/** Stack slots beyond the code's own stack size (a margin for the lowering's own pushes). */
const STACK_MARGIN = 2;
/** Scratch slots (converted operands, truth values, the range's next value). */
const SCRATCH_SLOTS = 2;

class Lowerer {
  private readonly nl: number;
  private readonly resumeSlot = FIRST_SLOT;
  private readonly budgetSlot = FIRST_SLOT + 1;
  private readonly curSlot = FIRST_SLOT + 2;
  private readonly leftSlot = FIRST_SLOT + 3;
  private readonly stepSlot = FIRST_SLOT + 4;
  private readonly localBase = FIRST_SLOT + 5;
  private readonly tempBase: number;
  private readonly tempCount: number;
  private readonly scratch: number;
  private nextConst: number;

  private readonly consts = new Map<string, number>();
  /** The int value of each int constant slot (for the immediate forms). */
  private readonly constInts = new Map<number, bigint>();
  private readonly constUops: PendingUop[] = [];
  private uops: PendingUop[] = [];
  private labels: number[] = [];
  exits: ExitMap[] = [];
  readonly entryLocals = new Map<number, Kind>();
  readonly known: unknown[] = [];
  readonly entryChecks: ((f: Frame) => boolean)[] = [];
  readonly entryValues: (EntryValue & { readonly key: string })[] = [];
  /** Entry checks already made, by what they check. */
  private readonly checked = new Set<string>();
  iterated = false;
  private st!: NState;
  private inBody = false;
  /** The instruction the path runs after the one being lowered (its form's name and oparg). */
  private following: { readonly name: string; readonly oparg: number } | null = null;
  private pathKey = "";
  private topLabel = -1;
  private top: NState | null = null;
  /** Locals a path end assigned while the loop top had them clean (they become dirty at the top). */
  private readonly needDirty = new Set<number>();
  /** The preamble's side paths, lowered once its main path has made the loop top. */
  private deferred: {
    label: number;
    /** The state at the branch, and with its condition popped. */
    before: NState;
    after: NState;
    key: string;
    side: readonly RecordedInstruction[];
    start: number;
  }[] = [];
  /** Locals a side path assigns that the loop top does not hold: the top holds them (kind). */
  private readonly promote = new Map<number, Kind>();

  constructor(
    private readonly trace: Trace,
    private readonly sides: ReadonlyMap<string, readonly RecordedInstruction[]>,
    private readonly slotLimit: number,
    readonly env: LoweringEnvironment | null,
  ) {
    const code = trace.code;
    this.nl = code.nlocalsplus;
    this.tempBase = this.localBase + this.nl;
    this.tempCount = code.stacksize + STACK_MARGIN;
    this.scratch = this.tempBase + this.tempCount;
    this.nextConst = this.scratch + SCRATCH_SLOTS;
    if (this.nextConst > slotLimit) {
      throw new Decline(NATIVE_FALLBACK.TOO_MANY_SLOTS, `${this.nextConst} slots`);
    }
  }

  // ---- emission

  private emit(op: string, fields: Partial<Omit<PendingUop, "op">> = {}): void {
    this.uops.push({
      op,
      a: fields.a ?? 0,
      b: fields.b ?? 0,
      c: fields.c ?? 0,
      operand: fields.operand ?? 0n,
      target: fields.target ?? null,
    });
  }
  private newLabel(): number {
    return this.labels.push(-1) - 1;
  }
  private place(label: number): void {
    this.labels[label] = this.uops.length;
  }

  /** An exit with the state as it is now. */
  exitHere(
    reason: string,
    resume: number,
    options: { branch?: string | null; loopEnd?: boolean; budget?: boolean } = {},
  ): Target {
    const locals: number[] = [];
    this.st.locals.forEach((l, i) => {
      if (l.inSlot && l.dirty) locals.push(i, this.home(i), l.k);
    });
    const stack: number[] = [];
    for (const v of this.st.stack) stack.push(v.slot, v.k);
    const id = this.exits.push({
      resume,
      reason: EXIT_REASON_IDS[reason],
      locals: Int32Array.from(locals),
      stack: Int32Array.from(stack),
      branch: options.branch ?? null,
      loopEnd: options.loopEnd ?? false,
      budget: options.budget ?? false,
    }) - 1;
    return { exit: id };
  }

  /** A uop whose guard leaves through a new exit (reason from its table row) before `ins`. */
  private guarded(
    op: string,
    reason: string | null,
    ins: Ins,
    fields: Partial<Omit<PendingUop, "op">>,
  ): void {
    this.emit(op, reason === null ? fields : { ...fields, target: this.exitHere(reason, ins.start) });
  }

  // ---- slots and values

  private home(i: number): number {
    return this.localBase + i;
  }
  private tempAt(position: number): number {
    if (position >= this.tempCount) {
      throw new Decline(NATIVE_FALLBACK.TOO_MANY_SLOTS, "stack deeper than expected");
    }
    return this.tempBase + position;
  }
  private constSlot(key: string, op: string, operand: bigint): number {
    let slot = this.consts.get(key);
    if (slot !== undefined) return slot;
    slot = this.nextConst++;
    if (slot >= this.slotLimit) throw new Decline(NATIVE_FALLBACK.TOO_MANY_SLOTS, "constants");
    this.consts.set(key, slot);
    this.constUops.push({ op, a: slot, b: 0, c: 0, operand, target: null });
    return slot;
  }
  constInt(value: bigint): number {
    const slot = this.constSlot(`i${value}`, "CONST_I64", value);
    this.constInts.set(slot, value);
    return slot;
  }
  constFloat(value: number): number {
    const bits = float64Bits(value);
    return this.constSlot(`f${bits}`, "CONST_F64", bits);
  }

  push(v: NVal): void {
    this.st.stack.push(v);
  }
  pop(): NVal {
    const v = this.st.stack.pop();
    if (v === undefined) throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_INSTRUCTION, "stack underflow");
    return v;
  }
  peek(n = 1): NVal {
    return this.st.stack[this.st.stack.length - n];
  }
  /** A numeric value (int, float or bool) or a decline. */
  numeric(v: NVal | undefined, what: string): NVal {
    if (v === undefined || v.slot < 0 || v.k === KIND_BOX) {
      throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, what);
    }
    return v;
  }
  /** The slot the next result pushed after popping `pops` values goes into. */
  resultSlot(pops: number): number {
    const depth = this.st.stack.length - pops;
    // A result stored into a local right away goes to the local's home slot (no copy), unless a
    // value staying on the stack is that local's current value.
    const f = this.following;
    if (f !== null && f.name === "STORE_FAST") {
      const home = this.home(f.oparg);
      if (!this.st.stack.slice(0, depth).some((v) => v.slot === home)) return home;
    }
    return this.tempAt(depth);
  }
  /** A float operand: the value itself, or an int converted into scratch slot `n`. */
  asFloat(v: NVal, n: number): number {
    if (v.k === KIND_FLOAT) return v.slot;
    this.emit("I64_TO_F64", { a: this.scratch + n, b: v.slot });
    return this.scratch + n;
  }
  /** Int `slot` as a float64 in scratch slot `n`, exact: leaves before `ins` beyond 2**53. */
  exactFloat(slot: number, n: number, ins: Ins): number {
    this.guarded("TRUEDIV_I64", "GUARD_FAILED", ins, { a: this.scratch + n, b: slot, c: this.constInt(1n) });
    return this.scratch + n;
  }
  scratchSlot(n: number): number {
    return this.scratch + n;
  }
  constIntOf(slot: number): bigint | undefined {
    return this.constInts.get(slot);
  }

  // ---- locals

  /** Makes local `i` available in its home slot: the first read unboxes it on entry. */
  ensureLocal(i: number, rec: RecordedInstruction): void {
    const l = this.st.locals[i];
    if (l.inSlot) return;
    const k = this.entryLocals.get(i) ?? rec.localKinds.get(i) ?? KIND_BOX;
    if (k === KIND_BOX) {
      throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, `local ${this.trace.code.localsplusNames[i] ?? i}`);
    }
    this.entryLocals.set(i, k);
    l.k = k;
    l.inSlot = true;
    l.dirty = false;
  }
  pushLocal(i: number): void {
    const l = this.st.locals[i];
    this.push({ slot: this.home(i), k: l.k });
  }
  storeLocal(i: number): void {
    const v = this.numeric(this.pop(), "a boxed value stored into a local");
    const home = this.home(i);
    // Stack values that are this local's old value keep it in their own slots.
    this.st.stack.forEach((w, j) => {
      if (w.slot === home) {
        this.copy(this.tempAt(j), home, w.k);
        this.st.stack[j] = { slot: this.tempAt(j), k: w.k };
      }
    });
    if (v.slot !== home) this.copy(home, v.slot, v.k);
    const l = this.st.locals[i];
    l.k = v.k;
    l.inSlot = true;
    l.dirty = true;
  }
  copy(to: number, from: number, k: Kind): void {
    this.emit(k === KIND_FLOAT ? "COPY_F64" : "COPY_I64", { a: to, b: from });
  }

  // ---- branches

  /**
   * A conditional jump on `v`: the path went the recorded way (`taken`); the other way exits, or
   * runs its side path when one was recorded.
   */
  branch(ins: Ins, jumpOnTrue: boolean, taken: boolean): void {
    const v = this.numeric(this.peek(), "a boxed branch condition");
    let truth = v.slot;
    if (v.k === KIND_FLOAT) {
      truth = this.scratchSlot(0);
      this.emit("NE_F64", { a: truth, b: v.slot, c: this.constFloat(0) });
    }
    // The trace leaves when the value's truth is `leaveOnTrue`.
    const leaveOnTrue = jumpOnTrue !== taken;
    const key = `${this.pathKey}>${ins.start}${taken ? "f" : "j"}`;
    const side = this.sides.get(key);
    if (side === undefined) {
      const exit = this.exitHere("BRANCH", ins.start, { branch: key });
      this.emit(leaveOnTrue ? "JUMP_IF_TRUE" : "JUMP_IF_FALSE", { b: truth, target: exit });
      this.pop();
      return;
    }
    if (!this.inBody) {
      // In the preamble the side path is lowered after the main path, when the loop top is known.
      const label = this.newLabel();
      this.emit(leaveOnTrue ? "JUMP_IF_TRUE" : "JUMP_IF_FALSE", { b: truth, target: { label } });
      const before = this.st.clone();
      const after = this.st.clone();
      after.stack.pop();
      this.deferred.push({ label, before, after, key, side, start: ins.start });
      this.pop();
      return;
    }
    const stay = this.newLabel();
    this.emit(leaveOnTrue ? "JUMP_IF_FALSE" : "JUMP_IF_TRUE", { b: truth, target: { label: stay } });
    const saved = this.st;
    const savedKey = this.pathKey;
    this.st = saved.clone();
    this.pop();
    this.pathKey = key;
    this.lowerPath(side, 1);
    this.pathEnd(side);
    this.st = saved;
    this.pathKey = savedKey;
    this.place(stay);
    this.pop();
  }

  /**
   * The preamble's side paths, once its main path has made the loop top: each runs from its branch
   * to the top, or, where it cannot end in the top's state (a local the main path assigned that it
   * did not), its branch exits after all.
   */
  private lowerDeferredSides(top: NState): void {
    while (this.deferred.length > 0) {
      const d = this.deferred.shift()!;
      const mark = { uops: this.uops.length, exits: this.exits.length, deferred: this.deferred.length };
      const needDirty = new Set(this.needDirty);
      const promote = new Map(this.promote);
      this.place(d.label);
      this.st = d.after;
      this.pathKey = d.key;
      try {
        this.lowerPath(d.side, 1);
        this.reconcile(top, true);
        this.backEdge(d.side);
      } catch (e) {
        if (!(e instanceof PreambleSideMisfit)) throw e;
        this.uops.length = mark.uops;
        this.exits.length = mark.exits;
        this.deferred.length = mark.deferred;
        this.needDirty.clear();
        needDirty.forEach((i) => this.needDirty.add(i));
        this.promote.clear();
        promote.forEach((k, i) => this.promote.set(i, k));
        this.st = d.before;
        this.emit("JUMP", { target: this.exitHere("BRANCH", d.start, { branch: d.key }) });
      }
      this.pathKey = "";
    }
  }

  // ---- paths

  /** Lowers a recorded path (from its instruction `from`) from the current state. */
  lowerPath(path: readonly RecordedInstruction[], from = 0): void {
    for (let n = from; n < path.length; n++) {
      const rec = path[n];
      if (rec.inner !== undefined) throw new Decline(NATIVE_FALLBACK.INNER_LOOP, `at ${rec.start}`);
      if (rec.depth > 0) throw new Decline(NATIVE_FALLBACK.FOLLOWED_CALL, rec.code.name);
      const next = n + 1 < path.length ? path[n + 1].start : this.trace.head;
      if (n + 1 < path.length && packedAndUnpacked(rec, path[n + 1])) {
        // `a, b = b, a`: a tuple built and unpacked at once only reverses the stack's top values.
        this.st.stack.push(...this.st.stack.splice(this.st.stack.length - rec.oparg).reverse());
        n++;
        continue;
      }
      this.following = n + 1 < path.length ? firstHalf(path[n + 1]) : null;
      const sup = SUPER_BY_OPCODE.get(rec.opcode);
      if (sup === undefined) {
        this.lower(OPCODES[rec.opcode].name, rec.opcode, rec.oparg, rec.start, rec.opUnit, next, rec);
        continue;
      }
      // A superinstruction: its halves, the second's word in place after the first's cells.
      const secondStart = rec.opUnit + 1 + CACHE_SIZE[rec.opcode];
      const firstOp = Op[sup.first as keyof typeof Op];
      const secondOparg = this.trace.code.code[secondStart] >> 8;
      const following = this.following;
      this.following = { name: sup.second, oparg: secondOparg };
      this.lower(sup.first, firstOp, rec.oparg, rec.start, rec.opUnit, secondStart, rec);
      this.following = following;
      if (next === secondStart) continue; // its second half failed its fast path: dispatched alone
      const secondOp = Op[sup.second as keyof typeof Op];
      this.lower(sup.second, secondOp, secondOparg, secondStart, secondStart, next, rec);
    }
  }

  private lower(
    name: string,
    opcode: number,
    oparg: number,
    start: number,
    opUnit: number,
    next: number,
    rec: RecordedInstruction,
  ): void {
    const generic = OPCODES[OPCODES[opcode].generic].name;
    const rule = RULES[name] ?? FAMILY_RULES[generic];
    if (rule === undefined) throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_INSTRUCTION, name);
    rule(this, { name, opcode, generic, oparg, start, opUnit, next, rec });
  }

  /**
   * The end of a path (the main one or a side one): its state becomes the loop top's, a back-edge
   * is counted against the budget, and control goes back to the top.
   */
  pathEnd(path: readonly RecordedInstruction[]): void {
    if (path[path.length - 1].leavesTo !== undefined) {
      throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_INSTRUCTION, "a side path that breaks out of the loop");
    }
    if (this.top === null) this.carryStack();
    else this.reconcile(this.top, false);
    this.backEdge(path);
  }

  /** A back-edge from the loop top's state: counted against the budget, then to the top. */
  private backEdge(path: readonly RecordedInstruction[]): void {
    const last = path[path.length - 1];
    const budgetExit = this.exitHere("BACK_EDGE_CHECK", last.opUnit + 1, { budget: true });
    this.emit("ADD_I64_IMM", { a: this.budgetSlot, b: this.budgetSlot, operand: -1n, target: budgetExit });
    this.emit("JUMP_IF_LT_I64", {
      b: this.constInt(0n),
      c: this.budgetSlot,
      target: { label: this.topLabel },
    });
    this.emit("JUMP", { target: budgetExit });
  }

  /** After the preamble: stack values move to their positions' slots (the loop top's layout). */
  private carryStack(): void {
    this.st.stack.forEach((v, j) => {
      if (v.slot < 0) {
        if (v.slot !== -1 - j) throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "an entry value moved");
        return;
      }
      if (v.slot !== this.tempAt(j)) {
        this.copy(this.tempAt(j), v.slot, v.k);
        this.st.stack[j] = { slot: this.tempAt(j), k: v.k };
      }
    });
  }

  /**
   * At a path's end: the state becomes the loop top's (`top`), or a decline (for a side path of the
   * preamble, `PreambleSideMisfit`: its branch exits instead).
   */
  private reconcile(top: NState, preambleSide: boolean): void {
    const cur = this.st;
    top.locals.forEach((want, i) => {
      const have = cur.locals[i];
      if (!want.inSlot) {
        // Assigned on this path only: the loop top keeps it in its slot too, unboxed on entry.
        if (have.inSlot && have.dirty) this.promote.set(i, have.k);
        return;
      }
      if (!have.inSlot || have.k !== want.k) {
        if (preambleSide) throw new PreambleSideMisfit(NATIVE_FALLBACK.KIND_CHANGES, `local ${i}`);
        throw new Decline(NATIVE_FALLBACK.KIND_CHANGES, `local ${i}`);
      }
      if (have.dirty && !want.dirty) this.needDirty.add(i);
    });
    if (cur.stack.length !== top.stack.length) throw new Decline(NATIVE_FALLBACK.KIND_CHANGES, "stack depth");
    cur.stack.forEach((v, j) => {
      const want = top.stack[j];
      if (v.slot === want.slot) return;
      if (v.slot < 0 || want.slot < 0 || v.k !== want.k) {
        if (preambleSide) throw new PreambleSideMisfit(NATIVE_FALLBACK.KIND_CHANGES, "a stack value");
        throw new Decline(NATIVE_FALLBACK.KIND_CHANGES, "a stack value");
      }
      if (cur.stack.some((w, k) => k > j && w.slot === want.slot)) {
        throw new Decline(NATIVE_FALLBACK.KIND_CHANGES, "stack values cross");
      }
      this.copy(want.slot, v.slot, v.k);
    });
    cur.stack = [...top.stack];
  }

  // ---- the whole loop

  lowerLoop(): NativeLowering {
    const trace = this.trace;
    // Locals the loop top holds dirty (its paths assign them) beyond those the preamble assigns.
    const dirtyAtTop = new Set<number>();
    let preambleExits = 0;
    for (let attempt = 0;; attempt++) {
      this.uops = [];
      this.labels = [];
      this.exits = [];
      this.deferred = [];
      this.needDirty.clear();
      this.promote.clear();
      this.top = null;
      this.inBody = false;
      // The entry state: the locals unboxed on entry are in their slots from the start.
      const entry = new NState(
        Array.from({ length: trace.entryDepth }, (_, j) => ({ slot: -1 - j, k: KIND_BOX as Kind })),
        Array.from({ length: this.nl }, (_, i) => {
          const k = this.entryLocals.get(i);
          return { k: k ?? KIND_BOX, inSlot: k !== undefined, dirty: false };
        }),
      );
      // Exit 0: an entry check failed (the executor returns it without running native code).
      this.st = entry;
      this.exitHere("ENTRY_CHECK", trace.head);
      this.topLabel = this.newLabel();
      // The preamble: one iteration from the entry state; its end makes the loop top.
      this.st = entry.clone();
      this.lowerPath(trace.path);
      this.carryStack();
      const top = this.st.clone();
      for (const i of dirtyAtTop) if (top.locals[i].inSlot) top.locals[i].dirty = true;
      this.backEdge(trace.path);
      this.lowerDeferredSides(top);
      preambleExits = this.exits.length;
      // The loop body.
      this.place(this.topLabel);
      this.top = top;
      this.inBody = true;
      this.st = top.clone();
      this.lowerPath(trace.path);
      this.pathEnd(trace.path);
      if (this.needDirty.size === 0 && this.promote.size === 0) break;
      if (attempt === 3) throw new Decline(NATIVE_FALLBACK.KIND_CHANGES, "dirty locals never settle");
      // Again, with the loop top holding what the paths assign.
      for (const i of this.needDirty) dirtyAtTop.add(i);
      for (const [i, k] of this.promote) {
        const known = this.entryLocals.get(i);
        if (known !== undefined && known !== k) {
          throw new Decline(NATIVE_FALLBACK.SIDE_PATH_LOCAL, `local ${i}`);
        }
        this.entryLocals.set(i, k);
        dirtyAtTop.add(i);
      }
    }
    return {
      trace: this.assemble(),
      exits: this.exits,
      preambleExits,
      entryLocals: Int32Array.from([...this.entryLocals].flatMap(([i, k]) => [i, this.home(i), k])),
      iterator: this.iterated ? { cur: this.curSlot, left: this.leftSlot, step: this.stepSlot } : null,
      resumeSlot: this.resumeSlot,
      budgetSlot: this.budgetSlot,
      slotsUsed: this.nextConst,
      entryDepth: trace.entryDepth,
      known: this.known,
      entryChecks: this.entryChecks,
      entryValues: this.entryValues,
    };
  }

  /** Constants, the resume switch, then the body; labels and exits resolved. */
  private assemble(): NativeTrace {
    const builder = new NativeTraceBuilder();
    const exitLabels = this.exits.map((e) => builder.exit(EXIT_NAMES[e.reason]));
    const prologue = [...this.constUops];
    const offset = prologue.length + 1;
    const resolve = (t: Target | null) =>
      t === null ? undefined : "exit" in t ? exitLabels[t.exit] : this.labels[t.label] + offset;
    for (const u of prologue) builder.op(u.op, { a: u.a, operand: u.operand });
    builder.op("JUMP_IF_TRUE", { b: this.resumeSlot, target: this.labels[this.topLabel] + offset });
    for (const u of this.uops) {
      builder.op(u.op, { a: u.a, b: u.b, c: u.c, operand: u.operand, target: resolve(u.target) });
    }
    return builder.finish();
  }

  // ---- what rules use

  /** The range iterator the loop iterates (the entry's top stack value), or a decline. */
  rangeIterator(): { cur: number; left: number; step: number } {
    const it = this.peek();
    if (
      it === undefined || it.slot !== -this.trace.entryDepth || this.st.stack.length !== this.trace.entryDepth
    ) {
      throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "an iterator other than the loop's");
    }
    this.iterated = true;
    return { cur: this.curSlot, left: this.leftSlot, step: this.stepSlot };
  }
  emitUop(op: string, fields: Partial<Omit<PendingUop, "op">>): void {
    this.emit(op, fields);
  }
  guardedUop(op: string, reason: string | null, ins: Ins, fields: Partial<Omit<PendingUop, "op">>): void {
    this.guarded(op, reason, ins, fields);
  }
  constValue(i: number): NVal {
    const c = this.trace.code.consts[i];
    if (typeof c === "number") return { slot: this.constInt(BigInt(c)), k: KIND_INT };
    if (typeof c === "bigint" && c >= -(2n ** 63n) && c < 2n ** 63n) {
      return { slot: this.constInt(c), k: KIND_INT };
    }
    if (typeof c === "boolean") return { slot: this.constInt(c ? 1n : 0n), k: KIND_BOOL };
    if (c instanceof PyFloat && c.cls === floatType) return { slot: this.constFloat(c.value), k: KIND_FLOAT };
    throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "a constant that is not a number");
  }
  get stack(): NVal[] {
    return this.st.stack;
  }
  /**
   * A value read from a global or a module attribute (`read` reads it from the frame, once
   * `layout` holds). A number is read on entry into a slot of its own (rebinding the global to
   * another number keeps the trace); any other object is known by identity, checked on entry.
   */
  readValue(
    value: PyValue,
    key: string,
    layout: (f: Frame) => boolean,
    read: (f: Frame) => PyValue | undefined,
  ): NVal {
    const k = typeof value === "number"
      ? KIND_INT
      : typeof value === "boolean"
      ? KIND_BOOL
      : value instanceof PyFloat && value.cls === floatType
      ? KIND_FLOAT
      : KIND_BOX;
    if (k === KIND_BOX) {
      this.checkOnEntry(`is ${key}`, (f) => layout(f) && read(f) === value);
      return this.knownVal(value);
    }
    this.checkOnEntry(`layout ${key}`, layout);
    let entry = this.entryValues.find((e) => e.key === key);
    if (entry === undefined) {
      const slot = this.nextConst++;
      if (slot >= this.slotLimit) throw new Decline(NATIVE_FALLBACK.TOO_MANY_SLOTS, "globals");
      entry = { key, read, slot, kind: k };
      this.entryValues.push(entry);
    }
    if (entry.kind !== k) throw new Decline(NATIVE_FALLBACK.KIND_CHANGES, key);
    return { slot: entry.slot, k };
  }
  private checkOnEntry(key: string, holds: (f: Frame) => boolean): void {
    if (this.checked.has(key)) return;
    this.checked.add(key);
    this.entryChecks.push(holds);
  }
  knownVal(value: unknown): NVal {
    let i = this.known.indexOf(value);
    if (i < 0) i = this.known.push(value) - 1;
    return { slot: KNOWN_BASE - i, k: KIND_BOX };
  }
  /** The object a known stack value is, or undefined. */
  knownOf(v: NVal | undefined): { value: unknown } | undefined {
    return v !== undefined && v.slot <= KNOWN_BASE ? { value: this.known[KNOWN_BASE - v.slot] } : undefined;
  }
  get code(): PyCode {
    return this.trace.code;
  }
}

/** Exit reason names by id. */
const EXIT_NAMES: readonly string[] = Object.keys(EXIT_REASON_IDS).sort((x, y) =>
  EXIT_REASON_IDS[x] - EXIT_REASON_IDS[y]
);

// ---- the rules

type Rule = (lw: Lowerer, ins: Ins) => void;

const nothing: Rule = () => {};

/** BINARY_OP in any form: the operands' proven kinds choose the native operation. */
const binaryOp: Rule = (lw, ins) => {
  const o = ins.oparg % INT_BINARY.length;
  const r = lw.numeric(lw.peek(1), "a boxed operand");
  const l = lw.numeric(lw.peek(2), "a boxed operand");
  if (l.k === KIND_BOOL || r.k === KIND_BOOL) {
    throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "arithmetic on a bool");
  }
  const ints = l.k === KIND_INT && r.k === KIND_INT;
  const rule = (ints ? INT_BINARY : FLOAT_BINARY)[o];
  if (rule === null) throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, `${ins.name} ${o}`);
  const a = lw.resultSlot(2);
  const immediate = ints && rule.uop === "ADD_I64" ? lw.constIntOf(r.slot) : undefined;
  if (immediate !== undefined) {
    lw.guardedUop("ADD_I64_IMM", rule.exit, ins, { a, b: l.slot, operand: immediate });
  } else if (ints) {
    lw.guardedUop(rule.uop, rule.exit, ins, { a, b: l.slot, c: r.slot });
  } else {
    const b = lw.asFloat(l, 0);
    const c = lw.asFloat(r, 1);
    lw.guardedUop(rule.uop, rule.exit, ins, { a, b, c });
  }
  lw.pop();
  lw.pop();
  lw.push({ slot: a, k: rule.result });
};

/** COMPARE_OP in any form, on ints and floats. */
const compareOp: Rule = (lw, ins) => {
  const r = lw.numeric(lw.peek(1), "a boxed operand");
  const l = lw.numeric(lw.peek(2), "a boxed operand");
  let uop: string;
  let [b, c] = [l.slot, r.slot];
  if (l.k === KIND_INT && r.k === KIND_INT) uop = INT_COMPARE[ins.oparg];
  else if (l.k === KIND_BOOL || r.k === KIND_BOOL) {
    throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "a comparison with a bool");
  } else {
    // Python compares an int with a float exactly: the int goes to float64 only where that is exact
    // (|int| <= 2**53, as int / 1 checks), else the interpreter compares.
    uop = FLOAT_COMPARE[ins.oparg];
    if (l.k === KIND_INT) b = lw.exactFloat(l.slot, 0, ins);
    if (r.k === KIND_INT) c = lw.exactFloat(r.slot, 1, ins);
  }
  if (uop === undefined) throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, `COMPARE_OP ${ins.oparg}`);
  const a = lw.resultSlot(2);
  lw.emitUop(uop, { a, b, c });
  lw.pop();
  lw.pop();
  lw.push({ slot: a, k: KIND_BOOL });
};

/** A conditional jump: which way the recorded path went after it. */
const jumpIf = (jumpOnTrue: boolean): Rule => (lw, ins) => {
  const after = ins.opUnit + 1 + CACHE_SIZE[ins.opcode];
  lw.branch(ins, jumpOnTrue, ins.next === after + ins.oparg);
};

/** POP_JUMP_IF_NONE / _NOT_NONE: a number is never None, so the jump's way is known. */
const jumpIfNone = (jumpOnNone: boolean): Rule => (lw, ins) => {
  lw.numeric(lw.peek(), "a boxed value tested for None");
  const after = ins.opUnit + 1 + CACHE_SIZE[ins.opcode];
  const taken = ins.next === after + ins.oparg;
  if (taken !== !jumpOnNone) throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "a number was None");
  lw.pop();
};

/** FOR_ITER over the loop's range iterator: next value, or the loop ends (an exit). */
const forIterRange: Rule = (lw, ins) => {
  const it = lw.rangeIterator();
  const next = lw.scratchSlot(0);
  lw.emitUop("JUMP_IF_GE_I64", {
    b: lw.constInt(0n),
    c: it.left,
    target: lw.exitHere("LOOP_END", ins.start, { loopEnd: true }),
  });
  lw.guardedUop("ADD_I64", "INT_OVERFLOW", ins, { a: next, b: it.cur, c: it.step });
  // (left >= 1 here: its guard never fires.)
  lw.guardedUop("ADD_I64_IMM", "GUARD_FAILED", ins, { a: it.left, b: it.left, operand: -1n });
  const v = lw.resultSlot(0);
  lw.copy(v, it.cur, KIND_INT);
  lw.copy(it.cur, next, KIND_INT);
  lw.push({ slot: v, k: KIND_INT });
};

/** A generic FOR_ITER form: natively only where the recorded iterator was a range's. */
const forIterOverRange: Rule = (lw, ins) => {
  if (ins.rec.iterClass !== rangeIteratorType) {
    throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "FOR_ITER over another iterator");
  }
  forIterRange(lw, ins);
};

const unaryNegative: Rule = (lw, ins) => {
  const v = lw.numeric(lw.peek(), "a boxed operand");
  const a = lw.resultSlot(1);
  if (v.k === KIND_INT) lw.guardedUop("NEG_I64", "INT_OVERFLOW", ins, { a, b: v.slot });
  else if (v.k === KIND_FLOAT) lw.emitUop("NEG_F64", { a, b: v.slot });
  else throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "-bool");
  lw.pop();
  lw.push({ slot: a, k: v.k });
};

const unaryNot: Rule = (lw) => {
  const v = lw.numeric(lw.peek(), "a boxed operand");
  const a = lw.resultSlot(1);
  if (v.k === KIND_FLOAT) lw.emitUop("EQ_F64", { a, b: v.slot, c: lw.constFloat(0) });
  else lw.emitUop("EQ_I64", { a, b: v.slot, c: lw.constInt(0n) });
  lw.pop();
  lw.push({ slot: a, k: KIND_BOOL });
};

/** LOAD_GLOBAL_MODULE / _BUILTIN: the value the frame's globals hold (a number read on entry). */
const loadGlobal: Rule = (lw, ins) => {
  const env = lw.env;
  if (env === null) throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "a global");
  const cells = CACHE_CELL.LOAD_GLOBAL;
  const at = (cell: number) => ins.opUnit + 1 + cell;
  const code = lw.code;
  const keys = code.cacheRef[at(cells.keys)];
  const index = code.cacheIndex[at(cells.index)];
  if (env.globals.keys !== keys) throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "a global moved");
  let value: PyValue;
  let layout: (f: Frame) => boolean;
  let read: (f: Frame) => PyValue | undefined;
  if (ins.name === "LOAD_GLOBAL_MODULE") {
    value = env.globals.values[index] as PyValue;
    layout = (f) => f.globals.keys === keys;
    read = (f) => f.globals.values[index] as PyValue;
  } else {
    const count = code.cacheIndex[at(cells.keys)];
    const builtinKeys = code.cacheRef[at(cells.builtinKeys)];
    if (env.globals.keys.length !== count || env.builtins.keys !== builtinKeys) {
      throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "a builtin moved");
    }
    value = env.builtins.values[index] as PyValue;
    layout = (f) =>
      f.globals.keys === keys && f.globals.keys.length === count && f.builtins.keys === builtinKeys;
    read = (f) => f.builtins.values[index] as PyValue;
  }
  if (value === undefined || value === DELETED) {
    throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "a deleted global");
  }
  lw.push(lw.readValue(value, `${ins.name} ${index}`, layout, read));
  if (ins.oparg & 1) lw.push(lw.knownVal(null));
};

/** LOAD_ATTR (any form) on a known module: the attribute's value (a number read on entry). */
const loadModuleAttr: Rule = (lw, ins) => {
  const owner = lw.knownOf(lw.peek());
  const module = owner?.value as PyValue | undefined;
  if (typeof module !== "object" || module === null || module.cls !== moduleType || module.dict === null) {
    throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "an attribute of an object");
  }
  const name = lw.code.names[ins.oparg >> 1];
  const dict = module.dict;
  const value = dict.getStr(name);
  if (value === undefined) throw new Decline(NATIVE_FALLBACK.BOXED_VALUE, "a missing attribute");
  lw.pop();
  lw.push(
    lw.readValue(value, `attr ${lw.known.indexOf(module)} ${name}`, () => true, () => dict.getStr(name)),
  );
  if (ins.oparg & 1) lw.push(lw.knownVal(null));
};

/** A call of a builtin whose work one native uop does (math.sqrt…, declared beside it: `nativeUop`). */
interface CallRule {
  readonly exit: string | null;
  readonly result: Kind;
}
const NATIVE_CALLS: Readonly<Record<string, CallRule>> = {
  SQRT_F64: { exit: "MATH_DOMAIN", result: KIND_FLOAT },
  ABS_F64: { exit: null, result: KIND_FLOAT },
  FLOOR_F64: { exit: "MATH_DOMAIN", result: KIND_INT },
};

const callBuiltin: Rule = (lw, ins) => {
  const n = ins.oparg;
  const stack = lw.stack;
  const callable = lw.knownOf(stack[stack.length - n - 2])?.value;
  const self = lw.knownOf(stack[stack.length - n - 1]);
  const uop = callable instanceof PyBuiltinFunction ? callable.nativeUop : undefined;
  if (uop === undefined || self === undefined || self.value !== null || n !== 1) {
    throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "a call of a function without a native uop");
  }
  const rule = NATIVE_CALLS[uop];
  const arg = lw.numeric(lw.peek(), "a boxed argument");
  if (arg.k === KIND_BOOL) throw new Decline(NATIVE_FALLBACK.UNSUPPORTED_OPERATION, "a bool argument");
  let result: NVal;
  if (uop === "FLOOR_F64" && arg.k === KIND_INT) result = arg; // math.floor of an int is the int
  else {
    const a = lw.resultSlot(n + 2);
    lw.guardedUop(uop, rule.exit, ins, { a, b: lw.asFloat(arg, 0) });
    result = { slot: a, k: rule.result };
  }
  for (let i = 0; i < n + 2; i++) lw.pop();
  lw.push(result);
};

/** One rule per instruction form (or, where every form lowers alike, per family). */
const RULES: Readonly<Record<string, Rule>> = {
  NOP: nothing,
  RESUME: nothing,
  CACHE: nothing,
  JUMP_FORWARD: nothing,
  // The closing back-edge: the path's end (pathEnd) does its work.
  JUMP_BACKWARD: nothing,
  JUMP_BACKWARD_NO_INTERRUPT: nothing,
  LOAD_FAST: (lw, ins) => {
    lw.ensureLocal(ins.oparg, ins.rec);
    lw.pushLocal(ins.oparg);
  },
  LOAD_FAST_CHECK: (lw, ins) => RULES.LOAD_FAST(lw, ins),
  LOAD_FAST_LOAD_FAST: (lw, ins) => {
    lw.ensureLocal(ins.oparg >> 4, ins.rec);
    lw.ensureLocal(ins.oparg & 15, ins.rec);
    lw.pushLocal(ins.oparg >> 4);
    lw.pushLocal(ins.oparg & 15);
  },
  STORE_FAST: (lw, ins) => lw.storeLocal(ins.oparg),
  LOAD_CONST: (lw, ins) => lw.push(lw.constValue(ins.oparg)),
  POP_TOP: (lw) => void lw.pop(),
  COPY: (lw, ins) => lw.push(lw.peek(ins.oparg)),
  SWAP: (lw, ins) => {
    const stack = lw.stack;
    const top = stack.length - 1;
    [stack[top], stack[top - ins.oparg + 1]] = [stack[top - ins.oparg + 1], stack[top]];
  },
  FOR_ITER_RANGE: forIterRange,
  // A generic form recorded over a range iterator (the executor checks on entry that it is one).
  FOR_ITER_ADAPTIVE: forIterOverRange,
  FOR_ITER: forIterOverRange,
  UNARY_NEGATIVE: unaryNegative,
  UNARY_NOT: unaryNot,
  PUSH_NULL: (lw) => lw.push(lw.knownVal(null)),
  LOAD_GLOBAL_MODULE: loadGlobal,
  LOAD_GLOBAL_BUILTIN: loadGlobal,
};

/** Families every form of which lowers alike (the operands' proven kinds decide, not the form). */
const FAMILY_RULES: Readonly<Record<string, Rule>> = {
  BINARY_OP: binaryOp,
  COMPARE_OP: compareOp,
  LOAD_ATTR: loadModuleAttr,
  CALL: callBuiltin,
  POP_JUMP_IF_FALSE: jumpIf(false),
  POP_JUMP_IF_TRUE: jumpIf(true),
  POP_JUMP_IF_NONE: jumpIfNone(true),
  POP_JUMP_IF_NOT_NONE: jumpIfNone(false),
};

/** Slots a native frame offers by default (see NativeJit's state buffer). */
export const NATIVE_SLOT_LIMIT = 1024;

/**
 * Lowers a recorded loop with its side paths (by branch key, as the JavaScript backend keys them)
 * to native uops, or says why not.
 */
export function lowerNative(
  trace: Trace,
  sides: ReadonlyMap<string, readonly RecordedInstruction[]> = new Map(),
  env: LoweringEnvironment | null = null,
  slotLimit = NATIVE_SLOT_LIMIT,
): NativeLowerResult {
  try {
    const lowering = new Lowerer(trace, sides, slotLimit, env).lowerLoop();
    return { lowering, reason: null, detail: "" };
  } catch (e) {
    if (e instanceof Decline) return { lowering: null, reason: e.reason, detail: e.message };
    throw e;
  }
}

/** The code a trace belongs to (re-exported for the executor's messages). */
export type { PyCode };
