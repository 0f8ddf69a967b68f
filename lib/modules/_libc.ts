/**
 * What pyjit reads from libc through Deno FFI when FFI is allowed (libc is opened on first use, not
 * at start-up), with what it falls back to otherwise:
 *
 * The process's CPU time (user + system), for time.process_time / thread_time and os.times →
 * nanoseconds, as exact as the host lets pyjit read it:
 * - with FFI allowed: libc's clock_gettime(CLOCK_PROCESS_CPUTIME_ID), as CPython reads it (libc is
 *   opened on first use, not at start-up);
 * - else, with read access to /proc/self/stat: its utime + stime (clock ticks, usually 10 ms);
 * - else the elapsed time since start-up, the closest stand-in.
 * (node:process's cpuUsage would do, but loading the node compatibility layer costs every program
 * about 12 ms of start-up.)
 *
 * A file system's size (statvfs, for shutil.disk_usage): FFI only (Deno has no statfs).
 *
 * @example
 * ```ts
 * import { processCpuNanos } from "./_cpu_clock.ts";
 * console.log(processCpuNanos() >= 0n); // true
 * ```
 * @module
 */
import { permissionGranted } from "../../objects/permissions.ts";

const CLOCK_PROCESS_CPUTIME_ID = 2;
const CLOCK_THREAD_CPUTIME_ID = 3;

interface Libc {
  clock_gettime(clock: number, out: Uint8Array): number;
  statvfs(path: Uint8Array, out: Uint8Array): number;
}

let libc: Libc | null | undefined;

function openLibc(): Libc | null {
  if (Deno.build.os !== "linux" || !permissionGranted({ name: "ffi" })) return null;
  try {
    return Deno.dlopen("libc.so.6", {
      clock_gettime: { parameters: ["i32", "buffer"], result: "i32" },
      statvfs: { parameters: ["buffer", "buffer"], result: "i32" },
    }).symbols;
  } catch {
    return null;
  }
}

function theLibc(): Libc | null {
  if (libc === undefined) libc = openLibc();
  return libc;
}

const timespec = new Uint8Array(16);
const timespecView = new DataView(timespec.buffer);

function viaClock(clock: number): bigint | null {
  const c = theLibc();
  if (c === null || c.clock_gettime(clock, timespec) !== 0) return null;
  return timespecView.getBigInt64(0, true) * 1_000_000_000n + timespecView.getBigInt64(8, true);
}

/** User and system CPU time from /proc/self/stat, in nanoseconds, or null when it cannot be read. */
export function procStatTimes(): { user: bigint; system: bigint } | null {
  if (!permissionGranted({ name: "read", path: "/proc/self/stat" })) return null;
  try {
    const text = Deno.readTextFileSync("/proc/self/stat");
    // Fields after the parenthesised command name (which may contain spaces).
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const tick = 10_000_000n; // USER_HZ is 100 on Linux
    return { user: BigInt(fields[11]) * tick, system: BigInt(fields[12]) * tick };
  } catch {
    return null;
  }
}

/** CPU time used by the process, in nanoseconds. */
export function processCpuNanos(): bigint {
  const exact = viaClock(CLOCK_PROCESS_CPUTIME_ID);
  if (exact !== null) return exact;
  const stat = procStatTimes();
  if (stat !== null) return stat.user + stat.system;
  return BigInt(Math.round(performance.now() * 1e6));
}

/** CPU time used by the current thread, in nanoseconds (the process's, where that cannot be told apart). */
export function threadCpuNanos(): bigint {
  return viaClock(CLOCK_THREAD_CPUTIME_ID) ?? processCpuNanos();
}

/**
 * statvfs(path) as block counts in bytes: total, free (for the caller), and free (for root); null
 * when FFI is not allowed; throws the errno as a number when the call fails.
 */
export function statvfs(path: string): { total: bigint; available: bigint; free: bigint } | null {
  const c = theLibc();
  if (c === null) return null;
  const out = new Uint8Array(112); // struct statvfs on x86-64 glibc
  const view = new DataView(out.buffer);
  if (c.statvfs(new TextEncoder().encode(path + "\0"), out) !== 0) return null;
  const frsize = view.getBigUint64(8, true);
  return {
    total: view.getBigUint64(16, true) * frsize,
    free: view.getBigUint64(24, true) * frsize,
    available: view.getBigUint64(32, true) * frsize,
  };
}
