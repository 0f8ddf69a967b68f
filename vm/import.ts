/**
 * Imports: a module name (IMPORT_NAME, `__import__`) → a module object from the registry of
 * built-in modules (`sys`, `math`, `time`, `dis`, …), created on first import and cached in
 * `sys.modules`. There are no file-system imports.
 *
 * @example
 * ```ts
 * import { registerBuiltinModule, importName } from "./import.ts";
 * // registerBuiltinModule("math", () => makeMathModule());
 * ```
 * @module
 */
import {
  DELETED,
  Exc,
  newException,
  None,
  PyDict,
  PyModule,
  PyTuple,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { getAttr, getAttrOrUndefined, setItem, toArray } from "../objects/ops.ts";

const factories = new Map<string, () => PyModule>();
/** Modules imported so far (shared with `sys.modules` once run.ts connects it). */
let modules: PyDict = new PyDict();

/** Makes `name` importable; `make` runs on first import. */
export function registerBuiltinModule(name: string, make: () => PyModule): void {
  factories.set(name, make);
}

/** Uses `dict` (sys.modules) as the module cache. */
export function setModulesDict(dict: PyDict): void {
  for (const k of modules.keyList()) if (!dict.has(k)) dict.set(k, modules.get(k)!);
  modules = dict;
}

/** Adds an already-built module (e.g. `__main__`, `sys`) to the cache. */
export function addModule(name: string, module: PyModule): void {
  modules.setStr(name, module);
}

/** The names of the built-in modules (sys.builtin_module_names). */
export function builtinModuleNames(): string[] {
  return [...factories.keys()].sort();
}

function loadModule(name: string): PyValue {
  const cached = modules.getStr(name);
  if (cached !== undefined && cached !== None) return cached;
  const make = factories.get(name);
  if (make === undefined) {
    const e = newException(Exc.ModuleNotFoundError, [`No module named '${name}'`]);
    e.dict = new PyDict();
    e.dict.setStr("name", name);
    throw e;
  }
  const m = make();
  modules.setStr(name, m);
  return m;
}

/** IMPORT_NAME: `import a.b` gives `a`; with a fromlist, the named module itself. */
export function importName(name: string, fromlist: PyValue, level: number, _globals: PyDict): PyValue {
  if (level > 0) raise(Exc.ImportError, "attempted relative import with no known parent package");
  if (name === "") raise(Exc.ValueError, "Empty module name");
  const parts = name.split(".");
  let top: PyValue | null = null;
  let current = "";
  let m: PyValue = None;
  for (const part of parts) {
    current = current === "" ? part : `${current}.${part}`;
    m = loadModule(current);
    if (top === null) top = m;
  }
  const hasFromlist = fromlist !== None && !(fromlist instanceof PyTuple && fromlist.items.length === 0);
  return hasFromlist ? m : top!;
}

/** IMPORT_FROM: `from m import name`. */
export function importFrom(module: PyValue, name: string): PyValue {
  const v = getAttrOrUndefined(module, name);
  if (v !== undefined) return v;
  const modName = module instanceof PyModule ? module.name : typeOf(module).name;
  const e = newException(Exc.ImportError, [
    `cannot import name '${name}' from '${modName}' (unknown location)`,
  ]);
  throw e;
}

/** `from m import *` into `namespace`. */
export function importStar(module: PyValue, namespace: PyDict): void {
  const all = getAttrOrUndefined(module, "__all__");
  let names: PyValue[];
  if (all !== undefined) names = toArray(all);
  else {
    const d = module instanceof PyModule ? module.dict : null;
    if (d === null) raise(Exc.ImportError, "from-import-* object has no __dict__ and no __all__");
    names = d.keys.filter((k) => k !== DELETED && typeof k === "string" && !k.startsWith("_"));
  }
  for (const n of names) {
    if (typeof n !== "string") raise(Exc.TypeError, "Item in __all__ must be str");
    setItem(namespace, n, getAttr(module, n));
  }
}
