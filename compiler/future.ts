/**
 * Future statements (PEP 236): a module's AST → the `__future__` features it turns on, checked as
 * CPython's Python/future.c checks them. A future statement is a `from __future__ import …` among
 * the first statements of a module (after its docstring and other future statements); an unknown
 * feature is "future feature X is not defined", `braces` is "not a chance". One that comes later
 * on the same line as an earlier statement is refused here; later lines are refused by the
 * compiler (`isLateFuture`), as in CPython.
 *
 * @example
 * ```ts
 * import { futureFeatures } from "./future.ts";
 * import { parse } from "./parser.ts";
 * const tree = parse("from __future__ import annotations\n", "<s>", "exec") as never;
 * console.log(futureFeatures(tree, "<s>", "").annotations); // true
 * ```
 * @module
 */
import type * as ast from "./ast.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";

/** The features Python 3.11 knows; all but `annotations` are on anyway (or change nothing here). */
const KNOWN_FEATURES: ReadonlySet<string> = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
  "annotations",
]);

/** What a module's future statements say. */
export interface FutureFeatures {
  /** `from __future__ import annotations`: annotations are stored as strings, not evaluated. */
  annotations: boolean;
  /** The line of the last future statement (0: none); a `__future__` import after it is late. */
  lineno: number;
}

/** The features a module's future statements turn on; PySyntaxError for a bad one. */
export function futureFeatures(tree: ast.mod, filename: string, source: string): FutureFeatures {
  const features: FutureFeatures = { annotations: false, lineno: 0 };
  if (tree._type !== "Module" && tree._type !== "Interactive") return features;
  const body = tree.body;
  let i = 0;
  const first = body[0];
  if (
    tree._type === "Module" && first !== undefined && first._type === "Expr" &&
    first.value._type === "Constant" && typeof first.value.value === "string"
  ) i = 1;
  let done = false;
  let prevLine = 0;
  for (; i < body.length; i++) {
    const s = body[i];
    // Past the future statements, only a statement on the same line can still be one.
    if (done && s.lineno > prevLine) break;
    prevLine = s.lineno;
    if (s._type === "ImportFrom" && s.module === "__future__") {
      if (done) {
        throw futureError(
          "from __future__ imports must occur at the beginning of the file",
          s,
          s.col_offset,
          filename,
          source,
        );
      }
      for (const name of s.names) {
        if (name.name === "annotations") features.annotations = true;
        else if (name.name === "braces") {
          throw futureError("not a chance", s, s.col_offset + 1, filename, source);
        } else if (!KNOWN_FEATURES.has(name.name)) {
          throw futureError(
            `future feature ${name.name} is not defined`,
            s,
            s.col_offset + 1,
            filename,
            source,
          );
        }
      }
      features.lineno = s.lineno;
    } else done = true;
  }
  return features;
}

/** Whether `s` is a `__future__` import that comes after the module's future statements. */
export function isLateFuture(s: ast.ImportFrom, features: FutureFeatures): boolean {
  return s.module === "__future__" && s.lineno > features.lineno;
}

/** A SyntaxError at a future statement, at CPython's offset for it (its end unknown). */
function futureError(
  msg: string,
  s: ast.stmt,
  offset: number,
  filename: string,
  source: string,
): PySyntaxError {
  const text = source.split(/\r\n|\r|\n/)[s.lineno - 1] ?? null;
  return new PySyntaxError("SyntaxError", msg, filename, s.lineno, offset, text, s.lineno, 0);
}
