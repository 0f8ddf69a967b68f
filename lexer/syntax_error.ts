/**
 * The front end's error: a Python SyntaxError (or IndentationError / TabError) raised by the lexer,
 * the parser or the compiler, with CPython's location fields, and its CPython-style rendering.
 *
 * The VM turns it into a Python exception object; the CLI prints it with `formatSyntaxError`.
 *
 * @example
 * ```ts
 * import { PySyntaxError, formatSyntaxError } from "./syntax_error.ts";
 * const e = new PySyntaxError("SyntaxError", "invalid syntax", "x.py", 1, 9, "print(1 +)");
 * console.log(formatSyntaxError(e));
 * ```
 * @module
 */

/** Which Python exception class the error becomes. */
export type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError";

/**
 * A syntax error. `lineno` is 1-based; `offset` and `endOffset` are 1-based character (code point)
 * offsets within `text`, as in CPython's SyntaxError; `text` is the offending source line without
 * its newline (null when there is none).
 */
export class PySyntaxError extends Error {
  constructor(
    public kind: SyntaxErrorKind,
    public msg: string,
    public filename: string,
    public lineno: number,
    public offset: number,
    public text: string | null,
    public endLineno: number = lineno,
    public endOffset: number = offset,
  ) {
    super(`${kind}: ${msg} (${filename}, line ${lineno})`);
    this.name = kind;
  }
}

/**
 * CPython 3.11's rendering of an uncaught SyntaxError (what `traceback.print_exception` prints,
 * without the "Traceback" header, which a syntax error in the main file does not have):
 *
 * ```text
 *   File "x.py", line 1
 *     print(1 +)
 *              ^
 * SyntaxError: invalid syntax
 * ```
 */
export function formatSyntaxError(e: PySyntaxError): string {
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    // CPython strips leading whitespace from the shown line and shifts the caret with it.
    const line = e.text.replace(/[\r\n]+$/, "");
    const stripped = line.replace(/^[ \t\f]+/, "");
    const removed = [...line].length - [...stripped].length;
    out += `    ${stripped}\n`;
    // Like CPython's print_error_text: no caret when it would fall inside the stripped indent.
    const start = e.offset - removed;
    if (start >= 1) {
      const sameLine = e.endLineno === e.lineno && e.endOffset > e.offset;
      const width = sameLine ? Math.max(e.endOffset - e.offset, 1) : 1;
      out += `    ${" ".repeat(start - 1)}${"^".repeat(width)}\n`;
    }
  }
  out += `${e.kind}: ${e.msg}\n`;
  return out;
}
