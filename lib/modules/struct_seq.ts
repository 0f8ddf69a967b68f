/**
 * Struct sequences (`os.stat_result`, `os.terminal_size`, `posix.uname_result`, …): a tuple type
 * whose first `fields` are also attributes, plus `extra` attributes outside the tuple (stat's float
 * times), with CPython's repr `name(field=value, …)` and constructor from a sequence.
 *
 * @example
 * ```ts
 * import { makeStructSeqType, newStructSeq } from "./struct_seq.ts";
 * const t = makeStructSeqType("os", "terminal_size", ["columns", "lines"]);
 * newStructSeq(t, [80, 24]); // os.terminal_size(columns=80, lines=24)
 * ```
 * @module
 */
import {
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  None,
  PyDict,
  PyTuple,
  type PyType,
  type PyValue,
  raise,
  tupleType,
} from "../../objects/object.ts";
import { repr, toArray } from "../../objects/ops.ts";
import { installNew } from "../../objects/types/type.ts";

/** Makes a struct sequence type `module.name`. */
export function makeStructSeqType(
  module: string,
  name: string,
  fields: readonly string[],
  extra: readonly string[] = [],
): PyType {
  const t = newBuiltinType(name, tupleType, 0);
  t.module = module;
  const full = `${module}.${name}`;
  const n = fields.length;
  fields.forEach((f, i) => defGetSet(t, f, (o) => (o as PyTuple).items[i]));
  extra.forEach((f, i) =>
    defGetSet(t, f, (o) => (o as PyTuple).dict?.getStr(f) ?? (o as PyTuple).items[n + i] ?? None)
  );
  t.tp_new = (cls, args) => {
    if (args.length !== 1) raise(Exc.TypeError, `${full}() takes exactly one argument`);
    const items = toArray(args[0]);
    const max = n + extra.length;
    if (items.length < n || items.length > max) {
      const want = extra.length === 0 ? `a ${n}-sequence` : `an at least ${n}-sequence`;
      raise(Exc.TypeError, `${full}() takes ${want} (${items.length}-sequence given)`);
    }
    const s = new PyTuple(items.slice(0, n), cls);
    s.dict = new PyDict();
    extra.forEach((f, i) => s.dict!.setStr(f, items[n + i] ?? None));
    return s;
  };
  installNew(t);
  defMethod(t, "__repr__", (args) => {
    const items = (args[0] as PyTuple).items;
    return `${full}(${fields.map((f, i) => `${f}=${repr(items[i])}`).join(", ")})`;
  });
  defMethod(t, "__reduce__", (args) => {
    const s = args[0] as PyTuple;
    return new PyTuple([t, new PyTuple([new PyTuple(s.items)])]);
  });
  t.attrs.set("n_fields", n + extra.length);
  t.attrs.set("n_sequence_fields", n);
  t.attrs.set("n_unnamed_fields", 0);
  return t;
}

/** Makes an instance: `values` are the tuple items, `extras` the attributes outside the tuple. */
export function newStructSeq(t: PyType, values: PyValue[], extras: Record<string, PyValue> = {}): PyTuple {
  const s = new PyTuple(values, t);
  s.dict = new PyDict();
  for (const [k, v] of Object.entries(extras)) s.dict.setStr(k, v);
  return s;
}
