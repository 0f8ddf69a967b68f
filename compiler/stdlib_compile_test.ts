// Robustness: every module of CPython's standard library that our parser accepts compiles without
// an internal error or a compile-time SyntaxError, and with consistent stack depths on every path
// (the assembler checks them). Skipped where the standard library is absent.
import assert from "node:assert/strict";
import { parse } from "./parser.ts";
import type * as ast from "./ast.ts";
import { compileModule } from "./codegen.ts";

const STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11";

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const e of Deno.readDirSync(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory && e.name !== "site-packages") pythonFiles(path, out);
    // badsyntax_*.py are CPython's test data that must not compile (bad future statements).
    else if (e.isFile && e.name.endsWith(".py") && !e.name.startsWith("badsyntax_")) out.push(path);
  }
  return out;
}

let present = false;
try {
  present = Deno.statSync(STDLIB).isDirectory;
} catch {
  present = false;
}

Deno.test({
  name: "codegen: CPython's standard library compiles (no internal errors, consistent stack depths)",
  ignore: !present,
  fn() {
    const failures: string[] = [];
    let compiled = 0;
    for (const file of pythonFiles(STDLIB)) {
      let source: string;
      let tree: ast.mod;
      try {
        source = Deno.readTextFileSync(file);
        tree = parse(source, file) as ast.mod;
      } catch {
        continue; // unreadable, or the parser's business (its own test covers it)
      }
      try {
        compileModule(tree, file, source);
        compiled++;
      } catch (e) {
        failures.push(`${file}: ${(e as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(compiled > 1500, `compiled ${compiled} modules`);
  },
});
