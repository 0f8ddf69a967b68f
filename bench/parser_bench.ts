/**
 * Parser throughput: a ≥ 2 MB source (the AST test programs, repeated) through tokenize + parse,
 * and through tokenize alone for comparison. `deno bench -A bench/parser_bench.ts`; run it as a
 * script (`deno run -A bench/parser_bench.ts`) to print MB/s.
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

Deno.bench({
  name: `tokenize + parse (${megabytes.toFixed(1)} MB)`,
  group: "parser",
  baseline: true,
  fn() {
    parse(source, "<bench>");
  },
});

Deno.bench({
  name: `tokenize + parse, as ${modules.length} modules`,
  group: "parser",
  fn() {
    for (const m of modules) parse(m, "<bench>");
  },
});

Deno.bench({
  name: `tokenize only (${megabytes.toFixed(1)} MB)`,
  group: "parser",
  fn() {
    tokenize(source, "<bench>");
  },
});

if (import.meta.main) {
  const cases: [string, () => void][] = [
    ["tokenize + parse, one module", () => parse(source, "<bench>")],
    [`tokenize + parse, ${modules.length} modules`, () => modules.forEach((m) => parse(m, "<bench>"))],
    ["tokenize only", () => tokenize(source, "<bench>")],
  ];
  // Best of a few runs after warm-up, in wall-clock time and in this process's CPU time (steadier on
  // a machine shared with other work; CPU time includes the GC's helper threads).
  const rate = (ms: number) => (megabytes / (ms / 1000)).toFixed(1);
  for (const [name, fn] of cases) {
    fn();
    let bestWall = Infinity, bestCpu = Infinity;
    for (let i = 0; i < 5; i++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      bestWall = Math.min(bestWall, performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    }
    console.log(
      `${name}: ${rate(bestWall)} MB/s wall, ${rate(bestCpu)} MB/s CPU (${
        megabytes.toFixed(2)
      } MB, best of 5)`,
    );
  }
}
