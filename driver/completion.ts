/**
 * Tab completion for the interactive session, as CPython's rlcompleter: the word before the cursor
 * → the full words it may become. A plain name completes from the keywords, `__main__`'s globals
 * and the builtins (a callable gets `(`, most keywords a space); a dotted name (`math.sq`) looks up
 * the object before the last dot by attribute access only (nothing is called) and completes from
 * `dir()` of it (callables get `(`; names starting with `_` only when the prefix does).
 *
 * @example
 * ```ts
 * import { completeWord, wordBefore } from "./completion.ts";
 * // completeWord(wordBefore("x = pri", 7), globals, builtins) → ["print("]
 * ```
 * @module
 */
import { KEYWORDS } from "../compiler/parser.ts";
import { DELETED, type PyDict, type PyValue } from "../objects/object.ts";
import { call, getAttrOrUndefined, isCallable, strValueOf, toArray } from "../objects/ops.ts";

/** Keywords completed without a space after them. */
const BARE_KEYWORDS = new Set(["False", "None", "True", "break", "continue", "pass", "else"]);

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}_.]/u.test(c);
}

/** The completable word that ends at `cursor` in `line` (letters, digits, `_` and dots). */
export function wordBefore(line: string, cursor: number): string {
  let start = cursor;
  while (start > 0 && isWordChar(line[start - 1])) start--;
  return line.slice(start, cursor);
}

/** The completions of `word` (each a full replacement for it), sorted, without duplicates. */
export function completeWord(word: string, globals: PyDict, builtins: PyDict): string[] {
  const dot = word.lastIndexOf(".");
  const found = dot < 0
    ? nameMatches(word, globals, builtins)
    : attributeMatches(word, dot, globals, builtins);
  return [...new Set(found)].sort();
}

function dictNames(d: PyDict): string[] {
  return d.keys.filter((k) => k !== DELETED && typeof k === "string") as string[];
}

function withPostfix(value: PyValue, word: string): string {
  return isCallable(value) ? `${word}(` : word;
}

function nameMatches(text: string, globals: PyDict, builtins: PyDict): string[] {
  const out: string[] = [];
  for (const k of KEYWORDS) {
    if (!k.startsWith(text)) continue;
    out.push(k === "finally" || k === "try" ? `${k}:` : BARE_KEYWORDS.has(k) ? k : `${k} `);
  }
  for (const d of [globals, builtins]) {
    for (const name of dictNames(d)) {
      if (name.startsWith(text) && !KEYWORDS.has(name)) out.push(withPostfix(d.getStr(name)!, name));
    }
  }
  return out;
}

function attributeMatches(word: string, dot: number, globals: PyDict, builtins: PyDict): string[] {
  const path = word.slice(0, dot).split(".");
  const prefix = word.slice(dot + 1);
  if (path.some((p) => p === "" || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(p))) return [];
  let obj = globals.getStr(path[0]) ?? builtins.getStr(path[0]);
  for (const attr of path.slice(1)) {
    if (obj === undefined) return [];
    obj = safe(() => getAttrOrUndefined(obj!, attr));
  }
  if (obj === undefined) return [];
  const dirFn = builtins.getStr("dir");
  const names = dirFn === undefined
    ? []
    : safe(() => toArray(call(dirFn, [obj!])).map((n) => strValueOf(n) ?? "")) ?? [];
  const base = word.slice(0, dot + 1);
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    // As rlcompleter: private names only when asked for (`obj._`), dunders when `obj.__`.
    if (prefix === "" && name.startsWith("_")) continue;
    if (prefix === "_" && name.startsWith("__")) continue;
    const value = safe(() => getAttrOrUndefined(obj!, name));
    out.push(value === undefined ? base + name : withPostfix(value, base + name));
  }
  return out;
}

/** f(), or undefined when it raises (completion never shows an error). */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
