/**
 * What the opargs of some instructions mean: one table per instruction whose oparg selects a
 * function or a flag → the numbers the compiler emits, the names `dis` shows and the cases the
 * interpreter dispatches on (CALL_INTRINSIC_1/2, SET_FUNCTION_ATTRIBUTE, CONVERT_VALUE).
 *
 * @example
 * ```ts
 * import { INTRINSICS_1, INTRINSIC_PRINT } from "./opargs.ts";
 * console.log(INTRINSICS_1[INTRINSIC_PRINT]); // "INTRINSIC_PRINT"
 * ```
 * @module
 */

/** CPython's intrinsic functions for CALL_INTRINSIC_1 (the oparg indexes this list). */
export const INTRINSICS_1 = [
  "INTRINSIC_1_INVALID",
  "INTRINSIC_PRINT",
  "INTRINSIC_IMPORT_STAR",
  "INTRINSIC_STOPITERATION_ERROR",
  "INTRINSIC_ASYNC_GEN_WRAP",
  "INTRINSIC_UNARY_POSITIVE",
  "INTRINSIC_LIST_TO_TUPLE",
] as const;

function intrinsic1(name: typeof INTRINSICS_1[number]): number {
  return INTRINSICS_1.indexOf(name);
}
/** CALL_INTRINSIC_1 opargs. */
export const INTRINSIC_PRINT: number = intrinsic1("INTRINSIC_PRINT"),
  INTRINSIC_IMPORT_STAR: number = intrinsic1("INTRINSIC_IMPORT_STAR"),
  INTRINSIC_STOPITERATION_ERROR: number = intrinsic1("INTRINSIC_STOPITERATION_ERROR"),
  INTRINSIC_UNARY_POSITIVE: number = intrinsic1("INTRINSIC_UNARY_POSITIVE"),
  INTRINSIC_LIST_TO_TUPLE: number = intrinsic1("INTRINSIC_LIST_TO_TUPLE");

/** CPython's intrinsic functions for CALL_INTRINSIC_2. */
export const INTRINSICS_2 = ["INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR"] as const;
/** CALL_INTRINSIC_2 oparg. */
export const INTRINSIC_PREP_RERAISE_STAR: number = INTRINSICS_2.indexOf("INTRINSIC_PREP_RERAISE_STAR");

/** SET_FUNCTION_ATTRIBUTE flags: which attribute of the function the value below it sets. */
export const FUNCTION_ATTRIBUTES = [
  { flag: 1, name: "defaults" },
  { flag: 2, name: "kwdefaults" },
  { flag: 4, name: "annotations" },
  { flag: 8, name: "closure" },
] as const;
function funcFlag(name: typeof FUNCTION_ATTRIBUTES[number]["name"]): number {
  return FUNCTION_ATTRIBUTES.find((a) => a.name === name)!.flag;
}
/** SET_FUNCTION_ATTRIBUTE opargs. */
export const FUNC_DEFAULTS: number = funcFlag("defaults"),
  FUNC_KWDEFAULTS: number = funcFlag("kwdefaults"),
  FUNC_ANNOTATIONS: number = funcFlag("annotations"),
  FUNC_CLOSURE: number = funcFlag("closure");

/** CONVERT_VALUE opargs by conversion (`!s`, `!r`, `!a`). */
export const CONVERSIONS: Readonly<Record<number, string>> = { 1: "str", 2: "repr", 3: "ascii" };
