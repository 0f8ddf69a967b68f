/**
 * The `time` module → a module object:
 * - clocks: `time`, `time_ns`, `perf_counter(_ns)`, `monotonic(_ns)`, `process_time(_ns)` and
 *   `thread_time(_ns)` (CPU time of the process: pyjit runs one thread), `clock_gettime(_ns)`,
 *   `clock_getres`, `get_clock_info`, `sleep`;
 * - calendar: `gmtime`, `localtime`, `mktime`, `asctime`, `ctime`, `strftime` (C locale, the
 *   directives glibc knows), `strptime` (time_strptime.ts), `struct_time` (with `tm_zone` and
 *   `tm_gmtoff`), and the local zone (`timezone`, `altzone`, `daylight`, `tzname`, `tzset`) read
 *   from the host through JavaScript's Date and Intl (time_calendar.ts).
 *
 * @example
 * ```ts
 * import { makeTimeModule } from "./time.ts";
 * const time = makeTimeModule();
 * ```
 * @module
 */
import { processCpuNanos, threadCpuNanos } from "./_libc.ts";
import {
  bindArgs,
  checkArgs,
  Exc,
  newObject,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyModule,
  PyTuple,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, call, intValueOf, strValueOf, toArray } from "../../objects/ops.ts";
import { simpleNamespaceType, structSeq, structSeqType } from "./sys.ts";
import { sleepInterruptibly } from "../../vm/interrupts.ts";
import {
  DAY_NAMES,
  dayOfYear,
  isDstAt,
  isoWeek,
  MONTH_NAMES,
  offsetMinutesAt,
  weekday,
  type ZoneInfo,
  zoneInfo,
} from "./time_calendar.ts";
import { strptime } from "./time_strptime.ts";

// ---------------------------------------------------------------------------------------------
// Clocks

/** Nanoseconds as a Python int from a millisecond clock reading. */
function nanos(ms: number): number | bigint {
  const ns = Math.round(ms * 1e6);
  return Number.isSafeInteger(ns) ? ns : BigInt(ns);
}

function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

/** CPU time used by the process (user + system), in milliseconds. */
function cpuMs(): number {
  return Number(processCpuNanos()) / 1e6;
}

/** CPU time used by the current thread, in milliseconds. */
function threadCpuMs(): number {
  return Number(threadCpuNanos()) / 1e6;
}

/** The clocks: how to read each (ms) and what get_clock_info says about it. */
const CLOCKS: Record<
  string,
  { read: () => number; implementation: string; monotonic: boolean; resolution: number }
> = {
  time: {
    read: wallMs,
    implementation: "performance.timeOrigin + performance.now()",
    monotonic: false,
    resolution: 1e-6,
  },
  monotonic: {
    read: () => performance.now(),
    implementation: "performance.now()",
    monotonic: true,
    resolution: 1e-6,
  },
  perf_counter: {
    read: () => performance.now(),
    implementation: "performance.now()",
    monotonic: true,
    resolution: 1e-6,
  },
  process_time: {
    read: cpuMs,
    implementation: "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
    monotonic: true,
    resolution: 1e-9,
  },
  thread_time: {
    read: threadCpuMs,
    implementation: "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
    monotonic: true,
    resolution: 1e-9,
  },
};

/** clock_gettime's clock ids (Linux values) → the clock that reads them. */
const CLOCK_IDS: Record<string, [number, string]> = {
  CLOCK_REALTIME: [0, "time"],
  CLOCK_MONOTONIC: [1, "monotonic"],
  CLOCK_PROCESS_CPUTIME_ID: [2, "process_time"],
  CLOCK_THREAD_CPUTIME_ID: [3, "thread_time"],
  CLOCK_MONOTONIC_RAW: [4, "monotonic"],
  CLOCK_BOOTTIME: [7, "monotonic"],
  CLOCK_TAI: [11, "time"],
};

function clockById(args: PyValue[], kwnames: string[] | null, name: string): string {
  checkArgs(name, args, kwnames, 1, 1);
  const id = Number(asIndex(args[0]));
  const found = Object.values(CLOCK_IDS).find(([n]) => n === id);
  if (found === undefined) throw call(Exc.OSError, [22, "Invalid argument"]);
  return found[1];
}

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;

/** A number of seconds from Python (int or float; NaN refused), as sleep and the converters take it. */
function secondsValue(v: PyValue): number {
  if (v instanceof PyFloat) {
    if (v.value !== v.value) raise(Exc.ValueError, "Invalid value NaN (not a number)");
    return v.value;
  }
  return Number(asIndex(v));
}

/**
 * sleep's argument in seconds: as CPython, the duration must fit its 64-bit count of nanoseconds
 * (OverflowError otherwise, with the message of the int or the float path).
 */
function sleepSeconds(v: PyValue): number {
  if (v instanceof PyFloat) {
    const secs = secondsValue(v);
    if (!(Math.abs(secs * 1e9) < 2 ** 63)) {
      raise(Exc.OverflowError, "timestamp out of range for platform time_t");
    }
    return secs;
  }
  const secs = asIndex(v);
  const ns = BigInt(secs) * 1_000_000_000n;
  if (ns >= 2n ** 63n || ns < -(2n ** 63n)) {
    raise(Exc.OverflowError, "timestamp too large to convert to C _PyTime_t");
  }
  return Number(secs);
}

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
  clock_gettime: (args, kwnames) =>
    new PyFloat(CLOCKS[clockById(args, kwnames, "clock_gettime")].read() / 1000),
  clock_gettime_ns: (args, kwnames) => nanos(CLOCKS[clockById(args, kwnames, "clock_gettime_ns")].read()),
  clock_getres: (args, kwnames) => new PyFloat(CLOCKS[clockById(args, kwnames, "clock_getres")].resolution),
  clock_settime: () => raise(Exc.NotImplementedError, "time.clock_settime() is not supported by pyjit"),
  clock_settime_ns: () => raise(Exc.NotImplementedError, "time.clock_settime_ns() is not supported by pyjit"),
  get_clock_info(args, kwnames) {
    checkArgs("get_clock_info", args, kwnames, 1, 1);
    const clock = CLOCKS[strValueOf(args[0]) ?? ""];
    if (clock === undefined) raise(Exc.ValueError, "unknown clock");
    const info = newObject(simpleNamespaceType(), new PyDict());
    info.dict!.setStr("implementation", clock.implementation);
    info.dict!.setStr("monotonic", clock.monotonic);
    info.dict!.setStr("adjustable", !clock.monotonic);
    info.dict!.setStr("resolution", new PyFloat(clock.resolution));
    return info;
  },
  sleep(args, kwnames) {
    checkArgs("sleep", args, kwnames, 1, 1);
    const secs = sleepSeconds(args[0]);
    if (secs < 0) raise(Exc.ValueError, "sleep length must be non-negative");
    // A synchronous sleep that a SIGINT or the embedder's budget interrupts (KeyboardInterrupt).
    sleepInterruptibly(secs * 1000);
    return None;
  },
};

// ---------------------------------------------------------------------------------------------
// struct_time and broken-down time

/** `time.struct_time`: nine items, and tm_zone / tm_gmtoff as attributes. */
export const structTimeType = structSeqType("time.struct_time", [
  "tm_year",
  "tm_mon",
  "tm_mday",
  "tm_hour",
  "tm_min",
  "tm_sec",
  "tm_wday",
  "tm_yday",
  "tm_isdst",
], { extraFields: ["tm_zone", "tm_gmtoff"], constructible: true });

/** A moment in broken-down form: the nine fields, the zone name and its offset east of UTC. */
interface BrokenDown {
  fields: number[];
  zone: string | null;
  gmtoff: number | null;
}

/** The local zone, read on first use (Intl is slow: not at start-up) and again by tzset(). */
let zoneCache: ZoneInfo | null = null;
/** The local zone (time.timezone, altzone, daylight, tzname), read on first use. */
export function localZone(): ZoneInfo {
  return zoneCache ??= zoneInfo();
}

function newStructTime(b: BrokenDown): PyTuple {
  return structSeq(structTimeType, b.fields, [b.zone ?? None, b.gmtoff ?? None], ["tm_zone", "tm_gmtoff"]);
}

/** Largest |seconds| JavaScript dates reach (±8.64e15 ms). */
const MAX_SECONDS = 8.64e12;

/** The moment `ms` in UTC or local time. */
function brokenDown(ms: number, utc: boolean): BrokenDown {
  if (!(Math.abs(ms) <= MAX_SECONDS * 1000)) {
    raise(Exc.OverflowError, "timestamp out of range for platform time_t");
  }
  const d = new Date(ms);
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  const isdst = utc ? 0 : isDstAt(ms, localZone()) ? 1 : 0;
  return {
    fields: [
      year,
      month,
      day,
      utc ? d.getUTCHours() : d.getHours(),
      utc ? d.getUTCMinutes() : d.getMinutes(),
      utc ? d.getUTCSeconds() : d.getSeconds(),
      weekday(year, month, day),
      dayOfYear(year, month, day),
      isdst,
    ],
    zone: utc ? "GMT" : localZone().tzname[isdst],
    gmtoff: utc ? 0 : -offsetMinutesAt(ms) * 60,
  };
}

/** A timestamp argument in milliseconds (None or absent: now), floored to whole seconds. */
function timestampArg(args: PyValue[]): number {
  if (args.length === 0 || args[0] === None) return Math.floor(wallMs() / 1000) * 1000;
  const secs = secondsValue(args[0]);
  if (!(Math.abs(secs) < 9.2e18)) raise(Exc.OverflowError, "timestamp out of range for platform time_t");
  return Math.floor(secs) * 1000;
}

/**
 * A time tuple from Python, checked and normalized as CPython's gettmarg/checktm do (month and
 * day 0 mean 1, the weekday is taken modulo 7); with its zone when it is a struct_time carrying one.
 */
function timeTuple(v: PyValue | undefined, fname: string): BrokenDown {
  if (v === undefined || v === None) return brokenDown(wallMs(), false);
  if (!(v instanceof PyTuple)) raise(Exc.TypeError, "Tuple or struct_time argument required");
  if (v.items.length !== 9) raise(Exc.TypeError, `${fname}(): illegal time tuple argument`);
  const f = v.items.map((x) => {
    const n = intValueOf(x);
    if (n === undefined) {
      raise(Exc.TypeError, `'${typeOf(x).name}' object cannot be interpreted as an integer`);
    }
    return Number(n);
  });
  let [, mon, mday, hour, min, sec, wday, yday, isdst] = f;
  if (mon === 0) mon = 1;
  else if (mon < 1 || mon > 12) raise(Exc.ValueError, "month out of range");
  if (mday === 0) mday = 1;
  else if (mday < 0 || mday > 31) raise(Exc.ValueError, "day of month out of range");
  if (hour < 0 || hour > 23) raise(Exc.ValueError, "hour out of range");
  if (min < 0 || min > 59) raise(Exc.ValueError, "minute out of range");
  if (sec < 0 || sec > 61) raise(Exc.ValueError, "seconds out of range");
  // C counts weekdays from Sunday: Python's Monday-first day moves one on, modulo 7 (as C's %).
  const cWday = (wday + 1) % 7;
  if (cWday < 0) raise(Exc.ValueError, "day of week out of range");
  wday = (cWday + 6) % 7;
  if (yday === 0) yday = 1;
  else if (yday < 0 || yday > 366) raise(Exc.ValueError, "day of year out of range");
  isdst = Math.max(-1, Math.min(1, isdst));
  const withZone = v.cls === structTimeType && v.dict !== null;
  const zoneName = withZone ? v.dict!.getStr("tm_zone") : undefined;
  const gmtoff = withZone ? v.dict!.getStr("tm_gmtoff") : undefined;
  return {
    fields: [f[0], mon, mday, hour, min, sec, wday, yday, isdst],
    zone: typeof zoneName === "string" ? zoneName : null,
    gmtoff: gmtoff === undefined || gmtoff === None ? null : Number(intValueOf(gmtoff) ?? 0),
  };
}

function pad(n: number, width: number, fill = "0"): string {
  const s = String(Math.abs(n)).padStart(width, fill);
  return n < 0 ? "-" + s : s;
}

function asctime(f: number[]): string {
  const [year, mon, mday, hour, min, sec, wday] = f;
  return `${DAY_NAMES[wday].slice(0, 3)} ${MONTH_NAMES[mon - 1].slice(0, 3)} ${pad(mday, 2, " ")} ${
    pad(hour, 2)
  }:${pad(min, 2)}:${pad(sec, 2)} ${year}`;
}

/** strftime in the C locale, with the directives glibc knows (others are copied as written). */
export function strftime(fmt: string, t: BrokenDown): string {
  const [year, mon, mday, hour, min, sec, wday, yday, isdst] = t.fields;
  const sundayWday = (wday + 1) % 7;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const directive = (c: string): string | null => {
    switch (c) {
      case "a":
        return DAY_NAMES[wday].slice(0, 3);
      case "A":
        return DAY_NAMES[wday];
      case "b":
      case "h":
        return MONTH_NAMES[mon - 1].slice(0, 3);
      case "B":
        return MONTH_NAMES[mon - 1];
      case "c":
        return asctime(t.fields);
      case "C":
        return pad(Math.floor(year / 100), 2);
      case "d":
        return pad(mday, 2);
      case "D":
        return `${pad(mon, 2)}/${pad(mday, 2)}/${pad(year % 100, 2)}`;
      case "e":
        return pad(mday, 2, " ");
      case "F":
        return `${year}-${pad(mon, 2)}-${pad(mday, 2)}`;
      case "G":
        return String(isoWeek(year, mon, mday)[0]);
      case "g":
        return pad(isoWeek(year, mon, mday)[0] % 100, 2);
      case "H":
        return pad(hour, 2);
      case "I":
        return pad(hour12, 2);
      case "j":
        return pad(yday, 3);
      case "k":
        return pad(hour, 2, " ");
      case "l":
        return pad(hour12, 2, " ");
      case "m":
        return pad(mon, 2);
      case "M":
        return pad(min, 2);
      case "n":
        return "\n";
      case "p":
        return hour < 12 ? "AM" : "PM";
      case "P":
        return hour < 12 ? "am" : "pm";
      case "r":
        return `${pad(hour12, 2)}:${pad(min, 2)}:${pad(sec, 2)} ${hour < 12 ? "AM" : "PM"}`;
      case "R":
        return `${pad(hour, 2)}:${pad(min, 2)}`;
      case "s":
        return String(Math.floor(mktimeSeconds(t.fields)));
      case "S":
        return pad(sec, 2);
      case "t":
        return "\t";
      case "T":
      case "X":
        return `${pad(hour, 2)}:${pad(min, 2)}:${pad(sec, 2)}`;
      case "u":
        return String(wday + 1);
      case "U":
        return pad(Math.floor((yday - 1 + 7 - sundayWday) / 7), 2);
      case "V":
        return pad(isoWeek(year, mon, mday)[1], 2);
      case "w":
        return String(sundayWday);
      case "W":
        return pad(Math.floor((yday - 1 + 7 - wday) / 7), 2);
      case "x":
        return `${pad(mon, 2)}/${pad(mday, 2)}/${pad(year % 100, 2)}`;
      case "y":
        return pad(((year % 100) + 100) % 100, 2);
      case "Y":
        return String(year);
      case "z": {
        const off = t.gmtoff ?? 0;
        const a = Math.abs(off);
        return `${off < 0 ? "-" : "+"}${pad(Math.floor(a / 3600), 2)}${pad(Math.floor((a % 3600) / 60), 2)}`;
      }
      case "Z":
        return t.zone ?? localZone().tzname[isdst > 0 ? 1 : 0];
      case "%":
        return "%";
      default:
        return null;
    }
  };
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== "%" || i + 1 >= fmt.length) {
      out += fmt[i];
      continue;
    }
    let j = i + 1;
    // glibc's E and O modifiers select alternative forms; the C locale has none.
    if ((fmt[j] === "E" || fmt[j] === "O") && j + 1 < fmt.length) j++;
    const text = directive(fmt[j]);
    if (text === null) out += fmt.slice(i, j + 1);
    else out += text;
    i = j;
  }
  return out;
}

/** mktime: local broken-down time → seconds since the epoch (isdst 0/1 forces standard/daylight). */
function mktimeSeconds(f: number[]): number {
  const [year, mon, mday, hour, min, sec, , , isdst] = f;
  const d = new Date(2000, mon - 1, mday, hour, min, sec);
  d.setFullYear(year, mon - 1, mday);
  let ms = d.getTime();
  if (ms !== ms) raise(Exc.OverflowError, "mktime argument out of range");
  if (isdst >= 0) {
    // Daylight time is an hour ahead in a zone that has none, as glibc's mktime assumes.
    const dstShift = localZone().daylight ? localZone().altzone - localZone().timezone : -3600;
    const actual = isDstAt(ms, localZone()) ? 1 : 0;
    if (actual !== isdst) ms += (isdst ? dstShift : -dstShift) * 1000;
  }
  return ms / 1000;
}

FUNCTIONS.gmtime = (args, kwnames) => {
  checkArgs("gmtime", args, kwnames, 0, 1);
  return newStructTime(brokenDown(timestampArg(args), true));
};
FUNCTIONS.localtime = (args, kwnames) => {
  checkArgs("localtime", args, kwnames, 0, 1);
  return newStructTime(brokenDown(timestampArg(args), false));
};
FUNCTIONS.mktime = (args, kwnames) => {
  checkArgs("mktime", args, kwnames, 1, 1);
  const v = args[0];
  if (!(v instanceof PyTuple)) raise(Exc.TypeError, "Tuple or struct_time argument required");
  const f = toArray(v).map((x) => Number(intValueOf(x) ?? asIndex(x)));
  if (f.length !== 9) raise(Exc.TypeError, "mktime(): illegal time tuple argument");
  return new PyFloat(mktimeSeconds(f));
};
FUNCTIONS.asctime = (args, kwnames) => {
  checkArgs("asctime", args, kwnames, 0, 1);
  return asctime(timeTuple(args[0], "asctime").fields);
};
FUNCTIONS.ctime = (args, kwnames) => {
  checkArgs("ctime", args, kwnames, 0, 1);
  return asctime(brokenDown(timestampArg(args), false).fields);
};
FUNCTIONS.strftime = (args, kwnames) => {
  checkArgs("strftime", args, kwnames, 1, 2);
  const fmt = strValueOf(args[0]);
  if (fmt === undefined) {
    raise(Exc.TypeError, `strftime() argument 1 must be str, not ${typeOf(args[0]).name}`);
  }
  return strftime(fmt, timeTuple(args[1], "strftime"));
};
FUNCTIONS.strptime = (args, kwnames) => {
  const [text, format] = bindArgs("strptime", args, kwnames, ["string", "format"], 1);
  const s = strValueOf(text!);
  if (s === undefined) {
    raise(Exc.TypeError, `strptime() argument 0 must be str, not <class '${typeOf(text!).name}'>`);
  }
  const f = format === undefined ? "%a %b %d %H:%M:%S %Y" : strValueOf(format);
  if (f === undefined) {
    raise(Exc.TypeError, `strptime() argument 1 must be str, not <class '${typeOf(format!).name}'>`);
  }
  const parsed = strptime(s, f, localZone().tzname, localZone().daylight);
  return newStructTime({ fields: parsed.fields, zone: parsed.zone, gmtoff: parsed.gmtoff });
};

/** Sets the module's zone attributes from the zone now in force. */
function setZoneAttributes(d: PyDict): void {
  d.setStr("timezone", localZone().timezone);
  d.setStr("altzone", localZone().altzone);
  d.setStr("daylight", localZone().daylight);
  d.setStr("tzname", new PyTuple([localZone().tzname[0], localZone().tzname[1]]));
}

/** Builds the time module. */
export function makeTimeModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("time", d);
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    d.setStr(name, new PyBuiltinFunction(name, fn, null, "time"));
  }
  d.setStr(
    "tzset",
    new PyBuiltinFunction(
      "tzset",
      (args, kwnames) => {
        checkArgs("tzset", args, kwnames, 0, 0);
        zoneCache = zoneInfo();
        setZoneAttributes(d);
        return None;
      },
      null,
      "time",
    ),
  );
  setZoneAttributes(d);
  for (const [name, [id]] of Object.entries(CLOCK_IDS)) d.setStr(name, id);
  d.setStr("struct_time", structTimeType);
  return m;
}
