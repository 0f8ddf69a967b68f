/**
 * `_opcode`: the opcode table (instructions/opcodes.ts) as the Python `opcode` module
 * (lib/python/opcode.py) reads it, and CPython's `_opcode.stack_effect`.
 *
 * In: OPCODES. Out: `stack_effect(opcode, oparg=None, /, *, jump=None)` with CPython's errors, and
 * `instructions()`: one `(name, number, generic number, kind, arg kind, cache cells, jump)` tuple
 * per instruction a code object may hold (pseudo-instructions excluded), from which opcode.py
 * derives opname, opmap, the has* lists, the cache layout and the specializations; `nb_ops` and
 * `cmp_op`, the BINARY_OP and COMPARE_OP opargs (instructions/operators.ts).
 *
 * @example
 * ```ts
 * import { makeOpcodeHelperModule } from "./opcode.ts";
 * const m = makeOpcodeHelperModule(); // import _opcode; _opcode.stack_effect(...)
 * ```
 * @module
 */
import { OPCODES, stackEffect } from "../../instructions/opcodes.ts";
import { BINARY_OPS, COMPARISONS } from "../../instructions/operators.ts";
import {
  Exc,
  newTuple,
  None,
  PyBuiltinFunction,
  PyList,
  PyModule,
  type PyValue,
  raise,
} from "../../objects/object.ts";
import { asIndex } from "../../objects/ops.ts";

/** The lowest opcode that takes an argument (opcode.HAVE_ARGUMENT; see opcode.py). */
export const HAVE_ARGUMENT: number = OPCODES.findIndex((row) => row !== undefined && row.arg !== "none");

/** An int argument (or __index__) of C type `ctype`: OverflowError beyond its range. */
function cInteger(v: PyValue, ctype: "int" | "long"): number {
  const i = asIndex(v);
  const limit = ctype === "int" ? 2 ** 31 : 2n ** 63n;
  if ((typeof i === "bigint" ? i : BigInt(i)) >= BigInt(limit) || -BigInt(i) > BigInt(limit)) {
    raise(Exc.OverflowError, `Python int too large to convert to C ${ctype}`);
  }
  return Number(i);
}

/** `stack_effect(opcode, oparg=None, /, *, jump=None)`. */
function stackEffectFn(args: PyValue[], kwnames: string[] | null): PyValue {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos < 1) raise(Exc.TypeError, `stack_effect() takes at least 1 positional argument (${npos} given)`);
  if (npos > 2) raise(Exc.TypeError, `stack_effect() takes at most 2 positional arguments (${npos} given)`);
  let jump: PyValue = None;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] !== "jump") {
      raise(Exc.TypeError, `'${kwnames![i]}' is an invalid keyword argument for stack_effect()`);
    }
    jump = args[npos + i];
  }
  const op = cInteger(args[0], "int");
  const hasOparg = npos === 2 && args[1] !== None;
  const row = op >= 0 && op < 256 ? OPCODES[op] : undefined;
  const takesArg = row === undefined ? op >= HAVE_ARGUMENT : OPCODES[row.generic].arg !== "none";
  if (!takesArg && hasOparg) {
    raise(Exc.ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  if (takesArg && !hasOparg) {
    raise(Exc.ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
  }
  if (jump !== None && jump !== true && jump !== false) {
    raise(Exc.ValueError, "stack_effect: jump must be False, True or None");
  }
  const oparg = hasOparg ? cInteger(args[1], "long") : 0;
  if (row === undefined || row.name === "CACHE") raise(Exc.ValueError, "invalid opcode or oparg");
  const notTaken = stackEffect(op, oparg, false);
  const taken = stackEffect(op, oparg, true);
  if (!Number.isFinite(notTaken) || !Number.isFinite(taken)) raise(Exc.ValueError, "invalid opcode or oparg");
  if (jump === true) return taken;
  if (jump === false) return notTaken;
  return Math.max(taken, notTaken);
}

/** The table rows opcode.py reads. */
function instructionRows(): PyValue {
  const rows: PyValue[] = [];
  for (const row of OPCODES.slice(0, 256)) {
    if (row === undefined || row.pseudo) continue;
    rows.push(newTuple([
      row.name,
      row.code,
      row.generic,
      row.kind,
      row.arg,
      newTuple([...row.cache]),
      row.jump ?? None,
    ]));
  }
  return new PyList(rows);
}

/** The `_opcode` module. */
export function makeOpcodeHelperModule(): PyModule {
  const m = new PyModule("_opcode");
  const d = m.dict!;
  d.setStr("stack_effect", new PyBuiltinFunction("stack_effect", stackEffectFn, null, "_opcode"));
  d.setStr("instructions", new PyBuiltinFunction("instructions", () => instructionRows(), null, "_opcode"));
  d.setStr("HAVE_ARGUMENT", HAVE_ARGUMENT);
  d.setStr("nb_ops", new PyList(BINARY_OPS.map((o) => newTuple([o.name, o.symbol]))));
  d.setStr("cmp_op", newTuple(COMPARISONS.map((c) => c.symbol)));
  return m;
}
