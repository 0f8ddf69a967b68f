/**
 * The math module against CPython 3.11's results (tests/data/object_cases.json): values, domain
 * and range errors, and fsum's exact rounding, all bit for bit (functions listed in APPROXIMATE
 * would be compared to 1e-14 relative: none is, since libm.ts computes as glibc does); and gcd's
 * Lehmer steps against Euclid's algorithm.
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { CASES, decode, type Encoded, type Outcome, outcomeOf } from "../../tests/object_cases.ts";
import { gcd2, makeMathModule } from "./math.ts";
import { call, repr } from "../../objects/ops.ts";
import { PyList } from "../../objects/object.ts";

const math = makeMathModule();
const fn = (name: string) => math.dict!.getStr(name)!;
/** Functions whose last bits may differ from glibc's (none among these cases). */
const APPROXIMATE = new Set<string>([]);

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

Deno.test("math.gcd's Lehmer steps agree with Euclid's algorithm on big random ints", () => {
  const euclid = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  let seed = 12345;
  const random30 = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 2;
  };
  const randomBig = (bits: number): bigint => {
    let v = 0n;
    for (let i = 0; i < bits; i += 30) v = (v << 30n) | BigInt(random30());
    return v;
  };
  const failures: string[] = [];
  for (let i = 0; i < 500; i++) {
    const common = randomBig(1 + (random30() % 200));
    const a = randomBig(1 + (random30() % 2000)) * (i % 3 ? common : 1n) * (i % 5 === 0 ? -1n : 1n);
    const b = randomBig(1 + (random30() % 2000)) * (i % 2 ? common : 1n);
    if (gcd2(a, b) !== euclid(a, b)) failures.push(`${a} ${b}`);
  }
  for (
    const [a, b] of [[0n, 0n], [0n, 5n], [2n ** 200n, 2n ** 100n], [2n ** 64n + 1n, 2n ** 64n], [
      3n ** 300n,
      2n * 3n ** 299n,
    ]]
  ) {
    if (gcd2(a, b) !== euclid(a, b)) failures.push(`${a} ${b}`);
  }
  assertEquals(failures, []);
});
