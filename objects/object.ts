/**
 * The object model's core: JS classes for every runtime object kind → the values the VM passes
 * around (`PyValue`), the builtin type objects (empty here; objects/types/*.ts fill their methods), the
 * exception hierarchy (one table), and the helpers to raise Python exceptions from TypeScript.
 *
 * Value representation (vm_contract.md): `int` is a JS number (safe integer, never -0) or a
 * bigint beyond the safe range; `bool` is a JS boolean; `str` is a JS string; everything else is
 * a `PyObject` whose constructor sets `cls` first.
 *
 * @example
 * ```ts
 * import { PyList, typeOf } from "./object.ts";
 * const list = new PyList([1, 2, 3]);
 * console.log(typeOf(list).name); // "list"
 * ```
 * @module
 */
import { BINARY_OPERATORS, COMPARISONS } from "../instructions/operators.ts";

/**
 * Protocol functions that the containers here need but that live in ops.ts (object.ts imports
 * nothing, so every other vm file can import it without module-cycle hazards); ops.ts installs them.
 */
export const runtimeHooks: {
  hash: (v: PyValue) => number;
  /** Python's exact 64-bit hash into hash64Out, for CPython-identical set layout. */
  hash64: (v: PyValue) => void;
  richEq: (a: PyValue, b: PyValue) => boolean;
  /** The heap guard's charge for a new dict or set entry (heap_guard.ts installs checkHeap). */
  checkHeap: (bytes: number) => void;
} = {
  hash: () => 0,
  hash64: () => {},
  richEq: (a, b) => a === b,
  checkHeap: () => {},
};

/** What a new dict entry or set element costs, for the heap guard (slots, index, growth). */
const DICT_ENTRY_BYTES = 48, SET_ENTRY_BYTES = 32;

/** Output registers of runtimeHooks.hash64: the unsigned high and low 32-bit halves. */
export const hash64Out: { hi: number; lo: number } = { hi: 0, lo: 0 };

/** Any Python value. */
export type PyValue = number | bigint | boolean | string | PyObject;

/** The calling convention (vectorcall): positional values, then keyword values named by kwnames. */
export type CallSlot = (self: PyValue, args: PyValue[], kwnames: string[] | null) => PyValue;
/** `type.__call__`'s first step: make an instance of `cls` (a subtype of the slot's owner). */
export type NewSlot = (cls: PyType, args: PyValue[], kwnames: string[] | null) => PyValue;
/** A descriptor's `__get__`: obj is null when looked up on the class itself. */
export type DescrGetSlot = (descr: PyValue, obj: PyValue | null, type: PyType) => PyValue;
/** A descriptor's `__set__` (value) or `__delete__` (value undefined). */
export type DescrSetSlot = (descr: PyValue, obj: PyValue, value: PyValue | undefined) => void;
/** Attribute lookup: undefined when missing (the caller raises AttributeError). */
export type GetAttrSlot = (obj: PyValue, name: string) => PyValue | undefined;
/** Attribute store (value) or delete (value undefined). */
export type SetAttrSlot = (obj: PyValue, name: string, value: PyValue | undefined) => void;
/** `iter(x)`. */
export type IterSlot = (obj: PyValue) => PyValue;
/** `next(it)`: undefined when exhausted. */
export type IterNextSlot = (it: PyValue) => PyValue | undefined;

/** The base of every non-primitive Python value. */
export class PyObject {
  /** The Python type. */
  declare cls: PyType;
  /** The instance attribute dict (`__dict__`), or null for objects that have none. */
  declare dict: PyDict | null;
  // No constructor on purpose: with the default one V8 skips the base call entirely, so a
  // subclass's `new` (a PyFloat per float operation) is one call, not two (measured: float
  // arithmetic 35% faster). Subclasses call super() and store cls and dict themselves, which
  // also keeps each store site monomorphic. Plain objects come from newObject().
}

/** A plain object of type `cls` (None, a SimpleNamespace, …): PyObject has no constructor. */
export function newObject(cls: PyType, dict: PyDict | null = null): PyObject {
  const o = new PyObject();
  o.cls = cls;
  o.dict = dict;
  return o;
}

// ---------------------------------------------------------------------------------------------
// Types

/** PyType.flags bits. */
export const TYPE_HEAP = 1; // defined by a class statement or type(name, bases, dict)
export const TYPE_BASETYPE = 2; // may be subclassed
export const TYPE_IDENTITY_KEY = 4; // __eq__ and __hash__ are object's: dicts key instances by identity
export const TYPE_ABSTRACT = 8;
/**
 * `name` is a C type's tp_name, `module.name` (`collections.deque`, `decimal.Decimal`): messages
 * show it whole, as CPython's do; `__name__` is the part after the last dot (shortTypeName).
 */
export const TYPE_QUALIFIED_NAME = 16;

/** A type's `__name__`: its name, less the module of a qualified one (CPython's _PyType_Name). */
export function shortTypeName(t: PyType): string {
  return (t.flags & TYPE_QUALIFIED_NAME) === 0 ? t.name : t.name.slice(t.name.lastIndexOf(".") + 1);
}

/**
 * Places `t`, a type CPython writes in C, in module `module`: its `__module__`, and the name its
 * messages show, `module.name` (TYPE_QUALIFIED_NAME), as C types are named by their tp_name.
 */
export function placeCType(t: PyType, module: string): void {
  t.module = module;
  if (module === "builtins" || (t.flags & TYPE_QUALIFIED_NAME) !== 0) return;
  t.name = `${module}.${t.name}`;
  t.flags |= TYPE_QUALIFIED_NAME;
}

let nextTypeVersion = 1;

/** A type's direct subclasses, weakly held, in the order they were made. */
export class SubclassList {
  private refs: WeakRef<PyType>[] = [];

  add(t: PyType): void {
    this.refs.push(new WeakRef(t));
  }

  remove(t: PyType): void {
    const i = this.refs.findIndex((r) => r.deref() === t);
    if (i >= 0) this.refs.splice(i, 1);
  }

  /** The subclasses still alive (the collected ones are dropped from the list). */
  live(): PyType[] {
    const out: PyType[] = [];
    let dead = 0;
    for (const r of this.refs) {
      const t = r.deref();
      if (t === undefined) dead++;
      else out.push(t);
    }
    if (dead > 0) this.refs = this.refs.filter((r) => r.deref() !== undefined);
    return out;
  }
}

/** A Python type (class). */
export class PyType extends PyObject {
  declare name: string;
  declare qualname: string;
  declare module: string;
  declare bases: PyType[];
  /** The first base (CPython's tp_base after solid-base selection; the MRO decides lookups). */
  declare base: PyType | null;
  declare mro: PyType[];
  /** The class namespace (`__dict__`), keyed by attribute name. */
  declare attrs: Map<string, PyValue>;
  /** Bumped (to a fresh global number) whenever this type or one of its bases changes. */
  declare version: number;
  declare flags: number;
  /**
   * Direct subclasses, so that a change to this type invalidates their caches too. Held weakly, as
   * CPython's tp_subclasses: a class nothing else refers to (and its module's whole namespace,
   * through its methods) is not kept alive by its bases.
   */
  declare subclasses: SubclassList;
  /** Names in `__slots__` (own, not inherited), or null. */
  declare slotNames: string[] | null;
  /** Slot values an instance carries: this type's `__slots__` plus its bases'. */
  declare slotCount: number;
  /** Whether instances of this type get a `__dict__`. */
  declare hasInstanceDict: boolean;
  declare tp_call: CallSlot | null;
  declare tp_new: NewSlot | null;
  declare tp_descr_get: DescrGetSlot | null;
  declare tp_descr_set: DescrSetSlot | null;
  declare tp_getattro: GetAttrSlot | null;
  declare tp_setattro: SetAttrSlot | null;
  declare tp_iter: IterSlot | null;
  declare tp_iternext: IterNextSlot | null;
  /**
   * Fixed-arity entry points for calling this exact type with positional arguments (see
   * Native1; set by builtins.ts for int, str, range, …), or null.
   */
  declare call1: Native1 | null;
  declare call2: Native2 | null;
  declare call3: Native3 | null;
  /** The builtin type whose JS class this type's instances use (list for class L(list)). */
  declare solidBase: PyType;
  /** MRO lookups cached by name (null = known missing); cleared on any change. */
  declare lookupCache: Map<string, PyValue | null>;
  /** Whether the MRO has data descriptors with non-dunder names: 0 unknown, 1 no, 2 yes. */
  declare plainDataDescriptors: number;
  /** lookup() results for the hot dunders (HOT_DUNDERS index; undefined = not looked up yet). */
  declare dunderCache: (PyValue | null | undefined)[];
  constructor(
    metatype: PyType | null,
    name: string,
    bases: PyType[],
    attrs: Map<string, PyValue> = new Map(),
    flags = TYPE_BASETYPE,
  ) {
    super();
    this.cls = metatype as PyType;
    this.dict = null;
    this.name = name;
    this.qualname = name;
    this.module = "builtins";
    this.bases = bases;
    this.base = bases.length > 0 ? bases[0] : null;
    this.mro = [];
    this.attrs = attrs;
    this.version = nextTypeVersion++;
    this.flags = flags;
    this.subclasses = new SubclassList();
    this.slotNames = null;
    this.slotCount = 0;
    this.hasInstanceDict = false;
    this.tp_call = null;
    this.tp_new = null;
    this.tp_descr_get = null;
    this.tp_descr_set = null;
    this.tp_getattro = null;
    this.tp_setattro = null;
    this.tp_iter = null;
    this.tp_iternext = null;
    this.call1 = null;
    this.call2 = null;
    this.call3 = null;
    this.solidBase = this;
    this.lookupCache = new Map();
    this.plainDataDescriptors = 0;
    this.dunderCache = freshDunderCache();
    for (const b of bases) b.subclasses.add(this);
  }

  /** Finds `name` along the MRO (no descriptor binding); undefined when missing. */
  lookup(name: string): PyValue | undefined {
    const cached = this.lookupCache.get(name);
    if (cached !== undefined) return cached === null ? undefined : cached;
    return this.lookupSlow(name);
  }

  /** lookup(HOT_DUNDERS[index]) through an array cache: the operator protocols' hot path. */
  lookupDunder(index: number): PyValue | undefined {
    let cache = this.dunderCache;
    if (cache.length !== HOT_DUNDERS.length) cache = this.dunderCache = freshDunderCache();
    const v = cache[index];
    if (v !== undefined) return v === null ? undefined : v;
    const r = this.lookup(HOT_DUNDERS[index]);
    cache[index] = r === undefined ? null : r;
    return r;
  }

  private lookupSlow(name: string): PyValue | undefined {
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].attrs.get(name);
      if (v !== undefined) {
        this.lookupCache.set(name, v);
        return v;
      }
    }
    this.lookupCache.set(name, null);
    return undefined;
  }

  /**
   * Records a change to this type: new version, caches of it and every subclass cleared. Every
   * change to a type or its bases (attributes, dunders, descriptors, attribute hooks) must come
   * through here: the tier-1 caches and the specializer trust an unchanged `version`.
   */
  modified(): void {
    this.version = nextTypeVersion++;
    this.lookupCache.clear();
    this.plainDataDescriptors = 0;
    this.dunderCache = freshDunderCache();
    for (const s of this.subclasses.live()) s.modified();
    typeModifiedHook(this);
  }

  /**
   * Whether an instance attribute `name` (not a dunder) can be read from / written to the
   * instance dict without looking at the type first: true when no class in the MRO has a data
   * descriptor (property, slot, getset, …) under a non-dunder name.
   */
  instanceDictFirst(name: string): boolean {
    if (name.charCodeAt(0) === 95 && name.charCodeAt(1) === 95) return false;
    if (this.plainDataDescriptors === 0) this.plainDataDescriptors = this.scanDataDescriptors() ? 2 : 1;
    return this.plainDataDescriptors === 1;
  }

  /**
   * Whether the MRO has a data descriptor under a non-dunder name: in this class's namespace, or
   * in an ancestor's MRO (each ancestor's answer is cached, and its MRO is part of this one), so
   * that making a class scans its own namespace only.
   */
  private scanDataDescriptors(): boolean {
    let found = false;
    this.attrs.forEach((v, k) => {
      if (!found && typeof v === "object" && v.cls.tp_descr_set !== null && !k.startsWith("__")) found = true;
    });
    const mro = this.mro;
    for (let i = 1; i < mro.length && !found; i++) {
      const b = mro[i];
      if (b.plainDataDescriptors === 0) b.plainDataDescriptors = b.scanDataDescriptors() ? 2 : 1;
      found = b.plainDataDescriptors === 2;
    }
    return found;
  }

  /** Whether this type is `other` or a subclass of it. */
  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }
}

/** Dunder names with an array-indexed lookup cache on every type (see PyType.lookupDunder). */
export const HOT_DUNDERS: string[] = [];

/** Adds dunder names to HOT_DUNDERS; returns the index of the first (ops.ts registers its table). */
export function registerHotDunders(names: readonly string[]): number {
  const base = HOT_DUNDERS.length;
  HOT_DUNDERS.push(...names);
  return base;
}

function freshDunderCache(): (PyValue | null | undefined)[] {
  return new Array(HOT_DUNDERS.length).fill(undefined);
}

/** Called after a type changed (ops.ts recomputes the slots that depend on dunders). */
/** Callbacks told of every type modification (the JIT invalidates what assumed the old version). */
const typeWatchers: ((t: PyType) => void)[] = [];

/** Calls `watcher(t)` whenever type `t` (or, through it, a subclass) is modified. */
export function addTypeWatcher(watcher: (t: PyType) => void): void {
  typeWatchers.push(watcher);
}

function typeModifiedHook(t: PyType): void {
  for (let i = 0; i < typeWatchers.length; i++) typeWatchers[i](t);
}

/** Callbacks told when a watched dict (`watchDict`) changes: a key added, rebound or removed. */
const dictWatchers: ((d: PyDict, key: PyValue | null) => void)[] = [];

/** Calls `watcher(d, key)` when a dict marked by `watchDict` changes (key null: cleared). */
export function addDictWatcher(watcher: (d: PyDict, key: PyValue | null) => void): void {
  dictWatchers.push(watcher);
}

/** Marks `d` so that its changes are announced to the dict watchers (module globals, builtins). */
export function watchDict(d: PyDict): void {
  d.watched = true;
}

function dictChanged(d: PyDict, key: PyValue | null): void {
  for (let i = 0; i < dictWatchers.length; i++) dictWatchers[i](d, key);
}

/** C3 linearization (CPython's mro_internal); raises TypeError on an inconsistent hierarchy. */
export function computeMro(type: PyType): PyType[] {
  const bases = type.bases;
  if (bases.length === 0) return [type];
  if (bases.length === 1) return [type].concat(bases[0].mro);
  const seqs: PyType[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const result: PyType[] = [type];
  for (;;) {
    let nonEmpty = false;
    for (const s of seqs) if (s.length > 0) nonEmpty = true;
    if (!nonEmpty) return result;
    let candidate: PyType | null = null;
    for (const s of seqs) {
      if (s.length === 0) continue;
      const head = s[0];
      let inTail = false;
      for (const other of seqs) {
        if (other.indexOf(head) > 0) {
          inTail = true;
          break;
        }
      }
      if (!inTail) {
        candidate = head;
        break;
      }
    }
    if (candidate === null) {
      const heads: string[] = [];
      for (const s of seqs.slice(0, -1)) {
        if (s.length > 0 && !heads.includes(s[0].name)) heads.push(s[0].name);
      }
      raise(
        Exc.TypeError,
        `Cannot create a consistent method resolution\norder (MRO) for bases ${heads.join(", ")}`,
      );
    }
    result.push(candidate);
    for (const s of seqs) if (s[0] === candidate) s.shift();
  }
}

/**
 * Makes a builtin (static) type: `name`, one base (object by default), the JS-side constructor
 * slot `tp_new` inherited from the base unless given.
 */
export function newBuiltinType(
  name: string,
  base: PyType | null = objectType,
  flags = TYPE_BASETYPE,
): PyType {
  const t = new PyType(typeType, name, base ? [base] : [], new Map(), flags);
  t.mro = computeMro(t);
  if (base) {
    t.tp_new = base.tp_new;
    t.solidBase = t;
    t.tp_getattro = base.tp_getattro;
    t.tp_setattro = base.tp_setattro;
  }
  return t;
}

// Bootstrap: `type` and `object` refer to each other.
/** `type`. */
export const typeType: PyType = new PyType(null, "type", []);
/** `object`. */
export const objectType: PyType = new PyType(null, "object", []);
typeType.cls = typeType;
objectType.cls = typeType;
objectType.mro = [objectType];
typeType.bases = [objectType];
typeType.base = objectType;
objectType.subclasses.add(typeType);
typeType.mro = [typeType, objectType];
typeType.hasInstanceDict = true;

/** `int`. */
export const intType: PyType = newBuiltinType("int");
/** `bool` (not subclassable). */
export const boolType: PyType = newBuiltinType("bool", intType, 0);
/** `float`. */
export const floatType: PyType = newBuiltinType("float");
/** `complex`. */
export const complexType: PyType = newBuiltinType("complex");
/** `str`. */
export const strType: PyType = newBuiltinType("str");
/** `bytes`. */
export const bytesType: PyType = newBuiltinType("bytes");
/** `bytearray`. */
export const bytearrayType: PyType = newBuiltinType("bytearray");
/** `list`. */
export const listType: PyType = newBuiltinType("list");
/** `tuple`. */
export const tupleType: PyType = newBuiltinType("tuple");
/** `dict`. */
export const dictType: PyType = newBuiltinType("dict");
/** `set`. */
export const setType: PyType = newBuiltinType("set");
/** `frozenset`. */
export const frozensetType: PyType = newBuiltinType("frozenset");
/** `range`. */
export const rangeType: PyType = newBuiltinType("range", objectType, 0);
/** `slice`. */
export const sliceType: PyType = newBuiltinType("slice", objectType, 0);
/** `NoneType`. */
export const noneType: PyType = newBuiltinType("NoneType", objectType, 0);
/** `NotImplementedType`. */
export const notImplementedType: PyType = newBuiltinType("NotImplementedType", objectType, 0);
/** `ellipsis`. */
export const ellipsisType: PyType = newBuiltinType("ellipsis", objectType, 0);
/** `module`. */
export const moduleType: PyType = newBuiltinType("module");
/** `builtin_function_or_method`. */
export const builtinFunctionType: PyType = newBuiltinType("builtin_function_or_method", objectType, 0);
/** `method_descriptor`: a builtin type's method, unbound. */
export const methodDescriptorType: PyType = newBuiltinType("method_descriptor", objectType, 0);
/** `classmethod_descriptor`: a builtin type's class method (dict.fromkeys). */
export const classMethodDescriptorType: PyType = newBuiltinType("classmethod_descriptor", objectType, 0);
/** `getset_descriptor`: a builtin type's computed attribute. */
export const getsetDescriptorType: PyType = newBuiltinType("getset_descriptor", objectType, 0);
/** `member_descriptor`: a `__slots__` entry. */
export const memberDescriptorType: PyType = newBuiltinType("member_descriptor", objectType, 0);
/** `method`: a function bound to an instance. */
export const methodType: PyType = newBuiltinType("method", objectType, 0);
/** `function`: EXECUTION's PyFunction instances use it and set its tp_call. */
export const functionType: PyType = newBuiltinType("function", objectType, 0);
/** `cell`. */
export const cellType: PyType = newBuiltinType("cell", objectType, 0);
/** `property`. */
export const propertyType: PyType = newBuiltinType("property");
/** `staticmethod`. */
export const staticmethodType: PyType = newBuiltinType("staticmethod");
/** `classmethod`. */
export const classmethodType: PyType = newBuiltinType("classmethod");
/** `super`. */
export const superType: PyType = newBuiltinType("super");
/** `mappingproxy`. */
export const mappingProxyType: PyType = newBuiltinType("mappingproxy", objectType, 0);

// ---------------------------------------------------------------------------------------------
// Singletons and simple values

/** `None`. */
export const None: PyObject = newObject(noneType);
/** `NotImplemented`. */
export const NotImplemented: PyObject = newObject(notImplementedType);
/** `Ellipsis` (`...`). */
export const Ellipsis: PyObject = newObject(ellipsisType);

/** A Python float (never a bare JS number: those are ints). */
export class PyFloat extends PyObject {
  declare value: number;
  constructor(value: number, cls: PyType = floatType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.value = value;
  }
}

/** A Python complex. */
export class PyComplex extends PyObject {
  declare real: number;
  declare imag: number;
  constructor(real: number, imag: number, cls: PyType = complexType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.real = real;
    this.imag = imag;
  }
}

/** An instance of a user subclass of int (`class I(int)`): the int value plus the subclass. */
export class PyIntObject extends PyObject {
  declare value: number | bigint;
  constructor(value: number | bigint, cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.value = value;
  }
}

/** An instance of a user subclass of str (`class S(str)`). */
export class PyStrObject extends PyObject {
  declare value: string;
  constructor(value: string, cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.value = value;
  }
}

/** The type of `v`. */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case "number":
    case "bigint":
      return intType;
    case "string":
      return strType;
    case "boolean":
      return boolType;
    default:
      return (v as PyObject).cls;
  }
}

/** Whether `v` is an instance of `t` or a subclass (no __instancecheck__). */
export function isInstance(v: PyValue, t: PyType): boolean {
  const vt = typeOf(v);
  return vt === t || vt.isSubtypeOf(t);
}

/** Makes a Python int from a bigint, normalized to a number when it fits. */
export function normInt(v: bigint): number | bigint {
  if (v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Containers

/** A Python list. */
export class PyList extends PyObject {
  declare items: PyValue[];
  constructor(items: PyValue[] = [], cls: PyType = listType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.items = items;
  }
}

/** A Python tuple (items never change after construction). */
export class PyTuple extends PyObject {
  declare items: PyValue[];
  constructor(items: PyValue[], cls: PyType = tupleType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.items = items;
  }
}

/** The empty tuple, shared. */
export const EMPTY_TUPLE: PyTuple = new PyTuple([]);

/** Makes a tuple (the empty one is shared). */
export function newTuple(items: PyValue[]): PyTuple {
  return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
}

/** The marker for a deleted dict/set entry. */
export const DELETED: PyObject = newObject(objectType);

/**
 * The key used in a hash container's JS Map when the Python key allows it, else undefined:
 * strings as themselves, ints/bools/integral floats as a number or bigint, other floats as their
 * number, and objects whose type keeps object's __eq__/__hash__ as themselves (identity).
 */
export function fastKey(k: PyValue): unknown {
  switch (typeof k) {
    case "string":
    case "number":
    case "bigint":
      return k;
    case "boolean":
      return k ? 1 : 0;
  }
  const o = k as PyObject;
  if (o instanceof PyFloat) {
    const v = o.value;
    if (v !== v) return undefined; // NaN: equal only to itself, found by identity in the slow path
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) return BigInt(v);
    return v === 0 ? 0 : v;
  }
  if ((o.cls.flags & TYPE_IDENTITY_KEY) !== 0) return o;
  // Instances of str/int subclasses are equal to (and hash like) their values.
  if (o instanceof PyStrObject || o instanceof PyIntObject) return o.value;
  return undefined;
}

/** Up to this many str keys a dict is scanned linearly instead of building a JS Map. */
const SMALL_DICT = 8;

/**
 * A Python dict: insertion-ordered entries in parallel arrays (deleted slots hold DELETED).
 * Small dicts whose keys are all strings (instance and class namespaces, keyword dicts) have no
 * index and are scanned linearly, which makes them cheap to create; larger or mixed ones get a JS
 * Map from fast keys to entry index, plus hash buckets for keys that need Python equality.
 */
/**
 * The layout of an instance's attributes (V8's hidden classes, CPython 3.11's shared keys): their
 * names in the order the instance gained them, as a node of one transition tree rooted at
 * EMPTY_SHAPE. An instance of a Python class keeps its attribute values in an array in that order
 * (PyInstance `values`) and no dict until one is asked for; instances that gained the same
 * attributes in the same order share their shape, so a specialized attribute access guards "this
 * instance has that shape" and reads `values[index]` (LOAD_ATTR_INSTANCE_VALUE). A deletion, too
 * many attributes or too many distinct orders, or asking for `__dict__` moves the instance to a
 * dict for good, without changing what Python sees.
 */
export class Shape {
  declare readonly names: readonly string[];
  declare readonly parent: Shape | null;
  /** The shapes one more attribute leads to, by its name (null: transitions exhausted). */
  declare transitions: Map<string, Shape> | null;
  /** The first transition made, kept in fields: most shapes only ever lead to one. */
  declare firstName: string | null;
  declare firstShape: Shape | null;
  constructor(names: readonly string[], parent: Shape | null) {
    this.names = names;
    this.parent = parent;
    this.transitions = new Map();
    this.firstName = null;
    this.firstShape = null;
  }

  /** The shape after adding attribute `name`, or null (dictionary form). */
  next(name: string): Shape | null {
    if (name === this.firstName) return this.firstShape;
    return this.nextSlow(name);
  }

  private nextSlow(name: string): Shape | null {
    const transitions = this.transitions;
    if (transitions === null) return null;
    let s = transitions.get(name);
    if (s === undefined) {
      if (this.names.length >= SHAPE_MAX_ATTRIBUTES || transitions.size >= SHAPE_MAX_TRANSITIONS) return null;
      s = new Shape([...this.names, name], this);
      transitions.set(name, s);
      if (this.firstName === null) {
        this.firstName = name;
        this.firstShape = s;
      }
    }
    return s;
  }

  /** The index of attribute `name` in this shape, or -1. */
  indexOf(name: string): number {
    return this.names.indexOf(name);
  }
}

/** Attributes an instance may gain before its dict goes to dictionary form. */
const SHAPE_MAX_ATTRIBUTES = 64;
/** Distinct next attributes a shape may lead to (many orders: dictionary form instead). */
const SHAPE_MAX_TRANSITIONS = 32;

/** The shape of an instance dict with no attributes. */
export const EMPTY_SHAPE: Shape = new Shape([], null);

export class PyDict extends PyObject {
  /**
   * Entry keys in insertion order. Invariant the tier-1 caches rely on (vm/interp.ts LOAD_GLOBAL,
   * LOAD_ATTR/STORE_ATTR): this array is only ever appended to, has deleted entries marked, or is
   * replaced whole — an entry index, once valid for a key, stays valid while the array is the same.
   */
  declare keys: PyValue[];
  declare values: PyValue[];
  /** Live entries. */
  declare size: number;
  /** Bumped on every mutation (the specializer guards globals on it). */
  declare version: number;
  /** Fast key → entry index; null while the dict is small and str-keyed (linear scan). */
  declare index: Map<unknown, number> | null;
  /** Python hash → entry indices, for keys without a fast key; null until needed. */
  declare buckets: Map<number, number[]> | null;
  /** Changes are announced to the dict watchers (watchDict). */
  declare watched: boolean;
  constructor(cls: PyType = dictType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.keys = [];
    this.values = [];
    this.size = 0;
    this.version = 0;
    this.index = null;
    this.buckets = null;
    this.watched = false;
  }

  /** Linear search of a small dict for a str key. */
  private scan(k: string): number {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === k) return i;
    return -1;
  }

  /** Switches from linear scanning to a Map index. */
  private buildIndex(): Map<unknown, number> {
    const index = new Map<unknown, number>();
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) index.set(keys[i], i);
    this.index = index;
    return index;
  }

  /** Entry index of `k`, or -1. */
  find(k: PyValue): number {
    const fk = fastKey(k);
    if (fk !== undefined) {
      if (this.index === null) return typeof fk === "string" ? this.scan(fk) : -1;
      const i = this.index.get(fk);
      if (i !== undefined) return i;
      return this.buckets === null ? -1 : this.findSlow(k, runtimeHooks.hash(k));
    }
    const h = runtimeHooks.hash(k);
    const i = this.findSlow(k, h);
    return i >= 0 || this.index === null ? i : this.findFastEqual(k, h);
  }

  /**
   * A key kept by its fast key that equals `k` (a key without one, of hash `h`), or -1: an object
   * whose __eq__ and __hash__ make it equal to an int, a float or a str (`V(1) == 1`,
   * `1+0j == 1`). An int equal to it has hash `h` and is found by that; a str, a float or a big
   * int only by a scan, done for instances of classes defined in Python.
   */
  private findFastEqual(k: PyValue, h: number): number {
    const index = this.index!;
    const candidates = h === -2 ? [h, -1] : [h];
    for (const c of candidates) {
      const i = Number.isSafeInteger(c) ? index.get(c) : undefined;
      if (i !== undefined && runtimeHooks.richEq(this.keys[i], k)) return i;
    }
    if (typeof k !== "object" || (k.cls.flags & TYPE_HEAP) === 0) return -1;
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const kind = typeof key;
      const plain = kind === "string" || kind === "number" || kind === "bigint" || key instanceof PyFloat;
      if (plain && runtimeHooks.hash(key) === h && runtimeHooks.richEq(key, k)) return i;
    }
    return -1;
  }

  private findSlow(k: PyValue, h: number): number {
    if (this.buckets === null) return -1;
    const bucket = this.buckets.get(h);
    if (bucket === undefined) return -1;
    for (let j = 0; j < bucket.length; j++) {
      const i = bucket[j];
      const other = this.keys[i];
      if (other === k) return i;
      // Python's dict compares hash, then identity, then ==; the entry may vanish during __eq__.
      if (runtimeHooks.richEq(other, k)) return i;
    }
    return -1;
  }

  /** The value for `k`, or undefined. */
  get(k: PyValue): PyValue | undefined {
    const i = this.find(k);
    return i < 0 ? undefined : this.values[i];
  }

  /** The value for a str key, or undefined (the globals / attribute fast path). */
  getStr(k: string): PyValue | undefined {
    if (this.index === null) {
      const keys = this.keys;
      for (let i = 0; i < keys.length; i++) if (keys[i] === k) return this.values[i];
      return undefined;
    }
    const i = this.index.get(k);
    return i === undefined ? undefined : this.values[i];
  }

  /** Whether `k` is a key. */
  has(k: PyValue): boolean {
    return this.find(k) >= 0;
  }

  /** Sets `k` to `v`; an existing key keeps its original key object and position. */
  set(k: PyValue, v: PyValue): void {
    const fk = fastKey(k);
    if (fk !== undefined) {
      if (this.index === null) {
        if (typeof fk === "string" && typeof k === "string") {
          this.setStr(k, v);
          return;
        }
        this.buildIndex();
      }
      const index = this.index!;
      let i = index.get(fk);
      // An equal key without a fast key (an object equal to this int or str) keeps its entry.
      if (i === undefined && this.buckets !== null) {
        const j = this.findSlow(k, runtimeHooks.hash(k));
        if (j >= 0) i = j;
      }
      if (i !== undefined) {
        this.values[i] = v;
      } else {
        runtimeHooks.checkHeap(DICT_ENTRY_BYTES);
        index.set(fk, this.keys.length);
        this.keys.push(k);
        this.values.push(v);
        this.size++;
      }
      this.version++;
      if (this.watched) dictChanged(this, k);
      return;
    }
    this.setSlow(k, v);
  }

  private setSlow(k: PyValue, v: PyValue): void {
    if (this.index === null) this.buildIndex();
    const h = runtimeHooks.hash(k);
    let i = this.findSlow(k, h);
    if (i < 0) i = this.findFastEqual(k, h);
    if (i >= 0) {
      this.values[i] = v;
    } else {
      runtimeHooks.checkHeap(DICT_ENTRY_BYTES);
      if (this.buckets === null) this.buckets = new Map();
      const bucket = this.buckets.get(h);
      if (bucket === undefined) this.buckets.set(h, [this.keys.length]);
      else bucket.push(this.keys.length);
      this.keys.push(k);
      this.values.push(v);
      this.size++;
    }
    this.version++;
    if (this.watched) dictChanged(this, k);
  }

  /** Sets a str key. */
  setStr(k: string, v: PyValue): void {
    if (this.index === null) {
      const i = this.scan(k);
      if (i >= 0) this.values[i] = v;
      else {
        this.keys.push(k);
        this.values.push(v);
        this.size++;
        if (this.keys.length > SMALL_DICT) this.buildIndex();
      }
      this.version++;
      if (this.watched) dictChanged(this, k);
      return;
    }
    const i = this.index.get(k);
    if (i !== undefined) {
      this.values[i] = v;
    } else {
      this.index.set(k, this.keys.length);
      this.keys.push(k);
      this.values.push(v);
      this.size++;
    }
    this.version++;
    if (this.watched) dictChanged(this, k);
  }

  /** Removes `k`; returns its value, or undefined when it was missing. */
  delete(k: PyValue): PyValue | undefined {
    const fk = fastKey(k);
    let i: number;
    if (fk !== undefined) {
      if (this.index === null) {
        i = typeof fk === "string" ? this.scan(fk) : -1;
        if (i < 0) return undefined;
      } else {
        const found = this.index.get(fk);
        if (found !== undefined) {
          i = found;
          this.index.delete(fk);
        } else {
          // An equal key without a fast key.
          if (this.buckets === null) return undefined;
          const h = runtimeHooks.hash(k);
          i = this.findSlow(k, h);
          if (i < 0) return undefined;
          this.dropFromBucket(h, i);
        }
      }
    } else {
      const h = runtimeHooks.hash(k);
      i = this.findSlow(k, h);
      if (i >= 0) this.dropFromBucket(h, i);
      else {
        // An equal key kept by its fast key.
        if (this.index === null) return undefined;
        i = this.findFastEqual(k, h);
        if (i < 0) return undefined;
        this.index.delete(fastKey(this.keys[i]));
      }
    }
    const v = this.values[i];
    this.keys[i] = DELETED;
    this.values[i] = DELETED;
    this.size--;
    this.version++;
    if (this.watched) dictChanged(this, k);
    if (this.size === 0) this.clear();
    else if (this.keys.length > 16 && this.size * 2 < this.keys.length) this.compact();
    return v;
  }

  /** Forgets entry `i` in the bucket of hash `h`. */
  private dropFromBucket(h: number, i: number): void {
    const bucket = this.buckets!.get(h)!;
    bucket.splice(bucket.indexOf(i), 1);
    if (bucket.length === 0) this.buckets!.delete(h);
  }

  /** Removes every entry. */
  clear(): void {
    this.keys = [];
    this.values = [];
    this.size = 0;
    this.index = null;
    this.buckets = null;
    this.version++;
    if (this.watched) dictChanged(this, null);
  }

  /** Drops DELETED slots and rebuilds the indexes. */
  compact(): void {
    const keys = this.keys, values = this.values;
    this.keys = [];
    this.values = [];
    this.index = null;
    this.buckets = null;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== DELETED) this.insertNew(keys[i], values[i]);
    }
    this.version++;
  }

  /** Appends an entry whose key is known to be absent (copying, compaction). */
  insertNew(k: PyValue, v: PyValue): void {
    const fk = fastKey(k);
    const i = this.keys.length;
    if (this.index === null) {
      if (typeof k === "string" && i < SMALL_DICT) {
        this.keys.push(k);
        this.values.push(v);
        this.size++;
        return;
      }
      this.buildIndex();
    }
    if (fk !== undefined) this.index!.set(fk, i);
    else {
      const h = runtimeHooks.hash(k);
      if (this.buckets === null) this.buckets = new Map();
      const bucket = this.buckets.get(h);
      if (bucket === undefined) this.buckets.set(h, [i]);
      else bucket.push(i);
    }
    this.keys.push(k);
    this.values.push(v);
    this.size++;
  }

  /** Live keys, in order. */
  keyList(): PyValue[] {
    const out: PyValue[] = [];
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) out.push(keys[i]);
    return out;
  }

  /** Live values, in order. */
  valueList(): PyValue[] {
    const out: PyValue[] = [];
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) out.push(this.values[i]);
    return out;
  }

  /** A shallow copy (plain dict). */
  copy(cls: PyType = dictType): PyDict {
    const d = new PyDict(cls);
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) d.insertNew(keys[i], this.values[i]);
    return d;
  }
}

/** Makes a dict from str-keyed pairs. */
export function dictFromObject(entries: Record<string, PyValue>): PyDict {
  const d = new PyDict();
  for (const k of Object.keys(entries)) d.setStr(k, entries[k]);
  return d;
}

const SET_MINSIZE = 8;

/**
 * V8's kMaxFastArrayLength: `new Array(n)` beyond it is a dictionary of elements, about fifty times
 * slower to fill (12 s for 5 * 10**7 items). Longer arrays are grown by pushing past it.
 */
export const FAST_ARRAY_MAX = 1 << 25;

/** A set table's slots, all unused. */
function emptySlots(size: number): (PyValue | undefined)[] {
  if (size <= FAST_ARRAY_MAX) return new Array(size).fill(undefined);
  const slots: (PyValue | undefined)[] = [];
  for (let i = 0; i < size; i++) slots.push(undefined);
  return slots;
}
const LINEAR_PROBES = 9;
const TWO_32 = 4294967296;

/** The 64-bit hash of the key being probed, as two unsigned 32-bit halves (set by splitHash). */
let hashHi = 0;
let hashLo = 0;

/** Splits Python's exact hash of k into hashHi/hashLo (two's complement, as CPython's size_t). */
function splitHash(k: PyValue): void {
  if (typeof k === "number") {
    const h = k === -1 ? -2 : k;
    hashLo = h >>> 0;
    hashHi = Math.floor(h / TWO_32) >>> 0;
  } else {
    runtimeHooks.hash64(k);
    hashHi = hash64Out.hi;
    hashLo = hash64Out.lo;
  }
}

/**
 * A Python set or frozenset: CPython's own open-addressing table (linear probes, then
 * perturbation; the same resize rules) over Python's exact 64-bit hashes, so that iteration
 * order, and therefore what `print` shows for a set of ints or tuples, matches CPython's.
 * `keys[i]` is undefined (never used), DELETED (a dummy left by a removal) or a member;
 * `hashHi[i]`/`hashLo[i]` its hash.
 */
export class PySet extends PyObject {
  declare keys: (PyValue | undefined)[];
  declare hashHi: Uint32Array;
  declare hashLo: Uint32Array;
  declare mask: number;
  /** Active + dummy slots. */
  declare fill: number;
  /** Active slots (len()). */
  declare used: number;
  /** Where pop() looks next. */
  declare finger: number;
  /** Bumped on every mutation (iterators detect changes). */
  declare version: number;
  constructor(cls: PyType = setType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.keys = emptySlots(SET_MINSIZE);
    this.hashHi = new Uint32Array(SET_MINSIZE);
    this.hashLo = new Uint32Array(SET_MINSIZE);
    this.mask = SET_MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.finger = 0;
    this.version = 0;
  }

  /** The slot holding k (whose hash is in hashHi/hashLo), or -1. */
  private lookup(k: PyValue): number {
    const hi = hashHi, lo = hashLo;
    const keys = this.keys, hashesHi = this.hashHi, hashesLo = this.hashLo;
    let mask = this.mask;
    let pHi = hi, pLo = lo;
    let i = lo & mask;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = i; j <= i + probes; j++) {
        const key = keys[j];
        if (key === undefined) return -1;
        if (hashesLo[j] === lo && hashesHi[j] === hi && key !== DELETED) {
          if (key === k || runtimeHooks.richEq(key, k)) {
            if (this.keys !== keys) {
              hashHi = hi;
              hashLo = lo;
              return this.lookup(k);
            }
            return j;
          }
          mask = this.mask;
        }
      }
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + 1 + pLo) & mask; // (mask + 1 divides 2**32: the same as % (mask + 1))
    }
  }

  /** Whether `k` is a member. */
  has(k: PyValue): boolean {
    splitHash(k);
    return this.lookup(k) >= 0;
  }

  /** Adds `k` (CPython's set_add_entry). */
  add(k: PyValue): void {
    splitHash(k);
    this.addHashed(k, hashHi, hashLo);
  }

  /** Adds `k` whose hash halves are known. */
  addHashed(k: PyValue, hi: number, lo: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let pHi = hi, pLo = lo;
    let i = lo & mask;
    let freeslot = -1;
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = i; j <= i + probes; j++) {
        const key = keys[j];
        if (key === undefined) {
          runtimeHooks.checkHeap(SET_ENTRY_BYTES);
          this.version++;
          const at = freeslot >= 0 ? freeslot : j;
          keys[at] = k;
          this.hashHi[at] = hi;
          this.hashLo[at] = lo;
          this.used++;
          if (freeslot >= 0) return;
          this.fill++;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (key === DELETED) freeslot = j;
        else if (this.hashLo[j] === lo && this.hashHi[j] === hi) {
          if (key === k || runtimeHooks.richEq(key, k)) return;
          if (this.keys !== keys) return this.addHashed(k, hi, lo);
        }
      }
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }

  /** Inserts a key known to be absent into a table without dummies (set_insert_clean). */
  private insertClean(k: PyValue, hi: number, lo: number): void {
    const keys = this.keys, mask = this.mask;
    let pHi = hi, pLo = lo;
    let i = lo & mask;
    for (;;) {
      const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
      for (let j = i; j <= last; j++) {
        if (keys[j] === undefined) {
          keys[j] = k;
          this.hashHi[j] = hi;
          this.hashLo[j] = lo;
          return;
        }
      }
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }

  /** set_table_resize: the smallest power of two above minused, entries reinserted in slot order. */
  resize(minused: number): void {
    let size = SET_MINSIZE;
    while (size <= minused) size *= 2;
    const oldKeys = this.keys, oldHi = this.hashHi, oldLo = this.hashLo;
    if (size === SET_MINSIZE && oldKeys.length === SET_MINSIZE && this.fill === this.used) return;
    this.keys = emptySlots(size);
    this.hashHi = new Uint32Array(size);
    this.hashLo = new Uint32Array(size);
    this.mask = size - 1;
    this.fill = this.used;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j];
      if (key !== undefined && key !== DELETED) this.insertClean(key, oldHi[j], oldLo[j]);
    }
  }

  /** Removes `k`; false when it was missing. */
  discard(k: PyValue): boolean {
    splitHash(k);
    const j = this.lookup(k);
    if (j < 0) return false;
    this.keys[j] = DELETED;
    this.used--;
    this.version++;
    return true;
  }

  /** Removes and returns the member set.pop() would (CPython's finger walk). */
  pop(): PyValue | undefined {
    if (this.used === 0) return undefined;
    let j = this.finger & this.mask;
    while (this.keys[j] === undefined || this.keys[j] === DELETED) {
      j++;
      if (j > this.mask) j = 0;
    }
    const key = this.keys[j]!;
    this.keys[j] = DELETED;
    this.used--;
    this.finger = j + 1;
    this.version++;
    return key;
  }

  /** Adopts another set's table (CPython's set_swap_bodies, as intersection_update uses). */
  takeTable(other: PySet): void {
    this.keys = other.keys;
    this.hashHi = other.hashHi;
    this.hashLo = other.hashLo;
    this.mask = other.mask;
    this.fill = other.fill;
    this.used = other.used;
    this.version++;
  }

  /** Rebuilds the table when more than a quarter of it is dummies (after difference_update). */
  purgeDummies(): void {
    if (this.fill - this.used <= Math.floor(this.mask / 4)) return;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  /** Removes every member (back to the minimal table). */
  clear(): void {
    this.keys = emptySlots(SET_MINSIZE);
    this.hashHi = new Uint32Array(SET_MINSIZE);
    this.hashLo = new Uint32Array(SET_MINSIZE);
    this.mask = SET_MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.version++;
  }

  /** Adds every member of another set (set_merge, with CPython's fast paths). */
  merge(other: PySet): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    this.version++;
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      for (let j = 0; j <= other.mask; j++) {
        if (other.keys[j] !== undefined) {
          this.keys[j] = other.keys[j];
          this.hashHi[j] = other.hashHi[j];
          this.hashLo[j] = other.hashLo[j];
        }
      }
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      for (let j = 0; j <= other.mask; j++) {
        const key = other.keys[j];
        if (key !== undefined && key !== DELETED) this.insertClean(key, other.hashHi[j], other.hashLo[j]);
      }
      return;
    }
    for (let j = 0; j <= other.mask; j++) {
      const key = other.keys[j];
      if (key !== undefined && key !== DELETED) this.addHashed(key, other.hashHi[j], other.hashLo[j]);
    }
  }

  /** Members in table order (what iteration yields). */
  items(): PyValue[] {
    const out: PyValue[] = [];
    const keys = this.keys;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      if (key !== undefined && key !== DELETED) out.push(key);
    }
    return out;
  }

  /** Number of members. */
  get size(): number {
    return this.used;
  }
}

/** Makes a set (or frozenset) from values, added in order. */
export function newSet(items: Iterable<PyValue>, cls: PyType = setType): PySet {
  const s = new PySet(cls);
  for (const v of items) s.add(v);
  return s;
}

/** `range(start, stop, step)`: the fields are Python ints. */
export class PyRange extends PyObject {
  declare start: number | bigint;
  declare stop: number | bigint;
  declare step: number | bigint;
  constructor(start: number | bigint, stop: number | bigint, step: number | bigint) {
    super();
    this.cls = rangeType;
    this.dict = null;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

/** `slice(start, stop, step)`. */
export class PySlice extends PyObject {
  declare start: PyValue;
  declare stop: PyValue;
  declare step: PyValue;
  constructor(start: PyValue, stop: PyValue, step: PyValue) {
    super();
    this.cls = sliceType;
    this.dict = null;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

/** A module: its namespace is a dict (`__dict__`). */
export class PyModule extends PyObject {
  declare name: string;
  constructor(name: string, dict: PyDict = new PyDict()) {
    super();
    this.cls = moduleType;
    this.dict = dict;
    this.name = name;
    if (dict.getStr("__name__") === undefined) dict.setStr("__name__", name);
  }
}

/** A closure cell; `value` undefined = empty. */
export class PyCell extends PyObject {
  declare value: PyValue | undefined;
  constructor(value: PyValue | undefined = undefined) {
    super();
    this.cls = cellType;
    this.dict = null;
    this.value = value;
  }
}

/** The TypeScript body of a builtin function or method. */
export type NativeFn = (args: PyValue[], kwnames: string[] | null) => PyValue;
/**
 * A builtin's fixed-arity entry points (self counts for methods): the interpreter's CALL uses
 * them for a positional call with that many arguments instead of building an args array for
 * `fn`, and they must do exactly what `fn` does for such a call. For a method, CALL only takes
 * them when LOAD_ATTR found the method on self's type, so self is an instance of the owner.
 */
export type Native1 = (a: PyValue) => PyValue;
export type Native2 = (a: PyValue, b: PyValue) => PyValue;
export type Native3 = (a: PyValue, b: PyValue, c: PyValue) => PyValue;

/** A builtin function (`len`, `math.sqrt`, a bound builtin method via `self`). */
export class PyBuiltinFunction extends PyObject {
  declare name: string;
  declare fn: NativeFn;
  /** The object a method is bound to (`[].append`), or null; passed as args[0]. */
  declare self: PyValue | null;
  declare module: string | null;
  declare doc: string | null;
  /** Fixed-arity entry points (see Native1), or null. */
  declare call1: Native1 | null;
  declare call2: Native2 | null;
  declare call3: Native3 | null;
  /** The native JIT's uop that computes this function of one number (math.sqrt: SQRT_F64), if any. */
  declare nativeUop?: string;
  constructor(name: string, fn: NativeFn, self: PyValue | null = null, module: string | null = null) {
    super();
    this.cls = builtinFunctionType;
    this.dict = null;
    this.name = name;
    this.fn = fn;
    this.self = self;
    this.module = module;
    this.doc = null;
    this.call1 = null;
    this.call2 = null;
    this.call3 = null;
  }
}

/** A builtin type's method (`list.append`): fn gets self as args[0]. */
export class PyMethodDescriptor extends PyObject {
  declare name: string;
  declare owner: PyType;
  declare fn: NativeFn;
  /** Fixed-arity entry points, self included (see Native1), or null. */
  declare call1: Native1 | null;
  declare call2: Native2 | null;
  declare call3: Native3 | null;
  constructor(name: string, owner: PyType, fn: NativeFn, cls: PyType = methodDescriptorType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.name = name;
    this.owner = owner;
    this.fn = fn;
    this.call1 = null;
    this.call2 = null;
    this.call3 = null;
  }
}

/** A builtin type's computed attribute (`int.real`, `function.__name__`). */
export class PyGetSetDescriptor extends PyObject {
  declare name: string;
  declare owner: PyType;
  getter: (obj: PyValue) => PyValue;
  setter: ((obj: PyValue, value: PyValue | undefined) => void) | null;
  constructor(
    name: string,
    owner: PyType,
    getter: (obj: PyValue) => PyValue,
    setter: ((obj: PyValue, value: PyValue | undefined) => void) | null = null,
  ) {
    super();
    this.cls = getsetDescriptorType;
    this.dict = null;
    this.name = name;
    this.owner = owner;
    this.getter = getter;
    this.setter = setter;
  }
}

/** A `__slots__` entry: reads and writes slot `index` of PyInstance.slots. */
export class PyMemberDescriptor extends PyObject {
  declare name: string;
  declare owner: PyType;
  declare index: number;
  constructor(name: string, owner: PyType, index: number) {
    super();
    this.cls = memberDescriptorType;
    this.dict = null;
    this.name = name;
    this.owner = owner;
    this.index = index;
  }
}

/** A callable bound to `self` (a Python function accessed through an instance). */
export class PyMethod extends PyObject {
  declare func: PyValue;
  declare self: PyValue;
  constructor(func: PyValue, self: PyValue) {
    super();
    this.cls = methodType;
    this.dict = null;
    this.func = func;
    this.self = self;
  }
}

/** An instance of a user class whose solid base is object. */
export class PyInstance extends PyObject {
  /** `__slots__` values (undefined = unset), or null when the class has no slots. */
  declare slots: (PyValue | undefined)[] | null;
  /**
   * The layout of `values` while the instance keeps its attributes there (then `dict` is null);
   * null once it has a dict, or when its class gives instances no attributes of their own.
   */
  declare shape: Shape | null;
  /** Attribute values in `shape` order (null until the first attribute). */
  declare values: PyValue[] | null;
  constructor(cls: PyType, dict: PyDict | null, slots: (PyValue | undefined)[] | null) {
    super();
    this.cls = cls;
    this.dict = dict;
    this.slots = slots;
    this.shape = dict === null && cls.hasInstanceDict ? EMPTY_SHAPE : null;
    this.values = null;
  }
}

/** The instance attribute `name` of `obj` (its dict, or its values), or undefined. */
export function ownAttr(obj: PyObject, name: string): PyValue | undefined {
  const d = obj.dict;
  if (d !== null) return d.getStr(name);
  if (obj instanceof PyInstance) {
    const shape = obj.shape;
    if (shape !== null) {
      const i = shape.names.indexOf(name);
      if (i >= 0) return obj.values![i];
    }
  }
  return undefined;
}

/** Whether `obj` can hold instance attributes (a dict, or values in a shape). */
export function hasOwnAttrs(obj: PyObject): boolean {
  return obj.dict !== null || (obj instanceof PyInstance && obj.shape !== null);
}

/** Sets instance attribute `name` (hasOwnAttrs(obj) must hold). */
export function setOwnAttr(obj: PyObject, name: string, value: PyValue): void {
  const d = obj.dict;
  if (d !== null) {
    d.setStr(name, value);
    return;
  }
  const inst = obj as PyInstance;
  const shape = inst.shape!;
  const i = shape.names.indexOf(name);
  if (i >= 0) {
    inst.values![i] = value;
    return;
  }
  const next = shape.next(name);
  if (next === null) {
    materializeDict(inst).setStr(name, value);
    return;
  }
  if (inst.values === null) inst.values = [value];
  else inst.values.push(value);
  inst.shape = next;
}

/** Removes instance attribute `name`; false when it had none (hasOwnAttrs(obj) must hold). */
export function deleteOwnAttr(obj: PyObject, name: string): boolean {
  const d = obj.dict !== null ? obj.dict : materializeDict(obj as PyInstance);
  return d.delete(name) !== undefined;
}

/** The names of `obj`'s instance attributes, in order. */
export function ownAttrNames(obj: PyObject): string[] {
  if (obj.dict !== null) return obj.dict.keyList().map((k) => String(k));
  if (obj instanceof PyInstance && obj.shape !== null) return [...obj.shape.names];
  return [];
}

/**
 * The attribute dict of an instance, made from its values if it keeps them in a shape (from then
 * on the dict is where its attributes live: `__dict__`, `vars()`, a deletion).
 */
export function materializeDict(obj: PyInstance): PyDict {
  if (obj.dict !== null) return obj.dict;
  const d = new PyDict();
  const shape = obj.shape;
  if (shape !== null) {
    const names = shape.names, values = obj.values;
    for (let i = 0; i < names.length; i++) d.setStr(names[i], values![i]);
  }
  obj.dict = d;
  obj.shape = null;
  obj.values = null;
  return d;
}

/** `property(fget, fset, fdel, doc)`. */
export class PyProperty extends PyObject {
  declare fget: PyValue;
  declare fset: PyValue;
  declare fdel: PyValue;
  declare doc: PyValue;
  declare name: PyValue;
  constructor(fget: PyValue, fset: PyValue, fdel: PyValue, doc: PyValue, cls: PyType = propertyType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
    this.doc = doc;
    this.name = None;
  }
}

/** `staticmethod(f)` and `classmethod(f)`. */
export class PyMethodWrapper extends PyObject {
  declare func: PyValue;
  constructor(cls: PyType, func: PyValue) {
    super();
    this.cls = cls;
    this.dict = new PyDict();
    this.func = func;
  }
}

/** `super(type, obj)`: `objType` is the type whose MRO is searched after `thisType`. */
export class PySuper extends PyObject {
  declare thisType: PyType | null;
  declare obj: PyValue | null;
  declare objType: PyType | null;
  constructor(thisType: PyType | null, obj: PyValue | null, objType: PyType | null, cls: PyType = superType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.thisType = thisType;
    this.obj = obj;
    this.objType = objType;
  }
}

/** `bytes` (immutable) and `bytearray` (mutable, `data` may be replaced on resize). */
export class PyBytes extends PyObject {
  declare data: Uint8Array;
  constructor(data: Uint8Array, cls: PyType = bytesType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.data = data;
  }
}

/** A read-only view of a type's namespace (`C.__dict__`). */
export class PyMappingProxy extends PyObject {
  declare mapping: PyValue;
  constructor(mapping: PyValue) {
    super();
    this.cls = mappingProxyType;
    this.dict = null;
    this.mapping = mapping;
  }
}

// ---------------------------------------------------------------------------------------------
// Exceptions

/**
 * Every builtin exception of CPython 3.11: [name, base names]. The first base is the JS layout
 * base; ExceptionGroup has two bases.
 */
export const EXCEPTION_TABLE = [
  ["BaseException", []],
  ["BaseExceptionGroup", ["BaseException"]],
  ["GeneratorExit", ["BaseException"]],
  ["KeyboardInterrupt", ["BaseException"]],
  ["SystemExit", ["BaseException"]],
  ["Exception", ["BaseException"]],
  ["ArithmeticError", ["Exception"]],
  ["FloatingPointError", ["ArithmeticError"]],
  ["OverflowError", ["ArithmeticError"]],
  ["ZeroDivisionError", ["ArithmeticError"]],
  ["AssertionError", ["Exception"]],
  ["AttributeError", ["Exception"]],
  ["BufferError", ["Exception"]],
  ["EOFError", ["Exception"]],
  ["ExceptionGroup", ["BaseExceptionGroup", "Exception"]],
  ["ImportError", ["Exception"]],
  ["ModuleNotFoundError", ["ImportError"]],
  ["LookupError", ["Exception"]],
  ["IndexError", ["LookupError"]],
  ["KeyError", ["LookupError"]],
  ["MemoryError", ["Exception"]],
  ["NameError", ["Exception"]],
  ["UnboundLocalError", ["NameError"]],
  ["OSError", ["Exception"]],
  ["BlockingIOError", ["OSError"]],
  ["ChildProcessError", ["OSError"]],
  ["ConnectionError", ["OSError"]],
  ["BrokenPipeError", ["ConnectionError"]],
  ["ConnectionAbortedError", ["ConnectionError"]],
  ["ConnectionRefusedError", ["ConnectionError"]],
  ["ConnectionResetError", ["ConnectionError"]],
  ["FileExistsError", ["OSError"]],
  ["FileNotFoundError", ["OSError"]],
  ["InterruptedError", ["OSError"]],
  ["IsADirectoryError", ["OSError"]],
  ["NotADirectoryError", ["OSError"]],
  ["PermissionError", ["OSError"]],
  ["ProcessLookupError", ["OSError"]],
  ["TimeoutError", ["OSError"]],
  ["ReferenceError", ["Exception"]],
  ["RuntimeError", ["Exception"]],
  ["NotImplementedError", ["RuntimeError"]],
  ["RecursionError", ["RuntimeError"]],
  ["StopAsyncIteration", ["Exception"]],
  ["StopIteration", ["Exception"]],
  ["SyntaxError", ["Exception"]],
  ["IndentationError", ["SyntaxError"]],
  ["TabError", ["IndentationError"]],
  ["SystemError", ["Exception"]],
  ["TypeError", ["Exception"]],
  ["ValueError", ["Exception"]],
  ["UnicodeError", ["ValueError"]],
  ["UnicodeDecodeError", ["UnicodeError"]],
  ["UnicodeEncodeError", ["UnicodeError"]],
  ["UnicodeTranslateError", ["UnicodeError"]],
  ["Warning", ["Exception"]],
  ["BytesWarning", ["Warning"]],
  ["DeprecationWarning", ["Warning"]],
  ["EncodingWarning", ["Warning"]],
  ["FutureWarning", ["Warning"]],
  ["ImportWarning", ["Warning"]],
  ["PendingDeprecationWarning", ["Warning"]],
  ["ResourceWarning", ["Warning"]],
  ["RuntimeWarning", ["Warning"]],
  ["SyntaxWarning", ["Warning"]],
  ["UnicodeWarning", ["Warning"]],
  ["UserWarning", ["Warning"]],
] as const;

/** The name of a builtin exception. */
export type ExceptionName = typeof EXCEPTION_TABLE[number][0];

/** A Python exception instance, thrown as itself (never wrapped in a JS Error). */
export class PyBaseException extends PyObject {
  declare args: PyTuple;
  declare cause: PyValue;
  declare context: PyValue;
  declare suppressContext: boolean;
  /** A traceback object (EXECUTION's) or None. */
  declare traceback: PyValue;
  /** StopIteration.value, SystemExit.code; the exception group's list for groups. */
  declare value: PyValue;
  constructor(cls: PyType, args: PyTuple) {
    super();
    this.cls = cls;
    this.dict = null;
    this.args = args;
    this.cause = None;
    this.context = None;
    this.suppressContext = false;
    this.traceback = None;
    this.value = None;
  }
}

function buildExceptionTypes(): Record<ExceptionName, PyType> {
  const out: Record<string, PyType> = {};
  for (const [name, baseNames] of EXCEPTION_TABLE) {
    const bases = baseNames.length === 0 ? [objectType] : baseNames.map((b) => out[b]);
    const t = new PyType(typeType, name, bases);
    t.mro = computeMro(t);
    t.hasInstanceDict = true;
    out[name] = t;
  }
  return out as Record<ExceptionName, PyType>;
}

/** The builtin exception types by name: `raise(Exc.TypeError, "…")`. */
export const Exc: Record<ExceptionName, PyType> = buildExceptionTypes();

/** Makes an exception instance of a builtin (or any) exception type without running __init__. */
export function newException(type: PyType, args: PyValue[]): PyBaseException {
  const e = new PyBaseException(type, newTuple(args));
  if (args.length > 0 && (type === Exc.StopIteration || type.isSubtypeOf(Exc.StopIteration))) {
    e.value = args[0];
  }
  if (type === Exc.SystemExit || type.isSubtypeOf(Exc.SystemExit)) {
    e.value = args.length === 0 ? None : args.length === 1 ? args[0] : e.args;
  }
  return e;
}

/** Throws `type(message)`. */
export function raise(type: PyType, message: string): never {
  throw newException(type, [message]);
}

/** Throws TypeError(message). */
export function typeError(message: string): never {
  throw newException(Exc.TypeError, [message]);
}

/** The Python name of v's type, for error messages. */
export function typeName(v: PyValue): string {
  return typeOf(v).name;
}

// ---------------------------------------------------------------------------------------------
// Defining builtin methods and parsing their arguments

/** Adds a method to a builtin type: `fn` gets self as args[0]. */
export function defMethod(type: PyType, name: string, fn: NativeFn): void {
  let arity = SLOT_WRAPPER_ARITY.get(name);
  // list's and dict's __getitem__ are plain one-argument methods in CPython, not slot wrappers.
  if (name === "__getitem__" && (type.name === "list" || type.name === "dict")) arity = undefined;
  const checked = arity === undefined ? oneArgumentMethod(type, name, fn) : checkedSlot(name, arity, fn);
  type.attrs.set(name, new PyMethodDescriptor(name, type, checked));
}

/**
 * The arguments (besides self) that CPython's slot wrappers take, by dunder name: a builtin type's
 * `__add__`, `__lt__`, `__len__`… called directly with another count is a TypeError in CPython
 * (its wrapper checks before the slot runs), not a call of the slot with missing arguments.
 */
const SLOT_WRAPPER_ARITY: ReadonlyMap<string, readonly [number, number]> = (() => {
  const arity = new Map<string, readonly [number, number]>();
  const set = (names: string[], min: number, max = min) => names.forEach((n) => arity.set(n, [min, max]));
  for (const op of BINARY_OPERATORS) {
    set([op.dunder, op.reflected], 1, op.name === "POWER" ? 2 : 1); // pow's optional modulus
    set([op.inplace], 1);
  }
  set(COMPARISONS.map((c) => c.dunder), 1);
  set(["__divmod__", "__rdivmod__", "__contains__", "__getitem__", "__delitem__"], 1);
  set(["__setitem__"], 2);
  set(["__neg__", "__pos__", "__abs__", "__invert__", "__bool__", "__len__", "__hash__", "__int__"], 0);
  set(["__float__", "__index__", "__iter__", "__next__", "__repr__", "__str__"], 0);
  return arity;
})();

/** list's and dict's `__getitem__` (CPython's METH_O): exactly one argument. */
function oneArgumentMethod(type: PyType, name: string, fn: NativeFn): NativeFn {
  if (name !== "__getitem__") return fn;
  return (args, kwnames) => {
    if (args.length !== 2 || (kwnames !== null && kwnames.length > 0)) {
      raise(Exc.TypeError, `${type.name}.${name}() takes exactly one argument (${args.length - 1} given)`);
    }
    return fn(args, kwnames);
  };
}

function checkedSlot(name: string, [min, max]: readonly [number, number], fn: NativeFn): NativeFn {
  return (args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) {
      raise(Exc.TypeError, `wrapper ${name}() takes no keyword arguments`);
    }
    const n = args.length - 1;
    if (n < min || n > max) {
      const plural = (k: number) => `${k} argument${k === 1 ? "" : "s"}`;
      // (CPython's ternary and two-argument wrappers leave their name out: a leading space.)
      raise(
        Exc.TypeError,
        min === max
          ? `${min === 2 ? " " : ""}expected ${plural(min)}, got ${n}`
          : n < min
          ? ` expected at least ${plural(min)}, got ${n}`
          : ` expected at most ${plural(max)}, got ${n}`,
      );
    }
    return fn(args, kwnames);
  };
}

/**
 * Gives a builtin type's method (defined with defMethod) fixed-arity entry points, self
 * included: `call1(self)` for `x.m()`, `call2(self, a)` for `x.m(a)`, `call3(self, a, b)`.
 */
export function defFastMethod(
  type: PyType,
  name: string,
  call1: Native1 | null,
  call2: Native2 | null,
  call3: Native3 | null = null,
): void {
  const descr = type.attrs.get(name) as PyMethodDescriptor;
  descr.call1 = call1;
  descr.call2 = call2;
  descr.call3 = call3;
}

/** Adds a class method to a builtin type (`dict.fromkeys`): `fn` gets the class as args[0]. */
export function defClassMethod(type: PyType, name: string, fn: NativeFn): void {
  type.attrs.set(name, new PyMethodDescriptor(name, type, fn, classMethodDescriptorType));
}

/** Adds a computed attribute to a builtin type. */
export function defGetSet(
  type: PyType,
  name: string,
  getter: (obj: PyValue) => PyValue,
  setter: ((obj: PyValue, value: PyValue | undefined) => void) | null = null,
): void {
  type.attrs.set(name, new PyGetSetDescriptor(name, type, getter, setter));
}

/** Adds a plain attribute (a constant, a builtin function) to a type's namespace. */
export function defAttr(type: PyType, name: string, value: PyValue): void {
  type.attrs.set(name, value);
}

/** Raises `name() takes no keyword arguments` when keywords were passed. */
export function noKwargs(name: string, kwnames: string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, `${name}() takes no keyword arguments`);
}

/**
 * Checks a builtin's positional argument count (no keywords allowed), with CPython's messages:
 * `len() takes exactly one argument (2 given)`, `divmod expected 2 arguments, got 1`, ….
 * `name` is what CPython prints (e.g. "len" or "list.append").
 */
export function checkArgs(
  name: string,
  args: PyValue[],
  kwnames: string[] | null,
  min: number,
  max: number,
): void {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, `${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  arityError(name, n, min, max);
}

/** checkArgs for a method: args[0] is self and is not counted (no slice allocated). */
export function checkMethodArgs(
  name: string,
  args: PyValue[],
  kwnames: string[] | null,
  min: number,
  max: number,
): void {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, `${name}() takes no keyword arguments`);
  const n = args.length - 1;
  if (n >= min && n <= max) return;
  arityError(name, n, min, max);
}

/** Raises the TypeError for a wrong number of positional arguments. */
export function arityError(name: string, n: number, min: number, max: number): never {
  if (min === max) {
    if (min === 0) raise(Exc.TypeError, `${name}() takes no arguments (${n} given)`);
    if (min === 1) raise(Exc.TypeError, `${name}() takes exactly one argument (${n} given)`);
    raise(Exc.TypeError, `${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) {
    raise(Exc.TypeError, `${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${n}`);
  }
  raise(Exc.TypeError, `${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${n}`);
}

/**
 * Binds positional and keyword arguments to `names` (Argument Clinic style): returns one value
 * per name, undefined where not given. The first `posOnly` names cannot be passed by keyword;
 * the first `required` must be given.
 */
export function bindArgs(
  fname: string,
  args: PyValue[],
  kwnames: string[] | null,
  names: readonly string[],
  required: number,
  posOnly = 0,
): (PyValue | undefined)[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > names.length) {
    const most = names.length;
    raise(
      Exc.TypeError,
      required === most
        ? `${fname}() takes exactly ${most} positional argument${most === 1 ? "" : "s"} (${npos} given)`
        : `${fname}() takes at most ${most} argument${most === 1 ? "" : "s"} (${npos} given)`,
    );
  }
  const out: (PyValue | undefined)[] = new Array(names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let j = 0; j < nkw; j++) {
    const k = kwnames![j];
    const i = names.indexOf(k);
    if (i < posOnly) raise(Exc.TypeError, `'${k}' is an invalid keyword argument for ${fname}()`);
    if (out[i] !== undefined) {
      raise(Exc.TypeError, `argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
    }
    out[i] = args[npos + j];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      raise(Exc.TypeError, `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}
