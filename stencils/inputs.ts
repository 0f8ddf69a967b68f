/**
 * The stencil build's inputs → their sha256 digest. The digest covers the C sources, the uop table,
 * the compiler flags and the clang version string; `stencils/build.ts` writes it into the generated
 * table and `stencils/check.ts` recomputes it (without a compiler) to prove the table is current.
 *
 * @example
 * ```ts
 * import { inputDigest } from "./inputs.ts";
 * console.log(await inputDigest("Debian clang version 19.1.7 (3~deb12u1)"));
 * ```
 * @module
 */

/** The compiler every stencil is built with. */
export const CLANG = "clang-19";

/**
 * CPython's flags for x86-64 Linux stencils (Tools/jit/_targets.py): no PIC, the medium code model
 * (small objects such as the slot-offset symbols get 32-bit displacements, large ones such as
 * `_JIT_OPERAND` get movabs), calls through the GOT, no unwind tables, no builtins, and -Os
 * because tail duplication and alignment padding hurt code laid end to end.
 */
export const STENCIL_FLAGS: readonly string[] = [
  "-Os",
  "-std=c11",
  "-fno-pic",
  "-mcmodel=medium",
  "-fno-plt",
  "-fno-asynchronous-unwind-tables",
  "-fno-builtin",
  "-fno-stack-protector",
  "-fno-jump-tables",
  "-ffunction-sections",
  "-Wall",
  "-Werror",
];

/** Stencils are compiled to assembly (-S), straightened (optimize_asm.ts), then assembled with these. */
export const ASSEMBLER_FLAGS: readonly string[] = ["-c", "-x", "assembler"];

/** Flags of the entry trampoline, a normal shared object opened with Deno.dlopen. */
export const TRAMPOLINE_FLAGS: readonly string[] = [
  "-O2",
  "-shared",
  "-fPIC",
  "-nostdlib",
  "-fuse-ld=lld",
  "-Wl,--build-id=none",
  "-Wl,-s",
  "-Wall",
  "-Werror",
];

/** Input files, relative to the repository root; their bytes go into the digest. */
export const INPUT_FILES: readonly string[] = [
  "stencils/template.h",
  "stencils/locations.h",
  "stencils/uops.c",
  "stencils/trampoline.c",
  "stencils/optimize_asm.ts",
  "instructions/native_uops.ts",
];

/** The repository root, as a file URL ending in `/`. */
export const ROOT: URL = new URL("../", import.meta.url);

/** sha256 (hex) of the input files, the flags and the clang version string. */
export async function inputDigest(clangVersion: string): Promise<string> {
  const parts: string[] = [];
  for (const path of INPUT_FILES) {
    parts.push(`file ${path}\n${await Deno.readTextFile(new URL(path, ROOT))}\n`);
  }
  parts.push(`stencil flags ${STENCIL_FLAGS.join(" ")}\n`);
  parts.push(`assembler flags ${ASSEMBLER_FLAGS.join(" ")}\n`);
  parts.push(`trampoline flags ${TRAMPOLINE_FLAGS.join(" ")}\n`);
  parts.push(`clang ${clangVersion}\n`);
  const bytes = new TextEncoder().encode(parts.join(""));
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}
