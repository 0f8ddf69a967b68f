/**
 * Parser: tokens → AST (node kinds and fields of Python's `ast` module).
 * Placeholder until the parser lands.
 * @module
 */

/** Which start rule to parse with, as in CPython's `compile(…, mode)`. */
export type ParseMode = "exec" | "eval" | "single";

/**
 * Parses Python source into an AST.
 * @example
 * ```ts
 * import { parse } from "./parser.ts";
 * const tree = parse("x = 1\n", "<string>");
 * ```
 */
export function parse(_source: string, _filename = "<unknown>", _mode: ParseMode = "exec"): unknown {
  throw new Error("NotImplementedError: the parser is not written yet");
}
