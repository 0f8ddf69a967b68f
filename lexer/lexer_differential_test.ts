/**
 * Differential test against CPython 3.11 on mutated programs (tests/data/lexer/mutations.json,
 * from gen_mutations.py): the lexer accepts every snippet CPython compiles, and where CPython's
 * error is one its tokenizer raises, the lexer raises the same error at the same place.
 */
import assert from "node:assert/strict";
import { tokenize } from "./lexer.ts";
import { PySyntaxError } from "./syntax_error.ts";

const cases = JSON.parse(
  Deno.readTextFileSync(new URL("../tests/data/lexer/mutations.json", import.meta.url)),
) as { source: string; cpython: [string, string, number, number] | null }[];

/** Messages only CPython's tokenizer produces. */
const LEXICAL = [
  /^'.' was never closed$/,
  /^closing parenthesis '.' does not match opening parenthesis '.'/,
  /^unmatched '.'$/,
  /^unterminated (triple-quoted )?string literal \(detected at line \d+\)$/,
  /^invalid (decimal|hexadecimal|octal|binary|imaginary) literal$/,
  /^invalid digit '.' in (octal|binary) literal$/,
  /^leading zeros in decimal integer literals/,
  /^invalid (non-printable )?character/,
  /^unexpected character after line continuation character$/,
  /^unexpected EOF while parsing$/,
  /^inconsistent use of tabs and spaces in indentation$/,
  /^unindent does not match any outer indentation level$/,
  /^too many (nested parentheses|levels of indentation)$/,
];

function lex(source: string): [string, string, number, number] | null {
  try {
    tokenize(source, "t.py");
    return null;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return [e.kind, e.msg, e.lineno, e.offset];
  }
}

Deno.test("the lexer accepts every mutated snippet CPython compiles", () => {
  const compiled = cases.filter((c) => c.cpython === null);
  assert.ok(compiled.length > 50);
  for (const c of compiled) assert.equal(lex(c.source), null, JSON.stringify(c.source));
});

Deno.test("where CPython's tokenizer rejects a snippet, the lexer raises the same error", () => {
  const lexical = cases.filter((c) => c.cpython !== null && LEXICAL.some((re) => re.test(c.cpython![1])));
  assert.ok(lexical.length > 200);
  for (const c of lexical) assert.deepEqual(lex(c.source), c.cpython, JSON.stringify(c.source));
});
