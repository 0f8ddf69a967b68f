/**
 * The `itertools` module of CPython 3.11 (a C module there): every iterator type → a module
 * object. Infinite iterators (count, cycle, repeat), iterators over the shortest input
 * (accumulate, chain, compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap,
 * takewhile, tee, zip_longest) and the combinatoric ones (product, permutations, combinations,
 * combinations_with_replacement), with CPython's argument errors, reprs (`count(5)`,
 * `repeat(1, 3)`) and iteration order.
 *
 * @example
 * ```ts
 * import { makeItertoolsModule } from "./itertools.ts";
 * const itertools = makeItertoolsModule();
 * ```
 * @module
 */
import { NB_ADD } from "../../instructions/operators.ts";
import {
  bindArgs,
  defClassMethod,
  defMethod,
  Exc,
  newTuple,
  None,
  PyComplex,
  PyFloat,
  type PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  shortTypeName,
  typeOf,
} from "../../objects/object.ts";
import {
  asSsizeArg,
  binaryOp,
  call,
  getIter,
  intValueOf,
  isExceptionOf,
  isTrue,
  repr,
  richEq,
  toArray,
} from "../../objects/ops.ts";
import { PyNativeIterator } from "../../objects/types/iterators.ts";
import { installNew } from "../../objects/types/type.ts";
import { checkHeap, MAX_ARRAY_LENGTH, memoryError } from "../../objects/heap_guard.ts";
import { buildModule, expectArgs, moduleIteratorType, splitKeywords } from "./_native.ts";

const MOD = "itertools";

/** next() through the iterator's slot: undefined when exhausted. */
function nextOf(it: PyValue): PyValue | undefined {
  return typeOf(it).tp_iternext!(it);
}

/** The module's public iterator types by name (iterType registers each). */
const TYPES = new Map<string, PyType>();

/** An iterator type whose constructor is `make(cls, args, kwnames)`. */
function iterType(
  name: string,
  make: (cls: PyType, args: PyValue[], kwnames: string[] | null) => PyValue,
): PyType {
  const t = moduleIteratorType(MOD, name);
  t.tp_new = make;
  installNew(t);
  TYPES.set(name, t);
  return t;
}

// ---------------------------------------------------------------------------------------------
// count

/** `count(start, step)`: `fast` while both are safe ints and step is 1 (CPython's fast mode). */
class PyCount extends PyObject {
  declare current: PyValue;
  declare step: PyValue;
  declare fast: boolean;
  constructor(cls: PyType, start: PyValue, step: PyValue, fast: boolean) {
    super();
    this.cls = cls;
    this.dict = null;
    this.current = start;
    this.step = step;
    this.fast = fast;
  }
}

/** PyNumber_Check: ints, floats, complex numbers and objects with __index__, __int__ or __float__. */
function isNumber(v: PyValue): boolean {
  if (intValueOf(v) !== undefined || v instanceof PyFloat || v instanceof PyComplex) return true;
  const t = typeOf(v);
  return t.lookup("__index__") !== undefined || t.lookup("__int__") !== undefined ||
    t.lookup("__float__") !== undefined;
}

const countType = iterType("count", (cls, args, kwnames) => {
  const [start, step] = bindArgs("count", args, kwnames, ["start", "step"], 0);
  const s = start ?? 0, st = step ?? 1;
  if (!isNumber(s) || !isNumber(st)) raise(Exc.TypeError, "a number is required");
  const fast = typeof st === "number" && st === 1 && typeOf(st) !== typeOf(true) &&
    typeof intValueOf(s) === "number";
  return new PyCount(cls, fast ? intValueOf(s)! : s, st, fast);
});
countType.tp_iternext = (it) => {
  const c = it as PyCount;
  const v = c.current;
  if (c.fast && typeof v === "number" && v < Number.MAX_SAFE_INTEGER) c.current = v + 1;
  else c.current = binaryOp(v, c.step, NB_ADD);
  return v;
};
defMethod(countType, "__repr__", (args) => {
  const c = args[0] as PyCount;
  const name = shortTypeName(typeOf(c));
  const stepIsOne = typeof c.step === "number" && c.step === 1;
  return stepIsOne ? `${name}(${repr(c.current)})` : `${name}(${repr(c.current)}, ${repr(c.step)})`;
});

// ---------------------------------------------------------------------------------------------
// cycle, repeat

iterType("cycle", (cls, args, kwnames) => {
  expectArgs("cycle", args, kwnames, 1, 1);
  const it = getIter(args[0]);
  const saved: PyValue[] = [];
  let firstPass = true;
  let i = 0;
  return new PyNativeIterator(cls, () => {
    if (firstPass) {
      const v = nextOf(it);
      if (v !== undefined) {
        saved.push(v);
        return v;
      }
      firstPass = false;
    }
    if (saved.length === 0) return undefined;
    const v = saved[i];
    i = i + 1 === saved.length ? 0 : i + 1;
    return v;
  });
});

/** `repeat(object, times)`: `left` is -1 when unbounded. */
class PyRepeat extends PyObject {
  declare element: PyValue;
  declare left: number;
  constructor(cls: PyType, element: PyValue, left: number) {
    super();
    this.cls = cls;
    this.dict = null;
    this.element = element;
    this.left = left;
  }
}

const repeatType = iterType("repeat", (cls, args, kwnames) => {
  const [element, times] = bindArgs("repeat", args, kwnames, ["object", "times"], 1);
  let left = -1;
  if (times !== undefined) {
    const n = asSsizeArg(times);
    left = n < 0 ? 0 : n;
  }
  return new PyRepeat(cls, element!, left);
});
repeatType.tp_iternext = (it) => {
  const r = it as PyRepeat;
  if (r.left === 0) return undefined;
  if (r.left > 0) r.left--;
  return r.element;
};
defMethod(repeatType, "__repr__", (args) => {
  const r = args[0] as PyRepeat;
  const name = shortTypeName(typeOf(r));
  return r.left < 0 ? `${name}(${repr(r.element)})` : `${name}(${repr(r.element)}, ${r.left})`;
});
defMethod(repeatType, "__length_hint__", (args) => {
  const r = args[0] as PyRepeat;
  if (r.left < 0) raise(Exc.TypeError, "len() of unsized object");
  return r.left;
});

// ---------------------------------------------------------------------------------------------
// Iterators terminating on the shortest input

iterType("accumulate", (cls, args, kwnames) => {
  const [pos, kw] = splitKeywords(args, kwnames);
  if (pos.length > 2) {
    raise(Exc.TypeError, `accumulate() takes at most 2 positional arguments (${pos.length} given)`);
  }
  const [iterable, func, initial] = bindArgs("accumulate", args, kwnames, ["iterable", "func", "initial"], 1);
  void kw;
  const it = getIter(iterable!);
  const f = func === undefined || func === None ? null : func;
  let total: PyValue | undefined = initial === undefined || initial === None ? undefined : initial;
  let pendingInitial = total !== undefined;
  return new PyNativeIterator(cls, () => {
    if (pendingInitial) {
      pendingInitial = false;
      return total;
    }
    const v = nextOf(it);
    if (v === undefined) return undefined;
    total = total === undefined ? v : f === null ? binaryOp(total, v, NB_ADD) : call(f, [total, v]);
    return total;
  });
});

/** The chain iterator over a source of iterables (args tuple or from_iterable's input). */
function chainOver(cls: PyType, source: PyValue): PyNativeIterator {
  let active: PyValue | null = null;
  let sourceIt: PyValue | null = getIter(source);
  return new PyNativeIterator(cls, () => {
    for (;;) {
      if (active === null) {
        if (sourceIt === null) return undefined;
        const next = nextOf(sourceIt);
        if (next === undefined) {
          sourceIt = null;
          return undefined;
        }
        active = getIter(next);
      }
      const v = nextOf(active);
      if (v !== undefined) return v;
      active = null;
    }
  });
}

const chainType = iterType("chain", (cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "chain() takes no keyword arguments");
  return chainOver(cls, newTuple(args.slice()));
});
defClassMethod(chainType, "from_iterable", (args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, "chain.from_iterable() takes no keyword arguments");
  }
  if (args.length !== 2) {
    raise(Exc.TypeError, `chain.from_iterable() takes exactly one argument (${args.length - 1} given)`);
  }
  return chainOver(args[0] as PyType, args[1]);
});

iterType("compress", (cls, args, kwnames) => {
  const given = args.length - (kwnames === null ? 0 : kwnames.length);
  if (given > 2) raise(Exc.TypeError, `compress() takes at most 2 arguments (${given} given)`);
  const [data, selectors] = bindArgs("compress", args, kwnames, ["data", "selectors"], 2);
  const dataIt = getIter(data!), selIt = getIter(selectors!);
  return new PyNativeIterator(cls, () => {
    for (;;) {
      const d = nextOf(dataIt);
      if (d === undefined) return undefined;
      const s = nextOf(selIt);
      if (s === undefined) return undefined;
      if (isTrue(s)) return d;
    }
  });
});

iterType("dropwhile", (cls, args, kwnames) => {
  expectArgs("dropwhile", args, kwnames, 2, 2);
  const pred = args[0], it = getIter(args[1]);
  let dropping = true;
  return new PyNativeIterator(cls, () => {
    for (;;) {
      const v = nextOf(it);
      if (v === undefined) return undefined;
      if (!dropping) return v;
      if (!isTrue(call(pred, [v]))) {
        dropping = false;
        return v;
      }
    }
  });
});

iterType("takewhile", (cls, args, kwnames) => {
  expectArgs("takewhile", args, kwnames, 2, 2);
  const pred = args[0], it = getIter(args[1]);
  let stopped = false;
  return new PyNativeIterator(cls, () => {
    if (stopped) return undefined;
    const v = nextOf(it);
    if (v === undefined) return undefined;
    if (isTrue(call(pred, [v]))) return v;
    stopped = true;
    return undefined;
  });
});

iterType("filterfalse", (cls, args, kwnames) => {
  expectArgs("filterfalse", args, kwnames, 2, 2);
  const pred = args[0], it = getIter(args[1]);
  return new PyNativeIterator(cls, () => {
    for (;;) {
      const v = nextOf(it);
      if (v === undefined) return undefined;
      if (!isTrue(pred === None ? v : call(pred, [v]))) return v;
    }
  });
});

iterType("starmap", (cls, args, kwnames) => {
  expectArgs("starmap", args, kwnames, 2, 2);
  const f = args[0], it = getIter(args[1]);
  return new PyNativeIterator(cls, () => {
    const v = nextOf(it);
    if (v === undefined) return undefined;
    return call(f, toArray(v));
  });
});

iterType("pairwise", (cls, args, kwnames) => {
  expectArgs("pairwise", args, kwnames, 1, 1);
  let it: PyValue | null = getIter(args[0]);
  let old: PyValue | undefined = undefined;
  return new PyNativeIterator(cls, () => {
    if (it === null) return undefined;
    if (old === undefined) {
      old = nextOf(it);
      if (old === undefined) {
        it = null;
        return undefined;
      }
    }
    const v = nextOf(it);
    if (v === undefined) {
      it = null;
      old = undefined;
      return undefined;
    }
    const r = newTuple([old, v]);
    old = v;
    return r;
  });
});

iterType("zip_longest", (cls, args, kwnames) => {
  const [pos, kw] = splitKeywords(args, kwnames);
  let fill: PyValue = None;
  for (const [k, v] of kw) {
    if (k !== "fillvalue") raise(Exc.TypeError, "zip_longest() got an unexpected keyword argument");
    fill = v;
  }
  const its: (PyValue | null)[] = pos.map((a) => getIter(a));
  let active = its.length;
  return new PyNativeIterator(cls, () => {
    if (its.length === 0 || active === 0) return undefined;
    const out: PyValue[] = new Array(its.length);
    for (let i = 0; i < its.length; i++) {
      const it = its[i];
      let v: PyValue | undefined = it === null ? undefined : nextOf(it);
      if (v === undefined) {
        if (it !== null) {
          its[i] = null;
          active--;
          if (active === 0) return undefined;
        }
        v = fill;
      }
      out[i] = v;
    }
    return newTuple(out);
  });
});

// ---------------------------------------------------------------------------------------------
// islice

const STOP_MESSAGE = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDICES_MESSAGE = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/** A C ssize_t with errors turned into -1 (islice clears them and reports its own). */
function sizeOrMinusOne(v: PyValue): number {
  try {
    return asSsizeArg(v);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError) || isExceptionOf(e, Exc.OverflowError)) return -1;
    throw e;
  }
}

iterType("islice", (cls, args, kwnames) => {
  expectArgs("islice", args, kwnames, 2, 4);
  let start = 0, stop = -1, step = 1;
  if (args.length === 2) {
    if (args[1] !== None) {
      stop = sizeOrMinusOne(args[1]);
      if (stop < 0) raise(Exc.ValueError, STOP_MESSAGE);
    }
  } else {
    if (args[1] !== None) start = sizeOrMinusOne(args[1]);
    if (args[2] !== None) {
      stop = sizeOrMinusOne(args[2]);
      if (stop === -1) raise(Exc.ValueError, STOP_MESSAGE);
    }
  }
  if (start < 0 || stop < -1) raise(Exc.ValueError, INDICES_MESSAGE);
  if (args.length === 4 && args[3] !== None) step = sizeOrMinusOne(args[3]);
  if (step < 1) raise(Exc.ValueError, "Step for islice() must be a positive integer or None.");
  let it: PyValue | null = getIter(args[0]);
  let count = 0, next = start;
  return new PyNativeIterator(cls, () => {
    if (it === null) return undefined;
    while (count < next) {
      if (nextOf(it) === undefined) {
        it = null;
        return undefined;
      }
      count++;
    }
    if (stop !== -1 && count >= stop) {
      it = null;
      return undefined;
    }
    const v = nextOf(it);
    if (v === undefined) {
      it = null;
      return undefined;
    }
    count++;
    next += step;
    if (stop !== -1 && next > stop) next = stop;
    return v;
  });
});

// ---------------------------------------------------------------------------------------------
// groupby

/** The state shared by a groupby object and its current _grouper. */
class PyGroupBy extends PyObject {
  declare it: PyValue;
  declare keyfunc: PyValue;
  declare targetKey: PyValue | undefined;
  declare currentKey: PyValue | undefined;
  declare currentValue: PyValue | undefined;
  declare currentGrouper: PyGrouper | null;
  constructor(cls: PyType, it: PyValue, keyfunc: PyValue) {
    super();
    this.cls = cls;
    this.dict = null;
    this.it = it;
    this.keyfunc = keyfunc;
    this.targetKey = undefined;
    this.currentKey = undefined;
    this.currentValue = undefined;
    this.currentGrouper = null;
  }

  /** Reads the next value and its key; false when the input is exhausted. */
  step(): boolean {
    const v = nextOf(this.it);
    if (v === undefined) return false;
    this.currentKey = this.keyfunc === None ? v : call(this.keyfunc, [v]);
    this.currentValue = v;
    return true;
  }
}

class PyGrouper extends PyObject {
  declare parent: PyGroupBy;
  declare targetKey: PyValue;
  constructor(cls: PyType, parent: PyGroupBy, targetKey: PyValue) {
    super();
    this.cls = cls;
    this.dict = null;
    this.parent = parent;
    this.targetKey = targetKey;
  }
}

const groupbyType = iterType("groupby", (cls, args, kwnames) => {
  const [iterable, key] = bindArgs("groupby", args, kwnames, ["iterable", "key"], 1);
  return new PyGroupBy(cls, getIter(iterable!), key ?? None);
});
const grouperType = moduleIteratorType(MOD, "_grouper", 0);
groupbyType.tp_iternext = (it) => {
  const g = it as PyGroupBy;
  g.currentGrouper = null;
  for (;;) {
    if (g.currentKey === undefined) {
      if (!g.step()) return undefined;
    } else if (g.targetKey === undefined) break;
    else if (richEq(g.targetKey, g.currentKey)) {
      if (!g.step()) return undefined;
    } else break;
  }
  g.targetKey = g.currentKey;
  const grouper = new PyGrouper(grouperType, g, g.targetKey!);
  g.currentGrouper = grouper;
  return newTuple([g.currentKey!, grouper]);
};
grouperType.tp_iternext = (it) => {
  const gr = it as PyGrouper;
  const g = gr.parent;
  if (g.currentGrouper !== gr) return undefined;
  if (g.currentValue === undefined) {
    if (!g.step()) return undefined;
  }
  if (!richEq(gr.targetKey, g.currentKey!)) return undefined;
  const v = g.currentValue!;
  g.currentValue = undefined;
  g.currentKey = undefined;
  return v;
};

// ---------------------------------------------------------------------------------------------
// tee

/** Values read from the source, in chunks linked in order (consumed chunks are freed). */
class TeeChunk {
  values: PyValue[] = [];
  next: TeeChunk | null = null;
}
const TEE_CHUNK = 57;

/** The source iterator shared by the tees of one tee() call. */
class TeeSource {
  done = false;
  constructor(public it: PyValue) {}
}

class PyTee extends PyObject {
  declare source: TeeSource;
  declare chunk: TeeChunk;
  declare index: number;
  constructor(cls: PyType, source: TeeSource, chunk: TeeChunk, index: number) {
    super();
    this.cls = cls;
    this.dict = null;
    this.source = source;
    this.chunk = chunk;
    this.index = index;
  }
}

const teeType = moduleIteratorType(MOD, "_tee", 0);
teeType.tp_iternext = (it) => {
  const t = it as PyTee;
  if (t.index === TEE_CHUNK) {
    if (t.chunk.next === null) t.chunk.next = new TeeChunk();
    t.chunk = t.chunk.next;
    t.index = 0;
  }
  const values = t.chunk.values;
  if (t.index < values.length) return values[t.index++];
  if (t.source.done) return undefined;
  const v = nextOf(t.source.it);
  if (v === undefined) {
    t.source.done = true;
    return undefined;
  }
  values.push(v);
  t.index++;
  return v;
};
teeType.tp_new = (_cls, args, kwnames) => {
  expectArgs("_tee", args, kwnames, 1, 1);
  return newTeeFrom(args[0]);
};
installNew(teeType);

function copyTee(t: PyTee): PyTee {
  return new PyTee(teeType, t.source, t.chunk, t.index);
}

/** A tee over any iterable; a tee object is copied instead (so that it is not consumed twice). */
function newTeeFrom(iterable: PyValue): PyTee {
  const it = getIter(iterable);
  if (it instanceof PyTee) return copyTee(it);
  return new PyTee(teeType, new TeeSource(it), new TeeChunk(), 0);
}
defMethod(teeType, "__copy__", (args) => copyTee(args[0] as PyTee));

function tee(args: PyValue[], kwnames: string[] | null): PyValue {
  expectArgs("tee", args, kwnames, 1, 2);
  const n = args.length > 1 ? asSsizeArg(args[1]) : 2;
  if (n < 0) raise(Exc.ValueError, "n must be >= 0");
  const out: PyValue[] = [];
  if (n === 0) {
    getIter(args[0]);
    return newTuple(out);
  }
  if (n > MAX_ARRAY_LENGTH) memoryError();
  checkHeap(n * 64);
  const first = newTeeFrom(args[0]);
  out.push(first);
  for (let i = 1; i < n; i++) out.push(copyTee(first));
  return newTuple(out);
}

// ---------------------------------------------------------------------------------------------
// Combinatoric iterators

/** The r argument of permutations/combinations: a non-negative int. */
function rArgument(v: PyValue, expectedMessage: string): number {
  const n = intValueOf(v);
  if (n === undefined) raise(Exc.TypeError, expectedMessage);
  const r = asSsizeArg(n);
  if (r < 0) raise(Exc.ValueError, "r must be non-negative");
  return r;
}

/** Yields `pool[i]` for each index: the tuples the combinatoric iterators produce. */
function pick(pool: PyValue[], indices: number[], count: number): PyValue {
  const out: PyValue[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = pool[indices[i]];
  return newTuple(out);
}

iterType("product", (cls, args, kwnames) => {
  const [pos, kw] = splitKeywords(args, kwnames);
  let repeat = 1;
  for (const [k, v] of kw) {
    if (k !== "repeat") raise(Exc.TypeError, `'${k}' is an invalid keyword argument for product()`);
    repeat = asSsizeArg(v);
    if (repeat < 0) raise(Exc.ValueError, "repeat argument cannot be negative");
  }
  const base = pos.map((a) => toArray(a));
  if (base.length > 0 && repeat > 0) {
    // CPython sizes an array of ssize_t indices, one per pool.
    if (base.length > (2 ** 63 - 1) / 8 / repeat) raise(Exc.OverflowError, "repeat argument too large");
    if (base.length * repeat > MAX_ARRAY_LENGTH) memoryError();
  }
  const pools: PyValue[][] = [];
  if (base.length > 0) { for (let r = 0; r < repeat; r++) pools.push(...base); }
  const n = pools.length;
  const indices: number[] = new Array(n).fill(0);
  let state = pools.some((p) => p.length === 0) ? 2 : 0; // 0 first, 1 running, 2 done
  return new PyNativeIterator(cls, () => {
    if (state === 2) return undefined;
    if (state === 0) state = 1;
    else {
      let i = n - 1;
      for (; i >= 0; i--) {
        indices[i]++;
        if (indices[i] < pools[i].length) break;
        indices[i] = 0;
      }
      if (i < 0) {
        state = 2;
        return undefined;
      }
    }
    const out: PyValue[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = pools[i][indices[i]];
    return newTuple(out);
  });
});

iterType("permutations", (cls, args, kwnames) => {
  const [iterable, rArg] = bindArgs("permutations", args, kwnames, ["iterable", "r"], 1);
  const pool = toArray(iterable!);
  const n = pool.length;
  const r = rArg === undefined || rArg === None ? n : rArgument(rArg, "Expected int as r");
  const indices = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  let state = r > n ? 2 : 0;
  return new PyNativeIterator(cls, () => {
    if (state === 2) return undefined;
    if (state === 0) {
      state = 1;
      return pick(pool, indices, r);
    }
    for (let i = r - 1; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        const first = indices[i];
        for (let k = i; k < n - 1; k++) indices[k] = indices[k + 1];
        indices[n - 1] = first;
        cycles[i] = n - i;
      } else {
        const j = n - cycles[i];
        const t = indices[i];
        indices[i] = indices[j];
        indices[j] = t;
        return pick(pool, indices, r);
      }
    }
    state = 2;
    return undefined;
  });
});

iterType("combinations", (cls, args, kwnames) => {
  const [iterable, rArg] = bindArgs("combinations", args, kwnames, ["iterable", "r"], 2);
  const pool = toArray(iterable!);
  const n = pool.length;
  const r = rArgument(rArg!, `'${typeOf(rArg!).name}' object cannot be interpreted as an integer`);
  const indices = Array.from({ length: r }, (_, i) => i);
  let state = r > n ? 2 : 0;
  return new PyNativeIterator(cls, () => {
    if (state === 2) return undefined;
    if (state === 0) {
      state = 1;
      return pick(pool, indices, r);
    }
    let i = r - 1;
    while (i >= 0 && indices[i] === i + n - r) i--;
    if (i < 0) {
      state = 2;
      return undefined;
    }
    indices[i]++;
    for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
    return pick(pool, indices, r);
  });
});

iterType("combinations_with_replacement", (cls, args, kwnames) => {
  const [iterable, rArg] = bindArgs("combinations_with_replacement", args, kwnames, ["iterable", "r"], 2);
  const pool = toArray(iterable!);
  const n = pool.length;
  const r = rArgument(rArg!, `'${typeOf(rArg!).name}' object cannot be interpreted as an integer`);
  const indices: number[] = new Array(r).fill(0);
  let state = n === 0 && r > 0 ? 2 : 0;
  return new PyNativeIterator(cls, () => {
    if (state === 2) return undefined;
    if (state === 0) {
      state = 1;
      return pick(pool, indices, r);
    }
    let i = r - 1;
    while (i >= 0 && indices[i] === n - 1) i--;
    if (i < 0) {
      state = 2;
      return undefined;
    }
    const v = indices[i] + 1;
    for (let j = i; j < r; j++) indices[j] = v;
    return pick(pool, indices, r);
  });
});

// ---------------------------------------------------------------------------------------------
// The module

/** Builds the itertools module. */
export function makeItertoolsModule(): PyModule {
  const values: Record<string, PyValue> = { _tee: teeType, _grouper: grouperType };
  for (const [name, t] of TYPES) values[name] = t;
  return buildModule(
    MOD,
    "Functional tools for creating and using iterators.",
    { tee },
    values,
  );
}
