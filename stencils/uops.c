/*
 * The C body of every uop of the native backend: each `UOP(NAME) { ... }` block goes into one
 * stencil (stencils/build.ts compiles each block alone after template.h). The uop list and the
 * meaning of each field are defined once in instructions/native_uops.ts; the build fails unless this file has
 * exactly one block per uop there. Python semantics are kept where they differ from C's: floor
 * division and modulo round toward negative infinity, int64 overflow leaves the trace (the
 * interpreter continues with unbounded ints), and math domain errors leave the trace too.
 */

/* Control. */

UOP(EXIT) {
  return (int32_t)OPERAND;
}

UOP(JUMP) {
  JUMP_TO_TARGET();
}

UOP(CHECK_VALIDITY) {
  GUARD(*(volatile int64_t *)_JIT_OPERAND != 0);
  CONTINUE();
}

UOP(JUMP_IF_TRUE) {
  if (BI != 0) JUMP_TO_TARGET();
  CONTINUE();
}

UOP(JUMP_IF_FALSE) {
  if (BI == 0) JUMP_TO_TARGET();
  CONTINUE();
}

UOP(JUMP_IF_LT_I64) {
  if (BI < CI) JUMP_TO_TARGET();
  CONTINUE();
}

UOP(JUMP_IF_GE_I64) {
  if (BI >= CI) JUMP_TO_TARGET();
  CONTINUE();
}

/* Moves and constants. */

UOP(CONST_I64) {
  AI = OPERAND;
  CONTINUE();
}

UOP(CONST_F64) {
  AF = ((Slot){.i = OPERAND}).f; /* the float whose bits are the operand */
  CONTINUE();
}

UOP(COPY_I64) {
  AI = BI;
  CONTINUE();
}

UOP(COPY_F64) {
  AF = BF;
  CONTINUE();
}

/* int64 arithmetic. */

UOP(ADD_I64) {
  int64_t r;
  GUARD(!__builtin_add_overflow(BI, CI, &r));
  AI = r;
  CONTINUE();
}

UOP(SUB_I64) {
  int64_t r;
  GUARD(!__builtin_sub_overflow(BI, CI, &r));
  AI = r;
  CONTINUE();
}

UOP(MUL_I64) {
  int64_t r;
  GUARD(!__builtin_mul_overflow(BI, CI, &r));
  AI = r;
  CONTINUE();
}

UOP(ADD_I64_IMM) {
  int64_t r;
  GUARD(!__builtin_add_overflow(BI, OPERAND, &r));
  AI = r;
  CONTINUE();
}

UOP(FLOORDIV_I64) {
  int64_t x = BI, y = CI;
  GUARD(y != 0);
  GUARD(!(x == INT64_MIN && y == -1));
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) q -= 1;
  AI = q;
  CONTINUE();
}

UOP(MOD_I64) {
  int64_t x = BI, y = CI;
  GUARD(y != 0);
  int64_t r = y == -1 ? 0 : x % y; /* INT64_MIN % -1 traps on x86 */
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  AI = r;
  CONTINUE();
}

UOP(NEG_I64) {
  int64_t r;
  GUARD(!__builtin_sub_overflow((int64_t)0, BI, &r));
  AI = r;
  CONTINUE();
}

UOP(ABS_I64) {
  int64_t x = BI;
  GUARD(x != INT64_MIN);
  AI = x < 0 ? -x : x;
  CONTINUE();
}

UOP(TRUEDIV_I64) {
  int64_t x = BI, y = CI;
  const int64_t exact = (int64_t)1 << 53; /* beyond this, (double)x may round before dividing */
  GUARD(y != 0);
  GUARD(x >= -exact && x <= exact && y >= -exact && y <= exact);
  AF = (double)x / (double)y;
  CONTINUE();
}

UOP(AND_I64) {
  AI = BI & CI;
  CONTINUE();
}

UOP(OR_I64) {
  AI = BI | CI;
  CONTINUE();
}

UOP(XOR_I64) {
  AI = BI ^ CI;
  CONTINUE();
}

UOP(LSHIFT_I64) {
  int64_t x = BI, n = CI;
  GUARD(n >= 0);
  int64_t r = 0;
  if (x != 0) {
    GUARD(n < 64);
    r = (int64_t)((uint64_t)x << n);
    GUARD((r >> n) == x);
  }
  AI = r;
  CONTINUE();
}

UOP(RSHIFT_I64) {
  int64_t x = BI, n = CI;
  GUARD(n >= 0);
  AI = n >= 64 ? (x < 0 ? -1 : 0) : x >> n;
  CONTINUE();
}

UOP(LT_I64) {
  AI = BI < CI;
  CONTINUE();
}

UOP(LE_I64) {
  AI = BI <= CI;
  CONTINUE();
}

UOP(EQ_I64) {
  AI = BI == CI;
  CONTINUE();
}

UOP(NE_I64) {
  AI = BI != CI;
  CONTINUE();
}

UOP(GT_I64) {
  AI = BI > CI;
  CONTINUE();
}

UOP(GE_I64) {
  AI = BI >= CI;
  CONTINUE();
}

/* float64 arithmetic. */

UOP(ADD_F64) {
  AF = BF + CF;
  CONTINUE();
}

UOP(SUB_F64) {
  AF = BF - CF;
  CONTINUE();
}

UOP(MUL_F64) {
  AF = BF * CF;
  CONTINUE();
}

UOP(DIV_F64) {
  double y = CF;
  GUARD(y != 0.0);
  AF = BF / y;
  CONTINUE();
}

UOP(NEG_F64) {
  AF = -BF;
  CONTINUE();
}

/* CPython's float_rem and _float_div_mod (Objects/floatobject.c), on fmod and floor. */
UOP(FLOORDIV_F64) {
  double vx = BF, wx = CF;
  GUARD(wx != 0.0);
  double mod = fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) div -= 1.0;
  }
  double result;
  if (div != 0.0) {
    result = floor(div);
    if (div - result > 0.5) result += 1.0;
  } else {
    result = __builtin_copysign(0.0, vx / wx);
  }
  AF = result;
  CONTINUE();
}

UOP(MOD_F64) {
  double vx = BF, wx = CF;
  GUARD(wx != 0.0);
  double mod = fmod(vx, wx);
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) mod += wx;
  } else {
    mod = __builtin_copysign(0.0, wx);
  }
  AF = mod;
  CONTINUE();
}

UOP(ABS_F64) {
  AF = __builtin_fabs(BF);
  CONTINUE();
}

UOP(I64_TO_F64) {
  AF = (double)BI;
  CONTINUE();
}

UOP(LT_F64) {
  AI = BF < CF;
  CONTINUE();
}

UOP(LE_F64) {
  AI = BF <= CF;
  CONTINUE();
}

UOP(EQ_F64) {
  AI = BF == CF;
  CONTINUE();
}

UOP(NE_F64) {
  AI = BF != CF;
  CONTINUE();
}

UOP(GT_F64) {
  AI = BF > CF;
  CONTINUE();
}

UOP(GE_F64) {
  AI = BF >= CF;
  CONTINUE();
}

/* libm. */

UOP(SQRT_F64) {
  double x = BF;
  GUARD(!(x < 0.0));
  AF = sqrt(x);
  CONTINUE();
}

UOP(SIN_F64) {
  double x = BF;
  GUARD(!__builtin_isinf(x));
  AF = sin(x);
  CONTINUE();
}

UOP(COS_F64) {
  double x = BF;
  GUARD(!__builtin_isinf(x));
  AF = cos(x);
  CONTINUE();
}

UOP(EXP_F64) {
  double x = BF;
  double r = exp(x);
  GUARD(!(__builtin_isinf(r) && __builtin_isfinite(x)));
  AF = r;
  CONTINUE();
}

UOP(LOG_F64) {
  double x = BF;
  GUARD(!(x <= 0.0));
  AF = log(x);
  CONTINUE();
}

UOP(POW_F64) {
  double x = BF, y = CF;
  double r = pow(x, y);
  GUARD(__builtin_isfinite(r) || !__builtin_isfinite(x) || !__builtin_isfinite(y));
  AF = r;
  CONTINUE();
}

UOP(FLOOR_F64) {
  double r = floor(BF);
  GUARD(r >= -9223372036854775808.0 && r < 9223372036854775808.0); /* false for NaN */
  AI = (int64_t)r;
  CONTINUE();
}

/* Typed-array elements. */

UOP(LOAD_ELEM_I64) {
  int64_t i = CI;
  GUARD((uint64_t)i < (uint64_t)ARRAY_LENGTH(_JIT_B));
  AI = ((int64_t *)ARRAY_DATA(_JIT_B))[i];
  CONTINUE();
}

UOP(STORE_ELEM_I64) {
  int64_t i = BI;
  GUARD((uint64_t)i < (uint64_t)ARRAY_LENGTH(_JIT_A));
  ((int64_t *)ARRAY_DATA(_JIT_A))[i] = CI;
  CONTINUE();
}

UOP(LOAD_ELEM_F64) {
  int64_t i = CI;
  GUARD((uint64_t)i < (uint64_t)ARRAY_LENGTH(_JIT_B));
  AF = ((double *)ARRAY_DATA(_JIT_B))[i];
  CONTINUE();
}

UOP(STORE_ELEM_F64) {
  int64_t i = BI;
  GUARD((uint64_t)i < (uint64_t)ARRAY_LENGTH(_JIT_A));
  ((double *)ARRAY_DATA(_JIT_A))[i] = CF;
  CONTINUE();
}
