/**
 * Tier 2 (specializer/): the programs in tests/specialization/ change what specialized instructions
 * assumed (operand types, classes, instances, globals, builtins, callees) after they specialized.
 * Each must print exactly CPython 3.11's output (`NAME.py.exp`) on every tier, and under
 * `--tier specialized` every family its `# deopts:` line names must have taken guard misses (so the
 * program really exercised the variants' guards, not only the generic instructions).
 *
 * Also: `dis.dis(f, adaptive=True)` shows the specialized names after warm-up.
 */
import assert from "node:assert/strict";
import { runCaptured } from "./run_captured.ts";
import { runProgram } from "../driver/run.ts";
import { familyStats } from "../specializer/stats.ts";
import { setOutputSinks } from "../objects/stdio.ts";

const DIR = new URL("./specialization/", import.meta.url);
const programs = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) => n.endsWith(".py")).sort();

/** Runs `source` on the specialized tier with --stats; returns stdout and the family counts. */
function runWithStats(
  source: string,
  filename: string,
): { stdout: string; families: ReturnType<typeof familyStats> } {
  const out: Uint8Array[] = [];
  const old = setOutputSinks((b) => out.push(b.slice()), () => {});
  try {
    runProgram(source, { filename, argv: [filename], tier: "specialized", stats: true, dumpTraces: false });
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
  const stdout = out.map((b) => new TextDecoder().decode(b)).join("");
  return { stdout, families: familyStats() };
}

for (const name of programs) {
  const source = Deno.readTextFileSync(new URL(name, DIR));
  const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
  Deno.test(`specialization: ${name} prints CPython's output on every tier`, () => {
    for (const tier of ["interp", "specialized", "jit"] as const) {
      const got = runCaptured(source, name, tier);
      assert.equal(got.stdout + got.stderr, expected, `${name} on ${tier}`);
    }
  });
  const deopts = /^# deopts: (.*)$/m.exec(source)?.[1].split(/\s+/) ?? [];
  Deno.test(`specialization: ${name} takes guard misses in ${deopts.join(", ")}`, () => {
    assert.ok(deopts.length > 0, "the program names the families it deoptimizes");
    const { stdout, families } = runWithStats(source, name);
    assert.equal(stdout, expected);
    for (const family of deopts) {
      const f = families.find((x) => x.name === family);
      assert.ok(f !== undefined, `no family ${family}`);
      assert.ok(f.misses > 0, `${family}: no guard misses (${JSON.stringify(f)})`);
      assert.ok(f.successes > 0 && f.hits > 0, `${family}: never specialized`);
    }
  });
}

Deno.test("specialization: dis adaptive shows BINARY_OP_ADD_INT after 16 calls of add(a, b)", () => {
  const source = `import dis
def add(a, b):
    return a + b
dis.dis(add, adaptive=True)
print("---")
for i in range(16):
    add(i, 1)
dis.dis(add, adaptive=True)
print("---")
dis.dis(add)
print("---")
print([i.opname for i in dis.get_instructions(add, adaptive=True)])
print([i.opname for i in dis.Bytecode(add, adaptive=True)])
`;
  const got = runCaptured(source, "add.py", "specialized");
  assert.equal(got.status, 0, got.stderr);
  const [before, after, plain] = got.stdout.split("---\n");
  assert.match(before, /BINARY_OP\s+0 \(\+\)/); // not yet run: not yet quickened
  assert.match(after, /BINARY_OP_ADD_INT\s+0 \(\+\)/);
  assert.match(plain, /BINARY_OP\s+0 \(\+\)/);
  assert.doesNotMatch(plain, /ADD_INT/);
  assert.match(
    got.stdout,
    /\['RESUME', .*'BINARY_OP_ADD_INT', 'RETURN_VALUE'\]\n\['RESUME', .*'BINARY_OP_ADD_INT'/,
  );
});

Deno.test("specialization: --tier interp never specializes", () => {
  const source = `import dis
def add(a, b):
    return a + b
for i in range(100):
    add(i, 1)
dis.dis(add, adaptive=True)
`;
  const got = runCaptured(source, "add.py", "interp");
  assert.match(got.stdout, /BINARY_OP\s+0 \(\+\)/);
  assert.doesNotMatch(got.stdout, /ADAPTIVE|ADD_INT/);
});

Deno.test("specialization: a LOAD_FAST before a specialized attribute load is fused with it, and unfused on deopt", () => {
  const source = `import dis
class P:
    def __init__(self):
        self.x = 1
class Q:
    x = 2
def get(p):
    return p.x
p = P()
for i in range(20):
    get(p)
print([i.opname for i in dis.get_instructions(get, adaptive=True)][1:3])
q = Q()
for i in range(40):
    get(q)
print([i.opname for i in dis.get_instructions(get, adaptive=True)][1:3])
print(get(p), get(q))
`;
  const got = runCaptured(source, "fuse.py", "specialized");
  assert.equal(got.status, 0, got.stderr);
  const [fused, after, values] = got.stdout.trim().split("\n");
  assert.equal(fused, "['LOAD_FAST__LOAD_ATTR_INSTANCE_VALUE', 'LOAD_ATTR_INSTANCE_VALUE']");
  // Q's instances have no x of their own: the load went back to adaptive and specialized again
  // (a class attribute through an instance), and the LOAD_FAST is plain again.
  assert.match(after, /^\['LOAD_FAST', 'LOAD_ATTR_(NONDESCRIPTOR_WITH_VALUES|ADAPTIVE)'\]$/);
  assert.equal(values, "1 2");
});

Deno.test("specialization: attribute sites seeing two classes stay specialized for both", () => {
  const source = [
    "class Base:",
    "    def __init__(self, x):",
    "        self.x = x",
    "        self.total = 0",
    "    def bump(self):",
    "        self.total = self.total + self.x",
    "        return self.kind()",
    "class A(Base):",
    "    def kind(self): return 1",
    "class B(Base):",
    "    def kind(self): return 2",
    "objs = [A(1), B(2)]",
    "n = 0",
    "for i in range(20000):",
    "    n += objs[i % 2].bump()",
    "print(n, objs[0].total, objs[1].total)",
  ].join("\n");
  const { stdout, families } = runWithStats(source, "two_classes.py");
  assert.equal(stdout, "30000 10000 20000\n");
  for (const name of ["LOAD_ATTR", "STORE_ATTR"]) {
    const f = families.find((x) => x.name === name)!;
    // With one class per site, alternating classes would deoptimize each site over and over: here
    // each deoptimizes once at most (when it meets the second class), then serves both.
    assert.ok(f.deopts <= 4, `${name}: ${JSON.stringify(f)}`);
    assert.ok(f.hits > 0.99 * f.executions, `${name}: ${JSON.stringify(f)}`);
  }
});

Deno.test("specialization: a call site calling functions of two code objects stays specialized for both", () => {
  const source = [
    "def compose(f, g):",
    "    def h(x):",
    "        return f(g(x))",
    "    return h",
    "def mul(k):",
    "    def m(x): return x * k",
    "    return m",
    "add3 = lambda x: x + 3",
    "p = compose(mul(7), compose(add3, mul(11)))",
    "t = 0",
    "for i in range(20000):",
    "    t = p(t + i) % 1000003",
    "print(t)",
  ].join("\n");
  const { stdout, families } = runWithStats(source, "compose.py");
  let t = 0;
  for (let i = 0; i < 20000; i++) t = (((t + i) * 11 + 3) * 7) % 1000003;
  assert.equal(stdout, `${t}\n`);
  const f = families.find((x) => x.name === "CALL")!;
  assert.ok(f.deopts <= 3, JSON.stringify(f));
  assert.ok(f.hits > 0.99 * f.executions, JSON.stringify(f));
});
