/**
 * Specialization (PEP 659): an adaptive instruction that has warmed up, and the values it is about
 * to work on → the instruction rewritten in place into the variant of its family that fits them,
 * its cache cells filled; or, when no variant fits, a failure reason recorded and the counter backed
 * off. One function per family; each mirrors what the generic instruction would do for these values
 * and picks the variant whose guards (in vm/bytecodes.ts) re-check exactly what it relied on.
 *
 * In: the code object, the instruction's code unit `here`, the frame and stack pointer (the
 * instruction's inputs are at the top of `frame.values`), its oparg. Out: `code.code[here]`'s
 * opcode byte and the cache cells `code.cacheIndex` / `code.cacheRef` at `here + 1 + cell`.
 * Counters (first cache cell): on success the misses a variant may take (vm/counters.ts
 * missBudget), on failure the backoff.
 *
 * @example
 * ```ts
 * import { specialize } from "./specialize.ts";
 * // called through specializedTier.specialize by an adaptive instruction whose counter ran out
 * ```
 * @module
 */
import { CACHE_CELL, CACHE_SIZE, Op, OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";
import {
  BINARY_OPS,
  NB_ADD,
  NB_INPLACE,
  NB_MULTIPLY,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
} from "../instructions/operators.ts";
import { SPEC_FAIL } from "../instructions/specialization_failures.ts";
import { SMALL_INT_OPERATORS } from "../objects/types/int.ts";
import { PyCode } from "../objects/code.ts";
import {
  builtinFunctionType,
  dictType,
  floatType,
  frozensetType,
  functionType,
  getsetDescriptorType,
  hasOwnAttrs,
  listType,
  memberDescriptorType,
  methodDescriptorType,
  methodType,
  moduleType,
  None,
  propertyType,
  PyBuiltinFunction,
  type PyDict,
  PyInstance,
  type PyMemberDescriptor,
  type PyMethod,
  PyMethodDescriptor,
  type PyMethodWrapper,
  type PyObject,
  type PyProperty,
  type PyTuple,
  PyType,
  type PyValue,
  setType,
  staticmethodType,
  strType,
  tupleType,
  TYPE_HEAP,
  typeOf,
  typeType,
} from "../objects/object.ts";
import { genericGetAttr, genericSetAttr, hasSurrogates } from "../objects/ops.ts";
import { listIteratorType, rangeIteratorType, tupleIteratorType } from "../objects/types/iterators.ts";
import type { Frame } from "../vm/frame.ts";
import { PyFunction } from "../vm/function.ts";
import { generatorType } from "../vm/generator.ts";
import { backoffCounter, countdownOf, missBudget } from "../vm/counters.ts";
import { GENERIC_OF, inlineDunder, inlineInit } from "../vm/interp_support.ts";
import { recordAttempt } from "./stats.ts";

/** Why the last attempt failed (set by `fail`). */
let failure = SPEC_FAIL.OTHER;

/** A family's specializer: the variant's opcode (cache cells filled), or FAILED (after `fail`). */
type FamilySpecializer = (code: PyCode, c: number, frame: Frame, sp: number, oparg: number) => number;

const FAILED = -1;

function fail(reason: number): number {
  failure = reason;
  return FAILED;
}

/**
 * Rewrites the adaptive instruction at `here` into the variant that fits the values on the stack,
 * or backs it off. Called by `_SPECIALIZE` when the counter runs out.
 */
export function specialize(code: PyCode, here: number, frame: Frame, sp: number, oparg: number): void {
  const bc = code.code;
  const generic = GENERIC_OF[bc[here] & 0xff];
  const c = here + 1;
  const variant = SPECIALIZERS[generic](code, c, frame, sp, oparg);
  const counter = code.cacheIndex[c];
  if (variant === FAILED) {
    // _SPECIALIZE re-dispatches this same execution, which counts down once more: one extra step,
    // or a backoff of 2**0 = 1 (adaptive_backoff_max=0) would retry at once, for ever.
    const next = backoffCounter(counter);
    code.cacheIndex[c] = countdownOf(next) < 0xffff ? next + 1 : next;
    recordAttempt(generic, failure);
    failure = SPEC_FAIL.OTHER;
    return;
  }
  bc[here] = (bc[here] & 0xff00) | variant;
  code.cacheIndex[c] = missBudget(counter);
  recordAttempt(generic, -1);
  fuseLoadFastBefore(bc, here, variant);
}

/** LOAD_FAST__<variant>, by variant: a LOAD_FAST fused with the specialized instruction after it. */
const AFTER_LOAD_FAST: number[] = [];
for (const s of SUPERINSTRUCTIONS) {
  const second = Op[s.second as keyof typeof Op];
  if (s.first === "LOAD_FAST" && OPCODES[second].kind === "variant") {
    AFTER_LOAD_FAST[second] = Op[s.name as keyof typeof Op];
  }
}
const LOAD_FAST_FORMS = new Set([Op.LOAD_FAST as number, ...AFTER_LOAD_FAST.filter((x) => x !== undefined)]);

/**
 * The instruction at `here` just became `variant`: a LOAD_FAST right before it (no EXTENDED_ARG
 * between: the fused instruction reads the second's oparg from its own word) becomes the
 * superinstruction of the two when there is one, or a plain LOAD_FAST again.
 */
function fuseLoadFastBefore(bc: Uint16Array, here: number, variant: number): void {
  const prev = here - 1;
  if (prev < 0 || !LOAD_FAST_FORMS.has(bc[prev] & 0xff)) return;
  bc[prev] = (bc[prev] & 0xff00) | (AFTER_LOAD_FAST[variant] ?? Op.LOAD_FAST);
}

// ---------------------------------------------------------------------------------------------
// Cells: `cell(FAMILY, name)` is a cell's offset from the first cache unit.

function cell<F extends keyof typeof CACHE_CELL>(family: F, name: keyof typeof CACHE_CELL[F]): number {
  return (CACHE_CELL[family] as Record<string, number>)[name as string];
}

const GLOBAL_INDEX = cell("LOAD_GLOBAL", "index"),
  GLOBAL_KEYS = cell("LOAD_GLOBAL", "keys"),
  GLOBAL_BUILTIN_KEYS = cell("LOAD_GLOBAL", "builtinKeys");
const ATTR_VERSION = cell("LOAD_ATTR", "version"),
  ATTR_VERSION2 = cell("LOAD_ATTR", "version2"),
  ATTR_INDEX = cell("LOAD_ATTR", "index"),
  ATTR_DESCR = cell("LOAD_ATTR", "descr");
const STORE_VERSION = cell("STORE_ATTR", "version"),
  STORE_VERSION2 = cell("STORE_ATTR", "version2"),
  STORE_INDEX = cell("STORE_ATTR", "index"),
  STORE_DESCR = cell("STORE_ATTR", "descr");
const BINOP_VERSION = cell("BINARY_OP", "version"),
  BINOP_DESCR = cell("BINARY_OP", "descr");
const SUBSCR_VERSION = cell("BINARY_SUBSCR", "version"),
  SUBSCR_DESCR = cell("BINARY_SUBSCR", "descr");
const CALL_FUNC = cell("CALL", "func"),
  CALL_FUNC2 = cell("CALL", "func2"),
  CALL_VERSION = cell("CALL", "version");

// ---------------------------------------------------------------------------------------------
// LOAD_GLOBAL: the entry's index in the globals (or builtins) dict, keyed on its key array.

function specializeLoadGlobal(code: PyCode, c: number, frame: Frame, _sp: number, oparg: number): number {
  const name = code.names[oparg >> 1];
  const g = frame.globals, b = frame.builtins;
  if (g.cls !== dictType || b.cls !== dictType) return fail(SPEC_FAIL.NON_DICT_NAMESPACE);
  const gi = g.find(name);
  if (gi >= 0) {
    code.cacheIndex[c + GLOBAL_INDEX] = gi;
    code.cacheRef[c + GLOBAL_KEYS] = g.keys;
    return Op.LOAD_GLOBAL_MODULE;
  }
  const bi = b.find(name);
  if (bi < 0) return fail(SPEC_FAIL.NOT_IN_GLOBALS_OR_BUILTINS);
  code.cacheIndex[c + GLOBAL_INDEX] = bi;
  // Not among the globals' keys while their array is this one with this many entries.
  code.cacheRef[c + GLOBAL_KEYS] = g.keys;
  code.cacheIndex[c + GLOBAL_KEYS] = g.keys.length;
  code.cacheRef[c + GLOBAL_BUILTIN_KEYS] = b.keys;
  return Op.LOAD_GLOBAL_BUILTIN;
}

// ---------------------------------------------------------------------------------------------
// LOAD_ATTR and STORE_ATTR.

/** A type whose attribute protocol is object's (no __getattribute__ or __getattr__ of its own). */
function plainGetAttr(t: PyType): boolean {
  return t.tp_getattro === null || t.tp_getattro === genericGetAttr;
}

/** A type whose attribute assignment is object's (no __setattr__ of its own). */
function plainSetAttr(t: PyType): boolean {
  return t.tp_setattro === null || t.tp_setattro === genericSetAttr;
}

/**
 * Before a site specializes again: the class it was specialized for, when that class has not
 * changed since (else null). Its cells are cleared for the new specialization, which records its
 * class beside its version (`versionCell`'s reference) and may keep the old one in `version2Cell`.
 */
function takePreviousClass(
  code: PyCode,
  c: number,
  versionCell: number,
  version2Cell: number,
): PyType | null {
  const previous = code.cacheRef[c + versionCell];
  const version = code.cacheIndex[c + versionCell];
  code.cacheRef[c + versionCell] = null;
  code.cacheIndex[c + version2Cell] = 0;
  return previous instanceof PyType && previous.version === version ? previous : null;
}

/** A class attribute that takes precedence over an instance attribute (property, slot, getset). */
function isDataDescriptor(v: PyValue | undefined): boolean {
  return v !== undefined && typeof v === "object" && v.cls.tp_descr_get !== null &&
    v.cls.tp_descr_set !== null;
}

/**
 * A class attribute whose behaviour as a descriptor could change without its owner's version
 * changing (an instance of a Python class: its class may gain __get__ or __set__ later).
 */
function mutableDescriptor(v: PyValue | undefined): boolean {
  return v !== undefined && typeof v === "object" && (v.cls.flags & TYPE_HEAP) !== 0;
}

/** A method the generic method load would push unbound with its owner as self. */
function isPlainMethod(v: PyValue | undefined): boolean {
  return v !== undefined && typeof v === "object" &&
    (v.cls === functionType || v.cls === methodDescriptorType);
}

/** The variants whose guard accepts two classes (_GUARD_TYPE_VERSIONS). */
const TWO_CLASS_VARIANTS = new Set<number>([
  Op.LOAD_ATTR_INSTANCE_VALUE,
  Op.LOAD_ATTR_METHOD_WITH_VALUES,
  Op.LOAD_ATTR_METHOD_NO_DICT,
  Op.LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
]);

/**
 * LOAD_ATTR specialized for the class of the value on the stack. A site that saw another class
 * before (its version and class still in the cells) keeps accepting that one too when the name
 * means the same on both (the same thing found on each class, neither with its own attribute
 * protocol), or is a plain method on both (each class's method kept with its version):
 * `self.x` and `self.method()` in a base class's method, run on instances of two subclasses, stay
 * specialized instead of flipping between them.
 */
function specializeLoadAttr(code: PyCode, c: number, frame: Frame, sp: number, oparg: number): number {
  const previous = takePreviousClass(code, c, ATTR_VERSION, ATTR_VERSION2);
  const variant = specializeLoadAttrFor(code, c, frame, sp, oparg);
  const t = code.cacheRef[c + ATTR_VERSION] as PyType | null;
  if (
    TWO_CLASS_VARIANTS.has(variant) && t !== null && previous !== null && previous !== t &&
    plainGetAttr(previous)
  ) {
    const name = code.names[oparg >> 1];
    const mine = t.lookup(name);
    const theirs = previous.lookup(name);
    const methods = variant === Op.LOAD_ATTR_METHOD_WITH_VALUES || variant === Op.LOAD_ATTR_METHOD_NO_DICT;
    if (theirs === mine || (methods && isPlainMethod(theirs) && !mutableDescriptor(theirs))) {
      code.cacheIndex[c + ATTR_VERSION2] = previous.version;
      code.cacheRef[c + ATTR_VERSION2] = theirs ?? null;
    }
  }
  return variant;
}

function specializeLoadAttrFor(code: PyCode, c: number, frame: Frame, sp: number, oparg: number): number {
  const owner = frame.values[sp - 1] as PyValue;
  const name = code.names[oparg >> 1];
  const method = (oparg & 1) !== 0;
  if (typeof owner === "object" && owner.cls === moduleType) return loadModuleAttr(code, c, owner, name);
  if (owner instanceof PyType) return loadClassAttr(code, c, owner, name);
  const t = typeOf(owner);
  if (!plainGetAttr(t)) return fail(SPEC_FAIL.GETATTRIBUTE);
  const descr = t.lookup(name);
  if (mutableDescriptor(descr)) return fail(SPEC_FAIL.NOT_DESCRIPTOR);
  code.cacheIndex[c + ATTR_VERSION] = t.version;
  // (The class itself beside its version: a later specialization for another class may keep this one.)
  code.cacheRef[c + ATTR_VERSION] = t;
  // A data descriptor on the type wins over the instance.
  if (descr !== undefined && isDataDescriptor(descr)) {
    const d = descr as PyObject;
    if (d.cls === propertyType) {
      const fget = (d as PyProperty).fget;
      if (!(fget instanceof PyFunction) || fget.cls !== functionType || fget.code.simpleArgcount !== 1) {
        return fail(SPEC_FAIL.PROPERTY_NOT_PY_FUNCTION);
      }
      code.cacheRef[c + ATTR_DESCR] = fget;
      return Op.LOAD_ATTR_PROPERTY;
    }
    if (d.cls === getsetDescriptorType) {
      code.cacheRef[c + ATTR_DESCR] = d;
      return Op.LOAD_ATTR_GETSET;
    }
    if (d.cls === memberDescriptorType) {
      if (!(owner instanceof PyInstance) || owner.slots === null) return fail(SPEC_FAIL.NON_OBJECT_SLOT);
      code.cacheIndex[c + ATTR_INDEX] = (d as PyMemberDescriptor).index;
      return Op.LOAD_ATTR_SLOT;
    }
    return fail(SPEC_FAIL.OTHER);
  }
  // The instance's own attributes.
  if (owner instanceof PyInstance && owner.dict === null && owner.shape !== null) {
    const shape = owner.shape;
    const index = shape.indexOf(name);
    code.cacheRef[c + ATTR_INDEX] = shape;
    if (index >= 0) {
      code.cacheIndex[c + ATTR_INDEX] = index;
      return Op.LOAD_ATTR_INSTANCE_VALUE;
    }
    if (descr === undefined) return fail(SPEC_FAIL.NOT_IN_KEYS);
    if (method && isPlainMethod(descr)) {
      code.cacheRef[c + ATTR_DESCR] = descr;
      return Op.LOAD_ATTR_METHOD_WITH_VALUES;
    }
    if (typeof descr !== "object" || descr.cls.tp_descr_get === null) {
      code.cacheRef[c + ATTR_DESCR] = descr;
      return Op.LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES;
    }
    return fail(isPlainMethod(descr) ? SPEC_FAIL.BOUND_METHOD : SPEC_FAIL.NOT_DESCRIPTOR);
  }
  const dict = typeof owner === "object" ? owner.dict : null;
  if (dict !== null) {
    const index = dict.find(name);
    if (index >= 0) {
      code.cacheIndex[c + ATTR_INDEX] = index;
      return Op.LOAD_ATTR_WITH_HINT;
    }
    if (method && isPlainMethod(descr)) {
      code.cacheRef[c + ATTR_DESCR] = descr;
      return Op.LOAD_ATTR_METHOD_LAZY_DICT;
    }
    return fail(SPEC_FAIL.HAS_MANAGED_DICT);
  }
  if (method && isPlainMethod(descr) && (typeof owner !== "object" || !hasOwnAttrs(owner))) {
    code.cacheRef[c + ATTR_DESCR] = descr;
    return Op.LOAD_ATTR_METHOD_NO_DICT;
  }
  if (descr === undefined) return fail(SPEC_FAIL.EXPECTED_ERROR);
  return fail(isPlainMethod(descr) ? SPEC_FAIL.BOUND_METHOD : SPEC_FAIL.OTHER);
}

function loadModuleAttr(code: PyCode, c: number, module: PyObject, name: string): number {
  if (name.startsWith("__")) return fail(SPEC_FAIL.OTHER);
  const index = (module.dict as PyDict).find(name);
  if (index < 0) return fail(SPEC_FAIL.MODULE_ATTR_NOT_FOUND);
  code.cacheIndex[c + ATTR_INDEX] = index;
  return Op.LOAD_ATTR_MODULE;
}

function loadClassAttr(code: PyCode, c: number, cls: PyType, name: string): number {
  // A class whose metaclass is `type` and has nothing of that name (type's own attributes, such as
  // __name__ or mro, are its data descriptors and methods).
  if (cls.cls !== typeType) return fail(SPEC_FAIL.MUTABLE_CLASS);
  if (typeType.lookup(name) !== undefined) return fail(SPEC_FAIL.OTHER);
  const attr = cls.lookup(name);
  if (attr === undefined) return fail(SPEC_FAIL.EXPECTED_ERROR);
  let value: PyValue = attr;
  if (typeof attr === "object" && attr.cls.tp_descr_get !== null) {
    // Functions read through their class are themselves; a staticmethod is its function.
    if (attr.cls === staticmethodType) value = (attr as PyMethodWrapper).func;
    else if (attr.cls !== functionType) return fail(SPEC_FAIL.NOT_DESCRIPTOR);
  }
  code.cacheIndex[c + ATTR_VERSION] = cls.version;
  code.cacheRef[c + ATTR_DESCR] = value;
  return Op.LOAD_ATTR_CLASS;
}

/** STORE_ATTR specialized for the class on the stack, keeping another class it saw as LOAD_ATTR does. */
function specializeStoreAttr(code: PyCode, c: number, frame: Frame, sp: number, oparg: number): number {
  const previous = takePreviousClass(code, c, STORE_VERSION, STORE_VERSION2);
  const variant = specializeStoreAttrFor(code, c, frame, sp, oparg);
  const t = code.cacheRef[c + STORE_VERSION] as PyType | null;
  if (
    variant === Op.STORE_ATTR_INSTANCE_VALUE && t !== null && previous !== null && previous !== t &&
    plainSetAttr(previous)
  ) {
    const name = code.names[oparg];
    if (previous.lookup(name) === t.lookup(name)) code.cacheIndex[c + STORE_VERSION2] = previous.version;
  }
  return variant;
}

function specializeStoreAttrFor(code: PyCode, c: number, frame: Frame, sp: number, oparg: number): number {
  const owner = frame.values[sp - 1] as PyValue;
  const name = code.names[oparg];
  if (typeof owner !== "object") return fail(SPEC_FAIL.EXPECTED_ERROR);
  if (owner instanceof PyType || owner.cls === moduleType) return fail(SPEC_FAIL.OTHER);
  const t = owner.cls;
  if (!plainSetAttr(t)) return fail(SPEC_FAIL.SETATTR_OVERRIDDEN);
  const descr = t.lookup(name);
  if (mutableDescriptor(descr)) return fail(SPEC_FAIL.NOT_DESCRIPTOR);
  code.cacheIndex[c + STORE_VERSION] = t.version;
  code.cacheRef[c + STORE_VERSION] = t;
  if (descr !== undefined && typeof descr === "object" && descr.cls.tp_descr_set !== null) {
    if (descr.cls === memberDescriptorType && owner instanceof PyInstance && owner.slots !== null) {
      code.cacheIndex[c + STORE_INDEX] = (descr as PyMemberDescriptor).index;
      return Op.STORE_ATTR_SLOT;
    }
    return fail(SPEC_FAIL.OTHER);
  }
  // No data descriptor of that name: object.__setattr__ sets the instance's own attribute.
  if (owner instanceof PyInstance && owner.dict === null && owner.shape !== null) {
    const shape = owner.shape;
    code.cacheRef[c + STORE_INDEX] = shape;
    const index = shape.indexOf(name);
    if (index >= 0) {
      code.cacheIndex[c + STORE_INDEX] = index;
      return Op.STORE_ATTR_INSTANCE_VALUE;
    }
    // A new attribute: appended, and the instance moves to the next shape.
    const next = shape.next(name);
    if (next === null) return fail(SPEC_FAIL.NOT_IN_KEYS);
    code.cacheIndex[c + STORE_INDEX] = shape.names.length;
    code.cacheRef[c + STORE_DESCR] = next;
    return Op.STORE_ATTR_INSTANCE_VALUE;
  }
  const dict = owner.dict;
  if (dict !== null && dict.cls === dictType) {
    const index = dict.find(name);
    if (index < 0) return fail(SPEC_FAIL.NOT_IN_KEYS);
    code.cacheIndex[c + STORE_INDEX] = index;
    return Op.STORE_ATTR_WITH_HINT;
  }
  return fail(SPEC_FAIL.OTHER);
}

// ---------------------------------------------------------------------------------------------
// Operators.

const INT_VARIANTS: Record<number, number> = {
  [NB_ADD]: Op.BINARY_OP_ADD_INT,
  [NB_SUBTRACT]: Op.BINARY_OP_SUBTRACT_INT,
  [NB_MULTIPLY]: Op.BINARY_OP_MULTIPLY_INT,
};
const FLOAT_VARIANTS: Record<number, number> = {
  [NB_ADD]: Op.BINARY_OP_ADD_FLOAT,
  [NB_SUBTRACT]: Op.BINARY_OP_SUBTRACT_FLOAT,
  [NB_MULTIPLY]: Op.BINARY_OP_MULTIPLY_FLOAT,
  [NB_TRUE_DIVIDE]: Op.BINARY_OP_TRUE_DIVIDE_FLOAT,
};
const MIXED_OPERATORS = new Set([NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_TRUE_DIVIDE]);

function isFloat(v: PyValue): boolean {
  return typeof v === "object" && v.cls === floatType;
}

function specializeBinaryOp(code: PyCode, c: number, frame: Frame, sp: number, oparg: number): number {
  const left = frame.values[sp - 2] as PyValue, right = frame.values[sp - 1] as PyValue;
  const op = oparg >= NB_INPLACE ? oparg - NB_INPLACE : oparg;
  if (typeof left === "number" && typeof right === "number") {
    if (INT_VARIANTS[op] !== undefined) return INT_VARIANTS[op];
    if (SMALL_INT_OPERATORS.has(op)) return Op.BINARY_OP_INT;
    if (op === NB_TRUE_DIVIDE) return Op.BINARY_OP_FLOAT_MIXED;
    return fail(SPEC_FAIL.OPERATOR);
  }
  if (isFloat(left) && isFloat(right)) {
    return FLOAT_VARIANTS[op] ?? fail(SPEC_FAIL.OPERATOR);
  }
  if ((isFloat(left) || typeof left === "number") && (isFloat(right) || typeof right === "number")) {
    return MIXED_OPERATORS.has(op) ? Op.BINARY_OP_FLOAT_MIXED : fail(SPEC_FAIL.OPERATOR);
  }
  if (typeof left === "string" && typeof right === "string") {
    if (oparg === NB_ADD) return Op.BINARY_OP_ADD_UNICODE;
    if (oparg === NB_ADD + NB_INPLACE) return Op.BINARY_OP_INPLACE_ADD_UNICODE;
    return fail(SPEC_FAIL.OPERATOR);
  }
  if (typeof left === "bigint" || typeof right === "bigint") return fail(SPEC_FAIL.BIG_INT);
  if (typeof left === "object" && (left.cls.flags & TYPE_HEAP) !== 0) {
    const ta = left.cls;
    // `a op= b` calls __iop__ first when the class has one.
    if (oparg >= NB_INPLACE && ta.lookup(BINARY_OPS[oparg].inplace) !== undefined) {
      return fail(SPEC_FAIL.OVERRIDDEN);
    }
    const dunder = inlineDunder(ta, typeOf(right), oparg);
    if (dunder === null) return fail(SPEC_FAIL.USER_TYPE);
    code.cacheIndex[c + BINOP_VERSION] = ta.version;
    code.cacheRef[c + BINOP_DESCR] = dunder;
    return Op.BINARY_OP_PY_DUNDER;
  }
  return fail(typeOf(left) === typeOf(right) ? SPEC_FAIL.OPERATOR : SPEC_FAIL.DIFFERENT_TYPES);
}

/** Compare-and-jump superinstructions by compare variant and jump: FUSED_COMPARE[variant][sense]. */
const FUSED_COMPARE: Record<number, [number, number]> = {};
for (const s of SUPERINSTRUCTIONS) {
  const first = Op[s.first as keyof typeof Op], second = Op[s.second as keyof typeof Op];
  if (OPCODES[first].generic !== Op.COMPARE_OP) continue;
  FUSED_COMPARE[first] ??= [-1, -1];
  FUSED_COMPARE[first][second === Op.POP_JUMP_IF_TRUE ? 1 : 0] = Op[s.name as keyof typeof Op];
}

function specializeCompareOp(code: PyCode, c: number, frame: Frame, sp: number, _oparg: number): number {
  const left = frame.values[sp - 2] as PyValue, right = frame.values[sp - 1] as PyValue;
  let variant: number;
  if (typeof left === "number" && typeof right === "number") variant = Op.COMPARE_OP_INT;
  else if (isFloat(left) && isFloat(right)) variant = Op.COMPARE_OP_FLOAT;
  else if (typeof left === "string" && typeof right === "string") variant = Op.COMPARE_OP_STR;
  else if (typeof left === "bigint" || typeof right === "bigint") return fail(SPEC_FAIL.BIG_INT);
  else return fail(typeOf(left) === typeOf(right) ? SPEC_FAIL.OTHER : SPEC_FAIL.DIFFERENT_TYPES);
  // A conditional jump right after (no EXTENDED_ARG between): one instruction does both.
  const next = c + CACHE_SIZE[Op.COMPARE_OP];
  const jump = next < code.code.length ? GENERIC_OF[code.code[next] & 0xff] : -1;
  const fused = FUSED_COMPARE[variant];
  if (fused !== undefined && jump === Op.POP_JUMP_IF_FALSE) return fused[0];
  if (fused !== undefined && jump === Op.POP_JUMP_IF_TRUE) return fused[1];
  return variant;
}

// ---------------------------------------------------------------------------------------------
// Subscripts, containment, truth tests.

function specializeBinarySubscr(code: PyCode, c: number, frame: Frame, sp: number, _oparg: number): number {
  const container = frame.values[sp - 2] as PyValue, key = frame.values[sp - 1] as PyValue;
  if (typeof key === "number") {
    if (typeof container === "string") {
      return hasSurrogates(container) ? fail(SPEC_FAIL.OUT_OF_RANGE) : Op.BINARY_SUBSCR_STR_INT;
    }
    if (typeof container === "object" && container.cls === listType) return Op.BINARY_SUBSCR_LIST_INT;
    if (typeof container === "object" && container.cls === tupleType) return Op.BINARY_SUBSCR_TUPLE_INT;
  }
  if (typeof container !== "object") return fail(SPEC_FAIL.OTHER);
  if (container.cls === dictType) return Op.BINARY_SUBSCR_DICT;
  const t = container.cls;
  if ((t.flags & TYPE_HEAP) !== 0) {
    const getitem = t.lookup("__getitem__");
    if (getitem instanceof PyFunction && getitem.cls === functionType) {
      code.cacheIndex[c + SUBSCR_VERSION] = t.version;
      code.cacheRef[c + SUBSCR_DESCR] = getitem;
      return Op.BINARY_SUBSCR_GETITEM;
    }
    return fail(SPEC_FAIL.USER_TYPE);
  }
  return fail(t.solidBase !== t ? SPEC_FAIL.SUBCLASS : SPEC_FAIL.OTHER);
}

function specializeStoreSubscr(_code: PyCode, _c: number, frame: Frame, sp: number, _oparg: number): number {
  const container = frame.values[sp - 2] as PyValue, key = frame.values[sp - 1] as PyValue;
  if (typeof container !== "object") return fail(SPEC_FAIL.OTHER);
  if (container.cls === listType) {
    if (typeof key !== "number") return fail(SPEC_FAIL.OTHER);
    const n = (container as unknown as { items: PyValue[] }).items.length;
    return key >= -n && key < n ? Op.STORE_SUBSCR_LIST_INT : fail(SPEC_FAIL.OUT_OF_RANGE);
  }
  if (container.cls === dictType) return Op.STORE_SUBSCR_DICT;
  return fail((container.cls.flags & TYPE_HEAP) !== 0 ? SPEC_FAIL.USER_TYPE : SPEC_FAIL.OTHER);
}

function specializeContainsOp(_code: PyCode, _c: number, frame: Frame, sp: number, _oparg: number): number {
  const container = frame.values[sp - 1] as PyValue;
  if (typeof container === "object" && (container.cls === setType || container.cls === frozensetType)) {
    return Op.CONTAINS_OP_SET;
  }
  if (typeof container === "object" && container.cls === dictType) return Op.CONTAINS_OP_DICT;
  if (typeof container === "string" && typeof frame.values[sp - 2] === "string") return Op.CONTAINS_OP_STR;
  return fail(SPEC_FAIL.OTHER);
}

/** POP_JUMP_IF_FALSE's and _TRUE's variants by what they test: [false form, true form]. */
const TRUTH_VARIANTS = {
  bool: [Op.POP_JUMP_IF_FALSE_BOOL, Op.POP_JUMP_IF_TRUE_BOOL],
  int: [Op.POP_JUMP_IF_FALSE_INT, Op.POP_JUMP_IF_TRUE_INT],
  none: [Op.POP_JUMP_IF_FALSE_NONE, Op.POP_JUMP_IF_TRUE_NONE],
  list: [Op.POP_JUMP_IF_FALSE_LIST, Op.POP_JUMP_IF_TRUE_LIST],
  str: [Op.POP_JUMP_IF_FALSE_STR, Op.POP_JUMP_IF_TRUE_STR],
} as const;

function specializeTruthTest(code: PyCode, c: number, frame: Frame, sp: number, _oparg: number): number {
  const cond = frame.values[sp - 1] as PyValue;
  const sense = GENERIC_OF[code.code[c - 1] & 0xff] === Op.POP_JUMP_IF_TRUE ? 1 : 0;
  if (typeof cond === "boolean") return TRUTH_VARIANTS.bool[sense];
  if (typeof cond === "number") return TRUTH_VARIANTS.int[sense];
  if (typeof cond === "string") return TRUTH_VARIANTS.str[sense];
  if (cond === None) return TRUTH_VARIANTS.none[sense];
  if (typeof cond === "object" && cond.cls === listType) return TRUTH_VARIANTS.list[sense];
  return fail(
    typeof cond === "object" && (cond.cls.flags & TYPE_HEAP) !== 0 ? SPEC_FAIL.USER_TYPE : SPEC_FAIL.OTHER,
  );
}

// ---------------------------------------------------------------------------------------------
// Iteration and unpacking.

function specializeForIter(_code: PyCode, _c: number, frame: Frame, sp: number, _oparg: number): number {
  const it = frame.values[sp - 1] as PyValue;
  if (typeof it !== "object") return fail(SPEC_FAIL.ITER_OTHER);
  switch (it.cls) {
    case listIteratorType:
      return Op.FOR_ITER_LIST;
    case tupleIteratorType:
      return Op.FOR_ITER_TUPLE;
    case rangeIteratorType:
      return Op.FOR_ITER_RANGE;
    case generatorType:
      return Op.FOR_ITER_GEN;
  }
  return fail(SPEC_FAIL.ITER_OTHER);
}

function specializeUnpackSequence(
  _code: PyCode,
  _c: number,
  frame: Frame,
  sp: number,
  oparg: number,
): number {
  const seq = frame.values[sp - 1] as PyValue;
  if (typeof seq !== "object" || (seq.cls !== tupleType && seq.cls !== listType)) {
    return fail(SPEC_FAIL.SEQUENCE_KIND);
  }
  if ((seq as PyTuple).items.length !== oparg) return fail(SPEC_FAIL.WRONG_LENGTH);
  if (seq.cls === listType) return Op.UNPACK_SEQUENCE_LIST;
  return oparg === 2 ? Op.UNPACK_SEQUENCE_TWO_TUPLE : Op.UNPACK_SEQUENCE_TUPLE;
}

// ---------------------------------------------------------------------------------------------
// Calls.

/** The builtins the CALL family has variants of, by name (checked against the frame's builtins). */
const CALL_BUILTINS: Record<string, number> = { len: Op.CALL_LEN, isinstance: Op.CALL_ISINSTANCE };
/** Builtin types called with one argument that have a variant of their own. */
const CALL_TYPE_1 = new Map<PyType, number>([
  [typeType, Op.CALL_TYPE_1],
  [strType, Op.CALL_STR_1],
  [tupleType, Op.CALL_TUPLE_1],
]);

function specializeCall(code: PyCode, c: number, frame: Frame, sp: number, oparg: number): number {
  const s = frame.values;
  const callable = s[sp - oparg - 2] as PyValue;
  const self = s[sp - oparg - 1];
  if (typeof callable !== "object") return fail(SPEC_FAIL.KIND);
  if (callable.cls === functionType) {
    const fn = callable as PyFunction;
    const nargs = self === null ? oparg : oparg + 1;
    const argcount = fn.code.simpleArgcount;
    if (argcount < 0) return fail(SPEC_FAIL.GENERATOR);
    // The code object seen before (any plain function's: binding positional arguments to the
    // first locals is right for any code whose simpleArgcount matches, which the variant checks)
    // stays accepted beside this one: a site calling two closures of different functions.
    const previous = code.cacheRef[c + CALL_FUNC];
    code.cacheRef[c + CALL_FUNC2] = previous instanceof PyCode && previous !== fn.code ? previous : null;
    code.cacheRef[c + CALL_FUNC] = fn.code;
    if (nargs === argcount) return Op.CALL_PY_EXACT_ARGS;
    const defaults = fn.defaults;
    if (defaults !== null && nargs < argcount && nargs + defaults.length >= argcount) {
      return Op.CALL_PY_WITH_DEFAULTS;
    }
    return fail(SPEC_FAIL.WRONG_ARG_COUNT);
  }
  if (callable.cls === methodType) {
    const fn = (callable as PyMethod).func;
    if (self !== null || !(fn instanceof PyFunction) || fn.cls !== functionType) return fail(SPEC_FAIL.KIND);
    if (fn.code.simpleArgcount !== oparg + 1) return fail(SPEC_FAIL.WRONG_ARG_COUNT);
    code.cacheRef[c + CALL_FUNC] = fn.code;
    return Op.CALL_BOUND_METHOD_EXACT_ARGS;
  }
  code.cacheRef[c + CALL_FUNC] = callable;
  if (callable instanceof PyType) {
    if (self !== null) return fail(SPEC_FAIL.KIND);
    const oneArg = CALL_TYPE_1.get(callable);
    if (oneArg !== undefined && oparg === 1) return oneArg;
    if ((callable.flags & TYPE_HEAP) !== 0) {
      if (callable.cls !== typeType) return fail(SPEC_FAIL.OVERRIDDEN);
      const init = inlineInit(callable);
      if (init === null) return fail(SPEC_FAIL.OVERRIDDEN);
      if (init.code.simpleArgcount !== oparg + 1) return fail(SPEC_FAIL.WRONG_ARG_COUNT);
      code.cacheIndex[c + CALL_VERSION] = callable.version;
      return Op.CALL_ALLOC_AND_ENTER_INIT;
    }
    const entry = oparg === 1
      ? callable.call1
      : oparg === 2
      ? callable.call2
      : oparg === 3
      ? callable.call3
      : null;
    return entry !== null ? Op.CALL_BUILTIN_CLASS : fail(SPEC_FAIL.WRONG_ARG_COUNT);
  }
  if (callable instanceof PyBuiltinFunction && callable.cls === builtinFunctionType) {
    if (self !== null || callable.self !== null) return fail(SPEC_FAIL.KIND);
    const named = CALL_BUILTINS[callable.name];
    if (named !== undefined && frame.builtins.getStr(callable.name) === callable) {
      if (named === Op.CALL_LEN && oparg === 1) return named;
      if (named === Op.CALL_ISINSTANCE && oparg === 2 && callable.call2 !== null) return named;
    }
    if (oparg === 1 && callable.call1 !== null) return Op.CALL_BUILTIN_O;
    return Op.CALL_BUILTIN_FAST;
  }
  if (callable instanceof PyMethodDescriptor && callable.cls === methodDescriptorType) {
    if (self === null) return fail(SPEC_FAIL.KIND);
    if (callable === listType.attrs.get("append") && oparg === 1) return Op.CALL_LIST_APPEND;
    if (oparg === 1 && callable.call2 !== null) return Op.CALL_METHOD_DESCRIPTOR_O;
    if (oparg === 0 && callable.call1 !== null) return Op.CALL_METHOD_DESCRIPTOR_NOARGS;
    return Op.CALL_METHOD_DESCRIPTOR_FAST;
  }
  return fail(SPEC_FAIL.KIND);
}

/** Each family's specializer, by generic opcode. */
const SPECIALIZERS: FamilySpecializer[] = [];
SPECIALIZERS[Op.LOAD_GLOBAL] = specializeLoadGlobal;
SPECIALIZERS[Op.LOAD_ATTR] = specializeLoadAttr;
SPECIALIZERS[Op.STORE_ATTR] = specializeStoreAttr;
SPECIALIZERS[Op.BINARY_OP] = specializeBinaryOp;
SPECIALIZERS[Op.COMPARE_OP] = specializeCompareOp;
SPECIALIZERS[Op.BINARY_SUBSCR] = specializeBinarySubscr;
SPECIALIZERS[Op.STORE_SUBSCR] = specializeStoreSubscr;
SPECIALIZERS[Op.CONTAINS_OP] = specializeContainsOp;
SPECIALIZERS[Op.POP_JUMP_IF_FALSE] = specializeTruthTest;
SPECIALIZERS[Op.POP_JUMP_IF_TRUE] = specializeTruthTest;
SPECIALIZERS[Op.FOR_ITER] = specializeForIter;
SPECIALIZERS[Op.UNPACK_SEQUENCE] = specializeUnpackSequence;
SPECIALIZERS[Op.CALL] = specializeCall;

// Every family of the instruction definition has its specializer here.
for (const row of OPCODES) {
  if (
    row !== undefined && row.generic === row.code && row.adaptive >= 0 && SPECIALIZERS[row.code] === undefined
  ) {
    throw new Error(`internal: no specializer for the ${row.name} family`);
  }
}
