/**
 * What CPython's `site` module adds to a fresh builtins namespace (skipped with `-S`): `exit` and
 * `quit` as objects whose repr explains them (`Use quit() or Ctrl-D (i.e. EOF) to exit`) and whose
 * call closes stdin and raises SystemExit, and `help`. In: a builtins dict and the command line's
 * `-S` / `-O`. Out: the dict with those names set (or, with `-S`, removed, as CPython has none of
 * them then); `__debug__` is False under `-O`.
 *
 * @example
 * ```ts
 * import { installSiteBuiltins } from "./site.ts";
 * import { makeBuiltins } from "../lib/builtins.ts";
 * installSiteBuiltins(makeBuiltins(), { noSite: false, optimize: 0 });
 * ```
 * @module
 */
import {
  checkArgs,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  newObject,
  None,
  objectType,
  PyDict,
  type PyType,
  type PyValue,
} from "../objects/object.ts";
import { call, getAttrOrUndefined, strValueOf } from "../objects/ops.ts";
import { writeTo } from "../objects/stdio.ts";
import { currentStdout, getSysModule } from "../lib/modules/sys.ts";
import { helpText } from "./help.ts";

/** `_sitebuiltins.Quitter`: the type of `exit` and `quit`. */
const quitterType: PyType = newBuiltinType("Quitter", objectType, 0);
quitterType.module = "_sitebuiltins";
defMethod(quitterType, "__repr__", (args) => {
  const name = strValueOf(args[0] !== undefined ? getAttrOrUndefined(args[0], "name") ?? "" : "") ?? "";
  return `Use ${name}() or Ctrl-D (i.e. EOF) to exit`;
});
quitterType.tp_call = (_self, args, kwnames) => {
  checkArgs("__call__", args, kwnames, 0, 1);
  // As CPython: stdin is closed first, so that a parent reading from it sees the end.
  try {
    const stdin = getSysModule().dict!.getStr("stdin");
    if (stdin !== undefined && stdin !== None) call(getAttrOrUndefined(stdin, "close") ?? None, []);
  } catch {
    // already closed or not a stream: exit anyway
  }
  throw newException(Exc.SystemExit, args.length === 0 ? [] : [args[0]]);
};

/** `_sitebuiltins._Helper`: the type of `help`. */
const helperType: PyType = newBuiltinType("_Helper", objectType, 0);
helperType.module = "_sitebuiltins";
defMethod(
  helperType,
  "__repr__",
  () => "Type help() for interactive help, or help(object) for help about object.",
);
helperType.tp_call = (_self, args, kwnames) => {
  checkArgs("help", args, kwnames, 0, 1);
  if (args.length === 0) {
    writeTo(
      currentStdout(),
      "pyjit has no interactive help utility: use help(object) for help about object.\n",
    );
    return None;
  }
  writeTo(currentStdout(), helpText(args[0]));
  return None;
};

function quitter(name: string): PyValue {
  const d = new PyDict();
  d.setStr("name", name);
  d.setStr("eof", "Ctrl-D (i.e. EOF)");
  return newObject(quitterType, d);
}

/** The names `site` adds to builtins (CPython has none of them under `-S`). */
const SITE_NAMES = ["exit", "quit", "help", "copyright", "credits", "license"];

/** Adds (or, with `noSite`, removes) site's builtins; `__debug__` follows `-O`. */
export function installSiteBuiltins(builtins: PyDict, options: { noSite: boolean; optimize: number }): void {
  if (options.optimize > 0) builtins.setStr("__debug__", false);
  if (options.noSite) {
    for (const name of SITE_NAMES) builtins.delete(name);
    return;
  }
  builtins.setStr("exit", quitter("exit"));
  builtins.setStr("quit", quitter("quit"));
  builtins.setStr("help", newObject(helperType));
}
