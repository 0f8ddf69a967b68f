/**
 * `list` and `tuple`: their constructors and every method (indexing and slicing incl. extended
 * slice assignment, sort, comparisons, repr with the `[...]` recursion guard), with CPython's
 * error messages.
 *
 * @example
 * ```ts
 * import { sortList } from "./list.ts";
 * import { None } from "../object.ts";
 * const items = [3, 1, 2];
 * sortList(items, None, false); // items is [1, 2, 3]
 * ```
 * @module
 */
import { COMPARISON_DUNDERS } from "../../instructions/operators.ts";
import {
  bindArgs,
  checkMethodArgs,
  defClassMethod,
  defFastMethod,
  defMethod,
  EMPTY_TUPLE,
  Exc,
  listType,
  newTuple,
  None,
  NotImplemented,
  PyList,
  PySlice,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  tupleType,
  typeOf,
} from "../object.ts";
import {
  asSsizeArg,
  call,
  genericAliasHook,
  hash,
  intValueOf,
  isTrue,
  repr,
  reprGuard,
  richEq,
  toArray,
} from "../ops.ts";
import { listReversed, seqIterator } from "./iterators.ts";
import {
  compareSequences,
  PREALLOCATE_FROM,
  repeatCount,
  repeatItems,
  seqIndex,
  sliceIndices,
  sliceItems,
  sortItems,
} from "./seq.ts";
import { installNew } from "./type.ts";
import { checkHeap } from "../heap_guard.ts";

/** What one more item costs a list, for the heap guard (its reference and its share of growth). */
const APPEND_BYTES = 16;

/** Sorts values in place like list.sort(key=key, reverse=reverse). */
export function sortList(items: PyValue[], key: PyValue, reverse: boolean): void {
  const keys = key === None ? null : items.map((v) => call(key, [v]));
  sortItems(items, keys, reverse);
}

function self(args: PyValue[], t: PyType, name: string): PyList {
  const v = args[0];
  if (!(v instanceof PyList)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for '${t.name}' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v;
}

/** Normalizes the optional start/end arguments of index/count. */
function clampIndex(v: PyValue | undefined, length: number, dflt: number): number {
  if (v === undefined || v === None) return dflt;
  let i = intValueOf(v);
  if (i === undefined) raise(Exc.TypeError, "slice indices must be integers or have an __index__ method");
  if (typeof i === "bigint") i = i < 0n ? -Infinity : Infinity;
  if (i < 0) i = Math.max(0, i + length);
  return Math.min(i as number, length);
}

// ---------------------------------------------------------------------------------------------
// list

listType.tp_new = (cls) => new PyList([], cls);
installNew(listType);
listType.tp_iter = (l) => seqIterator(l as PyList);
listType.attrs.set("__hash__", None);

defMethod(listType, "__init__", (args, kwnames) => {
  const l = self(args, listType, "__init__");
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "list() takes no keyword arguments");
  if (args.length > 2) raise(Exc.TypeError, `list expected at most 1 argument, got ${args.length - 1}`);
  l.items = args.length === 2 ? toArray(args[1]) : [];
  return None;
});
defMethod(listType, "__len__", (args) => self(args, listType, "__len__").items.length);
defMethod(listType, "__iter__", (args) => seqIterator(self(args, listType, "__iter__")));
defMethod(listType, "__reversed__", (args) => listReversed(self(args, listType, "__reversed__")));
defMethod(listType, "__contains__", (args) => {
  const items = self(args, listType, "__contains__").items;
  for (let i = 0; i < items.length; i++) if (richEq(items[i], args[1])) return true;
  return false;
});
defMethod(listType, "__getitem__", (args) => {
  const l = self(args, listType, "__getitem__");
  const key = args[1];
  if (key instanceof PySlice) return new PyList(sliceItems(l.items, key));
  return l.items[seqIndex(key, l.items.length, "list", "list index out of range")];
});
defMethod(listType, "__setitem__", (args) => {
  const l = self(args, listType, "__setitem__");
  const key = args[1];
  if (key instanceof PySlice) {
    assignSlice(l, key, args[2]);
    return None;
  }
  l.items[seqIndex(key, l.items.length, "list", "list assignment index out of range")] = args[2];
  return None;
});
defMethod(listType, "__delitem__", (args) => {
  const l = self(args, listType, "__delitem__");
  const key = args[1];
  if (key instanceof PySlice) {
    const [start, , step, count] = sliceIndices(key, l.items.length);
    if (step === 1) l.items.splice(start, count);
    else {
      const drop = new Set<number>();
      for (let i = 0, j = start; i < count; i++, j += step) drop.add(j);
      l.items = l.items.filter((_, i) => !drop.has(i));
    }
    return None;
  }
  l.items.splice(seqIndex(key, l.items.length, "list", "list assignment index out of range"), 1);
  return None;
});

function assignSlice(l: PyList, s: PySlice, value: PyValue): void {
  const newItems = value === l ? l.items.slice() : toArrayForSlice(value);
  const [start, stop, step, count] = sliceIndices(s, l.items.length);
  if (step === 1) {
    const end = Math.max(start, stop);
    l.items.splice(start, end - start, ...newItems);
    return;
  }
  if (newItems.length !== count) {
    raise(
      Exc.ValueError,
      `attempt to assign sequence of size ${newItems.length} to extended slice of size ${count}`,
    );
  }
  for (let i = 0, j = start; i < count; i++, j += step) l.items[j] = newItems[i];
}

function toArrayForSlice(v: PyValue): PyValue[] {
  if (
    typeOf(v).tp_iter === null && typeOf(v).lookup("__iter__") === undefined &&
    typeOf(v).lookup("__getitem__") === undefined
  ) {
    raise(Exc.TypeError, "can only assign an iterable");
  }
  return toArray(v);
}

defMethod(listType, "append", (args) => {
  if (args.length !== 2) checkMethodArgs("list.append", args, null, 1, 1);
  checkHeap(APPEND_BYTES);
  self(args, listType, "append").items.push(args[1]);
  return None;
});
defMethod(listType, "extend", (args) => {
  checkMethodArgs("list.extend", args, null, 1, 1);
  const l = self(args, listType, "extend");
  const more = toArray(args[1]);
  checkHeap(more.length * 8);
  // toArray's result is a fresh array: an empty list takes it, a long one is joined in one copy.
  if (l.items.length === 0) l.items = more;
  else if (more.length >= PREALLOCATE_FROM) l.items = l.items.concat(more);
  else for (let i = 0; i < more.length; i++) l.items.push(more[i]);
  return None;
});
defMethod(listType, "insert", (args) => {
  checkMethodArgs("insert", args, null, 2, 2);
  const l = self(args, listType, "insert");
  let i = asSsizeArg(args[1]);
  const n = l.items.length;
  if (i < 0) i = Math.max(0, i + n);
  if (i > n) i = n;
  checkHeap(APPEND_BYTES);
  l.items.splice(i, 0, args[2]);
  return None;
});
defMethod(listType, "remove", (args) => {
  checkMethodArgs("list.remove", args, null, 1, 1);
  const l = self(args, listType, "remove");
  for (let i = 0; i < l.items.length; i++) {
    if (richEq(l.items[i], args[1])) {
      l.items.splice(i, 1);
      return None;
    }
  }
  return raise(Exc.ValueError, "list.remove(x): x not in list");
});
const listMethodPop = (args: PyValue[]): PyValue => {
  checkMethodArgs("pop", args, null, 0, 1);
  const l = self(args, listType, "pop");
  if (l.items.length === 0) raise(Exc.IndexError, "pop from empty list");
  if (args.length === 1) return l.items.pop()!;
  let i = asSsizeArg(args[1]);
  if (i < 0) i += l.items.length;
  if (i < 0 || i >= l.items.length) raise(Exc.IndexError, "pop index out of range");
  return l.items.splice(i, 1)[0];
};
defMethod(listType, "pop", listMethodPop);
defFastMethod(listType, "append", null, (l, item) => {
  checkHeap(APPEND_BYTES);
  (l as PyList).items.push(item);
  return None;
});
defFastMethod(listType, "pop", (l) => {
  const items = (l as PyList).items;
  if (items.length === 0) raise(Exc.IndexError, "pop from empty list");
  return items.pop()!;
}, (l, index) => {
  // lst.pop(0) of a queue: shift() rather than splice's result array.
  const items = (l as PyList).items;
  if (index !== 0 || items.length === 0) return listMethodPop([l, index]);
  return items.shift()!;
});
defMethod(listType, "clear", (args) => {
  self(args, listType, "clear").items = [];
  return None;
});
defMethod(listType, "copy", (args) => new PyList(self(args, listType, "copy").items.slice()));
defMethod(listType, "count", (args) => {
  checkMethodArgs("list.count", args, null, 1, 1);
  let n = 0;
  for (const v of self(args, listType, "count").items) if (richEq(v, args[1])) n++;
  return n;
});
defMethod(listType, "index", (args) => {
  checkMethodArgs("index", args, null, 1, 3);
  const items = self(args, listType, "index").items;
  const start = clampIndex(args[2], items.length, 0);
  const stop = clampIndex(args[3], items.length, items.length);
  for (let i = start; i < stop && i < items.length; i++) if (richEq(items[i], args[1])) return i;
  return raise(Exc.ValueError, `${repr(args[1])} is not in list`);
});
defMethod(listType, "reverse", (args) => {
  self(args, listType, "reverse").items.reverse();
  return None;
});
defMethod(listType, "sort", (args, kwnames) => {
  const l = self(args, listType, "sort");
  const npos = args.length - 1 - (kwnames === null ? 0 : kwnames.length);
  if (npos > 0) raise(Exc.TypeError, "sort() takes no positional arguments");
  const [key, reverse] = bindArgs("sort", args.slice(1), kwnames, ["key", "reverse"], 0);
  // CPython empties the list while sorting so that mutation during the sort is detected.
  const items = l.items;
  l.items = [];
  try {
    sortList(items, key ?? None, reverse !== undefined && isTrue(reverse));
  } finally {
    const mutated = l.items.length > 0;
    l.items = items;
    if (mutated) raise(Exc.ValueError, "list modified during sort");
  }
  return None;
});
defMethod(listType, "__add__", (args) => {
  const l = self(args, listType, "__add__");
  const o = args[1];
  if (!(o instanceof PyList)) {
    return NotImplemented;
  }
  return new PyList(l.items.concat(o.items));
});
defMethod(listType, "__iadd__", (args) => {
  const l = self(args, listType, "__iadd__");
  const more = toArray(args[1]);
  checkHeap(more.length * 8);
  for (let i = 0; i < more.length; i++) l.items.push(more[i]);
  return l;
});
defMethod(listType, "__mul__", (args) => {
  const n = repeatCount(args[1]);
  if (n === undefined) return NotImplemented;
  return new PyList(repeatItems(self(args, listType, "__mul__").items, n));
});
defMethod(listType, "__rmul__", (args) => {
  const n = repeatCount(args[1]);
  if (n === undefined) return NotImplemented;
  return new PyList(repeatItems(self(args, listType, "__rmul__").items, n));
});
defMethod(listType, "__imul__", (args) => {
  const l = self(args, listType, "__imul__");
  const n = repeatCount(args[1]);
  if (n === undefined) {
    raise(Exc.TypeError, `can't multiply sequence by non-int of type '${typeOf(args[1]).name}'`);
  }
  l.items = repeatItems(l.items, n);
  return l;
});
COMPARISON_DUNDERS.forEach((name, op) => {
  defMethod(listType, name, (args) => {
    const a = self(args, listType, name), b = args[1];
    if (!(b instanceof PyList)) return NotImplemented;
    return compareSequences(a.items, b.items, op);
  });
  defMethod(tupleType, name, (args) => {
    const a = tupleSelf(args, name), b = args[1];
    if (!(b instanceof PyTuple)) return NotImplemented;
    return compareSequences(a.items, b.items, op);
  });
});
defMethod(listType, "__repr__", (args) => {
  const l = self(args, listType, "__repr__");
  if (l.items.length === 0) return "[]";
  return reprGuard(l, "[...]", () => "[" + l.items.map(repr).join(", ") + "]");
});
defMethod(listType, "__sizeof__", (args) => 40 + 8 * self(args, listType, "__sizeof__").items.length);
defClassMethod(listType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));

// ---------------------------------------------------------------------------------------------
// tuple

function tupleSelf(args: PyValue[], name: string): PyTuple {
  const v = args[0];
  if (!(v instanceof PyTuple)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'tuple' objects doesn't apply to a '${typeOf(v).name}' object`,
    );
  }
  return v;
}

tupleType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "tuple() takes no keyword arguments");
  if (args.length > 1) raise(Exc.TypeError, `tuple expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return cls === tupleType ? EMPTY_TUPLE : new PyTuple([], cls);
  const v = args[0];
  if (cls === tupleType && v instanceof PyTuple && v.cls === tupleType) return v;
  const items = toArray(v);
  return cls === tupleType ? newTuple(items) : new PyTuple(items, cls);
};
installNew(tupleType);
tupleType.tp_iter = (t) => seqIterator(t as PyTuple);
defMethod(tupleType, "__len__", (args) => tupleSelf(args, "__len__").items.length);
defMethod(tupleType, "__iter__", (args) => seqIterator(tupleSelf(args, "__iter__")));
defMethod(tupleType, "__contains__", (args) => {
  const items = tupleSelf(args, "__contains__").items;
  for (let i = 0; i < items.length; i++) if (richEq(items[i], args[1])) return true;
  return false;
});
defMethod(tupleType, "__getitem__", (args) => {
  const t = tupleSelf(args, "__getitem__");
  const key = args[1];
  if (key instanceof PySlice) {
    const [, , step, count] = sliceIndices(key, t.items.length);
    if (step === 1 && count === t.items.length && t.cls === tupleType) return t;
    return newTuple(sliceItems(t.items, key));
  }
  return t.items[seqIndex(key, t.items.length, "tuple", "tuple index out of range")];
});
defMethod(tupleType, "count", (args) => {
  checkMethodArgs("tuple.count", args, null, 1, 1);
  let n = 0;
  for (const v of tupleSelf(args, "count").items) if (richEq(v, args[1])) n++;
  return n;
});
defMethod(tupleType, "index", (args) => {
  checkMethodArgs("index", args, null, 1, 3);
  const items = tupleSelf(args, "index").items;
  const start = clampIndex(args[2], items.length, 0);
  const stop = clampIndex(args[3], items.length, items.length);
  for (let i = start; i < stop && i < items.length; i++) if (richEq(items[i], args[1])) return i;
  return raise(Exc.ValueError, "tuple.index(x): x not in tuple");
});
defMethod(tupleType, "__add__", (args) => {
  const t = tupleSelf(args, "__add__");
  const o = args[1];
  if (!(o instanceof PyTuple)) {
    return NotImplemented;
  }
  return newTuple(t.items.concat(o.items));
});
defMethod(tupleType, "__mul__", (args) => {
  const n = repeatCount(args[1]);
  if (n === undefined) return NotImplemented;
  const t = tupleSelf(args, "__mul__");
  if (n === 1 && t.cls === tupleType) return t;
  return newTuple(repeatItems(t.items, n));
});
defMethod(tupleType, "__rmul__", (args) => {
  const n = repeatCount(args[1]);
  if (n === undefined) return NotImplemented;
  return newTuple(repeatItems(tupleSelf(args, "__rmul__").items, n));
});
defMethod(tupleType, "__hash__", (args) => tupleHash(tupleSelf(args, "__hash__").items));
defMethod(tupleType, "__repr__", (args) => {
  const t = tupleSelf(args, "__repr__");
  if (t.items.length === 0) return "()";
  return reprGuard(t, "(...)", () => {
    if (t.items.length === 1) return "(" + repr(t.items[0]) + ",)";
    return "(" + t.items.map(repr).join(", ") + ")";
  });
});
defMethod(
  tupleType,
  "__getnewargs__",
  (args) => newTuple([newTuple(tupleSelf(args, "__getnewargs__").items)]),
);
defClassMethod(tupleType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));

/** CPython's tuple hash (xxHash-based), computed in 32-bit halves to stay in JS numbers. */
export function tupleHash(items: readonly PyValue[]): number {
  let acc = 0x27d4eb2f | 0;
  for (let i = 0; i < items.length; i++) {
    const h = hash(items[i]);
    const lane = (h | 0) ^ Math.floor(h / 4294967296);
    acc = (acc + Math.imul(lane, 0x85ebca77)) | 0;
    acc = (acc << 13) | (acc >>> 19);
    acc = Math.imul(acc, 0x9e3779b1);
  }
  acc = (acc + (items.length ^ 0x27d4eb2f ^ 3527539)) | 0;
  return acc === -1 ? 1546275796 : acc;
}
