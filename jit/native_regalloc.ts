/**
 * Register allocation for native traces: a `NativeTrace` over frame slots → the same trace with up
 * to two int64 and two float64 slots kept in the register cache (r13, r14, xmm0, xmm1) for the whole
 * trace. A prologue loads them, every exit stub first stores back the ones the trace writes, and each
 * use becomes the uop's register variant. A slot qualifies when every use of it is an i64 (or f64)
 * field of a uop that has register variants (`registers` in instructions/native_uops.ts); the most used win.
 *
 * @example
 * ```ts
 * import { allocateRegisters } from "./native_regalloc.ts";
 * import { NativeTraceBuilder } from "./native_trace.ts";
 * const t = new NativeTraceBuilder();
 * const top = t.here();
 * t.op("ADD_I64", { a: 4, b: 4, c: 5, target: t.exit("INT_OVERFLOW") });
 * t.op("JUMP", { target: top });
 * console.log(allocateRegisters(t.finish()).uops.length); // 2 loads + 2 uops + 1 store + exit
 * ```
 * @module
 */
import { REG0, REG1, REGISTER_COUNT, UOP_IDS, UOPS } from "../instructions/native_uops.ts";
import { type NativeTrace, NativeUop } from "./native_trace.ts";

const FIELDS = ["a", "b", "c"] as const;
const REGISTERS = [REG0, REG1];

/** Per slot: how often it is used, and whether every use allows an int64 or a float64 register. */
class SlotUse {
  count = 0;
  int = true;
  float = true;
  written = false;
}

function slotUses(trace: NativeTrace): Map<number, SlotUse> {
  const uses = new Map<number, SlotUse>();
  const use = (slot: number) => {
    let entry = uses.get(slot);
    if (!entry) uses.set(slot, entry = new SlotUse());
    return entry;
  };
  for (const uop of trace.uops) {
    const spec = UOPS[uop.op];
    for (const field of FIELDS) {
      const kind = spec[field];
      if (kind === undefined || (kind !== "i64" && kind !== "f64" && kind !== "array")) continue;
      const slot = uop[field];
      if (slot < 0) continue; // already in a register
      const entry = use(slot);
      entry.count++;
      if (field === "a" && kind !== "array") entry.written = true;
      if (!spec.registers || kind !== "i64") entry.int = false;
      if (!spec.registers || kind !== "f64") entry.float = false;
      if (kind === "array") {
        const length = use(slot + 1);
        length.int = length.float = false;
      }
    }
  }
  return uses;
}

function pick(uses: Map<number, SlotUse>, wanted: (u: SlotUse) => boolean): number[] {
  return [...uses].filter(([, u]) => wanted(u)).sort((x, y) => y[1].count - x[1].count || x[0] - y[0])
    .slice(0, REGISTER_COUNT).map(([slot]) => slot);
}

/** Returns `trace` with its most used int64 and float64 slots in the register cache. */
export function allocateRegisters(trace: NativeTrace): NativeTrace {
  const uses = slotUses(trace);
  const ints = pick(uses, (u) => u.int && u.count > 1);
  const floats = pick(uses, (u) => u.float && u.count > 1);
  if (ints.length === 0 && floats.length === 0) return trace;
  const register = new Map<number, number>();
  ints.forEach((slot, k) => register.set(slot, REGISTERS[k]));
  floats.forEach((slot, k) => register.set(slot, REGISTERS[k]));
  const remap = (uop: NativeUop, field: "a" | "b" | "c") => {
    const kind = UOPS[uop.op][field];
    const value = uop[field];
    if (kind !== "i64" && kind !== "f64") return value;
    if (kind === "i64" && !ints.includes(value)) return value;
    if (kind === "f64" && !floats.includes(value)) return value;
    return register.get(value)!;
  };

  const COPY_I64 = UOP_IDS.COPY_I64, COPY_F64 = UOP_IDS.COPY_F64, EXIT = UOP_IDS.EXIT;
  const prologue: NativeUop[] = [];
  const spills: NativeUop[] = [];
  for (const slot of ints) {
    prologue.push(new NativeUop(COPY_I64, register.get(slot)!, slot, 0, 0n, 0));
    if (uses.get(slot)!.written) spills.push(new NativeUop(COPY_I64, slot, register.get(slot)!, 0, 0n, 0));
  }
  for (const slot of floats) {
    prologue.push(new NativeUop(COPY_F64, register.get(slot)!, slot, 0, 0n, 0));
    if (uses.get(slot)!.written) spills.push(new NativeUop(COPY_F64, slot, register.get(slot)!, 0, 0n, 0));
  }

  // Where each old uop starts in the new trace (an exit starts at its spills).
  const start = new Int32Array(trace.uops.length);
  let next = prologue.length;
  for (let i = 0; i < trace.uops.length; i++) {
    start[i] = next;
    next += trace.uops[i].op === EXIT ? spills.length + 1 : 1;
  }
  const uops = prologue.slice();
  for (const uop of trace.uops) {
    if (uop.op === EXIT) uops.push(...spills);
    const target = UOPS[uop.op].target ? start[uop.target] : uop.target;
    uops.push(new NativeUop(uop.op, remap(uop, "a"), remap(uop, "b"), remap(uop, "c"), uop.operand, target));
  }
  return { uops, exitReasons: trace.exitReasons };
}
