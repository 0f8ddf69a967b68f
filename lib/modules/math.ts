/**
 * The `math` module of CPython 3.11: every function and constant → a module object, with
 * CPython's argument conversion (`__float__`, `__index__`, ints beyond float range for `log`)
 * and its errors ("math domain error", "math range error", factorial's and comb's messages).
 * gamma/lgamma follow CPython's Lanczos method; fsum is Shewchuk's exact summation.
 *
 * @example
 * ```ts
 * import { makeMathModule } from "./math.ts";
 * const math = makeMathModule();
 * ```
 * @module
 */
import { NB_MULTIPLY } from "../../instructions/operators.ts";
import {
  bindArgs,
  checkArgs,
  Exc,
  newTuple,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, binaryOp, callMethod0, getIter, intValueOf, iterNext, toArray } from "../../objects/ops.ts";
import { frexp } from "../../objects/types/float.ts";
import { powDouble } from "../../objects/types/float_pow.ts";
import { intToFloat, type PyInt } from "../../objects/types/int.ts";
import { floatToInt } from "../../objects/types/int_type.ts";
import * as libm from "./libm.ts";

/** A math argument as a float (ints converted, __float__ / __index__ honoured). */
export function toFloat(v: PyValue): number {
  if (v instanceof PyFloat) return v.value;
  const i = intValueOf(v);
  if (i !== undefined) return intToFloat(i);
  const t = typeOf(v);
  const f = t.lookup("__float__");
  if (f !== undefined) {
    const r = callMethod0(f, v);
    if (!(r instanceof PyFloat)) {
      raise(Exc.TypeError, `${t.name}.__float__ returned non-float (type ${typeOf(r).name})`);
    }
    return r.value;
  }
  if (t.lookup("__index__") !== undefined) return intToFloat(asIndex(v));
  return raise(Exc.TypeError, `must be real number, not ${t.name}`);
}

function domainError(): never {
  raise(Exc.ValueError, "math domain error");
}

function rangeError(): never {
  raise(Exc.OverflowError, "math range error");
}

/** The argument check of a one-argument (METH_O) math function, with CPython's messages. */
function checkOneArg(name: string, args: PyValue[], kwnames: string[] | null): void {
  checkNoKeywords(name, kwnames);
  if (args.length !== 1) {
    raise(Exc.TypeError, `math.${name}() takes exactly one argument (${args.length} given)`);
  }
}

function checkNoKeywords(name: string, kwnames: string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, `math.${name}() takes no keyword arguments`);
  }
}

/** CPython's math_1: NaN from a non-NaN is a domain error; inf from finite is range or domain. */
function math1(x: number, fn: (x: number) => number, canOverflow: boolean): PyFloat {
  const r = fn(x);
  if (r !== r && x === x) domainError();
  if (!Number.isFinite(r) && Number.isFinite(x)) {
    if (canOverflow) rangeError();
    domainError();
  }
  return new PyFloat(r);
}

function f1(fn: (x: number) => number, canOverflow = false) {
  return (args: PyValue[]) => math1(toFloat(args[0]), fn, canOverflow);
}

// ---------------------------------------------------------------------------------------------
// gamma, lgamma (CPython's own Lanczos algorithms; erf and the libm-like functions are in libm.ts)

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940,
  42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843,
  17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708,
  1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801,
  31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768,
  186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024,
  210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [
  0.0,
  39916800.0,
  120543840.0,
  150917976.0,
  105258076.0,
  45995730.0,
  13339535.0,
  2637558.0,
  357423.0,
  32670.0,
  1925.0,
  66.0,
  1.0,
];

function lanczosSum(x: number): number {
  let num = 0, den = 0;
  if (x < 5) {
    for (let i = LANCZOS_NUM.length - 1; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < LANCZOS_NUM.length; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

function sinpi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = Math.round(2 * y);
  let r: number;
  switch (n) {
    case 0:
      r = Math.sin(Math.PI * y);
      break;
    case 1:
      r = Math.cos(Math.PI * (y - 0.5));
      break;
    case 2:
      r = Math.sin(Math.PI * (1 - y));
      break;
    case 3:
      r = -Math.cos(Math.PI * (y - 1.5));
      break;
    default:
      r = Math.sin(Math.PI * (y - 2));
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** Γ(x), raising CPython's errors. */
export function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    domainError();
  }
  if (x === 0) domainError();
  if (x === Math.floor(x)) {
    if (x < 0) domainError();
    if (x <= 23) {
      let r = 1;
      for (let i = 2; i < x; i++) r *= i;
      return r;
    }
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1 / x;
    if (!Number.isFinite(r)) rangeError();
    return r;
  }
  if (absx > 200) {
    if (x < 0) return 0 / sinpi(x);
    rangeError();
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) z = (y - absx) - LANCZOS_G_MINUS_HALF;
  else z = (y - LANCZOS_G_MINUS_HALF) - absx;
  z = z * LANCZOS_G / y;
  let r: number;
  if (x < 0) {
    r = -Math.PI / sinpi(absx) / absx * libm.exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) r /= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / libm.exp(y);
    r += z * r;
    if (absx < 140) r *= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) rangeError();
  return r;
}

/** log|Γ(x)|, raising CPython's errors. */
export function lgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) {
    if (x <= 0) domainError();
    return 0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = Math.log(Math.PI) - Math.log(Math.abs(sinpi(absx))) - Math.log(absx) - r;
  if (!Number.isFinite(r)) rangeError();
  return r;
}

// ---------------------------------------------------------------------------------------------
// fsum (Shewchuk / CPython's msum)

/** Exactly rounded sum of floats. */
export function fsum(values: number[]): number {
  const partials: number[] = [];
  let specialSum = 0, infSum = 0;
  for (let xv of values) {
    if (!Number.isFinite(xv)) {
      if (xv !== xv) specialSum = NaN;
      else infSum += xv;
      specialSum += xv;
      continue;
    }
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(xv) < Math.abs(y)) {
        const t = xv;
        xv = y;
        y = t;
      }
      const hi = xv + y;
      const lo = y - (hi - xv);
      if (lo !== 0) partials[i++] = lo;
      xv = hi;
    }
    if (!Number.isFinite(xv)) raise(Exc.OverflowError, "intermediate overflow in fsum");
    partials.length = i;
    partials.push(xv);
  }
  if (specialSum !== 0 || specialSum !== specialSum) {
    if (infSum !== infSum) raise(Exc.ValueError, "-inf + inf in fsum");
    return specialSum;
  }
  let hi = 0;
  let n = partials.length;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Integer functions

function big(v: PyInt): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

function norm(v: bigint): PyInt {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** isqrt(n) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  if (n < 9007199254740992n) {
    let r = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (r * r > n) r--;
    while ((r + 1n) * (r + 1n) <= n) r++;
    return r;
  }
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function factorialBig(n: number): bigint {
  // Product of a range by splitting, which keeps the multiplications balanced.
  const prod = (lo: number, hi: number): bigint => {
    if (hi - lo < 8) {
      let r = 1n;
      for (let i = lo; i <= hi; i++) r *= BigInt(i);
      return r;
    }
    const mid = (lo + hi) >> 1;
    return prod(lo, mid) * prod(mid + 1, hi);
  };
  return n < 2 ? 1n : prod(2, n);
}

function intArg(v: PyValue): PyInt {
  const i = intValueOf(v);
  if (i !== undefined) return i;
  return asIndex(v);
}

/** gcd(|a|, |b|): Lehmer's method on big values, then Euclid on doubles. */
export function gcd2(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  if (a < b) [a, b] = [b, a];
  while (b > SAFE) {
    const step = lehmerStep(a, b);
    if (step === null) [a, b] = [b, a % b];
    else [a, b] = step;
    if (a < b) [a, b] = [b, a];
  }
  if (b === 0n) return a;
  let x = Number(a % b), y = Number(b);
  while (x !== 0) [x, y] = [y % x, x];
  return BigInt(y);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Bits of the leading parts Lehmer's method works on (cofactor products stay below 2**53). */
const LEHMER_BITS = 48;

/** The number of bits of a > 0 (hex digits are cheap to count; the leading one is measured). */
function bitLength(a: bigint): number {
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** floor(x / y) for non-negative integers below 2**53 (a double quotient can round up). */
function floorDiv(x: number, y: number): number {
  let q = Math.floor(x / y);
  if (q * y > x) q--;
  else if ((q + 1) * y <= x) q++;
  return q;
}

/**
 * One step of Lehmer's method (Knuth's algorithm L) for a >= b: the Euclid quotients the leading
 * 48 bits of a and b determine, applied to a and b at once → the smaller pair, or null when the
 * leading bits determine no quotient (then one full division step is needed).
 */
function lehmerStep(a: bigint, b: bigint): [bigint, bigint] | null {
  const shift = BigInt(bitLength(a) - LEHMER_BITS);
  let x = Number(a >> shift), y = Number(b >> shift);
  let A = 1, B = 0, C = 0, D = 1;
  for (;;) {
    if (y + C === 0 || y + D === 0) break;
    const q = floorDiv(x + A, y + C);
    if (q !== floorDiv(x + B, y + D)) break;
    [A, C] = [C, A - q * C];
    [B, D] = [D, B - q * D];
    [x, y] = [y, x - q * y];
  }
  if (B === 0) return null;
  return [BigInt(A) * a + BigInt(B) * b, BigInt(C) * a + BigInt(D) * b];
}

function permComb(name: "comb" | "perm", nArg: PyValue, kArg: PyValue | undefined): PyInt {
  const n = big(intArg(nArg));
  if (kArg === undefined || kArg === None) {
    if (n < 0n) raise(Exc.ValueError, "n must be a non-negative integer");
    if (n > 1000000n) raise(Exc.OverflowError, "n too large");
    return norm(factorialBig(Number(n)));
  }
  const k = big(intArg(kArg));
  if (n < 0n) raise(Exc.ValueError, "n must be a non-negative integer");
  if (k < 0n) raise(Exc.ValueError, "k must be a non-negative integer");
  if (k > n) return 0;
  let kk = k;
  if (name === "comb" && n - k < k) kk = n - k;
  let r = 1n;
  for (let i = 0n; i < kk; i++) {
    r *= n - i;
    if (name === "comb") r /= i + 1n;
  }
  return norm(r);
}

// ---------------------------------------------------------------------------------------------
// The module table

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;

const ONE_ARG: Record<string, [(x: number) => number, boolean]> = {
  sqrt: [Math.sqrt, false],
  exp: [libm.exp, true],
  exp2: [libm.exp2, true],
  expm1: [libm.expm1, true],
  log2: [Math.log2, false],
  log10: [libm.log10, false],
  log1p: [libm.log1p, false],
  sin: [Math.sin, false],
  cos: [Math.cos, false],
  tan: [Math.tan, false],
  asin: [Math.asin, false],
  acos: [Math.acos, false],
  atan: [Math.atan, false],
  sinh: [libm.sinh, true],
  cosh: [libm.cosh, true],
  tanh: [libm.tanh, false],
  asinh: [libm.asinh, false],
  acosh: [libm.acosh, false],
  atanh: [libm.atanh, false],
  fabs: [Math.abs, false],
  cbrt: [libm.cbrt, false],
  erf: [libm.erf, false],
  erfc: [libm.erfc, false],
  gamma: [gamma, true],
  lgamma: [lgamma, true],
};

const FUNCTIONS: Record<string, Fn> = {};
for (const [name, [fn, overflow]] of Object.entries(ONE_ARG)) {
  const f = f1(fn, overflow);
  FUNCTIONS[name] = (args, kwnames) => {
    checkOneArg(name, args, kwnames);
    return f(args);
  };
}

/**
 * An int too large for a double as m·2**e with m in [0.5, 1) rounded to 53 bits (half to even),
 * as CPython's _PyLong_Frexp.
 */
function frexpBigInt(v: bigint): [number, number] {
  const bits = v.toString(2).length;
  let top = v >> BigInt(bits - 55);
  if ((top << BigInt(bits - 55)) !== v) top |= 1n; // sticky bit: rounding sees the lost bits
  const m = Number(top) / 2 ** 55;
  return m === 1 ? [0.5, bits + 1] : [m, bits];
}

/** CPython's loghelper: ints beyond double range as fn(m) + fn(2)·e; other values through math_1. */
function logHelper(v: PyValue, fn: (x: number) => number): number {
  const i = intValueOf(v);
  if (i === undefined) return math1(toFloat(v), fn, false).value;
  if (i <= 0) domainError();
  const f = typeof i === "number" ? i : Number(i);
  if (Number.isFinite(f)) return fn(f);
  const [m, e] = frexpBigInt(i as bigint);
  return fn(m) + fn(2.0) * e;
}

FUNCTIONS.log = (args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "log() takes no keyword arguments");
  if (args.length < 1 || args.length > 2) raise(Exc.TypeError, "math.log requires 1 to 2 arguments");
  const num = logHelper(args[0], Math.log);
  if (args.length === 1) return new PyFloat(num);
  const den = logHelper(args[1], Math.log);
  if (den === 0) raise(Exc.ZeroDivisionError, "float division by zero");
  return new PyFloat(num / den);
};
for (const [name, fn] of [["log2", Math.log2], ["log10", libm.log10]] as const) {
  FUNCTIONS[name] = (args, kwnames) => {
    checkOneArg(name, args, kwnames);
    return new PyFloat(logHelper(args[0], fn));
  };
}
FUNCTIONS.pow = (args, kwnames) => {
  checkNoKeywords("pow", kwnames);
  checkArgs("pow", args, kwnames, 2, 2);
  const x = toFloat(args[0]), y = toFloat(args[1]);
  if (x !== x) return new PyFloat(y === 0 ? 1 : x);
  if (y !== y) return new PyFloat(x === 1 ? 1 : y);
  if (x === 1) return new PyFloat(1);
  if (!Number.isFinite(y)) {
    // C99 Annex F for an infinite exponent (0.0 ** -inf is +inf, not an error).
    const ax = Math.abs(x);
    if (ax === 1) return new PyFloat(1);
    if ((y > 0 && ax > 1) || (y < 0 && ax < 1)) return new PyFloat(Infinity);
    return new PyFloat(0);
  }
  if (x === 0 && y < 0) domainError();
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) domainError();
  const r = powDouble(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) rangeError();
  return new PyFloat(r);
};
FUNCTIONS.atan2 = (args, kwnames) => {
  checkNoKeywords("atan2", kwnames);
  checkArgs("atan2", args, kwnames, 2, 2);
  return new PyFloat(Math.atan2(toFloat(args[0]), toFloat(args[1])));
};
FUNCTIONS.hypot = (args, kwnames) => {
  checkNoKeywords("hypot", kwnames);
  checkArgs("hypot", args, kwnames, 0, Infinity);
  return new PyFloat(correctlyRoundedHypot(args.map(toFloat)));
};
FUNCTIONS.dist = (args, kwnames) => {
  checkNoKeywords("dist", kwnames);
  checkArgs("dist", args, kwnames, 2, 2);
  const p = toArray(args[0]).map(toFloat), q = toArray(args[1]).map(toFloat);
  if (p.length !== q.length) raise(Exc.ValueError, "both points must have the same number of dimensions");
  return new PyFloat(correctlyRoundedHypot(p.map((v, i) => v - q[i])));
};
/**
 * sqrt(x0² + x1² + …) correctly rounded (JavaScript's Math.hypot may be off in the last bit): the
 * sum of squares is exact as a bigint of mantissas scaled to the smallest exponent, and its root
 * is taken rounding to odd with spare bits, so that the final conversion rounds once.
 */
export function correctlyRoundedHypot(values: number[]): number {
  let sawNaN = false;
  let nonzero = 0;
  for (const v of values) {
    if (v === Infinity || v === -Infinity) return Infinity;
    if (v !== v) sawNaN = true;
    else if (v !== 0) nonzero++;
  }
  if (sawNaN) return NaN;
  if (nonzero === 0) return 0;
  if (nonzero === 1) {
    for (const v of values) if (v !== 0) return Math.abs(v);
  }
  const parts: [bigint, number][] = [];
  let minExp = Infinity;
  for (const v of values) {
    if (v === 0) continue;
    const [m, e] = frexp(Math.abs(v));
    // m * 2**53 is an integer for every double (subnormals included).
    const mant = BigInt(m * 2 ** 53);
    const exp = e - 53;
    parts.push([mant, exp]);
    if (exp < minExp) minExp = exp;
  }
  let sum = 0n;
  for (const [mant, exp] of parts) sum += (mant * mant) << BigInt(2 * (exp - minExp));
  // The root needs at least 2 * 53 + 3 bits before rounding: shift the sum by an even amount.
  const bits = sum.toString(2).length;
  let shift = Math.max(0, 2 * 55 - bits + 2);
  if (shift & 1) shift++;
  const scaled = sum << BigInt(shift);
  let root = isqrt(scaled);
  if (root * root !== scaled) root |= 1n;
  const exponent = minExp - shift / 2;
  // Number(bigint) rounds to nearest even; the power of two is exact unless the result is tiny.
  const rootBits = root.toString(2).length;
  if (rootBits > 60) {
    const drop = rootBits - 60;
    const low = root & ((1n << BigInt(drop)) - 1n);
    root = (root >> BigInt(drop)) | (low !== 0n ? 1n : 0n);
    return scaleByPowerOfTwo(Number(root), exponent + drop);
  }
  return scaleByPowerOfTwo(Number(root), exponent);
}

/** x * 2**e in steps, so that 2**e itself neither overflows nor underflows. */
function scaleByPowerOfTwo(x: number, e: number): number {
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  return x * 2 ** e;
}

FUNCTIONS.degrees = (args, kwnames) => {
  checkOneArg("degrees", args, kwnames);
  return new PyFloat(toFloat(args[0]) * (180.0 / Math.PI));
};
FUNCTIONS.radians = (args, kwnames) => {
  checkOneArg("radians", args, kwnames);
  return new PyFloat(toFloat(args[0]) * (Math.PI / 180.0));
};

function roundingFunction(name: string, dunder: string, fn: (x: number) => number): Fn {
  return (args, kwnames) => {
    checkOneArg(name, args, kwnames);
    const v = args[0];
    if (v instanceof PyFloat && v.cls.name === "float") return floatToInt(fn(v.value));
    const i = intValueOf(v);
    if (i !== undefined && typeof v !== "object") return i;
    const f = typeOf(v).lookup(dunder);
    if (f !== undefined) return callMethod0(f, v);
    if (name === "trunc") raise(Exc.TypeError, `type ${typeOf(v).name} doesn't define __trunc__ method`);
    return floatToInt(fn(toFloat(v)));
  };
}
FUNCTIONS.ceil = roundingFunction("ceil", "__ceil__", Math.ceil);
FUNCTIONS.floor = roundingFunction("floor", "__floor__", Math.floor);
FUNCTIONS.trunc = roundingFunction("trunc", "__trunc__", Math.trunc);

FUNCTIONS.fmod = (args, kwnames) => {
  checkNoKeywords("fmod", kwnames);
  checkArgs("fmod", args, kwnames, 2, 2);
  const x = toFloat(args[0]), y = toFloat(args[1]);
  if (!Number.isFinite(y) && Number.isFinite(x) && y === y) return new PyFloat(x);
  const r = x % y;
  if (r !== r && x === x && y === y) domainError();
  return new PyFloat(r);
};
FUNCTIONS.remainder = (args, kwnames) => {
  checkNoKeywords("remainder", kwnames);
  checkArgs("remainder", args, kwnames, 2, 2);
  const x = toFloat(args[0]), y = toFloat(args[1]);
  if (x !== x) return new PyFloat(x);
  if (y !== y) return new PyFloat(y);
  if (!Number.isFinite(x) || y === 0) domainError();
  if (!Number.isFinite(y)) return new PyFloat(x);
  const absx = Math.abs(x), absy = Math.abs(y);
  const m = absx % absy;
  const c = absy - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
  return new PyFloat((x < 0 || Object.is(x, -0) ? -1 : 1) * r);
};
FUNCTIONS.modf = (args, kwnames) => {
  checkOneArg("modf", args, kwnames);
  const x = toFloat(args[0]);
  if (!Number.isFinite(x)) {
    if (x !== x) return newTuple([new PyFloat(x), new PyFloat(x)]);
    return newTuple([new PyFloat(x > 0 ? 0 : -0), new PyFloat(x)]);
  }
  const ip = Math.trunc(x);
  let fp = x - ip;
  if (fp === 0) fp = x < 0 || Object.is(x, -0) ? -0 : 0;
  return newTuple([new PyFloat(fp), new PyFloat(ip === 0 && (x < 0 || Object.is(x, -0)) ? -0 : ip)]);
};
FUNCTIONS.frexp = (args, kwnames) => {
  checkOneArg("frexp", args, kwnames);
  const [m, e] = frexp(toFloat(args[0]));
  return newTuple([new PyFloat(m), e]);
};
FUNCTIONS.ldexp = (args, kwnames) => {
  checkNoKeywords("ldexp", kwnames);
  checkArgs("ldexp", args, kwnames, 2, 2);
  const x = toFloat(args[0]);
  const ei = intValueOf(args[1]);
  if (ei === undefined) raise(Exc.TypeError, "Expected an int as second argument to ldexp.");
  if (x === 0 || !Number.isFinite(x)) return new PyFloat(x);
  let e = typeof ei === "bigint" ? (ei > 0n ? 100000 : -100000) : ei;
  if (e > 2100) rangeError();
  if (e < -2200) return new PyFloat(x < 0 ? -0 : 0);
  let r = x;
  // Scale in steps so intermediate powers stay representable.
  while (e > 1000) {
    r *= Math.pow(2, 1000);
    e -= 1000;
  }
  while (e < -1000) {
    r *= Math.pow(2, -1000);
    e += 1000;
  }
  r *= Math.pow(2, e);
  if (!Number.isFinite(r)) rangeError();
  return new PyFloat(r);
};
FUNCTIONS.copysign = (args, kwnames) => {
  checkNoKeywords("copysign", kwnames);
  checkArgs("copysign", args, kwnames, 2, 2);
  const x = toFloat(args[0]), y = toFloat(args[1]);
  const neg = y < 0 || Object.is(y, -0) || (y !== y && signBitOfNaN(y));
  return new PyFloat(neg ? -Math.abs(x) : Math.abs(x));
};
function signBitOfNaN(v: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return (view.getUint8(0) & 0x80) !== 0;
}
FUNCTIONS.isfinite = (args, kwnames) => {
  checkOneArg("isfinite", args, kwnames);
  return Number.isFinite(toFloat(args[0]));
};
FUNCTIONS.isinf = (args, kwnames) => {
  checkOneArg("isinf", args, kwnames);
  const x = toFloat(args[0]);
  return x === Infinity || x === -Infinity;
};
FUNCTIONS.isnan = (args, kwnames) => {
  checkOneArg("isnan", args, kwnames);
  const x = toFloat(args[0]);
  return x !== x;
};
FUNCTIONS.isclose = (args, kwnames) => {
  const positional = args.length - (kwnames?.length ?? 0);
  if (positional > 2) {
    raise(Exc.TypeError, `isclose() takes exactly 2 positional arguments (${positional} given)`);
  }
  const [a, b, relTol, absTol] = bindArgs("isclose", args, kwnames, ["a", "b", "rel_tol", "abs_tol"], 2);
  const x = toFloat(a!), y = toFloat(b!);
  const rel = relTol === undefined ? 1e-9 : toFloat(relTol);
  const abs = absTol === undefined ? 0 : toFloat(absTol);
  if (rel < 0 || abs < 0) raise(Exc.ValueError, "tolerances must be non-negative");
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(y - x);
  return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
};
FUNCTIONS.nextafter = (args, kwnames) => {
  checkNoKeywords("nextafter", kwnames);
  checkArgs("nextafter", args, kwnames, 2, 2);
  return new PyFloat(nextAfter(toFloat(args[0]), toFloat(args[1])));
};
FUNCTIONS.ulp = (args, kwnames) => {
  checkOneArg("ulp", args, kwnames);
  let x = toFloat(args[0]);
  if (x !== x) return new PyFloat(x);
  x = Math.abs(x);
  if (!Number.isFinite(x)) return new PyFloat(x);
  const next = nextAfter(x, Infinity);
  if (!Number.isFinite(next)) return new PyFloat(x - nextAfter(x, -Infinity));
  return new PyFloat(next - x);
};

/** The next float after x towards y. */
export function nextAfter(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  let bits = view.getBigUint64(0);
  if ((y > x) === (x > 0)) bits += 1n;
  else bits -= 1n;
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

FUNCTIONS.isqrt = (args, kwnames) => {
  checkOneArg("isqrt", args, kwnames);
  const n = big(intArg(args[0]));
  if (n < 0n) raise(Exc.ValueError, "isqrt() argument must be nonnegative");
  return norm(isqrt(n));
};
FUNCTIONS.factorial = (args, kwnames) => {
  checkOneArg("factorial", args, kwnames);
  const v = args[0];
  if (v instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
  const n = intArg(v);
  if (n < 0) raise(Exc.ValueError, "factorial() not defined for negative values");
  if (n > 9223372036854775807n) {
    raise(Exc.OverflowError, "factorial() argument should not exceed 9223372036854775807");
  }
  return norm(factorialBig(Number(n)));
};
FUNCTIONS.comb = (args, kwnames) => {
  checkNoKeywords("comb", kwnames);
  checkArgs("comb", args, kwnames, 2, 2);
  return permComb("comb", args[0], args[1]);
};
FUNCTIONS.perm = (args, kwnames) => {
  checkNoKeywords("perm", kwnames);
  checkArgs("perm", args, kwnames, 1, 2);
  return permComb("perm", args[0], args[1]);
};
FUNCTIONS.gcd = (args, kwnames) => {
  checkNoKeywords("gcd", kwnames);
  checkArgs("gcd", args, kwnames, 0, Infinity);
  let g = 0n;
  for (const a of args) g = gcd2(g, big(intArg(a)));
  return norm(g);
};
FUNCTIONS.lcm = (args, kwnames) => {
  checkNoKeywords("lcm", kwnames);
  checkArgs("lcm", args, kwnames, 0, Infinity);
  let l = 1n;
  for (const a of args) {
    const v = big(intArg(a));
    if (v === 0n) l = 0n;
    else if (l !== 0n) l = (l / gcd2(l, v)) * (v < 0n ? -v : v);
  }
  return norm(l < 0n ? -l : l);
};
FUNCTIONS.fsum = (args, kwnames) => {
  checkOneArg("fsum", args, kwnames);
  return new PyFloat(fsum(toArray(args[0]).map(toFloat)));
};
FUNCTIONS.prod = (args, kwnames) => {
  // prod(iterable, /, *, start=1)
  const positional = args.length - (kwnames?.length ?? 0);
  if (args.length > 2) raise(Exc.TypeError, `prod() takes at most 2 arguments (${args.length} given)`);
  if (positional !== 1) {
    raise(Exc.TypeError, `prod() takes exactly 1 positional argument (${positional} given)`);
  }
  const [iterable, start] = bindArgs("prod", args, kwnames, ["iterable", "start"], 1, 1);
  let acc: PyValue = start ?? 1;
  const it = getIter(iterable!);
  for (;;) {
    const v = iterNext(it);
    if (v === undefined) return acc;
    acc = binaryOp(acc, v, NB_MULTIPLY);
  }
};

/**
 * The functions the native JIT computes with one uop on a float (jit/native_lower.ts reads
 * `nativeUop`): only those whose libm result is this module's to the bit (sqrt is correctly rounded
 * in both; fabs and floor are exact), so that every tier prints the same digits.
 */
const NATIVE_UOPS: Readonly<Record<string, string>> = {
  sqrt: "SQRT_F64",
  fabs: "ABS_F64",
  floor: "FLOOR_F64",
};

/** Builds the math module. */
export function makeMathModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("math", d);
  d.setStr(
    "__doc__",
    "This module provides access to the mathematical functions\ndefined by the C standard.",
  );
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    const f = new PyBuiltinFunction(name, fn, null, "math");
    if (NATIVE_UOPS[name] !== undefined) f.nativeUop = NATIVE_UOPS[name];
    d.setStr(name, f);
  }
  d.setStr("pi", new PyFloat(Math.PI));
  d.setStr("e", new PyFloat(Math.E));
  d.setStr("tau", new PyFloat(2 * Math.PI));
  d.setStr("inf", new PyFloat(Infinity));
  d.setStr("nan", new PyFloat(NaN));
  return m;
}
