/**
 * Test helper: runs the `pyjit` command (`deno run … cli/main.ts`) in a subprocess. In: its
 * arguments; optionally text for its stdin (else none), a working directory, environment variables,
 * the Deno flags before the script (default `-A`), and whether the PYTHON* and PYJIT* variables of
 * this process are left out. Out: its exit status, the signal that ended it, stdout and stderr.
 * @module
 */

/** What a run of the command gave. */
export interface CliResult {
  code: number;
  signal: Deno.Signal | null;
  stdout: string;
  stderr: string;
}

/** How the command is run. */
export interface CliOptions {
  stdin?: string;
  cwd?: string;
  env?: Record<string, string>;
  /** `deno run`'s flags (permissions, `--v8-flags=…`); default `["-A"]`. */
  denoFlags?: string[];
  /** Leave out this process's PYTHON* and PYJIT* variables (a clean Python environment). */
  cleanPythonEnv?: boolean;
  /** The script `deno run` runs (a path, or a specifier such as `jsr:@pyjit/cli`); default cli/main.ts. */
  entry?: string;
}

const MAIN = new URL("../cli/main.ts", import.meta.url).pathname;

/** Runs `pyjit args…` and waits for it to end. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  let env = options.env;
  if (options.cleanPythonEnv) {
    const inherited: Record<string, string> = {};
    for (const [k, v] of Object.entries(Deno.env.toObject())) {
      if (!k.startsWith("PYTHON") && !k.startsWith("PYJIT")) inherited[k] = v;
    }
    env = { ...inherited, ...options.env };
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...(options.denoFlags ?? ["-A"]), options.entry ?? MAIN, ...args],
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    env,
    clearEnv: options.cleanPythonEnv === true,
    cwd: options.cwd,
  }).spawn();
  if (options.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(options.stdin));
    await w.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return {
    code: out.code,
    signal: out.signal,
    stdout: dec.decode(out.stdout),
    stderr: dec.decode(out.stderr),
  };
}
