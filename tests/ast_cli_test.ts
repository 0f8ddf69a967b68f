/**
 * `pyjit -m ast FILE` end to end: the dump equals `python3 -m ast FILE` (committed expectation),
 * and a syntax error is printed as `python3 FILE` prints it, with exit status 1.
 */
import { strictEqual } from "node:assert/strict";

const CLI = new URL("../cli/main.ts", import.meta.url).pathname;
const DATA = new URL("./data/ast/", import.meta.url).pathname;

function pyjit(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const out = new Deno.Command(Deno.execPath(), { args: ["run", "-A", CLI, ...args], cwd }).outputSync();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

Deno.test("pyjit -m ast prints what python3 -m ast prints", () => {
  const r = pyjit(["-m", "ast", "grammar_statements.py"], DATA);
  strictEqual(r.stderr, "");
  strictEqual(r.code, 0);
  strictEqual(r.stdout, Deno.readTextFileSync(`${DATA}grammar_statements.ast`));
});

Deno.test("pyjit -m ast reports a syntax error as python3 does, exit status 1", () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/bad.py`, "def f():\n    x = (1 2)\n");
    const r = pyjit(["-m", "ast", "bad.py"], dir);
    strictEqual(r.code, 1);
    strictEqual(r.stdout, "");
    // What `python3 bad.py` prints.
    strictEqual(
      r.stderr,
      '  File "bad.py", line 2\n    x = (1 2)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n',
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
