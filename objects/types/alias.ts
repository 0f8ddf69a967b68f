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
  newBuiltinType,
  newTuple,
  None,
  noneType,
  NotImplemented,
  PyObject,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../object.ts";
import { call, hash, repr, richEq, setGenericAliasHook } from "../ops.ts";
import { installNew, typeModule } from "./type.ts";

/** `origin[args]`. */
export class PyGenericAlias extends PyObject {
  declare origin: PyValue;
  declare args: PyValue[];
  constructor(origin: PyValue, args: PyValue[]) {
    super();
    this.cls = genericAliasType;
    this.dict = null;
    this.origin = origin;
    this.args = args;
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
genericAliasType.module = "types";
export const unionType: PyType = newBuiltinType("UnionType", undefined, 0);
unionType.module = "types";

/** How a type appears inside a hint's repr: `int`, `mod.C`, `None`, `...`. */
function hintRepr(v: PyValue): string {
  if (v === None || v === noneType) return "None";
  if (v === Ellipsis) return "...";
  if (v instanceof PyType) {
    const mod = typeModule(v);
    return mod === "builtins" ? v.qualname : `${mod}.${v.qualname}`;
  }
  if (v instanceof PyTuple) return v.items.length === 0 ? "()" : v.items.map(hintRepr).join(", ");
  return repr(v);
}

/** `origin[item]` for builtin generics. */
export function makeGenericAlias(origin: PyValue, item: PyValue): PyValue {
  const args = item instanceof PyTuple ? item.items.slice() : [item];
  return new PyGenericAlias(origin, args);
}

setGenericAliasHook(makeGenericAlias);
genericAliasType.tp_new = (_cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, "GenericAlias() takes no keyword arguments");
  }
  if (args.length !== 2) raise(Exc.TypeError, `GenericAlias expected 2 arguments, got ${args.length}`);
  return makeGenericAlias(args[0], args[1]);
};
installNew(genericAliasType);

defMethod(genericAliasType, "__repr__", (args) => {
  const a = args[0] as PyGenericAlias;
  const inner = a.args.length === 0 ? "()" : a.args.map(hintRepr).join(", ");
  return `${hintRepr(a.origin)}[${inner}]`;
});
defMethod(
  genericAliasType,
  "__call__",
  (args, kwnames) => call((args[0] as PyGenericAlias).origin, args.slice(1), kwnames),
);
genericAliasType.tp_call = (a, args, kwnames) => call((a as PyGenericAlias).origin, args, kwnames);
defGetSet(genericAliasType, "__origin__", (a) => (a as PyGenericAlias).origin);
defGetSet(genericAliasType, "__args__", (a) => newTuple((a as PyGenericAlias).args));
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
defMethod(genericAliasType, "__getitem__", (args) => makeGenericAlias(args[0], args[1]));
defMethod(genericAliasType, "__or__", (args) => makeUnion(args[0], args[1]));
defMethod(genericAliasType, "__ror__", (args) => makeUnion(args[1], args[0]));
genericAliasType.tp_getattro = (obj, name) => {
  const own = genericAliasType.lookup(name);
  if (own !== undefined) {
    const get = typeOf(own).tp_descr_get;
    return get !== null ? get(own, obj, genericAliasType) : own;
  }
  const origin = (obj as PyGenericAlias).origin;
  const t = typeOf(origin);
  return t.tp_getattro === null ? undefined : t.tp_getattro(origin, name);
};

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
defMethod(
  unionType,
  "__hash__",
  (args) => (args[0] as PyUnion).args.reduce((h: number, t) => h ^ hash(t), 0),
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
defMethod(noneType, "__or__", (args) => makeUnion(args[0], args[1]));
defMethod(noneType, "__ror__", (args) => makeUnion(args[1], args[0]));
