/**
 * `--dump-traces` for native traces: a compiled native trace → text: its native uops (after
 * register allocation), its exits (reason, where the interpreter resumes), and under one header per
 * uop the machine code it became, disassembled by capstone. Capstone loads asynchronously and the
 * dump is written while the program runs, so the disassembly is made by a subprocess
 * (jit/native_disasm_main.ts); where that cannot run (no permission to run subprocesses), the
 * bytes are shown in hex instead.
 *
 * @example
 * ```ts
 * import { describeNativeTrace } from "./native_dump.ts";
 * // writeStderr(describeNativeTrace(compiled));
 * ```
 * @module
 */
import type { NativeCompiledTrace } from "./native_executor.ts";
import type { NativeExecutor } from "./native_jit.ts";
import { pointerAt } from "./native_libs.ts";
import { describeUop, exitReasonName } from "./native_trace.ts";

/**
 * A copy of an executor's code bytes. (Read here rather than with jit/disassemble.ts's: that module
 * names capstone, and whatever the runtime imports, Deno fetches before the program starts.)
 */
function machineCode(executor: NativeExecutor): Uint8Array {
  const size = executor.code.codeSize;
  return new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(pointerAt(executor.address)!, size)).slice();
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Per uop, its instructions disassembled (null when the disassembler cannot run). */
function disassembleUops(code: Uint8Array, address: number, offsets: readonly number[]): string[][] | null {
  try {
    // From jit/ or from the bundle in dist/ (tools/bundle.ts) alike.
    const script = new URL("../jit/native_disasm_main.ts", import.meta.url);
    const config = new URL("../deno.json", import.meta.url);
    if (script.protocol !== "file:") return null;
    const output = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "-A",
        "--config",
        config.pathname,
        script.pathname,
        String(address),
        hex(code),
        offsets.join(","),
      ],
      stdin: "null",
      stderr: "piped",
      stdout: "piped",
    }).outputSync();
    if (!output.success) return null;
    return JSON.parse(new TextDecoder().decode(output.stdout)) as string[][];
  } catch {
    return null;
  }
}

/** The native part of a trace's dump. */
export function describeNativeTrace(t: NativeCompiledTrace): string {
  const { executor, uopCount, codeBytes, compileMicros, lowering } = t.native;
  const lines = [
    `  native: ${uopCount} uops, ${codeBytes} bytes of machine code, compiled in ${
      compileMicros.toFixed(1)
    } µs`,
  ];
  lowering.exits.forEach((e, i) => {
    lines.push(
      `  exit ${i}: ${exitReasonName(e.reason)} → resume at ${e.resume}${
        e.branch ? ` (branch ${e.branch})` : ""
      }`,
    );
  });
  const uops = executor.trace.uops;
  const offsets = [...executor.code.uopOffsets.slice(0, uops.length + 1)];
  const code = machineCode(executor);
  const listing = disassembleUops(code, executor.address, offsets);
  for (let i = 0; i < uops.length; i++) {
    lines.push(`  ; ${i}: ${describeUop(uops[i])}`);
    if (listing !== null) { for (const line of listing[i]) lines.push(`    ${line}`); }
    else lines.push(`    ${hex(code.subarray(offsets[i], offsets[i + 1]))}`);
  }
  return lines.join("\n");
}
