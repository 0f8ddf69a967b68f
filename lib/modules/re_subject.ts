/**
 * The string a pattern is matched against, as both engines need it. In: a Python value (str or a
 * str subclass, bytes, bytearray). Out: a `ReSubject` with its text for JavaScript's RegExp (bytes
 * as Latin-1 characters), its code points for the own matcher, conversions between Python's
 * code-point indices and JavaScript's UTF-16 indices (they differ only when the text holds
 * characters outside the BMP, which pyjit's str stores as surrogate pairs and counts as one), and
 * slicing by code-point indices into a Python value of the subject's kind.
 *
 * @example
 * ```ts
 * import { subjectFor } from "./re_subject.ts";
 * const s = subjectFor("a😀b", true);
 * console.log(s.length, s.unitOf(2), s.slice(1, 3)); // 3 3 "😀b"
 * ```
 * @module
 */
import { bytesType, Exc, PyBytes, type PyValue, raise, typeOf } from "../../objects/object.ts";
import { strValueOf } from "../../objects/ops.ts";
import { latin1 } from "../../objects/types/bytes.ts";
import { bytesSubjectOf, type Subject, subjectOf } from "./re_engine.ts";

const PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

/** A subject prepared for matching. */
export class ReSubject {
  /** The Python value matched against (returned by Match.string). */
  readonly value: PyValue;
  /** The text (bytes as Latin-1 characters). */
  readonly text: string;
  /** The bytes of a bytes-like subject, else null. */
  readonly bytes: Uint8Array | null;
  /** Whether the text holds surrogate pairs (then code-point and UTF-16 indices differ). */
  readonly hasPairs: boolean;
  /** The length in code points (Python's len). */
  readonly length: number;
  private unitIndex: Int32Array | null = null;
  private cpIndex: Int32Array | null = null;
  private engineSubject: Subject | null = null;

  constructor(value: PyValue, text: string, bytes: Uint8Array | null) {
    this.value = value;
    this.text = text;
    this.bytes = bytes;
    this.hasPairs = bytes === null && PAIR.test(text);
    if (!this.hasPairs) this.length = text.length;
    else {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) i++;
        }
        n++;
      }
      this.length = n;
    }
  }

  /** The subject as the own matcher reads it. */
  forEngine(): Subject {
    if (this.engineSubject === null) {
      this.engineSubject = this.bytes !== null
        ? bytesSubjectOf(this.bytes)
        : subjectOf(this.text, this.hasPairs);
    }
    return this.engineSubject;
  }

  private buildIndexes(): void {
    const units = new Int32Array(this.length + 1);
    const cps = new Int32Array(this.text.length + 1);
    let n = 0;
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      units[n] = i;
      cps[i] = n;
      const c = t.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
        const d = t.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cps[i + 1] = n;
          i++;
        }
      }
      n++;
    }
    units[n] = t.length;
    cps[t.length] = n;
    this.unitIndex = units;
    this.cpIndex = cps;
  }

  /** The UTF-16 index of code point index i (0 ≤ i ≤ length). */
  unitOf(i: number): number {
    if (!this.hasPairs) return i;
    if (this.unitIndex === null) this.buildIndexes();
    return this.unitIndex![i];
  }

  /** The code point index of UTF-16 index u. */
  cpOf(u: number): number {
    if (!this.hasPairs) return u;
    if (this.cpIndex === null) this.buildIndexes();
    return this.cpIndex![u];
  }

  /** The subject between code point indices [start, end), as a Python value of its kind. */
  slice(start: number, end: number): PyValue {
    if (this.bytes !== null) return new PyBytes(this.bytes.slice(start, end), bytesType);
    return this.text.slice(this.unitOf(start), this.unitOf(end));
  }
}

let lastStr: string | null = null;
let lastStrSubject: ReSubject | null = null;
let lastBytes: PyBytes | null = null;
let lastBytesSubject: ReSubject | null = null;

/**
 * The subject for `value`, checked against the pattern's kind (`istext`: a str pattern, null: either) with
 * CPython's TypeErrors. The last str and the last bytes object are remembered (immutable, so the
 * next call on the same string reuses the work).
 */
export function subjectFor(value: PyValue, istext: boolean | null): ReSubject {
  if (typeof value === "string") {
    if (istext === false) raise(Exc.TypeError, "cannot use a bytes pattern on a string-like object");
    if (value === lastStr) return lastStrSubject!;
    const s = new ReSubject(value, value, null);
    lastStr = value;
    lastStrSubject = s;
    return s;
  }
  if (value instanceof PyBytes) {
    if (istext === true) raise(Exc.TypeError, "cannot use a string pattern on a bytes-like object");
    if (value === lastBytes && value.cls === bytesType) return lastBytesSubject!;
    const s = new ReSubject(value, latin1(value.data), value.data.slice());
    if (value.cls === bytesType) {
      lastBytes = value;
      lastBytesSubject = s;
    }
    return s;
  }
  const text = strValueOf(value);
  if (text !== undefined) {
    if (istext === false) raise(Exc.TypeError, "cannot use a bytes pattern on a string-like object");
    return new ReSubject(value, text, null);
  }
  return raise(Exc.TypeError, `expected string or bytes-like object, got '${typeOf(value).name}'`);
}
