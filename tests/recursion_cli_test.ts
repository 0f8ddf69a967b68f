// Unbounded recursion through builtins under a huge recursion limit (sys.setrecursionlimit(10**6)):
// the JS stack runs out long before the limit, and the program still ends the CPython way —
// RecursionError, its traceback on stderr, exit status 1 — never a crash or an internal error.
import assert from "node:assert/strict";
import { runCli } from "./run_cli.ts";

/** Python programs that recurse forever, each through another builtin or slot. */
const PROGRAMS: Record<string, string> = {
  "repr": "class R:\n    def __repr__(self): return repr(R())\nrepr(R())\n",
  "map": "def f(x): return list(map(f, [x]))\nf(1)\n",
  "sorted key": "def k(x): return sorted([x], key=k)\nk(1)\n",
  "dict lookup __eq__":
    "class E:\n    def __hash__(self): return 1\n    def __eq__(self, o): return E() in {E(): 1}\nE() == E()\n",
  "__getattr__": "class G:\n    def __getattr__(self, n): return getattr(G(), n)\nG().x\n",
  "nested list repr": "x = []\nfor _ in range(300000): x = [x]\nrepr(x)\n",
  "nested list ==": "def n():\n    x = []\n    for _ in range(300000): x = [x]\n    return x\nn() == n()\n",
};

for (const [name, body] of Object.entries(PROGRAMS)) {
  Deno.test(`recursion limit 10**6, unbounded recursion through ${name}: RecursionError, exit 1`, async () => {
    const source = `import sys\nsys.setrecursionlimit(10**6)\n${body}`;
    const { code, stdout, stderr } = await runCli(["-c", source]);
    assert.equal(code, 1, stderr);
    assert.equal(stdout, "");
    assert.ok(stderr.startsWith("Traceback (most recent call last):\n"), stderr.slice(0, 300));
    const last = stderr.trimEnd().split("\n").at(-1)!;
    assert.match(last, /^RecursionError: maximum recursion depth exceeded/);
    assert.ok(!stderr.includes("internal error"), stderr.slice(-300));
  });
}

Deno.test("after a RecursionError from the host stack, the depth is balanced and recursion works", async () => {
  const source = [
    "import sys",
    "sys.setrecursionlimit(10**6)",
    "def f(x): return list(map(f, [x]))",
    "try:\n    f(1)\nexcept RecursionError as e:\n    print(type(e).__name__)",
    "sys.setrecursionlimit(1000)",
    "def count(n): return 0 if n == 0 else 1 + count(n - 1)",
    "print(count(990))",
    "try:\n    count(2000)\nexcept RecursionError as e:\n    print(e)",
  ].join("\n");
  const { code, stdout, stderr } = await runCli(["-c", source]);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, "RecursionError\n990\nmaximum recursion depth exceeded\n");
});

/** The V8 flags `deno task pyjit` gives the CLI (the same the READMEs give `deno run` and `deno install`). */
async function pyjitTaskV8Flags(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  return (config.tasks.pyjit as string).split(/\s+/).filter((word) => word.startsWith("--v8-flags="));
}

// How many levels CPython 3.11.7 reaches with the default limit (tests/data/recursion_through_builtins.py
// run by python3). CPython also counts each C function on the way, so pyjit, which counts fewer of them,
// may go deeper, but never past the limit.
const CPYTHON_LEVELS: Record<string, number> = { map: 998, sorted: 496, repr: 332, getattr: 991, eq: 499 };

Deno.test("with the pyjit command's stack, recursion through builtins reaches CPython's depth (the limit, not the host stack)", async () => {
  const flags = await pyjitTaskV8Flags();
  assert.deepEqual(flags, ["--v8-flags=--stack-size=4000,--min-semi-space-size=16"]);
  const program = new URL("./data/recursion_through_builtins.py", import.meta.url).pathname;
  const { code, stdout, stderr } = await runCli([program], { denoFlags: ["-A", ...flags] });
  assert.equal(code, 0, stderr);
  const levels = Object.fromEntries(
    stdout.trim().split("\n").map((line) => line.split(" ")).map(([k, v]) => [k, +v]),
  );
  assert.deepEqual(Object.keys(levels), Object.keys(CPYTHON_LEVELS));
  for (const [site, cpython] of Object.entries(CPYTHON_LEVELS)) {
    assert.ok(
      levels[site] >= cpython && levels[site] < 1000,
      `${site}: ${levels[site]} levels, CPython ${cpython}`,
    );
  }
});
