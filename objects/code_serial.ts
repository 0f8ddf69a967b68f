/**
 * pyjit's own marshal format for compiled code: a `PyCode` (with its nested code objects and
 * constants) → bytes, and bytes → an equal `PyCode`. The compile cache (vm/code_cache.ts) keeps
 * these bytes so that importing a module compiles it once, as CPython's `.pyc` files do.
 *
 * The bytes are never read by anything but this decoder, and only under a key that covers the
 * format (FORMAT_VERSION) and the compiler that made them, so the format has no compatibility
 * promises. Layout: a string table (each distinct string once), then the code tree. Integers are
 * LEB128 varints (zigzag for signed values); floats are 8 raw bytes; the bytecode, line and
 * position tables are their typed arrays' raw bytes (in this machine's byte order: the cache is
 * local), so that decoding them is one copy. The source text is not stored: the caller has it and
 * attaches it to every code object, as the compiler does.
 *
 * @example
 * ```ts
 * import { decodeCode, encodeCode } from "./code_serial.ts";
 * // const bytes = encodeCode(code); const again = decodeCode(bytes, code.source);
 * ```
 * @module
 */
import { ByteBuffer } from "./byte_buffer.ts";
import { type CodeBody, PyCode } from "./code.ts";
import {
  Ellipsis,
  Exc,
  frozensetType,
  newSet,
  None,
  PyBytes,
  PyComplex,
  PyFloat,
  PySet,
  PyTuple,
  type PyValue,
  raise,
} from "./object.ts";

/**
 * The items a constant frozenset was built from, in the order they were added (the compiler
 * records it): adding them in that order again gives the same table, and so the same iteration
 * order, which rebuilding from the iteration order does not always give.
 */
export const frozensetBuildOrder: WeakMap<PySet, PyValue[]> = new WeakMap();

/** Bumped whenever the layout below changes (the cache key includes it). */
export const FORMAT_VERSION = 6;

/** One tag per kind of constant. */
const enum Tag {
  None,
  True,
  False,
  Int,
  BigInt,
  Float,
  Complex,
  Str,
  Bytes,
  Tuple,
  Frozenset,
  Ellipsis,
  Code,
}

// ---------------------------------------------------------------------------------------------
// Encoding

class Writer extends ByteBuffer {
  private strings = new Map<string, number>();
  stringList: string[] = [];

  constructor() {
    super(4096);
  }

  /** An unsigned integer up to 2**53. */
  uint(n: number): void {
    this.reserve(8);
    while (n >= 0x80) {
      this.bytes[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.length++] = n;
  }

  /** A signed integer of magnitude up to 2**52 (zigzag). */
  int(n: number): void {
    this.uint(n < 0 ? -2 * n - 1 : 2 * n);
  }

  float(x: number): void {
    this.reserve(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, x, true);
    this.length += 8;
  }

  str(s: string): void {
    let index = this.strings.get(s);
    if (index === undefined) {
      index = this.stringList.length;
      this.strings.set(s, index);
      this.stringList.push(s);
    }
    this.uint(index);
  }

  strs(list: string[]): void {
    this.uint(list.length);
    for (const s of list) this.str(s);
  }

  /** A typed array's elements, as raw bytes starting at a multiple of 4 (so they decode as a view). */
  array(list: Uint16Array | Int32Array): void {
    this.uint(list.byteLength);
    this.align();
    this.data(new Uint8Array(list.buffer, list.byteOffset, list.byteLength));
  }

  align(): void {
    while (this.length % 4 !== 0) this.byte(0);
  }

  raw(data: Uint8Array): void {
    this.uint(data.length);
    this.data(data);
  }
}

function writeValue(w: Writer, v: PyValue): void {
  switch (typeof v) {
    case "boolean":
      w.byte(v ? Tag.True : Tag.False);
      return;
    case "number":
      w.byte(Tag.Int);
      w.int(v);
      return;
    case "bigint":
      w.byte(Tag.BigInt);
      w.str(v.toString(36));
      return;
    case "string":
      w.byte(Tag.Str);
      w.str(v);
      return;
  }
  if (v === None) w.byte(Tag.None);
  else if (v === Ellipsis) w.byte(Tag.Ellipsis);
  else if (v instanceof PyFloat) {
    w.byte(Tag.Float);
    w.float(v.value);
  } else if (v instanceof PyComplex) {
    w.byte(Tag.Complex);
    w.float(v.real);
    w.float(v.imag);
  } else if (v instanceof PyBytes) {
    w.byte(Tag.Bytes);
    w.raw(v.data);
  } else if (v instanceof PyTuple) {
    w.byte(Tag.Tuple);
    w.uint(v.items.length);
    for (const item of v.items) writeValue(w, item);
  } else if (v instanceof PySet && v.cls === frozensetType) {
    const items = frozensetBuildOrder.get(v) ?? v.items();
    w.byte(Tag.Frozenset);
    w.uint(items.length);
    for (const item of items) writeValue(w, item);
  } else if (v instanceof PyCode) {
    w.byte(Tag.Code);
    writeCode(w, v);
  } else {
    throw new TypeError(`code_serial: a constant of kind ${v.cls.name} cannot be stored`);
  }
}

function writeCode(w: Writer, c: PyCode): void {
  c.ensureBody();
  // The head: what making a function of the code, binding a call's arguments and the co_*
  // attributes of its signature read.
  w.uint(c.argcount);
  w.uint(c.posonlyargcount);
  w.uint(c.kwonlyargcount);
  w.uint(c.flags);
  w.str(c.name);
  w.str(c.qualname);
  w.str(c.filename);
  w.int(c.firstlineno);
  w.uint(c.stacksize);
  w.strs(c.varnames);
  w.strs(c.cellvars);
  w.strs(c.freevars);
  const first = c.consts.length > 0 ? c.consts[0] : None;
  if (typeof first === "string") {
    w.uint(1);
    w.str(first);
  } else {
    w.uint(0);
  }
  // The body, after its byte length (4 bytes, patched once written), so that a reader can skip
  // it until the code first runs.
  w.align();
  const lengthAt = w.length;
  w.reserve(4);
  w.length += 4;
  w.array(c.code);
  w.uint(c.consts.length);
  for (const k of c.consts) writeValue(w, k);
  w.strs(c.names);
  w.array(c.lines);
  w.array(c.positions);
  w.array(c.exceptionTable);
  new DataView(w.bytes.buffer).setUint32(lengthAt, w.length - lengthAt - 4, true);
}

/** The bytes of `code` and everything it holds (not its source text). */
export function encodeCode(code: PyCode): Uint8Array {
  const body = new Writer();
  writeCode(body, code);
  // The string table goes first so that the decoder has every string before the tree.
  const head = new Writer();
  head.uint(FORMAT_VERSION);
  // Each string's length in UTF-16 units; then the well-formed ones as one UTF-8 text (one decode
  // call for all of them); a string with lone surrogates (a Python str may hold them) is stored as
  // its code units instead (length written as -1 - length).
  head.uint(body.stringList.length);
  let text = "";
  for (const s of body.stringList) {
    if (s.isWellFormed()) {
      head.int(s.length);
      text += s;
    } else {
      head.int(-1 - s.length);
      for (let i = 0; i < s.length; i++) head.uint(s.charCodeAt(i));
    }
  }
  head.raw(new TextEncoder().encode(text));
  head.align(); // the body's arrays are aligned relative to its start
  const out = new Uint8Array(head.length + body.length);
  out.set(head.view());
  out.set(body.view(), head.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Thrown for bytes this decoder did not write (the cache then compiles afresh). */
export class CorruptCodeError extends Error {}

class Reader {
  at = 0;
  strings: string[] = [];
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw new CorruptCodeError("truncated");
    return this.bytes[this.at++];
  }

  uint(): number {
    const b = this.bytes;
    let byte = b[this.at++];
    if (byte < 0x80) return byte;
    let n = byte & 0x7f, scale = 0x80;
    for (;;) {
      if (this.at >= b.length) throw new CorruptCodeError("truncated");
      byte = b[this.at++];
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 0x80;
    }
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  float(): number {
    if (this.at + 8 > this.bytes.length) throw new CorruptCodeError("truncated");
    const x = new DataView(this.bytes.buffer, this.bytes.byteOffset).getFloat64(this.at, true);
    this.at += 8;
    return x;
  }

  str(): string {
    const s = this.strings[this.uint()];
    if (s === undefined) throw new CorruptCodeError("bad string index");
    return s;
  }

  strs(): string[] {
    const n = this.uint();
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.str();
    return out;
  }

  /** Where the next array's bytes start (after its byte length and the padding to 4). */
  private arrayStart(elementSize: number): [number, number] {
    const n = this.uint();
    this.align();
    const start = this.at;
    if (n % elementSize !== 0 || start + n > this.bytes.length) throw new CorruptCodeError("bad array");
    this.at += n;
    return [start, n / elementSize];
  }

  // Views into the decoder's own copy of the bytes (one allocation per decode, not per array).
  units(): Uint16Array {
    const [start, n] = this.arrayStart(2);
    return new Uint16Array(this.bytes.buffer, start, n);
  }

  int32s(): Int32Array {
    const [start, n] = this.arrayStart(4);
    return new Int32Array(this.bytes.buffer, start, n);
  }

  align(): void {
    this.at = (this.at + 3) & ~3;
  }

  raw(): Uint8Array {
    const n = this.uint();
    if (this.at + n > this.bytes.length) throw new CorruptCodeError("truncated");
    const out = this.bytes.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

function readValue(r: Reader, source: string | (() => string)): PyValue {
  const tag = r.byte();
  switch (tag) {
    case Tag.None:
      return None;
    case Tag.True:
      return true;
    case Tag.False:
      return false;
    case Tag.Int:
      return r.int();
    case Tag.BigInt: {
      const text = r.str();
      const negative = text.startsWith("-");
      let n = 0n;
      for (let i = negative ? 1 : 0; i < text.length; i++) n = n * 36n + BigInt(parseInt(text[i], 36));
      return negative ? -n : n;
    }
    case Tag.Float:
      return new PyFloat(r.float());
    case Tag.Complex: {
      const real = r.float();
      return new PyComplex(real, r.float());
    }
    case Tag.Str:
      return r.str();
    case Tag.Bytes:
      return new PyBytes(r.raw());
    case Tag.Tuple:
    case Tag.Frozenset: {
      const n = r.uint();
      const items = new Array<PyValue>(n);
      for (let i = 0; i < n; i++) items[i] = readValue(r, source);
      if (tag === Tag.Tuple) return new PyTuple(items);
      const set = newSet(items, frozensetType);
      frozensetBuildOrder.set(set, items);
      return set;
    }
    case Tag.Ellipsis:
      return Ellipsis;
    case Tag.Code:
      return readCode(r, source, true);
  }
  throw new CorruptCodeError(`bad tag ${tag}`);
}

/**
 * A code object. A nested one (a function's, a class body's) is read as its head alone: its body
 * is decoded when it first runs (PyCode.ensureBody), for most functions of an imported module
 * never run (the ten modules of bench/imports.ts read 236 bodies of about 1,400).
 */
function readCode(r: Reader, source: string | (() => string), nested: boolean): PyCode {
  const argcount = r.uint();
  const posonlyargcount = r.uint();
  const kwonlyargcount = r.uint();
  const flags = r.uint();
  const name = r.str();
  const qualname = r.str();
  const filename = r.str();
  const firstlineno = r.int();
  const stacksize = r.uint();
  const varnames = r.strs();
  const cellvars = r.strs();
  const freevars = r.strs();
  const firstConst = r.uint() === 1 ? r.str() : None;
  r.align();
  const b = r.bytes, at = r.at;
  if (at + 4 > b.length) throw new CorruptCodeError("truncated");
  const bodyLength = (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
  const bodyAt = at + 4;
  if (bodyAt + bodyLength > b.length) throw new CorruptCodeError("truncated");
  // (One literal, no spreads: this runs for every code object of every module imported.)
  const code = new PyCode({
    argcount,
    posonlyargcount,
    kwonlyargcount,
    flags,
    name,
    qualname,
    filename,
    firstlineno,
    varnames,
    cellvars,
    freevars,
    stacksize,
    source,
    code: EMPTY_UNITS,
    consts: firstConst === None ? [] : [firstConst],
    names: NO_NAMES,
    lines: EMPTY_INT32S,
    positions: EMPTY_INT32S,
    exceptionTable: EMPTY_INT32S,
  });
  if (!nested) {
    r.at = bodyAt;
    code.setBody(readBody(r, source, bodyAt + bodyLength));
    return code;
  }
  r.at = bodyAt + bodyLength;
  const strings = r.strings, bytes = r.bytes;
  code.pendingBody = (c) => {
    const again = new Reader(bytes);
    again.strings = strings;
    again.at = bodyAt;
    try {
      c.setBody(readBody(again, source, bodyAt + bodyLength));
    } catch (e) {
      // Read whole once already (its head); damage here is in the file, after the check.
      raise(
        Exc.SystemError,
        `damaged compiled code of ${qualname} in the compile cache (${e}): delete the cache`,
      );
    }
  };
  return code;
}

// What a code object holds beyond its head before it has been read (its consts: its docstring,
// for the function made of it, which reads it at once).
const EMPTY_UNITS = new Uint16Array(0);
const NO_NAMES: string[] = [];
const EMPTY_INT32S = new Int32Array(0);

/** A code object's body, which ends at `end`. */
function readBody(r: Reader, source: string | (() => string), end: number): CodeBody {
  const code = r.units();
  const nconsts = r.uint();
  const consts = new Array<PyValue>(nconsts);
  for (let i = 0; i < nconsts; i++) consts[i] = readValue(r, source);
  const names = r.strs();
  const lines = r.int32s();
  const positions = r.int32s();
  const exceptionTable = r.int32s();
  if (lines.length !== code.length || positions.length !== 3 * code.length) {
    throw new CorruptCodeError("tables of the wrong length");
  }
  if (r.at !== end) throw new CorruptCodeError("a body of the wrong length");
  return { code, consts, names, lines, positions, exceptionTable };
}

/**
 * The code object `bytes` holds, with `source` as its source text (or the function that gives
 * it, called when first needed); CorruptCodeError if damaged.
 */
export function decodeCode(bytes: Uint8Array, source: string | (() => string)): PyCode {
  // A copy of our own at offset 0: the arrays become views of it (aligned), and quickening, which
  // rewrites the bytecode in place, cannot reach the caller's bytes.
  bytes = bytes.slice();
  const r = new Reader(bytes);
  try {
    if (r.uint() !== FORMAT_VERSION) throw new CorruptCodeError("another format version");
    const nstrings = r.uint();
    const lengths: number[] = [];
    const oddStrings: string[] = [];
    for (let i = 0; i < nstrings; i++) {
      const n = r.int();
      lengths.push(n);
      if (n < 0) {
        let s = "";
        for (let j = 0; j < -1 - n; j++) s += String.fromCharCode(r.uint());
        oddStrings.push(s);
      }
    }
    const textBytes = r.uint();
    if (r.at + textBytes > bytes.length) throw new CorruptCodeError("truncated");
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(r.at, r.at + textBytes));
    r.at += textBytes;
    let at = 0, odd = 0;
    for (let i = 0; i < lengths.length; i++) {
      const n = lengths[i];
      if (n >= 0) {
        r.strings.push(text.slice(at, at + n));
        at += n;
      } else {
        r.strings.push(oddStrings[odd++]);
      }
    }
    if (at !== text.length) throw new CorruptCodeError("string table of the wrong length");
    r.align();
    const code = readCode(r, source, false);
    if (r.at !== bytes.length) throw new CorruptCodeError("trailing bytes");
    return code;
  } catch (e) {
    if (e instanceof CorruptCodeError) throw e;
    // A damaged file can make any read go wrong (an index out of range, a bad UTF-8 sequence).
    throw new CorruptCodeError(String(e));
  }
}
