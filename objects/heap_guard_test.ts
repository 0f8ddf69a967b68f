// The heap guard: charges below the limit pass, a charge the heap has no room for is MemoryError.
import { equal, ok, throws } from "node:assert/strict";
import { checkHeap, heapGuardState, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH } from "./heap_guard.ts";
import { Exc, PyBaseException } from "./object.ts";

Deno.test("small charges pass; each refill measures the heap", () => {
  for (let i = 0; i < 100_000; i++) checkHeap(1024);
  ok(heapGuardState().budget > 0);
});

Deno.test("a charge larger than the room left is MemoryError before anything is allocated", () => {
  throws(
    () => checkHeap(2 ** 50),
    (e: unknown) => e instanceof PyBaseException && e.cls === Exc.MemoryError && e.args.items.length === 0,
  );
  // The limit is known once the heap was measured against it: a fraction of V8's.
  ok(heapGuardState().limit > 64 * 1024 * 1024);
  // The program goes on afterwards.
  checkHeap(16);
});

Deno.test("V8's hard limits on strings and arrays", () => {
  equal(MAX_STRING_LENGTH, 2 ** 29 - 24);
  ok(MAX_ARRAY_LENGTH > 2 ** 26 && MAX_ARRAY_LENGTH < 2 ** 28);
});
