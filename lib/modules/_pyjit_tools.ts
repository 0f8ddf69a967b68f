/**
 * `_pyjit_tools`: what the Python modules `linecache`, `traceback` and `inspect` (lib/python/)
 * need from the VM that CPython's code objects and `ast` give them → a private module.
 *
 * - `running_source(filename)`: the source text of a module whose code is running now (a frame on
 *   the stack has that file name), or None. Programs run in-process (tests, the embedding API)
 *   may have a file name that does not open from the current directory; their source is still
 *   known, as it is to the interpreter's own tracebacks.
 * - `code_source(code)`: the source text a code object was compiled from, or None.
 * - `caret_anchors(segment)`: where the `~~^^~~` markers of a traceback go inside a source segment
 *   (the interpreter's own rule, vm/traceback.ts): `(left, right, primary, secondary)` or None.
 *
 * @example
 * ```ts
 * import { makePyjitToolsModule } from "./_pyjit_tools.ts";
 * const m = makePyjitToolsModule();
 * ```
 * @module
 */
import { None, PyTuple, type PyValue } from "../../objects/object.ts";
import { PyCode } from "../../objects/code.ts";
import { strValueOf } from "../../objects/ops.ts";
import { threadState } from "../../vm/frame.ts";
import { caretAnchors } from "../../vm/traceback.ts";
import { buildModule, expectArgs } from "./_native.ts";

/** The source of the innermost running code compiled from `filename`, or null. */
function runningSource(filename: string): string | null {
  for (let f = threadState.frame; f !== null; f = f.back) {
    if (f.code.filename === filename && f.code.source !== "") return f.code.source;
  }
  return null;
}

/** Builds the `_pyjit_tools` module. */
export function makePyjitToolsModule(): ReturnType<typeof buildModule> {
  return buildModule("_pyjit_tools", "Helpers of pyjit's linecache, traceback and inspect modules.", {
    running_source(args, kwnames) {
      expectArgs("running_source", args, kwnames, 1, 1);
      const name = strValueOf(args[0]);
      if (name === undefined) return None;
      return runningSource(name) ?? None;
    },
    code_source(args, kwnames) {
      expectArgs("code_source", args, kwnames, 1, 1);
      const code = args[0];
      return code instanceof PyCode && code.source !== "" ? code.source : None;
    },
    caret_anchors(args, kwnames) {
      expectArgs("caret_anchors", args, kwnames, 1, 1);
      const segment = strValueOf(args[0]);
      if (segment === undefined) return None;
      const a = caretAnchors(segment);
      if (a === null) return None;
      const items: PyValue[] = [a.left, a.right, a.primary, a.secondary];
      return new PyTuple(items);
    },
  });
}
