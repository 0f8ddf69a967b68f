/**
 * `bytes` and `bytearray`: constructors and the common methods (indexing, slicing, decode, hex/
 * fromhex, join, split, strip, find/index/count, replace, startswith/endswith, case changes,
 * concatenation, repetition, comparisons; bytearray's mutators). Byte strings are handled as
 * Latin-1 JS strings where that makes an operation a one-liner (each char = one byte).
 *
 * @example
 * ```ts
 * import "./bytes.ts";
 * import { PyBytes } from "../object.ts";
 * import { repr } from "../ops.ts";
 * console.log(repr(new PyBytes(new Uint8Array([104, 105])))); // "b'hi'"
 * ```
 * @module
 */
import { COMPARISON_DUNDERS } from "../../instructions/operators.ts";
import {
  bindArgs,
  bytearrayType,
  bytesType,
  checkMethodArgs,
  defClassMethod,
  defMethod,
  Exc,
  newTuple,
  None,
  NotImplemented,
  PyBaseException,
  PyBytes,
  PyList,
  PySlice,
  PyStrObject,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../object.ts";
import {
  asIndex,
  asSsizeArg,
  call,
  callMethod0,
  indexSizedMessage,
  intValueOf,
  ssizeOrRaise,
  str,
  strValueOf,
  toArray,
} from "../ops.ts";
import { bytesRepr } from "../repr.ts";
import { percentFormat } from "../format.ts";
import { bytesIteratorType, makeIterator } from "./iterators.ts";
import { repeatCount, seqIndex, sliceIndices } from "./seq.ts";
import { checkHeap, memoryError } from "../heap_guard.ts";
import { decodeBytes, encodeStr, strArg } from "./str.ts";
import { installNew } from "./type.ts";
import { bufferBytes, getBuffer, isCContiguous } from "./buffer.ts";

/** Bytes as a Latin-1 string (one char per byte). */
export function latin1(data: Uint8Array): string {
  if (data.length <= 1024) return String.fromCharCode.apply(null, data as unknown as number[]);
  // Widened to UTF-16 units, decoded at once: far quicker than fromCharCode on chunks.
  const units = new Uint16Array(data.length);
  units.set(data);
  return LATIN1_AS_UTF16.decode(units);
}

/** For latin1(): the units are all below 256 (no surrogates); a U+FEFF cannot occur. */
const LATIN1_AS_UTF16 = new TextDecoder("utf-16le");

/** A Latin-1 string back to bytes. */
export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** a `op` b on byte strings (op: 0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=), without copying them. */
function compareBytes(a: Uint8Array, b: Uint8Array, op: number): boolean {
  if ((op === 2 || op === 3) && a.length !== b.length) return op === 3;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  const d = i < n ? a[i] - b[i] : a.length - b.length;
  switch (op) {
    case 0:
      return d < 0;
    case 1:
      return d <= 0;
    case 2:
      return d === 0;
    case 3:
      return d !== 0;
    case 4:
      return d > 0;
    default:
      return d >= 0;
  }
}

function self(args: PyValue[], name: string): PyBytes {
  const v = args[0];
  if (!(v instanceof PyBytes)) {
    raise(Exc.TypeError, `descriptor '${name}' requires a 'bytes' object but received a '${typeOf(v).name}'`);
  }
  return v;
}

/** The bytes of a bytes-like argument (bytes, bytearray), or a TypeError naming `what`. */
export function bytesLike(v: PyValue, what: string): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  const buffer = getBuffer(v);
  if (buffer !== undefined) return bufferBytes(buffer);
  return raise(Exc.TypeError, `${what}a bytes-like object is required, not '${typeOf(v).name}'`);
}

/** Makes a value of the same kind (bytes or bytearray) as `like`. */
function make(like: PyBytes | PyType, data: Uint8Array): PyBytes {
  const cls = like instanceof PyBytes ? like.cls : like;
  return new PyBytes(data, cls.isSubtypeOf(bytearrayType) ? bytearrayType : bytesType);
}

/**
 * `data * n` (bytes: OverflowError when the size overflows C's ssize_t, as CPython; bytearray:
 * MemoryError), copied by doubling.
 */
function repeatBytes(data: Uint8Array, n: number, mutable: boolean): Uint8Array {
  const size = data.length * n;
  if (size === 0) return new Uint8Array(0);
  if (size >= 2 ** 63) {
    if (mutable) memoryError();
    raise(Exc.OverflowError, "repeated bytes are too long");
  }
  // Charged as heap although V8 keeps it outside: gigabytes of bytes fail at once with MemoryError
  // under the heap limit, instead of after seconds of page faults.
  checkHeap(size);
  const out = new Uint8Array(size);
  out.set(data);
  for (let filled = data.length; filled < size; filled *= 2) {
    out.copyWithin(filled, 0, Math.min(filled, size - filled));
  }
  return out;
}

/** bytes(x) / bytearray(x) contents. */
function bytesFrom(args: PyValue[], kwnames: string[] | null, name: string): Uint8Array {
  const [source, encoding, errors] = bindArgs(name, args, kwnames, ["source", "encoding", "errors"], 0);
  // The encoding and errors are checked first, as CPython's argument parsing does.
  const enc = encoding === undefined ? undefined : strArg(encoding, name, "argument 'encoding'");
  const err = errors === undefined ? "strict" : strArg(errors, name, "argument 'errors'");
  if (source === undefined) return new Uint8Array(0);
  const s = strValueOf(source);
  if (s !== undefined) {
    if (enc === undefined) raise(Exc.TypeError, "string argument without an encoding");
    return encodeStr(s, enc, err);
  }
  if (encoding !== undefined) raise(Exc.TypeError, "encoding without a string argument");
  if (source instanceof PyBytes) return source.data.slice();
  if (intValueOf(source) !== undefined) return zeroBytes(source);
  const buffer = getBuffer(source);
  if (buffer !== undefined) return bufferBytes(buffer).slice();
  const conv = typeOf(source).lookup("__bytes__");
  if (conv !== undefined) return bytesLike(callMethod0(conv, source), "");
  if (typeOf(source).lookup("__index__") !== undefined) return zeroBytes(source);
  if (typeOf(source).tp_iter === null && typeOf(source).lookup("__iter__") === undefined) {
    raise(Exc.TypeError, `cannot convert '${typeOf(source).name}' object to ${name}`);
  }
  return Uint8Array.from(toArray(source), (b) => byteValue(b));
}

/** `bytes(n)`: n zero bytes (OverflowError beyond C's ssize_t; V8's refusal becomes MemoryError). */
function zeroBytes(count: PyValue): Uint8Array {
  let n = asIndex(count);
  if (typeof n === "bigint") n = ssizeOrRaise(n, Exc.OverflowError, indexSizedMessage(count));
  if (n < 0) raise(Exc.ValueError, "negative count");
  return new Uint8Array(n);
}

function byteValue(v: PyValue): number {
  const i = intValueOf(v);
  if (i === undefined) {
    if (typeOf(v).lookup("__index__") !== undefined) return byteValue(asIndex(v));
    raise(Exc.TypeError, `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  }
  if (i < 0 || i > 255) raise(Exc.ValueError, "byte must be in range(0, 256)");
  return Number(i);
}

bytesType.tp_new = (cls, args, kwnames) => new PyBytes(bytesFrom(args, kwnames, "bytes"), cls);
installNew(bytesType);
bytearrayType.tp_new = (cls) => new PyBytes(new Uint8Array(0), cls);
installNew(bytearrayType);
defMethod(bytearrayType, "__init__", (args, kwnames) => {
  self(args, "__init__").data = bytesFrom(args.slice(1), kwnames, "bytearray");
  return None;
});
bytearrayType.attrs.set("__hash__", None);

for (const t of [bytesType, bytearrayType]) {
  t.tp_iter = (v) => {
    const b = v as PyBytes;
    let i = 0;
    return makeIterator(bytesIteratorType, () => i < b.data.length ? b.data[i++] : undefined);
  };
  defMethod(t, "__iter__", (args) => t.tp_iter!(self(args, "__iter__")));
  defMethod(t, "__len__", (args) => self(args, "__len__").data.length);
  defMethod(t, "__getitem__", (args) => {
    const b = self(args, "__getitem__");
    const key = args[1];
    if (key instanceof PySlice) {
      const [start, stop, step, count] = sliceIndices(key, b.data.length);
      if (step === 1) return make(b, b.data.slice(start, Math.max(start, stop)));
      const out = new Uint8Array(count);
      for (let i = 0, j = start; i < count; i++, j += step) out[i] = b.data[j];
      return make(b, out);
    }
    const message = t === bytesType ? "index out of range" : "bytearray index out of range";
    return b.data[seqIndex(key, b.data.length, t === bytesType ? "byte" : "bytearray", message)];
  });
  defMethod(t, "__contains__", (args) => {
    const b = self(args, "__contains__");
    const v = args[1];
    const i = intValueOf(v);
    if (i !== undefined) return b.data.includes(byteValue(i));
    return latin1(b.data).includes(latin1(bytesLike(v, "")));
  });
  defMethod(t, "__add__", (args) => {
    const b = self(args, "__add__");
    const other = args[1];
    let o: Uint8Array;
    if (other instanceof PyBytes) {
      o = other.data;
    } else {
      const buffer = getBuffer(other); // memoryview, array.array…
      if (buffer === undefined) return NotImplemented;
      o = bufferBytes(buffer);
    }
    const out = new Uint8Array(b.data.length + o.length);
    out.set(b.data);
    out.set(o, b.data.length);
    return make(b, out);
  });
  defMethod(t, "__mul__", (args) => {
    const n = repeatCount(args[1]);
    if (n === undefined) return NotImplemented;
    const b = self(args, "__mul__");
    return make(b, repeatBytes(b.data, n, b.cls.isSubtypeOf(bytearrayType)));
  });
  defMethod(t, "__rmul__", (args) => {
    const n = repeatCount(args[1]);
    if (n === undefined) return NotImplemented;
    const b = self(args, "__rmul__");
    return make(b, repeatBytes(b.data, n, b.cls.isSubtypeOf(bytearrayType)));
  });
  COMPARISON_DUNDERS.forEach((name, op) => {
    defMethod(t, name, (args) => {
      const a = self(args, name), b = args[1];
      if (!(b instanceof PyBytes)) return NotImplemented;
      return compareBytes(a.data, b.data, op);
    });
  });
  defMethod(t, "__repr__", (args) => {
    const b = self(args, "__repr__");
    const r = bytesRepr(b.data);
    return b.cls.isSubtypeOf(bytearrayType) ? `${b.cls.name}(${r})` : r;
  });
  defMethod(t, "__str__", (args) => {
    const b = self(args, "__str__");
    const r = bytesRepr(b.data);
    return b.cls.isSubtypeOf(bytearrayType) ? `${b.cls.name}(${r})` : r;
  });
  defMethod(t, "decode", (args, kwnames) => {
    const [encoding, errors] = bindArgs("decode", args.slice(1), kwnames, ["encoding", "errors"], 0);
    return decodeBytes(
      self(args, "decode").data,
      encoding === undefined ? "utf-8" : strArg(encoding, "decode", "argument 'encoding'"),
      errors === undefined ? "strict" : strArg(errors, "decode", "argument 'errors'"),
    );
  });
  defMethod(t, "hex", (args) => {
    checkMethodArgs("hex", args, null, 0, 2);
    const b = self(args, "hex");
    const sep = args.length > 1 ? strValueOf(args[1]) ?? latin1(bytesLike(args[1], "")) : "";
    const hexes = Array.from(b.data, (x) => x.toString(16).padStart(2, "0"));
    return hexes.join(sep);
  });
  defClassMethod(t, "fromhex", (args) => {
    checkMethodArgs("fromhex", args, null, 1, 1);
    const s = strValueOf(args[1]);
    if (s === undefined) raise(Exc.TypeError, `fromhex() argument must be str, not ${typeOf(args[1]).name}`);
    const out: number[] = [];
    let i = 0;
    while (i < s.length) {
      if (s[i] === " ") {
        i++;
        continue;
      }
      const pair = s.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
        raise(
          Exc.ValueError,
          `non-hexadecimal number found in fromhex() arg at position ${
            /^[0-9a-fA-F]/.test(s[i]) ? i + 1 : i
          }`,
        );
      }
      out.push(parseInt(pair, 16));
      i += 2;
    }
    return make(args[0] as PyType, new Uint8Array(out));
  });
  defMethod(t, "join", (args) => {
    checkMethodArgs("join", args, null, 1, 1);
    const b = self(args, "join");
    const sep = b.data;
    const parts = toArray(args[1]).map((p, i) => {
      if (p instanceof PyBytes) return p.data;
      const buffer = getBuffer(p);
      // A simple buffer, as CPython asks: a non-contiguous memoryview is refused.
      if (buffer === undefined || !isCContiguous(buffer)) {
        raise(Exc.TypeError, `sequence item ${i}: expected a bytes-like object, ${typeOf(p).name} found`);
      }
      return bufferBytes(buffer);
    });
    // The parts are copied once into the result (no detour through text).
    let size = parts.length > 0 ? sep.length * (parts.length - 1) : 0;
    for (let i = 0; i < parts.length; i++) size += parts[i].length;
    checkHeap(size);
    const out = new Uint8Array(size);
    for (let i = 0, at = 0; i < parts.length; i++) {
      if (i > 0 && sep.length > 0) {
        out.set(sep, at);
        at += sep.length;
      }
      out.set(parts[i], at);
      at += parts[i].length;
    }
    return make(b, out);
  });
  // Methods delegated to the str implementation on Latin-1 text.
  const viaStr = (name: string, wrap: "bytes" | "list" | "tuple" | "raw") => {
    defMethod(t, name, (args, kwnames) => {
      const b = self(args, name);
      const conv = args.slice(1).map((a, i) => {
        if (a instanceof PyBytes) return latin1(a.data);
        if (typeof a === "string" || a instanceof PyStrObject) raise(Exc.TypeError, strArgMessage(name, i));
        return tupleOfBytes(a);
      });
      const f = strMethod(name);
      let r: PyValue;
      try {
        r = call(f, [latin1(b.data), ...conv], kwnames);
      } catch (e) {
        // The str implementation's wording, where bytes says "subsection".
        if (e instanceof PyBaseException && e.cls === Exc.ValueError && str(e) === "substring not found") {
          raise(Exc.ValueError, "subsection not found");
        }
        throw e;
      }
      if (wrap === "bytes") return make(b, fromLatin1(strValueOf(r)!));
      if (wrap === "list") return new PyList(toArray(r).map((x) => make(b, fromLatin1(strValueOf(x)!))));
      if (wrap === "tuple") return newTuple(toArray(r).map((x) => make(b, fromLatin1(strValueOf(x)!))));
      return r;
    });
  };
  for (
    const n of [
      "strip",
      "lstrip",
      "rstrip",
      "replace",
      "center",
      "ljust",
      "rjust",
      "zfill",
      "expandtabs",
      "removeprefix",
      "removesuffix",
    ]
  ) {
    viaStr(n, "bytes");
  }
  for (const n of ["split", "rsplit", "splitlines"]) viaStr(n, "list");
  for (const n of ["partition", "rpartition"]) viaStr(n, "tuple");
  for (
    const n of [
      "find",
      "rfind",
      "index",
      "rindex",
      "count",
      "startswith",
      "endswith",
      "isspace",
      "isalnum",
      "isdigit",
      "istitle",
    ]
  ) {
    viaStr(n, "raw");
  }
  const asciiCase = (name: string, fn: (c: number) => number) => {
    defMethod(t, name, (args) => {
      const b = self(args, name);
      return make(b, b.data.map(fn));
    });
  };
  asciiCase("upper", (c) => c >= 97 && c <= 122 ? c - 32 : c);
  asciiCase("lower", (c) => c >= 65 && c <= 90 ? c + 32 : c);
  asciiCase("swapcase", (c) => c >= 97 && c <= 122 ? c - 32 : c >= 65 && c <= 90 ? c + 32 : c);
  const asciiTest = (name: string, fn: (c: number) => boolean, nonEmpty = true) => {
    defMethod(t, name, (args) => {
      const d = self(args, name).data;
      return (!nonEmpty || d.length > 0) && d.every(fn);
    });
  };
  asciiTest("isalpha", (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
  const isUpperByte = (c: number) => c >= 65 && c <= 90, isLowerByte = (c: number) => c >= 97 && c <= 122;
  defMethod(t, "islower", (args) => {
    const d = self(args, "islower").data;
    return d.some(isLowerByte) && !d.some(isUpperByte);
  });
  defMethod(t, "isupper", (args) => {
    const d = self(args, "isupper").data;
    return d.some(isUpperByte) && !d.some(isLowerByte);
  });
  defMethod(t, "capitalize", (args) => {
    const b = self(args, "capitalize");
    return make(
      b,
      b.data.map((c, i) => i === 0 ? (isLowerByte(c) ? c - 32 : c) : isUpperByte(c) ? c + 32 : c),
    );
  });
  defMethod(t, "title", (args) => {
    const b = self(args, "title");
    let prevCased = false;
    return make(
      b,
      b.data.map((c) => {
        const cased = isUpperByte(c) || isLowerByte(c);
        const out = !cased ? c : prevCased ? (isUpperByte(c) ? c + 32 : c) : (isLowerByte(c) ? c - 32 : c);
        prevCased = cased;
        return out;
      }),
    );
  });
  defClassMethod(t, "maketrans", (args) => {
    // A static method in CPython: `bytes.maketrans(a, b)` and `b"".maketrans(a, b)` alike; always bytes.
    if (args.length !== 3) raise(Exc.TypeError, `maketrans expected 2 arguments, got ${args.length - 1}`);
    const from = bytesLike(args[1], ""), to = bytesLike(args[2], "");
    if (from.length !== to.length) raise(Exc.ValueError, "maketrans arguments must have same length");
    const table = new Uint8Array(256);
    for (let i = 0; i < 256; i++) table[i] = i;
    for (let i = 0; i < from.length; i++) table[from[i]] = to[i];
    return new PyBytes(table);
  });
  defMethod(t, "translate", (args, kwnames) => {
    const b = self(args, "translate");
    const given = args.length - 1;
    const keywords = kwnames ?? [];
    const positional = given - keywords.length;
    if (given > 2) raise(Exc.TypeError, `translate() takes at most 2 arguments (${given} given)`);
    if (positional < 1) raise(Exc.TypeError, `translate() takes at least 1 positional argument (0 given)`);
    let deleteArg: PyValue | undefined = positional === 2 ? args[2] : undefined;
    keywords.forEach((name, i) => {
      if (name !== "delete") raise(Exc.TypeError, `translate() got an unexpected keyword argument '${name}'`);
      deleteArg = args[1 + positional + i];
    });
    const tableArg = args[1];
    const table = tableArg === None ? null : bytesLike(tableArg, "");
    if (table !== null && table.length !== 256) {
      raise(Exc.ValueError, "translation table must be 256 characters long");
    }
    const deleted = new Uint8Array(256);
    if (deleteArg !== undefined) { for (const c of bytesLike(deleteArg, "")) deleted[c] = 1; }
    const out: number[] = [];
    for (const c of b.data) if (deleted[c] === 0) out.push(table === null ? c : table[c]);
    return make(b, Uint8Array.from(out));
  });
  asciiTest("isascii", (c) => c < 128, false);
  defMethod(
    t,
    "__getnewargs__",
    (args) => newTuple([new PyBytes(self(args, "__getnewargs__").data.slice())]),
  );
}
defMethod(bytesType, "__hash__", (args) => {
  let h = 0x345678;
  for (const c of self(args, "__hash__").data) h = Math.imul(h ^ c, 1000003);
  return h === -1 ? -2 : h;
});
defMethod(bytesType, "__bytes__", (args) => self(args, "__bytes__"));

/** `bytes % values`: %-formatting over Latin-1 text, bytes arguments standing for %s/%b. */
function bytesPercent(fmt: PyBytes, values: PyValue): PyBytes {
  const conv = (v: PyValue): PyValue => v instanceof PyBytes ? latin1(v.data) : v;
  const args = values instanceof PyTuple ? newTuple(values.items.map(conv)) : conv(values);
  const text = percentFormat(latin1(fmt.data).replace(/%b/g, "%s"), args, "bytes");
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 255) {
      raise(Exc.UnicodeEncodeError, "bytes formatting produced a non-Latin-1 character");
    }
  }
  return make(fmt, fromLatin1(text));
}
defMethod(bytesType, "__mod__", (args) => bytesPercent(self(args, "__mod__"), args[1]));
defMethod(bytearrayType, "__mod__", (args) => bytesPercent(self(args, "__mod__"), args[1]));

/** CPython's TypeError when a bytes method gets a str argument. */
function strArgMessage(method: string, index: number): string {
  if (["center", "ljust", "rjust"].includes(method) && index === 1) {
    return `${method}() argument 2 must be a byte string of length 1, not str`;
  }
  if (["find", "rfind", "index", "rindex", "count"].includes(method)) {
    return "argument should be integer or bytes-like object, not 'str'";
  }
  if (method === "startswith" || method === "endswith") {
    return `${method} first arg must be bytes or a tuple of bytes, not str`;
  }
  return "a bytes-like object is required, not 'str'";
}

function tupleOfBytes(v: PyValue): PyValue {
  if (v instanceof PyTuple) return newTuple(v.items.map((x) => x instanceof PyBytes ? latin1(x.data) : x));
  return v;
}

function strMethod(name: string): PyValue {
  return typeOf("").lookup(name)!;
}

// bytearray mutators
function setData(b: PyBytes, data: Uint8Array): void {
  b.data = data;
}
defMethod(bytearrayType, "__setitem__", (args) => {
  const b = self(args, "__setitem__");
  const key = args[1];
  if (key instanceof PySlice) {
    const [start, stop, step, count] = sliceIndices(key, b.data.length);
    if (step === 1 && args[2] instanceof PyBytes) {
      // bytes into a contiguous slice (readinto's b[:n] = data): copied, not through arrays
      const data = b.data, value = args[2].data.slice();
      const removed = Math.max(0, stop - start);
      if (value.length === removed) data.set(value, start);
      else {
        const out = new Uint8Array(data.length - removed + value.length);
        out.set(data.subarray(0, start));
        out.set(value, start);
        out.set(data.subarray(start + removed), start + value.length);
        setData(b, out);
      }
      return None;
    }
    const value = args[2] instanceof PyBytes ? Array.from(args[2].data) : toArray(args[2]).map(byteValue);
    if (step === 1) {
      const arr = Array.from(b.data);
      arr.splice(start, Math.max(0, stop - start), ...value);
      setData(b, Uint8Array.from(arr));
      return None;
    }
    if (value.length === 0 && count > 0) {
      // an empty value deletes the extended slice's items (as del b[key])
      const gone = new Set<number>();
      for (let i = 0, j = start; i < count; i++, j += step) gone.add(j);
      setData(b, b.data.filter((_, i) => !gone.has(i)));
      return None;
    }
    if (value.length !== count) {
      raise(
        Exc.ValueError,
        `attempt to assign bytes of size ${value.length} to extended slice of size ${count}`,
      );
    }
    for (let i = 0, j = start; i < count; i++, j += step) b.data[j] = value[i];
    return None;
  }
  b.data[seqIndex(key, b.data.length, "bytearray", "bytearray index out of range")] = byteValue(args[2]);
  return None;
});
defMethod(bytearrayType, "__delitem__", (args) => {
  const b = self(args, "__delitem__");
  const key = args[1];
  const arr = Array.from(b.data);
  if (key instanceof PySlice) {
    const [start, , step, count] = sliceIndices(key, arr.length);
    const drop = new Set<number>();
    for (let i = 0, j = start; i < count; i++, j += step) drop.add(j);
    setData(b, Uint8Array.from(arr.filter((_, i) => !drop.has(i))));
    return None;
  }
  arr.splice(seqIndex(key, arr.length, "bytearray", "bytearray index out of range"), 1);
  setData(b, Uint8Array.from(arr));
  return None;
});
defMethod(bytearrayType, "append", (args) => {
  checkMethodArgs("append", args, null, 1, 1);
  const b = self(args, "append");
  const out = new Uint8Array(b.data.length + 1);
  out.set(b.data);
  out[b.data.length] = byteValue(args[1]);
  setData(b, out);
  return None;
});
defMethod(bytearrayType, "extend", (args) => {
  checkMethodArgs("extend", args, null, 1, 1);
  const b = self(args, "extend");
  const more = args[1] instanceof PyBytes ? args[1].data : Uint8Array.from(toArray(args[1]).map(byteValue));
  const out = new Uint8Array(b.data.length + more.length);
  out.set(b.data);
  out.set(more, b.data.length);
  setData(b, out);
  return None;
});
defMethod(bytearrayType, "__iadd__", (args) => {
  const b = self(args, "__iadd__");
  const more = bytesLike(args[1], "can't concat " + typeOf(args[1]).name + " to bytearray: ");
  const out = new Uint8Array(b.data.length + more.length);
  out.set(b.data);
  out.set(more, b.data.length);
  setData(b, out);
  return b;
});
defMethod(bytearrayType, "pop", (args) => {
  checkMethodArgs("pop", args, null, 0, 1);
  const b = self(args, "pop");
  if (b.data.length === 0) raise(Exc.IndexError, "pop from empty bytearray");
  let i = args.length > 1 ? asSsizeArg(args[1]) : b.data.length - 1;
  if (i < 0) i += b.data.length;
  if (i < 0 || i >= b.data.length) raise(Exc.IndexError, "pop index out of range");
  const v = b.data[i];
  const arr = Array.from(b.data);
  arr.splice(i, 1);
  setData(b, Uint8Array.from(arr));
  return v;
});
defMethod(bytearrayType, "insert", (args) => {
  checkMethodArgs("insert", args, null, 2, 2);
  const b = self(args, "insert");
  const arr = Array.from(b.data);
  let i = asSsizeArg(args[1]);
  if (i < 0) i = Math.max(0, i + arr.length);
  arr.splice(Math.min(i, arr.length), 0, byteValue(args[2]));
  setData(b, Uint8Array.from(arr));
  return None;
});
defMethod(bytearrayType, "remove", (args) => {
  checkMethodArgs("remove", args, null, 1, 1);
  const b = self(args, "remove");
  const i = b.data.indexOf(byteValue(args[1]));
  if (i < 0) raise(Exc.ValueError, "value not found in bytearray");
  const arr = Array.from(b.data);
  arr.splice(i, 1);
  setData(b, Uint8Array.from(arr));
  return None;
});
defMethod(bytearrayType, "clear", (args) => {
  setData(self(args, "clear"), new Uint8Array(0));
  return None;
});
defMethod(bytearrayType, "reverse", (args) => {
  self(args, "reverse").data.reverse();
  return None;
});
defMethod(bytearrayType, "copy", (args) => new PyBytes(self(args, "copy").data.slice(), bytearrayType));
