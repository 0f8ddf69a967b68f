/**
 * Errors crossing from the host into Python: any value thrown inside the runtime → the Python
 * exception a program sees (a JS stack overflow → RecursionError, the front end's PySyntaxError →
 * a SyntaxError object with its details, a NotImplementedError message → NotImplementedError,
 * anything else → SystemError naming the internal error).
 *
 * @example
 * ```ts
 * import { toPyException } from "./errors.ts";
 * console.log(toPyException(new RangeError("Maximum call stack size exceeded")).cls.name); // RecursionError
 * ```
 * @module
 */
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { Exc, newException, None, PyBaseException, PyDict, PyTuple } from "../objects/object.ts";

/** Makes any thrown JS value a Python exception (stack overflow → RecursionError). */
export function toPyException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  // No regular expressions here: the JS stack may be exhausted.
  if (e instanceof RangeError && e.message.indexOf("call stack") >= 0) {
    return newException(Exc.RecursionError, ["maximum recursion depth exceeded"]);
  }
  if (e instanceof PySyntaxError) return syntaxErrorObject(e);
  if (e instanceof Error && e.message.startsWith("NotImplementedError: ")) {
    return newException(Exc.NotImplementedError, [e.message.slice("NotImplementedError: ".length)]);
  }
  if (e instanceof Error && debugEnabled()) console.error(e.stack);
  return newException(Exc.SystemError, [`internal error: ${e instanceof Error ? e.message : String(e)}`]);
}

let debug: boolean | undefined;

/**
 * Whether PYJIT_DEBUG is set (internal errors then print their JavaScript stack): read once, and
 * only when Deno already grants access to that variable, so that it never prompts or fails.
 */
export function debugEnabled(): boolean {
  if (debug === undefined) {
    try {
      debug = Deno.permissions.querySync({ name: "env", variable: "PYJIT_DEBUG" }).state === "granted" &&
        !!Deno.env.get("PYJIT_DEBUG");
    } catch {
      debug = false;
    }
  }
  return debug;
}

/** A Python SyntaxError object from the front end's PySyntaxError. */
export function syntaxErrorObject(e: PySyntaxError): PyBaseException {
  const type = e.kind === "IndentationError"
    ? Exc.IndentationError
    : e.kind === "TabError"
    ? Exc.TabError
    : Exc.SyntaxError;
  const details = new PyTuple([e.filename, e.lineno, e.offset, e.text ?? None, e.endLineno, e.endOffset]);
  const exc = newException(type, [e.msg, details]);
  const d = new PyDict();
  d.setStr("msg", e.msg);
  d.setStr("filename", e.filename);
  d.setStr("lineno", e.lineno);
  d.setStr("offset", e.offset);
  d.setStr("text", e.text ?? None);
  d.setStr("end_lineno", e.endLineno);
  d.setStr("end_offset", e.endOffset);
  d.setStr("print_file_and_line", None);
  exc.dict = d;
  return exc;
}
