// Case locals hoisted to the loop function: plain declarations become assignments and their names
// are returned; declarations whose hoisting could change a name's meaning stay as they are.
import assert from "node:assert/strict";
import { hoistCaseLocals } from "./hoist_locals.ts";

const cases = (...bodies: string[]) =>
  bodies.map((b, i) => `case ${i}: /* OP${i} */ {\n${b}\nbreak;\n}`).join("\n");

Deno.test("plain declarations become assignments; a declaration without a value disappears", () => {
  const r = hoistCaseLocals(
    cases(
      "const v: PyValue = s[--sp] as PyValue;\nuse(v);",
      "let res$: number;\nres$ = 2;\nconst w = res$ + 1;",
    ),
    new Set(["use", "s", "sp"]),
  );
  assert.deepEqual(r.names, ["res$", "v", "w"]);
  assert.match(r.text, /\{\nv = s\[--sp\] as PyValue;\nuse\(v\);/);
  assert.match(r.text, /\{\n\nres\$ = 2;\nw = res\$ \+ 1;/);
  assert.ok(!/\b(const|let)\b/.test(r.text));
});

Deno.test("the same name in two cases is one variable; twice in one case it stays declared", () => {
  const r = hoistCaseLocals(
    cases("const v = 1;", "const v = 2;", "const x = 1;\n{ const x = 2; use(x); }\nuse(x);"),
    new Set(["use"]),
  );
  assert.deepEqual(r.names, ["v"]);
  assert.equal((r.text.match(/const x/g) ?? []).length, 2);
});

Deno.test("reserved names, for heads, destructuring, several declarators and closures stay", () => {
  const r = hoistCaseLocals(
    cases(
      "const oparg = 1;",
      "for (const item of items) use(item);",
      "const { a, b } = pair;",
      "let p = 1, q = 2;",
      "const k = 1;\nconst g = () => k;",
      "const m = make(1, [2, 3]);",
    ),
    new Set(["oparg", "use", "items", "pair"]),
  );
  assert.deepEqual(r.names, ["m"]);
  for (
    const kept of ["const oparg", "for (const item", "const { a, b }", "let p = 1, q = 2", "const k = 1"]
  ) {
    assert.ok(r.text.includes(kept), kept);
  }
  assert.ok(r.text.includes("m = make(1, [2, 3]);"));
});
