/**
 * The recursion limit, shared by the object model and the VM: the interpreter thread's state
 * (`threadState`: running frame, depth, limit, exception being handled; vm/frame.ts gives it its
 * frame type) and the checks CPython 3.11 makes where its C code re-enters Python
 * (Py_EnterRecursiveCall). In: the site about to recurse (repr, str, a rich comparison, a call of a
 * class or of an instance). Out: RecursionError with CPython's message for that site when the depth
 * reaches the limit, else the depth counted up until the matching leave.
 *
 * Python frames count one each (vm/interp.ts, vm/interp_support.ts); these sites count one more
 * while they run, as in CPython, so that recursion through builtins stops at CPython's depth with
 * CPython's message instead of overflowing the JavaScript stack (that overflow is only the last
 * resort, turned into RecursionError by vm/errors.ts).
 *
 * @example
 * ```ts
 * import { enterRecursiveCall, leaveRecursiveCall, WHILE_GETTING_REPR } from "./recursion.ts";
 * enterRecursiveCall(WHILE_GETTING_REPR);
 * try {
 *   // ... compute a repr that may call back into Python
 * } finally {
 *   leaveRecursiveCall();
 * }
 * ```
 * @module
 */
import { Exc, newException, None, type PyBaseException, type PyValue, raise } from "./object.ts";

/** The interpreter's global state (one thread); vm/frame.ts exports it with its frame type. */
export const sharedThreadState: {
  /** The innermost running frame (a vm Frame). */
  frame: unknown;
  /** Python frames on the stack, plus the C-level sites below that are running. */
  depth: number;
  /** sys.getrecursionlimit(). */
  recursionLimit: number;
  /** The exception currently being handled (sys.exc_info()[1]) or None. */
  excInfo: PyValue;
} = {
  frame: null,
  depth: 0,
  recursionLimit: 1000,
  excInfo: None,
};

/** The suffixes of CPython's "maximum recursion depth exceeded" message, one per site. */
export const WHILE_GETTING_REPR = " while getting the repr of an object";
export const WHILE_GETTING_STR = " while getting the str of an object";
export const IN_COMPARISON = " in comparison";
export const WHILE_CALLING = " while calling a Python object";

/** Raises CPython's RecursionError, `where` being one of the suffixes above or "". */
export function recursionError(where: string): never {
  return raise(Exc.RecursionError, "maximum recursion depth exceeded" + where);
}

/** Counts one level for the site `where`, or raises RecursionError at the limit. */
export function enterRecursiveCall(where: string): void {
  const ts = sharedThreadState;
  if (ts.depth >= ts.recursionLimit) recursionError(where);
  ts.depth++;
}

/** Ends the level enterRecursiveCall counted (in a `finally`). */
export function leaveRecursiveCall(): void {
  sharedThreadState.depth--;
}

/**
 * What a site that counted a level throws when `e` ends its work: a JS stack overflow (the host
 * stack ran out before the recursion limit) becomes the RecursionError CPython would raise at that
 * site; anything else is thrown as it is. (If making the exception overflows again, the next site
 * out tries with more room.)
 */
export function overflowAsRecursionError(e: unknown, where: string): unknown {
  if (e instanceof RangeError && e.message.indexOf("call stack") >= 0) {
    return newException(Exc.RecursionError, ["maximum recursion depth exceeded" + where]) as PyBaseException;
  }
  return e;
}
