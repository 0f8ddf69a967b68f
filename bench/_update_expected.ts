/**
 * Writes the expected outputs: each program in PROGRAMS, run by CPython 3.11 at the full and the
 * quick size → `bench/programs/<name>.exp` and `<name>.quick.exp`. Run by hand after changing a
 * program or its sizes: `deno run -A bench/_update_expected.ts [python]`.
 * @module
 */
import { expectedPath, programArgs, programPath, PROGRAMS } from "./_programs.ts";

const python = Deno.args[0] ?? "/root/.pyenv/versions/3.11.7/bin/python3";
const version = new TextDecoder().decode(
  (await new Deno.Command(python, { args: ["--version"] }).output()).stdout,
).trim();
if (!version.startsWith("Python 3.11")) {
  throw new Error(`expected outputs come from CPython 3.11, not ${version}`);
}

for (const program of PROGRAMS) {
  for (const quick of [false, true]) {
    const out = await new Deno.Command(python, {
      args: [programPath(program), ...programArgs(program, quick)],
      stdout: "piped",
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error(`${program.name} failed under ${python}`);
    Deno.writeFileSync(expectedPath(program, quick), out.stdout);
    console.log(`${program.name}${quick ? " (quick)" : ""}: ${out.stdout.length} bytes`);
  }
}
