// The tools modules on the command line (subprocesses): `-m unittest` (discovery, names, -v,
// -q, -k, -f and the exit status), `-m timeit` (the output's shape, never its timings), `-W`
// options reaching warnings, and atexit callbacks at a real process exit.
import assert from "node:assert/strict";
import { type CliResult, runCli } from "./run_cli.ts";

/** A temporary directory with the given files (paths relative to it). */
function tempTree(files: Record<string, string>): string {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_tools_" });
  for (const [path, text] of Object.entries(files)) {
    const full = `${dir}/${path}`;
    Deno.mkdirSync(full.slice(0, full.lastIndexOf("/")), { recursive: true });
    Deno.writeTextFileSync(full, text);
  }
  return dir;
}

/** Runs the CLI with `args` in directory `cwd`. */
function runIn(cwd: string, args: string[]): Promise<CliResult> {
  return runCli(args, { cwd });
}

const TESTS = {
  "test_alpha.py": [
    "import unittest",
    "class A(unittest.TestCase):",
    "    def test_one(self): pass",
    "    def test_two(self): self.assertEqual(1, 2)",
    "",
  ].join("\n"),
  "pkg/__init__.py": "",
  "pkg/test_beta.py": [
    "import unittest",
    "class B(unittest.TestCase):",
    "    def test_three(self): pass",
    "    @unittest.skip('nah')",
    "    def test_four(self): pass",
    "",
  ].join("\n"),
  "other.py": [
    "import unittest",
    "class C(unittest.TestCase):",
    "    def test_five(self): pass",
    "",
  ].join("\n"),
};

/** The report with the run time replaced (it varies). */
function fixedTime(text: string): string {
  return text.replace(/ in \d+\.\d{3}s\n/g, " in 0.000s\n");
}

Deno.test("-m unittest discovers test*.py under the current directory", async () => {
  const dir = tempTree(TESTS);
  const r = await runIn(dir, ["-m", "unittest"]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
  const err = fixedTime(r.stderr);
  assert.ok(err.startsWith("s..F\n"), err);
  assert.ok(err.includes("FAIL: test_two (test_alpha.A.test_two)\n"), err);
  assert.ok(err.includes('  File "' + dir + '/test_alpha.py", line 4, in test_two\n'), err);
  assert.ok(err.includes("AssertionError: 1 != 2\n"), err);
  assert.ok(err.endsWith("Ran 4 tests in 0.000s\n\nFAILED (failures=1, skipped=1)\n"), err);
});

Deno.test("-m unittest -v names each test; -q prints only the failures", async () => {
  const dir = tempTree(TESTS);
  const v = await runIn(dir, ["-m", "unittest", "-v"]);
  assert.equal(v.code, 1);
  const lines = fixedTime(v.stderr).split("\n");
  assert.deepEqual(lines.slice(0, 4), [
    "test_four (pkg.test_beta.B.test_four) ... skipped 'nah'",
    "test_three (pkg.test_beta.B.test_three) ... ok",
    "test_one (test_alpha.A.test_one) ... ok",
    "test_two (test_alpha.A.test_two) ... FAIL",
  ]);
  const q = await runIn(dir, ["-m", "unittest", "-q"]);
  assert.ok(q.stderr.startsWith("======"), q.stderr);
  assert.ok(q.stderr.includes("\nRan 4 tests in "), q.stderr);
});

Deno.test("-m unittest with names, -k patterns, discover -p and -f", async () => {
  const dir = tempTree(TESTS);
  const named = await runIn(dir, ["-m", "unittest", "-v", "test_alpha.A.test_one", "other"]);
  assert.equal(named.code, 0);
  assert.equal(
    fixedTime(named.stderr),
    "test_one (test_alpha.A.test_one) ... ok\ntest_five (other.C.test_five) ... ok\n\n" +
      "----------------------------------------------------------------------\n" +
      "Ran 2 tests in 0.000s\n\nOK\n",
  );
  const k = await runIn(dir, ["-m", "unittest", "-k", "three", "-v"]);
  assert.equal(k.code, 0);
  assert.ok(k.stderr.startsWith("test_three (pkg.test_beta.B.test_three) ... ok\n"), k.stderr);
  const p = await runIn(dir, ["-m", "unittest", "discover", "-p", "o*.py"]);
  assert.equal(p.code, 0);
  assert.ok(fixedTime(p.stderr).endsWith("Ran 1 test in 0.000s\n\nOK\n"), p.stderr);
  const f = await runIn(dir, ["-m", "unittest", "-f"]);
  assert.equal(f.code, 1);
  assert.ok(fixedTime(f.stderr).includes("Ran 4 tests in 0.000s"), f.stderr);
});

Deno.test("-m unittest -h and an unknown module", async () => {
  const dir = tempTree(TESTS);
  const h = await runIn(dir, ["-m", "unittest", "-h"]);
  assert.equal(h.code, 0);
  assert.ok(h.stdout.startsWith("usage: pyjit -m unittest [-h] [-v] [-q] [--locals]"), h.stdout);
  assert.ok(h.stdout.includes("usage: pyjit -m unittest discover"), h.stdout);
  const missing = await runIn(dir, ["-m", "unittest", "nosuch"]);
  assert.equal(missing.code, 1);
  assert.ok(missing.stderr.includes("ERROR: nosuch (unittest.loader._FailedTest.nosuch)"), missing.stderr);
  assert.ok(missing.stderr.includes("ModuleNotFoundError: No module named 'nosuch'"), missing.stderr);
});

Deno.test("-m timeit prints 'N loops, best of R: T unit per loop'", async () => {
  const r = await runCli(["-m", "timeit", "-n", "50", "-r", "2", "-s", "x = list(range(10))", "sum(x)"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^50 loops, best of 2: \d+(\.\d+)? (nsec|usec|msec|sec) per loop\n$/);
  const auto = await runCli(["-m", "timeit", "-r", "1", "pass"]);
  assert.equal(auto.code, 0, auto.stderr);
  assert.match(auto.stdout, /^\d+ loops?, best of 1: \d+(\.\d+)? (nsec|usec|msec|sec) per loop\n$/);
  const unit = await runCli(["-m", "timeit", "-n", "3", "-r", "1", "-u", "msec", "pass"]);
  assert.match(unit.stdout, /^3 loops, best of 1: \d+(\.\d+)?(e-\d+)? msec per loop\n$/);
  const bad = await runCli(["-m", "timeit", "-x"]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stdout, "option -x not recognized\nuse -h/--help for command line help\n");
  const err = await runCli(["-m", "timeit", "-n", "1", "-r", "1", "1/0"]);
  assert.equal(err.code, 1);
  assert.ok(err.stderr.includes('  File "<timeit-src>", line 6, in inner\n    1/0\n'), err.stderr);
  assert.ok(err.stderr.endsWith("ZeroDivisionError: division by zero\n"), err.stderr);
});

Deno.test("-W options and PYTHONWARNINGS reach the warnings module", async () => {
  const r = await runCli(["-W", "error::UserWarning", "-c", "import warnings\nwarnings.warn('boom')"]);
  assert.equal(r.code, 1);
  assert.ok(r.stderr.endsWith("UserWarning: boom\n"), r.stderr);
  const bad = await runCli(["-W", "bogus", "-c", "import warnings"]);
  assert.equal(bad.code, 0);
  assert.equal(bad.stderr, "Invalid -W option ignored: invalid action: 'bogus'\n");
  const shown = await runCli(["-c", "import warnings\nwarnings.warn('shown')"]);
  assert.equal(shown.stderr, "<string>:2: UserWarning: shown\n");
});

Deno.test("atexit callbacks run at the process's exit, after SystemExit and uncaught exceptions", async () => {
  const program = [
    "import atexit, sys",
    "atexit.register(print, 'second')",
    "atexit.register(print, 'first')",
    "def bad(): raise ValueError('in callback')",
    "atexit.register(bad)",
    "print('main')",
    "sys.exit(int(sys.argv[1]))",
  ].join("\n");
  const dir = tempTree({ "prog.py": program });
  const r = await runIn(dir, ["prog.py", "3"]);
  assert.equal(r.code, 3);
  assert.equal(r.stdout, "main\nfirst\nsecond\n");
  assert.ok(r.stderr.startsWith("Exception ignored in atexit callback: <function bad at 0x"), r.stderr);
  assert.ok(r.stderr.endsWith("ValueError: in callback\n"), r.stderr);
  const uncaught = await runCli(["-c", "import atexit\natexit.register(print, 'bye')\n1/0"]);
  assert.equal(uncaught.code, 1);
  assert.equal(uncaught.stdout, "bye\n");
  assert.ok(uncaught.stderr.endsWith("ZeroDivisionError: division by zero\n"), uncaught.stderr);
});
