/*
 * The fast entry from Deno into JIT code: (state buffer, executor index) in, exit index out.
 *
 * Built by stencils/build.ts with clang-19 -O2 -shared -fPIC and opened with Deno.dlopen, so that
 * Deno calls it through V8's fast-call path (a BigInt64Array and an i32). It reads the executor table's
 * address from word 0 of the state buffer and calls entry `index` as a preserve_none function,
 * which makes clang save and restore the callee-saved registers the stencils are free to clobber.
 * The state layout is documented in jit/native_state.ts.
 */
#include <stdint.h>

/* The stencils' signature: the frame, then the register cache (two int64, two float64), zeroed. */
typedef __attribute__((preserve_none)) int32_t (*pyjit_executor)(int64_t *state, int64_t, int64_t, double,
                                                                  double);

int32_t pyjit_enter(int64_t *state, int32_t index) {
  pyjit_executor const *table = (pyjit_executor const *)(intptr_t)state[0];
  return table[index](state, 0, 0, 0.0, 0.0);
}
