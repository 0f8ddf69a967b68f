/**
 * Process-level limits, checked on the real CLI in a subprocess (and in-process where the program
 * only needs to fail at once): a program that exhausts the heap gets MemoryError instead of V8's
 * fatal crash; a closed pipe is BrokenPipeError; nesting as deep as CPython's parser and compiler
 * accept compiles, deeper is RecursionError "during compilation"; sizes V8 cannot hold are
 * MemoryError; a full device at exit and a directory as the script behave as in CPython once the
 * driver calls `flushAtExit` and `scriptDirectoryOf` (until then those two tests are skipped).
 */
import { equal, match, ok } from "node:assert/strict";
import { runCaptured } from "./run_captured.ts";

const MAIN = new URL("../cli/main.ts", import.meta.url).pathname;
const DRIVER = new URL("../driver/run.ts", import.meta.url).pathname;
const driverSource = Deno.readTextFileSync(DRIVER);

/** Runs a program file with the CLI (and extra V8 flags); returns status, stdout and stderr. */
async function runFile(
  source: string,
  v8Flags: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/prog.py`;
    Deno.writeTextFileSync(path, source);
    const flags = v8Flags.length ? [`--v8-flags=${v8Flags.join(",")}`] : [];
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", ...flags, MAIN, path],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

// A small heap keeps these quick and light: V8 would give up at 256 MB of old generation.
const SMALL_HEAP = ["--max-old-space-size=256"];

Deno.test("running out of heap is a MemoryError the program can catch", async () => {
  const r = await runFile(
    `x = []
try:
    while True:
        x.append('a' * 100 + str(len(x)))
except MemoryError as e:
    n = len(x)
    x = None
    print('caught', type(e).__name__, repr(e), n > 100000)
print('still running')
`,
    SMALL_HEAP,
  );
  equal(r.stderr, "");
  equal(r.stdout, "caught MemoryError MemoryError() True\nstill running\n");
  equal(r.code, 0);
});

Deno.test("garbage V8 has not collected yet is no reason for MemoryError: the guard collects first", async () => {
  // Each list is ~96 MB of a 256 MB heap, garbage once the next is made (CPython frees it at once).
  const r = await runFile(
    `for i in range(6):
    x = [i] * 12_000_000
    x = None
    y = 1 + 1  # (the stack slot that held the list is reused)
print('ok', i)
`,
    SMALL_HEAP,
  );
  equal(r.stderr, "");
  equal(r.stdout, "ok 5\n");
});

Deno.test("a returned call keeps nothing alive: its frame, kept for the next call, drops its temporaries", async () => {
  // Each list is ~96 MB of a 256 MB heap. Held by the stack slots of the two functions' finished
  // frames, the third list would not fit; CPython frees each list when its call returns.
  const r = await runFile(
    `def total(i):
    return len([i] * 12_000_000)
def other():
    return len([0] * 12_000_000)
s = 0
for i in range(3):
    s += total(i)
    s += other()
print('ok', s)
`,
    SMALL_HEAP,
  );
  equal(r.stderr, "");
  equal(r.stdout, "ok 72000000\n");
});

Deno.test("a loop whose allocations no builtin sees is stopped at a back-edge, inside its try", async () => {
  for (const tier of ["interp", "specialized"]) {
    const dir = Deno.makeTempDirSync();
    try {
      Deno.writeTextFileSync(
        `${dir}/prog.py`,
        `x = None
n = 0
try:
    while True:
        x = (x, n + 0.5, {n: [n]})
        n += 1
except MemoryError:
    x = None
    print('caught', n > 1000)
`,
      );
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", `--v8-flags=${SMALL_HEAP.join(",")}`, MAIN, "--tier", tier, `${dir}/prog.py`],
        stdout: "piped",
        stderr: "piped",
      }).output();
      equal(new TextDecoder().decode(out.stderr), "");
      equal(new TextDecoder().decode(out.stdout), "caught True\n");
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  }
});

Deno.test("an uncaught MemoryError exits 1 with CPython's traceback", async () => {
  const r = await runFile(
    `d = {}
i = 0
while True:
    d[i] = [i, str(i) * 3]
    i += 1
`,
    SMALL_HEAP,
  );
  equal(r.code, 1);
  match(r.stderr, /^Traceback \(most recent call last\):\n {2}File ".*prog\.py", line 4, in <module>\n/);
  ok(r.stderr.endsWith("\nMemoryError\n"), r.stderr);
  ok(!r.stderr.includes("Fatal JavaScript"), r.stderr);
});

Deno.test("endless iterators and huge sizes end in MemoryError, not a crash", async () => {
  const r = await runFile(
    `import itertools
for expr in ["list(itertools.count())", "list(map(str, itertools.count()))", "'x' * 600_000_000 + 'y'",
             "'%.1000000000f' % 1.0", "round(12345, -10**10)", "'x'.ljust(10**9)", "[0] * 10**9",
             "' '.join(['x' * 10**8] * 100)", "'abc'.replace('', 'x' * 10**9)", "10**(10**10)",
             "b'xy' * 2**31", "bytearray(b'z') * 2**32"]:
    try:
        eval(expr)
    except MemoryError as e:
        print(expr, type(e).__name__)
`,
    SMALL_HEAP,
  );
  equal(r.stderr, "");
  equal(r.code, 0);
  equal(r.stdout.split("\n").filter((l) => l.endsWith(" MemoryError")).length, 12, r.stdout);
});

Deno.test("a reader that goes away is BrokenPipeError, as in CPython", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN, "-c", "for i in range(1000000): print(i)"],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // Read the first chunk, then close the pipe (as `| head -1` does).
  const reader = child.stdout.getReader();
  const first = await reader.read();
  ok(!first.done);
  await reader.cancel();
  const [status, stderr] = await Promise.all([
    child.status,
    new Response(child.stderr).text(),
  ]);
  equal(status.code, 1);
  equal(
    stderr,
    'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nBrokenPipeError: [Errno 32] Broken pipe\n',
  );
});

Deno.test({
  name: "output lost to a full device is reported at exit with status 120",
  ignore: !/status = 120/.test(driverSource) || !exists("/dev/full"),
  async fn() {
    const cases: [string, string][] = [
      ["print('hi')", ""],
      ["import sys; sys.stdout.write('hi'); 1/0", "ZeroDivisionError: division by zero\n"],
    ];
    for (const [code, before] of cases) {
      // The child's stdout is the device itself.
      const r = await new Deno.Command("sh", {
        // (Block-buffered stdout, as CPython's without PYTHONUNBUFFERED: the error comes at exit.)
        args: [
          "-c",
          `env -u PYTHONUNBUFFERED "${Deno.execPath()}" run -A "${MAIN}" -c "${code}" > /dev/full`,
        ],
        stderr: "piped",
      }).output();
      equal(r.code, 120);
      const stderr = new TextDecoder().decode(r.stderr);
      ok(stderr.includes(before), stderr);
      ok(
        stderr.endsWith(
          "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n" +
            "OSError: [Errno 28] No space left on device\n",
        ),
        stderr,
      );
    }
  },
});

Deno.test({
  name: "a directory as the script: its __main__.py, or CPython's message",
  ignore: !driverSource.includes("scriptDirectoryOf"),
  async fn() {
    const dir = Deno.makeTempDirSync();
    try {
      Deno.mkdirSync(`${dir}/empty`);
      Deno.mkdirSync(`${dir}/app`);
      Deno.writeTextFileSync(`${dir}/app/__main__.py`, "import sys\nprint(__name__, sys.argv[1:])\n");
      const run = (args: string[]) =>
        new Deno.Command(Deno.execPath(), {
          args: ["run", "-A", MAIN, ...args],
          stdout: "piped",
          stderr: "piped",
        })
          .output();
      const missing = await run([`${dir}/empty`]);
      equal(missing.code, 1);
      equal(
        new TextDecoder().decode(missing.stderr),
        `pyjit: can't find '__main__' module in '${dir}/empty'\n`,
      );
      const app = await run([`${dir}/app`, "a"]);
      equal(app.code, 0);
      equal(new TextDecoder().decode(app.stdout), "__main__ ['a']\n");
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test("nesting CPython compiles compiles; deeper is RecursionError during compilation", async () => {
  const r = await runFile(
    `import sys
x = ${"-".repeat(2990)}1
f = ${"lambda: ".repeat(2980)}42
for _ in range(2979):
    f = f()
print(x, f())
try:
    compile("-" * 3000 + "1", "<deep>", "exec")
except RecursionError as e:
    print(type(e).__name__, e)
try:
    compile("lambda: " * 5000 + "1", "<deep>", "exec")
except (RecursionError, MemoryError) as e:
    print(type(e).__name__)
try:
    compile("-" * 100000 + "1", "<deep>", "exec")
except MemoryError as e:
    print(type(e).__name__)
`,
  );
  equal(r.stderr, "");
  equal(
    r.stdout,
    "1 42\nRecursionError maximum recursion depth exceeded during compilation\nMemoryError\nMemoryError\n",
  );
  const deep = await runFile(`x = ${"-".repeat(3000)}1\n`);
  equal(deep.code, 1);
  equal(deep.stderr, "RecursionError: maximum recursion depth exceeded during compilation\n");
});

Deno.test("sizes V8 cannot hold are MemoryError in-process too (no allocation happens)", () => {
  const r = runCaptured(
    `for expr in ["'x' * 600_000_000 + 'y' * 600_000_000", "'%.1000000000f' % 1.0", "'x' * 2**31",
             "'\\t'.expandtabs(2**30)", "format(1, '>3000000000')"]:
    try:
        eval(expr)
    except MemoryError:
        print('MemoryError')
`,
    "<limits>",
  );
  equal(r.stdout, "MemoryError\n".repeat(5));
  equal(r.status, 0);
});

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}
