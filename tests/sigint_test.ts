// SIGINT raises KeyboardInterrupt in the running Python code, as in CPython: in a loop, in
// time.sleep and in input(); `except KeyboardInterrupt` and `finally` run; uncaught, the traceback
// is printed and the process ends by SIGINT (status 130 in a shell).
import assert from "node:assert/strict";

const MAIN = new URL("../cli/main.ts", import.meta.url).pathname;

/**
 * Runs `program`, waits until it printed "ready", sends SIGINT `signals` times (a moment apart),
 * and returns what it printed and how it ended. stdin stays open (and empty) until the end.
 */
async function interrupt(program: string, signals = 1) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN, "-u", "-c", program],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.getReader();
  const dec = new TextDecoder();
  let stdout = "";
  while (!stdout.includes("ready\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    stdout += dec.decode(value);
  }
  for (let i = 0; i < signals; i++) {
    // Time for the program to enter its loop, sleep or read.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT");
  }
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    stdout += dec.decode(value);
  }
  await child.stdin.close();
  const stderr = new TextDecoder().decode(new Uint8Array(await new Response(child.stderr).arrayBuffer()));
  const status = await child.status;
  return { stdout, stderr, code: status.code, signal: status.signal };
}

Deno.test("sigint: a running loop gets KeyboardInterrupt; except and finally run", async () => {
  const r = await interrupt(
    "print('ready')\ntry:\n    try:\n        while True:\n            pass\n    finally:\n        print('finally')\n" +
      "except KeyboardInterrupt:\n    print('caught')\nprint('after')",
  );
  assert.equal(r.stdout, "ready\nfinally\ncaught\nafter\n");
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
});

Deno.test("sigint: time.sleep is interrupted", async () => {
  const started = performance.now();
  const r = await interrupt(
    "import time\nprint('ready')\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('caught')",
  );
  assert.equal(r.stdout, "ready\ncaught\n");
  assert.equal(r.code, 0);
  assert.ok(performance.now() - started < 20_000);
});

Deno.test("sigint: input() is interrupted", async () => {
  const r = await interrupt(
    "print('ready')\ntry:\n    input()\nexcept KeyboardInterrupt:\n    print('caught')",
  );
  assert.equal(r.stdout, "ready\ncaught\n");
  assert.equal(r.code, 0);
});

Deno.test("sigint: uncaught, the traceback is printed and the process ends by SIGINT", async () => {
  const r = await interrupt("print('ready')\nn = 0\nwhile True:\n    n += 1");
  assert.equal(r.stdout, "ready\n");
  assert.match(
    r.stderr,
    /^Traceback \(most recent call last\):\n {2}File "<string>", line \d, in <module>\nKeyboardInterrupt\n$/,
  );
  assert.equal(r.code, 130);
  assert.equal(r.signal, "SIGINT");
});

Deno.test("sigint: each SIGINT is one KeyboardInterrupt", async () => {
  const r = await interrupt(
    "import time\nprint('ready')\nfor i in range(2):\n    try:\n        time.sleep(30)\n    except KeyboardInterrupt:\n" +
      "        print('caught', i)",
    2,
  );
  assert.equal(r.stdout, "ready\ncaught 0\ncaught 1\n");
  assert.equal(r.code, 0);
});
