/**
 * The import system's state for the running program: the registry of modules that ship with pyjit
 * (lib/registry.ts), `sys.modules`, the `sys` namespace the finders read (`sys.path`,
 * `sys.meta_path`, `sys.path_hooks`, `sys.path_importer_cache`), the builtins that imported modules
 * run with, and the original `builtins.__import__`. The driver connects them at the start of a run;
 * vm/import.ts, vm/loaders.ts and vm/path_finder.ts read them.
 *
 * @example
 * ```ts
 * import { importState } from "./import_state.ts";
 * console.log(importState.modules.size); // modules imported so far
 * ```
 * @module
 */
import { None, PyDict, type PyModule, type PyValue } from "../objects/object.ts";

/** How the registry describes a module that ships with pyjit. */
export type ModuleDefinition =
  | {
    kind: "native";
    name: string;
    /** Builds the module object; absent for a module that is only a `-m` tool. */
    make?: () => PyModule;
    /** What `pyjit -m NAME ARGS…` runs, returning the exit status. */
    main?: (args: string[]) => number;
    /** CPython finds this module before sys.path (built in, frozen or imported at start-up). */
    beforeSysPath: boolean;
  }
  | {
    kind: "python";
    name: string;
    source: string;
    /** Names this version of the source for the compile cache (vm/code_cache.ts): no hashing. */
    sourceId: string;
    /** The name tracebacks show (`<frozen NAME>`). */
    filename: string;
    isPackage: boolean;
    /** CPython finds this module before sys.path (frozen or imported at start-up). */
    beforeSysPath: boolean;
  };

/** The registry the import system reads (lib/registry.ts). */
export interface ModuleRegistry {
  find(name: string): ModuleDefinition | undefined;
  /** `sys.builtin_module_names`: the modules written in TypeScript. */
  builtinModuleNames(): string[];
  /** Every module name the registry knows. */
  allNames(): string[];
}

/** `sys.prefix` (pyjit installs nothing there: it names where the standard library "is"). */
export const SYS_PREFIX = "/usr/local";

/**
 * The `sys.path` entry that stands for pyjit's standard library (the registry), named as CPython
 * names its zipped standard library. A path hook (vm/path_finder.ts) turns it, and paths inside
 * it (the `__path__` of a standard package), into a finder over the registry.
 */
export const STDLIB_PATH_ENTRY = `${SYS_PREFIX}/lib/python311.zip`;

/** The running program's import state. */
export const importState: {
  registry: ModuleRegistry;
  /** `sys.modules` (the dict itself: rebinding `sys.modules` does not change it, as in CPython). */
  modules: PyDict;
  /** The `sys` module's namespace, read for sys.path & co at each import; null before a run. */
  sysDict: PyDict | null;
  /** The run's `sys` and `builtins` modules (what importing them again gives). */
  runModules: Map<string, PyModule>;
  /** The builtins namespace modules run with (their `__builtins__`). */
  builtins: PyDict;
  /** The builtins module's original `__import__` (IMPORT_NAME calls any other directly). */
  originalImport: PyValue;
  /**
   * An embedder's policy on the modules code may import (null: any): called with the absolute
   * name and the `__name__` of the module whose code imports it (null when the host imports).
   */
  importAllowed: ((name: string, importer: string | null) => boolean) | null;
} = {
  registry: { find: () => undefined, builtinModuleNames: () => [], allNames: () => [] },
  modules: new PyDict(),
  sysDict: null,
  runModules: new Map(),
  builtins: new PyDict(),
  originalImport: None,
  importAllowed: null,
};

/** `sys.NAME` as the program has set it, or undefined when deleted (or before a run). */
export function sysAttr(name: string): PyValue | undefined {
  return importState.sysDict?.getStr(name);
}
