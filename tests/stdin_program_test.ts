// `pyjit` with no program reads the program from stdin when stdin is not a terminal (as CPython).
import assert from "node:assert/strict";
import { type CliResult, runCli } from "./run_cli.ts";

/** Runs `pyjit` with no program and `stdin` piped in. */
function runWithStdin(stdin: string): Promise<CliResult> {
  return runCli([], { stdin });
}

Deno.test("cli: piped stdin is the program; tracebacks name <stdin>", async () => {
  const ok = await runWithStdin("x = 20\nprint(x + 1)\n");
  assert.equal(ok.code, 0);
  assert.equal(ok.stdout, "21\n");
  const bad = await runWithStdin("print('a')\n1 / 0\n");
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, "a\n");
  assert.match(bad.stderr, /File "<stdin>", line 2, in <module>\nZeroDivisionError: division by zero\n$/);
});
