/**
 * The native libraries the JIT uses, opened once through `Deno.dlopen`: libc (mmap, mprotect,
 * munmap, dlopen/dlsym, memfd_create, write, close), libm symbol addresses by name, and the entry
 * trampoline shared object shipped as bytes in the generated stencil table (written to an
 * anonymous memory file and opened from `/proc/self/fd/N`, so no file-system write is needed; if that
 * fails, to a file in the temporary directory keyed by the stencil digest).
 *
 * @example
 * ```ts
 * import { libc, libmSymbol } from "./native_libs.ts";
 * console.log(libc().mprotect !== undefined, libmSymbol("sqrt") > 0);
 * ```
 * @module
 */
import { INPUT_DIGEST, TRAMPOLINE_SO_BASE64 } from "../stencils/generated/x86_64-linux.ts";

const LIBC_SYMBOLS = {
  mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "isize"], result: "pointer" },
  mprotect: { parameters: ["pointer", "usize", "i32"], result: "i32" },
  munmap: { parameters: ["pointer", "usize"], result: "i32" },
  dlopen: { parameters: ["buffer", "i32"], result: "pointer" },
  dlsym: { parameters: ["pointer", "buffer"], result: "pointer" },
  memfd_create: { parameters: ["buffer", "u32"], result: "i32" },
  write: { parameters: ["i32", "buffer", "usize"], result: "isize" },
  close: { parameters: ["i32"], result: "i32" },
} as const;

const TRAMPOLINE_SYMBOLS = {
  pyjit_enter: { parameters: ["buffer", "i32"], result: "i32" },
} as const;

/** The libc functions the JIT calls. */
export type Libc = Deno.DynamicLibrary<typeof LIBC_SYMBOLS>["symbols"];
/** `pyjit_enter(state, index) → exit index`, the fast entry into JIT code. */
export type EnterFunction = (state: BigInt64Array, index: number) => number;

export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;
export const MAP_PRIVATE = 0x02;
export const MAP_ANONYMOUS = 0x20;
const RTLD_NOW = 2;
const MFD_CLOEXEC = 1;

let libcLibrary: Deno.DynamicLibrary<typeof LIBC_SYMBOLS> | null = null;
let libmHandle: Deno.PointerValue = null;
const libmCache = new Map<string, number>();
let enterFunction: EnterFunction | null = null;

/** libc, opened on first use. */
export function libc(): Libc {
  if (libcLibrary === null) libcLibrary = Deno.dlopen("libc.so.6", LIBC_SYMBOLS);
  return libcLibrary.symbols;
}

function cString(text: string): Uint8Array {
  return new TextEncoder().encode(text + "\0");
}

/** A pointer's address as a number (user-space addresses fit in 47 bits). */
export function addressOf(pointer: Deno.PointerValue): number {
  return pointer === null ? 0 : Number(Deno.UnsafePointer.value(pointer));
}

/** A number address as a pointer. */
export function pointerAt(address: number): Deno.PointerValue {
  return Deno.UnsafePointer.create(BigInt(address));
}

/** The address of a libm function, looked up by name with dlsym (cached). */
export function libmSymbol(name: string): number {
  const cached = libmCache.get(name);
  if (cached !== undefined) return cached;
  const c = libc();
  if (libmHandle === null) {
    libmHandle = c.dlopen(cString("libm.so.6"), RTLD_NOW);
    if (libmHandle === null) throw new Error("no native JIT: cannot dlopen libm.so.6");
  }
  const address = addressOf(c.dlsym(libmHandle, cString(name)));
  if (address === 0) throw new Error(`no native JIT: libm has no symbol ${name}`);
  libmCache.set(name, address);
  return address;
}

/** The trampoline's entry function, loaded on first use from the bytes in the stencil table. */
export function enterTrampoline(): EnterFunction {
  if (enterFunction !== null) return enterFunction;
  const bytes = Uint8Array.from(atob(TRAMPOLINE_SO_BASE64), (ch) => ch.charCodeAt(0));
  let library: Deno.DynamicLibrary<typeof TRAMPOLINE_SYMBOLS>;
  try {
    library = openFromMemoryFile(bytes);
  } catch (memfdError) {
    try {
      library = openFromCacheFile(bytes);
    } catch (fileError) {
      throw new Error(`no native JIT: cannot load the entry trampoline (${memfdError}; ${fileError})`);
    }
  }
  enterFunction = library.symbols.pyjit_enter;
  return enterFunction;
}

/** Writes the shared object to an anonymous memory file and opens it through /proc/self/fd. */
function openFromMemoryFile(bytes: Uint8Array): Deno.DynamicLibrary<typeof TRAMPOLINE_SYMBOLS> {
  const c = libc();
  const fd = c.memfd_create(cString("pyjit-trampoline"), MFD_CLOEXEC);
  if (fd < 0) throw new Error("memfd_create failed");
  try {
    if (Number(c.write(fd, bytes, BigInt(bytes.length))) !== bytes.length) throw new Error("write failed");
    return Deno.dlopen(`/proc/self/fd/${fd}`, TRAMPOLINE_SYMBOLS);
  } finally {
    c.close(fd);
  }
}

/** Fallback: a file in the temporary directory named by the stencil digest, written once. */
function openFromCacheFile(bytes: Uint8Array): Deno.DynamicLibrary<typeof TRAMPOLINE_SYMBOLS> {
  const dir = Deno.env.get("TMPDIR") ?? "/tmp";
  const path = `${dir}/pyjit-trampoline-${INPUT_DIGEST.slice(0, 16)}.so`;
  let current = false;
  try {
    const existing = Deno.readFileSync(path);
    current = existing.length === bytes.length && existing.every((b, i) => b === bytes[i]);
  } catch {
    current = false;
  }
  if (!current) {
    const temporary = `${path}.${Deno.pid}`;
    Deno.writeFileSync(temporary, bytes);
    Deno.renameSync(temporary, path);
  }
  return Deno.dlopen(path, TRAMPOLINE_SYMBOLS);
}
