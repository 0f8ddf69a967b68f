/**
 * Tier 3's native backend (jit/native_lower.ts, jit/native_executor.ts): Python programs run with
 * `--jit-backend native` and hair-trigger thresholds, so every hot loop that lowers is compiled to
 * machine code, entered and left. Each program's output must be CPython's (its .exp file) and the
 * JavaScript backend's; its loops must really have run natively (jit stats); an exception raised at
 * a native exit prints the interpreter's traceback; the benchmark kernels' loops run natively; and
 * the JIT's code memory is never writable and executable at once while traces compile and run.
 */
import assert from "node:assert/strict";
import { runProgram } from "../driver/run.ts";
import { jitStats, jitTier, nativeJitInUse, setJitBackend } from "../jit/tier.ts";
import { nativeJitSupport } from "../jit/native_support.ts";
import { setOutputSinks } from "../objects/stdio.ts";
import { resetTunables, setTunables } from "../instructions/tunables.ts";
import { runCaptured, TEST_SIZE_THRESHOLDS, withTunables } from "./run_captured.ts";
import { createRuntime, PythonError } from "../driver/runtime.ts";

const support = nativeJitSupport();
const ignore = !support.available;
if (ignore) console.warn(`skipping native backend tests: ${support.reason}`);

const DIR = new URL("./programs/", import.meta.url);

/** Runs `source` on the JIT tier with `backend`, hair-trigger thresholds and --stats. */
function run(
  source: string,
  filename: string,
  backend: "js" | "native" | "auto",
  argv: string[] = [],
): { status: number; stdout: string; stderr: string } {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const old = setOutputSinks((b) => out.push(b.slice()), (b) => err.push(b.slice()));
  setTunables("hot_loop_threshold=2,hot_exit_threshold=2");
  let status: number;
  try {
    status = runProgram(source, {
      filename,
      argv: [filename, ...argv],
      tier: "jit",
      stats: true,
      jitBackend: backend,
    });
  } finally {
    resetTunables();
    setOutputSinks(old.stdout, old.stderr);
  }
  const text = (chunks: Uint8Array[]) => chunks.map((b) => new TextDecoder().decode(b)).join("");
  return { status, stdout: text(out), stderr: text(err) };
}

const programs = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) => /^native_.*\.py$/.test(n))
  .sort();

for (const name of programs) {
  Deno.test({
    name: `native backend: ${name} runs natively and prints CPython's and the JavaScript backend's output`,
    ignore,
    fn() {
      const source = Deno.readTextFileSync(new URL(name, DIR));
      const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
      const native = run(source, name, "native");
      const stats = jitStats();
      assert.equal(native.stdout, expected);
      assert.ok(stats.native > 0, `no native trace: ${JSON.stringify(stats)}`);
      assert.ok(stats.exits > 0, `no native exit: ${JSON.stringify(stats)}`);
      const js = run(source, name, "js");
      assert.equal(jitStats().native, 0, "--jit-backend js compiled a native trace");
      assert.equal(js.stdout, native.stdout);
      assert.equal(js.status, native.status);
    },
  });
}

// The programs of the JIT's own tests (types changing mid-loop, big ints, exceptions…) on native.
const jitPrograms = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) => /^jit_.*\.py$/.test(n))
  .sort();
for (const name of jitPrograms) {
  Deno.test({
    name: `native backend: ${name} prints CPython's output with --jit-backend native`,
    ignore,
    fn() {
      const source = Deno.readTextFileSync(new URL(name, DIR));
      const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
      assert.equal(run(source, name, "native").stdout, expected);
    },
  });
}

Deno.test({
  name: "native backend: a ZeroDivisionError at a native exit prints the interpreter's traceback",
  ignore,
  fn() {
    const source = Deno.readTextFileSync(new URL("native_zero_division.py", DIR));
    const interp = runCaptured(source, "native_zero_division.py", "interp");
    const native = run(source, "native_zero_division.py", "native");
    assert.ok(jitStats().native > 0);
    assert.equal(native.status, 1);
    const traceback = native.stderr.split("\n").filter((l) => !l.startsWith("[pyjit]")).join("\n");
    assert.equal(traceback, interp.stderr);
    assert.ok(
      traceback.includes("line 9, in countdown\n    total = total + 1000 % (n - 1 - i)\n"),
      traceback,
    );
  },
});

Deno.test({
  name: "native backend: an int that outgrows int64 leaves the trace and goes on as a Python big int",
  ignore,
  fn() {
    const source = [
      "def f(n):",
      "    x = 1",
      "    for i in range(n):",
      "        x = x * 2 + 1",
      "    return x",
      "print(f(40), f(62), f(63), f(64), f(200))",
    ].join("\n");
    const got = run(source, "overflow.py", "native");
    assert.equal(
      got.stdout,
      `${2n ** 41n - 1n} ${2n ** 63n - 1n} ${2n ** 64n - 1n} ${2n ** 65n - 1n} ${2n ** 201n - 1n}\n`,
    );
    assert.ok(jitStats().native > 0);
  },
});

Deno.test({
  name: "native backend: the int_loops kernels (collatz, gcd) run natively",
  ignore,
  fn() {
    const source = Deno.readTextFileSync(new URL("../bench/programs/int_loops.py", import.meta.url));
    const expected = Deno.readTextFileSync(new URL("../bench/programs/int_loops.quick.exp", import.meta.url));
    const quickArgs = expected === "" ? [] : ["2000"];
    const got = run(source, "int_loops.py", "native", quickArgs);
    const loops = jitStats().nativeLoops;
    assert.ok(loops.includes("collatz_steps"), JSON.stringify(loops));
    assert.ok(loops.includes("gcd"), JSON.stringify(loops));
    const js = run(source, "int_loops.py", "js", quickArgs);
    assert.equal(got.stdout, js.stdout);
  },
});

Deno.test({
  name:
    "native backend: auto chooses native where a loop lowers, and says why other loops stay on JavaScript",
  ignore,
  fn() {
    const source = [
      "def f(n):",
      "    t = 0",
      "    for i in range(n):",
      "        t += i * i",
      "    return t",
      "def g(xs):",
      "    t = 0.0",
      "    for x in xs:",
      "        t += x",
      "    return t",
      "print(f(1000), g([0.5] * 1000))",
    ].join("\n");
    const got = run(source, "auto.py", "auto");
    assert.equal(got.stdout, "332833500 500.0\n");
    const stats = jitStats();
    assert.deepEqual(stats.nativeLoops, ["f"]);
    assert.ok(Object.keys(stats.nativeFallbacks).length > 0, JSON.stringify(stats));
    assert.match(got.stderr, /jit native: 1 native traces \(auto\), \d+ bytes of code in use/);
    assert.match(got.stderr, /jit native trace \d+: f line 3: \d+ uops, \d+ bytes, compiled in [\d.]+ µs/);
    assert.match(got.stderr, /jit native fallbacks to JavaScript: /);
  },
});

Deno.test({
  name: "native backend: --dump-traces shows the native uops and their disassembly, one header per uop",
  ignore,
  fn() {
    const source =
      "def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nprint(f(100))\n";
    const err: Uint8Array[] = [];
    const out: Uint8Array[] = [];
    const old = setOutputSinks((b) => out.push(b.slice()), (b) => err.push(b.slice()));
    try {
      withTunables(TEST_SIZE_THRESHOLDS, () =>
        runProgram(source, {
          filename: "dump.py",
          argv: ["dump.py"],
          tier: "jit",
          dumpTraces: true,
          jitBackend: "native",
        }));
    } finally {
      setOutputSinks(old.stdout, old.stderr);
    }
    const stderr = err.map((b) => new TextDecoder().decode(b)).join("");
    assert.match(stderr, /trace \d+: f \(\S*dump\.py\) loop at \d+/);
    assert.match(stderr, /native: \d+ uops, \d+ bytes of machine code/);
    assert.match(stderr, /exit \d+: LOOP_END → resume at \d+/);
    assert.match(stderr, /; \d+: ADD_I64 a=\S+ b=\S+ c=\S+ target=\d+\n {4}[0-9a-f]{12} {2}/);
    assert.match(stderr, /\bjo\b/); // the overflow guard
  },
});

Deno.test({
  name: "native backend: the JIT's code memory is never writable and executable at once",
  ignore,
  fn() {
    const source = Deno.readTextFileSync(new URL("native_loops.py", DIR));
    run(source, "native_loops.py", "native");
    const jit = nativeJitInUse();
    assert.ok(jit !== null);
    const regions = jit.memory.regions();
    const ours = Deno.readTextFileSync("/proc/self/maps").trim().split("\n").filter((line) => {
      const [start, end] = line.split(/\s+/)[0].split("-").map((h) => parseInt(h, 16));
      return regions.some((r) => start < r.address + r.size && r.address < end);
    });
    assert.ok(ours.length > 0);
    const perms = ours.map((line) => line.split(/\s+/)[1]);
    assert.deepEqual(perms.filter((p) => p.includes("w") && p.includes("x")), []);
    assert.ok(perms.some((p) => p.startsWith("r-x")));
  },
});

Deno.test({
  name: "native backend: without --allow-ffi the JavaScript backend runs everything and --stats says why",
  ignore: Deno.build.os !== "linux",
  async fn() {
    const main = new URL("../cli/main.ts", import.meta.url).pathname;
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "--allow-read",
        "--allow-env",
        main,
        "--jit-backend",
        "native",
        "--stats",
        "-c",
        "def f(n):\n    t = 0\n    for i in range(n): t += i\n    return t\nprint(f(100000))",
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(stdout, "4999950000\n", stderr);
    assert.match(stderr, /jit native: unavailable, the JavaScript backend runs every loop \(no native JIT: /);
    assert.equal(stderr.split("jit native: unavailable").length, 2, "said once");
  },
});

Deno.test({
  name: "native backend: a step budget stops a native loop that never ends",
  ignore,
  fn() {
    const source = [
      "def spin():",
      "    x = 0",
      "    while True:",
      "        x = (x + 3) % 1000",
      "spin()",
    ].join("\n");
    const py = createRuntime({ stepLimit: 300_000 });
    setJitBackend("native");
    setTunables("hot_loop_threshold=2");
    jitTier.collectStats();
    try {
      assert.throws(
        () => py.runPython(source),
        (e: unknown) =>
          e instanceof PythonError && e.message === "step limit of 300000 loop iterations exceeded",
      );
    } finally {
      resetTunables();
      setJitBackend("auto");
    }
    assert.deepEqual(jitStats().nativeLoops, ["spin"]);
  },
});
