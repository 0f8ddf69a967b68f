/**
 * `deno task pyjit` in a checkout: the `pyjit` command, started from the bundle `dist/pyjit.js`
 * (tools/bundle.ts) when it is newer than every file it was made from, else from the modules
 * (cli/main.ts), with a rebuild of the bundle started in the background for the next run. In: the
 * command line. Out: what cli/main.ts's `main` returns, as the exit status.
 *
 * One script starts about 60 ms sooner than pyjit's ~190 modules under the V8 flag `--stack-size`,
 * with which Deno cannot use V8's code cache. Not published (the JSR package runs cli/main.ts).
 * @module
 */
import { freshBundle, rebuildInBackground } from "./bundle_state.ts";

const bundle = freshBundle();
if (bundle === null) rebuildInBackground();
// Not a literal specifier: for a static one Deno would load the modules' graph up front.
const entry = bundle ?? new URL(["main", "ts"].join("."), import.meta.url);
const { main } = await import(entry.href) as { main: (argv: string[]) => number };
Deno.exit(main(Deno.args));
