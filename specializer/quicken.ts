/**
 * Quickening (PEP 659): a code object's compiled bytecode → the same bytecode ready to specialize,
 * in place, once per code object before it first runs (specializedTier.prepareCode):
 * - every instruction of a family (instructions/opcodes.ts `adaptive`) becomes its family's
 *   adaptive form, with a warm-up counter in its first cache cell (vm/counters.ts); after the
 *   warm-up it asks specializer/specialize.ts to rewrite it into a variant;
 * - the pairs of SUPERINSTRUCTIONS whose first instruction is not in a family are fused (the
 *   compare-and-jump pairs are fused by the specializer instead, when it specializes the compare).
 * Only opcode bytes change: the oparg bytes, the instructions' positions and the cache words stay,
 * so jumps, tracebacks and the generic view of the bytecode (objects/code.ts genericBytecode) are
 * those of the compiled code.
 *
 * Why fuse: a switch dispatch costs a few nanoseconds in V8, about as much as a LOAD_FAST's work.
 *
 * @example
 * ```ts
 * import { quicken } from "./quicken.ts";
 * // quicken(code) before the code's first execution under the specialized tier
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import { CACHE_SIZE, Op, opcode, OPCODES, SUPERINSTRUCTIONS } from "../instructions/opcodes.ts";
import { warmupCounter } from "../vm/counters.ts";

/** FUSED[first << 8 | second] = the table row of a pair of generic opcodes quickening fuses. */
const FUSED: (typeof SUPERINSTRUCTIONS[number] | undefined)[] = new Array(1 << 16);
for (const s of SUPERINSTRUCTIONS) {
  const first = opcode(s.first);
  if (OPCODES[first].generic === first && OPCODES[first].adaptive < 0) {
    FUSED[(first << 8) | opcode(s.second)] = s;
  }
}

const EXTENDED_ARG = Op.EXTENDED_ARG;

/** Makes `code`'s family instructions adaptive and fuses its superinstruction pairs. */
export function quicken(code: PyCode): void {
  code.allocateCaches(); // the warm-up counters live there
  const bc = code.code;
  const n = bc.length;
  let i = 0;
  while (i < n) {
    const op = bc[i] & 0xff;
    if (op === EXTENDED_ARG) {
      // A prefix: the instruction it extends follows (the loop reads its oparg).
      i++;
      continue;
    }
    const row = OPCODES[op];
    const next = i + 1 + CACHE_SIZE[op];
    if (row.generic !== op) {
      // Already quickened (a code object prepared twice).
    } else if (row.adaptive >= 0) {
      bc[i] = (bc[i] & 0xff00) | row.adaptive;
      code.cacheIndex[i + 1] = warmupCounter();
    } else if (next < n) {
      // The second must follow directly (an EXTENDED_ARG there would make its word not the oparg).
      const fused = FUSED[(op << 8) | (bc[next] & 0xff)];
      if (fused !== undefined && (fused.when === null || fused.when(bc[next] >> 8))) {
        bc[i] = (bc[i] & 0xff00) | opcode(fused.name);
      }
    }
    i = next;
  }
}
