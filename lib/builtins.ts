/**
 * The `builtins` module: every builtin function, type and constant of CPython 3.11 → one PyDict
 * that module frames use as their builtins. Functions that need the running frame, the compiler or
 * the import system (`globals`, `locals`, `exec`, `eval`, `compile`, `__import__`,
 * `__build_class__`) call vm/ directly.
 *
 * @example
 * ```ts
 * import { makeBuiltins } from "./builtins.ts";
 * const builtins = makeBuiltins();
 * console.log(builtins.getStr("len") !== undefined); // true
 * ```
 * @module
 */
import { NB_ADD, PY_GT, PY_LT } from "../instructions/operators.ts";
import {
  bindArgs,
  boolType,
  bytearrayType,
  bytesType,
  checkArgs,
  classmethodType,
  complexType,
  dictType,
  Ellipsis,
  Exc,
  floatType,
  frozensetType,
  intType,
  listType,
  type Native1,
  type Native2,
  newException,
  newTuple,
  None,
  normInt,
  NotImplemented,
  objectType,
  propertyType,
  PyBuiltinFunction,
  PyCell,
  PyDict,
  PyFloat,
  PyList,
  PyModule,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  rangeType,
  setType,
  sliceType,
  staticmethodType,
  strType,
  superType,
  tupleType,
  typeOf,
  typeType,
} from "../objects/object.ts";
import {
  asCIntArg,
  asIndex,
  binaryOp,
  call,
  callMethod,
  callMethod0,
  callMethod1,
  compareOp,
  delAttr,
  exactHash,
  getAttr,
  getAttrOrUndefined,
  getIter,
  hash,
  isCallable,
  isExceptionOf,
  isTrue,
  iterNext,
  lenBuiltin,
  lessThan,
  objectId,
  repr,
  richEq,
  setAttr,
  str,
  strHash,
  strValueOf,
  toArray,
} from "../objects/ops.ts";
import { threadState } from "../vm/frame.ts";
import {
  calculateMetaclass,
  isInstanceOf,
  setCallerModuleNameHook,
  setDefaultReduceHook,
} from "../objects/types/type.ts";
import "../objects/types/all.ts";
import "./modules/math.ts";
import "./modules/time.ts";
import { openFile } from "./modules/io.ts";
import {
  callableIterator,
  enumerateType,
  filterType,
  mapType,
  reversedType,
  zipType,
} from "../objects/types/iterators.ts";
import { currentStdout } from "./modules/sys.ts";
import { flushStdout, readStdinLine, stdoutObject, writeStdout, writeTo } from "../objects/stdio.ts";
import { sortList } from "../objects/types/list.ts";
import { formatObject } from "../objects/format.ts";
import { asciiRepr } from "../objects/repr.ts";
import { CO_FUTURE_ANNOTATIONS, PyCode } from "../objects/code.ts";
import { compileSource } from "../vm/compile_source.ts";
import { type PyFunction, runClassBody, runCode } from "../vm/function.ts";
import { importModuleByName, importModuleLevel } from "../vm/import.ts";
import { memoryviewType } from "../objects/types/memoryview.ts";

// ---------------------------------------------------------------------------------------------
// The functions

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;
const FUNCTIONS: Record<string, Fn> = {};

function kwMap(args: PyValue[], kwnames: string[] | null): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  if (kwnames === null) return m;
  const npos = args.length - kwnames.length;
  kwnames.forEach((k, i) => m.set(k, args[npos + i]));
  return m;
}

function positionalCount(args: PyValue[], kwnames: string[] | null): number {
  return kwnames === null ? args.length : args.length - kwnames.length;
}

/**
 * print's writes one by one, as CPython makes them (each value, each separator, the end): text
 * that the stream cannot encode fails in its own write, after the writes before it.
 */
function printPieces(file: PyValue, texts: string[], n: number, sep: string, end: string): void {
  if (file === None) return;
  for (let i = 0; i < n; i++) {
    if (i > 0) writeTo(file, sep);
    writeTo(file, texts[i]);
  }
  writeTo(file, end);
}

/**
 * str(value) for print(); when it raises, what CPython's print had written by then (the values
 * before it, each followed by the separator) is written first, then the exception goes on.
 */
function strOrPrintPartial(value: PyValue, file: PyValue, before: string[], sep: string): string {
  try {
    return str(value);
  } catch (e) {
    if (before.length > 0) printPieces(file, before, before.length, sep, sep);
    throw e;
  }
}

FUNCTIONS.print = (args, kwnames) => {
  if (kwnames === null || kwnames.length === 0) {
    let out = "";
    // Each value's text is made once (its __str__ may have effects), and kept for the slow path.
    const texts: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const text = typeof a === "string" ? a : strOrPrintPartial(a, currentStdout(), texts, " ");
      texts.push(text);
      if (i > 0) out += " ";
      out += text;
    }
    const file = currentStdout();
    if (!out.isWellFormed()) printPieces(file, texts, texts.length, " ", "\n");
    else if (file === stdoutObject) writeStdout(out + "\n");
    else if (file !== None) writeTo(file, out + "\n");
    return None;
  }
  const n = positionalCount(args, kwnames);
  const kw = kwMap(args, kwnames);
  for (const k of kw.keys()) {
    if (!["sep", "end", "file", "flush"].includes(k)) {
      raise(Exc.TypeError, `'${k}' is an invalid keyword argument for print()`);
    }
  }
  const sep = kw.get("sep") ?? None, end = kw.get("end") ?? None;
  if (sep !== None && strValueOf(sep) === undefined) {
    raise(Exc.TypeError, `sep must be None or a string, not ${typeOf(sep).name}`);
  }
  if (end !== None && strValueOf(end) === undefined) {
    raise(Exc.TypeError, `end must be None or a string, not ${typeOf(end).name}`);
  }
  let file = kw.get("file") ?? None;
  if (file === None) file = currentStdout();
  if (file === None) return None;
  const sepS = sep === None ? " " : strValueOf(sep)!;
  const endS = end === None ? "\n" : strValueOf(end)!;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(strOrPrintPartial(args[i], file, parts, sepS));
  const text = parts.join(sepS) + endS;
  if (text.isWellFormed()) writeTo(file, text);
  else printPieces(file, parts, parts.length, sepS, endS);
  if (isTrue(kw.get("flush") ?? false)) {
    if (file === stdoutObject) flushStdout();
    else call(getAttr(file, "flush"), []);
  }
  return None;
};

FUNCTIONS.input = (args) => {
  checkArgs("input", args, null, 0, 1);
  if (args.length === 1) {
    writeTo(currentStdout(), str(args[0]));
  }
  flushStdout();
  const line = readStdinLine();
  if (line === "") raise(Exc.EOFError, "EOF when reading a line");
  return line.endsWith("\n") ? line.slice(0, -1) : line;
};

FUNCTIONS.len = (args, kwnames) => {
  if (args.length !== 1 || kwnames !== null) checkArgs("len", args, kwnames, 1, 1);
  return lenBuiltin(args[0]);
};

/**
 * Fixed-arity entry points of builtins (PyBuiltinFunction.call1/call2): the same result as
 * FUNCTIONS' for that many positional arguments. min and max of two compare as their loops do:
 * the later item wins only when strictly less (min, `<`) or greater (max, `>`).
 */
const FIXED_ARITY: Record<string, { call1?: Native1; call2?: Native2 }> = {
  len: { call1: lenBuiltin },
  abs: { call1: absValue },
  isinstance: { call2: isInstanceCheck },
  min: { call2: (a, b) => isTrue(compareOp(b, a, PY_LT)) ? b : a },
  max: { call2: (a, b) => isTrue(compareOp(b, a, PY_GT)) ? b : a },
};

/**
 * Builtin types whose call is just their tp_new (object's __init__, no __dict__): int("7"),
 * str(x), range(i, n) get fixed-arity entry points that skip type.__call__'s general path.
 */
function installTypeCalls(types: PyType[]): void {
  for (const t of types) {
    const tpNew = t.tp_new!;
    t.call1 = (a) => tpNew(t, [a], null);
    t.call2 = (a, b) => tpNew(t, [a, b], null);
    t.call3 = (a, b, c) => tpNew(t, [a, b, c], null);
  }
}

FUNCTIONS.repr = (args, kwnames) => {
  checkArgs("repr", args, kwnames, 1, 1);
  return repr(args[0]);
};

FUNCTIONS.ascii = (args, kwnames) => {
  checkArgs("ascii", args, kwnames, 1, 1);
  return asciiRepr(repr(args[0]));
};

FUNCTIONS.format = (args, kwnames) => {
  checkArgs("format", args, kwnames, 1, 2);
  const spec = args.length > 1 ? args[1] : "";
  const s = strValueOf(spec);
  if (s === undefined) raise(Exc.TypeError, `format() argument 2 must be str, not ${typeOf(spec).name}`);
  return formatObject(args[0], s);
};

FUNCTIONS.abs = (args, kwnames) => {
  checkArgs("abs", args, kwnames, 1, 1);
  return absValue(args[0]);
};

function absValue(v: PyValue): PyValue {
  if (typeof v === "number") return Math.abs(v);
  if (v instanceof PyFloat && v.cls === floatType) return new PyFloat(Math.abs(v.value));
  const f = typeOf(v).lookup("__abs__");
  if (f === undefined) raise(Exc.TypeError, `bad operand type for abs(): '${typeOf(v).name}'`);
  return callMethod0(f, v);
}

FUNCTIONS.divmod = (args, kwnames) => {
  checkArgs("divmod", args, kwnames, 2, 2);
  const [a, b] = args;
  const ta = typeOf(a), tb = typeOf(b);
  const fa = ta.lookup("__divmod__");
  const fb = ta === tb ? undefined : tb.lookup("__rdivmod__");
  if (fb !== undefined && tb.isSubtypeOf(ta)) {
    const r = callMethod1(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  if (fa !== undefined) {
    const r = callMethod1(fa, a, b);
    if (r !== NotImplemented) return r;
  }
  if (fb !== undefined) {
    const r = callMethod1(fb, b, a);
    if (r !== NotImplemented) return r;
  }
  return raise(Exc.TypeError, `unsupported operand type(s) for divmod(): '${ta.name}' and '${tb.name}'`);
};

FUNCTIONS.pow = (args, kwnames) => {
  const [base, exp, mod] = bindArgs("pow", args, kwnames, ["base", "exp", "mod"], 2);
  if (mod === undefined || mod === None) return binaryOp(base!, exp!, 8);
  const f = typeOf(base!).lookup("__pow__");
  if (f !== undefined) {
    const r = callMethod(f, base!, [exp!, mod]);
    if (r !== NotImplemented) return r;
  }
  return raise(
    Exc.TypeError,
    `unsupported operand type(s) for ** or pow(): '${typeOf(base!).name}', '${typeOf(exp!).name}', '${
      typeOf(mod).name
    }'`,
  );
};

FUNCTIONS.round = (args, kwnames) => {
  const [number, ndigits] = bindArgs("round", args, kwnames, ["number", "ndigits"], 1);
  const f = typeOf(number!).lookup("__round__");
  if (f === undefined) raise(Exc.TypeError, `type ${typeOf(number!).name} doesn't define __round__ method`);
  if (ndigits === undefined || ndigits === None) return callMethod0(f, number!);
  return callMethod1(f, number!, ndigits);
};

FUNCTIONS.hash = (args, kwnames) => {
  checkArgs("hash", args, kwnames, 1, 1);
  return normInt(exactHash(args[0]));
};

FUNCTIONS.id = (args, kwnames) => {
  checkArgs("id", args, kwnames, 1, 1);
  const v = args[0];
  if (typeof v === "object") return objectId(v);
  // Primitives stand for interned/cached objects: equal values share an id.
  if (typeof v === "string") return 0x7e0000000000 + (strHash(v) >>> 0) * 16;
  if (typeof v === "boolean") return v ? 0x7d0000000010 : 0x7d0000000020;
  return 0x7c0000000000 + (hash(v) % 0x10000000) * 32;
};

FUNCTIONS.callable = (args, kwnames) => {
  checkArgs("callable", args, kwnames, 1, 1);
  return isCallable(args[0]);
};

FUNCTIONS.chr = (args, kwnames) => {
  checkArgs("chr", args, kwnames, 1, 1);
  const i = asCIntArg(args[0]);
  if (i < 0 || i > 0x10ffff) raise(Exc.ValueError, "chr() arg not in range(0x110000)");
  return String.fromCodePoint(i);
};

FUNCTIONS.ord = (args, kwnames) => {
  checkArgs("ord", args, kwnames, 1, 1);
  const v = args[0];
  const s = strValueOf(v);
  if (s !== undefined) {
    const cp = s.codePointAt(0);
    const n = cp === undefined ? 0 : cp > 0xffff ? (s.length === 2 ? 1 : 2) : s.length;
    if (n !== 1) {
      raise(Exc.TypeError, `ord() expected a character, but string of length ${[...s].length} found`);
    }
    return cp!;
  }
  const data = (v as { data?: Uint8Array }).data;
  if ((typeOf(v) === bytesType || typeOf(v) === bytearrayType) && data !== undefined) {
    if (data.length !== 1) {
      raise(Exc.TypeError, `ord() expected a character, but string of length ${data.length} found`);
    }
    return data[0];
  }
  return raise(Exc.TypeError, `ord() expected string of length 1, but ${typeOf(v).name} found`);
};

function radixFunction(name: string, base: number, prefix: string): Fn {
  return (args, kwnames) => {
    checkArgs(name, args, kwnames, 1, 1);
    const i = asIndex(args[0]);
    const neg = i < 0;
    const digits = (neg ? -i : i).toString(base);
    return (neg ? "-" : "") + prefix + digits;
  };
}
FUNCTIONS.hex = radixFunction("hex", 16, "0x");
FUNCTIONS.oct = radixFunction("oct", 8, "0o");
FUNCTIONS.bin = radixFunction("bin", 2, "0b");

FUNCTIONS.getattr = (args, kwnames) => {
  checkArgs("getattr", args, kwnames, 2, 3);
  const name = strValueOf(args[1]);
  if (name === undefined) {
    raise(Exc.TypeError, `attribute name must be string, not '${typeOf(args[1]).name}'`);
  }
  if (args.length === 3) {
    const v = getAttrOrUndefined(args[0], name);
    return v === undefined ? args[2] : v;
  }
  return getAttr(args[0], name);
};

FUNCTIONS.hasattr = (args, kwnames) => {
  checkArgs("hasattr", args, kwnames, 2, 2);
  const name = strValueOf(args[1]);
  if (name === undefined) {
    raise(Exc.TypeError, `attribute name must be string, not '${typeOf(args[1]).name}'`);
  }
  return getAttrOrUndefined(args[0], name) !== undefined;
};

FUNCTIONS.setattr = (args, kwnames) => {
  checkArgs("setattr", args, kwnames, 3, 3);
  const name = strValueOf(args[1]);
  if (name === undefined) {
    raise(Exc.TypeError, `attribute name must be string, not '${typeOf(args[1]).name}'`);
  }
  setAttr(args[0], name, args[2]);
  return None;
};

FUNCTIONS.delattr = (args, kwnames) => {
  checkArgs("delattr", args, kwnames, 2, 2);
  const name = strValueOf(args[1]);
  if (name === undefined) {
    raise(Exc.TypeError, `attribute name must be string, not '${typeOf(args[1]).name}'`);
  }
  delAttr(args[0], name);
  return None;
};

// type(name, bases, dict) gives the class the running module's name
setCallerModuleNameHook(() => threadState.frame?.globals.getStr("__name__"));
// object.__reduce_ex__ / __reduce__ reduce ordinary objects as copyreg says
setDefaultReduceHook((obj, protocol) =>
  call(getAttr(importModuleByName("copyreg"), "_reduce_object"), [obj, protocol])
);

/** isinstance(obj, classinfo) with tuples and __instancecheck__. */
export function isInstanceCheck(obj: PyValue, cls: PyValue): boolean {
  if (cls instanceof PyType) {
    const t = typeOf(obj);
    if (t === cls) return true;
    if (cls.cls === typeType) return isInstanceOf(obj, cls);
    const check = cls.cls.lookup("__instancecheck__");
    if (check !== undefined) return isTrue(callMethod1(check, cls, obj));
    return isInstanceOf(obj, cls);
  }
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (isInstanceCheck(obj, c)) return true;
    return false;
  }
  const check = typeOf(cls).lookup("__instancecheck__");
  if (check !== undefined) return isTrue(callMethod1(check, cls, obj));
  return raise(Exc.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

/** issubclass(sub, classinfo) with tuples and __subclasscheck__. */
export function isSubclassCheck(sub: PyValue, cls: PyValue): boolean {
  if (cls instanceof PyType && cls.cls === typeType) {
    if (!(sub instanceof PyType)) raise(Exc.TypeError, "issubclass() arg 1 must be a class");
    return sub.isSubtypeOf(cls);
  }
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (isSubclassCheck(sub, c)) return true;
    return false;
  }
  const check = typeOf(cls).lookup("__subclasscheck__");
  if (check !== undefined) return isTrue(callMethod1(check, cls, sub));
  return raise(Exc.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

FUNCTIONS.isinstance = (args, kwnames) => {
  checkArgs("isinstance", args, kwnames, 2, 2);
  return isInstanceCheck(args[0], args[1]);
};

FUNCTIONS.issubclass = (args, kwnames) => {
  checkArgs("issubclass", args, kwnames, 2, 2);
  return isSubclassCheck(args[0], args[1]);
};

FUNCTIONS.iter = (args, kwnames) => {
  checkArgs("iter", args, kwnames, 1, 2);
  if (args.length === 1) return getIter(args[0]);
  if (!isCallable(args[0])) raise(Exc.TypeError, "iter(v, w): v must be callable");
  return callableIterator(args[0], args[1], richEq);
};

FUNCTIONS.next = (args, kwnames) => {
  checkArgs("next", args, kwnames, 1, 2);
  const it = args[0];
  const slot = typeOf(it).tp_iternext;
  if (slot === null) raise(Exc.TypeError, `'${typeOf(it).name}' object is not an iterator`);
  let v: PyValue | undefined;
  try {
    v = slot(it);
  } catch (e) {
    // An iterator may end by raising StopIteration (with a value) instead of returning nothing.
    if (args.length === 2 && isExceptionOf(e, Exc.StopIteration)) return args[1];
    throw e;
  }
  if (v !== undefined) return v;
  if (args.length === 2) return args[1];
  // A finished generator's return value rides on its StopIteration.
  const rv = (it as { returnValue?: PyValue }).returnValue;
  throw newException(Exc.StopIteration, rv === undefined || rv === None ? [] : [rv]);
};

FUNCTIONS.any = (args, kwnames) => {
  checkArgs("any", args, kwnames, 1, 1);
  const it = getIter(args[0]);
  const next = typeOf(it).tp_iternext!;
  for (;;) {
    const v = next(it);
    if (v === undefined) return false;
    if (isTrue(v)) return true;
  }
};

FUNCTIONS.all = (args, kwnames) => {
  checkArgs("all", args, kwnames, 1, 1);
  const it = getIter(args[0]);
  const next = typeOf(it).tp_iternext!;
  for (;;) {
    const v = next(it);
    if (v === undefined) return true;
    if (!isTrue(v)) return false;
  }
};

FUNCTIONS.sum = (args, kwnames) => {
  if (positionalCount(args, kwnames) === 0) {
    raise(Exc.TypeError, "sum() takes at least 1 positional argument (0 given)");
  }
  const [iterable, startArg] = bindArgs("sum", args, kwnames, ["iterable", "start"], 1, 1);
  let acc: PyValue = startArg ?? 0;
  if (strValueOf(acc) !== undefined) {
    raise(Exc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  if (typeOf(acc) === bytesType) raise(Exc.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (typeOf(acc) === bytearrayType) {
    raise(Exc.TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  const it = getIter(iterable!);
  const next = typeOf(it).tp_iternext!;
  // Once the total is a big int, small int items add up in `partial` (a JS number, exact while
  // it stays a safe integer) and fold into the total only when it would not: one BigInt addition
  // per many items instead of one (with its allocations) per item.
  let partial = 0;
  for (;;) {
    const v = next(it);
    if (v === undefined) return withPartial(acc, partial);
    if (typeof acc === "number" && typeof v === "number") {
      const r = acc + v;
      acc = Number.isSafeInteger(r) ? r : binaryOp(acc, v, NB_ADD);
    } else if (typeof acc === "bigint" && typeof v === "number") {
      const r = partial + v;
      if (Number.isSafeInteger(r)) partial = r;
      else {
        acc = binaryOp(withPartial(acc, partial), v, NB_ADD);
        partial = 0;
      }
    } else {
      acc = withPartial(acc, partial);
      partial = 0;
      if (!(acc instanceof PyFloat && acc.cls === floatType)) {
        acc = binaryOp(acc, v, NB_ADD);
        continue;
      }
      // A float total stays a JS number while the items are floats or ints that fit in a C long
      // (CPython's float fast path): one float object at the end instead of one per item.
      let total = acc.value;
      let item: PyValue | undefined = v;
      for (;;) {
        if (item instanceof PyFloat && item.cls === floatType) total += item.value;
        else if (typeof item === "number") total += item;
        else if (typeof item === "boolean") total += item ? 1 : 0;
        else if (typeof item === "bigint" && item >= C_LONG_MIN && item <= C_LONG_MAX) total += Number(item);
        else break;
        item = next(it);
        if (item === undefined) return new PyFloat(total);
      }
      acc = binaryOp(new PyFloat(total), item, NB_ADD);
    }
  }
};

/** The range of a C long: ints beyond it leave sum()'s float fast path, as in CPython. */
const C_LONG_MIN = -(2n ** 63n), C_LONG_MAX = 2n ** 63n - 1n;

/** sum()'s big-int total with its JS-number partial sum folded in. */
function withPartial(acc: PyValue, partial: number): PyValue {
  return partial === 0 ? acc : normInt((acc as bigint) + BigInt(partial));
}

/** `a > b` as a JS boolean: max() asks `item > best` as CPython does (the error names `>`). */
function greaterThan(a: PyValue, b: PyValue): boolean {
  if (typeof a === "number" && typeof b === "number") return a > b;
  return isTrue(compareOp(a, b, PY_GT));
}

function minMax(name: "min" | "max", args: PyValue[], kwnames: string[] | null): PyValue {
  // min(a, b) / max(a, b), the common call: the first of the least (greatest) of the two.
  if (args.length === 2 && kwnames === null) {
    const a = args[0], b = args[1];
    if (typeof a === "number" && typeof b === "number") return (name === "min" ? b < a : b > a) ? b : a;
    return (name === "min" ? lessThan(b, a) : greaterThan(b, a)) ? b : a;
  }
  return minMaxGeneral(name, args, kwnames);
}

function minMaxGeneral(name: "min" | "max", args: PyValue[], kwnames: string[] | null): PyValue {
  const n = positionalCount(args, kwnames);
  const kw = kwMap(args, kwnames);
  for (const k of kw.keys()) {
    if (k !== "key" && k !== "default") {
      raise(Exc.TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  if (n === 0) raise(Exc.TypeError, `${name} expected at least 1 argument, got 0`);
  const key = kw.get("key") ?? None;
  const dflt = kw.get("default");
  if (n > 1 && dflt !== undefined) {
    raise(Exc.TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const it = getIter(n === 1 ? args[0] : new PyTuple(args.slice(0, n)));
  let best: PyValue | undefined, bestKey: PyValue | undefined;
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) break;
    const k = key === None ? v : call(key, [v]);
    if (best === undefined) {
      best = v;
      bestKey = k;
    } else if (name === "min" ? lessThan(k, bestKey!) : greaterThan(k, bestKey!)) {
      best = v;
      bestKey = k;
    }
  }
  if (best === undefined) {
    if (dflt !== undefined) return dflt;
    raise(Exc.ValueError, `${name}() arg is an empty sequence`);
  }
  return best;
}
FUNCTIONS.min = (args, kwnames) => minMax("min", args, kwnames);
FUNCTIONS.max = (args, kwnames) => minMax("max", args, kwnames);

FUNCTIONS.sorted = (args, kwnames) => {
  const n = positionalCount(args, kwnames);
  if (n !== 1) raise(Exc.TypeError, `sorted expected 1 argument, got ${n}`);
  const kw = kwMap(args, kwnames);
  for (const k of kw.keys()) {
    if (k !== "key" && k !== "reverse") {
      raise(Exc.TypeError, `'${k}' is an invalid keyword argument for sort()`);
    }
  }
  const items = toArray(args[0]);
  sortList(items, kw.get("key") ?? None, isTrue(kw.get("reverse") ?? false));
  return new PyList(items);
};

FUNCTIONS.vars = (args, kwnames) => {
  checkArgs("vars", args, kwnames, 0, 1);
  if (args.length === 0) return currentLocals();
  const d = getAttrOrUndefined(args[0], "__dict__");
  if (d === undefined) raise(Exc.TypeError, "vars() argument must have __dict__ attribute");
  return d;
};

FUNCTIONS.dir = (args, kwnames) => {
  checkArgs("dir", args, kwnames, 0, 1);
  if (args.length === 0) {
    const names = toArray(currentLocals()).map((k) => str(k));
    return new PyList(names.sort());
  }
  const f = typeOf(args[0]).lookup("__dir__");
  if (f === undefined) raise(Exc.TypeError, "object does not provide __dir__");
  const items = toArray(callMethod0(f, args[0]));
  sortList(items, None, false);
  return new PyList(items);
};

/** The running frame's locals as a dict (module/class namespaces directly; function fast locals copied). */
export function currentLocals(): PyValue {
  const frame = threadState.frame;
  if (frame === null) return new PyDict();
  if (frame.locals !== null) return frame.locals;
  const d = new PyDict();
  const names = frame.code.localsplusNames;
  for (let i = 0; i < frame.code.nlocalsplus; i++) {
    let v = frame.values[i];
    if (v instanceof PyCell) v = v.value;
    if (v !== undefined && v !== null) d.setStr(names[i], v);
  }
  return d;
}

FUNCTIONS.globals = (args, kwnames) => {
  checkArgs("globals", args, kwnames, 0, 0);
  const frame = threadState.frame;
  return frame === null ? new PyDict() : frame.globals;
};

FUNCTIONS.locals = (args, kwnames) => {
  checkArgs("locals", args, kwnames, 0, 0);
  return currentLocals();
};

function execOrEval(name: "exec" | "eval", args: PyValue[], kwnames: string[] | null): PyValue {
  const [source, globalsArg, localsArg] = bindArgs(
    name,
    args,
    kwnames,
    ["source", "globals", "locals"],
    1,
    1,
  );
  let globals: PyDict;
  if (globalsArg === undefined || globalsArg === None) {
    const frame = threadState.frame;
    globals = frame === null ? new PyDict() : frame.globals;
  } else if (globalsArg instanceof PyDict) {
    globals = globalsArg;
  } else {
    return raise(Exc.TypeError, `${name}() globals must be a dict, not ${typeOf(globalsArg).name}`);
  }
  let locals: PyValue = localsArg ?? None;
  if (locals === None) locals = globalsArg === undefined || globalsArg === None ? currentLocals() : globals;
  if (globals.getStr("__builtins__") === undefined) globals.setStr("__builtins__", builtinsModule());
  let code = source!;
  if (!(code instanceof PyCode)) {
    let text = strValueOf(code);
    if (text === undefined) {
      const data = (code as { data?: Uint8Array }).data;
      if (data !== undefined) text = new TextDecoder().decode(data);
      else {
        raise(
          Exc.TypeError,
          `${name}() arg 1 must be a string, bytes or code object`,
        );
      }
    }
    if (name === "eval") text = text.replace(/^[ \t]+/, "");
    code = compileSource(text, "<string>", name, inheritedFutureFlags());
  }
  const r = runCode(
    code as PyCode,
    globals,
    locals instanceof PyDict ? locals : globals,
    builtinsModule().dict!,
  );
  return name === "exec" ? None : r;
}
FUNCTIONS.exec = (args, kwnames) => execOrEval("exec", args, kwnames);
FUNCTIONS.eval = (args, kwnames) => execOrEval("eval", args, kwnames);

/** The future features of the running code, which exec, eval and compile of a string inherit. */
function inheritedFutureFlags(): number {
  const frame = threadState.frame;
  return frame === null ? 0 : frame.code.flags & CO_FUTURE_ANNOTATIONS;
}

FUNCTIONS.compile = (args, kwnames) => {
  // Of the flags, the future features are honoured (and inherited unless dont_inherit).
  const [source, filename, mode, flagsArg, dontInherit] = bindArgs(
    "compile",
    args,
    kwnames,
    ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
    3,
  );
  const m = strValueOf(mode!);
  if (m !== "exec" && m !== "eval" && m !== "single") {
    raise(Exc.ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  let text = strValueOf(source!);
  if (text === undefined) {
    const data = (source as { data?: Uint8Array }).data;
    if (data === undefined) raise(Exc.TypeError, "compile() arg 1 must be a string, bytes or AST object");
    text = new TextDecoder().decode(data);
  }
  let flags = flagsArg === undefined ? 0 : Number(asIndex(flagsArg)) & CO_FUTURE_ANNOTATIONS;
  if (dontInherit === undefined || !isTrue(dontInherit)) flags |= inheritedFutureFlags();
  return compileSource(text, str(filename!), m, flags);
};

FUNCTIONS.__import__ = (args, kwnames) => {
  const [name, globals, , fromlist, level] = bindArgs(
    "__import__",
    args,
    kwnames,
    ["name", "globals", "locals", "fromlist", "level"],
    1,
  );
  return importModuleLevel(
    name!,
    globals,
    fromlist ?? None,
    level === undefined ? 0 : Number(asIndex(level)),
  );
};

FUNCTIONS.__build_class__ = (args, kwnames) => {
  const n = positionalCount(args, kwnames);
  if (n < 2) raise(Exc.TypeError, "__build_class__: not enough arguments");
  const func = args[0];
  const name = strValueOf(args[1]);
  if (name === undefined) raise(Exc.TypeError, "__build_class__: name is not a string");
  let bases = args.slice(2, n);
  const origBases = bases;
  // PEP 560: __mro_entries__ on non-type bases.
  if (bases.some((b) => !(b instanceof PyType))) {
    const resolved: PyValue[] = [];
    for (const b of bases) {
      const me = b instanceof PyType ? undefined : getAttrOrUndefined(b, "__mro_entries__");
      if (me !== undefined) resolved.push(...toArray(call(me, [new PyTuple(origBases)])));
      else resolved.push(b);
    }
    bases = resolved;
  }
  const kw = kwMap(args, kwnames);
  let meta: PyValue | undefined = kw.get("metaclass");
  kw.delete("metaclass");
  let isClass = false;
  if (meta === undefined) {
    meta = bases.length === 0 ? typeType : typeOf(bases[0]);
    isClass = true;
  } else isClass = meta instanceof PyType;
  if (isClass) {
    meta = calculateMetaclass(meta as PyType, bases.filter((b): b is PyType => b instanceof PyType));
  }
  const basesTuple = newTuple(bases);
  const kwNames = [...kw.keys()];
  const kwValues = [...kw.values()];
  let ns: PyValue;
  const prepare = getAttrOrUndefined(meta, "__prepare__");
  if (prepare !== undefined) {
    ns = call(prepare, [name, basesTuple, ...kwValues], kwNames.length ? kwNames : null);
    if (!(ns instanceof PyDict)) {
      const mn = meta instanceof PyType ? meta.name : "<metaclass>";
      raise(Exc.TypeError, `${mn}.__prepare__() must return a mapping, not ${typeOf(ns).name}`);
    }
  } else {
    ns = new PyDict();
  }
  runClassBody(func as PyFunction, ns as PyDict);
  if (origBases !== bases) (ns as PyDict).setStr("__orig_bases__", new PyTuple(origBases));
  const cls = call(meta, [name, basesTuple, ns, ...kwValues], kwNames.length ? kwNames : null);
  return cls;
};

FUNCTIONS.open = openFile;
FUNCTIONS.breakpoint = () => None;
FUNCTIONS.aiter = (args) => {
  checkArgs("aiter", args, null, 1, 1);
  const f = typeOf(args[0]).lookup("__aiter__");
  if (f === undefined) raise(Exc.TypeError, `'${typeOf(args[0]).name}' object is not an async iterable`);
  return callMethod0(f, args[0]);
};
FUNCTIONS.anext = (args) => {
  checkArgs("anext", args, null, 1, 2);
  const f = typeOf(args[0]).lookup("__anext__");
  if (f === undefined) raise(Exc.TypeError, `'${typeOf(args[0]).name}' object is not an async iterator`);
  return callMethod0(f, args[0]);
};
FUNCTIONS.help = () => raise(Exc.NotImplementedError, "help() is not supported by pyjit");

function exitFunction(name: string): Fn {
  return (args) => {
    checkArgs(name, args, null, 0, 1);
    throw newException(Exc.SystemExit, args.length === 0 ? [] : [args[0]]);
  };
}
FUNCTIONS.exit = exitFunction("exit");
FUNCTIONS.quit = exitFunction("quit");

// ---------------------------------------------------------------------------------------------
// The module

let theBuiltinsModule: PyModule | null = null;

/** The current `builtins` module (one per program run: see newBuiltinsModule). */
export function builtinsModule(): PyModule {
  if (theBuiltinsModule === null) theBuiltinsModule = new PyModule("builtins", makeBuiltins());
  return theBuiltinsModule;
}

/** Makes `m` the current builtins module (an embedding runtime switches between its own). */
export function setBuiltinsModule(m: PyModule): void {
  theBuiltinsModule = m;
}

/**
 * Starts a fresh builtins module, which builtinsModule() returns from then on: each program run
 * in this process gets its own, as each CPython process does (a program that assigns
 * `builtins.len` must not change the next one).
 */
export function newBuiltinsModule(): PyModule {
  theBuiltinsModule = new PyModule("builtins", makeBuiltins());
  return theBuiltinsModule;
}

/** Builds a fresh builtins namespace. */
export function makeBuiltins(): PyDict {
  const d = new PyDict();
  d.setStr("__name__", "builtins");
  d.setStr("__doc__", "Built-in functions, types, exceptions, and other objects.");
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    const f = new PyBuiltinFunction(name, fn, null, "builtins");
    f.call1 = FIXED_ARITY[name]?.call1 ?? null;
    f.call2 = FIXED_ARITY[name]?.call2 ?? null;
    d.setStr(name, f);
  }
  const types: [string, PyType][] = [
    ["object", objectType],
    ["type", typeType],
    ["int", intType],
    ["bool", boolType],
    ["float", floatType],
    ["complex", complexType],
    ["str", strType],
    ["bytes", bytesType],
    ["bytearray", bytearrayType],
    ["memoryview", memoryviewType],
    ["list", listType],
    ["tuple", tupleType],
    ["dict", dictType],
    ["set", setType],
    ["frozenset", frozensetType],
    ["range", rangeType],
    ["slice", sliceType],
    ["property", propertyType],
    ["staticmethod", staticmethodType],
    ["classmethod", classmethodType],
    ["super", superType],
    ["enumerate", enumerateType],
    ["zip", zipType],
    ["map", mapType],
    ["filter", filterType],
    ["reversed", reversedType],
  ];
  for (const [name, t] of types) d.setStr(name, t);
  for (const [name, t] of Object.entries(Exc)) d.setStr(name, t);
  d.setStr("EnvironmentError", Exc.OSError);
  d.setStr("IOError", Exc.OSError);
  d.setStr("None", None);
  d.setStr("True", true);
  d.setStr("False", false);
  d.setStr("Ellipsis", Ellipsis);
  d.setStr("NotImplemented", NotImplemented);
  d.setStr("__debug__", true);
  d.setStr("copyright", "Copyright (c) pyjit authors.");
  d.setStr("credits", "Thanks to the CPython developers.");
  d.setStr("license", "MIT");
  return d;
}

installTypeCalls([intType, floatType, strType, tupleType, rangeType, boolType]);
