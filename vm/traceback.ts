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
import { codeType, lineRangesOf, positionsOf, type PyCode } from "../objects/code.ts";
import {
  defGetSet,
  Exc,
  newBuiltinType,
  None,
  objectType,
  PyBaseException,
  type PyDict,
  PyMethodDescriptor,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { getIter, str } from "../objects/ops.ts";
import { detachedFrameView } from "./frame_object.ts";
import { nameSuggestionSuffix, suggestionSuffix } from "./suggestions.ts";
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";

/** The `traceback` type. */
export const tracebackType: PyType = newBuiltinType("traceback", objectType, 0);

/**
 * One traceback entry: a frame's code, the line it was executing, and the frame's globals and
 * builtins (the frame itself is not kept; a NameError's "Did you mean" searches these).
 */
export class PyTraceback extends PyObject {
  declare next: PyValue;
  declare code: PyCode;
  declare lasti: number;
  declare lineno: number;
  declare globals: PyDict;
  declare builtins: PyDict;
  /** `tb_frame`, made when first asked for (frame_object.ts detachedFrameView). */
  declare frameView: PyValue | null;
  constructor(next: PyValue, code: PyCode, lasti: number, globals: PyDict, builtins: PyDict) {
    super();
    this.cls = tracebackType;
    this.dict = null;
    this.next = next;
    this.code = code;
    this.lasti = lasti;
    this.lineno = code.lineAt(lasti);
    this.globals = globals;
    this.builtins = builtins;
    this.frameView = null;
  }
}

defGetSet(tracebackType, "tb_next", (t) => (t as PyTraceback).next, (t, value) => {
  if (value === undefined) raise(Exc.TypeError, "can't delete tb_next attribute");
  if (value !== None && !(value instanceof PyTraceback)) {
    raise(Exc.TypeError, `expected traceback object, got '${typeOf(value).name}'`);
  }
  for (let c: PyValue = value; c instanceof PyTraceback; c = c.next) {
    if (c === t) raise(Exc.ValueError, "traceback loop detected");
  }
  (t as PyTraceback).next = value;
});
defGetSet(tracebackType, "tb_lineno", (t) => (t as PyTraceback).lineno);
defGetSet(tracebackType, "tb_lasti", (t) => (t as PyTraceback).lasti * 2);
defGetSet(tracebackType, "tb_frame", (v) => {
  const t = v as PyTraceback;
  return t.frameView ??= detachedFrameView(t.code, t.lasti, t.globals, t.builtins);
});

// code.co_positions() and code.co_lines(): iterators over what objects/code.ts computes (the
// traceback and inspect modules read them).
{
  const t = codeType();
  const method = (name: string, items: (code: PyCode) => PyValue[]) =>
    t.attrs.set(
      name,
      new PyMethodDescriptor(name, t, (args) => getIter(new PyTuple(items(args[0] as PyCode)))),
    );
  method("co_positions", positionsOf);
  method("co_lines", lineRangesOf);
}

/** Source lines per source text, split once. */
const linesCache = new WeakMap<PyCode, string[]>();
const sourceLines = new Map<string, string[]>();

/** The raw source line `lineno` of `code` (indentation kept), or null. */
function rawLineOf(code: PyCode, lineno: number): string | null {
  if (lineOf(code, lineno) === null) return null;
  const lines = linesCache.get(code)!;
  return lines[lineno - 1] ?? null;
}

function lineOf(code: PyCode, lineno: number): string | null {
  // Like linecache, no source for pseudo-files such as <string> (python -c) or <stdin>.
  if (code.filename.startsWith("<")) return null;
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

/** sys.tracebacklimit's default. */
const TRACEBACK_LIMIT = 1000;

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
  // Like CPython's PyTraceBack_Print, show at most the innermost TRACEBACK_LIMIT entries.
  let depth = 0;
  for (let t = tb; t instanceof PyTraceback; t = t.next) depth++;
  let skip = depth - TRACEBACK_LIMIT;
  for (let t = tb; t instanceof PyTraceback; t = t.next) {
    if (skip-- > 0) continue;
    const code = t.code;
    let entry = `  File "${code.filename}", line ${t.lineno}, in ${code.name}\n`;
    const src = lineOf(code, t.lineno);
    if (src !== null) entry += `    ${src}\n` + caretLine(code, t);
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

/** Code points of `s` up to UTF-8 byte offset `bytes` (CPython's _byte_offset_to_character_offset). */
function charOffset(s: string, bytes: number): number {
  const encoded = new TextEncoder().encode(s);
  return [...new TextDecoder().decode(encoded.subarray(0, Math.max(0, bytes)))].length;
}

/** Where the `~~^~~` of a binary operator or subscript goes inside `segment` (code points). */
export function caretAnchors(
  segment: string,
): { left: number; right: number; primary: string; secondary: string } | null {
  let tree: ast.mod;
  try {
    tree = parse(segment, "<segment>", "exec") as ast.mod;
  } catch {
    return null;
  }
  if (tree._type !== "Module" || tree.body.length !== 1 || tree.body[0]._type !== "Expr") return null;
  const e = tree.body[0].value;
  const chars = [...segment];
  const normalize = (offset: number) => charOffset(segment, offset);
  const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  if (e._type === "BinOp") {
    const opStart = normalize(e.left.end_col_offset);
    const opEnd = normalize(e.right.col_offset);
    const opStr = chars.slice(opStart, opEnd).join("");
    const opOffset = opStr.length - opStr.trimStart().length;
    let left = e.left.end_col_offset + opOffset;
    let right = left + 1;
    if (opOffset + 1 < opStr.length && !isSpace(opStr[opOffset + 1])) right++;
    while (left < chars.length && (isSpace(chars[left]) || chars[left] === ")" || chars[left] === "#")) {
      left++;
      right++;
    }
    return { left: normalize(left), right: normalize(right), primary: "~", secondary: "^" };
  }
  if (e._type === "Subscript") {
    let left = normalize(e.value.end_col_offset);
    let right = normalize(e.slice.end_col_offset + 1);
    while (left < chars.length && (isSpace(chars[left]) || chars[left] !== "[")) left++;
    while (right < chars.length && (isSpace(chars[right]) || chars[right] !== "]")) right++;
    if (right < chars.length) right++;
    return { left, right, primary: "~", secondary: "^" };
  }
  return null;
}

/**
 * CPython 3.11's marker line under a traceback entry's source line (`^^^^` under the failing
 * call, `~~^~~` for an operator), or "" when the span covers the whole line or is unknown.
 */
function caretLine(code: PyCode, t: PyTraceback): string {
  const p = t.lasti * 3;
  const col = code.positions[p], endLine = code.positions[p + 1], endCol = code.positions[p + 2];
  if (col < 0 || endCol < 0) return "";
  const raw = rawLineOf(code, t.lineno);
  if (raw === null) return "";
  const line = [...raw];
  const stripped = raw.trim();
  const strippedLen = [...stripped].length;
  const strippedChars = line.length + 1 - strippedLen; // CPython counts the newline too
  const start = charOffset(raw, col);
  let end = charOffset(raw, endCol);
  let anchors = null;
  if (t.lineno === endLine) anchors = caretAnchors(line.slice(start, end).join(""));
  else end = [...raw.trimEnd()].length;
  if (!(end - start < strippedLen || (anchors !== null && anchors.right - anchors.left > 0))) return "";
  let out = "    " + " ".repeat(Math.max(0, start + 1 - strippedChars));
  if (anchors !== null) {
    out += anchors.primary.repeat(anchors.left);
    out += anchors.secondary.repeat(anchors.right - anchors.left);
    out += anchors.primary.repeat(Math.max(0, end - start - anchors.right));
  } else out += "^".repeat(end - start);
  return out + "\n";
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

/** CPython's TracebackException._format_syntax_error: location, the line, carets, message. */
function formatSyntaxErrorObject(exc: PyBaseException, name: string, msg: string): string {
  const d = exc.dict;
  const filename = d?.getStr("filename");
  const lineno = d?.getStr("lineno");
  const text = d?.getStr("text");
  const m = d?.getStr("msg");
  const offset = d?.getStr("offset");
  const endOffsetValue = d?.getStr("end_offset");
  let out = "";
  let suffix = "";
  if (typeof lineno === "number") {
    out += `  File "${typeof filename === "string" ? filename : "<string>"}", line ${lineno}\n`;
  } else if (typeof filename === "string") suffix = ` (${filename})`;
  if (typeof text === "string") {
    const rtext = text.replace(/\n+$/, "");
    const ltext = rtext.replace(/^[ \n\f]+/, "");
    const spaces = [...rtext].length - [...ltext].length;
    out += `    ${ltext}\n`;
    if (typeof offset === "number") {
      let endOffset = typeof endOffsetValue === "number" && endOffsetValue !== 0 ? endOffsetValue : offset;
      if (offset === endOffset || endOffset === -1) endOffset = offset + 1;
      const col = offset - 1 - spaces;
      const endCol = endOffset - 1 - spaces;
      if (col >= 0) {
        const caretSpace = [...ltext].slice(0, col).map((c) => (/\s/.test(c) ? c : " ")).join("");
        out += `    ${caretSpace}${"^".repeat(Math.max(0, endCol - col))}\n`;
      }
    }
  }
  return out + `${name}: ${typeof m === "string" ? m : msg}${suffix}\n`;
}

/** The last entry of a traceback: the frame where the exception was raised. */
function innermostEntry(tb: PyTraceback): PyTraceback {
  while (tb.next instanceof PyTraceback) tb = tb.next;
  return tb;
}

/** The exception's last line with the "Did you mean" of an AttributeError or a NameError (vm/suggestions.ts). */
function withSuggestion(line: string, exc: PyValue): string {
  let suffix = suggestionSuffix(exc);
  if (suffix === "" && exc instanceof PyBaseException && exc.traceback instanceof PyTraceback) {
    const entry = innermostEntry(exc.traceback);
    suffix = nameSuggestionSuffix(exc, [
      () => entry.code.varnames,
      () => entry.globals.keyList(),
      () => entry.builtins.keyList(),
    ]);
  }
  return suffix === "" ? line : line.replace(/\n$/, "") + suffix + "\n";
}

/** Where nested exception-group output is (CPython's traceback._ExceptionPrintContext). */
interface PrintContext {
  seen: Set<PyValue>;
  groupDepth: number;
  needClose: boolean;
}

const MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10;

function indentOf(ctx: PrintContext): string {
  return " ".repeat(2 * ctx.groupDepth);
}

/** Indents every line of `text` by the context's margin. */
function emit(ctx: PrintContext, text: string, margin = "|"): string {
  let prefix = indentOf(ctx);
  if (ctx.groupDepth) prefix += margin + " ";
  if (prefix === "") return text;
  return text.split("\n").map((line, i, all) => (i === all.length - 1 && line === "" ? "" : prefix + line))
    .join(
      "\n",
    );
}

/** The sub-exceptions of an exception group, or null for other exceptions. */
function groupMembers(exc: PyValue): PyValue[] | null {
  if (!(exc instanceof PyBaseException) || !exc.cls.isSubtypeOf(Exc.BaseExceptionGroup)) return null;
  const v = exc.value;
  if (v instanceof PyObject && "items" in v) return (v as unknown as { items: PyValue[] }).items;
  return null;
}

/** Everything CPython prints for an uncaught exception, causes and contexts first. */
export function formatException(exc: PyValue): string {
  return formatChain(exc, { seen: new Set(), groupDepth: 0, needClose: false });
}

function formatChain(exc: PyValue, ctx: PrintContext): string {
  // The chain, outermost last: [message introducing it, exception].
  const chain: [string | null, PyValue][] = [];
  let cur: PyValue = exc;
  let msg: string | null = null;
  for (;;) {
    chain.push([msg, cur]);
    ctx.seen.add(cur);
    if (!(cur instanceof PyBaseException)) break;
    const cause = cur.cause, context = cur.context;
    if (cause !== None && !ctx.seen.has(cause)) {
      msg = "\nThe above exception was the direct cause of the following exception:\n\n";
      cur = cause;
    } else if (context !== None && !cur.suppressContext && !ctx.seen.has(context)) {
      msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
      cur = context;
    } else break;
  }
  let out = "";
  for (let i = chain.length - 1; i >= 0; i--) {
    const [introduced, e] = chain[i];
    // The message introduces the exception printed after it.
    if (i < chain.length - 1 && chain[i + 1][0] !== null) out += emit(ctx, chain[i + 1][0]!);
    void introduced;
    out += formatOne(e, ctx);
  }
  return out;
}

function formatOne(exc: PyValue, ctx: PrintContext): string {
  const tb = exc instanceof PyBaseException ? exc.traceback : None;
  const members = groupMembers(exc);
  if (members === null) {
    let out = "";
    if (tb instanceof PyTraceback) {
      out += emit(ctx, "Traceback (most recent call last):\n" + formatTraceback(tb));
    }
    return out + emit(ctx, withSuggestion(formatExceptionOnly(exc), exc));
  }
  if (ctx.groupDepth > MAX_GROUP_DEPTH) return emit(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
  const topLevel = ctx.groupDepth === 0;
  if (topLevel) ctx.groupDepth++;
  let out = "";
  if (tb instanceof PyTraceback) {
    out += emit(ctx, "Exception Group Traceback (most recent call last):\n", topLevel ? "+" : "|");
    out += emit(ctx, formatTraceback(tb));
  }
  out += emit(ctx, formatExceptionOnly(exc));
  const n = members.length <= MAX_GROUP_WIDTH ? members.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? "..." : String(i + 1);
    out += indentOf(ctx) + (i === 0 ? "+-" : "  ") + `+---------------- ${title} ----------------\n`;
    ctx.groupDepth++;
    if (!truncated) out += formatChain(members[i], ctx);
    else {
      const remaining = members.length - MAX_GROUP_WIDTH;
      out += emit(ctx, `and ${remaining} more exception${remaining > 1 ? "s" : ""}\n`);
    }
    if (last && ctx.needClose) {
      out += indentOf(ctx) + "+------------------------------------\n";
      ctx.needClose = false;
    }
    ctx.groupDepth--;
  }
  if (topLevel) ctx.groupDepth = 0;
  return out;
}
