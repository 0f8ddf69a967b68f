// The compile cache (vm/code_cache.ts) as a user meets it: the first run writes one file per module
// it compiles into $XDG_CACHE_HOME/pyjit/code, a second run reads them instead of writing again,
// an edited module is compiled afresh, a damaged file is ignored and rewritten, -B and
// PYTHONDONTWRITEBYTECODE write nothing, and without permission to the cache nothing is touched.
import assert from "node:assert/strict";

const MAIN = new URL("../cli/main.ts", import.meta.url).pathname;

async function pyjit(
  args: string[],
  cwd: string,
  cache: string,
  options: { env?: Record<string, string>; denoFlags?: string[] } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...(options.denoFlags ?? ["-A"]), MAIN, ...args],
    cwd,
    env: { XDG_CACHE_HOME: cache, HOME: cache, PATH: Deno.env.get("PATH") ?? "", ...options.env },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/** The cache's files: name → [size, modification time]. */
function cacheFiles(cache: string): Map<string, [number, number]> {
  const files = new Map<string, [number, number]>();
  try {
    for (const e of Deno.readDirSync(`${cache}/pyjit/code`)) {
      const info = Deno.statSync(`${cache}/pyjit/code/${e.name}`);
      files.set(e.name, [info.size, info.mtime!.getTime()]);
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return files;
}

function scratch(): { dir: string; cache: string } {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_cache_" });
  Deno.writeTextFileSync(`${dir}/helper.py`, "def greet(name):\n    return f'hello {name}'\n");
  Deno.writeTextFileSync(`${dir}/main.py`, "import helper, textwrap\nprint(helper.greet('cache'))\n");
  return { dir, cache: `${dir}/cache` };
}

Deno.test("code cache: the first run writes, the second reads and writes nothing", async () => {
  const { dir, cache } = scratch();
  const first = await pyjit(["main.py"], dir, cache);
  assert.deepEqual([first.code, first.stdout, first.stderr], [0, "hello cache\n", ""]);
  const written = cacheFiles(cache);
  // helper.py and the standard modules textwrap needs; never __main__ (CPython caches no script).
  assert.ok(written.size >= 2, `files: ${[...written.keys()]}`);
  await new Promise((r) => setTimeout(r, 20)); // a rewrite would show a later modification time
  const second = await pyjit(["main.py"], dir, cache);
  assert.deepEqual([second.code, second.stdout], [0, "hello cache\n"]);
  assert.deepEqual(cacheFiles(cache), written);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("code cache: an edited module runs its new code; a damaged file is ignored and rewritten", async () => {
  const { dir, cache } = scratch();
  await pyjit(["main.py"], dir, cache);
  Deno.writeTextFileSync(`${dir}/helper.py`, "def greet(name):\n    return f'goodbye {name}'\n");
  const edited = await pyjit(["main.py"], dir, cache);
  assert.deepEqual([edited.code, edited.stdout], [0, "goodbye cache\n"]);
  // Afresh, so that every file in the cache is one the next run reads.
  Deno.removeSync(cache, { recursive: true });
  await pyjit(["main.py"], dir, cache);
  const before = cacheFiles(cache);
  for (const name of before.keys()) {
    const path = `${cache}/pyjit/code/${name}`;
    const bytes = Deno.readFileSync(path);
    Deno.writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  }
  const damaged = await pyjit(["main.py"], dir, cache);
  assert.deepEqual([damaged.code, damaged.stdout, damaged.stderr], [0, "goodbye cache\n", ""]);
  // Every file the run used is whole again.
  for (const [name, [size]] of before) assert.equal(cacheFiles(cache).get(name)?.[0], size, name);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("code cache: -B and PYTHONDONTWRITEBYTECODE write nothing; sys.dont_write_bytecode says so", async () => {
  const { dir, cache } = scratch();
  const b = await pyjit(["-B", "-c", "import helper, sys; print(sys.dont_write_bytecode)"], dir, cache);
  assert.deepEqual([b.code, b.stdout], [0, "True\n"]);
  const env = await pyjit(["-c", "import helper, sys; print(sys.dont_write_bytecode)"], dir, cache, {
    env: { PYTHONDONTWRITEBYTECODE: "1" },
  });
  assert.deepEqual([env.code, env.stdout], [0, "True\n"]);
  assert.equal(cacheFiles(cache).size, 0);
  const writes = await pyjit(["-c", "import helper, sys; print(sys.dont_write_bytecode)"], dir, cache);
  assert.deepEqual([writes.code, writes.stdout], [0, "False\n"]);
  assert.ok(cacheFiles(cache).size > 0);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("code cache: without permission to the cache directory nothing is read or written", async () => {
  const { dir, cache } = scratch();
  const r = await pyjit(["main.py"], dir, cache, {
    denoFlags: [`--allow-read=${dir}/main.py,${dir}/helper.py,${dir}`, "--allow-env"],
  });
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, "hello cache\n", ""]);
  assert.equal(cacheFiles(cache).size, 0);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("code cache: functions read from it are the functions compiled, run or not", async () => {
  // A function's body is read from the cache when it first runs (objects/code_serial.ts); until
  // then its docstring, its code attributes, dis, and an unstarted generator's frame must show
  // what the compiled function shows.
  const { dir, cache } = scratch();
  Deno.writeTextFileSync(
    `${dir}/shapes.py`,
    [
      "def area(w, h=2, *, scale=1.5):",
      '    """The area, scaled."""',
      "    return w * h * scale",
      "def count(n):",
      "    i = 0",
      "    while i < n:",
      "        yield i",
      "        i += 1",
      "class Box:",
      "    'A box.'",
      "    def volume(self, d):",
      "        return 1 / d",
      "",
    ].join("\n"),
  );
  Deno.writeTextFileSync(
    `${dir}/inspect_shapes.py`,
    [
      "import dis, io, shapes",
      "c = shapes.area.__code__",
      "print(shapes.area.__doc__, shapes.Box.__doc__, c.co_varnames, c.co_consts, c.co_names)",
      "print(len(c.co_code), len(list(c.co_positions())), list(c.co_lines())[-1])",
      "out = io.StringIO(); dis.dis(shapes.count, file=out); print(len(out.getvalue().splitlines()))",
      "g = shapes.count(3); print(g.gi_frame.f_lineno, list(g))",
      "try:",
      "    shapes.Box().volume(0)",
      "except ZeroDivisionError as e:",
      "    print(e.__traceback__.tb_next.tb_lineno, shapes.area(2))",
      "",
    ].join("\n"),
  );
  const compiled = await pyjit(["inspect_shapes.py"], dir, cache);
  assert.equal(compiled.stderr, "");
  assert.equal(compiled.code, 0);
  const written = cacheFiles(cache);
  const cached = await pyjit(["inspect_shapes.py"], dir, cache);
  assert.deepEqual(cacheFiles(cache), written, "the second run read the cache");
  assert.deepEqual([cached.code, cached.stdout, cached.stderr], [0, compiled.stdout, ""]);
  assert.match(compiled.stdout, /^The area, scaled\. A box\. \('w', 'h', 'scale'\) \('The area, scaled\.',/);
  assert.match(compiled.stdout, /\n4 \[0, 1, 2\]\n12 6\.0\n$/);
  Deno.removeSync(dir, { recursive: true });
});
