/**
 * The `_locale` module of CPython 3.11 (C there), under lib/python/locale.py: the C library's
 * locale state → `setlocale` (query and set, per category), `localeconv`, `strcoll`, `strxfrm`,
 * `nl_langinfo`, `getencoding`, and the message-catalog functions, as glibc behaves.
 *
 * pyjit carries no locale data, so it supports the locales that need none: "C" (also spelled
 * "POSIX") and "C.UTF-8" ("C.utf8", "C.UTF8"), which differ only in their character encoding.
 * Any other name is refused with locale.Error "unsupported locale setting"; the empty name (the
 * user's locale, from LC_ALL, LC_<category> or LANG) gives that locale when it is one of those,
 * and C.UTF-8 otherwise. LC_CTYPE starts as C.UTF-8, as CPython sets it at start-up.
 * No message catalog is ever loaded, so gettext and its kin return the message itself;
 * bindtextdomain and bind_textdomain_codeset record their settings and report them.
 *
 * @example
 * ```ts
 * import { makeLocaleModule } from "./_locale.ts";
 * const m = makeLocaleModule();
 * ```
 * @module
 */
import {
  checkArgs,
  Exc,
  newTuple,
  None,
  PyDict,
  PyList,
  type PyModule,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import { asCIntArg, strValueOf } from "../../objects/ops.ts";
import { call } from "../../objects/ops.ts";
import { buildModule, expectArgs } from "./_native.ts";
import { hasPermission } from "./os_errors.ts";
import { fsPath } from "./fspath.ts";

/** glibc's categories: number → name (6 is LC_ALL, which sets and reads them all). */
const CATEGORY_NAMES = [
  "LC_CTYPE",
  "LC_NUMERIC",
  "LC_TIME",
  "LC_COLLATE",
  "LC_MONETARY",
  "LC_MESSAGES",
  "LC_ALL",
  "LC_PAPER",
  "LC_NAME",
  "LC_ADDRESS",
  "LC_TELEPHONE",
  "LC_MEASUREMENT",
  "LC_IDENTIFICATION",
];
const LC_CTYPE = 0, LC_ALL = 6;
/** The order glibc lists the categories in a composite LC_ALL name. */
const COMPOSITE_ORDER = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12];
const CHAR_MAX = 127;
/** Where glibc looks for message catalogs unless told otherwise. */
const DEFAULT_MESSAGE_DIRECTORY = "/usr/share/locale";

/** The supported locale names → the name setlocale reports. */
const SUPPORTED: Record<string, string> = {
  "C": "C",
  "POSIX": "C",
  "C.UTF-8": "C.UTF-8",
  "C.utf8": "C.utf8",
  "C.UTF8": "C.UTF8",
};

/** nl_langinfo: glibc's item numbers → the C locale's values (CODESET depends on LC_CTYPE). */
const CODESET = 14;
const LANGINFO: Record<string, [number, string]> = {
  RADIXCHAR: [0x10000, "."],
  THOUSEP: [0x10001, ""],
  ABDAY_1: [0x20000, "Sun"],
  DAY_1: [0x20007, "Sunday"],
  ABMON_1: [0x2000e, "Jan"],
  MON_1: [0x2001a, "January"],
  AM_STR: [0x20026, "AM"],
  PM_STR: [0x20027, "PM"],
  D_T_FMT: [0x20028, "%a %b %e %H:%M:%S %Y"],
  D_FMT: [0x20029, "%m/%d/%y"],
  T_FMT: [0x2002a, "%H:%M:%S"],
  T_FMT_AMPM: [0x2002b, "%I:%M:%S %p"],
  ERA: [0x2002c, ""],
  ERA_D_FMT: [0x2002e, ""],
  ALT_DIGITS: [0x2002f, ""],
  ERA_D_T_FMT: [0x20030, ""],
  ERA_T_FMT: [0x20031, ""],
  CRNCYSTR: [0x4000f, "-"],
  YESEXPR: [0x50000, "^[yY]"],
  NOEXPR: [0x50001, "^[nN]"],
};
const DAYS = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" ");
const MONTHS = "January February March April May June July August September October November December"
  .split(" ");

/** Item number → value, with the day and month names filled in from their first items. */
function langinfoTable(): Map<number, string> {
  const table = new Map<number, string>();
  for (const [, [item, value]] of Object.entries(LANGINFO)) table.set(item, value);
  for (let i = 0; i < 7; i++) {
    table.set(LANGINFO.ABDAY_1[0] + i, DAYS[i].slice(0, 3));
    table.set(LANGINFO.DAY_1[0] + i, DAYS[i]);
  }
  for (let i = 0; i < 12; i++) {
    table.set(LANGINFO.ABMON_1[0] + i, MONTHS[i].slice(0, 3));
    table.set(LANGINFO.MON_1[0] + i, MONTHS[i]);
  }
  return table;
}

/** The names of the day and month items beyond the first (DAY_2 … MON_12), for the module. */
function langinfoConstants(): Record<string, number> {
  const out: Record<string, number> = { CODESET };
  for (const [name, [item]] of Object.entries(LANGINFO)) {
    const series = /^(ABDAY|DAY|ABMON|MON)_1$/.exec(name);
    if (series === null) {
      out[name] = item;
      continue;
    }
    const count = series[1].endsWith("DAY") ? 7 : 12;
    for (let i = 0; i < count; i++) out[`${series[1]}_${i + 1}`] = item + i;
  }
  return out;
}

function isUtf8(name: string): boolean {
  return name !== "C";
}

/** The user's locale for a category, from the environment (LC_ALL, then LC_<name>, then LANG). */
function userLocale(category: number): string {
  for (const variable of ["LC_ALL", CATEGORY_NAMES[category], "LANG"]) {
    if (!hasPermission("env", variable)) break;
    const value = Deno.env.get(variable);
    if (value !== undefined && value !== "") return SUPPORTED[value] ?? "C.UTF-8";
  }
  return hasPermission("env", "LANG") ? "C" : "C.UTF-8";
}

function localeQuery(current: string[], category: number): string {
  if (category !== LC_ALL) return current[category];
  const names = COMPOSITE_ORDER.map((c) => current[c]);
  if (names.every((n) => n === names[0])) return names[0];
  return COMPOSITE_ORDER.map((c) => `${CATEGORY_NAMES[c]}=${current[c]}`).join(";");
}

/** The `_locale` module object (its state is the module's: one per run). */
export function makeLocaleModule(): PyModule {
  /** The current locale of each category (index 6 unused). */
  const current: string[] = CATEGORY_NAMES.map((_, i) => i === LC_CTYPE ? "C.UTF-8" : "C");
  const namespace = new PyDict();
  namespace.setStr("__module__", "locale");
  const localeError = call(typeType, ["Error", newTuple([Exc.Exception]), namespace]) as PyType;

  function validCategory(category: number): boolean {
    return category >= 0 && category < CATEGORY_NAMES.length;
  }

  function setlocale(args: PyValue[], kwnames: string[] | null): PyValue {
    expectArgs("setlocale", args, kwnames, 1, 2);
    const category = asCIntArg(args[0]);
    const arg = args.length > 1 ? args[1] : None;
    if (arg !== None && strValueOf(arg) === undefined) {
      raise(Exc.TypeError, `setlocale() argument 2 must be str or None, not ${typeOf(arg).name}`);
    }
    if (arg === None) {
      if (!validCategory(category)) raise(localeError, "locale query failed");
      return localeQuery(current, category);
    }
    const name = strValueOf(arg)!;
    if (name.includes("\0")) raise(Exc.ValueError, "embedded null character");
    if (!validCategory(category)) raise(localeError, "unsupported locale setting");
    const targets = category === LC_ALL ? COMPOSITE_ORDER : [category];
    const chosen = targets.map((c) => name === "" ? userLocale(c) : SUPPORTED[name]);
    if (chosen.some((n) => n === undefined)) raise(localeError, "unsupported locale setting");
    targets.forEach((c, i) => current[c] = chosen[i]);
    return localeQuery(current, category);
  }

  function localeconv(args: PyValue[], kwnames: string[] | null): PyValue {
    checkArgs("_locale.localeconv", args, kwnames, 0, 0);
    const d = new PyDict();
    for (const key of ["int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep"]) {
      d.setStr(key, "");
    }
    d.setStr("mon_grouping", new PyList([]));
    d.setStr("positive_sign", "");
    d.setStr("negative_sign", "");
    for (const key of ["int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space"]) {
      d.setStr(key, CHAR_MAX);
    }
    for (const key of ["n_cs_precedes", "n_sep_by_space", "p_sign_posn", "n_sign_posn"]) {
      d.setStr(key, CHAR_MAX);
    }
    d.setStr("decimal_point", ".");
    d.setStr("thousands_sep", "");
    d.setStr("grouping", new PyList([]));
    return d;
  }

  function strArg(fname: string, v: PyValue, which: string): string {
    const s = strValueOf(v);
    if (s === undefined) raise(Exc.TypeError, `${fname}() ${which} must be str, not ${typeOf(v).name}`);
    if (s.includes("\0")) raise(Exc.ValueError, "embedded null character");
    return s;
  }

  /** In the C locales collation compares code points (the sign of wcscmp). */
  function strcoll(args: PyValue[], kwnames: string[] | null): PyValue {
    expectArgs("strcoll", args, kwnames, 2, 2);
    const a = [...strArg("strcoll", args[0], "argument 1")];
    const b = [...strArg("strcoll", args[1], "argument 2")];
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = a[i].codePointAt(0)! - b[i].codePointAt(0)!;
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }

  function strxfrm(args: PyValue[], kwnames: string[] | null): PyValue {
    checkArgs("_locale.strxfrm", args, kwnames, 1, 1);
    return strArg("strxfrm", args[0], "argument");
  }

  const langinfo = langinfoTable();

  function nlLanginfo(args: PyValue[], kwnames: string[] | null): PyValue {
    checkArgs("_locale.nl_langinfo", args, kwnames, 1, 1);
    const item = asCIntArg(args[0]);
    if (item === CODESET) return isUtf8(current[LC_CTYPE]) ? "UTF-8" : "ANSI_X3.4-1968";
    const value = langinfo.get(item);
    if (value === undefined) raise(Exc.ValueError, "unsupported langinfo constant");
    return value;
  }

  function getencoding(args: PyValue[], kwnames: string[] | null): PyValue {
    checkArgs("_locale.getencoding", args, kwnames, 0, 0);
    return isUtf8(current[LC_CTYPE]) ? "UTF-8" : "ANSI_X3.4-1968";
  }

  let domain = "messages";
  /** Message catalog directories and codesets, by domain (recorded; no catalog is read). */
  const directories = new Map<string, string>();
  const codesets = new Map<string, string>();

  function optionalDomain(fname: string, v: PyValue): void {
    if (v !== None && strValueOf(v) === undefined) {
      raise(Exc.TypeError, `${fname}() argument 1 must be str or None, not ${typeOf(v).name}`);
    }
  }

  function message(fname: string, v: PyValue, which: string): string {
    const s = strValueOf(v);
    if (s === undefined) raise(Exc.TypeError, `${fname}() ${which} must be str, not ${typeOf(v).name}`);
    return s;
  }

  const functions = {
    setlocale,
    localeconv,
    strcoll,
    strxfrm,
    nl_langinfo: nlLanginfo,
    getencoding,
    gettext(args: PyValue[], kwnames: string[] | null): PyValue {
      checkArgs("_locale.gettext", args, kwnames, 1, 1);
      return message("gettext", args[0], "argument");
    },
    dgettext(args: PyValue[], kwnames: string[] | null): PyValue {
      expectArgs("dgettext", args, kwnames, 2, 2);
      optionalDomain("dgettext", args[0]);
      return message("dgettext", args[1], "argument 2");
    },
    dcgettext(args: PyValue[], kwnames: string[] | null): PyValue {
      expectArgs("dcgettext", args, kwnames, 3, 3);
      optionalDomain("dcgettext", args[0]);
      const text = message("dcgettext", args[1], "argument 2");
      asCIntArg(args[2]);
      return text;
    },
    textdomain(args: PyValue[], kwnames: string[] | null): PyValue {
      checkArgs("_locale.textdomain", args, kwnames, 1, 1);
      optionalDomain("textdomain", args[0]);
      if (args[0] !== None) domain = strValueOf(args[0])!;
      return domain;
    },
    bindtextdomain(args: PyValue[], kwnames: string[] | null): PyValue {
      expectArgs("bindtextdomain", args, kwnames, 2, 2);
      const name = message("bindtextdomain", args[0], "argument 1");
      const directory = args[1] === None ? undefined : fsPath(args[1], null);
      if (name === "") raise(localeError, "domain must be a non-empty string");
      if (directory !== undefined) directories.set(name, directory);
      return directories.get(name) ?? DEFAULT_MESSAGE_DIRECTORY;
    },
    bind_textdomain_codeset(args: PyValue[], kwnames: string[] | null): PyValue {
      expectArgs("bind_textdomain_codeset", args, kwnames, 2, 2);
      const name = message("bind_textdomain_codeset", args[0], "argument 1");
      const codeset = args[1];
      if (codeset !== None && strValueOf(codeset) === undefined) {
        raise(
          Exc.TypeError,
          `bind_textdomain_codeset() argument 2 must be str or None, not ${typeOf(codeset).name}`,
        );
      }
      if (codeset !== None) codesets.set(name, strValueOf(codeset)!);
      return codesets.get(name) ?? None;
    },
  };
  const values: Record<string, PyValue> = { Error: localeError, CHAR_MAX, ...langinfoConstants() };
  CATEGORY_NAMES.slice(0, 7).forEach((name, i) => values[name] = i);
  return buildModule("_locale", "Support for POSIX locales.", functions, values);
}
