// The compiler's contracts: the opcode table's derived facts, symbol-table errors with CPython's
// messages and locations, stack depths, exception tables and dis's layout.
import assert from "node:assert/strict";
import { parse } from "./parser.ts";
import type * as ast from "./ast.ts";
import { compileModule } from "./codegen.ts";
import { PyCode } from "../objects/code.ts";
import { disassemble, instructions } from "../lib/modules/dis.ts";
import { CACHE_SIZE, Op, OPCODES, stackEffect } from "../instructions/opcodes.ts";
import { PySyntaxError } from "../lexer/syntax_error.ts";

function compile(src: string): PyCode {
  return compileModule(parse(src, "t.py") as ast.mod, "t.py", src);
}

function syntaxError(src: string): PySyntaxError {
  try {
    compile(src);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error(`no SyntaxError for ${JSON.stringify(src)}`);
}

function nested(code: PyCode, name: string): PyCode {
  for (const c of code.consts) {
    if (c instanceof PyCode) {
      if (c.name === name) return c;
      try {
        return nested(c, name);
      } catch { /* keep looking */ }
    }
  }
  throw new Error(`no code object ${name}`);
}

Deno.test("opcode table: specialized variants share their generic's stack effect and cache size", () => {
  for (const info of OPCODES) {
    if (info === undefined || info.generic === info.code) continue;
    const generic = OPCODES[info.generic];
    for (const oparg of [0, 1, 2, 3, 7]) {
      if (info.opargs !== null && !info.opargs(oparg)) continue;
      assert.equal(stackEffect(info.code, oparg), stackEffect(generic.code, oparg), info.name);
    }
    assert.equal(CACHE_SIZE[info.code], CACHE_SIZE[generic.code], info.name);
  }
  assert.ok(OPCODES.filter((o) => o !== undefined && o.code < 256).length <= 256);
  assert.equal(OPCODES[Op.LOAD_FAST].name, "LOAD_FAST");
});

Deno.test("symtable: CPython's compile-time errors, with locations", () => {
  const cases: [string, string, number][] = [
    ["return 1\n", "'return' outside function", 1],
    ["x = 1\nbreak\n", "'break' outside loop", 2],
    ["continue\n", "'continue' not properly in loop", 1],
    ["def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2],
    ["def f(x):\n    global x\n", "name 'x' is parameter and global", 2],
    ["def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3],
    ["nonlocal x\n", "nonlocal declaration not allowed at module level", 1],
    ["def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition", 1],
    ["yield 1\n", "'yield' outside function", 1],
    ["x = *a\n", "can't use starred expression here", 1],
    ["async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3],
    [
      "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
      "default 'except:' must be last",
      3,
    ],
  ];
  for (const [src, msg, line] of cases) {
    let e: PySyntaxError;
    try {
      e = syntaxError(src);
    } catch (err) {
      // The parser may report some of these itself, which is just as good.
      if (err instanceof PySyntaxError) e = err;
      else throw err;
    }
    assert.equal(e.msg, msg, src);
    assert.equal(e.lineno, line, src);
  }
});

Deno.test("codegen: stack depth covers nested calls and exception handlers", () => {
  assert.equal(compile("x = 1\n").stacksize, 1);
  // f, NULL, a, g, NULL, b, c → 7
  assert.equal(compile("f(a, g(b, c))\n").stacksize, 7);
  const withTry = nested(compile("def f():\n    try:\n        g()\n    except E as e:\n        h()\n"), "f");
  assert.ok(withTry.stacksize >= 4, `stacksize ${withTry.stacksize}`);
  assert.ok(withTry.exceptionTable.length >= 10, "try body and handler are covered");
});

Deno.test("codegen: closures get cells and free variables in CPython's order", () => {
  const mod = compile("def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n");
  const outer = nested(mod, "outer");
  const inner = nested(mod, "inner");
  assert.deepEqual(outer.cellvars, ["a", "b"]);
  assert.deepEqual(inner.freevars, ["a", "b"]);
  assert.equal(inner.qualname, "outer.<locals>.inner");
  const ops = instructions(outer).map((i) => i.opname);
  assert.ok(ops.includes("MAKE_CELL") && ops.includes("LOAD_CLOSURE"), ops.join(" "));
});

Deno.test("dis: CPython's column layout, jump targets and nested code objects", () => {
  const text = disassemble(compile("for i in range(3):\n    print(i)\n"));
  const lines = text.split("\n");
  assert.equal(lines[0], "  0           0 RESUME                   0");
  assert.ok(text.includes("\n  1           2 LOAD_NAME                0 (range)\n"), text);
  assert.match(text, / >> +\d+ FOR_ITER +\d+ \(to \d+\)/);
  assert.match(text, /JUMP_BACKWARD +\d+ \(to \d+\)/);
  const fn = disassemble(compile("def f(x):\n    return x + 1\n"));
  assert.match(fn, /Disassembly of <code object f at 0x[0-9a-f]+, file "t.py", line 1>:/);
  assert.match(fn, /BINARY_OP +0 \(\+\)/);
});
