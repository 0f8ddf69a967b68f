/**
 * Failed OS calls → Python exceptions: a Deno error (Deno.errors.NotFound, AlreadyExists, …, with
 * its `code` such as "ENOENT") becomes the OSError subclass CPython raises, with errno, strerror and
 * filename(s) (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`). A refusal by Deno's
 * permission system is a PermissionError naming the missing flag. `requirePermission` asks Deno
 * (without prompting) before an operation, so that a missing flag never turns into a prompt.
 *
 * Every module that touches the OS (io, posix, …) raises through this file.
 *
 * @example
 * ```ts
 * import { osError } from "./os_errors.ts";
 * try {
 *   Deno.statSync("missing");
 * } catch (e) {
 *   throw osError(e, "missing"); // FileNotFoundError: [Errno 2] No such file or directory: 'missing'
 * }
 * ```
 * @module
 */
import { Exc, None, PyBaseException, type PyValue } from "../../objects/object.ts";
import { call } from "../../objects/ops.ts";
import { EACCES, errnoOf, strerror } from "./errno.ts";

/** Deno's error classes that carry no code → the errno CPython would see. */
const DENO_ERROR_ERRNO: Record<string, number> = {
  NotFound: 2,
  PermissionDenied: 13,
  AlreadyExists: 17,
  IsADirectory: 21,
  NotADirectory: 20,
  FilesystemLoop: 40,
  BrokenPipe: 32,
  Interrupted: 4,
  WouldBlock: 11,
  TimedOut: 110,
  NotSupported: 95,
  BadResource: 9,
  Busy: 16,
  InvalidData: 22,
  ConnectionRefused: 111,
  ConnectionReset: 104,
  ConnectionAborted: 103,
  NotConnected: 107,
  AddrInUse: 98,
  AddrNotAvailable: 99,
  NetworkUnreachable: 101,
};

/** The kinds of Deno permission an operation may need. */
export type PermissionKind = "read" | "write" | "env" | "sys" | "run" | "net" | "ffi";

/** Builds `OSError(errno, strerror, filename, None, filename2)`: the class follows the errno. */
export function newOSError(
  errno: number,
  message: string = strerror(errno),
  filename: PyValue = None,
  filename2: PyValue = None,
): PyBaseException {
  const args: PyValue[] = [errno, message];
  if (filename !== None || filename2 !== None) args.push(filename);
  if (filename2 !== None) args.push(None, filename2);
  return call(Exc.OSError, args) as PyBaseException;
}

/** Throws the OSError for `errno` (with CPython's message for it). */
export function raiseOSError(errno: number, filename: PyValue = None, filename2: PyValue = None): never {
  throw newOSError(errno, strerror(errno), filename, filename2);
}

/** The PermissionError for an operation Deno's permissions refuse (`flag` is e.g. "read"). */
export function permissionRefused(flag: string, filename: PyValue = None, filename2: PyValue = None) {
  return newOSError(EACCES, `${strerror(EACCES)} (pyjit runs without --allow-${flag})`, filename, filename2);
}

/**
 * The Python exception for an error thrown by a Deno call about `filename` (and `filename2`):
 * Python exceptions pass through; Deno's errors become OSError subclasses; anything else (a bug)
 * is rethrown as it is.
 */
export function osError(e: unknown, filename: PyValue = None, filename2: PyValue = None): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (!(e instanceof Error)) throw e;
  if (e instanceof Deno.errors.NotCapable) {
    return permissionRefused(/--allow-(\w+)/.exec(e.message)?.[1] ?? "all", filename, filename2);
  }
  const code = (e as { code?: unknown }).code;
  let errno = typeof code === "string" ? errnoOf(code) : undefined;
  if (errno === undefined) {
    const m = /\(os error (\d+)\)/.exec(e.message);
    if (m !== null) errno = Number(m[1]);
  }
  if (errno === undefined) errno = DENO_ERROR_ERRNO[e.name];
  if (errno === undefined) throw e;
  return newOSError(errno, strerror(errno), filename, filename2);
}

/** Whether each kind of permission was granted for everything (asked once: flags do not change). */
const grantedForAll = new Map<PermissionKind, boolean>();

function stateOf(descriptor: Deno.PermissionDescriptor): Deno.PermissionState {
  return Deno.permissions.querySync(descriptor).state;
}

/**
 * Raises PermissionError unless Deno already grants `kind` for `target` (a path for read/write,
 * a variable name for env): asking Deno first keeps it from prompting on a terminal.
 */
export function requirePermission(
  kind: PermissionKind,
  target?: string,
  filename: PyValue = None,
  filename2: PyValue = None,
): void {
  let all = grantedForAll.get(kind);
  if (all === undefined) {
    all = stateOf({ name: kind } as Deno.PermissionDescriptor) === "granted";
    grantedForAll.set(kind, all);
  }
  if (all) return;
  let descriptor: Deno.PermissionDescriptor;
  if (target === undefined) descriptor = { name: kind } as Deno.PermissionDescriptor;
  else if (kind === "read" || kind === "write") descriptor = { name: kind, path: target };
  else if (kind === "env") descriptor = { name: "env", variable: target };
  else if (kind === "sys") descriptor = { name: "sys", kind: target as Deno.SysPermissionDescriptor["kind"] };
  else descriptor = { name: kind } as Deno.PermissionDescriptor;
  if (stateOf(descriptor) !== "granted") throw permissionRefused(kind, filename, filename2);
}

/** Whether `kind` is granted for `target`, without raising or prompting. */
export function hasPermission(kind: PermissionKind, target?: string): boolean {
  try {
    requirePermission(kind, target);
    return true;
  } catch {
    return false;
  }
}
