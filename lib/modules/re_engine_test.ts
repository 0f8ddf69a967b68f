/**
 * The two engines of `re` and the choice between them: which patterns the translator gives to
 * V8 and why it keeps the others (chooseEngine / whyNotTranslated); the own matcher on long
 * subjects (no recursion per character) and under an interrupt (Ctrl-C stops a catastrophic
 * pattern with KeyboardInterrupt, and the matcher works again afterwards).
 */
import "../builtins.ts";
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { PyBaseException } from "../../objects/object.ts";
import { signalFlags } from "../../vm/interrupts.ts";
import {
  compileProgram,
  execute,
  MODE_FULLMATCH,
  MODE_MATCH,
  MODE_SEARCH,
  NO_MATCH,
  subjectOf,
} from "./re_engine.ts";
import { resolvePattern } from "./re_ir.ts";
import { parsePattern } from "./re_parser.ts";
import { chooseEngine, whyNotTranslated } from "./re_translate.ts";

function why(pattern: string, flags = 0): string | null {
  const p = parsePattern(pattern, flags, true);
  return whyNotTranslated(resolvePattern(p, true), p.groups);
}

function program(pattern: string) {
  const p = parsePattern(pattern, 0, true);
  return compileProgram(resolvePattern(p, true), p.groups);
}

Deno.test("the translator takes plain patterns", () => {
  for (
    const p of [
      String.raw`\w+@\w+\.com`,
      "(a)|b",
      "(?:a|b)*c",
      String.raw`^\d{1,3}$`,
      "(?i)straße",
      String.raw`\bx\B`,
    ]
  ) {
    assertEquals([p, why(p)], [p, null]);
  }
  for (
    const p of [
      "(?=(ab))(a)",
      "(?=((a)b))",
      "(?>ab|a)c",
      "a*+b",
      "(?<=ab)c",
      String.raw`(a)\1`,
      "(?m)^x$",
      String.raw`(?s).\Z`,
    ]
  ) {
    assertEquals([p, why(p)], [p, null]);
  }
  // iterations that each begin with a character nothing else in them matches split one way only
  for (
    const p of ["[^,]*(?:,[^,]*)*$", String.raw`\d+(?:\.\d+)*`, "(?:/[^/]+)+", String.raw`(?:-[a-z]\w*)*`]
  ) {
    assertEquals([p, why(p)], [p, null]);
  }
});

Deno.test("the own matcher keeps what V8 would do differently", () => {
  const cases: [string, string][] = [
    ["(a)?(?(1)b|c)", "conditional"],
    ["(a|)*", "repeat of a body that can be empty"],
    ["(?:(a)|b)+", "capture skipped by some iteration"],
    ["(?<=(a))", "captures inside a lookbehind or negative lookahead"],
    ["(?!(a)b)", "captures inside a lookbehind or negative lookahead"],
    [String.raw`(?i)(a)\1`, "backreference under IGNORECASE"],
    [String.raw`(a)?\1`, "backreference to a group that may be unset"],
    ["(?:(a)b)*+", "captures in a possessive repeat"],
    ["a{20000}", "large repeat count"],
    ["(a+)+b", "nested repetition (kept interruptible)"],
    ["(?:a|ab)*c", "nested repetition (kept interruptible)"],
    ["(?:,[^,]*.)*$", "nested repetition (kept interruptible)"],
    ['(?:"[^"]*")*$', "nested repetition (kept interruptible)"],
    [String.raw`(?:-[\w-]*)*x`, "nested repetition (kept interruptible)"],
  ];
  for (const [p, reason] of cases) assertEquals([p, why(p)], [p, reason]);
});

Deno.test("the translation of a class uses CPython's tables, not V8's", () => {
  const p = parsePattern(String.raw`\s`, 0, true);
  const t = chooseEngine(resolvePattern(p, true), p.groups)!;
  const re = new RegExp(t.bmpSource);
  // CPython's \s has \x1c-\x1f and \x85, not U+FEFF; V8's \s is the other way round
  assertEquals(["\x1c", "\x85", "\ufeff"].map((c) => re.test(c)), [true, true, false]);
});

Deno.test("the own matcher runs long subjects without deep recursion", () => {
  const n = 300000;
  const out = new Int32Array(4);
  const s = "ab".repeat(n) + "c";
  assertEquals(execute(program("(?:(a)|b)*c"), subjectOf(s), 0, s.length, MODE_MATCH, false, out), 1);
  assertEquals(Array.from(out), [0, 2 * n + 1, 2 * n - 2, 2 * n - 1]);
  const t = "x".repeat(n);
  assertEquals(execute(program("(?:x|y)*?$"), subjectOf(t), 0, n, MODE_FULLMATCH, false, out), -1);
  assertEquals(execute(program("(?>x+)x"), subjectOf(t), 0, n, MODE_MATCH, false, out), NO_MATCH);
});

Deno.test("Ctrl-C stops a catastrophic pattern, and the matcher works again after it", () => {
  const prog = program("(a+)+b");
  const s = "a".repeat(40);
  const out = new Int32Array(4);
  signalFlags[0] = 1;
  let raised = "";
  try {
    execute(prog, subjectOf(s), 0, s.length, MODE_MATCH, false, out);
  } catch (e) {
    raised = e instanceof PyBaseException ? e.cls.name : String(e);
  }
  assertEquals(raised, "KeyboardInterrupt");
  assertEquals(execute(program("a(b)"), subjectOf("xab"), 0, 3, MODE_SEARCH, false, out), 1);
  assertEquals(Array.from(out), [1, 3, 2, 3]);
});
