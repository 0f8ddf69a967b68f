/**
 * `deno task publish [deno publish's options]`: publishes `@pyjit/core` and then `@pyjit/cli` with
 * the command's bundle inside. In: the checkout. Out: both packages on JSR (or wherever `JSR_URL`
 * points: tools/fake_jsr.ts), by two runs of `deno publish` given the same options.
 *
 * Before publishing it builds the bundle (tools/bundle.ts) and writes it, with the training program
 * of its code cache, as the JSON module the published cli/entry.ts starts from
 * (`cli/generated/pyjit_bundle.json`, ignored by git and published through cli/deno.json's
 * `!generated/`): see cli/published_bundle.ts.
 *
 *   deno task publish --dry-run --allow-dirty
 *   JSR_URL=http://127.0.0.1:PORT/ deno task publish --token local --allow-dirty
 * @module
 */
import { buildBundle } from "./bundle.ts";
import { type FakeJsr, startFakeJsr } from "./fake_jsr.ts";
import { BUNDLE } from "../cli/bundle_state.ts";
import {
  BUNDLES_FOLDER,
  CODE_CACHE_SUFFIX,
  PREPARING_LOCK,
  PUBLISHED_BUNDLE,
  type PublishedBundleFile,
} from "../cli/published_bundle.ts";

const ROOT = new URL("../", import.meta.url);

/** Builds the bundle and writes the cli package's JSON module of it; returns its path. */
export function writePublishedBundle(deno = Deno.execPath()): string {
  buildBundle(deno);
  const file: PublishedBundleFile = {
    source: Deno.readTextFileSync(new URL(BUNDLE, ROOT)),
    training: Deno.readTextFileSync(new URL("tools/code_cache_training.py", ROOT)),
  };
  const path = new URL(`cli/${PUBLISHED_BUNDLE}`, ROOT);
  Deno.mkdirSync(new URL(".", path), { recursive: true });
  Deno.writeTextFileSync(path, JSON.stringify(file));
  return path.pathname;
}

/**
 * Runs `deno publish` with `options` in the core package's folder and then in the cli's. (Not
 * synchronous: tools/fake_jsr.ts may be answering it from this process.)
 */
export async function publishBoth(
  options: string[],
  env: Record<string, string> = {},
  deno = Deno.execPath(),
): Promise<void> {
  for (const folder of [".", "cli"]) {
    const out = await new Deno.Command(deno, {
      args: ["publish", ...options],
      cwd: new URL(`${folder}/`, ROOT),
      env,
      stdin: "null",
    }).output();
    if (!out.success) {
      const say = (b: Uint8Array) => new TextDecoder().decode(b);
      throw new Error(`deno publish in ${folder} failed:\n${say(out.stdout)}${say(out.stderr)}`);
    }
  }
}

/**
 * Both packages, with the bundle built now, published to a registry on localhost (tools/fake_jsr.ts)
 * for the test and the benchmark that run them as users do; `options` go to `deno publish`.
 */
export async function publishLocally(options: string[] = []): Promise<FakeJsr> {
  const registry = startFakeJsr();
  writePublishedBundle();
  await publishBoth(["--token", "local", "--allow-dirty", ...options], { JSR_URL: registry.url });
  return registry;
}

/**
 * Waits until a published package's first run has prepared its bundle under `cacheHome` (what
 * `XDG_CACHE_HOME` was): `codeCaches` code caches made and no preparation at work. Returns the names
 * of the files there then; throws after two minutes.
 */
export async function waitForPreparedBundle(cacheHome: string, codeCaches: number): Promise<string[]> {
  const folder = `${cacheHome}/${BUNDLES_FOLDER}`;
  const names = () => {
    try {
      return [...Deno.readDirSync(folder)].flatMap((d) =>
        [...Deno.readDirSync(`${folder}/${d.name}`)].map((f) => f.name)
      ).sort();
    } catch {
      return []; // not made yet
    }
  };
  for (let waited = 0; waited < 120_000; waited += 200) {
    const now = names();
    const caches = now.filter((n) => n.endsWith(CODE_CACHE_SUFFIX)).length;
    if (caches === codeCaches && !now.includes(PREPARING_LOCK)) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the published bundle was not prepared in 2 minutes: ${names().join(" ")}`);
}

if (import.meta.main) {
  const path = writePublishedBundle();
  console.log(`${path}: ${Math.round(Deno.statSync(path).size / 1024)} KB`);
  await publishBoth(Deno.args);
  console.log("published @pyjit/core and @pyjit/cli");
}
