/**
 * The translator: a resolved pattern (re_ir.ts) → the sources of a JavaScript RegExp that
 * matches exactly as CPython's `re` would, or null when no exact translation exists, and then the
 * own matcher (re_engine.ts) runs the pattern. `chooseEngine` is the one place that decides. Two
 * dialects: without the unicode flag (faster in V8) for subjects with no surrogate pair, where
 * UTF-16 units are code points; with the `v` flag (code points) for the others.
 *
 * What is translated: characters and classes (as explicit code-point ranges from CPython's tables,
 * never JavaScript's `\w \d \s \b` or its case folding, which differ), `.` (`[^\n]`), anchors
 * (`$` as "end, or before a final newline"; MULTILINE's `^ $` only at `\n`), `\b \B` (lookarounds
 * over Python's word class; never in an empty string, as in CPython 3.11), groups, alternation,
 * greedy and lazy repeats, atomic groups and possessive repeats (as `(?=(X))\k`), lookarounds,
 * and backreferences to groups that are certain to be set.
 *
 * What is left to the own matcher, because JavaScript behaves differently:
 * - conditionals `(?(1)…)` (JavaScript has none);
 * - a repeat (max > min) whose body can match the empty string (JavaScript refuses an empty
 *   iteration, CPython accepts one and stops);
 * - a capturing group inside a repeat (max > 1) that some iteration may skip (JavaScript clears
 *   the captures of its body at each iteration, CPython keeps the last value);
 * - captures inside lookbehinds (V8 matches them backwards) and negative lookaheads (V8 clears
 *   them); a positive lookahead with captures gets an empty capture before it, which tells when
 *   its groups closed (lastindex);
 * - backreferences under IGNORECASE, or to a group that may be unset (JavaScript then matches the
 *   empty string, CPython fails);
 * - captures inside a possessive repeat (CPython keeps a start mark a failed branch of the body set);
 * - repeat counts beyond MAX_JS_COUNT;
 * - repeats that can backtrack exponentially (a repeat inside a repeat, or alternatives that may
 *   begin with the same character): V8 cannot be interrupted, the own matcher can. A repeat whose
 *   iterations each begin with a character nothing else in them matches (`(?:,[^,]*)*`) is safe.
 *
 * @example
 * ```ts
 * import { parsePattern } from "./re_parser.ts";
 * import { resolvePattern } from "./re_ir.ts";
 * import { chooseEngine } from "./re_translate.ts";
 * const p = parsePattern("(a)|b", 0, true);
 * console.log(chooseEngine(resolvePattern(p, true), p.groups)?.bmpSource); // "(a)|b"
 * ```
 * @module
 */
import { categoryRanges, type CharSet, setMatches } from "./re_chars.ts";
import {
  AT_END_OR_FINAL_NEWLINE,
  AT_LINE_END,
  AT_LINE_START,
  AT_NOT_WORD_BOUNDARY_ASCII,
  AT_NOT_WORD_BOUNDARY_UNICODE,
  AT_START,
  AT_STRING_END,
  AT_WORD_BOUNDARY_ASCII,
  AT_WORD_BOUNDARY_UNICODE,
  canBeEmpty,
  groupsIn,
  type Ir,
} from "./re_ir.ts";
import { GREEDY, LAZY } from "./re_parser.ts";
import { WORD_RANGES } from "../generated/re_unicode.ts";

/** A pattern as JavaScript RegExp sources. */
export interface JsTranslation {
  /** The source without the unicode flag, for subjects without surrogate pairs. */
  bmpSource: string;
  /** The source for the `v` flag (code points), for subjects with surrogate pairs. */
  fullSource: () => string;
  /** Python group g → its JavaScript group number (index 0 unused). */
  groupMap: number[];
  /** Python group g → its rank in the order groups close in the pattern text (for lastindex). */
  closeRank: number[];
  /**
   * Python group g inside a lookahead → the JavaScript group of an empty capture just before the
   * outermost lookahead (0 elsewhere): g closes, in time, at that position (for lastindex).
   */
  lookMarker: number[];
  /** Whether the pattern can match the empty string (finditer/sub then need care after one). */
  canBeEmpty: boolean;
}

/** Repeat counts above this stay with the own matcher (V8 unrolls counted repeats). */
const MAX_JS_COUNT = 10000;
const INFINITE = 0x7fffffff;

class Refuse {
  constructor(readonly why: string) {}
}

class Translator {
  jsGroups = 0;
  groupMap: number[];
  closeRank: number[];
  closes = 0;
  lookMarker: number[];
  /** The marker group of the lookahead being emitted (0 outside one). */
  marker = 0;
  constructor(groups: number, readonly bmp: boolean) {
    this.groupMap = new Array(groups + 1).fill(0);
    this.closeRank = new Array(groups + 1).fill(0);
    this.lookMarker = new Array(groups + 1).fill(0);
  }

  /** Emits n; `set` holds the groups certain to be set before it, updated to those after it. */
  emit(n: Ir, set: Set<number>): string {
    switch (n.k) {
      case "char":
        return charCode(n.c, this.bmp);
      case "set":
        return classOf(n.set, this.bmp);
      case "any":
        return n.all ? "[^]" : "[^\\n]";
      case "at":
        return atOf(n.at, this.bmp);
      case "seq": {
        let s = "";
        for (const i of n.items) s += this.atom(i, set, n.items.length > 1);
        return s;
      }
      case "alt": {
        const outs: Set<number>[] = [];
        const parts = n.alts.map((a) => {
          const s = new Set(set);
          const src = this.emit(a, s);
          outs.push(s);
          return src;
        });
        set.clear();
        for (const g of outs[0]) if (outs.every((o) => o.has(g))) set.add(g);
        return parts.join("|");
      }
      case "group": {
        const js = ++this.jsGroups;
        this.groupMap[n.index] = js;
        const body = this.emit(n.body, set);
        this.closeRank[n.index] = this.closes++;
        this.lookMarker[n.index] = this.marker;
        set.add(n.index);
        return `(${body})`;
      }
      case "repeat":
        return this.repeat(n, set);
      case "atomic": {
        const js = ++this.jsGroups;
        const body = this.emit(n.body, set);
        return `(?=(${body}))(?:\\${js})`;
      }
      case "look": {
        const head = n.behind ? (n.negate ? "(?<!" : "(?<=") : (n.negate ? "(?!" : "(?=");
        if (groupsIn(n.body).length === 0) return head + this.emit(n.body, new Set(set)) + ")";
        // V8 matches a lookbehind backwards and always clears a negative lookaround's captures
        if (n.behind || n.negate) throw new Refuse("captures inside a lookbehind or negative lookahead");
        if (this.marker !== 0) return head + this.emit(n.body, new Set(set)) + ")";
        this.marker = ++this.jsGroups;
        const body = this.emit(n.body, new Set(set));
        this.marker = 0;
        return "()" + head + body + ")";
      }
      case "ref":
        if (n.fold !== "none") throw new Refuse("backreference under IGNORECASE");
        if (!set.has(n.group)) throw new Refuse("backreference to a group that may be unset");
        return `(?:\\${this.groupMap[n.group]})`;
      case "cond":
        throw new Refuse("conditional");
    }
  }

  /** n as an atom that may take a quantifier or sit in a sequence. */
  atom(n: Ir, set: Set<number>, inSequence: boolean): string {
    const s = this.emit(n, set);
    if (n.k === "alt" && inSequence) return `(?:${s})`;
    return s;
  }

  repeat(n: Ir & { k: "repeat" }, set: Set<number>): string {
    const min = n.min, max = n.max >= INFINITE ? INFINITE : n.max;
    if (min > MAX_JS_COUNT || (max !== INFINITE && max > MAX_JS_COUNT)) {
      throw new Refuse("large repeat count");
    }
    if (max > min && canBeEmpty(n.body)) throw new Refuse("repeat of a body that can be empty");
    if (max > 1 && mayBacktrackExponentially(n.body) && !delimitedIterations(n.body)) {
      throw new Refuse("nested repetition (kept interruptible)");
    }
    const inner = groupsIn(n.body);
    if (max > 1 && inner.length > 0) {
      const must = mandatoryGroups(n.body);
      if (!inner.every((g) => must.has(g))) throw new Refuse("capture skipped by some iteration");
    }
    const single = n.body.k === "char" || n.body.k === "set" || n.body.k === "any";
    const bodySet = new Set(set);
    for (const g of inner) bodySet.delete(g);
    let quant = quantifier(min, max);
    if (n.mode === LAZY) quant += "?";
    let src: string;
    if (n.mode === GREEDY || n.mode === LAZY) {
      const body = this.emit(n.body, bodySet);
      src = (single || isGroupSource(n.body) ? body : `(?:${body})`) + quant;
    } else {
      // possessive: the whole repeat atomic, and each iteration atomic too
      if (inner.length > 0) throw new Refuse("captures in a possessive repeat");
      const outer = ++this.jsGroups;
      let body: string;
      if (single) body = this.emit(n.body, bodySet);
      else {
        const each = ++this.jsGroups;
        body = `(?:(?=(${this.emit(n.body, bodySet)}))(?:\\${each}))`;
      }
      src = `(?=(${body}${quant}))(?:\\${outer})`;
    }
    if (min >= 1) { for (const g of bodySet) set.add(g); }
    return src;
  }
}

/**
 * Whether a repeat of this body can backtrack exponentially (`(a+)+`, `(a|aa)*`): it holds a repeat
 * of its own, or an alternation whose branches may begin with the same character. V8 cannot be
 * interrupted while it matches, so such patterns go to the own matcher, which checks for Ctrl-C
 * and time budgets.
 */
function mayBacktrackExponentially(n: Ir): boolean {
  switch (n.k) {
    case "repeat":
      return n.max > 1 || mayBacktrackExponentially(n.body);
    case "seq":
      return n.items.some(mayBacktrackExponentially);
    case "alt": {
      if (n.alts.some(mayBacktrackExponentially)) return true;
      const firsts = n.alts.map(firstTest);
      for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) if (mayOverlap(firsts[i], firsts[j])) return true;
      }
      return false;
    }
    case "group":
    case "atomic":
    case "look":
      return mayBacktrackExponentially(n.body);
    case "cond":
      return true;
    default:
      return false;
  }
}

/**
 * Whether every iteration of a repeat of this body begins with one character test that nothing
 * later in the iteration can match (`(?:,[^,]*)*`, `(?:\.\d+)+`): iterations then split a subject
 * in one way only, and backtracking into the repeat costs polynomial time, as in V8.
 */
function delimitedIterations(body: Ir): boolean {
  const items = body.k === "seq" ? body.items : [body];
  if (items.length < 2) return false;
  const lead = items[0].k === "group" ? items[0].body : items[0];
  if (lead.k !== "char" && lead.k !== "set") return false;
  const first = firstTest(lead);
  return items.slice(1).every((item) => avoids(item, first));
}

/** Whether n only consumes characters that `first` does not match (without alternatives). */
function avoids(n: Ir, first: number | CharSet | null): boolean {
  switch (n.k) {
    case "char":
    case "set":
      return !mayOverlap(firstTest(n), first);
    case "at":
      return true;
    case "group":
      return avoids(n.body, first);
    case "seq":
      return n.items.every((i) => avoids(i, first));
    case "repeat":
      return (n.body.k === "char" || n.body.k === "set") && avoids(n.body, first);
    default:
      return false;
  }
}

/** The first character an alternative consumes: a code point, a set, or null (unknown/empty). */
function firstTest(n: Ir): number | CharSet | null {
  switch (n.k) {
    case "char":
      return n.c;
    case "set":
      return n.set;
    case "seq":
      return n.items.length > 0 ? firstTest(n.items[0]) : null;
    case "group":
    case "atomic":
      return firstTest(n.body);
    case "repeat":
      return n.min > 0 ? firstTest(n.body) : null;
    default:
      return null;
  }
}

function mayOverlap(a: number | CharSet | null, b: number | CharSet | null): boolean {
  if (a === null || b === null) return true;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (typeof a === "number") return setMatches(b as CharSet, a);
  if (typeof b === "number") return setMatches(a, b);
  for (let i = 0; i < 8; i++) if ((a.latin1[i] & b.latin1[i]) !== 0) return true;
  if (a.negate || b.negate || a.cats.length > 0 || b.cats.length > 0) return true;
  for (let i = 0; i < a.ranges.length; i += 2) {
    for (let j = 0; j < b.ranges.length; j += 2) {
      if (a.ranges[i] <= b.ranges[j + 1] && b.ranges[j] <= a.ranges[i + 1]) return true;
    }
  }
  return false;
}

function isGroupSource(n: Ir): boolean {
  return n.k === "group";
}

/** The groups set on every successful path through n. */
function mandatoryGroups(n: Ir): Set<number> {
  switch (n.k) {
    case "seq": {
      const out = new Set<number>();
      for (const i of n.items) for (const g of mandatoryGroups(i)) out.add(g);
      return out;
    }
    case "alt": {
      const sets = n.alts.map(mandatoryGroups);
      return new Set([...sets[0]].filter((g) => sets.every((s) => s.has(g))));
    }
    case "group": {
      const out = mandatoryGroups(n.body);
      out.add(n.index);
      return out;
    }
    case "repeat":
      return n.min >= 1 ? mandatoryGroups(n.body) : new Set();
    case "atomic":
      return mandatoryGroups(n.body);
    default:
      return new Set();
  }
}

function quantifier(min: number, max: number): string {
  if (max === INFINITE) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

// ---------------------------------------------------------------------------------------------
// Characters. Two dialects: `bmp` (no unicode flag, for subjects without surrogate pairs, where
// V8 compiles and runs faster; classes are flattened to ranges of the BMP and astral characters
// can never match) and full (the `v` flag, code points, nested classes).

function isPlain(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function hex4(c: number): string {
  return "\\u" + c.toString(16).padStart(4, "0");
}

/** A code point as a pattern atom (letters and digits as themselves, everything else escaped). */
function charCode(c: number, bmp: boolean): string {
  if (isPlain(c)) return String.fromCharCode(c);
  if (!bmp) return `\\u{${c.toString(16)}}`;
  return c > 0xffff ? "[]" : hex4(c);
}

function rangesSource(r: Int32Array | number[], bmp: boolean): string {
  let s = "";
  for (let i = 0; i < r.length; i += 2) {
    s += r[i] === r[i + 1] ? charCode(r[i], bmp) : `${charCode(r[i], bmp)}-${charCode(r[i + 1], bmp)}`;
  }
  return s;
}

const categoryCache = new Map<number, string>();

/** A category as a nested class (`[…]` or `[^…]`), for the full dialect. */
function categorySource(cat: number): string {
  let s = categoryCache.get(cat);
  if (s === undefined) {
    const [ranges, negated] = categoryRanges(cat);
    s = `[${negated ? "^" : ""}${rangesSource(ranges, false)}]`;
    categoryCache.set(cat, s);
  }
  return s;
}

/** Flattened BMP ranges of a category, negation applied. */
const bmpCategoryCache = new Map<number, number[]>();

function bmpCategory(cat: number): number[] {
  let out = bmpCategoryCache.get(cat);
  if (out === undefined) {
    const [ranges, negated] = categoryRanges(cat);
    const clipped: number[] = [];
    for (let i = 0; i < ranges.length && ranges[i] <= 0xffff; i += 2) {
      clipped.push(ranges[i], Math.min(ranges[i + 1], 0xffff));
    }
    if (!negated) out = clipped;
    else {
      out = [];
      let next = 0;
      for (let i = 0; i < clipped.length; i += 2) {
        if (clipped[i] > next) out.push(next, clipped[i] - 1);
        next = clipped[i + 1] + 1;
      }
      if (next <= 0xffff) out.push(next, 0xffff);
    }
    bmpCategoryCache.set(cat, out);
  }
  return out;
}

/** Sorts and merges flattened ranges. */
function merged(pairs: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) idx.push(i);
  idx.sort((x, y) => pairs[x] - pairs[y]);
  const out: number[] = [];
  for (const i of idx) {
    const lo = pairs[i], hi = pairs[i + 1];
    if (out.length > 0 && lo <= out[out.length - 1] + 1) {
      if (hi > out[out.length - 1]) out[out.length - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

const singleCategoryClass = new Map<string, string>();

function classOf(set: CharSet, bmp: boolean): string {
  if (set.ranges.length === 0 && set.cats.length === 1) {
    const key = `${set.cats[0]}:${set.negate}:${bmp}`;
    let s = singleCategoryClass.get(key);
    if (s === undefined) {
      s = buildClass(set, bmp);
      singleCategoryClass.set(key, s);
    }
    return s;
  }
  return buildClass(set, bmp);
}

function buildClass(set: CharSet, bmp: boolean): string {
  if (!bmp) {
    let inner = rangesSource(set.ranges, false);
    for (const cat of set.cats) inner += categorySource(cat);
    return `[${set.negate ? "^" : ""}${inner}]`;
  }
  const pairs: number[] = [];
  for (let i = 0; i < set.ranges.length && set.ranges[i] <= 0xffff; i += 2) {
    pairs.push(set.ranges[i], Math.min(set.ranges[i + 1], 0xffff));
  }
  for (const cat of set.cats) pairs.push(...bmpCategory(cat));
  return `[${set.negate ? "^" : ""}${rangesSource(set.cats.length > 0 ? merged(pairs) : pairs, true)}]`;
}

// ---------------------------------------------------------------------------------------------
// Positions

let unicodeWord: [string, string] | null = null;

/** The Unicode word class in each dialect [full, bmp]. */
function unicodeWordClass(bmp: boolean): string {
  if (unicodeWord === null) {
    const full = `[${rangesSource(WORD_RANGES, false)}]`;
    const clipped: number[] = [];
    for (let i = 0; i < WORD_RANGES.length && WORD_RANGES[i] <= 0xffff; i += 2) {
      clipped.push(WORD_RANGES[i], Math.min(WORD_RANGES[i + 1], 0xffff));
    }
    unicodeWord = [full, `[${rangesSource(clipped, true)}]`];
  }
  return unicodeWord[bmp ? 1 : 0];
}

const ASCII_WORD = "[0-9A-Z_a-z]";

function boundary(word: string, negate: boolean): string {
  if (!negate) return `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
  return `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word})(?=[^]|(?<=[^])))`;
}

function atOf(at: number, bmp: boolean): string {
  switch (at) {
    case AT_START:
      return "^";
    case AT_LINE_START:
      return "(?<=^|\\n)";
    case AT_END_OR_FINAL_NEWLINE:
      return "(?=\\n?$)";
    case AT_LINE_END:
      return "(?=\\n|$)";
    case AT_STRING_END:
      return "$";
    case AT_WORD_BOUNDARY_ASCII:
      return boundary(ASCII_WORD, false);
    case AT_NOT_WORD_BOUNDARY_ASCII:
      return boundary(ASCII_WORD, true);
    case AT_WORD_BOUNDARY_UNICODE:
      return boundary(unicodeWordClass(bmp), false);
    case AT_NOT_WORD_BOUNDARY_UNICODE:
      return boundary(unicodeWordClass(bmp), true);
  }
  throw new Refuse("unknown position");
}

/**
 * The engine for a pattern: its JavaScript translation when one is exact, or null for the own
 * matcher.
 */
export function chooseEngine(ir: Ir, groups: number): JsTranslation | null {
  const t = new Translator(groups, true);
  try {
    const bmpSource = t.emit(ir, new Set());
    let fullSource: string | null = null;
    return {
      bmpSource,
      fullSource: () => fullSource ??= new Translator(groups, false).emit(ir, new Set()),
      groupMap: t.groupMap,
      closeRank: t.closeRank,
      lookMarker: t.lookMarker,
      canBeEmpty: canBeEmpty(ir),
    };
  } catch (e) {
    if (e instanceof Refuse) return null;
    throw e;
  }
}

/** Why a pattern stays with the own matcher (for tests), or null when it is translated. */
export function whyNotTranslated(ir: Ir, groups: number): string | null {
  try {
    new Translator(groups, true).emit(ir, new Set());
    return null;
  } catch (e) {
    if (e instanceof Refuse) return e.why;
    throw e;
  }
}
