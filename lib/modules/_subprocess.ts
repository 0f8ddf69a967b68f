/**
 * `_subprocess`, the native half of the `subprocess` module (lib/python/subprocess.py):
 * - `run(argv, cwd, env, stdin, stdout, stderr, timeout)` runs a program to its end with Deno's
 *   synchronous `Deno.Command.outputSync()` and returns
 *   `(returncode, stdout bytes | None, stderr bytes | None, timed_out, pid)`;
 * - `spawn(argv, cwd, env, stdin, stdout, stderr)` starts one in the background and returns
 *   `(dir, pid)`; `status(dir)` is its exit status or None while it runs; `collect(dir)` returns
 *   `(stdout bytes | None, stderr bytes | None)` once it ended; `kill(pid, signum)` signals it;
 *   `abandon(dir)` lets go of one the program will not collect;
 * - `inherits_std_streams()`: whether a child may write to the process's own stdout/stderr (no
 *   embedder or test has redirected pyjit's output).
 *
 * Deno's synchronous API cannot feed a pipe to the child's stdin, merge stderr into stdout, stop a
 * child after a timeout, or report its pid. So run()'s program runs under a small `/bin/sh` wrapper
 * that writes its own pid (`$$`) to a file, redirects stdin from a temporary file holding the input
 * bytes, adds `2>&1` for stderr=STDOUT, and execs the program (under coreutils' `timeout` when a
 * timeout is given): the exec keeps the pid, the exit status and a killing signal the program's.
 *
 * Modes: stdin is `"inherit"`, `"null"` or the input bytes; stdout is `"inherit"`, `"pipe"` or
 * `"null"`; stderr is those or `"stdout"`. `env` is None (inherit) or a list of (name, value).
 * A missing program is FileNotFoundError `[Errno 2] No such file or directory: 'prog'` (the PATH
 * search happens here, before the wrapper runs); without --allow-run, PermissionError. The input
 * file needs --allow-write to the temporary directory (PermissionError without it); the pid file
 * too, and without it the pid is None.
 *
 * @example
 * ```ts
 * import { makeSubprocessModule } from "./_subprocess.ts";
 * const mod = makeSubprocessModule();
 * ```
 * @module
 */
import {
  bindArgs,
  Exc,
  None,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyFloat,
  PyModule,
  PyTuple,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { intValueOf, strValueOf, toArray } from "../../objects/ops.ts";
import { hasPermission, osError, raiseOSError, requirePermission } from "./os_errors.ts";
import { outputGoesToProcessStreams } from "../../objects/stdio.ts";
import { sleepInterruptibly } from "../../vm/interrupts.ts";

const ENOENT = 2;
const EACCES = 13;

/** Exit status of coreutils' `timeout` when the program ran out of time. */
const TIMEOUT_STATUS = 124;

function stringArg(v: PyValue, what: string): string {
  const s = strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `${what} must be str, not ${typeOf(v).name}`);
  return s;
}

function numberArg(v: PyValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof PyFloat) return v.value;
  return raise(Exc.TypeError, `timeout must be a number, not ${typeOf(v).name}`);
}

/** Whether `path` names a regular file (following links) with an execute bit set. */
function isExecutableFile(path: string): boolean {
  try {
    const info = Deno.statSync(path);
    return info.isFile && (info.mode === null || (info.mode & 0o111) !== 0);
  } catch {
    return false;
  }
}

/** The program's path: as given when it has a slash, else the first match on PATH. */
function resolveProgram(program: string, env: Record<string, string> | null, cwd: string | null): string {
  // execve("") fails with EACCES.
  if (program === "") raiseOSError(EACCES, program);
  // Without --allow-read the files cannot be looked at: the shell's exec searches PATH itself
  // (a missing program is then exit status 127 and the shell's message, not FileNotFoundError).
  if (!hasPermission("read")) return program;
  if (program.includes("/")) {
    const full = program.startsWith("/") || cwd === null ? program : `${cwd}/${program}`;
    if (!isExecutableFile(full)) {
      try {
        Deno.statSync(full);
      } catch (e) {
        throw osError(e, program);
      }
      raiseOSError(EACCES, program);
    }
    return program;
  }
  const searchPath = (env !== null ? env.PATH : Deno.env.get("PATH")) ?? "/usr/local/bin:/usr/bin:/bin";
  for (const dir of searchPath.split(":")) {
    const candidate = `${dir === "" ? "." : dir}/${program}`;
    if (isExecutableFile(candidate)) return candidate;
  }
  return raiseOSError(ENOENT, program);
}

/** The sh script that records the pid, sets up redirections and execs "$@". */
function wrapperScript(inputFile: boolean, mergeStderr: boolean): string {
  const redirect = (inputFile ? ' <"$input"' : "") + (mergeStderr ? " 2>&1" : "");
  return `[ -n "$1" ] && echo $$ >"$1"; input=$2; shift 2; exec "$@"${redirect}`;
}

/** A new temporary file for the pid, or "" when Deno may not write one (the pid is then None). */
function pidFileOrNone(): string {
  try {
    return Deno.makeTempFileSync({ prefix: "pyjit_subprocess_pid_" });
  } catch {
    return "";
  }
}

/** A temporary file holding the child's input (PermissionError without --allow-write). */
function inputFileWith(input: Uint8Array): string {
  let path: string;
  try {
    path = Deno.makeTempFileSync({ prefix: "pyjit_subprocess_in_" });
  } catch (e) {
    throw osError(e);
  }
  Deno.writeFileSync(path, input);
  return path;
}

function removeQuietly(path: string): void {
  try {
    Deno.removeSync(path);
  } catch { /* already gone, or not ours to remove */ }
}

function stdioMode(v: PyValue, allowed: readonly string[], which: string): string {
  const mode = stringArg(v, which);
  if (!allowed.includes(mode)) raise(Exc.ValueError, `invalid ${which} mode: ${mode}`);
  return mode;
}

/** What run() and spawn() are asked to start. */
interface ChildSpec {
  argv: string[];
  cwd: string | null;
  env: Record<string, string> | null;
  input: Uint8Array | null;
  stdinMode: string;
  stdoutMode: string;
  stderrMode: string;
  /** The program found on PATH (or as given). */
  program: string;
}

/** Checks and converts (argv, cwd, env, stdin, stdout, stderr); finds the program. */
function childSpec(
  argvArg: PyValue,
  cwdArg: PyValue,
  envArg: PyValue,
  stdinArg: PyValue,
  stdoutArg: PyValue,
  stderrArg: PyValue,
): ChildSpec {
  const argv = toArray(argvArg).map((a) => stringArg(a, "argument"));
  if (argv.length === 0) raise(Exc.IndexError, "list index out of range");
  const cwd = cwdArg === None ? null : stringArg(cwdArg, "cwd");
  let env: Record<string, string> | null = null;
  if (envArg !== None) {
    env = {};
    for (const pair of toArray(envArg)) {
      const [k, v] = toArray(pair);
      env[stringArg(k, "environment name")] = stringArg(v, "environment value");
    }
  }
  const input = stdinArg instanceof PyBytes ? stdinArg.data : null;
  const stdinMode = input !== null ? "null" : stdioMode(stdinArg, ["inherit", "null"], "stdin");
  const stdoutMode = stdioMode(stdoutArg, ["inherit", "pipe", "null"], "stdout");
  const stderrMode = stdioMode(stderrArg, ["inherit", "pipe", "null", "stdout"], "stderr");
  requirePermission("run", undefined, argv[0]);
  if (cwd !== null) {
    try {
      if (!Deno.statSync(cwd).isDirectory) raiseOSError(20, cwd);
    } catch (e) {
      throw osError(e, cwd);
    }
  }
  const program = resolveProgram(argv[0], env, cwd);
  return { argv, cwd, env, input, stdinMode, stdoutMode, stderrMode, program };
}

// ---------------------------------------------------------------------------------------------
// Children that run in the background (Popen): spawn() starts one under a shell that records,
// in a temporary directory, the child's pid, its output (when collected) and finally its exit
// status; status() looks for the status without waiting; collect() reads the output and removes
// the directory; kill() signals the child. Deno's ChildProcess is never awaited (its promises
// need the event loop, which a running Python program does not give back), and it is unref'd so
// that a child still running does not keep pyjit alive, as in CPython.

/** The shell that runs a background child: stdin from fd 3 (the shell's own), "in" or null. */
function backgroundScript(stdin: string, stdout: string, stderr: string): string {
  const input = stdin === "bytes" ? ' <"$d/in"' : stdin === "null" ? " </dev/null" : " <&3";
  const output = stdout === "pipe" ? ' >"$d/out"' : stdout === "null" ? " >/dev/null" : "";
  const errors = stderr === "pipe"
    ? ' 2>"$d/err"'
    : stderr === "null"
    ? " 2>/dev/null"
    : stderr === "stdout"
    ? " 2>&1"
    : " 2>&4";
  // fd 3 and 4 keep the shell's stdin and stderr for the child; the shell's own stderr is
  // silenced (it would report "Terminated" for a child killed by a signal).
  return [
    'd=$1; shift; exec 3<&0 4>&2 2>/dev/null; "$@"' + input + output + errors + " 3<&- 4>&- &",
    'echo $! >"$d/pid.tmp"; mv "$d/pid.tmp" "$d/pid"',
    'wait $!; echo $? >"$d/status.tmp"; mv "$d/status.tmp" "$d/status"',
    // The parent exited without collecting (abandon()): nobody will read the directory.
    '[ -f "$d/abandoned" ] && rm -rf "$d"',
  ].join("\n");
}

/** How long spawn() waits for the shell to report the child's pid. */
const PID_WAIT_MS = 5000;

function spawn(args: PyValue[], kwnames: string[] | null): PyValue {
  const [argvArg, cwdArg, envArg, stdinArg, stdoutArg, stderrArg] = bindArgs(
    "spawn",
    args,
    kwnames,
    ["argv", "cwd", "env", "stdin", "stdout", "stderr"],
    6,
  );
  const spec = childSpec(argvArg!, cwdArg!, envArg!, stdinArg!, stdoutArg!, stderrArg!);
  let dir: string;
  try {
    dir = Deno.makeTempDirSync({ prefix: "pyjit_subprocess_" });
  } catch (e) {
    throw osError(e);
  }
  if (spec.input !== null) Deno.writeFileSync(`${dir}/in`, spec.input);
  const stdinMode = spec.input !== null ? "bytes" : spec.stdinMode;
  try {
    const child = new Deno.Command("/bin/sh", {
      args: [
        "-c",
        backgroundScript(stdinMode, spec.stdoutMode, spec.stderrMode),
        "sh",
        dir,
        spec.program,
        ...spec.argv.slice(1),
      ],
      cwd: spec.cwd ?? undefined,
      env: spec.env ?? undefined,
      clearEnv: spec.env !== null,
      stdin: stdinMode === "inherit" ? "inherit" : "null",
      stdout: spec.stdoutMode === "inherit" || spec.stderrMode === "inherit" ? "inherit" : "null",
      stderr: spec.stderrMode === "inherit" ? "inherit" : "null",
    }).spawn();
    child.unref();
  } catch (e) {
    removeTree(dir);
    throw osError(e, spec.argv[0]);
  }
  const deadline = performance.now() + PID_WAIT_MS;
  let pid: PyValue = None;
  while (performance.now() < deadline) {
    const text = readOrNull(`${dir}/pid`);
    if (text !== null) {
      pid = Number(text.trim());
      break;
    }
    sleepInterruptibly(1);
  }
  return new PyTuple([dir, pid]);
}

function readOrNull(path: string): string | null {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return null;
  }
}

function removeTree(path: string): void {
  try {
    Deno.removeSync(path, { recursive: true });
  } catch { /* already gone */ }
}

/** status(dir): the exit status the shell recorded (as `wait` reports it), or None. */
function status(args: PyValue[], kwnames: string[] | null): PyValue {
  const [dirArg] = bindArgs("status", args, kwnames, ["dir"], 1);
  const text = readOrNull(`${stringArg(dirArg!, "dir")}/status`);
  return text === null ? None : Number(text.trim());
}

/** collect(dir): (stdout bytes | None, stderr bytes | None); removes the directory. */
function collect(args: PyValue[], kwnames: string[] | null): PyValue {
  const [dirArg] = bindArgs("collect", args, kwnames, ["dir"], 1);
  const dir = stringArg(dirArg!, "dir");
  const read = (name: string): PyValue => {
    try {
      return new PyBytes(Deno.readFileSync(`${dir}/${name}`));
    } catch {
      return None;
    }
  };
  const result = new PyTuple([read("out"), read("err")]);
  removeTree(dir);
  return result;
}

/**
 * abandon(dir): the program is ending without collecting this child: removes the directory now
 * if the child has ended, else marks it for the shell to remove when the child ends.
 */
function abandon(args: PyValue[], kwnames: string[] | null): PyValue {
  const [dirArg] = bindArgs("abandon", args, kwnames, ["dir"], 1);
  const dir = stringArg(dirArg!, "dir");
  if (readOrNull(`${dir}/status`) !== null) removeTree(dir);
  else {
    try {
      Deno.writeTextFileSync(`${dir}/abandoned`, "");
    } catch { /* already gone */ }
    if (readOrNull(`${dir}/status`) !== null) removeTree(dir);
  }
  return None;
}

/** kill(pid, signum): sends a signal (a child that already exited is not an error). */
function kill(args: PyValue[], kwnames: string[] | null): PyValue {
  const [pidArg, sigArg] = bindArgs("kill", args, kwnames, ["pid", "signum"], 2);
  const signum = Number(intValueOf(sigArg!) ?? 15);
  const name = Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === signum)?.[0];
  if (name === undefined) raise(Exc.ValueError, `unsupported signal number: ${signum}`);
  try {
    Deno.kill(Number(intValueOf(pidArg!) ?? 0), name as Deno.Signal);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw osError(e);
  }
  return None;
}

function run(args: PyValue[], kwnames: string[] | null): PyValue {
  const [argvArg, cwdArg, envArg, stdinArg, stdoutArg, stderrArg, timeoutArg] = bindArgs(
    "run",
    args,
    kwnames,
    ["argv", "cwd", "env", "stdin", "stdout", "stderr", "timeout"],
    7,
  );
  const timeout = timeoutArg === None ? null : numberArg(timeoutArg!);
  const { argv, cwd, env, input, stdinMode, stdoutMode, stderrMode, program } = childSpec(
    argvArg!,
    cwdArg!,
    envArg!,
    stdinArg!,
    stdoutArg!,
    stderrArg!,
  );

  const inputFile = input !== null ? inputFileWith(input) : null;
  const pidFile = pidFileOrNone();
  try {
    const command = timeout === null
      ? [program, ...argv.slice(1)]
      : ["timeout", "-s", "KILL", String(Math.max(timeout, 0.001)), program, ...argv.slice(1)];
    const started = performance.now();
    let output: Deno.CommandOutput;
    try {
      output = new Deno.Command("/bin/sh", {
        args: [
          "-c",
          wrapperScript(inputFile !== null, stderrMode === "stdout"),
          "sh",
          pidFile,
          inputFile ?? "",
          ...command,
        ],
        cwd: cwd ?? undefined,
        env: env ?? undefined,
        clearEnv: env !== null,
        stdin: stdinMode as "inherit" | "null",
        stdout: stdoutMode === "pipe" ? "piped" : stdoutMode as "inherit" | "null",
        stderr: stderrMode === "pipe"
          ? "piped"
          : stderrMode === "stdout"
          ? "null"
          : stderrMode as "inherit" | "null",
      }).outputSync();
    } catch (e) {
      throw osError(e, argv[0]);
    }
    const elapsed = (performance.now() - started) / 1000;
    // `timeout -s KILL` exits 137 (128 + SIGKILL) after killing; 124 when it sent another signal.
    const timedOut = timeout !== null && elapsed >= timeout &&
      (output.code === TIMEOUT_STATUS || output.code === 137 || output.signal === "SIGKILL");
    const returncode = output.signal !== null ? -signalNumber(output.signal) : output.code;
    let pid: PyValue = None;
    if (pidFile !== "") {
      try {
        const text = Deno.readTextFileSync(pidFile).trim();
        if (text !== "") pid = Number(text);
      } catch { /* the wrapper did not get to write it, or Deno may not read it */ }
    }
    return new PyTuple([
      returncode,
      stdoutMode === "pipe" ? new PyBytes(output.stdout) : None,
      stderrMode === "pipe" ? new PyBytes(output.stderr) : None,
      timedOut,
      pid,
    ]);
  } finally {
    if (pidFile !== "") removeQuietly(pidFile);
    if (inputFile !== null) removeQuietly(inputFile);
  }
}

/** Linux signal numbers of the names Deno reports. */
const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
};

function signalNumber(name: string): number {
  return SIGNAL_NUMBERS[name] ?? 1;
}

/** Builds the `_subprocess` module. */
export function makeSubprocessModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("_subprocess", d);
  for (const [name, fn] of Object.entries({ run, spawn, status, collect, kill, abandon })) {
    d.setStr(name, new PyBuiltinFunction(name, fn, null, "_subprocess"));
  }
  d.setStr(
    "inherits_std_streams",
    new PyBuiltinFunction("inherits_std_streams", () => outputGoesToProcessStreams(), null, "_subprocess"),
  );
  return m;
}
