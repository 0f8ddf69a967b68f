/**
 * The disassembler: code objects (or raw bytecode bytes) → CPython's `dis` rows and text (line,
 * `-->` current instruction, `>>` jump targets, offset, name, argument, argument meaning, CACHE
 * entries on request, the exception table), and `_dis`, the native half of the Python `dis` module
 * (lib/python/dis.py), which does the dispatch on the object given, the recursion into nested
 * code objects, `Bytecode`, `Instruction` and `code_info`. Everything about instructions comes
 * from the opcode table (instructions/opcodes.ts).
 *
 * Offsets are printed in bytes (two per code unit) as CPython does; by default specialized
 * instructions are shown as their generic instruction (`adaptive` shows them as they are, since
 * the specializer rewrites opcodes in place).
 *
 * @example
 * ```ts
 * import { disassemble } from "./dis.ts";
 * import { compileModule } from "../../compiler/codegen.ts";
 * import { parse } from "../../compiler/parser.ts";
 * const source = "x = 1\n";
 * console.log(disassemble(compileModule(parse(source, "<s>", "exec") as never, "<s>", source)));
 * ```
 * @module
 */
import { CONVERSIONS, FUNCTION_ATTRIBUTES, INTRINSICS_1, INTRINSICS_2 } from "../../instructions/opargs.ts";
import { BINARY_OPS, COMPARISONS } from "../../instructions/operators.ts";
import { PyCode } from "../../objects/code.ts";
import { CACHE_SIZE, Op, OPCODES } from "../../instructions/opcodes.ts";
import {
  Exc,
  newTuple,
  None,
  PyBuiltinFunction,
  PyBytes,
  PyList,
  PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, isTrue, repr } from "../../objects/ops.ts";

/** One decoded instruction (the shape the compiler's and specializer's tests read). */
export interface Instruction {
  /** Offset in code units of the first unit (EXTENDED_ARG prefixes included). */
  start: number;
  /** Offset in code units of the opcode itself. */
  offset: number;
  op: number;
  opname: string;
  arg: number;
  argrepr: string;
  line: number;
  /** Jump target (code units) or -1. */
  target: number;
  /** Code units including caches. */
  size: number;
}

/**
 * What is disassembled: a code object, or bare bytecode (`dis.dis(b"...")`), which has no
 * constants, names, lines or exception table, so its arguments are shown as numbers.
 */
type Subject = { units: Uint16Array; code: PyCode | null };

function subjectOf(code: PyCode): Subject {
  code.ensureBody();
  return { units: code.code, code };
}

/** Decodes a code object's bytecode. */
export function instructions(code: PyCode, adaptive = false): Instruction[] {
  return decode(subjectOf(code), adaptive);
}

function decode(subject: Subject, adaptive: boolean): Instruction[] {
  const out: Instruction[] = [];
  const bc = subject.units;
  let i = 0;
  while (i < bc.length) {
    const start = i;
    let word = bc[i++];
    let op = word & 0xff;
    let arg = word >> 8;
    while (op === Op.EXTENDED_ARG && i < bc.length) {
      word = bc[i++];
      op = word & 0xff;
      arg = (arg << 8) | (word >> 8);
    }
    const offset = i - 1;
    const info = OPCODES[op];
    const shown = info === undefined ? undefined : adaptive ? info : OPCODES[info.generic];
    i += CACHE_SIZE[op];
    let target = -1;
    if (info?.jump === "forward") target = i + arg;
    else if (info?.jump === "backward") target = i - arg;
    out.push({
      start,
      offset,
      op,
      opname: shown?.name ?? `<${op}>`,
      arg,
      argrepr: info === undefined ? "" : argRepr(subject.code, info.generic, arg, target),
      line: subject.code === null ? 0 : subject.code.lineAt(offset),
      target,
      size: Math.min(i, bc.length) - start,
    });
  }
  return out;
}

/** How `dis` explains an oparg; without a code object only what the oparg itself says. */
function argRepr(code: PyCode | null, op: number, arg: number, target: number): string {
  const info = OPCODES[op];
  switch (info.arg) {
    case "const":
      return code === null ? "" : constRepr(code.consts[arg]);
    case "name":
      return code === null ? "" : code.names[arg] ?? "?";
    case "global":
      return code === null ? "" : (arg & 1 ? "NULL + " : "") + (code.names[arg >> 1] ?? "?");
    case "attr":
      return code === null ? "" : (arg & 1 ? "NULL|self + " : "") + (code.names[arg >> 1] ?? "?");
    case "superattr":
      return code === null ? "" : (arg & 1 ? "NULL|self + " : "") + (code.names[arg >> 2] ?? "?");
    case "local":
      return code === null ? "" : code.localsplusNames[arg] ?? "?";
    case "local2":
      return code === null
        ? ""
        : `${code.localsplusNames[arg >> 4] ?? "?"}, ${code.localsplusNames[arg & 15] ?? "?"}`;
    case "jump":
      return `to ${target * 2}`;
    case "binop":
      return BINARY_OPS[arg]?.symbol ?? String(arg);
    case "compare":
      return COMPARISONS[arg]?.symbol ?? String(arg);
    case "convert":
      return CONVERSIONS[arg] ?? "";
    case "intrinsic1":
      return INTRINSICS_1[arg] ?? "";
    case "intrinsic2":
      return INTRINSICS_2[arg] ?? "";
    case "funcattr":
      return FUNCTION_ATTRIBUTES.find((a) => a.flag === arg)?.name ?? "";
    case "is":
    case "contains":
    case "resume":
    case "raise":
    case "int":
    case "none":
      return "";
  }
}

function constRepr(v: PyValue): string {
  if (v instanceof PyCode) return v.repr();
  try {
    return repr(v);
  } catch {
    return "?";
  }
}

/** The value an instruction's argument stands for (CPython's `argval`). */
function argValue(code: PyCode | null, ins: Instruction): PyValue {
  const info = OPCODES[OPCODES[ins.op]?.generic ?? -1];
  if (info === undefined) return ins.arg;
  if (info.arg === "none") return None;
  if (info.arg === "jump") return ins.target * 2;
  if (info.arg === "compare") return COMPARISONS[ins.arg]?.symbol ?? ins.arg;
  if (code === null) return ins.arg;
  switch (info.arg) {
    case "const":
      return code.consts[ins.arg];
    case "name":
      return code.names[ins.arg];
    case "global":
    case "attr":
      return code.names[ins.arg >> 1];
    case "superattr":
      return code.names[ins.arg >> 2];
    case "local":
      return code.localsplusNames[ins.arg];
    case "local2":
      return newTuple([code.localsplusNames[ins.arg >> 4], code.localsplusNames[ins.arg & 15]]);
    default:
      return ins.arg;
  }
}

/** One row of `dis` output: CPython's `Instruction` fields (offsets in bytes). */
export interface DisRow {
  opname: string;
  opcode: number;
  /** null: the instruction takes no argument. */
  arg: number | null;
  argval: PyValue;
  argrepr: string;
  offset: number;
  /** The line this row starts (first_line's offset applied), or null. */
  startsLine: number | null;
  isJumpTarget: boolean;
  /** (line, end line, column, end column), null for what is unknown; null for bare bytecode. */
  positions: (number | null)[] | null;
}

/** How to show the rows. */
export interface DisOptions {
  /** Show specialized instructions as they are. */
  adaptive: boolean;
  /** Add a CACHE row for each inline cache unit. */
  showCaches: boolean;
  /** Added to every line number (`Bytecode(first_line=…)`). */
  lineOffset: number;
}

const DEFAULT_OPTIONS: DisOptions = { adaptive: false, showCaches: false, lineOffset: 0 };

/** Jump targets in code units: the jumps' and the exception handlers'. */
function jumpTargets(subject: Subject, instrs: Instruction[]): Set<number> {
  const targets = new Set<number>();
  for (const ins of instrs) if (ins.target >= 0) targets.add(ins.target);
  const t = subject.code?.exceptionTable ?? [];
  for (let e = 0; e < t.length; e += 5) if (t[e + 1] > t[e]) targets.add(t[e + 2]);
  return targets;
}

/**
 * The code units where a new source line starts (CPython's `findlinestarts`): unit → line. Line 0
 * stands for "no line", except at the very start: CPython gives a module's (and an eval's)
 * leading RESUME line 0.
 */
function lineStarts(code: PyCode | null): Map<number, number> {
  const starts = new Map<number, number>();
  if (code === null || code.code.length === 0) return starts;
  let last = code.lines[0];
  starts.set(0, last);
  for (let i = 1; i < code.code.length; i++) {
    const line = code.lines[i];
    if (line > 0 && line !== last) {
      starts.set(i, line);
      last = line;
    }
  }
  return starts;
}

function positionsAt(code: PyCode | null, unit: number): (number | null)[] | null {
  if (code === null) return null;
  const line = code.lines[unit] ?? 0, p = unit * 3;
  const col = code.positions[p], endLine = code.positions[p + 1], endCol = code.positions[p + 2];
  return [
    line > 0 ? line : null,
    endLine > 0 ? endLine : line > 0 ? line : null,
    col >= 0 ? col : null,
    endCol >= 0 ? endCol : null,
  ];
}

/** The rows `dis` shows for `subject`: EXTENDED_ARG prefixes and (on request) caches included. */
function rowsOf(subject: Subject, options: DisOptions): DisRow[] {
  const { code, units } = subject;
  const instrs = decode(subject, options.adaptive);
  const targets = jumpTargets(subject, instrs);
  const starts = lineStarts(code);
  const rows: DisRow[] = [];
  const base = (unit: number, opname: string, opcode: number, arg: number | null): DisRow => {
    const line = starts.get(unit);
    return {
      opname,
      opcode,
      arg,
      argval: arg ?? None,
      argrepr: "",
      offset: unit * 2,
      startsLine: line === undefined ? null : line + options.lineOffset,
      isJumpTarget: targets.has(unit),
      positions: positionsAt(code, unit),
    };
  };
  for (const ins of instrs) {
    // EXTENDED_ARG prefixes are rows of their own, each with the oparg accumulated so far.
    let acc = 0;
    for (let u = ins.start; u < ins.offset; u++) {
      acc = (acc << 8) | (units[u] >> 8);
      rows.push(base(u, "EXTENDED_ARG", Op.EXTENDED_ARG, acc));
    }
    const info = OPCODES[ins.op];
    const takesArg = info === undefined || OPCODES[info.generic].arg !== "none";
    const opcode = info === undefined || options.adaptive ? ins.op : info.generic;
    const row = base(ins.offset, ins.opname, opcode, takesArg ? ins.arg : null);
    row.argval = argValue(code, ins);
    row.argrepr = ins.argrepr;
    rows.push(row);
    if (options.showCaches) rows.push(...cacheRows(subject, ins, options, base));
  }
  return rows;
}

/** CACHE rows after `ins`; the adaptive view names each cell and shows what the unit holds. */
function cacheRows(
  subject: Subject,
  ins: Instruction,
  options: DisOptions,
  base: (unit: number, opname: string, opcode: number, arg: number | null) => DisRow,
): DisRow[] {
  const out: DisRow[] = [];
  const cells = OPCODES[ins.op]?.cache ?? [];
  for (let c = 0; c < cells.length && ins.offset + 1 + c < subject.units.length; c++) {
    const unit = ins.offset + 1 + c;
    const row = base(unit, "CACHE", Op.CACHE, 0);
    row.argval = None;
    row.startsLine = null;
    row.isJumpTarget = false;
    if (options.adaptive) row.argrepr = `${cells[c]}: ${subject.units[unit]}`;
    out.push(row);
  }
  return out;
}

/** CPython's layout of rows: line column, `-->`, `>>`, offset, name, argument, its meaning. */
function formatRows(rows: DisRow[], totalUnits: number, lasti: number): string {
  let maxLine = -1;
  for (const r of rows) if (r.startsLine !== null && r.startsLine > maxLine) maxLine = r.startsLine;
  const lineWidth = maxLine < 0 ? 0 : maxLine >= 1000 ? String(maxLine).length : 3;
  const maxOffset = totalUnits * 2 - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  let out = "";
  for (const r of rows) {
    if (r.startsLine !== null && r.offset > 0) out += "\n";
    const fields: string[] = [];
    if (lineWidth > 0) {
      fields.push(r.startsLine !== null ? String(r.startsLine).padStart(lineWidth) : " ".repeat(lineWidth));
    }
    // Only an exact offset is marked, as CPython does (a traceback's lasti may be a cache unit).
    fields.push(r.offset === lasti ? "-->" : "   ");
    fields.push(r.isJumpTarget ? ">>" : "  ");
    fields.push(String(r.offset).padStart(offsetWidth));
    fields.push(r.opname.padEnd(20));
    if (r.arg !== null) {
      fields.push(String(r.arg).padStart(5));
      if (r.argrepr) fields.push(`(${r.argrepr})`);
    }
    out += fields.join(" ").trimEnd() + "\n";
  }
  return out;
}

/** `ExceptionTable:` and its entries (byte offsets; `end` is the last instruction covered). */
function formatExceptionTable(code: PyCode | null): string {
  const t = code?.exceptionTable ?? [];
  if (t.length === 0) return "";
  let out = "ExceptionTable:\n";
  for (let e = 0; e < t.length; e += 5) {
    const lasti = t[e + 4] ? " lasti" : "";
    out += `  ${t[e] * 2} to ${t[e + 1] * 2 - 2} -> ${t[e + 2] * 2} [${t[e + 3]}]${lasti}\n`;
  }
  return out;
}

function disassembleSubject(subject: Subject, options: DisOptions, lasti = -1): string {
  return formatRows(rowsOf(subject, options), subject.units.length, lasti) +
    formatExceptionTable(subject.code);
}

/** The `dis` text of one code object (not its nested code objects). */
export function disassembleOne(code: PyCode, adaptive = false): string {
  return disassembleSubject(subjectOf(code), { ...DEFAULT_OPTIONS, adaptive });
}

/** The `dis` text of a code object and, recursively, every code object in its constants. */
export function disassemble(code: PyCode, adaptive = false): string {
  let out = disassembleOne(code, adaptive);
  for (const c of code.consts) {
    if (c instanceof PyCode) {
      out += `\nDisassembly of ${c.repr()}:\n` + disassemble(c, adaptive);
    }
  }
  return out;
}

/** A code object or bytes-like argument of the `_dis` functions. */
function subjectArg(v: PyValue): Subject {
  if (v instanceof PyCode) return subjectOf(v);
  if (v instanceof PyBytes) {
    const data = v.data;
    const units = new Uint16Array(data.length >> 1);
    for (let i = 0; i < units.length; i++) units[i] = data[2 * i] | (data[2 * i + 1] << 8);
    return { units, code: null };
  }
  raise(Exc.TypeError, `don't know how to disassemble ${typeOf(v).name} objects`);
}

/** An offset or line number argument (dis.py passes ints). */
function intArg(v: PyValue): number {
  return Number(asIndex(v));
}

function rowTuple(r: DisRow): PyValue {
  const opt = (v: number | null) => v === null ? None : v;
  return newTuple([
    r.opname,
    r.opcode,
    opt(r.arg),
    r.argval,
    r.argrepr,
    r.offset,
    opt(r.startsLine),
    r.isJumpTarget,
    r.positions === null ? None : newTuple(r.positions.map(opt)),
  ]);
}

/** CPython's `findlabels`: jump targets in bytes, in the order the jumps come. */
function findLabels(subject: Subject): number[] {
  const out: number[] = [];
  for (const ins of decode(subject, false)) {
    if (ins.target >= 0 && !out.includes(ins.target * 2)) out.push(ins.target * 2);
  }
  return out;
}

/**
 * `_dis`, what lib/python/dis.py builds on:
 * - `rows(x, adaptive, show_caches, line_offset)`: a tuple per instruction of x (a code object or
 *   bytecode bytes), in `dis.Instruction`'s field order, positions as a 4-tuple or None;
 * - `disassemble(x, lasti, adaptive, show_caches, line_offset)`: the text of one code object;
 * - `findlabels(x)`: jump targets in bytes;
 * - `exception_table(code)`: (start, end, target, depth, lasti) entries, offsets in bytes;
 * - `linestarts(code)`: (offset, line) where each source line starts.
 */
export function makeDisHelperModule(): PyModule {
  const m = new PyModule("_dis");
  const d = m.dict!;
  const options = (args: PyValue[], at: number): DisOptions => ({
    adaptive: args[at] !== undefined && isTrue(args[at]),
    showCaches: args[at + 1] !== undefined && isTrue(args[at + 1]),
    lineOffset: args[at + 2] === undefined ? 0 : intArg(args[at + 2]),
  });
  const fn = (name: string, f: (args: PyValue[]) => PyValue) =>
    d.setStr(name, new PyBuiltinFunction(name, (args) => f(args), null, "_dis"));
  fn("rows", (args) => new PyList(rowsOf(subjectArg(args[0]), options(args, 1)).map(rowTuple)));
  fn("disassemble", (args) => {
    const lasti = args[1] === undefined || args[1] === None ? -1 : intArg(args[1]);
    return disassembleSubject(subjectArg(args[0]), options(args, 2), lasti);
  });
  fn("findlabels", (args) => new PyList(findLabels(subjectArg(args[0]))));
  fn("exception_table", (args) => {
    const t = subjectArg(args[0]).code?.exceptionTable ?? [];
    const entries: PyValue[] = [];
    for (let e = 0; e < t.length; e += 5) {
      entries.push(newTuple([t[e] * 2, t[e + 1] * 2, t[e + 2] * 2, t[e + 3], t[e + 4] !== 0]));
    }
    return new PyList(entries);
  });
  fn("linestarts", (args) => {
    const starts = lineStarts(subjectArg(args[0]).code);
    return new PyList([...starts].map(([unit, line]) => newTuple([unit * 2, line])));
  });
  return m;
}
