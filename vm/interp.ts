/**
 * The tier-1 interpreter: a frame → the value it returns (or yields), executing the generic
 * instructions of instructions/opcodes.ts.
 *
 * Shape of the loop (designed for V8): one `switch` over small-integer opcodes read from the
 * code object's Uint16Array; locals and the value stack in the frame's one JS array; the loop's
 * state in local variables; fast paths (int + int, comparisons of ints, list iteration, truth of
 * bools) inline and everything else in functions of objects/ops.ts or below the loop. Python-to-Python
 * calls do not recurse in JS: CALL pushes the callee's frame and the loop continues in it, and
 * RETURN_VALUE pops back (as CPython 3.11 does), so deep Python recursion costs no JS stack.
 * One try/catch around the loop: a raised exception is looked up in the exception table of the
 * frame (and its callers, popping frames) and execution continues at the handler.
 *
 * Keep `run` small. V8 optimizes a function only after it has run about (its bytecode length ×
 * a constant) bytecodes, and starts counting again whenever one of its inline caches changes, so
 * every byte in `run` delays the moment a program's loop runs optimized (18.9 KB took programs
 * up to a second of their time; ~9 KB now). Instructions a hot loop rarely runs live in
 * runColdInstruction, and slow paths (frame set-up, builtin calls, cache misses) in functions
 * below the loop. Two more V8 costs the loop works around: the superinstruction cases
 * (vm/superinstructions.ts) save a dispatch each, and JUMP_BACKWARD and acquireFrame renew value
 * arrays so that storing new objects into them skips the old-to-new write barrier.
 *
 * The `case` labels are the opcode numbers as literals (V8 builds a jump table only for literal
 * cases); interp_test.ts checks each against the opcode table by the name in its comment.
 *
 * @example
 * ```ts
 * import { interpTier } from "./interp.ts";
 * import { setCurrentTier } from "./tier.ts";
 * setCurrentTier(interpTier);
 * ```
 * @module
 */
import { BINARY_OPS } from "../instructions/operators.ts";
import { CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS, type PyCode } from "../objects/code.ts";
import { OPCODES } from "../instructions/opcodes.ts";
import {
  acquireFrame,
  type Frame,
  FRAME_CREATED,
  FRAME_DONE,
  FRAME_RUNNING,
  FRAME_SUSPENDED,
  releaseFrame,
  type Slot,
  threadState,
} from "./frame.ts";
import { bindFrame, PyFunction } from "./function.ts";
import { generatorType, getAwaitable, PyGenerator } from "./generator.ts";
import { importFrom, importName, importStar } from "./import.ts";
import {
  boolType,
  builtinFunctionType,
  bytearrayType,
  bytesType,
  DELETED,
  dictType,
  EMPTY_TUPLE,
  Exc,
  floatType,
  frozensetType,
  functionType,
  intType,
  isInstance,
  listType,
  memberDescriptorType,
  methodDescriptorType,
  methodType,
  newException,
  newObject,
  None,
  NotImplemented,
  objectType,
  PyBaseException,
  PyBuiltinFunction,
  PyCell,
  PyDict,
  PyFloat,
  PyInstance,
  PyList,
  PyMemberDescriptor,
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
  binaryOp,
  buildSlice,
  call,
  callMethod,
  callMethod0,
  compareOp,
  contains,
  delAttr,
  delItem,
  floatBinary,
  genericGetAttr,
  getAttr,
  getAttrOrUndefined,
  getItem,
  getIter,
  hasSurrogates,
  isExceptionOf,
  isTrue,
  iterNext,
  len,
  repr,
  setAttr,
  setItem,
  str,
  strValueOf,
  toArray,
  unaryInvert,
  unaryNegative,
  unaryPositive,
} from "../objects/ops.ts";
import { currentTier, NEVER_HOT, type Tier } from "./tier.ts";
import { PyTraceback } from "./traceback.ts";
import { objectNew } from "../objects/types/type.ts";
import { setUpdate } from "../objects/types/set.ts";
import { type PyRangeIterator, rangeIteratorType } from "../objects/types/iterators.ts";
import { writeStdout } from "../objects/stdio.ts";
import { quicken } from "./superinstructions.ts";
import { toPyException } from "./errors.ts";
import { formatObject } from "../objects/format.ts";
import { asciiRepr } from "../objects/repr.ts";

/** Code whose call makes a generator or coroutine object instead of running a frame. */
const SUSPENDABLE = CO_GENERATOR | CO_COROUTINE;

/** The generic instruction of every opcode (itself for generic ones). */
const GENERIC_OF: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => OPCODES[i]?.generic ?? i);

/** Loop back-edges taken (JUMP_BACKWARD renews the frame's value array every 256th). */
let backEdges = 0;

/** Counters for `--stats`. */
export const interpStats = { frames: 0 };

/** The tier-1 interpreter as a Tier. */
export const interpTier: Tier = {
  name: "interp",
  execute,
  prepareCode(code: PyCode): void {
    code.prepared = true;
    code.hotLoopCountdown = NEVER_HOT;
    quicken(code);
  },
  onHotLoop(frame: Frame): number {
    frame.code.hotLoopCountdown = NEVER_HOT;
    return -1;
  },
  stats(): string[] {
    return [`interp: ${interpStats.frames} frames entered from outside the loop`];
  },
};

/**
 * Runs `frame` (fresh, or a suspended generator frame, optionally throwing `throwing` into it)
 * until it returns or yields. Keeps the thread state (current frame, depth) balanced.
 */
export function execute(frame: Frame, throwing: PyValue | null): PyValue {
  const ts = threadState;
  const depth = ts.depth;
  if (depth >= ts.recursionLimit) raise(Exc.RecursionError, "maximum recursion depth exceeded");
  ts.depth = depth + 1;
  const prev = ts.frame;
  frame.back = prev;
  ts.frame = frame;
  if (!frame.code.prepared) currentTier.prepareCode(frame.code);
  frame.state = FRAME_RUNNING;
  try {
    return run(frame, throwing);
  } finally {
    ts.depth = depth;
    ts.frame = prev;
  }
}

function run(entry: Frame, throwing: PyValue | null): PyValue {
  let f = entry;
  let code = f.code;
  let bc = code.code;
  let consts = code.consts;
  let names = code.names;
  let s = f.values;
  let sp = f.sp;
  let ip = f.ip;
  let pending: PyValue | null = throwing;
  /** Set by RERAISE and bare `raise`: the exception keeps its traceback as is. */
  let reraising = false;
  interpStats.frames++;
  for (;;) {
    try {
      if (pending !== null) {
        const e = pending;
        pending = null;
        throw e;
      }
      for (;;) {
        const word = bc[ip++];
        let op = word & 0xff;
        let arg = word >> 8;
        while (op === 2 /* EXTENDED_ARG */) {
          const next = bc[ip++];
          op = next & 0xff;
          arg = (arg << 8) | (next >> 8);
        }
        switch (op) {
          case 0: /* CACHE */
          case 1: /* NOP */
          case 3: /* RESUME */
            break;
          case 4: /* POP_TOP */
            sp--;
            break;
          case 5: /* PUSH_NULL */
            s[sp++] = null;
            break;
          case 6: /* COPY */
            s[sp] = s[sp - arg];
            sp++;
            break;
          case 7: /* SWAP */ {
            const t = s[sp - 1];
            s[sp - 1] = s[sp - arg];
            s[sp - arg] = t;
            break;
          }
          case 8: /* LOAD_CONST */
            s[sp++] = consts[arg];
            break;
          case 9: /* RETURN_CONST */
          case 58: /* RETURN_VALUE */ {
            const v = op === 9 ? consts[arg] : s[--sp] as PyValue;
            f.state = FRAME_DONE;
            if (f === entry) return v;
            const mode = f.returnMode;
            const jump = f.returnJump;
            const initSelf = f.initSelf;
            if (mode === RETURN_TO_FOR_ITER || mode === RETURN_TO_SEND) leaveGenerator(f, v);
            const caller = f.back!;
            if (mode === RETURN_TO_CALL || mode === RETURN_TO_INIT || mode === RETURN_TO_BINARY_OP) {
              releaseFrame(f);
            }
            threadState.depth--;
            f = caller;
            threadState.frame = f;
            code = f.code;
            bc = code.code;
            consts = code.consts;
            names = code.names;
            s = f.values;
            sp = f.sp;
            ip = f.ip;
            if (mode === RETURN_TO_BINARY_OP) {
              const right = s[--sp] as PyValue;
              const left = s[--sp] as PyValue;
              s[sp++] = v === NotImplemented ? reflectedBinaryOp(left, right, bc[ip - 2] >> 8) : v;
            } else if (mode === RETURN_TO_INIT) {
              // The frame below called a class: the value of the call is the new instance.
              if (v !== None) raise(Exc.TypeError, `__init__() should return None, not '${typeOf(v).name}'`);
              s[sp++] = initSelf;
            } else if (mode !== RETURN_TO_FOR_ITER) s[sp++] = v;
            ip += jump;
            break;
          }
          case 10: /* LOAD_FAST */
          case 11: /* LOAD_FAST_CHECK */ {
            const v = s[arg];
            if (v === undefined) unboundLocal(code, arg);
            s[sp++] = v;
            break;
          }
          case 12: /* LOAD_FAST_AND_CLEAR */
            s[sp++] = s[arg];
            s[arg] = undefined;
            break;
          case 13: /* STORE_FAST */
            s[arg] = s[--sp];
            break;
          case 15: /* LOAD_CLOSURE */
            s[sp++] = s[arg];
            break;
          case 16: /* LOAD_DEREF */ {
            const v = (s[arg] as PyCell).value;
            if (v === undefined) unboundDeref(code, arg);
            s[sp++] = v;
            break;
          }
          case 17: /* STORE_DEREF */
            (s[arg] as PyCell).value = s[--sp] as PyValue;
            break;
          case 19: /* MAKE_CELL */
            s[arg] = new PyCell(s[arg] as PyValue | undefined);
            break;
          case 27: /* LOAD_GLOBAL */ {
            // Inline cache (cacheGlobal): the entry index of the name in globals, or in
            // builtins while globals' key array is the one that did not hold it.
            const c = ip;
            ip += 4;
            const name = names[arg >> 1];
            const at = code.cacheIndex[c];
            const g = f.globals;
            let v: PyValue | undefined;
            if (at > 0) {
              if (g.keys[at - 1] === name) v = g.values[at - 1];
            } else if (at < 0) {
              const gk = g.keys;
              const bk = f.builtins.keys;
              if (code.cacheRef[c] === gk && code.cacheIndex[c + 1] === gk.length && bk[-at - 1] === name) {
                v = f.builtins.values[-at - 1];
              }
            }
            if (v === undefined) v = cacheGlobal(f, name, c);
            s[sp++] = v;
            if (arg & 1) s[sp++] = null;
            break;
          }
          case 30: /* LOAD_ATTR */ {
            // Two-entry inline cache (cacheInstanceAttr, fillAttrCache): per entry a type version plus the
            // instance-dict entry index, the __slots__ index, or the method found on that type.
            const c = ip;
            ip += 4;
            const owner = s[sp - 1] as PyValue;
            if (typeof owner === "object") {
              const version = owner.cls.version;
              const e = version === code.cacheIndex[c + 1]
                ? c
                : version === code.cacheIndex[c + 3]
                ? c + 2
                : -1;
              if (e >= 0) {
                const d = owner.dict;
                const name = names[arg >> 1];
                if (arg & 1) {
                  if (d === null || d.getStr(name) === undefined) {
                    s[sp - 1] = code.cacheRef[e] as PyValue;
                    s[sp++] = owner;
                    break;
                  }
                } else {
                  const at = code.cacheIndex[e];
                  if (at >= 0) {
                    if (d !== null) {
                      // The type lets the instance dict win: a miss at the cached index is only
                      // another key order.
                      const v = d.keys[at] === name ? d.values[at] : d.getStr(name);
                      if (v !== undefined) {
                        s[sp - 1] = v;
                        break;
                      }
                    }
                  } else {
                    // A __slots__ member: the instance's slot array.
                    const slots = (owner as PyInstance).slots;
                    if (slots != null) {
                      const v = slots[-at - 1];
                      if (v !== undefined) {
                        s[sp - 1] = v;
                        break;
                      }
                    }
                  }
                }
              }
            }
            sp = loadAttrUncached(code, c, s, sp, arg);
            break;
          }
          case 31: /* STORE_ATTR */ {
            const c = ip;
            ip += 4;
            const owner = s[--sp] as PyValue;
            const v = s[--sp] as PyValue;
            if (typeof owner === "object") {
              const version = owner.cls.version;
              const e = version === code.cacheIndex[c + 1]
                ? c
                : version === code.cacheIndex[c + 3]
                ? c + 2
                : -1;
              if (e >= 0) {
                const at = code.cacheIndex[e];
                if (at >= 0) {
                  const d = owner.dict;
                  if (d !== null) {
                    const name = names[arg];
                    if (d.keys[at] === name) {
                      // An existing instance attribute: PyDict.setStr's update of an existing key.
                      d.values[at] = v;
                      d.version++;
                    } else d.setStr(name, v); // the type lets the instance dict take it
                    break;
                  }
                } else {
                  const slots = (owner as PyInstance).slots;
                  if (slots != null) {
                    slots[-at - 1] = v;
                    break;
                  }
                }
              }
            }
            setAttr(owner, names[arg], v);
            cacheInstanceAttr(code, c, owner, names[arg], true);
            break;
          }
          case 33: /* LOAD_SUPER_ATTR */ {
            ip += 1;
            const self = s[--sp] as PyValue;
            const cls = s[--sp] as PyValue;
            const sup = call(s[--sp] as PyValue, [cls, self], null);
            s[sp++] = getAttr(sup, names[arg >> 2]);
            if (arg & 1) s[sp++] = null;
            break;
          }
          case 34: /* UNARY_NEGATIVE */ {
            const v = s[sp - 1] as PyValue;
            s[sp - 1] = typeof v === "number" ? (v === 0 ? 0 : -v) : unaryNegative(v);
            break;
          }
          case 35: /* UNARY_NOT */ {
            const v = s[sp - 1] as PyValue;
            s[sp - 1] = typeof v === "boolean" ? !v : !isTrue(v);
            break;
          }
          case 37: /* BINARY_OP */ {
            const c = ip;
            ip += 1;
            const b = s[--sp] as PyValue;
            const a = s[sp - 1] as PyValue;
            if (typeof a === "number" && typeof b === "number") {
              // Small-int fast paths; anything that could overflow or needs Python rounding
              // rules goes to binaryOp.
              let r = NaN;
              switch (arg >= 13 ? arg - 13 : arg) {
                case 0: /* + */
                  r = a + b;
                  break;
                case 10: /* - */
                  r = a - b;
                  break;
                case 5: /* * */
                  r = a * b;
                  if (r === 0) r = 0; // never -0
                  break;
                case 1: /* & */
                  if ((a | 0) === a && (b | 0) === b) r = a & b;
                  break;
                case 7: /* | */
                  if ((a | 0) === a && (b | 0) === b) r = a | b;
                  break;
                case 12: /* ^ */
                  if ((a | 0) === a && (b | 0) === b) r = a ^ b;
                  break;
                case 9: /* >> */
                  if ((a | 0) === a && b >= 0 && b < 32) r = a >> b;
                  break;
                case 6: /* % */
                  if (b > 0 && a >= 0) r = a % b;
                  break;
                case 2: /* // */
                  if (b > 0 && a >= 0) r = Math.floor(a / b);
                  break;
              }
              if (r <= 9007199254740991 && r >= -9007199254740991) {
                s[sp - 1] = r;
                break;
              }
            } else if (typeof a === "object" && a.cls === floatType) {
              // float OP float / float OP int: the float kernels directly (binaryOp would test
              // the int case first and go through instanceof).
              const y = typeof b === "number"
                ? b
                : typeof b === "object" && b.cls === floatType
                ? (b as PyFloat).value
                : undefined;
              if (y !== undefined) {
                const x = (a as PyFloat).value;
                const o = arg >= 13 ? arg - 13 : arg;
                // + - * allocate their result right here (one allocation site V8 inlines into
                // this function); the rest go through floatBinary.
                if (o === 0 || o === 10 || o === 5) {
                  s[sp - 1] = new PyFloat(o === 0 ? x + y : o === 10 ? x - y : x * y);
                  break;
                }
                const r = floatBinary(x, y, o);
                if (r !== undefined) {
                  s[sp - 1] = r;
                  break;
                }
              }
            } else if (typeof a === "object" && (a.cls.flags & TYPE_HEAP) !== 0 && arg < 13) {
              const dunder = cachedDunder(code, c, a.cls, typeOf(b), arg);
              if (dunder !== null) {
                // a.__op__(b) of a Python class runs as a frame of this loop; a and b stay on
                // this frame's stack for the NotImplemented fallback (see RETURN_TO_BINARY_OP).
                sp++;
                const frame = acquireFrame(dunder.code, dunder.globals, dunder.builtins, dunder);
                frame.values[0] = a;
                frame.values[1] = b;
                frame.returnMode = RETURN_TO_BINARY_OP;
                enterFrame(f, frame, sp, ip);
                f = frame;
                code = f.code;
                bc = code.code;
                consts = code.consts;
                names = code.names;
                s = f.values;
                sp = code.nlocalsplus;
                ip = code.bodyStart;
                break;
              }
            }
            s[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case 38: /* BINARY_SUBSCR */ {
            ip += 1;
            const key = s[--sp] as PyValue;
            const container = s[sp - 1] as PyValue;
            if (typeof key === "number" && typeof container === "object") {
              // list[i] / tuple[i] in range, without a call.
              const ct = container.cls;
              if (ct === listType || ct === tupleType) {
                const items = (container as PyList).items;
                const i = key < 0 ? key + items.length : key;
                if (i >= 0 && i < items.length) {
                  s[sp - 1] = items[i];
                  break;
                }
              }
            }
            s[sp - 1] = getItem(container, key);
            break;
          }
          case 39: /* STORE_SUBSCR */ {
            ip += 1;
            const key = s[--sp] as PyValue;
            const container = s[--sp] as PyValue;
            const v = s[--sp] as PyValue;
            if (typeof key === "number" && typeof container === "object" && container.cls === listType) {
              const items = (container as PyList).items;
              const i = key < 0 ? key + items.length : key;
              if (i >= 0 && i < items.length) {
                items[i] = v;
                break;
              }
            }
            setItem(container, key, v);
            break;
          }
          case 43: /* COMPARE_OP */ {
            ip += 1;
            const b = s[--sp] as PyValue;
            s[sp - 1] = compareValues(s[sp - 1] as PyValue, b, arg);
            break;
          }
          case 113: /* LOAD_FAST__LOAD_ATTR */ {
            // A local's instance attribute, as LOAD_FAST then LOAD_ATTR's cache hit on an
            // instance dict; anything else pushes the local and lets LOAD_ATTR dispatch. (LOAD_ATTR's
            // hit path, copied on purpose: one helper for both measured raytrace 7% slower.)
            const owner = s[arg] as PyValue | undefined;
            if (owner === undefined) unboundLocal(code, arg);
            s[sp++] = owner;
            if (typeof owner === "object") {
              const word = bc[ip];
              const c = ip + 1;
              const version = owner.cls.version;
              const e = version === code.cacheIndex[c + 1]
                ? c
                : version === code.cacheIndex[c + 3]
                ? c + 2
                : -1;
              if (e >= 0) {
                const at = code.cacheIndex[e];
                const d = owner.dict;
                let v: PyValue | undefined;
                if (at >= 0) {
                  if (d !== null) {
                    const name = names[word >> 9];
                    v = d.keys[at] === name ? d.values[at] : d.getStr(name);
                  }
                } else {
                  const slots = (owner as PyInstance).slots;
                  if (slots != null) v = slots[-at - 1];
                }
                if (v !== undefined) {
                  s[sp - 1] = v;
                  ip = c + 4;
                }
              }
            }
            break;
          }
          case 114: /* STORE_FAST__LOAD_FAST */ {
            s[arg] = s[--sp];
            const local = bc[ip++] >> 8;
            const v = s[local];
            if (v === undefined) unboundLocal(code, local);
            s[sp++] = v;
            break;
          }
          case 115: /* COMPARE_OP__POP_JUMP_IF_FALSE */
          case 116: /* COMPARE_OP__POP_JUMP_IF_TRUE */ {
            // COMPARE_OP, then the branch on its bool without pushing it (a non-bool result is
            // pushed for the POP_JUMP_IF to test).
            ip += 1;
            const b = s[--sp] as PyValue;
            const r = compareValues(s[sp - 1] as PyValue, b, arg);
            if (typeof r === "boolean") {
              sp--;
              const jump = bc[ip++] >> 8;
              ip += r === (op === 116) ? 1 + jump : 1;
            } else s[sp - 1] = r;
            break;
          }
          case 44: /* IS_OP */ {
            const b = s[--sp];
            s[sp - 1] = (s[sp - 1] === b) !== (arg === 1);
            break;
          }
          case 45: /* CONTAINS_OP */ {
            ip += 1;
            const container = s[--sp] as PyValue;
            s[sp - 1] = contains(container, s[sp - 1] as PyValue) !== (arg === 1);
            break;
          }
          case 48: /* JUMP_FORWARD */
            ip += arg;
            break;
          case 49: /* JUMP_BACKWARD */
            ip += 1 - arg;
            if ((++backEdges & 255) === 0) {
              // A long-running frame's value array ends up in V8's old generation, and every
              // young object stored into it (each new float of a float loop) then takes the
              // old-to-new write barrier; a fresh copy now and then stays young (nbody 14% faster).
              s = s.slice();
              f.values = s;
            }
            if (--code.hotLoopCountdown === 0) {
              f.ip = ip;
              f.sp = sp;
              const resume = currentTier.onHotLoop(f, ip);
              if (resume >= 0) {
                ip = resume;
                sp = f.sp;
              }
            }
            break;
          case 50: /* JUMP_BACKWARD_NO_INTERRUPT */
            ip -= arg;
            break;
          case 51: /* POP_JUMP_IF_FALSE */ {
            const v = s[--sp] as PyValue;
            if (v === false || (v !== true && (typeof v === "number" ? v === 0 : !isTrue(v)))) ip += 1 + arg;
            else ip += 1;
            break;
          }
          case 52: /* POP_JUMP_IF_TRUE */ {
            const v = s[--sp] as PyValue;
            if (v === true || (v !== false && (typeof v === "number" ? v !== 0 : isTrue(v)))) ip += 1 + arg;
            else ip += 1;
            break;
          }
          case 53: /* POP_JUMP_IF_NONE */
            ip += s[--sp] === None ? 1 + arg : 1;
            break;
          case 54: /* POP_JUMP_IF_NOT_NONE */
            ip += s[--sp] !== None ? 1 + arg : 1;
            break;
          case 55: /* GET_ITER */
            s[sp - 1] = getIter(s[sp - 1] as PyValue);
            break;
          case 56: /* FOR_ITER */ {
            const it = s[sp - 1] as PyObject;
            const itType = it.cls;
            if (itType === rangeIteratorType) {
              // for i in range(...): the iterator's step right here, not through tp_iternext.
              const r = it as PyRangeIterator;
              if (r.left > 0) {
                r.left--;
                const v = r.cur;
                r.cur = v + r.step;
                ip += 1;
                s[sp++] = v;
              } else ip += 1 + arg;
              break;
            }
            if (itType === generatorType) {
              // Run the generator's frame in this loop (no JS recursion per value).
              const gf = (it as PyGenerator).frame;
              const state = gf.state;
              if (state === FRAME_SUSPENDED || state === FRAME_CREATED) {
                ip += 1;
                f.ip = ip;
                f.sp = sp;
                enterGenerator(f, it as PyGenerator, None, RETURN_TO_FOR_ITER, arg);
                f = gf;
                threadState.frame = f;
                code = f.code;
                bc = code.code;
                consts = code.consts;
                names = code.names;
                s = f.values;
                sp = f.sp;
                ip = f.ip;
                break;
              }
              if (state === FRAME_DONE) {
                ip += 1 + arg;
                break;
              }
            }
            const nextSlot = itType.tp_iternext;
            const v = nextSlot !== null ? nextSlot(it) : iterNext(it);
            if (v === undefined) ip += 1 + arg;
            else {
              ip += 1;
              s[sp++] = v;
            }
            break;
          }
          case 57: /* END_FOR */
            sp--;
            break;
          case 59: /* BUILD_TUPLE */ {
            if (arg === 0) {
              s[sp++] = EMPTY_TUPLE;
              break;
            }
            const items = s.slice(sp - arg, sp) as PyValue[];
            sp -= arg;
            s[sp++] = new PyTuple(items);
            break;
          }
          case 60: /* BUILD_LIST */ {
            const items = arg === 0 ? [] : s.slice(sp - arg, sp) as PyValue[];
            sp -= arg;
            s[sp++] = new PyList(items);
            break;
          }
          case 66: /* LIST_APPEND */ {
            const v = s[--sp] as PyValue;
            (s[sp - arg] as PyList).items.push(v);
            break;
          }
          case 73: /* UNPACK_SEQUENCE */ {
            ip += 1;
            const v = s[sp - 1] as PyValue;
            if ((v instanceof PyTuple || v instanceof PyList) && v.items.length === arg) {
              const items = v.items;
              sp--;
              for (let i = arg - 1; i >= 0; i--) s[sp++] = items[i];
            } else sp = unpackSequence(s, sp, arg);
            break;
          }
          case 78: /* CALL */
          case 79: /* CALL_KW */ {
            let kwnames: string[] | null = null;
            if (op === 79) kwnames = (s[--sp] as PyTuple).items as string[];
            else ip += 3;
            let callable = s[sp - arg - 2] as PyValue;
            const self = s[sp - arg - 1];
            let argStart = sp - arg;
            let nargs = arg;
            if (self !== null) {
              argStart--;
              nargs++;
            } else if (typeof callable === "object" && callable.cls === methodType) {
              s[sp - arg - 1] = (callable as PyMethod).self;
              callable = (callable as PyMethod).func;
              argStart--;
              nargs++;
            }
            // A Python function, or a class whose __init__ is one, runs as a frame of this loop;
            // a plain positional call of a function binds its arguments right here.
            let frame: Frame | null;
            if (
              typeof callable === "object" && callable.cls === functionType && kwnames === null &&
              nargs === (callable as PyFunction).code.simpleArgcount
            ) {
              const func = callable as PyFunction;
              frame = acquireFrame(func.code, func.globals, func.builtins, func);
              const fv = frame.values;
              for (let i = 0; i < nargs; i++) fv[i] = s[argStart + i];
            } else frame = frameForCall(callable, self, s, argStart, nargs, kwnames);
            if (frame !== null) {
              sp -= arg + 2;
              enterFrame(f, frame, sp, ip);
              f = frame;
              code = f.code;
              bc = code.code;
              consts = code.consts;
              names = code.names;
              s = f.values;
              sp = code.nlocalsplus;
              ip = code.bodyStart;
              break;
            }
            s[sp - arg - 2] = callOther(callable, self, s, argStart, nargs, kwnames);
            sp -= arg + 1;
            break;
          }
          case 80: /* CALL_FUNCTION_EX */ {
            const kwargs = arg & 1 ? s[--sp] as PyDict : null;
            const callargs = s[--sp] as PyValue;
            sp--; // NULL
            const callable = s[sp - 1] as PyValue;
            // (An object, not a destructured array: array destructuring is a lot of bytecode.)
            const { target, args, kwnames } = spreadCallArgs(callable, callargs, kwargs);
            if (
              typeof target === "object" && target.cls === functionType &&
              ((target as PyFunction).code.flags & SUSPENDABLE) === 0
            ) {
              // f(*args, **kwargs) of a Python function: its frame runs in this loop.
              const frame = bindFrame(target as PyFunction, args, kwnames);
              sp--;
              enterFrame(f, frame, sp, ip);
              f = frame;
              code = f.code;
              bc = code.code;
              consts = code.consts;
              names = code.names;
              s = f.values;
              sp = code.nlocalsplus;
              ip = code.bodyStart;
              break;
            }
            // `target` and `args`: a bound method's self is among the arguments already.
            s[sp - 1] = call(target, args, kwnames);
            break;
          }
          case 85: /* RETURN_GENERATOR */
            s[sp++] = None;
            break;
          case 86: /* YIELD_VALUE */ {
            const v = s[--sp] as PyValue;
            f.ip = ip;
            f.sp = sp;
            f.state = FRAME_SUSPENDED;
            if (f === entry) return v;
            // A generator run by FOR_ITER or SEND of the frame below: back to it.
            leaveGenerator(f, undefined);
            const caller = f.back!;
            threadState.depth--;
            f = caller;
            threadState.frame = f;
            code = f.code;
            bc = code.code;
            consts = code.consts;
            names = code.names;
            s = f.values;
            sp = f.sp;
            ip = f.ip;
            s[sp++] = v;
            break;
          }
          case 88: /* SEND */ {
            ip += 1;
            const v = s[--sp] as PyValue;
            const receiver = s[sp - 1] as PyValue;
            if (receiver instanceof PyGenerator && receiver.cls === generatorType) {
              const gf = receiver.frame;
              const state = gf.state;
              if (state === FRAME_SUSPENDED || (state === FRAME_CREATED && v === None)) {
                f.ip = ip;
                f.sp = sp;
                enterGenerator(f, receiver, v, RETURN_TO_SEND, arg);
                f = gf;
                threadState.frame = f;
                code = f.code;
                bc = code.code;
                consts = code.consts;
                names = code.names;
                s = f.values;
                sp = f.sp;
                ip = f.ip;
                break;
              }
            }
            const sent = send(receiver, v);
            s[sp++] = sent.value;
            if (sent.done) ip += arg;
            break;
          }
          case 89: /* END_SEND */ {
            const v = s[--sp];
            s[sp - 1] = v;
            break;
          }
          case 90: /* CLEANUP_THROW */ {
            const exc = s[--sp] as PyValue;
            if (isExceptionOf(exc, Exc.StopIteration)) {
              sp -= 2;
              s[sp++] = None;
              s[sp++] = exc.value;
              break;
            }
            reraising = true;
            throw exc;
          }
          case 91: /* PUSH_EXC_INFO */ {
            const exc = s[sp - 1];
            s[sp - 1] = threadState.excInfo;
            s[sp++] = exc;
            threadState.excInfo = exc as PyValue;
            break;
          }
          case 92: /* POP_EXCEPT */
            threadState.excInfo = s[--sp] as PyValue;
            break;
          case 95: /* RERAISE */ {
            const exc = s[--sp];
            reraising = true;
            throw exc;
          }
          case 96: /* RAISE_VARARGS */ {
            if (arg === 0) {
              const exc = threadState.excInfo;
              if (exc === None) raise(Exc.RuntimeError, "No active exception to reraise");
              reraising = true;
              throw exc;
            }
            const cause = arg === 2 ? s[--sp] as PyValue : undefined;
            throw makeRaise(s[--sp] as PyValue, cause);
          }
          case 112: /* END_ASYNC_FOR */ {
            const exc = s[--sp] as PyValue;
            if (!isExceptionOf(exc, Exc.StopAsyncIteration)) {
              reraising = true;
              throw exc;
            }
            sp--;
            break;
          }
          case 107: /* LOAD_FAST_LOAD_FAST */ {
            const a = s[arg >> 4];
            if (a === undefined) unboundLocal(code, arg >> 4);
            const b = s[arg & 15];
            if (b === undefined) unboundLocal(code, arg & 15);
            s[sp++] = a;
            s[sp++] = b;
            break;
          }
          case 14: /* DELETE_FAST */
          case 18: /* DELETE_DEREF */
          case 20: /* COPY_FREE_VARS */
          case 21: /* LOAD_FROM_DICT_OR_DEREF */
          case 22: /* LOAD_FROM_DICT_OR_GLOBALS */
          case 23: /* LOAD_LOCALS */
          case 24: /* LOAD_NAME */
          case 25: /* STORE_NAME */
          case 26: /* DELETE_NAME */
          case 28: /* STORE_GLOBAL */
          case 29: /* DELETE_GLOBAL */
          case 32: /* DELETE_ATTR */
          case 36: /* UNARY_INVERT */
          case 40: /* DELETE_SUBSCR */
          case 41: /* BINARY_SLICE */
          case 42: /* STORE_SLICE */
          case 46: /* CALL_INTRINSIC_1 */
          case 47: /* CALL_INTRINSIC_2 */
          case 61: /* BUILD_SET */
          case 62: /* BUILD_MAP */
          case 63: /* BUILD_CONST_KEY_MAP */
          case 64: /* BUILD_STRING */
          case 65: /* BUILD_SLICE */
          case 67: /* SET_ADD */
          case 68: /* MAP_ADD */
          case 69: /* LIST_EXTEND */
          case 70: /* SET_UPDATE */
          case 71: /* DICT_UPDATE */
          case 72: /* DICT_MERGE */
          case 74: /* UNPACK_EX */
          case 75: /* FORMAT_SIMPLE */
          case 76: /* FORMAT_WITH_SPEC */
          case 77: /* CONVERT_VALUE */
          case 81: /* MAKE_FUNCTION */
          case 82: /* SET_FUNCTION_ATTRIBUTE */
          case 83: /* LOAD_BUILD_CLASS */
          case 84: /* SETUP_ANNOTATIONS */
          case 87: /* GET_YIELD_FROM_ITER */
          case 93: /* CHECK_EXC_MATCH */
          case 94: /* CHECK_EG_MATCH */
          case 97: /* LOAD_ASSERTION_ERROR */
          case 98: /* BEFORE_WITH */
          case 99: /* WITH_EXCEPT_START */
          case 100: /* GET_LEN */
          case 101: /* MATCH_CLASS */
          case 102: /* MATCH_MAPPING */
          case 103: /* MATCH_SEQUENCE */
          case 104: /* MATCH_KEYS */
          case 105: /* IMPORT_NAME */
          case 106: /* IMPORT_FROM */
          case 108: /* GET_AWAITABLE */
          case 109: /* BEFORE_ASYNC_WITH */
          case 110: /* GET_AITER */
          case 111: /* GET_ANEXT */
            sp = runColdInstruction(f, op, arg, sp);
            break;
          default: {
            // A specialized instruction this loop has no case for: rewrite it back to its
            // generic instruction in place and run that (tier 2's deoptimization, for free).
            const generic = op < 256 ? GENERIC_OF[op] : op;
            if (generic === op) raise(Exc.SystemError, `unknown opcode ${op}`);
            const start = ip - 1 - (arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0);
            bc[ip - 1] = (bc[ip - 1] & 0xff00) | generic;
            ip = start;
            break;
          }
        }
      }
    } catch (e) {
      f.ip = ip;
      f.sp = sp;
      f = unwind(entry, f, e, reraising);
      reraising = false;
      threadState.frame = f;
      code = f.code;
      bc = code.code;
      consts = code.consts;
      names = code.names;
      s = f.values;
      sp = f.sp;
      ip = f.ip;
    }
  }
}

/**
 * CALL_FUNCTION_EX's arguments: `callable(*callargs, **kwargs)` as the function to run (a bound
 * method's function, self first among the arguments), the positional then keyword values, and
 * the keyword names.
 */
function spreadCallArgs(
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
 * LOAD_ATTR when its inline cache (at code unit `c`) does not answer: the attribute (or, for a
 * method load, oparg bit 0, the [function, self] pair or [value, NULL]) replaces the owner on the
 * stack, and the cache learns the owner's type. Returns the new stack pointer.
 */
function loadAttrUncached(code: PyCode, c: number, s: Slot[], sp: number, arg: number): number {
  const owner = s[sp - 1] as PyValue;
  const names = code.names;
  const name = names[arg >> 1];
  if (arg & 1) {
    // loadMethod without its result array: [function or method descriptor, self].
    const t = typeOf(owner);
    const getattro = t.tp_getattro;
    if (getattro === genericGetAttr || getattro === null) {
      const descr = t.lookup(name);
      if (descr !== undefined && typeof descr === "object") {
        const dt = descr.cls;
        if (
          (dt === functionType || dt === methodDescriptorType) &&
          (typeof owner !== "object" || owner.dict === null ||
            owner.dict.getStr(name) === undefined)
        ) {
          if (typeof owner === "object") fillAttrCache(code, c, t.version, 0, descr);
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
  cacheInstanceAttr(code, c, owner, name, false);
  return sp;
}

/**
 * `container[start:stop]` for a str without surrogates, an exact list or an exact tuple with
 * int-or-None bounds (Python's clamping), without a slice object; undefined for anything else.
 */
function simpleSlice(container: PyValue, start: PyValue, stop: PyValue): PyValue | undefined {
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
function frameForCall(
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
function enterFrame(caller: Frame, frame: Frame, sp: number, ip: number): void {
  const ts = threadState;
  if (ts.depth >= ts.recursionLimit) raise(Exc.RecursionError, "maximum recursion depth exceeded");
  ts.depth++;
  caller.sp = sp;
  caller.ip = ip;
  frame.back = caller;
  frame.state = FRAME_RUNNING;
  const fcode = frame.code;
  if (!fcode.prepared) currentTier.prepareCode(fcode);
  ts.frame = frame;
}

/**
 * CALL of anything the loop does not run as a frame: a builtin (through its fixed-arity entry
 * point when it has one, without an args array), or call() for the rest. The value of the call.
 */
function callOther(
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

/**
 * The instructions a hot loop rarely runs, out of `run` (same bodies, same stack, same oparg;
 * none jumps, switches frames or re-raises). V8 waits until a function has run about
 * (its bytecode length × a constant) bytecodes before optimizing it, and re-waits whenever an
 * inline cache in it changes: every instruction moved here makes `run` reach optimized code
 * sooner (the first tenth of a second of every program runs before that).
 * Returns the new stack pointer.
 */
function runColdInstruction(f: Frame, op: number, arg: number, sp: number): number {
  const s = f.values;
  const code = f.code;
  const names = code.names;
  switch (op) {
    case 14: /* DELETE_FAST */
      if (s[arg] === undefined) unboundLocal(code, arg);
      s[arg] = undefined;
      break;
    case 18: /* DELETE_DEREF */ {
      const cell = s[arg] as PyCell;
      if (cell.value === undefined) unboundDeref(code, arg);
      cell.value = undefined;
      break;
    }
    case 20: /* COPY_FREE_VARS */ {
      const closure = (f.func as PyFunction).closure!;
      const base = code.nlocalsplus - arg;
      for (let i = 0; i < arg; i++) s[base + i] = closure[i];
      break;
    }
    case 21: /* LOAD_FROM_DICT_OR_DEREF */ {
      const mapping = s[sp - 1] as PyValue;
      const name = code.localsplusNames[arg];
      let v = mapping instanceof PyDict ? mapping.getStr(name) : getItemOrUndefined(mapping, name);
      if (v === undefined) {
        v = (s[arg] as PyCell).value;
        if (v === undefined) unboundDeref(code, arg);
      }
      s[sp - 1] = v;
      break;
    }
    case 22: /* LOAD_FROM_DICT_OR_GLOBALS */ {
      const mapping = s[sp - 1] as PyValue;
      const name = names[arg];
      let v = mapping instanceof PyDict ? mapping.getStr(name) : getItemOrUndefined(mapping, name);
      if (v === undefined) v = loadGlobal(f, name);
      s[sp - 1] = v;
      break;
    }
    case 23: /* LOAD_LOCALS */
      if (f.locals === null) raise(Exc.SystemError, "no locals found");
      s[sp++] = f.locals;
      break;
    case 24: /* LOAD_NAME */
      s[sp++] = loadName(f, names[arg]);
      break;
    case 25: /* STORE_NAME */ {
      const v = s[--sp] as PyValue;
      const locals = f.locals;
      if (locals === null) raise(Exc.SystemError, `no locals found when storing '${names[arg]}'`);
      if (locals.cls === dictType) locals.setStr(names[arg], v);
      else setItem(locals, names[arg], v);
      break;
    }
    case 26: /* DELETE_NAME */
      deleteName(f, names[arg]);
      break;
    case 28: /* STORE_GLOBAL */
      f.globals.setStr(names[arg], s[--sp] as PyValue);
      break;
    case 29: /* DELETE_GLOBAL */
      if (f.globals.delete(names[arg]) === undefined) nameError(names[arg]);
      break;
    case 32: /* DELETE_ATTR */
      delAttr(s[--sp] as PyValue, names[arg]);
      break;
    case 36: /* UNARY_INVERT */
      s[sp - 1] = unaryInvert(s[sp - 1] as PyValue);
      break;
    case 40: /* DELETE_SUBSCR */ {
      const key = s[--sp] as PyValue;
      delItem(s[--sp] as PyValue, key);
      break;
    }
    case 41: /* BINARY_SLICE */ {
      const stop = s[--sp] as PyValue;
      const start = s[--sp] as PyValue;
      const container = s[sp - 1] as PyValue;
      s[sp - 1] = simpleSlice(container, start, stop) ?? getItem(container, buildSlice(start, stop));
      break;
    }
    case 42: /* STORE_SLICE */ {
      const stop = s[--sp] as PyValue;
      const start = s[--sp] as PyValue;
      const container = s[--sp] as PyValue;
      setItem(container, buildSlice(start, stop), s[--sp] as PyValue);
      break;
    }
    case 46: /* CALL_INTRINSIC_1 */
      s[sp - 1] = intrinsic1(f, arg, s[sp - 1] as PyValue);
      break;
    case 47: /* CALL_INTRINSIC_2 */ {
      const b = s[--sp] as PyValue;
      s[sp - 1] = prepReraiseStar(s[sp - 1] as PyValue, b);
      break;
    }
    case 61: /* BUILD_SET */ {
      const set = new PySet();
      for (let i = sp - arg; i < sp; i++) set.add(s[i] as PyValue);
      sp -= arg;
      s[sp++] = set;
      break;
    }
    case 62: /* BUILD_MAP */ {
      const d = new PyDict();
      for (let i = sp - 2 * arg; i < sp; i += 2) d.set(s[i] as PyValue, s[i + 1] as PyValue);
      sp -= 2 * arg;
      s[sp++] = d;
      break;
    }
    case 63: /* BUILD_CONST_KEY_MAP */ {
      const keys = (s[--sp] as PyTuple).items;
      const d = new PyDict();
      for (let i = 0; i < arg; i++) d.set(keys[i], s[sp - arg + i] as PyValue);
      sp -= arg;
      s[sp++] = d;
      break;
    }
    case 64: /* BUILD_STRING */ {
      let out = "";
      for (let i = sp - arg; i < sp; i++) {
        const part = s[i] as PyValue;
        // A field whose __format__ returned a str subclass instance holds that object.
        out += typeof part === "string" ? part : strValueOf(part)!;
      }
      sp -= arg;
      s[sp++] = out;
      break;
    }
    case 65: /* BUILD_SLICE */ {
      const step = arg === 3 ? s[--sp] as PyValue : None;
      const stop = s[--sp] as PyValue;
      s[sp - 1] = buildSlice(s[sp - 1] as PyValue, stop, step);
      break;
    }
    case 67: /* SET_ADD */ {
      const v = s[--sp] as PyValue;
      (s[sp - arg] as PySet).add(v);
      break;
    }
    case 68: /* MAP_ADD */ {
      const v = s[--sp] as PyValue;
      const k = s[--sp] as PyValue;
      (s[sp - arg] as PyDict).set(k, v);
      break;
    }
    case 69: /* LIST_EXTEND */ {
      const v = s[--sp] as PyValue;
      listExtend(s[sp - arg] as PyList, v);
      break;
    }
    case 70: /* SET_UPDATE */ {
      const v = s[--sp] as PyValue;
      setUpdate(s[sp - arg] as PySet, v);
      break;
    }
    case 71: /* DICT_UPDATE */ {
      const v = s[--sp] as PyValue;
      dictUpdate(s[sp - arg] as PyDict, v, null);
      break;
    }
    case 72: /* DICT_MERGE */ {
      const v = s[--sp] as PyValue;
      dictUpdate(s[sp - arg] as PyDict, v, s[sp - arg - 3] as PyValue);
      break;
    }
    case 74: /* UNPACK_EX */
      sp = unpackEx(s, sp, arg);
      break;
    case 75: /* FORMAT_SIMPLE */ {
      const v = s[sp - 1] as PyValue;
      if (typeof v !== "string") s[sp - 1] = formatObject(v, "");
      break;
    }
    case 76: /* FORMAT_WITH_SPEC */ {
      const spec = s[--sp] as string;
      s[sp - 1] = formatObject(s[sp - 1] as PyValue, spec);
      break;
    }
    case 77: /* CONVERT_VALUE */ {
      const v = s[sp - 1] as PyValue;
      s[sp - 1] = arg === 1 ? str(v) : arg === 2 ? repr(v) : asciiRepr(repr(v));
      break;
    }
    case 81: /* MAKE_FUNCTION */
      s[sp - 1] = new PyFunction(s[sp - 1] as PyCode, f.globals, f.builtins);
      break;
    case 82: /* SET_FUNCTION_ATTRIBUTE */ {
      const func = s[--sp] as PyFunction;
      setFunctionAttribute(func, arg, s[sp - 1] as PyValue);
      s[sp - 1] = func;
      break;
    }
    case 83: /* LOAD_BUILD_CLASS */ {
      const bc2 = f.builtins.getStr("__build_class__");
      if (bc2 === undefined) raise(Exc.NameError, "__build_class__ not found");
      s[sp++] = bc2;
      break;
    }
    case 84: /* SETUP_ANNOTATIONS */ {
      const locals = f.locals!;
      if (locals.getStr("__annotations__") === undefined) {
        locals.setStr("__annotations__", new PyDict());
      }
      break;
    }
    case 87: /* GET_YIELD_FROM_ITER */ {
      const v = s[sp - 1] as PyValue;
      if (!(v instanceof PyGenerator)) s[sp - 1] = getIter(v);
      break;
    }
    case 93: /* CHECK_EXC_MATCH */ {
      const type = s[--sp] as PyValue;
      s[sp++] = exceptionMatches(s[sp - 2] as PyValue, type);
      break;
    }
    case 94: /* CHECK_EG_MATCH */ {
      const type = s[--sp] as PyValue;
      const exc = s[--sp] as PyValue;
      const [rest, match] = exceptionGroupMatch(exc, type);
      s[sp++] = rest;
      s[sp++] = match;
      if (match !== None) threadState.excInfo = match;
      break;
    }
    case 97: /* LOAD_ASSERTION_ERROR */
      s[sp++] = Exc.AssertionError;
      break;
    case 98: /* BEFORE_WITH */ {
      const mgr = s[sp - 1] as PyValue;
      const [exit, enter] = withMethods(mgr);
      s[sp - 1] = exit;
      s[sp++] = callMethod0(enter, mgr);
      break;
    }
    case 99: /* WITH_EXCEPT_START */ {
      const exc = s[sp - 1] as PyValue;
      const exit = s[sp - 4] as PyValue;
      const tb = exc instanceof PyBaseException ? exc.traceback : None;
      s[sp++] = call(exit, [typeOf(exc), exc, tb], null);
      break;
    }
    case 100: /* GET_LEN */
      s[sp] = len(s[sp - 1] as PyValue);
      sp++;
      break;
    case 101: /* MATCH_CLASS */ {
      const attrNames = s[--sp] as PyTuple;
      const cls = s[--sp] as PyValue;
      s[sp - 1] = matchClass(s[sp - 1] as PyValue, cls, arg, attrNames.items as string[]);
      break;
    }
    case 102: /* MATCH_MAPPING */
      s[sp] = isMapping(s[sp - 1] as PyValue);
      sp++;
      break;
    case 103: /* MATCH_SEQUENCE */
      s[sp] = isSequence(s[sp - 1] as PyValue);
      sp++;
      break;
    case 104: /* MATCH_KEYS */
      s[sp] = matchKeys(s[sp - 2] as PyValue, s[sp - 1] as PyTuple);
      sp++;
      break;
    case 105: /* IMPORT_NAME */ {
      const fromlist = s[--sp] as PyValue;
      const level = s[--sp] as PyValue;
      s[sp++] = importName(names[arg], fromlist, level as number, f.globals);
      break;
    }
    case 106: /* IMPORT_FROM */
      s[sp] = importFrom(s[sp - 1] as PyValue, names[arg]);
      sp++;
      break;
    case 108: /* GET_AWAITABLE */
      s[sp - 1] = getAwaitable(s[sp - 1] as PyValue);
      break;
    case 109: /* BEFORE_ASYNC_WITH */ {
      const mgr = s[sp - 1] as PyValue;
      const [exit, enter] = asyncWithMethods(mgr);
      s[sp - 1] = exit;
      s[sp++] = callMethod0(enter, mgr);
      break;
    }
    case 110: /* GET_AITER */
      s[sp - 1] = getAsyncIter(s[sp - 1] as PyValue);
      break;
    case 111: /* GET_ANEXT */
      s[sp] = getAsyncNext(s[sp - 1] as PyValue);
      sp++;
      break;
    default:
      raise(Exc.SystemError, `unknown opcode ${op}`);
  }
  return sp;
}

// ---------------------------------------------------------------------------------------------
// Exceptions: conversion, context, unwinding

/** COMPARE_OP's `a OP b`: ints and floats compared here, anything else by compareOp. */
function compareValues(a: PyValue, b: PyValue, op: number): PyValue {
  if (typeof a === "number" && typeof b === "number") return compareNumbers(a, b, op);
  if (typeof a === "object" && typeof b === "object" && a.cls === floatType && b.cls === floatType) {
    return compareNumbers((a as PyFloat).value, (b as PyFloat).value, op);
  }
  return compareOp(a, b, op);
}

/** COMPARE_OP on two JS numbers: ints, or float values (NaN compares false except !=, as IEEE and CPython). */
function compareNumbers(x: number, y: number, op: number): boolean {
  switch (op) {
    case 0:
      return x < y;
    case 1:
      return x <= y;
    case 2:
      return x === y;
    case 3:
      return x !== y;
    case 4:
      return x > y;
    default:
      return x >= y;
  }
}

/**
 * LOAD_GLOBAL's slow path: looks `name` up in the frame's globals, then builtins, and records where
 * it was found in the code's inline cache at `c`: cacheIndex[c] = globals entry + 1, or
 * -(builtins entry + 1) with cacheRef[c] / cacheIndex[c + 1] = globals' key array and its length
 * (a dict only ever appends keys to that array or replaces it, so while both are unchanged the
 * name is still absent from globals). Entries are re-validated by key identity on every hit.
 */
function cacheGlobal(f: Frame, name: string, c: number): PyValue {
  const code = f.code;
  const g = f.globals;
  let i = g.find(name);
  if (i >= 0) {
    code.cacheIndex[c] = i + 1;
    return g.values[i];
  }
  const b = f.builtins;
  i = b.find(name);
  if (i >= 0 && g.cls === dictType && b.cls === dictType) {
    code.cacheIndex[c] = -(i + 1);
    code.cacheIndex[c + 1] = g.keys.length;
    code.cacheRef[c] = g.keys;
    return b.values[i];
  }
  code.cacheIndex[c] = 0;
  return loadBuiltin(f, name);
}

/**
 * LOAD_ATTR / STORE_ATTR's slow path, after the generic access: when `owner.name` is an entry of
 * the instance dict that the type lets win (generic get/setattr, no data descriptor under a
 * non-dunder name), records the type's version and the entry index in the inline cache at `c`.
 * Type versions are unique and change on every mutation of the type or a base, so a hit needs
 * only the version and the key at that index.
 */
function cacheInstanceAttr(code: PyCode, c: number, owner: PyValue, name: string, store: boolean): void {
  if (typeof owner !== "object") return;
  const d = owner.dict;
  const t = owner.cls;
  if (store ? t.tp_setattro !== null : t.tp_getattro !== null && t.tp_getattro !== genericGetAttr) return;
  if (owner instanceof PyInstance && owner.slots !== null) {
    // A __slots__ member descriptor (a data descriptor: it wins over any instance dict).
    const descr = t.lookup(name);
    if (
      descr instanceof PyMemberDescriptor && descr.cls === memberDescriptorType &&
      isInstance(owner, descr.owner)
    ) {
      fillAttrCache(code, c, t.version, -(descr.index + 1), null);
      return;
    }
  }
  if (d === null || !(d instanceof PyDict) || !t.instanceDictFirst(name)) return;
  const i = d.find(name);
  if (i < 0) return;
  fillAttrCache(code, c, t.version, i, null);
}

/**
 * Records (type version, index, method) in the first entry of the two-entry attribute cache at
 * `c`, moving the previous first entry (of another type) to the second.
 */
function fillAttrCache(code: PyCode, c: number, version: number, index: number, method: unknown): void {
  const ci = code.cacheIndex;
  const old = ci[c + 1];
  if (old !== 0 && old !== version) {
    ci[c + 2] = ci[c];
    ci[c + 3] = old;
    code.cacheRef[c + 2] = code.cacheRef[c];
  }
  ci[c] = index;
  ci[c + 1] = version;
  code.cacheRef[c] = method;
}

/** Frame.returnMode: how a frame run inside the loop hands control back to the frame below. */
const RETURN_TO_CALL = 0,
  RETURN_TO_FOR_ITER = 1,
  RETURN_TO_SEND = 2,
  RETURN_TO_INIT = 3,
  RETURN_TO_BINARY_OP = 4;

/**
 * The Python function `a.__op__` when `a OP b` can start by running it as a frame of the loop:
 * a plain function of two positional parameters, and b's type not a subclass of a's (whose
 * reflected method would have to go first). Else null (binaryOp does the whole protocol).
 */
function inlineDunder(ta: PyType, tb: PyType, op: number): PyFunction | null {
  if (ta !== tb && tb.isSubtypeOf(ta)) return null;
  const f = ta.lookup(BINARY_OPS[op].dunder);
  if (!(f instanceof PyFunction) || f.cls !== functionType) return null;
  const code = f.code;
  if (code.argcount !== 2 || (code.flags & (SUSPENDABLE | CO_VARARGS | CO_VARKEYWORDS)) !== 0) return null;
  if (code.kwonlyargcount !== 0) return null;
  return f;
}

/**
 * inlineDunder through BINARY_OP's inline cache at `c`: cacheRef[c] = the function found for a
 * type whose version is cacheIndex[c]. Reused when b's type is a's or a builtin type (a builtin
 * type cannot subclass a Python class, so its reflected method never goes first).
 */
function cachedDunder(code: PyCode, c: number, ta: PyType, tb: PyType, op: number): PyFunction | null {
  if (ta.version === code.cacheIndex[c] && (tb === ta || (tb.flags & TYPE_HEAP) === 0)) {
    const f = code.cacheRef[c] as PyFunction;
    const fcode = f.code;
    if (
      fcode.argcount === 2 && fcode.kwonlyargcount === 0 &&
      (fcode.flags & (SUSPENDABLE | CO_VARARGS | CO_VARKEYWORDS)) === 0
    ) return f;
  }
  const f = inlineDunder(ta, tb, op);
  if (f !== null && (tb === ta || (tb.flags & TYPE_HEAP) === 0)) {
    code.cacheIndex[c] = ta.version;
    code.cacheRef[c] = f;
  }
  return f;
}

/** The rest of `a OP b` after a.__op__(b) returned NotImplemented: b.__rop__(a), else TypeError. */
function reflectedBinaryOp(a: PyValue, b: PyValue, op: number): PyValue {
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
function inlineInit(cls: PyType): PyFunction | null {
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
function enterGenerator(caller: Frame, gen: PyGenerator, value: PyValue, mode: number, jump: number): void {
  const gf = gen.frame;
  if (threadState.depth >= threadState.recursionLimit) {
    raise(Exc.RecursionError, "maximum recursion depth exceeded");
  }
  threadState.depth++;
  if (gf.state === FRAME_SUSPENDED) gf.values[gf.sp++] = value;
  if (!gf.code.prepared) currentTier.prepareCode(gf.code);
  gf.back = caller;
  gf.state = FRAME_RUNNING;
  gf.returnMode = mode;
  gf.returnJump = jump;
  gf.savedExc = threadState.excInfo;
  if (gen.excState !== None) threadState.excInfo = gen.excState;
}

/** A generator run by enterGenerator yields (value undefined), returns or raises. */
function leaveGenerator(gf: Frame, returned: PyValue | undefined): void {
  const gen = gf.generator as PyGenerator;
  if (returned !== undefined) gen.returnValue = returned;
  const outer = gf.savedExc;
  gen.excState = gf.state === FRAME_SUSPENDED && threadState.excInfo !== outer ? threadState.excInfo : None;
  threadState.excInfo = outer;
  gf.returnMode = RETURN_TO_CALL;
  gf.returnJump = 0;
}

/** Sets `exc.__context__` to the exception being handled (breaking cycles, as CPython). */
function setContext(exc: PyBaseException): void {
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
function unwind(entry: Frame, f: Frame, e: unknown, reraise: boolean): Frame {
  let exc = toPyException(e);
  let frame = f;
  if (!reraise) {
    if (exc.traceback === None) setContext(exc);
    exc.traceback = new PyTraceback(exc.traceback, frame.code, frame.ip - 1);
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
    exc.traceback = new PyTraceback(exc.traceback, frame.code, frame.ip - 1);
  }
}

function makeRaise(value: PyValue, cause: PyValue | undefined): PyBaseException {
  const exc = instantiateException(value, "exceptions must derive from BaseException");
  if (cause !== undefined) {
    if (cause === None) exc.cause = None;
    else exc.cause = instantiateException(cause, "exception causes must derive from BaseException");
    exc.suppressContext = true;
  }
  setContext(exc);
  return exc;
}

function instantiateException(v: PyValue, message: string): PyBaseException {
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

function exceptionMatches(exc: PyValue, type: PyValue): boolean {
  checkExceptType(type);
  const t = typeOf(exc);
  if (type instanceof PyTuple) {
    for (const x of type.items) if (t.isSubtypeOf(x as PyType)) return true;
    return false;
  }
  return t.isSubtypeOf(type as PyType);
}

function checkExceptType(type: PyValue): void {
  const ok = (t: PyValue) => t instanceof PyType && t.isSubtypeOf(Exc.BaseException);
  if (type instanceof PyTuple ? type.items.every(ok) : ok(type)) return;
  raise(Exc.TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

/** CHECK_EG_MATCH: [rest, match] of splitting `exc` by `type` (match None when nothing matches). */
function exceptionGroupMatch(exc: PyValue, type: PyValue): [PyValue, PyValue] {
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
function prepReraiseStar(orig: PyValue, list: PyValue): PyValue {
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

function leaves(x: PyValue): PyValue[] {
  if (isInstance(x, Exc.BaseExceptionGroup)) {
    return toArray(getAttr(x, "exceptions")).flatMap(leaves);
  }
  return [x];
}

function isPartOf(x: PyValue, group: PyValue): boolean {
  if (x === group) return true;
  const mine = leaves(group);
  return leaves(x).every((l) => mine.includes(l));
}

// ---------------------------------------------------------------------------------------------
// Names

function unboundLocal(code: PyCode, slot: number): never {
  raise(
    Exc.UnboundLocalError,
    `cannot access local variable '${code.localsplusNames[slot]}' where it is not associated with a value`,
  );
}

function unboundDeref(code: PyCode, slot: number): never {
  const name = code.localsplusNames[slot];
  if (slot >= code.nlocalsplus - code.freevars.length) {
    raise(
      Exc.NameError,
      `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
    );
  }
  unboundLocal(code, slot);
}

function nameError(name: string): never {
  const e = newException(Exc.NameError, [`name '${name}' is not defined`]);
  e.dict = new PyDict();
  e.dict.setStr("name", name);
  throw e;
}

function loadBuiltin(f: Frame, name: string): PyValue {
  const v = f.builtins.getStr(name);
  if (v === undefined) nameError(name);
  return v;
}

function loadGlobal(f: Frame, name: string): PyValue {
  const v = f.globals.getStr(name);
  return v !== undefined ? v : loadBuiltin(f, name);
}

function getItemOrUndefined(mapping: PyValue, key: PyValue): PyValue | undefined {
  try {
    return getItem(mapping, key);
  } catch (e) {
    if (isExceptionOf(e, Exc.KeyError)) return undefined;
    throw e;
  }
}

function loadName(f: Frame, name: string): PyValue {
  const locals = f.locals;
  if (locals !== null) {
    const v = locals.cls === dictType ? locals.getStr(name) : getItemOrUndefined(locals, name);
    if (v !== undefined) return v;
  }
  return loadGlobal(f, name);
}

function deleteName(f: Frame, name: string): void {
  const locals = f.locals;
  if (locals === null) raise(Exc.SystemError, `no locals when deleting '${name}'`);
  if (locals.cls === dictType) {
    if (locals.delete(name) === undefined) nameError(name);
  } else delItem(locals, name);
}

// ---------------------------------------------------------------------------------------------
// Slow paths of individual instructions

function intrinsic1(f: Frame, which: number, v: PyValue): PyValue {
  switch (which) {
    case 1: /* PRINT: sys.displayhook for `single` mode */
      if (v !== None) {
        f.builtins.setStr("_", None);
        writeStdout(repr(v) + "\n");
        f.builtins.setStr("_", v);
      }
      return None;
    case 2: /* IMPORT_STAR */
      importStar(v, f.locals ?? f.globals);
      return None;
    case 3: /* STOPITERATION_ERROR */
      return v;
    case 5: /* UNARY_POSITIVE */
      return typeof v === "number" ? v : unaryPositive(v);
    case 6: /* LIST_TO_TUPLE */
      if (v instanceof PyList && v.cls === listType) return new PyTuple(v.items);
      if (v instanceof PyTuple && v.cls === tupleType) return v;
      return new PyTuple(toArray(v));
  }
  return raise(Exc.SystemError, `unknown intrinsic ${which}`);
}

function listExtend(list: PyList, v: PyValue): void {
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
function starArgs(f: PyValue, v: PyValue): PyValue[] {
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
function funcDescription(f: PyValue): string {
  if (f instanceof PyFunction) {
    const mod = f.module;
    return typeof mod === "string" && mod !== "builtins" ? `${mod}.${f.qualname}()` : `${f.qualname}()`;
  }
  if (f instanceof PyBuiltinFunction) return `${f.name}()`;
  if (f instanceof PyType) return `${f.name}()`;
  return `${typeOf(f).name} object`;
}

/** DICT_UPDATE (callable null) and DICT_MERGE (duplicate keys are an error naming the callable). */
function dictUpdate(d: PyDict, v: PyValue, callable: PyValue | null): void {
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

function unpackSequence(s: Slot[], sp: number, n: number): number {
  const v = s[--sp] as PyValue;
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
  for (let i = n - 1; i >= 0; i--) s[sp++] = items[i];
  return sp;
}

function unpackEx(s: Slot[], sp: number, arg: number): number {
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

function setFunctionAttribute(func: PyFunction, flag: number, v: PyValue): void {
  switch (flag) {
    case 1:
      func.defaults = (v as PyTuple).items;
      return;
    case 2:
      func.kwdefaults = v as PyDict;
      return;
    case 4:
      func.annotations = v;
      return;
    case 8:
      func.closure = (v as PyTuple).items as PyCell[];
      return;
  }
}

/** SEND: [value, done] — a generator receiver is resumed directly, keeping its return value. */
function send(receiver: PyValue, v: PyValue): { value: PyValue; done: boolean } {
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

function asyncWithMethods(mgr: PyValue): [PyValue, PyValue] {
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
function getAsyncIter(v: PyValue): PyValue {
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
function getAsyncNext(aiter: PyValue): PyValue {
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

function withMethods(mgr: PyValue): [PyValue, PyValue] {
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

function matchClass(subject: PyValue, cls: PyValue, nargs: number, kwNames: string[]): PyValue {
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

function isMapping(v: PyValue): boolean {
  return v instanceof PyDict || (v instanceof PyObject && v.cls.isSubtypeOf(dictType));
}

function isSequence(v: PyValue): boolean {
  if (typeof v !== "object") return false;
  const t = v.cls;
  return t.isSubtypeOf(listType) || t.isSubtypeOf(tupleType) || t.isSubtypeOf(rangeType);
}

function matchKeys(subject: PyValue, keys: PyTuple): PyValue {
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
