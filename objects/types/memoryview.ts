/**
 * `memoryview`: a view of another object's buffer (objects/types/buffer.ts) → the memoryview
 * type: element access by struct-style format, slicing (with steps), cast to another format or
 * shape, tolist/tobytes/hex, release and the context manager, comparisons and hashing, as CPython
 * 3.11 (its messages and exceptions).
 *
 * @example
 * ```ts
 * import "./memoryview.ts";
 * ```
 * @module
 */
import {
  bindArgs,
  checkMethodArgs,
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newTuple,
  None,
  NotImplemented,
  PyBytes,
  PyFloat,
  PyList,
  PyObject,
  PySlice,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import { asIndex, hash, intValueOf, objectId, strValueOf } from "../ops.ts";
import { makeIterator, newIteratorType } from "./iterators.ts";
import { sliceIndices } from "./seq.ts";
import { installNew } from "./type.ts";
import {
  bufferBytes,
  type BufferExport,
  getBuffer,
  isCContiguous,
  registerBufferExporter,
} from "./buffer.ts";

/** The memoryview type. */
export const memoryviewType: PyType = newBuiltinType("memoryview", undefined, 0);
const memoryIteratorType = newIteratorType("memory_iterator");

/** Item sizes of the native single-character formats. */
const ITEMSIZE: Record<string, number> = {
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  e: 2,
  i: 4,
  I: 4,
  f: 4,
  l: 8,
  L: 8,
  q: 8,
  Q: 8,
  n: 8,
  N: 8,
  P: 8,
  d: 8,
};

/** Integer formats' ranges: [min, max]. */
const INT_RANGE: Record<string, [bigint, bigint]> = {
  b: [-128n, 127n],
  B: [0n, 255n],
  h: [-32768n, 32767n],
  H: [0n, 65535n],
  i: [-(2n ** 31n), 2n ** 31n - 1n],
  I: [0n, 2n ** 32n - 1n],
  l: [-(2n ** 63n), 2n ** 63n - 1n],
  L: [0n, 2n ** 64n - 1n],
  q: [-(2n ** 63n), 2n ** 63n - 1n],
  Q: [0n, 2n ** 64n - 1n],
  n: [-(2n ** 63n), 2n ** 63n - 1n],
  N: [0n, 2n ** 64n - 1n],
  P: [0n, 2n ** 64n - 1n],
};

/** A format without its optional native prefix '@', or undefined when it is not a native one. */
export function nativeFormat(format: string): string | undefined {
  const f = format.startsWith("@") ? format.slice(1) : format;
  return f.length === 1 && ITEMSIZE[f] !== undefined ? f : undefined;
}

export class PyMemoryView extends PyObject {
  declare exporter: PyValue;
  declare view: BufferExport;
  declare released: boolean;
  constructor(exporter: PyValue, view: BufferExport) {
    super();
    this.cls = memoryviewType;
    this.dict = null;
    this.exporter = exporter;
    this.view = view;
    this.released = false;
  }
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function floatToHalf(x: number): number {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  if (x !== x) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) {
    raise(Exc.OverflowError, "float too large to pack with e format");
  }
  if (a < 2 ** -24 / 2) return sign;
  // Round to nearest even through the exact scaled value.
  let exp = Math.floor(Math.log2(a));
  if (2 ** exp > a) exp--;
  if (exp < -14) {
    const m = a / 2 ** -24;
    let r = Math.round(m);
    if (Math.abs(m - Math.trunc(m) - 0.5) < 1e-300 && r % 2 === 1) r--;
    return sign | r;
  }
  let m = (a / 2 ** exp - 1) * 1024;
  let r = Math.floor(m);
  const rest = m - r;
  if (rest > 0.5 || (rest === 0.5 && r % 2 === 1)) r++;
  if (r === 1024) {
    r = 0;
    exp++;
  }
  void u32;
  m = r;
  return sign | ((exp + 15) << 10) | m;
}

/** The element of `format` at byte `at` of memory. */
export function unpackElement(memory: Uint8Array, at: number, format: string): PyValue {
  const dv = new DataView(memory.buffer, memory.byteOffset, memory.byteLength);
  switch (format) {
    case "B":
      return memory[at];
    case "b":
      return dv.getInt8(at);
    case "c":
      return new PyBytes(memory.slice(at, at + 1));
    case "?":
      return memory[at] !== 0;
    case "h":
      return dv.getInt16(at, true);
    case "H":
      return dv.getUint16(at, true);
    case "i":
      return dv.getInt32(at, true);
    case "I":
      return dv.getUint32(at, true);
    case "l":
    case "q":
    case "n":
      return normalize(dv.getBigInt64(at, true));
    case "L":
    case "Q":
    case "N":
    case "P":
      return normalize(dv.getBigUint64(at, true));
    case "f":
      return new PyFloat(dv.getFloat32(at, true));
    case "d":
      return new PyFloat(dv.getFloat64(at, true));
    case "e":
      return new PyFloat(halfToFloat(dv.getUint16(at, true)));
  }
  return raise(Exc.NotImplementedError, `memoryview: format ${format} not supported`);
}

function normalize(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Stores value as an element of `format` at byte `at` of memory (memoryview's messages). */
export function packElement(memory: Uint8Array, at: number, format: string, value: PyValue): void {
  const dv = new DataView(memory.buffer, memory.byteOffset, memory.byteLength);
  const range = INT_RANGE[format];
  if (range !== undefined) {
    const i = intValueOf(value);
    if (i === undefined || value instanceof PyFloat) {
      raise(Exc.TypeError, `memoryview: invalid type for format '${format}'`);
    }
    const b = BigInt(i);
    if (b < range[0] || b > range[1]) {
      raise(Exc.ValueError, `memoryview: invalid value for format '${format}'`);
    }
    const size = ITEMSIZE[format];
    const signed = range[0] < 0n;
    if (size === 1) signed ? dv.setInt8(at, Number(b)) : dv.setUint8(at, Number(b));
    else if (size === 2) signed ? dv.setInt16(at, Number(b), true) : dv.setUint16(at, Number(b), true);
    else if (size === 4) signed ? dv.setInt32(at, Number(b), true) : dv.setUint32(at, Number(b), true);
    else signed ? dv.setBigInt64(at, b, true) : dv.setBigUint64(at, b, true);
    return;
  }
  switch (format) {
    case "c": {
      if (!(value instanceof PyBytes) || value.data.length !== 1) {
        raise(Exc.ValueError, "memoryview: invalid value for format 'c'");
      }
      memory[at] = value.data[0];
      return;
    }
    case "?":
      memory[at] = truthy(value) ? 1 : 0;
      return;
    case "f":
    case "d":
    case "e": {
      let x: number;
      if (value instanceof PyFloat) x = value.value;
      else {
        const i = intValueOf(value);
        if (i === undefined) raise(Exc.TypeError, `memoryview: invalid type for format '${format}'`);
        x = Number(i);
      }
      if (format === "f") dv.setFloat32(at, x, true);
      else if (format === "d") dv.setFloat64(at, x, true);
      else dv.setUint16(at, floatToHalf(x), true);
      return;
    }
  }
  raise(Exc.NotImplementedError, `memoryview: format ${format} not supported`);
}

function truthy(v: PyValue): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "string") return v.length > 0;
  if (v === None) return false;
  if (v instanceof PyFloat) return v.value !== 0;
  return true;
}

function self(args: PyValue[], name: string): PyMemoryView {
  const v = args[0];
  if (!(v instanceof PyMemoryView)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'memoryview' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v;
}

/** The view of a memoryview that is not released. */
function live(m: PyMemoryView): BufferExport {
  if (m.released) raise(Exc.ValueError, "operation forbidden on released memoryview object");
  return m.view;
}

function nbytes(v: BufferExport): number {
  return v.shape.reduce((a, n) => a * n, 1) * v.itemsize;
}

/** memoryview(obj). */
export function newMemoryView(obj: PyValue): PyMemoryView {
  const b = getBuffer(obj);
  if (b === undefined) {
    raise(Exc.TypeError, `memoryview: a bytes-like object is required, not '${typeOf(obj).name}'`);
  }
  const exporter = obj instanceof PyMemoryView ? obj.exporter : obj;
  return new PyMemoryView(exporter, { ...b, shape: [...b.shape], strides: [...b.strides] });
}

registerBufferExporter((v) => {
  if (!(v instanceof PyMemoryView)) return undefined;
  return live(v);
});

memoryviewType.tp_new = (_cls, args, kwnames) => {
  const [obj] = bindArgs("memoryview", args, kwnames, ["object"], 1, 1);
  return newMemoryView(obj!);
};
installNew(memoryviewType);

/** Elements of a (sub)view as nested lists. */
function toList(v: BufferExport, dim: number, at: number): PyValue {
  const memory = v.memory();
  if (dim === v.shape.length) return unpackElement(memory, at, v.format);
  const items: PyValue[] = [];
  for (let i = 0; i < v.shape[dim]; i++) items.push(toList(v, dim + 1, at + i * v.strides[dim]));
  return new PyList(items);
}

function indexArg(v: PyValue): number {
  const i = intValueOf(v);
  if (i !== undefined) return Number(i);
  if (typeOf(v).lookup("__index__") !== undefined) return Number(asIndex(v));
  return raise(Exc.TypeError, "memoryview: invalid slice key");
}

/** The byte position of element `index` of dimension `dim`. */
function elementAt(v: BufferExport, dim: number, base: number, index: number): number {
  const n = v.shape[dim];
  let i = index;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc.IndexError, `index out of bounds on dimension ${dim + 1}`);
  return base + i * v.strides[dim];
}

/** The byte position an element key (int or tuple of ints) designates. */
function keyPosition(v: BufferExport, key: PyValue): number {
  if (key instanceof PyTuple) {
    if (key.items.length !== v.shape.length) {
      if (key.items.length < v.shape.length) {
        raise(Exc.NotImplementedError, "sub-views are not implemented");
      }
      raise(
        Exc.TypeError,
        `cannot index ${v.shape.length}-dimension view with ${key.items.length}-element tuple`,
      );
    }
    let at = v.offset;
    key.items.forEach((k, dim) => {
      at = elementAt(v, dim, at, indexArg(k));
    });
    return at;
  }
  if (v.shape.length === 0) raise(Exc.TypeError, "invalid indexing of 0-dim memory");
  if (v.shape.length > 1) raise(Exc.NotImplementedError, "multi-dimensional sub-views are not implemented");
  return elementAt(v, 0, v.offset, indexArg(key));
}

defMethod(memoryviewType, "__getitem__", (args) => {
  const m = self(args, "__getitem__");
  const v = live(m);
  const key = args[1];
  if (key instanceof PySlice) {
    if (v.shape.length !== 1) {
      if (v.shape.length === 0) raise(Exc.TypeError, "invalid indexing of 0-dim memory");
      raise(Exc.NotImplementedError, "multi-dimensional slicing is not implemented");
    }
    const [start, , step, length] = sliceIndices(key, v.shape[0]);
    return new PyMemoryView(m.exporter, {
      ...v,
      offset: v.offset + start * v.strides[0],
      shape: [length],
      strides: [v.strides[0] * step],
    });
  }
  if (key instanceof PyTuple && key.items.length === 0 && v.shape.length === 0) {
    return unpackElement(v.memory(), v.offset, v.format);
  }
  if (key === None || typeof key === "string") raise(Exc.TypeError, "memoryview: invalid slice key");
  return unpackElement(v.memory(), keyPosition(v, key), v.format);
});

defMethod(memoryviewType, "__setitem__", (args) => {
  const m = self(args, "__setitem__");
  const v = live(m);
  if (v.readonly) raise(Exc.TypeError, "cannot modify read-only memory");
  const key = args[1], value = args[2];
  if (key instanceof PySlice) {
    if (v.shape.length !== 1) {
      raise(Exc.NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
    }
    const [start, , step, length] = sliceIndices(key, v.shape[0]);
    const source = getBuffer(value);
    if (source === undefined) {
      raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(value).name}'`);
    }
    const srcFormat = nativeFormat(source.format) ?? source.format;
    if (srcFormat !== v.format || source.shape.length !== 1 || source.shape[0] !== length) {
      raise(Exc.ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    }
    const bytes = bufferBytes(source).slice();
    const memory = v.memory();
    for (let i = 0; i < length; i++) {
      const at = v.offset + (start + i * step) * v.strides[0];
      memory.set(bytes.subarray(i * v.itemsize, (i + 1) * v.itemsize), at);
    }
    return None;
  }
  const at = key instanceof PyTuple && key.items.length === 0 && v.shape.length === 0
    ? v.offset
    : keyPosition(v, key);
  packElement(v.memory(), at, v.format, value);
  return None;
});

defMethod(memoryviewType, "__delitem__", (args) => {
  live(self(args, "__delitem__"));
  return raise(Exc.TypeError, "cannot delete memory");
});

defMethod(memoryviewType, "__len__", (args) => {
  const v = live(self(args, "__len__"));
  if (v.shape.length === 0) raise(Exc.TypeError, "0-dim memory has no length");
  return v.shape[0];
});

memoryviewType.tp_iter = (obj) => {
  const v = live(obj as PyMemoryView);
  if (v.shape.length === 0) raise(Exc.TypeError, "invalid indexing of 0-dim memory");
  if (v.shape.length > 1) raise(Exc.NotImplementedError, "multi-dimensional sub-views are not implemented");
  let i = 0;
  return makeIterator(memoryIteratorType, () => {
    if (i >= v.shape[0]) return undefined;
    return unpackElement(v.memory(), v.offset + (i++) * v.strides[0], v.format);
  });
};
defMethod(memoryviewType, "__iter__", (args) => memoryviewType.tp_iter!(self(args, "__iter__")));

defMethod(memoryviewType, "tolist", (args) => {
  checkMethodArgs("tolist", args, null, 0, 0);
  const v = live(self(args, "tolist"));
  return toList(v, 0, v.offset);
});

defMethod(memoryviewType, "tobytes", (args, kwnames) => {
  const m = self(args, "tobytes");
  const [order] = bindArgs("tobytes", args.slice(1), kwnames, ["order"], 0, 1);
  if (order !== undefined && order !== None) {
    const o = strValueOf(order);
    if (o === undefined || !["C", "F", "A"].includes(o)) {
      raise(Exc.ValueError, "order must be 'C', 'F' or 'A'");
    }
  }
  return new PyBytes(bufferBytes(live(m)).slice());
});

defMethod(memoryviewType, "hex", (args, kwnames) => {
  const m = self(args, "hex");
  const [sep, perSep] = bindArgs("hex", args.slice(1), kwnames, ["sep", "bytes_per_sep"], 0, 2);
  const bytes = bufferBytes(live(m));
  const hexes = Array.from(bytes, (x) => x.toString(16).padStart(2, "0"));
  if (sep === undefined || sep === None) return hexes.join("");
  let s = strValueOf(sep);
  if (s === undefined && sep instanceof PyBytes) s = String.fromCharCode(...sep.data);
  if (s === undefined) raise(Exc.TypeError, "sep must be str or bytes.");
  if (s.length !== 1) raise(Exc.ValueError, "sep must be length 1.");
  let group = perSep === undefined ? 1 : Number(asIndex(perSep));
  if (group === 0) return hexes.join("");
  // A positive count groups from the right, a negative one from the left.
  const fromLeft = group < 0;
  group = Math.abs(group);
  const parts: string[] = [];
  if (fromLeft) {
    for (let i = 0; i < hexes.length; i += group) parts.push(hexes.slice(i, i + group).join(""));
  } else {
    for (let end = hexes.length; end > 0; end -= group) {
      parts.unshift(hexes.slice(Math.max(0, end - group), end).join(""));
    }
  }
  return parts.join(s);
});

defMethod(memoryviewType, "release", (args) => {
  self(args, "release").released = true;
  return None;
});
defMethod(memoryviewType, "__enter__", (args) => {
  live(self(args, "__enter__"));
  return args[0];
});
defMethod(memoryviewType, "__exit__", (args) => {
  self(args, "__exit__").released = true;
  return None;
});

defMethod(memoryviewType, "toreadonly", (args) => {
  const m = self(args, "toreadonly");
  return new PyMemoryView(m.exporter, { ...live(m), readonly: true });
});

defMethod(memoryviewType, "cast", (args, kwnames) => {
  const m = self(args, "cast");
  const [formatArg, shapeArg] = bindArgs("cast", args.slice(1), kwnames, ["format", "shape"], 1);
  const v = live(m);
  const formatText = strValueOf(formatArg!);
  if (formatText === undefined) raise(Exc.TypeError, "memoryview: format argument must be a string");
  if (!isCContiguous(v)) raise(Exc.TypeError, "memoryview: casts are restricted to C-contiguous views");
  const format = nativeFormat(formatText);
  if (format === undefined) {
    raise(
      Exc.ValueError,
      "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    );
  }
  const itemsize = ITEMSIZE[format];
  const byteFormat = (f: string) => f === "B" || f === "b" || f === "c";
  if (!byteFormat(v.format) && !byteFormat(format)) {
    raise(Exc.TypeError, "memoryview: cannot cast between two non-byte formats");
  }
  const size = nbytes(v);
  let shape: number[];
  if (shapeArg === undefined || shapeArg === None) {
    if (size % itemsize !== 0) raise(Exc.TypeError, "memoryview: length is not a multiple of itemsize");
    shape = [size / itemsize];
  } else {
    if (!(shapeArg instanceof PyList) && !(shapeArg instanceof PyTuple)) {
      raise(Exc.TypeError, "shape must be a list or a tuple");
    }
    shape = shapeArg.items.map((x) => {
      const n = Number(asIndex(x));
      if (n <= 0) raise(Exc.ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      return n;
    });
    if (shape.length > 64) raise(Exc.ValueError, "memoryview: number of dimensions must not exceed 64");
    if (v.shape.length !== 1 && shape.length !== 1) {
      raise(Exc.TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    }
    if (shape.reduce((a, n) => a * n, 1) * itemsize !== size) {
      raise(Exc.TypeError, "memoryview: product(shape) * itemsize != buffer size");
    }
  }
  const strides: number[] = new Array(shape.length);
  let stride = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return new PyMemoryView(m.exporter, { ...v, format, itemsize, shape, strides });
});

defGetSet(memoryviewType, "obj", (m) => {
  live(m as PyMemoryView);
  return (m as PyMemoryView).exporter;
});
defGetSet(memoryviewType, "nbytes", (m) => nbytes(live(m as PyMemoryView)));
defGetSet(memoryviewType, "readonly", (m) => live(m as PyMemoryView).readonly);
defGetSet(memoryviewType, "itemsize", (m) => live(m as PyMemoryView).itemsize);
defGetSet(memoryviewType, "format", (m) => live(m as PyMemoryView).format);
defGetSet(memoryviewType, "ndim", (m) => live(m as PyMemoryView).shape.length);
defGetSet(memoryviewType, "shape", (m) => newTuple(live(m as PyMemoryView).shape));
defGetSet(memoryviewType, "strides", (m) => newTuple(live(m as PyMemoryView).strides));
defGetSet(memoryviewType, "suboffsets", (m) => {
  live(m as PyMemoryView);
  return newTuple([]);
});
defGetSet(memoryviewType, "c_contiguous", (m) => isCContiguous(live(m as PyMemoryView)));
defGetSet(memoryviewType, "f_contiguous", (m) => {
  const v = live(m as PyMemoryView);
  return v.shape.length <= 1 ? isCContiguous(v) : v.shape.reduce((a, n) => a * n, 1) <= 1;
});
defGetSet(memoryviewType, "contiguous", (m) => isCContiguous(live(m as PyMemoryView)));

defMethod(memoryviewType, "__repr__", (args) => {
  const m = self(args, "__repr__");
  const address = "0x" + objectId(m).toString(16);
  return m.released ? `<released memory at ${address}>` : `<memory at ${address}>`;
});

/** Element lists of two buffers, for ==. */
function flatElements(v: BufferExport): PyValue[] {
  const out: PyValue[] = [];
  const memory = v.memory();
  const walk = (dim: number, at: number): void => {
    if (dim === v.shape.length) {
      out.push(unpackElement(memory, at, nativeFormat(v.format) ?? v.format));
      return;
    }
    for (let i = 0; i < v.shape[dim]; i++) walk(dim + 1, at + i * v.strides[dim]);
  };
  walk(0, v.offset);
  return out;
}

function sameValue(a: PyValue, b: PyValue): boolean {
  const x = a instanceof PyFloat
    ? a.value
    : a instanceof PyBytes
    ? a.data[0]
    : typeof a === "boolean"
    ? +a
    : a;
  const y = b instanceof PyFloat
    ? b.value
    : b instanceof PyBytes
    ? b.data[0]
    : typeof b === "boolean"
    ? +b
    : b;
  // deno-lint-ignore eqeqeq
  return x == y;
}

defMethod(memoryviewType, "__eq__", (args) => {
  const m = self(args, "__eq__");
  const other = args[1];
  if (other === m) return true;
  if (m.released || (other instanceof PyMemoryView && other.released)) return false;
  const b = getBuffer(other);
  if (b === undefined) return NotImplemented;
  const a = m.view;
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return false;
  const x = flatElements(a), y = flatElements(b);
  return x.every((v, i) => sameValue(v, y[i]));
});
defMethod(memoryviewType, "__ne__", (args) => {
  const m = self(args, "__ne__");
  const other = args[1];
  if (other === m) return false;
  if (m.released || (other instanceof PyMemoryView && other.released)) return true;
  const b = getBuffer(other);
  if (b === undefined) return NotImplemented;
  const a = m.view;
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return true;
  const x = flatElements(a), y = flatElements(b);
  return !x.every((v, i) => sameValue(v, y[i]));
});

defMethod(memoryviewType, "__hash__", (args) => {
  const m = self(args, "__hash__");
  const v = live(m);
  if (!v.readonly) raise(Exc.ValueError, "cannot hash writable memoryview object");
  if (!["B", "b", "c"].includes(v.format)) {
    raise(Exc.ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  }
  return hash(new PyBytes(bufferBytes(v).slice()));
});
