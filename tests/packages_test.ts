// The two JSR packages: one version, written in deno.json and repeated in cli/deno.json only
// because JSR wants each package's version in its own file (this test keeps them one); and each
// package's page for users: @pyjit/cli's README, @pyjit/core's module documentation (the
// repository README, which holds the developer material, is not published).
import assert from "node:assert/strict";

const read = (path: string) => Deno.readTextFileSync(new URL(`../${path}`, import.meta.url));

Deno.test("packages: @pyjit/cli has @pyjit/core's version", () => {
  const core = JSON.parse(read("deno.json"));
  const cli = JSON.parse(read("cli/deno.json"));
  assert.equal(core.name, "@pyjit/core");
  assert.equal(cli.name, "@pyjit/cli");
  assert.match(core.version, /^\d+\.\d+\.\d+/);
  assert.equal(cli.version, core.version);
});

Deno.test("packages: each has a page for users (cli README, core module doc); the developer README stays home", () => {
  const core = JSON.parse(read("deno.json"));
  assert.ok(core.publish.exclude.includes("README.md"));
  const cliReadme = read("cli/README.md");
  assert.match(cliReadme, /deno run -A .*jsr:@pyjit\/cli script\.py/);
  assert.match(cliReadme, /deno install -g -A .*-n pyjit jsr:@pyjit\/cli/);
  const moduleDoc = read("mod.ts").split("@module")[0];
  for (
    const topic of [
      "## Install",
      "## Embed Python in TypeScript",
      "## Run programs",
      "## Tiers",
      "## Permissions",
    ]
  ) {
    assert.ok(moduleDoc.includes(topic), topic);
  }
});
