/**
 * Lexer tests: token streams against CPython's tokenize module (tests/data/lexer/tokens.json),
 * lexical errors against CPython 3.11's compile() (tests/data/lexer/errors.json), and f-strings
 * tokenized the 3.12 way (expectations written by hand from CPython 3.12's rules).
 */
import assert from "node:assert/strict";
import { tokenize } from "./lexer.ts";
import { PySyntaxError } from "./syntax_error.ts";
import { tokenKindName } from "./token.ts";

const DATA = new URL("../tests/data/lexer/", import.meta.url);

type Row = [string, string, number, number, number, number];

function rows(source: string): Row[] {
  return tokenize(source, "t.py").map((
    t,
  ) => [tokenKindName(t.kind), t.value, t.line, t.col, t.endLine, t.endCol]);
}

/** Kind and value of each token, e.g. `OP {`, `FSTRING_MIDDLE "a"`. */
function kinds(source: string): string[] {
  return tokenize(source, "t.py").map((t) => `${tokenKindName(t.kind)} ${JSON.stringify(t.value)}`);
}

function syntaxError(source: string): PySyntaxError {
  try {
    tokenize(source, "t.py");
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(source)}`);
}

const tokenCases = JSON.parse(Deno.readTextFileSync(new URL("tokens.json", DATA))) as Record<
  string,
  { source: string; tokens: Row[] }
>;
for (const [name, { source, tokens }] of Object.entries(tokenCases)) {
  Deno.test(`tokens match CPython's tokenize: ${name}`, () => {
    assert.deepEqual(rows(source), tokens);
  });
}

const errorCases = JSON.parse(Deno.readTextFileSync(new URL("errors.json", DATA))) as {
  source: string;
  kind: string;
  msg: string;
  lineno: number;
  offset: number;
}[];
Deno.test("lexical errors match CPython 3.11's compile(): class, message, line and offset", () => {
  for (const c of errorCases) {
    const e = syntaxError(c.source);
    assert.deepEqual(
      { kind: e.kind, msg: e.msg, lineno: e.lineno, offset: e.offset },
      { kind: c.kind, msg: c.msg, lineno: c.lineno, offset: c.offset },
      JSON.stringify(c.source),
    );
  }
});

Deno.test("errors carry the offending line's text", () => {
  const e = syntaxError("x = 1\ny = (1,\n  2\n");
  assert.deepEqual([e.lineno, e.offset, e.text], [2, 5, "y = (1,"]);
  assert.deepEqual(syntaxError("if 1:\n\tx\n        y\n").text, "        y");
});

Deno.test("parser-level problems are left to the parser", () => {
  for (
    const source of [
      "  x = 1\n", // unexpected indent: the parser sees INDENT
      "if x:\npass\n", // expected an indented block
      "1é\n",
      "0x1for\n",
      "1if x else 2\n",
      "f'{}'\n",
      "f'{x!}'\n",
      "f'{lambda x: x}'\n",
      "ur'x'\n",
      "fb'x'\n",
      "x = a *** b\n",
      "!\n",
      "$\n",
      "1 <> 2\n",
    ]
  ) tokenize(source, "t.py");
});

Deno.test("`$`, `?`, the backtick and `<>` are OP tokens for the parser to reject, as in CPython", () => {
  assert.deepEqual(kinds("$ ? ` <>").slice(0, 4), ['OP "$"', 'OP "?"', 'OP "`"', 'OP "<>"']);
});

Deno.test("NEWLINE, DEDENT and ENDMARKER are produced even without a final newline", () => {
  assert.deepEqual(kinds("if x:\n  y"), [
    'NAME "if"',
    'NAME "x"',
    'OP ":"',
    'NEWLINE "\\n"',
    'INDENT "  "',
    'NAME "y"',
    'NEWLINE ""',
    'DEDENT ""',
    'ENDMARKER ""',
  ]);
});

Deno.test("\\r line endings count as newlines", () => {
  assert.deepEqual(rows("a\rb\r"), [
    ["NAME", "a", 1, 0, 1, 1],
    ["NEWLINE", "\r", 1, 1, 1, 2],
    ["NAME", "b", 2, 0, 2, 1],
    ["NEWLINE", "\r", 2, 1, 2, 2],
    ["ENDMARKER", "", 3, 0, 3, 0],
  ]);
});

Deno.test("a byte order mark at the start is skipped and not counted in columns", () => {
  assert.deepEqual(rows("\ufeffx = 1\n").slice(0, 2), [["NAME", "x", 1, 0, 1, 1], ["OP", "=", 1, 2, 1, 3]]);
});

Deno.test("columns are UTF-8 byte offsets, start/end are UTF-16 offsets", () => {
  const [a, eq, s] = tokenize("é𝔘 = 'ü'\n", "t.py");
  assert.deepEqual([a.col, a.endCol, a.start, a.end], [0, 6, 0, 3]);
  assert.deepEqual([eq.col, eq.start], [7, 4]);
  assert.deepEqual([s.col, s.endCol, s.start, s.end], [9, 13, 6, 9]);
});

Deno.test("non-ASCII identifiers are NFKC-normalized", () => {
  assert.deepEqual(tokenize("ﬁ = 𝔘\n", "t.py").map((t) => t.value).slice(0, 3), ["fi", "=", "U"]);
});

Deno.test("a multi-line string token spans lines", () => {
  assert.deepEqual(rows("x = '''a\nbc'''\n")[2], ["STRING", "'''a\nbc'''", 1, 4, 2, 5]);
});

Deno.test("null bytes are rejected", () => {
  assert.deepEqual(syntaxError("x = 1\0\n").msg, "source code cannot contain null bytes");
  assert.deepEqual(syntaxError("'a\0'\n").msg, "source code cannot contain null bytes");
});

Deno.test("more than 200 nested brackets is an error, 200 is fine", () => {
  tokenize("(".repeat(200) + ")".repeat(200) + "\n", "t.py");
  assert.deepEqual(syntaxError("[".repeat(201)).msg, "too many nested parentheses");
});

// ---------------------------------------------------------------- f-strings (3.12)

Deno.test("f-string: literal text, a field, and the END", () => {
  assert.deepEqual(rows('f"a{b}c"\n'), [
    ["FSTRING_START", 'f"', 1, 0, 1, 2],
    ["FSTRING_MIDDLE", "a", 1, 2, 1, 3],
    ["OP", "{", 1, 3, 1, 4],
    ["NAME", "b", 1, 4, 1, 5],
    ["OP", "}", 1, 5, 1, 6],
    ["FSTRING_MIDDLE", "c", 1, 6, 1, 7],
    ["FSTRING_END", '"', 1, 7, 1, 8],
    ["NEWLINE", "\n", 1, 8, 1, 9],
    ["ENDMARKER", "", 2, 0, 2, 0],
  ]);
});

Deno.test("f-string: an empty f-string is START then END", () => {
  assert.deepEqual(kinds("F''"), ['FSTRING_START "F\'"', 'FSTRING_END "\'"', 'NEWLINE ""', 'ENDMARKER ""']);
});

Deno.test("f-string: nested quotes of the same kind", () => {
  assert.deepEqual(kinds('f"{x["a"]}"').slice(0, 8), [
    'FSTRING_START "f\\""',
    'OP "{"',
    'NAME "x"',
    'OP "["',
    'STRING "\\"a\\""',
    'OP "]"',
    'OP "}"',
    'FSTRING_END "\\""',
  ]);
});

Deno.test("f-string: nested replacement fields in the format spec", () => {
  assert.deepEqual(kinds('f"{x:{w}.{p}f}"').slice(0, 15), [
    'FSTRING_START "f\\""',
    'OP "{"',
    'NAME "x"',
    'OP ":"',
    'OP "{"',
    'NAME "w"',
    'OP "}"',
    'FSTRING_MIDDLE "."',
    'OP "{"',
    'NAME "p"',
    'OP "}"',
    'FSTRING_MIDDLE "f"',
    'OP "}"',
    'FSTRING_END "\\""',
    'NEWLINE ""',
  ]);
});

Deno.test("f-string: conversions and the self-documenting =", () => {
  assert.deepEqual(kinds('f"{x!r}{y=}{z = !s:>10}"').slice(1, -3), [
    'OP "{"',
    'NAME "x"',
    'OP "!"',
    'NAME "r"',
    'OP "}"',
    'OP "{"',
    'NAME "y"',
    'OP "="',
    'OP "}"',
    'OP "{"',
    'NAME "z"',
    'OP "="',
    'OP "!"',
    'NAME "s"',
    'OP ":"',
    'FSTRING_MIDDLE ">10"',
    'OP "}"',
  ]);
});

Deno.test("f-string: ==, !=, <= and >= stay comparison operators", () => {
  assert.deepEqual(kinds('f"{a==b}{a!=b}{a<=b}{a>=b=}"').filter((k) => k.startsWith("OP")), [
    'OP "{"',
    'OP "=="',
    'OP "}"',
    'OP "{"',
    'OP "!="',
    'OP "}"',
    'OP "{"',
    'OP "<="',
    'OP "}"',
    'OP "{"',
    'OP ">="',
    'OP "="',
    'OP "}"',
  ]);
});

Deno.test("f-string: {{ and }} are literal braces", () => {
  assert.deepEqual(kinds('f"{{a}} {{{x}}}"').slice(1, -3), [
    'FSTRING_MIDDLE "{a} {"',
    'OP "{"',
    'NAME "x"',
    'OP "}"',
    'FSTRING_MIDDLE "}"',
  ]);
});

Deno.test("f-string: a top-level : starts the spec, but not inside brackets", () => {
  assert.deepEqual(kinds('f"{x:=5}"').slice(1, 6), [
    'OP "{"',
    'NAME "x"',
    'OP ":"',
    'FSTRING_MIDDLE "=5"',
    'OP "}"',
  ]);
  assert.deepEqual(kinds('f"{(x:=5)}"').slice(2, 7), [
    'OP "("',
    'NAME "x"',
    'OP ":="',
    'NUMBER "5"',
    'OP ")"',
  ]);
  assert.deepEqual(kinds('f"{d[1:2]}"').slice(3, 8), [
    'OP "["',
    'NUMBER "1"',
    'OP ":"',
    'NUMBER "2"',
    'OP "]"',
  ]);
  assert.deepEqual(kinds('f"{lambda x: 1}"').slice(2, 6), [
    'NAME "lambda"',
    'NAME "x"',
    'OP ":"',
    'FSTRING_MIDDLE " 1"',
  ]);
});

Deno.test("f-string: escapes are decoded in FSTRING_MIDDLE, kept in raw f-strings", () => {
  assert.deepEqual(kinds('f"\\t{x}\\x41\\N{BULLET}\\{{"').slice(1, -3), [
    'FSTRING_MIDDLE "\\t"',
    'OP "{"',
    'NAME "x"',
    'OP "}"',
    'FSTRING_MIDDLE "A•\\\\{"',
  ]);
  assert.deepEqual(kinds('rf"\\d{x}\\n"').slice(1, -3), [
    'FSTRING_MIDDLE "\\\\d"',
    'OP "{"',
    'NAME "x"',
    'OP "}"',
    'FSTRING_MIDDLE "\\\\n"',
  ]);
});

Deno.test("f-string: triple-quoted f-strings span lines, fields too", () => {
  assert.deepEqual(rows("f'''a\n{x\n+ y}\nb'''\n").slice(0, 9), [
    ["FSTRING_START", "f'''", 1, 0, 1, 4],
    ["FSTRING_MIDDLE", "a\n", 1, 4, 2, 0],
    ["OP", "{", 2, 0, 2, 1],
    ["NAME", "x", 2, 1, 2, 2],
    ["OP", "+", 3, 0, 3, 1],
    ["NAME", "y", 3, 2, 3, 3],
    ["OP", "}", 3, 3, 3, 4],
    ["FSTRING_MIDDLE", "\nb", 3, 4, 4, 1],
    ["FSTRING_END", "'''", 4, 1, 4, 4],
  ]);
});

Deno.test("f-string: nested f-strings, with the same quote too", () => {
  assert.deepEqual(kinds("f\"{f'{x}'}\"").slice(0, 9), [
    'FSTRING_START "f\\""',
    'OP "{"',
    'FSTRING_START "f\'"',
    'OP "{"',
    'NAME "x"',
    'OP "}"',
    'FSTRING_END "\'"',
    'OP "}"',
    'FSTRING_END "\\""',
  ]);
  assert.deepEqual(kinds('f"{f"{x}"}"').length, 11);
});

Deno.test("f-string: a dict display inside a field", () => {
  assert.deepEqual(kinds("f'{ {1: 2}[1] }'").slice(1, 11), [
    'OP "{"',
    'OP "{"',
    'NUMBER "1"',
    'OP ":"',
    'NUMBER "2"',
    'OP "}"',
    'OP "["',
    'NUMBER "1"',
    'OP "]"',
    'OP "}"',
  ]);
});

Deno.test("f-string errors as CPython 3.12 reports them from the tokenizer", () => {
  const cases: [string, string, number, number][] = [
    ["f'}'\n", "f-string: single '}' is not allowed", 1, 3],
    ["f'{x}}'\n", "f-string: single '}' is not allowed", 1, 6],
    ["f'\\}'\n", "f-string: single '}' is not allowed", 1, 4],
    ["f'{'\n", "f-string: expecting '}'", 1, 4],
    ["f'{x'\n", "f-string: expecting '}'", 1, 5],
    ["f'{(x'\n", "f-string: expecting '}'", 1, 6],
    ["f'{x:{y:{z:{w}}}}'\n", "f-string: expressions nested too deeply", 1, 11],
    ["f'abc\n", "unterminated f-string literal (detected at line 1)", 1, 1],
    ["x = f'a{b}c\n", "unterminated f-string literal (detected at line 1)", 1, 5],
    ["f'{abc\n", "'{' was never closed", 1, 3],
    ["f'{x # c }'\n", "'{' was never closed", 1, 3],
    ["f'{x:{{}}'\n", "'{' was never closed", 1, 3],
    ["f'''abc\n", "unterminated triple-quoted f-string literal (detected at line 1)", 1, 1],
    ["x=1\nf'''abc\nd\n", "unterminated triple-quoted f-string literal (detected at line 3)", 2, 1],
    ["f'{)}'\n", "f-string: unmatched ')'", 1, 4],
    ["f'{]}'\n", "f-string: unmatched ']'", 1, 4],
    ["f'{(]}'\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 5],
    ["f'{(}'\n", "closing parenthesis '}' does not match opening parenthesis '('", 1, 5],
    ["f'{x\\n}'\n", "unexpected character after line continuation character", 1, 6],
    [
      "f'{x:a\nb}'\n",
      "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
      1,
      7,
    ],
  ];
  for (const [source, msg, lineno, offset] of cases) {
    const e = syntaxError(source);
    assert.deepEqual([e.msg, e.lineno, e.offset], [msg, lineno, offset], JSON.stringify(source));
  }
});

Deno.test("f-string: a bad escape in literal text is a decoding error", () => {
  assert.throws(
    () => tokenize("f'{x}\\x1'\n", "t.py"),
    (e) => e instanceof PySyntaxError && e.msg.endsWith("truncated \\xXX escape"),
  );
});

Deno.test("f-string: at most 149 nested f-strings, as CPython", () => {
  const nested = (n: number) => "f'{".repeat(n) + "x" + "}'".repeat(n) + "\n";
  // Nested quotes alternate in real code; the tokenizer does not care.
  tokenize(nested(149), "t.py");
  assert.equal(syntaxError(nested(150)).msg, "too many nested f-strings");
});

Deno.test("a backslash in the indentation continues the line; the first one sets the column", () => {
  assert.deepEqual(kinds("if x:\n    \\\n        y\n").slice(4, 6), ['INDENT "        "', 'NAME "y"']);
  assert.equal(
    syntaxError("if x:\n    y\n   \\x = 1\n").msg,
    "unexpected character after line continuation character",
  );
  // The indentation is the backslash's column (4), not the continued line's (1).
  assert.deepEqual(
    kinds("if x:\n    \\\n y\n    z\n").filter((k) => k.startsWith("INDENT") || k.startsWith("DEDENT")),
    [
      'INDENT " "',
      'DEDENT ""',
    ],
  );
});

Deno.test("f-string: literal text that decodes to nothing gives no FSTRING_MIDDLE", () => {
  assert.deepEqual(kinds('f"\\\n{x}"').slice(0, 4), ['FSTRING_START "f\\""', 'OP "{"', 'NAME "x"', 'OP "}"']);
});
