/**
 * Robustness on real code: every .py file of CPython 3.11's standard library (when this machine
 * has it) tokenizes without error, except the few that CPython itself rejects.
 */
import assert from "node:assert/strict";
import { tokenize } from "./lexer.ts";
import { PySyntaxError } from "./syntax_error.ts";

const STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11";
/** Files CPython's compile() rejects too (deliberately bad syntax, Python 2 test data). */
const REJECTED_BY_CPYTHON = [
  "test/tokenizedata/badsyntax_3131.py",
  "test/badsyntax_3131.py",
  "lib2to3/tests/data/",
];

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

function* pythonFiles(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory && entry.name !== "site-packages") yield* pythonFiles(path);
    else if (entry.isFile && entry.name.endsWith(".py")) yield path;
  }
}

Deno.test({
  name: "every standard library file CPython compiles tokenizes without error",
  ignore: !exists(STDLIB),
  fn() {
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    let count = 0;
    const failures: string[] = [];
    for (const path of pythonFiles(STDLIB)) {
      const relative = path.slice(STDLIB.length + 1);
      if (REJECTED_BY_CPYTHON.some((bad) => relative.startsWith(bad))) continue;
      let source: string;
      try {
        source = utf8.decode(Deno.readFileSync(path));
      } catch {
        continue; // not UTF-8: a deliberately mis-encoded test file
      }
      try {
        tokenize(source, path);
        count++;
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        failures.push(`${relative}:${e.lineno}:${e.offset}: ${e.msg}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(count > 1500, `only ${count} files`);
  },
});
