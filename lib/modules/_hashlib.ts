/**
 * The `_hashlib` module of CPython 3.11 (OpenSSL there), under lib/python/hashlib.py: message
 * digests → hash objects (`_hashlib.HASH`, and `_hashlib.HASHXOF` for the SHAKE functions) with
 * update / digest / hexdigest / copy, the constructors `openssl_md5` … `openssl_shake_256` and
 * `new(name)`, `pbkdf2_hmac`, `scrypt`, `compare_digest`, the set of algorithm names, and HMAC
 * (`hmac_new` → `_hashlib.HMAC`, `hmac_digest`) under lib/python/hmac.py. Names are matched as
 * CPython matches them: Python's names exactly, OpenSSL's (and its aliases) in any case.
 *
 * The digests are computed by Deno's node:crypto (the same algorithms, natively), which is loaded
 * at the first hash made (`process.getBuiltinModule`), not at start-up. BLAKE2 with its
 * parameters is lib/modules/_blake2.ts.
 *
 * @example
 * ```ts
 * import { makeHashlibModule } from "./_hashlib.ts";
 * const m = makeHashlibModule();
 * ```
 * @module
 */
import {
  bindArgs,
  defGetSet,
  defMethod,
  Exc,
  frozensetType,
  newSet,
  newTuple,
  None,
  PyBaseException,
  PyBuiltinFunction,
  PyBytes,
  PyDict,
  PyFloat,
  type PyModule,
  PyObject,
  PyStrObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import { asIndex, objectId, repr } from "../../objects/ops.ts";
import { memoryError } from "../../objects/heap_guard.ts";
import { installNew, newClass } from "../../objects/types/type.ts";
import { buildModule, moduleType } from "./_native.ts";

// ---------------------------------------------------------------------------------------------
// node:crypto, loaded at first use

/** The part of node:crypto's Hash this module (and _blake2.ts) uses. */
export interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
  copy(options?: { outputLength: number }): NodeHash;
}

/** The part of node:crypto this module uses. */
interface NodeCrypto {
  createHash(algorithm: string, options?: { outputLength: number }): NodeHash;
  createHmac(algorithm: string, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } };
  pbkdf2Sync(
    password: Uint8Array,
    salt: Uint8Array,
    iterations: number,
    keylen: number,
    digest: string,
  ): Uint8Array;
  scryptSync(
    password: Uint8Array,
    salt: Uint8Array,
    keylen: number,
    options: { N: number; r: number; p: number; maxmem: number },
  ): Uint8Array;
}

let nodeCrypto: NodeCrypto | null = null;

/** node:crypto, loaded at the first call. */
export function crypto(): NodeCrypto {
  if (nodeCrypto === null) {
    const process =
      (globalThis as unknown as { process: { getBuiltinModule(name: string): unknown } }).process;
    nodeCrypto = process.getBuiltinModule("node:crypto") as NodeCrypto;
  }
  return nodeCrypto;
}

// ---------------------------------------------------------------------------------------------
// Algorithms

/** A digest algorithm: its Python name, node:crypto's name, sizes, and whether it is a XOF. */
interface Algorithm {
  name: string;
  node: string;
  digestSize: number;
  blockSize: number;
  xof: boolean;
}

/** Every algorithm, by Python name (the set CPython's OpenSSL build offers). */
const ALGORITHMS = new Map<string, Algorithm>();
for (
  const [name, node, digestSize, blockSize] of [
    ["md5", "md5", 16, 64],
    ["sha1", "sha1", 20, 64],
    ["sha224", "sha224", 28, 64],
    ["sha256", "sha256", 32, 64],
    ["sha384", "sha384", 48, 128],
    ["sha512", "sha512", 64, 128],
    ["sha512_224", "sha512-224", 28, 128],
    ["sha512_256", "sha512-256", 32, 128],
    ["sha3_224", "sha3-224", 28, 144],
    ["sha3_256", "sha3-256", 32, 136],
    ["sha3_384", "sha3-384", 48, 104],
    ["sha3_512", "sha3-512", 64, 72],
    ["shake_128", "shake128", 0, 168],
    ["shake_256", "shake256", 0, 136],
    ["ripemd160", "ripemd160", 20, 64],
    ["sm3", "sm3", 32, 64],
    ["md5-sha1", "md5-sha1", 36, 64],
  ] as const
) {
  ALGORITHMS.set(name, { name, node, digestSize, blockSize, xof: name.startsWith("shake") });
}

const BLAKE2B: Algorithm = {
  name: "blake2b",
  node: "blake2b512",
  digestSize: 64,
  blockSize: 128,
  xof: false,
};
const BLAKE2S: Algorithm = { name: "blake2s", node: "blake2s256", digestSize: 32, blockSize: 64, xof: false };

/**
 * Python names: matched exactly (case matters), as CPython's own table of them (with two upper
 * case spellings CPython's OpenSSL also takes, though in no other case).
 */
const PYTHON_NAMES = new Map<string, Algorithm>([
  ...ALGORITHMS,
  ["blake2b", BLAKE2B],
  ["blake2s", BLAKE2S],
  ["SHA512_224", ALGORITHMS.get("sha512_224")!],
  ["SHA512_256", ALGORITHMS.get("sha512_256")!],
]);

/** OpenSSL's names (and aliases) for each digest, matched in any case, as OpenSSL matches them. */
const OPENSSL_NAMES = new Map<string, Algorithm>();
for (
  const [python, names] of [
    ["md5", "md5 ssl3-md5"],
    ["sha1", "sha1 sha-1 ssl3-sha1"],
    ["sha224", "sha224 sha-224 sha2-224"],
    ["sha256", "sha256 sha-256 sha2-256"],
    ["sha384", "sha384 sha-384 sha2-384"],
    ["sha512", "sha512 sha-512 sha2-512"],
    ["sha512_224", "sha512-224 sha-512/224 sha2-512/224"],
    ["sha512_256", "sha512-256 sha-512/256 sha2-512/256"],
    ["sha3_224", "sha3-224"],
    ["sha3_256", "sha3-256"],
    ["sha3_384", "sha3-384"],
    ["sha3_512", "sha3-512"],
    ["shake_128", "shake128 shake-128"],
    ["shake_256", "shake256 shake-256"],
    ["ripemd160", "ripemd160 ripemd ripemd-160 rmd160"],
    ["sm3", "sm3"],
    ["md5-sha1", "md5-sha1"],
    ["blake2b", "blake2b512 blake2b-512"],
    ["blake2s", "blake2s256 blake2s-256"],
  ] as const
) {
  for (const name of names.split(" ")) OPENSSL_NAMES.set(name, PYTHON_NAMES.get(python)!);
}

/** The digest a name means: a Python name, or one of OpenSSL's in any case. */
function lookupAlgorithm(name: string): Algorithm | undefined {
  return PYTHON_NAMES.get(name) ?? OPENSSL_NAMES.get(name.toLowerCase());
}

/** Digests node:crypto's pbkdf2Sync refuses although OpenSSL (and so CPython) takes them. */
const PBKDF2_BY_HAND = new Set(["blake2b512", "blake2s256"]);

/** PBKDF2 (RFC 8018) with HMAC over node:crypto's hash states, for PBKDF2_BY_HAND. */
function pbkdf2ByHand(
  algorithm: Algorithm,
  password: Uint8Array,
  salt: Uint8Array,
  rounds: number,
  length: number,
): Uint8Array {
  const block = algorithm.blockSize;
  const key = new Uint8Array(block);
  key.set(password.length > block ? newState(algorithm).update(password).digest() : password);
  const inner = newState(algorithm).update(key.map((b) => b ^ 0x36));
  const outer = newState(algorithm).update(key.map((b) => b ^ 0x5c));
  const hmac = (data: Uint8Array) => outer.copy().update(inner.copy().update(data).digest()).digest();
  const out = new Uint8Array(length);
  const first = new Uint8Array(salt.length + 4);
  first.set(salt);
  for (let index = 1, at = 0; at < length; index++, at += algorithm.digestSize) {
    new DataView(first.buffer).setUint32(salt.length, index);
    let u = hmac(first);
    const t = Uint8Array.from(u);
    for (let r = 1; r < rounds; r++) {
      u = hmac(u);
      for (let k = 0; k < t.length; k++) t[k] ^= u[k];
    }
    out.set(t.subarray(0, Math.min(t.length, length - at)), at);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// HMAC (RFC 2104) over node:crypto hash states, which can be copied (node's Hmac cannot)

/** A running HMAC: the inner hash (key ^ ipad, then the message) and the outer (key ^ opad). */
class HmacState {
  constructor(readonly algorithm: Algorithm, readonly inner: NodeHash, readonly outer: NodeHash) {}

  static create(algorithm: Algorithm, key: Uint8Array): HmacState {
    const block = algorithm.blockSize;
    const padded = new Uint8Array(block);
    padded.set(key.length > block ? newState(algorithm).update(key).digest() : key);
    const inner = newState(algorithm).update(padded.map((b) => b ^ 0x36));
    const outer = newState(algorithm).update(padded.map((b) => b ^ 0x5c));
    return new HmacState(algorithm, inner, outer);
  }

  digest(): Uint8Array {
    return new Uint8Array(this.outer.copy().update(this.inner.copy().digest()).digest());
  }

  copy(): HmacState {
    return new HmacState(this.algorithm, this.inner.copy(), this.outer.copy());
  }
}

/** A `_hashlib.HMAC`. */
class PyHmac extends PyObject {
  declare state: HmacState;
  constructor(cls: PyType, state: HmacState) {
    super();
    this.cls = cls;
    this.dict = null;
    this.state = state;
  }
}

// ---------------------------------------------------------------------------------------------
// Hash objects

/** A `_hashlib.HASH` (or HASHXOF): an algorithm and node:crypto's running state. */
class PyHash extends PyObject {
  declare algorithm: Algorithm;
  declare state: NodeHash;
  constructor(cls: PyType, algorithm: Algorithm, state: NodeHash) {
    super();
    this.cls = cls;
    this.dict = null;
    this.algorithm = algorithm;
    this.state = state;
  }
}

/** The bytes a hash is updated with: bytes-like; a str is refused with CPython's message. */
export function hashData(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  if (typeof v === "string" || v instanceof PyStrObject) {
    raise(Exc.TypeError, "Strings must be encoded before hashing");
  }
  return raise(Exc.TypeError, "object supporting the buffer API required");
}

/** A fresh node:crypto state for an algorithm (a XOF gets an explicit length: node warns otherwise). */
function newState(algorithm: Algorithm): NodeHash {
  return algorithm.xof
    ? crypto().createHash(algorithm.node, { outputLength: 32 })
    : crypto().createHash(algorithm.node);
}

/** The digest so far (the state stays usable). */
function digestOf(h: PyHash, length = h.algorithm.digestSize): Uint8Array {
  if (h.algorithm.xof) {
    return length === 0 ? new Uint8Array(0) : h.state.copy({ outputLength: length }).digest();
  }
  return h.state.copy().digest();
}

const HEX = "0123456789abcdef";

/** Lowercase hex of bytes. */
export function hexOf(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return s;
}

/** The bytes of a bytes-like argument (keys, salts, passwords). */
function bytesArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

function sizeArg(v: PyValue): number {
  if (v instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
  const n = asIndex(v);
  return typeof n === "bigint" ? (n < 0n ? -Infinity : Infinity) : n;
}

/** compare_digest(a, b): equality in time independent of where they differ. */
export function compareDigest(a: PyValue, b: PyValue): boolean {
  const strA = typeof a === "string" ? a : a instanceof PyStrObject ? a.value : null;
  const strB = typeof b === "string" ? b : b instanceof PyStrObject ? b.value : null;
  let x: Uint8Array, y: Uint8Array;
  if (strA !== null && strB !== null) {
    for (const s of [strA, strB]) {
      for (let i = 0; i < s.length; i++) {
        if (s.charCodeAt(i) > 127) {
          raise(Exc.TypeError, "comparing strings with non-ASCII characters is not supported");
        }
      }
    }
    x = Uint8Array.from(strA, (c) => c.charCodeAt(0));
    y = Uint8Array.from(strB, (c) => c.charCodeAt(0));
  } else {
    if (!(a instanceof PyBytes) && !(b instanceof PyBytes)) {
      raise(
        Exc.TypeError,
        `unsupported operand types(s) or combination of types: '${typeOf(a).name}' and '${typeOf(b).name}'`,
      );
    }
    x = bytesArg(a);
    y = bytesArg(b);
  }
  // The time taken depends on the length of b only (a of another length is compared as b itself).
  const left = x.length === y.length ? x : y;
  let diff = x.length === y.length ? 0 : 1;
  for (let i = 0; i < y.length; i++) diff |= left[i] ^ y[i];
  return diff === 0;
}

/** _hashlib.UnsupportedDigestmodError with OpenSSL's message. */
function unsupportedError(errorClass: PyType): never {
  const e = new PyBaseException(errorClass, newTuple(["[digital envelope routines] unsupported"]));
  e.dict = new PyDict();
  throw e;
}

/** Builds the `_hashlib` module (its types are made here, on first import). */
export function makeHashlibModule(): PyModule {
  const hashType = moduleType("_hashlib", "HASH", undefined, 0);
  const xofType = moduleType("_hashlib", "HASHXOF", hashType, 0);
  for (const t of [hashType, xofType]) {
    t.tp_new = (cls) => raise(Exc.TypeError, `cannot create '${cls.name}' instances`);
    installNew(t);
  }
  const errorNs = new PyDict();
  errorNs.setStr("__module__", "_hashlib");
  const unsupported = newClass(typeType, "UnsupportedDigestmodError", [Exc.ValueError], errorNs);

  const self = (v: PyValue): PyHash => {
    if (!(v instanceof PyHash)) {
      raise(Exc.TypeError, `descriptor requires a '_hashlib.HASH' object but received a '${typeOf(v).name}'`);
    }
    return v;
  };
  // The algorithm of an HMAC's digestmod: a name or one of the openssl_* constructors.
  const constructorAlgorithms = new Map<unknown, Algorithm>();
  const hmacAlgorithm = (digestmod: PyValue): Algorithm => {
    const name = typeof digestmod === "string"
      ? digestmod
      : digestmod instanceof PyStrObject
      ? digestmod.value
      : null;
    const algorithm = name !== null
      ? lookupAlgorithm(name)
      : digestmod instanceof PyBuiltinFunction
      ? constructorAlgorithms.get(digestmod.fn)
      : undefined;
    if (algorithm === undefined) {
      if (name !== null) unsupportedError(unsupported);
      const e = new PyBaseException(unsupported, newTuple([`Unsupported digestmod ${repr(digestmod)}`]));
      e.dict = new PyDict();
      throw e;
    }
    // OpenSSL's HMAC refuses the extendable-output functions, without a reason.
    if (algorithm.xof) raise(Exc.ValueError, "no reason supplied");
    return algorithm;
  };
  const hmacType = moduleType("_hashlib", "HMAC", undefined, 0);
  hmacType.tp_new = () => raise(Exc.TypeError, "cannot create '_hashlib.HMAC' instances");
  installNew(hmacType);
  const hmacSelf = (v: PyValue): PyHmac => {
    if (!(v instanceof PyHmac)) {
      raise(Exc.TypeError, `descriptor requires a '_hashlib.HMAC' object but received a '${typeOf(v).name}'`);
    }
    return v;
  };
  defMethod(hmacType, "update", (args, kwnames) => {
    const [msg] = bindArgs("update", args.slice(1), kwnames, ["msg"], 1, 1);
    hmacSelf(args[0]).state.inner.update(hashData(msg!));
    return None;
  });
  defMethod(hmacType, "copy", (args) => new PyHmac(hmacType, hmacSelf(args[0]).state.copy()));
  defMethod(hmacType, "digest", (args) => new PyBytes(hmacSelf(args[0]).state.digest()));
  defMethod(hmacType, "hexdigest", (args) => hexOf(hmacSelf(args[0]).state.digest()));
  defMethod(hmacType, "__repr__", (args) => {
    const h = hmacSelf(args[0]);
    return `<${h.state.algorithm.name} HMAC object @ 0x${objectId(h).toString(16)}>`;
  });
  defGetSet(hmacType, "name", (v) => `hmac-${hmacSelf(v).state.algorithm.name}`);
  defGetSet(hmacType, "digest_size", (v) => hmacSelf(v).state.algorithm.digestSize);
  defGetSet(hmacType, "block_size", (v) => hmacSelf(v).state.algorithm.blockSize);

  const make = (algorithm: Algorithm, data: PyValue | undefined): PyHash => {
    const h = new PyHash(algorithm.xof ? xofType : hashType, algorithm, newState(algorithm));
    if (data !== undefined) h.state.update(hashData(data));
    return h;
  };

  defMethod(hashType, "update", (args, kwnames) => {
    const [data] = bindArgs("update", args.slice(1), kwnames, ["obj"], 1, 1);
    self(args[0]).state.update(hashData(data!));
    return None;
  });
  defMethod(hashType, "copy", (args) => {
    const h = self(args[0]);
    return new PyHash(h.cls, h.algorithm, h.state.copy());
  });
  defMethod(hashType, "digest", (args, kwnames) => {
    bindArgs("digest", args.slice(1), kwnames, [], 0);
    return new PyBytes(digestOf(self(args[0])));
  });
  defMethod(hashType, "hexdigest", (args, kwnames) => {
    bindArgs("hexdigest", args.slice(1), kwnames, [], 0);
    return hexOf(digestOf(self(args[0])));
  });
  const xofLength = (v: PyValue): number => {
    const n = sizeArg(v);
    if (n < 0 || n >= 2 ** 31) memoryError();
    return n;
  };
  defMethod(xofType, "digest", (args, kwnames) => {
    const [length] = bindArgs("digest", args.slice(1), kwnames, ["length"], 1);
    // CPython 3.11 hands a negative length straight to PyBytes_FromStringAndSize
    if (sizeArg(length!) < 0) raise(Exc.SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    return new PyBytes(digestOf(self(args[0]), xofLength(length!)));
  });
  defMethod(xofType, "hexdigest", (args, kwnames) => {
    const [length] = bindArgs("hexdigest", args.slice(1), kwnames, ["length"], 1);
    return hexOf(digestOf(self(args[0]), xofLength(length!)));
  });
  defGetSet(hashType, "name", (v) => self(v).algorithm.name);
  defGetSet(hashType, "digest_size", (v) => self(v).algorithm.digestSize);
  defGetSet(hashType, "block_size", (v) => self(v).algorithm.blockSize);
  defMethod(hashType, "__repr__", (args) => {
    const h = self(args[0]);
    return `<${h.algorithm.name} ${typeOf(h).module}.${typeOf(h).name} object @ 0x${
      objectId(h).toString(16)
    }>`;
  });

  const constructors: Record<string, (args: PyValue[], kwnames: string[] | null) => PyValue> = {};
  for (const algorithm of ALGORITHMS.values()) {
    if (algorithm.name === "ripemd160" || algorithm.name === "sm3" || algorithm.name === "md5-sha1") continue;
    const fname = `openssl_${algorithm.name}`;
    constructors[fname] = (args, kwnames) => {
      const [data] = bindArgs(fname, args, kwnames, ["string", "usedforsecurity"], 0);
      return make(algorithm, data);
    };
    constructorAlgorithms.set(constructors[fname], algorithm);
  }

  return buildModule("_hashlib", "OpenSSL interface for hashlib module", {
    ...constructors,
    new: (args, kwnames) => {
      const [name, data] = bindArgs("new", args, kwnames, ["name", "string", "usedforsecurity"], 1);
      const text = typeof name === "string" ? name : name instanceof PyStrObject ? name.value : null;
      if (text === null) raise(Exc.TypeError, `new() argument 'name' must be str, not ${typeOf(name!).name}`);
      const algorithm = lookupAlgorithm(text);
      if (algorithm === undefined) unsupportedError(unsupported);
      return make(algorithm, data);
    },
    pbkdf2_hmac: (args, kwnames) => {
      const [name, password, salt, iterations, dklen] = bindArgs(
        "pbkdf2_hmac",
        args,
        kwnames,
        ["hash_name", "password", "salt", "iterations", "dklen"],
        4,
      );
      const text = typeof name === "string" ? name : name instanceof PyStrObject ? name.value : null;
      if (text === null) {
        raise(Exc.TypeError, `pbkdf2_hmac() argument 'hash_name' must be str, not ${typeOf(name!).name}`);
      }
      const pw = bytesArg(password!), saltBytes = bytesArg(salt!);
      const rounds = sizeArg(iterations!);
      if (rounds < 1) raise(Exc.ValueError, "iteration value must be greater than 0.");
      if (rounds > 0xffffffff) raise(Exc.OverflowError, "iteration value is too great.");
      const algorithm = lookupAlgorithm(text);
      if (algorithm === undefined || algorithm.xof) unsupportedError(unsupported);
      let length = algorithm.digestSize;
      if (dklen !== undefined && dklen !== None) {
        length = sizeArg(dklen);
        if (length < 1) raise(Exc.ValueError, "key length must be greater than 0.");
        if (length > 0x7fffffff) raise(Exc.OverflowError, "key length is too great.");
      }
      const key = PBKDF2_BY_HAND.has(algorithm.node)
        ? pbkdf2ByHand(algorithm, pw, saltBytes, rounds, length)
        : crypto().pbkdf2Sync(pw, saltBytes, rounds, length, algorithm.node);
      return new PyBytes(new Uint8Array(key));
    },
    scrypt: (args, kwnames) => {
      const [password, salt, n, r, p, maxmem, dklen] = bindArgs(
        "scrypt",
        args,
        kwnames,
        ["password", "salt", "n", "r", "p", "maxmem", "dklen"],
        1,
        1,
      );
      const pw = bytesArg(password!);
      if (salt === undefined || salt === None) raise(Exc.TypeError, "salt is required");
      if (n === undefined || n === None || r === undefined || r === None || p === undefined || p === None) {
        raise(Exc.TypeError, "n, r and p are required");
      }
      const cost = sizeArg(n!);
      if (cost < 2 || (cost & (cost - 1)) !== 0) raise(Exc.ValueError, "n must be a power of 2.");
      const blockSize = sizeArg(r!), parallel = sizeArg(p!);
      const memory = maxmem === undefined ? 0 : sizeArg(maxmem);
      if (memory < 0 || memory > 0x7fffffff) {
        raise(Exc.ValueError, "maxmem must be positive and smaller than 2147483647");
      }
      const length = dklen === undefined ? 64 : sizeArg(dklen);
      if (length < 1 || length > 0x7fffffff) {
        raise(Exc.ValueError, "dklen must be greater than 0 and smaller than 2147483647");
      }
      try {
        return new PyBytes(
          new Uint8Array(
            crypto().scryptSync(pw, bytesArg(salt!), length, {
              N: cost,
              r: blockSize,
              p: parallel,
              maxmem: memory === 0 ? 32 * 1024 * 1024 + 128 * cost * blockSize * 2 : memory,
            }),
          ),
        );
      } catch (e) {
        if (e instanceof PyBaseException) throw e;
        return raise(Exc.ValueError, "Invalid parameter combination for n, r, p, maxmem.");
      }
    },
    compare_digest: (args, kwnames) => {
      const [a, b] = bindArgs("compare_digest", args, kwnames, ["a", "b"], 2, 2);
      return compareDigest(a!, b!);
    },
    hmac_new: (args, kwnames) => {
      const [key, msg, digestmod] = bindArgs("hmac_new", args, kwnames, ["key", "msg", "digestmod"], 1);
      const keyBytes = bytesArg(key!);
      if (digestmod === undefined) raise(Exc.TypeError, "Missing required parameter 'digestmod'.");
      const h = new PyHmac(hmacType, HmacState.create(hmacAlgorithm(digestmod), keyBytes));
      if (msg !== undefined && msg !== None) h.state.inner.update(hashData(msg));
      return h;
    },
    hmac_digest: (args, kwnames) => {
      const [key, msg, digest] = bindArgs("hmac_digest", args, kwnames, ["key", "msg", "digest"], 3);
      const keyBytes = bytesArg(key!), msgBytes = bytesArg(msg!);
      const algorithm = hmacAlgorithm(digest!);
      let out: Uint8Array;
      try {
        out = crypto().createHmac(algorithm.node, keyBytes).update(msgBytes).digest();
      } catch {
        // node:crypto's HMAC lacks a few digests its hashes have (sm3, md5-sha1)
        const state = HmacState.create(algorithm, keyBytes);
        state.inner.update(msgBytes);
        out = state.digest();
      }
      return new PyBytes(new Uint8Array(out));
    },
    get_fips_mode: () => 0,
  }, {
    HASH: hashType,
    HASHXOF: xofType,
    HMAC: hmacType,
    UnsupportedDigestmodError: unsupported,
    openssl_md_meth_names: newSet([...ALGORITHMS.keys(), "blake2b", "blake2s"], frozensetType),
  });
}
