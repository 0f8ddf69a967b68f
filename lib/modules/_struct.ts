/**
 * The `_struct` module of CPython 3.11 (C there), under lib/python/struct.py: format strings
 * (`<3hQ`, `@ci`, `10s`) → layouts of C values, and Python values ↔ bytes through them: `pack`,
 * `pack_into`, `unpack`, `unpack_from`, `iter_unpack`, `calcsize`, the `Struct` type (its layouts
 * cached by format, as CPython caches the last 100), `struct.error`.
 *
 * Native mode (`@`, the default) is x86-64 Linux: little-endian, `l`/`L`/`n`/`N`/`P` 8 bytes,
 * every item aligned to its size. The other modes (`= < > !`) use the standard sizes without
 * alignment. Each item packs with the function CPython 3.11 uses for it on this platform (the
 * little-endian standard items share the native ones where the sizes agree), so that range
 * errors carry the same messages ("short format requires -32768 <= number <= 32767" natively,
 * "'h' format requires -32768 <= number <= 32767" big-endian).
 *
 * @example
 * ```ts
 * import { makeStructModule } from "./_struct.ts";
 * const m = makeStructModule();
 * ```
 * @module
 */
import {
  bindArgs,
  bytearrayType,
  defGetSet,
  defMethod,
  Exc,
  intType,
  isInstance,
  newTuple,
  None,
  normInt,
  PyBaseException,
  PyBytes,
  PyDict,
  PyFloat,
  type PyModule,
  PyObject,
  PyStrObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import { asIndex, callMethod0, isTrue } from "../../objects/ops.ts";
import { intToFloat } from "../../objects/types/int.ts";
import { installNew, newClass } from "../../objects/types/type.ts";
import { makeIterator } from "../../objects/types/iterators.ts";
import { buildModule, expectArgs, moduleIteratorType, moduleType } from "./_native.ts";

// ---------------------------------------------------------------------------------------------
// Format strings

/** How an item is packed: one of these per format character and mode. */
const enum Kind {
  Pad,
  Char,
  Bool,
  Int, // signed, range-checked against `size` with the messages of `check`
  UInt,
  Float16,
  Float32,
  Float64,
  Bytes, // s
  Pascal, // p
}

/** Which of CPython's functions' wording an integer item's errors use. */
const NAMED = 0, // native b/B/h/H: "byte format requires …"
  SIZED = 1, // native i/I and the standard ones: "'i' format requires …"
  WIDE = 2, // 8-byte natives: only "argument out of range"
  BYTES = 3; // big-endian q/Q: "int too large to convert"

/** A format character in one mode. */
interface FormatDef {
  kind: Kind;
  size: number;
  /** Alignment in native mode (0: none). */
  align: number;
  /** Range-error wording (integers). */
  check: number;
  /** The word of NAMED messages ("byte", "ubyte", "short", "ushort"). */
  word: string;
}

function def(kind: Kind, size: number, check = SIZED, word = ""): FormatDef {
  return { kind, size, align: size, check, word };
}

/** The native table (x86-64 Linux). */
const NATIVE: Record<string, FormatDef> = {
  x: { ...def(Kind.Pad, 1), align: 0 },
  c: { ...def(Kind.Char, 1), align: 0 },
  b: def(Kind.Int, 1, NAMED, "byte"),
  B: def(Kind.UInt, 1, NAMED, "ubyte"),
  "?": def(Kind.Bool, 1),
  h: def(Kind.Int, 2, NAMED, "short"),
  H: def(Kind.UInt, 2, NAMED, "ushort"),
  i: def(Kind.Int, 4, SIZED),
  I: def(Kind.UInt, 4, SIZED),
  l: def(Kind.Int, 8, WIDE),
  L: def(Kind.UInt, 8, WIDE),
  q: def(Kind.Int, 8, WIDE),
  Q: def(Kind.UInt, 8, WIDE),
  n: def(Kind.Int, 8, WIDE),
  N: def(Kind.UInt, 8, WIDE),
  P: def(Kind.UInt, 8, BYTES),
  e: def(Kind.Float16, 2),
  f: def(Kind.Float32, 4),
  d: def(Kind.Float64, 8),
  s: { ...def(Kind.Bytes, 1), align: 0 },
  p: { ...def(Kind.Pascal, 1), align: 0 },
};

/** The standard little-endian table (`<` and `=` here): native functions where sizes agree. */
const LITTLE: Record<string, FormatDef> = {
  ...NATIVE,
  l: def(Kind.Int, 4, SIZED),
  L: def(Kind.UInt, 4, SIZED),
};
delete LITTLE.n;
delete LITTLE.N;
delete LITTLE.P;

/** The standard big-endian table (`>` and `!`). */
const BIG: Record<string, FormatDef> = {
  ...LITTLE,
  h: def(Kind.Int, 2, SIZED),
  H: def(Kind.UInt, 2, SIZED),
  q: def(Kind.Int, 8, BYTES),
  Q: def(Kind.UInt, 8, BYTES),
};

/** One value of a layout: where it goes and how. */
interface Item {
  code: string;
  def: FormatDef;
  offset: number;
  /** Bytes taken (the count for s and p). */
  size: number;
}

/** A parsed format. */
interface Layout {
  items: Item[];
  /** Total bytes (a bigint only for sizes no buffer can have). */
  size: number;
  little: boolean;
  /** Whether the f format has no overflow check (native mode, as CPython's np_float). */
  native: boolean;
}

const SSIZE_MAX = (1n << 63n) - 1n;

/** Parses a format string, as CPython's prepare_s does (errors included). */
function parseFormat(format: string, error: PyType): Layout {
  let i = 0;
  let table = NATIVE;
  let little = true;
  let native = true;
  const first = format[0];
  if (first === "<" || first === "=") {
    table = LITTLE;
    native = false;
    i = 1;
  } else if (first === ">" || first === "!") {
    table = BIG;
    little = false;
    native = false;
    i = 1;
  } else if (first === "@") {
    i = 1;
  }
  const items: Item[] = [];
  let size = 0n;
  const tooLong = () => raiseStructError(error, "total struct size too long");
  while (i < format.length) {
    let c = format[i++];
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f") continue;
    let count = 1n;
    if (c >= "0" && c <= "9") {
      count = BigInt(c.charCodeAt(0) - 48);
      while (i < format.length && format[i] >= "0" && format[i] <= "9") {
        count = count * 10n + BigInt(format.charCodeAt(i++) - 48);
        if (count > SSIZE_MAX) tooLong();
      }
      if (i >= format.length) raiseStructError(error, "repeat count given without format specifier");
      c = format[i++];
    }
    const d = Object.hasOwn(table, c) ? table[c] : undefined;
    if (d === undefined) raiseStructError(error, "bad char in struct format");
    if (native && d.align > 0 && size > 0n) {
      const a = BigInt(d.align);
      size += (a - 1n) - (size - 1n) % a;
    }
    const itemSize = BigInt(d.size);
    if (count > (SSIZE_MAX - size) / itemSize) tooLong();
    if (d.kind === Kind.Bytes || d.kind === Kind.Pascal) {
      items.push({ code: c, def: d, offset: Number(size), size: Number(count) });
    } else if (d.kind !== Kind.Pad) {
      for (let k = 0n; k < count; k++) {
        items.push({ code: c, def: d, offset: Number(size + k * itemSize), size: d.size });
      }
    }
    size += count * itemSize;
  }
  return { items, size: Number(size), little, native };
}

function raiseStructError(error: PyType, message: string): never {
  throw newStructError(error, message);
}

function newStructError(error: PyType, message: string): PyBaseException {
  const e = new PyBaseException(error, newTuple([message]));
  e.dict = new PyDict();
  return e;
}

// ---------------------------------------------------------------------------------------------
// Packing

/** The int a packed integer item takes (CPython's get_pylong): __index__, or struct.error. */
function intArg(v: PyValue, error: PyType): number | bigint {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeOf(v).lookup("__index__") === undefined) {
    raiseStructError(error, "required argument is not an integer");
  }
  return asIndex(v);
}

/** The float a packed float item takes (PyFloat_AsDouble), or struct.error. */
function floatArg(v: PyValue, error: PyType): number {
  if (v instanceof PyFloat) return v.value;
  try {
    if (typeof v === "number") return v;
    if (typeof v === "bigint") return intToFloat(v);
    if (typeof v === "boolean") return v ? 1 : 0;
    const t = typeOf(v);
    const conv = t.lookup("__float__");
    if (conv !== undefined) {
      const r = callMethod0(conv, v);
      if (r instanceof PyFloat) return r.value;
    } else if (t.lookup("__index__") !== undefined) {
      return intToFloat(asIndex(v));
    }
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
  }
  return raiseStructError(error, "required argument is not a float");
}

/** [2 ** (bits - 1), 2 ** bits - 1] for each item size in bytes. */
const INT_RANGE_LIMITS: [bigint, bigint][] = [[0n, 0n]];
for (let size = 1; size <= 8; size++) {
  const bits = BigInt(size * 8);
  INT_RANGE_LIMITS.push([1n << (bits - 1n), (1n << bits) - 1n]);
}
const LONG_HALF = 1n << 63n, ULONG_MAX = (1n << 64n) - 1n;

/** Checks an integer for an item, with the errors of the function CPython packs it with. */
function checkInt(value: number | bigint, item: Item, error: PyType): bigint {
  const d = item.def;
  const v = BigInt(value);
  const unsigned = d.kind === Kind.UInt;
  const [half, all] = INT_RANGE_LIMITS[d.size];
  if (d.check === BYTES) {
    // _PyLong_AsByteArray / PyLong_AsVoidPtr: an OverflowError, reported as struct.error.
    const lo = item.code === "P" ? -LONG_HALF : unsigned ? 0n : -half;
    const hi = unsigned ? all : half - 1n;
    if (v < lo || v > hi) raiseStructError(error, "int too large to convert");
    return v;
  }
  // The value goes through a C long first (an unsigned long for the unsigned SIZED and WIDE ones).
  const fitsLong = unsigned && d.check !== NAMED
    ? v >= 0n && v <= ULONG_MAX
    : v >= -LONG_HALF && v < LONG_HALF;
  if (!fitsLong) raiseStructError(error, "argument out of range");
  if (d.check === NAMED) {
    const lo = unsigned ? 0n : -half, hi = unsigned ? all : half - 1n;
    if (v < lo || v > hi) raiseStructError(error, `${d.word} format requires ${lo} <= number <= ${hi}`);
  } else if (d.check === SIZED) {
    if (unsigned && v > all) raiseStructError(error, `'${item.code}' format requires 0 <= number <= ${all}`);
    if (!unsigned && (v < -half || v >= half)) {
      raiseStructError(error, `'${item.code}' format requires ${-half} <= number <= ${half - 1n}`);
    }
  }
  return v;
}

/** IEEE 754 binary16 bits of x (round half to even), or -1 when x is too large. */
export function halfBits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  let a = Math.abs(x);
  if (a !== a) return sign | 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal (1024 rounds up to the normal minimum)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  a = a / 2 ** e - 1;
  let m = roundHalfEven(a * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return -1;
  return sign | ((e + 15) << 10) | m;
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  return diff > 0.5 || (diff === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/** The float of binary16 bits. */
export function halfValue(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f, m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m === 0 ? sign * Infinity : NaN;
  return sign * (1024 + m) * 2 ** (e - 25);
}

/** Writes `values` at `offset` of `view` by the layout. */
function packInto(layout: Layout, view: DataView, offset: number, values: PyValue[], error: PyType): void {
  const little = layout.little;
  const items = layout.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const v = values[i];
    const at = offset + item.offset;
    try {
      packItem(item, view, at, v, little, layout.native, error);
    } catch (e) {
      // CPython: an OverflowError while packing an int is a struct.error.
      if (
        e instanceof PyBaseException && e.cls.isSubtypeOf(Exc.OverflowError) &&
        (typeof v === "number" || typeof v === "bigint" || isInstance(v, intType))
      ) {
        raiseStructError(error, "int too large to convert");
      }
      throw e;
    }
  }
}

function packItem(
  item: Item,
  view: DataView,
  at: number,
  v: PyValue,
  little: boolean,
  native: boolean,
  error: PyType,
): void {
  const d = item.def;
  switch (d.kind) {
    case Kind.Int:
    case Kind.UInt: {
      // Fast path: a small int in the type's range (every check accepts those), without BigInt.
      if (typeof v === "number" && d.size <= 4) {
        const unsigned = d.kind === Kind.UInt;
        const half = 2 ** (d.size * 8 - 1);
        if (unsigned ? v >= 0 && v < 2 * half : v >= -half && v < half) {
          if (d.size === 1) view.setUint8(at, v & 0xff);
          else if (d.size === 2) view.setUint16(at, v & 0xffff, little);
          else view.setUint32(at, v >>> 0, little);
          return;
        }
      }
      const n = checkInt(intArg(v, error), item, error);
      switch (d.size) {
        case 1:
          view.setUint8(at, Number(BigInt.asUintN(8, n)));
          return;
        case 2:
          view.setUint16(at, Number(BigInt.asUintN(16, n)), little);
          return;
        case 4:
          view.setUint32(at, Number(BigInt.asUintN(32, n)), little);
          return;
        default:
          view.setBigUint64(at, BigInt.asUintN(64, n), little);
          return;
      }
    }
    case Kind.Bool:
      view.setUint8(at, isTrue(v) ? 1 : 0);
      return;
    case Kind.Char:
      if (!(v instanceof PyBytes) || v.cls.isSubtypeOf(bytearrayType) || v.data.length !== 1) {
        raiseStructError(error, "char format requires a bytes object of length 1");
      }
      view.setUint8(at, v.data[0]);
      return;
    case Kind.Float16: {
      const bits = halfBits(floatArg(v, error));
      if (bits < 0) raise(Exc.OverflowError, "float too large to pack with e format");
      view.setUint16(at, bits, little);
      return;
    }
    case Kind.Float32: {
      const x = floatArg(v, error);
      if (!native && Number.isFinite(x) && !Number.isFinite(Math.fround(x))) {
        raise(Exc.OverflowError, "float too large to pack with f format");
      }
      view.setFloat32(at, x, little);
      return;
    }
    case Kind.Float64:
      view.setFloat64(at, floatArg(v, error), little);
      return;
    case Kind.Bytes:
    case Kind.Pascal: {
      if (!(v instanceof PyBytes)) {
        raiseStructError(error, `argument for '${item.code}' must be a bytes object`);
      }
      const data = v.data;
      if (d.kind === Kind.Bytes && item.size <= 16) {
        // a few bytes: no typed-array views to make
        const n = Math.min(data.length, item.size);
        for (let i = 0; i < n; i++) view.setUint8(at + i, data[i]);
        for (let i = n; i < item.size; i++) view.setUint8(at + i, 0);
        return;
      }
      const bytes = new Uint8Array(view.buffer, view.byteOffset + at, item.size);
      if (d.kind === Kind.Bytes) {
        bytes.set(data.subarray(0, item.size));
        bytes.fill(0, Math.min(data.length, item.size));
        return;
      }
      if (item.size === 0) return;
      const n = Math.min(data.length, item.size - 1);
      bytes.set(data.subarray(0, n), 1);
      bytes.fill(0, n + 1);
      bytes[0] = Math.min(n, 255);
      return;
    }
  }
}

/** The 8-byte int at `at`: a number when it is a safe integer (most are), else a bigint. */
function int64At(view: DataView, at: number, little: boolean, signed: boolean): PyValue {
  const lo = view.getUint32(little ? at : at + 4, little);
  const hi = signed
    ? view.getInt32(little ? at + 4 : at, little)
    : view.getUint32(little ? at + 4 : at, little);
  if (hi > -0x200000 && hi < 0x200000) return hi * 4294967296 + lo;
  return normInt(signed ? view.getBigInt64(at, little) : view.getBigUint64(at, little));
}

/** The values at `offset` of `view` by the layout. */
function unpackFrom(layout: Layout, view: DataView, offset: number): PyValue[] {
  const little = layout.little;
  const out: PyValue[] = [];
  const items = layout.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const at = offset + item.offset;
    const d = item.def;
    switch (d.kind) {
      case Kind.Int:
        switch (d.size) {
          case 1:
            out.push(view.getInt8(at));
            break;
          case 2:
            out.push(view.getInt16(at, little));
            break;
          case 4:
            out.push(view.getInt32(at, little));
            break;
          default:
            out.push(int64At(view, at, little, true));
        }
        break;
      case Kind.UInt:
        switch (d.size) {
          case 1:
            out.push(view.getUint8(at));
            break;
          case 2:
            out.push(view.getUint16(at, little));
            break;
          case 4:
            out.push(view.getUint32(at, little));
            break;
          default:
            out.push(int64At(view, at, little, false));
        }
        break;
      case Kind.Bool:
        out.push(view.getUint8(at) !== 0);
        break;
      case Kind.Char:
        out.push(new PyBytes(new Uint8Array([view.getUint8(at)])));
        break;
      case Kind.Float16:
        out.push(new PyFloat(halfValue(view.getUint16(at, little))));
        break;
      case Kind.Float32:
        out.push(new PyFloat(view.getFloat32(at, little)));
        break;
      case Kind.Float64:
        out.push(new PyFloat(view.getFloat64(at, little)));
        break;
      case Kind.Bytes:
        out.push(new PyBytes(new Uint8Array(view.buffer, view.byteOffset + at, item.size).slice()));
        break;
      case Kind.Pascal: {
        if (item.size === 0) {
          out.push(new PyBytes(new Uint8Array(0)));
          break;
        }
        const n = Math.min(view.getUint8(at), item.size - 1);
        out.push(new PyBytes(new Uint8Array(view.buffer, view.byteOffset + at + 1, n).slice()));
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Buffers

/** The bytes of a bytes-like argument (bytes, bytearray), or TypeError. */
function readBuffer(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

/** The bytes of a writable buffer argument (bytearray), or TypeError. */
function writeBuffer(v: PyValue): Uint8Array {
  if (v instanceof PyBytes && v.cls.isSubtypeOf(bytearrayType)) return v.data;
  return raise(Exc.TypeError, `argument must be read-write bytes-like object, not ${typeOf(v).name}`);
}

function viewOf(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

// A scratch buffer that pack and unpack of a small struct work in: a DataView over each call's
// own small array (or over the caller's bytes) costs far more than copying the few bytes.
// Packing may run Python code (__index__, __float__) that packs too: a busy scratch is not
// shared, that call takes the slow way.
const SCRATCH_SIZE = 512;
const scratch = new Uint8Array(SCRATCH_SIZE);
const scratchView = new DataView(scratch.buffer);
let scratchBusy = false;

/** `layout`'s values packed into new bytes. */
function packNew(layout: Layout, values: PyValue[], error: PyType): Uint8Array {
  const size = layout.size;
  if (scratchBusy || size > SCRATCH_SIZE) {
    const data = new Uint8Array(size);
    packInto(layout, viewOf(data), 0, values, error);
    return data;
  }
  scratchBusy = true;
  try {
    for (let i = 0; i < size; i++) scratch[i] = 0; // padding (loops beat fill/slice calls here)
    packInto(layout, scratchView, 0, values, error);
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) out[i] = scratch[i];
    return out;
  } finally {
    scratchBusy = false;
  }
}

/** `layout`'s values packed into data at offset (which has room for them). */
function packAt(layout: Layout, data: Uint8Array, offset: number, values: PyValue[], error: PyType): void {
  const size = layout.size;
  if (scratchBusy || size > SCRATCH_SIZE) {
    packInto(layout, viewOf(data), offset, values, error);
    return;
  }
  scratchBusy = true;
  try {
    for (let i = 0; i < size; i++) scratch[i] = 0;
    packInto(layout, scratchView, 0, values, error);
    for (let i = 0; i < size; i++) data[offset + i] = scratch[i];
  } finally {
    scratchBusy = false;
  }
}

/** The values `layout` reads at offset of data (which holds them). */
function unpackAt(layout: Layout, data: Uint8Array, offset: number): PyValue[] {
  const size = layout.size;
  // Unpacking runs no Python code: the scratch cannot be busy.
  if (size > SCRATCH_SIZE || scratchBusy) return unpackFrom(layout, viewOf(data), offset);
  for (let i = 0; i < size; i++) scratch[i] = data[offset + i];
  return unpackFrom(layout, scratchView, 0);
}

function offsetArg(v: PyValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat || typeOf(v).lookup("__index__") === undefined) {
    raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  }
  const n = asIndex(v);
  if (typeof n === "bigint") raise(Exc.OverflowError, "Python int too large to convert to C ssize_t");
  return n;
}

// ---------------------------------------------------------------------------------------------
// Struct objects

/** A `Struct`: a format and its layout. */
class PyStruct extends PyObject {
  declare format: string;
  declare layout: Layout;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.format = "";
    this.layout = { items: [], size: 0, little: true, native: true };
  }
}

/** The format argument as a str (bytes are decoded as ASCII), or TypeError. */
function formatText(v: PyValue): string {
  if (typeof v === "string") return v;
  if (v instanceof PyStrObject) return v.value;
  if (v instanceof PyBytes && !v.cls.isSubtypeOf(bytearrayType)) {
    let s = "";
    for (const b of v.data) s += String.fromCharCode(b);
    return s;
  }
  return raise(Exc.TypeError, `Struct() argument 1 must be a str or bytes object, not ${typeOf(v).name}`);
}

/** Builds the `_struct` module (its types and its error class are made here, on first import). */
export function makeStructModule(): PyModule {
  const errorNs = new PyDict();
  errorNs.setStr("__module__", "struct");
  const error = newClass(typeType, "error", [Exc.Exception], errorNs);

  const structType = moduleType("_struct", "Struct");
  structType.tp_new = (cls) => new PyStruct(cls);
  installNew(structType);

  const setFormat = (s: PyStruct, format: PyValue) => {
    const text = formatText(format);
    s.layout = parseFormat(text, error);
    s.format = text;
  };
  defMethod(structType, "__init__", (args, kwnames) => {
    const [format] = bindArgs("Struct", args.slice(1), kwnames, ["format"], 1);
    setFormat(self(args[0]), format!);
    return None;
  });

  const self = (v: PyValue): PyStruct => {
    if (!(v instanceof PyStruct)) {
      raise(
        Exc.TypeError,
        `descriptor for '_struct.Struct' objects doesn't apply to a '${typeOf(v).name}' object`,
      );
    }
    return v;
  };

  const cache = new Map<string, PyStruct>();
  const MAX_CACHED = 100;
  /** The Struct of a format argument of the module functions (cached). */
  const structOf = (format: PyValue): PyStruct => {
    if (format instanceof PyStruct) return format;
    const key = typeof format === "string"
      ? format
      : format instanceof PyBytes
      ? "b:" + formatText(format)
      : null;
    if (key !== null) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
    }
    const s = new PyStruct(structType);
    setFormat(s, format);
    if (key !== null) {
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(key, s);
    }
    return s;
  };

  const pack = (s: PyStruct, values: PyValue[], what: string): PyBytes => {
    const layout = s.layout;
    if (values.length !== layout.items.length) {
      raiseStructError(
        error,
        `${what} expected ${layout.items.length} items for packing (got ${values.length})`,
      );
    }
    return new PyBytes(packNew(layout, values, error));
  };

  const packIntoBuffer = (s: PyStruct, rest: PyValue[]): PyValue => {
    if (rest.length < 1) raiseStructError(error, "pack_into expected buffer argument");
    if (rest.length < 2) raiseStructError(error, "pack_into expected offset argument");
    const layout = s.layout;
    const values = rest.slice(2);
    if (values.length !== layout.items.length) {
      raiseStructError(
        error,
        `pack_into expected ${layout.items.length} items for packing (got ${values.length})`,
      );
    }
    const data = writeBuffer(rest[0]);
    let offset = offsetArg(rest[1]);
    const size = layout.size;
    if (offset < 0) {
      if (offset + size > 0) raiseStructError(error, `no space to pack ${size} bytes at offset ${offset}`);
      if (offset + data.length < 0) {
        raiseStructError(error, `offset ${offset} out of range for ${data.length}-byte buffer`);
      }
      offset += data.length;
    }
    if (data.length - offset < size) {
      raiseStructError(
        error,
        `pack_into requires a buffer of at least ${
          size + offset
        } bytes for packing ${size} bytes at offset ${offset} (actual buffer size is ${data.length})`,
      );
    }
    packAt(layout, data, offset, values, error);
    return None;
  };

  const unpack = (s: PyStruct, buffer: PyValue): PyValue => {
    const data = readBuffer(buffer);
    if (data.length !== s.layout.size) {
      raiseStructError(error, `unpack requires a buffer of ${s.layout.size} bytes`);
    }
    return newTuple(unpackAt(s.layout, data, 0));
  };

  const unpackFromBuffer = (s: PyStruct, buffer: PyValue, offsetValue: PyValue | undefined): PyValue => {
    const data = readBuffer(buffer);
    let offset = offsetValue === undefined ? 0 : offsetArg(offsetValue);
    const size = s.layout.size;
    if (offset < 0) {
      if (offset + data.length < 0) {
        raiseStructError(error, `offset ${offset} out of range for ${data.length}-byte buffer`);
      }
      if (offset + size > 0) {
        raiseStructError(error, `not enough data to unpack ${size} bytes at offset ${offset}`);
      }
      offset += data.length;
    }
    if (data.length - offset < size) {
      raiseStructError(
        error,
        `unpack_from requires a buffer of at least ${
          size + offset
        } bytes for unpacking ${size} bytes at offset ${offset} (actual buffer size is ${data.length})`,
      );
    }
    return newTuple(unpackAt(s.layout, data, offset));
  };

  const iteratorType = moduleIteratorType("_struct", "unpack_iterator", 0);
  // CPython's own wording, unbalanced quote included.
  iteratorType.tp_new = () => raise(Exc.TypeError, "Cannot create 'unpack_iterator objects");
  installNew(iteratorType);
  const iterUnpack = (s: PyStruct, buffer: PyValue): PyValue => {
    const size = s.layout.size;
    if (size === 0) raiseStructError(error, "cannot iteratively unpack with a struct of length 0");
    const data = readBuffer(buffer);
    if (data.length % size !== 0) {
      raiseStructError(error, `iterative unpacking requires a buffer of a multiple of ${size} bytes`);
    }
    const view = viewOf(data);
    let offset = 0;
    const it = makeIterator(iteratorType, () => {
      if (offset + size > data.length) return undefined;
      const values = unpackFrom(s.layout, view, offset);
      offset += size;
      return newTuple(values);
    });
    remaining.set(it, () => Math.max(0, (data.length - offset) / size));
    return it;
  };
  const remaining = new WeakMap<PyObject, () => number>();
  defMethod(iteratorType, "__length_hint__", (args) => remaining.get(args[0] as PyObject)?.() ?? 0);

  defMethod(structType, "pack", (args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "pack() takes no keyword arguments");
    return pack(self(args[0]), args.slice(1), "pack");
  });
  defMethod(structType, "pack_into", (args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) {
      raise(Exc.TypeError, "pack_into() takes no keyword arguments");
    }
    return packIntoBuffer(self(args[0]), args.slice(1));
  });
  defMethod(structType, "unpack", (args, kwnames) => {
    expectArgs("unpack", args.slice(1), kwnames, 1, 1);
    return unpack(self(args[0]), args[1]);
  });
  defMethod(structType, "unpack_from", (args, kwnames) => {
    if (args.length > 3) {
      raise(Exc.TypeError, `unpack_from() takes at most 2 arguments (${args.length - 1} given)`);
    }
    const [buffer, offset] = bindArgs("unpack_from", args.slice(1), kwnames, ["buffer", "offset"], 1);
    return unpackFromBuffer(self(args[0]), buffer!, offset);
  });
  defMethod(structType, "iter_unpack", (args, kwnames) => {
    expectArgs("iter_unpack", args.slice(1), kwnames, 1, 1);
    return iterUnpack(self(args[0]), args[1]);
  });
  defMethod(structType, "__sizeof__", (args) => 72 + 32 * self(args[0]).layout.items.length);
  defGetSet(structType, "format", (s) => self(s).format);
  defGetSet(structType, "size", (s) => self(s).layout.size);

  return buildModule("_struct", STRUCT_DOC, {
    pack: (args, kwnames) => {
      if (kwnames !== null && kwnames.length > 0) {
        raise(Exc.TypeError, "_struct.pack() takes no keyword arguments");
      }
      if (args.length === 0) raise(Exc.TypeError, "missing format argument");
      return pack(structOf(args[0]), args.slice(1), "pack");
    },
    pack_into: (args, kwnames) => {
      if (kwnames !== null && kwnames.length > 0) {
        raise(Exc.TypeError, "_struct.pack_into() takes no keyword arguments");
      }
      if (args.length === 0) raise(Exc.TypeError, "missing format argument");
      return packIntoBuffer(structOf(args[0]), args.slice(1));
    },
    unpack: (args, kwnames) => {
      expectArgs("unpack", args, kwnames, 2, 2);
      return unpack(structOf(args[0]), args[1]);
    },
    unpack_from: (args, kwnames) => {
      if (args.length > 3) {
        raise(Exc.TypeError, `unpack_from() takes at most 3 arguments (${args.length} given)`);
      }
      const [format, buffer, offset] = bindArgs(
        "unpack_from",
        args,
        kwnames,
        ["format", "buffer", "offset"],
        2,
        1,
      );
      return unpackFromBuffer(structOf(format!), buffer!, offset);
    },
    iter_unpack: (args, kwnames) => {
      expectArgs("iter_unpack", args, kwnames, 2, 2);
      return iterUnpack(structOf(args[0]), args[1]);
    },
    calcsize: (args, kwnames) => {
      if (kwnames !== null && kwnames.length > 0) {
        raise(Exc.TypeError, "_struct.calcsize() takes no keyword arguments");
      }
      if (args.length !== 1) {
        raise(Exc.TypeError, `_struct.calcsize() takes exactly one argument (${args.length} given)`);
      }
      return structOf(args[0]).layout.size;
    },
    _clearcache: (args, kwnames) => {
      expectArgs("_clearcache", args, kwnames, 0, 0);
      cache.clear();
      return None;
    },
  }, { Struct: structType, error });
}

/** The module's docstring (pyjit's own words). */
const STRUCT_DOC = `Conversions between Python values and C structs held in bytes.

A format string describes the C struct. Its first character may set the byte order, sizes and
alignment: @ native (the default), = native order with standard sizes, < little-endian, > and !
big-endian; all but @ use standard sizes and no alignment.

Then come the items, each optionally preceded by a repeat count:
  x pad byte (no value); c char (bytes of length 1); b / B signed / unsigned byte;
  ? bool; h / H short; i / I int; l / L long; q / Q long long; f float; d double;
  e half-precision float; s bytes (the count is the length); p Pascal string (a length byte
  then the bytes); n / N ssize_t / size_t and P pointer, in native mode only.
Whitespace between items is ignored.

struct.error is raised for bad formats and for values that do not fit.
`;
