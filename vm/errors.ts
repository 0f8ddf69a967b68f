/**
 * Errors crossing from the host into Python: any value thrown inside the runtime → the Python
 * exception a program sees, as CPython would raise it:
 * - a JS stack overflow → RecursionError;
 * - V8 refusing an allocation (a string, array, typed array or BigInt too large, an ArrayBuffer it
 *   cannot get) → MemoryError;
 * - the front end's PySyntaxError → a SyntaxError object with its details;
 * - a NotImplementedError message → NotImplementedError;
 * - anything else is a bug in pyjit → SystemError whose message asks for a report
 *   (`internalErrorReport` is the one wording of that report, for the CLI too).
 *
 * @example
 * ```ts
 * import { toPyException } from "./errors.ts";
 * console.log(toPyException(new RangeError("Maximum call stack size exceeded")).cls.name); // RecursionError
 * console.log(toPyException(new RangeError("Invalid string length")).cls.name); // MemoryError
 * ```
 * @module
 */
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { Exc, newException, None, PyBaseException, PyDict, PyTuple } from "../objects/object.ts";

/**
 * The messages of V8's RangeErrors that mean "this allocation is too large" (each a prefix):
 * CPython raises MemoryError where it cannot get the memory.
 */
const ALLOCATION_FAILURES: readonly string[] = [
  "Invalid string length",
  "Invalid array length",
  "Array buffer allocation failed",
  "Maximum BigInt size exceeded",
  "Invalid typed array length",
  "Invalid array buffer length",
  "Invalid DataView length",
  // A JS Map or Set holds at most 2**24 entries: a dict or set beyond that cannot be built.
  "Map maximum size exceeded",
  "Set maximum size exceeded",
];

/** Makes any thrown JS value a Python exception (see the module comment for the mapping). */
export function toPyException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof RangeError) {
    // No regular expressions here: the JS stack may be exhausted.
    const message = e.message;
    if (message.indexOf("call stack") >= 0) {
      return newException(Exc.RecursionError, ["maximum recursion depth exceeded"]);
    }
    if (isAllocationFailure(message)) return newException(Exc.MemoryError, []);
  }
  // Deno's TextDecoder refuses a buffer whose text would pass V8's longest string.
  if (e instanceof TypeError && e.message === "buffer exceeds maximum length") {
    return newException(Exc.MemoryError, []);
  }
  if (e instanceof PySyntaxError) return syntaxErrorObject(e);
  if (e instanceof Error && e.message.startsWith("NotImplementedError: ")) {
    return newException(Exc.NotImplementedError, [e.message.slice("NotImplementedError: ".length)]);
  }
  if (debugEnabled() && e instanceof Error) console.error(e.stack);
  return newException(Exc.SystemError, [internalErrorMessage(e)]);
}

function isAllocationFailure(message: string): boolean {
  for (let i = 0; i < ALLOCATION_FAILURES.length; i++) {
    if (message.startsWith(ALLOCATION_FAILURES[i])) return true;
  }
  return false;
}

/** Where a bug in pyjit should be reported (the last words of every internal-error message). */
const REPORT_REQUEST = "please report this as a bug in pyjit, with the program that caused it";

/** The message of the SystemError that stands for a bug in pyjit (a JS error that is not Python's). */
function internalErrorMessage(e: unknown): string {
  return `internal error: ${e instanceof Error ? e.message : String(e)} (${REPORT_REQUEST})`;
}

/**
 * The text that reports a bug in pyjit that escaped to the top (for the CLI): one line
 * `pyjit: internal error: … (please report …)`, followed by the JavaScript stack when PYJIT_DEBUG
 * is set.
 * @example
 * ```ts
 * import { internalErrorReport } from "./errors.ts";
 * console.log(internalErrorReport(new TypeError("x is undefined")));
 * ```
 */
export function internalErrorReport(e: unknown): string {
  let text = `pyjit: ${internalErrorMessage(e)}\n`;
  if (debugEnabled() && e instanceof Error && e.stack !== undefined) text += `${e.stack}\n`;
  return text;
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
