/**
 * The `_random` module of CPython 3.11 (C there), under lib/python/random.py: `Random`, the
 * Mersenne Twister MT19937 generator → `random()` (53-bit floats from two 32-bit outputs),
 * `getrandbits(k)` for any k, `seed(n)` (an int seeds through init_by_array with the 32-bit words
 * of |n|; anything else through its hash; None from the OS's entropy), `getstate`/`setstate`
 * (624 words and the position). Also `_sha512(data)`, the SHA-512 digest random.seed needs for
 * str and bytes seeds (pyjit has no hashlib), and `_urandom(n)` bytes from the OS.
 *
 * @example
 * ```ts
 * import { makeRandomModule } from "./_random.ts";
 * const m = makeRandomModule();
 * ```
 * @module
 */
import {
  Exc,
  None,
  PyBytes,
  PyDict,
  PyFloat,
  type PyModule,
  PyObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { exactHash, intValueOf, isIntValue } from "../../objects/ops.ts";
import { bytesLike } from "../../objects/types/bytes.ts";
import { installNew } from "../../objects/types/type.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";
import { defFastMethod, defMethod } from "../../objects/object.ts";
import { memoryError } from "../../objects/heap_guard.ts";

const N = 624;
const M = 397;

/** A generator's state: 624 words and the index of the next one to use. */
class PyRandom extends PyObject {
  declare mt: Uint32Array;
  declare index: number;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    this.dict = cls.hasInstanceDict ? new PyDict() : null;
    this.mt = new Uint32Array(N);
    this.index = N + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// MT19937 (Matsumoto & Nishimura, 1998)

function initGenrand(r: PyRandom, s: number): void {
  const mt = r.mt;
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  r.index = N;
}

/** Seeds from an array of 32-bit words (the reference init_by_array). */
function initByArray(r: PyRandom, key: Uint32Array): void {
  initGenrand(r, 19650218);
  const mt = r.mt;
  let i = 1, j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  r.index = N;
}

/** Refills the 624 words (the twist). */
function twist(r: PyRandom): void {
  const mt = r.mt;
  for (let kk = 0; kk < N; kk++) {
    const y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
    mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) !== 0 ? 0x9908b0df : 0);
  }
  r.index = 0;
}

/** The next 32-bit output. */
function genrandUint32(r: PyRandom): number {
  if (r.index >= N) twist(r);
  let y = r.mt[r.index++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** A float in [0, 1) with 53 random bits. */
function randomFloat(r: PyRandom): number {
  const a = genrandUint32(r) >>> 5, b = genrandUint32(r) >>> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/** An int with k random bits (words filled least significant first). */
function getrandbits(r: PyRandom, k: number): number | bigint {
  if (k <= 32) return k === 0 ? 0 : genrandUint32(r) >>> (32 - k);
  if (k <= 53) {
    const low = genrandUint32(r);
    const high = genrandUint32(r) >>> (64 - k);
    return high * 4294967296 + low;
  }
  // V8's BigInts hold at most 2**30 bits: past that CPython's int would be MemoryError here.
  if (k > 2 ** 30) memoryError();
  // The words as hex digits, most significant first, read in one BigInt() (OR-ing each word in
  // at its shift copies the growing int each time: minutes for a large k).
  const words: string[] = [];
  for (let left = k; left > 0; left -= 32) {
    let word = genrandUint32(r);
    if (left < 32) word >>>= 32 - left;
    words.push(word.toString(16).padStart(8, "0"));
  }
  words.reverse();
  return BigInt("0x" + words.join(""));
}

/** The 32-bit words of |n|, least significant first (one zero word for 0). */
function wordsOf(n: number | bigint): Uint32Array {
  let big = typeof n === "bigint" ? n : BigInt(n);
  if (big < 0n) big = -big;
  const words: number[] = [];
  while (big > 0n) {
    words.push(Number(big & 0xffffffffn));
    big >>= 32n;
  }
  if (words.length === 0) words.push(0);
  return Uint32Array.from(words);
}

/** seed(arg): an exact int by its absolute value, None from the OS, anything else by its hash. */
function seedFrom(r: PyRandom, arg: PyValue): void {
  if (arg === None) {
    const key = new Uint32Array(N);
    crypto.getRandomValues(key);
    initByArray(r, key);
    return;
  }
  if (typeof arg === "number" || typeof arg === "bigint") {
    initByArray(r, wordsOf(arg));
    return;
  }
  // the hash as an unsigned 64-bit number, as C's (size_t) cast gives it
  initByArray(r, wordsOf(BigInt.asUintN(64, exactHash(arg))));
}

// ---------------------------------------------------------------------------------------------
// SHA-512 (FIPS 180-4), for random.seed's str and bytes seeds

const MASK64 = (1n << 64n) - 1n;
let sha512Constants: { k: bigint[]; h: bigint[] } | null = null;

/** floor(x ** (1/root)) for a non-negative bigint x. */
function integerRoot(x: bigint, root: bigint): bigint {
  if (x < 2n) return x;
  let guess = 1n << (BigInt(x.toString(2).length) / root + 1n);
  for (;;) {
    const next = ((root - 1n) * guess + x / guess ** (root - 1n)) / root;
    if (next >= guess) return guess;
    guess = next;
  }
}

/** The first 64 bits of the fractional parts of the square and cube roots of the first primes. */
function constants(): { k: bigint[]; h: bigint[] } {
  if (sha512Constants !== null) return sha512Constants;
  const primes: bigint[] = [];
  for (let n = 2n; primes.length < 80; n++) {
    if (primes.every((p) => n % p !== 0n)) primes.push(n);
  }
  const k = primes.map((p) => integerRoot(p << 192n, 3n) & MASK64);
  const h = primes.slice(0, 8).map((p) => integerRoot(p << 128n, 2n) & MASK64);
  sha512Constants = { k, h };
  return sha512Constants;
}

const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & MASK64;

/** The SHA-512 digest of data. */
export function sha512(data: Uint8Array): Uint8Array {
  const { k, h: initial } = constants();
  const bitLength = BigInt(data.length) * 8n;
  const padded = new Uint8Array(Math.ceil((data.length + 17) / 128) * 128);
  padded.set(data);
  padded[data.length] = 0x80;
  for (let i = 0; i < 16; i++) {
    padded[padded.length - 1 - i] = Number((bitLength >> BigInt(8 * i)) & 0xffn);
  }
  const h = initial.slice();
  const w: bigint[] = new Array(80).fill(0n);
  for (let block = 0; block < padded.length; block += 128) {
    for (let t = 0; t < 16; t++) {
      let word = 0n;
      for (let b = 0; b < 8; b++) word = (word << 8n) | BigInt(padded[block + t * 8 + b]);
      w[t] = word;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK64;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const sum1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const choose = (e & f) ^ (~e & MASK64 & g);
      const t1 = (hh + sum1 + choose + k[t] + w[t]) & MASK64;
      const sum0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (sum0 + majority) & MASK64;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & MASK64;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK64;
    }
    const next = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] + next[i]) & MASK64;
  }
  const out = new Uint8Array(64);
  for (let i = 0; i < 8; i++) {
    for (let b = 0; b < 8; b++) out[i * 8 + b] = Number((h[i] >> BigInt(56 - 8 * b)) & 0xffn);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The module

/** Builds the `_random` module (its Random type is made here, on first import). */
export function makeRandomModule(): PyModule {
  const randomType = moduleType("_random", "Random");

  const self = (v: PyValue, name: string): PyRandom => {
    if (!(v instanceof PyRandom)) {
      raise(
        Exc.TypeError,
        `descriptor '${name}' for '_random.Random' objects doesn't apply to a '${typeOf(v).name}' object`,
      );
    }
    return v;
  };

  randomType.tp_new = (cls, args, kwnames) => {
    const r = new PyRandom(cls);
    if (cls === randomType) {
      if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, "Random() takes no keyword arguments");
      if (args.length > 1) raise(Exc.TypeError, "Random() requires 0 or 1 argument");
      seedFrom(r, args.length === 1 ? args[0] : None);
    } else {
      seedFrom(r, None); // a subclass's __init__ seeds it
    }
    return r;
  };
  installNew(randomType);

  defMethod(randomType, "random", (args, kwnames) => {
    expectArgs("random", args.slice(1), kwnames, 0, 0);
    return new PyFloat(randomFloat(self(args[0], "random")));
  });
  defFastMethod(randomType, "random", (r) => new PyFloat(randomFloat(self(r, "random"))), null);
  defMethod(randomType, "seed", (args, kwnames) => {
    expectArgs("seed", args.slice(1), kwnames, 0, 1);
    seedFrom(self(args[0], "seed"), args.length > 1 ? args[1] : None);
    return None;
  });
  defMethod(randomType, "getrandbits", (args, kwnames) => {
    expectArgs("getrandbits", args.slice(1), kwnames, 1, 1);
    const r = self(args[0], "getrandbits");
    const k = intValueOf(args[1]);
    if (k === undefined) {
      raise(Exc.TypeError, `'${typeOf(args[1]).name}' object cannot be interpreted as an integer`);
    }
    if (k < 0) raise(Exc.ValueError, "number of bits must be non-negative");
    return getrandbits(r, Number(k));
  });
  defMethod(randomType, "getstate", (args, kwnames) => {
    expectArgs("getstate", args.slice(1), kwnames, 0, 0);
    const r = self(args[0], "getstate");
    return new PyTuple([...Array.from(r.mt), r.index]);
  });
  defMethod(randomType, "setstate", (args, kwnames) => {
    expectArgs("setstate", args.slice(1), kwnames, 1, 1);
    const r = self(args[0], "setstate");
    const state = args[1];
    if (!(state instanceof PyTuple)) raise(Exc.TypeError, "state vector must be a tuple");
    if (state.items.length !== N + 1) raise(Exc.ValueError, "state vector is the wrong size");
    const words = state.items.map((v) => {
      if (!isIntValue(v)) raise(Exc.TypeError, "an integer is required");
      return intValueOf(v)!;
    });
    const index = words[N];
    if (index < 0 || index > N) raise(Exc.ValueError, "invalid state");
    for (let i = 0; i < N; i++) r.mt[i] = Number(BigInt.asUintN(32, BigInt(words[i])));
    r.index = Number(index);
    return None;
  });

  return buildModule("_random", "Module implements the Mersenne Twister random number generator.", {
    _sha512: (args, kwnames) => {
      expectArgs("_sha512", args, kwnames, 1, 1);
      return new PyBytes(sha512(bytesLike(args[0], "")));
    },
    _urandom: (args, kwnames) => {
      expectArgs("_urandom", args, kwnames, 1, 1);
      const n = Number(intValueOf(args[0]) ?? 0);
      if (n < 0) raise(Exc.ValueError, "negative argument not allowed");
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
      return new PyBytes(out);
    },
  }, { Random: randomType });
}
