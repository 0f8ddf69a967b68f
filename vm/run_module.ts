/**
 * `pyjit -m NAME`: a module name → what to run as `__main__` (its code, `sys.argv[0]` and the
 * globals CPython's runpy gives it), or the registry's TypeScript tool of that name (`-m dis`), or
 * a RunModuleError carrying CPython's message ("No module named x", "… is a package and cannot be
 * directly executed", "Error while finding module specification for …"). Parent packages are
 * imported on the way, as CPython does; exceptions they raise propagate.
 *
 * @example
 * ```ts
 * import { findModuleToRun } from "./run_module.ts";
 * // after the driver set up sys: const target = findModuleToRun("pkg.tool");
 * ```
 * @module
 */
import type { PyCode } from "../objects/code.ts";
import { Exc, None, PyBaseException, type PyValue, typeOf } from "../objects/object.ts";
import { call, getAttrOrUndefined, isExceptionOf, repr, str } from "../objects/ops.ts";
import { findSpecOfName, importModuleLevel } from "./import.ts";
import { importState } from "./import_state.ts";
import { builtinImporterType } from "./loaders.ts";
import { specField, specParent } from "./module_spec.ts";

/** What `-m NAME` runs. */
export type ModuleToRun =
  | { kind: "tool"; main: (args: string[]) => number }
  | {
    kind: "code";
    code: PyCode;
    /** `sys.argv[0]`: the module's file. */
    argv0: PyValue;
    /** What `__main__`'s namespace gets, in runpy's order. */
    globals: [string, PyValue][];
  };

/** Nothing to run: the message is what the driver prints after "pyjit: ". */
export class RunModuleError extends Error {}

/** The registry's TypeScript `-m` tool called `name`, if any. */
function registryTool(name: string): ModuleToRun | null {
  const def = importState.registry.find(name);
  if (def !== undefined && def.kind === "native" && def.main !== undefined) {
    return { kind: "tool", main: def.main };
  }
  return null;
}

/** What `pyjit -m name` runs (CPython's runpy._get_module_details). */
export function findModuleToRun(name: string): ModuleToRun {
  if (name.startsWith(".")) throw new RunModuleError("Relative module names not supported");
  const dot = name.lastIndexOf(".");
  if (dot >= 0) importParentPackage(name.slice(0, dot));
  let spec: PyValue;
  try {
    spec = findSpecOfName(name);
  } catch (e) {
    if (!(e instanceof PyBaseException) || !isSpecLookupError(e)) throw e;
    let message = `Error while finding module specification for ${repr(name)} (${typeOf(e).name}: ${str(e)})`;
    if (name.endsWith(".py")) {
      message += `. Try using '${name.slice(0, -3)}' instead of '${name}' as the module name.`;
    }
    throw new RunModuleError(message);
  }
  if (spec === None) {
    const tool = registryTool(name);
    if (tool !== null) return tool;
    throw new RunModuleError(`No module named ${name}`);
  }
  if (specField(spec, "submodule_search_locations") !== None) {
    if (name === "__main__" || name.endsWith(".__main__")) {
      throw new RunModuleError("Cannot use package as __main__ module");
    }
    try {
      return findModuleToRun(`${name}.__main__`);
    } catch (e) {
      if (!(e instanceof RunModuleError) || !importState.modules.has(name)) throw e;
      throw new RunModuleError(`${e.message}; ${repr(name)} is a package and cannot be directly executed`);
    }
  }
  const loader = specField(spec, "loader");
  if (loader === None) {
    throw new RunModuleError(`${repr(name)} is a namespace package and cannot be executed`);
  }
  if (loader === builtinImporterType) {
    const tool = registryTool(name);
    if (tool !== null) return tool;
  }
  let code: PyValue;
  try {
    const getCode = getAttrOrUndefined(loader, "get_code");
    code = getCode === undefined ? None : call(getCode, [name]);
  } catch (e) {
    if (isExceptionOf(e, Exc.ImportError)) throw new RunModuleError(str(e as PyValue));
    throw e;
  }
  if (code === None) throw new RunModuleError(`No code object available for ${name}`);
  const origin = specField(spec, "origin");
  return {
    kind: "code",
    code: code as PyCode,
    argv0: origin,
    globals: [
      ["__name__", "__main__"],
      ["__file__", origin],
      ["__cached__", getAttrOrUndefined(spec, "cached") ?? None],
      ["__doc__", None],
      ["__loader__", loader],
      ["__package__", specParent(spec)],
      ["__spec__", spec],
    ],
  };
}

/** Imports the package of `pkg.mod` first; only its own absence is left for the spec search. */
function importParentPackage(pkg: string): void {
  try {
    importModuleLevel(pkg, undefined, None, 0);
  } catch (e) {
    if (!isExceptionOf(e, Exc.ImportError)) throw e;
    const missing = (e as PyBaseException).dict?.getStr("name");
    if (missing === undefined || missing === None) throw e;
    const m = str(missing);
    if (m !== pkg && !pkg.startsWith(m + ".")) throw e;
  }
}

function isSpecLookupError(e: PyBaseException): boolean {
  return [Exc.ImportError, Exc.AttributeError, Exc.TypeError, Exc.ValueError].some((t) =>
    e.cls.isSubtypeOf(t)
  );
}
