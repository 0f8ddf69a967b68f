/**
 * Quickening (specializer/quicken.ts): family instructions become their adaptive forms with a
 * warm-up counter, STORE_FAST+LOAD_FAST pairs are fused, only opcode bytes change (co_code and the
 * plain dis view still show the compiled instructions), and a pair whose second instruction has an
 * EXTENDED_ARG is left alone.
 */
import assert from "node:assert/strict";
import { parse } from "../compiler/parser.ts";
import type * as ast from "../compiler/ast.ts";
import { compileModule } from "../compiler/codegen.ts";
import { genericBytecode, PyCode } from "../objects/code.ts";
import { instructions } from "../lib/modules/dis.ts";
import { tunables } from "../instructions/tunables.ts";
import { quicken } from "./quicken.ts";

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
    return len(c)
`;

Deno.test("quicken makes family instructions adaptive with a warm-up counter and fuses STORE_FAST+LOAD_FAST", () => {
  const code = functionCode(SOURCE, "f");
  const before = code.code.slice();
  const plainBefore = instructions(code).map((i) => i.opname);
  quicken(code);
  const quick = instructions(code, true);
  const names = quick.map((i) => i.opname);
  for (
    const adaptive of ["LOAD_ATTR_ADAPTIVE", "COMPARE_OP_ADAPTIVE", "BINARY_OP_ADAPTIVE", "CALL_ADAPTIVE"]
  ) {
    assert.ok(names.includes(adaptive), `${adaptive} in ${names.join(" ")}`);
  }
  assert.ok(names.includes("LOAD_GLOBAL_ADAPTIVE"), names.join(" "));
  assert.ok(names.includes("STORE_FAST__LOAD_FAST"), names.join(" "));
  assert.ok(!names.includes("LOAD_ATTR") && !names.includes("BINARY_OP"), names.join(" "));
  // The counter sits in the first cache cell.
  const attr = quick.find((i) => i.opname === "LOAD_ATTR_ADAPTIVE")!;
  assert.equal(code.cacheIndex[attr.offset + 1], tunables.adaptive_warmup);
  // Only opcode bytes changed: the generic view is the compiled code.
  assert.deepEqual(genericBytecode(code.code), before);
  assert.deepEqual(instructions(code).map((i) => i.opname), plainBefore);
  // Quickening twice changes nothing more.
  const once = code.code.slice();
  quicken(code);
  assert.deepEqual(code.code, once);
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
