/**
 * The generated `\N{}` table is current: its header's digest matches the generator script (so
 * whoever edits lexer/gen_unicode_names.py must rerun it), and it holds what the script promises.
 */
import assert from "node:assert/strict";
import { lookupUnicodeName } from "./unicode_names.ts";

Deno.test("unicode_names.ts was generated from the current gen_unicode_names.py", async () => {
  const generator = await Deno.readFile(new URL("./gen_unicode_names.py", import.meta.url));
  const table = await Deno.readTextFile(new URL("./unicode_names.ts", import.meta.url));
  const version = table.match(/from Unicode ([\d.]+);/)![1];
  const input = new Uint8Array([...generator, ...new TextEncoder().encode(version)]);
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", input));
  const digest = [...hash].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16);
  assert.match(table, new RegExp(`digest of the generator and the Unicode version: ${digest}`));
});

Deno.test("the table covers Latin-1, Greek, arrows, box drawing and control aliases", () => {
  assert.equal(lookupUnicodeName("LATIN SMALL LETTER SHARP S"), 0xdf);
  assert.equal(lookupUnicodeName("greek capital letter omega"), 0x3a9);
  assert.equal(lookupUnicodeName("RIGHTWARDS ARROW"), 0x2192);
  assert.equal(lookupUnicodeName("BOX DRAWINGS LIGHT HORIZONTAL"), 0x2500);
  assert.equal(lookupUnicodeName("EURO SIGN"), 0x20ac);
  assert.equal(lookupUnicodeName("NUL"), 0);
  assert.equal(lookupUnicodeName("BYTE ORDER MARK"), 0xfeff);
});

Deno.test("computed names: CJK unified ideographs and Hangul syllables, as CPython", () => {
  assert.equal(lookupUnicodeName("CJK UNIFIED IDEOGRAPH-4E2D"), 0x4e2d);
  assert.equal(lookupUnicodeName("cjk unified ideograph-20000"), 0x20000);
  assert.equal(lookupUnicodeName("CJK UNIFIED IDEOGRAPH-0041"), -1);
  assert.equal(lookupUnicodeName("HANGUL SYLLABLE GA"), 0xac00);
  assert.equal(lookupUnicodeName("HANGUL SYLLABLE HIH"), 0xd7a3);
  assert.equal(lookupUnicodeName("HANGUL SYLLABLE YEOL"), 0xc5f4);
});

Deno.test("names the standard library writes, and the symbol blocks around them", () => {
  assert.equal(lookupUnicodeName("LONG RIGHTWARDS SQUIGGLE ARROW"), 0x27ff);
  assert.equal(lookupUnicodeName("MATHEMATICAL LEFT ANGLE BRACKET"), 0x27e8);
  assert.equal(lookupUnicodeName("EMPTY SET"), 0x2205);
  assert.equal(lookupUnicodeName("WATCH"), 0x231a);
  assert.equal(lookupUnicodeName("IDEOGRAPHIC FULL STOP"), 0x3002);
  assert.equal(lookupUnicodeName("KEYCAP NUMBER SIGN"), -1); // a named sequence: `\N{}` rejects it
});
