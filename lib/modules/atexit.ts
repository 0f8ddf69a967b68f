/**
 * The `atexit` module → functions registered by the program, run when it ends: after the main
 * module finishes (normally, by SystemExit or by an uncaught exception, whose traceback is
 * printed first), last registered first, before open files and stdout are flushed. An exception
 * in a callback (SystemExit included) is reported as CPython reports it ("Exception ignored in
 * atexit callback: <function f at 0x…>" and the traceback, on sys.stderr) and the next callback
 * runs; the exit status does not change.
 *
 * The driver runs them through `runAtexitCallbacks()`, which is registered as the first of the
 * end-of-program hooks of objects/stdio.ts (`onProgramExit`, run by `flushAtExit` in
 * driver/run.ts), so that no driver change is needed. `os._exit` skips them, as in CPython.
 *
 * @example
 * ```ts
 * import { makeAtexitModule, runAtexitCallbacks } from "./atexit.ts";
 * const m = makeAtexitModule();
 * runAtexitCallbacks(); // at the end of the run
 * ```
 * @module
 */
import { Exc, None, type PyValue, raise } from "../../objects/object.ts";
import { call, isCallable, repr, richEq } from "../../objects/ops.ts";
import { onProgramExit } from "../../objects/stdio.ts";
import { writeUnraisable } from "./unraisable.ts";
import { buildModule } from "./_native.ts";

/** One registration: the function and its arguments (null once unregistered). */
interface Callback {
  func: PyValue;
  args: PyValue[];
  kwnames: string[] | null;
}

/** The registrations of the running program, in order (slots of unregistered ones are null). */
let callbacks: (Callback | null)[] = [];

/** Runs the registered functions, last registered first, and forgets them. */
export function runAtexitCallbacks(): void {
  const todo = callbacks;
  callbacks = [];
  for (let i = todo.length - 1; i >= 0; i--) {
    const cb = todo[i];
    if (cb === null) continue;
    try {
      call(cb.func, cb.args, cb.kwnames);
    } catch (e) {
      let what: string;
      try {
        what = repr(cb.func);
      } catch {
        what = "<object repr() failed>";
      }
      writeUnraisable(`Exception ignored in atexit callback: ${what}`, e);
    }
  }
}

onProgramExit(runAtexitCallbacks, true);

/** Builds the `atexit` module (a run's registrations start empty). */
export function makeAtexitModule(): ReturnType<typeof buildModule> {
  callbacks = [];
  return buildModule(
    "atexit",
    "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n",
    {
      register(args, kwnames) {
        const nkw = kwnames === null ? 0 : kwnames.length;
        const npos = args.length - nkw;
        if (npos < 1) raise(Exc.TypeError, "register() takes at least 1 argument (0 given)");
        const func = args[0];
        if (!isCallable(func)) raise(Exc.TypeError, "the first argument must be callable");
        callbacks.push({ func, args: args.slice(1), kwnames: nkw > 0 ? kwnames : null });
        return func;
      },
      unregister(args, kwnames) {
        if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
          raise(Exc.TypeError, `atexit.unregister() takes exactly one argument (${args.length} given)`);
        }
        for (let i = 0; i < callbacks.length; i++) {
          const cb = callbacks[i];
          if (cb !== null && richEq(cb.func, args[0])) callbacks[i] = null;
        }
        return None;
      },
      _clear() {
        callbacks = [];
        return None;
      },
      _run_exitfuncs() {
        runAtexitCallbacks();
        return None;
      },
      _ncallbacks() {
        return callbacks.length;
      },
    },
  );
}
