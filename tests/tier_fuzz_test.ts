/**
 * The quick run of the tier fuzzers (tools/fuzz/; the long run is `deno task fuzz`). In: a fixed
 * set of generator seeds and of mutants. Out: failures when a generated program's result (status,
 * stdout, stderr) differs between tier 1 and any other configuration (specialized, jit, jit with
 * hair-trigger tunables), or when a mutant ends in a JavaScript error, a crash or a hang. Programs
 * run in a pool of worker processes with a time limit, so a hang fails the test instead of
 * stopping it. Also the regressions the fuzzers found that need tunables to show.
 */
import assert from "node:assert/strict";
import { WorkerPool } from "../tools/fuzz/pool.ts";
import { compareTiers } from "../tools/fuzz/differential.ts";
import { judge, mutate } from "../tools/fuzz/runtime_mutator.ts";
import { generateProgram } from "../tools/fuzz/program_generator.ts";

/** Seeds of the differential quick run. */
const DIFF_SEEDS = Array.from({ length: 12 }, (_, k) => 1 + k * 7919);
/** Seeds of the mutational quick run (each mutates the generated program of the same seed). */
const MUTANT_SEEDS = Array.from({ length: 30 }, (_, k) => 5 + k * 104729);

Deno.test("tier fuzz: the generator is deterministic and its programs are valid Python", () => {
  assert.equal(generateProgram(42), generateProgram(42));
  assert.notEqual(generateProgram(42), generateProgram(43));
  assert.match(generateProgram(7), /for i in range\(n|while i < n/);
  // Some programs loop at the top level too (module variables: LOAD_NAME / STORE_NAME in traces).
  assert.ok(
    Array.from({ length: 20 }, (_, k) => generateProgram(k)).some((p) => /^for _i in range/m.test(p)),
  );
});

Deno.test("tier fuzz: compound constants keep their parentheses inside generated expressions", () => {
  // Unparenthesized, `x * 1 << 62 * a` shifts by 62 * a: with a = 2 ** 31, CPython wants 16 GB.
  for (let seed = 1650000440; seed < 1650000450; seed++) {
    assert.doesNotMatch(generateProgram(seed), /[-+*/%&|^] 1 << 62|1 << 62 [-+*/%&|^<>]|[*/%] 2 \*\* /);
  }
});

Deno.test("tier fuzz: generated programs print the same on every tier and tunable set", async () => {
  const pyjit = new WorkerPool("pyjit", 2, 20_000);
  try {
    const found: string[] = [];
    await Promise.all(DIFF_SEEDS.map(async (seed) => {
      for (const d of await compareTiers({ pyjit, cpython: null }, generateProgram(seed))) {
        found.push(`seed ${seed}: ${d.signature}`);
      }
    }));
    assert.deepEqual(found, []);
  } finally {
    await pyjit.close();
  }
});

Deno.test("tier fuzz: mutated programs end in Python exceptions, never JavaScript errors, crashes or hangs", async () => {
  const pyjit = new WorkerPool("pyjit", 2, 5_000);
  try {
    const found: string[] = [];
    let oracle: WorkerPool | null = null;
    const runOnCPython = (source: string) =>
      (oracle ??= new WorkerPool("cpython", 1, 5_000)).run(source, "cpython");
    await Promise.all(MUTANT_SEEDS.map(async (seed, k) => {
      const mutant = mutate(generateProgram(seed), seed);
      const tier = (["interp", "specialized", "jit"] as const)[k % 3];
      const result = await pyjit.run(
        mutant.source,
        tier,
        k % 2 ? "hot_loop_threshold=2,hot_exit_threshold=1" : "",
      );
      // A time-out counts only when CPython finishes the mutant (a mutation may make a loop endless).
      const cpython = result.kind === "hang" ? await runOnCPython(mutant.source) : null;
      const verdict = judge(result, cpython);
      if (verdict !== null) found.push(`seed ${seed} (${tier}): ${verdict}`);
    }));
    await (oracle as WorkerPool | null)?.close();
    assert.deepEqual(found, []);
  } finally {
    await pyjit.close();
  }
});

Deno.test("tier fuzz: a failed specialization with adaptive_backoff_max=0 does not retry for ever", async () => {
  const pyjit = new WorkerPool("pyjit", 1, 10_000);
  try {
    const params = "adaptive_warmup=1,adaptive_backoff_max=0,deopt_misses=1";
    for (const tier of ["specialized", "jit"] as const) {
      const r = await pyjit.run(
        "print(type(1).__name__)\nfor i in range(50):\n    x = str(i).__len__()\nprint(x)\n",
        tier,
        params,
      );
      assert.equal(r.kind, "ok");
      assert.equal(r.stdout, "int\n2\n");
    }
  } finally {
    await pyjit.close();
  }
});
