/**
 * `@pyjit/core`: a Python 3.11 runtime for Deno, with a specializing interpreter and a
 * copy-and-patch JIT. This module is the library's one entry point: run programs, and embed Python
 * in a TypeScript program (see README.md).
 *
 * @example
 * ```ts
 * import { runProgram } from "@pyjit/core";
 * runProgram("print('hello')\n", { filename: "<string>", argv: ["-c"], tier: "jit" });
 * ```
 * @module
 */
export { runProgram, TIER_NAMES } from "./driver/run.ts";
export type { PythonFlags, RunOptions, TierName } from "./driver/run.ts";
export { runCommandLine } from "./driver/command_line.ts";
export { VERSION } from "./driver/version.ts";
export { createRuntime, PythonRuntime } from "./driver/runtime.ts";
export type { ModulePolicy, RunPythonOptions, RuntimeOptions } from "./driver/runtime.ts";
export { isPyProxy, PythonError } from "./driver/ffi.ts";
export type { PyProxy, ToJsOptions } from "./driver/ffi.ts";
