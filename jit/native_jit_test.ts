// Executors built from hand-written uop traces, run natively: loops, overflow exits, Python's
// integer division rules, libm calls, typed arrays, validity flags, and W^X memory.
import assert from "node:assert/strict";
import { NativeJit, NoNativeJitError } from "./native_jit.ts";
import { float64Bits, NativeTraceBuilder } from "./native_trace.ts";
import { nativeJitSupport } from "./native_support.ts";
import { FIRST_SLOT } from "./native_state.ts";
import { disassembleExecutor } from "./disassemble.ts";

const support = nativeJitSupport();
if (!support.available) console.warn(`skipping native JIT tests: ${support.reason}`);
const ignore = !support.available;

// Slot names used by the traces below.
const S0 = FIRST_SLOT, S1 = FIRST_SLOT + 1, S2 = FIRST_SLOT + 2, S3 = FIRST_SLOT + 3, S4 = FIRST_SLOT + 4;
const ARR = FIRST_SLOT + 8; // array operand: two slots

let shared: NativeJit | null = null;
function jit(): NativeJit {
  shared ??= NativeJit.create();
  return shared;
}

/**
 * Reads /proc/self/maps and checks every mapping that overlaps the JIT's executable memory: none is
 * writable and executable at once, and some are read-execute. (V8's own code space is mapped rwx
 * by Deno; it is not ours and is left out.)
 */
function assertNoWritableExecutableMapping(): void {
  const regions = jit().memory.regions();
  const ours = Deno.readTextFileSync("/proc/self/maps").trim().split("\n").filter((line) => {
    const [range] = line.split(/\s+/);
    const [start, end] = range.split("-").map((h) => parseInt(h, 16));
    return regions.some((r) => start < r.address + r.size && r.address < end);
  });
  assert.ok(ours.length > 0, "the JIT's chunks appear in /proc/self/maps");
  const bad = ours.filter((line) => {
    const perms = line.split(/\s+/)[1];
    return perms.includes("w") && perms.includes("x");
  });
  assert.deepEqual(bad, [], "a mapping of JIT code is writable and executable at once");
  assert.ok(ours.some((line) => line.split(/\s+/)[1].startsWith("r-x")), "code pages are read-execute");
}

/** Python's floor division and modulo on int64s (as BigInts); null when the quotient overflows. */
function pythonDivmod(x: bigint, y: bigint): [bigint | null, bigint] {
  let q = x / y;
  if (x % y !== 0n && (x < 0n) !== (y < 0n)) q -= 1n;
  const r = x - q * y;
  return [q >= -(2n ** 63n) && q < 2n ** 63n ? q : null, r];
}

Deno.test({
  name: "without FFI or off x86-64 Linux, the runtime reports no native JIT and why",
  fn() {
    const answer = nativeJitSupport();
    if (answer.available) {
      assert.match(answer.reason, /native JIT available/);
    } else {
      assert.match(answer.reason, /^no native JIT: /);
      assert.throws(() => NativeJit.create(), NoNativeJitError);
    }
  },
});

Deno.test({
  name: "a counted loop sums int64 slots: s = 0 + 1 + … + (n - 1)",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const overflow = t.exit("INT_OVERFLOW");
    const done = t.exit("DONE");
    t.op("CHECK_VALIDITY", { target: t.exit("INVALIDATED") });
    const top = t.here();
    t.op("JUMP_IF_GE_I64", { b: S1, c: S2, target: done }); // while i < n
    t.op("ADD_I64", { a: S0, b: S0, c: S1, target: overflow }); //   s += i
    t.op("ADD_I64_IMM", { a: S1, b: S1, operand: 1, target: overflow }); //   i += 1
    t.op("JUMP", { target: top });
    const executor = jit().compile(t.finish());
    for (const n of [0, 1, 10, 100_000]) {
      jit().setI64(S0, 0);
      jit().setI64(S1, 0);
      jit().setI64(S2, n);
      const exit = executor.run();
      assert.deepEqual(executor.exitReason(exit), "DONE");
      assert.deepEqual(jit().getI64(S0), BigInt(n) * BigInt(n - 1) / 2n);
      assert.deepEqual(jit().getI64(S1), BigInt(n));
    }
    executor.free();
  },
});

Deno.test({
  name: "an add that overflows takes its own exit, and the caller learns which",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const first = t.exit("INT_OVERFLOW");
    const second = t.exit("INT_OVERFLOW");
    const done = t.exit("DONE");
    t.op("ADD_I64", { a: S2, b: S0, c: S1, target: first }); // c = a + b
    t.op("ADD_I64", { a: S3, b: S2, c: S2, target: second }); // d = c + c
    t.op("JUMP", { target: done });
    const executor = jit().compile(t.finish());
    const run = (a: bigint, b: bigint) => {
      jit().setI64(S0, a);
      jit().setI64(S1, b);
      jit().setI64(S3, -1n);
      return executor.run();
    };
    assert.deepEqual(run(1n, 2n), 2);
    assert.deepEqual(jit().getI64(S3), 6n);
    assert.deepEqual(run(2n ** 62n, 2n ** 62n), 0); // the first add overflows
    assert.deepEqual(executor.exitReason(0), "INT_OVERFLOW");
    assert.deepEqual(jit().getI64(S3), -1n, "the faulting uop stores nothing");
    assert.deepEqual(run(2n ** 62n, 1n), 1); // the first fits, the second overflows
    assert.deepEqual(jit().getI64(S2), 2n ** 62n + 1n);
    assert.deepEqual(run(-(2n ** 63n), -1n), 0);
    assert.deepEqual(Array.from(executor.exitCounts), [2, 1, 1], "exit temperatures");
    executor.free();
  },
});

Deno.test({
  name: "floor division and modulo follow Python on negative numbers, with a zero guard",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const divFault = t.exit("ZERO_DIVISION");
    const modFault = t.exit("ZERO_DIVISION");
    const done = t.exit("DONE");
    t.op("MOD_I64", { a: S3, b: S0, c: S1, target: modFault });
    t.op("FLOORDIV_I64", { a: S2, b: S0, c: S1, target: divFault });
    t.op("JUMP", { target: done });
    const executor = jit().compile(t.finish());
    const values = [7n, -7n, 6n, -6n, 0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n)];
    const divisors = [3n, -3n, 2n, -2n, 1n, -1n, 7n, -7n, 2n ** 63n - 1n, -(2n ** 63n)];
    for (const x of values) {
      for (const y of divisors) {
        jit().setI64(S0, x);
        jit().setI64(S1, y);
        const [q, r] = pythonDivmod(x, y);
        const exit = executor.run();
        assert.deepEqual(jit().getI64(S3), r, `${x} % ${y}`);
        if (q === null) {
          assert.deepEqual(exit, 0, `${x} // ${y} overflows int64 and must exit`);
        } else {
          assert.deepEqual(exit, 2, `${x} // ${y}`);
          assert.deepEqual(jit().getI64(S2), q, `${x} // ${y}`);
        }
      }
    }
    // Spot checks against CPython 3.11: divmod(-7, 2) == (-4, 1); -7 % -2 == -1; 7 % -3 == -2.
    for (const [x, y, q, r] of [[-7n, 2n, -4n, 1n], [-7n, -2n, 3n, -1n], [7n, -3n, -3n, -2n]]) {
      jit().setI64(S0, x);
      jit().setI64(S1, y);
      assert.deepEqual(executor.run(), 2);
      assert.deepEqual([jit().getI64(S2), jit().getI64(S3)], [q, r]);
    }
    jit().setI64(S0, -5n);
    jit().setI64(S1, 0n);
    assert.deepEqual(executor.exitReason(executor.run()), "ZERO_DIVISION");
    executor.free();
  },
});

Deno.test({
  name: "shifts, bitwise ops, negation and comparisons follow Python on int64",
  ignore,
  fn() {
    const cases: [string, (x: bigint, y: bigint) => bigint | null][] = [
      ["AND_I64", (x, y) => x & y],
      ["OR_I64", (x, y) => x | y],
      ["XOR_I64", (x, y) => x ^ y],
      ["LSHIFT_I64", (x, y) => {
        if (y < 0n) return null;
        if (x === 0n) return 0n;
        if (y >= 64n) return null;
        const r = x << y;
        return r >= -(2n ** 63n) && r < 2n ** 63n ? r : null;
      }],
      ["RSHIFT_I64", (x, y) => (y < 0n ? null : x >> y)],
      ["SUB_I64", (x, y) => BigInt.asIntN(64, x - y) === x - y ? x - y : null],
      ["MUL_I64", (x, y) => BigInt.asIntN(64, x * y) === x * y ? x * y : null],
      ["LT_I64", (x, y) => BigInt(x < y)],
      ["LE_I64", (x, y) => BigInt(x <= y)],
      ["EQ_I64", (x, y) => BigInt(x === y)],
      ["NE_I64", (x, y) => BigInt(x !== y)],
      ["GT_I64", (x, y) => BigInt(x > y)],
      ["GE_I64", (x, y) => BigInt(x >= y)],
    ];
    const operands = [0n, 1n, -1n, 5n, -5n, 63n, 64n, 100n, 2n ** 62n, -(2n ** 63n), 2n ** 63n - 1n];
    for (const [name, reference] of cases) {
      const t = new NativeTraceBuilder();
      const fault = t.exit("GUARD_FAILED");
      const done = t.exit("DONE");
      const guarded = !name.startsWith("AND") && !name.startsWith("OR") && !name.startsWith("XOR") &&
        !/^(LT|LE|EQ|NE|GT|GE)_/.test(name);
      t.op(name, guarded ? { a: S2, b: S0, c: S1, target: fault } : { a: S2, b: S0, c: S1 });
      t.op("JUMP", { target: done });
      const executor = jit().compile(t.finish());
      for (const x of operands) {
        for (const y of operands) {
          jit().setI64(S0, x);
          jit().setI64(S1, y);
          const expected = reference(x, y);
          const exit = executor.run();
          if (expected === null) assert.deepEqual(exit, 0, `${name} ${x} ${y} must exit`);
          else {
            assert.deepEqual(exit, 1, `${name} ${x} ${y}`);
            assert.deepEqual(jit().getI64(S2), expected, `${name} ${x} ${y}`);
          }
        }
      }
      executor.free();
    }
    const t = new NativeTraceBuilder();
    const fault = t.exit("INT_OVERFLOW");
    t.op("NEG_I64", { a: S1, b: S0, target: fault });
    t.op("JUMP", { target: t.exit("DONE") });
    const negate = jit().compile(t.finish());
    jit().setI64(S0, 5n);
    assert.deepEqual(negate.run(), 1);
    assert.deepEqual(jit().getI64(S1), -5n);
    jit().setI64(S0, -(2n ** 63n));
    assert.deepEqual(negate.run(), 0);
    negate.free();
  },
});

Deno.test({
  name: "a float kernel calls sqrt from libm, relaxed to a direct call or through a GOT slot",
  ignore,
  async fn() {
    for (const relax of [true, false]) {
      const t = new NativeTraceBuilder();
      const domain = t.exit("MATH_DOMAIN");
      const done = t.exit("DONE");
      t.op("MUL_F64", { a: S2, b: S0, c: S0 }); // x*x
      t.op("MUL_F64", { a: S3, b: S1, c: S1 }); // y*y
      t.op("ADD_F64", { a: S2, b: S2, c: S3 });
      t.op("SQRT_F64", { a: S4, b: S2, target: domain }); // hypot
      t.op("NEG_F64", { a: S3, b: S4 });
      t.op("SQRT_F64", { a: S2, b: S3, target: domain }); // sqrt(-hypot) leaves the trace
      t.op("JUMP", { target: done });
      const executor = jit().compile(t.finish(), { relax });
      jit().setF64(S0, 3);
      jit().setF64(S1, 4);
      assert.deepEqual(executor.exitReason(executor.run()), "MATH_DOMAIN");
      assert.deepEqual(jit().getF64(S4), 5);
      jit().setF64(S0, 0);
      jit().setF64(S1, 0);
      assert.deepEqual(executor.exitReason(executor.run()), "DONE"); // sqrt(-0.0) is -0.0, not an error
      const text = await disassembleExecutor(executor);
      assert.match(text, /; 3: SQRT_F64 a=8 b=6 target=7/);
      assert.match(text, relax ? /call/ : /call qword ptr \[rip/);
      executor.free();
    }
  },
});

Deno.test({
  name: "libm uops agree with Math and exit on math domain errors",
  ignore,
  fn() {
    const unary: [string, (x: number) => number | null][] = [
      ["SIN_F64", (x) => (Number.isFinite(x) || Number.isNaN(x) ? Math.sin(x) : null)],
      ["COS_F64", (x) => (Number.isFinite(x) || Number.isNaN(x) ? Math.cos(x) : null)],
      ["EXP_F64", (x) => (Number.isFinite(x) && !Number.isFinite(Math.exp(x)) ? null : Math.exp(x))],
      ["LOG_F64", (x) => (x <= 0 ? null : Math.log(x))],
    ];
    for (const [name, reference] of unary) {
      const t = new NativeTraceBuilder();
      const fault = t.exit("MATH_DOMAIN");
      t.op(name, { a: S1, b: S0, target: fault });
      t.op("JUMP", { target: t.exit("DONE") });
      const executor = jit().compile(t.finish());
      for (const x of [0, 1, -1, 0.5, 2.5, 1000, -Infinity, Infinity, NaN]) {
        jit().setF64(S0, x);
        const expected = reference(x);
        const exit = executor.run();
        if (expected === null) assert.deepEqual(exit, 0, `${name}(${x}) must exit`);
        else {
          assert.deepEqual(exit, 1, `${name}(${x})`);
          const got = jit().getF64(S1);
          assert.ok(
            Object.is(got, expected) || Math.abs(got - expected) <= 1e-15 * Math.abs(expected),
            `${name}(${x})`,
          );
        }
      }
      executor.free();
    }
    const t = new NativeTraceBuilder();
    const fault = t.exit("MATH_DOMAIN");
    t.op("POW_F64", { a: S2, b: S0, c: S1, target: fault });
    t.op("FLOOR_F64", { a: S3, b: S2, target: fault });
    t.op("I64_TO_F64", { a: S4, b: S3 });
    t.op("JUMP", { target: t.exit("DONE") });
    const executor = jit().compile(t.finish());
    const run = (x: number, y: number) => {
      jit().setF64(S0, x);
      jit().setF64(S1, y);
      return executor.run();
    };
    assert.deepEqual(run(2, 0.5), 1);
    assert.deepEqual(jit().getF64(S2), Math.SQRT2);
    assert.deepEqual(jit().getI64(S3), 1n);
    assert.deepEqual(jit().getF64(S4), 1);
    assert.deepEqual(run(-2.5, 1), 1);
    assert.deepEqual(jit().getI64(S3), -3n); // math.floor(-2.5) == -3
    assert.deepEqual(run(0, -1), 0); // math.pow(0, -1): ValueError
    assert.deepEqual(run(-8, 1 / 3), 0); // a NaN result: ValueError
    assert.deepEqual(run(10, 400), 0); // OverflowError
    assert.deepEqual(run(2, 70), 0); // floor(2**70) does not fit int64
    executor.free();
  },
});

// x, y, x // y, x % y for Python 3.11 floats (from python3), as text: "-0", "inf", "nan" spelled out.
const PYTHON_FLOAT_DIVMOD = [
  "7.5 2.0 3.0 1.5",
  "7.5 -2.0 -4.0 -0.5",
  "7.5 0.5 15.0 0",
  "7.5 -0.5 -15.0 -0",
  "7.5 3.0 2.0 1.5",
  "7.5 -3.0 -3.0 -1.5",
  "7.5 inf 0 7.5",
  "7.5 -inf -1.0 -inf",
  "-7.5 2.0 -4.0 0.5",
  "-7.5 -2.0 3.0 -1.5",
  "-7.5 0.5 -15.0 0",
  "-7.5 -0.5 15.0 -0",
  "-7.5 3.0 -3.0 1.5",
  "-7.5 -3.0 2.0 -1.5",
  "-7.5 inf -1.0 inf",
  "-7.5 -inf 0 -7.5",
  "1.0 2.0 0 1.0",
  "1.0 -2.0 -1.0 -1.0",
  "1.0 0.5 2.0 0",
  "1.0 -0.5 -2.0 -0",
  "1.0 3.0 0 1.0",
  "1.0 -3.0 -1.0 -2.0",
  "1.0 inf 0 1.0",
  "1.0 -inf -1.0 -inf",
  "-1.0 2.0 -1.0 1.0",
  "-1.0 -2.0 0 -1.0",
  "-1.0 0.5 -2.0 0",
  "-1.0 -0.5 2.0 -0",
  "-1.0 3.0 -1.0 2.0",
  "-1.0 -3.0 0 -1.0",
  "-1.0 inf -1.0 inf",
  "-1.0 -inf 0 -1.0",
  "0 2.0 0 0",
  "0 -2.0 -0 -0",
  "0 0.5 0 0",
  "0 -0.5 -0 -0",
  "0 3.0 0 0",
  "0 -3.0 -0 -0",
  "0 inf 0 0",
  "0 -inf -0 -0",
  "-0 2.0 -0 0",
  "-0 -2.0 0 -0",
  "-0 0.5 -0 0",
  "-0 -0.5 0 -0",
  "-0 3.0 -0 0",
  "-0 -3.0 0 -0",
  "-0 inf -0 0",
  "-0 -inf 0 -0",
  "3.0 2.0 1.0 1.0",
  "3.0 -2.0 -2.0 -1.0",
  "3.0 0.5 6.0 0",
  "3.0 -0.5 -6.0 -0",
  "3.0 3.0 1.0 0",
  "3.0 -3.0 -1.0 -0",
  "3.0 inf 0 3.0",
  "3.0 -inf -1.0 -inf",
  "1e+300 2.0 5e+299 0",
  "1e+300 -2.0 -5e+299 -0",
  "1e+300 0.5 2e+300 0",
  "1e+300 -0.5 -2e+300 -0",
  "1e+300 3.0 3.3333333333333335e+299 0",
  "1e+300 -3.0 -3.3333333333333335e+299 -0",
  "1e+300 inf 0 1e+300",
  "1e+300 -inf -1.0 -inf",
  "-1e-300 2.0 -1.0 2.0",
  "-1e-300 -2.0 0 -1e-300",
  "-1e-300 0.5 -1.0 0.5",
  "-1e-300 -0.5 0 -1e-300",
  "-1e-300 3.0 -1.0 3.0",
  "-1e-300 -3.0 0 -1e-300",
  "-1e-300 inf -1.0 inf",
  "-1e-300 -inf 0 -1e-300",
  "inf 2.0 nan nan",
  "inf -2.0 nan nan",
  "inf 0.5 nan nan",
  "inf -0.5 nan nan",
  "inf 3.0 nan nan",
  "inf -3.0 nan nan",
  "inf inf nan nan",
  "inf -inf nan nan",
];

function parseFloatText(text: string): number {
  if (text === "inf") return Infinity;
  if (text === "-inf") return -Infinity;
  if (text === "nan") return NaN;
  return text === "-0" ? -0 : Number(text);
}

Deno.test({
  name: "float floor division and modulo follow Python, signed zeros and infinities included",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const divFault = t.exit("ZERO_DIVISION");
    const modFault = t.exit("ZERO_DIVISION");
    t.op("FLOORDIV_F64", { a: S2, b: S0, c: S1, target: divFault });
    t.op("MOD_F64", { a: S3, b: S0, c: S1, target: modFault });
    t.op("JUMP", { target: t.exit("DONE") });
    const executor = jit().compile(t.finish());
    for (const row of PYTHON_FLOAT_DIVMOD) {
      const [x, y, q, r] = row.split(" ").map(parseFloatText);
      jit().setF64(S0, x);
      jit().setF64(S1, y);
      assert.equal(executor.run(), 2, row);
      assert.ok(Object.is(jit().getF64(S2), q), `${x} // ${y}: got ${jit().getF64(S2)}, Python says ${q}`);
      assert.ok(Object.is(jit().getF64(S3), r), `${x} % ${y}: got ${jit().getF64(S3)}, Python says ${r}`);
    }
    jit().setF64(S1, -0);
    assert.equal(executor.exitReason(executor.run()), "ZERO_DIVISION");
    executor.free();
  },
});

Deno.test({
  name: "int true division gives Python's float, and abs guards the int64 minimum",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const fault = t.exit("GUARD_FAILED");
    t.op("ABS_I64", { a: S3, b: S0, target: fault });
    t.op("TRUEDIV_I64", { a: S2, b: S0, c: S1, target: fault });
    t.op("ABS_F64", { a: S4, b: S2 });
    t.op("JUMP", { target: t.exit("DONE") });
    const executor = jit().compile(t.finish());
    // Python: 7/2 == 3.5, -7/2 == -3.5, 1/3 == 0.3333333333333333, 2**53/3 == 3002399751580330.5
    const cases: [bigint, bigint, number][] = [[7n, 2n, 3.5], [-7n, 2n, -3.5], [1n, 3n, 1 / 3], [
      2n ** 53n,
      3n,
      3002399751580330.5,
    ]];
    for (const [x, y, q] of cases) {
      jit().setI64(S0, x);
      jit().setI64(S1, y);
      assert.equal(executor.run(), 1);
      assert.equal(jit().getF64(S2), q);
      assert.equal(jit().getI64(S3), x < 0n ? -x : x);
      assert.equal(jit().getF64(S4), Math.abs(q));
    }
    jit().setI64(S1, 0n);
    assert.equal(executor.run(), 0, "division by zero exits");
    jit().setI64(S0, 2n ** 53n + 1n);
    jit().setI64(S1, 3n);
    assert.equal(executor.run(), 0, "beyond 2**53 the interpreter divides exactly");
    jit().setI64(S0, -(2n ** 63n));
    jit().setI64(S1, 1n);
    assert.equal(executor.run(), 0, "abs(int64 minimum) does not fit");
    executor.free();
  },
});

Deno.test({
  name: "float comparisons, constants and branches behave like Python floats (NaN compares false)",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const done = t.exit("DONE");
    const taken = t.exit("BRANCH");
    t.op("CONST_F64", { a: S0, operand: float64Bits(1.5) });
    t.op("LT_F64", { a: S2, b: S0, c: S1 });
    t.op("NE_F64", { a: S3, b: S0, c: S1 });
    t.op("JUMP_IF_TRUE", { b: S2, target: taken });
    t.op("JUMP", { target: done });
    const executor = jit().compile(t.finish());
    jit().setF64(S1, 2);
    assert.deepEqual(executor.exitReason(executor.run()), "BRANCH");
    assert.deepEqual(jit().getF64(S0), 1.5);
    jit().setF64(S1, NaN);
    assert.deepEqual(executor.exitReason(executor.run()), "DONE");
    assert.deepEqual([jit().getI64(S2), jit().getI64(S3)], [0n, 1n]);
    executor.free();
  },
});

Deno.test({
  name: "a loop over a Float64Array sums it and scales it in place; a bad index exits",
  ignore,
  fn() {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i * 0.5);
    const t = new NativeTraceBuilder();
    const bounds = t.exit("INDEX_OUT_OF_RANGE");
    const overflow = t.exit("INT_OVERFLOW");
    const done = t.exit("DONE");
    // S0 = sum (f64), S1 = i, S2 = n, S3 = element, S4 = factor
    const top = t.here();
    t.op("JUMP_IF_GE_I64", { b: S1, c: S2, target: done });
    t.op("LOAD_ELEM_F64", { a: S3, b: ARR, c: S1, target: bounds });
    t.op("ADD_F64", { a: S0, b: S0, c: S3 });
    t.op("MUL_F64", { a: S3, b: S3, c: S4 });
    t.op("STORE_ELEM_F64", { a: ARR, b: S1, c: S3, target: bounds });
    t.op("ADD_I64_IMM", { a: S1, b: S1, operand: 1, target: overflow });
    t.op("JUMP", { target: top });
    const executor = jit().compile(t.finish());
    jit().setArray(ARR, values);
    jit().setF64(S0, 0);
    jit().setI64(S1, 0);
    jit().setI64(S2, values.length);
    jit().setF64(S4, 2);
    assert.deepEqual(executor.exitReason(executor.run()), "DONE");
    assert.deepEqual(jit().getF64(S0), 0.5 * 999 * 1000 / 2);
    assert.deepEqual(values[10], 10);
    assert.deepEqual(values[999], 999);
    // Past the end: the load's guard exits, and i tells where.
    jit().setI64(S1, 998);
    jit().setI64(S2, 1001);
    assert.deepEqual(executor.exitReason(executor.run()), "INDEX_OUT_OF_RANGE");
    assert.deepEqual(jit().getI64(S1), 1000n);
    executor.free();

    // int64 elements too.
    const ints = BigInt64Array.from({ length: 100 }, (_, i) => BigInt(i * i));
    const u = new NativeTraceBuilder();
    const fault = u.exit("INDEX_OUT_OF_RANGE");
    u.op("LOAD_ELEM_I64", { a: S0, b: ARR, c: S1, target: fault });
    u.op("STORE_ELEM_I64", { a: ARR, b: S2, c: S0, target: fault });
    u.op("JUMP", { target: u.exit("DONE") });
    const copy = jit().compile(u.finish());
    jit().setArray(ARR, ints);
    jit().setI64(S1, 9);
    jit().setI64(S2, 0);
    assert.deepEqual(copy.run(), 1);
    assert.deepEqual(ints[0], 81n);
    jit().setI64(S1, -1);
    assert.deepEqual(copy.run(), 0);
    copy.free();
  },
});

Deno.test({
  name: "clearing the validity flag from TypeScript makes the next entry exit at once",
  ignore,
  fn() {
    const t = new NativeTraceBuilder();
    const invalid = t.exit("INVALIDATED");
    const overflow = t.exit("INT_OVERFLOW");
    t.op("CHECK_VALIDITY", { target: invalid });
    t.op("ADD_I64_IMM", { a: S0, b: S0, operand: 1, target: overflow });
    t.op("JUMP", { target: t.exit("DONE") });
    const executor = jit().compile(t.finish());
    jit().setI64(S0, 0);
    assert.deepEqual(executor.exitReason(executor.run()), "DONE");
    assert.deepEqual(jit().getI64(S0), 1n);
    assert.ok(executor.valid);
    executor.invalidate();
    assert.ok(!executor.valid);
    assert.deepEqual(executor.exitReason(executor.run()), "INVALIDATED");
    assert.deepEqual(jit().getI64(S0), 1n, "nothing ran after the check");
    executor.free();
  },
});

Deno.test({
  name: "no mapping is ever writable and executable, even while traces share and reuse pages",
  ignore,
  fn() {
    const compiled = [];
    for (let i = 0; i < 40; i++) {
      const t = new NativeTraceBuilder();
      t.op("CONST_I64", { a: S0, operand: i });
      t.op("JUMP", { target: t.exit("DONE") });
      compiled.push(jit().compile(t.finish()));
      assertNoWritableExecutableMapping();
    }
    const before = jit().stats();
    for (let i = 0; i < compiled.length; i += 2) compiled[i].free();
    const after = jit().stats();
    assert.ok(after.bytesInUse < before.bytesInUse, "freeing returns bytes");
    // Freed blocks are reused: compiling the same number again maps nothing new.
    for (let i = 0; i < 20; i++) {
      const t = new NativeTraceBuilder();
      t.op("CONST_I64", { a: S0, operand: 1000 + i });
      t.op("JUMP", { target: t.exit("DONE") });
      const executor = jit().compile(t.finish());
      assert.deepEqual(executor.run(), 0);
      assert.deepEqual(jit().getI64(S0), BigInt(1000 + i));
      assertNoWritableExecutableMapping();
    }
    assert.deepEqual(jit().stats().bytesMapped, before.bytesMapped);
    // Earlier executors still run after their pages were flipped and written again.
    assert.deepEqual(compiled[1].run(), 0);
    assert.deepEqual(jit().getI64(S0), 1n);
    assertNoWritableExecutableMapping();
  },
});

Deno.test({
  name: "traces that break the rules are refused before any code is written",
  ignore,
  fn() {
    const bad = new NativeTraceBuilder();
    bad.op("ADD_I64", { a: S0, b: S0, c: 1, target: bad.exit("INT_OVERFLOW") }); // slot 1 is the header
    bad.op("JUMP", { target: 0 });
    assert.throws(() => jit().compile(bad.finish()), /slot c=1 outside/);
    const open = new NativeTraceBuilder();
    open.op("CONST_I64", { a: S0, operand: 1 });
    assert.throws(() => jit().compile(open.finish()), /must end with EXIT or JUMP/);
  },
});
