/**
 * Lexer throughput (in: the programs of tests/programs/ (tests/corpus.ts) repeated to ≥ 2 MB of
 * source; out: MB/s, as UTF-16 code units of source per second, ~bytes for ASCII). Two cases: the
 * token columns the parser reads, and `tokenize`, which also builds a Token object per token.
 *
 *   deno bench -A bench/lexer_bench.ts   prints the best of a few runs first, then the table
 * @module
 */
import process from "node:process";
import { tokenize, tokenizeUntilError } from "../lexer/lexer.ts";
import { conformancePrograms } from "../tests/corpus.ts";

const programs = conformancePrograms().map((p) => p.source);
const parts: string[] = [];
let size = 0;
while (size < 2_000_000) {
  for (const p of programs) {
    parts.push(p);
    size += p.length;
  }
}
const source = parts.join("\n");
const mb = source.length / 1e6;

const cases: { name: string; run: () => number }[] = [
  {
    name: "token columns",
    run() {
      const { columns } = tokenizeUntilError(source, "bench.py");
      const count = columns.count;
      columns.release();
      return count;
    },
  },
  { name: "tokenize (Token objects)", run: () => tokenize(source, "bench.py").length },
];

// A direct measurement, printed once: the best of a few runs after warm-up, in wall-clock time
// and in this process's CPU time (steadier on a machine shared with other work).
const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
for (const { name, run } of cases) {
  for (let i = 0; i < 3; i++) run();
  let bestWall = Infinity, bestCpu = Infinity, count = 0;
  for (let i = 0; i < 10; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    count = run();
    bestWall = Math.min(bestWall, performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  console.log(
    `lexer, ${name}: ${mb.toFixed(2)} MB, ${count} tokens: ${rate(bestWall)} MB/s wall, ${
      rate(bestCpu)
    } MB/s CPU (best of 10)`,
  );
}

for (const { name, run } of cases) {
  Deno.bench({ name: `lexer: ${name}, ${mb.toFixed(1)} MB of Python`, group: "lexer", fn: () => void run() });
}
