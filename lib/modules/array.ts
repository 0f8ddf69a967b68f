/**
 * The `array` module of CPython 3.11: array.array, a compact sequence of one C number type per
 * typecode (b B u h H i I l L q Q f d) kept in a little-endian byte buffer → the module object.
 * It exports its memory through the buffer protocol (memoryview, bytes(), file writes), and
 * converts items with CPython's messages ("signed char is greater than maximum", …).
 *
 * @example
 * ```ts
 * import { makeArrayModule } from "./array.ts";
 * const array = makeArrayModule();
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
  placeCType,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  PyModule,
  PyObject,
  PySlice,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import {
  asIndex,
  call,
  getAttr,
  getIter,
  intValueOf,
  iterNext,
  lessThan,
  repr,
  richEq,
  strValueOf,
} from "../../objects/ops.ts";
import { makeIterator, newIteratorType } from "../../objects/types/iterators.ts";
import { sliceIndices } from "../../objects/types/seq.ts";
import { installNew } from "../../objects/types/type.ts";
import { bufferBytes, getBuffer, registerBufferExporter } from "../../objects/types/buffer.ts";
import { unpackElement } from "../../objects/types/memoryview.ts";
import { toFloat } from "./math.ts";

const TYPECODES = "bBuhHiIlLqQfd";
const ITEMSIZE: Record<string, number> = {
  b: 1,
  B: 1,
  u: 4,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 8,
  L: 8,
  q: 8,
  Q: 8,
  f: 4,
  d: 8,
};
/** CPython's machine format codes (array._array_reconstructor's third argument). */
const MACHINE_FORMAT: Record<string, number> = {
  b: 1,
  B: 0,
  u: 20,
  h: 4,
  H: 2,
  i: 8,
  I: 6,
  l: 12,
  L: 10,
  q: 12,
  Q: 10,
  f: 14,
  d: 16,
};

/** Range checks of the small integer typecodes, in order: [min, max, name in CPython's messages]. */
const SHORT: [number, number, string] = [-32768, 32767, "signed short integer"];
const INT: [number, number, string] = [-(2 ** 31), 2 ** 31 - 1, "signed integer"];
const RANGE_CHECKS: Record<string, [number, number, string][]> = {
  b: [SHORT, [-128, 127, "signed char"]],
  B: [[0, 255, "unsigned byte integer"]],
  h: [SHORT],
  H: [INT, [0, 65535, "unsigned short"]],
  i: [INT],
};

const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n, ULONG_MAX = 2n ** 64n - 1n;

export const arrayType: PyType = newBuiltinType("array");
placeCType(arrayType, "array");
const arrayIteratorType = newIteratorType("arrayiterator");

export class PyArray extends PyObject {
  declare typecode: string;
  declare itemsize: number;
  /** Storage; the first length * itemsize bytes are the items. */
  declare bytes: Uint8Array;
  declare length: number;
  constructor(cls: PyType, typecode: string) {
    super();
    this.cls = cls;
    this.dict = null;
    this.typecode = typecode;
    this.itemsize = ITEMSIZE[typecode];
    this.bytes = new Uint8Array(0);
    this.length = 0;
  }

  get nbytes(): number {
    return this.length * this.itemsize;
  }

  /** Makes room for n items in total. */
  reserve(n: number): void {
    const needed = n * this.itemsize;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2, 16));
    grown.set(this.bytes.subarray(0, this.nbytes));
    this.bytes = grown;
  }

  view(): DataView {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  get(i: number): PyValue {
    if (this.typecode === "u") return String.fromCodePoint(this.view().getUint32(i * 4, true));
    return unpackElement(this.bytes, i * this.itemsize, this.typecode);
  }

  set(i: number, value: PyValue): void {
    storeItem(this, i, value);
  }

  push(value: PyValue): void {
    this.reserve(this.length + 1);
    this.set(this.length, value);
    this.length++;
  }

  content(): Uint8Array {
    return this.bytes.subarray(0, this.nbytes);
  }

  replaceContent(data: Uint8Array): void {
    this.bytes = data.slice();
    this.length = data.length / this.itemsize;
  }
}

/** An integer item as CPython's converters check it. */
function intItem(tc: string, value: PyValue): bigint {
  if (value instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
  let i = intValueOf(value);
  if (i === undefined) {
    if (typeOf(value).lookup("__index__") === undefined) {
      raise(Exc.TypeError, `'${typeOf(value).name}' object cannot be interpreted as an integer`);
    }
    i = asIndex(value);
  }
  const b = BigInt(i);
  const checks = RANGE_CHECKS[tc];
  if (checks !== undefined || tc === "l") {
    if (b < LONG_MIN || b > LONG_MAX) raise(Exc.OverflowError, "Python int too large to convert to C long");
    // CPython parses some typecodes through a wider C type first (b via short, H via int).
    for (const [min, max, name] of checks ?? []) {
      if (b < BigInt(min)) raise(Exc.OverflowError, `${name} is less than minimum`);
      if (b > BigInt(max)) raise(Exc.OverflowError, `${name} is greater than maximum`);
    }
    return b;
  }
  if (tc === "I" || tc === "L") {
    if (b > ULONG_MAX) raise(Exc.OverflowError, "Python int too large to convert to C unsigned long");
    if (b < 0n) raise(Exc.OverflowError, "can't convert negative value to unsigned int");
    if (tc === "I" && b > 2n ** 32n - 1n) raise(Exc.OverflowError, "unsigned int is greater than maximum");
    return b;
  }
  if (tc === "q") {
    if (b < LONG_MIN || b > LONG_MAX) raise(Exc.OverflowError, "int too big to convert");
    return b;
  }
  // Q
  if (b > ULONG_MAX) raise(Exc.OverflowError, "int too big to convert");
  if (b < 0n) raise(Exc.OverflowError, "can't convert negative int to unsigned");
  return b;
}

function storeItem(a: PyArray, i: number, value: PyValue): void {
  const tc = a.typecode;
  const dv = a.view();
  const at = i * a.itemsize;
  switch (tc) {
    case "f":
      dv.setFloat32(at, toFloat(value), true);
      return;
    case "d":
      dv.setFloat64(at, toFloat(value), true);
      return;
    case "u": {
      const s = strValueOf(value);
      if (s === undefined || [...s].length !== 1) {
        raise(Exc.TypeError, "array item must be unicode character");
      }
      dv.setUint32(at, s.codePointAt(0)!, true);
      return;
    }
  }
  const b = intItem(tc, value);
  switch (tc) {
    case "b":
      dv.setInt8(at, Number(b));
      return;
    case "B":
      dv.setUint8(at, Number(b));
      return;
    case "h":
      dv.setInt16(at, Number(b), true);
      return;
    case "H":
      dv.setUint16(at, Number(b), true);
      return;
    case "i":
      dv.setInt32(at, Number(b), true);
      return;
    case "I":
      dv.setUint32(at, Number(b), true);
      return;
    case "l":
    case "q":
      dv.setBigInt64(at, b, true);
      return;
    default:
      dv.setBigUint64(at, b, true);
  }
}

function self(args: PyValue[], name: string): PyArray {
  const v = args[0];
  if (!(v instanceof PyArray)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'array.array' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v;
}

function newArray(cls: PyType, tc: string): PyArray {
  return new PyArray(cls, tc);
}

/** Appends every item of an iterable (converted one by one: a bad item stops the extension). */
function extendFrom(a: PyArray, iterable: PyValue): void {
  if (iterable instanceof PyArray) {
    if (iterable.typecode !== a.typecode) raise(Exc.TypeError, "can only extend with array of same kind");
    const data = iterable.content().slice();
    a.reserve(a.length + iterable.length);
    a.bytes.set(data, a.nbytes);
    a.length += iterable.length;
    return;
  }
  const it = getIter(iterable);
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) return;
    a.push(v);
  }
}

function fromBytes(a: PyArray, data: Uint8Array): void {
  if (data.length % a.itemsize !== 0) raise(Exc.ValueError, "bytes length not a multiple of item size");
  const n = data.length / a.itemsize;
  a.reserve(a.length + n);
  a.bytes.set(data, a.nbytes);
  a.length += n;
}

arrayType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, "array.array() takes no keyword arguments");
  }
  if (args.length < 1 || args.length > 2) {
    raise(Exc.TypeError, `array() takes at most 2 arguments (${args.length} given)`);
  }
  const tc = strValueOf(args[0]);
  if (tc === undefined || tc.length !== 1) {
    raise(Exc.TypeError, `array() argument 1 must be a unicode character, not ${typeOf(args[0]).name}`);
  }
  if (!TYPECODES.includes(tc)) {
    raise(Exc.ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  const a = newArray(cls, tc);
  if (args.length === 2) {
    const init = args[1];
    const s = strValueOf(init);
    if (s !== undefined) {
      if (tc !== "u") raise(Exc.TypeError, `cannot use a str to initialize an array with typecode '${tc}'`);
      for (const ch of s) a.push(ch);
    } else if (init instanceof PyBytes) {
      fromBytes(a, init.data);
    } else if (init instanceof PyArray && init.typecode === "u" && tc !== "u") {
      raise(Exc.TypeError, `cannot use a unicode array to initialize an array with typecode '${tc}'`);
    } else {
      extendFromConverting(a, init);
    }
  }
  return a;
};
installNew(arrayType);

/** The constructor's initializer: any iterable, arrays of other typecodes item by item. */
function extendFromConverting(a: PyArray, init: PyValue): void {
  if (init instanceof PyArray && init.typecode !== a.typecode) {
    for (let i = 0; i < init.length; i++) a.push(init.get(i));
    return;
  }
  extendFrom(a, init);
}

registerBufferExporter((v) => {
  if (!(v instanceof PyArray)) return undefined;
  const a = v;
  return {
    memory: () => a.bytes,
    offset: 0,
    format: a.typecode === "u" ? "w" : a.typecode,
    itemsize: a.itemsize,
    readonly: false,
    shape: [a.length],
    strides: [a.itemsize],
  };
});

function indexOf(a: PyArray, v: PyValue): number {
  let i = intValueOf(v);
  if (i === undefined) {
    if (typeOf(v).lookup("__index__") === undefined) raise(Exc.TypeError, "array indices must be integers");
    i = asIndex(v);
  }
  let n = Number(i);
  if (n < 0) n += a.length;
  return n;
}

defMethod(arrayType, "__len__", (args) => self(args, "__len__").length);
defMethod(arrayType, "__getitem__", (args) => {
  const a = self(args, "__getitem__");
  const key = args[1];
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, a.length);
    const out = newArray(arrayType, a.typecode);
    out.reserve(length);
    for (let k = 0; k < length; k++) {
      const from = (start + k * step) * a.itemsize;
      out.bytes.set(a.bytes.subarray(from, from + a.itemsize), k * a.itemsize);
    }
    out.length = length;
    return out;
  }
  const i = indexOf(a, key);
  if (i < 0 || i >= a.length) raise(Exc.IndexError, "array index out of range");
  return a.get(i);
});
defMethod(arrayType, "__setitem__", (args) => {
  const a = self(args, "__setitem__");
  const key = args[1], value = args[2];
  if (key instanceof PySlice) {
    if (!(value instanceof PyArray)) {
      raise(Exc.TypeError, `can only assign array (not "${typeOf(value).name}") to array slice`);
    }
    if (value.typecode !== a.typecode) raise(Exc.TypeError, "bad argument type for built-in operation");
    const [start, stop, step, length] = sliceIndices(key, a.length);
    const data = value.content().slice();
    if (step === 1) {
      const before = a.content().slice(0, start * a.itemsize);
      const after = a.content().slice(Math.max(stop, start) * a.itemsize);
      const joined = new Uint8Array(before.length + data.length + after.length);
      joined.set(before);
      joined.set(data, before.length);
      joined.set(after, before.length + data.length);
      a.replaceContent(joined);
      return None;
    }
    if (value.length !== length) {
      raise(
        Exc.ValueError,
        `attempt to assign array of size ${value.length} to extended slice of size ${length}`,
      );
    }
    for (let k = 0; k < length; k++) {
      a.bytes.set(data.subarray(k * a.itemsize, (k + 1) * a.itemsize), (start + k * step) * a.itemsize);
    }
    return None;
  }
  const i = indexOf(a, key);
  if (i < 0 || i >= a.length) raise(Exc.IndexError, "array assignment index out of range");
  a.set(i, value);
  return None;
});
defMethod(arrayType, "__delitem__", (args) => {
  const a = self(args, "__delitem__");
  const key = args[1];
  const keep: boolean[] = new Array(a.length).fill(true);
  if (key instanceof PySlice) {
    const [start, , step, length] = sliceIndices(key, a.length);
    for (let k = 0; k < length; k++) keep[start + k * step] = false;
  } else {
    const i = indexOf(a, key);
    if (i < 0 || i >= a.length) raise(Exc.IndexError, "array assignment index out of range");
    keep[i] = false;
  }
  removeWhere(a, keep);
  return None;
});

function removeWhere(a: PyArray, keep: boolean[]): void {
  const kept = keep.filter((k) => k).length;
  const out = new Uint8Array(kept * a.itemsize);
  let pos = 0;
  for (let i = 0; i < a.length; i++) {
    if (!keep[i]) continue;
    out.set(a.bytes.subarray(i * a.itemsize, (i + 1) * a.itemsize), pos);
    pos += a.itemsize;
  }
  a.replaceContent(out);
}

arrayType.tp_iter = (obj) => {
  const a = obj as PyArray;
  let i = 0;
  return makeIterator(arrayIteratorType, () => (i < a.length ? a.get(i++) : undefined));
};
defMethod(arrayType, "__iter__", (args) => arrayType.tp_iter!(self(args, "__iter__")));
defMethod(arrayType, "__contains__", (args) => {
  const a = self(args, "__contains__");
  for (let i = 0; i < a.length; i++) if (richEq(a.get(i), args[1])) return true;
  return false;
});

defMethod(arrayType, "append", (args) => {
  checkMethodArgs("append", args, null, 1, 1);
  self(args, "append").push(args[1]);
  return None;
});
defMethod(arrayType, "extend", (args) => {
  checkMethodArgs("extend", args, null, 1, 1);
  extendFrom(self(args, "extend"), args[1]);
  return None;
});
defMethod(arrayType, "insert", (args) => {
  checkMethodArgs("insert", args, null, 2, 2);
  const a = self(args, "insert");
  let i = Number(asIndex(args[1]));
  if (i < 0) i = Math.max(0, i + a.length);
  if (i > a.length) i = a.length;
  const scratch = newArray(arrayType, a.typecode);
  scratch.push(args[2]);
  const data = a.content();
  const joined = new Uint8Array(data.length + a.itemsize);
  joined.set(data.subarray(0, i * a.itemsize));
  joined.set(scratch.content(), i * a.itemsize);
  joined.set(data.subarray(i * a.itemsize), (i + 1) * a.itemsize);
  a.replaceContent(joined);
  return None;
});
defMethod(arrayType, "pop", (args) => {
  checkMethodArgs("pop", args, null, 0, 1);
  const a = self(args, "pop");
  if (a.length === 0) raise(Exc.IndexError, "pop from empty array");
  let i = args.length > 1 ? Number(asIndex(args[1])) : -1;
  if (i < 0) i += a.length;
  if (i < 0 || i >= a.length) raise(Exc.IndexError, "pop index out of range");
  const v = a.get(i);
  const keep = new Array(a.length).fill(true);
  keep[i] = false;
  removeWhere(a, keep);
  return v;
});
defMethod(arrayType, "remove", (args) => {
  checkMethodArgs("remove", args, null, 1, 1);
  const a = self(args, "remove");
  for (let i = 0; i < a.length; i++) {
    if (richEq(a.get(i), args[1])) {
      const keep = new Array(a.length).fill(true);
      keep[i] = false;
      removeWhere(a, keep);
      return None;
    }
  }
  return raise(Exc.ValueError, "array.remove(x): x not in array");
});
defMethod(arrayType, "index", (args) => {
  checkMethodArgs("index", args, null, 1, 3);
  const a = self(args, "index");
  const clamp = (v: PyValue | undefined, dflt: number) => {
    if (v === undefined) return dflt;
    let n = Number(asIndex(v));
    if (n < 0) n = Math.max(0, n + a.length);
    return Math.min(n, a.length);
  };
  const start = clamp(args[2], 0), stop = clamp(args[3], a.length);
  for (let i = start; i < stop; i++) if (richEq(a.get(i), args[1])) return i;
  return raise(Exc.ValueError, "array.index(x): x not in array");
});
defMethod(arrayType, "count", (args) => {
  checkMethodArgs("count", args, null, 1, 1);
  const a = self(args, "count");
  let n = 0;
  for (let i = 0; i < a.length; i++) if (richEq(a.get(i), args[1])) n++;
  return n;
});
defMethod(arrayType, "reverse", (args) => {
  const a = self(args, "reverse");
  const items = Array.from(
    { length: a.length },
    (_, i) => a.content().slice(i * a.itemsize, (i + 1) * a.itemsize),
  );
  items.reverse().forEach((b, i) => a.bytes.set(b, i * a.itemsize));
  return None;
});
defMethod(arrayType, "byteswap", (args) => {
  const a = self(args, "byteswap");
  for (let i = 0; i < a.length; i++) a.bytes.subarray(i * a.itemsize, (i + 1) * a.itemsize).reverse();
  return None;
});
defMethod(arrayType, "buffer_info", (args) => {
  const a = self(args, "buffer_info");
  return newTuple([0x7f0000100000, a.length]);
});
defMethod(arrayType, "tobytes", (args) => new PyBytes(self(args, "tobytes").content().slice()));
defMethod(arrayType, "frombytes", (args) => {
  checkMethodArgs("frombytes", args, null, 1, 1);
  const a = self(args, "frombytes");
  const b = getBuffer(args[1]);
  if (b === undefined) raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(args[1]).name}'`);
  fromBytes(a, bufferBytes(b).slice());
  return None;
});
defMethod(arrayType, "tolist", (args) => {
  const a = self(args, "tolist");
  return new PyList(Array.from({ length: a.length }, (_, i) => a.get(i)));
});
defMethod(arrayType, "fromlist", (args) => {
  checkMethodArgs("fromlist", args, null, 1, 1);
  const a = self(args, "fromlist");
  if (!(args[1] instanceof PyList)) raise(Exc.TypeError, "arg must be list");
  // All or nothing: a bad item leaves the array unchanged.
  const scratch = newArray(arrayType, a.typecode);
  for (const v of args[1].items) scratch.push(v);
  fromBytes(a, scratch.content().slice());
  return None;
});
defMethod(arrayType, "tounicode", (args) => {
  const a = self(args, "tounicode");
  if (a.typecode !== "u") raise(Exc.ValueError, "tounicode() may only be called on unicode type arrays");
  let s = "";
  for (let i = 0; i < a.length; i++) s += a.get(i) as string;
  return s;
});
defMethod(arrayType, "fromunicode", (args) => {
  checkMethodArgs("fromunicode", args, null, 1, 1);
  const a = self(args, "fromunicode");
  const s = strValueOf(args[1]);
  if (s === undefined) {
    raise(Exc.TypeError, `fromunicode() argument must be str, not ${typeOf(args[1]).name}`);
  }
  if (a.typecode !== "u") raise(Exc.ValueError, "fromunicode() may only be called on unicode type arrays");
  for (const ch of s) a.push(ch);
  return None;
});
defMethod(arrayType, "tofile", (args) => {
  checkMethodArgs("tofile", args, null, 1, 1);
  const a = self(args, "tofile");
  call(getAttr(args[1], "write"), [new PyBytes(a.content().slice())]);
  return None;
});
defMethod(arrayType, "fromfile", (args) => {
  checkMethodArgs("fromfile", args, null, 2, 2);
  const a = self(args, "fromfile");
  const n = Number(asIndex(args[2]));
  if (n < 0) raise(Exc.ValueError, "negative count");
  const data = callRead(args[1], n * a.itemsize);
  const whole = Math.floor(data.length / a.itemsize) * a.itemsize;
  fromBytes(a, data.subarray(0, whole));
  if (data.length < n * a.itemsize) raise(Exc.EOFError, "read() didn't return enough bytes");
  return None;
});

function callRead(file: PyValue, n: number): Uint8Array {
  const r = call(getAttr(file, "read"), [n]);
  if (!(r instanceof PyBytes)) raise(Exc.TypeError, "read() didn't return bytes");
  return r.data;
}

defGetSet(arrayType, "typecode", (a) => (a as PyArray).typecode);
defGetSet(arrayType, "itemsize", (a) => (a as PyArray).itemsize);

defMethod(arrayType, "__repr__", (args) => {
  const a = self(args, "__repr__");
  const name = a.cls === arrayType ? "array" : a.cls.name;
  if (a.length === 0) return `${name}('${a.typecode}')`;
  if (a.typecode === "u") {
    let s = "";
    for (let i = 0; i < a.length; i++) s += a.get(i) as string;
    return `${name}('u', ${repr(s)})`;
  }
  const items: string[] = [];
  for (let i = 0; i < a.length; i++) items.push(repr(a.get(i)));
  return `${name}('${a.typecode}', [${items.join(", ")}])`;
});

function concat(a: PyArray, b: PyValue): PyArray {
  if (!(b instanceof PyArray)) {
    raise(Exc.TypeError, `can only append array (not "${typeOf(b).name}") to array`);
  }
  if (b.typecode !== a.typecode) raise(Exc.TypeError, "bad argument type for built-in operation");
  const out = newArray(arrayType, a.typecode);
  fromBytes(out, a.content().slice());
  fromBytes(out, b.content().slice());
  return out;
}

function repeat(a: PyArray, n: PyValue): PyArray {
  const count = intValueOf(n);
  if (count === undefined) return NotImplemented as unknown as PyArray;
  const times = Math.max(0, Number(count));
  const data = a.content();
  const out = new Uint8Array(data.length * times);
  for (let k = 0; k < times; k++) out.set(data, k * data.length);
  const r = newArray(arrayType, a.typecode);
  r.replaceContent(out);
  return r;
}

defMethod(arrayType, "__add__", (args) => concat(self(args, "__add__"), args[1]));
defMethod(arrayType, "__iadd__", (args) => {
  const a = self(args, "__iadd__");
  if (!(args[1] instanceof PyArray)) {
    raise(Exc.TypeError, `can only extend array with array (not "${typeOf(args[1]).name}")`);
  }
  extendFrom(a, args[1]);
  return a;
});
defMethod(arrayType, "__mul__", (args) => repeat(self(args, "__mul__"), args[1]));
defMethod(arrayType, "__rmul__", (args) => repeat(self(args, "__rmul__"), args[1]));
defMethod(arrayType, "__imul__", (args) => {
  const a = self(args, "__imul__");
  const r = repeat(a, args[1]);
  if ((r as unknown) === NotImplemented) return NotImplemented;
  a.replaceContent(r.content());
  return a;
});

const COMPARE: [string, (c: number) => boolean][] = [
  ["__lt__", (c) => c < 0],
  ["__le__", (c) => c <= 0],
  ["__gt__", (c) => c > 0],
  ["__ge__", (c) => c >= 0],
];
function compareArrays(a: PyArray, b: PyArray): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.get(i), y = b.get(i);
    if (!richEq(x, y)) return lessThan(x, y) ? -1 : 1;
  }
  return a.length - b.length;
}
for (const [name, test] of COMPARE) {
  defMethod(arrayType, name, (args) => {
    const a = self(args, name);
    if (!(args[1] instanceof PyArray)) return NotImplemented;
    return test(compareArrays(a, args[1]));
  });
}
defMethod(arrayType, "__eq__", (args) => {
  const a = self(args, "__eq__");
  const b = args[1];
  if (!(b instanceof PyArray)) return NotImplemented;
  if (a.length !== b.length) return false;
  return compareArrays(a, b) === 0;
});
defMethod(arrayType, "__ne__", (args) => {
  const a = self(args, "__ne__");
  const b = args[1];
  if (!(b instanceof PyArray)) return NotImplemented;
  if (a.length !== b.length) return true;
  return compareArrays(a, b) !== 0;
});
arrayType.attrs.set("__hash__", None);

defMethod(arrayType, "__copy__", (args) => {
  const a = self(args, "__copy__");
  const c = newArray(a.cls, a.typecode);
  fromBytes(c, a.content().slice());
  return c;
});
defMethod(arrayType, "__deepcopy__", (args) => {
  const a = self(args, "__deepcopy__");
  const c = newArray(a.cls, a.typecode);
  fromBytes(c, a.content().slice());
  return c;
});

let reconstructor: PyBuiltinFunction | null = null;

defMethod(arrayType, "__reduce_ex__", (args) => {
  const a = self(args, "__reduce_ex__");
  const proto = Number(asIndex(args[1]));
  const state = a.dict !== null && a.dict.size > 0 ? a.dict : None;
  if (proto < 3) {
    const list = new PyList(Array.from({ length: a.length }, (_, i) => a.get(i)));
    return newTuple([a.cls, newTuple([a.typecode, list]), state]);
  }
  return newTuple([
    reconstructor!,
    newTuple([a.cls, a.typecode, MACHINE_FORMAT[a.typecode], new PyBytes(a.content().slice())]),
    state,
  ]);
});

function arrayReconstructor(args: PyValue[], kwnames: string[] | null): PyValue {
  const [cls, tc, mformat, items] = bindArgs(
    "_array_reconstructor",
    args,
    kwnames,
    [
      "arraytype",
      "typecode",
      "mformat_code",
      "items",
    ],
    4,
    4,
  );
  const code = strValueOf(tc!);
  if (code === undefined || !TYPECODES.includes(code)) {
    raise(Exc.ValueError, "second argument must be a valid type code");
  }
  if (Number(asIndex(mformat!)) !== MACHINE_FORMAT[code]) {
    raise(
      Exc.NotImplementedError,
      "array._array_reconstructor with a foreign machine format is not supported by pyjit",
    );
  }
  if (!(items instanceof PyBytes)) {
    raise(Exc.TypeError, `fourth argument should be bytes, not ${typeOf(items!).name}`);
  }
  const a = newArray(cls as PyType, code);
  fromBytes(a, items.data.slice());
  return a;
}

/** Builds the array module. */
export function makeArrayModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("array", d);
  d.setStr(
    "__doc__",
    "This module defines an object type which can efficiently represent\nan array of basic values.",
  );
  d.setStr("array", arrayType);
  d.setStr("ArrayType", arrayType);
  d.setStr("typecodes", TYPECODES);
  reconstructor = new PyBuiltinFunction("_array_reconstructor", arrayReconstructor, null, "array");
  d.setStr("_array_reconstructor", reconstructor);
  return m;
}
