/**
 * What the fuzzers' worker processes are asked and answer. In: a program, the tier (or "cpython")
 * and the tunables to run it with. Out: its exit status, stdout and stderr, or what went wrong with
 * the process running it (a JavaScript exception escaping the runtime, a crash, a hang).
 * Requests go one JSON object a line on a worker's stdin; an answer is one line on its stdout that
 * starts with ANSWER_MARK (other bytes on that stream are a program writing past its sinks).
 * @module
 */

/** Where a program runs: a pyjit tier with tunables, or CPython. */
export interface RunConfig {
  /** A short name for reports, e.g. `jit-hair1`. */
  readonly name: string;
  readonly tier: "interp" | "specialized" | "jit" | "cpython";
  /** `name=value,…` for setTunables, or "" for the defaults. */
  readonly params: string;
}

export interface RunRequest {
  readonly id: number;
  readonly source: string;
  readonly filename: string;
  readonly tier: RunConfig["tier"];
  readonly params: string;
}

/** How a run ended. `ok`: the program ran (any exit status); the others are failures of the host. */
export type RunKind = "ok" | "js-error" | "crash" | "hang";

export interface RunResult {
  readonly kind: RunKind;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** For js-error and crash: the JavaScript exception or the process's last words. */
  readonly detail?: string;
}

/** The start of an answer line. */
export const ANSWER_MARK = "\x1eFUZZ-ANSWER ";

/** Output beyond this many characters is cut (a mutated program may print without end). */
export const OUTPUT_LIMIT = 200_000;
