/**
 * The `sys` module: the program's argv and the process streams (objects/stdio.ts) → a module
 * object.
 *
 * @example
 * ```ts
 * import { makeSysModule } from "./sys.ts";
 * const sys = makeSysModule(["prog.py"]);
 * ```
 * @module
 */
import {
  checkArgs,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  newObject,
  newTuple,
  None,
  PyBuiltinFunction,
  PyDict,
  PyFloat,
  PyGetSetDescriptor,
  PyList,
  PyModule,
  type PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, intValueOf, repr, str } from "../../objects/ops.ts";
import { threadState } from "../../vm/frame.ts";
import { moduleRegistry } from "../../vm/import.ts";
import { stderrObject, stdinObject, stdoutObject } from "../../objects/stdio.ts";

// ---------------------------------------------------------------------------------------------
// Struct sequences (sys.version_info, sys.float_info, …)

/** Makes a named-tuple-like type whose repr is `name(field=value, …)`. */
export function structSeqType(name: string, fields: string[]): PyType {
  const t = newBuiltinType(name, typeOf(newTuple([1])), 0);
  const dot = name.lastIndexOf(".");
  if (dot >= 0) {
    t.module = name.slice(0, dot);
    t.name = t.qualname = name.slice(dot + 1);
  }
  fields.forEach((f, i) => {
    t.attrs.set(f, new PyGetSetDescriptor(f, t, (obj) => (obj as PyTuple).items[i]));
  });
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${name}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
  t.attrs.set("n_fields", fields.length);
  t.attrs.set("n_sequence_fields", fields.length);
  return t;
}

/** Makes an instance of a struct sequence type. */
export function structSeq(t: PyType, values: PyValue[]): PyTuple {
  return new PyTuple(values, t);
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

/** sys.stdout as the program sees it now (it may have been replaced). */
export function currentStdout(): PyValue {
  return getSysModule().dict!.getStr("stdout") ?? None;
}

/** sys.stderr as the program sees it now. */
export function currentStderr(): PyValue {
  return getSysModule().dict!.getStr("stderr") ?? None;
}

/** Builds the sys module for a program run with `argv`. */
export function makeSysModule(argv: string[]): PyModule {
  const d = new PyDict();
  const m = new PyModule("sys", d);
  sysModule = m;
  const fn = (name: string, f: (args: PyValue[], kwnames: string[] | null) => PyValue) =>
    d.setStr(name, new PyBuiltinFunction(name, f, null, "sys"));
  d.setStr("argv", new PyList(argv.slice()));
  d.setStr("orig_argv", new PyList(["pyjit", ...argv]));
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
  d.setStr("prefix", "/usr/local");
  d.setStr("exec_prefix", "/usr/local");
  d.setStr("path", new PyList([""]));
  d.setStr("modules", new PyDict());
  d.setStr("builtin_module_names", newTuple(moduleRegistry().builtinModuleNames()));
  d.setStr("dont_write_bytecode", true);
  d.setStr("copyright", "pyjit: a Python runtime for Deno");
  const [maj, min, mic] = PYTHON_VERSION;
  const versionInfoType = structSeqType("sys.version_info", [
    "major",
    "minor",
    "micro",
    "releaselevel",
    "serial",
  ]);
  versionInfoType.name = versionInfoType.qualname = "version_info";
  const versionInfo = structSeq(versionInfoType, [maj, min, mic, "final", 0]);
  fixStructRepr(versionInfoType, "sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"]);
  d.setStr("version_info", versionInfo);
  d.setStr("version", `${maj}.${min}.${mic} (pyjit) [Deno ${Deno.version.deno}]`);
  d.setStr("hexversion", (maj << 24) | (min << 16) | (mic << 8) | 0xf0);
  d.setStr("api_version", 1013);
  const implementation = newObject(simpleNamespaceType(), new PyDict());
  implementation.dict!.setStr("name", "pyjit");
  implementation.dict!.setStr("cache_tag", None);
  implementation.dict!.setStr("version", versionInfo);
  implementation.dict!.setStr("hexversion", (maj << 24) | (min << 16) | (mic << 8) | 0xf0);
  d.setStr("implementation", implementation);
  const floatInfoFields = [
    "max",
    "max_exp",
    "max_10_exp",
    "min",
    "min_exp",
    "min_10_exp",
    "dig",
    "mant_dig",
    "epsilon",
    "radix",
    "rounds",
  ];
  const floatInfoType = structSeqType("sys.float_info", floatInfoFields);
  d.setStr(
    "float_info",
    structSeq(floatInfoType, [
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
    ]),
  );
  const intInfoFields = [
    "bits_per_digit",
    "sizeof_digit",
    "default_max_str_digits",
    "str_digits_check_threshold",
  ];
  d.setStr("int_info", structSeq(structSeqType("sys.int_info", intInfoFields), [30, 4, 4300, 640]));
  const hashInfoFields = [
    "width",
    "modulus",
    "inf",
    "nan",
    "imag",
    "algorithm",
    "hash_bits",
    "seed_bits",
    "cutoff",
  ];
  d.setStr(
    "hash_info",
    structSeq(structSeqType("sys.hash_info", hashInfoFields), [
      64,
      2305843009213693951,
      314159,
      0,
      1000003,
      "siphash13",
      64,
      128,
      0,
    ]),
  );
  fn("exit", (args) => {
    checkArgs("exit", args, null, 0, 1);
    throw newException(Exc.SystemExit, args.length === 0 ? [] : [args[0]]);
  });
  fn("getrecursionlimit", (args) => {
    checkArgs("getrecursionlimit", args, null, 0, 0);
    return threadState.recursionLimit;
  });
  fn("setrecursionlimit", (args) => {
    checkArgs("setrecursionlimit", args, null, 1, 1);
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
  });
  fn("getsizeof", () => raise(Exc.NotImplementedError, "sys.getsizeof is not supported by pyjit"));
  fn("intern", (args) => {
    checkArgs("intern", args, null, 1, 1);
    if (typeof args[0] !== "string") {
      raise(Exc.TypeError, `intern() argument must be str, not ${typeOf(args[0]).name}`);
    }
    return args[0];
  });
  fn("getdefaultencoding", () => "utf-8");
  fn("getfilesystemencoding", () => "utf-8");
  fn("exc_info", () => {
    const e = threadState.excInfo;
    if (e === None) return newTuple([None, None, None]);
    return newTuple([typeOf(e), e, (e as { traceback?: PyValue }).traceback ?? None]);
  });
  fn("exception", () => threadState.excInfo);
  fn("_getframe", () => raise(Exc.NotImplementedError, "sys._getframe is not supported by pyjit"));
  fn("getrefcount", (args) => {
    checkArgs("getrefcount", args, null, 1, 1);
    return 2;
  });
  d.setStr("flags", makeFlags());
  return m;
}

function fixStructRepr(t: PyType, name: string, fields: string[]): void {
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${name}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
}

function makeFlags(): PyTuple {
  const names = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
  ];
  const values: PyValue[] = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, false, 0, 0, false, -1];
  return structSeq(structSeqType("sys.flags", names), values);
}

let namespaceType: PyType | null = null;
/** `types.SimpleNamespace`: attribute bag with repr `namespace(a=1, …)`. */
export function simpleNamespaceType(): PyType {
  if (namespaceType !== null) return namespaceType;
  const t = newBuiltinType("SimpleNamespace");
  t.module = "types";
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
