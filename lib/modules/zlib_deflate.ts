/**
 * DEFLATE compression (RFC 1951) with the zlib (RFC 1950) and gzip (RFC 1952) wrappers, made to
 * produce exactly the bytes zlib 1.2.13 produces — CPython's zlib module links zlib, and programs
 * compare, hash and store what it writes. Bytes in (with flush modes: none, partial, sync, full,
 * block, finish) → compressed bytes out, through an output buffer whose size the caller sets
 * (level 0's stored blocks depend on it, as zlib's do).
 *
 * The algorithms are zlib's: a hash-chained sliding window; levels 1–3 take the first good match
 * (fast), 4–9 look one position ahead before committing (lazy), with zlib's table of chain
 * lengths and lazy limits; Z_HUFFMAN_ONLY and Z_RLE strategies; blocks end when the symbol buffer
 * fills, and each is written stored, with the fixed codes or with dynamic Huffman codes, whichever
 * is shortest, the trees built with zlib's heap order and bit-length limiting.
 *
 * @example
 * ```ts
 * import { Deflater, Z_FINISH } from "./zlib_deflate.ts";
 * const d = new Deflater(6, 15, 8, 0);
 * const out = d.run(new TextEncoder().encode("hello hello hello"), Z_FINISH, 1 << 15);
 * console.log(out.status, out.data.length > 0);
 * ```
 * @module
 */
import { adler32 } from "./zlib_checksums.ts";
import { crc32 } from "./binascii.ts";

export const Z_NO_FLUSH = 0,
  Z_PARTIAL_FLUSH = 1,
  Z_SYNC_FLUSH = 2,
  Z_FULL_FLUSH = 3,
  Z_FINISH = 4,
  Z_BLOCK = 5;
export const Z_OK = 0, Z_STREAM_END = 1, Z_STREAM_ERROR = -2, Z_BUF_ERROR = -5;
export const Z_FILTERED = 1, Z_HUFFMAN_ONLY = 2, Z_RLE = 3, Z_FIXED = 4;

const MIN_MATCH = 3, MAX_MATCH = 258, MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
const TOO_FAR = 4096;
const MAX_STORED = 65535;
const LENGTH_CODES = 29, LITERALS = 256, L_CODES = LITERALS + 1 + LENGTH_CODES, D_CODES = 30, BL_CODES = 19;
const HEAP_SIZE = 2 * L_CODES + 1, MAX_BITS = 15, MAX_BL_BITS = 7, END_BLOCK = 256;
const REP_3_6 = 16, REPZ_3_10 = 17, REPZ_11_138 = 18;
const STORED_BLOCK = 0, STATIC_TREES = 1, DYN_TREES = 2;

const EXTRA_LBITS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const EXTRA_DBITS = [
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
const EXTRA_BLBITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
/** The order in which the code-length code lengths are sent. */
const BL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Per level: good match length, lazy limit (insert limit for the fast levels), nice length, chain. */
const CONFIG: [number, number, number, number, "stored" | "fast" | "slow"][] = [
  [0, 0, 0, 0, "stored"],
  [4, 4, 8, 4, "fast"],
  [4, 5, 16, 8, "fast"],
  [4, 6, 32, 32, "fast"],
  [4, 4, 16, 16, "slow"],
  [8, 16, 32, 32, "slow"],
  [8, 16, 128, 128, "slow"],
  [8, 32, 128, 256, "slow"],
  [32, 128, 258, 1024, "slow"],
  [32, 258, 258, 4096, "slow"],
];

// ---------------------------------------------------------------------------------------------
// Static tables (zlib's tr_static_init)

const LENGTH_CODE = new Uint8Array(256);
const DIST_CODE = new Uint8Array(512);
const BASE_LENGTH = new Int32Array(LENGTH_CODES);
const BASE_DIST = new Int32Array(D_CODES);
/** The fixed literal/length code (codes and lengths) and distance code. */
const STATIC_LTREE_CODE = new Uint16Array(L_CODES + 2), STATIC_LTREE_LEN = new Uint16Array(L_CODES + 2);
const STATIC_DTREE_CODE = new Uint16Array(D_CODES), STATIC_DTREE_LEN = new Uint16Array(D_CODES);

function reverseBits(code: number, len: number): number {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
}

/** Assigns canonical codes from the bit lengths (zlib's gen_codes), bit-reversed for sending. */
function genCodes(code: Uint16Array, len: Uint16Array, maxCode: number, blCount: Uint16Array): void {
  const next = new Uint16Array(MAX_BITS + 1);
  let c = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    c = (c + blCount[bits - 1]) << 1;
    next[bits] = c;
  }
  for (let n = 0; n <= maxCode; n++) {
    const l = len[n];
    if (l === 0) continue;
    code[n] = reverseBits(next[l]++, l);
  }
}

{
  let length = 0;
  let code = 0;
  for (; code < LENGTH_CODES - 1; code++) {
    BASE_LENGTH[code] = length;
    for (let n = 0; n < 1 << EXTRA_LBITS[code]; n++) LENGTH_CODE[length++] = code;
  }
  // Length 258 is code 285, not code 284 with 5 extra bits.
  LENGTH_CODE[length - 1] = code;
  let dist = 0;
  for (code = 0; code < 16; code++) {
    BASE_DIST[code] = dist;
    for (let n = 0; n < 1 << EXTRA_DBITS[code]; n++) DIST_CODE[dist++] = code;
  }
  dist >>= 7;
  for (; code < D_CODES; code++) {
    BASE_DIST[code] = dist << 7;
    for (let n = 0; n < 1 << (EXTRA_DBITS[code] - 7); n++) DIST_CODE[256 + dist++] = code;
  }
  const blCount = new Uint16Array(MAX_BITS + 1);
  let n = 0;
  while (n <= 143) STATIC_LTREE_LEN[n++] = 8, blCount[8]++;
  while (n <= 255) STATIC_LTREE_LEN[n++] = 9, blCount[9]++;
  while (n <= 279) STATIC_LTREE_LEN[n++] = 7, blCount[7]++;
  while (n <= 287) STATIC_LTREE_LEN[n++] = 8, blCount[8]++;
  genCodes(STATIC_LTREE_CODE, STATIC_LTREE_LEN, L_CODES + 1, blCount);
  for (n = 0; n < D_CODES; n++) {
    STATIC_DTREE_LEN[n] = 5;
    STATIC_DTREE_CODE[n] = reverseBits(n, 5);
  }
}

function distCode(dist: number): number {
  return dist < 256 ? DIST_CODE[dist] : DIST_CODE[256 + (dist >>> 7)];
}

/**
 * A Huffman tree being built: `freq` is a node's frequency and then its code, `dad` its parent
 * and then its bit length (the two pairs of meanings share storage, as in zlib, and the order in
 * which they are overwritten is part of the algorithm).
 */
class Tree {
  readonly freq: Uint16Array;
  readonly len: Uint16Array;
  maxCode = 0;
  constructor(
    size: number,
    readonly staticLen: Uint16Array | null,
    readonly extraBits: number[],
    readonly extraBase: number,
    readonly elems: number,
    readonly maxLength: number,
  ) {
    this.freq = new Uint16Array(size);
    this.len = new Uint16Array(size);
  }
}

// ---------------------------------------------------------------------------------------------
// The compressor

const BUSY_STATE = 1, FINISH_STATE = 2, INIT_STATE = 3, GZIP_STATE = 4;
const NEED_MORE = 0, BLOCK_DONE = 1, FINISH_STARTED = 2, FINISH_DONE = 3;

/** What a call produced: the output written and zlib's return code. */
export interface DeflateResult {
  data: Uint8Array;
  status: number;
}

/** A zlib deflate stream (deflateInit2's parameters; throws RangeError for invalid ones). */
export class Deflater {
  // stream
  input: Uint8Array = new Uint8Array(0);
  nextIn = 0;
  availIn = 0;
  totalIn = 0;
  out: Uint8Array = new Uint8Array(0);
  nextOut = 0;
  availOut = 0;
  totalOut = 0;
  adler = 0;
  // state
  status: number;
  wrap: number;
  level: number;
  strategy: number;
  lastFlush = -2;
  readonly wBits: number;
  readonly wSize: number;
  readonly wMask: number;
  window: Uint8Array;
  readonly windowSize: number;
  readonly hashBits: number;
  readonly hashSize: number;
  readonly hashMask: number;
  readonly hashShift: number;
  prev: Uint16Array;
  head: Uint16Array;
  insH = 0;
  blockStart = 0;
  matchLength = MIN_MATCH - 1;
  prevMatch = 0;
  matchAvailable = false;
  strstart = 0;
  matchStart = 0;
  lookahead = 0;
  prevLength = MIN_MATCH - 1;
  maxChainLength: number;
  maxLazyMatch: number;
  goodMatch: number;
  niceMatch: number;
  insert = 0;
  highWater = 0;
  /** Pending compressed bytes not yet copied to the output. */
  pending: Uint8Array;
  pendingOut = 0;
  pendingLength = 0;
  readonly pendingBufSize: number;
  readonly litBufsize: number;
  symBuf: Uint8Array;
  symNext = 0;
  readonly symEnd: number;
  optLen = 0;
  staticLen = 0;
  matches = 0;
  biBuf = 0;
  biValid = 0;
  ltree: Tree;
  dtree: Tree;
  bltree: Tree;
  heap = new Int32Array(HEAP_SIZE);
  heapLen = 0;
  heapMax = 0;
  depth = new Uint8Array(HEAP_SIZE);
  blCount = new Uint16Array(MAX_BITS + 1);

  constructor(level: number, windowBits: number, memLevel: number, strategy: number) {
    if (level === -1) level = 6;
    let wrap = 1;
    if (windowBits < 0) {
      wrap = 0;
      if (windowBits < -15) throw new RangeError("window bits");
      windowBits = -windowBits;
    } else if (windowBits > 15) {
      wrap = 2;
      windowBits -= 16;
    }
    if (
      memLevel < 1 || memLevel > 9 || windowBits < 8 || windowBits > 15 || level < 0 || level > 9 ||
      strategy < 0 || strategy > Z_FIXED || (windowBits === 8 && wrap !== 1)
    ) {
      throw new RangeError("parameters");
    }
    if (windowBits === 8) windowBits = 9; // zlib's 256-byte window is really 512
    this.wrap = wrap;
    this.wBits = windowBits;
    this.wSize = 1 << windowBits;
    this.wMask = this.wSize - 1;
    this.hashBits = memLevel + 7;
    this.hashSize = 1 << this.hashBits;
    this.hashMask = this.hashSize - 1;
    this.hashShift = Math.floor((this.hashBits + MIN_MATCH - 1) / MIN_MATCH);
    this.window = new Uint8Array(this.wSize * 2);
    this.windowSize = 2 * this.wSize;
    this.prev = new Uint16Array(this.wSize);
    this.head = new Uint16Array(this.hashSize);
    this.litBufsize = 1 << (memLevel + 6);
    this.pendingBufSize = this.litBufsize * 4;
    this.pending = new Uint8Array(this.pendingBufSize);
    this.symBuf = new Uint8Array(this.litBufsize * 3);
    this.symEnd = (this.litBufsize - 1) * 3;
    this.level = level;
    this.strategy = strategy;
    this.ltree = new Tree(HEAP_SIZE, STATIC_LTREE_LEN, EXTRA_LBITS, LITERALS + 1, L_CODES, MAX_BITS);
    this.dtree = new Tree(2 * D_CODES + 1, STATIC_DTREE_LEN, EXTRA_DBITS, 0, D_CODES, MAX_BITS);
    this.bltree = new Tree(2 * BL_CODES + 1, null, EXTRA_BLBITS, 0, BL_CODES, MAX_BL_BITS);
    const [good, lazy, nice, chain] = CONFIG[level];
    this.goodMatch = good;
    this.maxLazyMatch = lazy;
    this.niceMatch = nice;
    this.maxChainLength = chain;
    this.status = wrap === 2 ? GZIP_STATE : INIT_STATE;
    this.adler = wrap === 2 ? 0 : 1;
    this.initBlock();
  }

  /** A copy of the whole state (deflateCopy). */
  copy(): Deflater {
    const c = Object.create(Deflater.prototype) as Deflater;
    Object.assign(c, this);
    c.window = this.window.slice();
    c.prev = this.prev.slice();
    c.head = this.head.slice();
    c.pending = this.pending.slice();
    c.symBuf = this.symBuf.slice();
    c.heap = this.heap.slice();
    c.depth = this.depth.slice();
    c.blCount = this.blCount.slice();
    for (const name of ["ltree", "dtree", "bltree"] as const) {
      const t = this[name];
      const copy = new Tree(t.freq.length, t.staticLen, t.extraBits, t.extraBase, t.elems, t.maxLength);
      copy.freq.set(t.freq);
      copy.len.set(t.len);
      copy.maxCode = t.maxCode;
      c[name] = copy;
    }
    return c;
  }

  /**
   * deflateSetDictionary: primes the window with `dict` (before any input). False when zlib
   * refuses (a gzip stream, or input already given).
   */
  setDictionary(dict: Uint8Array): boolean {
    const wrap = this.wrap;
    if (wrap === 2 || (wrap === 1 && this.status !== INIT_STATE) || this.lookahead !== 0) return false;
    if (wrap === 1) this.adler = adler32(dict, this.adler);
    this.wrap = 0; // no checksum over the dictionary
    if (dict.length >= this.wSize) {
      if (wrap === 0) {
        this.head.fill(0);
        this.strstart = 0;
        this.blockStart = 0;
        this.insert = 0;
      }
      dict = dict.subarray(dict.length - this.wSize);
    }
    const [input, nextIn, availIn] = [this.input, this.nextIn, this.availIn];
    this.input = dict;
    this.nextIn = 0;
    this.availIn = dict.length;
    this.fillWindow();
    while (this.lookahead >= MIN_MATCH) {
      let str = this.strstart;
      let n = this.lookahead - (MIN_MATCH - 1);
      do {
        this.insH = ((this.insH << this.hashShift) ^ this.window[str + MIN_MATCH - 1]) & this.hashMask;
        this.prev[str & this.wMask] = this.head[this.insH];
        this.head[this.insH] = str;
        str++;
      } while (--n);
      this.strstart = str;
      this.lookahead = MIN_MATCH - 1;
      this.fillWindow();
    }
    this.strstart += this.lookahead;
    this.blockStart = this.strstart;
    this.insert = this.lookahead;
    this.lookahead = 0;
    this.matchLength = this.prevLength = MIN_MATCH - 1;
    this.matchAvailable = false;
    this.input = input;
    this.nextIn = nextIn;
    this.availIn = availIn;
    this.wrap = wrap;
    return true;
  }

  /**
   * Compresses `input` with `flush`, as CPython's zlib module drives deflate(): output blocks of
   * `firstBlock` bytes and then CPython's growing sizes, deflate called again while the output
   * fills. Returns the output and the last return code.
   */
  run(input: Uint8Array, flush: number, firstBlock: number): DeflateResult {
    this.input = input;
    this.nextIn = 0;
    this.availIn = input.length;
    const blocks: Uint8Array[] = [];
    let blockIndex = 0;
    let status: number;
    const grow = () => {
      const size = blockIndex === 0
        ? firstBlock
        : OUTPUT_BLOCK_SIZES[Math.min(blockIndex, OUTPUT_BLOCK_SIZES.length - 1)];
      blockIndex++;
      this.out = new Uint8Array(size);
      this.nextOut = 0;
      this.availOut = size;
      blocks.push(this.out);
    };
    grow();
    do {
      if (this.availOut === 0) grow();
      status = this.deflate(flush);
      if (status === Z_STREAM_ERROR) break;
    } while (this.availOut === 0);
    const last = blocks.length - 1;
    blocks[last] = blocks[last].subarray(0, this.nextOut);
    return { data: concat(blocks), status };
  }

  private initBlock(): void {
    this.ltree.freq.fill(0, 0, L_CODES);
    this.dtree.freq.fill(0, 0, D_CODES);
    this.bltree.freq.fill(0, 0, BL_CODES);
    this.ltree.freq[END_BLOCK] = 1;
    this.optLen = this.staticLen = 0;
    this.symNext = this.matches = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Output bits and bytes

  private putByte(b: number): void {
    if (this.pendingOut + this.pendingLength >= this.pending.length) {
      const grown = new Uint8Array(this.pending.length * 2);
      grown.set(this.pending.subarray(this.pendingOut, this.pendingOut + this.pendingLength));
      this.pending = grown;
      this.pendingOut = 0;
    }
    this.pending[this.pendingOut + this.pendingLength++] = b;
  }

  private putShortMSB(b: number): void {
    this.putByte((b >>> 8) & 0xff);
    this.putByte(b & 0xff);
  }

  /** Sends `length` bits of `value`, least significant first (complete bytes go to pending). */
  private sendBits(value: number, length: number): void {
    this.biBuf |= value << this.biValid;
    this.biValid += length;
    while (this.biValid >= 8) {
      this.putByte(this.biBuf & 0xff);
      this.biBuf >>>= 8;
      this.biValid -= 8;
    }
  }

  /** Pads to a byte boundary. */
  private biWindup(): void {
    if (this.biValid > 0) this.putByte(this.biBuf & 0xff);
    this.biBuf = 0;
    this.biValid = 0;
  }

  /** Copies pending bytes to the output (as much as fits). */
  private flushPending(): void {
    let len = this.pendingLength;
    if (len > this.availOut) len = this.availOut;
    if (len === 0) return;
    this.out.set(this.pending.subarray(this.pendingOut, this.pendingOut + len), this.nextOut);
    this.nextOut += len;
    this.pendingOut += len;
    this.totalOut += len;
    this.availOut -= len;
    this.pendingLength -= len;
    if (this.pendingLength === 0) this.pendingOut = 0;
  }

  /** Reads up to `size` input bytes into buf at `at`, updating the check value. */
  private readBuf(buf: Uint8Array, at: number, size: number): number {
    let len = this.availIn;
    if (len > size) len = size;
    if (len === 0) return 0;
    const chunk = this.input.subarray(this.nextIn, this.nextIn + len);
    buf.set(chunk, at);
    if (this.wrap === 1) this.adler = adler32(chunk, this.adler);
    else if (this.wrap === 2) this.adler = crc32(chunk, this.adler);
    this.availIn -= len;
    this.nextIn += len;
    this.totalIn += len;
    return len;
  }

  // -------------------------------------------------------------------------------------------
  // deflate()

  private deflate(flush: number): number {
    if (flush > Z_BLOCK || flush < 0) return Z_STREAM_ERROR;
    if (this.status === FINISH_STATE && flush !== Z_FINISH) return Z_STREAM_ERROR;
    if (this.availOut === 0) return Z_BUF_ERROR;
    const oldFlush = this.lastFlush;
    this.lastFlush = flush;
    if (this.pendingLength !== 0) {
      this.flushPending();
      if (this.availOut === 0) {
        this.lastFlush = -1;
        return Z_OK;
      }
    } else if (this.availIn === 0 && rank(flush) <= rank(oldFlush) && flush !== Z_FINISH) {
      return Z_BUF_ERROR;
    }
    if (this.status === FINISH_STATE && this.availIn !== 0) return Z_BUF_ERROR;
    if (this.status === INIT_STATE && this.wrap === 0) this.status = BUSY_STATE;
    if (this.status === INIT_STATE) {
      let header = (8 + ((this.wBits - 8) << 4)) << 8;
      let levelFlags: number;
      if (this.strategy >= Z_HUFFMAN_ONLY || this.level < 2) levelFlags = 0;
      else if (this.level < 6) levelFlags = 1;
      else if (this.level === 6) levelFlags = 2;
      else levelFlags = 3;
      header |= levelFlags << 6;
      if (this.strstart !== 0) header |= 0x20; // a preset dictionary
      header += 31 - (header % 31);
      this.putShortMSB(header);
      if (this.strstart !== 0) {
        this.putShortMSB(this.adler >>> 16);
        this.putShortMSB(this.adler & 0xffff);
      }
      this.adler = 1;
      this.status = BUSY_STATE;
      this.flushPending();
      if (this.pendingLength !== 0) {
        this.lastFlush = -1;
        return Z_OK;
      }
    }
    if (this.status === GZIP_STATE) {
      this.adler = 0;
      for (const b of [31, 139, 8, 0, 0, 0, 0, 0]) this.putByte(b);
      this.putByte(this.level === 9 ? 2 : this.strategy >= Z_HUFFMAN_ONLY || this.level < 2 ? 4 : 0);
      this.putByte(3); // OS_CODE: Unix
      this.status = BUSY_STATE;
      this.flushPending();
      if (this.pendingLength !== 0) {
        this.lastFlush = -1;
        return Z_OK;
      }
    }
    if (
      this.availIn !== 0 || this.lookahead !== 0 || (flush !== Z_NO_FLUSH && this.status !== FINISH_STATE)
    ) {
      const bstate = this.level === 0
        ? this.deflateStored(flush)
        : this.strategy === Z_HUFFMAN_ONLY
        ? this.deflateHuff(flush)
        : this.strategy === Z_RLE
        ? this.deflateRle(flush)
        : CONFIG[this.level][4] === "fast"
        ? this.deflateFast(flush)
        : this.deflateSlow(flush);
      if (bstate === FINISH_STARTED || bstate === FINISH_DONE) this.status = FINISH_STATE;
      if (bstate === NEED_MORE || bstate === FINISH_STARTED) {
        if (this.availOut === 0) this.lastFlush = -1;
        return Z_OK;
      }
      if (bstate === BLOCK_DONE) {
        if (flush === Z_PARTIAL_FLUSH) {
          this.trAlign();
        } else if (flush !== Z_BLOCK) {
          this.trStoredBlock(null, 0, 0, false);
          if (flush === Z_FULL_FLUSH) {
            this.head.fill(0);
            if (this.lookahead === 0) {
              this.strstart = 0;
              this.blockStart = 0;
              this.insert = 0;
            }
          }
        }
        this.flushPending();
        if (this.availOut === 0) {
          this.lastFlush = -1;
          return Z_OK;
        }
      }
    }
    if (flush !== Z_FINISH) return Z_OK;
    if (this.wrap <= 0) return Z_STREAM_END;
    if (this.wrap === 2) {
      const a = this.adler, n = this.totalIn;
      for (const b of [a, a >>> 8, a >>> 16, a >>> 24, n, n / 256, n / 65536, n / 16777216]) {
        this.putByte(Math.floor(b) & 0xff);
      }
    } else {
      this.putShortMSB(this.adler >>> 16);
      this.putShortMSB(this.adler & 0xffff);
    }
    this.flushPending();
    if (this.wrap > 0) this.wrap = -this.wrap; // the trailer is written once
    return this.pendingLength !== 0 ? Z_OK : Z_STREAM_END;
  }

  // -------------------------------------------------------------------------------------------
  // The window

  private slideHash(): void {
    const wsize = this.wSize;
    const head = this.head, prev = this.prev;
    for (let n = 0; n < head.length; n++) {
      const m = head[n];
      head[n] = m >= wsize ? m - wsize : 0;
    }
    for (let n = 0; n < prev.length; n++) {
      const m = prev[n];
      prev[n] = m >= wsize ? m - wsize : 0;
    }
  }

  /** Reads input into the window (sliding it when needed) and primes the hash. */
  private fillWindow(): void {
    const wsize = this.wSize;
    do {
      let more = this.windowSize - this.lookahead - this.strstart;
      if (this.strstart >= wsize + (wsize - MIN_LOOKAHEAD)) {
        this.window.copyWithin(0, wsize, wsize + wsize - more);
        this.matchStart -= wsize;
        this.strstart -= wsize;
        this.blockStart -= wsize;
        if (this.insert > this.strstart) this.insert = this.strstart;
        this.slideHash();
        more += wsize;
      }
      if (this.availIn === 0) break;
      const n = this.readBuf(this.window, this.strstart + this.lookahead, more);
      this.lookahead += n;
      if (this.lookahead + this.insert >= MIN_MATCH) {
        let str = this.strstart - this.insert;
        this.insH = this.window[str];
        this.insH = ((this.insH << this.hashShift) ^ this.window[str + 1]) & this.hashMask;
        while (this.insert) {
          this.insH = ((this.insH << this.hashShift) ^ this.window[str + MIN_MATCH - 1]) & this.hashMask;
          this.prev[str & this.wMask] = this.head[this.insH];
          this.head[this.insH] = str;
          str++;
          this.insert--;
          if (this.lookahead + this.insert < MIN_MATCH) break;
        }
      }
    } while (this.lookahead < MIN_LOOKAHEAD && this.availIn !== 0);
    // Bytes beyond the data that were never written are zero here (zlib zeroes them explicitly).
    const curr = this.strstart + this.lookahead;
    if (this.highWater < curr) this.highWater = Math.min(this.windowSize, curr + MAX_MATCH);
    else if (this.highWater < curr + MAX_MATCH) this.highWater = Math.min(this.windowSize, curr + MAX_MATCH);
  }

  /** Inserts the string at `str` into the hash chains; returns the previous head. */
  private insertString(str: number): number {
    this.insH = ((this.insH << this.hashShift) ^ this.window[str + MIN_MATCH - 1]) & this.hashMask;
    const head = this.head[this.insH];
    this.prev[str & this.wMask] = head;
    this.head[this.insH] = str;
    return head;
  }

  /**
   * insertString for the `count` strings after `str` (those at or before maxInsert): the strings
   * inside a match, with the state in locals. Returns the last position (str + count).
   */
  private insertStrings(str: number, count: number, maxInsert: number): number {
    const window = this.window, head = this.head, prev = this.prev;
    const wMask = this.wMask, hashMask = this.hashMask, hashShift = this.hashShift;
    let h = this.insH;
    for (; count > 0; count--) {
      if (++str > maxInsert) continue;
      h = ((h << hashShift) ^ window[str + MIN_MATCH - 1]) & hashMask;
      prev[str & wMask] = head[h];
      head[h] = str;
    }
    this.insH = h;
    return str;
  }

  /** The longest match along the hash chain from curMatch (sets matchStart). */
  private longestMatch(curMatch: number): number {
    let chainLength = this.maxChainLength;
    const window = this.window;
    const scan = this.strstart;
    let bestLen = this.prevLength;
    let niceMatch = this.niceMatch;
    const maxDist = this.wSize - MIN_LOOKAHEAD;
    const limit = this.strstart > maxDist ? this.strstart - maxDist : 0;
    const prev = this.prev, wmask = this.wMask;
    let scanEnd1 = window[scan + bestLen - 1];
    let scanEnd = window[scan + bestLen];
    if (this.prevLength >= this.goodMatch) chainLength >>= 2;
    if (niceMatch > this.lookahead) niceMatch = this.lookahead;
    do {
      const match = curMatch;
      if (
        window[match + bestLen] !== scanEnd || window[match + bestLen - 1] !== scanEnd1 ||
        window[match] !== window[scan] || window[match + 1] !== window[scan + 1]
      ) continue;
      // The third bytes are equal when the first two and the hash are (zlib does not compare them).
      let len = 3;
      while (len < MAX_MATCH && window[scan + len] === window[match + len]) len++;
      if (len > bestLen) {
        this.matchStart = curMatch;
        bestLen = len;
        if (len >= niceMatch) break;
        scanEnd1 = window[scan + bestLen - 1];
        scanEnd = window[scan + bestLen];
      }
    } while ((curMatch = prev[curMatch & wmask]) > limit && --chainLength !== 0);
    return bestLen <= this.lookahead ? bestLen : this.lookahead;
  }

  // -------------------------------------------------------------------------------------------
  // The strategies

  private flushBlockOnly(last: boolean): void {
    this.trFlushBlock(this.blockStart >= 0 ? this.blockStart : -1, this.strstart - this.blockStart, last);
    this.blockStart = this.strstart;
    this.flushPending();
  }

  private tallyLit(c: number): boolean {
    const sym = this.symBuf;
    sym[this.symNext++] = 0;
    sym[this.symNext++] = 0;
    sym[this.symNext++] = c;
    this.ltree.freq[c]++;
    return this.symNext === this.symEnd;
  }

  private tallyDist(dist: number, len: number): boolean {
    const sym = this.symBuf;
    sym[this.symNext++] = dist & 0xff;
    sym[this.symNext++] = dist >>> 8;
    sym[this.symNext++] = len;
    dist--;
    this.ltree.freq[LENGTH_CODE[len] + LITERALS + 1]++;
    this.dtree.freq[distCode(dist)]++;
    return this.symNext === this.symEnd;
  }

  /** After the input is used up: the last block, or the flushed one. */
  private finishBlocks(flush: number): number {
    if (flush === Z_FINISH) {
      this.flushBlockOnly(true);
      return this.availOut === 0 ? FINISH_STARTED : FINISH_DONE;
    }
    if (this.symNext) {
      this.flushBlockOnly(false);
      if (this.availOut === 0) return NEED_MORE;
    }
    return BLOCK_DONE;
  }

  private deflateFast(flush: number): number {
    const maxDist = this.wSize - MIN_LOOKAHEAD;
    for (;;) {
      if (this.lookahead < MIN_LOOKAHEAD) {
        this.fillWindow();
        if (this.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH) return NEED_MORE;
        if (this.lookahead === 0) break;
      }
      let hashHead = 0;
      if (this.lookahead >= MIN_MATCH) hashHead = this.insertString(this.strstart);
      if (hashHead !== 0 && this.strstart - hashHead <= maxDist) {
        this.matchLength = this.longestMatch(hashHead);
      }
      let bflush: boolean;
      if (this.matchLength >= MIN_MATCH) {
        bflush = this.tallyDist(this.strstart - this.matchStart, this.matchLength - MIN_MATCH);
        this.lookahead -= this.matchLength;
        if (this.matchLength <= this.maxLazyMatch && this.lookahead >= MIN_MATCH) {
          this.strstart = this.insertStrings(this.strstart, this.matchLength - 1, Infinity) + 1;
          this.matchLength = 0;
        } else {
          this.strstart += this.matchLength;
          this.matchLength = 0;
          this.insH = this.window[this.strstart];
          this.insH = ((this.insH << this.hashShift) ^ this.window[this.strstart + 1]) & this.hashMask;
        }
      } else {
        bflush = this.tallyLit(this.window[this.strstart]);
        this.lookahead--;
        this.strstart++;
      }
      if (bflush) {
        this.flushBlockOnly(false);
        if (this.availOut === 0) return NEED_MORE;
      }
    }
    this.insert = this.strstart < MIN_MATCH - 1 ? this.strstart : MIN_MATCH - 1;
    return this.finishBlocks(flush);
  }

  private deflateSlow(flush: number): number {
    const maxDist = this.wSize - MIN_LOOKAHEAD;
    for (;;) {
      if (this.lookahead < MIN_LOOKAHEAD) {
        this.fillWindow();
        if (this.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH) return NEED_MORE;
        if (this.lookahead === 0) break;
      }
      let hashHead = 0;
      if (this.lookahead >= MIN_MATCH) hashHead = this.insertString(this.strstart);
      this.prevLength = this.matchLength;
      this.prevMatch = this.matchStart;
      this.matchLength = MIN_MATCH - 1;
      if (hashHead !== 0 && this.prevLength < this.maxLazyMatch && this.strstart - hashHead <= maxDist) {
        this.matchLength = this.longestMatch(hashHead);
        if (
          this.matchLength <= 5 &&
          (this.strategy === Z_FILTERED ||
            (this.matchLength === MIN_MATCH && this.strstart - this.matchStart > TOO_FAR))
        ) {
          this.matchLength = MIN_MATCH - 1;
        }
      }
      if (this.prevLength >= MIN_MATCH && this.matchLength <= this.prevLength) {
        const maxInsert = this.strstart + this.lookahead - MIN_MATCH;
        const bflush = this.tallyDist(this.strstart - 1 - this.prevMatch, this.prevLength - MIN_MATCH);
        this.lookahead -= this.prevLength - 1;
        this.strstart = this.insertStrings(this.strstart, this.prevLength - 2, maxInsert);
        this.prevLength = 0;
        this.matchAvailable = false;
        this.matchLength = MIN_MATCH - 1;
        this.strstart++;
        if (bflush) {
          this.flushBlockOnly(false);
          if (this.availOut === 0) return NEED_MORE;
        }
      } else if (this.matchAvailable) {
        const bflush = this.tallyLit(this.window[this.strstart - 1]);
        if (bflush) this.flushBlockOnly(false);
        this.strstart++;
        this.lookahead--;
        if (this.availOut === 0) return NEED_MORE;
      } else {
        this.matchAvailable = true;
        this.strstart++;
        this.lookahead--;
      }
    }
    if (this.matchAvailable) {
      this.tallyLit(this.window[this.strstart - 1]);
      this.matchAvailable = false;
    }
    this.insert = this.strstart < MIN_MATCH - 1 ? this.strstart : MIN_MATCH - 1;
    return this.finishBlocks(flush);
  }

  private deflateRle(flush: number): number {
    const window = this.window;
    for (;;) {
      if (this.lookahead <= MAX_MATCH) {
        this.fillWindow();
        if (this.lookahead <= MAX_MATCH && flush === Z_NO_FLUSH) return NEED_MORE;
        if (this.lookahead === 0) break;
      }
      this.matchLength = 0;
      if (this.lookahead >= MIN_MATCH && this.strstart > 0) {
        const s = this.strstart;
        const prev = window[s - 1];
        if (prev === window[s] && prev === window[s + 1] && prev === window[s + 2]) {
          let len = 3;
          while (len < MAX_MATCH && window[s + len] === prev) len++;
          this.matchLength = len > this.lookahead ? this.lookahead : len;
        }
      }
      let bflush: boolean;
      if (this.matchLength >= MIN_MATCH) {
        bflush = this.tallyDist(1, this.matchLength - MIN_MATCH);
        this.lookahead -= this.matchLength;
        this.strstart += this.matchLength;
        this.matchLength = 0;
      } else {
        bflush = this.tallyLit(window[this.strstart]);
        this.lookahead--;
        this.strstart++;
      }
      if (bflush) {
        this.flushBlockOnly(false);
        if (this.availOut === 0) return NEED_MORE;
      }
    }
    this.insert = 0;
    return this.finishBlocks(flush);
  }

  private deflateHuff(flush: number): number {
    for (;;) {
      if (this.lookahead === 0) {
        this.fillWindow();
        if (this.lookahead === 0) {
          if (flush === Z_NO_FLUSH) return NEED_MORE;
          break;
        }
      }
      this.matchLength = 0;
      const bflush = this.tallyLit(this.window[this.strstart]);
      this.lookahead--;
      this.strstart++;
      if (bflush) {
        this.flushBlockOnly(false);
        if (this.availOut === 0) return NEED_MORE;
      }
    }
    this.insert = 0;
    return this.finishBlocks(flush);
  }

  /** Level 0: stored blocks, copied straight to the output when it has room (zlib 1.2.12+). */
  private deflateStored(flush: number): number {
    let minBlock = Math.min(this.pendingBufSize - 5, this.wSize);
    let len: number, left: number, have: number;
    let last = false;
    let used = this.availIn;
    do {
      len = MAX_STORED;
      have = (this.biValid + 42) >> 3;
      if (this.availOut < have) break;
      have = this.availOut - have;
      left = this.strstart - this.blockStart;
      if (len > left + this.availIn) len = left + this.availIn;
      if (len > have) len = have;
      if (
        len < minBlock &&
        ((len === 0 && flush !== Z_FINISH) || flush === Z_NO_FLUSH || len !== left + this.availIn)
      ) break;
      last = flush === Z_FINISH && len === left + this.availIn;
      this.trStoredBlock(null, 0, 0, last);
      const p = this.pendingOut + this.pendingLength;
      this.pending[p - 4] = len & 0xff;
      this.pending[p - 3] = (len >>> 8) & 0xff;
      this.pending[p - 2] = ~len & 0xff;
      this.pending[p - 1] = (~len >>> 8) & 0xff;
      this.flushPending();
      if (left) {
        if (left > len) left = len;
        this.out.set(this.window.subarray(this.blockStart, this.blockStart + left), this.nextOut);
        this.nextOut += left;
        this.availOut -= left;
        this.totalOut += left;
        this.blockStart += left;
        len -= left;
      }
      if (len) {
        this.readBuf(this.out, this.nextOut, len);
        this.nextOut += len;
        this.availOut -= len;
        this.totalOut += len;
      }
    } while (!last);
    used -= this.availIn;
    if (used) {
      const consumed = this.input.subarray(this.nextIn - used, this.nextIn);
      if (used >= this.wSize) {
        this.matches = 2;
        this.window.set(consumed.subarray(used - this.wSize));
        this.strstart = this.wSize;
        this.insert = this.strstart;
      } else {
        if (this.windowSize - this.strstart <= used) {
          this.strstart -= this.wSize;
          this.window.copyWithin(0, this.wSize, this.wSize + this.strstart);
          if (this.matches < 2) this.matches++;
          if (this.insert > this.strstart) this.insert = this.strstart;
        }
        this.window.set(consumed, this.strstart);
        this.strstart += used;
        this.insert += Math.min(used, this.wSize - this.insert);
      }
      this.blockStart = this.strstart;
    }
    if (this.highWater < this.strstart) this.highWater = this.strstart;
    if (last) return FINISH_DONE;
    if (
      flush !== Z_NO_FLUSH && flush !== Z_FINISH && this.availIn === 0 && this.strstart === this.blockStart
    ) {
      return BLOCK_DONE;
    }
    have = this.windowSize - this.strstart;
    if (this.availIn > have && this.blockStart >= this.wSize) {
      this.blockStart -= this.wSize;
      this.strstart -= this.wSize;
      this.window.copyWithin(0, this.wSize, this.wSize + this.strstart);
      if (this.matches < 2) this.matches++;
      have += this.wSize;
      if (this.insert > this.strstart) this.insert = this.strstart;
    }
    if (have > this.availIn) have = this.availIn;
    if (have) {
      this.readBuf(this.window, this.strstart, have);
      this.strstart += have;
      this.insert += Math.min(have, this.wSize - this.insert);
    }
    if (this.highWater < this.strstart) this.highWater = this.strstart;
    have = (this.biValid + 42) >> 3;
    have = Math.min(this.pendingBufSize - have, MAX_STORED);
    minBlock = Math.min(have, this.wSize);
    left = this.strstart - this.blockStart;
    if (
      left >= minBlock ||
      ((left || flush === Z_FINISH) && flush !== Z_NO_FLUSH && this.availIn === 0 && left <= have)
    ) {
      len = Math.min(left, have);
      last = flush === Z_FINISH && this.availIn === 0 && len === left;
      this.trStoredBlock(this.window, this.blockStart, len, last);
      this.blockStart += len;
      this.flushPending();
    }
    return last ? FINISH_STARTED : NEED_MORE;
  }

  // -------------------------------------------------------------------------------------------
  // Blocks (zlib's trees.c)

  private trStoredBlock(buf: Uint8Array | null, at: number, storedLen: number, last: boolean): void {
    this.sendBits((STORED_BLOCK << 1) + (last ? 1 : 0), 3);
    this.biWindup();
    this.putByte(storedLen & 0xff);
    this.putByte((storedLen >>> 8) & 0xff);
    this.putByte(~storedLen & 0xff);
    this.putByte((~storedLen >>> 8) & 0xff);
    for (let i = 0; i < storedLen; i++) this.putByte(buf![at + i]);
  }

  private trAlign(): void {
    this.sendBits(STATIC_TREES << 1, 3);
    this.sendBits(STATIC_LTREE_CODE[END_BLOCK], STATIC_LTREE_LEN[END_BLOCK]);
  }

  /** Ends a block: stored, fixed or dynamic, whichever is smallest (`at` -1: data not in the window). */
  private trFlushBlock(at: number, storedLen: number, last: boolean): void {
    let optLenb: number, staticLenb: number;
    let maxBlindex = 0;
    if (this.level > 0) {
      this.buildTree(this.ltree);
      this.buildTree(this.dtree);
      maxBlindex = this.buildBlTree();
      optLenb = Math.floor((this.optLen + 3 + 7) / 8);
      staticLenb = Math.floor((this.staticLen + 3 + 7) / 8);
      if (staticLenb <= optLenb || this.strategy === Z_FIXED) optLenb = staticLenb;
    } else {
      optLenb = staticLenb = storedLen + 5;
    }
    if (storedLen + 4 <= optLenb && at !== -1) {
      this.trStoredBlock(this.window, at, storedLen, last);
    } else if (staticLenb === optLenb) {
      this.sendBits((STATIC_TREES << 1) + (last ? 1 : 0), 3);
      this.compressBlock(STATIC_LTREE_CODE, STATIC_LTREE_LEN, STATIC_DTREE_CODE, STATIC_DTREE_LEN);
    } else {
      this.sendBits((DYN_TREES << 1) + (last ? 1 : 0), 3);
      this.sendAllTrees(this.ltree.maxCode + 1, this.dtree.maxCode + 1, maxBlindex + 1);
      this.compressBlock(this.ltree.freq, this.ltree.len, this.dtree.freq, this.dtree.len);
    }
    this.initBlock();
    if (last) this.biWindup();
  }

  private compressBlock(lcode: Uint16Array, llen: Uint16Array, dcode: Uint16Array, dlen: Uint16Array): void {
    const sym = this.symBuf;
    let sx = 0;
    while (sx < this.symNext) {
      let dist = sym[sx++];
      dist += sym[sx++] << 8;
      let lc = sym[sx++];
      if (dist === 0) {
        this.sendBits(lcode[lc], llen[lc]);
      } else {
        let code = LENGTH_CODE[lc];
        this.sendBits(lcode[code + LITERALS + 1], llen[code + LITERALS + 1]);
        let extra = EXTRA_LBITS[code];
        if (extra !== 0) {
          lc -= BASE_LENGTH[code];
          this.sendBits(lc, extra);
        }
        dist--;
        code = distCode(dist);
        this.sendBits(dcode[code], dlen[code]);
        extra = EXTRA_DBITS[code];
        if (extra !== 0) {
          dist -= BASE_DIST[code];
          this.sendBits(dist, extra);
        }
      }
    }
    this.sendBits(lcode[END_BLOCK], llen[END_BLOCK]);
  }

  /** Whether node n sorts before node m in the heap (frequency, then depth). */
  private smaller(tree: Tree, n: number, m: number): boolean {
    const fn = tree.freq[n], fm = tree.freq[m];
    return fn < fm || (fn === fm && this.depth[n] <= this.depth[m]);
  }

  private pqdownheap(tree: Tree, k: number): void {
    const heap = this.heap;
    const v = heap[k];
    let j = k << 1;
    while (j <= this.heapLen) {
      if (j < this.heapLen && this.smaller(tree, heap[j + 1], heap[j])) j++;
      if (this.smaller(tree, v, heap[j])) break;
      heap[k] = heap[j];
      k = j;
      j <<= 1;
    }
    heap[k] = v;
  }

  private genBitlen(tree: Tree): void {
    const freq = tree.freq, len = tree.len; // len holds the parent until it becomes the length
    const maxCode = tree.maxCode;
    const stree = tree.staticLen;
    const extra = tree.extraBits, base = tree.extraBase, maxLength = tree.maxLength;
    const blCount = this.blCount;
    const heap = this.heap;
    let overflow = 0;
    blCount.fill(0);
    len[heap[this.heapMax]] = 0;
    let h: number;
    for (h = this.heapMax + 1; h < HEAP_SIZE; h++) {
      const n = heap[h];
      let bits = len[len[n]] + 1;
      if (bits > maxLength) {
        bits = maxLength;
        overflow++;
      }
      len[n] = bits;
      if (n > maxCode) continue;
      blCount[bits]++;
      let xbits = 0;
      if (n >= base) xbits = extra[n - base];
      const f = freq[n];
      this.optLen += f * (bits + xbits);
      if (stree !== null) this.staticLen += f * (stree[n] + xbits);
    }
    if (overflow === 0) return;
    do {
      let bits = maxLength - 1;
      while (blCount[bits] === 0) bits--;
      blCount[bits]--;
      blCount[bits + 1] += 2;
      blCount[maxLength]--;
      overflow -= 2;
    } while (overflow > 0);
    for (let bits = maxLength; bits !== 0; bits--) {
      let n = blCount[bits];
      while (n !== 0) {
        const m = heap[--h];
        if (m > maxCode) continue;
        if (len[m] !== bits) {
          this.optLen += (bits - len[m]) * freq[m];
          len[m] = bits;
        }
        n--;
      }
    }
  }

  private buildTree(tree: Tree): void {
    const freq = tree.freq, len = tree.len;
    const stree = tree.staticLen;
    const elems = tree.elems;
    const heap = this.heap;
    let maxCode = -1;
    this.heapLen = 0;
    this.heapMax = HEAP_SIZE;
    for (let n = 0; n < elems; n++) {
      if (freq[n] !== 0) {
        heap[++this.heapLen] = maxCode = n;
        this.depth[n] = 0;
      } else {
        len[n] = 0;
      }
    }
    // At least two codes of non-zero frequency, so that at least one bit is always sent.
    while (this.heapLen < 2) {
      const node = heap[++this.heapLen] = maxCode < 2 ? ++maxCode : 0;
      freq[node] = 1;
      this.depth[node] = 0;
      this.optLen--;
      if (stree !== null) this.staticLen -= stree[node];
    }
    tree.maxCode = maxCode;
    for (let n = this.heapLen >> 1; n >= 1; n--) this.pqdownheap(tree, n);
    let node = elems;
    do {
      const n = heap[1];
      heap[1] = heap[this.heapLen--];
      this.pqdownheap(tree, 1);
      const m = heap[1];
      heap[--this.heapMax] = n;
      heap[--this.heapMax] = m;
      freq[node] = freq[n] + freq[m];
      this.depth[node] = (this.depth[n] >= this.depth[m] ? this.depth[n] : this.depth[m]) + 1;
      len[n] = len[m] = node;
      heap[1] = node++;
      this.pqdownheap(tree, 1);
    } while (this.heapLen >= 2);
    heap[--this.heapMax] = heap[1];
    this.genBitlen(tree);
    genCodes(freq, len, maxCode, this.blCount);
  }

  /** Counts the code-length codes a tree's lengths will take (zlib's scan_tree). */
  private scanTree(tree: Tree, maxCode: number): void {
    const len = tree.len;
    const bl = this.bltree.freq;
    let prevlen = -1;
    let nextlen = len[0];
    let count = 0;
    let maxCount = 7, minCount = 4;
    if (nextlen === 0) {
      maxCount = 138;
      minCount = 3;
    }
    len[maxCode + 1] = 0xffff; // guard
    for (let n = 0; n <= maxCode; n++) {
      const curlen = nextlen;
      nextlen = len[n + 1];
      if (++count < maxCount && curlen === nextlen) continue;
      else if (count < minCount) bl[curlen] += count;
      else if (curlen !== 0) {
        if (curlen !== prevlen) bl[curlen]++;
        bl[REP_3_6]++;
      } else if (count <= 10) bl[REPZ_3_10]++;
      else bl[REPZ_11_138]++;
      count = 0;
      prevlen = curlen;
      if (nextlen === 0) {
        maxCount = 138;
        minCount = 3;
      } else if (curlen === nextlen) {
        maxCount = 6;
        minCount = 3;
      } else {
        maxCount = 7;
        minCount = 4;
      }
    }
  }

  /** Sends a tree's lengths in code-length codes (zlib's send_tree). */
  private sendTree(tree: Tree, maxCode: number): void {
    const len = tree.len;
    const blCode = this.bltree.freq, blLen = this.bltree.len;
    const send = (c: number) => this.sendBits(blCode[c], blLen[c]);
    let prevlen = -1;
    let nextlen = len[0];
    let count = 0;
    let maxCount = 7, minCount = 4;
    if (nextlen === 0) {
      maxCount = 138;
      minCount = 3;
    }
    for (let n = 0; n <= maxCode; n++) {
      const curlen = nextlen;
      nextlen = len[n + 1];
      if (++count < maxCount && curlen === nextlen) continue;
      else if (count < minCount) {
        do send(curlen); while (--count !== 0);
      } else if (curlen !== 0) {
        if (curlen !== prevlen) {
          send(curlen);
          count--;
        }
        send(REP_3_6);
        this.sendBits(count - 3, 2);
      } else if (count <= 10) {
        send(REPZ_3_10);
        this.sendBits(count - 3, 3);
      } else {
        send(REPZ_11_138);
        this.sendBits(count - 11, 7);
      }
      count = 0;
      prevlen = curlen;
      if (nextlen === 0) {
        maxCount = 138;
        minCount = 3;
      } else if (curlen === nextlen) {
        maxCount = 6;
        minCount = 3;
      } else {
        maxCount = 7;
        minCount = 4;
      }
    }
  }

  private buildBlTree(): number {
    this.scanTree(this.ltree, this.ltree.maxCode);
    this.scanTree(this.dtree, this.dtree.maxCode);
    this.buildTree(this.bltree);
    let maxBlindex: number;
    for (maxBlindex = BL_CODES - 1; maxBlindex >= 3; maxBlindex--) {
      if (this.bltree.len[BL_ORDER[maxBlindex]] !== 0) break;
    }
    this.optLen += 3 * (maxBlindex + 1) + 5 + 5 + 4;
    return maxBlindex;
  }

  private sendAllTrees(lcodes: number, dcodes: number, blcodes: number): void {
    this.sendBits(lcodes - 257, 5);
    this.sendBits(dcodes - 1, 5);
    this.sendBits(blcodes - 4, 4);
    for (let rank = 0; rank < blcodes; rank++) this.sendBits(this.bltree.len[BL_ORDER[rank]], 3);
    this.sendTree(this.ltree, lcodes - 1);
    this.sendTree(this.dtree, dcodes - 1);
  }
}

/** zlib's order of flush strengths (Z_BLOCK between Z_NO_FLUSH and Z_PARTIAL_FLUSH). */
function rank(f: number): number {
  return f * 2 - (f > 4 ? 9 : 0);
}

/** The sizes of the output blocks after the first, as CPython's output buffer grows. */
export const OUTPUT_BLOCK_SIZES = [
  32 * 1024,
  64 * 1024,
  256 * 1024,
  1024 * 1024,
  4 * 1024 * 1024,
  8 * 1024 * 1024,
  16 * 1024 * 1024,
  16 * 1024 * 1024,
  32 * 1024 * 1024,
  32 * 1024 * 1024,
  32 * 1024 * 1024,
  32 * 1024 * 1024,
  64 * 1024 * 1024,
  64 * 1024 * 1024,
  128 * 1024 * 1024,
  128 * 1024 * 1024,
  256 * 1024 * 1024,
];

/** The bytes of several chunks, one after another. */
export function concat(chunks: Uint8Array[]): Uint8Array {
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
