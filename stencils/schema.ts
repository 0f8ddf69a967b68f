/**
 * The shape of the generated stencil table (`stencils/generated/x86_64-linux.ts`): what
 * `stencils/build.ts` writes and `jit/emitter.ts` reads. One record per uop: machine code, read-only
 * data, and the holes to patch in them.
 *
 * @example
 * ```ts
 * import type { StencilRecord } from "./schema.ts";
 * const empty: StencilRecord = { name: "EXIT", locations: 0, code: "c3", data: "", dataAlign: 1, holes: [] };
 * console.log(empty.name);
 * ```
 * @module
 */

/** Relocation kinds the build accepts; any other kind fails the build with its name. */
export const RELOCATION_KINDS = [
  "R_X86_64_64",
  "R_X86_64_32",
  "R_X86_64_32S",
  "R_X86_64_PC32",
  "R_X86_64_PLT32",
  "R_X86_64_GOTPCREL",
  "R_X86_64_GOTPCRELX",
  "R_X86_64_REX_GOTPCRELX",
] as const;
/** One accepted relocation kind. */
export type RelocationKind = typeof RELOCATION_KINDS[number];

/**
 * What a hole's value is, before its addend:
 * - `A`, `B`, `C`: the byte offset of the instruction's slot field (slot index × 8);
 * - `OPERAND`: the instruction's 64-bit operand;
 * - `TARGET`: the address of the code of the uop named by the instruction's target;
 * - `CONTINUE`: the address of the next uop's code;
 * - `CODE`, `DATA`: the address of this stencil's own code or data;
 * - `EXTERNAL`: the address of the libm function named by `symbol`.
 */
export const HOLE_VALUES = [
  "A",
  "B",
  "C",
  "OPERAND",
  "TARGET",
  "CONTINUE",
  "CODE",
  "DATA",
  "EXTERNAL",
] as const;
/** One hole value kind. */
export type HoleValue = typeof HOLE_VALUES[number];

/** One place to patch: in the code or the data of a stencil, at `offset`. */
export interface HoleRecord {
  readonly in: "code" | "data";
  readonly offset: number;
  readonly kind: RelocationKind;
  readonly value: HoleValue;
  readonly symbol: string;
  readonly addend: number;
}

/**
 * One stencil of a uop: code and data bytes as lowercase hex, and the holes in them. `locations`
 * says where its slot fields live: 0 for all in frame slots, else a register variant's location code
 * (`locationCode` in instructions/native_uops.ts).
 */
export interface StencilRecord {
  readonly name: string;
  readonly locations: number;
  readonly code: string;
  readonly data: string;
  readonly dataAlign: number;
  readonly holes: readonly HoleRecord[];
}
