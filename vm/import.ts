/**
 * Imports: a module name (IMPORT_NAME, `__import__`, importlib) → a module object, cached in
 * `sys.modules`. CPython 3.11's algorithm:
 *
 * - a relative name (level > 0) is resolved against the importing module's `__package__`, else
 *   `__spec__.parent`, else its `__name__` (and `__path__`);
 * - `sys.modules` is consulted first (None there means "import halted");
 * - a dotted name imports its parent first and searches the parent's `__path__`;
 * - every finder of `sys.meta_path` is asked for a spec (BuiltinImporter and FrozenImporter for the
 *   registry's modules CPython finds before sys.path, then PathFinder for `sys.path`: the script's
 *   directory, PYTHONPATH, then the standard library entry; vm/path_finder.ts);
 * - the spec's loader makes and runs the module, registered in sys.modules first so that a
 *   circular import sees it partially initialized (and removed again if running it raises);
 * - `import a.b.c` gives `a`, with `b` set on `a` and `c` on `a.b`; a fromlist imports the
 *   submodules it names that are not attributes of the package.
 *
 * The finders and loaders that ship are called directly; any other object on sys.meta_path or
 * returned by a path hook is called through Python (`find_spec`, `create_module`, `exec_module`).
 *
 * @example
 * ```ts
 * import { importName } from "./import.ts";
 * // after the driver connected sys: importName("math", None, 0, globals)
 * ```
 * @module
 */
import {
  bindArgs,
  defMethod,
  DELETED,
  Exc,
  newException,
  None,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import {
  call,
  getAttr,
  getAttrOrUndefined,
  isExceptionOf,
  isTrue,
  repr,
  setAttr,
  setItem,
  str,
  strValueOf,
  toArray,
} from "../objects/ops.ts";
import { writeStderr } from "../objects/stdio.ts";
import { threadState } from "./frame.ts";
import { importState, type ModuleRegistry, sysAttr } from "./import_state.ts";
import {
  initModuleAttrs,
  moduleFromSpec,
  namespaceLoaderType,
  newModuleSpec,
  setSpecInitializing,
  specField,
  specIsInitializing,
} from "./module_spec.ts";
import {
  builtinImporterType,
  createBuiltinModule,
  execFrozenModule,
  execSourceModule,
  findBuiltinSpec,
  findFrozenSpec,
  frozenImporterType,
  sourceFileLoaderType,
} from "./loaders.ts";
import { pathFinderFindSpec, pathFinderType } from "./path_finder.ts";

export type { ModuleDefinition, ModuleRegistry } from "./import_state.ts";

/** Installs the registry of shipped modules (the driver does this once per process). */
export function setModuleRegistry(r: ModuleRegistry): void {
  importState.registry = r;
}

/** The installed registry (for `-m` and `sys.builtin_module_names`). */
export function moduleRegistry(): ModuleRegistry {
  return importState.registry;
}

/**
 * Connects a run's `sys` module (its `modules` dict becomes the module cache; `path`,
 * `meta_path`, `path_hooks` and `path_importer_cache` are read from it at each import) and its
 * `builtins` module (the builtins that modules run with, whose `__import__` is the original one).
 */
export function connectImportSystem(sys: PyModule, builtins: PyModule): void {
  const sysDict = sys.dict!;
  const modules = sysDict.getStr("modules");
  importState.modules = modules instanceof PyDict ? modules : new PyDict();
  importState.sysDict = sysDict;
  importState.runModules = new Map([["sys", sys], ["builtins", builtins]]);
  importState.builtins = builtins.dict!;
  importState.originalImport = builtins.dict!.getStr("__import__") ?? None;
}

/** Adds an already-built module (e.g. `__main__`, `sys`) to the cache. */
export function addModule(name: string, module: PyModule): void {
  importState.modules.setStr(name, module);
}

/** Gives a module made outside the import system (`sys`, `builtins`) a built-in module's spec. */
export function setBuiltinModuleSpec(module: PyModule): void {
  initModuleAttrs(newModuleSpec(module.name, builtinImporterType, { origin: "built-in" }), module, false);
}

/** An ImportError (or subclass) with its `name` and `path` attributes. */
function importError(type: typeof Exc.ImportError, message: string, name: PyValue, path: PyValue = None) {
  const e = newException(type, [message]);
  e.dict = new PyDict();
  e.dict.setStr("name", name);
  e.dict.setStr("path", path);
  return e;
}

/** The KeyError of `sys.modules[name]` for a module that is not there (any more). */
function missingKey(name: string): never {
  throw newException(Exc.KeyError, [name]);
}

function moduleNotFound(message: string, name: string): never {
  throw importError(Exc.ModuleNotFoundError, message, name);
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * IMPORT_NAME: `import a.b` gives `a`; with a fromlist, the named module itself. Goes through
 * `builtins.__import__` when the program replaced it, as CPython does.
 */
export function importName(name: string, fromlist: PyValue, level: number, globals: PyDict): PyValue {
  const frame = threadState.frame;
  const builtins = frame !== null ? frame.builtins : importState.builtins;
  const importFunc = builtins.getStr("__import__");
  if (importFunc !== importState.originalImport) {
    if (importFunc === undefined) raise(Exc.ImportError, "__import__ not found");
    return call(importFunc, [name, globals, frame?.locals ?? None, fromlist, level]);
  }
  return importModuleLevel(name, globals, fromlist, level);
}

/**
 * `__import__(name, globals, locals, fromlist, level)` (CPython's PyImport_ImportModuleLevel):
 * `globals` is undefined when not given.
 */
export function importModuleLevel(
  name: PyValue,
  globals: PyValue | undefined,
  fromlist: PyValue,
  level: number,
): PyValue {
  const modName = strValueOf(name);
  if (modName === undefined) raise(Exc.TypeError, "module name must be a string");
  if (level < 0) raise(Exc.ValueError, "level must be >= 0");
  let absName: string;
  if (level > 0) absName = resolveName(modName, globals, level);
  else {
    if (modName === "") raise(Exc.ValueError, "Empty module name");
    absName = modName;
  }
  if (importState.importAllowed !== null) checkImportAllowed(absName);
  let mod = importState.modules.getStr(absName);
  if (mod === undefined || mod === None) mod = findAndLoad(absName);
  if (fromlist === None || !isTrue(fromlist)) {
    if (level > 0 && modName === "") return mod;
    const dot = modName.indexOf(".");
    if (dot < 0) return mod;
    if (level === 0) return importModuleLevel(modName.slice(0, dot), undefined, None, 0);
    const top = absName.slice(0, absName.length - (modName.length - dot));
    const topModule = importState.modules.getStr(top);
    if (topModule === undefined) raise(Exc.KeyError, `${repr(top)} not in sys.modules as expected`);
    return topModule;
  }
  if (getAttrOrUndefined(mod, "__path__") !== undefined) return handleFromlist(mod, fromlist, false);
  return mod;
}

/** `importlib.import_module(name)` once the name is absolute: the module itself. */
export function importModuleByName(name: string): PyValue {
  if (name === "") raise(Exc.ValueError, "Empty module name");
  if (importState.importAllowed !== null) checkImportAllowed(name);
  const cached = importState.modules.getStr(name);
  if (cached !== undefined && cached !== None) return cached;
  return findAndLoad(name);
}

/**
 * `importlib.util.find_spec(name)` once the name is absolute: the spec of a module in sys.modules,
 * else what the finders say (parent packages are imported first); None when nothing finds it.
 */
export function findSpecOfName(fullname: string, shownName: string = fullname): PyValue {
  const modules = importState.modules;
  const module = modules.getStr(fullname);
  if (module === undefined) {
    const dot = fullname.lastIndexOf(".");
    let parentPath: PyValue = None;
    if (dot >= 0) {
      const parentName = fullname.slice(0, dot);
      const parent = importModuleLevel(parentName, undefined, new PyList(["__path__"]), 0);
      const found = getAttrOrUndefined(parent, "__path__");
      if (found === undefined) {
        throw importError(
          Exc.ModuleNotFoundError,
          `__path__ attribute not found on ${repr(parentName)} while trying to find ${repr(fullname)}`,
          fullname,
        );
      }
      parentPath = found;
    }
    return findSpec(fullname, parentPath);
  }
  if (module === None) return None;
  const spec = getAttrOrUndefined(module, "__spec__");
  if (spec === undefined) raise(Exc.ValueError, `${shownName}.__spec__ is not set`);
  if (spec === None) raise(Exc.ValueError, `${shownName}.__spec__ is None`);
  return spec;
}

/** ModuleNotFoundError unless the embedder's policy lets the running code import `name`. */
function checkImportAllowed(name: string): void {
  const importer = threadState.frame?.globals.getStr("__name__");
  if (!importState.importAllowed!(name, typeof importer === "string" ? importer : null)) {
    throw importError(Exc.ModuleNotFoundError, `import of '${name}' is not allowed`, name);
  }
}

// ---------------------------------------------------------------------------------------------
// Relative names

/** The package a relative import starts from (`__package__`, `__spec__.parent` or `__name__`). */
function packageOf(globals: PyDict): string {
  const pkg = globals.getStr("__package__");
  const spec = globals.getStr("__spec__");
  if (pkg !== undefined && pkg !== None) {
    const s = strValueOf(pkg);
    if (s === undefined) raise(Exc.TypeError, "package must be a string");
    return s;
  }
  if (spec !== undefined && spec !== None) {
    const parent = strValueOf(getAttr(spec, "parent"));
    if (parent === undefined) raise(Exc.TypeError, "__spec__.parent must be a string");
    return parent;
  }
  const name = globals.getStr("__name__");
  if (name === undefined) raise(Exc.KeyError, "'__name__' not in globals");
  const s = strValueOf(name);
  if (s === undefined) raise(Exc.TypeError, "__name__ must be a string");
  if (globals.getStr("__path__") !== undefined) return s;
  const dot = s.lastIndexOf(".");
  return dot < 0 ? "" : s.slice(0, dot);
}

/** The absolute name of `from <level dots>name import …` made in a module with `globals`. */
function resolveName(name: string, globals: PyValue | undefined, level: number): string {
  if (globals === undefined) raise(Exc.KeyError, "'__name__' not in globals");
  if (!(globals instanceof PyDict)) raise(Exc.TypeError, "globals must be a dict");
  const pkg = packageOf(globals);
  if (pkg === "") raise(Exc.ImportError, "attempted relative import with no known parent package");
  return resolveInPackage(name, pkg, level);
}

/** `name` relative to `pkg`, `level` dots up (importlib.util.resolve_name's arithmetic). */
function resolveInPackage(name: string, pkg: string, level: number): string {
  let end = pkg.length;
  for (let up = 1; up < level; up++) {
    end = pkg.lastIndexOf(".", end - 1);
    if (end < 0) raise(Exc.ImportError, "attempted relative import beyond top-level package");
  }
  const base = pkg.slice(0, end);
  return name === "" ? base : `${base}.${name}`;
}

// ---------------------------------------------------------------------------------------------
// Finding and loading

/** The module `name`, loaded now unless sys.modules has it (None there halts the import). */
function findAndLoad(name: string): PyValue {
  const existing = importState.modules.getStr(name);
  if (existing === undefined) return findAndLoadUnlocked(name);
  if (existing === None) moduleNotFound(`import of ${name} halted; None in sys.modules`, name);
  return existing;
}

function findAndLoadUnlocked(name: string): PyValue {
  const options = sysAttr("_xoptions");
  if (options instanceof PyDict && options.getStr("importtime") !== undefined) return findAndLoadTimed(name);
  return findAndLoadUntimed(name);
}

/** `-X importtime`: how deep the imports being timed are, and the time their children took. */
const importTiming = { depth: 0, childrenUs: 0, headerWritten: false };

/**
 * Loads `name` and writes its line of `-X importtime` to stderr, as CPython does: the microseconds
 * spent in the module itself, those with the imports it made, and its name indented by depth.
 */
function findAndLoadTimed(name: string): PyValue {
  if (!importTiming.headerWritten) {
    importTiming.headerWritten = true;
    writeStderr("import time: self [us] | cumulative | imported package\n");
  }
  const outerChildren = importTiming.childrenUs;
  importTiming.childrenUs = 0;
  importTiming.depth++;
  const start = performance.now();
  try {
    return findAndLoadUntimed(name);
  } finally {
    const cumulative = Math.round((performance.now() - start) * 1000);
    importTiming.depth--;
    const self = cumulative - importTiming.childrenUs;
    importTiming.childrenUs = outerChildren + cumulative;
    const indent = " ".repeat(importTiming.depth * 2);
    writeStderr(
      `import time: ${String(self).padStart(9)} | ${String(cumulative).padStart(10)} | ${indent}${name}\n`,
    );
  }
}

function findAndLoadUntimed(name: string): PyValue {
  const modules = importState.modules;
  let path: PyValue = None;
  const dot = name.lastIndexOf(".");
  const parent = dot < 0 ? "" : name.slice(0, dot);
  if (parent !== "") {
    if (!modules.has(parent)) findAndLoad(parent);
    const already = modules.getStr(name);
    if (already !== undefined) return already;
    const parentModule = modules.getStr(parent);
    if (parentModule === undefined) missingKey(parent);
    const parentPath = getAttrOrUndefined(parentModule, "__path__");
    if (parentPath === undefined) {
      moduleNotFound(`No module named '${name}'; '${parent}' is not a package`, name);
    }
    path = parentPath;
  }
  const spec = findSpec(name, path);
  if (spec === None) moduleNotFound(`No module named '${name}'`, name);
  const module = loadFromSpec(spec);
  if (parent !== "") {
    const parentModule = modules.getStr(parent);
    if (parentModule === undefined) missingKey(parent);
    try {
      setAttr(parentModule, name.slice(dot + 1), module);
    } catch (e) {
      if (!isExceptionOf(e, Exc.AttributeError)) throw e;
    }
  }
  return module;
}

/** Asks each finder of sys.meta_path for `name`'s spec (`path`: the parent package's __path__). */
export function findSpec(name: string, path: PyValue): PyValue {
  const metaPath = sysAttr("meta_path");
  if (metaPath === undefined || metaPath === None) {
    raise(Exc.ImportError, "sys.meta_path is None, Python is likely shutting down");
  }
  const isReload = importState.modules.has(name);
  for (const finder of toArray(metaPath)) {
    let spec: PyValue;
    if (finder === builtinImporterType) spec = findBuiltinSpec(name);
    else if (finder === frozenImporterType) spec = findFrozenSpec(name);
    else if (finder === pathFinderType) spec = pathFinderFindSpec(name, path);
    else {
      const findSpecMethod = getAttrOrUndefined(finder, "find_spec");
      if (findSpecMethod === undefined) continue;
      spec = call(findSpecMethod, [name, path, None]);
    }
    if (spec === None) continue;
    // Finding may have imported the module (a finder importing it): keep that module's spec.
    if (!isReload) {
      const module = importState.modules.getStr(name);
      if (module !== undefined) {
        const own = getAttrOrUndefined(module, "__spec__");
        return own === undefined || own === None ? spec : own;
      }
    }
    return spec;
  }
  return None;
}

/** Makes the module for a spec: the shipped loaders directly, any other through module_from_spec. */
function createModule(spec: PyValue): PyValue {
  const loader = specField(spec, "loader");
  if (loader === builtinImporterType) {
    const module = createBuiltinModule(spec);
    initModuleAttrs(spec, module, false);
    return module;
  }
  return moduleFromSpec(spec);
}

/** Runs a module's code with its spec's loader. */
export function execModule(loader: PyValue, module: PyValue): void {
  if (loader instanceof PyObject) {
    const cls = loader.cls;
    if (cls === sourceFileLoaderType) return execSourceModule(loader, module);
    if (loader === frozenImporterType) return execFrozenModule(module);
    if (loader === builtinImporterType || cls === namespaceLoaderType) return;
  }
  call(getAttr(loader, "exec_module"), [module]);
}

/**
 * Loads a module from its spec: the module is in sys.modules while its code runs (and removed if
 * that raises); the result is what sys.modules holds afterwards (a module may replace itself).
 */
function loadFromSpec(spec: PyValue): PyValue {
  const name = strValueOf(specField(spec, "name")) ?? "";
  const modules = importState.modules;
  const declaredLoader = specField(spec, "loader");
  if (declaredLoader !== None && getAttrOrUndefined(declaredLoader, "exec_module") === undefined) {
    return loadWithLegacyLoader(spec, declaredLoader, name);
  }
  const module = createModule(spec);
  setSpecInitializing(spec, true);
  try {
    modules.setStr(name, module);
    try {
      const loader = specField(spec, "loader");
      if (loader === None) {
        if (specField(spec, "submodule_search_locations") === None) {
          throw importError(Exc.ImportError, "missing loader", name);
        }
      } else execModule(loader, module);
    } catch (e) {
      modules.delete(name);
      throw e;
    }
    // Move the module to the end of sys.modules, as CPython does.
    const loaded = modules.getStr(name);
    if (loaded === undefined) missingKey(name);
    modules.delete(name);
    modules.setStr(name, loaded);
    return loaded;
  } finally {
    setSpecInitializing(spec, false);
  }
}

/** A loader with only the old `load_module(name)` (it puts the module in sys.modules itself). */
function loadWithLegacyLoader(spec: PyValue, loader: PyValue, name: string): PyValue {
  const loadModule = getAttrOrUndefined(loader, "load_module");
  if (loadModule === undefined) {
    throw importError(Exc.ImportError, `${repr(loader)} has no exec_module() or load_module()`, name);
  }
  call(loadModule, [name]);
  const module = importState.modules.getStr(name);
  if (module === undefined) missingKey(name);
  const setIfMissing = (attr: string, value: () => PyValue) => {
    const v = getAttrOrUndefined(module, attr);
    if (v === undefined || v === None) {
      try {
        setAttr(module, attr, value());
      } catch (e) {
        if (!isExceptionOf(e, Exc.AttributeError)) throw e;
      }
    }
  };
  setIfMissing("__loader__", () => loader);
  setIfMissing("__package__", () => {
    if (getAttrOrUndefined(module, "__path__") !== undefined) return name;
    return name.slice(0, Math.max(0, name.lastIndexOf(".")));
  });
  setIfMissing("__spec__", () => spec);
  return module;
}

/**
 * Re-runs a module's code from a (freshly found) spec in the module's own namespace, its import
 * attributes replaced from the spec: what `importlib.reload` does once it has the spec.
 */
export function execSpec(spec: PyValue, module: PyValue): PyValue {
  const name = strValueOf(specField(spec, "name")) ?? "";
  const modules = importState.modules;
  if (modules.getStr(name) !== module) {
    throw importError(Exc.ImportError, `module ${repr(name)} not in sys.modules`, name);
  }
  try {
    const loader = specField(spec, "loader");
    if (loader === None && specField(spec, "submodule_search_locations") === None) {
      throw importError(Exc.ImportError, "missing loader", name);
    }
    initModuleAttrs(spec, module, true);
    const finalLoader = specField(spec, "loader");
    if (finalLoader !== None) {
      if (getAttrOrUndefined(finalLoader, "exec_module") === undefined) {
        call(getAttr(finalLoader, "load_module"), [name]);
      } else execModule(finalLoader, module);
    }
  } finally {
    const current = modules.getStr(name);
    if (current !== undefined) {
      modules.delete(name);
      modules.setStr(name, current);
    }
  }
  return modules.getStr(name) ?? missingKey(name);
}

/**
 * The old `loader.load_module(name)` of SourceFileLoader (deprecated in CPython, still used): loads
 * the loader's file as module `name`, or runs it again in the module sys.modules has by that name.
 */
function sourceLoaderLoadModule(args: PyValue[], kwnames: string[] | null): PyValue {
  const [fullname] = bindArgs("load_module", args.slice(1), kwnames, ["fullname"], 0);
  const loader = args[0];
  const own = getAttr(loader, "name");
  const name = strValueOf(fullname === undefined || fullname === None ? own : fullname) ?? "";
  if (name !== own) throw importError(Exc.ImportError, `loader for ${str(own)} cannot handle ${name}`, name);
  const path = str(getAttr(loader, "path"));
  const isPackage = isTrue(call(getAttr(loader, "is_package"), [name]));
  const spec = newModuleSpec(name, loader, {
    origin: path,
    hasLocation: true,
    searchLocations: isPackage ? new PyList([path.slice(0, path.lastIndexOf("/"))]) : undefined,
  });
  const existing = importState.modules.getStr(name);
  return existing !== undefined ? execSpec(spec, existing) : loadFromSpec(spec);
}
defMethod(sourceFileLoaderType, "load_module", sourceLoaderLoadModule);

// ---------------------------------------------------------------------------------------------
// from-imports

/** A fromlist: imports `package.x` for each name x that is not an attribute of the package yet. */
function handleFromlist(module: PyValue, fromlist: PyValue, recursive: boolean): PyValue {
  for (const item of toArray(fromlist)) {
    const x = strValueOf(item);
    if (x === undefined) {
      const where = recursive ? `${strValueOf(getAttr(module, "__name__"))}.__all__` : "``from list''";
      raise(Exc.TypeError, `Item in ${where} must be str, not ${typeOf(item).name}`);
    }
    if (x === "*") {
      const all = recursive ? undefined : getAttrOrUndefined(module, "__all__");
      if (all !== undefined) handleFromlist(module, all, true);
    } else if (getAttrOrUndefined(module, x) === undefined) {
      const fromName = `${strValueOf(getAttr(module, "__name__"))}.${x}`;
      try {
        importModuleLevel(fromName, undefined, None, 0);
      } catch (e) {
        if (
          isExceptionOf(e, Exc.ModuleNotFoundError) &&
          (e as PyObject).dict?.getStr("name") === fromName && importState.modules.getStr(fromName) !== None
        ) continue;
        throw e;
      }
    }
  }
  return module;
}

/** IMPORT_FROM: `from m import name` (a submodule in sys.modules counts, as in CPython). */
export function importFrom(module: PyValue, name: string): PyValue {
  const v = getAttrOrUndefined(module, name);
  if (v !== undefined) return v;
  const pkgName = strValueOf(getAttrOrUndefined(module, "__name__") ?? None);
  if (pkgName !== undefined) {
    const sub = importState.modules.getStr(`${pkgName}.${name}`);
    if (sub !== undefined) return sub;
  }
  const shownName = repr(pkgName ?? "<unknown module name>");
  const file = module instanceof PyModule ? module.dict!.getStr("__file__") : undefined;
  const path = file === undefined ? undefined : strValueOf(file);
  if (path === undefined) {
    throw importError(
      Exc.ImportError,
      `cannot import name ${repr(name)} from ${shownName} (unknown location)`,
      pkgName ?? None,
    );
  }
  const partial = specIsInitializing(getAttrOrUndefined(module, "__spec__"));
  const message = partial
    ? `cannot import name ${repr(name)} from partially initialized module ${shownName} ` +
      `(most likely due to a circular import) (${path})`
    : `cannot import name ${repr(name)} from ${shownName} (${path})`;
  throw importError(Exc.ImportError, message, pkgName ?? None, path);
}

/** IMPORT_STAR: `from m import *` into `namespace` (`__all__`, else the public names). */
export function importStar(module: PyValue, namespace: PyValue): void {
  let names = getAttrOrUndefined(module, "__all__");
  let publicOnly = false;
  if (names === undefined) {
    const dict = getAttrOrUndefined(module, "__dict__");
    if (dict === undefined) raise(Exc.ImportError, "from-import-* object has no __dict__ and no __all__");
    names = dict instanceof PyDict
      ? new PyList(dict.keys.filter((k) => k !== DELETED))
      : call(getAttr(dict, "keys"), []);
    publicOnly = true;
  }
  for (const item of toArray(names)) {
    const n = strValueOf(item);
    if (n === undefined) {
      const modName = strValueOf(getAttr(module, "__name__"));
      if (modName === undefined) {
        raise(
          Exc.TypeError,
          `module __name__ must be a string, not ${typeOf(getAttr(module, "__name__")).name}`,
        );
      }
      raise(
        Exc.TypeError,
        publicOnly
          ? `Key in ${modName}.__dict__ must be str, not ${typeOf(item).name}`
          : `Item in ${modName}.__all__ must be str, not ${typeOf(item).name}`,
      );
    }
    if (publicOnly && n.startsWith("_")) continue;
    const value = getAttr(module, n);
    if (namespace instanceof PyDict) namespace.setStr(n, value);
    else setItem(namespace, n, value);
  }
}
