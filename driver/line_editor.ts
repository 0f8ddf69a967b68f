/**
 * A terminal line editor (what GNU readline gives CPython's REPL): keys read from a terminal in
 * raw mode → one edited line, or the end of input (Ctrl-D on an empty line), or an interrupt
 * (Ctrl-C). The terminal is in raw mode only while a line is being read, so the program's own
 * output and `input()` see a normal terminal (and Ctrl-C a SIGINT) while code runs.
 *
 * Keys, as readline's emacs mode: printable text inserts; ←/→ (Ctrl-B/F), Alt-B/F and Ctrl-←/→ by
 * word, Home/End (Ctrl-A/E); Backspace, Delete (Ctrl-D on a non-empty line), Ctrl-K/U/W kill;
 * ↑/↓ (Ctrl-P/N) walk the history; Tab completes (the common prefix first, a second Tab lists the
 * candidates; on blank text it indents); Ctrl-L clears the screen; Enter accepts.
 *
 * @example
 * ```ts
 * import { LineEditor } from "./line_editor.ts";
 * const editor = new LineEditor({ history: [], complete: () => ({ start: 0, candidates: [] }) });
 * // const result = editor.readLine(">>> "); // { kind: "line", text } | { kind: "eof" } | { kind: "interrupt" }
 * ```
 * @module
 */

/** What reading a line gave. */
export type ReadResult = { kind: "line"; text: string } | { kind: "eof" } | { kind: "interrupt" };

/** Completion: the candidates for the text before the cursor, each replacing `line.slice(start, cursor)`. */
export type Completer = (line: string, cursor: number) => { start: number; candidates: string[] };

/** What the editor needs from its user. */
export interface LineEditorOptions {
  /** Earlier lines, oldest first (the editor reads it; the caller appends accepted lines). */
  history: string[];
  /** Completion of the text before the cursor. */
  complete: Completer;
  /** Reads terminal bytes (default: stdin); 0 at the end of input. */
  read?: (into: Uint8Array) => number;
  /** Writes to the terminal (default: stdout). */
  write?: (text: string) => void;
  /** Switches the terminal's raw mode (default: stdin's setRaw). */
  setRaw?: (raw: boolean) => void;
}

const encoder = new TextEncoder();

/** The line editor (see the module comment). */
export class LineEditor {
  private readonly options: LineEditorOptions;
  private readonly pending: number[] = [];
  private readonly decoder = new TextDecoder();
  private chars: string[] = [];
  private cursor = 0;
  private prompt = "";
  private lastKey = "";

  /** An editor reading keys and history as `options` say. */
  constructor(options: LineEditorOptions) {
    this.options = options;
  }

  /** Reads one line after writing `prompt`. */
  readLine(prompt: string): ReadResult {
    this.prompt = prompt;
    this.chars = [];
    this.cursor = 0;
    this.lastKey = "";
    this.setRaw(true);
    try {
      this.write(prompt);
      return this.edit();
    } finally {
      this.setRaw(false);
    }
  }

  private edit(): ReadResult {
    const history = this.options.history;
    let historyIndex = history.length;
    let draft = "";
    const recall = (index: number) => {
      if (index < 0 || index > history.length) return this.bell();
      if (historyIndex === history.length) draft = this.text;
      historyIndex = index;
      this.chars = [...(index === history.length ? draft : history[index])];
      this.cursor = this.chars.length;
      this.refresh();
    };
    for (;;) {
      const key = this.nextKey();
      if (key === null) {
        this.write("\r\n");
        return this.chars.length === 0 ? { kind: "eof" } : { kind: "line", text: this.text };
      }
      const previous = this.lastKey;
      this.lastKey = key;
      switch (key) {
        case "\r":
        case "\n":
          this.cursor = this.chars.length;
          this.refresh();
          this.write("\r\n");
          return { kind: "line", text: this.text };
        case "\x03": // Ctrl-C
          this.write("\r\n");
          return { kind: "interrupt" };
        case "\x04": // Ctrl-D
          if (this.chars.length === 0) {
            this.write("\r\n");
            return { kind: "eof" };
          }
          this.deleteAt(this.cursor);
          break;
        case "\x7f":
        case "\x08":
          if (this.cursor > 0) {
            this.cursor--;
            this.deleteAt(this.cursor);
          } else this.bell();
          break;
        case "\x1b[3~":
          this.deleteAt(this.cursor);
          break;
        case "\x01":
        case "\x1b[H":
        case "\x1bOH":
        case "\x1b[1~":
          this.moveTo(0);
          break;
        case "\x05":
        case "\x1b[F":
        case "\x1bOF":
        case "\x1b[4~":
          this.moveTo(this.chars.length);
          break;
        case "\x02":
        case "\x1b[D":
        case "\x1bOD":
          this.moveTo(this.cursor - 1);
          break;
        case "\x06":
        case "\x1b[C":
        case "\x1bOC":
          this.moveTo(this.cursor + 1);
          break;
        case "\x1bb":
        case "\x1b[1;5D":
        case "\x1b[1;3D":
          this.moveTo(this.wordStart(this.cursor));
          break;
        case "\x1bf":
        case "\x1b[1;5C":
        case "\x1b[1;3C":
          this.moveTo(this.wordEnd(this.cursor));
          break;
        case "\x0b": // Ctrl-K
          this.chars.splice(this.cursor);
          this.refresh();
          break;
        case "\x15": // Ctrl-U
          this.chars.splice(0, this.cursor);
          this.cursor = 0;
          this.refresh();
          break;
        case "\x17": { // Ctrl-W
          const start = this.wordStart(this.cursor);
          this.chars.splice(start, this.cursor - start);
          this.cursor = start;
          this.refresh();
          break;
        }
        case "\x0c": // Ctrl-L
          this.write("\x1b[H\x1b[2J");
          this.refresh();
          break;
        case "\x10":
        case "\x1b[A":
        case "\x1bOA":
          recall(historyIndex - 1);
          break;
        case "\x0e":
        case "\x1b[B":
        case "\x1bOB":
          recall(historyIndex + 1);
          break;
        case "\t":
          this.completeAtCursor(previous === "\t");
          break;
        default:
          if (key.length > 0 && key.codePointAt(0)! >= 0x20 && !key.startsWith("\x1b")) this.insert(key);
          else this.bell();
      }
    }
  }

  private get text(): string {
    return this.chars.join("");
  }

  private insert(text: string): void {
    const added = [...text];
    this.chars.splice(this.cursor, 0, ...added);
    this.cursor += added.length;
    if (this.cursor === this.chars.length) this.write(text);
    else this.refresh();
  }

  private deleteAt(index: number): void {
    if (index < 0 || index >= this.chars.length) return this.bell();
    this.chars.splice(index, 1);
    this.refresh();
  }

  private moveTo(index: number): void {
    if (index < 0 || index > this.chars.length) return this.bell();
    const delta = index - this.cursor;
    this.cursor = index;
    if (delta < 0) this.write(`\x1b[${-delta}D`);
    else if (delta > 0) this.write(`\x1b[${delta}C`);
  }

  private isWordChar(c: string): boolean {
    return /[\p{L}\p{N}_]/u.test(c);
  }

  private wordStart(from: number): number {
    let i = from;
    while (i > 0 && !this.isWordChar(this.chars[i - 1])) i--;
    while (i > 0 && this.isWordChar(this.chars[i - 1])) i--;
    return i;
  }

  private wordEnd(from: number): number {
    let i = from;
    while (i < this.chars.length && !this.isWordChar(this.chars[i])) i++;
    while (i < this.chars.length && this.isWordChar(this.chars[i])) i++;
    return i;
  }

  /** Redraws the prompt and the line, and puts the cursor back. */
  private refresh(): void {
    const after = this.chars.length - this.cursor;
    this.write(`\r${this.prompt}${this.text}\x1b[K${after > 0 ? `\x1b[${after}D` : ""}`);
  }

  private bell(): void {
    this.write("\x07");
  }

  private completeAtCursor(again: boolean): void {
    const before = this.chars.slice(0, this.cursor).join("");
    const { start, candidates } = this.options.complete(before, before.length);
    const word = before.slice(start);
    // Nothing to complete (as readline with rlcompleter): Tab indents.
    if (word === "") return this.insert("    ");
    if (candidates.length === 0) return this.bell();
    const prefix = candidates.length === 1 ? candidates[0] : commonPrefix(candidates);
    if (prefix.length > word.length) {
      this.chars.splice(this.cursor - [...word].length, [...word].length, ...prefix);
      this.cursor += [...prefix].length - [...word].length;
      this.lastKey = "";
      return this.refresh();
    }
    if (!again) return this.bell();
    this.write("\r\n" + columns(candidates, terminalWidth()));
    this.refresh();
  }

  /** The next key: one character, or a whole escape sequence; null at the end of input. */
  private nextKey(): string | null {
    if (!this.fill(1)) return null;
    const b = this.pending[0];
    if (b === 0x1b) {
      if (!this.fill(2)) return this.take(1);
      const second = this.pending[1];
      if (second !== 0x5b && second !== 0x4f) return this.take(2);
      // CSI or SS3: parameters, then a final byte in 0x40–0x7e.
      let n = 2;
      for (;;) {
        if (!this.fill(n + 1)) return this.take(n);
        const c = this.pending[n];
        n++;
        if (c >= 0x40 && c <= 0x7e && !(second === 0x5b && n === 3 && c === 0x5b)) return this.take(n);
      }
    }
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (!this.fill(length)) return this.take(this.pending.length);
    return this.take(length);
  }

  private take(n: number): string {
    return this.decoder.decode(new Uint8Array(this.pending.splice(0, n)));
  }

  /** Reads until `n` bytes are pending; false at the end of input. */
  private fill(n: number): boolean {
    const buf = new Uint8Array(256);
    while (this.pending.length < n) {
      const got = this.read(buf);
      if (got === 0) return false;
      for (let i = 0; i < got; i++) this.pending.push(buf[i]);
    }
    return true;
  }

  private read(into: Uint8Array): number {
    if (this.options.read !== undefined) return this.options.read(into);
    for (;;) {
      try {
        return Deno.stdin.readSync(into) ?? 0;
      } catch (e) {
        // A signal (SIGINT sent with kill) interrupted the read: as Ctrl-C.
        if (e instanceof Deno.errors.Interrupted) {
          into[0] = 0x03;
          return 1;
        }
        throw e;
      }
    }
  }

  private write(text: string): void {
    if (this.options.write !== undefined) return this.options.write(text);
    const bytes = encoder.encode(text);
    let done = 0;
    while (done < bytes.length) {
      try {
        done += Deno.stdout.writeSync(bytes.subarray(done));
      } catch (e) {
        if (!(e instanceof Deno.errors.Interrupted)) throw e;
      }
    }
  }

  private setRaw(raw: boolean): void {
    if (this.options.setRaw !== undefined) return this.options.setRaw(raw);
    try {
      Deno.stdin.setRaw(raw);
    } catch {
      // not a terminal after all
    }
  }
}

/** The longest common prefix of the candidates. */
function commonPrefix(words: string[]): string {
  let p = words[0];
  for (const w of words) {
    while (!w.startsWith(p)) p = p.slice(0, -1);
  }
  return p;
}

function terminalWidth(): number {
  try {
    return Deno.consoleSize().columns || 80;
  } catch {
    return 80;
  }
}

/** Candidates laid out in columns, row by row, as readline lists them. */
function columns(words: string[], width: number): string {
  const cell = Math.max(...words.map((w) => [...w].length)) + 2;
  const perRow = Math.max(1, Math.floor(width / cell));
  let out = "";
  for (let i = 0; i < words.length; i += perRow) {
    out += words.slice(i, i + perRow).map((w) => w.padEnd(cell)).join("") + "\r\n";
  }
  return out;
}
