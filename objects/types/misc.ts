/**
 * The small builtin types: `range` (len, indexing, slicing, fast contains, reversed, equality),
 * `slice` (indices), the singletons' types (NoneType, NotImplementedType, ellipsis), `module`,
 * `mappingproxy`, `cell`, bound methods and the descriptor types' reprs.
 *
 * @example
 * ```ts
 * import "./misc.ts";
 * import { PyRange } from "../object.ts";
 * import { repr } from "../ops.ts";
 * console.log(repr(new PyRange(0, 5, 1))); // "range(0, 5)"
 * ```
 * @module
 */
import { COMPARISON_DUNDERS, NB_OR } from "../../instructions/operators.ts";
import {
  bindArgs,
  builtinFunctionType,
  cellType,
  checkArgs,
  checkMethodArgs,
  classMethodDescriptorType,
  defGetSet,
  defMethod,
  Ellipsis,
  ellipsisType,
  Exc,
  getsetDescriptorType,
  mappingProxyType,
  memberDescriptorType,
  methodDescriptorType,
  methodType,
  moduleType,
  newTuple,
  None,
  noneType,
  NotImplemented,
  notImplementedType,
  PyBuiltinFunction,
  PyCell,
  type PyDict,
  type PyGetSetDescriptor,
  PyList,
  PyMappingProxy,
  type PyMemberDescriptor,
  PyMethod,
  type PyMethodDescriptor,
  PyModule,
  PyRange,
  PySlice,
  PyType,
  type PyValue,
  raise,
  rangeType,
  sliceType,
  typeOf,
} from "../object.ts";
import {
  asIndex,
  binaryOp,
  call as callFn,
  compareOp,
  getAttr,
  getAttrOrUndefined,
  getItem,
  hash,
  intValueOf,
  isTrue,
  objectId,
  repr,
  richEq,
  ssizeOrRaise,
  str,
  toArray,
} from "../ops.ts";
import { intAdd, intFloorDiv, intMul, intSub, type PyInt } from "./int.ts";
import { longRangeIteratorType, makeIterator, PyRangeIterator } from "./iterators.ts";
import { sliceIndices } from "./seq.ts";
import { installDict, installNew } from "./type.ts";
import { tupleHash } from "./list.ts";

// ---------------------------------------------------------------------------------------------
// range

function rangeSelf(args: PyValue[]): PyRange {
  const r = args[0];
  if (!(r instanceof PyRange)) raise(Exc.TypeError, "descriptor requires a 'range' object");
  return r;
}

function rangeArg(v: PyValue): PyInt {
  const i = intValueOf(v);
  if (i !== undefined) return i;
  return asIndex(v);
}

rangeType.tp_new = (_cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "range() takes no keyword arguments");
  if (args.length === 0) raise(Exc.TypeError, "range expected at least 1 argument, got 0");
  if (args.length > 3) raise(Exc.TypeError, `range expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PyRange(0, rangeArg(args[0]), 1);
  const step = args.length === 3 ? rangeArg(args[2]) : 1;
  if (step == 0) raise(Exc.ValueError, "range() arg 3 must not be zero");
  return new PyRange(rangeArg(args[0]), rangeArg(args[1]), step);
};
installNew(rangeType);

/** The number of values in a range. */
export function rangeLength(r: PyRange): PyInt {
  const { start, stop, step } = r;
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  const a = BigInt(start), b = BigInt(stop), s = BigInt(step);
  let n: bigint;
  if (s > 0n) n = b > a ? (b - a - 1n) / s + 1n : 0n;
  else n = a > b ? (a - b - 1n) / -s + 1n : 0n;
  return n <= 9007199254740991n ? Number(n) : n;
}

/** The i-th value of a range (i already checked to be in range). */
function rangeAt(r: PyRange, i: PyInt): PyInt {
  return intAdd(r.start, intMul(r.step, i));
}

rangeType.tp_iter = (v) => {
  const r = v as PyRange;
  const { start, step } = r;
  const n = rangeLength(r);
  if (typeof start === "number" && typeof step === "number" && typeof n === "number") {
    const last = start + (n - 1) * step;
    if (n === 0 || Number.isSafeInteger(last)) return new PyRangeIterator(start, step, n);
  }
  let i: PyInt = 0;
  return makeIterator(longRangeIteratorType, () => {
    if (i >= n) return undefined;
    const v = rangeAt(r, i);
    i = intAdd(i, 1);
    return v;
  });
};
defMethod(rangeType, "__iter__", (args) => rangeType.tp_iter!(rangeSelf(args)));
defMethod(rangeType, "__reversed__", (args) => {
  const r = rangeSelf(args);
  const n = rangeLength(r);
  const { start, step } = r;
  if (typeof start === "number" && typeof step === "number" && typeof n === "number") {
    const last = start + (n - 1) * step;
    if (n === 0) return new PyRangeIterator(start, -step, 0);
    if (Number.isSafeInteger(last)) return new PyRangeIterator(last, -step, n);
  }
  let i: PyInt = intSub(n, 1);
  return makeIterator(longRangeIteratorType, () => {
    if (i < 0) return undefined;
    const v = rangeAt(r, i);
    i = intSub(i, 1);
    return v;
  });
});
defMethod(rangeType, "__len__", (args) => {
  const n = rangeLength(rangeSelf(args));
  if (typeof n === "bigint") {
    ssizeOrRaise(n, Exc.OverflowError, "Python int too large to convert to C ssize_t");
  }
  return n;
});
defMethod(rangeType, "__bool__", (args) => rangeLength(rangeSelf(args)) != 0);
defMethod(rangeType, "__getitem__", (args) => {
  const r = rangeSelf(args);
  const key = args[1];
  const n = rangeLength(r);
  if (key instanceof PySlice) {
    if (typeof n === "bigint") raise(Exc.OverflowError, "range too large for slicing");
    const [start, stop, step] = sliceIndices(key, n);
    return new PyRange(rangeAt(r, start), rangeAt(r, stop), intMul(r.step, step));
  }
  let i = intValueOf(key);
  if (i === undefined) {
    if (typeOf(key).lookup("__index__") === undefined) {
      raise(Exc.TypeError, `range indices must be integers or slices, not ${typeOf(key).name}`);
    }
    i = asIndex(key);
  }
  if (i < 0) i = intAdd(i, n);
  if (i < 0 || i >= n) raise(Exc.IndexError, "range object index out of range");
  return rangeAt(r, i);
});

/** Whether the int v is one of the range's values (no iteration). */
function rangeContainsInt(r: PyRange, v: PyInt): boolean {
  const { start, stop, step } = r;
  if (step > 0 ? !(v >= start && v < stop) : !(v <= start && v > stop)) return false;
  const off = intSub(v, start);
  return intSub(off, intMul(intFloorDiv(off, step), step)) == 0;
}
defMethod(rangeType, "__contains__", (args) => {
  const r = rangeSelf(args);
  const v = args[1];
  const i = typeof v === "number" || typeof v === "bigint" || typeof v === "boolean"
    ? intValueOf(v)!
    : undefined;
  if (i !== undefined) return rangeContainsInt(r, i);
  for (const x of toArray(r)) if (richEq(x, v)) return true;
  return false;
});
defMethod(rangeType, "index", (args) => {
  checkMethodArgs("index", args, null, 1, 1);
  const r = rangeSelf(args);
  const v = intValueOf(args[1]);
  if (v !== undefined && rangeContainsInt(r, v)) return intFloorDiv(intSub(v, r.start), r.step);
  if (v === undefined) {
    let i = 0;
    for (const x of toArray(r)) {
      if (richEq(x, args[1])) return i;
      i++;
    }
  }
  return raise(Exc.ValueError, `${repr(args[1])} is not in range`);
});
defMethod(rangeType, "count", (args) => {
  checkMethodArgs("count", args, null, 1, 1);
  const r = rangeSelf(args);
  const v = intValueOf(args[1]);
  if (v !== undefined) return rangeContainsInt(r, v) ? 1 : 0;
  let n = 0;
  for (const x of toArray(r)) if (richEq(x, args[1])) n++;
  return n;
});
defMethod(rangeType, "__repr__", (args) => {
  const r = rangeSelf(args);
  return r.step == 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
});
function rangeKey(r: PyRange): PyValue[] {
  const n = rangeLength(r);
  if (n == 0) return [0];
  if (n == 1) return [1, r.start];
  return [n, r.start, r.step];
}
defMethod(rangeType, "__eq__", (args) => {
  const a = rangeSelf(args), b = args[1];
  if (!(b instanceof PyRange)) return NotImplemented;
  const ka = rangeKey(a), kb = rangeKey(b);
  return ka.length === kb.length && ka.every((v, i) => v == kb[i]);
});
defMethod(rangeType, "__ne__", (args) => {
  const a = rangeSelf(args), b = args[1];
  if (!(b instanceof PyRange)) return NotImplemented;
  const ka = rangeKey(a), kb = rangeKey(b);
  return !(ka.length === kb.length && ka.every((v, i) => v == kb[i]));
});
defMethod(rangeType, "__hash__", (args) => {
  const k = rangeKey(rangeSelf(args));
  return tupleHash([k[0], k.length > 1 ? k[1] : None, k.length > 2 ? k[2] : None]);
});
defGetSet(rangeType, "start", (r) => (r as PyRange).start);
defGetSet(rangeType, "stop", (r) => (r as PyRange).stop);
defGetSet(rangeType, "step", (r) => (r as PyRange).step);

// ---------------------------------------------------------------------------------------------
// slice

sliceType.tp_new = (_cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "slice() takes no keyword arguments");
  if (args.length === 0) raise(Exc.TypeError, "slice expected at least 1 argument, got 0");
  if (args.length > 3) raise(Exc.TypeError, `slice expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PySlice(None, args[0], None);
  return new PySlice(args[0], args[1], args.length === 3 ? args[2] : None);
};
installNew(sliceType);
sliceType.attrs.set("__hash__", None);
defGetSet(sliceType, "start", (s) => (s as PySlice).start);
defGetSet(sliceType, "stop", (s) => (s as PySlice).stop);
defGetSet(sliceType, "step", (s) => (s as PySlice).step);
defMethod(sliceType, "__repr__", (args) => {
  const s = args[0] as PySlice;
  return `slice(${repr(s.start)}, ${repr(s.stop)}, ${repr(s.step)})`;
});
defMethod(sliceType, "indices", (args) => {
  checkMethodArgs("indices", args, null, 1, 1);
  const n = asIndex(args[1]);
  if (n < 0) raise(Exc.ValueError, "length should not be negative");
  const [start, stop, step] = sliceIndices(args[0] as PySlice, Number(n));
  return newTuple([start, stop, step]);
});
COMPARISON_DUNDERS.forEach((name, op) => {
  defMethod(sliceType, name, (args) => {
    const a = args[0] as PySlice, b = args[1];
    if (!(b instanceof PySlice)) return NotImplemented;
    return compareOp(newTuple([a.start, a.stop, a.step]), newTuple([b.start, b.stop, b.step]), op);
  });
});

// ---------------------------------------------------------------------------------------------
// None, NotImplemented, Ellipsis

noneType.tp_new = (_cls, args) => {
  if (args.length > 0) raise(Exc.TypeError, "NoneType takes no arguments");
  return None;
};
installNew(noneType);
defMethod(noneType, "__repr__", () => "None");
defMethod(noneType, "__bool__", () => false);
defMethod(noneType, "__hash__", () => 0xfcfa);
notImplementedType.tp_new = (_cls, args) => {
  if (args.length > 0) raise(Exc.TypeError, "NotImplementedType takes no arguments");
  return NotImplemented;
};
installNew(notImplementedType);
defMethod(notImplementedType, "__repr__", () => "NotImplemented");
defMethod(notImplementedType, "__bool__", () => true);
ellipsisType.tp_new = (_cls, args) => {
  if (args.length > 0) raise(Exc.TypeError, "ellipsis takes no arguments");
  return Ellipsis;
};
installNew(ellipsisType);
defMethod(ellipsisType, "__repr__", () => "Ellipsis");

// ---------------------------------------------------------------------------------------------
// module

moduleType.tp_new = (cls, args, kwnames) => {
  const [name] = bindArgs("module", args, kwnames, ["name", "doc"], 1);
  const m = new PyModule(str(name!));
  m.cls = cls;
  return m;
};
installNew(moduleType);
installDict(moduleType);
defMethod(moduleType, "__init__", (args, kwnames) => {
  const m = args[0] as PyModule;
  const [name, doc] = bindArgs("module", args.slice(1), kwnames, ["name", "doc"], 1);
  m.name = str(name!);
  m.dict!.setStr("__name__", name!);
  m.dict!.setStr("__doc__", doc ?? None);
  return None;
});
defMethod(moduleType, "__repr__", (args) => moduleRepr(args[0]));

/** A module's repr as CPython 3.11 makes it: from its `__spec__`, else its `__name__` and `__file__`. */
function moduleRepr(m: PyValue): string {
  const spec = getAttrOrUndefined(m, "__spec__");
  if (spec !== undefined && spec !== None) {
    const specName = getAttr(spec, "name");
    const name = specName === None ? "?" : repr(specName);
    const origin = getAttr(spec, "origin");
    if (origin === None) {
      const loader = getAttr(spec, "loader");
      return loader === None ? `<module ${name}>` : `<module ${name} (${repr(loader)})>`;
    }
    if (isTrue(getAttr(spec, "has_location"))) return `<module ${name} from ${repr(origin)}>`;
    return `<module ${repr(specName)} (${str(origin)})>`;
  }
  const nameValue = getAttrOrUndefined(m, "__name__");
  const name = nameValue === undefined ? "'?'" : repr(nameValue);
  const file = getAttrOrUndefined(m, "__file__");
  if (file !== undefined) return `<module ${name} from ${repr(file)}>`;
  const loader = getAttrOrUndefined(m, "__loader__") ?? None;
  return loader === None ? `<module ${name}>` : `<module ${name} (${repr(loader)})>`;
}
defMethod(moduleType, "__dir__", (args) => {
  const m = args[0] as PyModule;
  return new PyList(m.dict!.keyList());
});
moduleType.tp_getattro = (obj, name) => {
  const m = obj as PyModule;
  const v = m.dict!.getStr(name);
  if (v !== undefined) return v;
  const fromType = getAttrFromType(m, name);
  if (fromType !== undefined) return fromType;
  const ga = m.dict!.getStr("__getattr__");
  if (ga !== undefined) return callValue(ga, name);
  return undefined;
};
function getAttrFromType(m: PyModule, name: string): PyValue | undefined {
  const d = m.cls.lookup(name);
  if (d === undefined) return undefined;
  const get = typeOf(d).tp_descr_get;
  return get !== null ? get(d, m, m.cls) : d;
}
function callValue(f: PyValue, name: string): PyValue {
  return callFn(f, [name]);
}

// ---------------------------------------------------------------------------------------------
// mappingproxy

function proxySelf(args: PyValue[]): PyMappingProxy {
  const p = args[0];
  if (!(p instanceof PyMappingProxy)) raise(Exc.TypeError, "descriptor requires a 'mappingproxy' object");
  return p;
}
mappingProxyType.tp_new = (_cls, args) => {
  checkArgs("mappingproxy", args, null, 1, 1);
  return new PyMappingProxy(args[0]);
};
installNew(mappingProxyType);
mappingProxyType.tp_iter = (p) =>
  typeOf((p as PyMappingProxy).mapping).tp_iter!((p as PyMappingProxy).mapping);
defMethod(mappingProxyType, "__getitem__", (args) => getItem(proxySelf(args).mapping, args[1]));
defMethod(mappingProxyType, "__len__", (args) => (proxySelf(args).mapping as PyDict).size);
defMethod(mappingProxyType, "__contains__", (args) => (proxySelf(args).mapping as PyDict).has(args[1]));
defMethod(mappingProxyType, "__iter__", (args) => mappingProxyType.tp_iter!(proxySelf(args)));
mappingProxyType.attrs.set("__hash__", None);
defMethod(
  mappingProxyType,
  "__reversed__",
  (args) => callFn(getAttr(proxySelf(args).mapping, "__reversed__"), []),
);
for (const name of ["keys", "values", "items", "get", "copy"]) {
  defMethod(mappingProxyType, name, (args) => {
    const f = getAttr(proxySelf(args).mapping, name);
    return callFn(f, args.slice(1));
  });
}
defMethod(mappingProxyType, "__repr__", (args) => `mappingproxy(${repr(proxySelf(args).mapping)})`);
defMethod(mappingProxyType, "__str__", (args) => str(proxySelf(args).mapping));
defMethod(mappingProxyType, "__eq__", (args) => compareOp(proxySelf(args).mapping, args[1], 2));
// `proxy | other` and `other | proxy`: the mappings joined (a dict for dict mappings)
const unproxied = (v: PyValue): PyValue => v instanceof PyMappingProxy ? v.mapping : v;
defMethod(mappingProxyType, "__or__", (args) => binaryOp(unproxied(args[0]), unproxied(args[1]), NB_OR));
defMethod(mappingProxyType, "__ror__", (args) => binaryOp(unproxied(args[1]), unproxied(args[0]), NB_OR));
defMethod(mappingProxyType, "__ior__", (args) => {
  raise(Exc.TypeError, `'|=' is not supported by ${typeOf(args[0]).name}; use '|' instead`);
});

// ---------------------------------------------------------------------------------------------
// cell, bound methods, builtin functions and descriptors

cellType.tp_new = (_cls, args) => {
  checkArgs("cell", args, null, 0, 1);
  return new PyCell(args.length === 1 ? args[0] : undefined);
};
installNew(cellType);
defGetSet(cellType, "cell_contents", (c) => {
  const v = (c as PyCell).value;
  if (v === undefined) raise(Exc.ValueError, "Cell is empty");
  return v;
}, (c, v) => {
  (c as PyCell).value = v;
});
defMethod(cellType, "__repr__", (args) => {
  const c = args[0] as PyCell;
  const id = objectId(c).toString(16);
  if (c.value === undefined) return `<cell at 0x${id}: empty>`;
  const v = c.value;
  return `<cell at 0x${id}: ${typeOf(v).name} object at 0x${
    (typeof v === "object" ? objectId(v) : 0).toString(16)
  }>`;
});

function qualnameOf(f: PyValue): string {
  const q = getAttrOrUndefined(f, "__qualname__");
  if (q !== undefined) return str(q);
  const n = getAttrOrUndefined(f, "__name__");
  return n === undefined ? "?" : str(n);
}

methodType.tp_new = (_cls, args) => {
  checkArgs("method", args, null, 2, 2);
  return new PyMethod(args[0], args[1]);
};
installNew(methodType);
defMethod(methodType, "__repr__", (args) => {
  const m = args[0] as PyMethod;
  return `<bound method ${qualnameOf(m.func)} of ${repr(m.self)}>`;
});
defGetSet(methodType, "__func__", (m) => (m as PyMethod).func);
defGetSet(methodType, "__self__", (m) => (m as PyMethod).self);
defGetSet(methodType, "__name__", (m) => getAttr((m as PyMethod).func, "__name__"));
defGetSet(methodType, "__qualname__", (m) => getAttr((m as PyMethod).func, "__qualname__"));
defGetSet(methodType, "__doc__", (m) => getAttrOrUndefined((m as PyMethod).func, "__doc__") ?? None);
defGetSet(methodType, "__module__", (m) => getAttrOrUndefined((m as PyMethod).func, "__module__") ?? None);
defMethod(methodType, "__eq__", (args) => {
  const a = args[0] as PyMethod, b = args[1];
  if (!(b instanceof PyMethod)) return NotImplemented;
  return a.self === b.self && richEq(a.func, b.func);
});
defMethod(methodType, "__hash__", (args) => {
  const m = args[0] as PyMethod;
  return (hash(m.func) ^ (typeof m.self === "object" ? objectId(m.self) : hash(m.self))) | 0;
});
methodType.tp_getattro = (obj, name) => {
  const m = obj as PyMethod;
  const d = methodType.lookup(name);
  if (d !== undefined) {
    const get = typeOf(d).tp_descr_get;
    return get !== null ? get(d, m, methodType) : d;
  }
  return getAttrOrUndefined(m.func, name);
};

defMethod(builtinFunctionType, "__repr__", (args) => {
  const f = args[0] as PyBuiltinFunction;
  if (f.self === null || f.self instanceof PyModule) return `<built-in function ${f.name}>`;
  if (f.self instanceof PyType) {
    return `<built-in method ${f.name} of type object at 0x${objectId(f.self).toString(16)}>`;
  }
  const s = f.self;
  return `<built-in method ${f.name} of ${typeOf(s).name} object at 0x${
    (typeof s === "object" ? objectId(s) : 0).toString(16)
  }>`;
});
defGetSet(builtinFunctionType, "__name__", (f) => (f as PyBuiltinFunction).name);
defGetSet(builtinFunctionType, "__qualname__", (f) => {
  const b = f as PyBuiltinFunction;
  if (b.self === null || b.self instanceof PyModule) return b.name;
  const t = b.self instanceof PyType ? b.self : typeOf(b.self);
  return `${t.name}.${b.name}`;
});
defGetSet(builtinFunctionType, "__self__", (f) => {
  const b = f as PyBuiltinFunction;
  return b.self ?? None;
});
defGetSet(builtinFunctionType, "__module__", (f) => (f as PyBuiltinFunction).module ?? None);
defGetSet(builtinFunctionType, "__doc__", (f) => (f as PyBuiltinFunction).doc ?? None);
defGetSet(builtinFunctionType, "__text_signature__", () => None);
defMethod(builtinFunctionType, "__eq__", (args) => {
  const a = args[0] as PyBuiltinFunction, b = args[1];
  if (!(b instanceof PyBuiltinFunction)) return NotImplemented;
  return a === b || (a.fn === b.fn && a.self === b.self);
});
defMethod(builtinFunctionType, "__hash__", (args) => objectId(args[0] as PyBuiltinFunction) >> 4);

for (const t of [methodDescriptorType, classMethodDescriptorType]) {
  defMethod(t, "__repr__", (args) => {
    const d = args[0] as PyMethodDescriptor;
    if (t === classMethodDescriptorType) return `<method '${d.name}' of '${d.owner.name}' objects>`;
    return `<method '${d.name}' of '${d.owner.name}' objects>`;
  });
  defGetSet(t, "__name__", (d) => (d as PyMethodDescriptor).name);
  defGetSet(
    t,
    "__qualname__",
    (d) => `${(d as PyMethodDescriptor).owner.name}.${(d as PyMethodDescriptor).name}`,
  );
  defGetSet(t, "__objclass__", (d) => (d as PyMethodDescriptor).owner);
  defGetSet(t, "__doc__", () => None);
  defMethod(t, "__get__", (args) => {
    const obj = args[1] === None ? null : args[1];
    const type = args.length > 2 && args[2] instanceof PyType
      ? args[2]
      : obj === null
      ? (args[0] as PyMethodDescriptor).owner
      : typeOf(obj);
    return t.tp_descr_get!(args[0], obj, type);
  });
}
defMethod(getsetDescriptorType, "__repr__", (args) => {
  const d = args[0] as PyGetSetDescriptor;
  return `<attribute '${d.name}' of '${d.owner.name}' objects>`;
});
defMethod(getsetDescriptorType, "__get__", (args) => {
  const obj = args[1] === None ? null : args[1];
  return getsetDescriptorType.tp_descr_get!(args[0], obj, typeOf(args[1]));
});
defMethod(getsetDescriptorType, "__set__", (args) => {
  getsetDescriptorType.tp_descr_set!(args[0], args[1], args[2]);
  return None;
});
defGetSet(getsetDescriptorType, "__name__", (d) => (d as PyGetSetDescriptor).name);
defGetSet(getsetDescriptorType, "__objclass__", (d) => (d as PyGetSetDescriptor).owner);
defMethod(memberDescriptorType, "__repr__", (args) => {
  const d = args[0] as PyMemberDescriptor;
  return `<member '${d.name}' of '${d.owner.name}' objects>`;
});
defMethod(memberDescriptorType, "__get__", (args) => {
  const obj = args[1] === None ? null : args[1];
  return memberDescriptorType.tp_descr_get!(args[0], obj, typeOf(args[1]));
});
defMethod(memberDescriptorType, "__set__", (args) => {
  memberDescriptorType.tp_descr_set!(args[0], args[1], args[2]);
  return None;
});
defMethod(memberDescriptorType, "__delete__", (args) => {
  memberDescriptorType.tp_descr_set!(args[0], args[1], undefined);
  return None;
});
defGetSet(memberDescriptorType, "__name__", (d) => (d as PyMemberDescriptor).name);
