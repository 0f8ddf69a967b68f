/**
 * Characters as `re` sees them: the categories (`\d \s \w` in their ASCII and Unicode forms), the
 * case rules of IGNORECASE (ASCII, or CPython's Unicode ones: the simple lowercase, and the sets of
 * characters it treats as equal) and compiled character sets. In: code points and the tables of
 * lib/generated/re_unicode.ts (CPython 3.11's data). Out: predicates and `CharSet`s, which both
 * engines (the translator to JavaScript and the own matcher) build from.
 *
 * @example
 * ```ts
 * import { charSetOf, setMatches } from "./re_chars.ts";
 * const s = charSetOf(false, [{ kind: "range", lo: 97, hi: 122 }], "none", false);
 * console.log(setMatches(s, 0x6d), setMatches(s, 0x4d)); // true false
 * ```
 * @module
 */
import {
  CASE_ORBITS,
  DIGIT_RANGES,
  LOWER_RUNS,
  SPACE_RANGES,
  UPPER_RUNS,
  WORD_RANGES,
} from "../generated/re_unicode.ts";
import {
  CAT_DIGIT,
  CAT_NOT_DIGIT,
  CAT_NOT_SPACE,
  CAT_NOT_WORD,
  CAT_SPACE,
  CAT_WORD,
  type SetItem,
} from "./re_parser.ts";

/** How IGNORECASE folds: not at all, ASCII letters only, or CPython's Unicode rules. */
export type Fold = "none" | "ascii" | "unicode";

/** Whether c is in a flattened list of inclusive [start, end] ranges (sorted). */
export function inRanges(table: Int32Array, c: number): boolean {
  let lo = 0, hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < table[2 * mid]) hi = mid - 1;
    else if (c > table[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Categories. A category code here is the parser's CAT_* plus 6 for the Unicode forms.

/** Offset of the Unicode forms of the categories. */
export const UNICODE_CATS = 6;

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
export function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
export function isUnicodeWord(c: number): boolean {
  if (c < 128) return isAsciiWord(c);
  return inRanges(WORD_RANGES, c);
}
export function isUnicodeDigit(c: number): boolean {
  if (c < 128) return isAsciiDigit(c);
  return inRanges(DIGIT_RANGES, c);
}
export function isUnicodeSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  return inRanges(SPACE_RANGES, c);
}

/** Whether c belongs to category `cat` (ASCII codes 0–5, Unicode codes 6–11). */
export function inCategory(cat: number, c: number): boolean {
  switch (cat) {
    case CAT_DIGIT:
      return isAsciiDigit(c);
    case CAT_NOT_DIGIT:
      return !isAsciiDigit(c);
    case CAT_SPACE:
      return isAsciiSpace(c);
    case CAT_NOT_SPACE:
      return !isAsciiSpace(c);
    case CAT_WORD:
      return isAsciiWord(c);
    case CAT_NOT_WORD:
      return !isAsciiWord(c);
    case UNICODE_CATS + CAT_DIGIT:
      return isUnicodeDigit(c);
    case UNICODE_CATS + CAT_NOT_DIGIT:
      return !isUnicodeDigit(c);
    case UNICODE_CATS + CAT_SPACE:
      return isUnicodeSpace(c);
    case UNICODE_CATS + CAT_NOT_SPACE:
      return !isUnicodeSpace(c);
    case UNICODE_CATS + CAT_WORD:
      return isUnicodeWord(c);
    default:
      return !isUnicodeWord(c);
  }
}

/** The ranges a category covers (before its negation) and whether it is negated. */
export function categoryRanges(cat: number): [Int32Array, boolean] {
  const base = cat % UNICODE_CATS;
  const negated = base % 2 === 1;
  const positive = base - (negated ? 1 : 0);
  if (cat >= UNICODE_CATS) {
    if (positive === CAT_DIGIT) return [DIGIT_RANGES, negated];
    if (positive === CAT_SPACE) return [SPACE_RANGES, negated];
    return [WORD_RANGES, negated];
  }
  if (positive === CAT_DIGIT) return [ASCII_DIGIT, negated];
  if (positive === CAT_SPACE) return [ASCII_SPACE, negated];
  return [ASCII_WORD, negated];
}
const ASCII_DIGIT = new Int32Array([48, 57]);
const ASCII_SPACE = new Int32Array([9, 13, 32, 32]);
const ASCII_WORD = new Int32Array([48, 57, 65, 90, 95, 95, 97, 122]);

// ---------------------------------------------------------------------------------------------
// Case

/** IGNORECASE's lowercase of one character under `fold` (used by backreferences). */
export function lowerOf(c: number, fold: Fold): number {
  if (c < 128 || fold === "ascii") return c >= 65 && c <= 90 ? c + 32 : c;
  if (fold === "none") return c;
  return unicodeLower(c);
}

function unicodeLower(c: number): number {
  return applyRuns(LOWER_RUNS, c);
}

/** _sre's uppercase of one character: the first character of its full uppercase mapping. */
export function upperOf(c: number): number {
  return applyRuns(UPPER_RUNS, c);
}

/** A code point mapping given as runs [start, end, step, delta] (lib/generated/re_unicode.ts). */
function applyRuns(runs: Int32Array, c: number): number {
  let lo = 0, hi = runs.length / 4 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = runs[4 * mid], e = runs[4 * mid + 1];
    if (c < s) hi = mid - 1;
    else if (c > e) lo = mid + 1;
    else return (c - s) % runs[4 * mid + 2] === 0 ? c + runs[4 * mid + 3] : c;
  }
  return c;
}

let orbitIndex: Map<number, Int32Array> | null = null;
let casedSorted: Int32Array | null = null;

function orbits(): Map<number, Int32Array> {
  if (orbitIndex === null) {
    orbitIndex = new Map();
    const all: number[] = [];
    for (let i = 0; i < CASE_ORBITS.length;) {
      const n = CASE_ORBITS[i];
      const members = CASE_ORBITS.subarray(i + 1, i + 1 + n);
      for (const m of members) {
        orbitIndex.set(m, members);
        all.push(m);
      }
      i += n + 1;
    }
    casedSorted = new Int32Array(all.sort((a, b) => a - b));
  }
  return orbitIndex;
}

/** The characters IGNORECASE treats as equal to c (c included), under `fold`. */
export function caseVariants(c: number, fold: Fold): number[] {
  if (fold === "none") return [c];
  if (fold === "ascii") {
    if (c >= 65 && c <= 90) return [c, c + 32];
    if (c >= 97 && c <= 122) return [c - 32, c];
    return [c];
  }
  const o = orbits().get(c);
  return o === undefined ? [c] : Array.from(o);
}

/** Every cased character (member of an orbit) in [lo, hi], under Unicode folding. */
function casedInRange(lo: number, hi: number): number[] {
  orbits();
  const cased = casedSorted!;
  let a = 0, b = cased.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (cased[mid] < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let i = a; i < cased.length && cased[i] <= hi; i++) out.push(cased[i]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Character sets

/**
 * A compiled class: `latin1` answers for c < 256 (negation applied); above that, c matches when it
 * is in `ranges` or in one of `cats`, then `negate` flips the answer.
 */
export interface CharSet {
  negate: boolean;
  /** 256 bits: whether each c < 256 matches (final answer). */
  latin1: Uint32Array;
  /** Sorted, merged, flattened inclusive ranges (literals and ranges with their case variants). */
  ranges: Int32Array;
  /** Category codes (0–11). */
  cats: number[];
}

/** Merges ranges given as flattened pairs into sorted non-overlapping ones. */
function mergeRanges(pairs: number[]): Int32Array {
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
  return new Int32Array(out);
}

/**
 * Builds a CharSet from class items: literals and ranges match their case variants under `fold`;
 * categories use Unicode forms when `unicodeCats`.
 */
export function charSetOf(negate: boolean, items: SetItem[], fold: Fold, unicodeCats: boolean): CharSet {
  const pairs: number[] = [];
  const cats: number[] = [];
  // CPython turns a class of one literal into that literal; in any other class, its compiler keeps
  // the members past U+FFFF apart from its BMP bitmap and tests them its own way (wideMember)
  const oneLiteral = items.every((it) => it.kind === "lit" && it.c === (items[0] as { c: number }).c);
  for (const it of items) {
    if (it.kind === "cat") {
      const code = it.cat + (unicodeCats ? UNICODE_CATS : 0);
      if (!cats.includes(code)) cats.push(code);
      continue;
    }
    const lo = it.kind === "lit" ? it.c : it.lo;
    let hi = it.kind === "lit" ? it.c : it.hi;
    if (fold !== "none" && hi > 0xffff && !oneLiteral) {
      wideMember(pairs, lo, hi, it.kind === "lit", fold);
      if (lo > 0xffff) continue;
      hi = 0xffff;
    }
    pairs.push(lo, hi);
    if (fold === "none") continue;
    if (fold === "ascii") {
      const a = Math.max(lo, 65), b = Math.min(hi, 90);
      if (a <= b) pairs.push(a + 32, b + 32);
      const c = Math.max(lo, 97), d = Math.min(hi, 122);
      if (c <= d) pairs.push(c - 32, d - 32);
      continue;
    }
    for (const x of casedInRange(lo, hi)) {
      for (const v of caseVariants(x, "unicode")) pairs.push(v, v);
    }
  }
  const ranges = mergeRanges(pairs);
  const latin1 = new Uint32Array(8);
  for (let c = 0; c < 256; c++) {
    let hit = inRanges(ranges, c);
    for (let k = 0; !hit && k < cats.length; k++) hit = inCategory(cats[k], c);
    if (hit !== negate) latin1[c >> 5] |= 1 << (c & 31);
  }
  return { negate, latin1, ranges, cats };
}

let foldSpecials: Int32Array | null = null;

/** The code points some case mapping of `re` changes (lowercase or uppercase), sorted. */
function specials(): Int32Array {
  if (foldSpecials === null) {
    const all = new Set<number>();
    for (const runs of [LOWER_RUNS, UPPER_RUNS]) {
      for (let i = 0; i < runs.length; i += 4) {
        for (let c = runs[i]; c <= runs[i + 1]; c += runs[i + 2]) all.add(c);
      }
    }
    foldSpecials = new Int32Array([...all].sort((a, b) => a - b));
  }
  return foldSpecials;
}

/**
 * The pairs CPython's class member [lo, hi] reaching past U+FFFF matches under IGNORECASE (its
 * BMP part is matched as usual besides). The subject character is lowercased (ASCII or Unicode)
 * first; a literal matches that lowercase alone (so an uppercase one matches nothing), a range
 * matches it or its uppercase (_sre's, the first character of the full mapping: "ß" → "S").
 */
function wideMember(pairs: number[], lo: number, hi: number, literal: boolean, fold: Fold): void {
  const test = (c: number): boolean => {
    const l = lowerOf(c, fold);
    if (l >= lo && l <= hi) return true;
    if (literal) return false;
    const u = upperOf(l);
    return u >= lo && u <= hi;
  };
  let start = lo;
  for (const c of specials()) {
    const inside = c >= lo && c <= hi;
    if (test(c) === inside) continue;
    if (!inside) pairs.push(c, c);
    else {
      if (start < c) pairs.push(start, c - 1);
      start = c + 1;
    }
  }
  if (start <= hi) pairs.push(start, hi);
}

/** Whether c matches the set. */
export function setMatches(s: CharSet, c: number): boolean {
  if (c < 256) return (s.latin1[c >> 5] & (1 << (c & 31))) !== 0;
  return setMatchesWide(s, c);
}

function setMatchesWide(s: CharSet, c: number): boolean {
  let hit = inRanges(s.ranges, c);
  const cats = s.cats;
  for (let k = 0; !hit && k < cats.length; k++) hit = inCategory(cats[k], c);
  return hit !== s.negate;
}
