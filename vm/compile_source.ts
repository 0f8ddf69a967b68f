/**
 * Source text → a code object, with the front end's errors as Python SyntaxError objects: what
 * `compile()`, `exec`/`eval` of a string, the import system and the driver use.
 *
 * @example
 * ```ts
 * import { compileSource } from "./compile_source.ts";
 * const code = compileSource("x = 1\n", "<string>", "exec");
 * console.log(code.name); // "<module>"
 * ```
 * @module
 */
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import type { PyCode } from "../objects/code.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { Exc, newException, raise } from "../objects/object.ts";
import { encodeStr } from "../objects/types/str.ts";
import { syntaxErrorObject } from "./errors.ts";
import { threadState } from "./frame.ts";

/**
 * compile(): source → a code object (`exec`, `eval` or `single` mode); SyntaxError as a Python
 * exception. `flags`: the future features in force (co_flags bits, e.g. CO_FUTURE_ANNOTATIONS).
 */
export function compileSource(source: string, filename: string, mode: string, flags = 0): PyCode {
  if (mode !== "exec" && mode !== "eval" && mode !== "single") {
    raise(Exc.ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  // As CPython: the text must encode to UTF-8 (lone surrogates raise UnicodeEncodeError) and
  // hold no NUL.
  if (!source.isWellFormed()) encodeStr(source, "utf-8", "strict");
  if (source.indexOf("\0") >= 0) {
    throw newException(Exc.SyntaxError, ["source code string cannot contain null bytes"]);
  }
  try {
    const tree = parse(source, filename, mode) as ast.mod;
    // As CPython, the nesting the compiler allows shrinks with the Python frames running it.
    return compileModule(tree, filename, source, flags, 3 * threadState.depth);
  } catch (e) {
    if (e instanceof PySyntaxError) throw syntaxErrorObject(e);
    throw e;
  }
}
