// The instruction generator: it numbers what the definition adds, refuses inconsistent definitions by
// name, and the loop it generated has a case for every instruction under the instruction's number.
import assert from "node:assert/strict";
import { parseDefinition } from "./cases/definition.ts";
import { emitCase, emitLoop } from "./cases/emit_loop.ts";
import { emitTables } from "./cases/emit_tables.ts";
import { OPCODES } from "../instructions/opcodes.ts";

const DEFINITION = Deno.readTextFileSync(new URL("../vm/bytecodes.ts", import.meta.url));
const DIGEST = "0".repeat(64);

/** The definition with `text` inserted just before the last superinstruction. */
function withExtra(text: string): string {
  const at = DEFINITION.indexOf('superinstruction("STORE_FAST__LOAD_FAST"');
  assert.ok(at > 0);
  return DEFINITION.slice(0, at) + text + "\n" + DEFINITION.slice(at);
}

function parse(text: string) {
  return parseDefinition(text, "copy-of-bytecodes.ts");
}

Deno.test("gen: a made-up instruction gets the next number and a case of its own", () => {
  const before = parse(DEFINITION);
  const lastGeneric = before.instructions.filter((i) => i.kind === "instruction" || i.kind === "macro")
    .pop()!;
  const def = parse(withExtra(
    `inst("MADE_UP_ADD", { arg: "int", stack: "a b -- sum" }, (a: number, b: number): number => {\n  return a + b + oparg;\n});`,
  ));
  const made = def.instructions.find((i) => i.name === "MADE_UP_ADD")!;
  assert.equal(made.code, lastGeneric.code + 1);
  assert.equal(made.pops, 2);
  assert.equal(made.pushes, 1);
  // Everything after it (superinstructions) moved up by one.
  const sup = (d: typeof def) => d.instructions.find((i) => i.name === "STORE_FAST__LOAD_FAST")!.code;
  assert.equal(sup(def), sup(before) + 1);
  assert.match(emitTables(def, DIGEST), new RegExp(`\\bMADE_UP_ADD: ${made.code},`));
  const loop = emitLoop(def, DIGEST);
  assert.ok(loop.includes(`case ${made.code}: /* MADE_UP_ADD */ {`));
  assert.match(emitCase(def, made, false), /const b = s\[--sp\] as number;\s*const a = s\[--sp\] as number;/);
});

/** A made-up generic instruction with an adaptive form, for families made up in the tests below. */
const MADE_UP_GENERIC =
  `inst("MADE_UP_CMP", { arg: "compare", stack: "left right -- res", cache: ["counter"] },
  (left: PyValue, right: PyValue): boolean => {
    return left === right;
  });
macro("MADE_UP_CMP_ADAPTIVE", { arg: "compare", cache: ["counter"] }, ["_SPECIALIZE", "MADE_UP_CMP"]);`;

/** MADE_UP_CMP's family with one more variant. */
function madeUpFamily(variant: string, name: string): string {
  return `${MADE_UP_GENERIC}
${variant}
family("MADE_UP_CMP", ["MADE_UP_CMP_ADAPTIVE", "${name}"], { adaptive: "MADE_UP_CMP_ADAPTIVE" });`;
}

Deno.test("gen: a made-up family with an adaptive form and a variant is accepted", () => {
  const variant = `inst("MADE_UP_CMP_IS", { arg: "compare", stack: "left right -- res", cache: ["counter"] },
  (left: PyValue, right: PyValue): boolean => {
    DEOPT_IF(typeof left !== "number");
    return left === right;
  });`;
  const def = parse(withExtra(madeUpFamily(variant, "MADE_UP_CMP_IS")));
  const generic = def.instructions.find((i) => i.name === "MADE_UP_CMP")!;
  assert.deepEqual(generic.family, ["MADE_UP_CMP_ADAPTIVE", "MADE_UP_CMP_IS"]);
  // A failed guard restores the stack and leaves to the loop's miss handler (which deoptimizes and
  // runs the generic instruction); the variant knows its position for it.
  const text = emitCase(def, def.instructions.find((i) => i.name === "MADE_UP_CMP_IS")!, false);
  assert.match(text, /here = ip - 1;/);
  assert.match(text, /sp \+= 2;\s*break miss;/);
});

Deno.test("gen: a variant whose stack effect differs from its family's is refused by name", () => {
  const variant =
    `inst("MADE_UP_CMP_WRONG", { arg: "compare", stack: "left right -- left res", cache: ["counter"] },
  (left: PyValue, right: PyValue): boolean => {
    return left === right;
  });`;
  assert.throws(
    () => parse(withExtra(madeUpFamily(variant, "MADE_UP_CMP_WRONG"))),
    /variant MADE_UP_CMP_WRONG's stack effect \(2 -- 2\) differs from family MADE_UP_CMP's \(2 -- 1\)/,
  );
});

Deno.test("gen: a variant with another cache layout, an unknown uop or an undeclared cache cell is refused", () => {
  const badCache =
    `inst("MADE_UP_CMP_CACHE", { arg: "compare", stack: "left right -- res", cache: ["other"] },
  (left: PyValue, right: PyValue): boolean => {
    return left === right;
  });`;
  assert.throws(
    () => parse(withExtra(madeUpFamily(badCache, "MADE_UP_CMP_CACHE"))),
    /variant MADE_UP_CMP_CACHE's cache layout \(other\) differs/,
  );
  assert.throws(
    () => parse(withExtra(`macro("MACRO_OF_NOTHING", {}, ["LOAD_CONST", "_NO_SUCH_UOP"]);`)),
    /\(MACRO_OF_NOTHING\): unknown uop _NO_SUCH_UOP/,
  );
  const undeclared = `inst("USES_CELL", { stack: "--", cache: ["a"] }, () => {
  cache.b = 1;
});`;
  assert.throws(() => parse(withExtra(undeclared)), /USES_CELL.*uses cache cell 'b' it does not declare/);
});

Deno.test("gen: bodies whose parameters do not match their stack effect, or that nest functions, are refused", () => {
  assert.throws(
    () =>
      parse(
        withExtra(`inst("SWAPPED", { stack: "a b --" }, (b: PyValue, a: PyValue) => {\n  void [a, b];\n});`),
      ),
    /SWAPPED\): the parameters \(b, a\) must be the stack inputs \(a, b\)/,
  );
  assert.throws(
    () => parse(withExtra(`inst("NESTED", { stack: "--" }, () => {\n  [1].map((x) => x);\n});`)),
    /NESTED\): bodies may not define functions/,
  );
  assert.throws(
    () =>
      parse(
        withExtra(`inst("COLD_JUMP", { arg: "jump", stack: "--", cold: true }, () => {\n  ip += oparg;\n});`),
      ),
    /COLD_JUMP\): a cold instruction may not use 'ip'/,
  );
});

Deno.test("gen: uops of a macro hand values to each other in locals, not through the stack", () => {
  const def = parse(withExtra(`op("_MAKE", { stack: "-- x" }, (): number => {
  return oparg;
});
op("_DOUBLE", { stack: "x -- y" }, (x: number): number => {
  return 2 * x;
});
macro("MAKE_DOUBLE", { arg: "int" }, ["_MAKE", "_DOUBLE"]);`));
  const ins = def.instructions.find((i) => i.name === "MAKE_DOUBLE")!;
  assert.equal(ins.pops, 0);
  assert.equal(ins.pushes, 1);
  const text = emitCase(def, ins, false);
  assert.ok(!/s\[--sp\]/.test(text), text);
  assert.match(text, /s\[sp\+\+\] = y\$;/);
});

Deno.test("gen: the generated loop has one case per instruction, under the instruction's number", () => {
  const loop = Deno.readTextFileSync(new URL("../vm/generated/interp_loop.ts", import.meta.url));
  const run = loop.slice(
    loop.indexOf("export function run("),
    loop.indexOf("export function runWithStats("),
  );
  const seen = new Map<string, number>();
  for (const [, num, name] of run.matchAll(/case (\d+): \/\* ([A-Z_0-9]+) \*\//g)) {
    assert.equal(OPCODES[Number(num)]?.name, name, `case ${num} is not ${name}`);
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  for (const info of OPCODES.slice(0, 256)) {
    if (info === undefined || info.name === "EXTENDED_ARG") continue;
    assert.equal(seen.get(info.name), 1, `${info.name} has ${seen.get(info.name) ?? 0} cases`);
  }
});
