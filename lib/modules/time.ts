/**
 * The `time` module: clocks (`time`, `time_ns`, `perf_counter(_ns)`, `monotonic(_ns)`,
 * `process_time(_ns)`, `thread_time(_ns)`), `sleep`, and the calendar functions (`gmtime`,
 * `localtime`, `mktime`, `asctime`, `ctime`, `strftime`, `struct_time`, C locale) → a module object.
 *
 * @example
 * ```ts
 * import { makeTimeModule } from "./time.ts";
 * const time = makeTimeModule();
 * ```
 * @module
 */
import {
  checkArgs,
  Exc,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyModule,
  PyTuple,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { intValueOf, strValueOf, toArray } from "../../objects/ops.ts";
import { structSeq, structSeqType } from "./sys.ts";
import { flushStdout } from "../../objects/stdio.ts";
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

const STRUCT_FIELDS = [
  "tm_year",
  "tm_mon",
  "tm_mday",
  "tm_hour",
  "tm_min",
  "tm_sec",
  "tm_wday",
  "tm_yday",
  "tm_isdst",
];
/** `time.struct_time`. */
export const structTimeType = structSeqType("time.struct_time", STRUCT_FIELDS);

/** The fields of a moment, in UTC or local time. */
function brokenDown(ms: number, utc: boolean): number[] {
  const d = new Date(ms);
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const start = utc ? Date.UTC(year, 0, 1) : new Date(year, 0, 1).getTime();
  const today = utc ? Date.UTC(year, month, day) : new Date(year, month, day).getTime();
  const yday = Math.round((today - start) / 86400000) + 1;
  const wday = ((utc ? d.getUTCDay() : d.getDay()) + 6) % 7;
  return [
    year,
    month + 1,
    day,
    utc ? d.getUTCHours() : d.getHours(),
    utc ? d.getUTCMinutes() : d.getMinutes(),
    utc ? d.getUTCSeconds() : d.getSeconds(),
    wday,
    yday,
    0,
  ];
}

function secondsArg(args: PyValue[]): number {
  if (args.length === 0 || args[0] === None) return wallMs();
  return toFloat(args[0]) * 1000;
}

function fieldsOf(v: PyValue | undefined): number[] {
  if (v === undefined || v === None) return brokenDown(wallMs(), false);
  const items = v instanceof PyTuple ? v.items : toArray(v);
  if (items.length !== 9) raise(Exc.TypeError, "time tuple must have exactly 9 elements");
  return items.map((x) => Number(intValueOf(x) ?? toFloat(x)));
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** strftime in the C locale for the common directives. */
export function strftime(fmt: string, f: number[]): string {
  const [year, mon, mday, hour, min, sec, wday, yday] = f;
  const p2 = (n: number) => String(n).padStart(2, "0");
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case "Y":
        return String(year);
      case "y":
        return p2(year % 100);
      case "m":
        return p2(mon);
      case "d":
        return p2(mday);
      case "e":
        return String(mday).padStart(2, " ");
      case "H":
        return p2(hour);
      case "I":
        return p2(hour % 12 === 0 ? 12 : hour % 12);
      case "M":
        return p2(min);
      case "S":
        return p2(sec);
      case "p":
        return hour < 12 ? "AM" : "PM";
      case "a":
        return DAYS[wday].slice(0, 3);
      case "A":
        return DAYS[wday];
      case "b":
      case "h":
        return MONTHS[mon - 1].slice(0, 3);
      case "B":
        return MONTHS[mon - 1];
      case "j":
        return String(yday).padStart(3, "0");
      case "w":
        return String((wday + 1) % 7);
      case "u":
        return String(wday + 1);
      case "Z":
        return "UTC";
      case "z":
        return "+0000";
      case "c":
        return asctime(f);
      case "x":
        return `${p2(mon)}/${p2(mday)}/${p2(year % 100)}`;
      case "X":
        return `${p2(hour)}:${p2(min)}:${p2(sec)}`;
      case "D":
        return `${p2(mon)}/${p2(mday)}/${p2(year % 100)}`;
      case "F":
        return `${year}-${p2(mon)}-${p2(mday)}`;
      case "T":
        return `${p2(hour)}:${p2(min)}:${p2(sec)}`;
      case "%":
        return "%";
      default:
        return m;
    }
  });
}

function asctime(f: number[]): string {
  const [year, mon, mday, hour, min, sec, wday] = f;
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[wday].slice(0, 3)} ${MONTHS[mon - 1].slice(0, 3)} ${String(mday).padStart(2, " ")} ${
    p2(hour)
  }:${p2(min)}:${p2(sec)} ${year}`;
}

FUNCTIONS.gmtime = (args, kwnames) => {
  checkArgs("gmtime", args, kwnames, 0, 1);
  return structSeq(structTimeType, brokenDown(secondsArg(args), true));
};
FUNCTIONS.localtime = (args, kwnames) => {
  checkArgs("localtime", args, kwnames, 0, 1);
  return structSeq(structTimeType, brokenDown(secondsArg(args), false));
};
FUNCTIONS.mktime = (args, kwnames) => {
  checkArgs("mktime", args, kwnames, 1, 1);
  const [year, mon, mday, hour, min, sec] = fieldsOf(args[0]);
  return new PyFloat(new Date(year, mon - 1, mday, hour, min, sec).getTime() / 1000);
};
FUNCTIONS.asctime = (args, kwnames) => {
  checkArgs("asctime", args, kwnames, 0, 1);
  return asctime(fieldsOf(args[0]));
};
FUNCTIONS.ctime = (args, kwnames) => {
  checkArgs("ctime", args, kwnames, 0, 1);
  return asctime(brokenDown(secondsArg(args), false));
};
FUNCTIONS.strftime = (args, kwnames) => {
  checkArgs("strftime", args, kwnames, 1, 2);
  const fmt = strValueOf(args[0]);
  if (fmt === undefined) raise(Exc.TypeError, "strftime() argument 1 must be str");
  return strftime(fmt, fieldsOf(args[1]));
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
  d.setStr("tzname", new PyTuple(["UTC", "UTC"]));
  d.setStr("struct_time", structTimeType);
  return m;
}
