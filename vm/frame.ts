/**
 * Frames and the interpreter's thread state: a code object + its globals → an activation record
 * that every tier executes (locals, cells and the value stack in ONE JS array), and the global
 * state the tiers share (current frame, call depth and recursion limit, the exception being
 * handled).
 *
 * `values` layout: slots [0, code.nlocalsplus) are the locals, then the cells, then the free
 * variables (PyCell objects), then the value stack. `undefined` = an unbound local; `null` = the
 * NULL that CALL expects below its arguments (never a Python value).
 *
 * @example
 * ```ts
 * import { Frame } from "./frame.ts";
 * // const f = new Frame(code, globals, builtins, null, null);
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import { None, type PyDict, type PyValue } from "../objects/object.ts";
import { sharedThreadState } from "../objects/recursion.ts";

/** A stack or local slot: a value, NULL (`null`) or unbound (`undefined`). */
export type Slot = PyValue | null | undefined;

/** Frame.state values. */
export const FRAME_CREATED = 0, FRAME_RUNNING = 1, FRAME_SUSPENDED = 2, FRAME_DONE = 3;

/** One activation of a code object. */
export class Frame {
  declare code: PyCode;
  declare globals: PyDict;
  declare builtins: PyDict;
  /** The namespace of module and class bodies (LOAD_NAME / STORE_NAME), else null. */
  declare locals: PyDict | null;
  /** The function being run (null for module and exec code). */
  declare func: PyValue | null;
  declare values: Slot[];
  /** Stack pointer (index of the next free slot) while the frame is not running. */
  declare sp: number;
  /** Next code unit to execute while the frame is not running. */
  declare ip: number;
  /** The caller (the frame below this one on the Python stack). */
  declare back: Frame | null;
  declare state: number;
  /** The generator object owning this frame, if any. */
  declare generator: PyValue | null;
  /** How returning hands control to `back` when run inside its loop (interp.ts RETURN_TO_*). */
  declare returnMode: number;
  /** Code units the frame below skips when this frame returns (FOR_ITER/SEND exits). */
  declare returnJump: number;
  /** A generator frame run inside the loop: the exception being handled below it. */
  declare savedExc: PyValue;
  /** An `__init__` frame run by a class call in the loop: the new instance (the call's value). */
  declare initSelf: PyValue;
  /** Times acquireFrame handed this frame out again (it renews `values` every 64th time). */
  declare reuses: number;
  constructor(code: PyCode, globals: PyDict, builtins: PyDict, locals: PyDict | null, func: PyValue | null) {
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
    this.func = func;
    this.values = freshValues(code);
    this.reuses = 0;
    this.sp = code.nlocalsplus;
    this.ip = 0;
    this.back = null;
    this.state = FRAME_CREATED;
    this.generator = null;
    this.returnMode = 0;
    this.returnJump = 0;
    this.savedExc = None;
    this.initSelf = None;
  }

  /** The source line being executed (of the last instruction started). */
  get lineno(): number {
    return this.code.lineAt(this.ip > 0 ? this.ip - 1 : 0);
  }
}

/** A frame's locals and value stack, every slot unbound (undefined). */
export function freshValues(code: PyCode): Slot[] {
  const n = code.nlocalsplus + code.stacksize + 1;
  const values: Slot[] = new Array(n);
  for (let i = 0; i < n; i++) values[i] = undefined;
  return values;
}

/**
 * Frames kept per code object for reuse (recursion deeper than this allocates). 8 was too few:
 * most calls of a recursive function happen deep in its call tree (fib(35) is 35 deep), and each
 * allocated frame also costs write barriers (recursion benchmark 11% faster with 64).
 */
const FRAME_POOL_SIZE = 64;

/** A frame for calling a function whose code is `code`: a recycled one when available. */
export function acquireFrame(code: PyCode, globals: PyDict, builtins: PyDict, func: PyValue): Frame {
  const pool = code.framePool as Frame[];
  if (pool.length > 0) {
    const frame = pool.pop()!;
    // Now and then a fresh (young) value array instead of the reused one, which V8 has moved to
    // its old generation: storing a young object (a new float, tuple, bound method) into an old
    // array takes V8's old-to-new write barrier, which costs more than the stored value's own
    // allocation. Every use would cost an allocation per call (int-only code got 12% slower).
    if ((++frame.reuses & 63) === 0) frame.values = freshValues(code);
    frame.globals = globals;
    frame.builtins = builtins;
    frame.func = func;
    return frame;
  }
  return new Frame(code, globals, builtins, null, func);
}

/**
 * Keeps a finished function frame for the next call of its code. Only for frames nothing else
 * refers to: not generator frames, not module or class bodies.
 */
export function releaseFrame(f: Frame): void {
  const code = f.code;
  const pool = code.framePool;
  if (pool.length >= FRAME_POOL_SIZE || f.locals !== null || f.generator !== null) return;
  // Locals must read as unbound. Stack slots are always written before they are read, but a
  // popped temporary stays in its slot: cleared too, or a pooled frame would keep, until its code's
  // next call, what the call returned from (`return len([x] * 10**7)` holds the list).
  const values = f.values;
  for (let i = 0; i < values.length; i++) values[i] = undefined;
  f.back = null;
  f.sp = code.nlocalsplus;
  f.ip = 0;
  f.returnMode = 0;
  f.returnJump = 0;
  f.initSelf = None;
  f.state = FRAME_CREATED;
  pool.push(f);
}

/** The interpreter's global state (one thread): objects/recursion.ts's, with its frame typed. */
export const threadState: {
  /** The innermost running frame. */
  frame: Frame | null;
  /** Python frames on the stack, plus the running C-level sites of objects/recursion.ts. */
  depth: number;
  /** sys.getrecursionlimit(). */
  recursionLimit: number;
  /** The exception currently being handled (sys.exc_info()[1]) or None. */
  excInfo: PyValue;
} = sharedThreadState as typeof sharedThreadState & { frame: Frame | null };
