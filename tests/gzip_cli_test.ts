/**
 * `pyjit -m gzip` end to end, as a subprocess: stdin → stdout and FILE → FILE.gz (and back with
 * -d), the compression level of --fast/--best in the header, and the exit statuses and messages
 * of CPython's tool (2 with the usage for a bad command line, 1 with a message for a file not
 * ending in .gz). The expected texts are what `python3 -m gzip` prints for the same arguments.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { gunzipSync, gzipSync } from "node:zlib";

const CLI = new URL("../cli/main.ts", import.meta.url).pathname;

const USAGE = "usage: gzip.py [-h] [--fast | --best | -d] [file ...]\n";

const DATA = new TextEncoder().encode("gzip me, gzip me, gzip me: \u00e9\n".repeat(200));

async function gzipTool(
  args: string[],
  stdin: Uint8Array = new Uint8Array(0),
  cwd?: string,
): Promise<{ code: number; stdout: Uint8Array; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "-m", "gzip", ...args],
    cwd,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(stdin);
  await writer.close();
  const out = await child.output();
  return { code: out.code, stdout: out.stdout, stderr: new TextDecoder().decode(out.stderr) };
}

Deno.test("gzip CLI compresses stdin to stdout, and -d decompresses it", async () => {
  for (const [args, extraFlags] of [[[], 0], [["--fast"], 4], [["--best"], 2], [["-"], 0]] as const) {
    const r = await gzipTool([...args], DATA);
    strictEqual(r.stderr, "");
    strictEqual(r.code, 0);
    // magic, deflate, no flags (no file name for stdin), the level's extra flags, OS unknown
    deepStrictEqual([...r.stdout.subarray(0, 4)], [0x1f, 0x8b, 8, 0], args.join(" "));
    deepStrictEqual([...r.stdout.subarray(8, 10)], [extraFlags, 255], args.join(" "));
    deepStrictEqual(new Uint8Array(gunzipSync(r.stdout)), DATA);
  }
  const back = await gzipTool(["-d"], new Uint8Array(gzipSync(DATA)));
  strictEqual(back.code, 0);
  deepStrictEqual(back.stdout, DATA);
});

Deno.test("gzip CLI: FILE → FILE.gz (the name in the header) and -d FILE.gz → FILE", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeFileSync(`${dir}/a.txt`, DATA);
    const r = await gzipTool(["a.txt"], undefined, dir);
    strictEqual(r.code, 0);
    strictEqual(r.stdout.length, 0);
    const packed = Deno.readFileSync(`${dir}/a.txt.gz`);
    strictEqual(packed[3], 8); // FNAME
    strictEqual(new TextDecoder().decode(packed.subarray(10, 16)), "a.txt\0");
    deepStrictEqual(new Uint8Array(gunzipSync(packed)), DATA);
    Deno.removeSync(`${dir}/a.txt`);
    const back = await gzipTool(["--decompress", "a.txt.gz"], undefined, dir);
    strictEqual(back.code, 0);
    deepStrictEqual(Deno.readFileSync(`${dir}/a.txt`), DATA);
    const wrongName = await gzipTool(["-d", "a.txt"], undefined, dir);
    strictEqual(wrongName.code, 1);
    strictEqual(wrongName.stderr, "filename doesn't end in .gz: 'a.txt'\n");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("gzip CLI: usage errors exit 2 with CPython's messages, -h prints the help", async () => {
  const cases: [string[], string][] = [
    [["--fast", "--best"], "argument --best: not allowed with argument --fast"],
    [["-d", "--fast"], "argument --fast: not allowed with argument -d/--decompress"],
    [["--best=1"], "argument --best: ignored explicit argument '1'"],
    [["-dx"], "argument -d/--decompress: ignored explicit argument 'x'"],
    [["-x", "f", "--zz"], "unrecognized arguments: -x --zz"],
  ];
  for (const [args, message] of cases) {
    const r = await gzipTool(args);
    strictEqual(r.code, 2, args.join(" "));
    strictEqual(r.stdout.length, 0);
    strictEqual(r.stderr, `${USAGE}gzip.py: error: ${message}\n`);
  }
  const help = await gzipTool(["-dh"]);
  strictEqual(help.code, 0);
  const text = new TextDecoder().decode(help.stdout);
  strictEqual(text.startsWith(USAGE), true);
  strictEqual(text.includes("  -d, --decompress  act like gunzip instead of gzip\n"), true);
});
