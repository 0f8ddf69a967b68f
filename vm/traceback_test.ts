// Tracebacks as CPython 3.11 prints them: frames, source lines, carets and `~~^~~` anchors,
// chained exceptions, repeated-line folding.
import assert from "node:assert/strict";
import { runCaptured } from "../tests/run_captured.ts";

function stderrOf(source: string): string {
  const got = runCaptured(source, "/t.py");
  assert.equal(got.status, 1);
  return got.stderr;
}

Deno.test("traceback: frames, carets under the failing call and the operator", () => {
  const err = stderrOf("def divide(a, b):\n    return a / b\ndef run():\n    return divide(1, 0)\nrun()\n");
  assert.equal(
    err,
    `Traceback (most recent call last):
  File "/t.py", line 5, in <module>
    run()
  File "/t.py", line 4, in run
    return divide(1, 0)
           ^^^^^^^^^^^^
  File "/t.py", line 2, in divide
    return a / b
           ~~^~~
ZeroDivisionError: division by zero
`,
  );
});

Deno.test("traceback: subscripts, chained causes and the direct-cause banner", () => {
  const err = stderrOf(
    "d = {}\ntry:\n    x = d['k'] + 1\nexcept KeyError as e:\n    raise ValueError('bad') from e\n",
  );
  assert.equal(
    err,
    `Traceback (most recent call last):
  File "/t.py", line 3, in <module>
    x = d['k'] + 1
        ~^^^^^
KeyError: 'k'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/t.py", line 5, in <module>
    raise ValueError('bad') from e
ValueError: bad
`,
  );
});

Deno.test("traceback: deep recursion folds repeated lines", () => {
  const err = stderrOf("def f(n):\n    return f(n + 1)\nf(0)\n");
  assert.match(
    err,
    /\[Previous line repeated 99[0-9] more times\]\nRecursionError: maximum recursion depth exceeded\n$/,
  );
});

Deno.test("traceback: a SyntaxError from exec() shows its line and carets", () => {
  const err = stderrOf('exec("x = (1,")\n');
  assert.ok(
    err.endsWith(`  File "<string>", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n`),
    err,
  );
});

// Expected texts from CPython 3.11.7 running the same sources.
Deno.test("traceback: augmented assignments and del point at their target, not the whole line", () => {
  assert.equal(
    stderrOf("d = {}\nd['k'] += 1\n"),
    `Traceback (most recent call last):
  File "/t.py", line 2, in <module>
    d['k'] += 1
    ~^^^^^
KeyError: 'k'
`,
  );
  assert.equal(
    stderrOf("class A: pass\ndel A().missing\n"),
    `Traceback (most recent call last):
  File "/t.py", line 2, in <module>
    del A().missing
        ^^^^^^^^^^^
AttributeError: 'A' object has no attribute 'missing'
`,
  );
  assert.equal(
    stderrOf("def f():\n    x += 1\nf()\n").split("\n").slice(-4).join("\n"),
    `    x += 1
    ^
UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
`,
  );
});

Deno.test("traceback: a NameError suggests a local, else a global, else a builtin name", () => {
  const last = (source: string) => stderrOf(source).trimEnd().split("\n").at(-1);
  assert.equal(
    last("def f(counter):\n    return countr\nf(1)\n"),
    "NameError: name 'countr' is not defined. Did you mean: 'counter'?",
  );
  assert.equal(
    last("valeu = 1\nprint(value)\n"),
    "NameError: name 'value' is not defined. Did you mean: 'valeu'?",
  );
  assert.equal(last("prnt('x')\n"), "NameError: name 'prnt' is not defined. Did you mean: 'print'?");
  assert.equal(last("abc += 1\n"), "NameError: name 'abc' is not defined. Did you mean: 'abs'?");
  assert.equal(last("zzqx\n"), "NameError: name 'zzqx' is not defined");
  // Only an uncaught NameError's printout gets it (str(e) is the plain message), and not a subclass's.
  assert.equal(
    runCaptured("try:\n    prnt\nexcept NameError as e:\n    print(e)\n", "/t.py").stdout,
    "name 'prnt' is not defined\n",
  );
  assert.equal(
    last("def f():\n    prnt = prnt\nf()\n"),
    "UnboundLocalError: cannot access local variable 'prnt' where it is not associated with a value",
  );
});
