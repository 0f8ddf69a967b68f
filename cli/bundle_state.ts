/**
 * The state of `dist/pyjit.js`, the one-script bundle of the `pyjit` command (built by
 * tools/bundle.ts, run by cli/launcher.ts): whether it is fresh (newer than every file it was made
 * from, listed in `dist/pyjit.inputs.json`), loading it with its V8 code cache
 * (`dist/pyjit.v8cache`), and starting its rebuild, or the training run that makes the cache, in the
 * background.
 *
 * Why a code cache of our own: V8 compiles a function the first time it is called, and a run of
 * pyjit calls a few thousand of them before the first line of Python has been imported. The bundle
 * is therefore a classic script (a function taking what was `import.meta`), loaded with node:vm,
 * whose `createCachedData()` after a run holds the bytecode of every function that run compiled; a
 * training run right after each build writes it, and later runs start from it. Measured alone: the
 * ten-module import of bench/imports.ts 70 → 57 ms (`-c pass` as a whole unchanged).
 * @module
 */
import vm from "node:vm";

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

/**
 * The V8 flags `deno task pyjit` runs with (deno.json's `pyjit` task; tools/bundle_test.ts checks
 * that they agree): V8 accepts a code cache only under the flags it was made with. The stack for
 * deep recursion through builtins (README); a young generation of 16 MB from the start, for a
 * program's first imports, whose objects nearly all survive (fewer scavenges: the ten-module import
 * of bench/imports.ts 49 → 45 ms; the benchmark programs unchanged).
 */
export const LAUNCHER_V8_FLAGS = "--stack-size=4000,--min-semi-space-size=16";

/** Set (to anything) in a launcher's environment, it writes the code cache after its run. */
export const WRITE_CODE_CACHE_ENV = "PYJIT_WRITE_CODE_CACHE";

/** What the bundle's code calls `import.meta` (tools/bundle.ts renames it to this parameter). */
export const BUNDLE_META_PARAMETER = "__pyjitBundleMeta";

/** The bundle's first line, `// pyjit bundle ID`: the id its code cache must carry. */
const BUNDLE_ID_PREFIX = "// pyjit bundle ";

/** The id of a bundle's text (null for text that is not a bundle of tools/bundle.ts). */
export function bundleId(text: string): string | null {
  if (!text.startsWith(BUNDLE_ID_PREFIX)) return null;
  const end = text.indexOf("\n");
  return end < 0 ? null : text.slice(BUNDLE_ID_PREFIX.length, end);
}

/** The first line of `id`'s code cache under this Deno. */
function cacheHeader(id: string): string {
  return `${id} v8 ${Deno.version.v8}\n`;
}

/** A loaded bundle: its `main`, and what became of its code cache. */
export interface LoadedBundle {
  main: (argv: string[]) => number;
  /** "missing": none made for this bundle under this Deno; "rejected": V8 refused it (other flags). */
  codeCache: "accepted" | "rejected" | "missing";
  /** Writes the code cache of what this process has compiled so far (replacing the old one). */
  writeCodeCache(): void;
}

/** Runs the bundle's text (nothing of Python yet: its modules' definitions) with its code cache. */
export function loadBundle(bundle: URL): LoadedBundle {
  const text = Deno.readTextFileSync(bundle);
  const id = bundleId(text);
  if (id === null) throw new Error(`${bundle.pathname} is not a bundle of tools/bundle.ts: rebuild it`);
  const cacheUrl = new URL(CODE_CACHE, ROOT);
  let cachedData: Uint8Array | undefined;
  try {
    const bytes = Deno.readFileSync(cacheUrl);
    const header = new TextEncoder().encode(cacheHeader(id));
    if (header.every((b, i) => bytes[i] === b)) cachedData = bytes.subarray(header.length);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(text, { filename: bundle.href, cachedData });
  const factory = script.runInThisContext() as (
    meta: { url: string; main: boolean; pyjitBundleId: string },
  ) => { main: (argv: string[]) => number };
  // pyjitBundleId: vm/code_cache.ts keys compiled Python on it (it names the compiler inside).
  const { main } = factory({ url: bundle.href, main: false, pyjitBundleId: id });
  return {
    main,
    codeCache: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted",
    writeCodeCache() {
      const data = script.createCachedData();
      const header = new TextEncoder().encode(cacheHeader(id));
      const out = new Uint8Array(header.length + data.length);
      out.set(header);
      out.set(data, header.length);
      const temporary = `${CODE_CACHE}.${Deno.pid}.tmp`;
      Deno.writeFileSync(new URL(temporary, ROOT), out);
      Deno.renameSync(new URL(temporary, ROOT), cacheUrl);
    },
  };
}

/** Held by a run that started a rebuild; released by the rebuild (`--release-lock`). */
export const BUILD_LOCK = "dist/.building";

/**
 * How long a rebuild may hold its lock before another run may start one (a build and its training
 * run take a few seconds).
 */
const LOCK_EXPIRES_MS = 60_000;

/**
 * Starts a rebuild of the bundle and its code cache (or, with `codeCacheOnly`, the training run
 * alone) in a process of its own that outlives this one, unless one is running.
 */
export function rebuildInBackground(codeCacheOnly = false): void {
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
