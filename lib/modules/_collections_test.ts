// Unit tests for the deque ring buffer of _collections.ts: growth across the wrap point,
// rotation both ways, maxlen trimming and deletion by index.
import assert from "node:assert/strict";
import { PyDeque } from "./_collections.ts";
import { makeCollectionsModule } from "./_collections.ts";
import type { PyType } from "../../objects/object.ts";

const dequeType = makeCollectionsModule().dict!.getStr("deque") as PyType;

Deno.test("deque grows past its capacity after wrapping around", () => {
  const d = new PyDeque(dequeType);
  for (let i = 0; i < 5; i++) d.append(i);
  for (let i = 0; i < 4; i++) d.appendLeft(-1 - i);
  for (let i = 5; i < 20; i++) d.append(i);
  assert.deepEqual(d.items(), [-4, -3, -2, -1, ...Array.from({ length: 20 }, (_, i) => i)]);
});

Deno.test("deque rotates right and left, and by more than its length", () => {
  const d = new PyDeque(dequeType);
  for (let i = 0; i < 6; i++) d.append(i);
  d.rotate(2);
  assert.deepEqual(d.items(), [4, 5, 0, 1, 2, 3]);
  d.rotate(-5);
  assert.deepEqual(d.items(), [3, 4, 5, 0, 1, 2]);
  d.rotate(6 * 4 + 1);
  assert.deepEqual(d.items(), [2, 3, 4, 5, 0, 1]);
});

Deno.test("deque with maxlen drops from the opposite end; deleteAt keeps order", () => {
  const d = new PyDeque(dequeType);
  d.maxlen = 3;
  for (let i = 0; i < 5; i++) d.append(i);
  assert.deepEqual(d.items(), [2, 3, 4]);
  d.appendLeft(9);
  assert.deepEqual(d.items(), [9, 2, 3]);
  d.deleteAt(1);
  assert.deepEqual(d.items(), [9, 3]);
});
