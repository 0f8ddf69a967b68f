/**
 * decodeSource: PEP 263 coding cookies, the UTF-8 BOM, and CPython's errors for unknown encodings
 * and undecodable bytes.
 */
import assert from "node:assert/strict";
import { decodeSource } from "./source_encoding.ts";
import { formatSyntaxError, PySyntaxError } from "./syntax_error.ts";

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === "string" ? new TextEncoder().encode(p) : p));
  return new Uint8Array(out);
}

function errorOf(source: Uint8Array, mode: "compile" | "script" = "compile"): PySyntaxError {
  try {
    decodeSource(source, "f.py", mode);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error("no error");
}

Deno.test("UTF-8 is the default, and a BOM is dropped", () => {
  assert.equal(decodeSource(bytes("x = 'é€😀'\n"), "f.py"), "x = 'é€😀'\n");
  assert.equal(decodeSource(bytes([0xef, 0xbb, 0xbf], "x = 1\n"), "f.py"), "x = 1\n");
  assert.equal(
    decodeSource(bytes([0xef, 0xbb, 0xbf], "# coding: utf-8\nx = 1\n"), "f.py"),
    "# coding: utf-8\nx = 1\n",
  );
});

Deno.test("a coding cookie on line 1, or on line 2 after a blank or comment line", () => {
  assert.equal(
    decodeSource(bytes("# -*- coding: latin-1 -*-\nx = '", [0xe9, 0x80], "'\n"), "f.py"),
    "# -*- coding: latin-1 -*-\nx = 'é\x80'\n",
  );
  assert.equal(
    decodeSource(bytes("\n# coding=iso-8859-1\nx = '", [0xe9], "'\n"), "f.py"),
    "\n# coding=iso-8859-1\nx = 'é'\n",
  );
  assert.equal(
    decodeSource(bytes("#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\nx = '", [0x80], "'\n"), "f.py"),
    "#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\nx = '€'\n",
  );
  assert.equal(decodeSource(bytes("# coding: ascii\nx = 1\n"), "f.py"), "# coding: ascii\nx = 1\n");
  // After a line of code, a cookie is an ordinary comment: the file is UTF-8.
  assert.equal(errorOf(bytes("x = 1\n# coding: latin-1\ny = '", [0xe9], "'\n")).lineno, 3);
});

Deno.test("errors as CPython's: unknown encoding, BOM conflict, undecodable bytes", () => {
  const unknown = errorOf(bytes("# coding: foo\nx = 1\n"));
  assert.equal(unknown.msg, "unknown encoding: foo");
  assert.equal(unknown.lineno, 0);
  assert.equal(unknown.offset, -1);
  assert.equal(
    errorOf(bytes([0xef, 0xbb, 0xbf], "# coding: latin-1\n")).msg,
    "encoding problem: iso-8859-1 with BOM",
  );
  const start = errorOf(bytes([0xff], "x = 1\n"));
  assert.equal(
    start.msg,
    "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
  );
  assert.deepEqual([start.lineno, start.offset], [1, 1]);
  const cont = errorOf(bytes("x = 1\ny = '", [0xed, 0xa0, 0x80], "'\n"));
  assert.equal(
    cont.msg,
    "(unicode error) 'utf-8' codec can't decode byte 0xed in position 5: invalid continuation byte",
  );
  assert.deepEqual([cont.lineno, cont.offset, cont.text], [2, 6, "y = '\ufffd\ufffd\ufffd'"]);
  assert.equal(
    errorOf(bytes("x = 'ab", [0xe9, 0x80])).msg,
    "(unicode error) 'utf-8' codec can't decode bytes in position 7-8: unexpected end of data",
  );
  assert.equal(
    errorOf(bytes("# coding: ascii\nx = '", [0xe9], "'\n")).msg,
    "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)",
  );
  assert.equal(
    errorOf(bytes("# coding: cp1252\nx = '", [0x81], "'\n")).msg,
    "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>",
  );
});

Deno.test("other single-byte code pages; a BOM with a cookie CPython does not read as utf-8", () => {
  assert.equal(
    decodeSource(bytes("# coding: koi8-r\nx = '", [0xc1], "'\n"), "f.py"),
    "# coding: koi8-r\nx = 'а'\n",
  );
  assert.equal(
    decodeSource(bytes("# coding: iso-8859-5\nx = '", [0xb0], "'\n"), "f.py"),
    "# coding: iso-8859-5\nx = 'А'\n",
  );
  assert.equal(errorOf(bytes([0xef, 0xbb, 0xbf], "#coding: utf8\n")).msg, "encoding problem: utf8 with BOM");
  assert.equal(
    decodeSource(bytes([0xef, 0xbb, 0xbf], "#coding: UTF-8-unix\n"), "f.py"),
    "#coding: UTF-8-unix\n",
  );
});

Deno.test("a script's decoding errors are worded as `python3 file.py` words them, without a location", () => {
  const noCookie = errorOf(bytes("x = 1\ny = '", [0xe9, 0xff], "'\n"), "script");
  assert.equal(
    formatSyntaxError(noCookie),
    "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file f.py on line 2, but no encoding declared; " +
      "see https://peps.python.org/pep-0263/ for details\n",
  );
  assert.equal(errorOf(bytes("# coding: bogus\n"), "script").msg, "encoding problem: bogus");
  assert.equal(
    errorOf(bytes("# coding: ascii\nx = '", [0xe9], "'\n"), "script").msg,
    "encoding problem: ascii",
  );
  assert.equal(
    errorOf(bytes("# coding: cp1252\nx = '", [0x81], "'\n"), "script").msg,
    "encoding problem: cp1252",
  );
  // Under an explicit utf-8 declaration the script keeps the codec's message and its location.
  const declared = errorOf(bytes("# coding: utf-8\nx = '", [0xff], "'\n"), "script");
  assert.equal(declared.lineno, 2);
  assert.match(declared.msg, /^\(unicode error\) 'utf-8' codec can't decode byte 0xff/);
});
