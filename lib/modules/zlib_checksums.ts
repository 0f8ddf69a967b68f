/**
 * Adler-32 (RFC 1950), the checksum of zlib streams: bytes and a running value in → the new
 * value out (unsigned). CRC-32 is binascii.ts's.
 *
 * @example
 * ```ts
 * import { adler32 } from "./zlib_checksums.ts";
 * console.log(adler32(new TextEncoder().encode("Wikipedia"), 1)); // 300286872
 * ```
 * @module
 */

const BASE = 65521;
/** Bytes that can be summed before the sums must be reduced (zlib's NMAX). */
const NMAX = 5552;

/** The Adler-32 of data continuing from `value` (1 for a fresh checksum). */
export function adler32(data: Uint8Array, value: number): number {
  let a = value & 0xffff, b = (value >>> 16) & 0xffff;
  let i = 0;
  const n = data.length;
  while (i < n) {
    const end = Math.min(n, i + NMAX);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}
