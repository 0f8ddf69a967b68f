/**
 * The differential runner of the tiers. In: programs (the generator's, by seed). Out: for each, the
 * configurations whose result (exit status, stdout, stderr with its traceback) differs from tier 1's
 * (`interp`), or where tier 1 differs from CPython 3.11 (stdout, status, last line of stderr); a
 * difference is minimized (minimize.ts) and saved as a reproducer (`NAME.py` plus `NAME.txt` with
 * both results) in the output directory.
 * @module
 */
import { generateProgram } from "./program_generator.ts";
import { minimize } from "./minimize.ts";
import type { WorkerPool } from "./pool.ts";
import type { RunConfig, RunResult } from "./protocol.ts";

/** Every configuration a program runs on; the first is the reference. */
export const CONFIGS: readonly RunConfig[] = [
  { name: "interp", tier: "interp", params: "" },
  { name: "specialized", tier: "specialized", params: "" },
  {
    name: "spec-eager",
    tier: "specialized",
    params: "adaptive_warmup=1,adaptive_backoff_max=0,deopt_misses=1",
  },
  { name: "jit", tier: "jit", params: "" },
  { name: "jit-hair1", tier: "jit", params: "hot_loop_threshold=2,hot_exit_threshold=2" },
  {
    name: "jit-hair2",
    tier: "jit",
    params:
      "hot_loop_threshold=1,hot_exit_threshold=1,hot_function_threshold=2,max_inline_depth=8,adaptive_warmup=1",
  },
  {
    name: "jit-hair3",
    tier: "jit",
    params:
      "hot_loop_threshold=3,hot_exit_threshold=1,trace_backoff_max=0,max_trace_length=40,adaptive_warmup=1",
  },
  {
    name: "jit-noinline",
    tier: "jit",
    params: "hot_loop_threshold=2,hot_exit_threshold=3,max_inline_depth=0",
  },
  // Each backend of the JIT on its own (the default, auto, picks per loop).
  { name: "jit-js", tier: "jit", params: "jit_backend=js,hot_loop_threshold=2,hot_exit_threshold=2" },
  { name: "jit-native", tier: "jit", params: "jit_backend=native,hot_loop_threshold=2,hot_exit_threshold=2" },
];

/** CPython, for the check of tier 1 against it. */
export const CPYTHON: RunConfig = { name: "cpython", tier: "cpython", params: "" };

/** The pools a run needs. */
export interface Pools {
  readonly pyjit: WorkerPool;
  readonly cpython: WorkerPool | null;
}

/** A difference between two configurations on one program. */
export interface Difference {
  readonly reference: RunConfig;
  readonly other: RunConfig;
  readonly a: RunResult;
  readonly b: RunResult;
  /** Groups differences that are likely one bug: the configuration and the first differing line. */
  readonly signature: string;
}

function runOn(pools: Pools, config: RunConfig, source: string, timeoutMs?: number): Promise<RunResult> {
  if (config.tier === "cpython") return pools.cpython!.run(source, "cpython", "", "fuzz.py", timeoutMs);
  return pools.pyjit.run(source, config.tier, config.params, "fuzz.py", timeoutMs);
}

/** The time limit of a second run of a program that timed out (runPatiently). */
const SLOW_RUN_TIMEOUT_MS = 40_000;

/**
 * `runOn`, and when that timed out (on a busy machine), once more with a longer limit: a program
 * that then finishes was slow, not hung (`onSlow` counts it; the mutational fuzzer does the same).
 */
async function runPatiently(
  pools: Pools,
  config: RunConfig,
  source: string,
  onSlow?: () => void,
): Promise<RunResult> {
  const first = await runOn(pools, config, source);
  if (first.kind !== "hang") return first;
  const again = await runOn(pools, config, source, SLOW_RUN_TIMEOUT_MS);
  if (again.kind === "hang") return first;
  onSlow?.();
  return again;
}

/** The time limit of a minimization candidate: removing a statement may make a loop endless. */
const CANDIDATE_TIMEOUT_MS = 4_000;

function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1];
}

/** Whether two pyjit results are the same (status, stdout, stderr). */
function sameResult(a: RunResult, b: RunResult): boolean {
  return a.kind === b.kind && a.status === b.status && a.stdout === b.stdout && a.stderr === b.stderr;
}

/** Object addresses in default reprs differ between any two runs (a minimized program may show one). */
function blurAddresses(text: string): string {
  return text.replace(/ at 0x[0-9a-f]+/g, " at 0x…");
}

/** Whether pyjit's tier 1 agrees with CPython (stdout, status, the last line of stderr). */
function agreesWithCPython(cpython: RunResult, pyjit: RunResult): boolean {
  if (pyjit.kind !== "ok" || cpython.kind !== "ok") return pyjit.kind === cpython.kind;
  if (cpython.status !== pyjit.status || blurAddresses(cpython.stdout) !== blurAddresses(pyjit.stdout)) {
    return false;
  }
  return cpython.status === 0 ||
    blurAddresses(lastLine(cpython.stderr)) === blurAddresses(lastLine(pyjit.stderr));
}

/** The first line where two texts differ, with numbers blurred (for grouping). */
function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  let k = 0;
  while (k < la.length && k < lb.length && la[k] === lb[k]) k++;
  const blur = (s: string | undefined) => (s ?? "<end>").replace(/\d+(\.\d+)?/g, "N").slice(0, 80);
  return `${blur(la[k])} | ${blur(lb[k])}`;
}

function signatureOf(other: RunConfig, a: RunResult, b: RunResult): string {
  if (b.kind !== "ok") return `${other.name}: ${b.kind} ${(b.detail ?? "").split("\n")[0].slice(0, 80)}`;
  if (other.tier === "cpython") {
    const what = a.stdout !== b.stdout
      ? firstDifference(a.stdout, b.stdout)
      : firstDifference(a.stderr, b.stderr);
    return `cpython: ${what}`;
  }
  const family = other.tier === "jit" ? "jit" : other.tier;
  if (a.stdout !== b.stdout) return `${family}: stdout ${firstDifference(a.stdout, b.stdout)}`;
  if (a.status !== b.status) return `${family}: status ${a.status} vs ${b.status}`;
  return `${family}: stderr ${firstDifference(a.stderr, b.stderr)}`;
}

/**
 * Runs `source` on every configuration (and CPython when the pools have it). Returns the
 * differences: each configuration that disagrees with tier 1, and CPython when tier 1 disagrees
 * with it. A run that times out is run again with a longer limit (runPatiently; `onSlow` hears of
 * each that then finished).
 */
export async function compareTiers(pools: Pools, source: string, onSlow?: () => void): Promise<Difference[]> {
  const results = await Promise.all(CONFIGS.map((c) => runPatiently(pools, c, source, onSlow)));
  const reference = results[0];
  const diffs: Difference[] = [];
  for (let k = 1; k < CONFIGS.length; k++) {
    if (!sameResult(reference, results[k])) {
      diffs.push({
        reference: CONFIGS[0],
        other: CONFIGS[k],
        a: reference,
        b: results[k],
        signature: signatureOf(CONFIGS[k], reference, results[k]),
      });
    }
  }
  if (reference.kind !== "ok") {
    diffs.push({
      reference: CPYTHON,
      other: CONFIGS[0],
      a: reference,
      b: reference,
      signature: signatureOf(CONFIGS[0], reference, reference),
    });
  } else if (pools.cpython) {
    const cpython = await runPatiently(pools, CPYTHON, source, onSlow);
    if (!agreesWithCPython(cpython, reference)) {
      diffs.push({
        reference: CPYTHON,
        other: CONFIGS[0],
        a: cpython,
        b: reference,
        signature: signatureOf(CPYTHON, reference, cpython),
      });
    }
  }
  return diffs;
}

/** Whether `d`'s two configurations still disagree on `source` (and the program is valid Python). */
async function stillDiffers(pools: Pools, d: Difference, source: string): Promise<boolean> {
  const limit = d.b.kind === "hang" ? undefined : CANDIDATE_TIMEOUT_MS;
  const [a, b] = await Promise.all([
    runOn(pools, d.reference, source, limit),
    runOn(pools, d.other, source, limit),
  ]);
  if ((a.kind === "hang" || b.kind === "hang") && d.b.kind !== "hang") return false;
  if (/^(SyntaxError|IndentationError|NameError|UnboundLocalError)\b/m.test(lastLine(a.stderr))) return false;
  if (d.reference.tier === "cpython") {
    if (d.other === CONFIGS[0] && d.a === d.b) return b.kind === d.b.kind; // tier 1 itself failed
    return !agreesWithCPython(a, b);
  }
  if (d.b.kind !== "ok") return b.kind === d.b.kind;
  return !sameResult(a, b);
}

/** Minimizes `d` on `source` and writes the reproducer under `outDir`; returns its path. */
export async function saveReproducer(
  pools: Pools,
  d: Difference,
  source: string,
  outDir: string,
  name: string,
) {
  const small = await minimize(source, (s) => stillDiffers(pools, d, s));
  const [a, b] = await Promise.all([runOn(pools, d.reference, small), runOn(pools, d.other, small)]);
  Deno.mkdirSync(outDir, { recursive: true });
  const path = `${outDir}/${name}.py`;
  Deno.writeTextFileSync(path, small);
  const show = (c: RunConfig, r: RunResult) =>
    `== ${c.name} ${c.params}: ${r.kind}, status ${r.status}\n-- stdout\n${r.stdout}-- stderr\n${r.stderr}${
      r.detail ? `-- detail\n${r.detail}\n` : ""
    }`;
  Deno.writeTextFileSync(
    `${outDir}/${name}.txt`,
    `${d.signature}\n\n${show(d.reference, a)}\n${show(d.other, b)}\n== original program\n${source}`,
  );
  return path;
}

/** Counts of a differential run. */
export interface DiffCounts {
  programs: number;
  runs: number;
  differences: number;
  cpythonDifferences: number;
  /** Runs that timed out and finished when run again with a longer limit (slow, not hung). */
  slowNotHung: number;
  signatures: Map<string, { count: number; seeds: number[]; reproducer?: string }>;
}

/**
 * Generates and checks programs from `seed` on until `deadline` (ms since the epoch) or `maxPrograms`;
 * saves up to `perSignature` minimized reproducers of each kind of difference in `outDir`.
 */
export async function runDifferential(
  pools: Pools,
  options: { seed: number; deadline: number; maxPrograms?: number; outDir: string; perSignature?: number },
  onProgress?: (c: DiffCounts) => void,
): Promise<DiffCounts> {
  const counts: DiffCounts = {
    programs: 0,
    runs: 0,
    differences: 0,
    cpythonDifferences: 0,
    slowNotHung: 0,
    signatures: new Map(),
  };
  const perSignature = options.perSignature ?? 1;
  let seed = options.seed;
  const inFlight = new Set<Promise<void>>();
  const parallel = Math.max(2, pools.pyjit.size);
  const one = async (s: number) => {
    const source = generateProgram(s);
    const diffs = await compareTiers(pools, source, () => counts.slowNotHung++);
    counts.programs++;
    counts.runs += CONFIGS.length + (pools.cpython ? 1 : 0);
    for (const d of diffs) {
      if (d.reference.tier === "cpython") counts.cpythonDifferences++;
      else counts.differences++;
      let entry = counts.signatures.get(d.signature);
      if (!entry) counts.signatures.set(d.signature, entry = { count: 0, seeds: [] });
      entry.count++;
      if (entry.seeds.length < 10) entry.seeds.push(s);
      if (entry.seeds.length <= perSignature && Date.now() < options.deadline) {
        entry.reproducer = await saveReproducer(
          pools,
          d,
          source,
          options.outDir,
          `diff_seed${s}_${d.other.name}`,
        );
      }
    }
    onProgress?.(counts);
  };
  while (
    Date.now() < options.deadline &&
    (options.maxPrograms === undefined || seed - options.seed < options.maxPrograms)
  ) {
    const p = one(seed++).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= parallel) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return counts;
}
