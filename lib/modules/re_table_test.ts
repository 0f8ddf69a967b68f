/**
 * Checks pyjit's `re` against CPython's results in tests/data/re_cases.json (written by
 * tests/tools/gen_re_table.py): every case on the engine the translator picks, then every case on
 * the own matcher alone. In: the cases. Out: a failure listing the cases that differ.
 *
 * Run by hand on another file: `deno run -A lib/modules/re_table_test.ts /tmp/re_fuzz.json`.
 */
import "../builtins.ts";
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import {
  bytesType,
  PyBaseException,
  PyBytes,
  PyList,
  PyTuple,
  type PyType,
  type PyValue,
} from "../../objects/object.ts";
import { call, getAttr, intValueOf, strValueOf } from "../../objects/ops.ts";
import { fromLatin1, latin1 } from "../../objects/types/bytes.ts";
import { compilePattern, engineOf, engineOptions, makeSreModule, PyMatch, reErrorType } from "./_sre.ts";

interface Case {
  p: string;
  b?: boolean;
  f: number;
  s: string;
  op: string;
  pos?: number;
  endpos?: number;
  t?: string;
  r?: ([number, number] | null)[] | null;
  li?: number | null;
  v?: unknown;
  e?: [string, number | null];
  x?: [string, string];
}

type Outcome = Omit<Case, "p" | "b" | "f" | "s" | "op" | "pos" | "endpos" | "t">;

const module = makeSreModule();
const patternType = module.dict!.getStr("Pattern") as PyType;

function toPy(s: string, bytes: boolean): PyValue {
  return bytes ? new PyBytes(fromLatin1(s), bytesType) : s;
}

function fromPy(v: PyValue): unknown {
  if (v instanceof PyBytes) return latin1(v.data);
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map(fromPy);
  if (typeof v === "string") return v;
  const s = strValueOf(v);
  if (s !== undefined) return s;
  if (v instanceof PyBaseException) return null;
  return v === null || (typeof v === "object" && v.cls.name === "NoneType") ? null : v;
}

/** Runs one case through pyjit: the outcome in the table's shape, and the engine used. */
export function runCase(c: Case): [Outcome, string] {
  const bytes = c.b === true;
  let engine = "-";
  try {
    const p = compilePattern(toPy(c.p, bytes), c.f);
    engine = engineOf(p);
    const method = patternType.attrs.get(c.op === "sub" ? "sub" : c.op)!;
    const args: PyValue[] = c.op === "sub" ? [p, toPy(c.t!, bytes), toPy(c.s, bytes)] : [p, toPy(c.s, bytes)];
    if (c.pos !== undefined && c.op !== "sub") {
      args.push(c.pos);
      if (c.endpos !== undefined) args.push(c.endpos);
    }
    const r = call(method, args);
    if (c.op === "match" || c.op === "search" || c.op === "fullmatch") {
      if (!(r instanceof PyMatch)) return [{ r: null }, engine];
      const spans: ([number, number] | null)[] = [];
      for (let g = 0; g <= p.groups; g++) {
        const s = r.marks[2 * g], e = r.marks[2 * g + 1];
        spans.push(s < 0 ? null : [s, e]);
      }
      return [{ r: spans, li: r.lastindex < 0 ? null : r.lastindex }, engine];
    }
    return [{ v: fromPy(r) }, engine];
  } catch (e) {
    if (e instanceof PyBaseException) {
      if (e.cls === reErrorType) {
        const pos = getAttr(e, "pos");
        const n = intValueOf(pos);
        return [{ e: [strValueOf(getAttr(e, "msg"))!, n === undefined ? null : Number(n)] }, engine];
      }
      return [{ x: [e.cls.name, String(strValueOf(e.args.items[0] ?? "") ?? "")] }, engine];
    }
    throw e;
  }
}

function expected(c: Case): Outcome {
  const out: Outcome = {};
  if ("r" in c) out.r = c.r;
  if (c.r !== null && c.r !== undefined) out.li = c.li ?? null;
  if ("v" in c) out.v = c.v;
  if ("e" in c) out.e = c.e;
  if ("x" in c) out.x = c.x;
  return out;
}

/** The cases whose outcome differs, as printable lines. */
export function mismatches(cases: Case[], forceOwn: boolean): string[] {
  engineOptions.forceOwn = forceOwn;
  const bad: string[] = [];
  try {
    for (const c of cases) {
      const [got, engine] = runCase(c);
      const want = expected(c);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        bad.push(`${JSON.stringify(c)}\n    engine ${engine}, got ${JSON.stringify(got)}`);
      }
    }
  } finally {
    engineOptions.forceOwn = false;
  }
  return bad;
}

function load(path: string | URL): Case[] {
  return JSON.parse(Deno.readTextFileSync(path));
}

const TABLE = new URL("../../tests/data/re_cases.json", import.meta.url);

Deno.test("re: CPython's results, on the engine the translator picks", () => {
  assertEquals(mismatches(load(TABLE), false), []);
});

Deno.test("re: CPython's results, on the own matcher alone", () => {
  assertEquals(mismatches(load(TABLE), true), []);
});

Deno.test("re: the translator takes most of the table's patterns", () => {
  let js = 0, own = 0;
  for (const c of load(TABLE)) {
    if (c.e !== undefined || c.x !== undefined) continue;
    const [, engine] = runCase(c);
    if (engine === "js") js++;
    else own++;
  }
  if (js < own) throw new Error(`only ${js} of ${js + own} cases went to V8`);
});

if (import.meta.main) {
  const cases = load(Deno.args[0]);
  const engines: Record<string, number> = {};
  for (const c of cases) {
    const [, engine] = runCase(c);
    engines[engine] = (engines[engine] ?? 0) + 1;
  }
  console.log("engines:", JSON.stringify(engines));
  for (const force of [false, true]) {
    const bad = mismatches(cases, force);
    console.log(`${force ? "own matcher" : "auto"}: ${bad.length} of ${cases.length} differ`);
    for (const line of bad.slice(0, Number(Deno.args[1] ?? 40))) console.log(line);
  }
}
