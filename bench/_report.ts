/**
 * Results → text: the comparison table (rows = programs, columns = runtimes) as Markdown, the README
 * section that embeds it, and the machine description. Pure functions of their inputs; the SVG chart
 * is in `_chart.ts`.
 * @module
 */
import { geometricMean, oneLine } from "./_measure.ts";

/** A cell: a median time in seconds, or the reason there is none. */
export type Cell =
  | { kind: "time"; seconds: number }
  | { kind: "wrong" | "not-yet" | "timeout" | "skipped"; detail: string };

/** A column of the table: one runtime (or Pyodide's in-process time). */
export interface Column {
  id: string;
  label: string;
  colour: string;
}

/** Everything the writers need. `cells[r][c]` belongs to `rows[r]` and `columns[c]`. */
export interface ResultTable {
  title: string;
  /** What the numbers are, for the chart's axis: "median wall time", "CPU time", … */
  measure: string;
  columns: Column[];
  rows: { name: string; what: string; startup: boolean }[];
  cells: Cell[][];
  /** The column whose times are the denominators of the ratios; null when it is missing. */
  baseline: string | null;
  /** Lines printed under the table: runs, sizes, runtimes not found. */
  notes: string[];
}

/** Seconds with three significant digits. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 100) return seconds.toFixed(0);
  if (seconds >= 10) return seconds.toFixed(1);
  if (seconds >= 1) return seconds.toFixed(2);
  return seconds.toFixed(3);
}

/** A ratio such as `0.25×`. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

const CELL_WORDS: Record<Exclude<Cell["kind"], "time">, string> = {
  "wrong": "**wrong**",
  "not-yet": "not yet",
  "timeout": "timeout",
  "skipped": "skipped",
};

/** Characters of an error message shown in a cell; the full message is in compare's log. */
const DETAIL_WIDTH = 48;

function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function baselineIndex(table: ResultTable): number {
  return table.baseline === null ? -1 : table.columns.findIndex((c) => c.id === table.baseline);
}

function renderCell(cell: Cell, base: Cell | null): string {
  if (cell.kind !== "time") {
    return escapeCell(`${CELL_WORDS[cell.kind]}: ${oneLine(cell.detail, DETAIL_WIDTH)}`);
  }
  const ratio = base?.kind === "time" ? ` (${formatRatio(cell.seconds / base.seconds)})` : "";
  return `${formatSeconds(cell.seconds)}${ratio}`;
}

/** Per column: the geometric mean of its ratios to the baseline (or of its seconds) over the programs. */
export function geometricMeans(table: ResultTable): { value: number; count: number; unit: "ratio" | "s" }[] {
  const b = baselineIndex(table);
  return table.columns.map((_, c) => {
    const values: number[] = [];
    table.rows.forEach((row, r) => {
      const cell = table.cells[r][c];
      if (row.startup || cell.kind !== "time") return;
      if (b < 0) values.push(cell.seconds);
      else {
        const base = table.cells[r][b];
        if (base.kind === "time") values.push(cell.seconds / base.seconds);
      }
    });
    return {
      value: values.length > 0 ? geometricMean(values) : NaN,
      count: values.length,
      unit: b < 0 ? "s" : "ratio",
    };
  });
}

/** The Markdown table with its notes. */
export function markdownTable(table: ResultTable): string {
  const b = baselineIndex(table);
  const programs = table.rows.filter((r) => !r.startup).length;
  const lines = [
    `| program | ${table.columns.map((c) => escapeCell(c.label)).join(" | ")} |`,
    `| --- | ${table.columns.map(() => "---:").join(" | ")} |`,
  ];
  table.rows.forEach((row, r) => {
    const base = b < 0 ? null : table.cells[r][b];
    const cells = table.cells[r].map((cell) => renderCell(cell, base));
    lines.push(`| ${escapeCell(row.name)} | ${cells.join(" | ")} |`);
  });
  const means = geometricMeans(table).map((m) => {
    if (m.count === 0) return "—";
    const shown = m.unit === "ratio" ? formatRatio(m.value) : `${formatSeconds(m.value)} s`;
    return m.count < programs ? `${shown} (${m.count} of ${programs})` : shown;
  });
  lines.push(`| **geometric mean** | ${means.join(" | ")} |`);
  return [`### ${table.title}`, "", ...lines, "", ...table.notes.map((n) => `- ${n}`), ""].join("\n");
}

/** The programs and what each exercises, as a Markdown list. */
export function programList(table: ResultTable): string {
  return table.rows.map((row) => `- \`${row.name}\`: ${row.what}`).join("\n") + "\n";
}

/** Markers around the generated part of README.md's "## Performance" section. */
export const README_BEGIN = "<!-- bench/compare.ts: begin -->";
export const README_END = "<!-- bench/compare.ts: end -->";

/** Replaces what lies between the README markers; null when the markers are missing. */
export function replaceReadmeSection(readme: string, generated: string): string | null {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) return null;
  return `${readme.slice(0, begin + README_BEGIN.length)}\n\n${generated.trim()}\n\n${readme.slice(end)}`;
}

/** The machine a comparison ran on. */
export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  /** The 1-minute load averages when the comparison started and ended: other work skews wall times. */
  load: [number, number];
  os: string;
  kernel: string;
  deno: string;
  v8: string;
  typescript: string;
  command: string;
  runtimes: { label: string; version: string | null; reason: string | null }[];
}

/** `machine.md`. */
export function machineMarkdown(info: MachineInfo): string {
  const rows: [string, string][] = [
    ["date", info.date],
    ["CPU", info.cpu],
    ["cores", String(info.cores)],
    ["memory", `${info.memoryGiB.toFixed(1)} GiB`],
    [
      "load average",
      `${info.load[0].toFixed(2)} at the start, ${info.load[1].toFixed(2)} at the end (1 minute)`,
    ],
    ["OS", `${info.os} (kernel ${info.kernel})`],
    ["Deno", `${info.deno} (V8 ${info.v8}, TypeScript ${info.typescript})`],
    ["command", `\`${info.command}\``],
  ];
  const runtimes = info.runtimes.map((r) =>
    `| ${escapeCell(r.label)} | ${
      r.version === null ? `not found: ${escapeCell(r.reason ?? "")}` : escapeCell(r.version)
    } |`
  );
  return [
    "# Machine and versions of the latest comparison",
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`),
    "",
    "| runtime | version |",
    "| --- | --- |",
    ...runtimes,
    "",
  ].join("\n");
}
