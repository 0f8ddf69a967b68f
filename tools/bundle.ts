/**
 * `deno task bundle`: the `pyjit` command of a checkout as one JavaScript file. In: cli/main.ts and
 * every local module it imports. Out: `dist/pyjit.js` (`deno bundle`'s output made a classic script:
 * one function of what was `import.meta`, headed by a build id), `dist/pyjit.inputs.json` (the files
 * it was made from) and `dist/pyjit.v8cache` (V8's code cache after a training run of
 * tools/code_cache_training.py under the launcher's flags); all ignored by git.
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
 *   deno run -A tools/bundle.ts --code-cache-only   # the training run alone (a cache made by another Deno)
 * @module
 */

import { BUILD_LOCK, BUNDLE, BUNDLE_INPUTS, freshBundle, LAUNCHER_V8_FLAGS } from "../cli/bundle_state.ts";
import { BUNDLE_META_PARAMETER, WRITE_CODE_CACHE_ENV } from "../cli/bundle_loader.ts";

const ROOT = new URL("../", import.meta.url);

/** The bundle's entry: the command's `main`, run from the modules. */
const ENTRY = "cli/main.ts";

/** The local files of the entry's module graph, relative to the repository. */
function inputFiles(deno: string): string[] {
  const out = new Deno.Command(deno, {
    args: ["info", "--json", ENTRY],
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

/**
 * `deno bundle`'s ES module as a classic script that node:vm can run with a code cache (ES modules
 * have no such API): `// pyjit bundle ID`, then a strict function of what `import.meta` was that
 * returns the module's exports. Refuses output whose shape it does not know.
 */
export function classicScript(esm: string, id: string): string {
  const exportsAtEnd = /\nexport \{\s*main\s*\};\s*$/;
  if (!exportsAtEnd.test(esm)) throw new Error("the bundle does not end by exporting main alone");
  const body = esm.replace(exportsAtEnd, "\n");
  if (/^(import|export)\b/m.test(body)) throw new Error("the bundle has another import or export statement");
  if (body.includes(BUNDLE_META_PARAMETER)) {
    throw new Error(`the bundle already uses ${BUNDLE_META_PARAMETER}`);
  }
  const renamed = body.replace(/\bimport\.meta\b/g, BUNDLE_META_PARAMETER);
  return `// pyjit bundle ${id}\n(function (${BUNDLE_META_PARAMETER}) {\n"use strict";\n${renamed}return { main };\n})\n`;
}

/**
 * Runs tools/code_cache_training.py under the launcher (with its flags), which then writes the code
 * cache of the bundle; returns why it failed, or null. The bundle must be fresh.
 */
export function trainCodeCache(deno = Deno.execPath()): string | null {
  if (freshBundle() === null) return "the bundle is stale";
  const out = new Deno.Command(deno, {
    args: [
      "run",
      "-A",
      `--v8-flags=${LAUNCHER_V8_FLAGS}`,
      "cli/launcher.ts",
      "tools/code_cache_training.py",
    ],
    cwd: ROOT,
    env: { [WRITE_CODE_CACHE_ENV]: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  return out.success ? null : `the training run failed: ${new TextDecoder().decode(out.stderr)}`;
}

/** Builds the bundle and, after it, its code cache; returns the number of input files. */
export function buildBundle(deno = Deno.execPath()): number {
  const started = new Date();
  const inputs = inputFiles(deno);
  Deno.mkdirSync(new URL("dist/", ROOT), { recursive: true });
  const temporary = `${BUNDLE}.${Deno.pid}.tmp.js`;
  const out = new Deno.Command(deno, {
    args: ["bundle", "--quiet", ENTRY, "-o", temporary],
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
  const esm = Deno.readTextFileSync(new URL(temporary, ROOT));
  const id = `${started.getTime()}-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  Deno.writeTextFileSync(new URL(temporary, ROOT), classicScript(esm, id));
  Deno.writeTextFileSync(new URL(BUNDLE_INPUTS, ROOT), JSON.stringify({ inputs }, null, 1) + "\n");
  Deno.utimeSync(new URL(temporary, ROOT), started, started);
  Deno.renameSync(new URL(temporary, ROOT), new URL(BUNDLE, ROOT));
  const failure = trainCodeCache(deno);
  // The bundle runs without a cache, only slower to start; the next run will try again.
  if (failure !== null) console.error(`${CODE_CACHE_NOTE}: ${failure}`);
  return inputs.length;
}

const CODE_CACHE_NOTE = "dist/pyjit.v8cache not written";

if (import.meta.main) {
  const t0 = performance.now();
  try {
    if (Deno.args.includes("--code-cache-only")) {
      const failure = trainCodeCache();
      if (failure !== null) console.error(`${CODE_CACHE_NOTE}: ${failure}`);
    } else {
      const n = buildBundle();
      console.log(`${BUNDLE}: ${n} modules in ${Math.round(performance.now() - t0)} ms`);
    }
  } finally {
    // Started by cli/launcher.ts, which took this lock so that one rebuild runs at a time.
    if (Deno.args.includes("--release-lock")) {
      try {
        Deno.removeSync(new URL(BUILD_LOCK, ROOT));
      } catch { /* already gone */ }
    }
  }
}
