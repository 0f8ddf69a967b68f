/**
 * The resolved form of a pattern, shared by both engines: a parsed pattern (re_parser.ts) with
 * its scoped flags applied → `Ir` nodes where every character test is final (case folding,
 * ASCII or Unicode categories, `.` with or without DOTALL) and every position test names its exact
 * meaning (`$` with or without MULTILINE, `\b` ASCII or Unicode). Also the facts the translator and
 * the search loop need: whether a node can match the empty string, and the first characters a
 * match can start with.
 *
 * @example
 * ```ts
 * import { parsePattern } from "./re_parser.ts";
 * import { resolvePattern } from "./re_ir.ts";
 * const ir = resolvePattern(parsePattern("a|b", 0, true), true);
 * console.log(ir.k); // "alt"
 * ```
 * @module
 */
import { caseVariants, type CharSet, charSetOf, type Fold } from "./re_chars.ts";
import {
  AT_BEGINNING,
  AT_BEGINNING_STRING,
  AT_BOUNDARY,
  AT_END,
  AT_END_STRING,
  AT_NON_BOUNDARY,
  FLAG_ASCII,
  FLAG_DOTALL,
  FLAG_IGNORECASE,
  FLAG_LOCALE,
  FLAG_MULTILINE,
  FLAG_UNICODE,
  type ParsedPattern,
  type ReNode,
  widthOf,
} from "./re_parser.ts";

/** Exact position tests. */
export const AT_START = 0; // the beginning of the string (`^`, `\A`)
export const AT_LINE_START = 1; // `^` with MULTILINE
export const AT_END_OR_FINAL_NEWLINE = 2; // `$`
export const AT_LINE_END = 3; // `$` with MULTILINE
export const AT_STRING_END = 4; // `\Z`
export const AT_WORD_BOUNDARY_ASCII = 5;
export const AT_NOT_WORD_BOUNDARY_ASCII = 6;
export const AT_WORD_BOUNDARY_UNICODE = 7;
export const AT_NOT_WORD_BOUNDARY_UNICODE = 8;

/** A resolved node. */
export type Ir =
  | { k: "char"; c: number }
  | { k: "set"; set: CharSet }
  /** `.`: any character but `\n`, or any character at all with DOTALL. */
  | { k: "any"; all: boolean }
  | { k: "at"; at: number }
  | { k: "seq"; items: Ir[] }
  | { k: "alt"; alts: Ir[] }
  | { k: "group"; index: number; body: Ir }
  | { k: "repeat"; min: number; max: number; mode: number; body: Ir }
  | { k: "atomic"; body: Ir }
  | { k: "look"; behind: boolean; negate: boolean; width: number; body: Ir }
  | { k: "ref"; group: number; fold: Fold }
  | { k: "cond"; group: number; yes: Ir; no: Ir };

/** The empty sequence. */
export const EMPTY: Ir = { k: "seq", items: [] };

/** The fold and category semantics for a node under `flags`. */
function foldOf(flags: number, istext: boolean): Fold {
  if (!(flags & FLAG_IGNORECASE)) return "none";
  if (istext && (flags & FLAG_UNICODE) && !(flags & FLAG_ASCII) && !(flags & FLAG_LOCALE)) return "unicode";
  return "ascii";
}

function unicodeCats(flags: number, istext: boolean): boolean {
  return istext && (flags & FLAG_ASCII) === 0 && (flags & FLAG_LOCALE) === 0;
}

/** Scoped flags: a type flag added replaces the others. */
function combineFlags(flags: number, add: number, del: number): number {
  const TYPE = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
  if (add & TYPE) flags &= ~TYPE;
  return (flags | add) & ~del;
}

/** Resolves a parsed pattern (its `flags` are the global ones). */
export function resolvePattern(p: ParsedPattern, istext: boolean): Ir {
  const gw: ([number, number] | null)[] = [null];
  collectGroupWidths(p.body, gw);
  return resolveSeq(p.body, p.flags, istext, gw);
}

function collectGroupWidths(nodes: ReNode[], gw: ([number, number] | null)[]): void {
  for (const n of nodes) {
    switch (n.op) {
      case "branch":
        for (const a of n.alts) collectGroupWidths(a, gw);
        break;
      case "group":
        collectGroupWidths(n.body, gw);
        if (n.group > 0) gw[n.group] = widthOf(n.body, gw);
        break;
      case "atomic":
      case "repeat":
      case "assert":
        collectGroupWidths(n.body, gw);
        break;
      case "cond":
        collectGroupWidths(n.yes, gw);
        if (n.no !== null) collectGroupWidths(n.no, gw);
        break;
    }
  }
}

function seqOf(items: Ir[]): Ir {
  return items.length === 1 ? items[0] : { k: "seq", items };
}

function resolveSeq(nodes: ReNode[], flags: number, istext: boolean, gw: ([number, number] | null)[]): Ir {
  const out: Ir[] = [];
  for (const n of nodes) {
    const r = resolveNode(n, flags, istext, gw);
    if (r.k === "seq") out.push(...r.items);
    else out.push(r);
  }
  return seqOf(out);
}

/** A literal's node under IGNORECASE, shared between literals (long case-insensitive patterns). */
const foldedLiterals = new Map<number, Ir>();
function literalUnderFold(c: number, fold: Fold): Ir {
  const key = fold === "ascii" ? -1 - c : c;
  let node = foldedLiterals.get(key);
  if (node === undefined) {
    node = caseVariants(c, fold).length === 1
      ? { k: "char", c }
      : { k: "set", set: charSetOf(false, [{ kind: "lit", c }], fold, false) };
    if (foldedLiterals.size >= 4096) foldedLiterals.clear();
    foldedLiterals.set(key, node);
  }
  return node;
}

function resolveNode(n: ReNode, flags: number, istext: boolean, gw: ([number, number] | null)[]): Ir {
  switch (n.op) {
    case "lit": {
      const fold = foldOf(flags, istext);
      if (fold === "none") return { k: "char", c: n.c };
      return literalUnderFold(n.c, fold);
    }
    case "any":
      return { k: "any", all: (flags & FLAG_DOTALL) !== 0 };
    case "set":
      return {
        k: "set",
        set: charSetOf(n.negate, n.items, foldOf(flags, istext), unicodeCats(flags, istext)),
      };
    case "cat":
      return {
        k: "set",
        set: charSetOf(false, [{ kind: "cat", cat: n.cat }], "none", unicodeCats(flags, istext)),
      };
    case "at":
      return { k: "at", at: resolveAt(n.at, flags, istext) };
    case "branch":
      return { k: "alt", alts: n.alts.map((a) => resolveSeq(a, flags, istext, gw)) };
    case "group": {
      const inner = combineFlags(flags, n.add, n.del);
      const body = resolveSeq(n.body, inner, istext, gw);
      return n.group > 0 ? { k: "group", index: n.group, body } : body;
    }
    case "atomic":
      return { k: "atomic", body: resolveSeq(n.body, flags, istext, gw) };
    case "repeat":
      return {
        k: "repeat",
        min: n.min,
        max: n.max,
        mode: n.mode,
        body: resolveSeq(n.body, flags, istext, gw),
      };
    case "assert":
      return {
        k: "look",
        behind: n.behind,
        negate: n.negate,
        width: n.behind ? widthOf(n.body, gw)[0] : 0,
        body: resolveSeq(n.body, flags, istext, gw),
      };
    case "ref":
      return { k: "ref", group: n.group, fold: foldOf(flags, istext) };
    case "cond":
      return {
        k: "cond",
        group: n.group,
        yes: resolveSeq(n.yes, flags, istext, gw),
        no: n.no === null ? EMPTY : resolveSeq(n.no, flags, istext, gw),
      };
  }
}

function resolveAt(at: number, flags: number, istext: boolean): number {
  switch (at) {
    case AT_BEGINNING:
      return flags & FLAG_MULTILINE ? AT_LINE_START : AT_START;
    case AT_END:
      return flags & FLAG_MULTILINE ? AT_LINE_END : AT_END_OR_FINAL_NEWLINE;
    case AT_BEGINNING_STRING:
      return AT_START;
    case AT_END_STRING:
      return AT_STRING_END;
    case AT_BOUNDARY:
      return unicodeCats(flags, istext) ? AT_WORD_BOUNDARY_UNICODE : AT_WORD_BOUNDARY_ASCII;
    case AT_NON_BOUNDARY:
      return unicodeCats(flags, istext) ? AT_NOT_WORD_BOUNDARY_UNICODE : AT_NOT_WORD_BOUNDARY_ASCII;
  }
  return at;
}

// ---------------------------------------------------------------------------------------------
// Facts about nodes

/** Whether a node can match without consuming a character. */
export function canBeEmpty(n: Ir): boolean {
  switch (n.k) {
    case "char":
    case "set":
    case "any":
      return false;
    case "at":
    case "look":
      return true;
    case "seq":
      return n.items.every(canBeEmpty);
    case "alt":
      return n.alts.some(canBeEmpty);
    case "group":
    case "atomic":
      return canBeEmpty(n.body);
    case "repeat":
      return n.min === 0 || canBeEmpty(n.body);
    case "ref":
      return true;
    case "cond":
      return canBeEmpty(n.yes) || canBeEmpty(n.no);
  }
}

/** The capturing groups inside a node. */
export function groupsIn(n: Ir, out: number[] = []): number[] {
  switch (n.k) {
    case "seq":
      for (const i of n.items) groupsIn(i, out);
      break;
    case "alt":
      for (const a of n.alts) groupsIn(a, out);
      break;
    case "group":
      out.push(n.index);
      groupsIn(n.body, out);
      break;
    case "repeat":
    case "atomic":
    case "look":
      groupsIn(n.body, out);
      break;
    case "cond":
      groupsIn(n.yes, out);
      groupsIn(n.no, out);
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CPython's search prefilter

/**
 * CPython's search skips start positions whose character is not in a "charset prefix" computed
 * from the pattern's first class, but compiles that class's categories (`\w`, `\d`, `\s`) with the
 * pattern's global flags rather than the scoped ones: so `re.search(r'(?a:\W)', 'é')` finds
 * nothing although `re.match` matches. This gives that prefilter when it differs from the true
 * first-character test (a first class with categories under a scoped ASCII/UNICODE/LOCALE flag
 * that the global flags do not share), else null. The own matcher then uses it in search.
 */
export function searchPrefilterQuirk(p: ParsedPattern, istext: boolean): CharSet | null {
  if (widthOf(p.body, [])[0] === 0) return null;
  let nodes = p.body;
  let flags = p.flags;
  for (;;) {
    if (nodes.length === 0) return null;
    const n = nodes[0];
    if (n.op !== "group") break;
    flags = combineFlags(flags, n.add, n.del);
    if (flags & FLAG_IGNORECASE && flags & FLAG_LOCALE) return null;
    nodes = n.body;
  }
  const first = nodes[0];
  const items = first.op === "set"
    ? first.items
    : first.op === "cat"
    ? [{ kind: "cat" as const, cat: first.cat }]
    : null;
  if (items === null || !items.some((it) => it.kind === "cat")) return null;
  if (unicodeCats(flags, istext) === unicodeCats(p.flags, istext)) return null;
  if (flags & FLAG_IGNORECASE && !(flags & FLAG_LOCALE)) {
    // CPython gives up on the prefix when a member has case
    const fold = foldOf(flags, istext);
    for (const it of items) {
      if (it.kind === "lit" && caseVariants(it.c, fold).length > 1) return null;
      if (it.kind === "range") {
        if (it.hi > 0xffff) return null;
        for (let c = it.lo; c <= it.hi; c++) if (caseVariants(c, fold).length > 1) return null;
      }
    }
  }
  const negate = first.op === "set" && first.negate;
  return charSetOf(negate, items, "none", unicodeCats(p.flags, istext));
}
