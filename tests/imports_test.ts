/**
 * The import system against CPython 3.11: each case of tests/import_cases.ts lays out modules and
 * packages in a temporary directory and runs `pyjit` on it in a subprocess; stdout, the exit
 * status and stderr (all of it, or its last line where CPython shows frames of its own import
 * machinery) must be what `python3 -S` printed (tests/data/import_expected.json, made by
 * tests/tools/gen_import_expected.ts).
 */
import assert from "node:assert/strict";
import { IMPORT_CASES } from "./import_cases.ts";
import { runCase } from "./import_layout.ts";
import expected from "./data/import_expected.json" with { type: "json" };

const CLI = new URL("../cli/main.ts", import.meta.url).pathname;
const EXPECTED: Record<string, { status: number; stdout: string; stderr: string }> = expected;

for (const c of IMPORT_CASES) {
  Deno.test(`imports: ${c.name}`, async () => {
    const want = EXPECTED[c.name];
    assert.ok(want !== undefined, `no expected output: run tests/tools/gen_import_expected.ts`);
    const got = await runCase(c, Deno.execPath(), ["run", "-A", CLI]);
    assert.equal(got.stdout, want.stdout, `stdout\nstderr:\n${got.stderr}`);
    if (c.stderr === "exact") assert.equal(got.stderr, want.stderr, "stderr");
    else assert.equal(lastLine(got.stderr), lastLine(want.stderr), "last line of stderr");
    assert.equal(got.status, want.status, "exit status");
  });
}

function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1];
}

Deno.test("imports: PYTHONPATH is read only when the environment may be read (never prompting)", async () => {
  const run = async (permissions: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-read", ...permissions, CLI, "-c", "import sys; print(sys.path)"],
      env: { PYTHONPATH: "/from/env" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    return new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  };
  assert.equal(await run([]), "['', '/usr/local/lib/python311.zip']\n");
  assert.equal(await run(["--allow-env=PYTHONPATH"]), "['', '/from/env', '/usr/local/lib/python311.zip']\n");
});
