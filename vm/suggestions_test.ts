// "Did you mean" for AttributeError: the edit cost and the choice of the closest name.
import { equal as assertEquals } from "node:assert/strict";
import { closestName, editCostWithin } from "./suggestions.ts";

Deno.test("edit cost: case changes cost 1, other edits 2, common ends are free", () => {
  assertEquals(editCostWithin("apend", "append", 10), 2);
  assertEquals(editCostWithin("Method", "method", 10), 1);
  assertEquals(editCostWithin("sine", "sin", 10), 2);
  assertEquals(editCostWithin("abc", "xyz", 10), 6);
  assertEquals(editCostWithin("cad", "ab", 10), 4);
});

Deno.test("edit cost: stops early above the limit", () => {
  assertEquals(editCostWithin("abcdef", "uvwxyz", 3) > 3, true);
  assertEquals(editCostWithin("a", "abcdefghij", 4) > 4, true);
});

Deno.test("closest name: within a third of the lengths, the first best in order", () => {
  assertEquals(closestName("apend", ["append", "extend", "pop"]), "append");
  assertEquals(closestName("zzz", ["append", "extend"]), null);
  assertEquals(closestName("ab", ["ab"]), null); // the name itself is no suggestion
  assertEquals(closestName("cat", ["bat", "cab"]), "bat");
  const many = Array.from({ length: 750 }, (_, i) => `name${i}`);
  assertEquals(closestName("name1x", many), null);
});
