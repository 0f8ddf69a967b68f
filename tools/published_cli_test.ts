// The published packages as users run them, `deno run -A jsr:@pyjit/cli`: both published by
// tools/publish.ts to a registry on localhost (tools/fake_jsr.ts), then run from a Deno cache and
// a user cache folder of their own. The first run starts from the modules and prepares the
// published bundle in the background; later runs start from the bundle with its code cache, one per
// set of V8 flags; without the permissions for the cache folder the modules serve, without a prompt;
// the command `deno install` writes runs the same way.
import assert from "node:assert/strict";
import { publishLocally, waitForPreparedBundle } from "./publish.ts";
import { PUBLISHED_BUNDLE, REPORT_ENV } from "../cli/published_bundle.ts";
import { runCli } from "../tests/run_cli.ts";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Deno's own lines ("Download …") left out of a run's stderr. */
const withoutDownloads = (text: string) => text.split("\n").filter((l) => !l.includes("Download")).join("\n");

Deno.test("published: jsr:@pyjit/cli starts from its bundle once prepared, with a code cache per V8 flags", async () => {
  const registry = await publishLocally(["--quiet"]);
  const dir = Deno.makeTempDirSync({ prefix: "pyjit-published-" });
  try {
    assert.deepEqual(registry.published().sort(), ["@pyjit/cli@0.1.0", "@pyjit/core@0.1.0"]);
    // The cli package carries its bundle, and leaves the checkout's launcher out.
    const meta = await (await fetch(`${registry.url}@pyjit/cli/0.1.0_meta.json`)).json();
    const paths = Object.keys(meta.manifest).sort();
    for (
      const path of [
        "/entry.ts",
        "/main.ts",
        "/published_bundle.ts",
        "/bundle_loader.ts",
        `/${PUBLISHED_BUNDLE}`,
      ]
    ) {
      assert.ok(paths.includes(path), `${path} not in ${paths.join(" ")}`);
    }
    assert.ok(!paths.includes("/launcher.ts") && !paths.includes("/bundle_state.ts"), paths.join(" "));
    // Published with the core package's specifier written out, as JSR needs it.
    const modules = await (await fetch(`${registry.url}@pyjit/cli/0.1.0/main.ts`)).text();
    assert.match(modules, /from "jsr:@pyjit\/core@\^0\.1\.0"/);

    const env = {
      JSR_URL: registry.url,
      DENO_DIR: `${dir}/deno`,
      XDG_CACHE_HOME: `${dir}/cache`,
      [REPORT_ENV]: "1",
      NO_COLOR: "1",
    };
    // Outside the checkout, whose workspace would resolve jsr:@pyjit/cli to its own folder.
    const run = async (denoFlags: string[], args: string[], stdin = ""): Promise<Run> => {
      const out = await runCli(args, { stdin, cwd: dir, env, denoFlags, entry: "jsr:@pyjit/cli" });
      return { code: out.code, stdout: out.stdout, stderr: withoutDownloads(out.stderr) };
    };
    const first = await run(["-A"], ["-c", "import sys; print(6 * 7, sys.argv)", "x"]);
    assert.deepEqual(first, {
      code: 0,
      stdout: "42 ['-c', 'x']\n",
      stderr: "pyjit: the modules (the published bundle is being prepared)\n",
    });
    const prepared = await waitForPreparedBundle(`${dir}/cache`, 1);
    assert.equal(prepared.filter((n) => n === "pyjit.js").length, 1);

    const traceback = await run(
      ["-A"],
      ["-"],
      "import collections\nprint(collections.Counter('aab'))\n1/0\n",
    );
    assert.equal(traceback.code, 1);
    assert.equal(traceback.stdout, "Counter({'a': 2, 'b': 1})\n");
    assert.match(traceback.stderr, /^pyjit: the published bundle, code cache accepted\nTraceback/);
    assert.match(traceback.stderr, /ZeroDivisionError: division by zero\n$/);

    // Other V8 flags: V8 would refuse the cache, so these get one of their own.
    const flagged = await run(["-A", "--v8-flags=--stack-size=3000"], ["-c", "print('deep')"]);
    assert.deepEqual(flagged, {
      code: 0,
      stdout: "deep\n",
      stderr: "pyjit: the published bundle, code cache missing\n",
    });
    await waitForPreparedBundle(`${dir}/cache`, 2);
    const again = await run(["-A", "--v8-flags=--stack-size=3000"], ["-c", "import sys; sys.exit(5)"]);
    assert.deepEqual(again, {
      code: 5,
      stdout: "",
      stderr: "pyjit: the published bundle, code cache accepted\n",
    });

    // No permission to read the environment (so no cache folder, and no report): the modules, no prompt.
    const narrow = await run(["--allow-read"], ["-c", "print(sum(range(10)))"]);
    assert.deepEqual(narrow, { code: 0, stdout: "45\n", stderr: "" });

    // Installed as the README says (`deno install -g … -n pyjit`): the command it writes runs the
    // package the same way, from the bundle prepared above.
    const install = await new Deno.Command(Deno.execPath(), {
      args: ["install", "-g", "-A", "--root", `${dir}/installed`, "-n", "pyjit", "jsr:@pyjit/cli"],
      cwd: dir,
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(install.success, new TextDecoder().decode(install.stderr));
    const bin = Deno.execPath().replace(/\/[^/]*$/, "");
    const installed = await new Deno.Command(`${dir}/installed/bin/pyjit`, {
      args: ["-c", "import sys; print(sys.argv, sys.version_info[:2])"],
      cwd: dir,
      env: { ...env, PATH: `${bin}:${Deno.env.get("PATH") ?? ""}` },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    assert.deepEqual([installed.code, text(installed.stdout), withoutDownloads(text(installed.stderr))], [
      0,
      "['-c'] (3, 11)\n",
      "pyjit: the published bundle, code cache accepted\n",
    ]);
  } finally {
    await registry.close();
    Deno.removeSync(dir, { recursive: true });
  }
});
