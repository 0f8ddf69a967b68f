/**
 * The adaptive counter of a specializable instruction (PEP 659): one int32 cache cell, its first,
 * holding a countdown (low 16 bits) and a backoff exponent k (bits 16–20) → when to try
 * specializing again, and how many guard misses a specialized form may take.
 * - quickening: countdown = adaptive_warmup, k = 0;
 * - a failed specialization, or a deoptimization: k + 1 (up to adaptive_backoff_max), countdown 2**k;
 * - a successful one: countdown = deopt_misses (the misses its guards may take), k kept.
 *
 * @example
 * ```ts
 * import { backoffCounter, countdownOf } from "./counters.ts";
 * console.log(countdownOf(backoffCounter(3))); // 8
 * ```
 * @module
 */
import { tunables } from "../instructions/tunables.ts";

/** The countdown part of a counter. */
export function countdownOf(counter: number): number {
  return counter & 0xffff;
}

/** The backoff exponent of a counter. */
export function backoffOf(counter: number): number {
  return counter >>> 16;
}

/** A counter for an instruction just quickened. */
export function warmupCounter(): number {
  return Math.min(tunables.adaptive_warmup, 0xffff);
}

/** The counter after a failure (of specializing, or of a specialized form's guards): waits 2**(k+1). */
export function backoffCounter(previous: number): number {
  const k = Math.min(backoffOf(previous) + 1, tunables.adaptive_backoff_max);
  return (k << 16) | Math.min(1 << k, 0xffff);
}

/** The counter of a freshly specialized instruction: the guard misses it may take. */
export function missBudget(previous: number): number {
  return (backoffOf(previous) << 16) | Math.min(tunables.deopt_misses, 0xffff);
}
