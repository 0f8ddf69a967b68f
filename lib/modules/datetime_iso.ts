/**
 * ISO 8601 text → date, time and datetime fields, as CPython 3.11's `fromisoformat` methods read
 * it (the C module's parser, whose quirks programs can observe): dates `YYYY-MM-DD`, `YYYYMMDD`,
 * `YYYY-Www[-D]`, `YYYYWww[D]`; times `HH[:MM[:SS[.f…]]]` or `HHMMSS[.f…]` (`,` also starts the
 * fraction, digits past six are dropped); offsets `Z`, `±HH[:MM[:SS[.ffffff]]]`; and any one
 * character between date and time. The text is read as UTF-8 bytes, as CPython does.
 *
 * Each parser returns the fields, or null when the text is not ISO format (the caller raises
 * "Invalid isoformat string"); field ranges are checked by the constructors afterwards.
 *
 * @example
 * ```ts
 * import { parseIsoDate } from "./datetime_iso.ts";
 * console.log(parseIsoDate("2020-W01-3")); // [2020, 1, 1]
 * ```
 * @module
 */
import { fromIsoWeek, fromOrdinal, toOrdinal } from "./time_calendar.ts";

/** Time fields and the offset: seconds and microseconds east of UTC, null without one. */
export interface IsoTime {
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  offsetSeconds: number | null;
  offsetMicroseconds: number;
}

/** The text's UTF-8 bytes; reading past the end gives 0, as C's terminating NUL. */
class Bytes {
  readonly data: Uint8Array;
  constructor(text: string) {
    this.data = new TextEncoder().encode(text);
  }
  get length(): number {
    return this.data.length;
  }
  at(i: number): number {
    return i < this.data.length ? this.data[i] : 0;
  }
}

const DASH = 45, COLON = 58, DOT = 46, COMMA = 44, W = 87, Z = 90, PLUS = 43;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `count` digits at `pos` as a number, or null when one is not a digit. */
function digits(b: Bytes, pos: number, count: number): number | null {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const c = b.at(pos + i);
    if (!isDigit(c)) return null;
    value = value * 10 + (c - 48);
  }
  return value;
}

/** Whether ISO year `year` has a week 53 (its Jan 1 is a Thursday, or a Wednesday in a leap year). */
function hasWeek53(year: number): boolean {
  const jan1Weekday = (toOrdinal(year, 1, 1) + 6) % 7; // Monday = 0
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return jan1Weekday === 3 || (jan1Weekday === 2 && leap);
}

/** [year, month, day] of the date in the first `len` bytes, or null. */
function parseDatePart(b: Bytes, len: number): [number, number, number] | null {
  const year = digits(b, 0, 4);
  if (year === null) return null;
  let p = 4;
  const separated = b.at(p) === DASH;
  if (separated) p++;
  if (b.at(p) === W) {
    p++;
    const week = digits(b, p, 2);
    if (week === null) return null;
    p += 2;
    let day = 1;
    if (p < len) {
      if (separated && b.at(p++) !== DASH) return null;
      const d = digits(b, p, 1);
      if (d === null) return null;
      day = d;
    }
    if (week <= 0 || week >= 53) {
      if (!(week === 53 && year >= 1 && hasWeek53(year))) return null;
    }
    if (day <= 0 || day >= 8) return null;
    if (year < 1 || year > 9999) return [year, 1, 1]; // the constructor reports the year
    const ordinal = fromIsoWeek(year, week, day);
    if (ordinal < 1 || ordinal > 3652059) return [ordinal < 1 ? 0 : 10000, 1, 1];
    return fromOrdinal(ordinal);
  }
  const month = digits(b, p, 2);
  if (month === null) return null;
  p += 2;
  if (separated && b.at(p++) !== DASH) return null;
  const day = digits(b, p, 2);
  if (day === null) return null;
  return [year, month, day];
}

/** date.fromisoformat: [year, month, day], or null. */
export function parseIsoDate(text: string): [number, number, number] | null {
  const b = new Bytes(text);
  if (b.length !== 7 && b.length !== 8 && b.length !== 10) return null;
  return parseDatePart(b, b.length);
}

/**
 * Where the date ends in a datetime string: the date forms differ in length, and the character
 * after the date may be anything, so the shape of the first characters decides.
 */
function dateLength(b: Bytes): number {
  const len = b.length;
  if (len === 7) return 7;
  if (b.at(4) === DASH) {
    if (b.at(5) !== W) return 10; // YYYY-MM-DD
    if (len < 8) return -1;
    if (len > 8 && b.at(8) === DASH) {
      if (len === 9) return -1;
      // YYYY-Www-D…, unless YYYY-Www-HH (a dash as the separator)
      if (len > 10 && isDigit(b.at(10))) return 8;
      return 10;
    }
    return 8; // YYYY-Www
  }
  if (b.at(4) === W) {
    let i = 7;
    while (i < len && isDigit(b.at(i))) i++;
    if (i < 9) return i;
    return i % 2 === 0 ? 7 : 8;
  }
  return 8; // YYYYMMDD
}

/**
 * [HH[:MM[:SS[.f…]]]] from `start` to `end`: 0 when it ends exactly there, 1 when something
 * follows, -1 when malformed; the fields go into `out`.
 */
function parseClock(b: Bytes, start: number, end: number, out: number[]): number {
  let p = start;
  let separated = true;
  let i = 0;
  for (; i < 3; i++) {
    const v = digits(b, p, 2);
    if (v === null) return -1;
    out[i] = v;
    p += 2;
    const c = b.at(p++);
    if (i === 0) separated = c === COLON;
    if (p >= end) return c !== 0 ? 1 : 0;
    if (separated && c === COLON) continue;
    if (c === DOT || c === COMMA) break;
    if (!separated) p--;
    else return -1;
  }
  const remaining = end - p;
  const count = Math.min(remaining, 6);
  const fraction = digits(b, p, count);
  if (fraction === null) return -1;
  p += count;
  out[3] = count === 0 ? 0 : fraction * 10 ** (6 - count);
  while (isDigit(b.at(p))) p++;
  return b.at(p) !== 0 ? 1 : 0;
}

/** The time (and offset) in bytes [start, end), or null. */
function parseTimePart(b: Bytes, start: number): IsoTime | null {
  const end = b.length;
  let tz = start;
  do {
    const c = b.at(tz);
    if (c === Z || c === PLUS || c === DASH) break;
  } while (++tz < end);
  const clock = [0, 0, 0, 0];
  const rv = parseClock(b, start, tz, clock);
  if (rv < 0) return null;
  const result: IsoTime = {
    hour: clock[0],
    minute: clock[1],
    second: clock[2],
    microsecond: clock[3],
    offsetSeconds: null,
    offsetMicroseconds: 0,
  };
  if (tz === end) return rv === 1 ? null : result;
  if (b.at(tz) === Z) {
    if (b.at(tz + 1) !== 0) return null;
    result.offsetSeconds = 0;
    return result;
  }
  const sign = b.at(tz) === DASH ? -1 : 1;
  const offset = [0, 0, 0, 0];
  if (parseClock(b, tz + 1, end, offset) !== 0) return null;
  result.offsetSeconds = sign * (offset[0] * 3600 + offset[1] * 60 + offset[2]);
  result.offsetMicroseconds = sign * offset[3];
  return result;
}

/** time.fromisoformat (a leading T allowed), or null. */
export function parseIsoTime(text: string): IsoTime | null {
  const b = new Bytes(text);
  const start = b.at(0) === 84 ? 1 : 0; // "T"
  if (b.length - start === 0) return null;
  return parseTimePart(b, start);
}

/** datetime.fromisoformat: the date and the time (midnight when absent), or null. */
export function parseIsoDateTime(text: string): [[number, number, number], IsoTime] | null {
  const b = new Bytes(text);
  if (b.length < 7) return null;
  const split = dateLength(b);
  if (split < 0) return null;
  const date = parseDatePart(b, split);
  if (date === null) return null;
  let time: IsoTime = {
    hour: 0,
    minute: 0,
    second: 0,
    microsecond: 0,
    offsetSeconds: null,
    offsetMicroseconds: 0,
  };
  if (b.length > split) {
    // the separator is one character, which may take several bytes
    const lead = b.at(split);
    const separatorBytes = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (b.length - (split + separatorBytes) <= 0) return null;
    const parsed = parseTimePart(b, split + separatorBytes);
    if (parsed === null) return null;
    time = parsed;
  }
  return [date, time];
}
