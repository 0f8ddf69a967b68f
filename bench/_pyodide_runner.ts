/**
 * Runs one Python program under Pyodide (CPython compiled to WebAssembly, the npm package `pyodide`)
 * inside Deno: `deno run -A --no-lock bench/_pyodide_runner.ts PROGRAM.py [ARGS…]` → the program's
 * stdout on stdout, exit status 0 or 1, and as the last line of stderr the time spent loading
 * Pyodide and the time spent running the program (`_pyodide_protocol.ts`). `--version` prints
 * Pyodide's version and the Python version it carries.
 *
 * Run as a subprocess by compare.ts so that Pyodide is timed like every other runtime (whole
 * process), with the load/run split available on the side.
 * @module
 */
// Pinned here rather than in deno.json: only this subprocess (run with --no-lock) needs Pyodide, so the
// workspace's imports and lock file stay free of it.
// deno-lint-ignore no-import-prefix
import { loadPyodide, version as pyodideVersion } from "npm:pyodide@314.0.7";
import { timingLine } from "./_pyodide_protocol.ts";

const encoder = new TextEncoder();

function writeAll(stream: typeof Deno.stdout | typeof Deno.stderr, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += stream.writeSync(bytes.subarray(written));
}

async function main(args: string[]): Promise<number> {
  const loadStart = performance.now();
  const pyodide = await loadPyodide();
  const loadSeconds = (performance.now() - loadStart) / 1000;
  if (args[0] === "--version") {
    const python = pyodide.runPython("import sys; sys.version.split()[0]");
    writeAll(Deno.stdout, encoder.encode(`Pyodide ${pyodideVersion} (Python ${python})\n`));
    return 0;
  }
  const [path, ...rest] = args;
  if (path === undefined) {
    writeAll(Deno.stderr, encoder.encode("usage: _pyodide_runner.ts PROGRAM.py [ARGS...]\n"));
    return 2;
  }
  const source = Deno.readTextFileSync(path);
  const chunks: Uint8Array[] = [];
  pyodide.setStdout({
    write: (buffer: Uint8Array) => {
      chunks.push(buffer.slice());
      return buffer.length;
    },
  });
  // A JSON list of strings is also a Python list literal.
  pyodide.runPython(`import sys\nsys.argv = ${JSON.stringify([path, ...rest])}`);
  let status = 0;
  const runStart = performance.now();
  try {
    pyodide.runPython(source, { filename: path });
  } catch (e) {
    status = 1;
    writeAll(Deno.stderr, encoder.encode(`${e instanceof Error ? e.message : String(e)}\n`));
  }
  pyodide.runPython("sys.stdout.flush()");
  const runSeconds = (performance.now() - runStart) / 1000;
  for (const chunk of chunks) writeAll(Deno.stdout, chunk);
  writeAll(Deno.stderr, encoder.encode(`${timingLine(loadSeconds, runSeconds)}\n`));
  return status;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
