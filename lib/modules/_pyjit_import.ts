/**
 * `_pyjit_import`: the import system of vm/ (vm/import.ts and the finder, loader and spec types)
 * → a module for `importlib` (lib/python/importlib/), which is written in Python on top of it.
 *
 * Functions: `find_spec(fullname, path=None)` (ask sys.meta_path), `find_spec_of_name(fullname,
 * shown_name)` (importlib.util.find_spec for an absolute name), `import_module(fullname)` (an
 * absolute import returning the module itself), `module_from_spec(spec)`, `exec_spec(spec,
 * module)` (what reload runs), `invalidate_path_caches()`, `absolute_path(path)`,
 * `decode_source(bytes)`; and the types `ModuleSpec`,
 * `BuiltinImporter`, `FrozenImporter`, `PathFinder`, `FileFinder`, `SourceFileLoader`,
 * `NamespaceLoader`, `StdlibFinder`.
 *
 * @example
 * ```ts
 * import { makePyjitImportModule } from "./_pyjit_import.ts";
 * const m = makePyjitImportModule();
 * ```
 * @module
 */
import {
  bindArgs,
  checkArgs,
  Exc,
  None,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { strValueOf } from "../../objects/ops.ts";
import { execSpec, findSpec, findSpecOfName, importModuleByName } from "../../vm/import.ts";
import { moduleFromSpec, moduleSpecType, namespaceLoaderType } from "../../vm/module_spec.ts";
import { builtinImporterType, frozenImporterType, sourceFileLoaderType } from "../../vm/loaders.ts";
import {
  absolutePath,
  fileFinderType,
  invalidatePathCaches,
  pathFinderType,
  stdlibFinderType,
} from "../../vm/path_finder.ts";
import { decodeSource } from "../../lexer/source_encoding.ts";
import { PySyntaxError } from "../../lexer/syntax_error.ts";
import { syntaxErrorObject } from "../../vm/errors.ts";

function nameArg(fn: string, v: PyValue | undefined): string {
  const s = v === undefined ? undefined : strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `${fn}() argument must be str, not ${typeOf(v ?? None).name}`);
  return s;
}

type Fn = (args: PyValue[], kwnames: string[] | null) => PyValue;

const FUNCTIONS: Record<string, Fn> = {
  find_spec(args, kwnames) {
    const [fullname, path] = bindArgs("find_spec", args, kwnames, ["fullname", "path"], 1);
    return findSpec(nameArg("find_spec", fullname), path ?? None);
  },
  find_spec_of_name(args, kwnames) {
    const [fullname, shown] = bindArgs("find_spec_of_name", args, kwnames, ["fullname", "shown_name"], 1);
    const name = nameArg("find_spec_of_name", fullname);
    return findSpecOfName(name, shown === undefined ? name : nameArg("find_spec_of_name", shown));
  },
  import_module(args, kwnames) {
    checkArgs("import_module", args, kwnames, 1, 1);
    return importModuleByName(nameArg("import_module", args[0]));
  },
  module_from_spec(args, kwnames) {
    checkArgs("module_from_spec", args, kwnames, 1, 1);
    return moduleFromSpec(args[0]);
  },
  exec_spec(args, kwnames) {
    checkArgs("exec_spec", args, kwnames, 2, 2);
    return execSpec(args[0], args[1]);
  },
  absolute_path(args, kwnames) {
    checkArgs("absolute_path", args, kwnames, 1, 1);
    return absolutePath(nameArg("absolute_path", args[0]));
  },
  decode_source(args, kwnames) {
    checkArgs("decode_source", args, kwnames, 1, 1);
    const data = args[0] instanceof PyBytes ? args[0].data : undefined;
    if (data === undefined) {
      raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(args[0]).name}'`);
    }
    let text: string;
    try {
      text = decodeSource(data, "<string>", "compile");
    } catch (e) {
      if (e instanceof PySyntaxError) throw syntaxErrorObject(e);
      throw e;
    }
    return text.replace(/\r\n?/g, "\n");
  },
  invalidate_path_caches(args, kwnames) {
    checkArgs("invalidate_path_caches", args, kwnames, 0, 0);
    invalidatePathCaches();
    return None;
  },
};

/** Builds the `_pyjit_import` module. */
export function makePyjitImportModule(): PyModule {
  const d = new PyDict();
  const m = new PyModule("_pyjit_import", d);
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    d.setStr(name, new PyBuiltinFunction(name, fn, null, "_pyjit_import"));
  }
  const types = {
    ModuleSpec: moduleSpecType,
    BuiltinImporter: builtinImporterType,
    FrozenImporter: frozenImporterType,
    PathFinder: pathFinderType,
    FileFinder: fileFinderType,
    SourceFileLoader: sourceFileLoaderType,
    NamespaceLoader: namespaceLoaderType,
    StdlibFinder: stdlibFinderType,
  };
  for (const [name, t] of Object.entries(types)) d.setStr(name, t);
  return m;
}
