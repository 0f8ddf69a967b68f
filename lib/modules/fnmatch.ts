/**
 * `_fnmatch`, the accelerator under lib/python/fnmatch.py: a shell-style pattern (`*`, `?`,
 * `[seq]`, `[!seq]`) → a compiled matcher (cached), `fnmatchcase(name, pat)` → bool, `filter`,
 * and `translate(pat)` → the regular expression text CPython's fnmatch.translate gives (pyjit has
 * no `re` yet, so matching never goes through it). Names and patterns are str, or both bytes
 * (matched as Latin-1 characters).
 *
 * @example
 * ```ts
 * import { matchPattern } from "./fnmatch.ts";
 * console.log(matchPattern("data.txt", "*.txt")); // true
 * ```
 * @module
 */
import {
  bindArgs,
  Exc,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyList,
  PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { forEach, strValueOf } from "../../objects/ops.ts";
import { latin1 } from "../../objects/types/bytes.ts";

/** One element of a compiled pattern. */
type Token =
  | { kind: "char"; cp: number }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "set"; negated: boolean; singles: number[]; ranges: [number, number][] };

/** The code points of s. */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

/**
 * Parses the inside of a bracket expression (after `[` and an optional `!`, up to the closing
 * `]`): a `-` between two characters makes a range (a reversed range is empty); a `-` first,
 * last, or right after a range is itself.
 */
function parseSet(body: number[], negated: boolean): Token {
  const singles: number[] = [];
  const ranges: [number, number][] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (i + 2 < body.length && body[i + 1] === 0x2d) {
      const hi = body[i + 2];
      if (c <= hi) ranges.push([c, hi]);
      i += 3;
    } else {
      singles.push(c);
      i++;
    }
  }
  return { kind: "set", negated, singles, ranges };
}

/** Splits a pattern into tokens; `[` without its `]` is an ordinary character. */
function tokenize(pat: number[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pat.length) {
    const c = pat[i++];
    if (c === 0x2a) {
      if (out.length === 0 || out[out.length - 1].kind !== "star") out.push({ kind: "star" });
    } else if (c === 0x3f) out.push({ kind: "any" });
    else if (c === 0x5b) {
      let j = i;
      if (j < pat.length && pat[j] === 0x21) j++;
      if (j < pat.length && pat[j] === 0x5d) j++;
      while (j < pat.length && pat[j] !== 0x5d) j++;
      if (j >= pat.length) out.push({ kind: "char", cp: c });
      else {
        const negated = pat[i] === 0x21;
        out.push(parseSet(pat.slice(negated ? i + 1 : i, j), negated));
        i = j + 1;
      }
    } else out.push({ kind: "char", cp: c });
  }
  return out;
}

function matchesOne(t: Token, c: number): boolean {
  switch (t.kind) {
    case "char":
      return t.cp === c;
    case "any":
      return true;
    case "set": {
      let found = t.singles.includes(c);
      if (!found) { for (const [lo, hi] of t.ranges) if (c >= lo && c <= hi) found = true; }
      return found !== t.negated;
    }
    default:
      return false;
  }
}

/** Wildcard matching with backtracking to the last `*` (linear in practice). */
function matchTokens(tokens: Token[], name: number[]): boolean {
  let ti = 0, ni = 0, starTi = -1, starNi = 0;
  while (ni < name.length) {
    if (ti < tokens.length && tokens[ti].kind === "star") {
      starTi = ti++;
      starNi = ni;
    } else if (ti < tokens.length && matchesOne(tokens[ti], name[ni])) {
      ti++;
      ni++;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      ni = ++starNi;
    } else return false;
  }
  while (ti < tokens.length && tokens[ti].kind === "star") ti++;
  return ti === tokens.length;
}

const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 4096;

function compiled(pat: string): Token[] {
  let tokens = cache.get(pat);
  if (tokens === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    tokens = tokenize(codePoints(pat));
    cache.set(pat, tokens);
  }
  return tokens;
}

/** Whether `name` matches the shell pattern `pat` (case-sensitive). */
export function matchPattern(name: string, pat: string): boolean {
  return matchTokens(compiled(pat), codePoints(name));
}

// ---------------------------------------------------------------------------------------------
// translate: the regular expression CPython writes for a pattern

/** Characters re.escape puts a backslash before. */
const REGEX_SPECIAL = new Set("()[]{}?*+-|^$\\.&~# \t\n\r\v\f");

function escapeChar(c: string): string {
  return REGEX_SPECIAL.has(c) ? "\\" + c : c;
}

/** A character inside a regex class: backslash, `-` and the set-operation characters escaped. */
function escapeInClass(c: string): string {
  return c === "\\" || c === "-" || c === "&" || c === "~" || c === "|" ? "\\" + c : c;
}

/** A bracket expression as a regex class (members in the pattern's order). */
function translateSet(negated: boolean, body: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (i + 2 < body.length && body[i + 1] === 0x2d) {
      if (body[i] <= body[i + 2]) {
        parts.push(
          `${escapeInClass(String.fromCodePoint(body[i]))}-${
            escapeInClass(String.fromCodePoint(body[i + 2]))
          }`,
        );
      }
      i += 3;
    } else parts.push(escapeInClass(String.fromCodePoint(body[i++])));
  }
  if (parts.length === 0) return negated ? "." : "(?!)";
  let inner = parts.join("");
  if (negated) inner = "^" + inner;
  else if (inner[0] === "^" || inner[0] === "[") inner = "\\" + inner;
  return `[${inner}]`;
}

/** fnmatch.translate(pat). */
export function translatePattern(pat: string): string {
  const cps = codePoints(pat);
  const groups: string[][] = [[]];
  let i = 0;
  let lastWasStar = false;
  while (i < cps.length) {
    const c = cps[i++];
    if (c === 0x2a) {
      if (!lastWasStar) groups.push([]);
      lastWasStar = true;
      continue;
    }
    lastWasStar = false;
    if (c === 0x3f) groups[groups.length - 1].push(".");
    else if (c === 0x5b) {
      let j = i;
      if (j < cps.length && cps[j] === 0x21) j++;
      if (j < cps.length && cps[j] === 0x5d) j++;
      while (j < cps.length && cps[j] !== 0x5d) j++;
      if (j >= cps.length) groups[groups.length - 1].push("\\[");
      else {
        const negated = cps[i] === 0x21;
        const body = cps.slice(negated ? i + 1 : i, j);
        groups[groups.length - 1].push(translateSet(negated, body));
        i = j + 1;
      }
    } else groups[groups.length - 1].push(escapeChar(String.fromCodePoint(c)));
  }
  const fixed = groups.map((g) => g.join(""));
  let body = fixed[0];
  if (fixed.length > 1) {
    for (let k = 1; k < fixed.length - 1; k++) body += `(?>.*?${fixed[k]})`;
    body += ".*" + fixed[fixed.length - 1];
  }
  return `(?s:${body})\\Z`;
}

// ---------------------------------------------------------------------------------------------
// The module

/** A name or pattern as a string; both must be str or both bytes. */
function textOf(v: PyValue, isBytesPattern: boolean | null, what: "name" | "pattern"): string {
  const s = strValueOf(v);
  if (s !== undefined) {
    if (isBytesPattern === true) raise(Exc.TypeError, "cannot use a bytes pattern on a string-like object");
    return s;
  }
  if (v instanceof PyBytes) {
    if (isBytesPattern === false) raise(Exc.TypeError, "cannot use a string pattern on a bytes-like object");
    return latin1(v.data);
  }
  if (what === "pattern") raise(Exc.TypeError, `first argument must be string or compiled pattern`);
  raise(Exc.TypeError, `expected string or bytes-like object, got '${typeOf(v).name}'`);
}

function fnmatchcase(args: PyValue[], kwnames: string[] | null): PyValue {
  const [name, pat] = bindArgs("fnmatchcase", args, kwnames, ["name", "pat"], 2);
  const p = textOf(pat!, null, "pattern");
  return matchPattern(textOf(name!, pat instanceof PyBytes, "name"), p);
}

function filterNames(args: PyValue[], kwnames: string[] | null): PyValue {
  const [names, pat] = bindArgs("filter", args, kwnames, ["names", "pat"], 2);
  const isBytes = pat instanceof PyBytes;
  const tokens = compiled(textOf(pat!, null, "pattern"));
  const out: PyValue[] = [];
  forEach(names!, (n) => {
    if (matchTokens(tokens, codePoints(textOf(n, isBytes, "name")))) out.push(n);
  });
  return new PyList(out);
}

function translate(args: PyValue[], kwnames: string[] | null): PyValue {
  const [pat] = bindArgs("translate", args, kwnames, ["pat"], 1);
  const s = strValueOf(pat!);
  if (s === undefined) raise(Exc.TypeError, `expected str, not ${typeOf(pat!).name}`);
  return translatePattern(s);
}

/** Builds the `_fnmatch` module. */
export function makeFnmatchAccelerator(): PyModule {
  const d = new PyDict();
  const m = new PyModule("_fnmatch", d);
  d.setStr("fnmatchcase", new PyBuiltinFunction("fnmatchcase", fnmatchcase, null, "_fnmatch"));
  d.setStr("filter", new PyBuiltinFunction("filter", filterNames, null, "_fnmatch"));
  d.setStr("translate", new PyBuiltinFunction("translate", translate, null, "_fnmatch"));
  return m;
}
