// The io layer's codecs against CPython 3.11's results: error positions and reasons, the error
// handlers, incremental decoding that leaves an incomplete character for the next chunk, and
// byte-order marks.
import assert from "node:assert/strict";
import "../../objects/types/all.ts";
import { PyBaseException } from "../../objects/object.ts";
import { lookupCodec } from "./text_codecs.ts";

function decode(encoding: string, bytes: number[], errors = "strict", final = true) {
  return lookupCodec(encoding).newDecoder(errors).decode(new Uint8Array(bytes), final);
}

function encode(encoding: string, text: string, errors = "strict"): number[] {
  return [...lookupCodec(encoding).newEncoder(errors).encode(text)];
}

/** The (start, end, reason) of the Unicode error a call raises. */
function unicodeError(f: () => unknown): [unknown, unknown, unknown] {
  try {
    f();
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    const d = e.dict!;
    return [d.getStr("start"), d.getStr("end"), d.getStr("reason")];
  }
  throw new Error("no error raised");
}

Deno.test("codecs: UTF-8 decoding errors are located and worded as CPython's", () => {
  assert.deepEqual(unicodeError(() => decode("utf-8", [0xe2, 0x82, 0x78])), [
    0,
    2,
    "invalid continuation byte",
  ]);
  assert.deepEqual(unicodeError(() => decode("utf-8", [0xed, 0xa0, 0x80])), [
    0,
    1,
    "invalid continuation byte",
  ]);
  assert.deepEqual(unicodeError(() => decode("utf-8", [0xc0, 0xaf])), [0, 1, "invalid start byte"]);
  assert.deepEqual(unicodeError(() => decode("utf-8", [0xf0, 0x9f, 0x98])), [0, 3, "unexpected end of data"]);
  assert.deepEqual(unicodeError(() => decode("utf-8", [0x61, 0xff, 0x62])), [1, 2, "invalid start byte"]);
});

Deno.test("codecs: decoding error handlers", () => {
  const bad = [0x61, 0xe2, 0x82, 0x78, 0xff];
  assert.equal(decode("utf-8", bad, "replace").text, "a\ufffdx\ufffd");
  assert.equal(decode("utf-8", bad, "ignore").text, "ax");
  assert.equal(decode("utf-8", bad, "backslashreplace").text, "a\\xe2\\x82x\\xff");
  assert.equal(decode("utf-8", bad, "surrogateescape").text, "a\udce2\udc82x\udcff");
  assert.equal(decode("ascii", [0x61, 0x80], "replace").text, "a\ufffd");
  assert.equal(decode("latin-1", [0x63, 0xe9]).text, "cé");
});

Deno.test("codecs: an incomplete character waits for the next chunk", () => {
  assert.deepEqual(decode("utf-8", [0x68, 0xe2, 0x82], "strict", false), { text: "h", consumed: 1 });
  assert.deepEqual(decode("utf-16-le", [0x61, 0x00, 0x62], "strict", false), { text: "a", consumed: 2 });
  assert.deepEqual(unicodeError(() => decode("utf-16-le", [0x61, 0x00, 0x62])), [2, 3, "truncated data"]);
  assert.deepEqual(unicodeError(() => decode("utf-16-le", [0x00, 0xdc, 0, 0])), [0, 2, "illegal encoding"]);
  assert.deepEqual(
    unicodeError(() => decode("utf-32-le", [0xff, 0xff, 0x11, 0])),
    [0, 4, "code point not in range(0x110000)"],
  );
});

Deno.test("codecs: encoding with error handlers and byte-order marks", () => {
  assert.deepEqual(encode("utf-8", "a\udcffb", "surrogateescape"), [0x61, 0xff, 0x62]);
  assert.deepEqual(unicodeError(() => encode("utf-8", "a\udcffb")), [1, 2, "surrogates not allowed"]);
  assert.deepEqual(unicodeError(() => encode("ascii", "aé€")), [1, 3, "ordinal not in range(128)"]);
  assert.deepEqual(encode("ascii", "aé€", "backslashreplace"), [
    ...new TextEncoder().encode("a\\xe9\\u20ac"),
  ]);
  assert.deepEqual(encode("latin-1", "é€", "xmlcharrefreplace"), [
    0xe9,
    ...new TextEncoder().encode("&#8364;"),
  ]);
  assert.deepEqual(encode("utf-16", "h"), [0xff, 0xfe, 0x68, 0]);
  assert.deepEqual(encode("utf-8-sig", "h"), [0xef, 0xbb, 0xbf, 0x68]);
  assert.equal(decode("utf-16", [0xfe, 0xff, 0, 0x68]).text, "h");
  assert.equal(decode("utf-8-sig", [0xef, 0xbb, 0xbf, 0x68]).text, "h");
  assert.equal(lookupCodec("UTF8").name, "utf-8");
  assert.equal(lookupCodec("Latin_1").name, "iso8859-1");
});
