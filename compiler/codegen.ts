/**
 * Code generation: AST + symbol table → code objects (one per module, class body, function,
 * lambda and comprehension), following CPython 3.12/3.13's compile.c instruction sequences.
 *
 * In: a `Module` (or `Expression`) AST, the file name and the source text. Out: the module's
 * `PyCode`, nested code objects in its constants.
 *
 * The assembler at the end of this file turns the instruction list (with labels and the
 * pseudo-instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH / POP_BLOCK / JUMP) into bytecode:
 * a stack-depth pass over the control flow (exception handlers are branches from their SETUP),
 * EXTENDED_ARG sizing, the line table and the exception table. Backward conditional jumps are
 * turned into a forward conditional jump over a JUMP_BACKWARD when emitted, as CPython does.
 *
 * Comprehensions are separate functions (Python 3.11 semantics, see symtable.ts). `async def`
 * compiles to a function that raises NotImplementedError when called.
 *
 * @example
 * ```ts
 * import { compileModule } from "./codegen.ts";
 * import { parse } from "./parser.ts";
 * const code = compileModule(parse("print(1 + 2)\n", "x.py") as never, "x.py", "print(1 + 2)\n");
 * ```
 * @module
 */
import {
  FUNC_CLOSURE,
  FUNC_DEFAULTS,
  FUNC_KWDEFAULTS,
  INTRINSIC_IMPORT_STAR,
  INTRINSIC_LIST_TO_TUPLE,
  INTRINSIC_PRINT,
  INTRINSIC_UNARY_POSITIVE,
} from "../instructions/opargs.ts";
import type * as ast from "./ast.ts";
import { type FutureFeatures, futureFeatures, isLateFuture } from "./future.ts";
import { unparseExpr } from "./unparse.ts";
import { BINARY_OPERATORS, COMPARISONS, NB_INPLACE } from "../instructions/operators.ts";
import { CACHE_SIZE, Op, OPCODES, stackEffect } from "../instructions/opcodes.ts";
import {
  CO_ASYNC_GENERATOR,
  CO_COROUTINE,
  CO_FUTURE_ANNOTATIONS,
  CO_GENERATOR,
  CO_NESTED,
  CO_NEWLOCALS,
  CO_OPTIMIZED,
  CO_VARARGS,
  CO_VARKEYWORDS,
  PyCode,
} from "../objects/code.ts";
import { frozensetBuildOrder } from "../objects/code_serial.ts";
import {
  buildSymtable,
  CELL,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  type Scope,
  type SymbolTable,
  syntaxErrorAt,
} from "./symtable.ts";
import {
  Ellipsis,
  frozensetType,
  newSet,
  None,
  normInt,
  PyBytes,
  PyComplex,
  PyFloat,
  PyTuple,
  type PyValue,
} from "../objects/object.ts";

/** BINARY_OP opargs of the AST's operators (instructions/operators.ts). */
const BINOP_ARGS = Object.fromEntries(BINARY_OPERATORS.map((o, i) => [o.ast, i])) as Record<
  ast.operator,
  number
>;

/** COMPARE_OP opargs of the AST's comparisons. */
const CMP_ARGS: Record<string, number> = Object.fromEntries(COMPARISONS.map((c, i) => [c.ast, i]));

/** Process-wide compiler settings: `optimize` is the command line's `-O` count (asserts off when > 0). */
export const compileFlags: { optimize: number } = { optimize: 0 };

/** Compiles a module AST to its code object. */
export function compileModule(
  tree: ast.mod,
  filename: string,
  source: string,
  flags = 0,
  startDepth = 0,
): PyCode {
  const future = futureFeatures(tree, filename, source);
  if (flags & CO_FUTURE_ANNOTATIONS) future.annotations = true;
  const table = buildSymtable(tree, filename, source, future.annotations, startDepth);
  const c = new Compiler(table, filename, source, future);
  return c.compileTop(tree);
}

/** CPython's CO_MAXBLOCKS: loops, try, with and handlers nested in one code object. */
const MAX_STATIC_BLOCKS = 20;

// ---------------------------------------------------------------------------------------------
// Instruction list

class Label {
  pos = -1;
  /** The handler regions open where the first jump to this label was emitted. */
  handlers: Handler[] | null = null;
}

/** An exception handler region opened by a SETUP_* pseudo-instruction. */
interface Handler {
  target: Label;
  /** Index of the SETUP instruction (its stack depth gives the handler's depth). */
  setup: number;
  pushes: number;
  lasti: boolean;
}

interface Instr {
  op: number;
  arg: number;
  line: number;
  /** Source span (UTF-8 byte columns) of the node that emitted it, -1 when unknown. */
  col: number;
  endLine: number;
  endCol: number;
  target: Label | null;
  handler: Handler | null;
}

type FBlockKind =
  | "WHILE_LOOP"
  | "FOR_LOOP"
  | "TRY_EXCEPT"
  | "FINALLY_TRY"
  | "FINALLY_END"
  | "WITH"
  | "ASYNC_WITH"
  | "HANDLER_CLEANUP"
  | "POP_VALUE"
  | "EXCEPTION_HANDLER"
  | "EXCEPTION_GROUP_HANDLER";

interface FBlock {
  kind: FBlockKind;
  block: Label | null;
  exit: Label | null;
  /** FINALLY_TRY: the final body; HANDLER_CLEANUP: the bound name; WITH: the statement. */
  datum: ast.stmt[] | string | ast.Located | null;
}

/** One code object being compiled. */
class Unit {
  instrs: Instr[] = [];
  consts: PyValue[] = [];
  constKeys = new Map<string, number>();
  names: string[] = [];
  nameIndex = new Map<string, number>();
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  localsplus: string[];
  fblocks: FBlock[] = [];
  handlers: Handler[] = [];
  lineno: number;
  /** The statement or expression being compiled (its span goes into the position table). */
  loc: ast.Located | null = null;
  labelAtEnd = -1;
  constructor(
    readonly scope: Scope,
    readonly name: string,
    readonly qualname: string,
    readonly firstlineno: number,
  ) {
    this.lineno = firstlineno;
    const s = scope;
    if (s.kind === "function") {
      const locals = [...s.params];
      for (const [n, sc] of s.scopes) if (sc === LOCAL && !locals.includes(n)) locals.push(n);
      this.varnames = locals;
    } else this.varnames = [];
    this.cellvars = s.namesWith(CELL).sort();
    if (s.needsClassClosure) this.cellvars.push("__class__");
    const frees = s.namesWith(FREE);
    for (const [n] of s.flags) if (s.isFreeClass(n) && !frees.includes(n)) frees.push(n);
    this.freevars = frees.sort();
    // Parameters that are cells keep their varnames slot (see PyCode).
    for (const n of s.params) {
      if (this.cellvars.includes(n) && !this.varnames.includes(n)) this.varnames.push(n);
    }
    this.localsplus = [...this.varnames];
    for (const cv of this.cellvars) if (!this.localsplus.includes(cv)) this.localsplus.push(cv);
    this.localsplus.push(...this.freevars);
  }
}

// ---------------------------------------------------------------------------------------------
// The compiler

class Compiler {
  u!: Unit;
  stack: Unit[] = [];
  /** The enclosing class name for private-name mangling, or null. */
  className: string | null = null;
  /** Compiling `single` mode input. */
  interactive = false;

  constructor(
    readonly table: SymbolTable,
    readonly filename: string,
    readonly source: string,
    readonly future: FutureFeatures = { annotations: false, lineno: 0 },
  ) {}

  /** An annotation's value: the expression evaluated, or (future annotations) its source text. */
  annotation(e: ast.expr): void {
    if (this.future.annotations) this.loadConst(unparseExpr(e));
    else this.expr(e);
  }

  error(msg: string, node: ast.Located | null): never {
    throw syntaxErrorAt(msg, node, this.filename, this.source);
  }

  // -- emission ---------------------------------------------------------------------------

  emit(op: number, arg = 0): number {
    const u = this.u;
    const loc = u.loc !== null && u.loc.lineno === u.lineno ? u.loc : null;
    u.instrs.push({
      op,
      arg,
      line: u.lineno,
      col: loc ? loc.col_offset : -1,
      endLine: loc ? loc.end_lineno : -1,
      endCol: loc ? loc.end_col_offset : -1,
      target: null,
      handler: u.handlers[u.handlers.length - 1] ?? null,
    });
    if (op === Op.POP_BLOCK) u.handlers.pop();
    return u.instrs.length - 1;
  }

  emitJump(op: number, target: Label): void {
    const u = this.u;
    const backward = target.pos >= 0;
    if (backward) {
      if (op === Op.JUMP) op = Op.JUMP_BACKWARD;
      else if (op === Op.JUMP_NO_INTERRUPT) op = Op.JUMP_BACKWARD_NO_INTERRUPT;
      else if (op !== Op.JUMP_BACKWARD && op !== Op.JUMP_BACKWARD_NO_INTERRUPT) {
        // Conditional backward jump: invert it around a JUMP_BACKWARD.
        const inverse = INVERSE_JUMP[op];
        if (inverse === undefined) throw new Error(`internal: backward ${OPCODES[op].name}`);
        const skip = new Label();
        this.emitJump(inverse, skip);
        this.emitJump(Op.JUMP_BACKWARD, target);
        this.label(skip);
        return;
      }
    } else if (op === Op.JUMP || op === Op.JUMP_NO_INTERRUPT) op = Op.JUMP_FORWARD;
    if (!backward && target.handlers === null) target.handlers = [...u.handlers];
    const i = this.emit(op, 0);
    u.instrs[i].target = target;
  }

  /** SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH: opens a handler region until POP_BLOCK. */
  setup(op: number, target: Label): void {
    const u = this.u;
    if (target.handlers === null) target.handlers = [...u.handlers];
    const i = this.emit(op, 0);
    u.instrs[i].target = target;
    const spec = OPCODES[op];
    u.handlers.push({
      target,
      setup: i,
      pushes: spec.jumpPushes as number,
      lasti: op !== Op.SETUP_FINALLY,
    });
  }

  /**
   * Places `l`. Code after an unconditional transfer is reached only through jumps, so it runs in
   * the handler regions that were open at the jump (this is the CFG propagation CPython does).
   */
  label(l: Label): void {
    const u = this.u;
    l.pos = u.instrs.length;
    u.labelAtEnd = l.pos;
    const last = u.instrs[u.instrs.length - 1];
    if (l.handlers !== null && last !== undefined && OPCODES[last.op].terminal) u.handlers = [...l.handlers];
  }

  /** Whether control can reach the end of the instruction list (so a return must follow). */
  fallsThrough(): boolean {
    const u = this.u;
    const last = u.instrs[u.instrs.length - 1];
    return last === undefined || !OPCODES[last.op].terminal || u.labelAtEnd === u.instrs.length;
  }

  loadConst(v: PyValue): void {
    this.emit(Op.LOAD_CONST, this.constIndex(v));
  }

  constIndex(v: PyValue): number {
    const u = this.u;
    const key = constKey(v);
    if (key !== null) {
      const found = u.constKeys.get(key);
      if (found !== undefined) return found;
      u.constKeys.set(key, u.consts.length);
    }
    u.consts.push(v);
    return u.consts.length - 1;
  }

  nameIndex(name: string): number {
    const u = this.u;
    let i = u.nameIndex.get(name);
    if (i === undefined) {
      i = u.names.length;
      u.names.push(name);
      u.nameIndex.set(name, i);
    }
    return i;
  }

  mangle(name: string): string {
    const cls = this.className;
    if (cls === null || !name.startsWith("__") || name.endsWith("__") || name.includes(".")) return name;
    const stripped = cls.replace(/^_+/, "");
    if (stripped === "") return name;
    return `_${stripped}${name}`;
  }

  // -- units ----------------------------------------------------------------------------------

  enterUnit(scope: Scope, name: string, qualname: string, firstlineno: number): void {
    if (this.u) this.stack.push(this.u);
    this.u = new Unit(scope, name, qualname, firstlineno);
  }

  leaveUnit(): void {
    this.u = this.stack.pop()!;
  }

  /** Enters a block that break/continue/return must unwind; CPython allows 20 in one code object. */
  pushFBlock(block: FBlock, at: ast.Located | null = this.u.loc): void {
    if (this.u.fblocks.length >= MAX_STATIC_BLOCKS) this.error("too many statically nested blocks", at);
    this.u.fblocks.push(block);
  }

  qualnameFor(name: string): string {
    if (!this.u || this.u.scope.kind === "module") return name;
    const parent = this.u;
    // A function declared global keeps its plain name.
    if (parent.scope.scopeOf(name) === GLOBAL_EXPLICIT) return name;
    if (parent.scope.kind === "function") return `${parent.qualname}.<locals>.${name}`;
    return `${parent.qualname}.${name}`;
  }

  compileTop(tree: ast.mod): PyCode {
    this.interactive = tree._type === "Interactive";
    const scope = this.table.scopeFor(tree);
    this.enterUnit(scope, "<module>", "<module>", 1);
    this.u.lineno = 0;
    this.emit(Op.RESUME, 0);
    if (tree._type === "Module" || tree._type === "Interactive") {
      if (tree.body.some((s) => hasAnnotations(s))) this.emit(Op.SETUP_ANNOTATIONS);
      // `single` mode has no docstring: a string statement is echoed like any expression.
      if (this.interactive) this.stmts(tree.body);
      else this.docstringAndBody(tree.body);
      this.u.lineno = Math.max(this.u.lineno, 1);
      this.emit(Op.RETURN_CONST, this.constIndex(None));
    } else if (tree._type === "Expression") {
      this.u.lineno = tree.body.lineno;
      this.expr(tree.body);
      this.emit(Op.RETURN_VALUE);
    }
    return this.assemble(0);
  }

  docstringAndBody(body: ast.stmt[]): void {
    const first = body[0];
    let start = 0;
    if (
      first && first._type === "Expr" && first.value._type === "Constant" &&
      typeof first.value.value === "string"
    ) {
      this.u.lineno = first.lineno;
      this.loadConst(first.value.value);
      this.storeName("__doc__");
      start = 1;
    }
    for (let i = start; i < body.length; i++) this.stmt(body[i]);
  }

  // -- statements -------------------------------------------------------------------------------

  stmts(body: ast.stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  stmt(s: ast.stmt): void {
    this.u.lineno = s.lineno;
    this.u.loc = s;
    switch (s._type) {
      case "FunctionDef":
        return this.functionDef(s);
      case "AsyncFunctionDef":
        return this.functionDef(s);
      case "ClassDef":
        return this.classDef(s);
      case "Return":
        return this.returnStmt(s);
      case "Delete":
        for (const t of s.targets) this.deleteTarget(t);
        return;
      case "Assign": {
        this.expr(s.value);
        for (let i = 0; i < s.targets.length; i++) {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1);
          this.store(s.targets[i]);
        }
        return;
      }
      case "AugAssign":
        return this.augAssign(s);
      case "AnnAssign":
        return this.annAssign(s);
      case "For":
        return this.forStmt(s);
      case "While":
        return this.whileStmt(s);
      case "If": {
        const end = new Label();
        const next = s.orelse.length ? new Label() : end;
        this.jumpIf(s.test, next, false);
        this.stmts(s.body);
        if (s.orelse.length) {
          this.emitJump(Op.JUMP, end);
          this.label(next);
          this.stmts(s.orelse);
        }
        this.label(end);
        return;
      }
      case "With":
        return this.withStmt(s, 0);
      case "Match":
        return this.matchStmt(s);
      case "Raise": {
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n = 1;
          if (s.cause) {
            this.expr(s.cause);
            n = 2;
          }
        }
        this.emit(Op.RAISE_VARARGS, n);
        return;
      }
      case "Try":
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryExcept(s);
      case "TryStar":
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryStar(s);
      case "Assert": {
        // `-O`: assert statements compile to nothing, as CPython's.
        if (compileFlags.optimize > 0) return;
        const end = new Label();
        this.jumpIf(s.test, end, true);
        // CPython blames the test expression for the AssertionError.
        this.u.lineno = s.test.lineno;
        this.u.loc = s.test;
        this.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          this.emit(Op.CALL, 0);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.label(end);
        return;
      }
      case "Import":
        for (const a of s.names) {
          this.loadConst(0);
          this.loadConst(None);
          this.emit(Op.IMPORT_NAME, this.nameIndex(a.name));
          if (a.asname) {
            const parts = a.name.split(".");
            for (let i = 1; i < parts.length; i++) {
              this.emit(Op.IMPORT_FROM, this.nameIndex(parts[i]));
              this.emit(Op.SWAP, 2);
              this.emit(Op.POP_TOP);
            }
            this.storeName(a.asname);
          } else this.storeName(a.name.split(".")[0]);
        }
        return;
      case "ImportFrom": {
        if (isLateFuture(s, this.future)) {
          this.error("from __future__ imports must occur at the beginning of the file", s);
        }
        this.loadConst(s.level);
        this.loadConst(new PyTuple(s.names.map((a) => a.name)));
        this.emit(Op.IMPORT_NAME, this.nameIndex(s.module ?? ""));
        if (s.names.length === 1 && s.names[0].name === "*") {
          this.emit(Op.CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
          this.emit(Op.POP_TOP);
          return;
        }
        for (const a of s.names) {
          this.emit(Op.IMPORT_FROM, this.nameIndex(a.name));
          this.storeName(a.asname ?? a.name);
        }
        this.emit(Op.POP_TOP);
        return;
      }
      case "Global":
      case "Nonlocal":
      case "Pass":
        return;
      case "Expr":
        this.expr(s.value);
        // `single` mode (the REPL) shows the value of top-level expression statements.
        if (this.interactive && this.u.scope.kind === "module") {
          this.emit(Op.CALL_INTRINSIC_1, INTRINSIC_PRINT);
        }
        this.emit(Op.POP_TOP);
        return;
      case "Break":
        return this.breakStmt(s);
      case "Continue":
        return this.continueStmt(s);
      case "AsyncFor":
        if (!this.u.scope.isCoroutine) this.error("'async for' outside async function", s);
        return this.asyncFor(s);
      case "AsyncWith":
        if (!this.u.scope.isCoroutine) this.error("'async with' outside async function", s);
        return this.withStmt(s, 0);
      case "TypeAlias":
        this.raiseNotImplemented(`${s._type} is not supported`);
        return;
    }
  }

  /** Emits `raise NotImplementedError(message)`. */
  raiseNotImplemented(message: string): void {
    this.emit(Op.LOAD_GLOBAL, (this.nameIndex("NotImplementedError") << 1) | 1);
    this.loadConst(message);
    this.emit(Op.CALL, 1);
    this.emit(Op.RAISE_VARARGS, 1);
  }

  returnStmt(s: ast.Return): void {
    const v = s.value;
    const isConst = v === null || v._type === "Constant";
    if (v !== null && !isConst) this.expr(v);
    this.unwindFBlockStack(!isConst, s, false);
    this.u.lineno = s.lineno;
    if (isConst) {
      this.emit(Op.RETURN_CONST, this.constIndex(v === null ? None : constValue(v as ast.Constant)));
    } else this.emit(Op.RETURN_VALUE);
  }

  breakStmt(s: ast.Break): void {
    const loop = this.unwindFBlockStack(false, s, true);
    if (!loop) this.error("'break' outside loop", s);
    this.unwindFBlock(loop, false);
    this.emitJump(Op.JUMP, loop.exit!);
    this.restoreAfterUnwind();
  }

  continueStmt(s: ast.Continue): void {
    const loop = this.unwindFBlockStack(false, s, true);
    if (!loop) this.error("'continue' not properly in loop", s);
    this.emitJump(Op.JUMP, loop.block!);
    this.restoreAfterUnwind();
  }

  /** Handler stacks saved by unwindFBlockStack (code after a jump stays in the same regions). */
  savedHandlers: Handler[][] = [];

  /**
   * Emits the cleanup of every enclosing block up to the innermost loop (when `toLoop`) or all of
   * them; returns that loop. The handler regions are restored by restoreAfterUnwind (returns
   * restore them itself).
   */
  unwindFBlockStack(preserveTos: boolean, node: ast.Located, toLoop: boolean): FBlock | null {
    const u = this.u;
    const savedHandlers = [...u.handlers];
    const saved = [...u.fblocks];
    let loop: FBlock | null = null;
    while (u.fblocks.length) {
      const top = u.fblocks[u.fblocks.length - 1];
      if (top.kind === "EXCEPTION_GROUP_HANDLER") {
        this.error("'break', 'continue' and 'return' cannot appear in an except* block", node);
      }
      if (toLoop && (top.kind === "WHILE_LOOP" || top.kind === "FOR_LOOP")) {
        loop = top;
        break;
      }
      u.fblocks.pop();
      this.unwindFBlock(top, preserveTos);
    }
    u.fblocks.length = 0;
    u.fblocks.push(...saved);
    if (!toLoop) u.handlers = savedHandlers;
    else this.savedHandlers.push(savedHandlers);
    return loop;
  }

  restoreAfterUnwind(): void {
    this.u.handlers = this.savedHandlers.pop()!;
  }

  unwindFBlock(b: FBlock, preserveTos: boolean): void {
    const line = this.u.lineno;
    switch (b.kind) {
      case "WHILE_LOOP":
      case "EXCEPTION_HANDLER":
      case "EXCEPTION_GROUP_HANDLER":
        return;
      case "FOR_LOOP":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
      case "TRY_EXCEPT":
        this.emit(Op.POP_BLOCK);
        return;
      case "FINALLY_TRY": {
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.pushFBlock({ kind: "POP_VALUE", block: null, exit: null, datum: null });
        const saved = this.u.fblocks.length;
        this.stmts(b.datum as ast.stmt[]);
        this.u.fblocks.length = saved;
        if (preserveTos) this.u.fblocks.pop();
        this.u.lineno = line;
        return;
      }
      case "FINALLY_END":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        return;
      case "WITH":
      case "ASYNC_WITH":
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExitWithNones();
        if (b.kind === "ASYNC_WITH") this.awaitTop(2);
        this.emit(Op.POP_TOP);
        return;
      case "HANDLER_CLEANUP":
        if (b.datum) this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        if (b.datum) {
          this.loadConst(None);
          this.storeName(b.datum as string);
          this.deleteName(b.datum as string);
        }
        return;
      case "POP_VALUE":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
    }
  }

  callExitWithNones(): void {
    this.loadConst(None);
    this.loadConst(None);
    this.loadConst(None);
    this.emit(Op.CALL, 2);
  }

  forStmt(s: ast.For): void {
    const start = new Label(), cleanup = new Label(), end = new Label();
    this.iterable(s.iter);
    this.emit(Op.GET_ITER);
    this.label(start);
    this.u.lineno = s.lineno;
    this.emitJump(Op.FOR_ITER, cleanup);
    this.pushFBlock({ kind: "FOR_LOOP", block: start, exit: end, datum: null });
    this.store(s.target);
    this.stmts(s.body);
    this.u.fblocks.pop();
    this.u.lineno = s.lineno;
    this.emitJump(Op.JUMP, start);
    this.label(cleanup);
    this.emit(Op.END_FOR);
    this.stmts(s.orelse);
    this.label(end);
  }

  /** `async for` (CPython's compiler_async_for): __anext__ awaited until StopAsyncIteration. */
  asyncFor(s: ast.AsyncFor): void {
    const start = new Label(), except = new Label(), end = new Label();
    this.iterable(s.iter);
    this.emit(Op.GET_AITER);
    this.label(start);
    this.pushFBlock({ kind: "FOR_LOOP", block: start, exit: end, datum: null });
    this.setup(Op.SETUP_FINALLY, except);
    this.emit(Op.GET_ANEXT);
    this.awaitTop(0);
    this.emit(Op.POP_BLOCK);
    this.store(s.target);
    this.stmts(s.body);
    this.emitJump(Op.JUMP, start);
    this.u.fblocks.pop();
    this.label(except);
    this.u.lineno = s.iter.lineno;
    this.emit(Op.END_ASYNC_FOR);
    this.stmts(s.orelse);
    this.label(end);
  }

  whileStmt(s: ast.While): void {
    const loop = new Label(), body = new Label(), anchor = new Label(), end = new Label();
    this.label(loop);
    this.jumpIf(s.test, anchor, false);
    this.label(body);
    this.pushFBlock({ kind: "WHILE_LOOP", block: loop, exit: end, datum: null });
    this.stmts(s.body);
    this.u.fblocks.pop();
    this.u.lineno = s.lineno;
    this.emitJump(Op.JUMP, loop);
    this.label(anchor);
    this.stmts(s.orelse);
    this.label(end);
  }

  tryExcept(s: ast.Try): void {
    const body = new Label(), except = new Label(), end = new Label(), cleanup = new Label();
    this.setup(Op.SETUP_FINALLY, except);
    this.label(body);
    this.pushFBlock({ kind: "TRY_EXCEPT", block: body, exit: null, datum: null });
    this.stmts(s.body);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK);
    this.stmts(s.orelse);
    this.emitJump(Op.JUMP, end);
    this.label(except);
    this.setup(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock({ kind: "EXCEPTION_HANDLER", block: null, exit: null, datum: null });
    const n = s.handlers.length;
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i];
      this.u.lineno = h.lineno;
      if (!h.type && i < n - 1) this.error("default 'except:' must be last", h);
      const next = new Label();
      if (h.type) {
        this.expr(h.type);
        this.emit(Op.CHECK_EXC_MATCH);
        this.emitJump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name) {
        const cleanupEnd = new Label(), cleanupBody = new Label();
        this.storeName(h.name);
        this.setup(Op.SETUP_CLEANUP, cleanupEnd);
        this.label(cleanupBody);
        this.pushFBlock({ kind: "HANDLER_CLEANUP", block: cleanupBody, exit: null, datum: h.name }, h);
        this.stmts(h.body);
        this.u.fblocks.pop();
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.loadConst(None);
        this.storeName(h.name);
        this.deleteName(h.name);
        this.emitJump(Op.JUMP, end);
        this.label(cleanupEnd);
        this.loadConst(None);
        this.storeName(h.name);
        this.deleteName(h.name);
        this.emit(Op.RERAISE, 1);
      } else {
        const cleanupBody = new Label();
        this.emit(Op.POP_TOP);
        this.label(cleanupBody);
        this.pushFBlock({ kind: "HANDLER_CLEANUP", block: cleanupBody, exit: null, datum: null }, h);
        this.stmts(h.body);
        this.u.fblocks.pop();
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.emitJump(Op.JUMP, end);
      }
      this.label(next);
    }
    this.u.fblocks.pop();
    this.emit(Op.RERAISE, 0);
    // The handler of SETUP_CLEANUP: restore the previous exception and re-raise.
    this.label(cleanup);
    this.popExceptAndReraise();
    this.label(end);
  }

  popExceptAndReraise(): void {
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 1);
  }

  tryFinally(s: ast.Try | ast.TryStar): void {
    const body = new Label(), end = new Label(), exit = new Label(), cleanup = new Label();
    this.setup(Op.SETUP_FINALLY, end);
    this.label(body);
    this.pushFBlock({ kind: "FINALLY_TRY", block: body, exit: null, datum: s.finalbody });
    if (s.handlers.length) {
      const inner = { ...s, finalbody: [] };
      if (s._type === "TryStar") this.tryStar(inner as ast.TryStar);
      else this.tryExcept(inner as ast.Try);
    } else this.stmts(s.body);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK);
    this.stmts(s.finalbody);
    this.emitJump(Op.JUMP, exit);
    this.label(end);
    this.setup(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.pushFBlock({ kind: "FINALLY_END", block: end, exit: null, datum: null });
    this.stmts(s.finalbody);
    this.u.fblocks.pop();
    this.emit(Op.RERAISE, 0);
    this.label(cleanup);
    this.popExceptAndReraise();
    this.label(exit);
  }

  /**
   * `try: … except* T as e: …` (CPython 3.11's compiler_try_star_except): the raised exception
   * is split by each clause with CHECK_EG_MATCH; what remains is re-raised together with any
   * exception raised by the handlers (CALL_INTRINSIC_2 PREP_RERAISE_STAR).
   */
  tryStar(s: ast.TryStar): void {
    const body = new Label(), except = new Label(), orelse = new Label(), end = new Label();
    const cleanup = new Label(), reraiseStar = new Label();
    this.setup(Op.SETUP_FINALLY, except);
    this.label(body);
    this.pushFBlock({ kind: "TRY_EXCEPT", block: body, exit: null, datum: null });
    this.stmts(s.body);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK);
    this.emitJump(Op.JUMP, orelse);
    const n = s.handlers.length;
    this.label(except);
    this.setup(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    // Stack: [prev_exc, exc]
    this.pushFBlock({ kind: "EXCEPTION_GROUP_HANDLER", block: null, exit: null, datum: null });
    for (let i = 0; i < n; i++) {
      const h = s.handlers[i];
      this.u.lineno = h.lineno;
      const next = new Label(), noMatch = new Label();
      if (i === 0) {
        // [prev, exc] → [prev, orig, list, rest]
        this.emit(Op.COPY, 1);
        this.emit(Op.BUILD_LIST, 0);
        this.emit(Op.SWAP, 2);
      }
      if (!h.type) this.error("except* must specify an exception type", h);
      this.expr(h.type);
      this.emit(Op.CHECK_EG_MATCH); // [.., rest, match]
      this.emit(Op.COPY, 1);
      this.emitJump(Op.POP_JUMP_IF_NONE, noMatch);
      if (h.name) this.storeName(h.name);
      else this.emit(Op.POP_TOP);
      const cleanupEnd = new Label(), cleanupBody = new Label();
      this.setup(Op.SETUP_CLEANUP, cleanupEnd);
      this.label(cleanupBody);
      this.pushFBlock({ kind: "HANDLER_CLEANUP", block: cleanupBody, exit: null, datum: h.name }, h);
      this.stmts(h.body);
      this.u.fblocks.pop();
      this.emit(Op.POP_BLOCK);
      if (h.name) {
        this.loadConst(None);
        this.storeName(h.name);
        this.deleteName(h.name);
      }
      this.emitJump(Op.JUMP, next);
      // The handler raised: [.., rest, lasti, raised] → append raised to the list.
      this.label(cleanupEnd);
      if (h.name) {
        this.loadConst(None);
        this.storeName(h.name);
        this.deleteName(h.name);
      }
      this.emit(Op.LIST_APPEND, 3); // [.., list, rest, lasti]
      this.emit(Op.POP_TOP);
      this.emitJump(Op.JUMP, next);
      this.label(noMatch);
      this.emit(Op.POP_TOP); // the None match
      this.label(next);
      if (i === n - 1) {
        // [prev, orig, list, rest] → add rest to list, compute what to re-raise.
        this.emit(Op.LIST_APPEND, 1);
        this.emitJump(Op.JUMP, reraiseStar);
      }
    }
    this.u.fblocks.pop();
    const reraise = new Label();
    this.label(reraiseStar);
    this.emit(Op.CALL_INTRINSIC_2, 1); // PREP_RERAISE_STAR(orig, list) → exc or None
    this.emit(Op.COPY, 1);
    this.emitJump(Op.POP_JUMP_IF_NOT_NONE, reraise);
    // Nothing to re-raise: [prev, None]
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_BLOCK);
    this.emit(Op.POP_EXCEPT);
    this.emitJump(Op.JUMP, end);
    this.label(reraise);
    this.emit(Op.POP_BLOCK);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 0);
    this.label(cleanup);
    this.popExceptAndReraise();
    this.label(orelse);
    this.stmts(s.orelse);
    this.label(end);
  }

  /** `await` of the value on the stack (GET_AWAITABLE `where`: 0 await, 1 __aenter__, 2 __aexit__). */
  awaitTop(where: number): void {
    this.emit(Op.GET_AWAITABLE, where);
    this.loadConst(None);
    this.yieldFrom(3);
  }

  withStmt(s: ast.With | ast.AsyncWith, pos: number): void {
    const isAsync = s._type === "AsyncWith";
    const item = s.items[pos];
    const body = new Label(), final = new Label(), exit = new Label(), cleanup = new Label();
    this.u.lineno = s.lineno;
    this.expr(item.context_expr);
    if (isAsync) {
      this.emit(Op.BEFORE_ASYNC_WITH);
      this.awaitTop(1);
    } else this.emit(Op.BEFORE_WITH);
    this.setup(Op.SETUP_WITH, final);
    this.label(body);
    this.pushFBlock({ kind: isAsync ? "ASYNC_WITH" : "WITH", block: body, exit: final, datum: s });
    if (item.optional_vars) this.store(item.optional_vars);
    else this.emit(Op.POP_TOP);
    if (pos + 1 < s.items.length) this.withStmt(s, pos + 1);
    else this.stmts(s.body);
    this.u.fblocks.pop();
    this.u.lineno = s.lineno;
    this.emit(Op.POP_BLOCK);
    this.callExitWithNones();
    if (isAsync) this.awaitTop(2);
    this.emit(Op.POP_TOP);
    this.emitJump(Op.JUMP, exit);
    this.label(final);
    this.setup(Op.SETUP_CLEANUP, cleanup);
    this.emit(Op.PUSH_EXC_INFO);
    this.emit(Op.WITH_EXCEPT_START);
    if (isAsync) this.awaitTop(2);
    const suppress = new Label();
    this.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
    this.emit(Op.RERAISE, 2);
    this.label(suppress);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_TOP);
    this.emitJump(Op.JUMP, exit);
    this.label(cleanup);
    this.popExceptAndReraise();
    this.label(exit);
  }

  /**
   * Where the next instructions come from: `node`'s line and columns (a traceback's carets).
   * CPython gives an augmented assignment's and a del's target loads and stores the target's place,
   * and the operator the whole statement's.
   */
  private locateAt(node: ast.Located & { lineno: number }): void {
    this.u.lineno = node.lineno;
    this.u.loc = node;
  }

  augAssign(s: ast.AugAssign): void {
    const t = s.target;
    const op = BINOP_ARGS[s.op] + NB_INPLACE;
    switch (t._type) {
      case "Name":
        this.locateAt(t);
        this.loadName(t.id);
        this.expr(s.value);
        this.locateAt(s);
        this.emit(Op.BINARY_OP, op);
        this.locateAt(t);
        this.storeName(t.id);
        return;
      case "Attribute":
        this.expr(t.value);
        this.locateAt(t);
        this.emit(Op.COPY, 1);
        this.emit(Op.LOAD_ATTR, this.nameIndex(this.mangle(t.attr)) << 1);
        this.expr(s.value);
        this.locateAt(s);
        this.emit(Op.BINARY_OP, op);
        this.locateAt(t);
        this.emit(Op.SWAP, 2);
        this.emit(Op.STORE_ATTR, this.nameIndex(this.mangle(t.attr)));
        return;
      case "Subscript":
        this.expr(t.value);
        this.expr(t.slice);
        this.locateAt(t);
        this.emit(Op.COPY, 2);
        this.emit(Op.COPY, 2);
        this.emit(Op.BINARY_SUBSCR);
        this.expr(s.value);
        this.locateAt(s);
        this.emit(Op.BINARY_OP, op);
        this.locateAt(t);
        this.emit(Op.SWAP, 3);
        this.emit(Op.SWAP, 2);
        this.emit(Op.STORE_SUBSCR);
        return;
      default:
        this.error("'" + t._type + "' is an illegal expression for augmented assignment", t);
    }
  }

  annAssign(s: ast.AnnAssign): void {
    if (s.value) {
      this.expr(s.value);
      this.store(s.target);
    }
    const kind = this.u.scope.kind;
    if (s.target._type === "Name" && s.simple && kind !== "function") {
      // __annotations__[name] = annotation
      this.annotation(s.annotation);
      this.emit(Op.LOAD_NAME, this.nameIndex("__annotations__"));
      this.loadConst(this.mangle(s.target.id));
      this.emit(Op.STORE_SUBSCR);
    } else if (s.target._type !== "Name" && !s.value) {
      // Evaluate the target's sub-expressions for their side effects.
      if (s.target._type === "Attribute") {
        this.expr(s.target.value);
        this.emit(Op.POP_TOP);
      } else if (s.target._type === "Subscript") {
        this.expr(s.target.value);
        this.emit(Op.POP_TOP);
        this.expr(s.target.slice);
        this.emit(Op.POP_TOP);
      }
    }
    if (!s.simple && kind !== "function" && !this.future.annotations) {
      // The annotation of a complex target is evaluated (last) and dropped.
      this.expr(s.annotation);
      this.emit(Op.POP_TOP);
    }
  }

  // -- functions and classes --------------------------------------------------------------

  /** Pushes defaults/kwdefaults and returns the SET_FUNCTION_ATTRIBUTE flags to apply. */
  defaults(args: ast.arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      for (const d of args.defaults) this.expr(d);
      this.emit(Op.BUILD_TUPLE, args.defaults.length);
      flags |= FUNC_DEFAULTS;
    }
    const kw: [string, ast.expr][] = [];
    args.kwonlyargs.forEach((a, i) => {
      const d = args.kw_defaults[i];
      if (d) kw.push([this.mangle(a.arg), d]);
    });
    if (kw.length) {
      for (const [name, d] of kw) {
        this.loadConst(name);
        this.expr(d);
      }
      this.emit(Op.BUILD_MAP, kw.length);
      flags |= FUNC_KWDEFAULTS;
    }
    return flags;
  }

  /**
   * Pushes the `__annotations__` dict of a def (evaluated now, as Python 3.11 does without
   * `from __future__ import annotations`); false when there are none.
   */
  annotations(args: ast.arguments, returns: ast.expr | null): boolean {
    const items: [string, ast.expr][] = [];
    for (const a of [...args.posonlyargs, ...args.args]) if (a.annotation) items.push([a.arg, a.annotation]);
    if (args.vararg?.annotation) items.push([args.vararg.arg, args.vararg.annotation]);
    for (const a of args.kwonlyargs) if (a.annotation) items.push([a.arg, a.annotation]);
    if (args.kwarg?.annotation) items.push([args.kwarg.arg, args.kwarg.annotation]);
    if (returns) items.push(["return", returns]);
    if (items.length === 0) return false;
    for (const [name, e] of items) {
      this.loadConst(this.mangle(name));
      if (e._type === "Starred" && !this.future.annotations) {
        // `*args: *Ts` (PEP 646): the annotation is the one value of [*Ts].
        this.expr(e.value);
        this.emit(Op.UNPACK_SEQUENCE, 1);
      } else this.annotation(e);
    }
    this.emit(Op.BUILD_MAP, items.length);
    return true;
  }

  /** Emits MAKE_FUNCTION for `code` with the closure and the attributes already pushed. */
  makeFunction(code: PyCode, flags: number): void {
    if (code.freevars.length) {
      for (const name of code.freevars) {
        this.emit(Op.LOAD_CLOSURE, this.closureSlot(name));
      }
      this.emit(Op.BUILD_TUPLE, code.freevars.length);
      flags |= FUNC_CLOSURE;
    }
    this.loadConst(code);
    this.emit(Op.MAKE_FUNCTION);
    for (const f of [FUNC_CLOSURE, 4, FUNC_KWDEFAULTS, FUNC_DEFAULTS]) {
      if (flags & f) this.emit(Op.SET_FUNCTION_ATTRIBUTE, f);
    }
  }

  /** The localsplus slot of a cell or free variable `name` in the current unit. */
  closureSlot(name: string): number {
    const u = this.u;
    const i = u.localsplus.indexOf(name);
    if (i < 0) throw new Error(`internal: no closure slot for ${name} in ${u.qualname}`);
    return i;
  }

  functionDef(s: ast.FunctionDef | ast.AsyncFunctionDef): void {
    for (const d of s.decorator_list) this.expr(d);
    let flags = this.defaults(s.args);
    if (this.annotations(s.args, s.returns)) flags |= 4;
    const scope = this.table.scopeFor(s);
    const qualname = this.qualnameFor(s.name);
    const code = this.compileFunctionBody(scope, s.name, qualname, firstLineOf(s), s.args, () => {
      const body = s.body;
      let start = 0;
      const first = body[0];
      if (
        first && first._type === "Expr" && first.value._type === "Constant" &&
        typeof first.value.value === "string"
      ) {
        start = 1;
      }
      for (let i = start; i < body.length; i++) this.stmt(body[i]);
    }, docstringOf(s.body));
    this.u.lineno = s.lineno;
    this.makeFunction(code, flags);
    this.applyDecorators(s.decorator_list);
    this.u.lineno = s.lineno;
    this.storeName(s.name);
  }

  compileFunctionBody(
    scope: Scope,
    name: string,
    qualname: string,
    lineno: number,
    args: ast.arguments | null,
    body: () => void,
    doc: string | null,
  ): PyCode {
    const savedClass = this.className;
    this.enterUnit(scope, name, qualname, lineno);
    // co_consts[0] is the docstring or None, as in CPython (function.__doc__ reads it).
    if (!scope.isComprehension && !scope.isLambda) this.constIndex(doc ?? None);
    this.prologue();
    body();
    this.u.lineno = Math.max(this.u.lineno, lineno);
    if (this.fallsThrough()) this.emit(Op.RETURN_CONST, this.constIndex(None));
    const code = this.assemble(
      args === null ? 0 : args.posonlyargs.length + args.args.length,
      args?.posonlyargs.length ?? 0,
      args?.kwonlyargs.length ?? 0,
    );
    this.leaveUnit();
    this.className = savedClass;
    return code;
  }

  /** MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR / RESUME at the start of a code object. */
  prologue(): void {
    const u = this.u;
    for (const cv of u.cellvars) this.emit(Op.MAKE_CELL, u.localsplus.indexOf(cv));
    if (u.freevars.length) this.emit(Op.COPY_FREE_VARS, u.freevars.length);
    if (u.scope.isGenerator || u.scope.isCoroutine) {
      this.emit(Op.RETURN_GENERATOR);
      this.emit(Op.POP_TOP);
    }
    this.emit(Op.RESUME, 0);
  }

  classDef(s: ast.ClassDef): void {
    for (const d of s.decorator_list) this.expr(d);
    const scope = this.table.scopeFor(s);
    const qualname = this.qualnameFor(s.name);
    const savedClass = this.className;
    this.enterUnit(scope, s.name, qualname, firstLineOf(s));
    this.className = s.name;
    this.prologue();
    this.u.lineno = s.lineno;
    this.loadName("__name__");
    this.storeName("__module__");
    this.loadConst(qualname);
    this.storeName("__qualname__");
    if (s.body.some((b) => hasAnnotations(b))) this.emit(Op.SETUP_ANNOTATIONS);
    this.docstringAndBody(s.body);
    if (scope.needsClassClosure) {
      this.emit(Op.LOAD_CLOSURE, this.closureSlot("__class__"));
      this.emit(Op.COPY, 1);
      this.storeName("__classcell__");
      this.emit(Op.RETURN_VALUE);
    } else this.emit(Op.RETURN_CONST, this.constIndex(None));
    const code = this.assemble(0, 0, 0);
    this.leaveUnit();
    this.className = savedClass;
    this.u.lineno = s.lineno;
    this.emit(Op.LOAD_BUILD_CLASS);
    this.emit(Op.PUSH_NULL);
    this.makeFunction(code, 0);
    this.loadConst(s.name);
    this.callHelper(2, s.bases, s.keywords);
    this.applyDecorators(s.decorator_list);
    this.u.lineno = s.lineno;
    this.storeName(s.name);
  }

  /** The calls of the decorators (evaluated earlier), innermost first, each at its own
   * position (a traceback through a decorator shows the decorator's line, as CPython's). */
  applyDecorators(decorators: ast.expr[]): void {
    const u = this.u;
    const savedLoc = u.loc;
    for (let i = decorators.length - 1; i >= 0; i--) {
      u.lineno = decorators[i].lineno;
      u.loc = decorators[i];
      this.emit(Op.CALL, 0);
    }
    u.loc = savedLoc;
  }

  // -- names ------------------------------------------------------------------------------------

  loadName(name: string): void {
    this.nameOp(name, "Load");
  }
  storeName(name: string): void {
    this.nameOp(name, "Store");
  }
  deleteName(name: string): void {
    this.nameOp(name, "Del");
  }

  nameOp(rawName: string, ctx: ast.expr_context): void {
    const u = this.u;
    const name = this.mangle(rawName);
    const scope = u.scope.scopeOf(name);
    const kind = u.scope.kind;
    const pick = (load: number, store: number, del: number) =>
      ctx === "Load" ? load : ctx === "Store" ? store : del;
    switch (scope) {
      case FREE:
        if (kind === "class" && ctx === "Load") {
          this.emit(Op.LOAD_LOCALS);
          this.emit(Op.LOAD_FROM_DICT_OR_DEREF, this.closureSlot(name));
          return;
        }
        this.emit(pick(Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF), this.closureSlot(name));
        return;
      case CELL:
        if (kind === "function") {
          this.emit(pick(Op.LOAD_DEREF, Op.STORE_DEREF, Op.DELETE_DEREF), this.closureSlot(name));
          return;
        }
        break;
      case LOCAL:
        if (kind === "function") {
          this.emit(pick(Op.LOAD_FAST, Op.STORE_FAST, Op.DELETE_FAST), u.localsplus.indexOf(name));
          return;
        }
        break;
      case GLOBAL_EXPLICIT:
        if (ctx === "Load") this.emit(Op.LOAD_GLOBAL, this.nameIndex(name) << 1);
        else this.emit(pick(0, Op.STORE_GLOBAL, Op.DELETE_GLOBAL), this.nameIndex(name));
        return;
      case GLOBAL_IMPLICIT:
        if (kind === "function") {
          if (ctx === "Load") this.emit(Op.LOAD_GLOBAL, this.nameIndex(name) << 1);
          else this.emit(pick(0, Op.STORE_GLOBAL, Op.DELETE_GLOBAL), this.nameIndex(name));
          return;
        }
        break;
    }
    this.emit(pick(Op.LOAD_NAME, Op.STORE_NAME, Op.DELETE_NAME), this.nameIndex(name));
  }

  // -- assignment targets -----------------------------------------------------------------------

  store(t: ast.expr): void {
    switch (t._type) {
      case "Name":
        this.storeName(t.id);
        return;
      case "Attribute":
        this.expr(t.value);
        this.u.lineno = t.lineno;
        this.emit(Op.STORE_ATTR, this.nameIndex(this.mangle(t.attr)));
        return;
      case "Subscript":
        this.expr(t.value);
        if (t.slice._type === "Slice" && !t.slice.step) {
          this.sliceBounds(t.slice);
          this.emit(Op.STORE_SLICE);
        } else {
          this.expr(t.slice);
          this.emit(Op.STORE_SUBSCR);
        }
        return;
      case "Tuple":
      case "List": {
        const elts = t.elts;
        const star = elts.findIndex((e) => e._type === "Starred");
        if (star >= 0) {
          if (elts.findIndex((e, i) => i > star && e._type === "Starred") >= 0) {
            this.error("multiple starred expressions in assignment", t);
          }
          const after = elts.length - star - 1;
          if (star >= 256 || after >= 1 << 24) {
            this.error("too many expressions in star-unpacking assignment", t);
          }
          this.emit(Op.UNPACK_EX, star | (after << 8));
        } else this.emit(Op.UNPACK_SEQUENCE, elts.length);
        for (const e of elts) this.store(e._type === "Starred" ? e.value : e);
        return;
      }
      case "Starred":
        this.error("starred assignment target must be in a list or tuple", t);
        break;
      default:
        this.error(`cannot assign to ${describeExpr(t)}`, t);
    }
  }

  deleteTarget(t: ast.expr): void {
    switch (t._type) {
      case "Name":
        this.locateAt(t);
        this.deleteName(t.id);
        return;
      case "Attribute":
        this.expr(t.value);
        this.locateAt(t);
        this.emit(Op.DELETE_ATTR, this.nameIndex(this.mangle(t.attr)));
        return;
      case "Subscript":
        this.expr(t.value);
        this.expr(t.slice);
        this.locateAt(t);
        this.emit(Op.DELETE_SUBSCR);
        return;
      case "Tuple":
      case "List":
        for (const e of t.elts) this.deleteTarget(e);
        return;
      default:
        this.error(`cannot delete ${describeExpr(t)}`, t);
    }
  }

  // -- expressions ------------------------------------------------------------------------------

  /** Compiles `e` and jumps to `target` when its truth equals `cond`. */
  jumpIf(e: ast.expr, target: Label, cond: boolean): void {
    switch (e._type) {
      case "UnaryOp":
        if (e.op === "Not") return this.jumpIf(e.operand, target, !cond);
        break;
      case "BoolOp": {
        const isOr = e.op === "Or";
        const values = e.values;
        if (isOr === cond) {
          // Any value matching jumps.
          for (const v of values) this.jumpIf(v, target, cond);
        } else {
          const end = new Label();
          for (let i = 0; i < values.length - 1; i++) this.jumpIf(values[i], end, !cond);
          this.jumpIf(values[values.length - 1], target, cond);
          this.label(end);
        }
        return;
      }
      case "Compare":
        if (e.ops.length === 1 && (e.ops[0] === "Is" || e.ops[0] === "IsNot")) {
          const right = e.comparators[0];
          if (right._type === "Constant" && right.value === null) {
            this.expr(e.left);
            const isNone = (e.ops[0] === "Is") === cond;
            this.u.lineno = e.lineno;
            this.emitJump(isNone ? Op.POP_JUMP_IF_NONE : Op.POP_JUMP_IF_NOT_NONE, target);
            return;
          }
        }
        break;
      case "Constant": {
        const truthy = constTruth(e.value);
        if (truthy !== null) {
          if (truthy === cond) this.emitJump(Op.JUMP, target);
          return;
        }
        break;
      }
    }
    this.expr(e);
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
  }

  expr(e: ast.expr): void {
    const u = this.u;
    const savedLine = u.lineno;
    const savedLoc = u.loc;
    u.lineno = e.lineno;
    u.loc = e;
    this.exprInner(e);
    u.lineno = savedLine;
    u.loc = savedLoc;
  }

  exprInner(e: ast.expr): void {
    switch (e._type) {
      case "Constant":
        this.loadConst(constValue(e));
        return;
      case "Name":
        this.loadName(e.id);
        return;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        this.emit(Op.BINARY_OP, BINOP_ARGS[e.op]);
        return;
      case "UnaryOp":
        if (e.op === "USub" && e.operand._type === "Constant") {
          const v = e.operand.value;
          if (typeof v === "bigint") return this.loadConst(normInt(-v));
          if (typeof v === "number") return this.loadConst(new PyFloat(-v));
        }
        this.expr(e.operand);
        switch (e.op) {
          case "USub":
            this.emit(Op.UNARY_NEGATIVE);
            return;
          case "UAdd":
            this.emit(Op.CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE);
            return;
          case "Invert":
            this.emit(Op.UNARY_INVERT);
            return;
          case "Not":
            this.emit(Op.UNARY_NOT);
            return;
        }
        return;
      case "BoolOp": {
        const end = new Label();
        const jump = e.op === "And" ? Op.POP_JUMP_IF_FALSE : Op.POP_JUMP_IF_TRUE;
        for (let i = 0; i < e.values.length - 1; i++) {
          this.expr(e.values[i]);
          this.emit(Op.COPY, 1);
          this.emitJump(jump, end);
          this.emit(Op.POP_TOP);
        }
        this.expr(e.values[e.values.length - 1]);
        this.label(end);
        return;
      }
      case "Compare":
        return this.compare(e);
      case "IfExp": {
        const orelse = new Label(), end = new Label();
        this.jumpIf(e.test, orelse, false);
        this.expr(e.body);
        this.emitJump(Op.JUMP, end);
        this.label(orelse);
        this.expr(e.orelse);
        this.label(end);
        return;
      }
      case "NamedExpr":
        this.expr(e.value);
        this.emit(Op.COPY, 1);
        this.store(e.target);
        return;
      case "Call":
        return this.call(e);
      case "Attribute":
        this.expr(e.value);
        this.u.lineno = e.end_lineno;
        this.emit(Op.LOAD_ATTR, this.nameIndex(this.mangle(e.attr)) << 1);
        return;
      case "Subscript":
        this.expr(e.value);
        if (e.slice._type === "Slice" && !e.slice.step) {
          this.sliceBounds(e.slice);
          this.emit(Op.BINARY_SLICE);
        } else {
          this.expr(e.slice);
          this.emit(Op.BINARY_SUBSCR);
        }
        return;
      case "Slice": {
        this.sliceBounds(e);
        if (e.step) {
          this.expr(e.step);
          this.emit(Op.BUILD_SLICE, 3);
        } else this.emit(Op.BUILD_SLICE, 2);
        return;
      }
      case "Tuple":
        return this.sequence(e.elts, "tuple");
      case "List":
        return this.sequence(e.elts, "list");
      case "Set":
        return this.sequence(e.elts, "set");
      case "Dict":
        return this.dict(e);
      case "JoinedStr":
        return this.joinedStr(e);
      case "FormattedValue":
        return this.formattedValue(e);
      case "Lambda":
        return this.lambda(e);
      case "ListComp":
        return this.comprehension(e, "listcomp", e.generators, [e.elt]);
      case "SetComp":
        return this.comprehension(e, "setcomp", e.generators, [e.elt]);
      case "DictComp":
        return this.comprehension(e, "dictcomp", e.generators, [e.key, e.value]);
      case "GeneratorExp":
        return this.comprehension(e, "genexpr", e.generators, [e.elt]);
      case "Yield":
        if (e.value) this.expr(e.value);
        else this.loadConst(None);
        this.emit(Op.YIELD_VALUE, 0);
        this.emit(Op.RESUME, 1);
        return;
      case "YieldFrom":
        this.expr(e.value);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.loadConst(None);
        this.yieldFrom();
        return;
      case "Await":
        if (!this.u.scope.isCoroutine) {
          this.raiseNotImplemented("await inside a generator expression is not supported yet");
          this.loadConst(None);
          return;
        }
        this.expr(e.value);
        this.emit(Op.GET_AWAITABLE, 0);
        this.loadConst(None);
        this.yieldFrom(3);
        return;
      case "Starred":
        this.error("can't use starred expression here", e);
    }
  }

  /** The SEND loop of `yield from` and `await` (CPython's compiler_add_yield_from). */
  yieldFrom(resume = 2): void {
    const send = new Label(), fail = new Label(), exit = new Label();
    this.label(send);
    this.emitJump(Op.SEND, exit);
    this.setup(Op.SETUP_FINALLY, fail);
    this.emit(Op.YIELD_VALUE, 1);
    this.emit(Op.POP_BLOCK);
    this.emit(Op.RESUME, resume);
    this.emitJump(Op.JUMP_NO_INTERRUPT, send);
    this.label(fail);
    this.emit(Op.CLEANUP_THROW);
    this.label(exit);
    this.emit(Op.END_SEND);
  }

  sliceBounds(s: ast.Slice): void {
    if (s.lower) this.expr(s.lower);
    else this.loadConst(None);
    if (s.upper) this.expr(s.upper);
    else this.loadConst(None);
  }

  /**
   * An iterated display, folded as CPython's AST optimizer folds it (fold_iter): a list becomes a
   * tuple, a set of constants a frozenset constant — whose iteration order is the frozenset's.
   */
  iterable(e: ast.expr): void {
    if (e._type === "List" && !e.elts.some((x) => x._type === "Starred")) this.sequence(e.elts, "tuple");
    else if (e._type === "Set" && e.elts.every(isConstantExpr)) {
      this.loadConst(constantFrozenset(e.elts.map(foldConstant)));
    } else this.expr(e);
  }

  /** The last operand of a comparison: `x in [..]` and `x in {..}` are folded like iterables. */
  comparand(e: ast.expr, op: ast.cmpop): void {
    if (op === "In" || op === "NotIn") this.iterable(e);
    else this.expr(e);
  }

  compare(e: ast.Compare): void {
    this.expr(e.left);
    const n = e.ops.length;
    if (n === 1) {
      this.comparand(e.comparators[0], e.ops[0]);
      this.u.lineno = e.lineno;
      this.compareOp(e.ops[0]);
      return;
    }
    const cleanup = new Label(), end = new Label();
    for (let i = 0; i < n - 1; i++) {
      this.expr(e.comparators[i]);
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      this.compareOp(e.ops[i]);
      this.emit(Op.COPY, 1);
      this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup);
      this.emit(Op.POP_TOP);
    }
    this.comparand(e.comparators[n - 1], e.ops[n - 1]);
    this.compareOp(e.ops[n - 1]);
    this.emitJump(Op.JUMP, end);
    this.label(cleanup);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    this.label(end);
  }

  compareOp(op: ast.cmpop): void {
    switch (op) {
      case "Is":
        this.emit(Op.IS_OP, 0);
        return;
      case "IsNot":
        this.emit(Op.IS_OP, 1);
        return;
      case "In":
        this.emit(Op.CONTAINS_OP, 0);
        return;
      case "NotIn":
        this.emit(Op.CONTAINS_OP, 1);
        return;
      default:
        this.emit(Op.COMPARE_OP, CMP_ARGS[op]);
    }
  }

  /** Tuple/list/set displays, with `*iterable` elements and constant tuples folded. */
  sequence(elts: ast.expr[], kind: "tuple" | "list" | "set"): void {
    const hasStar = elts.some((e) => e._type === "Starred");
    if (kind === "tuple" && !hasStar && elts.length > 0 && elts.every(isConstantExpr)) {
      this.loadConst(new PyTuple(elts.map(foldConstant)));
      return;
    }
    const build = kind === "tuple" ? Op.BUILD_TUPLE : kind === "list" ? Op.BUILD_LIST : Op.BUILD_SET;
    if (!hasStar && elts.length > 2 && elts.every(isConstantExpr)) {
      // As CPython: an empty list/set extended by one constant tuple/frozenset. For sets this is
      // visible: merging a frozenset copies its table layout, so the iteration order is CPython's.
      const items = elts.map(foldConstant);
      this.emit(build, 0);
      this.loadConst(kind === "set" ? constantFrozenset(items) : new PyTuple(items));
      this.emit(kind === "set" ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      return;
    }
    if (!hasStar) {
      for (const e of elts) this.expr(e);
      this.emit(build, elts.length);
      return;
    }
    const add = kind === "set" ? Op.SET_ADD : Op.LIST_APPEND;
    const extend = kind === "set" ? Op.SET_UPDATE : Op.LIST_EXTEND;
    this.emit(kind === "set" ? Op.BUILD_SET : Op.BUILD_LIST, 0);
    for (const e of elts) {
      if (e._type === "Starred") {
        this.expr(e.value);
        this.emit(extend, 1);
      } else {
        this.expr(e);
        this.emit(add, 1);
      }
    }
    if (kind === "tuple") this.emit(Op.CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
  }

  dict(e: ast.Dict): void {
    let pending = 0;
    let built = false;
    const flush = () => {
      if (pending > 0 || !built) {
        this.emit(Op.BUILD_MAP, pending);
        if (built) this.emit(Op.DICT_UPDATE, 1);
        built = true;
        pending = 0;
      }
    };
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      if (k === null) {
        if (pending > 0 || !built) flush();
        this.expr(e.values[i]);
        this.emit(Op.DICT_UPDATE, 1);
      } else {
        this.expr(k);
        this.expr(e.values[i]);
        pending++;
      }
    }
    if (pending > 0 || !built) flush();
  }

  joinedStr(e: ast.JoinedStr): void {
    const values = e.values;
    if (values.length === 0) return this.loadConst("");
    for (const v of values) {
      if (v._type === "Constant") this.loadConst(constValue(v));
      else this.expr(v);
    }
    if (values.length !== 1 || values[0]._type === "Constant") {
      if (values.length > 1) this.emit(Op.BUILD_STRING, values.length);
    }
  }

  formattedValue(e: ast.FormattedValue): void {
    this.expr(e.value);
    const conv = e.conversion;
    if (conv === 115) this.emit(Op.CONVERT_VALUE, 1);
    else if (conv === 114) this.emit(Op.CONVERT_VALUE, 2);
    else if (conv === 97) this.emit(Op.CONVERT_VALUE, 3);
    if (e.format_spec) {
      this.expr(e.format_spec);
      this.emit(Op.FORMAT_WITH_SPEC);
    } else this.emit(Op.FORMAT_SIMPLE);
  }

  /**
   * A lambda, or a chain of them (`lambda: lambda: …`, each the body of the one before): the
   * chain's units are entered and left in loops, so that it nests as deep as CPython allows
   * (about 3000) without a JS frame per level.
   */
  lambda(e: ast.Lambda): void {
    interface Link {
      e: ast.Lambda;
      flags: number;
      savedClass: string | null;
      /** The enclosing unit's position before this lambda (as expr() saves it). */
      savedLine: number;
      savedLoc: ast.Located | null;
    }
    const chain: Link[] = [];
    let cur: ast.expr = e;
    while (cur._type === "Lambda") {
      const lambda: ast.Lambda = cur;
      const savedLine = this.u.lineno, savedLoc = this.u.loc;
      if (chain.length > 0) {
        // The inner lambda is the outer one's body: an expression at its own location.
        this.u.lineno = lambda.lineno;
        this.u.loc = lambda;
      }
      const flags = this.defaults(lambda.args);
      chain.push({ e: lambda, flags, savedClass: this.className, savedLine, savedLoc });
      this.enterUnit(this.table.scopeFor(lambda), "<lambda>", this.qualnameFor("<lambda>"), lambda.lineno);
      this.prologue();
      cur = lambda.body;
    }
    this.expr(cur);
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i];
      this.emit(Op.RETURN_VALUE);
      this.u.lineno = Math.max(this.u.lineno, link.e.lineno);
      const args = link.e.args;
      const code = this.assemble(
        args.posonlyargs.length + args.args.length,
        args.posonlyargs.length,
        args.kwonlyargs.length,
      );
      this.leaveUnit();
      this.className = link.savedClass;
      this.makeFunction(code, link.flags);
      if (i > 0) {
        this.u.lineno = link.savedLine;
        this.u.loc = link.savedLoc;
      }
    }
  }

  comprehension(e: ast.expr, kind: string, gens: ast.comprehension[], elts: ast.expr[]): void {
    const scope = this.table.scopeFor(e);
    const outer = this.u.scope;
    if (
      scope.isAsyncComprehension && kind !== "genexpr" && !outer.isComprehension &&
      !(outer.kind === "function" && outer.isCoroutine && !outer.isLambda)
    ) this.error("asynchronous comprehension outside of an asynchronous function", e);
    const name = `<${kind}>`;
    const loc = e as ast.Located;
    // An async list/set/dict comprehension is a coroutine that the enclosing code awaits; an async
    // generator expression is an async generator.
    const isAsync = scope.isAsyncComprehension && kind !== "genexpr";
    if (scope.isAsyncComprehension) scope.isCoroutine = true;
    const code = this.compileFunctionBody(scope, name, this.qualnameFor(name), loc.lineno, null, () => {
      this.u.lineno = loc.lineno;
      if (kind === "listcomp") this.emit(Op.BUILD_LIST, 0);
      else if (kind === "setcomp") this.emit(Op.BUILD_SET, 0);
      else if (kind === "dictcomp") this.emit(Op.BUILD_MAP, 0);
      this.comprehensionLoop(gens, 0, kind, elts, kind === "genexpr" ? 0 : 1);
      if (kind !== "genexpr") this.emit(Op.RETURN_VALUE);
    }, null);
    // The code object takes one argument, `.0`.
    code.argcount = 1;
    this.makeFunction(code, 0);
    this.iterable(gens[0].iter);
    this.emit(gens[0].is_async ? Op.GET_AITER : Op.GET_ITER);
    this.u.lineno = loc.lineno;
    this.emit(Op.CALL, 0);
    if (isAsync) this.awaitTop(0);
  }

  comprehensionLoop(
    gens: ast.comprehension[],
    i: number,
    kind: string,
    elts: ast.expr[],
    depth: number,
  ): void {
    const g = gens[i];
    const start = new Label(), cleanup = new Label(), ifCleanup = new Label();
    if (i === 0) this.emit(Op.LOAD_FAST, 0);
    else {
      this.iterable(g.iter);
      this.emit(g.is_async ? Op.GET_AITER : Op.GET_ITER);
    }
    this.label(start);
    if (g.is_async) {
      // As `async for`: await __anext__() until StopAsyncIteration ends the loop.
      this.setup(Op.SETUP_FINALLY, cleanup);
      this.emit(Op.GET_ANEXT);
      this.awaitTop(0);
      this.emit(Op.POP_BLOCK);
    } else this.emitJump(Op.FOR_ITER, cleanup);
    this.store(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, ifCleanup, false);
    if (i + 1 < gens.length) this.comprehensionLoop(gens, i + 1, kind, elts, depth + 1);
    else {
      switch (kind) {
        case "genexpr":
          this.expr(elts[0]);
          this.emit(Op.YIELD_VALUE, 0);
          this.emit(Op.RESUME, 1);
          this.emit(Op.POP_TOP);
          break;
        case "listcomp":
          this.expr(elts[0]);
          this.emit(Op.LIST_APPEND, depth + 1);
          break;
        case "setcomp":
          this.expr(elts[0]);
          this.emit(Op.SET_ADD, depth + 1);
          break;
        case "dictcomp":
          this.expr(elts[0]);
          this.expr(elts[1]);
          this.emit(Op.MAP_ADD, depth + 1);
          break;
      }
    }
    this.label(ifCleanup);
    this.emitJump(Op.JUMP, start);
    this.label(cleanup);
    if (g.is_async) {
      this.u.lineno = g.iter.lineno;
      this.emit(Op.END_ASYNC_FOR);
    } else this.emit(Op.END_FOR);
  }

  // -- calls ------------------------------------------------------------------------------------

  call(e: ast.Call): void {
    const f = e.func;
    const simpleArgs = !e.args.some((a) => a._type === "Starred") && !e.keywords.some((k) => k.arg === null);
    // `super()` in a method: pass __class__ and the first argument explicitly.
    if (
      f._type === "Name" && f.id === "super" && e.args.length === 0 && e.keywords.length === 0 &&
      this.u.scope.kind === "function" && this.u.scope.scopeOf("super") !== LOCAL &&
      this.u.scope.params.length > 0 && this.u.scope.scopeOf("__class__") === FREE
    ) {
      this.loadName("super");
      this.emit(Op.PUSH_NULL);
      this.loadName("__class__");
      this.loadName(this.u.scope.params[0]);
      this.u.lineno = e.lineno;
      this.emit(Op.CALL, 2);
      return;
    }
    if (f._type === "Attribute" && simpleArgs) {
      this.expr(f.value);
      this.u.lineno = f.end_lineno;
      this.u.loc = f;
      this.emit(Op.LOAD_ATTR, (this.nameIndex(this.mangle(f.attr)) << 1) | 1);
      this.u.loc = e;
    } else if (f._type === "Name" && this.isGlobalLoad(f.id)) {
      this.emit(Op.LOAD_GLOBAL, (this.nameIndex(f.id) << 1) | 1);
    } else {
      this.expr(f);
      this.emit(Op.PUSH_NULL);
    }
    this.callHelper(0, e.args, e.keywords, e.lineno);
  }

  isGlobalLoad(name: string): boolean {
    const s = this.u.scope;
    const sc = s.scopeOf(this.mangle(name));
    return sc === GLOBAL_EXPLICIT || (sc === GLOBAL_IMPLICIT && s.kind === "function");
  }

  /** Arguments and the CALL / CALL_KW / CALL_FUNCTION_EX, `extra` positional values already pushed. */
  callHelper(extra: number, args: ast.expr[], keywords: ast.keyword[], line = this.u.lineno): void {
    const starred = args.some((a) => a._type === "Starred") || keywords.some((k) => k.arg === null);
    if (!starred) {
      for (const a of args) this.expr(a);
      const names: string[] = [];
      for (const k of keywords) {
        if (names.includes(k.arg!)) this.error(`keyword argument repeated: ${k.arg}`, k);
        this.expr(k.value);
        names.push(k.arg!);
      }
      this.u.lineno = line;
      if (names.length) {
        this.loadConst(new PyTuple(names));
        this.emit(Op.CALL_KW, extra + args.length + keywords.length);
      } else this.emit(Op.CALL, extra + args.length);
      return;
    }
    // Positional arguments as a tuple.
    if (extra === 0 && args.length === 1 && args[0]._type === "Starred") {
      this.expr(args[0].value); // CALL_FUNCTION_EX makes it a tuple (with CPython's error)
    } else {
      this.emit(Op.BUILD_LIST, extra);
      for (const a of args) {
        if (a._type === "Starred") {
          this.expr(a.value);
          this.emit(Op.LIST_EXTEND, 1);
        } else {
          this.expr(a);
          this.emit(Op.LIST_APPEND, 1);
        }
      }
      this.emit(Op.CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    }
    let hasKw = 0;
    if (keywords.length) {
      hasKw = 1;
      let pending = 0;
      let built = false;
      for (const k of keywords) {
        if (k.arg === null) {
          if (!built) {
            this.emit(Op.BUILD_MAP, pending);
            built = true;
          } else if (pending) {
            this.emit(Op.BUILD_MAP, pending);
            this.emit(Op.DICT_MERGE, 1);
          }
          pending = 0;
          this.expr(k.value);
          this.emit(Op.DICT_MERGE, 1);
        } else {
          this.loadConst(k.arg);
          this.expr(k.value);
          pending++;
        }
      }
      if (pending) {
        this.emit(Op.BUILD_MAP, pending);
        if (built) this.emit(Op.DICT_MERGE, 1);
      }
    }
    this.u.lineno = line;
    this.emit(Op.CALL_FUNCTION_EX, hasKw);
  }

  // -- match ------------------------------------------------------------------------------------

  matchStmt(s: ast.Match): void {
    this.expr(s.subject);
    const end = new Label();
    s.cases.forEach((c, i) => {
      // Only the last case, or one with a guard, may match anything.
      new PatternCheck(this).check(c.pattern, c.guard !== null || i === s.cases.length - 1);
    });
    for (const c of s.cases) {
      this.u.lineno = c.pattern.lineno;
      const pc: PatternContext = { failPops: [], onTop: 0 };
      this.emit(Op.COPY, 1);
      this.pattern(c.pattern, pc);
      if (c.guard) this.jumpIf(c.guard, this.failLabel(pc, 0), false);
      this.emit(Op.POP_TOP); // the subject
      this.stmts(c.body);
      this.emitJump(Op.JUMP, end);
      this.emitFailPops(pc);
    }
    this.emit(Op.POP_TOP);
    this.label(end);
  }

  failLabel(pc: PatternContext, pops: number): Label {
    while (pc.failPops.length <= pops) pc.failPops.push(new Label());
    return pc.failPops[pops];
  }

  /** Jumps to the failure exit with the current number of extra values to pop. */
  jumpToFail(pc: PatternContext, op: number, extra = 0): void {
    this.emitJump(op, this.failLabel(pc, pc.onTop + extra));
  }

  emitFailPops(pc: PatternContext): void {
    for (let i = pc.failPops.length - 1; i >= 0; i--) {
      this.label(pc.failPops[i]);
      if (i > 0) this.emit(Op.POP_TOP);
    }
  }

  storePatternName(name: string | null): void {
    if (name === null) this.emit(Op.POP_TOP);
    else this.storeName(name);
  }

  /** Matches TOS against `p`, consuming it; on failure jumps to failPops[onTop + …]. */
  pattern(p: ast.pattern, pc: PatternContext): void {
    this.u.lineno = p.lineno;
    switch (p._type) {
      case "MatchValue":
        this.expr(p.value);
        this.emit(Op.COMPARE_OP, 2);
        this.jumpToFail(pc, Op.POP_JUMP_IF_FALSE);
        return;
      case "MatchSingleton":
        this.loadConst(p.value === null ? None : p.value);
        this.emit(Op.IS_OP, 0);
        this.jumpToFail(pc, Op.POP_JUMP_IF_FALSE);
        return;
      case "MatchAs":
        if (p.pattern) {
          this.emit(Op.COPY, 1);
          pc.onTop++;
          this.pattern(p.pattern, pc);
          pc.onTop--;
        } else if (p.name === null) {
          this.emit(Op.POP_TOP);
          return;
        }
        this.storePatternName(p.name);
        return;
      case "MatchStar":
        this.storePatternName(p.name);
        return;
      case "MatchOr": {
        const success = new Label();
        for (const alt of p.patterns) {
          this.emit(Op.COPY, 1);
          const sub: PatternContext = { failPops: [], onTop: 0 };
          this.pattern(alt, sub);
          this.emitJump(Op.JUMP, success);
          this.emitFailPops(sub);
        }
        this.emit(Op.POP_TOP);
        this.jumpToFail(pc, Op.JUMP);
        this.label(success);
        this.emit(Op.POP_TOP);
        return;
      }
      case "MatchSequence": {
        const pats = p.patterns;
        const star = pats.findIndex((q) => q._type === "MatchStar");
        this.emit(Op.MATCH_SEQUENCE);
        this.jumpToFail(pc, Op.POP_JUMP_IF_FALSE, 1);
        this.emit(Op.GET_LEN);
        this.loadConst(star >= 0 ? pats.length - 1 : pats.length);
        this.emit(Op.COMPARE_OP, star >= 0 ? 5 : 2);
        this.jumpToFail(pc, Op.POP_JUMP_IF_FALSE, 1);
        if (star >= 0) this.emit(Op.UNPACK_EX, star | ((pats.length - star - 1) << 8));
        else this.emit(Op.UNPACK_SEQUENCE, pats.length);
        for (let i = 0; i < pats.length; i++) {
          pc.onTop += pats.length - 1 - i;
          this.pattern(pats[i], pc);
          pc.onTop -= pats.length - 1 - i;
        }
        return;
      }
      case "MatchMapping": {
        const keys = p.keys;
        this.emit(Op.MATCH_MAPPING);
        this.jumpToFail(pc, Op.POP_JUMP_IF_FALSE, 1);
        if (keys.length === 0 && !p.rest) {
          this.emit(Op.POP_TOP);
          return;
        }
        if (keys.length) {
          this.emit(Op.GET_LEN);
          this.loadConst(keys.length);
          this.emit(Op.COMPARE_OP, 5);
          this.jumpToFail(pc, Op.POP_JUMP_IF_FALSE, 1);
        }
        for (const k of keys) this.expr(k);
        this.emit(Op.BUILD_TUPLE, keys.length);
        this.emit(Op.MATCH_KEYS); // [subj, keys, values]
        this.emit(Op.COPY, 1);
        this.jumpToFail(pc, Op.POP_JUMP_IF_NONE, 3);
        this.emit(Op.UNPACK_SEQUENCE, keys.length);
        for (let i = 0; i < keys.length; i++) {
          pc.onTop += 2 + keys.length - 1 - i;
          this.pattern(p.patterns[i], pc);
          pc.onTop -= 2 + keys.length - 1 - i;
        }
        if (p.rest) {
          this.emit(Op.BUILD_MAP, 0); // [subj, keys, {}]
          this.emit(Op.SWAP, 3); // [{}, keys, subj]
          this.emit(Op.DICT_UPDATE, 2); // [copy, keys]
          this.emit(Op.UNPACK_SEQUENCE, keys.length);
          for (let size = keys.length; size > 0; size--) {
            this.emit(Op.COPY, 1 + size);
            this.emit(Op.SWAP, 2);
            this.emit(Op.DELETE_SUBSCR);
          }
          this.storeName(p.rest);
        } else {
          this.emit(Op.POP_TOP);
          this.emit(Op.POP_TOP);
        }
        return;
      }
      case "MatchClass": {
        const nargs = p.patterns.length, nkw = p.kwd_attrs.length;
        this.expr(p.cls);
        this.loadConst(new PyTuple(p.kwd_attrs));
        this.emit(Op.MATCH_CLASS, nargs);
        this.emit(Op.COPY, 1);
        this.jumpToFail(pc, Op.POP_JUMP_IF_NONE, 1);
        const all = [...p.patterns, ...p.kwd_patterns];
        this.emit(Op.UNPACK_SEQUENCE, nargs + nkw);
        for (let i = 0; i < all.length; i++) {
          pc.onTop += all.length - 1 - i;
          this.pattern(all[i], pc);
          pc.onTop -= all.length - 1 - i;
        }
        return;
      }
    }
  }

  // -- the assembler ----------------------------------------------------------------------------

  assemble(argcount: number, posonly = 0, kwonly = 0): PyCode {
    const u = this.u;
    const instrs = u.instrs;
    const n = instrs.length;
    // 1. Stack depth at every instruction (handlers are branches from their SETUP).
    const depth = new Int32Array(n + 1).fill(-1);
    let maxDepth = 0;
    const work: number[] = [];
    // Every path must reach an instruction with the same depth, never below zero: a failure
    // here is a code generator bug, reported as such rather than left to crash the VM.
    const reach = (i: number, d: number) => {
      if (i > n) return;
      if (d < 0) throw new Error(`internal: stack underflow at instruction ${i} of ${u.qualname}`);
      if (depth[i] < 0) {
        depth[i] = d;
        work.push(i);
      } else if (depth[i] !== d) {
        throw new Error(`internal: inconsistent stack depth (${depth[i]} vs ${d}) at ${i} of ${u.qualname}`);
      }
      if (d > maxDepth) maxDepth = d;
    };
    if (n > 0) reach(0, 0);
    while (work.length) {
      const i = work.pop()!;
      if (i >= n) continue;
      const ins = instrs[i];
      const info = OPCODES[ins.op];
      const d = depth[i];
      if (ins.target) {
        reach(ins.target.pos, d + stackEffect(ins.op, ins.arg, true));
      }
      const after = d + stackEffect(ins.op, ins.arg, false);
      if (after < 0) throw new Error(`internal: stack underflow at instruction ${i} of ${u.qualname}`);
      if (after > maxDepth) maxDepth = after;
      if (!info.terminal) reach(i + 1, after);
    }

    // 1b. Superinstructions: LOAD_FAST a; LOAD_FAST b → LOAD_FAST_LOAD_FAST (a << 4 | b) when the
    // second is not a jump target and both are in the same handler region and line.
    const isTarget = new Uint8Array(n + 1);
    for (const ins of instrs) if (ins.target) isTarget[ins.target.pos] = 1;
    for (let i = 0; i + 1 < n; i++) {
      const a = instrs[i], b = instrs[i + 1];
      if (
        a.op === Op.LOAD_FAST && b.op === Op.LOAD_FAST && a.arg < 16 && b.arg < 16 && !isTarget[i + 1] &&
        a.handler === b.handler && a.line === b.line
      ) {
        a.op = Op.LOAD_FAST_LOAD_FAST;
        a.arg = (a.arg << 4) | b.arg;
        a.endLine = b.endLine;
        a.endCol = b.endCol;
        b.op = Op.REMOVED;
        i++;
      }
    }

    // 2. Drop pseudo-instructions; map instruction indexes to real ones.
    const realIndex = new Int32Array(n + 1);
    const real: Instr[] = [];
    for (let i = 0; i < n; i++) {
      realIndex[i] = real.length;
      const op = instrs[i].op;
      if (op < 256) real.push(instrs[i]);
    }
    realIndex[n] = real.length;

    // 3. Sizes and offsets, until jump opargs (and so EXTENDED_ARGs) stop changing.
    const m = real.length;
    const offsets = new Int32Array(m + 1);
    const args = new Int32Array(m);
    for (let i = 0; i < m; i++) args[i] = real[i].arg;
    const sizeOf = (i: number) => {
      const a = args[i];
      const ext = a > 0xffffff ? 3 : a > 0xffff ? 2 : a > 0xff ? 1 : 0;
      return 1 + ext + CACHE_SIZE[real[i].op];
    };
    for (let pass = 0; pass < 10; pass++) {
      let off = 0;
      for (let i = 0; i < m; i++) {
        offsets[i] = off;
        off += sizeOf(i);
      }
      offsets[m] = off;
      let changed = false;
      for (let i = 0; i < m; i++) {
        const ins = real[i];
        if (!ins.target) continue;
        const targetOff = offsets[realIndex[ins.target.pos]];
        const next = offsets[i] + sizeOf(i);
        const a = OPCODES[ins.op].jump === "backward" ? next - targetOff : targetOff - next;
        if (a < 0) {
          throw new Error(
            `internal: negative jump for ${OPCODES[ins.op].name} at ${i} to ${
              realIndex[ins.target.pos]
            } (${ins.target.pos}) ${real.map((r) => OPCODES[r.op].name).join(",")}`,
          );
        }
        if (a !== args[i]) {
          args[i] = a;
          changed = true;
        }
      }
      if (!changed) break;
    }

    // 4. Code units, line table.
    const total = offsets[m];
    const code = new Uint16Array(total);
    const lines = new Int32Array(total);
    const positions = new Int32Array(total * 3).fill(-1);
    for (let i = 0; i < m; i++) {
      let at = offsets[i];
      const a = args[i];
      const ins = real[i];
      const first = at;
      for (let shift = 24; shift > 0; shift -= 8) {
        if (a >>> shift) code[at++] = Op.EXTENDED_ARG | (((a >>> shift) & 0xff) << 8);
      }
      code[at++] = ins.op | ((a & 0xff) << 8);
      at += CACHE_SIZE[ins.op];
      // Prefixes and caches share the instruction's line and span.
      for (let k = first; k < at; k++) {
        lines[k] = ins.line;
        positions[k * 3] = ins.col;
        positions[k * 3 + 1] = ins.endLine;
        positions[k * 3 + 2] = ins.endCol;
      }
    }

    // 5. Exception table: runs of instructions with the same handler.
    const table: number[] = [];
    let runStart = -1;
    let runHandler: Handler | null = null;
    const flush = (end: number) => {
      if (runHandler !== null && runStart >= 0 && end > runStart) {
        const h = runHandler;
        const setupDepth = depth[h.setup] < 0 ? 0 : depth[h.setup];
        const handlerDepth = setupDepth + h.pushes - 1 - (h.lasti ? 1 : 0);
        table.push(runStart, end, offsets[realIndex[h.target.pos]], handlerDepth, h.lasti ? 1 : 0);
      }
    };
    for (let i = 0; i < m; i++) {
      const h = real[i].handler;
      if (h !== runHandler) {
        flush(offsets[i]);
        runHandler = h;
        runStart = offsets[i];
      }
    }
    flush(offsets[m]);

    const s = u.scope;
    let flags = 0;
    if (s.kind === "function") flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (s.hasVarargs) flags |= CO_VARARGS;
    if (s.hasVarkw) flags |= CO_VARKEYWORDS;
    if (s.isGenerator) flags |= CO_GENERATOR;
    if (s.isGenerator && s.isCoroutine) flags |= CO_ASYNC_GENERATOR;
    else if (s.isCoroutine) flags |= CO_COROUTINE;
    if (s.parent && s.parent.kind !== "module") flags |= CO_NESTED;
    // (CPython 3.11 no longer sets CO_NOFREE.)
    if (this.future.annotations) flags |= CO_FUTURE_ANNOTATIONS;

    return new PyCode({
      argcount,
      posonlyargcount: posonly,
      kwonlyargcount: kwonly,
      flags,
      name: u.name,
      qualname: u.qualname,
      filename: this.filename,
      firstlineno: u.firstlineno,
      code,
      consts: u.consts,
      names: u.names,
      varnames: u.varnames,
      cellvars: u.cellvars,
      freevars: u.freevars,
      stacksize: maxDepth,
      lines,
      positions,
      exceptionTable: Int32Array.from(table),
      source: this.source,
    });
  }
}

/**
 * The compile-time checks of a case's pattern, in the order CPython's compiler makes them (and at
 * the pattern it was compiling then): an irrefutable pattern (`_`, a capture) where later cases
 * would be unreachable, a name bound twice, alternatives binding different names.
 */
class PatternCheck {
  /** The pattern CPython's compiler last set its location to. */
  at: ast.pattern | null = null;
  /** The names bound so far. */
  stores: string[] = [];
  constructor(readonly compiler: Compiler) {}

  check(p: ast.pattern, allowIrrefutable: boolean): void {
    this.at = p;
    switch (p._type) {
      case "MatchAs":
        if (p.pattern !== null) this.check(p.pattern, allowIrrefutable);
        else if (!allowIrrefutable) {
          this.compiler.error(
            p.name !== null
              ? `name capture '${p.name}' makes remaining patterns unreachable`
              : "wildcard makes remaining patterns unreachable",
            p,
          );
        }
        this.store(p.name);
        return;
      case "MatchStar":
        this.store(p.name);
        return;
      case "MatchSequence":
        for (const q of p.patterns) this.check(q, true);
        return;
      case "MatchMapping":
        for (const q of p.patterns) this.check(q, true);
        this.store(p.rest);
        return;
      case "MatchClass":
        for (const q of [...p.patterns, ...p.kwd_patterns]) this.check(q, true);
        return;
      case "MatchOr": {
        const outer = this.stores;
        let control: string[] | null = null;
        p.patterns.forEach((alt, i) => {
          this.stores = [];
          this.check(alt, i === p.patterns.length - 1 && allowIrrefutable);
          if (control === null) control = this.stores;
          else if (
            this.stores.length !== control.length || control.some((n) => !this.stores.includes(n))
          ) this.compiler.error("alternative patterns bind different names", this.at);
        });
        this.stores = outer;
        for (const name of control ?? []) this.store(name);
        return;
      }
    }
  }

  store(name: string | null): void {
    if (name === null) return;
    if (this.stores.includes(name)) {
      this.compiler.error(`multiple assignments to name '${name}' in pattern`, this.at);
    }
    this.stores.push(name);
  }
}

interface PatternContext {
  /** failPops[k]: pops k values then continues with the next case. */
  failPops: Label[];
  /** Values above the current subject that a failure must pop. */
  onTop: number;
}

const INVERSE_JUMP: Record<number, number> = {
  [Op.POP_JUMP_IF_FALSE]: Op.POP_JUMP_IF_TRUE,
  [Op.POP_JUMP_IF_TRUE]: Op.POP_JUMP_IF_FALSE,
  [Op.POP_JUMP_IF_NONE]: Op.POP_JUMP_IF_NOT_NONE,
  [Op.POP_JUMP_IF_NOT_NONE]: Op.POP_JUMP_IF_NONE,
};

// ---------------------------------------------------------------------------------------------
// Constants

/** The VM value of a Constant node. */
export function constValue(c: ast.Constant): PyValue {
  return convertConstant(c.value);
}

function convertConstant(v: ast.ConstantValue): PyValue {
  if (v === null) return None;
  switch (typeof v) {
    case "boolean":
    case "string":
      return v;
    case "bigint":
      return normInt(v);
    case "number":
      return new PyFloat(v);
  }
  switch (v._type) {
    case "complex":
      return new PyComplex(v.real, v.imag);
    case "bytes":
      return new PyBytes(v.value);
    case "Ellipsis":
      return Ellipsis;
  }
}

function isConstantExpr(e: ast.expr): boolean {
  if (e._type === "Constant") return true;
  if (e._type === "UnaryOp" && e.op === "USub" && e.operand._type === "Constant") {
    return typeof e.operand.value === "bigint" || typeof e.operand.value === "number";
  }
  if (e._type === "Tuple") return e.elts.every(isConstantExpr);
  return false;
}

/**
 * A frozenset constant as CPython's compiler leaves it: built from the elements, then rebuilt from
 * its own iteration order when constants are merged (merge_consts_recursive), which can change the
 * table layout and so the order in which it iterates.
 */
function constantFrozenset(items: PyValue[]): PyValue {
  const order = [...newSet(items, frozensetType).items()];
  const set = newSet(order, frozensetType);
  // The compile cache rebuilds it from the same order, so cached code iterates it the same way.
  frozensetBuildOrder.set(set, order);
  return set;
}

function foldConstant(e: ast.expr): PyValue {
  if (e._type === "Constant") return constValue(e);
  if (e._type === "UnaryOp") {
    const v = (e.operand as ast.Constant).value;
    return typeof v === "bigint" ? normInt(-v) : new PyFloat(-(v as number));
  }
  return new PyTuple((e as ast.Tuple).elts.map(foldConstant));
}

function constTruth(v: ast.ConstantValue): boolean | null {
  if (v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "bigint":
      return v !== 0n;
    case "number":
      return v !== 0;
    case "string":
      return v.length > 0;
  }
  return null;
}

/** A key under which equal constants of the same type share one co_consts slot (null: never). */
function constKey(v: PyValue): string | null {
  switch (typeof v) {
    case "number":
      return `i${v}`;
    case "bigint":
      return `i${v}`;
    case "boolean":
      return `b${v}`;
    case "string":
      return `s${v}`;
  }
  if (v === None) return "None";
  if (v === Ellipsis) return "...";
  if (v instanceof PyFloat) return Object.is(v.value, -0) ? "f-0" : `f${v.value}`;
  if (v instanceof PyComplex) return `c${v.real},${Object.is(v.imag, -0) ? "-0" : v.imag}`;
  if (v instanceof PyBytes) return `y${Array.from(v.data).join(",")}`;
  if (v instanceof PyTuple) {
    const parts = v.items.map(constKey);
    return parts.includes(null) ? null : `(${parts.join("|")})`;
  }
  return null;
}

function docstringOf(body: ast.stmt[]): string | null {
  const first = body[0];
  if (
    first && first._type === "Expr" && first.value._type === "Constant" &&
    typeof first.value.value === "string"
  ) {
    return first.value.value;
  }
  return null;
}

function hasAnnotations(s: ast.stmt): boolean {
  switch (s._type) {
    case "AnnAssign":
      return s.target._type === "Name" && s.simple === 1;
    case "If":
    case "While":
    case "For":
      return s.body.some(hasAnnotations) || s.orelse.some(hasAnnotations);
    case "With":
      return s.body.some(hasAnnotations);
    case "Try":
      return s.body.some(hasAnnotations) || s.orelse.some(hasAnnotations) ||
        s.finalbody.some(hasAnnotations) ||
        s.handlers.some((h) => h.body.some(hasAnnotations));
    default:
      return false;
  }
}

function describeExpr(e: ast.expr): string {
  switch (e._type) {
    case "Call":
      return "function call";
    case "Constant":
      return "literal";
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "Compare":
      return "comparison";
    case "Lambda":
      return "lambda";
    case "BoolOp":
      return "expression";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "JoinedStr":
      return "f-string expression";
    case "GeneratorExp":
      return "generator expression";
    case "ListComp":
      return "list comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    default:
      return "expression";
  }
}

/** co_firstlineno of a function or class: the line of its first decorator, if it has any. */
function firstLineOf(s: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef): number {
  return s.decorator_list.length > 0 ? s.decorator_list[0].lineno : s.lineno;
}
