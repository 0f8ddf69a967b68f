/**
 * The disassembler: code objects → CPython's `dis` text (line, offset, `>>` jump targets, name,
 * argument, argument meaning, `Disassembly of <code object …>:` for nested code, the exception
 * table), and the Python-level `dis` module (`dis.dis(obj)`). Everything about instructions comes
 * from the opcode table (instructions/opcodes.ts).
 *
 * Offsets are printed in bytes (two per code unit) as CPython does; by default specialized
 * instructions are shown as their generic instruction (`adaptive` shows them as they are).
 *
 * @example
 * ```ts
 * import { disassembleSource } from "./dis.ts";
 * console.log(disassembleSource("x = 1\n", "<s>"));
 * ```
 * @module
 */
import { CONVERSIONS, FUNCTION_ATTRIBUTES, INTRINSICS_1, INTRINSICS_2 } from "../../instructions/opargs.ts";
import { BINARY_OPS, COMPARISONS } from "../../instructions/operators.ts";
import type * as ast from "../../compiler/ast.ts";
import { PyCode } from "../../objects/code.ts";
import { compileModule } from "../../compiler/codegen.ts";
import { CACHE_SIZE, Op, OPCODES } from "../../instructions/opcodes.ts";
import { parse } from "../../compiler/parser.ts";
import {
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newTuple,
  None,
  PyBuiltinFunction,
  PyList,
  PyModule,
  PyObject,
  type PyTuple,
  PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { flushStdout, writeStderr, writeStdout } from "../../objects/stdio.ts";
import { decodeSource } from "../../lexer/source_encoding.ts";
import { readAllStdinBytes, readSourceFile } from "../../vm/source_file.ts";
import { getAttrOrUndefined, getIter, isTrue, repr } from "../../objects/ops.ts";
import { makeStructSeqType, newStructSeq } from "./struct_seq.ts";
import { installNew } from "../../objects/types/type.ts";

const INSTRUCTION_FIELDS = [
  "opname",
  "opcode",
  "arg",
  "argval",
  "argrepr",
  "offset",
  "starts_line",
  "is_jump_target",
  "positions",
];
const POSITIONS_FIELDS = ["lineno", "end_lineno", "col_offset", "end_col_offset"];

/** One decoded instruction. */
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

/** Decodes a code object's bytecode. */
export function instructions(code: PyCode, adaptive = false): Instruction[] {
  const out: Instruction[] = [];
  const bc = code.code;
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
    const shown = adaptive ? info : OPCODES[info.generic];
    i += CACHE_SIZE[op];
    let target = -1;
    if (info.jump === "forward") target = i + arg;
    else if (info.jump === "backward") target = i - arg;
    out.push({
      start,
      offset,
      op,
      opname: shown.name,
      arg,
      argrepr: argRepr(code, info.generic, arg, target),
      line: code.lineAt(offset),
      target,
      size: i - start,
    });
  }
  return out;
}

function argRepr(code: PyCode, op: number, arg: number, target: number): string {
  const info = OPCODES[op];
  switch (info.arg) {
    case "const":
      return constRepr(code.consts[arg]);
    case "name":
      return code.names[arg] ?? "?";
    case "global":
      return (arg & 1 ? "NULL + " : "") + (code.names[arg >> 1] ?? "?");
    case "attr":
      return (arg & 1 ? "NULL|self + " : "") + (code.names[arg >> 1] ?? "?");
    case "superattr":
      return (arg & 1 ? "NULL|self + " : "") + (code.names[arg >> 2] ?? "?");
    case "local":
      return code.localsplusNames[arg] ?? "?";
    case "local2":
      return `${code.localsplusNames[arg >> 4] ?? "?"}, ${code.localsplusNames[arg & 15] ?? "?"}`;
    case "jump":
      return `to ${target * 2}`;
    case "binop": {
      const base = BINARY_OPS[arg % 13];
      return base ? base.symbol + (arg >= 13 ? "=" : "") : String(arg);
    }
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

/** The `dis` text of one code object (not its nested code objects). */
export function disassembleOne(code: PyCode, adaptive = false): string {
  const instrs = instructions(code, adaptive);
  const targets = new Set<number>();
  for (const ins of instrs) if (ins.target >= 0) targets.add(ins.target);
  const t = code.exceptionTable;
  for (let e = 0; e < t.length; e += 5) targets.add(t[e + 2]);
  let maxLine = 0;
  for (const ins of instrs) if (ins.line > maxLine) maxLine = ins.line;
  const lineWidth = maxLine >= 1000 ? String(maxLine).length : 3;
  const maxOffset = code.code.length * 2 - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  let out = "";
  let prevLine = -1;
  const row = (
    unit: number,
    name: string,
    hasArg: boolean,
    arg: number,
    argrepr: string,
    target: boolean,
  ) => {
    const line = code.lineAt(unit);
    const startsLine = line !== prevLine;
    if (startsLine && unit > 0 && out !== "") out += "\n";
    prevLine = line;
    const fields: string[] = [];
    fields.push(startsLine ? String(line).padStart(lineWidth) : " ".repeat(lineWidth));
    fields.push("   ");
    fields.push(target ? ">>" : "  ");
    fields.push(String(unit * 2).padStart(offsetWidth));
    fields.push(name.padEnd(20));
    if (hasArg) {
      fields.push(String(arg).padStart(5));
      if (argrepr) fields.push(`(${argrepr})`);
    }
    out += fields.join(" ").trimEnd() + "\n";
  };
  for (const ins of instrs) {
    // EXTENDED_ARG prefixes get rows of their own, each with the oparg accumulated so far.
    let acc = 0;
    for (let u = ins.start; u < ins.offset; u++) {
      acc = (acc << 8) | (code.code[u] >> 8);
      row(u, "EXTENDED_ARG", true, acc, "", u === ins.start && targets.has(u));
    }
    const info = OPCODES[ins.op];
    const isTarget = ins.start === ins.offset && targets.has(ins.start);
    row(ins.offset, ins.opname, info.arg !== "none", ins.arg, ins.argrepr, isTarget);
  }
  if (t.length) {
    out += "ExceptionTable:\n";
    for (let e = 0; e < t.length; e += 5) {
      const lasti = t[e + 4] ? " lasti" : "";
      out += `  ${t[e] * 2} to ${t[e + 1] * 2 - 2} -> ${t[e + 2] * 2} [${t[e + 3]}]${lasti}\n`;
    }
  }
  return out;
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

/**
 * Compiles `source` and returns what `python -m dis FILE` prints.
 * @example
 * ```ts
 * import { disassembleSource } from "@pyjit/core";
 * console.log(disassembleSource("print(1 + 2)\n", "x.py"));
 * ```
 */
export function disassembleSource(source: string, filename: string): string {
  const tree = parse(source, filename, "exec") as ast.mod;
  return disassemble(compileModule(tree, filename, source));
}

/** The code object behind a function, method, class member or code object, or null. */
function codeOf(v: PyValue): PyCode | null {
  if (v instanceof PyCode) return v;
  const direct = getAttrOrUndefined(v, "__code__");
  if (direct instanceof PyCode) return direct;
  const func = getAttrOrUndefined(v, "__func__");
  if (func !== undefined) return codeOf(func);
  return null;
}

/** The Python `dis` module. */
export function makeDisModule(): PyModule {
  const m = new PyModule("dis");
  const d = m.dict!;
  const disFn = (args: PyValue[], kwnames: string[] | null) => {
    let adaptive = false;
    const nkw = kwnames?.length ?? 0;
    for (let i = 0; i < nkw; i++) {
      if (kwnames![i] === "adaptive") adaptive = args[args.length - nkw + i] === true;
    }
    const target = args.length - nkw > 0 ? args[0] : None;
    writeOut(disText(target, adaptive));
    return None;
  };
  d.setStr("dis", new PyBuiltinFunction("dis", disFn, null, "dis"));
  d.setStr("disassemble", new PyBuiltinFunction("disassemble", disFn, null, "dis"));
  d.setStr(
    "get_instructions",
    new PyBuiltinFunction(
      "get_instructions",
      (args, kwnames) => {
        const [x, adaptive] = instructionsArgs("get_instructions", args, kwnames);
        return getIter(new PyList(instructionObjects(codeOrRaise(x), adaptive)));
      },
      null,
      "dis",
    ),
  );
  d.setStr("Bytecode", bytecodeType);
  d.setStr("Instruction", instructionType);
  d.setStr("Positions", positionsType);
  const names: PyValue[] = [];
  for (let i = 0; i < 256; i++) names.push(OPCODES[i]?.name ?? `<${i}>`);
  d.setStr("opname", new PyList(names));
  return m;
}

/** `dis.Instruction`: CPython's named tuple of one instruction's details. */
const instructionType = makeStructSeqType("dis", "Instruction", INSTRUCTION_FIELDS);
/** `dis.Positions`: an instruction's source span. */
const positionsType = makeStructSeqType("dis", "Positions", POSITIONS_FIELDS);
// Named tuples print without their module.
for (const t of [instructionType, positionsType]) {
  const fields = t === instructionType ? INSTRUCTION_FIELDS : POSITIONS_FIELDS;
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${t.name}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
}

/** The (object, adaptive) arguments of get_instructions and Bytecode. */
function instructionsArgs(fn: string, args: PyValue[], kwnames: string[] | null): [PyValue, boolean] {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos !== 1) raise(Exc.TypeError, `${fn}() takes 1 positional argument but ${npos} were given`);
  let adaptive = false;
  for (let i = 0; i < nkw; i++) {
    const name = kwnames![i], v = args[npos + i];
    if (name === "adaptive") adaptive = isTrue(v);
    else if (!["first_line", "show_caches", "current_offset"].includes(name)) {
      raise(Exc.TypeError, `${fn}() got an unexpected keyword argument '${name}'`);
    }
  }
  return [args[0], adaptive];
}

function codeOrRaise(v: PyValue): PyCode {
  if (typeof v === "string") {
    const tree = parse(v, "<disassembly>", "exec") as ast.mod;
    return compileModule(tree, "<disassembly>", v);
  }
  const code = codeOf(v);
  if (code === null) raise(Exc.TypeError, `don't know how to disassemble ${typeOf(v).name} objects`);
  return code;
}

/** The value an instruction's argument stands for (CPython's `argval`). */
function argValue(code: PyCode, ins: Instruction): PyValue {
  const info = OPCODES[ins.op];
  switch (info.arg) {
    case "none":
      return None;
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
    case "jump":
      return ins.target * 2;
    case "compare":
      return COMPARISONS[ins.arg]?.symbol ?? ins.arg;
    default:
      return ins.arg;
  }
}

/** `dis.Instruction` objects for `code`'s instructions (no CACHE entries, as show_caches=False). */
function instructionObjects(code: PyCode, adaptive: boolean): PyValue[] {
  const instrs = instructions(code, adaptive);
  const targets = new Set<number>();
  for (const ins of instrs) if (ins.target >= 0) targets.add(ins.target);
  let prevLine = -1;
  return instrs.map((ins) => {
    const line = ins.line;
    const startsLine = line !== prevLine ? line : None;
    prevLine = line;
    const p = code.positions;
    const at = ins.offset * 3;
    const num = (v: number | undefined) => v === undefined || v < 0 ? None : v;
    const positions = newStructSeq(positionsType, [line || None, num(p[at + 1]), num(p[at]), num(p[at + 2])]);
    return newStructSeq(instructionType, [
      ins.opname,
      ins.op,
      OPCODES[ins.op].arg === "none" ? None : ins.arg,
      argValue(code, ins),
      ins.argrepr,
      ins.offset * 2,
      startsLine,
      targets.has(ins.start),
      positions,
    ]);
  });
}

/** `dis.Bytecode(x, adaptive=False)`: x's instructions, iterable, with `dis()` and `codeobj`. */
class PyBytecode extends PyObject {
  declare source: PyValue;
  declare code: PyCode;
  declare adaptive: boolean;
  constructor(cls: PyType, source: PyValue, code: PyCode, adaptive: boolean) {
    super();
    this.cls = cls;
    this.dict = null;
    this.source = source;
    this.code = code;
    this.adaptive = adaptive;
  }
}
const bytecodeType = newBuiltinType("Bytecode");
bytecodeType.module = "dis";
bytecodeType.tp_new = (cls, args, kwnames) => {
  const [x, adaptive] = instructionsArgs("Bytecode", args, kwnames);
  return new PyBytecode(cls, x, codeOrRaise(x), adaptive);
};
installNew(bytecodeType);
const bc = (v: PyValue) => v as PyBytecode;
defMethod(
  bytecodeType,
  "__iter__",
  (args) => getIter(new PyList(instructionObjects(bc(args[0]).code, bc(args[0]).adaptive))),
);
defMethod(bytecodeType, "dis", (args) => disassembleOne(bc(args[0]).code, bc(args[0]).adaptive));
defMethod(bytecodeType, "__repr__", (args) => `Bytecode(${repr(bc(args[0]).source)})`);
defGetSet(bytecodeType, "codeobj", (v) => bc(v).code);
defGetSet(bytecodeType, "first_line", (v) => bc(v).code.firstlineno);

function disText(v: PyValue, adaptive: boolean): string {
  if (typeof v === "string") return disassembleSource(v, "<dis>");
  if (v instanceof PyType) {
    let out = "";
    for (const [name, attr] of v.attrs) {
      const c = codeOf(attr);
      if (c !== null) out += `Disassembly of ${name}:\n${disassemble(c, adaptive)}\n`;
    }
    return out;
  }
  const code = codeOf(v);
  if (code === null) raise(Exc.TypeError, `don't know how to disassemble ${repr(v)} objects`);
  return disassemble(code, adaptive);
}

/** `pyjit -m dis [FILE]`: prints the bytecode of every code object, as `python3 -m dis` does. */
export function runDisMain(args: string[]): number {
  const path = args[0];
  const source = path === undefined
    ? decodeSource(readAllStdinBytes(), "<stdin>")
    : readSourceFile(path, "compile");
  if (source === null) {
    writeStderr(
      `python -m dis: error: argument infile: can't open '${path}': [Errno 2] No such file or directory\n`,
    );
    return 2;
  }
  writeStdout(disassembleSource(source, path ?? "<stdin>"));
  flushStdout();
  return 0;
}

/** `dis.dis` writes to the program's buffered stdout. */
function writeOut(text: string): void {
  writeStdout(text);
}
