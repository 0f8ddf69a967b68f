/**
 * The layout of the native state buffer: the one place that says what each 8-byte word of the
 * buffer shared by TypeScript, the entry trampoline and the stencils means.
 *
 * The state buffer is a `BigInt64Array` (with a `Float64Array` view of the same bytes) whose backing
 * store has a stable address. The trampoline (`stencils/trampoline.c`) receives it and passes its
 * address to the executor, which keeps it in r12 as the frame pointer; uops address slots by
 * index (a stencil's `_JIT_A`/`_JIT_B`/`_JIT_C` hole holds index × 8, a byte offset from r12).
 *
 * | word                    | contents                                                            |
 * | ----------------------- | ------------------------------------------------------------------- |
 * | 0 `STATE_EXECUTOR_TABLE` | address of the executor table: code addresses, indexed by executor |
 * | 1–3                     | reserved (zero)                                                     |
 * | 4 … (`FIRST_SLOT` …)    | frame slots, each an int64, a float64 (same bits), or, for an array |
 * |                         | operand, two words: the element buffer's address, then its length   |
 *
 * Registers while a trace runs: r12 holds the state buffer's address (the frame pointer); the
 * register cache lives in r13 and r14 (two int64 values, `REG0`/`REG1` in an int64 field) and xmm0
 * and xmm1 (two float64 values, `REG0`/`REG1` in a float64 field). The trampoline enters with the
 * cache zeroed; `allocateRegisters` (jit/native_regalloc.ts) loads it from slots in a prologue and
 * stores it back before every exit, so the buffer is the whole state whenever TypeScript runs.
 *
 * Outside the buffer: each executor has a validity flag, one int64 in native memory owned by
 * `NativeJit` (non-zero = valid), whose address is patched into its `CHECK_VALIDITY` uops; an
 * executor returns an exit index (int32), the `operand` of the `EXIT` uop that ended it.
 *
 * @example
 * ```ts
 * import { FIRST_SLOT, STATE_EXECUTOR_TABLE } from "./native_state.ts";
 * const state = new BigInt64Array(FIRST_SLOT + 16);
 * console.log(state[STATE_EXECUTOR_TABLE]); // 0n until a NativeJit installs its table
 * ```
 * @module
 */

/** Word 0: the executor table's address (the trampoline calls `table[index](state)`). */
export const STATE_EXECUTOR_TABLE = 0;
/** Words reserved at the start of the buffer; frame slots start after them. */
export const STATE_HEADER_WORDS = 4;
/** The first slot index a trace may use. */
export const FIRST_SLOT = STATE_HEADER_WORDS;
/** Bytes per slot. */
export const SLOT_BYTES = 8;
/** Default number of frame slots in a state buffer. */
export const DEFAULT_SLOT_COUNT = 256;
