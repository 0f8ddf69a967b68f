/**
 * The instruction generator: vm/bytecodes.ts (the instruction definition) → the opcode table
 * (instructions/opcode_table.ts) and the interpreter loop (vm/generated/interp_loop.ts), each
 * formatted as `deno fmt` formats it and headed with a digest of the definition. It reads the
 * definition as text (tools/cases/definition.ts), so it runs even when the generated files are
 * stale or missing, and refuses an inconsistent definition by name.
 *
 * @example
 * ```sh
 * deno task gen     # tools/gen.ts runs this with the other generators
 * ```
 * @module
 */
import { digestOf, type GeneratedFile } from "./_generated.ts";
import { parseDefinition } from "./cases/definition.ts";
import { emitLoop } from "./cases/emit_loop.ts";
import { emitTables } from "./cases/emit_tables.ts";

const ROOT = new URL("../", import.meta.url);
/** The definition, relative to the repository root. */
export const DEFINITION = "vm/bytecodes.ts";
/** Where the generated files go, relative to the repository root. */
export const OPCODE_TABLE_OUTPUT = "instructions/opcode_table.ts";
export const LOOP_OUTPUT = "vm/generated/interp_loop.ts";

/** Formats TypeScript source as `deno fmt` would with the repository's settings. */
export async function formatTs(text: string): Promise<string> {
  const p = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", "ts", "-"],
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = p.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await p.output();
  if (!out.success) {
    throw new Error(`deno fmt refused the generated code:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

/** The files generated from `definitionText` (the text of vm/bytecodes.ts, or a test's copy of it). */
export async function generateCases(definitionText: string, file = DEFINITION): Promise<GeneratedFile[]> {
  const def = parseDefinition(definitionText, file);
  const digest = await digestOf([definitionText]);
  return [
    { path: OPCODE_TABLE_OUTPUT, text: await formatTs(emitTables(def, digest)) },
    { path: LOOP_OUTPUT, text: await formatTs(emitLoop(def, digest)) },
  ];
}

/** The generated files for the definition in the repository. */
export async function generateCasesFromRepository(): Promise<GeneratedFile[]> {
  return await generateCases(Deno.readTextFileSync(new URL(DEFINITION, ROOT)));
}
