// The embedding API from a user's side: every verb, imported from the package root only.
import assert from "node:assert/strict";
import { createRuntime, isPyProxy, type PyProxy, PythonError } from "../mod.ts";

/** A runtime whose stdout and stderr are collected. */
function captured() {
  const out = { stdout: "", stderr: "" };
  const py = createRuntime({ stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return { py, out };
}

Deno.test("embed: runPython returns the last expression's value; globals persist", () => {
  const { py, out } = captured();
  assert.equal(py.runPython("x = 20\nx + 1"), 21);
  assert.equal(py.runPython("x * 2"), 40);
  assert.equal(py.runPython("x = 5"), undefined);
  // A trailing semicolon keeps the value to itself, as in Pyodide.
  assert.equal(py.runPython("x;"), undefined);
  assert.equal(py.runPython("print('out'); x # comment"), 5);
  assert.equal(out.stdout, "out\n");
});

Deno.test("embed: values convert both ways", () => {
  const py = createRuntime();
  assert.equal(py.runPython("2 ** 10"), 1024);
  assert.equal(py.runPython("2 ** 100"), 2n ** 100n);
  assert.equal(py.runPython("0.5"), 0.5);
  assert.equal(py.runPython("'héllo 𝄞'"), "héllo 𝄞");
  assert.equal(py.runPython("True"), true);
  assert.equal(py.runPython("None"), undefined);
  assert.deepEqual(py.runPython("[1, (2, 3), []]"), [1, [2, 3], []]);
  assert.deepEqual(py.runPython("{'a': 1, 2: [3]}"), new Map<unknown, unknown>([["a", 1], [2, [3]]]));
  assert.deepEqual(py.runPython("{1, 2}"), new Set([1, 2]));
  assert.deepEqual(py.runPython("b'\\x00\\xff'"), new Uint8Array([0, 255]));
  assert.deepEqual(py.runPython("bytearray(b'ab')"), new Uint8Array([97, 98]));

  py.globals.set("big", 2n ** 70n);
  py.globals.set("small", 7n);
  py.globals.set("f", 1.25);
  py.globals.set("i", 3);
  py.globals.set("nothing", null);
  py.globals.set("undef", undefined);
  py.globals.set("arr", [1, "two", [3]]);
  py.globals.set("map", new Map([["k", 1]]));
  py.globals.set("obj", { a: 1, nested: { b: [true] } });
  py.globals.set("bytes", new Uint8Array([1, 2]));
  py.globals.set("set", new Set(["x"]));
  assert.equal(
    py.runPython(
      "[type(v).__name__ for v in (big, small, f, i, nothing, undef, arr, map, obj, bytes, set)]",
    ).join(" "),
    "int int float int NoneType NoneType list dict dict bytes set",
  );
  assert.equal(py.runPython("big == 2 ** 70 and small == 7 and obj['nested']['b'][0] is True"), true);
  // Dicts as plain objects, when asked for.
  const objects = createRuntime({ dictsAsObjects: true });
  assert.deepEqual(objects.runPython("{'a': {'b': 1}}"), { a: { b: 1 } });
  // Cycles survive.
  const cyclic = py.runPython("c = [1]\nc.append(c)\nc") as unknown[];
  assert.equal(cyclic[1], cyclic);
});

Deno.test("embed: Python functions are callable from TypeScript, with keyword arguments", () => {
  const py = createRuntime();
  const f = py.runPython("def f(a, b=2, *, c=3):\n    return [a, b, c]\nf") as PyProxy;
  assert.ok(isPyProxy(f));
  assert.deepEqual(f(1), [1, 2, 3]);
  assert.deepEqual(f.callKwargs(1, { b: 20 }), [1, 20, 3]);
  assert.deepEqual(f.callKwargs(1, { c: 30 }), [1, 2, 30]);
  assert.equal(f.type, "function");
  assert.throws(
    () => f.callKwargs({ d: 1 }),
    (e: unknown) => e instanceof PythonError && e.type === "TypeError",
  );
  // The same Python object gives the same proxy.
  assert.equal(py.globals.get("f"), f);
});

Deno.test("embed: PyProxy attributes, items, iteration, str and repr", () => {
  const py = createRuntime();
  const counter = py.runPython("import collections\ncollections.Counter('abracadabra')") as PyProxy;
  assert.equal(counter.type, "collections.Counter");
  assert.equal(counter.get("a"), 5);
  assert.equal(counter.get("z"), 0);
  assert.deepEqual(counter.most_common(1), [["a", 5]]);
  const obj = py.runPython(
    "class P:\n    def __init__(self): self.x = 1\n    def __str__(self): return 'a P'\nP()",
  );
  assert.equal(obj.x, 1);
  obj.x = 7;
  assert.equal(py.runPython("P().x"), 1);
  assert.equal(String(obj), "a P");
  assert.match(obj.repr(), /^<__main__\.P object at 0x[0-9a-f]+>$/);
  assert.equal("x" in obj, true);
  assert.equal(obj.missing, undefined);
  const d = py.toPy(new Map([["k", 1]])) as PyProxy;
  d.set("j", 2);
  assert.equal(d.has("j"), true);
  d.delete("k");
  assert.deepEqual(d.toJs(), new Map([["j", 2]]));
  const list = py.toPy([3, 1, 2]) as PyProxy;
  list.sort();
  assert.deepEqual([...list], [1, 2, 3]);
  assert.equal(list.get(5), undefined);
});

Deno.test("embed: Python exceptions arrive as PythonError with type, message and traceback", () => {
  const py = createRuntime();
  try {
    py.runPython("def g():\n    raise ValueError('bad value')\ng()", { filename: "script.py" });
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof PythonError);
    assert.equal(e.type, "ValueError");
    assert.equal(e.message, "bad value");
    assert.match(e.traceback, /^Traceback \(most recent call last\):\n/);
    assert.match(e.traceback, /File "script\.py", line 3, in <module>\n/);
    assert.match(e.traceback, /File "script\.py", line 2, in g\n/);
    assert.match(e.traceback, /ValueError: bad value\n$/);
  }
  assert.throws(
    () => py.runPython("x ="),
    (e: unknown) => e instanceof PythonError && e.type === "SyntaxError",
  );
  assert.throws(
    () => py.runPython("raise SystemExit(3)"),
    (e: unknown) => e instanceof PythonError && e.type === "SystemExit",
  );
});

Deno.test("embed: TypeScript functions and objects in Python; their exceptions are catchable", () => {
  const py = createRuntime();
  const calls: unknown[] = [];
  class Point {
    constructor(public x: number, public y: number) {}
    norm1() {
      return Math.abs(this.x) + Math.abs(this.y);
    }
  }
  py.globals.set("record", (...args: unknown[]) => {
    calls.push(args);
    return args.length;
  });
  py.globals.set("fail", () => {
    throw new RangeError("out of range");
  });
  py.globals.set("Point", Point);
  assert.equal(py.runPython("record(1, 'a', key=True)"), 3);
  assert.deepEqual(calls, [[1, "a", { key: true }]]);
  assert.equal(py.runPython("p = Point.new(3, -4)\np.norm1()"), 7);
  assert.equal(py.runPython("p.x = 10\np.x + p.y"), 6);
  assert.equal(py.runPython("p.typeof"), "object");
  assert.deepEqual(py.runPython("p.to_py()"), new Map<unknown, unknown>([["x", 10], ["y", -4]]));
  assert.deepEqual(
    py.runPython(
      "try:\n    fail()\nexcept Exception as e:\n    r = [type(e).__name__, str(e), e.js_error.name]\nr",
    ),
    ["JsException", "RangeError: out of range", "RangeError"],
  );
  // Uncaught, it reaches TypeScript as a PythonError whose cause is the original error.
  try {
    py.runPython("fail()");
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof PythonError);
    assert.equal(e.type, "pyjit.ffi.JsException");
    assert.ok(e.cause instanceof RangeError);
  }
  // A Python exception raised under a TypeScript callback comes back as itself.
  py.globals.set("callback", (f: PyProxy) => f());
  assert.equal(
    py.runPython(
      "def boom():\n    raise KeyError('k')\ntry:\n    callback(boom)\nexcept KeyError as e:\n    r = repr(e)\nr",
    ),
    "KeyError('k')",
  );
  assert.equal(py.runPython("from pyjit.ffi import JsException\nissubclass(JsException, Exception)"), true);
});

Deno.test("embed: registerJsModule and the js module", () => {
  const py = createRuntime();
  py.registerJsModule("api", { version: "1.2", twice: (x: number) => x * 2, nested: { deep: [1, 2] } });
  assert.deepEqual(py.runPython("import api\n[api.version, api.twice(21), api.nested['deep']]"), ["1.2", 42, [
    1,
    2,
  ]]);
  assert.equal(py.runPython("from api import twice\ntwice(5)"), 10);
  assert.throws(
    () => py.runPython("api.nope"),
    (e: unknown) => e instanceof PythonError && e.message === "module 'api' has no attribute 'nope'",
  );
  py.unregisterJsModule("api");
  assert.throws(
    () => py.runPython("import api"),
    (e: unknown) => e instanceof PythonError && e.type === "ModuleNotFoundError",
  );
  assert.equal(py.runPython("import js\njs.Math.max(3, 9, 4)"), 9);
  assert.equal(py.runPython("js.JSON.stringify([1, None, 'x'])"), '[1,null,"x"]');
  assert.equal(py.runPython("from js import Array\nlen(Array.new(4))"), 4);
  const without = createRuntime({ jsGlobals: false });
  assert.throws(
    () => without.runPython("import js"),
    (e: unknown) => e instanceof PythonError && e.type === "ModuleNotFoundError",
  );
});

Deno.test("embed: pyimport gives a module; toPy gives shared containers", () => {
  const py = createRuntime();
  const math = py.pyimport("math");
  assert.equal(math.sqrt(81), 9);
  assert.equal(math.type, "module");
  const heapq = py.pyimport("heapq");
  assert.equal(heapq.nsmallest(2, [5, 1, 4]).join(), "1,4");
  const shared = py.toPy({ n: 1 }) as PyProxy;
  py.globals.set("shared", shared);
  py.runPython("shared['n'] += 1");
  assert.equal(shared.get("n"), 2);
  assert.equal(py.toPy(5), 5);
});

Deno.test("embed: runPythonAsync awaits JavaScript promises and Python coroutines", async () => {
  const py = createRuntime();
  py.registerJsModule("timers", {
    later: (value: unknown, ms: number) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
    reject: () => Promise.reject(new TypeError("rejected")),
  });
  const result = await py.runPythonAsync(`
import timers
async def double_later(x):
    return 2 * await timers.later(x, 5)
total = 0
for i in range(3):
    total += await double_later(i)
total`);
  assert.equal(result, 6);
  assert.equal(py.runPython("total"), 6);
  assert.equal(
    await py.runPythonAsync(
      "try:\n    await timers.reject()\nexcept Exception as e:\n    msg = str(e)\nmsg",
    ),
    "TypeError: rejected",
  );
  // Without top-level await it is runPython; a coroutine value is awaited.
  assert.equal(await py.runPythonAsync("async def seven():\n    return 7\nseven()"), 7);
  // A Python coroutine called from TypeScript is a promise.
  const seven = py.globals.get("seven") as PyProxy;
  assert.equal(await seven(), 7);
  await assert.rejects(
    py.runPythonAsync("await timers.later(1, 1)\n1 / 0"),
    (e: unknown) => e instanceof PythonError && e.type === "ZeroDivisionError",
  );
});

Deno.test("embed: stdout, stderr and stdin callbacks", () => {
  const { py, out } = captured();
  py.runPython(
    "import sys\nprint('a', end='')\nprint('b')\nsys.stderr.write('err\\n')\nsys.stdout.write('c\\n')",
  );
  assert.equal(out.stdout, "ab\nc\n");
  assert.equal(out.stderr, "err\n");
  const lines = ["first\n", "second\nthird\n"];
  const withInput = createRuntime({ stdin: () => lines.shift() });
  assert.deepEqual(withInput.runPython("[input(), input(), input()]"), ["first", "second", "third"]);
  assert.throws(
    () => withInput.runPython("input()"),
    (e: unknown) => e instanceof PythonError && e.type === "EOFError",
  );
  const reads = createRuntime({ stdin: () => "all of it" });
  assert.equal(reads.runPython("import sys\nsys.stdin.read(6)"), "all of");
});

Deno.test("embed: two runtimes are independent, also when one calls the other", () => {
  const a = captured();
  const b = captured();
  a.py.runPython("import sys\nname = 'a'\nsys.modules['marker'] = 1\nsys.setrecursionlimit(500)");
  b.py.runPython("name = 'b'");
  assert.equal(a.py.runPython("name"), "a");
  assert.equal(b.py.runPython("name"), "b");
  assert.equal(b.py.runPython("import sys\n'marker' in sys.modules"), false);
  assert.equal(b.py.runPython("sys.getrecursionlimit()"), 1000);
  assert.equal(a.py.runPython("sys.getrecursionlimit()"), 500);
  // a's code calls into b, which calls back into a.
  a.py.globals.set("askB", (code: string) => b.py.runPython(code));
  b.py.globals.set("askA", (code: string) => a.py.runPython(code));
  assert.equal(a.py.runPython("print('from a')\naskB(\"print('from b')\\naskA('name') + name\")"), "ab");
  assert.equal(a.out.stdout, "from a\n");
  assert.equal(b.out.stdout, "from b\n");
  // A function of one runtime called from the other runs in its own runtime.
  const fa = a.py.runPython("def who():\n    return name\nwho");
  b.py.globals.set("fa", fa);
  assert.equal(b.py.runPython("fa()"), "a");
});

Deno.test("embed: module policy (allow-list, deny-list)", () => {
  const allow = createRuntime({ modules: { allow: ["math", "collections"] } });
  assert.equal(allow.runPython("import math\nmath.floor(2.5)"), 2);
  // collections imports what it needs itself.
  assert.equal(allow.runPython("import collections\nlen(collections.deque([1, 2]))"), 2);
  assert.throws(
    () => allow.runPython("import os"),
    (e: unknown) =>
      e instanceof PythonError && e.type === "ModuleNotFoundError" &&
      e.message === "import of 'os' is not allowed",
  );
  assert.throws(
    () => allow.runPython("__import__('heapq')"),
    (e: unknown) => e instanceof PythonError && e.type === "ModuleNotFoundError",
  );
  const deny = createRuntime({ modules: { deny: ["os", "js"] } });
  assert.throws(() => deny.runPython("import os.path"), (e: unknown) => e instanceof PythonError);
  assert.throws(() => deny.runPython("from js import Math"), (e: unknown) => e instanceof PythonError);
  assert.equal(deny.runPython("import heapq\nheapq.nlargest(1, [1, 3, 2])[0]"), 3);
  // The host's own imports are not the code's.
  assert.equal(deny.pyimport("os").sep, "/");
});

Deno.test("embed: a time or step budget stops runaway code with KeyboardInterrupt", () => {
  const timed = createRuntime({ timeLimitMs: 50 });
  const started = performance.now();
  assert.throws(
    () => timed.runPython("while True:\n    pass"),
    (e: unknown) =>
      e instanceof PythonError && e.type === "KeyboardInterrupt" &&
      e.message === "time limit of 50 ms exceeded",
  );
  assert.ok(performance.now() - started < 2000);
  // Catching it does not escape the budget: the next check raises again.
  assert.throws(
    () =>
      timed.runPython(
        "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass",
      ),
    (e: unknown) => e instanceof PythonError && e.type === "KeyboardInterrupt",
  );
  // Each call gets its own budget.
  assert.equal(timed.runPython("sum(range(1000))"), 499500);
  assert.throws(
    () => timed.runPython("import time\ntime.sleep(5)"),
    (e: unknown) => e instanceof PythonError && e.type === "KeyboardInterrupt",
  );
  const stepped = createRuntime({ stepLimit: 100_000 });
  assert.equal(stepped.runPython("n = 0\nfor i in range(10_000):\n    n += i\nn"), 49995000);
  assert.throws(
    () => stepped.runPython("for i in range(10**9):\n    pass"),
    (e: unknown) => e instanceof PythonError && e.message === "step limit of 100000 loop iterations exceeded",
  );
});

Deno.test("embed: the recursion limit", () => {
  const py = createRuntime({ recursionLimit: 50 });
  assert.equal(py.runPython("import sys\nsys.getrecursionlimit()"), 50);
  assert.throws(
    () => py.runPython("def r(n):\n    return r(n + 1)\nr(0)"),
    (e: unknown) => e instanceof PythonError && e.type === "RecursionError",
  );
  assert.equal(py.runPython("def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nd(40)"), 40);
});

Deno.test("embed: runPython with its own globals and file name", () => {
  const py = createRuntime();
  const scope = py.toPy(new Map()) as PyProxy;
  py.runPython("z = 3", { globals: scope });
  assert.equal(scope.get("z"), 3);
  assert.equal(py.globals.has("z"), false);
  assert.throws(
    () => py.runPython("1/0", { filename: "calc.py" }),
    (e: unknown) => e instanceof PythonError && e.traceback.includes('File "calc.py", line 1'),
  );
});
