/**
 * Double-precision functions computed the way glibc's libm computes them (a number in, a number
 * out), for the functions where V8's Math differs from glibc in the last bit often enough to show
 * in CPython's output: erf, erfc, expm1, log1p, log10, cbrt, sinh, cosh, tanh, asinh, acosh, atanh. CPython's
 * math module calls the C library, so matching glibc bit for bit means following its algorithms
 * (the Sun fdlibm methods with their published coefficients, polynomials evaluated in glibc's
 * order, since a different order rounds differently) and using exp/log where glibc uses them.
 * pow is not here: objects/types/float_pow.ts calls the C library's own.
 *
 * @example
 * ```ts
 * import { erf } from "./libm.ts";
 * erf(0.5); // 0.5204998778130465
 * ```
 * @module
 */

// ---------------------------------------------------------------------------------------------
// Access to the two 32-bit halves of a double (little-endian: index 1 is the high word)

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

function highWord(x: number): number {
  BITS[0] = x;
  return WORDS[1] | 0;
}

function withHighWord(x: number, hi: number): number {
  BITS[0] = x;
  WORDS[1] = hi >>> 0;
  return BITS[0];
}

function withLowWord(x: number, lo: number): number {
  BITS[0] = x;
  WORDS[0] = lo >>> 0;
  return BITS[0];
}

function fromWords(hi: number, lo: number): number {
  WORDS[1] = hi >>> 0;
  WORDS[0] = lo >>> 0;
  return BITS[0];
}

const LN2_HI = fromWords(0x3fe62e42, 0xfee00000);
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76);
const LN2 = fromWords(0x3fe62e42, 0xfefa39ef);

// ---------------------------------------------------------------------------------------------
// erf, erfc: rational approximations on [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 28)

const ERX = fromWords(0x3feb0ac1, 0x60000000);
const EFX = fromWords(0x3fc06eba, 0x8214db69);
const PP = [
  0x3fc06eba8214db68n,
  0xbfd4cd7d691cb913n,
  0xbf9d2a51dbd7194fn,
  0xbf77a291236668e4n,
  0xbef8ead6120016acn,
]
  .map(fromBits);
const QQ = [
  0,
  ...[0x3fd97779cddadc09n, 0x3fb0a54c5536ceban, 0x3f74d022c4d36b0fn, 0x3f215dc9221c1a10n, 0xbed09c4342a26120n]
    .map(fromBits),
];
const PA = [
  0xbf6359b8bef77538n,
  0x3fda8d00ad92b34dn,
  0xbfd7d240fbb8c3f1n,
  0x3fd45fca805120e4n,
  0xbfbc63983d3e28ecn,
  0x3fa22a36599795ebn,
  0xbf61bf380a96073fn,
].map(fromBits);
const QA = [
  0,
  ...[
    0x3fbb3e6618eee323n,
    0x3fe14af092eb6f33n,
    0x3fb2635cd99fe9a7n,
    0x3fc02660e763351fn,
    0x3f8bedc26b51dd1cn,
    0x3f888b545735151dn,
  ].map(fromBits),
];
const RA = [
  0xbf843412600d6435n,
  0xbfe63416e4ba7360n,
  0xc0251e0441b0e726n,
  0xc04f300ae4cba38dn,
  0xc0644cb184282266n,
  0xc067135cebccabb2n,
  0xc054526557e4d2f2n,
  0xc023a0efc69ac25cn,
].map(fromBits);
const SA = [
  0,
  ...[
    0x4033a6b9bd707687n,
    0x4061350c526ae721n,
    0x407b290dd58a1a71n,
    0x40842b1921ec2868n,
    0x407ad02157700314n,
    0x405b28a3ee48ae2cn,
    0x401a47ef8e484a93n,
    0xbfaeeff2ee749a62n,
  ].map(fromBits),
];
const RB = [
  0xbf84341239e86f4an,
  0xbfe993ba70c285den,
  0xc031c209555f995an,
  0xc064145d43c5ed98n,
  0xc083ec881375f228n,
  0xc09004616a2e5992n,
  0xc07e384e9bdc383fn,
].map(fromBits);
const SB = [
  0,
  ...[
    0x403e568b261d5190n,
    0x40745cae221b9f0an,
    0x409802eb189d5118n,
    0x40a8ffb7688c246an,
    0x40a3f219cedf3be6n,
    0x407da874e79fe763n,
    0xc03670e242712d62n,
  ].map(fromBits),
];

function fromBits(bits: bigint): number {
  return fromWords(Number(bits >> 32n), Number(bits & 0xffffffffn));
}

/** (erf(x) - x) / x on |x| < 0.84375, as P(x²)/Q(x²). */
function erfSmallRatio(x: number): number {
  const z = x * x;
  const r1 = PP[0] + z * PP[1], z2 = z * z;
  const r2 = PP[2] + z * PP[3], z4 = z2 * z2;
  const s1 = 1 + z * QQ[1];
  const s2 = QQ[2] + z * QQ[3];
  const s3 = QQ[4] + z * QQ[5];
  const r = r1 + z2 * r2 + z4 * PP[4];
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

/** erf(|x|) - ERX on 0.84375 <= |x| < 1.25, with s = |x| - 1. */
function erfNearOne(s: number): number {
  const p1 = PA[0] + s * PA[1], s2 = s * s;
  const q1 = 1 + s * QA[1], s4 = s2 * s2;
  const p2 = PA[2] + s * PA[3], s6 = s4 * s2;
  const q2 = QA[2] + s * QA[3];
  const p3 = PA[4] + s * PA[5];
  const q3 = QA[4] + s * QA[5];
  const p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
  const q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6];
  return p / q;
}

/** x·erfc(x) for 1.25 <= x < 28; `below`: x < 1/0.35 (erf and erfc split there one ulp apart). */
function erfcTail(x: number, below: boolean): number {
  const s = 1 / (x * x);
  let r: number, q: number;
  if (below) {
    const r1 = RA[0] + s * RA[1], s2 = s * s;
    const q1 = 1 + s * SA[1], s4 = s2 * s2;
    const r2 = RA[2] + s * RA[3], s6 = s4 * s2;
    const q2 = SA[2] + s * SA[3], s8 = s4 * s4;
    const r3 = RA[4] + s * RA[5];
    const q3 = SA[4] + s * SA[5];
    const r4 = RA[6] + s * RA[7];
    const q4 = SA[6] + s * SA[7];
    r = r1 + s2 * r2 + s4 * r3 + s6 * r4;
    q = q1 + s2 * q2 + s4 * q3 + s6 * q4 + s8 * SA[8];
  } else {
    const r1 = RB[0] + s * RB[1], s2 = s * s;
    const q1 = 1 + s * SB[1], s4 = s2 * s2;
    const r2 = RB[2] + s * RB[3], s6 = s4 * s2;
    const q2 = SB[2] + s * SB[3];
    const r3 = RB[4] + s * RB[5];
    const q3 = SB[4] + s * SB[5];
    const q4 = SB[6] + s * SB[7];
    r = r1 + s2 * r2 + s4 * r3 + s6 * RB[6];
    q = q1 + s2 * q2 + s4 * q3 + s6 * q4;
  }
  // exp(-x² - 0.5625 + R/S) with x² split so that its high part is exact.
  const z = withLowWord(x, 0);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / q);
}

/** The error function, as glibc computes it. */
export function erf(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 1 : -1;
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
      return x + EFX * x;
    }
    return x + x * erfSmallRatio(x);
  }
  if (ix < 0x3ff40000) {
    const pq = erfNearOne(Math.abs(x) - 1);
    return hx >= 0 ? ERX + pq : -ERX - pq;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1 : -1;
  const ax = Math.abs(x);
  const r = erfcTail(ax, ix < 0x4006db6e);
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}

/** The complementary error function, as glibc computes it. */
export function erfc(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : x > 0 ? 0 : 2;
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1 - x;
    const y = erfSmallRatio(x);
    if (hx < 0x3fd00000) return 1 - (x + x * y);
    let r = x * y;
    r += x - 0.5;
    return 0.5 - r;
  }
  if (ix < 0x3ff40000) {
    const pq = erfNearOne(Math.abs(x) - 1);
    if (hx >= 0) return (1 - ERX) - pq;
    return 1 + (ERX + pq);
  }
  if (ix < 0x403c0000) {
    const ax = Math.abs(x);
    if (hx < 0 && ix >= 0x40180000) return 2;
    const r = erfcTail(ax, ix < 0x4006db6d);
    return hx > 0 ? r / ax : 2 - r / ax;
  }
  return hx > 0 ? 0 : 2;
}

// ---------------------------------------------------------------------------------------------
// expm1 and log1p (the fdlibm reductions by multiples of ln 2)

const INV_LN2 = fromWords(0x3ff71547, 0x652b82fe);
const EXPM1_Q = [
  1,
  fromWords(0xbfa11111, 0x111110f4),
  fromWords(0x3f5a01a0, 0x19fe5585),
  fromWords(0xbf14ce19, 0x9eaadbb7),
  fromWords(0x3ed0cfca, 0x86e65239),
  fromWords(0xbe8afdb7, 0x6e09c32d),
];
const EXPM1_OVERFLOW = fromWords(0x40862e42, 0xfefa39ef);

/** exp(x) - 1, as glibc computes it. */
export function expm1(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return x !== x ? x : negative ? -1 : x;
      if (x > EXPM1_OVERFLOW) return Infinity;
    }
    if (negative) return -1;
  }
  let k: number, c = 0;
  if (hx > 0x3fd62e42) {
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) {
      if (!negative) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(fma(INV_LN2, x, negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x);
      // k·ln2_lo has two uses, so it is not fused
      const lo = k * LN2_LO;
      x = hi - lo;
      c = (hi - x) - lo;
      return expm1Reduced(x, c, k);
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x;
  } else {
    k = 0;
  }
  return expm1Reduced(x, c, k);
}

/** expm1 of x + k·ln2 where x is reduced to [-ln2/2, ln2/2] and c corrects its rounding. */
function expm1Reduced(x: number, c: number, k: number): number {
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1a = fma(hxs, EXPM1_Q[1], 1), h2 = hxs * hxs;
  const r2 = fma(hxs, EXPM1_Q[3], EXPM1_Q[2]), h4 = h2 * h2;
  const r3 = fma(hxs, EXPM1_Q[5], EXPM1_Q[4]);
  const r1 = fma(h4, r3, fma(h2, r2, r1a));
  const t = fma(-r1, hfx, 3.0);
  let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c);
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  if (k <= -2 || k > 56) {
    const y = 1 - (e - x);
    return withHighWord(y, highWord(y) + (k << 20)) - 1;
  }
  if (k < 20) {
    const t1 = fromWords(0x3ff00000 - (0x200000 >> k), 0);
    const y = t1 - (e - x);
    return withHighWord(y, highWord(y) + (k << 20));
  }
  const t2 = fromWords((0x3ff - k) << 20, 0);
  let y = x - (e + t2);
  y += 1;
  return withHighWord(y, highWord(y) + (k << 20));
}

const LP = [
  0,
  fromWords(0x3fe55555, 0x55555593),
  fromWords(0x3fd99999, 0x9997fa04),
  fromWords(0x3fd24924, 0x94229359),
  fromWords(0x3fcc71c5, 0x1d8e78af),
  fromWords(0x3fc74664, 0x96cb03de),
  fromWords(0x3fc39a09, 0xd078c69f),
  fromWords(0x3fc2f112, 0xdf3e5244),
];

/** log(1 + x), as glibc computes it. */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x3e200000) return ax < 0x3c900000 ? x : x - x * x * 0.5;
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1);
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000);
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000);
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const r = hfsq * (1 - 0.66666666666666666 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z;
  const r2 = fma(z, LP[3], LP[2]), z4 = z2 * z2;
  const r3 = fma(z, LP[5], LP[4]), z6 = z4 * z2;
  const r4 = fma(z, LP[7], LP[6]);
  // z·Lp1 is fused with the product added to it
  const r = fma(z6, r4, fma(z4, r3, fma(z, LP[1], z2 * r2)));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
}

// ---------------------------------------------------------------------------------------------
// log10, cbrt

const IVLN10 = fromWords(0x3fdbcb7b, 0x1526e50e);
const LOG10_2HI = fromWords(0x3fd34413, 0x509f6000);
const LOG10_2LO = fromWords(0x3d59fef3, 0x11f12b36);

/** log10(x), as glibc computes it: n·log10(2) + log(m)/ln(10) for x = m·2ⁿ, m in [1, 2). */
export function log10(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k = -54;
    x *= 18014398509481984;
  }
  const hx = highWord(x);
  k += (hx >> 20) - 1023;
  const negativeExponent = k < 0 ? 1 : 0;
  const m = withHighWord(x, (hx & 0x000fffff) | ((0x3ff - negativeExponent) << 20));
  const y = k + negativeExponent;
  const z = y * LOG10_2LO + IVLN10 * Math.log(m);
  return z + y * LOG10_2HI;
}

const CBRT2 = 1.2599210498948731648;
const SQR_CBRT2 = 1.5874010519681994748;
const CBRT_FACTOR = [1 / SQR_CBRT2, 1 / CBRT2, 1, CBRT2, SQR_CBRT2];

/** The cube root, as glibc computes it: a polynomial guess on [0.5, 1) and one Halley step. */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  let m = Math.abs(x), e = 0;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984;
    e = -54;
  }
  const hx = highWord(m);
  e += (hx >> 20) - 1022;
  m = withHighWord(m, (hx & 0x000fffff) | 0x3fe00000);
  const u = 0.354895765043919860 +
    (1.50819193781584896 +
        (-2.11499494167371287 +
            (2.44693122563534430 +
                (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * m) * m) *
                  m) * m) * m) * m;
  const t2 = u * u * u;
  const ym = u * (t2 + 2.0 * m) / (2.0 * t2 + m) * CBRT_FACTOR[2 + e % 3];
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(e / 3);
}

// ---------------------------------------------------------------------------------------------
// Hyperbolic functions built on expm1/log1p

/** sinh(x), as glibc computes it. */
export function sinh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x;
  const h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x;
    const t = expm1(Math.abs(x));
    if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * exp(Math.abs(x));
  BITS[0] = x;
  const lx = WORDS[0];
  if (ix < 0x408633ce || (ix === 0x408633ce && lx <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    return (h * w) * w;
  }
  return x * Infinity;
}

/** asinh(x), as glibc computes it. */
export function asinh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e300000) return x;
  let w: number;
  if (ix > 0x41b00000) {
    if (ix >= 0x7ff00000) return x + x;
    w = Math.log(Math.abs(x)) + LN2;
  } else {
    const xa = Math.abs(x);
    if (ix > 0x40000000) {
      w = Math.log(2.0 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
    } else {
      const t = xa * xa;
      w = log1p(xa + t / (1 + Math.sqrt(1 + t)));
    }
  }
  return x < 0 ? -w : w;
}

/** acosh(x), as glibc computes it. */
export function acosh(x: number): number {
  if (x !== x) return x;
  if (x > 2) {
    if (x >= 268435456) return x === Infinity ? x : Math.log(x) + LN2;
    const t = x * x;
    return Math.log(2.0 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  if (x > 1) {
    const t = x - 1;
    return log1p(t + Math.sqrt(2.0 * t + t * t));
  }
  return x === 1 ? 0 : NaN;
}

/** atanh(x), as glibc computes it. */
export function atanh(x: number): number {
  const xa = Math.abs(x);
  let t: number;
  if (xa < 0.5) {
    if (xa < 3.725290298461914e-9) return x;
    t = xa + xa;
    t = 0.5 * log1p(t + t * xa / (1.0 - xa));
  } else if (xa < 1.0) {
    t = 0.5 * log1p((xa + xa) / (1.0 - xa));
  } else {
    if (xa > 1 || x !== x) return NaN;
    return x / 0;
  }
  return x < 0 ? -t : t;
}

/** cosh(x), as glibc computes it. */
export function cosh(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1;
      const t = expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * exp(ax);
  if (ix >= 0x7ff00000) return x * x;
  if (ax <= fromWords(0x408633ce, 0x8fb9f87d)) {
    const w = exp(0.5 * ax);
    return (0.5 * w) * w;
  }
  return Infinity;
}

/** tanh(x), as glibc computes it. */
export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x !== x ? x : jx >= 0 ? 1 : -1;
  let z: number;
  if (ix < 0x40360000) {
    if (ix < 0x3c800000) return x * (1 + x);
    if (ix >= 0x3ff00000) {
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return jx >= 0 ? z : -z;
}

// ---------------------------------------------------------------------------------------------
// Fused multiply-add: on an x86-64 with FMA, glibc runs variants of some functions compiled with
// contraction (a*b + c rounded once); the functions below that glibc contracts use `fma`.

const SPLITTER = 134217729; // 2**27 + 1 (Veltkamp)

/** a*b + c with one rounding. */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (c === 0 || !Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  const ap = Math.abs(p);
  if (ap < 1e-280 || ap > 1e280 || Math.abs(c) < 1e-280) return exactFma(a, b, c);
  // p + pl = a*b exactly (Dekker)
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  // s + sl = p + c exactly
  const s = p + c;
  const bb = s - p;
  const sl = (p - (s - bb)) + (c - bb);
  // th + tl = pl + sl exactly
  const th = pl + sl;
  const tb = th - pl;
  const tl = (pl - (th - tb)) + (sl - tb);
  const r = s + th;
  if (tl === 0) return r;
  // r + re = s + th exactly; the true value is r + re + tl: r is its rounding unless re + tl
  // reaches half an ulp of r.
  const rb = r - s;
  const re = (s - (r - rb)) + (th - rb);
  const halfUlp = Math.abs(nextUp(Math.abs(r)) - Math.abs(r)) / 2;
  if (Math.abs(re) + Math.abs(tl) < halfUlp && Math.abs(re) - Math.abs(tl) > -halfUlp) return r;
  return exactFma(a, b, c);
}

function nextUp(x: number): number {
  BITS[0] = x;
  if (WORDS[0] === 0xffffffff) {
    WORDS[0] = 0;
    WORDS[1] += 1;
  } else {
    WORDS[0] += 1;
  }
  return BITS[0];
}

/** A finite double as m·2**e with an integer m. */
function decompose(x: number): [bigint, number] {
  BITS[0] = x;
  const hi = WORDS[1], lo = WORDS[0];
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) m |= 1n << 52n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return [hi >>> 31 ? -m : m, e];
}

/** a*b + c rounded once, through exact integer arithmetic (results in the normal range). */
function exactFma(a: number, b: number, c: number): number {
  const [ma, ea] = decompose(a), [mb, eb] = decompose(b), [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const n = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (n === 0n) return a * b + c;
  // Number() rounds a bigint correctly; scale by 2**e in two exact steps.
  const bits = (n < 0n ? -n : n).toString(2).length;
  const shift = Math.max(0, bits - 64);
  const top = n >> BigInt(shift);
  const sticky = (top << BigInt(shift)) !== n ? 1n : 0n;
  const f = Number(top | sticky);
  const scale = e + shift;
  return f * 2 ** Math.trunc(scale / 2) * 2 ** (scale - Math.trunc(scale / 2));
}

// ---------------------------------------------------------------------------------------------
// exp: glibc's table method (exp(x) = 2^(k/128) · exp(r), |r| <= ln2/256), evaluated with the
// fused multiply-adds of the variant glibc runs on processors with FMA.

/** A C99 hexadecimal floating literal ("0x1.8p52", "-0x1.62e42fefa0000p-8") as a number. */
function hexFloat(text: string): number {
  const m = /^(-?)0x([0-9a-f])(?:\.([0-9a-f]*))?p(-?\d+)$/.exec(text)!;
  const digits = m[3] ?? "";
  const value = parseInt(m[2] + digits, 16) * 2 ** (Number(m[4]) - 4 * digits.length);
  return m[1] === "-" ? -value : value;
}

const EXP_N = 128;
const EXP_INV_LN2_N = hexFloat("0x1.71547652b82fep0") * EXP_N;
const EXP_NEG_LN2_HI_N = hexFloat("-0x1.62e42fefa0000p-8");
const EXP_NEG_LN2_LO_N = hexFloat("-0x1.cf79abc9e3b3ap-47");
const EXP_SHIFT = hexFloat("0x1.8p52");
const EXP_C2 = hexFloat("0x1.ffffffffffdbdp-2");
const EXP_C3 = hexFloat("0x1.555555555543cp-3");
const EXP_C4 = hexFloat("0x1.55555cf172b91p-5");
const EXP_C5 = hexFloat("0x1.1111167a4d017p-7");

/**
 * For k in [0, 128): 2^(k/128) = H·(1 + T) with H the nearest double and T its relative error
 * rounded to a double. Stored as T, and H's words with k/128 taken out of its exponent (so that
 * adding k << 45 to the 64-bit pattern makes 2^(k/128) times any power of two).
 */
let expTable: { tail: Float64Array; high: Uint32Array; low: Uint32Array } | null = null;

function buildExpTable(): { tail: Float64Array; high: Uint32Array; low: Uint32Array } {
  const PREC = 200n;
  const one = 1n << PREC;
  // 2^(1/128) by seven square roots of 2, in fixed point with PREC fraction bits
  let root = 2n << PREC;
  for (let i = 0; i < 7; i++) root = isqrt(root << PREC);
  const tail = new Float64Array(EXP_N), high = new Uint32Array(EXP_N), low = new Uint32Array(EXP_N);
  let v = one; // 2^(k/128)
  for (let k = 0; k < EXP_N; k++) {
    const drop = PREC - 52n;
    let mantissa = v >> drop; // v in [1, 2): 53 bits
    const rest = v - (mantissa << drop);
    const half = 1n << (drop - 1n);
    if (rest > half || (rest === half && (mantissa & 1n) === 1n)) mantissa += 1n;
    const h = mantissa << drop;
    // T = (v - h) / h, to 60 significant bits before the final rounding
    const relative = Number(((v - h) << 260n) / h) * 2 ** -260;
    tail[k] = relative;
    const bits = (0x3ffn << 52n) | (mantissa & ((1n << 52n) - 1n));
    const adjusted = (bits - ((BigInt(k) << 52n) / BigInt(EXP_N))) & ((1n << 64n) - 1n);
    high[k] = Number(adjusted >> 32n);
    low[k] = Number(adjusted & 0xffffffffn);
    v = (v * root) >> PREC;
  }
  return { tail, high, low };
}

function isqrt(n: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** e**x, as glibc computes it. */
export function exp(x: number): number {
  const abstop = (highWord(x) >>> 20) & 0x7ff;
  let special = false;
  if (abstop - 0x3c9 >= 0x408 - 0x3c9 || abstop < 0x3c9) {
    if (abstop < 0x3c9) return 1 + x; // |x| < 2**-54
    if (abstop >= 0x409) { // |x| >= 1024
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1 + x;
      return x < 0 ? 0 : Infinity;
    }
    special = true; // 512 <= |x| < 1024
  }
  const table = expTable ??= buildExpTable();
  let kd = fma(EXP_INV_LN2_N, x, EXP_SHIFT);
  kd -= EXP_SHIFT;
  const k = kd; // an integer
  const r = fma(kd, EXP_NEG_LN2_LO_N, fma(kd, EXP_NEG_LN2_HI_N, x));
  const idx = ((k % EXP_N) + EXP_N) % EXP_N;
  const tail = table.tail[idx];
  const sHigh = (table.high[idx] + ((k & 0x7ffff) << 13)) >>> 0;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, EXP_C5, EXP_C4), fma(r2, fma(r, EXP_C3, EXP_C2), tail + r));
  if (special) return expSpecial(tmp, sHigh, table.low[idx], k);
  const scale = fromWords(sHigh, table.low[idx]);
  return fma(scale, tmp, scale);
}

/** exp's result scale·(1 + tmp) when the scale's exponent is out of range (near over/underflow). */
function expSpecial(tmp: number, sHigh: number, sLow: number, k: number): number {
  if (k > 0) {
    const scale = fromWords((sHigh - (1009 << 20)) >>> 0, sLow);
    return hexFloat("0x1p1009") * fma(scale, tmp, scale);
  }
  // scale·tmp has two uses here, so it is not fused
  const scale = fromWords((sHigh + (1022 << 20)) >>> 0, sLow);
  const product = scale * tmp;
  let y = scale + product;
  if (y < 1.0) {
    let lo = scale - y + product;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = (hi + lo) - 1.0;
    if (y === 0) y = 0;
  }
  return hexFloat("0x1p-1022") * y;
}

const EXP2_SHIFT = hexFloat("0x1.8p52") / EXP_N;
const EXP2_C = [
  hexFloat("0x1.62e42fefa39efp-1"),
  hexFloat("0x1.ebfbdff82c424p-3"),
  hexFloat("0x1.c6b08d70cf4b5p-5"),
  hexFloat("0x1.3b2abd24650ccp-7"),
  hexFloat("0x1.5d7e09b4e3a84p-10"),
];

/** 2**x, as glibc computes it (the table of exp; glibc has no fused variant of this one). */
export function exp2(x: number): number {
  const abstop = (highWord(x) >>> 20) & 0x7ff;
  let special = false;
  if (abstop - 0x3c9 >= 0x408 - 0x3c9 || abstop < 0x3c9) {
    if (abstop < 0x3c9) return 1 + x;
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1 + x;
      if (x > 0) return Infinity;
      if (x <= -1075) return 0;
    }
    special = Math.abs(x) > 928;
  }
  const table = expTable ??= buildExpTable();
  let kd = x + EXP2_SHIFT;
  kd -= EXP2_SHIFT; // k/128
  const r = x - kd;
  const k = kd * EXP_N;
  const idx = ((k % EXP_N) + EXP_N) % EXP_N;
  const tail = table.tail[idx];
  const sHigh = (table.high[idx] + ((k & 0x7ffff) << 13)) >>> 0;
  const r2 = r * r;
  const tmp = tail + r * EXP2_C[0] + r2 * (EXP2_C[1] + r * EXP2_C[2]) + r2 * r2 * (EXP2_C[3] + r * EXP2_C[4]);
  if (special) {
    if (k > 0) {
      const scale = fromWords((sHigh - (1 << 20)) >>> 0, table.low[idx]);
      return 2 * (scale + scale * tmp);
    }
    return expSpecial(tmp, sHigh, table.low[idx], k);
  }
  const scale = fromWords(sHigh, table.low[idx]);
  return scale + scale * tmp;
}
