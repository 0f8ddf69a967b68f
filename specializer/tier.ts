/**
 * Tier 2, the specializing adaptive interpreter (PEP 659), as a Tier: code objects are quickened
 * before their first run (specializer/quicken.ts), run in the interpreter loop generated from the
 * instruction definition, and their adaptive instructions are rewritten into specialized variants
 * when they ask (specializer/specialize.ts). `--stats` runs the counting twin of the loop and
 * reports per family (specializer/stats.ts).
 *
 * @example
 * ```ts
 * import { specializedTier } from "./tier.ts";
 * import { setCurrentTier } from "../vm/tier.ts";
 * setCurrentTier(specializedTier);
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import type { PyValue } from "../objects/object.ts";
import type { Frame } from "../vm/frame.ts";
import { run, runWithStats } from "../vm/generated/interp_loop.ts";
import { execute, type Loop } from "../vm/interp.ts";
import { NEVER_HOT, type Tier } from "../vm/tier.ts";
import { quicken } from "./quicken.ts";
import { specialize } from "./specialize.ts";
import { resetSpecializationStats, specializationReport } from "./stats.ts";

let loop: Loop = run;

/**
 * Runs `entry` on from `start`, the frame of a call below it where a trace left (linked under it,
 * the thread state standing at `start`), raising `throwing` there first if given, until `entry`
 * returns.
 */
export function continueIn(entry: Frame, start: Frame, throwing: PyValue | null): PyValue {
  return loop(entry, throwing, start);
}

/** The specializing interpreter. */
export const specializedTier: Tier = {
  name: "specialized",
  execute(frame: Frame, throwing: PyValue | null): PyValue {
    return execute(frame, throwing, loop);
  },
  prepareCode(code: PyCode): void {
    code.prepared = true;
    quicken(code);
  },
  onHotLoop(frame: Frame, _target: number, counter: number): number {
    frame.code.cacheIndex[counter] = NEVER_HOT;
    return -1;
  },
  onHotEntry(frame: Frame): number {
    frame.code.entryHot = NEVER_HOT;
    return -1;
  },
  specialize,
  collectStats(): void {
    loop = runWithStats;
    resetSpecializationStats();
  },
  stats(): string[] {
    return specializationReport();
  },
};
