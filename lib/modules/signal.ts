/**
 * `_signal` (the module `signal`, lib/python/signal.py, wraps it with its enums) → signal
 * numbers and names, the program's handler table (`signal`, `getsignal`), `raise_signal`,
 * `default_int_handler`, `strsignal`, `valid_signals`.
 *
 * How handlers run in pyjit: `raise_signal(n)` delivers the signal inside the program as CPython
 * does (a Python handler is called with the signal number and the current frame; SIG_IGN does
 * nothing; SIG_DFL takes the signal's default action: the process is sent the signal, or nothing
 * for signals ignored by default). A real SIGINT (Ctrl-C) is seen by the interpreter's own check
 * (vm/interrupts.ts, driver/signals.ts) and raises KeyboardInterrupt, which is what the default
 * handler does; handlers the program installs for real signals from outside the process are
 * recorded but not called: that needs a dispatch hook in vm/interrupts.ts, which would call
 * `dispatchSignal(signum)` below where it now raises KeyboardInterrupt, and a native handler
 * (driver/signals.ts) for each signal the program installs a handler for (see the report of the
 * branch that added this module). Timers and waiting (`alarm`, `setitimer`, `pause`,
 * `sigwait`…) need a native signal thread pyjit does not have: they raise NotImplementedError.
 *
 * @example
 * ```ts
 * import { makeSignalModule } from "./signal.ts";
 * const m = makeSignalModule();
 * ```
 * @module
 */
import {
  Exc,
  newException,
  None,
  PyBuiltinFunction,
  PyList,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { asIndex, call, isCallable } from "../../objects/ops.ts";
import { frameAtDepth } from "../../vm/frame_object.ts";
import { newOSError } from "./os_errors.ts";
import { buildModule } from "./_native.ts";

/** Signal numbers on x86-64 Linux (glibc), by name; aliases after the name they share a number with. */
const SIGNALS: [string, number][] = [
  ["SIGHUP", 1],
  ["SIGINT", 2],
  ["SIGQUIT", 3],
  ["SIGILL", 4],
  ["SIGTRAP", 5],
  ["SIGABRT", 6],
  ["SIGIOT", 6],
  ["SIGBUS", 7],
  ["SIGFPE", 8],
  ["SIGKILL", 9],
  ["SIGUSR1", 10],
  ["SIGSEGV", 11],
  ["SIGUSR2", 12],
  ["SIGPIPE", 13],
  ["SIGALRM", 14],
  ["SIGTERM", 15],
  ["SIGSTKFLT", 16],
  ["SIGCHLD", 17],
  ["SIGCLD", 17],
  ["SIGCONT", 18],
  ["SIGSTOP", 19],
  ["SIGTSTP", 20],
  ["SIGTTIN", 21],
  ["SIGTTOU", 22],
  ["SIGURG", 23],
  ["SIGXCPU", 24],
  ["SIGXFSZ", 25],
  ["SIGVTALRM", 26],
  ["SIGPROF", 27],
  ["SIGWINCH", 28],
  ["SIGIO", 29],
  ["SIGPOLL", 29],
  ["SIGPWR", 30],
  ["SIGSYS", 31],
  ["SIGRTMIN", 34],
  ["SIGRTMAX", 64],
];

/** strsignal() texts (glibc's), by number. */
const DESCRIPTIONS: Record<number, string> = {
  1: "Hangup",
  2: "Interrupt",
  3: "Quit",
  4: "Illegal instruction",
  5: "Trace/breakpoint trap",
  6: "Aborted",
  7: "Bus error",
  8: "Floating point exception",
  9: "Killed",
  10: "User defined signal 1",
  11: "Segmentation fault",
  12: "User defined signal 2",
  13: "Broken pipe",
  14: "Alarm clock",
  15: "Terminated",
  16: "Stack fault",
  17: "Child exited",
  18: "Continued",
  19: "Stopped (signal)",
  20: "Stopped",
  21: "Stopped (tty input)",
  22: "Stopped (tty output)",
  23: "Urgent I/O condition",
  24: "CPU time limit exceeded",
  25: "File size limit exceeded",
  26: "Virtual timer expired",
  27: "Profiling timer expired",
  28: "Window changed",
  29: "I/O possible",
  30: "Power failure",
  31: "Bad system call",
};

const NSIG = 65;
const SIG_DFL = 0, SIG_IGN = 1;
/** Signals whose default action is to do nothing (raise_signal with SIG_DFL returns). */
const IGNORED_BY_DEFAULT = new Set([17, 18, 23, 28]);
/** Signals CPython starts with SIG_IGN installed. */
const IGNORED_AT_START = new Set([13, 25]);
/** Numbers glibc keeps for itself (not valid_signals()). */
const RESERVED = new Set([32, 33]);

function signalNumber(v: PyValue): number {
  const n = asIndex(v);
  if (n < 1 || n >= NSIG) raise(Exc.ValueError, "signal number out of range");
  return Number(n);
}

function nameOf(signum: number): string | undefined {
  return SIGNALS.find(([, n]) => n === signum)?.[0];
}

/** The process's default action for `signum` (raise_signal with SIG_DFL). */
function defaultAction(signum: number): void {
  if (IGNORED_BY_DEFAULT.has(signum)) return;
  const name = nameOf(signum);
  if (name === undefined || signum >= 32) {
    raise(Exc.NotImplementedError, `default action of signal ${signum}`);
  }
  try {
    Deno.kill(Deno.pid, name as Deno.Signal);
  } catch (e) {
    throw newOSError(1, `Operation not permitted: ${e instanceof Error ? e.message : e}`);
  }
}

/** What the running program's `_signal` module does with a signal (null until it is imported). */
let deliverToProgram: ((signum: number) => void) | null = null;

/**
 * For the interpreter's interrupt check (the hook vm/interrupts.ts needs, see the module comment):
 * runs what the program installed for `signum` as raise_signal() does — a Python handler is
 * called with the number and the current frame, SIG_IGN does nothing, SIG_DFL takes the default
 * action, default_int_handler raises KeyboardInterrupt. Returns false when the program never
 * imported `signal`, so that the caller takes its own default (KeyboardInterrupt for SIGINT).
 */
export function dispatchSignal(signum: number): boolean {
  if (deliverToProgram === null) return false;
  deliverToProgram(signum);
  return true;
}

/** Builds the `_signal` module (a run's handler table starts as CPython's at start-up). */
export function makeSignalModule(): ReturnType<typeof buildModule> {
  const defaultIntHandler = new PyBuiltinFunction(
    "default_int_handler",
    () => {
      throw newException(Exc.KeyboardInterrupt, []);
    },
    null,
    "_signal",
  );
  const handlers = new Map<number, PyValue>();
  const handlerOf = (signum: number): PyValue =>
    handlers.get(signum) ??
      (signum === 2 ? defaultIntHandler : IGNORED_AT_START.has(signum) ? SIG_IGN : SIG_DFL);

  const deliver = (signum: number): void => {
    const handler = handlerOf(signum);
    if (handler === SIG_IGN) return;
    if (handler === SIG_DFL) {
      defaultAction(signum);
      return;
    }
    call(handler, [signum, frameAtDepth(0)]);
  };
  deliverToProgram = deliver;

  const refused = (name: string) => () =>
    raise(Exc.NotImplementedError, `signal.${name}() is not supported by pyjit`);

  const values: Record<string, PyValue> = {
    NSIG,
    SIG_DFL,
    SIG_IGN,
    SIG_BLOCK: 0,
    SIG_UNBLOCK: 1,
    SIG_SETMASK: 2,
    ITIMER_REAL: 0,
    ITIMER_VIRTUAL: 1,
    ITIMER_PROF: 2,
    default_int_handler: defaultIntHandler,
  };
  for (const [name, n] of SIGNALS) values[name] = n;

  return buildModule("_signal", "This module provides mechanisms to use signal handlers in Python.", {
    signal(args, kwnames) {
      if (args.length !== 2 || (kwnames !== null && kwnames.length > 0)) {
        raise(Exc.TypeError, `signal expected 2 arguments, got ${args.length}`);
      }
      const signum = signalNumber(args[0]);
      const handler = args[1];
      const isConstant = (typeof handler === "number" || typeof handler === "boolean") &&
        (Number(handler) === SIG_DFL || Number(handler) === SIG_IGN);
      if (!isConstant && !isCallable(handler)) {
        raise(Exc.TypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
      }
      if (signum === 9 || signum === 19 || RESERVED.has(signum)) throw newOSError(22);
      const old = handlerOf(signum);
      handlers.set(signum, isConstant ? Number(handler) : handler);
      return old;
    },
    getsignal(args, kwnames) {
      if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
        raise(Exc.TypeError, `getsignal() takes exactly one argument (${args.length} given)`);
      }
      return handlerOf(signalNumber(args[0]));
    },
    raise_signal(args, kwnames) {
      if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
        raise(Exc.TypeError, `raise_signal() takes exactly one argument (${args.length} given)`);
      }
      const n = asIndex(args[0]);
      if (n == 0) return None; // C's raise(0) sends nothing
      if (n < 0 || n >= NSIG) throw newOSError(22);
      deliver(Number(n));
      return None;
    },
    strsignal(args, kwnames) {
      if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
        raise(Exc.TypeError, `strsignal() takes exactly one argument (${args.length} given)`);
      }
      const signum = signalNumber(args[0]);
      if (signum >= 34) return `Real-time signal ${signum - 34}`;
      return DESCRIPTIONS[signum] ?? None;
    },
    valid_signals() {
      const out: PyValue[] = [];
      for (let n = 1; n < NSIG; n++) if (!RESERVED.has(n)) out.push(n);
      return new PyList(out);
    },
    alarm: refused("alarm"),
    pause: refused("pause"),
    setitimer: refused("setitimer"),
    getitimer: refused("getitimer"),
    siginterrupt: refused("siginterrupt"),
    set_wakeup_fd: refused("set_wakeup_fd"),
    pthread_kill: refused("pthread_kill"),
    pthread_sigmask: refused("pthread_sigmask"),
    pidfd_send_signal: refused("pidfd_send_signal"),
    sigpending: refused("sigpending"),
    sigwait: refused("sigwait"),
    sigwaitinfo: refused("sigwaitinfo"),
    sigtimedwait: refused("sigtimedwait"),
  }, values);
}
