/**
 * Lexer throughput: tokenizes a ≥ 2 MB source made by repeating the real programs in
 * tests/programs/ (tests/corpus.ts) and prints MB/s (UTF-16 code units of source per second, ~bytes for ASCII).
 *
 *   deno bench -A bench/lexer_bench.ts
 */
import process from "node:process";
import { tokenize } from "../lexer/lexer.ts";
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

// A direct measurement, printed once: the best of a few runs after warm-up, in wall-clock time
// and in this process's CPU time (steadier on a machine shared with other work).
for (let i = 0; i < 3; i++) tokenize(source, "bench.py");
let bestWall = Infinity, bestCpu = Infinity, count = 0;
for (let i = 0; i < 10; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  count = tokenize(source, "bench.py").length;
  bestWall = Math.min(bestWall, performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
}
const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
console.log(
  `lexer: ${mb.toFixed(2)} MB, ${count} tokens: ${rate(bestWall)} MB/s wall, ${
    rate(bestCpu)
  } MB/s CPU (best of 10)`,
);

Deno.bench(`lexer: tokenize ${mb.toFixed(1)} MB of Python`, () => {
  tokenize(source, "bench.py");
});
