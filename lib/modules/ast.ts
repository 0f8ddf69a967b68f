/**
 * `pyjit -m ast [FILE]`: a Python file (or stdin) → `ast.dump(tree, indent=3)` on stdout, as
 * `python3 -m ast` prints it. The `ast` module itself is not importable yet; this is its `-m` tool.
 *
 * @example
 * ```ts
 * import { runAstMain } from "./ast.ts";
 * // Deno.exit(runAstMain(["script.py"]));
 * ```
 * @module
 */
import { parse } from "../../compiler/parser.ts";
import { dumpAst } from "../../compiler/ast_dump.ts";
import { decodeSource } from "../../lexer/source_encoding.ts";
import { flushStdout, writeStderr, writeStdout } from "../../objects/stdio.ts";
import { readAllStdinBytes, readSourceFile } from "../../vm/source_file.ts";

/** Runs `python -m ast ARGS…` and returns the exit status. */
export function runAstMain(args: string[]): number {
  const path = args[0];
  const source = path === undefined
    ? decodeSource(readAllStdinBytes(), "<stdin>")
    : readSourceFile(path, "compile");
  if (source === null) {
    writeStderr(
      `usage: python -m ast [-h] [-m {exec,single,eval,func_type}] [--no-type-comments] [-a] [-i INDENT] [infile]
python -m ast: error: argument infile: can't open '${path}': [Errno 2] No such file or directory: '${path}'\n`,
    );
    return 2;
  }
  writeStdout(dumpAst(parse(source, path ?? "<stdin>", "exec"), 3) + "\n");
  flushStdout();
  return 0;
}
