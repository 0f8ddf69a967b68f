// The command line's contract: argument parsing, exit statuses, and messages (DESIGN.md).
import assert from "node:assert/strict";
import { parseCommandLine } from "../driver/command_line.ts";
import { runCli } from "./run_cli.ts";

Deno.test("options before the file are pyjit's, everything after belongs to the program", () => {
  const inv = parseCommandLine(["--tier", "interp", "--stats", "prog.py", "--tier", "x", "-c"]);
  assert.equal(inv.kind, "run");
  if (inv.kind !== "run") return;
  assert.equal(inv.tier, "interp");
  assert.equal(inv.stats, true);
  assert.deepEqual(inv.program, { kind: "file", path: "prog.py" });
  assert.deepEqual(inv.args, ["--tier", "x", "-c"]);
});

Deno.test("-c and -m stop option parsing", () => {
  const c = parseCommandLine(["-c", "print(1)", "a", "--stats"]);
  assert.ok(c.kind === "run" && c.program.kind === "code" && c.program.code === "print(1)");
  assert.ok(c.kind === "run" && c.stats === false);
  assert.deepEqual(c.kind === "run" && c.args, ["a", "--stats"]);
  const m = parseCommandLine(["--dump-traces", "-m", "ast", "f.py"]);
  assert.ok(m.kind === "run" && m.program.kind === "module" && m.program.name === "ast" && m.dumpTraces);
  assert.deepEqual(m.kind === "run" && m.args, ["f.py"]);
  const attached = parseCommandLine(["-mast", "f.py"]);
  assert.ok(attached.kind === "run" && attached.program.kind === "module" && attached.program.name === "ast");
});

Deno.test("bad options are usage errors", () => {
  assert.equal(parseCommandLine(["--tier", "fast", "x.py"]).kind, "usage-error");
  assert.equal(parseCommandLine(["--bogus", "x.py"]).kind, "usage-error");
  assert.equal(parseCommandLine(["--help"]).kind, "help");
  assert.equal(parseCommandLine(["-V"]).kind, "version");
  const repl = parseCommandLine([]);
  assert.ok(repl.kind === "run" && repl.program.kind === "repl" && repl.tier === "jit");
});

Deno.test("a missing file exits 2 with CPython's message", async () => {
  const r = await runCli(["no_such_file.py"]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^pyjit: can't open file '.*no_such_file\.py': \[Errno 2\] No such file or directory\n$/,
  );
  assert.equal(r.stdout, "");
});

Deno.test("a usage error exits 2; --version and --help exit 0", async () => {
  assert.equal((await runCli(["--tier", "warp", "x.py"])).code, 2);
  const v = await runCli(["--version"]);
  assert.equal(v.code, 0);
  assert.match(v.stdout, /^pyjit \d+\.\d+\.\d+ \(Python 3\.\d+\.\d+\)\n$/);
  const h = await runCli(["--help"]);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^usage: pyjit /);
});
