/**
 * Exceptions nobody can catch (in weakref callbacks, atexit callbacks, finalizers) → the report
 * CPython's default `sys.unraisablehook` writes on sys.stderr: a context line such as
 * "Exception ignored in: <function f at 0x…>", then the traceback.
 *
 * @example
 * ```ts
 * import { writeUnraisable } from "./unraisable.ts";
 * // try { call(cb, []) } catch (e) { writeUnraisable("Exception ignored in: …", e) }
 * ```
 * @module
 */
import { None } from "../../objects/object.ts";
import { writeTo } from "../../objects/stdio.ts";
import { toPyException } from "../../vm/errors.ts";
import { formatException } from "../../vm/traceback.ts";
import { currentStderr } from "./sys.ts";

/** Writes `context` and the traceback of `e` to sys.stderr (nothing when it is unusable). */
export function writeUnraisable(context: string, e: unknown): void {
  const exc = toPyException(e);
  const text = `${context}\n${formatException(exc)}`;
  try {
    const stderr = currentStderr();
    if (stderr !== None) writeTo(stderr, text);
  } catch {
    // stderr is unusable: nothing more to do, as in CPython
  }
}
