/**
 * Asynchronous events the running Python code must notice: a SIGINT (→ KeyboardInterrupt, as
 * CPython's signal handler raises it) and an embedder's budget (time or loop steps, → a
 * KeyboardInterrupt naming the budget). In: a flag written by a native signal handler
 * (driver/signals.ts installs it; it writes `signalFlags[0]` from any thread, no JS runs), and the
 * budget of the current run. Out: `checkInterrupts()`, which raises at a safe point.
 *
 * Where the checks happen (the "eval breaker" of CPython): every CHECK_INTERVAL back-edges of a
 * code object (through the tier's hot-loop hook, see `interruptible`), in `time.sleep` (which
 * sleeps in slices) and in reads of stdin (a read interrupted by the signal raises). A Python
 * call does not check yet (`checkAtCall` is ready for the loop's frame entry): a program that
 * recurses without loops is interrupted only at its next loop, sleep or read.
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
import { Exc, newException, type PyBaseException } from "../objects/object.ts";
import { CACHE_SIZE, opcode } from "../instructions/opcodes.ts";
import type { PyCode } from "../objects/code.ts";
import { setStdinInterruptHooks } from "../objects/stdio.ts";
import { checkHeap, LOOP_ITERATION_BYTES } from "../objects/heap_guard.ts";
import type { Frame } from "./frame.ts";
import type { Tier } from "./tier.ts";

const JUMP_BACKWARD = opcode("JUMP_BACKWARD");
const RAISE_VARARGS = opcode("RAISE_VARARGS");
const EXTENDED_ARG = opcode("EXTENDED_ARG");

/** Back-edges of one code object between two checks. */
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
  if (interruptState.installSignalHandler !== null) installNow();
  if (patchedUnits.length > 0) restorePatchedUnits();
  if (signalFlags[0] !== 0) {
    signalFlags[0] = 0;
    throw newException(Exc.KeyboardInterrupt, []);
  }
  if (interruptState.deadline !== Infinity || interruptState.stepsLeft !== Infinity) checkBudget(0);
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
    throw newException(Exc.KeyboardInterrupt, [s.budgetMessage]);
  }
}

/** The exception an interrupt check at a back-edge raises now, or null (nothing pending). */
function pendingAtBackEdge(): PyBaseException | null {
  // The heap guard, charged for the loop's own allocations (MemoryError rather than V8's crash).
  try {
    checkHeap(CHECK_INTERVAL * LOOP_ITERATION_BYTES);
  } catch (e) {
    return e as PyBaseException;
  }
  if (interruptState.installSignalHandler !== null) installNow();
  if (signalFlags[0] !== 0) {
    signalFlags[0] = 0;
    return newException(Exc.KeyboardInterrupt, []);
  }
  if (interruptState.deadline !== Infinity || interruptState.stepsLeft !== Infinity) {
    try {
      checkBudget(CHECK_INTERVAL);
    } catch (e) {
      return e as PyBaseException;
    }
  }
  return null;
}

/** Cache units of JUMP_BACKWARD rewritten to raise (see raiseAtBackEdge), put back at the next check. */
const patchedUnits: { code: PyCode; index: number; word: number }[] = [];

function restorePatchedUnits(): void {
  for (const p of patchedUnits) p.code.code[p.index] = p.word;
  patchedUnits.length = 0;
}

/**
 * Raises `exc` as if the JUMP_BACKWARD that jumps to `target` had raised it, so that the loop's
 * own `try` handlers (`except KeyboardInterrupt`, `finally`) see it and the traceback names the
 * loop's line. The hot-loop hook runs after the jump already moved the loop's position to the
 * loop's head, and a throw there would be looked up at the instruction before the head (outside
 * the loop's handlers). So: the JUMP_BACKWARD's cache unit (never executed, never read) becomes
 * `RAISE_VARARGS 1`, the exception is pushed, and the loop resumes at that unit; the unit gets
 * its word back at the next check. Returns the unit to resume at, or -1 if no jump was found.
 */
function raiseAtBackEdge(frame: Frame, target: number, exc: PyBaseException): number {
  const code = frame.code;
  const bc = code.code;
  let jump = -1;
  for (let i = 0; i < bc.length;) {
    const op = bc[i] & 0xff;
    if (op === JUMP_BACKWARD) {
      let oparg = bc[i] >> 8;
      for (let k = 1; k <= 3 && i - k >= 0 && (bc[i - k] & 0xff) === EXTENDED_ARG; k++) {
        oparg |= (bc[i - k] >> 8) << (8 * k);
      }
      if (i + 2 - oparg === target) jump = i;
    }
    i += 1 + CACHE_SIZE[op];
  }
  if (jump < 0) return -1;
  patchedUnits.push({ code, index: jump + 1, word: bc[jump + 1] });
  bc[jump + 1] = RAISE_VARARGS | (1 << 8);
  frame.values[frame.sp++] = exc;
  return jump + 1;
}

/**
 * `tier` with interrupt checks at back-edges: every code object's hot-loop countdown is kept at
 * most CHECK_INTERVAL, and the hook checks before it hands over to the tier. (Until the loop has a
 * hook of its own at JUMP_BACKWARD and CALL, this is the place the VM reaches periodically.)
 */
export function interruptible(tier: Tier): Tier {
  return {
    name: tier.name,
    execute: tier.execute,
    prepareCode(code: PyCode): void {
      tier.prepareCode(code);
      if (code.hotLoopCountdown > CHECK_INTERVAL) code.hotLoopCountdown = CHECK_INTERVAL;
    },
    onHotLoop(frame: Frame, target: number): number {
      const code = frame.code;
      // Re-armed first: a countdown left at zero would not fire again.
      code.hotLoopCountdown = CHECK_INTERVAL;
      if (patchedUnits.length > 0) restorePatchedUnits();
      const exc = pendingAtBackEdge();
      if (exc !== null) {
        const resume = raiseAtBackEdge(frame, target, exc);
        if (resume >= 0) return resume;
        throw exc;
      }
      const resume = tier.onHotLoop(frame, target);
      if (code.hotLoopCountdown > CHECK_INTERVAL || code.hotLoopCountdown <= 0) {
        code.hotLoopCountdown = CHECK_INTERVAL;
      }
      return resume;
    },
    specialize: tier.specialize,
    collectStats: () => tier.collectStats(),
    stats: () => tier.stats(),
  };
}

/** Python calls left before the next check at a call (see checkAtCall). */
export const callCountdown: { left: number } = { left: CHECK_INTERVAL };

/**
 * The check at a Python call, for the loop's frame entry (vm/interp_support.ts enterFrame) to call
 * as `if (--callCountdown.left === 0) checkAtCall();` before it pushes the callee, so that code
 * that recurses without loops (fib(35)) is interrupted too. Not called yet: the loop is not
 * this file's to change.
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
