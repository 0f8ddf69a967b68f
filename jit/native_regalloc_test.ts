// Register allocation: traces run with slots cached in registers leave the same frame and take the
// same exits as the same traces over memory slots.
import assert from "node:assert/strict";
import { NativeJit } from "./native_jit.ts";
import { exitReasonName, float64Bits, type NativeTrace, NativeTraceBuilder } from "./native_trace.ts";
import { allocateRegisters } from "./native_regalloc.ts";
import { nativeJitSupport } from "./native_support.ts";
import { FIRST_SLOT } from "./native_state.ts";
import { REG0, REG1 } from "../instructions/native_uops.ts";

const support = nativeJitSupport();
if (!support.available) console.warn(`skipping register allocation tests: ${support.reason}`);
const ignore = !support.available;

const S0 = FIRST_SLOT, S1 = FIRST_SLOT + 1, S2 = FIRST_SLOT + 2, S3 = FIRST_SLOT + 3, S4 = FIRST_SLOT + 4;
const ARR = FIRST_SLOT + 8;
const FRAME_WORDS = FIRST_SLOT + 12;

let shared: NativeJit | null = null;
function jit(): NativeJit {
  shared ??= NativeJit.create();
  return shared;
}

/** Runs `trace` with and without register allocation from the same frame; both must agree. */
function assertSameBehaviour(trace: NativeTrace, setup: () => void): { exit: number; frame: bigint[] } {
  const allocated = allocateRegisters(trace);
  assert.ok(allocated.uops.some((u) => u.a < 0 || u.b < 0 || u.c < 0), "something lives in a register");
  const results = [trace, allocated].map((t) => {
    const executor = jit().compile(t);
    setup();
    const exit = executor.run();
    const frame = Array.from(jit().state.subarray(FIRST_SLOT, FRAME_WORDS));
    executor.free();
    return { exit, frame };
  });
  assert.deepEqual(results[1], results[0]);
  return results[0];
}

Deno.test({
  name: "a counted loop with its counter and sum in registers gives the same sum and exit",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const overflow = t.exit("INT_OVERFLOW");
    const done = t.exit("DONE");
    t.op("CHECK_VALIDITY", { target: t.exit("INVALIDATED") });
    const top = t.here();
    t.op("JUMP_IF_GE_I64", { b: S1, c: S2, target: done });
    t.op("ADD_I64", { a: S0, b: S0, c: S1, target: overflow });
    t.op("ADD_I64_IMM", { a: S1, b: S1, operand: 1, target: overflow });
    t.op("JUMP", { target: top });
    const trace = t.finish();
    for (const [start, n] of [[0n, 1000n], [2n ** 62n, 2n ** 62n + 10n]]) {
      const result = assertSameBehaviour(trace, () => {
        jit().setI64(S0, start);
        jit().setI64(S1, start);
        jit().setI64(S2, n);
      });
      assert.equal(exitReasonName(trace.exitReasons[result.exit]), start === 0n ? "DONE" : "INT_OVERFLOW");
    }
  },
});

Deno.test({
  name: "an overflow exit spills the registers: the frame shows the state before the faulting uop",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const first = t.exit("INT_OVERFLOW");
    const second = t.exit("INT_OVERFLOW");
    const top = t.here();
    t.op("ADD_I64", { a: S2, b: S2, c: S0, target: first });
    t.op("MUL_I64", { a: S3, b: S3, c: S1, target: second });
    t.op("JUMP", { target: top });
    const result = assertSameBehaviour(t.finish(), () => {
      jit().setI64(S0, 1n);
      jit().setI64(S1, 3n);
      jit().setI64(S2, 0n);
      jit().setI64(S3, 1n);
    });
    assert.equal(result.exit, 1, "3 ** k overflows before k reaches 2 ** 63");
    assert.equal(result.frame[3], 3n ** 39n, "the last product that fitted");
  },
});

Deno.test({
  name: "float registers survive libm calls and typed-array loops",
  ignore,
  fn() {
    const values = Float64Array.from({ length: 257 }, (_, i) => (i % 7) - 3.25);
    const t = new NativeTraceBuilder();
    const bounds = t.exit("INDEX_OUT_OF_RANGE");
    const overflow = t.exit("INT_OVERFLOW");
    const domain = t.exit("MATH_DOMAIN");
    const done = t.exit("DONE");
    // S0 = sum of squares (f64), S1 = i, S2 = n, S3 = element, S4 = scratch
    const top = t.here();
    t.op("JUMP_IF_GE_I64", { b: S1, c: S2, target: done });
    t.op("LOAD_ELEM_F64", { a: S3, b: ARR, c: S1, target: bounds });
    t.op("MUL_F64", { a: S4, b: S3, c: S3 });
    t.op("SQRT_F64", { a: S4, b: S4, target: domain }); // |x|
    t.op("ADD_F64", { a: S0, b: S0, c: S4 });
    t.op("STORE_ELEM_F64", { a: ARR, b: S1, c: S4, target: bounds });
    t.op("ADD_I64_IMM", { a: S1, b: S1, operand: 1, target: overflow });
    t.op("JUMP", { target: top });
    const copy = values.slice();
    const result = assertSameBehaviour(t.finish(), () => {
      values.set(copy);
      jit().setArray(ARR, values);
      jit().setF64(S0, 0);
      jit().setI64(S1, 0);
      jit().setI64(S2, values.length);
    });
    assert.equal(result.exit, 3);
    assert.equal(jit().getF64(S0), copy.reduce((sum, x) => sum + Math.abs(x), 0));
    assert.deepEqual(Array.from(values), Array.from(copy, Math.abs));
  },
});

Deno.test({
  name: "hand-written register operands pick register variants; arrays cannot live in registers",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    t.op("CONST_I64", { a: REG0, operand: 20 });
    t.op("CONST_I64", { a: REG1, operand: 22 });
    t.op("ADD_I64", { a: S0, b: REG0, c: REG1, target: t.exit("INT_OVERFLOW") });
    t.op("CONST_F64", { a: REG1, operand: float64Bits(0.5) });
    t.op("COPY_F64", { a: S1, b: REG1 });
    t.op("JUMP", { target: t.exit("DONE") });
    const executor = jit().compile(t.finish());
    assert.equal(executor.run(), 1);
    assert.equal(jit().getI64(S0), 42n);
    assert.equal(jit().getF64(S1), 0.5);
    executor.free();
    const bad = new NativeTraceBuilder();
    bad.op("LOAD_ELEM_F64", { a: S0, b: REG0, c: S1, target: bad.exit("INDEX_OUT_OF_RANGE") });
    bad.op("JUMP", { target: 0 });
    assert.throws(() => jit().compile(bad.finish()), /array operand cannot live in a register/);
    const noVariant = new NativeTraceBuilder();
    noVariant.op("FLOORDIV_I64", { a: S0, b: REG0, c: S1, target: noVariant.exit("ZERO_DIVISION") });
    noVariant.op("JUMP", { target: 0 });
    assert.throws(() => jit().compile(noVariant.finish()), /no register variant for FLOORDIV_I64/);
  },
});
