/**
 * The bridge between Python values and JavaScript values, for embedding (driver/runtime.ts).
 * In: values crossing the boundary either way. Out: converted values, or proxies.
 *
 * Conversion (deep, cycles kept), as Pyodide's with `toJs()` / `to_py()` applied at the boundary:
 *
 * | JavaScript                                   | Python                               |
 * | -------------------------------------------- | ------------------------------------ |
 * | `undefined`, `null`                          | `None` (None → `undefined`)          |
 * | `boolean`                                    | `bool`                               |
 * | `number` (a safe integer) / other `number`   | `int` / `float` (float → number)     |
 * | `bigint`                                     | `int` (beyond 2⁵³ → `bigint`)        |
 * | `string`                                     | `str`                                |
 * | `Uint8Array`, `ArrayBuffer`                  | `bytes` (bytes, bytearray → `Uint8Array`) |
 * | `Array`                                      | `list` (list, tuple → `Array`)       |
 * | `Map`, a plain object holding no functions   | `dict` (dict → `Map`, or an object)  |
 * | `Set`                                        | `set` (set, frozenset → `Set`)       |
 * | a promise                                    | an awaitable `JsProxy`               |
 * | anything else (functions, class instances, namespaces such as `Math`) | a `JsProxy` |
 * | a `PyProxy` of this runtime                  | the Python object itself             |
 *
 * A Python coroutine becomes a Promise (driven as runPythonAsync drives one); any other Python
 * object becomes a PyProxy: a callable JavaScript Proxy whose properties are the object's
 * attributes (`proxy.attr`, `proxy.method(1)`), with `callKwargs`, `toJs`, `get`/`set`/`has`/
 * `delete` (items), `type`, `toString` (str), `repr` and iteration.
 *
 * A JsProxy (Python type `pyjit.ffi.JsProxy`) gives Python a JavaScript object: attributes are
 * properties (a function read from an object is bound to it; a keyword takes a trailing `_`:
 * `obj.class_`), calls pass keyword arguments as a trailing object, items go through `Map`,
 * arrays' indices or a `get` method, `len`, `in` and iteration work, `await` works on promises,
 * `new(...)` constructs, `typeof` tells JavaScript's type and `to_py()` converts.
 *
 * Errors: a Python exception reaching JavaScript is a `PythonError` (type name, message,
 * formatted traceback); a JavaScript exception reaching Python is a `pyjit.ffi.JsException`
 * (an Exception, with the JavaScript value as `js_error`); one that came from Python is the
 * original Python exception again.
 *
 * @example
 * ```ts
 * import { PythonError } from "./ffi.ts";
 * console.log(new PythonError("ValueError", "bad", "ValueError: bad\n").type); // "ValueError"
 * ```
 * @module
 */
// Values out of Python are typed `any`, as Pyodide types them: their type is Python's to decide.
// deno-lint-ignore-file no-explicit-any
import {
  bytearrayType,
  bytesType,
  defGetSet,
  defMethod,
  DELETED,
  dictType,
  Exc,
  frozensetType,
  newBuiltinType,
  newException,
  None,
  normInt,
  objectType,
  PyBaseException,
  PyBytes,
  PyDict,
  PyFloat,
  PyIntObject,
  PyList,
  PyObject,
  PySet,
  PyStrObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  setType,
  typeOf,
} from "../objects/object.ts";
import {
  call,
  contains,
  delAttr,
  delItem,
  genericGetAttr,
  getAttrOrUndefined,
  getItem,
  getIter,
  isExceptionOf,
  iterNext,
  repr,
  setAttr,
  setItem,
  str,
} from "../objects/ops.ts";
import { PyCoroutine } from "../vm/generator.ts";
import { toPyException } from "../vm/errors.ts";
import { formatException } from "../vm/traceback.ts";

// ---------------------------------------------------------------------------------------------
// Errors

/** What a PythonError keeps from Python (hidden from the public type). */
const pythonErrorOrigins = new WeakMap<PythonError, { exception: PyBaseException; bridge: Bridge }>();

/**
 * A Python exception that reached JavaScript: `type` is its class name (`"ValueError"`; qualified
 * by its module outside builtins), `message` its text (`str(exc)`), `traceback` what Python would
 * print for it. Its `stack` shows the Python traceback.
 *
 * @example
 * ```ts
 * import { createRuntime, PythonError } from "@pyjit/core";
 * try {
 *   createRuntime().runPython("1 / 0");
 * } catch (e) {
 *   if (e instanceof PythonError) console.log(e.type, e.message); // ZeroDivisionError division by zero
 * }
 * ```
 */
export class PythonError extends Error {
  /** The exception's class name, e.g. `"ZeroDivisionError"`. */
  readonly type: string;
  /** The traceback and message, as Python prints an uncaught exception. */
  readonly traceback: string;

  /** A PythonError of class `type` with `message` and the formatted `traceback`. */
  constructor(type: string, message: string, traceback: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PythonError";
    this.type = type;
    this.traceback = traceback;
    this.stack = `PythonError: ${traceback.trimEnd()}`;
  }
}

/** `JsException`: a JavaScript exception inside Python (pyjit.ffi.JsException). */
export const jsExceptionType: PyType = (() => {
  const t = newBuiltinType("JsException", Exc.Exception);
  t.module = "pyjit.ffi";
  t.hasInstanceDict = true;
  return t;
})();

/** What a JsException carries: the thrown JavaScript value. */
const jsExceptionValues = new WeakMap<PyBaseException, unknown>();

/** The type name of an exception as tracebacks show it (`pyjit.ffi.JsException`, `ValueError`). */
function qualifiedTypeName(t: PyType): string {
  const mod = t.module;
  return mod === "builtins" || mod === "__main__" || mod === "" ? t.qualname : `${mod}.${t.qualname}`;
}

// ---------------------------------------------------------------------------------------------
// The bridge

/**
 * How Python values become JavaScript ones.
 *
 * @example
 * ```ts
 * import { createRuntime, type PyProxy, type ToJsOptions } from "@pyjit/core";
 * const py = createRuntime();
 * const options: ToJsOptions = { dictsAsObjects: true };
 * const d = py.toPy({ a: 1 }) as PyProxy;
 * console.log(d.toJs(options)); // { a: 1 }
 * ```
 */
export interface ToJsOptions {
  /** Convert dicts to plain objects (keys as strings) rather than `Map`s. */
  dictsAsObjects?: boolean;
}

/** What the bridge asks of its runtime: run code in the runtime's state. */
export interface BridgeHost {
  /** Runs `body` with the runtime's Python state active (re-entrant). */
  within<T>(body: () => T): T;
  /** Drives a Python coroutine to completion, awaiting the JavaScript promises it awaits. */
  driveCoroutine(coroutine: PyCoroutine): Promise<unknown>;
}

/** One runtime's conversions, with its identity caches (one proxy per object, each way). */
export class Bridge {
  /** The runtime this bridge serves. */
  readonly host: BridgeHost;
  /** Default conversion options. */
  readonly options: ToJsOptions;
  private readonly jsProxies = new WeakMap<object, PyJsProxy>();
  private readonly pyProxies = new WeakMap<PyObject, PyProxy>();

  /** A bridge for the runtime `host`. */
  constructor(host: BridgeHost, options: ToJsOptions) {
    this.host = host;
    this.options = options;
  }

  /** A JavaScript value → a Python value (see the module comment); `owner` binds a function read from it. */
  toPy(value: unknown, owner?: object, memo?: Map<object, PyValue>): PyValue {
    switch (typeof value) {
      case "undefined":
        return None;
      case "boolean":
      case "string":
        return value;
      case "number":
        return Number.isSafeInteger(value) ? (Object.is(value, -0) ? 0 : value) : new PyFloat(value);
      case "bigint":
        return normInt(value);
      case "symbol":
        return new PyJsProxy(jsProxyType, value, undefined, this);
      case "function": {
        const py = pyProxyTargets.get(value as PyProxy);
        if (py !== undefined && py.bridge === this) return py.obj;
        if (owner !== undefined) return new PyJsProxy(jsCallableType, value, owner, this);
        return this.proxyOf(value);
      }
    }
    if (value === null) return None;
    return this.objectToPy(value as object, memo ?? new Map());
  }

  private objectToPy(value: object, memo: Map<object, PyValue>): PyValue {
    const seen = memo.get(value);
    if (seen !== undefined) return seen;
    if (value instanceof Uint8Array) return new PyBytes(value.slice());
    if (value instanceof ArrayBuffer) return new PyBytes(new Uint8Array(value.slice(0)));
    if (Array.isArray(value)) {
      const list = new PyList([]);
      memo.set(value, list);
      for (const item of value) list.items.push(this.toPy(item, undefined, memo));
      return list;
    }
    if (value instanceof Map) {
      const dict = new PyDict();
      memo.set(value, dict);
      for (const [k, v] of value) dict.set(this.toPy(k, undefined, memo), this.toPy(v, undefined, memo));
      return dict;
    }
    if (value instanceof Set) {
      const set = new PySet();
      memo.set(value, set);
      for (const item of value) set.add(this.toPy(item, undefined, memo));
      return set;
    }
    if (isPlainData(value)) {
      const dict = new PyDict();
      memo.set(value, dict);
      for (const [k, v] of Object.entries(value)) dict.setStr(k, this.toPy(v, undefined, memo));
      return dict;
    }
    return this.proxyOf(value);
  }

  /** The JsProxy of a JavaScript object (the same one each time). */
  proxyOf(value: object): PyJsProxy {
    let p = this.jsProxies.get(value);
    if (p === undefined) {
      const type = typeof value === "function"
        ? jsCallableType
        : isThenable(value)
        ? jsPromiseType
        : jsProxyType;
      p = new PyJsProxy(type, value, undefined, this);
      this.jsProxies.set(value, p);
    }
    return p;
  }

  /** A Python value → a JavaScript value (see the module comment). */
  toJs(value: PyValue, options: ToJsOptions = this.options, memo?: Map<PyObject, unknown>): unknown {
    switch (typeof value) {
      case "number":
      case "bigint":
      case "boolean":
      case "string":
        return value;
    }
    const obj = value as PyObject;
    if (obj === None) return undefined;
    if (obj instanceof PyFloat) return obj.value;
    if (obj instanceof PyIntObject || obj instanceof PyStrObject) return obj.value;
    if (obj instanceof PyJsProxy) {
      // A method read from an object goes back bound to it, as it was read.
      const v = obj.value;
      return obj.owner !== undefined && typeof v === "function" ? v.bind(obj.owner) : v;
    }
    if (obj instanceof PyBytes && (obj.cls === bytesType || obj.cls === bytearrayType)) {
      return obj.data.slice();
    }
    memo ??= new Map();
    const seen = memo.get(obj);
    if (seen !== undefined) return seen;
    if (obj instanceof PyList || obj instanceof PyTuple) {
      const out: unknown[] = [];
      memo.set(obj, out);
      for (const item of obj.items) out.push(this.toJs(item, options, memo));
      return out;
    }
    if (obj instanceof PyDict && obj.cls === dictType) {
      if (options.dictsAsObjects) {
        const out: Record<string, unknown> = {};
        memo.set(obj, out);
        forEachEntry(obj, (k, v) => out[String(this.toJs(k, options, memo))] = this.toJs(v, options, memo));
        return out;
      }
      const out = new Map<unknown, unknown>();
      memo.set(obj, out);
      forEachEntry(obj, (k, v) => out.set(this.toJs(k, options, memo), this.toJs(v, options, memo)));
      return out;
    }
    if (obj instanceof PySet && (obj.cls === setType || obj.cls === frozensetType)) {
      const out = new Set<unknown>();
      memo.set(obj, out);
      for (const item of obj.items()) out.add(this.toJs(item, options, memo));
      return out;
    }
    if (obj instanceof PyCoroutine) return this.host.driveCoroutine(obj);
    return this.pyProxy(obj);
  }

  /** The PyProxy of a Python object (the same one each time). */
  pyProxy(obj: PyObject): PyProxy {
    let p = this.pyProxies.get(obj);
    if (p === undefined) {
      p = makePyProxy(this, obj);
      this.pyProxies.set(obj, p);
    }
    return p;
  }

  /** A JavaScript exception → the Python exception Python code sees. */
  jsErrorToPy(error: unknown): PyBaseException {
    if (error instanceof PyBaseException) return error;
    if (error instanceof PythonError) {
      const origin = pythonErrorOrigins.get(error);
      if (origin !== undefined && origin.bridge === this) return origin.exception;
    }
    const exc = newException(jsExceptionType, [describeJsError(error)]);
    exc.dict = new PyDict();
    exc.dict.setStr("js_error", this.toPy(error));
    jsExceptionValues.set(exc, error);
    return exc;
  }

  /** A Python exception (or anything thrown in Python) → the PythonError JavaScript sees. */
  pyErrorToJs(e: unknown): PythonError {
    if (e instanceof PythonError) return e;
    const exc = toPyException(e);
    let message: string;
    let traceback: string;
    try {
      message = str(exc);
    } catch {
      message = "<exception str() failed>";
    }
    try {
      traceback = formatException(exc);
    } catch {
      traceback = `${qualifiedTypeName(exc.cls)}: ${message}\n`;
    }
    const cause = jsExceptionValues.get(exc);
    const error = new PythonError(
      qualifiedTypeName(exc.cls),
      message,
      traceback,
      cause !== undefined ? { cause } : undefined,
    );
    pythonErrorOrigins.set(error, { exception: exc, bridge: this });
    return error;
  }
}

/** Calls each live entry of a dict. */
function forEachEntry(d: PyDict, f: (k: PyValue, v: PyValue) => void): void {
  const keys = d.keys, values = d.values;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) f(keys[i], values[i]);
}

/**
 * A plain object (Object's prototype or none) that is only data: every own property enumerable,
 * no accessor, no function value, no symbol (a namespace such as `Math` or `Deno` is not).
 */
function isPlainData(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const key in descriptors) {
    const d = descriptors[key];
    if (!d.enumerable || d.get !== undefined || d.set !== undefined || typeof d.value === "function") {
      return false;
    }
  }
  return true;
}

function isThenable(value: unknown): boolean {
  return typeof value === "object" && value !== null &&
    typeof (value as { then?: unknown }).then === "function";
}

/** A JavaScript exception as a message: `Error: text` for errors, the value's string otherwise. */
function describeJsError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

// ---------------------------------------------------------------------------------------------
// JsProxy: JavaScript objects in Python

/** Python keywords: `obj.class_` reads the JavaScript property `class`. */
const PYTHON_KEYWORDS = new Set(
  ("False None True and as assert async await break class continue def del elif else except finally " +
    "for from global if import in is lambda nonlocal not or pass raise return try while with yield")
    .split(" "),
);

/** The JavaScript property a Python attribute name reads. */
function jsName(name: string): string {
  return name.endsWith("_") && PYTHON_KEYWORDS.has(name.slice(0, -1)) ? name.slice(0, -1) : name;
}

/** A JavaScript value in Python. */
export class PyJsProxy extends PyObject {
  /** The JavaScript value. */
  declare value: unknown;
  /** The object a function was read from (its `this` when called), or undefined. */
  declare owner: unknown;
  /** The bridge that made it. */
  declare bridge: Bridge;
  /** A JsProxy of `value` with Python type `cls`. */
  constructor(cls: PyType, value: unknown, owner: unknown, bridge: Bridge) {
    super();
    this.cls = cls;
    this.dict = null;
    this.value = value;
    this.owner = owner;
    this.bridge = bridge;
  }
}

function proxyArg(v: PyValue): PyJsProxy {
  if (!(v instanceof PyJsProxy)) raise(Exc.TypeError, "descriptor requires a 'JsProxy' object");
  return v;
}

/** Runs JavaScript code on behalf of Python: a JavaScript exception becomes a JsException. */
function fromJs<T>(proxy: PyJsProxy, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw proxy.bridge.jsErrorToPy(e);
  }
}

/** Attribute names the JsProxy type answers itself (not read from the JavaScript object). */
const OWN_ATTRIBUTES = new Set(["to_py", "new", "typeof", "js_id"]);

/** `pyjit.ffi.JsProxy`: the type of JavaScript objects in Python. */
export const jsProxyType: PyType = newBuiltinType("JsProxy", objectType, 0);
jsProxyType.module = "pyjit.ffi";
/** `pyjit.ffi.JsCallable`: JavaScript functions. */
export const jsCallableType: PyType = newBuiltinType("JsCallable", jsProxyType, 0);
jsCallableType.module = "pyjit.ffi";
/** `pyjit.ffi.JsPromise`: JavaScript promises (and other thenables), awaitable. */
export const jsPromiseType: PyType = newBuiltinType("JsPromise", jsProxyType, 0);
jsPromiseType.module = "pyjit.ffi";

jsProxyType.tp_getattro = (obj, name) => {
  if (name.startsWith("__") || OWN_ATTRIBUTES.has(name)) {
    const own = genericGetAttr(obj, name);
    if (own !== undefined) return own;
  }
  const p = obj as PyJsProxy;
  const target = p.value as Record<string, unknown>;
  const key = jsName(name);
  return fromJs(p, () => {
    const v = target[key];
    if (v === undefined && !(key in Object(target))) return undefined;
    return p.bridge.toPy(v, target);
  });
};
jsProxyType.tp_setattro = (obj, name, value) => {
  const p = obj as PyJsProxy;
  const target = p.value as Record<string, unknown>;
  const key = jsName(name);
  fromJs(p, () => {
    if (value === undefined) {
      if (!(key in target)) raise(Exc.AttributeError, name);
      delete target[key];
    } else target[key] = p.bridge.toJs(value);
  });
};
for (const t of [jsCallableType, jsPromiseType]) {
  t.tp_getattro = jsProxyType.tp_getattro;
  t.tp_setattro = jsProxyType.tp_setattro;
}

/** Calls a JavaScript function: keyword arguments go in one trailing object. */
function callJs(p: PyJsProxy, args: PyValue[], kwnames: string[] | null, construct: boolean): PyValue {
  const fn = p.value as (...a: unknown[]) => unknown;
  const bridge = p.bridge;
  const npos = args.length - (kwnames?.length ?? 0);
  const jsArgs: unknown[] = [];
  for (let i = 0; i < npos; i++) jsArgs.push(bridge.toJs(args[i]));
  if (kwnames !== null && kwnames.length > 0) {
    const kw: Record<string, unknown> = {};
    kwnames.forEach((k, i) => (kw[k] = bridge.toJs(args[npos + i])));
    jsArgs.push(kw);
  }
  const result = fromJs(
    p,
    () => construct ? Reflect.construct(fn, jsArgs) : Reflect.apply(fn, p.owner, jsArgs),
  );
  return bridge.toPy(result);
}

jsCallableType.tp_call = (self, args, kwnames) => callJs(self as PyJsProxy, args, kwnames, false);

defMethod(jsProxyType, "new", (args, kwnames) => {
  const p = proxyArg(args[0]);
  if (typeof p.value !== "function") raise(Exc.TypeError, `${jsTypeName(p.value)} is not a constructor`);
  return callJs(p, args.slice(1), kwnames, true);
});
defGetSet(jsProxyType, "typeof", (o) => typeof (o as PyJsProxy).value);
defMethod(jsProxyType, "to_py", (args) => {
  const p = proxyArg(args[0]);
  return p.bridge.toPy(plainCopy(p.value));
});

/** A JavaScript object's own enumerable properties as a plain object (to_py of a class instance). */
function plainCopy(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Map) {
    return value;
  }
  if (value instanceof Set || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value));
}

function jsTypeName(value: unknown): string {
  if (typeof value === "function") return `function ${(value as { name?: string }).name || "anonymous"}`;
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "Object";
  return typeof value;
}

defMethod(jsProxyType, "__repr__", (args) => {
  const p = proxyArg(args[0]);
  const v = p.value;
  if (typeof v === "function") return `<JsProxy ${jsTypeName(v)}>`;
  try {
    return String(v);
  } catch {
    return `<JsProxy ${jsTypeName(v)}>`;
  }
});
defMethod(jsProxyType, "__eq__", (args) => {
  const other = args[1];
  return other instanceof PyJsProxy && other.value === proxyArg(args[0]).value;
});
defMethod(jsProxyType, "__ne__", (args) => {
  const other = args[1];
  return !(other instanceof PyJsProxy && other.value === proxyArg(args[0]).value);
});
const jsIdentities = new WeakMap<object, number>();
let nextJsIdentity = 1;
defMethod(jsProxyType, "__hash__", (args) => {
  const v = proxyArg(args[0]).value;
  if (typeof v !== "object" && typeof v !== "function") return 0;
  let id = jsIdentities.get(v as object);
  if (id === undefined) jsIdentities.set(v as object, id = nextJsIdentity++);
  return id;
});
defMethod(jsProxyType, "__bool__", (args) => {
  const v = proxyArg(args[0]).value as { length?: unknown; size?: unknown };
  if (typeof v.length === "number" && typeof v !== "function") return v.length !== 0;
  if (typeof v.size === "number") return v.size !== 0;
  return true;
});
defMethod(jsProxyType, "__len__", (args) => {
  const v = proxyArg(args[0]).value as { length?: unknown; size?: unknown };
  if (typeof v.length === "number" && typeof v !== "function") return v.length;
  if (typeof v.size === "number") return v.size;
  raise(Exc.TypeError, "object of type 'JsProxy' has no len()");
});
defMethod(jsProxyType, "__dir__", (args) => {
  const names = new Set<string>();
  for (
    let o: unknown = proxyArg(args[0]).value;
    o !== null && o !== undefined;
    o = Object.getPrototypeOf(o)
  ) {
    for (const k of Object.getOwnPropertyNames(o)) names.add(k);
    if (o === Object.prototype || o === Function.prototype) break;
  }
  return new PyList([...names].sort());
});

/** An integer index into an array-like (negative from the end), or undefined for another key. */
function arrayIndex(target: unknown, key: PyValue): number | undefined {
  if (!(Array.isArray(target) || ArrayBuffer.isView(target)) || typeof key !== "number") return undefined;
  const n = (target as { length: number }).length;
  const i = key < 0 ? key + n : key;
  if (i < 0 || i >= n) raise(Exc.IndexError, "index out of range");
  return i;
}

defMethod(jsProxyType, "__getitem__", (args) => {
  const p = proxyArg(args[0]);
  const key = args[1];
  const target = p.value as Record<string, unknown>;
  return fromJs(p, () => {
    const i = arrayIndex(target, key);
    if (i !== undefined) return p.bridge.toPy((target as unknown as unknown[])[i]);
    const jsKey = p.bridge.toJs(key);
    if (target instanceof Map) {
      if (!target.has(jsKey)) throw newException(Exc.KeyError, [key]);
      return p.bridge.toPy(target.get(jsKey));
    }
    if (typeof target.get === "function" && !Array.isArray(target)) {
      const v = (target.get as (k: unknown) => unknown)(jsKey);
      if (v === undefined || v === null) throw newException(Exc.KeyError, [key]);
      return p.bridge.toPy(v);
    }
    const name = String(jsKey);
    if (!(name in target)) throw newException(Exc.KeyError, [key]);
    return p.bridge.toPy(target[name]);
  });
});
defMethod(jsProxyType, "__setitem__", (args) => {
  const p = proxyArg(args[0]);
  const target = p.value as Record<string, unknown>;
  fromJs(p, () => {
    const i = arrayIndex(target, args[1]);
    const v = p.bridge.toJs(args[2]);
    if (i !== undefined) (target as unknown as unknown[])[i] = v;
    else if (target instanceof Map || typeof target.set === "function") {
      (target.set as (k: unknown, v: unknown) => unknown)(p.bridge.toJs(args[1]), v);
    } else target[String(p.bridge.toJs(args[1]))] = v;
  });
  return None;
});
defMethod(jsProxyType, "__delitem__", (args) => {
  const p = proxyArg(args[0]);
  const target = p.value as Record<string, unknown>;
  fromJs(p, () => {
    const jsKey = p.bridge.toJs(args[1]);
    if (target instanceof Map || typeof target.delete === "function") {
      if (!(target.delete as (k: unknown) => boolean)(jsKey)) throw newException(Exc.KeyError, [args[1]]);
    } else {
      const name = String(jsKey);
      if (!(name in target)) throw newException(Exc.KeyError, [args[1]]);
      delete target[name];
    }
  });
  return None;
});
defMethod(jsProxyType, "__contains__", (args) => {
  const p = proxyArg(args[0]);
  const target = p.value as Record<string, unknown>;
  const jsKey = p.bridge.toJs(args[1]);
  return fromJs(p, () => {
    if (Array.isArray(target)) return target.includes(jsKey);
    if (typeof target.has === "function") return !!(target.has as (k: unknown) => boolean)(jsKey);
    return String(jsKey) in target;
  });
});

/** `pyjit.ffi.JsIterator`: iteration over a JavaScript iterator. */
const jsIteratorType: PyType = newBuiltinType("JsIterator", objectType, 0);
jsIteratorType.module = "pyjit.ffi";
jsIteratorType.tp_iter = (it) => it;
jsIteratorType.tp_iternext = (it) => {
  const p = it as PyJsProxy;
  return fromJs(p, () => {
    const step = (p.value as Iterator<unknown>).next();
    return step.done ? undefined : p.bridge.toPy(step.value);
  });
};
defMethod(jsIteratorType, "__iter__", (args) => args[0]);
defMethod(jsIteratorType, "__next__", (args) => {
  const v = jsIteratorType.tp_iternext!(args[0]);
  if (v === undefined) throw newException(Exc.StopIteration, []);
  return v;
});

jsProxyType.tp_iter = (obj) => {
  const p = obj as PyJsProxy;
  const target = p.value as { [Symbol.iterator]?: () => Iterator<unknown> };
  if (typeof target[Symbol.iterator] !== "function") raise(Exc.TypeError, "'JsProxy' object is not iterable");
  return fromJs(p, () => new PyJsProxy(jsIteratorType, target[Symbol.iterator]!(), undefined, p.bridge));
};
for (const t of [jsCallableType, jsPromiseType]) t.tp_iter = jsProxyType.tp_iter;
defMethod(jsProxyType, "__iter__", (args) => jsProxyType.tp_iter!(args[0]));

/**
 * `await promise` in Python: an iterator that yields the promise's JsProxy once (the driver of the
 * coroutine awaits it in JavaScript) and then returns the value sent back.
 */
const jsAwaiterType: PyType = newBuiltinType("JsAwaiter", objectType, 0);
jsAwaiterType.module = "pyjit.ffi";
class PyJsAwaiter extends PyObject {
  declare promise: PyJsProxy;
  declare yielded: boolean;
  constructor(promise: PyJsProxy) {
    super();
    this.cls = jsAwaiterType;
    this.dict = null;
    this.promise = promise;
    this.yielded = false;
  }
}
jsAwaiterType.tp_iter = (it) => it;
jsAwaiterType.tp_iternext = (it) => {
  const a = it as PyJsAwaiter;
  if (a.yielded) return undefined;
  a.yielded = true;
  return a.promise;
};
defMethod(jsAwaiterType, "__iter__", (args) => args[0]);
defMethod(jsAwaiterType, "__next__", (args) => {
  const v = jsAwaiterType.tp_iternext!(args[0]);
  if (v === undefined) throw newException(Exc.StopIteration, []);
  return v;
});
defMethod(jsAwaiterType, "send", (args) => {
  const a = args[0] as PyJsAwaiter;
  if (!a.yielded) {
    if (args[1] !== None) raise(Exc.TypeError, "can't send non-None value to a just-started awaiter");
    a.yielded = true;
    return a.promise;
  }
  throw newException(Exc.StopIteration, [args[1]]);
});
defMethod(jsAwaiterType, "throw", (args) => {
  const exc = args[1];
  if (exc instanceof PyBaseException) throw exc;
  throw toPyException(call(exc, []));
});
defMethod(jsPromiseType, "__await__", (args) => new PyJsAwaiter(proxyArg(args[0])));

/** Whether a value yielded by a coroutine is a promise the driver must await. */
export function awaitedPromise(v: PyValue): PromiseLike<unknown> | null {
  return v instanceof PyJsProxy && isThenable(v.value) ? v.value as PromiseLike<unknown> : null;
}

// ---------------------------------------------------------------------------------------------
// PyProxy: Python objects in JavaScript

/**
 * A Python object in JavaScript: call it (`fn(1, 2)`, `fn.callKwargs(1, { b: 2 })`), read and set
 * its attributes (`obj.attr`, `obj.method()`), its items (`get`, `set`, `has`, `delete`), iterate
 * it, convert it (`toJs()`), print it (`toString()` is `str()`, `repr()` is `repr()`).
 *
 * @example
 * ```ts
 * import { createRuntime } from "@pyjit/core";
 * const py = createRuntime();
 * const counter = py.runPython("import collections\ncollections.Counter('abca')") as { get(k: string): unknown };
 * console.log(counter.get("a")); // 2
 * ```
 */
export interface PyProxy {
  /** Calls the Python object with positional arguments. */
  (...args: unknown[]): any;
  /** Calls it with positional arguments, the last argument holding the keyword arguments. */
  callKwargs(...args: unknown[]): any;
  /** The object converted to JavaScript (lists to arrays, dicts to Maps, …; deeply). */
  toJs(options?: ToJsOptions): unknown;
  /** The name of the object's Python type (`"list"`, `"collections.Counter"`). */
  readonly type: string;
  /** `str(obj)`. */
  toString(): string;
  /** `repr(obj)`. */
  repr(): string;
  /** `obj[key]`, or undefined when there is no such key or index. */
  get(key: unknown): any;
  /** `obj[key] = value`. */
  set(key: unknown, value: unknown): void;
  /** `key in obj`. */
  has(key: unknown): boolean;
  /** `del obj[key]`. */
  delete(key: unknown): void;
  /** Nothing (pyjit's objects are garbage-collected with JavaScript's); kept for Pyodide code. */
  destroy(): void;
  /** Iterates the Python object (`for (const x of proxy)`). */
  [Symbol.iterator](): Iterator<any>;
  /** The object's Python attributes. */
  [attribute: string]: any;
}

/** The Python object and bridge behind each PyProxy. */
const pyProxyTargets = new WeakMap<PyProxy, { obj: PyObject; bridge: Bridge }>();

/**
 * Whether `value` is a PyProxy (of any runtime).
 *
 * @example
 * ```ts
 * import { createRuntime, isPyProxy } from "@pyjit/core";
 * const py = createRuntime();
 * console.log(isPyProxy(py.globals), isPyProxy(py.runPython("[1]"))); // true false
 * ```
 */
export function isPyProxy(value: unknown): value is PyProxy {
  return typeof value === "function" && pyProxyTargets.has(value as PyProxy);
}

function typeNameOf(v: PyValue): string {
  return qualifiedTypeName(typeOf(v));
}

function makePyProxy(bridge: Bridge, obj: PyObject): PyProxy {
  // The error is converted inside the runtime: formatting it may run Python code (`__str__`).
  const within = <T>(body: () => T): T =>
    bridge.host.within(() => {
      try {
        return body();
      } catch (e) {
        throw bridge.pyErrorToJs(e);
      }
    });
  const py = (v: unknown) => bridge.toPy(v);
  const js = (v: PyValue) => bridge.toJs(v);
  const callWith = (args: unknown[], kwargs: Record<string, unknown> | null) =>
    within(() => {
      const pyArgs = args.map(py);
      const names = kwargs === null ? null : Object.keys(kwargs);
      if (names !== null) { for (const k of names) pyArgs.push(py(kwargs![k])); }
      return js(call(obj, pyArgs, names !== null && names.length > 0 ? names : null));
    });
  const api: Record<string | symbol, unknown> = {
    callKwargs: (...args: unknown[]) => {
      const kwargs = args.length > 0 ? args[args.length - 1] : {};
      if (typeof kwargs !== "object" || kwargs === null) {
        throw new TypeError("callKwargs: the last argument must be an object of keyword arguments");
      }
      return callWith(args.slice(0, -1), kwargs as Record<string, unknown>);
    },
    call: (_this: unknown, ...args: unknown[]) => callWith(args, null),
    apply: (_this: unknown, args: unknown[] = []) => callWith([...args], null),
    toJs: (options?: ToJsOptions) => within(() => bridge.toJs(obj, { ...bridge.options, ...options })),
    toString: () => within(() => str(obj)),
    repr: () => within(() => repr(obj)),
    get: (key: unknown) =>
      within(() => {
        try {
          return js(getItem(obj, py(key)));
        } catch (e) {
          if (isExceptionOf(e, Exc.KeyError) || isExceptionOf(e, Exc.IndexError)) return undefined;
          throw e;
        }
      }),
    set: (key: unknown, value: unknown) => within(() => void setItem(obj, py(key), py(value))),
    has: (key: unknown) => within(() => contains(obj, py(key))),
    delete: (key: unknown) => within(() => void delItem(obj, py(key))),
    destroy: () => {},
    then: undefined,
    [Symbol.iterator]: () => {
      const it = within(() => getIter(obj));
      return {
        next: () =>
          within(() => {
            const v = iterNext(it);
            return v === undefined ? { done: true, value: undefined } : { done: false, value: js(v) };
          }),
        [Symbol.iterator]() {
          return this;
        },
      };
    },
    [Symbol.for("Deno.customInspect")]: () => within(() => repr(obj)),
    [Symbol.toStringTag]: "PyProxy",
  };
  const handler: ProxyHandler<PyProxy> = {
    apply: (_target, _this, args: unknown[]) => callWith(args, null),
    get: (_target, prop) => {
      if (prop in api) return api[prop];
      if (prop === "type") return within(() => typeNameOf(obj));
      if (typeof prop === "symbol") return undefined;
      return within(() => {
        const v = getAttrOrUndefined(obj, prop);
        return v === undefined ? undefined : js(v);
      });
    },
    set: (_target, prop, value) => {
      if (typeof prop === "symbol") return false;
      within(() => setAttr(obj, prop, py(value)));
      return true;
    },
    has: (_target, prop) => {
      if (typeof prop === "symbol") return prop in api;
      return within(() => getAttrOrUndefined(obj, prop) !== undefined);
    },
    deleteProperty: (_target, prop) => {
      if (typeof prop === "symbol") return false;
      within(() => delAttr(obj, prop));
      return true;
    },
  };
  const target = (() => {}) as unknown as PyProxy;
  const proxy = new Proxy(target, handler);
  pyProxyTargets.set(proxy, { obj, bridge });
  return proxy;
}

/** The Python object behind a PyProxy of `bridge`'s runtime, or undefined. */
export function pyObjectOf(bridge: Bridge, value: unknown): PyObject | undefined {
  const t = typeof value === "function" ? pyProxyTargets.get(value as PyProxy) : undefined;
  return t !== undefined && t.bridge === bridge ? t.obj : undefined;
}
