// Unit tests for the native half of dis (`_dis`) on what only pyjit's own bytecode shows, so no
// CPython output to compare with (tests/programs/m_dis_*.py do that where the bytecode agrees):
// jumps and the exception table, EXTENDED_ARG rows, CACHE rows, the adaptive view of a rewritten
// opcode, the `-->` mark, and bare bytecode.
import assert from "node:assert/strict";
import type * as ast from "../../compiler/ast.ts";
import { compileModule } from "../../compiler/codegen.ts";
import { parse } from "../../compiler/parser.ts";
import { PyCode } from "../../objects/code.ts";
import {
  None,
  type PyBuiltinFunction,
  PyBytes,
  type PyList,
  type PyTuple,
  type PyValue,
} from "../../objects/object.ts";
import { CACHE_SIZE, Op, OPCODES } from "../../instructions/opcodes.ts";
import { makeDisHelperModule } from "./dis.ts";

const helper = makeDisHelperModule();
function call(name: string, ...args: PyValue[]): PyValue {
  return (helper.dict!.getStr(name) as PyBuiltinFunction).fn(args, null);
}

function compile(source: string): PyCode {
  return compileModule(parse(source, "t.py", "exec") as ast.mod, "t.py", source);
}

function functionCode(source: string, name: string): PyCode {
  return compile(source).consts.find((c) => c instanceof PyCode && c.name === name) as PyCode;
}

/** `_dis.rows` as (opname, arg, argrepr, offset, is_jump_target) arrays. */
function rows(code: PyCode | PyBytes, adaptive = false, showCaches = false): PyValue[][] {
  const list = call("rows", code, adaptive, showCaches, 0) as PyList;
  return list.items.map((t) => (t as PyTuple).items);
}

Deno.test("dis: a loop's jumps are labelled, and the targets carry >>", () => {
  const code = functionCode("def f(n):\n    while n:\n        n -= 1\n    return n\n", "f");
  const all = rows(code);
  const jumps = all.filter((r) => OPCODES[r[1] as number]?.jump);
  assert.ok(jumps.length >= 2, all.map((r) => r[0]).join(" "));
  const targets = new Set(all.filter((r) => r[7] === true).map((r) => r[5]));
  for (const j of jumps) {
    assert.equal(j[4], `to ${j[3]}`);
    assert.ok(targets.has(j[3]), `target ${j[3]} of ${j[0]} is marked`);
  }
  const labels = (call("findlabels", code) as PyList).items;
  assert.deepEqual(new Set(labels), new Set(jumps.map((j) => j[3])));
  const text = call("disassemble", code, -1, false, false, 0) as string;
  assert.match(text, /^ +>> +\d+ JUMP_BACKWARD|>> +\d+ /m);
});

Deno.test("dis: try/except lists the exception table, and its handler is a jump target", () => {
  const code = functionCode("def f():\n    try:\n        g()\n    except E:\n        pass\n", "f");
  const text = call("disassemble", code, -1, false, false, 0) as string;
  const table = text.slice(text.indexOf("ExceptionTable:\n"));
  assert.match(table, /^ExceptionTable:\n( {2}\d+ to \d+ -> \d+ \[\d\]( lasti)?\n)+$/);
  for (const m of table.matchAll(/-> (\d+)/g)) {
    assert.match(text, new RegExp(`>> +${m[1]} `), `handler ${m[1]} is marked`);
  }
});

Deno.test("dis: an oparg above 255 is listed as EXTENDED_ARG rows, then the full oparg", () => {
  const names = Array.from({ length: 300 }, (_, i) => `v${i}`);
  const code = functionCode(
    `def g():\n    ${names.map((n, i) => `${n} = ${i}`).join("\n    ")}\n    return v299\n`,
    "g",
  );
  const all = rows(code);
  const at = all.findIndex((r) => r[0] === "LOAD_FAST" && r[2] === 299);
  assert.ok(at > 0);
  assert.deepEqual(all[at - 1].slice(0, 3), ["EXTENDED_ARG", Op.EXTENDED_ARG, 1]);
  assert.equal(all[at][4], "v299");
  assert.equal(all[at - 1][5] as number + 2, all[at][5]);
});

Deno.test("dis: show_caches adds one CACHE row per inline cache unit of the opcode table", () => {
  const code = functionCode("def f(a, b):\n    return a.x + b[0]\n", "f");
  const plain = rows(code);
  const cached = rows(code, false, true);
  const expected = plain.reduce((n, r) => n + CACHE_SIZE[r[1] as number], 0);
  assert.equal(cached.filter((r) => r[0] === "CACHE").length, expected);
  assert.equal(cached.length, code.code.length); // every code unit is a row
  for (const r of cached.filter((r) => r[0] === "CACHE")) assert.deepEqual([r[2], r[3], r[4]], [0, None, ""]);
});

Deno.test("dis: a specialized opcode shows as generic unless adaptive (with named cache cells)", () => {
  const code = functionCode("def f(a, b):\n    return a + b\n", "f");
  const at = code.code.findIndex((u) => (u & 0xff) === Op.BINARY_OP);
  code.code[at] = (code.code[at] & 0xff00) | Op.BINARY_OP_ADD_INT; // what the specializer does
  const plain = rows(code).find((r) => r[5] === at * 2)!;
  assert.deepEqual(plain.slice(0, 5), ["BINARY_OP", Op.BINARY_OP, 0, 0, "+"]);
  const adaptive = rows(code, true, true);
  const i = adaptive.findIndex((r) => r[5] === at * 2);
  assert.deepEqual(adaptive[i].slice(0, 2), ["BINARY_OP_ADD_INT", Op.BINARY_OP_ADD_INT]);
  const cells = OPCODES[Op.BINARY_OP].cache;
  assert.deepEqual(adaptive.slice(i + 1, i + 1 + cells.length).map((r) => r[4]), cells.map((c) => `${c}: 0`));
});

Deno.test("dis: --> marks the instruction at lasti exactly (not one of its cache units)", () => {
  const code = functionCode("def f(a, b):\n    return a + b\n", "f");
  const offset = 2 * code.code.findIndex((u) => (u & 0xff) === Op.BINARY_OP);
  const marked = (lasti: number) =>
    (call("disassemble", code, lasti, false, false, 0) as string).split("\n").filter((l) =>
      l.includes("-->")
    );
  assert.equal(marked(offset).length, 1);
  assert.match(marked(offset)[0], new RegExp(`^ {4}--> +${offset} BINARY_OP +0 \\(\\+\\)$`));
  assert.deepEqual(marked(offset + 2), []);
  assert.deepEqual(marked(-1), []);
});

Deno.test("dis: bare bytecode has no line column and shows opargs as numbers", () => {
  const units = [Op.RESUME, Op.LOAD_CONST | (1 << 8), Op.RETURN_VALUE];
  const bytes = new PyBytes(new Uint8Array(Uint16Array.from(units).buffer));
  const text = call("disassemble", bytes, -1, false, false, 0) as string;
  assert.equal(
    text,
    "          0 RESUME                   0\n" +
      "          2 LOAD_CONST               1\n" +
      "          4 RETURN_VALUE\n",
  );
});
