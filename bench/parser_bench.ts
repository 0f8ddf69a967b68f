/**
 * Parser throughput: a ≥ 2 MB source (the AST test programs, repeated) through tokenize + parse,
 * and through tokenize alone for comparison. `deno bench -A bench/parser_bench.ts`; run it as a
 * script (`deno run -A bench/parser_bench.ts`) to print MB/s.
 * @module
 */
import { parse } from "../compiler/parser.ts";
import { tokenize } from "../lexer/lexer.ts";

const DIR = new URL("../tests/data/ast/", import.meta.url);

/** Real code repeated up to at least `minBytes` UTF-8 bytes. */
export function benchSource(minBytes = 2 * 1024 * 1024): string {
  const programs = [...Deno.readDirSync(DIR)].filter((e) => e.name.endsWith(".py")).map((e) => e.name).sort()
    .map((name) => Deno.readTextFileSync(new URL(name, DIR)))
    // Programs whose top level is valid in any position of a module.
    .filter((s) => !s.includes("from __future__"));
  const unit = programs.join("\n");
  const unitBytes = new TextEncoder().encode(unit).length;
  return unit.repeat(Math.ceil(minBytes / unitBytes));
}

const source = benchSource();
const megabytes = new TextEncoder().encode(source).length / (1024 * 1024);

Deno.bench({
  name: `tokenize + parse (${megabytes.toFixed(1)} MB)`,
  group: "parser",
  baseline: true,
  fn() {
    parse(source, "<bench>");
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
  for (
    const [name, fn] of [["tokenize + parse", () => parse(source, "<bench>")], [
      "tokenize only",
      () => tokenize(source, "<bench>"),
    ]] as const
  ) {
    fn();
    const runs = 5;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) fn();
    const seconds = (performance.now() - t0) / 1000 / runs;
    console.log(
      `${name}: ${(megabytes / seconds).toFixed(1)} MB/s (${megabytes.toFixed(2)} MB in ${
        (seconds * 1000).toFixed(0)
      } ms)`,
    );
  }
}
