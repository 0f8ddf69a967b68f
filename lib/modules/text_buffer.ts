/**
 * A growing buffer for building long strings piece by piece (the JSON encoder, the CSV writer):
 * pieces in (strings, single char codes) → one JS string out. Much cheaper than `+=` for
 * millions of small pieces: no rope of intermediate strings for the garbage collector, one
 * decode at the end.
 *
 * The buffer holds UTF-8, which TextDecoder turns into a string several times faster than
 * UTF-16 units (for mostly ASCII text, such as JSON), in half the memory. A lone surrogate has
 * no UTF-8 form: the first one widens the buffer to UTF-16 code units for good.
 *
 * @example
 * ```ts
 * import { TextBuffer } from "./text_buffer.ts";
 * const b = new TextBuffer();
 * b.put("[1");
 * b.putCode(93);
 * console.log(b.text()); // "[1]"
 * ```
 * @module
 */

/** ignoreBOM: a leading U+FEFF is text like any other. */
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });
/** For the bytes (they are always well-formed UTF-8; ignoreBOM: see UTF16). */
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Decoding a whole buffer at once when it holds no surrogate (TextDecoder replaces lone ones). */
const CHUNK = 8192;

const NO_UNITS = new Uint16Array(0);

/** Code units of a string being built. */
export class TextBuffer {
  /** The text as UTF-8 (while wide is false): only [0, length) is in use. */
  bytes: Uint8Array;
  /** The text as UTF-16 units once widened (wide is true): only [0, length) is in use. */
  units: Uint16Array;
  /** Whether the text is in units (it holds a lone surrogate) rather than bytes. */
  wide: boolean;
  /** How many bytes or units are in use. */
  length: number;
  /** Whether a surrogate was written (then text() cannot use TextDecoder, which drops lone ones). */
  sawSurrogate: boolean;
  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
    this.units = NO_UNITS;
    this.wide = false;
    this.length = 0;
    this.sawSurrogate = false;
  }

  /** Empties the buffer to build another string (false: it cannot be reused, it was widened). */
  reset(): boolean {
    if (this.wide) return false;
    this.length = 0;
    this.sawSurrogate = false;
    return true;
  }

  /** Makes room for `extra` more bytes or units. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= (this.wide ? this.units.length : this.bytes.length)) return;
    this.grow(needed);
  }

  private grow(needed: number): void {
    if (this.wide) {
      const next = new Uint16Array(newSize(this.units.length, needed));
      next.set(this.units.subarray(0, this.length));
      this.units = next;
    } else {
      const next = new Uint8Array(newSize(this.bytes.length, needed));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
  }

  /** Switches from bytes to units (keeping the capacity, so a reserve() still holds). */
  widen(): void {
    if (this.wide) return;
    const text = UTF8.decode(this.bytes.subarray(0, this.length));
    const units = new Uint16Array(Math.max(this.bytes.length, 16));
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    this.units = units;
    this.length = text.length;
    this.bytes = new Uint8Array(0);
    this.wide = true;
  }

  /** Appends a string. */
  put(s: string): void {
    const len = s.length;
    this.reserve(len * 3);
    let i = 0;
    if (!this.wide) {
      const bytes = this.bytes;
      let n = this.length;
      for (; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) bytes[n++] = c;
        else {
          const next = this.putUtf8(s, i, n);
          if (next < 0) break;
          n = next;
          if (c >= 0xd800 && c < 0xdc00) i++;
        }
      }
      this.length = n;
      if (i >= len) return;
      this.widen();
    }
    const units = this.units;
    let n = this.length;
    let surrogates = 0;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      units[n++] = c;
      surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    }
    this.length = n;
    if (surrogates !== 0) this.sawSurrogate = true;
  }

  /** Appends one ASCII character. */
  putCode(c: number): void {
    this.reserve(1);
    if (this.wide) this.units[this.length++] = c;
    else this.bytes[this.length++] = c;
  }

  /**
   * Writes the UTF-8 of the non-ASCII character at s[i] (a pair when it is a high surrogate
   * followed by a low one) at bytes[n]: the new n, or -1 for a lone surrogate (nothing
   * written). Room is the caller's (3 bytes per unit).
   */
  putUtf8(s: string, i: number, n: number): number {
    const bytes = this.bytes;
    let c = s.charCodeAt(i);
    if (c < 0x800) {
      bytes[n] = 0xc0 | (c >> 6);
      bytes[n + 1] = 0x80 | (c & 63);
      return n + 2;
    }
    if ((c & 0xf800) !== 0xd800) {
      bytes[n] = 0xe0 | (c >> 12);
      bytes[n + 1] = 0x80 | ((c >> 6) & 63);
      bytes[n + 2] = 0x80 | (c & 63);
      return n + 3;
    }
    const low = s.charCodeAt(i + 1); // NaN past the end
    if (c >= 0xdc00 || !(low >= 0xdc00 && low < 0xe000)) return -1;
    c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
    bytes[n] = 0xf0 | (c >> 18);
    bytes[n + 1] = 0x80 | ((c >> 12) & 63);
    bytes[n + 2] = 0x80 | ((c >> 6) & 63);
    bytes[n + 3] = 0x80 | (c & 63);
    return n + 4;
  }

  /** The text so far. */
  text(): string {
    const n = this.length;
    if (!this.wide) return UTF8.decode(this.bytes.subarray(0, n));
    if (!this.sawSurrogate) return UTF16.decode(this.units.subarray(0, n));
    let s = "";
    for (let i = 0; i < n; i += CHUNK) {
      s += String.fromCharCode.apply(
        null,
        this.units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[],
      );
    }
    return s;
  }
}

function newSize(size: number, needed: number): number {
  size = Math.max(size * 2, 16);
  while (size < needed) size *= 2;
  return size;
}
