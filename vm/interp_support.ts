/**
 * What the interpreter's instructions call outside their bodies: slow paths (frame set-up for
 * calls, builtin calls, cache fills, attribute and global lookups that missed), exception
 * unwinding, and the helpers of the rarely-hot instructions. In: the loop's state passed as
 * arguments (frames, the value array, the stack pointer, cache positions). Out: values, new stack
 * pointers, frames to continue in.
 *
 * The bodies themselves are in the instruction definition (vm/bytecodes.ts); the loop that runs
 * them is generated from it (vm/generated/interp_loop.ts). Fast paths stay in the bodies, slow paths
 * live here, so that the loop function stays small enough for V8 to optimize early.
 *
 * @example
 * ```ts
 * import { compareValues } from "./interp_support.ts";
 * console.log(compareValues(1, 2, 0)); // true (1 < 2)
 * ```
 * @module
 */
import {
  FUNC_ANNOTATIONS,
  FUNC_CLOSURE,
  FUNC_DEFAULTS,
  FUNC_KWDEFAULTS,
  INTRINSIC_IMPORT_STAR,
  INTRINSIC_LIST_TO_TUPLE,
  INTRINSIC_PRINT,
  INTRINSIC_STOPITERATION_ERROR,
  INTRINSIC_UNARY_POSITIVE,
} from "../instructions/opargs.ts";
import { BINARY_OPS } from "../instructions/operators.ts";
import { OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";
import { backoffCounter, countdownOf } from "./counters.ts";
import { CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS, type PyCode } from "../objects/code.ts";
import {
  acquireFrame,
  type Frame,
  FRAME_DONE,
  FRAME_RUNNING,
  FRAME_SUSPENDED,
  type Slot,
  threadState,
} from "./frame.ts";
import { bindFrame, PyFunction } from "./function.ts";
import { getAwaitable, PyGenerator } from "./generator.ts";
import { importStar } from "./import.ts";
import { sysAttr } from "./import_state.ts";
import {
  boolType,
  builtinFunctionType,
  bytearrayType,
  bytesType,
  DELETED,
  dictType,
  Exc,
  floatType,
  frozensetType,
  functionType,
  intType,
  isInstance,
  listType,
  methodDescriptorType,
  methodType,
  newException,
  newObject,
  None,
  NotImplemented,
  objectType,
  ownAttr,
  PyBaseException,
  PyBuiltinFunction,
  type PyCell,
  PyDict,
  type PyFloat,
  PyList,
  type PyMethod,
  type PyMethodDescriptor,
  PyObject,
  PySet,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  rangeType,
  setType,
  strType,
  tupleType,
  TYPE_HEAP,
  typeOf,
  typeType,
} from "../objects/object.ts";
import {
  call,
  callMethod,
  callMethod0,
  compareNumbers,
  compareOp,
  delItem,
  genericGetAttr,
  getAttr,
  getAttrOrUndefined,
  getItem,
  getIter,
  hasSurrogates,
  isExceptionOf,
  iterNext,
  repr,
  setItem,
  strValueOf,
  toArray,
  unaryPositive,
} from "../objects/ops.ts";
import { prepareForRun } from "./tier.ts";
import { callCountdown, checkAtCall } from "./interrupts.ts";
import { PyTraceback } from "./traceback.ts";
import { objectNew } from "../objects/types/type.ts";
import { toPyException } from "./errors.ts";

/** Code whose call makes a generator or coroutine object instead of running a frame. */
export const SUSPENDABLE = CO_GENERATOR | CO_COROUTINE;

/** The generic instruction of every opcode (itself for generic ones). */
export const GENERIC_OF: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => OPCODES[i]?.generic ?? i);

/**
 * Counters the loop keeps across its invocations: back-edges taken (JUMP_BACKWARD renews the
 * frame's value array every 256th; counted across invocations, so that a generator resumed once
 * per value by a builtin such as sum() still gets its array renewed).
 */
export const loopCounters = { backEdges: 0 };

/**
 * Per opcode, 1 for the conditional jumps that jump when their condition is true (the
 * POP_JUMP_IF_TRUE variants and the compare-and-jump superinstructions ending in one): the variants
 * of both senses share their cases.
 */
export const JUMP_ON_TRUE: Uint8Array = Uint8Array.from(
  { length: 256 },
  (_, i) => OPCODES[i] !== undefined && /POP_JUMP_IF_TRUE/.test(OPCODES[i].name) ? 1 : 0,
);

/** Per opcode: executions and guard misses (counted by `runWithStats`), deoptimizations. */
export const opcodeStats = {
  executed: new Float64Array(256),
  misses: new Float64Array(256),
  /** Per adaptive opcode: specialized forms of its family that went back to it. */
  deopts: new Float64Array(256),
};

/**
 * Shown every instruction `runWithStats` runs, before it runs, with the code unit after its opcode
 * (the JIT's trace recorder). Returning true stops the loop there: the observer has saved the
 * frame's `ip` and `sp`, and `runWithStats` returns OBSERVER_STOP.
 */
export const loopObserver: {
  observe: ((f: Frame, ip: number, opcode: number, oparg: number, sp: number) => boolean) | null;
} = { observe: null };

/** What `runWithStats` returns when the loop observer stopped it (never a Python value). */
export const OBSERVER_STOP: PyValue = new PyTuple([]);

/**
 * A specialized instruction (`variant`, at code unit `here`) had a guard fail: one miss less on
 * its counter; when none are left it turns back into its family's adaptive form, which waits with
 * a longer backoff before specializing again. Returns the generic instruction the caller then
 * runs this once.
 */
export function deoptimize(code: PyCode, here: number, variant: number): number {
  const c = here + 1;
  const counter = code.cacheIndex[c] - 1;
  if (countdownOf(counter) > 0) code.cacheIndex[c] = counter;
  else {
    const adaptive = ADAPTIVE_OF[variant];
    const bc = code.code;
    code.cacheIndex[c] = backoffCounter(counter);
    bc[here] = (bc[here] & 0xff00) | adaptive;
    opcodeStats.deopts[adaptive]++;
    // A plain instruction the specializer fused with this one (LOAD_FAST__LOAD_ATTR_SLOT) is
    // plain again.
    const prev = here - 1;
    if (prev >= 0 && UNFUSED[bc[prev] & 0xff] !== 0) {
      bc[prev] = (bc[prev] & 0xff00) | UNFUSED[bc[prev] & 0xff];
    }
  }
  return GENERIC_OF[variant];
}

/** For a superinstruction of a plain instruction and a variant: the plain one (else 0). */
const UNFUSED: Uint8Array = (() => {
  const out = new Uint8Array(256);
  for (const s of SUPERINSTRUCTIONS) {
    const first = OPCODES.find((r) => r?.name === s.first)!,
      second = OPCODES.find((r) => r?.name === s.second)!;
    if (second.kind === "variant" && first.adaptive < 0) {
      out[OPCODES.find((r) => r?.name === s.name)!.code] = first.code;
    }
  }
  return out;
})();

/** The adaptive form of every opcode's family (for the variants and their superinstructions). */
const ADAPTIVE_OF: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => {
  const generic = OPCODES[i]?.generic;
  return generic === undefined ? 0 : Math.max(OPCODES[generic].adaptive, 0);
});

/** Counters for `--stats`. */
export const interpStats = { frames: 0 };

/**
 * CALL_FUNCTION_EX's arguments: `callable(*callargs, **kwargs)` as the function to run (a bound
 * method's function, self first among the arguments), the positional then keyword values, and
 * the keyword names.
 */
export function spreadCallArgs(
  callable: PyValue,
  callargs: PyValue,
  kwargs: PyDict | null,
): { target: PyValue; args: PyValue[]; kwnames: string[] | null } {
  const args = callargs instanceof PyTuple ? callargs.items.slice() : starArgs(callable, callargs);
  let kwnames: string[] | null = null;
  if (kwargs !== null && kwargs.size > 0) {
    kwnames = [];
    const keys = kwargs.keys, values = kwargs.values;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === DELETED) continue;
      if (typeof k !== "string") raise(Exc.TypeError, "keywords must be strings");
      kwnames.push(k);
      args.push(values[i]);
    }
  }
  let target = callable;
  if (typeof target === "object" && target.cls === methodType) {
    args.unshift((target as PyMethod).self);
    target = (target as PyMethod).func;
  }
  return { target, args, kwnames };
}

/**
 * The generic LOAD_ATTR: `owner.name` replaces the owner on the stack; for a method load (`method`,
 * oparg bit 0) [function, self] when the attribute is a plain method of the type (no bound method
 * is made), else [value, NULL]. Returns the new stack pointer.
 */
export function loadAttrGeneric(s: Slot[], sp: number, name: string, method: boolean): number {
  const owner = s[sp - 1] as PyValue;
  if (method) {
    const t = typeOf(owner);
    const getattro = t.tp_getattro;
    if (getattro === genericGetAttr || getattro === null) {
      const descr = t.lookup(name);
      if (descr !== undefined && typeof descr === "object") {
        const dt = descr.cls;
        if (
          (dt === functionType || dt === methodDescriptorType) &&
          (typeof owner !== "object" || ownAttr(owner, name) === undefined)
        ) {
          s[sp - 1] = descr;
          s[sp++] = owner;
          return sp;
        }
      }
    }
    s[sp - 1] = getAttr(owner, name);
    s[sp++] = null;
    return sp;
  }
  s[sp - 1] = getAttr(owner, name);
  return sp;
}

/**
 * `container[start:stop]` for a str without surrogates, an exact list or an exact tuple with
 * int-or-None bounds (Python's clamping), without a slice object; undefined for anything else.
 */
export function simpleSlice(container: PyValue, start: PyValue, stop: PyValue): PyValue | undefined {
  if (
    (typeof start !== "number" && start !== None) || (typeof stop !== "number" && stop !== None)
  ) return undefined;
  let n: number;
  if (typeof container === "string") {
    if (hasSurrogates(container)) return undefined;
    n = container.length;
  } else if (typeof container === "object" && (container.cls === listType || container.cls === tupleType)) {
    n = (container as PyList).items.length;
  } else return undefined;
  const clamp = (v: number) => v < 0 ? Math.max(0, v + n) : Math.min(v, n);
  const lo = start === None ? 0 : clamp(start as number);
  const hi = stop === None ? n : clamp(stop as number);
  if (typeof container === "string") return lo < hi ? container.slice(lo, hi) : "";
  const items = lo < hi ? (container as PyList).items.slice(lo, hi) : [];
  return container.cls === listType ? new PyList(items) : new PyTuple(items);
}

/**
 * The frame CALL runs in the loop for `callable` with the arguments at s[argStart..argStart+nargs)
 * (self first for a method) when CALL did not bind it itself: a Python function that is not a
 * generator, or a class whose
 * `__init__` is one (the instance is made here, CPython 3.13's CALL_ALLOC_AND_ENTER_INIT, and
 * RETURN pushes it). Null for anything else.
 */
export function frameForCall(
  callable: PyValue,
  self: Slot,
  s: Slot[],
  argStart: number,
  nargs: number,
  kwnames: string[] | null,
): Frame | null {
  if (typeof callable !== "object") return null;
  const ctype = callable.cls;
  if (ctype === functionType) {
    // (A plain positional call, nargs === code.simpleArgcount, CALL binds itself.)
    const func = callable as PyFunction;
    if ((func.code.flags & SUSPENDABLE) !== 0) return null;
    return bindFrame(func, s.slice(argStart, argStart + nargs) as PyValue[], kwnames);
  }
  if (ctype !== typeType || self !== null) return null;
  const init = inlineInit(callable as PyType);
  if (init === null) return null;
  const obj = objectNew(callable as PyType, [], null);
  const icode = init.code;
  let frame: Frame;
  if (kwnames === null && nargs + 1 === icode.simpleArgcount) {
    frame = acquireFrame(icode, init.globals, init.builtins, init);
    const fv = frame.values;
    fv[0] = obj;
    for (let i = 0; i < nargs; i++) fv[i + 1] = s[argStart + i];
  } else {
    const args = s.slice(argStart - 1, argStart + nargs) as PyValue[];
    args[0] = obj;
    frame = bindFrame(init, args, kwnames);
  }
  frame.returnMode = RETURN_TO_INIT;
  frame.initSelf = obj;
  return frame;
}

/**
 * The bookkeeping of entering `frame` from `caller` (which resumes at `ip` with `sp`): the
 * recursion limit, the frame chain and the tier's first-run hook. The loop then loads its
 * locals from `frame`.
 */
export function enterFrame(caller: Frame, frame: Frame, sp: number, ip: number): void {
  const ts = threadState;
  if (ts.depth >= ts.recursionLimit) raise(Exc.RecursionError, "maximum recursion depth exceeded");
  // Ctrl-C and budgets reach code that recurses without loops too.
  if (--callCountdown.left === 0) checkAtCall();
  ts.depth++;
  caller.sp = sp;
  caller.ip = ip;
  frame.back = caller;
  frame.state = FRAME_RUNNING;
  const fcode = frame.code;
  if (!fcode.prepared) prepareForRun(fcode);
  ts.frame = frame;
}

/**
 * CALL of anything the loop does not run as a frame: a builtin (through its fixed-arity entry
 * point when it has one, without an args array), or call() for the rest. The value of the call.
 */
export function callOther(
  callable: PyValue,
  self: Slot,
  s: Slot[],
  argStart: number,
  nargs: number,
  kwnames: string[] | null,
): PyValue {
  // Type checks by `cls` (one load) rather than instanceof (a prototype walk).
  const ctype = typeof callable === "object" ? callable.cls : null;
  if (kwnames === null && nargs <= 3) {
    // len(x), lst.append(x), lst.pop(), range(n): a builtin's fixed-arity entry point.
    const native = ctype === methodDescriptorType && self !== null
      ? callable as PyMethodDescriptor
      : ctype === builtinFunctionType && (callable as PyBuiltinFunction).self === null
      ? callable as PyBuiltinFunction
      : ctype === typeType && self === null
      ? callable as PyType
      : null;
    if (native !== null) {
      if (nargs === 1 && native.call1 !== null) return native.call1(s[argStart] as PyValue);
      if (nargs === 2 && native.call2 !== null) {
        return native.call2(s[argStart] as PyValue, s[argStart + 1] as PyValue);
      }
      if (nargs === 3 && native.call3 !== null) {
        return native.call3(s[argStart] as PyValue, s[argStart + 1] as PyValue, s[argStart + 2] as PyValue);
      }
    }
  }
  const args = s.slice(argStart, argStart + nargs) as PyValue[];
  if (ctype === methodDescriptorType && self !== null) {
    // A builtin method found on self's type by LOAD_ATTR: self is an instance already.
    return (callable as PyMethodDescriptor).fn(args, kwnames);
  }
  return ctype === builtinFunctionType && (callable as PyBuiltinFunction).self === null
    ? (callable as PyBuiltinFunction).fn(args, kwnames)
    : call(callable, args, kwnames);
}

// ---------------------------------------------------------------------------------------------
// Exceptions: conversion, context, unwinding

/** COMPARE_OP's `a OP b`: ints and floats compared here, anything else by compareOp. */
export function compareValues(a: PyValue, b: PyValue, op: number): PyValue {
  if (typeof a === "number" && typeof b === "number") return compareNumbers(a, b, op);
  if (typeof a === "object" && typeof b === "object" && a.cls === floatType && b.cls === floatType) {
    return compareNumbers((a as PyFloat).value, (b as PyFloat).value, op);
  }
  return compareOp(a, b, op);
}

/** Frame.returnMode: how a frame run inside the loop hands control back to the frame below. */
export const RETURN_TO_CALL = 0,
  RETURN_TO_FOR_ITER = 1,
  RETURN_TO_SEND = 2,
  RETURN_TO_INIT = 3,
  RETURN_TO_BINARY_OP = 4;

/**
 * The Python function `a.__op__` when `a OP b` can start by running it as a frame of the loop:
 * a plain function of two positional parameters, and b's type not a subclass of a's (whose
 * reflected method would have to go first). Else null (binaryOp does the whole protocol).
 */
export function inlineDunder(ta: PyType, tb: PyType, op: number): PyFunction | null {
  if (ta !== tb && tb.isSubtypeOf(ta)) return null;
  const f = ta.lookup(BINARY_OPS[op].dunder);
  if (!(f instanceof PyFunction) || f.cls !== functionType) return null;
  const code = f.code;
  if (code.argcount !== 2 || (code.flags & (SUSPENDABLE | CO_VARARGS | CO_VARKEYWORDS)) !== 0) return null;
  if (code.kwonlyargcount !== 0) return null;
  return f;
}

/** The rest of `a OP b` after a.__op__(b) returned NotImplemented: b.__rop__(a), else TypeError. */
export function reflectedBinaryOp(a: PyValue, b: PyValue, op: number): PyValue {
  const info = BINARY_OPS[op];
  const ta = typeOf(a), tb = typeOf(b);
  if (ta !== tb) {
    const rf = tb.lookup(info.reflected);
    if (rf !== undefined) {
      const r = callMethod(rf, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  return raise(
    Exc.TypeError,
    `unsupported operand type(s) for ${info.symbol}: '${ta.name}' and '${tb.name}'`,
  );
}

let objectNewFunction: PyValue | undefined;
/**
 * `__init__` of class `cls` when calling the class can run as a frame of this loop: a plain
 * class (metatype `type`, object's `__new__`) whose `__init__` is a Python function. Else null.
 */
export function inlineInit(cls: PyType): PyFunction | null {
  if ((cls.flags & TYPE_HEAP) === 0) return null;
  const init = cls.lookup("__init__");
  if (!(init instanceof PyFunction) || (init.code.flags & SUSPENDABLE) !== 0) return null;
  objectNewFunction ??= objectType.attrs.get("__new__");
  if (cls.lookup("__new__") !== objectNewFunction) return null;
  return init;
}

/**
 * Starts or resumes generator `gen` as a frame of this loop on top of `caller` (FOR_ITER or SEND),
 * sending `value` in. On return the caller continues `jump` code units past its saved ip.
 */
export function enterGenerator(
  caller: Frame,
  gen: PyGenerator,
  value: PyValue,
  mode: number,
  jump: number,
): void {
  const gf = gen.frame;
  if (threadState.depth >= threadState.recursionLimit) {
    raise(Exc.RecursionError, "maximum recursion depth exceeded");
  }
  threadState.depth++;
  if (gf.state === FRAME_SUSPENDED) gf.values[gf.sp++] = value;
  if (!gf.code.prepared) prepareForRun(gf.code);
  gf.back = caller;
  gf.state = FRAME_RUNNING;
  gf.returnMode = mode;
  gf.returnJump = jump;
  gf.savedExc = threadState.excInfo;
  if (gen.excState !== None) threadState.excInfo = gen.excState;
}

/** A generator run by enterGenerator yields (value undefined), returns or raises. */
export function leaveGenerator(gf: Frame, returned: PyValue | undefined): void {
  const gen = gf.generator as PyGenerator;
  if (returned !== undefined) gen.returnValue = returned;
  const outer = gf.savedExc;
  gen.excState = gf.state === FRAME_SUSPENDED && threadState.excInfo !== outer ? threadState.excInfo : None;
  threadState.excInfo = outer;
  gf.returnMode = RETURN_TO_CALL;
  gf.returnJump = 0;
}

/** Sets `exc.__context__` to the exception being handled (breaking cycles, as CPython). */
export function setContext(exc: PyBaseException): void {
  const handled = threadState.excInfo;
  if (handled === None || handled === exc || !(handled instanceof PyBaseException)) return;
  // Avoid a cycle: cut exc out of handled's context chain.
  let o: PyBaseException = handled;
  for (let guard = 0; guard < 10000; guard++) {
    const ctx = o.context;
    if (!(ctx instanceof PyBaseException)) break;
    if (ctx === exc) {
      o.context = None;
      break;
    }
    o = ctx;
  }
  exc.context = handled;
}

/**
 * Finds the handler for `e` raised in `f` (its `ip` just past the failing instruction), popping
 * frames pushed by this run() down to `entry`; returns the frame to continue in (ip/sp set), or
 * throws the exception out of `entry`.
 */
/** The code unit of the instruction that `unit` belongs to (stepping back over CACHE units, 0s). */
function instructionStart(bc: Uint16Array, unit: number): number {
  while (unit > 0 && bc[unit] === 0) unit--;
  return unit;
}

export function unwind(entry: Frame, f: Frame, e: unknown, reraise: boolean): Frame {
  let exc = toPyException(e);
  let frame = f;
  if (!reraise) {
    // Raised by this frame's instruction itself: the entry names the instruction (tb_lasti), not
    // the last of its cache units, which the loop has stepped over (CPython raises before it
    // does). Raised in a callee: after the call's caches, where the caller will continue.
    let at = frame.ip - 1;
    if (exc.traceback === None) {
      setContext(exc);
      at = instructionStart(frame.code.code, at);
    }
    exc.traceback = new PyTraceback(exc.traceback, frame.code, at, frame.globals, frame.builtins);
  }
  for (;;) {
    const code = frame.code;
    const where = frame.ip - 1;
    const h = code.handlerAt(where);
    if (h >= 0) {
      const t = code.exceptionTable;
      let sp = code.nlocalsplus + t[h + 3];
      if (t[h + 4]) frame.values[sp++] = where;
      frame.values[sp++] = exc;
      frame.sp = sp;
      frame.ip = t[h + 2];
      return frame;
    }
    frame.state = FRAME_DONE;
    if (frame === entry) throw exc;
    const mode = frame.returnMode;
    if (mode === RETURN_TO_FOR_ITER || mode === RETURN_TO_SEND) {
      // An inlined generator raised: as PyGenerator.resume, StopIteration becomes RuntimeError.
      leaveGenerator(frame, undefined);
      if (exc.cls === Exc.StopIteration || exc.cls.isSubtypeOf(Exc.StopIteration)) {
        const err = newException(Exc.RuntimeError, ["generator raised StopIteration"]);
        err.cause = exc;
        err.context = exc;
        err.suppressContext = true;
        err.traceback = exc.traceback;
        exc = err;
      }
    }
    threadState.depth--;
    frame = frame.back!;
    exc.traceback = new PyTraceback(exc.traceback, frame.code, frame.ip - 1, frame.globals, frame.builtins);
  }
}

export function makeRaise(value: PyValue, cause: PyValue | undefined): PyBaseException {
  const exc = instantiateException(value, "exceptions must derive from BaseException");
  if (cause !== undefined) {
    if (cause === None) exc.cause = None;
    else exc.cause = instantiateException(cause, "exception causes must derive from BaseException");
    exc.suppressContext = true;
  }
  setContext(exc);
  return exc;
}

export function instantiateException(v: PyValue, message: string): PyBaseException {
  if (v instanceof PyType && v.isSubtypeOf(Exc.BaseException)) {
    const made = call(v, [], null);
    if (!(made instanceof PyBaseException)) {
      raise(
        Exc.TypeError,
        `calling ${repr(v)} should have returned an instance of BaseException, not ${typeOf(made).name}`,
      );
    }
    return made;
  }
  if (v instanceof PyBaseException) return v;
  return raise(Exc.TypeError, message);
}

export function exceptionMatches(exc: PyValue, type: PyValue): boolean {
  checkExceptType(type);
  const t = typeOf(exc);
  if (type instanceof PyTuple) {
    for (const x of type.items) if (t.isSubtypeOf(x as PyType)) return true;
    return false;
  }
  return t.isSubtypeOf(type as PyType);
}

export function checkExceptType(type: PyValue): void {
  const ok = (t: PyValue) => t instanceof PyType && t.isSubtypeOf(Exc.BaseException);
  if (type instanceof PyTuple ? type.items.every(ok) : ok(type)) return;
  raise(Exc.TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

/** CHECK_EG_MATCH: [rest, match] of splitting `exc` by `type` (match None when nothing matches). */
export function exceptionGroupMatch(exc: PyValue, type: PyValue): [PyValue, PyValue] {
  checkExceptType(type);
  const isGroupType = (t: PyValue) => t instanceof PyType && t.isSubtypeOf(Exc.BaseExceptionGroup);
  if (type instanceof PyTuple ? type.items.some(isGroupType) : isGroupType(type)) {
    raise(Exc.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
  }
  if (exceptionMatches(exc, type)) {
    if (isInstance(exc, Exc.BaseExceptionGroup)) return [None, exc];
    // A naked exception matched: wrap it in a group, as CPython does.
    const groupType = isInstance(exc, Exc.Exception) ? Exc.ExceptionGroup : Exc.BaseExceptionGroup;
    const group = call(groupType, ["", new PyList([exc])], null) as PyBaseException;
    if (exc instanceof PyBaseException) group.traceback = exc.traceback;
    return [None, group];
  }
  if (!isInstance(exc, Exc.BaseExceptionGroup)) return [exc, None];
  const split = call(getAttr(exc, "split"), [type], null) as PyTuple;
  const [match, rest] = split.items;
  if (match === None) return [exc, None];
  return [rest, match];
}

/** CALL_INTRINSIC_2 PREP_RERAISE_STAR: what an except* statement re-raises, or None. */
export function prepReraiseStar(orig: PyValue, list: PyValue): PyValue {
  const items = (list as PyList).items.filter((x) => x !== None);
  if (items.length === 0) return None;
  if (items.length === 1) return items[0];
  const raised = items.filter((x) => !isPartOf(x, orig));
  const kept = items.filter((x) => isPartOf(x, orig));
  if (raised.length === 0) {
    const rest = call(getAttr(orig, "derive"), [new PyList(kept.flatMap(leaves))], null);
    return rest;
  }
  return call(Exc.ExceptionGroup, ["", new PyList(items)], null);
}

export function leaves(x: PyValue): PyValue[] {
  if (isInstance(x, Exc.BaseExceptionGroup)) {
    return toArray(getAttr(x, "exceptions")).flatMap(leaves);
  }
  return [x];
}

export function isPartOf(x: PyValue, group: PyValue): boolean {
  if (x === group) return true;
  const mine = leaves(group);
  return leaves(x).every((l) => mine.includes(l));
}

// ---------------------------------------------------------------------------------------------
// Names

export function unboundLocal(code: PyCode, slot: number): never {
  raise(
    Exc.UnboundLocalError,
    `cannot access local variable '${code.localsplusNames[slot]}' where it is not associated with a value`,
  );
}

export function unboundDeref(code: PyCode, slot: number): never {
  const name = code.localsplusNames[slot];
  if (slot >= code.nlocalsplus - code.freevars.length) {
    raise(
      Exc.NameError,
      `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
    );
  }
  unboundLocal(code, slot);
}

export function nameError(name: string): never {
  const e = newException(Exc.NameError, [`name '${name}' is not defined`]);
  e.dict = new PyDict();
  e.dict.setStr("name", name);
  throw e;
}

export function loadBuiltin(f: Frame, name: string): PyValue {
  const v = f.builtins.getStr(name);
  if (v === undefined) nameError(name);
  return v;
}

export function loadGlobal(f: Frame, name: string): PyValue {
  const v = f.globals.getStr(name);
  return v !== undefined ? v : loadBuiltin(f, name);
}

export function getItemOrUndefined(mapping: PyValue, key: PyValue): PyValue | undefined {
  try {
    return getItem(mapping, key);
  } catch (e) {
    if (isExceptionOf(e, Exc.KeyError)) return undefined;
    throw e;
  }
}

export function loadName(f: Frame, name: string): PyValue {
  const locals = f.locals;
  if (locals !== null) {
    const v = locals.cls === dictType ? locals.getStr(name) : getItemOrUndefined(locals, name);
    if (v !== undefined) return v;
  }
  return loadGlobal(f, name);
}

/** STORE_NAME: `name = value` in the frame's locals (a module's globals, a class body's namespace). */
export function storeName(f: Frame, name: string, value: PyValue): void {
  const locals = f.locals;
  if (locals === null) raise(Exc.SystemError, `no locals found when storing '${name}'`);
  if (locals.cls === dictType) locals.setStr(name, value);
  else setItem(locals, name, value);
}

export function deleteName(f: Frame, name: string): void {
  const locals = f.locals;
  if (locals === null) raise(Exc.SystemError, `no locals when deleting '${name}'`);
  if (locals.cls === dictType) {
    if (locals.delete(name) === undefined) nameError(name);
  } else delItem(locals, name);
}

// ---------------------------------------------------------------------------------------------
// Slow paths of individual instructions

export function intrinsic1(f: Frame, which: number, v: PyValue): PyValue {
  switch (which) {
    case INTRINSIC_PRINT: { // an expression statement in `single` mode (the REPL): sys.displayhook
      const hook = sysAttr("displayhook");
      if (hook === undefined) raise(Exc.RuntimeError, "lost sys.displayhook");
      call(hook, [v]);
      return None;
    }
    case INTRINSIC_IMPORT_STAR:
      importStar(v, f.locals ?? f.globals);
      return None;
    case INTRINSIC_STOPITERATION_ERROR:
      return v;
    case INTRINSIC_UNARY_POSITIVE:
      return typeof v === "number" ? v : unaryPositive(v);
    case INTRINSIC_LIST_TO_TUPLE:
      if (v instanceof PyList && v.cls === listType) return new PyTuple(v.items);
      if (v instanceof PyTuple && v.cls === tupleType) return v;
      return new PyTuple(toArray(v));
  }
  return raise(Exc.SystemError, `unknown intrinsic ${which}`);
}

export function listExtend(list: PyList, v: PyValue): void {
  if (v instanceof PyList || v instanceof PyTuple) {
    const items = v.items;
    for (let i = 0; i < items.length; i++) list.items.push(items[i]);
    return;
  }
  try {
    getIter(v);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError) && !(v instanceof PyObject && v.cls.lookup("__iter__"))) {
      raise(Exc.TypeError, `Value after * must be an iterable, not ${typeOf(v).name}`);
    }
    throw e;
  }
  for (const x of toArray(v)) list.items.push(x);
}

/** The positional arguments of `f(*v)` (CPython's check_args_iterable message). */
export function starArgs(f: PyValue, v: PyValue): PyValue[] {
  if (
    typeof v === "object" && v.cls.tp_iter === null && v.cls.lookup("__iter__") === undefined &&
    v.cls.lookup("__getitem__") === undefined
  ) {
    raise(Exc.TypeError, `${funcDescription(f)} argument after * must be an iterable, not ${typeOf(v).name}`);
  }
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    raise(Exc.TypeError, `${funcDescription(f)} argument after * must be an iterable, not ${typeOf(v).name}`);
  }
  return toArray(v);
}

/** `callable` for messages such as "f() argument after ** must be a mapping" (_PyObject_FunctionStr). */
export function funcDescription(f: PyValue): string {
  if (f instanceof PyFunction) {
    const mod = f.module;
    return typeof mod === "string" && mod !== "builtins" ? `${mod}.${f.qualname}()` : `${f.qualname}()`;
  }
  if (f instanceof PyBuiltinFunction) return `${f.name}()`;
  if (f instanceof PyType) return `${f.name}()`;
  return `${typeOf(f).name} object`;
}

/** DICT_UPDATE (callable null) and DICT_MERGE (duplicate keys are an error naming the callable). */
export function dictUpdate(d: PyDict, v: PyValue, callable: PyValue | null): void {
  let keys: PyValue[];
  let get: (k: PyValue) => PyValue;
  if (v instanceof PyDict) {
    keys = v.keyList();
    get = (k) => v.get(k)!;
  } else {
    const keysMethod = getAttrOrUndefined(v, "keys");
    if (keysMethod === undefined) {
      if (callable !== null) {
        raise(
          Exc.TypeError,
          `${funcDescription(callable)} argument after ** must be a mapping, not ${typeOf(v).name}`,
        );
      }
      raise(Exc.TypeError, `'${typeOf(v).name}' object is not a mapping`);
    }
    keys = toArray(call(keysMethod, [], null));
    get = (k) => getItem(v, k);
  }
  for (const k of keys) {
    if (callable !== null) {
      if (typeof k !== "string") {
        raise(Exc.TypeError, `${funcDescription(callable)} keywords must be strings`);
      }
      if (d.has(k)) {
        raise(Exc.TypeError, `${funcDescription(callable)} got multiple values for keyword argument '${k}'`);
      }
    }
    d.set(k, get(k));
  }
}

/** UNPACK_SEQUENCE's stack work: the top of the stack `s` replaced by its `n` items, last first. */
export function unpackSequence(s: Slot[], sp: number, n: number): number {
  const items = unpackedItems(s[--sp] as PyValue, n);
  for (let i = n - 1; i >= 0; i--) s[sp++] = items[i];
  return sp;
}

/** The `n` items of `v` for `a, b = v` (the trace's unpacking too), or the error CPython raises. */
export function unpackedItems(v: PyValue, n: number): PyValue[] {
  let items: PyValue[];
  if (v instanceof PyTuple || v instanceof PyList) items = v.items;
  else {
    let it: PyValue;
    try {
      it = getIter(v);
    } catch (e) {
      if (isExceptionOf(e, Exc.TypeError)) {
        raise(Exc.TypeError, `cannot unpack non-iterable ${typeOf(v).name} object`);
      }
      throw e;
    }
    items = [];
    for (;;) {
      const x = iterNext(it);
      if (x === undefined) break;
      items.push(x);
      if (items.length > n) break;
    }
  }
  if (items.length < n) {
    raise(Exc.ValueError, `not enough values to unpack (expected ${n}, got ${items.length})`);
  }
  if (items.length > n) raise(Exc.ValueError, `too many values to unpack (expected ${n})`);
  return items;
}

// The building instructions' work on values taken off the stack (the interpreter's cases and the
// JIT's traces call these).

/** BUILD_SET: a set of `items`, added in order. */
export function buildSet(items: ArrayLike<Slot>, from: number, to: number): PySet {
  const set = new PySet();
  for (let i = from; i < to; i++) set.add(items[i] as PyValue);
  return set;
}

/** BUILD_MAP: a dict of the key, value pairs laid out flat in `items[from..to)`. */
export function buildMap(items: ArrayLike<Slot>, from: number, to: number): PyDict {
  const d = new PyDict();
  for (let i = from; i < to; i += 2) d.set(items[i] as PyValue, items[i + 1] as PyValue);
  return d;
}

/** BUILD_CONST_KEY_MAP: a dict of `keys` and the values `items[from..from + keys.length)`. */
export function buildConstKeyMap(keys: PyTuple, items: ArrayLike<Slot>, from: number): PyDict {
  const d = new PyDict();
  const k = keys.items;
  for (let i = 0; i < k.length; i++) d.set(k[i], items[from + i] as PyValue);
  return d;
}

/** BUILD_STRING: the f-string's parts `items[from..to)` joined. */
export function buildString(items: ArrayLike<Slot>, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) {
    const part = items[i] as PyValue;
    // A field whose __format__ returned a str subclass instance holds that object.
    out += typeof part === "string" ? part : strValueOf(part)!;
  }
  return out;
}

export function unpackEx(s: Slot[], sp: number, arg: number): number {
  const before = arg & 0xff, after = arg >> 8;
  const v = s[--sp] as PyValue;
  let items: PyValue[];
  try {
    items = toArray(v);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError) && !(v instanceof PyObject && v.cls.lookup("__iter__"))) {
      raise(Exc.TypeError, `cannot unpack non-iterable ${typeOf(v).name} object`);
    }
    throw e;
  }
  if (items.length < before + after) {
    raise(
      Exc.ValueError,
      `not enough values to unpack (expected at least ${before + after}, got ${items.length})`,
    );
  }
  const middle = new PyList(items.slice(before, items.length - after));
  for (let i = items.length - 1; i >= items.length - after; i--) s[sp++] = items[i];
  s[sp++] = middle;
  for (let i = before - 1; i >= 0; i--) s[sp++] = items[i];
  return sp;
}

export function setFunctionAttribute(func: PyFunction, flag: number, v: PyValue): void {
  switch (flag) {
    case FUNC_DEFAULTS:
      func.defaults = (v as PyTuple).items;
      return;
    case FUNC_KWDEFAULTS:
      func.kwdefaults = v as PyDict;
      return;
    case FUNC_ANNOTATIONS:
      func.annotations = v;
      return;
    case FUNC_CLOSURE:
      func.closure = (v as PyTuple).items as PyCell[];
      return;
  }
}

/** SEND: [value, done] — a generator receiver is resumed directly, keeping its return value. */
export function send(receiver: PyValue, v: PyValue): { value: PyValue; done: boolean } {
  if (receiver instanceof PyGenerator) {
    const r = receiver.resume(v, null);
    return { value: r, done: receiver.finished };
  }
  if (v === None) {
    const slot = typeOf(receiver).tp_iternext;
    if (slot !== null) {
      try {
        const r = slot(receiver);
        return r === undefined ? { value: None, done: true } : { value: r, done: false };
      } catch (e) {
        if (isExceptionOf(e, Exc.StopIteration)) return { value: e.value, done: true };
        throw e;
      }
    }
  }
  try {
    return { value: call(getAttr(receiver, "send"), [v], null), done: false };
  } catch (e) {
    if (isExceptionOf(e, Exc.StopIteration)) return { value: e.value, done: true };
    throw e;
  }
}

export function asyncWithMethods(mgr: PyValue): [PyValue, PyValue] {
  const t = typeOf(mgr);
  const enter = t.lookup("__aenter__");
  const exit = t.lookup("__aexit__");
  if (enter === undefined || exit === undefined) {
    raise(Exc.TypeError, `'${t.name}' object does not support the asynchronous context manager protocol`);
  }
  const get = typeOf(exit).tp_descr_get;
  return [get !== null ? get(exit, mgr, t) : exit, enter];
}

/** GET_AITER: `v.__aiter__()`. */
export function getAsyncIter(v: PyValue): PyValue {
  const t = typeOf(v);
  const f = t.lookup("__aiter__");
  if (f === undefined) {
    raise(Exc.TypeError, `'async for' requires an object with __aiter__ method, got ${t.name}`);
  }
  const it = callMethod0(f, v);
  if (typeOf(it).lookup("__anext__") === undefined) {
    raise(
      Exc.TypeError,
      `'async for' received an object from __aiter__ that does not implement __anext__: ${typeOf(it).name}`,
    );
  }
  return it;
}

/** GET_ANEXT: the awaitable iterator of `aiter.__anext__()`. */
export function getAsyncNext(aiter: PyValue): PyValue {
  const f = typeOf(aiter).lookup("__anext__");
  if (f === undefined) {
    raise(Exc.TypeError, `'async for' requires an iterator with __anext__ method, got ${typeOf(aiter).name}`);
  }
  const awaitable = callMethod0(f, aiter);
  try {
    return getAwaitable(awaitable);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) {
      raise(
        Exc.TypeError,
        `'async for' received an invalid object from __anext__: ${typeOf(awaitable).name}`,
      );
    }
    throw e;
  }
}

export function withMethods(mgr: PyValue): [PyValue, PyValue] {
  const t = typeOf(mgr);
  const enter = t.lookup("__enter__");
  const exit = t.lookup("__exit__");
  if (enter === undefined || exit === undefined) {
    raise(Exc.TypeError, `'${t.name}' object does not support the context manager protocol`);
  }
  const get = typeOf(exit).tp_descr_get;
  return [get !== null ? get(exit, mgr, t) : exit, enter];
}

// ---------------------------------------------------------------------------------------------
// Pattern matching

const MATCH_SELF_TYPES = (): PyType[] => [
  boolType,
  bytearrayType,
  bytesType,
  dictType,
  floatType,
  frozensetType,
  intType,
  listType,
  setType,
  strType,
  tupleType,
];

export function matchClass(subject: PyValue, cls: PyValue, nargs: number, kwNames: string[]): PyValue {
  if (!(cls instanceof PyType)) raise(Exc.TypeError, "called match pattern must be a class");
  if (!isInstance(subject, cls)) return None;
  const out: PyValue[] = [];
  const seen: string[] = [];
  if (nargs > 0) {
    const matchArgs = getAttrOrUndefined(cls, "__match_args__");
    if (matchArgs === undefined) {
      const selfMatch = MATCH_SELF_TYPES().some((t) => cls.isSubtypeOf(t));
      if (selfMatch && nargs === 1) out.push(subject);
      else {
        raise(Exc.TypeError, `${cls.name}() accepts 0 positional sub-patterns (${nargs} given)`);
      }
    } else {
      if (!(matchArgs instanceof PyTuple)) {
        raise(Exc.TypeError, `${cls.name}.__match_args__ must be a tuple (got ${typeOf(matchArgs).name})`);
      }
      if (nargs > matchArgs.items.length) {
        const n = matchArgs.items.length;
        raise(
          Exc.TypeError,
          `${cls.name}() accepts ${n} positional sub-pattern${n === 1 ? "" : "s"} (${nargs} given)`,
        );
      }
      for (let i = 0; i < nargs; i++) {
        const name = matchArgs.items[i];
        if (typeof name !== "string") {
          raise(Exc.TypeError, `__match_args__ elements must be strings (got ${typeOf(name).name})`);
        }
        const v = getAttrOrUndefined(subject, name);
        if (v === undefined) return None;
        seen.push(name);
        out.push(v);
      }
    }
  }
  for (const name of kwNames) {
    if (seen.includes(name)) {
      raise(Exc.TypeError, `${cls.name}() got multiple sub-patterns for attribute '${name}'`);
    }
    seen.push(name);
    const v = getAttrOrUndefined(subject, name);
    if (v === undefined) return None;
    out.push(v);
  }
  return new PyTuple(out);
}

export function isMapping(v: PyValue): boolean {
  return v instanceof PyDict || (v instanceof PyObject && v.cls.isSubtypeOf(dictType));
}

export function isSequence(v: PyValue): boolean {
  if (typeof v !== "object") return false;
  const t = v.cls;
  return t.isSubtypeOf(listType) || t.isSubtypeOf(tupleType) || t.isSubtypeOf(rangeType);
}

export function matchKeys(subject: PyValue, keys: PyTuple): PyValue {
  const out: PyValue[] = [];
  const seen: PyValue[] = [];
  for (const k of keys.items) {
    if (seen.some((x) => x === k)) raise(Exc.ValueError, `mapping pattern checks duplicate key (${repr(k)})`);
    seen.push(k);
    let v: PyValue | undefined;
    if (subject instanceof PyDict && subject.cls === dictType) v = subject.get(k);
    else {
      const get = getAttr(subject, "get");
      const dummy = newObject(intType);
      const r = call(get, [k, dummy], null);
      v = r === dummy ? undefined : r;
    }
    if (v === undefined) return None;
    out.push(v);
  }
  return new PyTuple(out);
}
