/**
 * Hand-built traces for the native backend: calls naming uops and their fields → a `NativeTrace`
 * (uop instructions plus the exit table the emitter needs). Exit stubs are placed after the body
 * in the order they were declared; a guard names the exit it leaves through.
 *
 * @example
 * ```ts
 * import { NativeTraceBuilder } from "./native_trace.ts";
 * const t = new NativeTraceBuilder();
 * const overflow = t.exit("INT_OVERFLOW");
 * const done = t.exit("DONE");
 * t.op("ADD_I64", { a: 4, b: 4, c: 5, target: overflow });
 * t.op("JUMP", { target: done });
 * const trace = t.finish();
 * console.log(trace.uops.length); // 4: two body uops, two exit stubs
 * ```
 * @module
 */
import { UOP_IDS, UOPS } from "../instructions/native_uops.ts";
import { EXIT_REASON_IDS, EXIT_REASONS } from "../instructions/exit_reasons.ts";

/** One uop instruction: the uop id and its five fields (unused fields are 0). */
export class NativeUop {
  constructor(
    readonly op: number,
    readonly a: number,
    readonly b: number,
    readonly c: number,
    readonly operand: bigint,
    readonly target: number,
  ) {}
}

/** A trace ready to emit: its uops and, per exit index, the exit's reason id. */
export interface NativeTrace {
  readonly uops: readonly NativeUop[];
  readonly exitReasons: readonly number[];
}

/** Fields of `op()`; `target` is a uop index from `here()` or a label from `exit()`. */
export interface UopFields {
  a?: number;
  b?: number;
  c?: number;
  operand?: number | bigint;
  target?: number;
}

/** The bits of a float64 as an int64 operand (for `CONST_F64`). */
export function float64Bits(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return view.getBigInt64(0, true);
}

/** Builds a `NativeTrace` uop by uop. */
export class NativeTraceBuilder {
  readonly #body: { op: number; fields: UopFields }[] = [];
  readonly #exits: number[] = [];

  /** The index the next uop will have (a jump target for back-edges). */
  here(): number {
    return this.#body.length;
  }

  /** Declares an exit stub with this reason; returns a label usable as a `target`. */
  exit(reason: string): number {
    const id = EXIT_REASON_IDS[reason];
    if (id === undefined) throw new Error(`unknown exit reason ${reason}`);
    this.#exits.push(id);
    return -this.#exits.length; // -1 for exit 0, -2 for exit 1, …
  }

  /** Appends one uop. */
  op(name: string, fields: UopFields = {}): this {
    const op = UOP_IDS[name];
    if (op === undefined) throw new Error(`unknown uop ${name}`);
    this.#body.push({ op, fields });
    return this;
  }

  /** Resolves exit labels and appends the exit stubs. */
  finish(): NativeTrace {
    const firstExit = this.#body.length;
    const resolve = (target: number | undefined) =>
      target === undefined ? 0 : target < 0 ? firstExit + (-target - 1) : target;
    const uops = this.#body.map(({ op, fields }) =>
      new NativeUop(
        op,
        fields.a ?? 0,
        fields.b ?? 0,
        fields.c ?? 0,
        BigInt(fields.operand ?? 0),
        resolve(fields.target),
      )
    );
    const exitOp = UOP_IDS.EXIT;
    this.#exits.forEach((_, index) => uops.push(new NativeUop(exitOp, 0, 0, 0, BigInt(index), 0)));
    return { uops, exitReasons: this.#exits.slice() };
  }
}

/** A one-line description of a uop instruction, naming only the fields the uop uses. */
export function describeUop(uop: NativeUop): string {
  const spec = UOPS[uop.op];
  const parts = [spec.name];
  for (const field of ["a", "b", "c"] as const) {
    const kind = spec[field];
    if (kind === undefined) continue;
    const value = uop[field];
    // Registers print as %i0/%i1 (int64) or %f0/%f1 (float64).
    parts.push(value < 0 ? `${field}=%${kind === "f64" ? "f" : "i"}${-value - 1}` : `${field}=${value}`);
  }
  if (spec.operand === "validity") parts.push("operand=<validity flag>");
  else if (spec.operand) parts.push(`operand=${uop.operand}`);
  if (spec.target) parts.push(`target=${uop.target}`);
  return parts.join(" ");
}

/** The name of an exit reason id. */
export function exitReasonName(id: number): string {
  return EXIT_REASONS[id]?.name ?? `exit reason ${id}`;
}
