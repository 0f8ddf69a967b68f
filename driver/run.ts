/**
 * Running a program: source text (a string, a file, a module found on sys.path, or stdin) → exit
 * status, with the program's output on stdout/stderr.
 *
 * parse → compile → run `__main__` in a fresh session (driver/session.ts) on the chosen tier; an
 * uncaught exception prints CPython's traceback on stderr and gives 1 (KeyboardInterrupt: 130);
 * SystemExit gives its code (None → 0, an int → its low byte, an int beyond C's long → 255,
 * anything else printed to stderr → 1); a SyntaxError is printed as CPython prints it and gives 1.
 * Program stdout is buffered (objects/stdio.ts) and flushed at exit and before anything goes to
 * stderr. With `inspect` (`-i`), the interactive session (driver/repl.ts) follows the program in
 * the same `__main__`, whatever the program did.
 *
 * @example
 * ```ts
import { runProgram } from "./run.ts";
 * const status = runProgram("print('hi')\n", { filename: "<string>", argv: ["-c"], tier: "jit" });
 * ```
 * @module
 */
import { dumpTraces, enablePerfMap, setJitBackend } from "../jit/tier.ts";
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import type { PyCode } from "../objects/code.ts";
import { formatSyntaxError, PySyntaxError } from "../lexer/syntax_error.ts";
import { runCode } from "../vm/function.ts";
import { findModuleToRun, type ModuleToRun, RunModuleError } from "../vm/run_module.ts";
import { toPyException } from "../vm/errors.ts";
import { Exc, None, PyBaseException, PyList, type PyValue, typeOf } from "../objects/object.ts";
import { call, repr, str } from "../objects/ops.ts";
import type { Tier } from "../vm/tier.ts";
import { formatException } from "../vm/traceback.ts";
import { originalExcepthook } from "../lib/modules/sys.ts";
import { flushAtExit, flushStdout, readStdinAll, writeStderr } from "../objects/stdio.ts";
import { readSourceFile, scriptDirectoryOf } from "../vm/source_file.ts";
import { newSession, type PythonFlags, type Session, TIER_NAMES, type TierName } from "./session.ts";
import { runRepl } from "./repl.ts";
import { permissionGranted } from "../objects/permissions.ts";

export { TIER_NAMES } from "./session.ts";
export type { PythonFlags, TierName } from "./session.ts";

/**
 * How to run a program.
 *
 * @example
 * ```ts
 * import { type RunOptions, runProgram } from "@pyjit/core";
 * const options: RunOptions = { filename: "<string>", argv: ["-c", "x"], tier: "interp" };
 * runProgram("import sys\nprint(sys.argv)\n", options); // prints ['-c', 'x']
 * ```
 */
export interface RunOptions {
  /** The file name shown in tracebacks, e.g. `script.py` or `<string>`. */
  filename: string;
  /** `sys.argv`. */
  argv: string[];
  /** The highest tier to use. */
  tier: TierName;
  /** Print tier statistics to stderr at exit. */
  stats?: boolean;
  /** Print every JIT trace (uops before and after optimization, machine code) to stderr. */
  dumpTraces?: boolean;
  /** Name native traces for Linux perf in /tmp/perf-PID.map (`--perf`). */
  perfMap?: boolean;
  /**
   * `sys.path[0]`: by default the script's directory (symbolic links resolved), or "" (the current
   * directory) for `<string>`, `<stdin>` and other pseudo-files; null: none (`-P`, `-I`).
   */
  path0?: string | null;
  /** `sys.orig_argv`: the command line (default: "pyjit" and argv). */
  origArgv?: string[];
  /** `sys.flags` that differ from CPython's defaults (`-O`, `-E`, `-q`, `-i`…). */
  flags?: PythonFlags;
  /** `sys.warnoptions` (`-W`). */
  warnOptions?: string[];
  /** `sys._xoptions` (`-X`): a value, or true for an option without one. */
  xOptions?: [string, string | true][];
  /** `-x`: the script's first line is skipped (line numbers stay as in the file). */
  skipFirstLine?: boolean;
  /** `--jit-backend`: the JIT tier's code generator (native where a loop lowers, else JavaScript). */
  jitBackend?: "js" | "native" | "auto";
}

/**
 * Runs a Python program as `__main__` of a fresh interpreter, with the process's streams, and
 * returns its exit status (0, 1 on an uncaught exception, 130 on an uncaught KeyboardInterrupt,
 * or the SystemExit code).
 *
 * @example
 * ```ts
 * import { runProgram } from "@pyjit/core";
 * const status = runProgram("print('hi')\n", { filename: "<string>", argv: ["-c"], tier: "jit" });
 * console.log(status); // 0
 * ```
 */
export function runProgram(source: string, options: RunOptions): number {
  // CPython names the main script by its absolute path (sys.argv keeps it as given).
  options = { ...options, filename: absoluteScriptPath(options.filename) };
  return inSession(options, (session) => runSource(session, source, options.filename));
}

/** What a command line runs. */
export type Program =
  | { kind: "code"; code: string }
  | { kind: "module"; name: string }
  | { kind: "file"; path: string }
  | { kind: "stdin" }
  | { kind: "repl" };

/**
 * Runs what a command line asked for in one session: the program (`argv` is its sys.argv), then,
 * with `flags.inspect` (`-i`) or no program, the interactive session. Returns the exit status.
 */
export function runCommand(program: Program, options: RunOptions): number {
  const inspect = !!options.flags?.inspect || program.kind === "repl";
  let runOptions = options;
  if (program.kind === "file") {
    // A directory (or zip-less package dir) runs its __main__.py, as CPython does.
    const dir = scriptDirectoryOf(program.path);
    if (dir !== null) {
      if (!dir.hasMain) {
        writeStderr(`pyjit: ${dir.missingMessage}\n`);
        return 1;
      }
      return runCommand({ kind: "file", path: `${dir.dir}/__main__.py` }, { ...options, path0: dir.dir });
    }
    let source = readScript(program.path);
    if (typeof source === "number") return source;
    if (options.skipFirstLine) source = source.slice(Math.max(0, source.indexOf("\n")));
    runOptions = { ...options, filename: absoluteScriptPath(program.path) };
    return inSession(runOptions, (session) => {
      const status = runSource(session, source, runOptions.filename, inspect);
      return inspect ? runRepl(session, { banner: false }) : status;
    });
  }
  if (program.kind === "module") {
    runOptions = moduleRunOptions(program.name, options.argv.slice(1), options);
    let tool: ((args: string[]) => number) | null = null;
    const status = inSession(runOptions, (session) => {
      const result = runModuleIn(session, program.name, inspect);
      if (typeof result === "function") {
        tool = result;
        return 0;
      }
      return inspect ? runRepl(session, { banner: false }) : result;
    });
    const main = tool as ((args: string[]) => number) | null;
    return main !== null ? main(options.argv.slice(1)) : status;
  }
  return inSession(runOptions, (session) => {
    if (program.kind === "repl") return runRepl(session, { banner: !options.flags?.quiet });
    const source = program.kind === "code" ? program.code : readStdinAll();
    const status = runSource(session, source, runOptions.filename, inspect);
    return inspect ? runRepl(session, { banner: false }) : status;
  });
}

/** A script's text, or the exit status 2 with CPython's message (or 1 for a bad encoding). */
function readScript(path: string): string | number {
  const shown = absoluteScriptPath(path);
  if (!permissionGranted({ name: "read", path })) {
    writeStderr(
      `pyjit: can't open file '${shown}': [Errno 13] Permission denied (pyjit runs without --allow-read)\n`,
    );
    return 2;
  }
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
    writeStderr(`pyjit: can't open file '${shown}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return source;
}

function moduleRunOptions(
  name: string,
  args: string[],
  options: Omit<RunOptions, "filename" | "argv">,
): RunOptions {
  return {
    ...options,
    filename: "<run_path>",
    argv: ["-m", ...args],
    path0: options.path0 === undefined ? currentDirectory() : options.path0,
    origArgv: options.origArgv ?? ["pyjit", "-m", name, ...args],
  };
}

/**
 * Makes the session for `options`, runs `body` in it and turns what escapes into the exit
 * status: an uncaught exception is printed (through sys.excepthook if the program replaced it);
 * open files and stdout are flushed; --stats. The session is left afterwards.
 */
function inSession(options: RunOptions, body: (session: Session) => number): number {
  const session = sessionFor(options);
  const token = session.enter();
  if (options.stats) session.tier.collectStats();
  dumpTraces(options.dumpTraces === true);
  enablePerfMap(options.perfMap === true);
  setJitBackend(options.jitBackend ?? "auto");
  let status: number;
  try {
    try {
      status = body(session);
    } catch (e) {
      status = reportUncaught(session, e);
    } finally {
      // A failed flush of stdout at exit is reported ("Exception ignored …") and gives 120.
      if (!flushAtExit()) status = 120;
    }
    if (options.stats) writeStderr(statsText(session.tier));
  } finally {
    session.exit(token);
  }
  return status;
}

/** A fresh session for a program run with `options`. */
function sessionFor(options: RunOptions): Session {
  const pseudoFile = options.filename.startsWith("<");
  const safePath = !!options.flags?.safePath;
  const path0 = options.path0 !== undefined
    ? options.path0
    : safePath
    ? null
    : pseudoFile
    ? ""
    : scriptDirectory(options.filename);
  const ignoreEnvironment = !!options.flags?.ignoreEnvironment;
  return newSession({
    argv: options.argv,
    tier: options.tier,
    filename: options.filename,
    path: [...(path0 === null ? [] : [path0]), ...(ignoreEnvironment ? [] : pythonPathEntries())],
    origArgv: options.origArgv ?? ["pyjit", ...options.argv],
    flags: options.flags,
    warnOptions: options.warnOptions,
    xOptions: options.xOptions,
  });
}

/**
 * Compiles and runs `source` as `__main__` of the active session; the exit status. In inspect
 * mode (`-i`) even SystemExit is printed as a traceback, since the interactive session follows.
 */
function runSource(session: Session, source: string, filename: string, inspect = false): number {
  let code: PyCode;
  try {
    const tree = parse(source, filename, "exec") as ast.mod;
    code = compileModule(tree, filename, source);
  } catch (e) {
    if (e instanceof PySyntaxError) {
      flushStdout();
      writeStderr(formatSyntaxError(e));
      return 1;
    }
    throw e;
  }
  try {
    runCode(code, session.globals, session.globals, session.builtins.dict!);
  } catch (e) {
    if (!inspect) throw e;
    printException(session, toPyException(e));
    return 1;
  }
  return 0;
}

/** `-m NAME` in the active session: the exit status, or the registry tool to run after it. */
function runModuleIn(session: Session, name: string, inspect = false): number | ((args: string[]) => number) {
  let target: ModuleToRun;
  try {
    target = findModuleToRun(name);
  } catch (e) {
    if (!(e instanceof RunModuleError)) throw e;
    flushStdout();
    writeStderr(`pyjit: ${e.message}\n`);
    return 1;
  }
  if (target.kind === "tool") return target.main;
  const sysArgv = session.sys.dict!.getStr("argv");
  if (sysArgv instanceof PyList && sysArgv.items.length > 0) sysArgv.items[0] = target.argv0;
  for (const [k, v] of target.globals) session.globals.setStr(k, v);
  try {
    runCode(target.code, session.globals, session.globals, session.builtins.dict!);
  } catch (e) {
    if (!inspect) throw e;
    printException(session, toPyException(e));
    return 1;
  }
  return 0;
}

/** The process's current directory, or "" when Deno may not tell it (no read access). */
function currentDirectory(): string {
  try {
    return Deno.cwd();
  } catch {
    return "";
  }
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
  const cwd = currentDirectory();
  return value.split(":").map((p) => (p === "" ? cwd : p.startsWith("/") ? p : `${cwd}/${p}`));
}

/** A script's name made absolute as CPython makes `__file__` (joined to the cwd, not normalized). */
function absoluteScriptPath(name: string): string {
  if (name.startsWith("<") || name.startsWith("/")) return name;
  const cwd = currentDirectory();
  return cwd === "" ? name : `${cwd}/${name}`;
}

function statsText(tier: Tier): string {
  const active = TIER_NAMES.filter((n) => TIER_NAMES.indexOf(n) <= TIER_NAMES.indexOf(tier.name as TierName));
  const lines = [`tiers active: ${active.join(", ")}`, ...tier.stats()];
  return lines.map((l) => `[pyjit] ${l}`).join("\n") + "\n";
}

/** The exit status of an uncaught KeyboardInterrupt (a shell's status for a process SIGINT ended). */
export const KEYBOARD_INTERRUPT_STATUS = 130;

/** What the last program run left uncaught (the command line ends by SIGINT after a KeyboardInterrupt). */
export const uncaught: { keyboardInterrupt: boolean } = { keyboardInterrupt: false };

/** Prints an uncaught exception (or handles SystemExit) and returns the exit status. */
export function reportUncaught(session: Session, e: unknown): number {
  const exc = toPyException(e);
  if (exc.cls.isSubtypeOf(Exc.SystemExit)) return systemExitStatus(exc);
  printException(session, exc);
  uncaught.keyboardInterrupt = exc.cls.isSubtypeOf(Exc.KeyboardInterrupt);
  return uncaught.keyboardInterrupt ? KEYBOARD_INTERRUPT_STATUS : 1;
}

/** Prints an exception as CPython does: through `sys.excepthook` when the program replaced it. */
export function printException(session: Session, exc: PyBaseException): void {
  const hook = session.sys.dict?.getStr("excepthook");
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

/** C's `long` range: a SystemExit code beyond it makes CPython exit with 255 (-1). */
const C_LONG_MIN = -(2n ** 63n), C_LONG_MAX = 2n ** 63n - 1n;

/** The exit status of a SystemExit: its code's low byte as C's exit() takes it, or 1 after printing it. */
export function systemExitStatus(exc: PyBaseException): number {
  const code: PyValue = exc.value;
  if (code === None) return 0;
  if (typeof code === "number") return code & 0xff;
  if (typeof code === "boolean") return code ? 1 : 0;
  if (typeof code === "bigint") {
    return code < C_LONG_MIN || code > C_LONG_MAX ? 255 : Number(BigInt.asUintN(8, code));
  }
  let text: string;
  try {
    text = str(code);
  } catch {
    text = repr(code);
  }
  writeStderr(text + "\n");
  return 1;
}
