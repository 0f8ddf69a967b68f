/**
 * Iterator objects: a JS `next()` closure (→ a value, or undefined when exhausted) wrapped as a
 * Python iterator of a given type (`list_iterator`, `enumerate`, `zip`, `map`, …), plus the fast
 * sequence iterator for lists and tuples and the old `__getitem__` iteration protocol.
 *
 * @example
 * ```ts
 * import { makeIterator, listIteratorType } from "./iterators.ts";
 * let i = 0;
 * const it = makeIterator(listIteratorType, () => i < 3 ? i++ : undefined);
 * ```
 * @module
 */
import {
  bindArgs,
  checkArgs,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  newTuple,
  None,
  PyList,
  PyObject,
  type PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import {
  call,
  callMethod0,
  callMethod1,
  getIter,
  isExceptionOf,
  isTrue,
  iterNext,
  len,
  setSequenceIterHook,
} from "../ops.ts";
import { installNew } from "./type.ts";

/** An iterator implemented by a JS closure. */
export class PyNativeIterator extends PyObject {
  next: () => PyValue | undefined;
  /**
   * For iterators whose every value is a new 2-tuple (enumerate, dict items, a zip of two): the
   * same step without the tuple, its first item returned and its second left in `pairSecond.v`
   * (undefined when exhausted), so that a JIT trace that unpacks the pair at once allocates
   * nothing. Null for the others.
   */
  pair: (() => PyValue | undefined) | null;
  constructor(
    cls: PyType,
    next: () => PyValue | undefined,
    pair: (() => PyValue | undefined) | null = null,
  ) {
    super();
    this.cls = cls;
    this.dict = null;
    this.next = next;
    this.pair = pair;
  }
}

/** Where a PyNativeIterator's `pair` step leaves the pair's second item. */
export const pairSecond: { v: PyValue } = { v: null as unknown as PyValue };

/** A list or tuple iterator: reads `seq.items` live (the list may grow while iterated). */
export class PySeqIterator extends PyObject {
  declare seq: PyList | PyTuple;
  declare index: number;
  constructor(cls: PyType, seq: PyList | PyTuple) {
    super();
    this.cls = cls;
    this.dict = null;
    this.seq = seq;
    this.index = 0;
  }
}

/** A range iterator over safe integers: a counter, no closure (FOR_ITER's hottest case). */
export class PyRangeIterator extends PyObject {
  declare cur: number;
  declare step: number;
  declare left: number;
  constructor(start: number, step: number, count: number) {
    super();
    this.cls = rangeIteratorType;
    this.dict = null;
    this.cur = start;
    this.step = step;
    this.left = count;
  }
}

/** Makes an iterator type: iter(it) is it, next(it) calls the closure. */
export function newIteratorType(name: string): PyType {
  const t = newBuiltinType(name, undefined, 0);
  t.tp_iter = (it) => it;
  t.tp_iternext = (it) => (it as PyNativeIterator).next();
  defMethod(t, "__iter__", (args) => args[0]);
  defMethod(t, "__next__", (args) => {
    const v = typeOf(args[0]).tp_iternext!(args[0]);
    if (v === undefined) throw newException(Exc.StopIteration, []);
    return v;
  });
  return t;
}

/** Wraps a closure as an iterator of type t. */
export function makeIterator(t: PyType, next: () => PyValue | undefined): PyNativeIterator {
  return new PyNativeIterator(t, next);
}

export const listIteratorType: PyType = newIteratorType("list_iterator");
export const listReverseIteratorType: PyType = newIteratorType("list_reverseiterator");
export const tupleIteratorType: PyType = newIteratorType("tuple_iterator");
export const strIteratorType: PyType = newIteratorType("str_ascii_iterator");
export const rangeIteratorType: PyType = newIteratorType("range_iterator");
rangeIteratorType.tp_iternext = (it) => {
  const r = it as PyRangeIterator;
  if (r.left <= 0) return undefined;
  r.left--;
  const v = r.cur;
  r.cur = v + r.step;
  return v;
};
defMethod(rangeIteratorType, "__length_hint__", (args) => Math.max(0, (args[0] as PyRangeIterator).left));
/** Iterates a range whose values are not all safe integers. */
export const longRangeIteratorType: PyType = newIteratorType("longrange_iterator");
export const callableIteratorType: PyType = newIteratorType("callable_iterator");
export const seqIteratorType: PyType = newIteratorType("iterator");
export const dictKeyIteratorType: PyType = newIteratorType("dict_keyiterator");
export const dictValueIteratorType: PyType = newIteratorType("dict_valueiterator");
export const dictItemIteratorType: PyType = newIteratorType("dict_itemiterator");
export const setIteratorType: PyType = newIteratorType("set_iterator");
export const bytesIteratorType: PyType = newIteratorType("bytes_iterator");

for (const t of [listIteratorType, tupleIteratorType]) {
  t.tp_iternext = (it) => {
    const s = it as PySeqIterator;
    const items = s.seq.items;
    if (s.index < items.length) return items[s.index++];
    s.index = Infinity;
    return undefined;
  };
  defMethod(t, "__length_hint__", (args) => {
    const s = args[0] as PySeqIterator;
    return Math.max(0, s.seq.items.length - s.index);
  });
}

/** Iterates a list or tuple. */
export function seqIterator(seq: PyList | PyTuple): PySeqIterator {
  return new PySeqIterator(seq instanceof PyList ? listIteratorType : tupleIteratorType, seq);
}

// The old protocol: x[0], x[1], … until IndexError (or StopIteration).
setSequenceIterHook((v) => {
  let i = 0;
  let done = false;
  const getitem = typeOf(v).lookup("__getitem__")!;
  return makeIterator(seqIteratorType, () => {
    if (done) return undefined;
    try {
      return callMethod1(getitem, v, i++);
    } catch (e) {
      if (isExceptionOf(e, Exc.IndexError) || isExceptionOf(e, Exc.StopIteration)) {
        done = true;
        return undefined;
      }
      throw e;
    }
  });
});

/** `iter(callable, sentinel)`. */
export function callableIterator(
  f: PyValue,
  sentinel: PyValue,
  eq: (a: PyValue, b: PyValue) => boolean,
): PyValue {
  let done = false;
  return makeIterator(callableIteratorType, () => {
    if (done) return undefined;
    const v = call(f, []);
    if (eq(v, sentinel)) {
      done = true;
      return undefined;
    }
    return v;
  });
}

// ---------------------------------------------------------------------------------------------
// enumerate, zip, map, filter, reversed: constructible iterator types.

export const enumerateType: PyType = newIteratorType("enumerate");
enumerateType.flags = 2;
enumerateType.tp_new = (cls, args, kwnames) => {
  if (args.length === 0) raise(Exc.TypeError, "enumerate() missing required argument 'iterable'");
  const [iterable, start] = bindArgs("enumerate", args, kwnames, ["iterable", "start"], 1);
  const it = getIter(iterable!);
  const next = typeOf(it).tp_iternext!;
  let n: number | bigint = start === undefined ? 0 : asIndexValue(start);
  const pair = () => {
    const v = next(it);
    if (v === undefined) return undefined;
    const i = n;
    n = typeof n === "number" && n < Number.MAX_SAFE_INTEGER ? n + 1 : BigInt(n) + 1n;
    pairSecond.v = v;
    return i;
  };
  return new PyNativeIterator(cls, () => {
    const i = pair();
    return i === undefined ? undefined : newTuple([i, pairSecond.v]);
  }, pair);
};
installNew(enumerateType);

function asIndexValue(v: PyValue): number | bigint {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

export const zipType: PyType = newIteratorType("zip");
zipType.flags = 2;
zipType.tp_new = (cls, args, kwnames) => {
  const nkw = kwnames === null ? 0 : kwnames.length;
  let strict = false;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] !== "strict") {
      raise(Exc.TypeError, `zip() got an unexpected keyword argument '${kwnames![i]}'`);
    }
    strict = isTrue(args[args.length - nkw + i]);
  }
  const its = args.slice(0, args.length - nkw).map((a) => getIter(a));
  let done = false;
  /** The next item of each iterable into `out`; false (and done) when one is exhausted. */
  const step = (out: PyValue[]): boolean => {
    if (done || its.length === 0) return false;
    for (let i = 0; i < its.length; i++) {
      const v = iterNext(its[i]);
      if (v === undefined) {
        done = true;
        if (strict) {
          if (i > 0) {
            raise(
              Exc.ValueError,
              `zip() argument ${i + 1} is shorter than argument${i === 1 ? "" : "s"} 1${
                i === 1 ? "" : `-${i}`
              }`,
            );
          }
          for (let j = 1; j < its.length; j++) {
            if (iterNext(its[j]) !== undefined) {
              raise(
                Exc.ValueError,
                `zip() argument ${j + 1} is longer than argument${j === 1 ? "" : "s"} 1${
                  j === 1 ? "" : `-${j}`
                }`,
              );
            }
          }
        }
        return false;
      }
      out[i] = v;
    }
    return true;
  };
  const pairItems: PyValue[] = [None, None];
  const pair = its.length !== 2 ? null : () => {
    if (!step(pairItems)) return undefined;
    pairSecond.v = pairItems[1];
    return pairItems[0];
  };
  return new PyNativeIterator(cls, () => {
    const out: PyValue[] = new Array(its.length);
    return step(out) ? newTuple(out) : undefined;
  }, pair);
};
installNew(zipType);

export const mapType: PyType = newIteratorType("map");
mapType.flags = 2;
mapType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "map() takes no keyword arguments");
  if (args.length < 2) raise(Exc.TypeError, "map() must have at least two arguments.");
  const f = args[0];
  const its = args.slice(1).map((a) => getIter(a));
  if (its.length === 1) {
    const it = its[0];
    const next = typeOf(it).tp_iternext!;
    return new PyNativeIterator(cls, () => {
      const v = next(it);
      return v === undefined ? undefined : call(f, [v]);
    });
  }
  return new PyNativeIterator(cls, () => {
    const vals: PyValue[] = [];
    for (const it of its) {
      const v = iterNext(it);
      if (v === undefined) return undefined;
      vals.push(v);
    }
    return call(f, vals);
  });
};
installNew(mapType);

export const filterType: PyType = newIteratorType("filter");
filterType.flags = 2;
filterType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "filter() takes no keyword arguments");
  checkArgs("filter", args, null, 2, 2);
  const f = args[0];
  const it = getIter(args[1]);
  const next = typeOf(it).tp_iternext!;
  return new PyNativeIterator(cls, () => {
    for (;;) {
      const v = next(it);
      if (v === undefined) return undefined;
      if (f === None ? isTrue(v) : isTrue(call(f, [v]))) return v;
    }
  });
};
installNew(filterType);

export const reversedType: PyType = newIteratorType("reversed");
reversedType.flags = 2;
reversedType.tp_new = (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "reversed() takes no keyword arguments");
  checkArgs("reversed", args, null, 1, 1);
  const seq = args[0];
  const rev = typeOf(seq).lookup("__reversed__");
  if (rev === None) raise(Exc.TypeError, `'${typeOf(seq).name}' object is not reversible`);
  if (rev !== undefined && cls === reversedType) return callMethod0(rev, seq);
  const getitem = typeOf(seq).lookup("__getitem__");
  if (
    getitem === undefined || typeOf(seq).lookup("__len__") === undefined ||
    seq instanceof PyObject && typeOf(seq).name === "dict"
  ) {
    raise(Exc.TypeError, `'${typeOf(seq).name}' object is not reversible`);
  }
  let i = len(seq) - 1;
  return new PyNativeIterator(cls, () => {
    if (i < 0) return undefined;
    try {
      return callMethod1(getitem, seq, i--);
    } catch (e) {
      if (isExceptionOf(e, Exc.IndexError) || isExceptionOf(e, Exc.StopIteration)) {
        i = -1;
        return undefined;
      }
      throw e;
    }
  });
};
installNew(reversedType);

/** A reversed iterator over a list (list.__reversed__): the index of the next item, -1 when done. */
class PyListReverseIterator extends PyObject {
  declare list: PyList;
  declare index: number;
  constructor(list: PyList) {
    super();
    this.cls = listReverseIteratorType;
    this.dict = null;
    this.list = list;
    this.index = list.items.length - 1;
  }
}

listReverseIteratorType.tp_iternext = (it) => {
  const r = it as PyListReverseIterator;
  const items = r.list.items;
  // A list that shrank below the index ends the iteration, as CPython's listreviter_next.
  if (r.index >= 0 && r.index < items.length) return items[r.index--];
  r.index = -1;
  return undefined;
};
defMethod(listReverseIteratorType, "__length_hint__", (args) => {
  const r = args[0] as PyListReverseIterator;
  return r.index + 1 <= r.list.items.length ? r.index + 1 : 0;
});

/** A reversed iterator over a list (list.__reversed__). */
export function listReversed(list: PyList): PyValue {
  return new PyListReverseIterator(list);
}
