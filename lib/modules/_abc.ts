/**
 * The `_abc` module of CPython 3.11 (C there), under lib/python/abc.py: the bookkeeping of
 * abstract base classes. In: an ABC (a class whose metaclass is ABCMeta) and the classes and
 * instances asked about. Out: its abstract method names, its registry of virtual subclasses, and the
 * answers of isinstance/issubclass, remembered per ABC in a positive and a negative cache.
 *
 * - `_abc_init(cls)` sets `cls.__abstractmethods__` (the namespace's abstract members, and the
 *   bases' abstract names that `cls` has not overridden) and gives `cls` its state (`_abc_impl`);
 * - `_abc_register(cls, subclass)` adds a virtual subclass;
 * - `_abc_instancecheck` / `_abc_subclasscheck` answer ABCMeta's `__instancecheck__` /
 *   `__subclasscheck__`: the caches first, then `__subclasshook__`, the MRO, the registry and the
 *   subclasses, caching the answer. Registering anywhere bumps a global token, which makes every
 *   negative cache stale;
 * - `get_cache_token`, `_get_dump`, `_reset_registry`, `_reset_caches`.
 *
 * As in CPython, the registry and the caches hold their classes weakly: a class made in a loop and
 * checked against an ABC can still be collected.
 *
 * @example
 * ```ts
 * import { makeAbcModule } from "./_abc.ts";
 * const m = makeAbcModule();
 * ```
 * @module
 */
import {
  Exc,
  frozensetType,
  newSet,
  newTuple,
  None,
  NotImplemented,
  PyObject,
  PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { call, getAttr, getAttrOrUndefined, getIter, isTrue, setAttr, toArray } from "../../objects/ops.ts";
import { isAbstract } from "../../objects/types/type.ts";
import { isSubclassCheck } from "../builtins.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";
import { newWeakRef, refType } from "./_weakref.ts";

/** A set of classes held weakly that can also list its live members (for `_get_dump`). */
class WeakClassSet {
  #members = new WeakSet<PyType>();
  #refs: WeakRef<PyType>[] = [];
  /** Length of #refs at which the dead references are dropped (doubles with the live count). */
  #pruneAt = 16;

  has(cls: PyType): boolean {
    return this.#members.has(cls);
  }

  add(cls: PyType): void {
    if (this.#members.has(cls)) return;
    this.#members.add(cls);
    this.#refs.push(new WeakRef(cls));
    if (this.#refs.length >= this.#pruneAt) {
      this.#refs = this.#refs.filter((r) => r.deref() !== undefined);
      this.#pruneAt = Math.max(16, 2 * this.#refs.length);
    }
  }

  /** The live members, oldest first. */
  live(): PyType[] {
    const out: PyType[] = [];
    for (const r of this.#refs) {
      const cls = r.deref();
      if (cls !== undefined) out.push(cls);
    }
    return out;
  }

  clear(): void {
    this.#members = new WeakSet();
    this.#refs = [];
    this.#pruneAt = 16;
  }
}

/** `_abc._abc_data`: one ABC's registry and caches. */
class AbcData extends PyObject {
  declare registry: WeakClassSet;
  declare cache: WeakClassSet;
  declare negativeCache: WeakClassSet;
  /** The cache token when the negative cache was last valid. */
  declare negativeVersion: number;
  constructor() {
    super();
    this.cls = abcDataType;
    this.dict = null;
    this.registry = new WeakClassSet();
    this.cache = new WeakClassSet();
    this.negativeCache = new WeakClassSet();
    this.negativeVersion = invalidationCounter;
  }
}

const abcDataType: PyType = moduleType("_abc", "_abc_data", undefined, 0);

/** Bumped by every registration: negative caches made before it are stale. */
let invalidationCounter = 0;

function implOf(cls: PyValue): AbcData {
  const impl = getAttr(cls, "_abc_impl");
  if (!(impl instanceof AbcData)) raise(Exc.TypeError, "_abc_impl is set to a wrong type");
  return impl;
}

/** The names of `cls`'s abstract methods: its own abstract members, and its bases' still abstract. */
function abstractNames(cls: PyType): PyValue[] {
  const names = new Set<string>();
  cls.attrs.forEach((value, name) => {
    if (isAbstract(value)) names.add(name);
  });
  for (const base of cls.bases) {
    const inherited = getAttrOrUndefined(base, "__abstractmethods__");
    if (inherited === undefined) continue;
    const it = getIter(inherited);
    const next = typeOf(it).tp_iternext!;
    for (let name = next(it); name !== undefined; name = next(it)) {
      if (typeof name !== "string") raise(Exc.TypeError, "__abstractmethods__ must contain strings");
      const value = getAttrOrUndefined(cls, name);
      if (value !== undefined && isAbstract(value)) names.add(name);
    }
  }
  return [...names];
}

function abcInit(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("_abc_init", args, kwnames, 1, 1);
  const cls = args[0];
  if (!(cls instanceof PyType)) raise(Exc.TypeError, "_abc_init() argument must be a class");
  setAttr(cls, "__abstractmethods__", newSet(abstractNames(cls), frozensetType));
  setAttr(cls, "_abc_impl", new AbcData());
  return None;
}

function abcRegister(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("_abc_register", args, kwnames, 2, 2);
  const [cls, subclass] = args;
  if (!(subclass instanceof PyType)) raise(Exc.TypeError, "Can only register classes");
  if (isSubclassCheck(subclass, cls)) return subclass; // already a subclass
  // A cycle would make issubclass recurse forever.
  if (isSubclassCheck(cls, subclass)) raise(Exc.RuntimeError, "Refusing to create an inheritance cycle");
  implOf(cls).registry.add(subclass);
  invalidationCounter++;
  return subclass;
}

function abcInstancecheck(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("_abc_instancecheck", args, kwnames, 2, 2);
  const [cls, instance] = args;
  const impl = implOf(cls);
  const subclass = getAttr(instance, "__class__");
  if (subclass instanceof PyType && impl.cache.has(subclass)) return true;
  const subtype = typeOf(instance);
  const check = (c: PyValue) => call(getAttr(cls, "__subclasscheck__"), [c]);
  if (subtype === subclass) {
    if (
      impl.negativeVersion === invalidationCounter && subclass instanceof PyType &&
      impl.negativeCache.has(subclass)
    ) return false;
    return check(subclass);
  }
  const result = check(subclass);
  if (isTrue(result)) return result;
  return check(subtype);
}

function abcSubclasscheck(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("_abc_subclasscheck", args, kwnames, 2, 2);
  const [cls, subclass] = args;
  if (!(subclass instanceof PyType)) raise(Exc.TypeError, "issubclass() arg 1 must be a class");
  const impl = implOf(cls);
  if (impl.cache.has(subclass)) return true;
  if (impl.negativeVersion < invalidationCounter) {
    impl.negativeCache.clear();
    impl.negativeVersion = invalidationCounter;
  } else if (impl.negativeCache.has(subclass)) return false;
  // 1. The ABC's own hook decides, if it wants to.
  const ok = call(getAttr(cls, "__subclasshook__"), [subclass]);
  if (ok !== NotImplemented) {
    if (typeof ok !== "boolean") {
      raise(Exc.AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
    }
    (ok ? impl.cache : impl.negativeCache).add(subclass);
    return ok;
  }
  // 2. A real subclass; 3. a registered class (not cached, as CPython), or a subclass of one;
  // 4. a subclass of a subclass of the ABC.
  if (cls instanceof PyType && subclass.mro.includes(cls)) {
    impl.cache.add(subclass);
    return true;
  }
  if (impl.registry.has(subclass)) return true;
  const answer = impl.registry.live().some((r) => isSubclassCheck(subclass, r)) ||
    toArray(call(getAttr(cls, "__subclasses__"), [])).some((s) => isSubclassCheck(subclass, s));
  (answer ? impl.cache : impl.negativeCache).add(subclass);
  return answer;
}

function weakRefs(classes: PyType[]): PyValue {
  return newSet(classes.map((c) => newWeakRef(refType, c, None)));
}

const FUNCTIONS = {
  get_cache_token(args: PyValue[], kwnames: string[] | null): PyValue {
    expectArgs("get_cache_token", args, kwnames, 0, 0);
    return invalidationCounter;
  },
  _abc_init: abcInit,
  _abc_register: abcRegister,
  _abc_instancecheck: abcInstancecheck,
  _abc_subclasscheck: abcSubclasscheck,
  _get_dump(args: PyValue[], kwnames: string[] | null): PyValue {
    expectArgs("_get_dump", args, kwnames, 1, 1);
    const impl = implOf(args[0]);
    return newTuple([
      weakRefs(impl.registry.live()),
      weakRefs(impl.cache.live()),
      weakRefs(impl.negativeCache.live()),
      impl.negativeVersion,
    ]);
  },
  _reset_registry(args: PyValue[], kwnames: string[] | null): PyValue {
    expectArgs("_reset_registry", args, kwnames, 1, 1);
    implOf(args[0]).registry.clear();
    return None;
  },
  _reset_caches(args: PyValue[], kwnames: string[] | null): PyValue {
    expectArgs("_reset_caches", args, kwnames, 1, 1);
    const impl = implOf(args[0]);
    impl.cache.clear();
    impl.negativeCache.clear();
    return None;
  },
};

/** The `_abc` module. */
export function makeAbcModule(): ReturnType<typeof buildModule> {
  return buildModule("_abc", "Module contains faster C implementation of abc.ABCMeta", FUNCTIONS, {
    _abc_data: abcDataType,
  });
}
