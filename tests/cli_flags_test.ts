// CPython's command line as pyjit runs it: options (combined, attached, -c/-m ending them), sys.flags,
// the environment, exit statuses, buffering and permissions, each against CPython 3.11's behaviour.
import assert from "node:assert/strict";
import { parseCommandLine } from "../driver/command_line.ts";
import { type CliOptions, type CliResult, runCli } from "./run_cli.ts";

const MAIN = new URL("../cli/main.ts", import.meta.url).pathname;
const EXAMPLES = new URL("../examples/", import.meta.url).pathname;

/** Runs the CLI (`deno run` with `denoFlags`) with a clean PYTHON* environment. */
function pyjit(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runCli(args, { ...options, cleanPythonEnv: true });
}

const USAGE =
  "usage: pyjit [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `pyjit -h' for more information.\n";

Deno.test("cli flags: CPython's option syntax", () => {
  const combined = parseCommandLine([
    "-uqOO",
    "-Wdefault",
    "-W",
    "error",
    "-Xdev",
    "-c",
    "pass",
    "-v",
    "--tier",
  ]);
  assert.ok(combined.kind === "run");
  assert.equal(combined.unbuffered, true);
  assert.equal(combined.flags.quiet, 1);
  assert.equal(combined.flags.optimize, 2);
  assert.deepEqual(combined.warnOptions, ["default", "error"]);
  assert.deepEqual(combined.xOptions, [["dev", true]]);
  assert.deepEqual(combined.program, { kind: "code", code: "pass" });
  assert.deepEqual(combined.args, ["-v", "--tier"]);
  const attached = parseCommandLine(["-ic", "print(1)", "x"]);
  assert.ok(attached.kind === "run" && attached.flags.inspect === 1);
  assert.deepEqual(attached.kind === "run" && attached.program, { kind: "code", code: "print(1)" });
  const stdin = parseCommandLine(["-", "a", "-b"]);
  assert.ok(stdin.kind === "run" && stdin.program.kind === "stdin");
  assert.deepEqual(stdin.kind === "run" && stdin.args, ["a", "-b"]);
  const dashdash = parseCommandLine(["--", "-weird.py", "x"]);
  assert.deepEqual(dashdash.kind === "run" && dashdash.program, { kind: "file", path: "-weird.py" });
  const isolated = parseCommandLine(["-I", "f.py"]);
  assert.ok(isolated.kind === "run");
  assert.deepEqual(isolated.flags, { isolated: 1, ignoreEnvironment: 1, noUserSite: 1, safePath: true });
  const ours = parseCommandLine([
    "--tier=interp",
    "--jit-backend",
    "native",
    "--jit-param",
    "a=1",
    "--jit-param=b=2",
  ]);
  assert.ok(ours.kind === "run");
  assert.equal(ours.tier, "interp");
  assert.equal(ours.jitBackend, "native");
  assert.deepEqual(ours.jitParams, ["a=1", "b=2"]);
  assert.equal(ours.program.kind, "repl");
  assert.deepEqual(parseCommandLine(["-Z"]), { kind: "usage-error", message: "Unknown option: -Z" });
  assert.deepEqual(parseCommandLine(["-c"]), {
    kind: "usage-error",
    message: "Argument expected for the -c option",
  });
  assert.deepEqual(parseCommandLine(["-J"]), { kind: "usage-error", message: "-J is reserved for Jython" });
  assert.deepEqual(parseCommandLine(["--bogus"]), { kind: "usage-error", message: "unknown option --bogus" });
  assert.equal(parseCommandLine(["--jit-backend", "gpu"]).kind, "usage-error");
  assert.equal(parseCommandLine(["-X", "int_max_str_digits=5"]).kind, "usage-error");
  assert.deepEqual(parseCommandLine(["-?"]), { kind: "help" });
  assert.deepEqual(parseCommandLine(["-VV"]), { kind: "version", verbose: true });
});

Deno.test("cli flags: usage errors exit 2 with CPython's messages", async () => {
  for (
    const [args, message] of [
      [["-Z"], "Unknown option: -Z"],
      [["-m"], "Argument expected for the -m option"],
      [["-W"], "Argument expected for the -W option"],
      [["--bogus"], "unknown option --bogus"],
      [["--jit-backend", "gpu"], "--jit-backend must be one of js, native, auto, not 'gpu'"],
      [["--jit-param", "no_such=1"], "unknown JIT parameter 'no_such'"],
      [["--jit-param", "adaptive_warmup"], "--jit-param wants name=value, not 'adaptive_warmup'"],
    ] as [string[], string][]
  ) {
    const r = await pyjit(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.ok(r.stderr.startsWith(message), r.stderr);
    assert.ok(r.stderr.endsWith(USAGE), r.stderr);
  }
  const env = await pyjit(["-c", "pass"], { env: { PYJIT_PARAMS: "adaptive_warmup=0" } });
  assert.equal(env.code, 2);
  assert.match(
    env.stderr,
    /^PYJIT_PARAMS: JIT parameter adaptive_warmup must be between 1 and 65535, not 0\n/,
  );
  const ok = await pyjit(["--jit-param", "adaptive_warmup=3", "--jit-backend=js", "-c", "print('ok')"], {
    env: { PYJIT_PARAMS: "adaptive_backoff_max=4" },
  });
  assert.deepEqual([ok.code, ok.stdout], [0, "ok\n"]);
});

Deno.test("cli flags: sys.argv, sys.flags, sys.warnoptions and sys._xoptions", async () => {
  const r = await pyjit([
    "-uqB",
    "-Wignore",
    "-X",
    "dev",
    "-X",
    "int_max_str_digits=1000",
    "-c",
    "import sys; print(sys.argv); print(sys.flags); print(sys.warnoptions, sys._xoptions, sys.get_int_max_str_digits())",
    "a",
    "-b",
  ], { env: { PYTHONWARNINGS: "error,default" } });
  assert.equal(r.stderr, "");
  assert.equal(
    r.stdout,
    "['-c', 'a', '-b']\n" +
      "sys.flags(debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=1, no_user_site=0, " +
      "no_site=0, ignore_environment=0, verbose=0, bytes_warning=0, quiet=1, hash_randomization=1, " +
      "isolated=0, dev_mode=True, utf8_mode=0, warn_default_encoding=0, safe_path=False, int_max_str_digits=1000)\n" +
      "['default', 'error', 'ignore'] {'dev': True, 'int_max_str_digits': '1000'} 1000\n",
  );
});

Deno.test("cli flags: -O skips asserts; -S leaves out site's builtins; exit and quit explain themselves", async () => {
  const o = await pyjit(["-O", "-c", "assert False, 'no'\nprint(__debug__)"]);
  assert.deepEqual([o.code, o.stdout], [0, "False\n"]);
  const asserts = await pyjit(["-c", "assert 1 == 2, 'differ'"]);
  assert.equal(asserts.code, 1);
  assert.match(asserts.stderr, /AssertionError: differ\n$/);
  const site = await pyjit(["-c", "print(repr(quit)); print(repr(exit)); print(repr(help)); exit(3)"]);
  assert.equal(site.code, 3);
  assert.equal(
    site.stdout,
    "Use quit() or Ctrl-D (i.e. EOF) to exit\nUse exit() or Ctrl-D (i.e. EOF) to exit\n" +
      "Type help() for interactive help, or help(object) for help about object.\n",
  );
  const noSite = await pyjit(["-S", "-c", "import sys; print(sys.flags.no_site); exit"]);
  assert.equal(noSite.code, 1);
  assert.equal(noSite.stdout, "1\n");
  assert.match(noSite.stderr, /NameError: name 'exit' is not defined\n$/);
});

Deno.test("cli flags: -E and -I ignore the environment; -I and -P leave the script's directory out of sys.path", async () => {
  const env = { PYTHONPATH: "/pythonpath-entry", PYTHONOPTIMIZE: "1" };
  const code = "import sys; print(sys.path[:2], sys.flags.optimize, sys.flags.ignore_environment)";
  const plain = await pyjit(["-c", code], { env });
  assert.equal(plain.stdout, "['', '/pythonpath-entry'] 1 0\n");
  const e = await pyjit(["-E", "-c", code], { env });
  assert.equal(e.stdout, "['', '/usr/local/lib/python311.zip'] 0 1\n");
  const i = await pyjit(["-I", "-c", code], { env });
  assert.equal(i.stdout, "['/usr/local/lib/python311.zip'] 0 1\n");
  const p = await pyjit(["-P", `${EXAMPLES}hello.py`]);
  assert.equal(p.code, 0);
});

Deno.test("cli flags: - reads the program from stdin with arguments; -x skips the first line", async () => {
  const r = await pyjit(["-", "one", "two"], { stdin: "import sys\nprint(sys.argv)\n" });
  assert.equal(r.stdout, "['-', 'one', 'two']\n");
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/x.py`, "not python at all\nprint('skipped')\n1 / 0\n");
    const x = await pyjit(["-x", `${dir}/x.py`]);
    assert.deepEqual([x.code, x.stdout], [1, "skipped\n"]);
    assert.match(x.stderr, /x\.py", line 3, in <module>\n/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cli flags: -i runs the interactive session after the program, even after an exception", async () => {
  const r = await pyjit(["-i", "-c", "x = 6\nraise SystemExit(5)"], { stdin: "x * 7\n'abc'\n" });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, "42\n'abc'\n");
  assert.equal(
    r.stderr,
    'Traceback (most recent call last):\n  File "<string>", line 2, in <module>\nSystemExit: 5\n>>> >>> >>> \n',
  );
  const exits = await pyjit(["-i", "-c", "pass"], { stdin: "import sys\nsys.exit(4)\n" });
  assert.equal(exits.code, 4);
});

Deno.test("cli flags: SystemExit codes as CPython's exit statuses", async () => {
  for (
    const [code, status] of [["2**100", 255], ["-1", 255], ["256", 0], ["7", 7], ["-(2**63)", 0], [
      "True",
      1,
    ]] as [
      string,
      number,
    ][]
  ) {
    const r = await pyjit(["-c", `import sys; sys.exit(${code})`]);
    assert.equal(r.code, status, code);
  }
});

Deno.test("cli flags: stdout is block-buffered on a pipe, unbuffered with -u or PYTHONUNBUFFERED", async () => {
  const program = "import sys, time\nprint('early')\ntime.sleep(3)\n";
  async function firstOutputWithin(args: string[], env: Record<string, string>, ms: number): Promise<string> {
    const base: Record<string, string> = {};
    for (const [k, v] of Object.entries(Deno.env.toObject())) if (!k.startsWith("PYTHON")) base[k] = v;
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", MAIN, ...args, "-c", program],
      stdout: "piped",
      stderr: "null",
      env: { ...base, ...env },
      clearEnv: true,
    }).spawn();
    const reader = child.stdout.getReader();
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(""), ms));
    const first = await Promise.race([reader.read().then((r) => new TextDecoder().decode(r.value)), timeout]);
    child.kill("SIGKILL");
    reader.releaseLock();
    await child.stdout.cancel();
    await child.status;
    return first;
  }
  assert.equal(await firstOutputWithin(["-u"], {}, 2500), "early\n");
  assert.equal(await firstOutputWithin([], { PYTHONUNBUFFERED: "1" }, 2500), "early\n");
  assert.equal(await firstOutputWithin([], {}, 1500), "");
});

Deno.test("cli flags: bytes written below the text layer go out before text it still holds, as CPython's", async () => {
  const program = [
    "import sys, os",
    "print('a'); sys.stdout.buffer.write(b'b\\n'); print('c')",
    "sys.stdout.flush()",
    "print('d'); sys.stdout.buffer.write(b'e\\n'); sys.stdout.buffer.flush(); print('f')",
    "print('g'); os.write(1, b'h\\n'); print('i')",
  ].join("\n");
  // (CPython 3.11's output on a pipe; with -u every layer writes at once.)
  const buffered = await pyjit(["-c", program]);
  assert.deepEqual([buffered.code, buffered.stdout.split("\n").join(" ")], [0, "b a c e h d f g i "]);
  const unbuffered = await pyjit(["-u", "-c", program]);
  assert.deepEqual([unbuffered.code, unbuffered.stdout.split("\n").join(" ")], [0, "a b c d e f g h i "]);
});

Deno.test("cli flags: without read permission a script is refused with Errno 13", async () => {
  const r = await pyjit([`${EXAMPLES}hello.py`], { denoFlags: ["--no-prompt"] });
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `pyjit: can't open file '${EXAMPLES}hello.py': [Errno 13] Permission denied (pyjit runs without --allow-read)\n`,
  );
  const allowed = await pyjit([`${EXAMPLES}hello.py`], {
    denoFlags: ["--no-prompt", `--allow-read=${EXAMPLES}`],
  });
  assert.deepEqual([allowed.code, allowed.stdout], [0, "Hello, world!\nHello, pyjit!\n"]);
  // An internal problem never asks for environment access (PYJIT_DEBUG is read only when granted).
  const code = await pyjit(["-c", "print(sum(range(4)))"], { denoFlags: ["--no-prompt"] });
  assert.deepEqual([code.code, code.stdout, code.stderr], [0, "6\n", ""]);
});

Deno.test("cli flags: `deno task pyjit FILE` finds FILE from the directory it is called in", async () => {
  // INIT_CWD is set by an outer `deno task` (this test may run under `deno task test`): not inherited.
  const env = Deno.env.toObject();
  delete env.INIT_CWD;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "pyjit", "hello.py"],
    cwd: EXAMPLES,
    stdout: "piped",
    stderr: "piped",
    env,
    clearEnv: true,
  }).output();
  assert.equal(new TextDecoder().decode(out.stdout), "Hello, world!\nHello, pyjit!\n");
  assert.equal(out.code, 0);
});

Deno.test("cli flags: stdout is line-buffered on a terminal: a line shows before the program goes on", async () => {
  // The program waits on stdin (readline does not flush stdout) until the test has seen its first
  // line on the terminal; block-buffered, that line would only come out at exit.
  const program = 'import sys\nprint("first", sys.stdout.isatty(), sys.stdout.line_buffering)\n' +
    'sys.stdin.readline()\nprint("second")\n';
  const dir = await Deno.makeTempDir();
  const file = `${dir}/line_buffered.py`;
  await Deno.writeTextFile(file, program);
  const child = new Deno.Command("script", {
    args: [
      "-q",
      "-f",
      "-e",
      "-E",
      "never",
      "-c",
      `exec ${Deno.execPath()} run -A ${MAIN} ${file}`,
      "/dev/null",
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
    env: { TERM: "xterm" },
  }).spawn();
  const reader = child.stdout.getReader();
  const writer = child.stdin.getWriter();
  const dec = new TextDecoder();
  let seen = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => timer = setTimeout(() => resolve("timeout"), 20_000));
  while (!seen.includes("first True True")) {
    const got = await Promise.race([reader.read(), timeout]);
    if (got === "timeout") {
      child.kill();
      assert.fail(`the first line did not show before the program went on: ${JSON.stringify(seen)}`);
    }
    assert.ok(!got.done, `ended before its first line showed: ${JSON.stringify(seen)}`);
    seen += dec.decode(got.value, { stream: true });
  }
  clearTimeout(timer);
  assert.ok(!seen.includes("second"));
  await writer.write(new TextEncoder().encode("\n"));
  await writer.close();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += dec.decode(value, { stream: true });
  }
  assert.match(seen, /second/);
  assert.equal((await child.status).code, 0);
  await Deno.remove(dir, { recursive: true });
});
