/**
 * `_pickle_core`: the fast path of lib/python/pickle.py in TypeScript, for values made only of the
 * built-in atomic and container types (None, bool, int, float, str, bytes, tuple, list, dict, set,
 * frozenset; exact types, not subclasses) and protocols 2 to 5.
 *
 * - `dumps(obj, protocol)`: the pickle, byte for byte what pickle.py's Pickler writes (the same
 *   memo, batches of 1000, frames of 64 KiB), or None when obj holds anything else.
 * - `loads(data)`: the value of a pickle that uses only the opcodes of those types, or None (any
 *   other opcode, or malformed data: pickle.py's Unpickler then reads it and reports errors).
 * - `PickleBuffer(buffer)`: pickle.PickleBuffer, a view of a buffer (raw(), release(), and the
 *   buffer protocol) that protocol 5 pickles in band or hands to buffer_callback.
 *
 * @example
 * ```ts
 * import { makePickleCoreModule } from "./_pickle_core.ts";
 * const m = makePickleCoreModule();
 * ```
 * @module
 */
import {
  bytesType,
  defMethod,
  dictType,
  Exc,
  floatType,
  frozensetType,
  listType,
  None,
  normInt,
  objectType,
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  type PyModule,
  PyObject,
  PySet,
  PyTuple,
  type PyValue,
  raise,
  setType,
  tupleType,
  typeOf,
} from "../../objects/object.ts";
import {
  type BufferExport,
  getBuffer,
  isCContiguous,
  registerBufferExporter,
} from "../../objects/types/buffer.ts";
import { ByteBuffer } from "../../objects/byte_buffer.ts";
import { PyMemoryView } from "../../objects/types/memoryview.ts";
import { installNew } from "../../objects/types/type.ts";
import { buildModule, expectArgs, moduleType } from "./_native.ts";

const FRAME_SIZE_TARGET = 64 * 1024;
const FRAME_SIZE_MIN = 4;
const BATCH_SIZE = 1000;

/** Thrown inside dumps when a value is not one of the handled types. */
class Unsupported extends Error {}

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Writing

/** The pickle's bytes (and a frame's, protocol 4 and up). */
class Buffer extends ByteBuffer {
  constructor() {
    super(256);
  }

  /** n as `width` little-endian bytes. */
  int(n: number, width: number): void {
    this.reserve(width);
    for (let i = 0; i < width; i++) {
      this.bytes[this.length++] = n & 0xff;
      n = Math.floor(n / 256);
    }
  }
}

/** pickle.py's Pickler for the handled types: the same opcodes in the same order. */
class Writer {
  out = new Buffer();
  frame: Buffer | null = null;
  memo = new Map<PyValue, number>();
  constructor(readonly proto: number) {}

  /** The buffer opcodes go to: the current frame, or the output. */
  get w(): Buffer {
    return this.frame ?? this.out;
  }

  commitFrame(force: boolean): void {
    const f = this.frame;
    if (f === null || (f.length < FRAME_SIZE_TARGET && !force)) return;
    if (f.length >= FRAME_SIZE_MIN) {
      this.out.byte(0x95); // FRAME
      this.out.int(f.length, 8);
    }
    this.out.data(f.view());
    this.frame = new Buffer();
  }

  /** A header and payload written outside the frames (large str and bytes). */
  large(header: number, payload: Uint8Array): void {
    if (this.frame !== null) this.commitFrame(true);
    this.out.byte(header);
    this.out.int(payload.length, 4);
    this.out.data(payload);
  }

  memoize(obj: PyValue): void {
    const idx = this.memo.size;
    if (this.proto >= 4) this.w.byte(0x94); // MEMOIZE
    else if (idx < 256) {
      this.w.byte(0x71); // BINPUT
      this.w.byte(idx);
    } else {
      this.w.byte(0x72); // LONG_BINPUT
      this.w.int(idx, 4);
    }
    this.memo.set(obj, idx);
  }

  get(idx: number): void {
    if (idx < 256) {
      this.w.byte(0x68); // BINGET
      this.w.byte(idx);
    } else {
      this.w.byte(0x6a); // LONG_BINGET
      this.w.int(idx, 4);
    }
  }

  save(obj: PyValue): void {
    this.commitFrame(false);
    const seen = this.memo.get(obj);
    if (seen !== undefined) {
      this.get(seen);
      return;
    }
    const w = this.w;
    if (obj === None) w.byte(0x4e); // NONE
    else if (obj === true) w.byte(0x88); // NEWTRUE
    else if (obj === false) w.byte(0x89); // NEWFALSE
    else if (typeof obj === "number") this.saveInt(obj);
    else if (typeof obj === "bigint") this.saveLong(obj);
    else if (typeof obj === "string") this.saveStr(obj);
    else if (obj instanceof PyFloat && obj.cls === floatType) {
      w.byte(0x47); // BINFLOAT
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, obj.value);
      w.data(new Uint8Array(view.buffer));
    } else if (obj instanceof PyBytes && obj.cls === bytesType && this.proto >= 3) this.saveBytes(obj);
    else if (obj instanceof PyTuple && obj.cls === tupleType) this.saveTuple(obj);
    else if (obj instanceof PyList && obj.cls === listType) {
      w.byte(0x5d); // EMPTY_LIST
      this.memoize(obj);
      this.batches(obj.items.slice(), 0x61, 0x65, (x) => this.save(x)); // APPEND, APPENDS
    } else if (obj instanceof PyDict && obj.cls === dictType) {
      w.byte(0x7d); // EMPTY_DICT
      this.memoize(obj);
      const keys = obj.keyList(), values = obj.valueList();
      const pairs = keys.map((k, i) => [k, values[i]] as const);
      this.batches(pairs, 0x73, 0x75, ([k, v]) => { // SETITEM, SETITEMS
        this.save(k);
        this.save(v);
      });
    } else if (obj instanceof PySet && obj.cls === setType && this.proto >= 4) {
      w.byte(0x8f); // EMPTY_SET
      this.memoize(obj);
      const items = obj.items();
      for (let start = 0;; start += BATCH_SIZE) {
        const batch = items.slice(start, start + BATCH_SIZE);
        if (batch.length > 0) {
          this.w.byte(0x28); // MARK
          for (const x of batch) this.save(x);
          this.w.byte(0x90); // ADDITEMS
        }
        if (batch.length < BATCH_SIZE) return;
      }
    } else if (obj instanceof PySet && obj.cls === frozensetType && this.proto >= 4) {
      w.byte(0x28); // MARK
      for (const x of obj.items()) this.save(x);
      const again = this.memo.get(obj);
      if (again !== undefined) {
        this.w.byte(0x31); // POP_MARK
        this.get(again);
        return;
      }
      this.w.byte(0x91); // FROZENSET
      this.memoize(obj);
    } else {
      throw new Unsupported();
    }
  }

  /** Batches of list items or dict pairs: one item alone, more between MARK and `many`. */
  batches<T>(items: readonly T[], one: number, many: number, save: (x: T) => void): void {
    for (let start = 0;; start += BATCH_SIZE) {
      const batch = items.slice(start, start + BATCH_SIZE);
      if (batch.length > 1) {
        this.w.byte(0x28); // MARK
        for (const x of batch) save(x);
        this.w.byte(many);
      } else if (batch.length === 1) {
        save(batch[0]);
        this.w.byte(one);
      }
      if (batch.length < BATCH_SIZE) return;
    }
  }

  saveInt(n: number): void {
    const w = this.w;
    if (n >= 0 && n <= 0xff) {
      w.byte(0x4b); // BININT1
      w.byte(n);
    } else if (n >= 0 && n <= 0xffff) {
      w.byte(0x4d); // BININT2
      w.int(n, 2);
    } else if (n >= -0x80000000 && n <= 0x7fffffff) {
      w.byte(0x4a); // BININT
      w.int(n >>> 0, 4);
    } else {
      this.saveLong(BigInt(n));
    }
  }

  /** LONG1/LONG4: the shortest little-endian two's complement bytes. */
  saveLong(n: bigint): void {
    const encoded: number[] = [];
    if (n !== 0n) {
      const bits = (n < 0n ? -n : n).toString(2).length;
      let nbytes = (bits >> 3) + 1;
      let v = BigInt.asUintN(nbytes * 8, n);
      for (let i = 0; i < nbytes; i++) {
        encoded.push(Number(v & 0xffn));
        v >>= 8n;
      }
      if (n < 0n && nbytes > 1 && encoded[nbytes - 1] === 0xff && (encoded[nbytes - 2] & 0x80) !== 0) {
        encoded.pop();
        nbytes--;
      }
    }
    const w = this.w;
    if (encoded.length < 256) {
      w.byte(0x8a); // LONG1
      w.byte(encoded.length);
    } else {
      w.byte(0x8b); // LONG4
      w.int(encoded.length, 4);
    }
    w.data(Uint8Array.from(encoded));
  }

  saveStr(s: string): void {
    if (!s.isWellFormed()) throw new Unsupported(); // lone surrogates: pickle.py's surrogatepass
    const encoded = encoder.encode(s);
    const n = encoded.length;
    if (n <= 0xff && this.proto >= 4) {
      this.w.byte(0x8c); // SHORT_BINUNICODE
      this.w.byte(n);
      this.w.data(encoded);
    } else if (n >= FRAME_SIZE_TARGET) {
      this.large(0x58, encoded); // BINUNICODE
    } else {
      this.w.byte(0x58); // BINUNICODE
      this.w.int(n, 4);
      this.w.data(encoded);
    }
    this.memoize(s);
  }

  saveBytes(b: PyBytes): void {
    const n = b.data.length;
    if (n <= 0xff) {
      this.w.byte(0x43); // SHORT_BINBYTES
      this.w.byte(n);
      this.w.data(b.data);
    } else if (n >= FRAME_SIZE_TARGET) {
      this.large(0x42, b.data); // BINBYTES
    } else {
      this.w.byte(0x42); // BINBYTES
      this.w.int(n, 4);
      this.w.data(b.data);
    }
    this.memoize(b);
  }

  saveTuple(t: PyTuple): void {
    const n = t.items.length;
    if (n === 0) {
      this.w.byte(0x29); // EMPTY_TUPLE
      return;
    }
    if (n <= 3) {
      for (const x of t.items) this.save(x);
      const again = this.memo.get(t);
      if (again !== undefined) {
        for (let i = 0; i < n; i++) this.w.byte(0x30); // POP
        this.get(again);
        return;
      }
      this.w.byte(0x84 + n); // TUPLE1..TUPLE3
      this.memoize(t);
      return;
    }
    this.w.byte(0x28); // MARK
    for (const x of t.items) this.save(x);
    const again = this.memo.get(t);
    if (again !== undefined) {
      this.w.byte(0x31); // POP_MARK
      this.get(again);
      return;
    }
    this.w.byte(0x74); // TUPLE
    this.memoize(t);
  }
}

function dumps(obj: PyValue, proto: number): PyValue {
  const writer = new Writer(proto);
  writer.out.byte(0x80); // PROTO
  writer.out.byte(proto);
  if (proto >= 4) writer.frame = new Buffer();
  try {
    writer.save(obj);
  } catch (e) {
    // another type, or nesting deeper than the JS stack: pickle.py pickles it (or raises)
    if (e instanceof Unsupported || e instanceof RangeError) return None;
    throw e;
  }
  writer.w.byte(0x2e); // STOP
  if (writer.frame !== null && writer.frame.length > 0) writer.commitFrame(true);
  return new PyBytes(writer.out.view().slice());
}

// ---------------------------------------------------------------------------------------------
// Reading

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Thrown inside loads for data the fast path leaves to pickle.py. */
class NotHandled extends Error {}

function loads(data: Uint8Array): PyValue {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  const stack: PyValue[] = [];
  const marks: number[] = [];
  const memo: PyValue[] = [];
  const need = (n: number) => {
    if (pos + n > data.length) throw new NotHandled();
  };
  const u8 = () => {
    need(1);
    return data[pos++];
  };
  const u32 = () => {
    need(4);
    const v = view.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const take = (n: number) => {
    need(n);
    const part = data.subarray(pos, pos + n);
    pos += n;
    return part;
  };
  const popMark = (): PyValue[] => {
    const m = marks.pop();
    if (m === undefined) throw new NotHandled();
    return stack.splice(m);
  };
  const top = (): PyValue => {
    if (stack.length === 0) throw new NotHandled();
    return stack[stack.length - 1];
  };
  const str = (bytes: Uint8Array): string => {
    try {
      return decoder.decode(bytes);
    } catch {
      throw new NotHandled(); // surrogates: pickle.py's surrogatepass
    }
  };
  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80: // PROTO
        u8();
        break;
      case 0x95: // FRAME
        take(8);
        break;
      case 0x2e: // STOP
        if (stack.length !== 1 || marks.length !== 0) throw new NotHandled();
        return stack[0];
      case 0x4e: // NONE
        stack.push(None);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x4b: // BININT1
        stack.push(u8());
        break;
      case 0x4d: // BININT2
        need(2);
        stack.push(view.getUint16(pos, true));
        pos += 2;
        break;
      case 0x4a: // BININT
        need(4);
        stack.push(view.getInt32(pos, true));
        pos += 4;
        break;
      case 0x8a: // LONG1
      case 0x8b: { // LONG4
        const n = op === 0x8a ? u8() : u32();
        if (n > 0x7fffffff) throw new NotHandled();
        const bytes = take(n);
        let v = 0n;
        for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
        if (n > 0 && bytes[n - 1] & 0x80) v -= 1n << BigInt(8 * n);
        stack.push(normInt(v));
        break;
      }
      case 0x47: // BINFLOAT
        need(8);
        stack.push(new PyFloat(view.getFloat64(pos, false)));
        pos += 8;
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(str(take(u8())));
        break;
      case 0x58: // BINUNICODE
        stack.push(str(take(u32())));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(new PyBytes(take(u8()).slice()));
        break;
      case 0x42: // BINBYTES
        stack.push(new PyBytes(take(u32()).slice()));
        break;
      case 0x29: // EMPTY_TUPLE
        stack.push(new PyTuple([]));
        break;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: { // TUPLE3
        const n = op - 0x84;
        if (stack.length < n) throw new NotHandled();
        stack.push(new PyTuple(stack.splice(stack.length - n)));
        break;
      }
      case 0x28: // MARK
        marks.push(stack.length);
        break;
      case 0x74: // TUPLE
        stack.push(new PyTuple(popMark()));
        break;
      case 0x5d: // EMPTY_LIST
        stack.push(new PyList([]));
        break;
      case 0x61: { // APPEND
        const v = stack.pop();
        const list = top();
        if (v === undefined || !(list instanceof PyList) || list.cls !== listType) throw new NotHandled();
        list.items.push(v);
        break;
      }
      case 0x65: { // APPENDS
        const items = popMark();
        const list = top();
        if (!(list instanceof PyList) || list.cls !== listType) throw new NotHandled();
        for (const v of items) list.items.push(v);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new PyDict());
        break;
      case 0x73: { // SETITEM
        if (stack.length < 3) throw new NotHandled();
        const v = stack.pop()!, k = stack.pop()!;
        const d = top();
        if (!(d instanceof PyDict) || d.cls !== dictType) throw new NotHandled();
        d.set(k, v);
        break;
      }
      case 0x75: { // SETITEMS
        const items = popMark();
        const d = top();
        if (!(d instanceof PyDict) || d.cls !== dictType || items.length % 2 !== 0) throw new NotHandled();
        for (let i = 0; i < items.length; i += 2) d.set(items[i], items[i + 1]);
        break;
      }
      case 0x8f: // EMPTY_SET
        stack.push(new PySet());
        break;
      case 0x90: { // ADDITEMS
        const items = popMark();
        const s = top();
        if (!(s instanceof PySet) || s.cls !== setType) throw new NotHandled();
        for (const v of items) s.add(v);
        break;
      }
      case 0x91: { // FROZENSET
        const s = new PySet(frozensetType);
        for (const v of popMark()) s.add(v);
        stack.push(s);
        break;
      }
      case 0x94: // MEMOIZE
        memo.push(top());
        break;
      case 0x71: // BINPUT
      case 0x72: { // LONG_BINPUT
        const idx = op === 0x71 ? u8() : u32();
        if (idx !== memo.length) throw new NotHandled(); // sparse memo indices: pickle.py's dict
        memo.push(top());
        break;
      }
      case 0x68: // BINGET
      case 0x6a: { // LONG_BINGET
        const idx = op === 0x68 ? u8() : u32();
        if (idx >= memo.length) throw new NotHandled();
        stack.push(memo[idx]);
        break;
      }
      case 0x30: // POP
        if (stack.length === 0 || (marks.length > 0 && marks[marks.length - 1] === stack.length)) {
          throw new NotHandled();
        }
        stack.pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      default:
        throw new NotHandled();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PickleBuffer: a buffer pickle may send out of band (protocol 5)

/** pickle.PickleBuffer(buffer): holds a view of any buffer until released. */
class PyPickleBuffer extends PyObject {
  declare view: BufferExport | null;
  constructor(view: BufferExport) {
    super();
    this.cls = pickleBufferType;
    this.dict = null;
    this.view = view;
  }
}

const pickleBufferType = moduleType("pickle", "PickleBuffer", objectType, 0);

function liveView(b: PyPickleBuffer): BufferExport {
  if (b.view === null) raise(Exc.ValueError, "operation forbidden on released PickleBuffer object");
  return b.view;
}

pickleBufferType.tp_new = (_cls, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, "PickleBuffer() takes no keyword arguments");
  }
  if (args.length !== 1) {
    raise(Exc.TypeError, `PickleBuffer() takes exactly 1 positional argument (${args.length} given)`);
  }
  const view = getBuffer(args[0]);
  if (view === undefined) {
    raise(Exc.TypeError, `a bytes-like object is required, not '${typeOf(args[0]).name}'`);
  }
  return new PyPickleBuffer({ ...view, shape: [...view.shape], strides: [...view.strides] });
};
installNew(pickleBufferType);

registerBufferExporter((v) => v instanceof PyPickleBuffer ? liveView(v) : undefined);

function pickleBufferSelf(args: PyValue[], name: string): PyPickleBuffer {
  const b = args[0];
  if (!(b instanceof PyPickleBuffer)) {
    raise(
      Exc.TypeError,
      `descriptor '${name}' for 'pickle.PickleBuffer' objects doesn't apply to a '${typeOf(b).name}' object`,
    );
  }
  return b;
}

defMethod(pickleBufferType, "raw", (args) => {
  const b = pickleBufferSelf(args, "raw");
  const view = liveView(b);
  if (!isCContiguous(view)) raise(Exc.BufferError, "cannot extract raw buffer from non-contiguous buffer");
  const size = view.shape.reduce((a, n) => a * n, 1) * view.itemsize;
  return new PyMemoryView(b, { ...view, format: "B", itemsize: 1, shape: [size], strides: [1] });
});
defMethod(pickleBufferType, "release", (args) => {
  pickleBufferSelf(args, "release").view = null;
  return None;
});

/** Builds the module. */
export function makePickleCoreModule(): PyModule {
  return buildModule("_pickle_core", "The pickling fast paths of pickle, and PickleBuffer.", {
    dumps(args, kwnames) {
      expectArgs("dumps", args, kwnames, 2, 2);
      const proto = args[1];
      if (typeof proto !== "number" || proto < 2 || proto > 5) return None;
      return dumps(args[0], proto);
    },
    loads(args, kwnames) {
      expectArgs("loads", args, kwnames, 1, 1);
      const data = args[0];
      if (!(data instanceof PyBytes)) return None;
      try {
        return loads(data.data);
      } catch (e) {
        if (e instanceof NotHandled) return None;
        throw e;
      }
    },
  }, { PickleBuffer: pickleBufferType });
}
