/**
 * Lexer fuzzing: random byte strings, random Python-ish text, and mutations of real programs
 * (tests/programs/*.py, plus ../shared/conformance when present) must each either
 * tokenize, with consistent positions, or throw PySyntaxError — never another exception, a hang
 * or a stack overflow. Seeded, so every run sees the same inputs.
 */
import assert from "node:assert/strict";
import { tokenize } from "../lexer/lexer.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { type Token, TokenKind } from "../lexer/token.ts";

/** xorshift32: a small deterministic generator. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

/** Fragments that reach the interesting corners of the lexer. */
const PIECES = [
  "f'",
  'f"',
  "f'''",
  'rf"',
  "{",
  "}",
  "{{",
  "}}",
  "!r",
  ":",
  "=",
  ":=",
  "'",
  '"',
  "'''",
  '"""',
  "\\",
  "\n",
  "\r\n",
  "\r",
  "\t",
  " ",
  "    ",
  "\f",
  "#",
  "(",
  ")",
  "[",
  "]",
  "0x",
  "0o",
  "0b",
  "1_0",
  "1e",
  ".",
  "j",
  "_",
  "x",
  "if",
  "é",
  "€",
  "\u00a0",
  "\\N{",
  "\\x",
  "\\u",
  "b'",
  "rb'",
  "u'",
  "...",
  "->",
  "**=",
  "\0",
  "\ufeff",
  "😀",
  "\ud800",
  "$",
  "?",
  "`",
  "<>",
  "!=",
]; // deno-fmt-ignore

function randomPieces(next: () => number, count: number): string {
  let s = "";
  for (let i = 0; i < count; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

function randomBytes(next: () => number, length: number): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    bytes[i] = next() < 0.7 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 256);
  }
  return new TextDecoder().decode(bytes);
}

function mutate(next: () => number, source: string): string {
  const at = Math.floor(next() * (source.length + 1));
  const len = Math.floor(next() * 12);
  switch (Math.floor(next() * 4)) {
    case 0: // delete a range
      return source.slice(0, at) + source.slice(at + len);
    case 1: // insert fragments
      return source.slice(0, at) + randomPieces(next, 1 + Math.floor(next() * 3)) + source.slice(at);
    case 2: { // duplicate a range elsewhere
      const to = Math.floor(next() * (source.length + 1));
      return source.slice(0, to) + source.slice(at, at + len) + source.slice(to);
    }
    default: // replace one character
      return source.slice(0, at) + randomPieces(next, 1) + source.slice(at + 1);
  }
}

/** Tokenizes; on success checks the stream's invariants. Returns false on PySyntaxError. */
function check(source: string): boolean {
  let tokens: Token[];
  try {
    tokens = tokenize(source, "fuzz.py");
  } catch (e) {
    if (e instanceof PySyntaxError) {
      if (!(e.lineno >= 1 && e.offset >= 0)) {
        assert.fail(`bad location ${e.lineno}:${e.offset} for ${JSON.stringify(source)}`);
      }
      return false;
    }
    throw new Error(`non-PySyntaxError for ${JSON.stringify(source)}: ${e}`);
  }
  assert.equal(tokens[tokens.length - 1].kind, TokenKind.ENDMARKER);
  let last = 0;
  for (const t of tokens) {
    const ordered = t.start >= last && t.end >= t.start && t.end <= source.length;
    const spans = t.endLine > t.line || (t.endLine === t.line && t.endCol >= t.col);
    const literal = t.kind === TokenKind.OP || t.kind === TokenKind.NUMBER || t.kind === TokenKind.STRING;
    if (!ordered || !spans || (literal && t.value !== source.slice(t.start, t.end))) {
      assert.fail(`inconsistent token ${JSON.stringify(t)} for ${JSON.stringify(source)}`);
    }
    last = t.start;
  }
  return true;
}

function corpus(): Map<string, string> {
  const files = new Map<string, string>();
  const dirs = [
    new URL("./programs/", import.meta.url),
    new URL("../../shared/conformance/", import.meta.url),
  ];
  for (const dir of dirs) {
    try {
      for (const entry of Deno.readDirSync(dir)) {
        if (entry.name.endsWith(".py")) {
          files.set(entry.name, Deno.readTextFileSync(new URL(entry.name, dir)));
        }
      }
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }
  return files;
}

Deno.test("fuzz: random bytes tokenize or raise PySyntaxError", () => {
  const next = rng(1);
  for (let i = 0; i < 3000; i++) check(randomBytes(next, Math.floor(next() * 80)));
});

Deno.test("fuzz: random Python-ish fragments tokenize or raise PySyntaxError", () => {
  const next = rng(2);
  let ok = 0;
  for (let i = 0; i < 5000; i++) if (check(randomPieces(next, Math.floor(next() * 30)))) ok++;
  assert.ok(ok > 0);
});

Deno.test("fuzz: mutations of real programs tokenize or raise PySyntaxError, quickly", () => {
  const next = rng(3);
  const files = corpus();
  assert.ok(files.size >= 5);
  const t0 = performance.now();
  let runs = 0;
  for (const [name, source] of files) {
    assert.ok(check(source), `${name} must tokenize`);
    for (let i = 0; i < 200; i++) {
      let mutated = source;
      const times = 1 + Math.floor(next() * 3);
      for (let k = 0; k < times; k++) mutated = mutate(next, mutated);
      check(mutated);
      runs++;
    }
  }
  const perRun = (performance.now() - t0) / runs;
  assert.ok(perRun < 5, `${perRun.toFixed(2)} ms per input`);
});

Deno.test("fuzz: deep nesting and long inputs neither overflow nor hang", () => {
  for (const source of ["(".repeat(100_000), "f'{".repeat(10_000), "[" + "1,".repeat(100_000) + "]\n"]) {
    check(source);
  }
  check("if 1:\n" + " ".repeat(5000) + "x\n");
  check("x = '" + "a".repeat(1_000_000) + "'\n");
});
