/**
 * The `_csv` module of CPython 3.11 (C there), under lib/python/csv.py: CSV text ↔ rows.
 * - `Dialect`: the formatting parameters (delimiter, quotechar, escapechar, doublequote,
 *   skipinitialspace, lineterminator, quoting, strict), taken from a dialect object, a
 *   registered name or keywords, validated with CPython's messages.
 * - `reader(iterable, dialect, **fmtparams)`: lines (str) in → lists of fields out, through
 *   CPython's parsing state machine (quoted fields across lines, escapes, doubled quotes, strict
 *   mode, QUOTE_NONNUMERIC's floats, the field size limit), `line_num`.
 * - `writer(file, dialect, **fmtparams)`: `writerow` / `writerows` → the quoted and escaped
 *   line written to `file.write`.
 * - The dialect registry (`register_dialect` …), `field_size_limit`, `Error`, the QUOTE_*
 *   constants.
 *
 * @example
 * ```ts
 * import { makeCsvModule } from "./_csv.ts";
 * const m = makeCsvModule();
 * ```
 * @module
 */
import {
  bindArgs,
  complexType,
  defGetSet,
  defMethod,
  Exc,
  newTuple,
  None,
  PyBaseException,
  PyDict,
  PyFloat,
  PyList,
  type PyModule,
  PyObject,
  PyStrObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import { call, getAttrOrUndefined, getIter, intValueOf, isTrue, iterNext, str } from "../../objects/ops.ts";
import { floatNew } from "../../objects/types/float_type.ts";
import { installNew, newClass } from "../../objects/types/type.ts";
import { buildModule, moduleType } from "./_native.ts";

const QUOTE_MINIMAL = 0, QUOTE_ALL = 1, QUOTE_NONNUMERIC = 2, QUOTE_NONE = 3;

/** A character parameter that is not set (escapechar, quotechar None), and the end of a line. */
const NOT_SET = -1, EOL = -2;

/** A `_csv.Dialect`: validated parameters (characters as code points, NOT_SET when None). */
class PyDialect extends PyObject {
  declare delimiter: number;
  declare quotechar: number;
  declare escapechar: number;
  declare doublequote: boolean;
  declare skipinitialspace: boolean;
  declare lineterminator: string;
  declare quoting: number;
  declare strict: boolean;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.delimiter = 44;
    this.quotechar = 34;
    this.escapechar = NOT_SET;
    this.doublequote = true;
    this.skipinitialspace = false;
    this.lineterminator = "\r\n";
    this.quoting = QUOTE_MINIMAL;
    this.strict = false;
  }
}

const DIALECT_ARGS = [
  "dialect",
  "delimiter",
  "doublequote",
  "escapechar",
  "lineterminator",
  "quotechar",
  "quoting",
  "skipinitialspace",
  "strict",
];

function strOf(v: PyValue): string | null {
  if (typeof v === "string") return v;
  if (v instanceof PyStrObject) return v.value;
  return null;
}

/** A one-character parameter: its code point, or NOT_SET for None where allowed. */
function charParam(name: string, v: PyValue, allowNone: boolean): number {
  if (v === None && allowNone) return NOT_SET;
  const s = strOf(v);
  if (s === null) {
    raise(Exc.TypeError, `"${name}" must be string${allowNone ? " or None" : ""}, not ${typeOf(v).name}`);
  }
  const cp = s.codePointAt(0);
  if (cp === undefined || s.length !== (cp > 0xffff ? 2 : 1)) {
    raise(Exc.TypeError, `"${name}" must be a 1-character string`);
  }
  return cp;
}

function charText(c: number): PyValue {
  return c === NOT_SET ? None : String.fromCodePoint(c);
}

/**
 * Makes a dialect from a dialect argument (a Dialect, a registered name, or any object with the
 * attributes) and keyword overrides, validating as CPython's dialect_new does.
 */
function makeDialect(
  cls: PyType,
  dialectType: PyType,
  registry: Map<string, PyDialect>,
  error: PyType,
  args: PyValue[],
  kwnames: string[] | null,
): PyDialect {
  for (const k of kwnames ?? []) {
    if (!DIALECT_ARGS.includes(k)) {
      raise(Exc.TypeError, `'${k}' is an invalid keyword argument for this function`);
    }
  }
  const a = bindArgs("Dialect", args, kwnames, DIALECT_ARGS, 0);
  let base = a[0];
  if (base !== undefined) {
    const name = strOf(base);
    if (name !== null) base = getDialect(registry, error, name);
    // A Dialect with nothing to override is used as it is.
    if (base instanceof PyDialect && cls === dialectType && a.slice(1).every((v) => v === undefined)) {
      return base;
    }
  }
  const param = (i: number): PyValue | undefined => {
    if (a[i] !== undefined) return a[i];
    if (base === undefined) return undefined;
    return getAttrOrUndefined(base, DIALECT_ARGS[i]);
  };
  const d = new PyDialect(cls);
  const delimiter = param(1);
  if (delimiter !== undefined) d.delimiter = charParam("delimiter", delimiter, false);
  const doublequote = param(2);
  if (doublequote !== undefined) d.doublequote = isTrue(doublequote);
  const escapechar = param(3);
  if (escapechar !== undefined) d.escapechar = charParam("escapechar", escapechar, true);
  const lineterminator = param(4);
  let lineterminatorMissing = false;
  if (lineterminator !== undefined) {
    if (lineterminator === None) lineterminatorMissing = true;
    else {
      const s = strOf(lineterminator);
      if (s === null) raise(Exc.TypeError, '"lineterminator" must be a string');
      d.lineterminator = s;
    }
  }
  const quotechar = param(5);
  if (quotechar !== undefined) d.quotechar = charParam("quotechar", quotechar, true);
  const quoting = param(6);
  if (quoting !== undefined) {
    const q = typeof quoting === "boolean" ? undefined : intValueOf(quoting);
    if (q === undefined) raise(Exc.TypeError, '"quoting" must be an integer');
    if (q < QUOTE_MINIMAL || q > QUOTE_NONE) raise(Exc.TypeError, 'bad "quoting" value');
    d.quoting = Number(q);
  }
  const skipinitialspace = param(7);
  if (skipinitialspace !== undefined) d.skipinitialspace = isTrue(skipinitialspace);
  const strict = param(8);
  if (strict !== undefined) d.strict = isTrue(strict);
  if (quotechar === None && quoting === undefined) d.quoting = QUOTE_NONE;
  if (d.quoting !== QUOTE_NONE && d.quotechar === NOT_SET) {
    raise(Exc.TypeError, "quotechar must be set if quoting enabled");
  }
  if (lineterminatorMissing) raise(Exc.TypeError, "lineterminator must be set");
  return d;
}

function getDialect(registry: Map<string, PyDialect>, error: PyType, name: string): PyDialect {
  const d = registry.get(name);
  if (d === undefined) csvError(error, "unknown dialect");
  return d;
}

function csvError(error: PyType, message: string): never {
  const e = new PyBaseException(error, newTuple([message]));
  e.dict = new PyDict();
  throw e;
}

// ---------------------------------------------------------------------------------------------
// Reading

const START_RECORD = 0,
  START_FIELD = 1,
  ESCAPED_CHAR = 2,
  IN_FIELD = 3,
  IN_QUOTED_FIELD = 4,
  ESCAPE_IN_QUOTED_FIELD = 5,
  QUOTE_IN_QUOTED_FIELD = 6,
  EAT_CRNL = 7,
  AFTER_ESCAPED_CRNL = 8;

/** A `_csv.reader`: the input iterator, the dialect, and the parser's state between lines. */
class PyReader extends PyObject {
  declare input: PyValue;
  declare dialect: PyDialect;
  declare lineNum: number;
  declare state: number;
  declare fields: PyValue[];
  /** The field being read. */
  declare field: string;
  declare fieldLength: number;
  declare numericField: boolean;
  constructor(cls: PyType, input: PyValue, dialect: PyDialect) {
    super();
    this.cls = cls;
    this.dict = null;
    this.input = input;
    this.dialect = dialect;
    this.lineNum = 0;
    this.state = START_RECORD;
    this.fields = [];
    this.field = "";
    this.fieldLength = 0;
    this.numericField = false;
  }
}

/** The module's state the readers and writers need. */
interface CsvState {
  error: PyType;
  fieldLimit: { value: number };
}

function saveField(r: PyReader): void {
  let value: PyValue = r.field;
  if (r.numericField) {
    r.numericField = false;
    value = new PyFloat(floatNew([r.field], null));
  }
  r.fields.push(value);
  r.field = "";
  r.fieldLength = 0;
}

function addChar(r: PyReader, state: CsvState, c: number): void {
  if (r.fieldLength >= state.fieldLimit.value) {
    csvError(state.error, `field larger than field limit (${state.fieldLimit.value})`);
  }
  r.field += String.fromCodePoint(c);
  r.fieldLength++;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** One character (or EOL) through the state machine. */
function processChar(r: PyReader, state: CsvState, c: number): void {
  const d = r.dialect;
  switch (r.state) {
    case START_RECORD:
      if (c === EOL) return; // an empty line: no record
      if (isLineBreak(c)) {
        r.state = EAT_CRNL;
        return;
      }
      r.state = START_FIELD;
      return processChar(r, state, c);
    case START_FIELD:
      if (isLineBreak(c) || c === EOL) {
        saveField(r);
        r.state = c === EOL ? START_RECORD : EAT_CRNL;
      } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
        r.state = IN_QUOTED_FIELD;
      } else if (c === d.escapechar) {
        r.state = ESCAPED_CHAR;
      } else if (c === 32 && d.skipinitialspace) {
        // spaces at the start of a field are skipped
      } else if (c === d.delimiter) {
        saveField(r);
      } else {
        if (d.quoting === QUOTE_NONNUMERIC) r.numericField = true;
        addChar(r, state, c);
        r.state = IN_FIELD;
      }
      return;
    case ESCAPED_CHAR:
      if (isLineBreak(c)) {
        addChar(r, state, c);
        r.state = AFTER_ESCAPED_CRNL;
        return;
      }
      addChar(r, state, c === EOL ? 10 : c);
      r.state = IN_FIELD;
      return;
    case AFTER_ESCAPED_CRNL:
      if (c === EOL) return;
      r.state = IN_FIELD;
      return processChar(r, state, c);
    case IN_FIELD:
      if (isLineBreak(c) || c === EOL) {
        saveField(r);
        r.state = c === EOL ? START_RECORD : EAT_CRNL;
      } else if (c === d.escapechar) {
        r.state = ESCAPED_CHAR;
      } else if (c === d.delimiter) {
        saveField(r);
        r.state = START_FIELD;
      } else {
        addChar(r, state, c);
      }
      return;
    case IN_QUOTED_FIELD:
      if (c === EOL) {
        // the field goes on on the next line
      } else if (c === d.escapechar) {
        r.state = ESCAPE_IN_QUOTED_FIELD;
      } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
        r.state = d.doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
      } else {
        addChar(r, state, c);
      }
      return;
    case ESCAPE_IN_QUOTED_FIELD:
      addChar(r, state, c === EOL ? 10 : c);
      r.state = IN_QUOTED_FIELD;
      return;
    case QUOTE_IN_QUOTED_FIELD:
      if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
        addChar(r, state, c); // "" is a "
        r.state = IN_QUOTED_FIELD;
      } else if (c === d.delimiter) {
        saveField(r);
        r.state = START_FIELD;
      } else if (isLineBreak(c) || c === EOL) {
        saveField(r);
        r.state = c === EOL ? START_RECORD : EAT_CRNL;
      } else if (!d.strict) {
        addChar(r, state, c);
        r.state = IN_FIELD;
      } else {
        csvError(
          state.error,
          `'${String.fromCodePoint(d.delimiter)}' expected after '${String.fromCodePoint(d.quotechar)}'`,
        );
      }
      return;
    case EAT_CRNL:
      if (isLineBreak(c)) return;
      if (c === EOL) {
        r.state = START_RECORD;
        return;
      }
      csvError(
        state.error,
        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
      );
  }
}

/**
 * Where the run of characters from i that the current state just adds to the field ends (i when
 * s[i] needs the state machine). Not used when a dialect character is outside the BMP.
 */
function plainRun(r: PyReader, s: string, i: number): number {
  const d = r.dialect;
  if (d.delimiter > 0xffff || d.quotechar > 0xffff || d.escapechar > 0xffff) return i;
  let j = i;
  if (r.state === IN_FIELD) {
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === d.delimiter || c === d.escapechar || c === 10 || c === 13) break;
    }
  } else {
    const quote = d.quoting === QUOTE_NONE ? NOT_SET : d.quotechar;
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === quote || c === d.escapechar) break;
    }
  }
  return j;
}

/** Adds s[start, end) to the field (the field size limit counts code points). */
function addRun(r: PyReader, state: CsvState, s: string, start: number, end: number): void {
  let count = end - start;
  for (let k = start; k < end - 1; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = s.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        count--;
        k++;
      }
    }
  }
  if (r.fieldLength + count > state.fieldLimit.value) {
    csvError(state.error, `field larger than field limit (${state.fieldLimit.value})`);
  }
  r.field += s.slice(start, end);
  r.fieldLength += count;
}

/** The next record, or undefined at the end of the input. */
function readRecord(r: PyReader, state: CsvState): PyValue | undefined {
  r.fields = [];
  r.field = "";
  r.fieldLength = 0;
  r.state = START_RECORD;
  r.numericField = false;
  do {
    const line = iterNext(r.input);
    if (line === undefined) {
      if (r.fieldLength !== 0 || r.state === IN_QUOTED_FIELD) {
        if (r.dialect.strict) csvError(state.error, "unexpected end of data");
        saveField(r);
        break;
      }
      return undefined;
    }
    const s = strOf(line);
    if (s === null) {
      csvError(
        state.error,
        `iterator should return strings, not ${typeOf(line).name} (the file should be opened in text mode)`,
      );
    }
    r.lineNum++;
    for (let i = 0; i < s.length; i++) {
      if (r.state === IN_FIELD || r.state === IN_QUOTED_FIELD) {
        const end = plainRun(r, s, i);
        if (end > i) {
          addRun(r, state, s, i, end);
          i = end - 1;
          continue;
        }
      }
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const low = s.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      processChar(r, state, c);
    }
    processChar(r, state, EOL);
  } while (r.state !== START_RECORD);
  const fields = r.fields;
  r.fields = [];
  return new PyList(fields);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A `_csv.writer`: the file's write method and the dialect. */
class PyWriter extends PyObject {
  declare write: PyValue;
  declare dialect: PyDialect;
  constructor(cls: PyType, write: PyValue, dialect: PyDialect) {
    super();
    this.cls = cls;
    this.dict = null;
    this.write = write;
    this.dialect = dialect;
  }
}

/** Whether v is a number for QUOTE_NONNUMERIC (PyNumber_Check: int, float, complex, __index__…). */
function isNumber(v: PyValue): boolean {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return true;
  if (typeof v === "string") return false;
  if (v instanceof PyFloat) return true;
  const t = typeOf(v);
  if (t.isSubtypeOf(complexType)) return true;
  return t.lookup("__index__") !== undefined || t.lookup("__int__") !== undefined ||
    t.lookup("__float__") !== undefined;
}

/**
 * Whether a field holds a character the dialect quotes or escapes (delimiter, quotechar,
 * escapechar, a character of the lineterminator) or a surrogate (left to escapeField, which
 * goes by code points). Most fields hold none: they are written as they are.
 */
function needsEscapeScan(d: PyDialect, field: string): boolean {
  const lt = d.lineterminator;
  const lt0 = lt.charCodeAt(0), lt1 = lt.charCodeAt(1); // NaN past the end
  const longTerminator = lt.length > 2;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === d.delimiter || c === d.quotechar || c === d.escapechar || c === lt0 || c === lt1) return true;
    if ((c & 0xf800) === 0xd800 || (longTerminator && lt.includes(field[i]))) return true;
  }
  return false;
}

/**
 * A field with the characters the dialect marks escaped or doubled, and its quotes when it is
 * quoted (quotedIn: by the quoting mode; or because of what it holds).
 */
function escapeField(d: PyDialect, error: PyType, field: string, quotedIn: boolean): string {
  let body = "";
  let quoted = quotedIn;
  for (const ch of field) {
    const c = ch.codePointAt(0)!;
    let wantEscape = false;
    if (c === d.delimiter || c === d.escapechar || c === d.quotechar || d.lineterminator.includes(ch)) {
      if (d.quoting === QUOTE_NONE) wantEscape = true;
      else {
        if (c === d.quotechar) {
          if (d.doublequote) body += ch;
          else wantEscape = true;
        } else if (c === d.escapechar) {
          wantEscape = true;
        }
        if (!wantEscape) quoted = true;
      }
      if (wantEscape) {
        if (d.escapechar === NOT_SET) csvError(error, "need to escape, but no escapechar set");
        body += String.fromCodePoint(d.escapechar);
      }
    }
    body += ch;
  }
  const quote = quoted ? String.fromCodePoint(d.quotechar) : "";
  return quote + body + quote;
}

/** writerow(row): the row's fields as one line, written; returns what write returned. */
function writeRow(w: PyWriter, error: PyType, row: PyValue): PyValue {
  const d = w.dialect;
  let it: PyValue;
  try {
    it = getIter(row);
  } catch (e) {
    if (e instanceof PyBaseException && e.cls.isSubtypeOf(Exc.TypeError)) {
      csvError(error, `iterable expected, not ${typeOf(row).name}`);
    }
    throw e;
  }
  const quote = d.quotechar === NOT_SET ? "" : String.fromCodePoint(d.quotechar);
  const delimiter = String.fromCodePoint(d.delimiter);
  let line = "";
  let count = 0;
  let nonEmpty = false;
  for (;;) {
    const field = iterNext(it);
    if (field === undefined) break;
    const quoted = d.quoting === QUOTE_ALL || (d.quoting === QUOTE_NONNUMERIC && !isNumber(field));
    const text = field === None ? null : strOf(field) ?? str(field);
    if (count > 0) line += delimiter;
    if (text === null || !needsEscapeScan(d, text)) {
      if (quoted) line += quote + (text ?? "") + quote;
      else if (text !== null) line += text;
    } else {
      line += escapeField(d, error, text, quoted);
    }
    if (quoted || (text !== null && text.length > 0)) nonEmpty = true;
    count++;
  }
  if (count === 1 && !nonEmpty) {
    // A record of one empty field would read back as no record: it is quoted.
    if (d.quoting === QUOTE_NONE) csvError(error, "single empty field record must be quoted");
    line = quote + quote;
  }
  return call(w.write, [line + d.lineterminator]);
}

// ---------------------------------------------------------------------------------------------
// The module

/** Builds the `_csv` module (its types, registry and error class are made here, on first import). */
export function makeCsvModule(): PyModule {
  const errorNs = new PyDict();
  errorNs.setStr("__module__", "_csv");
  const error = newClass(typeType, "Error", [Exc.Exception], errorNs);
  const state: CsvState = { error, fieldLimit: { value: 128 * 1024 } };
  const registry = new Map<string, PyDialect>();

  const dialectType = moduleType("_csv", "Dialect");
  dialectType.tp_new = (cls, args, kwnames) => makeDialect(cls, dialectType, registry, error, args, kwnames);
  installNew(dialectType);
  const dialectOf = (v: PyValue): PyDialect => v as PyDialect;
  const members: [string, (d: PyDialect) => PyValue][] = [
    ["delimiter", (d) => charText(d.delimiter)],
    ["quotechar", (d) => charText(d.quotechar)],
    ["escapechar", (d) => charText(d.escapechar)],
    ["doublequote", (d) => d.doublequote],
    ["skipinitialspace", (d) => d.skipinitialspace],
    ["lineterminator", (d) => d.lineterminator],
    ["quoting", (d) => d.quoting],
    ["strict", (d) => d.strict],
  ];
  for (const [name, get] of members) {
    defGetSet(dialectType, name, (v) => get(dialectOf(v)), () => {
      raise(Exc.AttributeError, `attribute '${name}' of '_csv.Dialect' objects is not writable`);
    });
  }
  const dialectFrom = (args: PyValue[], kwnames: string[] | null): PyDialect =>
    makeDialect(dialectType, dialectType, registry, error, args, kwnames);

  const readerType = moduleType("_csv", "reader", undefined, 0);
  readerType.tp_iter = (r) => r;
  readerType.tp_iternext = (r) => readRecord(r as PyReader, state);
  defMethod(readerType, "__iter__", (args) => args[0]);
  defMethod(readerType, "__next__", (args) => {
    const v = readRecord(args[0] as PyReader, state);
    if (v === undefined) throw new PyBaseException(Exc.StopIteration, newTuple([]));
    return v;
  });
  defGetSet(readerType, "dialect", (r) => (r as PyReader).dialect);
  defGetSet(readerType, "line_num", (r) => (r as PyReader).lineNum);

  const writerType = moduleType("_csv", "writer", undefined, 0);
  defMethod(writerType, "writerow", (args, kwnames) => {
    const [row] = bindArgs("writerow", args.slice(1), kwnames, ["row"], 1, 1);
    return writeRow(args[0] as PyWriter, error, row!);
  });
  defMethod(writerType, "writerows", (args, kwnames) => {
    const [rows] = bindArgs("writerows", args.slice(1), kwnames, ["rows"], 1, 1);
    const it = getIter(rows!);
    for (;;) {
      const row = iterNext(it);
      if (row === undefined) break;
      writeRow(args[0] as PyWriter, error, row);
    }
    return None;
  });
  defGetSet(writerType, "dialect", (w) => (w as PyWriter).dialect);

  const splitFirst = (args: PyValue[], kwnames: string[] | null): [PyValue | undefined, PyValue[]] => {
    const npos = args.length - (kwnames === null ? 0 : kwnames.length);
    return [npos > 0 ? args[0] : undefined, args.slice(1)];
  };

  return buildModule("_csv", CSV_DOC, {
    reader: (args, kwnames) => {
      const [csvfile, rest] = splitFirst(args, kwnames);
      if (csvfile === undefined) raise(Exc.TypeError, "expected at least 1 argument, got 0");
      const input = getIter(csvfile);
      return new PyReader(readerType, input, dialectFrom(rest, kwnames));
    },
    writer: (args, kwnames) => {
      const [csvfile, rest] = splitFirst(args, kwnames);
      if (csvfile === undefined) raise(Exc.TypeError, "expected at least 1 argument, got 0");
      const write = getAttrOrUndefined(csvfile, "write");
      if (write === undefined) raise(Exc.TypeError, 'argument 1 must have a "write" method');
      return new PyWriter(writerType, write, dialectFrom(rest, kwnames));
    },
    register_dialect: (args, kwnames) => {
      const [name, rest] = splitFirst(args, kwnames);
      if (name === undefined) raise(Exc.TypeError, "register_dialect() expected at least 1 argument, got 0");
      const key = strOf(name);
      if (key === null) raise(Exc.TypeError, "dialect name must be a string");
      registry.set(key, dialectFrom(rest, kwnames));
      return None;
    },
    unregister_dialect: (args, kwnames) => {
      const [name] = bindArgs("unregister_dialect", args, kwnames, ["name"], 1);
      const key = strOf(name!);
      if (key === null || !registry.delete(key)) csvError(error, "unknown dialect");
      return None;
    },
    get_dialect: (args, kwnames) => {
      const [name] = bindArgs("get_dialect", args, kwnames, ["name"], 1);
      const key = strOf(name!);
      if (key === null) csvError(error, "unknown dialect");
      return getDialect(registry, error, key);
    },
    list_dialects: () => new PyList([...registry.keys()]),
    field_size_limit: (args, kwnames) => {
      if (args.length - (kwnames === null ? 0 : kwnames.length) > 1) {
        raise(Exc.TypeError, `field_size_limit() takes at most 1 argument (${args.length} given)`);
      }
      const [limit] = bindArgs("field_size_limit", args, kwnames, ["new_limit"], 0);
      const old = state.fieldLimit.value;
      if (limit !== undefined) {
        const n = typeof limit === "boolean" ? undefined : intValueOf(limit);
        if (n === undefined) raise(Exc.TypeError, "limit must be an integer");
        state.fieldLimit.value = Number(n);
      }
      return old;
    },
  }, {
    Dialect: dialectType,
    Error: error,
    Reader: readerType,
    Writer: writerType,
    QUOTE_MINIMAL,
    QUOTE_ALL,
    QUOTE_NONNUMERIC,
    QUOTE_NONE,
    __version__: "1.0",
  });
}

/** The module's docstring (pyjit's own words). */
const CSV_DOC = `CSV parsing and writing.

reader(iterable_of_lines, dialect='excel', **fmtparams) reads records (lists of str) from any
iterable of lines, such as a file opened with newline=''. writer(fileobj, dialect='excel',
**fmtparams) writes rows through fileobj.write. A dialect is a registered name or an object
with the attributes delimiter, quotechar, escapechar, doublequote, skipinitialspace,
lineterminator, quoting and strict; keyword arguments override them.
`;
