// The tables of instructions/: tunables parse and range-check by their row; reason codes are unique.
import assert from "node:assert/strict";
import { resetTunables, setTunable, setTunables, TUNABLES, tunables } from "./tunables.ts";
import { FAILURE_NAMES, FAILURE_REASONS, SPEC_FAIL } from "./specialization_failures.ts";
import { ABORT, ABORT_NAMES, ABORT_REASONS } from "./abort_reasons.ts";

Deno.test("tunables: set by name=value, checked against their row, reset to defaults", () => {
  try {
    setTunable("hot_loop_threshold=64");
    assert.equal(tunables.hot_loop_threshold, 64);
    setTunables("max_inline_depth=2, hot_exit_threshold=5");
    assert.equal(tunables.max_inline_depth, 2);
    assert.equal(tunables.hot_exit_threshold, 5);
    assert.throws(() => setTunable("no_such_param=1"), /unknown JIT parameter 'no_such_param'/);
    assert.throws(() => setTunable("max_inline_depth=2.5"), /wants an integer, not '2.5'/);
    assert.throws(() => setTunable("max_inline_depth=99"), /between 0 and 32, not 99/);
    assert.throws(() => setTunable("max_inline_depth"), /wants name=value/);
  } finally {
    resetTunables();
  }
  for (const t of TUNABLES) {
    assert.equal(tunables[t.name], t.default);
    assert.ok(t.min <= t.default && t.default <= t.max, t.name);
    assert.ok(t.why.length > 10, t.name);
  }
});

Deno.test("reason tables: one code per name, names by code", () => {
  assert.equal(new Set(FAILURE_NAMES).size, FAILURE_REASONS.length);
  assert.equal(FAILURE_NAMES[SPEC_FAIL.BIG_INT], "BIG_INT");
  assert.equal(new Set(ABORT_NAMES).size, ABORT_REASONS.length);
  assert.equal(ABORT_NAMES[ABORT.INLINE_TOO_DEEP], "INLINE_TOO_DEEP");
});
