/**
 * Imports: a module name (IMPORT_NAME, `__import__`) → a module object, cached in `sys.modules`.
 * Modules come from the registry of the modules that ship with pyjit (lib/registry.ts, installed
 * by the driver with `setModuleRegistry`): TypeScript modules are built by their `make`, Python
 * modules are compiled from their shipped source and executed in a fresh module namespace.
 *
 * @example
 * ```ts
 * import { importName } from "./import.ts";
 * // after setModuleRegistry(STDLIB_REGISTRY): importName("math", None, 0, globals)
 * ```
 * @module
 */
import {
  DELETED,
  Exc,
  newException,
  None,
  PyDict,
  PyList,
  PyModule,
  PyTuple,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { getAttr, getAttrOrUndefined, setItem, toArray } from "../objects/ops.ts";
import { runCode } from "./function.ts";
import { compileSource } from "./compile_source.ts";

/** How the registry describes a module that ships with pyjit. */
export type ModuleDefinition =
  | {
    kind: "native";
    name: string;
    /** Builds the module object; absent for a module that is only a `-m` tool. */
    make?: () => PyModule;
    /** What `pyjit -m NAME ARGS…` runs, returning the exit status. */
    main?: (args: string[]) => number;
  }
  | {
    kind: "python";
    name: string;
    source: string;
    /** The name tracebacks show (`<frozen NAME>`). */
    filename: string;
    isPackage: boolean;
  };

/** The registry the import system reads (lib/registry.ts). */
export interface ModuleRegistry {
  find(name: string): ModuleDefinition | undefined;
  /** `sys.builtin_module_names`: the modules written in TypeScript. */
  builtinModuleNames(): string[];
  /** Every module name the registry knows. */
  allNames(): string[];
}

let registry: ModuleRegistry = {
  find: () => undefined,
  builtinModuleNames: () => [],
  allNames: () => [],
};
/** Modules imported so far (shared with `sys.modules` once the driver connects it). */
let modules: PyDict = new PyDict();
/** The builtins dict that modules executed by the import system run with. */
let interpreterBuiltins: PyDict = new PyDict();

/** Installs the registry of shipped modules (the driver does this once per process). */
export function setModuleRegistry(r: ModuleRegistry): void {
  registry = r;
}

/** The installed registry (for `-m` and `sys.builtin_module_names`). */
export function moduleRegistry(): ModuleRegistry {
  return registry;
}

/** Uses `dict` (sys.modules) as the module cache and `builtins` for modules run from source. */
export function setModulesDict(dict: PyDict, builtins: PyDict): void {
  for (const k of modules.keyList()) if (!dict.has(k)) dict.set(k, modules.get(k)!);
  modules = dict;
  interpreterBuiltins = builtins;
}

/** Adds an already-built module (e.g. `__main__`, `sys`) to the cache. */
export function addModule(name: string, module: PyModule): void {
  modules.setStr(name, module);
}

function moduleNotFound(name: string): never {
  const e = newException(Exc.ModuleNotFoundError, [`No module named '${name}'`]);
  e.dict = new PyDict();
  e.dict.setStr("name", name);
  throw e;
}

function loadModule(name: string): PyValue {
  const cached = modules.getStr(name);
  if (cached !== undefined && cached !== None) return cached;
  const def = registry.find(name);
  if (def === undefined) moduleNotFound(name);
  if (def.kind === "native") {
    if (def.make === undefined) moduleNotFound(name);
    const m = def.make();
    modules.setStr(name, m);
    return m;
  }
  return execPythonModule(def.name, def.source, def.filename, def.isPackage);
}

/**
 * Runs a Python module's source in a new module registered in sys.modules first (so that a circular
 * import sees the partly initialized module), removed again if running it raises.
 */
function execPythonModule(name: string, source: string, filename: string, isPackage: boolean): PyModule {
  const m = new PyModule(name);
  const g = m.dict!;
  const dot = name.lastIndexOf(".");
  g.setStr("__package__", isPackage ? name : dot >= 0 ? name.slice(0, dot) : "");
  g.setStr("__loader__", None);
  g.setStr("__spec__", None);
  if (isPackage) g.setStr("__path__", new PyList([]));
  g.setStr("__builtins__", interpreterBuiltins);
  modules.setStr(name, m);
  try {
    const code = compileSource(source, filename, "exec");
    runCode(code, g, g, interpreterBuiltins);
  } catch (e) {
    modules.delete(name);
    throw e;
  }
  return modules.getStr(name) as PyModule;
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
    const parent: PyValue = m;
    current = current === "" ? part : `${current}.${part}`;
    m = loadModule(current);
    if (top === null) top = m;
    // `import a.b` binds b as an attribute of a, as CPython's import does.
    else if (parent instanceof PyModule && parent.dict!.getStr(part) !== m) parent.dict!.setStr(part, m);
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
