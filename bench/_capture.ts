/**
 * Running pyjit in this process with its output captured: a program and its arguments → exit
 * status, stdout and stderr as strings, or the "not yet" reason when pyjit stops on a
 * NotImplementedError. `runProgram` writes to `Deno.stdout`/`Deno.stderr`; while it runs, their
 * `writeSync`/`write` are replaced by collectors so that `deno bench` output stays readable and the
 * program's output can be checked.
 * @module
 */
import { runProgram, type TierName } from "../mod.ts";

/** What one in-process run produced. */
export interface CapturedRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The JavaScript error runProgram threw, if it threw. */
  thrown: string | null;
}

type Stream = typeof Deno.stdout | typeof Deno.stderr;

/** Replaces a stream's writers with a collector; returns the function that restores them. */
function collect(stream: Stream, chunks: Uint8Array[]): () => void {
  const own = stream as unknown as Record<string, unknown>;
  const saved = { writeSync: own.writeSync, write: own.write, hadOwn: Object.hasOwn(own, "writeSync") };
  own.writeSync = (bytes: Uint8Array) => {
    chunks.push(bytes.slice());
    return bytes.length;
  };
  own.write = (bytes: Uint8Array) => {
    chunks.push(bytes.slice());
    return Promise.resolve(bytes.length);
  };
  return () => {
    // Put back exactly what was there: usually the prototype's methods, shadowed by nothing.
    own.writeSync = saved.writeSync;
    own.write = saved.write;
    if (!saved.hadOwn) {
      Reflect.deleteProperty(own, "writeSync");
      Reflect.deleteProperty(own, "write");
    }
  };
}

function text(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") + decoder.decode();
}

/** Calls `fn` with everything written to Deno.stdout/Deno.stderr collected instead of written. */
export function captureOutput<T>(fn: () => T): { value: T; stdout: string; stderr: string } {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const restoreOut = collect(Deno.stdout, out);
  const restoreErr = collect(Deno.stderr, err);
  try {
    const value = fn();
    return { value, stdout: text(out), stderr: text(err) };
  } finally {
    restoreErr();
    restoreOut();
  }
}

/** Runs `source` under `tier` in this process, capturing what it writes. */
export function runCaptured(source: string, filename: string, args: string[], tier: TierName): CapturedRun {
  let thrown: string | null = null;
  const { value, stdout, stderr } = captureOutput(() => {
    try {
      return runProgram(source, {
        filename,
        argv: [filename, ...args],
        tier,
        stats: false,
        dumpTraces: false,
      });
    } catch (e) {
      thrown = e instanceof Error ? e.message : String(e);
      return 1;
    }
  });
  return { status: value, stdout, stderr, thrown };
}
