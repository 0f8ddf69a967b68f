// runProgram's contract: exit statuses (uncaught exception, SystemExit codes, syntax errors) and
// stdout flushed before anything is written to stderr, so the two interleave as in CPython.
import assert from "node:assert/strict";
import { runProgram } from "./run.ts";
import { setOutputSinks } from "../objects/stdio.ts";

/** Runs `source`; returns the status and every write in order, tagged by stream. */
function runOrdered(source: string): { status: number; writes: string[] } {
  const writes: string[] = [];
  const dec = new TextDecoder();
  const old = setOutputSinks(
    (b) => writes.push("out:" + dec.decode(b)),
    (b) => writes.push("err:" + dec.decode(b)),
  );
  try {
    const status = runProgram(source, {
      filename: "<string>",
      argv: ["-c"],
      tier: "interp",
      stats: false,
      dumpTraces: false,
    });
    return { status, writes };
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
}

Deno.test("run: stdout is flushed before the traceback goes to stderr", () => {
  const { status, writes } = runOrdered("print('before')\nraise ValueError('boom')\n");
  assert.equal(status, 1);
  assert.equal(writes[0], "out:before\n");
  assert.ok(writes[1].startsWith("err:Traceback (most recent call last):"));
  assert.ok(writes[writes.length - 1].endsWith("ValueError: boom\n"));
});

Deno.test("run: SystemExit gives its code (None → 0, int → it, other → printed and 1)", () => {
  assert.equal(runOrdered("import sys\nsys.exit()\n").status, 0);
  assert.equal(runOrdered("import sys\nsys.exit(7)\n").status, 7);
  assert.equal(runOrdered("raise SystemExit(False)\n").status, 0);
  const msg = runOrdered("import sys\nprint('x')\nsys.exit('bye')\n");
  assert.equal(msg.status, 1);
  assert.deepEqual(msg.writes, ["out:x\n", "err:bye\n"]);
});

Deno.test("run: a syntax error is printed as CPython prints it and gives 1", () => {
  const { status, writes } = runOrdered("x = 1\ndef f():\n    pass\nbreak\n");
  assert.equal(status, 1);
  assert.equal(
    writes.join(""),
    "err:  File \"<string>\", line 4\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n",
  );
});

Deno.test("run: --tier jit runs all three tiers and --stats says so", () => {
  const writes: string[] = [];
  const dec = new TextDecoder();
  const old = setOutputSinks((b) => writes.push(dec.decode(b)), (b) => writes.push(dec.decode(b)));
  try {
    runProgram("print(1)\n", {
      filename: "<string>",
      argv: ["-c"],
      tier: "jit",
      stats: true,
      dumpTraces: false,
    });
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
  assert.match(writes.join(""), /\[pyjit\] tiers active: interp, specialized, jit\n/);
});
