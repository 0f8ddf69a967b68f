/**
 * Syntax errors: for each case in tests/data/ast/syntax_errors.json (CPython 3.11's SyntaxError for
 * that source, and what `python3 case.py` printed), the parser raises the same error class,
 * message, line and offsets, and `formatSyntaxError` renders it byte for byte.
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { parse } from "./parser.ts";
import { formatSyntaxError, PySyntaxError } from "../lexer/syntax_error.ts";

interface ExpectedError {
  source: string;
  kind: string;
  msg: string;
  lineno: number;
  offset: number;
  end_lineno: number | null;
  end_offset: number | null;
  rendered: string;
}

const CASES: ExpectedError[] = JSON.parse(
  Deno.readTextFileSync(new URL("../tests/data/ast/syntax_errors.json", import.meta.url)),
);

function errorOf(source: string): PySyntaxError | null {
  try {
    parse(source, "case.py");
    return null;
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
}

Deno.test("syntax errors carry CPython's class, message, line and offsets", () => {
  const mismatches: string[] = [];
  for (const c of CASES) {
    const e = errorOf(c.source);
    const got = e === null
      ? "no error"
      : `${e.kind}: ${e.msg} @ ${e.lineno}:${e.offset}-${e.endLineno}:${e.endOffset}`;
    const want = `${c.kind}: ${c.msg} @ ${c.lineno}:${c.offset}-${c.end_lineno}:${c.end_offset}`;
    if (got !== want) mismatches.push(`${JSON.stringify(c.source)}\n  got  ${got}\n  want ${want}`);
  }
  assertEquals(mismatches.join("\n"), "");
});

Deno.test("formatSyntaxError prints what python3 prints for an uncaught SyntaxError", () => {
  const mismatches: string[] = [];
  for (const c of CASES) {
    const e = errorOf(c.source);
    const got = e === null ? "no error" : formatSyntaxError(e);
    if (got !== c.rendered) {
      mismatches.push(
        `${JSON.stringify(c.source)}\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(c.rendered)}`,
      );
    }
  }
  assertEquals(mismatches.join("\n"), "");
});

Deno.test("every case is a syntax error in CPython and here", () => {
  assertEquals(CASES.length > 150, true);
  for (const c of CASES) assertEquals(errorOf(c.source) !== null, true, JSON.stringify(c.source));
});
