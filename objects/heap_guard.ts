/**
 * The heap guard: allocation sizes charged by the runtime → a MemoryError raised in the program
 * before V8 runs out of heap (which would end the process with "Fatal JavaScript out of memory").
 *
 * Callers charge what they are about to allocate (`checkHeap(bytes)`: a subtraction on the fast
 * path): list, str and bytes growth and repetition, padding, new dict and set entries (through
 * object.ts's runtimeHooks), and the loops' iterations at the back-edge checks of
 * vm/interrupts.ts. When the charges exceed a budget, the heap is measured: above the limit the
 * charge fails with MemoryError (after one full collection, when the heap grew since the last: its
 * size counts garbage V8 has not collected yet); otherwise a new budget is granted, a fraction of
 * the room left, so that the heap is read rarely when it is small and often near the limit.
 *
 * The limit: PYJIT_HEAP_LIMIT_MB when set (read only if env permission is granted), at most
 * MAX_FRACTION of V8's heap size limit; by default DEFAULT_FRACTION of it. Nothing is read at
 * start-up: the first measurement happens after the first budget is used up, and V8's limit is
 * asked for (node:v8, a few milliseconds) only once the heap has grown past EARLY_HEAP_BYTES.
 *
 * @example
 * ```ts
 * import { checkHeap } from "./heap_guard.ts";
 * const n = 1000;
 * checkHeap(n * 8); // raises MemoryError when the heap has no room for n more references
 * const items = new Array(n).fill(0);
 * ```
 * @module
 */
import { Exc, newException, runtimeHooks } from "./object.ts";

/** The default limit, as a fraction of V8's heap size limit. */
const DEFAULT_FRACTION = 0.8;
/** PYJIT_HEAP_LIMIT_MB may not ask for more than this fraction of V8's limit (V8 needs room to GC). */
const MAX_FRACTION = 0.9;
/** Below this heap size, no limit is looked up (every V8 heap limit is larger). */
const EARLY_HEAP_BYTES = 64 * 1024 * 1024;
/** The budget granted while the heap is small. */
const EARLY_BUDGET = 4 * 1024 * 1024;
/** The part of V8's heap size limit that is the young generation (three semi-spaces, at most). */
const YOUNG_GENERATION_BYTES = 128 * 1024 * 1024;
/** The smallest budget: near the limit the heap is read every this many charged bytes. */
const MIN_BUDGET = 64 * 1024;
/** A new budget is the room left divided by this (charges underestimate what V8 really allocates). */
const BUDGET_DIVISOR = 64;
/** How much of the limit the heap must have grown by since the last full collection for another. */
const COLLECT_GROWTH = 1 / 16;

/** The most elements V8 gives a JS array (FixedArray::kMaxLength): more is MemoryError. */
export const MAX_ARRAY_LENGTH = 134_217_725;
/** The longest JS string V8 builds (String::kMaxLength): more is MemoryError. */
export const MAX_STRING_LENGTH = 536_870_888;

/**
 * What a loop iteration is charged at back-edges (vm/interrupts.ts, every CHECK_INTERVAL of them):
 * the allocations no runtime function sees (new floats, tuples, instances), about 64 bytes.
 */
export const LOOP_ITERATION_BYTES = 64;

/** What the guard knows; `budget` is the only field the fast path touches. */
const guard = {
  /** Bytes that may still be charged before the heap is measured again. */
  budget: EARLY_BUDGET,
  /** The heap size above which allocations fail (0: not known yet). */
  limit: 0,
  /** V8's own heap size limit (0: not known yet). */
  v8Limit: 0,
  /** PYJIT_HEAP_LIMIT_MB in bytes (0: not set), -1 before the environment was read. */
  envLimit: -1,
  /** V8's statistics once node:v8 is loaded (cheaper than Deno.memoryUsage). */
  stats: null as null | (() => { used_heap_size: number; heap_size_limit: number }),
  /** After a MemoryError the program may still hold its data: the next one waits for this size. */
  raisedAt: 0,
  /** A loop's back-edge check ran out of budget and deferred measuring (checkHeapAtLoop). */
  loopWarned: false,
  /** The heap's size after the guard's last full collection (collectGarbage). */
  afterCollection: 0,
  /** V8's full collection (`gc`), once asked for; null when it cannot be had. */
  gc: undefined as undefined | null | (() => void),
};

/**
 * One full garbage collection; false when the host cannot do one. V8's `gc` is exposed by setting
 * its flag at run time and reading it from a fresh context (node:v8 and node:vm, which Deno has):
 * only when the heap is near its limit, long after every module is loaded.
 */
function collectGarbage(): boolean {
  if (guard.gc === undefined) {
    guard.gc = null;
    try {
      // deno-lint-ignore no-explicit-any
      const process = (globalThis as any).process;
      const v8 = process?.getBuiltinModule?.("node:v8");
      const vm = process?.getBuiltinModule?.("node:vm");
      if (v8 !== undefined && vm !== undefined) {
        v8.setFlagsFromString("--expose-gc");
        const gc = vm.runInNewContext("gc");
        if (typeof gc === "function") guard.gc = gc;
      }
    } catch {
      // no collection to be had: the guard decides on the heap as it is
    }
  }
  if (!guard.gc) return false;
  guard.gc();
  return true;
}

/**
 * Charges an allocation of about `bytes` bytes against the heap: raises MemoryError when the heap
 * has no room for it. Cheap (one subtraction) except every few megabytes.
 */
export function checkHeap(bytes: number): void {
  if ((guard.budget -= bytes) < 0) measureHeap(bytes);
}

// Dict and set growth is charged from object.ts, which imports nothing.
runtimeHooks.checkHeap = checkHeap;

/** A MemoryError as CPython raises it (no message). */
export function memoryError(): never {
  throw newException(Exc.MemoryError, []);
}

/**
 * What a loop's back-edge check charges (vm/interrupts.ts): as checkHeap, except that a full heap
 * found here first lets the loop go on until the next charge, so that an allocation the runtime
 * charges (a dict entry, a list append) raises at its own line, as CPython's would; a loop that
 * allocates nothing charged raises at its next back-edge check.
 */
export function checkHeapAtLoop(bytes: number): void {
  if ((guard.budget -= bytes) >= 0) return;
  if (!guard.loopWarned) {
    guard.loopWarned = true;
    guard.budget = 0; // the next charge measures again
    return;
  }
  guard.loopWarned = false;
  measureHeap(bytes);
}

/** The slow path of checkHeap: measures the heap, grants a new budget or raises MemoryError. */
function measureHeap(bytes: number): void {
  guard.loopWarned = false;
  if (guard.envLimit < 0) guard.envLimit = readEnvLimit();
  if (guard.stats === null && guard.envLimit === 0) {
    const used = Deno.memoryUsage().heapUsed;
    if (used + bytes < EARLY_HEAP_BYTES) {
      guard.budget = EARLY_BUDGET;
      return;
    }
  }
  if (guard.limit === 0) findLimit();
  const heapUsed = () => guard.stats !== null ? guard.stats().used_heap_size : Deno.memoryUsage().heapUsed;
  let used = heapUsed();
  // The heap's size counts what V8 has not collected yet: CPython would have freed a list the
  // moment its last reference went. Before a MemoryError, one full collection, unless the heap has
  // grown by less than COLLECT_GROWTH of the limit since the last one (a program really near the
  // limit must not pay a full collection at every charge).
  if (used + bytes > guard.limit && used > guard.afterCollection + guard.limit * COLLECT_GROWTH) {
    if (collectGarbage()) {
      used = heapUsed();
      guard.afterCollection = used;
    }
  }
  let limit = guard.limit;
  if (guard.raisedAt > 0 && used < limit) guard.raisedAt = 0;
  if (guard.raisedAt > 0) {
    // The program caught a MemoryError and kept its data: let it work, up to a quarter of the rest.
    const grace = guard.raisedAt + (guard.v8Limit - guard.raisedAt) / 4;
    limit = Math.min(grace, guard.v8Limit * MAX_FRACTION);
  }
  if (used + bytes > limit) {
    guard.budget = MIN_BUDGET;
    guard.raisedAt = Math.max(used, guard.raisedAt);
    memoryError();
  }
  guard.budget = Math.max(MIN_BUDGET, (limit - used - bytes) / BUDGET_DIVISOR);
}

/** Looks up V8's heap size limit and sets the guard's limit from it. */
function findLimit(): void {
  try {
    // deno-lint-ignore no-explicit-any
    const v8 = (globalThis as any).process?.getBuiltinModule?.("node:v8");
    if (v8 !== undefined) guard.stats = () => v8.getHeapStatistics();
  } catch {
    // no node:v8: Deno.memoryUsage still gives the heap's size
  }
  // V8's figure counts the young generation, which the old generation cannot grow into.
  // Without V8's figure, assume its usual default for a 64-bit process.
  const total = guard.stats !== null ? guard.stats().heap_size_limit : 4192 * 1024 * 1024;
  guard.v8Limit = Math.max(total - YOUNG_GENERATION_BYTES, total / 2);
  const fromEnv = guard.envLimit > 0 ? guard.envLimit : Infinity;
  guard.limit = Math.min(fromEnv, guard.v8Limit * (fromEnv === Infinity ? DEFAULT_FRACTION : MAX_FRACTION));
}

/** PYJIT_HEAP_LIMIT_MB in bytes, 0 when unset, invalid or not readable. */
function readEnvLimit(): number {
  try {
    if (Deno.permissions.querySync({ name: "env", variable: "PYJIT_HEAP_LIMIT_MB" }).state !== "granted") {
      return 0;
    }
    const text = Deno.env.get("PYJIT_HEAP_LIMIT_MB");
    const mb = text === undefined ? NaN : Number(text);
    return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The guard's state, for tests and `--stats`: the limit in bytes (0 until known) and the budget
 * left before the next measurement.
 */
export function heapGuardState(): { limit: number; budget: number } {
  return { limit: guard.limit, budget: guard.budget };
}
