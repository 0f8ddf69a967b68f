/**
 * Helpers shared by the TypeScript standard-library modules (itertools, _collections, _functools,
 * operator, …): making a module's builtin types (named `module.Name` in reprs), argument-count
 * checks with the wording of CPython's `PyArg_UnpackTuple` ("cycle expected 1 argument, got 0"),
 * and building a module object from a table of functions.
 *
 * @example
 * ```ts
 * import { moduleType } from "./_native.ts";
 * const t = moduleType("itertools", "count");
 * console.log(t.module); // "itertools"
 * ```
 * @module
 */
import {
  defMethod,
  Exc,
  type NativeFn,
  newBuiltinType,
  newException,
  objectType,
  placeCType,
  PyBuiltinFunction,
  PyDict,
  PyModule,
  type PyType,
  type PyValue,
  raise,
  TYPE_BASETYPE,
  typeOf,
} from "../../objects/object.ts";
import type { PyNativeIterator } from "../../objects/types/iterators.ts";

/**
 * A builtin type of module `module`: its repr is `<class 'module.name'>`, and messages name it
 * `module.name` as CPython's do for its C types (`'collections.deque' object …`).
 */
export function moduleType(
  module: string,
  name: string,
  base: PyType = objectType,
  flags = TYPE_BASETYPE,
): PyType {
  const t = newBuiltinType(name, base, flags);
  placeCType(t, module);
  return t;
}

/**
 * An iterator type of module `module` whose instances are PyNativeIterators (a `next` closure):
 * `iter(it)` is it, `next(it)` calls the closure.
 */
export function moduleIteratorType(module: string, name: string, flags = TYPE_BASETYPE): PyType {
  const t = moduleType(module, name, objectType, flags);
  t.tp_iter = (it) => it;
  t.tp_iternext = (it) => (it as PyNativeIterator).next();
  defMethod(t, "__iter__", (args) => args[0]);
  defMethod(t, "__next__", (args) => {
    const v = typeOf(args[0]).tp_iternext!(args[0]);
    if (v === undefined) throw newException(Exc.StopIteration, []);
    return v;
  });
  return t;
}

/**
 * Checks a positional-only argument count as CPython's PyArg_UnpackTuple does:
 * `cycle expected 1 argument, got 0`, `islice expected at least 2 arguments, got 1`; keywords
 * are refused with `cycle() takes no keyword arguments`.
 */
export function expectArgs(
  name: string,
  args: PyValue[],
  kwnames: string[] | null,
  min: number,
  max: number,
): void {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, `${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  const plural = (k: number) => `${k} argument${k === 1 ? "" : "s"}`;
  if (min === max) raise(Exc.TypeError, `${name} expected ${plural(min)}, got ${n}`);
  if (n < min) raise(Exc.TypeError, `${name} expected at least ${plural(min)}, got ${n}`);
  raise(Exc.TypeError, `${name} expected at most ${plural(max)}, got ${n}`);
}

/** Splits vectorcall arguments into positional values and a name → value map of keywords. */
export function splitKeywords(
  args: PyValue[],
  kwnames: string[] | null,
): [PyValue[], Map<string, PyValue>] {
  const kw = new Map<string, PyValue>();
  if (kwnames === null || kwnames.length === 0) return [args, kw];
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) kw.set(kwnames[i], args[npos + i]);
  return [args.slice(0, npos), kw];
}

/** A module object named `name` holding builtin functions (from `functions`) and other values. */
export function buildModule(
  name: string,
  doc: string,
  functions: Record<string, NativeFn>,
  values: Record<string, PyValue> = {},
): PyModule {
  const d = new PyDict();
  const m = new PyModule(name, d);
  d.setStr("__doc__", doc);
  for (const [fname, fn] of Object.entries(functions)) {
    d.setStr(fname, new PyBuiltinFunction(fname, fn, null, name));
  }
  for (const [vname, v] of Object.entries(values)) d.setStr(vname, v);
  return m;
}
