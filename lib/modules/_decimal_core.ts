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
 * - `accelerate(Decimal, globals())`: Decimal's operators, comparisons, str/repr/hash/bool/int,
 *   quantize, sqrt and the constructor become native methods that take these fast paths and call
 *   the Python method they replace for anything else (once, at import, after setup).
 *
 * @example
 * ```ts
 * import { makeDecimalCoreModule } from "./_decimal_core.ts";
 * const m = makeDecimalCoreModule();
 * ```
 * @module
 */
import {
  Exc,
  None,
  normInt,
  ownAttr,
  placeCType,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyInstance,
  PyMethodDescriptor,
  PyMethodWrapper,
  type PyModule,
  PyObject,
  PyType,
  type PyValue,
  raise,
  type Shape,
  staticmethodType,
} from "../../objects/object.ts";
import { call } from "../../objects/ops.ts";
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

/** The Context attributes limitsOf reads, in the order of CONTEXT_FIELD_INDEX. */
const CONTEXT_FIELDS = ["prec", "rounding", "Emin", "Emax", "clamp", "flags", "traps", "capitals"];
/** The shape (attribute layout) of the last Context read, and where each field sits in it. */
let contextShape: Shape | null = null;
const contextFieldIndex = new Int32Array(CONTEXT_FIELDS.length);

/** Learns where each of CONTEXT_FIELDS sits in the values of a Context of this shape. */
function learnContextShape(shape: Shape): void {
  for (let i = 0; i < CONTEXT_FIELDS.length; i++) {
    contextFieldIndex[i] = shape.names.indexOf(CONTEXT_FIELDS[i]);
  }
  contextShape = shape;
}

/** Attribute `field` (an index into CONTEXT_FIELDS) of a Context: from its values when its shape is known. */
function contextField(ctx: PyObject, field: number): PyValue | undefined {
  if (ctx instanceof PyInstance && ctx.shape !== null && ctx.dict === null) {
    if (ctx.shape !== contextShape) learnContextShape(ctx.shape);
    const i = contextFieldIndex[field];
    return i < 0 ? undefined : ctx.values![i];
  }
  return ownAttr(ctx, CONTEXT_FIELDS[field]);
}

function limitsOf(ctx: PyValue): Limits | null {
  if (!(ctx instanceof PyObject)) return null;
  let prec, rounding, emin, emax, clamp, flags, traps;
  if (ctx instanceof PyInstance && ctx.shape !== null && ctx.dict === null) {
    if (ctx.shape !== contextShape) learnContextShape(ctx.shape);
    const values = ctx.values!, at = contextFieldIndex;
    if (
      values === null || at[0] < 0 || at[1] < 0 || at[2] < 0 || at[3] < 0 || at[4] < 0 || at[5] < 0 ||
      at[6] < 0
    ) {
      return null;
    }
    prec = values[at[0]];
    rounding = values[at[1]];
    emin = values[at[2]];
    emax = values[at[3]];
    clamp = values[at[4]];
    flags = values[at[5]];
    traps = values[at[6]];
  } else {
    prec = ownAttr(ctx, "prec");
    rounding = ownAttr(ctx, "rounding");
    emin = ownAttr(ctx, "Emin");
    emax = ownAttr(ctx, "Emax");
    clamp = ownAttr(ctx, "clamp");
    flags = ownAttr(ctx, "flags");
    traps = ownAttr(ctx, "traps");
  }
  if (
    typeof prec !== "number" || prec > MAX_FAST_PREC || typeof rounding !== "string" ||
    typeof emin !== "number" || typeof emax !== "number" || typeof clamp !== "number" ||
    !(flags instanceof PyDict) || !(traps instanceof PyDict)
  ) return null;
  // One object refilled for every operation: no operation runs Python code, or another
  // operation, while it holds it (sqrt copies it to change the rounding).
  const limits = LIMITS;
  limits.prec = prec;
  limits.rounding = rounding;
  limits.emin = emin;
  limits.emax = emax;
  limits.clamp = clamp;
  limits.flags = flags;
  limits.traps = traps;
  return limits;
}

const LIMITS: Limits = {
  prec: 0,
  rounding: "",
  emin: 0,
  emax: 0,
  clamp: 0,
  flags: new PyDict(),
  traps: new PyDict(),
};

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
  if (c < POWERS[64]) { // binary search: the answer n has POWERS[n-1] <= c < POWERS[n]
    let lo = 17, hi = 64;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c < POWERS[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
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
  if (
    signalEntry(traps, roundedSignal!) !== false || (inexact && signalEntry(traps, inexactSignal!) !== false)
  ) {
    return false;
  }
  raiseFlag(ctx.flags, roundedSignal!);
  if (inexact) raiseFlag(ctx.flags, inexactSignal!);
  return true;
}

/**
 * flags[signal] or traps[signal]. A signal dict has nine keys that never change: a scan by
 * identity finds one faster than hashing the class.
 */
function signalEntry(d: PyDict, signal: PyValue): PyValue | undefined {
  const i = d.keys.indexOf(signal);
  return i >= 0 ? d.values[i] : d.get(signal);
}

/** Sets flags[signal] (a dict write only when it was not set). */
function raiseFlag(flags: PyDict, signal: PyValue): void {
  const i = flags.keys.indexOf(signal);
  if (i < 0 || flags.values[i] !== true) flags.set(signal, true);
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
  const known = parsedStrings.get(text);
  if (known !== undefined) return new PyInstance(decimalClass!, null, known.slice());
  const d = parseText(text);
  if (d !== null) {
    if (parsedStrings.size >= PARSED_STRINGS_MAX) parsedStrings.clear();
    parsedStrings.set(text, (d as PyInstance).slots!.slice());
  }
  return d;
}

/**
 * The slots of the Decimals of recently parsed strings (programs convert the same literals again
 * and again): each call still makes a new Decimal.
 */
const parsedStrings = new Map<string, (PyValue | undefined)[]>();
const PARSED_STRINGS_MAX = 512;

function parseText(text: string): PyValue | null {
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
  } else if (exp < ideal) {
    const strip = Math.min(ideal - exp, trailingZeros(q));
    q /= pow10(strip);
    exp += strip;
  }
  return finish(sign, q, exp, ctx);
}

/** How many zeros end the decimal digits of c > 0. */
function trailingZeros(c: bigint): number {
  if (c % 10n !== 0n) return 0;
  const text = c.toString();
  let n = 0;
  while (text.charCodeAt(text.length - 1 - n) === 48) n++;
  return n;
}

/**
 * A / B on the loaded number operands when the quotient is exact within 2**53 (the coefficient
 * scaled by the fewest powers of ten that make it divisible: the ideal exponent, or as near as
 * exactness allows, as divide() gives); undefined otherwise.
 */
function divideSmall(ctx: Limits): PyValue | null | undefined {
  const a = SMALL[A_COEF], b = SMALL[B_COEF];
  if (a === 0 || b === 0) return undefined;
  // a / b is a finite decimal when b / gcd(a, b) is 2**i * 5**j: then max(i, j) shifts make it exact.
  let x = a, y = b;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  let rest = b / x, twos = 0, fives = 0;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  if (rest !== 1) return undefined;
  const shift = Math.max(twos, fives);
  const n = scaleSmall(a, shift);
  if (n < 0) return undefined;
  return finishSmall(SMALL[A_SIGN] ^ SMALL[B_SIGN], n / b, SMALL[A_EXP] - SMALL[B_EXP] - shift, ctx);
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

// ---------------------------------------------------------------------------------------------
// Native fronts of Decimal's methods

/**
 * decimal.py's module namespace (its `_current_context` is the current context), set by
 * accelerate().
 */
let moduleGlobals: PyDict | null = null;

/** The namespace's version when `_current_context` was last read, and what it was. */
let globalsVersion = -1;
let cachedContext: PyObject | null = null;

/** The current context (decimal.py's `_current_context`), or null before getcontext() made one. */
function currentContext(): PyObject | null {
  const globals = moduleGlobals;
  if (globals === null) return null;
  if (globals.version !== globalsVersion) {
    const ctx = globals.getStr("_current_context");
    cachedContext = ctx instanceof PyObject && ctx !== None ? ctx : null;
    globalsVersion = globals.version;
  }
  return cachedContext;
}

function currentLimits(): Limits | null {
  const ctx = currentContext();
  return ctx === null ? null : limitsOf(ctx);
}

function hasKeywords(kwnames: string[] | null): boolean {
  return kwnames !== null && kwnames.length > 0;
}

/**
 * A method's fast path: its result, or null when the Python method must run (any argument it
 * does not handle, a special operand, a condition other than Rounded/Inexact, no context yet).
 * args[0] is self.
 */
type Front = (args: PyValue[], kwnames: string[] | null) => PyValue | null;

/**
 * `self OP other` (reflected: `other OP self`) under the current context; `small` is OP on the
 * loaded number operands (undefined: not with numbers).
 */
function binaryFront(
  op: (a: Finite, b: Finite, ctx: Limits) => PyValue | null,
  reflected: boolean,
  small: ((ctx: Limits) => PyValue | null | undefined) | null = null,
): Front {
  return (args, kwnames) => {
    if (args.length !== 2 || hasKeywords(kwnames)) return null;
    const left = reflected ? args[1] : args[0], right = reflected ? args[0] : args[1];
    if (small !== null && loadSmall(left, false) && loadSmall(right, true)) {
      const ctx = currentLimits();
      if (ctx === null) return null;
      const r = small(ctx);
      if (r !== undefined) return r;
    }
    const a = finite(args[0]), b = finite(args[1]);
    if (a === null || b === null) return null;
    const ctx = currentLimits();
    if (ctx === null) return null;
    return reflected ? op(b, a, ctx) : op(a, b, ctx);
  };
}

// Operands whose coefficients are JS numbers (below 2**53, as most are: money, counters) take
// number arithmetic while every intermediate stays exact; anything larger goes to the bigint
// functions above. The parts of the two operands are read into these variables (no allocation).
const SMALL = new Float64Array(6);
/** Where loadSmall puts each part in SMALL (a typed array: no boxed numbers stored). */
const A_SIGN = 0, A_COEF = 1, A_EXP = 2, B_SIGN = 3, B_COEF = 4, B_EXP = 5;

/** Powers of ten as numbers, exact up to 10**22 (only those below 2**53 multiply exactly). */
const NUM_POWERS: number[] = [];
for (let i = 0; i <= 22; i++) NUM_POWERS.push(10 ** i);

/**
 * Reads a finite exact Decimal with a number coefficient, or an int below 2**53, into
 * SMALL at A_SIGN (b: at B_SIGN) as sign, coefficient, exponent; false for anything else.
 */
function loadSmall(v: PyValue, b: boolean): boolean {
  let sign: number, coef: number, exp: number;
  if (typeof v === "number") { // an int (pyjit keeps ints beyond 2**53 as bigints)
    sign = v < 0 ? 1 : 0;
    coef = v < 0 ? -v : v;
    exp = 0;
  } else {
    // An exact Decimal (its class is decimalClass: a PyInstance with the four slots).
    if (typeof v !== "object" || v.cls !== decimalClass) return false;
    const slots = (v as PyInstance).slots!;
    const c = slots[1], e = slots[2];
    if (slots[3] !== false || typeof c !== "number" || typeof e !== "number") return false;
    sign = slots[0] as number;
    coef = c;
    exp = e;
  }
  const at = b ? B_SIGN : A_SIGN;
  SMALL[at] = sign;
  SMALL[at + 1] = coef;
  SMALL[at + 2] = exp;
  return true;
}

/** Decimal digits of a non-negative safe integer (1 for 0). */
function smallDigits(c: number): number {
  let n = 1;
  while (n < 16 && c >= NUM_POWERS[n]) n++;
  return n;
}

/** finish() for a number coefficient: the common in-range case here, the rest through bigints. */
function finishSmall(sign: number, c: number, exp: number, ctx: Limits): PyValue | null {
  if (c !== 0 && exp >= ctx.emin && exp <= ctx.emax - ctx.prec + 1 && smallDigits(c) <= ctx.prec) {
    return new PyInstance(decimalClass!, null, [sign, c, exp, false]);
  }
  return finish(sign, BigInt(c), exp, ctx);
}

/** c * 10**n when that stays below 2**53, else -1. */
function scaleSmall(c: number, n: number): number {
  if (n > 15) return c === 0 ? 0 : -1;
  const r = c * NUM_POWERS[n];
  return r <= Number.MAX_SAFE_INTEGER ? r : -1;
}

/** A - B (negate) or A + B on the loaded operands, or undefined when it needs bigints. */
function addSmall(negate: boolean, ctx: Limits): PyValue | null | undefined {
  const signA = SMALL[A_SIGN], coefA = SMALL[A_COEF], expA = SMALL[A_EXP];
  const signB = SMALL[B_SIGN], coefB = SMALL[B_COEF], expB = SMALL[B_EXP];
  if (coefA === 0 || coefB === 0) return undefined; // the signs and exponents of zeros: add()
  const sb = negate ? 1 - signB : signB;
  const exp = Math.min(expA, expB);
  const a = scaleSmall(coefA, expA - exp), b = scaleSmall(coefB, expB - exp);
  if (a < 0 || b < 0) return undefined;
  const total = (signA ? -a : a) + (sb ? -b : b);
  if (total === 0 || !Number.isSafeInteger(total)) return undefined;
  return total < 0 ? finishSmall(1, -total, exp, ctx) : finishSmall(0, total, exp, ctx);
}

function multiplySmall(ctx: Limits): PyValue | null | undefined {
  const signA = SMALL[A_SIGN], coefA = SMALL[A_COEF], expA = SMALL[A_EXP];
  const signB = SMALL[B_SIGN], coefB = SMALL[B_COEF], expB = SMALL[B_EXP];
  const c = coefA * coefB;
  if (c > Number.MAX_SAFE_INTEGER) return undefined;
  return finishSmall(signA ^ signB, c, expA + expB, ctx);
}

/** -1/0/1 comparing the loaded operands, or 2 when it needs bigints. */
function compareSmall(): number {
  const signA = SMALL[A_SIGN], coefA = SMALL[A_COEF], expA = SMALL[A_EXP];
  const signB = SMALL[B_SIGN], coefB = SMALL[B_COEF], expB = SMALL[B_EXP];
  if (coefA === 0 || coefB === 0 || signA !== signB) {
    const a = coefA === 0 ? 0 : signA ? -1 : 1, b = coefB === 0 ? 0 : signB ? -1 : 1;
    return a === b ? 0 : a < b ? -1 : 1;
  }
  const exp = Math.min(expA, expB);
  const a = scaleSmall(coefA, expA - exp), b = scaleSmall(coefB, expB - exp);
  if (a < 0 || b < 0) return 2;
  const r = a === b ? 0 : a > b ? 1 : -1;
  return signA ? -r : r;
}

/** A.quantize(exp) for the loaded A, or undefined when it needs bigints (quantize()). */
function quantizeSmall(exp: number, rounding: string, ctx: Limits): PyValue | null | undefined {
  const signA = SMALL[A_SIGN], coefA = SMALL[A_COEF], expA = SMALL[A_EXP];
  if (exp < expA || exp - expA > 15 || coefA === 0) return undefined;
  if (exp > ctx.emax || exp < ctx.emin - ctx.prec + 1) return null;
  const unit = NUM_POWERS[exp - expA];
  let kept = Math.floor(coefA / unit);
  let rest = coefA - kept * unit;
  if (rest < 0) { // the float quotient rounded up
    kept -= 1;
    rest += unit;
  }
  if (rest !== 0) {
    const twice = rest * 2;
    const half = twice < unit ? -1 : twice === unit ? 0 : 1;
    if (roundsAwaySmall(signA, kept, half, rounding)) kept += 1;
  }
  const nd = smallDigits(kept);
  const top = exp + nd - 1;
  if (kept !== 0 && (nd > ctx.prec || top < ctx.emin || top > ctx.emax)) return null;
  if (ctx.clamp && exp > ctx.emax - ctx.prec + 1) return null;
  if (exp > expA && !signalRounded(ctx, rest !== 0)) return null;
  return new PyInstance(decimalClass!, null, [signA, kept, exp, false]);
}

/** roundsAway() for a number `kept`. */
function roundsAwaySmall(sign: number, kept: number, half: number, rounding: string): boolean {
  switch (rounding) {
    case "ROUND_HALF_EVEN":
      return half > 0 || (half === 0 && kept % 2 === 1);
    case "ROUND_05UP":
      return kept % 5 === 0;
    default:
      return roundsAway(sign, 0n, half, rounding);
  }
}

/** A comparison of self with a Decimal or an int: `test` of the -1/0/1 order. */
function compareFront(test: (order: number) => boolean): Front {
  return (args, kwnames) => {
    if (args.length !== 2 || hasKeywords(kwnames)) return null;
    if (loadSmall(args[0], false) && loadSmall(args[1], true)) {
      const r = compareSmall();
      if (r !== 2) return test(r);
    }
    const a = finite(args[0]), b = finite(args[1]);
    if (a === null || b === null) return null;
    return test(compare(a, b));
  };
}

function unaryFront(op: number): Front {
  return (args, kwnames) => {
    if (args.length !== 1 || hasKeywords(kwnames)) return null;
    const d = finite(args[0]);
    if (d === null) return null;
    const ctx = currentLimits();
    return ctx === null ? null : unary(d, op, ctx);
  };
}

/** str(self) / repr(self): the current context's capitals. */
function stringFront(wrap: boolean): Front {
  return (args, kwnames) => {
    const d = args[0];
    if (args.length !== 1 || hasKeywords(kwnames) || !isDecimal(d) || typeof d.slots![2] === "bigint") {
      return null;
    }
    const ctx = currentContext();
    if (ctx === null) return null;
    const capitals = contextField(ctx, 7);
    if (typeof capitals !== "number") return null;
    const text = toString(d, false, capitals !== 0);
    return wrap ? "Decimal('" + text + "')" : text;
  };
}

/** self.quantize(exp) or self.quantize(exp, rounding) (positionally or by keyword). */
const quantizeFront: Front = (args, kwnames) => {
  const n = args.length;
  if (n < 2 || n > 3) return null;
  if (hasKeywords(kwnames) && (n !== 3 || kwnames!.length !== 1 || kwnames![0] !== "rounding")) return null;
  const q = args[1];
  if (!isDecimal(q)) return null;
  const exp = q.slots![2];
  if (q.slots![3] !== false || typeof exp !== "number") return null;
  const ctx = currentLimits();
  if (ctx === null) return null;
  const rounding = n === 3 && args[2] !== None ? args[2] : ctx.rounding;
  if (typeof rounding !== "string" || !ROUNDINGS.has(rounding)) return null;
  if (loadSmall(args[0], false)) {
    const r = quantizeSmall(exp, rounding, ctx);
    if (r !== undefined) return r;
  }
  const d = finite(args[0]);
  return d === null ? null : quantize(d, exp, rounding, ctx);
};

/** self.sqrt() (decimal.py's _sqrt): rounded half-even whatever the context's rounding. */
const sqrtFront: Front = (args, kwnames) => {
  if (args.length !== 1 || hasKeywords(kwnames)) return null;
  const d = finite(args[0]);
  if (d === null || d.sign !== 0 || d.coefficient === 0n) return null;
  const limits = currentLimits();
  if (limits === null) return null;
  const ctx = limits.rounding === "ROUND_HALF_EVEN" ? limits : { ...limits, rounding: "ROUND_HALF_EVEN" };
  const ideal = Math.floor(d.exp / 2);
  let c = d.coefficient, e = d.exp;
  if (e & 1) {
    c *= 10n;
    e -= 1;
  }
  let shift = Math.max(0, 2 * ctx.prec + 2 - digits(c));
  shift += shift & 1;
  c *= pow10(shift);
  e -= shift;
  let r = isqrt(c);
  let exp = e / 2;
  if (r * r === c) {
    while (exp < ideal && r % 10n === 0n) {
      r /= 10n;
      exp += 1;
    }
    return finish(0, r, exp, ctx);
  }
  return finish(0, r * 10n + 1n, exp - 1, ctx);
};

/** The integer square root of n > 0: Newton's method from a float estimate. */
function isqrt(n: bigint): bigint {
  if (n < 1n << 52n) {
    const m = Number(n);
    let r = Math.floor(Math.sqrt(m));
    while (r * r > m) r--; // the float root may round up to the next integer
    while ((r + 1) * (r + 1) <= m) r++;
    return BigInt(r);
  }
  const f = Number(n);
  let x = Number.isFinite(f) ? BigInt(Math.floor(Math.sqrt(f))) : 1n << BigInt(n.toString(16).length * 2 + 1);
  x = (x + n / x) >> 1n; // one step from any start lands at or above the root
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** `bool(self)` for a finite self. */
const boolFront: Front = (args) => {
  const d = args.length === 1 ? finite(args[0]) : null;
  return d === null ? null : d.coefficient !== 0n;
};

const hashFront: Front = (args) => {
  const d = args.length === 1 ? finite(args[0]) : null;
  return d === null ? null : hashFinite(d);
};

/** `int(self)` (truncated) for a finite self. */
const intFront: Front = (args) => {
  const d = args.length === 1 ? finite(args[0]) : null;
  return d === null ? null : integral(d, "ROUND_DOWN");
};

const FRONTS: readonly (readonly [string, Front])[] = [
  ["__add__", binaryFront((a, b, ctx) => add(a, b, false, ctx), false, (ctx) => addSmall(false, ctx))],
  ["__radd__", binaryFront((a, b, ctx) => add(a, b, false, ctx), true, (ctx) => addSmall(false, ctx))],
  ["__sub__", binaryFront((a, b, ctx) => add(a, b, true, ctx), false, (ctx) => addSmall(true, ctx))],
  ["__rsub__", binaryFront((a, b, ctx) => add(a, b, true, ctx), true, (ctx) => addSmall(true, ctx))],
  ["__mul__", binaryFront(multiply, false, multiplySmall)],
  ["__rmul__", binaryFront(multiply, true, multiplySmall)],
  ["__truediv__", binaryFront(divide, false, divideSmall)],
  ["__rtruediv__", binaryFront(divide, true, divideSmall)],
  ["__floordiv__", binaryFront((a, b, ctx) => divideInteger(a, b, 0, ctx), false)],
  ["__mod__", binaryFront((a, b, ctx) => divideInteger(a, b, 1, ctx), false)],
  ["__eq__", compareFront((r) => r === 0)],
  ["__ne__", compareFront((r) => r !== 0)],
  ["__lt__", compareFront((r) => r < 0)],
  ["__le__", compareFront((r) => r <= 0)],
  ["__gt__", compareFront((r) => r > 0)],
  ["__ge__", compareFront((r) => r >= 0)],
  ["__pos__", unaryFront(0)],
  ["__neg__", unaryFront(1)],
  ["__abs__", unaryFront(2)],
  ["__str__", stringFront(false)],
  ["__repr__", stringFront(true)],
  ["__bool__", boolFront],
  ["__hash__", hashFront],
  ["__int__", intFront],
  ["quantize", quantizeFront],
  ["sqrt", sqrtFront],
];

/**
 * How CPython's Decimal, a C type, takes the arguments of its special methods: slot wrappers take
 * exactly their operands (`[min, max]`) and no keywords; `noargs` and `at-most-1` are C methods.
 * The Python methods behind them also take a context, which only Context's methods pass (through
 * decimal.py's module-level `_decimal_add` and the like).
 */
const SPECIAL_ARGUMENTS: Record<string, readonly [min: number, max: number] | "noargs" | "at-most-1"> = {
  __neg__: [0, 0],
  __pos__: [0, 0],
  __abs__: [0, 0],
  __bool__: [0, 0],
  __int__: [0, 0],
  __float__: [0, 0],
  __hash__: [0, 0],
  __repr__: [0, 0],
  __str__: [0, 0],
  ...Object.fromEntries(
    "add radd sub rsub mul rmul truediv rtruediv floordiv rfloordiv mod rmod divmod rdivmod eq ne lt le gt ge"
      .split(" ").map((op) => [`__${op}__`, [1, 1] as const]),
  ),
  __pow__: [1, 2],
  __rpow__: [1, 2],
  __floor__: "noargs",
  __ceil__: "noargs",
  __trunc__: "noargs",
  __complex__: "noargs",
  __round__: "at-most-1",
};

/** The TypeError CPython's Decimal raises for these arguments of special method `name`, if any. */
function checkSpecialArguments(name: string, args: PyValue[], kwnames: string[] | null): void {
  const rule = SPECIAL_ARGUMENTS[name];
  if (rule === undefined) return;
  const given = args.length - 1 - (kwnames?.length ?? 0);
  if (Array.isArray(rule)) {
    if (hasKeywords(kwnames)) raise(Exc.TypeError, `wrapper ${name}() takes no keyword arguments`);
    const [min, max] = rule;
    if (given >= min && given <= max) return;
    const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
    if (min === max) raise(Exc.TypeError, `expected ${plural(min)}, got ${given}`);
    // The ternary wrapper unpacks its arguments under an empty name: the message starts with a space.
    raise(
      Exc.TypeError,
      ` expected ${given < min ? "at least" : "at most"} ${plural(given < min ? min : max)}, got ${given}`,
    );
  }
  if (hasKeywords(kwnames)) raise(Exc.TypeError, `Decimal.${name}() takes no keyword arguments`);
  if (rule === "noargs" && given > 0) {
    raise(Exc.TypeError, `Decimal.${name}() takes no arguments (${given} given)`);
  }
  if (rule === "at-most-1" && given > 1) {
    raise(Exc.TypeError, `function takes at most 1 argument (${given} given)`);
  }
}

/**
 * Replaces the methods of FRONTS in `cls` (decimal.Decimal) by native methods that run the fast
 * path and otherwise call the Python method they replace with the same arguments, and
 * `Decimal.__new__` likewise for ints, ASCII numeric strings and Decimals. The operators then
 * run without a Python frame. The special methods take their arguments as CPython's C type does
 * (SPECIAL_ARGUMENTS), and the class and Context are named as C types are (`decimal.Decimal`).
 */
function accelerate(cls: PyType, globals: PyDict): void {
  moduleGlobals = globals;
  globalsVersion = -1;
  const fronts = new Map(FRONTS);
  for (const name of new Set([...fronts.keys(), ...Object.keys(SPECIAL_ARGUMENTS)])) {
    const fallback = cls.attrs.get(name);
    if (fallback === undefined) continue;
    const front = fronts.get(name);
    const checked = (args: PyValue[], kwnames: string[] | null) => {
      checkSpecialArguments(name, args, kwnames);
      return call(fallback, args, kwnames);
    };
    cls.attrs.set(
      name,
      new PyMethodDescriptor(
        name,
        cls,
        front === undefined ? checked : (args, kwnames) => front(args, kwnames) ?? checked(args, kwnames),
      ),
    );
  }
  placeCType(cls, "decimal");
  const context = globals.getStr("Context");
  if (context instanceof PyType) placeCType(context, "decimal");
  const pythonNew = cls.attrs.get("__new__");
  if (pythonNew instanceof PyMethodWrapper && pythonNew.cls === staticmethodType) {
    const fallback = pythonNew.func;
    const fastNew = new PyBuiltinFunction(
      "__new__",
      (args, kwnames) => {
        if (args.length === 2 && args[0] === cls && !hasKeywords(kwnames)) {
          const v = args[1];
          if (typeof v === "number" || typeof v === "bigint") return fromInt(v);
          if (typeof v === "string") {
            const d = parse(v);
            if (d !== null) return d;
          } else if (v instanceof PyInstance && v.cls === cls) return v;
        }
        return call(fallback, args, kwnames);
      },
      null,
      "decimal",
    );
    const newWrapper = new PyMethodWrapper(staticmethodType, fastNew);
    cls.attrs.set("__new__", newWrapper);
    // Decimal(x) called with one argument: the interpreter's generic call takes a type's call1
    // without type.__call__'s general path (while __new__ is this one and no __init__ is added).
    cls.call1 = (v) => {
      if (cls.attrs.get("__new__") === newWrapper && !cls.attrs.has("__init__")) {
        if (typeof v === "number" || typeof v === "bigint") return fromInt(v);
        if (typeof v === "string") {
          const d = parse(v);
          if (d !== null) return d;
        }
      }
      return call(cls, [v]);
    };
  }
  cls.modified();
}

function multiply(a: Finite, b: Finite, ctx: Limits): PyValue | null {
  return finish(a.sign ^ b.sign, a.coefficient * b.coefficient, a.exp + b.exp, ctx);
}

/** Decimal(n) for an int n. */
function fromInt(v: number | bigint): PyValue {
  return v < 0
    ? new PyInstance(decimalClass!, null, [1, -v, 0, false])
    : new PyInstance(decimalClass!, null, [0, v, 0, false]);
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
      return binary(args, 2, multiply);
    },
    divide(args, kwnames) {
      expectArgs("divide", args, kwnames, 3, 3);
      return binary(args, 2, divide);
    },
    from_int(args, kwnames) {
      expectArgs("from_int", args, kwnames, 1, 1);
      const v = args[0];
      if (decimalClass === null || (typeof v !== "number" && typeof v !== "bigint")) return None;
      return fromInt(v);
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
    accelerate(args, kwnames) {
      expectArgs("accelerate", args, kwnames, 2, 2);
      accelerate(args[0] as PyType, args[1] as PyDict);
      return None;
    },
    compare(args, kwnames) {
      expectArgs("compare", args, kwnames, 2, 2);
      const a = finite(args[0]), b = finite(args[1]);
      if (a === null || b === null) return None;
      return compare(a, b);
    },
  });
}
