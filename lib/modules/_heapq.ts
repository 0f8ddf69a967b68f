/**
 * The `_heapq` and `_bisect` modules of CPython 3.11 (C accelerators under heapq.py and
 * bisect.py): binary min-heap operations on a Python list (heappush, heappop, heapify,
 * heapreplace, heappushpop and the max-heap helpers heapq.py's merge/nlargest use), and binary
 * search with insertion (bisect_left/right, insort_left/right with lo, hi and key). Items are
 * ordered by Python's `<`, so tuples and objects with `__lt__` work.
 *
 * @example
 * ```ts
 * import { makeHeapqModule } from "./_heapq.ts";
 * const m = makeHeapqModule();
 * ```
 * @module
 */
import {
  bindArgs,
  Exc,
  listType,
  type NativeFn,
  None,
  PyList,
  type PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, call, callMethod2, getItem, len, lessThan } from "../../objects/ops.ts";
import { buildModule, expectArgs } from "./_native.ts";

/** `a < b` for min-heaps, `b < a` for max-heaps. */
type Less = (a: PyValue, b: PyValue) => boolean;
const minLess: Less = lessThan;
const maxLess: Less = (a, b) => lessThan(b, a);

function listArg(fname: string, v: PyValue, numbered: boolean): PyList {
  if (!(v instanceof PyList)) {
    raise(
      Exc.TypeError,
      `${fname}() argument${numbered ? " 1" : ""} must be list, not ${typeOf(v).name}`,
    );
  }
  return v;
}

function changed(): never {
  raise(Exc.RuntimeError, "list changed size during iteration");
}

/** Moves the item at pos up towards startpos while it is less than its parent. */
function siftDown(heap: PyList, startpos: number, pos: number, less: Less): void {
  const size = heap.items.length;
  const newitem = heap.items[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap.items[parentpos];
    const lt = less(newitem, parent);
    if (heap.items.length !== size) changed();
    if (!lt) break;
    heap.items[pos] = parent;
    pos = parentpos;
  }
  heap.items[pos] = newitem;
}

/** Moves the item at pos down to a leaf along the smaller children, then sifts it back up. */
function siftUp(heap: PyList, pos: number, less: Less): void {
  const endpos = heap.items.length;
  const startpos = pos;
  const newitem = heap.items[pos];
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos) {
      const lt = less(heap.items[childpos], heap.items[rightpos]);
      if (heap.items.length !== endpos) changed();
      if (!lt) childpos = rightpos;
    }
    heap.items[pos] = heap.items[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap.items[pos] = newitem;
  siftDown(heap, startpos, pos, less);
}

function heapify(heap: PyList, less: Less): void {
  for (let i = (heap.items.length >> 1) - 1; i >= 0; i--) siftUp(heap, i, less);
}

function heappop(heap: PyList, less: Less): PyValue {
  const items = heap.items;
  if (items.length === 0) raise(Exc.IndexError, "index out of range");
  const last = items.pop()!;
  if (items.length === 0) return last;
  const top = items[0];
  items[0] = last;
  siftUp(heap, 0, less);
  return top;
}

function heapreplace(heap: PyList, item: PyValue, less: Less): PyValue {
  if (heap.items.length === 0) raise(Exc.IndexError, "index out of range");
  const top = heap.items[0];
  heap.items[0] = item;
  siftUp(heap, 0, less);
  return top;
}

const HEAPQ: Record<string, NativeFn> = {
  heappush: (args, kwnames) => {
    expectArgs("heappush", args, kwnames, 2, 2);
    const heap = listArg("heappush", args[0], true);
    heap.items.push(args[1]);
    siftDown(heap, 0, heap.items.length - 1, minLess);
    return None;
  },
  heappop: (args, kwnames) => {
    expectArgs("heappop", args, kwnames, 1, 1);
    return heappop(listArg("heappop", args[0], false), minLess);
  },
  heapify: (args, kwnames) => {
    expectArgs("heapify", args, kwnames, 1, 1);
    heapify(listArg("heapify", args[0], false), minLess);
    return None;
  },
  heapreplace: (args, kwnames) => {
    expectArgs("heapreplace", args, kwnames, 2, 2);
    return heapreplace(listArg("heapreplace", args[0], true), args[1], minLess);
  },
  heappushpop: (args, kwnames) => {
    expectArgs("heappushpop", args, kwnames, 2, 2);
    const heap = listArg("heappushpop", args[0], true);
    const item = args[1];
    if (heap.items.length === 0) return item;
    const top = heap.items[0];
    const lt = lessThan(top, item);
    if (heap.items.length === 0) raise(Exc.IndexError, "index out of range");
    if (!lt) return item;
    heap.items[0] = item;
    siftUp(heap, 0, minLess);
    return top;
  },
  _heappop_max: (args, kwnames) => {
    expectArgs("_heappop_max", args, kwnames, 1, 1);
    return heappop(listArg("_heappop_max", args[0], false), maxLess);
  },
  _heapify_max: (args, kwnames) => {
    expectArgs("_heapify_max", args, kwnames, 1, 1);
    heapify(listArg("_heapify_max", args[0], false), maxLess);
    return None;
  },
  _heapreplace_max: (args, kwnames) => {
    expectArgs("_heapreplace_max", args, kwnames, 2, 2);
    return heapreplace(listArg("_heapreplace_max", args[0], true), args[1], maxLess);
  },
};

/** Builds the _heapq module. */
export function makeHeapqModule(): PyModule {
  return buildModule("_heapq", "Heap queue algorithm (a.k.a. priority queue).", HEAPQ);
}

// ---------------------------------------------------------------------------------------------
// _bisect

/** The item of a sequence at i (a list's directly). */
function itemAt(a: PyValue, i: number): PyValue {
  if (a instanceof PyList && a.cls === listType) {
    if (i < a.items.length) return a.items[i];
    raise(Exc.IndexError, "list index out of range");
  }
  return getItem(a, i);
}

/** Binds (a, x, lo, hi, *, key) and returns the insertion point, left or right of equal items. */
function bisect(
  fname: string,
  args: PyValue[],
  kwnames: string[] | null,
  right: boolean,
  insort: boolean,
): number {
  const [a, x, loArg, hiArg, key] = bindArgs(fname, args, kwnames, ["a", "x", "lo", "hi", "key"], 2);
  let lo = loArg === undefined ? 0 : Number(asIndex(loArg));
  if (lo < 0) raise(Exc.ValueError, "lo must be non-negative");
  let hi = hiArg === undefined || hiArg === None ? len(a!) : Number(asIndex(hiArg));
  const k = key === undefined || key === None ? null : key;
  const target = insort && k !== null ? call(k, [x!]) : x!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let v = itemAt(a!, mid);
    if (k !== null) v = call(k, [v]);
    if (right ? lessThan(target, v) : lessThan(v, target)) {
      if (right) hi = mid;
      else lo = mid + 1;
    } else if (right) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insort(fname: string, args: PyValue[], kwnames: string[] | null, right: boolean): PyValue {
  const i = bisect(fname, args, kwnames, right, true);
  const a = args[0], x = args[1];
  if (a instanceof PyList && a.cls === listType) a.items.splice(i, 0, x);
  else {
    const insert = typeOf(a).lookup("insert");
    if (insert === undefined) {
      raise(Exc.AttributeError, `'${typeOf(a).name}' object has no attribute 'insert'`);
    }
    callMethod2(insert, a, i, x);
  }
  return None;
}

const BISECT: Record<string, NativeFn> = {
  bisect_right: (args, kwnames) => bisect("bisect_right", args, kwnames, true, false),
  bisect_left: (args, kwnames) => bisect("bisect_left", args, kwnames, false, false),
  insort_right: (args, kwnames) => insort("insort_right", args, kwnames, true),
  insort_left: (args, kwnames) => insort("insort_left", args, kwnames, false),
};

/** Builds the _bisect module. */
export function makeBisectModule(): PyModule {
  return buildModule("_bisect", "Bisection algorithms.", BISECT);
}
