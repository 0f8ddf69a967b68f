/**
 * Formatting: values + format specs → text, exactly as CPython 3.11 formats them. Covers the
 * format mini-language for int, float, complex and str (`format()`, f-strings, `__format__`),
 * `str.format` / `format_map` templates, and `%`-formatting. Float digits are correctly rounded
 * with round-half-even on exact ties (JS's toFixed/toExponential round ties away from zero, so
 * ties are detected from the float's binary expansion and redone exactly).
 *
 * @example
 * ```ts
 * import { formatFloat } from "./format.ts";
 * console.log(formatFloat(1234.5, ",.2f")); // "1,234.50"
 * ```
 * @module
 */
import {
  Exc,
  floatType,
  None,
  PyFloat,
  PyStrObject,
  PyTuple,
  type PyValue,
  raise,
  typeOf,
} from "./object.ts";
import {
  asCIntArg,
  asIndex,
  asSsizeArg,
  callMethod0,
  callMethod1,
  getAttr,
  getItem,
  intValueOf,
  repr,
  str,
  strLength,
  strValueOf,
} from "./ops.ts";
import { asciiRepr, floatRepr } from "./repr.ts";
import { bigintToDecimal } from "./types/int.ts";
import { checkHeap, MAX_STRING_LENGTH, memoryError } from "./heap_guard.ts";

// ---------------------------------------------------------------------------------------------
// Format specs

/** A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`. */
export interface FormatSpec {
  fill: string;
  align: string; // "" when not given
  sign: string; // "" when not given
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number; // -1 when not given
  grouping: string; // "", ",", "_"
  precision: number; // -1 when not given
  type: string; // "" when not given
}

const ALIGNS = "<>=^";

/**
 * Parses a format spec; `typeName` is used in the error messages, `defaultType` and
 * `defaultAlign` are the object's defaults (str: "s" and "<", numbers: "d"/"" and ">").
 */
export function parseFormatSpec(
  spec: string,
  typeName: string,
  defaultType = "",
  defaultAlign = ">",
): FormatSpec {
  // A loop formats with the same few specs again and again (`f"{x:.2f}"`): each parsed once per
  // kind of object (the kind fixes the defaults; callers only read the spec).
  let cache = parsedSpecs.get(typeName);
  if (cache === undefined) parsedSpecs.set(typeName, cache = new Map());
  const known = cache.get(spec);
  if (known !== undefined && known.defaultType === defaultType && known.defaultAlign === defaultAlign) {
    return known.spec;
  }
  const parsed = parseSpec(spec, typeName, defaultType, defaultAlign);
  if (cache.size >= PARSED_SPECS_KEPT) cache.clear();
  cache.set(spec, { spec: Object.freeze(parsed), defaultType, defaultAlign });
  return parsed;
}

/** The specs parsed so far, by the name of the type they formatted (at most PARSED_SPECS_KEPT each). */
const parsedSpecs = new Map<
  string,
  Map<string, { spec: FormatSpec; defaultType: string; defaultAlign: string }>
>();
const PARSED_SPECS_KEPT = 256;

function parseSpec(spec: string, typeName: string, defaultType: string, defaultAlign: string): FormatSpec {
  const f: FormatSpec = {
    fill: " ",
    align: "",
    sign: "",
    z: false,
    alt: false,
    zero: false,
    width: -1,
    grouping: "",
    precision: -1,
    type: "",
  };
  const cps = Array.from(spec);
  let i = 0;
  let fillSpecified = false;
  if (cps.length >= 2 && ALIGNS.includes(cps[1])) {
    f.fill = cps[0];
    f.align = cps[1];
    fillSpecified = true;
    i = 2;
  } else if (cps.length >= 1 && ALIGNS.includes(cps[0])) {
    f.align = cps[0];
    i = 1;
  }
  if (i < cps.length && "+- ".includes(cps[i])) f.sign = cps[i++];
  if (i < cps.length && cps[i] === "z") {
    f.z = true;
    i++;
  }
  if (i < cps.length && cps[i] === "#") {
    f.alt = true;
    i++;
  }
  if (i < cps.length && cps[i] === "0") {
    f.zero = true;
    i++;
  }
  let start = i;
  while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") i++;
  if (i > start) f.width = parseDigits(cps.slice(start, i).join(""));
  if (i < cps.length && (cps[i] === "," || cps[i] === "_")) {
    f.grouping = cps[i++];
    if (i < cps.length && (cps[i] === "," || cps[i] === "_")) {
      raise(Exc.ValueError, "Cannot specify both ',' and '_'.");
    }
  }
  if (i < cps.length && cps[i] === ".") {
    i++;
    start = i;
    while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") i++;
    if (i === start) raise(Exc.ValueError, "Format specifier missing precision");
    f.precision = parseDigits(cps.slice(start, i).join(""));
  }
  if (cps.length - i > 1) {
    raise(Exc.ValueError, `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (i < cps.length) f.type = cps[i];
  // The '0' flag: zero fill unless a fill was given; '=' alignment only for numbers without one.
  if (f.zero) {
    if (!fillSpecified) f.fill = "0";
    if (f.align === "" && defaultAlign === ">") f.align = "=";
  }
  if (f.grouping !== "") {
    const t = f.type === "" ? defaultType : f.type;
    const ok = t === "" || "defgEGF%".includes(t) || (f.grouping === "_" && "boxX".includes(t));
    if (!ok) raise(Exc.ValueError, `Cannot specify '${f.grouping}' with '${t}'.`);
  }
  return f;
}

/** A width or precision of a format spec: at most C's ssize_t, as CPython. */
function parseDigits(s: string): number {
  const n = Number(s);
  if (n > SSIZE_MAX) raise(Exc.ValueError, "Too many decimal digits in format string");
  return n;
}

/** C's PY_SSIZE_T_MAX and INT_MAX, the bounds CPython puts on widths and precisions. */
const SSIZE_MAX = 2 ** 63 - 1, INT_MAX = 2 ** 31 - 1;

/** A float precision CPython accepts (≤ INT_MAX) and V8 can hold the digits of. */
function checkFloatPrecision(p: number): void {
  if (p > INT_MAX) raise(Exc.ValueError, "precision too big");
  if (p > MAX_STRING_LENGTH) memoryError();
}

/** Pads `body` (with sign/prefix `lead` kept in front for `=`) to the spec's width. */
function pad(lead: string, body: string, f: FormatSpec, defaultAlign: string): string {
  const align = f.align === "" ? defaultAlign : f.align;
  const len = strLength(lead) + strLength(body);
  if (f.width <= len) return lead + body;
  const n = f.width - len;
  checkPadding(n * f.fill.length);
  switch (align) {
    case "<":
      return lead + body + f.fill.repeat(n);
    case ">":
      return f.fill.repeat(n) + lead + body;
    case "=":
      return lead + f.fill.repeat(n) + body;
    default: {
      const left = Math.floor(n / 2);
      return f.fill.repeat(left) + lead + body + f.fill.repeat(n - left);
    }
  }
}

/** Padding of `size` UTF-16 units: MemoryError when V8 cannot hold it or the heap has no room. */
function checkPadding(size: number): void {
  if (size > MAX_STRING_LENGTH) memoryError();
  checkHeap(size);
}

/** Inserts a separator every `every` digits from the right of an integer digit string. */
function groupDigits(digits: string, sep: string, every: number, minWidth = 0): string {
  // Zero padding goes inside the grouping (format(1234, '010,') == '00,001,234').
  let d = digits;
  if (minWidth > 0) {
    while (d.length + Math.floor((d.length - 1) / every) < minWidth) d = "0" + d;
  }
  let out = "";
  let count = 0;
  for (let i = d.length - 1; i >= 0; i--) {
    out = d[i] + out;
    if (++count === every && i > 0) {
      out = sep + out;
      count = 0;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// str

/** format(str, spec). */
export function formatStr(s: string, spec: string): string {
  if (spec === "") return s;
  const f = parseFormatSpec(spec, "str", "s", "<");
  if (f.type !== "" && f.type !== "s") {
    raise(Exc.ValueError, `Unknown format code '${f.type}' for object of type 'str'`);
  }
  if (f.sign === " ") raise(Exc.ValueError, "Space not allowed in string format specifier");
  if (f.sign !== "") raise(Exc.ValueError, "Sign not allowed in string format specifier");
  if (f.z) raise(Exc.ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alt) raise(Exc.ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align === "=") raise(Exc.ValueError, "'=' alignment not allowed in string format specifier");
  let body = s;
  if (f.precision >= 0 && strLength(s) > f.precision) body = Array.from(s).slice(0, f.precision).join("");
  return pad("", body, f, "<");
}

// ---------------------------------------------------------------------------------------------
// int

/** format(int, spec). */
export function formatInt(v: number | bigint, spec: string): string {
  if (spec === "") return typeof v === "bigint" ? bigintToDecimal(v) : String(v);
  const f = parseFormatSpec(spec, "int", "d");
  const t = f.type;
  if ("eEfFgG%".includes(t) && t !== "") {
    let x: number;
    if (typeof v === "bigint") {
      x = Number(v);
      if (!Number.isFinite(x)) raise(Exc.OverflowError, "int too large to convert to float");
    } else x = v;
    return formatFloatSpec(x, f);
  }
  if (!"bcdoxXn".includes(t) && t !== "") {
    raise(Exc.ValueError, `Unknown format code '${t}' for object of type 'int'`);
  }
  if (f.precision >= 0) raise(Exc.ValueError, "Precision not allowed in integer format specifier");
  if (f.z) raise(Exc.ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (t === "c") {
    if (f.sign !== "") raise(Exc.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alt) raise(Exc.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === "bigint" && (v >= 2n ** 63n || v < -(2n ** 63n))) {
      raise(Exc.OverflowError, "Python int too large to convert to C long");
    }
    if (v < 0 || v > 0x10ffff) raise(Exc.OverflowError, "%c arg not in range(0x110000)");
    return pad("", String.fromCodePoint(Number(v)), f, "<");
  }
  const neg = v < 0;
  const abs = neg ? -v : v;
  const base = t === "b" ? 2 : t === "o" ? 8 : t === "x" || t === "X" ? 16 : 10;
  let digits = base === 10 && typeof abs === "bigint" ? bigintToDecimal(abs) : abs.toString(base);
  if (t === "X") digits = digits.toUpperCase();
  let prefix = "";
  if (f.alt) prefix = base === 2 ? "0b" : base === 8 ? "0o" : base === 16 ? (t === "X" ? "0X" : "0x") : "";
  const signStr = neg ? "-" : f.sign === "+" ? "+" : f.sign === " " ? " " : "";
  const lead = signStr + prefix;
  if (f.grouping !== "") {
    const every = base === 10 ? 3 : 4;
    const minWidth = f.align === "=" && f.fill === "0" ? f.width - lead.length : 0;
    digits = groupDigits(digits, f.grouping, every, minWidth);
  }
  return pad(lead, digits, f, ">");
}

// ---------------------------------------------------------------------------------------------
// float

/** The exact decimal expansion of a finite non-negative double: digits and the point position. */
function exactDecimal(x: number): { digits: string; point: number } {
  if (Number.isInteger(x)) {
    const digits = BigInt(x).toString();
    return { digits, point: digits.length };
  }
  let k = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const digits = (BigInt(m) * 5n ** BigInt(k)).toString();
  return { digits, point: digits.length - k };
}

/**
 * Rounds the exact expansion of x (≥ 0, finite) to the digit at decimal position `pos` after the
 * point (negative: left of the point), half to even. Returns the digit string of
 * round(x * 10**pos) (no leading zeros except "0").
 */
export function roundDigits(x: number, pos: number): string {
  const { digits, point } = exactDecimal(x);
  const keep = point + pos; // number of digits kept
  if (keep < 0) return "0";
  if (keep >= digits.length) return (digits + "0".repeat(keep - digits.length)).replace(/^0+(?=\d)/, "");
  let kept = keep === 0 ? "0" : digits.slice(0, keep);
  const first = digits.charCodeAt(keep) - 48;
  let roundUp = false;
  if (first > 5) roundUp = true;
  else if (first === 5) {
    let tail = false;
    for (let i = keep + 1; i < digits.length; i++) {
      if (digits[i] !== "0") {
        tail = true;
        break;
      }
    }
    roundUp = tail || (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  }
  if (roundUp) kept = (BigInt(kept) + 1n).toString();
  return kept.replace(/^0+(?=\d)/, "");
}

/** Number of fractional binary digits of x (0 for integers). */
function fractionBits(x: number): number {
  let k = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    k++;
  }
  return k;
}

/** x (≥ 0, finite) with `p` digits after the point, correctly rounded (half-even on ties). */
export function toFixedExact(x: number, p: number): string {
  if (p <= 100 && x < 1e21 && fractionBits(x) !== p + 1) return x.toFixed(p);
  const r = roundDigits(x, p);
  if (p === 0) return r;
  const s = r.padStart(p + 1, "0");
  return s.slice(0, s.length - p) + "." + s.slice(s.length - p);
}

/** [digits (p+1 significant), decimal exponent] for x > 0, correctly rounded. */
function toExpDigits(x: number, p: number): [string, number] {
  if (p <= 100) {
    const s = x.toExponential(p);
    const ePos = s.indexOf("e");
    const mant = s.slice(0, ePos).replace(".", "");
    const exp = Number(s.slice(ePos + 1));
    if (!expTiePossible(x, p, exp)) return [mant, exp];
  }
  const { point } = exactDecimal(x);
  let exp = point - 1;
  // Find the leading digit position from the exact digits (they may have leading zeros).
  const ex = exactDecimal(x);
  const lead = ex.digits.search(/[1-9]/);
  exp = ex.point - 1 - lead;
  let r = roundDigits(x, p - exp);
  if (r.length > p + 1) {
    exp++;
    r = r.slice(0, p + 1);
  }
  return [r.padEnd(p + 1, "0"), exp];
}

/** Whether rounding x to p+1 significant digits (exponent exp) may hit an exact tie. */
function expTiePossible(x: number, p: number, exp: number): boolean {
  const k = fractionBits(x);
  if (k > 0) return k === p - exp + 1 || k === p - exp;
  // Integers: a tie needs exactly p+2 significant digits ending in 5 (or a carry changed exp).
  const d = x < 1e21 ? String(x) : BigInt(x).toString();
  const sig = d.replace(/0+$/, "");
  return sig.length === p + 2 && sig.endsWith("5");
}

/** x in exponent notation with p digits after the point (Python's %e, without sign). */
export function toExponentExact(x: number, p: number, upper = false): string {
  let mant: string, exp: number;
  if (x === 0) {
    mant = "0".repeat(p + 1);
    exp = 0;
  } else [mant, exp] = toExpDigits(x, p);
  const m = p === 0 ? mant[0] : mant[0] + "." + mant.slice(1);
  const es = (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
  return m + (upper ? "E" : "e") + es;
}

/** %g / 'g' formatting of x ≥ 0 with precision p (≥ 1); `alt` keeps trailing zeros. */
function toGeneral(x: number, p: number, alt: boolean, upper: boolean, addDot0: boolean): string {
  let exp: number;
  if (x === 0) exp = 0;
  else exp = toExpDigits(x, p - 1)[1];
  const useExp = exp < -4 || exp >= (addDot0 ? p - 1 : p);
  let s: string;
  if (useExp) s = toExponentExact(x, p - 1, upper);
  else s = toFixedExact(x, Math.max(0, p - 1 - exp));
  if (!alt) {
    // Strip trailing zeros (and a trailing point) from the mantissa.
    const ePos = s.search(/[eE]/);
    let mant = ePos >= 0 ? s.slice(0, ePos) : s;
    const rest = ePos >= 0 ? s.slice(ePos) : "";
    if (mant.includes(".")) mant = mant.replace(/0+$/, "").replace(/\.$/, "");
    s = mant + rest;
    if (addDot0 && !useExp && !s.includes(".")) s += ".0";
  } else if (!s.includes(".")) {
    const ePos = s.search(/[eE]/);
    s = ePos >= 0 ? s.slice(0, ePos) + "." + s.slice(ePos) : s + ".";
  }
  return s;
}

/** format(float, spec). */
export function formatFloat(x: number, spec: string): string {
  if (spec === "") return floatRepr(x);
  return formatFloatSpec(x, parseFormatSpec(spec, "float"));
}

function formatFloatSpec(x: number, f: FormatSpec): string {
  let t = f.type;
  if (!"eEfFgGn%".includes(t)) {
    raise(Exc.ValueError, `Unknown format code '${t}' for object of type 'float'`);
  }
  if (t === "n" && f.grouping !== "") raise(Exc.ValueError, "Cannot specify ',' with 'n'.");
  checkFloatPrecision(f.precision);
  let neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  let body: string;
  let suffix = "";
  if (t === "%") {
    a *= 100;
    suffix = "%";
    t = "f";
  }
  const p = f.precision;
  if (!Number.isFinite(a)) {
    body = a !== a ? "nan" : "inf";
    if ("EFG".includes(t) && t !== "") body = body.toUpperCase();
    if (a !== a) neg = x !== x ? false : neg;
  } else {
    switch (t) {
      case "f":
      case "F":
        body = toFixedExact(a, p < 0 ? 6 : p);
        if (f.alt && !body.includes(".")) body += ".";
        break;
      case "e":
      case "E":
        body = toExponentExact(a, p < 0 ? 6 : p, t === "E");
        if (f.alt && p === 0) body = body.replace(/([eE])/, ".$1");
        break;
      case "g":
      case "G":
      case "n":
        body = toGeneral(a, p < 0 ? 6 : p === 0 ? 1 : p, f.alt, t === "G", false);
        break;
      default:
        // No type: repr when no precision, else 'g' that keeps a ".0".
        if (p < 0) {
          body = floatRepr(a);
          // '#' forces a decimal point even in repr style ("1.e+100").
          if (f.alt && !body.includes(".")) body = body.includes("e") ? body.replace("e", ".e") : body + ".";
        } else body = toGeneral(a, p === 0 ? 1 : p, f.alt, false, true);
    }
    if (f.z && neg && /^[0.]*$/.test(body.replace(/[eE].*$/, ""))) neg = false;
  }
  if (x !== x) neg = false;
  const signStr = neg ? "-" : f.sign === "+" ? "+" : f.sign === " " ? " " : "";
  if (f.grouping !== "" && Number.isFinite(a)) {
    const m = /^(\d+)(.*)$/.exec(body)!;
    const minWidth = f.align === "=" && f.fill === "0"
      ? f.width - signStr.length - strLength(m[2]) - suffix.length
      : 0;
    body = groupDigits(m[1], f.grouping, 3, minWidth) + m[2];
  }
  return pad(signStr, body + suffix, f, ">");
}

// ---------------------------------------------------------------------------------------------
// complex

/** format(complex, spec). */
export function formatComplex(re: number, im: number, spec: string): string {
  const f = parseFormatSpec(spec, "complex");
  if (f.zero) raise(Exc.ValueError, "Zero padding is not allowed in complex format specifier");
  if (f.align === "=") raise(Exc.ValueError, "'=' alignment flag is not allowed in complex format specifier");
  if (!"eEfFgGn".includes(f.type)) {
    raise(Exc.ValueError, `Unknown format code '${f.type}' for object of type 'complex'`);
  }
  const noType = f.type === "";
  const inner: FormatSpec = { ...f, fill: " ", align: "", width: -1 };
  let reS = "";
  const parens = noType && f.precision < 0 ? true : noType;
  if (noType && f.precision < 0) {
    // Like repr: the real part is omitted when it is +0.
    const skipReal = re === 0 && !Object.is(re, -0);
    const imS = floatRepr(im).replace(/\.0$/, "");
    const imSign = im < 0 || Object.is(im, -0) || skipReal ? "" : "+";
    let body: string;
    if (skipReal) {
      body = (f.sign === "+" && !(im < 0) ? "+" : f.sign === " " && !(im < 0) ? " " : "") + imS + "j";
    } else {
      reS = floatRepr(re).replace(/\.0$/, "");
      const signStr = f.sign === "+" && !(re < 0) ? "+" : f.sign === " " && !(re < 0) ? " " : "";
      body = "(" + signStr + reS + (im < 0 || Object.is(im, -0) ? "" : imSign) + imS + "j)";
    }
    return pad("", body, f, ">");
  }
  if (noType) inner.type = "g";
  const fmt = (v: number, forceSign: boolean): string => {
    const g = { ...inner };
    if (forceSign) g.sign = "+";
    return formatFloatSpec(v, g);
  };
  const body = fmt(re, false) + fmt(im, true) + "j";
  return pad("", parens ? "(" + body + ")" : body, f, ">");
}

// ---------------------------------------------------------------------------------------------
// Dispatch

/** format(v, spec) as a JS string: builtin fast paths, else `type(v).__format__(v, spec)`. */
export function formatValue(v: PyValue, spec: string): string {
  const r = formatObject(v, spec);
  return typeof r === "string" ? r : strValueOf(r)!;
}

/**
 * format(v, spec) as Python returns it: a str, or the str subclass instance that `__format__`
 * returned (`format()` and a lone f-string field give that object back, as CPython does).
 */
export function formatObject(v: PyValue, spec: string): PyValue {
  switch (typeof v) {
    case "string":
      return formatStr(v, spec);
    case "number":
    case "bigint":
      return formatInt(v, spec);
    case "boolean":
      return spec === "" ? (v ? "True" : "False") : formatInt(v ? 1 : 0, spec);
  }
  if (v instanceof PyFloat && v.cls === floatType) return formatFloat(v.value, spec);
  const f = typeOf(v).lookup("__format__");
  if (f === undefined) raise(Exc.TypeError, `Type ${typeOf(v).name} doesn't define __format__`);
  const r = callMethod1(f, v, spec);
  if (strValueOf(r) === undefined) {
    raise(Exc.TypeError, `__format__ must return a str, not ${typeOf(r).name}`);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// str.format

/**
 * One step through a format string (what `_string.formatter_parser` yields): the literal text up
 * to the next replacement field, then that field's name, spec and conversion. An escaped brace
 * (`{{`, `}}`) ends the literal with one brace and no field (`field` is null); so does the end.
 * `next` is where the following step starts.
 */
export interface FormatChunk {
  literal: string;
  field: string | null;
  spec: string;
  conversion: string | null;
  next: number;
}

/** The chunk of `s` starting at `pos` (< s.length), with CPython's errors for malformed fields. */
export function nextFormatChunk(s: string, pos: number): FormatChunk {
  const n = s.length;
  let i = pos;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x7d /* } */) {
      if (s.charCodeAt(i + 1) === c) {
        return { literal: s.slice(pos, i + 1), field: null, spec: "", conversion: null, next: i + 2 };
      }
      if (c === 0x7d) raise(Exc.ValueError, "Single '}' encountered in format string");
      return parseReplacementField(s, s.slice(pos, i), i + 1);
    }
    i++;
  }
  return { literal: s.slice(pos), field: null, spec: "", conversion: null, next: n };
}

/** The field after a lone `{` at `start - 1`: `name[!conversion][:spec]}`. */
function parseReplacementField(s: string, literal: string, start: number): FormatChunk {
  const n = s.length;
  if (start >= n) raise(Exc.ValueError, "Single '{' encountered in format string");
  // The field name ends at '}', ':' or '!'; brackets hide those characters.
  let i = start;
  while (i < n) {
    const c = s[i];
    if (c === "{") raise(Exc.ValueError, "unexpected '{' in field name");
    if (c === "[") {
      while (i < n && s[i] !== "]") i++;
      continue;
    }
    if (c === "}" || c === ":" || c === "!") break;
    i++;
  }
  if (i >= n) raise(Exc.ValueError, "expected '}' before end of string");
  const field = s.slice(start, i);
  if (s[i] === "}") return { literal, field, spec: "", conversion: null, next: i + 1 };
  let conversion: string | null = null;
  if (s[i] === "!") {
    if (i + 1 >= n) raise(Exc.ValueError, "end of string while looking for conversion specifier");
    conversion = String.fromCodePoint(s.codePointAt(i + 1)!);
    i += 1 + conversion.length;
    if (i < n && s[i] === "}") return { literal, field, spec: "", conversion, next: i + 1 };
    if (i < n && s[i] !== ":") raise(Exc.ValueError, "expected ':' after conversion specifier");
  }
  // The spec runs to the '}' that balances the field's '{'.
  const specStart = i + 1;
  let depth = 1;
  for (i = specStart; i < n; i++) {
    const c = s[i];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      return { literal, field, spec: s.slice(specStart, i), conversion, next: i + 1 };
    }
  }
  return raise(Exc.ValueError, "unmatched '{' in format spec");
}

/**
 * A field name's first part or `[key]` as an index when it is all decimal digits (any script's,
 * as CPython reads them), else -1.
 */
export function formatFieldIndex(part: string): number {
  if (part === "") return -1;
  if (part.length <= 15) {
    // Fast path: a short run of ASCII digits.
    let value = 0;
    let i = 0;
    for (; i < part.length; i++) {
      const d = part.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === part.length) return value;
  }
  let value = 0n;
  for (const ch of part) {
    const d = decimalDigitValue(ch.codePointAt(0)!);
    if (d < 0) return -1;
    value = value * 10n + BigInt(d);
    if (value > 0x7fffffffffffffffn) raise(Exc.ValueError, "Too many decimal digits in format string");
  }
  return Number(value);
}

const DECIMAL_DIGIT = /\p{Nd}/u;

/** The value of a Unicode decimal digit (category Nd), or -1. */
function decimalDigitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x80 || !DECIMAL_DIGIT.test(String.fromCodePoint(cp))) return -1;
  // Nd digits come in runs of ten from zero: count back to the run's start.
  let zero = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/** A field name's first part (an argument's index or keyword), and where the rest starts. */
export function splitFormatFieldName(name: string): { first: string; restStart: number } {
  let i = 0;
  while (i < name.length && name[i] !== "." && name[i] !== "[") i++;
  return { first: name.slice(0, i), restStart: i };
}

/**
 * The field-name part at `pos` (not the end): `.attr` (isAttr true) or `[key]` (key an int when
 * all digits), as [isAttr, key, next position]; errors are raised as the parts are met, so that a
 * lazy iterator yields the parts before a malformed one.
 */
export function nextFormatFieldPart(name: string, pos: number): [boolean, string | number, number] {
  const c = name[pos];
  if (c === ".") {
    let j = pos + 1;
    while (j < name.length && name[j] !== "." && name[j] !== "[") j++;
    if (j === pos + 1) raise(Exc.ValueError, "Empty attribute in format string");
    return [true, name.slice(pos + 1, j), j];
  }
  if (c === "[") {
    const close = name.indexOf("]", pos + 1);
    if (close < 0) raise(Exc.ValueError, "Missing ']' in format string");
    const key = name.slice(pos + 1, close);
    if (key === "") raise(Exc.ValueError, "Empty attribute in format string");
    const idx = formatFieldIndex(key);
    return [false, idx >= 0 ? idx : key, close + 1];
  }
  return raise(Exc.ValueError, "Only '.' or '[' may follow ']' in format field specifier");
}

/** str.format's automatic field numbering, shared by a template and the fields nested in its specs. */
interface FieldNumbering {
  next: number;
  mode: "none" | "auto" | "manual";
}

/** `template.format(*args, **kwargs)`; `kwargs` is any mapping (format_map passes it through). */
export function strFormat(template: string, args: PyValue[], kwargs: PyValue, depth = 2): string {
  return renderFormat(template, args, kwargs, depth, { next: 0, mode: "none" });
}

function renderFormat(
  template: string,
  args: PyValue[],
  kwargs: PyValue,
  depth: number,
  numbering: FieldNumbering,
): string {
  if (depth <= 0) raise(Exc.ValueError, "Max string recursion exceeded");
  let out = "";
  let pos = 0;
  while (pos < template.length) {
    const chunk = nextFormatChunk(template, pos);
    pos = chunk.next;
    out += chunk.literal;
    if (chunk.field === null) continue;
    let value = resolveFormatField(chunk.field, args, kwargs, numbering);
    const conv = chunk.conversion;
    if (conv !== null) {
      if (conv === "r") value = repr(value);
      else if (conv === "s") value = str(value);
      else if (conv === "a") value = asciiRepr(repr(value));
      else raise(Exc.ValueError, `Unknown conversion specifier ${conversionForMessage(conv)}`);
    }
    let spec = chunk.spec;
    if (spec.includes("{")) spec = renderFormat(spec, args, kwargs, depth - 1, numbering);
    out += formatValue(value, spec);
  }
  return out;
}

/** A conversion character as CPython's message shows it: printable ASCII itself, else `\\x` + hex. */
function conversionForMessage(conv: string): string {
  const cp = conv.codePointAt(0)!;
  return cp > 32 && cp < 127 ? conv : `\\x${cp.toString(16)}`;
}

/** The value a field name designates: an argument, then its `.attr` and `[key]` parts. */
function resolveFormatField(
  name: string,
  args: PyValue[],
  kwargs: PyValue,
  numbering: FieldNumbering,
): PyValue {
  const { first, restStart } = splitFormatFieldName(name);
  let value: PyValue;
  if (first === "") {
    if (numbering.mode === "manual") {
      raise(Exc.ValueError, "cannot switch from manual field specification to automatic field numbering");
    }
    numbering.mode = "auto";
    const idx = numbering.next++;
    if (idx >= args.length) {
      raise(Exc.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
    }
    value = args[idx];
  } else {
    const idx = formatFieldIndex(first);
    if (idx >= 0) {
      if (numbering.mode === "auto") {
        raise(Exc.ValueError, "cannot switch from automatic field numbering to manual field specification");
      }
      numbering.mode = "manual";
      if (idx >= args.length) {
        raise(Exc.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
      }
      value = args[idx];
    } else {
      if (kwargs === None) raise(Exc.KeyError, first);
      value = getItem(kwargs, first);
    }
  }
  let pos = restStart;
  while (pos < name.length) {
    const [isAttr, key, next] = nextFormatFieldPart(name, pos);
    value = isAttr ? getAttr(value, key as string) : getItem(value, key);
    pos = next;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// %-formatting

/**
 * Where in a %-format conversion its format error is raised, in CPython's order: at its start
 * (a lone '%'), after the mapping check (an unclosed key), after the key's lookup (the width), after
 * the width's `*` argument (the precision), after the precision's (a format that ends there), or
 * after its value is taken (a '%' conversion with flags).
 */
type PercentErrorAt = "start" | "key" | "width" | "prec" | "end" | "value";

/** One conversion of a %-format: `%(key)-08.3f` (STAR: the width or precision comes from `*`). */
interface PercentConversion {
  /** A `(key)` was opened: the values must be a mapping. */
  readonly mapping: boolean;
  readonly key: string | null;
  readonly flags: string;
  readonly width: number;
  readonly prec: number;
  readonly type: string;
  /** Where the type character stands (for messages). */
  readonly at: number;
  /** The conversion's format error (a ValueError) and where it is raised; the format ends here. */
  readonly error: string | null;
  readonly errorAt: PercentErrorAt | null;
  /** `%s`, `%d`, `%i` or `%u` with no key, flags, width or precision (percentFormat's fast path). */
  readonly plain: boolean;
}

/** The conversions a `plain` one may have. */
const PLAIN_TYPES = "sdiu";

/** A width or precision taken from the arguments (`%*d`). */
const STAR = -2;

/** The argument a `*` width or precision takes: an int (CPython checks before converting). */
function starArg(v: PyValue): PyValue {
  if (intValueOf(v) === undefined) raise(Exc.TypeError, "* wants int");
  return v;
}

/** Formats parsed once (their text pieces and conversions), by format string. */
const percentFormats = new Map<string, (string | PercentConversion)[]>();
const PERCENT_FORMATS_KEPT = 512;

/** A %-format parsed into its text pieces and conversions, up to its first format error. */
function parsePercent(fmt: string): (string | PercentConversion)[] {
  const pieces: (string | PercentConversion)[] = [];
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    if (fmt[i] !== "%") {
      const j = fmt.indexOf("%", i);
      const end = j < 0 ? n : j;
      pieces.push(fmt.slice(i, end));
      i = end;
      continue;
    }
    i++;
    const specStart = i;
    let mapping = false, key: string | null = null, flags = "", width = -1, prec = -1;
    const failed = (error: string, errorAt: PercentErrorAt) => {
      pieces.push({ mapping, key, flags, width, prec, type: "", at: i - 1, error, errorAt, plain: false });
      return pieces;
    };
    if (i >= n) return failed("incomplete format", "start");
    if (fmt[i] === "(") {
      mapping = true;
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (fmt[j] === "(") depth++;
        else if (fmt[j] === ")") depth--;
        j++;
      }
      if (depth > 0) return failed("incomplete format key", "key");
      key = fmt.slice(i + 1, j - 1);
      i = j;
    }
    while (i < n && "-+ #0".includes(fmt[i])) flags += fmt[i++];
    if (fmt[i] === "*") {
      width = STAR;
      i++;
    } else {
      const s = i;
      while (i < n && fmt[i] >= "0" && fmt[i] <= "9") i++;
      if (i > s) width = Number(fmt.slice(s, i));
      if (width > SSIZE_MAX) return failed("width too big", "width");
    }
    if (fmt[i] === ".") {
      i++;
      if (fmt[i] === "*") {
        prec = STAR;
        i++;
      } else {
        const s = i;
        while (i < n && fmt[i] >= "0" && fmt[i] <= "9") i++;
        prec = i > s ? Number(fmt.slice(s, i)) : 0;
        if (prec > INT_MAX) return failed("precision too big", "prec");
      }
    }
    while (i < n && "hlL".includes(fmt[i])) i++;
    if (i >= n) return failed("incomplete format", "end");
    const type = fmt[i++];
    if (type === "%") {
      if (i - 1 === specStart) {
        pieces.push("%");
        continue;
      }
      // '%' after flags/width/precision is a conversion that takes an argument (CPython 3.11).
      return failed(`unsupported format character '%' (0x25) at index ${i - 1}`, "value");
    }
    const plain = key === null && flags === "" && width === -1 && prec === -1 && PLAIN_TYPES.includes(type);
    pieces.push({ mapping, key, flags, width, prec, type, at: i - 1, error: null, errorAt: null, plain });
  }
  return pieces;
}

/** `fmt % values` for str (and for bytes, over Latin-1 text: `what` names it in the messages). */
export function percentFormat(fmt: string, values: PyValue, what: "string" | "bytes" = "string"): string {
  let pieces = percentFormats.get(fmt);
  if (pieces === undefined) {
    if (percentFormats.size >= PERCENT_FORMATS_KEPT) percentFormats.clear();
    pieces = parsePercent(fmt);
    percentFormats.set(fmt, pieces);
  }
  const isTuple = values instanceof PyTuple;
  const items = isTuple ? (values as PyTuple).items : null;
  const isMapping = !isTuple && typeof values === "object" && !(values instanceof PyStrObject) &&
    typeOf(values).lookup("__getitem__") !== undefined && !(typeOf(values).name === "str");
  const count = items === null ? 1 : items.length;
  let argi = 0;
  let usedMapping = false;
  const next = (): PyValue => {
    if (argi >= count) raise(Exc.TypeError, "not enough arguments for format string");
    return items === null ? (argi++, values) : items[argi++];
  };
  // A `%(key)` conversion's arguments (a `*` width or precision, then its value) come from the
  // key's value alone, as from a one-item tuple (CPython).
  let keyed: PyValue | undefined;
  const arg = (p: PercentConversion): PyValue => {
    if (p.key === null) return next();
    if (keyed === undefined) raise(Exc.TypeError, "not enough arguments for format string");
    const v = keyed;
    keyed = undefined;
    return v;
  };
  // The pieces, joined once: `+=` would leave a rope of them, which every later reader (a
  // regex, a hash) must first flatten.
  const out: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    if (typeof p === "string") {
      out.push(p);
      continue;
    }
    if (p.plain && !isMapping && argi < count) {
      // `%s` of a str, `%s` or `%d` of an int (a JS number), nothing else asked: the text itself.
      const v = items === null ? values : items[argi];
      if (typeof v === "number" || (typeof v === "string" && p.type === "s")) {
        argi++;
        out.push(typeof v === "string" ? v : String(v));
        continue;
      }
    }
    const errorAt = p.errorAt;
    if (errorAt === "start") raise(Exc.ValueError, p.error!);
    if (p.mapping && !isMapping) raise(Exc.TypeError, "format requires a mapping");
    if (errorAt === "key") raise(Exc.ValueError, p.error!);
    if (p.key !== null) {
      keyed = getItem(values, p.key);
      usedMapping = true;
    }
    if (errorAt === "width") raise(Exc.ValueError, p.error!);
    let flags = p.flags, width = p.width, prec = p.prec;
    if (width === STAR) {
      width = asSsizeArg(starArg(arg(p)));
      if (width < 0) {
        flags += "-";
        width = -width;
      }
    }
    if (errorAt === "prec") raise(Exc.ValueError, p.error!);
    // A negative precision from '*' is 0 (CPython).
    if (prec === STAR) prec = Math.max(0, asCIntArg(starArg(arg(p))));
    if (errorAt === "end") raise(Exc.ValueError, p.error!);
    // Without a key, a mapping is the value of each conversion.
    const value = p.key === null && isMapping && !isTuple ? values : arg(p);
    if (errorAt === "value") raise(Exc.ValueError, p.error!);
    out.push(percentOne(p.type, value, flags, width, prec, p.at));
  }
  if (argi < count && !usedMapping && !isMapping) {
    raise(Exc.TypeError, `not all arguments converted during ${what} formatting`);
  }
  return out.length === 1 ? out[0] : out.join("");
}

function percentOne(
  type: string,
  v: PyValue,
  flags: string,
  width: number,
  prec: number,
  at: number,
): string {
  const left = flags.includes("-");
  const zero = flags.includes("0") && !left;
  const plus = flags.includes("+"), space = flags.includes(" "), alt = flags.includes("#");
  let body: string;
  let sign = "";
  const signed = (neg: boolean) => neg ? "-" : plus ? "+" : space ? " " : "";
  switch (type) {
    case "s":
      body = str(v);
      if (prec >= 0) body = Array.from(body).slice(0, prec).join("");
      return padPlain(body, width, left);
    case "r":
      body = repr(v);
      if (prec >= 0) body = Array.from(body).slice(0, prec).join("");
      return padPlain(body, width, left);
    case "a":
      body = asciiRepr(repr(v));
      if (prec >= 0) body = Array.from(body).slice(0, prec).join("");
      return padPlain(body, width, left);
    case "c": {
      const s = strValueOf(v);
      if (s !== undefined) {
        if (strLength(s) !== 1) raise(Exc.TypeError, "%c requires int or char");
        body = s;
      } else {
        const iv = intValueOf(v);
        if (iv === undefined) raise(Exc.TypeError, "%c requires int or char");
        if (iv < 0 || iv > 0x10ffff) raise(Exc.OverflowError, "%c arg not in range(0x110000)");
        body = String.fromCodePoint(Number(iv));
      }
      return padPlain(body, width, left);
    }
    case "d":
    case "i":
    case "u":
    case "x":
    case "X":
    case "o": {
      let iv = intValueOf(v);
      if (iv === undefined) {
        if (v instanceof PyFloat && "diu".includes(type)) {
          if (!Number.isFinite(v.value)) {
            if (v.value !== v.value) raise(Exc.ValueError, "cannot convert float NaN to integer");
            raise(Exc.OverflowError, "cannot convert float infinity to integer");
          }
          iv = Number.isSafeInteger(Math.trunc(v.value)) ? Math.trunc(v.value) : BigInt(Math.trunc(v.value));
        } else if ("diu".includes(type) && typeOf(v).lookup("__int__") !== undefined) {
          iv = intValueOf(callMethod0(typeOf(v).lookup("__int__")!, v)) ?? 0;
        } else if (typeOf(v).lookup("__index__") !== undefined) {
          iv = asIndex(v);
        } else {
          const what = "diu".includes(type) ? "a real number" : "an integer";
          raise(Exc.TypeError, `%${type} format: ${what} is required, not ${typeOf(v).name}`);
        }
      }
      const neg = iv < 0;
      const abs = neg ? -iv : iv;
      body = "diu".includes(type) && typeof abs === "bigint"
        ? bigintToDecimal(abs)
        : abs.toString(type === "o" ? 8 : type === "x" || type === "X" ? 16 : 10);
      if (type === "X") body = body.toUpperCase();
      if (prec >= 0 && body.length < prec) body = "0".repeat(prec - body.length) + body;
      sign = signed(neg);
      if (alt && type === "o") sign += "0o";
      if (alt && (type === "x" || type === "X")) sign += type === "x" ? "0x" : "0X";
      break;
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      let x: number;
      if (v instanceof PyFloat) x = v.value;
      else {
        const iv = intValueOf(v);
        if (iv !== undefined) x = Number(iv);
        else {
          const ff = typeOf(v).lookup("__float__");
          if (ff === undefined) raise(Exc.TypeError, `must be real number, not ${typeOf(v).name}`);
          x = callMethodFloat(ff, v);
        }
      }
      const spec: FormatSpec = {
        fill: " ",
        align: "",
        sign: "",
        z: false,
        alt,
        zero: false,
        width: -1,
        grouping: "",
        precision: prec < 0 ? 6 : prec,
        type,
      };
      body = formatFloatSpec(x, spec);
      if (body.startsWith("-")) {
        body = body.slice(1);
        sign = "-";
      } else sign = signed(false);
      break;
    }
    default:
      return raise(
        Exc.ValueError,
        `unsupported format character '${type}' (0x${type.charCodeAt(0).toString(16)}) at index ${at}`,
      );
  }
  const total = sign.length + body.length;
  if (width > total) {
    if (left) return sign + body + " ".repeat(width - total);
    if (zero) return sign + "0".repeat(width - total) + body;
    return " ".repeat(width - total) + sign + body;
  }
  return sign + body;
}

function callMethodFloat(f: PyValue, v: PyValue): number {
  const r = callMethod0(f, v);
  if (!(r instanceof PyFloat)) {
    raise(Exc.TypeError, `${typeOf(v).name}.__float__ returned non-float (type ${typeOf(r).name})`);
  }
  return r.value;
}

function padPlain(body: string, width: number, left: boolean): string {
  const n = strLength(body);
  if (width <= n) return body;
  checkPadding(width - n);
  return left ? body + " ".repeat(width - n) : " ".repeat(width - n) + body;
}
