/**
 * unicodedata's tables against python3: every property of the code points in
 * tests/data/unicodedata_sample.json (written by unicodedata_gen.py from CPython 3.11's
 * unicodedata) must come out the same through the module's functions.
 */
import { deepEqual as assertEquals } from "node:assert/strict";
import { None, PyFloat, type PyModule, type PyValue } from "../../objects/object.ts";
import { call } from "../../objects/ops.ts";
import { makeUnicodedataModule } from "./unicodedata.ts";

type Row = [
  number,
  string | null,
  string,
  string,
  number,
  string,
  number,
  number | null,
  number | null,
  number | null,
  string,
];

const SAMPLE = new URL("../../tests/data/unicodedata_sample.json", import.meta.url);

function fn(m: PyModule, name: string): (...args: PyValue[]) => PyValue {
  const f = m.dict!.getStr(name)!;
  return (...args) => call(f, args, null);
}

/** A Python value as JSON would have it (None → null, float → number). */
function plain(v: PyValue): unknown {
  if (v === None) return null;
  if (v instanceof PyFloat) return v.value;
  return v;
}

Deno.test("unicodedata: every property of the sampled code points matches CPython 3.11", () => {
  const rows = JSON.parse(Deno.readTextFileSync(SAMPLE)) as Row[];
  const m = makeUnicodedataModule();
  const props = [
    "category",
    "bidirectional",
    "combining",
    "east_asian_width",
    "mirrored",
  ].map((p) => fn(m, p));
  const [name, decimal, digit, numeric, decomposition, lookup] = [
    "name",
    "decimal",
    "digit",
    "numeric",
    "decomposition",
    "lookup",
  ].map((p) => fn(m, p));
  let checked = 0;
  for (const row of rows) {
    const ch = String.fromCodePoint(row[0]);
    const got = [
      row[0],
      plain(name(ch, None)),
      ...props.map((p) => plain(p(ch))),
      plain(decimal(ch, None)),
      plain(digit(ch, None)),
      plain(numeric(ch, None)),
      plain(decomposition(ch)),
    ];
    assertEquals(got, row, `U+${row[0].toString(16)}`);
    if (row[1] !== null) assertEquals(lookup(row[1]), ch);
    checked++;
  }
  assertEquals(checked > 3000, true);
});
