/**
 * The `operator` module of CPython 3.11 (`_operator` in C there): Python's operators as functions
 * (`add`, `lt`, `getitem`, the in-place `iadd`…, their `__add__`-style aliases), `index`,
 * `length_hint`, `countOf`/`indexOf`, `call`, and the callable types itemgetter, attrgetter and
 * methodcaller with their reprs → a module object (registered as both `operator` and `_operator`).
 *
 * @example
 * ```ts
 * import { makeOperatorModule } from "./operator.ts";
 * const operator = makeOperatorModule();
 * ```
 * @module
 */
import {
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE,
  NB_LSHIFT,
  NB_MATRIX_MULTIPLY,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  PY_EQ,
  PY_GE,
  PY_GT,
  PY_LE,
  PY_LT,
  PY_NE,
} from "../../instructions/operators.ts";
import {
  defMethod,
  Exc,
  type NativeFn,
  newTuple,
  None,
  NotImplemented,
  PyList,
  type PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  TYPE_BASETYPE,
  typeOf,
} from "../../objects/object.ts";
import {
  asIndex,
  binaryOp,
  call,
  callMethod0,
  compareOp,
  contains,
  delItem,
  getAttr,
  getItem,
  getIter,
  intValueOf,
  isExceptionOf,
  isTrue,
  len,
  repr,
  richEq,
  setItem,
  strValueOf,
  unaryInvert,
  unaryNegative,
  unaryPositive,
} from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";

/** Checks an exact argument count with the messages of _operator's functions. */
function arity(name: string, args: PyValue[], kwnames: string[] | null, n: number): void {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, `_operator.${name}() takes no keyword arguments`);
  }
  if (args.length === n) return;
  if (n === 1) raise(Exc.TypeError, `_operator.${name}() takes exactly one argument (${args.length} given)`);
  raise(Exc.TypeError, `${name} expected ${n} arguments, got ${args.length}`);
}

const FUNCTIONS: Record<string, NativeFn> = {};

/** Binary operators, each with its in-place form (`iadd`): [name, NB_ op]. */
const BINARY: [string, number][] = [
  ["add", NB_ADD],
  ["and_", NB_AND],
  ["floordiv", NB_FLOOR_DIVIDE],
  ["lshift", NB_LSHIFT],
  ["matmul", NB_MATRIX_MULTIPLY],
  ["mod", NB_REMAINDER],
  ["mul", NB_MULTIPLY],
  ["or_", NB_OR],
  ["pow", NB_POWER],
  ["rshift", NB_RSHIFT],
  ["sub", NB_SUBTRACT],
  ["truediv", NB_TRUE_DIVIDE],
  ["xor", NB_XOR],
];
for (const [name, op] of BINARY) {
  FUNCTIONS[name] = (args, kwnames) => {
    arity(name, args, kwnames, 2);
    return binaryOp(args[0], args[1], op);
  };
  const iname = "i" + name.replace(/_$/, "");
  FUNCTIONS[iname] = (args, kwnames) => {
    arity(iname, args, kwnames, 2);
    return binaryOp(args[0], args[1], op + NB_INPLACE);
  };
}

const COMPARE: [string, number][] = [
  ["lt", PY_LT],
  ["le", PY_LE],
  ["eq", PY_EQ],
  ["ne", PY_NE],
  ["gt", PY_GT],
  ["ge", PY_GE],
];
for (const [name, op] of COMPARE) {
  FUNCTIONS[name] = (args, kwnames) => {
    arity(name, args, kwnames, 2);
    return compareOp(args[0], args[1], op);
  };
}

const UNARY: [string, (v: PyValue) => PyValue][] = [
  ["neg", unaryNegative],
  ["pos", unaryPositive],
  ["inv", unaryInvert],
  ["invert", unaryInvert],
  ["not_", (v) => !isTrue(v)],
  ["truth", (v) => isTrue(v)],
  ["index", (v) => asIndex(v)],
];
for (const [name, fn] of UNARY) {
  FUNCTIONS[name] = (args, kwnames) => {
    arity(name, args, kwnames, 1);
    return fn(args[0]);
  };
}

FUNCTIONS.abs = (args, kwnames) => {
  arity("abs", args, kwnames, 1);
  const f = typeOf(args[0]).lookup("__abs__");
  if (f === undefined) raise(Exc.TypeError, `bad operand type for abs(): '${typeOf(args[0]).name}'`);
  return callMethod0(f, args[0]);
};
FUNCTIONS.is_ = (args, kwnames) => {
  arity("is_", args, kwnames, 2);
  return args[0] === args[1];
};
FUNCTIONS.is_not = (args, kwnames) => {
  arity("is_not", args, kwnames, 2);
  return args[0] !== args[1];
};
FUNCTIONS.contains = (args, kwnames) => {
  arity("contains", args, kwnames, 2);
  return contains(args[0], args[1]);
};
FUNCTIONS.getitem = (args, kwnames) => {
  arity("getitem", args, kwnames, 2);
  return getItem(args[0], args[1]);
};
FUNCTIONS.setitem = (args, kwnames) => {
  arity("setitem", args, kwnames, 3);
  setItem(args[0], args[1], args[2]);
  return None;
};
FUNCTIONS.delitem = (args, kwnames) => {
  arity("delitem", args, kwnames, 2);
  delItem(args[0], args[1]);
  return None;
};

/** PySequence_Check: a type with __getitem__ that is not a dict. */
function isSequence(v: PyValue): boolean {
  if (typeof v === "string") return true;
  const t = typeOf(v);
  return t.lookup("__getitem__") !== undefined && t.lookup("keys") === undefined;
}
FUNCTIONS.concat = (args, kwnames) => {
  arity("concat", args, kwnames, 2);
  if (!isSequence(args[0])) raise(Exc.TypeError, `'${typeOf(args[0]).name}' object can't be concatenated`);
  return binaryOp(args[0], args[1], NB_ADD);
};
FUNCTIONS.iconcat = (args, kwnames) => {
  arity("iconcat", args, kwnames, 2);
  if (!isSequence(args[0])) raise(Exc.TypeError, `'${typeOf(args[0]).name}' object can't be concatenated`);
  return binaryOp(args[0], args[1], NB_ADD + NB_INPLACE);
};
FUNCTIONS.countOf = (args, kwnames) => {
  arity("countOf", args, kwnames, 2);
  let n = 0;
  for (const v of iterValues(args[0])) if (v === args[1] || richEq(v, args[1])) n++;
  return n;
};
FUNCTIONS.indexOf = (args, kwnames) => {
  arity("indexOf", args, kwnames, 2);
  let i = 0;
  for (const v of iterValues(args[0])) {
    if (v === args[1] || richEq(v, args[1])) return i;
    i++;
  }
  raise(Exc.ValueError, "sequence.index(x): x not in sequence");
};

/** A JS iterator over a Python iterable. */
function* iterValues(iterable: PyValue): Generator<PyValue> {
  const it = getIter(iterable);
  const next = typeOf(it).tp_iternext!;
  for (;;) {
    const v = next(it);
    if (v === undefined) return;
    yield v;
  }
}

FUNCTIONS.length_hint = (args, kwnames) => {
  expectArgs("length_hint", args, kwnames, 1, 2);
  let dflt: number | bigint = 0;
  if (args.length > 1) {
    const d = intValueOf(args[1]);
    if (d === undefined) {
      raise(Exc.TypeError, `'${typeOf(args[1]).name}' object cannot be interpreted as an integer`);
    }
    dflt = d;
  }
  const obj = args[0];
  const t = typeOf(obj);
  if (t.lookup("__len__") !== undefined) return len(obj);
  const hint = t.lookup("__length_hint__");
  if (hint === undefined) return dflt;
  let r: PyValue;
  try {
    r = callMethod0(hint, obj);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) return dflt;
    throw e;
  }
  if (r === NotImplemented) return dflt;
  const n = intValueOf(r);
  if (n === undefined) raise(Exc.TypeError, `__length_hint__ must be an integer, not ${typeOf(r).name}`);
  if (n < 0) raise(Exc.ValueError, "__length_hint__() should return >= 0");
  return n;
};

FUNCTIONS.call = (args, kwnames) => {
  if (args.length - (kwnames === null ? 0 : kwnames.length) < 1) {
    raise(Exc.TypeError, "call() missing required argument 'obj' (pos 1)");
  }
  return call(args[0], args.slice(1), kwnames);
};

// ---------------------------------------------------------------------------------------------
// itemgetter, attrgetter, methodcaller

class PyItemGetter extends PyObject {
  declare items: PyValue[];
  constructor(cls: PyType, items: PyValue[]) {
    super();
    this.cls = cls;
    this.dict = null;
    this.items = items;
  }
}
const itemgetterType = moduleType("operator", "itemgetter", undefined, TYPE_BASETYPE);
itemgetterType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "itemgetter() takes no keyword arguments");
  if (args.length === 0) raise(Exc.TypeError, "itemgetter expected 1 argument, got 0");
  return new PyItemGetter(cls, args.slice());
};
installNew(itemgetterType);
itemgetterType.tp_call = (self, args, kwnames) => {
  const g = self as PyItemGetter;
  expectArgs("itemgetter", args, kwnames, 1, 1);
  const obj = args[0];
  if (g.items.length === 1) return getItem(obj, g.items[0]);
  return newTuple(g.items.map((k) => getItem(obj, k)));
};
defMethod(
  itemgetterType,
  "__call__",
  (args, kwnames) => itemgetterType.tp_call!(args[0], args.slice(1), kwnames),
);
defMethod(itemgetterType, "__repr__", (args) => {
  const g = args[0] as PyItemGetter;
  // The module's own types are named `operator.itemgetter` (placeCType), a subclass by its bare name.
  return `${g.cls.name}(${g.items.map((v) => repr(v)).join(", ")})`;
});
defMethod(itemgetterType, "__reduce__", (args) => {
  const g = args[0] as PyItemGetter;
  return newTuple([g.cls, newTuple(g.items)]);
});

class PyAttrGetter extends PyObject {
  /** Each attribute as its dotted path's parts. */
  declare paths: string[][];
  declare names: string[];
  constructor(cls: PyType, names: string[]) {
    super();
    this.cls = cls;
    this.dict = null;
    this.names = names;
    this.paths = names.map((n) => n.split("."));
  }
}
const attrgetterType = moduleType("operator", "attrgetter", undefined, TYPE_BASETYPE);
attrgetterType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "attrgetter() takes no keyword arguments");
  if (args.length === 0) raise(Exc.TypeError, "attrgetter expected 1 argument, got 0");
  const names = args.map((a) => {
    const s = strValueOf(a);
    if (s === undefined) raise(Exc.TypeError, "attribute name must be a string");
    return s;
  });
  return new PyAttrGetter(cls, names);
};
installNew(attrgetterType);
function getPath(obj: PyValue, path: string[]): PyValue {
  let v = obj;
  for (const part of path) v = getAttr(v, part);
  return v;
}
attrgetterType.tp_call = (self, args, kwnames) => {
  const g = self as PyAttrGetter;
  expectArgs("attrgetter", args, kwnames, 1, 1);
  if (g.paths.length === 1) return getPath(args[0], g.paths[0]);
  return newTuple(g.paths.map((p) => getPath(args[0], p)));
};
defMethod(
  attrgetterType,
  "__call__",
  (args, kwnames) => attrgetterType.tp_call!(args[0], args.slice(1), kwnames),
);
defMethod(attrgetterType, "__repr__", (args) => {
  const g = args[0] as PyAttrGetter;
  return `${g.cls.name}(${g.names.map((v) => repr(v)).join(", ")})`;
});
defMethod(attrgetterType, "__reduce__", (args) => {
  const g = args[0] as PyAttrGetter;
  return newTuple([g.cls, newTuple(g.names)]);
});

class PyMethodCaller extends PyObject {
  declare name: string;
  declare args: PyValue[];
  declare kwnames: string[];
  declare kwvalues: PyValue[];
  constructor(cls: PyType, name: string, args: PyValue[], kwnames: string[], kwvalues: PyValue[]) {
    super();
    this.cls = cls;
    this.dict = null;
    this.name = name;
    this.args = args;
    this.kwnames = kwnames;
    this.kwvalues = kwvalues;
  }
}
const methodcallerType = moduleType("operator", "methodcaller", undefined, TYPE_BASETYPE);
methodcallerType.tp_new = (cls, args, kwnames) => {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos < 1) raise(Exc.TypeError, "methodcaller needs at least one argument, the method name");
  const name = strValueOf(args[0]);
  if (name === undefined) raise(Exc.TypeError, "method name must be a string");
  return new PyMethodCaller(cls, name, args.slice(1, npos), kwnames?.slice() ?? [], args.slice(npos));
};
installNew(methodcallerType);
methodcallerType.tp_call = (self, args, kwnames) => {
  const m = self as PyMethodCaller;
  expectArgs("methodcaller", args, kwnames, 1, 1);
  const f = getAttr(args[0], m.name);
  return call(f, [...m.args, ...m.kwvalues], m.kwnames.length > 0 ? m.kwnames : null);
};
defMethod(
  methodcallerType,
  "__call__",
  (args, kwnames) => methodcallerType.tp_call!(args[0], args.slice(1), kwnames),
);
defMethod(methodcallerType, "__repr__", (args) => {
  const m = args[0] as PyMethodCaller;
  const parts = [repr(m.name), ...m.args.map((v) => repr(v))];
  for (let i = 0; i < m.kwnames.length; i++) parts.push(`${m.kwnames[i]}=${repr(m.kwvalues[i])}`);
  return `${m.cls.name}(${parts.join(", ")})`;
});

/** The functions that also have a `__name__`-style alias (everything but the *Of/length_hint ones). */
const NO_DUNDER_ALIAS = new Set(["countOf", "indexOf", "is_", "is_not", "length_hint", "truth"]);

/** Builds the operator module (also importable as `_operator`). */
export function makeOperatorModule(name = "operator"): PyModule {
  const m = buildModule(name, "Operator interface.", FUNCTIONS, {
    itemgetter: itemgetterType,
    attrgetter: attrgetterType,
    methodcaller: methodcallerType,
  });
  const d = m.dict!;
  // `__lt__` is the same function as `lt` (its __name__ is "lt").
  for (const fname of Object.keys(FUNCTIONS)) {
    if (!NO_DUNDER_ALIAS.has(fname)) d.setStr(`__${fname.replace(/_$/, "")}__`, d.getStr(fname)!);
  }
  const all = [...Object.keys(FUNCTIONS), "attrgetter", "itemgetter", "methodcaller"].sort();
  d.setStr("__all__", new PyList(all));
  return m;
}
