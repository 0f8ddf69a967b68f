/**
 * `object` and `type`: class creation (name, bases, namespace → a heap PyType with its MRO, slots,
 * `__slots__` members, `__set_name__` and `__init_subclass__` calls), instance creation
 * (`type.__call__` → `__new__` → `__init__`), the slot functions that route a heap type's hot
 * operations to its Python dunders, `super`, `property`, `staticmethod` and `classmethod`.
 *
 * @example
 * ```ts
 * import { newClass } from "./type.ts";
 * import { PyDict, typeType } from "../object.ts";
 * const C = newClass(typeType, "C", [], new PyDict());
 * console.log(C.mro.length); // 2
 * ```
 * @module
 */
import {
  enterRecursiveCall,
  leaveRecursiveCall,
  overflowAsRecursionError,
  WHILE_CALLING,
} from "../recursion.ts";
import {
  bindArgs,
  builtinFunctionType,
  checkMethodArgs,
  classMethodDescriptorType,
  classmethodType,
  computeMro,
  defAttr,
  defClassMethod,
  defGetSet,
  defMethod,
  DELETED,
  Exc,
  functionType,
  hasOwnAttrs,
  materializeDict,
  methodDescriptorType,
  methodType,
  newTuple,
  None,
  NotImplemented,
  objectType,
  ownAttrNames,
  propertyType,
  PyBaseException,
  PyBuiltinFunction,
  PyCell,
  PyDict,
  PyGetSetDescriptor,
  PyInstance,
  PyList,
  PyMappingProxy,
  PyMemberDescriptor,
  PyMethodWrapper,
  type PyObject,
  PyProperty,
  PySuper,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  shortTypeName,
  staticmethodType,
  superType,
  TYPE_ABSTRACT,
  TYPE_BASETYPE,
  TYPE_HEAP,
  TYPE_IDENTITY_KEY,
  TYPE_QUALIFIED_NAME,
  typeOf,
  typeType,
} from "../object.ts";
import {
  attributeError,
  call,
  callMethod,
  callMethod0,
  callMethod1,
  callMethod2,
  dunderIndex,
  genericGetAttr,
  genericSetAttr,
  getAttr,
  getAttrOrUndefined,
  isExceptionOf,
  isTrue,
  objectId,
  repr,
  str,
  strValueOf,
  toArray,
  typeGetAttr,
} from "../ops.ts";

const D_NEW = dunderIndex("__new__");
const D_INIT = dunderIndex("__init__");

// ---------------------------------------------------------------------------------------------
// object

/** object.__new__'s body: a fresh instance of cls (a heap type whose solid base is object). */
export function objectNew(cls: PyType, args: PyValue[], _kwnames: string[] | null): PyValue {
  if (args.length > 0) {
    // Excess arguments are an error unless __init__ is overridden and __new__ is not.
    if (cls.lookupDunder(D_NEW) !== OBJECT_NEW) {
      raise(Exc.TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (cls.lookupDunder(D_INIT) === OBJECT_INIT) raise(Exc.TypeError, `${cls.name}() takes no arguments`);
  }
  if ((cls.flags & TYPE_HEAP) === 0 && cls !== objectType) {
    raise(Exc.TypeError, `object.__new__(${cls.name}) is not safe, use ${cls.name}.__new__()`);
  }
  if ((cls.flags & TYPE_ABSTRACT) !== 0) abstractInstantiationError(cls);
  let slots: (PyValue | undefined)[] | null = null;
  if (cls.slotCount > 0) {
    slots = [];
    for (let i = 0; i < cls.slotCount; i++) slots.push(undefined);
  }
  return new PyInstance(cls, null, slots);
}
objectType.tp_new = objectNew;
objectType.tp_getattro = genericGetAttr;

/**
 * The body of every builtin type's `__new__` (`int.__new__(cls, *args)`): a builtin function bound
 * to the owner type, so args[0] is the owner and args[1] the class to instantiate.
 */
function tpNewWrapperFn(args: PyValue[], kwnames: string[] | null): PyValue {
  const owner = args[0] as PyType;
  if (args.length < 2) raise(Exc.TypeError, `${owner.name}.__new__(): not enough arguments`);
  const cls = args[1];
  if (!(cls instanceof PyType)) {
    raise(Exc.TypeError, `${owner.name}.__new__(X): X is not a type object (${typeOf(cls).name})`);
  }
  if (!cls.isSubtypeOf(owner)) {
    raise(Exc.TypeError, `${owner.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${owner.name}`);
  }
  const obj = owner.tp_new!(cls, args.slice(2), kwnames);
  // `C.__new__(C)` for a subclass of a builtin: its instances carry a dict, as typeCall gives them.
  if (typeof obj === "object" && obj.dict === null && cls.hasInstanceDict && !(obj instanceof PyType)) {
    obj.dict = new PyDict();
  }
  return obj;
}

function tpNewWrapper(owner: PyType): PyBuiltinFunction {
  return new PyBuiltinFunction("__new__", tpNewWrapperFn, owner);
}

/** Gives a builtin type a `__new__` in its namespace, wrapping its tp_new. */
export function installNew(t: PyType): void {
  t.attrs.set("__new__", tpNewWrapper(t));
}

/** `Can't instantiate abstract class X with abstract methods a, b` (names sorted, as CPython). */
function abstractInstantiationError(cls: PyType): never {
  const names = toArray(cls.attrs.get("__abstractmethods__") ?? newTuple([])).map((n) => str(n)).sort();
  raise(
    Exc.TypeError,
    `Can't instantiate abstract class ${cls.name} with abstract method${names.length === 1 ? "" : "s"} ${
      names.join(", ")
    }`,
  );
}

const OBJECT_NEW = tpNewWrapper(objectType);
objectType.attrs.set("__new__", OBJECT_NEW);

function objectInit(args: PyValue[], kwnames: string[] | null): PyValue {
  const self = args[0];
  if (args.length > 1 || (kwnames !== null && kwnames.length > 0)) {
    const t = typeOf(self);
    if (t.lookupDunder(D_INIT) !== OBJECT_INIT) {
      raise(Exc.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    if (t.lookupDunder(D_NEW) === OBJECT_NEW) {
      raise(Exc.TypeError, `${t.name}.__init__() takes exactly one argument (the instance to initialize)`);
    }
  }
  return None;
}
defMethod(objectType, "__init__", objectInit);
const OBJECT_INIT = objectType.attrs.get("__init__")!;

/** `<__main__.C object at 0x7f…>`. */
export function defaultRepr(self: PyValue): string {
  const t = typeOf(self);
  const qual = t.module === "builtins" ? t.qualname : `${typeModule(t)}.${t.qualname}`;
  return `<${qual} object at 0x${objectId(self as PyObject).toString(16)}>`;
}

defMethod(objectType, "__repr__", (args) => defaultRepr(args[0]));
defMethod(objectType, "__str__", (args) => repr(args[0]));
defMethod(objectType, "__eq__", (args) => args[0] === args[1] ? true : NotImplemented);
defMethod(objectType, "__ne__", (args) => {
  const [self, other] = args;
  const eq = typeOf(self).lookup("__eq__");
  if (eq === undefined) return NotImplemented;
  const r = callMethod1(eq, self, other);
  if (r === NotImplemented) return r;
  return !isTrue(r);
});
for (const name of ["__lt__", "__le__", "__gt__", "__ge__"]) {
  defMethod(objectType, name, () => NotImplemented);
}
defMethod(objectType, "__hash__", (args) => {
  const v = args[0];
  return typeof v === "object" ? Math.floor(objectId(v) / 16) : 0;
});
defMethod(objectType, "__format__", (args) => {
  checkMethodArgs("object.__format__", args, null, 1, 1);
  const spec = strValueOf(args[1]);
  if (spec === undefined) raise(Exc.TypeError, `argument 1 must be str, not ${typeOf(args[1]).name}`);
  if (spec !== "") {
    raise(Exc.TypeError, `unsupported format string passed to ${typeOf(args[0]).name}.__format__`);
  }
  return str(args[0]);
});
defMethod(objectType, "__getattribute__", (args) => {
  const name = attrName(args[1]);
  const v = args[0] instanceof PyType ? typeGetAttr(args[0], name) : genericGetAttr(args[0], name);
  if (v === undefined) throw attributeError(args[0], name);
  return v;
});
defMethod(objectType, "__setattr__", (args) => {
  genericSetAttr(args[0], attrName(args[1]), args[2]);
  return None;
});
defMethod(objectType, "__delattr__", (args) => {
  genericSetAttr(args[0], attrName(args[1]), undefined);
  return None;
});
defMethod(objectType, "__dir__", (args) => {
  const self = args[0];
  const names = new Set<string>();
  if (typeof self === "object") { for (const k of ownAttrNames(self)) names.add(k); }
  for (const t of typeOf(self).mro) for (const k of t.attrs.keys()) names.add(k);
  return newListOf([...names]);
});
// object.__reduce_ex__(protocol): the class's own __reduce__ when it overrides object's, else the
// default reduction (copyreg's, through defaultReduceHook); object.__reduce__() is protocol 0's.
defMethod(objectType, "__reduce_ex__", (args) => {
  if (args.length !== 2) {
    raise(Exc.TypeError, `object.__reduce_ex__() takes exactly one argument (${args.length - 1} given)`);
  }
  const self = args[0];
  const own = typeOf(self).lookup("__reduce__");
  if (own !== undefined && own !== objectType.attrs.get("__reduce__")) return callMethod0(own, self);
  return defaultReduceHook(self, args[1]);
});
defMethod(objectType, "__reduce__", (args) => defaultReduceHook(args[0], 0));
defMethod(objectType, "__sizeof__", () => 16);
defClassMethod(objectType, "__init_subclass__", (args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, `${(args[0] as PyType).name}.__init_subclass__() takes no keyword arguments`);
  }
  if (args.length > 1) {
    raise(
      Exc.TypeError,
      `${(args[0] as PyType).name}.__init_subclass__() takes no arguments (${args.length - 1} given)`,
    );
  }
  return None;
});
const OBJECT_INIT_SUBCLASS = objectType.attrs.get("__init_subclass__");
defClassMethod(objectType, "__subclasshook__", () => NotImplemented);
defGetSet(objectType, "__class__", (obj) => typeOf(obj), (obj, value) => {
  if (value === undefined) raise(Exc.TypeError, "can't delete __class__ attribute");
  if (!(value instanceof PyType)) {
    raise(Exc.TypeError, `__class__ must be set to a class, not '${typeOf(value).name}' object`);
  }
  const o = obj as PyObject;
  if (typeof obj !== "object" || (o.cls.flags & TYPE_HEAP) === 0 || (value.flags & TYPE_HEAP) === 0) {
    raise(Exc.TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
  }
  if (value.solidBase !== o.cls.solidBase || value.slotCount !== o.cls.slotCount) {
    raise(Exc.TypeError, `__class__ assignment: '${value.name}' object layout differs from '${o.cls.name}'`);
  }
  o.cls = value;
});
/** `__dict__` of instances that have one (heap types, modules, exceptions, functions). */
export const instanceDictDescriptor: PyGetSetDescriptor = new PyGetSetDescriptor(
  "__dict__",
  objectType,
  (obj) => {
    if (typeof obj === "object" && obj.dict !== null) return obj.dict;
    if (obj instanceof PyInstance && obj.shape !== null) return materializeDict(obj);
    if (obj instanceof PyBaseException) return (obj.dict = new PyDict());
    throw attributeError(obj, "__dict__");
  },
  (obj, value) => {
    if (typeof obj !== "object" || (!hasOwnAttrs(obj) && !(obj instanceof PyBaseException))) {
      throw attributeError(obj, "__dict__");
    }
    if (!(value instanceof PyDict)) {
      raise(Exc.TypeError, `__dict__ must be set to a dictionary, not a '${typeOf(value ?? None).name}'`);
    }
    if (obj instanceof PyInstance) {
      obj.shape = null;
      obj.values = null;
    }
    obj.dict = value;
  },
);
defAttr(objectType, "__doc__", "The base class of the class hierarchy.");

function attrName(v: PyValue): string {
  const s = strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `attribute name must be string, not '${typeOf(v).name}'`);
  return s;
}

function newListOf(items: PyValue[]): PyValue {
  return new PyList(items);
}

// ---------------------------------------------------------------------------------------------
// type

/** `type.__call__`: `cls(*args)` → `__new__` then `__init__` when the result is an instance of cls. */
export function typeCall(clsValue: PyValue, args: PyValue[], kwnames: string[] | null): PyValue {
  const cls = clsValue as PyType;
  if (cls === typeType && args.length === 1 && (kwnames === null || kwnames.length === 0)) {
    return typeOf(args[0]);
  }
  // Calling a class counts a level while it runs, as CPython's call of an object without vectorcall.
  if ((cls.flags & TYPE_HEAP) === 0) return makeInstance(cls, args, kwnames);
  enterRecursiveCall(WHILE_CALLING);
  try {
    return makeInstance(cls, args, kwnames);
  } catch (e) {
    throw overflowAsRecursionError(e, WHILE_CALLING);
  } finally {
    leaveRecursiveCall();
  }
}

/** The instance `cls(*args)` makes: `__new__`, then `__init__` when it returned an instance of cls. */
function makeInstance(cls: PyType, args: PyValue[], kwnames: string[] | null): PyValue {
  const newF = cls.lookupDunder(D_NEW);
  let obj: PyValue;
  if (newF === OBJECT_NEW) obj = objectNew(cls, args, kwnames);
  else if (newF instanceof PyBuiltinFunction && newF.fn === tpNewWrapperFn) {
    obj = (newF.self as PyType).tp_new!(cls, args, kwnames);
  } else if (newF === undefined) {
    raise(Exc.TypeError, `cannot create '${cls.name}' instances`);
  } else {
    const f = newF instanceof PyMethodWrapper && newF.cls === staticmethodType ? newF.func : newF;
    obj = call(f, [cls, ...args], kwnames);
  }
  const objType = typeOf(obj);
  if (objType !== cls && !objType.isSubtypeOf(cls)) return obj;
  // Instances of user subclasses of builtins (class D(dict)) carry an attribute dict too.
  if (
    typeof obj === "object" && obj.dict === null && objType.hasInstanceDict && !(obj instanceof PyType) &&
    !(obj instanceof PyInstance)
  ) {
    obj.dict = new PyDict();
  }
  const init = objType.lookupDunder(D_INIT);
  if (init !== undefined && init !== OBJECT_INIT) {
    const r = callMethod(init, obj, args, kwnames);
    if (r !== None) raise(Exc.TypeError, `__init__() should return None, not '${typeOf(r).name}'`);
  } else if (init === OBJECT_INIT && args.length > 0 && newF === OBJECT_NEW) {
    // objectNew already reported excess arguments.
  } else if (
    init === OBJECT_INIT && (args.length > 0 || (kwnames !== null && kwnames.length > 0)) &&
    objType.lookupDunder(D_NEW) === OBJECT_NEW
  ) {
    // object.__init__ only complains about arguments when __new__ is object's too: a builtin
    // type with its own __new__ (range(1, 5), int("7")) skips the call.
    objectInit([obj, ...args], kwnames);
  }
  return obj;
}
typeType.tp_call = typeCall;
typeType.tp_getattro = typeGetAttr;
typeType.tp_new = (meta, args, kwnames) => typeNew(meta, args, kwnames);
typeType.tp_setattro = typeSetAttr;

/** `type(name, bases, dict, **kwds)` (and `type(x)`). */
function typeNew(meta: PyType, args: PyValue[], kwnames: string[] | null): PyValue {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos === 1 && nkw === 0 && meta === typeType) return typeOf(args[0]);
  if (npos !== 3) raise(Exc.TypeError, "type() takes 1 or 3 arguments");
  const [name, bases, ns] = args;
  const nameStr = strValueOf(name);
  if (nameStr === undefined) {
    raise(Exc.TypeError, `type.__new__() argument 1 must be str, not ${typeOf(name).name}`);
  }
  if (!(bases instanceof PyTuple)) {
    raise(Exc.TypeError, `type.__new__() argument 2 must be tuple, not ${typeOf(bases).name}`);
  }
  if (!(ns instanceof PyDict)) {
    raise(Exc.TypeError, `type.__new__() argument 3 must be dict, not ${typeOf(ns).name}`);
  }
  const baseTypes = bases.items.map((b) => {
    if (!(b instanceof PyType)) {
      if (getAttrOrUndefined(b, "__mro_entries__") !== undefined) {
        raise(Exc.TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
      }
      raise(Exc.TypeError, `bases must be types`);
    }
    return b;
  });
  // A more derived metaclass among the bases wins (CPython's _PyType_CalculateMetaclass).
  const winner = calculateMetaclass(meta, baseTypes);
  if (winner !== meta && winner.lookup("__new__") !== typeType.attrs.get("__new__")) {
    return call(winner, [name, bases, ns], null);
  }
  const kw: [string, PyValue][] = [];
  for (let i = 0; i < nkw; i++) kw.push([kwnames![i], args[npos + i]]);
  return newClass(winner, nameStr, baseTypes, ns, kw);
}

/** The most derived metaclass of meta and the bases' metaclasses, or a TypeError on conflict. */
export function calculateMetaclass(meta: PyType, bases: PyType[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const bt = b.cls;
    if (winner.isSubtypeOf(bt)) continue;
    if (bt.isSubtypeOf(winner)) {
      winner = bt;
      continue;
    }
    raise(
      Exc.TypeError,
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
  }
  return winner;
}

/** Picks the base whose instance layout the new class extends (CPython's best_base). */
function bestBase(bases: PyType[]): PyType {
  let winner: PyType | null = null;
  for (const b of bases) {
    if ((b.flags & TYPE_BASETYPE) === 0) {
      raise(Exc.TypeError, `type '${b.name}' is not an acceptable base type`);
    }
    const candidate = b.solidBase;
    if (winner === null || candidate.isSubtypeOf(winner)) winner = candidate;
    else if (!winner.isSubtypeOf(candidate)) {
      if (!(candidate === objectType || winner === objectType)) {
        raise(Exc.TypeError, "multiple bases have instance lay-out conflict");
      }
    }
  }
  return winner ?? objectType;
}

/**
 * Creates a class: `meta` is the metaclass (type or a subclass), `ns` the namespace the class
 * body filled, `kwargs` the class keywords passed on to `__init_subclass__`.
 */
export function newClass(
  meta: PyType,
  name: string,
  bases: PyType[],
  ns: PyDict,
  kwargs: [string, PyValue][] = [],
): PyType {
  if (bases.length === 0) bases = [objectType];
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) raise(Exc.TypeError, `duplicate base class ${bases[i].name}`);
    }
  }
  const solid = bestBase(bases);
  const attrs = new Map<string, PyValue>();
  for (let i = 0; i < ns.keys.length; i++) {
    const k = ns.keys[i];
    if (k === DELETED) continue;
    const ks = strValueOf(k);
    if (ks !== undefined) attrs.set(ks, ns.values[i]);
  }
  if (!attrs.has("__module__")) {
    // type(name, bases, dict): the class belongs to the module whose code is running
    const callerModule = callerModuleNameHook();
    if (callerModule !== undefined) attrs.set("__module__", callerModule);
  }
  const t = new PyType(meta, name, bases, attrs, TYPE_HEAP | TYPE_BASETYPE);
  t.solidBase = solid;
  try {
    t.mro = computeMro(t);
  } catch (e) {
    for (const b of bases) b.subclasses.remove(t);
    throw e;
  }
  const qual = attrs.get("__qualname__");
  if (qual !== undefined) {
    const q = strValueOf(qual);
    if (q === undefined) raise(Exc.TypeError, `type __qualname__ must be a str, not ${typeOf(qual).name}`);
    t.qualname = q;
    attrs.delete("__qualname__");
  }
  const mod = attrs.get("__module__");
  if (mod !== undefined && strValueOf(mod) !== undefined) t.module = strValueOf(mod)!;
  // Implicit staticmethod/classmethod wrapping of special methods.
  const newF = attrs.get("__new__");
  if (newF !== undefined && typeOf(newF) === functionType) {
    attrs.set("__new__", new PyMethodWrapper(staticmethodType, newF));
  }
  for (const cm of ["__init_subclass__", "__class_getitem__"]) {
    const f = attrs.get(cm);
    if (f !== undefined && typeOf(f) === functionType) attrs.set(cm, new PyMethodWrapper(classmethodType, f));
  }
  if (attrs.has("__eq__") && !attrs.has("__hash__")) attrs.set("__hash__", None);
  // __slots__: member descriptors, and no __dict__ unless asked for or inherited.
  let baseHasDict = false;
  let baseSlots = 0;
  for (const b of t.mro.slice(1)) {
    if (b.hasInstanceDict) baseHasDict = true;
    baseSlots = Math.max(baseSlots, b.slotCount);
  }
  const slots = attrs.get("__slots__");
  if (slots !== undefined) {
    const names = typeof slots === "string" ? [slots] : toArray(slots).map((s) => {
      const n = strValueOf(s);
      if (n === undefined) raise(Exc.TypeError, `__slots__ items must be strings, not '${typeOf(s).name}'`);
      return n;
    });
    let addDict = false;
    let index = baseSlots;
    const own: string[] = [];
    for (const n of names) {
      if (n === "__dict__") {
        addDict = true;
        continue;
      }
      if (n === "__weakref__") continue;
      if (attrs.has(n)) {
        raise(Exc.ValueError, `'${n}' in __slots__ conflicts with class variable`);
      }
      own.push(n);
      attrs.set(n, new PyMemberDescriptor(n, t, index++));
    }
    t.slotNames = own;
    t.slotCount = index;
    t.hasInstanceDict = baseHasDict || addDict;
  } else {
    t.slotCount = baseSlots;
    t.hasInstanceDict = true;
  }
  if (t.hasInstanceDict && !baseHasDict && !attrs.has("__dict__")) {
    attrs.set("__dict__", instanceDictDescriptor);
  }
  // after __slots__, which may name __doc__
  if (!attrs.has("__doc__")) attrs.set("__doc__", None);
  if (solid !== objectType && solid.slotCount === 0 && t.slotCount > 0 && solid !== t) {
    raise(Exc.TypeError, `nonempty __slots__ not supported for subtype of '${solid.name}'`);
  }
  updateSlots(t);
  // The __class__ cell for zero-argument super().
  const classCell = attrs.get("__classcell__");
  if (classCell !== undefined) {
    if (classCell instanceof PyCell) classCell.value = t;
    attrs.delete("__classcell__");
  }
  // __set_name__ on every attribute that has it, then the parent's __init_subclass__.
  // (A __set_name__ may change the namespace: the entries as they are now, without an iterator.)
  const names: string[] = [], values: PyValue[] = [];
  attrs.forEach((v, k) => {
    names.push(k);
    values.push(v);
  });
  for (let i = 0; i < names.length; i++) {
    const k = names[i], v = values[i];
    const setName = typeOf(v).lookup("__set_name__");
    if (setName !== undefined) {
      try {
        callMethod2(setName, v, t, k);
      } catch (e) {
        if (e instanceof PyBaseException) {
          const note = `Error calling __set_name__ on '${typeOf(v).name}' instance '${k}' in '${t.name}'`;
          addNote(e, note);
        }
        throw e;
      }
    }
  }
  // The common case, object's own without keywords, does nothing: skipped (every class made).
  if (kwargs.length === 0 && inheritedAttr(t, "__init_subclass__") === OBJECT_INIT_SUBCLASS) return t;
  const sup = new PySuper(t, t, t);
  const initSubclass = superGetAttr(sup, "__init_subclass__");
  if (initSubclass !== undefined) {
    call(initSubclass, kwargs.map((kv) => kv[1]), kwargs.length > 0 ? kwargs.map((kv) => kv[0]) : null);
  }
  return t;
}

function addNote(e: PyBaseException, note: string): void {
  if (e.dict === null) e.dict = new PyDict();
  let notes = e.dict.getStr("__notes__");
  if (!(notes instanceof PyList)) {
    notes = new PyList([]);
    e.dict.setStr("__notes__", notes);
  }
  (notes as PyList).items.push(note);
}

/** type.__setattr__: store in the namespace, then refresh versions and slots. */
export function typeSetAttr(obj: PyValue, name: string, value: PyValue | undefined): void {
  const t = obj as PyType;
  const meta = t.cls;
  const metaAttr = meta.lookup(name);
  if (metaAttr !== undefined && typeof metaAttr === "object") {
    const set = metaAttr.cls.tp_descr_set;
    if (set !== null) {
      set(metaAttr, t, value);
      return;
    }
  }
  if ((t.flags & TYPE_HEAP) === 0) {
    raise(Exc.TypeError, `cannot set '${name}' attribute of immutable type '${t.name}'`);
  }
  if (value === undefined) {
    if (!t.attrs.has(name)) throw attributeError(t, name);
    t.attrs.delete(name);
  } else {
    t.attrs.set(name, value);
  }
  t.modified();
  if (name.startsWith("__") && name.endsWith("__")) refreshSlots(t);
}

function refreshSlots(t: PyType): void {
  if ((t.flags & TYPE_HEAP) !== 0) updateSlots(t);
  for (const s of t.subclasses.live()) refreshSlots(s);
}

/** `name` in the namespaces of t's MRO after t itself (what super() finds, unbound), or undefined. */
function inheritedAttr(t: PyType, name: string): PyValue | undefined {
  const mro = t.mro;
  for (let i = 1; i < mro.length; i++) {
    const v = mro[i].attrs.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The class in t's MRO whose namespace defines `name` (or `other`) first, or null. */
function definingClass(t: PyType, name: string, other?: string): PyType | null {
  const mro = t.mro;
  for (let i = 0; i < mro.length; i++) {
    const attrs = mro[i].attrs;
    if (attrs.has(name) || (other !== undefined && attrs.has(other))) return mro[i];
  }
  return null;
}

/** Recomputes a heap type's slots from the dunders along its MRO. */
export function updateSlots(t: PyType): void {
  // Each slot: none where no class defines the dunder; the native slot of the builtin class that
  // defines it first; else the generic slot that calls the Python method.
  let c = definingClass(t, "__call__");
  t.tp_call = c === null ? null : (c.flags & TYPE_HEAP) === 0 ? c.tp_call : slotCall;
  c = definingClass(t, "__iter__");
  t.tp_iter = c === null ? null : (c.flags & TYPE_HEAP) === 0 ? c.tp_iter : slotIter;
  if (t.attrs.get("__iter__") === None) t.tp_iter = null;
  c = definingClass(t, "__next__");
  t.tp_iternext = c === null ? null : (c.flags & TYPE_HEAP) === 0 ? c.tp_iternext : slotIterNext;
  c = definingClass(t, "__get__");
  t.tp_descr_get = c === null ? null : (c.flags & TYPE_HEAP) === 0 ? c.tp_descr_get : slotDescrGet;
  c = definingClass(t, "__set__", "__delete__");
  t.tp_descr_set = c === null ? null : (c.flags & TYPE_HEAP) === 0 ? c.tp_descr_set : slotDescrSet;
  const base = t.solidBase;
  const ga = definingClass(t, "__getattribute__");
  const hasGetattr = t.lookup("__getattr__") !== undefined;
  if ((ga !== null && (ga.flags & TYPE_HEAP) !== 0) || hasGetattr) t.tp_getattro = slotGetAttr;
  else t.tp_getattro = base.isSubtypeOf(typeType) ? typeGetAttr : base.tp_getattro ?? genericGetAttr;
  const sa = definingClass(t, "__setattr__");
  const da = definingClass(t, "__delattr__");
  if ((sa !== null && (sa.flags & TYPE_HEAP) !== 0) || (da !== null && (da.flags & TYPE_HEAP) !== 0)) {
    t.tp_setattro = slotSetAttr;
  } else {
    t.tp_setattro = base.isSubtypeOf(typeType) ? typeSetAttr : base.tp_setattro;
  }
  t.tp_new = base.tp_new;
  const eq = t.lookup("__eq__"), h = t.lookup("__hash__");
  if (eq === objectType.attrs.get("__eq__") && h === objectType.attrs.get("__hash__")) {
    t.flags |= TYPE_IDENTITY_KEY;
  } else t.flags &= ~TYPE_IDENTITY_KEY;
}

function slotCall(self: PyValue, args: PyValue[], kwnames: string[] | null): PyValue {
  const f = typeOf(self).lookup("__call__");
  if (f === undefined) raise(Exc.TypeError, `'${typeOf(self).name}' object is not callable`);
  enterRecursiveCall(WHILE_CALLING);
  try {
    return callMethod(f, self, args, kwnames);
  } catch (e) {
    throw overflowAsRecursionError(e, WHILE_CALLING);
  } finally {
    leaveRecursiveCall();
  }
}

function slotIter(self: PyValue): PyValue {
  const f = typeOf(self).lookup("__iter__")!;
  const it = callMethod0(f, self);
  if (typeOf(it).tp_iternext === null) {
    raise(Exc.TypeError, `iter() returned non-iterator of type '${typeOf(it).name}'`);
  }
  return it;
}

function slotIterNext(self: PyValue): PyValue | undefined {
  const f = typeOf(self).lookup("__next__")!;
  try {
    return callMethod0(f, self);
  } catch (e) {
    if (isExceptionOf(e, Exc.StopIteration)) return undefined;
    throw e;
  }
}

function slotDescrGet(descr: PyValue, obj: PyValue | null, type: PyType): PyValue {
  const f = typeOf(descr).lookup("__get__")!;
  return callMethod2(f, descr, obj === null ? None : obj, type);
}

function slotDescrSet(descr: PyValue, obj: PyValue, value: PyValue | undefined): void {
  const t = typeOf(descr);
  if (value === undefined) {
    const f = t.lookup("__delete__");
    if (f === undefined) raise(Exc.AttributeError, "__delete__");
    callMethod1(f, descr, obj);
  } else {
    const f = t.lookup("__set__");
    if (f === undefined) raise(Exc.AttributeError, "__set__");
    callMethod2(f, descr, obj, value);
  }
}

const OBJECT_GETATTRIBUTE = objectType.attrs.get("__getattribute__");

function slotGetAttr(obj: PyValue, name: string): PyValue | undefined {
  const t = typeOf(obj);
  const ga = t.lookup("__getattribute__");
  let v: PyValue | undefined;
  try {
    if (ga === OBJECT_GETATTRIBUTE || ga === undefined) {
      v = obj instanceof PyType ? typeGetAttr(obj, name) : genericGetAttr(obj, name);
    } else {
      v = callMethod1(ga, obj, name);
    }
  } catch (e) {
    if (isExceptionOf(e, Exc.AttributeError)) {
      const g = t.lookup("__getattr__");
      if (g !== undefined) return callMethod1(g, obj, name);
    }
    throw e;
  }
  if (v === undefined) {
    const g = t.lookup("__getattr__");
    if (g !== undefined) return callMethod1(g, obj, name);
  }
  return v;
}

function slotSetAttr(obj: PyValue, name: string, value: PyValue | undefined): void {
  const t = typeOf(obj);
  if (value === undefined) {
    const f = t.lookup("__delattr__")!;
    callMethod1(f, obj, name);
  } else {
    const f = t.lookup("__setattr__")!;
    callMethod2(f, obj, name, value);
  }
}

/** The module name shown in a type's repr (`__main__`), from its namespace for heap types. */
export function typeModule(t: PyType): string {
  if ((t.flags & TYPE_HEAP) !== 0) {
    const m = t.attrs.get("__module__");
    if (m !== undefined) return str(m);
  }
  return t.module;
}

defMethod(typeType, "__repr__", (args) => {
  const t = args[0] as PyType;
  const mod = typeModule(t);
  return mod === "builtins" ? `<class '${t.qualname}'>` : `<class '${mod}.${t.qualname}'>`;
});
defMethod(typeType, "__call__", (args, kwnames) => {
  if (!(args[0] instanceof PyType)) raise(Exc.TypeError, "descriptor '__call__' requires a 'type' object");
  return typeCall(args[0], args.slice(1), kwnames);
});
installNew(typeType);
defMethod(typeType, "__init__", () => None);
defMethod(typeType, "__getattribute__", (args) => {
  const name = attrName(args[1]);
  const v = typeGetAttr(args[0], name);
  if (v === undefined) throw attributeError(args[0], name);
  return v;
});
defMethod(typeType, "__setattr__", (args) => {
  typeSetAttr(args[0], attrName(args[1]), args[2]);
  return None;
});
defMethod(typeType, "__delattr__", (args) => {
  typeSetAttr(args[0], attrName(args[1]), undefined);
  return None;
});
defMethod(typeType, "mro", (args) => newListOf((args[0] as PyType).mro.slice()));
defMethod(typeType, "__subclasses__", (args) => newListOf((args[0] as PyType).subclasses.live()));
defMethod(typeType, "__instancecheck__", (args) => isInstanceOf(args[1], args[0] as PyType));
defMethod(typeType, "__subclasscheck__", (args) => {
  if (!(args[1] instanceof PyType)) raise(Exc.TypeError, "issubclass() arg 1 must be a class");
  return args[1].isSubtypeOf(args[0] as PyType);
});
defMethod(typeType, "__dir__", (args) => {
  const names = new Set<string>();
  for (const t of (args[0] as PyType).mro) for (const k of t.attrs.keys()) names.add(k);
  return newListOf([...names].sort());
});
defClassMethod(typeType, "__prepare__", () => new PyDict());
defMethod(typeType, "__sizeof__", () => 400);
defGetSet(typeType, "__name__", (t) => shortTypeName(t as PyType), (t, v) => {
  const s = v === undefined ? undefined : strValueOf(v);
  if (s === undefined) {
    raise(
      Exc.TypeError,
      `can only assign string to ${(t as PyType).name}.__name__, not '${typeOf(v ?? None).name}'`,
    );
  }
  (t as PyType).name = s;
  (t as PyType).flags &= ~TYPE_QUALIFIED_NAME;
});
defGetSet(typeType, "__qualname__", (t) => (t as PyType).qualname, (t, v) => {
  const s = v === undefined ? undefined : strValueOf(v);
  if (s === undefined) raise(Exc.TypeError, `can only assign string to ${(t as PyType).name}.__qualname__`);
  (t as PyType).qualname = s;
});
defGetSet(typeType, "__module__", (t) => typeModule(t as PyType), (t, v) => {
  (t as PyType).attrs.set("__module__", v ?? None);
  (t as PyType).module = v === undefined ? "builtins" : str(v);
  (t as PyType).modified();
});
defGetSet(typeType, "__bases__", (t) => newTuple((t as PyType).bases.slice()), (t, v) => {
  setBases(t as PyType, v);
});

/**
 * `C.__bases__ = (...)`: CPython's checks (a class statement's class, a non-empty tuple of classes,
 * no cycle, the same instance layout), then the MROs of C and its subclasses are recomputed and the
 * change recorded (new type versions: what was specialized on the old bases deoptimizes).
 */
function setBases(t: PyType, v: PyValue | undefined): void {
  if (v === undefined) {
    raise(Exc.TypeError, `cannot delete '__bases__' attribute of immutable type '${t.name}'`);
  }
  if ((t.flags & TYPE_HEAP) === 0) {
    raise(Exc.TypeError, `cannot set '__bases__' attribute of immutable type '${t.name}'`);
  }
  if (!(v instanceof PyTuple)) {
    raise(Exc.TypeError, `can only assign tuple to ${t.name}.__bases__, not ${typeOf(v).name}`);
  }
  if (v.items.length === 0) {
    raise(Exc.TypeError, `can only assign non-empty tuple to ${t.name}.__bases__, not ()`);
  }
  const bases: PyType[] = [];
  for (const b of v.items) {
    if (!(b instanceof PyType)) {
      raise(Exc.TypeError, `${t.name}.__bases__ must be tuple of classes, not '${typeOf(b).name}'`);
    }
    if (b.isSubtypeOf(t)) raise(Exc.TypeError, "a __bases__ item causes an inheritance cycle");
    bases.push(b);
  }
  const oldSolid = bestBase(t.bases), newSolid = bestBase(bases);
  if (oldSolid !== newSolid) {
    raise(
      Exc.TypeError,
      `__bases__ assignment: '${bases[0].name}' object layout differs from '${t.bases[0].name}'`,
    );
  }
  const old = t.bases;
  const relink = (from: PyType[], to: PyType[]) => {
    for (const b of from) b.subclasses.remove(t);
    for (const b of to) b.subclasses.add(t);
    t.bases = to;
    t.base = to[0];
  };
  relink(old, bases);
  try {
    recomputeMro(t);
  } catch (e) {
    relink(bases, old);
    recomputeMro(t);
    throw e;
  }
  t.modified();
}

/** Recomputes the MRO of `t` and of every class below it. */
function recomputeMro(t: PyType): void {
  t.mro = computeMro(t);
  for (const s of t.subclasses.live()) recomputeMro(s);
}
defGetSet(typeType, "__base__", (t) => (t as PyType).base ?? None);
defGetSet(typeType, "__mro__", (t) => newTuple((t as PyType).mro.slice()));
defGetSet(typeType, "__dict__", (t) => new PyMappingProxy(typeNamespaceDict(t as PyType)));
defGetSet(typeType, "__doc__", (t) => {
  const d = (t as PyType).attrs.get("__doc__");
  if (d === undefined) return None;
  const get = typeOf(d).tp_descr_get;
  return get !== null ? get(d, null, t as PyType) : d;
}, (t, v) => {
  typeSetAttrRaw(t as PyType, "__doc__", v);
});
defGetSet(typeType, "__annotations__", (t) => {
  const a = (t as PyType).attrs.get("__annotations__");
  if (a !== undefined) return a;
  const d = new PyDict();
  if ((((t as PyType).flags) & TYPE_HEAP) !== 0) {
    (t as PyType).attrs.set("__annotations__", d);
    (t as PyType).modified();
  }
  return d;
}, (t, v) => {
  if (v === undefined && !(t as PyType).attrs.has("__annotations__")) {
    raise(Exc.AttributeError, "__annotations__");
  }
  typeSetAttrRaw(t as PyType, "__annotations__", v);
});
defGetSet(typeType, "__text_signature__", () => None);
// ABCMeta stores the abstract method names here; a non-empty set makes object.__new__ refuse.
defGetSet(typeType, "__abstractmethods__", (t) => {
  const v = (t as PyType).attrs.get("__abstractmethods__");
  if (v === undefined || t === typeType) raise(Exc.AttributeError, "__abstractmethods__");
  return v;
}, (t, v) => {
  const type = t as PyType;
  if (v === undefined) {
    if (!type.attrs.has("__abstractmethods__")) raise(Exc.AttributeError, "__abstractmethods__");
    typeSetAttrRaw(type, "__abstractmethods__", undefined);
    type.flags &= ~TYPE_ABSTRACT;
    return;
  }
  typeSetAttrRaw(type, "__abstractmethods__", v);
  if (isTrue(v)) type.flags |= TYPE_ABSTRACT;
  else type.flags &= ~TYPE_ABSTRACT;
});

function typeSetAttrRaw(t: PyType, name: string, v: PyValue | undefined): void {
  if ((t.flags & TYPE_HEAP) === 0) {
    raise(Exc.TypeError, `cannot set '${name}' attribute of immutable type '${t.name}'`);
  }
  if (v === undefined) t.attrs.delete(name);
  else t.attrs.set(name, v);
  t.modified();
}

/** The last snapshot of each type's namespace, and the type's version it was taken at. */
const namespaceSnapshots = new WeakMap<PyType, { version: number; dict: PyDict }>();

/**
 * A dict snapshot of a type's namespace (what `C.__dict__` shows, read-only through a
 * mappingproxy): the same one until the type changes (enum, dataclasses and typing read
 * `cls.__dict__` many times while they make a class).
 */
export function typeNamespaceDict(t: PyType): PyDict {
  const last = namespaceSnapshots.get(t);
  if (last !== undefined && last.version === t.version) return last.dict;
  const d = new PyDict();
  t.attrs.forEach((v, k) => d.setStr(k, v));
  namespaceSnapshots.set(t, { version: t.version, dict: d });
  return d;
}

/** isinstance without __instancecheck__ hooks (the default). */
export function isInstanceOf(v: PyValue, t: PyType): boolean {
  const vt = typeOf(v);
  if (vt === t || vt.isSubtypeOf(t)) return true;
  // A __class__ attribute that differs from the type (a property, __getattr__...) counts too.
  if (typeof v === "object" && !(v instanceof PyType)) {
    const plain = vt.tp_getattro === genericGetAttr &&
      vt.lookup("__class__") === objectType.attrs.get("__class__");
    const c = plain ? undefined : getAttrOrUndefined(v, "__class__");
    if (c instanceof PyType && c !== vt) return c.isSubtypeOf(t);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// super

/** Looks `name` up past `sup.thisType` in the MRO of the object's type, binding descriptors. */
export function superGetAttr(sup: PySuper, name: string): PyValue | undefined {
  const start = sup.objType;
  if (start !== null && name !== "__class__") {
    const mro = start.mro;
    let i = mro.indexOf(sup.thisType!);
    for (i = i + 1; i < mro.length; i++) {
      const v = mro[i].attrs.get(name);
      if (v !== undefined) {
        const get = typeOf(v).tp_descr_get;
        if (get === null) return v;
        const obj = sup.obj === start ? null : sup.obj;
        // A classmethod/staticmethod or a function on a class: bind to the class or object.
        return get(v, obj, start);
      }
    }
  }
  return genericGetAttr(sup, name);
}

superType.tp_getattro = (obj, name) => superGetAttr(obj as PySuper, name);
superType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "super() takes no keyword arguments");
  if (args.length === 0) {
    const found = zeroArgSuperHook();
    return makeSuper(found[0], found[1], cls);
  }
  if (args.length > 2) raise(Exc.TypeError, `super() takes at most 2 arguments (${args.length} given)`);
  const t = args[0];
  if (!(t instanceof PyType)) {
    raise(Exc.TypeError, `super() argument 1 must be a type, not ${typeOf(t).name}`);
  }
  if (args.length === 1) return new PySuper(t, null, null, cls);
  return makeSuper(t, args[1], cls);
};
defMethod(superType, "__init__", () => None);
installNew(superType);
defMethod(superType, "__repr__", (args) => {
  const s = args[0] as PySuper;
  const tn = s.thisType === null ? "NULL" : s.thisType.name;
  if (s.objType === null) return `<super: <class '${tn}'>, NULL>`;
  return `<super: <class '${tn}'>, <${s.objType.name} object>>`;
});
defMethod(superType, "__get__", (args) => {
  const s = args[0] as PySuper;
  if (args[1] === None || s.obj !== null) return s;
  return makeSuper(s.thisType!, args[1], s.cls);
});
defGetSet(superType, "__thisclass__", (s) => (s as PySuper).thisType ?? None);
defGetSet(superType, "__self__", (s) => (s as PySuper).obj ?? None);
defGetSet(superType, "__self_class__", (s) => (s as PySuper).objType ?? None);

/** super(type, obj) with CPython's checks (obj an instance or a subclass of type). */
export function makeSuper(t: PyType, obj: PyValue, cls: PyType = superType): PySuper {
  let objType: PyType;
  if (obj instanceof PyType && obj.isSubtypeOf(t)) objType = obj;
  else {
    const ot = typeOf(obj);
    if (ot.isSubtypeOf(t)) objType = ot;
    else raise(Exc.TypeError, "super(type, obj): obj must be an instance or subtype of type");
  }
  return new PySuper(t, obj, objType, cls);
}

/** lib/ installs this: object's default reduction (obj, protocol) → the reduce tuple. */
let defaultReduceHook: (obj: PyValue, protocol: PyValue) => PyValue = () =>
  raise(Exc.NotImplementedError, "pickling is not supported");
/** Sets defaultReduceHook. */
export function setDefaultReduceHook(f: (obj: PyValue, protocol: PyValue) => PyValue): void {
  defaultReduceHook = f;
}

/** The builtins install this: the `__name__` of the running code's module, if any. */
let callerModuleNameHook: () => PyValue | undefined = () => undefined;
/** Sets callerModuleNameHook. */
export function setCallerModuleNameHook(f: () => PyValue | undefined): void {
  callerModuleNameHook = f;
}

/** EXECUTION installs this: the `__class__` cell value and first argument of the running function. */
export let zeroArgSuperHook: () => [PyType, PyValue] = () => raise(Exc.RuntimeError, "super(): no arguments");
/** Sets zeroArgSuperHook. */
export function setZeroArgSuperHook(f: () => [PyType, PyValue]): void {
  zeroArgSuperHook = f;
}

/**
 * LOAD_SUPER_ATTR's body: `super(cls, self).name` (cls from the `__class__` cell) without
 * creating the super object when possible.
 */
export function loadSuperAttr(cls: PyValue, self: PyValue, name: string): PyValue {
  if (!(cls instanceof PyType)) raise(Exc.RuntimeError, "super(): __class__ is not a type");
  const sup = makeSuper(cls, self);
  const v = superGetAttr(sup, name);
  if (v === undefined) raise(Exc.AttributeError, `'super' object has no attribute '${name}'`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// property, staticmethod, classmethod

propertyType.tp_new = (cls) => new PyProperty(None, None, None, None, cls);
installNew(propertyType);
defMethod(propertyType, "__init__", (args, kwnames) => {
  const p = args[0] as PyProperty;
  const [fget, fset, fdel, doc] = bindArgs("property", args.slice(1), kwnames, [
    "fget",
    "fset",
    "fdel",
    "doc",
  ], 0);
  p.fget = fget ?? None;
  p.fset = fset ?? None;
  p.fdel = fdel ?? None;
  if (doc !== undefined && doc !== None) p.doc = doc;
  else if (p.fget !== None) {
    try {
      p.doc = getAttr(p.fget, "__doc__");
    } catch {
      p.doc = None;
    }
  } else p.doc = None;
  return None;
});
propertyType.tp_descr_get = (d, obj) => {
  const p = d as PyProperty;
  if (obj === null) return p;
  if (p.fget === None) {
    raise(Exc.AttributeError, `property${propertyName(p)} of '${typeOf(obj).name}' object has no getter`);
  }
  return call(p.fget, [obj]);
};
propertyType.tp_descr_set = (d, obj, value) => {
  const p = d as PyProperty;
  if (value === undefined) {
    if (p.fdel === None) {
      raise(Exc.AttributeError, `property${propertyName(p)} of '${typeOf(obj).name}' object has no deleter`);
    }
    call(p.fdel, [obj]);
  } else {
    if (p.fset === None) {
      raise(Exc.AttributeError, `property${propertyName(p)} of '${typeOf(obj).name}' object has no setter`);
    }
    call(p.fset, [obj, value]);
  }
};
function propertyName(p: PyProperty): string {
  return p.name === None ? "" : ` '${str(p.name)}'`;
}
function copyProperty(p: PyProperty, which: number, f: PyValue): PyProperty {
  const q = new PyProperty(p.fget, p.fset, p.fdel, p.doc, p.cls);
  q.name = p.name;
  if (which === 0) {
    q.fget = f;
    if (p.doc === None) {
      try {
        q.doc = getAttr(f, "__doc__");
      } catch { /* no doc */ }
    }
  } else if (which === 1) q.fset = f;
  else q.fdel = f;
  return q;
}
defMethod(propertyType, "getter", (args) => copyProperty(args[0] as PyProperty, 0, args[1]));
defMethod(propertyType, "setter", (args) => copyProperty(args[0] as PyProperty, 1, args[1]));
defMethod(propertyType, "deleter", (args) => copyProperty(args[0] as PyProperty, 2, args[1]));
defMethod(
  propertyType,
  "__get__",
  (args) => propertyType.tp_descr_get!(args[0], args[1] === None ? null : args[1], typeOf(args[1])),
);
defMethod(propertyType, "__set__", (args) => {
  propertyType.tp_descr_set!(args[0], args[1], args[2]);
  return None;
});
defMethod(propertyType, "__delete__", (args) => {
  propertyType.tp_descr_set!(args[0], args[1], undefined);
  return None;
});
defMethod(propertyType, "__set_name__", (args) => {
  const p = args[0] as PyProperty;
  if (p.name === None) p.name = args[2];
  return None;
});
defGetSet(propertyType, "fget", (p) => (p as PyProperty).fget);
defGetSet(propertyType, "fset", (p) => (p as PyProperty).fset);
defGetSet(propertyType, "fdel", (p) => (p as PyProperty).fdel);
defGetSet(propertyType, "__doc__", (p) => (p as PyProperty).doc, (p, v) => {
  (p as PyProperty).doc = v ?? None;
});
defGetSet(propertyType, "__isabstractmethod__", (p) => {
  const q = p as PyProperty;
  return isAbstract(q.fget) || isAbstract(q.fset) || isAbstract(q.fdel);
});

/**
 * Whether f has a true `__isabstractmethod__` (abc.abstractmethod marks functions so). Asked of
 * every attribute of every ABC made, so a missing one is found without making an AttributeError.
 */
export function isAbstract(f: PyValue): boolean {
  if (f === None) return false;
  const v = getAttrOrUndefined(f, "__isabstractmethod__");
  return v !== undefined && isTrue(v);
}

for (const t of [staticmethodType, classmethodType]) {
  t.tp_new = (cls, args) => {
    if (args.length !== 1) raise(Exc.TypeError, `${t.name} expected 1 argument, got ${args.length}`);
    return new PyMethodWrapper(cls, args[0]);
  };
  installNew(t);
  defMethod(t, "__init__", () => None);
  defGetSet(t, "__func__", (w) => (w as PyMethodWrapper).func);
  defGetSet(t, "__wrapped__", (w) => (w as PyMethodWrapper).func);
  defGetSet(t, "__isabstractmethod__", (w) => isAbstract((w as PyMethodWrapper).func));
  defMethod(t, "__get__", (args) => {
    const obj = args[1] === None ? null : args[1];
    const type = args.length > 2 && args[2] instanceof PyType ? args[2] : typeOf(args[1]);
    return t.tp_descr_get!(args[0], obj, type);
  });
  defMethod(t, "__repr__", (args) => `<${t.name}(${repr((args[0] as PyMethodWrapper).func)})>`);
  defGetSet(t, "__doc__", (w) => {
    try {
      return getAttr((w as PyMethodWrapper).func, "__doc__");
    } catch {
      return None;
    }
  });
  defGetSet(t, "__name__", (w) => getAttr((w as PyMethodWrapper).func, "__name__"));
  defGetSet(t, "__qualname__", (w) => getAttr((w as PyMethodWrapper).func, "__qualname__"));
}

/** Gives a builtin type whose instances carry a dict the `__dict__` attribute. */
export function installDict(t: PyType): void {
  t.attrs.set("__dict__", instanceDictDescriptor);
}

// `__call__` and `__get__` in the namespaces of the builtin callable types (as CPython's slot
// wrappers), so that `'__call__' in type(f).__dict__` holds (collections.abc.Callable checks it).
for (
  const t of [builtinFunctionType, functionType, methodType, methodDescriptorType, classMethodDescriptorType]
) {
  defMethod(t, "__call__", (args, kwnames) => {
    const slot = typeOf(args[0]).tp_call;
    if (slot === null) raise(Exc.TypeError, `'${typeOf(args[0]).name}' object is not callable`);
    return slot(args[0], args.slice(1), kwnames);
  });
}
defMethod(
  staticmethodType,
  "__call__",
  (args, kwnames) => call((args[0] as PyMethodWrapper).func, args.slice(1), kwnames),
);
defMethod(functionType, "__get__", (args) => {
  const obj = args.length > 1 && args[1] !== None ? args[1] : null;
  return functionType.tp_descr_get!(
    args[0],
    obj,
    args.length > 2 && args[2] instanceof PyType ? args[2] : typeOf(args[1]),
  );
});
