/**
 * The translator: a resolved pattern (re_ir.ts) → the source of a JavaScript RegExp (`v` flag)
 * that matches exactly as CPython's `re` would, or null when no exact translation exists, and then
 * the own matcher (re_engine.ts) runs the pattern. `chooseEngine` is the one place that decides.
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
 * - captures inside lookarounds (so that lastindex can be computed from the spans);
 * - backreferences under IGNORECASE, or to a group that may be unset (JavaScript then matches the
 *   empty string, CPython fails);
 * - captures inside a possessive repeat (CPython keeps a start mark a failed branch of the body set);
 * - repeat counts beyond MAX_JS_COUNT.
 *
 * @example
 * ```ts
 * import { parsePattern } from "./re_parser.ts";
 * import { resolvePattern } from "./re_ir.ts";
 * import { chooseEngine } from "./re_translate.ts";
 * const p = parsePattern("(a)|b", 0, true);
 * console.log(chooseEngine(resolvePattern(p, true), p.groups)?.source); // "(a)|b"
 * ```
 * @module
 */
import { type CharSet, categoryRanges } from "./re_chars.ts";
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

/** A pattern as a JavaScript RegExp source. */
export interface JsTranslation {
  /** The source, for `new RegExp(source, "v…")`. */
  source: string;
  /** Python group g → its JavaScript group number (index 0 unused). */
  groupMap: number[];
  /** Python group g → its rank in the order groups close in the pattern text (for lastindex). */
  closeRank: number[];
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
  constructor(groups: number) {
    this.groupMap = new Array(groups + 1).fill(0);
    this.closeRank = new Array(groups + 1).fill(0);
  }

  /** Emits n; `set` holds the groups certain to be set before it, updated to those after it. */
  emit(n: Ir, set: Set<number>): string {
    switch (n.k) {
      case "char":
        return charCode(n.c);
      case "set":
        return classOf(n.set);
      case "any":
        return n.all ? "[^]" : "[^\\n]";
      case "at":
        return atOf(n.at);
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
        if (groupsIn(n.body).length > 0) throw new Refuse("captures inside a lookaround");
        const body = this.emit(n.body, new Set(set));
        const head = n.behind ? (n.negate ? "(?<!" : "(?<=") : (n.negate ? "(?!" : "(?=");
        return head + body + ")";
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
    if (min > MAX_JS_COUNT || (max !== INFINITE && max > MAX_JS_COUNT)) throw new Refuse("large repeat count");
    if (max > min && canBeEmpty(n.body)) throw new Refuse("repeat of a body that can be empty");
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
    if (min >= 1) for (const g of bodySet) set.add(g);
    return src;
  }
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
// Characters

function isPlain(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A code point as a pattern atom (letters and digits as themselves, everything else escaped). */
function charCode(c: number): string {
  return isPlain(c) ? String.fromCharCode(c) : `\\u{${c.toString(16)}}`;
}

function rangesSource(r: Int32Array): string {
  let s = "";
  for (let i = 0; i < r.length; i += 2) {
    s += r[i] === r[i + 1] ? charCode(r[i]) : `${charCode(r[i])}-${charCode(r[i + 1])}`;
  }
  return s;
}

const categoryCache = new Map<number, string>();

/** A category as a nested class (`[…]` or `[^…]`). */
function categorySource(cat: number): string {
  let s = categoryCache.get(cat);
  if (s === undefined) {
    const [ranges, negated] = categoryRanges(cat);
    s = `[${negated ? "^" : ""}${rangesSource(ranges)}]`;
    categoryCache.set(cat, s);
  }
  return s;
}

function classOf(set: CharSet): string {
  let inner = rangesSource(set.ranges);
  for (const cat of set.cats) inner += categorySource(cat);
  return `[${set.negate ? "^" : ""}${inner}]`;
}

// ---------------------------------------------------------------------------------------------
// Positions

const UNICODE_WORD = `[${rangesSource(WORD_RANGES)}]`;
const ASCII_WORD = "[0-9A-Z_a-z]";
function boundary(word: string, negate: boolean): string {
  if (!negate) return `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
  return `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word})(?=[^]|(?<=[^])))`;
}

function atOf(at: number): string {
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
      return boundary(UNICODE_WORD, false);
    case AT_NOT_WORD_BOUNDARY_UNICODE:
      return boundary(UNICODE_WORD, true);
  }
  throw new Refuse("unknown position");
}

/**
 * The engine for a pattern: its JavaScript translation when one is exact, or null for the own
 * matcher.
 */
export function chooseEngine(ir: Ir, groups: number): JsTranslation | null {
  const t = new Translator(groups);
  try {
    const source = t.emit(ir, new Set());
    return { source, groupMap: t.groupMap, closeRank: t.closeRank, canBeEmpty: canBeEmpty(ir) };
  } catch (e) {
    if (e instanceof Refuse) return null;
    throw e;
  }
}

/** Why a pattern stays with the own matcher (for tests), or null when it is translated. */
export function whyNotTranslated(ir: Ir, groups: number): string | null {
  try {
    new Translator(groups).emit(ir, new Set());
    return null;
  } catch (e) {
    if (e instanceof Refuse) return e.why;
    throw e;
  }
}
