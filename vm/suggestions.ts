/**
 * "Did you mean" for the printout of an uncaught AttributeError (CPython 3.11 adds it to the last
 * line of the traceback it prints, not to what the traceback module formats): in, the exception
 * (its `name` and `obj` attributes); out, the attribute of `dir(obj)` closest to the missing name,
 * or null when none is close enough.
 *
 * Closeness is an edit distance in which changing only the case of a letter costs 1 and every
 * other insertion, deletion or substitution costs 2; a candidate is close enough when the cost
 * is at most a third of the two names' combined length (plus 3, times the edit cost, over 6).
 * Lists of 750 candidates or more, and names longer than 40 characters, are not searched, so that
 * printing an error stays cheap. The first best candidate in sorted order wins.
 *
 * A NameError (of that exact type, as CPython 3.11) gets the closest name among the failing frame's
 * local variable names, else its globals, else its builtins, each list searched in its own order
 * (vm/traceback.ts gives them from the innermost traceback entry).
 *
 * @example
 * ```ts
 * import { editCostWithin } from "./suggestions.ts";
 * editCostWithin("apend", "append", 10); // 2
 * ```
 * @module
 */
import { Exc, PyBaseException, type PyValue } from "../objects/object.ts";
import { callMethod0, str, toArray } from "../objects/ops.ts";
import { typeOf } from "../objects/object.ts";

const MAX_CANDIDATES = 750;
const MAX_NAME_LENGTH = 40;
const EDIT_COST = 2;
const CASE_COST = 1;

/** The text CPython appends to an AttributeError's message (". Did you mean: 'x'?"), or "". */
export function suggestionSuffix(exc: PyValue): string {
  if (!(exc instanceof PyBaseException) || !exc.cls.isSubtypeOf(Exc.AttributeError)) return "";
  const name = exc.dict?.getStr("name");
  const obj = exc.dict?.getStr("obj");
  if (typeof name !== "string" || obj === undefined) return "";
  let candidates: string[];
  try {
    candidates = attributeNames(obj);
  } catch {
    return ""; // a failing __dir__ leaves the message as it is
  }
  const best = closestName(name, candidates);
  return best === null ? "" : `. Did you mean: '${best}'?`;
}

/**
 * The text CPython appends to a NameError's message, or "": the closest name of the failing frame's
 * scopes (local variable names, globals' keys, builtins' keys, in that order), each listed only
 * when the ones before it had none.
 */
export function nameSuggestionSuffix(exc: PyValue, scopes: readonly (() => readonly PyValue[])[]): string {
  if (!(exc instanceof PyBaseException) || exc.cls !== Exc.NameError) return "";
  const name = exc.dict?.getStr("name");
  if (typeof name !== "string") return "";
  for (const scope of scopes) {
    const best = closestName(name, scope().filter((n): n is string => typeof n === "string"));
    if (best !== null) return `. Did you mean: '${best}'?`;
  }
  return "";
}

function attributeNames(obj: PyValue): string[] {
  const dir = typeOf(obj).lookup("__dir__");
  if (dir === undefined) return [];
  const names = toArray(callMethod0(dir, obj)).map((n) => (typeof n === "string" ? n : str(n)));
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The candidate closest to `name` within the allowed cost, or null. */
export function closestName(name: string, candidates: string[]): string | null {
  if (candidates.length >= MAX_CANDIDATES) return null;
  let best: string | null = null;
  let bestCost = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const allowed = Math.min(
      Math.floor((name.length + candidate.length + 3) * EDIT_COST / 6),
      bestCost - 1,
    );
    const cost = editCostWithin(name, candidate, allowed);
    if (cost <= allowed && cost < bestCost) {
      best = candidate;
      bestCost = cost;
    }
  }
  return best;
}

/** Cost of changing one character into another: 0, CASE_COST when only the case differs, else EDIT_COST. */
function changeCost(a: string, b: string): number {
  if (a === b) return 0;
  return isAsciiLetter(a) && a.toLowerCase() === b.toLowerCase() ? CASE_COST : EDIT_COST;
}

function isAsciiLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}

/**
 * The edit cost from `a` to `b`, or a number above `limit` as soon as it is known to exceed it
 * (a common prefix and suffix cost nothing and are set aside first).
 */
export function editCostWithin(a: string, b: string, limit: number): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let x = a.slice(start, endA), y = b.slice(start, endB);
  if (x.length === 0 || y.length === 0) return (x.length + y.length) * EDIT_COST;
  if (x.length > MAX_NAME_LENGTH || y.length > MAX_NAME_LENGTH) return limit + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * EDIT_COST > limit) return limit + 1;
  // One row of the cost table at a time: row[i] is the cost from y[..j] to x[..i+1].
  const row = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) row[i] = (i + 1) * EDIT_COST;
  let cost = 0;
  for (let j = 0; j < y.length; j++) {
    let diagonal = j * EDIT_COST; // cost from y[..j] to x[..i]
    cost = diagonal + EDIT_COST; // cost from y[..j+1] to the empty prefix of x
    let rowMinimum = Infinity;
    for (let i = 0; i < x.length; i++) {
      const above = row[i];
      const next = Math.min(diagonal + changeCost(y[j], x[i]), above + EDIT_COST, cost + EDIT_COST);
      diagonal = above;
      row[i] = cost = next;
      if (next < rowMinimum) rowMinimum = next;
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return cost;
}
