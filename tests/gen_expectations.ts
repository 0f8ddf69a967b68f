/**
 * Regenerates the expected outputs of tests/programs/*.py with CPython 3.11: `NAME.py.exp` (stdout)
 * and, for programs that exit non-zero, `NAME.py.status` (status, then the last line of stderr).
 *
 *   deno run -A tests/gen_expectations.ts [NAME.py…]
 */
const PYTHON = "/root/.pyenv/versions/3.11.7/bin/python3";
const dir = new URL("./programs/", import.meta.url).pathname;
const names = Deno.args.length
  ? Deno.args
  : [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".py")).sort();
for (const name of names) {
  const out = new Deno.Command(PYTHON, { args: [name], cwd: dir, stdout: "piped", stderr: "piped" })
    .outputSync();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr).trimEnd().split("\n");
  Deno.writeTextFileSync(`${dir}${name}.exp`, stdout);
  const statusPath = `${dir}${name}.status`;
  if (out.code !== 0) Deno.writeTextFileSync(statusPath, `${out.code}\n${stderr[stderr.length - 1]}\n`);
  else {
    try {
      Deno.removeSync(statusPath);
    } catch {
      // none
    }
  }
  console.log(`${name}: status ${out.code}`);
}
