/**
 * Tier-1 quickening: a code object's bytecode → the same bytecode with the instruction pairs of
 * instructions/opcodes.ts SUPERINSTRUCTIONS fused, in place, once per code object before it first
 * runs (interpTier.prepareCode). Only the first instruction's opcode byte changes; what the
 * fused instruction does is its own case in the generated loop (both instructions' bodies from
 * vm/bytecodes.ts, pasted one after the other).
 *
 * Why: a switch dispatch costs a few nanoseconds in V8, about as much as a LOAD_FAST's work, and
 * these pairs are a third of the instructions the benchmarks execute (LOAD_FAST → LOAD_ATTR alone
 * is 18% of raytrace's).
 *
 * @example
 * ```ts
 * import { quicken } from "./superinstructions.ts";
 * // quicken(code) before the code's first execution
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import { CACHE_SIZE, Op, opcode, OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";

/** FUSED[first << 8 | second] = the table row of that pair of generic opcodes, if any. */
const FUSED: (typeof SUPERINSTRUCTIONS[number] | undefined)[] = new Array(1 << 16);
for (const s of SUPERINSTRUCTIONS) FUSED[(opcode(s.first) << 8) | opcode(s.second)] = s;

const EXTENDED_ARG = Op.EXTENDED_ARG;

/** Fuses every superinstruction pair of `code`'s bytecode (generic instructions only). */
export function quicken(code: PyCode): void {
  const bc = code.code;
  const n = bc.length;
  let i = 0;
  while (i < n) {
    const op = bc[i] & 0xff;
    if (op === EXTENDED_ARG) {
      // A prefix: the instruction it extends follows (and may be fused; the loop reads its oparg).
      i++;
      continue;
    }
    const next = i + 1 + CACHE_SIZE[op];
    if (next < n && OPCODES[op].generic === op) {
      // The second must follow directly (an EXTENDED_ARG there would make its word not the
      // oparg), and be generic: a specialized second keeps its own dispatch.
      const fused = FUSED[(op << 8) | (bc[next] & 0xff)];
      if (fused !== undefined && (fused.when === null || fused.when(bc[next] >> 8))) {
        bc[i] = (bc[i] & 0xff00) | opcode(fused.name);
      }
    }
    i = next;
  }
}
