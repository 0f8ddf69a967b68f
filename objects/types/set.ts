/**
 * `set` and `frozenset`: constructors, every method and operator (union/intersection/
 * difference/symmetric difference in method and operator forms, in-place updates, subset tests),
 * hashing of frozensets, and reprs.
 *
 * @example
 * ```ts
 * import "./set.ts";
 * import { newSet } from "../object.ts";
 * import { repr } from "../ops.ts";
 * console.log(repr(newSet([1, 2]))); // "{1, 2}"
 * ```
 * @module
 */
import {
  checkMethodArgs,
  defClassMethod,
  defMethod,
  DELETED,
  Exc,
  frozensetType,
  newException,
  None,
  NotImplemented,
  PySet,
  type PyType,
  type PyValue,
  raise,
  setType,
  typeOf,
} from "../object.ts";
import { genericAliasHook, hash, repr, reprGuard, toArray } from "../ops.ts";
import { makeIterator, setIteratorType } from "./iterators.ts";
import { installNew } from "./type.ts";

function self(args: PyValue[], name: string): PySet {
  const s = args[0];
  if (!(s instanceof PySet)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'set' objects doesn't apply to a '${typeOf(s).name}' object`,
    );
  }
  return s;
}

/** A set of the same kind as `like` (set stays set, frozenset stays frozenset). */
function sameKind(like: PySet, items: PyValue[]): PySet {
  const cls = like.cls.isSubtypeOf(frozensetType) ? frozensetType : setType;
  const s = new PySet(cls);
  for (const v of items) s.add(v);
  return s;
}

/** The members of any iterable, as a PySet (itself when already a set). */
function members(v: PyValue): PySet {
  if (v instanceof PySet) return v;
  const s = new PySet(setType);
  for (const x of toArray(v)) s.add(x);
  return s;
}

/** Iterates a set in table order, raising if it changes size meanwhile. */
export function setIterator(s: PySet): PyValue {
  const size = s.used;
  let j = 0;
  return makeIterator(setIteratorType, () => {
    if (s.used !== size) {
      j = Infinity;
      raise(Exc.RuntimeError, "Set changed size during iteration");
    }
    const keys = s.keys;
    while (j < keys.length) {
      const k = keys[j++];
      if (k !== undefined && k !== DELETED) return k;
    }
    return undefined;
  });
}

/** A new set of the given kind holding the members of `src` (CPython's set_copy via set_merge). */
function copyOf(src: PySet, cls: PyType): PySet {
  const out = new PySet(cls);
  out.merge(src);
  return out;
}

/** set_update_internal: add the members of any iterable, in its iteration order (SET_UPDATE). */
export function setUpdate(s: PySet, other: PyValue): void {
  if (other instanceof PySet) s.merge(other);
  else for (const v of toArray(other)) s.add(v);
}

/** The set/frozenset kind a result of an operation on `s` has. */
function kindOf(s: PySet): PyType {
  return s.cls.isSubtypeOf(frozensetType) ? frozensetType : setType;
}

/** set_intersection: iterate the smaller operand, keep what the other contains. */
function intersection(s: PySet, other: PyValue): PySet {
  const out = new PySet(kindOf(s));
  if (other instanceof PySet) {
    let a = s, b = other;
    if (b.used > a.used) [a, b] = [b, a];
    for (let j = 0; j < b.keys.length; j++) {
      const k = b.keys[j];
      if (k !== undefined && k !== DELETED && a.has(k)) out.addHashed(k, b.hashHi[j], b.hashLo[j]);
    }
    return out;
  }
  for (const v of toArray(other)) if (s.has(v)) out.add(v);
  return out;
}

/** set_difference: members of s not in other. */
function difference(s: PySet, other: PyValue): PySet {
  if (!(other instanceof PySet) || (s.used >> 2) > other.used) {
    const out = copyOf(s, kindOf(s));
    for (const v of other instanceof PySet ? other.items() : toArray(other)) out.discard(v);
    return out;
  }
  const out = new PySet(kindOf(s));
  for (let j = 0; j < s.keys.length; j++) {
    const k = s.keys[j];
    if (k !== undefined && k !== DELETED && !other.has(k)) out.addHashed(k, s.hashHi[j], s.hashLo[j]);
  }
  return out;
}

/** set_symmetric_difference_update. */
function symmetricUpdate(s: PySet, other: PyValue): void {
  const o = other instanceof PySet ? other : (() => {
    const t = new PySet(setType);
    setUpdate(t, other);
    return t;
  })();
  if (o === s) {
    s.clear();
    return;
  }
  for (let j = 0; j < o.keys.length; j++) {
    const k = o.keys[j];
    if (k === undefined || k === DELETED) continue;
    if (!s.discard(k)) s.addHashed(k, o.hashHi[j], o.hashLo[j]);
  }
}

for (const t of [setType, frozensetType]) {
  t.tp_iter = (s) => setIterator(s as PySet);
  defMethod(t, "__iter__", (args) => setIterator(self(args, "__iter__")));
  defMethod(t, "__len__", (args) => self(args, "__len__").size);
  defMethod(t, "__contains__", (args) => {
    const s = self(args, "__contains__");
    const v = args[1];
    if (v instanceof PySet && v.cls.isSubtypeOf(setType)) {
      // A set argument is looked up as the equal frozenset (CPython does the same).
      return s.has(sameKind(new PySet(frozensetType), v.items()));
    }
    return s.has(v);
  });
  defMethod(t, "copy", (args) => {
    const s = self(args, "copy");
    if (s.cls === frozensetType) return s;
    return copyOf(s, kindOf(s));
  });
  defMethod(t, "union", (args) => {
    const s = self(args, "union");
    const out = copyOf(s, kindOf(s));
    for (const o of args.slice(1)) setUpdate(out, o);
    return out;
  });
  defMethod(t, "intersection", (args) => {
    const s = self(args, "intersection");
    if (args.length === 1) return copyOf(s, kindOf(s));
    let out = s;
    for (const o of args.slice(1)) out = intersection(out, o);
    return out;
  });
  defMethod(t, "difference", (args) => {
    const s = self(args, "difference");
    if (args.length === 1) return copyOf(s, kindOf(s));
    const out = difference(s, args[1]);
    for (const o of args.slice(2)) for (const v of toArray(o)) out.discard(v);
    return out;
  });
  defMethod(t, "symmetric_difference", (args) => {
    checkMethodArgs("symmetric_difference", args, null, 1, 1);
    const s = self(args, "symmetric_difference");
    const out = new PySet(kindOf(s));
    setUpdate(out, args[1]);
    symmetricUpdate(out, s);
    return out;
  });
  defMethod(t, "issubset", (args) => {
    checkMethodArgs("issubset", args, null, 1, 1);
    const m = members(args[1]);
    return self(args, "issubset").items().every((v) => m.has(v));
  });
  defMethod(t, "issuperset", (args) => {
    checkMethodArgs("issuperset", args, null, 1, 1);
    const s = self(args, "issuperset");
    return toArray(args[1]).every((v) => s.has(v));
  });
  defMethod(t, "isdisjoint", (args) => {
    checkMethodArgs("isdisjoint", args, null, 1, 1);
    const s = self(args, "isdisjoint");
    return toArray(args[1]).every((v) => !s.has(v));
  });
  const binops: [string, (a: PySet, b: PySet) => PySet][] = [
    ["or", (a, b) => {
      const out = copyOf(a, kindOf(a));
      out.merge(b);
      return out;
    }],
    ["and", intersection],
    ["sub", difference],
    ["xor", (a, b) => {
      const out = copyOf(b, kindOf(a));
      symmetricUpdate(out, a);
      return out;
    }],
  ];
  for (const [name, fn] of binops) {
    defMethod(t, `__${name}__`, (args) => {
      const s = self(args, `__${name}__`);
      const o = args[1];
      if (!(o instanceof PySet)) return NotImplemented;
      return fn(s, o);
    });
    defMethod(t, `__r${name}__`, (args) => {
      const s = self(args, `__r${name}__`);
      const o = args[1];
      if (!(o instanceof PySet)) return NotImplemented;
      return fn(o, s);
    });
  }
  const cmp: [string, (a: PySet, b: PySet) => boolean][] = [
    ["__eq__", (a, b) => a.size === b.size && a.items().every((v) => b.has(v))],
    ["__ne__", (a, b) => !(a.size === b.size && a.items().every((v) => b.has(v)))],
    ["__le__", (a, b) => a.size <= b.size && a.items().every((v) => b.has(v))],
    ["__lt__", (a, b) => a.size < b.size && a.items().every((v) => b.has(v))],
    ["__ge__", (a, b) => a.size >= b.size && b.items().every((v) => a.has(v))],
    ["__gt__", (a, b) => a.size > b.size && b.items().every((v) => a.has(v))],
  ];
  for (const [name, fn] of cmp) {
    defMethod(t, name, (args) => {
      const o = args[1];
      if (!(o instanceof PySet)) return NotImplemented;
      return fn(self(args, name), o);
    });
  }
  defMethod(t, "__repr__", (args) => {
    const s = self(args, "__repr__");
    const name = s.cls.name;
    const plain = s.cls === setType || s.cls === frozensetType;
    if (s.size === 0) return `${name}()`;
    return reprGuard(s, `${name}(...)`, () => {
      const body = "{" + s.items().map(repr).join(", ") + "}";
      if (s.cls === setType) return body;
      return plain ? `frozenset(${body})` : `${name}(${body})`;
    });
  });
  defClassMethod(t, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));
}

setType.tp_new = (cls) => new PySet(cls);
installNew(setType);
setType.attrs.set("__hash__", None);
defMethod(setType, "__init__", (args, kwnames) => {
  const s = self(args, "__init__");
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "set() takes no keyword arguments");
  if (args.length > 2) raise(Exc.TypeError, `set expected at most 1 argument, got ${args.length - 1}`);
  s.clear();
  if (args.length === 2) setUpdate(s, args[1]);
  return None;
});

frozensetType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "frozenset() takes no keyword arguments");
  if (args.length > 1) raise(Exc.TypeError, `frozenset expected at most 1 argument, got ${args.length}`);
  if (
    args.length === 1 && args[0] instanceof PySet && args[0].cls === frozensetType && cls === frozensetType
  ) {
    return args[0];
  }
  const s = new PySet(cls);
  if (args.length === 1) setUpdate(s, args[0]);
  return s;
};
installNew(frozensetType);
defMethod(frozensetType, "__hash__", (args) => frozensetHash(self(args, "__hash__")));

/** A frozenset's hash: order-independent (CPython's shuffle-and-xor scheme, in 32 bits). */
export function frozensetHash(s: PySet): number {
  let h = 0;
  for (const v of s.items()) {
    const x = hash(v) | 0;
    h ^= Math.imul(x ^ (x << 16) ^ 89869747, 3644798167 | 0);
  }
  h ^= Math.imul(s.size + 1, 1927868237);
  h = Math.imul(h ^ (h >>> 11) ^ (h >>> 25), 69069) + 907133923;
  h |= 0;
  return h === -1 ? 590923713 : h;
}

// Mutating methods (set only).
defMethod(setType, "add", (args) => {
  checkMethodArgs("set.add", args, null, 1, 1);
  self(args, "add").add(args[1]);
  return None;
});
defMethod(setType, "discard", (args) => {
  checkMethodArgs("set.discard", args, null, 1, 1);
  self(args, "discard").discard(args[1]);
  return None;
});
defMethod(setType, "remove", (args) => {
  checkMethodArgs("set.remove", args, null, 1, 1);
  if (!self(args, "remove").discard(args[1])) throw newException(Exc.KeyError, [args[1]]);
  return None;
});
defMethod(setType, "pop", (args) => {
  const v = self(args, "pop").pop();
  if (v === undefined) raise(Exc.KeyError, "pop from an empty set");
  return v;
});
defMethod(setType, "clear", (args) => {
  self(args, "clear").clear();
  return None;
});
defMethod(setType, "update", (args) => {
  const s = self(args, "update");
  for (const o of args.slice(1)) setUpdate(s, o);
  return None;
});
function inPlace(name: string, fn: (s: PySet, others: PySet[]) => void, operator: boolean): void {
  defMethod(setType, name, (args) => {
    const s = self(args, name);
    if (operator && !(args[1] instanceof PySet)) return NotImplemented;
    fn(s, args.slice(1).map(members));
    return operator ? s : None;
  });
}
/** intersection_update: CPython computes the intersection and swaps its table into the set. */
const keepOnly = (s: PySet, others: PySet[]) => {
  let result = s;
  for (const o of others) result = intersection(result, o);
  if (result !== s) s.takeTable(result);
};
/** difference_update: discards in place, then resizes when more than a quarter are dummies. */
const removeAll = (s: PySet, others: PySet[]) => {
  for (const o of others) {
    if (o === s) {
      s.clear();
      continue;
    }
    for (const v of o.items()) s.discard(v);
  }
  s.purgeDummies();
};
const symmetric = (s: PySet, others: PySet[]) => symmetricUpdate(s, others[0]);
inPlace("intersection_update", keepOnly, false);
inPlace("difference_update", removeAll, false);
inPlace("symmetric_difference_update", symmetric, false);
inPlace("__iand__", keepOnly, true);
inPlace("__isub__", removeAll, true);
inPlace("__ixor__", symmetric, true);
inPlace("__ior__", (s, others) => {
  for (const o of others) s.merge(o);
}, true);
