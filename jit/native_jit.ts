/**
 * The native JIT runtime: traces → executors (machine code plus an entry in the executor table and a
 * validity flag), and executors → runs through the fast entry trampoline. Owns the state buffer
 * (layout in `jit/native_state.ts`), the executable memory, the executor table and the validity
 * flags. `NativeJit.create()` throws a `NoNativeJitError` (whose message says why, starting
 * "no native JIT") where native code cannot run; `nativeJitSupport()` answers without throwing.
 *
 * @example
 * ```ts
 * import { NativeJit } from "./native_jit.ts";
 * import { NativeTraceBuilder } from "./native_trace.ts";
 * const jit = NativeJit.create();
 * const t = new NativeTraceBuilder();
 * t.op("ADD_I64", { a: 4, b: 4, c: 5, target: t.exit("INT_OVERFLOW") });
 * t.op("JUMP", { target: t.exit("DONE") });
 * const executor = jit.compile(t.finish());
 * jit.setI64(4, 40n);
 * jit.setI64(5, 2n);
 * console.log(executor.exitReason(executor.run()), jit.getI64(4)); // DONE 42n
 * ```
 * @module
 */
import { ExecMemory, type ExecMemoryStats } from "./exec_memory.ts";
import { type EmittedCode, emitTrace } from "./emitter.ts";
import { addressOf, type EnterFunction, enterTrampoline } from "./native_libs.ts";
import { DEFAULT_SLOT_COUNT, STATE_EXECUTOR_TABLE } from "./native_state.ts";
import { exitReasonName, type NativeTrace } from "./native_trace.ts";
import { nativeJitSupport } from "./native_support.ts";

/** Thrown by `NativeJit.create` where native code cannot run. */
export class NoNativeJitError extends Error {
  override name = "NoNativeJitError";
}

const FLAG_CHUNK = 512;

/** A compiled trace: call `run()` to execute it; it returns the exit index it left through. */
export class NativeExecutor {
  #live = true;
  /** How often `run()` left through each exit (an exit's "temperature", for side-trace decisions). */
  readonly exitCounts: Uint32Array;
  constructor(
    readonly jit: NativeJit,
    /** Index in the executor table (the trampoline's `index` argument). */
    readonly index: number,
    readonly trace: NativeTrace,
    readonly code: EmittedCode,
    /** Which validity flag (chunk * 512 + cell) belongs to this executor. */
    readonly flag: number,
  ) {
    this.exitCounts = new Uint32Array(trace.exitReasons.length);
  }

  /** Address of the first instruction. */
  get address(): number {
    return this.code.block.address;
  }

  /** Runs the executor on the jit's state buffer; returns the exit index. */
  run(): number {
    const exit = this.jit.enter(this.jit.state, this.index);
    this.exitCounts[exit]++;
    return exit;
  }

  /** The name of the exit reason of exit index `exit` (see `instructions/exit_reasons.ts`). */
  exitReason(exit: number): string {
    return exitReasonName(this.trace.exitReasons[exit]);
  }

  /** Clears the validity flag: the next `CHECK_VALIDITY` (normally the first uop) exits. */
  invalidate(): void {
    this.jit.setFlag(this.flag, 0n);
  }

  /** Whether the validity flag is set. */
  get valid(): boolean {
    return this.jit.getFlag(this.flag) !== 0n;
  }

  /** Whether the executor has not been freed. */
  get live(): boolean {
    return this.#live;
  }

  /** Releases the code, the table entry and the flag for reuse. */
  free(): void {
    if (!this.#live) return;
    this.#live = false;
    this.jit.release(this);
  }
}

/** Counters of a `NativeJit`. */
export interface NativeJitStats extends ExecMemoryStats {
  readonly executors: number;
}

/** Native code from traces, entered through the trampoline with one state buffer. */
export class NativeJit {
  /** The state buffer: header words, then frame slots (see `jit/native_state.ts`). */
  readonly state: BigInt64Array;
  /** The same bytes as float64 slots. */
  readonly f64: Float64Array;
  /** `pyjit_enter(state, index)`: the raw fast entry (V8 fast call). */
  readonly enter: EnterFunction;
  readonly memory: ExecMemory;
  #table: BigInt64Array;
  readonly #executors: (NativeExecutor | null)[] = [];
  readonly #freeIndices: number[] = [];
  readonly #flagChunks: BigInt64Array[] = [];
  readonly #freeFlags: number[] = [];
  readonly #arrays = new Map<number, BigInt64Array | Float64Array>();

  private constructor(slotCount: number, enter: EnterFunction) {
    // At least 1 KiB: typed arrays that small could live on V8's heap, which moves them.
    this.state = new BigInt64Array(new ArrayBuffer(Math.max(slotCount, 128) * 8));
    this.f64 = new Float64Array(this.state.buffer);
    this.enter = enter;
    this.memory = new ExecMemory();
    this.#table = new BigInt64Array(new ArrayBuffer(64 * 8));
    this.state[STATE_EXECUTOR_TABLE] = BigInt(addressOf(Deno.UnsafePointer.of(this.#table)));
  }

  /** Opens the native machinery; throws `NoNativeJitError` with the reason where it cannot run. */
  static create(options: { slots?: number } = {}): NativeJit {
    const support = nativeJitSupport();
    if (!support.available) throw new NoNativeJitError(support.reason);
    let enter: EnterFunction;
    try {
      enter = enterTrampoline();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new NoNativeJitError(message.startsWith("no native JIT") ? message : `no native JIT: ${message}`);
    }
    return new NativeJit(options.slots ?? DEFAULT_SLOT_COUNT, enter);
  }

  /** Number of slots in the state buffer (slot indices run from FIRST_SLOT to this, exclusive). */
  get slotCount(): number {
    return this.state.length;
  }

  /** Emits `trace` and registers it: one allocation, one copy, one mprotect. */
  compile(trace: NativeTrace, options: { relax?: boolean } = {}): NativeExecutor {
    const flag = this.#allocateFlag();
    let code: EmittedCode;
    try {
      code = emitTrace(trace, this.memory, {
        validityAddress: this.#flagAddress(flag),
        slotCount: this.slotCount,
        relax: options.relax,
      });
    } catch (error) {
      this.#freeFlags.push(flag);
      throw error;
    }
    const index = this.#freeIndices.length > 0 ? this.#freeIndices.pop()! : this.#grow();
    this.#table[index] = BigInt(code.block.address);
    const executor = new NativeExecutor(this, index, trace, code, flag);
    this.#executors[index] = executor;
    return executor;
  }

  /** int64 slot accessors. */
  setI64(slot: number, value: bigint | number): void {
    this.state[slot] = BigInt(value);
  }
  getI64(slot: number): bigint {
    return this.state[slot];
  }
  /** float64 slot accessors. */
  setF64(slot: number, value: number): void {
    this.f64[slot] = value;
  }
  getF64(slot: number): number {
    return this.f64[slot];
  }

  /**
   * Points the array operand at `slot` (and `slot + 1`) at a typed array's elements: its address
   * and its length. The array is kept alive until the slot is set again.
   */
  setArray(slot: number, array: BigInt64Array | Float64Array): void {
    const address = array.length === 0 ? 0 : addressOf(Deno.UnsafePointer.of(array));
    this.state[slot] = BigInt(address);
    this.state[slot + 1] = BigInt(array.length);
    this.#arrays.set(slot, array);
  }

  /** Memory and executor counters. */
  stats(): NativeJitStats {
    return { ...this.memory.stats(), executors: this.#executors.filter((e) => e !== null).length };
  }

  /** Frees every executor and unmaps the executable memory. */
  dispose(): void {
    for (const executor of this.#executors) executor?.free();
    this.memory.dispose();
  }

  /** @internal Used by `NativeExecutor.free`. */
  release(executor: NativeExecutor): void {
    this.#table[executor.index] = 0n;
    this.#executors[executor.index] = null;
    this.#freeIndices.push(executor.index);
    this.#freeFlags.push(executor.flag);
    this.memory.free(executor.code.block);
  }

  /** @internal */
  setFlag(flag: number, value: bigint): void {
    this.#flagChunks[Math.floor(flag / FLAG_CHUNK)][flag % FLAG_CHUNK] = value;
  }
  /** @internal */
  getFlag(flag: number): bigint {
    return this.#flagChunks[Math.floor(flag / FLAG_CHUNK)][flag % FLAG_CHUNK];
  }

  #allocateFlag(): number {
    if (this.#freeFlags.length === 0) {
      const base = this.#flagChunks.length * FLAG_CHUNK;
      this.#flagChunks.push(new BigInt64Array(new ArrayBuffer(FLAG_CHUNK * 8)));
      for (let i = FLAG_CHUNK - 1; i >= 0; i--) this.#freeFlags.push(base + i);
    }
    const flag = this.#freeFlags.pop()!;
    this.setFlag(flag, 1n);
    return flag;
  }

  #flagAddress(flag: number): number {
    const chunk = this.#flagChunks[Math.floor(flag / FLAG_CHUNK)];
    return addressOf(Deno.UnsafePointer.of(chunk)) + (flag % FLAG_CHUNK) * 8;
  }

  /** A new table index, growing the table (and updating the state's pointer) when full. */
  #grow(): number {
    const index = this.#executors.length;
    this.#executors.push(null);
    if (index >= this.#table.length) {
      const bigger = new BigInt64Array(new ArrayBuffer(this.#table.length * 2 * 8));
      bigger.set(this.#table);
      this.#table = bigger;
      this.state[STATE_EXECUTOR_TABLE] = BigInt(addressOf(Deno.UnsafePointer.of(bigger)));
    }
    return index;
  }
}
