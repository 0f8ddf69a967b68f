/**
 * A TypeScript tokenizer just large enough for the instruction definition (vm/bytecodes.ts):
 * source text → tokens (identifiers, numbers, strings, template literals, punctuation, comments,
 * whitespace) that keep their exact text, so that joining them gives the source back.
 *
 * Not handled, and refused where it matters by the parser: regular-expression literals (a `/` is
 * always punctuation) and JSX.
 *
 * @example
 * ```ts
 * import { tokenize } from "./tokens.ts";
 * console.log(tokenize("a + 1").map((t) => t.kind)); // ["ident", "ws", "punct", "ws", "number"]
 * ```
 * @module
 */

/** What a token is. */
export type TokenKind = "ident" | "number" | "string" | "template" | "punct" | "comment" | "ws";

/** One token: its kind, its text and where it starts (offset and 1-based line). */
export interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
  line: number;
}

const PUNCTUATION = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "<<",
  ">>",
  "**",
];

function isIdentStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c);
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c);
}

/** Splits `text` into tokens; throws on an unterminated string, template or comment. */
export function tokenize(text: string, firstLine = 1): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = firstLine;
  const push = (kind: TokenKind, end: number) => {
    const t = text.slice(i, end);
    tokens.push({ kind, text: t, offset: i, line });
    for (const ch of t) if (ch === "\n") line++;
    i = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      let j = i + 1;
      while (j < text.length && " \t\n\r".includes(text[j])) j++;
      push("ws", j);
    } else if (c === "/" && text[i + 1] === "/") {
      let j = text.indexOf("\n", i);
      if (j < 0) j = text.length;
      push("comment", j);
    } else if (c === "/" && text[i + 1] === "*") {
      const j = text.indexOf("*/", i + 2);
      if (j < 0) throw new Error(`line ${line}: unterminated comment`);
      push("comment", j + 2);
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        if (text[j] === "\\") j++;
        if (text[j] === "\n") throw new Error(`line ${line}: unterminated string`);
        j++;
      }
      if (j >= text.length) throw new Error(`line ${line}: unterminated string`);
      push("string", j + 1);
    } else if (c === "`") {
      push("template", templateEnd(text, i, line));
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j])) j++;
      push("ident", j);
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < text.length && /[0-9A-Za-z_.]/.test(text[j])) j++;
      push("number", j);
    } else {
      const p = PUNCTUATION.find((p) => text.startsWith(p, i));
      push("punct", i + (p?.length ?? 1));
    }
  }
  return tokens;
}

/** The offset just past the template literal starting at `start` (nested `${…}` included). */
function templateEnd(text: string, start: number, line: number): number {
  let j = start + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === "\\") j += 2;
    else if (c === "`") return j + 1;
    else if (c === "$" && text[j + 1] === "{") j = codeEnd(text, j + 2, line);
    else j++;
  }
  throw new Error(`line ${line}: unterminated template literal`);
}

/** The offset just past the `}` that closes code starting at `start` (inside a `${…}`). */
function codeEnd(text: string, start: number, line: number): number {
  let depth = 1;
  let j = start;
  while (j < text.length) {
    const c = text[j];
    if (c === "`") j = templateEnd(text, j, line);
    else if (c === '"' || c === "'") {
      j++;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      j++;
    } else if (c === "{") {
      depth++;
      j++;
    } else if (c === "}") {
      if (--depth === 0) return j + 1;
      j++;
    } else j++;
  }
  throw new Error(`line ${line}: unterminated template literal`);
}

/** Whether a token is code (not whitespace or a comment). */
export function isSignificant(t: Token): boolean {
  return t.kind !== "ws" && t.kind !== "comment";
}

/** The tokens that are not whitespace or comments. */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter(isSignificant);
}

/** The significant token before index `i`, or undefined. */
export function prevSig(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (isSignificant(tokens[j])) return tokens[j];
  return undefined;
}

/** The index of the significant token after index `i` (`tokens.length` when there is none). */
export function nextSig(tokens: Token[], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) if (isSignificant(tokens[j])) return j;
  return tokens.length;
}

/** Index of the bracket closing the one at `open` (`(`, `[` or `{`) in `tokens`. */
export function matching(tokens: Token[], open: number): number {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
  const close = pairs[tokens[open].text];
  if (close === undefined) throw new Error(`line ${tokens[open].line}: not an opening bracket`);
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "punct") continue;
    if (t.text in pairs) depth++;
    else if (t.text === ")" || t.text === "]" || t.text === "}") {
      depth--;
      if (depth === 0) {
        if (t.text !== close) throw new Error(`line ${t.line}: '${t.text}' closes '${tokens[open].text}'`);
        return i;
      }
    }
  }
  throw new Error(`line ${tokens[open].line}: '${tokens[open].text}' is never closed`);
}

/** Joins tokens back into text. */
export function join(tokens: Token[]): string {
  return tokens.map((t) => t.text).join("");
}
