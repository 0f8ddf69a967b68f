/**
 * Token columns: what the lexer writes is what `tokenize` returns, the columns grow past their
 * first guess, and released columns come back empty for the next parse.
 */
import assert from "node:assert/strict";
import { tokenize, tokenizeUntilError } from "./lexer.ts";
import { makeToken, TokenKind } from "./token.ts";
import { TokenColumns } from "./token_columns.ts";
import { parse } from "../compiler/parser.ts";

Deno.test("columns hold the same tokens as tokenize returns", () => {
  const src = "def f(a, *b):\n    return f'{a!r:>{b}}' + 0x_1F\n";
  const { columns, error } = tokenizeUntilError(src, "<t>");
  assert.equal(error, null);
  const fromColumns = columns.toTokens();
  columns.release();
  assert.deepEqual(fromColumns, tokenize(src, "<t>"));
});

Deno.test("columns grow past their first guess and keep every field", () => {
  const columns = new TokenColumns(1);
  for (let i = 0; i < 100; i++) {
    columns.push(TokenKind.NAME, `n${i}`, i + 1, i, i + 2, i + 3, 4 * i, 4 * i + 2);
  }
  assert.equal(columns.count, 100);
  assert.deepEqual(columns.token(99), makeToken(TokenKind.NAME, "n99", 100, 99, 101, 102, 396, 398));
  assert.deepEqual(columns.token(0), makeToken(TokenKind.NAME, "n0", 1, 0, 2, 3, 0, 2));
});

Deno.test("released columns are reused empty, with their texts cleared", () => {
  const first = TokenColumns.take(8, "");
  first.push(TokenKind.NAME, "secret", 1, 0, 1, 6, 0, 6);
  first.release();
  const second = TokenColumns.take(8, "");
  assert.equal(second.count, 0);
  assert.equal(second.values[0], "");
  second.release();
});

Deno.test("a parse that fails releases its columns like one that succeeds", () => {
  const before = TokenColumns.take(8, "");
  before.release();
  try {
    parse("x = (1,\n", "<t>");
  } catch { /* the syntax error is expected */ }
  // The same buffers come back: the failed parse did not keep them.
  const after = TokenColumns.take(8, "");
  assert.equal(after, before);
  after.release();
});
