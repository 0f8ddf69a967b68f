/**
 * Lexer: Python 3.12 source text → tokens (see token.ts for the contract, f-strings included),
 * written into token columns (token_columns.ts) that the parser reads by index; `tokenize` turns
 * them into Token objects.
 *
 * Written like the TypeScript scanner: one pass over char codes with a NUL sentinel past the end,
 * ASCII fast paths inline, `substring` only when a token ends, no regular expressions on the hot
 * path (only non-ASCII identifiers use them). Indentation, bracket and f-string rules follow
 * CPython's Parser/tokenizer.c; every lexical error is a PySyntaxError with CPython's message and
 * location.
 *
 * @example
 * ```ts
 * import { tokenize } from "./lexer.ts";
 * const tokens = tokenize("x = 1\n", "<string>");
 * console.log(tokens.map((t) => t.value)); // ["x", "=", "1", "\n", ""]
 * ```
 * @module
 */
import { PySyntaxError, type SyntaxErrorKind } from "./syntax_error.ts";
import { type Token, TokenKind } from "./token.ts";
import { TokenColumns } from "./token_columns.ts";
import { decodeEscapes, type LiteralLocation } from "./strings.ts";

/**
 * Every operator and delimiter; the scanner's lookup tables are derived from this list. `<>` is
 * here because CPython's tokenizer reads it as one token, which its parser then rejects.
 */
// deno-fmt-ignore
export const OPERATORS: readonly string[] = [
  "!=", "%", "%=", "&", "&=", "(", ")", "*", "**", "**=", "*=", "+", "+=", ",", "-", "-=", "->", ".",
  "...", "/", "//", "//=", "/=", ":", ":=", ";", "<", "<<", "<<=", "<=", "=", "==", ">", ">=", ">>",
  ">>=", "@", "@=", "[", "]", "^", "^=", "{", "|", "|=", "}", "~", "!", "<>",
];

/** Operators grouped by first char code, longest first, so the first match is the longest. */
const OPERATORS_BY_FIRST: (string[] | undefined)[] = (() => {
  const table: (string[] | undefined)[] = new Array(128).fill(undefined);
  for (const op of [...OPERATORS].sort((a, b) => b.length - a.length)) {
    const c = op.charCodeAt(0);
    (table[c] ??= []).push(op);
  }
  return table;
})();

// Character classes for ASCII (bit flags), derived once.
const ID_START = 1, ID_CONTINUE = 2, DIGIT = 4, HEX = 8;
const CHAR_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z_]/.test(ch)) table[c] |= ID_START | ID_CONTINUE;
    if (/[0-9]/.test(ch)) table[c] |= ID_CONTINUE | DIGIT | HEX;
    if (/[A-Fa-f]/.test(ch)) table[c] |= HEX;
  }
  return table;
})();

/** CPython's limits (tokenizer.h): bracket nesting and indentation depth. */
const MAX_BRACKET_LEVEL = 200;
const MAX_INDENT = 100;
/** Replacement fields nested inside format specs (3.12: `f'{x:{y:{z}}}'` is the deepest). */
const MAX_FSTRING_FIELD_NESTING = 3;
/** Nested f-strings (CPython's MAXFSTRINGLEVEL, counting its regular-mode entry). */
const MAX_FSTRING_LEVEL = 150;
const TAB_SIZE = 8;

// deno-fmt-ignore
const NUL = 0, TAB = 9, LF = 10, FF = 12, CR = 13, SPACE = 32, HASH = 35, QUOTE = 34, APOSTROPHE = 39,
  BACKSLASH = 92, DOT = 46, LBRACE = 123, RBRACE = 125;

const MODE_FSTRING = 0, MODE_FIELD = 1;
const NO_NON_ASCII = 0x7fffffff;

/**
 * One entry of the f-string stack: an f-string whose literal text is being read (MODE_FSTRING), or
 * a replacement field of one (MODE_FIELD: its expression, or its format spec when `inSpec`).
 */
class Mode {
  constructor(
    public kind: number,
    /** The f-string this entry belongs to (itself for MODE_FSTRING). */
    public fstring: Mode | null,
    public quote: number,
    public quoteLen: number,
    public raw: boolean,
    /** Where the f-string starts (prefix included), for "unterminated" errors. */
    public start: number,
    public startLine: number,
    public startLineStart: number,
    /** For a field: the bracket depth right after its `{` was pushed. */
    public bracketDepth: number,
    public inSpec: boolean,
    /** For a field: how many fields enclose it through format specs of the same f-string. */
    public nesting: number,
  ) {}
}

/**
 * Splits Python source into tokens; throws PySyntaxError for every lexical error.
 * @example
 * ```ts
 * import { tokenize } from "./lexer.ts";
 * const tokens = tokenize("x = 1\n", "<string>");
 * ```
 */
export function tokenize(source: string, filename = "<string>"): Token[] {
  const lexer = new Lexer(source, filename);
  try {
    lexer.run();
    if (lexer.braceError !== null) throw lexer.braceError.error;
    return lexer.columns.toTokens();
  } finally {
    lexer.columns.release();
  }
}

/**
 * A single `}` in an f-string's literal text. CPython 3.11 finds it while its parser builds the
 * string's node, so it reports it at the token after the strings; the lexer reads on and leaves it
 * to the parser. `at` is the `}`'s index in the source.
 */
export interface FStringBraceError {
  error: PySyntaxError;
  at: number;
}

/**
 * Like `tokenize`, but returns the tokens as columns (what the parser reads; release them when
 * done), and a lexical error comes back with the tokens read before it, so the parser can report
 * a syntax error that CPython's lazy tokenizer would have found first.
 * @example
 * ```ts
 * import { tokenizeUntilError } from "./lexer.ts";
 * const { columns, error } = tokenizeUntilError("x = (1\n", "<string>");
 * ```
 */
export function tokenizeUntilError(
  source: string,
  filename = "<string>",
): { columns: TokenColumns; error: PySyntaxError | null; braceError: FStringBraceError | null } {
  const lexer = new Lexer(source, filename);
  try {
    return { columns: lexer.run(), error: null, braceError: lexer.braceError };
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { columns: lexer.columns, error: e, braceError: lexer.braceError };
  }
}

class Lexer {
  /** The source with a NUL sentinel appended: reading past the end yields NUL. */
  private readonly src: string;
  private readonly len: number;
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** Byte-column cache: `colBytes` UTF-8 bytes lie between `lineStart` and `colIndex`. */
  private colIndex = 0;
  private colBytes = 0;
  /** Index of the first non-ASCII char seen on the current line (columns before it are cheap). */
  private firstNonAscii = NO_NON_ASCII;
  /** The tokens so far (all of them once `run` returns). */
  readonly columns: TokenColumns;
  /** The first single `}` of a top-level f-string (see FStringBraceError). */
  braceError: FStringBraceError | null = null;
  private atLineStart = true;
  /** Whether the current logical line has produced a token (so it needs a NEWLINE). */
  private lineHasTokens = false;
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  // Open brackets: char code, index and line of each.
  private readonly bracketChars: number[] = [];
  private readonly bracketPos: number[] = [];
  private readonly bracketLine: number[] = [];
  private readonly bracketLineStart: number[] = [];
  private readonly modes: Mode[] = [];
  /** How many f-strings are open (MODE_FSTRING entries in `modes`). */
  private fstringDepth = 0;

  constructor(source: string, private readonly filename: string) {
    this.src = source + "\0";
    this.len = source.length;
    // Real code averages one token per ~2.7 chars: room for one per 2 rarely needs to grow.
    this.columns = TokenColumns.take((source.length >> 1) + 16, source);
    if (source.charCodeAt(0) === 0xfeff) {
      // A byte order mark is not part of the first line.
      this.pos = this.lineStart = this.colIndex = 1;
    }
  }

  run(): TokenColumns {
    const src = this.src;
    for (;;) {
      if (this.atLineStart) this.indentation();
      const modeCount = this.modes.length;
      if (modeCount !== 0) {
        const mode = this.modes[modeCount - 1];
        if (mode.kind === MODE_FSTRING || mode.inSpec) {
          this.fstringLiteral(mode);
          continue;
        }
      }
      let c = src.charCodeAt(this.pos);
      while (c === SPACE || c === TAB || c === FF) c = src.charCodeAt(++this.pos);
      const start = this.pos;
      if (c < 128 && (CHAR_CLASS[c] & ID_START) !== 0) {
        let p = start + 1;
        let d = src.charCodeAt(p);
        let hash = c;
        while (d < 128 && (CHAR_CLASS[d] & ID_CONTINUE) !== 0) {
          hash = (Math.imul(hash, 31) + d) | 0;
          d = src.charCodeAt(++p);
        }
        if ((d === APOSTROPHE || d === QUOTE) && p - start <= 2 && isStringPrefix(src, start, p)) {
          this.string(start, p);
        } else if (d >= 128) {
          this.identifierSlow(start, p);
        } else {
          this.pos = p;
          this.push(TokenKind.NAME, internName(src, start, p, hash), start, p);
        }
      } else if (c < 128 && (CHAR_CLASS[c] & DIGIT) !== 0) {
        this.number(start);
      } else if (c === LF || c === CR) {
        const end = c === CR && src.charCodeAt(start + 1) === LF ? start + 2 : start + 1;
        if (this.bracketChars.length === 0 && this.lineHasTokens) {
          // A constant rather than a substring: one allocation less per line.
          this.push(TokenKind.NEWLINE, end - start === 2 ? "\r\n" : c === CR ? "\r" : "\n", start, end);
          this.lineHasTokens = false;
        }
        this.pos = end;
        this.newLine(end);
        this.atLineStart = true;
      } else if (c === HASH) {
        this.sawNonAscii(start + 1); // (conservatively: comments are not scanned for it)
        let p = start + 1;
        let d = src.charCodeAt(p);
        while (d !== LF && d !== CR && d !== NUL) d = src.charCodeAt(++p);
        this.pos = p;
      } else if (c === APOSTROPHE || c === QUOTE) {
        this.string(start, start);
      } else if (c === DOT && (CHAR_CLASS[src.charCodeAt(start + 1)] & DIGIT) !== 0) {
        this.number(start);
      } else if (c < 128 && OPERATORS_BY_FIRST[c] !== undefined) {
        this.operator(start, c);
      } else if (c === BACKSLASH) {
        this.continuation(start);
      } else if (c === NUL && start >= this.len) {
        this.finish();
        return this.columns;
      } else {
        this.unknownCharacter(start, c);
      }
    }
  }

  // ---------------------------------------------------------------- positions and tokens

  /** UTF-8 byte column of index `i` on the current line (cheap on ASCII lines). */
  private colOf(i: number): number {
    if (i <= this.firstNonAscii) return i - this.lineStart;
    return this.colOfSlow(i);
  }

  /** Notes a non-ASCII char at `i`, so columns past it are counted in bytes. */
  private sawNonAscii(i: number): void {
    if (i < this.firstNonAscii) this.firstNonAscii = i;
  }

  private colOfSlow(i: number): number {
    if (i < this.colIndex) {
      this.colIndex = this.lineStart;
      this.colBytes = 0;
    }
    let bytes = this.colBytes;
    const src = this.src;
    for (let k = this.colIndex; k < i; k++) {
      const c = src.charCodeAt(k);
      bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
    }
    this.colIndex = i;
    this.colBytes = bytes;
    return bytes;
  }

  private newLine(lineStart: number): void {
    this.line++;
    this.lineStart = this.colIndex = lineStart;
    this.colBytes = 0;
    this.firstNonAscii = NO_NON_ASCII;
  }

  /** Pushes a token that starts and ends on the current line. */
  private push(kind: number, value: string, start: number, end: number): void {
    const line = this.line;
    const col = this.colOf(start);
    const endCol = this.colOf(end);
    this.columns.push(kind, value, line, col, line, endCol, start, end);
    this.lineHasTokens = true;
  }

  /** Pushes a token that may span lines: its start position was taken before scanning it. */
  private pushSpanning(
    kind: number,
    value: string,
    line: number,
    col: number,
    start: number,
    end: number,
  ): void {
    this.columns.push(kind, value, line, col, this.line, this.colOf(end), start, end);
    this.lineHasTokens = true;
  }

  // ---------------------------------------------------------------- errors

  /** Code points between two indices (CPython's offsets count characters, not UTF-16 units). */
  private codePoints(from: number, to: number): number {
    let n = to - from;
    const src = this.src;
    for (let k = from; k < to; k++) {
      const c = src.charCodeAt(k);
      if (c >= 0xdc00 && c <= 0xdfff && k > from) {
        const h = src.charCodeAt(k - 1);
        if (h >= 0xd800 && h <= 0xdbff) n--;
      }
    }
    return n;
  }

  /** The text of the line starting at `lineStart`, without its newline. */
  private lineText(lineStart: number): string {
    let p = lineStart;
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === LF || c === CR || (c === NUL && p >= this.len)) break;
      p++;
    }
    return src.substring(lineStart, p);
  }

  /**
   * An error whose 1-based offset is the number of characters from the line start to `cur`, as
   * CPython's tokenizer computes it from its cursor (so `cur` is just past the offending char).
   */
  private error(
    msg: string,
    cur: number,
    line = this.line,
    lineStart = this.lineStart,
    kind: SyntaxErrorKind = "SyntaxError",
  ): PySyntaxError {
    const offset = this.codePoints(lineStart, cur);
    return new PySyntaxError(kind, msg, this.filename, line, offset, this.lineText(lineStart), line, offset);
  }

  /** The number of the last line of the source (for "detected at line N"). */
  private lastLine(): number {
    const c = this.src.charCodeAt(this.len - 1);
    return this.pos >= this.len && (c === LF || c === CR) ? this.line - 1 : this.line;
  }

  // ---------------------------------------------------------------- indentation

  /** At the start of a line: measures indentation and emits INDENT/DEDENT (tokenizer.c rules). */
  private indentation(): void {
    this.atLineStart = false;
    const src = this.src;
    let col = 0, alt = 0, p = this.pos;
    // A backslash in the indentation joins the next line; the first one fixes the column.
    let continuedCol = 0;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === SPACE) col++, alt++;
      else if (c === TAB) col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE, alt++;
      else if (c === FF) col = alt = 0;
      else if (c === BACKSLASH) {
        if (continuedCol === 0) continuedCol = col;
        this.continuation(p);
        p = this.pos;
        continue;
      } else break;
      p++;
    }
    this.pos = p;
    const c = src.charCodeAt(p);
    // Blank and comment-only lines, and lines inside brackets, do not affect indentation.
    if (c === HASH || c === LF || c === CR || (c === NUL && p >= this.len)) return;
    if (this.bracketChars.length !== 0 || this.modes.length !== 0) return;
    if (continuedCol !== 0) col = alt = continuedCol;
    const indents = this.indents, altIndents = this.altIndents;
    const top = indents.length - 1;
    if (col === indents[top]) {
      if (alt !== altIndents[top]) throw this.tabError();
    } else if (col > indents[top]) {
      if (indents.length >= MAX_INDENT) {
        const e = this.error(
          "too many levels of indentation",
          this.lineStart + 1,
          this.line,
          this.lineStart,
          "IndentationError",
        );
        e.endOffset = 0; // (CPython 3.11's end for this one)
        throw e;
      }
      if (alt <= altIndents[top]) throw this.tabError();
      indents.push(col);
      altIndents.push(alt);
      this.columns.push(
        TokenKind.INDENT,
        "", // (the text is the source between start and end: see TokenColumns.values)
        this.line,
        0,
        this.line,
        this.colOf(p),
        this.lineStart,
        p,
      );
    } else {
      // A dedent to no enclosing level is an error before any DEDENT token (CPython's are pending).
      let level = indents.length - 1;
      while (level > 0 && col < indents[level]) level--;
      if (col === indents[level]) {
        while (indents.length - 1 > level) {
          indents.pop();
          altIndents.pop();
          const colHere = this.colOf(p);
          this.columns.push(TokenKind.DEDENT, "", this.line, colHere, this.line, colHere, p, p);
        }
      }
      if (col !== indents[indents.length - 1]) {
        // CPython points past the end of the line, newline included.
        let end = p;
        while (
          !((src.charCodeAt(end) === NUL && end >= this.len) || src.charCodeAt(end) === LF ||
            src.charCodeAt(end) === CR)
        ) end++;
        const e = this.error(
          "unindent does not match any outer indentation level",
          end + 1,
          this.line,
          this.lineStart,
          "IndentationError",
        );
        e.endOffset = -1; // (CPython 3.11 gives no end for this one)
        throw e;
      }
      if (alt !== altIndents[altIndents.length - 1]) throw this.tabError();
    }
  }

  private tabError(): PySyntaxError {
    return this.error(
      "inconsistent use of tabs and spaces in indentation",
      this.lineStart + 1,
      this.line,
      this.lineStart,
      "TabError",
    );
  }

  // ---------------------------------------------------------------- end of input

  private finish(): void {
    const n = this.bracketChars.length;
    if (n !== 0) {
      const i = n - 1;
      const open = String.fromCharCode(this.bracketChars[i]);
      const e = this.error(
        `'${open}' was never closed`,
        this.bracketPos[i] + 1,
        this.bracketLine[i],
        this.bracketLineStart[i],
      );
      e.endOffset = 0; // (as CPython 3.11's compile() reports it)
      throw e;
    }
    const end = this.len;
    if (this.lineHasTokens) {
      const col = this.colOf(end);
      this.columns.push(TokenKind.NEWLINE, "", this.line, col, this.line, col + 1, end, end);
      this.lineHasTokens = false;
    }
    // DEDENTs and ENDMARKER sit at the start of the line after the last one, as tokenize reports.
    const last = this.src.charCodeAt(end - 1);
    const line = end > 0 && last !== LF && last !== CR ? this.line + 1 : this.line;
    for (let i = this.indents.length - 1; i > 0; i--) {
      this.columns.push(TokenKind.DEDENT, "", line, 0, line, 0, end, end);
    }
    this.columns.push(TokenKind.ENDMARKER, "", line, 0, line, 0, end, end);
  }

  // ---------------------------------------------------------------- identifiers

  /** An identifier with non-ASCII characters: scanned like CPython, then checked and NFKC-normalized. */
  private identifierSlow(start: number, p: number): void {
    const src = this.src;
    this.sawNonAscii(start);
    for (;;) {
      const d = src.charCodeAt(p);
      if (d >= 128 || (d < 128 && (CHAR_CLASS[d] & ID_CONTINUE) !== 0)) p++;
      else break;
    }
    const text = src.substring(start, p);
    let i = 0;
    for (const ch of text) {
      const ok = i === 0 ? ch === "_" || XID_START.test(ch) : XID_CONTINUE.test(ch);
      if (!ok) {
        const cp = ch.codePointAt(0)!;
        const at = start + i + ch.length;
        const hex = cp.toString(16).toUpperCase().padStart(4, "0");
        throw this.error(
          NON_PRINTABLE.test(ch)
            ? `invalid non-printable character U+${hex}`
            : `invalid character '${ch}' (U+${hex})`,
          at,
        );
      }
      i += ch.length;
    }
    this.pos = p;
    this.push(TokenKind.NAME, text.normalize("NFKC"), start, p);
  }

  private unknownCharacter(start: number, c: number): void {
    if (c >= 128) {
      this.identifierSlow(start, start);
      return;
    }
    if (c === NUL) throw this.error("source code cannot contain null bytes", start + 1);
    if (c < 32 || c === 127) {
      const hex = c.toString(16).toUpperCase().padStart(4, "0");
      throw this.error(`invalid non-printable character U+${hex}`, start + 1);
    }
    // `$`, `?` and the backtick: CPython's tokenizer passes them on and its parser reports
    // "invalid syntax" there, unless a lexical error later in the file wins; so do we.
    this.pos = start + 1;
    this.push(TokenKind.OP, String.fromCharCode(c), start, start + 1);
  }

  // ---------------------------------------------------------------- numbers

  /** A number literal starting at `start` (a digit, or a dot followed by a digit). */
  private number(start: number): void {
    const src = this.src;
    let p = start;
    let c = src.charCodeAt(p);
    if (c === DOT) {
      p = this.fraction(p + 1);
    } else if (c === 0x30 && isLetter(src.charCodeAt(p + 1), 0x78)) {
      p = this.radixDigits(p + 2, 16, "hexadecimal");
    } else if (c === 0x30 && isLetter(src.charCodeAt(p + 1), 0x6f)) {
      p = this.radixDigits(p + 2, 8, "octal");
    } else if (c === 0x30 && isLetter(src.charCodeAt(p + 1), 0x62)) {
      p = this.radixDigits(p + 2, 2, "binary");
    } else if (c === 0x30) {
      // Zeros, maybe with underscores; a nonzero digit after them is only fine in a float.
      p++;
      for (;;) {
        c = src.charCodeAt(p);
        if (c === 0x5f) {
          p++;
          if (!isDigit(src.charCodeAt(p))) throw this.error("invalid decimal literal", p);
        } else if (c !== 0x30) break;
        else p++;
      }
      const zerosEnd = p;
      let nonzero = false;
      if (isDigit(c)) {
        nonzero = true;
        p = this.decimalTail(p);
        c = src.charCodeAt(p);
      }
      if (c === DOT) p = this.fraction(p + 1);
      else if (isLetter(c, 0x65)) p = this.exponent(p);
      else if (isLetter(c, 0x6a)) p = this.imaginary(p);
      else if (nonzero) {
        const e = this.error(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          start + 1,
        );
        e.endOffset = this.codePoints(this.lineStart, zerosEnd) + 1;
        throw e;
      } else this.endOfNumber(p, "decimal");
    } else {
      p = this.decimalTail(p);
      c = src.charCodeAt(p);
      if (c === DOT) p = this.fraction(p + 1);
      else if (isLetter(c, 0x65)) p = this.exponent(p);
      else if (isLetter(c, 0x6a)) p = this.imaginary(p);
      else this.endOfNumber(p, "decimal");
    }
    this.pos = p;
    if (p - start <= 4) {
      // Short literals repeat (0, 1, 2, 100…): share their strings through the name cache.
      let hash = 0;
      for (let k = start; k < p; k++) hash = (Math.imul(hash, 31) + src.charCodeAt(k)) | 0;
      this.push(TokenKind.NUMBER, internName(src, start, p, hash), start, p);
    } else this.push(TokenKind.NUMBER, src.substring(start, p), start, p);
  }

  /** Digits with single underscores between them, from a digit at `p`; returns the end. */
  private decimalTail(p: number): number {
    const src = this.src;
    for (;;) {
      let c = src.charCodeAt(++p);
      while (isDigit(c)) c = src.charCodeAt(++p);
      if (c !== 0x5f) return p;
      if (!isDigit(src.charCodeAt(p + 1))) throw this.error("invalid decimal literal", p + 1);
      p++;
    }
  }

  /** After the dot: optional digits, exponent, imaginary suffix. */
  private fraction(p: number): number {
    const src = this.src;
    if (isDigit(src.charCodeAt(p))) p = this.decimalTail(p);
    const c = src.charCodeAt(p);
    if (isLetter(c, 0x65)) return this.exponent(p);
    if (isLetter(c, 0x6a)) return this.imaginary(p);
    this.endOfNumber(p, "decimal");
    return p;
  }

  /** At an `e`/`E`: the exponent, or (CPython) the number ends before a bare `e` + non-digit. */
  private exponent(p: number): number {
    const src = this.src;
    let c = src.charCodeAt(p + 1);
    if (c === 0x2b || c === 0x2d) {
      if (!isDigit(src.charCodeAt(p + 2))) throw this.error("invalid decimal literal", p + 2);
      p += 2;
    } else if (!isDigit(c)) {
      this.endOfNumber(p, "decimal");
      return p;
    } else p++;
    p = this.decimalTail(p);
    c = src.charCodeAt(p);
    if (isLetter(c, 0x6a)) return this.imaginary(p);
    this.endOfNumber(p, "decimal");
    return p;
  }

  private imaginary(p: number): number {
    this.endOfNumber(p + 1, "imaginary");
    return p + 1;
  }

  /** `0x`/`0o`/`0b` digits from `p` (after the prefix); returns the end. */
  private radixDigits(p: number, radix: number, kind: string): number {
    const src = this.src;
    let c = src.charCodeAt(p);
    do {
      if (c === 0x5f) c = src.charCodeAt(++p);
      if (!isRadixDigit(c, radix)) {
        if (radix !== 16 && isDigit(c)) {
          throw this.error(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p + 1);
        }
        throw this.error(`invalid ${kind} literal`, p);
      }
      do c = src.charCodeAt(++p); while (isRadixDigit(c, radix));
    } while (c === 0x5f);
    if (radix !== 16 && isDigit(c)) {
      throw this.error(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p + 1);
    }
    this.endOfNumber(p, kind);
    return p;
  }

  /**
   * CPython's verify_end_of_number: a number may run into `and else for if in is not or` (a
   * warning in CPython), but any other identifier character right after it is an error.
   */
  private endOfNumber(p: number, kind: string): void {
    const src = this.src;
    const c = src.charCodeAt(p);
    if (c >= 128 || (CHAR_CLASS[c] & ID_CONTINUE) === 0) return;
    let follows = "";
    if (c === 0x61) follows = "nd";
    else if (c === 0x65) follows = "lse";
    else if (c === 0x66) follows = "or";
    else if (c === 0x6f) follows = "r";
    else if (c === 0x6e) follows = "ot";
    else if (c === 0x69) {
      const d = src.charCodeAt(p + 1);
      if (d === 0x66 || d === 0x6e || d === 0x73) return;
    }
    if (follows !== "" && src.startsWith(follows, p + 1)) {
      const after = src.charCodeAt(p + 1 + follows.length);
      if (after >= 128 || (CHAR_CLASS[after] & ID_CONTINUE) === 0) return;
    }
    throw this.error(`invalid ${kind} literal`, p);
  }

  // ---------------------------------------------------------------- operators and brackets

  private operator(start: number, c: number): void {
    const src = this.src;
    const candidates = OPERATORS_BY_FIRST[c]!;
    let op = candidates[candidates.length - 1];
    if (candidates.length > 1) {
      // (Delimiters such as `(` `,` `:` have one candidate: no comparisons for them.)
      const d = src.charCodeAt(start + 1);
      for (let i = 0; i < candidates.length - 1; i++) {
        const cand = candidates[i];
        if (
          d === cand.charCodeAt(1) && (cand.length === 2 || src.charCodeAt(start + 2) === cand.charCodeAt(2))
        ) {
          op = cand;
          break;
        }
      }
    }
    if (c === 0x3a) {
      // At a replacement field's top level, `:` starts the format spec (even before `=`).
      const mode = this.currentField();
      if (mode !== null && this.bracketChars.length === mode.bracketDepth) {
        this.pos = start + 1;
        this.push(TokenKind.OP, ":", start, start + 1);
        mode.inSpec = true;
        return;
      }
    }
    const end = start + op.length;
    if (op.length === 1) {
      if (c === 0x28 || c === 0x5b || c === LBRACE) {
        this.openBracket(start, c);
      } else if (c === 0x29 || c === 0x5d || c === RBRACE) {
        if (this.closeBracket(start, c)) return;
      }
    }
    this.pos = end;
    this.push(TokenKind.OP, op, start, end);
  }

  /** The innermost replacement field when its expression is being read, else null. */
  private currentField(): Mode | null {
    const n = this.modes.length;
    if (n === 0) return null;
    const mode = this.modes[n - 1];
    return mode.kind === MODE_FIELD ? mode : null;
  }

  private openBracket(start: number, c: number): void {
    if (this.bracketChars.length >= MAX_BRACKET_LEVEL) {
      throw this.error("too many nested parentheses", start + 1);
    }
    this.bracketChars.push(c);
    this.bracketPos.push(start);
    this.bracketLine.push(this.line);
    this.bracketLineStart.push(this.lineStart);
  }

  /** Checks a closing bracket; returns true when it closed a replacement field (token pushed). */
  private closeBracket(start: number, c: number): boolean {
    const n = this.bracketChars.length;
    const close = String.fromCharCode(c);
    const field = this.currentField();
    if (n === 0) throw this.error(`unmatched '${close}'`, start + 1);
    const open = this.bracketChars[n - 1];
    if (field !== null && n === field.bracketDepth) {
      if (c !== RBRACE) throw this.error(`f-string: unmatched '${close}'`, start + 1);
      this.popBracket();
      this.modes.pop();
      this.pos = start + 1;
      this.push(TokenKind.OP, "}", start, start + 1);
      return true;
    }
    if (
      !((open === 0x28 && c === 0x29) || (open === 0x5b && c === 0x5d) || (open === LBRACE && c === RBRACE))
    ) {
      const openLine = this.bracketLine[n - 1];
      const where = openLine !== this.line ? ` on line ${openLine}` : "";
      throw this.error(
        `closing parenthesis '${close}' does not match opening parenthesis '${
          String.fromCharCode(open)
        }'${where}`,
        start + 1,
      );
    }
    this.popBracket();
    return false;
  }

  private popBracket(): void {
    this.bracketChars.pop();
    this.bracketPos.pop();
    this.bracketLine.pop();
    this.bracketLineStart.pop();
  }

  /** A backslash outside strings: joins the next line, or is an error. */
  private continuation(start: number): void {
    const src = this.src;
    let p = start + 1;
    const c = src.charCodeAt(p);
    if (c === CR) p += src.charCodeAt(p + 1) === LF ? 2 : 1;
    else if (c === LF) p++;
    else if (!(c === NUL && p >= this.len)) {
      const e = this.error("unexpected character after line continuation character", start + 2);
      e.endOffset = 0; // (as CPython 3.11's compile() reports it)
      throw e;
    }
    if (p >= this.len) {
      if (this.bracketChars.length !== 0) {
        this.pos = p;
        this.finish();
      }
      throw this.error("unexpected EOF while parsing", start + 2);
    }
    this.pos = p;
    this.newLine(p);
  }

  // ---------------------------------------------------------------- strings

  /** A string or f-string literal: `start` is where its prefix starts, `quoteAt` its first quote. */
  private string(start: number, quoteAt: number): void {
    const src = this.src;
    if (quoteAt > start) {
      for (let i = start; i < quoteAt; i++) {
        if ((src.charCodeAt(i) | 0x20) === 0x66) {
          this.fstringStart(start, quoteAt);
          return;
        }
      }
    }
    const quote = src.charCodeAt(quoteAt);
    const startLine = this.line, startLineStart = this.lineStart;
    const startCol = this.colOf(start);
    let p = quoteAt + 1;
    let triple = false;
    if (src.charCodeAt(p) === quote) {
      if (src.charCodeAt(p + 1) === quote) {
        triple = true;
        p += 2;
      } else {
        this.pos = p + 1;
        this.push(TokenKind.STRING, "", start, p + 1);
        return;
      }
    }
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === quote) {
        if (!triple) {
          p++;
          break;
        }
        if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
          p += 3;
          break;
        }
        p++;
      } else if (c === BACKSLASH) {
        const d = src.charCodeAt(p + 1);
        if (d === LF || d === CR) {
          p += d === CR && src.charCodeAt(p + 2) === LF ? 3 : 2;
          this.newLine(p);
        } else if (d === NUL && p + 1 >= this.len) {
          p++;
        } else {
          if (d >= 0x80) this.sawNonAscii(p);
          p += 2;
        }
      } else if (c === LF || c === CR) {
        if (!triple) {
          this.pos = p;
          throw this.unterminatedString(start, startLine, startLineStart, quote, false, "string");
        }
        p += c === CR && src.charCodeAt(p + 1) === LF ? 2 : 1;
        this.newLine(p);
      } else if (c === NUL) {
        this.pos = p;
        if (p < this.len) throw this.error("source code cannot contain null bytes", p + 1);
        throw this.unterminatedString(start, startLine, startLineStart, quote, triple, "string");
      } else {
        if (c >= 0x80) this.sawNonAscii(p);
        p++;
      }
    }
    this.pos = p;
    this.pushSpanning(TokenKind.STRING, "", startLine, startCol, start, p);
  }

  /**
   * "unterminated string literal (detected at line N)", pointing at the literal's start; inside
   * a replacement field a string opened with the f-string's own quote means a missing `}`.
   */
  private unterminatedString(
    start: number,
    startLine: number,
    startLineStart: number,
    quote: number,
    triple: boolean,
    what: string,
  ): PySyntaxError {
    const detected = triple || this.pos >= this.len ? this.lastLine() : this.line;
    const n = this.modes.length;
    if (what === "string" && n !== 0) {
      const f = this.modes[n - 1].fstring!;
      if (f.quote === quote && f.quoteLen === (triple ? 3 : 1)) {
        return this.error("f-string: expecting '}'", start + 1, startLine, startLineStart);
      }
    }
    const kind = triple ? `triple-quoted ${what}` : what;
    return this.error(
      `unterminated ${kind} literal (detected at line ${detected})`,
      start + 1,
      startLine,
      startLineStart,
    );
  }

  // ---------------------------------------------------------------- f-strings

  private fstringStart(start: number, quoteAt: number): void {
    const src = this.src;
    const quote = src.charCodeAt(quoteAt);
    const triple = src.charCodeAt(quoteAt + 1) === quote && src.charCodeAt(quoteAt + 2) === quote;
    let raw = false;
    for (let i = start; i < quoteAt; i++) if ((src.charCodeAt(i) | 0x20) === 0x72) raw = true;
    const end = quoteAt + (triple ? 3 : 1);
    if (this.fstringDepth + 2 > MAX_FSTRING_LEVEL) throw this.error("too many nested f-strings", end);
    this.fstringDepth++;
    const mode = new Mode(
      MODE_FSTRING,
      null,
      quote,
      triple ? 3 : 1,
      raw,
      start,
      this.line,
      this.lineStart,
      0,
      false,
      0,
    );
    mode.fstring = mode;
    this.modes.push(mode);
    this.pos = end;
    this.push(TokenKind.FSTRING_START, src.substring(start, end), start, end);
  }

  /**
   * Literal text of an f-string (or of a format spec when `mode` is a field): emits
   * FSTRING_MIDDLE, then whatever ends the text (FSTRING_END, or a field's `{`).
   */
  private fstringLiteral(mode: Mode): void {
    const src = this.src;
    const f = mode.fstring!;
    const inSpec = mode.kind === MODE_FIELD;
    const quote = f.quote;
    const start = this.pos;
    const startLine = this.line, startCol = this.colOf(start);
    let text = "";
    let runStart = start;
    let p = start;
    for (;;) {
      const c = src.charCodeAt(p);
      if (
        c === quote &&
        (f.quoteLen === 1 || (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote))
      ) {
        this.middle(text + src.substring(runStart, p), f, start, startLine, startCol, p);
        // In a format spec the quote still ends the f-string, as in CPython, leaving the field's
        // `{` open: the error comes later ("'{' was never closed", or a mismatched bracket).
        while (this.modes.pop() !== f) { /* pop the fields of this f-string */ }
        this.fstringDepth--;
        const end = p + f.quoteLen;
        this.pos = end;
        this.push(TokenKind.FSTRING_END, src.substring(p, end), p, end);
        return;
      } else if (c === LBRACE) {
        if (!inSpec && src.charCodeAt(p + 1) === LBRACE) {
          text += src.substring(runStart, p + 1);
          p += 2;
          runStart = p;
          continue;
        }
        this.middle(text + src.substring(runStart, p), f, start, startLine, startCol, p);
        const nesting = inSpec ? mode.nesting + 1 : 0;
        if (nesting >= MAX_FSTRING_FIELD_NESTING) {
          throw this.error("f-string: expressions nested too deeply", p);
        }
        this.openBracket(p, LBRACE);
        this.pos = p + 1;
        this.push(TokenKind.OP, "{", p, p + 1);
        const field = new Mode(
          MODE_FIELD,
          f,
          quote,
          f.quoteLen,
          f.raw,
          f.start,
          f.startLine,
          f.startLineStart,
          this.bracketChars.length,
          false,
          nesting,
        );
        this.modes.push(field);
        return;
      } else if (c === RBRACE) {
        if (inSpec) {
          // The spec ends; the `}` itself closes the field in expression mode.
          this.middle(text + src.substring(runStart, p), f, start, startLine, startCol, p);
          mode.inSpec = false;
          this.pos = p;
          return;
        }
        if (src.charCodeAt(p + 1) !== RBRACE) {
          const error = this.error("f-string: single '}' is not allowed", p + 1);
          if (this.fstringDepth > 1) throw error;
          // Read on, keeping the `}` as text: the parser reports it where CPython 3.11 does.
          this.braceError ??= { error, at: p };
          p++;
          continue;
        }
        text += src.substring(runStart, p + 1);
        p += 2;
        runStart = p;
      } else if (c === BACKSLASH) {
        const d = src.charCodeAt(p + 1);
        if (d === LBRACE || d === RBRACE) {
          p++;
        } else if (d === LF || d === CR) {
          p += d === CR && src.charCodeAt(p + 2) === LF ? 3 : 2;
          this.newLine(p);
        } else if (d === 0x4e && !f.raw && src.charCodeAt(p + 2) === LBRACE) {
          this.sawNonAscii(p); // (conservatively: the name is not scanned for it)
          // `\N{NAME}`: its braces are part of the escape.
          p += 3;
          for (;;) {
            const e = src.charCodeAt(p);
            if (e === RBRACE) {
              p++;
              break;
            }
            if (e === quote || e === LF || e === CR || (e === NUL && p >= this.len)) break;
            p++;
          }
        } else if (d === NUL && p + 1 >= this.len) {
          p++;
        } else {
          if (d >= 0x80) this.sawNonAscii(p);
          p += 2;
        }
      } else if (c === LF || c === CR) {
        if (f.quoteLen === 1) {
          if (inSpec) {
            throw this.error(
              "f-string: newlines are not allowed in format specifiers for single quoted f-strings",
              p + 1,
            );
          }
          this.pos = p;
          throw this.unterminatedString(f.start, f.startLine, f.startLineStart, quote, false, "f-string");
        }
        p += c === CR && src.charCodeAt(p + 1) === LF ? 2 : 1;
        this.newLine(p);
      } else if (c === NUL && p >= this.len) {
        this.pos = p;
        throw this.unterminatedString(
          f.start,
          f.startLine,
          f.startLineStart,
          quote,
          f.quoteLen === 3,
          "f-string",
        );
      } else if (c === NUL) {
        throw this.error("source code cannot contain null bytes", p + 1);
      } else {
        if (c >= 0x80) this.sawNonAscii(p);
        p++;
      }
    }
  }

  /** Emits an FSTRING_MIDDLE for the literal run `raw` (braces already undoubled), if any. */
  private middle(raw: string, f: Mode, start: number, line: number, col: number, end: number): void {
    if (raw.length === 0) return;
    let value = raw;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === BACKSLASH || c === CR) {
        const where: LiteralLocation = {
          filename: this.filename,
          line: f.startLine,
          offset: this.codePoints(f.startLineStart, f.start) + 1,
          endLine: this.line,
          endOffset: this.codePoints(this.lineStart, end) + 1,
          text: this.lineText(f.startLineStart),
        };
        value = decodeEscapes(raw, false, f.raw, where);
        break;
      }
    }
    // Text that decodes to nothing (a backslash-newline) gives no token: MIDDLE is never empty.
    if (value.length !== 0) this.pushSpanning(TokenKind.FSTRING_MIDDLE, value, line, col, start, end);
  }
}

// ---------------------------------------------------------------- character helpers

/**
 * Recently seen ASCII names by hash: reusing the string for a repeated name saves an allocation
 * per NAME token, and the garbage collector's copying of it (tokens survive until parsed).
 */
const NAME_CACHE_SIZE = 16384;
const nameCache: string[] = new Array(NAME_CACHE_SIZE).fill("");

function internName(src: string, start: number, end: number, hash: number): string {
  const slot = hash & (NAME_CACHE_SIZE - 1);
  const cached = nameCache[slot];
  const length = end - start;
  if (cached.length === length) {
    let k = 0;
    while (k < length && cached.charCodeAt(k) === src.charCodeAt(start + k)) k++;
    if (k === length) return cached;
  }
  const name = src.substring(start, end);
  nameCache[slot] = name;
  return name;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whether `c` is the lowercase ASCII letter `lower` in either case. */
function isLetter(c: number, lower: number): boolean {
  return (c | 0x20) === lower;
}

function isRadixDigit(c: number, radix: number): boolean {
  if (radix === 16) return c < 128 && (CHAR_CLASS[c] & HEX) !== 0;
  return c >= 0x30 && c < 0x30 + radix;
}

/** Whether `src[start..end)` is a valid string prefix: r u b f br rb fr rf, any case. */
function isStringPrefix(src: string, start: number, end: number): boolean {
  const a = src.charCodeAt(start) | 0x20;
  if (end - start === 1) return a === 0x72 || a === 0x75 || a === 0x62 || a === 0x66;
  const b = src.charCodeAt(start + 1) | 0x20;
  return (a === 0x72 && (b === 0x62 || b === 0x66)) || ((a === 0x62 || a === 0x66) && b === 0x72);
}

const XID_START = /^\p{XID_Start}$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
/** Python's str.isprintable() is false for these categories (space excepted, which is ASCII). */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
