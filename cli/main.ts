/**
 * The `pyjit` command: a Python 3.11 runtime for Deno, with CPython's command line.
 *
 *   pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Exit status 0, 1 on an uncaught exception (CPython's traceback on stderr), 2 on a usage error or
 * a missing file, the code of SystemExit; an uncaught KeyboardInterrupt ends it by SIGINT. The
 * options are CPython's (`-c`, `-m`, `-i`, `-u`, `-O`, `-E`, `-I`, `-q`, `-W`, `-X`, …) plus pyjit's
 * `--tier`, `--jit-backend`, `--jit-param`, `--stats` and `--dump-traces`; see README.md.
 *
 * @example Run a script, or start the interactive session
 * ```sh
 * deno run -A jsr:@pyjit/cli script.py
 * deno install -g -A -n pyjit jsr:@pyjit/cli && pyjit
 * ```
 * @module
 */
import { runCommandLine } from "@pyjit/core";

/**
 * Runs the command line `argv` (without the program name) and returns the exit status.
 *
 * @example
 * ```ts
 * import { main } from "@pyjit/cli";
 * const status = main(["-c", "print(6 * 7)"]);
 * ```
 */
export function main(argv: string[]): number {
  return runCommandLine(argv);
}

if (import.meta.main) {
  Deno.exit(main(Deno.args));
}
