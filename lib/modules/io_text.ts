/**
 * `io.TextIOWrapper`: str ⇄ a binary stream. Reads decode the buffer's bytes chunk by chunk
 * (text_codecs.ts) and apply the newline mode (universal newlines translate `\r\n` and `\r` to
 * `\n`); writes translate `\n` as the mode says, encode, and collect bytes until a chunk is full, a
 * flush, a close, or (line buffering) a newline. `tell()` is a byte offset: the start of the
 * current chunk plus the bytes that decode to the characters consumed so far.
 *
 * The binary stream below is driven directly when it is one of the builtin ones (BufferedReader,
 * BufferedWriter, BufferedRandom, BytesIO), through its Python methods otherwise. The standard
 * streams are TextIOWrappers too; stdout and stderr write through objects/stdio.ts's buffers.
 *
 * @example
 * ```ts
 * import { newTextFile } from "./io_text.ts";
 * // newTextFile(bufferedStream, "utf-8", "strict", null, false, false)
 * ```
 * @module
 */
import {
  bindArgs,
  checkMethodArgs,
  defFastMethod,
  defGetSet,
  defMethod,
  Exc,
  newException,
  newTuple,
  None,
  PyList,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { call, getAttr, isExceptionOf, isTrue, repr, strLength, strValueOf } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import {
  flushStdout,
  PyTextStream,
  textIOWrapperType,
  writeStderr,
  writeStderrBytes,
  writeStdout,
  writeStdoutBytes,
} from "../../objects/stdio.ts";
import {
  bufferArg,
  callMethodNamed,
  closedFileError,
  intArg,
  newBytes,
  sizeArg,
  unsupported,
} from "./io_base.ts";
import {
  bufferedRandomType,
  bufferedReaderType,
  bufferedWriterType,
  dirtyStreams,
  PyBuffered,
} from "./io_buffered.ts";
import {
  checkErrorHandler,
  type Codec,
  concatBytes,
  isUtf8,
  lookupCodec,
  type TextDecoderState,
  type TextEncoderState,
} from "./text_codecs.ts";

/** How many bytes a text stream reads at a time (CPython's `_CHUNK_SIZE`). */
const CHUNK_SIZE = 8192;
const EMPTY = new Uint8Array(0);

/** The binary stream operations the text layer needs. */
export interface BinaryStream {
  /** At most one read of up to n bytes (empty at end of stream). */
  read1(n: number): Uint8Array;
  /** Everything left. */
  readAll(): Uint8Array;
  write(data: Uint8Array): void;
  flush(): void;
  tell(): number;
  seek(pos: number, whence: number): number;
  truncate(pos: PyValue): PyValue;
  close(): void;
  closed(): boolean;
}

/** A builtin buffered stream as a BinaryStream (no Python calls). */
function bufferedStream(b: PyBuffered): BinaryStream {
  return {
    read1: (n) => b.read1(n),
    readAll: () => b.readBytes(-1) ?? EMPTY,
    write: (d) => void b.writeBytes(d),
    flush: () => b.flush(),
    tell: () => b.tell(),
    seek: (p, w) => b.seek(p, w),
    truncate: (p) => b.truncate(p),
    close: () => b.close(),
    closed: () => b.rawClosed(),
  };
}

/** Any object with the binary stream methods, called through Python. */
function pythonStream(obj: PyValue): BinaryStream {
  const bytesOf = (v: PyValue): Uint8Array => v === None ? EMPTY : bufferArg(v);
  const hasRead1 = typeOf(obj).lookup("read1") !== undefined;
  return {
    read1: (n) => bytesOf(callMethodNamed(obj, hasRead1 ? "read1" : "read", [n])),
    readAll: () => bytesOf(callMethodNamed(obj, "read", [])),
    write: (d) => void callMethodNamed(obj, "write", [newBytes(d.slice())]),
    flush: () => void callMethodNamed(obj, "flush"),
    tell: () => intArg(callMethodNamed(obj, "tell")),
    seek: (p, w) => intArg(callMethodNamed(obj, "seek", [p, w])),
    truncate: (p) => callMethodNamed(obj, "truncate", [p]),
    close: () => void callMethodNamed(obj, "close"),
    closed: () => isTrue(getAttr(obj, "closed")),
  };
}

/** Hooks for other fast binary streams (io_memory.ts registers BytesIO's). */
const fastStreams: ((obj: PyValue) => BinaryStream | null)[] = [(obj) =>
  obj instanceof PyBuffered &&
    (obj.cls === bufferedReaderType || obj.cls === bufferedWriterType || obj.cls === bufferedRandomType)
    ? bufferedStream(obj)
    : null];

/** Registers a fast path for another builtin binary stream type. */
export function addFastBinaryStream(f: (obj: PyValue) => BinaryStream | null): void {
  fastStreams.push(f);
}

function binaryStreamOf(obj: PyValue): BinaryStream {
  for (const f of fastStreams) {
    const s = f(obj);
    if (s !== null) return s;
  }
  return pythonStream(obj);
}

/** The newline kinds seen while reading, as TextIOWrapper.newlines reports them. */
const SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4;

/** Counts code points in s[from:to). */
function codePoints(s: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** The index after `count` code points of s from `from` (or s.length). */
function advanceCodePoints(s: string, from: number, count: number): number {
  let i = from;
  const end = s.length;
  for (let k = 0; k < count && i < end; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** UTF-8 byte length of s[0:k) where lone U+DC80..U+DCFF stand for single bytes (surrogateescape). */
function utf8Length(s: string, k: number): number {
  let n = 0;
  for (let i = 0; i < k; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < k && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) n++;
    else n += 3;
  }
  return n;
}

/** A TextIOWrapper (files, the standard streams, wrappers the program makes). */
export class PyTextFile extends PyTextStream {
  declare buffer: PyValue;
  declare bin: BinaryStream;
  /** The encoding as given (`encoding` attribute), and its codec. */
  declare encoding: string;
  declare codec: Codec;
  declare errors: string;
  /** The newline argument: null (universal, translating), "", "\n", "\r" or "\r\n". */
  declare newline: string | null;
  declare readUniversal: boolean;
  declare readTranslate: boolean;
  /** What "\n" becomes on write (null: unchanged). */
  declare writeNewline: string | null;
  declare lineBuffering: boolean;
  declare writeThrough: boolean;
  declare isReadable: boolean;
  declare isWritable: boolean;
  declare isSeekable: boolean;
  declare decoder: TextDecoderState | null;
  declare encoder: TextEncoderState | null;
  /** Text decoded from the latest chunk (newlines untranslated) and how much of it is consumed. */
  declare decoded: string;
  declare decodedPos: number;
  /** The bytes the latest chunk was decoded from (the undecoded tail included). */
  declare chunkBytes: Uint8Array;
  /** Undecoded bytes at the end of the chunk (an incomplete character). */
  declare carry: Uint8Array;
  /** Whether the chunk was read at the start of the stream (the decoder looked for a BOM). */
  declare chunkAtStart: boolean;
  /** Whether the next chunk read starts at byte 0. */
  declare nextChunkAtStart: boolean;
  /** A "\r" was translated at a chunk end: a "\n" starting the next chunk belongs to it. */
  declare skipLF: boolean;
  declare seenNewlines: number;
  /** The last decoded chunk ended with "\r" whose kind the next chunk decides. */
  declare crPending: boolean;
  /** tell() is allowed (false while iterating, as in CPython). */
  declare telling: boolean;
  /** Encoded or to-be-encoded writes not yet passed to the buffer. */
  declare pending: (string | Uint8Array)[];
  declare pendingSize: number;
  /** 1 or 2 for sys.stdout / sys.stderr (written through objects/stdio.ts), else -1. */
  declare stdFd: number;
  /** Writes need no translation, encoding check or flush (see updatePlainWrites). */
  declare plainWrites: boolean;
  declare detached: boolean;
  constructor(cls: PyType) {
    super(cls);
    this.buffer = None;
    this.encoding = "utf-8";
    this.errors = "strict";
    this.newline = null;
    this.readUniversal = true;
    this.readTranslate = true;
    this.writeNewline = null;
    this.lineBuffering = false;
    this.writeThrough = false;
    this.isReadable = false;
    this.isWritable = false;
    this.isSeekable = false;
    this.decoder = null;
    this.encoder = null;
    this.decoded = "";
    this.decodedPos = 0;
    this.chunkBytes = EMPTY;
    this.carry = EMPTY;
    this.chunkAtStart = false;
    this.nextChunkAtStart = true;
    this.skipLF = false;
    this.seenNewlines = 0;
    this.crPending = false;
    this.telling = false;
    this.pending = [];
    this.pendingSize = 0;
    this.stdFd = -1;
    this.detached = false;
    this.plainWrites = false;
  }

  /** Recomputes plainWrites after the settings changed. */
  updatePlainWrites(): void {
    this.plainWrites = this.isWritable && !this.detached && this.stdFd < 0 && isUtf8(this.codec) &&
      this.errors === "strict" && this.writeNewline === null && !this.lineBuffering && !this.writeThrough;
  }

  get nativeType(): PyType {
    return textIOWrapperType;
  }

  // --- state checks --------------------------------------------------------------------------

  ok(): void {
    if (this.detached) raise(Exc.ValueError, "underlying buffer has been detached");
  }

  isClosed(): boolean {
    this.ok();
    return this.bin.closed();
  }

  checkOpen(): void {
    if (this.isClosed()) closedFileError();
  }

  checkReadable(): void {
    this.checkOpen();
    if (!this.isReadable) unsupported("not readable");
  }

  checkWritable(): void {
    this.checkOpen();
    if (!this.isWritable) unsupported("not writable");
  }

  /** Forgets the read-ahead (after a seek or a write). */
  resetReadState(atStart: boolean): void {
    this.decoded = "";
    this.decodedPos = 0;
    this.chunkBytes = EMPTY;
    this.carry = EMPTY;
    this.skipLF = false;
    this.crPending = false;
    this.nextChunkAtStart = atStart;
    if (this.decoder !== null) this.decoder.reset(atStart);
  }

  // --- reading -------------------------------------------------------------------------------

  /** Decodes the next chunk into `decoded`; false at end of stream with nothing more to give. */
  private readChunk(): boolean {
    if (this.pendingSize > 0) this.flushPending();
    for (;;) {
      const atStart = this.nextChunkAtStart;
      const data = this.bin.read1(CHUNK_SIZE);
      const final = data.length === 0;
      const bytes = this.carry.length === 0 ? data : concatBytes([this.carry, data]);
      const { text, consumed } = this.decoder!.decode(bytes, final);
      this.chunkBytes = bytes;
      this.carry = bytes.subarray(consumed);
      this.chunkAtStart = atStart;
      this.nextChunkAtStart = atStart && consumed === 0;
      this.decoded = text;
      this.decodedPos = 0;
      if (this.readUniversal && (text.length > 0 || final)) this.noteNewlines(text, final);
      if (text.length > 0) {
        if (this.skipLF) {
          this.skipLF = false;
          if (text.charCodeAt(0) === 10) {
            this.decodedPos = 1;
            if (text.length === 1) continue;
          }
        }
        return true;
      }
      if (final) {
        this.skipLF = false;
        return false;
      }
    }
  }

  /**
   * Records the kinds of newline in a decoded chunk (the `newlines` attribute). A "\r" ending a
   * chunk is decided by the next one: "\r\n" if it starts with "\n", else "\r".
   */
  private noteNewlines(text: string, final: boolean): void {
    let i = 0;
    if (this.crPending) {
      this.crPending = false;
      if (text.charCodeAt(0) === 10) {
        this.seenNewlines |= SEEN_CRLF;
        i = 1;
      } else this.seenNewlines |= SEEN_CR;
    }
    if (text.indexOf("\r", i) < 0) {
      if (text.indexOf("\n", i) >= 0) this.seenNewlines |= SEEN_LF;
      return;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.seenNewlines |= SEEN_LF;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          this.seenNewlines |= SEEN_CRLF;
          i++;
        } else if (i + 1 < text.length || final) this.seenNewlines |= SEEN_CR;
        else this.crPending = true;
      }
    }
  }

  /** Universal-newline translation of a piece of read text. */
  private translate(s: string): string {
    if (!this.readTranslate || s.indexOf("\r") < 0) return s;
    return s.replace(/\r\n?/g, "\n");
  }

  /** `read(size)`. */
  readText(size: number): string {
    this.checkReadable();
    if (size < 0) return this.readAll();
    const parts: string[] = [];
    let need = size;
    while (need > 0) {
      if (this.decodedPos >= this.decoded.length && !this.readChunk()) break;
      const start = this.decodedPos;
      let end = advanceCodePoints(this.decoded, start, need);
      let piece = this.decoded.slice(start, end);
      if (this.readTranslate && piece.indexOf("\r") >= 0) {
        if (piece.charCodeAt(piece.length - 1) === 13) {
          if (end < this.decoded.length) {
            if (this.decoded.charCodeAt(end) === 10) end++;
          } else this.skipLF = true;
        }
        piece = piece.replace(/\r\n?/g, "\n");
      }
      this.decodedPos = end;
      parts.push(piece);
      need -= codePoints(piece, 0, piece.length);
    }
    return parts.join("");
  }

  private readAll(): string {
    const rest = this.decoded.slice(this.decodedPos);
    if (this.pendingSize > 0) this.flushPending();
    const data = this.bin.readAll();
    const bytes = this.carry.length === 0 ? data : concatBytes([this.carry, data]);
    let text = this.decoder!.decode(bytes, true).text;
    if (this.skipLF && rest.length === 0 && text.charCodeAt(0) === 10) text = text.slice(1);
    if (this.readUniversal) this.noteNewlines(text, true);
    this.resetReadState(false);
    return this.translate(rest + text);
  }

  /** `readline(limit)`. */
  readLine(limit: number): string {
    this.checkReadable();
    const parts: string[] = [];
    let taken = 0;
    let pendingCR = false;
    const terminator = this.newline;
    for (;;) {
      if (this.decodedPos >= this.decoded.length && !this.readChunk()) break;
      const s = this.decoded;
      const p = this.decodedPos;
      if (pendingCR) {
        // A "\r" ended the previous chunk: with a "\n" after it the line ends "\r\n".
        if (s.charCodeAt(p) === 10) {
          parts.push("\n");
          this.decodedPos = p + 1;
        }
        break;
      }
      let end: number;
      let found = true;
      if (terminator === null || terminator === "") {
        const lf = s.indexOf("\n", p);
        const cr = s.indexOf("\r", p);
        const i = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
        if (i < 0) {
          end = s.length;
          found = false;
        } else if (s.charCodeAt(i) === 10) end = i + 1;
        else if (i + 1 < s.length) end = s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        else {
          end = s.length;
          pendingCR = true;
          found = false;
        }
      } else if (
        terminator === "\r\n" && p === 0 && s.charCodeAt(0) === 10 && parts.length > 0 &&
        parts[parts.length - 1].endsWith("\r")
      ) {
        end = 1;
      } else {
        const i = s.indexOf(terminator, p);
        if (i < 0) {
          end = s.length;
          found = false;
        } else end = i + terminator.length;
      }
      if (limit >= 0) {
        const room = advanceCodePoints(s, p, limit - taken);
        if (room < end) {
          end = room;
          found = true;
          pendingCR = false;
        }
        taken += codePoints(s, p, end);
      }
      parts.push(s.slice(p, end));
      this.decodedPos = end;
      if (found || (limit >= 0 && taken >= limit)) break;
    }
    const line = parts.join("");
    return this.readTranslate ? this.translate(line) : line;
  }

  // --- writing -------------------------------------------------------------------------------

  /** `write(text)`: returns the number of characters. */
  writeText(text: string): number {
    // The common case: UTF-8, strict, no newline translation, nothing read ahead.
    if (this.plainWrites && this.decoded.length === 0 && this.carry.length === 0 && !this.bin.closed()) {
      if (text.isWellFormed()) {
        if (this.pendingSize === 0) dirtyStreams.add(this);
        this.pending.push(text);
        this.pendingSize += text.length;
        if (this.pendingSize >= CHUNK_SIZE) this.flushPending();
        return strLength(text);
      }
    }
    return this.writeTextSlow(text);
  }

  private writeTextSlow(text: string): number {
    if (this.stdFd > 0) {
      this.checkOpen();
      if (text.isWellFormed()) {
        if (this.stdFd === 1) writeStdout(text);
        else writeStderr(text);
      } else {
        // Lone surrogates: the stream's error handler decides (surrogateescape on stdout raises
        // UnicodeEncodeError for any but U+DC80..U+DCFF, as CPython).
        const bytes = this.encoder!.encode(text);
        if (this.stdFd === 1) writeStdoutBytes(bytes);
        else writeStderrBytes(bytes);
      }
      return strLength(text);
    }
    this.checkWritable();
    let out = text;
    if (this.writeNewline !== null && out.indexOf("\n") >= 0) out = out.replaceAll("\n", this.writeNewline);
    if (this.decoded.length > 0 || this.carry.length > 0) this.resetReadState(false);
    const encoder = this.encoder!;
    if (isUtf8(this.codec) && this.errors === "strict" && out.isWellFormed()) {
      this.pending.push(out);
      this.pendingSize += out.length;
    } else {
      const bytes = encoder.encode(out);
      this.pending.push(bytes);
      this.pendingSize += bytes.length;
    }
    const lineDone = this.lineBuffering && (out.indexOf("\n") >= 0 || out.indexOf("\r") >= 0);
    if (this.pendingSize >= CHUNK_SIZE || lineDone || this.writeThrough) this.flushPending();
    else dirtyStreams.add(this);
    if (lineDone) this.bin.flush();
    return strLength(text);
  }

  /** Passes the collected writes to the binary stream. */
  flushPending(): void {
    dirtyStreams.delete(this);
    if (this.pending.length === 0) return;
    const chunks: Uint8Array[] = [];
    let text = "";
    for (const p of this.pending) {
      if (typeof p === "string") text += p;
      else {
        if (text !== "") chunks.push(this.encoder!.encode(text));
        text = "";
        chunks.push(p);
      }
    }
    if (text !== "") chunks.push(this.encoder!.encode(text));
    this.pending = [];
    this.pendingSize = 0;
    this.bin.write(concatBytes(chunks));
  }

  /** Flushes what the program left unwritten when it ends. */
  flushAtExit(): void {
    try {
      if (!this.detached && !this.bin.closed()) {
        this.flushPending();
        this.bin.flush();
      }
    } catch {
      // the program is over
    }
  }

  flushStream(): void {
    this.checkOpen();
    if (this.stdFd === 1) flushStdout();
    this.flushPending();
    this.bin.flush();
  }

  close(): void {
    if (this.isClosed()) return;
    try {
      this.flushStream();
    } finally {
      dirtyStreams.delete(this);
      this.bin.close();
    }
  }

  // --- positioning ---------------------------------------------------------------------------

  private checkSeekable(): void {
    this.checkOpen();
    if (!this.isSeekable) unsupported("underlying stream is not seekable");
  }

  tell(): number {
    this.checkSeekable();
    if (!this.telling) raise(Exc.OSError, "telling position disabled by next() call");
    this.flushStream();
    const pos = this.bin.tell();
    if (this.chunkBytes.length === 0) return pos;
    return pos - this.chunkBytes.length + this.bytesForDecoded(this.decodedPos);
  }

  /** How many bytes of the current chunk decode to decoded[0:k). */
  private bytesForDecoded(k: number): number {
    const used = this.chunkBytes.length - this.carry.length;
    if (k >= this.decoded.length) return used;
    if (k === 0) return 0;
    if (isUtf8(this.codec) && (this.errors === "strict" || this.errors === "surrogateescape")) {
      return utf8Length(this.decoded, k);
    }
    // Any other codec or handler: the shortest prefix that decodes to at least k characters.
    let lo = 0, hi = used;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const d = this.codec.newDecoder(this.errors);
      d.reset(this.chunkAtStart);
      if (d.decode(this.chunkBytes.subarray(0, mid), false).text.length >= k) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  seek(cookie: number, whence: number): number {
    this.checkOpen();
    if (!this.isSeekable) unsupported("underlying stream is not seekable");
    if (whence === 1) {
      if (cookie !== 0) unsupported("can't do nonzero cur-relative seeks");
      cookie = this.tell();
    } else if (whence === 2) {
      if (cookie !== 0) unsupported("can't do nonzero end-relative seeks");
      this.flushStream();
      const pos = this.bin.seek(0, 2);
      this.resetReadState(false);
      if (this.encoder !== null) this.encoder.reset(pos === 0);
      return pos;
    } else if (whence !== 0) {
      raise(Exc.ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
    }
    if (cookie < 0) raise(Exc.ValueError, `negative seek position ${cookie}`);
    this.flushStream();
    this.bin.seek(cookie, 0);
    this.resetReadState(cookie === 0);
    if (this.encoder !== null) this.encoder.reset(cookie === 0);
    this.telling = this.isSeekable;
    return cookie;
  }

  truncate(pos: PyValue): PyValue {
    this.checkOpen();
    this.flushStream();
    return this.bin.truncate(pos === None ? this.tell() : pos);
  }

  /** The next line for iteration (undefined at the end; tell() is off while iterating). */
  nextLine(): string | undefined {
    this.telling = false;
    const line = this.readLine(-1);
    if (line === "") {
      this.telling = this.isSeekable;
      return undefined;
    }
    return line;
  }
}

/** TextIOWrapper's newline argument, checked. */
function newlineArg(v: PyValue | undefined, fname: string): string | null {
  if (v === undefined || v === None) return null;
  const s = strValueOf(v);
  if (s === undefined) {
    raise(Exc.TypeError, `${fname}() argument 'newline' must be str or None, not ${typeOf(v).name}`);
  }
  if (s !== "" && s !== "\n" && s !== "\r" && s !== "\r\n") {
    raise(Exc.ValueError, `illegal newline value: ${s}`);
  }
  return s;
}

/** An optional str argument (encoding, errors). */
export function optionalStrArg(v: PyValue | undefined, fname: string, what: string): string | null {
  if (v === undefined || v === None) return null;
  const s = strValueOf(v);
  if (s === undefined) {
    raise(Exc.TypeError, `${fname}() argument '${what}' must be str or None, not ${typeOf(v).name}`);
  }
  return s;
}

/** The encoding used when none is given: the locale's, UTF-8 here (as CPython reports it). */
export const DEFAULT_ENCODING = "UTF-8";

/** Sets a TextIOWrapper up over `buffer` (what `TextIOWrapper.__init__` does). */
export function initTextFile(
  t: PyTextFile,
  buffer: PyValue,
  encoding: string | null,
  errors: string | null,
  newline: string | null,
  lineBuffering: boolean,
  writeThrough: boolean,
): void {
  const enc = encoding === null || encoding === "locale" ? DEFAULT_ENCODING : encoding;
  t.codec = lookupCodec(enc);
  t.encoding = enc;
  t.errors = errors ?? "strict";
  t.buffer = buffer;
  t.bin = binaryStreamOf(buffer);
  t.newline = newline;
  t.readUniversal = newline === null || newline === "";
  t.readTranslate = newline === null;
  t.writeNewline = newline === "\r" || newline === "\r\n" ? newline : null;
  t.lineBuffering = lineBuffering;
  t.writeThrough = writeThrough;
  t.detached = false;
  t.isReadable = isTrue(callMethodNamed(buffer, "readable"));
  t.isWritable = isTrue(callMethodNamed(buffer, "writable"));
  t.isSeekable = isTrue(callMethodNamed(buffer, "seekable"));
  t.telling = t.isSeekable;
  t.decoder = t.isReadable ? t.codec.newDecoder(t.errors) : null;
  t.encoder = t.isWritable ? t.codec.newEncoder(t.errors) : null;
  if (t.errors !== "strict") checkErrorHandler(t.errors);
  const atStart = !t.isSeekable || t.bin.tell() === 0;
  t.resetReadState(atStart);
  // Appending to a non-empty file: no byte-order mark in the middle.
  if (t.encoder !== null) t.encoder.reset(atStart);
  t.updatePlainWrites();
}

/** Makes a TextIOWrapper over a binary stream. */
export function newTextFile(
  buffer: PyValue,
  encoding: string | null,
  errors: string | null,
  newline: string | null,
  lineBuffering: boolean,
  writeThrough: boolean,
): PyTextFile {
  const t = new PyTextFile(textIOWrapperType);
  initTextFile(t, buffer, encoding, errors, newline, lineBuffering, writeThrough);
  return t;
}

function self(args: PyValue[]): PyTextFile {
  const t = args[0];
  if (!(t instanceof PyTextFile)) raise(Exc.TypeError, "descriptor requires a '_io.TextIOWrapper' object");
  return t;
}

const T = textIOWrapperType;
T.tp_new = (cls) => new PyTextFile(cls);
installNew(T);
defMethod(T, "__init__", (args, kwnames) => {
  const [buffer, encoding, errors, newline, lineBuffering, writeThrough] = bindArgs(
    "TextIOWrapper",
    args.slice(1),
    kwnames,
    ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
    1,
  );
  initTextFile(
    self(args),
    buffer!,
    optionalStrArg(encoding, "TextIOWrapper", "encoding"),
    optionalStrArg(errors, "TextIOWrapper", "errors"),
    newlineArg(newline, "TextIOWrapper"),
    lineBuffering !== undefined && isTrue(lineBuffering),
    writeThrough !== undefined && isTrue(writeThrough),
  );
  return None;
});
defMethod(T, "read", (args, kwnames) => {
  const [sizeV] = bindArgs("read", args.slice(1), kwnames, ["size"], 0);
  return self(args).readText(sizeArg(sizeV));
});
defMethod(T, "readline", (args, kwnames) => {
  const [sizeV] = bindArgs("readline", args.slice(1), kwnames, ["size"], 0);
  return self(args).readLine(sizeArg(sizeV));
});
defMethod(T, "readlines", (args, kwnames) => {
  const [hintV] = bindArgs("readlines", args.slice(1), kwnames, ["hint"], 0);
  const t = self(args);
  const hint = sizeArg(hintV);
  t.checkOpen();
  const out: PyValue[] = [];
  let total = 0;
  for (let line = t.readLine(-1); line !== ""; line = t.readLine(-1)) {
    out.push(line);
    total += line.length;
    if (hint > 0 && total >= hint) break;
  }
  return new PyList(out);
});
defMethod(T, "write", (args) => {
  checkMethodArgs("write", args, null, 1, 1);
  const t = self(args);
  const s = strValueOf(args[1]);
  if (s === undefined) {
    t.checkOpen();
    raise(Exc.TypeError, `write() argument must be str, not ${typeOf(args[1]).name}`);
  }
  return t.writeText(s);
});
defFastMethod(T, "write", null, (t, text) => {
  const s = strValueOf(text);
  if (!(t instanceof PyTextFile) || s === undefined) return call(T.attrs.get("write")!, [t, text]);
  return t.writeText(s);
});
defMethod(T, "flush", (args) => {
  self(args).flushStream();
  return None;
});
defMethod(T, "close", (args) => {
  self(args).close();
  return None;
});
defMethod(T, "seek", (args) => {
  checkMethodArgs("seek", args, null, 1, 2);
  const t = self(args);
  return t.seek(intArg(args[1]), args.length > 2 ? intArg(args[2]) : 0);
});
defMethod(T, "tell", (args) => self(args).tell());
defMethod(T, "truncate", (args) => {
  checkMethodArgs("truncate", args, null, 0, 1);
  return self(args).truncate(args.length > 1 ? args[1] : None);
});
defMethod(T, "detach", (args) => {
  const t = self(args);
  t.ok();
  t.flushStream();
  t.detached = true;
  t.plainWrites = false;
  dirtyStreams.delete(t);
  return t.buffer;
});
for (const name of ["fileno", "isatty"]) {
  defMethod(T, name, (args) => {
    const t = self(args);
    t.ok();
    return callMethodNamed(t.buffer, name);
  });
}
defMethod(T, "readable", (args) => {
  const t = self(args);
  t.ok();
  return callMethodNamed(t.buffer, "readable");
});
defMethod(T, "writable", (args) => {
  const t = self(args);
  t.ok();
  return callMethodNamed(t.buffer, "writable");
});
defMethod(T, "seekable", (args) => {
  const t = self(args);
  t.ok();
  return callMethodNamed(t.buffer, "seekable");
});
defMethod(T, "__next__", (args) => {
  const t = self(args);
  t.checkOpen();
  const line = t.nextLine();
  if (line === undefined) throw newException(Exc.StopIteration, []);
  return line;
});
T.tp_iter = (o) => {
  (o as PyTextFile).checkOpen();
  return o;
};
T.tp_iternext = (o) => {
  const t = o as PyTextFile;
  t.checkOpen();
  return t.nextLine();
};
defMethod(T, "reconfigure", (args, kwnames) => {
  const [encoding, errors, newline, lineBuffering, writeThrough] = bindArgs(
    "reconfigure",
    args.slice(1),
    kwnames,
    ["encoding", "errors", "newline", "line_buffering", "write_through"],
    0,
    0,
  );
  const t = self(args);
  if (args.length - (kwnames?.length ?? 0) > 1) {
    raise(Exc.TypeError, "reconfigure() takes no positional arguments");
  }
  t.flushStream();
  if (encoding !== undefined || errors !== undefined) {
    const enc = encoding === undefined ? t.encoding : optionalStrArg(encoding, "reconfigure", "encoding");
    const err = optionalStrArg(errors, "reconfigure", "errors") ??
      (encoding === undefined ? t.errors : "strict");
    if (t.decoded.length > 0 && encoding !== undefined) {
      unsupported("It is not possible to set the encoding or newline of stream after the first read");
    }
    t.codec = lookupCodec(enc ?? DEFAULT_ENCODING);
    t.encoding = enc ?? DEFAULT_ENCODING;
    t.errors = err;
    t.decoder = t.isReadable ? t.codec.newDecoder(err) : null;
    t.encoder = t.isWritable ? t.codec.newEncoder(err) : null;
    if (t.encoder !== null) t.encoder.reset(false);
  }
  if (newline !== undefined) {
    const nl = newlineArg(newline, "reconfigure");
    t.newline = nl;
    t.readUniversal = nl === null || nl === "";
    t.readTranslate = nl === null;
    t.writeNewline = nl === "\r" || nl === "\r\n" ? nl : null;
  }
  if (lineBuffering !== undefined && lineBuffering !== None) t.lineBuffering = isTrue(lineBuffering);
  if (writeThrough !== undefined && writeThrough !== None) t.writeThrough = isTrue(writeThrough);
  t.updatePlainWrites();
  return None;
});
defGetSet(T, "closed", (o) => (o as PyTextFile).isClosed());
defGetSet(T, "buffer", (o) => {
  (o as PyTextFile).ok();
  return (o as PyTextFile).buffer;
});
defGetSet(T, "name", (o) => {
  (o as PyTextFile).ok();
  return getAttr((o as PyTextFile).buffer, "name");
});
defGetSet(T, "encoding", (o) => (o as PyTextFile).encoding);
defGetSet(T, "errors", (o) => (o as PyTextFile).errors);
defGetSet(T, "line_buffering", (o) => (o as PyTextFile).lineBuffering);
defGetSet(T, "write_through", (o) => (o as PyTextFile).writeThrough);
defGetSet(T, "_CHUNK_SIZE", () => CHUNK_SIZE);
defGetSet(
  T,
  "newlines",
  (o) => newlinesValue((o as PyTextFile).readUniversal, (o as PyTextFile).seenNewlines),
);
defMethod(T, "__repr__", (args) => {
  const t = self(args);
  const type = `${t.cls.module}.${t.cls.qualname}`;
  let out = `<${type}`;
  if (!t.detached) {
    try {
      out += ` name=${repr(getAttr(t, "name"))}`;
    } catch (e) {
      if (!isExceptionOf(e, Exc.Exception)) throw e;
    }
  }
  const mode = t.dict?.getStr("mode");
  if (mode !== undefined) out += ` mode=${repr(mode)}`;
  return `${out} encoding=${repr(t.encoding)}>`;
});

/** The `newlines` attribute: None, one newline kind, or a tuple of the kinds seen. */
export function newlinesValue(universal: boolean, seen: number): PyValue {
  if (!universal || seen === 0) return None;
  const kinds: string[] = [];
  if (seen & SEEN_CR) kinds.push("\r");
  if (seen & SEEN_LF) kinds.push("\n");
  if (seen & SEEN_CRLF) kinds.push("\r\n");
  return kinds.length === 1 ? kinds[0] : newTuple(kinds);
}
