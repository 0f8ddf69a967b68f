/**
 * Lexer: Python 3.12 source text → tokens (see token.ts for the contract).
 * Placeholder until the lexer lands: it raises a clear NotImplementedError.
 * @module
 */
import type { Token } from "./token.ts";

/**
 * Splits Python source into tokens.
 * @example
 * ```ts
 * import { tokenize } from "./lexer.ts";
 * const tokens = tokenize("x = 1\n", "<string>");
 * ```
 */
export function tokenize(_source: string, _filename = "<string>"): Token[] {
  throw new Error("NotImplementedError: the lexer is not written yet");
}
