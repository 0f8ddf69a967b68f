/**
 * Python reprs of constant values, exactly as CPython 3.11 prints them: float (shortest
 * round-trip, Python's exponent style), str (quote choice, escapes, `str.isprintable`), bytes,
 * complex, and int.
 *
 * In: JS values standing for Python constants. Out: the text `repr()` gives in CPython.
 *
 * @example
 * ```ts
 * import { floatRepr, strRepr } from "./repr.ts";
 * console.log(floatRepr(1e16)); // "1e+16"
 * console.log(strRepr("it's")); // "\"it's\""
 * ```
 * @module
 */
import { NON_PRINTABLE_RANGES } from "./unicode_nonprintable.ts";

/**
 * Formats a float as `repr()` does (`addDot0` false: as inside a complex repr, `1` not `1.0`).
 * @example
 * ```ts
 * import { floatRepr } from "./repr.ts";
 * floatRepr(1.5e-7); // "1.5e-07"
 * ```
 */
export function floatRepr(x: number, addDot0 = true): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return (Object.is(x, -0) ? "-0" : "0") + (addDot0 ? ".0" : "");
  // Between 1e-4 and 1e16 both languages write the shortest round-trip digits without exponent.
  const magnitude = x < 0 ? -x : x;
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(x);
    return addDot0 && Number.isInteger(x) ? text + ".0" : text;
  }
  // toExponential() without an argument gives the shortest digits that round-trip, like repr.
  const exp = x.toExponential();
  const ePos = exp.indexOf("e");
  const negative = exp.charCodeAt(0) === 0x2d;
  const mantissa = exp.slice(negative ? 1 : 0, ePos);
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const e = Number(exp.slice(ePos + 1));
  const decpt = e + 1;
  let out: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) out = "0." + "0".repeat(-decpt) + digits;
    else if (decpt >= digits.length) out = digits + "0".repeat(decpt - digits.length) + (addDot0 ? ".0" : "");
    else out = digits.slice(0, decpt) + "." + digits.slice(decpt);
  } else {
    const abs = Math.abs(e);
    out = digits[0] + (digits.length > 1 ? "." + digits.slice(1) : "") + "e" + (e < 0 ? "-" : "+") +
      (abs < 10 ? "0" + abs : String(abs));
  }
  return negative ? "-" + out : out;
}

/**
 * Formats a complex number as `repr()` does: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
 * @example
 * ```ts
 * import { complexRepr } from "./repr.ts";
 * complexRepr(1, -2); // "(1-2j)"
 * ```
 */
export function complexRepr(real: number, imag: number): string {
  if (real === 0 && !Object.is(real, -0)) return floatRepr(imag, false) + "j";
  const im = floatRepr(imag, false);
  const signed = im.charCodeAt(0) === 0x2d ? im : "+" + im;
  return "(" + floatRepr(real, false) + signed + "j)";
}

/**
 * Whether a code point is printable in CPython's sense (`str.isprintable()`, Unicode 14.0).
 * @example
 * ```ts
 * import { isPrintable } from "./repr.ts";
 * isPrintable(0x41); // true
 * ```
 */
export function isPrintable(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  // Binary search over the flattened [start, end] pairs.
  let lo = 0;
  let hi = NON_PRINTABLE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < NON_PRINTABLE_RANGES[2 * mid]) hi = mid - 1;
    else if (cp > NON_PRINTABLE_RANGES[2 * mid + 1]) lo = mid + 1;
    else return false;
  }
  return true;
}

const HEX = "0123456789abcdef";
function hex(n: number, width: number): string {
  let s = "";
  for (let i = width - 1; i >= 0; i--) s += HEX[(n >> (4 * i)) & 15];
  return s;
}

/**
 * Formats a str as `repr()` does: single quotes unless the text has a `'` and no `"`.
 * @example
 * ```ts
 * import { strRepr } from "./repr.ts";
 * strRepr("a\n\u00e9\u200b"); // "'a\\né\\u200b'"
 * ```
 */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  let plainStart = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    // Fast path: printable ASCII other than the quote and the backslash.
    if (cp >= 0x20 && cp < 0x7f && cp !== 0x5c && cp !== quote.charCodeAt(0)) continue;
    let width = 1;
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      }
    }
    let escaped: string | null;
    if (cp === 0x5c) escaped = "\\\\";
    else if (cp === quote.charCodeAt(0)) escaped = "\\" + quote;
    else if (cp === 0x09) escaped = "\\t";
    else if (cp === 0x0a) escaped = "\\n";
    else if (cp === 0x0d) escaped = "\\r";
    else if (isPrintable(cp)) escaped = null;
    else if (cp < 0x100) escaped = "\\x" + hex(cp, 2);
    else if (cp < 0x10000) escaped = "\\u" + hex(cp, 4);
    else escaped = "\\U" + hex(cp, 8);
    if (escaped !== null) {
      out += s.slice(plainStart, i) + escaped;
      plainStart = i + width;
    }
    i += width - 1;
  }
  return out + s.slice(plainStart) + quote;
}

/**
 * Formats bytes as `repr()` does: `b'…'`, with `\xNN` for bytes outside printable ASCII.
 * @example
 * ```ts
 * import { bytesRepr } from "./repr.ts";
 * bytesRepr(new Uint8Array([0x61, 0x00, 0x27])); // "b\"a\\x00'\""
 * ```
 */
export function bytesRepr(b: Uint8Array): string {
  const quote = b.includes(0x27) && !b.includes(0x22) ? 0x22 : 0x27;
  let out = "b" + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/**
 * Formats an int as `repr()` does.
 * @example
 * ```ts
 * import { intRepr } from "./repr.ts";
 * intRepr(-(2n ** 70n)); // "-1180591620717411303424"
 * ```
 */
export function intRepr(n: bigint | number): string {
  return typeof n === "bigint" ? n.toString() : String(n);
}

/** ascii(): a repr with every non-ASCII character escaped. */
export function asciiRepr(r: string): string {
  let out = "";
  for (const ch of r) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
}
