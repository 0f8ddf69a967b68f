// Executable memory: blocks share pages, freed blocks are reused and coalesced, bytes are counted,
// and code written into a block runs.
import assert from "node:assert/strict";
import { BLOCK_ALIGN, ExecMemory, PAGE_SIZE } from "./exec_memory.ts";
import { nativeJitSupport } from "./native_support.ts";

const support = nativeJitSupport();
if (!support.available) console.warn(`skipping executable-memory tests: ${support.reason}`);
const ignore = !support.available;

Deno.test({
  name: "small blocks share a page, bytes in use are counted, and freed space is reused",
  ignore,
  fn() {
    const memory = new ExecMemory(4 * PAGE_SIZE);
    try {
      const a = memory.allocate(10);
      const b = memory.allocate(100);
      assert.equal(a.size, BLOCK_ALIGN);
      assert.equal(b.address, a.address + BLOCK_ALIGN, "blocks are packed");
      assert.equal(Math.floor(a.address / PAGE_SIZE), Math.floor(b.address / PAGE_SIZE), "one page");
      assert.equal(memory.stats().bytesInUse, 16 + 112);
      memory.write(a, new Uint8Array([0xc3]));
      memory.write(b, new Uint8Array([0x90, 0xc3]));
      memory.free(a);
      assert.equal(memory.stats().bytesInUse, 112);
      const c = memory.allocate(16);
      assert.equal(c.address, a.address, "the freed block is handed out again");
      memory.free(b);
      memory.free(c);
      assert.equal(memory.stats().bytesInUse, 0);
      // Coalesced: the whole chunk is one free range again.
      const whole = memory.allocate(4 * PAGE_SIZE);
      assert.equal(whole.address, a.address);
      assert.equal(memory.stats().bytesMapped, 4 * PAGE_SIZE);
      assert.throws(() => memory.free(a), /freed twice/);
    } finally {
      memory.dispose();
    }
  },
});

Deno.test({
  name: "a block larger than a chunk gets its own mapping; written code runs",
  ignore,
  fn() {
    const memory = new ExecMemory(PAGE_SIZE);
    try {
      const big = memory.allocate(3 * PAGE_SIZE + 1);
      assert.equal(memory.stats().bytesMapped, 4 * PAGE_SIZE);
      // mov eax, 42; ret — called through the C ABI.
      memory.write(big, new Uint8Array([0xb8, 42, 0, 0, 0, 0xc3]));
      const fn = new Deno.UnsafeFnPointer(Deno.UnsafePointer.create(BigInt(big.address))!, {
        parameters: [],
        result: "i32",
      });
      assert.equal(fn.call(), 42);
      assert.equal(memory.stats().mprotectCalls, 1, "fresh pages need one mprotect");
    } finally {
      memory.dispose();
    }
  },
});
