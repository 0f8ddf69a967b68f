/**
 * The `_datetime` module of CPython 3.11 (C there), which lib/python/datetime.py re-exports:
 * `timedelta`, `date`, `time`, `datetime`, `tzinfo`, `timezone` and `IsoCalendarDate` → their
 * construction and checks, arithmetic (timedelta normalization and CPython's round-half-even
 * rules for float components, products and quotients), comparisons with the naive/aware rules,
 * hashing, reprs and str, isoformat/fromisoformat (datetime_iso.ts), strftime/strptime (through
 * the time module's implementations), the clock and timestamp constructors in local time and UTC
 * (the local zone from JavaScript's Date, as the time module reads it), and astimezone.
 *
 * Values are immutable JS objects (PyDelta, PyDate, PyDateTime, PyTime, PyTimezone); datetime's
 * JS class extends date's, as the Python type does. Python subclasses of these types (and tzinfo
 * subclasses written in Python) work: results of operations on a subclass instance are made by
 * calling the subclass, as CPython does.
 *
 * @example
 * ```ts
 * import { makeDatetimeModule } from "./_datetime.ts";
 * const m = makeDatetimeModule();
 * ```
 * @module
 */
import {
  classMethodDescriptorType,
  defAttr,
  defGetSet,
  defMethod,
  Exc,
  isInstance,
  newTuple,
  None,
  NotImplemented,
  PyBytes,
  PyDict,
  PyFloat,
  PyMethodDescriptor,
  type PyModule,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { call, getAttr, hash, intValueOf, repr, strValueOf } from "../../objects/ops.ts";
import { floatRatio } from "../../objects/types/float_type.ts";
import { installNew } from "../../objects/types/type.ts";
import { buildModule, moduleType } from "./_native.ts";
import { structSeq, structSeqType } from "./sys.ts";
import { localZone, strftime as timeStrftime, structTimeType } from "./time.ts";
import { strptime as timeStrptime } from "./time_strptime.ts";
import {
  DAY_NAMES,
  dayOfYear,
  daysInMonth,
  fromIsoWeek,
  fromOrdinal,
  isoWeek,
  MONTH_NAMES,
  offsetMinutesAt,
  toOrdinal,
} from "./time_calendar.ts";
import { type IsoTime, parseIsoDate, parseIsoDateTime, parseIsoTime } from "./datetime_iso.ts";

const MINYEAR = 1;
const MAXYEAR = 9999;
const MAX_ORDINAL = 3652059; // 9999-12-31
const MAX_DELTA_DAYS = 999999999;
const SECONDS_PER_DAY = 86400;
const US_PER_SECOND = 1000000;
const US_PER_DAY = 86400000000n;

// ---------------------------------------------------------------------------------------------
// Value classes

/** A timedelta, normalized: 0 <= seconds < 86400, 0 <= us < 1000000, |days| <= 999999999. */
class PyDelta extends PyObject {
  declare days: number;
  declare seconds: number;
  declare us: number;
  constructor(cls: PyType, days: number, seconds: number, us: number) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.days = days;
    this.seconds = seconds;
    this.us = us;
  }
}

/** A date; a datetime is one too (PyDateTime extends it, as Python's datetime extends date). */
class PyDate extends PyObject {
  declare year: number;
  declare month: number;
  declare day: number;
  constructor(cls: PyType, year: number, month: number, day: number) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.year = year;
    this.month = month;
    this.day = day;
  }
}

class PyDateTime extends PyDate {
  declare hour: number;
  declare minute: number;
  declare second: number;
  declare us: number;
  /** None or a tzinfo. */
  declare tzinfo: PyValue;
  declare fold: number;
  constructor(
    cls: PyType,
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
    us: number,
    tzinfo: PyValue,
    fold: number,
  ) {
    super(cls, year, month, day);
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.us = us;
    this.tzinfo = tzinfo;
    this.fold = fold;
  }
}

class PyTime extends PyObject {
  declare hour: number;
  declare minute: number;
  declare second: number;
  declare us: number;
  declare tzinfo: PyValue;
  declare fold: number;
  constructor(
    cls: PyType,
    hour: number,
    minute: number,
    second: number,
    us: number,
    tzinfo: PyValue,
    fold: number,
  ) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.us = us;
    this.tzinfo = tzinfo;
    this.fold = fold;
  }
}

/** An instance of tzinfo or of a Python subclass of it. */
class PyTzInfo extends PyObject {
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
  }
}

/** A fixed-offset timezone. */
class PyTimezone extends PyTzInfo {
  declare offset: PyDelta;
  /** The name given, or null. */
  declare name: string | null;
  constructor(cls: PyType, offset: PyDelta, name: string | null) {
    super(cls);
    this.offset = offset;
    this.name = name;
  }
}

/** The module's types, made on first import and shared by later imports. */
interface DatetimeTypes {
  delta: PyType;
  date: PyType;
  datetime: PyType;
  time: PyType;
  tzinfo: PyType;
  timezone: PyType;
  isoCalendarDate: PyType;
  utc: PyTimezone;
}

let T: DatetimeTypes;

// ---------------------------------------------------------------------------------------------
// Argument parsing, with the messages of CPython's PyArg_ParseTupleAndKeywords

/**
 * Binds positional and keyword arguments to `names` (those from `kwOnlyFrom` on are keyword
 * only; the first `required` must be given). `fname` null stands for a constructor, which CPython
 * reports as "function".
 */
function parseArgs(
  fname: string | null,
  args: PyValue[],
  kwnames: string[] | null,
  names: readonly string[],
  required: number,
  kwOnlyFrom = names.length,
): (PyValue | undefined)[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const who = fname === null ? "function" : `${fname}()`;
  const plural = (n: number) => (n === 1 ? "" : "s");
  if (npos + nkw > names.length) {
    raise(
      Exc.TypeError,
      `${who} takes at most ${names.length} ${npos === 0 ? "keyword " : ""}argument${plural(names.length)} (${
        npos + nkw
      } given)`,
    );
  }
  if (npos > kwOnlyFrom) {
    raise(
      Exc.TypeError,
      `${who} takes ${required < kwOnlyFrom ? "at most" : "exactly"} ${kwOnlyFrom} positional argument${
        plural(kwOnlyFrom)
      } (${npos} given)`,
    );
  }
  const out: (PyValue | undefined)[] = new Array(names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let j = 0; j < nkw; j++) {
    const k = kwnames![j];
    const i = names.indexOf(k);
    if (i < 0) {
      raise(
        Exc.TypeError,
        `'${k}' is an invalid keyword argument for ${fname === null ? "this function" : who}`,
      );
    }
    if (i < npos) {
      raise(
        Exc.TypeError,
        `argument for ${who} given by name ('${k}') and position (${i + 1})`,
      );
    }
    out[i] = args[npos + j];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      raise(Exc.TypeError, `${who} missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}

/** A C int argument ("i" format): an int or an object with __index__, within 32 bits. */
function cInt(v: PyValue): number {
  let n = intValueOf(v);
  if (n === undefined) {
    if (v instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
    const index = typeOf(v).lookup("__index__");
    if (index === undefined) {
      raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
    }
    n = intValueOf(call(index, [v]));
    if (n === undefined) raise(Exc.TypeError, "__index__ returned non-int");
  }
  if (n > 2147483647) raise(Exc.OverflowError, "signed integer is greater than maximum");
  if (n < -2147483648) raise(Exc.OverflowError, "signed integer is less than minimum");
  return Number(n);
}

function strArg(v: PyValue, fname: string, position: number, expected = "str"): string {
  const s = strValueOf(v);
  if (s === undefined) {
    raise(Exc.TypeError, `${fname}() argument ${position} must be ${expected}, not ${typeOf(v).name}`);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Pickle states: the bytes CPython's __reduce__ gives and its constructors accept

function dateState(d: PyDate, fold: number): number[] {
  return [d.year >> 8, d.year & 0xff, d.month | (fold << 7), d.day];
}

function clockState(h: number, m: number, s: number, us: number): number[] {
  return [h, m, s, (us >> 16) & 0xff, (us >> 8) & 0xff, us & 0xff];
}

/** The bytes of a state argument when `args` is (state[, tzinfo]) of the given length, else null. */
function stateArg(
  args: PyValue[],
  kwnames: string[] | null,
  length: number,
  valid: (b: Uint8Array) => boolean,
) {
  if ((kwnames !== null && kwnames.length > 0) || args.length < 1 || args.length > 2) return null;
  const first = args[0];
  if (!(first instanceof PyBytes) || first.data.length !== length || !valid(first.data)) return null;
  return first.data;
}

function usFromState(b: Uint8Array, at: number): number {
  return (b[at] << 16) | (b[at + 1] << 8) | b[at + 2];
}

function reduceWithState(obj: PyObject, state: number[], tzinfo: PyValue): PyValue {
  const bytes = new PyBytes(Uint8Array.from(state));
  return newTuple([obj.cls, tzinfo === None ? newTuple([bytes]) : newTuple([bytes, tzinfo])]);
}

// ---------------------------------------------------------------------------------------------
// Range checks

function checkDateFields(year: number, month: number, day: number): void {
  if (year < MINYEAR || year > MAXYEAR) raise(Exc.ValueError, `year ${year} is out of range`);
  if (month < 1 || month > 12) raise(Exc.ValueError, "month must be in 1..12");
  if (day < 1 || day > daysInMonth(year, month)) raise(Exc.ValueError, "day is out of range for month");
}

function checkTimeFields(hour: number, minute: number, second: number, us: number, fold: number): void {
  if (hour < 0 || hour > 23) raise(Exc.ValueError, "hour must be in 0..23");
  if (minute < 0 || minute > 59) raise(Exc.ValueError, "minute must be in 0..59");
  if (second < 0 || second > 59) raise(Exc.ValueError, "second must be in 0..59");
  if (us < 0 || us > 999999) raise(Exc.ValueError, "microsecond must be in 0..999999");
  if (fold !== 0 && fold !== 1) raise(Exc.ValueError, "fold must be either 0 or 1");
}

function isTzInfo(v: PyValue): boolean {
  return v instanceof PyTzInfo || isInstance(v, T.tzinfo);
}

function checkTzInfo(v: PyValue): void {
  if (v !== None && !isTzInfo(v)) {
    raise(
      Exc.TypeError,
      `tzinfo argument must be None or of a tzinfo subclass, not type '${typeOf(v).name}'`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// timedelta arithmetic

/** A timedelta from any days/seconds/microseconds, normalized (OverflowError past the limits). */
function newDelta(days: number, seconds: number, us: number, cls: PyType = T.delta): PyDelta {
  if (us < 0 || us >= US_PER_SECOND) {
    const carry = Math.floor(us / US_PER_SECOND);
    seconds += carry;
    us -= carry * US_PER_SECOND;
  }
  if (seconds < 0 || seconds >= SECONDS_PER_DAY) {
    const carry = Math.floor(seconds / SECONDS_PER_DAY);
    days += carry;
    seconds -= carry * SECONDS_PER_DAY;
  }
  if (days < -MAX_DELTA_DAYS || days > MAX_DELTA_DAYS) daysOverflow(BigInt(days));
  return new PyDelta(cls, days, seconds, us);
}

/** OverflowError for a timedelta's days out of range (beyond a C int, CPython's conversion fails first). */
function daysOverflow(days: bigint): never {
  if (days > 2147483647n || days < -2147483648n) {
    raise(Exc.OverflowError, "Python int too large to convert to C int");
  }
  raise(Exc.OverflowError, `days=${days}; must have magnitude <= ${MAX_DELTA_DAYS}`);
}

function deltaToUs(d: PyDelta): bigint {
  return BigInt(d.days) * US_PER_DAY + BigInt(d.seconds * US_PER_SECOND + d.us);
}

/** A timedelta of `us` microseconds, made by `cls` (calling a subclass as CPython does). */
function deltaFromUs(us: bigint, cls: PyType = T.delta): PyValue {
  let days = us / US_PER_DAY;
  let rest = us % US_PER_DAY;
  if (rest < 0n) {
    rest += US_PER_DAY;
    days -= 1n;
  }
  if (days < -BigInt(MAX_DELTA_DAYS) || days > BigInt(MAX_DELTA_DAYS)) daysOverflow(days);
  const r = Number(rest);
  const seconds = Math.floor(r / US_PER_SECOND), micro = r % US_PER_SECOND;
  if (cls === T.delta) return new PyDelta(cls, Number(days), seconds, micro);
  return call(cls, [Number(days), seconds, micro]);
}

/** round-half-even of num / den (den > 0 or < 0), for bigints. */
function divideRoundHalfEven(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  let q = num / den;
  let r = num % den;
  if (r < 0n) {
    r += den;
    q -= 1n;
  }
  const twice = 2n * r;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** The factor of each timedelta() argument, in microseconds, in the order CPython adds them. */
const DELTA_COMPONENTS: [string, bigint][] = [
  ["microseconds", 1n],
  ["milliseconds", 1000n],
  ["seconds", 1000000n],
  ["minutes", 60000000n],
  ["hours", 3600000000n],
  ["days", 86400000000n],
  ["weeks", 604800000000n],
];
const DELTA_ARG_NAMES = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"];

/**
 * timedelta(**components): ints exactly; floats as integer part times factor, then the fractional
 * product split again, with the fractions summed and rounded half-even at the end (CPython's
 * accum / delta_new).
 */
function deltaNew(cls: PyType, args: PyValue[], kwnames: string[] | null): PyValue {
  const given = parseArgs("__new__", args, kwnames, DELTA_ARG_NAMES, 0);
  const byName = new Map<string, PyValue>();
  DELTA_ARG_NAMES.forEach((n, i) => {
    if (given[i] !== undefined) byName.set(n, given[i]!);
  });
  const fast = deltaNewSmallInts(cls, byName);
  if (fast !== null) return fast;
  let total = 0n;
  let leftover = 0;
  for (const [name, factor] of DELTA_COMPONENTS) {
    const v = byName.get(name);
    if (v === undefined) continue;
    const i = intValueOf(v);
    if (i !== undefined) {
      total += BigInt(i) * factor;
      continue;
    }
    if (!(v instanceof PyFloat)) {
      raise(Exc.TypeError, `unsupported type for timedelta ${name} component: ${typeOf(v).name}`);
    }
    const x = v.value;
    if (!Number.isFinite(x)) {
      raise(
        x !== x ? Exc.ValueError : Exc.OverflowError,
        x !== x ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer",
      );
    }
    const whole = Math.trunc(x);
    const frac = x - whole;
    total += BigInt(whole) * factor;
    if (frac === 0) continue;
    const product = Number(factor) * frac;
    const productWhole = Math.trunc(product);
    total += BigInt(productWhole);
    leftover += product - productWhole;
  }
  if (leftover !== 0) {
    let whole = Math.round(leftover);
    // Math.round rounds halves up; C's round (and this fix-up) go half to even against total
    if (Math.abs(leftover) % 1 === 0.5) {
      const odd = (total & 1n) === 1n ? 1 : 0;
      whole = 2.0 * roundHalfAway((leftover + odd) * 0.5) - odd;
    } else {
      whole = roundHalfAway(leftover);
    }
    total += BigInt(whole);
  }
  return deltaFromUsExact(total, cls);
}

/** timedelta(...) when every component is an int below 1e9: days, seconds and microseconds
 * summed separately in doubles (exact), then normalized; null otherwise. */
function deltaNewSmallInts(cls: PyType, byName: Map<string, PyValue>): PyDelta | null {
  let days = 0, seconds = 0, us = 0;
  for (const [name, v] of byName) {
    if (typeof v !== "number" || v > 1e9 || v < -1e9) return null;
    switch (name) {
      case "days":
        days += v;
        break;
      case "weeks":
        days += v * 7;
        break;
      case "seconds":
        seconds += v;
        break;
      case "minutes":
        seconds += v * 60;
        break;
      case "hours":
        seconds += v * 3600;
        break;
      case "microseconds":
        us += v;
        break;
      case "milliseconds":
        us += v * 1000;
        break;
    }
  }
  return newDelta(days, seconds, us, cls);
}

/** C's round(): halves away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** A timedelta of exactly `us` of type cls (never calls a subclass: this is its __new__). */
function deltaFromUsExact(us: bigint, cls: PyType): PyDelta {
  let days = us / US_PER_DAY;
  let rest = us % US_PER_DAY;
  if (rest < 0n) {
    rest += US_PER_DAY;
    days -= 1n;
  }
  if (days < -BigInt(MAX_DELTA_DAYS) || days > BigInt(MAX_DELTA_DAYS)) daysOverflow(days);
  const r = Number(rest);
  return new PyDelta(cls, Number(days), Math.floor(r / US_PER_SECOND), r % US_PER_SECOND);
}

function deltaRepr(d: PyDelta): string {
  const parts: string[] = [];
  if (d.days !== 0) parts.push(`days=${d.days}`);
  if (d.seconds !== 0) parts.push(`seconds=${d.seconds}`);
  if (d.us !== 0) parts.push(`microseconds=${d.us}`);
  // The module's own types are named `datetime.timedelta` (placeCType), a subclass by its bare name.
  return `${d.cls.name}(${parts.length === 0 ? "0" : parts.join(", ")})`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function deltaStr(d: PyDelta): string {
  const hours = Math.floor(d.seconds / 3600);
  const minutes = Math.floor((d.seconds % 3600) / 60);
  const seconds = d.seconds % 60;
  let s = `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}`;
  if (d.us !== 0) s += `.${pad(d.us, 6)}`;
  if (d.days !== 0) s = `${d.days} day${Math.abs(d.days) === 1 ? "" : "s"}, ${s}`;
  return s;
}

function compareDeltas(a: PyDelta, b: PyDelta): number {
  return a.days - b.days || a.seconds - b.seconds || a.us - b.us;
}

function negateDelta(d: PyDelta): PyDelta {
  return newDelta(-d.days, -d.seconds, -d.us);
}

// ---------------------------------------------------------------------------------------------
// tzinfo calls

/** Checks a utcoffset()/dst() result: None or a timedelta strictly within a day. */
function checkOffset(v: PyValue, what: string): PyDelta | null {
  if (v === None) return null;
  if (!(v instanceof PyDelta)) {
    raise(Exc.TypeError, `tzinfo.${what}() must return None or timedelta, not '${typeOf(v).name}'`);
  }
  if (v.days < -1 || v.days >= 1 || (v.days === -1 && v.seconds === 0 && v.us === 0)) {
    raise(
      Exc.ValueError,
      "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).",
    );
  }
  return v;
}

/** tzinfo.utcoffset(arg) (arg a datetime, or None for a time), checked. */
function callUtcOffset(tzinfo: PyValue, arg: PyValue): PyDelta | null {
  if (tzinfo === None) return null;
  if (tzinfo instanceof PyTimezone && tzinfo.cls === T.timezone) return tzinfo.offset;
  return checkOffset(call(getAttr(tzinfo, "utcoffset"), [arg]), "utcoffset");
}

function callDst(tzinfo: PyValue, arg: PyValue): PyDelta | null {
  if (tzinfo === None) return null;
  if (tzinfo instanceof PyTimezone && tzinfo.cls === T.timezone) return null;
  return checkOffset(call(getAttr(tzinfo, "dst"), [arg]), "dst");
}

function callTzName(tzinfo: PyValue, arg: PyValue): PyValue {
  if (tzinfo === None) return None;
  const name = call(getAttr(tzinfo, "tzname"), [arg]);
  if (name !== None && strValueOf(name) === undefined) {
    raise(Exc.TypeError, `tzinfo.tzname() must return None or a string, not '${typeOf(name).name}'`);
  }
  return name;
}

/** `+HH:MM[:SS[.ffffff]]` (sep ":"), or `+HHMM…` for strftime's %z (sep ""). */
function formatOffset(offset: PyDelta, sep: string): string {
  let d = offset;
  let sign = "+";
  if (d.days < 0) {
    sign = "-";
    d = negateDelta(d);
  }
  const hours = Math.floor(d.seconds / 3600);
  const minutes = Math.floor((d.seconds % 3600) / 60);
  const seconds = d.seconds % 60;
  let s = `${sign}${pad(hours, 2)}${sep}${pad(minutes, 2)}`;
  if (seconds !== 0 || d.us !== 0) {
    s += `${sep}${pad(seconds, 2)}`;
    if (d.us !== 0) s += `.${pad(d.us, 6)}`;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Making values (a subclass is called, as CPython's new_*_subclass do)

function makeDate(cls: PyType, year: number, month: number, day: number): PyValue {
  if (cls === T.date) {
    checkDateFields(year, month, day);
    return new PyDate(cls, year, month, day);
  }
  if (cls === T.datetime) return makeDateTime(cls, year, month, day, 0, 0, 0, 0, None, 0);
  return call(cls, [year, month, day]);
}

function makeDateTime(
  cls: PyType,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  us: number,
  tzinfo: PyValue,
  fold: number,
): PyValue {
  if (cls === T.datetime) {
    checkDateFields(year, month, day);
    checkTimeFields(hour, minute, second, us, fold);
    return new PyDateTime(cls, year, month, day, hour, minute, second, us, tzinfo, fold);
  }
  const made = call(cls, [year, month, day, hour, minute, second, us, tzinfo]);
  if (fold !== 0 && made instanceof PyDateTime) made.fold = fold;
  return made;
}

/** A datetime of the same type as `like` from an ordinal and time fields (OverflowError past range). */
function dateTimeFromOrdinal(
  cls: PyType,
  ordinal: number,
  hour: number,
  minute: number,
  second: number,
  us: number,
  tzinfo: PyValue,
  fold = 0,
): PyValue {
  if (ordinal < 1 || ordinal > MAX_ORDINAL) raise(Exc.OverflowError, "date value out of range");
  const [y, m, d] = fromOrdinal(ordinal);
  return makeDateTime(cls, y, m, d, hour, minute, second, us, tzinfo, fold);
}

/** `dt + delta` for a datetime's fields: [ordinal, hour, minute, second, us] normalized. */
function addToDateTime(dt: PyDateTime, days: number, seconds: number, us: number): PyValue {
  let micro = dt.us + us;
  let secs = dt.hour * 3600 + dt.minute * 60 + dt.second + seconds;
  let ordinal = toOrdinal(dt.year, dt.month, dt.day) + days;
  let carry = Math.floor(micro / US_PER_SECOND);
  micro -= carry * US_PER_SECOND;
  secs += carry;
  carry = Math.floor(secs / SECONDS_PER_DAY);
  secs -= carry * SECONDS_PER_DAY;
  ordinal += carry;
  return dateTimeFromOrdinal(
    typeOf(dt) as PyType,
    ordinal,
    Math.floor(secs / 3600),
    Math.floor((secs % 3600) / 60),
    secs % 60,
    micro,
    dt.tzinfo,
  );
}

function newTimezone(offset: PyDelta, name: string | null): PyTimezone {
  if (name === null && offset.days === 0 && offset.seconds === 0 && offset.us === 0) return T.utc;
  return new PyTimezone(T.timezone, offset, name);
}

function checkTimezoneOffset(offset: PyDelta): void {
  const us = deltaToUs(offset);
  if (us <= -US_PER_DAY || us >= US_PER_DAY) {
    raise(
      Exc.ValueError,
      `offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ${
        deltaRepr(offset)
      }.`,
    );
  }
}

function tzFromIso(t: IsoTime): PyValue {
  if (t.offsetSeconds === null) return None;
  if (t.offsetSeconds === 0) return T.utc;
  const offset = newDelta(0, t.offsetSeconds, t.offsetMicroseconds);
  checkTimezoneOffset(offset);
  return new PyTimezone(T.timezone, offset, null);
}

// ---------------------------------------------------------------------------------------------
// Local time (the host's zone, as JavaScript's Date knows it)

/** Seconds east of UTC of the local zone at `seconds` since the epoch. */
function localOffsetAt(seconds: number): number {
  return -offsetMinutesAt(seconds * 1000) * 60;
}

/** [year, month, day, hour, minute, second] of `seconds` since the epoch, in UTC. */
function utcFields(seconds: number): number[] {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  const rest = seconds - days * SECONDS_PER_DAY;
  const ordinal = days + 719163; // 1970-01-01
  if (ordinal < 1 || ordinal > MAX_ORDINAL) {
    raise(Exc.ValueError, `year ${fromOrdinal(ordinal)[0]} is out of range`);
  }
  const [y, m, d] = fromOrdinal(ordinal);
  return [y, m, d, Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60];
}

function localFields(seconds: number): number[] {
  return utcFields(seconds + localOffsetAt(seconds));
}

/** Seconds since the epoch of naive fields taken as UTC. */
function epochSeconds(year: number, month: number, day: number, h: number, m: number, s: number): number {
  return (toOrdinal(year, month, day) - 719163) * SECONDS_PER_DAY + h * 3600 + m * 60 + s;
}

/**
 * The timestamp of a naive local datetime (CPython's local_to_seconds): local(u) = t is solved
 * for u; in a fold, `fold` picks the earlier or later solution; in a gap, the moment is mapped
 * through the offset before or after it.
 */
function localToSeconds(dt: PyDateTime): number {
  const t = epochSeconds(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second);
  const local = (u: number) => u + localOffsetAt(u);
  const a = local(t) - t;
  const u1 = t - a;
  const t1 = local(u1);
  let b: number;
  if (t1 === t) {
    const u2 = u1 + (dt.fold === 1 ? SECONDS_PER_DAY : -SECONDS_PER_DAY);
    b = local(u2) - u2;
    if (a === b) return u1;
  } else {
    b = t1 - u1;
  }
  const u2 = t - b;
  const t2 = local(u2);
  if (t2 === t) return u2;
  if (t1 === t) return u1;
  return dt.fold === 1 ? Math.min(u1, u2) : Math.max(u1, u2);
}

/** The local zone at a moment, as astimezone() attaches it: a fixed offset with the zone's name. */
function localTimezoneAt(seconds: number): PyTimezone {
  const offset = localOffsetAt(seconds);
  const zone = localZone();
  const isDst = zone.daylight === 1 && -offset < zone.timezone;
  return new PyTimezone(T.timezone, newDelta(0, offset, 0), zone.tzname[isDst ? 1 : 0]);
}

/** Splits a float timestamp into whole seconds and microseconds, rounding half to even. */
function splitTimestamp(v: PyValue): [number, number] {
  if (v instanceof PyFloat) {
    const x = v.value;
    if (x !== x) raise(Exc.ValueError, "Invalid value NaN (not a number)");
    if (!Number.isFinite(x) || Math.abs(x) > 1e18) {
      raise(Exc.OverflowError, "timestamp out of range for platform time_t");
    }
    let whole = Math.trunc(x);
    let us = roundHalfEvenNumber((x - whole) * 1e6);
    if (us >= 1000000) {
      whole += 1;
      us -= 1000000;
    } else if (us < 0) {
      whole -= 1;
      us += 1000000;
    }
    return [whole, us];
  }
  const i = intValueOf(v);
  if (i === undefined) {
    raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  }
  if (typeof i === "bigint" || Math.abs(i) > 1e18) {
    raise(Exc.OverflowError, "timestamp out of range for platform time_t");
  }
  return [i, 0];
}

function roundHalfEvenNumber(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function nowParts(): [number, number] {
  const ms = performance.timeOrigin + performance.now();
  const us = Math.round(ms * 1000);
  return [Math.floor(us / 1e6), us % 1e6];
}

/** datetime.fromtimestamp: the local (or UTC, or tz's) datetime of a timestamp. */
function fromTimestamp(cls: PyType, seconds: number, us: number, utc: boolean, tz: PyValue): PyValue {
  const fields = utc ? utcFields(seconds) : localFields(seconds);
  let result = makeDateTime(cls, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], us, tz, 0);
  if (!utc && tz === None && result instanceof PyDateTime) {
    // the second of two moments with these fields (after the clocks went back) has fold 1
    const probe = seconds - SECONDS_PER_DAY;
    const transition = localOffsetAt(seconds) - localOffsetAt(probe);
    if (transition < 0) {
      const earlier = localFields(seconds + transition);
      if (earlier.every((f, i) => f === fields[i])) {
        result = makeDateTime(
          cls,
          fields[0],
          fields[1],
          fields[2],
          fields[3],
          fields[4],
          fields[5],
          us,
          tz,
          1,
        );
      }
    }
  }
  if (tz !== None) result = call(getAttr(tz, "fromutc"), [result]);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function dateIso(d: PyDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const TIMESPECS = ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"];

function clockIso(h: number, m: number, s: number, us: number, timespec: string): string {
  let spec = timespec;
  if (spec === "auto") spec = us !== 0 ? "microseconds" : "seconds";
  switch (spec) {
    case "hours":
      return pad(h, 2);
    case "minutes":
      return `${pad(h, 2)}:${pad(m, 2)}`;
    case "seconds":
      return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
    case "milliseconds":
      return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(Math.floor(us / 1000), 3)}`;
    case "microseconds":
      return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(us, 6)}`;
  }
  return raise(Exc.ValueError, "Unknown timespec value");
}

function ctimeOf(year: number, month: number, day: number, h: number, m: number, s: number): string {
  const wday = (toOrdinal(year, month, day) + 6) % 7;
  return `${DAY_NAMES[wday].slice(0, 3)} ${MONTH_NAMES[month - 1].slice(0, 3)} ${
    String(day).padStart(2, " ")
  } ${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)} ${pad(year, 4)}`;
}

/** The nine struct_time fields. */
function timeTupleFields(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  isdst: number,
): number[] {
  return [
    year,
    month,
    day,
    h,
    m,
    s,
    (toOrdinal(year, month, day) + 6) % 7,
    dayOfYear(year, month, day),
    isdst,
  ];
}

/**
 * strftime: %z, %Z and %f are the object's (its offset, zone name and microseconds), the rest
 * the time module's (C locale).
 */
function strftimeOf(format: string, fields: number[], us: number, tzinfo: PyValue, tzArg: PyValue): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%" || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const d = format[i + 1];
    if (d === "z") {
      const off = callUtcOffset(tzinfo, tzArg);
      out += off === null ? "" : formatOffset(off, "");
    } else if (d === "Z") {
      const name = callTzName(tzinfo, tzArg);
      out += name === None ? "" : strValueOf(name)!.replace(/%/g, "%%");
    } else if (d === "f") {
      out += pad(us, 6);
    } else {
      out += c + d;
    }
    i++;
  }
  return timeStrftime(out, { fields, zone: null, gmtoff: null });
}

function formatArg(v: PyValue): string {
  const s = strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `format() argument 2 must be str, not ${typeOf(v).name}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Comparisons

const OPS = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"] as const;
type Op = typeof OPS[number];

function cmpResult(diff: number, op: Op): boolean {
  switch (op) {
    case "__lt__":
      return diff < 0;
    case "__le__":
      return diff <= 0;
    case "__eq__":
      return diff === 0;
    case "__ne__":
      return diff !== 0;
    case "__gt__":
      return diff > 0;
    case "__ge__":
      return diff >= 0;
  }
}

function fieldsDiff(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function dateKey(d: PyDate): number[] {
  return [d.year, d.month, d.day];
}

function dateTimeKey(d: PyDateTime): number[] {
  return [d.year, d.month, d.day, d.hour, d.minute, d.second, d.us];
}

function sameOffset(a: PyDelta | null, b: PyDelta | null): boolean {
  if (a === null || b === null) return a === b;
  return compareDeltas(a, b) === 0;
}

/** The offset the other fold would have (PEP 495: such datetimes never equal others). */
function flipFoldOffset(dt: PyDateTime): PyDelta | null {
  const flipped = new PyDateTime(
    dt.cls,
    dt.year,
    dt.month,
    dt.day,
    dt.hour,
    dt.minute,
    dt.second,
    dt.us,
    dt.tzinfo,
    1 - dt.fold,
  );
  return callUtcOffset(dt.tzinfo, flipped);
}

function compareDateTimes(a: PyDateTime, b: PyDateTime, op: Op): PyValue {
  if (a.tzinfo === b.tzinfo) return cmpResult(fieldsDiff(dateTimeKey(a), dateTimeKey(b)), op);
  const offA = callUtcOffset(a.tzinfo, a);
  const offB = callUtcOffset(b.tzinfo, b);
  if ((op === "__eq__" || op === "__ne__") && !sameOffset(offA, offB)) {
    // an ambiguous time whose other fold has another offset is unequal to everything
    if (
      (offA !== null && !sameOffset(flipFoldOffset(a), offA)) ||
      (offB !== null && !sameOffset(flipFoldOffset(b), offB))
    ) {
      return op === "__ne__";
    }
  }
  if (sameOffset(offA, offB)) return cmpResult(fieldsDiff(dateTimeKey(a), dateTimeKey(b)), op);
  if (offA === null || offB === null) {
    if (op === "__eq__") return false;
    if (op === "__ne__") return true;
    raise(Exc.TypeError, "can't compare offset-naive and offset-aware datetimes");
  }
  const diff = utcUs(a, offA) - utcUs(b, offB);
  return cmpResult(diff < 0n ? -1 : diff > 0n ? 1 : 0, op);
}

/** Microseconds since 0001-01-01 of an aware datetime's UTC moment. */
function utcUs(d: PyDateTime, offset: PyDelta | null): bigint {
  const local = BigInt(toOrdinal(d.year, d.month, d.day)) * US_PER_DAY +
    BigInt((d.hour * 3600 + d.minute * 60 + d.second) * US_PER_SECOND + d.us);
  return offset === null ? local : local - deltaToUs(offset);
}

function timeUs(t: PyTime): number {
  return (t.hour * 3600 + t.minute * 60 + t.second) * US_PER_SECOND + t.us;
}

function compareTimes(a: PyTime, b: PyTime, op: Op): PyValue {
  if (a.tzinfo === b.tzinfo) return cmpResult(timeUs(a) - timeUs(b), op);
  const offA = callUtcOffset(a.tzinfo, None);
  const offB = callUtcOffset(b.tzinfo, None);
  if (sameOffset(offA, offB)) return cmpResult(timeUs(a) - timeUs(b), op);
  if (offA === null || offB === null) {
    if (op === "__eq__") return false;
    if (op === "__ne__") return true;
    raise(Exc.TypeError, "can't compare offset-naive and offset-aware times");
  }
  const diff = (timeUs(a) - Number(deltaToUs(offA))) - (timeUs(b) - Number(deltaToUs(offB)));
  return cmpResult(diff, op);
}

// ---------------------------------------------------------------------------------------------
// The module

function selfOf<C>(v: PyValue, jsClass: abstract new (...a: never[]) => C, type: PyType, name: string): C {
  if (!(v instanceof (jsClass as unknown as typeof PyObject))) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for '${type.name}' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v as unknown as C;
}

function defClassMethodOf(
  type: PyType,
  name: string,
  fn: (cls: PyType, args: PyValue[], kw: string[] | null) => PyValue,
): void {
  type.attrs.set(
    name,
    new PyMethodDescriptor(
      name,
      type,
      (args, kwnames) => fn(args[0] as PyType, args.slice(1), kwnames),
      classMethodDescriptorType,
    ),
  );
}

function noArgs(name: string, args: PyValue[], kwnames: string[] | null): void {
  if ((kwnames !== null && kwnames.length > 0) || args.length > 1) {
    raise(Exc.TypeError, `${name}() takes no arguments (${args.length - 1} given)`);
  }
}

function createTypes(): DatetimeTypes {
  const delta = moduleType("datetime", "timedelta");
  const date = moduleType("datetime", "date");
  const datetime = moduleType("datetime", "datetime", date);
  const time = moduleType("datetime", "time");
  const tzinfo = moduleType("datetime", "tzinfo");
  const timezone = moduleType("datetime", "timezone", tzinfo, 0);
  const isoCalendarDate = structSeqType("datetime.IsoCalendarDate", ["year", "week", "weekday"]);
  const types: DatetimeTypes = { delta, date, datetime, time, tzinfo, timezone, isoCalendarDate, utc: null! };
  T = types;
  types.utc = new PyTimezone(timezone, new PyDelta(delta, 0, 0, 0), null);
  defineDelta(types);
  defineDate(types);
  defineTime(types);
  defineDateTime(types);
  defineTzInfo(types);
  return types;
}

// ---- timedelta

function defineDelta(t: DatetimeTypes): void {
  const type = t.delta;
  const self = (v: PyValue, name: string) => selfOf(v, PyDelta, type, name);
  type.tp_new = deltaNew;
  installNew(type);
  defGetSet(type, "days", (v) => (v as PyDelta).days);
  defGetSet(type, "seconds", (v) => (v as PyDelta).seconds);
  defGetSet(type, "microseconds", (v) => (v as PyDelta).us);
  defMethod(type, "total_seconds", (args, kwnames) => {
    noArgs("total_seconds", args, kwnames);
    const d = self(args[0], "total_seconds");
    if (Math.abs(d.days) < 100000) {
      // exact in a double below 2**53 microseconds, so one division rounds correctly
      return new PyFloat(((d.days * SECONDS_PER_DAY + d.seconds) * US_PER_SECOND + d.us) / 1e6);
    }
    return new PyFloat(trueDivide(deltaToUs(d), 1000000n));
  });
  defMethod(type, "__repr__", (args) => deltaRepr(self(args[0], "__repr__")));
  defMethod(type, "__str__", (args) => deltaStr(self(args[0], "__str__")));
  defMethod(type, "__hash__", (args) => {
    const d = self(args[0], "__hash__");
    return hash(newTuple([d.days, d.seconds, d.us]));
  });
  defMethod(type, "__bool__", (args) => {
    const d = self(args[0], "__bool__");
    return d.days !== 0 || d.seconds !== 0 || d.us !== 0;
  });
  defMethod(type, "__reduce__", (args) => {
    const d = self(args[0], "__reduce__");
    return newTuple([d.cls, newTuple([d.days, d.seconds, d.us])]);
  });
  for (const op of OPS) {
    defMethod(type, op, (args) => {
      const a = self(args[0], op), b = args[1];
      if (!(b instanceof PyDelta)) return NotImplemented;
      return cmpResult(compareDeltas(a, b), op);
    });
  }
  const add = (a: PyDelta, b: PyValue): PyValue => {
    if (!(b instanceof PyDelta)) return NotImplemented;
    return newDelta(a.days + b.days, a.seconds + b.seconds, a.us + b.us);
  };
  defMethod(type, "__add__", (args) => add(self(args[0], "__add__"), args[1]));
  defMethod(type, "__radd__", (args) => add(self(args[0], "__radd__"), args[1]));
  defMethod(type, "__sub__", (args) => {
    const a = self(args[0], "__sub__"), b = args[1];
    if (!(b instanceof PyDelta)) return NotImplemented;
    return newDelta(a.days - b.days, a.seconds - b.seconds, a.us - b.us);
  });
  defMethod(type, "__rsub__", (args) => {
    const a = self(args[0], "__rsub__"), b = args[1];
    if (!(b instanceof PyDelta)) return NotImplemented;
    return newDelta(b.days - a.days, b.seconds - a.seconds, b.us - a.us);
  });
  defMethod(type, "__neg__", (args) => negateDelta(self(args[0], "__neg__")));
  defMethod(type, "__pos__", (args) => {
    const d = self(args[0], "__pos__");
    return new PyDelta(t.delta, d.days, d.seconds, d.us);
  });
  defMethod(type, "__abs__", (args) => {
    const d = self(args[0], "__abs__");
    return d.days < 0 ? negateDelta(d) : new PyDelta(t.delta, d.days, d.seconds, d.us);
  });
  const multiply = (d: PyDelta, k: PyValue): PyValue => {
    const i = intValueOf(k);
    if (i !== undefined) return deltaFromUs(deltaToUs(d) * BigInt(i));
    if (k instanceof PyFloat) {
      const [num, den] = floatRatioChecked(k.value);
      return deltaFromUs(divideRoundHalfEven(deltaToUs(d) * num, den));
    }
    return NotImplemented;
  };
  defMethod(type, "__mul__", (args) => multiply(self(args[0], "__mul__"), args[1]));
  defMethod(type, "__rmul__", (args) => multiply(self(args[0], "__rmul__"), args[1]));
  defMethod(type, "__truediv__", (args) => {
    const d = self(args[0], "__truediv__"), k = args[1];
    if (k instanceof PyDelta) {
      const den = deltaToUs(k);
      if (den === 0n) raise(Exc.ZeroDivisionError, "division by zero");
      return new PyFloat(trueDivide(deltaToUs(d), den));
    }
    const i = intValueOf(k);
    if (i !== undefined) {
      if (BigInt(i) === 0n) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
      return deltaFromUs(divideRoundHalfEven(deltaToUs(d), BigInt(i)));
    }
    if (k instanceof PyFloat) {
      const [num, den] = floatRatioChecked(k.value);
      if (num === 0n) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
      return deltaFromUs(divideRoundHalfEven(deltaToUs(d) * den, num));
    }
    return NotImplemented;
  });
  defMethod(type, "__floordiv__", (args) => {
    const d = self(args[0], "__floordiv__"), k = args[1];
    if (k instanceof PyDelta) {
      const den = deltaToUs(k);
      if (den === 0n) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
      return bigToPy(floorDiv(deltaToUs(d), den));
    }
    const i = intValueOf(k);
    if (i !== undefined) {
      if (BigInt(i) === 0n) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
      return deltaFromUs(floorDiv(deltaToUs(d), BigInt(i)));
    }
    return NotImplemented;
  });
  defMethod(type, "__mod__", (args) => {
    const d = self(args[0], "__mod__"), k = args[1];
    if (!(k instanceof PyDelta)) return NotImplemented;
    const den = deltaToUs(k);
    if (den === 0n) raise(Exc.ZeroDivisionError, "integer modulo by zero");
    return deltaFromUs(floorMod(deltaToUs(d), den));
  });
  defMethod(type, "__divmod__", (args) => {
    const d = self(args[0], "__divmod__"), k = args[1];
    if (!(k instanceof PyDelta)) return NotImplemented;
    const den = deltaToUs(k);
    if (den === 0n) raise(Exc.ZeroDivisionError, "integer division or modulo by zero");
    const us = deltaToUs(d);
    return newTuple([bigToPy(floorDiv(us, den)), deltaFromUs(floorMod(us, den))]);
  });
  defAttr(type, "min", new PyDelta(type, -MAX_DELTA_DAYS, 0, 0));
  defAttr(type, "max", new PyDelta(type, MAX_DELTA_DAYS, 86399, 999999));
  defAttr(type, "resolution", new PyDelta(type, 0, 0, 1));
}

function floatRatioChecked(x: number): [bigint, bigint] {
  if (x !== x) raise(Exc.ValueError, "cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) raise(Exc.OverflowError, "cannot convert Infinity to integer ratio");
  return floatRatio(x);
}

function bigToPy(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** a / b correctly rounded, for bigints (as Python's int true division). */
function trueDivide(a: bigint, b: bigint): number {
  if (b < 0n) {
    a = -a;
    b = -b;
  }
  const negative = a < 0n;
  if (negative) a = -a;
  // exact when both fit in 53 bits
  if (a <= 9007199254740992n && b <= 9007199254740992n) {
    const r = Number(a) / Number(b);
    return negative ? -r : r;
  }
  // scale so the quotient has 55+ bits, then round half even on the bit beyond 53
  const shift = Math.max(0, 55 - (a.toString(2).length - b.toString(2).length));
  const scaled = a << BigInt(shift);
  const q = scaled / b;
  const sticky = scaled % b !== 0n;
  const qBits = q.toString(2).length;
  const extra = qBits - 53;
  let mantissa = q >> BigInt(extra);
  const rest = q & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  if (rest > half || (rest === half && (sticky || (mantissa & 1n) === 1n))) mantissa += 1n;
  const r = Number(mantissa) * 2 ** (extra - shift);
  return negative ? -r : r;
}

// ---- date

function defineDate(t: DatetimeTypes): void {
  const type = t.date;
  const self = (v: PyValue, name: string) => selfOf(v, PyDate, type, name);
  type.tp_new = (cls, args, kwnames) => {
    const state = stateArg(args, kwnames, 4, (b) => args.length === 1 && b[2] >= 1 && b[2] <= 12);
    if (state !== null) return new PyDate(cls, (state[0] << 8) | state[1], state[2], state[3]);
    const [y, m, d] = parseArgs(null, args, kwnames, ["year", "month", "day"], 3);
    const year = cInt(y!), month = cInt(m!), day = cInt(d!);
    checkDateFields(year, month, day);
    return new PyDate(cls, year, month, day);
  };
  installNew(type);
  defGetSet(type, "year", (v) => (v as PyDate).year);
  defGetSet(type, "month", (v) => (v as PyDate).month);
  defGetSet(type, "day", (v) => (v as PyDate).day);

  defClassMethodOf(type, "today", (cls, args, kwnames) => {
    parseArgs("today", args, kwnames, [], 0);
    const [seconds, us] = nowParts();
    const f = localFields(seconds);
    if (cls === t.date) return makeDate(cls, f[0], f[1], f[2]);
    if (cls.isSubtypeOf(t.datetime)) return fromTimestamp(cls, seconds, us, false, None);
    return call(getAttr(cls, "fromtimestamp"), [seconds + us / 1e6]);
  });
  defClassMethodOf(type, "fromtimestamp", (cls, args, kwnames) => {
    const [ts] = parseArgs("fromtimestamp", args, kwnames, ["timestamp"], 1);
    const [seconds] = splitTimestamp(ts!);
    const f = localFields(seconds);
    return makeDate(cls, f[0], f[1], f[2]);
  });
  defClassMethodOf(type, "fromordinal", (cls, args, kwnames) => {
    const [n] = parseArgs("fromordinal", args, kwnames, ["ordinal"], 1);
    const ordinal = cInt(n!);
    if (ordinal < 1) raise(Exc.ValueError, "ordinal must be >= 1");
    if (ordinal > MAX_ORDINAL) raise(Exc.ValueError, `year ${fromOrdinal(ordinal)[0]} is out of range`);
    const [y, m, d] = fromOrdinal(ordinal);
    return makeDate(cls, y, m, d);
  });
  defClassMethodOf(type, "fromisoformat", (cls, args, kwnames) => {
    const [s] = parseArgs("fromisoformat", args, kwnames, ["date_string"], 1);
    const text = strValueOf(s!);
    if (text === undefined) raise(Exc.TypeError, "fromisoformat: argument must be str");
    const parsed = parseIsoDate(text);
    if (parsed === null) raise(Exc.ValueError, `Invalid isoformat string: ${repr(s!)}`);
    return makeDate(cls, parsed[0], parsed[1], parsed[2]);
  });
  defClassMethodOf(type, "fromisocalendar", (cls, args, kwnames) => {
    const [y, w, d] = parseArgs("fromisocalendar", args, kwnames, ["year", "week", "day"], 3);
    const year = cInt(y!), week = cInt(w!), day = cInt(d!);
    if (year < MINYEAR || year > MAXYEAR) raise(Exc.ValueError, `Year is out of range: ${year}`);
    if (week <= 0 || week >= 53) {
      const lastWeek = isoWeek(year, 12, 28)[1];
      if (!(week === 53 && lastWeek === 53)) raise(Exc.ValueError, `Invalid week: ${week}`);
    }
    if (day <= 0 || day >= 8) raise(Exc.ValueError, `Invalid day: ${day} (range is [1, 7])`);
    const [yy, mm, dd] = fromOrdinal(fromIsoWeek(year, week, day));
    return makeDate(cls, yy, mm, dd);
  });

  defMethod(type, "__repr__", (args) => {
    const d = self(args[0], "__repr__");
    return `${d.cls.name}(${d.year}, ${d.month}, ${d.day})`;
  });
  defMethod(type, "isoformat", (args, kwnames) => {
    noArgs("isoformat", args, kwnames);
    return dateIso(self(args[0], "isoformat"));
  });
  defMethod(type, "__str__", (args) => call(getAttr(args[0], "isoformat"), []));
  defMethod(type, "ctime", (args, kwnames) => {
    noArgs("ctime", args, kwnames);
    const d = self(args[0], "ctime");
    return ctimeOf(d.year, d.month, d.day, 0, 0, 0);
  });
  defMethod(type, "strftime", (args, kwnames) => {
    const d = self(args[0], "strftime");
    const [f] = parseArgs("strftime", args.slice(1), kwnames, ["format"], 1);
    const format = strArg(f!, "strftime", 1);
    const tt = toFields(call(getAttr(d, "timetuple"), []));
    return strftimeOf(format, tt, 0, None, None);
  });
  defMethod(type, "__format__", (args) => {
    const d = self(args[0], "__format__");
    const spec = formatArg(args[1]);
    if (spec === "") return call(getAttr(d, "__str__"), []);
    return call(getAttr(d, "strftime"), [spec]);
  });
  defMethod(type, "timetuple", (args, kwnames) => {
    noArgs("timetuple", args, kwnames);
    const d = self(args[0], "timetuple");
    return structSeq(structTimeType, timeTupleFields(d.year, d.month, d.day, 0, 0, 0, -1));
  });
  defMethod(type, "toordinal", (args, kwnames) => {
    noArgs("toordinal", args, kwnames);
    const d = self(args[0], "toordinal");
    return toOrdinal(d.year, d.month, d.day);
  });
  defMethod(type, "weekday", (args, kwnames) => {
    noArgs("weekday", args, kwnames);
    const d = self(args[0], "weekday");
    return (toOrdinal(d.year, d.month, d.day) + 6) % 7;
  });
  defMethod(type, "isoweekday", (args, kwnames) => {
    noArgs("isoweekday", args, kwnames);
    const d = self(args[0], "isoweekday");
    return (toOrdinal(d.year, d.month, d.day) + 6) % 7 + 1;
  });
  defMethod(type, "isocalendar", (args, kwnames) => {
    noArgs("isocalendar", args, kwnames);
    const d = self(args[0], "isocalendar");
    const [isoYear, week] = isoWeek(d.year, d.month, d.day);
    return new PyTuple([isoYear, week, (toOrdinal(d.year, d.month, d.day) + 6) % 7 + 1], t.isoCalendarDate);
  });
  defMethod(type, "replace", (args, kwnames) => {
    const d = self(args[0], "replace");
    const [y, m, dd] = parseArgs("replace", args.slice(1), kwnames, ["year", "month", "day"], 0);
    const year = y === undefined ? d.year : cInt(y);
    const month = m === undefined ? d.month : cInt(m);
    const day = dd === undefined ? d.day : cInt(dd);
    checkDateFields(year, month, day);
    return new PyDate(d.cls, year, month, day);
  });
  defMethod(type, "__hash__", (args) => {
    const d = self(args[0], "__hash__");
    return hash(newTuple([d.year, d.month, d.day]));
  });
  defMethod(type, "__reduce__", (args) => {
    const d = self(args[0], "__reduce__");
    return reduceWithState(d, dateState(d, 0), None);
  });
  for (const op of OPS) {
    defMethod(type, op, (args) => {
      const a = self(args[0], op), b = args[1];
      if (a instanceof PyDateTime) return NotImplemented;
      if (!(b instanceof PyDate) || b instanceof PyDateTime) return NotImplemented;
      return cmpResult(fieldsDiff(dateKey(a), dateKey(b)), op);
    });
  }
  const addDays = (d: PyDate, days: number): PyValue => {
    const ordinal = toOrdinal(d.year, d.month, d.day) + days;
    if (ordinal < 1 || ordinal > MAX_ORDINAL) raise(Exc.OverflowError, "date value out of range");
    const [y, m, dd] = fromOrdinal(ordinal);
    return makeDate(typeOf(d), y, m, dd);
  };
  defMethod(type, "__add__", (args) => {
    const d = self(args[0], "__add__"), b = args[1];
    if (!(b instanceof PyDelta) || d instanceof PyDateTime) return NotImplemented;
    return addDays(d, b.days);
  });
  defMethod(type, "__radd__", (args) => {
    const d = self(args[0], "__radd__"), b = args[1];
    if (!(b instanceof PyDelta) || d instanceof PyDateTime) return NotImplemented;
    return addDays(d, b.days);
  });
  defMethod(type, "__sub__", (args) => {
    const d = self(args[0], "__sub__"), b = args[1];
    if (d instanceof PyDateTime) return NotImplemented;
    if (b instanceof PyDelta) return addDays(d, -b.days);
    if (b instanceof PyDate && !(b instanceof PyDateTime)) {
      return newDelta(toOrdinal(d.year, d.month, d.day) - toOrdinal(b.year, b.month, b.day), 0, 0);
    }
    return NotImplemented;
  });
  defAttr(type, "min", new PyDate(type, 1, 1, 1));
  defAttr(type, "max", new PyDate(type, 9999, 12, 31));
  defAttr(type, "resolution", new PyDelta(t.delta, 1, 0, 0));
}

/** The nine ints of a timetuple() result. */
function toFields(tt: PyValue): number[] {
  if (!(tt instanceof PyTuple)) raise(Exc.TypeError, "timetuple() must return a tuple");
  return tt.items.map((v) => Number(intValueOf(v) ?? 0));
}

// ---- time

const TIME_ARGS = ["hour", "minute", "second", "microsecond", "tzinfo", "fold"];

function defineTime(t: DatetimeTypes): void {
  const type = t.time;
  const self = (v: PyValue, name: string) => selfOf(v, PyTime, type, name);
  type.tp_new = (cls, args, kwnames) => {
    const state = stateArg(args, kwnames, 6, (b) => (b[0] & 0x7f) < 24);
    if (state !== null) {
      const tz = args.length > 1 ? args[1] : None;
      checkTzInfo(tz);
      return new PyTime(cls, state[0] & 0x7f, state[1], state[2], usFromState(state, 3), tz, state[0] >> 7);
    }
    const [h, m, s, us, tz, fold] = parseArgs(null, args, kwnames, TIME_ARGS, 0, 5);
    const hour = h === undefined ? 0 : cInt(h), minute = m === undefined ? 0 : cInt(m);
    const second = s === undefined ? 0 : cInt(s), micro = us === undefined ? 0 : cInt(us);
    const f = fold === undefined ? 0 : cInt(fold);
    checkTimeFields(hour, minute, second, micro, f);
    const tzinfo = tz ?? None;
    checkTzInfo(tzinfo);
    return new PyTime(cls, hour, minute, second, micro, tzinfo, f);
  };
  installNew(type);
  defGetSet(type, "hour", (v) => (v as PyTime).hour);
  defGetSet(type, "minute", (v) => (v as PyTime).minute);
  defGetSet(type, "second", (v) => (v as PyTime).second);
  defGetSet(type, "microsecond", (v) => (v as PyTime).us);
  defGetSet(type, "tzinfo", (v) => (v as PyTime).tzinfo);
  defGetSet(type, "fold", (v) => (v as PyTime).fold);

  defMethod(type, "__repr__", (args) => {
    const v = self(args[0], "__repr__");
    let inner = `${v.hour}, ${v.minute}`;
    if (v.second !== 0 || v.us !== 0) inner += `, ${v.second}`;
    if (v.us !== 0) inner += `, ${v.us}`;
    if (v.tzinfo !== None) inner += `, tzinfo=${repr(v.tzinfo)}`;
    if (v.fold !== 0) inner += `, fold=${v.fold}`;
    return `${v.cls.name}(${inner})`;
  });
  const isoformat = (v: PyTime, timespec: string): string => {
    let s = clockIso(v.hour, v.minute, v.second, v.us, timespec);
    const off = callUtcOffset(v.tzinfo, None);
    if (off !== null) s += formatOffset(off, ":");
    return s;
  };
  defMethod(type, "isoformat", (args, kwnames) => {
    const v = self(args[0], "isoformat");
    const [ts] = parseArgs("isoformat", args.slice(1), kwnames, ["timespec"], 0);
    const timespec = ts === undefined ? "auto" : strArg(ts, "isoformat", 1);
    if (!TIMESPECS.includes(timespec)) raise(Exc.ValueError, "Unknown timespec value");
    return isoformat(v, timespec);
  });
  defMethod(type, "__str__", (args) => call(getAttr(args[0], "isoformat"), []));
  defMethod(type, "strftime", (args, kwnames) => {
    const v = self(args[0], "strftime");
    const [f] = parseArgs("strftime", args.slice(1), kwnames, ["format"], 1);
    const format = strArg(f!, "strftime", 1);
    return strftimeOf(format, [1900, 1, 1, v.hour, v.minute, v.second, 0, 1, -1], v.us, v.tzinfo, None);
  });
  defMethod(type, "__format__", (args) => {
    const v = self(args[0], "__format__");
    const spec = formatArg(args[1]);
    if (spec === "") return call(getAttr(v, "__str__"), []);
    return call(getAttr(v, "strftime"), [spec]);
  });
  defMethod(type, "utcoffset", (args, kwnames) => {
    noArgs("utcoffset", args, kwnames);
    return callUtcOffset(self(args[0], "utcoffset").tzinfo, None) ?? None;
  });
  defMethod(type, "dst", (args, kwnames) => {
    noArgs("dst", args, kwnames);
    return callDst(self(args[0], "dst").tzinfo, None) ?? None;
  });
  defMethod(type, "tzname", (args, kwnames) => {
    noArgs("tzname", args, kwnames);
    return callTzName(self(args[0], "tzname").tzinfo, None);
  });
  defMethod(type, "replace", (args, kwnames) => {
    const v = self(args[0], "replace");
    const [h, m, s, us, tz, fold] = parseArgs("replace", args.slice(1), kwnames, TIME_ARGS, 0, 5);
    const hour = h === undefined ? v.hour : cInt(h), minute = m === undefined ? v.minute : cInt(m);
    const second = s === undefined ? v.second : cInt(s), micro = us === undefined ? v.us : cInt(us);
    const f = fold === undefined ? v.fold : cInt(fold);
    checkTimeFields(hour, minute, second, micro, f);
    const tzinfo = tz === undefined ? v.tzinfo : tz;
    checkTzInfo(tzinfo);
    return new PyTime(v.cls, hour, minute, second, micro, tzinfo, f);
  });
  defClassMethodOf(type, "fromisoformat", (cls, args, kwnames) => {
    const [s] = parseArgs("fromisoformat", args, kwnames, ["time_string"], 1);
    const text = strValueOf(s!);
    if (text === undefined) raise(Exc.TypeError, "fromisoformat: argument must be str");
    const parsed = parseIsoTime(text);
    if (parsed === null) raise(Exc.ValueError, `Invalid isoformat string: ${repr(s!)}`);
    checkTimeFields(parsed.hour, parsed.minute, parsed.second, parsed.microsecond, 0);
    const tz = tzFromIso(parsed);
    if (cls === t.time) {
      return new PyTime(cls, parsed.hour, parsed.minute, parsed.second, parsed.microsecond, tz, 0);
    }
    return call(cls, [parsed.hour, parsed.minute, parsed.second, parsed.microsecond, tz]);
  });
  defMethod(type, "__hash__", (args) => {
    const v = self(args[0], "__hash__");
    const plain = v.fold === 0 ? v : new PyTime(v.cls, v.hour, v.minute, v.second, v.us, v.tzinfo, 0);
    const off = callUtcOffset(plain.tzinfo, None);
    if (off === null) return hash(newTuple([v.hour, v.minute, v.second, v.us]));
    const d = newDelta(
      0,
      v.hour * 3600 + v.minute * 60 + v.second - off.seconds - off.days * 86400,
      v.us - off.us,
    );
    return hash(newTuple([d.days, d.seconds, d.us]));
  });
  defMethod(type, "__bool__", () => true);
  const reduceTime = (v: PyTime, proto: number) => {
    const state = clockState(v.hour, v.minute, v.second, v.us);
    if (proto > 3 && v.fold) state[0] |= 0x80;
    return reduceWithState(v, state, v.tzinfo);
  };
  defMethod(type, "__reduce__", (args) => reduceTime(self(args[0], "__reduce__"), 2));
  defMethod(type, "__reduce_ex__", (args) => reduceTime(self(args[0], "__reduce_ex__"), cInt(args[1] ?? 0)));
  for (const op of OPS) {
    defMethod(type, op, (args) => {
      const a = self(args[0], op), b = args[1];
      if (!(b instanceof PyTime)) return NotImplemented;
      return compareTimes(a, b, op);
    });
  }
  defAttr(type, "min", new PyTime(type, 0, 0, 0, 0, None, 0));
  defAttr(type, "max", new PyTime(type, 23, 59, 59, 999999, None, 0));
  defAttr(type, "resolution", new PyDelta(t.delta, 0, 0, 1));
}

// ---- datetime

const DATETIME_ARGS = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"];

function defineDateTime(t: DatetimeTypes): void {
  const type = t.datetime;
  const self = (v: PyValue, name: string) => selfOf(v, PyDateTime, type, name);
  type.tp_new = (cls, args, kwnames) => {
    const state = stateArg(args, kwnames, 10, (b) => (b[2] & 0x7f) >= 1 && (b[2] & 0x7f) <= 12);
    if (state !== null) {
      const tz = args.length > 1 ? args[1] : None;
      checkTzInfo(tz);
      const year = (state[0] << 8) | state[1];
      const us = usFromState(state, 7);
      return new PyDateTime(
        cls,
        year,
        state[2] & 0x7f,
        state[3],
        state[4],
        state[5],
        state[6],
        us,
        tz,
        state[2] >> 7,
      );
    }
    const [y, mo, d, h, mi, s, us, tz, fold] = parseArgs(null, args, kwnames, DATETIME_ARGS, 3, 8);
    const year = cInt(y!), month = cInt(mo!), day = cInt(d!);
    const hour = h === undefined ? 0 : cInt(h), minute = mi === undefined ? 0 : cInt(mi);
    const second = s === undefined ? 0 : cInt(s), micro = us === undefined ? 0 : cInt(us);
    const f = fold === undefined ? 0 : cInt(fold);
    checkDateFields(year, month, day);
    checkTimeFields(hour, minute, second, micro, f);
    const tzinfo = tz ?? None;
    checkTzInfo(tzinfo);
    return new PyDateTime(cls, year, month, day, hour, minute, second, micro, tzinfo, f);
  };
  installNew(type);
  defGetSet(type, "hour", (v) => (v as PyDateTime).hour);
  defGetSet(type, "minute", (v) => (v as PyDateTime).minute);
  defGetSet(type, "second", (v) => (v as PyDateTime).second);
  defGetSet(type, "microsecond", (v) => (v as PyDateTime).us);
  defGetSet(type, "tzinfo", (v) => (v as PyDateTime).tzinfo);
  defGetSet(type, "fold", (v) => (v as PyDateTime).fold);

  const tzArg = (v: PyValue | undefined): PyValue => {
    const tz = v ?? None;
    checkTzInfo(tz);
    return tz;
  };
  defClassMethodOf(type, "now", (cls, args, kwnames) => {
    const [tz] = parseArgs("now", args, kwnames, ["tz"], 0);
    const tzinfo = tzArg(tz);
    const [seconds, us] = nowParts();
    return fromTimestamp(cls, seconds, us, tzinfo !== None, tzinfo === None ? None : tzinfo);
  });
  defClassMethodOf(type, "utcnow", (cls, args, kwnames) => {
    parseArgs("utcnow", args, kwnames, [], 0);
    const [seconds, us] = nowParts();
    return fromTimestamp(cls, seconds, us, true, None);
  });
  defClassMethodOf(type, "today", (cls, args, kwnames) => {
    parseArgs("today", args, kwnames, [], 0);
    const [seconds, us] = nowParts();
    return fromTimestamp(cls, seconds, us, false, None);
  });
  defClassMethodOf(type, "fromtimestamp", (cls, args, kwnames) => {
    const [ts, tz] = parseArgs("fromtimestamp", args, kwnames, ["timestamp", "tz"], 1);
    const tzinfo = tzArg(tz);
    const [seconds, us] = splitTimestamp(ts!);
    if (tzinfo !== None) {
      return fromTimestamp(cls, seconds, us, true, tzinfo);
    }
    return fromTimestamp(cls, seconds, us, false, None);
  });
  defClassMethodOf(type, "utcfromtimestamp", (cls, args, kwnames) => {
    const [ts] = parseArgs("utcfromtimestamp", args, kwnames, ["timestamp"], 1);
    const [seconds, us] = splitTimestamp(ts!);
    return fromTimestamp(cls, seconds, us, true, None);
  });
  defClassMethodOf(type, "fromordinal", (cls, args, kwnames) => {
    const [n] = parseArgs("fromordinal", args, kwnames, ["ordinal"], 1);
    const ordinal = cInt(n!);
    if (ordinal < 1) raise(Exc.ValueError, "ordinal must be >= 1");
    if (ordinal > MAX_ORDINAL) raise(Exc.ValueError, `year ${fromOrdinal(ordinal)[0]} is out of range`);
    const [y, m, d] = fromOrdinal(ordinal);
    return makeDateTime(cls, y, m, d, 0, 0, 0, 0, None, 0);
  });
  defClassMethodOf(type, "combine", (cls, args, kwnames) => {
    const [d, tm, tz] = parseArgs("combine", args, kwnames, ["date", "time", "tzinfo"], 2);
    if (!(d instanceof PyDate)) {
      raise(Exc.TypeError, `combine() argument 1 must be datetime.date, not ${typeOf(d!).name}`);
    }
    if (!(tm instanceof PyTime)) {
      raise(Exc.TypeError, `combine() argument 2 must be datetime.time, not ${typeOf(tm!).name}`);
    }
    const tzinfo = tz === undefined ? tm.tzinfo : tz;
    checkTzInfo(tzinfo);
    return makeDateTime(cls, d.year, d.month, d.day, tm.hour, tm.minute, tm.second, tm.us, tzinfo, tm.fold);
  });
  defClassMethodOf(type, "fromisoformat", (cls, args, kwnames) => {
    const [s] = parseArgs("fromisoformat", args, kwnames, ["date_string"], 1);
    const text = strValueOf(s!);
    if (text === undefined) raise(Exc.TypeError, "fromisoformat: argument must be str");
    const parsed = parseIsoDateTime(text);
    if (parsed === null) raise(Exc.ValueError, `Invalid isoformat string: ${repr(s!)}`);
    const [[y, m, d], tm] = parsed;
    checkDateFields(y, m, d);
    checkTimeFields(tm.hour, tm.minute, tm.second, tm.microsecond, 0);
    return makeDateTime(cls, y, m, d, tm.hour, tm.minute, tm.second, tm.microsecond, tzFromIso(tm), 0);
  });
  defClassMethodOf(type, "strptime", (cls, args, kwnames) => {
    const [s, f] = parseArgs("strptime", args, kwnames, ["date_string", "format"], 2);
    const text = strArg(s!, "strptime", 1), format = strArg(f!, "strptime", 2);
    const zone = localZone();
    const parsed = timeStrptime(text, format, zone.tzname, zone.daylight);
    const [y, mo, d, h, mi, sec] = parsed.fields;
    const callArgs: PyValue[] = [y, mo, d, h, mi, sec, parsed.fraction];
    if (parsed.gmtoff !== null) {
      const offset = newDelta(0, parsed.gmtoff, 0);
      callArgs.push(parsed.zone ? newTimezoneChecked(offset, parsed.zone) : newTimezoneChecked(offset, null));
    }
    return call(cls, callArgs);
  });

  defMethod(type, "__repr__", (args) => {
    const v = self(args[0], "__repr__");
    let inner = `${v.year}, ${v.month}, ${v.day}, ${v.hour}, ${v.minute}`;
    if (v.second !== 0 || v.us !== 0) inner += `, ${v.second}`;
    if (v.us !== 0) inner += `, ${v.us}`;
    if (v.fold !== 0) inner += `, fold=${v.fold}`; // before tzinfo, unlike time's repr
    if (v.tzinfo !== None) inner += `, tzinfo=${repr(v.tzinfo)}`;
    return `${v.cls.name}(${inner})`;
  });
  defMethod(type, "isoformat", (args, kwnames) => {
    const v = self(args[0], "isoformat");
    const [sep, ts] = parseArgs("isoformat", args.slice(1), kwnames, ["sep", "timespec"], 0);
    let separator = "T";
    if (sep !== undefined) {
      const s = strValueOf(sep);
      if (s === undefined || [...s].length !== 1) {
        const what = s === undefined ? typeOf(sep).name : "str";
        raise(Exc.TypeError, `isoformat() argument 1 must be a unicode character, not ${what}`);
      }
      separator = s;
    }
    const timespec = ts === undefined ? "auto" : strArg(ts, "isoformat", 2);
    if (!TIMESPECS.includes(timespec)) raise(Exc.ValueError, "Unknown timespec value");
    let out = dateIso(v) + separator + clockIso(v.hour, v.minute, v.second, v.us, timespec);
    const off = callUtcOffset(v.tzinfo, v);
    if (off !== null) out += formatOffset(off, ":");
    return out;
  });
  defMethod(type, "__str__", (args) => call(getAttr(args[0], "isoformat"), [" "]));
  defMethod(type, "ctime", (args, kwnames) => {
    noArgs("ctime", args, kwnames);
    const v = self(args[0], "ctime");
    return ctimeOf(v.year, v.month, v.day, v.hour, v.minute, v.second);
  });
  defMethod(type, "strftime", (args, kwnames) => {
    const v = self(args[0], "strftime");
    const [f] = parseArgs("strftime", args.slice(1), kwnames, ["format"], 1);
    const format = strArg(f!, "strftime", 1);
    const tt = toFields(call(getAttr(v, "timetuple"), []));
    return strftimeOf(format, tt, v.us, v.tzinfo, v);
  });
  defMethod(type, "date", (args, kwnames) => {
    noArgs("date", args, kwnames);
    const v = self(args[0], "date");
    return new PyDate(t.date, v.year, v.month, v.day);
  });
  defMethod(type, "time", (args, kwnames) => {
    noArgs("time", args, kwnames);
    const v = self(args[0], "time");
    return new PyTime(t.time, v.hour, v.minute, v.second, v.us, None, v.fold);
  });
  defMethod(type, "timetz", (args, kwnames) => {
    noArgs("timetz", args, kwnames);
    const v = self(args[0], "timetz");
    return new PyTime(t.time, v.hour, v.minute, v.second, v.us, v.tzinfo, v.fold);
  });
  defMethod(type, "utcoffset", (args, kwnames) => {
    noArgs("utcoffset", args, kwnames);
    const v = self(args[0], "utcoffset");
    return callUtcOffset(v.tzinfo, v) ?? None;
  });
  defMethod(type, "dst", (args, kwnames) => {
    noArgs("dst", args, kwnames);
    const v = self(args[0], "dst");
    return callDst(v.tzinfo, v) ?? None;
  });
  defMethod(type, "tzname", (args, kwnames) => {
    noArgs("tzname", args, kwnames);
    const v = self(args[0], "tzname");
    return callTzName(v.tzinfo, v);
  });
  defMethod(type, "timetuple", (args, kwnames) => {
    noArgs("timetuple", args, kwnames);
    const v = self(args[0], "timetuple");
    const dst = callDst(v.tzinfo, v);
    const isdst = dst === null ? -1 : (dst.days !== 0 || dst.seconds !== 0 || dst.us !== 0) ? 1 : 0;
    return structSeq(
      structTimeType,
      timeTupleFields(v.year, v.month, v.day, v.hour, v.minute, v.second, isdst),
    );
  });
  defMethod(type, "utctimetuple", (args, kwnames) => {
    noArgs("utctimetuple", args, kwnames);
    let v = self(args[0], "utctimetuple");
    const off = callUtcOffset(v.tzinfo, v);
    if (off !== null) {
      // may step outside the supported years (MINYEAR - 1 or MAXYEAR + 1), as CPython allows
      const shifted = shiftFields(v, -off.days, -off.seconds, -off.us);
      return structSeq(structTimeType, timeTupleFieldsLoose(shifted));
    }
    v = v as PyDateTime;
    return structSeq(structTimeType, timeTupleFields(v.year, v.month, v.day, v.hour, v.minute, v.second, 0));
  });
  defMethod(type, "timestamp", (args, kwnames) => {
    noArgs("timestamp", args, kwnames);
    const v = self(args[0], "timestamp");
    const off = callUtcOffset(v.tzinfo, v);
    if (off === null) return new PyFloat(localToSeconds(v) + v.us / 1e6);
    const us = utcUs(v, off) - BigInt(719163) * US_PER_DAY;
    return new PyFloat(trueDivide(us, 1000000n));
  });
  defMethod(type, "replace", (args, kwnames) => {
    const v = self(args[0], "replace");
    const [y, mo, d, h, mi, s, us, tz, fold] = parseArgs(
      "replace",
      args.slice(1),
      kwnames,
      DATETIME_ARGS,
      0,
      8,
    );
    const year = y === undefined ? v.year : cInt(y), month = mo === undefined ? v.month : cInt(mo);
    const day = d === undefined ? v.day : cInt(d), hour = h === undefined ? v.hour : cInt(h);
    const minute = mi === undefined ? v.minute : cInt(mi), second = s === undefined ? v.second : cInt(s);
    const micro = us === undefined ? v.us : cInt(us), f = fold === undefined ? v.fold : cInt(fold);
    checkDateFields(year, month, day);
    checkTimeFields(hour, minute, second, micro, f);
    const tzinfo = tz === undefined ? v.tzinfo : tz;
    checkTzInfo(tzinfo);
    return new PyDateTime(v.cls, year, month, day, hour, minute, second, micro, tzinfo, f);
  });
  defMethod(type, "astimezone", (args, kwnames) => {
    const v = self(args[0], "astimezone");
    const [tzv] = parseArgs("astimezone", args.slice(1), kwnames, ["tz"], 0);
    let tz = tzv ?? None;
    checkTzInfo(tz);
    let mine = v.tzinfo;
    let offset: PyDelta | null = null;
    if (mine !== None) offset = callUtcOffset(mine, v);
    if (offset === null) {
      mine = localTimezoneAt(localToSeconds(v));
      offset = (mine as PyTimezone).offset;
    }
    if (tz === None) {
      const seconds = Number((utcUs(v, offset) - BigInt(719163) * US_PER_DAY) / 1000000n);
      tz = localTimezoneAt(seconds);
    }
    if (tz === mine) return v;
    const utcMoment = addToDateTime(v, -offset.days, -offset.seconds, -offset.us) as PyDateTime;
    const withTz = new PyDateTime(
      typeOf(utcMoment) as PyType,
      utcMoment.year,
      utcMoment.month,
      utcMoment.day,
      utcMoment.hour,
      utcMoment.minute,
      utcMoment.second,
      utcMoment.us,
      tz,
      0,
    );
    return call(getAttr(tz, "fromutc"), [withTz]);
  });
  defMethod(type, "__hash__", (args) => {
    const v = self(args[0], "__hash__");
    const plain = v.fold === 0 ? v : new PyDateTime(
      v.cls,
      v.year,
      v.month,
      v.day,
      v.hour,
      v.minute,
      v.second,
      v.us,
      v.tzinfo,
      0,
    );
    const off = callUtcOffset(plain.tzinfo, plain);
    if (off === null) return hash(newTuple(dateTimeKey(plain)));
    const us = utcUs(plain, off);
    return hash(newTuple([bigToPy(us / US_PER_DAY), bigToPy(us % US_PER_DAY)]));
  });
  const reduceDateTime = (v: PyDateTime, proto: number) => {
    const state = [...dateState(v, proto > 3 ? v.fold : 0), ...clockState(v.hour, v.minute, v.second, v.us)];
    return reduceWithState(v, state, v.tzinfo);
  };
  defMethod(type, "__reduce__", (args) => reduceDateTime(self(args[0], "__reduce__"), 2));
  defMethod(
    type,
    "__reduce_ex__",
    (args) => reduceDateTime(self(args[0], "__reduce_ex__"), cInt(args[1] ?? 0)),
  );
  for (const op of OPS) {
    defMethod(type, op, (args) => {
      const a = self(args[0], op), b = args[1];
      if (b instanceof PyDateTime) return compareDateTimes(a, b, op);
      if (b instanceof PyDate) {
        if (op === "__eq__") return false;
        if (op === "__ne__") return true;
        raise(Exc.TypeError, `can't compare ${a.cls.name} to ${b.cls.name}`);
      }
      return NotImplemented;
    });
  }
  defMethod(type, "__add__", (args) => {
    const v = self(args[0], "__add__"), b = args[1];
    if (!(b instanceof PyDelta)) return NotImplemented;
    return addToDateTime(v, b.days, b.seconds, b.us);
  });
  defMethod(type, "__radd__", (args) => {
    const v = self(args[0], "__radd__"), b = args[1];
    if (!(b instanceof PyDelta)) return NotImplemented;
    return addToDateTime(v, b.days, b.seconds, b.us);
  });
  defMethod(type, "__sub__", (args) => {
    const v = self(args[0], "__sub__"), b = args[1];
    if (b instanceof PyDelta) return addToDateTime(v, -b.days, -b.seconds, -b.us);
    if (!(b instanceof PyDateTime)) return NotImplemented;
    let offA: PyDelta | null = null, offB: PyDelta | null = null;
    if (v.tzinfo !== b.tzinfo) {
      offA = callUtcOffset(v.tzinfo, v);
      offB = callUtcOffset(b.tzinfo, b);
      if ((offA === null) !== (offB === null)) {
        raise(Exc.TypeError, "can't subtract offset-naive and offset-aware datetimes");
      }
    }
    // days, seconds and microseconds apart (each fits a double; newDelta carries between them)
    let seconds = v.hour * 3600 + v.minute * 60 + v.second - (b.hour * 3600 + b.minute * 60 + b.second);
    let us = v.us - b.us;
    if (offA !== null && offB !== null) {
      seconds -= (offA.days - offB.days) * SECONDS_PER_DAY + offA.seconds - offB.seconds;
      us -= offA.us - offB.us;
    }
    return newDelta(toOrdinal(v.year, v.month, v.day) - toOrdinal(b.year, b.month, b.day), seconds, us);
  });
  defAttr(type, "min", new PyDateTime(type, 1, 1, 1, 0, 0, 0, 0, None, 0));
  defAttr(type, "max", new PyDateTime(type, 9999, 12, 31, 23, 59, 59, 999999, None, 0));
  defAttr(type, "resolution", new PyDelta(t.delta, 0, 0, 1));
}

/** Date and time fields moved by a delta, without range checks (for utctimetuple). */
function shiftFields(v: PyDateTime, days: number, seconds: number, us: number): number[] {
  let micro = v.us + us;
  let secs = v.hour * 3600 + v.minute * 60 + v.second + seconds;
  let ordinal = toOrdinal(v.year, v.month, v.day) + days;
  let carry = Math.floor(micro / US_PER_SECOND);
  micro -= carry * US_PER_SECOND;
  secs += carry;
  carry = Math.floor(secs / SECONDS_PER_DAY);
  secs -= carry * SECONDS_PER_DAY;
  ordinal += carry;
  let y: number, m: number, d: number;
  if (ordinal < 1) [y, m, d] = [0, 12, 31];
  else if (ordinal > MAX_ORDINAL) [y, m, d] = [10000, 1, 1];
  else [y, m, d] = fromOrdinal(ordinal);
  return [y, m, d, Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60];
}

function timeTupleFieldsLoose(f: number[]): number[] {
  const [y, m, d, h, mi, s] = f;
  if (y < MINYEAR || y > MAXYEAR) {
    const wday = y < MINYEAR ? 6 : 5; // 0000-12-31 was a Sunday, 10000-01-01 a Saturday
    return [y, m, d, h, mi, s, wday, y < MINYEAR ? 366 : 1, 0];
  }
  return timeTupleFields(y, m, d, h, mi, s, 0);
}

function newTimezoneChecked(offset: PyDelta, name: string | null): PyTimezone {
  checkTimezoneOffset(offset);
  return newTimezone(offset, name);
}

// ---- tzinfo and timezone

function defineTzInfo(t: DatetimeTypes): void {
  const tzinfo = t.tzinfo;
  tzinfo.tp_new = (cls) => new PyTzInfo(cls);
  installNew(tzinfo);
  for (const name of ["utcoffset", "dst", "tzname"]) {
    defMethod(
      tzinfo,
      name,
      () => raise(Exc.NotImplementedError, `a tzinfo subclass must implement ${name}()`),
    );
  }
  defMethod(tzinfo, "fromutc", (args) => {
    const self = args[0], dt = args[1];
    if (!(dt instanceof PyDateTime)) raise(Exc.TypeError, "fromutc: argument must be a datetime");
    if (dt.tzinfo !== self) raise(Exc.ValueError, "fromutc: dt.tzinfo is not self");
    const offset = checkOffset(call(getAttr(self, "utcoffset"), [dt]), "utcoffset");
    if (offset === null) raise(Exc.ValueError, "fromutc: non-None utcoffset() result required");
    const dst = checkOffset(call(getAttr(self, "dst"), [dt]), "dst");
    if (dst === null) raise(Exc.ValueError, "fromutc: non-None dst() result required");
    const standard = newDelta(offset.days - dst.days, offset.seconds - dst.seconds, offset.us - dst.us);
    let result = addToDateTime(dt, standard.days, standard.seconds, standard.us) as PyDateTime;
    const dst2 = checkOffset(call(getAttr(self, "dst"), [result]), "dst");
    if (dst2 === null) raise(Exc.ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
    result = addToDateTime(result, dst2.days, dst2.seconds, dst2.us) as PyDateTime;
    return result;
  });
  defMethod(tzinfo, "__reduce__", (args) => {
    const self = args[0];
    const getinitargs = typeOf(self).lookup("__getinitargs__");
    const initArgs = getinitargs === undefined ? newTuple([]) : call(getAttr(self, "__getinitargs__"), []);
    const dict = (self as PyObject).dict;
    return newTuple([typeOf(self), initArgs, dict !== null && dict.size > 0 ? dict : None]);
  });

  const timezone = t.timezone;
  const self = (v: PyValue, name: string) => selfOf(v, PyTimezone, timezone, name);
  timezone.tp_new = (cls, args, kwnames) => {
    const [offset, name] = parseArgs("timezone", args, kwnames, ["offset", "name"], 1);
    if (!(offset instanceof PyDelta)) {
      raise(Exc.TypeError, `timezone() argument 1 must be datetime.timedelta, not ${typeOf(offset!).name}`);
    }
    let tzName: string | null = null;
    if (name !== undefined) tzName = strArg(name, "timezone", 2);
    checkTimezoneOffset(offset);
    if (cls === timezone) return newTimezone(offset, tzName);
    return new PyTimezone(cls, offset, tzName);
  };
  installNew(timezone);
  const dtArg = (v: PyValue, what: string): void => {
    if (v !== None && !(v instanceof PyDateTime)) {
      raise(Exc.TypeError, `${what}(dt) argument must be a datetime instance or None, not ${typeOf(v).name}`);
    }
  };
  defMethod(timezone, "utcoffset", (args) => {
    const tz = self(args[0], "utcoffset");
    dtArg(args[1] ?? None, "utcoffset");
    return tz.offset;
  });
  defMethod(timezone, "dst", (args) => {
    self(args[0], "dst");
    dtArg(args[1] ?? None, "dst");
    return None;
  });
  defMethod(timezone, "tzname", (args) => {
    const tz = self(args[0], "tzname");
    dtArg(args[1] ?? None, "tzname");
    return timezoneName(tz);
  });
  defMethod(timezone, "fromutc", (args) => {
    const tz = self(args[0], "fromutc"), dt = args[1];
    if (!(dt instanceof PyDateTime)) raise(Exc.TypeError, "fromutc: argument must be a datetime");
    if (dt.tzinfo !== tz) raise(Exc.ValueError, "fromutc: dt.tzinfo is not self");
    return addToDateTime(dt, tz.offset.days, tz.offset.seconds, tz.offset.us);
  });
  defMethod(timezone, "__repr__", (args) => {
    const tz = self(args[0], "__repr__");
    if (tz === t.utc) return "datetime.timezone.utc";
    const name = tz.cls.name;
    if (tz.name === null) return `${name}(${deltaRepr(tz.offset)})`;
    return `${name}(${deltaRepr(tz.offset)}, ${repr(tz.name)})`;
  });
  defMethod(timezone, "__str__", (args) => timezoneName(self(args[0], "__str__")));
  defMethod(timezone, "__eq__", (args) => {
    const a = self(args[0], "__eq__"), b = args[1];
    if (!(b instanceof PyTimezone)) return NotImplemented;
    return compareDeltas(a.offset, b.offset) === 0;
  });
  defMethod(timezone, "__ne__", (args) => {
    const a = self(args[0], "__ne__"), b = args[1];
    if (!(b instanceof PyTimezone)) return NotImplemented;
    return compareDeltas(a.offset, b.offset) !== 0;
  });
  defMethod(timezone, "__hash__", (args) => {
    const d = self(args[0], "__hash__").offset;
    return hash(newTuple([d.days, d.seconds, d.us]));
  });
  defMethod(timezone, "__getinitargs__", (args) => {
    const tz = self(args[0], "__getinitargs__");
    return tz.name === null ? newTuple([tz.offset]) : newTuple([tz.offset, tz.name]);
  });
  defAttr(timezone, "utc", t.utc);
  defAttr(timezone, "min", new PyTimezone(timezone, new PyDelta(t.delta, -1, 60, 0), null));
  defAttr(timezone, "max", new PyTimezone(timezone, new PyDelta(t.delta, 0, 86340, 0), null));
}

/** A timezone's name: the one given, else UTC, UTC±HH:MM[:SS[.ffffff]]. */
function timezoneName(tz: PyTimezone): string {
  if (tz.name !== null) return tz.name;
  const d = tz.offset;
  if (d.days === 0 && d.seconds === 0 && d.us === 0) return "UTC";
  return "UTC" + formatOffset(d, ":");
}

// ---------------------------------------------------------------------------------------------

/** Builds the `_datetime` module (its types are made on first import). */
export function makeDatetimeModule(): PyModule {
  const t = T ?? createTypes();
  return buildModule("_datetime", "Fast implementation of the datetime type.", {}, {
    date: t.date,
    datetime: t.datetime,
    time: t.time,
    timedelta: t.delta,
    timezone: t.timezone,
    tzinfo: t.tzinfo,
    IsoCalendarDate: t.isoCalendarDate,
    MINYEAR,
    MAXYEAR,
    UTC: t.utc,
  });
}
