// Files and the OS through Deno's permissions: a refused permission is a PermissionError the program
// can catch (run as a subprocess with only --allow-read for the script), and behaviour that needs
// a fresh process (io.open is the builtin open) or cannot be compared with CPython's output
// (functions pyjit does not provide).
import assert from "node:assert/strict";
import { runCaptured } from "./run_captured.ts";

const CLI = new URL("../cli/main.ts", import.meta.url).pathname;

/** Runs the CLI on a script with the given Deno flags; returns its status and output. */
function runWithFlags(flags: string[], script: string): { code: number; stdout: string; stderr: string } {
  const out = new Deno.Command(Deno.execPath(), {
    args: ["run", ...flags, CLI, script],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("files: a write refused by Deno's permissions is a PermissionError the program catches", () => {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_perm_" });
  try {
    const script = `${dir}/prog.py`;
    const target = `${dir}/out.txt`;
    Deno.writeTextFileSync(
      script,
      [
        "import os",
        "try:",
        `    open(${JSON.stringify(target)}, 'w')`,
        "except PermissionError as e:",
        "    print(type(e).__name__, e.errno, e.filename == " + JSON.stringify(target) + ")",
        "    print(e.strerror)",
        "try:",
        `    os.listdir(${JSON.stringify(dir)})`,
        "except OSError as e:",
        "    print(type(e).__name__, e.strerror)",
        "try:",
        "    os.environ['HOME']",
        "except PermissionError as e:",
        "    print(type(e).__name__, e)",
        `print(os.path.exists(${JSON.stringify(target)}))`,
      ].join("\n") + "\n",
    );
    const got = runWithFlags([`--allow-read=${script}`], script);
    assert.equal(got.code, 0, got.stderr);
    assert.equal(
      got.stdout,
      [
        "PermissionError 13 True",
        "Permission denied (pyjit runs without --allow-write)",
        "PermissionError Permission denied (pyjit runs without --allow-read)",
        "PermissionError [Errno 13] Permission denied (pyjit runs without --allow-env): 'HOME'",
        "False",
        "",
      ].join("\n"),
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("files: an uncaught refusal ends the program with a PermissionError traceback", () => {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_perm_" });
  try {
    const script = `${dir}/prog.py`;
    Deno.writeTextFileSync(script, `open(${JSON.stringify(`${dir}/x.txt`)}, 'w')\n`);
    const got = runWithFlags([`--allow-read=${script}`], script);
    assert.equal(got.code, 1);
    const last = got.stderr.trimEnd().split("\n").pop();
    assert.equal(
      last,
      `PermissionError: [Errno 13] Permission denied (pyjit runs without --allow-write): '${dir}/x.txt'`,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("files: io.open is the builtin open, in a fresh process", () => {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_io_" });
  try {
    const script = `${dir}/prog.py`;
    Deno.writeTextFileSync(script, "import io, _io\nprint(io.open is open, _io.open is open)\n");
    const got = runWithFlags(["-A"], script);
    assert.equal(got.stdout, "True True\n", got.stderr);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("files: a file left open is flushed when the program ends", () => {
  const dir = Deno.makeTempDirSync({ prefix: "pyjit_io_" });
  try {
    const script = `${dir}/prog.py`;
    Deno.writeTextFileSync(
      script,
      `f = open(${JSON.stringify(`${dir}/left.txt`)}, 'w')\nf.write('unflushed data')\nprint('done')\n`,
    );
    const got = runWithFlags(["-A"], script);
    assert.equal(got.stdout, "done\n", got.stderr);
    assert.equal(Deno.readTextFileSync(`${dir}/left.txt`), "unflushed data");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("os: what pyjit does not provide raises NotImplementedError naming it", () => {
  const got = runCaptured(
    [
      "import os, shutil",
      "for name in ('system', 'popen', 'fork', 'execv', 'spawnl', 'fwalk', 'chown', 'dup'):",
      "    try:",
      "        getattr(os, name)('x')",
      "    except NotImplementedError as e:",
      "        print(e)",
      "try:",
      "    shutil.make_archive('a', 'zip')",
      "except NotImplementedError as e:",
      "    print(e)",
      "import io",
      "try:",
      "    io.BytesIO().getbuffer()",
      "except NotImplementedError as e:",
      "    print(e)",
    ].join("\n") + "\n",
    "<string>",
  );
  assert.equal(got.stderr, "");
  assert.equal(
    got.stdout,
    [
      "os.system() is not supported by pyjit",
      "os.popen() is not supported by pyjit",
      "os.fork() is not supported by pyjit",
      "os.execv() is not supported by pyjit",
      "os.spawnl() is not supported by pyjit",
      "os.fwalk() is not supported by pyjit",
      "os.chown() is not supported by pyjit",
      "os.dup() is not supported by pyjit",
      "shutil.make_archive() is not supported by pyjit",
      "BytesIO.getbuffer() is not supported by pyjit",
      "",
    ].join("\n"),
  );
});
