/**
 * Parser: Python 3.12 tokens → AST (the node kinds and fields of Python's `ast` module, see ast.ts).
 * The tokens arrive as columns (lexer/token_columns.ts) and are read by index; the AST's lists are
 * built on an item stack and taken at their exact size (see `Parser.items`, `sized`), which keeps
 * the garbage collector's share of a large parse small.
 *
 * A hand-written recursive-descent parser following CPython's PEG grammar (Grammar/python.gram),
 * with bounded lookahead and a little speculative parsing (soft keyword `match`, parenthesized
 * `with` items) where the grammar needs it. Positions are CPython's: a node spans from the first
 * token its rule consumed to the last (so `(a) + b` starts at the parenthesis). Syntax errors
 * carry CPython's messages and locations; the ones CPython finds in its second ("invalid_…" rules)
 * pass are detected at the point where this parser fails.
 *
 * @example
 * ```ts
 * import { parse } from "./parser.ts";
 * const tree = parse("x = 1\n", "<string>");
 * console.log(tree._type); // "Module"
 * ```
 * @module
 */
import { TokenKind } from "../lexer/token.ts";
import type { TokenColumns } from "../lexer/token_columns.ts";
import { type FStringBraceError, tokenizeUntilError } from "../lexer/lexer.ts";
import { PySyntaxError, type SyntaxErrorKind, utf8Length } from "../lexer/syntax_error.ts";
import { decodeString, type LiteralLocation } from "../lexer/strings.ts";
import type * as A from "./ast.ts";
import { intStrLimit } from "../objects/types/int.ts";
import { memoryError } from "../objects/heap_guard.ts";

/** Which start rule to parse with, as in CPython's `compile(…, mode)`. */
export type ParseMode = "exec" | "eval" | "single";

const ENDMARKER = TokenKind.ENDMARKER;
const NAME = TokenKind.NAME;
const NUMBER = TokenKind.NUMBER;
const STRING = TokenKind.STRING;
const OP = TokenKind.OP;
const NEWLINE = TokenKind.NEWLINE;
const INDENT = TokenKind.INDENT;
const DEDENT = TokenKind.DEDENT;
const FSTRING_START = TokenKind.FSTRING_START;
const FSTRING_MIDDLE = TokenKind.FSTRING_MIDDLE;
const FSTRING_END = TokenKind.FSTRING_END;

/** Python's hard keywords (never names), in alphabetical order (the REPL completes them in it). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);
const SOFT_KEYWORDS: ReadonlySet<string> = new Set(["match", "case", "_", "type"]);

/** Augmented assignment operators → their `operator`. */
const AUG_ASSIGN: Readonly<Record<string, A.operator>> = {
  "+=": "Add",
  "-=": "Sub",
  "*=": "Mult",
  "@=": "MatMult",
  "/=": "Div",
  "%=": "Mod",
  "**=": "Pow",
  "<<=": "LShift",
  ">>=": "RShift",
  "|=": "BitOr",
  "^=": "BitXor",
  "&=": "BitAnd",
  "//=": "FloorDiv",
};
/** Binary operators below `bitwise_or`, with their precedence (higher binds tighter). */
const BINARY_OPS: ReadonlyMap<string, { precedence: number; op: A.operator }> = new Map(
  ([
    ["|", 1, "BitOr"],
    ["^", 2, "BitXor"],
    ["&", 3, "BitAnd"],
    ["<<", 4, "LShift"],
    [">>", 4, "RShift"],
    ["+", 5, "Add"],
    ["-", 5, "Sub"],
    ["*", 6, "Mult"],
    ["/", 6, "Div"],
    ["//", 6, "FloorDiv"],
    ["%", 6, "Mod"],
    ["@", 6, "MatMult"],
  ] as const).map(([text, precedence, op]) => [text, { precedence, op }]),
);
const COMPARE_OPS: Readonly<Record<string, A.cmpop>> = {
  "==": "Eq",
  "!=": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
};

/**
 * Nesting deeper than this (expressions inside expressions) is a MemoryError, as CPython's parser
 * raises at its stack limit (MAXSTACK, 6000 rule levels: a unary operator takes one, a lambda or
 * a `**` two); the symbol table refuses nesting deeper than 3000 first, for most expressions.
 */
const MAX_DEPTH = 6000;

/** Target kinds, for CPython's `_PyPegen_get_invalid_target`. */
const STAR_TARGETS = 0;
const DEL_TARGETS = 1;
const FOR_TARGETS = 2;

/**
 * Parses Python source into an AST.
 * @example
 * ```ts
 * import { parse } from "./parser.ts";
 * const tree = parse("x = 1\n", "<string>");
 * ```
 */
export function parse(source: string, filename?: string, mode?: "exec"): A.Module;
export function parse(source: string, filename: string, mode: "eval"): A.Expression;
export function parse(source: string, filename: string, mode: "single"): A.Interactive;
export function parse(source: string, filename: string, mode: ParseMode): A.mod;
export function parse(source: string, filename = "<unknown>", mode: ParseMode = "exec"): A.mod {
  const { columns, error, braceError } = tokenizeUntilError(source, filename);
  try {
    if (error === null) return parseTokens(columns, source, filename, mode, braceError);
    return parseUntilLexicalError(columns, error, braceError, source, filename, mode);
  } finally {
    columns.release();
  }
}

/**
 * The tokens before a lexical error, parsed to see whether CPython's lazy tokenizer would have
 * hit a syntax error first: throws whichever error CPython reports.
 */
function parseUntilLexicalError(
  columns: TokenColumns,
  error: PySyntaxError,
  braceError: FStringBraceError | null,
  source: string,
  filename: string,
  mode: ParseMode,
): never {
  // CPython tokenizes lazily: a syntax error before the lexical one wins, with exceptions.
  const sentinel = columns.count;
  const last = sentinel - 1;
  if (last < 0) columns.push(ENDMARKER, "", 1, 0, 1, 0, 0, 0);
  else {
    const line = columns.endLines[last], col = columns.endCols[last], end = columns.ends[last];
    columns.push(ENDMARKER, "", line, col, line, col, end, end);
  }
  const parser = new Parser(columns, source, filename);
  parser.braceError = braceError;
  let parserError: PySyntaxError;
  try {
    runStartRule(parser, mode);
    throw error;
  } catch (e) {
    if (e === error) throw e;
    if (e instanceof RangeError) throw error;
    if (!(e instanceof PySyntaxError)) throw e;
    parserError = e;
  }
  // CPython 3.11 raises it while parsing, before its tokenizer reads further.
  if (parserError.msg === braceError?.error.msg) throw parserError;
  if (parser.furthest >= sentinel) throw error;
  // An unexpected indent/unindent is reported without reading further.
  if (parserError.msg === "unexpected indent" || parserError.msg === "unexpected unindent") throw parserError;
  // After a syntax error CPython tokenizes the rest of the file: a lexical error it raises there
  // replaces the syntax error, except those its tokenizer only reports through a status code;
  // an unclosed bracket does when it opened on a line before the last token the parser read.
  if (error.msg.endsWith("was never closed")) {
    if (parser.lines[parser.furthest] > error.lineno) throw error;
    throw parserError;
  }
  if (STATUS_CODE_LEXICAL_ERRORS.some((m) => error.msg.startsWith(m))) throw parserError;
  throw error;
}

/** Lexical errors CPython's tokenizer signals with a status code rather than an exception. */
const STATUS_CODE_LEXICAL_ERRORS = [
  "unindent does not match any outer indentation level",
  "too many levels of indentation",
  "inconsistent use of tabs and spaces in indentation",
  "unexpected character after line continuation character",
  "unexpected EOF while parsing",
];

function runStartRule(parser: Parser, mode: ParseMode): A.mod {
  if (mode === "eval") return parser.parseEvalInput();
  if (mode === "single") return parser.parseInteractive();
  return parser.parseFile();
}

/**
 * Parses an already tokenized source (the columns must come from `tokenizeUntilError(source)`
 * without an error; the caller releases them afterwards).
 * @example
 * ```ts
 * import { parseTokens } from "./parser.ts";
 * import { tokenizeUntilError } from "../lexer/lexer.ts";
 * const src = "x = 1\n";
 * const tree = parseTokens(tokenizeUntilError(src, "<string>").columns, src, "<string>", "exec");
 * ```
 */
export function parseTokens(
  columns: TokenColumns,
  source: string,
  filename: string,
  mode: ParseMode,
  braceError: FStringBraceError | null = null,
): A.mod {
  const parser = new Parser(columns, source, filename);
  parser.braceError = braceError;
  try {
    const tree = runStartRule(parser, mode);
    // (A string the parser read without building its node still has its error.)
    if (braceError !== null) throw braceError.error;
    return tree;
  } catch (e) {
    if (e instanceof RangeError && !(e instanceof PySyntaxError)) {
      // The JS stack ran out despite the depth limit: CPython's parser runs out of its stack.
      memoryError();
    }
    throw e;
  }
}

type Node = A.Located;

/**
 * A token of this parse: its index in the token columns. The parser reads a token's fields as
 * `this.kinds[t]`, `this.values[t]`, …: no token objects exist (see token_columns.ts for why).
 */
type TokenIndex = number;

/** The state of one parse: the token columns and a cursor into them. */
class Parser {
  pos = 0;
  /** The furthest token index ever looked at: where CPython reports a generic "invalid syntax". */
  furthest = 0;
  depth = 0;
  /** Bracket nesting at the cursor (for "Perhaps you forgot a comma?", which only applies inside brackets). */
  level = 0;
  /** The last disjunction that an `expression` rule completed: [start index, end index, node]. */
  lastDisjStart = -1;
  lastDisjEnd = -1;
  lastDisj: A.expr | null = null;
  /** How many f-strings enclose the cursor. */
  fstringDepth = 0;
  /**
   * Above zero while diagnosing: an operand or trailer that fails is given up instead of failing
   * the whole expression, as PEG backtracking would (CPython's invalid_… rules see that prefix).
   */
  retreat = 0;
  /** Set while diagnoseAtCursor runs: its trial parses must not diagnose again. */
  diagnosing = false;
  /** The index of the token an assignment's type comment follows (it ends at the next NEWLINE). */
  typeCommentAfter = -1;
  private sourceLines: string[] | null = null;
  /** A single `}` the lexer found in an f-string: reported once that string's node is built. */
  braceError: FStringBraceError | null = null;
  /** The keyword arguments that the last parseCallArguments read (it returns the positional ones). */
  callKeywords: A.keyword[] = [];
  /**
   * The items of the lists being built, as a stack (see startItems): cheaper than a `[]` per list
   * that `push` grows to 16 spare slots, and garbage as soon as the list is taken.
   */
  private readonly items: unknown[] = [];
  private itemsTop = 0;

  /** How many tokens there are; the last is the ENDMARKER. */
  readonly count: number;
  // The token columns (copied out of TokenColumns so that each read is one field load).
  readonly kinds: Int32Array;
  readonly values: string[];
  readonly lines: Int32Array;
  readonly cols: Int32Array;
  readonly endLines: Int32Array;
  readonly endCols: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(columns: TokenColumns, readonly source: string, readonly filename: string) {
    this.count = columns.count;
    this.kinds = columns.kinds;
    this.values = columns.values;
    this.lines = columns.lines;
    this.cols = columns.cols;
    this.endLines = columns.endLines;
    this.endCols = columns.endCols;
    this.starts = columns.starts;
    this.ends = columns.ends;
  }

  // -------------------------------------------------------------------------------------------
  // Token access (`this.pos` is the current token, `this.pos - 1` the last consumed one)

  peek(k: number): TokenIndex {
    const i = Math.min(this.pos + k, this.count - 1);
    if (i > this.furthest) this.furthest = i;
    return i;
  }
  advance(): TokenIndex {
    const t = this.pos;
    if (this.kinds[t] !== ENDMARKER) this.pos++;
    if (this.pos > this.furthest) this.furthest = this.pos;
    return t;
  }
  isOp(v: string): boolean {
    const t = this.pos;
    return this.kinds[t] === OP && this.values[t] === v;
  }
  isKw(v: string): boolean {
    const t = this.pos;
    return this.kinds[t] === NAME && this.values[t] === v;
  }
  eatOp(v: string): boolean {
    const t = this.pos;
    if (this.kinds[t] === OP && this.values[t] === v) {
      this.advance();
      return true;
    }
    return false;
  }
  eatKw(v: string): boolean {
    const t = this.pos;
    if (this.kinds[t] === NAME && this.values[t] === v) {
      this.advance();
      return true;
    }
    return false;
  }
  expectOp(v: string): TokenIndex {
    if (!this.isOp(v)) this.fail();
    return this.advance();
  }
  /** `&&'x'` in the grammar: a missing token is reported as "expected 'x'" at the token found. */
  expectForced(v: string): TokenIndex {
    if (!this.isOp(v)) throw this.errorAtToken(`expected '${v}'`, this.pos);
    return this.advance();
  }
  /** A NAME that is not a hard keyword. */
  isName(t: TokenIndex = this.pos): boolean {
    return this.kinds[t] === NAME && !KEYWORDS.has(this.values[t]);
  }
  expectName(): TokenIndex {
    if (!this.isName()) this.fail();
    return this.advance();
  }
  /** The ':' ending a compound statement header: "expected ':'" when the line ends instead. */
  expectColon(): void {
    const t = this.pos;
    if (this.kinds[t] === OP && this.values[t] === ":") {
      this.advance();
      return;
    }
    if (this.kinds[t] === NEWLINE) throw this.errorAtToken("expected ':'", t);
    this.fail();
  }

  loc<T extends object>(node: T, start: TokenIndex, end: TokenIndex = this.pos - 1): T & Node {
    const n = node as T & Node;
    n.lineno = this.lines[start];
    n.col_offset = this.cols[start];
    n.end_lineno = this.endLines[end];
    n.end_col_offset = this.endCols[end];
    return n;
  }
  /** Positions spanning two nodes. */
  span<T extends object>(node: T, a: Node, b: Node): T & Node {
    const n = node as T & Node;
    n.lineno = a.lineno;
    n.col_offset = a.col_offset;
    n.end_lineno = b.end_lineno;
    n.end_col_offset = b.end_col_offset;
    return n;
  }

  /** Starts a list on the item stack; returns its base, for putItem and takeItems. */
  startItems(): number {
    return this.itemsTop;
  }
  /**
   * Stores item `n` (0-based) of the list at `base`. Writing at `base + n` rather than at the top
   * keeps the list whole even when a failed trial parse left items of its own above it.
   */
  putItem(base: number, n: number, item: unknown): void {
    this.items[base + n] = item;
    this.itemsTop = base + n + 1;
  }
  /** The `n` items of the list at `base`, as an exact-size array (see `sized`); pops the list. */
  takeItems<T>(base: number, n: number): T[] {
    const items = this.items as T[];
    this.itemsTop = base;
    switch (n) {
      case 0:
        return [];
      case 1:
        return [items[base]];
      case 2:
        return [items[base], items[base + 1]];
      case 3:
        return [items[base], items[base + 1], items[base + 2]];
      case 4:
        return [items[base], items[base + 1], items[base + 2], items[base + 3]];
      default:
        return items.slice(base, base + n);
    }
  }

  /** One more level of nesting (`levels`: CPython's rule levels for the construct). */
  enter(levels = 1): void {
    if ((this.depth += levels) > MAX_DEPTH) memoryError();
  }

  // -------------------------------------------------------------------------------------------
  // Errors

  sourceLine(lineno: number): string | null {
    if (this.sourceLines === null) this.sourceLines = this.source.split(/\r\n|\r|\n/);
    return lineno >= 1 && lineno <= this.sourceLines.length ? this.sourceLines[lineno - 1] : null;
  }
  /** The number of the source's last line (a final line break does not start another). */
  lastLineNumber(): number {
    if (this.sourceLines === null) this.sourceLines = this.source.split(/\r\n|\r|\n/);
    const n = this.sourceLines.length;
    return n > 1 && this.sourceLines[n - 1] === "" ? n - 1 : n;
  }

  /** Whether only DEDENT/NEWLINE/ENDMARKER tokens follow `t` (inclusive). */
  atEndOfFile(t: TokenIndex): boolean {
    for (let i = t; i < this.count; i++) {
      const k = this.kinds[i];
      if (k !== DEDENT && k !== ENDMARKER && k !== NEWLINE) return false;
    }
    return true;
  }

  /** A 0-based UTF-8 byte column on a line → CPython's 1-based character offset. */
  charOffset(lineno: number, byteCol: number): number {
    const line = this.sourceLine(lineno);
    if (line === null || byteCol <= 0) return byteCol + 1;
    let bytes = 0;
    let chars = 0;
    for (const ch of line) {
      if (bytes >= byteCol) break;
      const cp = ch.codePointAt(0)!;
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      chars++;
    }
    return chars + (byteCol > bytes ? byteCol - bytes : 0) + 1;
  }
  error(
    msg: string,
    line: number,
    col: number,
    endLine: number,
    endCol: number,
    kind: SyntaxErrorKind = "SyntaxError",
  ): PySyntaxError {
    const offset = this.charOffset(line, col);
    // A negative end column is CPython's "unknown end": -1 there is an end_offset of 0 here.
    const endOffset = endCol < 0 ? endCol + 1 : this.charOffset(endLine, endCol);
    return new PySyntaxError(
      kind,
      msg,
      this.filename,
      line,
      offset,
      this.sourceLine(line),
      endLine,
      endOffset,
    );
  }
  errorAtToken(msg: string, t: TokenIndex, kind: SyntaxErrorKind = "SyntaxError"): PySyntaxError {
    if (this.kinds[t] === ENDMARKER || this.kinds[t] === DEDENT) {
      // CPython's DEDENT and ENDMARKER have no column: it reports where its tokenizer stands, the
      // start of the line's first token (0, 1-based) or, at the end of the file, past the last line.
      if (this.atEndOfFile(t)) {
        const lineno = this.lastLineNumber();
        const text = this.sourceLine(lineno) ?? "";
        const offset = [...text].length + (this.sourceLine(lineno + 1) === "" ? 1 : 0);
        return new PySyntaxError(
          kind,
          msg,
          this.filename,
          lineno,
          offset,
          this.sourceLine(lineno),
          lineno,
          -1,
        );
      }
      const next = t + 1 < this.count ? t + 1 : t;
      return this.error(
        msg,
        this.lines[t],
        this.lines[next] === this.lines[t] ? this.cols[next] - 1 : this.cols[t] - 1,
        this.lines[t],
        -2,
        kind,
      );
    }
    if (this.kinds[t] === NEWLINE) {
      // CPython's NEWLINE ends where the line does and starts at a comment before it, if any.
      const gapStart = t > 0 ? this.ends[t - 1] : this.starts[t];
      const hash = this.source.lastIndexOf("#", this.starts[t]);
      const col = hash >= gapStart && t > 0 && this.endLines[t - 1] === this.lines[t]
        ? this.cols[t] - utf8Length(this.source.slice(hash, this.starts[t]))
        : this.cols[t];
      return this.error(msg, this.lines[t], col, this.lines[t], this.cols[t], kind);
    }
    return this.error(msg, this.lines[t], this.cols[t], this.endLines[t], this.endCols[t], kind);
  }
  errorAtNode(msg: string, n: Node): PySyntaxError {
    return this.error(msg, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset);
  }
  errorRange(msg: string, a: Node, b: Node): PySyntaxError {
    return this.error(msg, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
  }

  /** The generic failure: CPython's second-pass diagnoses where they apply, else "invalid syntax". */
  fail(): never {
    const specific = this.diagnoseAtCursor();
    if (specific) throw specific;
    const t = Math.min(this.furthest, this.count - 1);
    if (this.kinds[t] === INDENT) {
      const p = this.error(
        "unexpected indent",
        this.endLines[t],
        this.endCols[t] - 1,
        this.endLines[t],
        -2,
        "IndentationError",
      );
      throw p;
    }
    if (this.kinds[t] === DEDENT) throw this.errorAtToken("unexpected unindent", t, "IndentationError");
    if (this.kinds[t] === ENDMARKER) {
      // CPython's ENDMARKER has no column: -1, shown as offset 0, on the last line.
      const lineno = this.lastLineNumber();
      const text = this.sourceLine(lineno);
      throw new PySyntaxError("SyntaxError", "invalid syntax", this.filename, lineno, 0, text, lineno, 0);
    }
    throw this.errorAtToken("invalid syntax", t);
  }

  /**
   * CPython's `invalid_expression` / `invalid_legacy_expression`: two expressions in a row, where
   * the first is `print`/`exec` ("Missing parentheses…") or inside brackets ("Perhaps you forgot a
   * comma?").
   */
  diagnoseAtCursor(): PySyntaxError | null {
    if (this.diagnosing) return null;
    this.diagnosing = true;
    // A second-pass diagnosis reads ahead; the generic error stays where the first pass stopped.
    const furthest = this.furthest;
    try {
      return this.diagnoseTwoExpressions();
    } finally {
      this.diagnosing = false;
      this.furthest = furthest;
    }
  }

  diagnoseTwoExpressions(): PySyntaxError | null {
    const a = this.lastDisj;
    if (a === null || this.lastDisjEnd !== this.pos || !this.canStartExpression(this.pos)) return null;
    const startTok = this.lastDisjStart;
    const legacy = a._type === "Name" && (a.id === "print" || a.id === "exec");
    if (legacy) {
      if (this.isOp("(")) return null;
      const b = this.speculate(() => this.parseStarExpressions());
      if (b === null) return null;
      return this.errorRange(`Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`, a, b);
    }
    if (this.level === 0) return null;
    if (this.kinds[startTok] === NAME && SOFT_KEYWORDS.has(this.values[startTok])) return null;
    if (this.kinds[startTok] === NAME && this.kinds[this.lastDisjStart + 1] === STRING) return null;
    // expression_without_invalid, with PEG backtracking: a conditional expression without 'else'
    // falls back to its disjunction, and a failing operand or trailer to what precedes it.
    let b = this.attempt(this.parseExpression);
    if (b === null) {
      this.retreat++;
      b = this.attempt(this.parseDisjunction);
      this.retreat--;
    }
    if (b === null) return null;
    return this.errorRange("invalid syntax. Perhaps you forgot a comma?", a, b);
  }

  /**
   * `speculate` for a parser method and its arguments. Hot functions use this rather than an arrow
   * function: a closure capturing `this` makes V8 allocate a context on every call of the function.
   */
  attempt<A extends unknown[], R>(fn: (this: Parser, ...args: A) => R, ...args: A): R | null {
    return this.speculate(() => fn.apply(this, args));
  }

  /** Runs a parse function; on a syntax error restores the cursor and returns null. */
  speculate<T>(fn: () => T, onError?: (e: PySyntaxError) => void): T | null {
    const save = this.pos;
    const saveLevel = this.level;
    const saveDepth = this.depth;
    const saveDisj = [this.lastDisjStart, this.lastDisjEnd, this.lastDisj] as const;
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      onError?.(e);
      this.pos = save;
      this.level = saveLevel;
      this.depth = saveDepth;
      [this.lastDisjStart, this.lastDisjEnd, this.lastDisj] = saveDisj;
      return null;
    }
  }

  canStartExpression(t: TokenIndex): boolean {
    switch (this.kinds[t]) {
      case NAME:
        return !KEYWORDS.has(this.values[t]) || this.values[t] === "None" || this.values[t] === "True" ||
          this.values[t] === "False" ||
          this.values[t] === "not" || this.values[t] === "lambda" || this.values[t] === "await";
      case NUMBER:
      case STRING:
      case FSTRING_START:
        return true;
      case OP:
        return this.values[t] === "(" || this.values[t] === "[" || this.values[t] === "{" ||
          this.values[t] === "-" || this.values[t] === "+" ||
          this.values[t] === "~" || this.values[t] === "...";
      default:
        return false;
    }
  }

  /** The source text of token `t` (for STRING tokens, whose text the columns do not hold). */
  text(t: TokenIndex): string {
    return this.source.substring(this.starts[t], this.ends[t]);
  }

  /** Decodes a STRING token; an error is raised again with the literal's location (computed lazily). */
  decode(t: TokenIndex): { bytes: boolean; value: string } {
    try {
      return decodeString(this.text(t));
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      return decodeString(this.text(t), this.literalLocation(t));
    }
  }

  /** Where a literal token sits, for errors raised while decoding it. */
  literalLocation(t: TokenIndex): LiteralLocation {
    return {
      filename: this.filename,
      line: this.lines[t],
      offset: this.charOffset(this.lines[t], this.cols[t]),
      endOffset: this.charOffset(this.endLines[t], this.endCols[t]),
      endLine: this.endLines[t],
      text: this.sourceLine(this.lines[t]),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Type comments (`python -m ast` parses with type_comments=True)

  /** The type comment (not `type: ignore`) in the source between two offsets, which hold no tokens. */
  typeCommentIn(from: number, to: number): string | null {
    const src = this.source;
    for (let i = from; i < to; i++) {
      if (src.charCodeAt(i) !== 0x23) continue; // '#'
      let end = i;
      while (end < to && src.charCodeAt(end) !== 10 && src.charCodeAt(end) !== 13) end++;
      const m = classifyTypeComment(src.slice(i, end));
      if (m !== null && !m.ignore) return m.text;
      i = end;
    }
    return null;
  }

  /** A type comment between a compound statement's ':' and the end of its line. */
  typeCommentAfterColon(): string | null {
    const t = this.pos;
    return this.kinds[t] === NEWLINE ? this.typeCommentIn(this.ends[this.pos - 1], this.starts[t]) : null;
  }

  /** Every `# type: ignore[…]` comment of the source, as CPython's tokenizer finds them. */
  typeIgnores(): A.TypeIgnore[] {
    const out: A.TypeIgnore[] = [];
    const src = this.source;
    let tokenIndex = 0;
    // "type:" is rare: find it, then check for `#[ \t]*` before it.
    for (let found = src.indexOf("type:"); found !== -1; found = src.indexOf("type:", found + 5)) {
      let at = found - 1;
      while (at >= 0 && (src.charCodeAt(at) === 0x20 || src.charCodeAt(at) === 0x09)) at--;
      if (at < 0 || src.charCodeAt(at) !== 0x23) continue;
      // Skip matches inside tokens (strings): find the last token starting at or before `at`.
      let lo = tokenIndex;
      let hi = this.count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      tokenIndex = lo;
      const prev = lo;
      if (this.starts[prev] <= at && at < this.ends[prev]) continue;
      // The '#' must start the comment: no earlier '#' on its line after the previous token.
      const lineStart = src.lastIndexOf("\n", at - 1) + 1;
      const from = this.ends[prev] <= at ? Math.max(lineStart, this.ends[prev]) : lineStart;
      if (src.slice(from, at).includes("#")) continue;
      let end = at;
      while (end < src.length && src.charCodeAt(end) !== 10 && src.charCodeAt(end) !== 13) end++;
      const c = classifyTypeComment(src.slice(at, end));
      if (c === null || !c.ignore) continue;
      // The comment's line: the previous token's, plus the line breaks between them.
      const before = this.starts[prev] <= at; // false when the comment precedes every token
      let line = before ? this.lines[prev] : 1;
      for (let i = before ? this.starts[prev] : 0; i < at; i++) if (src.charCodeAt(i) === 10) line++;
      out.push({ _type: "TypeIgnore", lineno: line, tag: c.text });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Start rules

  parseFile(): A.Module {
    const body = this.parseStatementsUntil(ENDMARKER);
    return { _type: "Module", body, type_ignores: this.typeIgnores() };
  }

  parseEvalInput(): A.Expression {
    const body = this.parseExpressions();
    while (this.kinds[this.pos] === NEWLINE) this.advance();
    if (this.kinds[this.pos] !== ENDMARKER) this.fail();
    return { _type: "Expression", body };
  }

  parseInteractive(): A.Interactive {
    if (this.kinds[this.pos] === NEWLINE || this.kinds[this.pos] === ENDMARKER) {
      return { _type: "Interactive", body: [] };
    }
    const base = this.startItems();
    const body = this.takeItems<A.stmt>(base, this.parseStatement(base, 0));
    const end = this.pos - 1;
    while (this.kinds[this.pos] === NEWLINE) this.advance();
    if (this.kinds[this.pos] !== ENDMARKER) {
      throw this.errorAtToken("multiple statements found while compiling a single statement", end);
    }
    return { _type: "Interactive", body };
  }

  parseStatementsUntil(endKind: number): A.stmt[] {
    const base = this.startItems();
    let n = 0;
    while (this.kinds[this.pos] !== endKind) {
      if (this.kinds[this.pos] === NEWLINE) {
        // Blank lines normally never reach the parser; tolerate a stray one.
        this.advance();
        continue;
      }
      n = this.parseStatement(base, n);
    }
    return this.takeItems(base, n);
  }

  /**
   * One statement (or one line of `;`-separated simple statements), put as items n, n + 1, … of
   * the list at `base` on the item stack; returns the list's new length.
   */
  parseStatement(base: number, n: number): number {
    const t = this.pos;
    if (this.kinds[t] === NAME) {
      switch (this.values[t]) {
        case "def":
          this.putItem(base, n, this.parseFunctionDef([], null));
          return n + 1;
        case "if":
          this.putItem(base, n, this.parseIf());
          return n + 1;
        case "class":
          this.putItem(base, n, this.parseClassDef([]));
          return n + 1;
        case "with":
          this.putItem(base, n, this.parseWith(null));
          return n + 1;
        case "for":
          this.putItem(base, n, this.parseFor(null));
          return n + 1;
        case "try":
          this.putItem(base, n, this.parseTry());
          return n + 1;
        case "while":
          this.putItem(base, n, this.parseWhile());
          return n + 1;
        case "async":
          this.putItem(base, n, this.parseAsync());
          return n + 1;
        case "match": {
          const m = this.tryParseMatch();
          if (m !== null) {
            this.putItem(base, n, m);
            return n + 1;
          }
          break;
        }
      }
    } else if (this.kinds[t] === OP && this.values[t] === "@") {
      this.putItem(base, n, this.parseDecorated());
      return n + 1;
    } else if (this.kinds[t] === INDENT || this.kinds[t] === DEDENT) {
      this.fail();
    }
    return this.parseSimpleStatements(base, n);
  }

  /** A line of `;`-separated simple statements, put on the item stack as parseStatement does. */
  parseSimpleStatements(base: number, n: number): number {
    for (;;) {
      this.putItem(base, n++, this.parseSimpleStatement());
      if (this.eatOp(";")) {
        if (this.kinds[this.pos] === NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.kinds[this.pos] !== NEWLINE) this.fail();
    this.advance();
    return n;
  }

  parseSimpleStatement(): A.stmt {
    const t = this.pos;
    if (this.kinds[t] === NAME) {
      switch (this.values[t]) {
        case "pass":
          this.advance();
          return {
            _type: "Pass",
            lineno: this.lines[t],
            col_offset: this.cols[t],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.Pass;
        case "break":
          this.advance();
          return {
            _type: "Break",
            lineno: this.lines[t],
            col_offset: this.cols[t],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.Break;
        case "continue":
          this.advance();
          return {
            _type: "Continue",
            lineno: this.lines[t],
            col_offset: this.cols[t],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.Continue;
        case "return":
          return this.parseReturn();
        case "import":
          return this.parseImport();
        case "from":
          return this.parseFromImport();
        case "raise":
          return this.parseRaise();
        case "del":
          return this.parseDel();
        case "assert":
          return this.parseAssert();
        case "global":
        case "nonlocal":
          return this.parseGlobal(this.values[t]);
        case "type": {
          const n1 = this.peek(1);
          const n2 = this.peek(2);
          if (
            this.isName(n1) && this.kinds[n2] === OP && (this.values[n2] === "=" || this.values[n2] === "[")
          ) {
            return this.parseTypeAlias();
          }
          break;
        }
      }
    }
    return this.parseExpressionStatement();
  }

  // -------------------------------------------------------------------------------------------
  // Simple statements

  parseReturn(): A.Return {
    const s = this.advance();
    let value: A.expr | null = null;
    if (this.canStartStarExpression()) value = this.parseStarExpressions();
    return {
      _type: "Return",
      value,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Return;
  }

  canStartStarExpression(): boolean {
    const t = this.pos;
    return this.canStartExpression(t) || (this.kinds[t] === OP && this.values[t] === "*");
  }

  parseRaise(): A.Raise {
    const s = this.advance();
    let exc: A.expr | null = null;
    let cause: A.expr | null = null;
    if (this.canStartExpression(this.pos)) {
      exc = this.parseExpression();
      if (this.eatKw("from")) cause = this.parseExpression();
    }
    return {
      _type: "Raise",
      exc,
      cause,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Raise;
  }

  parseAssert(): A.Assert {
    const s = this.advance();
    const test = this.parseExpression();
    let msg: A.expr | null = null;
    if (this.eatOp(",")) msg = this.parseExpression();
    return {
      _type: "Assert",
      test,
      msg,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Assert;
  }

  parseGlobal(kw: string): A.Global | A.Nonlocal {
    const s = this.advance();
    const names = [this.values[this.expectName()]];
    while (this.eatOp(",")) names.push(this.values[this.expectName()]);
    return {
      _type: kw === "global" ? "Global" : "Nonlocal",
      names,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Global;
  }

  parseDel(): A.Delete {
    const s = this.advance();
    const targets: A.expr[] = [];
    for (;;) {
      const e = this.parseStarNamedExpression(false);
      targets.push(e);
      if (!this.eatOp(",")) break;
      if (!this.canStartStarExpression()) break;
    }
    const follow = this.pos;
    if (!(this.kinds[follow] === NEWLINE || (this.kinds[follow] === OP && this.values[follow] === ";"))) {
      this.fail();
    }
    for (const t of targets) {
      const bad = this.invalidTarget(t, DEL_TARGETS);
      if (bad !== null) throw this.errorAtNode(`cannot delete ${exprName(bad)}`, bad);
      this.setContext(t, "Del");
    }
    return {
      _type: "Delete",
      targets,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Delete;
  }

  parseDottedName(): string {
    let name = this.values[this.expectName()];
    while (this.isOp(".")) {
      this.advance();
      name += "." + this.values[this.expectName()];
    }
    return name;
  }

  parseImport(): A.Import {
    const s = this.advance();
    const names: A.alias[] = [];
    do {
      const a = this.pos;
      const name = this.parseDottedName();
      let asname: string | null = null;
      if (this.eatKw("as")) asname = this.values[this.expectName()];
      names.push(
        {
          _type: "alias",
          name,
          asname,
          lineno: this.lines[a],
          col_offset: this.cols[a],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.alias,
      );
    } while (this.eatOp(","));
    return {
      _type: "Import",
      names,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Import;
  }

  parseFromImport(): A.ImportFrom {
    const s = this.advance();
    let level = 0;
    for (;;) {
      if (this.isOp(".")) level += 1;
      else if (this.isOp("...")) level += 3;
      else break;
      this.advance();
    }
    let module: string | null = null;
    if (level === 0 || !this.isKw("import")) module = this.parseDottedName();
    if (!this.eatKw("import")) this.fail();
    const names: A.alias[] = [];
    if (this.isOp("*")) {
      const t = this.advance();
      names.push(
        {
          _type: "alias",
          name: "*",
          asname: null,
          lineno: this.lines[t],
          col_offset: this.cols[t],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.alias,
      );
    } else if (this.eatOp("(")) {
      this.level++;
      do {
        if (this.isOp(")") && names.length > 0) break;
        names.push(this.parseImportAlias());
      } while (this.eatOp(","));
      this.expectOp(")");
      this.level--;
    } else {
      names.push(this.parseImportAlias());
      while (this.eatOp(",")) {
        if (this.kinds[this.pos] === NEWLINE) {
          throw this.errorAtToken("trailing comma not allowed without surrounding parentheses", this.pos);
        }
        names.push(this.parseImportAlias());
      }
    }
    return {
      _type: "ImportFrom",
      module,
      names,
      level,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.ImportFrom;
  }

  parseImportAlias(): A.alias {
    const a = this.expectName();
    let asname: string | null = null;
    if (this.eatKw("as")) asname = this.values[this.expectName()];
    return {
      _type: "alias",
      name: this.values[a],
      asname,
      lineno: this.lines[a],
      col_offset: this.cols[a],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.alias;
  }

  parseTypeAlias(): A.TypeAlias {
    const s = this.advance();
    const n = this.advance();
    const name = {
      _type: "Name",
      id: this.values[n],
      ctx: "Store",
      lineno: this.lines[n],
      col_offset: this.cols[n],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Name;
    const type_params = this.isOp("[") ? this.parseTypeParams() : [];
    this.expectOp("=");
    const value = this.parseExpression();
    return {
      _type: "TypeAlias",
      name,
      type_params,
      value,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.TypeAlias;
  }

  /** Expression statements, assignments, annotated and augmented assignments. */
  parseExpressionStatement(): A.stmt {
    const s = this.pos;
    const first = this.isKw("yield") ? this.parseYieldExpr() : this.parseStarExpressions();
    const t = this.pos;
    if (this.kinds[t] === OP) {
      if (this.values[t] === "=") return this.parseAssignment(s, first);
      if (this.values[t] === ":") return this.parseAnnAssign(s, first);
      const op = AUG_ASSIGN[this.values[t]];
      if (op !== undefined) {
        if (first._type !== "Name" && first._type !== "Attribute" && first._type !== "Subscript") {
          throw this.errorAtNode(
            `'${exprName(first)}' is an illegal expression for augmented assignment`,
            first,
          );
        }
        this.advance();
        this.setContext(first, "Store");
        const value = this.isKw("yield") ? this.parseYieldExpr() : this.parseStarExpressions();
        return {
          _type: "AugAssign",
          target: first,
          op,
          value,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.AugAssign;
      }
    }
    if (!(this.kinds[t] === NEWLINE || (this.kinds[t] === OP && this.values[t] === ";"))) this.fail();
    return {
      _type: "Expr",
      value: first,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Expr;
  }

  parseAssignment(s: TokenIndex, first: A.expr): A.Assign {
    const exprs: A.expr[] = [first];
    const starts: TokenIndex[] = [s];
    while (this.eatOp("=")) {
      starts.push(this.pos);
      exprs.push(this.isKw("yield") ? this.parseYieldExpr() : this.parseStarExpressions());
    }
    const t = this.pos;
    if (!(this.kinds[t] === NEWLINE || (this.kinds[t] === OP && this.values[t] === ";"))) this.fail();
    const value = exprs.pop()!;
    for (let i = 0; i < exprs.length; i++) {
      if (this.invalidTarget(exprs[i], STAR_TARGETS) !== null) this.assignmentError(exprs, starts, i, value);
    }
    for (const target of exprs) this.setContext(target, "Store");
    const type_comment = this.kinds[t] === NEWLINE
      ? this.typeCommentIn(this.ends[this.pos - 1], this.starts[t])
      : null;
    const node = {
      _type: "Assign",
      targets: exprs,
      value,
      type_comment,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Assign;
    if (type_comment !== null) {
      // The statement ends with its TYPE_COMMENT token, which runs to the end of the line.
      node.end_lineno = this.lines[t];
      node.end_col_offset = this.cols[t];
      this.typeCommentAfter = this.pos - 1;
    }
    return node;
  }

  /** CPython's `invalid_assignment` and `invalid_named_expression`, in their order. */
  assignmentError(targets: A.expr[], starts: TokenIndex[], bad: number, value: A.expr): never {
    const e0 = targets[0];
    const s0 = starts[0];
    const all = [...targets, value];
    // What `bitwise_or` parses at the start of the second expression, and whether '=' follows it.
    const v = leadingBitwiseOr(this, all[1], starts[1]);
    const vFollowedByAssign = v !== null && v === all[1] && all.length > 2;
    if (v !== null && !vFollowedByAssign) {
      if (e0._type === "Name" && this.kinds[s0] === NAME) {
        throw this.errorRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e0, v);
      }
      const excluded = (this.kinds[s0] === OP &&
        (this.values[s0] === "[" || (this.values[s0] === "(" && isTupleOrGenexp(this, e0, s0)))) ||
        (this.kinds[s0] === NAME &&
          (this.values[s0] === "True" || this.values[s0] === "None" || this.values[s0] === "False"));
      if (!excluded && isBitwiseOrLevel(this, e0, s0)) {
        throw this.errorAtNode(
          `cannot assign to ${exprName(e0)} here. Maybe you meant '==' instead of '='?`,
          e0,
        );
      }
    }
    for (let i = 0; i <= bad; i++) {
      const t = targets[i];
      if (t._type === "Yield" || t._type === "YieldFrom") {
        if (this.kinds[starts[i]] === NAME) {
          throw this.errorAtNode("assignment to yield expression not possible", t);
        }
      }
      const invalid = this.invalidTarget(t, STAR_TARGETS);
      if (invalid !== null) throw this.errorAtNode(`cannot assign to ${exprName(invalid)}`, invalid);
    }
    this.fail();
  }

  parseAnnAssign(s: TokenIndex, target: A.expr): A.AnnAssign {
    const parenthesized = this.kinds[s] === OP && this.values[s] === "(";
    // CPython's annotation rules all need an expression after the ':'. Its first pass only reads
    // past the ':' for a single target, so that is where its generic error points otherwise.
    const single = target._type === "Name" || target._type === "Attribute" || target._type === "Subscript";
    if (!this.canStartExpression(this.pos + 1)) {
      if (single) this.advance();
      this.fail();
    }
    if (target._type === "Tuple") {
      throw this.errorAtNode("only single target (not tuple) can be annotated", target.elts[0] ?? target);
    }
    if (target._type === "List" && !parenthesized) {
      throw this.errorAtNode("only single target (not list) can be annotated", target);
    }
    if (target._type !== "Name" && target._type !== "Attribute" && target._type !== "Subscript") {
      throw this.errorAtNode("illegal target for annotation", target);
    }
    this.advance();
    const annotation = this.parseExpression();
    let value: A.expr | null = null;
    if (this.eatOp("=")) value = this.isKw("yield") ? this.parseYieldExpr() : this.parseStarExpressions();
    const t = this.pos;
    if (!(this.kinds[t] === NEWLINE || (this.kinds[t] === OP && this.values[t] === ";"))) this.fail();
    this.setContext(target, "Store");
    const simple = target._type === "Name" && !parenthesized ? 1 : 0;
    return {
      _type: "AnnAssign",
      target,
      annotation,
      value,
      simple,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.AnnAssign;
  }

  // -------------------------------------------------------------------------------------------
  // Targets

  /** CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a target. */
  invalidTarget(e: A.expr, kind: number): A.expr | null {
    switch (e._type) {
      case "List":
      case "Tuple":
        for (const elt of e.elts) {
          const bad = this.invalidTarget(elt, kind);
          if (bad !== null) return bad;
        }
        return null;
      case "Starred":
        if (kind === DEL_TARGETS) return e;
        return this.invalidTarget(e.value, kind);
      case "Compare":
        if (kind === FOR_TARGETS && e.ops[0] === "In") return this.invalidTarget(e.left, kind);
        return e;
      case "Name":
      case "Subscript":
      case "Attribute":
        return null;
      default:
        return e;
    }
  }

  /** Sets the context of a (validated) target and its elements. */
  setContext(e: A.expr, ctx: A.expr_context): void {
    switch (e._type) {
      case "Name":
      case "Attribute":
      case "Subscript":
        e.ctx = ctx;
        return;
      case "Starred":
        e.ctx = ctx;
        this.setContext(e.value, ctx);
        return;
      case "List":
      case "Tuple":
        e.ctx = ctx;
        for (const elt of e.elts) this.setContext(elt, ctx);
        return;
    }
  }

  /** `star_targets` of `for` loops and comprehensions: stops before `in`. */
  parseForTargets(): A.expr {
    const s = this.pos;
    const save = this.pos;
    const first = this.parseTargetElement();
    let target = first;
    if (this.isOp(",")) {
      const base = this.startItems();
      let n = 0;
      this.putItem(base, n++, first);
      while (this.eatOp(",")) {
        if (this.isKw("in")) break;
        this.putItem(base, n++, this.parseTargetElement());
      }
      target = {
        _type: "Tuple",
        elts: this.takeItems(base, n),
        ctx: "Store",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Tuple;
    }
    if (!this.isKw("in") || this.invalidTarget(target, FOR_TARGETS) !== null) {
      // CPython's invalid_for_target: re-read as star_expressions to name what cannot be assigned to.
      this.pos = save;
      const disj = [this.lastDisjStart, this.lastDisjEnd, this.lastDisj] as const;
      const furthest = this.furthest;
      let e: A.expr | null = null;
      try {
        e = this.parseStarExpressions();
        // CPython's invalid_for_target reads the target as star_expressions, whose invalid_expression
        // may find two expressions in a row ("Perhaps you forgot a comma?").
        const twoInARow = this.diagnoseAtCursor();
        if (twoInARow !== null) throw twoInARow;
      } catch (err) {
        // Specific errors of that reading stand.
        if (!(err instanceof PySyntaxError) || err.msg !== "invalid syntax") throw err;
      }
      this.furthest = furthest;
      // A for target is not an `expression`: its trial parse must not feed the comma diagnosis.
      [this.lastDisjStart, this.lastDisjEnd, this.lastDisj] = disj;
      if (e !== null) {
        const bad = this.invalidTarget(e, FOR_TARGETS);
        if (bad !== null) throw this.errorAtNode(`cannot assign to ${exprName(bad)}`, bad);
      }
      this.pos = save;
      this.parseForTargetsStrict();
    }
    this.setContext(target, "Store");
    return target;
  }

  /** Re-parses a for target without recovery, to fail at the right token. */
  parseForTargetsStrict(): never {
    this.parseTargetElement();
    while (this.eatOp(",")) {
      if (this.isKw("in")) break;
      this.parseTargetElement();
    }
    this.fail();
  }

  /** One element of a target list: `*target` or a primary. */
  parseTargetElement(): A.expr {
    if (this.isOp("*")) {
      const s = this.advance();
      const value = this.parseTargetElement();
      return {
        _type: "Starred",
        value,
        ctx: "Store",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Starred;
    }
    return this.parsePrimary();
  }

  // -------------------------------------------------------------------------------------------
  // Compound statements

  /** `block`: NEWLINE INDENT statements DEDENT, or simple statements on the same line. */
  parseBlock(what: string, header: TokenIndex): A.stmt[] {
    if (this.kinds[this.pos] === NEWLINE) {
      const next = this.peek(1);
      if (this.kinds[next] !== INDENT) {
        throw this.errorAtToken(
          `expected an indented block after ${what} on line ${this.lines[header]}`,
          next,
          "IndentationError",
        );
      }
      this.advance();
      this.advance();
      const body = this.parseStatementsUntil(DEDENT);
      this.advance();
      return body;
    }
    const base = this.startItems();
    return this.takeItems(base, this.parseSimpleStatements(base, 0));
  }

  /**
   * Where a compound statement ends: CPython's last token that is not NEWLINE, INDENT or DEDENT
   * (a trailing ';' of the last line counts).
   */
  lastReal(): Node {
    let t = this.pos - 1;
    while (
      t > 0 &&
      (this.kinds[t] === NEWLINE || this.kinds[t] === INDENT || this.kinds[t] === DEDENT)
    ) t--;
    if (t === this.typeCommentAfter) {
      const nl = t + 1;
      return {
        lineno: this.lines[t],
        col_offset: this.cols[t],
        end_lineno: this.lines[nl],
        end_col_offset: this.cols[nl],
      };
    }
    return {
      lineno: this.lines[t],
      col_offset: this.cols[t],
      end_lineno: this.endLines[t],
      end_col_offset: this.endCols[t],
    };
  }

  parseIf(): A.If {
    const s = this.advance();
    const test = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock("'if' statement", s);
    const orelse = this.parseElse();
    const end = this.lastReal();
    return {
      _type: "If",
      test,
      body,
      orelse,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.If;
  }

  parseElse(): A.stmt[] {
    if (this.isKw("elif")) {
      const s = this.advance();
      const test = this.parseNamedExpression();
      this.expectColon();
      const body = this.parseBlock("'elif' statement", s);
      const orelse = this.parseElse();
      const end = this.lastReal();
      const node = {
        _type: "If",
        test,
        body,
        orelse,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: end.end_lineno,
        end_col_offset: end.end_col_offset,
      };
      return [node as A.If];
    }
    if (this.isKw("else")) {
      const s = this.advance();
      this.expectForced(":");
      return this.parseBlock("'else' statement", s);
    }
    return [];
  }

  parseWhile(): A.While {
    const s = this.advance();
    const test = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock("'while' statement", s);
    const orelse = this.isKw("else") ? this.parseElse() : [];
    const end = this.lastReal();
    return {
      _type: "While",
      test,
      body,
      orelse,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.While;
  }

  parseFor(asyncTok: TokenIndex | null): A.For | A.AsyncFor {
    const s = asyncTok ?? this.pos;
    const forTok = this.advance();
    const target = this.parseForTargets();
    this.advance(); // 'in'
    const iter = this.parseStarExpressions();
    this.expectColon();
    const type_comment = this.typeCommentAfterColon();
    const body = this.parseBlock("'for' statement", forTok);
    const orelse = this.isKw("else") ? this.parseElse() : [];
    const end = this.lastReal();
    return {
      _type: asyncTok !== null ? "AsyncFor" : "For",
      target,
      iter,
      body,
      orelse,
      type_comment,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.For;
  }

  parseWith(asyncTok: TokenIndex | null): A.With | A.AsyncWith {
    const s = asyncTok ?? this.pos;
    const withTok = this.advance();
    let items: A.withitem[] | null = null;
    let specific: PySyntaxError | null = null;
    if (this.isOp("(")) {
      // `with (a as b, c):` — parenthesized items, if a ':' follows the closing parenthesis.
      items = this.speculate(() => {
        this.advance();
        this.level++;
        const list: A.withitem[] = [];
        do {
          if (this.isOp(")") && list.length > 0) break;
          list.push(this.parseWithItem());
        } while (this.eatOp(","));
        this.expectOp(")");
        this.level--;
        if (!this.isOp(":")) this.fail();
        return list;
      }, (e) => {
        if (e.msg !== "invalid syntax") specific = e;
      });
    }
    const parenthesized = items !== null;
    if (items === null) {
      try {
        items = [this.parseWithItem()];
        while (this.eatOp(",")) items.push(this.parseWithItem());
      } catch (e) {
        // A specific error from the first alternative wins over a generic one, as in CPython's second pass.
        if (specific !== null && e instanceof PySyntaxError && e.msg === "invalid syntax") throw specific;
        throw e;
      }
    }
    this.expectColon();
    const type_comment = parenthesized ? null : this.typeCommentAfterColon();
    const body = this.parseBlock("'with' statement", withTok);
    const end = this.lastReal();
    return {
      _type: asyncTok !== null ? "AsyncWith" : "With",
      items,
      body,
      type_comment,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.With;
  }

  parseWithItem(): A.withitem {
    const context_expr = this.parseExpression();
    let optional_vars: A.expr | null = null;
    if (this.eatKw("as")) {
      // `star_target`: a single target (a parenthesized tuple is an atom).
      optional_vars = this.parseStarNamedExpression(false);
      const bad = this.invalidTarget(optional_vars, STAR_TARGETS);
      if (bad !== null) throw this.errorAtNode(`cannot assign to ${exprName(bad)}`, bad);
      const t = this.pos;
      if (
        !(this.kinds[t] === OP &&
          (this.values[t] === "," || this.values[t] === ")" || this.values[t] === ":")) &&
        this.kinds[t] !== NEWLINE
      ) {
        this.fail();
      }
      this.setContext(optional_vars, "Store");
    }
    return { _type: "withitem", context_expr, optional_vars };
  }

  parseTry(): A.Try | A.TryStar {
    const s = this.advance();
    this.expectForced(":");
    const body = this.parseBlock("'try' statement", s);
    const handlers: A.ExceptHandler[] = [];
    let star: boolean | null = null;
    while (this.isKw("except")) {
      const h = this.pos;
      const isStar = this.kinds[this.peek(1)] === OP && this.values[this.peek(1)] === "*";
      if (star !== null && star !== isStar) {
        const endTok = isStar ? this.peek(1) : h;
        throw this.error(
          "cannot have both 'except' and 'except*' on the same 'try'",
          this.lines[h],
          this.cols[h],
          this.endLines[endTok],
          this.endCols[endTok],
        );
      }
      star = isStar;
      handlers.push(this.parseExceptHandler(isStar));
    }
    let orelse: A.stmt[] = [];
    let finalbody: A.stmt[] = [];
    if (handlers.length > 0 && this.isKw("else")) {
      const e = this.advance();
      this.expectForced(":");
      orelse = this.parseBlock("'else' statement", e);
    }
    if (this.isKw("finally")) {
      const f = this.advance();
      this.expectForced(":");
      finalbody = this.parseBlock("'finally' statement", f);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      throw this.errorAtToken("expected 'except' or 'finally' block", this.pos);
    }
    const endNode: Node = this.lastReal();
    return {
      _type: star ? "TryStar" : "Try",
      body,
      handlers,
      orelse,
      finalbody,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: endNode.end_lineno,
      end_col_offset: endNode.end_col_offset,
    } as A.Try;
  }

  parseExceptHandler(isStar: boolean): A.ExceptHandler {
    const s = this.advance();
    if (isStar) this.advance();
    let type: A.expr | null = null;
    let name: string | null = null;
    if (!this.isOp(":")) {
      if (isStar || this.kinds[this.pos] !== NEWLINE) {
        type = this.parseExpression();
        if (this.isOp(",")) {
          const save = this.pos;
          this.advance();
          const rest = this.attempt(this.parseExpressions);
          if (rest !== null && (this.isOp(":") || this.isKw("as"))) {
            const last = rest._type === "Tuple" ? rest.elts[rest.elts.length - 1] : rest;
            throw this.errorRange("multiple exception types must be parenthesized", type, last);
          }
          this.pos = save;
        }
        if (this.eatKw("as")) name = this.values[this.expectName()];
      }
    }
    this.expectColon();
    const body = this.parseBlock(isStar ? "'except*' statement" : "'except' statement", s);
    const end = this.lastReal();
    return {
      _type: "ExceptHandler",
      type,
      name,
      body,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.ExceptHandler;
  }

  parseAsync(): A.stmt {
    const a = this.advance();
    if (this.isKw("def")) return this.parseFunctionDef([], a);
    if (this.isKw("with")) return this.parseWith(a);
    if (this.isKw("for")) return this.parseFor(a);
    this.fail();
  }

  parseDecorated(): A.stmt {
    const decorators: A.expr[] = [];
    while (this.isOp("@")) {
      this.advance();
      decorators.push(this.parseNamedExpression());
      if (this.kinds[this.pos] !== NEWLINE) this.fail();
      this.advance();
    }
    if (this.isKw("def")) return this.parseFunctionDef(decorators, null);
    if (this.isKw("class")) return this.parseClassDef(decorators);
    if (this.isKw("async") && this.kinds[this.peek(1)] === NAME && this.values[this.peek(1)] === "def") {
      const a = this.advance();
      return this.parseFunctionDef(decorators, a);
    }
    this.fail();
  }

  parseFunctionDef(
    decorator_list: A.expr[],
    asyncTok: TokenIndex | null,
  ): A.FunctionDef | A.AsyncFunctionDef {
    const s = asyncTok ?? this.pos;
    const defTok = this.advance();
    const name = this.values[this.expectName()];
    const type_params = this.isOp("[") ? this.parseTypeParams() : [];
    this.expectForced("(");
    this.level++;
    const args = this.parseParameters(true, ")");
    this.expectOp(")");
    this.level--;
    let returns: A.expr | null = null;
    if (this.isOp("->")) {
      const save = this.pos;
      this.advance();
      returns = this.attempt(this.parseExpression);
      if (returns === null) this.pos = save;
    }
    this.expectForced(":");
    let type_comment = this.typeCommentAfterColon();
    if (type_comment === null && this.kinds[this.pos] === NEWLINE && this.kinds[this.peek(1)] === INDENT) {
      type_comment = this.typeCommentIn(this.ends[this.pos], this.starts[this.peek(1)]);
    }
    const body = this.parseBlock("function definition", defTok);
    const end = this.lastReal();
    return {
      _type: asyncTok !== null ? "AsyncFunctionDef" : "FunctionDef",
      name,
      args,
      body,
      decorator_list,
      returns,
      type_comment,
      type_params,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.FunctionDef;
  }

  parseClassDef(decorator_list: A.expr[]): A.ClassDef {
    const s = this.advance();
    const name = this.values[this.expectName()];
    const type_params = this.isOp("[") ? this.parseTypeParams() : [];
    let bases: A.expr[] = [];
    let keywords: A.keyword[] = [];
    if (this.isOp("(")) {
      this.advance();
      this.level++;
      bases = this.parseCallArguments(false);
      keywords = this.callKeywords;
      this.expectOp(")");
      this.level--;
    }
    this.expectColon();
    const body = this.parseBlock("class definition", s);
    const end = this.lastReal();
    return {
      _type: "ClassDef",
      name,
      bases,
      keywords,
      body,
      decorator_list,
      type_params,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.ClassDef;
  }

  parseTypeParams(): A.type_param[] {
    this.advance();
    this.level++;
    const params: A.type_param[] = [];
    do {
      if (this.isOp("]") && params.length > 0) break;
      const s = this.pos;
      if (this.eatOp("*")) {
        const name = this.values[this.expectName()];
        params.push(
          {
            _type: "TypeVarTuple",
            name,
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.TypeVarTuple,
        );
      } else if (this.eatOp("**")) {
        const name = this.values[this.expectName()];
        params.push(
          {
            _type: "ParamSpec",
            name,
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.ParamSpec,
        );
      } else {
        const name = this.values[this.expectName()];
        let bound: A.expr | null = null;
        if (this.eatOp(":")) bound = this.parseExpression();
        params.push(
          {
            _type: "TypeVar",
            name,
            bound,
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.TypeVar,
        );
      }
    } while (this.eatOp(","));
    this.expectOp("]");
    this.level--;
    return params;
  }

  /** Parameters of a `def` (annotations allowed, ends at ')') or a lambda (ends at ':'). */
  parseParameters(annotations: boolean, close: string): A.arguments {
    const posonlyargs: A.arg[] = [];
    let args: A.arg[] = [];
    let vararg: A.arg | null = null;
    const kwonlyargs: A.arg[] = [];
    const kw_defaults: (A.expr | null)[] = [];
    let kwarg: A.arg | null = null;
    const defaults: A.expr[] = [];
    let seenSlash = false;
    let starTok: TokenIndex | null = null;
    while (!this.isOp(close)) {
      const t = this.pos;
      let current: A.arg | null = null;
      if (kwarg !== null) throw this.errorAtToken("arguments cannot follow var-keyword argument", t);
      if (this.kinds[t] === OP && this.values[t] === "/") {
        if (starTok !== null) throw this.errorAtToken("/ must be ahead of *", t);
        if (seenSlash) throw this.errorAtToken("/ may appear only once", t);
        if (args.length === 0) {
          const after = this.peek(1);
          if (this.kinds[after] === OP && this.values[after] === ",") {
            throw this.errorAtToken("at least one argument must precede /", t);
          }
          throw this.errorAtToken("invalid syntax", t);
        }
        this.advance();
        seenSlash = true;
        posonlyargs.push(...args);
        args = [];
      } else if (this.kinds[t] === OP && this.values[t] === "*") {
        if (starTok !== null) throw this.errorAtToken("* argument may appear only once", t);
        this.advance();
        starTok = t;
        if (this.isOp(",") || this.isOp(close)) {
          const after = this.isOp(",") ? this.peek(1) : this.pos;
          if (this.kinds[after] === OP && (this.values[after] === close || this.values[after] === "**")) {
            // A def's error points at the '*', a lambda's at the last token looked at.
            throw this.errorAtToken("named arguments must follow bare *", annotations ? t : after);
          }
        } else {
          vararg = current = this.parseParam(annotations, true);
          if (this.isOp("=")) {
            throw this.errorAtToken("var-positional argument cannot have default value", this.pos);
          }
        }
      } else if (this.kinds[t] === OP && this.values[t] === "**") {
        this.advance();
        kwarg = current = this.parseParam(annotations, false);
        if (this.isOp("=")) {
          throw this.errorAtToken("var-keyword argument cannot have default value", this.pos);
        }
      } else {
        if (this.kinds[t] === OP && this.values[t] === "(") this.parenthesizedParameters(annotations);
        const p = current = this.parseParam(annotations, false);
        let dflt: A.expr | null = null;
        if (this.isOp("=")) {
          const eq = this.advance();
          if (this.isOp(",") || this.isOp(close) && annotations) {
            throw this.errorAtToken("expected default value expression", eq);
          }
          dflt = this.parseExpression();
        }
        // Like CPython's param_no_default / param_with_default: a parameter ends at ',' or the close.
        if (!this.isOp(",") && !this.isOp(close)) this.fail();
        if (starTok !== null) {
          kwonlyargs.push(p);
          kw_defaults.push(dflt);
        } else {
          if (dflt !== null) defaults.push(dflt);
          else if (defaults.length > 0) {
            throw this.errorAtNode("non-default argument follows default argument", p);
          }
          args.push(p);
        }
      }
      if (!this.eatOp(",")) {
        if (annotations && current !== null && this.isOp(close)) this.attachTypeComment(current);
        break;
      }
      if (annotations && current !== null) this.attachTypeComment(current);
    }
    if (!this.isOp(close)) this.fail();
    return {
      _type: "arguments",
      posonlyargs: sized(posonlyargs),
      args: sized(args),
      vararg,
      kwonlyargs: sized(kwonlyargs),
      kw_defaults: sized(kw_defaults),
      kwarg,
      defaults: sized(defaults),
    };
  }

  /** CPython's error for `def f((a, b)):` (and the lambda form); otherwise a plain syntax error. */
  parenthesizedParameters(annotations: boolean): never {
    const open = this.pos;
    const found = this.speculate(() => {
      this.advance();
      let n = 0;
      do {
        if (this.isOp(")") && n > 0) break;
        this.parseParam(annotations, false);
        n++;
      } while (this.eatOp(","));
      return this.isOp(")") ? this.pos : null;
    });
    if (found !== null && found !== undefined) {
      const what = annotations ? "Function parameters" : "Lambda expression parameters";
      throw this.error(
        `${what} cannot be parenthesized`,
        this.lines[open],
        this.cols[open],
        this.endLines[found],
        this.endCols[found],
      );
    }
    throw this.errorAtToken("invalid syntax", open);
  }

  /** `param ',' TYPE_COMMENT?` / `param TYPE_COMMENT? &')'`: a type comment right after a parameter. */
  attachTypeComment(a: A.arg): void {
    const tc = this.typeCommentIn(this.ends[this.pos - 1], this.starts[this.pos]);
    if (tc !== null) a.type_comment = tc;
  }

  parseParam(annotations: boolean, starAnnotation: boolean): A.arg {
    const n = this.expectName();
    let annotation: A.expr | null = null;
    if (annotations && this.eatOp(":")) {
      annotation = starAnnotation && this.isOp("*") ? this.parseStarExpression() : this.parseExpression();
    }
    return {
      _type: "arg",
      arg: this.values[n],
      annotation,
      type_comment: null,
      lineno: this.lines[n],
      col_offset: this.cols[n],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.arg;
  }

  // -------------------------------------------------------------------------------------------
  // match

  /** `match` is a soft keyword: this is a match statement only if `match subject:` NEWLINE follows. */
  tryParseMatch(): A.Match | null {
    const s = this.pos;
    const next = this.peek(1);
    if (this.kinds[next] === NEWLINE || this.kinds[next] === ENDMARKER) return null;
    if (
      this.kinds[next] === OP && this.values[next] !== "(" && this.values[next] !== "[" &&
      this.values[next] !== "{" &&
      this.values[next] !== "-" &&
      this.values[next] !== "+" && this.values[next] !== "~" && this.values[next] !== "*" &&
      this.values[next] !== "..."
    ) return null;
    const save = this.pos;
    const subject = this.speculate(() => {
      this.advance();
      const subj = this.parseSubject();
      if (!this.isOp(":")) {
        if (this.kinds[this.pos] === NEWLINE) throw this.errorAtToken("expected ':'", this.pos);
        this.fail();
      }
      return subj;
    });
    if (subject === null) {
      // Either not a match statement or a broken one: a broken one ends in "expected ':'".
      this.pos = save;
      const probe = this.speculate(() => {
        this.parseSimpleStatements(this.startItems(), 0);
        return true;
      });
      this.pos = save;
      if (probe === null) {
        this.advance();
        const subj = this.speculate(() => this.parseSubject());
        if (subj !== null && this.kinds[this.pos] === NEWLINE) {
          throw this.errorAtToken("expected ':'", this.pos);
        }
        this.pos = save;
      }
      return null;
    }
    this.advance(); // ':'
    if (this.kinds[this.pos] !== NEWLINE) this.fail();
    const next2 = this.peek(1);
    if (this.kinds[next2] !== INDENT) {
      throw this.errorAtToken(
        `expected an indented block after 'match' statement on line ${this.lines[s]}`,
        next2,
        "IndentationError",
      );
    }
    this.advance();
    this.advance();
    const cases: A.match_case[] = [];
    while (this.kinds[this.pos] !== DEDENT) {
      if (!this.isKw("case")) this.fail();
      cases.push(this.parseCase());
    }
    this.advance();
    const end = this.lastReal();
    return {
      _type: "Match",
      subject,
      cases,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: end.end_lineno,
      end_col_offset: end.end_col_offset,
    } as A.Match;
  }

  parseSubject(): A.expr {
    const s = this.pos;
    const first = this.parseStarNamedExpression(true);
    if (this.isOp(",")) {
      const base = this.startItems();
      let n = 0;
      this.putItem(base, n++, first);
      while (this.eatOp(",")) {
        if (this.isOp(":")) break;
        this.putItem(base, n++, this.parseStarNamedExpression(true));
      }
      return {
        _type: "Tuple",
        elts: this.takeItems(base, n),
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Tuple;
    }
    if (first._type === "Starred") this.fail();
    return first;
  }

  parseCase(): A.match_case {
    const c = this.advance();
    const pattern = this.parsePatterns();
    let guard: A.expr | null = null;
    if (this.eatKw("if")) guard = this.parseNamedExpression();
    this.expectColon();
    const body = this.parseBlock("'case' statement", c);
    return { _type: "match_case", pattern, guard, body };
  }

  parsePatterns(): A.pattern {
    const s = this.pos;
    const first = this.parseMaybeStarPattern();
    if (this.isOp(",")) {
      const patterns = [first];
      while (this.eatOp(",")) {
        if (this.isOp(":") || this.isKw("if")) break;
        patterns.push(this.parseMaybeStarPattern());
      }
      return {
        _type: "MatchSequence",
        patterns,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.MatchSequence;
    }
    if (first._type === "MatchStar") this.fail();
    return first;
  }

  parseMaybeStarPattern(): A.pattern {
    if (this.isOp("*")) {
      const s = this.advance();
      const n = this.expectName();
      return {
        _type: "MatchStar",
        name: this.values[n] === "_" ? null : this.values[n],
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.MatchStar;
    }
    return this.parsePattern();
  }

  parsePattern(): A.pattern {
    this.enter();
    const s = this.pos;
    let p = this.parseOrPattern();
    if (this.isKw("as")) {
      this.advance();
      const n = this.pos;
      if (!this.isName() || this.values[n] === "_") {
        if (this.kinds[n] === NAME && this.values[n] === "_") {
          throw this.errorAtToken("cannot use '_' as a target", n);
        }
        const target = this.canStartExpression(n) ? this.attempt(this.parseExpression) : null;
        if (target !== null) throw this.errorAtNode("invalid pattern target", target);
        this.fail();
      }
      this.advance();
      p = {
        _type: "MatchAs",
        pattern: p,
        name: this.values[n],
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.MatchAs;
    }
    this.depth--;
    return p;
  }

  parseOrPattern(): A.pattern {
    const s = this.pos;
    const first = this.parseClosedPattern();
    if (!this.isOp("|")) return first;
    const patterns = [first];
    while (this.eatOp("|")) patterns.push(this.parseClosedPattern());
    return {
      _type: "MatchOr",
      patterns,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.MatchOr;
  }

  parseClosedPattern(): A.pattern {
    const s = this.pos;
    if (this.kinds[s] === NUMBER || (this.kinds[s] === OP && this.values[s] === "-")) {
      const value = this.parseSignedNumberOrComplex();
      return {
        _type: "MatchValue",
        value,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.MatchValue;
    }
    if (this.kinds[s] === STRING || this.kinds[s] === FSTRING_START) {
      const value = this.parseStrings();
      return {
        _type: "MatchValue",
        value,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.MatchValue;
    }
    if (this.kinds[s] === NAME) {
      if (this.values[s] === "None" || this.values[s] === "True" || this.values[s] === "False") {
        this.advance();
        const value = this.values[s] === "None" ? null : this.values[s] === "True";
        return {
          _type: "MatchSingleton",
          value,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.MatchSingleton;
      }
      if (!this.isName()) this.fail();
      const next = this.peek(1);
      if (
        !(this.kinds[next] === OP &&
          (this.values[next] === "." || this.values[next] === "(" || this.values[next] === "="))
      ) {
        this.advance();
        const name = this.values[s] === "_" ? null : this.values[s];
        return {
          _type: "MatchAs",
          pattern: null,
          name,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.MatchAs;
      }
      let cls: A.expr = {
        _type: "Name",
        id: this.values[this.advance()],
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Name;
      while (this.eatOp(".")) {
        const attr = this.values[this.expectName()];
        cls = {
          _type: "Attribute",
          value: cls,
          attr,
          ctx: "Load",
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.Attribute;
      }
      if (this.isOp("(")) return this.parseClassPattern(s, cls);
      if (cls._type === "Name") this.fail();
      return {
        _type: "MatchValue",
        value: cls,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.MatchValue;
    }
    if (this.kinds[s] === OP) {
      if (this.values[s] === "(") {
        this.advance();
        this.level++;
        if (this.eatOp(")")) {
          this.level--;
          return {
            _type: "MatchSequence",
            patterns: [],
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.MatchSequence;
        }
        const first = this.parseMaybeStarPattern();
        if (this.isOp(",")) {
          const patterns = [first];
          while (this.eatOp(",")) {
            if (this.isOp(")")) break;
            patterns.push(this.parseMaybeStarPattern());
          }
          this.expectOp(")");
          this.level--;
          return {
            _type: "MatchSequence",
            patterns,
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.MatchSequence;
        }
        this.expectOp(")");
        this.level--;
        if (first._type === "MatchStar") {
          return {
            _type: "MatchSequence",
            patterns: [first],
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.MatchSequence;
        }
        return first;
      }
      if (this.values[s] === "[") {
        this.advance();
        this.level++;
        const patterns: A.pattern[] = [];
        while (!this.isOp("]")) {
          patterns.push(this.parseMaybeStarPattern());
          if (!this.eatOp(",")) break;
        }
        this.expectOp("]");
        this.level--;
        return {
          _type: "MatchSequence",
          patterns,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.MatchSequence;
      }
      if (this.values[s] === "{") return this.parseMappingPattern();
    }
    this.fail();
  }

  parseSignedNumberOrComplex(): A.expr {
    const s = this.pos;
    let real: A.expr;
    if (this.isOp("-")) {
      this.advance();
      if (this.kinds[this.pos] !== NUMBER) this.fail();
      const operand = this.parseNumber(this.advance());
      real = {
        _type: "UnaryOp",
        op: "USub",
        operand,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.UnaryOp;
    } else {
      if (this.kinds[this.pos] !== NUMBER) this.fail();
      real = this.parseNumber(this.advance());
    }
    if (this.isOp("+") || this.isOp("-")) {
      const op: A.operator = this.values[this.advance()] === "+" ? "Add" : "Sub";
      if (this.kinds[this.pos] !== NUMBER) this.fail();
      const imagTok = this.advance();
      const right = this.parseNumber(imagTok) as A.Constant;
      const realNumber = real._type === "UnaryOp" ? real.operand : real;
      if (isImaginary(realNumber)) {
        throw this.errorAtNode("real number required in complex literal", realNumber);
      }
      if (!isImaginary(right)) throw this.errorAtNode("imaginary number required in complex literal", right);
      return {
        _type: "BinOp",
        left: real,
        op,
        right,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.BinOp;
    }
    return real;
  }

  parseMappingPattern(): A.MatchMapping {
    const s = this.advance();
    this.level++;
    const keys: A.expr[] = [];
    const patterns: A.pattern[] = [];
    let rest: string | null = null;
    while (!this.isOp("}")) {
      if (this.isOp("**")) {
        this.advance();
        rest = this.values[this.expectName()];
        this.eatOp(",");
        break;
      }
      keys.push(this.parseMappingKey());
      this.expectOp(":");
      patterns.push(this.parsePattern());
      if (!this.eatOp(",")) break;
    }
    this.expectOp("}");
    this.level--;
    return {
      _type: "MatchMapping",
      keys,
      patterns,
      rest,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.MatchMapping;
  }

  parseMappingKey(): A.expr {
    const s = this.pos;
    if (this.kinds[s] === NUMBER || (this.kinds[s] === OP && this.values[s] === "-")) {
      return this.parseSignedNumberOrComplex();
    }
    if (this.kinds[s] === STRING || this.kinds[s] === FSTRING_START) return this.parseStrings();
    if (this.kinds[s] === NAME) {
      if (this.values[s] === "None" || this.values[s] === "True" || this.values[s] === "False") {
        this.advance();
        const value = this.values[s] === "None" ? null : this.values[s] === "True";
        return {
          _type: "Constant",
          value,
          kind: null,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.Constant;
      }
      let e: A.expr = {
        _type: "Name",
        id: this.values[this.expectName()],
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Name;
      if (!this.isOp(".")) this.fail();
      while (this.eatOp(".")) {
        const attr = this.values[this.expectName()];
        e = {
          _type: "Attribute",
          value: e,
          attr,
          ctx: "Load",
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.Attribute;
      }
      return e;
    }
    this.fail();
  }

  parseClassPattern(s: TokenIndex, cls: A.expr): A.MatchClass {
    this.advance();
    this.level++;
    const patterns: A.pattern[] = [];
    const kwd_attrs: string[] = [];
    const kwd_patterns: A.pattern[] = [];
    while (!this.isOp(")")) {
      const t = this.pos;
      if (this.isName(t) && this.kinds[this.peek(1)] === OP && this.values[this.peek(1)] === "=") {
        this.advance();
        this.advance();
        kwd_attrs.push(this.values[t]);
        kwd_patterns.push(this.parsePattern());
      } else {
        const p = this.parsePattern();
        if (kwd_attrs.length > 0) throw this.errorAtNode("positional patterns follow keyword patterns", p);
        patterns.push(p);
      }
      if (!this.eatOp(",")) break;
    }
    this.expectOp(")");
    this.level--;
    return {
      _type: "MatchClass",
      cls,
      patterns,
      kwd_attrs,
      kwd_patterns,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.MatchClass;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** `expressions`: one expression, or a tuple of them. */
  parseExpressions(): A.expr {
    const s = this.pos;
    const first = this.parseExpression();
    if (!this.isOp(",")) return first;
    const base = this.startItems();
    let n = 0;
    this.putItem(base, n++, first);
    while (this.eatOp(",")) {
      if (!this.canStartExpression(this.pos)) break;
      this.putItem(base, n++, this.parseExpression());
    }
    return {
      _type: "Tuple",
      elts: this.takeItems(base, n),
      ctx: "Load",
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Tuple;
  }

  /** `star_expressions`: `*a, b, c` or a single (possibly starred) expression. */
  parseStarExpressions(): A.expr {
    const s = this.pos;
    const first = this.parseStarExpression();
    if (!this.isOp(",")) return first;
    const base = this.startItems();
    let n = 0;
    this.putItem(base, n++, first);
    while (this.eatOp(",")) {
      if (!this.canStartStarExpression()) break;
      this.putItem(base, n++, this.parseStarExpression());
    }
    return {
      _type: "Tuple",
      elts: this.takeItems(base, n),
      ctx: "Load",
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Tuple;
  }

  parseStarExpression(): A.expr {
    if (this.isOp("*")) {
      const s = this.advance();
      const value = this.parseBitOr();
      return {
        _type: "Starred",
        value,
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Starred;
    }
    return this.parseExpression();
  }

  /** `star_named_expression` (`named` false: `'*' bitwise_or | expression`, for del/with targets). */
  parseStarNamedExpression(named = true): A.expr {
    if (this.isOp("*")) {
      const s = this.advance();
      const value = this.parseBitOr();
      return {
        _type: "Starred",
        value,
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Starred;
    }
    return named ? this.parseNamedExpression() : this.parseExpression();
  }

  /** `named_expression`: `NAME := expression` or an expression. */
  parseNamedExpression(): A.expr {
    const s = this.pos;
    if (this.kinds[s] === NAME && this.isName(s)) {
      const next = this.peek(1);
      if (this.kinds[next] === OP && this.values[next] === ":=") {
        this.advance();
        this.advance();
        const target = {
          _type: "Name",
          id: this.values[s],
          ctx: "Store",
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[s],
          end_col_offset: this.endCols[s],
        } as A.Name;
        const value = this.parseExpression();
        return {
          _type: "NamedExpr",
          target,
          value,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.NamedExpr;
      }
    }
    const e = this.parseExpression();
    if (this.kinds[this.pos] === OP) {
      if (this.values[this.pos] === ":=") {
        throw this.errorAtNode(`cannot use assignment expressions with ${exprName(e)}`, e);
      }
      if (this.values[this.pos] === "=") this.namedExpressionError(s, e);
    }
    return e;
  }

  /** CPython's `invalid_named_expression` for `name = value` where an expression was expected. */
  namedExpressionError(s: TokenIndex, e: A.expr): void {
    const save = this.pos;
    const furthest = this.furthest;
    this.advance();
    const v = this.attempt(this.parseBitOr);
    const after = this.pos;
    this.pos = save;
    this.furthest = furthest;
    if (
      v === null || (this.kinds[after] === OP && (this.values[after] === "=" || this.values[after] === ":="))
    ) return;
    if (e._type === "Name" && this.kinds[s] === NAME) {
      throw this.errorRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, v);
    }
    const excluded = (this.kinds[s] === OP &&
      (this.values[s] === "[" || (this.values[s] === "(" && isTupleOrGenexp(this, e, s)))) ||
      (this.kinds[s] === NAME &&
        (this.values[s] === "True" || this.values[s] === "None" || this.values[s] === "False"));
    if (!excluded && isBitwiseOrLevel(this, e, s)) {
      throw this.errorAtNode(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
    }
  }

  /**
   * CPython's invalid_expression for an expression that failed with a generic error inside
   * brackets: the longest valid prefix of the disjunction (PEG backtracking), then a second
   * expression right after it, is "Perhaps you forgot a comma?". Returns the error to raise.
   */
  diagnoseExpression(e: unknown, start: number, level: number): unknown {
    if (!(e instanceof PySyntaxError) || e.msg !== "invalid syntax" || this.retreat > 0 || this.diagnosing) {
      return e;
    }
    // The bracket level where the expression started: the throw skipped the closing decrements.
    if (level === 0) return e;
    const errorPos = this.pos;
    const errorLevel = this.level;
    const furthest = this.furthest;
    this.level = level;
    this.pos = start;
    this.retreat++;
    const a = this.attempt(this.parseDisjunction);
    this.retreat--;
    if (a !== null) {
      this.lastDisjStart = start;
      this.lastDisjEnd = this.pos;
      this.lastDisj = a;
      const specific = this.diagnoseAtCursor();
      if (specific !== null) return specific;
    }
    this.pos = errorPos;
    this.level = errorLevel;
    this.furthest = furthest;
    return e;
  }

  /** `expression`: lambda, conditional expression, or disjunction. */
  /** The atom token `s` (a name, number or string followed by a delimiter), or null for a string that needs the general rule. */
  loneAtom(s: TokenIndex): A.expr | null {
    if (this.kinds[s] === STRING) return this.simpleString(s);
    this.advance();
    if (this.kinds[s] === NUMBER) return this.parseNumber(s);
    return {
      _type: "Name",
      id: this.values[s],
      ctx: "Load",
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[s],
      end_col_offset: this.endCols[s],
    };
  }

  parseExpression(): A.expr {
    const s = this.pos;
    if (this.kinds[s] === NAME && this.values[s] === "lambda") return this.parseLambda();
    this.enter();
    const startIndex = this.pos;
    const startLevel = this.level;
    if (
      (this.kinds[s] === NAME && !KEYWORDS.has(this.values[s])) || this.kinds[s] === NUMBER ||
      this.kinds[s] === STRING
    ) {
      // A lone name, number or plain string before a delimiter (`f(a, 1)`, `x = …`, `a[i]`): what
      // the dozen rules below would return, without descending through them.
      const next = this.peek(1);
      const atom =
        this.kinds[next] === NEWLINE || (this.kinds[next] === OP && EXPRESSION_ENDS.has(this.values[next]))
          ? this.loneAtom(s)
          : null;
      if (atom !== null) {
        this.lastDisjStart = startIndex;
        this.lastDisjEnd = this.pos;
        this.lastDisj = atom;
        this.depth--;
        return atom;
      }
    }
    let body: A.expr;
    try {
      body = this.parseDisjunction();
    } catch (e) {
      throw this.diagnoseExpression(e, startIndex, startLevel);
    }
    if (!(this.kinds[this.pos] === NAME && this.values[this.pos] === "if")) {
      this.lastDisjStart = startIndex;
      this.lastDisjEnd = this.pos;
      this.lastDisj = body;
      this.depth--;
      return body;
    }
    this.advance();
    const testStart = this.pos;
    let test: A.expr;
    try {
      test = this.parseDisjunction();
    } catch (e) {
      // CPython's invalid_expression: the condition's longest valid prefix, not followed by 'else' or ':'.
      if (!(e instanceof PySyntaxError) || this.retreat > 0) throw e;
      const errorPos = this.pos;
      this.pos = testStart;
      this.retreat++;
      const prefix = this.attempt(this.parseDisjunction);
      this.retreat--;
      if (prefix !== null && !this.isKw("else") && !this.isOp(":")) {
        throw this.errorRange("expected 'else' after 'if' expression", body, prefix);
      }
      this.pos = errorPos;
      throw e;
    }
    if (!this.eatKw("else")) {
      if (this.isOp(":")) this.fail();
      throw this.errorRange("expected 'else' after 'if' expression", body, test);
    }
    const orelse = this.parseExpression();
    this.depth--;
    return {
      _type: "IfExp",
      test,
      body,
      orelse,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.IfExp;
  }

  parseLambda(): A.Lambda {
    // A chain `lambda: lambda: … body` is read in a loop, not two JS frames per lambda, so that
    // it nests as deep as CPython allows (about 3000).
    const starts: TokenIndex[] = [];
    const params: A.arguments[] = [];
    do {
      starts.push(this.advance());
      this.enter(2);
      params.push(this.parseParameters(false, ":"));
      this.expectOp(":");
    } while (this.kinds[this.pos] === NAME && this.values[this.pos] === "lambda");
    let body = this.parseExpression();
    for (let i = starts.length - 1; i >= 0; i--) {
      this.depth -= 2;
      body = {
        _type: "Lambda",
        args: params[i],
        body,
        lineno: this.lines[starts[i]],
        col_offset: this.cols[starts[i]],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Lambda;
    }
    return body as A.Lambda;
  }

  parseYieldExpr(): A.Yield | A.YieldFrom {
    const s = this.advance();
    if (this.eatKw("from")) {
      const value = this.parseExpression();
      return {
        _type: "YieldFrom",
        value,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.YieldFrom;
    }
    let value: A.expr | null = null;
    if (this.canStartStarExpression()) value = this.parseStarExpressions();
    return {
      _type: "Yield",
      value,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Yield;
  }

  parseDisjunction(): A.expr {
    const s = this.pos;
    const first = this.parseConjunction();
    if (!this.isKw("or")) return first;
    return this.boolOpRest(s, first, "or", "Or", this.parseConjunction);
  }

  /**
   * The rest of `a or b or …` / `a and b and …` once `first` is followed by the keyword: the operands
   * (a failed one, while diagnosing, leaves the keyword unconsumed) and the BoolOp node.
   */
  boolOpRest(
    s: TokenIndex,
    first: A.expr,
    kw: "or" | "and",
    op: "Or" | "And",
    next: (this: Parser) => A.expr,
  ): A.expr {
    const values = [first];
    for (;;) {
      const opPos = this.pos;
      if (!this.eatKw(kw)) break;
      const v = this.retreat > 0 ? this.attempt(next) : next.call(this);
      if (v === null) {
        this.pos = opPos;
        break;
      }
      values.push(v);
    }
    if (values.length === 1) return first;
    return {
      _type: "BoolOp",
      op,
      values: sized(values),
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.BoolOp;
  }

  parseConjunction(): A.expr {
    const s = this.pos;
    const first = this.parseInversion();
    if (!this.isKw("and")) return first;
    return this.boolOpRest(s, first, "and", "And", this.parseInversion);
  }

  parseInversion(): A.expr {
    const s = this.pos;
    if (this.kinds[s] === NAME && this.values[s] === "not") {
      this.advance();
      this.enter();
      const operand = this.parseInversion();
      this.depth--;
      return {
        _type: "UnaryOp",
        op: "Not",
        operand,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.UnaryOp;
    }
    return this.parseComparison();
  }

  /** The comparison operator at the cursor, consumed, or null. */
  compareOp(): A.cmpop | null {
    const t = this.pos;
    if (this.kinds[t] === OP) {
      const op = COMPARE_OPS[this.values[t]];
      if (op !== undefined) {
        this.advance();
        return op;
      }
      return null;
    }
    if (this.kinds[t] !== NAME) return null;
    if (this.values[t] === "in") {
      this.advance();
      return "In";
    }
    if (this.values[t] === "is") {
      this.advance();
      if (this.eatKw("not")) return "IsNot";
      return "Is";
    }
    if (this.values[t] === "not") {
      const n = this.peek(1);
      if (this.kinds[n] === NAME && this.values[n] === "in") {
        this.advance();
        this.advance();
        return "NotIn";
      }
    }
    return null;
  }

  parseComparison(): A.expr {
    const s = this.pos;
    const left = this.parseBitOr();
    let opPos = this.pos;
    let op = this.compareOp();
    if (op === null) return left;
    // The operators and operands alternate on the item stack; most comparisons have one of each.
    const base = this.startItems();
    let n = 0;
    while (op !== null) {
      const right = this.retreat > 0 ? this.attempt(this.parseBitOr) : this.parseBitOr();
      if (right === null) {
        this.pos = opPos;
        break;
      }
      this.putItem(base, n++, op);
      this.putItem(base, n++, right);
      opPos = this.pos;
      op = this.compareOp();
    }
    if (n === 0) return left;
    const items = this.items;
    let ops: A.cmpop[], comparators: A.expr[];
    if (n === 2) {
      ops = [items[base] as A.cmpop];
      comparators = [items[base + 1] as A.expr];
    } else {
      ops = [];
      comparators = [];
      for (let i = 0; i < n; i += 2) {
        ops.push(items[base + i] as A.cmpop);
        comparators.push(items[base + i + 1] as A.expr);
      }
    }
    this.itemsTop = base;
    return {
      _type: "Compare",
      left,
      ops,
      comparators,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Compare;
  }

  /** `bitwise_or` and the binary levels below it (`^`, `&`, shifts, `+ -`, `* / // % @`). */
  parseBitOr(): A.expr {
    return this.parseBinary(1);
  }

  /**
   * Precedence climbing over BINARY_OPS: one table lookup per operand instead of a call per
   * grammar level; left-associative, and each BinOp starts at its left operand's first token.
   */
  parseBinary(minPrecedence: number): A.expr {
    const s = this.pos;
    let left = this.parseFactor();
    for (;;) {
      const t = this.pos;
      if (this.kinds[t] !== OP) return left;
      const entry = BINARY_OPS.get(this.values[t]);
      if (entry === undefined || entry.precedence < minPrecedence) return left;
      const opPos = this.pos;
      this.advance();
      const next = entry.precedence + 1;
      const right = this.retreat > 0 ? this.attempt(this.parseBinary, next) : this.parseBinary(next);
      if (right === null) {
        this.pos = opPos;
        return left;
      }
      left = {
        _type: "BinOp",
        left,
        op: entry.op,
        right,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.BinOp;
    }
  }

  parseFactor(): A.expr {
    const s = this.pos;
    if (this.kinds[s] === OP) {
      const op: A.unaryop | null = this.values[s] === "-"
        ? "USub"
        : this.values[s] === "+"
        ? "UAdd"
        : this.values[s] === "~"
        ? "Invert"
        : null;
      if (op !== null) {
        this.advance();
        this.enter();
        const operand = this.parseFactor();
        this.depth--;
        return {
          _type: "UnaryOp",
          op,
          operand,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.UnaryOp;
      }
    }
    return this.parsePower();
  }

  parsePower(): A.expr {
    const s = this.pos;
    let left: A.expr;
    if (this.kinds[s] === NAME && this.values[s] === "await") {
      this.advance();
      const value = this.parsePrimary();
      left = {
        _type: "Await",
        value,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Await;
    } else {
      left = this.parsePrimary();
    }
    if (this.isOp("**")) {
      this.advance();
      this.enter(2);
      const right = this.parseFactor();
      this.depth -= 2;
      return {
        _type: "BinOp",
        left,
        op: "Pow",
        right,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.BinOp;
    }
    return left;
  }

  /** `primary`: an atom followed by `.name`, calls and subscripts. */
  parsePrimary(): A.expr {
    const s = this.pos;
    let e = this.parseAtom();
    for (;;) {
      const t = this.pos;
      if (
        this.kinds[t] !== OP || (this.values[t] !== "." && this.values[t] !== "(" && this.values[t] !== "[")
      ) return e;
      const next = this.retreat > 0 ? this.attempt(this.parseTrailer, e, s, t) : this.parseTrailer(e, s, t);
      if (next === null) return e;
      e = next;
    }
  }

  /** One `.name`, call or subscript after `e` (which started at `s`); `t` is its first token. */
  parseTrailer(e: A.expr, s: TokenIndex, t: TokenIndex): A.expr {
    this.advance();
    if (this.values[t] === ".") {
      const attr = this.values[this.expectName()];
      return {
        _type: "Attribute",
        value: e,
        attr,
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Attribute;
    }
    this.level++;
    if (this.values[t] === "(") {
      const args = this.parseCallArguments(true);
      const keywords = this.callKeywords;
      this.expectOp(")");
      this.level--;
      const last = args.length === 1 && keywords.length === 0 ? args[0] : null;
      if (last !== null && last._type === "GeneratorExp" && last.col_offset === -1) {
        // A bare generator argument spans the call's parentheses.
        this.loc(last, t);
      }
      return {
        _type: "Call",
        func: e,
        args,
        keywords,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Call;
    }
    const slice = this.parseSlices();
    this.expectOp("]");
    this.level--;
    return {
      _type: "Subscript",
      value: e,
      slice,
      ctx: "Load",
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Subscript;
  }

  parseSlices(): A.expr {
    const s = this.pos;
    const first = this.parseSlice();
    if (!this.isOp(",")) {
      if (first._type !== "Starred") return first;
      return {
        _type: "Tuple",
        elts: [first],
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Tuple;
    }
    const base = this.startItems();
    let n = 0;
    this.putItem(base, n++, first);
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      this.putItem(base, n++, this.parseSlice());
    }
    return {
      _type: "Tuple",
      elts: this.takeItems(base, n),
      ctx: "Load",
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Tuple;
  }

  parseSlice(): A.expr {
    const s = this.pos;
    if (this.isOp("*")) {
      this.advance();
      const value = this.parseBitOr();
      return {
        _type: "Starred",
        value,
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Starred;
    }
    let lower: A.expr | null = null;
    if (!this.isOp(":")) {
      lower = this.parseNamedExpression();
      if (!this.isOp(":")) return lower;
      if (lower._type === "NamedExpr") this.fail();
    }
    this.advance();
    let upper: A.expr | null = null;
    let step: A.expr | null = null;
    if (this.canStartExpression(this.pos)) upper = this.parseExpression();
    if (this.eatOp(":")) {
      if (this.canStartExpression(this.pos)) step = this.parseExpression();
    }
    return {
      _type: "Slice",
      lower,
      upper,
      step,
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Slice;
  }

  /** Call (or class) arguments up to, not including, ')'. */
  /** Arguments up to the closing ')': the positional ones; the keywords are left in `callKeywords`. */
  parseCallArguments(isCall: boolean): A.expr[] {
    const base = this.startItems();
    let argCount = 0;
    let keywords: A.keyword[] | null = null;
    let seenKeyword = false;
    let seenDoubleStar = false;
    /** CPython reports a positional argument after keywords once the whole list has been read. */
    let misplaced: string | null = null;
    while (!this.isOp(")")) {
      const t = this.pos;
      if (this.kinds[t] === OP && this.values[t] === "*") {
        this.advance();
        const value = this.parseExpression();
        const starred = {
          _type: "Starred",
          value,
          ctx: "Load",
          lineno: this.lines[t],
          col_offset: this.cols[t],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.Starred;
        if (this.isKw("for") || this.isKw("async")) {
          throw this.errorAtNode("iterable unpacking cannot be used in comprehension", starred);
        }
        if (seenDoubleStar) {
          throw this.errorAtToken("iterable argument unpacking follows keyword argument unpacking", t);
        }
        this.putItem(base, argCount++, starred);
      } else if (this.kinds[t] === OP && this.values[t] === "**") {
        this.advance();
        const value = this.parseExpression();
        (keywords ??= []).push(
          {
            _type: "keyword",
            arg: null,
            value,
            lineno: this.lines[t],
            col_offset: this.cols[t],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.keyword,
        );
        seenDoubleStar = true;
      } else if (
        this.kinds[t] === NAME &&
        (this.isName(t) || this.values[t] === "True" || this.values[t] === "False" ||
          this.values[t] === "None") &&
        this.kinds[this.peek(1)] === OP && this.values[this.peek(1)] === "="
      ) {
        const eq = this.peek(1);
        if (this.values[t] === "True" || this.values[t] === "False" || this.values[t] === "None") {
          throw this.error(
            `cannot assign to ${this.values[t]}`,
            this.lines[t],
            this.cols[t],
            this.endLines[eq],
            this.endCols[eq],
          );
        }
        if (KEYWORDS.has(this.values[t])) this.fail();
        this.advance();
        this.advance();
        const value = this.parseExpression();
        (keywords ??= []).push(
          {
            _type: "keyword",
            arg: this.values[t],
            value,
            lineno: this.lines[t],
            col_offset: this.cols[t],
            end_lineno: this.endLines[this.pos - 1],
            end_col_offset: this.endCols[this.pos - 1],
          } as A.keyword,
        );
        seenKeyword = true;
      } else {
        const walrus = this.isName(t) && this.kinds[this.peek(1)] === OP &&
          this.values[this.peek(1)] === ":=";
        let e = walrus ? this.parseNamedExpression() : this.parseExpression();
        if (this.isKw("for") || this.isKw("async")) {
          const forTok = this.pos;
          const generators = this.parseComprehensionClauses();
          const sole = argCount === 0 && keywords === null && this.isOp(")");
          if (sole && !isCall) throw this.errorAtToken("invalid syntax", forTok);
          if (!sole) {
            const lastGen = generators[generators.length - 1];
            const lastItem = lastGen.ifs.length ? lastGen.ifs[lastGen.ifs.length - 1] : lastGen.iter;
            throw this.errorRange("Generator expression must be parenthesized", e, lastItem);
          }
          // Positioned by the caller: a bare generator argument spans the call's parentheses.
          e = {
            _type: "GeneratorExp",
            elt: e,
            generators: sized(generators),
            lineno: 0,
            col_offset: -1,
            end_lineno: 0,
            end_col_offset: 0,
          };
        } else if (this.isOp("=")) {
          const eq = this.pos;
          throw this.error(
            'expression cannot contain assignment, perhaps you meant "=="?',
            e.lineno,
            e.col_offset,
            this.endLines[eq],
            this.endCols[eq],
          );
        } else if (this.isOp(":=")) {
          throw this.errorAtNode(`cannot use assignment expressions with ${exprName(e)}`, e);
        }
        if (misplaced === null && (seenDoubleStar || seenKeyword)) {
          misplaced = seenDoubleStar
            ? "positional argument follows keyword argument unpacking"
            : "positional argument follows keyword argument";
        }
        this.putItem(base, argCount++, e);
      }
      if (!this.eatOp(",")) break;
    }
    if (!this.isOp(")")) this.fail();
    if (misplaced !== null) throw this.errorAtToken(misplaced, this.pos);
    this.callKeywords = keywords === null ? [] : sized(keywords);
    return this.takeItems(base, argCount);
  }

  // -------------------------------------------------------------------------------------------
  // Atoms

  parseAtom(): A.expr {
    const t = this.pos;
    switch (this.kinds[t]) {
      case NAME:
        switch (this.values[t]) {
          case "None":
            this.advance();
            return {
              _type: "Constant",
              value: null,
              kind: null,
              lineno: this.lines[t],
              col_offset: this.cols[t],
              end_lineno: this.endLines[this.pos - 1],
              end_col_offset: this.endCols[this.pos - 1],
            } as A.Constant;
          case "True":
            this.advance();
            return {
              _type: "Constant",
              value: true,
              kind: null,
              lineno: this.lines[t],
              col_offset: this.cols[t],
              end_lineno: this.endLines[this.pos - 1],
              end_col_offset: this.endCols[this.pos - 1],
            } as A.Constant;
          case "False":
            this.advance();
            return {
              _type: "Constant",
              value: false,
              kind: null,
              lineno: this.lines[t],
              col_offset: this.cols[t],
              end_lineno: this.endLines[this.pos - 1],
              end_col_offset: this.endCols[this.pos - 1],
            } as A.Constant;
        }
        if (KEYWORDS.has(this.values[t])) this.fail();
        this.advance();
        return {
          _type: "Name",
          id: this.values[t],
          ctx: "Load",
          lineno: this.lines[t],
          col_offset: this.cols[t],
          end_lineno: this.endLines[t],
          end_col_offset: this.endCols[t],
        };
      case NUMBER:
        this.advance();
        return this.parseNumber(t);
      case STRING:
      case FSTRING_START:
        return this.parseStrings();
      case OP:
        switch (this.values[t]) {
          case "(":
            return this.parseParenthesized();
          case "[":
            return this.parseListDisplay();
          case "{":
            return this.parseBraceDisplay();
          case "...":
            this.advance();
            return this.loc({ _type: "Constant", value: { _type: "Ellipsis" }, kind: null }, t) as A.Constant;
        }
    }
    this.fail();
  }

  parseNumber(t: TokenIndex): A.Constant {
    const small = smallDecimal(this.values[t]);
    if (small >= 0) {
      // Most literals are short decimal ints: share their bigints rather than parse each one.
      return {
        _type: "Constant",
        value: small < SMALL_INTS.length ? SMALL_INTS[small] : BigInt(small),
        kind: null,
        lineno: this.lines[t],
        col_offset: this.cols[t],
        end_lineno: this.endLines[t],
        end_col_offset: this.endCols[t],
      };
    }
    const text = this.values[t].includes("_") ? this.values[t].replace(/_/g, "") : this.values[t];
    let value: A.ConstantValue;
    const c1 = text.charCodeAt(1);
    const last = text.charCodeAt(text.length - 1);
    if (last === 0x6a || last === 0x4a) { // j J
      value = { _type: "complex", real: 0, imag: Number(text.slice(0, -1)) };
    } else if (
      text.charCodeAt(0) === 0x30 && (c1 | 0x20) === 0x78 || (c1 | 0x20) === 0x6f && text[0] === "0" ||
      (c1 | 0x20) === 0x62 && text[0] === "0"
    ) {
      value = BigInt(text.slice(0, 2).toLowerCase() + text.slice(2));
    } else if (isDecimalInteger(text)) {
      if (intStrLimit.maxDigits > 0 && text.length > intStrLimit.maxDigits) {
        throw this.longLiteralError(t, text);
      }
      value = BigInt(text);
    } else {
      value = Number(text);
    }
    return {
      _type: "Constant",
      value,
      kind: null,
      lineno: this.lines[t],
      col_offset: this.cols[t],
      end_lineno: this.endLines[t],
      end_col_offset: this.endCols[t],
    };
  }

  /** CPython's SyntaxError for a decimal literal over sys.get_int_max_str_digits() digits (no column). */
  longLiteralError(t: TokenIndex, digits: string): PySyntaxError {
    const limit = intStrLimit.maxDigits;
    const msg =
      `Exceeds the limit (${limit} digits) for integer string conversion: value has ${digits.length} ` +
      "digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge " +
      "integer literals to avoid decimal conversion limits.";
    const line = this.lines[t];
    return new PySyntaxError("SyntaxError", msg, this.filename, line, 0, this.sourceLine(line), line, 0);
  }

  /** `( … )`: empty tuple, group, tuple, generator expression or parenthesized yield. */
  parseParenthesized(): A.expr {
    const s = this.advance();
    this.level++;
    if (this.isOp(")")) {
      this.advance();
      this.level--;
      return {
        _type: "Tuple",
        elts: [],
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Tuple;
    }
    if (this.isKw("yield")) {
      const y = this.parseYieldExpr();
      this.expectOp(")");
      this.level--;
      return y;
    }
    if (this.isOp("**")) {
      const d = this.advance();
      const v = this.parseBitOr();
      if (this.isOp(")")) {
        throw this.error(
          "cannot use double starred expression here",
          this.lines[d],
          this.cols[d],
          v.end_lineno,
          v.end_col_offset,
        );
      }
      this.fail();
    }
    const first = this.parseStarNamedExpression(true);
    if (this.isKw("for") || this.isKw("async")) {
      if (first._type === "Starred") {
        throw this.errorAtNode("iterable unpacking cannot be used in comprehension", first);
      }
      const generators = this.parseComprehensionClauses();
      this.expectOp(")");
      this.level--;
      return {
        _type: "GeneratorExp",
        elt: first,
        generators: sized(generators),
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.GeneratorExp;
    }
    if (this.isOp(",")) {
      const base = this.startItems();
      let n = 0;
      this.putItem(base, n++, first);
      while (this.eatOp(",")) {
        if (this.isOp(")")) break;
        this.putItem(base, n++, this.parseStarNamedExpression(true));
      }
      this.expectOp(")");
      this.level--;
      return {
        _type: "Tuple",
        elts: this.takeItems(base, n),
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Tuple;
    }
    if (!this.isOp(")")) this.fail();
    if (first._type === "Starred") throw this.errorAtNode("cannot use starred expression here", first);
    this.advance();
    this.level--;
    return first;
  }

  parseListDisplay(): A.expr {
    const s = this.advance();
    this.level++;
    if (this.isOp("]")) {
      this.advance();
      this.level--;
      return {
        _type: "List",
        elts: [],
        ctx: "Load",
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.List;
    }
    const first = this.parseStarNamedExpression(true);
    if (this.isKw("for") || this.isKw("async")) {
      if (first._type === "Starred") {
        throw this.errorAtNode("iterable unpacking cannot be used in comprehension", first);
      }
      const generators = this.parseComprehensionClauses();
      this.expectOp("]");
      this.level--;
      return {
        _type: "ListComp",
        elt: first,
        generators: sized(generators),
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.ListComp;
    }
    const base = this.startItems();
    this.putItem(base, 0, first);
    const n = this.parseDisplayRest(base, "]");
    this.level--;
    return {
      _type: "List",
      elts: this.takeItems(base, n),
      ctx: "Load",
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.List;
  }

  /**
   * The elements after the first of a list or set display, and the closing bracket: the list at
   * `base` on the item stack holds the first; returns the element count.
   */
  parseDisplayRest(base: number, close: string): number {
    let n = 1;
    while (this.eatOp(",")) {
      if (this.isOp(close)) break;
      this.putItem(base, n++, this.parseStarNamedExpression(true));
    }
    if (this.isKw("for") || this.isKw("async")) {
      const comma = this.pos - 1;
      const a = this.items[base] as A.expr;
      const b = n > 1 ? this.items[base + n - 1] as A.expr : null;
      if (b === null) {
        throw this.error(
          "did you forget parentheses around the comprehension target?",
          a.lineno,
          a.col_offset,
          this.endLines[comma],
          this.endCols[comma],
        );
      }
      throw this.errorRange("did you forget parentheses around the comprehension target?", a, b);
    }
    this.expectOp(close);
    return n;
  }

  /** `{ … }`: dict, set, dict comprehension or set comprehension. */
  parseBraceDisplay(): A.expr {
    const s = this.advance();
    this.level++;
    if (this.isOp("}")) {
      this.advance();
      this.level--;
      return {
        _type: "Dict",
        keys: [],
        values: [],
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.Dict;
    }
    if (this.isOp("**")) return this.parseDictRest(s, null, null);
    const first = this.parseStarNamedExpression(true);
    if (this.isOp(":") && first._type !== "Starred") {
      this.advance();
      if (this.isOp("*")) {
        const star = this.pos;
        this.advance();
        const v = this.parseBitOr();
        throw this.error(
          "cannot use a starred expression in a dictionary value",
          this.lines[star],
          this.cols[star],
          v.end_lineno,
          v.end_col_offset,
        );
      }
      if (this.isOp("}") || this.isOp(",")) {
        throw this.errorAtToken("expression expected after dictionary key and ':'", this.pos - 1);
      }
      const value = this.parseExpression();
      if (this.isKw("for") || this.isKw("async")) {
        const generators = this.parseComprehensionClauses();
        this.expectOp("}");
        this.level--;
        return {
          _type: "DictComp",
          key: first,
          value,
          generators: sized(generators),
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.DictComp;
      }
      return this.parseDictRest(s, first, value);
    }
    if (this.isKw("for") || this.isKw("async")) {
      if (first._type === "Starred") {
        throw this.errorAtNode("iterable unpacking cannot be used in comprehension", first);
      }
      const generators = this.parseComprehensionClauses();
      this.expectOp("}");
      this.level--;
      return {
        _type: "SetComp",
        elt: first,
        generators: sized(generators),
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[this.pos - 1],
        end_col_offset: this.endCols[this.pos - 1],
      } as A.SetComp;
    }
    const base = this.startItems();
    this.putItem(base, 0, first);
    const n = this.parseDisplayRest(base, "}");
    this.level--;
    return {
      _type: "Set",
      elts: this.takeItems(base, n),
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Set;
  }

  parseDictRest(s: TokenIndex, key: A.expr | null, value: A.expr | null): A.Dict {
    const keys: (A.expr | null)[] = [];
    const values: A.expr[] = [];
    if (value !== null) {
      keys.push(key);
      values.push(value);
      if (!this.eatOp(",")) {
        this.expectOp("}");
        this.level--;
        return {
          _type: "Dict",
          keys: sized(keys),
          values: sized(values),
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[this.pos - 1],
          end_col_offset: this.endCols[this.pos - 1],
        } as A.Dict;
      }
    }
    while (!this.isOp("}")) {
      if (this.isOp("**")) {
        const d = this.advance();
        const v = this.parseBitOr();
        if (this.isKw("for") || this.isKw("async")) {
          throw this.errorAtToken("dict unpacking cannot be used in dict comprehension", d);
        }
        keys.push(null);
        values.push(v);
      } else {
        const k = this.parseExpression();
        if (!this.isOp(":")) {
          throw this.error(
            "':' expected after dictionary key",
            k.lineno,
            k.end_col_offset - 1,
            k.end_lineno,
            -1,
          );
        }
        this.advance();
        if (this.isOp("}") || this.isOp(",")) {
          throw this.errorAtToken("expression expected after dictionary key and ':'", this.pos - 1);
        }
        keys.push(k);
        values.push(this.parseExpression());
      }
      if (!this.eatOp(",")) break;
    }
    this.expectOp("}");
    this.level--;
    return {
      _type: "Dict",
      keys: sized(keys),
      values: sized(values),
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[this.pos - 1],
      end_col_offset: this.endCols[this.pos - 1],
    } as A.Dict;
  }

  /** `for_if_clauses`. */
  parseComprehensionClauses(): A.comprehension[] {
    const generators: A.comprehension[] = [];
    while (
      this.isKw("for") ||
      (this.isKw("async") && this.kinds[this.peek(1)] === NAME && this.values[this.peek(1)] === "for")
    ) {
      const is_async = this.isKw("async") ? 1 : 0;
      if (is_async) this.advance();
      this.advance();
      const target = this.parseForTargets();
      this.advance(); // 'in'
      const iter = this.parseDisjunction();
      const ifs: A.expr[] = [];
      while (this.eatKw("if")) ifs.push(this.parseDisjunction());
      generators.push({ _type: "comprehension", target, iter, ifs, is_async });
    }
    if (generators.length === 0) this.fail();
    return generators;
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  /** One or more adjacent string literals: a Constant, or a JoinedStr when f-strings are involved. */
  parseStrings(): A.expr {
    const s = this.pos;
    const simple = this.simpleString(s);
    if (simple !== null) return simple;
    const parts: (string | A.FormattedValue)[] = [];
    let bytes: Uint8Array[] | null = null;
    let sawStr = false;
    let sawFString = false;
    const kind = this.kinds[s] === STRING && this.source.charCodeAt(this.starts[s]) === 0x75 ? "u" : null;
    for (;;) {
      const t = this.pos;
      if (this.kinds[t] === STRING) {
        this.advance();
        const d = this.decode(t);
        if (d.bytes) {
          bytes ??= [];
          bytes.push(latin1Bytes(d.value));
        } else {
          sawStr = true;
          parts.push(d.value);
        }
      } else if (this.kinds[t] === FSTRING_START) {
        sawStr = true;
        sawFString = true;
        this.parseFString(parts);
      } else break;
    }
    const e = this.pos - 1;
    if (sawFString && this.braceError !== null) this.checkBrace(s, e);
    if (bytes !== null && sawStr) {
      throw this.errorAtToken("cannot mix bytes and nonbytes literals", this.pos);
    }
    if (bytes !== null) {
      let n = 0;
      for (const b of bytes) n += b.length;
      const all = new Uint8Array(n);
      n = 0;
      for (const b of bytes) {
        all.set(b, n);
        n += b.length;
      }
      return this.loc(
        { _type: "Constant", value: { _type: "bytes", value: all }, kind: null },
        s,
        e,
      ) as A.Constant;
    }
    if (!sawFString) {
      return {
        _type: "Constant",
        value: parts.join(""),
        kind,
        lineno: this.lines[s],
        col_offset: this.cols[s],
        end_lineno: this.endLines[e],
        end_col_offset: this.endCols[e],
      } as A.Constant;
    }
    return this.joined(parts, s, e, kind);
  }

  /**
   * The common case without the general machinery: one unprefixed, single-quoted literal with no
   * backslash, alone (no implicit concatenation); null otherwise.
   */
  simpleString(t: TokenIndex): A.Constant | null {
    if (this.kinds[t] !== STRING) return null;
    // Read in the source: the token's text (quotes included) is never made into a string.
    const src = this.source;
    const start = this.starts[t], end = this.ends[t];
    const q = src.charCodeAt(start);
    if (
      (q !== 0x27 && q !== 0x22) ||
      (end - start >= 6 && src.charCodeAt(start + 1) === q && src.charCodeAt(start + 2) === q)
    ) {
      return null;
    }
    const next = this.kinds[this.peek(1)];
    if (next === STRING || next === FSTRING_START) return null;
    const value = src.slice(start + 1, end - 1);
    if (value.includes("\\")) return null;
    this.advance();
    return {
      _type: "Constant",
      value,
      kind: null,
      lineno: this.lines[t],
      col_offset: this.cols[t],
      end_lineno: this.endLines[t],
      end_col_offset: this.endCols[t],
    } as A.Constant;
  }

  /**
   * A single `}` between tokens `s` and `e` is reported at the next token, as CPython 3.11's parser
   * does (its NEWLINE token has no width).
   */
  checkBrace(s: TokenIndex, e: TokenIndex): void {
    const at = this.braceError!.at;
    if (at < this.starts[s] || at >= this.ends[e]) return;
    const t = this.pos;
    const endCol = this.kinds[t] === NEWLINE ? this.cols[t] : this.endCols[t];
    throw this.error(this.braceError!.error.msg, this.lines[t], this.cols[t], this.endLines[t], endCol);
  }

  /** Merges adjacent text parts and builds a JoinedStr; 3.11 gives every part the whole literal's span. */
  joined(
    parts: (string | A.FormattedValue)[],
    s: TokenIndex,
    e: TokenIndex,
    kind: string | null,
  ): A.JoinedStr {
    const values: A.expr[] = [];
    let text = "";
    for (const p of parts) {
      if (typeof p === "string") {
        text += p;
        continue;
      }
      if (text !== "") {
        values.push(
          {
            _type: "Constant",
            value: text,
            kind,
            lineno: this.lines[s],
            col_offset: this.cols[s],
            end_lineno: this.endLines[e],
            end_col_offset: this.endCols[e],
          } as A.Constant,
        );
        text = "";
      }
      this.loc(p, s, e);
      if (p.format_spec !== null) this.relocateSpecValues(p.format_spec as A.JoinedStr, s, e);
      values.push(p);
    }
    if (text !== "") {
      values.push(
        {
          _type: "Constant",
          value: text,
          kind,
          lineno: this.lines[s],
          col_offset: this.cols[s],
          end_lineno: this.endLines[e],
          end_col_offset: this.endCols[e],
        } as A.Constant,
      );
    }
    return {
      _type: "JoinedStr",
      values: sized(values),
      lineno: this.lines[s],
      col_offset: this.cols[s],
      end_lineno: this.endLines[e],
      end_col_offset: this.endCols[e],
    } as A.JoinedStr;
  }

  /** 3.11 gives a format spec (and a spec of only text, its text) the span of its own f-string token… */
  relocateSpec(spec: A.JoinedStr, s: TokenIndex, e: TokenIndex): void {
    this.loc(spec, s, e);
    for (const v of spec.values) {
      if (v._type === "FormattedValue" && v.format_spec !== null) {
        this.relocateSpec(v.format_spec as A.JoinedStr, s, e);
      } else if (v._type === "Constant") {
        this.loc(v, s, e);
      }
    }
  }

  /** …and the parts of a spec with replacement fields the span of the whole concatenated literal. */
  relocateSpecValues(spec: A.JoinedStr, s: TokenIndex, e: TokenIndex): void {
    if (!spec.values.some((v) => v._type === "FormattedValue")) return;
    for (const v of spec.values) {
      this.loc(v, s, e);
      if (v._type === "FormattedValue" && v.format_spec !== null) {
        this.relocateSpecValues(v.format_spec as A.JoinedStr, s, e);
      }
    }
  }

  /**
   * An error inside an f-string, where CPython 3.11 reports it: at the token after the whole
   * (implicitly concatenated) string, since it parsed f-strings only once it had read past them.
   */
  fstringError(msg: string): PySyntaxError {
    let depth = this.fstringDepth;
    let i = this.pos;
    for (; i < this.count - 1 && depth > 0; i++) {
      if (this.kinds[i] === FSTRING_START) depth++;
      else if (this.kinds[i] === FSTRING_END) depth--;
    }
    while (i < this.count - 1 && (this.kinds[i] === STRING || this.kinds[i] === FSTRING_START)) {
      if (this.kinds[i] === STRING) {
        i++;
        continue;
      }
      depth = 0;
      do {
        if (this.kinds[i] === FSTRING_START) depth++;
        else if (this.kinds[i] === FSTRING_END) depth--;
        i++;
      } while (i < this.count - 1 && depth > 0);
    }
    return this.errorAtToken(msg, i);
  }

  /** Whether tokens[first] is a '(' whose matching ')' is tokens[last]. */
  enclosedInParentheses(first: number, last: number): boolean {
    if (!(this.kinds[first] === OP && this.values[first] === "(")) return false;
    let depth = 0;
    for (let i = first; i <= last; i++) {
      if (this.kinds[i] !== OP) continue;
      const v = this.values[i];
      if (v === "(" || v === "[" || v === "{") depth++;
      else if (v === ")" || v === "]" || v === "}") {
        if (--depth === 0) return i === last;
      }
    }
    return false;
  }

  /**
   * An error inside a replacement field, as 3.11 reported it: its f-string parser parsed the field's
   * text put in parentheses, so the message says "f-string: ", the text shown is "(expression)"
   * and, on the field's first line, offsets count from that parenthesis.
   */
  fieldError(e: PySyntaxError, open: TokenIndex): PySyntaxError {
    if (e.msg.startsWith("f-string")) return e;
    // 3.11 found the expression's end before parsing it: the first '!', ':', '=' or '}' outside brackets.
    let i = open + 1;
    for (let depth = 0; i < this.count - 1; i++) {
      const kind = this.kinds[i];
      if (kind === FSTRING_END || kind === NEWLINE || kind === ENDMARKER) break;
      if (kind !== OP) continue;
      const v = this.values[i];
      if (v === "(" || v === "[" || v === "{") depth++;
      else if (v === ")" || v === "]" || (v === "}" && depth > 0)) depth--;
      else if (depth === 0 && (v === "!" || v === ":" || v === "=" || v === "}")) {
        break;
      }
    }
    const end = i;
    const lines = ("(" + this.source.slice(this.ends[open], this.starts[end]) + ")").split(/\r\n|\r|\n/);
    const openOffset = this.charOffset(this.lines[open], this.cols[open]);
    const shift = (line: number, offset: number) =>
      line === this.lines[open] && offset > 0 ? offset - openOffset + 1 : offset;
    let [line, offset, endLine, endOffset] = [e.lineno, e.offset, e.endLineno, e.endOffset];
    const endOffsetInSource = this.charOffset(this.lines[end], this.cols[end]);
    if (line > this.lines[end] || (line === this.lines[end] && offset > endOffsetInSource)) {
      // Past the text 3.11 took for the expression: it failed at the closing parenthesis.
      [line, offset, endLine, endOffset] = [
        this.lines[end],
        endOffsetInSource,
        this.lines[end],
        endOffsetInSource + 1,
      ];
    }
    return new PySyntaxError(
      e.kind,
      "f-string: " + e.msg,
      e.filename,
      line,
      shift(line, offset),
      lines[line - this.lines[open]] ?? e.text,
      endLine,
      shift(endLine, endOffset),
    );
  }

  /** FSTRING_START (FSTRING_MIDDLE | replacement field)* FSTRING_END, appended to `parts`. */
  parseFString(parts: (string | A.FormattedValue)[]): void {
    const start = this.advance();
    const firstPart = parts.length;
    this.fstringDepth++;
    for (;;) {
      const t = this.pos;
      if (this.kinds[t] === FSTRING_MIDDLE) {
        this.advance();
        parts.push(this.values[t]);
      } else if (this.kinds[t] === OP && this.values[t] === "{") {
        parts.push(this.parseReplacementField(parts));
      } else if (this.kinds[t] === FSTRING_END) {
        this.advance();
        this.fstringDepth--;
        // 3.11 gives a format spec the span of its own f-string token, not of the concatenation.
        for (let i = firstPart; i < parts.length; i++) {
          const p = parts[i];
          if (typeof p !== "string" && p.format_spec !== null) {
            this.relocateSpec(p.format_spec as A.JoinedStr, start, t);
          }
        }
        return;
      } else {
        this.fail();
      }
    }
  }

  parseReplacementField(parts: (string | A.FormattedValue)[]): A.FormattedValue {
    const open = this.advance();
    this.level++;
    if (this.isOp("}")) throw this.fstringError("f-string: empty expression not allowed");
    if (this.isOp("!") || this.isOp(":") || this.isOp("=")) {
      throw this.fstringError(`f-string: expression required before '${this.values[this.pos]}'`);
    }
    const exprStart = this.pos;
    let value: A.expr;
    try {
      value = this.isKw("yield") ? this.parseYieldExpr() : this.parseStarExpressions();
    } catch (e) {
      // 3.11 parsed a replacement field's text with a parser of its own, whose errors say so.
      throw e instanceof PySyntaxError ? this.fieldError(e, open) : e;
    }
    if (value._type === "Tuple" && !this.enclosedInParentheses(exprStart, this.pos - 1)) {
      // 3.11 parsed the field's text in parentheses put where the braces are: a bare tuple spans them.
      const after = this.pos;
      value.lineno = this.lines[open];
      value.col_offset = this.cols[open];
      value.end_lineno = this.lines[after];
      value.end_col_offset = this.cols[after] + 1;
    }
    const after = this.pos;
    if (
      !(this.kinds[after] === OP &&
        (this.values[after] === "=" || this.values[after] === "!" || this.values[after] === ":" ||
          this.values[after] === "}"))
    ) {
      // 3.11 parsed the field in parentheses: two expressions in a row are a missing comma.
      const twoInARow = this.diagnoseAtCursor();
      if (twoInARow !== null) throw this.fieldError(twoInARow, open);
    }
    if (value._type === "Starred") {
      throw this.fieldError(this.errorAtNode("cannot use starred expression here", value), open);
    }
    let conversion = -1;
    let debug = false;
    if (this.isOp("=")) {
      this.advance();
      debug = true;
      parts.push(this.source.slice(this.ends[open], this.starts[this.pos]));
    }
    if (this.isOp("!")) {
      const bang = this.advance();
      const c = this.pos;
      const code = this.kinds[c] === NAME && this.starts[c] === this.ends[bang] ? this.values[c] : "";
      if (code[0] !== "s" && code[0] !== "r" && code[0] !== "a") {
        throw this.fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      if (code.length > 1) throw this.fstringError("f-string: expecting '}'");
      this.advance();
      conversion = code.charCodeAt(0);
    }
    let format_spec: A.expr | null = null;
    if (this.isOp(":")) {
      const colon = this.advance();
      const specParts: (string | A.FormattedValue)[] = [];
      for (;;) {
        const t = this.pos;
        if (this.kinds[t] === FSTRING_MIDDLE) {
          this.advance();
          specParts.push(this.values[t]);
        } else if (this.kinds[t] === OP && this.values[t] === "{") {
          specParts.push(this.parseReplacementField(specParts));
        } else break;
      }
      format_spec = this.joined(specParts, colon, this.pos - 1, null);
    }
    if (!this.isOp("}")) {
      throw this.fstringError("f-string: expecting '}'");
    }
    this.advance();
    this.level--;
    if (debug && conversion === -1 && format_spec === null) conversion = 114;
    return { _type: "FormattedValue", value, conversion, format_spec } as A.FormattedValue;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the error diagnoses

/**
 * A comment as CPython's tokenizer classifies it with type comments on: `# type: ignore…` (text:
 * what follows "ignore"), `# type: …` (text: what follows the prefix), or neither (null).
 */
function classifyTypeComment(comment: string): { ignore: boolean; text: string } | null {
  const m = /^#[ \t]*type:[ \t]*/.exec(comment);
  if (m === null) return null;
  const rest = comment.slice(m[0].length);
  if (rest.startsWith("ignore")) {
    const c = rest.charCodeAt(6);
    const alnum = c >= 128 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (rest.length === 6 || !alnum) return { ignore: true, text: rest.slice(6) };
  }
  return { ignore: false, text: rest };
}

/** Whether a number literal (underscores removed) is a decimal int: digits only. */
/** The bigints 0n…1023n, shared by every Constant that holds one. */
const SMALL_INTS: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));

/** The value of a literal of 1 to 9 decimal digits (no `0` prefix but `0` itself), or -1. */
function smallDecimal(text: string): number {
  const n = text.length;
  if (n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return n > 1 && text.charCodeAt(0) === 0x30 ? -1 : v;
}

/** Operators that cannot continue an expression after a name (`=` and `:` end one too). */
const EXPRESSION_ENDS: ReadonlySet<string> = new Set([",", ")", "]", "}", "=", ":", ";"]);

function isDecimalInteger(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A bytes value as the decoder gives it (one char per byte) → bytes. */
function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function isImaginary(e: A.expr): boolean {
  return e._type === "Constant" && typeof e.value === "object" && e.value !== null && "_type" in e.value &&
    e.value._type === "complex";
}

/** CPython's `_PyPegen_get_expr_name`: how error messages name an expression. */
export function exprName(e: A.expr): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) return "None";
      if (v === true) return "True";
      if (v === false) return "False";
      if (typeof v === "object" && v._type === "Ellipsis") return "ellipsis";
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

/**
 * `list` again, at its exact size and from an array literal, for arrays that stay in the AST. V8
 * allocates a literal site whose arrays survive straight in the old generation, whereas the backing
 * store that `push` grows is young, has 16 spare slots and is copied by the scavenges (with ~300k
 * lists per 2 MB, that copying was a large part of the parse).
 */
function sized<T>(list: T[]): T[] {
  switch (list.length) {
    case 1:
      return [list[0]];
    case 2:
      return [list[0], list[1]];
    case 3:
      return [list[0], list[1], list[2]];
    case 4:
      return [list[0], list[1], list[2], list[3]];
    default:
      return list;
  }
}

/** Whether `e`, starting at token `s`, is what CPython's `bitwise_or` rule would parse as a whole. */
function isBitwiseOrLevel(p: Parser, e: A.expr, s: TokenIndex): boolean {
  const parenthesized = p.kinds[s] === OP && p.values[s] === "(" &&
    !(e.lineno === p.lines[s] && e.col_offset === p.cols[s]);
  if (parenthesized) return true;
  switch (e._type) {
    case "BoolOp":
    case "Compare":
    case "IfExp":
    case "Lambda":
    case "NamedExpr":
    case "Starred":
    case "Yield":
    case "YieldFrom":
      return false;
    case "UnaryOp":
      return e.op !== "Not";
    case "Tuple":
      return p.kinds[s] === OP && p.values[s] === "(" && e.col_offset === p.cols[s] &&
        e.lineno === p.lines[s];
  }
  return true;
}

function isTupleOrGenexp(p: Parser, e: A.expr, s: TokenIndex): boolean {
  return (e._type === "Tuple" || e._type === "GeneratorExp") && e.lineno === p.lines[s] &&
    e.col_offset === p.cols[s];
}

/** The prefix of `e` (which starts at token `s`) that CPython's `bitwise_or` rule parses, or null. */
function leadingBitwiseOr(p: Parser, e: A.expr | undefined, s: TokenIndex | undefined): A.expr | null {
  if (e === undefined || s === undefined) return null;
  let cur: A.expr = e;
  for (;;) {
    if (isBitwiseOrLevel(p, cur, s)) return cur;
    switch (cur._type) {
      case "BoolOp":
        cur = cur.values[0];
        break;
      case "Compare":
        cur = cur.left;
        break;
      case "IfExp":
        cur = cur.body;
        break;
      case "Tuple":
        if (cur.elts.length === 0) return null;
        cur = cur.elts[0];
        break;
      default:
        return null;
    }
  }
}
