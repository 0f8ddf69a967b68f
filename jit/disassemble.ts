/**
 * Disassembly of native executors: an executor's machine code → text, one instruction per line with
 * its address, bytes, mnemonic and operands, under a header naming the uop each range came from.
 * Uses capstone compiled to WebAssembly (`npm:capstone-wasm`), loaded on first use.
 *
 * @example
 * ```ts
 * import { disassembleExecutor } from "./disassemble.ts";
 * // const text = await disassembleExecutor(executor);
 * ```
 * @module
 */
import type { NativeExecutor } from "./native_jit.ts";
import { describeUop } from "./native_trace.ts";
import { pointerAt } from "./native_libs.ts";

/** One decoded instruction. */
export interface Instruction {
  readonly address: number;
  readonly bytes: Uint8Array;
  readonly mnemonic: string;
  readonly operands: string;
}

interface CapstoneInstruction {
  address: number | bigint;
  bytes: Uint8Array;
  mnemonic: string;
  opStr: string;
}
interface CapstoneHandle {
  disasm(code: Uint8Array, options: { address: number | bigint }): CapstoneInstruction[];
  close(): void;
}

let capstone: Promise<CapstoneHandle> | null = null;

function openCapstone(): Promise<CapstoneHandle> {
  capstone ??= (async () => {
    const module = await import("capstone-wasm");
    await module.loadCapstone();
    return new module.Capstone(module.Const.CS_ARCH_X86, module.Const.CS_MODE_64) as CapstoneHandle;
  })();
  return capstone;
}

/** Decodes x86-64 machine code that starts at `address`. */
export async function disassemble(code: Uint8Array, address: number): Promise<Instruction[]> {
  const cs = await openCapstone();
  return cs.disasm(code, { address }).map((insn) => ({
    address: Number(insn.address),
    bytes: insn.bytes,
    mnemonic: insn.mnemonic,
    operands: insn.opStr,
  }));
}

/** A copy of an executor's code bytes (read from its read-execute pages). */
export function executorCode(executor: NativeExecutor): Uint8Array {
  const size = executor.code.codeSize;
  return new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(pointerAt(executor.address)!, size)).slice();
}

/** The executor's code as text: per uop a `; index: UOP fields` header, then its instructions. */
export async function disassembleExecutor(executor: NativeExecutor): Promise<string> {
  const code = executorCode(executor);
  const offsets = executor.code.uopOffsets;
  const uops = executor.trace.uops;
  const lines: string[] = [];
  for (let i = 0; i < uops.length; i++) {
    lines.push(`; ${i}: ${describeUop(uops[i])}`);
    const start = offsets[i];
    const end = offsets[i + 1];
    if (start === end) continue;
    for (const insn of await disassemble(code.subarray(start, end), executor.address + start)) {
      const bytes = Array.from(insn.bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
      lines.push(
        `  ${insn.address.toString(16).padStart(12, "0")}  ${
          bytes.padEnd(32)
        } ${insn.mnemonic} ${insn.operands}`.trimEnd(),
      );
    }
  }
  return lines.join("\n") + "\n";
}
