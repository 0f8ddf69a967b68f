/**
 * Running a program: source text → exit status, with the program's output on stdout/stderr.
 *
 * parse → compile → run `__main__` on the active tier; an uncaught exception prints CPython's
 * traceback on stderr and gives 1; SystemExit gives its code (None → 0, int → it, anything else
 * printed to stderr → 1); a SyntaxError is printed as CPython prints it and gives 1. Program
 * stdout is buffered (objects/stdio.ts) and flushed at exit and before anything goes to stderr.
 *
 * @example
 * ```ts
 * import { runProgram } from "./run.ts";
 * const status = runProgram("print('hi')\n", {
 *   filename: "<string>", argv: ["-c"], tier: "jit", stats: false, dumpTraces: false,
 * });
 * ```
 * @module
 */
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import type { PyCode } from "../objects/code.ts";
import { formatSyntaxError, PySyntaxError } from "../lexer/syntax_error.ts";
import { threadState } from "../vm/frame.ts";
import { runCode } from "../vm/function.ts";
import { addModule, connectImportSystem, setBuiltinModuleSpec, setModuleRegistry } from "../vm/import.ts";
import { builtinImporterType, newSourceFileLoader } from "../vm/loaders.ts";
import { findModuleToRun, type ModuleToRun, RunModuleError } from "../vm/run_module.ts";
import { interpTier } from "../vm/interp.ts";
import { specializedTier } from "../specializer/tier.ts";
import { toPyException } from "../vm/errors.ts";
import { Exc, None, PyBaseException, PyDict, PyList, PyModule, typeOf } from "../objects/object.ts";
import { call, repr, str } from "../objects/ops.ts";
import { currentTier, setCurrentTier, type Tier } from "../vm/tier.ts";
import { formatException } from "../vm/traceback.ts";
import { newBuiltinsModule } from "../lib/builtins.ts";
import { makeSysModule, originalExcepthook } from "../lib/modules/sys.ts";
import { flushStdout, readStdinAll, readStdinLine, writeStderr } from "../objects/stdio.ts";
import { STDLIB_REGISTRY } from "../lib/registry.ts";
import { readSourceFile } from "../vm/source_file.ts";

/** The execution tiers, lowest first: `--tier X` enables X and every tier below it. */
export const TIER_NAMES = ["interp", "specialized", "jit"] as const;

/** One of TIER_NAMES. */
export type TierName = typeof TIER_NAMES[number];

/** How to run a program. */
export interface RunOptions {
  /** The file name shown in tracebacks, e.g. `script.py` or `<string>`. */
  filename: string;
  /** `sys.argv`. */
  argv: string[];
  /** The highest tier to use. */
  tier: TierName;
  /** Print tier statistics to stderr at exit. */
  stats: boolean;
  /** Print every JIT trace (uops before and after optimization, machine code) to stderr. */
  dumpTraces: boolean;
  /**
   * `sys.path[0]`: by default the script's directory (symbolic links resolved), or "" (the current
   * directory) for `<string>`, `<stdin>` and other pseudo-files.
   */
  path0?: string;
  /** `sys.orig_argv`: the command line (default: "pyjit" and argv). */
  origArgv?: string[];
}

/**
 * The tiers, lowest first: `--tier X` runs X. A tier that is not built yet runs the highest built
 * tier below it (and `--stats` says which tiers are active).
 */
const TIERS: Record<TierName, Tier | null> = {
  interp: interpTier,
  specialized: specializedTier,
  jit: null,
};

/** The tier `--tier name` runs: `name`'s, or the highest built one below it. */
function pickTier(name: TierName): Tier {
  for (let i = TIER_NAMES.indexOf(name); i >= 0; i--) {
    const t = TIERS[TIER_NAMES[i]];
    if (t !== null) return t;
  }
  return interpTier;
}

let registryInstalled = false;

/** Installs the standard library's module registry into the import system (once per process). */
function installRegistry(): void {
  if (registryInstalled) return;
  registryInstalled = true;
  setModuleRegistry(STDLIB_REGISTRY);
}

/**
 * Runs a Python program and returns its exit status (0, 1 on an uncaught exception, or the
 * SystemExit code).
 * @example
 * ```ts
 * import { runProgram } from "./run.ts";
 * const status = runProgram("print('hi')\n", {
 *   filename: "<string>", argv: ["-c"], tier: "jit", stats: false, dumpTraces: false,
 * });
 * ```
 */
export function runProgram(source: string, options: RunOptions): number {
  // CPython names the main script by its absolute path (sys.argv keeps it as given).
  options = { ...options, filename: absoluteScriptPath(options.filename) };
  const { globals, builtins } = startRun(options);
  return finishRun(options, () => {
    let code: PyCode;
    try {
      const tree = parse(source, options.filename, "exec") as ast.mod;
      code = compileModule(tree, options.filename, source);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        flushStdout();
        writeStderr(formatSyntaxError(e));
        return 1;
      }
      throw e;
    }
    runCode(code, globals, globals, builtins.dict!);
    return 0;
  });
}

/** Sets up a run: the registry, the tier, fresh `sys`, `builtins` and `__main__`. */
function startRun(options: RunOptions): { globals: PyDict; builtins: PyModule } {
  installRegistry();
  const tier = pickTier(options.tier);
  setCurrentTier(tier);
  if (options.stats) tier.collectStats();
  return prepareMain(options);
}

/**
 * Runs `body` (the program) and turns what escapes it into the exit status: an uncaught exception
 * is printed (through sys.excepthook if the program replaced it); stdout is flushed; --stats.
 */
function finishRun(options: RunOptions, body: () => number): number {
  let status: number;
  try {
    status = body();
  } catch (e) {
    status = reportUncaught(e);
  } finally {
    try {
      flushStdout();
    } catch {
      // stdout closed: nothing more to do
    }
  }
  if (options.stats) writeStderr(statsText(currentTier));
  return status;
}

/**
 * `pyjit FILE ARGS…`: reads FILE (decoded as CPython decodes source), runs it as `__main__` and
 * returns the exit status; 2 with CPython's message when the file cannot be opened.
 * @example
 * ```ts
 * import { runFile } from "./run.ts";
 * // Deno.exit(runFile("script.py", [], { tier: "jit", stats: false, dumpTraces: false }));
 * ```
 */
export function runFile(
  path: string,
  args: string[],
  options: Omit<RunOptions, "filename" | "argv">,
): number {
  let source: string | null;
  try {
    source = readSourceFile(path, "script");
  } catch (e) {
    if (e instanceof PySyntaxError) {
      writeStderr(formatSyntaxError(e));
      return 1;
    }
    throw e;
  }
  if (source === null) {
    writeStderr(
      `pyjit: can't open file '${absoluteScriptPath(path)}': [Errno 2] No such file or directory\n`,
    );
    return 2;
  }
  return runProgram(source, { ...options, filename: path, argv: [path, ...args] });
}

/**
 * `pyjit -m NAME ARGS…`: finds the module on sys.path as CPython's runpy does (the current
 * directory first; parent packages imported; a package runs its `__main__` submodule) and runs it
 * as `__main__` with `sys.argv[0]` its file; the registry's TypeScript tools (`-m dis`, `-m ast`)
 * run their `main`. Returns the exit status (1 with CPython's message when there is nothing to run).
 * @example
 * ```ts
 * import { runModule } from "./run.ts";
 * // Deno.exit(runModule("dis", ["script.py"], { tier: "jit", stats: false, dumpTraces: false }));
 * ```
 */
export function runModule(
  name: string,
  args: string[],
  options: Omit<RunOptions, "filename" | "argv">,
): number {
  const cwd = Deno.cwd();
  const runOptions: RunOptions = {
    ...options,
    filename: "<run_path>",
    argv: ["-m", ...args],
    path0: options.path0 ?? cwd,
    origArgv: options.origArgv ?? ["pyjit", "-m", name, ...args],
  };
  const { globals, builtins } = startRun(runOptions);
  // A TypeScript tool of the registry runs outside the Python run (it reads its own arguments).
  let tool: ((args: string[]) => number) | null = null;
  const status = finishRun(runOptions, () => {
    let target: ModuleToRun;
    try {
      target = findModuleToRun(name);
    } catch (e) {
      if (!(e instanceof RunModuleError)) throw e;
      flushStdout();
      writeStderr(`pyjit: ${e.message}\n`);
      return 1;
    }
    if (target.kind === "tool") {
      tool = target.main;
      return 0;
    }
    const sysArgv = currentSys?.dict?.getStr("argv");
    if (sysArgv instanceof PyList && sysArgv.items.length > 0) sysArgv.items[0] = target.argv0;
    for (const [k, v] of target.globals) globals.setStr(k, v);
    runCode(target.code, globals, globals, builtins.dict!);
    return 0;
  });
  const main = tool as ((args: string[]) => number) | null;
  return main !== null ? main(args) : status;
}

/** The running program's sys module. */
let currentSys: PyModule | null = null;

/** Fresh `sys` and `__main__` for a run; returns `__main__`'s globals and the builtins module. */
function prepareMain(options: RunOptions): { globals: PyDict; builtins: PyModule } {
  const pseudoFile = options.filename.startsWith("<");
  const path0 = options.path0 ?? (pseudoFile ? "" : scriptDirectory(options.filename));
  const sys = makeSysModule(options.argv, {
    path: [path0, ...pythonPathEntries()],
    origArgv: options.origArgv,
  });
  currentSys = sys;
  const builtins = newBuiltinsModule();
  connectImportSystem(sys, builtins);
  setBuiltinModuleSpec(sys);
  setBuiltinModuleSpec(builtins);
  addModule("sys", sys);
  addModule("builtins", builtins);
  const globals = new PyDict();
  globals.setStr("__name__", "__main__");
  globals.setStr("__doc__", None);
  globals.setStr("__package__", None);
  globals.setStr(
    "__loader__",
    pseudoFile ? builtinImporterType : newSourceFileLoader("__main__", options.filename),
  );
  globals.setStr("__spec__", None);
  globals.setStr("__annotations__", new PyDict());
  globals.setStr("__builtins__", builtins);
  if (!pseudoFile) {
    globals.setStr("__file__", options.filename);
    globals.setStr("__cached__", None);
  }
  const main = new PyModule("__main__", globals);
  addModule("__main__", main);
  threadState.depth = 0;
  threadState.frame = null;
  threadState.excInfo = None;
  return { globals, builtins };
}

/** The directory of the script (symbolic links resolved, as CPython's sys.path[0]). */
function scriptDirectory(filename: string): string {
  let path = filename;
  try {
    path = Deno.realPathSync(filename);
  } catch {
    // not readable: its name as given
  }
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

/**
 * PYTHONPATH's entries, each made absolute (an empty one is the current directory), when the
 * program may read the environment (asked without prompting).
 */
function pythonPathEntries(): string[] {
  let value: string | undefined;
  try {
    if (Deno.permissions.querySync({ name: "env", variable: "PYTHONPATH" }).state !== "granted") return [];
    value = Deno.env.get("PYTHONPATH");
  } catch {
    return [];
  }
  if (value === undefined || value === "") return [];
  const cwd = Deno.cwd();
  return value.split(":").map((p) => (p === "" ? cwd : p.startsWith("/") ? p : `${cwd}/${p}`));
}

/**
 * `pyjit` without a program: with stdin not a terminal, stdin is the program (as CPython does);
 * otherwise an interactive session: `>>> ` / `... ` prompts, each complete statement compiled in
 * `single` mode (expression values shown) and run in one `__main__`, tracebacks printed, EOF or
 * SystemExit ends it.
 * @example
 * ```ts
 * import { runInteractive } from "./run.ts";
 * // Deno.exit(runInteractive({ filename: "<stdin>", argv: [""], tier: "jit", stats: false, dumpTraces: false }));
 * ```
 */
export function runInteractive(options: RunOptions): number {
  if (!Deno.stdin.isTerminal()) return runProgram(readStdinAll(), { ...options, filename: "<stdin>" });
  const { globals, builtins } = startRun({ ...options, filename: "<stdin>" });
  writeStderr(
    `Python 3.11.7 (pyjit) on linux\nType "help", "copyright", "credits" or "license" for more information.\n`,
  );
  let buffer = "";
  for (;;) {
    writeStderr(buffer === "" ? ">>> " : "... ");
    const line = readStdinLine();
    if (line === "") {
      writeStderr("\n");
      return 0;
    }
    buffer += line.endsWith("\n") ? line : line + "\n";
    if (needsMoreInput(buffer, line)) continue;
    const source = buffer;
    buffer = "";
    if (source.trim() === "") continue;
    let code: PyCode;
    try {
      code = compileModule(parse(source, "<stdin>", "single") as ast.mod, "<stdin>", source);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        writeStderr(formatSyntaxError(e));
        continue;
      }
      throw e;
    }
    threadState.depth = 0;
    threadState.frame = null;
    threadState.excInfo = None;
    try {
      runCode(code, globals, globals, builtins.dict!);
    } catch (e) {
      const exc = toPyException(e);
      if (exc.cls.isSubtypeOf(Exc.SystemExit)) {
        flushStdout();
        return systemExitStatus(exc);
      }
      printException(exc);
    }
    flushStdout();
  }
}

/** Whether an interactive statement continues on the next line (a block, open brackets, `\\`). */
function needsMoreInput(buffer: string, line: string): boolean {
  const blank = line.trim() === "";
  const first = buffer.split("\n")[0].trimEnd();
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (buffer.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
    } else if (c === "#") {
      while (i < buffer.length && buffer[i] !== "\n") i++;
    } else if (c === "'" || c === '"') {
      quote = buffer.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      if (quote.length === 3) i += 2;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
  }
  if (depth > 0 || (quote !== null && quote.length === 3) || line.trimEnd().endsWith("\\")) return true;
  // A compound statement ends with an empty line.
  if (first.endsWith(":") || first.startsWith("@") || buffer.split("\n").length > 2) return !blank;
  return false;
}

/** A script's name made absolute as CPython makes `__file__` (joined to the cwd, not normalized). */
function absoluteScriptPath(name: string): string {
  if (name.startsWith("<") || name.startsWith("/")) return name;
  return `${Deno.cwd()}/${name}`;
}

function statsText(tier: Tier): string {
  const active = TIER_NAMES.filter((n) => TIER_NAMES.indexOf(n) <= TIER_NAMES.indexOf(tier.name as TierName));
  const lines = [`tiers active: ${active.join(", ")}`, ...tier.stats()];
  return lines.map((l) => `[pyjit] ${l}`).join("\n") + "\n";
}

/** Prints an uncaught exception (or handles SystemExit) and returns the exit status. */
function reportUncaught(e: unknown): number {
  const exc = toPyException(e);
  if (exc.cls.isSubtypeOf(Exc.SystemExit)) return systemExitStatus(exc);
  printException(exc);
  return 1;
}

/** Prints an exception as CPython does: through `sys.excepthook` when the program replaced it. */
function printException(exc: PyBaseException): void {
  const hook = currentSys?.dict?.getStr("excepthook");
  if (hook !== undefined && hook !== originalExcepthook()) {
    try {
      flushStdout();
      call(hook, [exc.cls, exc, exc.traceback]);
      return;
    } catch (inner) {
      writeStderr(
        "Error in sys.excepthook:\n" + safeFormat(toPyException(inner)) + "\nOriginal exception was:\n",
      );
    }
  }
  writeStderr(safeFormat(exc));
}

function safeFormat(exc: PyBaseException): string {
  try {
    return formatException(exc);
  } catch (inner) {
    return `${typeOf(exc).name}: <unprintable: ${
      inner instanceof PyBaseException ? typeOf(inner).name : inner
    }>\n`;
  }
}

function systemExitStatus(exc: PyBaseException): number {
  const code = exc.value;
  if (code === None) return 0;
  if (typeof code === "number") return code & 0xff;
  if (typeof code === "boolean") return code ? 1 : 0;
  if (typeof code === "bigint") return Number(BigInt.asUintN(8, code));
  let text: string;
  try {
    text = str(code);
  } catch {
    text = repr(code);
  }
  writeStderr(text + "\n");
  return 1;
}
