/**
 * pyjit's single-threaded runtime modules where they must differ from CPython (which would hang
 * or run threads): Python snippets → their stdout/stderr. Waits that no other thread could end
 * raise RuntimeError naming the deadlock (threading, queue, _thread, an idle asyncio loop), what
 * needs threads or I/O raises NotImplementedError, and output a child process or a failing thread
 * writes reaches the program's own stderr.
 */
import assert from "node:assert/strict";
import { runCaptured } from "./run_captured.ts";

function run(source: string): { status: number; stdout: string; stderr: string } {
  return runCaptured(source, "single_thread.py");
}

/** Prints `type: message` for each action's exception (or its result). */
const HARNESS = `
def attempt(label, action):
    try:
        print(label, "->", repr(action()))
    except BaseException as e:
        print(label, "->", type(e).__name__ + ":", e)
`;

Deno.test("threading: a wait no other thread can end raises RuntimeError, a timed one fails", () => {
  const { stdout } = run(
    HARNESS + `
import threading, _thread
lock = threading.Lock()
lock.acquire()
attempt("lock", lock.acquire)
attempt("lock timeout", lambda: lock.acquire(timeout=0.01))
attempt("event", threading.Event().wait)
attempt("semaphore", threading.Semaphore(0).acquire)
cond = threading.Condition()
cond.acquire()
attempt("condition", cond.wait)
attempt("barrier", threading.Barrier(2).wait)
attempt("start_new_thread", lambda: _thread.start_new_thread(print, ()))
`,
  );
  const lines = stdout.trim().split("\n");
  assert.match(lines[0], /^lock -> RuntimeError: acquiring a lock that is already held would block forever/);
  assert.equal(lines[1], "lock timeout -> False");
  for (const [i, label] of [[2, "event"], [3, "semaphore"], [4, "condition"], [5, "barrier"]] as const) {
    assert.match(
      lines[i],
      new RegExp(`^${label} -> RuntimeError: .*would block forever: pyjit runs threads`),
    );
  }
  assert.match(
    lines[6],
    /^start_new_thread -> NotImplementedError: _thread.start_new_thread\(\) is not supported/,
  );
});

Deno.test("threading: an exception in a thread goes to excepthook (stderr) and the program goes on", () => {
  const { stdout, stderr, status } = run(`
import threading
threading.Thread(target=threading.Event().wait, name="stuck").start()
print("main goes on")
`);
  assert.equal(status, 0);
  assert.equal(stdout, "main goes on\n");
  assert.match(stderr, /Exception in thread stuck:\nTraceback \(most recent call last\):/);
  assert.match(stderr, /RuntimeError: Event.wait\(\) on an unset Event would block forever/);
});

Deno.test("queue: blocking on an empty or full queue raises RuntimeError; a timeout raises Empty/Full", () => {
  const { stdout } = run(
    HARNESS + `
import queue
q = queue.Queue(1)
attempt("get", q.get)
attempt("get timeout", lambda: q.get(timeout=0.01))
q.put(1)
attempt("put", lambda: q.put(2))
attempt("put timeout", lambda: q.put(2, timeout=0.01))
attempt("join", q.join)
attempt("simple", queue.SimpleQueue().get)
`,
  );
  const lines = stdout.trim().split("\n");
  assert.match(lines[0], /^get -> RuntimeError: Queue.get\(\) on an empty queue would block forever/);
  assert.equal(lines[1], "get timeout -> Empty: ");
  assert.match(lines[2], /^put -> RuntimeError: Queue.put\(\) on a full queue would block forever/);
  assert.equal(lines[3], "put timeout -> Full: ");
  assert.match(lines[4], /^join -> RuntimeError: Queue.join\(\) with 1 unfinished tasks would block forever/);
  assert.match(lines[5], /^simple -> RuntimeError: SimpleQueue.get\(\)/);
});

Deno.test("asyncio: an idle loop raises RuntimeError; executors run the call; I/O raises NotImplementedError", () => {
  const { stdout } = run(
    HARNESS + `
import asyncio
attempt("idle", lambda: asyncio.run(asyncio.Event().wait()))

async def main():
    loop = asyncio.get_running_loop()
    print("run_in_executor ->", await loop.run_in_executor(None, max, 3, 4))
    print("to_thread ->", await asyncio.to_thread(min, 3, 4))
    for name, coro in [("open_connection", asyncio.open_connection("localhost", 1)),
                       ("start_server", asyncio.start_server(print, "localhost", 1))]:
        try:
            await coro
        except NotImplementedError as e:
            print(name, "->", "NotImplementedError:", e)
    attempt("add_signal_handler", lambda: loop.add_signal_handler(2, print))

asyncio.run(main())
print(asyncio.run(asyncio.sleep(0.01, "timers still wake the loop")))
`,
  );
  const lines = stdout.trim().split("\n");
  assert.match(lines[0], /^idle -> RuntimeError: pyjit's event loop has no ready callbacks and no timers/);
  assert.equal(lines[1], "run_in_executor -> 4");
  assert.equal(lines[2], "to_thread -> 3");
  assert.match(
    lines[3],
    /^open_connection -> NotImplementedError: asyncio.open_connection\(\) is not supported/,
  );
  assert.match(lines[4], /^start_server -> NotImplementedError: asyncio.start_server\(\) is not supported/);
  assert.match(lines[5], /^add_signal_handler -> NotImplementedError: loop.add_signal_handler\(\)/);
  assert.equal(lines[6], "timers still wake the loop");
});

Deno.test("asyncio: the default exception handler reports a failing callback on stderr", () => {
  const { stdout, stderr } = run(`
import asyncio
async def main():
    asyncio.get_running_loop().call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    print("still running")
asyncio.run(main())
`);
  assert.equal(stdout, "still running\n");
  assert.match(stderr, /^Exception in callback main\.<locals>\.<lambda>\(\) at \S*single_thread\.py:4\n/);
  assert.match(stderr, /ZeroDivisionError: division by zero/);
});

Deno.test("subprocess: a child's uncaptured stderr reaches the program's stderr; stdin=PIPE starts on close", () => {
  const { stdout, stderr } = run(`
import subprocess
subprocess.run(["sh", "-c", "echo to-stderr >&2"])
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.pid, p.returncode)
p.stdin.write(b"late input")
p.stdin.close()
print(isinstance(p.pid, int), p.stdout.read(), p.poll())
`);
  assert.equal(stdout, "None None\nTrue b'late input' 0\n");
  assert.equal(stderr, "to-stderr\n");
});

/** Runs `code` with `pyjit -c` under exactly the given Deno permission flags. */
function runWithFlags(flags: string[], code: string): string {
  const cli = new URL("../cli/main.ts", import.meta.url).pathname;
  const out = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--no-prompt",
      `--allow-read=${new URL("..", import.meta.url).pathname}`,
      ...flags,
      cli,
      "-c",
      code,
    ],
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  return new TextDecoder().decode(out.stdout);
}

Deno.test("subprocess: PermissionError without --allow-run; input= needs --allow-write, a plain run does not", () => {
  const code = HARNESS + `
import subprocess
attempt("run", lambda: subprocess.run(["echo", "x"], capture_output=True).stdout)
attempt("input", lambda: subprocess.run(["cat"], input=b"x", capture_output=True).stdout)
`;
  const without = runWithFlags([], code).trim().split("\n");
  assert.match(
    without[0],
    /^run -> PermissionError: \[Errno 13\] Permission denied \(pyjit runs without --allow-run\)/,
  );
  const runOnly = runWithFlags(["--allow-run"], code).trim().split("\n");
  assert.equal(runOnly[0], "run -> b'x\\n'");
  assert.match(
    runOnly[1],
    /^input -> PermissionError: \[Errno 13\] Permission denied \(pyjit runs without --allow-write\)/,
  );
  const withWrite = runWithFlags(["--allow-run", "--allow-write"], code).trim().split("\n");
  assert.deepEqual(withWrite, ["run -> b'x\\n'", "input -> b'x'"]);
});

Deno.test("asyncio: exceptions nobody retrieved are reported when the loop closes", () => {
  const { stdout, stderr } = run(`
import asyncio
async def bad():
    raise ValueError("lost")
async def main():
    asyncio.create_task(bad())
    seen = asyncio.create_task(bad())
    await asyncio.sleep(0)
    seen.exception()
    asyncio.get_running_loop().create_future().set_exception(KeyError("k"))
asyncio.run(main())
print("end")
`);
  assert.equal(stdout, "end\n");
  assert.equal(stderr.match(/exception was never retrieved/g)?.length, 2);
  assert.match(
    stderr,
    /^Task exception was never retrieved\nfuture: <Task finished name='Task-\d+' coro=<bad\(\) done/,
  );
  assert.match(
    stderr,
    /Future exception was never retrieved\nfuture: <Future finished exception=KeyError\('k'\)>/,
  );
});
