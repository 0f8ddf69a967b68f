// `pyjit` with no program reads the program from stdin when stdin is not a terminal (as CPython).
import assert from "node:assert/strict";

async function runWithStdin(stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("../cli/main.ts", import.meta.url).pathname],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(stdin));
  await w.close();
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
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
