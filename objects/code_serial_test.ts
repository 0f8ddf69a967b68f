// The compile cache's format: every standard-library module and every test program survives
// encode → decode unchanged (the bytes of a decoded code object encode to the same bytes, and its
// fields read back as the compiler made them; a nested code object's body is read only when first
// needed), and damaged bytes raise CorruptCodeError.
import assert from "node:assert/strict";
import "../mod.ts";
import { PYTHON_MODULES } from "../lib/generated/python_modules.js";
import { pythonModuleSource } from "../lib/registry.ts";
import { compileSource } from "../vm/compile_source.ts";
import { CorruptCodeError, decodeCode, encodeCode } from "./code_serial.ts";
import { PyCode } from "./code.ts";
import { Exc, frozensetType, PySet, PyTuple, type PyValue } from "./object.ts";
import { isExceptionOf, repr } from "./ops.ts";

function sameConst(a: PyValue, b: PyValue, where: string): void {
  if (a instanceof PyCode) return sameCode(a, b as PyCode, true);
  if (a instanceof PyTuple) {
    assert.ok(b instanceof PyTuple, where);
    assert.equal(a.items.length, b.items.length, where);
    a.items.forEach((item, i) => sameConst(item, b.items[i], where));
    return;
  }
  if (a instanceof PySet) {
    assert.ok(b instanceof PySet && b.cls === frozensetType, where);
    // Iteration order is part of a frozenset constant's behaviour (CPython's too).
    assert.deepEqual(a.items().map((v) => repr(v)), b.items().map((v) => repr(v)), where);
    return;
  }
  assert.equal(typeof a, typeof b, where);
  assert.equal(repr(a), repr(b), where);
}

function sameCode(a: PyCode, b: PyCode, nested: boolean): void {
  const where = `${a.filename}:${a.qualname}`;
  // Decoded as its head alone until it runs or is looked into; its docstring is there at once.
  assert.equal(b.pendingBody !== null, nested, `${where} read lazily`);
  if (nested) assert.equal(b.consts[0] ?? null, typeof a.consts[0] === "string" ? a.consts[0] : null, where);
  b.ensureBody();
  for (
    const field of ["argcount", "posonlyargcount", "kwonlyargcount", "flags", "name", "qualname"] as const
  ) {
    assert.equal(b[field], a[field], `${where} ${field}`);
  }
  assert.equal(b.firstlineno, a.firstlineno, where);
  assert.equal(b.stacksize, a.stacksize, where);
  assert.deepEqual([...b.code], [...a.code], `${where} code`);
  assert.deepEqual([...b.lines], [...a.lines], `${where} lines`);
  assert.deepEqual([...b.positions], [...a.positions], `${where} positions`);
  assert.deepEqual([...b.exceptionTable], [...a.exceptionTable], `${where} exception table`);
  assert.deepEqual(b.names, a.names, where);
  assert.deepEqual(b.varnames, a.varnames, where);
  assert.deepEqual(b.cellvars, a.cellvars, where);
  assert.deepEqual(b.freevars, a.freevars, where);
  assert.equal(b.consts.length, a.consts.length, where);
  a.consts.forEach((k, i) => sameConst(k, b.consts[i], `${where} const ${i}`));
  assert.equal(b.source, a.source);
}

function roundTrip(source: string, filename: string): void {
  const code = compileSource(source, filename, "exec");
  const bytes = encodeCode(code);
  const back = decodeCode(bytes, source);
  sameCode(code, back, false);
  assert.deepEqual(encodeCode(back), bytes, filename);
}

Deno.test("every standard-library module round-trips through the code format", () => {
  for (const name of Object.keys(PYTHON_MODULES)) roundTrip(pythonModuleSource(name), `<frozen ${name}>`);
});

Deno.test("every test program round-trips through the code format", () => {
  const dir = new URL("../tests/programs/", import.meta.url);
  for (const entry of Deno.readDirSync(dir)) {
    if (!entry.name.endsWith(".py")) continue;
    const source = Deno.readTextFileSync(new URL(entry.name, dir));
    try {
      compileSource(source, entry.name, "exec");
    } catch {
      continue; // programs that test SyntaxError
    }
    roundTrip(source, entry.name);
  }
});

Deno.test("constants of every kind round-trip", () => {
  roundTrip(
    [
      "a = (None, True, False, 0, -1, 2**53, -2**70, 10**40, 1.5, -0.0, float('nan'), 1e308 * 10, 2j, -0j)",
      "b = (b'', b'\\x00\\xff', '', 'é', '\\ud800', 'x\\udcff y', ..., ('nested', (1, 2)))",
      "c = x in {1, 'two', 3.0, (4,)}",
      "def f(p, /, q, *r, s, **t):\n    def g():\n        return p + s\n    return g",
      "try:\n    pass\nexcept ValueError as e:\n    print(e)",
    ].join("\n") + "\n",
    "consts.py",
  );
});

/** Reads the bodies left unread in `code` and its nested code objects. */
function readAllBodies(code: PyCode): void {
  code.ensureBody();
  for (const k of code.consts) if (k instanceof PyCode) readAllBodies(k);
}

Deno.test("damaged bytes raise CorruptCodeError, never another error", () => {
  const source = "def f(x):\n    return [x * 2 for _ in 'abc']\n";
  const bytes = encodeCode(compileSource(source, "d.py", "exec"));
  for (let cut = 0; cut < bytes.length; cut += 3) {
    assert.throws(() => decodeCode(bytes.subarray(0, cut), source), CorruptCodeError);
  }
  let seed = 7;
  for (let trial = 0; trial < 300; trial++) {
    const damaged = bytes.slice();
    seed = (seed * 1103515245 + 12345) % 2147483648;
    damaged[seed % damaged.length] ^= 1 + (seed >> 8) % 255;
    let code: PyCode;
    try {
      code = decodeCode(damaged, source);
    } catch (e) {
      assert.ok(e instanceof CorruptCodeError, String(e));
      continue;
    }
    // A nested body is read when first needed; damage found then is a Python SystemError.
    try {
      readAllBodies(code);
    } catch (e) {
      assert.ok(isExceptionOf(e, Exc.SystemError), String(e));
    }
  }
});
