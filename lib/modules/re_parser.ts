/**
 * The pattern parser of `re`: the text of a regular expression (str or bytes, as code points) and
 * the flags passed to compile() → a syntax tree (`ReNode` lists), the group count and names, and
 * the pattern's final flags; or a `RegexSyntaxError` with CPython 3.11's message and position
 * ("missing ), unterminated subpattern" at 0), or the ValueError / OverflowError CPython raises.
 *
 * The grammar and every check follow what CPython's `re` accepts and reports: escapes (`\x..`,
 * `\u....`, `\U........`, `\N{name}`, octal, group references), classes, repeats (greedy, lazy,
 * possessive), groups of every kind, inline flags (global ones only at the start), conditionals,
 * and VERBOSE whitespace and comments. Positions are those of CPython's tokenizer: the index of the
 * next unread token minus an offset given per message.
 *
 * @example
 * ```ts
 * import { parsePattern } from "./re_parser.ts";
 * const p = parsePattern("(?P<y>\\d+)-x", 0, true);
 * console.log(p.groups, p.groupIndex.get("y")); // 1 1
 * ```
 * @module
 */
import { lookupUnicodeName } from "../../lexer/unicode_names.ts";
import { strRepr } from "../../objects/repr.ts";
import { isIdentifier } from "../../objects/types/str.ts";

// ---------------------------------------------------------------------------------------------
// Flags (the values of re.RegexFlag)

export const FLAG_TEMPLATE = 1;
export const FLAG_IGNORECASE = 2;
export const FLAG_LOCALE = 4;
export const FLAG_MULTILINE = 8;
export const FLAG_DOTALL = 16;
export const FLAG_UNICODE = 32;
export const FLAG_VERBOSE = 64;
export const FLAG_DEBUG = 128;
export const FLAG_ASCII = 256;

/** The inline flag letters. */
const FLAG_LETTERS: Record<string, number> = {
  i: FLAG_IGNORECASE,
  L: FLAG_LOCALE,
  m: FLAG_MULTILINE,
  s: FLAG_DOTALL,
  x: FLAG_VERBOSE,
  a: FLAG_ASCII,
  t: FLAG_TEMPLATE,
  u: FLAG_UNICODE,
};
/** Flags that choose the character semantics (at most one). */
const TYPE_FLAGS = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
/** Flags that only apply to the whole pattern. */
const GLOBAL_FLAGS = FLAG_DEBUG | FLAG_TEMPLATE;

/** CPython's limit on a repeat count (`_sre.MAXREPEAT`); also "no upper bound". */
export const MAXREPEAT = 4294967295;
/** `_sre.MAXGROUPS`. */
export const MAXGROUPS = 1073741823;

// ---------------------------------------------------------------------------------------------
// The syntax tree

/** Categories (`\d \D \s \S \w \W`); which semantics apply is decided by the flags later. */
export const CAT_DIGIT = 0,
  CAT_NOT_DIGIT = 1,
  CAT_SPACE = 2,
  CAT_NOT_SPACE = 3,
  CAT_WORD = 4,
  CAT_NOT_WORD = 5;
/** Positions (`^ $ \A \Z \b \B`). */
export const AT_BEGINNING = 0, AT_END = 1, AT_BEGINNING_STRING = 2, AT_END_STRING = 3;
export const AT_BOUNDARY = 4, AT_NON_BOUNDARY = 5;

/** How a repeat backtracks. */
export const GREEDY = 0, LAZY = 1, POSSESSIVE = 2;

/** One member of a character class. */
export type SetItem =
  | { kind: "lit"; c: number }
  | { kind: "range"; lo: number; hi: number }
  | { kind: "cat"; cat: number };

/** A node of the syntax tree; a sequence is a `ReNode[]`. */
export type ReNode =
  | { op: "lit"; c: number }
  | { op: "any" }
  | { op: "set"; negate: boolean; items: SetItem[] }
  | { op: "cat"; cat: number }
  | { op: "at"; at: number }
  | { op: "branch"; alts: ReNode[][] }
  /** A group: capturing when group > 0; add/del are scoped inline flags. */
  | { op: "group"; group: number; add: number; del: number; body: ReNode[] }
  | { op: "atomic"; body: ReNode[] }
  | { op: "repeat"; min: number; max: number; mode: number; body: ReNode[] }
  | { op: "assert"; behind: boolean; negate: boolean; body: ReNode[] }
  | { op: "ref"; group: number }
  | { op: "cond"; group: number; yes: ReNode[]; no: ReNode[] | null };

/** A parsed pattern. */
export interface ParsedPattern {
  body: ReNode[];
  /** The final flags (UNICODE added to str patterns without ASCII). */
  flags: number;
  /** Capturing groups (not counting group 0). */
  groups: number;
  groupIndex: Map<string, number>;
  /** Warnings CPython gives while parsing: [category name, message]. */
  warnings: [string, string][];
}

/** A syntax error in a pattern: re.error(msg, pattern, pos); pos is null when CPython gives none. */
export class RegexSyntaxError {
  /** The warnings CPython gave before the error (its parser gives them as it goes). */
  warnings: [string, string][] = [];
  constructor(readonly msg: string, readonly pos: number | null) {}
}

/** A ValueError or OverflowError raised while compiling (not re.error). */
export class RegexValueError {
  /** The warnings CPython gave before the error. */
  warnings: [string, string][] = [];
  constructor(readonly type: "ValueError" | "OverflowError" | "RecursionError", readonly msg: string) {}
}

/** The width range of a node list: [min, max], max = MAXREPEAT - 1 at most (as CPython caps it). */
export function widthOf(nodes: ReNode[], groupWidths: ([number, number] | null)[]): [number, number] {
  let lo = 0, hi = 0;
  for (const n of nodes) {
    const [l, h] = nodeWidth(n, groupWidths);
    lo += l;
    hi += h;
  }
  return [Math.min(lo, MAXREPEAT - 1), Math.min(hi, MAXREPEAT - 1)];
}

function nodeWidth(n: ReNode, gw: ([number, number] | null)[]): [number, number] {
  switch (n.op) {
    case "lit":
    case "any":
    case "set":
    case "cat":
      return [1, 1];
    case "at":
    case "assert":
      return [0, 0];
    case "branch": {
      let lo = Infinity, hi = 0;
      for (const a of n.alts) {
        const [l, h] = widthOf(a, gw);
        lo = Math.min(lo, l);
        hi = Math.max(hi, h);
      }
      return [lo === Infinity ? 0 : lo, hi];
    }
    case "group":
    case "atomic":
      return widthOf(n.body, gw);
    case "repeat": {
      const [l, h] = widthOf(n.body, gw);
      return [l * n.min, h * n.max];
    }
    case "ref": {
      const w = gw[n.group];
      return w === null || w === undefined ? [0, 0] : w;
    }
    case "cond": {
      const [l, h] = widthOf(n.yes, gw);
      if (n.no === null) return [0, h];
      const [l2, h2] = widthOf(n.no, gw);
      return [Math.min(l, l2), Math.max(h, h2)];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The tokenizer: one code point, or a backslash and the code point after it

const DIGITS = "0123456789";
const OCTDIGITS = "01234567";
const HEXDIGITS = "0123456789abcdefABCDEF";
const ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const WHITESPACE = " \t\n\r\v\f";
const SPECIAL_CHARS = ".\\[{()*+?^$|";
/**
 * Nesting beyond this raises RecursionError, as CPython's recursive parser does (two of its frames a
 * group, under the default recursion limit of 1000, called from the top level: 495 groups deep).
 */
const MAX_NESTING = 991;

/** The tokenizer of patterns and templates (errors come as CPython's, at the same moments). */
export class Source {
  /** The pattern's characters (one code point each). */
  readonly chars: string[];
  /** Index (in code points) just after the next token. */
  index = 0;
  /** The next token: one character, or a backslash and the character after it; null at the end. */
  next: string | null = null;
  /** How many characters the next token spans (1 or 2). */
  private nextLen = 0;
  constructor(readonly istext: boolean, text: string) {
    this.chars = istext ? Array.from(text) : text.split("");
    this.advance();
  }
  private advance(): void {
    const i = this.index;
    if (i >= this.chars.length) {
      this.next = null;
      this.nextLen = 0;
      return;
    }
    const ch = this.chars[i];
    if (ch === "\\") {
      if (i + 1 >= this.chars.length) {
        throw new RegexSyntaxError("bad escape (end of pattern)", this.chars.length - 1);
      }
      this.next = ch + this.chars[i + 1];
      this.nextLen = 2;
    } else {
      this.next = ch;
      this.nextLen = 1;
    }
    this.index = i + this.nextLen;
  }
  match(ch: string): boolean {
    if (ch === this.next) {
      this.advance();
      return true;
    }
    return false;
  }
  get(): string | null {
    const t = this.next;
    this.advance();
    return t;
  }
  getwhile(n: number, charset: string): string {
    let result = "";
    for (let k = 0; k < n; k++) {
      const c = this.next;
      if (c === null || this.nextLen !== 1 || !charset.includes(c)) break;
      result += c;
      this.advance();
    }
    return result;
  }
  getuntil(terminator: string, name: string): string {
    let result = "";
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (result === "") throw this.error("missing " + name);
        throw this.error(`missing ${terminator}, unterminated name`, cpLen(result));
      }
      if (c === terminator) {
        if (result === "") throw this.error("missing " + name, 1);
        break;
      }
      result += c;
    }
    return result;
  }
  tell(): number {
    return this.index - this.nextLen;
  }
  seek(index: number): void {
    this.index = index;
    this.advance();
  }
  error(msg: string, offset = 0): RegexSyntaxError {
    return new RegexSyntaxError(msg, this.tell() - offset);
  }
}

/** Length of a token or name in code points (tokens are code-point strings already split). */
export function cpLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Whether a token is one plain character from `set`. */
export function isChar(tok: string | null, set: string): boolean {
  return tok !== null && tok.length > 0 && !tok.startsWith("\\") && cpLen(tok) === 1 && set.includes(tok);
}

function ord(ch: string): number {
  return ch.codePointAt(0)!;
}

/** CPython's DeprecationWarning for a group name with non-ASCII characters in a bytes pattern. */
export function warnNonAsciiName(source: Source, warnings: [string, string][], name: string): void {
  if (source.istext || ![...name].some((ch) => ch.charCodeAt(0) > 0x7f)) return;
  const at = source.tell() - cpLen(name) - 1;
  warnings.push([
    "DeprecationWarning",
    `bad character in group name ${nameRepr(name, false)} at position ${at}`,
  ]);
}

/**
 * A name as CPython's messages show it: repr() in a str pattern or template, ascii() in a bytes
 * one (its characters are Latin-1 code points there).
 */
export function nameRepr(name: string, istext: boolean): string {
  const r = strRepr(name);
  return istext
    ? r
    : r.replace(/[\u0080-\u00ff]/g, (ch) => "\\x" + ch.charCodeAt(0).toString(16).padStart(2, "0"));
}

/** Python's int() of a group name in a conditional, or null when int() would fail. */
function pyIntOf(s: string): number | null {
  const t = s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, "");
  const m = /^([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)$/u.exec(t);
  if (m === null) return null;
  let v = 0;
  for (const ch of m[2]) {
    if (ch === "_") continue;
    v = v * 10 + decimalValue(ch);
  }
  return m[1] === "-" ? -v : v;
}

function decimalValue(ch: string): number {
  const c = ord(ch);
  if (c < 0x80) return c - 48;
  let start = c;
  while (/^\p{Nd}$/u.test(String.fromCodePoint(start - 1))) start--;
  return (c - start) % 10;
}

// ---------------------------------------------------------------------------------------------
// Parser state

class State {
  flags: number;
  /** A str pattern (else bytes). */
  readonly istext: boolean;
  groupIndex = new Map<string, number>();
  /** Width of each closed group (index 0 unused); null while the group is open. */
  groupWidths: ([number, number] | null)[] = [null];
  /** Group count when the innermost lookbehind started, or null outside lookbehinds. */
  lookbehindGroups: number | null = null;
  /** Conditional group numbers → position of the reference (checked at the end). */
  grouprefPos = new Map<number, number>();
  warnings: [string, string][] = [];
  constructor(flags: number, istext: boolean) {
    this.flags = flags;
    this.istext = istext;
  }
  get groups(): number {
    return this.groupWidths.length;
  }
  openGroup(name: string | null): number {
    const gid = this.groups;
    this.groupWidths.push(null);
    if (this.groups > MAXGROUPS) throw new RegexSyntaxError("too many groups", null);
    if (name !== null) {
      const old = this.groupIndex.get(name);
      if (old !== undefined) {
        throw new RegexSyntaxError(
          `redefinition of group name ${nameRepr(name, this.istext)} as group ${gid}; was group ${old}`,
          null,
        );
      }
      this.groupIndex.set(name, gid);
    }
    return gid;
  }
  closeGroup(gid: number, body: ReNode[]): void {
    this.groupWidths[gid] = widthOf(body, this.groupWidths);
  }
  checkGroup(gid: number): boolean {
    return gid < this.groups && this.groupWidths[gid] !== null;
  }
  checkLookbehindGroup(gid: number, source: Source): void {
    if (this.lookbehindGroups !== null) {
      if (!this.checkGroup(gid)) throw source.error("cannot refer to an open group");
      if (gid >= this.lookbehindGroups) {
        throw source.error("cannot refer to group defined in the same lookbehind subpattern");
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Escapes

const SIMPLE_ESCAPES: Record<string, number> = {
  "\\a": 7,
  "\\f": 12,
  "\\n": 10,
  "\\r": 13,
  "\\t": 9,
  "\\v": 11,
  "\\\\": 92,
};

const CATEGORY_ESCAPES: Record<string, number> = {
  "\\d": CAT_DIGIT,
  "\\D": CAT_NOT_DIGIT,
  "\\s": CAT_SPACE,
  "\\S": CAT_NOT_SPACE,
  "\\w": CAT_WORD,
  "\\W": CAT_NOT_WORD,
};

const AT_ESCAPES: Record<string, number> = {
  "\\A": AT_BEGINNING_STRING,
  "\\Z": AT_END_STRING,
  "\\b": AT_BOUNDARY,
  "\\B": AT_NON_BOUNDARY,
};

/** `\x`, `\u`, `\U`, `\N` (shared by both escape kinds); null when `escape` is none of them. */
function numericEscape(source: Source, escape: string): number | null {
  const c = escape[1];
  if (c === "x") {
    escape += source.getwhile(2, HEXDIGITS);
    if (escape.length !== 4) throw source.error(`incomplete escape ${escape}`, escape.length);
    return parseInt(escape.slice(2), 16);
  }
  if (c === "u" && source.istext) {
    escape += source.getwhile(4, HEXDIGITS);
    if (escape.length !== 6) throw source.error(`incomplete escape ${escape}`, escape.length);
    return parseInt(escape.slice(2), 16);
  }
  if (c === "U" && source.istext) {
    escape += source.getwhile(8, HEXDIGITS);
    if (escape.length !== 10) throw source.error(`incomplete escape ${escape}`, escape.length);
    const v = parseInt(escape.slice(2), 16);
    if (v > 0x10ffff) throw source.error(`bad escape ${escape}`, escape.length);
    return v;
  }
  if (c === "N" && source.istext) {
    if (!source.match("{")) throw source.error("missing {");
    const name = source.getuntil("}", "character name");
    const v = lookupUnicodeName(name);
    if (v < 0) throw source.error(`undefined character name ${nameRepr(name, true)}`, cpLen(name) + 4);
    return v;
  }
  return null;
}

function classEscape(source: Source, escape: string): SetItem {
  const simple = SIMPLE_ESCAPES[escape];
  if (simple !== undefined) return { kind: "lit", c: simple };
  if (escape === "\\b") return { kind: "lit", c: 8 };
  const cat = CATEGORY_ESCAPES[escape];
  if (cat !== undefined) return { kind: "cat", cat };
  const num = numericEscape(source, escape);
  if (num !== null) return { kind: "lit", c: num };
  const c = escape.slice(1);
  if (OCTDIGITS.includes(c)) {
    escape += source.getwhile(2, OCTDIGITS);
    const v = parseInt(escape.slice(1), 8);
    if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
    return { kind: "lit", c: v };
  }
  if (DIGITS.includes(c) || ASCIILETTERS.includes(c)) throw source.error(`bad escape ${escape}`, 2);
  return { kind: "lit", c: ord(c) };
}

function escapeNode(source: Source, escape: string, state: State): ReNode {
  const cat = CATEGORY_ESCAPES[escape];
  if (cat !== undefined) return { op: "cat", cat };
  const at = AT_ESCAPES[escape];
  if (at !== undefined) return { op: "at", at };
  const simple = SIMPLE_ESCAPES[escape];
  if (simple !== undefined) return { op: "lit", c: simple };
  const num = numericEscape(source, escape);
  if (num !== null) return { op: "lit", c: num };
  const c = escape.slice(1);
  if (c === "0") {
    escape += source.getwhile(2, OCTDIGITS);
    return { op: "lit", c: parseInt(escape.slice(1), 8) };
  }
  if (DIGITS.includes(c)) {
    // an octal escape or a group reference
    if (isChar(source.next, DIGITS)) {
      escape += source.get();
      if (OCTDIGITS.includes(escape[1]) && OCTDIGITS.includes(escape[2]) && isChar(source.next, OCTDIGITS)) {
        escape += source.get();
        const v = parseInt(escape.slice(1), 8);
        if (v > 0o377) {
          throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
        }
        return { op: "lit", c: v };
      }
    }
    const group = parseInt(escape.slice(1), 10);
    if (group < state.groups) {
      if (!state.checkGroup(group)) throw source.error("cannot refer to an open group", escape.length);
      state.checkLookbehindGroup(group, source);
      return { op: "ref", group };
    }
    throw source.error(`invalid group reference ${group}`, escape.length - 1);
  }
  if (ASCIILETTERS.includes(c)) throw source.error(`bad escape ${escape}`, 2);
  return { op: "lit", c: ord(c) };
}

// ---------------------------------------------------------------------------------------------
// The grammar

function parseSub(source: Source, state: State, verbose: boolean, nested: number): ReNode[] {
  const alts: ReNode[][] = [];
  for (;;) {
    alts.push(parseSeq(source, state, verbose, nested + 1, nested === 0 && alts.length === 0));
    if (!source.match("|")) break;
  }
  if (alts.length === 1) return alts[0];
  return [{ op: "branch", alts }];
}

function parseSet(source: Source, state: State): ReNode {
  const here = source.tell() - 1;
  if (source.next === "[") {
    state.warnings.push(["FutureWarning", `Possible nested set at position ${here + 1}`]);
  }
  const negate = source.match("^");
  const items: SetItem[] = [];
  let first = true;
  for (;;) {
    const tok = source.get();
    if (tok === null) throw new RegexSyntaxError("unterminated character set", here);
    if (tok === "]" && !first) break;
    first = false;
    let code1: SetItem;
    if (tok.startsWith("\\")) code1 = classEscape(source, tok);
    else {
      if (items.length > 0 && "-&~|".includes(tok) && source.next === tok) {
        const what = tok === "-"
          ? "difference"
          : tok === "&"
          ? "intersection"
          : tok === "~"
          ? "symmetric difference"
          : "union";
        state.warnings.push(["FutureWarning", `Possible set ${what} at position ${source.tell() - 1}`]);
      }
      code1 = { kind: "lit", c: ord(tok) };
    }
    if (source.match("-")) {
      const that = source.get();
      if (that === null) throw new RegexSyntaxError("unterminated character set", here);
      if (that === "]") {
        items.push(code1, { kind: "lit", c: 45 });
        break;
      }
      let code2: SetItem;
      if (that.startsWith("\\")) code2 = classEscape(source, that);
      else {
        if (that === "-") {
          state.warnings.push(["FutureWarning", `Possible set difference at position ${source.tell() - 2}`]);
        }
        code2 = { kind: "lit", c: ord(that) };
      }
      if (code1.kind !== "lit" || code2.kind !== "lit") {
        throw source.error(`bad character range ${tok}-${that}`, cpLen(tok) + 1 + cpLen(that));
      }
      if (code2.c < code1.c) {
        throw source.error(`bad character range ${tok}-${that}`, cpLen(tok) + 1 + cpLen(that));
      }
      items.push({ kind: "range", lo: code1.c, hi: code2.c });
    } else items.push(code1);
  }
  return { op: "set", negate, items };
}

function parseSeq(source: Source, state: State, verbose: boolean, nested: number, first: boolean): ReNode[] {
  if (nested > MAX_NESTING) throw new RegexValueError("RecursionError", "maximum recursion depth exceeded");
  const seq: ReNode[] = [];
  for (;;) {
    const tok = source.next;
    if (tok === null || tok === "|" || tok === ")") break;
    source.get();
    if (verbose) {
      if (isChar(tok, WHITESPACE)) continue;
      if (tok === "#") {
        for (;;) {
          const t = source.get();
          if (t === null || t === "\n") break;
        }
        continue;
      }
    }
    if (tok.startsWith("\\")) {
      seq.push(escapeNode(source, tok, state));
      continue;
    }
    if (!SPECIAL_CHARS.includes(tok)) {
      seq.push({ op: "lit", c: ord(tok) });
      continue;
    }
    switch (tok) {
      case "[":
        seq.push(parseSet(source, state));
        break;
      case "*":
      case "+":
      case "?":
      case "{":
        parseRepeat(source, seq, tok);
        break;
      case ".":
        seq.push({ op: "any" });
        break;
      case "(": {
        const done = parseGroup(source, state, verbose, nested, first, seq);
        if (done === "verbose-on") verbose = (state.flags & FLAG_VERBOSE) !== 0;
        break;
      }
      case "^":
        seq.push({ op: "at", at: AT_BEGINNING });
        break;
      case "$":
        seq.push({ op: "at", at: AT_END });
        break;
    }
  }
  // Non-capturing groups without flags dissolve into the sequence.
  const out: ReNode[] = [];
  for (const n of seq) {
    if (n.op === "group" && n.group === 0 && n.add === 0 && n.del === 0) out.push(...n.body);
    else out.push(n);
  }
  return out;
}

function parseRepeat(source: Source, seq: ReNode[], tok: string): void {
  const here = source.tell();
  let min = 0, max = MAXREPEAT;
  if (tok === "?") max = 1;
  else if (tok === "+") min = 1;
  else if (tok === "{") {
    if (source.next === "}") {
      seq.push({ op: "lit", c: ord(tok) });
      return;
    }
    let lo = "", hi = "";
    while (isChar(source.next, DIGITS)) lo += source.get();
    if (source.match(",")) {
      while (isChar(source.next, DIGITS)) hi += source.get();
    } else hi = lo;
    if (!source.match("}")) {
      seq.push({ op: "lit", c: ord(tok) });
      source.seek(here);
      return;
    }
    if (lo !== "") {
      min = Number(lo);
      if (min >= MAXREPEAT) throw new RegexValueError("OverflowError", "the repetition number is too large");
    }
    if (hi !== "") {
      max = Number(hi);
      if (max >= MAXREPEAT) throw new RegexValueError("OverflowError", "the repetition number is too large");
      if (max < min) throw source.error("min repeat greater than max repeat", source.tell() - here);
    }
  }
  const last = seq.length > 0 ? seq[seq.length - 1] : null;
  if (last === null || last.op === "at") throw source.error("nothing to repeat", source.tell() - here + 1);
  if (last.op === "repeat") throw source.error("multiple repeat", source.tell() - here + 1);
  let body: ReNode[];
  if (last.op === "group" && last.group === 0 && last.add === 0 && last.del === 0) body = last.body;
  else body = [last];
  let mode = GREEDY;
  if (source.match("?")) mode = LAZY;
  else if (source.match("+")) mode = POSSESSIVE;
  seq[seq.length - 1] = { op: "repeat", min, max, mode, body };
}

/** Parses after `(`; returns "verbose-on" when global flags were set (VERBOSE may have changed). */
function parseGroup(
  source: Source,
  state: State,
  verbose: boolean,
  nested: number,
  first: boolean,
  seq: ReNode[],
): string | null {
  const start = source.tell() - 1;
  let capture = true, atomic = false;
  let name: string | null = null;
  let addFlags = 0, delFlags = 0;
  if (source.match("?")) {
    const ch = source.get();
    if (ch === null) throw source.error("unexpected end of pattern");
    if (ch === "P") {
      if (source.match("<")) {
        name = source.getuntil(">", "group name");
        if (!isIdentifier(name)) {
          throw source.error(`bad character in group name ${nameRepr(name, source.istext)}`, cpLen(name) + 1);
        }
        warnNonAsciiName(source, state.warnings, name);
      } else if (source.match("=")) {
        const ref = source.getuntil(")", "group name");
        if (!isIdentifier(ref)) {
          throw source.error(`bad character in group name ${nameRepr(ref, source.istext)}`, cpLen(ref) + 1);
        }
        warnNonAsciiName(source, state.warnings, ref);
        const gid = state.groupIndex.get(ref);
        if (gid === undefined) {
          throw source.error(`unknown group name ${nameRepr(ref, source.istext)}`, cpLen(ref) + 1);
        }
        if (!state.checkGroup(gid)) throw source.error("cannot refer to an open group", cpLen(ref) + 1);
        state.checkLookbehindGroup(gid, source);
        seq.push({ op: "ref", group: gid });
        return null;
      } else {
        const c2 = source.get();
        if (c2 === null) throw source.error("unexpected end of pattern");
        throw source.error("unknown extension ?P" + c2, cpLen(c2) + 2);
      }
    } else if (ch === ":") capture = false;
    else if (ch === "#") {
      for (;;) {
        if (source.next === null) {
          throw source.error("missing ), unterminated comment", source.tell() - start);
        }
        if (source.get() === ")") break;
      }
      return null;
    } else if (ch === "=" || ch === "!" || ch === "<") {
      let kind = ch;
      let behind = false;
      let savedLookbehind: number | null = null;
      if (ch === "<") {
        const c2 = source.get();
        if (c2 === null) throw source.error("unexpected end of pattern");
        if (c2 !== "=" && c2 !== "!") throw source.error("unknown extension ?<" + c2, cpLen(c2) + 2);
        kind = c2;
        behind = true;
        savedLookbehind = state.lookbehindGroups;
        if (savedLookbehind === null) state.lookbehindGroups = state.groups;
      }
      const body = parseSub(source, state, verbose, nested + 1);
      if (behind && savedLookbehind === null) state.lookbehindGroups = null;
      if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
      seq.push({ op: "assert", behind, negate: kind === "!", body });
      return null;
    } else if (ch === "(") {
      const condName = source.getuntil(")", "group name");
      let condGroup: number;
      if (isIdentifier(condName)) {
        warnNonAsciiName(source, state.warnings, condName);
        const g = state.groupIndex.get(condName);
        if (g === undefined) {
          throw source.error(`unknown group name ${nameRepr(condName, source.istext)}`, cpLen(condName) + 1);
        }
        condGroup = g;
      } else {
        const v = pyIntOf(condName);
        if (v === null || v < 0) {
          throw source.error(
            `bad character in group name ${nameRepr(condName, source.istext)}`,
            cpLen(condName) + 1,
          );
        }
        if (v === 0) throw source.error("bad group number", cpLen(condName) + 1);
        if (v >= MAXGROUPS) throw source.error(`invalid group reference ${v}`, cpLen(condName) + 1);
        condGroup = v;
        if (!state.grouprefPos.has(v)) state.grouprefPos.set(v, source.tell() - cpLen(condName) - 1);
        if (!/^[0-9]+$/.test(condName)) {
          state.warnings.push([
            "DeprecationWarning",
            `bad character in group name ${nameRepr(condName, source.istext)} at position ${
              source.tell() - cpLen(condName) - 1
            }`,
          ]);
        }
      }
      state.checkLookbehindGroup(condGroup, source);
      const yes = parseSeq(source, state, verbose, nested + 1, false);
      let no: ReNode[] | null = null;
      if (source.match("|")) {
        no = parseSeq(source, state, verbose, nested + 1, false);
        if (source.next === "|") throw source.error("conditional backref with more than two branches");
      }
      if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
      seq.push({ op: "cond", group: condGroup, yes, no });
      return null;
    } else if (ch === ">") {
      capture = false;
      atomic = true;
    } else if (FLAG_LETTERS[ch] !== undefined || ch === "-") {
      const flags = parseFlags(source, state, ch);
      if (flags === null) {
        if (!first || seq.length > 0) {
          throw source.error("global flags not at the start of the expression", source.tell() - start);
        }
        return "verbose-on";
      }
      [addFlags, delFlags] = flags;
      capture = false;
    } else throw source.error("unknown extension ?" + ch, cpLen(ch) + 1);
  }
  let group = 0;
  if (capture) {
    try {
      group = state.openGroup(name);
    } catch (e) {
      if (e instanceof RegexSyntaxError) throw source.error(e.msg, cpLen(name ?? "") + 1);
      throw e;
    }
  }
  const subVerbose = (verbose || (addFlags & FLAG_VERBOSE) !== 0) && (delFlags & FLAG_VERBOSE) === 0;
  const body = parseSub(source, state, subVerbose, nested + 1);
  if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
  if (group > 0) state.closeGroup(group, body);
  if (atomic) seq.push({ op: "atomic", body });
  else seq.push({ op: "group", group, add: addFlags, del: delFlags, body });
  return null;
}

/** Inline flags after `(?`: null for global flags `(?i)`, else [add, del] for `(?i-s:...)`. */
function parseFlags(source: Source, state: State, ch: string | null): [number, number] | null {
  let add = 0, del = 0;
  if (ch !== "-") {
    for (;;) {
      const flag = FLAG_LETTERS[ch!];
      if (source.istext) {
        if (ch === "L") throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      } else if (ch === "u") throw source.error("bad inline flags: cannot use 'u' flag with a bytes pattern");
      add |= flag;
      if ((flag & TYPE_FLAGS) !== 0 && (add & TYPE_FLAGS) !== flag) {
        throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      }
      ch = source.get();
      if (ch === null) throw source.error("missing -, : or )");
      if (ch === ")" || ch === "-" || ch === ":") break;
      if (FLAG_LETTERS[ch] === undefined) {
        throw source.error(isAlpha(ch) ? "unknown flag" : "missing -, : or )", cpLen(ch));
      }
    }
  }
  if (ch === ")") {
    state.flags |= add;
    return null;
  }
  if ((add & GLOBAL_FLAGS) !== 0) throw source.error("bad inline flags: cannot turn on global flag", 1);
  if (ch === "-") {
    ch = source.get();
    if (ch === null) throw source.error("missing flag");
    if (FLAG_LETTERS[ch] === undefined) {
      throw source.error(isAlpha(ch) ? "unknown flag" : "missing flag", cpLen(ch));
    }
    for (;;) {
      const flag = FLAG_LETTERS[ch];
      if ((flag & TYPE_FLAGS) !== 0) {
        throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      }
      del |= flag;
      ch = source.get();
      if (ch === null) throw source.error("missing :");
      if (ch === ":") break;
      if (FLAG_LETTERS[ch] === undefined) {
        throw source.error(isAlpha(ch) ? "unknown flag" : "missing :", cpLen(ch));
      }
    }
  }
  if ((del & GLOBAL_FLAGS) !== 0) throw source.error("bad inline flags: cannot turn off global flag", 1);
  if ((add & del) !== 0) throw source.error("bad inline flags: flag turned on and off", 1);
  return [add, del];
}

/** str.isalpha() of one token (an escape is two characters, so never alphabetic). */
function isAlpha(tok: string): boolean {
  return /^\p{L}$/u.test(tok);
}

/** CPython's checks of the final flags against the pattern type. */
function fixFlags(istext: boolean, flags: number): number {
  if (istext) {
    if (flags & FLAG_LOCALE) {
      throw new RegexValueError("ValueError", "cannot use LOCALE flag with a str pattern");
    }
    if (!(flags & FLAG_ASCII)) flags |= FLAG_UNICODE;
    else if (flags & FLAG_UNICODE) {
      throw new RegexValueError("ValueError", "ASCII and UNICODE flags are incompatible");
    }
  } else {
    if (flags & FLAG_UNICODE) {
      throw new RegexValueError("ValueError", "cannot use UNICODE flag with a bytes pattern");
    }
    if (flags & FLAG_LOCALE && flags & FLAG_ASCII) {
      throw new RegexValueError("ValueError", "ASCII and LOCALE flags are incompatible");
    }
  }
  return flags;
}

/**
 * Parses `text` (a str pattern, or a bytes pattern as Latin-1 characters when `istext` is false)
 * with the compile() flags. Throws RegexSyntaxError or RegexValueError.
 */
export function parsePattern(text: string, flags: number, istext: boolean): ParsedPattern {
  const source = new Source(istext, text);
  const state = new State(flags, istext);
  let body: ReNode[], finalFlags: number;
  try {
    body = parseSub(source, state, (flags & FLAG_VERBOSE) !== 0, 0);
    finalFlags = fixFlags(istext, state.flags);
    if (source.next !== null) throw source.error("unbalanced parenthesis");
    for (const [g, pos] of state.grouprefPos) {
      if (g >= state.groups) throw new RegexSyntaxError(`invalid group reference ${g}`, pos);
    }
    checkCompile(body, state.groupWidths, (finalFlags & FLAG_TEMPLATE) !== 0);
  } catch (e) {
    if (e instanceof RegexSyntaxError || e instanceof RegexValueError) e.warnings = state.warnings;
    throw e;
  }
  return {
    body,
    flags: finalFlags,
    groups: state.groups - 1,
    groupIndex: state.groupIndex,
    warnings: state.warnings,
  };
}

/**
 * The checks CPython's compiler makes, in its order (a pre-order walk): a lookbehind must be
 * fixed-width; a TEMPLATE pattern cannot repeat.
 */
function checkCompile(nodes: ReNode[], gw: ([number, number] | null)[], template: boolean): void {
  for (const n of nodes) {
    switch (n.op) {
      case "branch":
        for (const a of n.alts) checkCompile(a, gw, template);
        break;
      case "group":
      case "atomic":
        checkCompile(n.body, gw, template);
        break;
      case "repeat":
        if (template) {
          const name = n.mode === GREEDY
            ? "MAX_REPEAT"
            : n.mode === LAZY
            ? "MIN_REPEAT"
            : "POSSESSIVE_REPEAT";
          throw new RegexSyntaxError(`internal: unsupported template operator ${name}`, null);
        }
        checkCompile(n.body, gw, template);
        break;
      case "assert":
        if (n.behind) {
          const [lo, hi] = widthOf(n.body, gw);
          if (lo !== hi) throw new RegexSyntaxError("look-behind requires fixed-width pattern", null);
        }
        checkCompile(n.body, gw, template);
        break;
      case "cond":
        checkCompile(n.yes, gw, template);
        if (n.no !== null) checkCompile(n.no, gw, template);
        break;
    }
  }
}
