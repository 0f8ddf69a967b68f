/*
 * The prelude of every stencil: a uop body from uops.c goes in, one `_JIT_ENTRY` function comes out.
 *
 * A stencil is a `preserve_none` function of the native frame pointer (in r12) that ends with a
 * `musttail` call to the next stencil, to a jump target, or returns an exit index. Run-time values
 * are the addresses of extern `_JIT_*` symbols, so each use becomes a relocation (a hole) that the
 * emitter patches:
 *   _JIT_A, _JIT_B, _JIT_C  byte offsets of frame slots (small objects: 32-bit displacements)
 *   _JIT_OPERAND            a 64-bit immediate (a large object: movabs)
 *   _JIT_CONTINUE           the next uop's code
 *   _JIT_TARGET             the code of the uop named by the instruction's target
 * The frame layout is documented in jit/native_state.ts.
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
PRESERVE_NONE int32_t _JIT_CONTINUE(Slot *frame);
PRESERVE_NONE int32_t _JIT_TARGET(Slot *frame);

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
#define A SLOT_AT(_JIT_A, 0)
#define B SLOT_AT(_JIT_B, 0)
#define C SLOT_AT(_JIT_C, 0)
/* An array operand: slot holds the element buffer's address, the next slot its length. */
#define ARRAY_DATA(sym) SLOT_AT(sym, 0).p
#define ARRAY_LENGTH(sym) SLOT_AT(sym, 8).i
#define OPERAND ((int64_t)(uintptr_t)_JIT_OPERAND)

#define CONTINUE() MUSTTAIL return _JIT_CONTINUE(frame)
#define JUMP_TO_TARGET() MUSTTAIL return _JIT_TARGET(frame)
/* A failed check leaves through the exit stub named by the target field. */
#define GUARD(ok)                      \
  do {                                 \
    if (__builtin_expect(!(ok), 0)) {  \
      JUMP_TO_TARGET();                \
    }                                  \
  } while (0)

#define UOP(name) PRESERVE_NONE int32_t _JIT_ENTRY(Slot *frame)
