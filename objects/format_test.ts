/**
 * The format mini-language, %-formatting, str.format, float repr and round, int()/float() parsing,
 * checked case by case against CPython 3.11's outputs (tests/data/object_cases.json).
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { CASES, decode, type Encoded, type Outcome, outcomeOf } from "../tests/object_cases.ts";
import { formatValue, percentFormat, strFormat } from "./format.ts";
import { call, repr, str } from "./ops.ts";
import { dictFromObject, type PyFloat, type PyValue } from "./object.ts";
import { builtinsModule } from "../lib/builtins.ts";

const builtin = (name: string) => builtinsModule().dict!.getStr(name)!;

/** Asserts every case of a table, reporting all mismatches at once. */
function checkAll<T>(cases: T[], run: (c: T) => [string, Outcome, Outcome]): void {
  const failures: string[] = [];
  for (const c of cases) {
    const [label, got, want] = run(c);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(`${label}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(want)}`);
    }
  }
  assertEquals(failures, []);
}

Deno.test("format(value, spec) matches CPython for int, float, str and complex", () => {
  checkAll(CASES.format as [Encoded, string, Outcome][], ([v, spec, want]) => {
    const value = decode(v);
    return [
      `format(${repr(value)}, ${JSON.stringify(spec)})`,
      outcomeOf(() => formatValue(value, spec)),
      want,
    ];
  });
});

Deno.test("%-formatting matches CPython", () => {
  checkAll(CASES.percent as [string, Encoded, Outcome][], ([fmt, args, want]) => {
    const value = decode(args);
    return [`${JSON.stringify(fmt)} % ${repr(value)}`, outcomeOf(() => percentFormat(fmt, value)), want];
  });
});

Deno.test("str.format matches CPython", () => {
  checkAll(
    CASES.str_format as [string, Encoded[], Record<string, Encoded>, Outcome][],
    ([t, args, kw, want]) => {
      const kwargs: Record<string, PyValue> = {};
      for (const [k, v] of Object.entries(kw)) kwargs[k] = decode(v);
      return [
        `${JSON.stringify(t)}.format(...)`,
        outcomeOf(() => strFormat(t, args.map(decode), dictFromObject(kwargs))),
        want,
      ];
    },
  );
});

Deno.test("round(x[, n]) is correctly rounded like CPython", () => {
  checkAll(CASES.round as [Encoded, number | null, Outcome][], ([x, nd, want]) => {
    const v = decode(x);
    const args = nd === null ? [v] : [v, nd];
    return [`round(${repr(v)}, ${nd})`, outcomeOf(() => call(builtin("round"), args)), want];
  });
});

Deno.test("float repr and str are the shortest round-trip forms", () => {
  for (const [x, r, s] of CASES.float_repr as [Encoded, string, string][]) {
    const v = decode(x) as PyFloat;
    assertEquals([repr(v), str(v)], [r, s]);
  }
});

Deno.test("int(s, base) and float(s) parse like CPython, with its error messages", () => {
  checkAll(CASES.int_parse as [string, number, Outcome][], ([s, base, want]) => {
    return [`int(${JSON.stringify(s)}, ${base})`, outcomeOf(() => call(builtin("int"), [s, base])), want];
  });
  checkAll(CASES.float_parse as [string, Outcome][], ([s, want]) => {
    return [`float(${JSON.stringify(s)})`, outcomeOf(() => call(builtin("float"), [s])), want];
  });
});
