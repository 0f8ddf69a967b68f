/**
 * The house in layers: no folder imports a folder above it. In: every non-test TypeScript file of
 * the runtime. Out: a failure naming each import that reaches upward.
 *
 * From the bottom: `instructions/` (pure tables, importing nothing); `lexer/` and `stencils/`;
 * `objects/` (the object model); `compiler/`; `vm/` (execution and the tier plumbing);
 * `specializer/` (tier 2); `jit/` (tier 3, which reads what tier 2 learned) and `lib/` (builtins
 * and modules), which do not import each other; `driver/`; then `mod.ts` and `cli/`.
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { dirname, join, normalize, relative } from "node:path";

const ROOT = normalize(new URL("../", import.meta.url).pathname);

/** Layer of each top-level folder (a file may import its own layer or any lower one). */
const LAYER: Record<string, number> = {
  // The package's configuration (its version is read by driver/version.ts).
  "deno.json": 0,
  instructions: 0,
  lexer: 1,
  stencils: 1,
  objects: 2,
  compiler: 3,
  vm: 4,
  specializer: 5,
  jit: 6,
  lib: 6,
  driver: 7,
  "mod.ts": 8,
  cli: 8,
};

/** Folders that must import nothing at all outside themselves. */
const SELF_CONTAINED = new Set(["instructions"]);

function walk(dir: string, out: string[]): void {
  for (const e of Deno.readDirSync(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) {
      if (e.name !== "generated" || !dir.endsWith("stencils")) walk(p, out);
    } else if (e.name.endsWith(".ts") && !e.name.endsWith("_test.ts")) out.push(p);
  }
}

function topOf(path: string): string {
  return relative(ROOT, path).split("/")[0];
}

Deno.test("no folder imports a folder above it", () => {
  const files: string[] = [join(ROOT, "mod.ts")];
  for (const top of Object.keys(LAYER)) {
    const p = join(ROOT, top);
    try {
      if (Deno.statSync(p).isDirectory) walk(p, files);
    } catch {
      // a layer not built yet
    }
  }
  const upward: string[] = [];
  const IMPORT = /(?:^|\n)\s*(?:import|export)[^"';]*?from\s*["'](\.{1,2}\/[^"']+)["']/g;
  for (const file of files) {
    const text = Deno.readTextFileSync(file);
    const from = topOf(file);
    for (const m of text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), m[1]));
      const to = topOf(target);
      if (to === from) continue;
      const bad = SELF_CONTAINED.has(from) || LAYER[to] === undefined || LAYER[to] > LAYER[from] ||
        (LAYER[to] === LAYER[from]);
      if (bad) upward.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)}`);
    }
  }
  assertEquals(upward, []);
});
