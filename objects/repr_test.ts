/**
 * Python reprs: each expected string below is what CPython 3.11's `repr()` printed for the value.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { bytesRepr, complexRepr, floatRepr, intRepr, isPrintable, strRepr } from "./repr.ts";

Deno.test("floatRepr is the shortest round-trip text in Python's style", () => {
  const cases: [number, string][] = [
    [0.0, "0.0"],
    [-0.0, "-0.0"],
    [1.0, "1.0"],
    [-1.5, "-1.5"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [123456789012345678.0, "1.2345678901234568e+17"],
    [1.5e-7, "1.5e-07"],
    [1e-5, "1e-05"],
    [1e-4, "0.0001"],
    [0.0001234, "0.0001234"],
    [1 / 3, "0.3333333333333333"],
    [2 / 3, "0.6666666666666666"],
    [1e22, "1e+22"],
    [1e-320, "1e-320"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, "nan"],
    [100.0, "100.0"],
    [1e100, "1e+100"],
    [12345.678, "12345.678"],
    [0.1, "0.1"],
    [0.1 + 0.2, "0.30000000000000004"],
    [9007199254740993, "9007199254740992.0"],
    [1e21, "1e+21"],
    [123e-20, "1.23e-18"],
  ];
  for (const [value, expected] of cases) strictEqual(floatRepr(value), expected, String(value));
});

Deno.test("complexRepr drops a +0 real part and parenthesizes otherwise", () => {
  const cases: [number, number, string][] = [
    [0, 1, "1j"],
    [-0, -1, "(-0-1j)"],
    [1, 2, "(1+2j)"],
    [-1, -2, "(-1-2j)"],
    [0, 0, "0j"],
    [-0, 0, "(-0+0j)"],
    [1.5, -0, "(1.5-0j)"],
    [Infinity, NaN, "(inf+nanj)"],
    [0, 1e16, "1e+16j"],
    [1e-7, 2.5, "(1e-07+2.5j)"],
    [-0, -0, "(-0-0j)"],
  ];
  for (const [re, im, expected] of cases) strictEqual(complexRepr(re, im), expected, expected);
});

Deno.test("strRepr picks quotes and escapes what str.isprintable rejects", () => {
  const cases: [string, string][] = [
    ["", "''"],
    ["abc", "'abc'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ["tab\tnl\ncr\r", "'tab\\tnl\\ncr\\r'"],
    ["back\\slash", "'back\\\\slash'"],
    ["\x00\x1f\x7f\x80\x9f\xa0\xad\xff", "'\\x00\\x1f\\x7f\\x80\\x9f\\xa0\\xad\xff'"],
    ["é漢字😀", "'é漢字😀'"],
    ["\u200b\u2028\u2029\ufeff\ue000", "'\\u200b\\u2028\\u2029\\ufeff\\ue000'"],
    ["\u{e0001}\u{10ffff}\u{1f600}", "'\\U000e0001\\U0010ffff\u{1f600}'"],
    ["\ud800", "'\\ud800'"],
    ["a\u0378b", "'a\\u0378b'"],
    ["\u3000 \xa0", "'\\u3000 \\xa0'"],
    ["\u{323af}\u{1fbf9}", "'\\U000323af\u{1fbf9}'"],
  ];
  for (const [value, expected] of cases) strictEqual(strRepr(value), expected, JSON.stringify(value));
});

Deno.test("bytesRepr escapes everything outside printable ASCII", () => {
  const cases: [number[], string][] = [
    [[], "b''"],
    [[97, 98, 99], "b'abc'"],
    [[105, 116, 39, 115], `b"it's"`],
    [[115, 97, 121, 32, 34, 104, 105, 34], `b'say "hi"'`],
    [[98, 111, 116, 104, 32, 39, 32, 97, 110, 100, 32, 34], `b'both \\' and "'`],
    [[0, 9, 10, 13, 127, 128, 255, 92], "b'\\x00\\t\\n\\r\\x7f\\x80\\xff\\\\'"],
  ];
  for (const [bytes, expected] of cases) strictEqual(bytesRepr(new Uint8Array(bytes)), expected, expected);
});

Deno.test("isPrintable follows Unicode 14 categories", () => {
  deepStrictEqual(
    [0x20, 0x41, 0x7e, 0xa1, 0x4e00, 0x1f600].map(isPrintable),
    [true, true, true, true, true, true],
  );
  deepStrictEqual(
    [0x0, 0x7f, 0xa0, 0xad, 0x2028, 0xd800, 0xe000, 0x10ffff, 0x0378].map(isPrintable),
    [false, false, false, false, false, false, false, false, false],
  );
});

Deno.test("intRepr prints ints of any size", () => {
  strictEqual(intRepr(-(2n ** 70n)), "-1180591620717411303424");
  strictEqual(intRepr(42), "42");
});
