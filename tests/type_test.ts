/**
 * Classes end to end: small Python programs about MRO, metaclasses, __slots__, properties,
 * descriptors, attribute hooks, operator dispatch, object() errors, exceptions and exception groups,
 * and builtin subclasses, run through pyjit and compared with CPython 3.11's output
 * (tests/data/type_cases.json, made by tests/tools/gen_type_cases.py).
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { runProgram } from "../driver/run.ts";
import { setOutputSinks } from "../objects/stdio.ts";
import cases from "./data/type_cases.json" with { type: "json" };

/** Runs a program, returning what it printed on stdout and stderr. */
function runCaptured(source: string): { out: string; err: string } {
  const decoder = new TextDecoder();
  let out = "", err = "";
  const old = setOutputSinks((b) => out += decoder.decode(b), (b) => err += decoder.decode(b));
  try {
    runProgram(source, {
      filename: "<case>",
      argv: ["<case>"],
      tier: "interp",
      stats: false,
      dumpTraces: false,
    });
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
  return { out, err };
}

for (
  const [name, [source, expected]] of Object.entries(cases as unknown as Record<string, [string, string]>)
) {
  Deno.test(`class semantics match CPython: ${name}`, () => {
    const { out, err } = runCaptured(source);
    assertEquals({ out, err }, { out: expected, err: "" });
  });
}
