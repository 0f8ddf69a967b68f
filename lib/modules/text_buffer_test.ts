/** TextBuffer: UTF-8 bytes while it can, widened to UTF-16 units by the first lone surrogate. */
import { strictEqual } from "node:assert/strict";
import { TextBuffer } from "./text_buffer.ts";

Deno.test("TextBuffer keeps ASCII and non-ASCII text (pairs included) as UTF-8", () => {
  const b = new TextBuffer(1);
  const pieces = ["[", "abc", "é", "\u07ff\u0800€", "\uffff", "😀\u{10ffff}", "", "\u2028", "]"];
  for (const p of pieces) b.put(p);
  b.putCode(10);
  strictEqual(b.wide, false);
  strictEqual(b.text(), pieces.join("") + "\n");
  strictEqual(b.length, new TextEncoder().encode(b.text()).length);
});

Deno.test("TextBuffer widens at a lone surrogate, keeping what came before", () => {
  for (const lone of ["\ud800", "\udc00", "\udbff", "\udfff"]) {
    const b = new TextBuffer(4);
    b.put("é😀x");
    b.put("a" + lone + "b");
    strictEqual(b.wide, true);
    b.put("ü😀");
    b.putCode(33);
    strictEqual(b.text(), "é😀xa" + lone + "bü😀!");
  }
  // a high surrogate at the end of one piece does not pair with a low one starting the next
  const split = new TextBuffer();
  split.put("\ud83d");
  split.put("\ude00");
  strictEqual(split.text(), "\ud83d\ude00");
});

Deno.test("TextBuffer grows past its capacity, and putUtf8 reports lone surrogates", () => {
  const b = new TextBuffer(2);
  let expected = "";
  for (let i = 0; i < 1000; i++) {
    const piece = i % 7 === 0 ? "ü" : String(i);
    b.put(piece);
    expected += piece;
  }
  strictEqual(b.text(), expected);
  b.reserve(8);
  strictEqual(b.putUtf8("\ud800x", 0, b.length), -1);
  strictEqual(b.putUtf8("\ud83d\ude00", 0, b.length), b.length + 4);
});
