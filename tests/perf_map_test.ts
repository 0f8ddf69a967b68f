// `--perf`: each native trace gets a line in /tmp/perf-PID.map, in the format Linux perf reads
// (`START SIZE name`, hexadecimal), naming its Python function, file and loop line.
import assert from "node:assert/strict";
import { runCli } from "./run_cli.ts";

Deno.test("--perf names each native trace in /tmp/perf-PID.map", async () => {
  const dir = await Deno.makeTempDir();
  const script = `${dir}/loops.py`;
  await Deno.writeTextFile(
    script,
    "def count(n):\n    t = 0\n    for i in range(n):\n        t += i * 3 % 7\n    return t\n" +
      "def total(n):\n    s = 0.0\n    for i in range(n):\n        s += i * 0.5\n    return s\n" +
      "print(count(2_000_000), total(2_000_000))\n",
  );
  const { code, stdout, stderr } = await runCli(["--perf", "--stats", "--jit-backend", "native", script]);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, "5999997 999999500000.0\n");
  if (/jit native: unavailable/.test(stderr)) return; // no native code here: nothing to name
  const named = /jit perf map: (\d+) native traces named in (\/tmp\/perf-\d+\.map)/.exec(stderr);
  assert.ok(named !== null, stderr);
  const lines = (await Deno.readTextFile(named[2])).trimEnd().split("\n");
  await Deno.remove(named[2]);
  await Deno.remove(dir, { recursive: true });
  assert.equal(lines.length, Number(named[1]));
  assert.ok(lines.length >= 2, lines.join("\n"));
  const symbols = lines.map((line) => /^([0-9a-f]+) ([0-9a-f]+) (.+)$/.exec(line));
  for (const m of symbols) {
    assert.ok(m !== null);
    assert.ok(parseInt(m[1], 16) > 0 && parseInt(m[2], 16) > 0, m[0]);
  }
  const names = symbols.map((m) => m![3]);
  assert.ok(names.includes(`py::count ${script}:3`), names.join("\n"));
  assert.ok(names.includes(`py::total ${script}:8`), names.join("\n"));
});
