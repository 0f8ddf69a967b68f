/**
 * The protocols in ops.ts and the core containers in object.ts: arithmetic fast and slow paths,
 * CPython's error messages, comparisons, dict key equality (1 == 1.0 == True), set iteration order,
 * str code-point semantics with astral characters, attribute lookup rules. Expected values were
 * produced with CPython 3.11.
 */
import {
  BINARY_OPS,
  COMPARISONS,
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  PY_LT,
} from "../instructions/operators.ts";
import { deepStrictEqual as assertEquals, ok, throws } from "node:assert/strict";
import "../lib/builtins.ts";
import {
  Exc,
  frozensetType,
  newSet,
  None,
  PyBaseException,
  PyDict,
  PyFloat,
  PyList,
  PySet,
  PyTuple,
  type PyValue,
} from "./object.ts";
import { binaryOp, compareOp, contains, getItem, hash, isTrue, len, repr, str } from "./ops.ts";
import { builtinsModule } from "../lib/builtins.ts";
import { CASES, decode, type Encoded, type Outcome, outcomeOf } from "../tests/object_cases.ts";
import { call, getAttr } from "./ops.ts";

const f = (v: number) => new PyFloat(v);
const builtin = (name: string) => builtinsModule().dict!.getStr(name)!;

/** The message of the Python exception fn raises, as "TypeName: message". */
function pyError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyBaseException) return `${e.cls.name}: ${str(e)}`;
    throw e;
  }
  return "no exception";
}

Deno.test("int arithmetic stays exact across the safe-integer boundary", () => {
  assertEquals(binaryOp(2 ** 52, 2 ** 52, NB_ADD), 2n ** 53n);
  assertEquals(binaryOp(2n ** 53n, 1, NB_SUBTRACT), 2 ** 53 - 1);
  assertEquals(binaryOp(-7, 2, NB_FLOOR_DIVIDE), -4);
  assertEquals(binaryOp(-7, 2, NB_REMAINDER), 1);
  assertEquals(binaryOp(7, -2, NB_REMAINDER), -1);
  assertEquals(repr(binaryOp(2, 100, NB_POWER)), "1267650600228229401496703205376");
  assertEquals(repr(binaryOp(2, -2, NB_POWER)), "0.25");
  assertEquals(binaryOp(1, 70, NB_LSHIFT), 2n ** 70n);
  assertEquals(repr(binaryOp(1, 3, NB_TRUE_DIVIDE)), "0.3333333333333333");
  assertEquals(binaryOp(true, true, NB_ADD), 2);
  assertEquals(binaryOp(3, 4, NB_ADD + NB_INPLACE), 7);
});

Deno.test("float arithmetic follows CPython's sign rules and errors", () => {
  assertEquals(repr(binaryOp(f(-7), f(2), NB_FLOOR_DIVIDE)), "-4.0");
  assertEquals(repr(binaryOp(f(-7), 2, NB_REMAINDER)), "1.0");
  assertEquals(repr(binaryOp(f(7), f(-2), NB_REMAINDER)), "-1.0");
  assertEquals(repr(binaryOp(f(0.1), f(0.2), NB_ADD)), "0.30000000000000004");
  assertEquals(repr(binaryOp(f(-8), f(1 / 3), NB_POWER)), "(1.0000000000000002+1.7320508075688772j)");
  assertEquals(pyError(() => binaryOp(f(1), 0, NB_TRUE_DIVIDE)), "ZeroDivisionError: float division by zero");
  assertEquals(
    pyError(() => binaryOp(1, 0, NB_FLOOR_DIVIDE)),
    "ZeroDivisionError: integer division or modulo by zero",
  );
  assertEquals(pyError(() => binaryOp(1, 0, NB_REMAINDER)), "ZeroDivisionError: integer modulo by zero");
  assertEquals(
    pyError(() => binaryOp(f(0), -1, NB_POWER)),
    "ZeroDivisionError: 0.0 cannot be raised to a negative power",
  );
});

Deno.test("unsupported operands raise CPython's TypeErrors", () => {
  assertEquals(
    pyError(() => binaryOp(1, "a", NB_ADD)),
    "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
  );
  assertEquals(
    pyError(() => binaryOp("a", 1, NB_ADD)),
    'TypeError: can only concatenate str (not "int") to str',
  );
  assertEquals(
    pyError(() => binaryOp(new PyList([]), 1, NB_ADD)),
    'TypeError: can only concatenate list (not "int") to list',
  );
  assertEquals(
    pyError(() => binaryOp("a", f(2), NB_MULTIPLY)),
    "TypeError: can't multiply sequence by non-int of type 'float'",
  );
  assertEquals(
    pyError(() => binaryOp(None, 1, NB_POWER)),
    "TypeError: unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'",
  );
  assertEquals(
    pyError(() => binaryOp(1, None, NB_ADD + NB_INPLACE)),
    "TypeError: unsupported operand type(s) for +=: 'int' and 'NoneType'",
  );
  assertEquals(
    pyError(() => compareOp(1, "a", PY_LT)),
    "TypeError: '<' not supported between instances of 'int' and 'str'",
  );
  assertEquals(pyError(() => getItem(None, 0)), "TypeError: 'NoneType' object is not subscriptable");
  assertEquals(pyError(() => len(5)), "TypeError: object of type 'int' has no len()");
  assertEquals(pyError(() => call(5, [])), "TypeError: 'int' object is not callable");
});

Deno.test("comparisons mix ints, bigints and floats exactly", () => {
  assertEquals(compareOp(2n ** 60n, f(2 ** 60), 2), true);
  assertEquals(compareOp(2n ** 60n + 1n, f(2 ** 60), 4), true);
  assertEquals(compareOp(1, f(1), 2), true);
  assertEquals(compareOp(true, 1, 2), true);
  assertEquals(compareOp(f(NaN), f(NaN), 2), false);
  assertEquals(compareOp(new PyTuple([1, 2]), new PyTuple([1, 3]), PY_LT), true);
  assertEquals(compareOp("a😀", "a\uffff", PY_LT), false);
});

Deno.test("dict keys 1, 1.0 and True are one key; insertion order is kept", () => {
  const d = new PyDict();
  d.set(1, "int");
  d.set(f(1), "float");
  d.set(true, "bool");
  d.set("x", 1);
  d.set(new PyTuple([1, 2]), "tuple");
  assertEquals(d.size, 3);
  assertEquals(repr(d), "{1: 'bool', 'x': 1, (1, 2): 'tuple'}");
  ok(d.has(new PyTuple([f(1), 2])));
  d.delete(true);
  assertEquals(repr(d), "{'x': 1, (1, 2): 'tuple'}");
  assertEquals(pyError(() => d.set(new PyList([]), 1)), "TypeError: unhashable type: 'list'");
});

Deno.test("small and large dicts behave the same", () => {
  const d = new PyDict();
  for (let i = 0; i < 20; i++) d.setStr(`k${i}`, i);
  for (let i = 0; i < 20; i += 2) d.delete(`k${i}`);
  assertEquals(d.size, 10);
  assertEquals(d.getStr("k3"), 3);
  assertEquals(d.getStr("k4"), undefined);
  assertEquals(d.keyList().slice(0, 3), ["k1", "k3", "k5"]);
});

Deno.test("hash follows CPython for numbers", () => {
  assertEquals(hash(-1), -2);
  assertEquals(hash(f(1.0)), 1);
  assertEquals(hash(true), 1);
  assertEquals(call(builtin("hash"), [f(0.5)]), 2n ** 60n);
  assertEquals(call(builtin("hash"), [2n ** 70n]), 512);
  assertEquals(call(builtin("hash"), [f(Infinity)]), 314159);
  // CPython's tuple hash (xxHash) and frozenset hash, exact.
  assertEquals(call(builtin("hash"), [new PyTuple([1, 2])]), -3550055125485641917n);
  assertEquals(call(builtin("hash"), [new PyTuple([])]), 5740354900026072187n);
  assertEquals(call(builtin("hash"), [new PyTuple([-1, f(2.5)])]), 8137071277632274043n);
  assertEquals(call(builtin("hash"), [newSet([1, 2, 3], frozensetType)]), -272375401224217160n);
});

Deno.test("sets iterate in CPython's table order", () => {
  const show = (items: PyValue[]) => repr(newSet(items));
  assertEquals(show([3, 1, 2]), "{1, 2, 3}");
  assertEquals(show([10, 20, 5, 100, 7]), "{100, 5, 7, 10, 20}");
  assertEquals(show([-1, -2, 5]), "{5, -1, -2}");
  const s = newSet(Array.from({ length: 9 }, (_, i) => i + 1));
  s.discard(4);
  s.add(40);
  assertEquals(repr(s), "{1, 2, 3, 5, 6, 7, 8, 9, 40}");
  assertEquals([s.pop(), s.pop()], [1, 2]);
  const fs = newSet([5, 3, 9, 1], frozensetType);
  assertEquals(repr(fs), "frozenset({9, 3, 5, 1})");
  assertEquals(
    show([new PyTuple([1, 2]), new PyTuple([3, 4]), new PyTuple([0, 0]), new PyTuple([2, 1])]),
    "{(1, 2), (2, 1), (3, 4), (0, 0)}",
  );
  const merged = new PySet();
  merged.merge(newSet([10, 20, 5, 100, 7], frozensetType));
  assertEquals(repr(merged), "{100, 5, 20, 7, 10}");
});

Deno.test("str indexing, slicing and len count code points", () => {
  const s = "a😀b";
  assertEquals(len(s), 3);
  assertEquals(getItem(s, 1), "😀");
  assertEquals(getItem(s, -1), "b");
  assertEquals(call(builtin("len"), ["😀" + "x".repeat(20)]), 21);
  assertEquals(repr(call(builtin("list"), [s])), "['a', '😀', 'b']");
  ok(contains(s, "😀"));
  assertEquals(pyError(() => getItem(s, 3)), "IndexError: string index out of range");
});

Deno.test("truth and errors from user-visible builtins", () => {
  assertEquals([isTrue(0), isTrue(""), isTrue(None), isTrue(new PyList([])), isTrue(f(0.5))], [
    false,
    false,
    false,
    false,
    true,
  ]);
  assertEquals(
    pyError(() => call(builtin("int"), ["abc"])),
    "ValueError: invalid literal for int() with base 10: 'abc'",
  );
  assertEquals(
    pyError(() => call(builtin("len"), [1, 2])),
    "TypeError: len() takes exactly one argument (2 given)",
  );
  assertEquals(
    pyError(() => call(builtin("max"), [new PyList([])])),
    "ValueError: max() arg is an empty sequence",
  );
  assertEquals(pyError(() => call(builtin("chr"), [-1])), "ValueError: chr() arg not in range(0x110000)");
  throws(
    () => call(builtin("next"), [call(builtin("iter"), [new PyList([])])]),
    (e: unknown) => e instanceof PyBaseException && e.cls === Exc.StopIteration,
  );
});

Deno.test("arithmetic and comparisons match CPython on random operands (CPython-generated table)", () => {
  const failures: string[] = [];
  for (const [a, op, b, want] of CASES.arith as [Encoded, string, Encoded, Outcome][]) {
    const x = decode(a), y = decode(b);
    const bi = BINARY_OPS.findIndex((o) => o.symbol === op);
    const got = outcomeOf(() =>
      bi >= 0 && bi < NB_INPLACE
        ? binaryOp(x, y, bi)
        : compareOp(x, y, COMPARISONS.findIndex((o) => o.symbol === op))
    );
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(`${repr(x)} ${op} ${repr(y)}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    }
  }
  assertEquals(failures, []);
});

Deno.test("random set histories print in CPython's order (CPython-generated table)", () => {
  const inplace: Record<string, number> = { "|=": NB_OR, "&=": NB_AND, "-=": NB_SUBTRACT, "^=": NB_XOR };
  const failures: string[] = [];
  for (const [ops, want] of CASES.set_histories as [[string, unknown][], string[]][]) {
    let s: PyValue = new PySet();
    for (const [op, arg] of ops) {
      if (op === "pop") call(getAttr(s, "pop"), []);
      else if (op === "add" || op === "discard") call(getAttr(s, op), [decode(arg as Encoded)]);
      else s = binaryOp(s, newSet((arg as Encoded[]).map(decode)), inplace[op] + NB_INPLACE);
    }
    const got = [
      repr(s),
      repr(binaryOp(s, newSet([1000]), NB_OR)),
      repr(binaryOp(s, newSet(Array.from({ length: 30 }, (_, i) => i)), NB_AND)),
      repr(binaryOp(s, newSet([1, 2, 3]), NB_SUBTRACT)),
      repr(call(frozensetType, [s])),
    ];
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(`${JSON.stringify(ops)}: ${got} vs ${want}`);
    }
  }
  assertEquals(failures, []);
});
