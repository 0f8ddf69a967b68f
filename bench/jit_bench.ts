// Native JIT machinery benchmarks (`deno bench -A bench/jit_bench.ts`): the cost of entering JIT code
// (goal ≤ 50 ns), of compiling a 100-uop trace including mprotect (goal ≤ 20 µs), and a 10⁸-iteration
// int64 loop run natively (over frame slots, and with the register cache) beside the same loop in
// plain TypeScript. Each group prints ratios.
import { NativeJit } from "../jit/native_jit.ts";
import { NativeTraceBuilder } from "../jit/native_trace.ts";
import { nativeJitSupport } from "../jit/native_support.ts";
import { FIRST_SLOT } from "../jit/native_state.ts";
import { allocateRegisters } from "../jit/native_regalloc.ts";

const support = nativeJitSupport();
if (!support.available) {
  console.warn(`skipping JIT benchmarks: ${support.reason}`);
} else {
  const jit = NativeJit.create();
  const S0 = FIRST_SLOT, S1 = FIRST_SLOT + 1, S2 = FIRST_SLOT + 2;

  // Entry: an executor that returns at once.
  const empty = new NativeTraceBuilder();
  empty.op("JUMP", { target: empty.exit("DONE") });
  const returner = jit.compile(empty.finish());
  const { enter, state } = jit;
  const index = returner.index;
  // The same code called through UnsafeFnPointer (its EXIT stencil touches only rax, so the C ABI is safe).
  const slowPointer = new Deno.UnsafeFnPointer(
    Deno.UnsafePointer.create(BigInt(returner.address + returner.code.uopOffsets[1]))!,
    { parameters: [], result: "i32" },
  );
  Deno.bench(
    { name: "enter through the trampoline (dlopen fast call)", group: "entry", baseline: true },
    () => {
      enter(state, index);
    },
  );
  Deno.bench({ name: "enter through Deno.UnsafeFnPointer#call", group: "entry" }, () => {
    slowPointer.call();
  });

  // Compile: a 100-uop trace (arithmetic with guards, a libm call, a loop), emitted and freed.
  const hundred = new NativeTraceBuilder();
  const overflow = hundred.exit("INT_OVERFLOW");
  const domain = hundred.exit("MATH_DOMAIN");
  const done = hundred.exit("DONE");
  const top = hundred.here();
  hundred.op("JUMP_IF_GE_I64", { b: S1, c: S2, target: done });
  while (hundred.here() < 93) {
    hundred.op("ADD_I64", { a: S0, b: S0, c: S1, target: overflow });
    hundred.op("MUL_F64", { a: S2 + 1, b: S2 + 1, c: S2 + 2 });
    hundred.op("SQRT_F64", { a: S2 + 3, b: S2 + 1, target: domain });
    hundred.op("FLOORDIV_I64", { a: S2 + 4, b: S0, c: S1, target: overflow });
  }
  hundred.op("ADD_I64_IMM", { a: S1, b: S1, operand: 1, target: overflow });
  hundred.op("I64_TO_F64", { a: S2 + 5, b: S1 });
  hundred.op("COPY_I64", { a: S2 + 6, b: S0 });
  hundred.op("JUMP", { target: top });
  const trace = hundred.finish(); // 1 + 23 × 4 + 3 + 1 body uops and 3 exit stubs
  if (trace.uops.length !== 100) {
    throw new Error(`the compile benchmark's trace has ${trace.uops.length} uops`);
  }
  Deno.bench(
    { name: "compile a 100-uop trace (two passes, copy, mprotect) and free it", group: "compile" },
    () => {
      jit.compile(trace).free();
    },
  );

  // A 10⁸-iteration int64 loop: s += i; i += 1 while i < n.
  const N = 100_000_000;
  const loop = new NativeTraceBuilder();
  const loopOverflow = loop.exit("INT_OVERFLOW");
  const loopDone = loop.exit("DONE");
  const loopTop = loop.here();
  loop.op("JUMP_IF_GE_I64", { b: S1, c: S2, target: loopDone });
  loop.op("ADD_I64", { a: S0, b: S0, c: S1, target: loopOverflow });
  loop.op("ADD_I64_IMM", { a: S1, b: S1, operand: 1, target: loopOverflow });
  loop.op("JUMP", { target: loopTop });
  const loopTrace = loop.finish();
  const looper = jit.compile(loopTrace);
  const registerLooper = jit.compile(allocateRegisters(loopTrace));
  const expected = BigInt(N) * BigInt(N - 1) / 2n;
  for (const [name, executor] of [["frame slots", looper], ["register cache", registerLooper]] as const) {
    Deno.bench({ name: `1e8-iteration int64 loop, native, ${name}`, group: "loop", n: 5, warmup: 1 }, () => {
      jit.setI64(S0, 0);
      jit.setI64(S1, 0);
      jit.setI64(S2, N);
      executor.run();
      if (jit.getI64(S0) !== expected) throw new Error("wrong sum");
    });
  }
  Deno.bench(
    { name: "1e8-iteration loop, plain TypeScript", group: "loop", baseline: true, n: 5, warmup: 1 },
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += i;
      if (s !== Number(expected)) throw new Error("wrong sum");
    },
  );
}
