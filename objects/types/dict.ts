/**
 * `dict` and its views: the constructor, every method (get/setdefault/pop/popitem LIFO/update/
 * fromkeys/copy/…), `|` and `|=`, repr with the `{...}` recursion guard, iteration that detects
 * mutation, and the keys/values/items views with their set operations.
 *
 * @example
 * ```ts
 * import "./dict.ts";
 * import { PyDict } from "../object.ts";
 * import { repr } from "../ops.ts";
 * const d = new PyDict();
 * d.set("a", 1);
 * console.log(repr(d)); // "{'a': 1}"
 * ```
 * @module
 */
import {
  checkMethodArgs,
  defClassMethod,
  defFastMethod,
  defGetSet,
  defMethod,
  DELETED,
  dictType,
  Exc,
  newBuiltinType,
  newException,
  newSet,
  newTuple,
  None,
  NotImplemented,
  PyDict,
  PyMappingProxy,
  PyObject,
  PySet,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import {
  call,
  callMethod1,
  contains,
  genericAliasHook,
  getAttrOrUndefined,
  getItem,
  repr,
  reprGuard,
  richEq,
  toArray,
} from "../ops.ts";
import {
  dictItemIteratorType,
  dictKeyIteratorType,
  dictValueIteratorType,
  makeIterator,
  newIteratorType,
  pairSecond,
  PyNativeIterator,
} from "./iterators.ts";
import { installNew } from "./type.ts";

function self(args: PyValue[], name: string): PyDict {
  const d = args[0];
  if (!(d instanceof PyDict)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'dict' objects doesn't apply to a '${typeOf(d).name}' object`,
    );
  }
  return d;
}

/** An iterator over a dict's entries yielding `pick(index)`; raises if the dict changes size. */
export function dictIterator(
  d: PyDict,
  t: PyType,
  pick: (i: number) => PyValue,
  pickPair: ((i: number) => PyValue) | null = null,
): PyValue {
  let i = 0;
  const size = d.size;
  let keys = d.keys;
  /** The index of the next live entry, or -1 when there is none. */
  const advance = (): number => {
    if (d.size !== size) raise(Exc.RuntimeError, "dictionary changed size during iteration");
    if (d.keys !== keys) {
      // Compaction moved the entries: continue from the same live position.
      keys = d.keys;
    }
    while (i < keys.length) {
      if (keys[i] !== DELETED) return i++;
      i++;
    }
    i = Infinity;
    return -1;
  };
  return new PyNativeIterator(
    t,
    () => {
      const at = advance();
      return at < 0 ? undefined : pick(at);
    },
    pickPair === null ? null : () => {
      const at = advance();
      return at < 0 ? undefined : pickPair(at);
    },
  );
}

/** `iter(d)`: the keys. */
export function dictKeysIter(d: PyDict): PyValue {
  return dictIterator(d, dictKeyIteratorType, (i) => d.keys[i]);
}

/** Fills d from a mapping or an iterable of pairs (dict.update / dict(x)). */
export function dictUpdate(d: PyDict, other: PyValue): void {
  if (other instanceof PyDict) {
    const keys = other.keys, values = other.values;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== DELETED) d.set(keys[i], values[i]);
    return;
  }
  const keysF = getAttrOrUndefined(other, "keys");
  if (keysF !== undefined) {
    for (const k of toArray(call(keysF, []))) d.set(k, getItem(other, k));
    return;
  }
  const items = toArray(other);
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    let pair: PyValue[];
    try {
      pair = toArray(item);
    } catch (e) {
      if (e instanceof PyObject && typeOf(e).isSubtypeOf(Exc.TypeError)) {
        raise(Exc.TypeError, `cannot convert dictionary update sequence element #${n} to a sequence`);
      }
      throw e;
    }
    if (pair.length !== 2) {
      raise(
        Exc.ValueError,
        `dictionary update sequence element #${n} has length ${pair.length}; 2 is required`,
      );
    }
    d.set(pair[0], pair[1]);
  }
}

dictType.tp_new = (cls) => new PyDict(cls);
installNew(dictType);
dictType.tp_iter = (d) => dictKeysIter(d as PyDict);
dictType.attrs.set("__hash__", None);

defMethod(dictType, "__init__", (args, kwnames) => {
  const d = self(args, "__init__");
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - 1 - nkw;
  if (npos > 1) raise(Exc.TypeError, `dict expected at most 1 argument, got ${npos}`);
  if (npos === 1) dictUpdate(d, args[1]);
  for (let i = 0; i < nkw; i++) d.setStr(kwnames![i], args[1 + npos + i]);
  return None;
});
defMethod(dictType, "__len__", (args) => self(args, "__len__").size);
defMethod(dictType, "__iter__", (args) => dictKeysIter(self(args, "__iter__")));
defMethod(dictType, "__reversed__", (args) => {
  const d = self(args, "__reversed__");
  const keys = d.keyList().reverse();
  let i = 0;
  return makeIterator(dictReverseKeyIteratorType, () => i < keys.length ? keys[i++] : undefined);
});
const dictReverseKeyIteratorType = newIteratorType("dict_reversekeyiterator");
defMethod(dictType, "__contains__", (args) => self(args, "__contains__").find(args[1]) >= 0);
defMethod(dictType, "__getitem__", (args) => {
  const d = self(args, "__getitem__");
  const v = d.get(args[1]);
  if (v !== undefined) return v;
  if (d.cls !== dictType) {
    const missing = d.cls.lookup("__missing__");
    if (missing !== undefined) return callMethod1(missing, d, args[1]);
  }
  throw newException(Exc.KeyError, [args[1]]);
});
defMethod(dictType, "__setitem__", (args) => {
  self(args, "__setitem__").set(args[1], args[2]);
  return None;
});
defMethod(dictType, "__delitem__", (args) => {
  if (self(args, "__delitem__").delete(args[1]) === undefined) throw newException(Exc.KeyError, [args[1]]);
  return None;
});
defMethod(dictType, "get", (args) => {
  checkMethodArgs("get", args, null, 1, 2);
  const v = self(args, "get").get(args[1]);
  return v !== undefined ? v : args.length > 2 ? args[2] : None;
});
defFastMethod(dictType, "get", null, (d, key) => {
  const v = (d as PyDict).get(key);
  return v !== undefined ? v : None;
}, (d, key, dflt) => {
  const v = (d as PyDict).get(key);
  return v !== undefined ? v : dflt;
});
defMethod(dictType, "setdefault", (args) => {
  checkMethodArgs("setdefault", args, null, 1, 2);
  const d = self(args, "setdefault");
  const v = d.get(args[1]);
  if (v !== undefined) return v;
  const dflt = args.length > 2 ? args[2] : None;
  d.set(args[1], dflt);
  return dflt;
});
defMethod(dictType, "pop", (args) => {
  checkMethodArgs("pop", args, null, 1, 2);
  const v = self(args, "pop").delete(args[1]);
  if (v !== undefined) return v;
  if (args.length > 2) return args[2];
  throw newException(Exc.KeyError, [args[1]]);
});
defMethod(dictType, "popitem", (args) => {
  const d = self(args, "popitem");
  if (d.size === 0) raise(Exc.KeyError, "popitem(): dictionary is empty");
  for (let i = d.keys.length - 1; i >= 0; i--) {
    const k = d.keys[i];
    if (k !== DELETED) {
      const v = d.values[i];
      d.delete(k);
      return newTuple([k, v]);
    }
  }
  return None;
});
defMethod(dictType, "clear", (args) => {
  self(args, "clear").clear();
  return None;
});
defMethod(dictType, "copy", (args) => self(args, "copy").copy());
defMethod(dictType, "update", (args, kwnames) => {
  const d = self(args, "update");
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - 1 - nkw;
  if (npos > 1) raise(Exc.TypeError, `update expected at most 1 argument, got ${npos}`);
  if (npos === 1) dictUpdate(d, args[1]);
  for (let i = 0; i < nkw; i++) d.setStr(kwnames![i], args[1 + npos + i]);
  return None;
});
defClassMethod(dictType, "fromkeys", (args) => {
  checkMethodArgs("fromkeys", args, null, 1, 2);
  const cls = args[0] as PyType;
  const value = args.length > 2 ? args[2] : None;
  const d = cls === dictType ? new PyDict() : call(cls, []);
  for (const k of toArray(args[1])) {
    if (d instanceof PyDict && d.cls === dictType) d.set(k, value);
    else call(getAttrOrUndefined(d, "__setitem__")!, [k, value]);
  }
  return d;
});
defMethod(dictType, "keys", (args) => new PyDictView(dictKeysType, self(args, "keys")));
defMethod(dictType, "values", (args) => new PyDictView(dictValuesType, self(args, "values")));
defMethod(dictType, "items", (args) => new PyDictView(dictItemsType, self(args, "items")));
defMethod(dictType, "__or__", (args) => {
  const d = self(args, "__or__");
  if (!(args[1] instanceof PyDict)) return NotImplemented;
  const r = d.copy();
  dictUpdate(r, args[1]);
  return r;
});
defMethod(dictType, "__ror__", (args) => {
  const d = self(args, "__ror__");
  if (!(args[1] instanceof PyDict)) return NotImplemented;
  const r = args[1].copy();
  dictUpdate(r, d);
  return r;
});
defMethod(dictType, "__ior__", (args) => {
  const d = self(args, "__ior__");
  dictUpdate(d, args[1]);
  return d;
});
defMethod(dictType, "__eq__", (args) => {
  const d = self(args, "__eq__");
  return args[1] instanceof PyDict ? dictEquals(d, args[1]) : NotImplemented;
});
defMethod(dictType, "__ne__", (args) => {
  const d = self(args, "__ne__");
  return args[1] instanceof PyDict ? !dictEquals(d, args[1]) : NotImplemented;
});
defMethod(dictType, "__repr__", (args) => {
  const d = self(args, "__repr__");
  if (d.size === 0) return "{}";
  return reprGuard(d, "{...}", () => {
    const parts: string[] = [];
    for (let i = 0; i < d.keys.length; i++) {
      const k = d.keys[i];
      if (k !== DELETED) parts.push(repr(k) + ": " + repr(d.values[i]));
    }
    return "{" + parts.join(", ") + "}";
  });
});
defClassMethod(dictType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));
defMethod(dictType, "__sizeof__", (args) => 48 + 24 * self(args, "__sizeof__").keys.length);

/** dict == dict. */
export function dictEquals(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (let i = 0; i < a.keys.length; i++) {
    const k = a.keys[i];
    if (k === DELETED) continue;
    const v = b.get(k);
    if (v === undefined || !richEq(a.values[i], v)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Views

/** dict.keys() / values() / items(). */
export class PyDictView extends PyObject {
  declare mapping: PyDict;
  constructor(cls: PyType, mapping: PyDict) {
    super();
    this.cls = cls;
    this.dict = null;
    this.mapping = mapping;
  }
}

export const dictKeysType: PyType = newBuiltinType("dict_keys", undefined, 0);
export const dictValuesType: PyType = newBuiltinType("dict_values", undefined, 0);
export const dictItemsType: PyType = newBuiltinType("dict_items", undefined, 0);

function viewSelf(args: PyValue[]): PyDictView {
  const v = args[0];
  if (!(v instanceof PyDictView)) raise(Exc.TypeError, "descriptor requires a dict view");
  return v;
}

function viewIter(v: PyDictView): PyValue {
  const d = v.mapping;
  if (v.cls.isSubtypeOf(dictKeysType)) return dictKeysIter(d);
  if (v.cls.isSubtypeOf(dictValuesType)) return dictIterator(d, dictValueIteratorType, (i) => d.values[i]);
  return dictIterator(d, dictItemIteratorType, (i) => newTuple([d.keys[i], d.values[i]]), (i) => {
    pairSecond.v = d.values[i];
    return d.keys[i];
  });
}

function viewItems(v: PyDictView): PyValue[] {
  const d = v.mapping;
  if (v.cls.isSubtypeOf(dictKeysType)) return d.keyList();
  if (v.cls.isSubtypeOf(dictValuesType)) return d.valueList();
  const out: PyValue[] = [];
  for (let i = 0; i < d.keys.length; i++) {
    if (d.keys[i] !== DELETED) out.push(newTuple([d.keys[i], d.values[i]]));
  }
  return out;
}

for (const t of [dictKeysType, dictValuesType, dictItemsType]) {
  t.tp_iter = (v) => viewIter(v as PyDictView);
  defMethod(t, "__iter__", (args) => viewIter(viewSelf(args)));
  defMethod(t, "__len__", (args) => viewSelf(args).mapping.size);
  defMethod(t, "__reversed__", (args) => {
    const items = viewItems(viewSelf(args)).reverse();
    let i = 0;
    return makeIterator(dictReverseKeyIteratorType, () => i < items.length ? items[i++] : undefined);
  });
  defMethod(t, "__repr__", (args) => {
    const v = viewSelf(args);
    return reprGuard(v, "...", () => `${typeOf(v).name}([${viewItems(v).map(repr).join(", ")}])`);
  });
  defGetSet(t, "mapping", (v) => new PyMappingProxy((v as PyDictView).mapping));
}
defMethod(dictKeysType, "__contains__", (args) => viewSelf(args).mapping.find(args[1]) >= 0);
defMethod(dictItemsType, "__contains__", (args) => {
  const item = args[1];
  if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
  const v = viewSelf(args).mapping.get(item.items[0]);
  return v !== undefined && richEq(v, item.items[1]);
});
defMethod(dictValuesType, "__contains__", (args) => {
  for (const v of viewSelf(args).mapping.valueList()) if (richEq(v, args[1])) return true;
  return false;
});

// Set operations on keys and items views produce sets.
function asSet(v: PyValue): PySet {
  if (v instanceof PyDictView) return newSet(viewItems(v));
  if (v instanceof PySet) return v;
  return newSet(toArray(v));
}
const SET_OPS: [string, (a: PySet, b: PySet) => PySet][] = [
  ["and", (a, b) => newSet(a.items().filter((x) => b.has(x)))],
  ["or", (a, b) => newSet([...a.items(), ...b.items()])],
  ["sub", (a, b) => newSet(a.items().filter((x) => !b.has(x)))],
  ["xor", (a, b) => newSet([...a.items().filter((x) => !b.has(x)), ...b.items().filter((x) => !a.has(x))])],
];
for (const t of [dictKeysType, dictItemsType]) {
  t.attrs.set("__hash__", None);
  for (const [name, fn] of SET_OPS) {
    defMethod(t, `__${name}__`, (args) => {
      if (!isIterable(args[1])) return NotImplemented;
      return fn(asSet(viewSelf(args)), asSet(args[1]));
    });
    defMethod(t, `__r${name}__`, (args) => {
      if (!isIterable(args[1])) return NotImplemented;
      return fn(asSet(args[1]), asSet(viewSelf(args)));
    });
  }
  defMethod(t, "isdisjoint", (args) => {
    const v = viewSelf(args);
    for (const x of toArray(args[1])) if (contains(v, x)) return false;
    return true;
  });
  const cmp: [string, (a: PySet, b: PySet) => boolean][] = [
    ["__eq__", (a, b) => a.size === b.size && a.items().every((x) => b.has(x))],
    ["__ne__", (a, b) => !(a.size === b.size && a.items().every((x) => b.has(x)))],
    ["__le__", (a, b) => a.items().every((x) => b.has(x))],
    ["__lt__", (a, b) => a.size < b.size && a.items().every((x) => b.has(x))],
    ["__ge__", (a, b) => b.items().every((x) => a.has(x))],
    ["__gt__", (a, b) => a.size > b.size && b.items().every((x) => a.has(x))],
  ];
  for (const [name, fn] of cmp) {
    defMethod(t, name, (args) => {
      const o = args[1];
      if (!(o instanceof PyDictView) && !(o instanceof PySet)) return NotImplemented;
      if (o instanceof PyDictView && o.cls.isSubtypeOf(dictValuesType)) return NotImplemented;
      return fn(asSet(viewSelf(args)), asSet(o));
    });
  }
}

function isIterable(v: PyValue): boolean {
  const t = typeOf(v);
  return t.tp_iter !== null || t.lookup("__iter__") !== undefined;
}
