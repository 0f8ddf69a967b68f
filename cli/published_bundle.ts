/**
 * The bundle a published `@pyjit/cli` starts from (`deno run -A jsr:@pyjit/cli`): in, the URL of
 * the package's cli/entry.ts; out, the bundle's `main` with its V8 code cache, or null while there is
 * none yet (the modules then serve the run).
 *
 * The package carries the one-script bundle of tools/bundle.ts as a JSON module
 * (`generated/pyjit_bundle.json`, written by tools/publish.ts: the bundle's text and the training
 * program of its code cache). Loading 3.6 MB of JSON through Deno's module loader at every start
 * would cost what the bundle saves, and a code cache needs a file it can be kept beside, so the first
 * run copies the bundle into the user's cache folder (`$XDG_CACHE_HOME/pyjit/bundle/KEY/`, or
 * `~/.cache/…`; KEY names the package's URL, which names its version) and trains its code cache
 * there, in a process of its own that outlives the run; later runs start from the copy. V8 accepts
 * a code cache only under the flags it was made with, so each set of `--v8-flags` has a cache of its
 * own, trained under those flags (read from /proc/self/cmdline).
 *
 * Nothing here prompts: each step checks Deno's permissions first and, without them, leaves the run
 * to the modules. Measured through a registry on localhost (tools/fake_jsr.ts) under the README's
 * V8 flags: `-c pass` 0.15 → 0.07 s; the ten-module import of `bench/imports.ts --jsr` as fast as
 * `deno task pyjit`'s (1.87× CPython -S, against 1.83×, 31 interleaved rounds).
 * @module
 */
import { loadBundle, takeLock } from "./bundle_loader.ts";

/** Where the package keeps its bundle, relative to cli/entry.ts (tools/publish.ts writes it). */
export const PUBLISHED_BUNDLE = "generated/pyjit_bundle.json";

/** The JSON module of PUBLISHED_BUNDLE. */
export interface PublishedBundleFile {
  /** The bundle's text: a classic script headed `// pyjit bundle ID` (tools/bundle.ts). */
  source: string;
  /** The Python program whose run trains the code cache (tools/code_cache_training.py). */
  training: string;
}

/** Where in the user's cache folder the packages' bundles are kept, a folder per package version. */
export const BUNDLES_FOLDER = "pyjit/bundle";

/** In a package's folder: held while its bundle is copied or a code cache trained. */
export const PREPARING_LOCK = ".preparing";

/** The end of a code cache's file name (`pyjit.FLAGS.v8cache`). */
export const CODE_CACHE_SUFFIX = ".v8cache";

/** Set (to anything) in the environment of the process that copies the bundle and trains its cache. */
export const PREPARE_ENV = "PYJIT_PREPARE_BUNDLE";

/** With it set, a run says on stderr what it started from (tools/published_cli_test.ts reads it). */
export const REPORT_ENV = "PYJIT_LAUNCHER_REPORT";

const granted = (descriptor: Deno.PermissionDescriptor) =>
  Deno.permissions.querySync(descriptor).state === "granted";

/** Whether the environment variable `name` is set, asked only where reading it is allowed. */
export function envSet(name: string): boolean {
  return granted({ name: "env", variable: name }) && Deno.env.get(name) !== undefined;
}

/** 32-bit FNV-1a of a string, in hex: names a package's folder and a set of V8 flags. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The folder of the package at `mainUrl` in the user's cache folder, when Deno lets this process
 * read and write it; else null. (The base folder is vm/code_cache.ts's, which this package cannot
 * import without loading pyjit's modules.)
 */
function bundleFolder(mainUrl: URL): string | null {
  let base: string | undefined;
  if (envSet("XDG_CACHE_HOME")) base = Deno.env.get("XDG_CACHE_HOME") || undefined;
  if (base === undefined && envSet("HOME")) base = `${Deno.env.get("HOME")}/.cache`;
  if (base === undefined) return null;
  const folder = `${base}/${BUNDLES_FOLDER}/${shortHash(mainUrl.href)}`;
  if (!granted({ name: "read", path: folder }) || !granted({ name: "write", path: folder })) return null;
  return folder;
}

/** The `--v8-flags` this process runs under ("" when none or when they cannot be read). */
function v8Flags(): string {
  const cmdline = "/proc/self/cmdline";
  if (Deno.build.os !== "linux" || !granted({ name: "read", path: cmdline })) return "";
  try {
    const args = Deno.readTextFileSync(cmdline).split("\0");
    const flags = args.filter((a) => a.startsWith("--v8-flags=")).map((a) => a.slice("--v8-flags=".length));
    return flags.join(",");
  } catch {
    return "";
  }
}

/** The files of a package's bundle in its folder, for the V8 flags of this process. */
function bundleFiles(folder: string, flags: string) {
  return {
    script: `${folder}/pyjit.js`,
    codeCache: `${folder}/pyjit.${shortHash(flags)}${CODE_CACHE_SUFFIX}`,
    lock: `${folder}/${PREPARING_LOCK}`,
  };
}

/**
 * The published bundle's `main`, started with its code cache, or null when this is not a
 * published package (a checkout runs its modules; `deno task pyjit` has a bundle of its own) or the
 * bundle cannot be used. Without a copy of the bundle, or without a code cache for these flags,
 * starts the process that makes them (once: it holds a lock while it works).
 */
export function startPublishedBundle(mainUrl: URL): ((argv: string[]) => number) | null {
  if (mainUrl.protocol === "file:") return null;
  const folder = bundleFolder(mainUrl);
  if (folder === null) return null;
  const flags = v8Flags();
  const files = bundleFiles(folder, flags);
  let text: string;
  try {
    text = Deno.readTextFileSync(files.script);
  } catch {
    prepareInBackground(mainUrl, folder, flags);
    if (envSet(REPORT_ENV)) console.error("pyjit: the modules (the published bundle is being prepared)");
    return null;
  }
  const loaded = loadBundle(text, new URL(`file://${files.script}`), files.codeCache);
  if (envSet(REPORT_ENV)) console.error(`pyjit: the published bundle, code cache ${loaded.codeCache}`);
  if (loaded.codeCache === "missing") prepareInBackground(mainUrl, folder, flags);
  return loaded.main;
}

/**
 * Starts, in a process of its own that outlives this one, the copy of the bundle into `folder` and
 * the training of its code cache under `flags`, unless one is at work.
 */
function prepareInBackground(mainUrl: URL, folder: string, flags: string): void {
  if (!granted({ name: "run", command: Deno.execPath() })) return;
  try {
    Deno.mkdirSync(folder, { recursive: true });
    if (!takeLock(bundleFiles(folder, flags).lock)) return;
    new Deno.Command(Deno.execPath(), {
      // No config and no lock file: the user's project (the current folder) has no say in it.
      args: [
        "run",
        "-A",
        "--no-config",
        "--no-lock",
        ...(flags ? [`--v8-flags=${flags}`] : []),
        mainUrl.href,
      ],
      cwd: folder,
      env: { [PREPARE_ENV]: "1" },
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn().unref();
  } catch {
    // The run goes on from the modules; a later one tries again once the lock has expired.
  }
}

/**
 * The work of the process prepareInBackground starts (cli/entry.ts calls it when PREPARE_ENV is
 * set): copies the bundle out of the package's JSON module, unless the copy is there, then runs the
 * training program with it and writes the code cache for this process's V8 flags.
 */
export async function prepareBundle(mainUrl: URL): Promise<void> {
  const folder = bundleFolder(mainUrl);
  if (folder === null) throw new Error("the user's cache folder cannot be written");
  const files = bundleFiles(folder, v8Flags());
  try {
    // Not a literal specifier: the JSON stays out of the module graph of every other run.
    const url = new URL(PUBLISHED_BUNDLE, mainUrl).href;
    const bundle = (await import(url, { with: { type: "json" } })).default as PublishedBundleFile;
    let text: string;
    try {
      text = Deno.readTextFileSync(files.script);
    } catch {
      const temporary = `${files.script}.${Deno.pid}.tmp`;
      Deno.writeTextFileSync(temporary, bundle.source);
      Deno.renameSync(temporary, files.script);
      text = bundle.source;
    }
    const loaded = loadBundle(text, new URL(`file://${files.script}`), files.codeCache);
    loaded.main(["-c", bundle.training]);
    loaded.writeCodeCache();
  } finally {
    try {
      Deno.removeSync(files.lock);
    } catch { /* already gone */ }
  }
}
