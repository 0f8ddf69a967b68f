/**
 * A long-lived fuzz worker: reads RunRequests (one JSON a line) on stdin, runs each program
 * in-process through runProgram on the asked tier with the asked tunables, and answers each with a
 * RunResult line on stdout (protocol.ts). The program's stdin is empty and its stdout and stderr are
 * captured. A JavaScript exception escaping runProgram is answered as `js-error`; a crash or a hang
 * is seen by the pool (pool.ts), which kills and replaces this process.
 *
 *   deno run -A tools/fuzz/worker.ts
 * @module
 */
import { runProgram } from "../../driver/run.ts";
import { setOutputSinks, setStdinSource } from "../../objects/stdio.ts";
import { resetTunables, setTunables } from "../../instructions/tunables.ts";
import { ANSWER_MARK, OUTPUT_LIMIT, type RunRequest, type RunResult } from "./protocol.ts";

/** Collects a stream's bytes up to OUTPUT_LIMIT characters. */
class Capture {
  readonly chunks: Uint8Array[] = [];
  size = 0;
  readonly sink = (b: Uint8Array): void => {
    if (this.size >= OUTPUT_LIMIT * 4) return;
    this.chunks.push(b.slice());
    this.size += b.length;
  };
  text(): string {
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      all.set(c, at);
      at += c.length;
    }
    return new TextDecoder().decode(all).slice(0, OUTPUT_LIMIT);
  }
}

/** Runs one request in this process. */
export function runRequest(req: RunRequest): RunResult {
  if (req.tier === "cpython") throw new Error("the pyjit worker does not run CPython");
  const out = new Capture();
  const err = new Capture();
  const oldSinks = setOutputSinks(out.sink, err.sink);
  const oldStdin = setStdinSource(() => 0);
  resetTunables();
  try {
    // `jit_backend=…` among the params picks the JIT's backend; the rest are tunables.
    let params = req.params;
    let jitBackend: "js" | "native" | "auto" = "auto";
    const backend = /(?:^|,)jit_backend=(js|native|auto)/.exec(params);
    if (backend !== null) {
      jitBackend = backend[1] as typeof jitBackend;
      params = params.replace(backend[0], "").replace(/^,/, "");
    }
    if (params) setTunables(params);
    const status = runProgram(req.source, {
      filename: req.filename,
      argv: [req.filename],
      tier: req.tier,
      jitBackend,
    });
    return { kind: "ok", status, stdout: out.text(), stderr: err.text() };
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
    return { kind: "js-error", status: -1, stdout: out.text(), stderr: err.text(), detail };
  } finally {
    resetTunables();
    setStdinSource(oldStdin);
    setOutputSinks(oldSinks.stdout, oldSinks.stderr);
  }
}

async function serve(): Promise<void> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = "";
  for await (const chunk of Deno.stdin.readable) {
    pending += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (!line.trim()) continue;
      const req = JSON.parse(line) as RunRequest;
      const result = runRequest(req);
      const answer = encoder.encode(`\n${ANSWER_MARK}${JSON.stringify({ id: req.id, ...result })}\n`);
      let written = 0;
      while (written < answer.length) written += Deno.stdout.writeSync(answer.subarray(written));
    }
  }
}

if (import.meta.main) {
  await serve();
  Deno.exit(0); // runProgram may leave signal listeners that would keep the process alive
}
