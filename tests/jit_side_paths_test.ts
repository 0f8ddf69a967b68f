/**
 * Tier 3 side paths beyond the loop's own frame and body: a branch inside a call the trace
 * followed, a branch in a loop trace's peeled first iteration, a branch inside an inner loop that
 * an outer trace (a loop's or a function's) inlines or runs with a short loop's trace; and the
 * budget that keeps a trace's function small enough for V8 to optimize, with its exit stubs. Each
 * program prints CPython's output (checked against its literal), and the JIT's counters show the
 * exit stopped firing once the side path grew.
 */
import assert from "node:assert/strict";
import { runJit } from "./run_captured.ts";
import { jitStats } from "../jit/tier.ts";

Deno.test("jit side paths: a branch inside a followed call grows a side path, not an exit per call", () => {
  const source = [
    "def classify(x):",
    "    if x % 3 == 0:",
    "        return 10",
    "    return 1",
    "def f(n):",
    "    t = 0",
    "    for i in range(n):",
    "        t += classify(i)",
    "    return t",
    "print(f(60000))",
  ].join("\n");
  const got = runJit(source, "side_paths.py");
  assert.equal(got.stdout, "240000\n");
  const stats = jitStats();
  assert.ok(stats.sides >= 1, JSON.stringify(stats));
  // Without the side path, every third iteration would leave the trace inside classify.
  assert.ok(stats.exits < 1000, JSON.stringify(stats));
});

Deno.test("jit side paths: a function trace grows one inside a call it followed, two calls deep", () => {
  const source = [
    "def accept(r):",
    "    return r % 2 == 0",
    "def handle(r, out):",
    "    if accept(r):",
    "        out.append(r)",
    "        return True",
    "    return False",
    "def log(r, out):",
    "    n = r * 3",
    "    handle(r, out)",
    "    return n",
    "out = []",
    "t = 0",
    "for r in range(40000):",
    "    t += log(r, out)",
    "print(t, len(out), out[:3], out[-1])",
  ].join("\n");
  const got = runJit(source, "side_paths.py", false, "hot_loop_threshold=100000");
  assert.equal(got.stdout, "2399940000 20000 [0, 2, 4] 39998\n");
  // (The loop itself stays interpreted: log's function trace follows handle and accept.)
  const stats = jitStats();
  assert.ok(stats.exits < 1000, JSON.stringify(stats));
});

Deno.test("jit side paths: a short loop entered from a function trace takes side paths in its first iteration", () => {
  // As a ray tracer's `for s in SCENE`: the first iteration's branch (inside a followed call) goes
  // one way for some calls and the other for others, and the loop runs four iterations a call.
  const source = [
    "SCENE = [0, 1, 2, 3]",
    "def near(s, x):",
    "    if (s * 7 + x) % 5 < 2:",
    "        return -1",
    "    return s + x % 3",
    "def pick(x):",
    "    best = 99",
    "    for s in SCENE:",
    "        t = near(s, x)",
    "        if 0 <= t < best:",
    "            best = t",
    "    return best",
    "total = 0",
    "for x in range(30000):",
    "    total += pick(x)",
    "print(total)",
  ].join("\n");
  const got = runJit(source, "side_paths.py");
  let expected = 0;
  for (let x = 0; x < 30000; x++) {
    let best = 99;
    for (const s of [0, 1, 2, 3]) {
      const t = (s * 7 + x) % 5 < 2 ? -1 : s + x % 3;
      if (0 <= t && t < best) best = t;
    }
    expected += best;
  }
  assert.equal(got.stdout, `${expected}\n`);
  const stats = jitStats();
  assert.ok(stats.sides >= 2, JSON.stringify(stats));
  assert.ok(stats.exits < 3000, JSON.stringify(stats));
});

Deno.test("jit side paths: a loop's own preamble grows a side path at a branch its first iteration takes", () => {
  // f's loop is entered at its first back-edge on every call (f is not traced from its entry):
  // its peeled iteration reads row[1], negative in every other call.
  const source = [
    "def f(row):",
    "    h = 0",
    "    for x in row:",
    "        if x < 0:",
    "            h += 1",
    "        else:",
    "            h += 2",
    "    return h",
    "rows = [[5, -1 if i % 2 else 1, 3, 4, 5, 6, 7, 8] for i in range(20000)]",
    "total = 0",
    "for r in rows:",
    "    total += f(r)",
    "print(total)",
  ].join("\n");
  const got = runJit(source, "side_paths.py", false, "hot_function_threshold=1000000");
  assert.equal(got.stdout, "310000\n");
  const stats = jitStats();
  // One entry per call, left at the loop's end: not left in every other call's first iteration
  // and entered again at the next back-edge.
  assert.ok(stats.entries > 19000 && stats.entries < 20500, JSON.stringify(stats));
  assert.ok(stats.exits < stats.entries + 100, JSON.stringify(stats));
});

Deno.test("jit side paths: a trace's function stays under max_trace_code; past it, side paths are refused", () => {
  const source = [
    "def kind(x):",
    "    if x % 4 == 0:",
    "        return 'a'",
    "    if x % 4 == 1:",
    "        return 'b'",
    "    if x % 4 == 2:",
    "        return 'c'",
    "    return 'd'",
    "def f(n):",
    "    seen = {'a': 0, 'b': 0, 'c': 0, 'd': 0}",
    "    for i in range(n):",
    "        seen[kind(i)] += 1",
    "    return seen",
    "print(f(40000))",
  ].join("\n");
  const expected = "{'a': 10000, 'b': 10000, 'c': 10000, 'd': 10000}\n";
  const roomy = runJit(source, "side_paths.py");
  assert.equal(roomy.stdout, expected);
  assert.ok(jitStats().sides >= 2, JSON.stringify(jitStats()));
  assert.equal(jitStats().aborts.CODE_TOO_BIG, undefined);
  const tight = runJit(source, "side_paths.py", false, "max_trace_code=1000");
  assert.equal(tight.stdout, expected);
  // Refused once a trace (the loop's, kind()'s): it then grows no more side paths (each would
  // compile it whole again to find the same).
  const stats = jitStats();
  assert.ok(
    stats.aborts.CODE_TOO_BIG >= 1 && stats.aborts.CODE_TOO_BIG <= stats.recorded,
    JSON.stringify(stats),
  );
});

Deno.test("jit side paths: long write-backs at exits go through shared stubs beside the trace function", () => {
  // Forty locals assigned in the loop: an exit writes them all back (longer than MIN_STUB_WRITE_BACK).
  const names = Array.from({ length: 40 }, (_, i) => `v${i}`);
  const source = [
    "def f(n):",
    `    ${names.join(" = ")} = 0`,
    "    for i in range(n):",
    ...names.map((v, i) => `        ${v} += i % ${i + 2}`),
    `    return ${names.join(" + ")}`,
    "print(f(5000))",
  ].join("\n");
  let expected = 0;
  for (let i = 0; i < 5000; i++) for (let k = 0; k < 40; k++) expected += i % (k + 2);
  const got = runJit(source, "side_paths.py", true);
  assert.equal(got.stdout, `${expected}\n`);
  // The stubs precede the trace function; its exits call them with the JS locals they write.
  assert.match(got.stderr, /function S0\(f, \$x, \$r, \$0/);
  assert.match(got.stderr, /return S0\(f, \d+, \d+, /);
});

Deno.test("jit side paths: a side path that met an inner loop without a trace yet is recorded again later", () => {
  // g's trace returns at once (even x); odd x leave at the branch. The first side path recorded
  // there (after hot_exit_threshold exits) runs g's loop before that loop has a trace of its own
  // (hot_loop_threshold back-edges): it aborts (INNER_LOOP), and is tried again after twice as
  // many exits, when the loop has its trace.
  const source = [
    "def g(x, items):",
    "    if x % 2 == 0:",
    "        return 0",
    "    t = 0",
    "    for v in items:",
    "        t += v * x",
    "    return t",
    "items = list(range(10))",
    "total = 0",
    "for x in [0] * 100 + list(range(20000)):",
    "    total += g(x, items)",
    "print(total)",
  ].join("\n");
  const got = runJit(
    source,
    "side_paths.py",
    false,
    "hot_loop_threshold=500,hot_function_threshold=16,hot_exit_threshold=32",
  );
  assert.equal(got.stdout, `${45 * 10000 * 10000}\n`);
  const stats = jitStats();
  assert.ok((stats.aborts.INNER_LOOP ?? 0) >= 1, JSON.stringify(stats));
  assert.ok(stats.sides >= 2, JSON.stringify(stats));
  assert.ok(stats.exits < 2000, JSON.stringify(stats));
});

Deno.test("jit side paths: a long loop body that leaves at a refused branch every third iteration keeps its trace", () => {
  // The side path is refused (max_trace_code), so the trace leaves in a third of its iterations,
  // about three iterations an entry; its body is long enough to pay for each entry anyway (it is
  // not dropped as SHORT_LOOP, which judges the instructions an entry runs, not its iterations).
  const source = [
    "def f(n):",
    "    seed = 11",
    "    out = []",
    "    for i in range(n):",
    "        seed = (seed * 75 + 74) % 65537",
    "        a = seed % 7 + seed % 11 + seed % 13 + seed % 17 + seed % 19 + seed % 23",
    "        b = seed // 3 + seed // 5 + seed // 7 + seed // 9 + seed // 11 + seed // 13",
    "        tag = 'x' if i % 3 else 'y'",
    "        out.append(a + b + len(tag))",
    "    return sum(out), len(out)",
    "print(f(30000))",
  ].join("\n");
  let seed = 11, total = 0;
  for (let i = 0; i < 30000; i++) {
    seed = (seed * 75 + 74) % 65537;
    const a = seed % 7 + seed % 11 + seed % 13 + seed % 17 + seed % 19 + seed % 23;
    const b = [3, 5, 7, 9, 11, 13].reduce((t, d) => t + Math.floor(seed / d), 0);
    total += a + b + 1;
  }
  const got = runJit(source, "side_paths.py", false, "max_trace_code=1000");
  assert.equal(got.stdout, `(${total}, 30000)\n`);
  const stats = jitStats();
  assert.equal(stats.aborts.SHORT_LOOP, undefined, JSON.stringify(stats));
  assert.ok(stats.entries > 5000, JSON.stringify(stats));
});
