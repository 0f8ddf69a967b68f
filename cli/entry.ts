/**
 * What `deno run jsr:@pyjit/cli` runs: the `pyjit` command, a Python 3.11 runtime for Deno, with
 * CPython's command line.
 *
 *   pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Exit status 0, 1 on an uncaught exception (CPython's traceback on stderr), 2 on a usage error or
 * a missing file, the code of SystemExit; an uncaught KeyboardInterrupt ends it by SIGINT. The
 * options are CPython's (`-c`, `-m`, `-i`, `-u`, `-O`, `-E`, `-I`, `-q`, `-W`, `-X`, …) plus pyjit's
 * `--tier`, `--jit-backend`, `--jit-param`, `--stats` and `--dump-traces`; see README.md.
 *
 * Run as the published package, the command starts from the package's one-script bundle with a V8
 * code cache kept in the user's cache folder (cli/published_bundle.ts), which spares loading and
 * compiling pyjit's ~190 modules; until that is ready, and when imported as a library, it runs
 * from the modules (cli/main.ts, which a checkout runs directly). It imports them by a computed
 * specifier: a literal one, even in a branch not taken, makes Deno load their whole graph before
 * the first line runs (40 ms of each start, measured through tools/fake_jsr.ts).
 *
 * @example Run a script, or start the interactive session
 * ```sh
 * deno run -A jsr:@pyjit/cli script.py
 * deno install -g -A -n pyjit jsr:@pyjit/cli && pyjit
 * ```
 * @module
 */
import { envSet, PREPARE_ENV, prepareBundle, startPublishedBundle } from "./published_bundle.ts";

if (import.meta.main && envSet(PREPARE_ENV)) {
  await prepareBundle(new URL(import.meta.url));
  Deno.exit(0);
}

type Main = (argv: string[]) => number;

/** The command run from the modules (by a computed specifier: see above). */
async function fromModules(): Promise<Main> {
  const modules = new URL(["main", "ts"].join("."), import.meta.url);
  return (await import(modules.href) as { main: Main }).main;
}

const run: Main = (import.meta.main ? startPublishedBundle(new URL(import.meta.url)) : null) ??
  await fromModules();

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
  return run(argv);
}

if (import.meta.main) {
  Deno.exit(main(Deno.args));
}
