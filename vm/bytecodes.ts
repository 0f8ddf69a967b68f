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
  ENTER_FRAME,
  EXIT_LOOP,
  family,
  inst,
  LOAD_FRAME_LOCALS,
  macro,
  op,
  pseudo,
  REDISPATCH,
  RESUME_FRAME,
  superinstruction,
  template,
  TIER_RAN,
} from "./bytecodes_dsl.ts";
import { Op } from "../instructions/opcodes.ts";
import { smallIntOp } from "../objects/types/int.ts";
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
import { bindFrame, callFunction, PyFunction } from "./function.ts";
import { generatorType, getAwaitable, PyGenerator } from "./generator.ts";
import { importFrom, importName } from "./import.ts";
import {
  DELETED,
  dictType,
  EMPTY_TUPLE,
  Exc,
  floatType,
  frozensetType,
  functionType,
  hasOwnAttrs,
  listType,
  methodType,
  moduleType,
  newException,
  None,
  NotImplemented,
  PyBaseException,
  type PyBuiltinFunction,
  PyCell,
  PyDict,
  PyFloat,
  type PyGetSetDescriptor,
  type PyInstance,
  PyList,
  type PyMethod,
  type PyMethodDescriptor,
  type PyObject,
  type PySet,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  setType,
  type Shape,
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
  callMethod0,
  compareNumbers,
  compareStrings,
  contains,
  delAttr,
  delItem,
  getAttr,
  getItem,
  getIter,
  hasSurrogates,
  isExceptionOf,
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
import { currentTier } from "./tier.ts";
import { backEdgeChecks, checkAtBackEdges } from "./interrupts.ts";
import {
  listIteratorType,
  type PyRangeIterator,
  type PySeqIterator,
  rangeIteratorType,
  tupleIteratorType,
} from "../objects/types/iterators.ts";
import { objectNew } from "../objects/types/type.ts";
import { setUpdate } from "../objects/types/set.ts";
import { formatObject } from "../objects/format.ts";
import { asciiRepr } from "../objects/repr.ts";
import {
  asyncWithMethods,
  buildConstKeyMap,
  buildMap,
  buildSet,
  buildString,
  callOther,
  compareValues,
  deleteName,
  deoptimize,
  dictUpdate,
  enterFrame,
  enterGenerator,
  exceptionGroupMatch,
  exceptionMatches,
  frameForCall,
  getAsyncIter,
  getAsyncNext,
  getItemOrUndefined,
  interpStats,
  intrinsic1,
  isMapping,
  isSequence,
  JUMP_ON_TRUE,
  leaveGenerator,
  listExtend,
  loadAttrGeneric,
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
  storeName,
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
/** The code unit of the instruction's opcode (declared for bodies that use it). */
declare const here: number;
/** The instruction's cache cells (see vm/bytecodes_dsl.ts). */
declare const cache: Record<string, number>;
declare const cacheRef: Record<string, unknown>;
declare const cacheStart: number;

// =============================================================================================
// The loop functions. `// @cases hot` and `// @cases cold` are where the generator puts the cases,
// `// @cases locals` where it declares the hot cases' locals (tools/cases/hoist_locals.ts).

// The loop state lives in locals, which the cases read and reassign: only in the generated loop
// is every one of them used (the lint directives are dropped there).
// `start`: the frame to run first, `entry` or one of a call below it, linked under it, where a
// trace left (a side path is recorded from there, jit/trace.ts; a function trace run directly
// goes on there, jit/tier.ts continueIn).
template("run", function run(entry: Frame, throwing: PyValue | null, start: Frame = entry): PyValue {
  let f = start;
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
  /** The code unit of the instruction running (set by the cases that need it). */
  // deno-lint-ignore prefer-const
  let here = 0;
  /** Its first cache cell (set by the cases that read cache cells). */
  // deno-lint-ignore prefer-const no-unused-vars
  let c = 0;
  /** The frame ENTER_FRAME and RESUME_FRAME continue in. */
  // deno-lint-ignore prefer-const
  let callee: Frame = entry;
  // @cases locals
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
        // @stats count
        // One pass through the switch per instruction; one just specialized switches again on
        // its new opcode (`continue reswitch`).
        reswitch: for (;;) {
          // Three ways out of a case other than finishing it, shared by every case that takes them
          // (one copy each keeps the loop small): `break miss`, `break enter`, `break resume`.
          // deno-lint-ignore no-unused-labels
          resume: {
            // deno-lint-ignore no-unused-labels
            enter: {
              // deno-lint-ignore no-unused-labels
              miss: {
                switch (opcode) {
                  // @cases hot
                  default:
                    raise(Exc.SystemError, `unknown opcode ${opcode}`);
                }
                continue dispatch;
              }
              // DEOPT_IF: a specialized instruction's guard failed (its inputs back on the stack):
              // count the miss (its last one turns it back into its family's adaptive form) and
              // run its generic instruction now.
              // @stats miss
              opcode = deoptimize(code, here, opcode);
              ip = here + 1;
              continue reswitch;
            }
            // ENTER_FRAME(callee): the caller's state saved, run the callee from its start.
            enterFrame(f, callee, sp, ip);
            f = callee;
            LOAD_FRAME_LOCALS();
            sp = code.nlocalsplus;
            ip = code.bodyStart;
            continue dispatch;
          }
          // RESUME_FRAME(callee): continue in a frame where it left off (a generator resumed).
          f = callee;
          threadState.frame = f;
          LOAD_FRAME_LOCALS();
          sp = f.sp;
          ip = f.ip;
          continue dispatch;
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
inst("RESUME", { arg: "resume", stack: "--" }, () => {
  // A function's entry counts its calls: tier 3 traces hot functions from here (the
  // other tiers start the count where it is never reached).
  if (oparg === 0 && --f.code.entryHot === 0) {
    f.ip = ip;
    f.sp = sp;
    TIER_RAN(currentTier.onHotEntry(f));
  }
});

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
  storeName(f, names[oparg], value);
});
inst("DELETE_NAME", { arg: "name", stack: "--", cold: true }, () => {
  deleteName(f, names[oparg]);
});
inst(
  "LOAD_GLOBAL",
  { arg: "global", stack: "-- res null if (oparg & 1)", cache: ["counter", "index", "keys", "builtinKeys"] },
  (): PyValue => {
    return loadGlobal(f, names[oparg >> 1]);
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
    cache: ["counter", "version", "version2", "index", "descr"],
  },
  () => {
    sp = loadAttrGeneric(s, sp, names[oparg >> 1], (oparg & 1) !== 0);
  },
);
inst(
  "STORE_ATTR",
  { arg: "name", stack: "value owner --", cache: ["counter", "version", "version2", "index", "descr"] },
  (value: PyValue, owner: PyValue) => {
    setAttr(owner, names[oparg], value);
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
// The generic forms of the specializable instructions are their whole protocols, with no fast
// paths of their own: the specialized variants are the fast paths (and tier 1, `--tier interp`,
// is the generic interpreter they are measured against).
inst(
  "BINARY_OP",
  { arg: "binop", stack: "left right -- res", cache: ["counter", "version", "descr"] },
  (left: PyValue, right: PyValue): PyValue => {
    return binaryOp(left, right, oparg);
  },
);
inst(
  "BINARY_SUBSCR",
  { stack: "container key -- res", cache: ["counter", "version", "descr"] },
  (container: PyValue, key: PyValue): PyValue => {
    return getItem(container, key);
  },
);
inst(
  "STORE_SUBSCR",
  { stack: "value container key --", cache: ["counter", "version", "descr"] },
  (value: PyValue, container: PyValue, key: PyValue) => {
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
  { arg: "compare", stack: "left right -- res", cache: ["counter"] },
  (left: PyValue, right: PyValue): PyValue => {
    return compareValues(left, right, oparg);
  },
);
inst("IS_OP", { arg: "is", stack: "left right -- res" }, (left: PyValue, right: PyValue): boolean => {
  return (left === right) !== (oparg === 1);
});
inst(
  "CONTAINS_OP",
  { arg: "contains", stack: "item container -- res", cache: ["counter"] },
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
  { arg: "jump", stack: "--", jump: "backward", terminal: true, cache: ["counter"] },
  () => {
    if ((++loopCounters.backEdges & backEdgeChecks.mask) === 0) {
      // A long-running frame's value array ends up in V8's old generation, and every young object
      // stored into it (each new float of a float loop) then takes the old-to-new write barrier;
      // a fresh copy now and then stays young (nbody 14% faster).
      s = s.slice();
      f.values = s;
      // Ctrl-C and an embedder's budget: raised here, before the jump, inside the loop.
      checkAtBackEdges();
    }
    ip -= oparg;
    // Each loop counts its own back-edges in its counter cell; the tier sets it again.
    if (--cache.counter === 0) {
      f.ip = ip;
      f.sp = sp;
      // The tier may run the loop (a trace): the frame's locals, stack and value array are then its.
      TIER_RAN(currentTier.onHotLoop(f, ip, cacheStart));
    }
  },
);
inst("JUMP_BACKWARD_NO_INTERRUPT", { arg: "jump", stack: "--", jump: "backward", terminal: true }, () => {
  ip -= oparg;
});
inst(
  "POP_JUMP_IF_FALSE",
  { arg: "jump", stack: "cond --", jump: "forward", cache: ["counter"] },
  (cond: PyValue) => {
    if (cond === false || (cond !== true && (typeof cond === "number" ? cond === 0 : !isTrue(cond)))) {
      ip += oparg;
    }
  },
);
inst(
  "POP_JUMP_IF_TRUE",
  { arg: "jump", stack: "cond --", jump: "forward", cache: ["counter"] },
  (cond: PyValue) => {
    if (cond === true || (cond !== false && (typeof cond === "number" ? cond !== 0 : isTrue(cond)))) {
      ip += oparg;
    }
  },
);
inst(
  "POP_JUMP_IF_NONE",
  { arg: "jump", stack: "value --", jump: "forward", cache: ["counter"] },
  (value: PyValue) => {
    if (value === None) ip += oparg;
  },
);
inst(
  "POP_JUMP_IF_NOT_NONE",
  { arg: "jump", stack: "value --", jump: "forward", cache: ["counter"] },
  (value: PyValue) => {
    if (value !== None) ip += oparg;
  },
);
inst("GET_ITER", { stack: "iterable -- iter" }, (iterable: PyValue): PyValue => {
  return getIter(iterable);
});
inst(
  "FOR_ITER",
  { arg: "jump", stack: { pops: 1, pushes: 2, jumpPushes: 1 }, jump: "forward", cache: ["counter"] },
  () => {
    const it = s[sp - 1] as PyObject;
    const itType = it.cls;
    if (itType === generatorType) {
      // Run the generator's frame in this loop (no JS recursion per value).
      const gf = (it as PyGenerator).frame;
      const state = gf.state;
      if (state === FRAME_SUSPENDED || state === FRAME_CREATED) {
        f.ip = ip;
        f.sp = sp;
        enterGenerator(f, it as PyGenerator, None, RETURN_TO_FOR_ITER, oparg);
        RESUME_FRAME(gf);
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
  const set = buildSet(s, sp - oparg, sp);
  sp -= oparg;
  s[sp++] = set;
});
inst("BUILD_MAP", { arg: "int", stack: { pops: "2 * oparg", pushes: 1 }, cold: true }, () => {
  const d = buildMap(s, sp - 2 * oparg, sp);
  sp -= 2 * oparg;
  s[sp++] = d;
});
inst("BUILD_CONST_KEY_MAP", { arg: "int", stack: { pops: "oparg + 1", pushes: 1 }, cold: true }, () => {
  const keys = s[--sp] as PyTuple;
  const d = buildConstKeyMap(keys, s, sp - oparg);
  sp -= oparg;
  s[sp++] = d;
});
inst("BUILD_STRING", { arg: "int", stack: { pops: "oparg", pushes: 1 }, cold: true }, () => {
  const out = buildString(s, sp - oparg, sp);
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
inst("UNPACK_SEQUENCE", { arg: "int", stack: { pops: 1, pushes: "oparg" }, cache: ["counter"] }, () => {
  sp = unpackSequence(s, sp, oparg);
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
inst(
  "CALL",
  { arg: "int", stack: { pops: "oparg + 2", pushes: 1 }, cache: ["counter", "func", "func2", "version"] },
  () => {
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
      ENTER_FRAME(frame);
    }
    // The frame's line, for a builtin that reads it (sys._getframe(), inspect.currentframe()).
    f.ip = ip;
    s[sp - oparg - 2] = callOther(callable, self, s, argStart, nargs, kwnames);
    sp -= oparg + 1;
  },
);
inst(
  "CALL_KW",
  { arg: "int", stack: { pops: "oparg + 3", pushes: 1 }, cache: ["counter", "func", "func2", "version"] },
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
    ENTER_FRAME(frame);
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
      RESUME_FRAME(gf);
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
  return lenBuiltin(subject);
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

// =============================================================================================
// Tier 2 (PEP 659): families of specialized variants. Quickening (specializer/quicken.ts) replaces
// each generic instruction of a family by its adaptive form, which counts down its first cache cell
// and then asks the specializer (currentTier.specialize) to rewrite it into the variant that fits
// what it sees; a variant's failed guard counts a miss and runs the generic instruction once
// (vm/interp_support.ts deoptimize). `--tier interp` never quickens: it runs the generic forms.

/** The adaptive forms' first uop: warm up, then specialize and run whatever the instruction became. */
op("_SPECIALIZE", { stack: "--", cache: ["counter"] }, () => {
  if ((--cache.counter & 0xffff) === 0) {
    currentTier.specialize(code, here, f, sp, oparg);
    REDISPATCH();
  }
});

// LOAD_GLOBAL: the globals' and builtins' key arrays stand for their keys' versions (a dict only
// ever appends to its key array or replaces it), and an entry deleted since reads as DELETED.

op(
  "_LOAD_GLOBAL_MODULE",
  { stack: "-- res null if (oparg & 1)", cache: ["index", "keys"] },
  (): PyValue => {
    const g = f.globals;
    DEOPT_IF(g.keys !== cacheRef.keys);
    const v = g.values[cache.index];
    DEOPT_IF(v === DELETED);
    return v;
  },
);
op(
  "_LOAD_GLOBAL_BUILTIN",
  { stack: "-- res null if (oparg & 1)", cache: ["index", "keys", "builtinKeys"] },
  (): PyValue => {
    // The name was not in globals when this keys array held cache.keys entries: still not there.
    const gk = f.globals.keys;
    DEOPT_IF(gk !== cacheRef.keys || gk.length !== cache.keys);
    const b = f.builtins;
    DEOPT_IF(b.keys !== cacheRef.builtinKeys);
    const v = b.values[cache.index];
    DEOPT_IF(v === DELETED);
    return v;
  },
);
macro("LOAD_GLOBAL_ADAPTIVE", { arg: "global", cache: ["counter", "index", "keys", "builtinKeys"] }, [
  "_SPECIALIZE",
  "LOAD_GLOBAL",
]);
macro("LOAD_GLOBAL_MODULE", { arg: "global", cache: ["counter", "index", "keys", "builtinKeys"] }, [
  "_LOAD_GLOBAL_MODULE",
]);
macro("LOAD_GLOBAL_BUILTIN", { arg: "global", cache: ["counter", "index", "keys", "builtinKeys"] }, [
  "_LOAD_GLOBAL_BUILTIN",
]);
family("LOAD_GLOBAL", ["LOAD_GLOBAL_ADAPTIVE", "LOAD_GLOBAL_MODULE", "LOAD_GLOBAL_BUILTIN"], {
  adaptive: "LOAD_GLOBAL_ADAPTIVE",
});

// LOAD_ATTR and STORE_ATTR: guarded by the owner's type version (it changes when the class or a
// base is modified: a new descriptor, a __getattribute__), then by what the instance holds.

op("_GUARD_TYPE_VERSION", { stack: "owner -- owner", cache: ["version"] }, (owner: PyValue) => {
  DEOPT_IF((typeof owner === "object" ? owner.cls : typeOf(owner)).version !== cache.version);
});
op("_GUARD_TYPE_VERSIONS", { stack: "owner -- owner", cache: ["version", "version2"] }, (owner: PyValue) => {
  // Either of two classes whose attribute of this name behaves the same (a polymorphic site:
  // `self.x` in a base class's method, on instances of two subclasses); version2 is 0 when unused.
  const version = (typeof owner === "object" ? owner.cls : typeOf(owner)).version;
  DEOPT_IF(version !== cache.version && version !== cache.version2);
});
op("_CHECK_SHAPE", { stack: "owner -- owner", cache: ["index"] }, (owner: PyValue) => {
  // The instance keeps its attributes in values laid out by exactly this shape.
  DEOPT_IF((owner as PyInstance).shape !== cacheRef.index);
});
op(
  "_LOAD_ATTR_INSTANCE_VALUE",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["index"] },
  (owner: PyValue): PyValue => {
    return (owner as PyInstance).values![cache.index];
  },
);
op(
  "_LOAD_ATTR_SLOT",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["index"] },
  (owner: PyValue): PyValue => {
    const v = (owner as PyInstance).slots![cache.index];
    DEOPT_IF(v === undefined);
    return v as PyValue;
  },
);
op(
  "_LOAD_ATTR_WITH_HINT",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["index"] },
  (owner: PyValue): PyValue => {
    const d = (owner as PyObject).dict;
    DEOPT_IF(d === null);
    const at = cache.index;
    DEOPT_IF(d!.keys[at] !== names[oparg >> 1]);
    return d!.values[at];
  },
);
op(
  "_LOAD_ATTR_MODULE",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["index"] },
  (owner: PyValue): PyValue => {
    DEOPT_IF(typeof owner !== "object" || owner.cls !== moduleType);
    const d = (owner as PyObject).dict!;
    const at = cache.index;
    DEOPT_IF(d.keys[at] !== names[oparg >> 1]);
    return d.values[at];
  },
);
op(
  "_LOAD_ATTR_CLASS",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["version", "descr"] },
  (owner: PyValue): PyValue => {
    // A class's own attribute (not a descriptor that binds), from a class of exactly `type`.
    DEOPT_IF(!(owner instanceof PyType) || owner.cls !== typeType || owner.version !== cache.version);
    return cacheRef.descr as PyValue;
  },
);
op(
  "_LOAD_ATTR_GETSET",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["descr"] },
  (owner: PyValue): PyValue => {
    // A builtin type's computed attribute (`frame.f_back`, `code.co_filename`, `obj.__dict__`),
    // a data descriptor: its getter, called directly (the class guard proved it applies).
    return (cacheRef.descr as PyGetSetDescriptor).getter(owner);
  },
);
op(
  "_LOAD_ATTR_CLASS_ATTRIBUTE",
  { stack: "owner -- attr null if (oparg & 1)", cache: ["descr"] },
  (_owner: PyValue): PyValue => {
    // A plain (non-descriptor) class attribute the instance does not shadow.
    return cacheRef.descr as PyValue;
  },
);
op(
  "_LOAD_ATTR_METHOD",
  { stack: "owner -- meth owner", cache: ["version", "version2", "descr"] },
  (owner: PyValue): PyValue => {
    // A site specialized for two classes keeps the second one's method beside its version.
    if (cache.version2 === 0) return cacheRef.descr as PyValue;
    const version = (typeof owner === "object" ? owner.cls : typeOf(owner)).version;
    if (version === cache.version) return cacheRef.descr as PyValue;
    return cacheRef.version2 as PyValue;
  },
);
op("_CHECK_NOT_IN_DICT", { stack: "owner -- owner" }, (owner: PyValue) => {
  // An instance keeping a dict: the method's name must not be one of its keys.
  const d = (owner as PyObject).dict;
  DEOPT_IF(d === null || d.getStr(names[oparg >> 1]) !== undefined);
});
op("_CHECK_NO_OWN_ATTRIBUTES", { stack: "owner -- owner" }, (owner: PyValue) => {
  // A value with no attributes of its own (a builtin type's instance, a __slots__ class's).
  DEOPT_IF(typeof owner === "object" && hasOwnAttrs(owner));
});

const LOAD_ATTR_SPEC = { arg: "attr", cache: ["counter", "version", "version2", "index", "descr"] } as const;
macro("LOAD_ATTR_ADAPTIVE", LOAD_ATTR_SPEC, ["_SPECIALIZE", "LOAD_ATTR"]);
macro("LOAD_ATTR_INSTANCE_VALUE", LOAD_ATTR_SPEC, [
  "_GUARD_TYPE_VERSIONS",
  "_CHECK_SHAPE",
  "_LOAD_ATTR_INSTANCE_VALUE",
]);
macro("LOAD_ATTR_SLOT", LOAD_ATTR_SPEC, ["_GUARD_TYPE_VERSION", "_LOAD_ATTR_SLOT"]);
macro("LOAD_ATTR_WITH_HINT", LOAD_ATTR_SPEC, ["_GUARD_TYPE_VERSION", "_LOAD_ATTR_WITH_HINT"]);
macro("LOAD_ATTR_MODULE", LOAD_ATTR_SPEC, ["_LOAD_ATTR_MODULE"]);
macro("LOAD_ATTR_CLASS", LOAD_ATTR_SPEC, ["_LOAD_ATTR_CLASS"]);
/**
 * A property whose getter is a Python function of `self` alone: the getter's frame runs in this
 * loop (as CPython 3.12 runs it), where the JIT can follow it; read as a method (`x.prop()`), the
 * getter is called here and its value pushed with the NULL.
 */
inst("LOAD_ATTR_PROPERTY", { ...LOAD_ATTR_SPEC, stack: { pops: 1, pushes: "1 + (oparg & 1)" } }, () => {
  const owner = s[sp - 1] as PyValue;
  DEOPT_IF((typeof owner === "object" ? owner.cls : typeOf(owner)).version !== cache.version);
  const fget = cacheRef.descr as PyFunction;
  if (oparg & 1) {
    s[sp - 1] = callFunction(fget, [owner], null);
    s[sp++] = null;
    return;
  }
  const frame = acquireFrame(fget.code, fget.globals, fget.builtins, fget);
  frame.values[0] = owner;
  sp--;
  ENTER_FRAME(frame);
});
macro("LOAD_ATTR_GETSET", LOAD_ATTR_SPEC, ["_GUARD_TYPE_VERSION", "_LOAD_ATTR_GETSET"]);
/** The method-load forms serve only LOAD_ATTR with its method bit set (they push two values). */
const LOAD_METHOD_SPEC = { ...LOAD_ATTR_SPEC, when: "(oparg & 1) === 1" } as const;
macro("LOAD_ATTR_METHOD_WITH_VALUES", LOAD_METHOD_SPEC, [
  "_GUARD_TYPE_VERSIONS",
  "_CHECK_SHAPE",
  "_LOAD_ATTR_METHOD",
]);
macro("LOAD_ATTR_METHOD_NO_DICT", LOAD_METHOD_SPEC, [
  "_GUARD_TYPE_VERSIONS",
  "_CHECK_NO_OWN_ATTRIBUTES",
  "_LOAD_ATTR_METHOD",
]);
macro("LOAD_ATTR_METHOD_LAZY_DICT", LOAD_METHOD_SPEC, [
  "_GUARD_TYPE_VERSION",
  "_CHECK_NOT_IN_DICT",
  "_LOAD_ATTR_METHOD",
]);
macro("LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES", LOAD_ATTR_SPEC, [
  "_GUARD_TYPE_VERSIONS",
  "_CHECK_SHAPE",
  "_LOAD_ATTR_CLASS_ATTRIBUTE",
]);
family("LOAD_ATTR", [
  "LOAD_ATTR_ADAPTIVE",
  "LOAD_ATTR_INSTANCE_VALUE",
  "LOAD_ATTR_SLOT",
  "LOAD_ATTR_WITH_HINT",
  "LOAD_ATTR_MODULE",
  "LOAD_ATTR_CLASS",
  "LOAD_ATTR_PROPERTY",
  "LOAD_ATTR_GETSET",
  "LOAD_ATTR_METHOD_WITH_VALUES",
  "LOAD_ATTR_METHOD_NO_DICT",
  "LOAD_ATTR_METHOD_LAZY_DICT",
  "LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES",
], { adaptive: "LOAD_ATTR_ADAPTIVE" });

op(
  "_STORE_ATTR_INSTANCE_VALUE",
  { stack: "value owner --", cache: ["index", "descr"] },
  (value: PyValue, owner: PyValue) => {
    // An attribute the shape has (overwrite), or the one it gains next (append; descr: new shape).
    const inst = owner as PyInstance;
    const at = cache.index;
    const values = inst.values;
    if (values !== null && at < values.length) values[at] = value;
    else {
      if (values === null) inst.values = [value];
      else values.push(value);
      inst.shape = cacheRef.descr as Shape;
    }
  },
);
op("_STORE_ATTR_SLOT", { stack: "value owner --", cache: ["index"] }, (value: PyValue, owner: PyValue) => {
  (owner as PyInstance).slots![cache.index] = value;
});
op(
  "_STORE_ATTR_WITH_HINT",
  { stack: "value owner --", cache: ["index"] },
  (value: PyValue, owner: PyValue) => {
    const d = (owner as PyObject).dict;
    DEOPT_IF(d === null || d.watched);
    const at = cache.index;
    DEOPT_IF(d!.keys[at] !== names[oparg]);
    d!.values[at] = value;
    d!.version++;
  },
);
const STORE_ATTR_SPEC = { arg: "name", cache: ["counter", "version", "version2", "index", "descr"] } as const;
macro("STORE_ATTR_ADAPTIVE", STORE_ATTR_SPEC, ["_SPECIALIZE", "STORE_ATTR"]);
macro("STORE_ATTR_INSTANCE_VALUE", STORE_ATTR_SPEC, [
  "_GUARD_TYPE_VERSIONS",
  "_CHECK_SHAPE",
  "_STORE_ATTR_INSTANCE_VALUE",
]);
macro("STORE_ATTR_SLOT", STORE_ATTR_SPEC, ["_GUARD_TYPE_VERSION", "_STORE_ATTR_SLOT"]);
macro("STORE_ATTR_WITH_HINT", STORE_ATTR_SPEC, ["_GUARD_TYPE_VERSION", "_STORE_ATTR_WITH_HINT"]);
family("STORE_ATTR", [
  "STORE_ATTR_ADAPTIVE",
  "STORE_ATTR_INSTANCE_VALUE",
  "STORE_ATTR_SLOT",
  "STORE_ATTR_WITH_HINT",
], {
  adaptive: "STORE_ATTR_ADAPTIVE",
});

// BINARY_OP. ints are JS numbers within the safe-integer range (bigints beyond): an int result
// outside it deoptimizes, and the generic instruction makes the bigint.

op("_GUARD_BOTH_INT", { stack: "left right -- left right" }, (left: PyValue, right: PyValue) => {
  DEOPT_IF(typeof left !== "number" || typeof right !== "number");
});
op("_BINARY_OP_ADD_INT", { stack: "left right -- res" }, (left: number, right: number): number => {
  const r = left + right;
  DEOPT_IF(r > 9007199254740991 || r < -9007199254740991);
  return r;
});
op("_BINARY_OP_SUBTRACT_INT", { stack: "left right -- res" }, (left: number, right: number): number => {
  const r = left - right;
  DEOPT_IF(r > 9007199254740991 || r < -9007199254740991);
  return r;
});
op("_BINARY_OP_MULTIPLY_INT", { stack: "left right -- res" }, (left: number, right: number): number => {
  const r = left * right;
  DEOPT_IF(r > 9007199254740991 || r < -9007199254740991);
  return r === 0 ? 0 : r; // never -0
});
op("_BINARY_OP_INT", { stack: "left right -- res" }, (left: number, right: number): number => {
  // The other operators on small ints, where the result is again one (NaN where it is not).
  const r = smallIntOp(oparg >= 13 ? oparg - 13 : oparg, left, right);
  DEOPT_IF(!(r <= 9007199254740991 && r >= -9007199254740991));
  return r;
});
op("_GUARD_BOTH_FLOAT", { stack: "left right -- left right" }, (left: PyValue, right: PyValue) => {
  DEOPT_IF(
    typeof left !== "object" || left.cls !== floatType || typeof right !== "object" ||
      right.cls !== floatType,
  );
});
op("_BINARY_OP_ADD_FLOAT", { stack: "left right -- res" }, (left: PyFloat, right: PyFloat): PyValue => {
  return new PyFloat(left.value + right.value);
});
op("_BINARY_OP_SUBTRACT_FLOAT", { stack: "left right -- res" }, (left: PyFloat, right: PyFloat): PyValue => {
  return new PyFloat(left.value - right.value);
});
op("_BINARY_OP_MULTIPLY_FLOAT", { stack: "left right -- res" }, (left: PyFloat, right: PyFloat): PyValue => {
  return new PyFloat(left.value * right.value);
});
op(
  "_BINARY_OP_TRUE_DIVIDE_FLOAT",
  { stack: "left right -- res" },
  (left: PyFloat, right: PyFloat): PyValue => {
    DEOPT_IF(right.value === 0);
    return new PyFloat(left.value / right.value);
  },
);
op("_BINARY_OP_FLOAT_MIXED", { stack: "left right -- res" }, (left: PyValue, right: PyValue): PyValue => {
  // + - * / with a float and an int (or two floats), the int a JS number.
  const x = typeof left === "number"
    ? left
    : typeof left === "object" && left.cls === floatType
    ? (left as PyFloat).value
    : NaN;
  const y = typeof right === "number"
    ? right
    : typeof right === "object" && right.cls === floatType
    ? (right as PyFloat).value
    : NaN;
  const o = oparg >= 13 ? oparg - 13 : oparg;
  // Two ints are this variant's only for `/`: exact operands, so JS division rounds as Python's.
  DEOPT_IF(x !== x || y !== y || (o !== 11 && typeof left === "number" && typeof right === "number"));
  DEOPT_IF(o === 11 && y === 0);
  return new PyFloat(o === 0 ? x + y : o === 10 ? x - y : o === 5 ? x * y : x / y);
});
op("_BINARY_OP_ADD_UNICODE", { stack: "left right -- res" }, (left: PyValue, right: PyValue): PyValue => {
  DEOPT_IF(typeof left !== "string" || typeof right !== "string");
  return (left as string) + (right as string);
});
const BINARY_OP_SPEC = { arg: "binop", cache: ["counter", "version", "descr"] } as const;
macro("BINARY_OP_ADAPTIVE", BINARY_OP_SPEC, ["_SPECIALIZE", "BINARY_OP"]);
macro("BINARY_OP_ADD_INT", BINARY_OP_SPEC, ["_GUARD_BOTH_INT", "_BINARY_OP_ADD_INT"]);
macro("BINARY_OP_SUBTRACT_INT", BINARY_OP_SPEC, ["_GUARD_BOTH_INT", "_BINARY_OP_SUBTRACT_INT"]);
macro("BINARY_OP_MULTIPLY_INT", BINARY_OP_SPEC, ["_GUARD_BOTH_INT", "_BINARY_OP_MULTIPLY_INT"]);
macro("BINARY_OP_INT", BINARY_OP_SPEC, ["_GUARD_BOTH_INT", "_BINARY_OP_INT"]);
macro("BINARY_OP_ADD_FLOAT", BINARY_OP_SPEC, ["_GUARD_BOTH_FLOAT", "_BINARY_OP_ADD_FLOAT"]);
macro("BINARY_OP_SUBTRACT_FLOAT", BINARY_OP_SPEC, ["_GUARD_BOTH_FLOAT", "_BINARY_OP_SUBTRACT_FLOAT"]);
macro("BINARY_OP_MULTIPLY_FLOAT", BINARY_OP_SPEC, ["_GUARD_BOTH_FLOAT", "_BINARY_OP_MULTIPLY_FLOAT"]);
macro("BINARY_OP_TRUE_DIVIDE_FLOAT", BINARY_OP_SPEC, ["_GUARD_BOTH_FLOAT", "_BINARY_OP_TRUE_DIVIDE_FLOAT"]);
macro("BINARY_OP_FLOAT_MIXED", BINARY_OP_SPEC, ["_BINARY_OP_FLOAT_MIXED"]);
macro("BINARY_OP_ADD_UNICODE", BINARY_OP_SPEC, ["_BINARY_OP_ADD_UNICODE"]);
/** `s += t` on strs: JS strings concatenate as ropes, so this is ADD_UNICODE (one case for both). */
macro("BINARY_OP_INPLACE_ADD_UNICODE", BINARY_OP_SPEC, ["_BINARY_OP_ADD_UNICODE"]);
/**
 * `a OP b` where a is an instance of a Python class whose __op__ is a plain Python function: its
 * frame runs in this loop (no JS recursion); a and b stay on this frame's stack for the
 * NotImplemented fallback (RETURN_TO_BINARY_OP). descr: the function; the guard is a's type version.
 */
inst(
  "BINARY_OP_PY_DUNDER",
  { arg: "binop", stack: { pops: 2, pushes: 1 }, cache: ["counter", "version", "descr"] },
  () => {
    const a = s[sp - 2] as PyValue;
    const b = s[sp - 1] as PyValue;
    DEOPT_IF(typeof a !== "object" || a.cls.version !== cache.version);
    // b's type must not be a subclass of a's (whose reflected method would go first).
    const tb = typeof b === "object" ? b.cls : typeOf(b);
    DEOPT_IF(tb !== (a as PyObject).cls && (tb.flags & TYPE_HEAP) !== 0);
    const dunder = cacheRef.descr as PyFunction;
    const frame = acquireFrame(dunder.code, dunder.globals, dunder.builtins, dunder);
    frame.values[0] = a;
    frame.values[1] = b;
    frame.returnMode = RETURN_TO_BINARY_OP;
    ENTER_FRAME(frame);
  },
);
family("BINARY_OP", [
  "BINARY_OP_ADAPTIVE",
  "BINARY_OP_ADD_INT",
  "BINARY_OP_SUBTRACT_INT",
  "BINARY_OP_MULTIPLY_INT",
  "BINARY_OP_INT",
  "BINARY_OP_ADD_FLOAT",
  "BINARY_OP_SUBTRACT_FLOAT",
  "BINARY_OP_MULTIPLY_FLOAT",
  "BINARY_OP_TRUE_DIVIDE_FLOAT",
  "BINARY_OP_FLOAT_MIXED",
  "BINARY_OP_ADD_UNICODE",
  "BINARY_OP_INPLACE_ADD_UNICODE",
  "BINARY_OP_PY_DUNDER",
], { adaptive: "BINARY_OP_ADAPTIVE" });

// COMPARE_OP: the comparison of two ints, two floats or two strs; where a POP_JUMP_IF_FALSE or
// _TRUE follows, a superinstruction does both (the jump's word stays in place).

op("_COMPARE_OP_INT", { stack: "left right -- res" }, (left: PyValue, right: PyValue): boolean => {
  DEOPT_IF(typeof left !== "number" || typeof right !== "number");
  return compareNumbers(left as number, right as number, oparg);
});
op("_COMPARE_OP_FLOAT", { stack: "left right -- res" }, (left: PyValue, right: PyValue): boolean => {
  DEOPT_IF(
    typeof left !== "object" || left.cls !== floatType || typeof right !== "object" ||
      right.cls !== floatType,
  );
  return compareNumbers((left as PyFloat).value, (right as PyFloat).value, oparg);
});
op("_COMPARE_OP_STR", { stack: "left right -- res" }, (left: PyValue, right: PyValue): boolean => {
  DEOPT_IF(typeof left !== "string" || typeof right !== "string");
  return compareStrings(left as string, right as string, oparg);
});
const COMPARE_OP_SPEC = { arg: "compare", cache: ["counter"] } as const;
macro("COMPARE_OP_ADAPTIVE", COMPARE_OP_SPEC, ["_SPECIALIZE", "COMPARE_OP"]);
macro("COMPARE_OP_INT", COMPARE_OP_SPEC, ["_COMPARE_OP_INT"]);
macro("COMPARE_OP_FLOAT", COMPARE_OP_SPEC, ["_COMPARE_OP_FLOAT"]);
macro("COMPARE_OP_STR", COMPARE_OP_SPEC, ["_COMPARE_OP_STR"]);
family("COMPARE_OP", ["COMPARE_OP_ADAPTIVE", "COMPARE_OP_INT", "COMPARE_OP_FLOAT", "COMPARE_OP_STR"], {
  adaptive: "COMPARE_OP_ADAPTIVE",
});
/**
 * POP_JUMP_IF_FALSE or _TRUE on the bool a specialized comparison made: the second half of the
 * COMPARE_OP_*__POP_JUMP_IF_* superinstructions, which share their cases (the opcode says which
 * way the jump goes).
 */
op("_POP_JUMP_IF_BOOL", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(typeof cond !== "boolean");
  if (cond === (JUMP_ON_TRUE[opcode] === 1)) ip += oparg;
});
superinstruction("COMPARE_OP_INT__POP_JUMP_IF_FALSE", ["COMPARE_OP_INT", "POP_JUMP_IF_FALSE"], {
  second: "_POP_JUMP_IF_BOOL",
});
superinstruction("COMPARE_OP_INT__POP_JUMP_IF_TRUE", ["COMPARE_OP_INT", "POP_JUMP_IF_TRUE"], {
  second: "_POP_JUMP_IF_BOOL",
});
superinstruction("COMPARE_OP_FLOAT__POP_JUMP_IF_FALSE", ["COMPARE_OP_FLOAT", "POP_JUMP_IF_FALSE"], {
  second: "_POP_JUMP_IF_BOOL",
});
superinstruction("COMPARE_OP_FLOAT__POP_JUMP_IF_TRUE", ["COMPARE_OP_FLOAT", "POP_JUMP_IF_TRUE"], {
  second: "_POP_JUMP_IF_BOOL",
});
superinstruction("COMPARE_OP_STR__POP_JUMP_IF_FALSE", ["COMPARE_OP_STR", "POP_JUMP_IF_FALSE"], {
  second: "_POP_JUMP_IF_BOOL",
});
superinstruction("COMPARE_OP_STR__POP_JUMP_IF_TRUE", ["COMPARE_OP_STR", "POP_JUMP_IF_TRUE"], {
  second: "_POP_JUMP_IF_BOOL",
});

// Subscripts and containment.

op(
  "_BINARY_SUBSCR_LIST_INT",
  { stack: "container key -- res" },
  (container: PyValue, key: PyValue): PyValue => {
    DEOPT_IF(typeof key !== "number" || typeof container !== "object" || container.cls !== listType);
    const items = (container as PyList).items;
    const i = (key as number) < 0 ? (key as number) + items.length : key as number;
    DEOPT_IF(!(i >= 0 && i < items.length));
    return items[i];
  },
);
op(
  "_BINARY_SUBSCR_TUPLE_INT",
  { stack: "container key -- res" },
  (container: PyValue, key: PyValue): PyValue => {
    DEOPT_IF(typeof key !== "number" || typeof container !== "object" || container.cls !== tupleType);
    const items = (container as PyTuple).items;
    const i = (key as number) < 0 ? (key as number) + items.length : key as number;
    DEOPT_IF(!(i >= 0 && i < items.length));
    return items[i];
  },
);
op("_BINARY_SUBSCR_DICT", { stack: "container key -- res" }, (container: PyValue, key: PyValue): PyValue => {
  DEOPT_IF(typeof container !== "object" || container.cls !== dictType);
  const v = (container as PyDict).get(key);
  // A missing key raises here (an exact dict has no __missing__): running the generic instruction
  // instead would hash and compare the key a second time.
  if (v === undefined) throw newException(Exc.KeyError, [key]);
  return v as PyValue;
});
op(
  "_BINARY_SUBSCR_STR_INT",
  { stack: "container key -- res" },
  (container: PyValue, key: PyValue): PyValue => {
    DEOPT_IF(typeof key !== "number" || typeof container !== "string" || hasSurrogates(container as string));
    const str = container as string;
    const i = (key as number) < 0 ? (key as number) + str.length : key as number;
    DEOPT_IF(!(i >= 0 && i < str.length));
    return str[i];
  },
);
op(
  "_BINARY_SUBSCR_GETITEM",
  { stack: "container key -- res", cache: ["version", "descr"] },
  (container: PyValue, key: PyValue): PyValue => {
    // A Python class's __getitem__ (a plain function), found on the type at this version.
    DEOPT_IF(typeof container !== "object" || container.cls.version !== cache.version);
    return callFunction(cacheRef.descr as PyFunction, [container, key], null);
  },
);
const SUBSCR_SPEC = { cache: ["counter", "version", "descr"] } as const;
macro("BINARY_SUBSCR_ADAPTIVE", SUBSCR_SPEC, ["_SPECIALIZE", "BINARY_SUBSCR"]);
macro("BINARY_SUBSCR_LIST_INT", SUBSCR_SPEC, ["_BINARY_SUBSCR_LIST_INT"]);
macro("BINARY_SUBSCR_TUPLE_INT", SUBSCR_SPEC, ["_BINARY_SUBSCR_TUPLE_INT"]);
macro("BINARY_SUBSCR_DICT", SUBSCR_SPEC, ["_BINARY_SUBSCR_DICT"]);
macro("BINARY_SUBSCR_STR_INT", SUBSCR_SPEC, ["_BINARY_SUBSCR_STR_INT"]);
macro("BINARY_SUBSCR_GETITEM", SUBSCR_SPEC, ["_BINARY_SUBSCR_GETITEM"]);
family("BINARY_SUBSCR", [
  "BINARY_SUBSCR_ADAPTIVE",
  "BINARY_SUBSCR_LIST_INT",
  "BINARY_SUBSCR_TUPLE_INT",
  "BINARY_SUBSCR_DICT",
  "BINARY_SUBSCR_STR_INT",
  "BINARY_SUBSCR_GETITEM",
], { adaptive: "BINARY_SUBSCR_ADAPTIVE" });

op(
  "_STORE_SUBSCR_LIST_INT",
  { stack: "value container key --" },
  (value: PyValue, container: PyValue, key: PyValue) => {
    DEOPT_IF(typeof key !== "number" || typeof container !== "object" || container.cls !== listType);
    const items = (container as PyList).items;
    const i = (key as number) < 0 ? (key as number) + items.length : key as number;
    DEOPT_IF(!(i >= 0 && i < items.length));
    items[i] = value;
  },
);
op(
  "_STORE_SUBSCR_DICT",
  { stack: "value container key --" },
  (value: PyValue, container: PyValue, key: PyValue) => {
    DEOPT_IF(typeof container !== "object" || container.cls !== dictType);
    (container as PyDict).set(key, value);
  },
);
const STORE_SUBSCR_SPEC = { cache: ["counter", "version", "descr"] } as const;
macro("STORE_SUBSCR_ADAPTIVE", STORE_SUBSCR_SPEC, ["_SPECIALIZE", "STORE_SUBSCR"]);
macro("STORE_SUBSCR_LIST_INT", STORE_SUBSCR_SPEC, ["_STORE_SUBSCR_LIST_INT"]);
macro("STORE_SUBSCR_DICT", STORE_SUBSCR_SPEC, ["_STORE_SUBSCR_DICT"]);
family("STORE_SUBSCR", ["STORE_SUBSCR_ADAPTIVE", "STORE_SUBSCR_LIST_INT", "STORE_SUBSCR_DICT"], {
  adaptive: "STORE_SUBSCR_ADAPTIVE",
});

op("_CONTAINS_OP_SET", { stack: "item container -- res" }, (item: PyValue, container: PyValue): boolean => {
  DEOPT_IF(typeof container !== "object" || (container.cls !== setType && container.cls !== frozensetType));
  return (container as PySet).has(item) !== (oparg === 1);
});
op("_CONTAINS_OP_DICT", { stack: "item container -- res" }, (item: PyValue, container: PyValue): boolean => {
  DEOPT_IF(typeof container !== "object" || container.cls !== dictType);
  return (container as PyDict).has(item) !== (oparg === 1);
});
op("_CONTAINS_OP_STR", { stack: "item container -- res" }, (item: PyValue, container: PyValue): boolean => {
  // A substring test (`ch in "0123456789"`): str's __contains__, without the protocol's lookups.
  DEOPT_IF(typeof container !== "string" || typeof item !== "string");
  return (container as string).includes(item as string) !== (oparg === 1);
});
const CONTAINS_OP_SPEC = { arg: "contains", cache: ["counter"] } as const;
macro("CONTAINS_OP_ADAPTIVE", CONTAINS_OP_SPEC, ["_SPECIALIZE", "CONTAINS_OP"]);
macro("CONTAINS_OP_SET", CONTAINS_OP_SPEC, ["_CONTAINS_OP_SET"]);
macro("CONTAINS_OP_DICT", CONTAINS_OP_SPEC, ["_CONTAINS_OP_DICT"]);
macro("CONTAINS_OP_STR", CONTAINS_OP_SPEC, ["_CONTAINS_OP_STR"]);
family("CONTAINS_OP", ["CONTAINS_OP_ADAPTIVE", "CONTAINS_OP_SET", "CONTAINS_OP_DICT", "CONTAINS_OP_STR"], {
  adaptive: "CONTAINS_OP_ADAPTIVE",
});

// Truth tests: POP_JUMP_IF_FALSE and _TRUE on a bool, an int, None, a list, a str. Each pair
// shares one case (the opcode says which way the jump goes).

op("_JUMP_IF_BOOL", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(typeof cond !== "boolean");
  if (cond === (JUMP_ON_TRUE[opcode] === 1)) ip += oparg;
});
op("_JUMP_IF_INT", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(typeof cond !== "number");
  if ((cond !== 0) === (JUMP_ON_TRUE[opcode] === 1)) ip += oparg;
});
op("_JUMP_IF_NONE", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(cond !== None);
  if (JUMP_ON_TRUE[opcode] === 0) ip += oparg;
});
op("_JUMP_IF_LIST", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(typeof cond !== "object" || cond.cls !== listType);
  if (((cond as PyList).items.length !== 0) === (JUMP_ON_TRUE[opcode] === 1)) ip += oparg;
});
op("_JUMP_IF_STR", { stack: "cond --" }, (cond: PyValue) => {
  DEOPT_IF(typeof cond !== "string");
  if (((cond as string).length !== 0) === (JUMP_ON_TRUE[opcode] === 1)) ip += oparg;
});
const JUMP_SPEC = { arg: "jump", jump: "forward", cache: ["counter"] } as const;
macro("POP_JUMP_IF_FALSE_ADAPTIVE", JUMP_SPEC, ["_SPECIALIZE", "POP_JUMP_IF_FALSE"]);
macro("POP_JUMP_IF_TRUE_ADAPTIVE", JUMP_SPEC, ["_SPECIALIZE", "POP_JUMP_IF_TRUE"]);
macro("POP_JUMP_IF_FALSE_BOOL", JUMP_SPEC, ["_JUMP_IF_BOOL"]);
macro("POP_JUMP_IF_TRUE_BOOL", JUMP_SPEC, ["_JUMP_IF_BOOL"]);
macro("POP_JUMP_IF_FALSE_INT", JUMP_SPEC, ["_JUMP_IF_INT"]);
macro("POP_JUMP_IF_TRUE_INT", JUMP_SPEC, ["_JUMP_IF_INT"]);
macro("POP_JUMP_IF_FALSE_NONE", JUMP_SPEC, ["_JUMP_IF_NONE"]);
macro("POP_JUMP_IF_TRUE_NONE", JUMP_SPEC, ["_JUMP_IF_NONE"]);
macro("POP_JUMP_IF_FALSE_LIST", JUMP_SPEC, ["_JUMP_IF_LIST"]);
macro("POP_JUMP_IF_TRUE_LIST", JUMP_SPEC, ["_JUMP_IF_LIST"]);
macro("POP_JUMP_IF_FALSE_STR", JUMP_SPEC, ["_JUMP_IF_STR"]);
macro("POP_JUMP_IF_TRUE_STR", JUMP_SPEC, ["_JUMP_IF_STR"]);
family("POP_JUMP_IF_FALSE", [
  "POP_JUMP_IF_FALSE_ADAPTIVE",
  "POP_JUMP_IF_FALSE_BOOL",
  "POP_JUMP_IF_FALSE_INT",
  "POP_JUMP_IF_FALSE_NONE",
  "POP_JUMP_IF_FALSE_LIST",
  "POP_JUMP_IF_FALSE_STR",
], { adaptive: "POP_JUMP_IF_FALSE_ADAPTIVE" });
family("POP_JUMP_IF_TRUE", [
  "POP_JUMP_IF_TRUE_ADAPTIVE",
  "POP_JUMP_IF_TRUE_BOOL",
  "POP_JUMP_IF_TRUE_INT",
  "POP_JUMP_IF_TRUE_NONE",
  "POP_JUMP_IF_TRUE_LIST",
  "POP_JUMP_IF_TRUE_STR",
], { adaptive: "POP_JUMP_IF_TRUE_ADAPTIVE" });

// Iteration and unpacking.

const FOR_ITER_SPEC = {
  arg: "jump",
  stack: { pops: 1, pushes: 2, jumpPushes: 1 },
  jump: "forward",
  cache: ["counter"],
} as const;
macro("FOR_ITER_ADAPTIVE", { arg: "jump", jump: "forward", cache: ["counter"] }, ["_SPECIALIZE", "FOR_ITER"]);
inst("FOR_ITER_LIST", FOR_ITER_SPEC, () => {
  const it = s[sp - 1] as PyValue;
  DEOPT_IF(typeof it !== "object" || it.cls !== listIteratorType);
  const seqIt = it as PySeqIterator;
  const items = seqIt.seq.items;
  if (seqIt.index < items.length) s[sp++] = items[seqIt.index++];
  else {
    seqIt.index = Infinity;
    ip += oparg;
  }
});
inst("FOR_ITER_TUPLE", FOR_ITER_SPEC, () => {
  const it = s[sp - 1] as PyValue;
  DEOPT_IF(typeof it !== "object" || it.cls !== tupleIteratorType);
  const seqIt = it as PySeqIterator;
  const items = seqIt.seq.items;
  if (seqIt.index < items.length) s[sp++] = items[seqIt.index++];
  else {
    seqIt.index = Infinity;
    ip += oparg;
  }
});
inst("FOR_ITER_RANGE", FOR_ITER_SPEC, () => {
  const it = s[sp - 1] as PyValue;
  DEOPT_IF(typeof it !== "object" || it.cls !== rangeIteratorType);
  const r = it as PyRangeIterator;
  if (r.left > 0) {
    r.left--;
    const v = r.cur;
    r.cur = v + r.step;
    s[sp++] = v;
  } else ip += oparg;
});
/** A generator run in this loop (FOR_ITER's generic case does the same after its type tests). */
inst(
  "FOR_ITER_GEN",
  FOR_ITER_SPEC,
  () => {
    const it = s[sp - 1] as PyValue;
    DEOPT_IF(typeof it !== "object" || it.cls !== generatorType);
    const gf = (it as PyGenerator).frame;
    const state = gf.state;
    DEOPT_IF(state !== FRAME_SUSPENDED && state !== FRAME_CREATED);
    f.ip = ip;
    f.sp = sp;
    enterGenerator(f, it as PyGenerator, None, RETURN_TO_FOR_ITER, oparg);
    RESUME_FRAME(gf);
  },
);
family(
  "FOR_ITER",
  ["FOR_ITER_ADAPTIVE", "FOR_ITER_LIST", "FOR_ITER_TUPLE", "FOR_ITER_RANGE", "FOR_ITER_GEN"],
  {
    adaptive: "FOR_ITER_ADAPTIVE",
  },
);

inst(
  "UNPACK_SEQUENCE_TWO_TUPLE",
  { arg: "int", stack: { pops: 1, pushes: "oparg" }, cache: ["counter"] },
  () => {
    const v = s[sp - 1] as PyValue;
    DEOPT_IF(typeof v !== "object" || v.cls !== tupleType || (v as PyTuple).items.length !== 2);
    const items = (v as PyTuple).items;
    s[sp - 1] = items[1];
    s[sp++] = items[0];
  },
);
inst("UNPACK_SEQUENCE_TUPLE", { arg: "int", stack: { pops: 1, pushes: "oparg" }, cache: ["counter"] }, () => {
  const v = s[sp - 1] as PyValue;
  DEOPT_IF(typeof v !== "object" || v.cls !== tupleType || (v as PyTuple).items.length !== oparg);
  const items = (v as PyTuple).items;
  sp--;
  for (let i = oparg - 1; i >= 0; i--) s[sp++] = items[i];
});
inst("UNPACK_SEQUENCE_LIST", { arg: "int", stack: { pops: 1, pushes: "oparg" }, cache: ["counter"] }, () => {
  const v = s[sp - 1] as PyValue;
  DEOPT_IF(typeof v !== "object" || v.cls !== listType || (v as PyList).items.length !== oparg);
  const items = (v as PyList).items;
  sp--;
  for (let i = oparg - 1; i >= 0; i--) s[sp++] = items[i];
});
macro("UNPACK_SEQUENCE_ADAPTIVE", { arg: "int", cache: ["counter"] }, ["_SPECIALIZE", "UNPACK_SEQUENCE"]);
family("UNPACK_SEQUENCE", [
  "UNPACK_SEQUENCE_ADAPTIVE",
  "UNPACK_SEQUENCE_TWO_TUPLE",
  "UNPACK_SEQUENCE_TUPLE",
  "UNPACK_SEQUENCE_LIST",
], { adaptive: "UNPACK_SEQUENCE_ADAPTIVE" });

// Calls. `func` holds what the call was specialized for (a code object, a builtin, a class); the
// callable sits below self-or-NULL and the arguments. Guards come before the stack is touched, so
// that a miss can run the generic CALL on the stack as it was.

const CALL_SPEC = {
  arg: "int",
  stack: { pops: "oparg + 2", pushes: 1 },
  cache: ["counter", "func", "func2", "version"],
} as const;
inst("CALL_PY_EXACT_ARGS", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2] as PyValue;
  const self = s[sp - oparg - 1];
  DEOPT_IF(typeof callable !== "object" || callable.cls !== functionType);
  const func = callable as PyFunction;
  // One of two code objects this call site has seen (closures made by one function differ only
  // in their cells; a site calling two kinds of function keeps both).
  DEOPT_IF(func.code !== cacheRef.func && func.code !== cacheRef.func2);
  // (The code object was seen with this many positional arguments and no defaults needed.)
  const argStart = self === null ? sp - oparg : sp - oparg - 1;
  const nargs = self === null ? oparg : oparg + 1;
  DEOPT_IF(nargs !== func.code.simpleArgcount);
  const frame = acquireFrame(func.code, func.globals, func.builtins, func);
  const fv = frame.values;
  for (let i = 0; i < nargs; i++) fv[i] = s[argStart + i];
  sp -= oparg + 2;
  ENTER_FRAME(frame);
});
inst("CALL_PY_WITH_DEFAULTS", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2] as PyValue;
  const self = s[sp - oparg - 1];
  DEOPT_IF(typeof callable !== "object" || callable.cls !== functionType);
  const func = callable as PyFunction;
  DEOPT_IF(func.code !== cacheRef.func);
  const argStart = self === null ? sp - oparg : sp - oparg - 1;
  const nargs = self === null ? oparg : oparg + 1;
  const defaults = func.defaults;
  const argcount = func.code.simpleArgcount;
  DEOPT_IF(defaults === null || nargs > argcount || nargs + defaults!.length < argcount);
  const frame = acquireFrame(func.code, func.globals, func.builtins, func);
  const fv = frame.values;
  for (let i = 0; i < nargs; i++) fv[i] = s[argStart + i];
  const d = defaults!, first = argcount - d.length;
  for (let i = nargs; i < argcount; i++) fv[i] = d[i - first];
  sp -= oparg + 2;
  ENTER_FRAME(frame);
});
inst("CALL_BOUND_METHOD_EXACT_ARGS", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2] as PyValue;
  DEOPT_IF(typeof callable !== "object" || callable.cls !== methodType || s[sp - oparg - 1] !== null);
  const func = (callable as PyMethod).func as PyValue;
  DEOPT_IF(
    typeof func !== "object" || func.cls !== functionType || (func as PyFunction).code !== cacheRef.func,
  );
  const fn = func as PyFunction;
  DEOPT_IF(oparg + 1 !== fn.code.simpleArgcount);
  const frame = acquireFrame(fn.code, fn.globals, fn.builtins, fn);
  const fv = frame.values;
  fv[0] = (callable as PyMethod).self;
  const argStart = sp - oparg;
  for (let i = 0; i < oparg; i++) fv[i + 1] = s[argStart + i];
  sp -= oparg + 2;
  ENTER_FRAME(frame);
});
inst("CALL_ALLOC_AND_ENTER_INIT", CALL_SPEC, () => {
  // A class whose __init__ is a Python function and whose __new__ is object's: the instance is made
  // here and __init__ runs as a frame of this loop (RETURN_TO_INIT pushes the instance).
  const callable = s[sp - oparg - 2] as PyValue;
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] !== null);
  const cls = callable as PyType;
  DEOPT_IF(cls.version !== cache.version);
  const init = cls.lookup("__init__") as PyFunction;
  DEOPT_IF(oparg + 1 !== init.code.simpleArgcount);
  const obj = objectNew(cls, [], null);
  const frame = acquireFrame(init.code, init.globals, init.builtins, init);
  const fv = frame.values;
  fv[0] = obj;
  const argStart = sp - oparg;
  for (let i = 0; i < oparg; i++) fv[i + 1] = s[argStart + i];
  frame.returnMode = RETURN_TO_INIT;
  frame.initSelf = obj;
  sp -= oparg + 2;
  ENTER_FRAME(frame);
});
inst("CALL_BUILTIN_O", CALL_SPEC, () => {
  // A builtin function of one argument, through its fixed-arity entry point.
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] !== null || oparg !== 1);
  f.ip = ip; // the frame's line, for a builtin that reads it (sys._getframe())
  const r = (callable as PyBuiltinFunction).call1!(s[sp - 1] as PyValue);
  sp -= 2;
  s[sp - 1] = r;
});
inst("CALL_BUILTIN_FAST", CALL_SPEC, () => {
  // A builtin function (no self), any number of positional arguments.
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] !== null);
  const args = s.slice(sp - oparg, sp) as PyValue[];
  f.ip = ip; // the frame's line, for a builtin that reads it (sys._getframe(0))
  const r = (callable as PyBuiltinFunction).fn(args, null);
  sp -= oparg + 1;
  s[sp - 1] = r;
});
inst("CALL_BUILTIN_CLASS", CALL_SPEC, () => {
  // A builtin type called with 1–3 positional arguments, through its fixed-arity entry point.
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] !== null);
  const t = callable as PyType;
  const r = oparg === 1
    ? t.call1!(s[sp - 1] as PyValue)
    : oparg === 2
    ? t.call2!(s[sp - 2] as PyValue, s[sp - 1] as PyValue)
    : t.call3!(s[sp - 3] as PyValue, s[sp - 2] as PyValue, s[sp - 1] as PyValue);
  sp -= oparg + 1;
  s[sp - 1] = r;
});
inst("CALL_LEN", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] !== null || oparg !== 1);
  const r = lenBuiltin(s[sp - 1] as PyValue);
  sp -= 2;
  s[sp - 1] = r;
});
inst("CALL_ISINSTANCE", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] !== null || oparg !== 2);
  const r = (callable as PyBuiltinFunction).call2!(s[sp - 2] as PyValue, s[sp - 1] as PyValue);
  sp -= 3;
  s[sp - 1] = r;
});
inst("CALL_TYPE_1", CALL_SPEC, () => {
  DEOPT_IF(s[sp - oparg - 2] !== typeType || s[sp - oparg - 1] !== null || oparg !== 1);
  const r = typeOf(s[sp - 1] as PyValue);
  sp -= 2;
  s[sp - 1] = r;
});
inst("CALL_STR_1", CALL_SPEC, () => {
  DEOPT_IF(s[sp - oparg - 2] !== strType || s[sp - oparg - 1] !== null || oparg !== 1);
  const r = str(s[sp - 1] as PyValue);
  sp -= 2;
  s[sp - 1] = r;
});
inst("CALL_TUPLE_1", CALL_SPEC, () => {
  DEOPT_IF(s[sp - oparg - 2] !== tupleType || s[sp - oparg - 1] !== null || oparg !== 1);
  const v = s[sp - 1] as PyValue;
  const r = typeof v === "object" && v.cls === tupleType ? v : new PyTuple(toArray(v));
  sp -= 2;
  s[sp - 1] = r;
});
inst("CALL_METHOD_DESCRIPTOR_O", CALL_SPEC, () => {
  // A builtin method (found on self's type by LOAD_ATTR) with one argument: call2(self, arg).
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] === null || oparg !== 1);
  const r = (callable as PyMethodDescriptor).call2!(s[sp - 2] as PyValue, s[sp - 1] as PyValue);
  sp -= 2;
  s[sp - 1] = r;
});
inst("CALL_METHOD_DESCRIPTOR_NOARGS", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] === null || oparg !== 0);
  const r = (callable as PyMethodDescriptor).call1!(s[sp - 1] as PyValue);
  sp -= 1;
  s[sp - 1] = r;
});
inst("CALL_METHOD_DESCRIPTOR_FAST", CALL_SPEC, () => {
  const callable = s[sp - oparg - 2];
  DEOPT_IF(callable !== cacheRef.func || s[sp - oparg - 1] === null);
  const args = s.slice(sp - oparg - 1, sp) as PyValue[];
  const r = (callable as PyMethodDescriptor).fn(args, null);
  sp -= oparg + 1;
  s[sp - 1] = r;
});
inst("CALL_LIST_APPEND", CALL_SPEC, () => {
  const self = s[sp - 2];
  DEOPT_IF(s[sp - oparg - 2] !== cacheRef.func || oparg !== 1 || typeof self !== "object" || self === null);
  DEOPT_IF((self as PyObject).cls !== listType);
  (self as PyList).items.push(s[sp - 1] as PyValue);
  sp -= 2;
  s[sp - 1] = None;
});
macro("CALL_ADAPTIVE", { arg: "int", cache: ["counter", "func", "func2", "version"] }, [
  "_SPECIALIZE",
  "CALL",
]);
family("CALL", [
  "CALL_ADAPTIVE",
  "CALL_PY_EXACT_ARGS",
  "CALL_PY_WITH_DEFAULTS",
  "CALL_BOUND_METHOD_EXACT_ARGS",
  "CALL_ALLOC_AND_ENTER_INIT",
  "CALL_BUILTIN_O",
  "CALL_BUILTIN_FAST",
  "CALL_BUILTIN_CLASS",
  "CALL_LEN",
  "CALL_ISINSTANCE",
  "CALL_TYPE_1",
  "CALL_STR_1",
  "CALL_TUPLE_1",
  "CALL_METHOD_DESCRIPTOR_O",
  "CALL_METHOD_DESCRIPTOR_NOARGS",
  "CALL_METHOD_DESCRIPTOR_FAST",
  "CALL_LIST_APPEND",
], { adaptive: "CALL_ADAPTIVE" });

// =============================================================================================
// Superinstructions of the specialized tier (quickening fuses them; the second's code unit stays
// in place, so a jump to it, a traceback position, or a rewrite back all stay right).

superinstruction("STORE_FAST__LOAD_FAST", ["STORE_FAST", "LOAD_FAST"], {});

// A local's attribute: the specializer fuses the LOAD_FAST before a LOAD_ATTR it specialized into
// one of these (and puts the plain LOAD_FAST back when the attribute load deoptimizes). A failed
// guard of the second half leaves the attribute load to its own dispatch.
superinstruction("LOAD_FAST__LOAD_ATTR_INSTANCE_VALUE", ["LOAD_FAST", "LOAD_ATTR_INSTANCE_VALUE"], {});
superinstruction("LOAD_FAST__LOAD_ATTR_SLOT", ["LOAD_FAST", "LOAD_ATTR_SLOT"], {});
superinstruction(
  "LOAD_FAST__LOAD_ATTR_METHOD_WITH_VALUES",
  ["LOAD_FAST", "LOAD_ATTR_METHOD_WITH_VALUES"],
  {},
);

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
