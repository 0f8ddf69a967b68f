/**
 * Why the JIT gave up on a trace: one row per reason (and one line of what it means) → the codes
 * trace formation and the optimizer record, the names `--stats` counts and `--dump-traces` prints.
 *
 * @example
 * ```ts
 * import { ABORT, ABORT_NAMES } from "./abort_reasons.ts";
 * console.log(ABORT_NAMES[ABORT.TRACE_TOO_LONG]); // "TRACE_TOO_LONG"
 * ```
 * @module
 */

/** One abort reason. */
export interface AbortReason {
  readonly name: string;
  readonly why: string;
}

/** Every abort reason. */
export const ABORT_REASONS = [
  { name: "TRACE_TOO_LONG", why: "the trace reached max_trace_length uops before closing its loop" },
  { name: "UNSUPPORTED_INSTRUCTION", why: "an instruction with no uop expansion the JIT can compile" },
  { name: "INLINE_TOO_DEEP", why: "a call nested deeper than max_inline_depth" },
  { name: "RECURSIVE_CALL", why: "a call back into a function already being traced" },
  { name: "GENERATOR_FRAME", why: "the loop runs inside or into a generator frame the trace cannot own" },
  { name: "EXCEPTION_RAISED", why: "an exception was raised while the trace was recorded" },
  { name: "LEFT_LOOP", why: "recording left the loop (return, break, frame exit) before closing it" },
  {
    name: "LOOP_ENDED",
    why: "the loop's iterator ran out at the head the recording began at: recorded at its next hot back-edge",
  },
  { name: "UNSTABLE_TYPES", why: "the values' types changed while the trace was recorded" },
  { name: "INVALIDATED", why: "an assumption (a type, dict or function version) changed during recording" },
  { name: "COMPILE_FAILED", why: "the backend could not compile the optimized trace" },
  {
    name: "CODE_TOO_BIG",
    why: "a side path would grow the trace's JavaScript function past max_trace_code characters",
  },
  {
    name: "INNER_LOOP",
    why: "the path reached the back-edge of an inner loop (which gets a trace of its own)",
  },
  { name: "ENTRY_FAILS", why: "the trace's entry guards kept failing: its loop is traced again" },
  {
    name: "SHORT_LOOP",
    why: "the trace ran too few iterations per entry to pay for entering: the loop stays interpreted",
  },
  {
    name: "POLYMORPHIC_CALL",
    why:
      "a followed call's callee depends on the receiver's class: the site is called as a whole from then on",
  },
  {
    name: "OFTEN_LEFT",
    why: "a function's trace was left before its return in too many calls: the function stays interpreted",
  },
] as const satisfies readonly AbortReason[];

/** An abort reason's name. */
export type AbortName = typeof ABORT_REASONS[number]["name"];

/** Abort codes by name (the row index). */
export const ABORT: Readonly<Record<AbortName, number>> = Object.fromEntries(
  ABORT_REASONS.map((r, i) => [r.name, i]),
) as Record<AbortName, number>;

/** Abort names by code. */
export const ABORT_NAMES: readonly string[] = ABORT_REASONS.map((r) => r.name);

/**
 * Why the native backend did not lower a loop (it then runs on the JavaScript backend): one row per
 * reason. These are not aborts of the trace (it is compiled all the same), so they are counted apart.
 */
export const NATIVE_FALLBACK_REASONS = [
  { name: "UNSUPPORTED_INSTRUCTION", why: "an instruction form the native lowering has no rule for" },
  {
    name: "BOXED_VALUE",
    why: "a value that is not an int, a float or a bool (native code holds only those)",
  },
  { name: "UNSUPPORTED_OPERATION", why: "an operator on operand kinds the native uops do not cover" },
  { name: "FOLLOWED_CALL", why: "the path follows a call into another frame" },
  { name: "INNER_LOOP", why: "the path runs an inner loop with its own trace" },
  { name: "KIND_CHANGES", why: "a local's kind at the loop's end differs from its kind at the loop's top" },
  { name: "SIDE_PATH_LOCAL", why: "a side path assigns a local the rest of the loop keeps in the frame" },
  { name: "TOO_MANY_SLOTS", why: "the loop needs more native frame slots than the state buffer has" },
  { name: "COMPILE_FAILED", why: "emitting the machine code failed" },
] as const satisfies readonly AbortReason[];

/** A native fallback reason's name. */
export type NativeFallbackName = typeof NATIVE_FALLBACK_REASONS[number]["name"];

/** Native fallback codes by name (the row index). */
export const NATIVE_FALLBACK: Readonly<Record<NativeFallbackName, number>> = Object.fromEntries(
  NATIVE_FALLBACK_REASONS.map((r, i) => [r.name, i]),
) as Record<NativeFallbackName, number>;
