/**
 * The `sys` module: the program's argv, its `sys.path` (the driver's), the process streams
 * (objects/stdio.ts) and the import system's state (vm/import.ts reads `sys.path`, `sys.modules`,
 * `sys.meta_path`, `sys.path_hooks`, `sys.path_importer_cache` at each import) → a module object.
 * Also struct sequences (`sys.version_info`, `time.struct_time`, …) for the other modules.
 *
 * @example
 * ```ts
 * import { makeSysModule } from "./sys.ts";
 * const sys = makeSysModule(["prog.py"], { path: ["/home/me"] });
 * ```
 * @module
 */
import {
  bindArgs,
  checkArgs,
  defGetSet,
  defMethod,
  Exc,
  frozensetType,
  newBuiltinType,
  newException,
  newObject,
  newSet,
  newTuple,
  None,
  placeCType,
  PyBaseException,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyList,
  PyModule,
  type PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  tupleType,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, intValueOf, isCallable, repr, str, strValueOf, toArray } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { intStrLimit } from "../../objects/types/int_type.ts";
import { threadState } from "../../vm/frame.ts";
import { frameAtDepth } from "../../vm/frame_object.ts";
import { asyncGenHooks } from "../../vm/generator.ts";
import { moduleRegistry } from "../../vm/import.ts";
import { importState, STDLIB_PATH_ENTRY, SYS_PREFIX } from "../../vm/import_state.ts";
import { builtinImporterType, frozenImporterType } from "../../vm/loaders.ts";
import { fileFinderHook, pathFinderType, stdlibFinderType } from "../../vm/path_finder.ts";
import { formatException } from "../../vm/traceback.ts";
import { stderrObject, stdinObject, stdoutObject, textIOWrapperType, writeTo } from "../../objects/stdio.ts";
import { estimateSize } from "./sys_sizeof.ts";

// ---------------------------------------------------------------------------------------------
// Struct sequences (sys.version_info, sys.float_info, time.struct_time, …)

/** How a struct sequence type differs from the plain ones. */
export interface StructSeqOptions {
  /** Named fields after the sequence part: attributes only, not items (time.struct_time's tm_zone). */
  extraFields?: string[];
  /** `Type(sequence)` makes instances (time.struct_time); otherwise the type cannot be called. */
  constructible?: boolean;
}

/** Makes a named-tuple-like type whose repr is `name(field=value, …)` (its sequence fields). */
export function structSeqType(name: string, fields: string[], options: StructSeqOptions = {}): PyType {
  const t = newBuiltinType(name, tupleType, 0);
  const dot = name.lastIndexOf(".");
  if (dot >= 0) {
    t.module = name.slice(0, dot);
    t.name = t.qualname = name.slice(dot + 1);
  }
  fields.forEach((f, i) => defGetSet(t, f, (obj) => (obj as PyTuple).items[i]));
  const extra = options.extraFields ?? [];
  for (const f of extra) defGetSet(t, f, (obj) => (obj as PyTuple).dict?.getStr(f) ?? None);
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${name}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
  t.attrs.set("n_fields", fields.length + extra.length);
  t.attrs.set("n_sequence_fields", fields.length);
  t.attrs.set("n_unnamed_fields", 0);
  t.tp_new = (cls, args, kwnames) => {
    if (!options.constructible) raise(Exc.TypeError, `cannot create '${name}' instances`);
    const [sequence] = bindArgs("structseq", args, kwnames, ["sequence", "dict"], 1);
    const values = toArray(sequence!);
    const [min, max] = [fields.length, fields.length + extra.length];
    if (values.length < min) {
      raise(Exc.TypeError, `${name}() takes an at least ${min}-sequence (${values.length}-sequence given)`);
    }
    if (values.length > max) {
      raise(Exc.TypeError, `${name}() takes an at most ${max}-sequence (${values.length}-sequence given)`);
    }
    const extras: PyValue[] = extra.map((_, i) => values[min + i] ?? None);
    return structSeq(cls, values.slice(0, min), extras, extra);
  };
  installNew(t);
  return t;
}

/** Makes an instance of a struct sequence type (extra fields by name, after the items). */
export function structSeq(
  t: PyType,
  values: PyValue[],
  extraValues: PyValue[] = [],
  extraNames: string[] = [],
): PyTuple {
  const tuple = new PyTuple(values, t);
  if (extraNames.length > 0) {
    tuple.dict = new PyDict();
    extraNames.forEach((n, i) => tuple.dict!.setStr(n, extraValues[i]));
  }
  return tuple;
}

let asyncgenHooksTypeCache: PyType | null = null;
/** `sys.get_asyncgen_hooks()`'s type, `asyncgen_hooks(firstiter, finalizer)`. */
function asyncgenHooksType(): PyType {
  return asyncgenHooksTypeCache ??= structSeqType("asyncgen_hooks", ["firstiter", "finalizer"]);
}

// ---------------------------------------------------------------------------------------------
// The module

/** The Python version we report (CPython 3.11 produced our expected outputs). */
export const PYTHON_VERSION: [number, number, number] = [3, 11, 7];

let sysModule: PyModule | null = null;

/** The sys module of the running program (made by makeSysModule). */
export function getSysModule(): PyModule {
  if (sysModule === null) sysModule = makeSysModule([""]);
  return sysModule;
}

/** Makes `m` the running program's sys module (an embedding runtime switches between its own). */
export function setSysModule(m: PyModule): void {
  sysModule = m;
}

/** sys.stdout as the program sees it now (it may have been replaced). */
export function currentStdout(): PyValue {
  return getSysModule().dict!.getStr("stdout") ?? None;
}

/** sys.stderr as the program sees it now. */
export function currentStderr(): PyValue {
  return getSysModule().dict!.getStr("stderr") ?? None;
}

/** What a run's sys module is made from besides argv. */
export interface SysOptions {
  /** `sys.path`: the script's directory (or ""), PYTHONPATH's entries; the stdlib entry is added. */
  path?: string[];
  /** `sys.orig_argv`: the command line as given (default: "pyjit" and argv). */
  origArgv?: string[];
  /** `sys.flags` fields that differ from the defaults (the command line's `-O`, `-q`, `-I`…). */
  flags?: Record<string, PyValue>;
  /** `sys.warnoptions` (each `-W` option). */
  warnOptions?: string[];
  /** `sys._xoptions` (each `-X` option: its value, or True). */
  xOptions?: [string, PyValue][];
  /** An interactive session: `sys.ps1` and `sys.ps2` exist. */
  interactive?: boolean;
}

type SysFn = (args: PyValue[], kwnames: string[] | null) => PyValue;

/** The functions of sys that do not depend on the run (see makeSysModule for the rest). */
const FUNCTIONS: Record<string, SysFn> = {
  exit(args, kwnames) {
    checkArgs("exit", args, kwnames, 0, 1);
    throw newException(Exc.SystemExit, args.length === 0 ? [] : [args[0]]);
  },
  getrecursionlimit(args, kwnames) {
    checkArgs("getrecursionlimit", args, kwnames, 0, 0);
    return threadState.recursionLimit;
  },
  setrecursionlimit(args, kwnames) {
    checkArgs("setrecursionlimit", args, kwnames, 1, 1);
    if (intValueOf(args[0]) === undefined) raise(Exc.TypeError, "an integer is required");
    const n = asIndex(args[0]);
    if (n < 1) raise(Exc.ValueError, "recursion limit must be greater or equal than 1");
    const limit = Number(n);
    if (limit <= threadState.depth) {
      raise(
        Exc.RecursionError,
        `cannot set the recursion limit to ${limit} at the recursion depth ${threadState.depth}: the limit is too low`,
      );
    }
    threadState.recursionLimit = limit;
    return None;
  },
  getsizeof(args, kwnames) {
    const [obj] = bindArgs("getsizeof", args, kwnames, ["object", "default"], 1);
    return estimateSize(obj!);
  },
  intern(args, kwnames) {
    checkArgs("intern", args, kwnames, 1, 1);
    if (typeof args[0] !== "string") {
      raise(Exc.TypeError, `intern() argument must be str, not ${typeOf(args[0]).name}`);
    }
    return args[0];
  },
  get_asyncgen_hooks(args, kwnames) {
    checkArgs("get_asyncgen_hooks", args, kwnames, 0, 0);
    return structSeq(asyncgenHooksType(), [asyncGenHooks.firstiter, asyncGenHooks.finalizer]);
  },
  set_asyncgen_hooks(args, kwnames) {
    for (const name of kwnames ?? []) {
      if (name !== "firstiter" && name !== "finalizer") {
        raise(Exc.TypeError, `'${name}' is an invalid keyword argument for this function`);
      }
    }
    const [firstiter, finalizer] = bindArgs(
      "set_asyncgen_hooks",
      args,
      kwnames,
      ["firstiter", "finalizer"],
      0,
    );
    for (const [name, hook] of [["finalizer", finalizer], ["firstiter", firstiter]] as const) {
      if (hook !== undefined && hook !== None && !isCallable(hook)) {
        raise(Exc.TypeError, `callable ${name} expected, got ${typeOf(hook).name}`);
      }
    }
    if (firstiter !== undefined) asyncGenHooks.firstiter = firstiter;
    if (finalizer !== undefined) asyncGenHooks.finalizer = finalizer;
    return None;
  },
  getdefaultencoding: () => "utf-8",
  getfilesystemencoding: () => "utf-8",
  getfilesystemencodeerrors: () => "surrogateescape",
  exc_info(args, kwnames) {
    checkArgs("sys.exc_info", args, kwnames, 0, 0);
    const e = threadState.excInfo;
    if (e === None) return newTuple([None, None, None]);
    return newTuple([typeOf(e), e, e instanceof PyBaseException ? e.traceback : None]);
  },
  exception(args, kwnames) {
    checkArgs("sys.exception", args, kwnames, 0, 0);
    return threadState.excInfo;
  },
  _getframe(args, kwnames) {
    checkArgs("_getframe", args, kwnames, 0, 1);
    return frameAtDepth(args.length === 0 ? 0 : Number(asIndex(args[0])));
  },
  getrefcount: () => raise(Exc.NotImplementedError, "sys.getrefcount() is not supported by pyjit"),
  settrace(args, kwnames) {
    checkArgs("settrace", args, kwnames, 1, 1);
    if (args[0] !== None) raise(Exc.NotImplementedError, "sys.settrace() is not supported by pyjit");
    return None;
  },
  setprofile(args, kwnames) {
    checkArgs("setprofile", args, kwnames, 1, 1);
    if (args[0] !== None) raise(Exc.NotImplementedError, "sys.setprofile() is not supported by pyjit");
    return None;
  },
  gettrace: () => None,
  getprofile: () => None,
  displayhook(args, kwnames) {
    checkArgs("displayhook", args, kwnames, 1, 1);
    const value = args[0];
    if (value === None) return None;
    const builtins = importState.builtins;
    builtins.setStr("_", None);
    writeTo(currentStdout(), repr(value) + "\n");
    builtins.setStr("_", value);
    return None;
  },
  excepthook(args, kwnames) {
    checkArgs("excepthook", args, kwnames, 3, 3);
    const exc = args[1];
    if (!(exc instanceof PyBaseException)) {
      raise(Exc.TypeError, `print_exception(): Exception expected for value, ${typeOf(exc).name} found`);
    }
    writeTo(currentStderr(), formatException(exc));
    return None;
  },
  get_int_max_str_digits: () => intStrLimit.maxDigits,
  set_int_max_str_digits(args, kwnames) {
    const [n] = bindArgs("set_int_max_str_digits", args, kwnames, ["maxdigits"], 1);
    const limit = Number(asIndex(n!));
    if (limit !== 0 && limit < MIN_STR_DIGITS_LIMIT) {
      raise(Exc.ValueError, `maxdigits must be 0 or larger than ${MIN_STR_DIGITS_LIMIT}`);
    }
    intStrLimit.maxDigits = limit;
    return None;
  },
  getswitchinterval: () => new PyFloat(switchInterval),
  setswitchinterval(args, kwnames) {
    checkArgs("setswitchinterval", args, kwnames, 1, 1);
    const v = args[0] instanceof PyFloat ? args[0].value : Number(intValueOf(args[0]) ?? NaN);
    if (!(v > 0)) raise(Exc.ValueError, "switch interval must be strictly positive");
    switchInterval = v;
    return None;
  },
  is_finalizing: () => false,
};

/** sys.int_info.str_digits_check_threshold: the smallest limit set_int_max_str_digits accepts. */
const MIN_STR_DIGITS_LIMIT = 640;

/** sys.getswitchinterval() (pyjit runs one thread: it is only remembered). */
let switchInterval = 0.005;

/** The original hooks, for `sys.__displayhook__` / `sys.__excepthook__` and the driver. */
const originalHooks = {
  displayhook: new PyBuiltinFunction("displayhook", FUNCTIONS.displayhook, null, "sys"),
  excepthook: new PyBuiltinFunction("excepthook", FUNCTIONS.excepthook, null, "sys"),
};

/** `sys.__excepthook__`: the driver calls `sys.excepthook` for an uncaught exception only when it differs. */
export function originalExcepthook(): PyValue {
  return originalHooks.excepthook;
}

/** Builds the sys module for a program run with `argv`. */
export function makeSysModule(argv: string[], options: SysOptions = {}): PyModule {
  const d = new PyDict();
  const m = new PyModule("sys", d);
  sysModule = m;
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    d.setStr(
      name,
      name in originalHooks
        ? originalHooks[name as keyof typeof originalHooks]
        : new PyBuiltinFunction(name, f, null, "sys"),
    );
  }
  d.setStr("__displayhook__", originalHooks.displayhook);
  d.setStr("__excepthook__", originalHooks.excepthook);
  d.setStr("argv", new PyList(argv.slice()));
  d.setStr("orig_argv", new PyList(options.origArgv ?? ["pyjit", ...argv]));
  d.setStr("stdin", stdinObject);
  d.setStr("stdout", stdoutObject);
  d.setStr("stderr", stderrObject);
  d.setStr("__stdin__", stdinObject);
  d.setStr("__stdout__", stdoutObject);
  d.setStr("__stderr__", stderrObject);
  d.setStr("maxsize", 9223372036854775807n);
  d.setStr("maxunicode", 1114111);
  d.setStr("byteorder", "little");
  d.setStr("platform", "linux");
  d.setStr("executable", "pyjit");
  d.setStr("_base_executable", "pyjit");
  d.setStr("prefix", SYS_PREFIX);
  d.setStr("exec_prefix", SYS_PREFIX);
  d.setStr("base_prefix", SYS_PREFIX);
  d.setStr("base_exec_prefix", SYS_PREFIX);
  d.setStr("platlibdir", "lib");
  d.setStr("pycache_prefix", None);
  d.setStr("abiflags", "");
  d.setStr("float_repr_style", "short");
  d.setStr("warnoptions", new PyList(options.warnOptions?.slice() ?? []));
  const xOptions = new PyDict();
  for (const [k, v] of options.xOptions ?? []) xOptions.setStr(k, v);
  d.setStr("_xoptions", xOptions);
  if (options.interactive) {
    d.setStr("ps1", ">>> ");
    d.setStr("ps2", "... ");
  }
  // The import system's state (vm/import.ts reads these at each import).
  d.setStr("path", new PyList([...(options.path ?? [""]), STDLIB_PATH_ENTRY]));
  d.setStr("modules", new PyDict());
  d.setStr("meta_path", new PyList([builtinImporterType, frozenImporterType, pathFinderType]));
  d.setStr("path_hooks", new PyList([stdlibFinderType, fileFinderHook]));
  d.setStr("path_importer_cache", new PyDict());
  d.setStr("builtin_module_names", newTuple(moduleRegistry().builtinModuleNames()));
  d.setStr(
    "stdlib_module_names",
    newSet(moduleRegistry().allNames().filter((n) => !n.includes(".")), frozensetType),
  );
  // Read by the compile cache (vm/code_cache.ts) before it writes, as importlib reads it.
  d.setStr("dont_write_bytecode", options.flags?.dont_write_bytecode === 1);
  d.setStr("copyright", "pyjit: a Python runtime for Deno");
  const [maj, min, mic] = PYTHON_VERSION;
  const hexversion = (maj << 24) | (min << 16) | (mic << 8) | 0xf0;
  const versionInfo = structSeq(structSeqType("sys.version_info", VERSION_INFO_FIELDS), [
    maj,
    min,
    mic,
    "final",
    0,
  ]);
  d.setStr("version_info", versionInfo);
  d.setStr("version", `${maj}.${min}.${mic} (pyjit) [Deno ${Deno.version.deno}]`);
  d.setStr("hexversion", hexversion);
  d.setStr("api_version", 1013);
  const implementation = newObject(simpleNamespaceType(), new PyDict());
  implementation.dict!.setStr("name", "pyjit");
  implementation.dict!.setStr("cache_tag", None);
  implementation.dict!.setStr("version", versionInfo);
  implementation.dict!.setStr("hexversion", hexversion);
  d.setStr("implementation", implementation);
  for (const [name, fields, values] of STRUCT_CONSTANTS) {
    const own = name === "flags" && options.flags !== undefined
      ? fields.map((f, i) => options.flags![f] ?? values[i])
      : values;
    d.setStr(name, structSeq(structSeqType(`sys.${name}`, fields), own));
  }
  return m;
}

const VERSION_INFO_FIELDS = ["major", "minor", "micro", "releaselevel", "serial"];

/** sys's constant struct sequences: name, fields, values (CPython 3.11's on x86-64 Linux). */
const STRUCT_CONSTANTS: [string, string[], PyValue[]][] = [
  [
    "float_info",
    "max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds".split(" "),
    [
      new PyFloat(Number.MAX_VALUE),
      1024,
      308,
      new PyFloat(2.2250738585072014e-308),
      -1021,
      -307,
      15,
      53,
      new PyFloat(Number.EPSILON),
      2,
      1,
    ],
  ],
  [
    "int_info",
    ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    [30, 4, 4300, MIN_STR_DIGITS_LIMIT],
  ],
  [
    "hash_info",
    "width modulus inf nan imag algorithm hash_bits seed_bits cutoff".split(" "),
    [64, 2305843009213693951n, 314159, 0, 1000003, "siphash13", 64, 128, 0],
  ],
  ["thread_info", ["name", "lock", "version"], ["pthread", "semaphore", None]],
  [
    "flags",
    [
      ..."debug inspect interactive optimize dont_write_bytecode no_user_site no_site".split(" "),
      ..."ignore_environment verbose bytes_warning quiet hash_randomization isolated dev_mode".split(" "),
      ..."utf8_mode warn_default_encoding safe_path int_max_str_digits".split(" "),
    ],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, false, 0, 0, false, -1],
  ],
];

/**
 * `sys.stdout.reconfigure(*, encoding, errors, newline, line_buffering, write_through)` for the
 * standard streams (pyjit's streams write UTF-8: other encodings are not supported).
 */
function reconfigureStream(args: PyValue[], kwnames: string[] | null): PyValue {
  const npos = args.length - 1 - (kwnames?.length ?? 0);
  if (npos > 0) raise(Exc.TypeError, `reconfigure() takes no positional arguments`);
  const [encoding, errors, newline, lineBuffering, writeThrough] = bindArgs(
    "reconfigure",
    args.slice(1),
    kwnames,
    ["encoding", "errors", "newline", "line_buffering", "write_through"],
    0,
  );
  const stream = args[0] as PyObject;
  const d = stream.dict!;
  if (encoding !== undefined && encoding !== None) {
    const name = strValueOf(encoding);
    if (name === undefined) {
      raise(
        Exc.TypeError,
        `reconfigure() argument 'encoding' must be str or None, not ${typeOf(encoding).name}`,
      );
    }
    const normal = name.toLowerCase().replace(/[-_ ]/g, "");
    if (normal !== "utf8") {
      raise(
        Exc.NotImplementedError,
        `sys.stdout.reconfigure(encoding=${repr(name)}) is not supported by pyjit`,
      );
    }
    d.setStr("encoding", "utf-8");
  }
  if (errors !== undefined && errors !== None) d.setStr("errors", str(errors));
  if (newline !== undefined && newline !== None) d.setStr("newline", newline);
  if (lineBuffering !== undefined && lineBuffering !== None) d.setStr("line_buffering", lineBuffering);
  if (writeThrough !== undefined && writeThrough !== None) d.setStr("write_through", writeThrough);
  return None;
}
if (!textIOWrapperType.attrs.has("reconfigure")) {
  defMethod(textIOWrapperType, "reconfigure", reconfigureStream);
}

let namespaceType: PyType | null = null;
/** `types.SimpleNamespace`: attribute bag with repr `namespace(a=1, …)`. */
export function simpleNamespaceType(): PyType {
  if (namespaceType !== null) return namespaceType;
  const t = newBuiltinType("SimpleNamespace");
  placeCType(t, "types");
  t.hasInstanceDict = true;
  t.tp_new = (cls, args, kwnames) => {
    const o = newObject(cls, new PyDict());
    const npos = args.length - (kwnames?.length ?? 0);
    if (npos > 0) {
      raise(Exc.TypeError, `SimpleNamespace expected at most 0 positional arguments, got ${npos}`);
    }
    kwnames?.forEach((k, i) => o.dict!.setStr(k, args[npos + i]));
    return o;
  };
  defMethod(t, "__repr__", (args) => {
    const o = args[0] as PyObject;
    const parts = o.dict!.keyList().map((k) => `${str(k)}=${repr(o.dict!.get(k)!)}`);
    return `namespace(${parts.join(", ")})`;
  });
  namespaceType = t;
  return t;
}
