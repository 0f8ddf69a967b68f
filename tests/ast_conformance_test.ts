/**
 * AST conformance: for every program in tests/data/ast/ (the shared conformance programs and
 * programs covering every grammar feature), `dumpAst(parse(source))` equals what CPython 3.11's
 * `python3 -m ast` printed (NAME.ast), and with positions (NAME.attrs.ast) equals `python3 -m ast -a`.
 * Regenerate the expectations with `python3 tests/tools/gen_ast_expected.py`.
 */
import { strictEqual } from "node:assert/strict";
import { parse } from "../compiler/parser.ts";
import { dumpAst } from "../compiler/ast_dump.ts";

const DIR = new URL("./data/ast/", import.meta.url);
const programs = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) => n.endsWith(".py")).sort();

Deno.test("the conformance directory holds the shared programs and the grammar programs", () => {
  strictEqual(programs.filter((n) => n.startsWith("conformance_")).length >= 30, true);
  strictEqual(programs.filter((n) => n.startsWith("grammar_")).length >= 6, true);
});

for (const name of programs) {
  const source = Deno.readTextFileSync(new URL(name, DIR));
  const base = name.slice(0, -3);
  Deno.test(`ast dump of ${name} matches python3 -m ast`, () => {
    const expected = Deno.readTextFileSync(new URL(`${base}.ast`, DIR));
    strictEqual(dumpAst(parse(source, name), 3) + "\n", expected);
  });
  Deno.test(`positions in ${name} match python3 -m ast -a`, () => {
    const expected = Deno.readTextFileSync(new URL(`${base}.attrs.ast`, DIR));
    strictEqual(dumpAst(parse(source, name), 3, { includeAttributes: true }) + "\n", expected);
  });
}
