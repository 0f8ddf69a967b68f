/**
 * `deno task fuzz`: the long run of the tier fuzzers. In: `--seconds N` (default 60), `--seed S`
 * (default: from the clock), `--mode diff|mutate|both` (default both: half the time each),
 * `--out DIR` (default fuzz-out/), `--workers K` (default 2), `--no-cpython`. Out: counts (programs,
 * runs, differences, mutations, failures) and where the reproducers went, on stdout; exit status 1
 * when anything was found.
 *
 *   deno task fuzz --seconds 600 --mode diff --seed 1
 * @module
 */
import { WorkerPool } from "./pool.ts";
import { runDifferential } from "./differential.ts";
import { loadCorpus, runMutational } from "./runtime_mutator.ts";

interface Options {
  seconds: number;
  seed: number;
  mode: "diff" | "mutate" | "both";
  out: string;
  workers: number;
  cpython: boolean;
}

function parseArgs(args: string[]): Options {
  const o: Options = {
    seconds: 60,
    seed: Date.now() % 1_000_000_000,
    mode: "both",
    out: "fuzz-out",
    workers: 2,
    cpython: true,
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const value = () => {
      const v = args[++k];
      if (v === undefined) throw new Error(`${a} wants a value`);
      return v;
    };
    if (a === "--seconds") o.seconds = Number(value());
    else if (a === "--seed") o.seed = Number(value());
    else if (a === "--mode") o.mode = value() as Options["mode"];
    else if (a === "--out") o.out = value();
    else if (a === "--workers") o.workers = Number(value());
    else if (a === "--no-cpython") o.cpython = false;
    else {throw new Error(
        `unknown option ${a} (known: --seconds, --seed, --mode, --out, --workers, --no-cpython)`,
      );}
  }
  if (!["diff", "mutate", "both"].includes(o.mode)) throw new Error("--mode must be diff, mutate or both");
  if (!(o.seconds > 0) || !Number.isFinite(o.seed)) throw new Error("--seconds and --seed want numbers");
  return o;
}

async function main(): Promise<number> {
  const o = parseArgs(Deno.args);
  const root = new URL("../../", import.meta.url).pathname;
  const out = o.out.startsWith("/") ? o.out : `${Deno.cwd()}/${o.out}`;
  // Workers run in a scratch directory: a mutated program writes nothing into the repository.
  const scratch = Deno.makeTempDirSync({ prefix: "pyjit-fuzz-" });
  const pools = {
    pyjit: new WorkerPool("pyjit", o.workers, 10_000, scratch),
    cpython: o.cpython ? new WorkerPool("cpython", 1, 10_000, scratch) : null,
  };
  // Stopped by a signal: our workers go with us.
  const stop = () => {
    pools.pyjit.killAll();
    pools.cpython?.killAll();
    Deno.exit(130);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  const start = Date.now();
  const end = start + o.seconds * 1000;
  const diffEnd = o.mode === "both" ? start + (end - start) / 2 : end;
  let found = 0;
  console.log(`fuzz: seed ${o.seed}, mode ${o.mode}, ${o.seconds} s, reproducers in ${out}`);
  const progress = (what: string) => {
    let last = 0;
    return (line: () => string) => {
      if (Date.now() - last > 15_000) {
        last = Date.now();
        console.log(`  ${what} ${Math.round((Date.now() - start) / 1000)} s: ${line()}`);
      }
    };
  };
  if (o.mode !== "mutate") {
    const tick = progress("diff");
    const c = await runDifferential(
      pools,
      { seed: o.seed, deadline: diffEnd, outDir: out },
      (c) =>
        tick(() =>
          `${c.programs} programs, ${c.differences} tier differences, ${c.cpythonDifferences} vs CPython`
        ),
    );
    console.log(
      `differential: ${c.programs} programs (seeds ${o.seed}..${o.seed + c.programs - 1}), ${c.runs} runs, ` +
        `${c.differences} tier differences, ${c.cpythonDifferences} differences from CPython; ` +
        `${c.slowNotHung} time-outs that finished with a longer limit`,
    );
    for (const [sig, e] of c.signatures) {
      console.log(
        `  ${e.count}× ${sig}\n     seeds ${e.seeds.join(", ")}${
          e.reproducer ? `; reproducer ${e.reproducer}` : ""
        }`,
      );
    }
    found += c.differences + c.cpythonDifferences;
  }
  if (o.mode !== "diff") {
    const corpus = loadCorpus(`${root}tests/programs`);
    const tick = progress("mutate");
    const c = await runMutational(
      pools,
      corpus,
      { seed: o.seed, deadline: end, outDir: out },
      (c) => tick(() => `${c.mutations} mutations, ${c.failures} failures`),
    );
    console.log(
      `mutational: ${c.mutations} mutations of ${corpus.length} programs, ${c.failures} failures ` +
        `(JavaScript errors, crashes, hangs); ${c.hangsConfirmedByCPython} time-outs that CPython shares (endless programs), ` +
        `${c.slowNotHung} slow runs that finished with a longer limit`,
    );
    for (const [sig, e] of c.signatures) console.log(`  ${e.count}× ${sig}\n     ${e.examples.join(", ")}`);
    found += c.failures;
  }
  console.log(`restarts of workers: ${pools.pyjit.restarts}; reproducers in ${out}`);
  await pools.pyjit.close();
  await pools.cpython?.close();
  Deno.removeSync(scratch, { recursive: true });
  return found ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main());
