/**
 * Runs every case of tests/import_cases.ts with CPython 3.11 (`python3 -S`: no site hooks, which
 * could import modules before the program does) and writes what it printed to
 * tests/data/import_expected.json, which tests/imports_test.ts compares pyjit's runs against.
 *
 *   deno run -A tests/tools/gen_import_expected.ts
 */
import { IMPORT_CASES } from "../import_cases.ts";
import { type ImportResult, runCase } from "../import_layout.ts";

const PYTHON = "/root/.pyenv/versions/3.11.7/bin/python3";
const expected: Record<string, ImportResult> = {};
for (const c of IMPORT_CASES) {
  expected[c.name] = await runCase(c, PYTHON, ["-S"]);
  console.log(`${c.name}: status ${expected[c.name].status}`);
}
const out = new URL("../data/import_expected.json", import.meta.url);
Deno.writeTextFileSync(out, JSON.stringify(expected, null, 2) + "\n");
