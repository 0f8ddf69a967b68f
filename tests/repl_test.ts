// The interactive session on a real terminal: the REPL runs under `script` (util-linux), which
// gives it a pseudo-terminal, and keystrokes are typed one group at a time once the output shows
// the terminal is ready for them. Checks echo of expressions, multi-line blocks, Ctrl-D ending a
// block and the session, completion of names and attributes, history (also from the history
// file), Ctrl-C at the prompt and in running code, help(), quit's repr and sys.ps1.
import assert from "node:assert/strict";

const MAIN = new URL("../cli/main.ts", import.meta.url).pathname;

/** A REPL session in a pseudo-terminal. */
class Terminal {
  private readonly child: Deno.ChildProcess;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly done: Promise<void>;
  /** Everything the terminal showed so far. */
  output = "";
  /** Where `expect` looks from (the output before it has been matched already). */
  private mark = 0;

  constructor(home: string) {
    // `exec`: without it a shell (dash, where SHELL is unset) waits between `script` and pyjit,
    // and a Ctrl-C on the terminal kills that shell too, which `script -e` reports as status 130.
    const cmd = `exec ${Deno.execPath()} run -A ${MAIN}`;
    this.child = new Deno.Command("script", {
      args: ["-q", "-f", "-e", "-E", "never", "-c", cmd, "/dev/null"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      env: { HOME: home, TERM: "xterm", COLUMNS: "80", LINES: "24" },
    }).spawn();
    this.writer = this.child.stdin.getWriter();
    const stdout = this.child.stdout;
    this.done = (async () => {
      const dec = new TextDecoder();
      for await (const chunk of stdout) this.output += dec.decode(chunk, { stream: true });
    })();
  }

  /** Waits until the output after the last match contains `text`; the match ends there. */
  async expect(text: string, timeoutMs = 10_000): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const at = this.output.indexOf(text, this.mark);
      if (at >= 0) {
        const seen = this.output.slice(this.mark, at + text.length);
        this.mark = at + text.length;
        return seen;
      }
      if (performance.now() > deadline) {
        throw new Error(
          `timed out waiting for ${JSON.stringify(text)}; output after mark: ${
            JSON.stringify(this.output.slice(this.mark))
          }`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Types keys (after the terminal had a moment to switch modes). */
  async type(keys: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 60));
    await this.writer.write(new TextEncoder().encode(keys));
  }

  /** Closes the input and returns the exit status. */
  async close(): Promise<number> {
    await this.writer.close();
    await this.done;
    await this.child.stderr.cancel();
    return (await this.child.status).code;
  }
}

Deno.test({
  name: "repl: a session on a terminal",
  ignore: Deno.build.os !== "linux",
  async fn() {
    const home = await Deno.makeTempDir();
    try {
      const t = new Terminal(home);
      await t.expect('Type "help", "copyright", "credits" or "license" for more information.');
      await t.expect(">>> ");
      // Every expression statement echoes its repr, a string literal too.
      await t.type('"abc"\r');
      await t.expect("'abc'");
      await t.expect(">>> ");
      await t.type('("abc")\r');
      await t.expect("'abc'");
      await t.expect(">>> ");
      // A block continues at `... ` until an empty line.
      await t.type("for i in range(3):\r");
      await t.expect("... ");
      await t.type("    print(i * 10)\r");
      await t.expect("... ");
      await t.type("\r");
      await t.expect("0\r\n10\r\n20\r\n>>> ");
      // Open brackets and triple-quoted strings continue too.
      await t.type("(1 +\r");
      await t.expect("... ");
      await t.type("2)\r");
      await t.expect("3\r\n>>> ");
      await t.type('"""a\r');
      await t.expect("... ");
      await t.type('b"""\r');
      await t.expect("'a\\nb'\r\n>>> ");
      // Ctrl-D on a continuation line ends the block.
      await t.type("if True:\r");
      await t.expect("... ");
      await t.type("    print('block ran')\r");
      await t.expect("... ");
      await t.type("\x04");
      await t.expect("block ran\r\n>>> ");
      // Tab completes a name (a callable gets its parenthesis), then an attribute.
      await t.type("pri\t");
      await t.expect("print(");
      await t.type("'completed')\r");
      await t.expect("completed\r\n>>> ");
      await t.type("import math\r");
      await t.expect(">>> ");
      await t.type("math.sqr\t");
      await t.expect("math.sqrt(");
      await t.type("16)\r");
      await t.expect("4.0\r\n>>> ");
      // A second Tab lists the candidates; Ctrl-C cancels the line.
      await t.type("math.fl\t\t");
      await t.expect("math.floor(");
      await t.type("\x03");
      await t.expect("KeyboardInterrupt\r\n>>> ");
      await t.type("1 + 1\r");
      await t.expect("2\r\n>>> ");
      // History: ↑ recalls the previous line.
      await t.type("counter = 41\r");
      await t.expect(">>> ");
      await t.type("\x1b[A");
      await t.expect("counter = 41");
      await t.type("\x15counter + 1\r");
      await t.expect("42\r\n>>> ");
      // Line editing: Home, Delete, End, ←, Backspace.
      await t.type("17 * 8\x01\x1b[3~\x05\x7f9\x1b[D\x1b[D\x7f+\r");
      await t.expect("16\r\n>>> ");
      // Ctrl-C interrupts running code and returns to the prompt.
      await t.type("while True: pass\r");
      await t.expect("... ");
      await t.type("\r");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await t.type("\x03");
      await t.expect("KeyboardInterrupt\r\n>>> ");
      // help() shows the signature and the docstring.
      await t.type("def area(w, h=2, *, unit='m'):\r");
      await t.expect("... ");
      await t.type('    "The area of a rectangle."\r');
      await t.expect("... ");
      await t.type("    return w * h\r");
      await t.expect("... ");
      await t.type("\r");
      await t.expect(">>> ");
      await t.type("help(area)\r");
      await t.expect("Help on function area in module __main__:");
      await t.expect("area(w, h=2, *, unit='m')\r\n    The area of a rectangle.");
      await t.expect(">>> ");
      await t.type("quit\r");
      await t.expect("Use quit() or Ctrl-D (i.e. EOF) to exit\r\n>>> ");
      await t.type("import sys; sys.ps1, sys.ps2\r");
      await t.expect("('>>> ', '... ')\r\n>>> ");
      // Ctrl-D on an empty line ends the session.
      await t.type("\x04");
      assert.equal(await t.close(), 0);

      // The history was kept in ~/.pyjit_history: a new session recalls it.
      const history = await Deno.readTextFile(`${home}/.pyjit_history`);
      assert.ok(history.includes("counter = 41\n"), history);
      const again = new Terminal(home);
      await again.expect(">>> ");
      await again.type("\x1b[A");
      await again.expect("import sys; sys.ps1, sys.ps2");
      await again.type("\r");
      await again.expect("('>>> ', '... ')\r\n>>> ");
      await again.type("raise SystemExit(3)\r");
      assert.equal(await again.close(), 3);
    } finally {
      await Deno.remove(home, { recursive: true });
    }
  },
});
