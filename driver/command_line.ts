/**
 * The `pyjit` command line, as CPython's: argv → what to run and how → exit status.
 *
 *   pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * CPython's option syntax, parsed by hand (no node:util, whose compatibility layer costs every
 * start a few milliseconds): short options combine (`-uq`), an option's argument may be attached
 * (`-Wdefault`, `-ccode`) or the next argument; `-c` and `-m` end the options (everything after
 * belongs to the program's sys.argv), as does the first argument that is not an option (the
 * script, or `-` for stdin) and `--`. CPython's options: -b -B -c -d -E -h -? -i -I -m -O -P -q -s
 * -S -u -v -V -W -x -X (-J is reserved), --help, --version, --check-hash-based-pycs. pyjit's own
 * long options: --tier, --jit-backend, --jit-param (repeatable; also PYJIT_PARAMS), --stats,
 * --dump-traces. A usage error prints CPython's message and exits 2.
 *
 * The environment (unless -E or -I): PYTHONUNBUFFERED, PYTHONINSPECT, PYTHONOPTIMIZE,
 * PYTHONSAFEPATH, PYTHONWARNINGS, PYTHONDEVMODE, PYTHONUTF8, PYTHONINTMAXSTRDIGITS,
 * PYTHONDONTWRITEBYTECODE, PYTHONPATH
 * (driver/run.ts); and PYJIT_PARAMS. Each is read only where Deno already grants access to it.
 *
 * @example
 * ```ts
 * import { parseCommandLine } from "./command_line.ts";
 * console.log(parseCommandLine(["-uq", "-c", "print(1)", "x"]).kind); // "run"
 * ```
 * @module
 */
import { setTunable, setTunables } from "../instructions/tunables.ts";
import { formatSyntaxError, PySyntaxError } from "../lexer/syntax_error.ts";
import { flushStdout, setStdoutBuffering, writeStderr, writeStdout } from "../objects/stdio.ts";
import { internalErrorReport } from "../vm/errors.ts";
import { type Program, runCommand, type RunOptions, uncaught } from "./run.ts";
import { type PythonFlags, TIER_NAMES, type TierName } from "./session.ts";
import { exitBySigint, requestSigintHandler } from "./signals.ts";
import { VERSION } from "./version.ts";

/** The JIT backends `--jit-backend` accepts (the native one needs --allow-ffi). */
export const JIT_BACKENDS = ["js", "native", "auto"] as const;

/** One of JIT_BACKENDS. */
export type JitBackend = typeof JIT_BACKENDS[number];

/** What the command line asked for. */
export type Invocation =
  | { kind: "help" }
  | { kind: "version"; verbose: boolean }
  | { kind: "usage-error"; message: string }
  | {
    kind: "run";
    /** The program; `repl` when none was given. */
    program: Program;
    /** The program's arguments (sys.argv[1:]). */
    args: string[];
    tier: TierName;
    jitBackend: JitBackend;
    /** Each `--jit-param name=value`, in order. */
    jitParams: string[];
    stats: boolean;
    dumpTraces: boolean;
    /** `--perf`: native traces named in /tmp/perf-PID.map. */
    perfMap: boolean;
    /** `-u`. */
    unbuffered: boolean;
    /** `-x`: skip the script's first line. */
    skipFirstLine: boolean;
    /** `-W` options, in order. */
    warnOptions: string[];
    /** `-X` options, in order: the value, or true. */
    xOptions: [string, string | true][];
    /** `sys.flags` the options set. */
    flags: PythonFlags;
  };

type RunInvocation = Extract<Invocation, { kind: "run" }>;

const USAGE_LINE = "usage: pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";
const TRY_HELP = "Try `pyjit -h' for more information.\n";

const HELP = `${USAGE_LINE}Options (and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output (accepted; no effect in pyjit)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Python from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings (docstrings are kept in pyjit)
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : verbose (accepted; pyjit does not trace imports)
-V     : print the version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option (dev, utf8, int_max_str_digits=N, ...)

pyjit's options:
--tier TIER        highest execution tier: interp, specialized or jit (default: jit)
--jit-backend B    JIT backend: js, native (needs --allow-ffi) or auto (default: auto)
--jit-param N=V    set a JIT tunable (repeatable); also PYJIT_PARAMS=N=V,N=V
--stats            print specializer and JIT statistics to stderr at exit
--dump-traces      print each JIT trace to stderr
--perf             name native traces for Linux perf in /tmp/perf-PID.map

Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
`;

/** Short options that take an argument. */
const SHORT_WITH_ARGUMENT = new Set(["c", "m", "W", "X"]);
/** Short options without one. */
const SHORT_FLAGS = new Set([..."bBdEhiIOPqRsSuvVx?"]);

/** Long options that take a value (`--name value` or `--name=value`). */
const LONG_WITH_VALUE = new Set(["--tier", "--jit-backend", "--jit-param", "--check-hash-based-pycs"]);
const LONG_FLAGS = new Set(["--stats", "--dump-traces", "--perf", "--help", "--version"]);

function usageError(message: string): Invocation {
  return { kind: "usage-error", message };
}

/** Parses the command line (argv without the program name). */
export function parseCommandLine(argv: string[]): Invocation {
  const run: RunInvocation = {
    kind: "run",
    program: { kind: "repl" },
    args: [],
    tier: "jit",
    jitBackend: "auto",
    jitParams: [],
    stats: false,
    dumpTraces: false,
    perfMap: false,
    unbuffered: false,
    skipFirstLine: false,
    warnOptions: [],
    xOptions: [],
    flags: {},
  };
  let help = false, version = 0;
  let i = 0;
  options: for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (LONG_FLAGS.has(name) && eq < 0) {
        if (name === "--stats") run.stats = true;
        else if (name === "--dump-traces") run.dumpTraces = true;
        else if (name === "--perf") run.perfMap = true;
        else if (name === "--help") help = true;
        else version++;
        continue;
      }
      if (!LONG_WITH_VALUE.has(name)) return usageError(`unknown option ${arg}`);
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else return usageError(`Argument expected for the ${name} option`);
      const problem = longOption(run, name, value);
      if (problem !== null) return usageError(problem);
      continue;
    }
    // A cluster of short options: -uq, -Wdefault, -c code.
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j];
      if (SHORT_WITH_ARGUMENT.has(c)) {
        let value: string;
        if (j + 1 < arg.length) value = arg.slice(j + 1);
        else if (i + 1 < argv.length) value = argv[++i];
        else return usageError(`Argument expected for the -${c} option`);
        if (c === "c" || c === "m") {
          run.program = c === "c" ? { kind: "code", code: value } : { kind: "module", name: value };
          i++;
          break options;
        }
        if (c === "W") run.warnOptions.push(value);
        else {
          const problem = xOption(run, value);
          if (problem !== null) return usageError(problem);
        }
        break;
      }
      if (c === "J") return usageError("-J is reserved for Jython");
      if (!SHORT_FLAGS.has(c)) return usageError(`Unknown option: -${c}`);
      shortFlag(run, c);
      if (c === "h" || c === "?") help = true;
      if (c === "V") version++;
    }
  }
  if (help) return { kind: "help" };
  if (version > 0) return { kind: "version", verbose: version > 1 };
  if (run.program.kind === "repl" && i < argv.length) {
    const first = argv[i++];
    run.program = first === "-" ? { kind: "stdin" } : { kind: "file", path: first };
  }
  run.args = argv.slice(i);
  return run;
}

/** Applies a flag of a short option. */
function shortFlag(run: RunInvocation, c: string): void {
  const f = run.flags;
  switch (c) {
    case "b":
      f.bytesWarning = (f.bytesWarning ?? 0) + 1;
      break;
    case "d":
      f.debug = 1;
      break;
    case "E":
      f.ignoreEnvironment = 1;
      break;
    case "i":
      f.inspect = 1;
      f.interactive = 1;
      break;
    case "I":
      f.isolated = 1;
      f.ignoreEnvironment = 1;
      f.noUserSite = 1;
      f.safePath = true;
      break;
    case "O":
      f.optimize = (f.optimize ?? 0) + 1;
      break;
    case "P":
      f.safePath = true;
      break;
    case "q":
      f.quiet = 1;
      break;
    case "s":
      f.noUserSite = 1;
      break;
    case "S":
      f.noSite = 1;
      break;
    case "u":
      run.unbuffered = true;
      break;
    case "v":
      f.verbose = (f.verbose ?? 0) + 1;
      break;
    case "x":
      run.skipFirstLine = true;
      break;
    case "B":
      f.dontWriteBytecode = 1;
      break;
      // -R: hashes are randomized already.
  }
}

/** Applies a pyjit long option with its value; a usage error message, or null. */
function longOption(run: RunInvocation, name: string, value: string): string | null {
  switch (name) {
    case "--tier":
      if (!(TIER_NAMES as readonly string[]).includes(value)) {
        return `--tier must be one of ${TIER_NAMES.join(", ")}, not '${value}'`;
      }
      run.tier = value as TierName;
      return null;
    case "--jit-backend":
      if (!(JIT_BACKENDS as readonly string[]).includes(value)) {
        return `--jit-backend must be one of ${JIT_BACKENDS.join(", ")}, not '${value}'`;
      }
      run.jitBackend = value as JitBackend;
      return null;
    case "--jit-param":
      run.jitParams.push(value);
      return null;
    default: // --check-hash-based-pycs: pyjit reads no .pyc files
      if (!["always", "default", "never"].includes(value)) {
        return `--check-hash-based-pycs must be one of 'default', 'always', or 'never'`;
      }
      return null;
  }
}

/** Applies `-X opt`; a usage error message, or null. */
function xOption(run: RunInvocation, option: string): string | null {
  const eq = option.indexOf("=");
  const name = eq < 0 ? option : option.slice(0, eq);
  const value: string | true = eq < 0 ? true : option.slice(eq + 1);
  run.xOptions.push([name, value]);
  switch (name) {
    case "dev":
      run.flags.devMode = true;
      break;
    case "utf8":
      run.flags.utf8Mode = value === true || value === "1" ? 1 : 0;
      break;
    case "warn_default_encoding":
      run.flags.warnDefaultEncoding = 1;
      break;
    case "int_max_str_digits": {
      const n = value === true ? NaN : Number(value);
      if (!Number.isInteger(n) || (n !== 0 && n < 640)) {
        return "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.";
      }
      run.flags.intMaxStrDigits = n;
      break;
    }
  }
  return null;
}

/** Where a variable may be read: every variable, or asked for each one (without prompting). */
function envReader(): (name: string) => string | undefined {
  let all = false;
  try {
    all = Deno.permissions.querySync({ name: "env" }).state === "granted";
  } catch {
    // no permission API: nothing is read
  }
  return (name) => {
    try {
      if (!all && Deno.permissions.querySync({ name: "env", variable: name }).state !== "granted") {
        return undefined;
      }
      return Deno.env.get(name);
    } catch {
      return undefined;
    }
  };
}

/** The PYTHON* variables' settings (CPython's: a non-empty value turns a flag on). */
function applyEnvironment(run: RunInvocation, env: (name: string) => string | undefined): string | null {
  const set = (name: string) => {
    const v = env(name);
    return v !== undefined && v !== "";
  };
  const f = run.flags;
  if (set("PYTHONUNBUFFERED")) run.unbuffered = true;
  if (set("PYTHONINSPECT")) f.inspect = 1;
  if (set("PYTHONSAFEPATH")) f.safePath = true;
  if (set("PYTHONDONTWRITEBYTECODE")) f.dontWriteBytecode = 1;
  if (set("PYTHONDEVMODE")) f.devMode = true;
  const optimize = env("PYTHONOPTIMIZE");
  if (optimize !== undefined && optimize !== "") {
    const n = Number(optimize);
    f.optimize = Math.max(f.optimize ?? 0, Number.isInteger(n) ? n : 1);
  }
  const utf8 = env("PYTHONUTF8");
  if (utf8 !== undefined && utf8 !== "" && f.utf8Mode === undefined) f.utf8Mode = utf8 === "1" ? 1 : 0;
  const warnings = env("PYTHONWARNINGS");
  if (warnings !== undefined && warnings !== "") {
    run.warnOptions.unshift(...warnings.split(",").map((w) => w.trim()).filter((w) => w !== ""));
  }
  const digits = env("PYTHONINTMAXSTRDIGITS");
  if (digits !== undefined && digits !== "" && f.intMaxStrDigits === undefined) {
    const n = Number(digits);
    if (!Number.isInteger(n) || (n !== 0 && n < 640)) {
      return "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.";
    }
    f.intMaxStrDigits = n;
  }
  return null;
}

/** The JIT tunables of PYJIT_PARAMS, then of each --jit-param; a usage error message, or null. */
function applyTunables(run: RunInvocation, env: (name: string) => string | undefined): string | null {
  try {
    const list = env("PYJIT_PARAMS");
    if (list !== undefined && list !== "") setTunables(list);
  } catch (e) {
    return `PYJIT_PARAMS: ${(e as Error).message}`;
  }
  try {
    for (const p of run.jitParams) setTunable(p);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

/** Reports an error that escaped as a JavaScript exception: never a JS stack trace unless asked for. */
function reportInternalError(e: unknown): number {
  if (e instanceof PySyntaxError) {
    writeStderr(formatSyntaxError(e));
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith("NotImplementedError:")) writeStderr(`${message}\n`);
  else writeStderr(internalErrorReport(e));
  return 1;
}

/** Whether stdin is a terminal (false when Deno cannot tell). */
function stdinIsTerminal(): boolean {
  try {
    return Deno.stdin.isTerminal();
  } catch {
    return false;
  }
}

/**
 * Runs a `pyjit` command line (CPython's options, see README.md) and returns the exit status: 0;
 * 1 after an uncaught exception; 2 for a usage error or a script that cannot be opened; the
 * SystemExit code. After an uncaught KeyboardInterrupt the process ends as CPython's does, killed
 * by SIGINT (status 130 in a shell).
 *
 * @example
 * ```ts
 * import { runCommandLine } from "@pyjit/core";
 * const status = runCommandLine(["-c", "import sys; print(sys.argv)", "arg"]); // ['-c', 'arg']
 * console.log(status); // 0
 * ```
 */
export function runCommandLine(argv: string[]): number {
  const inv = parseCommandLine(argv);
  if (inv.kind === "help") {
    writeStdout(HELP);
    flushStdout();
    return 0;
  }
  if (inv.kind === "version") {
    writeStdout(`pyjit ${VERSION.pyjit} (Python ${VERSION.python})\n`);
    flushStdout();
    return 0;
  }
  if (inv.kind === "usage-error") {
    writeStderr(`${inv.message}\n${USAGE_LINE}${TRY_HELP}`);
    return 2;
  }
  const env = envReader();
  const problem = (inv.flags.ignoreEnvironment ? null : applyEnvironment(inv, env)) ??
    applyTunables(inv, env);
  if (problem !== null) {
    writeStderr(`${problem}\n${USAGE_LINE}${TRY_HELP}`);
    return 2;
  }
  let stdoutIsTerminal = false;
  try {
    stdoutIsTerminal = Deno.stdout.isTerminal();
  } catch {
    // no terminal
  }
  setStdoutBuffering(inv.unbuffered ? "unbuffered" : stdoutIsTerminal ? "line" : "block");
  requestSigintHandler();
  let program: Program = inv.program;
  let argv0: string;
  switch (program.kind) {
    case "code":
      argv0 = "-c";
      break;
    case "module":
      argv0 = "-m";
      break;
    case "file":
      argv0 = program.path;
      break;
    case "stdin":
      argv0 = "-";
      break;
    case "repl":
      argv0 = "";
      // No program: stdin is the program unless it is a terminal (or -i asks for a prompt).
      if (!stdinIsTerminal() && !inv.flags.inspect) program = { kind: "stdin" };
  }
  const options: RunOptions = {
    filename: program.kind === "code" ? "<string>" : program.kind === "file" ? program.path : "<stdin>",
    argv: [argv0, ...inv.args],
    tier: inv.tier,
    stats: inv.stats,
    dumpTraces: inv.dumpTraces,
    perfMap: inv.perfMap,
    origArgv: ["pyjit", ...argv],
    flags: inv.flags,
    // Development mode shows warnings by default (CPython puts `default` first); an option given
    // twice is kept once, where it came first, as CPython keeps them.
    warnOptions: [...new Set(inv.flags.devMode ? ["default", ...inv.warnOptions] : inv.warnOptions)],
    xOptions: inv.xOptions,
    skipFirstLine: inv.skipFirstLine,
    jitBackend: inv.jitBackend,
  };
  let status: number;
  try {
    status = runCommand(program, options);
  } catch (e) {
    return reportInternalError(e);
  }
  if (uncaught.keyboardInterrupt) exitBySigint();
  return status;
}
