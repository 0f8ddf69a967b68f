/**
 * Loaders: a module spec → the module's code run in its namespace. Three kinds, as CPython's:
 *
 * - `BuiltinImporter` (a class used as both finder and loader, like CPython's): the registry's
 *   TypeScript modules; `create_module` builds the module object, `exec_module` does nothing.
 * - `FrozenImporter`: the registry's Python modules (sources shipped inside pyjit, shown in
 *   tracebacks as `<frozen NAME>`); `exec_module` compiles and runs the shipped source.
 * - `SourceFileLoader(name, path)`: a `.py` file, read and decoded as CPython decodes source
 *   (vm/source_file.ts), compiled with its path as the file name (tracebacks show its lines).
 *
 * The import system calls these directly (no Python-level method lookup) when a spec's loader is
 * one of them; programs can call their methods as CPython's (`spec.loader.exec_module(module)`).
 *
 * @example
 * ```ts
 * import { newSourceFileLoader } from "./loaders.ts";
 * const loader = newSourceFileLoader("helper", "/tmp/helper.py");
 * ```
 * @module
 */
import {
  bindArgs,
  checkMethodArgs,
  defClassMethod,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  None,
  PyBytes,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { call, getAttr, getAttrOrUndefined, repr, str } from "../objects/ops.ts";
import type { PyCode } from "../objects/code.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { decodeSource } from "../lexer/source_encoding.ts";
import { compileModuleCached } from "./code_cache.ts";
import { syntaxErrorObject } from "./errors.ts";
import { runCode } from "./function.ts";
import { importState, type ModuleDefinition, STDLIB_PATH_ENTRY } from "./import_state.ts";
import { dictClass, newModuleSpec, specField } from "./module_spec.ts";

/** The `__path__` of a standard-library package: its place inside the stdlib path entry. */
function stdlibPackagePath(name: string): PyList {
  return new PyList([`${STDLIB_PATH_ENTRY}/${name.replaceAll(".", "/")}`]);
}

/** A finder's spec for a registry module (loader BuiltinImporter or FrozenImporter), or None. */
export function registrySpec(def: ModuleDefinition | undefined): PyValue {
  if (def === undefined) return None;
  if (def.kind === "native") {
    if (def.make === undefined) return None;
    return newModuleSpec(def.name, builtinImporterType, { origin: "built-in" });
  }
  return newModuleSpec(def.name, frozenImporterType, {
    origin: "frozen",
    searchLocations: def.isPackage ? stdlibPackagePath(def.name) : undefined,
  });
}

function nameArg(v: PyValue | undefined, what: string): string {
  if (typeof v !== "string") raise(Exc.TypeError, `${what} must be str, not ${typeOf(v ?? None).name}`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// BuiltinImporter: the registry's TypeScript modules

/** `importlib.machinery.BuiltinImporter` (the class itself is the finder and the loader). */
export const builtinImporterType: PyType = newBuiltinType("BuiltinImporter");
builtinImporterType.module = "_frozen_importlib";

/** BuiltinImporter.find_spec: modules CPython builds into its interpreter. */
export function findBuiltinSpec(fullname: string): PyValue {
  if (importState.runModules.has(fullname)) {
    return newModuleSpec(fullname, builtinImporterType, { origin: "built-in" });
  }
  const def = importState.registry.find(fullname);
  if (def === undefined || def.kind !== "native" || !def.beforeSysPath) return None;
  return registrySpec(def);
}

/** BuiltinImporter.create_module: a fresh module object from the registry (the run's own sys). */
export function createBuiltinModule(spec: PyValue): PyModule {
  const name = str(specField(spec, "name"));
  const own = importState.runModules.get(name);
  if (own !== undefined) return own;
  const def = importState.registry.find(name);
  if (def === undefined || def.kind !== "native" || def.make === undefined) {
    const e = newException(Exc.ImportError, [`${repr(name)} is not a built-in module`]);
    e.dict = new PyDict();
    e.dict.setStr("name", name);
    throw e;
  }
  return def.make();
}

defClassMethod(builtinImporterType, "find_spec", (args, kwnames) => {
  const [fullname] = bindArgs("find_spec", args.slice(1), kwnames, ["fullname", "path", "target"], 1);
  return findBuiltinSpec(nameArg(fullname, "fullname"));
});
defClassMethod(builtinImporterType, "create_module", (args) => {
  checkMethodArgs("create_module", args, null, 1, 1);
  return createBuiltinModule(args[1]);
});
defClassMethod(builtinImporterType, "exec_module", () => None);
defClassMethod(builtinImporterType, "is_package", () => false);
defClassMethod(builtinImporterType, "get_code", () => None);
defClassMethod(builtinImporterType, "get_source", () => None);

// ---------------------------------------------------------------------------------------------
// FrozenImporter: the registry's Python modules

/** `importlib.machinery.FrozenImporter`. */
export const frozenImporterType: PyType = newBuiltinType("FrozenImporter");
frozenImporterType.module = "_frozen_importlib";

/** FrozenImporter.find_spec: Python modules CPython finds before sys.path (frozen ones). */
export function findFrozenSpec(fullname: string): PyValue {
  const def = importState.registry.find(fullname);
  if (def === undefined || def.kind !== "python" || !def.beforeSysPath) return None;
  return registrySpec(def);
}

function frozenDefinition(name: string): ModuleDefinition & { kind: "python" } {
  const def = importState.registry.find(name);
  if (def === undefined || def.kind !== "python") {
    const e = newException(Exc.ImportError, [`No such frozen object named ${repr(name)}`]);
    e.dict = new PyDict();
    e.dict.setStr("name", name);
    throw e;
  }
  return def;
}

/** The compiled code of a registry Python module. */
function frozenCode(name: string): PyCode {
  const def = frozenDefinition(name);
  return compileModuleCached(() => def.source, def.filename, def.sourceId);
}

/** FrozenImporter.exec_module: runs the shipped source in the module's namespace. */
export function execFrozenModule(module: PyValue): void {
  const name = str(specField(getAttr(module, "__spec__"), "name"));
  runInModule(frozenCode(name), module);
}

defClassMethod(frozenImporterType, "find_spec", (args, kwnames) => {
  const [fullname] = bindArgs("find_spec", args.slice(1), kwnames, ["fullname", "path", "target"], 1);
  return findFrozenSpec(nameArg(fullname, "fullname"));
});
defClassMethod(frozenImporterType, "create_module", () => None);
defClassMethod(frozenImporterType, "exec_module", (args) => {
  checkMethodArgs("exec_module", args, null, 1, 1);
  execFrozenModule(args[1]);
  return None;
});
defClassMethod(frozenImporterType, "is_package", (args) => {
  checkMethodArgs("is_package", args, null, 1, 1);
  return frozenDefinition(nameArg(args[1], "fullname")).isPackage;
});
defClassMethod(frozenImporterType, "get_code", (args) => {
  checkMethodArgs("get_code", args, null, 1, 1);
  return frozenCode(nameArg(args[1], "fullname"));
});
defClassMethod(frozenImporterType, "get_source", () => None);

// ---------------------------------------------------------------------------------------------
// SourceFileLoader: .py files

/** `importlib.machinery.SourceFileLoader`. */
export const sourceFileLoaderType: PyType = dictClass("SourceFileLoader", "_frozen_importlib_external");

/** A loader for the source file `path` of module `name`. */
export function newSourceFileLoader(name: string, path: string): PyObject {
  const loader = new PyObject();
  loader.cls = sourceFileLoaderType;
  loader.dict = new PyDict();
  loader.dict.setStr("name", name);
  loader.dict.setStr("path", path);
  return loader;
}

/** The OSError a failed file read becomes, as CPython raises it. */
function osErrorFor(e: unknown, path: string): never {
  if (e instanceof Deno.errors.NotFound) {
    throw call(Exc.FileNotFoundError, [2, "No such file or directory", path]);
  }
  if (e instanceof Deno.errors.PermissionDenied || e instanceof Deno.errors.NotCapable) {
    throw call(Exc.PermissionError, [13, "Permission denied", path]);
  }
  if (e instanceof Deno.errors.IsADirectory) throw call(Exc.IsADirectoryError, [21, "Is a directory", path]);
  throw call(Exc.OSError, [5, e instanceof Error ? e.message : String(e), path]);
}

function readBytes(path: string): Uint8Array {
  try {
    return Deno.readFileSync(path);
  } catch (e) {
    return osErrorFor(e, path);
  }
}

/** The decoded source of a file (PEP 263 / BOM / UTF-8, as importlib's decode_source). */
function readSource(path: string): string {
  const bytes = readBytes(path);
  try {
    return decodeSource(bytes, path, "compile");
  } catch (e) {
    if (e instanceof PySyntaxError) throw syntaxErrorObject(e);
    throw e;
  }
}

/** The loader's `path` attribute (its file). */
function loaderPath(loader: PyValue): string {
  if (loader instanceof PyObject && loader.dict !== null) {
    const p = loader.dict.getStr("path");
    if (typeof p === "string") return p;
  }
  return str(getAttr(loader, "path"));
}

/** Runs code in a module's namespace, with `__builtins__` set as CPython's exec sets it. */
function runInModule(code: PyCode, module: PyValue): void {
  const ns = module instanceof PyModule ? module.dict! : getAttr(module, "__dict__");
  if (!(ns instanceof PyDict)) raise(Exc.TypeError, "exec() globals must be a dict");
  if (ns.getStr("__builtins__") === undefined) ns.setStr("__builtins__", importState.builtins);
  runCode(code, ns, ns, importState.builtins);
}

/** SourceFileLoader.exec_module: reads, compiles and runs the file in the module's namespace. */
export function execSourceModule(loader: PyValue, module: PyValue): void {
  const path = loaderPath(loader);
  runInModule(compileModuleCached(readSource(path), path), module);
}

function checkLoaderName(loader: PyValue, name: PyValue | undefined): void {
  if (name === undefined || name === None) return;
  const own = getAttr(loader, "name");
  if (name !== own) {
    const e = newException(Exc.ImportError, [`loader for ${str(own)} cannot handle ${str(name)}`]);
    e.dict = new PyDict();
    e.dict.setStr("name", name);
    throw e;
  }
}

defMethod(sourceFileLoaderType, "__init__", (args, kwnames) => {
  const [fullname, path] = bindArgs("SourceFileLoader", args.slice(1), kwnames, ["fullname", "path"], 2);
  const d = (args[0] as PyObject).dict!;
  d.setStr("name", fullname!);
  d.setStr("path", path!);
  return None;
});
defMethod(sourceFileLoaderType, "create_module", () => None);
defMethod(sourceFileLoaderType, "exec_module", (args) => {
  checkMethodArgs("exec_module", args, null, 1, 1);
  execSourceModule(args[0], args[1]);
  return None;
});
defMethod(sourceFileLoaderType, "get_filename", (args, kwnames) => {
  const [name] = bindArgs("get_filename", args.slice(1), kwnames, ["name"], 0);
  checkLoaderName(args[0], name);
  return loaderPath(args[0]);
});
defMethod(sourceFileLoaderType, "get_source", (args, kwnames) => {
  const [name] = bindArgs("get_source", args.slice(1), kwnames, ["fullname"], 1);
  checkLoaderName(args[0], name);
  return readSource(loaderPath(args[0]));
});
defMethod(sourceFileLoaderType, "get_code", (args, kwnames) => {
  const [name] = bindArgs("get_code", args.slice(1), kwnames, ["fullname"], 1);
  checkLoaderName(args[0], name);
  const path = loaderPath(args[0]);
  return compileModuleCached(readSource(path), path);
});
defMethod(sourceFileLoaderType, "get_data", (args) => {
  checkMethodArgs("get_data", args, null, 1, 1);
  return new PyBytes(readBytes(str(args[1])));
});
defMethod(sourceFileLoaderType, "is_package", (args) => {
  checkMethodArgs("is_package", args, null, 1, 1);
  const fullname = nameArg(args[1], "fullname");
  const path = loaderPath(args[0]);
  const file = path.slice(path.lastIndexOf("/") + 1);
  const stem = file.includes(".") ? file.slice(0, file.lastIndexOf(".")) : file;
  return stem === "__init__" && fullname.slice(fullname.lastIndexOf(".") + 1) !== "__init__";
});
defMethod(sourceFileLoaderType, "__eq__", (args) => {
  const [a, b] = args;
  if (typeOf(a) !== typeOf(b)) return false;
  return getAttrOrUndefined(a, "name") === getAttrOrUndefined(b, "name") &&
    getAttrOrUndefined(a, "path") === getAttrOrUndefined(b, "path");
});
defMethod(sourceFileLoaderType, "__hash__", (args) => {
  let h = 0;
  for (const c of `${str(getAttr(args[0], "name"))}\0${str(getAttr(args[0], "path"))}`) {
    h = (h * 31 + c.charCodeAt(0)) | 0;
  }
  return h;
});
