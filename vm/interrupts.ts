/**
 * Asynchronous events the running Python code must notice: a SIGINT (→ KeyboardInterrupt, as
 * CPython's signal handler raises it) and an embedder's budget (time or loop steps, → a
 * KeyboardInterrupt naming the budget). In: a flag written by a native signal handler
 * (driver/signals.ts installs it; it writes `signalFlags[0]` from any thread, no JS runs), and the
 * budget of the current run. Out: `checkInterrupts()`, which raises at a safe point.
 *
 * Where the checks happen (the "eval breaker" of CPython): every BACK_EDGES_PER_CHECK back-edges
 * (JUMP_BACKWARD), every CHECK_INTERVAL Python calls (the loop's frame entry), in `time.sleep`
 * (which sleeps in slices) and in reads of stdin (a read interrupted by the signal raises).
 *
 * The native handler is installed lazily (dlopen costs about a millisecond): at the first check,
 * or before a blocking sleep or read. Until then SIGINT keeps its default action, which ends the
 * process as CPython's does before its handler is in place.
 *
 * @example
 * ```ts
 * import { checkInterrupts, signalFlags } from "./interrupts.ts";
 * signalFlags[0] = 1;
 * try { checkInterrupts(); } catch (e) { console.log((e as { cls: { name: string } }).cls.name); } // KeyboardInterrupt
 * ```
 * @module
 */
import { Exc, newException } from "../objects/object.ts";
import { setStdinInterruptHooks } from "../objects/stdio.ts";
import { checkHeapAtLoop, LOOP_ITERATION_BYTES } from "../objects/heap_guard.ts";

/** Python calls between two checks. */
export const CHECK_INTERVAL = 1024;

/** The longest slice of a sleep between two checks, in milliseconds. */
const SLEEP_SLICE_MS = 20;

/**
 * Written by the native SIGINT handler: [0] is non-zero when a SIGINT arrived and was not handled
 * yet. Its own ArrayBuffer, so that its memory never moves (the handler writes to its address).
 */
export const signalFlags: Int32Array = new Int32Array(new ArrayBuffer(16));

/** The budget of the running code and the lazy signal-handler installer. */
export const interruptState: {
  /** `performance.now()` after which the running code is stopped (Infinity: no time budget). */
  deadline: number;
  /** Loop steps (back-edges) left before the running code is stopped (Infinity: no budget). */
  stepsLeft: number;
  /** What the KeyboardInterrupt of an exhausted budget says. */
  budgetMessage: string;
  /** Installs the native SIGINT handler (called once, at the first check), or null. */
  installSignalHandler: (() => void) | null;
} = {
  deadline: Infinity,
  stepsLeft: Infinity,
  budgetMessage: "",
  installSignalHandler: null,
};

/** Raises KeyboardInterrupt when a SIGINT arrived or the budget is spent; else returns. */
export function checkInterrupts(): void {
  checkAfter(0);
}

/**
 * The check the loop makes every BACK_EDGES_PER_CHECK back-edges (JUMP_BACKWARD, before it jumps,
 * so that what it raises is raised inside the loop, where the loop's handlers see it): those
 * back-edges are counted against a step budget.
 */
export function checkAtBackEdges(): void {
  // The heap guard, charged for the loop's own allocations (MemoryError rather than V8's crash).
  checkHeapAtLoop(BACK_EDGES_PER_CHECK * LOOP_ITERATION_BYTES);
  checkAfter(BACK_EDGES_PER_CHECK);
}

/** Back-edges between two checks (JUMP_BACKWARD counts them; checkAtBackEdges). */
export const BACK_EDGES_PER_CHECK = 256;

/**
 * JUMP_BACKWARD checks when `(back-edges & mask) === 0`: every BACK_EDGES_PER_CHECK back-edges,
 * and at every back-edge once a budget is spent (so that code catching the KeyboardInterrupt in
 * an inner loop is stopped again at the outer loop's next jump, outside its handler).
 */
export const backEdgeChecks: { mask: number } = { mask: BACK_EDGES_PER_CHECK - 1 };

function checkAfter(steps: number): void {
  backEdgeChecks.mask = interruptState.deadline === -Infinity ? 0 : BACK_EDGES_PER_CHECK - 1;
  if (interruptState.installSignalHandler !== null) installNow();
  if (signalFlags[0] !== 0) {
    signalFlags[0] = 0;
    throw newException(Exc.KeyboardInterrupt, []);
  }
  if (interruptState.deadline !== Infinity || interruptState.stepsLeft !== Infinity) checkBudget(steps);
}

/** Installs the SIGINT handler now, if one is wanted and not installed yet. */
export function installNow(): void {
  const install = interruptState.installSignalHandler;
  if (install === null) return;
  interruptState.installSignalHandler = null;
  install();
}

function checkBudget(steps: number): void {
  const s = interruptState;
  s.stepsLeft -= steps;
  if (s.stepsLeft <= 0 || (s.deadline !== Infinity && performance.now() >= s.deadline)) {
    // Spent budgets stay spent: code that catches the exception is stopped again at its next check.
    s.stepsLeft = 0;
    s.deadline = -Infinity;
    backEdgeChecks.mask = 0;
    throw newException(Exc.KeyboardInterrupt, [s.budgetMessage]);
  }
}

/** Python calls left before the next check at a call (see checkAtCall). */
export const callCountdown: { left: number } = { left: CHECK_INTERVAL };

/**
 * The check at a Python call: the loop's frame entry (vm/interp_support.ts enterFrame) calls it
 * every CHECK_INTERVAL calls, before it pushes the callee, so that code that recurses without
 * loops (fib(35)) is interrupted too.
 */
export function checkAtCall(): void {
  callCountdown.left = CHECK_INTERVAL;
  if (signalFlags[0] === 0 && interruptState.deadline === Infinity && interruptState.stepsLeft === Infinity) {
    if (interruptState.installSignalHandler !== null) installNow();
    return;
  }
  checkInterrupts();
}

/**
 * Sleeps `ms` milliseconds without spinning, in slices, checking for interrupts between them (a
 * SIGINT raises KeyboardInterrupt within a slice; a time budget that ends first raises at its end).
 */
export function sleepInterruptibly(ms: number): void {
  installNow();
  checkInterrupts();
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const end = performance.now() + ms;
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) return;
    const deadlineLeft = interruptState.deadline - performance.now();
    Atomics.wait(cell, 0, 0, Math.max(0, Math.min(left, SLEEP_SLICE_MS, deadlineLeft)));
    checkInterrupts();
  }
}

// Reads of stdin: install the handler before blocking; a read interrupted by a signal raises.
setStdinInterruptHooks(installNow, checkInterrupts);
