/**
 * AST → text, exactly as CPython 3.11's `ast.dump(tree, indent=3)` (what `python3 -m ast` prints).
 *
 * Rules copied from 3.11's ast.py: fields in `_fields` order, all annotated; an optional field
 * holding None is left out (a required one, such as `Constant.value`, is shown); a node whose
 * arguments are all "simple" and at most three goes on one line. Fields Python 3.12 added
 * (`type_params`) are left out while empty, so 3.11-syntax programs dump as 3.11 dumps them.
 *
 * @example
 * ```ts
 * import { dumpAst } from "./ast_dump.ts";
 * import { parse } from "./parser.ts";
 * console.log(dumpAst(parse("x = 1\n", "<string>"), null));
 * // Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])
 * ```
 * @module
 */
import {
  type AstNode,
  type ConstantValue,
  NODE_FIELDS,
  type NodeType,
  NULLABLE_REQUIRED_FIELDS,
  POSITION_ATTRIBUTES,
  UNLOCATED_NODES,
} from "./ast.ts";
import { bytesRepr, complexRepr, floatRepr, strRepr } from "../objects/repr.ts";

/** Fields that Python 3.12 added to 3.11's nodes: shown only when not empty. */
const FIELDS_NEWER_THAN_311: ReadonlySet<string> = new Set([
  "FunctionDef.type_params",
  "AsyncFunctionDef.type_params",
  "ClassDef.type_params",
]);

/** Options beyond the indent: `includeAttributes` adds positions, as `ast.dump(…, include_attributes=True)`. */
export interface DumpOptions {
  includeAttributes?: boolean;
}

/**
 * Dumps an AST the way `ast.dump(node, indent=indent)` does (`indent` null: one line).
 * @example
 * ```ts
 * import { dumpAst } from "./ast_dump.ts";
 * import { parse } from "./parser.ts";
 * console.log(dumpAst(parse("pass\n", "<string>")));
 * ```
 */
export function dumpAst(node: AstNode, indent: number | null = 3, options: DumpOptions = {}): string {
  const dumper = new Dumper(indent === null ? null : " ".repeat(indent), options.includeAttributes ?? false);
  try {
    return dumper.format(node, 0)[0];
  } catch (e) {
    if (e instanceof RangeError) {
      throw new Error("RecursionError: maximum recursion depth exceeded while dumping the AST");
    }
    throw e;
  }
}

/** Python's repr of a constant's value. */
export function constantRepr(v: ConstantValue): string {
  if (v === null) return "None";
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return v.toString();
    case "number":
      return floatRepr(v);
    case "string":
      return strRepr(v);
  }
  switch (v._type) {
    case "complex":
      return complexRepr(v.real, v.imag);
    case "bytes":
      return bytesRepr(v.value);
    case "Ellipsis":
      return "Ellipsis";
  }
}

/** Operators, contexts and the like are strings in our AST and empty nodes in Python's. */
function isBareNodeName(field: string): boolean {
  return field === "op" || field === "ctx" || field === "ops";
}

class Dumper {
  constructor(readonly indent: string | null, readonly includeAttributes: boolean) {}

  /** Returns [text, simple], as 3.11's `_format`. */
  format(node: unknown, level: number, field = ""): [string, boolean] {
    let prefix = "";
    let sep = ", ";
    if (this.indent !== null) {
      level += 1;
      prefix = "\n" + this.indent.repeat(level);
      sep = ",\n" + this.indent.repeat(level);
    }
    if (Array.isArray(node)) {
      if (node.length === 0) return ["[]", true];
      const items = node.map((x) => this.format(x, level, field)[0]);
      return ["[" + prefix + items.join(sep) + "]", false];
    }
    if (typeof node === "string" && isBareNodeName(field)) return [node + "()", true];
    if (
      node !== null && typeof node === "object" && "_type" in node && (node as AstNode)._type in NODE_FIELDS
    ) {
      return this.formatNode(node as AstNode, level, prefix, sep);
    }
    return [this.scalar(node, field), true];
  }

  formatNode(node: AstNode, level: number, prefix: string, sep: string): [string, boolean] {
    const type = node._type;
    const record = node as unknown as Record<string, unknown>;
    const args: string[] = [];
    let allSimple = true;
    for (const name of NODE_FIELDS[type] as readonly string[]) {
      const value = record[name];
      if (value === null && !NULLABLE_REQUIRED_FIELDS.has(type + "." + name)) continue;
      if (Array.isArray(value) && value.length === 0 && FIELDS_NEWER_THAN_311.has(type + "." + name)) {
        continue;
      }
      const [text, simple] = type === "Constant" && name === "value"
        ? [constantRepr(value as ConstantValue), true]
        : type === "MatchSingleton" && name === "value"
        ? [constantRepr(value as ConstantValue), true]
        : this.format(value, level, name);
      allSimple &&= simple;
      args.push(name + "=" + text);
    }
    if (this.includeAttributes && !UNLOCATED_NODES.has(type as NodeType)) {
      for (const name of POSITION_ATTRIBUTES) {
        const value = record[name];
        if (value === null || value === undefined) continue;
        args.push(name + "=" + String(value));
      }
    }
    if (allSimple && args.length <= 3) return [type + "(" + args.join(", ") + ")", args.length === 0];
    return [type + "(" + prefix + args.join(sep) + ")", false];
  }

  scalar(value: unknown, field: string): string {
    if (value === null || value === undefined) return "None";
    if (typeof value === "string") return strRepr(value);
    if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "boolean") return value ? "True" : "False";
    throw new Error(`ast.dump: unexpected value in field '${field}'`);
  }
}
