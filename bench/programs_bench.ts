/**
 * `deno bench bench/programs_bench.ts`: every benchmark program at its quick size under each pyjit
 * tier, in this process, grouped by program so that deno bench prints the tiers' ratios side by side
 * (the interpreter is the baseline). Before registering, each program runs once per tier and its
 * output is checked against CPython's: a program a tier cannot run yet (or runs wrongly) is
 * registered as ignored, with the reason printed. Those checks run every program, so
 * `PYJIT_BENCH_PROGRAMS=calc,sieve` limits the suite to some programs (deno bench's --filter cannot).
 * @module
 */
import { runProgram, TIER_NAMES, type TierName } from "../mod.ts";
import { captureOutput } from "./_capture.ts";
import { judge } from "./_measure.ts";
import { expectedPath, programArgs, programPath, PROGRAMS, selectPrograms } from "./_programs.ts";

/** What one in-process run produced; `thrown` is the JavaScript error runProgram threw, if any. */
interface CapturedRun {
  status: number;
  stdout: string;
  stderr: string;
  thrown: string | null;
}

/** Runs `source` under `tier` in this process, capturing what it writes. */
function runCaptured(source: string, filename: string, args: string[], tier: TierName): CapturedRun {
  let thrown: string | null = null;
  const { value, stdout, stderr } = captureOutput(() => {
    try {
      return runProgram(source, {
        filename,
        argv: [filename, ...args],
        tier,
        stats: false,
        dumpTraces: false,
      });
    } catch (e) {
      thrown = e instanceof Error ? e.message : String(e);
      return 1;
    }
  });
  return { status: value, stdout, stderr, thrown };
}

const only = Deno.env.get("PYJIT_BENCH_PROGRAMS");

for (const program of only ? selectPrograms(only.split(",")) : PROGRAMS) {
  const source = Deno.readTextFileSync(programPath(program));
  const expected = Deno.readTextFileSync(expectedPath(program, true));
  const filename = `${program.name}.py`;
  const args = programArgs(program, true);
  for (const tier of TIER_NAMES) {
    const run = runCaptured(source, filename, args, tier);
    const stderr = run.thrown === null ? run.stderr : `${run.stderr}\n${run.thrown}`;
    const outcome = judge(
      {
        stdout: run.stdout,
        stderr,
        status: run.thrown === null ? run.status : 1,
        timedOut: false,
        wallSeconds: 0,
        cpuSeconds: null,
      },
      expected,
      true,
      0,
    );
    const usable = outcome.kind === "ok";
    if (!usable) console.log(`skipping ${program.name} [${tier}]: ${outcome.kind}: ${outcome.detail}`);
    Deno.bench({
      name: `${program.name} [${tier}]`,
      group: program.name,
      baseline: tier === "interp",
      ignore: !usable,
      fn() {
        runCaptured(source, filename, args, tier);
      },
    });
  }
}
