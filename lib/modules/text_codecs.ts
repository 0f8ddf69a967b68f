/**
 * Text codecs for the io layer: an encoding name (`"utf-8"`, `"latin-1"`, `"utf-16"`, …) and an
 * error handler (`strict`, `ignore`, `replace`, `backslashreplace`, `surrogateescape`,
 * `xmlcharrefreplace`) → incremental decoders (bytes → str, leaving an incomplete trailing
 * sequence for the next chunk) and encoders (str → bytes), with CPython's UnicodeDecodeError /
 * UnicodeEncodeError positions and reasons.
 *
 * A decoder call is stateless apart from the byte-order mark: `decode(bytes, final)` returns the
 * text and how many bytes it used, so a text stream can re-decode a prefix of a chunk to map a
 * character position back to a byte offset (`tell()`).
 *
 * @example
 * ```ts
 * import { lookupCodec } from "./text_codecs.ts";
 * const codec = lookupCodec("utf-8");
 * const dec = codec.newDecoder("strict");
 * console.log(dec.decode(new Uint8Array([0x68, 0xc3]), false)); // { text: "h", consumed: 1 }
 * ```
 * @module
 */
import { Exc, newException, PyBytes, PyDict, type PyValue, raise } from "../../objects/object.ts";
import { otherCodecs } from "../../objects/types/str.ts";

/** A decoder for one stream: `decode` uses a prefix of `bytes` (all of it when `final`). */
export interface TextDecoderState {
  decode(bytes: Uint8Array, final: boolean): { text: string; consumed: number };
  /** Forgets the byte-order mark state (a seek to the start of the stream). */
  reset(atStart: boolean): void;
}

/** An encoder for one stream: the first call may emit a byte-order mark. */
export interface TextEncoderState {
  encode(text: string): Uint8Array;
  /** `atStart` false: the stream is past its start, so no byte-order mark is due. */
  reset(atStart: boolean): void;
}

/** A text encoding. */
export interface Codec {
  /** The codec's canonical name, as `codecs.lookup(name).name` gives it. */
  name: string;
  newDecoder(errors: string): TextDecoderState;
  newEncoder(errors: string): TextEncoderState;
}

/** The error handlers this runtime knows (others raise LookupError when used). */
const ERROR_HANDLERS = new Set([
  "strict",
  "ignore",
  "replace",
  "backslashreplace",
  "surrogateescape",
  "xmlcharrefreplace",
  "namereplace",
  "surrogatepass",
]);

/** Raises LookupError for an unknown error handler, as CPython does when it is first used. */
export function checkErrorHandler(errors: string): void {
  if (!ERROR_HANDLERS.has(errors)) raise(Exc.LookupError, `unknown error handler name '${errors}'`);
}

function unicodeError(type: "UnicodeDecodeError" | "UnicodeEncodeError", fields: PyValue[]) {
  const e = newException(Exc[type], fields);
  e.dict = new PyDict();
  ["encoding", "object", "start", "end", "reason"].forEach((n, i) => e.dict!.setStr(n, fields[i]));
  return e;
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, "0");
}

/**
 * What a decoding error handler puts in place of the bad bytes `bytes[start:end)`; throws for
 * strict (and for handlers that cannot represent them).
 */
function decodeError(
  codec: string,
  errors: string,
  bytes: Uint8Array,
  start: number,
  end: number,
  reason: string,
): string {
  switch (errors) {
    case "ignore":
      return "";
    case "replace":
      return "\ufffd";
    case "backslashreplace": {
      let out = "";
      for (let i = start; i < end; i++) out += "\\x" + hex2(bytes[i]);
      return out;
    }
    case "surrogateescape": {
      let out = "";
      for (let i = start; i < end; i++) {
        if (bytes[i] < 0x80) break;
        out += String.fromCharCode(0xdc00 + bytes[i]);
      }
      if (out.length === end - start) return out;
      break;
    }
    case "strict":
      break;
    default:
      checkErrorHandler(errors);
  }
  throw unicodeError("UnicodeDecodeError", [codec, new PyBytes(bytes.slice()), start, end, reason]);
}

/** The code point index in `s` of the UTF-16 index `unit` (error positions are code points). */
function codePointIndex(s: string, unit: number): number {
  let n = 0;
  for (let i = 0; i < unit; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < unit) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

/**
 * What an encoding error handler emits (as text, encoded by the caller with a fallback-free
 * path) for the characters `chars` (code points) that the codec cannot encode; throws for strict.
 * `escapeBytes` is given for surrogateescape: the bytes for lone low surrogates U+DC80..U+DCFF.
 */
function encodeError(
  codec: string,
  errors: string,
  s: string,
  unitStart: number,
  unitEnd: number,
  reason: string,
): { text: string } | { bytes: number[] } {
  const chars: number[] = [];
  for (let i = unitStart; i < unitEnd;) {
    const c = s.codePointAt(i)!;
    chars.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  switch (errors) {
    case "ignore":
      return { text: "" };
    case "replace":
      return { text: "?".repeat(chars.length) };
    case "backslashreplace":
      return {
        text: chars.map((c) =>
          c < 0x100
            ? "\\x" + hex2(c)
            : c < 0x10000
            ? "\\u" + c.toString(16).padStart(4, "0")
            : "\\U" + c.toString(16).padStart(8, "0")
        ).join(""),
      };
    case "xmlcharrefreplace":
      return { text: chars.map((c) => `&#${c};`).join("") };
    case "surrogateescape":
      if (chars.every((c) => c >= 0xdc80 && c <= 0xdcff)) return { bytes: chars.map((c) => c - 0xdc00) };
      break;
    case "strict":
      break;
    default:
      checkErrorHandler(errors);
  }
  const start = codePointIndex(s, unitStart);
  throw unicodeError("UnicodeEncodeError", [codec, s, start, start + chars.length, reason]);
}

// ---------------------------------------------------------------------------------------------
// UTF-8

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** Length of the incomplete UTF-8 sequence at the end of bytes[0:end) (0 when none). */
function incompleteUtf8Tail(bytes: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const b = bytes[end - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Decodes UTF-8 with an error handler, byte by byte (the slow path after a fatal decode failed). */
function decodeUtf8Slow(codec: string, bytes: Uint8Array, end: number, errors: string, final: boolean) {
  const parts: string[] = [];
  let i = 0;
  let runStart = 0;
  const flushRun = (to: number) => {
    if (to > runStart) parts.push(fatalUtf8.decode(bytes.subarray(runStart, to)));
  };
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      flushRun(i);
      parts.push(decodeError(codec, errors, bytes, i, i + 1, "invalid start byte"));
      runStart = ++i;
      continue;
    }
    let j = 1;
    let bad = false;
    for (; j <= need; j++) {
      if (i + j >= end) break;
      const c = bytes[i + j];
      if (c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) {
        bad = true;
        break;
      }
    }
    if (!bad && j > need) {
      i += need + 1;
      continue;
    }
    if (!bad && !final) break; // incomplete at the end of the chunk: wait for more bytes
    flushRun(i);
    parts.push(
      decodeError(
        codec,
        errors,
        bytes,
        i,
        i + j,
        bad ? "invalid continuation byte" : "unexpected end of data",
      ),
    );
    runStart = i = i + j;
  }
  flushRun(i);
  return { text: parts.join(""), consumed: i };
}

function utf8Decode(codec: string, bytes: Uint8Array, errors: string, final: boolean) {
  const end = final ? bytes.length : bytes.length - incompleteUtf8Tail(bytes, bytes.length);
  try {
    return { text: fatalUtf8.decode(bytes.subarray(0, end)), consumed: end };
  } catch {
    return decodeUtf8Slow(codec, bytes, final ? bytes.length : end, errors, final);
  }
}

/** Encodes to UTF-8; lone surrogates go through the error handler. */
function utf8Encode(codec: string, s: string, errors: string): Uint8Array {
  if (s.isWellFormed()) return utf8Encoder.encode(s);
  const out: Uint8Array[] = [];
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < s.length && (s.charCodeAt(j) & 0xf800) === 0xd800) {
        const pairAt = s.charCodeAt(j) < 0xdc00 && j + 1 < s.length &&
          (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00;
        if (pairAt) break;
        j++;
      }
      out.push(utf8Encoder.encode(s.slice(runStart, i)));
      const r = encodeError(codec, errors, s, i, j, "surrogates not allowed");
      out.push("bytes" in r ? new Uint8Array(r.bytes) : utf8Encoder.encode(r.text));
      runStart = i = j;
      continue;
    }
    i++;
  }
  out.push(utf8Encoder.encode(s.slice(runStart)));
  return concatBytes(out);
}

/** Joins byte chunks. */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Single-byte codecs

/** Decodes bytes that are all below `limit` as their code points. */
function bytesToLatin1(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i += 8192) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  }
  return out;
}

function singleByteDecode(codec: string, limit: number, bytes: Uint8Array, errors: string) {
  let i = 0;
  const parts: string[] = [];
  let runStart = 0;
  for (; i < bytes.length; i++) {
    if (bytes[i] < limit) continue;
    parts.push(bytesToLatin1(bytes, runStart, i));
    parts.push(decodeError(codec, errors, bytes, i, i + 1, `ordinal not in range(${limit})`));
    runStart = i + 1;
  }
  parts.push(bytesToLatin1(bytes, runStart, bytes.length));
  return { text: parts.join(""), consumed: bytes.length };
}

function singleByteEncode(codec: string, limit: number, s: string, errors: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  let extra: number[] | null = null;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c < limit) {
      if (extra === null) out[n++] = c;
      else extra.push(c);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && s.charCodeAt(j) >= limit) j++;
    const r = encodeError(codec, errors, s, i, j, `ordinal not in range(${limit})`);
    if (extra === null) extra = Array.from(out.subarray(0, n));
    if ("bytes" in r) extra.push(...r.bytes);
    else for (let k = 0; k < r.text.length; k++) extra.push(r.text.charCodeAt(k));
    i = j;
  }
  return extra === null ? out.subarray(0, n) : new Uint8Array(extra);
}

// ---------------------------------------------------------------------------------------------
// UTF-16 and UTF-32

function utf16Decode(codec: string, bytes: Uint8Array, little: boolean, errors: string, final: boolean) {
  const parts: string[] = [];
  let units: number[] = [];
  const flush = () => {
    if (units.length > 0) parts.push(String.fromCharCode(...units));
    units = [];
  };
  let i = 0;
  const unitAt = (k: number) => little ? bytes[k] | (bytes[k + 1] << 8) : (bytes[k] << 8) | bytes[k + 1];
  while (i + 1 < bytes.length) {
    const u = unitAt(i);
    if (u < 0xd800 || u > 0xdfff) {
      units.push(u);
      if (units.length >= 4096) flush();
      i += 2;
      continue;
    }
    if (u >= 0xdc00) {
      flush();
      parts.push(decodeError(codec, errors, bytes, i, i + 2, "illegal encoding"));
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length) {
      if (!final) break;
      flush();
      parts.push(decodeError(codec, errors, bytes, i, bytes.length, "unexpected end of data"));
      i = bytes.length;
      break;
    }
    const v = unitAt(i + 2);
    if (v >= 0xdc00 && v <= 0xdfff) {
      units.push(u, v);
      i += 4;
      continue;
    }
    flush();
    parts.push(decodeError(codec, errors, bytes, i, i + 2, "illegal UTF-16 surrogate"));
    i += 2;
  }
  if (final && i < bytes.length) {
    flush();
    parts.push(decodeError(codec, errors, bytes, i, bytes.length, "truncated data"));
    i = bytes.length;
  }
  flush();
  return { text: parts.join(""), consumed: i };
}

function utf16Encode(codec: string, s: string, little: boolean, errors: string): Uint8Array {
  const out: number[] = [];
  const put = (u: number) => little ? out.push(u & 0xff, u >> 8) : out.push(u >> 8, u & 0xff);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) {
      put(c);
      continue;
    }
    if (c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      put(c);
      put(s.charCodeAt(++i));
      continue;
    }
    const r = encodeError(codec, errors, s, i, i + 1, "surrogates not allowed");
    if ("bytes" in r) out.push(...r.bytes);
    else for (let k = 0; k < r.text.length; k++) put(r.text.charCodeAt(k));
  }
  return new Uint8Array(out);
}

function utf32Decode(codec: string, bytes: Uint8Array, little: boolean, errors: string, final: boolean) {
  const parts: string[] = [];
  let i = 0;
  for (; i + 3 < bytes.length; i += 4) {
    const c = little
      ? (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0
      : ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
    if (c > 0x10ffff) {
      parts.push(decodeError(codec, errors, bytes, i, i + 4, "code point not in range(0x110000)"));
    } else if (c >= 0xd800 && c < 0xe000) {
      parts.push(
        decodeError(
          codec,
          errors,
          bytes,
          i,
          i + 4,
          "code point in surrogate code point range(0xd800, 0xe000)",
        ),
      );
    } else parts.push(String.fromCodePoint(c));
  }
  if (final && i < bytes.length) {
    parts.push(decodeError(codec, errors, bytes, i, bytes.length, "truncated data"));
    i = bytes.length;
  }
  return { text: parts.join(""), consumed: i };
}

function utf32Encode(codec: string, s: string, little: boolean, errors: string): Uint8Array {
  const out: number[] = [];
  const put = (c: number) =>
    little
      ? out.push(c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, c >>> 24)
      : out.push(c >>> 24, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const r = encodeError(codec, errors, s, i, i + 1, "surrogates not allowed");
      if ("bytes" in r) out.push(...r.bytes);
      else for (let k = 0; k < r.text.length; k++) put(r.text.charCodeAt(k));
      continue;
    }
    put(c);
  }
  return new Uint8Array(out);
}

// ---------------------------------------------------------------------------------------------
// The codec table

/** A codec without byte-order mark handling: plain functions. */
function simpleCodec(
  name: string,
  decode: (bytes: Uint8Array, errors: string, final: boolean) => { text: string; consumed: number },
  encode: (s: string, errors: string) => Uint8Array,
): Codec {
  return {
    name,
    newDecoder: (errors) => ({ decode: (bytes, final) => decode(bytes, errors, final), reset: () => {} }),
    newEncoder: (errors) => ({ encode: (s) => encode(s, errors), reset: () => {} }),
  };
}

/**
 * A codec whose stream starts with a byte-order mark: on decode an optional `bom` is skipped (for
 * utf-16/32 it also picks the byte order); on encode the mark is written first.
 */
function bomCodec(
  name: string,
  boms: { bom: number[]; little: boolean }[],
  decodeWith: (bytes: Uint8Array, little: boolean, errors: string, final: boolean) => {
    text: string;
    consumed: number;
  },
  encodeWith: (s: string, little: boolean, errors: string) => Uint8Array,
): Codec {
  return {
    name,
    newDecoder(errors) {
      let little: boolean | null = null;
      return {
        decode(bytes, final) {
          let skip = 0;
          if (little === null) {
            const longest = Math.max(...boms.map((b) => b.bom.length));
            const found = boms.find((b) => b.bom.every((v, k) => bytes[k] === v));
            if (found !== undefined) {
              skip = found.bom.length;
              little = found.little;
            } else if (
              bytes.length < longest && !final && boms.some((b) => bytes.every((v, k) => b.bom[k] === v))
            ) {
              return { text: "", consumed: 0 }; // could still be a mark: wait for more bytes
            } else little = boms[0].little;
          }
          const r = decodeWith(skip === 0 ? bytes : bytes.subarray(skip), little, errors, final);
          return { text: r.text, consumed: r.consumed + skip };
        },
        reset(atStart) {
          little = atStart ? null : boms[0].little;
        },
      };
    },
    newEncoder(errors) {
      let started = false;
      return {
        encode(s) {
          const body = encodeWith(s, boms[0].little, errors);
          if (started) return body;
          started = true;
          return concatBytes([new Uint8Array(boms[0].bom), body]);
        },
        reset(atStart) {
          started = !atStart;
        },
      };
    },
  };
}

const UTF8 = simpleCodec(
  "utf-8",
  (b, e, f) => utf8Decode("utf-8", b, e, f),
  (s, e) => utf8Encode("utf-8", s, e),
);

/** Every codec, by normalized name (lower case, `-` and spaces as `_`), aliases included. */
const CODECS = new Map<string, Codec>();
function addCodec(codec: Codec, ...aliases: string[]): void {
  for (const a of [codec.name, ...aliases]) CODECS.set(normalizeEncodingName(a), codec);
}
addCodec(UTF8, "utf8", "u8", "utf", "cp65001");
addCodec(
  bomCodec(
    "utf-8-sig",
    [{ bom: [0xef, 0xbb, 0xbf], little: true }],
    (b, _l, e, f) => utf8Decode("utf-8", b, e, f),
    (s, _l, e) => utf8Encode("utf-8", s, e),
  ),
  "utf8_sig",
);
addCodec(
  simpleCodec(
    "iso8859-1",
    (b, e) => singleByteDecode("latin-1", 0x100, b, e),
    (s, e) => singleByteEncode("latin-1", 0x100, s, e),
  ),
  "latin-1",
  "latin1",
  "latin",
  "l1",
  "iso-8859-1",
  "iso8859_1",
  "8859",
  "cp819",
);
addCodec(
  simpleCodec(
    "ascii",
    (b, e) => singleByteDecode("ascii", 0x80, b, e),
    (s, e) => singleByteEncode("ascii", 0x80, s, e),
  ),
  "us-ascii",
  "646",
  "us",
);
for (const [name, little] of [["utf-16-le", true], ["utf-16-be", false]] as const) {
  addCodec(
    simpleCodec(
      name,
      (b, e, f) => utf16Decode(name, b, little, e, f),
      (s, e) => utf16Encode(name, s, little, e),
    ),
    name.replace("utf-", "utf").replace("-le", "le").replace("-be", "be"),
  );
}
addCodec(
  bomCodec(
    "utf-16",
    [{ bom: [0xff, 0xfe], little: true }, { bom: [0xfe, 0xff], little: false }],
    (b, l, e, f) => utf16Decode("utf-16", b, l, e, f),
    (s, l, e) => utf16Encode("utf-16", s, l, e),
  ),
  "utf16",
);
for (const [name, little] of [["utf-32-le", true], ["utf-32-be", false]] as const) {
  addCodec(
    simpleCodec(
      name,
      (b, e, f) => utf32Decode(name, b, little, e, f),
      (s, e) => utf32Encode(name, s, little, e),
    ),
    name.replace("utf-", "utf").replace("-le", "le").replace("-be", "be"),
  );
}
addCodec(
  bomCodec(
    "utf-32",
    [{ bom: [0xff, 0xfe, 0, 0], little: true }, { bom: [0, 0, 0xfe, 0xff], little: false }],
    (b, l, e, f) => utf32Decode("utf-32", b, l, e, f),
    (s, l, e) => utf32Encode("utf-32", s, l, e),
  ),
  "utf32",
);

/** CPython's normalization of encoding names before lookup. */
function normalizeEncodingName(name: string): string {
  return name.trim().toLowerCase().replace(/[-\s]+/g, "_");
}

/** The codec for an encoding name; LookupError `unknown encoding: NAME` when there is none. */
export function lookupCodec(name: string): Codec {
  const codec = CODECS.get(normalizeEncodingName(name));
  if (codec === undefined) raise(Exc.LookupError, `unknown encoding: ${name}`);
  return codec;
}

// str.encode and bytes.decode reach every codec here through objects/types/str.ts's hook.
otherCodecs.encode = (s, encoding, errors) => lookupCodec(encoding).newEncoder(errors).encode(s);
otherCodecs.decode = (data, encoding, errors) =>
  lookupCodec(encoding).newDecoder(errors).decode(data, true).text;

/** Whether `codec` is UTF-8 (the text layer has fast paths for it). */
export function isUtf8(codec: Codec): boolean {
  return codec === UTF8;
}
