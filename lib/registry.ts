/**
 * The one registry of the modules that ship with pyjit: a module name → how to make it. `import`,
 * `-m` and `sys.builtin_module_names` all read this table (the driver installs it into the import
 * system, vm/import.ts, at start-up).
 *
 * Two kinds, as in CPython:
 * - TypeScript modules (CPython's C modules and accelerators): `native` builds the module object;
 *   `main`, when present, is what `pyjit -m NAME` runs.
 * - Python modules (CPython's pure-Python standard library, written here): their sources live in
 *   `lib/python/` and ship inside the package as `lib/generated/python_modules.js` (`deno task gen`
 *   writes it with a digest of the sources; `deno task check` fails when it is stale).
 *
 * @example
 * ```ts
 * import { findStdlibModule } from "./registry.ts";
 * console.log(findStdlibModule("math")?.kind); // "native"
 * ```
 * @module
 */
import type { PyModule } from "../objects/object.ts";
import type { ModuleDefinition, ModuleRegistry } from "../vm/import_state.ts";
import { makeMathModule } from "./modules/math.ts";
import { makeCmathModule } from "./modules/cmath.ts";
import { makeArrayModule } from "./modules/array.ts";
import { makeTimeModule } from "./modules/time.ts";
import { makeItertoolsModule } from "./modules/itertools.ts";
import { makeCollectionsModule } from "./modules/_collections.ts";
import { makeOperatorModule } from "./modules/operator.ts";
import { makeBisectModule, makeHeapqModule } from "./modules/_heapq.ts";
import { makeFunctoolsModule } from "./modules/_functools.ts";
import { makeAbcModule } from "./modules/_abc.ts";
import { makeDisHelperModule } from "./modules/dis.ts";
import { makeOpcodeHelperModule } from "./modules/opcode.ts";
import { runAstMain } from "./modules/ast.ts";
import { makePyjitImportModule } from "./modules/_pyjit_import.ts";
import { makeIoModule, makeUnderscoreIoModule } from "./modules/io.ts";
import { makeErrnoModule } from "./modules/errno.ts";
import { makeStatModule } from "./modules/stat.ts";
import { makePosixModule } from "./modules/posix.ts";
import { makeFnmatchAccelerator } from "./modules/fnmatch.ts";
import { makeRandomModule } from "./modules/_random.ts";
import { makeDecimalCoreModule } from "./modules/_decimal_core.ts";
import { makePickleCoreModule } from "./modules/_pickle_core.ts";
import { makeDatetimeModule } from "./modules/_datetime.ts";
import { makeSreModule } from "./modules/_sre.ts";
import { makeSubprocessModule } from "./modules/_subprocess.ts";
import { makeThreadModule } from "./modules/_thread.ts";
import { makeJsonModule } from "./modules/_json.ts";
import { makeStructModule } from "./modules/_struct.ts";
import { makeBinasciiModule } from "./modules/binascii.ts";
import { makeHashlibModule } from "./modules/_hashlib.ts";
import { makeBlake2Module } from "./modules/_blake2.ts";
import { makeCsvModule } from "./modules/_csv.ts";
import { makeZlibModule } from "./modules/zlib.ts";
import { makePyjitToolsModule } from "./modules/_pyjit_tools.ts";
import { makeWeakrefModule } from "./modules/_weakref.ts";
import { makeGcModule } from "./modules/gc.ts";
import { makeAtexitModule } from "./modules/atexit.ts";
import { makeSignalModule } from "./modules/signal.ts";
import { makeStringModule } from "./modules/_string.ts";
import { makeUnicodedataModule } from "./modules/unicodedata.ts";
import { makeLocaleModule } from "./modules/_locale.ts";
import { PYTHON_MODULES, PYTHON_MODULES_DIGEST } from "./generated/python_modules.js";
import { inflateShippedText } from "./modules/zlib_inflate.ts";

/** A module written in TypeScript. */
interface NativeModule {
  /** Builds the module object (once per run, on first import); absent for a `-m` tool only. */
  make?: () => PyModule;
  /** `pyjit -m NAME ARGS…`: runs the module as a script and returns the exit status. */
  main?: (args: string[]) => number;
}

/**
 * Every TypeScript module, by name. `sys` and `builtins` are made by the driver for each run (they
 * depend on argv and hold the run's state); they are listed so that their names are known.
 */
const NATIVE_MODULES: Record<string, NativeModule | "made-by-driver"> = {
  builtins: "made-by-driver",
  sys: "made-by-driver",
  math: { make: makeMathModule },
  cmath: { make: makeCmathModule },
  array: { make: makeArrayModule },
  itertools: { make: makeItertoolsModule },
  _collections: { make: makeCollectionsModule },
  operator: { make: () => makeOperatorModule("operator") },
  _operator: { make: () => makeOperatorModule("_operator") },
  _heapq: { make: makeHeapqModule },
  _abc: { make: makeAbcModule },
  _bisect: { make: makeBisectModule },
  _functools: { make: makeFunctoolsModule },
  time: { make: makeTimeModule },
  _dis: { make: makeDisHelperModule },
  _opcode: { make: makeOpcodeHelperModule },
  ast: { main: runAstMain },
  _pyjit_import: { make: makePyjitImportModule },
  io: { make: makeIoModule },
  _io: { make: makeUnderscoreIoModule },
  errno: { make: makeErrnoModule },
  stat: { make: makeStatModule },
  posix: { make: makePosixModule },
  _fnmatch: { make: makeFnmatchAccelerator },
  _random: { make: makeRandomModule },
  _decimal_core: { make: makeDecimalCoreModule },
  _pickle_core: { make: makePickleCoreModule },
  _datetime: { make: makeDatetimeModule },
  _sre: { make: makeSreModule },
  _subprocess: { make: makeSubprocessModule },
  _thread: { make: makeThreadModule },
  _json: { make: makeJsonModule },
  _struct: { make: makeStructModule },
  binascii: { make: makeBinasciiModule },
  _hashlib: { make: makeHashlibModule },
  _blake2: { make: makeBlake2Module },
  _csv: { make: makeCsvModule },
  zlib: { make: makeZlibModule },
  _pyjit_tools: { make: makePyjitToolsModule },
  _weakref: { make: makeWeakrefModule },
  gc: { make: makeGcModule },
  atexit: { make: makeAtexitModule },
  _signal: { make: makeSignalModule },
  _string: { make: makeStringModule },
  unicodedata: { make: makeUnicodedataModule },
  _locale: { make: makeLocaleModule },
};

/**
 * The standard modules CPython 3.11 finds before `sys.path` (its built-in modules, its frozen
 * modules, and those its start-up imports), so that a file of the same name beside the script does
 * not shadow them; every other standard module is found at the standard library's place on
 * sys.path, after the script's directory and PYTHONPATH (a local `random.py` shadows `random`).
 */
const FOUND_BEFORE_SYS_PATH = new Set([
  // sys.builtin_module_names
  ..."_abc _ast _codecs _collections _functools _imp _io _locale _operator _signal _sre _stat".split(" "),
  ..."_string _symtable _thread _tokenize _tracemalloc _warnings _weakref atexit builtins errno".split(" "),
  ..."faulthandler gc itertools marshal posix pwd sys time xxsubtype".split(" "),
  // frozen modules, and the rest of what start-up imports
  ..."_collections_abc _sitebuiltins abc codecs encodings genericpath io ntpath os os.path".split(" "),
  ..."posixpath site stat zipimport".split(" "),
]);

/** The module `name` as the import system loads it, or undefined when pyjit has no such module. */
export function findStdlibModule(name: string): ModuleDefinition | undefined {
  const beforeSysPath = FOUND_BEFORE_SYS_PATH.has(name);
  const native = NATIVE_MODULES[name];
  if (native !== undefined && native !== "made-by-driver") {
    return { kind: "native", name, make: native.make, main: native.main, beforeSysPath };
  }
  const py = PYTHON_MODULES[name];
  if (py !== undefined) {
    return {
      kind: "python",
      name,
      get source() {
        return pythonModuleSource(name);
      },
      sourceId: `${PYTHON_MODULES_DIGEST}:${name}`,
      isPackage: py[0],
      filename: `<frozen ${name}>`,
      beforeSysPath,
    };
  }
  return undefined;
}

/** Sources inflated so far (a run imports a module once, but a process may run many times). */
const inflatedSources = new Map<string, string>();

/** The source text of the shipped Python module `name` (which must exist). */
export function pythonModuleSource(name: string): string {
  let source = inflatedSources.get(name);
  if (source === undefined) {
    source = inflateShippedText(PYTHON_MODULES[name][1], -15, `the shipped source of ${name}`);
    inflatedSources.set(name, source);
  }
  return source;
}

/** The registry as the import system reads it. */
export const STDLIB_REGISTRY: ModuleRegistry = {
  find: findStdlibModule,
  builtinModuleNames: () =>
    Object.entries(NATIVE_MODULES).filter(([, m]) => m === "made-by-driver" || m.make !== undefined).map((
      [name],
    ) => name).sort(),
  allNames: () => [...Object.keys(NATIVE_MODULES), ...Object.keys(PYTHON_MODULES)].sort(),
};
