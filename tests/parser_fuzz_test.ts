/**
 * Parser fuzzing: thousands of mutated real programs (token deletion, duplication, swaps, random
 * text inserted) and random strings go through tokenize + parse + ast.dump. Each must either parse
 * or raise PySyntaxError: never another exception, a hang or a stack overflow. Seeded, so a failure
 * reproduces; bounded in time so the test stays fast.
 */
import { strictEqual } from "node:assert/strict";
import { parse } from "../compiler/parser.ts";
import { dumpAst } from "../compiler/ast_dump.ts";
import { tokenize } from "../lexer/lexer.ts";
import { frontEndCorpus } from "./corpus.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";

const CORPUS = frontEndCorpus().map((p) => p.source);

/** Text the mutator inserts: Python's punctuation, keywords, quotes, whitespace, odd characters. */
const SNIPPETS = [
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  ",",
  ";",
  ".",
  "...",
  "=",
  "==",
  ":=",
  "->",
  "*",
  "**",
  "@",
  "|",
  "'",
  '"',
  "'''",
  'f"',
  "f'{",
  "}",
  "{x}",
  "\\",
  "#",
  "\n",
  "\n    ",
  "\t",
  " ",
  "\r\n",
  "\x00",
  "\x0c",
  "if ",
  "else",
  "elif",
  "for ",
  "in ",
  "lambda",
  "yield",
  "await",
  "async",
  "def ",
  "class ",
  "return",
  "match ",
  "case ",
  "type ",
  "not ",
  "is",
  "and",
  "or",
  "del ",
  "import ",
  "from ",
  "as ",
  "with ",
  "try:",
  "except",
  "finally:",
  "global ",
  "nonlocal ",
  "pass",
  "0",
  "1.5",
  "0x",
  "1e",
  "1j",
  "_",
  "é",
  "😀",
  "\u200b",
  "\ud800",
  "b'",
  "r'",
  "u'",
  "rb'",
];

/** xorshift32: a small seeded generator. */
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function mutate(source: string, random: () => number): string {
  let spans: [number, number][];
  try {
    spans = tokenize(source, "<fuzz>").filter((t) => t.end > t.start).map((t) => [t.start, t.end]);
  } catch {
    spans = [];
  }
  let out = source;
  const edits = 1 + Math.floor(random() * 3);
  for (let k = 0; k < edits; k++) {
    const pick = (): [number, number] =>
      spans.length > 0 ? spans[Math.floor(random() * spans.length)] : [0, Math.min(1, out.length)];
    const [s, e] = pick();
    if (e > out.length) continue;
    switch (Math.floor(random() * 6)) {
      case 0: // delete a token
        out = out.slice(0, s) + out.slice(e);
        break;
      case 1: // duplicate a token
        out = out.slice(0, e) + out.slice(s, e) + out.slice(e);
        break;
      case 2: { // swap two tokens
        const [s2, e2] = pick();
        if (e2 > out.length || (s2 < e && s < e2)) break;
        const [a0, a1, b0, b1] = s < s2 ? [s, e, s2, e2] : [s2, e2, s, e];
        out = out.slice(0, a0) + out.slice(b0, b1) + out.slice(a1, b0) + out.slice(a0, a1) + out.slice(b1);
        break;
      }
      case 3: // insert a snippet before a token
        out = out.slice(0, s) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(s);
        break;
      case 4: { // insert a snippet anywhere
        const at = Math.floor(random() * (out.length + 1));
        out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
        break;
      }
      default: { // insert random characters
        let junk = "";
        for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
          junk += String.fromCharCode(Math.floor(random() * 0x80));
        }
        const at = Math.floor(random() * (out.length + 1));
        out = out.slice(0, at) + junk + out.slice(at);
      }
    }
  }
  return out;
}

function randomSource(random: () => number): string {
  let out = "";
  const n = Math.floor(random() * 40);
  for (let i = 0; i < n; i++) {
    out += random() < 0.7
      ? SNIPPETS[Math.floor(random() * SNIPPETS.length)]
      : String.fromCharCode(Math.floor(random() * 0x100));
  }
  return out;
}

/** Parses and dumps; returns "ok" or "syntax error", or throws what is neither. */
function check(source: string): "ok" | "syntax error" {
  try {
    dumpAst(parse(source, "<fuzz>"), 3);
    return "ok";
  } catch (e) {
    // The inputs are not deeply nested: this message would mean the parser recursed without end.
    if (e instanceof PySyntaxError && !e.msg.startsWith("too many nested expressions")) return "syntax error";
    throw new Error(`not a PySyntaxError for ${JSON.stringify(source.slice(0, 300))}: ${(e as Error).stack}`);
  }
}

const BUDGET_MS = 5000;

Deno.test("mutated real programs parse or raise PySyntaxError", () => {
  const random = rng(0x5eed);
  const started = performance.now();
  const counts = { ok: 0, "syntax error": 0 };
  let i = 0;
  for (; i < 20000 && performance.now() - started < BUDGET_MS; i++) {
    const source = mutate(CORPUS[i % CORPUS.length], random);
    const t0 = performance.now();
    counts[check(source)]++;
    const took = performance.now() - t0;
    if (took > 1000) {
      throw new Error(`parse took ${took.toFixed(0)} ms for ${JSON.stringify(source.slice(0, 200))}`);
    }
  }
  if (Deno.env.get("FUZZ_VERBOSE")) console.log(i, counts);
  strictEqual(i >= 1000, true, `only ${i} programs in the time budget`);
  strictEqual(counts["syntax error"] > 0 && counts.ok > 0, true, JSON.stringify(counts));
});

Deno.test("random strings parse or raise PySyntaxError", () => {
  const random = rng(0xbad5eed);
  const started = performance.now();
  let i = 0;
  for (; i < 50000 && performance.now() - started < BUDGET_MS / 2; i++) check(randomSource(random));
  strictEqual(i >= 1000, true, `only ${i} strings in the time budget`);
});

Deno.test("every prefix of a real program parses or raises PySyntaxError", () => {
  const source = CORPUS.find((s) => s.includes("match")) ?? CORPUS[0];
  for (let n = 0; n <= source.length; n += 7) check(source.slice(0, n));
});
