/**
 * `deno task pyjit` in a checkout: the `pyjit` command, started from the bundle `dist/pyjit.js`
 * (tools/bundle.ts) with its V8 code cache when the bundle is newer than every file it was made
 * from, else from the modules (cli/main.ts), with a rebuild of the bundle started in the
 * background for the next run. In: the command line. Out: what the command's `main` returns, as the
 * exit status.
 *
 * One script starts about 60 ms sooner than pyjit's ~190 modules under the V8 flag `--stack-size`,
 * with which Deno cannot use V8's code cache; the bundle's own code cache (cli/bundle_loader.ts)
 * then spares the compilation of the functions a run calls. With `PYJIT_LAUNCHER_REPORT` set, it
 * says on stderr which it ran (tools/bundle_test.ts reads it). Not published (the published
 * package's cli/entry.ts keeps a bundle of its own: cli/published_bundle.ts).
 * @module
 */
import { loadBundle, WRITE_CODE_CACHE_ENV } from "./bundle_loader.ts";
import { codeCachePath, freshBundle, rebuildInBackground } from "./bundle_state.ts";

const env = (name: string) => Deno.env.get(name) !== undefined;
const bundle = freshBundle();
if (bundle === null) {
  rebuildInBackground();
  if (env("PYJIT_LAUNCHER_REPORT")) console.error("pyjit launcher: the modules (the bundle is stale)");
  // Not a literal specifier: for a static one Deno would load the modules' graph up front.
  const entry = new URL(["main", "ts"].join("."), import.meta.url);
  const { main } = await import(entry.href) as { main: (argv: string[]) => number };
  Deno.exit(main(Deno.args));
}
const loaded = loadBundle(Deno.readTextFileSync(bundle), bundle, codeCachePath());
const training = env(WRITE_CODE_CACHE_ENV);
if (env("PYJIT_LAUNCHER_REPORT")) console.error(`pyjit launcher: the bundle, code cache ${loaded.codeCache}`);
// None for this bundle under this Deno (made after each build; lost when Deno was upgraded).
if (loaded.codeCache === "missing" && !training) rebuildInBackground(true);
const status = loaded.main(Deno.args);
if (training) loaded.writeCodeCache();
Deno.exit(status);
