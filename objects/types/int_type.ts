/**
 * The `int` and `bool` types: constructors (`int(x, base)` with CPython's parsing rules and
 * messages, `bool(x)`) and methods (operators as dunders, `bit_length`, `to_bytes`/`from_bytes`,
 * `as_integer_ratio`, …), built on the arithmetic in int.ts.
 *
 * @example
 * ```ts
 * import { parseIntLiteral } from "./int_type.ts";
 * console.log(parseIntLiteral(" 0x_1F ", 0)); // 31
 * ```
 * @module
 */
import { COMPARISON_DUNDERS } from "../../instructions/operators.ts";
import {
  bindArgs,
  boolType,
  checkMethodArgs,
  defClassMethod,
  defGetSet,
  defMethod,
  Exc,
  floatType,
  intType,
  newTuple,
  None,
  NotImplemented,
  PyBytes,
  PyFloat,
  PyIntObject,
  type PyMethodDescriptor,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import {
  asIndex,
  asSsizeArg,
  call,
  callMethod0,
  intValueOf,
  isTrue,
  repr,
  str,
  strValueOf,
  toArray,
} from "../ops.ts";
import {
  bigintToDecimal,
  intAbs,
  intAdd,
  intAnd,
  intBitLength,
  intDivmod,
  intFloorDiv,
  intHash,
  intInvert,
  intLshift,
  intMod,
  intMul,
  intNeg,
  intOr,
  intPow,
  intPowMod,
  intRshift,
  intStrLimit,
  intSub,
  intToFloat,
  intTrueDiv,
  intXor,
  type PyInt,
} from "./int.ts";
import { formatInt } from "../format.ts";
import { installNew } from "./type.ts";

/** The int value of self (an int, bool or int-subclass instance). */
function self(args: PyValue[], name: string): PyInt {
  const v = intValueOf(args[0]);
  if (v === undefined) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' requires a 'int' object but received a '${typeOf(args[0]).name}'`,
    );
  }
  return v;
}

const DIGIT_VALUES = new Map<string, number>();
for (let i = 0; i < 36; i++) DIGIT_VALUES.set(i.toString(36), i);

/** Maps a Unicode decimal digit (category Nd) to its value, or -1. */
export function unicodeDigit(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x80 || !ND.test(ch)) return -1;
  // Nd digits come in runs of whole sets of ten, each starting with zero.
  let start = c;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  return (c - start) % 10;
}
const ND = /^\p{Nd}$/u;

export { intStrLimit, MAX_STR_DIGITS } from "./int.ts";

/** Parses an int literal as `int(s, base)` does; null when invalid. */
export function parseIntLiteral(s: string, base: number): PyInt | null {
  // Fast path: a short plain decimal (what most int(str) calls see).
  if (base === 10 && s.length > 0 && s.length <= 15) {
    let i = s.charCodeAt(0) === 45 ? 1 : 0;
    let v = 0;
    const start = i;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (i === s.length && i > start) return start === 1 ? (v === 0 ? 0 : -v) : v;
  }
  let t = s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, "");
  let neg = false;
  if (t[0] === "+" || t[0] === "-") {
    neg = t[0] === "-";
    t = t.slice(1);
  }
  if (base === 0) {
    const p = t.slice(0, 2).toLowerCase();
    if (p === "0x") base = 16;
    else if (p === "0o") base = 8;
    else if (p === "0b") base = 2;
    else {
      base = 10;
      // Base 0 forbids leading zeros in non-zero decimals.
      if (/^0[0-9_]*$/.test(t) && /[1-9]/.test(t)) return null;
      if (/^0/.test(t) && !/^0(_?0)*$/.test(t)) return null;
    }
    if (base !== 10) {
      t = t.slice(2);
      if (t.startsWith("_")) t = t.slice(1);
    }
  } else if (base === 16 && /^0x/i.test(t)) {
    t = t.slice(2);
    if (t.startsWith("_")) t = t.slice(1);
  } else if (base === 8 && /^0o/i.test(t)) {
    t = t.slice(2);
    if (t.startsWith("_")) t = t.slice(1);
  } else if (base === 2 && /^0b/i.test(t)) {
    t = t.slice(2);
    if (t.startsWith("_")) t = t.slice(1);
  }
  if (t === "" || t.startsWith("_") || t.endsWith("_") || t.includes("__")) return null;
  let digits = "";
  for (const ch of t) {
    if (ch === "_") continue;
    let d = DIGIT_VALUES.get(ch.toLowerCase());
    if (d === undefined) {
      d = unicodeDigit(ch);
      if (d < 0) return null;
    }
    if (d >= base) return null;
    digits += d.toString(36);
  }
  const limit = intStrLimit.maxDigits;
  if (base === 10 && limit > 0 && digits.length > limit) {
    raise(
      Exc.ValueError,
      `Exceeds the limit (${limit} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let v: PyInt;
  if (digits.length <= 10 || (base === 10 && digits.length <= 15)) {
    v = parseInt(digits, base);
  } else if (base === 10) {
    v = BigInt(digits);
  } else if (base === 16 || base === 8 || base === 2) {
    v = BigInt((base === 16 ? "0x" : base === 8 ? "0o" : "0b") + digits);
  } else {
    let acc = 0n;
    const b = BigInt(base);
    for (const ch of digits) acc = acc * b + BigInt(parseInt(ch, 36));
    v = acc;
  }
  if (typeof v === "bigint" && v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
  if (neg) v = intNeg(v);
  return v;
}

/** int(x) for a float value: truncation with CPython's errors. */
export function floatToInt(x: number): PyInt {
  if (x !== x) raise(Exc.ValueError, "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) raise(Exc.OverflowError, "cannot convert float infinity to integer");
  const t = Math.trunc(x);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return BigInt(t);
}

/** `int(x)` / `int(x, base)`. */
export function intNew(args: PyValue[], kwnames: string[] | null): PyInt {
  // The common cases, small enough for V8 to inline where int() is called.
  if (args.length === 1 && kwnames === null) {
    const x = args[0];
    if (typeof x === "number") return x;
    if (typeof x === "string") return parseOrRaise(x, 10, x);
    if (x instanceof PyFloat && x.cls === floatType) return floatToInt(x.value); // int(2.5)
  }
  return intNewGeneral(args, kwnames);
}

function intNewGeneral(args: PyValue[], kwnames: string[] | null): PyInt {
  const [x, baseArg] = bindArgs("int", args, kwnames, ["x", "base"], 0, 1);
  if (x === undefined) {
    if (baseArg !== undefined) raise(Exc.TypeError, "int() missing string argument");
    return 0;
  }
  if (baseArg !== undefined) {
    const b = asIndex(baseArg);
    if (!(b === 0 || (b >= 2 && b <= 36))) raise(Exc.ValueError, "int() base must be >= 2 and <= 36, or 0");
    const s = strValueOf(x);
    const data = x instanceof PyBytes ? x.data : null;
    if (s === undefined && data === null) {
      raise(Exc.TypeError, "int() can't convert non-string with explicit base");
    }
    return parseOrRaise(s ?? latin1(data!), Number(b), x);
  }
  const iv = intValueOf(x);
  if (iv !== undefined) return iv;
  // (A float subclass may have its own __int__: the dunders below decide for it.)
  if (x instanceof PyFloat && x.cls === floatType) return floatToInt(x.value);
  const s = strValueOf(x);
  if (s !== undefined) return parseOrRaise(s, 10, x);
  if (x instanceof PyBytes) return parseOrRaise(latin1(x.data), 10, x);
  const t = typeOf(x);
  for (const name of ["__int__", "__index__", "__trunc__"]) {
    const f = t.lookup(name);
    if (f !== undefined && f !== None) {
      const r = callMethod0(f, x);
      const ri = intValueOf(r);
      if (ri === undefined) {
        if (name === "__trunc__") return intNew([r], null);
        raise(Exc.TypeError, `${name} returned non-int (type ${typeOf(r).name})`);
      }
      return ri;
    }
  }
  return raise(
    Exc.TypeError,
    `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`,
  );
}

function latin1(data: Uint8Array): string {
  let s = "";
  for (const b of data) s += String.fromCharCode(b);
  return s;
}

function parseOrRaise(s: string, base: number, original: PyValue): PyInt {
  const v = parseIntLiteral(s, base);
  if (v === null) {
    const shown = original instanceof PyBytes ? reprOfBytes(original) : reprStr(s);
    raise(Exc.ValueError, `invalid literal for int() with base ${base}: ${shown}`);
  }
  return v;
}

function reprStr(s: string): string {
  return repr(s);
}
function reprOfBytes(b: PyBytes): string {
  return repr(b);
}

intType.tp_new = (cls, args, kwnames) => {
  const v = intNew(args, kwnames);
  return cls === intType ? v : new PyIntObject(v, cls);
};
installNew(intType);

// Arithmetic dunders: the other operand must be an int (else NotImplemented).
const BINARY: [string, (a: PyInt, b: PyInt) => PyValue, boolean][] = [
  ["add", intAdd, true],
  ["sub", intSub, true],
  ["mul", intMul, true],
  ["floordiv", intFloorDiv, true],
  ["mod", intMod, true],
  ["truediv", intTrueDiv, true],
  ["and", intAnd, true],
  ["or", intOr, true],
  ["xor", intXor, true],
  ["lshift", intLshift, true],
  ["rshift", intRshift, true],
  ["divmod", (a, b) => newTuple(intDivmod(a, b)), true],
];
for (const [name, fn] of BINARY) {
  defMethod(intType, `__${name}__`, (args) => {
    const a = self(args, `__${name}__`);
    const b = intValueOf(args[1]);
    if (b === undefined) return NotImplemented;
    return fn(a, b);
  });
  defMethod(intType, `__r${name}__`, (args) => {
    const a = self(args, `__r${name}__`);
    const b = intValueOf(args[1]);
    if (b === undefined) return NotImplemented;
    return fn(b, a);
  });
}
defMethod(intType, "__pow__", (args) => {
  checkMethodArgs("__pow__", args, null, 1, 2);
  const a = self(args, "__pow__");
  const b = intValueOf(args[1]);
  if (b === undefined) return NotImplemented;
  if (args.length > 2 && args[2] !== None) {
    const m = intValueOf(args[2]);
    if (m === undefined) return NotImplemented;
    return intPowMod(a, b, m);
  }
  return intPow(a, b);
});
defMethod(intType, "__rpow__", (args) => {
  const a = self(args, "__rpow__");
  const b = intValueOf(args[1]);
  if (b === undefined) return NotImplemented;
  if (args.length > 2 && args[2] !== None) {
    const m = intValueOf(args[2]);
    if (m === undefined) return NotImplemented;
    return intPowMod(b, a, m);
  }
  return intPow(b, a);
});
COMPARISON_DUNDERS.forEach((name, op) => {
  defMethod(intType, name, (args) => {
    const a = self(args, name);
    const b = intValueOf(args[1]);
    if (b === undefined) return NotImplemented;
    switch (op) {
      case 0:
        return a < b;
      case 1:
        return a <= b;
      case 2:
        return a === b || (typeof a !== typeof b && BigInt(a) === BigInt(b));
      case 3:
        return !(a === b || (typeof a !== typeof b && BigInt(a) === BigInt(b)));
      case 4:
        return a > b;
      default:
        return a >= b;
    }
  });
});
defMethod(intType, "__neg__", (args) => intNeg(self(args, "__neg__")));
defMethod(intType, "__pos__", (args) => self(args, "__pos__"));
defMethod(intType, "__abs__", (args) => intAbs(self(args, "__abs__")));
defMethod(intType, "__invert__", (args) => intInvert(self(args, "__invert__")));
defMethod(intType, "__bool__", (args) => self(args, "__bool__") != 0);
defMethod(intType, "__hash__", (args) => intHash(self(args, "__hash__")));
defMethod(intType, "__int__", (args) => self(args, "__int__"));
defMethod(intType, "__index__", (args) => self(args, "__index__"));
defMethod(intType, "__float__", (args) => new PyFloat(intToFloat(self(args, "__float__"))));
defMethod(intType, "__trunc__", (args) => self(args, "__trunc__"));
defMethod(intType, "__floor__", (args) => self(args, "__floor__"));
defMethod(intType, "__ceil__", (args) => self(args, "__ceil__"));
defMethod(intType, "__round__", (args) => {
  checkMethodArgs("__round__", args, null, 0, 1);
  const a = self(args, "__round__");
  if (args.length < 2 || args[1] === None) return a;
  const nd = asIndex(args[1]);
  if (nd >= 0) return a;
  // Round half to even at 10**-nd.
  const p = 10n ** BigInt(-nd);
  const x = BigInt(a);
  let q = x / p, r = x % p;
  if (r < 0n) {
    r += p;
    q -= 1n;
  }
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  const res = q * p;
  return res >= -9007199254740991n && res <= 9007199254740991n ? Number(res) : res;
});
defMethod(intType, "__repr__", (args) => intToDecimal(self(args, "__repr__")));
defMethod(intType, "__format__", (args) => {
  checkMethodArgs("__format__", args, null, 1, 1);
  const spec = strValueOf(args[1]);
  if (spec === undefined) raise(Exc.TypeError, `argument 1 must be str, not ${typeOf(args[1]).name}`);
  // An empty spec means str(self), which a subclass's __str__ may override.
  if (spec === "") return str(args[0]);
  return formatInt(self(args, "__format__"), spec);
});
defMethod(intType, "__getnewargs__", (args) => newTuple([self(args, "__getnewargs__")]));
defMethod(intType, "__sizeof__", (args) => 28 + 4 * Math.floor(intBitLength(self(args, "__sizeof__")) / 30));
defMethod(intType, "bit_length", (args) => intBitLength(self(args, "bit_length")));
defMethod(intType, "bit_count", (args) => {
  const a = self(args, "bit_count");
  let s = (a < 0 ? intNeg(a) : a).toString(2);
  s = s.replace(/0/g, "");
  return s.length;
});
defMethod(intType, "conjugate", (args) => self(args, "conjugate"));
defMethod(intType, "as_integer_ratio", (args) => newTuple([self(args, "as_integer_ratio"), 1]));
defGetSet(intType, "real", (v) => intValueOf(v)!);
defGetSet(intType, "imag", () => 0);
defGetSet(intType, "numerator", (v) => intValueOf(v)!);
defGetSet(intType, "denominator", () => 1);

/** str(int) with the 4300-digit limit. */
export function intToDecimal(v: PyInt): string {
  return typeof v === "bigint" ? bigintToDecimal(v) : String(v);
}

defMethod(intType, "to_bytes", (args, kwnames) => {
  const a = self(args, "to_bytes");
  const [lengthArg, orderArg, signedArg] = bindArgs("to_bytes", args.slice(1), kwnames, [
    "length",
    "byteorder",
    "signed",
  ], 0);
  const length = lengthArg === undefined ? 1 : asSsizeArg(lengthArg);
  if (length < 0) raise(Exc.ValueError, "length argument must be non-negative");
  const order = orderArg === undefined ? "big" : strValueOf(orderArg);
  if (order !== "big" && order !== "little") {
    raise(Exc.ValueError, "byteorder must be either 'little' or 'big'");
  }
  const signed = signedArg !== undefined && isTrue(signedArg);
  let x = BigInt(a);
  if (x < 0n) {
    if (!signed) raise(Exc.OverflowError, "can't convert negative int to unsigned");
    x += 1n << BigInt(8 * length);
    if (x < (1n << BigInt(8 * length - 1))) raise(Exc.OverflowError, "int too big to convert");
  } else if (x >= (1n << BigInt(8 * length - (signed ? 1 : 0)))) {
    raise(Exc.OverflowError, "int too big to convert");
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[order === "big" ? length - 1 - i : i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return new PyBytes(out);
});
defClassMethod(intType, "from_bytes", (args, kwnames) => {
  const cls = args[0] as PyType;
  const [bytesArg, orderArg, signedArg] = bindArgs("from_bytes", args.slice(1), kwnames, [
    "bytes",
    "byteorder",
    "signed",
  ], 1);
  const data = bytesArg instanceof PyBytes ? bytesArg.data : Uint8Array.from(
    toIntArray(bytesArg!),
  );
  const order = orderArg === undefined ? "big" : strValueOf(orderArg);
  if (order !== "big" && order !== "little") {
    raise(Exc.ValueError, "byteorder must be either 'little' or 'big'");
  }
  let x = 0n;
  for (let i = 0; i < data.length; i++) {
    const b = data[order === "big" ? i : data.length - 1 - i];
    x = (x << 8n) | BigInt(b);
  }
  if (
    signedArg !== undefined && isTrue(signedArg) && data.length > 0 && (x >> BigInt(8 * data.length - 1)) & 1n
  ) {
    x -= 1n << BigInt(8 * data.length);
  }
  const v: PyInt = x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
  return cls === intType ? v : callClass(cls, v);
});

function toIntArray(v: PyValue): number[] {
  return toArray(v).map((b) => {
    const i = intValueOf(b);
    if (i === undefined || i < 0 || i > 255) raise(Exc.ValueError, "bytes must be in range(0, 256)");
    return Number(i);
  });
}
function callClass(cls: PyType, v: PyValue): PyValue {
  return call(cls, [v]);
}

// ---------------------------------------------------------------------------------------------
// bool

boolType.tp_new = (_cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "bool() takes no keyword arguments");
  if (args.length > 1) raise(Exc.TypeError, `bool expected at most 1 argument, got ${args.length}`);
  return args.length === 0 ? false : isTrue(args[0]);
};
installNew(boolType);
defMethod(boolType, "__repr__", (args) => (args[0] ? "True" : "False"));
const BOOL_OPS: [string, (a: boolean, b: boolean) => boolean][] = [
  ["and", (a, b) => a && b],
  ["or", (a, b) => a || b],
  ["xor", (a, b) => a !== b],
];
for (const [name, fn] of BOOL_OPS) {
  for (const dunder of [`__${name}__`, `__r${name}__`]) {
    const intVersion = intType.attrs.get(dunder) as PyMethodDescriptor;
    defMethod(boolType, dunder, (args) => {
      const a = args[0], b = args[1];
      if (typeof a === "boolean" && typeof b === "boolean") return fn(a, b);
      return intVersion.fn(args, null);
    });
  }
}
