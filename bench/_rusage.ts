/**
 * CPU time of finished child processes: `getrusage(RUSAGE_CHILDREN)` through libc → user + system
 * seconds of every child this process has waited for. The difference across one run is that run's
 * CPU time, which other work on a busy machine disturbs much less than wall time. null where libc
 * cannot be opened (not Linux, or no FFI permission).
 * @module
 */

const RUSAGE_CHILDREN = -1;
/** `struct rusage` on 64-bit Linux: two `struct timeval` (seconds, microseconds) then 14 longs. */
const RUSAGE_BYTES = 144;

type Libc = Deno.DynamicLibrary<{ getrusage: { parameters: ["i32", "buffer"]; result: "i32" } }>;

let libc: Libc | null | undefined;

function open(): Libc | null {
  if (libc !== undefined) return libc;
  try {
    libc = Deno.build.os === "linux"
      ? Deno.dlopen("libc.so.6", { getrusage: { parameters: ["i32", "buffer"], result: "i32" } })
      : null;
  } catch {
    libc = null;
  }
  return libc;
}

/** User + system CPU seconds of all waited-for children so far; null when unavailable. */
export function childrenCpuSeconds(): number | null {
  const lib = open();
  if (lib === null) return null;
  const buffer = new BigInt64Array(RUSAGE_BYTES / 8);
  if (lib.symbols.getrusage(RUSAGE_CHILDREN, buffer) !== 0) return null;
  const [userSeconds, userMicros, systemSeconds, systemMicros] = buffer;
  return Number(userSeconds + systemSeconds) + Number(userMicros + systemMicros) / 1e6;
}
