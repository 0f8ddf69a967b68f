/**
 * ast.dump rules (CPython 3.11's): one-line and indented forms, optional None fields left out,
 * required None shown, None inside lists shown, empty lists shown, constant reprs, positions.
 * Expected strings were printed by CPython 3.11's ast.dump.
 */
import { strictEqual } from "node:assert/strict";
import { dumpAst } from "./ast_dump.ts";
import { parse } from "./parser.ts";

const SOURCE =
  'def f(a, *, b, c=1, **k) -> None:\n    return None\nx = (1.5e-7, -0.0, 2j, b"\\x00", ..., "it\'s", 10**30)\nimport a as b, c\n';

Deno.test("one-line dump matches ast.dump(tree)", () => {
  strictEqual(
    dumpAst(parse(SOURCE, "<test>"), null),
    "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[arg(arg='b'), arg(arg='c')], kw_defaults=[None, Constant(value=1)], kwarg=arg(arg='k'), defaults=[]), body=[Return(value=Constant(value=None))], decorator_list=[], returns=Constant(value=None)), Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1.5e-07), UnaryOp(op=USub(), operand=Constant(value=0.0)), Constant(value=2j), Constant(value=b'\\x00'), Constant(value=Ellipsis), Constant(value=\"it's\"), BinOp(left=Constant(value=10), op=Pow(), right=Constant(value=30))], ctx=Load())), Import(names=[alias(name='a', asname='b'), alias(name='c')])], type_ignores=[])",
  );
});

Deno.test("indented dump matches ast.dump(tree, indent=2)", () => {
  strictEqual(
    dumpAst(parse(SOURCE, "<test>"), 2),
    "Module(\n  body=[\n    FunctionDef(\n      name='f',\n      args=arguments(\n        posonlyargs=[],\n        args=[\n          arg(arg='a')],\n        kwonlyargs=[\n          arg(arg='b'),\n          arg(arg='c')],\n        kw_defaults=[\n          None,\n          Constant(value=1)],\n        kwarg=arg(arg='k'),\n        defaults=[]),\n      body=[\n        Return(\n          value=Constant(value=None))],\n      decorator_list=[],\n      returns=Constant(value=None)),\n    Assign(\n      targets=[\n        Name(id='x', ctx=Store())],\n      value=Tuple(\n        elts=[\n          Constant(value=1.5e-07),\n          UnaryOp(\n            op=USub(),\n            operand=Constant(value=0.0)),\n          Constant(value=2j),\n          Constant(value=b'\\x00'),\n          Constant(value=Ellipsis),\n          Constant(value=\"it's\"),\n          BinOp(\n            left=Constant(value=10),\n            op=Pow(),\n            right=Constant(value=30))],\n        ctx=Load())),\n    Import(\n      names=[\n        alias(name='a', asname='b'),\n        alias(name='c')])],\n  type_ignores=[])",
  );
});

Deno.test("include_attributes adds positions", () => {
  strictEqual(
    dumpAst(parse("x", "<test>", "eval"), null, { includeAttributes: true }),
    "Expression(body=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1))",
  );
});

Deno.test("3.12 type_params are left out while empty and shown otherwise", () => {
  strictEqual(
    dumpAst(parse("class C: pass\nclass D[T]: pass\n", "<test>"), null),
    "Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[]), " +
      "ClassDef(name='D', bases=[], keywords=[], body=[Pass()], decorator_list=[], type_params=[TypeVar(name='T')])], " +
      "type_ignores=[])",
  );
});
