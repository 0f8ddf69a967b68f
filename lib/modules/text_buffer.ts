/**
 * A growing buffer of UTF-16 code units for building long strings piece by piece (the JSON
 * encoder, the CSV writer): pieces in (strings, single char codes) → one JS string out. Much
 * cheaper than `+=` for millions of small pieces: no rope of intermediate strings for the
 * garbage collector, one decode at the end.
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

/** Decoding a whole buffer at once when it holds no surrogate (TextDecoder replaces lone ones). */
const CHUNK = 8192;

/** Code units of a string being built. */
export class TextBuffer {
  /** The units; only [0, length) are in use. */
  units: Uint16Array;
  /** How many units are in use. */
  length: number;
  /** Whether a surrogate was written (then text() cannot use TextDecoder, which drops lone ones). */
  sawSurrogate: boolean;
  constructor(capacity = 256) {
    this.units = new Uint16Array(capacity);
    this.length = 0;
    this.sawSurrogate = false;
  }

  /** Makes room for `extra` more units. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.units.length) return;
    this.grow(needed);
  }

  private grow(needed: number): void {
    let size = this.units.length * 2;
    while (size < needed) size *= 2;
    const next = new Uint16Array(size);
    next.set(this.units.subarray(0, this.length));
    this.units = next;
  }

  /** Appends a string. */
  put(s: string): void {
    const len = s.length;
    if (this.length + len > this.units.length) this.grow(this.length + len);
    const units = this.units;
    let n = this.length;
    let surrogates = 0;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      units[n++] = c;
      surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    }
    this.length = n;
    if (surrogates !== 0) this.sawSurrogate = true;
  }

  /** Appends one code unit (not a surrogate). */
  putCode(c: number): void {
    if (this.length >= this.units.length) this.grow(this.length + 1);
    this.units[this.length++] = c;
  }

  /** The text so far. */
  text(): string {
    const n = this.length;
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
