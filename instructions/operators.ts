/**
 * The operators of BINARY_OP and COMPARE_OP: one row each → everything that numbers, names or
 * dispatches them (the compiler's opargs, `dis`'s names, the dunders the object model looks up,
 * the reflected forms). Nothing else spells these out.
 *
 * BINARY_OP's oparg is a row index of BINARY_OPERATORS (CPython's NB_* order), plus NB_INPLACE for
 * the augmented form (`+=`). COMPARE_OP's oparg is a row index of COMPARISONS (CPython's
 * Py_LT..Py_GE).
 *
 * @example
 * ```ts
 * import { BINARY_OPS, COMPARISONS, NB_INPLACE, NB_SUBTRACT } from "./operators.ts";
 * console.log(BINARY_OPS[NB_SUBTRACT + NB_INPLACE].symbol, COMPARISONS[0].dunder); // -= __lt__
 * ```
 * @module
 */

/** One binary operator. */
export interface BinaryOperator {
  /** CPython's NB_ name without the prefix. */
  readonly name: string;
  readonly symbol: string;
  /** The AST node's name (compiler/ast.ts `operator`). */
  readonly ast: string;
  readonly dunder: string;
  readonly reflected: string;
  readonly inplace: string;
}

function binary(name: string, symbol: string, ast: string, stem: string): BinaryOperator {
  return { name, symbol, ast, dunder: `__${stem}__`, reflected: `__r${stem}__`, inplace: `__i${stem}__` };
}

/** The thirteen binary operators, in CPython's NB_* order (the row index is the BINARY_OP oparg). */
export const BINARY_OPERATORS: readonly BinaryOperator[] = [
  binary("ADD", "+", "Add", "add"),
  binary("AND", "&", "BitAnd", "and"),
  binary("FLOOR_DIVIDE", "//", "FloorDiv", "floordiv"),
  binary("LSHIFT", "<<", "LShift", "lshift"),
  binary("MATRIX_MULTIPLY", "@", "MatMult", "matmul"),
  binary("MULTIPLY", "*", "Mult", "mul"),
  binary("REMAINDER", "%", "Mod", "mod"),
  binary("OR", "|", "BitOr", "or"),
  binary("POWER", "**", "Pow", "pow"),
  binary("RSHIFT", ">>", "RShift", "rshift"),
  binary("SUBTRACT", "-", "Sub", "sub"),
  binary("TRUE_DIVIDE", "/", "Div", "truediv"),
  binary("XOR", "^", "BitXor", "xor"),
];

/** Add to a binary operator's oparg for its in-place form. */
export const NB_INPLACE: number = BINARY_OPERATORS.length;

/** A BINARY_OP oparg's operator as `dis` shows it (`NB_ADD`, `NB_INPLACE_ADD`, symbol `+=`). */
export interface BinaryOpInfo {
  readonly name: string;
  readonly symbol: string;
  readonly dunder: string;
  readonly reflected: string;
  readonly inplace: string;
}

/** Every BINARY_OP oparg → its operator: the plain forms, then the in-place forms. */
export const BINARY_OPS: readonly BinaryOpInfo[] = [
  ...BINARY_OPERATORS.map((o) => ({ ...o, name: `NB_${o.name}` })),
  ...BINARY_OPERATORS.map((o) => ({ ...o, name: `NB_INPLACE_${o.name}`, symbol: `${o.symbol}=` })),
];

function nb(name: string): number {
  return BINARY_OPERATORS.findIndex((o) => o.name === name);
}
/** BINARY_OP opargs of the plain operators. */
export const NB_ADD: number = nb("ADD"),
  NB_AND: number = nb("AND"),
  NB_FLOOR_DIVIDE: number = nb("FLOOR_DIVIDE"),
  NB_LSHIFT: number = nb("LSHIFT"),
  NB_MATRIX_MULTIPLY: number = nb("MATRIX_MULTIPLY"),
  NB_MULTIPLY: number = nb("MULTIPLY"),
  NB_REMAINDER: number = nb("REMAINDER"),
  NB_OR: number = nb("OR"),
  NB_POWER: number = nb("POWER"),
  NB_RSHIFT: number = nb("RSHIFT"),
  NB_SUBTRACT: number = nb("SUBTRACT"),
  NB_TRUE_DIVIDE: number = nb("TRUE_DIVIDE"),
  NB_XOR: number = nb("XOR");

/** One rich comparison. */
export interface Comparison {
  readonly name: string;
  readonly symbol: string;
  /** The AST node's name (compiler/ast.ts `cmpop`). */
  readonly ast: string;
  readonly dunder: string;
  /** The comparison with its operands swapped (`a < b` is `b > a`): the reflected dunder's row. */
  readonly swapped: number;
}

/** The six comparisons, in CPython's Py_LT..Py_GE order (the row index is the COMPARE_OP oparg). */
export const COMPARISONS: readonly Comparison[] = [
  { name: "LT", symbol: "<", ast: "Lt", dunder: "__lt__", swapped: 4 },
  { name: "LE", symbol: "<=", ast: "LtE", dunder: "__le__", swapped: 5 },
  { name: "EQ", symbol: "==", ast: "Eq", dunder: "__eq__", swapped: 2 },
  { name: "NE", symbol: "!=", ast: "NotEq", dunder: "__ne__", swapped: 3 },
  { name: "GT", symbol: ">", ast: "Gt", dunder: "__gt__", swapped: 0 },
  { name: "GE", symbol: ">=", ast: "GtE", dunder: "__ge__", swapped: 1 },
];

function cmp(name: string): number {
  return COMPARISONS.findIndex((c) => c.name === name);
}
/** COMPARE_OP opargs. */
export const PY_LT: number = cmp("LT"),
  PY_LE: number = cmp("LE"),
  PY_EQ: number = cmp("EQ"),
  PY_NE: number = cmp("NE"),
  PY_GT: number = cmp("GT"),
  PY_GE: number = cmp("GE");

/** The comparison dunders by oparg (`__lt__` … `__ge__`), for types that define all six. */
export const COMPARISON_DUNDERS: readonly string[] = COMPARISONS.map((c) => c.dunder);
