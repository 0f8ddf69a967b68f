/**
 * Tier-2 statistics for `--stats`: specialization attempts (recorded by specializer/specialize.ts)
 * and the loop's per-opcode execution, miss and deopt counts (vm/interp_support.ts opcodeStats,
 * counted by `runWithStats`) → a report per family: how many executions ran a specialized
 * variant, attempts, successes, failures by reason, hits, misses, deopts, and executions per
 * variant.
 *
 * A compare-and-jump superinstruction counts as one execution of its compare's variant and one
 * specialized execution of the jump's family.
 *
 * @example
 * ```ts
 * import { specializationReport } from "./stats.ts";
 * console.log(specializationReport().length > 0); // true
 * ```
 * @module
 */
import { OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";
import { FAILURE_NAMES } from "../instructions/specialization_failures.ts";
import { opcodeStats } from "../vm/interp_support.ts";

/** Per family (generic opcode): attempts, successes, and failures by reason code. */
const attempts = new Float64Array(256);
const successes = new Float64Array(256);
const failures: Map<number, number>[] = Array.from({ length: 256 }, () => new Map());

/** Records one specialization attempt of family `generic`: `reason` -1 for a success. */
export function recordAttempt(generic: number, reason: number): void {
  attempts[generic]++;
  if (reason < 0) successes[generic]++;
  else failures[generic].set(reason, (failures[generic].get(reason) ?? 0) + 1);
}

/** Forgets everything counted (tests run several programs in one process). */
export function resetSpecializationStats(): void {
  attempts.fill(0);
  successes.fill(0);
  for (const m of failures) m.clear();
  opcodeStats.executed.fill(0);
  opcodeStats.misses.fill(0);
  opcodeStats.deopts.fill(0);
}

/** The counts of one family. */
export interface FamilyStats {
  name: string;
  /** Executions of any of its forms (generic, adaptive, variants, fused). */
  executions: number;
  /** Executions that ran a variant's fast path (variant executions minus misses). */
  hits: number;
  misses: number;
  deopts: number;
  attempts: number;
  successes: number;
  /** Failure reason names by count, most frequent first. */
  failures: [string, number][];
  /** Executions per variant (fused forms under their own names), most executed first. */
  variants: [string, number][];
}

/** Second halves of superinstructions: superinstruction opcode → the fused jump's family. */
const SECOND_FAMILY: number[] = [];
for (const s of SUPERINSTRUCTIONS) {
  const first = OPCODES.find((r) => r?.name === s.name)!;
  const second = OPCODES.find((r) => r?.name === s.second)!;
  if (second.adaptive >= 0) SECOND_FAMILY[first.code] = second.generic;
}

/** Every family's counts, in opcode order of the generic instruction. */
export function familyStats(): FamilyStats[] {
  const byFamily = new Map<number, FamilyStats>();
  for (const row of OPCODES) {
    if (row === undefined || row.code >= 256 || row.generic !== row.code || row.adaptive < 0) continue;
    byFamily.set(row.code, {
      name: row.name,
      executions: 0,
      hits: 0,
      misses: 0,
      deopts: opcodeStats.deopts[row.adaptive],
      attempts: attempts[row.code],
      successes: successes[row.code],
      failures: [...failures[row.code]].map(([r, n]) => [FAILURE_NAMES[r], n] as [string, number])
        .sort((a, b) => b[1] - a[1]),
      variants: [],
    });
  }
  for (const row of OPCODES) {
    if (row === undefined || row.code >= 256) continue;
    const executed = opcodeStats.executed[row.code];
    if (executed === 0) continue;
    const family = byFamily.get(row.generic);
    if (family !== undefined) {
      family.executions += executed;
      if (row.code !== row.generic && row.code !== OPCODES[row.generic].adaptive) {
        const misses = opcodeStats.misses[row.code];
        family.misses += misses;
        family.hits += executed - misses;
        family.variants.push([row.name, executed]);
      }
    }
    const second = byFamily.get(SECOND_FAMILY[row.code]);
    if (second !== undefined) {
      // The fused jump ran without a dispatch of its own (unless the first half missed).
      const ran = executed - opcodeStats.misses[row.code];
      second.executions += ran;
      second.hits += ran;
    }
  }
  const out = [...byFamily.values()];
  for (const f of out) f.variants.sort((a, b) => b[1] - a[1]);
  return out;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${(100 * part / whole).toFixed(1)}%`;
}

/** The `--stats` lines of tier 2. */
export function specializationReport(): string[] {
  const families = familyStats();
  let executions = 0, hits = 0;
  for (const f of families) {
    executions += f.executions;
    hits += f.hits;
  }
  const lines = [
    `specialized: ${
      percent(hits, executions)
    } of ${executions} executions of specializable instructions ran a specialized variant`,
    "family            executions  specialized  attempts  successes  misses  deopts  top failure reasons",
  ];
  for (const f of families) {
    if (f.executions === 0 && f.attempts === 0) continue;
    const reasons = f.failures.slice(0, 3).map(([name, n]) => `${name} ${n}`).join(", ");
    lines.push(
      `${f.name.padEnd(17)} ${String(f.executions).padStart(10)}  ${
        percent(f.hits, f.executions).padStart(11)
      }  ` +
        `${String(f.attempts).padStart(8)}  ${String(f.successes).padStart(9)}  ${
          String(f.misses).padStart(6)
        }  ` +
        `${String(f.deopts).padStart(6)}  ${reasons}`,
    );
    for (const [name, n] of f.variants) lines.push(`  ${name.padEnd(40)} ${n}`);
  }
  return lines;
}
