/**
 * Test helper: runs a Python program in-process through runProgram and captures its exit status,
 * stdout and stderr (the process streams are redirected while it runs).
 * @module
 */
import { runProgram, type TierName } from "../driver/run.ts";
import { setOutputSinks } from "../objects/stdio.ts";

/** Runs one program in-process on `tier`; returns its status, stdout and stderr. */
export function runCaptured(
  source: string,
  filename: string,
  tier: TierName = "specialized",
): { status: number; stdout: string; stderr: string } {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const old = setOutputSinks((b) => out.push(b.slice()), (b) => err.push(b.slice()));
  let status: number;
  try {
    status = runProgram(source, {
      filename,
      argv: [filename],
      tier,
      stats: false,
      dumpTraces: false,
    });
  } finally {
    setOutputSinks(old.stdout, old.stderr);
  }
  const dec = (chunks: Uint8Array[]) => new TextDecoder().decode(concat(chunks));
  return { status, stdout: dec(out), stderr: dec(err) };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
