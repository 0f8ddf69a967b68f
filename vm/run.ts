/**
 * Running a program: source text → exit status, with output on the given streams.
 * Placeholder until the compiler and the tier-1 interpreter land.
 * @module
 */

/** The execution tiers, lowest first: `--tier X` enables X and every tier below it. */
export const TIER_NAMES = ["interp", "specialized", "jit"] as const;

/** One of TIER_NAMES. */
export type TierName = typeof TIER_NAMES[number];

/** How to run a program. */
export interface RunOptions {
  /** The file name shown in tracebacks, e.g. `script.py` or `<string>`. */
  filename: string;
  /** `sys.argv`. */
  argv: string[];
  /** The highest tier to use. */
  tier: TierName;
  /** Print tier statistics to stderr at exit. */
  stats: boolean;
  /** Print every JIT trace (uops before and after optimization, machine code) to stderr. */
  dumpTraces: boolean;
}

/**
 * Runs a Python program and returns its exit status (0, 1 on an uncaught exception, or the
 * SystemExit code).
 * @example
 * ```ts
 * import { runProgram } from "./run.ts";
 * const status = runProgram("print('hi')\n", {
 *   filename: "<string>", argv: ["-c"], tier: "jit", stats: false, dumpTraces: false,
 * });
 * ```
 */
export function runProgram(_source: string, _options: RunOptions): number {
  throw new Error("NotImplementedError: the bytecode compiler and interpreter are not written yet");
}
