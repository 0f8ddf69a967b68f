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
  Exc,
  None,
  PyBuiltinFunction,
  PyList,
  PyModule,
  PyType,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { flushStdout, writeStderr, writeStdout } from "../../objects/stdio.ts";
import { decodeSource } from "../../lexer/source_encoding.ts";
import { readAllStdinBytes, readSourceFile } from "../../vm/source_file.ts";
import { getAttrOrUndefined, repr } from "../../objects/ops.ts";

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
  const names: PyValue[] = [];
  for (let i = 0; i < 256; i++) names.push(OPCODES[i]?.name ?? `<${i}>`);
  d.setStr("opname", new PyList(names));
  return m;
}

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
