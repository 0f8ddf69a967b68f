/**
 * `@pyjit/core`: a Python 3.11 runtime for Deno, written in TypeScript: a bytecode interpreter, a
 * specializing adaptive interpreter (PEP 659) and a tracing JIT that compiles hot loops to
 * JavaScript, and their numeric parts to x86-64 machine code by copy-and-patch (PEP 744). It follows
 * CPython 3.11's semantics, output and tracebacks, starts in about 130 ms, and runs inside Deno's
 * permission sandbox. This module is the package's one entry point. (The `pyjit` command is the
 * package `@pyjit/cli`.)
 *
 * ## Install
 *
 * ```sh
 * deno add jsr:@pyjit/core
 * ```
 *
 * ## Embed Python in TypeScript
 *
 * The verbs are Pyodide's, with the same meaning. `createRuntime(options)` makes a runtime with its
 * own `__main__`, `sys.modules` and streams (several in one process are independent).
 * `runPython(source)` returns the value of the last expression statement; `runPythonAsync(source)`
 * lets the code `await` at its top level (JavaScript promises and Python coroutines);
 * `globals.get/set`; `pyimport(name)`; `registerJsModule(name, object)`; `import js` reaches
 * `globalThis`; `toPy(value)`.
 *
 * ```ts
 * import { createRuntime, PythonError } from "@pyjit/core";
 *
 * const py = createRuntime({ stdout: (text) => console.log(text.trimEnd()) });
 * py.runPython("def greet(name, punctuation='!'):\n    return f'hello {name}{punctuation}'");
 * const greet = py.globals.get("greet");
 * console.log(greet("Deno"), greet.callKwargs("Deno", { punctuation: "?" })); // hello Deno! hello Deno?
 * py.registerJsModule("host", { twice: (n: number) => 2 * n });
 * console.log(py.runPython("import host\nhost.twice(21)")); // 42
 * try {
 *   py.runPython("1 / 0");
 * } catch (e) {
 *   if (e instanceof PythonError) console.log(e.type, e.message); // ZeroDivisionError division by zero
 * }
 * ```
 *
 * Values convert at the boundary: `None` ↔ `undefined`/`null`; `bool`; `int` ↔ `number` (a `bigint`
 * beyond 2⁵³); `float` → `number`; `str`; `list`/`tuple` ↔ `Array`; `dict` ↔ `Map` (or plain
 * objects with `dictsAsObjects`); `set` ↔ `Set`; `bytes` ↔ `Uint8Array`; a coroutine → a `Promise`.
 * Everything else is a proxy: a `PyProxy` (a Python object in TypeScript: callable, with keyword
 * arguments through `callKwargs`, its attributes as properties, `get`/`set`/`has`/`delete` for
 * items, iterable, `toJs()`), or in Python a `JsProxy`. A Python exception reaches TypeScript as a
 * `PythonError` (`type`, `message`, `traceback`); a TypeScript exception arrives in Python as
 * `pyjit.ffi.JsException`, which `except` catches.
 *
 * `RuntimeOptions`: `tier`, `argv`, `path` (`sys.path` directories: none by default, so code imports
 * only the standard library and registered modules), `stdout`/`stderr`/`stdin` callbacks,
 * `modules` (`{ allow }` or `{ deny }`), `timeLimitMs` and `stepLimit` (a budget per call, after
 * which the code gets `KeyboardInterrupt`), `recursionLimit`, `jsGlobals`, `dictsAsObjects`.
 *
 * ## Run programs
 *
 * `runProgram(source, options)` runs a whole program as the `pyjit` command does (its exit status);
 * `runCommandLine(argv)` is the command line itself (CPython's options, plus `--tier`,
 * `--jit-backend`, `--jit-param`, `--stats`, `--dump-traces`).
 *
 * ## Tiers
 *
 * `tier: "interp"` is the generic interpreter (CPython 3.10's design); `"specialized"` adds PEP 659's
 * quickening and inline caches; `"jit"` (the default) also records hot loops into traces and
 * compiles them. The native backend needs `--allow-ffi` on x86-64 Linux; elsewhere the JavaScript
 * backend runs every trace.
 *
 * ## Permissions
 *
 * The sandbox is Deno's permissions: whatever the Python code touches (files, the environment,
 * subprocesses, FFI) is checked, and a refusal is a Python `PermissionError`, never a prompt. Code
 * that touches no files needs no permission; reading a script needs `--allow-read` for it; the
 * native JIT and Ctrl-C as `KeyboardInterrupt` need `--allow-ffi`. Deep recursion through builtins
 * (`map`, `sorted(key=…)`, `repr`) reaches CPython's depth with a 4 MB JavaScript stack:
 * `--v8-flags=--stack-size=4000`.
 *
 * @example Run a program
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
