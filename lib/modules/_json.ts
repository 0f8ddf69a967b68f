/**
 * The `_json` module of CPython 3.11 (C there), the accelerator under lib/python/json/:
 * - JSON text → Python values: `scanstring(s, end, strict)` and the `Scanner` type
 *   (`make_scanner(context)`), which json.decoder's JSONDecoder calls once per document; it
 *   reads the decoder's hooks (object_hook, object_pairs_hook, parse_float, parse_int,
 *   parse_constant, strict) and raises json.decoder.JSONDecodeError with CPython's messages and
 *   positions, or StopIteration(idx) when no value starts at idx.
 * - Python values → JSON text: `encode_basestring`, `encode_basestring_ascii` and the `Encoder`
 *   type (`make_encoder(...)`), which json.encoder's JSONEncoder uses for one-shot encoding.
 *   Unlike CPython 3.11's C encoder it also takes an indent (a str), so that `dumps(indent=…)`
 *   stays in TypeScript; with an indent it reports errors as CPython's pure-Python encoder does.
 *   Its `_chunks(obj, level)` (pyjit's own) yields lazily the chunks of CPython's pure-Python
 *   encoder, for iterencode() and json.dump().
 * - `_encode(encoder, o, encode_basestring_ascii, encode_basestring)` (pyjit's own):
 *   JSONEncoder.encode(o) at once, the settings read from the encoder's attributes, so that
 *   dumps() makes no Encoder and runs no Python code of json.encoder but encode() itself.
 *
 * Both work on the JS string's UTF-16 units; Python's indices count code points, so they are
 * converted at the boundary when the document holds surrogate pairs.
 *
 * @example
 * ```ts
 * import { makeJsonModule } from "./_json.ts";
 * const m = makeJsonModule();
 * ```
 * @module
 */
import {
  bindArgs,
  defMethod,
  DELETED,
  dictType,
  Exc,
  floatType,
  intType,
  listType,
  newException,
  newTuple,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyGetSetDescriptor,
  PyInstance,
  PyIntObject,
  PyList,
  type PyModule,
  PyObject,
  PyStrObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  tupleType,
  typeOf,
} from "../../objects/object.ts";
import {
  call,
  callMethod0,
  getAttr,
  getIter,
  hasSurrogates,
  isTrue,
  iterNext,
  loadMethod,
  strOrder,
  toArray,
} from "../../objects/ops.ts";
import { floatRepr } from "../../objects/repr.ts";
import { bigintToDecimal } from "../../objects/types/int.ts";
import { parseIntLiteral } from "../../objects/types/int_type.ts";
import { sortList } from "../../objects/types/list.ts";
import { installNew } from "../../objects/types/type.ts";
import { importModuleByName } from "../../vm/import.ts";
import { threadState } from "../../vm/frame.ts";
import { buildModule, moduleIteratorType, moduleType } from "./_native.ts";
import { makeIterator } from "../../objects/types/iterators.ts";
import { TextBuffer } from "./text_buffer.ts";

// ---------------------------------------------------------------------------------------------
// Code points ↔ UTF-16 units

/** The UTF-16 index of code point `cp` of s (s has surrogates). */
function unitIndex(s: string, cp: number): number {
  let unit = 0;
  for (let i = 0; i < cp && unit < s.length; i++) unit += isPairAt(s, unit) ? 2 : 1;
  return unit;
}

/** The code-point index of UTF-16 index `unit` of s (s has surrogates). */
function codePointIndex(s: string, unit: number): number {
  let cp = 0;
  for (let u = 0; u < unit; cp++) u += isPairAt(s, u) ? 2 : 1;
  return cp;
}

function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * json.decoder.JSONDecodeError(msg, doc, pos), thrown (pos in UTF-16 units of s). The class is
 * looked up each time (in sys.modules, as CPython does): each run of a program has its own.
 */
function decodeError(msg: string, doc: PyValue, s: string, unit: number): never {
  const errorClass = getAttr(importModuleByName("json.decoder"), "JSONDecodeError");
  const pos = hasSurrogates(s) ? codePointIndex(s, unit) : unit;
  throw call(errorClass, [msg, doc, pos]);
}

/** StopIteration(idx): no JSON value starts at idx (JSONDecoder turns it into "Expecting value"). */
function stopIteration(s: string, unit: number): never {
  throw newException(Exc.StopIteration, [hasSurrogates(s) ? codePointIndex(s, unit) : unit]);
}

/** Py_EnterRecursiveCall: JSON nesting counts against the recursion limit, as Python calls do. */
function enterRecursion(where: string): void {
  const ts = threadState;
  if (ts.depth >= ts.recursionLimit) raise(Exc.RecursionError, `maximum recursion depth exceeded${where}`);
  ts.depth++;
}

function leaveRecursion(): void {
  threadState.depth--;
}

function strArg(v: PyValue): string | undefined {
  if (typeof v === "string") return v;
  if (v instanceof PyStrObject) return v.value;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Decoding

const QUOTE = 34, BACKSLASH = 92;

/** The character a one-letter escape stands for, by its char code (-1: not an escape). */
const SIMPLE_ESCAPES = new Int32Array(128).fill(-1);
for (
  const [ch, value] of [['"', 34], ["\\", 92], ["/", 47], ["b", 8], ["f", 12], ["n", 10], ["r", 13], ["t", 9]]
) {
  SIMPLE_ESCAPES[(ch as string).charCodeAt(0)] = value as number;
}

/** The value of hex digit c, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Where scanString ended (the index after the closing quote): a second return value. */
let scanEnd = 0;

/**
 * The string whose opening quote is just before `end` (UTF-16 units): its value, with scanEnd set
 * after the closing quote. `doc` is the document as Python passed it (for errors).
 */
function scanString(s: string, end: number, strict: boolean, doc: PyValue): string {
  const len = s.length;
  // Fast path: no escape before the closing quote, the value is a slice.
  for (let i = end; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      scanEnd = i + 1;
      return s.slice(end, i);
    }
    if (c === BACKSLASH) return scanEscapedString(s, end, i, strict, doc);
    if (c < 0x20 && strict) decodeError("Invalid control character at", doc, s, i);
  }
  return decodeError("Unterminated string starting at", doc, s, end - 1);
}

/** The units of a string with escapes being decoded (reused: strings are decoded one by one). */
let unescaped = new Uint16Array(256);

/** The characters of a string up to `length` units, from unescaped. */
function unescapedText(length: number): string {
  if (length <= 4096) {
    return String.fromCharCode.apply(null, unescaped.subarray(0, length) as unknown as number[]);
  }
  let text = "";
  for (let i = 0; i < length; i += 4096) {
    text += String.fromCharCode.apply(
      null,
      unescaped.subarray(i, Math.min(length, i + 4096)) as unknown as number[],
    );
  }
  if (unescaped.length > 1 << 20) unescaped = new Uint16Array(256); // not kept after a huge one
  return text;
}

/**
 * scanString from the first backslash (at i; the value starts at start): the units are copied
 * into `unescaped` (a string built piece by piece would leave ropes for the collector).
 */
function scanEscapedString(s: string, start: number, i: number, strict: boolean, doc: PyValue): string {
  const len = s.length;
  if (unescaped.length < i - start + 2) unescaped = new Uint16Array((i - start) * 2 + 256);
  let out = unescaped;
  let n = 0;
  for (let k = start; k < i; k++) out[n++] = s.charCodeAt(k);
  for (;;) {
    if (n + 2 > out.length) {
      const grown = new Uint16Array(out.length * 2 + 2);
      grown.set(out.subarray(0, n));
      out = unescaped = grown;
    }
    // here s[i] is a backslash
    i++;
    if (i >= len) decodeError("Unterminated string starting at", doc, s, start - 1);
    const e = s.charCodeAt(i);
    if (e !== 117) { // not 'u'
      const simple = e < 128 ? SIMPLE_ESCAPES[e] : -1;
      if (simple < 0) decodeError("Invalid \\escape", doc, s, i - 1);
      out[n++] = simple;
      i++;
    } else {
      const unit = scanUnicodeEscape(s, i, doc);
      out[n++] = unit & 0xffff;
      if (unit > 0xffff) out[n++] = unit >>> 16;
      i = scanEnd;
    }
    // the plain run up to the next quote or backslash
    for (;; i++) {
      if (i >= len) decodeError("Unterminated string starting at", doc, s, start - 1);
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        scanEnd = i + 1;
        return unescapedText(n);
      }
      if (c === BACKSLASH) break;
      if (c < 0x20 && strict) decodeError("Invalid control character at", doc, s, i);
      if (n >= out.length) {
        const grown = new Uint16Array(out.length * 2 + 2);
        grown.set(out.subarray(0, n));
        out = unescaped = grown;
      }
      out[n++] = c;
    }
  }
}

/**
 * A `\uXXXX` escape whose `u` is at index u (joined with a following low surrogate escape): its
 * unit, or a pair as high | low << 16; scanEnd is set after it.
 */
function scanUnicodeEscape(s: string, u: number, doc: PyValue): number {
  const len = s.length;
  let end = u + 5;
  if (end >= len) decodeError("Invalid \\uXXXX escape", doc, s, u);
  const c = hex4(s, u + 1);
  if (c < 0) decodeError("Invalid \\uXXXX escape", doc, s, u);
  if (
    c >= 0xd800 && c <= 0xdbff && end + 6 < len && s.charCodeAt(end) === BACKSLASH &&
    s.charCodeAt(end + 1) === 117
  ) {
    const c2 = hex4(s, end + 2);
    if (c2 < 0) decodeError("Invalid \\uXXXX escape", doc, s, end + 1);
    if (c2 >= 0xdc00 && c2 <= 0xdfff) {
      end += 6;
      scanEnd = end;
      return c + c2 * 0x10000;
    }
  }
  scanEnd = end;
  return c;
}

function hex4(s: string, i: number): number {
  const a = hexValue(s.charCodeAt(i)), b = hexValue(s.charCodeAt(i + 1));
  const c = hexValue(s.charCodeAt(i + 2)), d = hexValue(s.charCodeAt(i + 3));
  if ((a | b | c | d) < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A `_json.Scanner`: the decoder's settings, read once when it is made. */
class PyScanner extends PyObject {
  declare strict: PyValue;
  declare objectHook: PyValue;
  declare objectPairsHook: PyValue;
  declare parseFloat: PyValue;
  declare parseInt: PyValue;
  declare parseConstant: PyValue;
  constructor(cls: PyType, context: PyValue) {
    super();
    this.cls = cls;
    this.dict = null;
    this.strict = getAttr(context, "strict");
    this.objectHook = getAttr(context, "object_hook");
    this.objectPairsHook = getAttr(context, "object_pairs_hook");
    this.parseFloat = getAttr(context, "parse_float");
    this.parseInt = getAttr(context, "parse_int");
    this.parseConstant = getAttr(context, "parse_constant");
  }
}

/** One scan: a document and the scanner's settings, walked by recursive descent. */
class JsonParser {
  readonly s: string;
  readonly doc: PyValue;
  readonly strict: boolean;
  readonly objectHook: PyValue;
  readonly objectPairsHook: PyValue;
  /** null when parse_float / parse_int is float / int itself (the fast paths). */
  readonly parseFloat: PyValue | null;
  readonly parseInt: PyValue | null;
  readonly parseConstant: PyValue;
  /** Where the last value ended. */
  end = 0;
  /** The keys and values of the objects and arrays being parsed (each takes its slice at its end). */
  readonly keyStack: string[] = [];
  readonly valueStack: PyValue[] = [];
  constructor(scanner: PyScanner, s: string, doc: PyValue) {
    this.s = s;
    this.doc = doc;
    this.strict = isTrue(scanner.strict);
    this.objectHook = scanner.objectHook;
    this.objectPairsHook = scanner.objectPairsHook;
    this.parseFloat = scanner.parseFloat === floatType ? null : scanner.parseFloat;
    this.parseInt = scanner.parseInt === intType ? null : scanner.parseInt;
    this.parseConstant = scanner.parseConstant;
  }

  /** The value starting at idx; this.end after it. */
  value(idx: number): PyValue {
    const s = this.s;
    const len = s.length;
    if (idx >= len) stopIteration(s, idx);
    const c = s.charCodeAt(idx);
    switch (c) {
      case QUOTE: {
        const v = scanString(s, idx + 1, this.strict, this.doc);
        this.end = scanEnd;
        return v;
      }
      case 123: // {
        enterRecursion(" while decoding a JSON object from a unicode string");
        try {
          return this.object(idx + 1);
        } finally {
          leaveRecursion();
        }
      case 91: // [
        enterRecursion(" while decoding a JSON array from a unicode string");
        try {
          return this.array(idx + 1);
        } finally {
          leaveRecursion();
        }
      case 110: // n
        if (s.startsWith("null", idx)) {
          this.end = idx + 4;
          return None;
        }
        break;
      case 116: // t
        if (s.startsWith("true", idx)) {
          this.end = idx + 4;
          return true;
        }
        break;
      case 102: // f
        if (s.startsWith("false", idx)) {
          this.end = idx + 5;
          return false;
        }
        break;
      case 78: // N
        if (s.startsWith("NaN", idx)) return this.constant("NaN", idx);
        break;
      case 73: // I
        if (s.startsWith("Infinity", idx)) return this.constant("Infinity", idx);
        break;
      case 45: // -
        if (s.startsWith("-Infinity", idx)) return this.constant("-Infinity", idx);
        break;
    }
    return this.number(idx);
  }

  private constant(name: string, idx: number): PyValue {
    const v = call(this.parseConstant, [name]);
    this.end = idx + name.length;
    return v;
  }

  private skipWhitespace(idx: number): number {
    const s = this.s;
    while (idx < s.length && isWhitespace(s.charCodeAt(idx))) idx++;
    return idx;
  }

  /** An object whose `{` is just before idx. */
  private object(idx: number): PyValue {
    const s = this.s;
    const len = s.length;
    const keyStack = this.keyStack, valueStack = this.valueStack;
    const keyBase = keyStack.length, valueBase = valueStack.length;
    idx = this.skipWhitespace(idx);
    if (idx >= len || s.charCodeAt(idx) !== 125) {
      for (;;) {
        if (idx >= len || s.charCodeAt(idx) !== QUOTE) {
          decodeError("Expecting property name enclosed in double quotes", this.doc, s, idx);
        }
        keyStack.push(scanString(s, idx + 1, this.strict, this.doc));
        idx = this.skipWhitespace(scanEnd);
        if (idx >= len || s.charCodeAt(idx) !== 58) decodeError("Expecting ':' delimiter", this.doc, s, idx);
        idx = this.skipWhitespace(idx + 1);
        valueStack.push(this.value(idx));
        idx = this.skipWhitespace(this.end);
        if (idx < len && s.charCodeAt(idx) === 125) break;
        if (idx >= len || s.charCodeAt(idx) !== 44) decodeError("Expecting ',' delimiter", this.doc, s, idx);
        idx = this.skipWhitespace(idx + 1);
      }
    }
    this.end = idx + 1;
    // Exactly sized arrays: parsing a large document is mostly allocation.
    const keys = keyStack.slice(keyBase), values = valueStack.slice(valueBase);
    keyStack.length = keyBase;
    valueStack.length = valueBase;
    if (this.objectPairsHook !== None) {
      const pairs: PyValue[] = [];
      for (let i = 0; i < keys.length; i++) pairs.push(new PyTuple([keys[i], values[i]]));
      return call(this.objectPairsHook, [new PyList(pairs)]);
    }
    const dict = makeDict(keys, values);
    if (this.objectHook !== None) return call(this.objectHook, [dict]);
    return dict;
  }

  /** An array whose `[` is just before idx. */
  private array(idx: number): PyValue {
    const s = this.s;
    const len = s.length;
    const valueStack = this.valueStack;
    const base = valueStack.length;
    idx = this.skipWhitespace(idx);
    if (idx >= len || s.charCodeAt(idx) !== 93) {
      for (;;) {
        valueStack.push(this.value(idx));
        idx = this.skipWhitespace(this.end);
        if (idx < len && s.charCodeAt(idx) === 93) break;
        if (idx >= len || s.charCodeAt(idx) !== 44) decodeError("Expecting ',' delimiter", this.doc, s, idx);
        idx = this.skipWhitespace(idx + 1);
      }
    }
    this.end = idx + 1;
    const items = valueStack.slice(base);
    valueStack.length = base;
    return new PyList(items);
  }

  /** A number at start (StopIteration when there is none): `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`. */
  private number(start: number): PyValue {
    const s = this.s;
    const len = s.length;
    let idx = start;
    let c = s.charCodeAt(idx);
    if (c === 45) {
      idx++;
      if (idx >= len) stopIteration(s, start);
      c = s.charCodeAt(idx);
    }
    let small = 0; // the integer part while it is exact in a double
    if (c >= 49 && c <= 57) {
      do {
        small = small * 10 + (c - 48);
        idx++;
        c = idx < len ? s.charCodeAt(idx) : 0;
      } while (c >= 48 && c <= 57);
    } else if (c === 48) {
      idx++;
      c = idx < len ? s.charCodeAt(idx) : 0;
    } else {
      stopIteration(s, start);
    }
    let isFloat = false;
    if (c === 46 && idx + 1 < len && isDigit(s.charCodeAt(idx + 1))) {
      isFloat = true;
      idx += 2;
      while (idx < len && isDigit(s.charCodeAt(idx))) idx++;
      c = idx < len ? s.charCodeAt(idx) : 0;
    }
    if (c === 101 || c === 69) {
      const eStart = idx;
      idx++;
      if (idx < len && (s.charCodeAt(idx) === 45 || s.charCodeAt(idx) === 43)) idx++;
      const digitsStart = idx;
      while (idx < len && isDigit(s.charCodeAt(idx))) idx++;
      if (idx > digitsStart) isFloat = true;
      else idx = eStart;
    }
    this.end = idx;
    if (isFloat) {
      const text = s.slice(start, idx);
      if (this.parseFloat !== null) return call(this.parseFloat, [text]);
      return new PyFloat(Number(text));
    }
    if (this.parseInt !== null) return call(this.parseInt, [s.slice(start, idx)]);
    const digits = idx - start;
    if (digits <= 15) return s.charCodeAt(start) === 45 ? (small === 0 ? 0 : -small) : small;
    return parseIntLiteral(s.slice(start, idx), 10)!;
  }
}

/** Small dicts are kept as a linear scan by PyDict; more keys go through its index. */
const LINEAR_DICT = 8;

/** A dict of the keys and values in document order (a repeated key keeps its first place, last value). */
function makeDict(keys: string[], values: PyValue[]): PyDict {
  const d = new PyDict();
  const n = keys.length;
  if (n <= LINEAR_DICT && !hasRepeatedKey(keys)) {
    d.keys = keys;
    d.values = values;
    d.size = n;
    return d;
  }
  for (let i = 0; i < n; i++) d.setStr(keys[i], values[i]);
  return d;
}

function hasRepeatedKey(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) {
    for (let j = 0; j < i; j++) if (keys[i] === keys[j]) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** scanner(string, idx) → (value, end). */
function scanOnce(scanner: PyScanner, args: PyValue[], kwnames: string[] | null): PyValue {
  const [stringArg, idxArg] = bindArgs("scan_once", args, kwnames, ["string", "idx"], 2);
  const s = strArg(stringArg!);
  if (s === undefined) {
    raise(Exc.TypeError, `first argument must be a string, not ${typeOf(stringArg!).name}`);
  }
  const idx = indexArg(idxArg!);
  if (idx < 0) raise(Exc.ValueError, "idx cannot be negative");
  const surrogates = hasSurrogates(s);
  const start = surrogates ? unitIndex(s, idx) : idx;
  if (start >= s.length) throw newException(Exc.StopIteration, [idx]);
  const parser = new JsonParser(scanner, s, stringArg!);
  const value = parser.value(start);
  return newTuple([value, surrogates ? codePointIndex(s, parser.end) : parser.end]);
}

function indexArg(v: PyValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") raise(Exc.OverflowError, "Python int too large to convert to C ssize_t");
  if (v instanceof PyIntObject) return Number(v.value);
  return raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

// ---------------------------------------------------------------------------------------------
// Encoding

const HEX = "0123456789abcdef";

/** `\uXXXX` for a UTF-16 unit. */
function uEscape(c: number): string {
  return "\\u" + HEX[c >> 12] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
}

/** The escape of an ASCII control character, quote or backslash (null: none needed). */
const ASCII_ESCAPES: (string | null)[] = [];
for (let c = 0; c < 128; c++) ASCII_ESCAPES.push(c < 0x20 ? uEscape(c) : null);
ASCII_ESCAPES[34] = '\\"';
ASCII_ESCAPES[92] = "\\\\";
ASCII_ESCAPES[8] = "\\b";
ASCII_ESCAPES[12] = "\\f";
ASCII_ESCAPES[10] = "\\n";
ASCII_ESCAPES[13] = "\\r";
ASCII_ESCAPES[9] = "\\t";

/** A str as a JSON string with only ASCII in it (non-ASCII as `\uXXXX`, pairs as two escapes). */
export function encodeBasestringAscii(s: string): string {
  const len = s.length;
  let i = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x7f || ASCII_ESCAPES[c] !== null) break;
  }
  if (i === len) return '"' + s + '"';
  let out = '"' + s.slice(0, i);
  let runStart = i;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    const escape = c >= 0x7f ? uEscape(c) : ASCII_ESCAPES[c];
    if (escape === null) continue;
    if (i > runStart) out += s.slice(runStart, i);
    out += escape;
    runStart = i + 1;
  }
  if (runStart < len) out += s.slice(runStart);
  return out + '"';
}

/** A str as a JSON string keeping non-ASCII characters (only `"`, `\` and controls escaped). */
export function encodeBasestring(s: string): string {
  const len = s.length;
  let i = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && ASCII_ESCAPES[c] !== null) break;
  }
  if (i === len) return '"' + s + '"';
  let out = '"' + s.slice(0, i);
  let runStart = i;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    const escape = c < 128 ? ASCII_ESCAPES[c] : null;
    if (escape === null) continue;
    if (i > runStart) out += s.slice(runStart, i);
    out += escape;
    runStart = i + 1;
  }
  if (runStart < len) out += s.slice(runStart);
  return out + '"';
}

/** How an Encoder turns a str into JSON: one of the two functions above, or a Python callable. */
const FAST_NONE = 0, FAST_ASCII = 1, FAST_UNICODE = 2;

/** A `_json.Encoder`: the encoder's settings. */
class PyEncoder extends PyObject {
  declare markers: PyValue;
  declare defaultFn: PyValue;
  /** The JSONEncoder whose `default` attribute defaultFn is, when it is not read yet (see _encode). */
  declare defaultOwner: PyValue | null;
  declare encoder: PyValue;
  declare indent: PyValue;
  declare keySeparator: PyValue;
  declare itemSeparator: PyValue;
  declare sortKeys: boolean;
  declare skipkeys: boolean;
  declare allowNan: boolean;
  declare fastEncode: number;
  constructor(cls: PyType, a: PyValue[]) {
    super();
    this.cls = cls;
    this.dict = null;
    this.markers = a[0];
    this.defaultFn = a[1];
    this.defaultOwner = null;
    this.encoder = a[2];
    this.indent = a[3];
    this.keySeparator = a[4];
    this.itemSeparator = a[5];
    this.sortKeys = isTrue(a[6]);
    this.skipkeys = isTrue(a[7]);
    this.allowNan = isTrue(a[8]);
    const fn = a[2] instanceof PyBuiltinFunction ? a[2].fn : null;
    this.fastEncode = fn === encodeAsciiBuiltin
      ? FAST_ASCII
      : fn === encodeUnicodeBuiltin
      ? FAST_UNICODE
      : FAST_NONE;
  }
}

/** `_json.encode_basestring_ascii(s)`. */
function encodeAsciiBuiltin(args: PyValue[], kwnames: string[] | null): PyValue {
  const [v] = bindArgs("encode_basestring_ascii", args, kwnames, ["s"], 1, 1);
  const s = strArg(v!);
  if (s === undefined) raise(Exc.TypeError, `first argument must be a string, not ${typeOf(v!).name}`);
  return encodeBasestringAscii(s);
}

/** `_json.encode_basestring(s)`. */
function encodeUnicodeBuiltin(args: PyValue[], kwnames: string[] | null): PyValue {
  const [v] = bindArgs("encode_basestring", args, kwnames, ["s"], 1, 1);
  const s = strArg(v!);
  if (s === undefined) raise(Exc.TypeError, `first argument must be a string, not ${typeOf(v!).name}`);
  return encodeBasestring(s);
}

/**
 * One encoding: walks the value, writing the text into a buffer. With an indent, errors are
 * worded as CPython's pure-Python encoder words them (that is the one CPython runs for indented
 * output).
 */
/**
 * A dict key as the str JSON writes for it (both encoders' rule), a float key as `writer` writes
 * floats; null when `skipkeys` skips a key of another type.
 */
function dictKeyText(key: PyValue, writer: { float(f: PyFloat): string }, skipkeys: boolean): string | null {
  switch (typeof key) {
    case "string":
      return key;
    case "boolean":
      return key ? "true" : "false";
    case "number":
      return String(key);
    case "bigint":
      return bigintToDecimal(key);
  }
  if (key instanceof PyStrObject) return key.value;
  if (key instanceof PyFloat) return writer.float(key);
  if (key === None) return "null";
  if (key instanceof PyIntObject) return intText(key.value);
  if (skipkeys) return null;
  return raise(Exc.TypeError, `keys must be str, int, float, bool or None, not ${typeOf(key).name}`);
}

/**
 * One spare output buffer: each dumps() would otherwise allocate (and zero) a buffer, which
 * dominates encoding small values. An encoding that starts while another runs (a default()
 * hook calling dumps) takes a new one.
 */
let spareBuffer: TextBuffer | null = null;
/** Buffers larger than this are not kept after use. */
const SPARE_BUFFER_MAX = 1 << 23;

function takeBuffer(): TextBuffer {
  const b = spareBuffer;
  if (b === null) return new TextBuffer(256);
  spareBuffer = null;
  return b;
}

function returnBuffer(b: TextBuffer): void {
  if (b.bytes.length <= SPARE_BUFFER_MAX && b.reset()) spareBuffer = b;
}

class JsonWriter {
  readonly out: TextBuffer;
  readonly enc: PyEncoder;
  /** How strings are written: FAST_ASCII, FAST_UNICODE, or through the encoder callable. */
  readonly fast: number;
  /**
   * Containers being encoded, outermost first, for "Circular reference detected" (null:
   * check_circular=False). They nest, so a stack: a short linear search beats hashing.
   */
  readonly active: PyValue[] | null;
  readonly indent: string | null;
  readonly keySeparator: string;
  readonly itemSeparator: string;
  /** "\n" and the indent repeated, by nesting level. */
  readonly newlines: string[] = [];
  constructor(enc: PyEncoder) {
    this.out = takeBuffer();
    this.enc = enc;
    this.fast = enc.fastEncode;
    this.active = enc.markers === None ? null : [];
    this.indent = enc.indent === None ? null : strArg(enc.indent) ?? null;
    this.keySeparator = strArg(enc.keySeparator)!;
    this.itemSeparator = strArg(enc.itemSeparator)!;
  }

  /** The text written, and the buffer back to the pool. */
  finish(): string {
    const text = this.out.text();
    returnBuffer(this.out);
    return text;
  }

  private newline(level: number): string {
    const cached = this.newlines[level];
    if (cached !== undefined) return cached;
    return this.newlines[level] = "\n" + this.indent!.repeat(level);
  }

  /** Writes s as a JSON string (quotes included). */
  str(s: string): void {
    const fast = this.fast;
    if (fast === FAST_NONE) {
      this.out.put(this.strSlow(s));
      return;
    }
    const out = this.out;
    const len = s.length;
    out.reserve(len * 6 + 2);
    if (out.wide) {
      out.units[out.length++] = QUOTE;
      this.strWide(s, 0);
      return;
    }
    // UTF-8 bytes (a lone surrogate, only written when ensure_ascii is off, widens the buffer)
    const bytes = out.bytes;
    let n = out.length;
    bytes[n++] = QUOTE;
    const limit = fast === FAST_ASCII ? 0x7f : 0x80;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH && c < limit) {
        bytes[n++] = c;
        continue;
      }
      if (c >= limit && fast === FAST_UNICODE) {
        const next = out.putUtf8(s, i, n);
        if (next >= 0) {
          n = next;
          if (c >= 0xd800 && c < 0xdc00) i++; // a pair (putUtf8 takes no lone surrogate)
          continue;
        }
        out.length = n;
        out.widen();
        this.strWide(s, i);
        return;
      }
      const escape = c < 0x7f ? ASCII_ESCAPES[c]! : uEscape(c);
      for (let k = 0; k < escape.length; k++) bytes[n++] = escape.charCodeAt(k);
    }
    bytes[n++] = QUOTE;
    out.length = n;
  }

  /** The rest of str(s) from s[i] on, into a widened buffer (the opening quote is written). */
  private strWide(s: string, i: number): void {
    const out = this.out;
    const units = out.units;
    const len = s.length;
    let n = out.length;
    const limit = this.fast === FAST_ASCII ? 0x7f : 0x10000;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH && c < limit) {
        units[n++] = c;
        if ((c & 0xf800) === 0xd800) out.sawSurrogate = true;
        continue;
      }
      const escape = c < 0x7f ? ASCII_ESCAPES[c]! : uEscape(c);
      for (let k = 0; k < escape.length; k++) units[n++] = escape.charCodeAt(k);
    }
    units[n++] = QUOTE;
    out.length = n;
  }

  private strSlow(s: string): string {
    const r = call(this.enc.encoder, [s]);
    const v = strArg(r);
    if (v === undefined) raise(Exc.TypeError, `encoder() must return a string, not ${typeOf(r).name}`);
    return v;
  }

  float(o: PyFloat): string {
    const x = o.value;
    if (Number.isFinite(x)) return floatRepr(x);
    if (!this.enc.allowNan) {
      raise(
        Exc.ValueError,
        "Out of range float values are not JSON compliant" +
          (this.indent === null ? "" : `: ${floatRepr(x)}`),
      );
    }
    return x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN";
  }

  value(o: PyValue, level: number): void {
    switch (typeof o) {
      case "string":
        this.str(o);
        return;
      case "number":
        this.out.put(String(o));
        return;
      case "bigint":
        this.out.put(bigintToDecimal(o));
        return;
      case "boolean":
        this.out.put(o ? "true" : "false");
        return;
    }
    if (o === None) this.out.put("null");
    else if (o instanceof PyFloat) this.out.put(this.float(o));
    else if (o instanceof PyList || o instanceof PyTuple) this.nested(o, level, true);
    else if (o instanceof PyDict) this.nested(o, level, false);
    else if (o instanceof PyStrObject) this.str(o.value);
    else if (o instanceof PyIntObject) this.out.put(intText(o.value));
    else this.other(o, level);
  }

  private nested(o: PyList | PyTuple | PyDict, level: number, isList: boolean): void {
    enterRecursion(this.indent === null ? " while encoding a JSON object" : "");
    try {
      if (isList) this.list(o as PyList | PyTuple, level);
      else this.dictionary(o as PyDict, level);
    } finally {
      leaveRecursion();
    }
  }

  private mark(o: PyValue): void {
    const active = this.active;
    if (active === null) return;
    if (active.indexOf(o) !== -1) raise(Exc.ValueError, "Circular reference detected");
    active.push(o);
  }

  private unmark(): void {
    if (this.active !== null) this.active.pop();
  }

  /** Something JSON has no form for: default(o), encoded in its place. */
  private other(o: PyValue, level: number): void {
    this.mark(o);
    const enc = this.enc;
    // `_encode` leaves default() to be looked up here, when an object first needs it.
    if (enc.defaultFn === DEFAULT_NOT_READ) enc.defaultFn = getAttr(enc.defaultOwner!, "default");
    const replacement = call(enc.defaultFn, [o]);
    enterRecursion(this.indent === null ? " while encoding a JSON object" : "");
    try {
      this.value(replacement, level);
    } finally {
      leaveRecursion();
    }
    this.unmark();
  }

  private list(o: PyList | PyTuple, level: number): void {
    const items = o.items;
    if (items.length === 0) {
      this.out.put("[]");
      return;
    }
    this.mark(o);
    this.out.putCode(91);
    let separator = this.itemSeparator;
    const indent = this.indent;
    if (indent !== null) {
      level++;
      const newline = this.newline(level);
      separator += newline;
      this.out.put(newline);
    }
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.out.put(separator);
      this.value(items[i], level);
    }
    if (indent !== null) this.out.put(this.newline(level - 1));
    this.out.putCode(93);
    this.unmark();
  }

  private dictionary(o: PyDict, level: number): void {
    if (o.size === 0) {
      this.out.put("{}");
      return;
    }
    this.mark(o);
    const [keys, values] = this.entries(o);
    this.out.putCode(123);
    let separator = this.itemSeparator;
    const indent = this.indent;
    if (indent !== null) {
      level++;
      const newline = this.newline(level);
      separator += newline;
      this.out.put(newline);
    }
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === DELETED) continue;
      const key = typeof k === "string" ? k : this.keyText(k);
      if (key === null) continue;
      if (!first) this.out.put(separator);
      first = false;
      this.str(key);
      this.out.put(this.keySeparator);
      this.value(values[i], level);
    }
    if (indent !== null) this.out.put(this.newline(level - 1));
    this.out.putCode(125);
    this.unmark();
  }

  /**
   * The dict's keys and values, sorted by item when sort_keys (a subclass through items()).
   * A copy, as CPython encodes a snapshot of the items (default() may change the dict); the
   * keys may include DELETED slots.
   */
  private entries(o: PyDict): [PyValue[], PyValue[]] {
    if (o.cls === dictType && !this.enc.sortKeys) return [o.keys.slice(), o.values.slice()];
    if (o.cls === dictType) {
      const sorted = sortedStrEntries(o);
      if (sorted !== null) return sorted;
    }
    const keys: PyValue[] = [], values: PyValue[] = [];
    let items: PyValue[];
    if (o.cls === dictType) {
      items = [];
      const k = o.keys, v = o.values;
      for (let i = 0; i < k.length; i++) if (k[i] !== DELETED) items.push(new PyTuple([k[i], v[i]]));
    } else {
      const [method, self] = loadMethod(o, "items");
      items = toArray(self === undefined ? call(method, []) : callMethod0(method, self));
    }
    if (this.enc.sortKeys) sortList(items, None, false);
    for (const item of items) {
      if (!(item instanceof PyTuple) || item.items.length !== 2) {
        raise(Exc.ValueError, "items must return 2-tuples");
      }
      keys.push(item.items[0]);
      values.push(item.items[1]);
    }
    return [keys, values];
  }

  /** A key as the str JSON writes (null: skipped). */
  private keyText(key: PyValue): string | null {
    return dictKeyText(key, this, this.enc.skipkeys);
  }
}

/** The whole JSON text of obj under enc's settings. */
function encodeAll(enc: PyEncoder, obj: PyValue, level: number): string {
  const writer = new JsonWriter(enc);
  writer.value(obj, level);
  return writer.finish();
}

/**
 * `_encode(encoder, o, encode_basestring_ascii, encode_basestring)`: JSONEncoder.encode(o) for
 * an encoder whose iterencode() is JSONEncoder's: the settings are read from the encoder's
 * attributes (as its iterencode() reads them each time), the text made at once. None when a
 * setting is unusual (an indent neither None, a str nor an int; a separator that is not a
 * str): then json.encoder's general path runs, and raises what it raises.
 */
function encodeWithSettings(encoderType: PyType, args: PyValue[], kwnames: string[] | null): PyValue {
  if (args.length !== 4 || (kwnames !== null && kwnames.length > 0)) {
    bindArgs(
      "_encode",
      args,
      kwnames,
      ["encoder", "o", "encode_basestring_ascii", "encode_basestring"],
      4,
      4,
    );
  }
  const [self, o, asciiFn, unicodeFn] = args;
  const ensureAscii = isTrue(encoderAttr(self, "ensure_ascii"));
  const encoder = ensureAscii ? asciiFn : unicodeFn;
  const text = strArg(o);
  if (text !== undefined) {
    const fn = encoder instanceof PyBuiltinFunction ? encoder.fn : null;
    if (fn === encodeAsciiBuiltin) return encodeBasestringAscii(text);
    if (fn === encodeUnicodeBuiltin) return encodeBasestring(text);
    return call(encoder, [o]);
  }
  let indent = encoderAttr(self, "indent");
  if (typeof indent === "number" || typeof indent === "boolean") {
    indent = " ".repeat(Math.max(0, Number(indent)));
  } else if (indent !== None && strArg(indent) === undefined) return None;
  const keySeparator = encoderAttr(self, "key_separator"),
    itemSeparator = encoderAttr(self, "item_separator");
  if (strArg(keySeparator) === undefined || strArg(itemSeparator) === undefined) return None;
  const settings = [
    isTrue(encoderAttr(self, "check_circular")) ? CHECK_CIRCULAR : None,
    DEFAULT_NOT_READ,
    encoder,
    indent,
    keySeparator,
    itemSeparator,
    encoderAttr(self, "sort_keys"),
    encoderAttr(self, "skipkeys"),
    encoderAttr(self, "allow_nan"),
  ];
  const enc = new PyEncoder(encoderType, settings);
  enc.defaultOwner = self;
  return encodeAll(enc, o, 0);
}

/** The markers of an encoding that checks for cycles (never seen by Python: only `!== None` counts). */
const CHECK_CIRCULAR = new PyDict();
/** defaultFn before the encoder's `default` is looked up. */
const DEFAULT_NOT_READ: PyValue = new PyDict();

/**
 * getattr(encoder, name) for the settings of a JSONEncoder: an instance attribute read from the
 * instance's values, or a plain class attribute (a str, bool, int or None), when no class in its
 * MRO has a data descriptor of that name; else getattr itself.
 */
function encoderAttr(self: PyValue, name: string): PyValue {
  if (
    self instanceof PyInstance && self.shape !== null && self.dict === null &&
    self.cls.instanceDictFirst(name)
  ) {
    const i = self.shape.names.indexOf(name);
    if (i >= 0) return self.values![i];
    const v = self.cls.lookup(name);
    if (v !== undefined && (typeof v !== "object" || v === None)) return v;
  }
  return getAttr(self, name);
}

/**
 * The entries of a dict whose keys are all str, sorted by key (code point order), or null for
 * other keys. Keys are unique, so sorting the items (CPython) compares only keys.
 */
function sortedStrEntries(o: PyDict): [PyValue[], PyValue[]] | null {
  const keys: string[] = [], values: PyValue[] = [];
  const k = o.keys, v = o.values;
  for (let i = 0; i < k.length; i++) {
    const key = k[i];
    if (key === DELETED) continue;
    if (typeof key !== "string") return null;
    keys.push(key);
    values.push(v[i]);
  }
  const n = keys.length;
  if (n <= 16) {
    // insertion sort of both arrays together: cheaper than a sort call for a few keys
    for (let i = 1; i < n; i++) {
      const key = keys[i], value = values[i];
      let j = i - 1;
      while (j >= 0 && strOrder(keys[j], key) > 0) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = key;
      values[j + 1] = value;
    }
    return [keys, values];
  }
  const order = keys.map((_, i) => i).sort((a, b) => strOrder(keys[a], keys[b]));
  return [order.map((i) => keys[i]), order.map((i) => values[i])];
}

function intText(v: number | bigint): string {
  return typeof v === "number" ? String(v) : bigintToDecimal(v);
}

// ---------------------------------------------------------------------------------------------
// Chunks, as CPython's pure-Python encoder yields them (iterencode(), json.dump)

/**
 * The chunks of one iterencode(): the pieces CPython's pure-Python encoder (json.encoder's
 * _make_iterencode) yields, in its order and made when asked for (default() is called, and its
 * errors raised, between the same chunks; a list is read live). A scalar item travels with
 * the separator before it; containers open, separate and close in chunks of their own.
 */
class JsonChunks {
  readonly enc: PyEncoder;
  readonly fast: number;
  /** Containers being encoded, outermost first (null: check_circular=False). */
  readonly active: PyValue[] | null;
  readonly indent: string | null;
  readonly keySeparator: string;
  readonly itemSeparator: string;
  /** Containers open now: the generators CPython would have on the stack. */
  depth = 0;
  constructor(enc: PyEncoder) {
    this.enc = enc;
    this.fast = enc.fastEncode;
    this.active = enc.markers === None ? null : [];
    this.indent = enc.indent === None ? null : strArg(enc.indent) ?? null;
    this.keySeparator = strArg(enc.keySeparator)!;
    this.itemSeparator = strArg(enc.itemSeparator)!;
  }

  private str(s: string): string {
    if (this.fast === FAST_ASCII) return encodeBasestringAscii(s);
    if (this.fast === FAST_UNICODE) return encodeBasestring(s);
    const r = call(this.enc.encoder, [s]);
    const v = strArg(r);
    if (v === undefined) raise(Exc.TypeError, `encoder() must return a string, not ${typeOf(r).name}`);
    return v;
  }

  float(o: PyFloat): string {
    const x = o.value;
    if (Number.isFinite(x)) return floatRepr(x);
    if (!this.enc.allowNan) {
      raise(Exc.ValueError, `Out of range float values are not JSON compliant: ${floatRepr(x)}`);
    }
    return x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN";
  }

  /** The text of a str, None, bool, int or float; null for anything else. */
  private scalar(o: PyValue): string | null {
    switch (typeof o) {
      case "string":
        return this.str(o);
      case "number":
        return String(o);
      case "bigint":
        return bigintToDecimal(o);
      case "boolean":
        return o ? "true" : "false";
    }
    if (o instanceof PyStrObject) return this.str(o.value);
    if (o === None) return "null";
    if (o instanceof PyIntObject) return intText(o.value);
    if (o instanceof PyFloat) return this.float(o);
    return null;
  }

  /** A dict key as the str it is written as (null: skipped). */
  private key(key: PyValue): string | null {
    return dictKeyText(key, this, this.enc.skipkeys);
  }

  private enter(o: PyValue): void {
    // Each open container is a generator frame in CPython: its recursion limit applies.
    if (threadState.depth + this.depth >= threadState.recursionLimit) {
      raise(Exc.RecursionError, "maximum recursion depth exceeded while calling a Python object");
    }
    this.depth++;
    const active = this.active;
    if (active === null) return;
    if (active.indexOf(o) !== -1) raise(Exc.ValueError, "Circular reference detected");
    active.push(o);
  }

  private leave(): void {
    this.depth--;
    if (this.active !== null) this.active.pop();
  }

  *value(o: PyValue, level: number): Generator<string, void, undefined> {
    const text = this.scalar(o);
    if (text !== null) yield text;
    else yield* this.compound(o, level);
  }

  private compound(o: PyValue, level: number): Generator<string, void, undefined> {
    if (o instanceof PyList || o instanceof PyTuple) return this.list(o, level);
    if (o instanceof PyDict) return this.dictionary(o, level);
    return this.other(o, level);
  }

  private *list(o: PyList | PyTuple, level: number): Generator<string, void, undefined> {
    const exact = o.cls === listType || o.cls === tupleType;
    if (exact ? o.items.length === 0 : !isTrue(o)) {
      yield "[]";
      return;
    }
    this.enter(o);
    let separator = this.itemSeparator, prefix = "[", newline: string | null = null;
    if (this.indent !== null) {
      level++;
      newline = "\n" + this.indent.repeat(level);
      separator += newline;
      prefix += newline;
    }
    // An exact list is read by index, live (as Python's list iterator); a subclass through
    // its own iteration.
    const it = exact ? null : getIter(o);
    for (let i = 0;; i++) {
      let value: PyValue | undefined;
      if (it === null) value = i < o.items.length ? o.items[i] : undefined;
      else value = iterNext(it);
      if (value === undefined) break;
      const text = this.scalar(value);
      if (text !== null) yield prefix + text;
      else {
        yield prefix;
        yield* this.compound(value, level);
      }
      prefix = separator;
    }
    if (newline !== null) yield "\n" + this.indent!.repeat(level - 1);
    yield "]";
    this.leave();
  }

  private *dictionary(o: PyDict, level: number): Generator<string, void, undefined> {
    const exact = o.cls === dictType;
    if (exact ? o.size === 0 : !isTrue(o)) {
      yield "{}";
      return;
    }
    this.enter(o);
    yield "{";
    let separator = this.itemSeparator, newline: string | null = null;
    if (this.indent !== null) {
      level++;
      newline = "\n" + this.indent.repeat(level);
      separator += newline;
      yield newline;
    }
    let first = true;
    for (const [k, v] of this.items(o, exact)) {
      const key = this.key(k);
      if (key === null) continue;
      if (!first) yield separator;
      first = false;
      yield this.str(key);
      yield this.keySeparator;
      const text = this.scalar(v);
      if (text !== null) yield text;
      else yield* this.compound(v, level);
    }
    if (newline !== null) yield "\n" + this.indent!.repeat(level - 1);
    yield "}";
    this.leave();
  }

  /** A dict's items as the encoder iterates them: live for a dict, sorted when sort_keys. */
  private *items(o: PyDict, exact: boolean): Generator<[PyValue, PyValue], void, undefined> {
    if (exact && !this.enc.sortKeys) {
      const size = o.size;
      for (let i = 0; i < o.keys.length; i++) {
        if (o.size !== size) raise(Exc.RuntimeError, "dictionary changed size during iteration");
        const k = o.keys[i];
        if (k !== DELETED) yield [k, o.values[i]];
      }
      if (o.size !== size) raise(Exc.RuntimeError, "dictionary changed size during iteration");
      return;
    }
    const [method, self] = loadMethod(o, "items");
    const view = self === undefined ? call(method, []) : callMethod0(method, self);
    let items: PyValue[];
    if (this.enc.sortKeys) {
      items = toArray(view);
      sortList(items, None, false);
    } else items = toArray(view);
    for (const item of items) {
      const pair = item instanceof PyTuple ? item.items : toArray(item);
      if (pair.length !== 2) {
        raise(
          Exc.ValueError,
          pair.length > 2
            ? "too many values to unpack (expected 2)"
            : `not enough values to unpack (expected 2, got ${pair.length})`,
        );
      }
      yield [pair[0], pair[1]];
    }
  }

  /** Something JSON has no form for: default(o), encoded in its place. */
  private *other(o: PyValue, level: number): Generator<string, void, undefined> {
    this.enter(o);
    yield* this.value(call(this.enc.defaultFn, [o]), level);
    this.leave();
  }
}

// ---------------------------------------------------------------------------------------------
// The module

/** Builds the `_json` module (its Scanner and Encoder types are made here, on first import). */
export function makeJsonModule(): PyModule {
  const scannerType = moduleType("_json", "Scanner");
  scannerType.tp_new = (cls, args, kwnames) => {
    const [context] = bindArgs("make_scanner", args, kwnames, ["context"], 1);
    return new PyScanner(cls, context!);
  };
  installNew(scannerType);
  scannerType.tp_call = (self, args, kwnames) => scanOnce(self as PyScanner, args, kwnames);
  const scannerMembers: [string, (s: PyScanner) => PyValue][] = [
    ["strict", (s) => s.strict],
    ["object_hook", (s) => s.objectHook],
    ["object_pairs_hook", (s) => s.objectPairsHook],
    ["parse_float", (s) => s.parseFloat],
    ["parse_int", (s) => s.parseInt],
    ["parse_constant", (s) => s.parseConstant],
  ];
  for (const [name, get] of scannerMembers) {
    scannerType.attrs.set(name, getter(scannerType, name, (v) => get(v as PyScanner)));
  }

  const encoderType = moduleType("_json", "Encoder");
  const encoderArgs = [
    "markers",
    "default",
    "encoder",
    "indent",
    "key_separator",
    "item_separator",
    "sort_keys",
    "skipkeys",
    "allow_nan",
  ];
  encoderType.tp_new = (cls, args, kwnames) => {
    const a = bindArgs("make_encoder", args, kwnames, encoderArgs, 9) as PyValue[];
    if (a[0] !== None && !(a[0] instanceof PyDict)) {
      raise(Exc.TypeError, `make_encoder() argument 1 must be dict or None, not ${typeOf(a[0]).name}`);
    }
    if (strArg(a[4]) === undefined) {
      raise(Exc.TypeError, `make_encoder() argument 5 must be str, not ${typeOf(a[4]).name}`);
    }
    if (strArg(a[5]) === undefined) {
      raise(Exc.TypeError, `make_encoder() argument 6 must be str, not ${typeOf(a[5]).name}`);
    }
    if (a[3] !== None && strArg(a[3]) === undefined) {
      raise(Exc.TypeError, `make_encoder() argument 4 must be str or None, not ${typeOf(a[3]).name}`);
    }
    return new PyEncoder(cls, a);
  };
  installNew(encoderType);
  encoderType.tp_call = (self, args, kwnames) => {
    const [obj, level] = bindArgs("_iterencode", args, kwnames, ["obj", "_current_indent_level"], 2);
    return new PyList([encodeAll(self as PyEncoder, obj!, indexArg(level!))]);
  };
  // enc._chunks(obj, level): CPython's pure-Python chunks (JSONEncoder.iterencode), lazily.
  const chunksType = moduleIteratorType("_json", "chunk_iterator", 0);
  defMethod(encoderType, "_chunks", (args, kwnames) => {
    const [obj, level] = bindArgs("_chunks", args.slice(1), kwnames, ["obj", "_current_indent_level"], 2);
    const chunks = new JsonChunks(args[0] as PyEncoder).value(obj!, indexArg(level!));
    return makeIterator(chunksType, () => {
      const step = chunks.next();
      return step.done ? undefined : step.value;
    });
  });
  const encoderMembers: [string, (e: PyEncoder) => PyValue][] = [
    ["markers", (e) => e.markers],
    ["default", (e) => e.defaultFn],
    ["encoder", (e) => e.encoder],
    ["indent", (e) => e.indent],
    ["key_separator", (e) => e.keySeparator],
    ["item_separator", (e) => e.itemSeparator],
    ["sort_keys", (e) => e.sortKeys],
    ["skipkeys", (e) => e.skipkeys],
  ];
  for (const [name, get] of encoderMembers) {
    encoderType.attrs.set(name, getter(encoderType, name, (v) => get(v as PyEncoder)));
  }

  const module = buildModule("_json", "json speedups\n", {
    scanstring: (args, kwnames) => {
      const [stringArg, endArg, strictArg] = bindArgs("scanstring", args, kwnames, [
        "string",
        "end",
        "strict",
      ], 2);
      const s = strArg(stringArg!);
      if (s === undefined) {
        raise(Exc.TypeError, `first argument must be a string, not ${typeOf(stringArg!).name}`);
      }
      const end = indexArg(endArg!);
      const surrogates = hasSurrogates(s);
      const cpLength = surrogates ? codePointIndex(s, s.length) : s.length;
      if (end < 0 || end > cpLength) raise(Exc.ValueError, "end is out of bounds");
      const strict = strictArg === undefined ? true : isTrue(strictArg);
      const value = scanString(s, surrogates ? unitIndex(s, end) : end, strict, stringArg!);
      return newTuple([value, surrogates ? codePointIndex(s, scanEnd) : scanEnd]);
    },
    encode_basestring_ascii: encodeAsciiBuiltin,
    encode_basestring: encodeUnicodeBuiltin,
  }, { make_scanner: scannerType, make_encoder: encoderType });
  module.dict!.setStr(
    "_encode",
    new PyBuiltinFunction(
      "_encode",
      (args, kwnames) => encodeWithSettings(encoderType, args, kwnames),
      null,
      "_json",
    ),
  );
  // The whitespace skip json.decoder's decode() needs around the document (a regex in CPython).
  module.dict!.setStr(
    "_skip_whitespace",
    new PyBuiltinFunction("_skip_whitespace", skipWhitespace, null, "_json"),
  );
  return module;
}

/** _skip_whitespace(s, idx): the index of the first non-whitespace character at or after idx. */
function skipWhitespace(args: PyValue[], kwnames: string[] | null): PyValue {
  const [stringArg, idxArg] = bindArgs("_skip_whitespace", args, kwnames, ["s", "idx"], 2, 2);
  const s = strArg(stringArg!);
  if (s === undefined) {
    raise(Exc.TypeError, `first argument must be a string, not ${typeOf(stringArg!).name}`);
  }
  const surrogates = hasSurrogates(s);
  let i = surrogates ? unitIndex(s, indexArg(idxArg!)) : indexArg(idxArg!);
  while (i < s.length && isWhitespace(s.charCodeAt(i))) i++;
  return surrogates ? codePointIndex(s, i) : i;
}

/** A read-only member descriptor (CPython's T_OBJECT members of Scanner and Encoder). */
function getter(owner: PyType, name: string, get: (v: PyValue) => PyValue): PyValue {
  return new PyGetSetReadOnly(owner, name, get);
}

/** A getset descriptor whose setter refuses, as a read-only member does. */
class PyGetSetReadOnly extends PyGetSetDescriptor {
  constructor(owner: PyType, name: string, get: (v: PyValue) => PyValue) {
    super(name, owner, (v) => {
      if (!(typeOf(v).isSubtypeOf(owner))) {
        raise(
          Exc.TypeError,
          `descriptor '${name}' for '${owner.module}.${owner.name}' objects doesn't apply to a '${
            typeOf(v).name
          }' object`,
        );
      }
      return get(v);
    }, () => raise(Exc.AttributeError, "readonly attribute"));
  }
}
