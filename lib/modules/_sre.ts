/**
 * `_sre`, the engine under lib/python/re/__init__.py: pattern text and flags → `re.Pattern`
 * objects (compiled once, cached), and their matching methods → `re.Match` objects; plus the
 * module-level functions of `re` (compile, match, fullmatch, search, findall, finditer, split,
 * sub, subn, escape, purge) and `re.error`, all with CPython 3.11's behaviour and messages.
 *
 * Compiling: re_parser.ts (syntax, errors) → re_ir.ts (flags applied) → re_translate.ts, which
 * either gives an exact JavaScript RegExp (run by V8) or leaves the pattern to re_engine.ts (the
 * own backtracking matcher). Matching works on re_subject.ts's view of the subject (code-point
 * indices for Python, UTF-16 indices for JavaScript). A Match made by V8 keeps V8's group values
 * and finds its group spans only when asked (V8's group indices cost an array per group).
 *
 * @example
 * ```ts
 * import { makeSreModule } from "./_sre.ts";
 * const m = makeSreModule();
 * ```
 * @module
 */
import {
  bindArgs,
  bytesType,
  checkArgs,
  defClassMethod,
  defGetSet,
  defMethod,
  Exc,
  newTuple,
  None,
  NotImplemented,
  type PyBaseException,
  PyBytes,
  PyDict,
  PyList,
  PyMappingProxy,
  PyMethodDescriptor,
  type PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import {
  asIndex,
  call,
  genericAliasHook,
  getAttrOrUndefined,
  hash,
  intValueOf,
  isCallable,
  richEq,
  setAttr,
  strValueOf,
  toArray,
} from "../../objects/ops.ts";
import { bytesRepr, strRepr } from "../../objects/repr.ts";
import { fromLatin1, latin1 } from "../../objects/types/bytes.ts";
import { callableIteratorType, PyNativeIterator } from "../../objects/types/iterators.ts";
import { installNew } from "../../objects/types/type.ts";
import { importModuleByName } from "../../vm/import.ts";
import { buildModule, moduleType } from "./_native.ts";
import {
  compileProgram,
  execute,
  MODE_FULLMATCH,
  MODE_MATCH,
  MODE_SEARCH,
  NO_MATCH,
  type Program,
} from "./re_engine.ts";
import { lowerOf, upperOf } from "./re_chars.ts";
import { type Ir, resolvePattern, searchPrefilterQuirk } from "./re_ir.ts";
import {
  FLAG_ASCII,
  FLAG_DEBUG,
  FLAG_DOTALL,
  FLAG_IGNORECASE,
  FLAG_LOCALE,
  FLAG_MULTILINE,
  FLAG_TEMPLATE,
  FLAG_UNICODE,
  FLAG_VERBOSE,
  MAXGROUPS,
  MAXREPEAT,
  type ParsedPattern,
  parsePattern,
  RegexSyntaxError,
  RegexValueError,
  type ReNode,
} from "./re_parser.ts";
import { type ReSubject, subjectFor } from "./re_subject.ts";
import { parseTemplate, type Template, TemplateIndexError } from "./re_template.ts";
import { chooseEngine, type JsTranslation } from "./re_translate.ts";

// ---------------------------------------------------------------------------------------------
// re.error

function errorInit(args: PyValue[], kwnames: string[] | null): PyValue {
  const self = args[0] as PyBaseException;
  const [msg, pattern, pos] = bindArgs("error", args.slice(1), kwnames, ["msg", "pattern", "pos"], 1);
  const p = pattern ?? None, at = pos ?? None;
  setAttr(self, "msg", msg!);
  setAttr(self, "pattern", p);
  setAttr(self, "pos", at);
  let text = strValueOf(msg!) ?? "";
  if (p !== None && at !== None) {
    const n = Number(asIndex(at));
    text = `${strValueOf(msg!) ?? ""} at position ${n}`;
    const source = strValueOf(p) ?? (p instanceof PyBytes ? latin1(p.data) : "");
    const chars = strValueOf(p) !== undefined ? Array.from(source) : source.split("");
    let lineno = 1, lastNewline = -1;
    for (let i = 0; i < Math.min(n, chars.length); i++) {
      if (chars[i] === "\n") {
        lineno++;
        lastNewline = i;
      }
    }
    const colno = n - lastNewline;
    setAttr(self, "lineno", lineno);
    setAttr(self, "colno", colno);
    if (chars.includes("\n")) text += ` (line ${lineno}, column ${colno})`;
  } else {
    setAttr(self, "lineno", None);
    setAttr(self, "colno", None);
  }
  self.args = newTuple([text]);
  return None;
}

/** `re.error`: an Exception subclass with msg, pattern, pos, lineno and colno. */
export const reErrorType: PyType = (() => {
  const d = new PyDict();
  d.setStr("__module__", "re");
  d.setStr(
    "__doc__",
    "Exception raised for invalid regular expressions.\n\n    Attributes:\n\n        msg: The unformatted error message\n        pattern: The regular expression pattern\n        pos: The index in the pattern where compilation failed (may be None)\n        lineno: The line corresponding to pos (may be None)\n        colno: The column corresponding to pos (may be None)\n    ",
  );
  const t = call(typeType, ["error", newTuple([Exc.Exception]), d]) as PyType;
  setAttr(t, "__init__", new PyMethodDescriptor("__init__", t, errorInit));
  return t;
})();

/** Throws re.error(msg, pattern, pos). */
function throwError(msg: string, pattern: PyValue, pos: number | null): never {
  throw call(reErrorType, pos === null ? [msg] : [msg, pattern, pos]);
}

/**
 * Gives a warning through the `warnings` module, when pyjit has one (stack level 1: the Python
 * code that called into `re`, as CPython's warnings point at it).
 */
function warn(category: string, message: string, stacklevel = 1): void {
  let warnings: PyValue;
  try {
    warnings = importModuleByName("warnings");
  } catch {
    return;
  }
  const cat = (Exc as Record<string, PyType>)[category] ?? Exc.Warning;
  const w = getAttrOrUndefined(warnings, "warn");
  if (w !== undefined) call(w, [message, cat, stacklevel], null);
}

/** Gives the warnings a parse collected, in order. */
function warnAll(warnings: [string, string][], stacklevel = 1): void {
  for (const [category, message] of warnings) warn(category, message, stacklevel);
}

// ---------------------------------------------------------------------------------------------
// Pattern

const patternType = moduleType("re", "Pattern", undefined, 0);
const matchType = moduleType("re", "Match", undefined, 0);
const scannerType = moduleType("_sre", "SRE_Scanner", undefined, 0);

/** A fourth RegExp mode: search without group indices (findall reads group values only). */
const MODE_VALUES = 3;

/** A compiled pattern. */
export class PyPattern extends PyObject {
  declare pattern: PyValue;
  /** The pattern's characters (bytes as Latin-1). */
  declare source: string;
  declare istext: boolean;
  declare flags: number;
  declare groups: number;
  declare groupIndex: Map<string, number>;
  declare ir: Ir;
  declare js: JsTranslation | null;
  declare private prog: Program | null;
  declare private regexps: (RegExp | null)[];
  declare templates: Map<string, Template> | null;
  declare groupindexProxy: PyValue | null;
  /** Accepts str and bytes subjects (re.Scanner's pattern, whose `pattern` is None). */
  declare anyType: boolean;
  /** Groups whose marks the own matcher keeps (more than `groups` in a Scanner's pattern). */
  declare markGroups: number;
  constructor(
    pattern: PyValue,
    source: string,
    istext: boolean,
    flags: number,
    groups: number,
    groupIndex: Map<string, number>,
    ir: Ir,
    js: JsTranslation | null,
  ) {
    super();
    this.cls = patternType;
    this.dict = null;
    this.pattern = pattern;
    this.source = source;
    this.istext = istext;
    this.flags = flags;
    this.groups = groups;
    this.groupIndex = groupIndex;
    this.ir = ir;
    this.js = js;
    this.prog = null;
    this.regexps = new Array(16).fill(null);
    this.templates = null;
    this.groupindexProxy = null;
    this.anyType = false;
    this.markGroups = groups;
  }

  /** A subject for this pattern, or the TypeError of a subject of the wrong type. */
  subject(value: PyValue): ReSubject {
    return subjectFor(value, this.anyType ? null : this.istext);
  }

  /** The own matcher's program (compiled on first use). */
  program(): Program {
    if (this.prog === null) this.prog = compileProgram(this.ir, this.markGroups);
    return this.prog;
  }

  /**
   * The RegExp for a mode (JavaScript path only), in the dialect without the unicode flag or, for
   * subjects with surrogate pairs (`full`), with the `v` flag; with group indices (the `d` flag)
   * unless `withIndices` is false; compiled on first use. Null when V8 refuses the source (the
   * pattern then stays with the own matcher).
   */
  regexp(mode: number, full: boolean, withIndices = true): RegExp | null {
    const indices = withIndices && this.groups > 0 && mode !== MODE_VALUES;
    const slot = mode + (full ? 4 : 0) + (indices ? 0 : 8);
    let r = this.regexps[slot];
    if (r === null) {
      const js = this.js!;
      const source = full ? js.fullSource() : js.bmpSource;
      const flags = (full ? "v" : "") + (indices ? "d" : "") +
        (mode === MODE_SEARCH || mode === MODE_VALUES ? "g" : "y");
      try {
        r = new RegExp(mode === MODE_FULLMATCH ? `(?:${source})$` : source, flags);
      } catch {
        this.js = null;
        return null;
      }
      this.regexps[slot] = r;
    }
    return r;
  }
}

/** Test switch: run every pattern on the own matcher, even those the translator takes. */
export const engineOptions: { forceOwn: boolean } = { forceOwn: false };

/** Which engine runs a compiled pattern ("js" or "own"). */
export function engineOf(p: PyPattern): "js" | "own" {
  return p.js !== null && !engineOptions.forceOwn ? "js" : "own";
}

/** runPattern's result when nothing matched (else the lastindex, -1 for none). */
const NONE = NO_MATCH;

/**
 * Runs the pattern (either engine) between pos and endpos of the subject; on a match writes the
 * marks (start, end per group, group 0 first, code-point indices, -1 unset) into `out` and returns
 * lastindex, else NONE.
 */
function runPattern(
  p: PyPattern,
  subj: ReSubject,
  pos: number,
  endpos: number,
  mode: number,
  mustAdvance: boolean,
  out: Int32Array,
): number {
  if (p.js !== null && pos <= endpos && !engineOptions.forceOwn) {
    if (!mustAdvance) {
      const r = runJs(p, subj, pos, endpos, mode, out);
      if (r !== REFUSED) return r;
    } else {
      // After an empty match at pos: a non-empty match at pos, else a search from pos + 1.
      const here = execute(p.program(), subj.forEngine(), pos, endpos, MODE_MATCH, true, out);
      if (here !== NONE || mode !== MODE_SEARCH) return here;
      if (pos + 1 > endpos) return NONE;
      const r = runJs(p, subj, pos + 1, endpos, mode, out);
      if (r !== REFUSED) return r;
      return execute(p.program(), subj.forEngine(), pos + 1, endpos, mode, false, out);
    }
  }
  return execute(p.program(), subj.forEngine(), pos, endpos, mode, mustAdvance, out);
}

/** runJs's result when V8 refused the pattern. */
const REFUSED = -3;

function isMidPair(text: string, i: number): boolean {
  if (i === 0 || i >= text.length) return false;
  const a = text.charCodeAt(i - 1), b = text.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

let slicedFrom: string | null = null;
let slicedEnd = -1;
let slicedText = "";

/**
 * V8's match between pos and endpos (the RegExp of `mode`, with group indices or not), null when
 * there is none, REFUSED when V8 refused the pattern.
 */
function execJs(
  p: PyPattern,
  subj: ReSubject,
  pos: number,
  endpos: number,
  mode: number,
  withIndices: boolean,
): RegExpExecArray | null | typeof REFUSED {
  const full = subj.hasPairs;
  const re = p.regexp(mode, full, withIndices);
  if (re === null) return REFUSED;
  let text = subj.text;
  if (endpos < subj.length) {
    const unitEnd = subj.unitOf(endpos);
    if (slicedFrom !== text || slicedEnd !== unitEnd) {
      slicedFrom = text;
      slicedEnd = unitEnd;
      slicedText = text.slice(0, unitEnd);
    }
    text = slicedText;
  }
  re.lastIndex = subj.unitOf(pos);
  let m = re.exec(text);
  // V8's search loop steps by UTF-16 units, so it may try (and match at) the middle of a surrogate
  // pair after failing at its start: skip such matches and go on from the next character.
  while (full && m !== null && isMidPair(text, m.index)) {
    re.lastIndex = m.index + 1;
    m = re.exec(text);
  }
  return m;
}

function runJs(
  p: PyPattern,
  subj: ReSubject,
  pos: number,
  endpos: number,
  mode: number,
  out: Int32Array,
): number {
  const m = execJs(p, subj, pos, endpos, mode, true);
  if (m === REFUSED) return REFUSED;
  if (m === null) return NONE;
  const js = p.js!;
  const groups = p.groups;
  const start = m.index;
  out[0] = subj.cpOf(start);
  out[1] = subj.cpOf(start + m[0].length);
  let lastindex = -1, lastEnd = -1, lastRank = -1;
  if (groups > 0) {
    const indices = m.indices!;
    for (let g = 1; g <= groups; g++) {
      const span = indices[js.groupMap[g]];
      if (span === undefined) {
        out[2 * g] = -1;
        out[2 * g + 1] = -1;
        continue;
      }
      const s = subj.cpOf(span[0]), e = subj.cpOf(span[1]);
      out[2 * g] = s;
      out[2 * g + 1] = e;
      // lastindex: the group that closed last in time (at its end, or at its lookahead's start)
      const marker = js.lookMarker[g];
      const closed = marker === 0 ? e : subj.cpOf(indices[marker]![0]);
      const rank = js.closeRank[g];
      if (closed > lastEnd || (closed === lastEnd && rank > lastRank)) {
        lastindex = g;
        lastEnd = closed;
        lastRank = rank;
      }
    }
  }
  return lastindex;
}

// ---------------------------------------------------------------------------------------------
// Compiling and the cache

const CACHE_LIMIT = 512;
const cache = new Map<string, PyPattern>();
/** The patterns of str patterns compiled without flags (also in `cache`), by the pattern. */
const plainCache = new Map<string, PyPattern>();

/** The pattern's text and kind, or a TypeError. */
function patternSource(pattern: PyValue): [string, boolean] {
  if (typeof pattern === "string") return [pattern, true];
  if (pattern instanceof PyBytes) return [latin1(pattern.data), false];
  const s = strValueOf(pattern);
  if (s !== undefined) return [s, true];
  return raise(Exc.TypeError, "first argument must be string or compiled pattern");
}

/**
 * A flags argument as a number. CPython's first use of it is `flags & TEMPLATE` in re.compile (a
 * RegexFlag), `flags & VERBOSE` in re.Scanner (an int): `other` names that operand for the TypeError.
 */
function flagsValue(flags: PyValue | undefined, other = "RegexFlag"): number {
  if (flags === undefined) return 0;
  const v = intValueOf(flags);
  if (v === undefined && typeOf(flags).lookup("__index__") === undefined) {
    raise(Exc.TypeError, `unsupported operand type(s) for &: '${typeOf(flags).name}' and '${other}'`);
  }
  const n = v === undefined ? asIndex(flags) : v;
  return typeof n === "bigint" ? Number(BigInt.asIntN(32, n)) : n;
}

/** Whether a flags argument is beyond a C int. */
function flagsOverflow(flags: PyValue | undefined): boolean {
  if (flags === undefined) return false;
  const n = intValueOf(flags) ?? asIndex(flags);
  return typeof n === "bigint" ? n < -(2n ** 31n) || n >= 2n ** 31n : n < -(2 ** 31) || n >= 2 ** 31;
}

/** Parses a pattern, raising re.error (or CPython's other exceptions) and giving its warnings. */
function parseOrRaise(
  pattern: PyValue,
  source: string,
  flags: number,
  istext: boolean,
  stacklevel = 1,
): ParsedPattern {
  let parsed;
  try {
    parsed = parsePattern(source, flags, istext);
  } catch (e) {
    // CPython's parser gives its warnings as it goes: those before an error too
    if (e instanceof RegexSyntaxError || e instanceof RegexValueError) warnAll(e.warnings, stacklevel);
    if (e instanceof RegexSyntaxError) throwError(e.msg, pattern, e.pos);
    if (e instanceof RegexValueError) raise(Exc[e.type], e.msg);
    throw e;
  }
  warnAll(parsed.warnings, stacklevel);
  return parsed;
}

/** Compiles without the cache. */
function compileNew(pattern: PyValue, flags: number): PyPattern {
  const [source, istext] = patternSource(pattern);
  const parsed = parseOrRaise(pattern, source, flags, istext);
  const ir = resolvePattern(parsed, istext);
  const prefilter = searchPrefilterQuirk(parsed, istext);
  const js = prefilter === null ? chooseEngine(ir, parsed.groups) : null;
  const p = new PyPattern(pattern, source, istext, parsed.flags, parsed.groups, parsed.groupIndex, ir, js);
  if (prefilter !== null) p.program().first = { set: prefilter };
  return p;
}

/**
 * The pattern of re.Scanner: its phrases as alternatives, phrase k in group k + 1, built as CPython
 * builds it. Each phrase is parsed alone, so its global inline flags are lost (but VERBOSE, which
 * steers its own parsing) and its groups keep their own numbers, the same marks as the wrappers';
 * the whole takes `flags` as given (no UNICODE added: ASCII classes and case unless re.U); its
 * `pattern` is None and it accepts str and bytes subjects alike.
 */
function compileLexicon(phrases: PyValue[], flags: number): PyPattern {
  if (phrases.length === 0) raise(Exc.RuntimeError, "invalid SRE code");
  const alts: ReNode[][] = [];
  let istext = true, innerGroups = 0;
  phrases.forEach((phrase, k) => {
    if (strValueOf(phrase) === undefined && !(phrase instanceof PyBytes)) {
      const name = phrase instanceof PyPattern ? "re.Pattern" : typeOf(phrase).name;
      raise(Exc.TypeError, `decoding to str: need a bytes-like object, ${name} found`);
    }
    const [source, text] = patternSource(phrase);
    if (k === 0) istext = text;
    // warnings go to Scanner()'s caller, past Scanner.__init__
    const parsed = parseOrRaise(phrase, source, flags, text, 2);
    innerGroups = Math.max(innerGroups, parsed.groups);
    alts.push([{ op: "group", group: k + 1, add: 0, del: 0, body: parsed.body }]);
  });
  const typeFlags = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
  const resolveFlags = istext && !(flags & typeFlags) ? flags | FLAG_ASCII : flags;
  const whole: ParsedPattern = {
    body: alts.length === 1 ? alts[0] : [{ op: "branch", alts }],
    flags: resolveFlags,
    groups: phrases.length,
    groupIndex: new Map(),
    warnings: [],
  };
  const ir = resolvePattern(whole, istext);
  // phrases' own groups share marks with the wrappers: only the own matcher writes them so
  const js = innerGroups === 0 ? chooseEngine(ir, phrases.length) : null;
  const p = new PyPattern(None, "", istext, flags, phrases.length, new Map(), ir, js);
  p.anyType = true;
  p.markGroups = Math.max(phrases.length, innerGroups);
  return p;
}

/** re._compile: a Pattern for (pattern, flags), through the cache. */
export function compilePattern(pattern: PyValue, flagsArg: PyValue | undefined): PyPattern {
  if (typeof pattern === "string" && (flagsArg === undefined || flagsArg === 0)) {
    // The common call (a str pattern, no flags): looked up by the pattern itself, whose hash V8
    // keeps, rather than by a key string made for each call.
    const hit = plainCache.get(pattern);
    if (hit !== undefined) return hit;
    const p = compilePatternSlow(pattern, flagsArg);
    if (plainCache.size >= CACHE_LIMIT) plainCache.clear();
    plainCache.set(pattern, p);
    return p;
  }
  return compilePatternSlow(pattern, flagsArg);
}

function compilePatternSlow(pattern: PyValue, flagsArg: PyValue | undefined): PyPattern {
  if (pattern instanceof PyPattern) {
    if (flagsArg !== undefined && flagsValue(flagsArg) !== 0) {
      raise(Exc.ValueError, "cannot process flags argument with a compiled pattern");
    }
    return pattern;
  }
  const flags = flagsValue(flagsArg);
  if (flagsOverflow(flagsArg)) {
    // CPython parses with the Python int, then cannot pass it to its C compiler
    compileNew(pattern, flags);
    raise(Exc.OverflowError, "Python int too large to convert to C int");
  }
  let key: string | null = null;
  if (typeof pattern === "string") key = `s${flags}:${pattern}`;
  else if (pattern instanceof PyBytes && pattern.cls === bytesType) key = `b${flags}:${latin1(pattern.data)}`;
  if (key !== null) {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
  }
  if (flags & FLAG_TEMPLATE) {
    warn(
      "DeprecationWarning",
      "The re.TEMPLATE/re.T flag is deprecated as it is an undocumented flag without an obvious purpose. Don't use it.",
    );
  }
  const p = compileNew(pattern, flags);
  if (key !== null && !(flags & FLAG_DEBUG)) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Match

/** The setter of what CPython declares a read-only member (its message differs from a getset's). */
function readonlyMember(): never {
  raise(Exc.AttributeError, "readonly attribute");
}

/** A match result. */
export class PyMatch extends PyObject {
  declare re: PyPattern;
  declare subject: ReSubject;
  declare pos: number;
  declare endpos: number;
  /** start, end per group (group 0 first), code-point indices, -1 when unmatched; null until needed. */
  declare private spans: number[] | null;
  declare private last: number;
  /**
   * V8's result for a match made without group indices (the group values, by JavaScript group
   * number), or null. The spans of the groups are then found, when asked for, by running the
   * pattern again at the same place with indices: the same match, as the run is deterministic.
   */
  declare found: RegExpExecArray | null;
  /** The mode the match was made in (to run it again). */
  declare mode: number;
  /** With `found`: the JavaScript group number of each group (the pattern's, when it was made). */
  declare groupMap: number[] | null;
  constructor(
    re: PyPattern,
    subject: ReSubject,
    pos: number,
    endpos: number,
    marks: number[] | null,
    lastindex: number,
    found: RegExpExecArray | null = null,
    mode = MODE_MATCH,
  ) {
    super();
    this.cls = matchType;
    this.dict = null;
    this.re = re;
    this.subject = subject;
    this.pos = pos;
    this.endpos = endpos;
    this.spans = marks;
    this.last = lastindex;
    this.found = found;
    this.mode = mode;
    this.groupMap = found === null ? null : re.js!.groupMap;
  }

  /** The marks (start, end per group, group 0 first, code-point indices, -1 unset). */
  get marks(): number[] {
    return this.spans ?? this.findSpans();
  }

  /** The last group that closed (-1: none). */
  get lastindex(): number {
    if (this.spans === null) this.findSpans();
    return this.last;
  }

  private findSpans(): number[] {
    const n = 2 * this.re.groups + 2;
    const out = new Int32Array(n);
    // A match (or a search's, or an iterator's) is found again by an anchored run where it starts.
    const found = this.found!;
    const [from, mode] = this.mode === MODE_FULLMATCH
      ? [this.pos, MODE_FULLMATCH]
      : [this.subject.cpOf(found.index), MODE_MATCH];
    // (runPattern: should V8 have refused a variant of the pattern since, the own matcher.)
    const r = runPattern(this.re, this.subject, from, this.endpos, mode, false, out);
    if (r === NONE) throw new Error("re: a match did not repeat");
    this.last = r;
    return this.spans = marksCopy(out, n);
  }

  /** Group g's value, or `dflt` when it did not take part. */
  group(g: number, dflt: PyValue = None): PyValue {
    const found = this.found;
    if (found !== null) {
      const v = found[this.groupMap![g]];
      if (v === undefined) return dflt;
      return this.subject.bytes !== null ? new PyBytes(fromLatin1(v), bytesType) : v;
    }
    const marks = this.marks;
    const s = marks[2 * g], e = marks[2 * g + 1];
    if (s < 0 || e < 0) return dflt;
    return this.subject.slice(s, e);
  }
}

function matchSelf(v: PyValue, name: string): PyMatch {
  if (!(v instanceof PyMatch)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 're.Match' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v;
}

/** A group argument (number or name) → its number, or IndexError("no such group"). */
function groupIndexOf(m: PyMatch, g: PyValue | undefined): number {
  if (g === undefined) return 0;
  let i = -1;
  if (typeof g === "number" || typeof g === "string") {
    i = typeof g === "number" ? g : m.re.groupIndex.get(g) ?? -1;
    if (i < 0 || i > m.re.groups) raise(Exc.IndexError, "no such group");
    return i;
  }
  const n = intValueOf(g);
  if (n !== undefined) i = typeof n === "bigint" ? -1 : n;
  else if (typeOf(g).lookup("__index__") !== undefined) {
    const v = asIndex(g);
    i = typeof v === "bigint" ? -1 : v;
  } else {
    const name = strValueOf(g);
    if (name !== undefined) i = m.re.groupIndex.get(name) ?? -1;
  }
  if (i < 0 || i > m.re.groups) raise(Exc.IndexError, "no such group");
  return i;
}

function emptyOf(subj: ReSubject): PyValue {
  return subj.bytes !== null ? new PyBytes(new Uint8Array(0), bytesType) : "";
}

/** Python's repr(), cut to n characters (printf's `%.nR`). */
function reprCut(v: PyValue, n: number): string {
  if (v === None) return "None";
  const r = v instanceof PyBytes ? bytesRepr(v.data) : strRepr(strValueOf(v) ?? "");
  const cps = Array.from(r);
  return cps.length > n ? cps.slice(0, n).join("") : r;
}

matchType.tp_new = () => raise(Exc.TypeError, "cannot create 're.Match' instances");
installNew(matchType);

defMethod(matchType, "group", (args) => {
  const m = matchSelf(args[0], "group");
  if (args.length <= 2) return m.group(groupIndexOf(m, args[1]));
  const out: PyValue[] = [];
  for (let i = 1; i < args.length; i++) out.push(m.group(groupIndexOf(m, args[i])));
  return newTuple(out);
});
defMethod(matchType, "__getitem__", (args) => {
  const m = matchSelf(args[0], "__getitem__");
  return m.group(groupIndexOf(m, args[1]));
});
defMethod(matchType, "groups", (args, kwnames) => {
  const m = matchSelf(args[0], "groups");
  const [dflt] = bindArgs("groups", args.slice(1), kwnames, ["default"], 0);
  const out: PyValue[] = [];
  for (let g = 1; g <= m.re.groups; g++) out.push(m.group(g, dflt ?? None));
  return newTuple(out);
});
defMethod(matchType, "groupdict", (args, kwnames) => {
  const m = matchSelf(args[0], "groupdict");
  const [dflt] = bindArgs("groupdict", args.slice(1), kwnames, ["default"], 0);
  const d = new PyDict();
  for (const [name, g] of m.re.groupIndex) d.setStr(name, m.group(g, dflt ?? None));
  return d;
});
for (const [name, which] of [["start", 0], ["end", 1], ["span", 2]] as const) {
  defMethod(matchType, name, (args) => {
    const m = matchSelf(args[0], name);
    if (args.length > 2) raise(Exc.TypeError, `${name} expected at most 1 argument, got ${args.length - 1}`);
    const g = groupIndexOf(m, args[1]);
    const s = m.marks[2 * g], e = m.marks[2 * g + 1];
    if (which === 0) return s;
    if (which === 1) return e;
    return newTuple([s, e]);
  });
}
defMethod(matchType, "expand", (args, kwnames) => {
  const m = matchSelf(args[0], "expand");
  const [template] = bindArgs("expand", args.slice(1), kwnames, ["template"], 1);
  return expandTemplate(templateOf(m.re, template!, false), m);
});
defMethod(matchType, "__repr__", (args) => {
  const m = matchSelf(args[0], "__repr__");
  return `<re.Match object; span=(${m.marks[0]}, ${m.marks[1]}), match=${reprCut(m.group(0), 50)}>`;
});
defMethod(matchType, "__copy__", (args) => args[0]);
defMethod(matchType, "__deepcopy__", (args) => args[0]);
defClassMethod(matchType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));
defGetSet(matchType, "string", (m) => (m as PyMatch).subject.value, readonlyMember);
defGetSet(matchType, "re", (m) => (m as PyMatch).re, readonlyMember);
defGetSet(matchType, "pos", (m) => (m as PyMatch).pos, readonlyMember);
defGetSet(matchType, "endpos", (m) => (m as PyMatch).endpos, readonlyMember);
defGetSet(matchType, "lastindex", (m) => ((m as PyMatch).lastindex < 0 ? None : (m as PyMatch).lastindex));
defGetSet(matchType, "lastgroup", (v) => {
  const m = v as PyMatch;
  if (m.lastindex < 0) return None;
  for (const [name, g] of m.re.groupIndex) if (g === m.lastindex) return name;
  return None;
});
defGetSet(matchType, "regs", (v) => {
  const m = v as PyMatch;
  const out: PyValue[] = [];
  for (let g = 0; g <= m.re.groups; g++) out.push(newTuple([m.marks[2 * g], m.marks[2 * g + 1]]));
  return newTuple(out);
});

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * The parsed template (cached per pattern). A template keeps its own type: CPython parses a str
 * template for a bytes pattern too, and only joining the pieces fails (expandTemplate).
 */
function templateOf(p: PyPattern, template: PyValue, cached = true): Template {
  let text: string, istext: boolean;
  const str = strValueOf(template);
  if (str !== undefined) {
    text = str;
    istext = true;
  } else if (template instanceof PyBytes) {
    if (cached && template.cls !== bytesType) raise(Exc.TypeError, `unhashable type: '${template.cls.name}'`);
    text = latin1(template.data);
    istext = false;
  } else {
    return raise(Exc.TypeError, `decoding to str: need a bytes-like object, ${typeOf(template).name} found`);
  }
  if (p.templates === null) p.templates = new Map();
  const key = (istext ? "s" : "b") + text;
  const hit = p.templates.get(key);
  if (hit !== undefined) {
    // CPython caches sub's templates, but Match.expand parses (and warns) every time
    if (!cached) warnAll(hit.warnings);
    return hit;
  }
  let t: Template;
  try {
    t = parseTemplate(text, istext, p.groups, p.groupIndex);
  } catch (e) {
    if (e instanceof RegexSyntaxError || e instanceof TemplateIndexError) warnAll(e.warnings);
    if (e instanceof RegexSyntaxError) throwError(e.msg, template, e.pos);
    if (e instanceof TemplateIndexError) raise(Exc.IndexError, e.msg);
    throw e;
  }
  warnAll(t.warnings);
  if (p.templates.size >= 512) p.templates.clear();
  p.templates.set(key, t);
  return t;
}

/** A template's expansion for a match, as a value of the subject's type. */
function expandTemplate(t: Template, m: PyMatch): PyValue {
  const bytes = m.subject.bytes !== null;
  let out = "";
  for (let i = 0; i < t.parts.length; i++) {
    const part = t.parts[i];
    if (typeof part === "string") {
      if (t.istext === bytes) joinError(i, !bytes, t.istext ? "" : new PyBytes(new Uint8Array(0)));
      out += part;
    } else {
      const s = m.marks[2 * part], e = m.marks[2 * part + 1];
      if (s >= 0 && e >= 0) {
        const v = m.subject.slice(s, e);
        out += v instanceof PyBytes ? latin1(v.data) : v as string;
      }
    }
  }
  return bytes ? new PyBytes(fromLatin1(out), bytesType) : out;
}

// ---------------------------------------------------------------------------------------------
// Pattern methods

function patternSelf(v: PyValue, name: string): PyPattern {
  if (!(v instanceof PyPattern)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 're.Pattern' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v;
}

/** An index argument CPython converts to a C ssize_t (pos, endpos, count, maxsplit). */
function ssizeArg(v: PyValue): number {
  const n = asIndex(v);
  if (typeof n === "number") return n;
  if (n < -(2n ** 63n) || n >= 2n ** 63n) {
    raise(Exc.OverflowError, "Python int too large to convert to C ssize_t");
  }
  return Number(n);
}

/** A pos/endpos value clamped to [0, length]. */
function clampIndex(x: number, length: number): number {
  return x < 0 ? 0 : x > length ? length : x;
}

/** The common arguments (string, pos, endpos) of match/search/fullmatch/findall/finditer/scanner. */
const STRING_POS_ENDPOS = ["string", "pos", "endpos"];
const PATTERN_STRING_FLAGS = ["pattern", "string", "flags"];

/** Whether a call's arguments are all positional and between min and max of them (no binding needed). */
function plainCall(args: PyValue[], kwnames: string[] | null, min: number, max: number): boolean {
  return (kwnames === null || kwnames.length === 0) && args.length >= min && args.length <= max;
}

function stringPosArgs(
  name: string,
  p: PyPattern,
  args: PyValue[],
  kwnames: string[] | null,
): [ReSubject, number, number] {
  let string: PyValue | undefined, pos: PyValue | undefined, endpos: PyValue | undefined;
  if (plainCall(args, kwnames, 2, 4)) [, string, pos, endpos] = args; // (self, string[, pos[, endpos]])
  else [string, pos, endpos] = bindArgs(name, args.slice(1), kwnames, STRING_POS_ENDPOS, 1);
  const start = pos === undefined ? 0 : ssizeArg(pos);
  const end = endpos === undefined ? Infinity : ssizeArg(endpos);
  const subj = p.subject(string!);
  return [subj, clampIndex(start, subj.length), clampIndex(end, subj.length)];
}

/** Marks buffer for single matches (copied into each Match). */
let scratch = new Int32Array(64);

/** The first n marks as a plain array (cheaper to allocate than a typed array, per Match). */
function marksCopy(buf: Int32Array, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = buf[i];
  return out;
}

function matchOrNone(p: PyPattern, subj: ReSubject, pos: number, endpos: number, mode: number): PyValue {
  if (p.js !== null && p.groups > 0 && pos <= endpos && !engineOptions.forceOwn) {
    // V8 without group indices (allocating them costs more than the match): spans when asked.
    const m = execJs(p, subj, pos, endpos, mode, false);
    if (m === null) return None;
    if (m !== REFUSED) return new PyMatch(p, subj, pos, endpos, null, -1, m, mode);
  }
  const n = 2 * p.groups + 2;
  if (scratch.length < n) scratch = new Int32Array(n);
  const li = runPattern(p, subj, pos, endpos, mode, false, scratch);
  return li === NONE ? None : new PyMatch(p, subj, pos, endpos, marksCopy(scratch, n), li);
}

for (
  const [name, mode] of [["match", MODE_MATCH], ["fullmatch", MODE_FULLMATCH], [
    "search",
    MODE_SEARCH,
  ]] as const
) {
  defMethod(patternType, name, (args, kwnames) => {
    const p = patternSelf(args[0], name);
    const [subj, pos, endpos] = stringPosArgs(name, p, args, kwnames);
    return matchOrNone(p, subj, pos, endpos, mode);
  });
}

/** Iterates over the successive matches of a search (the scanner's loop). */
class MatchIterator {
  mustAdvance = false;
  done = false;
  /** The marks of the last match (reused: copy them to keep them; only 0 and 1 when `found`). */
  readonly marks: Int32Array;
  lastindex = -1;
  /** The last match as V8 made it without group indices (lazy iterators), or null. */
  found: RegExpExecArray | null = null;
  constructor(
    readonly p: PyPattern,
    readonly subj: ReSubject,
    public start: number,
    readonly endpos: number,
    /** Whether the matches only become Match objects (finditer, a callable sub, the scanner). */
    readonly lazy = false,
  ) {
    this.marks = new Int32Array(2 * p.groups + 2);
  }
  /** Finds the next match (in `marks`); false when there is none. */
  next(mode: number): boolean {
    if (this.done) return false;
    this.found = null;
    if (
      this.lazy && !this.mustAdvance && this.p.groups > 0 && this.p.js !== null && this.start <= this.endpos
    ) {
      if (!engineOptions.forceOwn) {
        const m = execJs(this.p, this.subj, this.start, this.endpos, mode, false);
        if (m === null) {
          this.done = true;
          return false;
        }
        if (m !== REFUSED) {
          const s = this.subj.cpOf(m.index), e = this.subj.cpOf(m.index + m[0].length);
          this.marks[0] = s;
          this.marks[1] = e;
          this.found = m;
          this.mustAdvance = e === s;
          this.start = e;
          return true;
        }
      }
    }
    const li = runPattern(this.p, this.subj, this.start, this.endpos, mode, this.mustAdvance, this.marks);
    if (li === NONE) {
      this.done = true;
      return false;
    }
    this.lastindex = li;
    this.mustAdvance = this.marks[1] === this.marks[0];
    this.start = this.marks[1];
    return true;
  }
  /** The last match as a Match object. */
  match(pos: number): PyMatch {
    if (this.found !== null) {
      return new PyMatch(this.p, this.subj, pos, this.endpos, null, -1, this.found, MODE_SEARCH);
    }
    return new PyMatch(
      this.p,
      this.subj,
      pos,
      this.endpos,
      marksCopy(this.marks, this.marks.length),
      this.lastindex,
    );
  }
}

defMethod(patternType, "findall", (args, kwnames) => {
  const p = patternSelf(args[0], "findall");
  const [subj, pos, endpos] = stringPosArgs("findall", p, args, kwnames);
  const out: PyValue[] = [];
  if (pos > endpos) return new PyList(out);
  if (findallJs(p, subj, pos, endpos, out)) return new PyList(out);
  const it = new MatchIterator(p, subj, pos, endpos);
  const m = it.marks;
  for (;;) {
    if (!it.next(MODE_SEARCH)) break;
    const slice = (
      g: number,
    ) => (m[2 * g] < 0 || m[2 * g + 1] < 0 ? null : subj.slice(m[2 * g], m[2 * g + 1]));
    if (p.groups === 0) out.push(slice(0)!);
    else if (p.groups === 1) {
      out.push(slice(1) ?? emptyOf(subj));
    } else {
      const items: PyValue[] = [];
      for (let g = 1; g <= p.groups; g++) {
        items.push(slice(g) ?? emptyOf(subj));
      }
      out.push(newTuple(items));
    }
    if (it.start > endpos) break;
  }
  return new PyList(out);
});

/**
 * findall on the JavaScript path, reading group values without spans (no `d` flag): when the
 * pattern cannot match the empty string, V8's global loop visits exactly CPython's matches. False
 * when the path does not apply.
 */
function findallJs(p: PyPattern, subj: ReSubject, pos: number, endpos: number, out: PyValue[]): boolean {
  const js = p.js;
  if (js === null || js.canBeEmpty || engineOptions.forceOwn) return false;
  const full = subj.hasPairs;
  const re = p.regexp(MODE_VALUES, full);
  if (re === null) return false;
  const text = endpos < subj.length ? subj.text.slice(0, subj.unitOf(endpos)) : subj.text;
  const bytes = subj.bytes !== null;
  const value = (v: string | undefined): PyValue =>
    v === undefined ? emptyOf(subj) : bytes ? new PyBytes(fromLatin1(v), bytesType) : v;
  const groups = p.groups, map = js.groupMap;
  re.lastIndex = subj.unitOf(pos);
  for (;;) {
    const m = re.exec(text);
    if (m === null) break;
    if (full && isMidPair(text, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (groups === 0) out.push(value(m[0]));
    else if (groups === 1) out.push(value(m[map[1]]));
    else {
      const items: PyValue[] = new Array(groups);
      for (let g = 1; g <= groups; g++) items[g - 1] = value(m[map[g]]);
      out.push(newTuple(items));
    }
  }
  return true;
}

function finditer(p: PyPattern, subj: ReSubject, pos: number, endpos: number): PyValue {
  const it = new MatchIterator(p, subj, pos, endpos, true);
  return new PyNativeIterator(callableIteratorType, () => (it.next(MODE_SEARCH) ? it.match(pos) : undefined));
}

defMethod(patternType, "finditer", (args, kwnames) => {
  const p = patternSelf(args[0], "finditer");
  const [subj, pos, endpos] = stringPosArgs("finditer", p, args, kwnames);
  return finditer(p, subj, pos, endpos);
});

/** `_sre.SRE_Scanner`: pattern.scanner(string, pos, endpos) with match() and search(). */
class PyScanner extends PyObject {
  declare it: MatchIterator;
  constructor(it: MatchIterator) {
    super();
    this.cls = scannerType;
    this.dict = null;
    this.it = it;
  }
}
scannerType.tp_new = () => raise(Exc.TypeError, "cannot create '_sre.SRE_Scanner' instances");
installNew(scannerType);
for (const [name, mode] of [["match", MODE_MATCH], ["search", MODE_SEARCH]] as const) {
  defMethod(scannerType, name, (args) => {
    const it = (args[0] as PyScanner).it;
    const pos = it.start;
    return it.next(mode) ? it.match(pos) : None;
  });
}
defGetSet(scannerType, "pattern", (s) => (s as PyScanner).it.p);
defMethod(patternType, "scanner", (args, kwnames) => {
  const p = patternSelf(args[0], "scanner");
  const [subj, pos, endpos] = stringPosArgs("scanner", p, args, kwnames);
  return new PyScanner(new MatchIterator(p, subj, pos, endpos, true));
});

function split(p: PyPattern, string: PyValue, maxsplitArg: PyValue | undefined): PyValue {
  const maxsplit = maxsplitArg === undefined ? 0 : ssizeArg(maxsplitArg);
  const subj = p.subject(string);
  const out: PyValue[] = [];
  let last = 0, n = 0;
  const it = new MatchIterator(p, subj, 0, subj.length);
  const m = it.marks;
  while (maxsplit === 0 || n < maxsplit) {
    if (!it.next(MODE_SEARCH)) break;
    out.push(subj.slice(last, m[0]));
    for (let g = 1; g <= p.groups; g++) {
      out.push(m[2 * g] < 0 || m[2 * g + 1] < 0 ? None : subj.slice(m[2 * g], m[2 * g + 1]));
    }
    n++;
    last = m[1];
  }
  out.push(subj.slice(last, subj.length));
  return new PyList(out);
}

defMethod(patternType, "split", (args, kwnames) => {
  const p = patternSelf(args[0], "split");
  const [string, maxsplit] = bindArgs("split", args.slice(1), kwnames, ["string", "maxsplit"], 1);
  return split(p, string!, maxsplit);
});

/** The `sequence item N: expected …` TypeError of joining a replacement of the wrong type. */
function joinError(index: number, istext: boolean, got: PyValue): never {
  raise(
    Exc.TypeError,
    istext
      ? `sequence item ${index}: expected str instance, ${typeOf(got).name} found`
      : `sequence item ${index}: expected a bytes-like object, ${typeOf(got).name} found`,
  );
}

function sub(p: PyPattern, repl: PyValue, string: PyValue, countArg: PyValue | undefined): [PyValue, number] {
  const count = countArg === undefined ? 0 : ssizeArg(countArg);
  let literal: PyValue | null = null;
  let template: Template | null = null;
  let callable: PyValue | null = null;
  if (isCallable(repl)) callable = repl;
  else {
    const s = strValueOf(repl);
    const text = s !== undefined ? s : repl instanceof PyBytes ? latin1(repl.data) : null;
    if (text !== null && !text.includes("\\")) literal = repl;
    else {
      template = templateOf(p, repl);
      if (template.literal !== null) {
        literal = template.istext ? template.literal : new PyBytes(fromLatin1(template.literal), bytesType);
        template = null;
      }
    }
  }
  const subj = p.subject(string);
  const pieces: string[] = [];
  let i = 0, n = 0;
  const it = new MatchIterator(p, subj, 0, subj.length, callable !== null);
  const textOf = (v: PyValue): string | null => {
    if (p.istext) return strValueOf(v) ?? null;
    return v instanceof PyBytes ? latin1(v.data) : null;
  };
  while (count === 0 || n < count) {
    if (!it.next(MODE_SEARCH)) break;
    const b = it.marks[0], e = it.marks[1];
    if (i < b) pieces.push(piece(subj, i, b));
    if (callable !== null) {
      const item = call(callable, [it.match(0)]);
      if (item !== None) {
        const t = textOf(item);
        if (t === null) joinError(pieces.length, p.istext, item);
        pieces.push(t);
      }
    } else if (literal !== null) {
      const t = textOf(literal);
      if (t === null) joinError(pieces.length, p.istext, literal);
      pieces.push(t);
    } else {
      const v = expandTemplate(template!, it.match(0));
      pieces.push(v instanceof PyBytes ? latin1(v.data) : v as string);
    }
    i = e;
    n++;
  }
  if (n === 0 && typeof string === "string") return [string, 0];
  if (i < subj.length) pieces.push(piece(subj, i, subj.length));
  const joined = pieces.join("");
  return [subj.bytes !== null ? new PyBytes(fromLatin1(joined), bytesType) : joined, n];
}

function piece(subj: ReSubject, s: number, e: number): string {
  if (subj.bytes !== null) return subj.text.slice(s, e);
  return subj.text.slice(subj.unitOf(s), subj.unitOf(e));
}

defMethod(patternType, "sub", (args, kwnames) => {
  const p = patternSelf(args[0], "sub");
  const [repl, string, count] = bindArgs("sub", args.slice(1), kwnames, ["repl", "string", "count"], 2);
  return sub(p, repl!, string!, count)[0];
});
defMethod(patternType, "subn", (args, kwnames) => {
  const p = patternSelf(args[0], "subn");
  const [repl, string, count] = bindArgs("subn", args.slice(1), kwnames, ["repl", "string", "count"], 2);
  const [r, n] = sub(p, repl!, string!, count);
  return newTuple([r, n]);
});

/** Flag names in the order CPython's Pattern repr lists them. */
const FLAG_NAMES: [number, string][] = [
  [FLAG_TEMPLATE, "re.TEMPLATE"],
  [FLAG_IGNORECASE, "re.IGNORECASE"],
  [FLAG_LOCALE, "re.LOCALE"],
  [FLAG_MULTILINE, "re.MULTILINE"],
  [FLAG_DOTALL, "re.DOTALL"],
  [FLAG_UNICODE, "re.UNICODE"],
  [FLAG_VERBOSE, "re.VERBOSE"],
  [FLAG_DEBUG, "re.DEBUG"],
  [FLAG_ASCII, "re.ASCII"],
];

defMethod(patternType, "__repr__", (args) => {
  const p = patternSelf(args[0], "__repr__");
  let flags = p.flags;
  if (p.istext && !p.anyType && (flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII)) === FLAG_UNICODE) {
    flags &= ~FLAG_UNICODE;
  }
  const src = reprCut(p.pattern, 200);
  if (flags === 0) return `re.compile(${src})`;
  const names: string[] = [];
  for (const [bit, name] of FLAG_NAMES) {
    if (flags & bit) {
      names.push(name);
      flags &= ~bit;
    }
  }
  if (flags) names.push(`0x${(flags >>> 0).toString(16)}`);
  return `re.compile(${src}, ${names.join("|")})`;
});
defMethod(patternType, "__eq__", (args) => {
  const a = patternSelf(args[0], "__eq__"), b = args[1];
  if (!(b instanceof PyPattern)) return NotImplemented;
  if (a === b) return true;
  return a.flags === b.flags && a.istext === b.istext && richEq(a.pattern, b.pattern);
});
defMethod(patternType, "__ne__", (args) => {
  const a = patternSelf(args[0], "__ne__"), b = args[1];
  if (!(b instanceof PyPattern)) return NotImplemented;
  if (a === b) return false;
  return !(a.flags === b.flags && a.istext === b.istext && richEq(a.pattern, b.pattern));
});
defMethod(patternType, "__hash__", (args) => {
  const p = patternSelf(args[0], "__hash__");
  return (hash(p.pattern) ^ (p.flags * 1000003)) | 0;
});
defClassMethod(patternType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));
defMethod(patternType, "__copy__", (args) => args[0]);
defMethod(patternType, "__deepcopy__", (args) => args[0]);
defGetSet(patternType, "pattern", (p) => (p as PyPattern).pattern, readonlyMember);
defGetSet(patternType, "flags", (p) => (p as PyPattern).flags, readonlyMember);
defGetSet(patternType, "groups", (p) => (p as PyPattern).groups, readonlyMember);
defGetSet(patternType, "groupindex", (v) => {
  const p = v as PyPattern;
  if (p.groupindexProxy === null) {
    const d = new PyDict();
    for (const [name, g] of p.groupIndex) d.setStr(name, g);
    p.groupindexProxy = new PyMappingProxy(d);
  }
  return p.groupindexProxy;
});
patternType.tp_new = () => raise(Exc.TypeError, "cannot create 're.Pattern' instances");
installNew(patternType);

// ---------------------------------------------------------------------------------------------
// Module-level functions

function escape(args: PyValue[], kwnames: string[] | null): PyValue {
  const [pattern] = bindArgs("escape", args, kwnames, ["pattern"], 1);
  const s = strValueOf(pattern!);
  if (s !== undefined) return escapeText(s);
  if (pattern instanceof PyBytes) return new PyBytes(fromLatin1(escapeText(latin1(pattern.data))), bytesType);
  return raise(Exc.TypeError, `decoding to str: need a bytes-like object, ${typeOf(pattern!).name} found`);
}

const SPECIAL = new Set("()[]{}?*+-|^$\\.&~# \t\n\r\v\f");

function escapeText(s: string): string {
  let out = "";
  for (const ch of s) out += SPECIAL.has(ch) ? "\\" + ch : ch;
  return out;
}

function modulePatternCall(
  name: string,
  mode: number,
): (args: PyValue[], kwnames: string[] | null) => PyValue {
  return (args, kwnames) => {
    const [pattern, string, flags] = plainCall(args, kwnames, 2, 3)
      ? args
      : bindArgs(name, args, kwnames, PATTERN_STRING_FLAGS, 2);
    const p = compilePattern(pattern!, flags);
    const subj = p.subject(string!);
    return matchOrNone(p, subj, 0, subj.length, mode);
  };
}

/** A character code argument of _sre's case helpers (a C int: beyond it, OverflowError). */
function charCodeArg(name: string, args: PyValue[], kwnames: string[] | null): number {
  checkArgs(`_sre.${name}`, args, kwnames, 1, 1);
  const v = asIndex(args[0]);
  if (v < -(2n ** 31n) || v >= 2n ** 31n) {
    raise(Exc.OverflowError, "Python int too large to convert to C int");
  }
  return Number(v);
}

/** CPython's case helpers of _sre, which its Python-level compiler calls (on character codes). */
const CASE_HELPERS: Record<string, (c: number) => number | boolean> = {
  ascii_iscased: (c) => c >= 0 && c < 128 && lowerOf(c, "ascii") !== upperAscii(c),
  unicode_iscased: (c) => c >= 0 && (lowerOf(c, "unicode") !== c || upperOf(c) !== c),
  ascii_tolower: (c) => c >= 0 ? lowerOf(c, "ascii") : c,
  unicode_tolower: (c) => c >= 0 ? lowerOf(c, "unicode") : c,
};
function upperAscii(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** Builds the `_sre` module. */
export function makeSreModule(): PyModule {
  // a new interpreter starts with an empty cache (compiling gives its warnings again)
  cache.clear();
  plainCache.clear();
  return buildModule("_sre", "Support for regular expressions (pyjit's engine under re).", {
    compile: (args, kwnames) => {
      const [pattern, flags] = bindArgs("compile", args, kwnames, ["pattern", "flags"], 1);
      return compilePattern(pattern!, flags);
    },
    match: modulePatternCall("match", MODE_MATCH),
    fullmatch: modulePatternCall("fullmatch", MODE_FULLMATCH),
    search: modulePatternCall("search", MODE_SEARCH),
    findall: (args, kwnames) => {
      const [pattern, string, flags] = bindArgs("findall", args, kwnames, ["pattern", "string", "flags"], 2);
      const p = compilePattern(pattern!, flags);
      return call(patternType.attrs.get("findall")!, [p, string!]);
    },
    finditer: (args, kwnames) => {
      const [pattern, string, flags] = bindArgs("finditer", args, kwnames, ["pattern", "string", "flags"], 2);
      const p = compilePattern(pattern!, flags);
      const subj = p.subject(string!);
      return finditer(p, subj, 0, subj.length);
    },
    split: (args, kwnames) => {
      const [pattern, string, maxsplit, flags] = bindArgs(
        "split",
        args,
        kwnames,
        ["pattern", "string", "maxsplit", "flags"],
        2,
      );
      return split(compilePattern(pattern!, flags), string!, maxsplit);
    },
    sub: (args, kwnames) => {
      const [pattern, repl, string, count, flags] = bindArgs(
        "sub",
        args,
        kwnames,
        ["pattern", "repl", "string", "count", "flags"],
        3,
      );
      return sub(compilePattern(pattern!, flags), repl!, string!, count)[0];
    },
    subn: (args, kwnames) => {
      const [pattern, repl, string, count, flags] = bindArgs(
        "subn",
        args,
        kwnames,
        ["pattern", "repl", "string", "count", "flags"],
        3,
      );
      const [r, n] = sub(compilePattern(pattern!, flags), repl!, string!, count);
      return newTuple([r, n]);
    },
    escape,
    purge: (args, kwnames) => {
      // purge is a Python function in CPython: its messages
      if (kwnames !== null && kwnames.length > 0) {
        raise(Exc.TypeError, `purge() got an unexpected keyword argument '${kwnames[0]}'`);
      }
      if (args.length > 0) {
        const given = `${args.length} ${args.length === 1 ? "was" : "were"} given`;
        raise(Exc.TypeError, `purge() takes 0 positional arguments but ${given}`);
      }
      cache.clear();
      plainCache.clear();
      return None;
    },
    _lexicon_pattern: (args, kwnames) => {
      checkArgs("_lexicon_pattern", args, kwnames, 2, 2);
      return compileLexicon(toArray(args[0]), flagsValue(args[1], "int"));
    },
    getcodesize: (args, kwnames) => {
      checkArgs("_sre.getcodesize", args, kwnames, 0, 0);
      return 4n;
    },
    ...Object.fromEntries(
      Object.entries(CASE_HELPERS).map(([name, f]) => [name, (args: PyValue[], kwnames: string[] | null) => {
        const r = f(charCodeArg(name, args, kwnames));
        return typeof r === "number" ? BigInt(r) : r;
      }]),
    ),
  }, {
    Pattern: patternType,
    Match: matchType,
    error: reErrorType,
    MAXREPEAT,
    MAXGROUPS,
    MAGIC: 20220615n,
    CODESIZE: 4n,
    copyright: " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ",
  });
}
