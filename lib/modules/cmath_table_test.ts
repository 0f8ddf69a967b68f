/**
 * The cmath module against a table of CPython 3.11's results on seeded random inputs
 * (tests/data/cmath_table.json, written by tests/tools/gen_cmath_table.py) → the same errors, and
 * each result's parts bit for bit except a few parts an ulp or two away: cmath's formulas call sin,
 * cos, log and atan2, which pyjit still takes from V8 (correctly rounded, where glibc's last bit
 * differs for a fraction of a percent of arguments).
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { makeCmathModule } from "./cmath.ts";
import { call } from "../../objects/ops.ts";
import { PyBaseException, PyComplex, type PyValue } from "../../objects/object.ts";
import { nextAfter } from "./math.ts";

const cmath = makeCmathModule();
const table = JSON.parse(
  Deno.readTextFileSync(new URL("../../tests/data/cmath_table.json", import.meta.url)),
) as Record<string, [string, string, string | [string, string]][]>;

/** Parts an ulp or two away from CPython's allowed per function (out of 600 parts). */
const ALLOWED_LAST_BIT = 4;

function fromHex(s: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(s);
  if (m === null) {
    if (s === "inf") return Infinity;
    if (s === "-inf") return -Infinity;
    if (s === "nan") return NaN;
    if (s === "0x0.0p+0") return 0;
    if (s === "-0x0.0p+0") return -0;
    throw new Error(`bad hex float ${s}`);
  }
  const mantissa = parseInt(m[2] + m[3], 16) / 16 ** m[3].length;
  const value = mantissa * 2 ** Number(m[4]);
  return m[1] === "-" ? -value : value;
}

function outcome(name: string, re: number, im: number): [number, number] | string {
  try {
    const r: PyValue = call(cmath.dict!.getStr(name)!, [new PyComplex(re, im)]);
    return [(r as PyComplex).real, (r as PyComplex).imag];
  } catch (e) {
    if (e instanceof PyBaseException) return e.cls.name;
    throw e;
  }
}

/** Whether b is within two ulps of a (errors in a real part and an angle can add up). */
function nearby(a: number, b: number): boolean {
  const up = nextAfter(a, Infinity), down = nextAfter(a, -Infinity);
  return b === up || b === down || b === nextAfter(up, Infinity) || b === nextAfter(down, -Infinity);
}

Deno.test("cmath functions match CPython's table (a few parts within an ulp)", () => {
  const failures: string[] = [];
  for (const [name, rows] of Object.entries(table)) {
    let lastBit = 0;
    for (const [reText, imText, want] of rows) {
      const got = outcome(name, fromHex(reText), fromHex(imText));
      const label = `cmath.${name}(complex(${reText}, ${imText}))`;
      if (typeof want === "string" || typeof got === "string") {
        if (got !== want) failures.push(`${label}: got ${got}, CPython ${want}`);
        continue;
      }
      for (let k = 0; k < 2; k++) {
        const w = fromHex(want[k]);
        if (Object.is(got[k], w)) continue;
        if (nearby(got[k], w)) lastBit++;
        else failures.push(`${label}: part ${k} got ${got[k]}, CPython ${want[k]}`);
      }
    }
    if (lastBit > ALLOWED_LAST_BIT) failures.push(`cmath.${name}: ${lastBit} last-bit differences`);
  }
  assertEquals(failures, []);
});
