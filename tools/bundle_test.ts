// The bundle of `deno task pyjit` (tools/bundle.ts, cli/launcher.ts): built from cli/main.ts's
// graph, used while no input is newer, stale the moment one is, rebuilt in the background by the
// launcher's first run after that; and the bundled command behaves as the modules do.
import assert from "node:assert/strict";
import { buildBundle } from "./bundle.ts";
import { BUNDLE, BUNDLE_INPUTS, freshBundle } from "../cli/bundle_state.ts";
import { type CliResult, runCli } from "../tests/run_cli.ts";

const ROOT = new URL("../", import.meta.url);
const LAUNCHER = new URL("../cli/launcher.ts", import.meta.url).pathname;

/** Runs `deno task pyjit`'s script, cli/launcher.ts, with the task's V8 flags. */
function launch(args: string[], stdin?: string): Promise<CliResult> {
  return runCli(args, { stdin, entry: LAUNCHER, denoFlags: ["-A", "--v8-flags=--stack-size=4000"] });
}

/** Waits for a background rebuild (the launcher's) to leave a fresh bundle. */
async function waitForFreshBundle(): Promise<URL | null> {
  for (let waited = 0; waited < 120_000; waited += 250) {
    const bundle = freshBundle();
    if (bundle !== null) return bundle;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
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
