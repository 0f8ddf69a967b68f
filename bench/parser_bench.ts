/**
 * Parser throughput (in: the test programs of tests/corpus.ts repeated to ≥ 2 MB; out: times and
 * MB/s). Three cases: tokenize + parse of the whole source as one module, the same code as
 * module-sized pieces, and tokenize alone.
 *
 *   deno bench -A bench/parser_bench.ts   the usual table; each name gives the time that 10 MB/s
 *                                         would take, and lines after the table give MB/s
 *   deno run -A bench/parser_bench.ts     best and median MB/s of a few runs, wall and CPU time
 *
 * MB here is 2^20 bytes of UTF-8 source.
 * @module
 */
import process from "node:process";
import { parse } from "../compiler/parser.ts";
import { tokenize } from "../lexer/lexer.ts";
import { frontEndCorpus } from "../tests/corpus.ts";

/** The test programs joined into one module (those valid anywhere in a module). */
function unitSource(): string {
  return frontEndCorpus().map((p) => p.source)
    .filter((s) => !s.includes("from __future__"))
    .join("\n");
}

/** Real code repeated up to at least `minBytes` UTF-8 bytes. */
export function benchSource(minBytes = 2 * 1024 * 1024): string {
  const unit = unitSource();
  return unit.repeat(Math.ceil(minBytes / new TextEncoder().encode(unit).length));
}

const source = benchSource();
const megabytes = new TextEncoder().encode(source).length / (1024 * 1024);
/** The same amount of code as separate modules the size of a real file (most time then is not GC). */
const unit = unitSource();
const modules: string[] = Array(Math.ceil(source.length / unit.length)).fill(unit);

/** The goal of issue #2, and the time per iteration that meets it exactly. */
const GOAL_MB_PER_S = 10;
const goalMs = (megabytes / GOAL_MB_PER_S) * 1000;

const cases: { name: string; run: () => void }[] = [
  { name: `tokenize + parse, one module`, run: () => parse(source, "<bench>") },
  {
    name: `tokenize + parse, ${modules.length} modules`,
    run: () => modules.forEach((m) => parse(m, "<bench>")),
  },
  { name: `tokenize only (Token objects)`, run: () => tokenize(source, "<bench>") },
];

const rate = (ms: number) => (megabytes / (ms / 1000)).toFixed(1);

if (import.meta.main) {
  // Script mode: best and median of a few runs after warm-up, in wall-clock time and in this
  // process's CPU time (steadier on a machine shared with other work; it includes GC threads).
  const runs = 9;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const { name, run } of cases) {
    for (let i = 0; i < 4; i++) run();
    const wall: number[] = [], cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      run();
      wall.push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
    }
    console.log(
      `${name}: ${rate(Math.min(...wall))} MB/s best, ${rate(median(wall))} MB/s median (wall); ` +
        `${rate(Math.min(...cpu))} MB/s best CPU (${megabytes.toFixed(2)} MB, ${runs} runs)`,
    );
  }
}

// `deno bench`: each iteration's time is also recorded here, so that MB/s can be printed after
// the table (deno bench's own figures are times only).
const timings: number[][] = cases.map(() => []);
/**
 * deno bench warms up with one iteration only, which leaves its first timed iterations of a function
 * this long in code that V8 has not optimized yet, and before its allocation sites are pretenured
 * (which depends on the source size: warming up on small modules slows the large one down). So the
 * first call, deno bench's warm-up, runs the case a few more times.
 */
let warmedUp = false;
cases.forEach(({ name, run }, i) => {
  Deno.bench({
    name: `${name} (${megabytes.toFixed(2)} MB; ${GOAL_MB_PER_S} MB/s = ${goalMs.toFixed(0)} ms)`,
    group: "parser",
    baseline: i === 0,
    fn() {
      if (!warmedUp) {
        warmedUp = true;
        for (let k = 0; k < 3; k++) run();
      }
      const t0 = performance.now();
      run();
      timings[i].push(performance.now() - t0);
    },
  });
});

globalThis.addEventListener("unload", () => {
  if (timings[0].length === 0) return; // (not run by deno bench)
  console.log(`\nMB/s of each iteration deno bench ran (its warm-up included), goal ${GOAL_MB_PER_S} MB/s:`);
  cases.forEach(({ name }, i) => {
    const ms = [...timings[i]].sort((a, b) => a - b);
    const met = ms.filter((t) => t <= goalMs).length;
    console.log(
      `  ${name}: median ${rate(ms[ms.length >> 1])} MB/s, slowest ${rate(ms[ms.length - 1])}, ` +
        `fastest ${rate(ms[0])}; ${met} of ${ms.length} iterations met the goal`,
    );
  });
});
