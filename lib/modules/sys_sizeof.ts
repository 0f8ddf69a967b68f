/**
 * `sys.getsizeof`: a Python value → the size in bytes CPython 3.11 (64-bit) would report for it.
 * pyjit's objects live in the JavaScript heap and have no such size: these are ESTIMATES that
 * follow CPython's layouts (object header, digits of an int, the compact string kinds, the
 * over-allocation of dict and set tables, the GC header), so that programs printing sizes or
 * comparing them see CPython's numbers for the common builtin types.
 *
 * @example
 * ```ts
 * import { estimateSize } from "./sys_sizeof.ts";
 * console.log(estimateSize(1)); // 28, as CPython
 * ```
 * @module
 */
import {
  bytearrayType,
  Ellipsis,
  Exc,
  hasOwnAttrs,
  None,
  NotImplemented,
  PyBuiltinFunction,
  PyBytes,
  PyComplex,
  PyDict,
  PyFloat,
  PyInstance,
  PyList,
  PyMethod,
  PyModule,
  PyRange,
  PySet,
  PySlice,
  PyStrObject,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  TYPE_HEAP,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, callMethod0, intValueOf } from "../../objects/ops.ts";
import { PyFunction } from "../../vm/function.ts";
import { PyGenerator } from "../../vm/generator.ts";

/** CPython's GC header, counted for every object the cycle collector tracks. */
const GC_HEADER = 16;

function intSize(v: number | bigint): number {
  const mag = typeof v === "bigint" ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  let digits = 0;
  for (let m = mag; m > 0n; m >>= 30n) digits++;
  return 24 + 4 * Math.max(1, digits);
}

function strSize(s: string): number {
  let n = 0, max = 0;
  for (const ch of s) {
    n++;
    const c = ch.codePointAt(0)!;
    if (c > max) max = c;
  }
  if (max < 0x80) return 49 + n;
  if (max < 0x100) return 73 + n;
  if (max < 0x10000) return 74 + 2 * n;
  return 76 + 4 * n;
}

/** A dict's size: its keys table is the smallest power of two (≥ 8) whose 2/3 holds the items. */
function dictSize(d: PyDict): number {
  const n = d.size;
  if (n === 0) return 48 + GC_HEADER;
  let size = 8;
  while (Math.floor((size * 2) / 3) < n) size *= 2;
  const usable = Math.floor((size * 2) / 3);
  const indexBytes = size <= 128 ? 1 : size <= 0x8000 ? 2 : 4;
  const allStrKeys = d.keyList().every((k) => typeof k === "string");
  return 48 + 32 + size * indexBytes + usable * (allStrKeys ? 16 : 24) + GC_HEADER;
}

/** A set's size: an 8-entry small table inside the object, else a table grown as inserts fill it. */
function setSize(n: number): number {
  let size = 8;
  for (let fill = 1; fill <= n; fill++) {
    if (fill * 5 >= (size - 1) * 3) {
      let grown = 8;
      while (grown <= fill * 4) grown *= 2;
      size = grown;
    }
  }
  return 200 + GC_HEADER + (size > 8 ? 16 * size : 0);
}

/** The estimated `sys.getsizeof(v)`. */
export function estimateSize(v: PyValue): number {
  switch (typeof v) {
    case "boolean":
      return v ? 28 : 24;
    case "number":
    case "bigint":
      return intSize(v);
    case "string":
      return strSize(v);
  }
  const own = userSizeof(v);
  if (own !== undefined) return own;
  if (v === None || v === Ellipsis || v === NotImplemented) return 16;
  if (v instanceof PyFloat) return 24;
  if (v instanceof PyComplex) return 32;
  if (v instanceof PyStrObject) return strSize(v.value);
  const asInt = intValueOf(v);
  if (asInt !== undefined) return intSize(asInt);
  if (v instanceof PyBytes) {
    if (v.cls === bytearrayType || v.cls.isSubtypeOf(bytearrayType)) {
      return 56 + (v.data.length > 0 ? v.data.length + 1 : 0);
    }
    return 33 + v.data.length;
  }
  if (v instanceof PyTuple) return 24 + GC_HEADER + 8 * v.items.length;
  if (v instanceof PyList) return 40 + GC_HEADER + 8 * v.items.length;
  if (v instanceof PyDict) return dictSize(v);
  if (v instanceof PySet) return setSize(v.size);
  if (v instanceof PyRange) return 48;
  if (v instanceof PySlice) return 56;
  if (v instanceof PyFunction) return 136 + GC_HEADER;
  if (v instanceof PyGenerator) return 184 + GC_HEADER;
  if (v instanceof PyModule) return 56 + GC_HEADER;
  if (v instanceof PyBuiltinFunction) return 56 + GC_HEADER;
  if (v instanceof PyMethod) return 32 + GC_HEADER;
  if (v instanceof PyType) return (v.flags & TYPE_HEAP) !== 0 ? 1672 + GC_HEADER : 408 + GC_HEADER;
  if (v instanceof PyInstance) {
    if (v.slots !== null && !hasOwnAttrs(v)) return 16 + 8 * v.slots.length + GC_HEADER;
    return 24 + 2 * GC_HEADER;
  }
  return 32 + GC_HEADER;
}

/** `__sizeof__` defined by a Python class: its answer plus the headers CPython adds. */
function userSizeof(v: PyValue): number | undefined {
  const t = typeOf(v);
  if ((t.flags & TYPE_HEAP) === 0) return undefined;
  const f = t.lookup("__sizeof__");
  if (f === undefined || !(f instanceof PyFunction)) return undefined;
  const n = Number(asIndex(callMethod0(f, v)));
  if (n < 0) raise(Exc.ValueError, "__sizeof__() should return >= 0");
  return n + (v instanceof PyInstance && hasOwnAttrs(v) ? 2 * GC_HEADER : GC_HEADER);
}
