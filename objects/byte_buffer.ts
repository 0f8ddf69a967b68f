/**
 * A growable byte buffer for writers that build binary data (the compile cache's code objects,
 * pickle): bytes appended at `length`, the array doubled when full. In: bytes; out: `view()`, the
 * bytes written so far.
 *
 * @example
 * ```ts
 * import { ByteBuffer } from "./byte_buffer.ts";
 * const b = new ByteBuffer(4);
 * b.byte(1);
 * b.data(new Uint8Array([2, 3, 4, 5]));
 * console.log(b.view()); // Uint8Array(5) [1, 2, 3, 4, 5]
 * ```
 * @module
 */

/** Bytes appended to a growing array. */
export class ByteBuffer {
  bytes: Uint8Array;
  length = 0;

  constructor(initialSize: number) {
    this.bytes = new Uint8Array(initialSize);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  /** `d`'s bytes, as they are. */
  data(d: Uint8Array): void {
    this.reserve(d.length);
    this.bytes.set(d, this.length);
    this.length += d.length;
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
