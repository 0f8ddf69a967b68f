/**
 * Executable memory: requests for blocks of machine code → addresses in pages mapped with libc's
 * `mmap`, written while read-write and then switched to read-execute with `mprotect`. A page is
 * never writable and executable at once (W^X).
 *
 * Many small traces share pages: memory comes in chunks (256 KiB by default), carved into 16-byte
 * aligned blocks by first fit; freed blocks coalesce with their free neighbours and are reused.
 * Pages never yet made executable stay read-write, so writing a block into fresh pages costs one
 * `mprotect`; writing into a page that already holds code flips it to read-write first (two). The
 * allocator counts bytes in use and bytes mapped.
 *
 * @example
 * ```ts
 * import { ExecMemory } from "./exec_memory.ts";
 * const memory = new ExecMemory();
 * const block = memory.allocate(1);
 * memory.write(block, new Uint8Array([0xc3])); // ret
 * memory.free(block);
 * memory.dispose();
 * ```
 * @module
 */
import {
  addressOf,
  libc,
  MAP_ANONYMOUS,
  MAP_PRIVATE,
  pointerAt,
  PROT_EXEC,
  PROT_READ,
  PROT_WRITE,
} from "./native_libs.ts";

/** The page size of x86-64 Linux. */
export const PAGE_SIZE = 4096;
/** Block sizes are rounded up to this (and blocks start at multiples of it). */
export const BLOCK_ALIGN = 16;
const DEFAULT_CHUNK_SIZE = 256 * 1024;

const PAGE_FRESH = 0; // read-write, never held code
const PAGE_EXEC = 1; // read-execute

/** A mapped region carved into blocks. */
class Chunk {
  /** Free ranges as [offset, size] pairs, sorted by offset, never adjacent. */
  readonly free: number[][];
  readonly pageState: Uint8Array;
  constructor(readonly address: number, readonly size: number) {
    this.free = [[0, size]];
    this.pageState = new Uint8Array(size / PAGE_SIZE).fill(PAGE_FRESH);
  }
}

/** A block of executable memory handed out by `ExecMemory.allocate`. */
export class CodeBlock {
  constructor(
    /** Absolute address of the first byte. */
    readonly address: number,
    /** Size in bytes (a multiple of `BLOCK_ALIGN`). */
    readonly size: number,
    readonly chunk: Chunk,
    /** False once freed. */
    public live: boolean,
  ) {}
}

/** Counters of an `ExecMemory`. */
export interface ExecMemoryStats {
  readonly bytesInUse: number;
  readonly bytesMapped: number;
  readonly blocksInUse: number;
  readonly mprotectCalls: number;
}

/** A W^X executable-memory allocator. */
export class ExecMemory {
  readonly #chunks: Chunk[] = [];
  #bytesInUse = 0;
  #blocksInUse = 0;
  #mprotectCalls = 0;

  constructor(readonly chunkSize: number = DEFAULT_CHUNK_SIZE) {
    if (chunkSize % PAGE_SIZE !== 0) throw new RangeError("chunk size must be a multiple of the page size");
  }

  /** Reserves `size` bytes (rounded up to 16); the block is not executable until `write`. */
  allocate(size: number): CodeBlock {
    if (!(size > 0)) throw new RangeError(`cannot allocate ${size} bytes of code`);
    const rounded = Math.ceil(size / BLOCK_ALIGN) * BLOCK_ALIGN;
    for (const chunk of this.#chunks) {
      const block = this.#carve(chunk, rounded);
      if (block) return block;
    }
    const chunk = this.#map(Math.max(this.chunkSize, Math.ceil(rounded / PAGE_SIZE) * PAGE_SIZE));
    return this.#carve(chunk, rounded)!;
  }

  /** Copies `bytes` to the start of `block` and makes its pages read-execute. */
  write(block: CodeBlock, bytes: Uint8Array): void {
    if (!block.live) throw new Error("write to a freed code block");
    if (bytes.length > block.size) throw new RangeError("code larger than its block");
    const chunk = block.chunk;
    const first = Math.floor((block.address - chunk.address) / PAGE_SIZE);
    const last = Math.floor((block.address + block.size - 1 - chunk.address) / PAGE_SIZE);
    const start = chunk.address + first * PAGE_SIZE;
    const length = (last - first + 1) * PAGE_SIZE;
    let shared = false;
    for (let page = first; page <= last; page++) if (chunk.pageState[page] === PAGE_EXEC) shared = true;
    // Pages already holding code (of other blocks) are made writable, never writable and executable.
    if (shared) this.#protect(start, length, PROT_READ | PROT_WRITE);
    new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(pointerAt(block.address)!, bytes.length)).set(bytes);
    this.#protect(start, length, PROT_READ | PROT_EXEC);
    for (let page = first; page <= last; page++) chunk.pageState[page] = PAGE_EXEC;
  }

  /** Returns `block` for reuse. Its bytes stay mapped read-execute until overwritten. */
  free(block: CodeBlock): void {
    if (!block.live) throw new Error("code block freed twice");
    block.live = false;
    this.#bytesInUse -= block.size;
    this.#blocksInUse--;
    const free = block.chunk.free;
    const offset = block.address - block.chunk.address;
    let i = 0;
    while (i < free.length && free[i][0] < offset) i++;
    free.splice(i, 0, [offset, block.size]);
    // Coalesce with the next range, then with the previous one.
    if (i + 1 < free.length && free[i][0] + free[i][1] === free[i + 1][0]) {
      free[i][1] += free[i + 1][1];
      free.splice(i + 1, 1);
    }
    if (i > 0 && free[i - 1][0] + free[i - 1][1] === free[i][0]) {
      free[i - 1][1] += free[i][1];
      free.splice(i, 1);
    }
  }

  /** Bytes in use, bytes mapped, blocks in use, and mprotect calls so far. */
  stats(): ExecMemoryStats {
    return {
      bytesInUse: this.#bytesInUse,
      bytesMapped: this.#chunks.reduce((sum, c) => sum + c.size, 0),
      blocksInUse: this.#blocksInUse,
      mprotectCalls: this.#mprotectCalls,
    };
  }

  /** The mapped chunks (address and size), for checks such as reading /proc/self/maps. */
  regions(): { address: number; size: number }[] {
    return this.#chunks.map((c) => ({ address: c.address, size: c.size }));
  }

  /** Unmaps every chunk; all blocks become invalid. */
  dispose(): void {
    const c = libc();
    for (const chunk of this.#chunks) c.munmap(pointerAt(chunk.address), BigInt(chunk.size));
    this.#chunks.length = 0;
    this.#bytesInUse = 0;
    this.#blocksInUse = 0;
  }

  #carve(chunk: Chunk, size: number): CodeBlock | null {
    const free = chunk.free;
    for (let i = 0; i < free.length; i++) {
      const range = free[i];
      if (range[1] < size) continue;
      const offset = range[0];
      if (range[1] === size) free.splice(i, 1);
      else {
        range[0] += size;
        range[1] -= size;
      }
      this.#bytesInUse += size;
      this.#blocksInUse++;
      return new CodeBlock(chunk.address + offset, size, chunk, true);
    }
    return null;
  }

  #map(size: number): Chunk {
    const pointer = libc().mmap(
      null,
      BigInt(size),
      PROT_READ | PROT_WRITE,
      MAP_PRIVATE | MAP_ANONYMOUS,
      -1,
      0n,
    );
    const address = addressOf(pointer);
    if (pointer === null || address >= 2 ** 63 || address % PAGE_SIZE !== 0) { // MAP_FAILED is -1
      throw new Error(`mmap of ${size} bytes failed`);
    }
    const chunk = new Chunk(address, size);
    this.#chunks.push(chunk);
    return chunk;
  }

  #protect(address: number, length: number, protection: number): void {
    this.#mprotectCalls++;
    if (libc().mprotect(pointerAt(address), BigInt(length), protection) !== 0) {
      throw new Error(`mprotect(${address.toString(16)}, ${length}, ${protection}) failed`);
    }
  }
}
