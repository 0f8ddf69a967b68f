/**
 * `help(obj)`: an object → the text pydoc prints for it, as far as pyjit knows signatures and
 * docstrings. Functions show their signature (from the code object: parameters, defaults, `*`,
 * `/`, `**`) and docstring; builtins without a known signature show `name(...)`; classes show
 * their bases, docstring, methods and data; modules their docstring, classes, functions and
 * data; any other object the help of its class. A string is looked up as a name (builtins, then
 * an importable module, then a dotted attribute path).
 *
 * @example
 * ```ts
 * import { helpText } from "./help.ts";
 * // helpText(len) → "Help on built-in function len in module builtins:\n\nlen(...)\n\n"
 * ```
 * @module
 */
import {
  DELETED,
  functionType,
  moduleType,
  None,
  PyBuiltinFunction,
  PyDict,
  PyMethod,
  PyMethodDescriptor,
  PyModule,
  PyType,
  type PyValue,
  typeOf,
} from "../objects/object.ts";
import { getAttrOrUndefined, repr, strValueOf } from "../objects/ops.ts";
import { PyFunction } from "../vm/function.ts";
import { importModuleByName } from "../vm/import.ts";
import { importState } from "../vm/import_state.ts";

const CO_VARARGS = 0x04;
const CO_VARKEYWORDS = 0x08;

/** The text `help(obj)` prints. */
export function helpText(obj: PyValue): string {
  if (typeof obj === "string") return helpOnName(obj);
  if (obj instanceof PyModule) return moduleHelp(obj);
  if (obj instanceof PyType) {
    return `Help on class ${obj.name} in module ${obj.module}:\n\n${classDoc(obj)}\n`;
  }
  if (obj instanceof PyMethodDescriptor) {
    return `Help on ${typeOf(obj).name}:\n\n${routineDoc(obj, nameOf(obj))}\n`;
  }
  if (obj instanceof PyMethod) {
    const self = typeOf(obj.self);
    const owner = `${self.module === "builtins" ? "builtins" : self.module}.${self.qualname}`;
    const text = routineDoc(obj.func, nameOf(obj.func), "", true).replace(
      "\n",
      ` method of ${owner} instance\n`,
    );
    return `Help on method ${nameOf(obj.func)} in module ${moduleOf(obj.func)}:\n\n${text}\n`;
  }
  if (isRoutine(obj)) {
    const bound = obj instanceof PyBuiltinFunction && obj.self !== null && !(obj.self instanceof PyModule);
    if (bound) return `Help on built-in function ${nameOf(obj)}:\n\n${routineDoc(obj, nameOf(obj))}\n`;
    const kind = obj instanceof PyFunction ? "function" : "built-in function";
    return `Help on ${kind} ${nameOf(obj)} in module ${moduleOf(obj)}:\n\n${routineDoc(obj, nameOf(obj))}\n`;
  }
  const cls = typeOf(obj);
  return `Help on ${cls.name} object:\n\n${classDoc(cls)}\n`;
}

function helpOnName(name: string): string {
  const found = resolveName(name);
  if (found === undefined) {
    return `No Python documentation found for ${
      repr(name)
    }.\nUse help() to get the interactive help utility.\n` +
      `Use help(str) for help on the str class.\n`;
  }
  return helpText(found);
}

/** A name as pydoc resolves it: a builtin, a module, or a dotted path into one. */
function resolveName(name: string): PyValue | undefined {
  const builtin = importState.builtins.getStr(name);
  if (builtin !== undefined) return builtin;
  const parts = name.split(".");
  for (let n = parts.length; n > 0; n--) {
    let value: PyValue | undefined;
    try {
      value = importModuleByName(parts.slice(0, n).join("."));
    } catch {
      continue;
    }
    for (const attr of parts.slice(n)) {
      value = getAttrOrUndefined(value!, attr);
      if (value === undefined) return undefined;
    }
    return value;
  }
  return undefined;
}

function isRoutine(v: PyValue): boolean {
  return v instanceof PyFunction || v instanceof PyBuiltinFunction || v instanceof PyMethodDescriptor;
}

function nameOf(v: PyValue): string {
  return strValueOf(getAttrOrUndefined(v, "__name__") ?? "") ?? "";
}

function moduleOf(v: PyValue): string {
  const m = getAttrOrUndefined(v, "__module__");
  return m === undefined || m === None ? "builtins" : strValueOf(m) ?? "builtins";
}

function docOf(v: PyValue): string | null {
  const doc = getAttrOrUndefined(v, "__doc__");
  if (doc === undefined || doc === None) return null;
  const s = strValueOf(doc);
  return s === undefined ? null : cleanDoc(s);
}

/** A docstring with its common indentation removed (inspect.cleandoc). */
function cleanDoc(doc: string): string {
  const lines = doc.replaceAll("\t", "        ").split("\n");
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart();
    if (content !== "") margin = Math.min(margin, line.length - content.length);
  }
  const out = [
    lines[0].trimStart(),
    ...lines.slice(1).map((l) => (margin === Infinity ? l : l.slice(margin))),
  ];
  while (out.length > 0 && out[out.length - 1].trim() === "") out.pop();
  while (out.length > 0 && out[0].trim() === "") out.shift();
  return out.join("\n");
}

/** `name(signature)` and the indented docstring. */
function routineDoc(fn: PyValue, name: string, indent = "", bound = false): string {
  let text = `${indent}${name}${signatureOf(fn, bound)}\n`;
  const doc = docOf(fn);
  if (doc !== null) text += doc.split("\n").map((l) => `${indent}    ${l}`.trimEnd()).join("\n") + "\n";
  return text;
}

/**
 * `(a, b=2, *args, c, **kw)` from a Python function's code (`bound`: without its first
 * parameter, as a bound method shows it); `(...)` when unknown.
 */
export function signatureOf(fn: PyValue, bound = false): string {
  if (!(fn instanceof PyFunction)) return "(...)";
  const code = fn.code;
  const names = code.varnames;
  const positional = names.slice(0, code.argcount);
  const kwonly = names.slice(code.argcount, code.argcount + code.kwonlyargcount);
  let at = code.argcount + code.kwonlyargcount;
  const defaults = fn.defaults ?? [];
  const parts: string[] = [];
  positional.forEach((n, i) => {
    const d = i - (positional.length - defaults.length);
    parts.push(d >= 0 ? `${n}=${repr(defaults[d])}` : n);
    if (code.posonlyargcount > 0 && i === code.posonlyargcount - 1) parts.push("/");
  });
  if (code.flags & CO_VARARGS) parts.push(`*${names[at++]}`);
  else if (kwonly.length > 0) parts.push("*");
  for (const n of kwonly) {
    const d = fn.kwdefaults?.getStr(n);
    parts.push(d === undefined ? n : `${n}=${repr(d)}`);
  }
  if (code.flags & CO_VARKEYWORDS) parts.push(`**${names[at]}`);
  if (bound && positional.length > 0) parts.shift();
  if (parts[0] === "/") parts.shift();
  return `(${parts.join(", ")})`;
}

/** A class as pydoc shows it: `class A(bases)`, its docstring, methods and data. */
function classDoc(cls: PyType): string {
  const bases = cls.bases.map((b) => (b.module === cls.module ? b.name : `${b.module}.${b.name}`));
  let text = `class ${cls.name}${bases.length > 0 ? `(${bases.join(", ")})` : ""}\n`;
  const body: string[] = [];
  const doc = docOf(cls);
  if (doc !== null) body.push(...doc.split("\n"), "");
  const methods: string[] = [];
  const data: string[] = [];
  for (const [name, value] of [...cls.attrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (name.startsWith("__") && name !== "__init__" && name !== "__call__") continue;
    if (isRoutine(value)) methods.push(...routineDoc(value, name).trimEnd().split("\n"), "");
    else if (typeof value !== "object" || typeOf(value) !== functionType) {
      data.push(`${name} = ${repr(value)}`);
    }
  }
  if (methods.length > 0) body.push("Methods defined here:", "", ...methods);
  if (data.length > 0) {
    if (methods.length > 0) body.push("-".repeat(70));
    body.push("Data and other attributes defined here:", "", ...data);
  }
  while (body.length > 0 && body[body.length - 1] === "") body.pop();
  for (const line of body) text += ` |  ${line}`.trimEnd() + "\n";
  return text;
}

/** A module as pydoc shows it: NAME, DESCRIPTION, CLASSES, FUNCTIONS, DATA. */
function moduleHelp(m: PyModule): string {
  const d = m.dict ?? new PyDict();
  let text = `Help on module ${m.name}:\n\nNAME\n    ${m.name}\n\n`;
  const doc = docOf(m);
  if (doc !== null) text += `DESCRIPTION\n${indentLines(doc, "    ")}\n\n`;
  const classes: string[] = [];
  const functions: string[] = [];
  const data: string[] = [];
  const keys = d.keys.filter((k) => k !== DELETED && typeof k === "string") as string[];
  for (const name of keys.sort()) {
    if (name.startsWith("_")) continue;
    const value = d.getStr(name)!;
    if (value instanceof PyType) classes.push(classDoc(value));
    else if (isRoutine(value)) functions.push(routineDoc(value, name, "    "));
    else if (typeOf(value) !== moduleType) data.push(`    ${name} = ${repr(value)}`);
  }
  if (classes.length > 0) {
    text += `CLASSES\n${classes.map((c) => indentLines(c.trimEnd(), "    ")).join("\n\n")}\n\n`;
  }
  if (functions.length > 0) text += `FUNCTIONS\n${functions.join("\n")}\n`;
  if (data.length > 0) text += `DATA\n${data.join("\n")}\n\n`;
  return text;
}

function indentLines(text: string, indent: string): string {
  return text.split("\n").map((l) => `${indent}${l}`.trimEnd()).join("\n");
}
