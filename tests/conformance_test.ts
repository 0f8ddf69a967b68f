/**
 * Conformance: every program in tests/programs/ runs in-process through runProgram, on the generic
 * interpreter (`--tier interp`), on the specializing one (`--tier specialized`) and with the
 * tracing JIT (`--tier jit`), and must
 * print exactly CPython 3.11's stdout (`NAME.py.exp`) and exit with CPython's status; programs
 * that fail under CPython also have `NAME.py.status` ("STATUS\nLAST LINE OF STDERR"), and the last
 * line of our stderr must match. Expectations come from tests/gen_expectations.ts (python3).
 *
 * A program that does not pass yet may be listed in KNOWN_FAILURES with the reason; the list must
 * only shrink.
 */
import assert from "node:assert/strict";
import { runCaptured, TEST_SIZE_THRESHOLDS, withTunables } from "./run_captured.ts";

/** Programs that do not pass yet, and why. */
const KNOWN_FAILURES: Record<string, string> = {};

const DIR = new URL("./programs/", import.meta.url);

function readOrNull(url: URL): string | null {
  try {
    return Deno.readTextFileSync(url);
  } catch {
    return null;
  }
}

const programs = [...Deno.readDirSync(DIR)].map((e) => e.name).filter((n) => n.endsWith(".py")).sort();

const TIERS = ["interp", "specialized", "jit"] as const;

for (const name of programs) {
  for (const tier of TIERS) {
    const known = KNOWN_FAILURES[name];
    Deno.test({
      name: `conformance (${tier}): ${name}${known ? ` (known failure: ${known})` : ""}`,
      ignore: known !== undefined,
      fn() {
        const source = Deno.readTextFileSync(new URL(name, DIR));
        const expected = Deno.readTextFileSync(new URL(`${name}.exp`, DIR));
        const statusFile = readOrNull(new URL(`${name}.status`, DIR));
        const [wantStatus, wantLast] = statusFile === null
          ? [0, null]
          : [Number(statusFile.split("\n")[0]), statusFile.split("\n")[1] ?? ""];
        // The JIT at thresholds that test-sized loops reach, so that their traces run too.
        const got = tier === "jit"
          ? withTunables(TEST_SIZE_THRESHOLDS, () => runCaptured(source, name, tier))
          : runCaptured(source, name, tier);
        assert.equal(got.stdout, expected, `stdout of ${name}\nstderr:\n${got.stderr}`);
        assert.equal(got.status, wantStatus, `exit status of ${name}\nstderr:\n${got.stderr}`);
        if (wantLast !== null) {
          const lines = got.stderr.trimEnd().split("\n");
          assert.equal(lines[lines.length - 1], wantLast, `last line of stderr of ${name}`);
        }
      },
    });
  }
}
