/**
 * A command for `--dump-traces`: x86-64 machine code (hex) cut into ranges → per range, its
 * instructions as text, printed as one JSON array. Run as a subprocess by jit/native_dump.ts, which
 * must answer synchronously while capstone only loads asynchronously.
 *
 * Usage: `deno run -A jit/native_disasm_main.ts ADDRESS HEX OFFSETS` (OFFSETS: comma-separated range
 * starts in bytes, the last one the end).
 *
 * @example
 * ```ts
 * // deno run -A jit/native_disasm_main.ts 4096 c3 0,1   →   [["0000000001000  c3  ret"]]
 * ```
 * @module
 */
import { disassemble } from "./disassemble.ts";

/** The instructions of each range, one line each. */
export async function disassembleRanges(
  code: Uint8Array,
  address: number,
  offsets: number[],
): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    const [start, end] = [offsets[i], offsets[i + 1]];
    if (start === end) {
      out.push([]);
      continue;
    }
    const lines = (await disassemble(code.subarray(start, end), address + start)).map((insn) => {
      const bytes = Array.from(insn.bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
      return `${insn.address.toString(16).padStart(12, "0")}  ${
        bytes.padEnd(32)
      } ${insn.mnemonic} ${insn.operands}`
        .trimEnd();
    });
    out.push(lines);
  }
  return out;
}

if (import.meta.main) {
  const [address, hex, offsets] = Deno.args;
  const code = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  const ranges = await disassembleRanges(code, Number(address), offsets.split(",").map(Number));
  console.log(JSON.stringify(ranges));
}
