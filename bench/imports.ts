/**
 * The import benchmark of issue 13: how long `import collections, dataclasses, typing, …` takes in
 * pyjit against CPython 3.11 for the same imports → a table of medians and their ratios.
 *
 * Each runtime runs one small program that times its own import statement with
 * `time.perf_counter()` and prints the milliseconds, then the same imports warm (the modules
 * removed from sys.modules and imported again: the runtime's own code no longer cold); the
 * process's wall time is measured too. The runtimes take turns within each round (interleaved),
 * so that a noisy moment hits all of them.
 * One untimed round first fills the caches (pyjit's compile cache, Deno's, CPython's `.pyc`).
 * pyjit runs as `deno task pyjit` runs it (cli/launcher.ts, from the bundle, built first if stale).
 *
 * CPython is run twice: with `-S` (no `site`: nothing but what CPython needs to start is imported, as
 * in pyjit), which is the baseline of the ratios, and as installed, where `site` and the `.pth` files
 * of installed packages may have imported some of the modules already before the timer starts.
 *
 * With `--jsr`, pyjit is also run as `deno run -A jsr:@pyjit/cli` runs it, from both packages
 * published to a registry on localhost (tools/fake_jsr.ts).
 *
 * Usage: `deno run -A bench/imports.ts [--runs N] [--modules a,b,c] [--tiers jit,specialized] [--jsr]`
 * @module
 */
import { parseArgs } from "node:util";
import { BASELINE_ID, probeRuntime, REPO_ROOT, RUNTIMES } from "./_runtimes.ts";
import { buildBundle } from "../tools/bundle.ts";
import { publishLocally, waitForPreparedBundle } from "../tools/publish.ts";
import { freshBundle, LAUNCHER_V8_FLAGS } from "../cli/bundle_state.ts";

/** The imports the issue names. */
const DEFAULT_MODULES = [
  "collections",
  "dataclasses",
  "typing",
  "enum",
  "functools",
  "itertools",
  "random",
  "datetime",
  "os",
  "pathlib",
];

/** How many times the warm measure imports the modules again (the fastest counts). */
const WARM_REPEATS = 3;

/**
 * The timed program: the import statement cold (what the issue measures), then warm: the modules
 * it added are removed from sys.modules and imported again, so the runtime's own code is already
 * warm (pyjit's JavaScript compiled and optimized by V8) and only the import's work is left.
 */
function timedProgram(modules: string[]): string {
  const statement = `import ${modules.join(", ")}`;
  return [
    "import sys, time",
    "before = set(sys.modules)",
    "t0 = time.perf_counter()",
    statement,
    "t1 = time.perf_counter()",
    "added = [m for m in sys.modules if m not in before]",
    "warm = None",
    `for _ in range(${WARM_REPEATS}):`,
    "    for m in added:",
    "        del sys.modules[m]",
    "    t2 = time.perf_counter()",
    `    ${statement}`,
    "    t3 = time.perf_counter()",
    "    warm = t3 - t2 if warm is None else min(warm, t3 - t2)",
    "print(f'{(t1 - t0) * 1000:.3f} {warm * 1000:.3f}')",
  ].join("\n") + "\n";
}

interface Runner {
  label: string;
  argv: (program: string) => string[];
  /** Set in its runs' environment besides timingEnv's. */
  env?: Record<string, string>;
  /** The folder it runs in (default: this process's). */
  cwd?: string;
}

/** CPython's real binary (not a version manager's shim), found as `deno task compare` finds it. */
async function realPython(): Promise<string> {
  const probe = await probeRuntime(RUNTIMES.find((r) => r.id === BASELINE_ID)!);
  if (!probe.found) throw new Error(`CPython is needed for the comparison: ${probe.reason}`);
  return probe.command[0];
}

/**
 * The environment of the timed runs: this one, less what would keep the compile caches cold
 * (CPython's standard library has its `.pyc` files whatever the setting; pyjit's cache is written
 * on the warm-up run).
 */
function timingEnv(): Record<string, string> {
  const env = Deno.env.toObject();
  delete env.PYTHONDONTWRITEBYTECODE;
  return env;
}

/** Runs one program; the import times it printed and the process's wall time, in milliseconds. */
async function runOnce(
  argv: string[],
  { env = {}, cwd }: { env?: Record<string, string>; cwd?: string } = {},
): Promise<{ importMs: number; warmMs: number; wallMs: number }> {
  const start = performance.now();
  const out = await new Deno.Command(argv[0], {
    args: argv.slice(1),
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { ...timingEnv(), ...env },
    clearEnv: true,
  }).output();
  const wallMs = performance.now() - start;
  const text = new TextDecoder().decode(out.stdout).trim();
  const [importMs, warmMs] = text.split(" ").map(Number);
  if (!out.success || !Number.isFinite(importMs) || !Number.isFinite(warmMs)) {
    throw new Error(`${argv.join(" ")} failed:\n${text}\n${new TextDecoder().decode(out.stderr)}`);
  }
  return { importMs, warmMs, wallMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `--jsr`: both packages published to a registry on localhost (tools/fake_jsr.ts) and run as users
 * run them, `deno run -A jsr:@pyjit/cli`, with a Deno cache and a user cache folder of their own
 * (under `dir`). `ready` waits until the first run's background preparation of the published
 * bundle (cli/published_bundle.ts) has made its code cache.
 */
async function publishedRunner(dir: string) {
  const registry = await publishLocally();
  const env = { JSR_URL: registry.url, DENO_DIR: `${dir}/deno`, XDG_CACHE_HOME: `${dir}/cache` };
  const runner: Runner = {
    label: "pyjit jit, jsr:@pyjit/cli",
    argv: (p) => [Deno.execPath(), "run", "-A", `--v8-flags=${LAUNCHER_V8_FLAGS}`, "jsr:@pyjit/cli", p],
    env,
    // Outside the checkout, whose workspace would resolve jsr:@pyjit/cli to its own folder.
    cwd: dir,
  };
  const ready = () => waitForPreparedBundle(`${dir}/cache`, 1);
  return { runner, ready, close: () => registry.close() };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      runs: { type: "string", default: "11" },
      modules: { type: "string", default: DEFAULT_MODULES.join(",") },
      tiers: { type: "string", default: "jit" },
      jsr: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  const modules = values.modules.split(",").map((m) => m.trim()).filter(Boolean);
  const dir = Deno.makeTempDirSync({ prefix: "pyjit-imports-" });
  const program = `${dir}/imports_timed.py`;
  Deno.writeTextFileSync(program, timedProgram(modules));
  const python = await realPython();
  const runners: Runner[] = [
    { label: "CPython -S", argv: (p) => [python, "-S", p] },
    { label: "CPython", argv: (p) => [python, p] },
    ...values.tiers.split(",").map((tier) => ({
      label: `pyjit ${tier}`,
      argv: (p: string) => [
        Deno.execPath(),
        "run",
        "-A",
        `--v8-flags=${LAUNCHER_V8_FLAGS}`,
        `${REPO_ROOT}cli/launcher.ts`,
        "--tier",
        tier,
        p,
      ],
    })),
  ];
  const registry = values.jsr ? await publishedRunner(dir) : null;
  if (registry !== null) runners.push(registry.runner);
  const samples = runners.map(() => ({
    importMs: [] as number[],
    warmMs: [] as number[],
    wallMs: [] as number[],
  }));
  try {
    if (freshBundle() === null) buildBundle();
    for (const runner of runners) await runOnce(runner.argv(program), runner); // warms the caches
    await registry?.ready();
    for (let round = 0; round < runs; round++) {
      for (let i = 0; i < runners.length; i++) {
        const { importMs, warmMs, wallMs } = await runOnce(runners[i].argv(program), runners[i]);
        samples[i].importMs.push(importMs);
        samples[i].warmMs.push(warmMs);
        samples[i].wallMs.push(wallMs);
      }
    }
  } finally {
    await registry?.close();
    Deno.removeSync(dir, { recursive: true });
  }
  const base = median(samples[0].importMs);
  const warmBase = median(samples[0].warmMs);
  console.log(`import ${modules.join(", ")}`);
  console.log(
    `${runs} interleaved rounds, medians; warm: the same modules imported again in the same process\n`,
  );
  console.log("| runtime | import statement | ratio to CPython -S | warm | warm ratio | whole process |");
  console.log("|---|---:|---:|---:|---:|---:|");
  runners.forEach((runner, i) => {
    const importMs = median(samples[i].importMs);
    const warmMs = median(samples[i].warmMs);
    console.log(
      `| ${runner.label} | ${importMs.toFixed(1)} ms | ${(importMs / base).toFixed(2)}× | ${
        warmMs.toFixed(1)
      } ms | ${(warmMs / warmBase).toFixed(2)}× | ${median(samples[i].wallMs).toFixed(0)} ms |`,
    );
  });
}

if (import.meta.main) await main();
