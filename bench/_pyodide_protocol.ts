/**
 * How `_pyodide_runner.ts` reports its timings to compare.ts: the last line of its stderr is
 * `#pyodide-timing load=<seconds> run=<seconds>`. This module has no imports, so that the runner loads
 * nothing but Pyodide.
 * @module
 */

/** The prefix of the timing line on the runner's stderr. */
export const PYODIDE_TIMING_PREFIX = "#pyodide-timing";

/** The timing line for a load and a run, in seconds. */
export function timingLine(loadSeconds: number, runSeconds: number): string {
  return `${PYODIDE_TIMING_PREFIX} load=${loadSeconds} run=${runSeconds}`;
}

/** The program's in-process run time from the runner's stderr; null when absent. */
export function runSecondsFrom(stderr: string): number | null {
  for (const line of stderr.split("\n")) {
    if (!line.startsWith(PYODIDE_TIMING_PREFIX)) continue;
    const run = /\brun=([0-9.eE+-]+)/.exec(line);
    if (run) return Number(run[1]);
  }
  return null;
}

/** stderr without the timing line, for error messages. */
export function withoutTimingLine(stderr: string): string {
  return stderr.split("\n").filter((line) => !line.startsWith(PYODIDE_TIMING_PREFIX)).join("\n");
}
