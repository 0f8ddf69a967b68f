// The bundle of `deno task pyjit` (tools/bundle.ts, cli/launcher.ts): built from cli/main.ts's
// graph as a classic script, with a V8 code cache made after it, used while no input is newer,
// stale the moment one is, rebuilt in the background by the launcher's first run after that; and
// the bundled command behaves as the modules do.
import assert from "node:assert/strict";
import { buildBundle, classicScript } from "./bundle.ts";
import {
  BUILD_LOCK,
  BUNDLE,
  BUNDLE_INPUTS,
  CODE_CACHE,
  freshBundle,
  LAUNCHER_V8_FLAGS,
} from "../cli/bundle_state.ts";
import { bundleId } from "../cli/bundle_loader.ts";
import { type CliResult, runCli } from "../tests/run_cli.ts";

const ROOT = new URL("../", import.meta.url);
const LAUNCHER = new URL("../cli/launcher.ts", import.meta.url).pathname;

/** Runs `deno task pyjit`'s script, cli/launcher.ts, with the task's V8 flags. */
function launch(args: string[], stdin?: string): Promise<CliResult> {
  return runCli(args, { stdin, entry: LAUNCHER, denoFlags: ["-A", `--v8-flags=${LAUNCHER_V8_FLAGS}`] });
}

/** Waits for a background rebuild (the launcher's) to end (its lock gone) with a fresh bundle. */
async function waitForFreshBundle(): Promise<URL | null> {
  for (let waited = 0; waited < 120_000; waited += 250) {
    const bundle = freshBundle();
    if (bundle !== null && !exists(new URL(BUILD_LOCK, ROOT))) return bundle;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

function exists(url: URL): boolean {
  try {
    Deno.statSync(url);
    return true;
  } catch {
    return false;
  }
}

Deno.test("bundle: fresh after a build, stale once an input is newer, rebuilt by the launcher", async () => {
  const modules = buildBundle();
  assert.ok(modules > 100, `${modules} modules`);
  assert.equal(freshBundle()?.href, new URL(BUNDLE, ROOT).href);
  const inputs: string[] = JSON.parse(Deno.readTextFileSync(new URL(BUNDLE_INPUTS, ROOT))).inputs;
  assert.ok(inputs.includes("cli/main.ts") && inputs.includes("vm/interp.ts"), inputs.join(" "));
  // An input edited after the build: cli/main.ts, touched and then given its old time back (a
  // touched front-end file would also make the compile cache start afresh).
  const input = new URL("cli/main.ts", ROOT);
  const old = Deno.statSync(input);
  try {
    const later = new Date(Deno.statSync(new URL(BUNDLE, ROOT)).mtime!.getTime() + 60_000);
    Deno.utimeSync(input, later, later);
    assert.equal(freshBundle(), null);
    // The launcher runs the modules, and starts a rebuild that outlives it.
    const run = await launch(["-c", "print('from the modules')"]);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, "from the modules\n", ""]);
    Deno.utimeSync(input, old.atime!, old.mtime!);
    assert.ok(await waitForFreshBundle(), "the background rebuild left a fresh bundle");
  } finally {
    Deno.utimeSync(input, old.atime!, old.mtime!);
  }
});

Deno.test("bundle: the bundled command reads stdin, exits with the program's status, prints tracebacks", async () => {
  if (freshBundle() === null) buildBundle();
  const echo = await launch(["-c", "import sys; print(input().upper(), sys.argv)", "x"], "hello\n");
  assert.deepEqual([echo.code, echo.stdout], [0, "HELLO ['-c', 'x']\n"]);
  const exit = await launch(["-"], "import sys\nsys.exit(3)\n");
  assert.equal(exit.code, 3);
  const error = await launch(["-c", "1/0"]);
  assert.equal(error.code, 1);
  assert.match(
    error.stderr,
    /^Traceback \(most recent call last\):\n {2}File "<string>", line 1, in <module>\n/,
  );
  assert.match(error.stderr, /ZeroDivisionError: division by zero\n$/);
});

Deno.test("bundle: a code cache is made after each build, and the launcher runs with it", async () => {
  if (freshBundle() === null) buildBundle();
  const id = bundleId(Deno.readTextFileSync(new URL(BUNDLE, ROOT)));
  assert.ok(id !== null, "the bundle starts with its id");
  const cache = Deno.readFileSync(new URL(CODE_CACHE, ROOT));
  const header = new TextDecoder().decode(cache.subarray(0, cache.indexOf(10)));
  assert.equal(header, `${id} v8 ${Deno.version.v8}`);
  const run = await runCli(["-c", "import collections; print(collections.Counter('aab'))"], {
    entry: LAUNCHER,
    denoFlags: ["-A", `--v8-flags=${LAUNCHER_V8_FLAGS}`],
    env: { PYJIT_LAUNCHER_REPORT: "1" },
  });
  assert.deepEqual([run.code, run.stdout, run.stderr], [
    0,
    "Counter({'a': 2, 'b': 1})\n",
    "pyjit launcher: the bundle, code cache accepted\n",
  ]);
  // The flags the cache is made under are the task's (V8 refuses a cache made under others).
  const tasks = JSON.parse(Deno.readTextFileSync(new URL("deno.json", ROOT))).tasks;
  assert.ok(tasks.pyjit.includes(`--v8-flags=${LAUNCHER_V8_FLAGS} `), tasks.pyjit);
});

Deno.test("bundle: the ES module becomes a classic script of import.meta, or is refused", () => {
  const script = classicScript(
    "var here = import.meta.url;\nfunction main(argv) { return argv.length; }\nexport {\n  main\n};\n",
    "id-1",
  );
  assert.ok(script.startsWith("// pyjit bundle id-1\n"));
  assert.equal(bundleId(script), "id-1");
  const factory = (0, eval)(script) as (meta: { url: string }) => { main: (argv: string[]) => number };
  assert.equal(factory({ url: "file:///x" }).main(["a", "b"]), 2);
  assert.throws(() => classicScript("export { main, other };\n", "x"), /exporting main alone/);
  assert.throws(() => classicScript("import x from 'y';\nexport { main };\n", "x"), /another import/);
});
