/**
 * Buffered binary streams over a raw stream: `io.BufferedReader` (read-ahead), `io.BufferedWriter`
 * (writes collected and passed down in blocks on flush/close or when the buffer fills),
 * `io.BufferedRandom` (both, keeping the raw position consistent when reads and writes alternate)
 * and `io.BufferedRWPair`. A raw `FileIO` is driven directly from TypeScript; any other raw object
 * (a Python RawIOBase subclass) through its methods.
 *
 * @example
 * ```ts
 * import { newBuffered } from "./io_buffered.ts";
 * import { openFileIO } from "./io_file.ts";
 * const f = newBuffered(openFileIO("out.bin", "wb", true), "writer");
 * f.writeBytes(new Uint8Array([1, 2, 3]));
 * f.close();
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
  None,
  placeCType,
  PyBytes,
  PyList,
  type PyMethodDescriptor,
  type PyType,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { call, getAttr, isExceptionOf, isTrue, repr } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { PyIOBase } from "../../objects/stdio.ts";
import {
  bufferArg,
  bufferedIOBaseType,
  callMethodNamed,
  closedFileError,
  DEFAULT_BUFFER_SIZE,
  intArg,
  newBytes,
  sizeArg,
  unsupported,
  writableBufferArg,
} from "./io_base.ts";
import { fileIOType, PyFileIO } from "./io_file.ts";
import { concatBytes } from "./text_codecs.ts";

/** `_io.BufferedReader`. */
export const bufferedReaderType: PyType = newBuiltinType("BufferedReader", bufferedIOBaseType);
/** `_io.BufferedWriter`. */
export const bufferedWriterType: PyType = newBuiltinType("BufferedWriter", bufferedIOBaseType);
/** `_io.BufferedRandom`. */
export const bufferedRandomType: PyType = newBuiltinType("BufferedRandom", bufferedIOBaseType);
/** `_io.BufferedRWPair`. */
export const bufferedRWPairType: PyType = newBuiltinType("BufferedRWPair", bufferedIOBaseType);
for (const t of [bufferedReaderType, bufferedWriterType, bufferedRandomType, bufferedRWPairType]) {
  placeCType(t, "_io");
}

const EMPTY = new Uint8Array(0);

/** Streams whose buffers hold unwritten data, flushed when the program ends. */
export const dirtyStreams: Set<{ flushAtExit(): void }> = new Set();

/** A buffered binary stream (reader, writer or both). */
export class PyBuffered extends PyIOBase {
  declare raw: PyValue;
  /** The raw stream when it is a plain FileIO: driven without Python calls. */
  declare rawFile: PyFileIO | null;
  declare bufferSize: number;
  declare canRead: boolean;
  declare canWrite: boolean;
  /** Read-ahead bytes: readBuf[readPos:readEnd) are still to be consumed. */
  declare readBuf: Uint8Array;
  declare readPos: number;
  declare readEnd: number;
  /** Bytes written but not yet passed to the raw stream. */
  declare writeBuf: Uint8Array;
  declare writeLen: number;
  declare detached: boolean;
  /** The writer of a BufferedRWPair (null for the other kinds). */
  declare pairWriter: PyBuffered | null;
  constructor(cls: PyType) {
    super(cls);
    this.raw = None;
    this.rawFile = null;
    this.bufferSize = DEFAULT_BUFFER_SIZE;
    this.canRead = false;
    this.canWrite = false;
    this.readBuf = EMPTY;
    this.readPos = 0;
    this.readEnd = 0;
    this.writeBuf = EMPTY;
    this.writeLen = 0;
    this.detached = false;
    this.pairWriter = null;
  }

  /** Raises when detached (every operation but repr checks this first). */
  ok(): void {
    if (this.detached) raise(Exc.ValueError, "raw stream has been detached");
  }

  rawClosed(): boolean {
    if (this.rawFile !== null) return this.rawFile.entry === null;
    return isTrue(getAttr(this.raw, "closed"));
  }

  /** `what of closed file` (CPython's wording for the buffered operations). */
  checkOpen(what: string): void {
    this.ok();
    if (this.rawClosed()) {
      if (what === "") closedFileError(false);
      raise(Exc.ValueError, `${what} of closed file`);
    }
  }

  // --- raw calls -----------------------------------------------------------------------------

  /** One raw read of up to n bytes; null when the raw stream has nothing now (non-blocking). */
  private rawRead(n: number): Uint8Array | null {
    if (this.rawFile !== null) return this.rawFile.readSome(n);
    const b = new PyBytes(new Uint8Array(n), bytearrayType);
    const r = callMethodNamed(this.raw, "readinto", [b]);
    if (r === None) return null;
    const count = intArg(r);
    if (count < 0 || count > n) {
      raise(
        Exc.OSError,
        `raw readinto() returned invalid length ${count} (should have been between 0 and ${n})`,
      );
    }
    return b.data.subarray(0, count);
  }

  private rawWrite(data: Uint8Array): number {
    if (this.rawFile !== null) return this.rawFile.write(data);
    const r = callMethodNamed(this.raw, "write", [newBytes(data.slice())]);
    if (r === None) return 0;
    return intArg(r);
  }

  rawSeek(pos: number, whence: number): number {
    if (this.rawFile !== null) return this.rawFile.seek(pos, whence);
    return intArg(callMethodNamed(this.raw, "seek", [pos, whence]));
  }

  rawTell(): number {
    if (this.rawFile !== null) return this.rawFile.tell();
    const n = intArg(callMethodNamed(this.raw, "tell"));
    if (n < 0) raise(Exc.OSError, `Raw stream returned invalid position ${n}`);
    return n;
  }

  // --- reading -------------------------------------------------------------------------------

  /** Bytes available without a raw read. */
  get available(): number {
    return this.readEnd - this.readPos;
  }

  /** Before reading: pending writes go down first (BufferedRandom). */
  private prepareRead(what: string): void {
    this.checkOpen(what);
    if (!this.canRead) unsupported(what === "read" ? "read" : what);
    if (this.writeLen > 0) this.flushWrites();
  }

  /** Refills the read buffer with one raw read; false at end of stream (or nothing available). */
  private fill(): boolean {
    if (this.readBuf.length !== this.bufferSize) this.readBuf = new Uint8Array(this.bufferSize);
    const data = this.rawRead(this.bufferSize);
    if (data === null || data.length === 0) {
      this.readPos = this.readEnd = 0;
      return false;
    }
    this.readBuf.set(data);
    this.readPos = 0;
    this.readEnd = data.length;
    return true;
  }

  /** Takes up to n buffered bytes. */
  private take(n: number): Uint8Array {
    const k = Math.min(n, this.available);
    const out = this.readBuf.slice(this.readPos, this.readPos + k);
    this.readPos += k;
    return out;
  }

  /** `read(n)`: n bytes or fewer at end of stream (n < 0: everything). Null: nothing available. */
  readBytes(n: number): Uint8Array | null {
    this.prepareRead("read");
    if (n < -1) raise(Exc.ValueError, "read length must be non-negative or -1");
    if (n >= 0 && n <= this.available) {
      const out = this.readBuf.slice(this.readPos, this.readPos + n);
      this.readPos += n;
      return out;
    }
    const chunks: Uint8Array[] = [];
    let got = this.available;
    if (got > 0) chunks.push(this.take(got));
    if (n < 0) {
      const rest = this.rawFile !== null ? this.rawFile.readAll() : this.rawReadAll();
      if (rest === null) return chunks.length > 0 ? concatBytes(chunks) : null;
      if (rest.length > 0) chunks.push(rest);
      return chunks.length === 0 ? EMPTY : concatBytes(chunks);
    }
    while (got < n) {
      const want = n - got;
      if (want >= this.bufferSize) {
        const data = this.rawRead(want);
        if (data === null) {
          if (chunks.length === 0) return null;
          break;
        }
        if (data.length === 0) break;
        chunks.push(data.slice());
        got += data.length;
      } else {
        if (!this.fill()) break;
        const part = this.take(want);
        chunks.push(part);
        got += part.length;
      }
    }
    return chunks.length === 0 ? EMPTY : concatBytes(chunks);
  }

  private rawReadAll(): Uint8Array | null {
    const f = getAttr(this.raw, "readall");
    const r = call(f, []);
    if (r === None) return null;
    return bufferArg(r);
  }

  /** `read1(n)`: buffered bytes, or at most one raw read. */
  read1(n: number): Uint8Array {
    this.prepareRead("read");
    if (n < 0) n = this.bufferSize;
    if (n === 0) return EMPTY;
    if (this.available > 0) return this.take(n);
    if (n >= this.bufferSize) return (this.rawRead(n) ?? EMPTY).slice();
    if (!this.fill()) return EMPTY;
    return this.take(n);
  }

  /** `peek(n)`: the buffered bytes (one raw read first when there are none). */
  peek(): Uint8Array {
    this.prepareRead("peek");
    if (this.available === 0) this.fill();
    return this.readBuf.slice(this.readPos, this.readEnd);
  }

  /** `readline(limit)`: bytes up to and including b"\n". */
  readLine(limit: number): Uint8Array {
    this.prepareRead("readline");
    const chunks: Uint8Array[] = [];
    let got = 0;
    for (;;) {
      if (this.available === 0 && !this.fill()) break;
      let end = this.readBuf.indexOf(10, this.readPos);
      if (end < 0 || end >= this.readEnd) end = this.readEnd;
      else end++;
      if (limit >= 0 && end - this.readPos > limit - got) end = this.readPos + (limit - got);
      const part = this.readBuf.slice(this.readPos, end);
      this.readPos = end;
      chunks.push(part);
      got += part.length;
      if ((part.length > 0 && part[part.length - 1] === 10) || (limit >= 0 && got >= limit)) break;
    }
    return concatBytes(chunks.length === 0 ? [EMPTY] : chunks);
  }

  /** Drops the read-ahead, moving the raw position back to the logical one. */
  private dropReadAhead(): void {
    if (this.available > 0) this.rawSeek(-this.available, 1);
    this.readPos = this.readEnd = 0;
  }

  // --- writing -------------------------------------------------------------------------------

  /** `write(b)`: returns the number of bytes accepted (all of them). */
  writeBytes(data: Uint8Array): number {
    this.ok();
    if (this.rawClosed()) raise(Exc.ValueError, "write to closed file");
    if (!this.canWrite) unsupported("write");
    if (this.canRead && this.available > 0) this.dropReadAhead();
    const n = data.length;
    if (this.writeLen + n <= this.bufferSize) {
      if (this.writeBuf.length !== this.bufferSize) {
        const grown = new Uint8Array(this.bufferSize);
        grown.set(this.writeBuf.subarray(0, this.writeLen));
        this.writeBuf = grown;
      }
      this.writeBuf.set(data, this.writeLen);
      this.writeLen += n;
      if (this.writeLen > 0) dirtyStreams.add(this);
      return n;
    }
    this.flushWrites();
    if (n >= this.bufferSize) {
      let done = 0;
      while (done < n) {
        const k = this.rawWrite(data.subarray(done));
        if (k <= 0) break;
        done += k;
      }
      return n;
    }
    return this.writeBytes(data);
  }

  /** Passes the collected writes to the raw stream. */
  flushWrites(): void {
    dirtyStreams.delete(this);
    if (this.writeLen === 0) return;
    let done = 0;
    try {
      while (done < this.writeLen) {
        const k = this.rawWrite(this.writeBuf.subarray(done, this.writeLen));
        if (k <= 0) {
          throw newException(Exc.BlockingIOError, [11, "write could not complete without blocking", done]);
        }
        done += k;
      }
    } finally {
      this.writeBuf.copyWithin(0, done, this.writeLen);
      this.writeLen -= done;
    }
  }

  /** `flush()`. */
  flush(): void {
    this.ok();
    if (this.canWrite) {
      if (this.rawClosed()) raise(Exc.ValueError, "flush of closed file");
      this.flushWrites();
    } else if (this.rawClosed()) closedFileError();
  }

  /** Flushes unwritten data as the program ends (errors are ignored, as at interpreter exit). */
  flushAtExit(): void {
    try {
      if (!this.detached && !this.rawClosed()) this.flushWrites();
    } catch {
      // the program is over
    }
  }

  // --- positioning ---------------------------------------------------------------------------

  tell(): number {
    this.checkOpen("");
    const pos = this.rawTell() - this.available + this.writeLen;
    if (pos < 0) raise(Exc.OSError, `Raw stream returned invalid position ${pos + this.available}`);
    return pos;
  }

  seek(pos: number, whence: number): number {
    this.ok();
    if (whence < 0 || whence > 4) raise(Exc.ValueError, `whence value ${whence} unsupported`);
    if (this.rawClosed()) raise(Exc.ValueError, "seek of closed file");
    if (this.writeLen > 0) this.flushWrites();
    // A target inside the read-ahead needs no raw seek.
    if ((whence === 0 || whence === 1) && this.readEnd > 0) {
      const rawPos = this.rawTell();
      const bufStart = rawPos - this.readEnd;
      const target = whence === 0 ? pos : rawPos - this.available + pos;
      if (target >= bufStart && target <= rawPos) {
        this.readPos = target - bufStart;
        return target;
      }
    }
    const offset = whence === 1 ? pos - this.available : pos;
    this.readPos = this.readEnd = 0;
    return this.rawSeek(offset, whence);
  }

  truncate(pos: PyValue): PyValue {
    this.ok();
    if (this.rawClosed()) raise(Exc.ValueError, "truncate of closed file");
    if (!this.canWrite) unsupported("truncate");
    this.flushWrites();
    const at = pos === None ? this.tell() : pos;
    this.dropReadAhead();
    return callRaw(this, "truncate", [at]);
  }

  close(): void {
    this.ok();
    if (this.rawClosed()) return;
    let error: unknown = null;
    try {
      if (this.canWrite) this.flushWrites();
    } catch (e) {
      error = e;
    }
    dirtyStreams.delete(this);
    if (this.rawFile !== null) this.rawFile.close();
    else callMethodNamed(this.raw, "close");
    if (this.pairWriter !== null) this.pairWriter.close();
    if (error !== null) throw error;
  }
}

/** Calls a method of the raw stream. */
function callRaw(b: PyBuffered, name: string, args: PyValue[] = []): PyValue {
  return callMethodNamed(b.raw, name, args);
}

/** The kinds of buffered stream, and which type each is. */
const KINDS = {
  reader: { type: bufferedReaderType, read: true, write: false },
  writer: { type: bufferedWriterType, read: false, write: true },
  random: { type: bufferedRandomType, read: true, write: true },
} as const;

/** Makes a buffered stream of `kind` over `raw` (checks as CPython's constructors do). */
export function newBuffered(
  raw: PyValue,
  kind: keyof typeof KINDS,
  bufferSize = DEFAULT_BUFFER_SIZE,
  cls: PyType = KINDS[kind].type,
): PyBuffered {
  const b = new PyBuffered(cls);
  initBuffered(b, raw, kind, bufferSize);
  return b;
}

function initBuffered(b: PyBuffered, raw: PyValue, kind: keyof typeof KINDS, bufferSize: number): void {
  const k = KINDS[kind];
  const check = (what: string) => {
    if (!isTrue(callMethodNamed(raw, what))) unsupported(`File or stream is not ${what}.`);
  };
  if (k.read) check("readable");
  if (k.write) check("writable");
  if (kind === "random") check("seekable");
  if (bufferSize <= 0) raise(Exc.ValueError, "buffer size must be strictly positive");
  b.raw = raw;
  b.rawFile = raw instanceof PyFileIO && raw.cls === fileIOType ? raw : null;
  b.bufferSize = bufferSize;
  b.canRead = k.read;
  b.canWrite = k.write;
  b.readBuf = EMPTY;
  b.readPos = b.readEnd = 0;
  b.writeBuf = EMPTY;
  b.writeLen = 0;
  b.detached = false;
}

function self(args: PyValue[]): PyBuffered {
  const b = args[0];
  if (!(b instanceof PyBuffered)) raise(Exc.TypeError, "descriptor requires a buffered stream object");
  return b;
}

/** `read(size)`'s result as Python: bytes, or None when nothing was available. */
function bytesOrNone(data: Uint8Array | null): PyValue {
  return data === null ? None : newBytes(data);
}

for (const [kind, { type }] of Object.entries(KINDS) as [keyof typeof KINDS, (typeof KINDS)["reader"]][]) {
  type.tp_new = (cls) => new PyBuffered(cls);
  installNew(type);
  defMethod(type, "__init__", (args, kwnames) => {
    const [raw, size] = bindArgs(type.name, args.slice(1), kwnames, ["raw", "buffer_size"], 1);
    initBuffered(self(args), raw!, kind, size === undefined ? DEFAULT_BUFFER_SIZE : intArg(size));
    return None;
  });
}

/** Methods every buffered stream has. */
for (const type of [bufferedReaderType, bufferedWriterType, bufferedRandomType]) {
  defGetSet(type, "raw", (o) => {
    (o as PyBuffered).ok();
    return (o as PyBuffered).raw;
  });
  defGetSet(type, "closed", (o) => {
    (o as PyBuffered).ok();
    return (o as PyBuffered).rawClosed();
  });
  defGetSet(type, "name", (o) => {
    (o as PyBuffered).ok();
    return getAttr((o as PyBuffered).raw, "name");
  });
  defGetSet(type, "mode", (o) => {
    (o as PyBuffered).ok();
    return getAttr((o as PyBuffered).raw, "mode");
  });
  defMethod(type, "close", (args) => {
    self(args).close();
    return None;
  });
  defMethod(type, "flush", (args) => {
    self(args).flush();
    return None;
  });
  defMethod(type, "detach", (args) => {
    const b = self(args);
    b.flush();
    b.detached = true;
    dirtyStreams.delete(b);
    return b.raw;
  });
  const own = type === bufferedReaderType
    ? ["readable"]
    : type === bufferedWriterType
    ? ["writable"]
    : ["readable", "writable"];
  for (const name of ["fileno", "isatty", "seekable", ...own]) {
    defMethod(type, name, (args) => {
      const b = self(args);
      b.ok();
      return callRaw(b, name);
    });
  }
  defMethod(type, "tell", (args) => self(args).tell());
  defMethod(type, "seek", (args) => {
    checkMethodArgs("seek", args, null, 1, 2);
    const b = self(args);
    b.ok();
    return b.seek(intArg(args[1]), args.length > 2 ? intArg(args[2]) : 0);
  });
  defMethod(type, "truncate", (args) => {
    checkMethodArgs("truncate", args, null, 0, 1);
    return self(args).truncate(args.length > 1 ? args[1] : None);
  });
  defMethod(type, "__repr__", (args) => {
    const b = self(args);
    const t = `${b.cls.module}.${b.cls.qualname}`;
    if (b.detached) return `<${t}>`;
    let name: PyValue;
    try {
      name = getAttr(b.raw, "name");
    } catch (e) {
      if (isExceptionOf(e, Exc.Exception)) return `<${t}>`;
      throw e;
    }
    return `<${t} name=${repr(name)}>`;
  });
  defMethod(type, "__sizeof__", (args) => 96 + self(args).bufferSize);
}

/** Read methods (BufferedReader, BufferedRandom). */
for (const type of [bufferedReaderType, bufferedRandomType]) {
  defMethod(type, "read", (args, kwnames) => {
    const [sizeV] = bindArgs("read", args.slice(1), kwnames, ["size"], 0);
    return bytesOrNone(self(args).readBytes(sizeArg(sizeV)));
  });
  defMethod(type, "read1", (args, kwnames) => {
    const [sizeV] = bindArgs("read1", args.slice(1), kwnames, ["size"], 0);
    return newBytes(self(args).read1(sizeArg(sizeV)));
  });
  defMethod(type, "peek", (args) => {
    checkMethodArgs("peek", args, null, 0, 1);
    return newBytes(self(args).peek());
  });
  defMethod(type, "readline", (args, kwnames) => {
    const [sizeV] = bindArgs("readline", args.slice(1), kwnames, ["size"], 0);
    return newBytes(self(args).readLine(sizeArg(sizeV)));
  });
  for (const [name, one] of [["readinto", false], ["readinto1", true]] as const) {
    defMethod(type, name, (args) => {
      checkMethodArgs(name, args, null, 1, 1);
      const b = self(args);
      b.checkOpen("readinto");
      const into = writableBufferArg(args[1], name);
      const data = one ? b.read1(into.data.length) : b.readBytes(into.data.length) ?? new Uint8Array(0);
      into.data.set(data);
      return data.length;
    });
  }
  defMethod(type, "readlines", (args, kwnames) => {
    const [hintV] = bindArgs("readlines", args.slice(1), kwnames, ["hint"], 0);
    const b = self(args);
    const hint = sizeArg(hintV);
    const out: PyValue[] = [];
    let total = 0;
    for (;;) {
      const line = b.readLine(-1);
      if (line.length === 0) break;
      out.push(newBytes(line));
      total += line.length;
      if (hint > 0 && total >= hint) break;
    }
    return new PyList(out);
  });
  type.tp_iter = (o) => {
    (o as PyBuffered).checkOpen("");
    return o;
  };
  type.tp_iternext = (o) => {
    const line = (o as PyBuffered).readLine(-1);
    return line.length === 0 ? undefined : newBytes(line);
  };
  defMethod(type, "__next__", (args) => {
    const line = self(args).readLine(-1);
    if (line.length === 0) throw newException(Exc.StopIteration, []);
    return newBytes(line);
  });
}

/** Write methods (BufferedWriter, BufferedRandom). */
for (const type of [bufferedWriterType, bufferedRandomType]) {
  defMethod(type, "write", (args) => {
    checkMethodArgs("write", args, null, 1, 1);
    const b = self(args);
    b.ok();
    if (b.rawClosed()) raise(Exc.ValueError, "write to closed file");
    return b.writeBytes(bufferArg(args[1]));
  });
}

// BufferedRWPair(reader, writer): reads from one raw stream, writes to another.
bufferedRWPairType.tp_new = (cls) => new PyBuffered(cls);
installNew(bufferedRWPairType);
defMethod(bufferedRWPairType, "__init__", (args, kwnames) => {
  const [reader, writer, size] = bindArgs(
    "BufferedRWPair",
    args.slice(1),
    kwnames,
    ["reader", "writer", "buffer_size"],
    2,
  );
  const b = self(args);
  const n = size === undefined ? DEFAULT_BUFFER_SIZE : intArg(size);
  initBuffered(b, reader!, "reader", n);
  b.pairWriter = newBuffered(writer!, "writer", n);
  return None;
});
for (const name of ["read", "read1", "peek", "readline", "readinto", "readinto1", "readable"]) {
  const f = bufferedReaderType.attrs.get(name) as PyMethodDescriptor;
  defMethod(bufferedRWPairType, name, (args, kwnames) => f.fn(args, kwnames));
}
for (const name of ["write", "flush", "writable"]) {
  const f = bufferedWriterType.attrs.get(name) as PyMethodDescriptor;
  defMethod(
    bufferedRWPairType,
    name,
    (args, kwnames) => f.fn([self(args).pairWriter!, ...args.slice(1)], kwnames),
  );
}
defMethod(bufferedRWPairType, "close", (args) => {
  self(args).close();
  return None;
});
defMethod(bufferedRWPairType, "isatty", (args) => {
  const b = self(args);
  return isTrue(callRaw(b, "isatty")) || isTrue(callRaw(b.pairWriter!, "isatty"));
});
defGetSet(bufferedRWPairType, "closed", (o) => (o as PyBuffered).pairWriter!.rawClosed());
