/**
 * Files at the OS level: the table of open file descriptors (a small int → a `Deno.FsFile`, or the
 * process's stdin/stdout/stderr for 0/1/2; Deno hands out no fd numbers, so pyjit numbers them the
 * way the OS does, lowest free first) and `io.FileIO`, the raw unbuffered file (`open(…,
 * buffering=0)`, and the bottom layer of every file `open()` returns). `os.open`/`os.read`/… use the
 * same table.
 *
 * @example
 * ```ts
 * import { openFileIO } from "./io_file.ts";
 * const raw = openFileIO("data.bin", "rb", true);
 * ```
 * @module
 */
import {
  bindArgs,
  checkMethodArgs,
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  None,
  placeCType,
  type PyType,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { call, intValueOf, isTrue, repr } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { PyIOBase, readStdinBytes, writeStderrBytes, writeStdoutRaw } from "../../objects/stdio.ts";
import {
  bufferArg,
  closedFileError,
  DEFAULT_BUFFER_SIZE,
  intArg,
  newBytes,
  rawIOBaseType,
  sizeArg,
  unsupported,
  writableBufferArg,
} from "./io_base.ts";
import { osError, raiseOSError, requirePermission } from "./os_errors.ts";
import { EBADF, EINVAL, EISDIR, ESPIPE } from "./errno.ts";
import { fsPathInfo } from "./fspath.ts";

// ---------------------------------------------------------------------------------------------
// The file descriptor table

/** An open file descriptor: a Deno file, or one of the process's standard streams. */
export interface FdEntry {
  /** The Deno file; null for the standard streams. */
  file: Deno.FsFile | null;
  /** 0, 1 or 2 for the standard streams, -1 otherwise. */
  std: number;
  /** The path it was opened with (for messages), or null. */
  path: string | null;
  /** Opened with O_APPEND: every write goes to the end. */
  append: boolean;
}

const fdTable: (FdEntry | undefined)[] = [
  { file: null, std: 0, path: null, append: false },
  { file: null, std: 1, path: null, append: false },
  { file: null, std: 2, path: null, append: false },
];

/** Registers an open Deno file under the lowest free descriptor number ≥ 3. */
export function allocFd(file: Deno.FsFile, path: string | null, append = false): number {
  let fd = 3;
  while (fdTable[fd] !== undefined) fd++;
  fdTable[fd] = { file, std: -1, path, append };
  return fd;
}

/** The entry of an open descriptor; OSError EBADF when there is none. */
export function fdEntry(fd: number): FdEntry {
  const e = fd >= 0 ? fdTable[fd] : undefined;
  if (e === undefined) raiseOSError(EBADF);
  return e;
}

/** Closes a descriptor (the standard streams only leave the table). */
export function closeFd(fd: number): void {
  const e = fdEntry(fd);
  fdTable[fd] = undefined;
  if (e.file !== null) {
    try {
      e.file.close();
    } catch (err) {
      throw osError(err);
    }
  }
}

/** Reads up to into.length bytes at the descriptor's position; 0 at end of file. */
export function fdRead(e: FdEntry, into: Uint8Array): number {
  if (into.length === 0) return 0;
  if (e.file === null) {
    if (e.std !== 0) raiseOSError(EBADF);
    return readStdinBytes(into);
  }
  try {
    return e.file.readSync(into) ?? 0;
  } catch (err) {
    throw osError(err);
  }
}

/** Writes all of `data`; returns its length. */
export function fdWrite(e: FdEntry, data: Uint8Array): number {
  if (e.file === null) {
    if (e.std === 1) writeStdoutRaw(data.slice());
    else if (e.std === 2) writeStderrBytes(data.slice());
    else raiseOSError(EBADF);
    return data.length;
  }
  try {
    let done = 0;
    while (done < data.length) done += e.file.writeSync(data.subarray(done));
    return done;
  } catch (err) {
    throw osError(err);
  }
}

/** lseek: the new absolute position. */
export function fdSeek(e: FdEntry, offset: number, whence: number): number {
  if (e.file === null) raiseOSError(ESPIPE);
  if (whence < 0 || whence > 2) raiseOSError(EINVAL);
  try {
    return e.file.seekSync(offset, whence as Deno.SeekMode);
  } catch (err) {
    throw osError(err);
  }
}

/** ftruncate. */
export function fdTruncate(e: FdEntry, size: number): void {
  if (e.file === null) raiseOSError(EINVAL);
  if (size < 0) raiseOSError(EINVAL);
  try {
    e.file.truncateSync(size);
  } catch (err) {
    throw osError(err);
  }
}

/** Whether the descriptor is a terminal. */
export function fdIsatty(e: FdEntry): boolean {
  if (e.file === null) {
    return (e.std === 0 ? Deno.stdin : e.std === 1 ? Deno.stdout : Deno.stderr).isTerminal();
  }
  try {
    return e.file.isTerminal();
  } catch {
    return false;
  }
}

/** fstat. */
export function fdStat(e: FdEntry): Deno.FileInfo {
  if (e.file === null) {
    raise(Exc.NotImplementedError, "os.fstat() of a standard stream is not supported by pyjit");
  }
  try {
    return e.file.statSync();
  } catch (err) {
    throw osError(err);
  }
}

// ---------------------------------------------------------------------------------------------
// Opening files

/** An `open()` / FileIO mode string, parsed. */
export interface OpenFlags {
  readable: boolean;
  writable: boolean;
  created: boolean;
  appending: boolean;
  truncating: boolean;
}

/** Parses a FileIO mode ("r", "wb", "a+", …); ValueError as CPython words it. */
export function parseRawMode(mode: string): OpenFlags {
  const f: OpenFlags = {
    readable: false,
    writable: false,
    created: false,
    appending: false,
    truncating: false,
  };
  let kinds = 0, plus = false;
  const bad = () =>
    raise(Exc.ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  for (const c of mode) {
    switch (c) {
      case "x":
        kinds++;
        f.created = f.writable = true;
        break;
      case "r":
        kinds++;
        f.readable = true;
        break;
      case "w":
        kinds++;
        f.writable = f.truncating = true;
        break;
      case "a":
        kinds++;
        f.writable = f.appending = true;
        break;
      case "+":
        if (plus) bad();
        plus = f.readable = f.writable = true;
        break;
      case "b":
        break;
      default:
        raise(Exc.ValueError, `invalid mode: ${mode}`);
    }
  }
  if (kinds !== 1) bad();
  return f;
}

/** The os.O_* flags for a mode, as CPython passes them to an opener. */
export function osFlagsOf(f: OpenFlags): number {
  let flags = f.readable && f.writable ? 2 : f.writable ? 1 : 0; // O_RDWR / O_WRONLY / O_RDONLY
  if (f.created) flags |= 0o100 | 0o200; // O_CREAT | O_EXCL
  if (f.truncating) flags |= 0o100 | 0o1000; // O_CREAT | O_TRUNC
  if (f.appending) flags |= 0o100 | 0o2000; // O_CREAT | O_APPEND
  return flags | 0o2000000; // O_CLOEXEC
}

/** Opens a path with the given access; returns the descriptor (permission asked first). */
export function openPath(path: string, f: OpenFlags, name: PyValue, mode = 0o666): number {
  if (f.readable) requirePermission("read", path, name);
  if (f.writable) requirePermission("write", path, name);
  if (path.includes("\0")) raise(Exc.ValueError, "embedded null byte");
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, {
      read: f.readable,
      write: f.writable && !f.appending,
      append: f.appending,
      create: f.appending || f.truncating,
      createNew: f.created,
      truncate: f.truncating,
      mode,
    });
  } catch (e) {
    throw osError(e, name);
  }
  // Linux opens a directory for reading; CPython then refuses it.
  try {
    if (file.statSync().isDirectory) {
      file.close();
      raiseOSError(EISDIR, name);
    }
  } catch (e) {
    throw osError(e, name);
  }
  return allocFd(file, path, f.appending);
}

// ---------------------------------------------------------------------------------------------
// FileIO

/** `_io.FileIO`. */
export const fileIOType: PyType = newBuiltinType("FileIO", rawIOBaseType);
placeCType(fileIOType, "_io");

/** A raw file. */
export class PyFileIO extends PyIOBase {
  /** The descriptor, -1 once closed. */
  declare fd: number;
  declare entry: FdEntry | null;
  declare name: PyValue;
  declare readable: boolean;
  declare writable: boolean;
  declare created: boolean;
  declare appending: boolean;
  declare closefd: boolean;
  /** Whether seeking works: -1 not asked yet. */
  declare seekableState: number;
  constructor(cls: PyType) {
    super(cls);
    this.fd = -1;
    this.entry = null;
    this.name = None;
    this.readable = false;
    this.writable = false;
    this.created = false;
    this.appending = false;
    this.closefd = true;
    this.seekableState = -1;
  }

  /** The open descriptor's entry; ValueError when closed. */
  open(): FdEntry {
    if (this.entry === null) closedFileError(false);
    return this.entry;
  }

  /** The mode string CPython shows ("rb", "rb+", "wb", "ab+", "xb"). */
  modeString(): string {
    if (this.created) return this.readable ? "xb+" : "xb";
    if (this.appending) return this.readable ? "ab+" : "ab";
    if (this.readable) return this.writable ? "rb+" : "rb";
    return "wb";
  }

  /** Reads up to `size` bytes (one OS read). */
  readSome(size: number): Uint8Array {
    const e = this.open();
    if (!this.readable) unsupported("File not open for reading");
    const buf = new Uint8Array(size);
    const n = fdRead(e, buf);
    return n === size ? buf : buf.slice(0, n);
  }

  /** Reads to end of file. */
  readAll(): Uint8Array {
    const e = this.open();
    if (!this.readable) unsupported("File not open for reading");
    let guess = DEFAULT_BUFFER_SIZE;
    if (e.file !== null) {
      try {
        const size = e.file.statSync().size;
        const pos = e.file.seekSync(0, Deno.SeekMode.Current);
        if (size > pos) guess = size - pos + 1;
      } catch {
        // not a regular file: read in chunks
      }
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(guess);
      const n = fdRead(e, buf);
      if (n === 0) break;
      chunks.push(n === guess ? buf : buf.subarray(0, n));
      total += n;
      guess = Math.max(DEFAULT_BUFFER_SIZE, total);
    }
    if (chunks.length === 1) return chunks[0].slice();
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  write(data: Uint8Array): number {
    const e = this.open();
    if (!this.writable) unsupported("File not open for writing");
    return fdWrite(e, data);
  }

  seek(pos: number, whence: number): number {
    const e = this.open();
    if (whence < 0 || whence > 2) raiseOSError(EINVAL);
    return fdSeek(e, pos, whence);
  }

  tell(): number {
    return fdSeek(this.open(), 0, 1);
  }

  truncate(size: number | null): number {
    const e = this.open();
    if (!this.writable) unsupported("File not open for writing");
    const n = size === null ? this.tell() : size;
    fdTruncate(e, n);
    return n;
  }

  isSeekable(): boolean {
    const e = this.open();
    if (this.seekableState < 0) {
      try {
        fdSeek(e, 0, 1);
        this.seekableState = 1;
      } catch {
        this.seekableState = 0;
      }
    }
    return this.seekableState === 1;
  }

  close(): void {
    if (this.entry === null) return;
    const fd = this.fd;
    this.entry = null;
    this.fd = -1;
    if (this.closefd) closeFd(fd);
  }
}

/** Opens a FileIO on a path or descriptor (what `FileIO(file, mode, closefd, opener)` does). */
export function openFileIO(
  file: PyValue,
  mode: string,
  closefd: boolean,
  opener: PyValue = None,
  cls: PyType = fileIOType,
): PyFileIO {
  const flags = parseRawMode(mode);
  const f = new PyFileIO(cls);
  f.readable = flags.readable;
  f.writable = flags.writable;
  f.created = flags.created;
  f.appending = flags.appending;
  let fd: number;
  const asInt = typeof file === "boolean" ? undefined : intValueOf(file);
  if (asInt !== undefined) {
    fd = Number(asInt);
    if (fd < 0) raise(Exc.ValueError, "negative file descriptor");
    f.name = file;
    fdEntry(fd);
  } else {
    if (!closefd) raise(Exc.ValueError, "Cannot use closefd=False with file name");
    const { path, value } = fsPathInfo(file, null);
    f.name = value;
    if (opener === None) fd = openPath(path, flags, value);
    else {
      const r = call(opener, [value, osFlagsOf(flags)]);
      const n = intValueOf(r);
      if (n === undefined || typeof r === "boolean") raise(Exc.TypeError, "expected integer from opener");
      if (n < 0) raise(Exc.ValueError, `opener returned ${n}`);
      fd = Number(n);
      fdEntry(fd);
    }
  }
  f.fd = fd;
  f.entry = fdEntry(fd);
  f.closefd = closefd;
  if (flags.appending && f.entry.file !== null) {
    try {
      fdSeek(f.entry, 0, 2);
    } catch {
      // unseekable: nothing to do
    }
  }
  return f;
}

function self(args: PyValue[]): PyFileIO {
  const f = args[0];
  if (!(f instanceof PyFileIO)) raise(Exc.TypeError, "descriptor requires a '_io.FileIO' object");
  return f;
}

fileIOType.tp_new = (cls) => new PyFileIO(cls);
installNew(fileIOType);
defMethod(fileIOType, "__init__", (args, kwnames) => {
  const [file, mode, closefd, opener] = bindArgs(
    "FileIO",
    args.slice(1),
    kwnames,
    ["file", "mode", "closefd", "opener"],
    1,
  );
  const f = self(args);
  if (f.entry !== null) f.close();
  const opened = openFileIO(
    file!,
    mode === undefined ? "r" : String(mode),
    closefd === undefined ? true : isTrue(closefd),
    opener ?? None,
    f.cls,
  );
  Object.assign(f, {
    fd: opened.fd,
    entry: opened.entry,
    name: opened.name,
    readable: opened.readable,
    writable: opened.writable,
    created: opened.created,
    appending: opened.appending,
    closefd: opened.closefd,
    seekableState: -1,
  });
  return None;
});
defMethod(fileIOType, "read", (args, kwnames) => {
  const [sizeV] = bindArgs("read", args.slice(1), kwnames, ["size"], 0);
  const f = self(args);
  const size = sizeArg(sizeV);
  return newBytes(size < 0 ? f.readAll() : f.readSome(size));
});
defMethod(fileIOType, "readall", (args) => newBytes(self(args).readAll()));
defMethod(fileIOType, "readinto", (args) => {
  checkMethodArgs("readinto", args, null, 1, 1);
  const f = self(args);
  const b = writableBufferArg(args[1], "readinto");
  f.open();
  if (!f.readable) unsupported("File not open for reading");
  return fdRead(f.entry!, b.data);
});
defMethod(fileIOType, "write", (args) => {
  checkMethodArgs("write", args, null, 1, 1);
  const f = self(args);
  f.open();
  return f.write(bufferArg(args[1]));
});
defMethod(fileIOType, "seek", (args) => {
  checkMethodArgs("seek", args, null, 1, 2);
  const f = self(args);
  f.open();
  return f.seek(intArg(args[1]), args.length > 2 ? intArg(args[2]) : 0);
});
defMethod(fileIOType, "tell", (args) => self(args).tell());
defMethod(fileIOType, "truncate", (args) => {
  checkMethodArgs("truncate", args, null, 0, 1);
  const f = self(args);
  f.open();
  return f.truncate(args.length > 1 && args[1] !== None ? intArg(args[1]) : null);
});
defMethod(fileIOType, "close", (args) => {
  const f = self(args);
  f.baseClosed = true;
  f.close();
  return None;
});
defMethod(fileIOType, "fileno", (args) => {
  const f = self(args);
  f.open();
  return f.fd;
});
defMethod(fileIOType, "isatty", (args) => fdIsatty(self(args).open()));
defMethod(fileIOType, "readable", (args) => {
  const f = self(args);
  f.open();
  return f.readable;
});
defMethod(fileIOType, "writable", (args) => {
  const f = self(args);
  f.open();
  return f.writable;
});
defMethod(fileIOType, "seekable", (args) => self(args).isSeekable());
defGetSet(fileIOType, "closed", (o) => (o as PyFileIO).entry === null);
defGetSet(fileIOType, "closefd", (o) => (o as PyFileIO).closefd);
defGetSet(fileIOType, "mode", (o) => (o as PyFileIO).modeString());
defGetSet(fileIOType, "name", (o) => (o as PyFileIO).name, (o, v) => {
  (o as PyFileIO).name = v ?? None;
});
defGetSet(fileIOType, "_blksize", () => DEFAULT_BUFFER_SIZE);
defMethod(fileIOType, "__repr__", (args) => {
  const f = self(args);
  const t = `${f.cls.module}.${f.cls.qualname}`;
  if (f.entry === null) return `<${t} [closed]>`;
  return `<${t} name=${repr(f.name)} mode='${f.modeString()}' closefd=${f.closefd ? "True" : "False"}>`;
});

/** A FileIO on one of the process's standard streams (sys.stdin.buffer.raw, …). */
export function stdFileIO(fd: number, name: string): PyFileIO {
  const f = new PyFileIO(fileIOType);
  f.fd = fd;
  f.entry = fdTable[fd]!;
  f.name = name;
  f.readable = fd === 0;
  f.writable = fd !== 0;
  f.closefd = false;
  return f;
}
