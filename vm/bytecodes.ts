/**
 * The instruction definition: every bytecode instruction of pyjit, and every uop, written once —
 * its stack effect, its named inline-cache cells, its jumps and its body. tools/gen_cases.ts
 * (`deno task gen`) reads this file and writes, each headed "generated … do not edit":
 * - instructions/opcode_table.ts: opcode numbers (literal constants and a typed name union),
 *   metadata (operand kind, stack effect, cache layout, jumps, families, superinstructions) and the
 *   table from each instruction to its uops;
 * - vm/generated/interp_loop.ts: the interpreter loop (`run`, with a literal `case` per hot
 *   instruction) and `runColdInstruction` (the rarely-hot ones, outside the loop function so that it
 *   stays small for V8).
 * A bug fixed in a body here is fixed in every place that body runs. The conventions bodies follow
 * are in vm/bytecodes_dsl.ts. Instructions are numbered in the order they appear here; `cold: true`
 * moves one out of the loop function.
 *
 * Not run at run time: the loop in vm/generated/ is. `deno check` type-checks this file against the
 * loop state declared below.
 *
 * @example
 * ```sh
 * deno task gen           # after editing this file
 * ```
 * @module
 */
import {
  DEOPT_IF,
  EXIT_LOOP,
  inst,
  LOAD_FRAME_LOCALS,
  macro,
  op,
  pseudo,
  superinstruction,
  template,
} from "./bytecodes_dsl.ts";
import { Op } from "../instructions/opcodes.ts";
import type { PyCode } from "../objects/code.ts";
import {
  acquireFrame,
  type Frame,
  FRAME_CREATED,
  FRAME_DONE,
  FRAME_SUSPENDED,
  releaseFrame,
  type Slot,
  threadState,
} from "./frame.ts";
import { bindFrame, PyFunction } from "./function.ts";
import { generatorType, getAwaitable, PyGenerator } from "./generator.ts";
import { importFrom, importName } from "./import.ts";
import {
  dictType,
  EMPTY_TUPLE,
  Exc,
  floatType,
  functionType,
  listType,
  methodType,
  None,
  NotImplemented,
  ownAttr,
  PyBaseException,
  PyCell,
  PyDict,
  PyFloat,
  type PyInstance,
  PyList,
  type PyMethod,
  type PyObject,
  PySet,
  PyTuple,
  type PyValue,
  raise,
  tupleType,
  TYPE_HEAP,
  typeOf,
} from "../objects/object.ts";
import {
  binaryOp,
  buildSlice,
  call,
  callMethod0,
  contains,
  delAttr,
  delItem,
  floatBinary,
  getAttr,
  getItem,
  getIter,
  isExceptionOf,
  isTrue,
  iterNext,
  len,
  repr,
  setAttr,
  setItem,
  str,
  strValueOf,
  unaryInvert,
  unaryNegative,
} from "../objects/ops.ts";
import { currentTier } from "./tier.ts";
import { type PyRangeIterator, rangeIteratorType } from "../objects/types/iterators.ts";
import { setUpdate } from "../objects/types/set.ts";
import { formatObject } from "../objects/format.ts";
import { asciiRepr } from "../objects/repr.ts";
import {
  asyncWithMethods,
  cachedDunder,
  cacheGlobal,
  cacheInstanceAttr,
  callOther,
  compareValues,
  deleteName,
  dictUpdate,
  enterFrame,
  enterGenerator,
  exceptionGroupMatch,
  exceptionMatches,
  frameForCall,
  GENERIC_OF,
  getAsyncIter,
  getAsyncNext,
  getItemOrUndefined,
  interpStats,
  intrinsic1,
  isMapping,
  isSequence,
  leaveGenerator,
  listExtend,
  loadAttrUncached,
  loadGlobal,
  loadName,
  loopCounters,
  makeRaise,
  matchClass,
  matchKeys,
  nameError,
  prepReraiseStar,
  reflectedBinaryOp,
  RETURN_TO_BINARY_OP,
  RETURN_TO_CALL,
  RETURN_TO_FOR_ITER,
  RETURN_TO_INIT,
  RETURN_TO_SEND,
  send,
  setFunctionAttribute,
  simpleSlice,
  spreadCallArgs,
  SUSPENDABLE,
  unboundDeref,
  unboundLocal,
  unpackEx,
  unpackSequence,
  unwind,
  withMethods,
} from "./interp_support.ts";

// The loop's state, as every body sees it. Declared for the type checker only: the generator
// pastes each body into the loop (vm/generated/interp_loop.ts), where these are its locals.
/** The frame running. */
declare let f: Frame;
/** The frame the loop function was entered with (returning from it leaves the loop). */
declare let entry: Frame;
/** f's code object, its bytecode, constants and names. */
declare let code: PyCode;
declare let bc: Uint16Array;
declare let consts: PyValue[];
declare let names: string[];
/** f's locals and value stack (one array), and the stack pointer (the next free slot). */
declare let s: Slot[];
declare let sp: number;
/** The next code unit: past the instruction and its cache cells while a body runs. */
declare let ip: number;
/** The instruction's operand (EXTENDED_ARG prefixes included). */
declare const oparg: number;
/** The instruction's opcode (for bodies shared by several instructions). */
declare const opcode: number;
/** Set before throwing an exception that must keep its traceback (re-raise). */
declare let reraising: boolean;
/** The instruction's cache cells (see vm/bytecodes_dsl.ts). */
declare const cache: Record<string, number>;
declare const cacheRef: Record<string, unknown>;
declare const cacheStart: number;

// =============================================================================================
// The loop functions. `// @cases hot` and `// @cases cold` are where the generator puts the cases.

// The loop state lives in locals, which the cases read and reassign: only in the generated loop
// is every one of them used (the lint directives are dropped there).
template("run", function run(entry: Frame, throwing: PyValue | null): PyValue {
  let f = entry;
  // deno-lint-ignore prefer-const
  let code = f.code;
  // deno-lint-ignore prefer-const
  let bc = code.code;
  // deno-lint-ignore prefer-const no-unused-vars
  let consts = code.consts;
  // deno-lint-ignore prefer-const no-unused-vars
  let names = code.names;
  // deno-lint-ignore prefer-const no-unused-vars
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
      dispatch: for (;;) {
        const word = bc[ip++];
        let opcode = word & 0xff;
        let oparg = word >> 8;
        while (opcode === 2 /* EXTENDED_ARG */) {
          const next = bc[ip++];
          opcode = next & 0xff;
          oparg = (oparg << 8) | (next >> 8);
        }
        switch (opcode) {
          // @cases hot
          default: {
            // A specialized instruction this loop has no case for: rewrite it back to its
            // generic instruction in place and run that (tier 2's deoptimization, for free).
            const generic = GENERIC_OF[opcode];
            if (generic === opcode) raise(Exc.SystemError, `unknown opcode ${opcode}`);
            const start = ip - 1 - (oparg > 0xffffff ? 3 : oparg > 0xffff ? 2 : oparg > 0xff ? 1 : 0);
            bc[ip - 1] = (bc[ip - 1] & 0xff00) | generic;
            ip = start;
            continue dispatch;
          }
        }
      }
    } catch (e) {
      f.ip = ip;
      f.sp = sp;
      f = unwind(entry, f, e, reraising);
      reraising = false;
      threadState.frame = f;
      LOAD_FRAME_LOCALS();
      sp = f.sp;
      ip = f.ip;
    }
  }
});

/**
 * The instructions a hot loop rarely runs, out of `run` (same bodies, same stack, same oparg;
 * none jumps, switches frames or re-raises). V8 waits until a function has run about (its
 * bytecode length × a constant) bytecodes before optimizing it, and re-waits whenever an inline
 * cache in it changes: every instruction moved here makes `run` reach optimized code sooner.
 * Returns the new stack pointer.
 */
template(
  "runColdInstruction",
  // deno-lint-ignore no-unused-vars
  function runColdInstruction(f: Frame, opcode: number, oparg: number, sp: number): number {
    // deno-lint-ignore no-unused-vars
    const s = f.values;
    const code = f.code;
    // deno-lint-ignore no-unused-vars
    const names = code.names;
    switch (opcode) {
      // @cases cold
      default:
        raise(Exc.SystemError, `unknown opcode ${opcode}`);
    }
    return sp;
  },
);

// =============================================================================================
// Instructions

inst("CACHE", { stack: "--" }, () => {});
inst("NOP", { stack: "--" }, () => {});
/** Consumed by the loop's dispatch (its oparg prefixes the next instruction's); never run. */
inst("EXTENDED_ARG", { arg: "int", stack: "--" }, () => {});
inst("RESUME", { arg: "resume", stack: "--" }, () => {});

// Stack manipulation

inst("POP_TOP", { stack: "value --" }, (_value: PyValue) => {});
inst("PUSH_NULL", { stack: "-- res" }, (): null => {
  return null;
});
inst("COPY", { arg: "int", stack: { pops: "oparg", pushes: "oparg + 1" } }, () => {
  s[sp] = s[sp - oparg];
  sp++;
});
inst("SWAP", { arg: "int", stack: { pops: "oparg", pushes: "oparg" } }, () => {
  const t = s[sp - 1];
  s[sp - 1] = s[sp - oparg];
  s[sp - oparg] = t;
});

// Loads and stores

inst("LOAD_CONST", { arg: "const", stack: "-- value" }, (): PyValue => {
  return consts[oparg];
});
macro("RETURN_CONST", { arg: "const", terminal: true }, ["LOAD_CONST", "RETURN_VALUE"]);
inst("LOAD_FAST", { arg: "local", stack: "-- value" }, (): PyValue => {
  const value = s[oparg];
  if (value === undefined) unboundLocal(code, oparg);
  return value as PyValue;
});
inst("LOAD_FAST_CHECK", { arg: "local", stack: "-- value" }, "LOAD_FAST");
inst("LOAD_FAST_AND_CLEAR", { arg: "local", stack: "-- value" }, (): Slot => {
  const value = s[oparg];
  s[oparg] = undefined;
  return value;
});
inst("STORE_FAST", { arg: "local", stack: "value --" }, (value: PyValue) => {
  s[oparg] = value;
});
inst("DELETE_FAST", { arg: "local", stack: "--", cold: true }, () => {
  if (s[oparg] === undefined) unboundLocal(code, oparg);
  s[oparg] = undefined;
});
inst("LOAD_CLOSURE", { arg: "local", stack: "-- cell" }, (): Slot => {
  return s[oparg];
});
inst("LOAD_DEREF", { arg: "local", stack: "-- value" }, (): PyValue => {
  const value = (s[oparg] as PyCell).value;
  if (value === undefined) unboundDeref(code, oparg);
  return value as PyValue;
});
inst("STORE_DEREF", { arg: "local", stack: "value --" }, (value: PyValue) => {
  (s[oparg] as PyCell).value = value;
});
inst("DELETE_DEREF", { arg: "local", stack: "--", cold: true }, () => {
  const cell = s[oparg] as PyCell;
  if (cell.value === undefined) unboundDeref(code, oparg);
  cell.value = undefined;
});
inst("MAKE_CELL", { arg: "local", stack: "--" }, () => {
  s[oparg] = new PyCell(s[oparg] as PyValue | undefined);
});
inst("COPY_FREE_VARS", { arg: "int", stack: "--", cold: true }, () => {
  const closure = (f.func as PyFunction).closure!;
  const base = code.nlocalsplus - oparg;
  for (let i = 0; i < oparg; i++) s[base + i] = closure[i];
});
inst(
  "LOAD_FROM_DICT_OR_DEREF",
  { arg: "local", stack: "mapping -- value", cold: true },
  (mapping: PyValue): PyValue => {
    const name = code.localsplusNames[oparg];
    let value = mapping instanceof PyDict ? mapping.getStr(name) : getItemOrUndefined(mapping, name);
    if (value === undefined) {
      value = (s[oparg] as PyCell).value;
      if (value === undefined) unboundDeref(code, oparg);
    }
    return value as PyValue;
  },
);
inst(
  "LOAD_FROM_DICT_OR_GLOBALS",
  { arg: "name", stack: "mapping -- value", cold: true },
  (mapping: PyValue): PyValue => {
    const name = names[oparg];
    const value = mapping instanceof PyDict ? mapping.getStr(name) : getItemOrUndefined(mapping, name);
    return value !== undefined ? value : loadGlobal(f, name);
  },
);
inst("LOAD_LOCALS", { stack: "-- locals", cold: true }, (): PyValue => {
  if (f.locals === null) raise(Exc.SystemError, "no locals found");
  return f.locals;
});
inst("LOAD_NAME", { arg: "name", stack: "-- value", cold: true }, (): PyValue => {
  return loadName(f, names[oparg]);
});
inst("STORE_NAME", { arg: "name", stack: "value --", cold: true }, (value: PyValue) => {
  const locals = f.locals;
  if (locals === null) raise(Exc.SystemError, `no locals found when storing '${names[oparg]}'`);
  if (locals.cls === dictType) locals.setStr(names[oparg], value);
  else setItem(locals, names[oparg], value);
});
inst("DELETE_NAME", { arg: "name", stack: "--", cold: true }, () => {
  deleteName(f, names[oparg]);
});
inst(
  "LOAD_GLOBAL",
  {
    arg: "global",
    stack: { pops: 0, pushes: "1 + (oparg & 1)" },
    cache: ["index", "keysLength", "unused1", "unused2"],
  },
  () => {
    // Inline cache (cacheGlobal): the entry index of the name in globals (index > 0), or in
    // builtins (index < 0) while globals' key array is the one that did not hold it.
    const name = names[oparg >> 1];
    const at = cache.index;
    const g = f.globals;
    let v: PyValue | undefined;
    if (at > 0) {
      if (g.keys[at - 1] === name) v = g.values[at - 1];
    } else if (at < 0) {
      const gk = g.keys;
      const bk = f.builtins.keys;
      if (cacheRef.index === gk && cache.keysLength === gk.length && bk[-at - 1] === name) {
        v = f.builtins.values[-at - 1];
      }
    }
    if (v === undefined) v = cacheGlobal(f, name, cacheStart);
    s[sp++] = v;
    if (oparg & 1) s[sp++] = null;
  },
);
inst("STORE_GLOBAL", { arg: "name", stack: "value --", cold: true }, (value: PyValue) => {
  f.globals.setStr(names[oparg], value);
});
inst("DELETE_GLOBAL", { arg: "name", stack: "--", cold: true }, () => {
  if (f.globals.delete(names[oparg]) === undefined) nameError(names[oparg]);
});
inst(
  "LOAD_ATTR",
  {
    arg: "attr",
    stack: { pops: 1, pushes: "1 + (oparg & 1)" },
    cache: ["index0", "version0", "index1", "version1"],
  },
  () => {
    // Two-entry inline cache (cacheInstanceAttr, fillAttrCache): per entry a type version plus the
    // instance-dict entry index, the __slots__ index, or the method found on that type.
    const owner = s[sp - 1] as PyValue;
    if (typeof owner === "object") {
      const version = owner.cls.version;
      const e = version === cache.version0 ? cacheStart : version === cache.version1 ? cacheStart + 2 : -1;
      if (e >= 0) {
        const d = owner.dict;
        const name = names[oparg >> 1];
        if (oparg & 1) {
          if (ownAttr(owner, name) === undefined) {
            s[sp - 1] = code.cacheRef[e] as PyValue;
            s[sp++] = owner;
            return;
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
                return;
              }
            }
          } else {
            // A __slots__ member: the instance's slot array.
            const slots = (owner as PyInstance).slots;
            if (slots != null) {
              const v = slots[-at - 1];
              if (v !== undefined) {
                s[sp - 1] = v;
                return;
              }
            }
          }
        }
      }
    }
    sp = loadAttrUncached(code, cacheStart, s, sp, oparg);
  },
);
inst(
  "STORE_ATTR",
  { arg: "name", stack: "value owner --", cache: ["index0", "version0", "index1", "version1"] },
  (value: PyValue, owner: PyValue) => {
    if (typeof owner === "object") {
      const version = owner.cls.version;
      const e = version === cache.version0 ? cacheStart : version === cache.version1 ? cacheStart + 2 : -1;
      if (e >= 0) {
        const at = code.cacheIndex[e];
        if (at >= 0) {
          const d = owner.dict;
          if (d !== null) {
            const name = names[oparg];
            if (d.keys[at] === name) {
              // An existing instance attribute: PyDict.setStr's update of an existing key.
              d.values[at] = value;
              d.version++;
            } else d.setStr(name, value); // the type lets the instance dict take it
            return;
          }
        } else {
          const slots = (owner as PyInstance).slots;
          if (slots != null) {
            slots[-at - 1] = value;
            return;
          }
        }
      }
    }
    setAttr(owner, names[oparg], value);
    cacheInstanceAttr(code, cacheStart, owner, names[oparg], true);
  },
);
inst("DELETE_ATTR", { arg: "name", stack: "owner --", cold: true }, (owner: PyValue) => {
  delAttr(owner, names[oparg]);
});
inst(
  "LOAD_SUPER_ATTR",
  { arg: "superattr", stack: { pops: 3, pushes: "1 + (oparg & 1)" }, cache: ["unused"] },
  () => {
    const self = s[--sp] as PyValue;
    const cls = s[--sp] as PyValue;
    const sup = call(s[--sp] as PyValue, [cls, self], null);
    s[sp++] = getAttr(sup, names[oparg >> 2]);
    if (oparg & 1) s[sp++] = null;
  },
);

// Operators

inst("UNARY_NEGATIVE", { stack: "value -- res" }, (value: PyValue): PyValue => {
  return typeof value === "number" ? (value === 0 ? 0 : -value) : unaryNegative(value);
});
inst("UNARY_NOT", { stack: "value -- res" }, (value: PyValue): PyValue => {
  return typeof value === "boolean" ? !value : !isTrue(value);
});
inst("UNARY_INVERT", { stack: "value -- res", cold: true }, (value: PyValue): PyValue => {
  return unaryInvert(value);
});
inst("BINARY_OP", { arg: "binop", stack: { pops: 2, pushes: 1 }, cache: ["dunderVersion"] }, () => {
  const b = s[--sp] as PyValue;
  const a = s[sp - 1] as PyValue;
  if (typeof a === "number" && typeof b === "number") {
    // Small-int fast paths; anything that could overflow or needs Python rounding rules goes
    // to binaryOp.
    let r = NaN;
    switch (oparg >= 13 ? oparg - 13 : oparg) {
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
      return;
    }
  } else if (typeof a === "object" && a.cls === floatType) {
    // float OP float / float OP int: the float kernels directly (binaryOp would test the int
    // case first and go through instanceof).
    const y = typeof b === "number"
      ? b
      : typeof b === "object" && b.cls === floatType
      ? (b as PyFloat).value
      : undefined;
    if (y !== undefined) {
      const x = (a as PyFloat).value;
      const o = oparg >= 13 ? oparg - 13 : oparg;
      // + - * allocate their result right here (one allocation site V8 inlines into the loop);
      // the rest go through floatBinary.
      if (o === 0 || o === 10 || o === 5) {
        s[sp - 1] = new PyFloat(o === 0 ? x + y : o === 10 ? x - y : x * y);
        return;
      }
      const r = floatBinary(x, y, o);
      if (r !== undefined) {
        s[sp - 1] = r;
        return;
      }
    }
  } else if (typeof a === "object" && (a.cls.flags & TYPE_HEAP) !== 0 && oparg < 13) {
    const dunder = cachedDunder(code, cacheStart, a.cls, typeOf(b), oparg);
    if (dunder !== null) {
      // a.__op__(b) of a Python class runs as a frame of this loop; a and b stay on this
      // frame's stack for the NotImplemented fallback (see RETURN_TO_BINARY_OP).
      sp++;
      const frame = acquireFrame(dunder.code, dunder.globals, dunder.builtins, dunder);
      frame.values[0] = a;
      frame.values[1] = b;
      frame.returnMode = RETURN_TO_BINARY_OP;
      enterFrame(f, frame, sp, ip);
      f = frame;
      LOAD_FRAME_LOCALS();
      sp = code.nlocalsplus;
      ip = code.bodyStart;
      return;
    }
  }
  s[sp - 1] = binaryOp(a, b, oparg);
});
inst(
  "BINARY_SUBSCR",
  { stack: "container key -- res", cache: ["unused"] },
  (container: PyValue, key: PyValue): PyValue => {
    if (typeof key === "number" && typeof container === "object") {
      // list[i] / tuple[i] in range, without a call.
      const ct = container.cls;
      if (ct === listType || ct === tupleType) {
        const items = (container as PyList).items;
        const i = key < 0 ? key + items.length : key;
        if (i >= 0 && i < items.length) return items[i];
      }
    }
    return getItem(container, key);
  },
);
inst(
  "STORE_SUBSCR",
  { stack: "value container key --", cache: ["unused"] },
  (value: PyValue, container: PyValue, key: PyValue) => {
    if (typeof key === "number" && typeof container === "object" && container.cls === listType) {
      const items = (container as PyList).items;
      const i = key < 0 ? key + items.length : key;
      if (i >= 0 && i < items.length) {
        items[i] = value;
        return;
      }
    }
    setItem(container, key, value);
  },
);
inst("DELETE_SUBSCR", { stack: "container key --", cold: true }, (container: PyValue, key: PyValue) => {
  delItem(container, key);
});
inst(
  "BINARY_SLICE",
  { stack: "container start stop -- res", cold: true },
  (container: PyValue, start: PyValue, stop: PyValue): PyValue => {
    return simpleSlice(container, start, stop) ?? getItem(container, buildSlice(start, stop));
  },
);
inst(
  "STORE_SLICE",
  { stack: "value container start stop --", cold: true },
  (value: PyValue, container: PyValue, start: PyValue, stop: PyValue) => {
    setItem(container, buildSlice(start, stop), value);
  },
);
inst(
  "COMPARE_OP",
  { arg: "compare", stack: "left right -- res", cache: ["unused"] },
  (left: PyValue, right: PyValue): PyValue => {
    return compareValues(left, right, oparg);
  },
);
inst("IS_OP", { arg: "is", stack: "left right -- res" }, (left: PyValue, right: PyValue): boolean => {
  return (left === right) !== (oparg === 1);
});
inst(
  "CONTAINS_OP",
  { arg: "contains", stack: "item container -- res", cache: ["unused"] },
  (item: PyValue, container: PyValue): boolean => {
    return contains(container, item) !== (oparg === 1);
  },
);
inst(
  "CALL_INTRINSIC_1",
  { arg: "intrinsic1", stack: "value -- res", cold: true },
  (value: PyValue): PyValue => {
    return intrinsic1(f, oparg, value);
  },
);
inst(
  "CALL_INTRINSIC_2",
  { arg: "intrinsic2", stack: "value1 value2 -- res", cold: true },
  (value1: PyValue, value2: PyValue): PyValue => {
    return prepReraiseStar(value1, value2);
  },
);

// Control flow

inst("JUMP_FORWARD", { arg: "jump", stack: "--", jump: "forward", terminal: true }, () => {
  ip += oparg;
});
inst(
  "JUMP_BACKWARD",
  { arg: "jump", stack: "--", jump: "backward", terminal: true, cache: ["unused"] },
  () => {
    ip -= oparg;
    if ((++loopCounters.backEdges & 255) === 0) {
      // A long-running frame's value array ends up in V8's old generation, and every young object
      // stored into it (each new float of a float loop) then takes the old-to-new write barrier;
      // a fresh copy now and then stays young (nbody 14% faster).
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
  },
);
inst("JUMP_BACKWARD_NO_INTERRUPT", { arg: "jump", stack: "--", jump: "backward", terminal: true }, () => {
  ip -= oparg;
});
inst(
  "POP_JUMP_IF_FALSE",
  { arg: "jump", stack: "cond --", jump: "forward", cache: ["unused"] },
  (cond: PyValue) => {
    if (cond === false || (cond !== true && (typeof cond === "number" ? cond === 0 : !isTrue(cond)))) {
      ip += oparg;
    }
  },
);
inst(
  "POP_JUMP_IF_TRUE",
  { arg: "jump", stack: "cond --", jump: "forward", cache: ["unused"] },
  (cond: PyValue) => {
    if (cond === true || (cond !== false && (typeof cond === "number" ? cond !== 0 : isTrue(cond)))) {
      ip += oparg;
    }
  },
);
inst(
  "POP_JUMP_IF_NONE",
  { arg: "jump", stack: "value --", jump: "forward", cache: ["unused"] },
  (value: PyValue) => {
    if (value === None) ip += oparg;
  },
);
inst(
  "POP_JUMP_IF_NOT_NONE",
  { arg: "jump", stack: "value --", jump: "forward", cache: ["unused"] },
  (value: PyValue) => {
    if (value !== None) ip += oparg;
  },
);
inst("GET_ITER", { stack: "iterable -- iter" }, (iterable: PyValue): PyValue => {
  return getIter(iterable);
});
inst(
  "FOR_ITER",
  { arg: "jump", stack: { pops: 1, pushes: 2, jumpPushes: 1 }, jump: "forward", cache: ["unused"] },
  () => {
    const it = s[sp - 1] as PyObject;
    const itType = it.cls;
    if (itType === rangeIteratorType) {
      // for i in range(...): the iterator's step right here, not through tp_iternext.
      const r = it as PyRangeIterator;
      if (r.left > 0) {
        r.left--;
        const v = r.cur;
        r.cur = v + r.step;
        s[sp++] = v;
      } else ip += oparg;
      return;
    }
    if (itType === generatorType) {
      // Run the generator's frame in this loop (no JS recursion per value).
      const gf = (it as PyGenerator).frame;
      const state = gf.state;
      if (state === FRAME_SUSPENDED || state === FRAME_CREATED) {
        f.ip = ip;
        f.sp = sp;
        enterGenerator(f, it as PyGenerator, None, RETURN_TO_FOR_ITER, oparg);
        f = gf;
        threadState.frame = f;
        LOAD_FRAME_LOCALS();
        sp = f.sp;
        ip = f.ip;
        return;
      }
      if (state === FRAME_DONE) {
        ip += oparg;
        return;
      }
    }
    const nextSlot = itType.tp_iternext;
    const v = nextSlot !== null ? nextSlot(it) : iterNext(it);
    if (v === undefined) ip += oparg;
    else s[sp++] = v;
  },
);
inst("END_FOR", { stack: "iter --" }, (_iter: PyValue) => {});

/**
 * Returning from the running frame: to the caller's loop frame (pushing the value, or finishing a
 * class call or a dunder call), or out of the loop function when it is the entry frame.
 */
inst("RETURN_VALUE", { stack: "retval --", terminal: true }, (retval: PyValue) => {
  f.state = FRAME_DONE;
  if (f === entry) EXIT_LOOP(retval);
  const mode = f.returnMode;
  const jump = f.returnJump;
  const initSelf = f.initSelf;
  if (mode === RETURN_TO_FOR_ITER || mode === RETURN_TO_SEND) leaveGenerator(f, retval);
  const caller = f.back!;
  if (mode === RETURN_TO_CALL || mode === RETURN_TO_INIT || mode === RETURN_TO_BINARY_OP) {
    releaseFrame(f);
  }
  threadState.depth--;
  f = caller;
  threadState.frame = f;
  LOAD_FRAME_LOCALS();
  sp = f.sp;
  ip = f.ip;
  if (mode === RETURN_TO_BINARY_OP) {
    const right = s[--sp] as PyValue;
    const left = s[--sp] as PyValue;
    s[sp++] = retval === NotImplemented ? reflectedBinaryOp(left, right, bc[ip - 2] >> 8) : retval;
  } else if (mode === RETURN_TO_INIT) {
    // The frame below called a class: the value of the call is the new instance.
    if (retval !== None) raise(Exc.TypeError, `__init__() should return None, not '${typeOf(retval).name}'`);
    s[sp++] = initSelf;
  } else if (mode !== RETURN_TO_FOR_ITER) s[sp++] = retval;
  ip += jump;
});

// Building

inst("BUILD_TUPLE", { arg: "int", stack: { pops: "oparg", pushes: 1 } }, () => {
  if (oparg === 0) {
    s[sp++] = EMPTY_TUPLE;
    return;
  }
  const items = s.slice(sp - oparg, sp) as PyValue[];
  sp -= oparg;
  s[sp++] = new PyTuple(items);
});
inst("BUILD_LIST", { arg: "int", stack: { pops: "oparg", pushes: 1 } }, () => {
  const items = oparg === 0 ? [] : s.slice(sp - oparg, sp) as PyValue[];
  sp -= oparg;
  s[sp++] = new PyList(items);
});
inst("BUILD_SET", { arg: "int", stack: { pops: "oparg", pushes: 1 }, cold: true }, () => {
  const set = new PySet();
  for (let i = sp - oparg; i < sp; i++) set.add(s[i] as PyValue);
  sp -= oparg;
  s[sp++] = set;
});
inst("BUILD_MAP", { arg: "int", stack: { pops: "2 * oparg", pushes: 1 }, cold: true }, () => {
  const d = new PyDict();
  for (let i = sp - 2 * oparg; i < sp; i += 2) d.set(s[i] as PyValue, s[i + 1] as PyValue);
  sp -= 2 * oparg;
  s[sp++] = d;
});
inst("BUILD_CONST_KEY_MAP", { arg: "int", stack: { pops: "oparg + 1", pushes: 1 }, cold: true }, () => {
  const keys = (s[--sp] as PyTuple).items;
  const d = new PyDict();
  for (let i = 0; i < oparg; i++) d.set(keys[i], s[sp - oparg + i] as PyValue);
  sp -= oparg;
  s[sp++] = d;
});
inst("BUILD_STRING", { arg: "int", stack: { pops: "oparg", pushes: 1 }, cold: true }, () => {
  let out = "";
  for (let i = sp - oparg; i < sp; i++) {
    const part = s[i] as PyValue;
    // A field whose __format__ returned a str subclass instance holds that object.
    out += typeof part === "string" ? part : strValueOf(part)!;
  }
  sp -= oparg;
  s[sp++] = out;
});
inst("BUILD_SLICE", { arg: "int", stack: { pops: "oparg", pushes: 1 }, cold: true }, () => {
  const step = oparg === 3 ? s[--sp] as PyValue : None;
  const stop = s[--sp] as PyValue;
  s[sp - 1] = buildSlice(s[sp - 1] as PyValue, stop, step);
});
inst("LIST_APPEND", { arg: "int", stack: { pops: 1, pushes: 0 } }, () => {
  const v = s[--sp] as PyValue;
  (s[sp - oparg] as PyList).items.push(v);
});
inst("SET_ADD", { arg: "int", stack: { pops: 1, pushes: 0 }, cold: true }, () => {
  const v = s[--sp] as PyValue;
  (s[sp - oparg] as PySet).add(v);
});
inst("MAP_ADD", { arg: "int", stack: { pops: 2, pushes: 0 }, cold: true }, () => {
  const v = s[--sp] as PyValue;
  const k = s[--sp] as PyValue;
  (s[sp - oparg] as PyDict).set(k, v);
});
inst("LIST_EXTEND", { arg: "int", stack: { pops: 1, pushes: 0 }, cold: true }, () => {
  const v = s[--sp] as PyValue;
  listExtend(s[sp - oparg] as PyList, v);
});
inst("SET_UPDATE", { arg: "int", stack: { pops: 1, pushes: 0 }, cold: true }, () => {
  const v = s[--sp] as PyValue;
  setUpdate(s[sp - oparg] as PySet, v);
});
inst("DICT_UPDATE", { arg: "int", stack: { pops: 1, pushes: 0 }, cold: true }, () => {
  const v = s[--sp] as PyValue;
  dictUpdate(s[sp - oparg] as PyDict, v, null);
});
inst("DICT_MERGE", { arg: "int", stack: { pops: 1, pushes: 0 }, cold: true }, () => {
  const v = s[--sp] as PyValue;
  dictUpdate(s[sp - oparg] as PyDict, v, s[sp - oparg - 3] as PyValue);
});
inst("UNPACK_SEQUENCE", { arg: "int", stack: { pops: 1, pushes: "oparg" }, cache: ["unused"] }, () => {
  const v = s[sp - 1] as PyValue;
  if ((v instanceof PyTuple || v instanceof PyList) && v.items.length === oparg) {
    const items = v.items;
    sp--;
    for (let i = oparg - 1; i >= 0; i--) s[sp++] = items[i];
  } else sp = unpackSequence(s, sp, oparg);
});
inst(
  "UNPACK_EX",
  { arg: "int", stack: { pops: 1, pushes: "(oparg & 0xff) + (oparg >> 8) + 1" }, cold: true },
  () => {
    sp = unpackEx(s, sp, oparg);
  },
);

// Formatting

inst("FORMAT_SIMPLE", { stack: "value -- res", cold: true }, (value: PyValue): PyValue => {
  return typeof value === "string" ? value : formatObject(value, "");
});
inst(
  "FORMAT_WITH_SPEC",
  { stack: "value spec -- res", cold: true },
  (value: PyValue, spec: string): PyValue => {
    return formatObject(value, spec);
  },
);
inst("CONVERT_VALUE", { arg: "convert", stack: "value -- res", cold: true }, (value: PyValue): PyValue => {
  return oparg === 1 ? str(value) : oparg === 2 ? repr(value) : asciiRepr(repr(value));
});

// Calls and functions

/** CALL and CALL_KW (whose keyword names are a tuple on top of the arguments) share this body. */
inst("CALL", {
  arg: "int",
  stack: { pops: "oparg + 2", pushes: 1 },
  cache: ["unused0", "unused1", "unused2"],
}, () => {
  const kwnames = opcode === Op.CALL_KW ? (s[--sp] as PyTuple).items as string[] : null;
  let callable = s[sp - oparg - 2] as PyValue;
  const self = s[sp - oparg - 1];
  let argStart = sp - oparg;
  let nargs = oparg;
  if (self !== null) {
    argStart--;
    nargs++;
  } else if (typeof callable === "object" && callable.cls === methodType) {
    s[sp - oparg - 1] = (callable as PyMethod).self;
    callable = (callable as PyMethod).func;
    argStart--;
    nargs++;
  }
  // A Python function, or a class whose __init__ is one, runs as a frame of this loop; a plain
  // positional call of a function binds its arguments right here.
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
    sp -= oparg + 2;
    enterFrame(f, frame, sp, ip);
    f = frame;
    LOAD_FRAME_LOCALS();
    sp = code.nlocalsplus;
    ip = code.bodyStart;
    return;
  }
  s[sp - oparg - 2] = callOther(callable, self, s, argStart, nargs, kwnames);
  sp -= oparg + 1;
});
inst(
  "CALL_KW",
  { arg: "int", stack: { pops: "oparg + 3", pushes: 1 }, cache: ["unused0", "unused1", "unused2"] },
  "CALL",
);
inst("CALL_FUNCTION_EX", { arg: "int", stack: { pops: "3 + (oparg & 1)", pushes: 1 } }, () => {
  const kwargs = oparg & 1 ? s[--sp] as PyDict : null;
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
    LOAD_FRAME_LOCALS();
    sp = code.nlocalsplus;
    ip = code.bodyStart;
    return;
  }
  // `target` and `args`: a bound method's self is among the arguments already.
  s[sp - 1] = call(target, args, kwnames);
});
inst("MAKE_FUNCTION", { stack: "codeobj -- func", cold: true }, (codeobj: PyCode): PyValue => {
  return new PyFunction(codeobj, f.globals, f.builtins);
});
inst(
  "SET_FUNCTION_ATTRIBUTE",
  { arg: "funcattr", stack: "attr func -- func", cold: true },
  (attr: PyValue, func: PyFunction) => {
    setFunctionAttribute(func, oparg, attr);
  },
);
inst("LOAD_BUILD_CLASS", { stack: "-- buildClass", cold: true }, (): PyValue => {
  const buildClass = f.builtins.getStr("__build_class__");
  if (buildClass === undefined) raise(Exc.NameError, "__build_class__ not found");
  return buildClass;
});
inst("SETUP_ANNOTATIONS", { stack: "--", cold: true }, () => {
  const locals = f.locals!;
  if (locals.getStr("__annotations__") === undefined) locals.setStr("__annotations__", new PyDict());
});

// Generators

inst("RETURN_GENERATOR", { stack: "-- res" }, (): PyValue => {
  return None;
});
inst("YIELD_VALUE", { arg: "int", stack: { pops: 1, pushes: 1 } }, () => {
  const v = s[--sp] as PyValue;
  f.ip = ip;
  f.sp = sp;
  f.state = FRAME_SUSPENDED;
  if (f === entry) EXIT_LOOP(v);
  // A generator run by FOR_ITER or SEND of the frame below: back to it.
  leaveGenerator(f, undefined);
  const caller = f.back!;
  threadState.depth--;
  f = caller;
  threadState.frame = f;
  LOAD_FRAME_LOCALS();
  sp = f.sp;
  ip = f.ip;
  s[sp++] = v;
});
inst("GET_YIELD_FROM_ITER", { stack: "iterable -- iter", cold: true }, (iterable: PyValue): PyValue => {
  return iterable instanceof PyGenerator ? iterable : getIter(iterable);
});
inst("SEND", { arg: "jump", stack: { pops: 2, pushes: 2 }, jump: "forward", cache: ["unused"] }, () => {
  const v = s[--sp] as PyValue;
  const receiver = s[sp - 1] as PyValue;
  if (receiver instanceof PyGenerator && receiver.cls === generatorType) {
    const gf = receiver.frame;
    const state = gf.state;
    if (state === FRAME_SUSPENDED || (state === FRAME_CREATED && v === None)) {
      f.ip = ip;
      f.sp = sp;
      enterGenerator(f, receiver, v, RETURN_TO_SEND, oparg);
      f = gf;
      threadState.frame = f;
      LOAD_FRAME_LOCALS();
      sp = f.sp;
      ip = f.ip;
      return;
    }
  }
  const sent = send(receiver, v);
  s[sp++] = sent.value;
  if (sent.done) ip += oparg;
});
inst("END_SEND", { stack: "receiver value -- value" }, (_receiver: PyValue, _value: PyValue) => {});
inst("CLEANUP_THROW", { stack: { pops: 3, pushes: 2 } }, () => {
  const exc = s[--sp] as PyValue;
  if (isExceptionOf(exc, Exc.StopIteration)) {
    sp -= 2;
    s[sp++] = None;
    s[sp++] = exc.value;
    return;
  }
  reraising = true;
  throw exc;
});

// Exceptions

inst("PUSH_EXC_INFO", { stack: { pops: 1, pushes: 2 } }, () => {
  const exc = s[sp - 1];
  s[sp - 1] = threadState.excInfo;
  s[sp++] = exc;
  threadState.excInfo = exc as PyValue;
});
inst("POP_EXCEPT", { stack: "prevExc --" }, (prevExc: PyValue) => {
  threadState.excInfo = prevExc;
});
inst(
  "CHECK_EXC_MATCH",
  { stack: "exc type -- exc res", cold: true },
  (exc: PyValue, type: PyValue): boolean => {
    return exceptionMatches(exc, type);
  },
);
inst("CHECK_EG_MATCH", { stack: { pops: 2, pushes: 2 }, cold: true }, () => {
  const type = s[--sp] as PyValue;
  const exc = s[--sp] as PyValue;
  const [rest, match] = exceptionGroupMatch(exc, type);
  s[sp++] = rest;
  s[sp++] = match;
  if (match !== None) threadState.excInfo = match;
});
inst("RERAISE", { arg: "int", stack: { pops: "oparg + 1", pushes: "oparg" }, terminal: true }, () => {
  const exc = s[--sp];
  reraising = true;
  throw exc;
});
inst("RAISE_VARARGS", { arg: "raise", stack: { pops: "oparg", pushes: 0 }, terminal: true }, () => {
  if (oparg === 0) {
    const exc = threadState.excInfo;
    if (exc === None) raise(Exc.RuntimeError, "No active exception to reraise");
    reraising = true;
    throw exc;
  }
  const cause = oparg === 2 ? s[--sp] as PyValue : undefined;
  throw makeRaise(s[--sp] as PyValue, cause);
});
inst("LOAD_ASSERTION_ERROR", { stack: "-- value", cold: true }, (): PyValue => {
  return Exc.AssertionError;
});
inst("BEFORE_WITH", { stack: { pops: 1, pushes: 2 }, cold: true }, () => {
  const mgr = s[sp - 1] as PyValue;
  const [exit, enter] = withMethods(mgr);
  s[sp - 1] = exit;
  s[sp++] = callMethod0(enter, mgr);
});
inst("WITH_EXCEPT_START", { stack: { pops: 4, pushes: 5 }, cold: true }, () => {
  const exc = s[sp - 1] as PyValue;
  const exit = s[sp - 4] as PyValue;
  const tb = exc instanceof PyBaseException ? exc.traceback : None;
  s[sp++] = call(exit, [typeOf(exc), exc, tb], null);
});

// Pattern matching

inst("GET_LEN", { stack: "subject -- subject length", cold: true }, (subject: PyValue): PyValue => {
  return len(subject);
});
inst(
  "MATCH_CLASS",
  { arg: "int", stack: "subject cls attrNames -- res", cold: true },
  (subject: PyValue, cls: PyValue, attrNames: PyTuple): PyValue => {
    return matchClass(subject, cls, oparg, attrNames.items as string[]);
  },
);
inst("MATCH_MAPPING", { stack: "subject -- subject res", cold: true }, (subject: PyValue): boolean => {
  return isMapping(subject);
});
inst("MATCH_SEQUENCE", { stack: "subject -- subject res", cold: true }, (subject: PyValue): boolean => {
  return isSequence(subject);
});
inst(
  "MATCH_KEYS",
  { stack: "subject keys -- subject keys values", cold: true },
  (subject: PyValue, keys: PyTuple): PyValue => {
    return matchKeys(subject, keys);
  },
);

// Imports

inst(
  "IMPORT_NAME",
  { arg: "name", stack: "level fromlist -- module", cold: true },
  (level: number, fromlist: PyValue): PyValue => {
    return importName(names[oparg], fromlist, level, f.globals);
  },
);
inst(
  "IMPORT_FROM",
  { arg: "name", stack: "module -- module value", cold: true },
  (module: PyValue): PyValue => {
    return importFrom(module, names[oparg]);
  },
);

// A superinstruction the assembler's peephole pass makes: two local loads in one.
inst("LOAD_FAST_LOAD_FAST", { arg: "local2", stack: { pops: 0, pushes: 2 } }, () => {
  const a = s[oparg >> 4];
  if (a === undefined) unboundLocal(code, oparg >> 4);
  const b = s[oparg & 15];
  if (b === undefined) unboundLocal(code, oparg & 15);
  s[sp++] = a;
  s[sp++] = b;
});

// Coroutines

inst("GET_AWAITABLE", { arg: "int", stack: "iterable -- iter", cold: true }, (iterable: PyValue): PyValue => {
  return getAwaitable(iterable);
});
inst("BEFORE_ASYNC_WITH", { stack: { pops: 1, pushes: 2 }, cold: true }, () => {
  const mgr = s[sp - 1] as PyValue;
  const [exit, enter] = asyncWithMethods(mgr);
  s[sp - 1] = exit;
  s[sp++] = callMethod0(enter, mgr);
});
inst("GET_AITER", { stack: "aiterable -- aiter", cold: true }, (aiterable: PyValue): PyValue => {
  return getAsyncIter(aiterable);
});
inst("GET_ANEXT", { stack: "aiter -- aiter awaitable", cold: true }, (aiter: PyValue): PyValue => {
  return getAsyncNext(aiter);
});
inst("END_ASYNC_FOR", { stack: { pops: 2, pushes: 0 } }, () => {
  const exc = s[--sp] as PyValue;
  if (!isExceptionOf(exc, Exc.StopAsyncIteration)) {
    reraising = true;
    throw exc;
  }
  sp--;
});

// =============================================================================================
// Superinstructions (tier 1's quickened pairs, as CPython 3.11 named them). The quickener
// (vm/superinstructions.ts) fuses a pair when the second follows the first directly (no
// EXTENDED_ARG on it) and its oparg passes `when`; the second's code unit stays in place, so a
// jump to it, a traceback position, or a rewrite back to the first all stay right.

/**
 * LOAD_ATTR's cache hit on an attribute (not a method) in the instance dict or a __slots__ member:
 * the second half of LOAD_FAST__LOAD_ATTR (anything else is left to LOAD_ATTR itself).
 */
op(
  "_LOAD_ATTR_CACHED",
  { stack: "owner -- attr", cache: ["index0", "version0", "index1", "version1"] },
  (owner: PyValue): PyValue => {
    DEOPT_IF(typeof owner !== "object");
    const version = (owner as PyObject).cls.version;
    const e = version === cache.version0 ? cacheStart : version === cache.version1 ? cacheStart + 2 : -1;
    DEOPT_IF(e < 0);
    const at = code.cacheIndex[e];
    let v: PyValue | undefined;
    if (at >= 0) {
      const d = (owner as PyObject).dict;
      if (d !== null) {
        // The type lets the instance dict win: a miss at the cached index is only another key order.
        const name = names[oparg >> 1];
        v = d.keys[at] === name ? d.values[at] : d.getStr(name);
      }
    } else {
      const slots = (owner as PyInstance).slots;
      if (slots != null) v = slots[-at - 1];
    }
    DEOPT_IF(v === undefined);
    return v as PyValue;
  },
);
/**
 * POP_JUMP_IF_FALSE or _TRUE on a bool: the second half of COMPARE_OP__POP_JUMP_IF_FALSE and _TRUE,
 * which share one case (the opcode says which way the jump goes).
 */
op("_POP_JUMP_IF_BOOL", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(typeof cond !== "boolean");
  if (cond === (opcode === Op.COMPARE_OP__POP_JUMP_IF_TRUE)) ip += oparg;
});

// Attribute loads only (oparg bit 0 clear): a method load's fast path is LOAD_ATTR's own.
superinstruction("LOAD_FAST__LOAD_ATTR", ["LOAD_FAST", "LOAD_ATTR"], {
  when: "(oparg & 1) === 0",
  second: "_LOAD_ATTR_CACHED",
});
superinstruction("STORE_FAST__LOAD_FAST", ["STORE_FAST", "LOAD_FAST"], {});
superinstruction("COMPARE_OP__POP_JUMP_IF_FALSE", ["COMPARE_OP", "POP_JUMP_IF_FALSE"], {
  second: "_POP_JUMP_IF_BOOL",
});
superinstruction("COMPARE_OP__POP_JUMP_IF_TRUE", ["COMPARE_OP", "POP_JUMP_IF_TRUE"], {
  second: "_POP_JUMP_IF_BOOL",
});

// =============================================================================================
// Pseudo-instructions: block set-up for the exception table and jumps the assembler resolves.

pseudo("SETUP_FINALLY", { arg: "jump", pops: 0, pushes: 0, jump: "forward", jumpPushes: 1 });
pseudo("SETUP_CLEANUP", { arg: "jump", pops: 0, pushes: 0, jump: "forward", jumpPushes: 2 });
pseudo("SETUP_WITH", { arg: "jump", pops: 0, pushes: 0, jump: "forward", jumpPushes: 1 });
pseudo("POP_BLOCK", { arg: "none", pops: 0, pushes: 0 });
/** An instruction merged away by the assembler's peephole pass. */
pseudo("REMOVED", { arg: "none", pops: 0, pushes: 0 });
pseudo("JUMP", { arg: "jump", pops: 0, pushes: 0, jump: "forward", terminal: true });
pseudo("JUMP_NO_INTERRUPT", { arg: "jump", pops: 0, pushes: 0, jump: "forward", terminal: true });
