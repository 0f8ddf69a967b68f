/**
 * The `_functools` module of CPython 3.11 (C there), under lib/python/functools.py: `reduce`,
 * `partial` (flattening nested partials, repr `functools.partial(f, 1, a=2)`), `cmp_to_key`
 * (the KeyWrapper type) and `_lru_cache_wrapper`, the cache behind lru_cache whose hit path
 * (key building, lookup, recency update) stays in TypeScript.
 *
 * @example
 * ```ts
 * import { makeFunctoolsModule } from "./_functools.ts";
 * const m = makeFunctoolsModule();
 * ```
 * @module
 */
import { PY_EQ, PY_GE, PY_GT, PY_LE, PY_LT, PY_NE } from "../../instructions/operators.ts";
import {
  bindArgs,
  defGetSet,
  defMethod,
  DELETED,
  Exc,
  intType,
  newObject,
  newTuple,
  None,
  objectType,
  PyDict,
  PyMethod,
  type PyModule,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  strType,
  typeOf,
} from "../../objects/object.ts";
import {
  call,
  compareOp,
  genericAliasHook,
  getIter,
  intValueOf,
  isCallable,
  isTrue,
  repr,
  reprGuard,
} from "../../objects/ops.ts";
import { installDict, installNew } from "../../objects/types/type.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";

// ---------------------------------------------------------------------------------------------
// reduce

function reduce(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("reduce", args, kwnames, 2, 3);
  const f = args[0];
  const it = getIter(args[1]);
  const next = typeOf(it).tp_iternext!;
  let acc: PyValue | undefined = args.length > 2 ? args[2] : undefined;
  for (;;) {
    const v = next(it);
    if (v === undefined) break;
    acc = acc === undefined ? v : call(f, [acc, v]);
  }
  if (acc === undefined) raise(Exc.TypeError, "reduce() of empty iterable with no initial value");
  return acc;
}

// ---------------------------------------------------------------------------------------------
// partial

/** `partial(func, *args, **keywords)`. */
export class PyPartial extends PyObject {
  declare func: PyValue;
  declare args: PyValue[];
  declare keywords: PyDict;
  constructor(cls: PyType, func: PyValue, args: PyValue[], keywords: PyDict) {
    super();
    this.cls = cls;
    this.dict = new PyDict();
    this.func = func;
    this.args = args;
    this.keywords = keywords;
  }
}

const partialType = moduleType("functools", "partial");
partialType.hasInstanceDict = true;
installDict(partialType);
partialType.tp_new = (cls, args, kwnames) => {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos < 1) raise(Exc.TypeError, "type 'partial' takes at least one argument");
  let func = args[0];
  let pargs = args.slice(1, npos);
  const keywords = new PyDict();
  // partial(partial(f, 1), 2) is partial(f, 1, 2) when both are plain partials.
  if (func instanceof PyPartial && func.cls === partialType && cls === partialType) {
    pargs = [...func.args, ...pargs];
    for (const k of func.keywords.keyList()) keywords.set(k, func.keywords.get(k)!);
    func = func.func;
  }
  if (!isCallable(func)) raise(Exc.TypeError, "the first argument must be callable");
  for (let i = 0; i < nkw; i++) keywords.setStr(kwnames![i], args[npos + i]);
  return new PyPartial(cls, func, pargs, keywords);
};
installNew(partialType);

function partialCall(self: PyValue, args: PyValue[], kwnames: string[] | null): PyValue {
  const p = self as PyPartial;
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (p.keywords.size === 0) {
    return call(p.func, p.args.length === 0 ? args : [...p.args, ...args], kwnames);
  }
  const npos = args.length - nkw;
  const kw = new Map<string, PyValue>();
  for (const k of p.keywords.keyList()) kw.set(k as string, p.keywords.get(k)!);
  for (let i = 0; i < nkw; i++) kw.set(kwnames![i], args[npos + i]);
  return call(p.func, [...p.args, ...args.slice(0, npos), ...kw.values()], [...kw.keys()]);
}
partialType.tp_call = partialCall;
defMethod(partialType, "__call__", (args, kwnames) => partialCall(args[0], args.slice(1), kwnames));
defGetSet(partialType, "func", (p) => (p as PyPartial).func);
defGetSet(partialType, "args", (p) => newTuple((p as PyPartial).args.slice()));
defGetSet(partialType, "keywords", (p) => (p as PyPartial).keywords);
defMethod(partialType, "__repr__", (args) => {
  const p = args[0] as PyPartial;
  const t = typeOf(p);
  const name = t === partialType ? "functools.partial" : t.qualname;
  return reprGuard(p, "...", () => {
    const parts = [repr(p.func), ...p.args.map((a) => repr(a))];
    for (const k of p.keywords.keyList()) parts.push(`${k as string}=${repr(p.keywords.get(k)!)}`);
    return `${name}(${parts.join(", ")})`;
  });
});
defMethod(partialType, "__reduce__", (args) => {
  const p = args[0] as PyPartial;
  const state = newTuple([
    p.func,
    newTuple(p.args),
    p.keywords,
    p.dict !== null && p.dict.size > 0 ? p.dict : None,
  ]);
  return newTuple([p.cls, newTuple([p.func]), state]);
});
defMethod(partialType, "__setstate__", (args) => {
  const p = args[0] as PyPartial;
  const state = args[1];
  if (!(state instanceof PyTuple) || state.items.length !== 4) raise(Exc.TypeError, "invalid partial state");
  const [func, fargs, kw, dict] = state.items;
  if (!isCallable(func) || !(fargs instanceof PyTuple) || (kw !== None && !(kw instanceof PyDict))) {
    raise(Exc.TypeError, "invalid partial state");
  }
  p.func = func;
  p.args = fargs.items.slice();
  p.keywords = kw instanceof PyDict ? kw : new PyDict();
  p.dict = dict instanceof PyDict ? dict : new PyDict();
  return None;
});
defMethod(partialType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));

// ---------------------------------------------------------------------------------------------
// cmp_to_key

/** A KeyWrapper: `cmp` with no `obj` is what cmp_to_key returns; calling it wraps an object. */
class PyKeyWrapper extends PyObject {
  declare cmp: PyValue;
  declare obj: PyValue | null;
  constructor(cmp: PyValue, obj: PyValue | null) {
    super();
    this.cls = keyWrapperType;
    this.dict = null;
    this.cmp = cmp;
    this.obj = obj;
  }
}
const keyWrapperType = moduleType("functools", "KeyWrapper", objectType, 0);
keyWrapperType.attrs.set("__hash__", None);
keyWrapperType.tp_call = (self, args, kwnames) => {
  const [obj] = bindArgs("K", args, kwnames, ["obj"], 1);
  return new PyKeyWrapper((self as PyKeyWrapper).cmp, obj!);
};
defMethod(
  keyWrapperType,
  "__call__",
  (args, kwnames) => keyWrapperType.tp_call!(args[0], args.slice(1), kwnames),
);
defGetSet(keyWrapperType, "obj", (k) => {
  const o = (k as PyKeyWrapper).obj;
  if (o === null) raise(Exc.AttributeError, "obj");
  return o;
}, (k, v) => {
  (k as PyKeyWrapper).obj = v ?? null;
});
/** The rich comparisons of K objects: `cmp(a, b) OP 0`. */
const KEY_COMPARISONS: [string, number][] = [
  ["__lt__", PY_LT],
  ["__le__", PY_LE],
  ["__eq__", PY_EQ],
  ["__ne__", PY_NE],
  ["__gt__", PY_GT],
  ["__ge__", PY_GE],
];
for (const [name, op] of KEY_COMPARISONS) {
  defMethod(keyWrapperType, name, (args) => {
    const a = args[0] as PyKeyWrapper, b = args[1];
    if (!(b instanceof PyKeyWrapper)) raise(Exc.TypeError, "other argument must be K instance");
    if (a.obj === null || b.obj === null) raise(Exc.AttributeError, "object");
    return compareOp(call(a.cmp, [a.obj, b.obj]), 0, op);
  });
}

function cmpToKey(args: PyValue[], kwnames: string[] | null): PyValue {
  const [cmp] = bindArgs("cmp_to_key", args, kwnames, ["mycmp"], 1);
  return new PyKeyWrapper(cmp!, null);
}

// ---------------------------------------------------------------------------------------------
// _lru_cache_wrapper

/** The cache behind lru_cache: results by key in a dict whose order is the recency order. */
class PyLruCache extends PyObject {
  declare func: PyValue;
  /** -1 when unbounded. */
  declare maxsize: number;
  declare typed: boolean;
  declare cache: PyDict;
  declare hits: number;
  declare misses: number;
  declare cacheInfoType: PyValue;
  constructor(cls: PyType, func: PyValue, maxsize: number, typed: boolean, cacheInfoType: PyValue) {
    super();
    this.cls = cls;
    this.dict = new PyDict();
    this.func = func;
    this.maxsize = maxsize;
    this.typed = typed;
    this.cache = new PyDict();
    this.hits = 0;
    this.misses = 0;
    this.cacheInfoType = cacheInfoType;
  }
}

/** Separates positional arguments from keyword ones in a cache key. */
const KWD_MARK = newObject(objectType);

/**
 * The cache key of a call: a lone int or str argument is its own key (as CPython's _make_key);
 * otherwise a tuple of the arguments, the keyword names and values, and with `typed` the types.
 */
function makeKey(args: PyValue[], kwnames: string[] | null, typed: boolean): PyValue {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (nkw === 0 && args.length === 1) {
    const a = args[0];
    const t = typeOf(a);
    if (t === intType || t === strType) return a;
  }
  const npos = args.length - nkw;
  const key: PyValue[] = args.slice(0, npos);
  if (nkw > 0) {
    key.push(KWD_MARK);
    for (let i = 0; i < nkw; i++) key.push(kwnames![i], args[npos + i]);
  }
  if (typed) {
    for (let i = 0; i < npos; i++) key.push(typeOf(args[i]));
    for (let i = 0; i < nkw; i++) key.push(typeOf(args[npos + i]));
  }
  return new PyTuple(key);
}

function lruCall(self: PyValue, args: PyValue[], kwnames: string[] | null): PyValue {
  const c = self as PyLruCache;
  if (c.maxsize === 0) {
    c.misses++;
    return call(c.func, args, kwnames);
  }
  const key = makeKey(args, kwnames, c.typed);
  const cache = c.cache;
  const i = cache.find(key);
  if (i >= 0) {
    c.hits++;
    const v = cache.values[i];
    // Most recently used goes last (only bounded caches care about recency).
    if (c.maxsize > 0 && i !== cache.keys.length - 1) {
      const k = cache.keys[i];
      cache.delete(k);
      cache.set(k, v);
    }
    return v;
  }
  c.misses++;
  const result = call(c.func, args, kwnames);
  // The call may have filled this key already (recursion): keep the first result stored.
  if (cache.find(key) >= 0) return result;
  if (c.maxsize > 0 && cache.size >= c.maxsize) evictOldest(cache);
  cache.set(key, result);
  return result;
}

function evictOldest(cache: PyDict): void {
  const keys = cache.keys;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== DELETED) {
      cache.delete(keys[i]);
      return;
    }
  }
}

const lruCacheType = moduleType("functools", "_lru_cache_wrapper");
lruCacheType.hasInstanceDict = true;
installDict(lruCacheType);
lruCacheType.tp_new = (cls, args, kwnames) => {
  expectArgs("_lru_cache_wrapper", args, kwnames, 4, 4);
  const [func, maxsizeArg, typed, cacheInfoType] = args;
  if (!isCallable(func)) raise(Exc.TypeError, "the first argument must be callable");
  let maxsize: number;
  if (maxsizeArg === None) maxsize = -1;
  else {
    const n = intValueOf(maxsizeArg);
    if (n === undefined) raise(Exc.TypeError, "maxsize should be integer or None");
    maxsize = n < 0 ? 0 : Number(n);
  }
  return new PyLruCache(cls, func, maxsize, isTrue(typed), cacheInfoType);
};
installNew(lruCacheType);
lruCacheType.tp_call = lruCall;
// Like a function, the wrapper binds to instances when it is a class attribute.
lruCacheType.tp_descr_get = (self, obj) => (obj === null ? self : new PyMethod(self, obj));
defMethod(lruCacheType, "__get__", (args) => (args[1] === None ? args[0] : new PyMethod(args[0], args[1])));
defMethod(lruCacheType, "__call__", (args, kwnames) => lruCall(args[0], args.slice(1), kwnames));
defMethod(lruCacheType, "cache_info", (args) => {
  const c = args[0] as PyLruCache;
  return call(c.cacheInfoType, [c.hits, c.misses, c.maxsize < 0 ? None : c.maxsize, c.cache.size]);
});
defMethod(lruCacheType, "cache_clear", (args) => {
  const c = args[0] as PyLruCache;
  c.cache.clear();
  c.hits = 0;
  c.misses = 0;
  return None;
});
defMethod(lruCacheType, "__copy__", (args) => args[0]);
defMethod(lruCacheType, "__deepcopy__", (args) => args[0]);
defMethod(lruCacheType, "__reduce__", (args) => {
  const c = args[0] as PyLruCache;
  const q = c.dict?.getStr("__qualname__");
  return q ?? repr(c);
});

/** Builds the _functools module. */
export function makeFunctoolsModule(): PyModule {
  return buildModule(
    "_functools",
    "Tools that operate on functions.",
    { reduce, cmp_to_key: cmpToKey },
    { partial: partialType, KeyWrapper: keyWrapperType, _lru_cache_wrapper: lruCacheType },
  );
}
