/**
 * Test support: the CPython-generated case table (tests/data/object_cases.json, made by
 * tests/tools/gen_object_cases.py) → Python values and outcomes pyjit can be compared against.
 *
 * @example
 * ```ts
 * import { CASES, decode, outcomeOf } from "./object_cases.ts";
 * ```
 * @module
 */
import "../lib/builtins.ts";
import {
  dictFromObject,
  newTuple,
  None,
  normInt,
  PyBaseException,
  PyBytes,
  PyComplex,
  PyDict,
  PyFloat,
  PyList,
  PySlice,
  type PyValue,
} from "../objects/object.ts";
import { repr, str } from "../objects/ops.ts";
import data from "./data/object_cases.json" with { type: "json" };

/** A value as encoded by the generator. */
export type Encoded =
  | { int: string }
  | { float: string }
  | { bool: boolean }
  | { str: string }
  | { none: true }
  | { complex: [string, string] }
  | { tuple: Encoded[] }
  | { list: Encoded[] }
  | { dict: Record<string, Encoded> }
  | { slice: [Encoded, Encoded, Encoded] }
  | { bytes: number[] }
  | { intdict: [number, Encoded][] };

/** What CPython produced: a result (a str, or the repr of anything else) or an error. */
export type Outcome = { result: string } | { error: string; message: string };

/** The whole table. */
// deno-lint-ignore no-explicit-any
export const CASES: any = data;

function floatOf(s: string): number {
  if (s === "inf") return Infinity;
  if (s === "-inf") return -Infinity;
  if (s === "nan") return NaN;
  return Number(s);
}

/** Rebuilds the Python value. */
export function decode(e: Encoded): PyValue {
  if ("int" in e) return normInt(BigInt(e.int));
  if ("float" in e) return new PyFloat(floatOf(e.float));
  if ("bool" in e) return e.bool;
  if ("str" in e) return e.str;
  if ("none" in e) return None;
  if ("complex" in e) return new PyComplex(floatOf(e.complex[0]), floatOf(e.complex[1]));
  if ("tuple" in e) return newTuple(e.tuple.map(decode));
  if ("list" in e) return new PyList(e.list.map(decode));
  if ("slice" in e) return new PySlice(decode(e.slice[0]), decode(e.slice[1]), decode(e.slice[2]));
  if ("bytes" in e) return new PyBytes(new Uint8Array(e.bytes));
  if ("intdict" in e) {
    const d = new PyDict();
    for (const [k, v] of e.intdict) d.set(k, decode(v));
    return d;
  }
  const out: Record<string, PyValue> = {};
  for (const [k, v] of Object.entries(e.dict)) out[k] = decode(v);
  return dictFromObject(out);
}

/** Runs fn and describes its outcome the way the generator did. */
export function outcomeOf(fn: () => PyValue): Outcome {
  try {
    const r = fn();
    return { result: typeof r === "string" ? r : repr(r) };
  } catch (e) {
    if (e instanceof PyBaseException) return { error: e.cls.name, message: str(e) };
    throw e;
  }
}
