/**
 * `complex`: the constructor (numbers, strings like "1+2j", `__complex__`) and arithmetic with
 * CPython's algorithms (Smith-style division, `c_pow` with the integer-power shortcut), reprs via
 * repr.ts, hashing compatible with int/float, and `__format__`.
 *
 * @example
 * ```ts
 * import { complexPow } from "./complex.ts";
 * console.log(complexPow(0, 1, 2, 0)); // [-1, 0]
 * ```
 * @module
 */
import {
  checkMethodArgs,
  complexType,
  defGetSet,
  defMethod,
  Exc,
  None,
  NotImplemented,
  PyComplex,
  PyFloat,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import { bindArgs } from "../object.ts";
import { callMethod0, intValueOf, setComplexPowHook, strValueOf } from "../ops.ts";
import { complexRepr } from "../repr.ts";
import { floatHash } from "./float.ts";
import { powDouble } from "./float_pow.ts";
import { intToFloat } from "./int.ts";
import { complexPow as floatComplexPow, parseFloatLiteral } from "./float_type.ts";
import { formatComplex } from "../format.ts";
import { installNew } from "./type.ts";

type C = [number, number];

function self(args: PyValue[], name: string): C {
  const v = args[0];
  if (!(v instanceof PyComplex)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' requires a 'complex' object but received a '${typeOf(v).name}'`,
    );
  }
  return [v.real, v.imag];
}

/** A complex operand: complex, float or int; undefined for anything else. */
function operand(v: PyValue): C | undefined {
  if (v instanceof PyComplex) return [v.real, v.imag];
  if (v instanceof PyFloat) return [v.value, 0];
  const i = intValueOf(v);
  return i === undefined ? undefined : [intToFloat(i), 0];
}

/** a / b as CPython's _Py_c_quot. */
export function complexDiv(a: C, b: C): C {
  const absBr = Math.abs(b[0]), absBi = Math.abs(b[1]);
  if (absBr >= absBi) {
    if (absBr === 0) raise(Exc.ZeroDivisionError, "complex division by zero");
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

function mul(a: C, b: C): C {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

function powu(x: C, n: number): C {
  let r: C = [1, 0];
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = mul(r, p);
    mask <<= 1;
    p = mul(p, p);
  }
  return r;
}

/** a ** b as CPython's complex_pow (returns [real, imag]). */
export function complexPow(ar: number, ai: number, br: number, bi: number): C {
  let r: C;
  if (bi === 0 && br === Math.floor(br) && Math.abs(br) <= 100) {
    const n = br;
    if (n < 0 && ar === 0 && ai === 0) raise(Exc.ZeroDivisionError, "0.0 to a negative or complex power");
    r = n >= 0 ? powu([ar, ai], n) : complexDiv([1, 0], powu([ar, ai], -n));
  } else if (br === 0 && bi === 0) {
    r = [1, 0];
  } else if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) raise(Exc.ZeroDivisionError, "0.0 to a negative or complex power");
    r = [0, 0];
  } else {
    const vabs = Math.hypot(ar, ai);
    let len = powDouble(vabs, br);
    const at = Math.atan2(ai, ar);
    let phase = at * br;
    if (bi !== 0) {
      len /= Math.exp(at * bi);
      phase += bi * Math.log(vabs);
    }
    // cos/sin of an infinite phase set EDOM in C, which complex_pow reports as this error.
    if (phase === Infinity || phase === -Infinity) {
      raise(Exc.ZeroDivisionError, "0.0 to a negative or complex power");
    }
    r = [len * Math.cos(phase), len * Math.sin(phase)];
  }
  // CPython's _Py_ADJUST_ERANGE2: an infinite component is an overflow (NaN is not).
  if (Math.abs(r[0]) === Infinity || Math.abs(r[1]) === Infinity) {
    raise(Exc.OverflowError, "complex exponentiation");
  }
  return r;
}

function box(c: C): PyComplex {
  return new PyComplex(c[0], c[1]);
}

setComplexPowHook((x, y) => box(complexPow(x, 0, y, 0)));
floatComplexPow.hook = (x, y) => box(complexPow(x, 0, y, 0));

/** Parses "1+2j", "(3j)", "-1.5", … as complex(); null when malformed. */
export function parseComplex(s: string): C | null {
  let t = s.trim();
  if (t.startsWith("(") && t.endsWith(")")) t = t.slice(1, -1).trim();
  if (t === "") return null;
  const num =
    "(?:[0-9](?:_?[0-9])*(?:\\.(?:[0-9](?:_?[0-9])*)?)?|\\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?|inf|infinity|nan";
  const re = new RegExp(`^([+-]?(?:${num}))?(?:([+-](?:${num})?)[jJ])?$`, "i");
  const imagOnly = new RegExp(`^([+-]?(?:${num})?)[jJ]$`, "i");
  let m = imagOnly.exec(t);
  if (m) {
    const v = m[1] === "" || m[1] === "+" ? 1 : m[1] === "-" ? -1 : parseFloatLiteral(m[1]);
    return v === null ? null : [0, v];
  }
  m = re.exec(t);
  if (!m || m[1] === undefined) return null;
  const re1 = parseFloatLiteral(m[1]);
  if (re1 === null) return null;
  if (m[2] === undefined) return [re1, 0];
  const im = m[2] === "+" ? 1 : m[2] === "-" ? -1 : parseFloatLiteral(m[2]);
  return im === null ? null : [re1, im];
}

function toComplex(v: PyValue, argName: string): C {
  const c = operand(v);
  if (c !== undefined) return c;
  const f = typeOf(v).lookup("__complex__");
  if (f !== undefined) {
    const r = callMethod0(f, v);
    if (!(r instanceof PyComplex)) {
      raise(Exc.TypeError, `__complex__ returned non-complex (type ${typeOf(r).name})`);
    }
    return [r.real, r.imag];
  }
  const ff = typeOf(v).lookup("__float__");
  if (ff !== undefined) {
    const r = callMethod0(ff, v);
    if (r instanceof PyFloat) return [r.value, 0];
  }
  return raise(Exc.TypeError, `complex() ${argName} must be a number, not '${typeOf(v).name}'`);
}

complexType.tp_new = (cls, args, kwnames) => {
  const [real, imag] = bindArgs("complex", args, kwnames, ["real", "imag"], 0);
  if (real === undefined) {
    return new PyComplex(0, imag === undefined ? 0 : toComplex(imag, "second argument")[0], cls);
  }
  const s = strValueOf(real);
  if (s !== undefined) {
    if (imag !== undefined) raise(Exc.TypeError, "complex() can't take second arg if first is a string");
    const c = parseComplex(s);
    if (c === null) raise(Exc.ValueError, "complex() arg is a malformed string");
    return new PyComplex(c[0], c[1], cls);
  }
  if (imag !== undefined && strValueOf(imag) !== undefined) {
    raise(Exc.TypeError, "complex() second arg can't be a string");
  }
  const r = toComplex(real, "first argument");
  if (imag === undefined) {
    if (real instanceof PyComplex && cls === complexType && real.cls === complexType) return real;
    return new PyComplex(r[0], r[1], cls);
  }
  const i = toComplex(imag, "second argument");
  // As CPython: a part is only combined when its argument is complex (keeps complex(1, -0.0) = 1-0j).
  const re = imag instanceof PyComplex ? r[0] - i[1] : r[0];
  const im = real instanceof PyComplex ? i[0] + r[1] : i[0];
  return new PyComplex(re, im, cls);
};
installNew(complexType);

const OPS: [string, (a: C, b: C) => C][] = [
  ["add", (a, b) => [a[0] + b[0], a[1] + b[1]]],
  ["sub", (a, b) => [a[0] - b[0], a[1] - b[1]]],
  ["mul", mul],
  ["truediv", complexDiv],
  ["pow", (a, b) => complexPow(a[0], a[1], b[0], b[1])],
];
for (const [name, fn] of OPS) {
  defMethod(complexType, `__${name}__`, (args) => {
    if (name === "pow" && args.length > 2 && args[2] !== None) raise(Exc.ValueError, "complex modulo");
    const a = self(args, name), b = operand(args[1]);
    return b === undefined ? NotImplemented : box(fn(a, b));
  });
  defMethod(complexType, `__r${name}__`, (args) => {
    const a = self(args, name), b = operand(args[1]);
    return b === undefined ? NotImplemented : box(fn(b, a));
  });
}
for (const name of ["floordiv", "mod", "divmod"]) {
  defMethod(
    complexType,
    `__${name}__`,
    () => raise(Exc.TypeError, `can't take floor or mod of complex number.`),
  );
}
defMethod(complexType, "__eq__", (args) => {
  const a = self(args, "__eq__"), b = operand(args[1]);
  if (b === undefined) return NotImplemented;
  return a[0] === b[0] && a[1] === b[1];
});
defMethod(complexType, "__ne__", (args) => {
  const a = self(args, "__ne__"), b = operand(args[1]);
  if (b === undefined) return NotImplemented;
  return !(a[0] === b[0] && a[1] === b[1]);
});
defMethod(complexType, "__neg__", (args) => {
  const a = self(args, "__neg__");
  return new PyComplex(-a[0], -a[1]);
});
defMethod(complexType, "__pos__", (args) => box(self(args, "__pos__")));
defMethod(complexType, "__abs__", (args) => {
  const a = self(args, "__abs__");
  const r = Math.hypot(a[0], a[1]);
  if (!Number.isFinite(r) && Number.isFinite(a[0]) && Number.isFinite(a[1])) {
    raise(Exc.OverflowError, "absolute value too large");
  }
  return new PyFloat(r);
});
defMethod(complexType, "__bool__", (args) => {
  const a = self(args, "__bool__");
  return a[0] !== 0 || a[1] !== 0;
});
defMethod(complexType, "__hash__", (args) => {
  const a = self(args, "__hash__");
  const h = floatHash(a[0]) + 1000003 * floatHash(a[1]);
  const r = Number(BigInt.asIntN(64, BigInt(Math.trunc(h))));
  return r === -1 ? -2 : r;
});
defMethod(complexType, "__repr__", (args) => {
  const a = self(args, "__repr__");
  return complexRepr(a[0], a[1]);
});
defMethod(complexType, "__format__", (args) => {
  checkMethodArgs("__format__", args, null, 1, 1);
  const a = self(args, "__format__");
  const spec = strValueOf(args[1]) ?? "";
  if (spec === "") return complexRepr(a[0], a[1]);
  return formatComplex(a[0], a[1], spec);
});
defMethod(complexType, "conjugate", (args) => {
  const a = self(args, "conjugate");
  return new PyComplex(a[0], -a[1]);
});
defMethod(complexType, "__complex__", (args) => box(self(args, "__complex__")));
defMethod(complexType, "__getnewargs__", (args) => {
  const a = self(args, "__getnewargs__");
  return new PyComplex(a[0], a[1]);
});
for (const name of ["__lt__", "__le__", "__gt__", "__ge__"]) {
  defMethod(complexType, name, () => NotImplemented);
}
defGetSet(complexType, "real", (v) => new PyFloat((v as PyComplex).real));
defGetSet(complexType, "imag", (v) => new PyFloat((v as PyComplex).imag));
