/**
 * The buffer protocol: a Python value → its raw memory (live bytes, element format, item size,
 * shape, read-only flag) when it exports one. bytes and bytearray export themselves; other
 * exporters (memoryview, array.array) register a function here. Consumers: memoryview(),
 * bytes()/bytearray() of a buffer, and every bytes-like argument (objects/types/bytes.ts).
 *
 * @example
 * ```ts
 * import { getBuffer } from "./buffer.ts";
 * import { PyBytes } from "../object.ts";
 * console.log(getBuffer(new PyBytes(new Uint8Array([1, 2])))?.format); // "B"
 * ```
 * @module
 */
import { bytearrayType, PyBytes, type PyValue } from "../object.ts";

/** A view of an exporter's memory. */
export interface BufferExport {
  /** The exporter's current memory (re-read on each access: a bytearray may reallocate). */
  memory(): Uint8Array;
  /** Byte offset of the first element in memory(). */
  offset: number;
  /** struct-style element format ("B", "i", "d", …). */
  format: string;
  itemsize: number;
  readonly: boolean;
  shape: number[];
  /** Byte distance between consecutive elements of each dimension. */
  strides: number[];
}

type Exporter = (v: PyValue) => BufferExport | undefined;

const exporters: Exporter[] = [];

/** Registers an exporter (memoryview, array.array, …). */
export function registerBufferExporter(exporter: Exporter): void {
  exporters.push(exporter);
}

/** The buffer v exports, or undefined. */
export function getBuffer(v: PyValue): BufferExport | undefined {
  if (v instanceof PyBytes) {
    const b = v;
    return {
      memory: () => b.data,
      offset: 0,
      format: "B",
      itemsize: 1,
      readonly: !b.cls.isSubtypeOf(bytearrayType),
      shape: [b.data.length],
      strides: [1],
    };
  }
  if (typeof v !== "object") return undefined;
  for (const exporter of exporters) {
    const b = exporter(v);
    if (b !== undefined) return b;
  }
  return undefined;
}

/** Whether the buffer's elements are laid out contiguously in C order. */
export function isCContiguous(b: BufferExport): boolean {
  let expected = b.itemsize;
  for (let d = b.shape.length - 1; d >= 0; d--) {
    if (b.shape[d] > 1 && b.strides[d] !== expected) return false;
    if (b.shape[d] === 0) return true;
    expected *= b.shape[d];
  }
  return true;
}

/** The buffer's bytes in C order (a copy, or a subarray when contiguous). */
export function bufferBytes(b: BufferExport): Uint8Array {
  const total = b.shape.reduce((a, n) => a * n, 1) * b.itemsize;
  const memory = b.memory();
  if (isCContiguous(b)) return memory.subarray(b.offset, b.offset + total);
  const out = new Uint8Array(total);
  let pos = 0;
  const walk = (dim: number, at: number): void => {
    if (dim === b.shape.length) {
      out.set(memory.subarray(at, at + b.itemsize), pos);
      pos += b.itemsize;
      return;
    }
    for (let i = 0; i < b.shape[dim]; i++) walk(dim + 1, at + i * b.strides[dim]);
  };
  walk(0, b.offset);
  return out;
}
