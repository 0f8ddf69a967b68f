/**
 * The `time` module: clocks (`time`, `time_ns`, `perf_counter(_ns)`, `monotonic(_ns)`,
 * `process_time(_ns)`, `thread_time(_ns)`) and `sleep` → a module object.
 *
 * @example
 * ```ts
 * import { makeTimeModule } from "./time.ts";
 * const time = makeTimeModule();
 * ```
 * @module
 */
import { registerBuiltinModule } from "../import.ts";
import {
  checkArgs,
  Exc,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyModule,
  type PyValue,
  raise,
} from "../object.ts";
import { flushStdout } from "./sys.ts";
import { toFloat } from "./math.ts";

/** Nanoseconds as a Python int from a millisecond clock reading. */
function nanos(ms: number): number | bigint {
  const ns = Math.round(ms * 1e6);
  return Number.isSafeInteger(ns) ? ns : BigInt(ns);
}

function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

function cpuMs(): number {
  // Deno has no process CPU clock without extra permissions; elapsed time is the closest stand-in.
  return performance.now();
}

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;

const FUNCTIONS: Record<string, Fn> = {
  time: () => new PyFloat(wallMs() / 1000),
  time_ns: () => nanos(wallMs()),
  perf_counter: () => new PyFloat(performance.now() / 1000),
  perf_counter_ns: () => nanos(performance.now()),
  monotonic: () => new PyFloat(performance.now() / 1000),
  monotonic_ns: () => nanos(performance.now()),
  process_time: () => new PyFloat(cpuMs() / 1000),
  process_time_ns: () => nanos(cpuMs()),
  thread_time: () => new PyFloat(cpuMs() / 1000),
  thread_time_ns: () => nanos(cpuMs()),
  sleep: (args, kwnames) => {
    checkArgs("sleep", args, kwnames, 1, 1);
    const secs = toFloat(args[0]);
    if (secs !== secs) raise(Exc.ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) raise(Exc.ValueError, "sleep length must be non-negative");
    flushStdout();
    // A synchronous sleep: Atomics.wait on a private buffer blocks without spinning.
    const ms = secs * 1000;
    if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return None;
  },
};

/** Builds the time module. */
export function makeTimeModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("time", d);
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    d.setStr(name, new PyBuiltinFunction(name, fn, null, "time"));
  }
  d.setStr("timezone", new Date().getTimezoneOffset() * 60);
  d.setStr("altzone", new Date().getTimezoneOffset() * 60);
  d.setStr("daylight", 0);
  return m;
}

registerBuiltinModule("time", makeTimeModule);
