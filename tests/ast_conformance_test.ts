/**
 * AST conformance: for every program of tests/corpus.ts (the shared conformance programs in
 * tests/programs/, whose dumps are tests/data/ast/conformance_NAME.ast, and the grammar programs of
 * tests/data/ast/, which cover every grammar feature), `dumpAst(parse(source))` equals what CPython 3.11's
 * `python3 -m ast` printed (NAME.ast), and with positions (NAME.attrs.ast) equals `python3 -m ast -a`.
 * Regenerate the expectations with `python3 tests/tools/gen_ast_expected.py`.
 */
import { strictEqual } from "node:assert/strict";
import { parse } from "../compiler/parser.ts";
import { dumpAst } from "../compiler/ast_dump.ts";
import { conformancePrograms, grammarPrograms } from "./corpus.ts";

const DIR = new URL("./data/ast/", import.meta.url);
const programs = [
  ...conformancePrograms().map((p) => ({ ...p, base: `conformance_${p.name.slice(0, -3)}` })),
  ...grammarPrograms().map((p) => ({ ...p, base: p.name.slice(0, -3) })),
];

Deno.test("the corpus holds the shared programs and the grammar programs", () => {
  strictEqual(programs.filter((p) => p.base.startsWith("conformance_")).length >= 30, true);
  strictEqual(programs.filter((p) => p.base.startsWith("grammar_")).length >= 6, true);
});

for (const { name, source, base } of programs) {
  Deno.test(`ast dump of ${name} matches python3 -m ast`, () => {
    const expected = Deno.readTextFileSync(new URL(`${base}.ast`, DIR));
    strictEqual(dumpAst(parse(source, name), 3) + "\n", expected);
  });
  Deno.test(`positions in ${name} match python3 -m ast -a`, () => {
    const expected = Deno.readTextFileSync(new URL(`${base}.attrs.ast`, DIR));
    strictEqual(dumpAst(parse(source, name), 3, { includeAttributes: true }) + "\n", expected);
  });
}
