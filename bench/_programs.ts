/**
 * The benchmark programs: one table (name, what it exercises, full and quick size) → paths and
 * command-line arguments. Every other piece of the harness (compare, the deno bench suite, the tests,
 * the expected-output writer) derives its list of programs from `PROGRAMS`.
 *
 * Each program lives in `bench/programs/<name>.py`, reads its size from `sys.argv[1]` (its default is
 * the full size), prints a deterministic checksum, and has CPython 3.11's output committed beside it
 * as `<name>.exp` (full size) and `<name>.quick.exp` (quick size).
 * @module
 */

/** One benchmark program. `full`/`quick` are `sys.argv[1]`; null for the startup row (no argument). */
export interface BenchProgram {
  name: string;
  what: string;
  full: number | null;
  quick: number | null;
}

/** Every program, in table order. Full sizes take about 1 s under CPython 3.11, quick ones ~0.05 s. */
export const PROGRAMS: readonly BenchProgram[] = [
  { name: "int_loops", what: "int arithmetic loops: Collatz, LCG, gcd", full: 200000, quick: 8000 },
  { name: "nbody", what: "float kernel: n-body", full: 280000, quick: 12000 },
  { name: "spectral_norm", what: "float kernel: spectral norm", full: 440, quick: 85 },
  { name: "sieve", what: "sieve of Eratosthenes over a list", full: 6000000, quick: 300000 },
  { name: "scheduler", what: "task scheduler: classes, method calls", full: 660000, quick: 28000 },
  { name: "raytrace", what: "ray tracer: Vec class, operator overloading", full: 310, quick: 60 },
  { name: "objects", what: "many small objects with attributes", full: 27000, quick: 1100 },
  { name: "recursion", what: "calls and recursion: fib, tak, ack, queens", full: 35, quick: 27 },
  { name: "wordcount", what: "strings and dicts: word and bigram counts", full: 1200000, quick: 50000 },
  { name: "calc", what: "tokenizer and expression evaluator", full: 33000, quick: 1400 },
  { name: "generators", what: "generators and comprehensions", full: 4500000, quick: 180000 },
  { name: "closures", what: "closures, nonlocal, lambdas", full: 3200000, quick: 140000 },
  { name: "exceptions", what: "exceptions raised and caught in loops", full: 2100000, quick: 90000 },
  { name: "sorting", what: "sorted with key, list.sort", full: 230000, quick: 12000 },
  { name: "json_docs", what: "json: dumps and loads of a large document", full: 9000, quick: 300 },
  { name: "regex_logs", what: "re: parsing a log with compiled patterns", full: 75000, quick: 3000 },
  { name: "decimal_arith", what: "decimal: money arithmetic, series, sqrt", full: 280000, quick: 10000 },
  {
    name: "logging_records",
    what: "logging: records through handlers and filters",
    full: 38000,
    quick: 1500,
  },
  { name: "startup", what: 'startup: print("hello")', full: null, quick: null },
];

/** The startup row: excluded from geometric means, which summarise the programs' steady work. */
export const STARTUP = "startup";

/** The directory holding the programs and their expected outputs. */
export const PROGRAMS_DIR: string = new URL("./programs/", import.meta.url).pathname;

/** `bench/programs/<name>.py`. */
export function programPath(program: BenchProgram): string {
  return `${PROGRAMS_DIR}${program.name}.py`;
}

/** The committed CPython output for the full or the quick size. */
export function expectedPath(program: BenchProgram, quick: boolean): string {
  return `${PROGRAMS_DIR}${program.name}${quick ? ".quick" : ""}.exp`;
}

/** The program's `sys.argv[1:]` for the chosen size. */
export function programArgs(program: BenchProgram, quick: boolean): string[] {
  const size = quick ? program.quick : program.full;
  return size === null ? [] : [String(size)];
}

/** Looks programs up by name; unknown names are an error that lists the known ones. */
export function selectPrograms(names: string[] | null): BenchProgram[] {
  if (names === null) return [...PROGRAMS];
  return names.map((name) => {
    const found = PROGRAMS.find((p) => p.name === name);
    if (!found) {
      throw new Error(`unknown program '${name}'; known: ${PROGRAMS.map((p) => p.name).join(", ")}`);
    }
    return found;
  });
}
