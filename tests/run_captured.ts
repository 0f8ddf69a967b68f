/**
 * Test helper: runs a Python program in-process through runProgram and captures its exit status,
 * stdout and stderr (the process streams are redirected while it runs).
 * @module
 */
import { runProgram, type TierName } from "../driver/run.ts";
import { setOutputSinks } from "../objects/stdio.ts";
import { resetTunables, setTunables } from "../instructions/tunables.ts";

/**
 * JIT thresholds for programs of test size: loops traced after 16 back-edges and loop-less
 * functions after 64 calls (the defaults wait longer, which test programs seldom reach).
 */
export const TEST_SIZE_THRESHOLDS = "hot_loop_threshold=16,hot_function_threshold=64";

/** Runs `fn` with the tunables of `list` (`name=value,…`), then puts every tunable back. */
export function withTunables<T>(list: string, fn: () => T): T {
  setTunables(list);
  try {
    return fn();
  } finally {
    resetTunables();
  }
}

/** Runs one program in-process on `tier`; returns its status, stdout and stderr. */
export function runCaptured(
  source: string,
  filename: string,
  tier: TierName = "specialized",
): { status: number; stdout: string; stderr: string } {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const old = setOutputSinks((b) => out.push(b.slice()), (b) => err.push(b.slice()));
  let status: number;
  try {
    status = runProgram(source, {
      filename,
      argv: [filename],
      tier,
      stats: false,
      dumpTraces: false,
    });
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
  const dec = (chunks: Uint8Array[]) => new TextDecoder().decode(concat(chunks));
  return { status, stdout: dec(out), stderr: dec(err) };
}

/**
 * Runs `source` under `--tier jit` on the JavaScript backend (tests read its generated code;
 * tests/native_backend_test.ts runs the native one), with --stats on, maybe --dump-traces, the
 * test-size thresholds and `moreTunables` (`name=value,…`); returns stdout and stderr. The JIT's
 * counters (jit/tier.ts jitStats) are this run's afterwards.
 */
export function runJit(
  source: string,
  filename: string,
  dumpTraces = false,
  moreTunables = "",
): { stdout: string; stderr: string } {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const old = setOutputSinks((b) => out.push(b.slice()), (b) => err.push(b.slice()));
  try {
    withTunables(
      moreTunables === "" ? TEST_SIZE_THRESHOLDS : `${TEST_SIZE_THRESHOLDS},${moreTunables}`,
      () =>
        runProgram(source, {
          filename,
          argv: [filename],
          tier: "jit",
          stats: true,
          dumpTraces,
          jitBackend: "js",
        }),
    );
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
  const dec = (chunks: Uint8Array[]) => new TextDecoder().decode(concat(chunks));
  return { stdout: dec(out), stderr: dec(err) };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
