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
 * CPython 3.11's rendering of an uncaught SyntaxError in a script run as `python3 file.py` (what
 * `PyErr_Display` prints, without the "Traceback" header, which a syntax error in the main file
 * does not have):
 *
 * ```text
 *   File "x.py", line 1
 *     print(1 +)
 *              ^
 * SyntaxError: invalid syntax
 * ```
 *
 * Two quirks of CPython's are reproduced: a script is read as bytes, so its offsets count UTF-8
 * bytes (the caret under a line with non-ASCII text sits further right than the character), and
 * only an exact SyntaxError shows its range: its subclasses (IndentationError, TabError) get one
 * caret.
 */
export function formatSyntaxError(e: PySyntaxError): string {
  // An error about the whole file (lineno 0, e.g. a script's undecodable bytes) has no location.
  let out = e.lineno === 0 ? "" : `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    const line = e.text.replace(/[\r\n]+$/, "");
    let offset = utf8Offset(line, e.offset);
    let endOffset = e.kind === "SyntaxError" ? utf8Offset(line, e.endOffset) : -1;
    const lineSize = utf8Length(line);
    // A range over several lines is shown up to the end of its first line.
    if (e.kind === "SyntaxError" && e.endLineno > e.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    // print_error_text: strip the indentation, shifting the caret with it.
    const stripped = line.replace(/^[ \t\f]+/, "");
    const removed = line.length - stripped.length;
    out += `    ${stripped}\n`;
    let column = offset - 1 - removed;
    const length = utf8Length(stripped);
    if (column > length) column = length;
    if (column >= 0) {
      offset = column;
      const width = endOffset > 0 && endOffset > e.offset ? endOffset - utf8Offset(line, e.offset) : 1;
      out += `    ${" ".repeat(offset)}${"^".repeat(Math.max(width, 1))}\n`;
    }
  }
  out += `${e.kind}: ${e.msg}\n`;
  return out;
}

/** The UTF-8 length of a string (byte columns, as CPython's AST and SyntaxError rendering use). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A 1-based code point offset into `line` → the 1-based UTF-8 byte offset CPython shows for a file. */
function utf8Offset(line: string, offset: number): number {
  if (offset <= 1) return offset;
  let chars = 0;
  let i = 0;
  while (i < line.length && chars < offset - 1) {
    const c = line.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && i + 1 < line.length ? 2 : 1;
    chars++;
  }
  return utf8Length(line.slice(0, i)) + (offset - 1 - chars) + 1;
}
