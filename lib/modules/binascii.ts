/**
 * The `binascii` module of CPython 3.11 (C there): bytes ↔ ASCII encodings — base64
 * (`b2a_base64`, `a2b_base64` with strict_mode), hex (`hexlify`/`b2a_hex` with a separator,
 * `unhexlify`/`a2b_hex`), uuencode lines (`b2a_uu`, `a2b_uu`), quoted-printable (`b2a_qp`,
 * `a2b_qp`) — and the checksums `crc32` and `crc_hqx`; `Error` (a ValueError) and `Incomplete`.
 * The decoders take bytes-like objects or ASCII-only str, as CPython's do.
 *
 * @example
 * ```ts
 * import { crc32 } from "./binascii.ts";
 * console.log(crc32(new TextEncoder().encode("hello world"), 0)); // 222957957
 * ```
 * @module
 */
import {
  bindArgs,
  Exc,
  newTuple,
  PyBaseException,
  PyBytes,
  PyDict,
  PyFloat,
  type PyModule,
  PyStrObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import { asIndex, isTrue, len } from "../../objects/ops.ts";
import { newClass } from "../../objects/types/type.ts";
import { buildModule, expectArgs } from "./_native.ts";

// ---------------------------------------------------------------------------------------------
// Arguments

/** The bytes of a bytes-like argument (what the b2a functions take). */
function binaryArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

/** The bytes of an a2b argument: bytes-like, or a str of ASCII characters only. */
function asciiArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  const s = typeof v === "string" ? v : v instanceof PyStrObject ? v.value : null;
  if (s === null) {
    raise(Exc.TypeError, `argument should be bytes, buffer or ASCII string, not '${typeOf(v).name}'`);
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) raise(Exc.ValueError, "string argument should contain only ASCII characters");
    out[i] = c;
  }
  return out;
}

/** An unsigned C int argument (CRC seeds): the int's low 32 bits. */
function uintArg(v: PyValue): number {
  if (v instanceof PyFloat) raise(Exc.TypeError, "integer argument expected, got float");
  return Number(BigInt.asUintN(32, BigInt(asIndex(v))));
}

/** A growing byte output. */
class ByteOut {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 16));
  }
  push(b: number): void {
    if (this.length >= this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes[this.length++] = b;
  }
  result(): PyBytes {
    return new PyBytes(this.bytes.slice(0, this.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Base64

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_ENCODE = Uint8Array.from(BASE64_ALPHABET, (c) => c.charCodeAt(0));
/** Each byte's 6-bit value in the base64 alphabet, or 255. */
const BASE64_DECODE = new Uint8Array(256).fill(255);
for (let i = 0; i < 64; i++) BASE64_DECODE[BASE64_ENCODE[i]] = i;
const PAD = 61; // '='

/** Standard base64 of data, with a newline at the end when asked. */
export function base64Encode(data: Uint8Array, newline: boolean): Uint8Array {
  const n = data.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4 + (newline ? 1 : 0));
  let o = 0, i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out[o++] = BASE64_ENCODE[v >> 18];
    out[o++] = BASE64_ENCODE[(v >> 12) & 63];
    out[o++] = BASE64_ENCODE[(v >> 6) & 63];
    out[o++] = BASE64_ENCODE[v & 63];
  }
  if (i < n) {
    const v = (data[i] << 16) | (i + 1 < n ? data[i + 1] << 8 : 0);
    out[o++] = BASE64_ENCODE[v >> 18];
    out[o++] = BASE64_ENCODE[(v >> 12) & 63];
    out[o++] = i + 1 < n ? BASE64_ENCODE[(v >> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  if (newline) out[o++] = 10;
  return out;
}

/**
 * Decodes base64. Lenient by default (characters outside the alphabet are skipped, decoding stops
 * at the padding that completes a group); strict mode refuses them, as CPython's strict_mode does.
 */
export function base64Decode(data: Uint8Array, strict: boolean, error: PyType): Uint8Array {
  const fail = (message: string): never => raiseError(error, message);
  const out = new Uint8Array(Math.floor(data.length / 4) * 3 + 3);
  let o = 0;
  let groupPos = 0; // characters of the current group of four seen
  let bits = 0;
  let pads = 0;
  let padding = false;
  if (strict && data.length > 0 && data[0] === PAD) fail("Leading padding not allowed");
  const n = data.length;
  for (let i = 0; i < n; i++) {
    if (groupPos === 0 && !padding) {
      // Fast path: whole groups of four base64 characters (255 marks every other byte).
      while (i + 4 <= n) {
        const a = BASE64_DECODE[data[i]], b = BASE64_DECODE[data[i + 1]];
        const c = BASE64_DECODE[data[i + 2]], d = BASE64_DECODE[data[i + 3]];
        if ((a | b | c | d) === 255) break;
        out[o] = (a << 2) | (b >> 4);
        out[o + 1] = ((b & 15) << 4) | (c >> 2);
        out[o + 2] = ((c & 3) << 6) | d;
        o += 3;
        i += 4;
        pads = 0;
      }
      if (i >= n) break;
    }
    const c = data[i];
    if (c === PAD) {
      padding = true;
      if (groupPos >= 2 && groupPos + ++pads >= 4) {
        if (strict && i + 1 < data.length) fail("Excess data after padding");
        return out.slice(0, o);
      }
      continue;
    }
    const v = BASE64_DECODE[c];
    if (v === 255) {
      if (strict) fail("Only base64 data is allowed");
      continue;
    }
    if (strict && padding) fail("Discontinuous padding not allowed");
    pads = 0;
    switch (groupPos) {
      case 0:
        bits = v;
        groupPos = 1;
        break;
      case 1:
        out[o++] = (bits << 2) | (v >> 4);
        bits = v & 0x0f;
        groupPos = 2;
        break;
      case 2:
        out[o++] = (bits << 4) | (v >> 2);
        bits = v & 0x03;
        groupPos = 3;
        break;
      default:
        out[o++] = (bits << 6) | v;
        groupPos = 0;
    }
  }
  if (groupPos === 1) {
    fail(
      `Invalid base64-encoded string: number of data characters (${
        Math.floor(o / 3) * 4 + 1
      }) cannot be 1 more than a multiple of 4`,
    );
  }
  if (groupPos !== 0) fail("Incorrect padding");
  return out.slice(0, o);
}

// ---------------------------------------------------------------------------------------------
// Hex

const HEX_DIGITS = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
const UPPER_HEX_DIGITS = Uint8Array.from("0123456789ABCDEF", (c) => c.charCodeAt(0));

/** Lowercase hex of data; with a separator byte every `perSep` bytes (negative: from the left). */
export function hexEncode(data: Uint8Array, sep: number | null, perSep: number): Uint8Array {
  const n = data.length;
  if (sep === null || perSep === 0 || n === 0) {
    const out = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) {
      out[2 * i] = HEX_DIGITS[data[i] >> 4];
      out[2 * i + 1] = HEX_DIGITS[data[i] & 15];
    }
    return out;
  }
  const group = Math.abs(perSep);
  const separators = Math.floor((n - 1) / group);
  const out = new Uint8Array(n * 2 + separators);
  // Groups are counted from the right for a positive count, from the left for a negative one.
  const firstGroup = perSep > 0 ? n - separators * group : group;
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (i - firstGroup) % group === 0 && i >= firstGroup) out[o++] = sep;
    out[o++] = HEX_DIGITS[data[i] >> 4];
    out[o++] = HEX_DIGITS[data[i] & 15];
  }
  return out;
}

/** The value of each hex digit byte (-1: not one). */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX_VALUE[48 + c] = c;
for (let c = 0; c < 6; c++) HEX_VALUE[97 + c] = HEX_VALUE[65 + c] = 10 + c;

function hexValue(c: number): number {
  return HEX_VALUE[c];
}

/** The bytes of a hex string (an even number of hex digits). */
export function hexDecode(data: Uint8Array, error: PyType): Uint8Array {
  if (data.length % 2 !== 0) raiseError(error, "Odd-length string");
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(data[2 * i]), lo = hexValue(data[2 * i + 1]);
    if (hi < 0 || lo < 0) raiseError(error, "Non-hexadecimal digit found");
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** hexlify's sep argument: one byte (from bytes, or a str of one character). */
function separatorArg(v: PyValue): number {
  const n = len(v);
  if (n !== 1) raise(Exc.ValueError, "sep must be length 1.");
  if (v instanceof PyBytes) return v.data[0];
  const s = typeof v === "string" ? v : (v as PyStrObject).value;
  const c = s.codePointAt(0)!;
  if (c > 255) raise(Exc.ValueError, "sep must be ASCII.");
  return c;
}

// ---------------------------------------------------------------------------------------------
// uuencode

/** One uuencoded line of at most 45 bytes. */
function uuEncode(data: Uint8Array, backtick: boolean, error: PyType): Uint8Array {
  if (data.length > 45) raiseError(error, "At most 45 bytes at once");
  const char = (v: number) => (backtick && v === 0 ? 96 : 32 + v);
  const out = new ByteOut(2 + Math.ceil(data.length / 3) * 4);
  out.push(char(data.length));
  for (let i = 0; i < data.length; i += 3) {
    const v = (data[i] << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
    out.push(char(v >> 18));
    out.push(char((v >> 12) & 63));
    out.push(char((v >> 6) & 63));
    out.push(char(v & 63));
  }
  out.push(10);
  return out.bytes.slice(0, out.length);
}

/** The bytes of one uuencoded line (its first character gives the length). */
function uuDecode(data: Uint8Array, error: PyType): Uint8Array {
  // An empty line reads as a NUL length character, as CPython's does.
  const length = ((data.length > 0 ? data[0] : 0) - 32) & 63;
  const out = new Uint8Array(length);
  let o = 0, bits = 0, nbits = 0;
  let i = 1;
  for (; o < length; i++) {
    let c = i < data.length ? data[i] : 10;
    if (c === 10 || c === 13) {
      c = 0; // a short line: the rest is whitespace
    } else {
      if (c < 32 || c > 96) raiseError(error, "Illegal char");
      c = (c - 32) & 63;
    }
    bits = (bits << 6) | c;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[o++] = (bits >> nbits) & 0xff;
      bits &= (1 << nbits) - 1;
    }
  }
  for (; i < data.length; i++) {
    const c = data[i];
    if (c !== 32 && c !== 96 && c !== 10 && c !== 13) raiseError(error, "Trailing garbage");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quoted-printable

/** Quoted-printable decoding (RFC 1521; `header`: underscores are spaces). */
function qpDecode(data: Uint8Array, header: boolean): Uint8Array {
  const out = new ByteOut(data.length);
  const n = data.length;
  for (let i = 0; i < n;) {
    const c = data[i];
    if (c === 61) { // '='
      i++;
      if (i >= n) break; // a soft line break at the very end
      if (data[i] === 10 || data[i] === 13) { // soft line break
        if (data[i] !== 10) {
          while (i < n && data[i] !== 10) i++;
        }
        if (i < n) i++;
        continue;
      }
      if (data[i] === 61) { // "==" is an "="
        out.push(61);
        i++;
        continue;
      }
      if (i + 1 < n) {
        const hi = hexValue(data[i]), lo = hexValue(data[i + 1]);
        if (hi >= 0 && lo >= 0) {
          out.push((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      out.push(61);
      continue;
    }
    out.push(header && c === 95 ? 32 : c);
    i++;
  }
  return out.bytes.slice(0, out.length);
}

/** Quoted-printable encoding, as CPython's b2a_qp does it (lines of at most 76 characters). */
function qpEncode(data: Uint8Array, quotetabs: boolean, istext: boolean, header: boolean): Uint8Array {
  const MAXLINESIZE = 76;
  const n = data.length;
  // The line ending used is the input's first one (CRLF when the first newline follows a CR).
  let crlf = false;
  for (let i = 0; i < n; i++) {
    if (data[i] === 10) {
      crlf = i > 0 && data[i - 1] === 13;
      break;
    }
  }
  const out = new ByteOut(n * 3);
  let lineLength = 0;
  const softBreak = () => {
    out.push(61);
    if (crlf) out.push(13);
    out.push(10);
    lineLength = 0;
  };
  const escaped = (c: number) => {
    out.push(61);
    out.push(UPPER_HEX_DIGITS[c >> 4]);
    out.push(UPPER_HEX_DIGITS[c & 15]);
  };
  for (let i = 0; i < n;) {
    const c = data[i];
    const mustQuote = c > 126 || c === 61 || (header && c === 95) ||
      (c === 46 && lineLength === 0 &&
        (i + 1 === n || data[i + 1] === 10 || data[i + 1] === 13 || data[i + 1] === 0)) ||
      (!istext && (c === 13 || c === 10)) ||
      ((c === 9 || c === 32) && i + 1 === n) ||
      (c < 33 && c !== 13 && c !== 10 && (quotetabs || (c !== 9 && c !== 32)));
    if (mustQuote) {
      if (lineLength + 3 >= MAXLINESIZE) softBreak();
      escaped(c);
      lineLength += 3;
      i++;
      continue;
    }
    if (istext && (c === 10 || (c === 13 && i + 1 < n && data[i + 1] === 10))) {
      // A line break: a space or tab just before it must be quoted.
      lineLength = 0;
      const last = out.length > 0 ? out.bytes[out.length - 1] : -1;
      if (last === 32 || last === 9) {
        out.length--;
        escaped(last);
      }
      if (crlf) out.push(13);
      out.push(10);
      i += c === 13 ? 2 : 1;
      continue;
    }
    if (i + 1 !== n && data[i + 1] !== 10 && lineLength + 1 >= MAXLINESIZE) softBreak();
    lineLength++;
    out.push(header && c === 32 ? 95 : c);
    i++;
  }
  return out.bytes.slice(0, out.length);
}

// ---------------------------------------------------------------------------------------------
// Checksums

/** Slicing-by-8 tables: table k (at 256k) advances a CRC over a byte followed by k zero bytes. */
let crcTables: Int32Array | null = null;

function makeCrcTables(): Int32Array {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let k = 1; k < 8; k++) {
    for (let n = 0; n < 256; n++) {
      const prev = t[(k - 1) * 256 + n];
      t[k * 256 + n] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  return t;
}

/** CRC-32 (the zlib/PNG polynomial) of data, continuing from crc; eight bytes a step. */
export function crc32(data: Uint8Array, crc: number): number {
  const t = crcTables ??= makeCrcTables();
  let c = ~crc;
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const lo = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    const hi = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    c = t[1792 + (lo & 0xff)] ^ t[1536 + ((lo >>> 8) & 0xff)] ^ t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^ t[768 + (hi & 0xff)] ^ t[512 + ((hi >>> 8) & 0xff)] ^
      t[256 + ((hi >>> 16) & 0xff)] ^ t[hi >>> 24];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-CCITT (polynomial 0x1021, as binhex uses) of data, continuing from crc. */
export function crcHqx(data: Uint8Array, crc: number): number {
  let c = crc & 0xffff;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i] << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// The module

function raiseError(error: PyType, message: string): never {
  const e = new PyBaseException(error, newTuple([message]));
  e.dict = new PyDict();
  throw e;
}

/** Builds the `binascii` module (its exception classes are made here, on first import). */
export function makeBinasciiModule(): PyModule {
  const ns = () => {
    const d = new PyDict();
    d.setStr("__module__", "binascii");
    return d;
  };
  const error = newClass(typeType, "Error", [Exc.ValueError], ns());
  const incomplete = newClass(typeType, "Incomplete", [Exc.Exception], ns());

  const hexlify = (name: string) => (args: PyValue[], kwnames: string[] | null): PyValue => {
    const [data, sep, perSep] = bindArgs(name, args, kwnames, ["data", "sep", "bytes_per_sep"], 1);
    const bytes = binaryArg(data!);
    const sepByte = sep === undefined ? null : separatorArg(sep);
    const group = perSep === undefined ? 1 : Number(asIndex(perSep));
    return new PyBytes(hexEncode(bytes, sepByte, group));
  };
  const unhexlify = (name: string) => (args: PyValue[], kwnames: string[] | null): PyValue => {
    const [hexstr] = bindArgs(name, args, kwnames, ["hexstr"], 1, 1);
    return new PyBytes(hexDecode(asciiArg(hexstr!), error));
  };

  return buildModule("binascii", "Conversion between binary data and ASCII", {
    b2a_base64: (args, kwnames) => {
      const [data, newline] = keywordOnly("b2a_base64", args, kwnames, 1, "newline");
      return new PyBytes(base64Encode(binaryArg(data), newline === undefined ? true : isTrue(newline)));
    },
    a2b_base64: (args, kwnames) => {
      const [data, strict] = keywordOnly("a2b_base64", args, kwnames, 1, "strict_mode");
      return new PyBytes(base64Decode(asciiArg(data), strict === undefined ? false : isTrue(strict), error));
    },
    hexlify: hexlify("hexlify"),
    b2a_hex: hexlify("b2a_hex"),
    unhexlify: unhexlify("unhexlify"),
    a2b_hex: unhexlify("a2b_hex"),
    b2a_uu: (args, kwnames) => {
      const [data, backtick] = keywordOnly("b2a_uu", args, kwnames, 1, "backtick");
      return new PyBytes(uuEncode(binaryArg(data), backtick === undefined ? false : isTrue(backtick), error));
    },
    a2b_uu: (args, kwnames) => {
      expectArgs("a2b_uu", args, kwnames, 1, 1);
      return new PyBytes(uuDecode(asciiArg(args[0]), error));
    },
    a2b_qp: (args, kwnames) => {
      const [data, header] = bindArgs("a2b_qp", args, kwnames, ["data", "header"], 1);
      return new PyBytes(qpDecode(asciiArg(data!), header === undefined ? false : isTrue(header)));
    },
    b2a_qp: (args, kwnames) => {
      const [data, quotetabs, istext, header] = bindArgs(
        "b2a_qp",
        args,
        kwnames,
        ["data", "quotetabs", "istext", "header"],
        1,
      );
      return new PyBytes(
        qpEncode(
          binaryArg(data!),
          quotetabs === undefined ? false : isTrue(quotetabs),
          istext === undefined ? true : isTrue(istext),
          header === undefined ? false : isTrue(header),
        ),
      );
    },
    crc32: (args, kwnames) => {
      expectArgs("crc32", args, kwnames, 1, 2);
      return crc32(binaryArg(args[0]), args.length > 1 ? uintArg(args[1]) : 0);
    },
    crc_hqx: (args, kwnames) => {
      expectArgs("crc_hqx", args, kwnames, 2, 2);
      return crcHqx(binaryArg(args[0]), uintArg(args[1]));
    },
  }, { Error: error, Incomplete: incomplete });
}

/** Binds `(data, /, *, name=…)`: one positional argument and one keyword-only one. */
function keywordOnly(
  fname: string,
  args: PyValue[],
  kwnames: string[] | null,
  npos: number,
  keyword: string,
): [PyValue, PyValue | undefined] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const positional = args.length - nkw;
  if (positional !== npos) {
    if (positional > npos) {
      raise(Exc.TypeError, `${fname}() takes exactly 1 positional argument (${positional} given)`);
    }
    raise(Exc.TypeError, `${fname}() missing required argument 'data' (pos 1)`);
  }
  let value: PyValue | undefined;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] !== keyword) {
      raise(Exc.TypeError, `'${kwnames![i]}' is an invalid keyword argument for ${fname}()`);
    }
    value = args[positional + i];
  }
  return [args[0], value];
}
