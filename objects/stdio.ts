/**
 * The process's standard streams as the runtime writes them: text → bytes on stdout/stderr (one
 * buffered stdout writer shared by `print`, `sys.stdout.write` and the interactive echo, flushed at
 * exit, when the buffer fills and before anything goes to stderr, so the two interleave as in
 * CPython), stdin read by lines, and the three `sys` stream objects.
 *
 * Buffering of stdout follows CPython: block-buffered (8 KiB) on a pipe or file, line-buffered on
 * a terminal, unbuffered with `-u` / PYTHONUNBUFFERED (the driver picks with setStdoutBuffering).
 * An embedder may replace where the bytes go (setOutputSinks) and where stdin's bytes come from
 * (setStdinSource). A read of the process's stdin interrupted by a signal (SIGINT) calls the
 * interrupt hook, which raises KeyboardInterrupt when the signal asked for it.
 *
 * It also holds what the io layer (lib/modules/io*.ts) and the interpreter share: the type
 * objects `io.IOBase`, `io.TextIOBase` and `_io.TextIOWrapper`, and `PyTextStream`, the JS base of
 * every text stream (TextIOWrapper, StringIO) with the few operations the runtime calls directly
 * (`print(file=…)` → `writeText`, `input()` → `readLine`). The io layer makes the real std streams
 * (TextIOWrapper → BufferedWriter → FileIO on fd 0/1/2) and installs them here at load with
 * `installStdStreams`; until then minimal stand-ins write to the same buffers.
 *
 * @example
 * ```ts
 * import { flushStdout, writeStdout } from "./stdio.ts";
 * writeStdout("hi\n");
 * flushStdout();
 * ```
 * @module
 */
import { newBuiltinType, placeCType, PyDict, PyObject, type PyType, type PyValue } from "./object.ts";
import { call, getAttr, repr, str } from "./ops.ts";

const processStdoutSink = (bytes: Uint8Array): void => writeAll(Deno.stdout, bytes);
const processStderrSink = (bytes: Uint8Array): void => writeAll(Deno.stderr, bytes);

/** Where stream bytes go; tests and embedders may replace them (setOutputSinks). */
const sinks = {
  stdout: processStdoutSink,
  stderr: processStderrSink,
};

/**
 * Whether stdout and stderr still go to the process's own file descriptors 1 and 2 (no embedder
 * or test redirected them): then a child process may inherit them (subprocess).
 */
export function outputGoesToProcessStreams(): boolean {
  return sinks.stdout === processStdoutSink && sinks.stderr === processStderrSink;
}

function writeAll(stream: { writeSync(p: Uint8Array): number }, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) {
    try {
      written += stream.writeSync(bytes.subarray(written));
    } catch (e) {
      // A signal arrived during the write (the SIGINT handler does not restart system calls).
      if (!(e instanceof Deno.errors.Interrupted)) throw e;
    }
  }
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
/** CPython's buffer size for a block-buffered stdout (io.DEFAULT_BUFFER_SIZE). */
const BLOCK_SIZE = 8192;
let stdoutChunks: string[] = [];
let stdoutPending = 0;
/** Characters of stdout held before a flush: BLOCK_SIZE, or 0 when unbuffered. */
let stdoutLimit = BLOCK_SIZE;
/** Whether a newline written to stdout flushes it (a terminal). */
let stdoutLineBuffered = false;

/** How stdout is buffered: as on a pipe or file, on a terminal, or not at all (`-u`). */
export type StdoutBuffering = "block" | "line" | "unbuffered";

/** Sets how stdout is buffered; returns the previous setting. */
export function setStdoutBuffering(mode: StdoutBuffering): StdoutBuffering {
  const old: StdoutBuffering = stdoutLimit === 0 ? "unbuffered" : stdoutLineBuffered ? "line" : "block";
  stdoutLimit = mode === "unbuffered" ? 0 : BLOCK_SIZE;
  stdoutLineBuffered = mode === "line";
  return old;
}

/** Appends text to stdout's buffer. */
export function writeStdout(text: string): void {
  if (!text.isWellFormed() && !(stdoutObject instanceof StandInStream)) {
    // Lone surrogates: sys.stdout's encoder applies its error handler (or raises).
    stdoutObject.writeText(text);
    return;
  }
  stdoutChunks.push(text);
  stdoutPending += text.length;
  if (stdoutPending >= stdoutLimit) flushStdout();
  else if (stdoutLineBuffered && (text.indexOf("\n") >= 0 || text.indexOf("\r") >= 0)) flushStdout();
}

/**
 * Writes stdout's buffer out. A failed write raises the OSError CPython raises (BrokenPipeError
 * when the reader has gone, ENOSPC on a full device); its text is dropped, as CPython's buffer
 * drops what it could not write.
 */
export function flushStdout(): void {
  if (stdoutChunks.length === 0) return;
  // Bytes sys.stdout.buffer still holds were written before this text reached it (CPython's text
  // layer passes its pending text down to the buffer only now): they go out first.
  stdoutBinaryLayer.flush();
  if (stdoutChunks.length === 0) return;
  const text = stdoutChunks.length === 1 ? stdoutChunks[0] : stdoutChunks.join("");
  stdoutChunks = [];
  stdoutPending = 0;
  if (text === "") return;
  sinkWrite(sinks.stdout, encoder.encode(toWellFormed(text)));
}

/**
 * Flushes stdout before something goes to stderr. A failure is not stderr's: the text stays
 * buffered, and the flush at exit reports it as CPython would.
 */
function flushStdoutBeforeStderr(): void {
  if (stdoutChunks.length === 0) return;
  const chunks = stdoutChunks, pending = stdoutPending;
  try {
    flushStdout();
  } catch {
    stdoutChunks = chunks.length === 1 ? chunks : [chunks.join("")];
    stdoutPending = pending;
  }
}

/** Writes bytes to stdout after the buffered text (the text layer's own encoded writes). */
export function writeStdoutBytes(bytes: Uint8Array): void {
  flushStdout();
  sinkWrite(sinks.stdout, bytes);
}

/**
 * Writes bytes from below the text layer (the raw stream on fd 1, `os.write(1, …)`): straight out,
 * ahead of text the text layer still holds, as CPython's raw stream writes.
 */
export function writeStdoutRaw(bytes: Uint8Array): void {
  sinkWrite(sinks.stdout, bytes);
}

/** How the io layer's buffer under stdout (sys.stdout.buffer) hands on what it holds. */
export const stdoutBinaryLayer: { flush: () => void } = { flush: () => {} };

/** Calls a sink, turning a host error (a closed pipe, a full disk) into a Python OSError. */
function sinkWrite(sink: (bytes: Uint8Array) => void, bytes: Uint8Array): void {
  try {
    sink(bytes);
  } catch (e) {
    throw streamErrors.convert(e);
  }
}

/** How a host error from a std stream becomes a Python exception: the io layer installs os_errors'. */
const streamErrors = { convert: (e: unknown): unknown => e };

/** Installs the conversion of host errors from the std streams (lib/modules/io.ts does, at load). */
export function setStreamErrorConversion(convert: (e: unknown) => unknown): void {
  streamErrors.convert = convert;
}

/** Writes to stderr (unbuffered), flushing stdout first. */
export function writeStderr(text: string): void {
  if (!text.isWellFormed() && !(stderrObject instanceof StandInStream)) {
    stderrObject.writeText(text);
    return;
  }
  flushStdoutBeforeStderr();
  sinkWrite(sinks.stderr, encoder.encode(toWellFormed(text)));
}

/** Writes bytes to stderr, flushing stdout first (`sys.stderr.buffer.write`). */
export function writeStderrBytes(bytes: Uint8Array): void {
  flushStdoutBeforeStderr();
  sinkWrite(sinks.stderr, bytes);
}

/** Lone surrogates cannot be encoded to UTF-8; CPython raises, we substitute U+FFFD. */
function toWellFormed(s: string): string {
  return s.toWellFormed();
}

/** Where stdin's bytes come from when not from the process (an embedder's callback), or null. */
let stdinSource: ((into: Uint8Array) => number) | null = null;

/**
 * Replaces where stdin's bytes come from: `read(into)` fills `into` and returns the number of
 * bytes, 0 at the end of input (null: the process's stdin). Returns the previous source.
 */
export function setStdinSource(
  read: ((into: Uint8Array) => number) | null,
): ((into: Uint8Array) => number) | null {
  const old = stdinSource;
  stdinSource = read;
  return old;
}

/** What a read of the process's stdin does before it blocks, and after a signal interrupted it. */
const stdinHooks = {
  beforeRead: (): void => {},
  interrupted: (): void => {},
};

/**
 * Sets the hooks of stdin reads (vm/interrupts.ts): `beforeRead` runs before a read blocks,
 * `interrupted` after a signal interrupted one (it raises KeyboardInterrupt for a SIGINT; when it
 * returns, the read is tried again).
 */
export function setStdinInterruptHooks(beforeRead: () => void, interrupted: () => void): void {
  stdinHooks.beforeRead = beforeRead;
  stdinHooks.interrupted = interrupted;
}

/** Reads up to `into.length` bytes of stdin; 0 at end of input. */
export function readStdinBytes(into: Uint8Array): number {
  if (stdinSource !== null) return stdinSource(into);
  stdinHooks.beforeRead();
  for (;;) {
    try {
      const n = Deno.stdin.readSync(into);
      return n === null ? 0 : n;
    } catch (e) {
      if (!(e instanceof Deno.errors.Interrupted)) throw e;
      stdinHooks.interrupted();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The io types the runtime needs to know, and the text stream base

/** `io.IOBase`: the base of every stream type (CPython's `_io._IOBase` registered with the ABC). */
export const ioBaseType: PyType = newBuiltinType("IOBase");
ioBaseType.module = "io";
/** `io.TextIOBase`. */
export const textIOBaseType: PyType = newBuiltinType("TextIOBase", ioBaseType);
textIOBaseType.module = "io";
/** `_io.TextIOWrapper`: the type of sys.stdin/stdout/stderr and of files opened in text mode. */
export const textIOWrapperType: PyType = newBuiltinType("TextIOWrapper", textIOBaseType);
placeCType(textIOWrapperType, "_io");

/** An instance of an io type: every stream carries an attribute dict and IOBase's closed flag. */
export class PyIOBase extends PyObject {
  /** IOBase's own closed flag (streams with a raw or buffer below ask it instead). */
  declare baseClosed: boolean;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = new PyDict();
    this.baseClosed = false;
  }
}

/** A text stream (TextIOWrapper, StringIO): what print(), input() and the REPL call directly. */
export abstract class PyTextStream extends PyIOBase {
  /** The builtin type whose methods the JS methods below implement (a subclass may override). */
  abstract readonly nativeType: PyType;
  /** `write(text)`: returns the number of characters written. */
  abstract writeText(text: string): number;
  /** `readline(limit)` (limit < 0: the whole line). */
  abstract readLine(limit: number): string;
  /** `read(size)` (size < 0: everything). */
  abstract readText(size: number): string;
  /** `flush()`. */
  abstract flushStream(): void;
}

/** A stand-in std stream used only until the io layer installs the real ones. */
class StandInStream extends PyTextStream {
  declare fd: number;
  private pending = "";
  private eof = false;
  private decoder = new TextDecoder();
  constructor(fd: number) {
    super(textIOWrapperType);
    this.fd = fd;
  }
  get nativeType(): PyType {
    return textIOWrapperType;
  }
  writeText(text: string): number {
    if (this.fd === 2) writeStderr(text);
    else writeStdout(text);
    return text.length;
  }
  readLine(_limit: number): string {
    for (;;) {
      const nl = this.pending.indexOf("\n");
      if (nl >= 0 || this.eof) {
        const end = nl >= 0 ? nl + 1 : this.pending.length;
        const line = this.pending.slice(0, end);
        this.pending = this.pending.slice(end);
        return line;
      }
      const buf = new Uint8Array(65536);
      const n = readStdinBytes(buf);
      if (n === 0) {
        this.eof = true;
        this.pending += this.decoder.decode();
      } else this.pending += this.decoder.decode(buf.subarray(0, n), { stream: true });
    }
  }
  readText(_size: number): string {
    let out = "";
    for (let line = this.readLine(-1); line !== ""; line = this.readLine(-1)) out += line;
    return out;
  }
  flushStream(): void {
    if (this.fd === 1) flushStdout();
  }
}

/** sys.stdin, sys.stdout and sys.stderr as the program starts (print's fast path checks these). */
export let stdinObject: PyTextStream = new StandInStream(0);
export let stdoutObject: PyTextStream = new StandInStream(1);
export let stderrObject: PyTextStream = new StandInStream(2);

/** Installs the real std streams (the io layer does this once, when it is loaded). */
export function installStdStreams(stdin: PyTextStream, stdout: PyTextStream, stderr: PyTextStream): void {
  stdinObject = stdin;
  stdoutObject = stdout;
  stderrObject = stderr;
}

/** Reads one line from stdin (with its newline; "" at EOF), through sys.__stdin__. */
export function readStdinLine(): string {
  return stdinObject.readLine(-1);
}

/** Reads the rest of stdin. */
export function readStdinAll(): string {
  return stdinObject.readText(-1);
}

/**
 * Writes text to a file-like object (print's `file=`): the fast paths for the real stdout/stderr
 * and for builtin text streams; anything else through its `write` method.
 */
export function writeTo(file: PyValue, text: string): void {
  if (file === stdoutObject) writeStdout(text);
  else if (file === stderrObject) writeStderr(text);
  else if (file instanceof PyTextStream && file.cls === file.nativeType) file.writeText(text);
  else call(getAttr(file, "write"), [text]);
}

/** Work to do when the program ends (the io layer flushes files left open, as CPython does). */
const exitHooks: (() => void)[] = [];

/**
 * Registers work for the end of the program (run by flushAtExit, in registration order; `first`
 * puts it before the others: atexit's callbacks may still write to files the io layer flushes).
 */
export function onProgramExit(hook: () => void, first = false): void {
  if (first) exitHooks.unshift(hook);
  else exitHooks.push(hook);
}

/**
 * Runs the end-of-program work (open files flushed) and flushes stdout. Returns false when stdout
 * could not be written, after reporting it on stderr as CPython does ("Exception ignored in:
 * <_io.TextIOWrapper name='<stdout>' …>" and the exception); CPython then exits with status 120.
 */
export function flushAtExit(): boolean {
  for (const hook of exitHooks) hook();
  try {
    flushStdout();
    return true;
  } catch (e) {
    try {
      const name = e instanceof PyObject ? e.cls.name : "OSError";
      const message = e instanceof PyObject ? str(e) : String(e);
      sinks.stderr(encoder.encode(
        `Exception ignored in: ${repr(stdoutObject)}\n${message === "" ? name : `${name}: ${message}`}\n`,
      ));
    } catch {
      // stderr is gone too: the exit status still tells
    }
    return false;
  }
}

/** The streams' settings a runtime owns (embedding: each runtime switches them when it runs). */
export interface StdioState {
  stdoutSink: (bytes: Uint8Array) => void;
  stderrSink: (bytes: Uint8Array) => void;
  stdinSource: ((into: Uint8Array) => number) | null;
  buffering: StdoutBuffering;
  stdin: PyTextStream;
  stdout: PyTextStream;
  stderr: PyTextStream;
}

/** The current settings (stdout is flushed first, so that buffered text goes to its own sink). */
export function saveStdio(): StdioState {
  flushStdout();
  const buffering = setStdoutBuffering("block");
  setStdoutBuffering(buffering);
  return {
    stdoutSink: sinks.stdout,
    stderrSink: sinks.stderr,
    stdinSource,
    buffering,
    stdin: stdinObject,
    stdout: stdoutObject,
    stderr: stderrObject,
  };
}

/** Puts back settings from saveStdio (stdout is flushed to the sink in place first). */
export function restoreStdio(state: StdioState): void {
  flushStdout();
  sinks.stdout = state.stdoutSink;
  sinks.stderr = state.stderrSink;
  stdinSource = state.stdinSource;
  setStdoutBuffering(state.buffering);
  installStdStreams(state.stdin, state.stdout, state.stderr);
}
