/**
 * String literal decoding: a STRING token's raw text (prefix and quotes included) → its value,
 * with every escape processed as CPython does. FSTRING_MIDDLE text goes through `decodeEscapes`.
 *
 * A bytes value is a string holding one char per byte (code points 0..255).
 *
 * @example
 * ```ts
 * import { decodeString } from "./strings.ts";
 * console.log(decodeString(String.raw`b'\x41\n'`)); // { bytes: true, value: "A\n" }
 * ```
 * @module
 */
import { PySyntaxError } from "./syntax_error.ts";
import { lookupUnicodeName } from "./unicode_names.ts";

/** Where a literal sits in the source, so decoding errors point at it (CPython's convention). */
export interface LiteralLocation {
  filename: string;
  line: number;
  /** 1-based code point offset of the literal's first character. */
  offset: number;
  /** 1-based code point offset just past the literal (on `endLine`). */
  endOffset: number;
  endLine: number;
  /** The source line the literal starts on, without its newline. */
  text: string | null;
}

/** A literal's prefix flags, parsed from the letters before the opening quote. */
export interface StringPrefix {
  bytes: boolean;
  raw: boolean;
  format: boolean;
  /** Length of the prefix letters. */
  length: number;
}

/** Reads the prefix letters (`r`, `b`, `u`, `f` in any case and order) of a literal. */
export function parsePrefix(raw: string): StringPrefix {
  let bytes = false, isRaw = false, format = false, i = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i) | 0x20;
    if (c === 0x62) bytes = true; // b
    else if (c === 0x72) isRaw = true; // r
    else if (c === 0x66) format = true; // f
    else if (c !== 0x75) break; // u
  }
  return { bytes, raw: isRaw, format, length: i };
}

/**
 * Decodes a STRING token's raw source text. Throws PySyntaxError with CPython's message for a
 * malformed escape or a non-ASCII character in a bytes literal; `where` locates the error (without
 * it the error has line 1, offset 1 and the caller should relocate it).
 */
export function decodeString(raw: string, where?: LiteralLocation): { bytes: boolean; value: string } {
  const prefix = parsePrefix(raw);
  const quote = raw.charCodeAt(prefix.length);
  const triple = raw.length >= prefix.length + 6 && raw.charCodeAt(prefix.length + 1) === quote &&
    raw.charCodeAt(prefix.length + 2) === quote;
  const q = triple ? 3 : 1;
  const body = raw.slice(prefix.length + q, raw.length - q);
  return { bytes: prefix.bytes, value: decodeEscapes(body, prefix.bytes, prefix.raw, where) };
}

const BACKSLASH = 0x5c;

/** Escape letter → the character it stands for (the simple one-letter escapes). */
const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/**
 * Processes the escapes of a literal's body (the text between the quotes). `raw` keeps every
 * backslash; line endings `\r\n` and `\r` become `\n` either way, as CPython reads source.
 */
export function decodeEscapes(body: string, bytes: boolean, raw: boolean, where?: LiteralLocation): string {
  let plain = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === BACKSLASH || c === 0x0d || (bytes && c >= 0x80)) {
      plain = false;
      break;
    }
  }
  if (plain) return body;
  if (bytes) {
    for (let i = 0; i < body.length; i++) {
      if (body.charCodeAt(i) >= 0x80) {
        throw literalError("bytes can only contain ASCII literal characters", where, true);
      }
    }
  }
  if (raw) return body.replace(/\r\n?/g, "\n");
  return decodeSlow(body, bytes, where);
}

function decodeSlow(body: string, bytes: boolean, where?: LiteralLocation): string {
  let out = "";
  let i = 0;
  const n = body.length;
  let runStart = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c === 0x0d) {
      out += body.slice(runStart, i) + "\n";
      i += body.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      runStart = i;
      continue;
    }
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    out += body.slice(runStart, i);
    const escStart = i;
    const e = body[i + 1];
    i += 2;
    if (e === undefined) {
      // A lone trailing backslash cannot survive tokenizing; keep it as written.
      out += "\\";
    } else if (e === "\n") {
      // backslash-newline: a line continuation inside the literal
    } else if (e === "\r") {
      if (body.charCodeAt(i) === 0x0a) i++;
    } else if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
    } else if (e >= "0" && e <= "7") {
      let value = e.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && body[i] >= "0" && body[i] <= "7"; k++, i++) {
        value = value * 8 + body.charCodeAt(i) - 48;
      }
      out += String.fromCharCode(bytes ? value & 0xff : value);
    } else if (e === "x" || (!bytes && (e === "u" || e === "U"))) {
      const digits = e === "x" ? 2 : e === "u" ? 4 : 8;
      let value = 0, k = 0;
      for (; k < digits; k++) {
        const d = hexValue(body.charCodeAt(i + k));
        if (d < 0) break;
        value = value * 16 + d;
      }
      if (k < digits) {
        if (bytes) {
          // A bytes body is ASCII, so its index is the byte position.
          throw literalError(`(value error) invalid \\x escape at position ${escStart}`, where);
        }
        const what = e === "x" ? "\\xXX" : e === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        throw unicodeError(body, escStart, i + k - 1, `truncated ${what} escape`, where);
      }
      i += k;
      if (value > 0x10ffff) throw unicodeError(body, escStart, i - 1, "illegal Unicode character", where);
      out += String.fromCodePoint(value);
    } else if (e === "N" && !bytes) {
      const close = body.charCodeAt(i) === 0x7b ? body.indexOf("}", i + 1) : -1;
      if (close < 0 || close === i + 1) {
        const end = close < 0 ? (body.charCodeAt(i) === 0x7b ? n - 1 : i - 1) : close - 1;
        throw unicodeError(body, escStart, end, "malformed \\N character escape", where);
      }
      const cp = lookupUnicodeName(body.slice(i + 1, close));
      if (cp < 0) throw unicodeError(body, escStart, close, "unknown Unicode character name", where);
      out += String.fromCodePoint(cp);
      i = close + 1;
    } else {
      // An invalid escape such as `\d` stays as written (CPython only warns).
      out += "\\";
      i--;
    }
    runStart = i;
  }
  return out + body.slice(runStart);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/**
 * The byte position CPython reports for index `i` of a str body: it re-encodes every non-ASCII
 * character as a 10-byte `\UXXXXXXXX` escape before decoding, so those count 10.
 */
function unicodeEscapePosition(body: string, i: number): number {
  let pos = 0;
  for (let k = 0; k < i; k++) {
    const c = body.charCodeAt(k);
    if (c < 0x80) pos++;
    else {
      pos += 10;
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < i) k++;
    }
  }
  return pos;
}

function unicodeError(
  body: string,
  from: number,
  to: number,
  what: string,
  where?: LiteralLocation,
): PySyntaxError {
  const a = unicodeEscapePosition(body, from);
  const b = a + unicodeEscapePosition(body.slice(from), to - from + 1) - 1;
  return literalError(
    `(unicode error) 'unicodeescape' codec can't decode bytes in position ${a}-${b}: ${what}`,
    where,
  );
}

/** CPython points decoding errors just past the literal; the bytes-ASCII error spans it. */
function literalError(msg: string, where: LiteralLocation | undefined, span = false): PySyntaxError {
  if (!where) return new PySyntaxError("SyntaxError", msg, "<unknown>", 1, 1, null);
  if (span) {
    return new PySyntaxError(
      "SyntaxError",
      msg,
      where.filename,
      where.line,
      where.offset,
      where.text,
      where.endLine,
      where.endOffset,
    );
  }
  return new PySyntaxError(
    "SyntaxError",
    msg,
    where.filename,
    where.endLine,
    where.endOffset,
    where.text,
    where.endLine,
    where.endOffset,
  );
}
