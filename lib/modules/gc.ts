/**
 * The `gc` module → a module object whose functions keep CPython's interface (enable, disable,
 * isenabled, collect, get_count, get/set_threshold, get/set_debug, garbage, callbacks, get_stats,
 * is_tracked, is_finalized, freeze/unfreeze, get_referents) in a host that collects by itself.
 *
 * What they mean here: pyjit's objects are JavaScript objects, reclaimed by the JavaScript
 * engine's collector, which runs when it decides and finds cycles itself; Python code cannot
 * start or stop it. So `enable`/`disable`/`isenabled`, the thresholds and the debug flags are
 * remembered and reported but change nothing; `collect()` runs the `gc.callbacks` ("start" and
 * "stop" with CPython's info dicts) and the weakref callbacks whose referents the host has
 * collected since (lib/modules/_weakref.ts), and returns how many such referents it found;
 * `get_count()` is (0, 0, 0) (allocations are not counted); `garbage` stays empty (the host has
 * no uncollectable cycles). `get_objects` and `get_referrers` would need a walk of the whole heap,
 * which the host does not offer: they raise NotImplementedError.
 *
 * @example
 * ```ts
 * import { makeGcModule } from "./gc.ts";
 * const gc = makeGcModule();
 * ```
 * @module
 */
import {
  Exc,
  None,
  PyDict,
  PyFloat,
  PyInstance,
  PyList,
  PySet,
  PyStrObject,
  PyTuple,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, call } from "../../objects/ops.ts";
import { runPendingWeakrefCallbacks } from "./_weakref.ts";
import { writeUnraisable } from "./unraisable.ts";
import { buildModule } from "./_native.ts";

const DEBUG_FLAGS: Record<string, number> = {
  DEBUG_STATS: 1,
  DEBUG_COLLECTABLE: 2,
  DEBUG_UNCOLLECTABLE: 4,
  DEBUG_SAVEALL: 32,
  DEBUG_LEAK: 38,
};

const GENERATIONS = 3;

/** The collector's settings as the program set them (one module object per run). */
interface GcState {
  enabled: boolean;
  thresholds: [number | bigint, number | bigint, number | bigint];
  debug: number | bigint;
  collections: number[];
}

/** Values that hold no references to other objects (CPython never tracks them). */
function isAtomic(v: PyValue): boolean {
  return typeof v !== "object" || v === None || v instanceof PyFloat || v instanceof PyStrObject ||
    typeOf(v).name === "bytes" || typeOf(v).name === "complex";
}

/** `gc.is_tracked`: CPython's rules (atoms never; dicts only once they hold a non-atom). */
function isTracked(v: PyValue): boolean {
  if (isAtomic(v)) return false;
  if (v instanceof PyDict) {
    return v.keyList().some((k) => !isAtomic(k)) || v.valueList().some((x) => !isAtomic(x));
  }
  return true;
}

/** What `gc.get_referents` reports for one object, in CPython's traversal order. */
function referentsOf(v: PyValue): PyValue[] {
  if (isAtomic(v)) return [];
  if (v instanceof PyList || v instanceof PyTuple) return [...v.items].reverse();
  if (v instanceof PyDict) {
    const keys = v.keyList(), values = v.valueList();
    const out: PyValue[] = [];
    for (let i = 0; i < keys.length; i++) out.push(values[i], keys[i]);
    return out;
  }
  if (v instanceof PySet) return v.items();
  if (v instanceof PyInstance) {
    const out: PyValue[] = [];
    if (v.dict !== null) out.push(v.dict);
    else if (v.values !== null) out.push(...v.values);
    for (const s of v.slots ?? []) if (s !== undefined) out.push(s);
    out.push(v.cls);
    return out;
  }
  return raise(
    Exc.NotImplementedError,
    `gc.get_referents() of a '${typeOf(v).name}' object is not supported by pyjit`,
  );
}

function generationArg(v: PyValue | undefined): number {
  if (v === undefined) return GENERATIONS - 1;
  const g = asIndex(v);
  if (g < 0 || g >= GENERATIONS) raise(Exc.ValueError, "invalid generation");
  return Number(g);
}

/** Builds the `gc` module. */
export function makeGcModule(): ReturnType<typeof buildModule> {
  const state: GcState = { enabled: true, thresholds: [700, 10, 10], debug: 0, collections: [0, 0, 0] };
  const callbacks = new PyList([]);
  const garbage = new PyList([]);

  function runCallbacks(phase: string, generation: number, collected: number): void {
    for (const cb of [...callbacks.items]) {
      const info = new PyDict();
      info.setStr("generation", generation);
      info.setStr("collected", collected);
      info.setStr("uncollectable", 0);
      try {
        call(cb, [phase, info]);
      } catch (e) {
        writeUnraisable("Exception ignored in garbage collector callback:", e);
      }
    }
  }

  const noArgs = (name: string, args: PyValue[], kwnames: string[] | null) => {
    if (args.length > 0) raise(Exc.TypeError, `${name}() takes no arguments (${args.length} given)`);
    void kwnames;
  };

  return buildModule("gc", "This module provides access to the garbage collector for reference cycles.", {
    enable(args, kwnames) {
      noArgs("enable", args, kwnames);
      state.enabled = true;
      return None;
    },
    disable(args, kwnames) {
      noArgs("disable", args, kwnames);
      state.enabled = false;
      return None;
    },
    isenabled(args, kwnames) {
      noArgs("isenabled", args, kwnames);
      return state.enabled;
    },
    collect(args, kwnames) {
      let g: PyValue | undefined = args[0];
      if (kwnames !== null && kwnames.length > 0) {
        if (kwnames.length > 1 || kwnames[0] !== "generation" || args.length > 1) {
          raise(Exc.TypeError, `collect() got an unexpected keyword argument '${kwnames[0]}'`);
        }
        g = args[args.length - 1];
      } else if (args.length > 1) {
        raise(Exc.TypeError, `collect() takes at most 1 argument (${args.length} given)`);
      }
      const generation = generationArg(g);
      runCallbacks("start", generation, 0);
      const found = runPendingWeakrefCallbacks();
      state.collections[generation]++;
      runCallbacks("stop", generation, found);
      return found;
    },
    get_count(args, kwnames) {
      noArgs("get_count", args, kwnames);
      return new PyTuple([0, 0, 0]);
    },
    get_threshold(args, kwnames) {
      noArgs("get_threshold", args, kwnames);
      return new PyTuple([...state.thresholds]);
    },
    set_threshold(args, kwnames) {
      if (kwnames !== null && kwnames.length > 0) {
        raise(Exc.TypeError, "set_threshold() takes no keyword arguments");
      }
      if (args.length < 1) raise(Exc.TypeError, `set_threshold() takes at least 1 argument (0 given)`);
      if (args.length > 3) {
        raise(Exc.TypeError, `set_threshold() takes at most 3 arguments (${args.length} given)`);
      }
      args.forEach((a, i) => state.thresholds[i] = asIndex(a));
      return None;
    },
    get_debug(args, kwnames) {
      noArgs("get_debug", args, kwnames);
      return state.debug;
    },
    set_debug(args, kwnames) {
      if (args.length !== 1) {
        raise(Exc.TypeError, `set_debug() takes exactly one argument (${args.length} given)`);
      }
      void kwnames;
      state.debug = asIndex(args[0]);
      return None;
    },
    get_stats(args, kwnames) {
      noArgs("get_stats", args, kwnames);
      return new PyList(state.collections.map((n) => {
        const d = new PyDict();
        d.setStr("collections", n);
        d.setStr("collected", 0);
        d.setStr("uncollectable", 0);
        return d;
      }));
    },
    is_tracked(args) {
      if (args.length !== 1) {
        raise(Exc.TypeError, `gc.is_tracked() takes exactly one argument (${args.length} given)`);
      }
      return isTracked(args[0]);
    },
    is_finalized(args) {
      if (args.length !== 1) {
        raise(Exc.TypeError, `gc.is_finalized() takes exactly one argument (${args.length} given)`);
      }
      return false;
    },
    freeze(args, kwnames) {
      noArgs("freeze", args, kwnames);
      return None;
    },
    unfreeze(args, kwnames) {
      noArgs("unfreeze", args, kwnames);
      return None;
    },
    get_freeze_count(args, kwnames) {
      noArgs("get_freeze_count", args, kwnames);
      return 0;
    },
    get_referents(args) {
      const out: PyValue[] = [];
      for (const a of args) out.push(...referentsOf(a));
      return new PyList(out);
    },
    get_referrers() {
      return raise(Exc.NotImplementedError, "gc.get_referrers() is not supported by pyjit");
    },
    get_objects() {
      return raise(Exc.NotImplementedError, "gc.get_objects() is not supported by pyjit");
    },
  }, { ...DEBUG_FLAGS, garbage, callbacks });
}
