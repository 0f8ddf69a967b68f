// A runtime inside a Deno process that has no permissions: Python's file, directory and
// environment access become PermissionError (never a prompt, never a JavaScript stack trace).
import assert from "node:assert/strict";

/** The embedding program the sandboxed process runs: it imports only the package root. */
const PROGRAM = `
import { createRuntime } from ${JSON.stringify(new URL("../mod.ts", import.meta.url).href)};
let out = "";
const py = createRuntime({ stdout: (t) => (out += t), stderr: (t) => (out += t) });
py.runPython(\`
import os
def attempt(what, f):
    try:
        f()
        print(what, "allowed")
    except PermissionError as e:
        print(what, type(e).__name__, e)
attempt("open", lambda: open("/etc/hostname").read())
attempt("write", lambda: open("/tmp/pyjit-sandbox-test", "w"))
attempt("listdir", lambda: os.listdir("/"))
attempt("environ", lambda: os.environ["HOME"])
attempt("getcwd", lambda: os.getcwd())
print(sum(range(10)))
\`);
console.log(out);
`;

Deno.test("embed: a runtime without Deno permissions raises PermissionError in Python", async () => {
  const dir = await Deno.makeTempDir();
  const main = `${dir}/sandboxed.ts`;
  await Deno.writeTextFile(main, PROGRAM);
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", "--no-config", main],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(stderr, "");
    assert.equal(out.code, 0);
    assert.equal(
      stdout,
      [
        "open PermissionError [Errno 13] Permission denied (pyjit runs without --allow-read): '/etc/hostname'",
        "write PermissionError [Errno 13] Permission denied (pyjit runs without --allow-write): '/tmp/pyjit-sandbox-test'",
        "listdir PermissionError [Errno 13] Permission denied (pyjit runs without --allow-read): '/'",
        "environ PermissionError [Errno 13] Permission denied (pyjit runs without --allow-env): 'HOME'",
        "getcwd PermissionError [Errno 13] Permission denied (pyjit runs without --allow-read)",
        "45",
        "",
        "",
      ].join("\n"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
