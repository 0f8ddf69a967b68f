/**
 * A pool of long-lived worker processes (worker.ts for pyjit, cpython_oracle.py for CPython) fed
 * programs over stdin. In: RunRequests. Out: RunResults; a worker that does not answer within the
 * time limit is killed and the run is a `hang`, one that dies is a `crash` (with its last stderr),
 * and either way a fresh worker takes its place. Workers are also replaced every `recycleAfter`
 * runs, so one program's leftovers (heap growth, caches) do not pile up.
 * @module
 */
import { ANSWER_MARK, type RunRequest, type RunResult } from "./protocol.ts";

const PYTHON = "/root/.pyenv/versions/3.11.7/bin/python3";
const HERE = new URL(".", import.meta.url).pathname;

/** The command line of a worker kind. */
function workerCommand(kind: "pyjit" | "cpython"): { cmd: string; args: string[] } {
  if (kind === "cpython") return { cmd: PYTHON, args: ["-u", `${HERE}cpython_oracle.py`] };
  return {
    cmd: Deno.execPath(),
    args: ["run", "-A", "--quiet", "--v8-flags=--max-old-space-size=2048", `${HERE}worker.ts`],
  };
}

interface Job {
  req: RunRequest;
  resolve: (r: RunResult) => void;
  /** The time limit of this run (the pool's unless given). */
  timeoutMs: number;
}

/** One worker process and the job it is running. */
class Worker {
  readonly child: Deno.ChildProcess;
  readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  job: Job | null = null;
  timer: ReturnType<typeof setTimeout> | undefined;
  runs = 0;
  dead = false;
  stderrTail = "";
  #buffer = "";

  constructor(kind: "pyjit" | "cpython", cwd: string, readonly onIdle: (w: Worker) => void) {
    const { cmd, args } = workerCommand(kind);
    this.child = new Deno.Command(cmd, { args, cwd, stdin: "piped", stdout: "piped", stderr: "piped" })
      .spawn();
    this.writer = this.child.stdin.getWriter();
    this.#readStdout();
    this.#readStderr();
    this.child.status.then((s) => this.#died(s.code, s.signal));
  }

  async #readStdout(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.child.stdout) {
        this.#buffer += decoder.decode(chunk, { stream: true });
        let at: number;
        while ((at = this.#buffer.indexOf(ANSWER_MARK)) >= 0) {
          const end = this.#buffer.indexOf("\n", at);
          if (end < 0) break;
          const answer = JSON.parse(this.#buffer.slice(at + ANSWER_MARK.length, end));
          this.#buffer = this.#buffer.slice(end + 1);
          this.#finish({ ...answer });
        }
        // Bytes before a mark are a program's stray writes; keep only a tail for a crash report.
        if (this.#buffer.length > 1_000_000 && this.#buffer.indexOf(ANSWER_MARK) < 0) {
          this.#buffer = this.#buffer.slice(-100_000);
        }
      }
    } catch {
      // the process was killed
    }
  }

  async #readStderr(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.child.stderr) {
        this.stderrTail = (this.stderrTail + decoder.decode(chunk, { stream: true })).slice(-4000);
      }
    } catch {
      // the process was killed
    }
  }

  start(job: Job): void {
    this.job = job;
    this.runs++;
    this.stderrTail = "";
    this.timer = setTimeout(() => this.#timedOut(), job.timeoutMs);
    this.writer.write(new TextEncoder().encode(JSON.stringify(job.req) + "\n")).catch(() => {});
  }

  #finish(result: RunResult): void {
    clearTimeout(this.timer);
    const job = this.job;
    this.job = null;
    if (job) job.resolve(result);
    if (!this.dead) this.onIdle(this);
  }

  #timedOut(): void {
    const job = this.job;
    this.kill();
    this.job = null;
    job?.resolve({
      kind: "hang",
      status: -1,
      stdout: "",
      stderr: "",
      detail: "no answer within the time limit",
    });
    this.onIdle(this); // dead: the pool replaces it
  }

  #died(code: number, signal: Deno.Signal | null): void {
    const wasDead = this.dead;
    this.dead = true;
    clearTimeout(this.timer);
    const job = this.job;
    this.job = null;
    if (job && !wasDead) {
      job.resolve({
        kind: "crash",
        status: code,
        stdout: "",
        stderr: this.stderrTail,
        detail: `worker exited with status ${code}${signal ? ` (${signal})` : ""}`,
      });
    }
    if (!wasDead) this.onIdle(this);
  }

  kill(): void {
    if (this.dead) return;
    this.dead = true;
    try {
      this.child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** A fixed number of workers of one kind, with a queue. */
export class WorkerPool {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  /** Workers replaced after a hang or a crash, and after `recycleAfter` runs. */
  restarts = 0;

  constructor(
    readonly kind: "pyjit" | "cpython",
    readonly size: number,
    readonly timeoutMs: number,
    readonly cwd: string = Deno.cwd(),
    // A worker's heap grows with V8's code for the traces of every run (about 0.25 MB a run under
    // the JIT): past a few thousand runs a program's own allocations met the heap guard's limit
    // (a MemoryError only that worker saw). A fresh worker costs about 0.3 s.
    readonly recycleAfter = 1000,
  ) {
    for (let k = 0; k < size; k++) this.#spawn();
  }

  #spawn(): void {
    const w = new Worker(this.kind, this.cwd, (worker) => this.#idleAgain(worker));
    this.#workers.push(w);
    this.#idle.push(w);
  }

  #idleAgain(w: Worker): void {
    if (w.dead || w.runs >= this.recycleAfter) {
      w.kill();
      const at = this.#workers.indexOf(w);
      if (at >= 0) {
        this.#workers.splice(at, 1);
        this.restarts++;
        this.#spawn();
      }
    } else this.#idle.push(w);
    this.#pump();
  }

  #pump(): void {
    while (this.#queue.length && this.#idle.length) {
      const w = this.#idle.pop()!;
      if (w.dead) continue;
      w.start(this.#queue.shift()!);
    }
  }

  /** Runs `source` as `filename` on `tier` with `params`, within `timeoutMs` (the pool's by default). */
  run(
    source: string,
    tier: RunRequest["tier"],
    params = "",
    filename = "fuzz.py",
    timeoutMs = this.timeoutMs,
  ): Promise<RunResult> {
    return new Promise((resolve) => {
      this.#queue.push({ req: { id: this.#nextId++, source, filename, tier, params }, resolve, timeoutMs });
      this.#pump();
    });
  }

  /** Kills every worker at once (on a signal: the pool's own processes only). */
  killAll(): void {
    for (const w of this.#workers) w.kill();
  }

  /** Stops every worker (ours only: each was spawned by this pool). */
  async close(): Promise<void> {
    for (const w of this.#workers) {
      await w.writer.close().catch(() => {});
    }
    const deadline = setTimeout(() => this.#workers.forEach((w) => w.kill()), 2000);
    await Promise.all(this.#workers.map((w) => w.child.status.catch(() => {})));
    clearTimeout(deadline);
  }
}
