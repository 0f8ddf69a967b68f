/**
 * `int` arithmetic: Python ints (a safe-integer JS number, or a bigint beyond) → results
 * normalized the same way, with CPython's errors. ops.ts inlines the number+number fast paths and
 * calls these for the rest; int_type.ts registers the `int` methods built on them.
 *
 * @example
 * ```ts
 * import { intMul } from "./int.ts";
 * console.log(intMul(2 ** 40, 2 ** 40)); // 1208925819614629174706176n
 * ```
 * @module
 */
import { Exc, normInt, PyFloat, raise } from "../object.ts";
import { memoryError } from "../heap_guard.ts";
import { floatPow } from "./float.ts";
import {
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_LSHIFT,
  NB_OR,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_XOR,
} from "../../instructions/operators.ts";

/** A Python int value. */
export type PyInt = number | bigint;

/** Widens to bigint. */
export function big(v: PyInt): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

/** a + b. */
export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) + big(b));
}

/** a - b. */
export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) - big(b));
}

/** a * b. */
export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normInt(big(a) * big(b));
}

/** a // b (floor division). */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
    return smallFloorDivide(a, b);
  }
  const x = big(a), y = big(b);
  if (y === 0n) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return normInt(q);
}

/** a % b (result has the sign of b). */
export function intMod(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) raise(Exc.ZeroDivisionError, "integer modulo by zero");
    return smallRemainder(a, b);
  }
  const x = big(a), y = big(b);
  if (y === 0n) raise(Exc.ZeroDivisionError, "integer modulo by zero");
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return normInt(r);
}

/** a / b as a float, correctly rounded. */
export function intTrueDiv(a: PyInt, b: PyInt): PyFloat {
  if (b === 0 || b === 0n) raise(Exc.ZeroDivisionError, "division by zero");
  if (typeof a === "number" && typeof b === "number") return new PyFloat(a / b);
  return new PyFloat(bigTrueDiv(big(a), big(b)));
}

/** Correctly rounded a / b for bigints (CPython's long_true_divide, by scaling to 55+ bits). */
function bigTrueDiv(a: bigint, b: bigint): number {
  const negative = (a < 0n) !== (b < 0n);
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  const aBits = a.toString(2).length, bBits = b.toString(2).length;
  if (aBits <= 53 && bBits <= 53) return (negative ? -1 : 1) * (Number(a) / Number(b));
  if (aBits - bBits > 1024) raise(Exc.OverflowError, "integer division result too large for a float");
  if (aBits - bBits < -1020) {
    // Near or below the smallest normal float: the quotient in units of the smallest subnormal
    // (2**-1074), rounded half to even once; below 2**53 units it is the float exactly.
    const n = a << 1074n;
    let q = n / b;
    const r2 = (n % b) * 2n;
    if (q < 1n << 53n) {
      if (r2 > b || (r2 === b && (q & 1n) === 1n)) q++;
      const tiny = Number(q) * Number.MIN_VALUE;
      return negative ? -tiny : tiny;
    }
  }
  // Scale so the quotient has 55 significant bits, then round half to even with a sticky bit.
  const shift = aBits - bBits - 55;
  let q: bigint, r: bigint;
  if (shift >= 0) {
    const d = b << BigInt(shift);
    q = a / d;
    r = a % d;
  } else {
    const n = a << BigInt(-shift);
    q = n / b;
    r = n % b;
  }
  if (r !== 0n) q |= 1n; // sticky
  // q has 55 or 56 bits: Number(q) rounds to 53 bits correctly (ties to even, sticky bit kept).
  // (A normal result far below 1 is scaled in two exact steps: 2**shift alone would underflow.)
  let result = shift < -1000
    ? Number(q) * Math.pow(2, shift + 200) * Math.pow(2, -200)
    : Number(q) * Math.pow(2, shift);
  if (!Number.isFinite(result)) {
    // Split the scaling to avoid intermediate overflow/underflow.
    result = Number(q) * Math.pow(2, shift - 100) * Math.pow(2, 100);
    if (!Number.isFinite(result)) raise(Exc.OverflowError, "integer division result too large for a float");
  }
  return negative ? -result : result;
}

/** divmod(a, b) for ints. */
export function intDivmod(a: PyInt, b: PyInt): [PyInt, PyInt] {
  return [intFloorDiv(a, b), intMod(a, b)];
}

/** a ** b for ints; a negative exponent gives a float. */
export function intPow(a: PyInt, b: PyInt): PyInt | PyFloat {
  if (b < 0) {
    if (a === 0 || a === 0n) raise(Exc.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    // CPython hands a negative exponent to float_pow, with both ints converted to floats.
    return new PyFloat(floatPow(intToFloat(a), intToFloat(b))!);
  }
  if (typeof a === "number" && typeof b === "number") {
    // Exponentiation by squaring while it stays exact.
    let result = 1, base = a, e = b;
    for (;;) {
      if (e & 1) {
        result *= base;
        if (!Number.isSafeInteger(result)) break;
      }
      e = Math.floor(e / 2);
      if (e === 0) return result === 0 ? 0 : result;
      base *= base;
      if (!Number.isSafeInteger(base)) break;
    }
  }
  const x = big(a), y = big(b);
  if (y > 100000000n && x !== 0n && x !== 1n && x !== -1n) memoryError();
  return normInt(x ** y);
}

/** pow(a, b, m) for ints. */
export function intPowMod(a: PyInt, b: PyInt, m: PyInt): PyInt {
  let x = big(a), e = big(b);
  const n = big(m);
  if (n === 0n) raise(Exc.ValueError, "pow() 3rd argument cannot be 0");
  const mod = n < 0n ? -n : n;
  if (e < 0n) {
    x = modInverse(x, mod);
    e = -e;
  }
  x %= mod;
  if (x < 0n) x += mod;
  let result = 1n % mod;
  while (e > 0n) {
    if (e & 1n) result = (result * x) % mod;
    e >>= 1n;
    if (e > 0n) x = (x * x) % mod;
  }
  if (n < 0n && result !== 0n) result += n;
  return normInt(result);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) raise(Exc.ValueError, "base is not invertible for the given modulus");
  return ((oldS % m) + m) % m;
}

function isInt32(v: PyInt): v is number {
  return typeof v === "number" && (v | 0) === v;
}

const TWO_32 = 4294967296;

/**
 * A bitwise operator on two safe integers without BigInt: each side splits into a signed high
 * word and an unsigned low word (two's complement, as Python's infinite-precision view), which
 * JS's 32-bit operators combine independently.
 */
function bitwiseSafe(a: number, b: number, op: number): number {
  const ha = Math.floor(a / TWO_32), hb = Math.floor(b / TWO_32);
  const la = a - ha * TWO_32, lb = b - hb * TWO_32;
  let hi: number, lo: number;
  if (op === 0) {
    hi = ha & hb;
    lo = (la & lb) >>> 0;
  } else if (op === 1) {
    hi = ha | hb;
    lo = (la | lb) >>> 0;
  } else {
    hi = ha ^ hb;
    lo = (la ^ lb) >>> 0;
  }
  return hi * TWO_32 + lo;
}

/** a & b. (BigInt only in the one corner where a number result would be -(2**53).) */
export function intAnd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = smallBitwise(a, b, 0);
    if (r === r) return r;
  }
  return normInt(big(a) & big(b));
}

/** a | b. */
export function intOr(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = smallBitwise(a, b, 1);
    if (r === r) return r;
  }
  return normInt(big(a) | big(b));
}

/** a ^ b. */
export function intXor(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = smallBitwise(a, b, 2);
    if (r === r) return r;
  }
  return normInt(big(a) ^ big(b));
}

/** The most bits a V8 BigInt holds (BigInt::kMaxLengthBits): larger results are MemoryError. */
const BIGINT_MAX_BITS = 2 ** 30;
/** The most 30-bit digits CPython's int object can count (beyond: "too many digits in integer"). */
const MAX_LONG_DIGITS = (2 ** 63 - 1 - 24) / 4;

/** a << b. */
export function intLshift(a: PyInt, b: PyInt): PyInt {
  if (b < 0) raise(Exc.ValueError, "negative shift count");
  if (a === 0 || a === 0n) return 0;
  if (typeof a === "number" && typeof b === "number") {
    const r = smallLshift(a, b);
    if (r === r) return r;
  }
  if (b > BIGINT_MAX_BITS) {
    // CPython counts the result in 30-bit digits: beyond ssize_t of them is OverflowError, below
    // it cannot get the memory.
    if (Number(b) / 30 > MAX_LONG_DIGITS) raise(Exc.OverflowError, "too many digits in integer");
    memoryError();
  }
  return normInt(big(a) << big(b));
}

/** a >> b (floor). */
export function intRshift(a: PyInt, b: PyInt): PyInt {
  if (b < 0) raise(Exc.ValueError, "negative shift count");
  if (typeof a === "number" && typeof b === "number") return smallRshift(a, b);
  if (b > BIGINT_MAX_BITS) return a < 0 ? -1 : 0;
  return normInt(big(a) >> big(b));
}

/*
 * BINARY_OP_INT's operators on two ints held as numbers (safe integers): each returns the result
 * when it is again such an int, else NaN, where the general path runs (a bigint result, a zero
 * divisor, a negative shift count: it raises). One definition for the int operators above, the
 * interpreter's variant (smallIntOp) and the JIT's traces (which call the operator's own function:
 * V8 inlines it).
 */

/** a & b, a | b, a ^ b (k = 0, 1, 2). */
function smallBitwise(a: number, b: number, k: number): number {
  if (isInt32(a) && isInt32(b)) return k === 0 ? a & b : k === 1 ? a | b : a ^ b;
  const r = bitwiseSafe(a, b, k);
  return Number.isSafeInteger(r) ? r : NaN;
}

function smallRshift(a: number, b: number): number {
  if (b < 0) return NaN;
  if (isInt32(a) && b < 32) return a >> b;
  return b >= 64 ? (a < 0 ? -1 : 0) : Math.floor(a / Math.pow(2, b));
}

function smallLshift(a: number, b: number): number {
  if (b < 0 || b >= 64) return a === 0 && b >= 0 ? 0 : NaN;
  const r = a * Math.pow(2, b);
  return Number.isSafeInteger(r) ? r : NaN;
}

function smallRemainder(a: number, b: number): number {
  if (isInt32(a) && isInt32(b) && a >= 0 && b > 0) return a % b;
  // (Exact below 2**53: the quotient's floor is, and so is its product by b, at most a.)
  if (a >= 0 && b > 0) return a - Math.floor(a / b) * b;
  if (b === 0) return NaN;
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r + 0;
}

function smallFloorDivide(a: number, b: number): number {
  return b === 0 ? NaN : Math.floor(a / b) + 0;
}

/** The small-int operators by name (the JIT's runtime table spreads them). */
export const SMALL_INT_OPS = {
  smallAnd: (a: number, b: number): number => smallBitwise(a, b, 0),
  smallOr: (a: number, b: number): number => smallBitwise(a, b, 1),
  smallXor: (a: number, b: number): number => smallBitwise(a, b, 2),
  smallRshift,
  smallLshift,
  smallRemainder,
  smallFloorDivide,
};

/** Each operator BINARY_OP_INT computes (NB_*) → its function's name in SMALL_INT_OPS. */
export const SMALL_INT_OP_NAMES: Readonly<Record<number, keyof typeof SMALL_INT_OPS>> = {
  [NB_AND]: "smallAnd",
  [NB_OR]: "smallOr",
  [NB_XOR]: "smallXor",
  [NB_RSHIFT]: "smallRshift",
  [NB_LSHIFT]: "smallLshift",
  [NB_REMAINDER]: "smallRemainder",
  [NB_FLOOR_DIVIDE]: "smallFloorDivide",
};

/** The operators BINARY_OP_INT computes (the others of its family have variants of their own). */
export const SMALL_INT_OPERATORS: ReadonlySet<number> = new Set(Object.keys(SMALL_INT_OP_NAMES).map(Number));

const smallIntFunctions: ((a: number, b: number) => number)[] = [];
for (const [op, name] of Object.entries(SMALL_INT_OP_NAMES)) {
  smallIntFunctions[Number(op)] = SMALL_INT_OPS[name];
}

/** BINARY_OP_INT's operator `op` (NB_*, in-place forms folded) on two number-held ints, or NaN. */
export function smallIntOp(op: number, a: number, b: number): number {
  const f = smallIntFunctions[op];
  return f === undefined ? NaN : f(a, b);
}

/** -a. */
export function intNeg(a: PyInt): PyInt {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return normInt(-a);
}

/** ~a. */
export function intInvert(a: PyInt): PyInt {
  if (typeof a === "number") return intSub(-a, 1);
  return normInt(-a - 1n);
}

/** abs(a). */
export function intAbs(a: PyInt): PyInt {
  if (typeof a === "number") return Math.abs(a);
  return a < 0n ? normInt(-a) : a;
}

/** Compares two ints: negative, zero or positive. */
export function intCompare(a: PyInt, b: PyInt): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The int as a float value, raising OverflowError when it is too large. */
export function intToFloat(a: PyInt): number {
  if (typeof a === "number") return a;
  const f = Number(a);
  if (!Number.isFinite(f)) raise(Exc.OverflowError, "int too large to convert to float");
  return f;
}

/** Python's hash of an int (modulo 2**61 - 1, with -1 mapped to -2). */
export function intHash(a: PyInt): number {
  if (typeof a === "number") {
    // Safe integers are below 2**61 - 1, so they hash to themselves.
    return a === -1 ? -2 : a;
  }
  return Number(intHashExact(a));
}

/** Python's exact hash of an int. */
export function intHashExact(a: bigint): bigint {
  const M = (1n << 61n) - 1n;
  let h = (a < 0n ? -a : a) % M;
  if (a < 0n) h = -h;
  return h === -1n ? -2n : h;
}

/** int.bit_length(). */
export function intBitLength(a: PyInt): number {
  if (typeof a === "number") {
    const v = Math.abs(a);
    if (v === 0) return 0;
    if (v < 2 ** 31) return 32 - Math.clz32(v);
    return v.toString(2).length;
  }
  return (a < 0n ? -a : a).toString(2).length;
}

/** Python's int() digit limit for str conversions (sys.int_info.default_max_str_digits). */
export const MAX_STR_DIGITS = 4300;

/** The limit in force: sys.set_int_max_str_digits changes it (0 = no limit). */
export const intStrLimit = { maxDigits: MAX_STR_DIGITS };

/** log10(2): decimal digits per bit. */
const DIGITS_PER_BIT = 0.30102999566398120;

/**
 * A bigint in decimal (str(), repr(), %d, format 'd'), with CPython's limit on the number of
 * digits: ValueError beyond it, checked from the size before converting (a huge int would take
 * long to convert) and exactly after.
 */
export function bigintToDecimal(v: bigint): string {
  const limit = intStrLimit.maxDigits;
  if (limit > 0) {
    const abs = v < 0n ? -v : v;
    // A conservative estimate: only ints certainly over the limit are refused before converting.
    if (abs.toString(16).length * 4 * DIGITS_PER_BIT > limit + 2) intStrLimitError(limit);
  }
  const s = v.toString();
  if (limit > 0 && s.length - (v < 0n ? 1 : 0) > limit) intStrLimitError(limit);
  return s;
}

function intStrLimitError(limit: number): never {
  raise(
    Exc.ValueError,
    `Exceeds the limit (${limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/** An int as a string in base 2..36 (lowercase), with a leading '-' when negative. */
export function intToString(a: PyInt, base = 10): string {
  return a.toString(base);
}

/** The Python value of a JS number known to be an integer (number or bigint, normalized). */
export function intFromNumber(v: number): PyInt {
  if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  return normInt(BigInt(v));
}
