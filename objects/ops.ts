/**
 * The object protocols: Python values and an operation (attribute access, call, binary operator,
 * comparison, truth, iteration, subscription, repr/str, hash) → the result CPython would give,
 * raising the Python exceptions CPython raises. The interpreter calls only these.
 *
 * Lookup rules follow CPython: dunders are looked up on the type (never the instance), data
 * descriptors win over the instance dict, which wins over non-data descriptors; a reflected
 * operand is tried first when the right operand's type is a proper subclass that overrides it.
 * int/float/str fast paths are inline; everything else goes through a `…Slow` function.
 *
 * @example
 * ```ts
 * import { binaryOp, repr } from "./ops.ts";
 * import { BINARY_OPS, COMPARISONS, NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_INPLACE, NB_LSHIFT, NB_MULTIPLY, NB_OR, NB_POWER, NB_REMAINDER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, PY_EQ, PY_GT, PY_LE, PY_LT, PY_NE } from "../instructions/operators.ts";
 * console.log(repr(binaryOp(1, 2, NB_ADD))); // "3"
 * ```
 * @module
 */
import {
  BINARY_OPS,
  COMPARISONS,
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  PY_EQ,
  PY_GT,
  PY_LE,
  PY_LT,
  PY_NE,
} from "../instructions/operators.ts";
import {
  builtinFunctionType,
  classMethodDescriptorType,
  classmethodType,
  deleteOwnAttr,
  dictType,
  Exc,
  floatType,
  frozensetType,
  functionType,
  getsetDescriptorType,
  hash64Out,
  hasOwnAttrs,
  isInstance,
  listType,
  memberDescriptorType,
  methodDescriptorType,
  methodType,
  newException,
  None,
  NotImplemented,
  ownAttr,
  PyBaseException,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyFloat,
  type PyGetSetDescriptor,
  PyInstance,
  PyIntObject,
  PyList,
  type PyMemberDescriptor,
  PyMethod,
  PyMethodDescriptor,
  type PyMethodWrapper,
  PyModule,
  PyObject,
  PyRange,
  PySet,
  PySlice,
  PyStrObject,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  registerHotDunders,
  runtimeHooks,
  setOwnAttr,
  staticmethodType,
  tupleType,
  TYPE_HEAP,
  typeOf,
  typeType,
} from "./object.ts";
import {
  bigintToDecimal,
  intAdd,
  intAnd,
  intFloorDiv,
  intHash,
  intHashExact,
  intInvert,
  intLshift,
  intMod,
  intMul,
  intNeg,
  intOr,
  intPow,
  intRshift,
  intSub,
  intToFloat,
  intTrueDiv,
  intXor,
  type PyInt,
} from "./types/int.ts";
import { floatFloorDiv, floatHash, floatHashExact, floatMod, floatPow, floatTrueDiv } from "./types/float.ts";
import { floatRepr, strRepr } from "./repr.ts";
import { percentFormat } from "./format.ts";
import { arrayForLength, compareSequences, putItem } from "./types/seq.ts";
import {
  enterRecursiveCall,
  IN_COMPARISON,
  leaveRecursiveCall,
  overflowAsRecursionError,
  WHILE_GETTING_REPR,
  WHILE_GETTING_STR,
} from "./recursion.ts";
import { checkHeap, MAX_ARRAY_LENGTH, memoryError } from "./heap_guard.ts";

// ---------------------------------------------------------------------------------------------
// The binary operator table (CPython's BINARY_OP oparg order); in-place forms are op + 13.

/** One binary operator: its BINARY_OP name, symbol and dunders. */
/** Array-cache indices of the hot dunders (PyType.lookupDunder). */
const D_BINARY = registerHotDunders(BINARY_OPS.slice(0, NB_INPLACE).map((o) => o.dunder));
const D_REFLECTED = registerHotDunders(BINARY_OPS.slice(0, NB_INPLACE).map((o) => o.reflected));
const D_INPLACE = registerHotDunders(BINARY_OPS.slice(0, NB_INPLACE).map((o) => o.inplace));
const D_COMPARE = registerHotDunders(COMPARISONS.map((c) => c.dunder));
const OTHER_DUNDERS = [
  "__bool__",
  "__len__",
  "__iter__",
  "__getitem__",
  "__setitem__",
  "__delitem__",
  "__contains__",
  "__repr__",
  "__str__",
  "__hash__",
  "__index__",
  "__neg__",
  "__pos__",
  "__invert__",
  "__new__",
  "__init__",
] as const;
const D_OTHER = registerHotDunders(OTHER_DUNDERS);
/** The lookupDunder index of one of OTHER_DUNDERS. */
export function dunderIndex(name: typeof OTHER_DUNDERS[number]): number {
  return D_OTHER + OTHER_DUNDERS.indexOf(name);
}
const D_BOOL = dunderIndex("__bool__");
const D_LEN = dunderIndex("__len__");
const D_ITER = dunderIndex("__iter__");
const D_GETITEM = dunderIndex("__getitem__");
const D_SETITEM = dunderIndex("__setitem__");
const D_DELITEM = dunderIndex("__delitem__");
const D_CONTAINS = dunderIndex("__contains__");
const D_REPR = dunderIndex("__repr__");
const D_STR = dunderIndex("__str__");
const D_HASH = dunderIndex("__hash__");
const D_INDEX = dunderIndex("__index__");

// ---------------------------------------------------------------------------------------------
// Calling

/** Calls `f(*args)` with keyword values at the end of args named by kwnames (vectorcall). */
export function call(f: PyValue, args: PyValue[], kwnames: string[] | null = null): PyValue {
  if (f instanceof PyBuiltinFunction) {
    if (f.self === null) return f.fn(args, kwnames);
    return f.fn([f.self, ...args], kwnames);
  }
  const slot = typeOf(f).tp_call;
  if (slot !== null) return slot(f, args, kwnames);
  return raise(Exc.TypeError, `'${typeOf(f).name}' object is not callable`);
}

/** Calls a method found on self's type (a dunder) with self prepended. */
export function callMethod(
  f: PyValue,
  self: PyValue,
  args: PyValue[],
  kwnames: string[] | null = null,
): PyValue {
  if (f instanceof PyMethodDescriptor && f.cls === methodDescriptorType) {
    return f.fn([self, ...args], kwnames);
  }
  const ft = typeOf(f);
  if (ft === functionType) return ft.tp_call!(f, [self, ...args], kwnames);
  const get = ft.tp_descr_get;
  return call(get !== null ? get(f, self, typeOf(self)) : f, args, kwnames);
}

/** callMethod with no arguments. */
export function callMethod0(f: PyValue, self: PyValue): PyValue {
  if (f instanceof PyMethodDescriptor && f.cls === methodDescriptorType) return f.fn([self], null);
  const ft = typeOf(f);
  if (ft === functionType) return ft.tp_call!(f, [self], null);
  return callMethod(f, self, []);
}

/** callMethod with one argument. */
export function callMethod1(f: PyValue, self: PyValue, a: PyValue): PyValue {
  if (f instanceof PyMethodDescriptor && f.cls === methodDescriptorType) return f.fn([self, a], null);
  const ft = typeOf(f);
  if (ft === functionType) return ft.tp_call!(f, [self, a], null);
  return callMethod(f, self, [a]);
}

/** callMethod with two arguments. */
export function callMethod2(f: PyValue, self: PyValue, a: PyValue, b: PyValue): PyValue {
  if (f instanceof PyMethodDescriptor && f.cls === methodDescriptorType) return f.fn([self, a, b], null);
  const ft = typeOf(f);
  if (ft === functionType) return ft.tp_call!(f, [self, a, b], null);
  return callMethod(f, self, [a, b]);
}

/** Looks up a dunder on v's type and calls it; undefined when the type has none. */
export function callDunder(v: PyValue, name: string, args: PyValue[] = []): PyValue | undefined {
  const f = typeOf(v).lookup(name);
  if (f === undefined) return undefined;
  return callMethod(f, v, args);
}

// Descriptor protocol of the builtin descriptor types.
methodDescriptorType.tp_descr_get = (d, obj) => {
  const m = d as PyMethodDescriptor;
  if (obj === null) return m;
  return new PyBuiltinFunction(m.name, m.fn, obj);
};
methodDescriptorType.tp_call = (d, args, kwnames) => {
  const m = d as PyMethodDescriptor;
  if (args.length === 0) raise(Exc.TypeError, `unbound method ${m.owner.name}.${m.name}() needs an argument`);
  if (!isInstance(args[0], m.owner)) {
    raise(
      Exc.TypeError,
      `descriptor '${m.name}' for '${m.owner.name}' objects doesn't apply to a '${
        typeOf(args[0]).name
      }' object`,
    );
  }
  return m.fn(args, kwnames);
};
classMethodDescriptorType.tp_descr_get = (d, obj, type) => {
  const m = d as PyMethodDescriptor;
  return new PyBuiltinFunction(m.name, m.fn, obj !== null && type === null ? typeOf(obj) : type);
};
getsetDescriptorType.tp_descr_get = (d, obj) => {
  if (obj === null) return d;
  const g = d as PyGetSetDescriptor;
  if (!isInstance(obj, g.owner)) {
    raise(
      Exc.TypeError,
      `descriptor '${g.name}' for '${g.owner.name}' objects doesn't apply to a '${typeOf(obj).name}' object`,
    );
  }
  return g.getter(obj);
};
getsetDescriptorType.tp_descr_set = (d, obj, value) => {
  const g = d as PyGetSetDescriptor;
  if (g.setter === null) {
    raise(Exc.AttributeError, `attribute '${g.name}' of '${g.owner.name}' objects is not writable`);
  }
  g.setter(obj, value);
};
memberDescriptorType.tp_descr_get = (d, obj) => {
  if (obj === null) return d;
  const m = d as PyMemberDescriptor;
  const v = obj instanceof PyInstance && obj.slots !== null ? obj.slots[m.index] : undefined;
  if (v === undefined) raise(Exc.AttributeError, `'${typeOf(obj).name}' object has no attribute '${m.name}'`);
  return v;
};
memberDescriptorType.tp_descr_set = (d, obj, value) => {
  const m = d as PyMemberDescriptor;
  if (!(obj instanceof PyInstance) || obj.slots === null) {
    raise(Exc.AttributeError, `'${typeOf(obj).name}' object has no attribute '${m.name}'`);
  }
  if (value === undefined && obj.slots[m.index] === undefined) raise(Exc.AttributeError, m.name);
  obj.slots[m.index] = value;
};
functionType.tp_descr_get = (f, obj) => obj === null ? f : new PyMethod(f, obj);
methodType.tp_call = (m, args, kwnames) => {
  const bm = m as PyMethod;
  return call(bm.func, [bm.self, ...args], kwnames);
};
staticmethodType.tp_descr_get = (d) => (d as PyMethodWrapper).func;
staticmethodType.tp_call = (d, args, kwnames) => call((d as PyMethodWrapper).func, args, kwnames);
classmethodType.tp_descr_get = (d, obj, type) => {
  const cls = type ?? typeOf(obj!);
  const f = (d as PyMethodWrapper).func;
  const get = typeOf(f).tp_descr_get;
  // Chained descriptors (classmethod wrapping property) were removed later; bind plainly.
  if (get !== null && typeOf(f) !== functionType && !(f instanceof PyBuiltinFunction)) {
    return get(f, cls, cls);
  }
  return new PyMethod(f, cls);
};
builtinFunctionType.tp_call = (f, args, kwnames) => call(f, args, kwnames);

// ---------------------------------------------------------------------------------------------
// Attributes

/** object.__getattribute__: data descriptors, then the instance dict, then other class attributes. */
export function genericGetAttr(obj: PyValue, name: string): PyValue | undefined {
  const t = typeOf(obj);
  const own = typeof obj === "object" && hasOwnAttrs(obj);
  if (own && t.instanceDictFirst(name)) {
    const v = ownAttr(obj as PyObject, name);
    if (v !== undefined) return v;
  }
  const descr = t.lookup(name);
  if (descr !== undefined && typeof descr === "object") {
    const dt = descr.cls;
    if (dt.tp_descr_set !== null && dt.tp_descr_get !== null) return dt.tp_descr_get(descr, obj, t);
  }
  if (own) {
    const v = ownAttr(obj as PyObject, name);
    if (v !== undefined) return v;
  }
  if (descr !== undefined) {
    if (typeof descr === "object") {
      const get = descr.cls.tp_descr_get;
      if (get !== null) return get(descr, obj, t);
    }
    return descr;
  }
  return undefined;
}

/** type.__getattribute__: the metatype's data descriptors, then the MRO, then the metatype. */
export function typeGetAttr(obj: PyValue, name: string): PyValue | undefined {
  const type = obj as PyType;
  const meta = type.cls;
  const metaAttr = meta.lookup(name);
  let metaGet = null;
  if (metaAttr !== undefined && typeof metaAttr === "object") {
    metaGet = metaAttr.cls.tp_descr_get;
    if (metaGet !== null && metaAttr.cls.tp_descr_set !== null) return metaGet(metaAttr, type, meta);
  }
  const attr = type.lookup(name);
  if (attr !== undefined) {
    if (typeof attr === "object") {
      const get = attr.cls.tp_descr_get;
      if (get !== null) return get(attr, null, type);
    }
    return attr;
  }
  if (metaAttr !== undefined) {
    if (metaGet !== null) return metaGet(metaAttr, type, meta);
    return metaAttr;
  }
  return undefined;
}

/** CPython's wording for a module's missing attribute (a module still being imported says so). */
function moduleAttributeMessage(m: PyModule, name: string): string {
  const modName = m.dict?.getStr("__name__");
  if (typeof modName !== "string") return `module has no attribute '${name}'`;
  const spec = m.dict!.getStr("__spec__");
  if (spec !== undefined && spec !== None) {
    const initializing = typeof spec === "object" && spec.dict !== null
      ? spec.dict.getStr("_initializing")
      : undefined;
    if (initializing !== undefined && isTrue(initializing)) {
      return `partially initialized module '${modName}' has no attribute '${name}' (most likely due to a circular import)`;
    }
  }
  return `module '${modName}' has no attribute '${name}'`;
}

/** The AttributeError for a missing attribute, with CPython's wording per kind of object. */
export function attributeError(obj: PyValue, name: string): PyBaseException {
  let msg: string;
  if (obj instanceof PyModule) msg = moduleAttributeMessage(obj, name);
  else if (obj instanceof PyType) msg = `type object '${obj.name}' has no attribute '${name}'`;
  else msg = `'${typeOf(obj).name}' object has no attribute '${name}'`;
  const e = newException(Exc.AttributeError, [msg]);
  e.dict = new PyDict();
  e.dict.setStr("name", name);
  e.dict.setStr("obj", obj);
  return e;
}

/** getattr(obj, name), or undefined when missing (AttributeError from a getter is swallowed). */
export function getAttrOrUndefined(obj: PyValue, name: string): PyValue | undefined {
  const slot = typeOf(obj).tp_getattro;
  try {
    return slot === null ? genericGetAttr(obj, name) : slot(obj, name);
  } catch (e) {
    if (e instanceof PyBaseException && isInstance(e, Exc.AttributeError)) return undefined;
    throw e;
  }
}

/** `obj.name`. */
export function getAttr(obj: PyValue, name: string): PyValue {
  const slot = typeOf(obj).tp_getattro;
  const v = slot === null ? genericGetAttr(obj, name) : slot(obj, name);
  if (v === undefined) throw attributeError(obj, name);
  return v;
}

/**
 * `obj.name` for a call (LOAD_ATTR with the method flag): [function, obj] when the attribute is a
 * plain method of the type (no bound method is made), else [value, undefined].
 */
export function loadMethod(obj: PyValue, name: string): [PyValue, PyValue | undefined] {
  const t = typeOf(obj);
  const slot = t.tp_getattro;
  if (slot === null || slot === genericGetAttr) {
    const descr = t.lookup(name);
    if (descr !== undefined && typeof descr === "object") {
      const dt = descr.cls;
      if (dt === functionType || dt === methodDescriptorType) {
        if (typeof obj !== "object" || ownAttr(obj, name) === undefined) return [descr, obj];
      }
    }
  }
  return [getAttr(obj, name), undefined];
}

/** object.__setattr__ / __delattr__ (value undefined = delete). */
export function genericSetAttr(obj: PyValue, name: string, value: PyValue | undefined): void {
  const t = typeOf(obj);
  const own = typeof obj === "object" && hasOwnAttrs(obj);
  if (value !== undefined && own && t.instanceDictFirst(name)) {
    setOwnAttr(obj as PyObject, name, value);
    return;
  }
  const descr = t.lookup(name);
  if (descr !== undefined && typeof descr === "object") {
    const set = descr.cls.tp_descr_set;
    if (set !== null) {
      set(descr, obj, value);
      return;
    }
  }
  if (own) {
    if (value === undefined) {
      if (!deleteOwnAttr(obj as PyObject, name)) throw attributeError(obj, name);
    } else {
      setOwnAttr(obj as PyObject, name, value);
    }
    return;
  }
  if (descr !== undefined) raise(Exc.AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  throw attributeError(obj, name);
}

/** `obj.name = value`. */
export function setAttr(obj: PyValue, name: string, value: PyValue): void {
  const slot = typeOf(obj).tp_setattro;
  if (slot === null) genericSetAttr(obj, name, value);
  else slot(obj, name, value);
}

/** `del obj.name`. */
export function delAttr(obj: PyValue, name: string): void {
  const slot = typeOf(obj).tp_setattro;
  if (slot === null) genericSetAttr(obj, name, undefined);
  else slot(obj, name, undefined);
}

// ---------------------------------------------------------------------------------------------
// Numbers: conversions used by the protocols

/** Whether v is an int (bool included, int subclasses included). */
export function isIntValue(v: PyValue): boolean {
  const t = typeof v;
  return t === "number" || t === "bigint" || t === "boolean" || v instanceof PyIntObject;
}

/** The int value of an int, bool or int-subclass instance (undefined for anything else). */
export function intValueOf(v: PyValue): number | bigint | undefined {
  switch (typeof v) {
    case "number":
    case "bigint":
      return v;
    case "boolean":
      return v ? 1 : 0;
  }
  if (v instanceof PyIntObject) return v.value;
  return undefined;
}

/** The str value of a str or str-subclass instance (undefined for anything else). */
export function strValueOf(v: PyValue): string | undefined {
  if (typeof v === "string") return v;
  if (v instanceof PyStrObject) return v.value;
  return undefined;
}

/** The float value for arithmetic of an int or float operand, or undefined for other types. */
export function floatOperand(v: PyValue): number | undefined {
  if (v instanceof PyFloat) return v.value;
  const i = intValueOf(v);
  return i === undefined ? undefined : intToFloat(i);
}

/** `operator.index(v)`: an int from an int or an object with __index__. */
export function asIndex(v: PyValue): number | bigint {
  const i = intValueOf(v);
  if (i !== undefined) return i;
  const f = typeOf(v).lookupDunder(D_INDEX);
  if (f === undefined) {
    raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  }
  const r = callMethod0(f, v);
  const ri = intValueOf(r);
  if (ri === undefined) raise(Exc.TypeError, `__index__ returned non-int (type ${typeOf(r).name})`);
  return ri;
}

/**
 * A sequence index (`PyNumber_AsSsize_t(v, IndexError)`): IndexError beyond C's ssize_t; an int
 * beyond JS's safe integers but within ssize_t comes back as a (rounded) number, past any length.
 */
export function asSize(v: PyValue): number {
  const i = asIndex(v);
  return typeof i === "number" ? i : ssizeOrRaise(i, Exc.IndexError, indexSizedMessage(v));
}

/**
 * An argument CPython converts to a C `Py_ssize_t` (list.insert's index, str.ljust's width, …):
 * OverflowError "Python int too large to convert to C ssize_t" beyond it.
 */
export function asSsizeArg(v: PyValue): number {
  const i = asIndex(v);
  return typeof i === "number"
    ? i
    : ssizeOrRaise(i, Exc.OverflowError, "Python int too large to convert to C ssize_t");
}

/** An argument CPython converts to a C `int` (str.expandtabs's tabsize, chr's code): OverflowError beyond. */
export function asCIntArg(v: PyValue): number {
  const i = asIndex(v);
  if (i > 0x7fffffff) raise(Exc.OverflowError, "Python int too large to convert to C int");
  if (i < -0x80000000) raise(Exc.OverflowError, "Python int too large to convert to C int");
  return Number(i);
}

/** The largest C `Py_ssize_t` on a 64-bit machine. */
const SSIZE_MAX = (1n << 63n) - 1n;

/** A bigint within C's ssize_t as a number, or `exc(message)` (OverflowError/IndexError) beyond. */
export function ssizeOrRaise(i: bigint, exc: PyType, message: string): number {
  if (i > SSIZE_MAX || i < -SSIZE_MAX - 1n) raise(exc, message);
  return Number(i);
}

/** CPython's message for an int that does not fit Py_ssize_t where an index is needed. */
export function indexSizedMessage(v: PyValue): string {
  return `cannot fit '${typeOf(v).name}' into an index-sized integer`;
}

// ---------------------------------------------------------------------------------------------
// Binary operators

/** `a OP b` for BINARY_OP oparg `op` (in-place forms included). */
export function binaryOp(a: PyValue, b: PyValue, op: number): PyValue {
  const ka = typeof a, kb = typeof b;
  if ((ka === "number" || ka === "bigint") && (kb === "number" || kb === "bigint")) {
    // Two ints (small or big): int's function directly, not int.__op__ through binaryOpSlow's
    // method lookup. (intAdd and the others take the safe-integer fast path themselves.)
    const f = INT_BINARY[op >= NB_INPLACE ? op - NB_INPLACE : op];
    if (f !== null) return f(a as PyInt, b as PyInt);
  }
  if (ka === "string" && kb === "string" && (op === NB_ADD || op === NB_ADD + NB_INPLACE)) {
    // str + str: concatenation, without str.__add__'s method lookup and call.
    return (a as string) + (b as string);
  }
  if (
    ka === "string" && (op === NB_REMAINDER || op === NB_REMAINDER + NB_INPLACE) &&
    (kb !== "object" || isExactBuiltinOperand(b))
  ) {
    // "%d items" % n: str's own __mod__ (no right operand can take over: its type is builtin).
    return percentFormat(a as string, b);
  }
  if (a instanceof PyFloat && b instanceof PyFloat) {
    const r = floatBinary(a.value, b.value, op >= NB_INPLACE ? op - NB_INPLACE : op);
    if (r !== undefined) return r;
  }
  return binaryOpSlow(a, b, op);
}

/** Whether v is an instance of a builtin type itself (no subclass that could override __rmod__). */
function isExactBuiltinOperand(v: PyValue): boolean {
  const t = (v as PyObject).cls;
  return t === tupleType || t === dictType || t === floatType || t === listType;
}

/** int's operator functions by NB_* (null: int has no such operator, `@`). */
const INT_BINARY: readonly (((a: PyInt, b: PyInt) => PyValue) | null)[] = (() => {
  const table: (((a: PyInt, b: PyInt) => PyValue) | null)[] = new Array(NB_INPLACE).fill(null);
  table[NB_ADD] = intAdd;
  table[NB_AND] = intAnd;
  table[NB_FLOOR_DIVIDE] = intFloorDiv;
  table[NB_LSHIFT] = intLshift;
  table[NB_MULTIPLY] = intMul;
  table[NB_REMAINDER] = intMod;
  table[NB_OR] = intOr;
  table[NB_POWER] = intPow;
  table[NB_RSHIFT] = intRshift;
  table[NB_SUBTRACT] = intSub;
  table[NB_TRUE_DIVIDE] = intTrueDiv;
  table[NB_XOR] = intXor;
  return table;
})();

/**
 * A float operator on two float values; undefined for operators float does not have. One
 * allocation site, so that V8 inlines the PyFloat constructor here (seven sites did not inline:
 * each float result cost a construct-stub call).
 */
/** The operators floatBinary computes (float has no bitwise, shift or matrix operators). */
const FLOAT_OPERATORS = new Set([
  NB_ADD,
  NB_SUBTRACT,
  NB_MULTIPLY,
  NB_TRUE_DIVIDE,
  NB_FLOOR_DIVIDE,
  NB_REMAINDER,
  NB_POWER,
]);

export function floatBinary(x: number, y: number, op: number): PyValue | undefined {
  let r: number;
  switch (op) {
    case NB_ADD:
      r = x + y;
      break;
    case NB_SUBTRACT:
      r = x - y;
      break;
    case NB_MULTIPLY:
      r = x * y;
      break;
    case NB_TRUE_DIVIDE:
      r = floatTrueDiv(x, y);
      break;
    case NB_FLOOR_DIVIDE:
      r = floatFloorDiv(x, y);
      break;
    case NB_REMAINDER:
      r = floatMod(x, y);
      break;
    case NB_POWER: {
      const p = floatPow(x, y);
      if (p === null) return complexPowHook(x, y);
      r = p;
      break;
    }
    default:
      return undefined;
  }
  return new PyFloat(r);
}

/** Installed by complex.ts: a negative float to a fractional power. */
export let complexPowHook: (x: number, y: number) => PyValue = () => {
  raise(Exc.ValueError, "math domain error");
};
/** Sets complexPowHook. */
export function setComplexPowHook(f: (x: number, y: number) => PyValue): void {
  complexPowHook = f;
}

function binaryOpSlow(a: PyValue, b: PyValue, op: number): PyValue {
  const base = op >= NB_INPLACE ? op - NB_INPLACE : op;
  // Mixed int/float (and bool) arithmetic without going through method lookup.
  const ta = typeOf(a), tb = typeOf(b);
  // (Only for operators float has: converting an int too large for a float raises OverflowError,
  // which `1.5 & 10**400` must not, its TypeError coming first.)
  if (
    (a instanceof PyFloat || b instanceof PyFloat) && FLOAT_OPERATORS.has(base) && isPlainNumber(a) &&
    isPlainNumber(b)
  ) {
    const r = floatBinary(floatOperand(a)!, floatOperand(b)!, base);
    if (r !== undefined) return r;
  }
  const info = BINARY_OPS[op];
  if (op >= NB_INPLACE) {
    const f = ta.lookupDunder(D_INPLACE + base);
    if (f !== undefined) {
      const r = callMethod1(f, a, b);
      if (r !== NotImplemented) return r;
    }
  }
  const r = binaryOp1(a, b, ta, tb, base);
  if (r !== NotImplemented) return r;
  return raise(Exc.TypeError, binaryOpErrorMessage(a, b, base, info.symbol));
}

/** CPython's binary_op1 for plain operator `base`: a.__op__(b), b.__rop__(a), a subclass's first. */
export function binaryOp1(a: PyValue, b: PyValue, ta: PyType, tb: PyType, base: number): PyValue {
  const fa = ta.lookupDunder(D_BINARY + base);
  let fb = ta === tb ? undefined : tb.lookupDunder(D_REFLECTED + base);
  if (fb !== undefined && tb.isSubtypeOf(ta) && fb !== ta.lookupDunder(D_REFLECTED + base)) {
    const r = callMethod1(fb, b, a);
    if (r !== NotImplemented) return r;
    fb = undefined;
  }
  if (fa !== undefined) {
    const r = callMethod1(fa, a, b);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = callMethod1(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  return NotImplemented;
}

function binaryOpErrorMessage(a: PyValue, b: PyValue, base: number, symbol: string): string {
  const an = typeOf(a).name, bn = typeOf(b).name;
  if (base === NB_ADD && a instanceof PyBytes) return `can't concat ${bn} to ${an}`;
  if (base === NB_ADD && isSequenceForConcat(a)) {
    return `can only concatenate ${an} (not "${bn}") to ${an}`;
  }
  if (base === NB_MULTIPLY && (isSequenceForConcat(a) || isSequenceForConcat(b))) {
    const other = isSequenceForConcat(a) ? b : a;
    if (intValueOf(other) === undefined) {
      return `can't multiply sequence by non-int of type '${typeOf(other).name}'`;
    }
  }
  if (base === NB_POWER) return `unsupported operand type(s) for ** or pow(): '${an}' and '${bn}'`;
  if (base === NB_RSHIFT && a instanceof PyBuiltinFunction && a.name === "print") {
    return `unsupported operand type(s) for >>: '${an}' and '${bn}'. Did you mean "print(<message>, file=<output_stream>)"?`;
  }
  return `unsupported operand type(s) for ${symbol}: '${an}' and '${bn}'`;
}

function isSequenceForConcat(v: PyValue): boolean {
  return typeof v === "string" || v instanceof PyList || v instanceof PyTuple || v instanceof PyBytes ||
    v instanceof PyStrObject;
}

// ---------------------------------------------------------------------------------------------
// Comparisons

/** `a OP b` for COMPARE_OP oparg op (PY_LT..PY_GE): the result object (usually a bool). */
export function compareOp(a: PyValue, b: PyValue, op: number): PyValue {
  if (typeof a === "number" && typeof b === "number") return compareNumbers(a, b, op);
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b, op);
  if (a instanceof PyFloat && b instanceof PyFloat) return compareNumbers(a.value, b.value, op);
  if (a instanceof PyTuple && b instanceof PyTuple && a.cls === tupleType && b.cls === tupleType) {
    return compareSequences(a.items, b.items, op);
  }
  return compareSlow(a, b, op);
}

/** Two strs compared as Python compares them (by code point). */
export function compareStrings(a: string, b: string, op: number): boolean {
  if (op === PY_EQ) return a === b;
  if (op === PY_NE) return a !== b;
  return compareNumbers(strOrder(a, b), 0, op);
}

/** Two JS numbers (ints, or float values) compared: NaN compares false except !=, as IEEE and CPython. */
export function compareNumbers(a: number, b: number, op: number): boolean {
  switch (op) {
    case PY_LT:
      return a < b;
    case PY_LE:
      return a <= b;
    case PY_EQ:
      return a === b;
    case PY_NE:
      return a !== b;
    case PY_GT:
      return a > b;
    default:
      return a >= b;
  }
}

/** Compares int/float mixes exactly (JS compares bigint with number exactly). */
function compareMixed(a: number | bigint, b: number | bigint, op: number): boolean {
  switch (op) {
    case PY_LT:
      return a < b;
    case PY_LE:
      return a <= b;
    case PY_EQ:
      // deno-lint-ignore eqeqeq
      return a == b;
    case PY_NE:
      // deno-lint-ignore eqeqeq
      return a != b;
    case PY_GT:
      return a > b;
    default:
      return a >= b;
  }
}

function numericValue(v: PyValue): number | bigint | undefined {
  if (v instanceof PyFloat) return v.value;
  return intValueOf(v);
}

function compareSlow(a: PyValue, b: PyValue, op: number): PyValue {
  // Exact int/float/bool mixes.
  if (isPlainNumber(a) && isPlainNumber(b)) {
    return compareMixed(numericValue(a)!, numericValue(b)!, op);
  }
  // The rest may recurse (containers, Python methods): one level, as CPython's PyObject_RichCompare.
  enterRecursiveCall(IN_COMPARISON);
  try {
    return compareByMethods(a, b, op);
  } catch (e) {
    throw overflowAsRecursionError(e, IN_COMPARISON);
  } finally {
    leaveRecursiveCall();
  }
}

/** `a OP b` through the operands' comparison methods (the reflected one first for a subclass). */
function compareByMethods(a: PyValue, b: PyValue, op: number): PyValue {
  const ta = typeOf(a), tb = typeOf(b);
  const info = COMPARISONS[op];
  const swappedIndex = D_COMPARE + info.swapped;
  let checkedReflected = false;
  if (ta !== tb && tb.isSubtypeOf(ta)) {
    const fb = tb.lookupDunder(swappedIndex);
    if (fb !== undefined && fb !== ta.lookupDunder(swappedIndex)) {
      checkedReflected = true;
      const r = callMethod1(fb, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  const fa = ta.lookupDunder(D_COMPARE + op);
  if (fa !== undefined) {
    const r = callMethod1(fa, a, b);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReflected) {
    const fb = tb.lookupDunder(swappedIndex);
    if (fb !== undefined) {
      const r = callMethod1(fb, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === PY_EQ) return a === b;
  if (op === PY_NE) return a !== b;
  return raise(
    Exc.TypeError,
    `'${info.symbol}' not supported between instances of '${ta.name}' and '${tb.name}'`,
  );
}

/** An exact int, bool or float (not a subclass instance, which may override operators). */
function isPlainNumber(v: PyValue): boolean {
  const k = typeof v;
  return k === "number" || k === "bigint" || k === "boolean" || (v instanceof PyFloat && v.cls === floatType);
}

/** `a == b` as a JS boolean, identity first (what containers use). */
export function richEq(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  const ka = typeof a, kb = typeof b;
  if (ka === "string" && kb === "string") return false;
  if (ka === "number" && kb === "number") return false;
  if (a instanceof PyTuple && b instanceof PyTuple && a.cls === tupleType && b.cls === tupleType) {
    const x = a.items, y = b.items;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i], yi = y[i];
      if (typeof xi === "object" && xi !== yi ? !nestedEq(xi, yi) : !richEq(xi, yi)) return false;
    }
    return true;
  }
  return isTrue(compareOp(a, b, PY_EQ));
}

/** richEq of items inside a tuple that are objects (nested tuples recurse): one level counted. */
function nestedEq(a: PyValue, b: PyValue): boolean {
  enterRecursiveCall(IN_COMPARISON);
  try {
    return richEq(a, b);
  } catch (e) {
    throw overflowAsRecursionError(e, IN_COMPARISON);
  } finally {
    leaveRecursiveCall();
  }
}

/** `a < b` as a JS boolean (sorting, min/max). */
export function lessThan(a: PyValue, b: PyValue): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return strOrder(a, b) < 0;
  if (typeof a === "object" && typeof b === "object" && a.cls === tupleType && b.cls === tupleType) {
    return tupleLess((a as PyTuple).items, (b as PyTuple).items);
  }
  return isTrue(compareOp(a, b, PY_LT));
}

/**
 * Tuple `<` (sort keys like `(name, -age)`): the first items that are not equal decide, compared
 * directly when both are ints or both strs (CPython's list.sort pre-checks key types likewise).
 */
function tupleLess(x: readonly PyValue[], y: readonly PyValue[]): boolean {
  const n = x.length < y.length ? x.length : y.length;
  for (let i = 0; i < n; i++) {
    const p = x[i], q = y[i];
    if (p === q) continue;
    if (typeof p === "number" && typeof q === "number") return p < q;
    if (typeof p === "string" && typeof q === "string") return strOrder(p, q) < 0;
    if (!richEq(p, q)) return lessThan(p, q);
  }
  return x.length < y.length;
}

/**
 * Compares strings by code point: negative, zero or positive. UTF-16 order agrees except when
 * the first difference is between a surrogate (astral character) and a unit in U+E000..U+FFFF.
 */
export function strOrder(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0xd800 && y < 0xd800) return x - y;
      return surrogateOrder(a, b, i);
    }
  }
  return a.length - b.length;
}

/**
 * The order of `a` and `b` by code points, where they first differ at code unit `i` and a
 * surrogate is involved: a surrogate pair is one code point above U+FFFF; a lone surrogate is the
 * code point U+D800–U+DFFF itself (below U+E000), as in CPython's str.
 */
function surrogateOrder(a: string, b: string, i: number): number {
  // The code point may start one unit earlier (a high surrogate both strings share).
  const prev = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (prev >= 0xd800 && prev <= 0xdbff) {
    const pa = codePointFrom(a, i - 1), pb = codePointFrom(b, i - 1);
    if (pa !== pb) return pa - pb;
  }
  return codePointFrom(a, i) - codePointFrom(b, i);
}

/** The code point that starts at unit `i` of `s` (a lone surrogate as itself). */
function codePointFrom(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Truth, length, unary operators

/** `bool(v)` as a JS boolean. */
export function isTrue(v: PyValue): boolean {
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "string":
      return v.length > 0;
    case "bigint":
      return true;
  }
  if (v === None) return false;
  return isTrueSlow(v);
}

function isTrueSlow(v: PyObject): boolean {
  const t = v.cls;
  const fb = t.lookupDunder(D_BOOL);
  if (fb !== undefined) {
    if (fb === None) raise(Exc.TypeError, `'${t.name}' object is not callable`);
    const r = callMethod0(fb, v);
    if (typeof r !== "boolean") {
      raise(Exc.TypeError, `__bool__ should return bool, returned ${typeOf(r).name}`);
    }
    return r;
  }
  const fl = t.lookupDunder(D_LEN);
  if (fl !== undefined) return lengthFromResult(callMethod0(fl, v)) > 0;
  return true;
}

/** `len(v)`. */
export function len(v: PyValue): number {
  if (typeof v === "string") return strLength(v);
  if (v instanceof PyList && v.cls === listType) return v.items.length;
  if (v instanceof PyTuple && v.cls === tupleType) return v.items.length;
  if (v instanceof PyDict && v.cls === dictType) return v.size;
  const f = typeOf(v).lookupDunder(D_LEN);
  if (f === undefined) raise(Exc.TypeError, `object of type '${typeOf(v).name}' has no len()`);
  return lengthFromResult(callMethod0(f, v));
}

function lengthFromResult(r: PyValue): number {
  const i = exactLength(r);
  return typeof i === "number" ? i : Number(i);
}

/** A __len__ result checked as CPython checks it: an int, >= 0, within C's ssize_t. */
function exactLength(r: PyValue): number | bigint {
  const i = intValueOf(r);
  if (i === undefined) raise(Exc.TypeError, `'${typeOf(r).name}' object cannot be interpreted as an integer`);
  if (i < 0) raise(Exc.ValueError, "__len__() should return >= 0");
  if (typeof i === "bigint") {
    ssizeOrRaise(i, Exc.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  return i;
}

/** The builtin `len(v)`: as len(), but a length beyond 2**53 (a range's) stays exact. */
export function lenBuiltin(v: PyValue): number | bigint {
  if (typeof v === "string" || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) {
    return len(v);
  }
  const f = typeOf(v).lookupDunder(D_LEN);
  if (f === undefined) raise(Exc.TypeError, `object of type '${typeOf(v).name}' has no len()`);
  return exactLength(callMethod0(f, v));
}

/** The number of code points in a JS string (Python's len). */
export function strLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const SURROGATE = /[\ud800-\udfff]/;
/** From this length the answer for a string is kept (for the last such string of its size class). */
const SURROGATE_CACHE_FROM = 16;
/** From this length a string is "long": it has a slot of its own, which shorter strings do not take. */
const SURROGATE_LONG_FROM = 4096;
const surrogateCache = { medium: "", mediumResult: false, long: "", longResult: false };
/**
 * Whether s contains UTF-16 surrogates (so code-point indexing needs care). The answer for the last
 * string of at least 16 characters is kept, in one of two slots by size: a tokenizer's `src[i]` over
 * a line asks about the line at every character (without the slot, a scan of the line each time:
 * quadratic), and a loop of `text.find(word)` over a long text asks about the text at every call,
 * which the word, in the other slot, does not push out.
 */
export function hasSurrogates(s: string): boolean {
  if (s.length < SURROGATE_CACHE_FROM) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return true;
    }
    return false;
  }
  const c = surrogateCache;
  if (s.length < SURROGATE_LONG_FROM) {
    if (s === c.medium) return c.mediumResult;
    c.medium = s;
    return c.mediumResult = SURROGATE.test(s);
  }
  if (s === c.long) return c.longResult;
  c.long = s;
  return c.longResult = SURROGATE.test(s);
}

/** `-v`. */
export function unaryNegative(v: PyValue): PyValue {
  if (typeof v === "number") return v === 0 ? 0 : -v;
  if (v instanceof PyFloat && v.cls === floatType) return new PyFloat(-v.value);
  if (typeof v === "bigint" || typeof v === "boolean") return intNeg(intValueOf(v)!);
  return unarySlow(v, "__neg__", "unary -");
}

/** `+v`. */
export function unaryPositive(v: PyValue): PyValue {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat && v.cls === floatType) return v;
  return unarySlow(v, "__pos__", "unary +");
}

/** `~v`. */
export function unaryInvert(v: PyValue): PyValue {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    return intInvert(intValueOf(v)!);
  }
  return unarySlow(v, "__invert__", "unary ~");
}

function unarySlow(v: PyValue, dunder: string, what: string): PyValue {
  const f = typeOf(v).lookup(dunder);
  if (f === undefined) raise(Exc.TypeError, `bad operand type for ${what}: '${typeOf(v).name}'`);
  return callMethod0(f, v);
}

/** `not v`. */
export function unaryNot(v: PyValue): boolean {
  return !isTrue(v);
}

// ---------------------------------------------------------------------------------------------
// Iteration

/** `iter(v)`. */
export function getIter(v: PyValue): PyValue {
  const t = typeOf(v);
  const slot = t.tp_iter;
  if (slot !== null) return slot(v);
  return getIterSlow(v, t);
}

/** Installed by the sequence-iterator code: iteration through __getitem__ (old protocol). */
export let sequenceIterHook: (v: PyValue) => PyValue = () => None;
/** Sets sequenceIterHook. */
export function setSequenceIterHook(f: (v: PyValue) => PyValue): void {
  sequenceIterHook = f;
}

function getIterSlow(v: PyValue, t: PyType): PyValue {
  const f = t.lookupDunder(D_ITER);
  if (f === None) raise(Exc.TypeError, `'${t.name}' object is not iterable`);
  if (f !== undefined) {
    const it = callMethod0(f, v);
    if (typeOf(it).tp_iternext === null) {
      raise(Exc.TypeError, `iter() returned non-iterator of type '${typeOf(it).name}'`);
    }
    return it;
  }
  if (t.lookup("__getitem__") !== undefined && !(v instanceof PyDict)) return sequenceIterHook(v);
  return raise(Exc.TypeError, `'${t.name}' object is not iterable`);
}

/** `next(it)`: the next value, or undefined when exhausted (no StopIteration object). */
export function iterNext(it: PyValue): PyValue | undefined {
  const slot = typeOf(it).tp_iternext;
  if (slot === null) raise(Exc.TypeError, `'${typeOf(it).name}' object is not an iterator`);
  return slot(it);
}

/** Runs fn for each value of a Python iterable (fast for lists and tuples). */
export function forEach(iterable: PyValue, fn: (v: PyValue) => void): void {
  if (
    (iterable instanceof PyList && iterable.cls === listType) ||
    (iterable instanceof PyTuple && iterable.cls === tupleType)
  ) {
    const items = iterable.items;
    for (let i = 0; i < items.length; i++) fn(items[i]);
    return;
  }
  const it = getIter(iterable);
  const next = typeOf(it).tp_iternext!;
  for (;;) {
    const v = next(it);
    if (v === undefined) return;
    fn(v);
  }
}

/** The values of a Python iterable as a new JS array. */
export function toArray(iterable: PyValue): PyValue[] {
  if (
    (iterable instanceof PyList && iterable.cls === listType) ||
    (iterable instanceof PyTuple && iterable.cls === tupleType)
  ) {
    return iterable.items.slice();
  }
  if (typeof iterable === "string" && !hasSurrogates(iterable)) return iterable.split("");
  // CPython sizes the list from len() or __length_hint__ first: what is too long to hold fails at
  // once (a range's length, a builtin iterator's hint such as itertools.repeat's), and a long
  // list is allocated whole instead of grown (growing copies a big array at every step).
  let hint = 0;
  if (iterable instanceof PyRange) {
    const items = rangeItems(iterable);
    if (items !== null) return items;
    if ((Number(iterable.stop) - Number(iterable.start)) / Number(iterable.step) > MAX_ARRAY_LENGTH) {
      memoryError();
    }
  } else if (iterable instanceof PyObject && (iterable.cls.flags & TYPE_HEAP) === 0) {
    hint = lengthHint(iterable);
  }
  const out = arrayForLength<PyValue>(hint);
  const it = getIter(iterable);
  const next = typeOf(it).tp_iternext!;
  let n = 0;
  for (;;) {
    const v = next(it);
    if (v === undefined) {
      if (out.length > n) out.length = n; // the hint was only a hint
      return out;
    }
    // An endless iterator (itertools.count()) must end in MemoryError, not a V8 crash.
    if ((n & 1023) === 1023) checkHeap(1024 * 16);
    putItem(out, n++, v);
  }
}

/**
 * The items of a range whose bounds are JS numbers, computed (null for big-int bounds). MemoryError
 * when there are more than an array holds.
 */
function rangeItems(r: PyRange): PyValue[] | null {
  const { start, stop, step } = r;
  if (typeof start !== "number" || typeof stop !== "number" || typeof step !== "number") return null;
  const span = step > 0 ? stop - start : start - stop;
  if (span <= 0) return [];
  const by = Math.abs(step);
  let n = Math.floor(span / by);
  // The division rounds: settle the count exactly (span and the products are exact integers).
  while (n * by < span) n++;
  while (n > 0 && (n - 1) * by >= span) n--;
  if (n > MAX_ARRAY_LENGTH) memoryError();
  checkHeap(n * 8);
  const out = arrayForLength<PyValue>(n);
  for (let i = 0, v = start; i < n; i++, v += step) putItem(out, i, v);
  return out;
}

/** A builtin iterator's __length_hint__ (0 without one); MemoryError when it says more than an array holds. */
function lengthHint(iterable: PyObject): number {
  const f = iterable.cls.lookup("__length_hint__");
  if (f === undefined) return 0;
  const hint = intValueOf(callMethod0(f, iterable));
  if (hint !== undefined && hint > MAX_ARRAY_LENGTH) memoryError();
  return typeof hint === "number" && hint > 0 ? hint : 0;
}

/** Whether e is a Python exception of type t (or a subclass). */
export function isExceptionOf(e: unknown, t: PyType): e is PyBaseException {
  return e instanceof PyBaseException && (e.cls === t || e.cls.isSubtypeOf(t));
}

// ---------------------------------------------------------------------------------------------
// Subscription and membership

/** `container[key]`. */
export function getItem(container: PyValue, key: PyValue): PyValue {
  if (container instanceof PyList && typeof key === "number" && container.cls === listType) {
    const items = container.items;
    const i = key < 0 ? key + items.length : key;
    if (i >= 0 && i < items.length) return items[i];
    raise(Exc.IndexError, "list index out of range");
  }
  if (container instanceof PyDict && container.cls === dictType) {
    const v = container.get(key);
    if (v !== undefined) return v;
  }
  if (typeof container === "string" && typeof key === "number" && !hasSurrogates(container)) {
    const i = key < 0 ? key + container.length : key;
    if (i >= 0 && i < container.length) return container[i];
    raise(Exc.IndexError, "string index out of range");
  }
  if (container instanceof PyTuple && typeof key === "number" && container.cls === tupleType) {
    const items = container.items;
    const i = key < 0 ? key + items.length : key;
    if (i >= 0 && i < items.length) return items[i];
    raise(Exc.IndexError, "tuple index out of range");
  }
  return getItemSlow(container, key);
}

function getItemSlow(container: PyValue, key: PyValue): PyValue {
  const t = typeOf(container);
  const f = t.lookupDunder(D_GETITEM);
  if (f !== undefined) return callMethod1(f, container, key);
  if (container instanceof PyType) {
    if (container === typeType) return genericAliasHook(container, key);
    const cg = getAttrOrUndefined(container, "__class_getitem__");
    if (cg !== undefined) return call(cg, [key]);
    raise(Exc.TypeError, `type '${container.name}' is not subscriptable`);
  }
  return raise(Exc.TypeError, `'${t.name}' object is not subscriptable`);
}

/** Installed by type.ts: `list[int]` style generic aliases. */
export let genericAliasHook: (origin: PyValue, args: PyValue) => PyValue = (o) => o;
/** Sets genericAliasHook. */
export function setGenericAliasHook(f: (origin: PyValue, args: PyValue) => PyValue): void {
  genericAliasHook = f;
}

/** `container[key] = value`. */
export function setItem(container: PyValue, key: PyValue, value: PyValue): void {
  if (container instanceof PyList && typeof key === "number" && container.cls === listType) {
    const items = container.items;
    const i = key < 0 ? key + items.length : key;
    if (i >= 0 && i < items.length) {
      items[i] = value;
      return;
    }
    raise(Exc.IndexError, "list assignment index out of range");
  }
  if (container instanceof PyDict && container.cls === dictType) {
    container.set(key, value);
    return;
  }
  const f = typeOf(container).lookupDunder(D_SETITEM);
  if (f === undefined) {
    raise(Exc.TypeError, `'${typeOf(container).name}' object does not support item assignment`);
  }
  callMethod2(f, container, key, value);
}

/** `del container[key]`. */
export function delItem(container: PyValue, key: PyValue): void {
  const f = typeOf(container).lookupDunder(D_DELITEM);
  if (f === undefined) {
    raise(Exc.TypeError, `'${typeOf(container).name}' object does not support item deletion`);
  }
  callMethod1(f, container, key);
}

/** `item in container`. */
export function contains(container: PyValue, item: PyValue): boolean {
  if (container instanceof PyDict && container.cls === dictType) return container.find(item) >= 0;
  if (container instanceof PySet) return container.has(item);
  if (typeof container === "string") {
    if (typeof item === "string") return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    if (container.cls === listType || container.cls === tupleType) {
      const items = container.items;
      for (let i = 0; i < items.length; i++) if (richEq(items[i], item)) return true;
      return false;
    }
  }
  const t = typeOf(container);
  const f = t.lookupDunder(D_CONTAINS);
  if (f !== undefined) return isTrue(callMethod1(f, container, item));
  if (t.tp_iter === null && t.lookup("__iter__") === undefined && t.lookup("__getitem__") === undefined) {
    raise(Exc.TypeError, `argument of type '${t.name}' is not iterable`);
  }
  const it = getIter(container);
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) return false;
    if (richEq(v, item)) return true;
  }
}

/** `slice(start, stop, step)` (BUILD_SLICE). */
export function buildSlice(start: PyValue, stop: PyValue, step: PyValue = None): PySlice {
  return new PySlice(start, stop, step);
}

// ---------------------------------------------------------------------------------------------
// repr, str, hash, format

/** Objects whose repr is being computed (CPython's Py_ReprEnter), for `[...]` and `{...}`. */
const reprActive = new Set<PyValue>();

/** Runs fn unless obj's repr is already in progress (then returns `recursive`). */
export function reprGuard(obj: PyValue, recursive: string, fn: () => string): string {
  if (reprActive.has(obj)) return recursive;
  reprActive.add(obj);
  try {
    return fn();
  } finally {
    reprActive.delete(obj);
  }
}

/** `repr(v)`. */
export function repr(v: PyValue): string {
  switch (typeof v) {
    case "number":
      return String(v);
    case "bigint":
      return bigintToDecimal(v);
    case "boolean":
      return v ? "True" : "False";
    case "string":
      return strRepr(v);
  }
  if (v instanceof PyFloat && v.cls === floatType) return floatRepr(v.value);
  if (v === None) return "None";
  const f = v.cls.lookupDunder(D_REPR);
  if (f === undefined) return `<${v.cls.name} object>`;
  return callStringMethod(f, v, "__repr__", WHILE_GETTING_REPR);
}

/**
 * `v.__repr__()` or `v.__str__()` (`f`, named `name`): the str it returns. It may recurse
 * (containers, Python methods): one level while it runs, as CPython's PyObject_Repr and _Str.
 */
function callStringMethod(f: PyValue, v: PyValue, name: string, where: string): string {
  enterRecursiveCall(where);
  let r: PyValue;
  try {
    r = callMethod0(f, v);
  } catch (e) {
    throw overflowAsRecursionError(e, where);
  } finally {
    leaveRecursiveCall();
  }
  if (typeof r === "string") return r;
  if (r instanceof PyStrObject) return r.value;
  return raise(Exc.TypeError, `${name} returned non-string (type ${typeOf(r).name})`);
}

/** `str(v)`. */
export function str(v: PyValue): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "bigint":
      return bigintToDecimal(v);
    case "boolean":
      return v ? "True" : "False";
  }
  if (v instanceof PyFloat && v.cls === floatType) return floatRepr(v.value);
  if (v === None) return "None";
  const f = v.cls.lookupDunder(D_STR);
  if (f === undefined) return repr(v);
  return callStringMethod(f, v, "__str__", WHILE_GETTING_STR);
}

/** `hash(v)` as a JS number (equal values hash equal; ints and integral floats as CPython). */
export function hash(v: PyValue): number {
  switch (typeof v) {
    case "number":
      return v === -1 ? -2 : v;
    case "string":
      return strHash(v);
    case "boolean":
      return v ? 1 : 0;
    case "bigint":
      return intHash(v);
  }
  if (v instanceof PyFloat) return floatHash(v.value);
  return hashSlow(v);
}

function hashSlow(v: PyObject): number {
  const f = v.cls.lookupDunder(D_HASH);
  if (f === undefined || f === None) raise(Exc.TypeError, `unhashable type: '${v.cls.name}'`);
  const r = callMethod0(f, v);
  const i = intValueOf(r);
  if (i === undefined) raise(Exc.TypeError, "__hash__ method should return an integer");
  return typeof i === "number" ? (i === -1 ? -2 : i) : intHash(i);
}

/**
 * What `__hash__` returns, as hash() gives it: kept whole within 64 bits (a dataclass's
 * `hash((self.a, self.b))` equals the tuple's hash), reduced as an int's hash beyond.
 */
function dunderHashExact(v: PyObject): number | bigint {
  const f = v.cls.lookupDunder(D_HASH);
  if (f === undefined || f === None) raise(Exc.TypeError, `unhashable type: '${v.cls.name}'`);
  const i = intValueOf(callMethod0(f, v));
  if (i === undefined) raise(Exc.TypeError, "__hash__ method should return an integer");
  if (typeof i === "number") return i === -1 ? -2 : i;
  if (i >= -(1n << 63n) && i < (1n << 63n)) return i === -1n ? -2n : i;
  return intHashExact(i);
}

/** A string hash (CPython randomizes str hashes, so any good hash is faithful). */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === -1 ? -2 : h;
}

// ---------------------------------------------------------------------------------------------
// Python's exact 64-bit hashes, computed in two unsigned 32-bit halves (no BigInt on the hot path)

const TWO_32 = 4294967296;
/** Result registers of the 64-bit helpers below (high and low unsigned 32-bit halves). */
let RH = 0, RL = 0;

function mul32(a: number, b: number): void {
  RL = Math.imul(a, b) >>> 0;
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const p01 = a0 * b1, p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  RH = (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0;
}

/** (aH, aL) * (bH, bL) mod 2**64 into RH/RL. */
function mul64(aH: number, aL: number, bH: number, bL: number): void {
  mul32(aL, bL);
  RH = (RH + Math.imul(aH, bL) + Math.imul(aL, bH)) >>> 0;
}

/** Splits a signed number or bigint hash into RH/RL (two's complement). */
function split64(h: number | bigint): void {
  if (typeof h === "number") {
    RL = h >>> 0;
    RH = Math.floor(h / TWO_32) >>> 0;
  } else {
    const u = BigInt.asUintN(64, h);
    RL = Number(u & 0xffffffffn);
    RH = Number(u >> 32n);
  }
}

const P1_HI = 0x9e3779b1, P1_LO = 0x85ebca87; // 11400714785074694791
const P2_HI = 0xc2b2ae3d, P2_LO = 0x27d4eb4f; // 14029467366897019727
const P5_HI = 0x27d4eb2f, P5_LO = 0x165667c5; // 2870177450012600261

/**
 * Python's hash of v as two unsigned 32-bit halves in `hash64Out`: exactly CPython's value where
 * CPython's is deterministic (ints, floats, exact tuples via xxHash tuplehash, frozensets), the
 * internal hash elsewhere (strings, whose CPython hash is randomized anyway, and objects).
 */
export function hash64(v: PyValue): void {
  switch (typeof v) {
    case "number":
      split64(v === -1 ? -2 : v);
      break;
    case "boolean":
      split64(v ? 1 : 0);
      break;
    case "string":
      split64(strHash(v));
      break;
    case "bigint":
      split64(intHashExact(v));
      break;
    default:
      if (v instanceof PyFloat) {
        const x = v.value;
        split64(Number.isSafeInteger(x) ? (x === -1 ? -2 : x) : floatHashExact(x));
      } else if (
        v instanceof PyTuple &&
        (v.cls === tupleType || v.cls.lookupDunder(D_HASH) === tupleType.lookupDunder(D_HASH))
      ) {
        // Subclasses that keep tuple's __hash__ (namedtuples) hash as the equal tuple does.
        tupleHash64(v.items);
      } else if (v instanceof PySet && v.cls === frozensetType) {
        split64(frozensetHashExact(v));
      } else {
        split64(dunderHashExact(v));
      }
  }
  hash64Out.hi = RH;
  hash64Out.lo = RL;
}

function tupleHash64(items: PyValue[]): void {
  let accH = P5_HI, accL = P5_LO;
  for (let i = 0; i < items.length; i++) {
    hash64(items[i]);
    // acc += lane * XXPRIME_2
    mul64(hash64Out.hi, hash64Out.lo, P2_HI, P2_LO);
    const sum = accL + RL;
    accH = (accH + RH + (sum >= TWO_32 ? 1 : 0)) >>> 0;
    accL = sum % TWO_32;
    // acc = rotl(acc, 31)
    const h = accH, l = accL;
    accH = ((h << 31) | (l >>> 1)) >>> 0;
    accL = ((l << 31) | (h >>> 1)) >>> 0;
    // acc *= XXPRIME_1
    mul64(accH, accL, P1_HI, P1_LO);
    accH = RH;
    accL = RL;
  }
  // acc += len ^ (XXPRIME_5 ^ 3527539)
  const addL = (items.length ^ (P5_LO ^ 3527539)) >>> 0;
  const lo = accL + addL;
  accH = (accH + P5_HI + (lo >= TWO_32 ? 1 : 0)) >>> 0;
  accL = lo % TWO_32;
  if (accH === 0xffffffff && accL === 0xffffffff) {
    accH = 0;
    accL = 1546275796;
  }
  RH = accH;
  RL = accL;
}

/** CPython's frozenset_hash (order-independent xor of shuffled member hashes, then dispersed). */
function frozensetHashExact(v: PySet): bigint {
  let acc = 0n;
  for (const item of v.items()) {
    const h = BigInt.asUintN(64, exactHash(item));
    acc ^= BigInt.asUintN(64, ((h ^ 89869747n) ^ (h << 16n)) * 3644798167n);
  }
  acc ^= BigInt.asUintN(64, BigInt(v.size + 1) * 1927868237n);
  acc ^= (acc >> 11n) ^ (acc >> 25n);
  acc = BigInt.asUintN(64, acc * 69069n + 907133923n);
  if (acc === 18446744073709551615n) return 590923713n;
  return BigInt.asIntN(64, acc);
}

/** hash(v) as the builtin returns it: CPython's exact value where deterministic (see hash64). */
export function exactHash(v: PyValue): bigint {
  if (typeof v === "number") return BigInt(v === -1 ? -2 : v);
  hash64(v);
  return BigInt.asIntN(64, (BigInt(hash64Out.hi) << 32n) | BigInt(hash64Out.lo));
}

/** Identity hash for objects (stable per object): a counter in a WeakMap. */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
/** `id(v)` for objects, also object.__hash__. */
export function objectId(v: PyObject): number {
  let id = identities.get(v);
  if (id === undefined) {
    id = (nextIdentity++) * 16 + 0x7f0000000000;
    identities.set(v, id);
  }
  return id;
}

runtimeHooks.hash = hash;
runtimeHooks.hash64 = hash64;
runtimeHooks.richEq = richEq;

/** Whether v is callable. */
export function isCallable(v: PyValue): boolean {
  if (typeof v !== "object") return false;
  if (v instanceof PyBuiltinFunction) return true;
  return v.cls.tp_call !== null;
}
