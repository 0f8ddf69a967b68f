/**
 * Code objects: what the compiler produces for each module, class body, function, lambda and
 * comprehension, and what every tier executes.
 *
 * In: the assembler's output (bytecode, constants, names, tables). Out: a `PyCode` (a Python
 * `code` object), with lookups for the line of an instruction and the handler of an exception.
 *
 * - `code`: Uint16Array of `opcode | oparg << 8` units (instructions/opcodes.ts), inline caches after
 *   the instructions that have them. The specializer rewrites opcodes in place.
 * - Locals layout ("localsplus", as CPython 3.11+): `varnames` (parameters first), then the cell
 *   variables that are not parameters, then the free variables. A frame keeps all of them and its
 *   value stack in one JS array: slots [0, nlocalsplus) then the stack.
 * - Line table: `lines[i]` is the source line of code unit i (0 for none). One Int32Array per
 *   code object: cheap and O(1); only read when an exception is raised or by dis. `positions`
 *   holds the rest of each unit's source span (columns, end line) for traceback carets.
 * - Exception table: flat Int32Array of (start, end, target, depth, lasti) entries in code units,
 *   sorted by start, innermost handler first for nested ranges (CPython's zero-cost `try`).
 *
 * @example
 * ```ts
 * import { PyCode } from "./code.ts";
 * // built by compiler/codegen.ts: const code = compile(tree, "x.py", source);
 * ```
 * @module
 */
import {
  defGetSet,
  newBuiltinType,
  objectType,
  PyBytes,
  PyMethodDescriptor,
  PyTuple,
  type PyType,
  type PyValue,
} from "./object.ts";
import { None, PyObject } from "./object.ts";
import { Op, OPCODES } from "../instructions/opcodes.ts";

/**
 * The bytecode as compiled: specialized and fused instructions back to their generic ones (what
 * `co_code` shows, as CPython 3.11's does; dis's adaptive view shows them as they run).
 */
export function genericBytecode(bc: Uint16Array): Uint16Array {
  const out = bc.slice();
  for (let i = 0; i < out.length; i++) {
    const op = out[i] & 0xff;
    const generic = OPCODES[op]?.generic ?? op;
    if (generic !== op) out[i] = (out[i] & 0xff00) | generic;
  }
  return out;
}

/** `code.co_flags` bits (CPython's values). */
export const CO_OPTIMIZED = 0x1,
  CO_NEWLOCALS = 0x2,
  CO_VARARGS = 0x4,
  CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10,
  CO_GENERATOR = 0x20,
  CO_NOFREE = 0x40,
  CO_COROUTINE = 0x80,
  // An async generator's code also carries CO_GENERATOR inside pyjit (so that every path that
  // must not run a suspendable frame inline sees one); co_flags shows CPython's value.
  CO_ASYNC_GENERATOR = 0x200,
  // `from __future__ import annotations` (a compiler flag too: exec/eval/compile inherit it).
  CO_FUTURE_ANNOTATIONS = 0x1000000;

let codeTypeCache: PyType | null = null;
/** The `code` type (made on first use: objects/object.ts must finish loading first). */
export function codeType(): PyType {
  if (codeTypeCache === null) {
    codeTypeCache = newBuiltinType("code", objectType, 0);
    defineCodeAttributes(codeTypeCache);
  }
  return codeTypeCache;
}

/** `co_*` attributes, as CPython's code objects have them. */
function defineCodeAttributes(t: PyType): void {
  const c = (v: PyValue) => {
    (v as PyCode).ensureBody();
    return v as PyCode;
  };
  const tuple = (items: PyValue[]) => new PyTuple(items);
  const attrs: Record<string, (code: PyCode) => PyValue> = {
    co_name: (code) => code.name,
    co_qualname: (code) => code.qualname,
    co_filename: (code) => code.filename,
    co_firstlineno: (code) => code.firstlineno,
    co_argcount: (code) => code.argcount,
    co_posonlyargcount: (code) => code.posonlyargcount,
    co_kwonlyargcount: (code) => code.kwonlyargcount,
    co_flags: (code) => (code.flags & CO_ASYNC_GENERATOR) !== 0 ? code.flags & ~CO_GENERATOR : code.flags,
    co_nlocals: (code) => code.varnames.length,
    co_stacksize: (code) => code.stacksize,
    co_consts: (code) => tuple(code.consts),
    co_names: (code) => tuple(code.names),
    co_varnames: (code) => tuple(code.varnames),
    co_cellvars: (code) => tuple(code.cellvars),
    co_freevars: (code) => tuple(code.freevars),
    co_code: (code) => new PyBytes(new Uint8Array(genericBytecode(code.code).buffer)),
  };
  for (const [name, get] of Object.entries(attrs)) defGetSet(t, name, (v) => get(c(v)));
  t.attrs.set("__repr__", new PyMethodDescriptor("__repr__", t, (args) => c(args[0]).repr()));
  // co_positions() and co_lines() are methods vm/traceback.ts adds (they return iterators, and
  // this module must not import ops.ts: the compiler loads it before the object model is whole).
}

/** `co_positions()`: (line, end line, column, end column) per code unit, None where unknown. */
export function positionsOf(code: PyCode): PyValue[] {
  code.ensureBody();
  const out: PyValue[] = [];
  for (let i = 0; i < code.code.length; i++) {
    const line = code.lines[i], p = i * 3;
    const col = code.positions[p], endLine = code.positions[p + 1], endCol = code.positions[p + 2];
    out.push(
      new PyTuple([
        line > 0 ? line : None,
        endLine > 0 ? endLine : line > 0 ? line : None,
        col >= 0 ? col : None,
        endCol >= 0 ? endCol : None,
      ]),
    );
  }
  return out;
}

/** `co_lines()`: (start, end, line) byte ranges of consecutive code units on one line. */
export function lineRangesOf(code: PyCode): PyValue[] {
  code.ensureBody();
  const out: PyValue[] = [];
  let start = 0;
  for (let i = 1; i <= code.code.length; i++) {
    if (i === code.code.length || code.lines[i] !== code.lines[start]) {
      const line = code.lines[start];
      out.push(new PyTuple([start * 2, i * 2, line > 0 ? line : None]));
      start = i;
    }
  }
  return out;
}

/** Counts of code objects (for `--stats`) and a per-object id for tier hooks. */
let nextCodeId = 0;

/** The caches of a code object that has not run yet (shared, never written). */
const NO_CACHE_INDEX = new Int32Array(0);
const NO_CACHE_REF: unknown[] = [];

/** What a code object holds beyond its head (objects/code_serial.ts may read it later). */
export interface CodeBody {
  code: Uint16Array;
  consts: PyValue[];
  names: string[];
  lines: Int32Array;
  positions: Int32Array;
  exceptionTable: Int32Array;
}

/** A compiled code object. */
export class PyCode extends PyObject {
  declare readonly id: number;
  /** Number of positional parameters (positional-only included). */
  declare argcount: number;
  declare posonlyargcount: number;
  declare kwonlyargcount: number;
  declare flags: number;
  declare name: string;
  declare qualname: string;
  declare filename: string;
  declare firstlineno: number;
  declare code: Uint16Array;
  declare consts: PyValue[];
  declare names: string[];
  /** Locals (parameters first). */
  declare varnames: string[];
  /** Variables captured by inner scopes. */
  declare cellvars: string[];
  /** Variables from enclosing scopes. */
  declare freevars: string[];
  /** All slot names: varnames, then cellvars not already in varnames, then freevars. */
  declare localsplusNames: string[];
  declare nlocalsplus: number;
  declare stacksize: number;
  declare lines: Int32Array;
  /** Per code unit: start column, end line, end column (UTF-8 bytes) of its source span, or -1. */
  declare positions: Int32Array;
  declare exceptionTable: Int32Array;
  /**
   * The source text (for tracebacks), shared by all code objects of a module; or the function
   * that gives it, called on first use (a cached standard module's text is inflated only when a
   * traceback or linecache asks for it).
   */
  declare sourceText: string | (() => string);
  /** Whether the current tier's prepareCode has run for this code object (vm/tier.ts). */
  declare prepared: boolean;
  /** Tier-private data (specializer side tables, JIT executors). */
  declare tierData: unknown;
  /**
   * Calls of this code until its entry is hot (RESUME counts them down; at 0 the tier is asked):
   * tier 3 sets it for functions without loops, which it traces from their entry; other tiers
   * leave it at a count never reached.
   */
  declare entryHot: number;
  /** Returned frames of this code kept for reuse by CALL (vm/frame.ts acquireFrame; typed there). */
  declare framePool: unknown[];
  /**
   * Tier-1 inline caches, indexed by the position of an instruction's first CACHE unit (the
   * bytecode itself is never written): numbers (dict entry indices, type versions) and
   * references (a dict's key array, a method found on a type). vm/interp.ts fills and validates them.
   */
  declare cacheIndex: Int32Array;
  declare cacheRef: unknown[];
  /**
   * The argument count of a call CALL can bind by copying positional arguments into the frame:
   * argcount when there are no keyword-only, *args or **kwargs parameters and the code is not a
   * generator or coroutine; -1 otherwise (one compare on CALL's fast path).
   */
  declare simpleArgcount: number;
  /**
   * Where a call starts executing: past a leading RESUME 0 (a no-op for tier 1, and one dispatch
   * per call), else 0.
   */
  declare bodyStart: number;
  /**
   * Reads the body of a code object decoded from the compile cache as its head alone (until then
   * its bytecode and tables are empty, and its consts hold its docstring alone, for the function
   * made of it); null once read, and for every other code object. ensureBody() runs it.
   */
  declare pendingBody: ((code: PyCode) => void) | null;
  constructor(fields: {
    argcount: number;
    posonlyargcount: number;
    kwonlyargcount: number;
    flags: number;
    name: string;
    qualname: string;
    filename: string;
    firstlineno: number;
    code: Uint16Array;
    consts: PyValue[];
    names: string[];
    varnames: string[];
    cellvars: string[];
    freevars: string[];
    stacksize: number;
    lines: Int32Array;
    positions: Int32Array;
    exceptionTable: Int32Array;
    source: string | (() => string);
  }) {
    super();
    this.cls = codeType();
    this.dict = null;
    this.id = nextCodeId++;
    this.argcount = fields.argcount;
    this.posonlyargcount = fields.posonlyargcount;
    this.kwonlyargcount = fields.kwonlyargcount;
    this.flags = fields.flags;
    this.simpleArgcount = fields.kwonlyargcount === 0 &&
        (fields.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE)) === 0
      ? fields.argcount
      : -1;
    this.name = fields.name;
    this.qualname = fields.qualname;
    this.filename = fields.filename;
    this.firstlineno = fields.firstlineno;
    this.code = fields.code;
    this.bodyStart = fields.code.length > 0 && fields.code[0] === Op.RESUME ? 1 : 0; // RESUME 0 (oparg 0)
    this.consts = fields.consts;
    this.names = fields.names;
    this.varnames = fields.varnames;
    this.cellvars = fields.cellvars;
    this.freevars = fields.freevars;
    this.stacksize = fields.stacksize;
    this.lines = fields.lines;
    this.positions = fields.positions;
    this.exceptionTable = fields.exceptionTable;
    this.sourceText = fields.source;
    // Shared with varnames when there are no cells nor free variables (nothing writes either).
    const { varnames, cellvars, freevars } = fields;
    let names = varnames;
    if (cellvars.length > 0 || freevars.length > 0) {
      names = varnames.slice();
      for (let i = 0; i < cellvars.length; i++) if (!names.includes(cellvars[i])) names.push(cellvars[i]);
      for (let i = 0; i < freevars.length; i++) names.push(freevars[i]);
    }
    this.localsplusNames = names;
    this.nlocalsplus = names.length;
    this.pendingBody = null;
    this.prepared = false;
    this.tierData = null;
    this.entryHot = 0x7fffffff;
    this.framePool = [];
    // Made by allocateCaches before the first run: most code objects of an imported module
    // (the bodies of functions never called) never run.
    this.cacheIndex = NO_CACHE_INDEX;
    this.cacheRef = NO_CACHE_REF;
  }

  /** Reads the body if it has not been read (see pendingBody): before the code runs or is looked into. */
  ensureBody(): void {
    const load = this.pendingBody;
    if (load === null) return;
    this.pendingBody = null;
    load(this);
  }

  /** Installs the body read later (objects/code_serial.ts). */
  setBody(body: CodeBody): void {
    this.code = body.code;
    this.consts = body.consts;
    this.names = body.names;
    this.lines = body.lines;
    this.positions = body.positions;
    this.exceptionTable = body.exceptionTable;
    this.bodyStart = body.code.length > 0 && body.code[0] === Op.RESUME ? 1 : 0;
  }

  /** Makes the inline caches (once, before the code first runs: vm/tier.ts prepareForRun). */
  allocateCaches(): void {
    if (this.cacheIndex !== NO_CACHE_INDEX) return;
    const n = this.code.length;
    this.cacheIndex = new Int32Array(n);
    const refs: unknown[] = [];
    for (let i = 0; i < n; i++) refs.push(null);
    this.cacheRef = refs;
  }

  /** The source text of the module this code belongs to. */
  get source(): string {
    const text = this.sourceText;
    if (typeof text === "string") return text;
    return this.sourceText = text();
  }

  /** The source line of the instruction at code unit `index` (0 when unknown). */
  lineAt(index: number): number {
    this.ensureBody();
    if (index < 0) index = 0;
    if (index >= this.lines.length) index = this.lines.length - 1;
    return this.lines[index] ?? 0;
  }

  /**
   * The exception handler covering code unit `index`: [target, depth, lasti] packed into the
   * returned entry index (or -1). Read the fields from `exceptionTable[e*5 + 2..4]`.
   */
  handlerAt(index: number): number {
    this.ensureBody();
    const t = this.exceptionTable;
    for (let e = 0; e < t.length; e += 5) {
      if (index >= t[e] && index < t[e + 1]) return e;
    }
    return -1;
  }

  /** `<code object NAME at 0x…, file "F", line N>`. */
  repr(): string {
    const addr = (0x7f0000000000 + this.id * 0x40).toString(16);
    return `<code object ${this.name} at 0x${addr}, file "${this.filename}", line ${this.firstlineno}>`;
  }
}
