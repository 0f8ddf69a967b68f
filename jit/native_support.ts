/**
 * Platform and permission check for the native JIT → `{ available, reason }`. The runtime calls
 * `nativeJitSupport()` once; when it says no, it runs tiers 1–2 and reports the reason ("no native
 * JIT: …"). Native code needs x86-64 Linux (the stencils are x86-64 System V ELF) and `--allow-ffi`.
 *
 * @example
 * ```ts
 * import { nativeJitSupport } from "./native_support.ts";
 * const support = nativeJitSupport();
 * if (!support.available) console.error(support.reason);
 * ```
 * @module
 */

/** Whether the native JIT can run here, and if not, why (a sentence starting "no native JIT"). */
export interface NativeJitSupport {
  readonly available: boolean;
  readonly reason: string;
}

/** Checks the platform and the FFI permission (without prompting). */
export function nativeJitSupport(): NativeJitSupport {
  const { os, arch } = Deno.build;
  if (os !== "linux" || arch !== "x86_64") {
    return { available: false, reason: `no native JIT: it needs x86-64 Linux, this is ${arch} ${os}` };
  }
  let state: string;
  try {
    state = Deno.permissions.querySync({ name: "ffi" }).state;
  } catch (error) {
    return { available: false, reason: `no native JIT: cannot query the FFI permission (${error})` };
  }
  if (state !== "granted") {
    return { available: false, reason: "no native JIT: FFI is not permitted (run with --allow-ffi)" };
  }
  return { available: true, reason: "native JIT available (x86-64 Linux, FFI permitted)" };
}
