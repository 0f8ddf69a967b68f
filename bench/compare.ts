/**
 * `deno task compare`: every benchmark program × every Python runtime found on this machine →
 * checked outputs, median wall times, and in `bench/results/` a Markdown table (`latest.md`), an SVG
 * chart (`latest.svg`) and the machine and versions used (`machine.md`); a full run also refreshes
 * the table in README.md's "Performance" section.
 *
 *   deno task compare [--quick] [--runs N] [--timeout S] [--budget S] [--cap S] [--runtimes ID,…]
 *                     [--programs NAME,…] [--out DIR] [--readme FILE] [--metric wall|cpu]
 *                     [--baseline DIR]
 *
 * `--runs`: repetitions, whose median is reported (5). `--timeout`: seconds before a run is killed
 * (120; quick 20). `--budget`: seconds each runtime may spend in all (none; quick 25). `--cap`: seconds
 * after which a runtime is not run again on the same program (60). `--metric`: the measure of the
 * main table, chart and README (wall time; latest.md also has the CPU time). `--baseline DIR` adds
 * the pyjit tiers of another checkout (ids `base-interp`…), timed interleaved with this one's, for
 * before/after measurements; nothing is written unless `--out` is given.
 *
 * `--quick` runs one repetition of each program's small size (CI): it still checks every output,
 * gives each runtime a time budget so that slow tiers cannot hold CI up, and writes files only when
 * `--out` is given. Exit status 1 when any runtime printed a wrong answer, 2 on a usage error.
 * @module
 */
import { parseArgs } from "node:util";
import { svgChart } from "./_chart.ts";
import { judge, median, type Outcome, runProcess } from "./_measure.ts";
import {
  type BenchProgram,
  expectedPath,
  programArgs,
  programPath,
  PROGRAMS,
  selectPrograms,
  STARTUP,
} from "./_programs.ts";
import {
  type Cell,
  type Column,
  type MachineInfo,
  machineMarkdown,
  markdownTable,
  programList,
  replaceReadmeSection,
  type ResultTable,
} from "./_report.ts";
import {
  BASELINE_ID,
  baselineRuntimes,
  type Probe,
  probeRuntime,
  REPO_ROOT,
  RUNTIMES,
  type RuntimeSpec,
} from "./_runtimes.ts";

/** Where a full run writes its results. */
export const RESULTS_DIR: string = `${REPO_ROOT}bench/results`;

/** The command that reproduces the committed results. */
export const REPRODUCE = "deno task compare";

/** What the command line asked for. */
export interface CompareOptions {
  quick: boolean;
  runs: number;
  /** Seconds before one run is killed. */
  timeout: number;
  /** Seconds of runs each runtime may spend in total; null for no limit. */
  budget: number | null;
  /** Once a runtime's runs of one program add up to this many seconds, it is not run again on it. */
  cap: number;
  runtimes: string[] | null;
  programs: string[] | null;
  /** Directory for latest.md, latest.svg and machine.md; null to write nothing. */
  out: string | null;
  /** The README.md whose Performance section gets the new table; null to leave READMEs alone. */
  readme: string | null;
  /** The measure of the main table, the chart and the README; latest.md also has the other one. */
  metric: Metric;
  /** Another pyjit checkout whose tiers are timed beside this one's (`--baseline`), or null. */
  baseline: string | null;
}

const USAGE = `usage: deno task compare [--quick] [--runs N] [--timeout S] [--budget S] [--cap S]
                         [--runtimes ID,...]
                         [--programs NAME,...] [--out DIR] [--readme FILE]
                         [--metric wall|cpu] [--baseline DIR]
runtimes: ${RUNTIMES.map((r) => r.id).join(", ")}
programs: ${PROGRAMS.map((p) => p.name).join(", ")}`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, not '${text}'`);
  return value;
}

/** Parses compare's arguments; the defaults depend on `--quick`. */
export function parseCompareArgs(argv: string[]): CompareOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      runs: { type: "string" },
      timeout: { type: "string" },
      budget: { type: "string" },
      cap: { type: "string" },
      runtimes: { type: "string" },
      programs: { type: "string" },
      out: { type: "string" },
      readme: { type: "string" },
      metric: { type: "string" },
      baseline: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = !!values.quick;
  const metric = values.metric ?? "wall";
  if (metric !== "wall" && metric !== "cpu") throw new Error(`--metric must be wall or cpu, not '${metric}'`);
  const runtimes = values.runtimes?.split(",").filter((s) => s !== "") ?? null;
  const baseline = values.baseline ?? null;
  const known = [...RUNTIMES, ...(baseline === null ? [] : baselineRuntimes(baseline))];
  for (const id of runtimes ?? []) {
    if (!known.some((r) => r.id === id)) throw new Error(`unknown runtime '${id}'`);
  }
  const programs = values.programs?.split(",").filter((s) => s !== "") ?? null;
  selectPrograms(programs);
  return {
    quick,
    runs: Math.max(1, Math.round(positive("runs", values.runs, quick ? 1 : 5))),
    timeout: positive("timeout", values.timeout, quick ? 20 : 120),
    budget: values.budget !== undefined ? positive("budget", values.budget, 0) : quick ? 25 : null,
    cap: positive("cap", values.cap, 60),
    runtimes,
    programs,
    out: values.out ?? (quick || baseline !== null ? null : RESULTS_DIR),
    readme: values.readme ??
      (quick || baseline !== null || values.out !== undefined ? null : `${REPO_ROOT}README.md`),
    metric,
    baseline,
  };
}

/** A runtime that was found, with what its probe said. */
export interface FoundRuntime {
  spec: RuntimeSpec;
  version: string;
  command: string[];
}

function log(text: string): void {
  console.error(text);
}

/** Runs one program under every runtime, `runs` times each, interleaved so drift hits all alike. */
export async function measureProgram(
  program: BenchProgram,
  runtimes: FoundRuntime[],
  options: CompareOptions,
  spent: Map<string, number>,
): Promise<Map<string, Outcome>> {
  const expected = Deno.readTextFileSync(expectedPath(program, options.quick));
  const argv = [programPath(program), ...programArgs(program, options.quick)];
  const outcomes = new Map<string, Outcome>();
  for (let run = 1; run <= options.runs; run++) {
    for (const runtime of runtimes) {
      const id = runtime.spec.id;
      const previous = outcomes.get(id);
      if (previous !== undefined && previous.kind !== "ok") continue;
      // A slow runtime gets fewer repetitions rather than holding the whole comparison up.
      if (previous?.kind === "ok" && previous.wall.reduce((a, b) => a + b, 0) >= options.cap) continue;
      const left = options.budget === null ? Infinity : options.budget - (spent.get(id) ?? 0);
      if (left <= 0) {
        if (previous === undefined) {
          outcomes.set(id, { kind: "skipped", detail: `time budget of ${options.budget} s used up` });
        }
        continue;
      }
      const timeout = Math.min(options.timeout, left);
      const result = await runProcess([...runtime.command, ...argv], timeout);
      spent.set(id, (spent.get(id) ?? 0) + result.wallSeconds);
      let outcome = judge(result, expected, runtime.spec.incomplete, timeout);
      if (outcome.kind === "timeout" && timeout < options.timeout) {
        if (previous?.kind === "ok") continue; // keep the runs that finished within the budget
        outcome = { kind: "skipped", detail: `time budget of ${options.budget} s used up` };
      }
      if (outcome.kind === "ok" && previous?.kind === "ok") {
        previous.wall.push(...outcome.wall);
        previous.cpu.push(...outcome.cpu);
        previous.inner.push(...outcome.inner);
      } else {
        outcomes.set(id, outcome);
      }
      const said = outcome.kind === "ok"
        ? `${result.wallSeconds.toFixed(3)} s`
        : `${outcome.kind}: ${outcome.detail}`;
      log(`${program.name.padEnd(14)} ${runtime.spec.label.padEnd(18)} run ${run}/${options.runs}  ${said}`);
    }
  }
  return outcomes;
}

/** What a table shows: the wall time or the CPU time (user + system) of each run's process. */
export type Metric = "wall" | "cpu";

const METRIC_WORDS: Record<Metric, { title: string; note: string }> = {
  wall: { title: "wall time", note: "Wall time" },
  cpu: { title: "CPU time", note: "CPU time (user + system, all threads)" },
};

/**
 * The columns for the runtimes found: each runtime, then (for wall time) its in-process column if
 * it has one.
 */
function columnsFor(
  runtimes: FoundRuntime[],
  metric: Metric,
): { column: Column; runtime: string; inner: boolean }[] {
  return runtimes.flatMap((r) => {
    const label = r.spec.id === BASELINE_ID ? `${r.spec.label} ${r.version.split(" ").pop()}` : r.spec.label;
    const main = {
      column: { id: r.spec.id, label, colour: r.spec.colour },
      runtime: r.spec.id,
      inner: false,
    };
    if (r.spec.inner === null || metric !== "wall") return [main];
    const inner = { id: `${r.spec.id}-inner`, label: r.spec.inner.label, colour: r.spec.inner.colour };
    return [main, { column: inner, runtime: r.spec.id, inner: true }];
  });
}

function cellFor(outcome: Outcome | undefined, metric: Metric, inner: boolean): Cell {
  if (outcome === undefined) return { kind: "skipped", detail: "not run" };
  if (outcome.kind !== "ok") return outcome;
  const times = inner ? outcome.inner : metric === "wall" ? outcome.wall : outcome.cpu;
  if (times.length === 0) {
    return { kind: "skipped", detail: `no ${inner ? "in-process" : metric} time measured` };
  }
  return { kind: "time", seconds: median(times) };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Builds the table the writers take from the measured outcomes. */
export function buildTable(
  programs: BenchProgram[],
  runtimes: FoundRuntime[],
  missing: { spec: RuntimeSpec; reason: string }[],
  outcomes: Map<string, Outcome>[],
  options: CompareOptions,
  metric: Metric,
): ResultTable {
  const columns = columnsFor(runtimes, metric);
  const baseline = runtimes.find((r) => r.spec.id === BASELINE_ID);
  const size = options.quick ? "quick size" : "full size";
  const runs = options.runs === 1 ? "1 run" : `median of ${options.runs} runs`;
  const notes = [
    `${METRIC_WORDS[metric].note} of the whole process in seconds (start-up included), ${runs} of each ` +
    `program at its ${size}` +
    (baseline ? `; in parentheses the time relative to ${baseline.version} (below 1× is faster).` : "."),
    `Geometric mean over the ${plural(programs.filter((p) => p.name !== STARTUP).length, "program")}` +
    (baseline ? " of the ratios to CPython" : "") +
    `, startup excluded; "(k of n)" when a runtime ran fewer.`,
    'pyjit runs as `deno run -A cli/main.ts --tier T`; "not yet" means it stopped on a NotImplementedError.',
  ];
  if (metric === "wall" && runtimes.some((r) => r.spec.inner !== null)) {
    notes.push(
      "Pyodide is loaded into a fresh Deno process for every run (see its startup row); " +
        '"Pyodide (run only)" is the program\'s own run time measured inside that process.',
    );
  }
  notes.push(
    `Runtimes: ${runtimes.map((r) => r.version).filter((v, i, all) => all.indexOf(v) === i).join("; ")}.`,
  );
  const fewer = outcomes.flatMap((byRuntime, r) =>
    runtimes.flatMap((rt) => {
      const o = byRuntime.get(rt.spec.id);
      return o?.kind === "ok" && o.wall.length < options.runs
        ? [`${rt.spec.label} on ${programs[r].name} (${o.wall.length})`]
        : [];
    })
  );
  if (fewer.length > 0) {
    notes.push(
      `Fewer runs, after ${options.cap} s spent on one program or the time budget: ${fewer.join(", ")}.`,
    );
  }
  for (const m of missing) notes.push(`Not found: ${m.spec.label} (${m.reason}).`);
  return {
    title: `pyjit and other Python runtimes: ${METRIC_WORDS[metric].title} (${size}, ${runs})`,
    measure: options.runs === 1 ? METRIC_WORDS[metric].title : `median ${METRIC_WORDS[metric].title}`,
    columns: columns.map((c) => c.column),
    rows: programs.map((p) => ({ name: p.name, what: p.what, startup: p.name === STARTUP })),
    cells: outcomes.map((byRuntime) =>
      columns.map((c) => cellFor(byRuntime.get(c.runtime), metric, c.inner))
    ),
    baseline: baseline ? BASELINE_ID : null,
    notes,
  };
}

/** A command as a reader would type it: `deno` for this Deno, paths relative to the repository. */
function shownCommand(argv: string[]): string {
  return argv.map((arg) => arg === Deno.execPath() ? "deno" : arg.replace(REPO_ROOT, "")).join(" ");
}

/** The arguments that shape the measurements: where results were written does not. */
export function withoutDestinations(argv: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" || argv[i] === "--readme") i++;
    else if (!/^--(out|readme)=/.test(argv[i])) kept.push(argv[i]);
  }
  return kept;
}

function machineInfo(
  runtimes: { spec: RuntimeSpec; probe: Probe }[],
  loadAtStart: number,
): MachineInfo {
  const read = (path: string) => {
    try {
      return Deno.readTextFileSync(path);
    } catch {
      return "";
    }
  };
  const cpu = /^model name\s*:\s*(.*)$/m.exec(read("/proc/cpuinfo"))?.[1] ?? Deno.build.arch;
  const os = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(read("/etc/os-release"))?.[1] ?? Deno.build.os;
  const cores = navigator.hardwareConcurrency;
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: `${cpu} (${Deno.build.arch})`,
    cores,
    memoryGiB: Deno.systemMemoryInfo().total / 2 ** 30,
    load: [loadAtStart, Deno.loadavg()[0]],
    os,
    kernel: Deno.osRelease(),
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    command: [REPRODUCE, ...withoutDestinations(Deno.args)].join(" "),
    runtimes: runtimes.map(({ spec, probe }) => ({
      label: spec.label,
      version: probe.found ? `${probe.version} — \`${shownCommand(probe.command)}\`` : null,
      reason: probe.found ? null : probe.reason,
    })),
  };
}

/** The README section's generated part: the table, the chart and how to reproduce them. */
function readmeSection(table: ResultTable): string {
  return [
    markdownTable(table).replace(/^### .*\n\n/, ""),
    `![pyjit and other Python runtimes: ${table.measure} per program, log scale](bench/results/latest.svg)`,
    "",
    `Reproduce with \`${REPRODUCE}\` (\`--quick\` for a fast correctness pass, \`--runs N\` to change the ` +
    "repetitions); the machine and versions are in [bench/results/machine.md](bench/results/machine.md).",
  ].join("\n");
}

/** Runs the comparison; returns the exit status. */
export async function compare(argv: string[]): Promise<number> {
  let options: CompareOptions;
  try {
    options = parseCompareArgs(argv);
  } catch (e) {
    console.error(`${USAGE}\ncompare: error: ${(e as Error).message}`);
    return 2;
  }
  const programs = selectPrograms(options.programs);
  const loadAtStart = Deno.loadavg()[0];
  const all = [...RUNTIMES, ...(options.baseline === null ? [] : baselineRuntimes(options.baseline))];
  const wanted = all.filter((r) => options.runtimes === null || options.runtimes.includes(r.id));
  log(`probing ${wanted.map((r) => r.label).join(", ")}…`);
  const probed = await Promise.all(wanted.map(async (spec) => ({ spec, probe: await probeRuntime(spec) })));
  const found: FoundRuntime[] = [];
  const missing: { spec: RuntimeSpec; reason: string }[] = [];
  for (const { spec, probe } of probed) {
    if (probe.found) found.push({ spec, version: probe.version, command: probe.command });
    else missing.push({ spec, reason: probe.reason });
  }
  for (const r of found) log(`found ${r.spec.label}: ${r.version}`);
  for (const m of missing) log(`not found: ${m.spec.label} (${m.reason})`);

  const spent = new Map<string, number>();
  const outcomes: Map<string, Outcome>[] = [];
  for (const program of programs) outcomes.push(await measureProgram(program, found, options, spent));
  const table = buildTable(programs, found, missing, outcomes, options, options.metric);
  const other = buildTable(
    programs,
    found,
    missing,
    outcomes,
    options,
    options.metric === "wall" ? "cpu" : "wall",
  );
  const loadAtEnd = Deno.loadavg()[0];
  const cores = navigator.hardwareConcurrency;
  if (Math.max(loadAtStart, loadAtEnd) > cores) {
    const busy = `The machine was busy (load average ${loadAtStart.toFixed(1)} at the start, ` +
      `${loadAtEnd.toFixed(1)} at the end, on ${cores} cores): other work inflates wall times; ` +
      "CPU times (in bench/results/latest.md) are steadier.";
    table.notes.push(busy);
    other.notes.push(busy);
  }
  const markdown = markdownTable(table);
  console.log(markdown);

  if (options.out !== null) {
    Deno.mkdirSync(options.out, { recursive: true });
    const latest = [
      "# Latest comparison",
      "",
      markdown,
      ...(other.cells.flat().some((c) => c.kind === "time") ? [markdownTable(other)] : []),
      "## Programs",
      "",
      programList(table),
      `Reproduce with \`${REPRODUCE}\`; chart: [latest.svg](latest.svg); machine: [machine.md](machine.md).`,
      "",
    ].join("\n");
    Deno.writeTextFileSync(`${options.out}/latest.md`, latest);
    Deno.writeTextFileSync(`${options.out}/latest.svg`, svgChart(table));
    Deno.writeTextFileSync(
      `${options.out}/machine.md`,
      machineMarkdown(machineInfo(probed, loadAtStart)),
    );
    log(`wrote ${options.out}/latest.md, latest.svg, machine.md`);
  }
  if (options.readme !== null) {
    let readme: string | null = null;
    try {
      readme = Deno.readTextFileSync(options.readme);
    } catch (e) {
      log(`cannot read ${options.readme}: ${(e as Error).message}`);
    }
    const updated = readme === null ? null : replaceReadmeSection(readme, readmeSection(table));
    if (updated === null) log(`${options.readme}: no generated Performance section to refresh`);
    else {
      Deno.writeTextFileSync(options.readme, updated);
      // `deno task check` checks README.md's formatting: align the new table as deno fmt does.
      await new Deno.Command(Deno.execPath(), { args: ["fmt", options.readme], stderr: "null" }).output();
      log(`refreshed the Performance section of ${options.readme}`);
    }
  }

  const wrong = table.rows.flatMap((row, r) =>
    table.columns.flatMap((column, c) =>
      table.cells[r][c].kind === "wrong" ? [`${row.name} under ${column.label}`] : []
    )
  );
  if (wrong.length > 0) {
    log(`WRONG OUTPUT: ${wrong.join(", ")}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) Deno.exit(await compare(Deno.args));
