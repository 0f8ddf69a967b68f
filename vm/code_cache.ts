/**
 * The compile cache, pyjit's `.pyc`: a module's source text and file name → its code object,
 * compiled once and then decoded from bytes (objects/code_serial.ts) on later imports, in this
 * process and in later ones. Compiling costs about 3 ms per KB of source; decoding a fraction.
 *
 * Two levels:
 * - memory: one Map per process, so that runtimes made one after another (the test suite, an
 *   embedder's sessions) compile each standard module once;
 * - disk: one file per (source, file name, compiler) in `$XDG_CACHE_HOME/pyjit/code` (or
 *   `~/.cache/pyjit/code`), read and written only where Deno's permissions already allow it
 *   (checked with `querySync`: the cache never prompts), written unless `sys.dont_write_bytecode`
 *   is true (`-B`, PYTHONDONTWRITEBYTECODE), as CPython writes `.pyc` files.
 *
 * The key is a 64-bit hash of the source (or of its given name), the file name, the format version and a stamp of the
 * compiler that produced the bytes: in a checkout, the sizes and modification times of the front
 * end's files (so an edited compiler never meets code from the old one); in a published package,
 * the package's URL, which names its version. Each file repeats the file name and the source's
 * length (or name) and second hash, and is ignored (and rewritten) when they disagree or it does not decode.
 * Only successful compilations are cached: a SyntaxError is raised afresh each time.
 *
 * @example
 * ```ts
 * import { compileModuleCached } from "./code_cache.ts";
 * const code = compileModuleCached("x = 1\n", "/tmp/m.py");
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import { CorruptCodeError, decodeCode, encodeCode, FORMAT_VERSION } from "../objects/code_serial.ts";
import { compileSource } from "./compile_source.ts";
import { sysAttr } from "./import_state.ts";
import { permissionGranted } from "../objects/permissions.ts";

/** Encoded code objects of this process, by key. */
const memory = new Map<string, Uint8Array>();

/** What the cache may do in this process (settled on first use). */
let disk: { dir: string; stamp: string } | null | undefined;

/** Counters for `--stats` and tests. */
export const codeCacheStats = { memoryHits: 0, diskHits: 0, compiled: 0, written: 0 };

/**
 * `exec`-mode compile of a module's source, through the cache. `sourceId`, when given, names this
 * exact source (the standard library's generated digest), which spares hashing it; the source may
 * then be a function that gives it, called only if the code must be compiled (or a traceback
 * shows a line).
 */
export function compileModuleCached(
  source: string | (() => string),
  filename: string,
  sourceId?: string,
): PyCode {
  const text = () => typeof source === "string" ? source : source();
  const identity = sourceId ?? text();
  const [h1, h2] = hashText(identity);
  const stamp = diskState()?.stamp ?? "";
  const key = `${hex(h1)}${hex(hashText(`${FORMAT_VERSION}\0${stamp}\0${filename}\0${h2}`)[0])}`;
  const inMemory = memory.get(key);
  if (inMemory !== undefined) {
    codeCacheStats.memoryHits++;
    return decodeCode(inMemory, source);
  }
  const header = `${filename}\0${sourceId ?? identity.length}\0${hex(h2)}\0`;
  const fromDisk = readCacheFile(key, header, source);
  if (fromDisk !== null) {
    codeCacheStats.diskHits++;
    memory.set(key, fromDisk.bytes);
    return fromDisk.code;
  }
  const code = compileSource(text(), filename, "exec");
  codeCacheStats.compiled++;
  const bytes = encodeCode(code);
  memory.set(key, bytes);
  writeCacheFile(key, header, bytes);
  return code;
}

/** Forgets the memory level (tests). */
export function clearCodeCacheMemory(): void {
  memory.clear();
}

// ---------------------------------------------------------------------------------------------
// Disk

function readCacheFile(
  key: string,
  header: string,
  source: string | (() => string),
): { code: PyCode; bytes: Uint8Array } | null {
  const state = diskState();
  if (state === null) return null;
  let file: Uint8Array;
  try {
    file = Deno.readFileSync(`${state.dir}/${key}`);
  } catch {
    return null;
  }
  const expected = new TextEncoder().encode(header);
  if (file.length < expected.length) return null;
  for (let i = 0; i < expected.length; i++) if (file[i] !== expected[i]) return null;
  const bytes = file.subarray(expected.length);
  try {
    return { code: decodeCode(bytes, source), bytes };
  } catch (e) {
    if (e instanceof CorruptCodeError) return null;
    throw e;
  }
}

function writeCacheFile(key: string, header: string, bytes: Uint8Array): void {
  const state = diskState();
  if (state === null || sysAttr("dont_write_bytecode") === true) return;
  const head = new TextEncoder().encode(header);
  const file = new Uint8Array(head.length + bytes.length);
  file.set(head);
  file.set(bytes, head.length);
  // Written beside its final name and renamed, so that a reader never sees half a file.
  const temporary = `${state.dir}/${key}.${Deno.pid}.tmp`;
  try {
    Deno.mkdirSync(state.dir, { recursive: true });
    Deno.writeFileSync(temporary, file);
    Deno.renameSync(temporary, `${state.dir}/${key}`);
    codeCacheStats.written++;
  } catch {
    // As CPython when it cannot write a .pyc: the import goes on without it.
    try {
      Deno.removeSync(temporary);
    } catch { /* it was never made */ }
  }
}

/** The disk cache's directory and compiler stamp, or null where permissions or the host forbid. */
function diskState(): { dir: string; stamp: string } | null {
  if (disk === undefined) {
    try {
      disk = openDisk();
    } catch {
      disk = null;
    }
  }
  return disk;
}

function openDisk(): { dir: string; stamp: string } | null {
  let base: string | undefined;
  if (permissionGranted({ name: "env", variable: "XDG_CACHE_HOME" })) {
    base = Deno.env.get("XDG_CACHE_HOME") || undefined;
  }
  if (base === undefined && permissionGranted({ name: "env", variable: "HOME" })) {
    const home = Deno.env.get("HOME");
    if (home) base = `${home}/.cache`;
  }
  if (base === undefined) return null;
  const dir = `${base}/pyjit/code`;
  if (!permissionGranted({ name: "read", path: dir }) || !permissionGranted({ name: "write", path: dir })) {
    return null;
  }
  const stamp = compilerStamp();
  return stamp === null ? null : { dir, stamp };
}

/** The folders whose files decide what the compiler produces (constant folding reads objects/). */
const FRONT_END_DIRS = ["lexer", "compiler", "instructions", "objects", "objects/types", "vm"];

/**
 * What identifies the compiler: in the bundle of a checkout (tools/bundle.ts), its build id; in a
 * published package, its URL (which names the version); in a checkout's modules, the size and
 * modification time of every front-end file (about 150 stats: 2 ms of each run). Null when it
 * cannot be known.
 */
function compilerStamp(): string | null {
  const bundle = (import.meta as ImportMeta & { pyjitBundleId?: string }).pyjitBundleId;
  if (bundle !== undefined) return `bundle ${bundle}`;
  const root = new URL("../", import.meta.url);
  if (root.protocol !== "file:") return root.href;
  if (!permissionGranted({ name: "read", path: root })) return null;
  const parts: string[] = [];
  for (const dir of FRONT_END_DIRS) {
    const url = new URL(`${dir}/`, root);
    const names = [...Deno.readDirSync(url)].filter((e) => e.isFile && e.name.endsWith(".ts")).map((e) =>
      e.name
    );
    names.sort();
    for (const name of names) {
      const info = Deno.statSync(new URL(name, url));
      parts.push(`${dir}/${name}:${info.size}:${info.mtime?.getTime() ?? 0}`);
    }
  }
  const [a, b] = hashText(parts.join("\n"));
  return `${hex(a)}${hex(b)}`;
}

// ---------------------------------------------------------------------------------------------
// Hashing: two 32-bit multiply-rotate hashes of the UTF-16 code units, in one pass.

function hashText(text: string): [number, number] {
  let a = 0x9747b28c ^ text.length, b = 0x5bd1e995 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b + c, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 16;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
