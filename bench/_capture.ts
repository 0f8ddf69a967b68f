/**
 * Output capture for code that writes to the process's streams: a function → its result and what
 * it wrote to stdout and stderr, as strings. pyjit's `runProgram` writes to `Deno.stdout`/
 * `Deno.stderr`; while it runs in-process, their `writeSync`/`write` are replaced by collectors so
 * that `deno bench` output stays readable and the program's output can be checked.
 * @module
 */

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
