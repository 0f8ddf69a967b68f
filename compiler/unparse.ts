/**
 * Expressions back to source text, as CPython's compiler writes annotations under
 * `from __future__ import annotations` (Python/ast_unparse.c): an expression AST → the string
 * stored in `__annotations__`, with the fewest parentheses its operators' precedence needs,
 * constants as their repr (an infinite float as `1e309`), f-strings rebuilt.
 *
 * @example
 * ```ts
 * import { unparseExpr } from "./unparse.ts";
 * import { parse } from "./parser.ts";
 * const tree = parse("x: list[int] | None\n", "<s>", "exec") as never as { body: { annotation: never }[] };
 * console.log(unparseExpr(tree.body[0].annotation)); // "list[int] | None"
 * ```
 * @module
 */
import type * as ast from "./ast.ts";
import { bytesRepr, complexRepr, floatRepr, strRepr } from "../objects/repr.ts";
import { bigintToDecimal } from "../objects/types/int.ts";

// Precedence levels, lowest first (ast_unparse.c's enum).
const PR_TUPLE = 0;
const PR_TEST = 1; // if-else, lambda
const PR_OR = 2;
const PR_AND = 3;
const PR_NOT = 4;
const PR_CMP = 5;
const PR_EXPR = 6;
const PR_BOR = PR_EXPR;
const PR_BXOR = 7;
const PR_BAND = 8;
const PR_SHIFT = 9;
const PR_ARITH = 10;
const PR_TERM = 11;
const PR_FACTOR = 12;
const PR_POWER = 13;
const PR_AWAIT = 14;
const PR_ATOM = 15;

/** Each binary operator: its text and its precedence. */
const BINARY_OPERATORS: Record<ast.operator, [string, number]> = {
  Add: [" + ", PR_ARITH],
  Sub: [" - ", PR_ARITH],
  Mult: [" * ", PR_TERM],
  MatMult: [" @ ", PR_TERM],
  Div: [" / ", PR_TERM],
  Mod: [" % ", PR_TERM],
  FloorDiv: [" // ", PR_TERM],
  LShift: [" << ", PR_SHIFT],
  RShift: [" >> ", PR_SHIFT],
  BitOr: [" | ", PR_BOR],
  BitXor: [" ^ ", PR_BXOR],
  BitAnd: [" & ", PR_BAND],
  Pow: [" ** ", PR_POWER],
};

/** Each unary operator: its text and its precedence. */
const UNARY_OPERATORS: Record<ast.unaryop, [string, number]> = {
  Invert: ["~", PR_FACTOR],
  Not: ["not ", PR_NOT],
  UAdd: ["+", PR_FACTOR],
  USub: ["-", PR_FACTOR],
};

/** Each comparison operator's text. */
const COMPARISONS: Record<ast.cmpop, string> = {
  Eq: " == ",
  NotEq: " != ",
  Lt: " < ",
  LtE: " <= ",
  Gt: " > ",
  GtE: " >= ",
  Is: " is ",
  IsNot: " is not ",
  In: " in ",
  NotIn: " not in ",
};

/** The source text of an annotation (CPython's `_PyAST_ExprAsUnicode`). */
export function unparseExpr(e: ast.expr): string {
  return expr(e, PR_TEST);
}

function paren(open: boolean, text: string): string {
  return open ? `(${text})` : text;
}

function expr(e: ast.expr, level: number): string {
  switch (e._type) {
    case "BoolOp": {
      const pr = e.op === "And" ? PR_AND : PR_OR;
      return paren(level > pr, e.values.map((v) => expr(v, pr + 1)).join(e.op === "And" ? " and " : " or "));
    }
    case "BinOp": {
      const [op, pr] = BINARY_OPERATORS[e.op];
      const rassoc = e.op === "Pow" ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case "UnaryOp": {
      const [op, pr] = UNARY_OPERATORS[e.op];
      return paren(level > pr, op + expr(e.operand, pr));
    }
    case "Lambda": {
      const positional = e.args.args.length + e.args.posonlyargs.length;
      // CPython writes no space after `lambda` unless there are positional parameters.
      const text = (positional ? "lambda " : "lambda") + args(e.args) + ": " + expr(e.body, PR_TEST);
      return paren(level > PR_TEST, text);
    }
    case "IfExp":
      return paren(
        level > PR_TEST,
        `${expr(e.body, PR_TEST + 1)} if ${expr(e.test, PR_TEST + 1)} else ${expr(e.orelse, PR_TEST)}`,
      );
    case "Dict":
      return "{" + e.values.map((v, i) => {
        const k = e.keys[i];
        return k === null ? "**" + expr(v, PR_EXPR) : `${expr(k, PR_TEST)}: ${expr(v, PR_TEST)}`;
      }).join(", ") + "}";
    case "Set":
      return "{" + e.elts.map((v) => expr(v, PR_TEST)).join(", ") + "}";
    case "ListComp":
      return "[" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + "]";
    case "SetComp":
      return "{" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + "}";
    case "DictComp":
      return "{" + expr(e.key, PR_TEST) + ": " + expr(e.value, PR_TEST) + comprehensions(e.generators) + "}";
    case "GeneratorExp":
      return "(" + expr(e.elt, PR_TEST) + comprehensions(e.generators) + ")";
    case "Await":
      return paren(level > PR_AWAIT, "await " + expr(e.value, PR_ATOM));
    case "Yield":
      return e.value === null ? "(yield)" : `(yield ${expr(e.value, PR_TEST)})`;
    case "YieldFrom":
      return `(yield from ${expr(e.value, PR_TEST)})`;
    case "Compare": {
      let text = expr(e.left, PR_CMP + 1);
      e.ops.forEach((op, i) => text += COMPARISONS[op] + expr(e.comparators[i], PR_CMP + 1));
      return paren(level > PR_CMP, text);
    }
    case "Call":
      return call(e);
    case "Constant":
      if (e.value !== null && typeof e.value === "object" && e.value._type === "Ellipsis") return "...";
      return (e.kind ?? "") + constant(e.value);
    case "JoinedStr":
      return "f" + strRepr(fstringBody(e.values));
    case "FormattedValue":
      return "f" + strRepr(formattedValue(e));
    case "Attribute": {
      const v = e.value;
      // An int needs a space before the dot (`1 .real`), or the dot would make it a float.
      const period = v._type === "Constant" && typeof v.value === "bigint" ? " ." : ".";
      return expr(v, PR_ATOM) + period + e.attr;
    }
    case "Subscript":
      return expr(e.value, PR_ATOM) + "[" + expr(e.slice, PR_TUPLE) + "]";
    case "Starred":
      return "*" + expr(e.value, PR_EXPR);
    case "Name":
      return e.id;
    case "List":
      return "[" + e.elts.map((v) => expr(v, PR_TEST)).join(", ") + "]";
    case "Tuple": {
      if (e.elts.length === 0) return "()";
      const text = e.elts.map((v) => expr(v, PR_TEST)).join(", ") + (e.elts.length === 1 ? "," : "");
      return paren(level > PR_TUPLE, text);
    }
    case "Slice": {
      let text = (e.lower ? expr(e.lower, PR_TEST) : "") + ":" + (e.upper ? expr(e.upper, PR_TEST) : "");
      if (e.step) text += ":" + expr(e.step, PR_TEST);
      return text;
    }
    case "NamedExpr":
      return paren(level > PR_TUPLE, `${expr(e.target, PR_ATOM)} := ${expr(e.value, PR_ATOM)}`);
  }
}

function call(e: ast.Call): string {
  const func = expr(e.func, PR_ATOM);
  // A lone generator expression argument keeps its own parentheses only.
  if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._type === "GeneratorExp") {
    return func + expr(e.args[0], PR_TEST);
  }
  const parts = e.args.map((a) => expr(a, PR_TEST));
  for (const k of e.keywords) {
    parts.push(k.arg === null ? "**" + expr(k.value, PR_TEST) : `${k.arg}=${expr(k.value, PR_TEST)}`);
  }
  return func + "(" + parts.join(", ") + ")";
}

function comprehensions(generators: ast.comprehension[]): string {
  let text = "";
  for (const g of generators) {
    text += (g.is_async ? " async for " : " for ") + expr(g.target, PR_TUPLE) + " in " +
      expr(g.iter, PR_TEST + 1);
    for (const test of g.ifs) text += " if " + expr(test, PR_TEST + 1);
  }
  return text;
}

/** A parameter list (a lambda's). */
function args(a: ast.arguments): string {
  const parts: string[] = [];
  const positional = [...a.posonlyargs, ...a.args];
  positional.forEach((p, i) => {
    let text = arg(p);
    const d = i - positional.length + a.defaults.length;
    if (d >= 0) text += "=" + expr(a.defaults[d], PR_TEST);
    if (a.posonlyargs.length > 0 && i + 1 === a.posonlyargs.length) text += ", /";
    parts.push(text);
  });
  if (a.vararg !== null || a.kwonlyargs.length > 0) {
    parts.push("*" + (a.vararg !== null ? arg(a.vararg) : ""));
  }
  a.kwonlyargs.forEach((p, i) => {
    const d = a.kw_defaults[i];
    parts.push(d ? `${arg(p)}=${expr(d, PR_TEST)}` : arg(p));
  });
  if (a.kwarg !== null) parts.push("**" + arg(a.kwarg));
  return parts.join(", ");
}

function arg(a: ast.arg): string {
  return a.annotation === null ? a.arg : `${a.arg}: ${expr(a.annotation, PR_TEST)}`;
}

/** A constant's repr; infinities are written `1e309`, a literal that reads back as infinity. */
function constant(v: ast.ConstantValue): string {
  if (v === null) return "None";
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return bigintToDecimal(v);
    case "number":
      return floatRepr(v).replaceAll("inf", "1e309");
    case "string":
      return strRepr(v);
  }
  if (v._type === "complex") return complexRepr(v.real, v.imag).replaceAll("inf", "1e309");
  if (v._type === "bytes") return bytesRepr(v.value);
  return "...";
}

/** The text inside an f-string's quotes (or, for a format spec, the spec itself). */
function fstringBody(values: ast.expr[]): string {
  let body = "";
  for (const v of values) {
    if (v._type === "Constant" && typeof v.value === "string") {
      body += v.value.replaceAll("{", "{{").replaceAll("}", "}}");
    } else if (v._type === "JoinedStr") body += fstringBody(v.values);
    else if (v._type === "FormattedValue") body += formattedValue(v);
  }
  return body;
}

/** `{value!conversion:spec}` of an f-string. */
function formattedValue(e: ast.FormattedValue): string {
  // Above PR_TEST, so that a lambda's colon is parenthesized.
  const value = expr(e.value, PR_TEST + 1);
  let text = (value.startsWith("{") ? "{ " : "{") + value;
  if (e.conversion > 0) text += "!" + String.fromCharCode(e.conversion);
  if (e.format_spec !== null) {
    text += ":" +
      (e.format_spec._type === "JoinedStr"
        ? fstringBody(e.format_spec.values)
        : expr(e.format_spec, PR_TEST));
  }
  return text + "}";
}
