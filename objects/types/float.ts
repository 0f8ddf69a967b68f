/**
 * `float` arithmetic: JS doubles → JS doubles with CPython's semantics and errors (floor division
 * and modulo sign rules, `**` edge cases, division by zero). ops.ts calls these for float operands
 * (ints are converted first); float_type.ts registers the `float` methods.
 *
 * @example
 * ```ts
 * import { floatMod } from "./float.ts";
 * console.log(floatMod(-1, 3)); // 2
 * ```
 * @module
 */
import { Exc, raise } from "../object.ts";
import { powDouble } from "./float_pow.ts";

/** a / b. */
export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) raise(Exc.ZeroDivisionError, "float division by zero");
  return a / b;
}

/** [a // b, a % b] as CPython's float_divmod computes them. */
export function floatDivmodPair(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  // `!== 0` rather than truthiness: C treats NaN as true here, and so must we.
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = (a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** a // b. */
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) raise(Exc.ZeroDivisionError, "float floor division by zero");
  return floatDivmodPair(a, b)[0];
}

/** a % b. */
export function floatMod(a: number, b: number): number {
  if (b === 0) raise(Exc.ZeroDivisionError, "float modulo");
  let mod = a % b;
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** divmod(a, b). */
export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) raise(Exc.ZeroDivisionError, "float divmod()");
  return floatDivmodPair(a, b);
}

/**
 * a ** b following CPython's float_pow. Returns null when the result is complex (a negative base
 * with a non-integer exponent): the caller switches to complex arithmetic.
 */
export function floatPow(a: number, b: number): number | null {
  if (b === 0) return 1;
  if (a !== a) return b === 0 ? 1 : NaN;
  if (b !== b) return a === 1 ? 1 : NaN;
  if (!Number.isFinite(b)) {
    const absA = Math.abs(a);
    if (absA === 1) return 1;
    if ((b > 0) === (absA > 1)) return Infinity;
    return 0;
  }
  if (!Number.isFinite(a)) {
    const oddInt = Number.isInteger(b) && Math.abs(b % 2) === 1;
    if (b > 0) return oddInt ? a : Infinity;
    return oddInt ? (a < 0 ? -0 : 0) : 0;
  }
  if (a === 0) {
    const oddInt = Number.isInteger(b) && Math.abs(b % 2) === 1;
    if (b < 0) raise(Exc.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return oddInt ? a : 0;
  }
  if (a < 0 && !Number.isInteger(b)) return null;
  const r = powDouble(a, b);
  if (!Number.isFinite(r)) raise(Exc.OverflowError, "(34, 'Numerical result out of range')");
  return r;
}

/** Python's hash of a float as a JS number (exact when it fits; dict-internal use). */
export function floatHash(v: number): number {
  if (Number.isSafeInteger(v)) return v === -1 ? -2 : v;
  return Number(floatHashExact(v));
}

/** Python's exact hash of a float (equal to the int hash for integral values). */
export function floatHashExact(v: number): bigint {
  if (!Number.isFinite(v)) return v !== v ? 0n : v > 0 ? 314159n : -314159n;
  const M = (1n << 61n) - 1n;
  if (Number.isInteger(v)) {
    const a = BigInt(v);
    let h = (a < 0n ? -a : a) % M;
    if (a < 0n) h = -h;
    return h === -1n ? -2n : h;
  }
  // CPython's _Py_HashDouble: the value's rational form reduced modulo 2**61 - 1.
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & M) | (x >> (61n - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= M) x -= M;
  }
  const ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << BigInt(ee)) & M) | (x >> BigInt(61 - ee));
  x = x * sign;
  return x === -1n ? -2n : x;
}

/** frexp(v): [mantissa in [0.5, 1), exponent] with v = m * 2**e. */
export function frexp(v: number): [number, number] {
  if (v === 0 || !Number.isFinite(v) || v !== v) return [v, 0];
  let abs = Math.abs(v);
  let shift = 0;
  // Subnormals: scale into the normal range first so the powers of two below stay finite.
  if (abs < 2.2250738585072014e-308) {
    abs *= 18446744073709551616; // 2**64
    shift = -64;
  }
  let e = Math.floor(Math.log2(abs)) + 1;
  let m = abs * Math.pow(2, -e);
  // log2 can be off by one near powers of two.
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  while (m >= 1) {
    m /= 2;
    e++;
  }
  return [v < 0 ? -m : m, e + shift];
}
