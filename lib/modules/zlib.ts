/**
 * The `zlib` module of CPython 3.11 (C there, over zlib 1.2.13): `compress` / `decompress`,
 * `compressobj` / `decompressobj` (the `Compress` and `Decompress` types: streaming, flush modes,
 * `unused_data`, `unconsumed_tail`, `eof`, `copy`), `adler32`, `crc32`, `error`, the constants.
 * The streams are zlib_deflate.ts and zlib_inflate.ts, which produce zlib's own bytes; this file
 * drives them as CPython's zlibmodule.c drives zlib (the same loops, output buffer sizes, error
 * texts).
 *
 * @example
 * ```ts
 * import { makeZlibModule } from "./zlib.ts";
 * const m = makeZlibModule();
 * ```
 * @module
 */
import {
  bindArgs,
  defGetSet,
  defMethod,
  Exc,
  newTuple,
  None,
  PyBaseException,
  PyBytes,
  PyDict,
  PyFloat,
  type PyModule,
  PyObject,
  type PyType,
  type PyValue,
  raise,
  typeOf,
  typeType,
} from "../../objects/object.ts";
import { asIndex } from "../../objects/ops.ts";
import { installNew, newClass } from "../../objects/types/type.ts";
import { buildModule, moduleType } from "./_native.ts";
import { adler32 } from "./zlib_checksums.ts";
import { crc32 } from "./binascii.ts";
import {
  concat,
  Deflater,
  Z_BUF_ERROR,
  Z_FINISH,
  Z_NO_FLUSH,
  Z_STREAM_END,
  Z_STREAM_ERROR,
} from "./zlib_deflate.ts";
import { Inflater, Z_DATA_ERROR, Z_NEED_DICT, Z_OK } from "./zlib_inflate.ts";

const Z_SYNC_FLUSH = 2;
const DEF_BUF_SIZE = 16384;
/** The first output block of CPython's growing output buffer. */
const FIRST_BLOCK = 32 * 1024;

/** zlib's messages for return codes without a message of their own (CPython's zlib_error). */
function errorText(code: number): string | null {
  if (code === Z_BUF_ERROR) return "incomplete or truncated stream";
  if (code === Z_STREAM_ERROR) return "inconsistent stream state";
  if (code === Z_DATA_ERROR) return "invalid input data";
  return null;
}

function zlibError(error: PyType, code: number, what: string, message: string | null = null): never {
  const text = message ?? errorText(code);
  const e = new PyBaseException(
    error,
    newTuple([text === null ? `Error ${code} ${what}` : `Error ${code} ${what}: ${text}`]),
  );
  e.dict = new PyDict();
  throw e;
}

function dataArg(v: PyValue): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  return raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(v).name}'`);
}

function intArg(v: PyValue | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (v instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
  const n = asIndex(v);
  if (typeof n === "bigint") raise(Exc.OverflowError, "Python int too large to convert to C int");
  if (n > 2147483647 || n < -2147483648) raise(Exc.OverflowError, "signed integer is greater than maximum");
  return n;
}

/** A Py_ssize_t argument (output sizes): beyond any real buffer, it is as good as no limit. */
function sizeArg(v: PyValue | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (v instanceof PyFloat) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
  const n = asIndex(v);
  if (typeof n === "bigint") {
    if (n >= 1n << 63n || n < -(1n << 63n)) {
      raise(Exc.OverflowError, "Python int too large to convert to C ssize_t");
    }
    return Number(n);
  }
  return n;
}

/** A `zlib.Compress`. */
class PyCompress extends PyObject {
  declare stream: Deflater | null;
  constructor(cls: PyType, stream: Deflater) {
    super();
    this.cls = cls;
    this.dict = null;
    this.stream = stream;
  }
}

/** A `zlib.Decompress`. */
class PyDecompress extends PyObject {
  declare stream: Inflater | null;
  declare zdict: Uint8Array | null;
  declare unusedData: Uint8Array;
  declare unconsumedTail: Uint8Array;
  declare eof: boolean;
  constructor(cls: PyType, stream: Inflater, zdict: Uint8Array | null) {
    super();
    this.cls = cls;
    this.dict = null;
    this.stream = stream;
    this.zdict = zdict;
    this.unusedData = new Uint8Array(0);
    this.unconsumedTail = new Uint8Array(0);
    this.eof = false;
  }
}

/** Builds the `zlib` module (its types and error class are made here, on first import). */
export function makeZlibModule(): PyModule {
  const errorNs = new PyDict();
  errorNs.setStr("__module__", "zlib");
  const error = newClass(typeType, "error", [Exc.Exception], errorNs);

  const compressType = moduleType("zlib", "Compress", undefined, 0);
  compressType.tp_new = () => raise(Exc.TypeError, "cannot create 'zlib.Compress' instances");
  installNew(compressType);
  const decompressType = moduleType("zlib", "Decompress", undefined, 0);
  decompressType.tp_new = () => raise(Exc.TypeError, "cannot create 'zlib.Decompress' instances");
  installNew(decompressType);

  /** Runs a compression step; a stream that has ended reports zlib's inconsistent state. */
  const deflateStep = (c: PyCompress, data: Uint8Array, flush: number, what: string): Uint8Array => {
    if (c.stream === null) zlibError(error, Z_STREAM_ERROR, what);
    const r = c.stream.run(data, flush, FIRST_BLOCK);
    if (r.status === Z_STREAM_ERROR) zlibError(error, Z_STREAM_ERROR, what);
    if (flush === Z_FINISH && r.status === Z_STREAM_END) c.stream = null;
    return r.data;
  };

  const compressSelf = (v: PyValue): PyCompress => v as PyCompress;
  const decompressSelf = (v: PyValue): PyDecompress => v as PyDecompress;

  defMethod(compressType, "compress", (args, kwnames) => {
    const [data] = bindArgs("compress", args.slice(1), kwnames, ["data"], 1, 1);
    return new PyBytes(
      deflateStep(compressSelf(args[0]), dataArg(data!), Z_NO_FLUSH, "while compressing data"),
    );
  });
  defMethod(compressType, "flush", (args, kwnames) => {
    const [mode] = bindArgs("flush", args.slice(1), kwnames, ["mode"], 0, 1);
    const flush = intArg(mode, Z_FINISH);
    if (flush === Z_NO_FLUSH) return new PyBytes(new Uint8Array(0));
    return new PyBytes(deflateStep(compressSelf(args[0]), new Uint8Array(0), flush, "while flushing"));
  });
  const copyCompress = (args: PyValue[]) => {
    const c = compressSelf(args[0]);
    if (c.stream === null) raise(Exc.ValueError, "Inconsistent stream state");
    return new PyCompress(compressType, c.stream.copy());
  };
  defMethod(compressType, "copy", copyCompress);
  defMethod(compressType, "__copy__", copyCompress);
  defMethod(compressType, "__deepcopy__", copyCompress);

  /** Gives the stream its dictionary when it asks (CPython's set_inflate_zdict). */
  const setZdict = (d: PyDecompress) => {
    if (!d.stream!.setDictionary(d.zdict!)) zlibError(error, Z_DATA_ERROR, "while setting zdict");
  };

  /** CPython's save_unconsumed_input: what the stream did not use of `data`. */
  const saveUnconsumed = (d: PyDecompress, data: Uint8Array, consumed: number, status: number) => {
    let availIn = data.length - consumed;
    if (status === Z_STREAM_END && availIn > 0) {
      d.unusedData = concat([d.unusedData, data.subarray(consumed)]).slice();
      availIn = 0;
    }
    if (availIn > 0 || d.unconsumedTail.length > 0) d.unconsumedTail = data.slice(consumed);
  };

  /** Inflates data (through zdict requests) with an output limit; returns output and status. */
  const inflateAll = (d: PyDecompress, data: Uint8Array, limit: number, flush: number) => {
    const chunks: Uint8Array[] = [];
    let consumed = 0;
    let status: number;
    for (;;) {
      const r = d.stream!.inflate(data.subarray(consumed), limit, flush);
      chunks.push(r.output);
      consumed += r.consumed;
      limit -= r.output.length;
      status = r.status;
      if (status === Z_NEED_DICT && d.zdict !== null) {
        setZdict(d);
        continue;
      }
      return { output: concat(chunks), consumed, status, message: r.message };
    }
  };

  defMethod(decompressType, "decompress", (args, kwnames) => {
    const [data, maxLength] = bindArgs("decompress", args.slice(1), kwnames, ["data", "max_length"], 1, 1);
    const d = decompressSelf(args[0]);
    const input = dataArg(data!);
    const max = sizeArg(maxLength, 0);
    if (max < 0) raise(Exc.ValueError, "max_length must be non-negative");
    if (d.stream === null) zlibError(error, Z_STREAM_ERROR, "while decompressing data");
    const r = inflateAll(d, input, max === 0 ? Infinity : max, Z_SYNC_FLUSH);
    saveUnconsumed(d, input, r.consumed, r.status);
    if (r.status === Z_STREAM_END) d.eof = true;
    else if (r.status !== Z_OK && r.status !== Z_BUF_ERROR) {
      zlibError(error, r.status, "while decompressing data", r.message);
    }
    return new PyBytes(r.output.slice());
  });
  defMethod(decompressType, "flush", (args, kwnames) => {
    const [length] = bindArgs("flush", args.slice(1), kwnames, ["length"], 0, 1);
    const d = decompressSelf(args[0]);
    if (sizeArg(length, DEF_BUF_SIZE) <= 0) raise(Exc.ValueError, "length must be greater than zero");
    if (d.stream === null) return new PyBytes(new Uint8Array(0));
    const input = d.unconsumedTail;
    const r = inflateAll(d, input, Infinity, Z_FINISH);
    saveUnconsumed(d, input, r.consumed, r.status);
    if (r.status === Z_STREAM_END) {
      d.eof = true;
      d.stream = null;
    }
    return new PyBytes(r.output.slice());
  });
  const copyDecompress = (args: PyValue[]) => {
    const d = decompressSelf(args[0]);
    if (d.stream === null) raise(Exc.ValueError, "Inconsistent stream state");
    const c = new PyDecompress(decompressType, d.stream.copy(), d.zdict);
    c.unusedData = d.unusedData;
    c.unconsumedTail = d.unconsumedTail;
    c.eof = d.eof;
    return c;
  };
  defMethod(decompressType, "copy", copyDecompress);
  defMethod(decompressType, "__copy__", copyDecompress);
  defMethod(decompressType, "__deepcopy__", copyDecompress);
  defGetSet(decompressType, "unused_data", (v) => new PyBytes(decompressSelf(v).unusedData));
  defGetSet(decompressType, "unconsumed_tail", (v) => new PyBytes(decompressSelf(v).unconsumedTail));
  defGetSet(decompressType, "eof", (v) => decompressSelf(v).eof);

  const newDeflater = (level: number, wbits: number, memLevel: number, strategy: number): Deflater | null => {
    try {
      return new Deflater(level, wbits, memLevel, strategy);
    } catch (e) {
      if (e instanceof RangeError) return null;
      throw e;
    }
  };

  return buildModule("zlib", ZLIB_DOC, {
    compress: (args, kwnames) => {
      const [data, level, wbits] = bindArgs("compress", args, kwnames, ["data", "level", "wbits"], 1, 1);
      const input = dataArg(data!);
      const stream = newDeflater(intArg(level, -1), intArg(wbits, 15), 8, 0);
      if (stream === null) {
        const e = new PyBaseException(error, newTuple(["Bad compression level"]));
        e.dict = new PyDict();
        throw e;
      }
      return new PyBytes(stream.run(input, Z_FINISH, FIRST_BLOCK).data.slice());
    },
    decompress: (args, kwnames) => {
      const [data, wbits, bufsize] = bindArgs(
        "decompress",
        args,
        kwnames,
        ["data", "wbits", "bufsize"],
        1,
        1,
      );
      const input = dataArg(data!);
      const bits = intArg(wbits, 15);
      if (sizeArg(bufsize, DEF_BUF_SIZE) < 0) raise(Exc.ValueError, "bufsize must be non-negative");
      let stream: Inflater;
      try {
        stream = new Inflater(bits);
      } catch (e) {
        if (e instanceof RangeError) zlibError(error, Z_STREAM_ERROR, "while preparing to decompress data");
        throw e;
      }
      const r = stream.inflate(input, Infinity, Z_FINISH);
      if (r.status !== Z_STREAM_END) zlibError(error, r.status, "while decompressing data", r.message);
      return new PyBytes(r.output.slice());
    },
    compressobj: (args, kwnames) => {
      const [level, method, wbits, memLevel, strategy, zdict] = bindArgs(
        "compressobj",
        args,
        kwnames,
        ["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        0,
      );
      const dict = zdict === undefined || zdict === None ? null : dataArg(zdict);
      const m = intArg(method, 8);
      const stream = m === 8
        ? newDeflater(intArg(level, -1), intArg(wbits, 15), intArg(memLevel, 8), intArg(strategy, 0))
        : null;
      if (stream === null) raise(Exc.ValueError, "Invalid initialization option");
      if (dict !== null && !stream.setDictionary(dict)) raise(Exc.ValueError, "Invalid dictionary");
      return new PyCompress(compressType, stream);
    },
    decompressobj: (args, kwnames) => {
      const [wbits, zdict] = bindArgs("decompressobj", args, kwnames, ["wbits", "zdict"], 0);
      const bits = intArg(wbits, 15);
      let dict: Uint8Array | null = null;
      if (zdict !== undefined) {
        if (!(zdict instanceof PyBytes)) {
          raise(Exc.TypeError, "zdict argument must support the buffer protocol");
        }
        dict = zdict.data;
      }
      let stream: Inflater;
      try {
        stream = new Inflater(bits);
      } catch (e) {
        if (e instanceof RangeError) raise(Exc.ValueError, "Invalid initialization option");
        throw e;
      }
      const d = new PyDecompress(decompressType, stream, dict);
      if (dict !== null && bits < 0) setZdict(d);
      return d;
    },
    adler32: (args, kwnames) => {
      const [data, value] = bindArgs("adler32", args, kwnames, ["data", "value"], 1, 2);
      const start = value === undefined ? 1 : Number(BigInt.asUintN(32, BigInt(asIndex(value))));
      return adler32(dataArg(data!), start);
    },
    crc32: (args, kwnames) => {
      const [data, value] = bindArgs("crc32", args, kwnames, ["data", "value"], 1, 2);
      const start = value === undefined ? 0 : Number(BigInt.asUintN(32, BigInt(asIndex(value))));
      return crc32(dataArg(data!), start);
    },
  }, {
    error,
    MAX_WBITS: 15,
    DEFLATED: 8,
    DEF_MEM_LEVEL: 8,
    DEF_BUF_SIZE,
    Z_NO_COMPRESSION: 0,
    Z_BEST_SPEED: 1,
    Z_BEST_COMPRESSION: 9,
    Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1,
    Z_HUFFMAN_ONLY: 2,
    Z_RLE: 3,
    Z_FIXED: 4,
    Z_DEFAULT_STRATEGY: 0,
    Z_NO_FLUSH: 0,
    Z_PARTIAL_FLUSH: 1,
    Z_SYNC_FLUSH: 2,
    Z_FULL_FLUSH: 3,
    Z_FINISH: 4,
    Z_BLOCK: 5,
    Z_TREES: 6,
    ZLIB_VERSION: "1.2.13",
    ZLIB_RUNTIME_VERSION: "1.2.13",
  });
}

/** The module's docstring (pyjit's own words). */
const ZLIB_DOC = `Compression and decompression in the zlib format (and raw deflate and gzip).

compress(data) and decompress(data) work at once; compressobj() and decompressobj() make
objects for streams given in pieces. adler32() and crc32() compute checksums.`;
