/**
 * `pyjit -m json.tool` end to end, as a subprocess: stdin or a file in, stdout or a file out, each
 * layout option, JSON Lines, and the exit statuses and messages of CPython's tool (1 with the
 * decoding error on stderr for bad JSON, 2 with the usage for a bad command line). The expected
 * texts are what `python3 -m json.tool` prints for the same input.
 */
import { strictEqual } from "node:assert/strict";

const CLI = new URL("../cli/main.ts", import.meta.url).pathname;

const DOC = '{"b": [1, 2.5, {"c": null}], "a": "\\u00e9 \u00e9", "e": {}}';

const USAGE = `usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]
                           [--json-lines]
                           [--indent INDENT | --tab | --no-indent | --compact]
                           [infile] [outfile]
`;

async function jsonTool(
  args: string[],
  stdin = "",
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "-m", "json.tool", ...args],
    cwd,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(stdin));
  await writer.close();
  const out = await child.output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/** Runs json.tool with `args` on DOC from stdin and checks it prints `expected` with status 0. */
async function layout(args: string[], expected: string): Promise<void> {
  const r = await jsonTool(args, DOC);
  strictEqual(r.stderr, "");
  strictEqual(r.code, 0);
  strictEqual(r.stdout, expected);
}

Deno.test("json.tool pretty-prints stdin with an indent of 4", async () => {
  await layout(
    [],
    '{\n    "b": [\n        1,\n        2.5,\n        {\n            "c": null\n        }\n    ],\n' +
      '    "a": "\\u00e9 \\u00e9",\n    "e": {}\n}\n',
  );
});

Deno.test("json.tool --sort-keys, --compact, --no-indent", async () => {
  await layout(
    ["--sort-keys"],
    '{\n    "a": "\\u00e9 \\u00e9",\n    "b": [\n        1,\n        2.5,\n        {\n            "c": null\n' +
      '        }\n    ],\n    "e": {}\n}\n',
  );
  await layout(["--compact"], '{"b":[1,2.5,{"c":null}],"a":"\\u00e9 \\u00e9","e":{}}\n');
  await layout(["--no-indent"], '{"b": [1, 2.5, {"c": null}], "a": "\\u00e9 \\u00e9", "e": {}}\n');
});

Deno.test("json.tool --tab, --indent N, --indent=N with --no-ensure-ascii", async () => {
  await layout(
    ["--tab"],
    '{\n\t"b": [\n\t\t1,\n\t\t2.5,\n\t\t{\n\t\t\t"c": null\n\t\t}\n\t],\n\t"a": "\\u00e9 \\u00e9",\n\t"e": {}\n}\n',
  );
  await layout(
    ["--indent", "1"],
    '{\n "b": [\n  1,\n  2.5,\n  {\n   "c": null\n  }\n ],\n "a": "\\u00e9 \\u00e9",\n "e": {}\n}\n',
  );
  await layout(
    ["--no-ensure-ascii", "--indent=0"],
    '{\n"b": [\n1,\n2.5,\n{\n"c": null\n}\n],\n"a": "\u00e9 \u00e9",\n"e": {}\n}\n',
  );
});

Deno.test("json.tool --json-lines reads one document per line", async () => {
  const r = await jsonTool(["--json-lines", "--compact"], '{"a": 1}\n[2, 3]\n');
  strictEqual(r.code, 0);
  strictEqual(r.stdout, '{"a":1}\n[2,3]\n');
  const blank = await jsonTool(["--json-lines"], '{"a": 1}\n\n');
  strictEqual(blank.code, 1);
  strictEqual(blank.stdout, '{\n    "a": 1\n}\n');
  strictEqual(blank.stderr, "Expecting value: line 2 column 1 (char 1)\n");
});

Deno.test("json.tool reads infile and writes outfile (the same file too)", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/in.json`, '[1, {"x": true}]');
    const r = await jsonTool(["--indent", "2", "in.json", "out.json"], "", dir);
    strictEqual(r.code, 0);
    strictEqual(r.stdout, "");
    strictEqual(Deno.readTextFileSync(`${dir}/out.json`), '[\n  1,\n  {\n    "x": true\n  }\n]\n');
    const inPlace = await jsonTool(["--compact", "out.json", "out.json"], "", dir);
    strictEqual(inPlace.code, 0);
    strictEqual(Deno.readTextFileSync(`${dir}/out.json`), '[1,{"x":true}]\n');
    const dash = await jsonTool(["-"], "[]");
    strictEqual(dash.stdout, "[]\n");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("json.tool: invalid JSON exits 1 with the error on stderr", async () => {
  const r = await jsonTool([], '{"a": [1,\n2 3]}');
  strictEqual(r.code, 1);
  strictEqual(r.stdout, "");
  strictEqual(r.stderr, "Expecting ',' delimiter: line 2 column 3 (char 12)\n");
});

Deno.test("json.tool: usage errors exit 2 with CPython's messages", async () => {
  const cases: [string[], string][] = [
    [["--indent", "x"], "argument --indent: invalid int value: 'x'"],
    [["--indent"], "argument --indent: expected one argument"],
    [["--indent", "2", "--tab"], "argument --tab: not allowed with argument --indent"],
    [["--tab", "--compact"], "argument --compact: not allowed with argument --tab"],
    [["--foo"], "unrecognized arguments: --foo"],
    [["--no"], "ambiguous option: --no could match --no-ensure-ascii, --no-indent"],
    [
      ["missing.json"],
      "argument infile: can't open 'missing.json': [Errno 2] No such file or directory: 'missing.json'",
    ],
  ];
  for (const [args, message] of cases) {
    const r = await jsonTool(args, "{}");
    strictEqual(r.code, 2, args.join(" "));
    strictEqual(r.stdout, "");
    strictEqual(r.stderr, `${USAGE}python -m json.tool: error: ${message}\n`);
  }
});

Deno.test("json.tool -h prints the help", async () => {
  const r = await jsonTool(["-h"]);
  strictEqual(r.code, 0);
  strictEqual(r.stdout.startsWith(USAGE + "\nA simple command line interface for json module"), true);
  strictEqual(
    r.stdout.includes("  --compact          suppress all whitespace separation (most compact)\n"),
    true,
  );
});
