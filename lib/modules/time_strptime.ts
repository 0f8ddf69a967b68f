/**
 * `time.strptime`: a string and a format (C locale) → the broken-down time it denotes, as
 * CPython's: each directive matches what CPython's accepts (case-insensitive, whitespace in the
 * format matching any run of whitespace), missing fields default to 1900-01-01 00:00:00, the day
 * of the year and the weekday are computed, and the errors carry CPython's messages ("time data
 * … does not match format …", "unconverted data remains: …", "'Q' is a bad directive …").
 *
 * @example
 * ```ts
 * import { strptime } from "./time_strptime.ts";
 * console.log(strptime("2024-03-05", "%Y-%m-%d", ["UTC", "UTC"], 0).fields); // [2024, 3, 5, 0, 0, 0, 1, 65, -1]
 * ```
 * @module
 */
import { Exc, raise } from "../../objects/object.ts";
import { repr } from "../../objects/ops.ts";
import {
  DAY_NAMES,
  daysInMonth,
  fromIsoWeek,
  fromOrdinal,
  isLeap,
  MONTH_NAMES,
  toOrdinal,
  weekday,
} from "./time_calendar.ts";

/** What strptime found. */
export interface ParsedTime {
  /** tm_year … tm_isdst. */
  fields: number[];
  /** The %Z name as written, or null. */
  zone: string | null;
  /** The %z offset in seconds east of UTC, or null. */
  gmtoff: number | null;
  /** Microseconds (%f). */
  fraction: number;
}

/** Alternatives, longest first (so "march" is tried before "mar"). */
function oneOf(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map((w) =>
    w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  )
    .join("|");
}

const DAYS = oneOf([...DAY_NAMES, ...DAY_NAMES.map((d) => d.slice(0, 3))]);
const MONTHS = oneOf([...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3))]);

/** What each directive matches. */
const DIRECTIVES: Record<string, string> = {
  d: String.raw`3[01]|[12]\d|0[1-9]|[1-9]| [1-9]`,
  f: String.raw`[0-9]{1,6}`,
  H: String.raw`2[0-3]|[0-1]\d|\d`,
  I: String.raw`1[0-2]|0[1-9]|[1-9]`,
  G: String.raw`\d\d\d\d`,
  j: String.raw`36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]`,
  m: String.raw`1[0-2]|0[1-9]|[1-9]`,
  M: String.raw`[0-5]\d|\d`,
  S: String.raw`6[0-1]|[0-5]\d|\d`,
  U: String.raw`5[0-3]|[0-4]\d|\d`,
  W: String.raw`5[0-3]|[0-4]\d|\d`,
  w: String.raw`[0-6]`,
  u: String.raw`[1-7]`,
  V: String.raw`5[0-3]|0[1-9]|[1-4]\d|\d`,
  y: String.raw`\d\d`,
  Y: String.raw`\d\d\d\d`,
  z: String.raw`[+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|Z`,
  A: DAYS,
  a: DAYS,
  B: MONTHS,
  b: MONTHS,
  h: MONTHS,
  p: "am|pm",
};

/** Directives that stand for a whole format in the C locale. */
const COMPOSITE: Record<string, string> = { c: "%a %b %d %H:%M:%S %Y", x: "%m/%d/%y", X: "%H:%M:%S" };

/** The format as a regular expression and the directive of each capture group. */
function compile(format: string, zoneNames: string[]): { regex: RegExp; groups: string[] } {
  const groups: string[] = [];
  let src = "";
  const expand = (fmt: string) => {
    for (let i = 0; i < fmt.length; i++) {
      const ch = fmt[i];
      if (ch === "%") {
        if (i + 1 >= fmt.length) raise(Exc.ValueError, `stray % in format ${repr(format)}`);
        const d = fmt[++i];
        if (d === "%") src += "%";
        else if (COMPOSITE[d] !== undefined) expand(COMPOSITE[d]);
        else if (d === "Z") {
          groups.push("Z");
          src += `(${oneOf(zoneNames)})`;
        } else if (DIRECTIVES[d] !== undefined) {
          groups.push(d);
          src += `(${DIRECTIVES[d]})`;
        } else raise(Exc.ValueError, `${repr(d)} is a bad directive in format ${repr(format)}`);
      } else if (/\s/.test(ch)) {
        while (i + 1 < fmt.length && /\s/.test(fmt[i + 1])) i++;
        src += String.raw`\s+`;
      } else src += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  };
  expand(format);
  return { regex: new RegExp(`^(?:${src})`, "iu"), groups };
}

/** The %z text → seconds east of UTC. */
function parseOffset(z: string): number {
  if (z === "Z" || z === "z") return 0;
  let digits = z;
  if (digits[3] === ":") {
    digits = digits.slice(0, 3) + digits.slice(4);
    if (digits.length > 5) {
      if (digits[5] !== ":") raise(Exc.ValueError, `Inconsistent use of : in ${z}`);
      digits = digits.slice(0, 5) + digits.slice(6);
    }
  }
  const seconds = Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60 +
    Number(digits.slice(5, 7) || 0);
  return digits[0] === "-" ? -seconds : seconds;
}

/**
 * Parses `text` with `format`. `tzname` and `daylight` are the local zone's (time.tzname,
 * time.daylight): %Z accepts them and "UTC"/"GMT".
 */
export function strptime(
  text: string,
  format: string,
  tzname: [string, string],
  daylight: number,
): ParsedTime {
  const stdNames = new Set(["utc", "gmt", tzname[0].toLowerCase()]);
  const dstNames = new Set(daylight ? [tzname[1].toLowerCase()] : []);
  const { regex, groups } = compile(format, [...stdNames, ...dstNames]);
  const m = regex.exec(text);
  if (m === null) raise(Exc.ValueError, `time data ${repr(text)} does not match format ${repr(format)}`);
  if (m[0].length !== text.length) {
    raise(Exc.ValueError, `unconverted data remains: ${text.slice(m[0].length)}`);
  }
  let year: number | null = null, month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction = 0;
  let julian: number | null = null, wday: number | null = null, isdst = -1;
  let weekOfYear: number | null = null, weekStartsMonday = false;
  let isoYear: number | null = null, isoWeek: number | null = null;
  let zone: string | null = null, gmtoff: number | null = null;
  let hour12: number | null = null, ampm = "";
  groups.forEach((d, i) => {
    const v = m[i + 1];
    const n = () => Number(v);
    switch (d) {
      case "y": {
        const y = n();
        year = y <= 68 ? 2000 + y : 1900 + y;
        break;
      }
      case "Y":
        year = n();
        break;
      case "G":
        isoYear = n();
        break;
      case "m":
        month = n();
        break;
      case "B":
      case "b":
      case "h":
        month = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(v.toLowerCase().slice(0, 3))) +
          1;
        break;
      case "d":
        day = n();
        break;
      case "H":
        hour = n();
        break;
      case "I":
        hour12 = n();
        break;
      case "p":
        ampm = v.toLowerCase();
        break;
      case "M":
        minute = n();
        break;
      case "S":
        second = n();
        break;
      case "f":
        fraction = Number(v.padEnd(6, "0"));
        break;
      case "A":
      case "a":
        wday = DAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(v.toLowerCase().slice(0, 3)));
        break;
      case "w":
        wday = n() === 0 ? 6 : n() - 1;
        break;
      case "u":
        wday = n() - 1;
        break;
      case "j":
        julian = n();
        break;
      case "U":
      case "W":
        weekOfYear = n();
        weekStartsMonday = d === "W";
        break;
      case "V":
        isoWeek = n();
        break;
      case "z":
        gmtoff = parseOffset(v);
        break;
      case "Z": {
        zone = v;
        const lower = v.toLowerCase();
        const sameNames = tzname[0] === tzname[1] && daylight === 1 && lower !== "utc" && lower !== "gmt";
        if (!sameNames) isdst = stdNames.has(lower) ? 0 : dstNames.has(lower) ? 1 : -1;
        break;
      }
    }
  });
  if (hour12 !== null) {
    hour = hour12;
    if (ampm === "" || ampm === "am") {
      if (hour === 12) hour = 0;
    } else if (hour !== 12) hour += 12;
  }
  checkIsoDirectives(isoYear, isoWeek, julian, wday, year);
  let leapYearFix = false;
  if (year === null && month === 2 && day === 29) {
    year = 1904;
    leapYearFix = true;
  } else if (year === null) year = 1900;
  let y: number = year;
  if (julian === null && wday !== null) {
    if (weekOfYear !== null) julian = julianFromWeek(y, weekOfYear, wday, weekStartsMonday);
    else if (isoYear !== null && isoWeek !== null) {
      const ordinal = fromIsoWeek(isoYear, isoWeek, wday + 1);
      y = fromOrdinal(ordinal)[0];
      julian = ordinal - toOrdinal(y, 1, 1) + 1;
    }
    if (julian !== null && julian <= 0) {
      y -= 1;
      julian += isLeap(y) ? 366 : 365;
    }
  }
  if (julian === null) {
    if (day > daysInMonth(y, month)) {
      raise(Exc.ValueError, "day is out of range for month");
    }
    julian = toOrdinal(y, month, day) - toOrdinal(y, 1, 1) + 1;
  } else {
    [y, month, day] = fromOrdinal(julian - 1 + toOrdinal(y, 1, 1));
  }
  if (wday === null) wday = weekday(y, month, day);
  if (leapYearFix) y = 1900;
  return { fields: [y, month, day, hour, minute, second, wday, julian, isdst], zone, gmtoff, fraction };
}

/** Day of the year from a %U/%W week number and a weekday (Monday = 0). */
function julianFromWeek(year: number, week: number, wday: number, weekStartsMonday: boolean): number {
  let firstWeekday = weekday(year, 1, 1);
  let dayOfWeek = wday;
  if (!weekStartsMonday) {
    firstWeekday = (firstWeekday + 1) % 7;
    dayOfWeek = (dayOfWeek + 1) % 7;
  }
  const week0Length = (7 - firstWeekday) % 7;
  if (week === 0) return 1 + dayOfWeek - firstWeekday;
  return 1 + week0Length + 7 * (week - 1) + dayOfWeek;
}

function checkIsoDirectives(
  isoYear: number | null,
  isoWeek: number | null,
  julian: number | null,
  wday: number | null,
  year: number | null,
): void {
  const weekdays = "('%A', '%a', '%w', or '%u')";
  if (isoYear !== null) {
    if (julian !== null) {
      raise(
        Exc.ValueError,
        "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.",
      );
    }
    if (isoWeek === null || wday === null) {
      raise(
        Exc.ValueError,
        `ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ${weekdays}.`,
      );
    }
  } else if (isoWeek !== null) {
    if (year === null || wday === null) {
      raise(
        Exc.ValueError,
        `ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ${weekdays}.`,
      );
    }
    raise(
      Exc.ValueError,
      "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.",
    );
  }
}
