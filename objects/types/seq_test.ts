/**
 * Long arrays built whole (seq.ts arrayForLength, repeatItems): past V8's fast preallocation limit
 * (2**25 items) the array is preallocated to that limit and grown beyond it, with every item where
 * a plain push loop would have put it.
 */
import { deepEqual } from "node:assert/strict";
import "../../lib/builtins.ts";
import { arrayForLength, PREALLOCATE_FROM, repeatItems } from "./seq.ts";

const FAST_LIMIT = 2 ** 25;

Deno.test("arrayForLength: short lengths start empty, long ones preallocated up to V8's fast limit", () => {
  deepEqual(arrayForLength(10).length, 0);
  deepEqual(arrayForLength(PREALLOCATE_FROM - 1).length, 0);
  deepEqual(arrayForLength(PREALLOCATE_FROM).length, PREALLOCATE_FROM);
  deepEqual(arrayForLength(FAST_LIMIT + 7).length, FAST_LIMIT);
});

Deno.test("repeatItems: one item and several, below and past the fast limit, in order", () => {
  const one = repeatItems(["a"], FAST_LIMIT + 3);
  deepEqual(one.length, FAST_LIMIT + 3);
  deepEqual([one[0], one[FAST_LIMIT - 1], one[FAST_LIMIT], one[FAST_LIMIT + 2]], ["a", "a", "a", "a"]);
  const three = repeatItems([1, 2, 3], Math.ceil((FAST_LIMIT + 2) / 3));
  deepEqual(three.length % 3, 0);
  for (const at of [0, 1, 2, FAST_LIMIT - 2, FAST_LIMIT - 1, FAST_LIMIT, FAST_LIMIT + 1, three.length - 1]) {
    deepEqual(three[at], (at % 3) + 1, `item ${at}`);
  }
  deepEqual(repeatItems([1, 2], 40000).slice(-3), [2, 1, 2]);
});
