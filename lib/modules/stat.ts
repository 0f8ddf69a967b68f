/**
 * The `stat` module: the constants for interpreting `os.stat()` results (file types, permission
 * bits, BSD flags, Windows attributes, st_* tuple indices), the `S_IS*` tests, `S_IMODE`,
 * `S_IFMT` and `filemode` → a module object (CPython's `stat` with its `_stat` accelerator).
 *
 * @example
 * ```ts
 * import { fileModeString } from "./stat.ts";
 * console.log(fileModeString(0o100644)); // "-rw-r--r--"
 * ```
 * @module
 */
import {
  checkArgs,
  Exc,
  PyBuiltinFunction,
  PyDict,
  PyModule,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { intValueOf } from "../../objects/ops.ts";

/** The file type bits (S_IFMT) and their values; one table for the constants and the tests. */
const FILE_TYPES: readonly [name: string, value: number, test: string, char: string][] = [
  ["S_IFDIR", 0o040000, "S_ISDIR", "d"],
  ["S_IFCHR", 0o020000, "S_ISCHR", "c"],
  ["S_IFBLK", 0o060000, "S_ISBLK", "b"],
  ["S_IFREG", 0o100000, "S_ISREG", "-"],
  ["S_IFIFO", 0o010000, "S_ISFIFO", "p"],
  ["S_IFLNK", 0o120000, "S_ISLNK", "l"],
  ["S_IFSOCK", 0o140000, "S_ISSOCK", "s"],
  // Solaris and BSD types that Linux does not have: 0, and their tests are always false.
  ["S_IFDOOR", 0, "S_ISDOOR", ""],
  ["S_IFPORT", 0, "S_ISPORT", ""],
  ["S_IFWHT", 0, "S_ISWHT", ""],
];

/** Every other integer constant of the module. */
const CONSTANTS: Record<string, number> = {
  ST_MODE: 0,
  ST_INO: 1,
  ST_DEV: 2,
  ST_NLINK: 3,
  ST_UID: 4,
  ST_GID: 5,
  ST_SIZE: 6,
  ST_ATIME: 7,
  ST_MTIME: 8,
  ST_CTIME: 9,
  S_ISUID: 0o4000,
  S_ISGID: 0o2000,
  S_ENFMT: 0o2000,
  S_ISVTX: 0o1000,
  S_IREAD: 0o400,
  S_IWRITE: 0o200,
  S_IEXEC: 0o100,
  S_IRWXU: 0o700,
  S_IRUSR: 0o400,
  S_IWUSR: 0o200,
  S_IXUSR: 0o100,
  S_IRWXG: 0o070,
  S_IRGRP: 0o040,
  S_IWGRP: 0o020,
  S_IXGRP: 0o010,
  S_IRWXO: 0o007,
  S_IROTH: 0o004,
  S_IWOTH: 0o002,
  S_IXOTH: 0o001,
  UF_NODUMP: 0x1,
  UF_IMMUTABLE: 0x2,
  UF_APPEND: 0x4,
  UF_OPAQUE: 0x8,
  UF_NOUNLINK: 0x10,
  UF_COMPRESSED: 0x20,
  UF_HIDDEN: 0x8000,
  SF_ARCHIVED: 0x10000,
  SF_IMMUTABLE: 0x20000,
  SF_APPEND: 0x40000,
  SF_NOUNLINK: 0x100000,
  SF_SNAPSHOT: 0x200000,
  FILE_ATTRIBUTE_READONLY: 1,
  FILE_ATTRIBUTE_HIDDEN: 2,
  FILE_ATTRIBUTE_SYSTEM: 4,
  FILE_ATTRIBUTE_DIRECTORY: 16,
  FILE_ATTRIBUTE_ARCHIVE: 32,
  FILE_ATTRIBUTE_DEVICE: 64,
  FILE_ATTRIBUTE_NORMAL: 128,
  FILE_ATTRIBUTE_TEMPORARY: 256,
  FILE_ATTRIBUTE_SPARSE_FILE: 512,
  FILE_ATTRIBUTE_REPARSE_POINT: 1024,
  FILE_ATTRIBUTE_COMPRESSED: 2048,
  FILE_ATTRIBUTE_OFFLINE: 4096,
  FILE_ATTRIBUTE_NOT_CONTENT_INDEXED: 8192,
  FILE_ATTRIBUTE_ENCRYPTED: 16384,
  FILE_ATTRIBUTE_INTEGRITY_STREAM: 32768,
  FILE_ATTRIBUTE_VIRTUAL: 65536,
  FILE_ATTRIBUTE_NO_SCRUB_DATA: 131072,
};

/** The permission characters of filemode, from the owner's read bit down to others' execute. */
const PERMISSION_BITS: readonly [bit: number, char: string][] = [
  [0o400, "r"],
  [0o200, "w"],
  [0o100, "x"],
  [0o040, "r"],
  [0o020, "w"],
  [0o010, "x"],
  [0o004, "r"],
  [0o002, "w"],
  [0o001, "x"],
];

/** The mode argument of the stat functions as a JS number (C's mode_t: an unsigned int). */
function modeArg(v: PyValue): number {
  const n = intValueOf(v);
  if (n === undefined) raise(Exc.TypeError, "an integer is required");
  if (n < 0) raise(Exc.OverflowError, "can't convert negative value to unsigned int");
  if (n > 0xffffffff) raise(Exc.OverflowError, "Python int too large to convert to C unsigned long");
  return Number(n);
}

/** `stat.filemode(mode)`: `-rwxr-xr-x` and friends. */
export function fileModeString(mode: number): string {
  const type = mode & 0o170000;
  let out = "?";
  for (const [, value, , char] of FILE_TYPES) {
    if (value !== 0 && value === type) out = char;
  }
  for (let i = 0; i < PERMISSION_BITS.length; i++) {
    const [bit, char] = PERMISSION_BITS[i];
    let c = (mode & bit) !== 0 ? char : "-";
    // setuid / setgid / sticky replace the execute character of their column.
    if (i === 2 && (mode & 0o4000) !== 0) c = c === "x" ? "s" : "S";
    if (i === 5 && (mode & 0o2000) !== 0) c = c === "x" ? "s" : "S";
    if (i === 8 && (mode & 0o1000) !== 0) c = c === "x" ? "t" : "T";
    out += c;
  }
  return out;
}

/** Builds the stat module. */
export function makeStatModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("stat", d);
  const fn = (name: string, f: (mode: number) => PyValue) =>
    d.setStr(
      name,
      new PyBuiltinFunction(
        name,
        (args, kwnames) => {
          checkArgs(name, args, kwnames, 1, 1);
          return f(modeArg(args[0]));
        },
        null,
        "stat",
      ),
    );
  for (const [name, value, test] of FILE_TYPES) {
    d.setStr(name, value);
    fn(test, (mode) => value !== 0 && (mode & 0o170000) === value);
  }
  for (const [name, value] of Object.entries(CONSTANTS)) d.setStr(name, value);
  fn("S_IMODE", (mode) => mode & 0o7777);
  fn("S_IFMT", (mode) => mode & 0o170000);
  fn("filemode", fileModeString);
  return m;
}
