/**
 * Token columns: the lexer's output as parallel arrays (in: tokens pushed one by one; out: each
 * field readable by token index, or `Token` objects on request).
 *
 * Why columns rather than objects: a large source has close to a million tokens, all alive until
 * the parse ends. As objects they made up half of what the garbage collector copied and marked;
 * as Int32Arrays they are a few flat buffers it never scans. The parser reads them by index.
 *
 * The buffers of the last finished parse are kept for the next one (`TokenColumns.take`,
 * `release`): fresh multi-megabyte buffers cost a page fault per 4 KB on first write, which was a
 * third of the lexer's time.
 *
 * @example
 * ```ts
 * import { TokenColumns } from "./token_columns.ts";
 * import { TokenKind } from "./token.ts";
 * const columns = TokenColumns.take(16, "x");
 * columns.push(TokenKind.NAME, "x", 1, 0, 1, 1, 0, 1);
 * console.log(columns.token(0).value); // "x"
 * columns.release();
 * ```
 * @module
 */
import { makeToken, type Token, TokenKind } from "./token.ts";

/** The columns last released, ready for reuse (one set: parses do not overlap but rarely nest). */
let spare: TokenColumns | null = null;
/** Larger columns (~60 MB, from ~5 MB of source) are left to the GC rather than kept. */
const MAX_SPARE = 1 << 21;

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
  /**
   * Token texts: a plain array, since most are shared strings (interned names, operators). STRING
   * and INDENT tokens have "" here: their text is `source` between `starts` and `ends`, read only
   * when needed (allocating ~50k strings per MB that live as long as the columns cost scavenges).
   */
  values: string[];
  /** The source text the tokens come from. */
  source = "";

  /** Empty columns for about `capacity` tokens: the released ones if any, else new ones. */
  static take(capacity: number, source: string): TokenColumns {
    let columns = spare;
    if (columns === null) columns = new TokenColumns(capacity);
    else spare = null;
    columns.source = source;
    return columns;
  }

  /**
   * Hands the buffers to the next `take`; the columns must not be read afterwards. The texts are
   * cleared so that they do not keep the strings of this source alive.
   */
  release(): void {
    const size = this.kinds.length;
    if (size > MAX_SPARE || (spare !== null && spare.kinds.length >= size)) return;
    this.values.fill("", 0, this.count);
    this.count = 0;
    this.source = "";
    spare = this;
  }

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
    // Allocated at full size once: growing it by push would copy it and leave the copies to the GC.
    this.values = new Array(n);
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
    this.values[i] = value;
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
    const values: string[] = new Array(n);
    for (let i = 0; i < this.count; i++) values[i] = this.values[i];
    this.values = values;
  }

  /** Token `i` as an object. */
  token(i: number): Token {
    const kind = this.kinds[i];
    return makeToken(
      kind,
      kind === TokenKind.STRING || kind === TokenKind.INDENT
        ? this.source.substring(this.starts[i], this.ends[i])
        : this.values[i],
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
