/**
 * The state of `dist/pyjit.js`, the one-script bundle of the `pyjit` command (built by
 * tools/bundle.ts, run by cli/launcher.ts): whether it is fresh (newer than every file it was made
 * from, listed in `dist/pyjit.inputs.json`), and starting its rebuild in the background.
 * @module
 */

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

/** Held by a run that started a rebuild; released by the rebuild (`--release-lock`). */
export const BUILD_LOCK = "dist/.building";

/** How long a rebuild may hold its lock before another run may start one (a build takes ~1 s). */
const LOCK_EXPIRES_MS = 60_000;

/** Starts a rebuild in a process of its own that outlives this one, unless one is running. */
export function rebuildInBackground(): void {
  try {
    const lock = new URL(BUILD_LOCK, ROOT);
    Deno.mkdirSync(new URL("dist/", ROOT), { recursive: true });
    try {
      Deno.writeTextFileSync(lock, String(Deno.pid), { createNew: true });
    } catch {
      if (Date.now() - (Deno.statSync(lock).mtime?.getTime() ?? 0) < LOCK_EXPIRES_MS) return;
      Deno.writeTextFileSync(lock, String(Deno.pid));
    }
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", new URL("tools/bundle.ts", ROOT).pathname, "--release-lock"],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn().unref();
  } catch {
    // Without permission to write dist/ or to run deno: the modules serve every run.
  }
}
