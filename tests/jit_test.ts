/**
 * Tier 3 (jit/): the programs tests/programs/jit_*.py change types, classes, globals and control
 * flow under running traces. The conformance runner checks their output on every tier; here, under
 * `--tier jit`, traces must really have been compiled, entered and left (so the programs exercised
 * the JIT and not only the interpreter), an exception raised inside a trace must print tier 1's
 * traceback line for line, and `--dump-traces` must show each trace's path and JavaScript.
 */
import assert from "node:assert/strict";
import { runCaptured, runJit, TEST_SIZE_THRESHOLDS, withTunables } from "./run_captured.ts";
import { jitStats } from "../jit/tier.ts";

const DIR = new URL("./programs/", import.meta.url);
const programs = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) => /^jit_.*\.py$/.test(n)).sort();

for (const name of programs) {
  Deno.test(`jit: ${name} compiles traces, enters and leaves them, and prints CPython's output`, () => {
    const source = Deno.readTextFileSync(new URL(name, DIR));
    const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
    const got = runJit(source, name);
    assert.equal(got.stdout, expected);
    const stats = jitStats();
    assert.ok(stats.compiled > 0, `no trace compiled: ${JSON.stringify(stats)}`);
    assert.ok(stats.entries > 0, `no trace entered: ${JSON.stringify(stats)}`);
    assert.ok(stats.exits > 0, `no trace left by an exit: ${JSON.stringify(stats)}`);
  });
}

// The same programs with loops traced after 2 back-edges and side paths grown after 2 exits: every
// loop and branch of them goes through recording, compiling, exits and side paths.
for (const name of programs) {
  Deno.test(`jit: ${name} with hair-trigger thresholds prints CPython's output`, () => {
    const source = Deno.readTextFileSync(new URL(name, DIR));
    const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
    withTunables("hot_loop_threshold=2,hot_exit_threshold=2,hot_function_threshold=2", () => {
      assert.equal(runCaptured(source, name, "jit").stdout, expected);
    });
  });
}

Deno.test("jit: a builtin shadowed and unshadowed while a loop is traced is read afresh (fuzz seed 1850001025)", () => {
  // The call site specialized for the global, then for the builtin again, between a recording and
  // its compilation: the trace read the builtins at the global's index (it called ord(), not abs()).
  const name = "builtin_shadowed_in_hot_loop.py";
  const source = Deno.readTextFileSync(new URL(name, DIR));
  const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
  withTunables("hot_loop_threshold=2,hot_exit_threshold=2,hot_function_threshold=2", () => {
    assert.equal(runCaptured(source, name, "jit").stdout, expected);
  });
});

Deno.test("jit: stack values moved back to an inlined loop's head keep their places (fuzz seed 1920001811)", () => {
  // At these thresholds the outer loop is compiled again after each exit in the inlined loop, and a
  // side path's names overlapped the head's: the outer loop's iterator was overwritten.
  const name = "inlined_loop_stack_moves.py";
  const source = Deno.readTextFileSync(new URL(name, DIR));
  const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
  withTunables("hot_loop_threshold=1,hot_exit_threshold=1", () => {
    assert.equal(runCaptured(source, name, "jit").stdout, expected);
  });
});

Deno.test("jit: an exception inside a trace prints tier 1's traceback, line for line", () => {
  const source = Deno.readTextFileSync(new URL("jit_traceback.py", DIR));
  const interp = runCaptured(source, "jit_traceback.py", "interp");
  const jit = runCaptured(source, "jit_traceback.py", "jit");
  assert.equal(jit.status, 1);
  assert.match(jit.stderr, /ZeroDivisionError: float division by zero/);
  assert.equal(jit.stderr, interp.stderr);
});

Deno.test("jit: a branch taken every other iteration grows a side path instead of exiting", () => {
  const source = [
    "def f(n):",
    "    a = b = 0",
    "    for i in range(n):",
    "        if i % 2:",
    "            a += i",
    "        else:",
    "            b += i",
    "    return a, b",
    "print(f(100000))",
  ].join("\n");
  const got = runJit(source, "alternate.py");
  assert.equal(got.stdout, "(2500000000, 2499950000)\n");
  const stats = jitStats();
  assert.equal(stats.sides, 1);
  // Exits: a few before the side path grew, and the loop's end; not one per iteration.
  assert.ok(stats.exits < 200, JSON.stringify(stats));
});

Deno.test("jit: a method that differs by the receiver's class is called as a whole, not followed", () => {
  // Followed into Worker.handle, the trace would leave at every Device (its callee guard).
  const source = [
    "class Task:",
    "    def step(self, x):",
    "        return self.handle(x)",
    "class Worker(Task):",
    "    def handle(self, x):",
    "        return x + 1",
    "class Device(Task):",
    "    def handle(self, x):",
    "        return x * 2",
    "def run(tasks, n):",
    "    t = 0",
    "    for i in range(n):",
    "        t += tasks[i % 2].step(i)",
    "    return t",
    "print(run([Worker(), Device()], 100000))",
  ].join("\n");
  const got = runJit(source, "polymorphic.py");
  assert.equal(got.stdout, "7500000000\n");
  const stats = jitStats();
  assert.equal(stats.aborts.POLYMORPHIC_CALL, 1, JSON.stringify(stats));
  assert.ok(stats.exits < 1000, JSON.stringify(stats));
});

Deno.test("jit: a loop whose body runs a short while loop is traced through its iterations", () => {
  const source = [
    "def digits(n):",
    "    total = 0",
    "    for i in range(n):",
    "        j = i % 1000",
    "        while j:",
    "            total += j % 10",
    "            j //= 10",
    "    return total",
    "print(digits(200000))",
  ].join("\n");
  const got = runJit(source, "digits.py");
  assert.equal(got.stdout, "2700000\n");
  const stats = jitStats();
  assert.equal(stats.aborts.INNER_LOOP, undefined, JSON.stringify(stats));
  // Each count of the inner loop's iterations (0 to 3) is a path of the trace: exits are few
  // (the inner loop's own trace, run where the outer one left, ends with one), not one an iteration.
  assert.ok(stats.sides >= 1 && stats.exits < 20000, JSON.stringify(stats));
});

Deno.test("jit: a `continue` back-edge closes the loop's trace like the loop's own back-edge", () => {
  const source = [
    "def f(n):",
    "    total = 0",
    "    for i in range(n):",
    "        if i % 3 == 0:",
    "            continue",
    "        total += i",
    "    return total",
    "print(f(100000))",
  ].join("\n");
  const got = runJit(source, "continue.py");
  assert.equal(got.stdout, "3333266667\n");
  const stats = jitStats();
  assert.equal(stats.aborts.INNER_LOOP, undefined, JSON.stringify(stats));
  assert.equal(stats.sides, 1);
  assert.ok(stats.exits < 200, JSON.stringify(stats));
});

Deno.test("jit: --dump-traces prints each trace's path with lines and its JavaScript", () => {
  const source =
    "def f(n):\n    t = 0.0\n    for i in range(n):\n        t += i * 0.5\n    return t\nprint(f(1000))\n";
  const got = runJit(source, "dump.py", true);
  assert.equal(got.stdout, "249750.0\n");
  assert.match(got.stderr, /trace 1: f \(\S*dump\.py\) loop at \d+/);
  assert.match(got.stderr, /line 3 FOR_ITER_RANGE/);
  assert.match(got.stderr, /line 4 BINARY_OP_FLOAT_MIXED/);
  assert.match(got.stderr, /return function trace\(f\)/);
  // The float accumulator is unboxed in the loop: no PyFloat is made until an exit.
  const loop = got.stderr.slice(got.stderr.indexOf("loop: for (;;)"), got.stderr.indexOf("} catch"));
  assert.doesNotMatch(loop.split("\n").filter((l) => !l.includes("return")).join("\n"), /new PyFloat/);
});

Deno.test("jit: an inlined inner loop whose peel has side paths reads the state they end in", () => {
  const name = "fuzz_inlined_loop_stale_stack.py";
  const source = Deno.readTextFileSync(new URL(name, DIR));
  withTunables("hot_loop_threshold=1,hot_exit_threshold=1,adaptive_warmup=1", () => {
    assert.equal(runCaptured(source, name, "jit").stdout, Deno.readTextFileSync(new URL(`${name}.exp`, DIR)));
  });
});

Deno.test("jit: a hot function without loops is traced from its entry to its return", () => {
  const source = [
    "def area(w, h):",
    "    if w < 0 or h < 0:",
    "        return 0.0",
    "    return w * h * 0.5",
    "t = 0.0",
    "for i in range(300):",
    "    t += area(float(i), 2.0)",
    "print(t, area(-1.0, 1.0))",
  ].join("\n");
  // The loop that calls it stays interpreted (a traced loop would follow the call instead).
  const got = runJit(source, "entry.py", true, "hot_loop_threshold=1000000");
  assert.equal(got.stdout, "44850.0 0.0\n");
  assert.match(got.stderr, /trace \d+: area \(\S*entry\.py\) function entry/);
  // The path ends with the return, which the interpreter runs: the trace hands it the value.
  assert.match(got.stderr, /line 4 RETURN_VALUE/);
  assert.match(got.stderr, /W\[0\] = -1; return \d+;/);
  assert.ok(jitStats().entries > 0);
});

Deno.test("jit: an exception inside a function trace prints tier 1's traceback", () => {
  const source = [
    "def ratio(a, b):",
    "    return a / b",
    "def run(n):",
    "    return ratio(n, n - 250)",
    "for i in range(400):",
    "    x = run(i) if i != 250 else 0",
    "run(250)",
  ].join("\n");
  const interp = runCaptured(source, "entry_tb.py", "interp");
  const jit = runCaptured(source, "entry_tb.py", "jit");
  assert.equal(jit.status, 1);
  assert.match(jit.stderr, /ZeroDivisionError: division by zero/);
  assert.equal(jit.stderr, interp.stderr);
});

Deno.test("jit: a function trace called from a trace and left inside a call it followed goes on there", () => {
  // The loop's trace follows a() but calls b() as a whole (max_inline_depth=1): b's function trace
  // runs directly, follows c(), and leaves inside c (its rare branches): the interpreter goes on in
  // c's frame, linked under b's, which sys._getframe sees, and an exception raised there unwinds
  // through b and a as in tier 1, the last one uncaught with tier 1's traceback.
  const source = [
    "import sys",
    "def c(x):",
    "    if x % 1000 == 999:",
    "        return sys._getframe(1).f_code.co_name + ':' + str(sys._getframe(1).f_lineno)",
    "    if x % 777 == 776:",
    "        raise ValueError(x)",
    "    return x",
    "def b(x):",
    "    y = x + 1",
    "    return c(y - 1)",
    "def a(x):",
    "    return b(x)",
    "def run(n):",
    "    out = []",
    "    for x in range(n):",
    "        try:",
    "            out.append(a(x))",
    "        except ValueError as e:",
    "            out.append(-e.args[0])",
    "    return out",
    "r = run(30000)",
    "print(len(r), sum(v for v in r if isinstance(v, int)), [v for v in r if isinstance(v, str)][:3])",
    "a(1553)",
  ].join("\n");
  const interp = runCaptured(source, "callee_exit.py", "interp");
  const jit = withTunables(
    `${TEST_SIZE_THRESHOLDS},max_inline_depth=1`,
    () => runCaptured(source, "callee_exit.py", "jit"),
  );
  // (CPython 3.11 prints the same.)
  assert.equal(jit.stdout, "30000 448368592 ['b:10', 'b:10', 'b:10']\n");
  assert.equal(jit.status, 1);
  assert.match(jit.stderr, /ValueError: 1553/);
  assert.equal(jit.stderr, interp.stderr);
});

Deno.test("jit: a compare that becomes a compare-and-jump while recorded keeps its branch in the trace", () => {
  // COMPARE_OP specializing as it runs under the recorder turns into COMPARE_OP_X__POP_JUMP_IF_Y,
  // whose jump the recorder is not shown: the path must still guard that branch.
  const source = [
    "def pick(sign, mode):",
    "    if (mode == 'floor' and sign == 1):",
    "        return 'inf'",
    "    return 'max'",
    "out = [pick(i % 2, 'floor') for i in range(200)]",
    "print(out[-4:], pick(1, 'floor'), pick(0, 'floor'))",
  ].join("\n");
  withTunables("hot_function_threshold=1", () => {
    assert.equal(
      runCaptured(source, "superpath.py", "jit").stdout,
      "['max', 'inf', 'max', 'inf'] inf max\n",
    );
  });
});

Deno.test("jit: calls the specializer bound to a builtin call its entry point, not the call protocol", () => {
  const source = [
    "def f(words):",
    "    out = []",
    "    n = 0",
    "    for w in words:",
    "        if isinstance(w, str):",
    "            n += len(w)",
    "        out.append(w.upper())",
    "        n += int(w.count('a'))",
    "    return n, out[-1]",
    "print(f(['abc', 'banana'] * 500))",
  ].join("\n");
  const got = runJit(source, "builtins.py", true);
  assert.equal(got.stdout, "(6500, 'BANANA')\n");
  const js = got.stderr.slice(got.stderr.indexOf("return function trace(f)"));
  assert.match(js, /lenBuiltin\(/); // len
  assert.match(js, /\.call2\(/); // isinstance
  assert.match(js, /\.items\.push\(/); // list.append
  assert.match(js, /\.call1\(/); // int()
  assert.match(js, /\.fn\(\[/); // str.upper, str.count
  assert.doesNotMatch(js, /traceCall\(/);
});

/** A function of three nested loops, the innermost a few iterations a run (nbody's shape). */
const NESTED_LOOPS = [
  "def f(xs, steps):",
  "    n = len(xs)",
  "    t = 0.0",
  "    for _ in range(steps):",
  "        for i in range(n):",
  "            for j in range(i + 1, n):",
  "                d = xs[i] - xs[j]",
  "                t += d * d",
  "    return t",
];

Deno.test("jit: short inner loops run inlined in their outer loop's trace, not entered once per run", () => {
  const source = [
    ...NESTED_LOOPS,
    "print(f([0.5, 1.5, 3.0, 4.25, 7.0], 20000))",
  ].join("\n");
  const got = runJit(source, "nested.py");
  assert.equal(got.stdout, "2575000.0\n");
  const stats = jitStats();
  // Run as a whole, the j loop's trace would be entered 4 times a step (80,000 entries). Inlined,
  // it is entered once a step at most: in the peeled first iteration of the i loop, where inner
  // loops run as a whole (so that each loop body holds one inlined copy of its inner loops).
  assert.ok(stats.entries <= 20_100, JSON.stringify(stats));
});

Deno.test("jit: loops dropped as too short in small calls get their traces back in large calls", () => {
  // f's loops first run an iteration or two a call (SHORT_LOOP drops them; the outer loop ends at
  // every recording, LOOP_ENDED, which costs no backoff), then thousands of iterations a call: the
  // dropped traces are tried again within the first large call, not after a million back-edges,
  // and the i loop's trace runs the j loop (still short) with that loop's dropped trace.
  const source = [
    ...NESTED_LOOPS,
    "def main():",
    "    xs = [0.5, 1.5, 3.0, 4.25, 7.0]",
    "    total = 0.0",
    "    for k in range(3000):",
    "        total += f(xs[:3], 1)",
    "    for k in range(12):",
    "        total += f(xs, 2000)",
    "    print(total)",
    "main()",
  ].join("\n");
  // (f is not traced from its entry here: its loops' own traces are what this is about.)
  const got = runJit(source, "short_then_long.py", false, "hot_function_threshold=1000000");
  assert.equal(got.stdout, "3118500.0\n");
  const stats = jitStats();
  assert.ok(stats.aborts.SHORT_LOOP >= 1, JSON.stringify(stats));
  assert.ok(stats.aborts.LOOP_ENDED >= 1, JSON.stringify(stats));
  assert.equal(stats.aborts.LEFT_LOOP, undefined, JSON.stringify(stats));
  // Interpreted, the 24,000 steps of the large calls enter no trace (6,000 entries in all).
  assert.ok(stats.entries > 24_000, JSON.stringify(stats));
});

Deno.test("jit: a global added after a trace read a builtin keeps the trace; one that shadows it leaves", () => {
  const source = [
    "def f(n):",
    "    t = 0",
    "    for i in range(n):",
    "        t += len([i])",
    "    return t",
    "total = 0",
    "for k in range(12):",
    "    total += f(3000)",
    '    globals()["marker%d" % k] = k',
    "print(total)",
    "def len(x):",
    "    return 10",
    "print(f(3000))",
    "del len",
    "print(f(3000))",
  ].join("\n");
  const got = runJit(source, "new_globals.py");
  assert.equal(got.stdout, "36000\n30000\n3000\n");
  const stats = jitStats();
  // One trace for f's loop and the module's until `len` is shadowed (then unshadowed): each a new
  // trace. Before, each new global (marker0, marker1, …) made the trace leave at every entry.
  assert.ok(stats.compiled <= 4, JSON.stringify(stats));
  assert.ok(stats.entries < 1000, JSON.stringify(stats));
});

Deno.test("jit: an inlined inner loop whose exit gets hot is inlined again, with its trace's side path", () => {
  const source = [
    "def f(n):",
    "    a = b = 0",
    "    for i in range(n):",
    "        for j in range(3):",
    "            if (i + j) % 2:",
    "                a += j",
    "            else:",
    "                b += j",
    "    return a, b",
    "print(f(30000))",
  ].join("\n");
  const got = runJit(source, "inner_branch.py");
  assert.equal(got.stdout, "(45000, 45000)\n");
  const stats = jitStats();
  // The branch goes each way on alternate runs of the inner loop's first iteration: the inlined
  // copy takes the inner trace's side path there too, in the peeled iteration as in the body.
  assert.ok(stats.exits < 1000, JSON.stringify(stats));
});
