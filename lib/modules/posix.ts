/**
 * The `posix` module (what CPython's `os` is built on), through Deno's APIs: files and directories
 * (stat/lstat/fstat → `os.stat_result`, listdir, scandir → `DirEntry`, mkdir, rmdir, remove, rename,
 * symlinks, chmod, utime, truncate, access), file descriptors shared with io (open/read/write/
 * lseek/close), the process (pid, uid, umask, kill, times, cpu_count, urandom, terminal size,
 * uname) and the environment (read and written through Deno.env). Every OS error is raised through
 * os_errors.ts; every operation asks Deno's permissions first, so a missing flag is a
 * PermissionError and never a prompt. What Deno cannot do raises NotImplementedError naming it.
 *
 * @example
 * ```ts
 * import { makePosixModule } from "./posix.ts";
 * const posix = makePosixModule();
 * ```
 * @module
 */
import { processCpuNanos, procStatTimes, statvfs } from "./_libc.ts";
import {
  bindArgs,
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  newTuple,
  None,
  normInt,
  placeCType,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  PyModule,
  PyObject,
  type PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { call, intValueOf, isTrue, repr, strValueOf, toArray } from "../../objects/ops.ts";
import { flushStdout } from "../../objects/stdio.ts";
import { EINVAL, EISDIR, ENOTDIR, ENOTTY, strerror } from "./errno.ts";
import { hasPermission, osError, raiseOSError, requirePermission } from "./os_errors.ts";
import { fsDecodeBytes, fsEncodeString, fsPathInfo, fspathValue, fsResult, notAPath } from "./fspath.ts";
import {
  allocFd,
  closeFd,
  fdEntry,
  fdIsatty,
  fdRead,
  fdSeek,
  fdStat,
  fdTruncate,
  fdWrite,
} from "./io_file.ts";
import { intArg } from "./io_base.ts";
import { makeStructSeqType, newStructSeq } from "./struct_seq.ts";

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;

/** Runs a Deno file operation, turning its errors into OSError about `filename` (and `filename2`). */
function osCall<T>(f: () => T, filename: PyValue = None, filename2: PyValue = None): T {
  try {
    return f();
  } catch (e) {
    throw osError(e, filename, filename2);
  }
}

/** A path argument: its string, whether it was bytes, and the original value (for messages). */
function pathOf(
  v: PyValue,
  fname: string,
  allowFd = false,
): { path: string; isBytes: boolean; value: PyValue } {
  return fsPathInfo(v, fname, { allowFd });
}

/** Refuses keyword arguments pyjit does not support when they are not their defaults. */
function unsupportedKeyword(fname: string, name: string, v: PyValue | undefined, dflt: PyValue = None): void {
  if (v !== undefined && v !== dflt) {
    raise(Exc.NotImplementedError, `${fname}: ${name} is not supported by pyjit`);
  }
}

function notSupported(name: string): Fn {
  return () => raise(Exc.NotImplementedError, `os.${name}() is not supported by pyjit`);
}

// ---------------------------------------------------------------------------------------------
// stat

/** `os.stat_result`. */
export const statResultType: PyType = makeStructSeqType("os", "stat_result", [
  "st_mode",
  "st_ino",
  "st_dev",
  "st_nlink",
  "st_uid",
  "st_gid",
  "st_size",
  "st_atime",
  "st_mtime",
  "st_ctime",
], [
  "st_atime_float",
  "st_mtime_float",
  "st_ctime_float",
  "st_atime_ns",
  "st_mtime_ns",
  "st_ctime_ns",
  "st_blksize",
  "st_blocks",
  "st_rdev",
]);
// The float times are what the st_*time attributes give; the tuple holds whole seconds.
for (const [i, name] of [[7, "st_atime"], [8, "st_mtime"], [9, "st_ctime"]] as const) {
  defGetSet(statResultType, name, (o) => {
    const s = o as PyTuple;
    const f = s.dict?.getStr(`${name}_float`);
    return f === undefined || f === None ? s.items[i] : f;
  });
}
statResultType.attrs.delete("st_atime_float");
statResultType.attrs.delete("st_mtime_float");
statResultType.attrs.delete("st_ctime_float");

function nanos(ms: number): number | bigint {
  const ns = BigInt(Math.round(ms * 1000)) * 1000n;
  return ns <= 9007199254740991n ? Number(ns) : ns;
}

/** A Deno FileInfo as an os.stat_result. */
export function statResult(info: Deno.FileInfo): PyTuple {
  const ms = (d: Date | null) => d === null ? 0 : d.getTime();
  const a = ms(info.atime), m = ms(info.mtime), c = ms((info as { ctime?: Date | null }).ctime ?? info.mtime);
  return newStructSeq(statResultType, [
    info.mode ?? 0,
    info.ino ?? 0,
    info.dev ?? 0,
    info.nlink ?? 1,
    info.uid ?? 0,
    info.gid ?? 0,
    info.size,
    Math.floor(a / 1000),
    Math.floor(m / 1000),
    Math.floor(c / 1000),
  ], {
    st_atime_float: new PyFloat(a / 1000),
    st_mtime_float: new PyFloat(m / 1000),
    st_ctime_float: new PyFloat(c / 1000),
    st_atime_ns: nanos(a),
    st_mtime_ns: nanos(m),
    st_ctime_ns: nanos(c),
    st_blksize: info.blksize ?? 4096,
    st_blocks: info.blocks ?? 0,
    st_rdev: info.rdev ?? 0,
  });
}

/** stat or lstat of a path (read permission asked first). */
export function statPath(path: string, follow: boolean, name: PyValue): Deno.FileInfo {
  requirePermission("read", path, name);
  return osCall(() => follow ? Deno.statSync(path) : Deno.lstatSync(path), name);
}

function statFunction(fname: string, followDefault: boolean): Fn {
  return (args, kwnames) => {
    const [p, dirFd, follow] = bindArgs(fname, args, kwnames, ["path", "dir_fd", "follow_symlinks"], 1);
    unsupportedKeyword(fname, "dir_fd", dirFd);
    const fd = typeof p === "boolean" ? undefined : intValueOf(p!);
    if (fd !== undefined) return statResult(fdStat(fdEntry(Number(fd))));
    const { path, value } = pathOf(p!, fname, true);
    return statResult(
      statPath(path, follow === undefined ? followDefault : isTrue(follow) && followDefault, value),
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Directories: listdir, scandir and DirEntry

/** `os.DirEntry`. */
export const dirEntryType: PyType = newBuiltinType("DirEntry", undefined, 0);
placeCType(dirEntryType, "posix");
/** `posix.ScandirIterator`. */
export const scandirIteratorType: PyType = newBuiltinType("ScandirIterator", undefined, 0);
placeCType(scandirIteratorType, "posix");

class PyDirEntry extends PyObject {
  declare name: string;
  declare path: string;
  declare isBytes: boolean;
  declare isDir: boolean;
  declare isFile: boolean;
  declare isLink: boolean;
  declare statCache: Deno.FileInfo | null;
  declare lstatCache: Deno.FileInfo | null;
  constructor(entry: Deno.DirEntry, dir: string, isBytes: boolean) {
    super();
    this.cls = dirEntryType;
    this.dict = null;
    this.name = entry.name;
    this.path = dir === "" ? entry.name : dir.endsWith("/") ? dir + entry.name : `${dir}/${entry.name}`;
    this.isBytes = isBytes;
    this.isDir = entry.isDirectory;
    this.isFile = entry.isFile;
    this.isLink = entry.isSymlink;
    this.statCache = null;
    this.lstatCache = null;
  }

  pathValue(): PyValue {
    return fsResult(this.path, this.isBytes);
  }

  stat(follow: boolean): Deno.FileInfo {
    if (follow && this.isLink) {
      if (this.statCache === null) this.statCache = statPath(this.path, true, this.pathValue());
      return this.statCache;
    }
    if (this.lstatCache === null) this.lstatCache = statPath(this.path, false, this.pathValue());
    return this.lstatCache;
  }

  /** is_dir / is_file: the entry's own type, or its target's when following a symlink. */
  test(kind: "dir" | "file", follow: boolean): boolean {
    if (!(follow && this.isLink)) return kind === "dir" ? this.isDir : this.isFile;
    try {
      const info = this.stat(true);
      return kind === "dir" ? info.isDirectory : info.isFile;
    } catch (e) {
      if (e instanceof PyObject && typeOf(e).isSubtypeOf(Exc.FileNotFoundError)) return false;
      throw e;
    }
  }
}

function entry(args: PyValue[]): PyDirEntry {
  if (!(args[0] instanceof PyDirEntry)) raise(Exc.TypeError, "descriptor requires a 'posix.DirEntry' object");
  return args[0];
}

function followArg(fname: string, args: PyValue[], kwnames: string[] | null): boolean {
  const npos = args.length - 1 - (kwnames?.length ?? 0);
  if (npos > 0) raise(Exc.TypeError, `${fname}() takes no positional arguments`);
  const [follow] = bindArgs(fname, args.slice(1), kwnames, ["follow_symlinks"], 0);
  return follow === undefined || isTrue(follow);
}

defGetSet(dirEntryType, "name", (o) => fsResult((o as PyDirEntry).name, (o as PyDirEntry).isBytes));
defGetSet(dirEntryType, "path", (o) => (o as PyDirEntry).pathValue());
defMethod(dirEntryType, "is_dir", (args, kw) => entry(args).test("dir", followArg("is_dir", args, kw)));
defMethod(dirEntryType, "is_file", (args, kw) => entry(args).test("file", followArg("is_file", args, kw)));
defMethod(dirEntryType, "is_symlink", (args) => entry(args).isLink);
defMethod(dirEntryType, "stat", (args, kw) => statResult(entry(args).stat(followArg("stat", args, kw))));
defMethod(dirEntryType, "inode", (args) => entry(args).stat(false).ino ?? 0);
defMethod(dirEntryType, "__fspath__", (args) => entry(args).pathValue());
defMethod(
  dirEntryType,
  "__repr__",
  (args) => `<DirEntry ${repr(fsResult(entry(args).name, entry(args).isBytes))}>`,
);
defMethod(dirEntryType, "is_junction", () => false);

class PyScandirIterator extends PyObject {
  declare entries: Iterator<Deno.DirEntry> | null;
  declare dir: string;
  declare isBytes: boolean;
  constructor(entries: Iterator<Deno.DirEntry>, dir: string, isBytes: boolean) {
    super();
    this.cls = scandirIteratorType;
    this.dict = null;
    this.entries = entries;
    this.dir = dir;
    this.isBytes = isBytes;
  }

  next(): PyDirEntry | undefined {
    if (this.entries === null) return undefined;
    const r = osCall(() => this.entries!.next(), this.dir);
    if (r.done) {
      this.entries = null;
      return undefined;
    }
    return new PyDirEntry(r.value, this.dir, this.isBytes);
  }
}

scandirIteratorType.tp_iter = (o) => o;
scandirIteratorType.tp_iternext = (o) => (o as PyScandirIterator).next();
defMethod(scandirIteratorType, "__iter__", (args) => args[0]);
defMethod(scandirIteratorType, "__next__", (args) => {
  const e = (args[0] as PyScandirIterator).next();
  if (e === undefined) throw newException(Exc.StopIteration, []);
  return e;
});
defMethod(scandirIteratorType, "close", (args) => {
  (args[0] as PyScandirIterator).entries = null;
  return None;
});
defMethod(scandirIteratorType, "__enter__", (args) => args[0]);
defMethod(scandirIteratorType, "__exit__", (args) => {
  (args[0] as PyScandirIterator).entries = null;
  return None;
});

/** Opens a directory for listing (read permission asked first). */
function readDir(path: string, name: PyValue): Iterator<Deno.DirEntry> {
  requirePermission("read", path, name);
  return osCall(() => Deno.readDirSync(path)[Symbol.iterator](), name);
}

function dirArg(fname: string, args: PyValue[], kwnames: string[] | null) {
  const [p] = bindArgs(fname, args, kwnames, ["path"], 0);
  if (p === undefined || p === None) {
    return { path: ".", isBytes: false, value: "." as PyValue, given: false };
  }
  if (typeof p !== "boolean" && intValueOf(p) !== undefined) {
    raise(Exc.NotImplementedError, `os.${fname}() of a file descriptor is not supported by pyjit`);
  }
  return { ...fsPathInfo(p, fname, { allowFd: true, allowNone: true }), given: true };
}

// ---------------------------------------------------------------------------------------------
// The environment

/** Whether the program may read the variable (or every variable, for key undefined). */
function envAllowed(key?: string): boolean {
  return hasPermission("env", key);
}

function envKey(v: PyValue, what = "str expected"): string {
  const s = strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `${what}, not ${typeOf(v).name}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// The functions

const O_ACCMODE = 3,
  O_WRONLY = 1,
  O_RDWR = 2,
  O_CREAT = 0o100,
  O_EXCL = 0o200,
  O_TRUNC = 0o1000,
  O_APPEND = 0o2000;

/** The open flags and other constants of the module. */
const CONSTANTS: Record<string, number> = {
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
  O_RDONLY: 0,
  O_WRONLY,
  O_RDWR,
  O_ACCMODE,
  O_CREAT,
  O_EXCL,
  O_NOCTTY: 0o400,
  O_TRUNC,
  O_APPEND,
  O_NONBLOCK: 0o4000,
  O_NDELAY: 0o4000,
  O_DSYNC: 0o10000,
  O_SYNC: 0o4010000,
  O_RSYNC: 0o4010000,
  O_DIRECTORY: 0o200000,
  O_NOFOLLOW: 0o400000,
  O_CLOEXEC: 0o2000000,
  O_NOATIME: 0o1000000,
  O_PATH: 0o10000000,
  O_TMPFILE: 0o20200000,
  O_LARGEFILE: 0,
  SEEK_SET: 0,
  SEEK_CUR: 1,
  SEEK_END: 2,
  SEEK_DATA: 3,
  SEEK_HOLE: 4,
  EX_OK: 0,
  EX_USAGE: 64,
  EX_DATAERR: 65,
  EX_NOINPUT: 66,
  EX_NOUSER: 67,
  EX_NOHOST: 68,
  EX_UNAVAILABLE: 69,
  EX_SOFTWARE: 70,
  EX_OSERR: 71,
  EX_OSFILE: 72,
  EX_CANTCREAT: 73,
  EX_IOERR: 74,
  EX_TEMPFAIL: 75,
  EX_PROTOCOL: 76,
  EX_NOPERM: 77,
  EX_CONFIG: 78,
  WNOHANG: 1,
  P_WAIT: 0,
  P_NOWAIT: 1,
  P_NOWAITO: 1,
};

/** Signal numbers Deno.kill can send, by number. */
const SIGNALS: Record<number, Deno.Signal> = {
  1: "SIGHUP",
  2: "SIGINT",
  3: "SIGQUIT",
  4: "SIGILL",
  5: "SIGTRAP",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  10: "SIGUSR1",
  11: "SIGSEGV",
  12: "SIGUSR2",
  13: "SIGPIPE",
  14: "SIGALRM",
  15: "SIGTERM",
  17: "SIGCHLD",
  18: "SIGCONT",
  19: "SIGSTOP",
  20: "SIGTSTP",
  21: "SIGTTIN",
  22: "SIGTTOU",
  23: "SIGURG",
  24: "SIGXCPU",
  25: "SIGXFSZ",
  26: "SIGVTALRM",
  27: "SIGPROF",
  28: "SIGWINCH",
  29: "SIGIO",
  30: "SIGPWR",
  31: "SIGSYS",
};

/** `os.terminal_size`. */
export const terminalSizeType: PyType = makeStructSeqType("os", "terminal_size", ["columns", "lines"]);
/** `posix.uname_result`. */
const unameResultType: PyType = makeStructSeqType("posix", "uname_result", [
  "sysname",
  "nodename",
  "release",
  "version",
  "machine",
]);
/** `posix.times_result`. */
const timesResultType: PyType = makeStructSeqType("posix", "times_result", [
  "user",
  "system",
  "children_user",
  "children_system",
  "elapsed",
]);

function bytesArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

function int(v: PyValue): number {
  return intArg(v);
}

/** Two paths: the source and the destination of rename, link, symlink, … */
function twoPaths(fname: string, args: PyValue[], kwnames: string[] | null, extra: string[] = []) {
  const r = bindArgs(fname, args, kwnames, ["src", "dst", ...extra, "src_dir_fd", "dst_dir_fd"], 2);
  unsupportedKeyword(fname, "src_dir_fd", r[2 + extra.length]);
  unsupportedKeyword(fname, "dst_dir_fd", r[3 + extra.length]);
  return { src: pathOf(r[0]!, fname), dst: pathOf(r[1]!, fname), extra: r.slice(2, 2 + extra.length) };
}

function onePath(
  fname: string,
  args: PyValue[],
  kwnames: string[] | null,
  names: string[] = [],
  required = 1,
) {
  const r = bindArgs(fname, args, kwnames, ["path", ...names, "dir_fd"], required);
  unsupportedKeyword(fname, "dir_fd", r[1 + names.length]);
  return { p: pathOf(r[0]!, fname), rest: r.slice(1, 1 + names.length) };
}

const FUNCTIONS: Record<string, Fn> = {
  // --- the working directory and names -------------------------------------------------------
  getcwd: () => {
    requirePermission("read");
    return osCall(() => Deno.cwd());
  },
  getcwdb: () => {
    requirePermission("read");
    return new PyBytes(fsEncodeString(osCall(() => Deno.cwd())));
  },
  chdir: (args, kwnames) => {
    const [p] = bindArgs("chdir", args, kwnames, ["path"], 1);
    const { path, value } = pathOf(p!, "chdir", true);
    requirePermission("read", path, value);
    osCall(() => Deno.chdir(path), value);
    return None;
  },
  listdir: (args, kwnames) => {
    const { path, isBytes, value } = dirArg("listdir", args, kwnames);
    const out: PyValue[] = [];
    const it = readDir(path, value);
    for (let r = osCall(() => it.next(), value); !r.done; r = osCall(() => it.next(), value)) {
      out.push(fsResult(r.value.name, isBytes));
    }
    return new PyList(out);
  },
  scandir: (args, kwnames) => {
    const { path, isBytes, value, given } = dirArg("scandir", args, kwnames);
    return new PyScandirIterator(readDir(path, value), given ? path : ".", isBytes);
  },
  stat: statFunction("stat", true),
  lstat: statFunction("lstat", false),
  fstat: (args, kwnames) => {
    const [fd] = bindArgs("fstat", args, kwnames, ["fd"], 1);
    return statResult(fdStat(fdEntry(int(fd!))));
  },
  mkdir: (args, kwnames) => {
    const { p, rest: [modeV] } = onePath("mkdir", args, kwnames, ["mode"]);
    requirePermission("write", p.path, p.value);
    const mode = modeV === undefined ? 0o777 : int(modeV);
    osCall(() => Deno.mkdirSync(p.path, { mode }), p.value);
    return None;
  },
  rmdir: (args, kwnames) => {
    const { p } = onePath("rmdir", args, kwnames);
    requirePermission("write", p.path, p.value);
    const info = statPath(p.path, false, p.value);
    if (!info.isDirectory) raiseOSError(ENOTDIR, p.value);
    osCall(() => Deno.removeSync(p.path), p.value);
    return None;
  },
  remove: removeFunction("remove"),
  unlink: removeFunction("unlink"),
  rename: renameFunction("rename"),
  replace: renameFunction("replace"),
  readlink: (args, kwnames) => {
    const { p } = onePath("readlink", args, kwnames);
    requirePermission("read", p.path, p.value);
    const info = statPath(p.path, false, p.value);
    if (!info.isSymlink) raiseOSError(EINVAL, p.value);
    return fsResult(osCall(() => Deno.readLinkSync(p.path), p.value), p.isBytes);
  },
  symlink: (args, kwnames) => {
    const { src, dst } = twoPaths("symlink", args, kwnames, ["target_is_directory"]);
    requirePermission("read", dst.path, src.value, dst.value);
    requirePermission("write", dst.path, src.value, dst.value);
    osCall(() => Deno.symlinkSync(src.path, dst.path), src.value, dst.value);
    return None;
  },
  link: (args, kwnames) => {
    const r = bindArgs(
      "link",
      args,
      kwnames,
      ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
      2,
    );
    const src = pathOf(r[0]!, "link"), dst = pathOf(r[1]!, "link");
    requirePermission("read", src.path, src.value, dst.value);
    requirePermission("write", dst.path, src.value, dst.value);
    osCall(() => Deno.linkSync(src.path, dst.path), src.value, dst.value);
    return None;
  },
  chmod: (args, kwnames) => {
    const r = bindArgs("chmod", args, kwnames, ["path", "mode", "dir_fd", "follow_symlinks"], 2);
    unsupportedKeyword("chmod", "dir_fd", r[2]);
    if (r[3] !== undefined && !isTrue(r[3])) {
      raise(Exc.NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
    }
    const p = pathOf(r[0]!, "chmod", true);
    requirePermission("write", p.path, p.value);
    osCall(() => Deno.chmodSync(p.path, int(r[1]!)), p.value);
    return None;
  },
  chown: notSupported("chown"),
  lchown: notSupported("lchown"),
  utime: (args, kwnames) => {
    const r = bindArgs("utime", args, kwnames, ["path", "times", "ns", "dir_fd", "follow_symlinks"], 1);
    const p = pathOf(r[0]!, "utime", true);
    unsupportedKeyword("utime", "dir_fd", r[3]);
    let atime: number, mtime: number;
    const times = r[1], ns = r[2];
    if (times !== undefined && times !== None && ns !== undefined) {
      raise(Exc.ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    }
    if (times !== undefined && times !== None) {
      const t = toArray(times);
      if (typeOf(times).name !== "tuple" || t.length !== 2) {
        raise(Exc.TypeError, "utime: 'times' must be either a tuple of two ints or None");
      }
      [atime, mtime] = t.map(seconds);
    } else if (ns !== undefined) {
      const t = toArray(ns);
      if (typeOf(ns).name !== "tuple" || t.length !== 2) {
        raise(Exc.TypeError, "utime: 'ns' must be a tuple of two ints");
      }
      [atime, mtime] = t.map((v) =>
        Number(intValueOf(v) ?? raise(Exc.TypeError, "an integer is required")) / 1e9
      );
    } else atime = mtime = Date.now() / 1000;
    requirePermission("write", p.path, p.value);
    osCall(() => Deno.utimeSync(p.path, atime, mtime), p.value);
    return None;
  },
  truncate: (args, kwnames) => {
    const [pv, len] = bindArgs("truncate", args, kwnames, ["path", "length"], 2);
    const fd = typeof pv === "boolean" ? undefined : intValueOf(pv!);
    if (fd !== undefined) {
      fdTruncate(fdEntry(Number(fd)), int(len!));
      return None;
    }
    const p = pathOf(pv!, "truncate", true);
    requirePermission("write", p.path, p.value);
    const n = int(len!);
    if (n < 0) raiseOSError(EINVAL, p.value);
    osCall(() => Deno.truncateSync(p.path, n), p.value);
    return None;
  },
  access: (args, kwnames) => {
    const r = bindArgs("access", args, kwnames, [
      "path",
      "mode",
      "dir_fd",
      "effective_ids",
      "follow_symlinks",
    ], 2);
    const p = pathOf(r[0]!, "access", true);
    const mode = int(r[1]!);
    if (!hasPermission("read", p.path)) return false;
    return accessible(p.path, mode);
  },
  // --- file descriptors ----------------------------------------------------------------------
  open: (args, kwnames) => {
    const r = bindArgs("open", args, kwnames, ["path", "flags", "mode", "dir_fd"], 2);
    unsupportedKeyword("open", "dir_fd", r[3]);
    const p = pathOf(r[0]!, "open");
    const flags = int(r[1]!);
    const mode = r[2] === undefined ? 0o777 : int(r[2]);
    const acc = flags & O_ACCMODE;
    const read = acc === 0 || acc === O_RDWR, write = acc === O_WRONLY || acc === O_RDWR;
    const append = (flags & O_APPEND) !== 0, create = (flags & O_CREAT) !== 0;
    if (read) requirePermission("read", p.path, p.value);
    if (write || append || create) requirePermission("write", p.path, p.value);
    const file = osCall(() =>
      Deno.openSync(p.path, {
        read,
        write: write && !append,
        append: append && write,
        create: create && (flags & O_EXCL) === 0,
        createNew: create && (flags & O_EXCL) !== 0,
        truncate: (flags & O_TRUNC) !== 0,
        mode,
      }), p.value);
    return allocFd(file, p.path, append);
  },
  close: (args, kwnames) => {
    const [fd] = bindArgs("close", args, kwnames, ["fd"], 1);
    closeFd(int(fd!));
    return None;
  },
  closerange: (args) => {
    for (let fd = int(args[0]); fd < int(args[1]); fd++) {
      try {
        closeFd(fd);
      } catch {
        // not open
      }
    }
    return None;
  },
  read: (args, kwnames) => {
    const [fd, n] = bindArgs("read", args, kwnames, ["fd", "length"], 2);
    const size = int(n!);
    if (size < 0) raiseOSError(EINVAL);
    const buf = new Uint8Array(size);
    const got = fdRead(fdEntry(int(fd!)), buf);
    return new PyBytes(buf.slice(0, got));
  },
  write: (args, kwnames) => {
    const [fd, data] = bindArgs("write", args, kwnames, ["fd", "data"], 2);
    return fdWrite(fdEntry(int(fd!)), bytesArg(data!));
  },
  lseek: (args, kwnames) => {
    const [fd, pos, how] = bindArgs("lseek", args, kwnames, ["fd", "position", "whence"], 3);
    return fdSeek(fdEntry(int(fd!)), int(pos!), int(how!));
  },
  ftruncate: (args, kwnames) => {
    const [fd, len] = bindArgs("ftruncate", args, kwnames, ["fd", "length"], 2);
    fdTruncate(fdEntry(int(fd!)), int(len!));
    return None;
  },
  fsync: (args) => {
    const e = fdEntry(int(fdNumber(args[0])));
    if (e.file !== null) osCall(() => e.file!.syncSync());
    else if (e.std === 1) flushStdout();
    return None;
  },
  isatty: (args, kwnames) => {
    const [fd] = bindArgs("isatty", args, kwnames, ["fd"], 1);
    try {
      return fdIsatty(fdEntry(int(fd!)));
    } catch {
      return false;
    }
  },
  device_encoding: (args) => {
    try {
      return fdIsatty(fdEntry(int(args[0]))) ? "utf-8" : None;
    } catch {
      return None;
    }
  },
  get_terminal_size: (args, kwnames) => {
    const [fdV] = bindArgs("get_terminal_size", args, kwnames, ["fd"], 0);
    const fd = fdV === undefined ? 1 : int(fdV);
    const stream = fd === 0 ? Deno.stdin : fd === 1 ? Deno.stdout : fd === 2 ? Deno.stderr : null;
    if (stream === null || !stream.isTerminal()) raiseOSError(ENOTTY);
    const { columns, rows } = osCall(() => Deno.consoleSize());
    return newStructSeq(terminalSizeType, [columns, rows]);
  },
  dup: notSupported("dup"),
  dup2: notSupported("dup2"),
  pipe: notSupported("pipe"),
  // --- the process ---------------------------------------------------------------------------
  getpid: () => Deno.pid,
  getppid: () => Deno.ppid,
  getuid: () => Deno.uid() ?? 0,
  geteuid: () => Deno.uid() ?? 0,
  getgid: () => Deno.gid() ?? 0,
  getegid: () => Deno.gid() ?? 0,
  getgroups: () => new PyList([Deno.gid() ?? 0]),
  getlogin: () => {
    const user = envAllowed("LOGNAME") ? Deno.env.get("LOGNAME") ?? Deno.env.get("USER") : undefined;
    if (user === undefined) raiseOSError(6);
    return user;
  },
  umask: (args, kwnames) => {
    const [mask] = bindArgs("umask", args, kwnames, ["mask"], 1);
    return Deno.umask(int(mask!));
  },
  kill: (args, kwnames) => {
    const [pidV, sigV] = bindArgs("kill", args, kwnames, ["pid", "signal"], 2);
    const pid = int(pidV!), sig = int(sigV!);
    requirePermission("run");
    if (sig === 0) {
      // Signal 0 only asks whether the process exists.
      try {
        Deno.kill(pid, "SIGCONT");
      } catch (e) {
        throw osError(e);
      }
      return None;
    }
    const name = SIGNALS[sig];
    if (name === undefined) raiseOSError(EINVAL);
    osCall(() => Deno.kill(pid, name));
    return None;
  },
  cpu_count: () => navigator.hardwareConcurrency ?? None,
  urandom: (args, kwnames) => {
    const [n] = bindArgs("urandom", args, kwnames, ["size"], 1);
    const size = int(n!);
    if (size < 0) raise(Exc.ValueError, "negative argument not allowed");
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
    return new PyBytes(out);
  },
  strerror: (args, kwnames) => {
    const [n] = bindArgs("strerror", args, kwnames, ["code"], 1);
    return strerror(int(n!));
  },
  uname: () => {
    requirePermission("sys", "osRelease");
    let version = "";
    try {
      version = Deno.readTextFileSync("/proc/sys/kernel/version").trim();
    } catch {
      // not readable: leave it empty
    }
    const sysname = Deno.build.os === "linux"
      ? "Linux"
      : Deno.build.os === "darwin"
      ? "Darwin"
      : Deno.build.os;
    return newStructSeq(unameResultType, [
      sysname,
      Deno.hostname(),
      Deno.osRelease(),
      version,
      Deno.build.arch,
    ]);
  },
  times: () => {
    // User and system time apart where /proc says; else all of the process's CPU time as user time.
    const split = procStatTimes();
    const user = split !== null ? split.user : processCpuNanos();
    const system = split !== null ? split.system : 0n;
    return newStructSeq(timesResultType, [
      new PyFloat(Number(user) / 1e9),
      new PyFloat(Number(system) / 1e9),
      new PyFloat(0),
      new PyFloat(0),
      new PyFloat(performance.now() / 1000),
    ]);
  },
  getloadavg: () => {
    requirePermission("sys", "loadavg");
    const [a, b, c] = Deno.loadavg();
    return newTuple([new PyFloat(a), new PyFloat(b), new PyFloat(c)]);
  },
  _exit: (args) => {
    flushStdout();
    Deno.exit(int(args[0]));
  },
  abort: () => {
    flushStdout();
    Deno.exit(134);
  },
  system: notSupported("system"),
  popen: notSupported("popen"),
  fork: notSupported("fork"),
  forkpty: notSupported("forkpty"),
  execv: notSupported("execv"),
  execve: notSupported("execve"),
  spawnv: notSupported("spawnv"),
  wait: notSupported("wait"),
  waitpid: notSupported("waitpid"),
  nice: notSupported("nice"),
  setuid: notSupported("setuid"),
  setgid: notSupported("setgid"),
  chroot: notSupported("chroot"),
  mkfifo: notSupported("mkfifo"),
  mknod: notSupported("mknod"),
  // --- the environment -----------------------------------------------------------------------
  putenv: (args, kwnames) => {
    const [k, v] = bindArgs("putenv", args, kwnames, ["name", "value"], 2);
    setEnv(envKey(k!, "str expected"), envKey(v!, "str expected"));
    return None;
  },
  unsetenv: (args, kwnames) => {
    const [k] = bindArgs("unsetenv", args, kwnames, ["name"], 1);
    const key = envKey(k!, "str expected");
    requirePermission("env", key, key);
    if (key === "" || key.includes("=")) raise(Exc.ValueError, "illegal environment variable name");
    Deno.env.delete(key);
    return None;
  },
  /** The value of one variable, or None (PermissionError without --allow-env for it). */
  _getenv: (args) => {
    const key = envKey(args[0]);
    requirePermission("env", key, key);
    if (key === "" || key.includes("=") || key.includes("\0")) return None;
    return Deno.env.get(key) ?? None;
  },
  /** The same without raising: None when the variable is unset or not readable (for the stdlib). */
  _getenv_quiet: (args) => {
    const key = envKey(args[0]);
    if (!envAllowed(key) || key === "" || key.includes("=") || key.includes("\0")) return None;
    return Deno.env.get(key) ?? None;
  },
  /** Every variable as a dict (PermissionError without --allow-env). */
  _environ: () => {
    requirePermission("env");
    const d = new PyDict();
    for (const [k, v] of Object.entries(Deno.env.toObject())) d.setStr(k, v);
    return d;
  },
  // --- paths -----------------------------------------------------------------------------------
  fspath: (args, kwnames) => {
    // A str, positionally: what os.path's functions pass on every call.
    if (kwnames === null && args.length === 1 && typeof args[0] === "string") return args[0];
    const [p] = bindArgs("fspath", args, kwnames, ["path"], 1);
    const v = fspathValue(p!);
    if (v === undefined) notAPath(p!, null);
    return v;
  },
  _fsencode: (args) => {
    const s = strValueOf(args[0]);
    if (s === undefined) return raise(Exc.TypeError, `expected str, not ${typeOf(args[0]).name}`);
    return new PyBytes(fsEncodeString(s));
  },
  _fsdecode: (args) => fsDecodeBytes(bytesArg(args[0])),
  /** realpath of an existing path through the OS (the Python realpath handles the rest). */
  _realpath: (args) => {
    const p = pathOf(args[0], "realpath");
    requirePermission("read", p.path, p.value);
    return fsResult(osCall(() => Deno.realPathSync(p.path), p.value), p.isBytes);
  },
  /** statvfs numbers for shutil.disk_usage: (total, used, free). */
  _disk_usage: (args) => {
    const p = pathOf(args[0], "disk_usage");
    requirePermission("read", p.path, p.value);
    return diskUsage(p.path, p.value);
  },
};

function fdNumber(v: PyValue): number {
  const n = typeof v === "boolean" ? undefined : intValueOf(v);
  if (n !== undefined) return Number(n);
  const f = typeOf(v).lookup("fileno");
  if (f === undefined) raise(Exc.TypeError, "argument must be an int, or have a fileno() method.");
  return int(call(f, [v]));
}

/** A time in seconds (int or float) for utime. */
function seconds(v: PyValue): number {
  if (v instanceof PyFloat) return v.value;
  const n = typeof v === "boolean" ? undefined : intValueOf(v);
  if (n === undefined) raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  return Number(n);
}

function setEnv(key: string, value: string): void {
  if (key === "" || key.includes("=")) raise(Exc.ValueError, "illegal environment variable name");
  if (key.includes("\0") || value.includes("\0")) raise(Exc.ValueError, "embedded null byte");
  requirePermission("env", key, key);
  Deno.env.set(key, value);
}

function removeFunction(fname: string): Fn {
  return (args, kwnames) => {
    const { p } = onePath(fname, args, kwnames);
    requirePermission("write", p.path, p.value);
    const info = statPath(p.path, false, p.value);
    if (info.isDirectory) raiseOSError(EISDIR, p.value);
    osCall(() => Deno.removeSync(p.path), p.value);
    return None;
  };
}

function renameFunction(fname: string): Fn {
  return (args, kwnames) => {
    const { src, dst } = twoPaths(fname, args, kwnames);
    requirePermission("read", src.path, src.value, dst.value);
    requirePermission("write", src.path, src.value, dst.value);
    requirePermission("write", dst.path, src.value, dst.value);
    osCall(() => Deno.renameSync(src.path, dst.path), src.value, dst.value);
    return None;
  };
}

/** (total, used, free) bytes of the file system holding `path`. */
function diskUsage(path: string, name: PyValue): PyValue {
  try {
    Deno.statSync(path);
  } catch (e) {
    throw osError(e, name);
  }
  const s = statvfs(path);
  // Deno has no statfs; without FFI there is no way to ask (node:fs's statfs would cost every
  // program the node compatibility layer's start-up).
  if (s === null) return raise(Exc.NotImplementedError, "shutil.disk_usage() needs --allow-ffi under pyjit");
  return newTuple([normInt(s.total), normInt(s.total - s.free), normInt(s.available)]);
}

/**
 * access(path, mode) as the kernel decides it for the process's user: F_OK existence, then the
 * owner, group or other permission bits for R_OK/W_OK/X_OK (root may read and write anything, and
 * execute what anyone may).
 */
function accessible(path: string, mode: number): boolean {
  let st: Deno.FileInfo;
  try {
    st = Deno.statSync(path);
  } catch {
    return false;
  }
  if (mode === 0) return true;
  const perm = st.mode ?? 0;
  let uid = -1, gid = -1;
  try {
    uid = Deno.uid() ?? -1;
    gid = Deno.gid() ?? -1;
  } catch {
    // without sys permission: judge by the "other" bits
  }
  if (uid === 0) return (mode & 1) === 0 || (perm & 0o111) !== 0;
  const bits = uid === st.uid ? (perm >> 6) & 7 : gid === st.gid ? (perm >> 3) & 7 : perm & 7;
  return (mode & bits) === mode;
}

/** Builds the posix module. */
export function makePosixModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("posix", d);
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    d.setStr(name, new PyBuiltinFunction(name, fn, null, "posix"));
  }
  for (const [name, value] of Object.entries(CONSTANTS)) d.setStr(name, value);
  d.setStr("stat_result", statResultType);
  d.setStr("terminal_size", terminalSizeType);
  d.setStr("uname_result", unameResultType);
  d.setStr("times_result", timesResultType);
  d.setStr("DirEntry", dirEntryType);
  d.setStr("error", Exc.OSError);
  return m;
}
