/**
 * `_weakref`: weak references on the host's collector → the module `weakref` (lib/python/
 * weakref.py) builds on: the type `ref` (weakref.ReferenceType, subclassable), `getweakrefcount`,
 * `getweakrefs`, `_remove_dead_weakref`, and the rule for which objects may be referenced weakly
 * (CPython's: instances of classes without `__slots__` or with `__weakref__` in them, types,
 * functions, methods, sets, generators, modules, code, files… — not ints, strs, tuples, lists,
 * dicts, None or bare `object()`s).
 *
 * When referents die and callbacks run: a reference holds a JavaScript `WeakRef`, and a
 * `FinalizationRegistry` learns when the referent was collected. JavaScript keeps every object
 * that a WeakRef was made for (or read through) alive until the current job ends, and a Python
 * program runs as one synchronous job: so within a run a referent never dies, `ref()` keeps
 * returning it, and callbacks do not run (unlike CPython, where `del obj` frees it at once).
 * Between runs (the embedding API, a REPL) the host may collect referents; their callbacks are
 * queued by the registry and run at the next safe point: the next `gc.collect()` or weak
 * reference made. `weakref.finalize` objects still alive at exit run at exit (through atexit).
 *
 * @example
 * ```ts
 * import { makeWeakrefModule } from "./_weakref.ts";
 * const m = makeWeakrefModule();
 * ```
 * @module
 */
import {
  defGetSet,
  defMethod,
  Exc,
  None,
  NotImplemented,
  PyList,
  PyObject,
  PyType,
  type PyValue,
  raise,
  TYPE_HEAP,
  typeOf,
} from "../../objects/object.ts";
import { call, getAttr, hash, objectId, repr, richEq, strValueOf } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { writeUnraisable } from "./unraisable.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";

// ---------------------------------------------------------------------------------------------
// Which objects may be referenced weakly

/** Builtin types whose instances CPython lets be referenced weakly (by type name). */
const WEAKREFABLE_BUILTINS = new Set([
  "type",
  "function",
  "builtin_function_or_method",
  "method",
  "set",
  "frozenset",
  "generator",
  "coroutine",
  "async_generator",
  "code",
  "module",
  "frame",
  "partial",
  "_lru_cache_wrapper",
  "deque",
  "defaultdict",
  "OrderedDict",
  "Pattern",
  "FileIO",
  "BufferedReader",
  "BufferedWriter",
  "BufferedRandom",
  "BufferedRWPair",
  "TextIOWrapper",
  "StringIO",
  "BytesIO",
]);

/** Builtin types whose subclasses get no weak reference slot (variable-size objects in CPython). */
const VARIABLE_SIZE_BASES = new Set(["int", "bool", "tuple", "bytes", "str"]);

/** The names a class body's `__slots__` gives, or null when it has none. */
function ownSlotNames(t: PyType): string[] | null {
  const slots = t.attrs.get("__slots__");
  if (slots === undefined) return null;
  const single = strValueOf(slots);
  if (single !== undefined) return [single];
  if (slots instanceof PyObject && "items" in slots && Array.isArray((slots as { items: unknown }).items)) {
    return (slots as unknown as { items: PyValue[] }).items.map((v) => strValueOf(v) ?? "");
  }
  return [];
}

/** Whether instances of `t` may be referenced weakly. */
function typeSupportsWeakrefs(t: PyType): boolean {
  if ((t.flags & TYPE_HEAP) === 0) return WEAKREFABLE_BUILTINS.has(t.name);
  if (VARIABLE_SIZE_BASES.has(t.solidBase.name) && (t.solidBase.flags & TYPE_HEAP) === 0) return false;
  for (const k of t.mro) {
    if ((k.flags & TYPE_HEAP) === 0) {
      if (WEAKREFABLE_BUILTINS.has(k.name)) return true;
      continue;
    }
    const names = ownSlotNames(k);
    if (names === null || names.includes("__weakref__")) return true;
  }
  return false;
}

/** The referent as an object that may be referenced weakly, or the TypeError CPython raises. */
function weakrefable(v: PyValue): PyObject {
  if (v instanceof PyType) return v;
  if (v instanceof PyObject && typeSupportsWeakrefs(v.cls)) return v;
  return raise(Exc.TypeError, `cannot create weak reference to '${typeOf(v).name}' object`);
}

/** CPython's tp_name of a type: the bare name of a class, module-qualified for other builtins. */
function typeTpName(t: PyType): string {
  if ((t.flags & TYPE_HEAP) !== 0 || t.module === "builtins" || t.module === "") return t.name;
  return `${t.module}.${t.name}`;
}

// ---------------------------------------------------------------------------------------------
// ref

/** `weakref.ref` instances. */
export class PyWeakRef extends PyObject {
  /** The referent, or null once it is gone. */
  declare target: WeakRef<PyObject> | null;
  declare callback: PyValue;
  /** hash(referent), computed on first use and kept after it dies. */
  declare hashValue: number | null;
  constructor(cls: PyType, target: PyObject, callback: PyValue) {
    super();
    this.cls = cls;
    this.dict = null;
    this.target = new WeakRef(target);
    this.callback = callback;
    this.hashValue = null;
  }

  /** The referent, or null once it was collected. */
  get(): PyObject | null {
    if (this.target === null) return null;
    const v = this.target.deref();
    if (v === undefined) {
      this.target = null;
      return null;
    }
    return v;
  }
}

/** The `ref` type (weakref.ReferenceType). */
export const refType: PyType = moduleType("weakref", "ReferenceType");

/** References made to each referent, oldest first (getweakrefcount, getweakrefs, reuse). */
const refsOf = new WeakMap<PyObject, PyWeakRef[]>();

/** Callbacks of references whose referents the host collected, waiting for a safe point. */
const pendingCallbacks: PyWeakRef[] = [];

const collected = new FinalizationRegistry<PyWeakRef[]>((refs) => {
  for (const r of refs) {
    r.target = null;
    if (r.callback !== None) pendingCallbacks.push(r);
  }
});

/** Runs the callbacks of references whose referents were collected (a safe point). */
export function runPendingWeakrefCallbacks(): number {
  let n = 0;
  while (pendingCallbacks.length > 0) {
    const r = pendingCallbacks.shift()!;
    const cb = r.callback;
    r.callback = None;
    if (cb === None) continue;
    n++;
    try {
      call(cb, [r]);
    } catch (e) {
      writeUnraisable(`Exception ignored in: ${safeRepr(cb)}`, e);
    }
  }
  return n;
}

function safeRepr(v: PyValue): string {
  try {
    return repr(v);
  } catch {
    return `<object repr() failed>`;
  }
}

/** A new reference to `target` (the plain reference without callback is shared, as in CPython). */
export function newWeakRef(cls: PyType, target: PyValue, callback: PyValue): PyWeakRef {
  const obj = weakrefable(target);
  runPendingWeakrefCallbacks();
  let refs = refsOf.get(obj);
  if (refs === undefined) {
    refs = [];
    refsOf.set(obj, refs);
    collected.register(obj, refs);
  }
  if (cls === refType && callback === None) {
    for (const r of refs) if (r.cls === refType && r.callback === None) return r;
  }
  const r = new PyWeakRef(cls, obj, callback);
  refs.push(r);
  return r;
}

refType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0 && cls === refType) {
    raise(Exc.TypeError, "ref() takes no keyword arguments");
  }
  const n = args.length - (kwnames?.length ?? 0);
  if (n < 1) raise(Exc.TypeError, `__new__ expected at least 1 argument, got ${n}`);
  if (n > 2) raise(Exc.TypeError, `__new__ expected at most 2 arguments, got ${n}`);
  return newWeakRef(cls, args[0], n > 1 ? args[1] : None);
};
installNew(refType);
defMethod(refType, "__init__", () => None);

function refCall(self: PyValue, args: PyValue[], kwnames: string[] | null): PyValue {
  const n = args.length;
  if (n !== 0 || (kwnames !== null && kwnames.length > 0)) {
    if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "weakref() takes no keyword arguments");
    raise(Exc.TypeError, `weakref expected 0 arguments, got ${n}`);
  }
  return (self as PyWeakRef).get() ?? None;
}
refType.tp_call = refCall;
defMethod(refType, "__call__", (args, kwnames) => refCall(args[0], args.slice(1), kwnames));
defGetSet(refType, "__callback__", (v) => (v as PyWeakRef).callback);

defMethod(refType, "__repr__", (args) => {
  const r = args[0] as PyWeakRef;
  const at = `0x${objectId(r).toString(16)}`;
  const obj = r.get();
  if (obj === null) return `<weakref at ${at}; dead>`;
  let name: string | undefined;
  try {
    name = strValueOf(getAttr(obj, "__name__"));
  } catch {
    name = undefined;
  }
  const to = `to '${typeTpName(typeOf(obj))}' at 0x${objectId(obj).toString(16)}`;
  return name === undefined ? `<weakref at ${at}; ${to}>` : `<weakref at ${at}; ${to} (${name})>`;
});

defMethod(refType, "__hash__", (args) => {
  const r = args[0] as PyWeakRef;
  if (r.hashValue !== null) return r.hashValue;
  const obj = r.get();
  if (obj === null) raise(Exc.TypeError, "weak object has gone away");
  r.hashValue = hash(obj);
  return r.hashValue;
});

function refEquals(a: PyWeakRef, b: PyWeakRef): boolean {
  const x = a.get(), y = b.get();
  if (x === null || y === null) return a === b;
  return richEq(x, y);
}
defMethod(refType, "__eq__", (args) => {
  const b = args[1];
  if (!(b instanceof PyWeakRef)) return NotImplemented;
  return refEquals(args[0] as PyWeakRef, b);
});
defMethod(refType, "__ne__", (args) => {
  const b = args[1];
  if (!(b instanceof PyWeakRef)) return NotImplemented;
  return !refEquals(args[0] as PyWeakRef, b);
});
defMethod(refType, "__class_getitem__", (args) => args[0]);

// ---------------------------------------------------------------------------------------------
// Module functions

function liveRefs(obj: PyValue): PyWeakRef[] {
  if (!(obj instanceof PyObject)) return [];
  const refs = refsOf.get(obj);
  return refs === undefined ? [] : refs.filter((r) => r.get() !== null);
}

/** Builds the `_weakref` module. */
export function makeWeakrefModule(): ReturnType<typeof buildModule> {
  return buildModule("_weakref", "Weak-reference support module.", {
    getweakrefcount(args, kwnames) {
      if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
        raise(Exc.TypeError, `_weakref.getweakrefcount() takes exactly one argument (${args.length} given)`);
      }
      return liveRefs(args[0]).length;
    },
    getweakrefs(args, kwnames) {
      if (args.length !== 1 || (kwnames !== null && kwnames.length > 0)) {
        raise(Exc.TypeError, `getweakrefs() takes exactly one argument (${args.length} given)`);
      }
      return new PyList(liveRefs(args[0]));
    },
    _remove_dead_weakref(args, kwnames) {
      expectArgs("_remove_dead_weakref", args, kwnames, 2, 2);
      const [d, key] = args;
      const get = getAttr(d, "get");
      const r = call(get, [key]);
      if (r instanceof PyWeakRef && r.get() === null) call(getAttr(d, "__delitem__"), [key]);
      return None;
    },
  }, { ref: refType, ReferenceType: refType });
}
