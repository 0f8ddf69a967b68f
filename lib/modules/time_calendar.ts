/**
 * Calendar arithmetic and the host's time zone for the `time` module: days ↔ dates (proleptic
 * Gregorian), weekdays and ISO weeks, the C-locale names, and the local zone as the C library
 * reports it (`timezone`, `altzone`, `daylight`, `tzname`) read from JavaScript's Date and Intl.
 *
 * @example
 * ```ts
 * import { daysBeforeYear, zoneInfo } from "./time_calendar.ts";
 * console.log(daysBeforeYear(1970), zoneInfo().tzname);
 * ```
 * @module
 */

/** C-locale weekday names, Monday first (tm_wday 0 = Monday, as Python's). */
export const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** C-locale month names, January first. */
export const MONTH_NAMES = [
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

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Days from 0001-01-01 to January 1st of `year` (year 1 → 0). */
export function daysBeforeYear(year: number): number {
  const y = year - 1;
  return y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

/** The day of the year (1–366) of a date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return DAYS_BEFORE_MONTH[month - 1] + (month > 2 && isLeap(year) ? 1 : 0) + day;
}

/** Proleptic ordinal of a date (0001-01-01 is 1), as datetime.date.toordinal. */
export function toOrdinal(year: number, month: number, day: number): number {
  return daysBeforeYear(year) + dayOfYear(year, month, day);
}

/** The date of a proleptic ordinal. */
export function fromOrdinal(ordinal: number): [number, number, number] {
  let year = Math.floor((ordinal - 1) / 365.2425) + 1;
  while (daysBeforeYear(year) >= ordinal) year--;
  while (daysBeforeYear(year + 1) < ordinal) year++;
  let rest = ordinal - daysBeforeYear(year);
  let month = 1;
  while (rest > daysInMonth(year, month)) {
    rest -= daysInMonth(year, month);
    month++;
  }
  return [year, month, rest];
}

/** The weekday of a date, Monday = 0. */
export function weekday(year: number, month: number, day: number): number {
  return (toOrdinal(year, month, day) + 6) % 7;
}

/** ISO 8601 year and week (1–53) of a date. */
export function isoWeek(year: number, month: number, day: number): [number, number] {
  const ordinal = toOrdinal(year, month, day);
  const week1 = (y: number) => {
    const jan4 = toOrdinal(y, 1, 4);
    return jan4 - ((jan4 + 6) % 7);
  };
  let isoYear = year;
  if (ordinal < week1(year)) isoYear--;
  else if (ordinal >= week1(year + 1)) isoYear++;
  return [isoYear, Math.floor((ordinal - week1(isoYear)) / 7) + 1];
}

/** The ordinal of ISO year/week/weekday (weekday 1 = Monday … 7). */
export function fromIsoWeek(isoYear: number, week: number, isoWeekday: number): number {
  const jan4 = toOrdinal(isoYear, 1, 4);
  return jan4 - ((jan4 + 6) % 7) + (week - 1) * 7 + (isoWeekday - 1);
}

// ---------------------------------------------------------------------------------------------
// The local time zone

/** The local zone as C's tzset() describes it. */
export interface ZoneInfo {
  /** Seconds west of UTC outside daylight saving time. */
  timezone: number;
  /** Seconds west of UTC during daylight saving time (= timezone when there is none). */
  altzone: number;
  /** 1 when the zone has daylight saving time. */
  daylight: number;
  /** Names of standard and daylight time. */
  tzname: [string, string];
}

/** Minutes west of UTC at a moment (JavaScript's getTimezoneOffset). */
export function offsetMinutesAt(ms: number): number {
  return new Date(ms).getTimezoneOffset();
}

/** The zone's short name at a moment: "CET", "EST", "UTC", else a GMT offset ("GMT+1"). */
function zoneNameAt(ms: number): string {
  // UTC (servers, containers, CI) is named without Intl, whose first use loads its zone data (~16 ms).
  const longName = /\(([^)]*)\)$/.exec(new Date(ms).toString())?.[1];
  if (longName === "Coordinated Universal Time" || longName === "UTC") return "UTC";
  let fallback = "";
  // Each English locale names the zones of its region (EST, CET, IST, AEST…); others get "GMT+1".
  for (const locale of ["en-US", "en-GB", "en-IN", "en-AU", "en-NZ", "en-ZA", "en-SG"]) {
    try {
      const part = new Intl.DateTimeFormat(locale, { timeZoneName: "short" }).formatToParts(new Date(ms))
        .find((p) => p.type === "timeZoneName");
      if (part === undefined) continue;
      if (!/^GMT[+-]/.test(part.value)) return part.value;
      fallback ||= part.value;
    } catch {
      // no Intl time zone data: fall back to the offset
    }
  }
  return fallback || "UTC";
}

/** The zone's offsets in January and July of this year: standard time is the one further west. */
export function zoneInfo(): ZoneInfo {
  const year = new Date().getFullYear();
  const jan = new Date(year, 0, 1).getTime(), jul = new Date(year, 6, 1).getTime();
  const janOffset = offsetMinutesAt(jan), julOffset = offsetMinutesAt(jul);
  const [std, dst] = janOffset >= julOffset ? [jan, jul] : [jul, jan];
  const daylight = janOffset !== julOffset ? 1 : 0;
  return {
    timezone: offsetMinutesAt(std) * 60,
    altzone: offsetMinutesAt(dst) * 60,
    daylight,
    tzname: [zoneNameAt(std), zoneNameAt(daylight ? dst : std)],
  };
}

/** Whether daylight saving time is in force at a moment (its offset is east of standard time). */
export function isDstAt(ms: number, zone: ZoneInfo): boolean {
  return zone.daylight === 1 && offsetMinutesAt(ms) * 60 < zone.timezone;
}
