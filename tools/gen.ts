/**
 * `deno task gen`: runs every generator and writes what they make; with `--check` (part of
 * `deno task check`) writes nothing and fails, naming the file, when a committed generated file is
 * not exactly what its generator would write.
 *
 * Generators: the instruction definition's tables and interpreter loop (tools/gen_cases.ts), and
 * the Python modules of the standard library (tools/gen_python_modules.ts).
 *
 * @example
 * ```sh
 * deno task gen
 * deno run -A tools/gen.ts --check
 * ```
 * @module
 */
import type { GeneratedFile } from "./_generated.ts";
import { generatePythonModules } from "./gen_python_modules.ts";
import { generateCasesFromRepository } from "./gen_cases.ts";

const ROOT = new URL("../", import.meta.url);

/** Every generated file, freshly made. */
export async function generateAll(): Promise<GeneratedFile[]> {
  return [...await generateCasesFromRepository(), ...await generatePythonModules()];
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  const stale: string[] = [];
  for (const file of await generateAll()) {
    const url = new URL(file.path, ROOT);
    let current: string | null = null;
    try {
      current = Deno.readTextFileSync(url);
    } catch {
      // not written yet
    }
    if (current === file.text) continue;
    if (check) stale.push(file.path);
    else {
      Deno.mkdirSync(new URL(".", url), { recursive: true });
      Deno.writeTextFileSync(url, file.text);
      console.log(`wrote ${file.path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`generated files are stale (run \`deno task gen\`): ${stale.join(", ")}`);
    Deno.exit(1);
  }
  if (check) console.log("generated files match their generators");
}
