/**
 * In-memory streams: `io.StringIO` (a text buffer addressed by code point, with TextIOWrapper's
 * newline modes) and `io.BytesIO` (a growable byte buffer). Appending writes are collected and
 * joined only when the contents are needed, so building a long string with many `write` calls stays
 * linear.
 *
 * @example
 * ```ts
 * import { PyStringIO } from "./io_memory.ts";
 * import { stringIOType } from "./io_memory.ts";
 * const s = new PyStringIO(stringIOType);
 * s.writeText("hi");
 * console.log(s.value()); // "hi"
 * ```
 * @module
 */
import {
  bindArgs,
  checkMethodArgs,
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  None,
  placeCType,
  PyList,
  type PyType,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import { strValueOf } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";
import { PyIOBase, PyTextStream, textIOBaseType } from "../../objects/stdio.ts";
import {
  bufferArg,
  bufferedIOBaseType,
  closedFileError,
  intArg,
  newBytes,
  sizeArg,
  unsupported,
  writableBufferArg,
} from "./io_base.ts";
import { addFastBinaryStream, newlinesValue } from "./io_text.ts";

/** `_io.StringIO`. */
export const stringIOType: PyType = newBuiltinType("StringIO", textIOBaseType);
placeCType(stringIOType, "_io");
/** `_io.BytesIO`. */
export const bytesIOType: PyType = newBuiltinType("BytesIO", bufferedIOBaseType);
placeCType(bytesIOType, "_io");

const SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4;

/** Whether s has a surrogate pair (then code point and UTF-16 positions differ). */
function hasAstral(s: string): boolean {
  return /[\ud800-\udbff][\udc00-\udfff]/.test(s);
}

/** Code point index → UTF-16 index in s. */
function unitIndex(s: string, cp: number): number {
  let i = 0;
  for (let k = 0; k < cp && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** A StringIO. */
export class PyStringIO extends PyTextStream {
  /** The contents: `text` followed by the appended `tail` pieces. */
  declare text: string;
  declare tail: string[];
  /** Length and position in code points. */
  declare size: number;
  declare pos: number;
  /** Whether the contents have surrogate pairs (positions then need conversion). */
  declare astral: boolean;
  declare closed: boolean;
  declare newline: string | null;
  declare seen: number;
  constructor(cls: PyType) {
    super(cls);
    this.text = "";
    this.tail = [];
    this.size = 0;
    this.pos = 0;
    this.astral = false;
    this.closed = false;
    this.newline = "\n";
    this.seen = 0;
  }

  get nativeType(): PyType {
    return stringIOType;
  }

  checkOpen(dot = false): void {
    if (this.closed) closedFileError(dot);
  }

  /** The whole contents as one string. */
  value(): string {
    if (this.tail.length > 0) {
      this.text += this.tail.join("");
      this.tail = [];
    }
    return this.text;
  }

  private unit(cp: number): number {
    return this.astral ? unitIndex(this.value(), cp) : cp;
  }

  /** Newline translation of written text. */
  private translateWrite(s: string): string {
    const nl = this.newline;
    if (nl === null || nl === "") {
      if (s.indexOf("\r") >= 0 || s.indexOf("\n") >= 0) this.noteNewlines(s);
      return nl === null && s.indexOf("\r") >= 0 ? s.replace(/\r\n?/g, "\n") : s;
    }
    if (nl !== "\n" && s.indexOf("\n") >= 0) return s.replaceAll("\n", nl);
    return s;
  }

  private noteNewlines(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) this.seen |= SEEN_LF;
      else if (c === 13) {
        if (s.charCodeAt(i + 1) === 10) {
          this.seen |= SEEN_CRLF;
          i++;
        } else this.seen |= SEEN_CR;
      }
    }
  }

  writeText(raw: string): number {
    this.checkOpen();
    const n = cpLength(raw);
    const s = this.translateWrite(raw);
    const len = s.length === raw.length ? n : cpLength(s);
    if (len === 0) return n;
    if (!this.astral && hasAstral(s)) this.astral = true;
    if (this.pos === this.size) {
      this.tail.push(s);
    } else {
      let v = this.value();
      if (this.pos > this.size) {
        v += "\0".repeat(this.pos - this.size);
        this.size = this.pos;
      }
      const at = this.unit(this.pos);
      const endCp = Math.min(this.pos + len, this.size);
      this.text = v.slice(0, at) + s + v.slice(this.astral ? unitIndex(v, endCp) : endCp);
    }
    this.pos += len;
    if (this.pos > this.size) this.size = this.pos;
    return n;
  }

  readText(size: number): string {
    this.checkOpen();
    if (this.pos >= this.size) return "";
    const v = this.value();
    const end = size < 0 ? this.size : Math.min(this.size, this.pos + size);
    const out = v.slice(this.unit(this.pos), this.unit(end));
    this.pos = end;
    return out;
  }

  readLine(limit: number): string {
    this.checkOpen();
    if (this.pos >= this.size) return "";
    const v = this.value();
    const start = this.unit(this.pos);
    let end: number;
    const nl = this.newline;
    if (nl === "") {
      const lf = v.indexOf("\n", start), cr = v.indexOf("\r", start);
      const i = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      end = i < 0 ? v.length : v.charCodeAt(i) === 13 && v.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    } else {
      const t = nl === null ? "\n" : nl;
      const i = v.indexOf(t, start);
      end = i < 0 ? v.length : i + t.length;
    }
    let line = v.slice(start, end);
    if (limit >= 0 && cpLength(line) > limit) line = line.slice(0, unitIndex(line, limit));
    this.pos += cpLength(line);
    return line;
  }

  flushStream(): void {
    this.checkOpen(true);
  }

  seek(pos: number, whence: number): number {
    this.checkOpen();
    if (whence < 0 || whence > 2) raise(Exc.ValueError, `Invalid whence (${whence}, should be 0, 1 or 2)`);
    if (whence === 0 && pos < 0) raise(Exc.ValueError, `Negative seek position ${pos}`);
    if (whence !== 0 && pos !== 0) raise(Exc.OSError, "Can't do nonzero cur-relative seeks");
    if (whence === 2) this.pos = this.size;
    else if (whence === 0) this.pos = pos;
    return this.pos;
  }

  truncate(size: number | null): number {
    this.checkOpen();
    const n = size === null ? this.pos : size;
    if (n < 0) raise(Exc.ValueError, `Negative size value ${n}`);
    if (n < this.size) {
      const v = this.value();
      this.text = v.slice(0, this.unit(n));
      this.size = n;
    }
    return n;
  }
}

function sio(args: PyValue[]): PyStringIO {
  const s = args[0];
  if (!(s instanceof PyStringIO)) raise(Exc.TypeError, "descriptor requires a '_io.StringIO' object");
  return s;
}

const S = stringIOType;
S.tp_new = (cls) => new PyStringIO(cls);
installNew(S);
defMethod(S, "__init__", (args, kwnames) => {
  const [initial, newline] = bindArgs("StringIO", args.slice(1), kwnames, ["initial_value", "newline"], 0);
  const s = sio(args);
  let nl: string | null = "\n";
  if (newline !== undefined) {
    if (newline === None) nl = null;
    else {
      const v = strValueOf(newline);
      if (v === undefined) raise(Exc.TypeError, `newline must be str or None, not ${typeOf(newline).name}`);
      if (v !== "" && v !== "\n" && v !== "\r" && v !== "\r\n") {
        raise(Exc.ValueError, `illegal newline value: '${v}'`);
      }
      nl = v;
    }
  }
  s.newline = nl;
  s.text = "";
  s.tail = [];
  s.size = s.pos = 0;
  s.astral = false;
  s.closed = false;
  s.seen = 0;
  if (initial !== undefined && initial !== None) {
    const v = strValueOf(initial);
    if (v === undefined) {
      raise(Exc.TypeError, `initial_value must be str or None, not ${typeOf(initial).name}`);
    }
    s.writeText(v);
    s.pos = 0;
  }
  return None;
});
defMethod(S, "getvalue", (args) => {
  const s = sio(args);
  s.checkOpen();
  return s.value();
});
defMethod(S, "read", (args, kwnames) => {
  const [sizeV] = bindArgs("read", args.slice(1), kwnames, ["size"], 0);
  return sio(args).readText(sizeArg(sizeV));
});
defMethod(S, "readline", (args, kwnames) => {
  const [sizeV] = bindArgs("readline", args.slice(1), kwnames, ["size"], 0);
  return sio(args).readLine(sizeArg(sizeV));
});
defMethod(S, "write", (args) => {
  checkMethodArgs("write", args, null, 1, 1);
  const s = sio(args);
  const v = strValueOf(args[1]);
  s.checkOpen();
  if (v === undefined) raise(Exc.TypeError, `string argument expected, got '${typeOf(args[1]).name}'`);
  return s.writeText(v);
});
defMethod(S, "seek", (args) => {
  checkMethodArgs("seek", args, null, 1, 2);
  return sio(args).seek(intArg(args[1]), args.length > 2 ? intArg(args[2]) : 0);
});
defMethod(S, "tell", (args) => {
  const s = sio(args);
  s.checkOpen();
  return s.pos;
});
defMethod(S, "truncate", (args) => {
  checkMethodArgs("truncate", args, null, 0, 1);
  return sio(args).truncate(args.length > 1 && args[1] !== None ? intArg(args[1]) : null);
});
defMethod(S, "close", (args) => {
  const s = sio(args);
  s.closed = true;
  s.baseClosed = true;
  return None;
});
for (const name of ["readable", "writable", "seekable"]) {
  defMethod(S, name, (args) => {
    sio(args).checkOpen();
    return true;
  });
}
defMethod(S, "__next__", (args) => {
  const line = sio(args).readLine(-1);
  if (line === "") throw newException(Exc.StopIteration, []);
  return line;
});
S.tp_iter = (o) => {
  (o as PyStringIO).checkOpen(true);
  return o;
};
S.tp_iternext = (o) => {
  const line = (o as PyStringIO).readLine(-1);
  return line === "" ? undefined : line;
};
defGetSet(S, "closed", (o) => (o as PyStringIO).closed);
defGetSet(S, "line_buffering", (o) => {
  (o as PyStringIO).checkOpen();
  return false;
});
defGetSet(S, "newlines", (o) => {
  const s = o as PyStringIO;
  s.checkOpen();
  return newlinesValue(s.newline === null || s.newline === "", s.seen);
});

// ---------------------------------------------------------------------------------------------
// BytesIO

/** A BytesIO: data[0:size) are the contents. */
export class PyBytesIO extends PyIOBase {
  declare data: Uint8Array;
  declare size: number;
  declare pos: number;
  declare closed: boolean;
  constructor(cls: PyType) {
    super(cls);
    this.data = new Uint8Array(0);
    this.size = 0;
    this.pos = 0;
    this.closed = false;
  }

  checkOpen(): void {
    if (this.closed) closedFileError();
  }

  read(n: number): Uint8Array {
    this.checkOpen();
    const end = n < 0 ? this.size : Math.min(this.size, this.pos + n);
    if (end <= this.pos) return new Uint8Array(0);
    const out = this.data.slice(this.pos, end);
    this.pos = end;
    return out;
  }

  readLine(limit: number): Uint8Array {
    this.checkOpen();
    if (this.pos >= this.size) return new Uint8Array(0);
    let end = this.data.subarray(0, this.size).indexOf(10, this.pos);
    end = end < 0 ? this.size : end + 1;
    if (limit >= 0) end = Math.min(end, this.pos + limit);
    const out = this.data.slice(this.pos, end);
    this.pos = end;
    return out;
  }

  write(bytes: Uint8Array): number {
    this.checkOpen();
    const n = bytes.length;
    if (n === 0) return 0;
    const end = this.pos + n;
    if (end > this.data.length) {
      const grown = new Uint8Array(Math.max(end, this.data.length * 2, 64));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    if (this.pos > this.size) this.data.fill(0, this.size, this.pos);
    this.data.set(bytes, this.pos);
    this.pos = end;
    if (end > this.size) this.size = end;
    return n;
  }

  seek(pos: number, whence: number): number {
    this.checkOpen();
    if (whence < 0 || whence > 2) raise(Exc.ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
    if (whence === 0 && pos < 0) raise(Exc.ValueError, `negative seek value ${pos}`);
    const base = whence === 0 ? 0 : whence === 1 ? this.pos : this.size;
    this.pos = Math.max(0, base + pos);
    return this.pos;
  }

  value(): Uint8Array {
    return this.data.slice(0, this.size);
  }
}

function bio(args: PyValue[]): PyBytesIO {
  const b = args[0];
  if (!(b instanceof PyBytesIO)) raise(Exc.TypeError, "descriptor requires a '_io.BytesIO' object");
  return b;
}

const B = bytesIOType;
B.tp_new = (cls) => new PyBytesIO(cls);
installNew(B);
defMethod(B, "__init__", (args, kwnames) => {
  const [initial] = bindArgs("BytesIO", args.slice(1), kwnames, ["initial_bytes"], 0);
  const b = bio(args);
  b.data = new Uint8Array(0);
  b.size = b.pos = 0;
  b.closed = false;
  if (initial !== undefined && initial !== None) {
    b.write(bufferArg(initial));
    b.pos = 0;
  }
  return None;
});
defMethod(B, "getvalue", (args) => {
  const b = bio(args);
  b.checkOpen();
  return newBytes(b.value());
});
defMethod(
  B,
  "getbuffer",
  () => raise(Exc.NotImplementedError, "BytesIO.getbuffer() is not supported by pyjit"),
);
for (const name of ["read", "read1"]) {
  defMethod(B, name, (args, kwnames) => {
    const [sizeV] = bindArgs(name, args.slice(1), kwnames, ["size"], 0);
    return newBytes(bio(args).read(sizeArg(sizeV)));
  });
}
defMethod(B, "readline", (args, kwnames) => {
  const [sizeV] = bindArgs("readline", args.slice(1), kwnames, ["size"], 0);
  return newBytes(bio(args).readLine(sizeArg(sizeV)));
});
defMethod(B, "readlines", (args, kwnames) => {
  const [hintV] = bindArgs("readlines", args.slice(1), kwnames, ["hint"], 0);
  const b = bio(args);
  const hint = sizeArg(hintV);
  const out: PyValue[] = [];
  let total = 0;
  for (let line = b.readLine(-1); line.length > 0; line = b.readLine(-1)) {
    out.push(newBytes(line));
    total += line.length;
    if (hint > 0 && total >= hint) break;
  }
  return new PyList(out);
});
for (const name of ["readinto", "readinto1"]) {
  defMethod(B, name, (args) => {
    checkMethodArgs(name, args, null, 1, 1);
    const into = writableBufferArg(args[1], name);
    const data = bio(args).read(into.data.length);
    into.data.set(data);
    return data.length;
  });
}
defMethod(B, "write", (args) => {
  checkMethodArgs("write", args, null, 1, 1);
  const b = bio(args);
  b.checkOpen();
  return b.write(bufferArg(args[1]));
});
defMethod(B, "seek", (args) => {
  checkMethodArgs("seek", args, null, 1, 2);
  return bio(args).seek(intArg(args[1]), args.length > 2 ? intArg(args[2]) : 0);
});
defMethod(B, "tell", (args) => {
  const b = bio(args);
  b.checkOpen();
  return b.pos;
});
defMethod(B, "truncate", (args) => {
  checkMethodArgs("truncate", args, null, 0, 1);
  const b = bio(args);
  b.checkOpen();
  const n = args.length > 1 && args[1] !== None ? intArg(args[1]) : b.pos;
  if (n < 0) raise(Exc.ValueError, `negative size value ${n}`);
  if (n < b.size) b.size = n;
  return n;
});
defMethod(B, "close", (args) => {
  const b = bio(args);
  b.closed = true;
  b.baseClosed = true;
  return None;
});
defMethod(B, "flush", (args) => {
  bio(args).checkOpen();
  return None;
});
defMethod(B, "isatty", (args) => {
  bio(args).checkOpen();
  return false;
});
for (const name of ["readable", "writable", "seekable"]) {
  defMethod(B, name, (args) => {
    bio(args).checkOpen();
    return true;
  });
}
defMethod(B, "__next__", (args) => {
  const line = bio(args).readLine(-1);
  if (line.length === 0) throw newException(Exc.StopIteration, []);
  return newBytes(line);
});
B.tp_iter = (o) => {
  (o as PyBytesIO).checkOpen();
  return o;
};
B.tp_iternext = (o) => {
  const line = (o as PyBytesIO).readLine(-1);
  return line.length === 0 ? undefined : newBytes(line);
};
defGetSet(B, "closed", (o) => (o as PyBytesIO).closed);
defMethod(B, "detach", () => unsupported("detach"));

// A TextIOWrapper over a BytesIO drives it without Python calls.
addFastBinaryStream((obj) => {
  if (!(obj instanceof PyBytesIO) || obj.cls !== bytesIOType) return null;
  return {
    read1: (n) => obj.read(n),
    readAll: () => obj.read(-1),
    write: (d) => void obj.write(d),
    flush: () => obj.checkOpen(),
    tell: () => {
      obj.checkOpen();
      return obj.pos;
    },
    seek: (p, w) => obj.seek(p, w),
    truncate: (p) => {
      const n = p === None ? obj.pos : intArg(p);
      if (n < obj.size) obj.size = n;
      return n;
    },
    close: () => {
      obj.closed = true;
    },
    closed: () => obj.closed,
  };
});
