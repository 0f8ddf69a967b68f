/**
 * The `unicodedata` module of CPython 3.11 (Unicode 14.0.0): a character → its name, category,
 * bidirectional class, combining class, East Asian width, mirrored flag, decimal/digit/numeric
 * values and decomposition; a name (or alias, or named sequence) → its character(s) (`lookup`);
 * a string → its NFC/NFD/NFKC/NFKD form (`normalize`, `is_normalized`, by JavaScript's own
 * String.prototype.normalize). The tables (unicodedata_data.ts, generated) are inflated on first
 * use: the properties when a property is first asked for, the names when a name is.
 * `ucd_3_2_0` (the Unicode 3.2.0 database IDNA uses) is not provided: its methods raise
 * NotImplementedError.
 *
 * @example
 * ```ts
 * import { makeUnicodedataModule } from "./unicodedata.ts";
 * const m = makeUnicodedataModule();
 * ```
 * @module
 */
import {
  checkArgs,
  defAttr,
  defMethod,
  Exc,
  newObject,
  objectType,
  PyFloat,
  type PyModule,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { strValueOf } from "../../objects/ops.ts";
import { bytesLike, latin1 } from "../../objects/types/bytes.ts";
import { installNew } from "../../objects/types/type.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";
import { inflateShippedText } from "./zlib_inflate.ts";
import { PACKED_NAMES, PACKED_PROPERTIES, UNIDATA_VERSION } from "./unicodedata_data.ts";

// ---------------------------------------------------------------------------------------------
// Tables

/** One property as runs: run i covers [starts[i], starts[i + 1]) and has values[indexes[i]]. */
interface RunTable<T> {
  starts: Int32Array;
  indexes: Uint16Array;
  values: T[];
}

interface PropertyTables {
  category: RunTable<string>;
  bidirectional: RunTable<string>;
  combining: RunTable<number>;
  east_asian_width: RunTable<string>;
  mirrored: RunTable<number>;
  decimal: RunTable<number>;
  digit: RunTable<number>;
  numeric: RunTable<string>;
  decomposition: RunTable<string>;
}

function unpack(packed: string): unknown {
  return JSON.parse(inflateShippedText(packed, 15, "a unicodedata table"));
}

let properties: PropertyTables | null = null;

function propertyTables(): PropertyTables {
  if (properties !== null) return properties;
  const raw = unpack(PACKED_PROPERTIES) as Record<string, [number[], number[], unknown[]]>;
  const tables: Record<string, RunTable<unknown>> = {};
  for (const [name, [deltas, indexes, values]] of Object.entries(raw)) {
    const starts = new Int32Array(deltas.length);
    let at = 0;
    for (let i = 0; i < deltas.length; i++) starts[i] = at += deltas[i];
    tables[name] = { starts, indexes: Uint16Array.from(indexes), values };
  }
  return properties = tables as unknown as PropertyTables;
}

/** The value of the run holding code point cp (binary search for the last start ≤ cp). */
function lookupRun<T>(table: RunTable<T>, cp: number): T {
  const starts = table.starts;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return table.values[table.indexes[lo]];
}

// ---------------------------------------------------------------------------------------------
// Names

interface NameTables {
  /** The stored names, sorted by code point. */
  codePoints: Int32Array;
  names: string[];
  cjk: [number, number][];
  aliases: [string, number][];
  sequences: [string, number[]][];
}

let nameData: NameTables | null = null;

function nameTables(): NameTables {
  if (nameData !== null) return nameData;
  const raw = unpack(PACKED_NAMES) as {
    names: string;
    cjk: [number, number][];
    aliases: [string, number][];
    sequences: [string, number[]][];
  };
  const lines = raw.names.split("\n");
  const codePoints = new Int32Array(lines.length);
  const names: string[] = new Array(lines.length);
  let cp = 0, previous = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const a = line.indexOf(","), b = line.indexOf(",", a + 1);
    cp += parseInt(line.slice(0, a), 36);
    const name = previous.slice(0, parseInt(line.slice(a + 1, b), 36)) + line.slice(b + 1);
    codePoints[i] = cp;
    names[i] = name;
    previous = name;
  }
  return nameData = { codePoints, names, cjk: raw.cjk, aliases: raw.aliases, sequences: raw.sequences };
}

/** The stored name of cp, or undefined (binary search). */
function storedName(tables: NameTables, cp: number): string | undefined {
  const cps = tables.codePoints;
  let lo = 0, hi = cps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid] === cp) return tables.names[mid];
    if (cps[mid] < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Stored names, aliases and named sequences → the character(s); built on the first lookup. */
let byName: Map<string, string> | null = null;

function nameIndex(tables: NameTables): Map<string, string> {
  if (byName !== null) return byName;
  byName = new Map();
  for (let i = 0; i < tables.names.length; i++) {
    byName.set(tables.names[i], String.fromCodePoint(tables.codePoints[i]));
  }
  for (const [alias, code] of tables.aliases) byName.set(alias, String.fromCodePoint(code));
  for (const [name, seq] of tables.sequences) byName.set(name, String.fromCodePoint(...seq));
  return byName;
}

// Hangul syllables are named from their jamo (The Unicode Standard, chapter 3.12).
const HANGUL_BASE = 0xac00, HANGUL_COUNT = 11172;
const JAMO_L = "G GG N D DD R M B BB S SS _ J JJ C K T P H".split(" ").map((j) => j === "_" ? "" : j);
const JAMO_V = "A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I".split(" ");
const JAMO_T = ("_ G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H").split(" ")
  .map((j) => j === "_" ? "" : j);
const HANGUL_PREFIX = "HANGUL SYLLABLE ";
const CJK_PREFIX = "CJK UNIFIED IDEOGRAPH-";

function hangulName(cp: number): string {
  const s = cp - HANGUL_BASE;
  const l = Math.floor(s / (21 * 28)), v = Math.floor((s % (21 * 28)) / 28), t = s % 28;
  return HANGUL_PREFIX + JAMO_L[l] + JAMO_V[v] + JAMO_T[t];
}

let hangulByName: Map<string, number> | null = null;

function isCjkIdeograph(tables: NameTables, cp: number): boolean {
  return tables.cjk.some(([first, last]) => cp >= first && cp <= last);
}

/** The name of cp, or undefined when it has none. */
function characterName(cp: number): string | undefined {
  if (cp >= HANGUL_BASE && cp < HANGUL_BASE + HANGUL_COUNT) return hangulName(cp);
  const tables = nameTables();
  if (isCjkIdeograph(tables, cp)) return CJK_PREFIX + cp.toString(16).toUpperCase();
  return storedName(tables, cp);
}

/** The character(s) a name designates, or undefined. The computed names are case-sensitive. */
function lookupName(name: string): string | undefined {
  const tables = nameTables();
  if (name.startsWith(HANGUL_PREFIX)) {
    if (hangulByName === null) {
      hangulByName = new Map();
      for (let i = 0; i < HANGUL_COUNT; i++) hangulByName.set(hangulName(HANGUL_BASE + i), HANGUL_BASE + i);
    }
    const cp = hangulByName.get(name);
    if (cp !== undefined) return String.fromCodePoint(cp);
  }
  if (name.startsWith(CJK_PREFIX)) {
    const hex = name.slice(CJK_PREFIX.length);
    if (/^[0-9A-F]{4,5}$/.test(hex)) {
      const cp = parseInt(hex, 16);
      if (isCjkIdeograph(tables, cp)) return String.fromCodePoint(cp);
    }
  }
  return nameIndex(tables).get(name.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// The module's functions

/** The code point of a one-character str argument, with CPython's TypeError otherwise. */
function charArg(fname: string, v: PyValue, numbered: boolean): number {
  const s = strValueOf(v);
  if (s !== undefined && s.length > 0 && s.length <= 2) {
    const cp = s.codePointAt(0)!;
    if (s.length === (cp > 0xffff ? 2 : 1)) return cp;
  }
  const which = numbered ? "argument 1" : "argument";
  return raise(Exc.TypeError, `${fname}() ${which} must be a unicode character, not ${typeOf(v).name}`);
}

/** A function of one character (category, combining, …): exactly one positional argument. */
function oneChar(fname: string, fn: (cp: number) => PyValue) {
  return (args: PyValue[], kwnames: string[] | null): PyValue => {
    checkArgs(`unicodedata.${fname}`, args, kwnames, 1, 1);
    return fn(charArg(fname, args[0], false));
  };
}

/**
 * A function of a character and an optional default (name, decimal, digit, numeric): the
 * default, when given, replaces the ValueError `message`.
 */
function charWithDefault(fname: string, message: string, fn: (cp: number) => PyValue | undefined) {
  return (args: PyValue[], kwnames: string[] | null): PyValue => {
    expectArgs(fname, args, kwnames, 1, 2);
    const value = fn(charArg(fname, args[0], true));
    if (value !== undefined) return value;
    if (args.length > 1) return args[1];
    return raise(Exc.ValueError, message);
  };
}

function numericValue(cp: number): PyValue | undefined {
  const text = lookupRun(propertyTables().numeric, cp);
  return text === "" ? undefined : new PyFloat(parseFloat(text));
}

function digitValue(table: RunTable<number>, cp: number): PyValue | undefined {
  const value = lookupRun(table, cp);
  return value < 0 ? undefined : value;
}

function lookup(args: PyValue[], kwnames: string[] | null): PyValue {
  checkArgs("unicodedata.lookup", args, kwnames, 1, 1);
  const name = strValueOf(args[0]) ?? latin1(bytesLike(args[0], ""));
  if (name.length > 256) raise(Exc.KeyError, "name too long");
  const found = lookupName(name);
  if (found === undefined) raise(Exc.KeyError, `undefined character name '${name}'`);
  return found;
}

const FORMS = new Set(["NFC", "NFD", "NFKC", "NFKD"]);

/** The (form, text) arguments of normalize and is_normalized. */
function normalizeArgs(fname: string, args: PyValue[], kwnames: string[] | null): [string, string] {
  expectArgs(fname, args, kwnames, 2, 2);
  const form = strValueOf(args[0]);
  if (form === undefined) {
    raise(Exc.TypeError, `${fname}() argument 1 must be str, not ${typeOf(args[0]).name}`);
  }
  const text = strValueOf(args[1]);
  if (text === undefined) {
    raise(Exc.TypeError, `${fname}() argument 2 must be str, not ${typeOf(args[1]).name}`);
  }
  if (!FORMS.has(form)) raise(Exc.ValueError, "invalid normalization form");
  return [form, text];
}

function normalize(args: PyValue[], kwnames: string[] | null): PyValue {
  const [form, text] = normalizeArgs("normalize", args, kwnames);
  return text.normalize(form);
}

function isNormalized(args: PyValue[], kwnames: string[] | null): PyValue {
  const [form, text] = normalizeArgs("is_normalized", args, kwnames);
  return text.normalize(form) === text;
}

const FUNCTIONS: Record<string, (args: PyValue[], kwnames: string[] | null) => PyValue> = {
  name: charWithDefault("name", "no such name", (cp) => characterName(cp)),
  lookup,
  category: oneChar("category", (cp) => lookupRun(propertyTables().category, cp)),
  bidirectional: oneChar("bidirectional", (cp) => lookupRun(propertyTables().bidirectional, cp)),
  combining: oneChar("combining", (cp) => lookupRun(propertyTables().combining, cp)),
  east_asian_width: oneChar("east_asian_width", (cp) => lookupRun(propertyTables().east_asian_width, cp)),
  mirrored: oneChar("mirrored", (cp) => lookupRun(propertyTables().mirrored, cp)),
  decomposition: oneChar("decomposition", (cp) => lookupRun(propertyTables().decomposition, cp)),
  decimal: charWithDefault("decimal", "not a decimal", (cp) => digitValue(propertyTables().decimal, cp)),
  digit: charWithDefault("digit", "not a digit", (cp) => digitValue(propertyTables().digit, cp)),
  numeric: charWithDefault("numeric", "not a numeric character", numericValue),
  normalize,
  is_normalized: isNormalized,
};

/**
 * `unicodedata.UCD`, the type of `ucd_3_2_0` (the Unicode 3.2.0 database IDNA uses): pyjit
 * does not carry that database, so each of its methods raises NotImplementedError.
 */
function makeUcdType(): PyType {
  const t = moduleType("unicodedata", "UCD", objectType, 0);
  for (const fname of Object.keys(FUNCTIONS)) {
    defMethod(
      t,
      fname,
      () => raise(Exc.NotImplementedError, `unicodedata.ucd_3_2_0.${fname}() is not supported by pyjit`),
    );
  }
  defAttr(t, "unidata_version", "3.2.0");
  t.tp_new = (cls) => raise(Exc.TypeError, `cannot create '${cls.name}' instances`);
  installNew(t);
  return t;
}

/** The `unicodedata` module object. */
export function makeUnicodedataModule(): PyModule {
  const ucdType = makeUcdType();
  return buildModule(
    "unicodedata",
    `The properties of every Unicode character, from the Unicode Character Database ${UNIDATA_VERSION}.`,
    FUNCTIONS,
    { unidata_version: UNIDATA_VERSION, UCD: ucdType, ucd_3_2_0: newObject(ucdType) },
  );
}
