/**
 * The `float` type: `float(x)` (Python's float literal syntax, `__float__`, `__index__`) and the
 * float methods (operators as dunders with int coercion, correctly rounded `round`, `hex` /
 * `fromhex`, `as_integer_ratio`, `is_integer`, …), on top of the arithmetic in float.ts.
 *
 * @example
 * ```ts
 * import { roundFloat } from "./float_type.ts";
 * console.log(roundFloat(2.675, 2)); // 2.67
 * ```
 * @module
 */
import { COMPARISON_DUNDERS } from "../../instructions/operators.ts";
import {
  checkArgs,
  checkMethodArgs,
  defClassMethod,
  defGetSet,
  defMethod,
  Exc,
  floatType,
  newTuple,
  None,
  NotImplemented,
  PyBytes,
  PyFloat,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import { asIndex, call, callMethod0, intValueOf, repr, str, strValueOf } from "../ops.ts";
import { floatRepr } from "../repr.ts";
import { floatDivmod, floatFloorDiv, floatHash, floatMod, floatPow, floatTrueDiv, frexp } from "./float.ts";
import { intToFloat } from "./int.ts";
import { floatToInt, unicodeDigit } from "./int_type.ts";
import { formatFloat, roundDigits } from "../format.ts";
import { installNew } from "./type.ts";

function self(args: PyValue[], name: string): number {
  const v = args[0];
  if (!(v instanceof PyFloat)) {
    raise(Exc.TypeError, `descriptor '${name}' requires a 'float' object but received a '${typeOf(v).name}'`);
  }
  return v.value;
}

/** The float value of an int or float operand, or undefined (→ NotImplemented). */
function operand(v: PyValue): number | undefined {
  if (v instanceof PyFloat) return v.value;
  const i = intValueOf(v);
  return i === undefined ? undefined : intToFloat(i);
}

/** Parses Python float syntax (`float("1_000.5")`, `"inf"`, `"-nan"`); null when invalid. */
export function parseFloatLiteral(s: string): number | null {
  // Unicode decimal digits count as their ASCII values (float("٣.٥") == 3.5).
  if (/[\u0080-\uffff]/.test(s)) s = s.replace(/(?![0-9])\p{Nd}/gu, (ch) => String(unicodeDigit(ch)));
  const t = s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, "");
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (m) {
    const v = m[2].toLowerCase() === "nan" ? NaN : Infinity;
    return m[1] === "-" ? -v : v;
  }
  if (!/^[+-]?((\d(_?\d)*)?\.?(\d(_?\d)*)?)([eE][+-]?\d(_?\d)*)?$/.test(t)) return null;
  if (!/\d/.test(t.replace(/[eE].*$/, ""))) return null;
  const cleaned = t.replace(/_/g, "");
  const v = Number(cleaned);
  return Number.isNaN(v) ? null : v;
}

/** `float(x)`. */
export function floatNew(args: PyValue[], kwnames: string[] | null): number {
  checkArgs("float", args, kwnames, 0, 1);
  if (args.length === 0) return 0;
  const x = args[0];
  if (x instanceof PyFloat) return x.value;
  const i = intValueOf(x);
  if (i !== undefined) return intToFloat(i);
  const s = strValueOf(x);
  if (s !== undefined || x instanceof PyBytes) {
    const text = s ?? new TextDecoder().decode((x as PyBytes).data);
    const v = parseFloatLiteral(text);
    if (v === null) raise(Exc.ValueError, `could not convert string to float: ${repr(x)}`);
    return v;
  }
  const t = typeOf(x);
  const f = t.lookup("__float__");
  if (f !== undefined) {
    const r = callMethod0(f, x);
    if (!(r instanceof PyFloat)) {
      raise(Exc.TypeError, `${t.name}.__float__ returned non-float (type ${typeOf(r).name})`);
    }
    return r.value;
  }
  const idx = t.lookup("__index__");
  if (idx !== undefined) return intToFloat(asIndex(x));
  return raise(Exc.TypeError, `float() argument must be a string or a real number, not '${t.name}'`);
}

floatType.tp_new = (cls, args, kwnames) => {
  const v = floatNew(args, kwnames);
  return new PyFloat(v, cls);
};
installNew(floatType);

type FloatOp = (a: number, b: number) => PyValue;
const BINARY: [string, FloatOp][] = [
  ["add", (a, b) => new PyFloat(a + b)],
  ["sub", (a, b) => new PyFloat(a - b)],
  ["mul", (a, b) => new PyFloat(a * b)],
  ["truediv", (a, b) => new PyFloat(floatTrueDiv(a, b))],
  ["floordiv", (a, b) => new PyFloat(floatFloorDiv(a, b))],
  ["mod", (a, b) => new PyFloat(floatMod(a, b))],
  ["divmod", (a, b) => {
    const [q, r] = floatDivmod(a, b);
    return newTuple([new PyFloat(q), new PyFloat(r)]);
  }],
  ["pow", (a, b) => powFloat(a, b)],
];

/** Installed by complex.ts: a negative float to a fractional power gives a complex. */
export const complexPow: { hook: (a: number, b: number) => PyValue } = {
  hook: () => raise(Exc.ValueError, "math domain error"),
};

function powFloat(a: number, b: number): PyValue {
  const r = floatPow(a, b);
  return r === null ? complexPow.hook(a, b) : new PyFloat(r);
}

for (const [name, fn] of BINARY) {
  defMethod(floatType, `__${name}__`, (args) => {
    if (name === "pow" && args.length > 2 && args[2] !== None) {
      raise(Exc.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    const a = self(args, `__${name}__`);
    const b = operand(args[1]);
    return b === undefined ? NotImplemented : fn(a, b);
  });
  defMethod(floatType, `__r${name}__`, (args) => {
    const a = self(args, `__r${name}__`);
    const b = operand(args[1]);
    return b === undefined ? NotImplemented : fn(b, a);
  });
}
COMPARISON_DUNDERS.forEach((name, op) => {
  defMethod(floatType, name, (args) => {
    const a = self(args, name);
    const o = args[1];
    let b: number | bigint;
    if (o instanceof PyFloat) b = o.value;
    else {
      const i = intValueOf(o);
      if (i === undefined) return NotImplemented;
      b = i;
    }
    switch (op) {
      case 0:
        return a < b;
      case 1:
        return a <= b;
      case 2:
        // deno-lint-ignore eqeqeq
        return a == b;
      case 3:
        // deno-lint-ignore eqeqeq
        return a != b;
      case 4:
        return a > b;
      default:
        return a >= b;
    }
  });
});
defMethod(floatType, "__neg__", (args) => new PyFloat(-self(args, "__neg__")));
defMethod(floatType, "__pos__", (args) => new PyFloat(self(args, "__pos__")));
defMethod(floatType, "__abs__", (args) => new PyFloat(Math.abs(self(args, "__abs__"))));
defMethod(floatType, "__bool__", (args) => self(args, "__bool__") !== 0);
defMethod(floatType, "__hash__", (args) => floatHash(self(args, "__hash__")));
defMethod(floatType, "__int__", (args) => floatToInt(self(args, "__int__")));
defMethod(floatType, "__trunc__", (args) => floatToInt(self(args, "__trunc__")));
defMethod(floatType, "__floor__", (args) => floatToInt(Math.floor(self(args, "__floor__"))));
defMethod(floatType, "__ceil__", (args) => floatToInt(Math.ceil(self(args, "__ceil__"))));
defMethod(floatType, "__float__", (args) => {
  const v = args[0] as PyFloat;
  return v.cls === floatType ? v : new PyFloat(self(args, "__float__"));
});
defMethod(floatType, "__repr__", (args) => floatRepr(self(args, "__repr__")));
defMethod(floatType, "__format__", (args) => {
  checkMethodArgs("__format__", args, null, 1, 1);
  const spec = strValueOf(args[1]);
  if (spec === undefined) raise(Exc.TypeError, `argument 1 must be str, not ${typeOf(args[1]).name}`);
  if (spec === "") return str(args[0]);
  return formatFloat(self(args, "__format__"), spec);
});
defMethod(floatType, "__round__", (args) => {
  checkMethodArgs("__round__", args, null, 0, 1);
  const x = self(args, "__round__");
  if (args.length < 2 || args[1] === None) return floatToInt(roundHalfEven(x));
  const nd = asIndex(args[1]);
  return new PyFloat(roundFloat(x, typeof nd === "bigint" ? (nd > 0n ? 10000 : -10000) : nd));
});
defMethod(floatType, "__getnewargs__", (args) => newTuple([new PyFloat(self(args, "__getnewargs__"))]));
defMethod(floatType, "is_integer", (args) => Number.isInteger(self(args, "is_integer")));
defMethod(floatType, "conjugate", (args) => new PyFloat(self(args, "conjugate")));
defGetSet(floatType, "real", (v) => new PyFloat((v as PyFloat).value));
defGetSet(floatType, "imag", () => new PyFloat(0));
defMethod(floatType, "as_integer_ratio", (args) => {
  const x = self(args, "as_integer_ratio");
  if (x !== x) raise(Exc.ValueError, "cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) raise(Exc.OverflowError, "cannot convert Infinity to integer ratio");
  const [n, d] = floatRatio(x);
  return newTuple([norm(n), norm(d)]);
});
defMethod(floatType, "hex", (args) => floatHex(self(args, "hex")));
defClassMethod(floatType, "fromhex", (args) => {
  checkMethodArgs("fromhex", args, null, 1, 1);
  const s = strValueOf(args[1]);
  if (s === undefined) raise(Exc.TypeError, `fromhex() argument must be str, not ${typeOf(args[1]).name}`);
  const v = new PyFloat(floatFromHex(s));
  const cls = args[0] as PyType;
  return cls === floatType ? v : call(cls, [v]);
});
defClassMethod(floatType, "__getformat__", (args) => {
  const s = strValueOf(args[1]);
  if (s !== "double" && s !== "float") {
    raise(Exc.ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return "IEEE, little-endian";
});

function norm(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** x as an exact fraction [numerator, denominator] in lowest terms. */
export function floatRatio(x: number): [bigint, bigint] {
  let [m, e] = frexp(x);
  // Scale the mantissa to an integer.
  for (let i = 0; i < 300 && m !== Math.floor(m); i++) {
    m *= 2;
    e--;
  }
  let n = BigInt(m), d = 1n;
  if (e > 0) n <<= BigInt(e);
  else d <<= BigInt(-e);
  while (d > 1n && (n & 1n) === 0n) {
    n >>= 1n;
    d >>= 1n;
  }
  return [n, d];
}

/** round(x) to an integral float value, ties to even. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5) return 2 * Math.round(x / 2);
  return r;
}

/** round(x, ndigits) correctly rounded, as CPython's float.__round__. */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return x < 0 ? -0 : 0;
  const digits = roundDigits(Math.abs(x), ndigits);
  const v = Number(`${digits}e${-ndigits}`);
  if (!Number.isFinite(v)) raise(Exc.OverflowError, "rounded value too large to represent");
  return x < 0 ? -v : v;
}

/** float.hex(). */
export function floatHex(x: number): string {
  if (x !== x) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const a = Math.abs(x);
  if (a === 0) return sign + "0x0.0p+0";
  let [m, e] = frexp(a); // a = m * 2**e, m in [0.5, 1)
  m *= 2;
  e -= 1;
  let lead = 1;
  if (e < -1022) {
    // Subnormal: leading digit 0, exponent fixed at -1022.
    m = a / Math.pow(2, -1022);
    lead = 0;
    e = -1022;
  }
  let frac = m - lead;
  let hex = "";
  for (let i = 0; i < 13; i++) {
    frac *= 16;
    const d = Math.floor(frac);
    hex += d.toString(16);
    frac -= d;
  }
  // CPython always writes the 13 digits of the 52-bit fraction (only zero is "0x0.0p+0").
  return `${sign}0x${lead}.${hex}p${e >= 0 ? "+" : ""}${e}`;
}

/** float.fromhex(s). */
export function floatFromHex(s: string): number {
  const t = s.trim();
  const special = parseFloatLiteral(t);
  if (special !== null && /inf|nan/i.test(t)) return special;
  const m = /^([+-]?)(0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(t);
  if (!m || (m[3] === "" && (m[4] === undefined || m[4] === ""))) {
    raise(Exc.ValueError, "invalid hexadecimal floating-point string");
  }
  const intPart = m[3], fracPart = m[4] ?? "";
  const exp = m[5] === undefined ? 0 : Number(m[5]);
  let mant = BigInt("0x" + (intPart + fracPart || "0"));
  let e2 = exp - 4 * fracPart.length;
  // Compose exactly: mant * 2**e2, rounding half to even to 53 bits.
  if (mant === 0n) return m[1] === "-" ? -0 : 0;
  const bits = mant.toString(2).length;
  let shift = bits - 53;
  // Respect subnormals: the lowest representable exponent is -1074.
  if (e2 + shift < -1074) shift = -1074 - e2;
  if (shift > 0) {
    const rem = mant & ((1n << BigInt(shift)) - 1n);
    mant >>= BigInt(shift);
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (mant & 1n) === 1n)) mant += 1n;
    e2 += shift;
  }
  let v = Number(mant) * Math.pow(2, Math.max(e2, -1022)) * (e2 < -1022 ? Math.pow(2, e2 + 1022) : 1);
  if (!Number.isFinite(v)) raise(Exc.OverflowError, "hexadecimal value too large to represent as a float");
  if (m[1] === "-") v = -v;
  return v;
}
