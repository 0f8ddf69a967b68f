/**
 * The copy-and-patch emitter: a `NativeTrace` (uop instructions) → machine code in executable
 * memory. Two linear passes over the uops: the first sums code, data and GOT sizes; the second
 * copies each uop's stencil (from `stencils/generated/x86_64-linux.ts`) end to end into one buffer
 * and patches every hole; then one allocation, one copy and one `mprotect` make it executable.
 *
 * Hole patching (System V AMD64 relocation semantics, S = value, A = addend, P = hole address):
 * - `R_X86_64_64`: S + A, 64 bits; `R_X86_64_32`/`32S`: S + A, range-checked;
 * - `R_X86_64_PC32`/`PLT32`: S + A − P, a rel32 (always within the trace's block);
 * - `R_X86_64_GOTPCRELX`/`REX_GOTPCRELX`: relaxed when S is within ±2 GiB — `jmp *[rip+x]` becomes
 *   `nop; jmp rel32`, `call *[rip+x]` becomes `addr32 call rel32`, `mov reg, [rip+x]` becomes
 *   `lea reg, [rip+x]` — otherwise (and always for plain `GOTPCREL`) the operand points at a GOT
 *   slot holding S in the trace's data.
 * External symbols (libm) are resolved by name at run time (`libmSymbol`).
 *
 * @example
 * ```ts
 * import { ExecMemory } from "./exec_memory.ts";
 * import { emitTrace } from "./emitter.ts";
 * import { NativeTraceBuilder } from "./native_trace.ts";
 * const t = new NativeTraceBuilder();
 * t.op("JUMP", { target: t.exit("DONE") });
 * const code = emitTrace(t.finish(), new ExecMemory(), { validityAddress: 0, slotCount: 64 });
 * console.log(code.codeSize);
 * ```
 * @module
 */
import { STENCILS } from "../stencils/generated/x86_64-linux.ts";
import { HOLE_VALUES, RELOCATION_KINDS } from "../stencils/schema.ts";
import { type FieldKind, locationCode, REG0, REG1, UOP_IDS, UOPS } from "../instructions/native_uops.ts";
import { describeUop, type NativeTrace, type NativeUop } from "./native_trace.ts";
import type { CodeBlock, ExecMemory } from "./exec_memory.ts";
import { libmSymbol } from "./native_libs.ts";
import { FIRST_SLOT, SLOT_BYTES } from "./native_state.ts";

// Relocation kinds and hole values as small integers (positions in the schema's tables).
const R_64 = RELOCATION_KINDS.indexOf("R_X86_64_64");
const R_32 = RELOCATION_KINDS.indexOf("R_X86_64_32");
const R_32S = RELOCATION_KINDS.indexOf("R_X86_64_32S");
const R_PC32 = RELOCATION_KINDS.indexOf("R_X86_64_PC32");
const R_PLT32 = RELOCATION_KINDS.indexOf("R_X86_64_PLT32");
const R_GOTPCREL = RELOCATION_KINDS.indexOf("R_X86_64_GOTPCREL");
const R_GOTPCRELX = RELOCATION_KINDS.indexOf("R_X86_64_GOTPCRELX");
const R_REX_GOTPCRELX = RELOCATION_KINDS.indexOf("R_X86_64_REX_GOTPCRELX");
const V_A = HOLE_VALUES.indexOf("A");
const V_B = HOLE_VALUES.indexOf("B");
const V_C = HOLE_VALUES.indexOf("C");
const V_OPERAND = HOLE_VALUES.indexOf("OPERAND");
const V_TARGET = HOLE_VALUES.indexOf("TARGET");
const V_CONTINUE = HOLE_VALUES.indexOf("CONTINUE");
const V_CODE = HOLE_VALUES.indexOf("CODE");
const V_DATA = HOLE_VALUES.indexOf("DATA");
const V_EXTERNAL = HOLE_VALUES.indexOf("EXTERNAL");

// How a GOT-relative hole can be relaxed, decided once from the instruction bytes before it.
const RELAX_NONE = 0;
const RELAX_JMP = 1; // ff 25 → 90 e9
const RELAX_CALL = 2; // ff 15 → 67 e8
const RELAX_MOV = 3; // 8b → 8d (lea)

const TWO_32 = 4294967296;
/** Per uop id: its operand is the executor's validity flag address. */
const IS_VALIDITY: readonly boolean[] = UOPS.map((u) => u.operand === "validity");
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** One hole of a decoded stencil. */
class Hole {
  constructor(
    readonly inData: boolean,
    readonly offset: number,
    readonly kind: number,
    readonly value: number,
    readonly symbol: string,
    readonly addend: number,
    readonly relax: number,
  ) {}
}

/** A stencil decoded for emitting. */
class Stencil {
  constructor(
    readonly name: string,
    readonly code: Uint8Array,
    readonly data: Uint8Array,
    readonly dataAlign: number,
    readonly holes: readonly Hole[],
  ) {}
}

function fromHex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.substr(i * 2, 2), 16);
  return bytes;
}

function relaxation(code: Uint8Array, offset: number, kind: number): number {
  if (kind === R_GOTPCRELX && code[offset - 2] === 0xff) {
    if (code[offset - 1] === 0x25) return RELAX_JMP;
    if (code[offset - 1] === 0x15) return RELAX_CALL;
  }
  if (kind === R_REX_GOTPCRELX && code[offset - 2] === 0x8b) return RELAX_MOV;
  return RELAX_NONE;
}

/** Stencils per uop in the lookup table: one per location code (see `locationCode`). */
const LOCATION_CODES = 27;

let decoded: (Stencil | null)[] | null = null;

/**
 * The stencil table, decoded on first use and checked against the uop table: entry
 * `op * 27 + locations` is the stencil of uop `op` with its fields at `locations` (null if not built).
 */
export function stencils(): readonly (Stencil | null)[] {
  if (decoded !== null) return decoded;
  if (STENCILS.length < UOPS.length || UOPS.some((u, i) => STENCILS[i].name !== u.name)) {
    throw new Error(
      "stencils/generated/x86_64-linux.ts does not match instructions/native_uops.ts: run `deno task stencils`",
    );
  }
  const table: (Stencil | null)[] = new Array(UOPS.length * LOCATION_CODES).fill(null);
  for (const record of STENCILS) {
    const code = fromHex(record.code);
    const holes = record.holes.map((h) => {
      const kind = RELOCATION_KINDS.indexOf(h.kind);
      const inData = h.in === "data";
      return new Hole(
        inData,
        h.offset,
        kind,
        HOLE_VALUES.indexOf(h.value),
        h.symbol,
        h.addend,
        inData ? RELAX_NONE : relaxation(code, h.offset, kind),
      );
    });
    const op = UOP_IDS[record.name];
    table[op * LOCATION_CODES + record.locations] = new Stencil(
      record.name,
      code,
      fromHex(record.data),
      record.dataAlign,
      holes,
    );
  }
  decoded = table;
  return decoded;
}

/** Options of `emitTrace`. */
export interface EmitOptions {
  /** Address patched into `CHECK_VALIDITY` uops (the executor's validity flag). */
  readonly validityAddress: number;
  /** Slots in the state buffer; slot fields must lie in [FIRST_SLOT, slotCount). */
  readonly slotCount: number;
  /** Relax GOT-relative holes when in range (default true); false forces GOT slots (for tests). */
  readonly relax?: boolean;
}

/** Machine code of one trace, in executable memory. */
export interface EmittedCode {
  readonly block: CodeBlock;
  /** Bytes of code (data and GOT follow, 16-byte aligned). */
  readonly codeSize: number;
  /** Offset of each uop's code from the block start; one extra entry: the end of code. */
  readonly uopOffsets: Int32Array;
}

function fieldIsSlot(kind: FieldKind | undefined): number {
  return kind === "i64" || kind === "f64" ? 1 : kind === "array" ? 2 : 0;
}

// Per uop id, precomputed for the hot loop of `selectStencils`: slot widths of a, b, c (0: not a
// slot, 1: an int64/float64 slot, 2: an array operand), and which fields it has.
const WIDTH_A = Int8Array.from(UOPS, (u) => fieldIsSlot(u.a));
const WIDTH_B = Int8Array.from(UOPS, (u) => fieldIsSlot(u.b));
const WIDTH_C = Int8Array.from(UOPS, (u) => fieldIsSlot(u.c));
const HAS_TARGET = UOPS.map((u) => u.target !== undefined);
const IS_EXIT = UOPS.map((u) => u.operand === "exit");

/** Where a slot field lives: 0 in its frame slot (checked to be in range), 1 or 2 in a register. */
function fieldLocation(value: number, width: number, slotCount: number): number {
  if (width === 0) return 0;
  if (value >= FIRST_SLOT && value + width <= slotCount && (value | 0) === value) return 0;
  if (width === 1 && value === REG0) return 1;
  if (width === 1 && value === REG1) return 2;
  return -1;
}

function fieldError(uop: NativeUop, i: number, slotCount: number): Error {
  const spec = UOPS[uop.op];
  for (const field of ["a", "b", "c"] as const) {
    const width = fieldIsSlot(spec[field]);
    if (fieldLocation(uop[field], width, slotCount) >= 0) continue;
    if (width === 2 && uop[field] < 0) {
      return new RangeError(`uop ${i} (${spec.name}): an array operand cannot live in a register`);
    }
    return new RangeError(
      `uop ${i} (${spec.name}): slot ${field}=${uop[field]} outside [${FIRST_SLOT}, ${slotCount})`,
    );
  }
  return new RangeError(`uop ${i} (${spec.name}): bad field`);
}

/**
 * Checks that every uop exists, every slot and target is in range, every register use has a
 * stencil, and the trace ends; returns each uop's index in the `stencils()` table.
 */
export function selectStencils(trace: NativeTrace, slotCount: number): Int32Array {
  const uops = trace.uops;
  const n = uops.length;
  if (n === 0) throw new Error("empty trace");
  const table = stencils();
  const selected = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const uop = uops[i];
    const op = uop.op;
    if (!(op >= 0 && op < UOPS.length)) throw new Error(`uop ${i}: unknown uop id ${op}`);
    const la = fieldLocation(uop.a, WIDTH_A[op], slotCount);
    const lb = fieldLocation(uop.b, WIDTH_B[op], slotCount);
    const lc = fieldLocation(uop.c, WIDTH_C[op], slotCount);
    if (la < 0 || lb < 0 || lc < 0) throw fieldError(uop, i, slotCount);
    const index = op * LOCATION_CODES + locationCode(la, lb, lc);
    if (table[index] === null) {
      throw new RangeError(`uop ${i} (${UOPS[op].name}): no register variant for ${describeUop(uop)}`);
    }
    selected[i] = index;
    if (HAS_TARGET[op] && !(uop.target >= 0 && uop.target < n && (uop.target | 0) === uop.target)) {
      throw new RangeError(`uop ${i} (${UOPS[op].name}): target ${uop.target} outside the trace`);
    }
    if (IS_EXIT[op] && (uop.operand < 0n || uop.operand > 2147483647n)) {
      throw new RangeError(`uop ${i} (EXIT): exit index ${uop.operand} is not a non-negative int32`);
    }
  }
  if (!UOPS[uops[n - 1].op].terminator) {
    throw new Error(`trace must end with EXIT or JUMP, not ${UOPS[uops[n - 1].op].name}`);
  }
  return selected;
}

function needsGotSlot(hole: Hole, relax: boolean): boolean {
  if (hole.kind !== R_GOTPCREL && hole.kind !== R_GOTPCRELX && hole.kind !== R_REX_GOTPCRELX) return false;
  return !relax || hole.relax === RELAX_NONE || hole.value === V_EXTERNAL;
}

function writeU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % TWO_32, true);
  view.setUint32(at + 4, Math.floor(value / TWO_32), true);
}

function holeError(uop: NativeUop, hole: Hole, message: string): Error {
  return new RangeError(
    `${UOPS[uop.op].name}: hole at ${hole.offset} (${RELOCATION_KINDS[hole.kind]}): ${message}`,
  );
}

/** Emits `trace` into `memory`: two passes, one allocation, one copy, one mprotect. */
export function emitTrace(trace: NativeTrace, memory: ExecMemory, options: EmitOptions): EmittedCode {
  const selected = selectStencils(trace, options.slotCount);
  const table = stencils();
  const uops = trace.uops;
  const n = uops.length;
  const relax = options.relax ?? true;

  // Pass 1: sizes and offsets.
  const uopOffsets = new Int32Array(n + 1);
  const dataOffsets = new Int32Array(n);
  let codeSize = 0;
  let dataSize = 0;
  let gotSlots = 0;
  for (let i = 0; i < n; i++) {
    const stencil = table[selected[i]]!;
    uopOffsets[i] = codeSize;
    codeSize += stencil.code.length;
    if (stencil.data.length > 0) {
      dataSize = Math.ceil(dataSize / stencil.dataAlign) * stencil.dataAlign;
      dataOffsets[i] = dataSize;
      dataSize += stencil.data.length;
    }
    for (const hole of stencil.holes) if (needsGotSlot(hole, relax)) gotSlots++;
  }
  uopOffsets[n] = codeSize;
  const dataStart = Math.ceil(codeSize / 16) * 16;
  const gotStart = Math.ceil((dataStart + dataSize) / 8) * 8;
  const total = gotStart + gotSlots * 8;

  const block = memory.allocate(total);
  const base = block.address;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);

  // Pass 2: copy and patch.
  let gotNext = gotStart;
  for (let i = 0; i < n; i++) {
    const uop = uops[i];
    const stencil = table[selected[i]]!;
    const codeAt = uopOffsets[i];
    const dataAt = dataStart + dataOffsets[i];
    bytes.set(stencil.code, codeAt);
    if (stencil.data.length > 0) bytes.set(stencil.data, dataAt);
    const holes = stencil.holes;
    for (let h = 0; h < holes.length; h++) {
      const hole = holes[h];
      const at = (hole.inData ? dataAt : codeAt) + hole.offset;
      const value = hole.value;
      const kind = hole.kind;
      if (value === V_OPERAND && kind === R_64) {
        const operand = IS_VALIDITY[uop.op] ? BigInt(options.validityAddress) : uop.operand;
        view.setBigInt64(at, BigInt.asIntN(64, operand + BigInt(hole.addend)), true);
        continue;
      }
      let s: number;
      if (value === V_A) s = uop.a * SLOT_BYTES;
      else if (value === V_B) s = uop.b * SLOT_BYTES;
      else if (value === V_C) s = uop.c * SLOT_BYTES;
      else if (value === V_TARGET) s = base + uopOffsets[uop.target];
      else if (value === V_CONTINUE) s = base + uopOffsets[i + 1];
      else if (value === V_CODE) s = base + codeAt;
      else if (value === V_DATA) s = base + dataAt;
      else if (value === V_EXTERNAL) s = libmSymbol(hole.symbol);
      else s = IS_VALIDITY[uop.op] ? options.validityAddress : Number(uop.operand);
      const p = base + at;
      if (kind === R_64) {
        writeU64(view, at, s + hole.addend);
      } else if (kind === R_32S || kind === R_32) {
        const v = s + hole.addend;
        const ok = kind === R_32S ? v >= INT32_MIN && v <= INT32_MAX : v >= 0 && v < TWO_32;
        if (!ok) throw holeError(uop, hole, `value ${v} does not fit 32 bits`);
        if (kind === R_32S) view.setInt32(at, v, true);
        else view.setUint32(at, v, true);
      } else if (kind === R_PC32 || kind === R_PLT32) {
        const d = s + hole.addend - p;
        if (d < INT32_MIN || d > INT32_MAX) throw holeError(uop, hole, "target beyond ±2 GiB");
        view.setInt32(at, d, true);
      } else {
        // GOT-relative: relax to a direct rel32 when in range, else go through the reserved slot.
        const d = s + hole.addend - p;
        let slot = -1;
        if (needsGotSlot(hole, relax)) {
          slot = gotNext;
          gotNext += 8;
        }
        if (relax && hole.relax !== RELAX_NONE && d >= INT32_MIN && d <= INT32_MAX) {
          if (hole.relax === RELAX_JMP) {
            bytes[at - 2] = 0x90;
            bytes[at - 1] = 0xe9;
          } else if (hole.relax === RELAX_CALL) {
            bytes[at - 2] = 0x67;
            bytes[at - 1] = 0xe8;
          } else {
            bytes[at - 2] = 0x8d;
          }
          view.setInt32(at, d, true);
        } else {
          if (slot < 0) throw holeError(uop, hole, "target beyond ±2 GiB and no GOT slot");
          writeU64(view, slot, s);
          view.setInt32(at, base + slot + hole.addend - p, true);
        }
      }
    }
  }
  memory.write(block, bytes);
  return { block, codeSize, uopOffsets };
}
