/**
 * Tier-1 quickening (vm/superinstructions.ts): which pairs it fuses, that only the first opcode
 * byte changes (co_code and the plain dis view still show the compiled instructions), and that
 * the fused instructions compute what the pairs do.
 */
import assert from "node:assert/strict";
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import { genericBytecode, PyCode } from "../objects/code.ts";
import { instructions } from "../lib/modules/dis.ts";
import { quicken } from "./superinstructions.ts";

function functionCode(src: string, name: string): PyCode {
  const mod = compileModule(parse(src, "t.py", "exec") as ast.mod, "t.py", src);
  return mod.consts.find((c) => c instanceof PyCode && c.name === name) as PyCode;
}

const SOURCE = `
def f(p, q):
    a = p.x
    b = a
    c = p.method()
    if a < b:
        return q
    while b > 0:
        b -= 1
    return c
`;

Deno.test("quicken fuses LOAD_FAST+LOAD_ATTR (attributes only), STORE_FAST+LOAD_FAST, COMPARE_OP+POP_JUMP_IF", () => {
  const code = functionCode(SOURCE, "f");
  const before = code.code.slice();
  const plainBefore = instructions(code).map((i) => i.opname);
  quicken(code);
  const names = instructions(code, true).map((i) => i.opname);
  assert.ok(names.includes("LOAD_FAST__LOAD_ATTR"), names.join(" "));
  assert.ok(names.includes("STORE_FAST__LOAD_FAST"), names.join(" "));
  assert.ok(names.includes("COMPARE_OP__POP_JUMP_IF_FALSE"), names.join(" "));
  // The method load p.method() keeps a plain LOAD_FAST: LOAD_ATTR's own method path is faster.
  const methodLoad = instructions(code, true).findIndex((i) => i.opname === "LOAD_ATTR" && i.arg % 2 === 1);
  assert.equal(instructions(code, true)[methodLoad - 1].opname, "LOAD_FAST");
  // Only opcode bytes of first instructions changed: the generic view is the compiled code.
  assert.deepEqual(genericBytecode(code.code), before);
  assert.deepEqual(instructions(code).map((i) => i.opname), plainBefore);
});

Deno.test("quicken leaves a pair alone when the second instruction has an EXTENDED_ARG", () => {
  const locals = Array.from({ length: 300 }, (_, i) => `v${i} = ${i}`).join("\n    ");
  const code = functionCode(`def g():\n    ${locals}\n    v299 = v1\n    return v299\n`, "g");
  quicken(code);
  const instrs = instructions(code, true);
  const storeBig = instrs.findLastIndex((i) => i.opname.startsWith("STORE_FAST") && i.arg === 299);
  // v299 = v1: STORE_FAST 299 (EXTENDED_ARG'd) then LOAD_FAST 299 for the return: the LOAD_FAST
  // needs an EXTENDED_ARG, so the STORE_FAST before it stays unfused.
  assert.equal(instrs[storeBig].opname, "STORE_FAST");
});
