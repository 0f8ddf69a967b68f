/**
 * Symbol tables: AST → one `Scope` per module, class, function, lambda, comprehension and
 * generator expression, each name resolved to LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or
 * CELL, as CPython's symtable.c does (two passes: collect the flags of every name in every scope,
 * then analyse scopes top-down with the names bound by enclosing functions).
 *
 * Comprehensions and generator expressions are NOT inlined (Python 3.11 behaviour): each is a
 * function scope whose single parameter `.0` is the iterator of the first `for`, which is
 * evaluated in the enclosing scope. `super`/`__class__` inside a method make the class scope hold
 * a `__class__` cell, as in CPython.
 *
 * Compile-time errors are raised as PySyntaxError with CPython's messages and locations.
 *
 * @example
 * ```ts
 * import { buildSymtable } from "./symtable.ts";
 * import { parse } from "./parser.ts";
 * const table = buildSymtable(parse("def f(x):\n    return x\n") as never, "<s>", "");
 * ```
 * @module
 */
import type * as ast from "./ast.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { Exc, raise } from "../objects/object.ts";

/** Flags gathered from the source in the first pass. */
export const DEF_GLOBAL = 1, // `global x`
  DEF_LOCAL = 2, // assigned, deleted, def, class, for target, with target, import…
  DEF_PARAM = 4,
  DEF_NONLOCAL = 8,
  USE = 16,
  DEF_FREE_CLASS = 32, // free in a nested scope of a class that also binds it
  DEF_IMPORT = 64,
  DEF_ANNOT = 128,
  DEF_COMP_ITER = 256;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** Where a name lives after analysis. */
export const LOCAL = 1, GLOBAL_EXPLICIT = 2, GLOBAL_IMPLICIT = 3, FREE = 4, CELL = 5;

/** What kind of block a scope is. */
export type ScopeKind = "module" | "class" | "function";

/** One block's names. */
export class Scope {
  /** Flags of every name mentioned, in first-mention order. */
  readonly flags: Map<string, number> = new Map();
  /** Resolved scope (LOCAL…CELL) of every name, after analysis. */
  readonly scopes: Map<string, number> = new Map();
  readonly children: Scope[] = [];
  /** Parameter names in order (positional-only, positional, *args, keyword-only, **kwargs). */
  readonly params: string[] = [];
  isGenerator = false;
  isCoroutine = false;
  isComprehension = false;
  /** A comprehension with `async for` or `await` (or such a comprehension, not a genexp, inside). */
  isAsyncComprehension = false;
  isLambda = false;
  hasVarargs = false;
  hasVarkw = false;
  /** A class scope whose methods use `super` or `__class__`. */
  needsClassClosure = false;
  /** Has `return` with a value (checked against async generators). */
  returnsValue: ast.Located | null = null;
  /** First `yield` seen (for errors). */
  yieldNode: ast.Located | null = null;

  constructor(
    readonly name: string,
    readonly kind: ScopeKind,
    readonly node: object,
    readonly parent: Scope | null,
    readonly lineno: number,
  ) {}

  /** The resolved scope of `name` (GLOBAL_IMPLICIT for names never mentioned). */
  scopeOf(name: string): number {
    return this.scopes.get(name) ?? GLOBAL_IMPLICIT;
  }
  /** Names whose resolved scope is `which`, in first-mention order (sorted like CPython for cells/frees). */
  namesWith(which: number): string[] {
    const out: string[] = [];
    for (const [name, s] of this.scopes) if (s === which) out.push(name);
    return out;
  }
  /** Whether this function's frees include `name` passed through a class (DEF_FREE_CLASS). */
  isFreeClass(name: string): boolean {
    return ((this.flags.get(name) ?? 0) & DEF_FREE_CLASS) !== 0;
  }
}

/** The symbol table of a module: every scope, keyed by the AST node that opens it. */
export class SymbolTable {
  readonly scopes: Map<object, Scope> = new Map();
  constructor(readonly top: Scope) {}
  /** The scope opened by `node` (a Module, FunctionDef, Lambda, ClassDef, comprehension…). */
  scopeFor(node: object): Scope {
    const s = this.scopes.get(node);
    if (!s) throw new Error("internal: no scope for node");
    return s;
  }
}

/** Makes a PySyntaxError located at `node`, with the source line as CPython shows it. */
export function syntaxErrorAt(
  msg: string,
  node: ast.Located | null,
  filename: string,
  source: string,
): PySyntaxError {
  if (!node) return new PySyntaxError("SyntaxError", msg, filename, 1, 0, null);
  const lines = source.split(/\r\n|\r|\n/);
  const text = lines[node.lineno - 1] ?? null;
  const toChars = (line: string | undefined, byteCol: number): number => {
    if (line === undefined) return byteCol + 1;
    const bytes = new TextEncoder().encode(line).subarray(0, byteCol);
    return [...new TextDecoder().decode(bytes)].length + 1;
  };
  const offset = toChars(text ?? undefined, node.col_offset);
  const endOffset = node.end_lineno === node.lineno
    ? toChars(text ?? undefined, node.end_col_offset)
    : toChars(lines[node.end_lineno - 1], node.end_col_offset);
  return new PySyntaxError(
    "SyntaxError",
    msg,
    filename,
    node.lineno,
    offset,
    text,
    node.end_lineno,
    endOffset,
  );
}

/**
 * How deep statements and expressions may nest: CPython's symtable allows three times the default
 * recursion limit (less three per Python frame running the compile: `startDepth`).
 */
const COMPILE_DEPTH_LIMIT = 3000;

/** Pass 1 + 2: builds and analyses the symbol table of a module (or expression). */
export function buildSymtable(
  tree: ast.mod,
  filename: string,
  source: string,
  futureAnnotations = false,
  startDepth = 0,
): SymbolTable {
  const builder = new Builder(filename, source, futureAnnotations, startDepth);
  const top = builder.build(tree);
  const table = new SymbolTable(top);
  for (const [node, scope] of builder.scopeOf) table.scopes.set(node, scope);
  analyze(top, filename, source);
  return table;
}

class Builder {
  cur!: Scope;
  readonly scopeOf: Map<object, Scope> = new Map();
  /** Global/nonlocal statements, to report "used prior to global declaration". */
  /** Statements and expressions being visited, counted from `startDepth` (see tooDeep). */
  depth: number;
  constructor(
    readonly filename: string,
    readonly source: string,
    readonly futureAnnotations = false,
    startDepth = 0,
  ) {
    this.depth = startDepth;
  }

  /**
   * An annotation: evaluated in the current scope, or (future annotations) never evaluated, so
   * only checked for what CPython refuses in one.
   */
  annotation(e: ast.expr): void {
    if (!this.futureAnnotations) this.expr(e);
    else this.checkAnnotation(e);
  }

  /** Under future annotations: yield, await and := cannot appear in an annotation. */
  checkAnnotation(node: unknown): void {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const n of node) this.checkAnnotation(n);
      return;
    }
    const e = node as ast.expr;
    const what = e._type === "Yield" || e._type === "YieldFrom"
      ? "'yield expression'"
      : e._type === "Await"
      ? "'await expression'"
      : e._type === "NamedExpr"
      ? "'named expression'"
      : null;
    if (what !== null) this.error(`${what} can not be used within an annotation`, e);
    for (const key in e) {
      if (key !== "_type") this.checkAnnotation((e as unknown as Record<string, unknown>)[key]);
    }
  }

  error(msg: string, node: ast.Located | null): never {
    throw syntaxErrorAt(msg, node, this.filename, this.source);
  }

  build(tree: ast.mod): Scope {
    const top = new Scope("top", "module", tree, null, 1);
    this.scopeOf.set(tree, top);
    this.cur = top;
    if (tree._type === "Module" || tree._type === "Interactive") this.stmts(tree.body);
    else if (tree._type === "Expression") this.expr(tree.body);
    return top;
  }

  enter(name: string, kind: ScopeKind, node: object, lineno: number): Scope {
    const s = new Scope(name, kind, node, this.cur, lineno);
    this.cur.children.push(s);
    this.scopeOf.set(node, s);
    this.cur = s;
    return s;
  }
  leave(): void {
    this.cur = this.cur.parent!;
  }

  add(name: string, flag: number, node: ast.Located | null): void {
    const s = this.cur;
    const old = s.flags.get(name) ?? 0;
    if ((flag & DEF_PARAM) && (old & DEF_PARAM)) {
      this.error(`duplicate argument '${name}' in function definition`, node);
    }
    s.flags.set(name, old | flag);
  }

  stmts(body: ast.stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  stmt(s: ast.stmt): void {
    if (++this.depth > COMPILE_DEPTH_LIMIT) this.tooDeep();
    this.stmtInner(s);
    this.depth--;
  }

  /**
   * CPython's limit on nesting (its symtable counts statements and expressions against three
   * times the recursion limit): RecursionError, not a JS stack overflow further on.
   */
  tooDeep(): never {
    raise(Exc.RecursionError, "maximum recursion depth exceeded during compilation");
  }

  stmtInner(s: ast.stmt): void {
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.add(s.name, DEF_LOCAL, s);
        this.argDefaults(s.args);
        for (const d of s.decorator_list) this.expr(d);
        this.annotations(s.args, s.returns);
        if (s.type_params.length) this.error("type parameter lists are not supported yet", s);
        this.enter(s.name, "function", s, s.lineno);
        if (s._type === "AsyncFunctionDef") this.cur.isCoroutine = true;
        this.params(s.args);
        this.stmts(s.body);
        this.leave();
        break;
      case "ClassDef":
        this.add(s.name, DEF_LOCAL, s);
        for (const b of s.bases) this.expr(b);
        for (const k of s.keywords) this.expr(k.value);
        for (const d of s.decorator_list) this.expr(d);
        if (s.type_params.length) this.error("type parameter lists are not supported yet", s);
        this.enter(s.name, "class", s, s.lineno);
        this.stmts(s.body);
        this.leave();
        break;
      case "Return":
        if (this.cur.kind !== "function") this.error("'return' outside function", s);
        if (s.value) {
          this.expr(s.value);
          if (!this.cur.returnsValue) this.cur.returnsValue = s;
        }
        break;
      case "Delete":
        for (const t of s.targets) this.expr(t);
        break;
      case "Assign":
        for (const t of s.targets) this.expr(t);
        this.expr(s.value);
        break;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        break;
      case "AnnAssign":
        if (s.target._type === "Name") {
          const name = s.target.id;
          const flags = this.cur.flags.get(name) ?? 0;
          if ((flags & (DEF_GLOBAL | DEF_NONLOCAL)) && s.simple) {
            this.error(
              `annotated name '${name}' can't be ${flags & DEF_GLOBAL ? "global" : "nonlocal"}`,
              s,
            );
          }
          this.add(name, s.value ? DEF_LOCAL | DEF_ANNOT : DEF_ANNOT, s.target);
        } else this.expr(s.target);
        if (this.cur.kind !== "function") this.annotation(s.annotation);
        if (s.value) this.expr(s.value);
        break;
      case "For":
      case "AsyncFor":
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "While":
      case "If":
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        break;
      case "Match":
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      case "Raise":
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        break;
      case "Try":
      case "TryStar":
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.add(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case "Assert":
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) {
          if (a.name === "*") {
            if (this.cur.kind !== "module") this.error("import * only allowed at module level", s);
            continue;
          }
          const stored = a.asname ?? a.name.split(".")[0];
          this.add(stored, DEF_IMPORT, a);
        }
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s._type === "Global";
        const word = isGlobal ? "global" : "nonlocal";
        if (!isGlobal && this.cur.kind === "module") {
          this.error("nonlocal declaration not allowed at module level", s);
        }
        for (const name of s.names) {
          const old = this.cur.flags.get(name) ?? 0;
          if (old & DEF_PARAM) this.error(`name '${name}' is parameter and ${word}`, s);
          if (isGlobal && (old & DEF_NONLOCAL)) this.error(`name '${name}' is nonlocal and global`, s);
          if (!isGlobal && (old & DEF_GLOBAL)) this.error(`name '${name}' is nonlocal and global`, s);
          if (old & USE) this.error(`name '${name}' is used prior to ${word} declaration`, s);
          if (old & DEF_ANNOT) this.error(`annotated name '${name}' can't be ${word}`, s);
          if (old & DEF_LOCAL) this.error(`name '${name}' is assigned to before ${word} declaration`, s);
          this.add(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          if (!isGlobal) nonlocalSites.set(this.cur, [...(nonlocalSites.get(this.cur) ?? []), [name, s]]);
        }
        break;
      }
      case "Expr":
        this.expr(s.value);
        break;
      case "TypeAlias":
        this.error("type aliases are not supported yet", s);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
    }
  }

  argDefaults(a: ast.arguments): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }
  annotations(a: ast.arguments, returns: ast.expr | null): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) {
      if (arg.annotation) this.annotation(arg.annotation);
    }
    if (a.vararg?.annotation) this.annotation(a.vararg.annotation);
    if (a.kwarg?.annotation) this.annotation(a.kwarg.annotation);
    if (returns) this.annotation(returns);
  }
  params(a: ast.arguments): void {
    const s = this.cur;
    for (const arg of [...a.posonlyargs, ...a.args]) {
      this.add(arg.arg, DEF_PARAM, arg);
      s.params.push(arg.arg);
    }
    if (a.vararg) s.hasVarargs = true;
    for (const arg of a.kwonlyargs) {
      this.add(arg.arg, DEF_PARAM, arg);
      s.params.push(arg.arg);
    }
    if (a.vararg) {
      this.add(a.vararg.arg, DEF_PARAM, a.vararg);
      s.params.push(a.vararg.arg);
    }
    if (a.kwarg) {
      s.hasVarkw = true;
      this.add(a.kwarg.arg, DEF_PARAM, a.kwarg);
      s.params.push(a.kwarg.arg);
    }
  }

  pattern(p: ast.pattern): void {
    switch (p._type) {
      case "MatchValue":
        this.expr(p.value);
        break;
      case "MatchSingleton":
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchMapping":
        for (const k of p.keys) this.expr(k);
        for (const q of p.patterns) this.pattern(q);
        if (p.rest) this.add(p.rest, DEF_LOCAL, p);
        break;
      case "MatchClass":
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case "MatchStar":
        if (p.name) this.add(p.name, DEF_LOCAL, p);
        break;
      case "MatchAs":
        if (p.pattern) this.pattern(p.pattern);
        if (p.name) this.add(p.name, DEF_LOCAL, p);
        break;
      case "MatchOr":
        for (const q of p.patterns) this.pattern(q);
        break;
    }
  }

  exprs(es: (ast.expr | null)[]): void {
    for (const e of es) if (e) this.expr(e);
  }

  expr(e: ast.expr): void {
    if (++this.depth > COMPILE_DEPTH_LIMIT) this.tooDeep();
    this.exprInner(e);
    this.depth--;
  }

  exprInner(e: ast.expr): void {
    switch (e._type) {
      case "Name": {
        const flag = e.ctx === "Load" ? USE : DEF_LOCAL;
        this.add(e.id, flag, e);
        // `super()` and `__class__` inside a method need the class's `__class__` cell.
        if (e.ctx === "Load" && e.id === "super" && this.cur.kind === "function") {
          this.add("__class__", USE, e);
        }
        if (e.id === "__class__" && e.ctx === "Load" && this.cur.kind === "function") {
          // already added as USE above
        }
        break;
      }
      case "BoolOp":
        this.exprs(e.values);
        break;
      case "NamedExpr":
        this.namedExpr(e);
        break;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        break;
      case "UnaryOp":
        this.expr(e.operand);
        break;
      case "Lambda": {
        this.argDefaults(e.args);
        this.enter("lambda", "function", e, e.lineno);
        this.cur.isLambda = true;
        this.params(e.args);
        this.expr(e.body);
        this.leave();
        break;
      }
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case "Dict":
        this.exprs(e.keys);
        this.exprs(e.values);
        break;
      case "Set":
        this.exprs(e.elts);
        break;
      case "ListComp":
        this.comprehension(e, "listcomp", e.generators, [e.elt]);
        break;
      case "SetComp":
        this.comprehension(e, "setcomp", e.generators, [e.elt]);
        break;
      case "DictComp":
        this.comprehension(e, "dictcomp", e.generators, [e.key, e.value]);
        break;
      case "GeneratorExp":
        this.comprehension(e, "genexpr", e.generators, [e.elt]);
        break;
      case "Await":
        if (this.cur.kind !== "function" || this.cur.isLambda) {
          if (!(this.cur.isComprehension)) this.error("'await' outside function", e);
        } else if (!this.cur.isCoroutine && !this.cur.isComprehension) {
          this.error("'await' outside async function", e);
        }
        if (this.cur.isComprehension) this.cur.isAsyncComprehension = true;
        this.expr(e.value);
        break;
      case "Yield":
      case "YieldFrom":
        if (this.cur.kind !== "function") this.error("'yield' outside function", e);
        if (this.cur.isComprehension) {
          this.error(`'yield' inside ${compKindName(this.cur.name)}`, e);
        }
        if (e._type === "YieldFrom" && this.cur.isCoroutine) {
          this.error("'yield from' inside async function", e);
        }
        this.cur.isGenerator = true;
        if (!this.cur.yieldNode) this.cur.yieldNode = e;
        if (e.value) this.expr(e.value);
        break;
      case "Compare":
        this.expr(e.left);
        this.exprs(e.comparators);
        break;
      case "Call":
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case "FormattedValue":
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        break;
      case "JoinedStr":
        this.exprs(e.values);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.expr(e.value);
        break;
      case "Subscript":
        this.expr(e.value);
        this.expr(e.slice);
        break;
      case "Starred":
        this.expr(e.value);
        break;
      case "List":
      case "Tuple":
        this.exprs(e.elts);
        break;
      case "Slice":
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        break;
    }
  }

  comprehension(
    node: ast.expr,
    name: string,
    gens: ast.comprehension[],
    elts: ast.expr[],
  ): void {
    // The first iterator is evaluated in the enclosing scope.
    this.expr(gens[0].iter);
    const loc = node as ast.Located;
    this.enter(`<${name}>`, "function", node, loc.lineno);
    const s = this.cur;
    s.isComprehension = true;
    if (name === "genexpr") s.isGenerator = true;
    if (gens.some((g) => g.is_async)) s.isAsyncComprehension = true;
    this.add(".0", DEF_PARAM, null);
    s.params.push(".0");
    gens.forEach((g, i) => {
      this.compTarget(g.target);
      if (i > 0) this.expr(g.iter);
      for (const c of g.ifs) this.expr(c);
    });
    for (const e of elts) this.expr(e);
    this.leave();
    // An async list/set/dict comprehension makes the comprehension around it async too.
    if (s.isAsyncComprehension && name !== "genexpr" && this.cur.isComprehension) {
      this.cur.isAsyncComprehension = true;
    }
  }
  compTarget(t: ast.expr): void {
    this.expr(t);
  }

  namedExpr(e: ast.NamedExpr): void {
    this.expr(e.value);
    const target = e.target as ast.Name;
    if (this.cur.isComprehension) {
      // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
      const name = target.id;
      if ((this.cur.flags.get(name) ?? 0) & DEF_COMP_ITER) {
        this.error(
          `assignment expression cannot rebind comprehension iteration variable '${name}'`,
          target,
        );
      }
      let outer = this.cur.parent!;
      while (outer.isComprehension) outer = outer.parent!;
      if (outer.kind === "class") {
        this.error("assignment expression within a comprehension cannot be used in a class body", e);
      }
      const useGlobal = outer.kind === "module" || ((outer.flags.get(name) ?? 0) & DEF_GLOBAL);
      for (let s: Scope = this.cur; s !== outer; s = s.parent!) {
        s.flags.set(name, (s.flags.get(name) ?? 0) | (useGlobal ? DEF_GLOBAL : DEF_NONLOCAL) | USE);
      }
      outer.flags.set(name, (outer.flags.get(name) ?? 0) | DEF_LOCAL);
      return;
    }
    this.expr(target);
  }
}

function compKindName(name: string): string {
  switch (name) {
    case "<listcomp>":
      return "list comprehension";
    case "<setcomp>":
      return "set comprehension";
    case "<dictcomp>":
      return "dict comprehension";
    default:
      return "generator expression";
  }
}

/** Where each `nonlocal` appeared, for the "no binding" error. */
const nonlocalSites: WeakMap<Scope, [string, ast.Located][]> = new WeakMap();

/** One scope being resolved by pass 2 (see analyze). */
interface Visit {
  s: Scope;
  /** Names bound by enclosing functions. */
  bound: Set<string>;
  /** What the children see: enclosing bindings and declared globals. */
  newBound: Set<string>;
  newGlobals: Set<string>;
  /** Names free in this scope (the parent's business). */
  free: Set<string>;
  /** Names free in the children. */
  childFree: Set<string>;
  /** The next child to visit. */
  next: number;
}

/**
 * Pass 2: resolves every name of every scope given the names bound by enclosing functions and
 * declared global; each scope reports its free names to its parent. Scopes are walked with an
 * explicit stack: nesting as deep as CPython allows (3000 lambdas) takes no JS stack.
 */
function analyze(top: Scope, filename: string, source: string): void {
  const stack: Visit[] = [enterBlock(top, new Set(), new Set(), filename, source)];
  let childResult: Set<string> | null = null;
  while (stack.length > 0) {
    const v = stack[stack.length - 1];
    if (childResult !== null) {
      for (const n of childResult) v.childFree.add(n);
      childResult = null;
    }
    if (v.next < v.s.children.length) {
      const child = v.s.children[v.next++];
      stack.push(enterBlock(child, v.newBound, v.newGlobals, filename, source));
      continue;
    }
    stack.pop();
    childResult = leaveBlock(v);
  }
}

/** Resolves the names a scope binds or uses itself (before its children). */
function enterBlock(
  s: Scope,
  bound: Set<string>,
  globals: Set<string>,
  filename: string,
  source: string,
): Visit {
  if (s.isCoroutine && s.isGenerator && s.returnsValue) {
    throw syntaxErrorAt("'return' with value in async generator", s.returnsValue, filename, source);
  }
  const local = new Set<string>();
  const free = new Set<string>();
  const newGlobals = new Set(globals);
  for (const [name, flags] of s.flags) {
    let scope: number;
    if (flags & DEF_GLOBAL) {
      scope = GLOBAL_EXPLICIT;
      newGlobals.add(name);
    } else if (flags & DEF_NONLOCAL) {
      if (!bound.has(name)) {
        const site = nonlocalSites.get(s)?.find(([n]) => n === name)?.[1] ?? null;
        throw syntaxErrorAt(`no binding for nonlocal '${name}' found`, site, filename, source);
      }
      scope = FREE;
      free.add(name);
    } else if (flags & DEF_BOUND) {
      scope = LOCAL;
      local.add(name);
      newGlobals.delete(name);
    } else if (bound.has(name)) {
      scope = FREE;
      free.add(name);
    } else scope = GLOBAL_IMPLICIT;
    s.scopes.set(name, scope);
  }

  // Names visible as enclosing bindings to children.
  const newBound = new Set(bound);
  if (s.kind === "function") { for (const n of local) newBound.add(n); }
  if (s.kind === "module") newBound.clear();
  if (s.kind === "class") newBound.add("__class__");
  return { s, bound, newBound, newGlobals, free, childFree: new Set(), next: 0 };
}

/** Settles a scope's cells and free names once its children are resolved; returns its free names. */
function leaveBlock(v: Visit): Set<string> {
  const { s, bound, free, childFree } = v;
  if (s.kind === "class" && childFree.has("__class__")) {
    s.needsClassClosure = true;
    childFree.delete("__class__");
  }
  for (const name of childFree) {
    const cur = s.scopes.get(name);
    if (s.kind === "function" && cur === LOCAL) {
      s.scopes.set(name, CELL);
      continue;
    }
    if (s.kind === "class" && cur !== undefined && cur !== GLOBAL_IMPLICIT && cur !== FREE) {
      // A class binds the name and also passes an enclosing function's binding through.
      if (bound.has(name)) {
        s.flags.set(name, (s.flags.get(name) ?? 0) | DEF_FREE_CLASS);
        free.add(name);
      }
      continue;
    }
    if (cur === GLOBAL_EXPLICIT) continue;
    if (bound.has(name)) {
      if (cur === undefined || cur === GLOBAL_IMPLICIT) s.scopes.set(name, FREE);
      free.add(name);
    }
  }
  return free;
}
