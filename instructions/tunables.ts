/**
 * The tunables of tiers 2 and 3: one row each (name, default, allowed range, why) → the values the
 * specializer and the JIT read (`tunables.NAME`), and the parsing of `--jit-param name=value` and of
 * the PYJIT_PARAMS environment variable (`name=value,name=value`), with errors that name the row.
 *
 * @example
 * ```ts
 * import { setTunable, tunables } from "./tunables.ts";
 * setTunable("hot_loop_threshold=64");
 * console.log(tunables.hot_loop_threshold); // 64
 * ```
 * @module
 */

/** One tunable. */
export interface Tunable {
  readonly name: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** One line of why it exists and what moving it does. */
  readonly why: string;
}

/** Every tunable. */
export const TUNABLES = [
  {
    name: "adaptive_warmup",
    default: 8,
    min: 1,
    max: 65535,
    why: "executions of an adaptive instruction before it first tries to specialize (CPython: 1 in 3.12+)",
  },
  {
    name: "adaptive_backoff_max",
    default: 12,
    min: 0,
    max: 16,
    why: "a failed specialization waits 2**k executions, k growing by one per failure up to this",
  },
  {
    name: "deopt_misses",
    default: 16,
    min: 1,
    max: 65535,
    why: "guard misses a specialized instruction tolerates (running its generic path) before it deoptimizes",
  },
  {
    name: "hot_loop_threshold",
    default: 128,
    min: 1,
    max: 1 << 20,
    why:
      "back-edges of a loop before it is traced (CPython 3.13: 16; PyPy: 1039). Lower made imports pay for traces they barely run",
  },
  {
    name: "hot_function_threshold",
    default: 1024,
    min: 1,
    max: 1 << 20,
    why:
      "calls of a loop-less function before a trace starts at its entry (recursion; PyPy: 1619). At 64, importing typing traced its helpers",
  },
  {
    name: "trace_backoff_max",
    default: 12,
    min: 0,
    max: 20,
    why: "an aborted or invalidated trace waits 2**k more back-edges, k growing up to this",
  },
  {
    name: "hot_exit_threshold",
    default: 32,
    min: 1,
    max: 1 << 20,
    why: "times a side exit fires before it gets a side trace of its own",
  },
  {
    name: "max_trace_length",
    default: 800,
    min: 16,
    max: 1 << 16,
    why: "uops in one trace before recording stops (keeps generated functions well under V8's size limit)",
  },
  {
    name: "max_trace_code",
    default: 40000,
    min: 1000,
    max: 1 << 24,
    why:
      "characters of a trace's JavaScript function (exit stubs apart) that side paths and inlined loops may grow it to: V8 optimizes functions only below 60 KB of bytecode",
  },
  {
    name: "max_unrolled_iterations",
    default: 4,
    min: 0,
    max: 64,
    why:
      "iterations of an inner `while` loop a loop's trace goes through (each count a branch): a tokenizer's digit run; longer ones keep their own trace",
  },
  {
    name: "max_function_iterations",
    default: 1,
    min: 0,
    max: 64,
    why:
      "iterations of its loops a function's trace goes through where they have no trace of their own (each count a branch, each side path running to the return): logging's walk up the frames",
  },
  {
    name: "max_inline_depth",
    default: 4,
    min: 0,
    max: 32,
    why: "nested Python calls a trace follows into (their frames are virtual)",
  },
] as const satisfies readonly Tunable[];

/** A tunable's name. */
export type TunableName = typeof TUNABLES[number]["name"];

/** The current values (the defaults until --jit-param or PYJIT_PARAMS set them). */
export const tunables: Record<TunableName, number> = Object.fromEntries(
  TUNABLES.map((t) => [t.name, t.default]),
) as Record<TunableName, number>;

/** Sets one tunable from `name=value`; throws an Error whose message names the problem. */
export function setTunable(assignment: string): void {
  const eq = assignment.indexOf("=");
  if (eq < 0) throw new Error(`--jit-param wants name=value, not '${assignment}'`);
  const name = assignment.slice(0, eq).trim();
  const text = assignment.slice(eq + 1).trim();
  const row = (TUNABLES as readonly Tunable[]).find((t) => t.name === name);
  if (row === undefined) {
    throw new Error(`unknown JIT parameter '${name}' (known: ${TUNABLES.map((t) => t.name).join(", ")})`);
  }
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new Error(`JIT parameter ${name} wants an integer, not '${text}'`);
  }
  if (value < row.min || value > row.max) {
    throw new Error(`JIT parameter ${name} must be between ${row.min} and ${row.max}, not ${value}`);
  }
  tunables[name as TunableName] = value;
}

/** Sets every assignment of a `name=value,name=value` list (PYJIT_PARAMS). */
export function setTunables(list: string): void {
  for (const part of list.split(",")) if (part.trim() !== "") setTunable(part);
}

/** Puts every tunable back to its default. */
export function resetTunables(): void {
  for (const t of TUNABLES) tunables[t.name] = t.default;
}
