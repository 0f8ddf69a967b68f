/**
 * Compares `pyjit`'s AST dump with `python3 -m ast` for many files (a development tool, not a test:
 * it needs CPython). In: directories or .py files on the command line (default: CPython's stdlib).
 * Out: one line per mismatching file, and the count of files that match byte for byte.
 *
 *   deno run -A tests/tools/compare_ast.ts [--show N] [--attributes] [PATH…]
 *
 * `--attributes` compares positions too (`ast.dump(…, include_attributes=True)`).
 *
 * CPython's dumps (or its SyntaxError: message, line, offsets) are computed once per run by one
 * python3 process, into a temporary directory.
 * @module
 */
import { parse } from "../../compiler/parser.ts";
import { dumpAst } from "../../compiler/ast_dump.ts";
import { PySyntaxError } from "../../lexer/syntax_error.ts";
import { decodeSource } from "../../lexer/source_encoding.ts";

const STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11";

const EXPECTED_SCRIPT = `
import ast, sys, os, json
out = sys.argv[1]
attrs = sys.argv[2] == "1"
for i, path in enumerate(sys.stdin.read().split("\\n")):
    if not path: continue
    try:
        with open(path, "rb") as f: src = f.read()
        text = ast.dump(ast.parse(src, path, type_comments=True), indent=3, include_attributes=attrs)
    except SyntaxError as e:
        text = "SyntaxError %s %r %s %s %s %s" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except Exception as e:
        text = "Error %s" % type(e).__name__
    with open(os.path.join(out, "%d.ast" % i), "w", encoding="utf-8", errors="surrogatepass") as f: f.write(text)
`;

function collect(path: string, out: string[]): void {
  const info = Deno.statSync(path);
  if (info.isFile) {
    if (path.endsWith(".py")) out.push(path);
    return;
  }
  for (const entry of [...Deno.readDirSync(path)].sort((a, b) => a.name < b.name ? -1 : 1)) {
    if (entry.isSymlink) continue;
    collect(`${path}/${entry.name}`, out);
  }
}

function mine(path: string, attributes: boolean): string {
  try {
    // As python3's ast.parse(bytes): the coding cookie or BOM decides the encoding.
    const source = decodeSource(Deno.readFileSync(path), path);
    return dumpAst(parse(source, path), 3, { includeAttributes: attributes });
  } catch (e) {
    if (e instanceof PySyntaxError) {
      // Line 0 is an error about the whole file, which CPython gives no end position.
      const end = e.lineno === 0 ? "None None" : `${e.endLineno} ${e.endOffset}`;
      return `SyntaxError ${e.kind} ${pyStr(e.msg)} ${e.lineno} ${e.offset} ${end}`;
    }
    return `Error ${(e as Error).message}`;
  }
}

function pyStr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/'/g, "\\'")}'`;
}

if (import.meta.main) {
  let show = 3;
  let attributes = false;
  const paths: string[] = [];
  for (let i = 0; i < Deno.args.length; i++) {
    if (Deno.args[i] === "--show") show = Number(Deno.args[++i]);
    else if (Deno.args[i] === "--attributes") attributes = true;
    else paths.push(Deno.args[i]);
  }
  const files: string[] = [];
  for (const p of paths.length ? paths : [STDLIB]) collect(p, files);
  const dir = Deno.makeTempDirSync({ prefix: "compare_ast_" });
  const py = new Deno.Command("python3", {
    args: ["-c", EXPECTED_SCRIPT, dir, attributes ? "1" : "0"],
    stdin: "piped",
  }).spawn();
  const w = py.stdin.getWriter();
  await w.write(new TextEncoder().encode(files.join("\n")));
  await w.close();
  await py.status;
  let same = 0;
  let shown = 0;
  const started = performance.now();
  for (let i = 0; i < files.length; i++) {
    const expected = Deno.readTextFileSync(`${dir}/${i}.ast`);
    const got = mine(files[i], attributes);
    if (got === expected) {
      same++;
      continue;
    }
    const a = got.split("\n");
    const b = expected.split("\n");
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    console.log(`DIFF ${files[i]} at dump line ${line + 1}`);
    if (shown++ < show) {
      console.log(`  mine:     ${a.slice(Math.max(0, line - 2), line + 3).join("\n            ")}`);
      console.log(`  expected: ${b.slice(Math.max(0, line - 2), line + 3).join("\n            ")}`);
    }
  }
  Deno.removeSync(dir, { recursive: true });
  console.log(
    `${same} of ${files.length} files match byte for byte (${
      ((performance.now() - started) / 1000).toFixed(1)
    } s)`,
  );
}
