/**
 * Source encodings (PEP 263): the bytes of a Python source file → its text, for the lexer.
 *
 * As CPython's tokenizer: a UTF-8 byte order mark, or a `coding[:=]NAME` comment on line 1 (or on
 * line 2 when line 1 is blank or a comment) chooses the encoding; UTF-8 is the default. Supported:
 * utf-8, latin-1 (iso-8859-1), ascii and cp1252, under Python's names and aliases for them, and the
 * other ISO-8859, KOI8 and Windows single-byte code pages; any other name is a SyntaxError
 * "unknown encoding: NAME". Bytes the encoding cannot decode give
 * CPython's codec message ("(unicode error) 'utf-8' codec can't decode byte 0xff in position 0:
 * invalid start byte"), located at the line and column of the bad byte.
 *
 * @example
 * ```ts
 * import { decodeSource } from "./source_encoding.ts";
 * const text = decodeSource(new Uint8Array([0x78, 0x3d, 0x27, 0xe9, 0x27, 0x0a]), "x.py"); // with no cookie: utf-8
 * ```
 * @module
 */
import { PySyntaxError } from "./syntax_error.ts";

/** Python's codec names and aliases (normalized: lower case, `-` and spaces as `_`) → our decoder. */
const CODECS: { readonly [name: string]: "utf-8" | "latin-1" | "ascii" | "cp1252" } = {
  utf_8: "utf-8",
  utf8: "utf-8",
  u8: "utf-8",
  utf: "utf-8",
  utf8_ucs2: "utf-8",
  utf8_ucs4: "utf-8",
  cp65001: "utf-8",
  latin_1: "latin-1",
  latin1: "latin-1",
  latin: "latin-1",
  l1: "latin-1",
  iso_8859_1: "latin-1",
  iso8859_1: "latin-1",
  iso_ir_100: "latin-1",
  "8859": "latin-1",
  cp819: "latin-1",
  ascii: "ascii",
  us_ascii: "ascii",
  us: "ascii",
  "646": "ascii",
  ansi_x3_4_1968: "ascii",
  iso646_us: "ascii",
  cp1252: "cp1252",
  windows_1252: "cp1252",
  "1252": "cp1252",
};

/**
 * Other single-byte encodings, decoded by TextDecoder (its tables for these agree with Python's):
 * Python's normalized names → WHATWG label.
 */
const SINGLE_BYTE_CODECS: { readonly [name: string]: string } = (() => {
  const table: { [name: string]: string } = {};
  for (const n of [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16]) {
    table[`iso8859_${n}`] = table[`iso_8859_${n}`] = `iso-8859-${n}`;
  }
  Object.assign(table, {
    latin2: "iso-8859-2",
    cyrillic: "iso-8859-5",
    greek: "iso-8859-7",
    hebrew: "iso-8859-8",
  });
  Object.assign(table, { koi8_r: "koi8-r", koi8_u: "koi8-u" });
  for (const n of [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258]) {
    table[`cp${n}`] = table[`windows_${n}`] = `windows-${n}`;
  }
  return table;
})();

/** The bytes cp1252 leaves undefined (TextDecoder's windows-1252 maps them to C1 controls). */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a Python source file's bytes as CPython's tokenizer would; throws PySyntaxError for an
 * unknown encoding or undecodable bytes. The result has no byte order mark.
 * @example
 * ```ts
 * import { decodeSource } from "./source_encoding.ts";
 * const bytes = new TextEncoder().encode("# -*- coding: latin-1 -*-\nx = 1\n");
 * console.log(decodeSource(bytes, "x.py")); // the same text
 * ```
 */
export function decodeSource(bytes: Uint8Array, filename: string, mode: DecodeMode = "compile"): string {
  try {
    return decodeAs(bytes, filename);
  } catch (e) {
    if (mode === "script" && e instanceof PySyntaxError) throw asScriptError(e, bytes, filename);
    throw e;
  }
}

/**
 * Whose messages a decoding error gets: `compile()`'s and `ast.parse()`'s, or those of the file
 * tokenizer that reads a script (`python3 file.py`), which differ (see asScriptError).
 */
export type DecodeMode = "compile" | "script";

/**
 * CPython's file tokenizer words decoding errors its own way: a declared encoding that is unknown
 * or cannot decode the file is "encoding problem: NAME"; undecodable UTF-8 with no declaration is
 * "Non-UTF-8 code starting with …"; both without a location (lineno 0). Undecodable UTF-8 under an
 * explicit utf-8 declaration keeps the codec message.
 */
function asScriptError(e: PySyntaxError, bytes: Uint8Array, filename: string): PySyntaxError {
  const bom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] &&
    bytes[2] === UTF8_BOM[2];
  const declared = codingCookie(bom ? bytes.subarray(3) : bytes);
  if (declared !== null) {
    if (normalName(declared) === "utf-8" || e.msg.endsWith("with BOM")) return e;
    return locationless(`encoding problem: ${declared}`, filename);
  }
  if (!e.msg.startsWith("(unicode error) 'utf-8'")) return e;
  const first = bytes[firstInvalidUtf8(bytes).i];
  const bad = e.lineno;
  return locationless(
    `Non-UTF-8 code starting with '\\x${
      first.toString(16).padStart(2, "0")
    }' in file ${filename} on line ${bad}, ` +
      "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
    filename,
  );
}

function decodeAs(bytes: Uint8Array, filename: string): string {
  const bom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] &&
    bytes[2] === UTF8_BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = codingCookie(body);
  let codec: "utf-8" | "latin-1" | "ascii" | "cp1252" = "utf-8";
  if (declared !== null) {
    const normal = normalName(declared);
    // With a BOM, only a cookie that CPython itself reads as utf-8 is accepted.
    if (bom && normal !== "utf-8") throw locationless(`encoding problem: ${normal} with BOM`, filename);
    const key = normal.toLowerCase().replace(/[-\s]/g, "_");
    const found = CODECS[key];
    if (found === undefined) {
      const label = SINGLE_BYTE_CODECS[key];
      if (label === undefined) throw locationless(`unknown encoding: ${declared}`, filename);
      try {
        return new TextDecoder(label, { fatal: true }).decode(body);
      } catch {
        throw locationless(`'${key}' codec can't decode the source`, filename);
      }
    }
    codec = found;
  }
  switch (codec) {
    case "latin-1":
      return latin1(body);
    case "ascii":
      return ascii(body, filename);
    case "cp1252":
      return cp1252(body, filename);
    default:
      return utf8(body, filename);
  }
}

/** The encoding name of a `coding[:=]` comment on line 1, or line 2 after a blank or comment line. */
function codingCookie(bytes: Uint8Array): string | null {
  let start = 0;
  for (let line = 1; line <= 2 && start < bytes.length; line++) {
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    const text = latin1(bytes.subarray(start, end));
    const found = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(text);
    if (found !== null) return found[1];
    // Only a blank or comment-only first line lets line 2 declare the encoding.
    if (!/^[ \t\f]*(#.*)?$/.test(text)) return null;
    start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
  }
  return null;
}

/** CPython's get_normal_name: the spellings of utf-8 and latin-1 it recognises itself. */
function normalName(name: string): string {
  const head = name.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (head === "utf-8" || head.startsWith("utf-8-")) return "utf-8";
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(head)) return "iso-8859-1";
  return name;
}

/** An error about the whole file (CPython gives it no line: lineno 0, offset -1). */
function locationless(msg: string, filename: string): PySyntaxError {
  return new PySyntaxError("SyntaxError", msg, filename, 0, -1, null, 0, -1);
}

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length)));
  }
  return out;
}

function ascii(bytes: Uint8Array, filename: string): string {
  const bad = bytes.findIndex((b) => b >= 0x80);
  if (bad >= 0) {
    throw locationless(
      `'ascii' codec can't decode byte ${hex(bytes[bad])} in position ${bad}: ordinal not in range(128)`,
      filename,
    );
  }
  return latin1(bytes);
}

function cp1252(bytes: Uint8Array, filename: string): string {
  const bad = bytes.findIndex((b) => CP1252_UNDEFINED.has(b));
  if (bad >= 0) {
    throw locationless(
      `'charmap' codec can't decode byte ${
        hex(bytes[bad])
      } in position ${bad}: character maps to <undefined>`,
      filename,
    );
  }
  return new TextDecoder("windows-1252").decode(bytes);
}

const FATAL_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function utf8(bytes: Uint8Array, filename: string): string {
  try {
    return FATAL_UTF8.decode(bytes);
  } catch {
    throw utf8Error(bytes, filename);
  }
}

/**
 * The first invalid UTF-8 sequence, reported as Python's utf-8 codec words it, with the position
 * counted from the start of its line (CPython decodes a file line by line).
 */
/** The first invalid UTF-8 sequence: where it starts, why it is invalid, and how many bytes it spans. */
function firstInvalidUtf8(bytes: Uint8Array): { i: number; reason: string; length: number } {
  let i = 0;
  let reason = "";
  let length = 1;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80
      ? 0
      : b >= 0xc2 && b <= 0xdf
      ? 1
      : b >= 0xe0 && b <= 0xef
      ? 2
      : b >= 0xf0 && b <= 0xf4
      ? 3
      : -1;
    if (need === 0) {
      i++;
      continue;
    }
    if (need < 0) {
      reason = "invalid start byte";
      break;
    }
    // The second byte's range depends on the first (no overlong forms, surrogates or > U+10FFFF).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let k = 1;
    for (; k <= need && i + k < bytes.length; k++) {
      const c = bytes[i + k];
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) break;
    }
    if (k > need) {
      i += need + 1;
      continue;
    }
    if (i + k >= bytes.length) {
      reason = "unexpected end of data";
      length = k;
    } else reason = "invalid continuation byte";
    break;
  }
  return { i, reason, length };
}

function utf8Error(bytes: Uint8Array, filename: string): PySyntaxError {
  const { i, reason, length } = firstInvalidUtf8(bytes);
  let lineStart = 0;
  let lineno = 1;
  for (let k = 0; k < i; k++) {
    if (bytes[k] === 0x0a || (bytes[k] === 0x0d && bytes[k + 1] !== 0x0a)) {
      lineno++;
      lineStart = k + 1;
    }
  }
  const position = i - lineStart;
  const where = length === 1
    ? `byte ${hex(bytes[i])} in position ${position}`
    : `bytes in position ${position}-${position + length - 1}`;
  let lineEnd = i;
  while (lineEnd < bytes.length && bytes[lineEnd] !== 0x0a && bytes[lineEnd] !== 0x0d) lineEnd++;
  const before = new TextDecoder().decode(bytes.subarray(lineStart, i));
  const text = new TextDecoder().decode(bytes.subarray(lineStart, lineEnd));
  const offset = [...before].length + 1;
  return new PySyntaxError(
    "SyntaxError",
    `(unicode error) 'utf-8' codec can't decode ${where}: ${reason}`,
    filename,
    lineno,
    offset,
    text,
    lineno,
    offset,
  );
}

function hex(b: number): string {
  return `0x${b.toString(16).padStart(2, "0")}`;
}
