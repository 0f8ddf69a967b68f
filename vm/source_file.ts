/**
 * Python source files: a path → its text, decoded as CPython decodes source (a UTF-8 BOM, a PEP 263
 * coding cookie, else UTF-8; lexer/source_encoding.ts), or null when the file cannot be read. Also
 * the whole of stdin as bytes, for `pyjit -`, `-m ast` and `-m dis` without a file.
 *
 * A bad encoding throws PySyntaxError, as CPython's tokenizer reports it.
 *
 * @example
 * ```ts
 * import { readSourceFile } from "./source_file.ts";
 * console.log(readSourceFile("/no/such/file.py", "script")); // null
 * ```
 * @module
 */
import { decodeSource } from "../lexer/source_encoding.ts";

/** The decoded text of the Python source file at `path`, or null when it cannot be read. */
export function readSourceFile(path: string, mode: "compile" | "script"): string | null {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(path);
  } catch {
    return null;
  }
  return decodeSource(bytes, path, mode);
}

/**
 * A directory given as the script: null when `path` is not one; otherwise what CPython does with
 * it — run its `__main__` module as `-m __main__` would, with the directory (made absolute, as
 * given otherwise) first on sys.path, or when it has none print "can't find '__main__' module in
 * '<absolute path>'" and exit 1.
 * @example
 * ```ts
 * import { scriptDirectoryOf } from "./source_file.ts";
 * console.log(scriptDirectoryOf("/no/such/dir")); // null
 * ```
 */
export function scriptDirectoryOf(
  path: string,
): { dir: string; hasMain: boolean; missingMessage: string } | null {
  try {
    if (!Deno.statSync(path).isDirectory) return null;
  } catch {
    return null;
  }
  const dir = path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
  let hasMain = false;
  try {
    hasMain = Deno.statSync(`${dir}/__main__.py`).isFile;
  } catch {
    // no __main__.py
  }
  return { dir, hasMain, missingMessage: `can't find '__main__' module in '${dir}'` };
}

/** Everything left on stdin, as bytes. */
export function readAllStdinBytes(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  for (;;) {
    const n = Deno.stdin.readSync(buf);
    if (n === null || n === 0) break;
    chunks.push(buf.slice(0, n));
  }
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
