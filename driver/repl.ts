/**
 * The interactive session, as CPython 3.11's: lines typed at `sys.ps1` / `sys.ps2` prompts →
 * statements compiled in `single` mode (an expression statement echoes its repr) and run in the
 * session's `__main__`, tracebacks printed, until the end of input or SystemExit (its status).
 *
 * On a terminal the line editor (driver/line_editor.ts) reads the lines: editing, history kept in
 * `~/.pyjit_history` (only where Deno already grants access to it), Tab completion of names and
 * attributes (driver/completion.ts). Ctrl-C cancels the line being typed, or interrupts running
 * code (a native SIGINT handler, driver/signals.ts), and returns to the prompt; Ctrl-D ends the
 * session on an empty line and ends the block on a continuation line. Input continues (`...`)
 * while brackets or a triple-quoted string are open, after a `\` and in a compound statement
 * until an empty line. Without a terminal the prompts go to stderr and lines are read from stdin.
 *
 * @example
 * ```ts
 * import { runRepl } from "./repl.ts";
 * // Deno.exit(runRepl(session, { banner: true }));
 * ```
 * @module
 */
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import type { PyCode } from "../objects/code.ts";
import { formatSyntaxError, PySyntaxError } from "../lexer/syntax_error.ts";
import { Exc, None } from "../objects/object.ts";
import { str } from "../objects/ops.ts";
import { flushStdout, readStdinLine, writeStderr } from "../objects/stdio.ts";
import { threadState } from "../vm/frame.ts";
import { runCode } from "../vm/function.ts";
import { toPyException } from "../vm/errors.ts";
import { signalFlags } from "../vm/interrupts.ts";
import { completeWord, wordBefore } from "./completion.ts";
import { LineEditor } from "./line_editor.ts";
import { printException, systemExitStatus } from "./run.ts";
import type { Session } from "./session.ts";
import { installSigintHandlerNow } from "./signals.ts";
import { VERSION } from "./version.ts";
import { permissionGranted } from "../objects/permissions.ts";

/** How the session starts. */
export interface ReplOptions {
  /** Print the version banner first (not with `-q`, nor after a program with `-i`). */
  banner: boolean;
}

/** The most lines kept in the history file. */
const HISTORY_LIMIT = 1000;

/** Runs the interactive session in `session`; returns the exit status. */
export function runRepl(session: Session, options: ReplOptions): number {
  const sysDict = session.sys.dict!;
  if (sysDict.getStr("ps1") === undefined) sysDict.setStr("ps1", ">>> ");
  if (sysDict.getStr("ps2") === undefined) sysDict.setStr("ps2", "... ");
  if (options.banner) {
    writeStderr(
      `Python ${VERSION.python} (pyjit ${VERSION.pyjit}) on linux\n` +
        `Type "help", "copyright", "credits" or "license" for more information.\n`,
    );
  }
  installSigintHandlerNow();
  const input = isTerminal() ? terminalInput(session) : pipedInput();
  let buffer = "";
  for (;;) {
    const prompt = promptText(session, buffer === "" ? "ps1" : "ps2");
    flushStdout();
    const got = input.readLine(prompt);
    if (got.kind === "interrupt") {
      writeStderr("KeyboardInterrupt\n");
      buffer = "";
      continue;
    }
    if (got.kind === "eof") {
      if (buffer === "") {
        input.close();
        return 0;
      }
    } else {
      input.remember(got.text);
      buffer += got.text + "\n";
      if (needsMoreInput(buffer, got.text)) continue;
    }
    const source = buffer;
    buffer = "";
    if (source.trim() === "") continue;
    const status = runStatement(session, source);
    if (status !== null) {
      input.close();
      return status;
    }
  }
}

/** Compiles and runs one interactive statement; an exit status when it raised SystemExit. */
function runStatement(session: Session, source: string): number | null {
  let code: PyCode;
  try {
    code = compileModule(parse(source, "<stdin>", "single") as ast.mod, "<stdin>", source);
  } catch (e) {
    if (e instanceof PySyntaxError) {
      writeStderr(formatSyntaxError(e));
      return null;
    }
    throw e;
  }
  threadState.depth = 0;
  threadState.frame = null;
  threadState.excInfo = None;
  // A Ctrl-C typed before this statement started is not this statement's.
  signalFlags[0] = 0;
  try {
    runCode(code, session.globals, session.globals, session.builtins.dict!);
  } catch (e) {
    const exc = toPyException(e);
    if (exc.cls.isSubtypeOf(Exc.SystemExit)) {
      flushStdout();
      return systemExitStatus(exc);
    }
    const sysDict = session.sys.dict!;
    sysDict.setStr("last_type", exc.cls);
    sysDict.setStr("last_value", exc);
    sysDict.setStr("last_traceback", exc.traceback);
    printException(session, exc);
  }
  flushStdout();
  return null;
}

/** `str(sys.ps1)` (or ps2), as CPython prints a prompt that is not a string. */
function promptText(session: Session, name: "ps1" | "ps2"): string {
  const value = session.sys.dict!.getStr(name);
  if (value === undefined) return "";
  try {
    return str(value);
  } catch {
    return "";
  }
}

function isTerminal(): boolean {
  try {
    return Deno.stdin.isTerminal() && Deno.stdout.isTerminal();
  } catch {
    return false;
  }
}

/** Where the session's lines come from. */
interface ReplInput {
  readLine(prompt: string): { kind: "line"; text: string } | { kind: "eof" } | { kind: "interrupt" };
  /** Records a line in the history. */
  remember(line: string): void;
  close(): void;
}

/** Lines from stdin without a terminal: the prompt on stderr, as CPython writes it. */
function pipedInput(): ReplInput {
  return {
    readLine(prompt) {
      writeStderr(prompt);
      let line: string;
      try {
        line = readStdinLine();
      } catch (e) {
        if (toPyException(e).cls.isSubtypeOf(Exc.KeyboardInterrupt)) {
          writeStderr("\n");
          return { kind: "interrupt" };
        }
        throw e;
      }
      if (line === "") {
        writeStderr("\n");
        return { kind: "eof" };
      }
      return { kind: "line", text: line.endsWith("\n") ? line.slice(0, -1) : line };
    },
    remember() {},
    close() {},
  };
}

/** Lines from the line editor, with the history file and completion in `__main__`. */
function terminalInput(session: Session): ReplInput {
  const historyFile = historyPath();
  const history = historyFile === null ? [] : loadHistory(historyFile);
  const editor = new LineEditor({
    history,
    complete(line, cursor) {
      const word = wordBefore(line, cursor);
      return {
        start: cursor - word.length,
        candidates: completeWord(word, session.globals, session.builtins.dict!),
      };
    },
  });
  return {
    readLine: (prompt) => editor.readLine(prompt),
    remember(line) {
      if (line.trim() === "" || history[history.length - 1] === line) return;
      history.push(line);
      if (historyFile !== null) appendHistory(historyFile, line);
    },
    close() {},
  };
}

/** `~/.pyjit_history` when Deno grants reading HOME and reading and writing the file; else null. */
function historyPath(): string | null {
  if (!permissionGranted({ name: "env", variable: "HOME" })) return null;
  const home = Deno.env.get("HOME");
  if (home === undefined || home === "") return null;
  const path = `${home}/.pyjit_history`;
  return permissionGranted({ name: "read", path }) && permissionGranted({ name: "write", path })
    ? path
    : null;
}

function loadHistory(path: string): string[] {
  try {
    const lines = Deno.readTextFileSync(path).split("\n").filter((l) => l !== "");
    return lines.slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

function appendHistory(path: string, line: string): void {
  try {
    Deno.writeTextFileSync(path, line.replaceAll("\n", " ") + "\n", { append: true, mode: 0o600 });
  } catch {
    // a read-only home: history for this session only
  }
}

/** Statements that open a block (CPython's interactive mode ends them with an empty line). */
const COMPOUND = /^(if|elif|else|while|for|try|except|finally|with|def|class|async|match|case)\b|^@/;

/** Whether an interactive statement continues on the next line (a block, open brackets, `\`). */
export function needsMoreInput(buffer: string, line: string): boolean {
  const blank = line.trim() === "";
  const first = buffer.split("\n")[0].trim();
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (buffer.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (c === "\n" && quote.length === 1) quote = null;
    } else if (c === "#") {
      while (i < buffer.length && buffer[i] !== "\n") i++;
    } else if (c === "'" || c === '"') {
      quote = buffer.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      if (quote.length === 3) i += 2;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
  }
  if (depth > 0 || (quote !== null && quote.length === 3) || line.trimEnd().endsWith("\\")) return true;
  // A compound statement ends with an empty line; anything else when its brackets are closed.
  const compound = COMPOUND.test(first) && (!/^(match|case)\b/.test(first) || first.endsWith(":"));
  return compound && !blank;
}
