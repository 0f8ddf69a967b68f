/**
 * The sys module: what conformance programs cannot show because CPython answers differently
 * (pyjit refuses getrefcount and tracing, builds sys.path from the driver's entries plus its
 * standard library entry) and the size estimates of getsizeof for values built directly.
 */
import assert from "node:assert/strict";
import { makeSysModule } from "./sys.ts";
import { estimateSize } from "./sys_sizeof.ts";
import {
  Exc,
  None,
  PyBaseException,
  PyDict,
  PyFloat,
  PyList,
  PyTuple,
  type PyValue,
} from "../../objects/object.ts";
import { call } from "../../objects/ops.ts";
import { STDLIB_PATH_ENTRY } from "../../vm/import_state.ts";

const sys = makeSysModule(["prog.py", "arg"], {
  path: ["/scripts", "/extra"],
  origArgv: ["pyjit", "prog.py", "arg"],
});
const fn = (name: string) => sys.dict!.getStr(name)!;
const items = (name: string) => (sys.dict!.getStr(name) as PyList).items;

function raisesType(f: () => unknown, type: typeof Exc.TypeError): void {
  assert.throws(f, (e) => e instanceof PyBaseException && e.cls === type);
}

Deno.test("sys.path is the script's directory, PYTHONPATH's entries, then the standard library", () => {
  assert.deepEqual(items("path"), ["/scripts", "/extra", STDLIB_PATH_ENTRY]);
  assert.deepEqual(items("argv"), ["prog.py", "arg"]);
  assert.deepEqual(items("orig_argv"), ["pyjit", "prog.py", "arg"]);
  assert.equal(items("meta_path").length, 3);
  assert.equal(items("path_hooks").length, 2);
  assert.ok(sys.dict!.getStr("path_importer_cache") instanceof PyDict);
});

Deno.test("sys.getrefcount and tracing functions other than None are not supported", () => {
  raisesType(() => call(fn("getrefcount"), [1]), Exc.NotImplementedError);
  raisesType(() => call(fn("settrace"), [fn("exit")]), Exc.NotImplementedError);
  raisesType(() => call(fn("setprofile"), [fn("exit")]), Exc.NotImplementedError);
  assert.equal(call(fn("settrace"), [None]), None);
  assert.equal(call(fn("gettrace"), []), None);
});

Deno.test("sys.getsizeof estimates CPython 3.11's sizes", () => {
  // Values from CPython 3.11 on x86-64 Linux.
  const cases: [PyValue, number][] = [
    [0, 28],
    [2 ** 30, 32],
    [2n ** 90n, 40],
    [false, 24],
    [new PyFloat(1.5), 24],
    ["", 49],
    ["abc", 52],
    ["\u00e9", 74],
    ["\u0100\u0100", 78],
    ["\u{1F600}", 80],
    [new PyTuple([]), 40],
    [new PyTuple([1, 2, 3]), 64],
    [new PyList([1]), 64],
    [new PyDict(), 64],
    [None, 16],
  ];
  for (const [value, size] of cases) assert.equal(estimateSize(value), size, String(value));
  const d = new PyDict();
  for (let i = 0; i < 6; i++) d.set(i, i);
  assert.equal(estimateSize(d), 352);
  const s = new PyDict();
  s.setStr("a", 1);
  assert.equal(estimateSize(s), 184);
});
