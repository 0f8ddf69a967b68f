/**
 * `_decimal_core`: the hot part of lib/python/decimal.py in TypeScript. Decimal operands (instances
 * of decimal.Decimal: slots _sign, _int, _exp, _is_special) and a decimal.Context in → the
 * correctly rounded Decimal out, for the ordinary case only: finite operands, results that need no
 * more than Rounded/Inexact (no overflow, subnormal, clamping), no trap on those. Anything else
 * answers None and decimal.py takes its general path, which computes the same result and signals
 * every condition; so these functions change speed, never results.
 *
 * - `setup(Decimal, Inexact, Rounded)`: the classes the results and flags use (once, at import).
 * - `add(a, b, negate, ctx)`, `multiply(a, b, ctx)`, `divide(a, b, ctx)`: the rounded result, or None.
 * - `quantize(d, q, rounding, ctx)`: d.quantize(q) when nothing but Rounded/Inexact arises, or None.
 * - `to_string(d, eng, capitals)`: str(d) or d.to_eng_string().
 * - `hash(d)`: hash(d) for a finite d, or None.
 * - `parse(text)`: Decimal(text) for an ordinary ASCII numeric string, or None.
 * - `divide_integer(a, b, want, ctx)`: a // b (want 0) or a % b (want 1), or None.
 * - `unary(d, op, ctx)`: +d, -d or abs(d) (op 0, 1, 2), or None.
 * - `integral(d, rounding)`: the int a finite d rounds to, or None.
 * - `to_float(d)`: float(d) for a finite d, or None.
 * - `compare(a, b)`: -1, 0 or 1 for two finite Decimals (or ints), or None.
 * - `from_int(n)`: Decimal(n) for an int n.
 *
 * @example
 * ```ts
 * import { makeDecimalCoreModule } from "./_decimal_core.ts";
 * const m = makeDecimalCoreModule();
 * ```
 * @module
 */
import {
  None,
  normInt,
  ownAttr,
  PyDict,
  PyFloat,
  PyInstance,
  type PyModule,
  PyObject,
  type PyType,
  type PyValue,
} from "../../objects/object.ts";
import { buildModule, expectArgs } from "./_native.ts";

/** A finite Decimal's parts: sign 0/1, the coefficient, the exponent. */
interface Finite {
  sign: number;
  coefficient: bigint;
  exp: number;
}

/** The context fields an operation reads. */
interface Limits {
  prec: number;
  rounding: string;
  emin: number;
  emax: number;
  clamp: number;
  flags: PyDict;
  traps: PyDict;
}

let decimalClass: PyType | null = null;
let inexactSignal: PyValue | null = null;
let roundedSignal: PyValue | null = null;

/** Above this precision the general path is as fast (the work is in the big ints). */
const MAX_FAST_PREC = 5000;

/** Whether v is a decimal.Decimal (or an instance of a subclass). */
function isDecimal(v: PyValue): v is PyInstance {
  return v instanceof PyInstance && decimalClass !== null &&
    (v.cls === decimalClass || v.cls.isSubtypeOf(decimalClass)) && v.slots !== null && v.slots.length >= 4;
}

/**
 * The parts of a finite Decimal or of an int (exactly), or null (a special value, another type, or
 * an exponent beyond 2**53).
 */
function finite(v: PyValue): Finite | null {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return null;
    return v < 0 ? { sign: 1, coefficient: BigInt(-v), exp: 0 } : { sign: 0, coefficient: BigInt(v), exp: 0 };
  }
  if (typeof v === "bigint") {
    return v < 0n ? { sign: 1, coefficient: -v, exp: 0 } : { sign: 0, coefficient: v, exp: 0 };
  }
  if (!isDecimal(v)) return null;
  const [sign, coefficient, exp, special] = v.slots!;
  if (special !== false || typeof exp !== "number" || (sign !== 0 && sign !== 1)) return null;
  if (typeof coefficient === "number") return { sign, coefficient: BigInt(coefficient), exp };
  if (typeof coefficient === "bigint") return { sign, coefficient, exp };
  return null;
}

function limitsOf(ctx: PyValue): Limits | null {
  if (!(ctx instanceof PyObject)) return null;
  const prec = ownAttr(ctx, "prec"), rounding = ownAttr(ctx, "rounding");
  const emin = ownAttr(ctx, "Emin"), emax = ownAttr(ctx, "Emax"), clamp = ownAttr(ctx, "clamp");
  const flags = ownAttr(ctx, "flags"), traps = ownAttr(ctx, "traps");
  if (
    typeof prec !== "number" || prec > MAX_FAST_PREC || typeof rounding !== "string" ||
    typeof emin !== "number" || typeof emax !== "number" || typeof clamp !== "number" ||
    !(flags instanceof PyDict) || !(traps instanceof PyDict)
  ) return null;
  return { prec, rounding, emin, emax, clamp, flags, traps };
}

function newDecimal(sign: number, coefficient: bigint, exp: number): PyValue {
  return new PyInstance(decimalClass!, null, [sign, normInt(coefficient), exp, false]);
}

// ---------------------------------------------------------------------------------------------
// Digits and rounding

const POWERS: bigint[] = [1n];
for (let i = 1; i <= 64; i++) POWERS.push(POWERS[i - 1] * 10n);

function pow10(n: number): bigint {
  return n < POWERS.length ? POWERS[n] : 10n ** BigInt(n);
}

/** Decimal digits of c >= 0 (1 for 0). */
function digits(c: bigint): number {
  if (c < POWERS[16]) {
    let n = 1;
    while (n < 16 && c >= POWERS[n]) n++;
    return n;
  }
  if (c < POWERS[64]) {
    let n = 17;
    while (c >= POWERS[n]) n++;
    return n;
  }
  return c.toString().length;
}

/** Whether `kept` rounds away from zero, its dropped part comparing to half a unit as `half`. */
function roundsAway(sign: number, kept: bigint, half: number, rounding: string): boolean {
  switch (rounding) {
    case "ROUND_HALF_EVEN":
      return half > 0 || (half === 0 && (kept & 1n) === 1n);
    case "ROUND_HALF_UP":
      return half >= 0;
    case "ROUND_HALF_DOWN":
      return half > 0;
    case "ROUND_DOWN":
      return false;
    case "ROUND_UP":
      return true;
    case "ROUND_CEILING":
      return sign === 0;
    case "ROUND_FLOOR":
      return sign === 1;
    default: // ROUND_05UP
      return kept % 5n === 0n;
  }
}

/**
 * sign/c/exp rounded to the context: the Decimal (with Rounded/Inexact flagged), or null when the
 * result would raise any other condition or a trapped one.
 */
function finish(sign: number, c: bigint, exp: number, ctx: Limits): PyValue | null {
  const prec = ctx.prec;
  const etop = ctx.emax - prec + 1;
  if (c === 0n) {
    if (exp < ctx.emin - prec + 1 || exp > (ctx.clamp ? etop : ctx.emax)) return null;
    return newDecimal(sign, c, exp);
  }
  const nd = digits(c);
  if (nd <= prec && exp >= ctx.emin && exp <= etop) return newDecimal(sign, c, exp);
  const adjusted = exp + nd - 1;
  if (adjusted > ctx.emax || adjusted < ctx.emin) return null;
  const drop = nd - prec;
  if (drop <= 0) return exp > etop && ctx.clamp ? null : newDecimal(sign, c, exp);
  const unit = pow10(drop);
  let kept = c / unit;
  const rest = c - kept * unit;
  exp += drop;
  if (rest !== 0n) {
    const twice = rest * 2n;
    const half = twice < unit ? -1 : twice === unit ? 0 : 1;
    if (roundsAway(sign, kept, half, ctx.rounding)) {
      kept += 1n;
      if (kept === pow10(prec)) { // 99…9 rounded up to 10…0: one digit too many
        kept /= 10n;
        exp += 1;
      }
    }
  }
  if (exp > etop || !signalRounded(ctx, rest !== 0n)) return null;
  return newDecimal(sign, kept, exp);
}

/** Flags Rounded (and Inexact): false, flagging nothing, when either is trapped. */
function signalRounded(ctx: Limits, inexact: boolean): boolean {
  const traps = ctx.traps;
  if (traps.get(roundedSignal!) !== false || (inexact && traps.get(inexactSignal!) !== false)) return false;
  ctx.flags.set(roundedSignal!, true);
  if (inexact) ctx.flags.set(inexactSignal!, true);
  return true;
}

/** c with its n lowest digits dropped and rounded: [kept, inexact] (decimal.py's _drop_digits). */
function dropDigits(sign: number, c: bigint, n: number, rounding: string): [bigint, boolean] {
  if (n <= 0) return [c, false];
  if (n > digits(c) + 1) {
    if (c === 0n) return [0n, false];
    return [roundsAway(sign, 0n, -1, rounding) ? 1n : 0n, true];
  }
  const unit = pow10(n);
  let kept = c / unit;
  const rest = c - kept * unit;
  if (rest === 0n) return [kept, false];
  const twice = rest * 2n;
  const half = twice < unit ? -1 : twice === unit ? 0 : 1;
  if (roundsAway(sign, kept, half, rounding)) kept += 1n;
  return [kept, true];
}

const ROUNDINGS = new Set([
  "ROUND_CEILING",
  "ROUND_FLOOR",
  "ROUND_UP",
  "ROUND_DOWN",
  "ROUND_HALF_UP",
  "ROUND_HALF_DOWN",
  "ROUND_HALF_EVEN",
  "ROUND_05UP",
]);

/** d.quantize(q) for finite operands (decimal.py's _rescale), or null for any other outcome. */
function quantize(d: Finite, exp: number, rounding: string, ctx: Limits): PyValue | null {
  const prec = ctx.prec;
  if (exp > ctx.emax || exp < ctx.emin - prec + 1) return null;
  let c = d.coefficient, inexact = false;
  if (exp >= d.exp) {
    [c, inexact] = dropDigits(d.sign, c, exp - d.exp, rounding);
  } else {
    if (c !== 0n && digits(c) + (d.exp - exp) > prec) return null;
    c *= pow10(d.exp - exp);
  }
  const top = exp + digits(c) - 1;
  if (c !== 0n && (digits(c) > prec || top < ctx.emin || top > ctx.emax)) return null;
  if (ctx.clamp && exp > ctx.emax - prec + 1) return null;
  if (exp > d.exp && d.coefficient !== 0n && !signalRounded(ctx, inexact)) return null;
  return newDecimal(d.sign, c, exp);
}

// ---------------------------------------------------------------------------------------------
// Strings and hashes

/** str(d) or d.to_eng_string() (decimal.py's _to_string). */
function toString(d: PyInstance, eng: boolean, capitals: boolean): string {
  const [signValue, coefficient, exp, special] = d.slots!;
  const sign = signValue === 1 ? "-" : "";
  const digitsText = String(coefficient);
  if (special !== false) {
    if (exp === "F") return sign + "Infinity";
    return sign + (exp === "n" ? "NaN" : "sNaN") + (digitsText === "0" ? "" : digitsText);
  }
  const e = Number(exp);
  const leftDigits = e + digitsText.length;
  let dot: number;
  if (e <= 0 && leftDigits > -6) dot = leftDigits;
  else if (!eng) dot = 1;
  else if (digitsText === "0") dot = mod(leftDigits + 1, 3) - 1;
  else dot = mod(leftDigits - 1, 3) + 1;
  let body: string;
  if (dot <= 0) body = "0." + "0".repeat(-dot) + digitsText;
  else if (dot >= digitsText.length) body = digitsText + "0".repeat(dot - digitsText.length);
  else body = digitsText.slice(0, dot) + "." + digitsText.slice(dot);
  if (leftDigits === dot) return sign + body;
  const shown = leftDigits - dot;
  return sign + body + (capitals ? "E" : "e") + (shown < 0 ? "-" : "+") + Math.abs(shown);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_TEN_INVERSE = modPow(10n, HASH_MODULUS - 2n);

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  base %= HASH_MODULUS;
  while (exponent > 0n) {
    if (exponent & 1n) result = result * base % HASH_MODULUS;
    base = base * base % HASH_MODULUS;
    exponent >>= 1n;
  }
  return result;
}

/** hash(d) for a finite d: equal to the hash of the equal int, float or Fraction. */
function hashFinite(d: Finite): PyValue {
  const scale = d.exp >= 0 ? modPow(10n, BigInt(d.exp)) : modPow(HASH_TEN_INVERSE, BigInt(-d.exp));
  let h = d.coefficient * scale % HASH_MODULUS;
  if (d.sign) h = -h;
  return h === -1n ? -2 : normInt(h);
}

/**
 * A Decimal from an ASCII numeric string (digits, a point, an exponent; spaces around and
 * underscores anywhere, as the C module), or null: not such a string (a special value, other
 * characters, invalid text), which decimal.py's own parser then decides on.
 */
function parse(text: string): PyValue | null {
  for (let k = 0; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch > 0x7e || (ch < 0x20 && (ch < 0x09 || ch > 0x0d))) return null;
  }
  let s = text.trim();
  if (s.includes("_")) s = s.replaceAll("_", "");
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,15}))?$/.exec(s);
  if (m === null) return null;
  const intDigits = m[2], fracDigits = m[3] ?? "";
  if (intDigits === "" && fracDigits === "") return null;
  const all = intDigits + fracDigits;
  const coefficient: PyValue = all.length <= 15 ? Number(all) : normInt(BigInt(all));
  const exp = (m[4] === undefined ? 0 : Number(m[4])) - fracDigits.length;
  return new PyInstance(decimalClass!, null, [m[1] === "-" ? 1 : 0, coefficient, exp, false]);
}

// ---------------------------------------------------------------------------------------------
// The operations (each as decimal.py's _add/_multiply/_divide for finite operands)

function add(a: Finite, b: Finite, negate: boolean, ctx: Limits): PyValue | null {
  const bsign = negate ? 1 - b.sign : b.sign;
  let ca = a.coefficient, ea = a.exp, cb = b.coefficient, eb = b.exp;
  if (ca === 0n || cb === 0n) {
    const exp = Math.min(ea, eb);
    if (ca === 0n && cb === 0n) {
      const sign = a.sign === bsign ? a.sign : ctx.rounding === "ROUND_FLOOR" ? 1 : 0;
      return finish(sign, 0n, exp, ctx);
    }
    let [sign, c, e] = ca === 0n ? [bsign, cb, eb] : [a.sign, ca, ea];
    const pad = e - exp;
    if (pad > 0) {
      if (pad > ctx.prec - digits(c)) return null; // padding beyond the precision: Rounded
      c *= pow10(pad);
      e -= pad;
    }
    return finish(sign, c, e, ctx);
  }
  if (ea !== eb) {
    // Far below the other operand's last kept digit, an operand only matters as a sticky digit.
    if (ea > eb) {
      const floorExp = Math.min(ea, ea + digits(ca) - 1 - ctx.prec - 1) - 1;
      if (eb + digits(cb) - 1 < floorExp) [cb, eb] = [1n, floorExp];
    } else {
      const floorExp = Math.min(eb, eb + digits(cb) - 1 - ctx.prec - 1) - 1;
      if (ea + digits(ca) - 1 < floorExp) [ca, ea] = [1n, floorExp];
    }
    if (ea > eb) {
      ca *= pow10(ea - eb);
      ea = eb;
    } else if (eb > ea) {
      cb *= pow10(eb - ea);
    }
  }
  const total = (a.sign ? -ca : ca) + (bsign ? -cb : cb);
  if (total === 0n) return finish(ctx.rounding === "ROUND_FLOOR" ? 1 : 0, 0n, ea, ctx);
  return total < 0n ? finish(1, -total, ea, ctx) : finish(0, total, ea, ctx);
}

function divide(a: Finite, b: Finite, ctx: Limits): PyValue | null {
  if (b.coefficient === 0n) return null;
  const sign = a.sign ^ b.sign;
  const ideal = a.exp - b.exp;
  if (a.coefficient === 0n) return finish(sign, 0n, ideal, ctx);
  const ca = a.coefficient, cb = b.coefficient;
  const shift = digits(cb) - digits(ca) + ctx.prec + 1;
  let q: bigint, r: bigint;
  if (shift >= 0) {
    const n = ca * pow10(shift);
    q = n / cb;
    r = n - q * cb;
  } else {
    const d = cb * pow10(-shift);
    q = ca / d;
    r = ca - q * d;
  }
  let exp = ideal - shift;
  if (r !== 0n) {
    q = q * 10n + 1n;
    exp -= 1;
  } else {
    while (exp < ideal && q % 10n === 0n) {
      q /= 10n;
      exp += 1;
    }
  }
  return finish(sign, q, exp, ctx);
}

/** a // b (want 0) or a % b (want 1) for finite operands, or null (decimal.py's _divide_integer). */
function divideInteger(a: Finite, b: Finite, want: number, ctx: Limits): PyValue | null {
  if (b.coefficient === 0n) return null;
  const exp = Math.min(a.exp, b.exp);
  if (a.coefficient !== 0n) {
    const adjustedA = a.exp + digits(a.coefficient) - 1, adjustedB = b.exp + digits(b.coefficient) - 1;
    if (adjustedA - adjustedB > ctx.prec) return null;
  }
  const ca = a.coefficient * pow10(a.exp - exp), cb = b.coefficient * pow10(b.exp - exp);
  const q = ca / cb;
  if (digits(q) > ctx.prec) return null;
  if (want === 0) return finish(a.sign ^ b.sign, q, 0, ctx);
  return finish(a.sign, ca - q * cb, exp, ctx);
}

/** +d (op 0), -d (op 1) or abs(d) (op 2) rounded to the context, or null. */
function unary(d: Finite, op: number, ctx: Limits): PyValue | null {
  let sign: number;
  if (op === 2) sign = 0;
  else if (d.coefficient === 0n) {
    // a zero keeps (+) or flips (-) its sign only when rounding towards -Infinity
    sign = ctx.rounding !== "ROUND_FLOOR" ? 0 : op === 1 ? 1 - d.sign : d.sign;
  } else sign = op === 1 ? 1 - d.sign : d.sign;
  return finish(sign, d.coefficient, d.exp, ctx);
}

/** The int d rounds to (int(), math.floor/ceil, round()), for a finite d. */
function integral(d: Finite, rounding: string): PyValue {
  const value = d.exp >= 0
    ? d.coefficient * pow10(d.exp)
    : dropDigits(d.sign, d.coefficient, -d.exp, rounding)[0];
  return normInt(d.sign ? -value : value);
}

/** -1/0/1 comparing two finite values. */
function compare(a: Finite, b: Finite): number {
  const za = a.coefficient === 0n, zb = b.coefficient === 0n;
  if (za && zb) return 0;
  if (za) return b.sign ? 1 : -1;
  if (zb) return a.sign ? -1 : 1;
  if (a.sign !== b.sign) return a.sign ? -1 : 1;
  const ta = a.exp + digits(a.coefficient), tb = b.exp + digits(b.coefficient);
  let r: number;
  if (ta !== tb) {
    r = ta > tb ? 1 : -1;
  } else {
    const e = Math.min(a.exp, b.exp);
    const x = a.coefficient * pow10(a.exp - e), y = b.coefficient * pow10(b.exp - e);
    r = x === y ? 0 : x > y ? 1 : -1;
  }
  return a.sign ? -r : r;
}

// ---------------------------------------------------------------------------------------------
// The module

/** Runs a binary operation on finite operands under ctx: its result, or None. */
function binary(
  args: PyValue[],
  ctxIndex: number,
  op: (a: Finite, b: Finite, ctx: Limits) => PyValue | null,
): PyValue {
  if (decimalClass === null) return None;
  const a = finite(args[0]), b = finite(args[1]);
  if (a === null || b === null) return None;
  const ctx = limitsOf(args[ctxIndex]);
  if (ctx === null) return None;
  return op(a, b, ctx) ?? None;
}

/** Builds the module. */
export function makeDecimalCoreModule(): PyModule {
  return buildModule("_decimal_core", "The arithmetic fast paths of decimal.", {
    setup(args, kwnames) {
      expectArgs("setup", args, kwnames, 3, 3);
      decimalClass = args[0] as PyType;
      inexactSignal = args[1];
      roundedSignal = args[2];
      return None;
    },
    add(args, kwnames) {
      expectArgs("add", args, kwnames, 4, 4);
      const negate = args[2] === true || args[2] === 1;
      return binary(args, 3, (a, b, ctx) => add(a, b, negate, ctx));
    },
    multiply(args, kwnames) {
      expectArgs("multiply", args, kwnames, 3, 3);
      return binary(
        args,
        2,
        (a, b, ctx) => finish(a.sign ^ b.sign, a.coefficient * b.coefficient, a.exp + b.exp, ctx),
      );
    },
    divide(args, kwnames) {
      expectArgs("divide", args, kwnames, 3, 3);
      return binary(args, 2, divide);
    },
    from_int(args, kwnames) {
      expectArgs("from_int", args, kwnames, 1, 1);
      const v = args[0];
      if (decimalClass === null || (typeof v !== "number" && typeof v !== "bigint")) return None;
      return v < 0
        ? new PyInstance(decimalClass, null, [1, -v, 0, false])
        : new PyInstance(decimalClass, null, [0, v, 0, false]);
    },
    quantize(args, kwnames) {
      expectArgs("quantize", args, kwnames, 4, 4);
      const d = isDecimal(args[0]) ? finite(args[0]) : null;
      const q = isDecimal(args[1]) ? finite(args[1]) : null;
      const ctx = limitsOf(args[3]);
      if (d === null || q === null || ctx === null) return None;
      const rounding = args[2] === None ? ctx.rounding : args[2];
      if (typeof rounding !== "string" || !ROUNDINGS.has(rounding)) return None;
      return quantize(d, q.exp, rounding, ctx) ?? None;
    },
    to_string(args, kwnames) {
      expectArgs("to_string", args, kwnames, 3, 3);
      if (!isDecimal(args[0]) || typeof args[0].slots![2] === "bigint") return None;
      return toString(args[0], args[1] === true, args[2] !== 0 && args[2] !== false);
    },
    hash(args, kwnames) {
      expectArgs("hash", args, kwnames, 1, 1);
      const d = isDecimal(args[0]) ? finite(args[0]) : null;
      return d === null ? None : hashFinite(d);
    },
    parse(args, kwnames) {
      expectArgs("parse", args, kwnames, 1, 1);
      return decimalClass === null || typeof args[0] !== "string" ? None : parse(args[0]) ?? None;
    },
    divide_integer(args, kwnames) {
      expectArgs("divide_integer", args, kwnames, 4, 4);
      const want = args[2] === 1 ? 1 : 0;
      return binary([args[0], args[1], args[3]], 2, (a, b, ctx) => divideInteger(a, b, want, ctx));
    },
    unary(args, kwnames) {
      expectArgs("unary", args, kwnames, 3, 3);
      const d = isDecimal(args[0]) ? finite(args[0]) : null;
      const ctx = limitsOf(args[2]);
      if (d === null || ctx === null || typeof args[1] !== "number") return None;
      return unary(d, args[1], ctx) ?? None;
    },
    integral(args, kwnames) {
      expectArgs("integral", args, kwnames, 2, 2);
      const d = isDecimal(args[0]) ? finite(args[0]) : null;
      if (d === null || typeof args[1] !== "string" || !ROUNDINGS.has(args[1])) return None;
      return integral(d, args[1]);
    },
    to_float(args, kwnames) {
      expectArgs("to_float", args, kwnames, 1, 1);
      const d = args[0];
      if (!isDecimal(d) || d.slots![3] !== false || typeof d.slots![2] !== "number") return None;
      return new PyFloat(Number(toString(d, false, true)));
    },
    compare(args, kwnames) {
      expectArgs("compare", args, kwnames, 2, 2);
      const a = finite(args[0]), b = finite(args[1]);
      if (a === null || b === null) return None;
      return compare(a, b);
    },
  });
}
