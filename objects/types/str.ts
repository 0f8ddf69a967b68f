/**
 * `str`: JS strings with Python's code-point semantics → every common str method with CPython's
 * results and errors. Strings without surrogate pairs use UTF-16 indexes directly (fast path);
 * others go through arrays of code points.
 *
 * @example
 * ```ts
 * import { strGetItem } from "./str.ts";
 * console.log(strGetItem("a😀b", 1)); // "😀"
 * ```
 * @module
 */
import { bufferBytes, getBuffer } from "./buffer.ts";
import { COMPARISON_DUNDERS } from "../../instructions/operators.ts";
import {
  bindArgs,
  checkMethodArgs,
  defClassMethod,
  defFastMethod,
  defMethod,
  Exc,
  listType,
  newException,
  newTuple,
  None,
  NotImplemented,
  PyBytes,
  PyDict,
  PyList,
  PySlice,
  PyStrObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  strType,
  tupleType,
  typeOf,
} from "../object.ts";
import {
  asCIntArg,
  asIndex,
  asSsizeArg,
  getItem,
  hasSurrogates,
  intValueOf,
  isExceptionOf,
  repr,
  str,
  strHash,
  strLength,
  strValueOf,
  toArray,
} from "../ops.ts";
import { makeIterator, strIteratorType } from "./iterators.ts";
import { repeatCount, seqIndex, sliceIndices } from "./seq.ts";
import { checkHeap, MAX_STRING_LENGTH, memoryError } from "../heap_guard.ts";
import { installNew } from "./type.ts";
import { formatStr, percentFormat, strFormat } from "../format.ts";

/** str.isprintable() per code point: not in categories C* or Z* (space excepted). */
function isPrintableCodePoint(cp: number): boolean {
  return cp === 0x20 || !NON_PRINTABLE.test(String.fromCodePoint(cp));
}
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's whitespace (str.split() / strip() / isspace()). */
export const PY_WHITESPACE =
  "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
const WS_SET = new Set(PY_WHITESPACE);

/** Whether UTF-16 unit `c` is Python whitespace (every whitespace character is one BMP unit). */
function isWsCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return WS_SET.has(String.fromCharCode(c));
}

/** Whether the code point `ch` (one or two UTF-16 units) is Python whitespace. */
function isWs(ch: string): boolean {
  return ch.length === 1 && isWsCode(ch.charCodeAt(0));
}

let lastAstral = "";
let lastAstralPoints: string[] = [];
/** The code points of a string with surrogate pairs (cached for the last one: index loops). */
function astralPoints(s: string): string[] {
  if (s !== lastAstral) {
    lastAstral = s;
    lastAstralPoints = Array.from(s);
  }
  return lastAstralPoints;
}

/** The code points of s (a fresh array the caller may modify). */
export function codePoints(s: string): string[] {
  return hasSurrogates(s) ? Array.from(s) : s.split("");
}

/** s[i] with Python indexing (negative from the end); IndexError when out of range. */
export function strGetItem(s: string, key: PyValue): string {
  if (!hasSurrogates(s)) {
    const i = seqIndex(key, s.length, "string", "string index out of range");
    return s[i];
  }
  const cps = astralPoints(s);
  return cps[seqIndex(key, cps.length, "string", "string index out of range")];
}

/** s[slice]. */
export function strSlice(s: string, sl: PySlice): string {
  const surr = hasSurrogates(s);
  const cps = surr ? astralPoints(s) : null;
  const n = cps === null ? s.length : cps.length;
  const [start, stop, step, count] = sliceIndices(sl, n);
  if (step === 1) {
    return cps === null
      ? s.slice(start, Math.max(start, stop))
      : cps.slice(start, Math.max(start, stop)).join("");
  }
  let out = "";
  for (let i = 0, j = start; i < count; i++, j += step) out += cps === null ? s[j] : cps[j];
  return out;
}

function self(args: PyValue[], name: string): string {
  const v = args[0];
  if (typeof v === "string") return v;
  if (v instanceof PyStrObject) return v.value;
  return raise(
    Exc.TypeError,
    `descriptor '${name}' requires a 'str' object but received a '${typeOf(v).name}'`,
  );
}

/** `v` as the str operand of find, count, partition and their kin: CPython's words, `must be str, not T`. */
function strOperand(v: PyValue): string {
  const s = strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `must be str, not ${typeOf(v).name}`);
  return s;
}

/** `v` as a str argument of `fname`, or CPython's TypeError naming `what` (`argument 'encoding'`). */
export function strArg(v: PyValue, fname: string, what = "argument"): string {
  const s = strValueOf(v);
  if (s === undefined) {
    // CPython's argument parsing names None itself, and other values by their type.
    raise(Exc.TypeError, `${fname}() ${what} must be str, not ${v === None ? "None" : typeOf(v).name}`);
  }
  return s;
}

/** Converts optional start/end (code point indexes, None allowed) like CPython's ADJUST_INDICES. */
function adjustRange(start: PyValue | undefined, end: PyValue | undefined, len: number): [number, number] {
  const conv = (v: PyValue | undefined, dflt: number): number => {
    if (v === undefined || v === None) return dflt;
    let i: number | bigint | undefined = intValueOf(v);
    if (i === undefined) {
      if (typeOf(v).lookup("__index__") === undefined) {
        raise(Exc.TypeError, "slice indices must be integers or None or have an __index__ method");
      }
      i = asIndex(v);
    }
    if (typeof i === "bigint") return i < 0n ? 0 : Number.MAX_SAFE_INTEGER;
    if (i < 0) return Math.max(0, i + len);
    return i;
  };
  // As CPython's ADJUST_INDICES: end is clamped to len, start is not (start > len finds nothing).
  return [conv(start, 0), Math.min(conv(end, len), len)];
}

/** Converts a UTF-16 offset in s to a code-point offset. */
function cpOffset(s: string, utf16: number): number {
  if (!hasSurrogates(s)) return utf16;
  return Array.from(s.slice(0, utf16)).length;
}

/** Converts a code-point offset in s to a UTF-16 offset. */
function utf16Offset(s: string, cp: number): number {
  if (!hasSurrogates(s)) return cp;
  let i = 0, n = 0;
  while (n < cp && i < s.length) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    n++;
  }
  return i;
}

/** find/rfind core: code-point index of sub in s[start:end], or -1. */
function findIn(
  s: string,
  sub: string,
  start: PyValue | undefined,
  end: PyValue | undefined,
  reverse: boolean,
): number {
  const len = strLength(s);
  const [a, b] = adjustRange(start, end, len);
  if (b - a < strLength(sub)) {
    if (sub === "" && a <= len && a <= b) return reverse ? b : a;
    return -1;
  }
  if (!hasSurrogates(s)) {
    // Code points are UTF-16 units: search s itself where the range reaches its end or start (a
    // slice is another string, whose surrogate check would scan it whole at every call).
    if (!reverse && b === s.length) return s.indexOf(sub, a);
    if (reverse && a === 0) return s.lastIndexOf(sub, b - sub.length);
    const hay = s.slice(a, b);
    const i = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub);
    return i < 0 ? -1 : a + i;
  }
  const ua = utf16Offset(s, a), ub = utf16Offset(s, b);
  const hay = s.slice(ua, ub);
  const i = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  if (i < 0) return -1;
  return a + cpOffset(hay, i);
}

defMethod(strType, "find", (args) => {
  checkMethodArgs("find", args, null, 1, 3);
  return findIn(self(args, "find"), strOperand(args[1]), args[2], args[3], false);
});
defMethod(strType, "rfind", (args) => {
  checkMethodArgs("rfind", args, null, 1, 3);
  return findIn(self(args, "rfind"), strOperand(args[1]), args[2], args[3], true);
});
defMethod(strType, "index", (args) => {
  checkMethodArgs("index", args, null, 1, 3);
  const i = findIn(self(args, "index"), strOperand(args[1]), args[2], args[3], false);
  if (i < 0) raise(Exc.ValueError, "substring not found");
  return i;
});
defMethod(strType, "rindex", (args) => {
  checkMethodArgs("rindex", args, null, 1, 3);
  const i = findIn(self(args, "rindex"), strOperand(args[1]), args[2], args[3], true);
  if (i < 0) raise(Exc.ValueError, "substring not found");
  return i;
});
defMethod(strType, "count", (args) => {
  checkMethodArgs("count", args, null, 1, 3);
  const s = self(args, "count");
  const sub = strOperand(args[1]);
  const len = strLength(s);
  const [a, b] = adjustRange(args[2], args[3], len);
  if (a > len || b < a) return 0;
  const hay = s.slice(utf16Offset(s, a), utf16Offset(s, b));
  if (sub === "") return strLength(hay) + 1;
  let n = 0, i = 0;
  for (;;) {
    const j = hay.indexOf(sub, i);
    if (j < 0) return n;
    n++;
    i = j + sub.length;
  }
});

function startsEnds(name: "startswith" | "endswith") {
  return (args: PyValue[]) => {
    checkMethodArgs(name, args, null, 1, 3);
    const s = self(args, name);
    const len = strLength(s);
    const [a, b] = adjustRange(args[2], args[3], len);
    const prefixes = args[1] instanceof PyTuple ? args[1].items : [args[1]];
    for (const p of prefixes) {
      const ps = strValueOf(p);
      if (ps === undefined) {
        if (args[1] instanceof PyTuple) {
          raise(Exc.TypeError, `tuple for ${name} must only contain str, not ${typeOf(p).name}`);
        }
        raise(Exc.TypeError, `${name} first arg must be str or a tuple of str, not ${typeOf(p).name}`);
      }
      if (a > len) continue;
      if (b - a < strLength(ps)) continue;
      const hay = s.slice(utf16Offset(s, a), utf16Offset(s, b));
      if (name === "startswith" ? hay.startsWith(ps) : hay.endsWith(ps)) return true;
    }
    return false;
  };
}
defMethod(strType, "startswith", startsEnds("startswith"));
defMethod(strType, "endswith", startsEnds("endswith"));

/** str.split(sep, maxsplit) core. */
export function splitStr(s: string, sep: string | null, maxsplit: number): string[] {
  if (sep === null) {
    const out: string[] = [];
    let i = 0;
    const n = s.length;
    while (i < n && isWsCode(s.charCodeAt(i))) i++;
    while (i < n) {
      if (maxsplit >= 0 && out.length >= maxsplit) {
        // The unsplit remainder keeps its trailing whitespace.
        out.push(s.slice(i));
        return out;
      }
      let j = i;
      while (j < n && !isWsCode(s.charCodeAt(j))) j++;
      out.push(s.slice(i, j));
      i = j;
      while (i < n && isWsCode(s.charCodeAt(i))) i++;
    }
    return out;
  }
  if (sep === "") raise(Exc.ValueError, "empty separator");
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let i = 0;
  while (out.length < maxsplit) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitStr(s: string, sep: string | null, maxsplit: number): string[] {
  if (maxsplit < 0) return splitStr(s, sep, -1);
  if (sep === null) {
    const out: string[] = [];
    let i = s.length;
    while (i > 0 && isWsCode(s.charCodeAt(i - 1))) i--;
    while (i > 0) {
      if (out.length >= maxsplit) {
        out.push(s.slice(0, i));
        break;
      }
      let j = i;
      while (j > 0 && !isWsCode(s.charCodeAt(j - 1))) j--;
      out.push(s.slice(j, i));
      i = j;
      while (i > 0 && isWsCode(s.charCodeAt(i - 1))) i--;
    }
    return out.reverse();
  }
  if (sep === "") raise(Exc.ValueError, "empty separator");
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0 || end - sep.length < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function splitArgs(args: PyValue[], kwnames: string[] | null, name: string): [string | null, number] {
  const [sep, maxsplit] = bindArgs(name, args.slice(1), kwnames, ["sep", "maxsplit"], 0);
  let sepS: string | null = null;
  if (sep !== undefined && sep !== None) {
    const v = strValueOf(sep);
    if (v === undefined) raise(Exc.TypeError, `must be str or None, not ${typeOf(sep).name}`);
    sepS = v;
  }
  const m = maxsplit === undefined ? -1 : asSsizeArg(maxsplit);
  return [sepS, m];
}
defMethod(strType, "split", (args, kwnames) => {
  const [sep, m] = splitArgs(args, kwnames, "split");
  return new PyList(splitStr(self(args, "split"), sep, m));
});
defMethod(strType, "rsplit", (args, kwnames) => {
  const [sep, m] = splitArgs(args, kwnames, "rsplit");
  return new PyList(rsplitStr(self(args, "rsplit"), sep, m));
});

const LINE_BREAKS = new Set(["\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]);
defMethod(strType, "splitlines", (args, kwnames) => {
  const [keepends] = bindArgs("splitlines", args.slice(1), kwnames, ["keepends"], 0);
  const keep = keepends !== undefined && asCIntArg(keepends) !== 0;
  const s = self(args, "splitlines");
  const out: string[] = [];
  let i = 0, start = 0;
  while (i < s.length) {
    const ch = s[i];
    if (LINE_BREAKS.has(ch)) {
      let eol = i + 1;
      if (ch === "\r" && s[i + 1] === "\n") eol++;
      out.push(s.slice(start, keep ? eol : i));
      start = i = eol;
    } else i++;
  }
  if (start < s.length) out.push(s.slice(start));
  return new PyList(out);
});

defMethod(strType, "join", (args) => {
  checkMethodArgs("join", args, null, 1, 1);
  const sep = self(args, "join");
  const src = args[1];
  if (
    typeOf(src).tp_iter === null && typeOf(src).lookup("__iter__") === undefined &&
    typeOf(src).lookup("__getitem__") === undefined
  ) {
    raise(Exc.TypeError, "can only join an iterable");
  }
  // A list or tuple of strs (the usual case) is joined as it stands, without copies.
  if ((src instanceof PyList && src.cls === listType) || (src instanceof PyTuple && src.cls === tupleType)) {
    const direct = src.items;
    let i = 0;
    while (i < direct.length && typeof direct[i] === "string") i++;
    if (i === direct.length) return (direct as string[]).join(sep);
  }
  const items = toArray(src);
  const parts: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (typeof v === "string") parts[i] = v;
    else {
      const s = strValueOf(v);
      if (s === undefined) {
        raise(Exc.TypeError, `sequence item ${i}: expected str instance, ${typeOf(v).name} found`);
      }
      parts[i] = s;
    }
  }
  return parts.join(sep);
});

/**
 * str.strip/lstrip/rstrip of `s` (BMP text; `chars` null for whitespace) by char codes, without
 * the code point array the general case builds; undefined when surrogates make it not apply.
 */
function stripBmp(s: string, chars: string | null, left: boolean, right: boolean): string | undefined {
  if (hasSurrogates(s) || (chars !== null && hasSurrogates(chars))) return undefined;
  let a = 0, b = s.length;
  if (chars === null) {
    if (left) { while (a < b && isWsCode(s.charCodeAt(a))) a++; }
    if (right) { while (b > a && isWsCode(s.charCodeAt(b - 1))) b--; }
  } else {
    if (left) { while (a < b && chars.indexOf(s[a]) >= 0) a++; }
    if (right) { while (b > a && chars.indexOf(s[b - 1]) >= 0) b--; }
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function stripChars(name: string, left: boolean, right: boolean) {
  return (args: PyValue[]) => {
    checkMethodArgs(name, args, null, 0, 1);
    const s = self(args, name);
    const charsArg = args.length > 1 ? args[1] : None;
    let chars: string | null = null;
    if (charsArg !== None) {
      const c = strValueOf(charsArg);
      if (c === undefined) raise(Exc.TypeError, `${name} arg must be None or str`);
      chars = c;
    }
    const fast = stripBmp(s, chars, left, right);
    if (fast !== undefined) return fast;
    let test: (ch: string) => boolean;
    if (charsArg === None) test = isWs;
    else {
      const set = new Set(codePoints(chars!));
      test = (ch) => set.has(ch);
    }
    const cps = codePoints(s);
    let a = 0, b = cps.length;
    if (left) { while (a < b && test(cps[a])) a++; }
    if (right) { while (b > a && test(cps[b - 1])) b--; }
    if (a === 0 && b === cps.length) return s;
    return cps.slice(a, b).join("");
  };
}
defMethod(strType, "strip", stripChars("strip", true, true));
defMethod(strType, "lstrip", stripChars("lstrip", true, false));
defMethod(strType, "rstrip", stripChars("rstrip", false, true));
for (
  const [name, left, right] of [["strip", true, true], ["lstrip", true, false], [
    "rstrip",
    false,
    true,
  ]] as const
) {
  // x.strip() / x.strip(chars) without an args array (CALL's fixed-arity entry points).
  const general = stripChars(name, left, right);
  defFastMethod(
    strType,
    name,
    (v) => stripBmp(strValueOf(v)!, null, left, right) ?? general([v]),
    (v, chars) =>
      typeof chars === "string"
        ? stripBmp(strValueOf(v)!, chars, left, right) ?? general([v, chars])
        : general([v, chars]),
  );
}

defMethod(strType, "replace", (args) => {
  checkMethodArgs("replace", args, null, 2, 3);
  const s = self(args, "replace");
  const old = strArg(args[1], "replace", "argument 1"), rep = strArg(args[2], "replace", "argument 2");
  const count = args.length > 3 ? asSsizeArg(args[3]) : -1;
  if (count < 0 && old === "") return rep + codePoints(s).join(rep) + (s === "" ? "" : rep);
  if (old === "") {
    const cps = codePoints(s);
    let out = "";
    let n = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (n < count) {
        out += rep;
        n++;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  // (An indexOf loop: for the short strings of most calls 2–4× faster than split/join or
  // replaceAll, and no slower on megabytes.)
  let out = "", i = 0, n = 0;
  while (n !== count) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + rep;
    i = j + old.length;
    n++;
  }
  return out + s.slice(i);
});

defMethod(strType, "upper", (args) => self(args, "upper").toUpperCase());
defMethod(strType, "lower", (args) => self(args, "lower").toLowerCase());
defFastMethod(strType, "lower", (v) => strValueOf(v)!.toLowerCase(), null);
defMethod(strType, "casefold", (args) => casefold(self(args, "casefold")));
/** str.casefold(): lower case plus the full case folds that differ from lowercasing. */
export function casefold(s: string): string {
  return s.toLowerCase().replace(/[ßςẞ\u1e9e\ufb00-\ufb06]/g, (c) => CASEFOLD_EXTRA[c] ?? c);
}
const CASEFOLD_EXTRA: Record<string, string> = {
  "ß": "ss",
  "ς": "σ",
  "\u1e9e": "ss",
  "\ufb00": "ff",
  "\ufb01": "fi",
  "\ufb02": "fl",
  "\ufb03": "ffi",
  "\ufb04": "ffl",
  "\ufb05": "st",
  "\ufb06": "st",
};
defMethod(strType, "swapcase", (args) => {
  let out = "";
  for (const ch of self(args, "swapcase")) {
    const up = ch.toUpperCase(), low = ch.toLowerCase();
    out += ch === up ? low : up;
  }
  return out;
});
defMethod(strType, "capitalize", (args) => {
  const cps = codePoints(self(args, "capitalize"));
  if (cps.length === 0) return "";
  return titleCaseChar(cps[0]) + cps.slice(1).join("").toLowerCase();
});
function titleCaseChar(ch: string): string {
  const special: Record<string, string> = {
    "ǆ": "ǅ",
    "Ǆ": "ǅ",
    "ǉ": "ǈ",
    "Ǉ": "ǈ",
    "ǌ": "ǋ",
    "Ǌ": "ǋ",
    "ǳ": "ǲ",
    "Ǳ": "ǲ",
  };
  const t = special[ch];
  if (t !== undefined) return t;
  // Full titlecase of a character whose uppercase is several (ß → "Ss", ﬁ → "Fi").
  const upper = ch.toUpperCase();
  const cps = Array.from(upper);
  return cps.length > 1 ? cps[0] + cps.slice(1).join("").toLowerCase() : upper;
}
const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;
defMethod(strType, "title", (args) => {
  let out = "";
  let prevCased = false;
  for (const ch of self(args, "title")) {
    if (CASED.test(ch)) {
      out += prevCased ? ch.toLowerCase() : titleCaseChar(ch);
      prevCased = true;
    } else {
      out += ch;
      prevCased = /[\p{Lm}\p{Mn}]/u.test(ch) && prevCased ? prevCased : false;
    }
  }
  return out;
});

function predicate(name: string, test: (s: string) => boolean) {
  defMethod(strType, name, (args) => {
    checkMethodArgs(name, args, null, 0, 0);
    return test(self(args, name));
  });
  defFastMethod(strType, name, (v) => test(strValueOf(v)!), null);
}

/** Whether every unit of s is ASCII (the str predicates' fast path). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
const ALPHA = /^[\p{L}]+$/u;
const DECIMAL = /^\p{Nd}+$/u;
const DIGIT =
  /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u1369-\u1371\u19da]+$/u;
const NUMERIC =
  /^[\p{N}\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e07\u5104\u5146\u96f6\u58f9\u8d30\u53c1\u8086\u4f0d\u9646\u67d2\u634c\u7396\u62fe\u4f70\u4edf]+$/u;
predicate("isalpha", (s) => ALPHA.test(s));
predicate("isdecimal", (s) => DECIMAL.test(s));
predicate("isdigit", (s) => DIGIT.test(s));
predicate("isnumeric", (s) => NUMERIC.test(s));
predicate("isalnum", (s) => s.length > 0 && codePoints(s).every((c) => ALPHA.test(c) || NUMERIC.test(c)));
predicate("isspace", (s) => s.length > 0 && codePoints(s).every(isWs));
predicate("isascii", (s) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
});
predicate(
  "islower",
  (s) => isAscii(s) ? /[a-z]/.test(s) && !/[A-Z]/.test(s) : /\p{Ll}/u.test(s) && !/[\p{Lu}\p{Lt}]/u.test(s),
);
predicate(
  "isupper",
  (s) => isAscii(s) ? /[A-Z]/.test(s) && !/[a-z]/.test(s) : /\p{Lu}/u.test(s) && !/[\p{Ll}\p{Lt}]/u.test(s),
);
predicate("istitle", (s) => {
  let cased = false, prevCased = false;
  for (const ch of s) {
    if (/[\p{Lu}\p{Lt}]/u.test(ch)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (/\p{Ll}/u.test(ch)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
});
predicate("isidentifier", (s) => isIdentifier(s));
predicate("isprintable", (s) => codePoints(s).every((c) => isPrintableCodePoint(c.codePointAt(0)!)));

/** Whether s is a valid Python identifier (PEP 3131, NFKC not applied). */
export function isIdentifier(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s);
}

/** `count` copies of one character (MemoryError when V8 cannot hold them, or the heap has no room). */
function padding(fill: string, count: number): string {
  const size = count * fill.length;
  if (size > MAX_STRING_LENGTH) memoryError();
  checkHeap(size);
  return fill.repeat(count);
}

function padArgs(args: PyValue[], name: string): [string, number, string] {
  checkMethodArgs(name, args, null, 1, 2);
  const s = self(args, name);
  const w = asSsizeArg(args[1]);
  let fill = " ";
  if (args.length > 2) {
    const f = strValueOf(args[2]);
    if (f === undefined) {
      raise(Exc.TypeError, `The fill character must be a unicode character, not ${typeOf(args[2]).name}`);
    }
    fill = f;
    if (strLength(fill) !== 1) raise(Exc.TypeError, "The fill character must be exactly one character long");
  }
  return [s, w, fill];
}
defMethod(strType, "center", (args) => {
  const [s, width, fill] = padArgs(args, "center");
  const n = strLength(s);
  if (width <= n) return s;
  const marg = width - n;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return padding(fill, left) + s + padding(fill, marg - left);
});
defMethod(strType, "ljust", (args) => {
  const [s, width, fill] = padArgs(args, "ljust");
  const n = strLength(s);
  return width <= n ? s : s + padding(fill, width - n);
});
defMethod(strType, "rjust", (args) => {
  const [s, width, fill] = padArgs(args, "rjust");
  const n = strLength(s);
  return width <= n ? s : padding(fill, width - n) + s;
});
defMethod(strType, "zfill", (args) => {
  checkMethodArgs("zfill", args, null, 1, 1);
  const s = self(args, "zfill");
  const w = asSsizeArg(args[1]);
  const n = strLength(s);
  if (w <= n) return s;
  const pad = padding("0", w - n);
  if (s[0] === "+" || s[0] === "-") return s[0] + pad + s.slice(1);
  return pad + s;
});
defMethod(strType, "partition", (args) => {
  checkMethodArgs("partition", args, null, 1, 1);
  const s = self(args, "partition");
  const sep = strOperand(args[1]);
  if (sep === "") raise(Exc.ValueError, "empty separator");
  const i = s.indexOf(sep);
  if (i < 0) return newTuple([s, "", ""]);
  return newTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
});
defMethod(strType, "rpartition", (args) => {
  checkMethodArgs("rpartition", args, null, 1, 1);
  const s = self(args, "rpartition");
  const sep = strOperand(args[1]);
  if (sep === "") raise(Exc.ValueError, "empty separator");
  const i = s.lastIndexOf(sep);
  if (i < 0) return newTuple(["", "", s]);
  return newTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
});
defMethod(strType, "expandtabs", (args, kwnames) => {
  const [tabsize] = bindArgs("expandtabs", args.slice(1), kwnames, ["tabsize"], 0);
  const ts = tabsize === undefined ? 8 : asCIntArg(tabsize);
  let out = "", col = 0;
  for (const ch of self(args, "expandtabs")) {
    if (ch === "\t") {
      if (ts > 0) {
        const n = ts - (col % ts);
        out += padding(" ", n);
        if (out.length > MAX_STRING_LENGTH) memoryError();
        col += n;
      }
    } else {
      out += ch;
      col = ch === "\n" || ch === "\r" ? 0 : col + 1;
    }
  }
  return out;
});
defMethod(strType, "removeprefix", (args) => {
  checkMethodArgs("removeprefix", args, null, 1, 1);
  const s = self(args, "removeprefix");
  const p = strArg(args[1], "removeprefix", "argument");
  return p !== "" && s.startsWith(p) ? s.slice(p.length) : s;
});
defMethod(strType, "removesuffix", (args) => {
  checkMethodArgs("removesuffix", args, null, 1, 1);
  const s = self(args, "removesuffix");
  const p = strArg(args[1], "removesuffix", "argument");
  return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
});

defMethod(strType, "encode", (args, kwnames) => {
  const [encoding, errors] = bindArgs("encode", args.slice(1), kwnames, ["encoding", "errors"], 0);
  const enc = encoding === undefined ? "utf-8" : strArg(encoding, "encode", "argument 'encoding'");
  const err = errors === undefined ? "strict" : strArg(errors, "encode", "argument 'errors'");
  return new PyBytes(encodeStr(self(args, "encode"), enc, err));
});
defFastMethod(strType, "encode", (v) => new PyBytes(encodeUtf8(strValueOf(v)!, "strict")), null);

/**
 * The codecs beyond utf-8, ascii and latin-1 (utf-16, utf-32, utf-8-sig, …) for str.encode and
 * bytes.decode: lib/modules/text_codecs.ts installs them (null until then: LookupError).
 */
export const otherCodecs: {
  encode: ((s: string, encoding: string, errors: string) => Uint8Array) | null;
  decode: ((data: Uint8Array, encoding: string, errors: string) => string) | null;
} = { encode: null, decode: null };

/** Encodes a string (utf-8, ascii, latin-1; strict / ignore / replace errors; others: otherCodecs). */
export function encodeStr(s: string, encoding: string, errors: string): Uint8Array {
  const enc = normalizeEncoding(encoding);
  if (enc === "utf_8") return encodeUtf8(s, errors);
  const limit = enc === "ascii" ? 0x80 : enc === "latin_1" ? 0x100 : -1;
  if (limit < 0) {
    if (otherCodecs.encode !== null) return otherCodecs.encode(s, encoding, errors);
    raise(Exc.LookupError, `unknown encoding: ${encoding}`);
  }
  const out: number[] = [];
  const cps = Array.from(s);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i].codePointAt(0)!;
    if (c < limit) out.push(c);
    else if (errors === "ignore") continue;
    else if (errors === "replace") out.push(0x3f);
    else {
      let j = i + 1;
      while (j < cps.length && cps[j].codePointAt(0)! >= limit) j++;
      throw unicodeError(
        Exc.UnicodeEncodeError,
        [enc === "ascii" ? "ascii" : "latin-1", s, i, j, `ordinal not in range(${limit})`],
      );
    }
  }
  return new Uint8Array(out);
}

/** Strings up to this length are tried as ASCII in JavaScript before the host's UTF-8 codec. */
const SHORT_TEXT = 64;
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER_STRICT = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const UTF8_DECODER_REPLACING = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * UTF-8 of s. A short ASCII string is copied unit by unit (the host codec's call costs about a
 * microsecond, `s.encode()` of a short str was 16 times CPython's time); lone surrogates go to
 * the error handler.
 */
export function encodeUtf8(s: string, errors: string): Uint8Array {
  const n = s.length;
  if (n <= SHORT_TEXT) {
    const out = new Uint8Array(n);
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      out[i] = c;
    }
    if (i === n) return out;
  }
  if (!s.isWellFormed()) return encodeUtf8Surrogates(s, errors);
  return UTF8_ENCODER.encode(s);
}

/**
 * UTF-8 of a string with lone surrogates, each run of them given to the error handler as CPython
 * does (strict and surrogateescape raise for the run, or for its first character that
 * surrogateescape cannot map to a byte).
 */
function encodeUtf8Surrogates(s: string, errors: string): Uint8Array {
  const cps = Array.from(s);
  const isLone = (c: string) => c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff;
  const out: number[] = [];
  const encoder = new TextEncoder();
  const ascii = (text: string) => {
    for (let k = 0; k < text.length; k++) out.push(text.charCodeAt(k));
  };
  for (let i = 0; i < cps.length;) {
    if (!isLone(cps[i])) {
      for (const b of encoder.encode(cps[i])) out.push(b);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cps.length && isLone(cps[end])) end++;
    let bad = -1;
    for (let k = i; k < end; k++) {
      const c = cps[k].charCodeAt(0);
      switch (errors) {
        case "surrogateescape":
          if (c >= 0xdc80 && c <= 0xdcff) out.push(c & 0xff);
          else bad = k;
          break;
        case "surrogatepass":
          out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
          break;
        case "ignore":
          break;
        case "replace":
          out.push(0x3f);
          break;
        case "backslashreplace":
        case "namereplace":
          ascii(`\\u${c.toString(16)}`);
          break;
        case "xmlcharrefreplace":
          ascii(`&#${c};`);
          break;
        case "strict":
          bad = i;
          break;
        default:
          raise(Exc.LookupError, `unknown error handler name '${errors}'`);
      }
      if (bad >= 0) {
        throw unicodeError(Exc.UnicodeEncodeError, ["utf-8", s, bad, end, "surrogates not allowed"]);
      }
    }
    i = end;
  }
  return new Uint8Array(out);
}

function unicodeError(t: PyType, fields: PyValue[]) {
  const e = newException(t, fields);
  e.dict = new PyDict();
  ["encoding", "object", "start", "end", "reason"].forEach((n, i) => e.dict!.setStr(n, fields[i]));
  return e;
}

/**
 * Decodes bytes: utf-8 (strict and replace by the host's decoder), ascii, latin-1; other codecs,
 * utf-8's other error handlers and the exact range of a utf-8 error: otherCodecs.
 */
export function decodeBytes(data: Uint8Array, encoding: string, errors: string): string {
  const enc = normalizeEncoding(encoding);
  if (enc === "utf_8") {
    const n = data.length;
    if (n <= SHORT_TEXT) {
      let i = 0;
      while (i < n && data[i] < 0x80) i++;
      if (i === n) return String.fromCharCode.apply(null, data as unknown as number[]);
    }
    if (errors === "strict" || errors === "replace") {
      try {
        return (errors === "strict" ? UTF8_DECODER_STRICT : UTF8_DECODER_REPLACING).decode(data);
      } catch {
        // Invalid under strict: the full codec raises with CPython's range and reason.
      }
    }
    return decodeByCodec(data, "utf-8", errors);
  }
  if (enc === "latin_1") return Array.from(data, (b) => String.fromCharCode(b)).join("");
  if (enc === "ascii") {
    let out = "";
    for (let i = 0; i < data.length; i++) {
      const b = data[i];
      if (b < 0x80) out += String.fromCharCode(b);
      else if (errors === "ignore") continue;
      else if (errors === "replace") out += "\ufffd";
      else {
        throw unicodeError(Exc.UnicodeDecodeError, [
          "ascii",
          new PyBytes(data),
          i,
          i + 1,
          "ordinal not in range(128)",
        ]);
      }
    }
    return out;
  }
  return decodeByCodec(data, encoding, errors);
}

/** Decodes by lib/modules/text_codecs.ts (LookupError while it is not installed). */
function decodeByCodec(data: Uint8Array, encoding: string, errors: string): string {
  if (otherCodecs.decode !== null) return otherCodecs.decode(data, encoding, errors);
  return raise(Exc.LookupError, `unknown encoding: ${encoding}`);
}

function normalizeEncoding(e: string): string {
  const n = e.toLowerCase().replace(/[-\s]/g, "_");
  if (n === "utf8" || n === "utf_8" || n === "u8") return "utf_8";
  if (n === "ascii" || n === "us_ascii" || n === "646") return "ascii";
  if (["latin_1", "latin1", "iso_8859_1", "iso8859_1", "l1", "latin"].includes(n)) return "latin_1";
  return n;
}

// maketrans / translate
defClassMethod(strType, "maketrans", (args) => {
  checkMethodArgs("maketrans", args, null, 1, 3);
  const d = new PyDict();
  if (args.length === 2) {
    const m = args[1];
    if (!(m instanceof PyDict)) {
      raise(Exc.TypeError, "if you give only one argument to maketrans it must be a dict");
    }
    for (const k of m.keyList()) {
      const ks = strValueOf(k);
      if (ks !== undefined) {
        if (strLength(ks) !== 1) raise(Exc.ValueError, "string keys in translate table must be of length 1");
        d.set(ks.codePointAt(0)!, m.get(k)!);
      } else if (intValueOf(k) !== undefined) d.set(k, m.get(k)!);
      else raise(Exc.TypeError, "keys in translate table must be strings or integers");
    }
    return d;
  }
  if (strValueOf(args[1]) === undefined) {
    raise(Exc.TypeError, "first maketrans argument must be a string if there is a second argument");
  }
  const x = codePoints(strArg(args[1], "maketrans", "argument 1"));
  const y = codePoints(strArg(args[2], "maketrans", "argument 2"));
  if (x.length !== y.length) {
    raise(Exc.ValueError, "the first two maketrans arguments must have equal length");
  }
  for (let i = 0; i < x.length; i++) d.set(x[i].codePointAt(0)!, y[i].codePointAt(0)!);
  if (args.length > 3) {
    for (const c of codePoints(strArg(args[3], "maketrans", "argument 3"))) d.set(c.codePointAt(0)!, None);
  }
  return d;
});
defMethod(strType, "translate", (args) => {
  checkMethodArgs("translate", args, null, 1, 1);
  const table = args[1];
  let out = "";
  for (const ch of self(args, "translate")) {
    let v: PyValue;
    try {
      v = getItem(table, ch.codePointAt(0)!);
    } catch (e) {
      if (isExceptionOf(e, Exc.LookupError)) {
        out += ch;
        continue;
      }
      throw e;
    }
    if (v === None) continue;
    const s = strValueOf(v);
    if (s !== undefined) out += s;
    else {
      const i = intValueOf(v);
      if (i === undefined) raise(Exc.TypeError, "character mapping must return integer, None or str");
      if (i < 0 || i > 0x10ffff) raise(Exc.ValueError, "character mapping must be in range(0x110000)");
      out += String.fromCodePoint(Number(i));
    }
  }
  return out;
});

defMethod(strType, "format", (args, kwnames) => {
  const s = self(args, "format");
  const nkw = kwnames === null ? 0 : kwnames.length;
  const pos = args.slice(1, args.length - nkw);
  const kw = new PyDict();
  for (let i = 0; i < nkw; i++) kw.setStr(kwnames![i], args[args.length - nkw + i]);
  return strFormat(s, pos, kw);
});
defMethod(strType, "format_map", (args) => {
  checkMethodArgs("format_map", args, null, 1, 1);
  return strFormat(self(args, "format_map"), [], args[1]);
});
defMethod(strType, "__format__", (args) => {
  checkMethodArgs("__format__", args, null, 1, 1);
  const spec = strArg(args[1], "__format__", "argument");
  if (spec === "") return str(args[0]);
  return formatStr(self(args, "__format__"), spec);
});
defMethod(strType, "__mod__", (args) => percentFormat(self(args, "__mod__"), args[1]));
defMethod(strType, "__rmod__", () => NotImplemented);

// Protocol methods
strType.tp_new = (cls, args, kwnames) => {
  const s = strNew(args, kwnames);
  return cls === strType ? s : new PyStrObject(s, cls);
};
installNew(strType);

function strNew(args: PyValue[], kwnames: string[] | null): string {
  if (args.length === 0) return "";
  const [obj, encoding, errors] = bindArgs("str", args, kwnames, ["object", "encoding", "errors"], 0);
  // The encoding and errors are checked first, as CPython's argument parsing does.
  const enc = encoding === undefined ? "utf-8" : strArg(encoding, "str", "argument 'encoding'");
  const err = errors === undefined ? "strict" : strArg(errors, "str", "argument 'errors'");
  if (obj === undefined) return "";
  if (encoding === undefined && errors === undefined) return str(obj);
  let data = obj instanceof PyBytes ? obj.data : undefined;
  if (data === undefined) {
    const buffer = getBuffer(obj); // memoryview, array.array…
    if (buffer !== undefined) data = bufferBytes(buffer);
  }
  if (data === undefined) {
    if (strValueOf(obj) !== undefined) raise(Exc.TypeError, "decoding str is not supported");
    raise(Exc.TypeError, `decoding to str: need a bytes-like object, ${typeOf(obj).name} found`);
  }
  return decodeBytes(data, enc, err);
}

strType.tp_iter = (v) => {
  const s = typeof v === "string" ? v : (v as PyStrObject).value;
  if (!hasSurrogates(s)) {
    let i = 0;
    return makeIterator(strIteratorType, () => i < s.length ? s[i++] : undefined);
  }
  const cps = Array.from(s);
  let i = 0;
  return makeIterator(strIteratorType, () => i < cps.length ? cps[i++] : undefined);
};
defMethod(strType, "__iter__", (args) => strType.tp_iter!(self(args, "__iter__")));
defMethod(strType, "__len__", (args) => strLength(self(args, "__len__")));
defMethod(strType, "__getitem__", (args) => {
  const s = self(args, "__getitem__");
  const key = args[1];
  if (key instanceof PySlice) return strSlice(s, key);
  if (intValueOf(key) === undefined && typeOf(key).lookup("__index__") === undefined) {
    raise(Exc.TypeError, `string indices must be integers, not '${typeOf(key).name}'`);
  }
  return strGetItem(s, key);
});
defMethod(strType, "__contains__", (args) => {
  const s = self(args, "__contains__");
  const sub = strValueOf(args[1]);
  if (sub === undefined) {
    raise(Exc.TypeError, `'in <string>' requires string as left operand, not ${typeOf(args[1]).name}`);
  }
  return s.includes(sub);
});
defMethod(strType, "__add__", (args) => {
  const s = self(args, "__add__");
  const o = strValueOf(args[1]);
  if (o === undefined) {
    return NotImplemented;
  }
  return s + o;
});
defMethod(strType, "__mul__", (args) => {
  const n = repeatCount(args[1]);
  if (n === undefined) return NotImplemented;
  return repeatStr(self(args, "__mul__"), n, args[1]);
});
defMethod(strType, "__rmul__", (args) => {
  const n = repeatCount(args[1]);
  if (n === undefined) return NotImplemented;
  return repeatStr(self(args, "__rmul__"), n, args[1]);
});
/**
 * s * n: OverflowError when even CPython could not count the result's length, MemoryError when V8
 * cannot hold it or the heap has no room.
 */
export function repeatStr(s: string, n: number, count: PyValue = n): string {
  const size = s.length * n;
  if (size > MAX_STRING_LENGTH) {
    // n may be rounded (beyond 2**53): the exact count decides whether CPython could count it.
    const exact = intValueOf(count);
    const total = BigInt(strLength(s)) * BigInt(exact === undefined ? n : exact);
    if (total > 2n ** 63n - 1n) raise(Exc.OverflowError, "repeated string is too long");
    memoryError();
  }
  checkHeap(size);
  return s.repeat(n);
}
COMPARISON_DUNDERS.forEach((name, op) => {
  defMethod(strType, name, (args) => {
    const a = self(args, name);
    const b = strValueOf(args[1]);
    if (b === undefined) return NotImplemented;
    return compareStrings(a, b, op);
  });
});

/** Compares strings by code point (JS `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareStrings(a: string, b: string, op: number): boolean {
  let c: number;
  if (a === b) c = 0;
  else if (!hasSurrogates(a) && !hasSurrogates(b)) c = a < b ? -1 : 1;
  else {
    const x = Array.from(a, (ch) => ch.codePointAt(0)!), y = Array.from(b, (ch) => ch.codePointAt(0)!);
    c = 0;
    for (let i = 0; i < Math.min(x.length, y.length) && c === 0; i++) c = x[i] - y[i];
    if (c === 0) c = x.length - y.length;
  }
  switch (op) {
    case 0:
      return c < 0;
    case 1:
      return c <= 0;
    case 2:
      return c === 0;
    case 3:
      return c !== 0;
    case 4:
      return c > 0;
    default:
      return c >= 0;
  }
}
defMethod(strType, "__hash__", (args) => strHash(self(args, "__hash__")));
defMethod(strType, "__repr__", (args) => repr(self(args, "__repr__")));
defMethod(strType, "__str__", (args) => {
  const v = args[0];
  return typeof v === "string" ? v : self(args, "__str__");
});
defMethod(strType, "__getnewargs__", (args) => newTuple([self(args, "__getnewargs__")]));
defMethod(strType, "__sizeof__", (args) => 49 + strLength(self(args, "__sizeof__")));
