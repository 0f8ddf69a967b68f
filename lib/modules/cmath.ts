/**
 * The `cmath` module of CPython 3.11: complex functions → a module object. Finite arguments use
 * CPython's formulas (Kahan's square root, the branch cuts of C99 Annex G, scaling near the ends
 * of the float range); non-finite arguments read the special-value tables of cmath_special.ts
 * (observed from CPython), except where the result depends on a finite part's value. Errors are
 * CPython's: ValueError "math domain error", OverflowError "math range error".
 *
 * @example
 * ```ts
 * import { makeCmathModule } from "./cmath.ts";
 * const cmath = makeCmathModule();
 * ```
 * @module
 */
import {
  bindArgs,
  checkArgs,
  Exc,
  newTuple,
  PyBuiltinFunction,
  PyComplex,
  PyDict,
  PyFloat,
  PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { callMethod0 } from "../../objects/ops.ts";
import { complexDiv } from "../../objects/types/complex.ts";
import { correctlyRoundedHypot, toFloat } from "./math.ts";
import * as libm from "./libm.ts";
import { CMATH_SPECIAL, type SpecialEntry } from "./cmath_special.ts";

type C = [number, number];

const DBL_MAX = Number.MAX_VALUE;
const DBL_MIN = 2.2250738585072014e-308;
const LARGE_DOUBLE = DBL_MAX / 4;
const SQRT_LARGE_DOUBLE = Math.sqrt(LARGE_DOUBLE);
const LOG_LARGE_DOUBLE = Math.log(LARGE_DOUBLE);
const SQRT_DBL_MIN = Math.sqrt(DBL_MIN);
const LN2 = 0.6931471805599453;
const LN10 = 2.302585092994046;
const SCALE_UP = 53;
const SCALE_DOWN = -27;

function hypot(x: number, y: number): number {
  return correctlyRoundedHypot([x, y]);
}

function copysign(x: number, y: number): number {
  const negative = y < 0 || Object.is(y, -0) || (y !== y && signBitOfNaN(y));
  return negative ? -Math.abs(x) : Math.abs(x);
}

function signBitOfNaN(v: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return (view.getUint8(0) & 0x80) !== 0;
}

/** atan2 whose tiny results keep y's sign (V8 may return +0 where C gives -0). */
function atan2(y: number, x: number): number {
  const r = Math.atan2(y, x);
  return r === 0 ? copysign(0, y) : r;
}

function ldexp(x: number, e: number): number {
  return x * 2 ** e;
}

function domainError(): never {
  raise(Exc.ValueError, "math domain error");
}

function rangeError(): never {
  raise(Exc.OverflowError, "math range error");
}

/** An argument as a complex (complex, __complex__, or a real number). */
function toComplex(v: PyValue): C {
  if (v instanceof PyComplex) return [v.real, v.imag];
  if (v instanceof PyFloat) return [v.value, 0];
  const t = typeOf(v);
  const f = t.lookup("__complex__");
  if (f !== undefined) {
    const r = callMethod0(f, v);
    if (!(r instanceof PyComplex)) {
      raise(Exc.TypeError, `__complex__ returned non-complex (type ${typeOf(r).name})`);
    }
    return [r.real, r.imag];
  }
  return [toFloat(v), 0];
}

// ---------------------------------------------------------------------------------------------
// Special values

/** The class of a float in the tables: -inf, -finite, -0, +0, +finite, +inf, nan. */
function specialClass(v: number): number {
  if (v !== v) return 6;
  if (v === -Infinity) return 0;
  if (v === Infinity) return 5;
  if (v === 0) return Object.is(v, -0) ? 2 : 3;
  return v < 0 ? 1 : 4;
}

function decodePart(s: string): number {
  switch (s) {
    case "I":
      return Infinity;
    case "-I":
      return -Infinity;
    case "N":
    case "-N":
      return NaN;
    case "0":
      return 0;
    case "-0":
      return -0;
  }
  return Number(s);
}

/** The table entry of `name` for (x, y), raising CPython's error for it. */
function special(name: string, x: number, y: number): C {
  const entry: SpecialEntry = CMATH_SPECIAL[name][specialClass(x)][specialClass(y)];
  if (entry[2] === "domain") domainError();
  if (entry[2] === "range") rangeError();
  return [decodePart(entry[0]), decodePart(entry[1])];
}

function finite(x: number, y: number): boolean {
  return Number.isFinite(x) && Number.isFinite(y);
}

// ---------------------------------------------------------------------------------------------
// The functions on [real, imag]

function cSqrt(x: number, y: number): C {
  if (!finite(x, y)) return special("sqrt", x, y);
  if (x === 0 && y === 0) return [0, y];
  let ax = Math.abs(x);
  const ay = Math.abs(y);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = ldexp(ax, SCALE_UP);
    s = ldexp(Math.sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  if (x >= 0) return [s, copysign(d, y)];
  return [d, copysign(s, y)];
}

function cLog(x: number, y: number): C {
  if (!finite(x, y)) return special("log", x, y);
  const ax = Math.abs(x), ay = Math.abs(y);
  let real: number;
  if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) {
    real = Math.log(hypot(ax / 2, ay / 2)) + LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0 || ay > 0) {
      real = Math.log(hypot(ldexp(ax, 53), ldexp(ay, 53))) - 53 * LN2;
    } else {
      domainError();
    }
  } else {
    const h = hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      const am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      real = libm.log1p((am - 1) * (am + 1) + an * an) / 2;
    } else {
      real = Math.log(h);
    }
  }
  return [real, atan2(y, x)];
}

function cExp(x: number, y: number): C {
  if (!finite(x, y)) {
    if (!Number.isFinite(x) && x === x && Number.isFinite(y) && y !== 0) {
      if (x > 0) return [copysign(Infinity, Math.cos(y)), copysign(Infinity, Math.sin(y))];
      return [copysign(0, Math.cos(y)), copysign(0, Math.sin(y))];
    }
    return special("exp", x, y);
  }
  let real: number, imag: number;
  if (x > LOG_LARGE_DOUBLE) {
    const l = libm.exp(x - 1);
    real = l * Math.cos(y) * Math.E;
    imag = l * Math.sin(y) * Math.E;
  } else {
    const l = libm.exp(x);
    real = l * Math.cos(y);
    imag = l * Math.sin(y);
  }
  if (!Number.isFinite(real) || !Number.isFinite(imag)) rangeError();
  return [real, imag];
}

function cCosh(x: number, y: number): C {
  if (!finite(x, y)) {
    if (!Number.isFinite(x) && x === x && Number.isFinite(y) && y !== 0) {
      if (x > 0) return [copysign(Infinity, Math.cos(y)), copysign(Infinity, Math.sin(y))];
      return [copysign(Infinity, Math.cos(y)), -copysign(Infinity, Math.sin(y))];
    }
    return special("cosh", x, y);
  }
  let real: number, imag: number;
  if (Math.abs(x) > LOG_LARGE_DOUBLE) {
    const xm1 = x - copysign(1, x);
    real = Math.cos(y) * libm.cosh(xm1) * Math.E;
    imag = Math.sin(y) * libm.sinh(xm1) * Math.E;
  } else {
    real = Math.cos(y) * libm.cosh(x);
    imag = Math.sin(y) * libm.sinh(x);
  }
  if (!Number.isFinite(real) || !Number.isFinite(imag)) rangeError();
  return [real, imag];
}

function cSinh(x: number, y: number): C {
  if (!finite(x, y)) {
    if (!Number.isFinite(x) && x === x && Number.isFinite(y) && y !== 0) {
      if (x > 0) return [copysign(Infinity, Math.cos(y)), copysign(Infinity, Math.sin(y))];
      return [-copysign(Infinity, Math.cos(y)), copysign(Infinity, Math.sin(y))];
    }
    return special("sinh", x, y);
  }
  let real: number, imag: number;
  if (Math.abs(x) > LOG_LARGE_DOUBLE) {
    const xm1 = x - copysign(1, x);
    real = Math.cos(y) * libm.sinh(xm1) * Math.E;
    imag = Math.sin(y) * libm.cosh(xm1) * Math.E;
  } else {
    real = Math.cos(y) * libm.sinh(x);
    imag = Math.sin(y) * libm.cosh(x);
  }
  if (!Number.isFinite(real) || !Number.isFinite(imag)) rangeError();
  return [real, imag];
}

function cTanh(x: number, y: number): C {
  if (!finite(x, y)) {
    if (!Number.isFinite(x) && x === x && Number.isFinite(y) && y !== 0) {
      if (x > 0) return [1, copysign(0, 2 * Math.sin(y) * Math.cos(y))];
      return [-1, copysign(0, 2 * Math.sin(y) * Math.cos(y))];
    }
    return special("tanh", x, y);
  }
  if (Math.abs(x) > LOG_LARGE_DOUBLE) {
    return [copysign(1, x), 4 * Math.sin(y) * Math.cos(y) * libm.exp(-2 * Math.abs(x))];
  }
  const tx = libm.tanh(x), ty = Math.tan(y), cx = 1 / libm.cosh(x);
  const txty = tx * ty;
  const denom = 1 + txty * txty;
  return [tx * (1 + ty * ty) / denom, ((ty / denom) * cx) * cx];
}

function cAsinh(x: number, y: number): C {
  if (!finite(x, y)) return special("asinh", x, y);
  if (Math.abs(x) > LARGE_DOUBLE || Math.abs(y) > LARGE_DOUBLE) {
    const real = y >= 0
      ? copysign(Math.log(hypot(x / 2, y / 2)) + LN2 * 2, x)
      : -copysign(Math.log(hypot(x / 2, y / 2)) + LN2 * 2, -x);
    return [real, atan2(y, Math.abs(x))];
  }
  const s1 = cSqrt(1 + y, -x);
  const s2 = cSqrt(1 - y, x);
  return [libm.asinh(s1[0] * s2[1] - s2[0] * s1[1]), atan2(y, s1[0] * s2[0] - s1[1] * s2[1])];
}

function cAcos(x: number, y: number): C {
  if (!finite(x, y)) return special("acos", x, y);
  if (Math.abs(x) > LARGE_DOUBLE || Math.abs(y) > LARGE_DOUBLE) {
    const real = atan2(Math.abs(y), x);
    const imag = x < 0
      ? -copysign(Math.log(hypot(x / 2, y / 2)) + LN2 * 2, y)
      : copysign(Math.log(hypot(x / 2, y / 2)) + LN2 * 2, -y);
    return [real, imag];
  }
  const s1 = cSqrt(1 - x, -y);
  const s2 = cSqrt(1 + x, y);
  return [2 * atan2(s1[0], s2[0]), libm.asinh(s2[0] * s1[1] - s2[1] * s1[0])];
}

function cAcosh(x: number, y: number): C {
  if (!finite(x, y)) return special("acosh", x, y);
  if (Math.abs(x) > LARGE_DOUBLE || Math.abs(y) > LARGE_DOUBLE) {
    return [Math.log(hypot(x / 2, y / 2)) + LN2 * 2, atan2(y, x)];
  }
  const s1 = cSqrt(x - 1, y);
  const s2 = cSqrt(x + 1, y);
  return [libm.asinh(s1[0] * s2[0] + s1[1] * s2[1]), 2 * atan2(s1[1], s2[0])];
}

function cAtanh(x: number, y: number): C {
  if (!finite(x, y)) return special("atanh", x, y);
  if (x < 0) {
    const r = cAtanh(-x, -y);
    return [-r[0], -r[1]];
  }
  const ay = Math.abs(y);
  if (x > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
    const h = hypot(x / 2, y / 2);
    return [x / 4 / h / h, -copysign(Math.PI / 2, -y)];
  }
  if (x === 1 && ay < SQRT_DBL_MIN) {
    if (ay === 0) domainError();
    return [-Math.log(Math.sqrt(ay) / Math.sqrt(hypot(ay, 2))), copysign(atan2(2, -ay) / 2, y)];
  }
  return [
    libm.log1p(4 * x / ((1 - x) * (1 - x) + ay * ay)) / 4,
    -atan2(-2 * y, (1 - x) * (1 + x) - ay * ay) / 2,
  ];
}

/** f(z) = -i g(iz), for the trigonometric functions from the hyperbolic ones. */
function rotated(g: (x: number, y: number) => C): (x: number, y: number) => C {
  return (x, y) => {
    const r = g(-y, x);
    return [r[1], -r[0]];
  };
}

function cRect(r: number, phi: number): C {
  if (!finite(r, phi)) {
    if (!Number.isFinite(r) && r === r && Number.isFinite(phi) && phi !== 0) {
      if (r > 0) return [copysign(Infinity, Math.cos(phi)), copysign(Infinity, Math.sin(phi))];
      return [-copysign(Infinity, Math.cos(phi)), -copysign(Infinity, Math.sin(phi))];
    }
    return special("rect", r, phi);
  }
  if (phi === 0) return [r, r * phi];
  return [r * Math.cos(phi), r * Math.sin(phi)];
}

// ---------------------------------------------------------------------------------------------
// The module table

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;

const COMPLEX_FUNCTIONS: Record<string, (x: number, y: number) => C> = {
  sqrt: cSqrt,
  exp: cExp,
  cosh: cCosh,
  sinh: cSinh,
  tanh: cTanh,
  asinh: cAsinh,
  acosh: cAcosh,
  atanh: cAtanh,
  acos: cAcos,
  cos: (x, y) => cCosh(-y, x),
  sin: rotated(cSinh),
  tan: rotated(cTanh),
  asin: rotated(cAsinh),
  atan: rotated(cAtanh),
};

const FUNCTIONS: Record<string, Fn> = {};
for (const [name, fn] of Object.entries(COMPLEX_FUNCTIONS)) {
  FUNCTIONS[name] = (args, kwnames) => {
    checkArgs(name, args, kwnames, 1, 1);
    const [x, y] = toComplex(args[0]);
    const r = fn(x, y);
    return new PyComplex(r[0], r[1]);
  };
}

FUNCTIONS.log = (args, kwnames) => {
  const [z, base] = bindArgs("log", args, kwnames, ["x", "base"], 1, 2);
  const [x, y] = toComplex(z!);
  let r = cLog(x, y);
  if (base !== undefined) {
    const [bx, by] = toComplex(base);
    const b = cLog(bx, by);
    if (b[0] === 0 && b[1] === 0) domainError();
    r = complexDiv(r, b);
  }
  return new PyComplex(r[0], r[1]);
};
FUNCTIONS.log10 = (args, kwnames) => {
  checkArgs("log10", args, kwnames, 1, 1);
  const [x, y] = toComplex(args[0]);
  const r = cLog(x, y);
  return new PyComplex(r[0] / LN10, r[1] / LN10);
};
FUNCTIONS.phase = (args, kwnames) => {
  checkArgs("phase", args, kwnames, 1, 1);
  const [x, y] = toComplex(args[0]);
  return new PyFloat(atan2(y, x));
};
FUNCTIONS.polar = (args, kwnames) => {
  checkArgs("polar", args, kwnames, 1, 1);
  const [x, y] = toComplex(args[0]);
  const r = correctlyRoundedHypot([x, y]);
  if (r === Infinity && Number.isFinite(x) && Number.isFinite(y)) rangeError();
  return newTuple([new PyFloat(r), new PyFloat(atan2(y, x))]);
};
FUNCTIONS.rect = (args, kwnames) => {
  checkArgs("rect", args, kwnames, 2, 2);
  const r = toFloat(args[0]), phi = toFloat(args[1]);
  const z = cRect(r, phi);
  return new PyComplex(z[0], z[1]);
};
FUNCTIONS.isfinite = (args, kwnames) => {
  checkArgs("isfinite", args, kwnames, 1, 1);
  const [x, y] = toComplex(args[0]);
  return Number.isFinite(x) && Number.isFinite(y);
};
FUNCTIONS.isnan = (args, kwnames) => {
  checkArgs("isnan", args, kwnames, 1, 1);
  const [x, y] = toComplex(args[0]);
  return x !== x || y !== y;
};
FUNCTIONS.isinf = (args, kwnames) => {
  checkArgs("isinf", args, kwnames, 1, 1);
  const [x, y] = toComplex(args[0]);
  return Math.abs(x) === Infinity || Math.abs(y) === Infinity;
};
FUNCTIONS.isclose = (args, kwnames) => {
  const [a, b, relTol, absTol] = bindArgs("isclose", args, kwnames, ["a", "b", "rel_tol", "abs_tol"], 2, 2);
  const [ax, ay] = toComplex(a!), [bx, by] = toComplex(b!);
  const rel = relTol === undefined ? 1e-9 : toFloat(relTol);
  const abs = absTol === undefined ? 0 : toFloat(absTol);
  if (rel < 0 || abs < 0) raise(Exc.ValueError, "tolerances must be non-negative");
  if (ax === bx && ay === by) return true;
  if (!finite(ax, ay) || !finite(bx, by)) return false;
  const diff = correctlyRoundedHypot([ax - bx, ay - by]);
  return diff <= rel * correctlyRoundedHypot([bx, by]) || diff <= rel * correctlyRoundedHypot([ax, ay]) ||
    diff <= abs;
};

/** Builds the cmath module. */
export function makeCmathModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("cmath", d);
  d.setStr(
    "__doc__",
    "This module provides access to mathematical functions for complex\nnumbers.",
  );
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    d.setStr(name, new PyBuiltinFunction(name, fn, null, "cmath"));
  }
  d.setStr("pi", new PyFloat(Math.PI));
  d.setStr("e", new PyFloat(Math.E));
  d.setStr("tau", new PyFloat(2 * Math.PI));
  d.setStr("inf", new PyFloat(Infinity));
  d.setStr("infj", new PyComplex(0, Infinity));
  d.setStr("nan", new PyFloat(NaN));
  d.setStr("nanj", new PyComplex(0, NaN));
  return m;
}
