/**
 * Loads every builtin type's implementation (each module fills its type object's namespace and
 * slots when imported). Import this once before running Python code; builtins.ts does.
 *
 * @example
 * ```ts
 * import "./all.ts";
 * ```
 * @module
 */
import "./type.ts";
import "./exceptions.ts";
import "./iterators.ts";
import "./list.ts";
import "./str.ts";
import "./int_type.ts";
import "./float_type.ts";
import "./dict.ts";
import "./set.ts";
import "./misc.ts";
import "./bytes.ts";
import "./memoryview.ts";
import "./complex.ts";
import "./alias.ts";
