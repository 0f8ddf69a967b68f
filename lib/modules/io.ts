/**
 * The `io` module (and `_io`, the same objects under CPython's C names): `open()` → the stack of
 * stream objects CPython builds (FileIO → BufferedReader/Writer/Random → TextIOWrapper), the
 * stream classes from io_*.ts, the constants, `IncrementalNewlineDecoder`, and the process's
 * standard streams, which this module makes and installs into objects/stdio.ts when it is loaded.
 * Files still holding unwritten data when the program ends are flushed then, as CPython does.
 *
 * @example
 * ```ts
 * import { openFile } from "./io.ts";
 * // openFile(["notes.txt", "w"], null) → a TextIOWrapper
 * ```
 * @module
 */
import { osError } from "./os_errors.ts";
import {
  bindArgs,
  checkMethodArgs,
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newTuple,
  None,
  placeCType,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyModule,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { call, getAttr, isTrue, strValueOf } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import {
  installStdStreams,
  ioBaseType,
  onProgramExit,
  PyIOBase,
  type PyTextStream,
  setStreamErrorConversion,
  stdoutBinaryLayer,
  textIOBaseType,
  textIOWrapperType,
} from "../../objects/stdio.ts";
import {
  bufferedIOBaseType,
  DEFAULT_BUFFER_SIZE,
  intArg,
  rawIOBaseType,
  unsupportedOperationType,
} from "./io_base.ts";
import { fdIsatty, fileIOType, openFileIO, stdFileIO } from "./io_file.ts";
import {
  bufferedRandomType,
  bufferedReaderType,
  bufferedRWPairType,
  bufferedWriterType,
  dirtyStreams,
  newBuffered,
} from "./io_buffered.ts";
import { newlinesValue, newTextFile, optionalStrArg, type PyTextFile } from "./io_text.ts";
import { bytesIOType, stringIOType } from "./io_memory.ts";
import { lookupCodec } from "./text_codecs.ts";
import { builtinsModule } from "../builtins.ts";

const OPEN_ARGS = [
  "file",
  "mode",
  "buffering",
  "encoding",
  "errors",
  "newline",
  "closefd",
  "opener",
] as const;

/** `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`. */
export function openFile(args: PyValue[], kwnames: string[] | null): PyValue {
  const [file, modeV, bufferingV, encodingV, errorsV, newlineV, closefdV, openerV] = bindArgs(
    "open",
    args,
    kwnames,
    OPEN_ARGS,
    1,
  );
  let mode = "r";
  if (modeV !== undefined) {
    const m = strValueOf(modeV);
    if (m === undefined) {
      raise(Exc.TypeError, `open() argument 'mode' must be str, not ${typeOf(modeV).name}`);
    }
    mode = m;
  }
  const encoding = optionalStrArg(encodingV, "open", "encoding");
  const errors = optionalStrArg(errorsV, "open", "errors");
  const newline = optionalStrArg(newlineV, "open", "newline");
  let buffering = bufferingV === undefined ? -1 : intArg(bufferingV);
  const closefd = closefdV === undefined ? true : isTrue(closefdV);
  const opener = openerV ?? None;

  const seen = new Set<string>();
  for (const c of mode) {
    if (!"axrwb+t".includes(c) || seen.has(c)) raise(Exc.ValueError, `invalid mode: '${mode}'`);
    seen.add(c);
  }
  const creating = seen.has("x"), reading = seen.has("r"), writing = seen.has("w"), appending = seen.has("a");
  const updating = seen.has("+"), text = seen.has("t"), binary = seen.has("b");
  if (text && binary) raise(Exc.ValueError, "can't have text and binary mode at once");
  if (Number(creating) + Number(reading) + Number(writing) + Number(appending) > 1) {
    raise(Exc.ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (binary && encoding !== null) raise(Exc.ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors !== null) raise(Exc.ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline !== null) raise(Exc.ValueError, "binary mode doesn't take a newline argument");
  if (newline !== null && newline !== "" && newline !== "\n" && newline !== "\r" && newline !== "\r\n") {
    raise(Exc.ValueError, `illegal newline value: ${newline}`);
  }
  if (binary && buffering === 1) buffering = -1;
  if (!binary && buffering === 0) raise(Exc.ValueError, "can't have unbuffered text I/O");
  // Check the encoding before anything is opened, as CPython's TextIOWrapper does first.
  if (!binary) lookupCodec(encoding === null || encoding === "locale" ? "utf-8" : encoding);

  const rawMode = (creating ? "x" : "") + (reading ? "r" : "") + (writing ? "w" : "") +
    (appending ? "a" : "") +
    (updating ? "+" : "");
  const raw = openFileIO(file!, rawMode, closefd, opener);
  try {
    let lineBuffering = false;
    if (buffering === 1 || (buffering < 0 && fdIsatty(raw.open()))) {
      buffering = -1;
      lineBuffering = true;
    }
    if (buffering < 0) buffering = DEFAULT_BUFFER_SIZE;
    if (buffering === 0) return raw;
    const kind = updating ? "random" : creating || writing || appending ? "writer" : "reader";
    const buffer = newBuffered(raw, kind, buffering);
    if (binary) return buffer;
    const wrapper = newTextFile(buffer, encoding, errors, newline, lineBuffering, false);
    wrapper.dict!.setStr("mode", mode);
    return wrapper;
  } catch (e) {
    raw.close();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// IncrementalNewlineDecoder

/** `io.IncrementalNewlineDecoder`. */
export const incrementalNewlineDecoderType: PyType = newBuiltinType("IncrementalNewlineDecoder");
placeCType(incrementalNewlineDecoderType, "_io");

class PyNewlineDecoder extends PyIOBase {
  declare decoder: PyValue;
  declare translate: boolean;
  declare pendingCR: boolean;
  declare seen: number;
  constructor(cls: PyType) {
    super(cls);
    this.decoder = None;
    this.translate = false;
    this.pendingCR = false;
    this.seen = 0;
  }
}

function nld(args: PyValue[]): PyNewlineDecoder {
  if (!(args[0] instanceof PyNewlineDecoder)) {
    raise(Exc.TypeError, "descriptor requires a '_io.IncrementalNewlineDecoder' object");
  }
  return args[0];
}

{
  const t = incrementalNewlineDecoderType;
  t.tp_new = (cls) => new PyNewlineDecoder(cls);
  installNew(t);
  defMethod(t, "__init__", (args, kwnames) => {
    const [decoder, translate] = bindArgs(
      "IncrementalNewlineDecoder",
      args.slice(1),
      kwnames,
      ["decoder", "translate", "errors"],
      2,
    );
    const d = nld(args);
    d.decoder = decoder!;
    d.translate = isTrue(translate!);
    d.pendingCR = false;
    d.seen = 0;
    return None;
  });
  defMethod(t, "decode", (args, kwnames) => {
    const [input, finalV] = bindArgs("decode", args.slice(1), kwnames, ["input", "final"], 1);
    const d = nld(args);
    const final = finalV !== undefined && isTrue(finalV);
    let s: string;
    if (d.decoder === None) {
      const v = strValueOf(input!);
      if (v === undefined) {
        raise(Exc.TypeError, `decoder should return a string result, not '${typeOf(input!).name}'`);
      }
      s = v;
    } else {
      const r = call(getAttr(d.decoder, "decode"), [input!, final], ["final"]);
      const v = strValueOf(r);
      if (v === undefined) {
        raise(Exc.TypeError, `decoder should return a string result, not '${typeOf(r).name}'`);
      }
      s = v;
    }
    if (d.pendingCR && (s.length > 0 || final)) {
      s = "\r" + s;
      d.pendingCR = false;
    }
    if (s.endsWith("\r") && !final) {
      s = s.slice(0, -1);
      d.pendingCR = true;
    }
    const crlf = s.split("\r\n").length - 1;
    const cr = s.split("\r").length - 1 - crlf;
    const lf = s.split("\n").length - 1 - crlf;
    if (cr > 0) d.seen |= 1;
    if (lf > 0) d.seen |= 2;
    if (crlf > 0) d.seen |= 4;
    if (d.translate) {
      if (crlf > 0) s = s.replaceAll("\r\n", "\n");
      if (cr > 0) s = s.replaceAll("\r", "\n");
    }
    return s;
  });
  defMethod(t, "getstate", (args) => {
    const d = nld(args);
    return newTuple([new PyBytes(new Uint8Array(0)), d.pendingCR ? 1 : 0]);
  });
  defMethod(t, "setstate", (args) => {
    checkMethodArgs("setstate", args, null, 1, 1);
    const d = nld(args);
    const items = (args[1] as { items?: PyValue[] }).items;
    if (items === undefined || items.length !== 2) raise(Exc.TypeError, "state argument must be a tuple");
    d.pendingCR = (intArg(items[1]) & 1) === 1;
    return None;
  });
  defMethod(t, "reset", (args) => {
    const d = nld(args);
    d.pendingCR = false;
    d.seen = 0;
    return None;
  });
  defGetSet(t, "newlines", (o) => newlinesValue(true, (o as PyNewlineDecoder).seen));
}

// ---------------------------------------------------------------------------------------------
// The standard streams

/**
 * A fresh set of standard streams (stdin, stdout, stderr) over the process's descriptors 0, 1 and
 * 2 (an embedding runtime makes its own, so that what one runtime's stdin read ahead is not
 * another's).
 */
export function newStdStreams(): [PyTextStream, PyTextStream, PyTextStream] {
  const stdin = newTextFile(
    newBuffered(stdFileIO(0, "<stdin>"), "reader"),
    "utf-8",
    "surrogateescape",
    null,
    false,
    false,
  );
  const stdoutBuffer = newBuffered(stdFileIO(1, "<stdout>"), "writer");
  // Text flushed to fd 1 follows the bytes this buffer already holds (objects/stdio.ts).
  stdoutBinaryLayer.flush = () => stdoutBuffer.flushAtExit();
  const stdout = newTextFile(
    stdoutBuffer,
    "utf-8",
    "surrogateescape",
    null,
    Deno.stdout.isTerminal(),
    false,
  );
  const stderr = newTextFile(
    newBuffered(stdFileIO(2, "<stderr>"), "writer"),
    "utf-8",
    "backslashreplace",
    null,
    true,
    false,
  );
  for (
    const [s, mode, fd] of [[stdin, "r", -1], [stdout, "w", 1], [stderr, "w", 2]] as [
      PyTextFile,
      string,
      number,
    ][]
  ) {
    s.dict!.setStr("mode", mode);
    s.stdFd = fd;
    s.updatePlainWrites();
  }
  return [stdin, stdout, stderr];
}
installStdStreams(...newStdStreams());

/** Flushes every stream still holding unwritten data. */
export function flushOpenFiles(): void {
  for (const s of [...dirtyStreams]) s.flushAtExit();
}
onProgramExit(flushOpenFiles);
setStreamErrorConversion((e) => osError(e));
globalThis.addEventListener("unload", flushOpenFiles);

// ---------------------------------------------------------------------------------------------
// The module

/** The classes and constants, by the names `io` gives them. */
function moduleContents(): Record<string, PyValue> {
  return {
    DEFAULT_BUFFER_SIZE,
    SEEK_SET: 0,
    SEEK_CUR: 1,
    SEEK_END: 2,
    IOBase: ioBaseType,
    RawIOBase: rawIOBaseType,
    BufferedIOBase: bufferedIOBaseType,
    TextIOBase: textIOBaseType,
    FileIO: fileIOType,
    BufferedReader: bufferedReaderType,
    BufferedWriter: bufferedWriterType,
    BufferedRandom: bufferedRandomType,
    BufferedRWPair: bufferedRWPairType,
    TextIOWrapper: textIOWrapperType,
    StringIO: stringIOType,
    BytesIO: bytesIOType,
    IncrementalNewlineDecoder: incrementalNewlineDecoderType,
    UnsupportedOperation: unsupportedOperationType,
    BlockingIOError: Exc.BlockingIOError,
  };
}

/** The builtin `open` of this run, which io.open is (`io.open is open`). */
function sharedOpen(): PyValue {
  const f = builtinsModule().dict!.getStr("open");
  if (f instanceof PyBuiltinFunction && f.fn === openFile) return f;
  return new PyBuiltinFunction("open", openFile, null, "io");
}

function textEncoding(args: PyValue[], kwnames: string[] | null): PyValue {
  const [encoding] = bindArgs("text_encoding", args, kwnames, ["encoding", "stacklevel"], 1);
  return encoding === None ? "locale" : encoding!;
}

function makeModule(name: string, names: Record<string, string>): PyModule {
  const d = new PyDict();
  const m = new PyModule(name, d);
  const contents = moduleContents();
  for (const [k, v] of Object.entries(contents)) d.setStr(names[k] ?? k, v);
  d.setStr("open", sharedOpen());
  d.setStr(
    "open_code",
    new PyBuiltinFunction(
      "open_code",
      (args, kwnames) => {
        const [path] = bindArgs("open_code", args, kwnames, ["path"], 1);
        if (strValueOf(path!) === undefined) {
          raise(Exc.TypeError, `open_code() argument 'path' must be str, not ${typeOf(path!).name}`);
        }
        return openFile([path!, "rb"], null);
      },
      null,
      name,
    ),
  );
  d.setStr("text_encoding", new PyBuiltinFunction("text_encoding", textEncoding, null, name));
  return m;
}

/** Builds the `io` module. */
export function makeIoModule(): PyModule {
  return makeModule("io", {});
}

/** Builds the `_io` module (the base classes under their C names). */
export function makeUnderscoreIoModule(): PyModule {
  return makeModule("_io", {
    IOBase: "_IOBase",
    RawIOBase: "_RawIOBase",
    BufferedIOBase: "_BufferedIOBase",
    TextIOBase: "_TextIOBase",
  });
}
