/**
 * Tokens: the contract between the lexer (source text → tokens) and the parser (tokens → AST).
 *
 * One table, `TOKEN_KINDS`, defines every kind; the numeric constants and the names are derived
 * from it. Tokens follow CPython 3.12's tokenizer: f-strings arrive as FSTRING_START,
 * FSTRING_MIDDLE, ordinary tokens for each replacement field, and FSTRING_END.
 *
 * F-string protocol (what the parser may rely on):
 * - FSTRING_START: `value` is the prefix and opening quote as written, e.g. `f"`, `Rf'''`.
 * - FSTRING_MIDDLE: a run of literal text. `value` is already decoded: escapes processed (unless
 *   the prefix has `r`), `{{` and `}}` collapsed to `{` and `}`. Never empty.
 * - a replacement field is OP `{`, the expression's tokens, then optionally OP `=` (self-documenting
 *   form), OP `!` followed by a NAME (`r`, `s` or `a`), OP `:` followed by the format spec, and
 *   finally OP `}`. The format spec is FSTRING_MIDDLE tokens and nested replacement fields.
 * - FSTRING_END: `value` is the closing quote.
 * The parser recovers the source text of a `{expr=}` field from `start`/`end` offsets.
 *
 * @example
 * ```ts
 * import { TokenKind, tokenKindName } from "./token.ts";
 * console.log(tokenKindName(TokenKind.NAME)); // "NAME"
 * ```
 * @module
 */

/** Every token kind, in numbering order. */
export const TOKEN_KINDS = [
  "ENDMARKER",
  "NAME", // identifiers and keywords (keywords are recognised by the parser)
  "NUMBER", // value: the literal as written, e.g. `0x_FF`, `1_000.5e-3j`
  "STRING", // value: the literal as written, prefix and quotes included; see decodeString
  "OP", // operators and delimiters; value: the operator text, e.g. `**=`, `->`, `...`
  "NEWLINE", // end of a logical line
  "INDENT",
  "DEDENT",
  "FSTRING_START",
  "FSTRING_MIDDLE",
  "FSTRING_END",
] as const;

/** A token kind's name, e.g. "NAME". */
export type TokenKindName = typeof TOKEN_KINDS[number];

/** Numeric token kinds, derived from TOKEN_KINDS. */
export const TokenKind: { readonly [K in TokenKindName]: number } = Object.fromEntries(
  TOKEN_KINDS.map((name, i) => [name, i]),
) as { [K in TokenKindName]: number };

/** The name of a numeric token kind. */
export function tokenKindName(kind: number): TokenKindName {
  return TOKEN_KINDS[kind];
}

/**
 * One token. Lines are 1-based; columns are 0-based UTF-8 byte offsets within the line, as
 * CPython's AST `col_offset` is. `start`/`end` are UTF-16 offsets into the source string, for
 * slicing the source text.
 */
export interface Token {
  kind: number;
  value: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  start: number;
  end: number;
}

/**
 * Builds a token. Every token comes from this one object literal, so all share one hidden class.
 * A literal rather than a class instance: V8 tracks the allocation site of a literal and, seeing
 * that tokens survive, allocates them straight in the old generation; class instances were always
 * copied out of the young generation, which made the lexer 2× slower.
 */
export function makeToken(
  kind: number,
  value: string,
  line: number,
  col: number,
  endLine: number,
  endCol: number,
  start: number,
  end: number,
): Token {
  return { kind, value, line, col, endLine, endCol, start, end };
}
