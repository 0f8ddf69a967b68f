/**
 * One measurement: a command line and the expected stdout → an outcome (a wall time, or why there is
 * none: a wrong answer, a feature pyjit does not have yet, a timeout). Also the statistics over
 * repeated runs (median, geometric mean).
 * @module
 */
import { runSecondsFrom, withoutTimingLine } from "./_pyodide_protocol.ts";
import { childrenCpuSeconds } from "./_rusage.ts";

/** What a finished (or killed) process left behind. */
export interface ProcessResult {
  stdout: string;
  stderr: string;
  status: number;
  timedOut: boolean;
  wallSeconds: number;
  /** User + system CPU seconds of the process (all its threads); null where it cannot be measured. */
  cpuSeconds: number | null;
}

/** The outcome of one run, or of a runtime on one program once its runs are combined. */
export type Outcome =
  | { kind: "ok"; wall: number[]; cpu: number[]; inner: number[] }
  | { kind: "wrong"; detail: string }
  | { kind: "not-yet"; detail: string }
  | { kind: "timeout"; detail: string }
  | { kind: "skipped"; detail: string };

/**
 * Runs `argv`, killing it after `timeoutSeconds`; the wall time includes process start-up. Runs must
 * not overlap: the CPU time is the growth of this process's children's total across the run.
 */
export async function runProcess(argv: string[], timeoutSeconds: number): Promise<ProcessResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutSeconds * 1000);
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  try {
    const out = await new Deno.Command(argv[0], {
      args: argv.slice(1),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: controller.signal,
    }).output();
    const wallSeconds = (performance.now() - start) / 1000;
    const cpuAfter = childrenCpuSeconds();
    const decoder = new TextDecoder();
    return {
      stdout: decoder.decode(out.stdout),
      stderr: decoder.decode(out.stderr),
      status: out.code,
      timedOut: controller.signal.aborted,
      wallSeconds,
      cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Shortens a message to one table-friendly line. */
export function oneLine(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The first line that says NotImplementedError, without the exception name; null if none. */
function notImplemented(stderr: string): string | null {
  for (const line of stderr.split("\n")) {
    const at = line.indexOf("NotImplementedError");
    if (at < 0) continue;
    const message = line.slice(at + "NotImplementedError".length).replace(/^:\s*/, "");
    return oneLine(message === "" ? "NotImplementedError" : message);
  }
  return null;
}

/** The line of a crash's stderr that names the error (a traceback's last line, Deno's `error: …`). */
export function crashLine(stderr: string): string {
  // deno-lint-ignore no-control-regex
  const lines = stderr.replace(/\x1b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim()).filter((l) =>
    l !== ""
  );
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^(error: )?[A-Za-z_.]*(Error|Exception|Exit)\b/.test(lines[i])) return lines[i];
  }
  return lines[lines.length - 1] ?? "no output on stderr";
}

/** Where the actual output first departs from the expected one. */
export function describeDifference(actual: string, expected: string): string {
  const got = actual.split("\n");
  const want = expected.split("\n");
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    if (got[i] !== want[i]) {
      const shown = (s: string | undefined) =>
        s === undefined ? "end of output" : JSON.stringify(oneLine(s, 30));
      return `line ${i + 1}: got ${shown(got[i])}, expected ${shown(want[i])}`;
    }
  }
  return "output differs";
}

/**
 * Judges one run. `incomplete` runtimes (pyjit) may stop with a NotImplementedError: that is "not
 * yet". Anything else that is not exactly the expected stdout with status 0 is wrong.
 */
export function judge(
  result: ProcessResult,
  expected: string,
  incomplete: boolean,
  timeoutSeconds: number,
): Outcome {
  if (result.timedOut) return { kind: "timeout", detail: `> ${timeoutSeconds} s` };
  const stderr = withoutTimingLine(result.stderr);
  if (incomplete) {
    const missing = notImplemented(stderr);
    if (missing !== null && (result.status !== 0 || result.stdout !== expected)) {
      return { kind: "not-yet", detail: missing };
    }
  }
  if (result.status !== 0) {
    return { kind: "wrong", detail: oneLine(`exit ${result.status}: ${crashLine(stderr)}`) };
  }
  if (result.stdout !== expected) {
    return { kind: "wrong", detail: describeDifference(result.stdout, expected) };
  }
  const inner = runSecondsFrom(result.stderr);
  const cpu = result.cpuSeconds === null ? [] : [result.cpuSeconds];
  return { kind: "ok", wall: [result.wallSeconds], cpu, inner: inner === null ? [] : [inner] };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The geometric mean of a non-empty list of positive numbers. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) throw new Error("geometric mean of nothing");
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}
