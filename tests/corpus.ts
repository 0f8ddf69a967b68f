/**
 * The Python programs that tests and benches read as input: the shared conformance programs, copied
 * once into tests/programs/ (NNN_topic.py, with CPython's output beside them), and the grammar
 * programs of tests/data/ast/. One copy of each program serves the conformance runner, the AST
 * conformance test, the fuzzers and the front-end benches.
 */

const PROGRAMS = new URL("./programs/", import.meta.url);
const GRAMMAR = new URL("./data/ast/", import.meta.url);

/** A program's file name and its source text. */
export interface CorpusProgram {
  name: string;
  source: string;
}

function read(dir: URL, keep: (name: string) => boolean): CorpusProgram[] {
  return [...Deno.readDirSync(dir)].map((e) => e.name).filter(keep).sort()
    .map((name) => ({ name, source: Deno.readTextFileSync(new URL(name, dir)) }));
}

/** The shared conformance programs (tests/programs/NNN_topic.py). */
export function conformancePrograms(): CorpusProgram[] {
  return read(PROGRAMS, (n) => /^\d{3}_\w+\.py$/.test(n));
}

/** The grammar programs of tests/data/ast/ (every grammar feature, with CPython's dumps beside them). */
export function grammarPrograms(): CorpusProgram[] {
  return read(GRAMMAR, (n) => n.endsWith(".py"));
}

/** Every program above: the corpus for fuzzers and front-end benches. */
export function frontEndCorpus(): CorpusProgram[] {
  return [...conformancePrograms(), ...grammarPrograms()];
}
