/*
 * Field locations of one stencil: LOC_A, LOC_B, LOC_C (0 = the frame slot, 1 = register 0,
 * 2 = register 1) in, the accessors AI/AF, BI/BF, CI/CF (field as an int64 or float64 lvalue) out.
 * Included once per stencil after template.h, so one translation unit can hold every register
 * variant of a uop.
 */
#undef AI
#undef AF
#undef BI
#undef BF
#undef CI
#undef CF
#ifndef LOC_A
#define LOC_A 0
#endif
#ifndef LOC_B
#define LOC_B 0
#endif
#ifndef LOC_C
#define LOC_C 0
#endif
#if LOC_A == 0
#define AI SLOT_AT(_JIT_A, 0).i
#define AF SLOT_AT(_JIT_A, 0).f
#elif LOC_A == 1
#define AI i0
#define AF f0
#else
#define AI i1
#define AF f1
#endif
#if LOC_B == 0
#define BI SLOT_AT(_JIT_B, 0).i
#define BF SLOT_AT(_JIT_B, 0).f
#elif LOC_B == 1
#define BI i0
#define BF f0
#else
#define BI i1
#define BF f1
#endif
#if LOC_C == 0
#define CI SLOT_AT(_JIT_C, 0).i
#define CF SLOT_AT(_JIT_C, 0).f
#elif LOC_C == 1
#define CI i0
#define CF f0
#else
#define CI i1
#define CF f1
#endif
