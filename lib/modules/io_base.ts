/**
 * The io class hierarchy's roots: `IOBase`, `RawIOBase`, `BufferedIOBase`, `TextIOBase` (CPython's
 * `_io._IOBase` family, which `io`'s ABCs wrap) with their generic methods, which work on any
 * subclass by calling its own methods (a Python class that defines `readinto` gets `read`,
 * `readline`, iteration, `with` …), and `io.UnsupportedOperation`. Also the argument helpers the
 * concrete stream types share (sizes, bytes-like buffers, the closed-file error).
 *
 * @example
 * ```ts
 * import { rawIOBaseType } from "./io_base.ts";
 * console.log(rawIOBaseType.name); // "RawIOBase"
 * ```
 * @module
 */
import {
  bindArgs,
  bytearrayType,
  checkMethodArgs,
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  newTuple,
  None,
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import {
  asIndex,
  call,
  callMethod0,
  getAttr,
  getIter,
  indexSizedMessage,
  intValueOf,
  isTrue,
  iterNext,
  len,
  ssizeOrRaise,
} from "../../objects/ops.ts";
import { installDict, installNew } from "../../objects/types/type.ts";
import "../../objects/types/all.ts";
import { ioBaseType, PyIOBase, textIOBaseType } from "../../objects/stdio.ts";

export { ioBaseType, textIOBaseType };

/** `io.RawIOBase`. */
export const rawIOBaseType: PyType = newBuiltinType("RawIOBase", ioBaseType);
rawIOBaseType.module = "io";
/** `io.BufferedIOBase`. */
export const bufferedIOBaseType: PyType = newBuiltinType("BufferedIOBase", ioBaseType);
bufferedIOBaseType.module = "io";

for (const t of [ioBaseType, rawIOBaseType, bufferedIOBaseType, textIOBaseType]) {
  t.tp_new = (cls) => new PyIOBase(cls);
  t.solidBase = ioBaseType; // no fields of their own: a class may derive from several of them
  t.hasInstanceDict = true;
  installNew(t);
}
installDict(ioBaseType);

/** `io.UnsupportedOperation(OSError, ValueError)`. */
export const unsupportedOperationType: PyType = call(typeType, [
  "UnsupportedOperation",
  newTuple([Exc.OSError, Exc.ValueError]),
  (() => {
    const d = new PyDict();
    d.setStr("__module__", "io");
    return d;
  })(),
]) as PyType;

/** Throws io.UnsupportedOperation(message). */
export function unsupported(message: string): never {
  throw call(unsupportedOperationType, [message]);
}

/** Throws `ValueError: I/O operation on closed file.` (CPython words some checks without the dot). */
export function closedFileError(dot = true): never {
  raise(Exc.ValueError, dot ? "I/O operation on closed file." : "I/O operation on closed file");
}

/** `io.DEFAULT_BUFFER_SIZE`. */
export const DEFAULT_BUFFER_SIZE = 8192;

// ---------------------------------------------------------------------------------------------
// Argument helpers

/** A size argument: an int, or None for -1 ("everything"). */
export function sizeArg(v: PyValue | undefined): number {
  if (v === undefined || v === None) return -1;
  const n = intValueOf(v);
  if (n === undefined) {
    if (v instanceof PyFloat) raise(Exc.TypeError, "argument should be integer or None, not 'float'");
    const index = typeOf(v).lookup("__index__");
    if (index === undefined) {
      raise(Exc.TypeError, `argument should be integer or None, not '${typeOf(v).name}'`);
    }
  }
  // CPython's Py_ssize_t converter: OverflowError beyond it.
  const size = asIndex(v);
  return typeof size === "number" ? size : ssizeOrRaise(size, Exc.OverflowError, indexSizedMessage(v));
}

/** An int argument (a position, a whence). */
export function intArg(v: PyValue, what = "an integer is required"): number {
  const n = intValueOf(v);
  if (n === undefined) {
    const index = typeOf(v).lookup("__index__");
    if (index !== undefined && !(v instanceof PyFloat)) return Number(intValueOf(callMethod0(index, v)));
    raise(
      Exc.TypeError,
      what === "an integer is required"
        ? `'${typeOf(v).name}' object cannot be interpreted as an integer`
        : what,
    );
  }
  return Number(n);
}

/** The bytes of a bytes-like argument (bytes, bytearray), or CPython's TypeError. */
export function bufferArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  if (typeof v === "string" || typeOf(v).name === "str") {
    raise(Exc.TypeError, "a bytes-like object is required, not 'str'");
  }
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

/** A writable bytes-like argument (bytearray) for readinto. */
export function writableBufferArg(v: PyValue, fname: string): PyBytes {
  if (v instanceof PyBytes && v.cls.isSubtypeOf(bytearrayType)) return v;
  return raise(
    Exc.TypeError,
    `${fname}() argument must be read-write bytes-like object, not ${typeOf(v).name}`,
  );
}

/** `bytes(data)`. */
export function newBytes(data: Uint8Array): PyBytes {
  return new PyBytes(data);
}

/** Calls `obj.name(*args)`. */
export function callMethodNamed(obj: PyValue, name: string, args: PyValue[] = []): PyValue {
  return call(getAttr(obj, name), args);
}

/** Whether `obj.closed` is true (the generic check for any stream). */
export function isClosed(obj: PyValue): boolean {
  if (obj instanceof PyIOBase && typeOf(obj).lookup("closed") === ioBaseType.attrs.get("closed")) {
    return obj.baseClosed;
  }
  return isTrue(getAttr(obj, "closed"));
}

/** IOBase._checkClosed. */
export function checkClosed(obj: PyValue): void {
  if (isClosed(obj)) closedFileError();
}

function self(args: PyValue[]): PyValue {
  return args[0];
}

// ---------------------------------------------------------------------------------------------
// IOBase: the generic methods

defGetSet(ioBaseType, "closed", (o) => o instanceof PyIOBase && o.baseClosed);
defGetSet(ioBaseType, "__IOBase_closed", (o) => o instanceof PyIOBase && o.baseClosed);

defMethod(ioBaseType, "close", (args) => {
  checkMethodArgs("close", args, null, 0, 0);
  const o = self(args);
  if (o instanceof PyIOBase && !o.baseClosed) {
    try {
      callMethodNamed(o, "flush");
    } finally {
      o.baseClosed = true;
    }
  }
  return None;
});
defMethod(ioBaseType, "flush", (args) => {
  checkMethodArgs("flush", args, null, 0, 0);
  const o = self(args);
  if (o instanceof PyIOBase && o.baseClosed) closedFileError();
  return None;
});
defMethod(ioBaseType, "fileno", () => unsupported("fileno"));
defMethod(ioBaseType, "seek", () => unsupported("seek"));
defMethod(ioBaseType, "tell", (args) => {
  checkMethodArgs("tell", args, null, 0, 0);
  return callMethodNamed(self(args), "seek", [0, 1]);
});
defMethod(ioBaseType, "truncate", () => unsupported("truncate"));
defMethod(ioBaseType, "isatty", (args) => {
  checkMethodArgs("isatty", args, null, 0, 0);
  checkClosed(self(args));
  return false;
});
for (const name of ["readable", "writable", "seekable"]) {
  defMethod(ioBaseType, name, (args) => {
    checkMethodArgs(name, args, null, 0, 0);
    return false;
  });
}
for (
  const [name, what] of [["_checkReadable", "readable"], ["_checkWritable", "writable"], [
    "_checkSeekable",
    "seekable",
  ]]
) {
  defMethod(ioBaseType, name, (args) => {
    if (!isTrue(callMethodNamed(self(args), what))) {
      unsupported(`File or stream is not ${what}.`);
    }
    return true;
  });
}
defMethod(ioBaseType, "_checkClosed", (args) => {
  checkClosed(self(args));
  return None;
});
defMethod(ioBaseType, "__enter__", (args) => {
  checkClosed(self(args));
  return self(args);
});
defMethod(ioBaseType, "__exit__", (args) => callMethodNamed(self(args), "close"));
defMethod(ioBaseType, "__iter__", (args) => {
  checkClosed(self(args));
  return self(args);
});
defMethod(ioBaseType, "__next__", (args) => {
  const line = callMethodNamed(self(args), "readline");
  if (len(line) === 0) throw newException(Exc.StopIteration, []);
  return line;
});

/** IOBase.readline: bytes up to and including b"\n", through peek() when there is one, else read(1). */
defMethod(ioBaseType, "readline", (args, kwnames) => {
  const [sizeV] = bindArgs("readline", args.slice(1), kwnames, ["size"], 0);
  const limit = sizeArg(sizeV);
  const o = self(args);
  const out: number[] = [];
  const peek = typeOf(o).lookup("peek") !== undefined ? getAttr(o, "peek") : null;
  while (limit < 0 || out.length < limit) {
    let n = 1;
    if (peek !== null) {
      const ahead = call(peek, [1]);
      if (!(ahead instanceof PyBytes)) break;
      if (ahead.data.length === 0) break;
      const nl = ahead.data.indexOf(10);
      n = nl >= 0 ? nl + 1 : ahead.data.length;
      if (limit >= 0) n = Math.min(n, limit - out.length);
    }
    const chunk = callMethodNamed(o, "read", [n]);
    if (chunk === None) break;
    if (!(chunk instanceof PyBytes)) {
      raise(Exc.OSError, `read() should have returned a bytes object, not '${typeOf(chunk).name}'`);
    }
    if (chunk.data.length === 0) break;
    for (const b of chunk.data) out.push(b);
    if (out[out.length - 1] === 10) break;
  }
  return newBytes(new Uint8Array(out));
});
defMethod(ioBaseType, "readlines", (args, kwnames) => {
  const [hintV] = bindArgs("readlines", args.slice(1), kwnames, ["hint"], 0);
  const hint = sizeArg(hintV);
  const it = getIter(self(args));
  const out: PyValue[] = [];
  let total = 0;
  for (let line = iterNext(it); line !== undefined; line = iterNext(it)) {
    out.push(line);
    total += len(line);
    if (hint > 0 && total >= hint) break;
  }
  return new PyList(out);
});
defMethod(ioBaseType, "writelines", (args) => {
  checkMethodArgs("writelines", args, null, 1, 1);
  const o = self(args);
  checkClosed(o);
  const write = getAttr(o, "write");
  const it = getIter(args[1]);
  for (let line = iterNext(it); line !== undefined; line = iterNext(it)) call(write, [line]);
  return None;
});
ioBaseType.tp_iter = (o) => {
  checkClosed(o);
  return o;
};
ioBaseType.tp_iternext = (o) => {
  const line = callMethodNamed(o, "readline");
  return len(line) === 0 ? undefined : line;
};

// ---------------------------------------------------------------------------------------------
// RawIOBase: read and readall in terms of readinto

defMethod(rawIOBaseType, "read", (args, kwnames) => {
  const [sizeV] = bindArgs("read", args.slice(1), kwnames, ["size"], 0);
  const size = sizeArg(sizeV);
  const o = self(args);
  if (size < 0) return callMethodNamed(o, "readall");
  const b = new PyBytes(new Uint8Array(size), bytearrayType);
  const n = callMethodNamed(o, "readinto", [b]);
  if (n === None) return None;
  const count = intArg(n);
  if (count < 0 || count > size) {
    raise(Exc.ValueError, `readinto returned ${count} outside buffer size ${size}`);
  }
  return newBytes(b.data.slice(0, count));
});
defMethod(rawIOBaseType, "readall", (args) => {
  const o = self(args);
  const chunks: Uint8Array[] = [];
  for (;;) {
    const data = callMethodNamed(o, "read", [DEFAULT_BUFFER_SIZE]);
    if (data === None) {
      if (chunks.length === 0) return None;
      break;
    }
    const bytes = bufferArg(data);
    if (bytes.length === 0) break;
    chunks.push(bytes);
  }
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return newBytes(out);
});
defMethod(rawIOBaseType, "readinto", () => raise(Exc.NotImplementedError, ""));
defMethod(rawIOBaseType, "write", () => raise(Exc.NotImplementedError, ""));

// ---------------------------------------------------------------------------------------------
// BufferedIOBase and TextIOBase: what a subclass must provide raises UnsupportedOperation

for (const name of ["read", "read1", "write", "detach"]) {
  defMethod(bufferedIOBaseType, name, () => unsupported(name));
}
/** readinto / readinto1 in terms of read / read1. */
function bufferedReadinto(method: "read" | "read1", name: string) {
  defMethod(bufferedIOBaseType, name, (args) => {
    checkMethodArgs(name, args, null, 1, 1);
    const b = writableBufferArg(args[1], name);
    const data = bufferArg(callMethodNamed(self(args), method, [b.data.length]));
    if (data.length > b.data.length) raise(Exc.ValueError, "read() returned too much data");
    b.data.set(data);
    return data.length;
  });
}
bufferedReadinto("read", "readinto");
bufferedReadinto("read1", "readinto1");

for (const name of ["read", "readline", "write", "detach"]) {
  defMethod(textIOBaseType, name, () => unsupported(name));
}
for (const name of ["encoding", "newlines", "errors"]) {
  defGetSet(textIOBaseType, name, () => None);
}
