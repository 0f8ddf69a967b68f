/**
 * Why a specialization attempt failed: one row per reason (the family it belongs to, or "any",
 * and one line of what it means) → the codes the specializer records and the names `--stats`
 * prints. CPython keeps the same kind of table (its SPEC_FAIL_* kinds) for `--enable-pystats`.
 *
 * @example
 * ```ts
 * import { FAILURE_NAMES, SPEC_FAIL } from "./specialization_failures.ts";
 * console.log(FAILURE_NAMES[SPEC_FAIL.OTHER]); // "OTHER"
 * ```
 * @module
 */

/** One failure reason. */
export interface FailureReason {
  readonly name: string;
  /** The family it is recorded for ("any": every family may record it). */
  readonly family: string;
  readonly why: string;
}

/** Every failure reason. */
export const FAILURE_REASONS = [
  { name: "OTHER", family: "any", why: "a case no variant covers and no finer reason names" },
  {
    name: "OUT_OF_VERSIONS",
    family: "any",
    why: "the type has run out of version tags (modified too often)",
  },
  { name: "OVERRIDDEN", family: "any", why: "a Python-level override of the hook the variant bypasses" },
  { name: "EXPECTED_ERROR", family: "any", why: "the generic instruction would raise" },
  {
    name: "MUTABLE_CLASS",
    family: "LOAD_ATTR",
    why: "the owner is a class whose metaclass overrides attribute access",
  },
  { name: "NON_OBJECT_SLOT", family: "LOAD_ATTR", why: "the attribute is a slot of a non-object base" },
  {
    name: "NOT_DESCRIPTOR",
    family: "LOAD_ATTR",
    why: "the class attribute is an object with a __get__ of its own",
  },
  {
    name: "HAS_MANAGED_DICT",
    family: "LOAD_ATTR",
    why: "the instance keeps a dictionary form, not shared keys",
  },
  { name: "SHADOWED", family: "LOAD_ATTR", why: "an instance attribute shadows the method" },
  { name: "BOUND_METHOD", family: "LOAD_ATTR", why: "a method read without a call (a bound method is made)" },
  {
    name: "PROPERTY_NOT_PY_FUNCTION",
    family: "LOAD_ATTR",
    why: "a property whose getter is not a Python function of `self` alone",
  },
  { name: "GETATTRIBUTE", family: "LOAD_ATTR", why: "the type defines __getattribute__ or __getattr__" },
  { name: "NOT_IN_KEYS", family: "LOAD_ATTR", why: "the attribute is not in the instance's shared keys" },
  { name: "MODULE_ATTR_NOT_FOUND", family: "LOAD_ATTR", why: "the module has no such attribute (yet)" },
  { name: "SETATTR_OVERRIDDEN", family: "STORE_ATTR", why: "the type defines __setattr__" },
  { name: "NOT_IN_GLOBALS_OR_BUILTINS", family: "LOAD_GLOBAL", why: "the name is missing: NameError" },
  { name: "NON_DICT_NAMESPACE", family: "LOAD_GLOBAL", why: "globals or builtins is not an exact dict" },
  { name: "DIFFERENT_TYPES", family: "BINARY_OP", why: "the operands are of different types" },
  { name: "BIG_INT", family: "BINARY_OP", why: "an operand or the result is outside the safe-integer range" },
  { name: "OPERATOR", family: "BINARY_OP", why: "no variant for this operator and these types" },
  { name: "USER_TYPE", family: "any", why: "an operand is an instance of a Python class" },
  { name: "SUBCLASS", family: "any", why: "an operand is a subclass of a builtin type" },
  { name: "KIND", family: "CALL", why: "the callable is of a kind no variant covers" },
  { name: "KEYWORDS", family: "CALL", why: "the call passes keyword arguments" },
  { name: "WRONG_ARG_COUNT", family: "CALL", why: "the argument count does not fit the callee" },
  { name: "GENERATOR", family: "CALL", why: "the callee is a generator or coroutine function" },
  { name: "OUT_OF_RANGE", family: "any", why: "an index or size outside what the variant handles" },
  { name: "ITER_OTHER", family: "FOR_ITER", why: "an iterator type no variant covers" },
  { name: "SEQUENCE_KIND", family: "UNPACK_SEQUENCE", why: "the value is not an exact tuple or list" },
  { name: "WRONG_LENGTH", family: "UNPACK_SEQUENCE", why: "the sequence does not have oparg items" },
] as const satisfies readonly FailureReason[];

/** A failure reason's name. */
export type FailureName = typeof FAILURE_REASONS[number]["name"];

/** Failure codes by name (the row index). */
export const SPEC_FAIL: Readonly<Record<FailureName, number>> = Object.fromEntries(
  FAILURE_REASONS.map((r, i) => [r.name, i]),
) as Record<FailureName, number>;

/** Failure names by code. */
export const FAILURE_NAMES: readonly string[] = FAILURE_REASONS.map((r) => r.name);
