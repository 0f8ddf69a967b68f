/**
 * Test support for the import-system cases (tests/import_cases.ts): lays a case's files out in a
 * fresh temporary directory, runs a command in it, and normalizes what it printed (the directory
 * reads `{dir}`, addresses `0x…`, the interpreter's name at the start of a `-m` error `pyjit`).
 * @module
 */
import type { ImportCase } from "./import_cases.ts";

/** What a run printed, normalized. */
export interface ImportResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Writes the case's files under a new temporary directory and returns the directory. */
export function layOut(c: ImportCase): string {
  const dir = Deno.realPathSync(Deno.makeTempDirSync({ prefix: "pyjit_imports_" }));
  for (const [rel, content] of Object.entries(c.files)) {
    const path = `${dir}/${rel}`;
    if (rel.endsWith("/")) {
      Deno.mkdirSync(path, { recursive: true });
      continue;
    }
    Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    if (typeof content === "string") Deno.writeTextFileSync(path, content);
    else Deno.writeFileSync(path, content);
  }
  return dir;
}

/** Runs `command args…` for the case in its directory; the output normalized. */
export async function runCase(c: ImportCase, command: string, prefixArgs: string[]): Promise<ImportResult> {
  const dir = layOut(c);
  try {
    const env: Record<string, string> = {};
    if (c.pythonPath !== undefined) env.PYTHONPATH = c.pythonPath.replaceAll("{dir}", dir);
    const out = await new Deno.Command(command, {
      args: [...prefixArgs, ...c.args],
      cwd: c.cwd === undefined ? dir : `${dir}/${c.cwd}`,
      env,
      clearEnv: true,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    return {
      status: out.code,
      stdout: normalize(dec.decode(out.stdout), dir, command),
      stderr: normalize(dec.decode(out.stderr), dir, command),
    };
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

function normalize(text: string, dir: string, command: string): string {
  return text
    .replaceAll(dir, "{dir}")
    .replace(/0x[0-9a-f]+/g, "0x…")
    .replace(new RegExp(`^${command.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `, "gm"), "pyjit: ");
}
