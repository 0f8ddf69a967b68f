/**
 * The import system against CPython 3.11: each case of tests/import_cases.ts lays out modules and
 * packages in a temporary directory and runs `pyjit` on it in a subprocess; stdout, the exit
 * status and stderr (all of it, or its last line where CPython shows frames of its own import
 * machinery) must be what `python3 -S` printed (tests/data/import_expected.json, made by
 * tests/tools/gen_import_expected.ts).
 */
import assert from "node:assert/strict";
import { IMPORT_CASES } from "./import_cases.ts";
import { runCase } from "./import_layout.ts";
import expected from "./data/import_expected.json" with { type: "json" };

const CLI = new URL("../cli/main.ts", import.meta.url).pathname;
const EXPECTED: Record<string, { status: number; stdout: string; stderr: string }> = expected;

for (const c of IMPORT_CASES) {
  Deno.test(`imports: ${c.name}`, async () => {
    const want = EXPECTED[c.name];
    assert.ok(want !== undefined, `no expected output: run tests/tools/gen_import_expected.ts`);
    const got = await runCase(c, Deno.execPath(), ["run", "-A", CLI]);
    assert.equal(got.stdout, want.stdout, `stdout\nstderr:\n${got.stderr}`);
    if (c.stderr === "exact") assert.equal(got.stderr, want.stderr, "stderr");
    else assert.equal(lastLine(got.stderr), lastLine(want.stderr), "last line of stderr");
    assert.equal(got.status, want.status, "exit status");
  });
}

function lastLine(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1];
}

Deno.test("imports: PYTHONPATH is read only when the environment may be read (never prompting)", async () => {
  const run = async (permissions: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-read", ...permissions, CLI, "-c", "import sys; print(sys.path)"],
      env: { PYTHONPATH: "/from/env" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    return new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  };
  assert.equal(await run([]), "['', '/usr/local/lib/python311.zip']\n");
  assert.equal(await run(["--allow-env=PYTHONPATH"]), "['', '/from/env', '/usr/local/lib/python311.zip']\n");
});

/** Runs pyjit with `args` in `dir` (stdin empty), then removes `dir`: its stdout and stderr. */
async function pyjitIn(dir: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    cwd: dir,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  Deno.removeSync(dir, { recursive: true });
  return { stdout: new TextDecoder().decode(out.stdout), stderr: new TextDecoder().decode(out.stderr) };
}

Deno.test("imports: -X importtime writes CPython's table: each module once, after those it imported, indented by depth", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_importtime_" });
  Deno.mkdirSync(`${dir}/pkg`);
  Deno.writeTextFileSync(`${dir}/pkg/__init__.py`, "from . import sub\nimport helper\n");
  Deno.writeTextFileSync(`${dir}/pkg/sub.py`, "import helper\nX = 1\n");
  Deno.writeTextFileSync(`${dir}/helper.py`, "Y = 2\n");
  const out = await pyjitIn(dir, [
    "-X",
    "importtime",
    "-c",
    "import pkg; import pkg.sub, helper; print(pkg.sub.X)",
  ]);
  assert.equal(out.stdout, "1\n");
  const lines = out.stderr.trimEnd().split("\n");
  assert.equal(lines[0], "import time: self [us] | cumulative | imported package");
  const rows = lines.slice(1).map((line) => {
    const m = line.match(/^import time: +(\d+) \| +(\d+) \| ( *)(\S+)$/);
    assert.ok(m !== null, line);
    return { self: Number(m[1]), cumulative: Number(m[2]), depth: m[3].length / 2, name: m[4] };
  });
  // helper is imported by pkg.sub (inside pkg) and found in sys.modules afterwards.
  assert.deepEqual(rows.map((r) => [r.depth, r.name]), [[2, "helper"], [1, "pkg.sub"], [0, "pkg"]]);
  for (const r of rows) assert.ok(r.self <= r.cumulative, JSON.stringify(r));
  assert.equal(rows[2].self + rows[1].cumulative, rows[2].cumulative);
});

Deno.test("imports: modules written while the program runs are found at once, without invalidate_caches", async () => {
  // The finder keeps directory listings (vm/path_finder.ts); one taken within a clock tick of the
  // directory's last change is not kept, so each file written just before its import is seen.
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_listing_" });
  Deno.writeTextFileSync(`${dir}/first.py`, "X = 0\n");
  const program = [
    "import first, os",
    "total = 0",
    "for i in range(40):",
    "    with open(f'gen_{i}.py', 'w') as f:",
    "        f.write(f'X = {i}\\n')",
    "    total += __import__(f'gen_{i}').X",
    "os.remove('gen_0.py'); os.mkdir('pkg_late')",
    "with open('pkg_late/__init__.py', 'w') as f:",
    "    f.write('Y = 7\\n')",
    "import pkg_late",
    "try:",
    "    import never_written",
    "except ModuleNotFoundError as e:",
    "    print(e)",
    "print(total, pkg_late.Y)",
  ].join("\n");
  Deno.writeTextFileSync(`${dir}/main.py`, program + "\n");
  const out = await pyjitIn(dir, ["-B", "main.py"]);
  assert.equal(out.stderr, "");
  assert.equal(out.stdout, "No module named 'never_written'\n780 7\n");
});
