/**
 * Tracebacks: the frames an exception passed through → Python `traceback` objects (built by the
 * interpreter while unwinding, newest frame first, as CPython's PyTraceBack_Here) → the text
 * CPython 3.11 prints for an uncaught exception (chained causes and contexts, the source line of
 * each frame, "[Previous line repeated N more times]").
 *
 * @example
 * ```ts
 * import { formatException } from "./traceback.ts";
 * // Deno.stderr.writeSync(new TextEncoder().encode(formatException(exc)));
 * ```
 * @module
 */
import type { PyCode } from "../compiler/code.ts";
import {
  defGetSet,
  Exc,
  newBuiltinType,
  None,
  objectType,
  PyBaseException,
  PyObject,
  type PyType,
  type PyValue,
  typeOf,
} from "./object.ts";
import { str } from "./ops.ts";

/** The `traceback` type. */
export const tracebackType: PyType = newBuiltinType("traceback", objectType, 0);

/** One traceback entry: a frame's code and the line it was executing. */
export class PyTraceback extends PyObject {
  declare next: PyValue;
  declare code: PyCode;
  declare lasti: number;
  declare lineno: number;
  constructor(next: PyValue, code: PyCode, lasti: number) {
    super(tracebackType);
    this.next = next;
    this.code = code;
    this.lasti = lasti;
    this.lineno = code.lineAt(lasti);
  }
}

defGetSet(tracebackType, "tb_next", (t) => (t as PyTraceback).next);
defGetSet(tracebackType, "tb_lineno", (t) => (t as PyTraceback).lineno);
defGetSet(tracebackType, "tb_lasti", (t) => (t as PyTraceback).lasti * 2);
defGetSet(tracebackType, "tb_frame", () => None);

/** Source lines per source text, split once. */
const linesCache = new WeakMap<PyCode, string[]>();
const sourceLines = new Map<string, string[]>();

function lineOf(code: PyCode, lineno: number): string | null {
  let lines = linesCache.get(code);
  if (lines === undefined) {
    lines = sourceLines.get(code.source);
    if (lines === undefined) {
      lines = code.source.split(/\r\n|\r|\n/);
      sourceLines.set(code.source, lines);
    }
    linesCache.set(code, lines);
  }
  const line = lines[lineno - 1];
  if (line === undefined) return null;
  const stripped = line.trim();
  return stripped === "" ? null : stripped;
}

/** The `Traceback (most recent call last):` block of one exception (no header if no frames). */
export function formatTraceback(tb: PyValue): string {
  let out = "";
  let last: string | null = null;
  let repeats = 0;
  const flushRepeats = () => {
    if (repeats > 3) {
      const n = repeats - 3;
      out += `  [Previous line repeated ${n} more time${n === 1 ? "" : "s"}]\n`;
    }
  };
  for (let t = tb; t instanceof PyTraceback; t = t.next) {
    const code = t.code;
    let entry = `  File "${code.filename}", line ${t.lineno}, in ${code.name}\n`;
    const src = lineOf(code, t.lineno);
    if (src !== null) entry += `    ${src}\n`;
    if (entry === last) {
      repeats++;
      if (repeats > 3) continue;
    } else {
      flushRepeats();
      last = entry;
      repeats = 1;
    }
    out += entry;
  }
  flushRepeats();
  return out;
}

/** `TypeName: message` as the last line of a traceback (qualified unless builtins/__main__). */
export function formatExceptionOnly(exc: PyValue): string {
  const t = typeOf(exc);
  let name = t.qualname;
  const mod = t.module;
  if (mod !== "builtins" && mod !== "__main__" && mod !== "") name = `${mod}.${name}`;
  let msg: string;
  try {
    msg = str(exc);
  } catch {
    msg = "<exception str() failed>";
  }
  if (exc instanceof PyBaseException && exc.cls.isSubtypeOf(Exc.SyntaxError)) {
    return formatSyntaxErrorObject(exc, name, msg);
  }
  return msg === "" ? `${name}\n` : `${name}: ${msg}\n`;
}

function formatSyntaxErrorObject(exc: PyBaseException, name: string, msg: string): string {
  const d = exc.dict;
  const filename = d?.getStr("filename");
  const lineno = d?.getStr("lineno");
  const text = d?.getStr("text");
  const m = d?.getStr("msg");
  let out = "";
  if (typeof filename === "string" && typeof lineno === "number") {
    out += `  File "${filename}", line ${lineno}\n`;
    if (typeof text === "string") out += `    ${text.trim()}\n`;
  }
  return out + `${name}: ${typeof m === "string" ? m : msg}\n`;
}

/** Everything CPython prints for an uncaught exception, causes and contexts first. */
export function formatException(exc: PyValue, seen: Set<PyValue> = new Set()): string {
  seen.add(exc);
  let out = "";
  if (exc instanceof PyBaseException) {
    const cause = exc.cause;
    const context = exc.context;
    if (cause !== None && !seen.has(cause)) {
      out += formatException(cause, seen);
      out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (context !== None && !exc.suppressContext && !seen.has(context)) {
      out += formatException(context, seen);
      out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (exc.traceback instanceof PyTraceback) {
      out += "Traceback (most recent call last):\n" + formatTraceback(exc.traceback);
    }
  }
  return out + formatExceptionOnly(exc);
}
