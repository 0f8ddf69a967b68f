/**
 * Python functions: a code object + globals + defaults + closure → a callable PyFunction; a call
 * (positional values, keyword values named by kwnames) → a Frame with the arguments bound as
 * CPython binds them (same TypeError messages), run by the active tier, or a generator.
 *
 * Also `runClassBody(func, namespace)` (called by `__build_class__`) and `runCode(code, globals,
 * locals)` (module bodies, exec/eval).
 *
 * @example
 * ```ts
 * import { PyFunction } from "./function.ts";
 * // const f = new PyFunction(code, globals, "f"); call(f, [1, 2], null);
 * ```
 * @module
 */
import {
  CO_ASYNC_GENERATOR,
  CO_COROUTINE,
  CO_GENERATOR,
  CO_VARARGS,
  CO_VARKEYWORDS,
  PyCode,
} from "../objects/code.ts";
import { acquireFrame, Frame, releaseFrame, threadState } from "./frame.ts";
import { setZeroArgSuperHook } from "../objects/types/type.ts";
import {
  defGetSet,
  defMethod,
  EMPTY_TUPLE,
  Exc,
  functionType,
  None,
  PyCell,
  PyDict,
  PyObject,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { currentTier } from "./tier.ts";
import { PyAsyncGenerator, PyCoroutine, PyGenerator } from "./generator.ts";
import { genericSetAttr } from "../objects/ops.ts";

/** A function defined in Python. */
export class PyFunction extends PyObject {
  declare code: PyCode;
  declare globals: PyDict;
  declare builtins: PyDict;
  declare name: string;
  declare qualname: string;
  /** Positional defaults (for the last parameters), or null. */
  declare defaults: PyValue[] | null;
  /** Keyword-only defaults, or null. */
  declare kwdefaults: PyDict | null;
  /** Cells for the code's free variables, in co_freevars order, or null. */
  declare closure: PyCell[] | null;
  declare doc: PyValue;
  declare module: PyValue;
  declare annotations: PyValue;
  constructor(code: PyCode, globals: PyDict, builtins: PyDict) {
    super();
    this.cls = functionType;
    this.dict = null;
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.name = code.name;
    this.qualname = code.qualname;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    const first = code.consts.length > 0 ? code.consts[0] : None;
    this.doc = typeof first === "string" && !code.name.startsWith("<") ? first : None;
    this.module = globals.getStr("__name__") ?? None;
    this.annotations = None;
  }
}

/** `<function NAME at 0x…>`. */
export function functionRepr(f: PyFunction): string {
  return `<function ${f.qualname} at 0x${(0x7f1000000000 + f.code.id * 0x100).toString(16)}>`;
}

/**
 * Builds the frame for calling `func`: `args` holds the positional values then the keyword
 * values (named by kwnames).
 */
export function bindFrame(func: PyFunction, args: PyValue[], kwnames: string[] | null): Frame {
  const code = func.code;
  const frame = (code.flags & (CO_GENERATOR | CO_COROUTINE)) === 0
    ? acquireFrame(code, func.globals, func.builtins, func)
    : new Frame(code, func.globals, func.builtins, null, func);
  const values = frame.values;
  const argcount = code.argcount;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  // Fast path: exact positional arguments, nothing else.
  if (
    nkw === 0 && npos === argcount && (code.flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0 &&
    code.kwonlyargcount === 0
  ) {
    for (let i = 0; i < npos; i++) values[i] = args[i];
    return frame;
  }
  bindSlow(func, frame, args, npos, kwnames);
  return frame;
}

function bindSlow(
  func: PyFunction,
  frame: Frame,
  args: PyValue[],
  npos: number,
  kwnames: string[] | null,
): void {
  const code = func.code;
  const values = frame.values;
  const argcount = code.argcount;
  const kwonly = code.kwonlyargcount;
  const totalArgs = argcount + kwonly;
  const varnames = code.varnames;
  let kwdict: PyDict | null = null;
  if (code.flags & CO_VARKEYWORDS) {
    kwdict = new PyDict();
    values[totalArgs + (code.flags & CO_VARARGS ? 1 : 0)] = kwdict;
  }
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) values[i] = args[i];
  if (code.flags & CO_VARARGS) {
    values[totalArgs] = npos > argcount ? new PyTuple(args.slice(argcount, npos)) : EMPTY_TUPLE;
  }
  // (Arrays for errors are made only when there is one: this runs for every call with keywords,
  // defaults or *args.)
  let posonlyAsKw: string[] | null = null;
  if (kwnames !== null) {
    for (let k = 0; k < kwnames.length; k++) {
      const name = kwnames[k];
      const value = args[npos + k];
      let j = -1;
      for (let i = code.posonlyargcount; i < totalArgs; i++) {
        if (varnames[i] === name) {
          j = i;
          break;
        }
      }
      if (j < 0) {
        if (kwdict !== null) {
          kwdict.setStr(name, value);
          continue;
        }
        if (varnames.indexOf(name) >= 0 && varnames.indexOf(name) < code.posonlyargcount) {
          (posonlyAsKw ??= []).push(name);
          continue;
        }
        raise(Exc.TypeError, `${func.qualname}() got an unexpected keyword argument '${name}'`);
      }
      if (values[j] !== undefined) {
        raise(Exc.TypeError, `${func.qualname}() got multiple values for argument '${name}'`);
      }
      values[j] = value;
    }
  }
  if (posonlyAsKw !== null) {
    raise(
      Exc.TypeError,
      `${func.qualname}() got some positional-only arguments passed as keyword arguments: '${
        posonlyAsKw.join(", ")
      }'`,
    );
  }
  if (npos > argcount && !(code.flags & CO_VARARGS)) tooManyPositional(func, npos, values);
  // Defaults for missing positional parameters.
  if (npos < argcount) {
    const defaults = func.defaults;
    const firstDefault = argcount - (defaults === null ? 0 : defaults.length);
    let missing: string[] | null = null;
    for (let i = npos; i < argcount; i++) {
      if (values[i] !== undefined) continue;
      if (i >= firstDefault) values[i] = defaults![i - firstDefault];
      else (missing ??= []).push(varnames[i]);
    }
    if (missing !== null) missingArguments(func, missing, "positional");
  }
  if (kwonly > 0) {
    let missing: string[] | null = null;
    for (let i = argcount; i < totalArgs; i++) {
      if (values[i] !== undefined) continue;
      const d = func.kwdefaults?.getStr(varnames[i]);
      if (d !== undefined) values[i] = d;
      else (missing ??= []).push(varnames[i]);
    }
    if (missing !== null) missingArguments(func, missing, "keyword-only");
  }
}

function tooManyPositional(func: PyFunction, given: number, values: (PyValue | null | undefined)[]): never {
  const code = func.code;
  const argcount = code.argcount;
  const ndefaults = func.defaults?.length ?? 0;
  let kwonlyGiven = 0;
  for (let i = argcount; i < argcount + code.kwonlyargcount; i++) if (values[i] !== undefined) kwonlyGiven++;
  let sig: string;
  let plural: boolean;
  if (ndefaults > 0) {
    sig = `from ${argcount - ndefaults} to ${argcount}`;
    plural = true;
  } else {
    sig = `${argcount}`;
    plural = argcount !== 1;
  }
  const kwonlySig = kwonlyGiven
    ? ` positional argument${given !== 1 ? "s" : ""} (and ${kwonlyGiven} keyword-only argument${
      kwonlyGiven !== 1 ? "s" : ""
    })`
    : "";
  raise(
    Exc.TypeError,
    `${func.qualname}() takes ${sig} positional argument${plural ? "s" : ""} but ${given}${kwonlySig} ${
      given === 1 && !kwonlyGiven ? "was" : "were"
    } given`,
  );
}

function missingArguments(func: PyFunction, names: string[], kind: string): never {
  const quoted = names.map((n) => `'${n}'`);
  let list: string;
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else list = `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
  raise(
    Exc.TypeError,
    `${func.qualname}() missing ${names.length} required ${kind} argument${
      names.length === 1 ? "" : "s"
    }: ${list}`,
  );
}

/** Calls a Python function (functionType.tp_call). */
export function callFunction(func: PyFunction, args: PyValue[], kwnames: string[] | null): PyValue {
  const frame = bindFrame(func, args, kwnames);
  const flags = func.code.flags;
  if (flags & CO_GENERATOR) {
    return (flags & CO_ASYNC_GENERATOR) !== 0 ? new PyAsyncGenerator(frame) : new PyGenerator(frame);
  }
  if (flags & CO_COROUTINE) return new PyCoroutine(frame);
  const result = currentTier.execute(frame, null);
  releaseFrame(frame);
  return result;
}

functionType.tp_call = (f, args, kwnames) => callFunction(f as PyFunction, args, kwnames);
// Functions get their attribute dict on the first attribute store.
functionType.tp_setattro = (f, name, value) => {
  const func = f as PyFunction;
  if (func.dict === null && typeOf(func).lookup(name) === undefined) func.dict = new PyDict();
  genericSetAttr(func, name, value);
};
defMethod(functionType, "__repr__", (args) => functionRepr(args[0] as PyFunction));

/** Runs a class body (`func` made from the body's code) with `namespace` as its locals. */
export function runClassBody(func: PyFunction, namespace: PyDict): PyValue {
  const frame = new Frame(func.code, func.globals, func.builtins, namespace, func);
  return currentTier.execute(frame, null);
}

/** Runs a module-level (or exec) code object with the given globals and locals. */
export function runCode(code: PyCode, globals: PyDict, locals: PyDict, builtins: PyDict): PyValue {
  const frame = new Frame(code, globals, builtins, locals, null);
  return currentTier.execute(frame, null);
}

// Function attributes.
function fn(v: PyValue): PyFunction {
  return v as PyFunction;
}
defGetSet(functionType, "__name__", (f) => fn(f).name, (f, v) => {
  if (typeof v !== "string") raise(Exc.TypeError, "__name__ must be set to a string object");
  fn(f).name = v;
});
defGetSet(functionType, "__qualname__", (f) => fn(f).qualname, (f, v) => {
  if (typeof v !== "string") raise(Exc.TypeError, "__qualname__ must be set to a string object");
  fn(f).qualname = v;
});
defGetSet(functionType, "__doc__", (f) => fn(f).doc, (f, v) => {
  fn(f).doc = v ?? None;
});
defGetSet(functionType, "__module__", (f) => fn(f).module, (f, v) => {
  fn(f).module = v ?? None;
});
defGetSet(functionType, "__code__", (f) => fn(f).code, (f, v) => {
  const func = fn(f);
  if (!(v instanceof PyCode)) raise(Exc.TypeError, "__code__ must be set to a code object");
  const free = v.freevars.length, have = func.closure?.length ?? 0;
  if (free !== have) {
    raise(Exc.ValueError, `${func.name}() requires a code object with ${have} free vars, not ${free}`);
  }
  func.code = v;
});
defGetSet(functionType, "__globals__", (f) => fn(f).globals);
defGetSet(functionType, "__closure__", (f) => {
  const c = fn(f).closure;
  return c === null ? None : new PyTuple(c);
});
defGetSet(functionType, "__defaults__", (f) => {
  const d = fn(f).defaults;
  return d === null ? None : new PyTuple(d);
}, (f, v) => {
  fn(f).defaults = v === undefined || v === None ? null : (v as PyTuple).items.slice();
});
defGetSet(functionType, "__kwdefaults__", (f) => fn(f).kwdefaults ?? None, (f, v) => {
  fn(f).kwdefaults = v === undefined || v === None ? null : v as PyDict;
});
defGetSet(functionType, "__annotations__", (f) => {
  const func = fn(f);
  if (func.annotations === None) func.annotations = new PyDict();
  return func.annotations;
}, (f, v) => {
  fn(f).annotations = v ?? None;
});
defGetSet(functionType, "__dict__", (f) => {
  const func = fn(f);
  if (func.dict === null) func.dict = new PyDict();
  return func.dict;
});

// Zero-argument super(): the `__class__` cell and the first argument of the running function.
setZeroArgSuperHook(() => {
  const f = threadState.frame;
  if (f === null || f.code.argcount === 0) raise(Exc.RuntimeError, "super(): no arguments");
  const code = f.code;
  const at = code.localsplusNames.indexOf("__class__", code.nlocalsplus - code.freevars.length);
  if (at < 0) raise(Exc.RuntimeError, "super(): __class__ cell not found");
  const cls = (f.values[at] as PyCell).value;
  if (cls === undefined) raise(Exc.RuntimeError, "super(): empty __class__ cell");
  if (!(cls instanceof PyType)) raise(Exc.RuntimeError, "super(): __class__ is not a type");
  let self = f.values[0];
  if (self instanceof PyCell) self = self.value;
  if (self === undefined || self === null) raise(Exc.RuntimeError, "super(): arg[0] deleted");
  return [cls, self];
});
