/**
 * Module specs: what a finder says about a module (name, loader, origin, whether it is a package)
 * → the `ModuleSpec` object Python sees, and a spec → a fresh module with its import-time
 * attributes (`__name__`, `__loader__`, `__package__`, `__spec__`, `__path__`, `__file__`,
 * `__cached__`), in CPython's order. Also the namespace-package pieces: `NamespaceLoader` and
 * `_NamespacePath` (a list with CPython's repr; it does not recompute itself when the parent's path
 * changes).
 *
 * The types carry CPython's module names (`_frozen_importlib.ModuleSpec`, …) so that their reprs
 * read as CPython's.
 *
 * @example
 * ```ts
 * import { newModuleSpec, moduleFromSpec } from "./module_spec.ts";
 * import { None } from "../objects/object.ts";
 * const m = moduleFromSpec(newModuleSpec("demo", None, { origin: "/tmp/demo.py", hasLocation: true }));
 * ```
 * @module
 */
import {
  bindArgs,
  defGetSet,
  defMethod,
  Exc,
  listType,
  newBuiltinType,
  newObject,
  None,
  NotImplemented,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { call, getAttrOrUndefined, isTrue, repr, richEq, setAttr, str } from "../objects/ops.ts";
import { installDict, installNew } from "../objects/types/type.ts";

/** A builtin class whose instances keep their state in an instance dict (so Python can set it). */
export function dictClass(name: string, module: string): PyType {
  const t = newBuiltinType(name);
  t.module = module;
  t.hasInstanceDict = true;
  t.tp_new = (cls) => newObject(cls, new PyDict());
  installNew(t);
  installDict(t);
  return t;
}

// ---------------------------------------------------------------------------------------------
// ModuleSpec

/** `importlib.machinery.ModuleSpec`. */
export const moduleSpecType: PyType = dictClass("ModuleSpec", "_frozen_importlib");

/** What newModuleSpec needs besides the name and the loader. */
export interface SpecOptions {
  origin?: PyValue;
  /** The package's search path (`__path__`); absent for a plain module. */
  searchLocations?: PyValue;
  /** `origin` is a file path (`__file__` is set from it). */
  hasLocation?: boolean;
  loaderState?: PyValue;
}

/** A ModuleSpec instance, its fields in CPython's order. */
export function newModuleSpec(name: string, loader: PyValue, options: SpecOptions = {}): PyObject {
  const d = new PyDict();
  d.setStr("name", name);
  d.setStr("loader", loader);
  d.setStr("origin", options.origin ?? None);
  d.setStr("loader_state", options.loaderState ?? None);
  d.setStr("submodule_search_locations", options.searchLocations ?? None);
  d.setStr("_uninitialized_submodules", new PyList([]));
  d.setStr("_set_fileattr", options.hasLocation ?? false);
  d.setStr("_cached", None);
  return newObject(moduleSpecType, d);
}

defMethod(moduleSpecType, "__init__", (args, kwnames) => {
  const npos = args.length - 1 - (kwnames?.length ?? 0);
  if (npos > 2) {
    raise(Exc.TypeError, `ModuleSpec.__init__() takes 3 positional arguments but ${npos + 1} were given`);
  }
  const [name, loader, origin, loaderState, isPackage] = bindArgs(
    "ModuleSpec",
    args.slice(1),
    kwnames,
    ["name", "loader", "origin", "loader_state", "is_package"],
    2,
  );
  const spec = args[0] as PyObject;
  const d = spec.dict!;
  d.setStr("name", name!);
  d.setStr("loader", loader!);
  d.setStr("origin", origin ?? None);
  d.setStr("loader_state", loaderState ?? None);
  d.setStr(
    "submodule_search_locations",
    isPackage !== undefined && isTrue(isPackage) ? new PyList([]) : None,
  );
  d.setStr("_uninitialized_submodules", new PyList([]));
  d.setStr("_set_fileattr", false);
  d.setStr("_cached", None);
  return None;
});

/** `spec.NAME` (None when missing), for any spec-like object. */
export function specField(spec: PyValue, name: string): PyValue {
  if (spec instanceof PyObject && spec.cls === moduleSpecType) {
    const v = spec.dict!.getStr(name);
    if (v !== undefined) return v;
  }
  return getAttrOrUndefined(spec, name) ?? None;
}

/** `spec.parent`: the package a module belongs to (itself for a package). */
export function specParent(spec: PyValue): string {
  const name = str(specField(spec, "name"));
  if (specField(spec, "submodule_search_locations") !== None) return name;
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(0, dot);
}

defGetSet(moduleSpecType, "parent", (s) => specParent(s));
defGetSet(
  moduleSpecType,
  "has_location",
  (s) => isTrue((s as PyObject).dict!.getStr("_set_fileattr") ?? false),
  (s, v) => (s as PyObject).dict!.setStr("_set_fileattr", v === undefined ? false : isTrue(v)),
);
// pyjit writes no bytecode caches (sys.implementation.cache_tag is None): cached is None unless set.
defGetSet(
  moduleSpecType,
  "cached",
  (s) => (s as PyObject).dict!.getStr("_cached") ?? None,
  (s, v) => (s as PyObject).dict!.setStr("_cached", v ?? None),
);

defMethod(moduleSpecType, "__repr__", (args) => {
  const s = args[0];
  const parts = [`name=${repr(specField(s, "name"))}`, `loader=${repr(specField(s, "loader"))}`];
  const origin = specField(s, "origin");
  if (origin !== None) parts.push(`origin=${repr(origin)}`);
  const locations = specField(s, "submodule_search_locations");
  if (locations !== None) parts.push(`submodule_search_locations=${str(locations)}`);
  return `${typeOf(s).name}(${parts.join(", ")})`;
});

defMethod(moduleSpecType, "__eq__", (args) => {
  const [a, b] = args;
  const fields = ["name", "loader", "origin", "submodule_search_locations", "cached", "has_location"];
  for (const f of fields) {
    const x = getAttrOrUndefined(a, f), y = getAttrOrUndefined(b, f);
    if (x === undefined || y === undefined) return NotImplemented;
    if (!richEq(x, y)) return false;
  }
  return true;
});

/** Whether the module whose spec this is is being executed right now (a circular import). */
export function specIsInitializing(spec: PyValue | undefined): boolean {
  if (spec === undefined || spec === None) return false;
  const v = spec instanceof PyObject && spec.dict !== null
    ? spec.dict.getStr("_initializing")
    : getAttrOrUndefined(spec, "_initializing");
  return v !== undefined && isTrue(v);
}

/** Marks a spec's module as being executed (or done). */
export function setSpecInitializing(spec: PyValue, on: boolean): void {
  if (spec instanceof PyObject && spec.dict !== null) spec.dict.setStr("_initializing", on);
  else setAttr(spec, "_initializing", on);
}

// ---------------------------------------------------------------------------------------------
// Namespace packages

/** `_NamespacePath`: a namespace package's `__path__` (a list here, with CPython's repr). */
export const namespacePathType: PyType = newBuiltinType("_NamespacePath", listType);
namespacePathType.module = "_frozen_importlib_external";
defMethod(namespacePathType, "__repr__", (args) => {
  const items = (args[0] as PyList).items;
  return `_NamespacePath([${items.map((x) => repr(x)).join(", ")}])`;
});

/** `importlib.machinery.NamespaceLoader`: nothing to execute. */
export const namespaceLoaderType: PyType = dictClass("NamespaceLoader", "_frozen_importlib_external");
defMethod(namespaceLoaderType, "__init__", (args, kwnames) => {
  const [name, path] = bindArgs(
    "NamespaceLoader",
    args.slice(1),
    kwnames,
    ["name", "path", "path_finder"],
    3,
  );
  (args[0] as PyObject).dict!.setStr("_name", name!);
  (args[0] as PyObject).dict!.setStr("_path", path!);
  return None;
});
defMethod(namespaceLoaderType, "create_module", () => None);
defMethod(namespaceLoaderType, "exec_module", () => None);
defMethod(namespaceLoaderType, "is_package", () => true);
defMethod(namespaceLoaderType, "get_source", () => "");

/** The loader a namespace package's spec gets when its module is made. */
function newNamespaceLoader(name: PyValue, path: PyValue): PyObject {
  const d = new PyDict();
  d.setStr("_name", name);
  d.setStr("_path", path);
  return newObject(namespaceLoaderType, d);
}

// ---------------------------------------------------------------------------------------------
// Modules from specs

/** A new module's namespace, with the entries CPython's module type starts with. */
export function newModule(name: string): PyModule {
  const d = new PyDict();
  d.setStr("__name__", name);
  d.setStr("__doc__", None);
  d.setStr("__package__", None);
  d.setStr("__loader__", None);
  d.setStr("__spec__", None);
  return new PyModule(name, d);
}

function attrIsNone(module: PyValue, name: string): boolean {
  const v = getAttrOrUndefined(module, name);
  return v === undefined || v === None;
}

/**
 * Sets a module's import-time attributes from its spec (`override`: replace those already set, as
 * reload does). A namespace package's spec gets its NamespaceLoader here.
 */
export function initModuleAttrs(spec: PyValue, module: PyValue, override: boolean): void {
  if (override || attrIsNone(module, "__name__")) setAttr(module, "__name__", specField(spec, "name"));
  if (override || attrIsNone(module, "__loader__")) {
    let loader = specField(spec, "loader");
    const locations = specField(spec, "submodule_search_locations");
    if (loader === None && locations !== None) {
      loader = newNamespaceLoader(specField(spec, "name"), locations);
      setAttr(spec, "loader", loader);
      setAttr(module, "__file__", None);
    }
    setAttr(module, "__loader__", loader);
  }
  if (override || attrIsNone(module, "__package__")) setAttr(module, "__package__", specParent(spec));
  setAttr(module, "__spec__", spec);
  if (override || attrIsNone(module, "__path__")) {
    const locations = specField(spec, "submodule_search_locations");
    if (locations !== None) setAttr(module, "__path__", locations);
  }
  if (isTrue(getAttrOrUndefined(spec, "has_location") ?? false)) {
    if (override || attrIsNone(module, "__file__")) {
      setAttr(module, "__file__", specField(spec, "origin"));
      if (override || attrIsNone(module, "__cached__")) {
        setAttr(module, "__cached__", getAttrOrUndefined(spec, "cached") ?? None);
      }
    }
  }
}

/** `importlib.util.module_from_spec`: the loader's `create_module`, else a new module; attributes set. */
export function moduleFromSpec(spec: PyValue): PyValue {
  const loader = specField(spec, "loader");
  let module: PyValue = None;
  if (loader !== None) {
    const create = getAttrOrUndefined(loader, "create_module");
    if (create !== undefined) module = call(create, [spec]);
    else if (getAttrOrUndefined(loader, "exec_module") !== undefined) {
      raise(Exc.ImportError, "loaders that define exec_module() must also define create_module()");
    }
  }
  if (module === None) module = newModule(str(specField(spec, "name")));
  initModuleAttrs(spec, module, false);
  return module;
}
