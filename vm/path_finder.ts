/**
 * Finding modules on `sys.path`: a module name and a search path (sys.path, or a package's
 * `__path__`) → a module spec, or None. As CPython's PathFinder: each entry of the path gets a
 * finder from `sys.path_importer_cache`, else from the first of `sys.path_hooks` that accepts it
 * (the answer, or None, is cached); a regular module or package wins at once, directories without
 * `__init__.py` are collected as the portions of a namespace package.
 *
 * Two path-entry finders ship:
 * - `FileFinder(dir)`: `dir/NAME/__init__.py` (a package), else `dir/NAME.py`, else `dir/NAME/`
 *   (a namespace portion). As CPython's, it looks names up in the directory's listing, kept while
 *   the directory's modification time stays the same (one stat per lookup instead of a failed stat
 *   per candidate, each a thrown error in Deno); unlike CPython's, a listing taken within a clock
 *   tick of that time is not kept, so files created while the program runs are found without
 *   `importlib.invalidate_caches()`. Directories the program may not read (Deno permissions) are
 *   skipped, never prompted for.
 * - `StdlibFinder(entry)`: the standard library entry of sys.path (STDLIB_PATH_ENTRY) and paths
 *   inside it (a standard package's `__path__`) → the registry's modules.
 *
 * @example
 * ```ts
 * import { pathFinderFindSpec } from "./path_finder.ts";
 * import { None } from "../objects/object.ts";
 * // after the driver set up sys: pathFinderFindSpec("helper", None)
 * ```
 * @module
 */
import {
  bindArgs,
  checkArgs,
  checkMethodArgs,
  defClassMethod,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  None,
  PyBuiltinFunction,
  PyDict,
  PyList,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { call, getAttrOrUndefined, isExceptionOf, repr, strValueOf, toArray } from "../objects/ops.ts";
import { importState, STDLIB_PATH_ENTRY, sysAttr } from "./import_state.ts";
import { dictClass, namespacePathType, newModuleSpec, specField } from "./module_spec.ts";
import { newSourceFileLoader, registrySpec, sourceFileLoaderType } from "./loaders.ts";
import { permissionGranted } from "../objects/permissions.ts";

// ---------------------------------------------------------------------------------------------
// The file system, as the finders need it

function statKind(path: string): "file" | "dir" | null {
  try {
    const s = Deno.statSync(path);
    return s.isDirectory ? "dir" : s.isFile ? "file" : null;
  } catch {
    return null;
  }
}

/** A directory's entry names, the directory's modification time then, and when they were read. */
interface Listing {
  readonly mtime: number;
  readonly listedAt: number;
  readonly names: Set<string>;
}
const listings = new Map<string, Listing>();
const NO_NAMES: Set<string> = new Set();

/**
 * How long after a directory's last change a listing must be taken to be kept (milliseconds): a
 * file system stamps times with a coarse clock (a jiffy, up to 10 ms), and a name added within the
 * tick of a listing would leave the time unchanged.
 */
const SETTLED_MS = 20;

/**
 * The names in `dir` (from its listing, read again when the directory changed; none when it does
 * not exist), or null when it cannot be listed (each candidate is then looked at itself).
 */
function directoryNames(dir: string): Set<string> | null {
  let mtime: number;
  try {
    mtime = Deno.statSync(dir).mtime?.getTime() ?? NaN;
  } catch (e) {
    // A directory that is not there has no names (looked at again next time).
    return e instanceof Deno.errors.NotFound ? NO_NAMES : null;
  }
  if (Number.isNaN(mtime)) return null;
  const known = listings.get(dir);
  if (known !== undefined && known.mtime === mtime && known.listedAt - mtime > SETTLED_MS) return known.names;
  const listedAt = Date.now();
  const names = new Set<string>();
  try {
    for (const entry of Deno.readDirSync(dir)) names.add(entry.name);
  } catch {
    return null;
  }
  listings.set(dir, { mtime, listedAt, names });
  return names;
}

/** The process's current directory, or null when it is gone. */
export function currentDirectory(): string | null {
  try {
    return Deno.cwd();
  } catch {
    return null;
  }
}

/** An absolute form of `path` (relative to the current directory, not normalized, as CPython's). */
export function absolutePath(path: string): string {
  if (path.startsWith("/")) return path;
  const cwd = currentDirectory() ?? "";
  if (path === "" || path === ".") return cwd;
  return `${cwd}/${path}`;
}

function join(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

// ---------------------------------------------------------------------------------------------
// FileFinder

/** `importlib.machinery.FileFinder`. */
export const fileFinderType: PyType = dictClass("FileFinder", "_frozen_importlib_external");

/**
 * A FileFinder for a directory. `loaders`: the (loader class, suffix) pairs it tries, or None for
 * the standard ones (`.py` files with SourceFileLoader, searched without calling Python).
 */
function newFileFinder(path: string, loaders: PyValue = None, cls: PyType = fileFinderType): PyObject {
  const f = new PyObject();
  f.cls = cls;
  f.dict = new PyDict();
  f.dict.setStr("path", absolutePath(path));
  f.dict.setStr("_loaders", loaders);
  return f;
}

/** `FileFinder(path, *loader_details)`'s details, each `(loader, suffixes)`, as (loader, suffix) pairs. */
function loaderPairs(details: PyValue[]): PyList {
  const pairs: PyValue[] = [];
  for (const detail of details) {
    const [loader, suffixes] = toArray(detail);
    for (const suffix of toArray(suffixes)) pairs.push(new PyTuple([loader, suffix]));
  }
  return new PyList(pairs);
}

fileFinderType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "FileFinder() takes no keyword arguments");
  if (args.length < 1) {
    raise(Exc.TypeError, "FileFinder.__init__() missing 1 required positional argument: 'path'");
  }
  const path = strValueOf(args[0]);
  if (path === undefined) raise(Exc.TypeError, `expected str, not ${typeOf(args[0]).name}`);
  return newFileFinder(path, loaderPairs(args.slice(1)), cls);
};
defMethod(fileFinderType, "__init__", () => None);
defMethod(fileFinderType, "__repr__", (args) => `FileFinder(${repr(finderPath(args[0]))})`);
defMethod(fileFinderType, "find_spec", (args, kwnames) => {
  const [fullname] = bindArgs("find_spec", args.slice(1), kwnames, ["fullname", "target"], 1);
  if (typeof fullname !== "string") raise(Exc.TypeError, "fullname must be str");
  return fileFinderFindSpec(args[0] as PyObject, fullname);
});
defMethod(fileFinderType, "invalidate_caches", (args) => {
  listings.delete(finderPath(args[0]));
  return None;
});
defClassMethod(fileFinderType, "path_hook", (args) => {
  const cls = args[0] as PyType;
  const pairs = loaderPairs(args.slice(1));
  return new PyBuiltinFunction(
    "path_hook_for_FileFinder",
    (hookArgs, kwnames) => {
      checkArgs("path_hook_for_FileFinder", hookArgs, kwnames, 1, 1);
      return newFileFinder(directoryForHook(hookArgs[0]), pairs, cls);
    },
    null,
    "_frozen_importlib_external",
  );
});

function finderPath(finder: PyValue): string {
  const p = (finder as PyObject).dict?.getStr("path");
  return typeof p === "string" ? p : "";
}

/** FileFinder.find_spec: the package, module or namespace portion NAME in the finder's directory. */
function fileFinderFindSpec(finder: PyObject, fullname: string): PyValue {
  const dir = finderPath(finder);
  const tail = fullname.slice(fullname.lastIndexOf(".") + 1);
  // Only a name a directory entry can have (CPython looks names up in the directory's listing).
  if (tail === "" || tail.includes("/") || tail.includes("\0")) return None;
  const base = join(dir, tail);
  const loaders = finder.dict!.getStr("_loaders") ?? None;
  const pairs: [PyValue, string][] = loaders === None
    ? [[sourceFileLoaderType, ".py"]]
    : toArray(loaders).map((p) => toArray(p) as [PyValue, string]);
  const makeLoader = (loader: PyValue, path: string) =>
    loader === sourceFileLoaderType ? newSourceFileLoader(fullname, path) : call(loader, [fullname, path]);
  // A name not in the directory's listing is not looked at (a failed stat throws).
  const names = directoryNames(dir);
  let namespacePortion = false;
  if ((names === null || names.has(tail)) && statKind(base) === "dir") {
    for (const [loader, suffix] of pairs) {
      const init = join(base, `__init__${suffix}`);
      if (statKind(init) === "file") {
        return newModuleSpec(fullname, makeLoader(loader, init), {
          origin: init,
          hasLocation: true,
          searchLocations: new PyList([base]),
        });
      }
    }
    namespacePortion = true;
  }
  for (const [loader, suffix] of pairs) {
    const file = base + suffix;
    if ((names === null || names.has(tail + suffix)) && statKind(file) === "file") {
      return newModuleSpec(fullname, makeLoader(loader, file), { origin: file, hasLocation: true });
    }
  }
  if (namespacePortion) return newModuleSpec(fullname, None, { searchLocations: new PyList([base]) });
  return None;
}

/** A path hook's argument as a directory it may search, or the ImportError that declines it. */
function directoryForHook(arg: PyValue): string {
  const path = strValueOf(arg);
  if (path === undefined) raise(Exc.TypeError, `expected str, not ${typeOf(arg).name}`);
  const dir = absolutePath(path);
  if (!permissionGranted({ name: "read", path: dir }) || statKind(dir) !== "dir") {
    const e = newException(Exc.ImportError, ["only directories are supported"]);
    e.dict = new PyDict();
    e.dict.setStr("path", path);
    throw e;
  }
  return path;
}

/** The path hook that makes a FileFinder for a directory (ImportError for anything else). */
export const fileFinderHook: PyBuiltinFunction = new PyBuiltinFunction(
  "path_hook_for_FileFinder",
  (args, kwnames) => {
    checkArgs("path_hook_for_FileFinder", args, kwnames, 1, 1);
    return newFileFinder(directoryForHook(args[0]));
  },
  null,
  "_frozen_importlib_external",
);

// ---------------------------------------------------------------------------------------------
// StdlibFinder: the standard library entry of sys.path → the registry

/**
 * The path hook and finder for pyjit's standard library: `StdlibFinder(path)` accepts
 * STDLIB_PATH_ENTRY and paths under it (as CPython's zipimporter accepts a zip file and the
 * directories inside it).
 */
export const stdlibFinderType: PyType = dictClass("StdlibFinder", "_pyjit_import");

stdlibFinderType.tp_new = (cls, args, kwnames) => {
  checkArgs("StdlibFinder", args, kwnames, 1, 1);
  const path = strValueOf(args[0]);
  if (path === undefined) raise(Exc.TypeError, `expected str, not ${typeOf(args[0]).name}`);
  if (path !== STDLIB_PATH_ENTRY && !path.startsWith(STDLIB_PATH_ENTRY + "/")) {
    const e = newException(Exc.ImportError, ["not pyjit's standard library"]);
    e.dict = new PyDict();
    e.dict.setStr("path", path);
    throw e;
  }
  const f = new PyObject();
  f.cls = cls;
  f.dict = new PyDict();
  f.dict.setStr("path", path);
  // The package this path stands for ("" for the entry itself, "a.b" for ENTRY/a/b).
  f.dict.setStr("prefix", path.slice(STDLIB_PATH_ENTRY.length + 1).replaceAll("/", "."));
  return f;
};
defMethod(stdlibFinderType, "__init__", () => None);
defMethod(stdlibFinderType, "__repr__", (args) => `<StdlibFinder object, path=${repr(finderPath(args[0]))}>`);
defMethod(stdlibFinderType, "find_spec", (args, kwnames) => {
  const [fullname] = bindArgs("find_spec", args.slice(1), kwnames, ["fullname", "target"], 1);
  if (typeof fullname !== "string") raise(Exc.TypeError, "fullname must be str");
  return stdlibFinderFindSpec(args[0] as PyObject, fullname);
});
defMethod(stdlibFinderType, "invalidate_caches", () => None);

/** A registry module whose package is the one this finder's path stands for. */
function stdlibFinderFindSpec(finder: PyObject, fullname: string): PyValue {
  const prefix = finder.dict!.getStr("prefix");
  const dot = fullname.lastIndexOf(".");
  if ((dot < 0 ? "" : fullname.slice(0, dot)) !== prefix) return None;
  return registrySpec(importState.registry.find(fullname));
}

// ---------------------------------------------------------------------------------------------
// PathFinder

/** `importlib.machinery.PathFinder` (a class used as a finder on sys.meta_path). */
export const pathFinderType: PyType = newBuiltinType("PathFinder");
pathFinderType.module = "_frozen_importlib_external";

/** The finder for one path entry: sys.path_importer_cache, else the first path hook that takes it. */
function finderForEntry(entry: string): PyValue {
  let key = entry;
  if (entry === "") {
    const cwd = currentDirectory();
    if (cwd === null) return None;
    key = cwd;
  }
  const cache = sysAttr("path_importer_cache");
  if (cache instanceof PyDict) {
    const hit = cache.getStr(key);
    if (hit !== undefined) return hit;
  }
  let finder: PyValue = None;
  const hooks = sysAttr("path_hooks");
  for (const hook of hooks === undefined || hooks === None ? [] : toArray(hooks)) {
    try {
      finder = call(hook, [key]);
      break;
    } catch (e) {
      if (isExceptionOf(e, Exc.ImportError)) continue;
      throw e;
    }
  }
  if (cache instanceof PyDict) cache.setStr(key, finder);
  return finder;
}

/** finder.find_spec(fullname): directly for the finders that ship, through Python otherwise. */
function entryFinderFindSpec(finder: PyValue, fullname: string): PyValue {
  if (finder instanceof PyObject) {
    if (finder.cls === fileFinderType) return fileFinderFindSpec(finder, fullname);
    if (finder.cls === stdlibFinderType) return stdlibFinderFindSpec(finder, fullname);
  }
  const findSpec = getAttrOrUndefined(finder, "find_spec");
  if (findSpec === undefined) return None;
  return call(findSpec, [fullname]);
}

/** PathFinder.find_spec: `fullname` on `path` (sys.path when None). */
export function pathFinderFindSpec(fullname: string, path: PyValue): PyValue {
  if (path === None) {
    const sysPath = sysAttr("path");
    if (sysPath === undefined) return None;
    path = sysPath;
  }
  const portions: PyValue[] = [];
  for (const entry of toArray(path)) {
    if (typeof entry !== "string") continue;
    const finder = finderForEntry(entry);
    if (finder === None) continue;
    const spec = entryFinderFindSpec(finder, fullname);
    if (spec === None) continue;
    if (specField(spec, "loader") !== None) return spec;
    const found = specField(spec, "submodule_search_locations");
    if (found === None) raise(Exc.ImportError, "spec missing loader");
    portions.push(...toArray(found));
  }
  if (portions.length === 0) return None;
  return newModuleSpec(fullname, None, { searchLocations: new PyList(portions, namespacePathType) });
}

/** PathFinder.invalidate_caches: forgets the entries no finder took, asks the others to refresh. */
export function invalidatePathCaches(): void {
  const cache = sysAttr("path_importer_cache");
  if (!(cache instanceof PyDict)) return;
  for (const key of cache.keyList()) {
    const finder = cache.get(key);
    if (finder === undefined || finder === None) cache.delete(key);
    else {
      const f = getAttrOrUndefined(finder, "invalidate_caches");
      if (f !== undefined) call(f, []);
    }
  }
}

defClassMethod(pathFinderType, "find_spec", (args, kwnames) => {
  const [fullname, path] = bindArgs("find_spec", args.slice(1), kwnames, ["fullname", "path", "target"], 1);
  if (typeof fullname !== "string") raise(Exc.TypeError, "fullname must be str");
  return pathFinderFindSpec(fullname, path ?? None);
});
defClassMethod(pathFinderType, "invalidate_caches", (args) => {
  checkMethodArgs("invalidate_caches", args, null, 0, 0);
  invalidatePathCaches();
  return None;
});
