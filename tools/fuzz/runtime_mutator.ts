/**
 * The mutational fuzzer of the runtime. In: real programs (tests/programs/*.py that touch no files,
 * processes or stdin, and the generator's programs) and a seed. Out: mutated programs (operands
 * swapped, constants turned into boundary values, operators changed, statements deleted, raises
 * inserted, statements wrapped in try), each run on a tier in a worker with a time limit, and a
 * verdict: a Python exception of any kind is fine; a JavaScript error (an "internal error", a JS
 * stack trace, a JS TypeError/RangeError not shown as a Python traceback), a crash of the worker,
 * or a hang (no answer in time while CPython finishes the same program) is a failure, saved as a
 * reproducer.
 * @module
 */
import { generateProgram, Rng } from "./program_generator.ts";
import type { WorkerPool } from "./pool.ts";
import type { RunResult } from "./protocol.ts";

/** Values a constant becomes. */
const BOUNDARY_CONSTANTS = [
  "0",
  "-1",
  "1",
  "2**31",
  "2**31-1",
  "-2**31",
  "2**53+1",
  "2**63",
  "-2**63",
  "2**64",
  "10**20",
  "0.0",
  "-0.0",
  "1e308",
  "float('nan')",
  "float('inf')",
  "True",
  "None",
  "''",
  "'x'",
  "()",
  "[]",
  "10**6",
];

const OPERATORS = [
  "+",
  "-",
  "*",
  "//",
  "%",
  "**",
  "<<",
  ">>",
  "&",
  "|",
  "^",
  "<",
  ">",
  "==",
  "!=",
  "<=",
  ">=",
  "/",
];

const RAISES = [
  "raise ValueError('mutant')",
  "raise KeyError(0)",
  "raise StopIteration",
  "raise RuntimeError",
  "raise TypeError('t')",
  "raise GeneratorExit",
  "raise SystemExit(3)",
];

const BLOCK_KEYWORDS = /^(else|elif|except|finally|case)\b/;

/** Source text (names, paths) a mutated program must not touch: files, processes, the network, stdin. */
const UNSAFE =
  /\b(os|shutil|subprocess|socket|signal|threading|tempfile|pathlib|input|open|sys\.stdin|time\.sleep|faulthandler|ctypes|multiprocessing|__import__|importlib|exec|eval|compile|sys\.exit|sys\.setrecursionlimit|resource|glob|zipfile|tarfile|gzip|io)\b/;

/** Whether a program may be mutated and run by the fuzzer. */
export function isSafeSeedProgram(source: string): boolean {
  return !UNSAFE.test(source) && source.length < 20_000;
}

function indentOf(line: string): string {
  return line.slice(0, line.length - line.trimStart().length);
}

/** A line that is a simple statement (not a header, a continuation, a decorator or a comment). */
function isSimpleStatement(line: string): boolean {
  const t = line.trim();
  return t !== "" && !t.startsWith("#") && !t.endsWith(":") && !t.endsWith("\\") && !t.startsWith("@") &&
    !BLOCK_KEYWORDS.test(t) && !/[([{,]$/.test(t) && !/^[)\]}]/.test(t) && !t.startsWith('"""') &&
    !t.startsWith("'''");
}

/** One mutation of `lines` (in place); returns its name. */
function mutateOnce(rng: Rng, lines: string[]): string {
  const simple = lines.map((l, k) => [l, k] as const).filter(([l]) => isSimpleStatement(l)).map(([, k]) => k);
  if (simple.length === 0) return "none";
  const at = rng.pick(simple);
  const line = lines[at];
  const ind = indentOf(line);
  switch (rng.int(0, 8)) {
    case 0: { // a constant becomes a boundary value
      const nums = [...line.matchAll(/(?<![\w.])\d+(\.\d+)?(?![\w.])/g)];
      if (!nums.length) return "none";
      const m = rng.pick(nums);
      lines[at] = line.slice(0, m.index!) + `(${rng.pick(BOUNDARY_CONSTANTS)})` +
        line.slice(m.index! + m[0].length);
      return "constant";
    }
    case 1: { // an operator changes
      const ops = [...line.matchAll(/ (\+|-|\*|\/\/|%|\*\*|<<|>>|&|\||\^|<|>|==|!=|<=|>=|\/) /g)];
      if (!ops.length) return "none";
      const m = rng.pick(ops);
      lines[at] = line.slice(0, m.index!) + ` ${rng.pick(OPERATORS)} ` + line.slice(m.index! + m[0].length);
      return "operator";
    }
    case 2: { // operands swap around an operator
      const m = line.match(
        /([\w.]+(?:\[[^\]]*\])?) (\+|-|\*|\/\/|%|<|>|==|<=|>=|\/) ([\w.]+(?:\[[^\]]*\])?)/,
      );
      if (!m) return "none";
      lines[at] = line.replace(m[0], `${m[3]} ${m[2]} ${m[1]}`);
      return "swap";
    }
    case 3: // a statement is deleted
      lines[at] = `${ind}pass`;
      return "delete";
    case 4: // a raise is inserted
      lines.splice(at, 0, `${ind}${rng.pick(RAISES)}`);
      return "raise";
    case 5: // a statement is wrapped in try
      lines.splice(
        at,
        1,
        `${ind}try:`,
        `    ${line}`,
        `${ind}except ${
          rng.pick(["Exception", "BaseException", "(TypeError, ValueError)", "ZeroDivisionError"])
        } as e:`,
        `${ind}    print(type(e).__name__, e)`,
      );
      return "try";
    case 6: // a statement is duplicated
      lines.splice(at, 0, line);
      return "duplicate";
    case 7: { // a name becomes another name of the program
      const names = [...new Set(lines.join("\n").match(/\b[a-z_][a-z0-9_]{0,12}\b/g) ?? [])];
      const here = [...line.matchAll(/\b[a-z_][a-z0-9_]{0,12}\b/g)];
      if (!here.length || !names.length) return "none";
      const m = rng.pick(here);
      lines[at] = line.slice(0, m.index!) + rng.pick(names) + line.slice(m.index! + m[0].length);
      return "name";
    }
    default: { // a string constant becomes an edge string
      const strs = [...line.matchAll(/'[^'\\]*'|"[^"\\]*"/g)];
      if (!strs.length) return "none";
      const m = rng.pick(strs);
      const edge = rng.pick([
        "''",
        "'\\x00'",
        "'\\ud800'",
        "'é' * 3",
        "'9' * 5000",
        "'-0'",
        "' 1_0 '",
        "'nan'",
      ]);
      lines[at] = line.slice(0, m.index!) + edge + line.slice(m.index! + m[0].length);
      return "string";
    }
  }
}

/** A mutant of `source`: 1–3 mutations. */
export function mutate(source: string, seed: number): { source: string; mutations: string[] } {
  const rng = new Rng(seed);
  const lines = source.split("\n");
  const mutations: string[] = [];
  const n = rng.int(1, 3);
  for (let k = 0; k < n; k++) mutations.push(mutateOnce(rng, lines));
  return { source: lines.join("\n"), mutations };
}

/** Signs of a JavaScript error reaching the program's output. */
const JS_ERROR_SIGNS: [RegExp, string][] = [
  [/internal error/i, "internal error"],
  [/^\s+at .*\.(ts|js):\d+/m, "JavaScript stack trace"],
  [/^(error: )?Uncaught /m, "uncaught JavaScript exception"],
  [/Maximum call stack size exceeded/, "JavaScript stack overflow"],
  [
    /Cannot read propert|is not a function|is not iterable \(cannot read|Cannot convert .* to a BigInt|Invalid (string|array) length|Maximum BigInt size|Array buffer allocation failed/,
    "JavaScript error message",
  ],
];

/** A failure of a run: why, or null when the run is fine. */
export function judge(result: RunResult, cpython: RunResult | null): string | null {
  if (result.kind === "crash") return `crash: ${result.detail}`;
  if (result.kind === "js-error") {
    return `JavaScript exception escaped: ${(result.detail ?? "").split("\n")[0]}`;
  }
  if (result.kind === "hang") return cpython === null || cpython.kind === "ok" ? "hang" : null;
  const text = result.stderr + "\n" + result.stdout;
  for (const [sign, what] of JS_ERROR_SIGNS) {
    const m = text.match(sign);
    if (m && !(cpython && sign.test(cpython.stderr + "\n" + cpython.stdout))) {
      return `${what}: ${m[0].trim().slice(0, 100)}`;
    }
  }
  const last = result.stderr.trimEnd().split("\n").pop() ?? "";
  if (/^(RangeError|ReferenceError|Error|InternalError): /.test(last)) {
    return `JavaScript error: ${last.slice(0, 100)}`;
  }
  if (/^TypeError: /.test(last) && !/^Traceback \(most recent call last\):/m.test(result.stderr)) {
    return `JavaScript TypeError without a Python traceback: ${last.slice(0, 100)}`;
  }
  return null;
}

/** The corpus of programs to mutate: the safe ones of tests/programs/. */
export function loadCorpus(dir: string): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  for (const e of [...Deno.readDirSync(dir)].sort((a, b) => a.name < b.name ? -1 : 1)) {
    if (!e.name.endsWith(".py")) continue;
    const source = Deno.readTextFileSync(`${dir}/${e.name}`);
    if (isSafeSeedProgram(source)) out.push({ name: e.name, source });
  }
  return out;
}

/** Counts of a mutational run. */
export interface MutateCounts {
  mutations: number;
  failures: number;
  hangsConfirmedByCPython: number;
  /** Time-outs that a run with a longer limit finished (slow, not hung). */
  slowNotHung: number;
  signatures: Map<string, { count: number; examples: string[] }>;
}

const TIERS = [
  { tier: "jit", params: "hot_loop_threshold=1,hot_exit_threshold=1" },
  { tier: "interp", params: "" },
  { tier: "specialized", params: "" },
  { tier: "jit", params: "" },
  { tier: "jit", params: "hot_loop_threshold=2,hot_exit_threshold=2" },
] as const;

/**
 * Mutates programs of `corpus` (and generated ones from `generated`) from `seed` on until
 * `deadline` or `maxMutations`; runs each mutant on one tier (in turn) and, on a hang, on CPython;
 * saves each failure's mutant in `outDir`.
 */
export async function runMutational(
  pools: { pyjit: WorkerPool; cpython: WorkerPool | null },
  corpus: { name: string; source: string }[],
  options: { seed: number; deadline: number; maxMutations?: number; outDir: string },
  onProgress?: (c: MutateCounts) => void,
): Promise<MutateCounts> {
  const counts: MutateCounts = {
    mutations: 0,
    failures: 0,
    hangsConfirmedByCPython: 0,
    slowNotHung: 0,
    signatures: new Map(),
  };
  let seed = options.seed;
  const inFlight = new Set<Promise<void>>();
  const one = async (s: number) => {
    // A quarter of the mutants come from the corpus (real programs, slower: they import modules),
    // the rest from fresh generated programs (fast, hot loops).
    const base = s % 4 === 0
      ? corpus[(s >> 2) % corpus.length]
      : { name: `generated seed ${s}`, source: generateProgram(s) };
    const mutant = mutate(base.source, s);
    const { tier, params } = TIERS[s % TIERS.length];
    let result = await pools.pyjit.run(mutant.source, tier, params, "mutant.py");
    counts.mutations++;
    let cpython: RunResult | null = null;
    if (result.kind === "hang" && pools.cpython) {
      cpython = await pools.cpython.run(mutant.source, "cpython");
      // CPython finished: a hang only if pyjit, given six times as long, does not (a slow program
      // on a busy machine is no hang).
      if (cpython.kind === "ok") {
        const again = await pools.pyjit.run(
          mutant.source,
          tier,
          params,
          "mutant.py",
          pools.pyjit.timeoutMs * 6,
        );
        if (again.kind !== "hang") {
          result = again;
          cpython = null;
          counts.slowNotHung++;
        }
      }
    } else if (pools.cpython && result.kind === "ok" && judge(result, null) !== null) {
      cpython = await pools.cpython.run(mutant.source, "cpython");
    }
    const verdict = judge(result, cpython);
    if (result.kind === "hang" && verdict === null) counts.hangsConfirmedByCPython++;
    if (verdict !== null) {
      counts.failures++;
      const sig = verdict.replace(/\d+/g, "N").slice(0, 100);
      let entry = counts.signatures.get(sig);
      if (!entry) counts.signatures.set(sig, entry = { count: 0, examples: [] });
      entry.count++;
      if (entry.examples.length < 3) {
        Deno.mkdirSync(options.outDir, { recursive: true });
        const path = `${options.outDir}/mutant_${s}_${tier}.py`;
        Deno.writeTextFileSync(path, mutant.source);
        Deno.writeTextFileSync(
          `${options.outDir}/mutant_${s}_${tier}.txt`,
          `${verdict}\nbase: ${base.name}; mutations: ${
            mutant.mutations.join(", ")
          }; tier ${tier} ${params}\n` +
            `-- stdout\n${result.stdout.slice(-3000)}\n-- stderr\n${result.stderr.slice(-3000)}\n-- detail\n${
              result.detail ?? ""
            }\n`,
        );
        entry.examples.push(path);
      }
    }
    onProgress?.(counts);
  };
  while (
    Date.now() < options.deadline &&
    (options.maxMutations === undefined || seed - options.seed < options.maxMutations)
  ) {
    const p = one(seed++).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= pools.pyjit.size * 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return counts;
}
