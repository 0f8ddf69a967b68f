/**
 * `_thread` → the low-level thread module for pyjit, which runs Python on one host thread:
 * `get_ident` / `get_native_id` (the identity of the thread running now: `threading` runs a
 * Thread's target at `start()` and switches the identity around it with `_pyjit_set_ident`),
 * `allocate_lock` / `LockType` and `RLock` with CPython's blocking and timeout rules, and
 * `TIMEOUT_MAX`, `error`, `stack_size`, `_count`.
 *
 * On one thread, a blocking acquire of a lock that is held can never succeed (nothing else runs
 * to release it): without a timeout it raises RuntimeError instead of hanging; with a timeout it
 * sleeps that long and returns False. `start_new_thread` raises NotImplementedError (threading's
 * Thread is the supported way).
 *
 * @example
 * ```ts
 * import { makeThreadModule } from "./_thread.ts";
 * const mod = makeThreadModule();
 * ```
 * @module
 */
import {
  defMethod,
  Exc,
  None,
  PyDict,
  PyFloat,
  type PyModule,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { intValueOf, objectId } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { sleepInterruptibly } from "../../vm/interrupts.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";

/** The largest timeout acquire() accepts, in seconds (CPython's on 64-bit Linux). */
const TIMEOUT_MAX = 9223372036.0;

/** The main thread's identity: shaped like a pthread id, stable for the process. */
const MAIN_IDENT = 0x7f0000000000 + (Deno.pid % 0x10000) * 0x1000;
let currentIdent = MAIN_IDENT;

const DEADLOCK = "would block forever: pyjit runs Python on one thread, so nothing else can release it " +
  "(pass blocking=False or a timeout)";

/** A lock: held or not. */
class PyLock extends PyObject {
  declare held: boolean;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.held = false;
  }
}

/** A re-entrant lock: its owner's identity and how many times the owner acquired it. */
class PyRLock extends PyObject {
  declare owner: number;
  declare count: number;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.owner = 0;
    this.count = 0;
  }
}

/** acquire()'s arguments → -1 (wait forever), 0 (do not wait) or the seconds to wait. */
function acquireTimeout(args: PyValue[], kwnames: string[] | null): number {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (args.length > 2) raise(Exc.TypeError, `acquire() takes at most 2 arguments (${args.length} given)`);
  let blockingArg: PyValue | undefined = npos > 0 ? args[0] : undefined;
  let timeoutArg: PyValue | undefined = npos > 1 ? args[1] : undefined;
  for (let i = 0; i < nkw; i++) {
    const name = kwnames![i];
    const value = args[npos + i];
    if (name === "blocking" && npos < 1) blockingArg = value;
    else if (name === "timeout" && npos < 2) timeoutArg = value;
    else if (name === "blocking" || name === "timeout") {
      raise(
        Exc.TypeError,
        `argument for acquire() given by name ('${name}') and position (${name === "blocking" ? 1 : 2})`,
      );
    } else raise(Exc.TypeError, `'${name}' is an invalid keyword argument for acquire()`);
  }
  const blocking = blockingArg === undefined ? true : intArgument(blockingArg) !== 0;
  const timeout = timeoutArg === undefined ? -1 : secondsArgument(timeoutArg);
  if (!blocking && timeout !== -1) raise(Exc.ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) raise(Exc.ValueError, "timeout value must be positive");
  return blocking ? timeout : 0;
}

function intArgument(v: PyValue): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  const i = intValueOf(v);
  if (i === undefined) raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  return Number(i);
}

/** A timeout in seconds as CPython converts it (an int or a float; time_t range; not NaN). */
function secondsArgument(v: PyValue): number {
  const seconds = v instanceof PyFloat ? v.value : intArgument(v);
  if (Number.isNaN(seconds)) raise(Exc.ValueError, "Invalid value NaN (not a number)");
  if (seconds > TIMEOUT_MAX) raise(Exc.OverflowError, "timestamp out of range for platform time_t");
  return seconds;
}

/** A method of `type` that takes no arguments (`lock.release() takes no arguments (1 given)`). */
function noArguments(type: string, name: string, args: PyValue[]): void {
  if (args.length > 1) {
    raise(Exc.TypeError, `${type}.${name}() takes no arguments (${args.length - 1} given)`);
  }
}

/** Waiting for a lock no one else can release: an error, or the timeout slept away. */
function waitInVain(what: string, timeout: number): boolean {
  if (timeout < 0) raise(Exc.RuntimeError, `acquiring ${what} that is already held ${DEADLOCK}`);
  if (timeout > 0) sleepInterruptibly(timeout * 1000);
  return false;
}

function hex(v: PyObject): string {
  return `0x${objectId(v).toString(16)}`;
}

function makeLockType(): PyType {
  const lockType = moduleType("_thread", "lock", undefined, 0);
  const self = (v: PyValue, name: string): PyLock => {
    if (!(v instanceof PyLock)) {
      raise(
        Exc.TypeError,
        `descriptor '${name}' for '_thread.lock' objects doesn't apply to a '${typeOf(v).name}' object`,
      );
    }
    return v;
  };
  lockType.tp_new = (cls) => new PyLock(cls);
  installNew(lockType);
  const acquire = (args: PyValue[], kwnames: string[] | null): PyValue => {
    const lock = self(args[0], "acquire");
    const timeout = acquireTimeout(args.slice(1), kwnames);
    if (!lock.held) {
      lock.held = true;
      return true;
    }
    return waitInVain("a lock", timeout);
  };
  const release = (args: PyValue[]): PyValue => {
    noArguments("lock", "release", args);
    const lock = self(args[0], "release");
    if (!lock.held) raise(Exc.RuntimeError, "release unlocked lock");
    lock.held = false;
    return None;
  };
  const locked = (args: PyValue[]): PyValue => {
    noArguments("lock", "locked", args);
    return self(args[0], "locked").held;
  };
  for (const name of ["acquire", "acquire_lock", "__enter__"]) defMethod(lockType, name, acquire);
  for (const name of ["release", "release_lock"]) defMethod(lockType, name, release);
  for (const name of ["locked", "locked_lock"]) defMethod(lockType, name, locked);
  defMethod(lockType, "__exit__", (args) => {
    release([args[0]]);
    return None;
  });
  defMethod(lockType, "_at_fork_reinit", (args) => {
    self(args[0], "_at_fork_reinit").held = false;
    return None;
  });
  defMethod(lockType, "__repr__", (args) => {
    const lock = self(args[0], "__repr__");
    return `<${lock.held ? "locked" : "unlocked"} _thread.lock object at ${hex(lock)}>`;
  });
  return lockType;
}

function makeRLockType(): PyType {
  const rlockType = moduleType("_thread", "RLock");
  const self = (v: PyValue, name: string): PyRLock => {
    if (!(v instanceof PyRLock)) {
      raise(
        Exc.TypeError,
        `descriptor '${name}' for '_thread.RLock' objects doesn't apply to a '${typeOf(v).name}' object`,
      );
    }
    return v;
  };
  rlockType.tp_new = (cls) => new PyRLock(cls);
  installNew(rlockType);
  const acquire = (args: PyValue[], kwnames: string[] | null): PyValue => {
    const lock = self(args[0], "acquire");
    const timeout = acquireTimeout(args.slice(1), kwnames);
    if (lock.count > 0 && lock.owner === currentIdent) {
      lock.count++;
      return true;
    }
    if (lock.count === 0) {
      lock.owner = currentIdent;
      lock.count = 1;
      return true;
    }
    return waitInVain("an RLock owned by another thread", timeout);
  };
  const release = (args: PyValue[]): PyValue => {
    noArguments("RLock", "release", args);
    const lock = self(args[0], "release");
    if (lock.count === 0 || lock.owner !== currentIdent) {
      raise(Exc.RuntimeError, "cannot release un-acquired lock");
    }
    if (--lock.count === 0) lock.owner = 0;
    return None;
  };
  defMethod(rlockType, "acquire", acquire);
  defMethod(rlockType, "__enter__", acquire);
  defMethod(rlockType, "release", release);
  defMethod(rlockType, "__exit__", (args) => release([args[0]]));
  defMethod(rlockType, "_is_owned", (args) => {
    const lock = self(args[0], "_is_owned");
    return lock.count > 0 && lock.owner === currentIdent;
  });
  // Condition.wait() gives the lock up whole and takes it back with the same count.
  defMethod(rlockType, "_release_save", (args) => {
    const lock = self(args[0], "_release_save");
    if (lock.count === 0) raise(Exc.RuntimeError, "cannot release un-acquired lock");
    const state: [number, number] = [lock.count, lock.owner];
    lock.count = 0;
    lock.owner = 0;
    return new PyTuple(state);
  });
  defMethod(rlockType, "_acquire_restore", (args) => {
    const lock = self(args[0], "_acquire_restore");
    const state = args[1];
    if (!(state instanceof PyTuple) || state.items.length !== 2) raise(Exc.TypeError, "invalid RLock state");
    if (lock.count > 0 && lock.owner !== currentIdent) waitInVain("an RLock owned by another thread", -1);
    lock.count = Number(intValueOf(state.items[0]) ?? 0);
    lock.owner = Number(intValueOf(state.items[1]) ?? 0);
    return None;
  });
  defMethod(rlockType, "_recursion_count", (args) => {
    const lock = self(args[0], "_recursion_count");
    return lock.owner === currentIdent ? lock.count : 0;
  });
  defMethod(rlockType, "_at_fork_reinit", (args) => {
    const lock = self(args[0], "_at_fork_reinit");
    lock.count = 0;
    lock.owner = 0;
    return None;
  });
  defMethod(rlockType, "__repr__", (args) => {
    const lock = self(args[0], "__repr__");
    const cls = typeOf(lock);
    const name = cls.module === "_thread" ? "_thread.RLock" : `${cls.module}.${cls.name}`;
    return `<${
      lock.count > 0 ? "locked" : "unlocked"
    } ${name} object owner=${lock.owner} count=${lock.count} at ${hex(lock)}>`;
  });
  return rlockType;
}

/** Builds the `_thread` module. */
export function makeThreadModule(): PyModule {
  const lockType = makeLockType();
  const rlockType = makeRLockType();
  const allocateLock = (args: PyValue[]): PyValue => {
    if (args.length > 0) {
      raise(Exc.TypeError, `_thread.allocate_lock() takes no arguments (${args.length} given)`);
    }
    return new PyLock(lockType);
  };
  const startNewThread = (): PyValue =>
    raise(
      Exc.NotImplementedError,
      "_thread.start_new_thread() is not supported by pyjit (one thread): use threading.Thread, " +
        "which runs its target at start()",
    );
  const exitThread = (): PyValue => raise(Exc.SystemExit, "");
  return buildModule("_thread", "pyjit's single-threaded _thread: identities and locks.", {
    get_ident: (args, kwnames) => {
      expectArgs("get_ident", args, kwnames, 0, 0);
      return currentIdent;
    },
    get_native_id: (args, kwnames) => {
      expectArgs("get_native_id", args, kwnames, 0, 0);
      return currentIdent === MAIN_IDENT ? Deno.pid : Deno.pid + (currentIdent - MAIN_IDENT) / 0x1000;
    },
    allocate_lock: allocateLock,
    allocate: allocateLock,
    start_new_thread: startNewThread,
    start_new: startNewThread,
    exit: exitThread,
    exit_thread: exitThread,
    interrupt_main: () =>
      raise(Exc.NotImplementedError, "_thread.interrupt_main() is not supported by pyjit (one thread)"),
    stack_size: (args, kwnames) => {
      expectArgs("stack_size", args, kwnames, 0, 1);
      const size = args.length === 0 ? 0 : Number(intValueOf(args[0]) ?? 0);
      if (size !== 0 && size < 32768) raise(Exc.ValueError, `size not valid: ${size} bytes`);
      return 0;
    },
    _count: (args, kwnames) => {
      expectArgs("_count", args, kwnames, 0, 0);
      return 0;
    },
    _pyjit_main_ident: () => MAIN_IDENT,
    // threading switches the identity while it runs a Thread's target; returns the previous one.
    _pyjit_set_ident: (args, kwnames) => {
      expectArgs("_pyjit_set_ident", args, kwnames, 1, 1);
      const previous = currentIdent;
      currentIdent = Number(intValueOf(args[0]) ?? MAIN_IDENT);
      return previous;
    },
  }, {
    LockType: lockType,
    lock: lockType,
    RLock: rlockType,
    TIMEOUT_MAX: new PyFloat(TIMEOUT_MAX),
    error: Exc.RuntimeError,
  });
}
