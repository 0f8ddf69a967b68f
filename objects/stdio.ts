/**
 * The process's standard streams as the runtime writes them: text → bytes on stdout/stderr (one
 * buffered stdout writer shared by `print`, `sys.stdout.write` and the interactive echo, flushed at
 * exit, when the buffer fills and before anything goes to stderr, so the two interleave as in
 * CPython), stdin read by lines, and the three `_io.TextIOWrapper` objects `sys` exposes.
 *
 * It lives below the interpreter so that the loop (INTRINSIC_PRINT), `dis` and the builtins reach
 * the streams without importing a library module.
 *
 * @example
 * ```ts
 * import { flushStdout, writeStdout } from "./stdio.ts";
 * writeStdout("hi\n");
 * flushStdout();
 * ```
 * @module
 */
import {
  checkMethodArgs,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  None,
  PyDict,
  PyList,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "./object.ts";
import { call, getAttr, strValueOf } from "./ops.ts";

/** Where stream bytes go; tests and embedders may replace them (setOutputSinks). */
const sinks = {
  stdout: (bytes: Uint8Array): void => writeAll(Deno.stdout, bytes),
  stderr: (bytes: Uint8Array): void => writeAll(Deno.stderr, bytes),
};

function writeAll(stream: { writeSync(p: Uint8Array): number }, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += stream.writeSync(bytes.subarray(written));
}

/** Redirects the process streams (for embedding and tests); returns the previous sinks. */
export function setOutputSinks(
  stdout: (bytes: Uint8Array) => void,
  stderr: (bytes: Uint8Array) => void,
): { stdout: (bytes: Uint8Array) => void; stderr: (bytes: Uint8Array) => void } {
  const old = { stdout: sinks.stdout, stderr: sinks.stderr };
  sinks.stdout = stdout;
  sinks.stderr = stderr;
  return old;
}

const encoder = new TextEncoder();
const STDOUT_LIMIT = 1 << 16;
let stdoutChunks: string[] = [];
let stdoutPending = 0;

/** Appends text to stdout's buffer. */
export function writeStdout(text: string): void {
  stdoutChunks.push(text);
  stdoutPending += text.length;
  if (stdoutPending >= STDOUT_LIMIT) flushStdout();
}

/** Writes stdout's buffer out. */
export function flushStdout(): void {
  if (stdoutChunks.length === 0) return;
  const text = stdoutChunks.length === 1 ? stdoutChunks[0] : stdoutChunks.join("");
  stdoutChunks = [];
  stdoutPending = 0;
  sinks.stdout(encoder.encode(toWellFormed(text)));
}

/** Writes to stderr (unbuffered), flushing stdout first. */
export function writeStderr(text: string): void {
  flushStdout();
  sinks.stderr(encoder.encode(toWellFormed(text)));
}

/** Lone surrogates cannot be encoded to UTF-8; CPython raises, we substitute U+FFFD. */
function toWellFormed(s: string): string {
  return (s as unknown as { toWellFormed(): string }).toWellFormed();
}

// stdin: read lazily, decoded as UTF-8.
let stdinBuffer = "";
let stdinEof = false;
const decoder = new TextDecoder();

/** Reads one line from stdin (with its newline; "" at EOF). */
export function readStdinLine(): string {
  for (;;) {
    const nl = stdinBuffer.indexOf("\n");
    if (nl >= 0) {
      const line = stdinBuffer.slice(0, nl + 1);
      stdinBuffer = stdinBuffer.slice(nl + 1);
      return line;
    }
    if (stdinEof) {
      const rest = stdinBuffer;
      stdinBuffer = "";
      return rest;
    }
    const buf = new Uint8Array(65536);
    const n = Deno.stdin.readSync(buf);
    if (n === null || n === 0) {
      stdinEof = true;
      stdinBuffer += decoder.decode();
    } else {
      stdinBuffer += decoder.decode(buf.subarray(0, n), { stream: true });
    }
  }
}

/** Reads the rest of stdin. */
export function readStdinAll(): string {
  let out = "";
  for (;;) {
    const line = readStdinLine();
    if (line === "") return out;
    out += line;
  }
}

/** `_io.TextIOWrapper`: the type of sys.stdin/stdout/stderr. */
export const textIOType: PyType = newBuiltinType("TextIOWrapper");
textIOType.module = "_io";

/** One of the three standard streams. */
export class PyTextStream extends PyObject {
  declare fd: number;
  declare streamName: string;
  constructor(fd: number, name: string) {
    super();
    this.cls = textIOType;
    this.dict = new PyDict();
    this.fd = fd;
    this.streamName = name;
  }
}

function stream(v: PyValue): PyTextStream {
  if (!(v instanceof PyTextStream)) raise(Exc.TypeError, "descriptor requires a '_io.TextIOWrapper' object");
  return v;
}

defMethod(textIOType, "write", (args) => {
  checkMethodArgs("write", args, null, 1, 1);
  const s = stream(args[0]);
  const text = strValueOf(args[1]);
  if (text === undefined) raise(Exc.TypeError, `write() argument must be str, not ${typeOf(args[1]).name}`);
  if (s.fd === 1) writeStdout(text);
  else if (s.fd === 2) writeStderr(text);
  else raise(Exc.OSError, "not writable");
  return [...text].length;
});
defMethod(textIOType, "flush", (args) => {
  if (stream(args[0]).fd === 1) flushStdout();
  return None;
});
defMethod(textIOType, "readline", (args) => {
  if (stream(args[0]).fd !== 0) raise(Exc.OSError, "not readable");
  return readStdinLine();
});
defMethod(textIOType, "read", (args) => {
  if (stream(args[0]).fd !== 0) raise(Exc.OSError, "not readable");
  return readStdinAll();
});
defMethod(textIOType, "readlines", (args) => {
  if (stream(args[0]).fd !== 0) raise(Exc.OSError, "not readable");
  const out: PyValue[] = [];
  for (;;) {
    const line = readStdinLine();
    if (line === "") return new PyList(out);
    out.push(line);
  }
});
defMethod(textIOType, "isatty", (args) => {
  const fd = stream(args[0]).fd;
  return (fd === 0 ? Deno.stdin : fd === 1 ? Deno.stdout : Deno.stderr).isTerminal();
});
defMethod(textIOType, "fileno", (args) => stream(args[0]).fd);
defMethod(textIOType, "writable", (args) => stream(args[0]).fd !== 0);
defMethod(textIOType, "readable", (args) => stream(args[0]).fd === 0);
defMethod(textIOType, "__repr__", (args) => {
  const s = stream(args[0]);
  return `<_io.TextIOWrapper name='<${s.streamName}>' mode='${s.fd === 0 ? "r" : "w"}' encoding='utf-8'>`;
});
defMethod(textIOType, "__iter__", (args) => args[0]);
defMethod(textIOType, "__next__", () => {
  const line = readStdinLine();
  if (line === "") throw newException(Exc.StopIteration, []);
  return line;
});
textIOType.tp_iter = (s) => s;
textIOType.tp_iternext = () => {
  const line = readStdinLine();
  return line === "" ? undefined : line;
};

/** The original stream objects (print's fast path checks sys.stdout is still this one). */
export const stdinObject: PyTextStream = new PyTextStream(0, "stdin");
export const stdoutObject: PyTextStream = new PyTextStream(1, "stdout");
export const stderrObject: PyTextStream = new PyTextStream(2, "stderr");
for (const [s, enc] of [[stdinObject, "utf-8"], [stdoutObject, "utf-8"], [stderrObject, "utf-8"]] as const) {
  s.dict!.setStr("encoding", enc);
  s.dict!.setStr("errors", s === stderrObject ? "backslashreplace" : "strict");
  s.dict!.setStr("name", `<${s.streamName}>`);
  s.dict!.setStr("mode", s === stdinObject ? "r" : "w");
}

/** Writes text to a file-like object (print's `file=`): the fast path for the real stdout/stderr. */
export function writeTo(file: PyValue, text: string): void {
  if (file === stdoutObject) writeStdout(text);
  else if (file === stderrObject) writeStderr(text);
  else call(getAttr(file, "write"), [text]);
}
