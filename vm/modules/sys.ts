/**
 * The `sys` module: the program's argv and the process streams → a module object. stdout is one
 * buffered writer shared by `print` and `sys.stdout.write`, flushed at exit (`flushStdout`), when
 * the buffer fills, and before anything is written to stderr, so the two interleave as in CPython.
 *
 * @example
 * ```ts
 * import { makeSysModule, flushStdout, writeStdout } from "./sys.ts";
 * const sys = makeSysModule(["prog.py"]);
 * writeStdout("hi\n");
 * flushStdout();
 * ```
 * @module
 */
import {
  checkArgs,
  checkMethodArgs,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  newObject,
  newTuple,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyGetSetDescriptor,
  PyList,
  PyModule,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import { asIndex, call, getAttr, intValueOf, repr, str, strValueOf } from "../ops.ts";
import { threadState } from "../frame.ts";

// ---------------------------------------------------------------------------------------------
// The process streams

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

// ---------------------------------------------------------------------------------------------
// Struct sequences (sys.version_info, sys.float_info, …)

/** Makes a named-tuple-like type whose repr is `name(field=value, …)`. */
export function structSeqType(name: string, fields: string[]): PyType {
  const t = newBuiltinType(name, typeOf(newTuple([1])), 0);
  const dot = name.lastIndexOf(".");
  if (dot >= 0) {
    t.module = name.slice(0, dot);
    t.name = t.qualname = name.slice(dot + 1);
  }
  fields.forEach((f, i) => {
    t.attrs.set(f, new PyGetSetDescriptor(f, t, (obj) => (obj as PyTuple).items[i]));
  });
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${name}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
  t.attrs.set("n_fields", fields.length);
  t.attrs.set("n_sequence_fields", fields.length);
  return t;
}

/** Makes an instance of a struct sequence type. */
export function structSeq(t: PyType, values: PyValue[]): PyTuple {
  return new PyTuple(values, t);
}

// ---------------------------------------------------------------------------------------------
// The module

/** The Python version we report (CPython 3.11 produced our expected outputs). */
export const PYTHON_VERSION: [number, number, number] = [3, 11, 7];

let sysModule: PyModule | null = null;

/** The sys module of the running program (made by makeSysModule). */
export function getSysModule(): PyModule {
  if (sysModule === null) sysModule = makeSysModule([""]);
  return sysModule;
}

/** sys.stdout as the program sees it now (it may have been replaced). */
export function currentStdout(): PyValue {
  return getSysModule().dict!.getStr("stdout") ?? None;
}

/** sys.stderr as the program sees it now. */
export function currentStderr(): PyValue {
  return getSysModule().dict!.getStr("stderr") ?? None;
}

/** Builds the sys module for a program run with `argv`. */
export function makeSysModule(argv: string[]): PyModule {
  const d = new PyDict();
  const m = new PyModule("sys", d);
  sysModule = m;
  const fn = (name: string, f: (args: PyValue[], kwnames: string[] | null) => PyValue) =>
    d.setStr(name, new PyBuiltinFunction(name, f, null, "sys"));
  d.setStr("argv", new PyList(argv.slice()));
  d.setStr("orig_argv", new PyList(["pyjit", ...argv]));
  d.setStr("stdin", stdinObject);
  d.setStr("stdout", stdoutObject);
  d.setStr("stderr", stderrObject);
  d.setStr("__stdin__", stdinObject);
  d.setStr("__stdout__", stdoutObject);
  d.setStr("__stderr__", stderrObject);
  d.setStr("maxsize", 9223372036854775807n);
  d.setStr("maxunicode", 1114111);
  d.setStr("byteorder", "little");
  d.setStr("platform", "linux");
  d.setStr("executable", "pyjit");
  d.setStr("prefix", "/usr/local");
  d.setStr("exec_prefix", "/usr/local");
  d.setStr("path", new PyList([""]));
  d.setStr("modules", new PyDict());
  d.setStr("builtin_module_names", newTuple(["builtins", "sys", "math", "time"]));
  d.setStr("dont_write_bytecode", true);
  d.setStr("copyright", "pyjit: a Python runtime for Deno");
  const [maj, min, mic] = PYTHON_VERSION;
  const versionInfoType = structSeqType("sys.version_info", [
    "major",
    "minor",
    "micro",
    "releaselevel",
    "serial",
  ]);
  versionInfoType.name = versionInfoType.qualname = "version_info";
  const versionInfo = structSeq(versionInfoType, [maj, min, mic, "final", 0]);
  fixStructRepr(versionInfoType, "sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"]);
  d.setStr("version_info", versionInfo);
  d.setStr("version", `${maj}.${min}.${mic} (pyjit) [Deno ${Deno.version.deno}]`);
  d.setStr("hexversion", (maj << 24) | (min << 16) | (mic << 8) | 0xf0);
  d.setStr("api_version", 1013);
  const implementation = newObject(simpleNamespaceType(), new PyDict());
  implementation.dict!.setStr("name", "pyjit");
  implementation.dict!.setStr("cache_tag", None);
  implementation.dict!.setStr("version", versionInfo);
  implementation.dict!.setStr("hexversion", (maj << 24) | (min << 16) | (mic << 8) | 0xf0);
  d.setStr("implementation", implementation);
  const floatInfoFields = [
    "max",
    "max_exp",
    "max_10_exp",
    "min",
    "min_exp",
    "min_10_exp",
    "dig",
    "mant_dig",
    "epsilon",
    "radix",
    "rounds",
  ];
  const floatInfoType = structSeqType("sys.float_info", floatInfoFields);
  d.setStr(
    "float_info",
    structSeq(floatInfoType, [
      new PyFloat(Number.MAX_VALUE),
      1024,
      308,
      new PyFloat(2.2250738585072014e-308),
      -1021,
      -307,
      15,
      53,
      new PyFloat(Number.EPSILON),
      2,
      1,
    ]),
  );
  const intInfoFields = [
    "bits_per_digit",
    "sizeof_digit",
    "default_max_str_digits",
    "str_digits_check_threshold",
  ];
  d.setStr("int_info", structSeq(structSeqType("sys.int_info", intInfoFields), [30, 4, 4300, 640]));
  const hashInfoFields = [
    "width",
    "modulus",
    "inf",
    "nan",
    "imag",
    "algorithm",
    "hash_bits",
    "seed_bits",
    "cutoff",
  ];
  d.setStr(
    "hash_info",
    structSeq(structSeqType("sys.hash_info", hashInfoFields), [
      64,
      2305843009213693951,
      314159,
      0,
      1000003,
      "siphash13",
      64,
      128,
      0,
    ]),
  );
  fn("exit", (args) => {
    checkArgs("exit", args, null, 0, 1);
    throw newException(Exc.SystemExit, args.length === 0 ? [] : [args[0]]);
  });
  fn("getrecursionlimit", (args) => {
    checkArgs("getrecursionlimit", args, null, 0, 0);
    return threadState.recursionLimit;
  });
  fn("setrecursionlimit", (args) => {
    checkArgs("setrecursionlimit", args, null, 1, 1);
    if (intValueOf(args[0]) === undefined) raise(Exc.TypeError, "an integer is required");
    const n = asIndex(args[0]);
    if (n < 1) raise(Exc.ValueError, "recursion limit must be greater or equal than 1");
    const limit = Number(n);
    if (limit <= threadState.depth) {
      raise(
        Exc.RecursionError,
        `cannot set the recursion limit to ${limit} at the recursion depth ${threadState.depth}: the limit is too low`,
      );
    }
    threadState.recursionLimit = limit;
    return None;
  });
  fn("getsizeof", () => raise(Exc.NotImplementedError, "sys.getsizeof is not supported by pyjit"));
  fn("intern", (args) => {
    checkArgs("intern", args, null, 1, 1);
    if (typeof args[0] !== "string") {
      raise(Exc.TypeError, `intern() argument must be str, not ${typeOf(args[0]).name}`);
    }
    return args[0];
  });
  fn("getdefaultencoding", () => "utf-8");
  fn("getfilesystemencoding", () => "utf-8");
  fn("exc_info", () => {
    const e = threadState.excInfo;
    if (e === None) return newTuple([None, None, None]);
    return newTuple([typeOf(e), e, (e as { traceback?: PyValue }).traceback ?? None]);
  });
  fn("exception", () => threadState.excInfo);
  fn("_getframe", () => raise(Exc.NotImplementedError, "sys._getframe is not supported by pyjit"));
  fn("getrefcount", (args) => {
    checkArgs("getrefcount", args, null, 1, 1);
    return 2;
  });
  d.setStr("flags", makeFlags());
  return m;
}

function fixStructRepr(t: PyType, name: string, fields: string[]): void {
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${name}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
}

function makeFlags(): PyTuple {
  const names = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
  ];
  const values: PyValue[] = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, false, 0, 0, false, -1];
  return structSeq(structSeqType("sys.flags", names), values);
}

let namespaceType: PyType | null = null;
/** `types.SimpleNamespace`: attribute bag with repr `namespace(a=1, …)`. */
export function simpleNamespaceType(): PyType {
  if (namespaceType !== null) return namespaceType;
  const t = newBuiltinType("SimpleNamespace");
  t.module = "types";
  t.hasInstanceDict = true;
  t.tp_new = (cls, args, kwnames) => {
    const o = newObject(cls, new PyDict());
    const npos = args.length - (kwnames?.length ?? 0);
    if (npos > 0) {
      raise(Exc.TypeError, `SimpleNamespace expected at most 0 positional arguments, got ${npos}`);
    }
    kwnames?.forEach((k, i) => o.dict!.setStr(k, args[npos + i]));
    return o;
  };
  defMethod(t, "__repr__", (args) => {
    const o = args[0] as PyObject;
    const parts = o.dict!.keyList().map((k) => `${str(k)}=${repr(o.dict!.get(k)!)}`);
    return `namespace(${parts.join(", ")})`;
  });
  namespaceType = t;
  return t;
}
