/**
 * Embedding Python in a TypeScript program: `createRuntime(options)` → a PythonRuntime whose
 * verbs are Pyodide's (same meaning): `runPython`, `runPythonAsync`, `globals`, `pyimport`,
 * `registerJsModule`, `toPy`. Values cross as driver/ffi.ts converts them.
 *
 * Each runtime is a session (driver/session.ts): its own `sys`, `builtins`, `__main__`, module
 * cache, streams and limits; it becomes the process's state for the time of each call into
 * Python, so runtimes in one process are independent (and may call each other). Options: the tier,
 * `sys.argv` and `sys.path`, where output goes and input comes from, which modules code may
 * import (a policy on names, not a sandbox: the sandbox is Deno's permissions, which every file,
 * environment or network access goes through without prompting, a refusal being a Python
 * PermissionError), a time or loop-step budget per call (exceeded: KeyboardInterrupt in the
 * running code), the recursion limit, and whether `import js` reaches `globalThis`.
 *
 * @example
 * ```ts
 * import { createRuntime } from "@pyjit/core";
 * const py = createRuntime();
 * console.log(py.runPython("sum(range(10))")); // 45
 * ```
 * @module
 */
// Values out of Python are typed `any`, as Pyodide types them: their type is Python's to decide.
// deno-lint-ignore-file no-explicit-any
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { NODE_FIELDS } from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import { tokenize } from "../lexer/lexer.ts";
import { TokenKind } from "../lexer/token.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";
import type { PyCode } from "../objects/code.ts";
import {
  Exc,
  newException,
  None,
  PyBuiltinFunction,
  PyDict,
  PyList,
  PyModule,
  type PyValue,
  raise,
} from "../objects/object.ts";
import { call, isExceptionOf, strValueOf } from "../objects/ops.ts";
import type { ModuleDefinition, ModuleRegistry } from "../vm/import_state.ts";
import { importModuleByName } from "../vm/import.ts";
import { runCode } from "../vm/function.ts";
import { PyCoroutine } from "../vm/generator.ts";
import { interruptState } from "../vm/interrupts.ts";
import { importState } from "../vm/import_state.ts";
import { newStdStreams } from "../lib/modules/io.ts";
import { STDLIB_REGISTRY } from "../lib/registry.ts";
import {
  awaitedPromise,
  Bridge,
  jsCallableType,
  jsExceptionType,
  jsPromiseType,
  jsProxyType,
  pyObjectOf,
  type PyProxy,
} from "./ffi.ts";
import { newSession, type Session, type TierName } from "./session.ts";

/**
 * Which modules the runtime's code may import by name.
 *
 * @example
 * ```ts
 * import { createRuntime, type ModulePolicy } from "@pyjit/core";
 * const modules: ModulePolicy = { allow: ["math", "json"] };
 * const py = createRuntime({ modules });
 * py.runPython("import math"); // fine; `import os` raises ModuleNotFoundError
 * ```
 */
export interface ModulePolicy {
  /** Only these modules (and their submodules) may be imported; every other import fails. */
  allow?: string[];
  /** These modules (and their submodules) may not be imported. */
  deny?: string[];
}

/**
 * How a runtime is set up. Every field is optional.
 *
 * @example
 * ```ts
 * import { createRuntime, type RuntimeOptions } from "@pyjit/core";
 * const options: RuntimeOptions = { stdout: (text) => console.log(text.trimEnd()), timeLimitMs: 1000 };
 * createRuntime(options).runPython("print('bounded')");
 * ```
 */
export interface RuntimeOptions {
  /** The highest execution tier (default `"jit"`; the tiers not built yet fall back). */
  tier?: TierName;
  /** `sys.argv` (default `[""]`). */
  argv?: string[];
  /** `sys.path`'s directories before the standard library (default none: no imports from files). */
  path?: string[];
  /**
   * Receives what Python writes to stdout, as text: a line at a time (more when lines are written
   * together), and what is left when each call into Python returns (default: the process's stdout).
   */
  stdout?: (text: string) => void;
  /** Receives what Python writes to stderr, as text (default: the process's stderr). */
  stderr?: (text: string) => void;
  /**
   * Called when Python reads stdin and has nothing left: returns more text (a line, or more), or
   * null/undefined/"" for the end of input (default: the process's stdin).
   */
  stdin?: () => string | null | undefined;
  /**
   * Which modules the code may import: an allow-list or a deny-list. A module of the standard
   * library may still import what it needs; a refused import raises ModuleNotFoundError.
   */
  modules?: ModulePolicy;
  /** Each call into Python may run this long (milliseconds) before KeyboardInterrupt stops it. */
  timeLimitMs?: number;
  /** Each call into Python may run this many loop iterations (counted in steps of 1024). */
  stepLimit?: number;
  /** `sys.getrecursionlimit()` (default 1000). */
  recursionLimit?: number;
  /** Whether `import js` gives Python the global scope (default true). */
  jsGlobals?: boolean;
  /** Convert dicts to plain objects rather than `Map`s (default false). */
  dictsAsObjects?: boolean;
}

/**
 * Options of one `runPython` call.
 *
 * @example
 * ```ts
 * import { createRuntime, type RunPythonOptions } from "@pyjit/core";
 * const py = createRuntime();
 * const scope = py.toPy(new Map()) as RunPythonOptions["globals"];
 * py.runPython("y = 3", { globals: scope, filename: "<config>" });
 * console.log(scope!.get("y")); // 3
 * ```
 */
export interface RunPythonOptions {
  /** The file name tracebacks show (default `"<exec>"`). */
  filename?: string;
  /** The namespace to run in: a PyProxy of a dict (default: `__main__`'s, `runtime.globals`). */
  globals?: PyProxy;
}

/** Time and steps one call (or one `runPythonAsync`, over its steps) has used. */
interface Budget {
  usedMs: number;
  usedSteps: number;
}

/**
 * Creates a Python runtime: its own `__main__`, modules and streams (see RuntimeOptions).
 *
 * @example
 * ```ts
 * import { createRuntime } from "@pyjit/core";
 * let out = "";
 * const py = createRuntime({ stdout: (text) => (out += text) });
 * py.runPython("print('hi')");
 * console.log(out); // "hi\n"
 * ```
 */
export function createRuntime(options: RuntimeOptions = {}): PythonRuntime {
  return new PythonRuntime(options);
}

/**
 * A Python interpreter embedded in this program (make one with `createRuntime`).
 *
 * @example
 * ```ts
 * import { createRuntime } from "@pyjit/core";
 * const py = createRuntime();
 * py.globals.set("n", 5);
 * console.log(py.runPython("n * 2")); // 10
 * ```
 */
export class PythonRuntime {
  /** `__main__`'s namespace, where runPython runs: `globals.get(name)`, `globals.set(name, value)`. */
  readonly globals: PyProxy;
  #session: Session;
  #bridge: Bridge;
  #options: RuntimeOptions;
  #jsModules = new Map<string, ModuleDefinition>();
  #depth = 0;
  #budget: Budget | null = null;

  /** A runtime set up as `options` say (createRuntime is the usual way). */
  constructor(options: RuntimeOptions = {}) {
    this.#options = options;
    this.#bridge = new Bridge(
      {
        within: (body) => this.#within(body, null),
        driveCoroutine: (coroutine) => this.#drive(coroutine, { usedMs: 0, usedSteps: 0 }),
      },
      { dictsAsObjects: !!options.dictsAsObjects },
    );
    this.#installFfiModules(options.jsGlobals !== false);
    const registry: ModuleRegistry = {
      find: (name) => this.#jsModules.get(name) ?? STDLIB_REGISTRY.find(name),
      builtinModuleNames: () => STDLIB_REGISTRY.builtinModuleNames(),
      allNames: () => [...STDLIB_REGISTRY.allNames(), ...this.#jsModules.keys()],
    };
    this.#session = newSession({
      argv: options.argv ?? [""],
      tier: options.tier ?? "jit",
      filename: "<exec>",
      path: options.path ?? [],
      registry,
      importAllowed: importPolicy(options.modules),
      recursionLimit: options.recursionLimit,
      stdio: {
        ...(options.stdout ? { stdoutSink: textSink(options.stdout) } : {}),
        ...(options.stderr ? { stderrSink: textSink(options.stderr) } : {}),
        ...(options.stdin ? { stdinSource: textSource(options.stdin) } : {}),
        // Line-buffered, as Pyodide's batched output: each line reaches the callback when written.
        buffering: "line",
        ownStreams: newStdStreams(),
      },
    });
    this.globals = this.#bridge.pyProxy(this.#session.globals);
  }

  /**
   * Runs Python source in `__main__` (or `options.globals`) and returns the value of its last
   * statement when that is an expression (not followed by `;`), converted to JavaScript.
   * A Python exception is thrown as a PythonError.
   *
   * @example
   * ```ts
   * import { createRuntime } from "@pyjit/core";
   * const py = createRuntime();
   * py.runPython("def add(a, b):\n    return a + b");
   * console.log(py.runPython("add(2, 3)")); // 5
   * ```
   */
  runPython(source: string, options: RunPythonOptions = {}): any {
    return this.#call(() => {
      const globals = this.#namespace(options.globals);
      const filename = options.filename ?? "<exec>";
      const { body, last } = compileSplit(source, filename);
      const builtins = this.#session.builtins.dict!;
      runCode(body, globals, globals, builtins);
      return last === null ? undefined : this.#bridge.toJs(runCode(last, globals, globals, builtins));
    });
  }

  /**
   * Runs Python source that may `await` at its top level (JavaScript promises, and Python
   * coroutines); resolves to the value of its last expression, converted.
   *
   * @example
   * ```ts
   * import { createRuntime } from "@pyjit/core";
   * const py = createRuntime();
   * py.registerJsModule("api", { later: (x: number) => Promise.resolve(x * 2) });
   * console.log(await py.runPythonAsync("import api\nawait api.later(21)")); // 42
   * ```
   */
  async runPythonAsync(source: string, options: RunPythonOptions = {}): Promise<any> {
    const budget: Budget = { usedMs: 0, usedSteps: 0 };
    const filename = options.filename ?? "<exec>";
    const started = this.#call(() => {
      const globals = this.#namespace(options.globals);
      const builtins = this.#session.builtins.dict!;
      const async = compileAsync(source, filename);
      if (async === null) {
        const { body, last } = compileSplit(source, filename);
        runCode(body, globals, globals, builtins);
        return last === null ? None : runCode(last, globals, globals, builtins);
      }
      runCode(async, globals, globals, builtins);
      const main = globals.getStr(ASYNC_MAIN)!;
      globals.delete(ASYNC_MAIN);
      return call(main, []);
    }, budget);
    if (started instanceof PyCoroutine) return await this.#drive(started, budget);
    return this.#call(() => this.#bridge.toJs(started), budget);
  }

  /**
   * Imports a Python module (as `importlib.import_module`) and returns it.
   *
   * @example
   * ```ts
   * import { createRuntime } from "@pyjit/core";
   * const math = createRuntime().pyimport("math");
   * console.log(math.sqrt(16)); // 4
   * ```
   */
  pyimport(name: string): PyProxy {
    return this.#call(() => this.#bridge.toJs(importModuleByName(name))) as PyProxy;
  }

  /**
   * Makes `module` importable from Python as `name`: its properties are the module's attributes
   * (read when Python reads them). A module of that name imported before is forgotten.
   *
   * @example
   * ```ts
   * import { createRuntime } from "@pyjit/core";
   * const py = createRuntime();
   * py.registerJsModule("greeter", { hello: (who: string) => `hello ${who}` });
   * console.log(py.runPython("from greeter import hello\nhello('py')")); // "hello py"
   * ```
   */
  registerJsModule(name: string, module: object): void {
    const bridge = this.#bridge;
    this.#jsModules.set(name, {
      kind: "native",
      name,
      beforeSysPath: true,
      make: () => jsModule(name, module, bridge),
    });
    this.#forget(name);
  }

  /**
   * Removes a module registered with registerJsModule (and forgets it if it was imported).
   *
   * @example
   * ```ts
   * import { createRuntime } from "@pyjit/core";
   * const py = createRuntime();
   * py.registerJsModule("tmp", { x: 1 });
   * py.unregisterJsModule("tmp");
   * ```
   */
  unregisterJsModule(name: string): void {
    this.#jsModules.delete(name);
    this.#forget(name);
  }

  /**
   * A JavaScript value as a Python object: containers become Python lists, dicts, sets (returned
   * as a PyProxy, so that Python and JavaScript share them); other values convert as usual.
   *
   * @example
   * ```ts
   * import { createRuntime } from "@pyjit/core";
   * const py = createRuntime();
   * const list = py.toPy([3, 1, 2]) as { sort(): void; toJs(): unknown };
   * list.sort();
   * console.log(list.toJs()); // [1, 2, 3]
   * ```
   */
  toPy(value: unknown): any {
    return this.#call(() => {
      const v = this.#bridge.toPy(value);
      return typeof v === "object" && v !== None ? this.#bridge.pyProxy(v) : this.#bridge.toJs(v);
    });
  }

  /** Drops `name` (and its submodules) from sys.modules. */
  #forget(name: string): void {
    this.#within(() => {
      const modules = importState.modules;
      for (const key of modules.keyList()) {
        const k = strValueOf(key);
        if (k !== undefined && (k === name || k.startsWith(`${name}.`))) modules.delete(key);
      }
    }, null);
  }

  /** The namespace a run uses: `__main__`'s, or the dict behind a PyProxy. */
  #namespace(globals: PyProxy | undefined): PyDict {
    if (globals === undefined) return this.#session.globals;
    const d = pyObjectOf(this.#bridge, globals);
    if (!(d instanceof PyDict)) raise(Exc.TypeError, "globals must be a PyProxy of a dict of this runtime");
    return d;
  }

  /** Runs `body` in the runtime (see #within), a Python exception thrown as a PythonError. */
  #call<T>(body: () => T, budget: Budget | null = null): T {
    try {
      return this.#within(body, budget);
    } catch (e) {
      throw this.#within(() => this.#bridge.pyErrorToJs(e), null);
    }
  }

  /**
   * Runs `body` with this runtime's state active. The outermost entry starts the budget of the
   * call (or continues `budget`, for the steps of one runPythonAsync).
   */
  #within<T>(body: () => T, budget: Budget | null): T {
    const token = this.#session.enter();
    const outermost = this.#depth === 0;
    this.#depth++;
    let started = 0;
    if (outermost) {
      this.#budget = budget ?? { usedMs: 0, usedSteps: 0 };
      started = performance.now();
      this.#startBudget(this.#budget, started);
    }
    try {
      return body();
    } finally {
      this.#depth--;
      if (outermost) {
        const b = this.#budget!;
        b.usedMs += performance.now() - started;
        const { stepLimit } = this.#options;
        if (stepLimit !== undefined) b.usedSteps = stepLimit - Math.max(0, interruptState.stepsLeft);
        this.#budget = null;
      }
      this.#session.exit(token);
    }
  }

  #startBudget(budget: Budget, now: number): void {
    const { timeLimitMs, stepLimit } = this.#options;
    interruptState.deadline = timeLimitMs === undefined ? Infinity : now + timeLimitMs - budget.usedMs;
    interruptState.stepsLeft = stepLimit === undefined ? Infinity : stepLimit - budget.usedSteps;
    interruptState.budgetMessage = timeLimitMs !== undefined
      ? `time limit of ${timeLimitMs} ms exceeded`
      : `step limit of ${stepLimit} loop iterations exceeded`;
  }

  /**
   * Drives a Python coroutine: each value it yields must be a JavaScript promise (awaited here,
   * its value or error sent back in); resolves to its return value, converted.
   */
  async #drive(coroutine: PyCoroutine, budget: Budget): Promise<unknown> {
    let send: unknown = undefined;
    let thrown: unknown = undefined;
    let failed = false;
    for (;;) {
      const step = this.#call(() => {
        let yielded: PyValue;
        try {
          if (failed) yielded = coroutine.throwInto(this.#bridge.jsErrorToPy(thrown));
          else yielded = coroutine.send(this.#bridge.toPy(send));
        } catch (e) {
          if (isExceptionOf(e, Exc.StopIteration)) return { done: true, value: this.#bridge.toJs(e.value) };
          throw e;
        }
        const promise = awaitedPromise(yielded);
        if (promise === null) {
          return {
            done: false,
            value: null,
            error: newException(Exc.RuntimeError, [
              "pyjit can await only JavaScript promises and Python coroutines (no event loop runs)",
            ]),
          };
        }
        return { done: false, value: promise };
      }, budget);
      if (step.done) return step.value;
      if ("error" in step) {
        failed = true;
        thrown = step.error;
        continue;
      }
      try {
        send = await (step.value as PromiseLike<unknown>);
        failed = false;
      } catch (e) {
        thrown = e;
        failed = true;
      }
    }
  }

  /** The `pyjit` package and its `ffi` module; `js` (the global scope) when asked for. */
  #installFfiModules(jsGlobals: boolean): void {
    const bridge = this.#bridge;
    this.#jsModules.set("pyjit", {
      kind: "native",
      name: "pyjit",
      beforeSysPath: true,
      make: () => {
        const m = new PyModule("pyjit");
        m.dict!.setStr("__doc__", "pyjit's Python-side modules (pyjit.ffi: JavaScript interoperability).");
        m.dict!.setStr("__path__", new PyList([]));
        return m;
      },
    });
    this.#jsModules.set("pyjit.ffi", {
      kind: "native",
      name: "pyjit.ffi",
      beforeSysPath: true,
      make: () => {
        const m = new PyModule("pyjit.ffi");
        const d = m.dict!;
        d.setStr("__doc__", "JavaScript objects in Python: JsProxy, JsException, to_js.");
        d.setStr("JsProxy", jsProxyType);
        d.setStr("JsCallable", jsCallableType);
        d.setStr("JsPromise", jsPromiseType);
        d.setStr("JsException", jsExceptionType);
        d.setStr(
          "to_js",
          new PyBuiltinFunction(
            "to_js",
            (args) => {
              if (args.length !== 1) {
                raise(Exc.TypeError, `to_js() takes exactly one argument (${args.length} given)`);
              }
              const converted = bridge.toJs(args[0]);
              return typeof converted === "object" && converted !== null
                ? bridge.proxyOf(converted)
                : bridge.toPy(converted);
            },
            null,
            "pyjit.ffi",
          ),
        );
        return m;
      },
    });
    if (jsGlobals) {
      this.#jsModules.set("js", {
        kind: "native",
        name: "js",
        beforeSysPath: true,
        make: () => jsModule("js", globalThis, bridge),
      });
    }
  }
}

/** The module name under which runPythonAsync's rewritten top level runs (not a Python name). */
const ASYNC_MAIN = "<module>";

/** A module over a JavaScript object: attributes read from it when Python asks for them. */
function jsModule(name: string, target: object, bridge: Bridge): PyModule {
  const m = new PyModule(name);
  const d = m.dict!;
  d.setStr("__doc__", None);
  const getattr = new PyBuiltinFunction(
    "__getattr__",
    (args) => {
      const attr = strValueOf(args[0]);
      if (attr === undefined) raise(Exc.TypeError, "attribute name must be string");
      const value = (target as Record<string, unknown>)[attr];
      if (value === undefined && !(attr in target)) {
        const e = newException(Exc.AttributeError, [`module '${name}' has no attribute '${attr}'`]);
        throw e;
      }
      return bridge.toPy(value, target);
    },
    null,
    name,
  );
  d.setStr("__getattr__", getattr);
  if (target !== globalThis) {
    d.setStr("__all__", new PyList(Object.keys(target).filter((k) => !k.startsWith("_"))));
  }
  return m;
}

/** The import policy of `modules`, as the import system asks it (null: everything allowed). */
function importPolicy(
  modules: ModulePolicy | undefined,
): ((name: string, importer: string | null) => boolean) | null {
  if (modules === undefined || (modules.allow === undefined && modules.deny === undefined)) return null;
  const covers = (list: string[], name: string) => list.some((m) => name === m || name.startsWith(`${m}.`));
  return (name, importer) => {
    // The host's own imports, and a standard-library module's, are not the code's.
    if (
      importer === null ||
      (importer !== "__main__" && STDLIB_REGISTRY.find(importer.split(".")[0]) !== undefined)
    ) {
      return true;
    }
    if (modules.deny !== undefined && covers(modules.deny, name)) return false;
    if (modules.allow !== undefined && !covers(modules.allow, name)) return false;
    return true;
  };
}

/** A byte sink that decodes UTF-8 text for `write`. */
function textSink(write: (text: string) => void): (bytes: Uint8Array) => void {
  const decoder = new TextDecoder();
  return (bytes) => {
    const text = decoder.decode(bytes, { stream: true });
    if (text !== "") write(text);
  };
}

/** A byte source over a function returning text (null, undefined or "" at the end of input). */
function textSource(read: () => string | null | undefined): (into: Uint8Array) => number {
  const encoder = new TextEncoder();
  let pending = new Uint8Array(0);
  let ended = false;
  return (into) => {
    while (pending.length === 0 && !ended) {
      const text = read();
      if (text === null || text === undefined || text === "") ended = true;
      else pending = encoder.encode(text);
    }
    const n = Math.min(into.length, pending.length);
    into.set(pending.subarray(0, n));
    pending = pending.subarray(n);
    return n;
  };
}

// ---------------------------------------------------------------------------------------------
// Compiling what runPython runs

/** Whether the source's last token is `;` (its last expression's value is then not returned). */
function endsWithSemicolon(source: string, filename: string): boolean {
  const tokens = tokenize(source, filename);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === TokenKind.NEWLINE || t.kind === TokenKind.DEDENT || t.kind === TokenKind.ENDMARKER) {
      continue;
    }
    return t.kind === TokenKind.OP && t.value === ";";
  }
  return false;
}

/** The module's code without a final expression statement, and that expression's code (or null). */
function compileSplit(source: string, filename: string): { body: PyCode; last: PyCode | null } {
  const tree = parse(source, filename, "exec") as ast.Module;
  const stmts = tree.body;
  const last = stmts[stmts.length - 1];
  if (last === undefined || last._type !== "Expr" || endsWithSemicolon(source, filename)) {
    return { body: compileModule(tree, filename, source), last: null };
  }
  const body = compileModule({ ...tree, body: stmts.slice(0, -1) }, filename, source);
  const expression: ast.Expression = { _type: "Expression", body: last.value };
  return { body, last: compileModule(expression, filename, source) };
}

/** SyntaxErrors that mean "this source awaits at its top level". */
const TOP_LEVEL_AWAIT_ERRORS = [
  "'await' outside function",
  "'async for' outside async function",
  "'async with' outside async function",
  "asynchronous comprehension outside of an asynchronous function",
];

/**
 * For source that awaits at its top level: code that defines `async def <module>()` holding the
 * source's statements (its names declared global, the last expression returned). Null when the
 * source compiles as it is.
 */
function compileAsync(source: string, filename: string): PyCode | null {
  const tree = parse(source, filename, "exec") as ast.Module;
  try {
    compileModule(tree, filename, source);
    return null;
  } catch (e) {
    if (!(e instanceof PySyntaxError) || !TOP_LEVEL_AWAIT_ERRORS.includes(e.msg)) throw e;
  }
  const stmts = [...tree.body];
  const first = stmts[0];
  const at = { lineno: first.lineno, col_offset: 0, end_lineno: first.lineno, end_col_offset: 0 };
  const last = stmts[stmts.length - 1];
  if (last._type === "Expr" && !endsWithSemicolon(source, filename)) {
    stmts[stmts.length - 1] = { ...positionsOf(last), _type: "Return", value: last.value };
  }
  const names = new Set<string>();
  for (const s of tree.body) collectBoundNames(s, names);
  if (names.size > 0) stmts.unshift({ ...at, _type: "Global", names: [...names] });
  const main: ast.AsyncFunctionDef = {
    ...at,
    _type: "AsyncFunctionDef",
    name: ASYNC_MAIN,
    args: {
      _type: "arguments",
      posonlyargs: [],
      args: [],
      vararg: null,
      kwonlyargs: [],
      kw_defaults: [],
      kwarg: null,
      defaults: [],
    },
    body: stmts,
    decorator_list: [],
    returns: null,
    type_comment: null,
    type_params: [],
  };
  return compileModule({ _type: "Module", body: [main], type_ignores: [] }, filename, source);
}

function positionsOf(node: ast.Located): ast.Located {
  return {
    lineno: node.lineno,
    col_offset: node.col_offset,
    end_lineno: node.end_lineno,
    end_col_offset: node.end_col_offset,
  };
}

/**
 * The names a top-level statement binds (assignments, imports, definitions, `for`/`with`/`except`
 * targets, match captures, `:=` anywhere outside nested functions and classes).
 */
function collectBoundNames(node: unknown, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectBoundNames(n, names);
    return;
  }
  if (typeof node !== "object" || node === null || !("_type" in node)) return;
  const n = node as { _type: string } & Record<string, unknown>;
  switch (n._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "ClassDef":
      names.add(n.name as string);
      return;
    case "Lambda":
      return;
    case "Name":
      if (n.ctx !== "Load") names.add(n.id as string);
      return;
    case "alias":
      if (n.name !== "*") names.add((n.asname as string | null) ?? (n.name as string).split(".")[0]);
      return;
    case "Global":
      for (const g of n.names as string[]) names.add(g);
      return;
    case "ExceptHandler":
    case "MatchAs":
    case "MatchStar":
      if (typeof n.name === "string") names.add(n.name);
      break;
    case "MatchMapping":
      if (typeof n.rest === "string") names.add(n.rest);
      break;
  }
  const fields = (NODE_FIELDS as Record<string, readonly string[]>)[n._type] ?? [];
  for (const f of fields) collectBoundNames(n[f], names);
}

export type { PyProxy, ToJsOptions } from "./ffi.ts";
export { PythonError } from "./ffi.ts";
export type { TierName } from "./session.ts";
