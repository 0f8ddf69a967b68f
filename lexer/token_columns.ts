/**
 * Token columns: the lexer's output as parallel arrays (in: tokens pushed one by one; out: each
 * field readable by token index, or `Token` objects on request).
 *
 * Why columns rather than objects: a large source has close to a million tokens, all alive until
 * the parse ends. As objects they made up half of what the garbage collector copied and marked;
 * as Int32Arrays they are a few flat buffers it never scans. The parser reads them by index.
 *
 * @example
 * ```ts
 * import { TokenColumns } from "./token_columns.ts";
 * import { TokenKind } from "./token.ts";
 * const columns = new TokenColumns(16);
 * columns.push(TokenKind.NAME, "x", 1, 0, 1, 1, 0, 1);
 * console.log(columns.token(0).value); // "x"
 * ```
 * @module
 */
import { makeToken, type Token } from "./token.ts";

/** Tokens as columns; index i of every array describes token i (fields as in `Token`). */
export class TokenColumns {
  count = 0;
  kinds: Int32Array;
  lines: Int32Array;
  cols: Int32Array;
  endLines: Int32Array;
  endCols: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Token texts: a plain array, since most are shared strings (interned names, operators). */
  values: string[] = [];

  /** `capacity` is a first guess at the token count; the columns grow as needed. */
  constructor(capacity: number) {
    const n = Math.max(16, capacity | 0);
    this.kinds = new Int32Array(n);
    this.lines = new Int32Array(n);
    this.cols = new Int32Array(n);
    this.endLines = new Int32Array(n);
    this.endCols = new Int32Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
  }

  push(
    kind: number,
    value: string,
    line: number,
    col: number,
    endLine: number,
    endCol: number,
    start: number,
    end: number,
  ): void {
    const i = this.count;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.lines[i] = line;
    this.cols[i] = col;
    this.endLines[i] = endLine;
    this.endCols[i] = endCol;
    this.starts[i] = start;
    this.ends[i] = end;
    this.values.push(value);
    this.count = i + 1;
  }

  /** Doubles every column (slow path, out of line). */
  private grow(): void {
    const n = this.kinds.length * 2;
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.kinds = bigger(this.kinds);
    this.lines = bigger(this.lines);
    this.cols = bigger(this.cols);
    this.endLines = bigger(this.endLines);
    this.endCols = bigger(this.endCols);
    this.starts = bigger(this.starts);
    this.ends = bigger(this.ends);
  }

  /** Token `i` as an object. */
  token(i: number): Token {
    return makeToken(
      this.kinds[i],
      this.values[i],
      this.lines[i],
      this.cols[i],
      this.endLines[i],
      this.endCols[i],
      this.starts[i],
      this.ends[i],
    );
  }

  /** Every token as an object (the public `tokenize` result). */
  toTokens(): Token[] {
    const out: Token[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.token(i);
    return out;
  }
}
