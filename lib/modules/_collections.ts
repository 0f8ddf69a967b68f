/**
 * The `_collections` module of CPython 3.11 (C there), under lib/python/collections/: `deque` (a
 * ring buffer with maxlen, rotation, indexing and the "deque mutated during iteration" check),
 * `defaultdict` (a dict subclass with `__missing__`), `OrderedDict` (a dict subclass: the dict's
 * own insertion order is the order; move_to_end and popitem(last) on top) with its odict views,
 * `_count_elements` (Counter's counting loop) and `_tuplegetter` (namedtuple's field descriptors).
 *
 * @example
 * ```ts
 * import { makeCollectionsModule } from "./_collections.ts";
 * const m = makeCollectionsModule();
 * ```
 * @module
 */
import { NB_ADD } from "../../instructions/operators.ts";
import {
  bindArgs,
  checkMethodArgs,
  defClassMethod,
  defFastMethod,
  defGetSet,
  defMethod,
  DELETED,
  dictType,
  Exc,
  newException,
  newTuple,
  None,
  NotImplemented,
  PyDict,
  PyList,
  type PyModule,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  shortTypeName,
  typeOf,
} from "../../objects/object.ts";
import {
  asIndex,
  binaryOp,
  call,
  callMethod1,
  callMethod2,
  genericAliasHook,
  getIter,
  intValueOf,
  isCallable,
  repr,
  reprGuard,
  richEq,
  setItem,
} from "../../objects/ops.ts";
import { compareSequences, repeatCount } from "../../objects/types/seq.ts";
import { memoryError } from "../../objects/heap_guard.ts";
import {
  dictEquals,
  dictItemsType,
  dictIterator,
  dictKeysType,
  dictUpdate,
  dictValuesType,
  PyDictView,
} from "../../objects/types/dict.ts";
import { installDict, installNew } from "../../objects/types/type.ts";
import { PyNativeIterator } from "../../objects/types/iterators.ts";
import { buildModule, expectArgs, moduleIteratorType, moduleType } from "./_native.ts";

// ---------------------------------------------------------------------------------------------
// deque

/** A deque: a ring buffer (capacity a power of two) plus maxlen and a mutation counter. */
export class PyDeque extends PyObject {
  declare buf: (PyValue | undefined)[];
  declare head: number;
  declare size: number;
  /** -1 when unbounded. */
  declare maxlen: number;
  /** Bumped by every change, so that iterators can tell. */
  declare state: number;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.buf = new Array(8).fill(undefined);
    this.head = 0;
    this.size = 0;
    this.maxlen = -1;
    this.state = 0;
  }

  at(i: number): PyValue {
    return this.buf[(this.head + i) & (this.buf.length - 1)]!;
  }

  setAt(i: number, v: PyValue): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }

  private grow(): void {
    const old = this.buf, mask = old.length - 1;
    const buf: (PyValue | undefined)[] = new Array(old.length * 2).fill(undefined);
    for (let i = 0; i < this.size; i++) buf[i] = old[(this.head + i) & mask];
    this.buf = buf;
    this.head = 0;
  }

  pushBack(v: PyValue): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = v;
    this.size++;
  }

  pushFront(v: PyValue): void {
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.size++;
  }

  popBack(): PyValue {
    const i = (this.head + this.size - 1) & (this.buf.length - 1);
    const v = this.buf[i]!;
    this.buf[i] = undefined;
    this.size--;
    return v;
  }

  popFront(): PyValue {
    const v = this.buf[this.head]!;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return v;
  }

  /** append, dropping from the left past maxlen. */
  append(v: PyValue): void {
    this.state++;
    if (this.maxlen === 0) return;
    if (this.size === this.maxlen) this.popFront();
    this.pushBack(v);
  }

  /** appendleft, dropping from the right past maxlen. */
  appendLeft(v: PyValue): void {
    this.state++;
    if (this.maxlen === 0) return;
    if (this.size === this.maxlen) this.popBack();
    this.pushFront(v);
  }

  /** Rotates n steps to the right (negative: left). */
  rotate(n: number): void {
    const len = this.size;
    this.state++;
    if (len <= 1) return;
    n %= len;
    if (n < 0) n += len;
    if (n > len / 2) {
      for (let k = len - n; k > 0; k--) this.pushBack(this.popFront());
    } else {
      for (let k = n; k > 0; k--) this.pushFront(this.popBack());
    }
  }

  items(): PyValue[] {
    const out: PyValue[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }

  clear(): void {
    this.buf = new Array(8).fill(undefined);
    this.head = 0;
    this.size = 0;
    this.state++;
  }

  /** Removes the item at index i (0 <= i < size). */
  deleteAt(i: number): void {
    this.rotate(-i);
    this.popFront();
    this.rotate(i);
  }
}

const dequeType = moduleType("collections", "deque");
const dequeIteratorType = moduleIteratorType("_collections", "_deque_iterator", 0);
const dequeReverseIteratorType = moduleIteratorType("_collections", "_deque_reverse_iterator", 0);

function dequeSelf(args: PyValue[], name: string): PyDeque {
  const d = args[0];
  if (!(d instanceof PyDeque)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'collections.deque' objects doesn't apply to a '${typeOf(d).name}' object`,
    );
  }
  return d;
}

function mutated(): never {
  raise(Exc.RuntimeError, "deque mutated during iteration");
}

/** A deque iterator: walks indexes, failing when the deque changed since it started. */
function dequeIterator(d: PyDeque, reverse: boolean): PyNativeIterator {
  const state = d.state;
  let left = d.size;
  let i = reverse ? d.size - 1 : 0;
  const step = reverse ? -1 : 1;
  const it = new PyNativeIterator(reverse ? dequeReverseIteratorType : dequeIteratorType, () => {
    if (left === 0) return undefined;
    if (d.state !== state) {
      left = 0;
      mutated();
    }
    const v = d.at(i);
    i += step;
    left--;
    return v;
  });
  lengthHints.set(it, () => (d.state === state ? left : 0));
  return it;
}
/** Remaining lengths of deque iterators (for __length_hint__). */
const lengthHints = new WeakMap<PyNativeIterator, () => number>();
for (const t of [dequeIteratorType, dequeReverseIteratorType]) {
  defMethod(t, "__length_hint__", (args) => lengthHints.get(args[0] as PyNativeIterator)?.() ?? 0);
}

/** Fills a deque from an iterable (extend); `self` is copied first so that it can extend itself. */
function dequeExtend(d: PyDeque, iterable: PyValue, left: boolean): void {
  const values = iterable === d ? d.items() : null;
  if (values !== null) {
    for (const v of values) left ? d.appendLeft(v) : d.append(v);
    return;
  }
  const it = getIter(iterable);
  const next = typeOf(it).tp_iternext!;
  for (;;) {
    const v = next(it);
    if (v === undefined) return;
    if (left) d.appendLeft(v);
    else d.append(v);
  }
}

/** maxlen: None or a non-negative int. */
function maxlenArg(v: PyValue | undefined): number {
  if (v === undefined || v === None) return -1;
  const n = intValueOf(v);
  if (n === undefined) raise(Exc.TypeError, "an integer is required");
  if (n < 0) raise(Exc.ValueError, "maxlen must be non-negative");
  return Number(n);
}

/** A new deque of d's type with the same maxlen and items (CPython's deque_copy). */
function dequeCopy(d: PyDeque): PyValue {
  if (d.cls === dequeType) {
    const c = new PyDeque(dequeType);
    c.maxlen = d.maxlen;
    for (let i = 0; i < d.size; i++) c.pushBack(d.at(i));
    return c;
  }
  return d.maxlen < 0 ? call(d.cls, [d]) : call(d.cls, [d, d.maxlen]);
}

/** The index of the first item equal to v at or after `start` and before `stop`, or -1. */
function dequeFind(d: PyDeque, v: PyValue, start: number, stop: number): number {
  const state = d.state;
  for (let i = start; i < stop && i < d.size; i++) {
    const eq = richEq(d.at(i), v);
    if (d.state !== state) mutated();
    if (eq) return i;
  }
  return -1;
}

function dequeIndexArg(v: PyValue, name: string): number {
  const n = intValueOf(v);
  if (n === undefined) {
    if (typeOf(v).lookup("__index__") === undefined) {
      raise(Exc.TypeError, `sequence index must be integer, not '${typeOf(v).name}'`);
    }
    return Number(asIndex(v));
  }
  void name;
  return Number(n);
}

function sliceIndexArg(v: PyValue): number {
  if (intValueOf(v) === undefined && typeOf(v).lookup("__index__") === undefined) {
    raise(Exc.TypeError, "slice indices must be integers or have an __index__ method");
  }
  const n = asIndex(v);
  return typeof n === "bigint" ? (n < 0n ? -Infinity : Infinity) : n;
}

dequeType.tp_new = (cls) => new PyDeque(cls);
installNew(dequeType);
dequeType.tp_iter = (d) => dequeIterator(d as PyDeque, false);
dequeType.attrs.set("__hash__", None);
defMethod(dequeType, "__init__", (args, kwnames) => {
  const d = dequeSelf(args, "__init__");
  const [iterable, maxlen] = bindArgs("deque", args.slice(1), kwnames, ["iterable", "maxlen"], 0);
  d.maxlen = maxlenArg(maxlen);
  if (d.size > 0) d.clear();
  if (iterable !== undefined) dequeExtend(d, iterable, false);
  return None;
});
defMethod(dequeType, "append", (args) => {
  checkMethodArgs("deque.append", args, null, 1, 1);
  dequeSelf(args, "append").append(args[1]);
  return None;
});
defMethod(dequeType, "appendleft", (args) => {
  checkMethodArgs("deque.appendleft", args, null, 1, 1);
  dequeSelf(args, "appendleft").appendLeft(args[1]);
  return None;
});
defMethod(dequeType, "pop", (args) => {
  checkMethodArgs("deque.pop", args, null, 0, 0);
  const d = dequeSelf(args, "pop");
  if (d.size === 0) raise(Exc.IndexError, "pop from an empty deque");
  d.state++;
  return d.popBack();
});
defMethod(dequeType, "popleft", (args) => {
  checkMethodArgs("deque.popleft", args, null, 0, 0);
  const d = dequeSelf(args, "popleft");
  if (d.size === 0) raise(Exc.IndexError, "pop from an empty deque");
  d.state++;
  return d.popFront();
});
// Fixed-arity entry points for the hot methods (CALL takes them only for deque instances).
defFastMethod(dequeType, "append", null, (d, v) => {
  (d as PyDeque).append(v);
  return None;
});
defFastMethod(dequeType, "appendleft", null, (d, v) => {
  (d as PyDeque).appendLeft(v);
  return None;
});
defFastMethod(dequeType, "pop", (d) => {
  const q = d as PyDeque;
  if (q.size === 0) raise(Exc.IndexError, "pop from an empty deque");
  q.state++;
  return q.popBack();
}, null);
defFastMethod(dequeType, "popleft", (d) => {
  const q = d as PyDeque;
  if (q.size === 0) raise(Exc.IndexError, "pop from an empty deque");
  q.state++;
  return q.popFront();
}, null);
defMethod(dequeType, "extend", (args) => {
  checkMethodArgs("deque.extend", args, null, 1, 1);
  dequeExtend(dequeSelf(args, "extend"), args[1], false);
  return None;
});
defMethod(dequeType, "extendleft", (args) => {
  checkMethodArgs("deque.extendleft", args, null, 1, 1);
  dequeExtend(dequeSelf(args, "extendleft"), args[1], true);
  return None;
});
defMethod(dequeType, "clear", (args) => {
  checkMethodArgs("deque.clear", args, null, 0, 0);
  dequeSelf(args, "clear").clear();
  return None;
});
defMethod(dequeType, "copy", (args) => {
  checkMethodArgs("deque.copy", args, null, 0, 0);
  return dequeCopy(dequeSelf(args, "copy"));
});
defMethod(dequeType, "__copy__", (args) => dequeCopy(dequeSelf(args, "__copy__")));
defMethod(dequeType, "count", (args) => {
  checkMethodArgs("deque.count", args, null, 1, 1);
  const d = dequeSelf(args, "count");
  const state = d.state;
  let n = 0;
  for (let i = 0; i < d.size; i++) {
    const eq = richEq(d.at(i), args[1]);
    if (d.state !== state) mutated();
    if (eq) n++;
  }
  return n;
});
defMethod(dequeType, "index", (args) => {
  checkMethodArgs("index", args, null, 1, 3);
  const d = dequeSelf(args, "index");
  let start = args.length > 2 ? sliceIndexArg(args[2]) : 0;
  let stop = args.length > 3 ? sliceIndexArg(args[3]) : Infinity;
  if (start < 0) start = Math.max(0, start + d.size);
  if (stop < 0) stop = Math.max(0, stop + d.size);
  const i = dequeFind(d, args[1], start, stop);
  if (i < 0) raise(Exc.ValueError, `${repr(args[1])} is not in deque`);
  return i;
});
defMethod(dequeType, "insert", (args) => {
  checkMethodArgs("insert", args, null, 2, 2);
  const d = dequeSelf(args, "insert");
  const index = Number(asIndex(args[1]));
  const v = args[2];
  if (d.maxlen === d.size) raise(Exc.IndexError, "deque already at its maximum size");
  const n = d.size;
  if (index >= n) d.append(v);
  else if (index <= -n || index === 0) d.appendLeft(v);
  else {
    d.rotate(-index);
    if (index < 0) d.append(v);
    else d.appendLeft(v);
    d.rotate(index);
  }
  return None;
});
defMethod(dequeType, "remove", (args) => {
  checkMethodArgs("deque.remove", args, null, 1, 1);
  const d = dequeSelf(args, "remove");
  const state = d.state;
  for (let i = 0; i < d.size; i++) {
    const eq = richEq(d.at(i), args[1]);
    if (d.state !== state) raise(Exc.IndexError, "deque mutated during remove().");
    if (eq) {
      d.deleteAt(i);
      return None;
    }
  }
  raise(Exc.ValueError, `${repr(args[1])} is not in deque`);
});
defMethod(dequeType, "reverse", (args) => {
  checkMethodArgs("deque.reverse", args, null, 0, 0);
  const d = dequeSelf(args, "reverse");
  for (let i = 0, j = d.size - 1; i < j; i++, j--) {
    const t = d.at(i);
    d.setAt(i, d.at(j));
    d.setAt(j, t);
  }
  d.state++;
  return None;
});
defMethod(dequeType, "rotate", (args) => {
  checkMethodArgs("rotate", args, null, 0, 1);
  const d = dequeSelf(args, "rotate");
  const n = args.length > 1 ? asIndex(args[1]) : 1;
  d.rotate(typeof n === "bigint" ? Number(n % BigInt(Math.max(d.size, 1))) : n);
  return None;
});
defGetSet(dequeType, "maxlen", (d) => ((d as PyDeque).maxlen < 0 ? None : (d as PyDeque).maxlen));
defMethod(dequeType, "__len__", (args) => dequeSelf(args, "__len__").size);
defMethod(dequeType, "__bool__", (args) => dequeSelf(args, "__bool__").size > 0);
defMethod(dequeType, "__iter__", (args) => dequeIterator(dequeSelf(args, "__iter__"), false));
defMethod(dequeType, "__reversed__", (args) => dequeIterator(dequeSelf(args, "__reversed__"), true));
defMethod(dequeType, "__contains__", (args) => {
  const d = dequeSelf(args, "__contains__");
  return dequeFind(d, args[1], 0, d.size) >= 0;
});
defMethod(dequeType, "__getitem__", (args) => {
  const d = dequeSelf(args, "__getitem__");
  let i = dequeIndexArg(args[1], "__getitem__");
  if (i < 0) i += d.size;
  if (i < 0 || i >= d.size) raise(Exc.IndexError, "deque index out of range");
  return d.at(i);
});
defMethod(dequeType, "__setitem__", (args) => {
  const d = dequeSelf(args, "__setitem__");
  let i = dequeIndexArg(args[1], "__setitem__");
  if (i < 0) i += d.size;
  if (i < 0 || i >= d.size) raise(Exc.IndexError, "deque index out of range");
  d.setAt(i, args[2]);
  return None;
});
defMethod(dequeType, "__delitem__", (args) => {
  const d = dequeSelf(args, "__delitem__");
  let i = dequeIndexArg(args[1], "__delitem__");
  if (i < 0) i += d.size;
  if (i < 0 || i >= d.size) raise(Exc.IndexError, "deque index out of range");
  d.deleteAt(i);
  return None;
});
defMethod(dequeType, "__add__", (args) => {
  const d = dequeSelf(args, "__add__");
  const o = args[1];
  if (!(o instanceof PyDeque)) {
    raise(Exc.TypeError, `can only concatenate deque (not "${typeOf(o).name}") to deque`);
  }
  const r = dequeCopy(d) as PyDeque;
  dequeExtend(r, o, false);
  return r;
});
defMethod(dequeType, "__iadd__", (args) => {
  const d = dequeSelf(args, "__iadd__");
  dequeExtend(d, args[1], false);
  return d;
});

/** In-place `d *= n`: the items n times, trimmed to maxlen from the left. */
function dequeRepeat(d: PyDeque, nv: PyValue): PyValue {
  const n = repeatCount(nv);
  if (n === undefined) return NotImplemented;
  const items = d.items();
  if (n === 0 || items.length === 0) {
    d.clear();
    return d;
  }
  const total = n * items.length;
  const keep = d.maxlen >= 0 ? Math.min(total, d.maxlen) : total;
  if (keep > 2 ** 28) memoryError();
  d.clear();
  for (let idx = total - keep; idx < total; idx++) d.pushBack(items[idx % items.length]);
  return d;
}
defMethod(dequeType, "__imul__", (args) => dequeRepeat(dequeSelf(args, "__imul__"), args[1]));
defMethod(dequeType, "__mul__", (args) => {
  const d = dequeSelf(args, "__mul__");
  if (repeatCount(args[1]) === undefined) return NotImplemented;
  return dequeRepeat(dequeCopy(d) as PyDeque, args[1]);
});
defMethod(dequeType, "__rmul__", (args) => {
  const d = dequeSelf(args, "__rmul__");
  if (repeatCount(args[1]) === undefined) return NotImplemented;
  return dequeRepeat(dequeCopy(d) as PyDeque, args[1]);
});
const COMPARISONS: [string, number][] = [
  ["__lt__", 0],
  ["__le__", 1],
  ["__eq__", 2],
  ["__ne__", 3],
  ["__gt__", 4],
  ["__ge__", 5],
];
for (const [name, op] of COMPARISONS) {
  defMethod(dequeType, name, (args) => {
    const d = dequeSelf(args, name);
    const o = args[1];
    if (!(o instanceof PyDeque)) return NotImplemented;
    return compareSequences(d.items(), o.items(), op);
  });
}
defMethod(dequeType, "__repr__", (args) => {
  const d = dequeSelf(args, "__repr__");
  return reprGuard(d, "[...]", () => {
    const body = `[${d.items().map(repr).join(", ")}]`;
    const name = shortTypeName(typeOf(d));
    return d.maxlen < 0 ? `${name}(${body})` : `${name}(${body}, maxlen=${d.maxlen})`;
  });
});
defMethod(dequeType, "__reduce__", (args) => {
  const d = dequeSelf(args, "__reduce__");
  const state = d.dict !== null && d.dict.size > 0 ? d.dict : None;
  const ctorArgs = d.maxlen < 0 ? newTuple([]) : newTuple([newTuple([]), d.maxlen]);
  return newTuple([d.cls, ctorArgs, state, dequeIterator(d, false)]);
});
defMethod(dequeType, "__sizeof__", (args) => 64 + 8 * dequeSelf(args, "__sizeof__").buf.length);
defClassMethod(dequeType, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));

// ---------------------------------------------------------------------------------------------
// defaultdict

/** A defaultdict: a dict plus the factory its `__missing__` calls. */
export class PyDefaultDict extends PyDict {
  declare factory: PyValue;
  constructor(cls: PyType, factory: PyValue) {
    super(cls);
    this.factory = factory;
  }
}

const defaultdictType = moduleType("collections", "defaultdict", dictType);
defaultdictType.tp_new = (cls) => new PyDefaultDict(cls, None);
installNew(defaultdictType);

function ddSelf(args: PyValue[], name: string): PyDefaultDict {
  const d = args[0];
  if (!(d instanceof PyDefaultDict)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'collections.defaultdict' objects doesn't apply to a '${
        typeOf(d).name
      }' object`,
    );
  }
  return d;
}

/** `__missing__`: factory() stored under key (through __setitem__, which a subclass may override). */
function defaultdictMissing(d: PyDefaultDict, key: PyValue): PyValue {
  if (d.factory === None) throw newException(Exc.KeyError, [key]);
  const v = call(d.factory, []);
  if (d.cls === defaultdictType) d.set(key, v);
  else setItem(d, key, v);
  return v;
}

defMethod(defaultdictType, "__init__", (args, kwnames) => {
  const d = ddSelf(args, "__init__");
  const nkw = kwnames === null ? 0 : kwnames.length;
  let rest = args.slice(1);
  if (args.length - 1 - nkw > 0) {
    const f = args[1];
    if (f !== None && !isCallable(f)) raise(Exc.TypeError, "first argument must be callable or None");
    d.factory = f;
    rest = args.slice(2);
  }
  const npos = rest.length - nkw;
  if (npos > 1) raise(Exc.TypeError, `dict expected at most 1 argument, got ${npos}`);
  if (npos === 1) dictUpdate(d, rest[0]);
  for (let i = 0; i < nkw; i++) d.setStr(kwnames![i], rest[npos + i]);
  return None;
});
defMethod(defaultdictType, "__missing__", (args) => {
  checkMethodArgs("__missing__", args, null, 1, 1);
  return defaultdictMissing(ddSelf(args, "__missing__"), args[1]);
});
const DEFAULTDICT_MISSING = defaultdictType.attrs.get("__missing__")!;
defMethod(defaultdictType, "__getitem__", (args) => {
  const d = ddSelf(args, "__getitem__");
  const v = d.get(args[1]);
  if (v !== undefined) return v;
  const missing = d.cls === defaultdictType ? DEFAULTDICT_MISSING : d.cls.lookup("__missing__");
  if (missing === DEFAULTDICT_MISSING) return defaultdictMissing(d, args[1]);
  return callMethod1(missing!, d, args[1]);
});
defGetSet(defaultdictType, "default_factory", (d) => (d as PyDefaultDict).factory, (d, v) => {
  (d as PyDefaultDict).factory = v ?? None;
});

function defaultdictCopy(d: PyDefaultDict): PyValue {
  if (d.cls === defaultdictType) {
    const c = new PyDefaultDict(defaultdictType, d.factory);
    dictUpdate(c, d);
    return c;
  }
  return call(d.cls, [d.factory, d]);
}
defMethod(defaultdictType, "copy", (args) => defaultdictCopy(ddSelf(args, "copy")));
defMethod(defaultdictType, "__copy__", (args) => defaultdictCopy(ddSelf(args, "__copy__")));
defMethod(defaultdictType, "__repr__", (args) => {
  const d = ddSelf(args, "__repr__");
  const factory = d.factory === None ? "None" : reprGuard(d.factory, "...", () => repr(d.factory));
  const body = dictType.attrs.get("__repr__")!;
  return `${shortTypeName(typeOf(d))}(${factory}, ${callMethod1Repr(body, d)})`;
});
/** dict.__repr__ on a dict subclass instance. */
function callMethod1Repr(f: PyValue, d: PyDict): string {
  return call(f, [d]) as string;
}
defMethod(defaultdictType, "__reduce__", (args) => {
  const d = ddSelf(args, "__reduce__");
  const ctorArgs = d.factory === None ? newTuple([]) : newTuple([d.factory]);
  const items = new PyList(d.keyList().map((k) => newTuple([k, d.get(k)!])));
  return newTuple([d.cls, ctorArgs, None, None, getIter(items)]);
});
defMethod(defaultdictType, "__or__", (args) => {
  const d = ddSelf(args, "__or__");
  if (!(args[1] instanceof PyDict)) return NotImplemented;
  const r = defaultdictCopy(d);
  dictUpdate(r as PyDict, args[1]);
  return r;
});
defMethod(defaultdictType, "__ror__", (args) => {
  const d = ddSelf(args, "__ror__");
  if (!(args[1] instanceof PyDict)) return NotImplemented;
  const r = call(d.cls, [d.factory, args[1]]);
  dictUpdate(r as PyDict, d);
  return r;
});

// ---------------------------------------------------------------------------------------------
// OrderedDict

const odictType = moduleType("collections", "OrderedDict", dictType);
odictType.hasInstanceDict = true;
installDict(odictType);
const odictKeysType = moduleType("builtins", "odict_keys", dictKeysType, 0);
const odictValuesType = moduleType("builtins", "odict_values", dictValuesType, 0);
const odictItemsType = moduleType("builtins", "odict_items", dictItemsType, 0);
const odictIteratorType = moduleIteratorType("builtins", "odict_iterator", 0);
for (const t of [odictKeysType, odictValuesType, odictItemsType]) t.tp_iter = t.base!.tp_iter;
odictType.tp_iter = (d) => dictIterator(d as PyDict, odictIteratorType, (i) => (d as PyDict).keys[i]);

odictType.tp_new = (cls) => {
  const d = new PyDict(cls);
  d.dict = new PyDict();
  return d;
};
installNew(odictType);

function odSelf(args: PyValue[], name: string): PyDict {
  const d = args[0];
  if (!(d instanceof PyDict) || !d.cls.isSubtypeOf(odictType)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'collections.OrderedDict' objects doesn't apply to a '${
        typeOf(d).name
      }' object`,
    );
  }
  return d;
}

const DICT_SETITEM = dictType.attrs.get("__setitem__")!;

/** OrderedDict.update: through __setitem__ when a subclass overrides it (as CPython's does). */
function odictUpdate(d: PyDict, args: PyValue[], kwnames: string[] | null, name: string): void {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > 1) raise(Exc.TypeError, `${name} expected at most 1 argument, got ${npos}`);
  const setitem = d.cls.lookup("__setitem__");
  if (setitem === DICT_SETITEM) {
    if (npos === 1) dictUpdate(d, args[0]);
    for (let i = 0; i < nkw; i++) d.setStr(kwnames![i], args[npos + i]);
    return;
  }
  const tmp = new PyDict();
  if (npos === 1) dictUpdate(tmp, args[0]);
  for (let i = 0; i < nkw; i++) tmp.setStr(kwnames![i], args[npos + i]);
  for (const k of tmp.keyList()) callMethod2(setitem!, d, k, tmp.get(k)!);
}

defMethod(odictType, "__init__", (args, kwnames) => {
  odictUpdate(odSelf(args, "__init__"), args.slice(1), kwnames, "OrderedDict");
  return None;
});
defMethod(odictType, "update", (args, kwnames) => {
  odictUpdate(odSelf(args, "update"), args.slice(1), kwnames, "update");
  return None;
});

/** Moves key to the front: the entries are rebuilt with key first (the dict's order is the order). */
function moveToFront(d: PyDict, key: PyValue): void {
  const i = d.find(key);
  const k = d.keys[i], v = d.values[i];
  const keys = d.keys, values = d.values;
  d.clear();
  d.insertNew(k, v);
  for (let j = 0; j < keys.length; j++) {
    if (j !== i && keys[j] !== DELETED) d.insertNew(keys[j], values[j]);
  }
}

defMethod(odictType, "move_to_end", (args, kwnames) => {
  const d = odSelf(args, "move_to_end");
  const [key, last] = bindArgs("move_to_end", args.slice(1), kwnames, ["key", "last"], 1);
  const i = d.find(key!);
  if (i < 0) throw newException(Exc.KeyError, [key!]);
  if (last === undefined || isTrueValue(last)) {
    const k = d.keys[i], v = d.values[i];
    d.delete(k);
    d.set(k, v);
  } else moveToFront(d, key!);
  return None;
});
defMethod(odictType, "popitem", (args, kwnames) => {
  const d = odSelf(args, "popitem");
  const [last] = bindArgs("popitem", args.slice(1), kwnames, ["last"], 0);
  if (d.size === 0) throw newException(Exc.KeyError, ["dictionary is empty"]);
  const fromEnd = last === undefined || isTrueValue(last);
  const keys = d.keys;
  let i = fromEnd ? keys.length - 1 : 0;
  while (keys[i] === DELETED) i += fromEnd ? -1 : 1;
  const k = keys[i], v = d.values[i];
  d.delete(k);
  return newTuple([k, v]);
});

function isTrueValue(v: PyValue): boolean {
  return !(v === false || v === 0 || v === None);
}

defMethod(odictType, "__eq__", (args) => {
  const d = odSelf(args, "__eq__");
  const o = args[1];
  if (!(o instanceof PyDict)) return NotImplemented;
  return odictEquals(d, o);
});
defMethod(odictType, "__ne__", (args) => {
  const d = odSelf(args, "__ne__");
  const o = args[1];
  if (!(o instanceof PyDict)) return NotImplemented;
  return !odictEquals(d, o);
});

/** Equality: order matters only when both sides are OrderedDicts. */
function odictEquals(a: PyDict, b: PyDict): boolean {
  if (!dictEquals(a, b)) return false;
  if (!b.cls.isSubtypeOf(odictType)) return true;
  const ka = a.keyList(), kb = b.keyList();
  for (let i = 0; i < ka.length; i++) if (!richEq(ka[i], kb[i])) return false;
  return true;
}

defMethod(odictType, "__repr__", (args) => {
  const d = odSelf(args, "__repr__");
  const name = shortTypeName(typeOf(d));
  if (d.size === 0) return `${name}()`;
  return reprGuard(d, "...", () => {
    const parts: string[] = [];
    for (let i = 0; i < d.keys.length; i++) {
      if (d.keys[i] !== DELETED) parts.push(`(${repr(d.keys[i])}, ${repr(d.values[i])})`);
    }
    return `${name}([${parts.join(", ")}])`;
  });
});
defMethod(odictType, "__iter__", (args) => odictType.tp_iter!(odSelf(args, "__iter__")));
defMethod(odictType, "__reversed__", (args) => {
  const d = odSelf(args, "__reversed__");
  const keys = d.keyList().reverse();
  let i = 0;
  return new PyNativeIterator(odictIteratorType, () => (i < keys.length ? keys[i++] : undefined));
});
defMethod(odictType, "keys", (args) => new PyDictView(odictKeysType, odSelf(args, "keys")));
defMethod(odictType, "values", (args) => new PyDictView(odictValuesType, odSelf(args, "values")));
defMethod(odictType, "items", (args) => new PyDictView(odictItemsType, odSelf(args, "items")));

function odictCopy(d: PyDict): PyValue {
  if (d.cls === odictType) {
    const c = d.copy(odictType);
    c.dict = new PyDict();
    return c;
  }
  return call(d.cls, [d]);
}
defMethod(odictType, "copy", (args) => odictCopy(odSelf(args, "copy")));
defMethod(odictType, "__or__", (args) => {
  const d = odSelf(args, "__or__");
  if (!(args[1] instanceof PyDict)) return NotImplemented;
  const r = odictCopy(d) as PyDict;
  odictUpdate(r, [args[1]], null, "update");
  return r;
});
defMethod(odictType, "__ror__", (args) => {
  const d = odSelf(args, "__ror__");
  if (!(args[1] instanceof PyDict)) return NotImplemented;
  const r = call(d.cls, [args[1]]) as PyDict;
  odictUpdate(r, [d], null, "update");
  return r;
});
defMethod(odictType, "__ior__", (args) => {
  const d = odSelf(args, "__ior__");
  odictUpdate(d, [args[1]], null, "update");
  return d;
});
defMethod(odictType, "__reduce__", (args) => {
  const d = odSelf(args, "__reduce__");
  const state = d.dict !== null && d.dict.size > 0 ? d.dict : None;
  const items = new PyList(d.keyList().map((k) => newTuple([k, d.get(k)!])));
  return newTuple([d.cls, newTuple([]), state, None, getIter(items)]);
});
defMethod(odictType, "setdefault", (args, kwnames) => {
  const d = odSelf(args, "setdefault");
  const [key, dflt] = bindArgs("setdefault", args.slice(1), kwnames, ["key", "default"], 1);
  const v = d.get(key!);
  if (v !== undefined) return v;
  const value = dflt ?? None;
  setItem(d, key!, value);
  return value;
});
defMethod(odictType, "pop", (args, kwnames) => {
  const d = odSelf(args, "pop");
  const [key, dflt] = bindArgs("pop", args.slice(1), kwnames, ["key", "default"], 1);
  const v = d.delete(key!);
  if (v !== undefined) return v;
  if (dflt !== undefined) return dflt;
  throw newException(Exc.KeyError, [key!]);
});

// ---------------------------------------------------------------------------------------------
// _count_elements, _tuplegetter

const DICT_GET = dictType.attrs.get("get")!;

/** Counter's loop: mapping[elem] = mapping.get(elem, 0) + 1 for each element. */
function countElements(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("_count_elements", args, kwnames, 2, 2);
  const mapping = args[0];
  const it = getIter(args[1]);
  const next = typeOf(it).tp_iternext!;
  const t = typeOf(mapping);
  if (mapping instanceof PyDict && t.lookup("get") === DICT_GET && t.lookup("__setitem__") === DICT_SETITEM) {
    for (;;) {
      const k = next(it);
      if (k === undefined) return None;
      const old = mapping.get(k);
      mapping.set(k, old === undefined ? 1 : typeof old === "number" ? old + 1 : binaryOp(old, 1, NB_ADD));
    }
  }
  const get = t.lookup("get")!;
  for (;;) {
    const k = next(it);
    if (k === undefined) return None;
    const old = callMethod2(get, mapping, k, 0);
    setItem(mapping, k, binaryOp(old, 1, NB_ADD));
  }
}

/** namedtuple's field accessor: `obj[index]` for a tuple, a read-only data descriptor. */
class PyTupleGetter extends PyObject {
  declare index: number;
  declare doc: PyValue;
  constructor(cls: PyType, index: number, doc: PyValue) {
    super();
    this.cls = cls;
    this.dict = null;
    this.index = index;
    this.doc = doc;
  }
}
const tupleGetterType = moduleType("collections", "_tuplegetter", undefined, 0);
tupleGetterType.tp_new = (cls, args, kwnames) => {
  expectArgs("_tuplegetter", args, kwnames, 2, 2);
  return new PyTupleGetter(cls, Number(asIndex(args[0])), args[1]);
};
installNew(tupleGetterType);
tupleGetterType.tp_descr_get = (g, obj) => {
  if (obj === null) return g;
  const getter = g as PyTupleGetter;
  if (!(obj instanceof PyTuple)) {
    raise(
      Exc.TypeError,
      `descriptor for index '${getter.index}' for tuple subclasses doesn't apply to '${
        typeOf(obj).name
      }' object`,
    );
  }
  if (getter.index >= obj.items.length) raise(Exc.IndexError, "tuple index out of range");
  return obj.items[getter.index];
};
tupleGetterType.tp_descr_set = () => raise(Exc.AttributeError, "can't set attribute");
defMethod(
  tupleGetterType,
  "__get__",
  (args) => tupleGetterType.tp_descr_get!(args[0], args[1] === None ? null : args[1], typeOf(args[1])),
);
defMethod(tupleGetterType, "__set__", () => raise(Exc.AttributeError, "can't set attribute"));
defMethod(tupleGetterType, "__delete__", () => raise(Exc.AttributeError, "can't delete attribute"));
defGetSet(tupleGetterType, "__doc__", (g) => (g as PyTupleGetter).doc, (g, v) => {
  (g as PyTupleGetter).doc = v ?? None;
});

/** Builds the _collections module. */
export function makeCollectionsModule(): PyModule {
  return buildModule(
    "_collections",
    "High performance data structures.",
    { _count_elements: countElements },
    {
      deque: dequeType,
      defaultdict: defaultdictType,
      OrderedDict: odictType,
      _deque_iterator: dequeIteratorType,
      _deque_reverse_iterator: dequeReverseIteratorType,
      _tuplegetter: tupleGetterType,
    },
  );
}
