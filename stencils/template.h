/*
 * The prelude of every stencil: uop bodies from uops.c go in, one function per stencil comes out.
 *
 * A stencil is a `preserve_none` function of the native frame pointer (in r12) and the register
 * cache (below) that ends with a `musttail` call to the next stencil, to a jump target, or returns
 * an exit index. Run-time values
 * are the addresses of extern `_JIT_*` symbols, so each use becomes a relocation (a hole) that the
 * emitter patches:
 *   _JIT_A, _JIT_B, _JIT_C  byte offsets of frame slots (small objects: 32-bit displacements)
 *   _JIT_OPERAND            a 64-bit immediate (a large object: movabs)
 *   _JIT_CONTINUE           the next uop's code
 *   _JIT_TARGET             the code of the uop named by the instruction's target
 * The frame layout is documented in jit/native_state.ts. Where each field lives (slot or register)
 * is set per stencil by locations.h.
 */
#include <stdint.h>

typedef union {
  int64_t i;
  double f;
  void *p;
} Slot;

#define PRESERVE_NONE __attribute__((preserve_none))
#define MUSTTAIL __attribute__((musttail))

extern char _JIT_A, _JIT_B, _JIT_C;
/* Declared larger than -mlarge-data-threshold so that clang loads its address with movabs. */
extern char _JIT_OPERAND[1 << 20];
/*
 * The register cache: two int64 and two float64 values that stay in registers from uop to uop
 * (preserve_none passes them in r13, r14, xmm0, xmm1). A register variant of a uop (built with
 * LOC_A/LOC_B/LOC_C = 1 or 2) reads or writes a field there instead of in its frame slot.
 */
#define REG_PARAMS int64_t i0, int64_t i1, double f0, double f1
#define REGS i0, i1, f0, f1
PRESERVE_NONE int32_t _JIT_CONTINUE(Slot *frame, REG_PARAMS);
PRESERVE_NONE int32_t _JIT_TARGET(Slot *frame, REG_PARAMS);

double sqrt(double);
double sin(double);
double cos(double);
double exp(double);
double log(double);
double pow(double, double);
double floor(double);
double fmod(double, double);

/* The slot whose byte offset is the address of `sym`, plus `extra` bytes. */
#define SLOT_AT(sym, extra) (*(Slot *)((char *)frame + (intptr_t)&(sym) + (extra)))
/* An array operand: slot holds the element buffer's address, the next slot its length. */
#define ARRAY_DATA(sym) SLOT_AT(sym, 0).p
#define ARRAY_LENGTH(sym) SLOT_AT(sym, 8).i
#define OPERAND ((int64_t)(uintptr_t)_JIT_OPERAND)

#define CONTINUE() MUSTTAIL return _JIT_CONTINUE(frame, REGS)
#define JUMP_TO_TARGET() MUSTTAIL return _JIT_TARGET(frame, REGS)
/* A failed check leaves through the exit stub named by the target field. */
#define GUARD(ok)                      \
  do {                                 \
    if (__builtin_expect(!(ok), 0)) {  \
      JUMP_TO_TARGET();                \
    }                                  \
  } while (0)

/* The stencil's function; the build names each register variant of a uop differently. */
#define UOP(name) PRESERVE_NONE int32_t STENCIL_NAME(Slot *frame, REG_PARAMS)
