/**
 * DEFLATE decompression (RFC 1951) with the zlib and gzip wrappers (or automatic detection), as a
 * resumable state machine with zlib 1.2.13's semantics: compressed bytes in (in any pieces) →
 * bytes out, up to an output limit; the input it has not used (after the end of the stream, or
 * when the output limit stopped it) and zlib's return codes and error messages ("invalid block
 * type", "incorrect data check", …). It takes input bytes only as it needs them, as zlib's
 * decoder does, so that what is left over matches zlib's.
 *
 * @example
 * ```ts
 * import { Inflater } from "./zlib_inflate.ts";
 * const inf = new Inflater(-15);
 * const r = inf.inflate(new Uint8Array([0x4b, 0x04, 0x00]), Infinity, 4);
 * console.log(r.output); // Uint8Array [ 97 ]
 * ```
 * @module
 */
import { adler32 } from "./zlib_checksums.ts";
import { crc32 } from "./binascii.ts";

export const Z_OK = 0, Z_STREAM_END = 1, Z_NEED_DICT = 2, Z_DATA_ERROR = -3, Z_BUF_ERROR = -5;
const Z_FINISH = 4;

const HEAD = 0,
  FLAGS = 1,
  TIME = 2,
  OS = 3,
  EXLEN = 4,
  EXTRA = 5,
  NAME = 6,
  COMMENT = 7,
  HCRC = 8,
  DICTID = 9,
  DICT = 10,
  TYPE = 11,
  STORED = 12,
  COPY = 13,
  TABLE = 14,
  LENLENS = 15,
  CODELENS = 16,
  LEN = 17,
  LENEXT = 18,
  DIST = 19,
  DISTEXT = 20,
  MATCH = 21,
  LIT = 22,
  CHECK = 23,
  LENGTH = 24,
  DONE = 25,
  BAD = 26;

const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** The longest match, and the most input one literal/length + distance sequence can take (7). */
const MAX_MATCH = 258, FAST_INPUT = 8;

const LENGTH_BASE = [
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  13,
  15,
  17,
  19,
  23,
  27,
  31,
  35,
  43,
  51,
  59,
  67,
  83,
  99,
  115,
  131,
  163,
  195,
  227,
  258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1,
  2,
  3,
  4,
  5,
  7,
  9,
  13,
  17,
  25,
  33,
  49,
  65,
  97,
  129,
  193,
  257,
  385,
  513,
  769,
  1025,
  1537,
  2049,
  3073,
  4097,
  6145,
  8193,
  12289,
  16385,
  24577,
];
const DIST_EXTRA = [
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
];

/**
 * A canonical Huffman code as a lookup table indexed by the next `bits` input bits (first bit
 * lowest): each entry is symbol << 4 | code length, 0 for a bit pattern no code starts with.
 */
interface Code {
  table: Int32Array;
  bits: number;
}

/**
 * Builds a code from code lengths; null for an over-subscribed or (except a lone code of length 1
 * in a literal/length or distance code, as zlib allows) incomplete set.
 */
function buildCode(lens: ArrayLike<number>, start: number, n: number, allowSingle: boolean): Code | null {
  const count = new Int32Array(16);
  for (let i = 0; i < n; i++) count[lens[start + i]]++;
  let max = 15;
  while (max >= 1 && count[max] === 0) max--;
  if (max === 0) return { table: new Int32Array(2), bits: 1 }; // no codes: any use is an error
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left <<= 1;
    left -= count[len];
    if (left < 0) return null;
  }
  if (left > 0 && !(allowSingle && max === 1)) return null;
  const next = new Int32Array(16);
  let code = 0;
  count[0] = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + count[len - 1]) << 1;
    next[len] = code;
  }
  const table = new Int32Array(1 << max);
  for (let sym = 0; sym < n; sym++) {
    const len = lens[start + sym];
    if (len === 0) continue;
    // the code's bits reversed (input bits come least significant first), then every suffix
    let c = next[len]++, rev = 0;
    for (let k = 0; k < len; k++) {
      rev = (rev << 1) | (c & 1);
      c >>= 1;
    }
    for (let i = rev; i < table.length; i += 1 << len) table[i] = (sym << 4) | len;
  }
  return { table, bits: max };
}

let fixedLit: Code | null = null, fixedDist: Code | null = null;

function fixedCodes(): [Code, Code] {
  if (fixedLit === null) {
    const lens = new Uint8Array(320);
    for (let i = 0; i < 144; i++) lens[i] = 8;
    for (let i = 144; i < 256; i++) lens[i] = 9;
    for (let i = 256; i < 280; i++) lens[i] = 7;
    for (let i = 280; i < 288; i++) lens[i] = 8;
    for (let i = 288; i < 320; i++) lens[i] = 5;
    fixedLit = buildCode(lens, 0, 288, true)!;
    fixedDist = buildCode(lens, 288, 32, true)!;
  }
  return [fixedLit, fixedDist!];
}

/** The result of one inflate call. */
export interface InflateResult {
  /** zlib's return code (Z_OK, Z_STREAM_END, Z_NEED_DICT, Z_BUF_ERROR, Z_DATA_ERROR). */
  status: number;
  output: Uint8Array;
  /** Input bytes used. */
  consumed: number;
  /** zlib's message for Z_DATA_ERROR. */
  message: string | null;
}

/** A zlib inflate stream (inflateInit2's windowBits: 8–15 zlib, -8…-15 raw, +16 gzip, +32 either). */
export class Inflater {
  mode = HEAD;
  /** 0 raw; bit 1 zlib allowed, bit 2 gzip allowed, bit 4 check the checksums. */
  wrap: number;
  wbits: number;
  last = false;
  havedict = false;
  /** gzip header flags (0: a zlib header). */
  flags = -1;
  check = 0;
  total = 0;
  hold = 0;
  bits = 0;
  length = 0;
  offset = 0;
  extra = 0;
  lit: Code | null = null;
  dist: Code | null = null;
  nlen = 0;
  ndist = 0;
  ncode = 0;
  have = 0;
  lens = new Uint8Array(320);
  /** The last output (up to 2 ** wbits bytes), for back-references into earlier calls. */
  window: Uint8Array = new Uint8Array(0);
  message: string | null = null;
  // the current call
  private input: Uint8Array = new Uint8Array(0);
  private next = 0;
  private end = 0;
  private out: Uint8Array = new Uint8Array(0);
  private put = 0;
  private limit = 0;
  /** How much of this call's output the check value and total include. */
  private checked = 0;

  constructor(windowBits: number) {
    let wrap: number;
    if (windowBits < 0) {
      if (windowBits < -15) throw new RangeError("window bits");
      wrap = 0;
      windowBits = -windowBits;
    } else {
      wrap = (windowBits >> 4) + 5;
      if (windowBits < 48) windowBits &= 15;
    }
    if (windowBits !== 0 && (windowBits < 8 || windowBits > 15)) throw new RangeError("window bits");
    this.wrap = wrap;
    this.wbits = windowBits;
  }

  /** A copy of the whole state (inflateCopy). */
  copy(): Inflater {
    const c = Object.create(Inflater.prototype) as Inflater;
    Object.assign(c, this);
    c.lens = this.lens.slice();
    c.window = this.window.slice();
    return c;
  }

  /**
   * inflateSetDictionary: for a raw stream before any input, or when inflate returned
   * Z_NEED_DICT. False when the dictionary's Adler-32 is not the one the stream asks for.
   */
  setDictionary(dict: Uint8Array): boolean {
    if (this.wrap !== 0 && this.mode !== DICT) return false;
    if (this.mode === DICT && adler32(dict, 1) !== this.check) return false;
    this.updateWindow(dict);
    this.havedict = true;
    return true;
  }

  /** Whether the stream has ended. */
  get finished(): boolean {
    return this.mode === DONE;
  }

  private pull(): boolean {
    if (this.next >= this.end) return false;
    this.hold += this.input[this.next++] * 2 ** this.bits;
    this.bits += 8;
    return true;
  }

  private need(n: number): boolean {
    while (this.bits < n) if (!this.pull()) return false;
    return true;
  }

  private take(n: number): number {
    const v = this.hold % 2 ** n;
    this.hold = Math.floor(this.hold / 2 ** n);
    this.bits -= n;
    return v;
  }

  private peek(n: number): number {
    return this.hold % 2 ** n;
  }

  private clearBits(): void {
    this.hold = 0;
    this.bits = 0;
  }

  private byteBits(): void {
    this.take(this.bits & 7);
  }

  /**
   * The next symbol's table entry (symbol << 4 | length) without taking its bits: -1 when more
   * input is needed, -2 for a bit pattern that starts no code. Bytes are taken only as needed.
   */
  private peekSymbol(code: Code): number {
    for (;;) {
      const entry = code.table[this.hold % (1 << code.bits)];
      const len = entry & 15;
      if (len !== 0 && len <= this.bits) return entry;
      if (len === 0 && this.bits >= code.bits) return -2;
      if (!this.pull()) return -1;
    }
  }

  /** Decodes one symbol (-1: more input needed, -2: an invalid code). */
  private decode(code: Code): number {
    const entry = this.peekSymbol(code);
    if (entry < 0) return entry;
    this.take(entry & 15);
    return entry >> 4;
  }

  private bad(message: string): void {
    this.message = message;
    this.mode = BAD;
  }

  private updateWindow(data: Uint8Array): void {
    const wsize = 1 << (this.wbits || 15);
    if (data.length >= wsize) {
      this.window = data.slice(data.length - wsize);
      return;
    }
    const keep = Math.min(this.window.length, wsize - data.length);
    const w = new Uint8Array(keep + data.length);
    w.set(this.window.subarray(this.window.length - keep));
    w.set(data, keep);
    this.window = w;
  }

  private emit(b: number): void {
    if (this.put >= this.out.length) this.growOut(1);
    this.out[this.put++] = b;
  }

  private growOut(extra: number): void {
    const next = new Uint8Array(Math.max(this.out.length * 2, this.put + extra, 1024));
    next.set(this.out.subarray(0, this.put));
    this.out = next;
  }

  /**
   * Runs the decoder over input[0, availIn) with at most `limit` bytes of output and zlib's
   * `flush` (Z_FINISH turns an unfinished stream into Z_BUF_ERROR).
   */
  inflate(input: Uint8Array, limit: number, flush: number, availIn = input.length): InflateResult {
    this.input = input;
    this.next = 0;
    this.end = availIn;
    this.out = new Uint8Array(Math.min(limit, Math.max(1024, availIn * 4)));
    this.put = 0;
    this.checked = 0;
    this.limit = limit;
    const status = this.run();
    const output = this.out.subarray(0, this.put);
    if (this.mode !== BAD) {
      this.account();
      if (output.length > 0) this.updateWindow(output);
    }
    let ret = status;
    if (((this.next === 0 && this.put === 0) || flush === Z_FINISH) && ret === Z_OK) ret = Z_BUF_ERROR;
    return { status: ret, output, consumed: this.next, message: ret === Z_DATA_ERROR ? this.message : null };
  }

  private updateCheck(check: number, data: Uint8Array): number {
    return this.flags > 0 ? crc32(data, check) : adler32(data, check);
  }

  private run(): number {
    for (;;) {
      switch (this.mode) {
        case HEAD: {
          if (this.wrap === 0) {
            this.mode = TYPE;
            break;
          }
          if (!this.need(16)) return Z_OK;
          if (this.wrap & 2 && this.hold === 0x8b1f) {
            if (this.wbits === 0) this.wbits = 15;
            this.check = crc32(new Uint8Array([0x1f, 0x8b]), 0);
            this.clearBits();
            this.mode = FLAGS;
            break;
          }
          const b0 = this.hold & 0xff, b1 = this.hold >>> 8;
          if (!(this.wrap & 1) || ((b0 << 8) + b1) % 31) {
            this.bad("incorrect header check");
            break;
          }
          if ((b0 & 15) !== 8) {
            this.bad("unknown compression method");
            break;
          }
          const len = (b0 >> 4) + 8;
          if (this.wbits === 0) this.wbits = len;
          if (len > 15 || len > this.wbits) {
            this.bad("invalid window size");
            break;
          }
          this.flags = 0;
          this.check = 1;
          this.mode = b1 & 0x20 ? DICTID : TYPE;
          this.clearBits();
          break;
        }
        case FLAGS: {
          if (!this.need(16)) return Z_OK;
          this.flags = this.hold;
          if ((this.flags & 0xff) !== 8) {
            this.bad("unknown compression method");
            break;
          }
          if (this.flags & 0xe000) {
            this.bad("unknown header flags set");
            break;
          }
          this.headerCheck(2);
          this.clearBits();
          this.mode = TIME;
          break;
        }
        case TIME:
          if (!this.need(32)) return Z_OK;
          this.headerCheck(4);
          this.clearBits();
          this.mode = OS;
          break;
        case OS:
          if (!this.need(16)) return Z_OK;
          this.headerCheck(2);
          this.clearBits();
          this.mode = EXLEN;
          break;
        case EXLEN:
          if (this.flags & 0x0400) {
            if (!this.need(16)) return Z_OK;
            this.length = this.hold;
            this.headerCheck(2);
            this.clearBits();
          }
          this.mode = EXTRA;
          break;
        case EXTRA:
          if (this.flags & 0x0400) {
            const copy = Math.min(this.length, this.end - this.next);
            if (copy) {
              this.headerBytes(this.next, copy);
              this.next += copy;
              this.length -= copy;
            }
            if (this.length) return Z_OK;
          }
          this.length = 0;
          this.mode = NAME;
          break;
        case NAME:
        case COMMENT: {
          const flag = this.mode === NAME ? 0x0800 : 0x1000;
          if (this.flags & flag) {
            if (this.next >= this.end) return Z_OK;
            let copy = 0, c: number;
            do c = this.input[this.next + copy++]; while (c && this.next + copy < this.end);
            this.headerBytes(this.next, copy);
            this.next += copy;
            if (c) return Z_OK;
          }
          this.mode = this.mode === NAME ? COMMENT : HCRC;
          break;
        }
        case HCRC:
          if (this.flags & 0x0200) {
            if (!this.need(16)) return Z_OK;
            if (this.wrap & 4 && this.hold !== (this.check & 0xffff)) {
              this.bad("header crc mismatch");
              break;
            }
            this.clearBits();
          }
          this.check = 0;
          this.mode = TYPE;
          break;
        case DICTID:
          if (!this.need(32)) return Z_OK;
          this.check = ((this.hold & 0xff) * 16777216 + ((this.hold >>> 8) & 0xff) * 65536 +
            ((this.hold >>> 16) & 0xff) * 256 + Math.floor(this.hold / 16777216)) >>> 0;
          this.clearBits();
          this.mode = DICT;
          break;
        case DICT:
          if (!this.havedict) return Z_NEED_DICT;
          this.check = 1;
          this.mode = TYPE;
          break;
        case TYPE: {
          if (this.last) {
            this.byteBits();
            this.mode = CHECK;
            break;
          }
          if (!this.need(3)) return Z_OK;
          this.last = this.take(1) === 1;
          const type = this.take(2);
          if (type === 0) this.mode = STORED;
          else if (type === 1) {
            [this.lit, this.dist] = fixedCodes();
            this.mode = LEN;
          } else if (type === 2) this.mode = TABLE;
          else this.bad("invalid block type");
          break;
        }
        case STORED: {
          this.byteBits();
          if (!this.need(32)) return Z_OK;
          const len = this.hold % 65536, nlen = Math.floor(this.hold / 65536);
          if (len !== (nlen ^ 0xffff)) {
            this.bad("invalid stored block lengths");
            break;
          }
          this.length = len;
          this.clearBits();
          this.mode = COPY;
          break;
        }
        case COPY: {
          let copy = this.length;
          if (copy) {
            copy = Math.min(copy, this.end - this.next, this.limit - this.put);
            if (copy === 0) return Z_OK;
            if (this.put + copy > this.out.length) this.growOut(copy);
            this.out.set(this.input.subarray(this.next, this.next + copy), this.put);
            this.next += copy;
            this.put += copy;
            this.length -= copy;
            break;
          }
          this.mode = TYPE;
          break;
        }
        case TABLE:
          if (!this.need(14)) return Z_OK;
          this.nlen = this.take(5) + 257;
          this.ndist = this.take(5) + 1;
          this.ncode = this.take(4) + 4;
          if (this.nlen > 286 || this.ndist > 30) {
            this.bad("too many length or distance symbols");
            break;
          }
          this.have = 0;
          this.mode = LENLENS;
          break;
        case LENLENS: {
          while (this.have < this.ncode) {
            if (!this.need(3)) return Z_OK;
            this.lens[ORDER[this.have++]] = this.take(3);
          }
          while (this.have < 19) this.lens[ORDER[this.have++]] = 0;
          const code = buildCode(this.lens, 0, 19, false);
          if (code === null) {
            this.bad("invalid code lengths set");
            break;
          }
          this.lit = code;
          this.have = 0;
          this.mode = CODELENS;
          break;
        }
        case CODELENS: {
          const total = this.nlen + this.ndist;
          while (this.have < total) {
            const entry = this.peekSymbol(this.lit!);
            if (entry === -1) return Z_OK;
            const sym = entry >> 4, symBits = entry & 15;
            if (sym < 16) {
              this.take(symBits);
              this.lens[this.have++] = sym;
              continue;
            }
            // A repeat is taken together with its extra bits (the symbol stays until they come).
            const extraBits = sym === 16 ? 2 : sym === 17 ? 3 : 7;
            if (!this.need(symBits + extraBits)) return Z_OK;
            this.take(symBits);
            let len = 0, copy: number;
            if (sym === 16) {
              if (this.have === 0) {
                this.bad("invalid bit length repeat");
                break;
              }
              len = this.lens[this.have - 1];
              copy = 3 + this.take(2);
            } else if (sym === 17) copy = 3 + this.take(3);
            else copy = 11 + this.take(7);
            if (this.have + copy > total) {
              this.bad("invalid bit length repeat");
              break;
            }
            while (copy--) this.lens[this.have++] = len;
          }
          if ((this.mode as number) === BAD) break;
          if (this.lens[256] === 0) {
            this.bad("invalid code -- missing end-of-block");
            break;
          }
          const lit = buildCode(this.lens, 0, this.nlen, true);
          if (lit === null) {
            this.bad("invalid literal/lengths set");
            break;
          }
          const dist = buildCode(this.lens, this.nlen, this.ndist, true);
          if (dist === null) {
            this.bad("invalid distances set");
            break;
          }
          this.lit = lit;
          this.dist = dist;
          this.mode = LEN;
          break;
        }
        case LEN: {
          if (this.end - this.next > FAST_INPUT && this.limit - this.put > MAX_MATCH && this.bits <= 24) {
            this.fastLoop();
            if (this.mode !== LEN) break;
          }
          const sym = this.decode(this.lit!);
          if (sym === -1) return Z_OK;
          if (sym === -2 || sym > 285) {
            this.bad("invalid literal/length code");
            break;
          }
          if (sym < 256) {
            this.length = sym;
            this.mode = LIT;
            break;
          }
          if (sym === 256) {
            this.mode = TYPE;
            break;
          }
          this.length = LENGTH_BASE[sym - 257];
          this.extra = LENGTH_EXTRA[sym - 257];
          this.mode = LENEXT;
          break;
        }
        case LENEXT:
          if (this.extra) {
            if (!this.need(this.extra)) return Z_OK;
            this.length += this.take(this.extra);
          }
          this.mode = DIST;
          break;
        case DIST: {
          const sym = this.decode(this.dist!);
          if (sym === -1) return Z_OK;
          if (sym === -2 || sym > 29) {
            this.bad("invalid distance code");
            break;
          }
          this.offset = DIST_BASE[sym];
          this.extra = DIST_EXTRA[sym];
          this.mode = DISTEXT;
          break;
        }
        case DISTEXT:
          if (this.extra) {
            if (!this.need(this.extra)) return Z_OK;
            this.offset += this.take(this.extra);
          }
          this.mode = MATCH;
          break;
        case MATCH: {
          if (this.put >= this.limit) return Z_OK;
          // Earlier output: this call's, then the window of previous calls'.
          if (this.offset > this.put + this.window.length) {
            this.bad("invalid distance too far back");
            break;
          }
          let copy = Math.min(this.length, this.limit - this.put);
          if (this.put + copy > this.out.length) this.growOut(copy);
          const out = this.out;
          this.length -= copy;
          let from = this.put - this.offset;
          while (copy > 0 && from < 0) {
            out[this.put++] = this.window[this.window.length + from];
            from++;
            copy--;
          }
          while (copy-- > 0) out[this.put++] = out[from++];
          if (this.length === 0) this.mode = LEN;
          break;
        }
        case LIT:
          if (this.put >= this.limit) return Z_OK;
          this.emit(this.length);
          this.mode = LEN;
          break;
        case CHECK:
          if (this.wrap) {
            if (!this.need(32)) return Z_OK;
            this.account();
            const h = this.hold;
            const got = this.flags > 0
              ? h
              : ((h & 0xff) * 16777216 + ((h >>> 8) & 0xff) * 65536 + ((h >>> 16) & 0xff) * 256 +
                Math.floor(h / 16777216));
            if (this.wrap & 4 && got !== this.check) {
              this.bad("incorrect data check");
              break;
            }
            this.clearBits();
          }
          this.mode = LENGTH;
          break;
        case LENGTH:
          if (this.wrap && this.flags > 0) {
            if (!this.need(32)) return Z_OK;
            if (this.wrap & 4 && this.hold !== this.total % 4294967296) {
              this.bad("incorrect length check");
              break;
            }
            this.clearBits();
          }
          this.mode = DONE;
          break;
        case DONE:
          return Z_STREAM_END;
        default:
          return Z_DATA_ERROR;
      }
    }
  }

  /**
   * Decodes literals and matches in a tight loop while the input holds a whole symbol sequence
   * (FAST_INPUT bytes) and the output has room for the longest match, as zlib's inflate_fast
   * does; stops at the end of the block (mode TYPE), or in mode LEN at the thresholds or before
   * a symbol the state machine must report as bad. Bits are kept in a 32-bit int here; whole
   * bytes not used are given back, so the input consumed is what the state machine's would be.
   */
  private fastLoop(): void {
    const input = this.input;
    const litTable = this.lit!.table, litBits = this.lit!.bits, litMask = (1 << litBits) - 1;
    const distTable = this.dist!.table, distBits = this.dist!.bits, distMask = (1 << distBits) - 1;
    const window = this.window;
    const inLast = this.end - FAST_INPUT, outLast = this.limit - MAX_MATCH;
    let hold = this.hold, bits = this.bits, next = this.next, put = this.put;
    let out = this.out;
    while (next < inLast && put < outLast) {
      if (put + MAX_MATCH > out.length) {
        this.put = put;
        this.growOut(MAX_MATCH);
        out = this.out;
      }
      const symbolHold = hold, symbolBits = bits, symbolNext = next;
      while (bits < litBits) {
        hold |= input[next++] << bits;
        bits += 8;
      }
      const entry = litTable[hold & litMask];
      const len = entry & 15, sym = entry >> 4;
      if (len === 0 || sym > 285) {
        hold = symbolHold, bits = symbolBits, next = symbolNext;
        break;
      }
      hold >>>= len;
      bits -= len;
      if (sym < 256) {
        out[put++] = sym;
        continue;
      }
      if (sym === 256) {
        this.mode = TYPE;
        break;
      }
      let length = LENGTH_BASE[sym - 257];
      const lengthExtra = LENGTH_EXTRA[sym - 257];
      if (lengthExtra) {
        while (bits < lengthExtra) {
          hold |= input[next++] << bits;
          bits += 8;
        }
        length += hold & ((1 << lengthExtra) - 1);
        hold >>>= lengthExtra;
        bits -= lengthExtra;
      }
      while (bits < distBits) {
        hold |= input[next++] << bits;
        bits += 8;
      }
      const distEntry = distTable[hold & distMask];
      const distLen = distEntry & 15, distSym = distEntry >> 4;
      if (distLen === 0 || distSym > 29) {
        hold = symbolHold, bits = symbolBits, next = symbolNext;
        break;
      }
      hold >>>= distLen;
      bits -= distLen;
      let offset = DIST_BASE[distSym];
      const distExtra = DIST_EXTRA[distSym];
      if (distExtra) {
        while (bits < distExtra) {
          hold |= input[next++] << bits;
          bits += 8;
        }
        offset += hold & ((1 << distExtra) - 1);
        hold >>>= distExtra;
        bits -= distExtra;
      }
      if (offset > put + window.length) {
        hold = symbolHold, bits = symbolBits, next = symbolNext;
        break;
      }
      let from = put - offset;
      while (length > 0 && from < 0) {
        out[put++] = window[window.length + from];
        from++;
        length--;
      }
      if (length > 32) {
        // out[from, put) repeats with period offset: copy it in chunks as long as what is written
        while (length > 0) {
          const n = Math.min(length, put - from);
          out.copyWithin(put, from, from + n);
          put += n;
          length -= n;
        }
      } else {
        while (length-- > 0) out[put++] = out[from++];
      }
    }
    const unused = bits >> 3;
    next -= unused;
    bits -= unused << 3;
    this.hold = hold & ((1 << bits) - 1);
    this.bits = bits;
    this.next = next;
    this.put = put;
  }

  /** Adds this call's output not yet counted to the check value and the total. */
  private account(): void {
    const fresh = this.out.subarray(this.checked, this.put);
    if (fresh.length > 0) {
      if (this.wrap & 4) this.check = this.updateCheck(this.check, fresh);
      this.total += fresh.length;
    }
    this.checked = this.put;
  }

  private headerCheck(bytes: number): void {
    if (!(this.flags & 0x0200 && this.wrap & 4)) return;
    const b = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) b[i] = Math.floor(this.hold / 2 ** (8 * i)) & 0xff;
    this.check = crc32(b, this.check);
  }

  private headerBytes(at: number, n: number): void {
    if (this.flags & 0x0200 && this.wrap & 4) this.check = crc32(this.input.subarray(at, at + n), this.check);
  }
}

/**
 * Text that ships inside pyjit deflated and base64-encoded (the Python sources, the unicodedata
 * tables) → the text. `windowBits` as for Inflater (15: zlib wrapper, -15: raw); `what` names the
 * data in the error thrown if it does not inflate (a damaged package, a bug).
 * (pyjit's own inflater: node:zlib would load Node's compatibility layer at start-up.)
 */
export function inflateShippedText(base64: string, windowBits: number, what: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const result = new Inflater(windowBits).inflate(bytes, Infinity, Z_FINISH);
  if (result.status !== Z_STREAM_END) throw new Error(`${what} is damaged`);
  return new TextDecoder().decode(result.output);
}
