/**
 * Running pyjit's one-script bundle (tools/bundle.ts) with a V8 code cache: in, the bundle's text
 * and the file its code cache is kept in; out, the bundle's `main` and a way to write the cache.
 * Shared by the two places a bundle lives: a checkout's `dist/` (cli/bundle_state.ts, for
 * `deno task pyjit`) and the published package's copy in the user's cache folder
 * (cli/published_bundle.ts, for `deno run jsr:@pyjit/cli`).
 *
 * Why a code cache of our own: V8 compiles a function the first time it is called, and a run of
 * pyjit calls a few thousand of them before the first line of Python has been imported. The bundle
 * is therefore a classic script (a function taking what was `import.meta`), loaded with node:vm,
 * whose `createCachedData()` after a run holds the bytecode of every function that run compiled; a
 * training run writes it, and later runs start from it. Measured alone: the ten-module import of
 * bench/imports.ts 70 → 57 ms.
 * @module
 */
import vm from "node:vm";

/** Set (to anything) in a run's environment, it writes the code cache after its run. */
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
function cacheHeader(id: string): Uint8Array {
  return new TextEncoder().encode(`${id} v8 ${Deno.version.v8}\n`);
}

/** A loaded bundle: its `main`, and what became of its code cache. */
export interface LoadedBundle {
  main: (argv: string[]) => number;
  /** "missing": none made for this bundle under this Deno; "rejected": V8 refused it (other flags). */
  codeCache: "accepted" | "rejected" | "missing";
  /** Writes the code cache of what this process has compiled so far (replacing the old one). */
  writeCodeCache(): void;
}

/**
 * Runs a bundle's text (nothing of Python yet: its modules' definitions) with the code cache kept
 * in `cacheFile` (a path; missing or another bundle's: none). `url` is what the bundle's
 * `import.meta.url` becomes.
 */
export function loadBundle(text: string, url: URL, cacheFile: string): LoadedBundle {
  const id = bundleId(text);
  if (id === null) throw new Error(`${url.href} is not a bundle of tools/bundle.ts: rebuild it`);
  const header = cacheHeader(id);
  let cachedData: Uint8Array | undefined;
  try {
    const bytes = Deno.readFileSync(cacheFile);
    if (header.every((b, i) => bytes[i] === b)) cachedData = bytes.subarray(header.length);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(text, { filename: url.href, cachedData });
  const factory = script.runInThisContext() as (
    meta: { url: string; main: boolean; pyjitBundleId: string },
  ) => { main: (argv: string[]) => number };
  // pyjitBundleId: vm/code_cache.ts keys compiled Python on it (it names the compiler inside).
  const { main } = factory({ url: url.href, main: false, pyjitBundleId: id });
  return {
    main,
    codeCache: cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted",
    writeCodeCache() {
      const data = script.createCachedData();
      const out = new Uint8Array(header.length + data.length);
      out.set(header);
      out.set(data, header.length);
      // Written beside its name and renamed: a concurrent run never reads half a cache.
      const temporary = `${cacheFile}.${Deno.pid}.tmp`;
      Deno.writeFileSync(temporary, out);
      Deno.renameSync(temporary, cacheFile);
    },
  };
}

/**
 * How long a background build may hold its lock before another run may start one (a build and its
 * training run take a few seconds).
 */
const LOCK_EXPIRES_MS = 60_000;

/**
 * Takes the lock file `path` for a background build (true), unless another run holds it and has
 * held it for less than LOCK_EXPIRES_MS (false). The build removes the file when it ends.
 */
export function takeLock(path: string): boolean {
  try {
    Deno.writeTextFileSync(path, String(Deno.pid), { createNew: true });
  } catch {
    if (Date.now() - (Deno.statSync(path).mtime?.getTime() ?? 0) < LOCK_EXPIRES_MS) return false;
    Deno.writeTextFileSync(path, String(Deno.pid));
  }
  return true;
}
