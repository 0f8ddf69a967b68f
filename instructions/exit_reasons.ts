/**
 * Why native code returned to the caller: the one table of exit reasons of the native backend.
 * Each `EXIT` stub of a trace carries one of these (see `NativeTraceBuilder.exit`); the executor
 * returns the stub's index, and the trace maps it back to its reason.
 *
 * @example
 * ```ts
 * import { EXIT_REASONS, EXIT_REASON_IDS } from "./exit_reasons.ts";
 * console.log(EXIT_REASONS[EXIT_REASON_IDS.INT_OVERFLOW].doc);
 * ```
 * @module
 */

/** One exit reason: its name and what happened. */
export interface ExitReasonSpec {
  readonly name: string;
  readonly doc: string;
}

/** Every exit reason, by id (position). Append only. */
export const EXIT_REASONS: readonly ExitReasonSpec[] = [
  { name: "DONE", doc: "the trace reached its planned end (for example the loop condition became false)" },
  { name: "INVALIDATED", doc: "the executor's validity flag was cleared (a dependency changed)" },
  { name: "INT_OVERFLOW", doc: "an int64 result did not fit; the interpreter continues with unbounded ints" },
  { name: "ZERO_DIVISION", doc: "a division or modulo by zero (the interpreter raises ZeroDivisionError)" },
  { name: "NEGATIVE_SHIFT", doc: "a shift by a negative count (the interpreter raises ValueError)" },
  { name: "INDEX_OUT_OF_RANGE", doc: "a typed-array index outside [0, length)" },
  {
    name: "MATH_DOMAIN",
    doc: "a libm function outside its domain or overflowing (ValueError/OverflowError)",
  },
  { name: "GUARD_FAILED", doc: "a type or value guard did not hold" },
  { name: "BRANCH", doc: "control left the trace at a branch the trace does not cover" },
  {
    name: "BACK_EDGE_CHECK",
    doc: "the loop ran its budget of back-edges: interrupts and step budgets are checked, then it re-enters",
  },
  {
    name: "ENTRY_CHECK",
    doc: "a live value did not have the kind the trace unboxes it as (never left natively)",
  },
  { name: "LOOP_END", doc: "the loop's iterator is exhausted: the interpreter leaves the loop" },
];

/** Exit reason name → id. */
export const EXIT_REASON_IDS: Readonly<Record<string, number>> = Object.fromEntries(
  EXIT_REASONS.map((r, i) => [r.name, i]),
);
