/**
 * The `_string` module of CPython 3.11 (C there), under lib/python/string.py's `Formatter`:
 * a format string → `formatter_parser` (an iterator of (literal, field name, spec, conversion)
 * tuples) and a field name → `formatter_field_name_split` ((first, iterator of (is_attr, key))).
 * Both read format strings with str.format's own parser (objects/format.ts), so they accept and
 * refuse exactly what str.format does.
 *
 * @example
 * ```ts
 * import { makeStringModule } from "./_string.ts";
 * const m = makeStringModule();
 * ```
 * @module
 */
import {
  checkArgs,
  Exc,
  newTuple,
  None,
  type PyModule,
  type PyValue,
  raise,
  typeOf,
} from "../../objects/object.ts";
import {
  formatFieldIndex,
  nextFormatChunk,
  nextFormatFieldPart,
  splitFormatFieldName,
} from "../../objects/format.ts";
import { strValueOf } from "../../objects/ops.ts";
import { makeIterator } from "../../objects/types/iterators.ts";
import { buildModule, moduleIteratorType } from "./_native.ts";

/** The iterator types; CPython names them without a module (they print as builtins). */
const formatterIteratorType = moduleIteratorType("builtins", "formatteriterator", 0);
const fieldNameIteratorType = moduleIteratorType("builtins", "fieldnameiterator", 0);

function strArg(name: string, args: PyValue[], kwnames: string[] | null): string {
  checkArgs(`_string.${name}`, args, kwnames, 1, 1);
  const s = strValueOf(args[0]);
  if (s === undefined) raise(Exc.TypeError, `expected str, got ${typeOf(args[0]).name}`);
  return s;
}

/** `formatter_parser(s)`: the chunks of s, each parsed when it is reached. */
function formatterParser(args: PyValue[], kwnames: string[] | null): PyValue {
  const s = strArg("formatter_parser", args, kwnames);
  let pos = 0;
  return makeIterator(formatterIteratorType, () => {
    if (pos >= s.length) return undefined;
    const chunk = nextFormatChunk(s, pos);
    pos = chunk.next;
    if (chunk.field === null) return newTuple([chunk.literal, None, None, None]);
    return newTuple([chunk.literal, chunk.field, chunk.spec, chunk.conversion ?? None]);
  });
}

/** `formatter_field_name_split(name)`: the first part (an int when all digits) and the rest. */
function formatterFieldNameSplit(args: PyValue[], kwnames: string[] | null): PyValue {
  const name = strArg("formatter_field_name_split", args, kwnames);
  const { first, restStart } = splitFormatFieldName(name);
  const index = formatFieldIndex(first);
  let pos = restStart;
  const rest = makeIterator(fieldNameIteratorType, () => {
    if (pos >= name.length) return undefined;
    const [isAttr, key, next] = nextFormatFieldPart(name, pos);
    pos = next;
    return newTuple([isAttr, key]);
  });
  return newTuple([index >= 0 ? index : first, rest]);
}

/** The `_string` module object. */
export function makeStringModule(): PyModule {
  return buildModule("_string", "string helper module", {
    formatter_parser: formatterParser,
    formatter_field_name_split: formatterFieldNameSplit,
  });
}
