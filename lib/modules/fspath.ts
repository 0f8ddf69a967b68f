/**
 * Path arguments → the strings Deno's file APIs take: `str`, `bytes` (decoded as the file system
 * encoding, UTF-8 with surrogateescape) and `os.PathLike` objects (their `__fspath__()`), with
 * CPython's TypeErrors and ValueErrors; plus `os.fsencode`/`os.fsdecode` on raw values.
 *
 * @example
 * ```ts
 * import { fsPath } from "./fspath.ts";
 * console.log(fsPath("a/b", "stat")); // "a/b"
 * ```
 * @module
 */
import { Exc, PyBytes, type PyValue, raise, typeOf } from "../../objects/object.ts";
import { callMethod0, strValueOf } from "../../objects/ops.ts";
import { lookupCodec } from "./text_codecs.ts";

const fsCodec = lookupCodec("utf-8");

/** Bytes → str as the file system encoding does (UTF-8, undecodable bytes as lone surrogates). */
export function fsDecodeBytes(data: Uint8Array): string {
  return fsCodec.newDecoder("surrogateescape").decode(data, true).text;
}

/** str → bytes as the file system encoding does. */
export function fsEncodeString(s: string): Uint8Array {
  return fsCodec.newEncoder("surrogateescape").encode(s);
}

/** What the path functions accept besides str/bytes/PathLike, for the TypeError's wording. */
export interface PathArgOptions {
  /** An int (a file descriptor) is accepted. */
  allowFd?: boolean;
  /** None is accepted. */
  allowNone?: boolean;
}

/**
 * `os.fspath(v)`: str and bytes as they are, a PathLike's `__fspath__()`; otherwise undefined
 * (the caller words the TypeError).
 */
export function fspathValue(v: PyValue): PyValue | undefined {
  if (strValueOf(v) !== undefined || v instanceof PyBytes) return v;
  const t = typeOf(v);
  const f = t.lookup("__fspath__");
  if (f === undefined) return undefined;
  const r = callMethod0(f, v); // binds descriptors as a special-method call does
  if (strValueOf(r) !== undefined || r instanceof PyBytes) return r;
  return raise(
    Exc.TypeError,
    `expected ${t.name}.__fspath__() to return str or bytes, not ${typeOf(r).name}`,
  );
}

/** The TypeError for a value that is not a path. */
export function notAPath(v: PyValue, fname: string | null, opts: PathArgOptions = {}): never {
  const t = typeOf(v).name;
  if (fname === null) raise(Exc.TypeError, `expected str, bytes or os.PathLike object, not ${t}`);
  const kinds = ["string", "bytes", "os.PathLike"];
  if (opts.allowFd) kinds.push("integer");
  if (opts.allowNone) kinds.push("None");
  const last = kinds.pop();
  raise(Exc.TypeError, `${fname}: path should be ${kinds.join(", ")} or ${last}, not ${t}`);
}

/**
 * A path argument as a string, and whether it was given as bytes (functions that return names
 * return bytes for bytes). `fname` names the function in messages (null: `open()`'s wording).
 */
export function fsPathInfo(v: PyValue, fname: string | null, opts: PathArgOptions = {}): {
  path: string;
  isBytes: boolean;
  /** The str or bytes the argument stands for (what error messages show as the file name). */
  value: PyValue;
} {
  const p = fspathValue(v);
  if (p === undefined) notAPath(v, fname, opts);
  if (p instanceof PyBytes) {
    if (p.data.includes(0)) {
      raise(
        Exc.ValueError,
        fname === null ? "embedded null byte" : `${fname}: embedded null character in path`,
      );
    }
    return { path: fsDecodeBytes(p.data), isBytes: true, value: p };
  }
  const s = strValueOf(p)!;
  if (s.includes("\0")) raise(Exc.ValueError, "embedded null byte");
  return { path: s, isBytes: false, value: p };
}

/** A path argument as a string (see fsPathInfo). */
export function fsPath(v: PyValue, fname: string | null, opts: PathArgOptions = {}): string {
  return fsPathInfo(v, fname, opts).path;
}

/** A name returned by a path function: bytes when the argument was bytes. */
export function fsResult(name: string, asBytes: boolean): PyValue {
  return asBytes ? new PyBytes(fsEncodeString(name)) : name;
}
