/**
 * The `_blake2` module of CPython 3.11 (C there), under lib/python/hashlib.py: BLAKE2b and
 * BLAKE2s (RFC 7693) with every parameter of the BLAKE2 specification — digest_size, key, salt,
 * person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node — as the hash
 * types `blake2b` and `blake2s` (update / digest / hexdigest / copy, name, digest_size,
 * block_size), with CPython's argument errors.
 *
 * The unkeyed, full-length instances with default parameters (by far the most used) are
 * node:crypto's blake2b512 / blake2s256; every other one is computed here, node:crypto having
 * only those. BLAKE2b's 64-bit words are kept as pairs of 32-bit halves.
 *
 * @example
 * ```ts
 * import { Blake2 } from "./_blake2.ts";
 * const h = new Blake2(false, { digestSize: 32 });
 * h.update(new TextEncoder().encode("abc"));
 * console.log(h.digest().length); // 32
 * ```
 * @module
 */
import {
  bindArgs,
  defAttr,
  defGetSet,
  defMethod,
  Exc,
  None,
  PyBytes,
  PyDict,
  PyFloat,
  type PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { asIndex, isTrue } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { buildModule, moduleType } from "./_native.ts";
import { crypto, hashData, hexOf, type NodeHash } from "./_hashlib.ts";

/** The message schedule of each round. */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/** The initial values (those of SHA-512 and SHA-256), BLAKE2b's as [low, high] 32-bit halves. */
const IV_S = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const IV_B = new Uint32Array([
  0xf3bcc908,
  0x6a09e667,
  0x84caa73b,
  0xbb67ae85,
  0xfe94f82b,
  0x3c6ef372,
  0x5f1d36f1,
  0xa54ff53a,
  0xade682d1,
  0x510e527f,
  0x2b3e6c1f,
  0x9b05688c,
  0xfb41bd6b,
  0x1f83d9ab,
  0x137e2179,
  0x5be0cd19,
]);

/** The parameters of a BLAKE2 instance (the specification's parameter block). */
export interface Blake2Params {
  digestSize: number;
  key?: Uint8Array;
  salt?: Uint8Array;
  person?: Uint8Array;
  fanout?: number;
  depth?: number;
  leafSize?: number;
  nodeOffset?: bigint;
  nodeDepth?: number;
  innerSize?: number;
  lastNode?: boolean;
}

/** A running BLAKE2 computation: this module's own (Blake2) or node:crypto's (NodeBlake2). */
interface Blake2State {
  readonly blockSize: number;
  readonly digestSize: number;
  update(data: Uint8Array): void;
  /** The digest of everything so far (the state is left as it was). */
  digest(): Uint8Array;
  copy(): Blake2State;
}

/** Whether node:crypto computes this instance: full length, no key, every parameter default. */
function nodeComputes(wide: boolean, p: Blake2Params): boolean {
  const zero = (b: Uint8Array | undefined) => b === undefined || b.every((x) => x === 0);
  return p.digestSize === (wide ? 64 : 32) && (p.key === undefined || p.key.length === 0) &&
    zero(p.salt) && zero(p.person) && (p.fanout ?? 1) === 1 && (p.depth ?? 1) === 1 &&
    (p.leafSize ?? 0) === 0 && (p.nodeOffset ?? 0n) === 0n && (p.nodeDepth ?? 0) === 0 &&
    (p.innerSize ?? 0) === 0 && !(p.lastNode ?? false);
}

/** BLAKE2b-512 / BLAKE2s-256 with default parameters, by node:crypto. */
class NodeBlake2 implements Blake2State {
  readonly blockSize: number;
  readonly digestSize: number;
  constructor(wide: boolean, readonly hash: NodeHash) {
    this.blockSize = wide ? 128 : 64;
    this.digestSize = wide ? 64 : 32;
  }

  static create(wide: boolean): NodeBlake2 {
    return new NodeBlake2(wide, crypto().createHash(wide ? "blake2b512" : "blake2s256"));
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  digest(): Uint8Array {
    return new Uint8Array(this.hash.copy().digest());
  }

  copy(): NodeBlake2 {
    return new NodeBlake2(this.blockSize === 128, this.hash.copy());
  }
}

/** A running BLAKE2b (`wide`) or BLAKE2s computation. */
export class Blake2 implements Blake2State {
  readonly wide: boolean;
  readonly blockSize: number;
  readonly digestSize: number;
  readonly lastNode: boolean;
  /** The chaining value: 8 words (BLAKE2b: 16 halves). */
  h: Uint32Array;
  /** The bytes not yet compressed (the last block is kept until the end). */
  buffer: Uint8Array;
  buffered = 0;
  /** Bytes compressed so far (a double: exact well beyond any input). */
  counter = 0;

  constructor(wide: boolean, params: Blake2Params) {
    this.wide = wide;
    this.blockSize = wide ? 128 : 64;
    this.digestSize = params.digestSize;
    this.lastNode = params.lastNode ?? false;
    this.buffer = new Uint8Array(this.blockSize);
    const block = new Uint8Array(wide ? 64 : 32);
    const view = new DataView(block.buffer);
    const key = params.key ?? new Uint8Array(0);
    block[0] = params.digestSize;
    block[1] = key.length;
    block[2] = params.fanout ?? 1;
    block[3] = params.depth ?? 1;
    view.setUint32(4, params.leafSize ?? 0, true);
    const offset = params.nodeOffset ?? 0n;
    if (wide) {
      view.setBigUint64(8, offset, true);
      block[16] = params.nodeDepth ?? 0;
      block[17] = params.innerSize ?? 0;
      block.set(params.salt ?? [], 32);
      block.set(params.person ?? [], 48);
    } else {
      view.setUint32(8, Number(offset & 0xffffffffn), true);
      view.setUint16(12, Number(offset >> 32n), true);
      block[14] = params.nodeDepth ?? 0;
      block[15] = params.innerSize ?? 0;
      block.set(params.salt ?? [], 16);
      block.set(params.person ?? [], 24);
    }
    const words = new Uint32Array(wide ? 16 : 8);
    for (let i = 0; i < words.length; i++) {
      words[i] = (wide ? IV_B[i] : IV_S[i]) ^ view.getUint32(4 * i, true);
    }
    this.h = words;
    if (key.length > 0) {
      const first = new Uint8Array(this.blockSize);
      first.set(key);
      this.update(first);
    }
  }

  /** A copy with the same state. */
  copy(): Blake2 {
    const c = Object.create(Blake2.prototype) as Blake2;
    Object.assign(c, this);
    c.h = this.h.slice();
    c.buffer = this.buffer.slice();
    return c;
  }

  update(data: Uint8Array): void {
    let i = 0;
    const n = data.length;
    const size = this.blockSize;
    while (i < n) {
      if (this.buffered === size) {
        this.counter += size;
        this.compress(this.buffer, 0, false);
        this.buffered = 0;
      }
      // Whole blocks straight from the input while more input follows them.
      if (this.buffered === 0) {
        while (n - i > size) {
          this.counter += size;
          this.compress(data, i, false);
          i += size;
        }
      }
      const take = Math.min(size - this.buffered, n - i);
      this.buffer.set(data.subarray(i, i + take), this.buffered);
      this.buffered += take;
      i += take;
    }
  }

  /** The digest of everything so far (the state is left as it was). */
  digest(): Uint8Array {
    const saved = this.copy();
    saved.counter += saved.buffered;
    saved.buffer.fill(0, saved.buffered);
    saved.compress(saved.buffer, 0, true);
    const out = new Uint8Array(this.digestSize);
    for (let i = 0; i < this.digestSize; i++) out[i] = (saved.h[i >> 2] >>> (8 * (i & 3))) & 0xff;
    return out;
  }

  private compress(block: Uint8Array, at: number, last: boolean): void {
    if (this.wide) this.compressB(block, at, last);
    else this.compressS(block, at, last);
  }

  private compressS(block: Uint8Array, at: number, last: boolean): void {
    const m = new Uint32Array(16);
    for (let i = 0; i < 16; i++) {
      const j = at + 4 * i;
      m[i] = block[j] | (block[j + 1] << 8) | (block[j + 2] << 16) | (block[j + 3] << 24);
    }
    const v = new Uint32Array(16);
    v.set(this.h);
    v.set(IV_S, 8);
    v[12] ^= this.counter >>> 0;
    v[13] ^= Math.floor(this.counter / 4294967296) >>> 0;
    if (last) {
      v[14] = ~v[14];
      if (this.lastNode) v[15] = ~v[15];
    }
    const g = (a: number, b: number, c: number, d: number, x: number, y: number) => {
      v[a] = v[a] + v[b] + x;
      v[d] = rotr32(v[d] ^ v[a], 16);
      v[c] = v[c] + v[d];
      v[b] = rotr32(v[b] ^ v[c], 12);
      v[a] = v[a] + v[b] + y;
      v[d] = rotr32(v[d] ^ v[a], 8);
      v[c] = v[c] + v[d];
      v[b] = rotr32(v[b] ^ v[c], 7);
    };
    for (let r = 0; r < 10; r++) {
      const s = SIGMA[r];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) this.h[i] ^= v[i] ^ v[i + 8];
  }

  private compressB(block: Uint8Array, at: number, last: boolean): void {
    // 16 words of 64 bits, each as [low, high] at 2i, 2i + 1.
    const m = new Uint32Array(32);
    for (let i = 0; i < 32; i++) {
      const j = at + 4 * i;
      m[i] = block[j] | (block[j + 1] << 8) | (block[j + 2] << 16) | (block[j + 3] << 24);
    }
    const v = new Uint32Array(32);
    v.set(this.h);
    v.set(IV_B, 16);
    v[24] ^= this.counter >>> 0;
    v[25] ^= Math.floor(this.counter / 4294967296) >>> 0;
    if (last) {
      v[28] = ~v[28];
      v[29] = ~v[29];
      if (this.lastNode) {
        v[30] = ~v[30];
        v[31] = ~v[31];
      }
    }
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10];
      g64(v, m, 0, 8, 16, 24, s[0], s[1]);
      g64(v, m, 2, 10, 18, 26, s[2], s[3]);
      g64(v, m, 4, 12, 20, 28, s[4], s[5]);
      g64(v, m, 6, 14, 22, 30, s[6], s[7]);
      g64(v, m, 0, 10, 20, 30, s[8], s[9]);
      g64(v, m, 2, 12, 22, 24, s[10], s[11]);
      g64(v, m, 4, 14, 16, 26, s[12], s[13]);
      g64(v, m, 6, 8, 18, 28, s[14], s[15]);
    }
    for (let i = 0; i < 16; i++) this.h[i] ^= v[i] ^ v[i + 16];
  }
}

function rotr32(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/**
 * v[a] += v[b] + m[x] on 64-bit words stored as halves at a, a + 1 (x a word index). The sums
 * are truncated to 32 bits (int arithmetic, no doubles); a carry shows as a smaller sum.
 */
function add3(v: Uint32Array, a: number, b: number, mLo: number, mHi: number): void {
  const aLo = v[a];
  const lo = (aLo + v[b]) >>> 0;
  let hi = (v[a + 1] + v[b + 1] + (lo < aLo ? 1 : 0)) >>> 0;
  const lo2 = (lo + mLo) >>> 0;
  hi = (hi + mHi + (lo2 < lo ? 1 : 0)) >>> 0;
  v[a] = lo2;
  v[a + 1] = hi;
}

/** BLAKE2b's G on 64-bit halves: rotations by 32, 24, 16 and 63. */
function g64(
  v: Uint32Array,
  m: Uint32Array,
  a: number,
  b: number,
  c: number,
  d: number,
  x: number,
  y: number,
): void {
  add3(v, a, b, m[2 * x], m[2 * x + 1]);
  // d = rotr64(d ^ a, 32): swap the halves
  let dLo = v[d] ^ v[a], dHi = v[d + 1] ^ v[a + 1];
  v[d] = dHi;
  v[d + 1] = dLo;
  addInto(v, c, d);
  // b = rotr64(b ^ c, 24)
  let bLo = v[b] ^ v[c], bHi = v[b + 1] ^ v[c + 1];
  v[b] = (bLo >>> 24) | (bHi << 8);
  v[b + 1] = (bHi >>> 24) | (bLo << 8);
  add3(v, a, b, m[2 * y], m[2 * y + 1]);
  // d = rotr64(d ^ a, 16)
  dLo = v[d] ^ v[a];
  dHi = v[d + 1] ^ v[a + 1];
  v[d] = (dLo >>> 16) | (dHi << 16);
  v[d + 1] = (dHi >>> 16) | (dLo << 16);
  addInto(v, c, d);
  // b = rotr64(b ^ c, 63) = rotl64(b ^ c, 1)
  bLo = v[b] ^ v[c];
  bHi = v[b + 1] ^ v[c + 1];
  v[b] = (bHi >>> 31) | (bLo << 1);
  v[b + 1] = (bLo >>> 31) | (bHi << 1);
}

/** v[a] += v[b] on 64-bit halves. */
function addInto(v: Uint32Array, a: number, b: number): void {
  const aLo = v[a];
  const lo = (aLo + v[b]) >>> 0;
  v[a + 1] = (v[a + 1] + v[b + 1] + (lo < aLo ? 1 : 0)) >>> 0;
  v[a] = lo;
}

// ---------------------------------------------------------------------------------------------
// The Python types

/** A `_blake2.blake2b` or `blake2s` object. */
class PyBlake2 extends PyObject {
  declare state: Blake2State;
  constructor(cls: PyType, state: Blake2State) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.state = state;
  }
}

const ARG_NAMES = [
  "data",
  "digest_size",
  "key",
  "salt",
  "person",
  "fanout",
  "depth",
  "leaf_size",
  "node_offset",
  "node_depth",
  "inner_size",
  "last_node",
  "usedforsecurity",
];

function bytesArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

function intArg(v: PyValue): number | bigint {
  if (v instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
  return asIndex(v);
}

/** An int argument that must be in [lo, hi] (ValueError `message` otherwise). */
function rangeArg(v: PyValue | undefined, fallback: number, lo: number, hi: number, message: string): number {
  if (v === undefined) return fallback;
  const n = intArg(v);
  if (n < lo || n > hi) raise(Exc.ValueError, message);
  return Number(n);
}

/** The parameters of blake2b(...) / blake2s(...), checked as CPython checks them. */
function parseParams(
  name: string,
  wide: boolean,
  args: PyValue[],
  kwnames: string[] | null,
): [PyValue | undefined, Blake2Params] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (args.length - nkw > 1) {
    raise(Exc.TypeError, `${name}() takes at most 1 positional argument (${args.length - nkw} given)`);
  }
  const a = bindArgs(name, args, kwnames, ARG_NAMES, 0, 1);
  const maxDigest = wide ? 64 : 32, maxSalt = wide ? 16 : 8;
  const digestSize = rangeArg(
    a[1],
    maxDigest,
    1,
    maxDigest,
    `digest_size must be between 1 and ${maxDigest} bytes`,
  );
  const key = a[2] === undefined ? undefined : bytesArg(a[2]);
  if (key !== undefined && key.length > maxDigest) {
    raise(Exc.ValueError, `maximum key length is ${maxDigest} bytes`);
  }
  const salt = a[3] === undefined ? undefined : bytesArg(a[3]);
  if (salt !== undefined && salt.length > maxSalt) {
    raise(Exc.ValueError, `maximum salt length is ${maxSalt} bytes`);
  }
  const person = a[4] === undefined ? undefined : bytesArg(a[4]);
  if (person !== undefined && person.length > maxSalt) {
    raise(Exc.ValueError, `maximum person length is ${maxSalt} bytes`);
  }
  const fanout = rangeArg(a[5], 1, 0, 255, "fanout must be between 0 and 255");
  const depth = rangeArg(a[6], 1, 1, 255, "depth must be between 1 and 255");
  let leafSize = 0;
  if (a[7] !== undefined) {
    const n = intArg(a[7]);
    if (n < 0) raise(Exc.ValueError, "value must be positive");
    if (n > 0xffffffff) raise(Exc.OverflowError, "leaf_size is too large");
    leafSize = Number(n);
  }
  let nodeOffset = 0n;
  if (a[8] !== undefined) {
    const n = BigInt(intArg(a[8]));
    if (n < 0n) raise(Exc.ValueError, "value must be positive");
    if (n >= 1n << 64n) raise(Exc.OverflowError, "int too big to convert");
    if (!wide && n >= 1n << 48n) raise(Exc.OverflowError, "node_offset is too large");
    nodeOffset = n;
  }
  const nodeDepth = rangeArg(a[9], 0, 0, 255, "node_depth must be between 0 and 255");
  const innerSize = rangeArg(a[10], 0, 0, maxDigest, `inner_size must be between 0 and is ${maxDigest}`);
  const lastNode = a[11] === undefined ? false : isTrue(a[11]);
  return [a[0], {
    digestSize,
    key,
    salt,
    person,
    fanout,
    depth,
    leafSize,
    nodeOffset,
    nodeDepth,
    innerSize,
    lastNode,
  }];
}

/** Builds the `_blake2` module (its two types are made here, on first import). */
export function makeBlake2Module(): PyModule {
  const makeType = (name: string, wide: boolean): PyType => {
    const t = moduleType("_blake2", name, undefined, 0);
    t.tp_new = (cls, args, kwnames) => {
      const [data, params] = parseParams(name, wide, args, kwnames);
      const state = nodeComputes(wide, params) ? NodeBlake2.create(wide) : new Blake2(wide, params);
      const h = new PyBlake2(cls, state);
      if (data !== undefined) h.state.update(hashData(data));
      return h;
    };
    installNew(t);
    const self = (v: PyValue): PyBlake2 => {
      if (!(v instanceof PyBlake2)) {
        raise(
          Exc.TypeError,
          `descriptor requires a '_blake2.${name}' object but received a '${typeOf(v).name}'`,
        );
      }
      return v;
    };
    defMethod(t, "update", (args, kwnames) => {
      const [data] = bindArgs("update", args.slice(1), kwnames, ["data"], 1, 1);
      self(args[0]).state.update(hashData(data!));
      return None;
    });
    defMethod(t, "copy", (args) => {
      const h = self(args[0]);
      return new PyBlake2(typeOf(h), h.state.copy());
    });
    defMethod(t, "digest", (args) => new PyBytes(self(args[0]).state.digest()));
    defMethod(t, "hexdigest", (args) => hexOf(self(args[0]).state.digest()));
    defGetSet(t, "name", () => name);
    defGetSet(t, "digest_size", (v) => self(v).state.digestSize);
    defGetSet(t, "block_size", (v) => self(v).state.blockSize);
    defAttr(t, "SALT_SIZE", wide ? 16 : 8);
    defAttr(t, "PERSON_SIZE", wide ? 16 : 8);
    defAttr(t, "MAX_KEY_SIZE", wide ? 64 : 32);
    defAttr(t, "MAX_DIGEST_SIZE", wide ? 64 : 32);
    return t;
  };
  return buildModule("_blake2", "_blake2b provides BLAKE2b for hashlib\n", {}, {
    blake2b: makeType("blake2b", true),
    blake2s: makeType("blake2s", false),
    BLAKE2B_SALT_SIZE: 16,
    BLAKE2B_PERSON_SIZE: 16,
    BLAKE2B_MAX_KEY_SIZE: 64,
    BLAKE2B_MAX_DIGEST_SIZE: 64,
    BLAKE2S_SALT_SIZE: 8,
    BLAKE2S_PERSON_SIZE: 8,
    BLAKE2S_MAX_KEY_SIZE: 32,
    BLAKE2S_MAX_DIGEST_SIZE: 32,
  });
}
