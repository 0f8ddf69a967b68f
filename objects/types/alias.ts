/**
 * Type-hint objects that annotations evaluate to at run time: `list[int]` (types.GenericAlias)
 * and `int | None` (types.UnionType) → objects with CPython's reprs, `__origin__`/`__args__`,
 * equality, and isinstance/issubclass support for unions.
 *
 * @example
 * ```ts
 * import { makeGenericAlias } from "./alias.ts";
 * import { listType } from "../object.ts";
 * const a = makeGenericAlias(listType, 1); // list[int] when called with intType
 * ```
 * @module
 */
import {
  defGetSet,
  defMethod,
  Ellipsis,
  Exc,
  frozensetType,
  isInstance,
  newBuiltinType,
  newSet,
  newTuple,
  None,
  noneType,
  normInt,
  NotImplemented,
  placeCType,
  PyBaseException,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  TYPE_BASETYPE,
  typeOf,
  typeType,
} from "../object.ts";
import {
  call,
  callMethod,
  exactHash,
  genericGetAttr,
  getAttrOrUndefined,
  getItem,
  hash,
  repr,
  richEq,
  setAttr,
  setGenericAliasHook,
  toArray,
} from "../ops.ts";
import { installNew, typeModule } from "./type.ts";

/** `origin[args]`; `cls` is GenericAlias or a Python subclass of it. */
export class PyGenericAlias extends PyObject {
  declare origin: PyValue;
  declare args: PyValue[];
  /** `__parameters__`, computed on first use. */
  declare parameters: PyValue[] | null;
  constructor(origin: PyValue, args: PyValue[], cls: PyType = genericAliasType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.origin = origin;
    this.args = args;
    this.parameters = null;
  }
}

/** `a | b | …` of types. */
export class PyUnion extends PyObject {
  declare args: PyValue[];
  constructor(args: PyValue[]) {
    super();
    this.cls = unionType;
    this.dict = null;
    this.args = args;
  }
}

export const genericAliasType: PyType = newBuiltinType("GenericAlias", undefined, 0);
placeCType(genericAliasType, "types");
export const unionType: PyType = newBuiltinType("UnionType", undefined, 0);
placeCType(unionType, "types");

/** How a type appears inside a hint's repr: `int`, `mod.C`, `None`, `...`, `[int, str]`. */
function hintRepr(v: PyValue): string {
  if (v === None || v === noneType) return "None";
  if (v === Ellipsis) return "...";
  if (v instanceof PyType) {
    const mod = typeModule(v);
    return mod === "builtins" ? v.qualname : `${mod}.${v.qualname}`;
  }
  if (v instanceof PyTuple) return v.items.length === 0 ? "()" : v.items.map(hintRepr).join(", ");
  if (v instanceof PyList) return `[${v.items.map(hintRepr).join(", ")}]`;
  return repr(v);
}

/** `origin[item]` for builtin generics. */
export function makeGenericAlias(origin: PyValue, item: PyValue, cls: PyType = genericAliasType): PyValue {
  const args = item instanceof PyTuple ? item.items.slice() : [item];
  return new PyGenericAlias(origin, args, cls);
}

/**
 * The type variables in `args`, in order of first appearance (CPython's _Py_make_parameters):
 * an argument with `__typing_subst__` is one (a TypeVar, ParamSpec, …); another contributes
 * its own `__parameters__`; classes contribute nothing.
 */
function collectParameters(args: PyValue[], out: PyValue[]): PyValue[] {
  for (const a of args) {
    if (typeof a !== "object" || a instanceof PyType) continue;
    if (a instanceof PyTuple || a instanceof PyList) {
      collectParameters(a.items, out);
      continue;
    }
    if (getAttrOrUndefined(a, "__typing_subst__") !== undefined) {
      if (!out.some((p) => p === a || richEq(p, a))) out.push(a);
      continue;
    }
    const sub = getAttrOrUndefined(a, "__parameters__");
    if (sub instanceof PyTuple) {
      for (const p of sub.items) if (!out.some((q) => q === p || richEq(q, p))) out.push(p);
    }
  }
  return out;
}

function aliasParameters(a: PyGenericAlias): PyValue[] {
  if (a.parameters === null) a.parameters = collectParameters(a.args, []);
  return a.parameters;
}

/**
 * `alias[items]`: each type variable of the alias replaced by its argument (CPython's
 * _Py_subs_parameters), giving a new plain GenericAlias.
 */
function substituteParameters(a: PyGenericAlias, item: PyValue): PyValue {
  const params = aliasParameters(a);
  if (params.length === 0) raise(Exc.TypeError, `There are no type variables left in ${repr(a)}`);
  let items = item instanceof PyTuple ? item : newTuple([item]);
  for (const p of params) {
    const prepare = getAttrOrUndefined(p, "__typing_prepare_subst__");
    if (prepare !== undefined) {
      const r = call(prepare, [a, items]);
      items = r instanceof PyTuple ? r : newTuple([r]);
    }
  }
  const given = items.items;
  if (given.length !== params.length) {
    raise(
      Exc.TypeError,
      `Too ${given.length > params.length ? "many" : "few"} arguments for ${
        repr(a)
      }; actual ${given.length}, expected ${params.length}`,
    );
  }
  const indexOf = (p: PyValue) => params.findIndex((q) => q === p || richEq(q, p));
  const substitute = (arg: PyValue): PyValue => {
    if (typeof arg !== "object" || arg instanceof PyType) return arg;
    if (arg instanceof PyTuple) return newTuple(arg.items.map(substitute));
    if (arg instanceof PyList) return new PyList(arg.items.map(substitute));
    const subst = getAttrOrUndefined(arg, "__typing_subst__");
    if (subst !== undefined) return call(subst, [given[indexOf(arg)]]);
    const sub = getAttrOrUndefined(arg, "__parameters__");
    if (sub instanceof PyTuple && sub.items.length > 0) {
      const subArgs = sub.items.map((p) => given[indexOf(p)]);
      return getItem(arg, subArgs.length === 1 ? subArgs[0] : newTuple(subArgs));
    }
    return arg;
  };
  return new PyGenericAlias(a.origin, a.args.map(substitute));
}

setGenericAliasHook((origin, item) => makeGenericAlias(origin, item));
genericAliasType.flags |= TYPE_BASETYPE;
genericAliasType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, "GenericAlias() takes no keyword arguments");
  }
  if (args.length !== 2) raise(Exc.TypeError, `GenericAlias expected 2 arguments, got ${args.length}`);
  return makeGenericAlias(args[0], args[1], cls);
};
installNew(genericAliasType);

defMethod(genericAliasType, "__repr__", (args) => {
  const a = args[0] as PyGenericAlias;
  const inner = a.args.length === 0 ? "()" : a.args.map(hintRepr).join(", ");
  return `${hintRepr(a.origin)}[${inner}]`;
});
/** `list[int](…)`: the origin's instance, told which alias made it when it can be. */
function callAlias(a: PyValue, args: PyValue[], kwnames: string[] | null): PyValue {
  const obj = call((a as PyGenericAlias).origin, args, kwnames);
  try {
    setAttr(obj, "__orig_class__", a);
  } catch (e) {
    if (
      !(e instanceof PyBaseException && (isInstance(e, Exc.AttributeError) || isInstance(e, Exc.TypeError)))
    ) {
      throw e;
    }
  }
  return obj;
}
defMethod(genericAliasType, "__call__", (args, kwnames) => callAlias(args[0], args.slice(1), kwnames));
genericAliasType.tp_call = callAlias;
defGetSet(genericAliasType, "__origin__", (a) => (a as PyGenericAlias).origin);
defGetSet(genericAliasType, "__args__", (a) => newTuple((a as PyGenericAlias).args));
defGetSet(genericAliasType, "__parameters__", (a) => newTuple(aliasParameters(a as PyGenericAlias)));
defGetSet(genericAliasType, "__unpacked__", () => false);
defGetSet(genericAliasType, "__typing_unpacked_tuple_args__", () => None);
defMethod(genericAliasType, "__eq__", (args) => {
  const a = args[0] as PyGenericAlias, b = args[1];
  if (!(b instanceof PyGenericAlias)) return NotImplemented;
  return richEq(a.origin, b.origin) && a.args.length === b.args.length &&
    a.args.every((x, i) => richEq(x, b.args[i]));
});
defMethod(genericAliasType, "__hash__", (args) => {
  const a = args[0] as PyGenericAlias;
  return hash(a.origin) ^ hash(newTuple(a.args));
});
defMethod(
  genericAliasType,
  "__getitem__",
  (args) => substituteParameters(args[0] as PyGenericAlias, args[1]),
);
defMethod(genericAliasType, "__mro_entries__", (args) => newTuple([(args[0] as PyGenericAlias).origin]));
defMethod(genericAliasType, "__instancecheck__", () => {
  raise(Exc.TypeError, "isinstance() argument 2 cannot be a parameterized generic");
});
defMethod(genericAliasType, "__subclasscheck__", () => {
  raise(Exc.TypeError, "issubclass() argument 2 cannot be a parameterized generic");
});
defMethod(genericAliasType, "__reduce__", (args) => {
  const a = args[0] as PyGenericAlias;
  return newTuple([typeOf(a), newTuple([a.origin, newTuple(a.args)])]);
});
defMethod(genericAliasType, "__or__", (args) => makeUnion(args[0], args[1]));
defMethod(genericAliasType, "__ror__", (args) => makeUnion(args[1], args[0]));

defMethod(genericAliasType, "__dir__", (args) => {
  const origin = (args[0] as PyGenericAlias).origin;
  const names = toArray(callMethod(typeOf(origin).lookup("__dir__")!, origin, []));
  for (const n of ALIAS_OWN_ATTRIBUTES) if (!names.includes(n)) names.push(n);
  return new PyList(names);
});

/** Attributes an alias answers itself; every other one is its origin's (`list[int].append`). */
const ALIAS_OWN_ATTRIBUTES = new Set([
  "__class__",
  "__origin__",
  "__args__",
  "__unpacked__",
  "__parameters__",
  "__typing_unpacked_tuple_args__",
  "__mro_entries__",
  "__reduce_ex__",
  "__reduce__",
  "__copy__",
  "__deepcopy__",
]);
genericAliasType.tp_getattro = (obj, name) => {
  const t = typeOf(obj);
  if (ALIAS_OWN_ATTRIBUTES.has(name) || (t !== genericAliasType && ownedBySubclass(t, name))) {
    return genericGetAttr(obj, name);
  }
  const origin = (obj as PyGenericAlias).origin;
  const ot = typeOf(origin);
  return ot.tp_getattro === null ? genericGetAttr(origin, name) : ot.tp_getattro(origin, name);
};

/** Whether a Python subclass of GenericAlias (collections.abc's Callable alias) defines `name`. */
function ownedBySubclass(t: PyType, name: string): boolean {
  for (const c of t.mro) {
    if (c === genericAliasType) return false;
    if (c.attrs.has(name)) return true;
  }
  return false;
}

/** Whether v can take part in `X | Y` (a type, None, an alias or a union). */
function isUnionable(v: PyValue): boolean {
  return v === None || v instanceof PyType || v instanceof PyGenericAlias || v instanceof PyUnion;
}

/** `a | b` for types: a flattened, de-duplicated union (None stands for NoneType). */
export function makeUnion(a: PyValue, b: PyValue): PyValue {
  if (!isUnionable(a) || !isUnionable(b)) return NotImplemented;
  const out: PyValue[] = [];
  const push = (v: PyValue) => {
    const t = v === None ? noneType : v;
    if (t instanceof PyUnion) {
      t.args.forEach(push);
      return;
    }
    if (!out.some((x) => x === t || richEq(x, t))) out.push(t);
  };
  push(a);
  push(b);
  return out.length === 1 ? out[0] : new PyUnion(out);
}

defMethod(typeType, "__or__", (args) => makeUnion(args[0], args[1]));
defMethod(typeType, "__ror__", (args) => makeUnion(args[1], args[0]));
defMethod(unionType, "__or__", (args) => makeUnion(args[0], args[1]));
defMethod(unionType, "__ror__", (args) => makeUnion(args[1], args[0]));
defMethod(unionType, "__repr__", (args) => (args[0] as PyUnion).args.map(hintRepr).join(" | "));
defGetSet(unionType, "__args__", (u) => newTuple((u as PyUnion).args));
defMethod(unionType, "__eq__", (args) => {
  const a = args[0] as PyUnion, b = args[1];
  if (!(b instanceof PyUnion)) return NotImplemented;
  return a.args.length === b.args.length && a.args.every((x) => b.args.some((y) => richEq(x, y)));
});
// as CPython: the hash of the frozenset of the members (typing.Union hashes the same way)
defMethod(
  unionType,
  "__hash__",
  (args) => normInt(exactHash(newSet((args[0] as PyUnion).args, frozensetType))),
);
defMethod(unionType, "__instancecheck__", (args) => {
  const u = args[0] as PyUnion;
  const t = typeOf(args[1]);
  return u.args.some((x) => x instanceof PyType && (t === x || t.isSubtypeOf(x)));
});
defMethod(unionType, "__subclasscheck__", (args) => {
  const u = args[0] as PyUnion, c = args[1];
  return c instanceof PyType && u.args.some((x) => x instanceof PyType && c.isSubtypeOf(x));
});
// (None has no `|` of its own, as in CPython: `None | int` is int's `__ror__`, `None | None` a TypeError.)
