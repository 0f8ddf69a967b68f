// toPyException: which Python exception each host error becomes, and the wording of the report
// that asks for a bug report.
import { equal, match, ok } from "node:assert/strict";
import { internalErrorReport, toPyException } from "./errors.ts";
import { Exc, newException } from "../objects/object.ts";
import type { PyBaseException } from "../objects/object.ts";

/** The exception's message (its one argument, or "" without arguments). */
function messageOf(e: PyBaseException): string {
  return e.args.items.length === 0 ? "" : String(e.args.items[0]);
}

Deno.test("V8's allocation failures are MemoryError, with no message (as CPython's)", () => {
  for (
    const message of [
      "Invalid string length",
      "Invalid array length",
      "Array buffer allocation failed",
      "Maximum BigInt size exceeded",
      "Invalid typed array length: 100000000000000000000",
      "Map maximum size exceeded",
    ]
  ) {
    const exc = toPyException(new RangeError(message));
    equal(exc.cls, Exc.MemoryError, message);
    equal(messageOf(exc), "");
  }
});

Deno.test("text too long to decode into a string (Deno's TextDecoder) is MemoryError", () => {
  let thrown: unknown = null;
  try {
    new TextDecoder().decode(new Uint8Array(600_000_000));
  } catch (e) {
    thrown = e;
  }
  ok(thrown !== null, "TextDecoder decoded 600 MB into one string");
  equal(toPyException(thrown).cls, Exc.MemoryError);
});

Deno.test("a JS stack overflow is RecursionError", () => {
  const exc = toPyException(new RangeError("Maximum call stack size exceeded"));
  equal(exc.cls, Exc.RecursionError);
  equal(messageOf(exc), "maximum recursion depth exceeded");
});

Deno.test("Python exceptions pass through; a bug in pyjit is SystemError asking for a report", () => {
  const own = newException(Exc.ValueError, ["x"]);
  equal(toPyException(own), own);
  const bug = toPyException(new TypeError("x.y is undefined"));
  equal(bug.cls, Exc.SystemError);
  match(messageOf(bug), /^internal error: x\.y is undefined \(please report this/);
  // A RangeError that is not about allocation is a bug too.
  equal(toPyException(new RangeError("Invalid count value: -1")).cls, Exc.SystemError);
});

Deno.test("the CLI's report of an internal error is one line", () => {
  const text = internalErrorReport(new TypeError("boom"));
  ok(text.startsWith("pyjit: internal error: boom (please report this"), text);
  if (!Deno.env.get("PYJIT_DEBUG")) equal(text.split("\n").length, 2);
});
