/**
 * The state of `dist/pyjit.js`, the one-script bundle of the `pyjit` command in a checkout (built
 * by tools/bundle.ts, run by cli/launcher.ts with cli/bundle_loader.ts): whether it is fresh (newer
 * than every file it was made from, listed in `dist/pyjit.inputs.json`), where its V8 code cache
 * is kept (`dist/pyjit.v8cache`), and starting its rebuild, or the training run that makes the
 * cache, in the background. Not published (a published package keeps its bundle in the user's
 * cache folder: cli/published_bundle.ts).
 * @module
 */
import { takeLock } from "./bundle_loader.ts";

const ROOT = new URL("../", import.meta.url);
/** Where the bundle and its list of inputs go (relative to the repository). */
export const BUNDLE = "dist/pyjit.js";
export const BUNDLE_INPUTS = "dist/pyjit.inputs.json";

/** The bundle when it is at least as new as each of its inputs; else null. */
export function freshBundle(): URL | null {
  if (ROOT.protocol !== "file:") return null;
  try {
    const bundle = new URL(BUNDLE, ROOT);
    const built = Deno.statSync(bundle).mtime!.getTime();
    const list = JSON.parse(Deno.readTextFileSync(new URL(BUNDLE_INPUTS, ROOT)));
    for (const input of list.inputs as string[]) {
      if (Deno.statSync(new URL(input, ROOT)).mtime!.getTime() > built) return null;
    }
    return bundle;
  } catch {
    return null; // not built, or an input is gone
  }
}

/** The V8 code cache of the bundle: a header line (the bundle's id and V8's version), then V8's data. */
export const CODE_CACHE = "dist/pyjit.v8cache";

/** The bundle's code cache, as a path. */
export function codeCachePath(): string {
  return new URL(CODE_CACHE, ROOT).pathname;
}

/**
 * The V8 flags `deno task pyjit` runs with (deno.json's `pyjit` task; tools/bundle_test.ts checks
 * that they agree): V8 accepts a code cache only under the flags it was made with. The stack for
 * deep recursion through builtins (README); a young generation of 16 MB from the start, for a
 * program's first imports, whose objects nearly all survive (fewer scavenges: the ten-module import
 * of bench/imports.ts 49 → 45 ms; the benchmark programs unchanged).
 */
export const LAUNCHER_V8_FLAGS = "--stack-size=4000,--min-semi-space-size=16";

/** Held by a run that started a rebuild; released by the rebuild (`--release-lock`). */
export const BUILD_LOCK = "dist/.building";

/**
 * Starts a rebuild of the bundle and its code cache (or, with `codeCacheOnly`, the training run
 * alone) in a process of its own that outlives this one, unless one is running.
 */
export function rebuildInBackground(codeCacheOnly = false): void {
  try {
    Deno.mkdirSync(new URL("dist/", ROOT), { recursive: true });
    if (!takeLock(new URL(BUILD_LOCK, ROOT).pathname)) return;
    new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        new URL("tools/bundle.ts", ROOT).pathname,
        "--release-lock",
        ...(codeCacheOnly ? ["--code-cache-only"] : []),
      ],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn().unref();
  } catch {
    // Without permission to write dist/ or to run deno: the modules serve every run.
  }
}
