/**
 * Frame objects: the VM's frames (vm/frame.ts) → the Python `frame` objects `sys._getframe()`
 * returns (`f_code`, `f_lineno`, `f_globals`, `f_locals`, `f_builtins`, `f_back`, `f_lasti`,
 * `f_trace`).
 *
 * A frame object is a view taken when it is asked for: the code, globals and caller are fixed
 * then (the VM recycles finished frames, so a view must not follow its frame afterwards), the line
 * is read live while the frame still runs the same code. The line of a frame is where it last
 * handed control to a call (a Python function's, or a builtin's: CALL saves the position first).
 *
 * @example
 * ```ts
 * import { frameAtDepth } from "./frame_object.ts";
 * // inside a builtin called from Python: frameAtDepth(0) is the caller's frame object
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import {
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  None,
  objectType,
  PyCell,
  PyDict,
  PyObject,
  type PyType,
  type PyValue,
  raise,
} from "../objects/object.ts";
import { objectId, repr } from "../objects/ops.ts";
import { Frame, FRAME_DONE, threadState } from "./frame.ts";

/** The `frame` type. */
export const frameObjectType: PyType = newBuiltinType("frame", objectType, 0);

/** A Python view of one VM frame. */
/** How many frame objects were made (the JIT keeps frames it made for a call unless one was). */
export const frameObjectCount: { made: number } = { made: 0 };

export class PyFrameObject extends PyObject {
  declare frame: Frame;
  declare code: PyCode;
  declare globals: PyDict;
  declare builtins: PyDict;
  declare back: Frame | null;
  /** The line when the view was made (used once the frame has moved on). */
  declare lineno: number;
  declare ip: number;
  declare trace: PyValue;
  constructor(frame: Frame) {
    super();
    this.cls = frameObjectType;
    this.dict = null;
    this.frame = frame;
    this.code = frame.code;
    this.globals = frame.globals;
    this.builtins = frame.builtins;
    this.back = frame.back;
    this.lineno = lineOf(frame, frame.code);
    this.ip = frame.ip;
    this.trace = None;
    frameObjectCount.made++;
  }

  /** Whether the VM frame still runs this view's code (it was not finished and recycled). */
  get live(): boolean {
    return this.frame.code === this.code && this.frame.state !== FRAME_DONE;
  }
}

/** The frame object `depth` calls below the running frame (`sys._getframe(depth)`). */
export function frameAtDepth(depth: number): PyFrameObject {
  let f = threadState.frame;
  for (let i = 0; i < depth && f !== null; i++) f = f.back;
  if (f === null) raise(Exc.ValueError, "call stack is not deep enough");
  return new PyFrameObject(f);
}

/**
 * The frame of a traceback entry (`tb.tb_frame`): a view of a finished frame made from what the
 * traceback keeps (its code, the instruction that raised, the frame's globals and builtins).
 * Tracebacks do not keep the frame itself, so its locals are not known: `f_locals` is an empty
 * dict and `f_back` is None; `f_code`, `f_globals`, `f_lineno` and `f_lasti` are exact.
 */
export function detachedFrameView(
  code: PyCode,
  lasti: number,
  globals: PyDict,
  builtins: PyDict,
): PyFrameObject {
  const frame = new Frame(code, globals, builtins, null, null);
  frame.ip = lasti + 1;
  frame.state = FRAME_DONE;
  return new PyFrameObject(frame);
}

/** A frame's line: where it last saved its position (its first line before it ever did). */
function lineOf(frame: Frame, code: PyCode): number {
  return frame.ip > 0 ? frame.lineno : code.firstlineno;
}

/** A frame's local variables as a dict (module and class bodies: their namespace itself). */
function frameLocals(fo: PyFrameObject): PyDict {
  const f = fo.frame;
  if (f.locals !== null) return f.locals;
  const d = new PyDict();
  if (!fo.live) return d;
  const names = fo.code.localsplusNames;
  for (let i = 0; i < fo.code.nlocalsplus; i++) {
    let v = f.values[i];
    if (v instanceof PyCell) v = v.value;
    if (v !== undefined && v !== null) d.setStr(names[i], v);
  }
  return d;
}

function view(v: PyValue): PyFrameObject {
  return v as PyFrameObject;
}

defGetSet(frameObjectType, "f_code", (v) => view(v).code);
defGetSet(frameObjectType, "f_globals", (v) => view(v).globals);
defGetSet(frameObjectType, "f_builtins", (v) => view(v).builtins);
defGetSet(frameObjectType, "f_locals", (v) => frameLocals(view(v)));
defGetSet(frameObjectType, "f_back", (v) => {
  const back = view(v).back;
  return back === null ? None : new PyFrameObject(back);
});
defGetSet(frameObjectType, "f_lineno", (v) => {
  const fo = view(v);
  return fo.live ? lineOf(fo.frame, fo.code) : fo.lineno;
});
defGetSet(frameObjectType, "f_lasti", (v) => {
  const fo = view(v);
  const ip = fo.live ? fo.frame.ip : fo.ip;
  return Math.max(0, ip - 1) * 2;
});
defGetSet(frameObjectType, "f_trace", (v) => view(v).trace, (v, value) => {
  view(v).trace = value ?? None;
});
defGetSet(frameObjectType, "f_trace_lines", () => true);
defGetSet(frameObjectType, "f_trace_opcodes", () => false);
defMethod(frameObjectType, "clear", (args) => {
  if (view(args[0]).live) raise(Exc.RuntimeError, "cannot clear an executing frame");
  return None;
});
defMethod(frameObjectType, "__repr__", (args) => {
  const fo = view(args[0]);
  const line = fo.live ? lineOf(fo.frame, fo.code) : fo.lineno;
  return `<frame at 0x${objectId(fo).toString(16)}, file ${
    repr(fo.code.filename)
  }, line ${line}, code ${fo.code.name}>`;
});
