/**
 * String decoding tests: values and errors against CPython's eval() of the same literals
 * (tests/data/lexer/strings.json, written by tests/data/lexer/gen_lexer_data.py).
 */
import assert from "node:assert/strict";
import { decodeString, parsePrefix } from "./strings.ts";
import { PySyntaxError } from "./syntax_error.ts";
import { lookupUnicodeName } from "./unicode_names.ts";

const cases = JSON.parse(
  Deno.readTextFileSync(new URL("../tests/data/lexer/strings.json", import.meta.url)),
) as { literal: string; bytes?: boolean; value?: string; error?: string }[];

Deno.test("decodeString gives CPython's value for every escape, str and bytes", () => {
  for (const c of cases.filter((c) => c.error === undefined)) {
    assert.deepEqual(decodeString(c.literal), { bytes: c.bytes, value: c.value }, c.literal);
  }
});

Deno.test("decodeString raises CPython's message for malformed escapes and non-ASCII bytes", () => {
  for (const c of cases.filter((c) => c.error !== undefined)) {
    assert.throws(
      () => decodeString(c.literal),
      (e) => e instanceof PySyntaxError && e.msg === c.error,
      c.literal,
    );
  }
});

Deno.test("decoding errors point where CPython points: just past the literal", () => {
  const where = { filename: "x.py", line: 1, offset: 5, endLine: 1, endOffset: 10, text: "x = '\\x1'" };
  try {
    decodeString("'\\x1'", where);
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof PySyntaxError);
    assert.deepEqual([e.filename, e.lineno, e.offset, e.text], ["x.py", 1, 10, "x = '\\x1'"]);
  }
  try {
    decodeString("b'é'", { ...where, endOffset: 9 });
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof PySyntaxError);
    assert.deepEqual([e.offset, e.endOffset], [5, 9]);
  }
});

Deno.test("parsePrefix reads any case and order", () => {
  assert.deepEqual(parsePrefix("Rb'x'"), { bytes: true, raw: true, format: false, length: 2 });
  assert.deepEqual(parsePrefix("fR'x'"), { bytes: false, raw: true, format: true, length: 2 });
  assert.deepEqual(parsePrefix("'x'"), { bytes: false, raw: false, format: false, length: 0 });
});

Deno.test("the \\N{} table is case-insensitive and knows aliases", () => {
  assert.equal(lookupUnicodeName("Bullet"), 0x2022);
  assert.equal(lookupUnicodeName("NBSP"), 0xa0);
  assert.equal(lookupUnicodeName("LINE FEED"), 10);
  assert.equal(lookupUnicodeName("NO SUCH NAME"), -1);
});
