/**
 * The math module against CPython 3.11's results (tests/data/object_cases.json): values, domain
 * and range errors, and fsum's exact rounding. Functions whose last bits depend on the C library
 * (APPROXIMATE) are compared to 1e-14 relative.
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { CASES, decode, type Encoded, type Outcome, outcomeOf } from "../../tests/object_cases.ts";
import { makeMathModule } from "./math.ts";
import { call, repr } from "../../objects/ops.ts";
import { PyList } from "../../objects/object.ts";

const math = makeMathModule();
const fn = (name: string) => math.dict!.getStr(name)!;
/** Functions whose last bits come from the platform libm (glibc for CPython, fdlibm ports in V8). */
const APPROXIMATE = new Set(["erf", "erfc", "cbrt", "hypot", "dist", "expm1", "log1p", "atanh"]);

Deno.test("math functions give CPython's values and errors", () => {
  const failures: string[] = [];
  for (const [name, args, want] of CASES.math as [string, Encoded[], Outcome][]) {
    const got = outcomeOf(() => call(fn(name), args.map(decode)));
    if (JSON.stringify(got) === JSON.stringify(want)) continue;
    if (APPROXIMATE.has(name) && "result" in got && "result" in want) {
      const a = Number(got.result), b = Number(want.result);
      if (Math.abs(a - b) <= 1e-14 * Math.abs(b)) continue;
    }
    failures.push(
      `math.${name}(${JSON.stringify(args)}): got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`,
    );
  }
  assertEquals(failures, []);
});

Deno.test("math.fsum is exactly rounded", () => {
  for (const [xs, want] of CASES.fsum as [Encoded[], Outcome][]) {
    const got = outcomeOf(() => call(fn("fsum"), [new PyList(xs.map(decode))]));
    assertEquals(got, want);
  }
});

Deno.test("math constants are CPython's", () => {
  const shown = ["pi", "e", "tau", "inf", "nan"].map((n) => repr(math.dict!.getStr(n)!));
  assertEquals(shown, ["3.141592653589793", "2.718281828459045", "6.283185307179586", "inf", "nan"]);
});
