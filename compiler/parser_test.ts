/**
 * Parser unit tests: what the conformance dumps cannot show (Python 3.12 syntax, JS value types of
 * constants, modes, contexts, soft keywords, nesting limits).
 */
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { parse } from "./parser.ts";
import { dumpAst } from "./ast_dump.ts";
import type * as A from "./ast.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";
import { Exc, PyBaseException } from "../objects/object.ts";

function firstExpr(source: string): A.expr {
  const stmt = parse(source, "<test>").body[0];
  if (stmt._type !== "Expr") throw new Error(`not an expression statement: ${stmt._type}`);
  return stmt.value;
}
function constant(source: string): A.ConstantValue {
  const e = firstExpr(source);
  if (e._type !== "Constant") throw new Error(`not a constant: ${e._type}`);
  return e.value;
}

Deno.test("constants have the lead's JS representations", () => {
  strictEqual(constant("12345678901234567890123\n"), 12345678901234567890123n);
  strictEqual(constant("0x_ff\n"), 255n);
  strictEqual(constant("0o17\n"), 15n);
  strictEqual(constant("0B101\n"), 5n);
  strictEqual(constant("1_000\n"), 1000n);
  strictEqual(constant("1.5\n"), 1.5);
  strictEqual(constant("1e3\n"), 1000);
  strictEqual(constant("1e400\n"), Infinity);
  deepStrictEqual(constant("2.5j\n"), { _type: "complex", real: 0, imag: 2.5 });
  deepStrictEqual(constant("b'a\\x00' b'c'\n"), { _type: "bytes", value: new Uint8Array([97, 0, 99]) });
  deepStrictEqual(constant("...\n"), { _type: "Ellipsis" });
  strictEqual(constant("None\n"), null);
  strictEqual(constant("True\n"), true);
  strictEqual(constant("'a' \"b\"\n"), "ab");
});

Deno.test("operators and contexts are plain strings", () => {
  const e = firstExpr("a[b] + -c\n");
  strictEqual(e._type, "BinOp");
  if (e._type !== "BinOp") return;
  strictEqual(e.op, "Add");
  strictEqual(e.left._type === "Subscript" && e.left.ctx, "Load");
  strictEqual(e.right._type === "UnaryOp" && e.right.op, "USub");
  const assign = parse("x, [y, *z] = w\n", "<test>").body[0] as A.Assign;
  const target = assign.targets[0] as A.Tuple;
  strictEqual(target.ctx, "Store");
  strictEqual((target.elts[1] as A.List).ctx, "Store");
  strictEqual(((target.elts[1] as A.List).elts[1] as A.Starred).ctx, "Store");
  const del = parse("del a.b, c[0]\n", "<test>").body[0] as A.Delete;
  deepStrictEqual(del.targets.map((t) => (t as A.Attribute).ctx), ["Del", "Del"]);
});

Deno.test("eval and single modes give Expression and Interactive", () => {
  strictEqual(
    dumpAst(parse("1 + 2\n", "<test>", "eval"), null),
    "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))",
  );
  strictEqual(
    dumpAst(parse("x = 1\n", "<test>", "single"), null),
    "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])",
  );
});

Deno.test("PEP 695: type aliases and type parameters (Python 3.12 syntax)", () => {
  strictEqual(
    dumpAst(parse("type X[T: int, *Ts, **P] = list[T]\n", "<test>"), null),
    "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params=[TypeVar(name='T', " +
      "bound=Name(id='int', ctx=Load())), TypeVarTuple(name='Ts'), ParamSpec(name='P')], " +
      "value=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='T', ctx=Load()), ctx=Load()))], " +
      "type_ignores=[])",
  );
  const f = parse("def f[T](x: T) -> T: pass\nclass C[U]: pass\n", "<test>").body;
  deepStrictEqual((f[0] as A.FunctionDef).type_params.map((p) => p.name), ["T"]);
  deepStrictEqual((f[1] as A.ClassDef).type_params.map((p) => p.name), ["U"]);
  // `type` stays an ordinary name elsewhere.
  strictEqual(parse("type = 1\ntype(x)\n", "<test>").body.length, 2);
});

Deno.test("soft keywords work as names", () => {
  const body =
    parse("match = 1\nmatch(x)\nmatch[0] = 2\ncase = _ = 3\nmatch x:\n    case _: pass\n", "<test>").body;
  deepStrictEqual(body.map((s) => s._type), ["Assign", "Expr", "Assign", "Assign", "Match"]);
});

Deno.test("3.12 f-strings: nested quotes of the same kind", () => {
  strictEqual(
    dumpAst(firstExpr('f"{"a" + f"{b}"}"\n') as A.AstNode, null),
    "JoinedStr(values=[FormattedValue(value=BinOp(left=Constant(value='a'), op=Add(), " +
      "right=JoinedStr(values=[FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1)])), conversion=-1)])",
  );
});

Deno.test("positions are CPython's: parentheses belong to the enclosing node", () => {
  const e = firstExpr("(a) + b\n");
  deepStrictEqual([e.col_offset, e.end_col_offset], [0, 7]);
  const g = firstExpr("f(x for x in y)\n") as A.Call;
  deepStrictEqual([g.args[0].col_offset, g.args[0].end_col_offset], [1, 15]);
  const u = firstExpr("'é' + x\n") as A.BinOp;
  deepStrictEqual([u.right.col_offset], [7]); // UTF-8 byte columns
});

Deno.test("deep nesting is CPython's MemoryError, not a stack overflow; what CPython accepts is accepted", () => {
  for (
    const source of [
      "-".repeat(100000) + "x\n",
      "not ".repeat(50000) + "x\n",
      "lambda: ".repeat(20000) + "x\n",
      "x if y else ".repeat(20000) + "z\n",
      "2 ** ".repeat(5000) + "2\n",
    ]
  ) {
    // CPython's parser gives up at 6000 levels of its stack with MemoryError.
    throws(
      () => parse(source, "<test>"),
      (e: unknown) => e instanceof PyBaseException && e.cls === Exc.MemoryError,
    );
  }
  // Nesting that CPython's parser accepts stays accepted (its compiler stops near 3000 levels).
  for (
    const source of [
      "-".repeat(2990) + "x\n",
      "not ".repeat(2990) + "x\n",
      "lambda: ".repeat(2980) + "x\n",
      "x if y else ".repeat(2990) + "z\n",
      "a" + ".b".repeat(2990) + "\n",
      "(".repeat(200) + "x" + ")".repeat(200) + "\n",
    ]
  ) strictEqual(parse(source, "<test>").body.length, 1);
});

Deno.test("single mode takes one statement, as compile(…, 'single') does", () => {
  try {
    parse("x = 1\ny = 2\n", "<test>", "single");
    throw new Error("no error");
  } catch (e) {
    strictEqual(e instanceof PySyntaxError, true);
    const err = e as PySyntaxError;
    deepStrictEqual(
      [err.msg, err.lineno, err.offset, err.endLineno, err.endOffset],
      ["multiple statements found while compiling a single statement", 1, 6, 1, 6],
    );
  }
  strictEqual(parse("x = 1; y = 2\n", "<test>", "single").body.length, 2);
});

Deno.test("every node has exactly its NODE_FIELDS, plus positions when located", async () => {
  const { NODE_FIELDS, UNLOCATED_NODES, POSITION_ATTRIBUTES } = await import("./ast.ts");
  const dir = new URL("../tests/data/ast/", import.meta.url);
  const sources = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".py"))
    .map((e) => Deno.readTextFileSync(new URL(e.name, dir)));
  sources.push("type X[T: int, *Ts, **P] = list[T]\ndef f[T](x): pass\nclass C[T]: pass\n");
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object" || !("_type" in node)) return;
    const type = (node as A.AstNode)._type;
    if (!(type in NODE_FIELDS)) return; // constant values such as { _type: "complex" }
    seen.add(type);
    const expected = [
      "_type",
      ...NODE_FIELDS[type],
      ...(UNLOCATED_NODES.has(type) ? [] : POSITION_ATTRIBUTES),
    ];
    deepStrictEqual(Object.keys(node).sort(), [...new Set(expected)].sort(), type);
    for (const value of Object.values(node)) visit(value);
  };
  for (const source of sources) visit(parse(source, "<test>"));
  // The grammar programs reach every node kind but the other modes' roots.
  strictEqual(seen.size >= 75, true, `only ${seen.size} node kinds seen`);
});
