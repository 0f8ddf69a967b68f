/**
 * Methods of str, list, tuple, dict, bytes, int, float and complex called with CPython 3.11's
 * arguments and compared with its results and error messages (tests/data/object_cases.json),
 * including astral characters in str methods.
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { CASES, decode, type Encoded, type Outcome, outcomeOf } from "./object_cases.ts";
import { call, getAttr, repr } from "../objects/ops.ts";

Deno.test("builtin methods match CPython, errors included", () => {
  const failures: string[] = [];
  for (const [recv, name, args, want] of CASES.methods as [Encoded, string, Encoded[], Outcome][]) {
    const self = decode(recv);
    const got = outcomeOf(() => call(getAttr(self, name), args.map(decode)));
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(
        `${repr(self)}.${name}(${JSON.stringify(args)}): got ${JSON.stringify(got)}, CPython ${
          JSON.stringify(want)
        }`,
      );
    }
  }
  assertEquals(failures, []);
});
