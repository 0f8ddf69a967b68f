/**
 * AST → text, exactly as CPython 3.11's `ast.dump(tree, indent=3)` (what `python3 -m ast` prints).
 * Placeholder until the parser lands.
 * @module
 */

/**
 * Dumps an AST the way `ast.dump(node, indent=indent)` does.
 * @example
 * ```ts
 * import { dumpAst } from "./ast_dump.ts";
 * ```
 */
export function dumpAst(_node: unknown, _indent = 3): string {
  throw new Error("NotImplementedError: ast.dump is not written yet");
}
