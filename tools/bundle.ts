/**
 * `deno task bundle`: the `pyjit` command of a checkout as one JavaScript file. In: cli/main.ts and
 * every local module it imports. Out: `dist/pyjit.js` (`deno bundle`'s output) and
 * `dist/pyjit.inputs.json`, the files it was made from; both ignored by git.
 *
 * Why: a process that loads pyjit's ~190 modules one by one spends about 60 ms more before the first
 * Python line than one that loads a single script, once the V8 flag `--stack-size` (which the
 * `pyjit` task passes, for deep recursion through builtins) keeps Deno from using V8's code cache.
 * cli/launcher.ts (`deno task pyjit`) runs the bundle when it is newer than every input, and the
 * modules otherwise, starting this build in the background.
 *
 * The bundle's modification time is set to when the build started, so that an input edited during
 * the build leaves it stale. Written beside its final name and renamed: a concurrent run never sees
 * half a bundle.
 *
 *   deno task bundle
 *   deno run -A tools/bundle.ts --release-lock   # as cli/launcher.ts starts it: removes dist/.building
 * @module
 */

import { BUILD_LOCK, BUNDLE, BUNDLE_INPUTS } from "../cli/bundle_state.ts";

const ROOT = new URL("../", import.meta.url);

/** The local files of cli/main.ts's module graph, relative to the repository. */
function inputFiles(deno: string): string[] {
  const out = new Deno.Command(deno, {
    args: ["info", "--json", "cli/main.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  if (!out.success) throw new Error(`deno info failed: ${new TextDecoder().decode(out.stderr)}`);
  const graph = JSON.parse(new TextDecoder().decode(out.stdout)) as { modules: { specifier: string }[] };
  const root = ROOT.href;
  return graph.modules.map((m) => m.specifier).filter((s) => s.startsWith(root)).map((s) =>
    decodeURIComponent(s.slice(root.length))
  ).sort();
}

/** Builds the bundle; returns the number of input files. */
export function buildBundle(deno = Deno.execPath()): number {
  const started = new Date();
  const inputs = inputFiles(deno);
  Deno.mkdirSync(new URL("dist/", ROOT), { recursive: true });
  const temporary = `${BUNDLE}.${Deno.pid}.tmp.js`;
  const out = new Deno.Command(deno, {
    args: ["bundle", "--quiet", "cli/main.ts", "-o", temporary],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  if (!out.success) {
    try {
      Deno.removeSync(new URL(temporary, ROOT));
    } catch { /* never written */ }
    throw new Error(`deno bundle failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  Deno.writeTextFileSync(new URL(BUNDLE_INPUTS, ROOT), JSON.stringify({ inputs }, null, 1) + "\n");
  Deno.utimeSync(new URL(temporary, ROOT), started, started);
  Deno.renameSync(new URL(temporary, ROOT), new URL(BUNDLE, ROOT));
  return inputs.length;
}

if (import.meta.main) {
  const t0 = performance.now();
  try {
    const n = buildBundle();
    console.log(`${BUNDLE}: ${n} modules in ${Math.round(performance.now() - t0)} ms`);
  } finally {
    // Started by cli/launcher.ts, which took this lock so that one rebuild runs at a time.
    if (Deno.args.includes("--release-lock")) {
      try {
        Deno.removeSync(new URL(BUILD_LOCK, ROOT));
      } catch { /* already gone */ }
    }
  }
}
