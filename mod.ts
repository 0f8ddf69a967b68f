/**
 * `@pyjit/core`: a Python 3 runtime for Deno with a specializing interpreter and a copy-and-patch
 * JIT. This module is the library's one entry point: tokenize, parse, dump ASTs, run programs.
 *
 * @example
 * ```ts
 * import { dumpAst, parse } from "@pyjit/core";
 * console.log(dumpAst(parse("x = 1 + 2\n", "<string>")));
 * ```
 * @module
 */
export { makeToken, TOKEN_KINDS, TokenKind, tokenKindName } from "./lexer/token.ts";
export type { Token, TokenKindName } from "./lexer/token.ts";
export { tokenize } from "./lexer/lexer.ts";
export { decodeSource } from "./lexer/source_encoding.ts";
export { formatSyntaxError, PySyntaxError } from "./lexer/syntax_error.ts";
export type { SyntaxErrorKind } from "./lexer/syntax_error.ts";
export { parse } from "./compiler/parser.ts";
export type { ParseMode } from "./compiler/parser.ts";
export { dumpAst } from "./compiler/ast_dump.ts";
export { disassembleSource } from "./lib/modules/dis.ts";
export { runFile, runInteractive, runModule, runProgram, TIER_NAMES } from "./driver/run.ts";
export type { RunOptions, TierName } from "./driver/run.ts";

/** The version of pyjit, and the version of Python whose behaviour it follows. */
export const VERSION: { pyjit: string; python: string } = { pyjit: "0.1.0", python: "3.11" };
