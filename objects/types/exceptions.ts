/**
 * The exception types' behaviour: the `Exc` type objects (created from EXCEPTION_TABLE in
 * object.ts) → their `__new__`/`__init__`, `args`, `__str__`/`__repr__` per class, the chaining
 * attributes, notes, and the exception-group operations (`split`, `subgroup`, `derive`).
 *
 * @example
 * ```ts
 * import "./exceptions.ts";
 * import { Exc, newException } from "../object.ts";
 * import { repr } from "../ops.ts";
 * console.log(repr(newException(Exc.KeyError, ["k"]))); // "KeyError('k')"
 * ```
 * @module
 */
import {
  bindArgs,
  checkArgs,
  checkMethodArgs,
  defClassMethod,
  defGetSet,
  defMethod,
  Exc,
  newTuple,
  None,
  PyBaseException,
  PyDict,
  PyList,
  PyTuple,
  PyType,
  type PyValue,
  raise,
  TYPE_HEAP,
  typeOf,
} from "../object.ts";
import {
  call,
  genericAliasHook,
  genericSetAttr,
  intValueOf,
  isTrue,
  repr,
  str,
  strValueOf,
  toArray,
} from "../ops.ts";
import { installDict, installNew, isInstanceOf } from "./type.ts";

const BaseException = Exc.BaseException;

/** BaseException.__new__: the instance with args set (keywords are left to __init__). */
function exceptionNew(cls: PyType, args: PyValue[], kwnames: string[] | null): PyValue {
  const npos = args.length - (kwnames === null ? 0 : kwnames.length);
  const e = new PyBaseException(cls, newTuple(args.slice(0, npos)));
  if ((cls.flags & TYPE_HEAP) !== 0) e.dict = new PyDict();
  return e;
}

for (const name of Object.keys(Exc) as (keyof typeof Exc)[]) {
  Exc[name].tp_new = exceptionNew;
  Exc[name].solidBase = BaseException;
  Exc[name].tp_setattro = exceptionSetAttr;
}
installNew(BaseException);
installDict(BaseException);

function exceptionSetAttr(obj: PyValue, name: string, value: PyValue | undefined): void {
  const e = obj as PyBaseException;
  if (e.dict === null) e.dict = new PyDict();
  genericSetAttr(obj, name, value);
}

function self(args: PyValue[]): PyBaseException {
  const e = args[0];
  if (!(e instanceof PyBaseException)) raise(Exc.TypeError, "descriptor requires a 'BaseException' object");
  return e;
}

/** Keyword arguments after the positionals, as a JS map. */
function keywords(args: PyValue[], kwnames: string[] | null): Map<string, PyValue> {
  const out = new Map<string, PyValue>();
  if (kwnames === null) return out;
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) out.set(kwnames[i], args[npos + i]);
  return out;
}

function positional(args: PyValue[], kwnames: string[] | null): PyValue[] {
  return kwnames === null ? args : args.slice(0, args.length - kwnames.length);
}

function setExtra(e: PyBaseException, name: string, value: PyValue): void {
  if (e.dict === null) e.dict = new PyDict();
  e.dict.setStr(name, value);
}

function getExtra(e: PyBaseException, name: string): PyValue {
  return e.dict === null ? None : e.dict.getStr(name) ?? None;
}

defMethod(BaseException, "__init__", (args, kwnames) => {
  const e = self(args);
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, `${e.cls.name}() takes no keyword arguments`);
  }
  e.args = newTuple(args.slice(1));
  return None;
});
defMethod(BaseException, "__repr__", (args) => {
  const e = self(args);
  const items = e.args.items;
  const name = e.cls.name;
  if (items.length === 1) return `${name}(${repr(items[0])})`;
  return `${name}(${items.map(repr).join(", ")})`;
});
defMethod(BaseException, "__str__", (args) => {
  const items = self(args).args.items;
  if (items.length === 0) return "";
  if (items.length === 1) return str(items[0]);
  return str(self(args).args);
});
defGetSet(BaseException, "args", (e) => (e as PyBaseException).args, (e, v) => {
  if (v === undefined) raise(Exc.TypeError, "args may not be deleted");
  (e as PyBaseException).args = newTuple(toArray(v));
});
defGetSet(BaseException, "__cause__", (e) => (e as PyBaseException).cause, (e, v) => {
  if (v === undefined) raise(Exc.TypeError, "__cause__ may not be deleted");
  if (v !== None && !(v instanceof PyBaseException)) {
    raise(Exc.TypeError, "exception cause must be None or derive from BaseException");
  }
  (e as PyBaseException).cause = v;
  (e as PyBaseException).suppressContext = true;
});
defGetSet(BaseException, "__context__", (e) => (e as PyBaseException).context, (e, v) => {
  if (v === undefined) raise(Exc.TypeError, "__context__ may not be deleted");
  if (v !== None && !(v instanceof PyBaseException)) {
    raise(Exc.TypeError, "exception context must be None or derive from BaseException");
  }
  (e as PyBaseException).context = v;
});
defGetSet(BaseException, "__suppress_context__", (e) => (e as PyBaseException).suppressContext, (e, v) => {
  (e as PyBaseException).suppressContext = v !== undefined && isTrue(v);
});
defGetSet(BaseException, "__traceback__", (e) => (e as PyBaseException).traceback, (e, v) => {
  if (v === undefined) raise(Exc.TypeError, "__traceback__ may not be deleted");
  if (v !== None && typeOf(v).name !== "traceback") {
    raise(Exc.TypeError, "__traceback__ must be a traceback or None");
  }
  (e as PyBaseException).traceback = v;
});
defMethod(BaseException, "with_traceback", (args) => {
  checkMethodArgs("with_traceback", args, null, 1, 1);
  const e = self(args);
  const tb = args[1];
  if (tb !== None && typeOf(tb).name !== "traceback") {
    raise(Exc.TypeError, "__traceback__ must be a traceback or None");
  }
  e.traceback = tb;
  return e;
});
defMethod(BaseException, "add_note", (args) => {
  checkMethodArgs("add_note", args, null, 1, 1);
  const e = self(args);
  const note = args[1];
  if (strValueOf(note) === undefined) raise(Exc.TypeError, `note must be a str, not '${typeOf(note).name}'`);
  if (e.dict === null) e.dict = new PyDict();
  let notes = e.dict.getStr("__notes__");
  if (notes === undefined) {
    notes = new PyList([]);
    e.dict.setStr("__notes__", notes);
  }
  if (!(notes instanceof PyList)) raise(Exc.TypeError, "Cannot add note: __notes__ is not a list");
  notes.items.push(note);
  return None;
});

// StopIteration.value and SystemExit.code (kept in PyBaseException.value).
defMethod(Exc.StopIteration, "__init__", (args) => {
  const e = self(args);
  e.args = newTuple(args.slice(1));
  e.value = args.length > 1 ? args[1] : None;
  return None;
});
defGetSet(Exc.StopIteration, "value", (e) => (e as PyBaseException).value, (e, v) => {
  (e as PyBaseException).value = v ?? None;
});
defMethod(Exc.SystemExit, "__init__", (args) => {
  const e = self(args);
  e.args = newTuple(args.slice(1));
  e.value = args.length === 1 ? None : args.length === 2 ? args[1] : e.args;
  return None;
});
defGetSet(Exc.SystemExit, "code", (e) => (e as PyBaseException).value, (e, v) => {
  (e as PyBaseException).value = v ?? None;
});

// KeyError shows its key's repr.
defMethod(Exc.KeyError, "__str__", (args) => {
  const items = self(args).args.items;
  if (items.length === 1) return repr(items[0]);
  if (items.length === 0) return "";
  return str(self(args).args);
});

// Exceptions with keyword-only extras.
function extrasInit(type: PyType, names: string[]): void {
  defMethod(type, "__init__", (args, kwnames) => {
    const e = self(args);
    const kw = keywords(args, kwnames);
    for (const k of kw.keys()) {
      if (!names.includes(k)) {
        raise(Exc.TypeError, `'${k}' is an invalid keyword argument for ${type.name}()`);
      }
    }
    e.args = newTuple(positional(args, kwnames).slice(1));
    for (const n of names) setExtra(e, n, kw.get(n) ?? None);
    return None;
  });
  for (const n of names) {
    defGetSet(type, n, (e) => getExtra(e as PyBaseException, n), (e, v) => {
      setExtra(e as PyBaseException, n, v ?? None);
    });
  }
}
extrasInit(Exc.ImportError, ["name", "path"]);
defGetSet(Exc.ImportError, "msg", (e) => {
  const items = (e as PyBaseException).args.items;
  return items.length === 1 ? items[0] : None;
});
defMethod(Exc.ImportError, "__str__", (args) => {
  const items = self(args).args.items;
  return items.length === 1 ? str(items[0]) : items.length === 0 ? "" : str(self(args).args);
});
extrasInit(Exc.AttributeError, ["name", "obj"]);
extrasInit(Exc.NameError, ["name"]);

// OSError: (errno, strerror[, filename[, winerror[, filename2]]]) and errno → subclass mapping.
const ERRNO_SUBCLASS: [number, keyof typeof Exc][] = [
  [2, "FileNotFoundError"],
  [17, "FileExistsError"],
  [13, "PermissionError"],
  [1, "PermissionError"],
  [21, "IsADirectoryError"],
  [20, "NotADirectoryError"],
  [4, "InterruptedError"],
  [32, "BrokenPipeError"],
  [104, "ConnectionResetError"],
  [111, "ConnectionRefusedError"],
  [103, "ConnectionAbortedError"],
  [110, "TimeoutError"],
  [3, "ProcessLookupError"],
  [10, "ChildProcessError"],
  [11, "BlockingIOError"],
  [114, "BlockingIOError"],
  [115, "BlockingIOError"],
  [108, "BrokenPipeError"],
];
Exc.OSError.tp_new = (cls, args, kwnames) => {
  const pos = positional(args, kwnames);
  if (cls === Exc.OSError && pos.length >= 2) {
    const errno = intValueOf(pos[0]);
    const found = ERRNO_SUBCLASS.find(([n]) => n === errno);
    if (found) cls = Exc[found[1]];
  }
  return exceptionNew(cls, args, kwnames);
};
for (const name of Object.keys(Exc) as (keyof typeof Exc)[]) {
  if (Exc[name].isSubtypeOf(Exc.OSError)) Exc[name].tp_new = Exc.OSError.tp_new;
}
installNew(Exc.OSError);
defMethod(Exc.OSError, "__init__", (args, kwnames) => {
  const e = self(args);
  const pos = positional(args, kwnames).slice(1);
  e.args = newTuple(pos);
  if (pos.length >= 2 && pos.length <= 5) {
    setExtra(e, "errno", pos[0]);
    setExtra(e, "strerror", pos[1]);
    let filename = pos.length >= 3 ? pos[2] : None;
    // BlockingIOError(errno, strerror, characters_written): the third argument is a count.
    if (filename !== None && e.cls.isSubtypeOf(Exc.BlockingIOError) && intValueOf(filename) !== undefined) {
      setExtra(e, "characters_written", filename);
      filename = None;
    }
    setExtra(e, "filename", filename);
    setExtra(e, "filename2", pos.length >= 5 ? pos[4] : None);
    e.args = newTuple(pos.slice(0, 2));
  }
  return None;
});
defGetSet(Exc.BlockingIOError, "characters_written", (e) => {
  const n = (e as PyBaseException).dict?.getStr("characters_written");
  if (n === undefined) raise(Exc.AttributeError, "characters_written");
  return n;
}, (e, v) => {
  if (v === undefined) (e as PyBaseException).dict?.delete("characters_written");
  else setExtra(e as PyBaseException, "characters_written", v);
});
for (const n of ["errno", "strerror", "filename", "filename2"]) {
  defGetSet(Exc.OSError, n, (e) => getExtra(e as PyBaseException, n), (e, v) => {
    setExtra(e as PyBaseException, n, v ?? None);
  });
}
defMethod(Exc.OSError, "__str__", (args) => {
  const e = self(args);
  const errno = getExtra(e, "errno"), strerror = getExtra(e, "strerror"), filename = getExtra(e, "filename");
  if (filename !== None) {
    const f2 = getExtra(e, "filename2");
    if (f2 !== None) return `[Errno ${str(errno)}] ${str(strerror)}: ${repr(filename)} -> ${repr(f2)}`;
    return `[Errno ${str(errno)}] ${str(strerror)}: ${repr(filename)}`;
  }
  if (errno !== None && strerror !== None) return `[Errno ${str(errno)}] ${str(strerror)}`;
  const items = e.args.items;
  return items.length === 0 ? "" : items.length === 1 ? str(items[0]) : str(e.args);
});

// SyntaxError: msg and (filename, lineno, offset, text, end_lineno, end_offset).
const SYNTAX_FIELDS = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
defMethod(Exc.SyntaxError, "__init__", (args) => {
  const e = self(args);
  e.args = newTuple(args.slice(1));
  setExtra(e, "msg", args.length > 1 ? args[1] : None);
  for (const f of SYNTAX_FIELDS) setExtra(e, f, None);
  setExtra(e, "print_file_and_line", None);
  if (args.length > 2) {
    const info = toArray(args[2]);
    if (info.length < 4 || info.length > 6) raise(Exc.IndexError, "tuple index out of range");
    info.forEach((v, i) => setExtra(e, SYNTAX_FIELDS[i], v));
  }
  return None;
});
for (const n of ["msg", ...SYNTAX_FIELDS, "print_file_and_line"]) {
  defGetSet(Exc.SyntaxError, n, (e) => getExtra(e as PyBaseException, n), (e, v) => {
    setExtra(e as PyBaseException, n, v ?? None);
  });
}
defMethod(Exc.SyntaxError, "__str__", (args) => {
  const e = self(args);
  const msg = getExtra(e, "msg");
  const filename = getExtra(e, "filename"), lineno = getExtra(e, "lineno");
  const m = msg === None ? (e.args.items.length > 0 ? str(e.args.items[0]) : "None") : str(msg);
  const file = filename !== None ? str(filename).split("/").pop()! : null;
  if (file !== null && lineno !== None) return `${m} (${file}, line ${str(lineno)})`;
  if (file !== null) return `${m} (${file})`;
  if (lineno !== None) return `${m} (line ${str(lineno)})`;
  return m;
});

/** Makes a SyntaxError (or IndentationError/TabError) instance from the front end's fields. */
export function newSyntaxError(
  kind: "SyntaxError" | "IndentationError" | "TabError",
  msg: string,
  filename: string,
  lineno: number,
  offset: number,
  text: string | null,
  endLineno: number,
  endOffset: number,
): PyBaseException {
  const details = [filename, lineno, offset, text ?? None, endLineno, endOffset];
  const e = new PyBaseException(Exc[kind], newTuple([msg, newTuple(details)]));
  setExtra(e, "msg", msg);
  SYNTAX_FIELDS.forEach((f, i) => setExtra(e, f, details[i]));
  setExtra(e, "print_file_and_line", None);
  return e;
}

// UnicodeDecodeError / UnicodeEncodeError (encoding, object, start, end, reason).
for (const [t, verb] of [[Exc.UnicodeDecodeError, "decode"], [Exc.UnicodeEncodeError, "encode"]] as const) {
  defMethod(t, "__init__", (args) => {
    const e = self(args);
    checkMethodArgs(t.name, args, null, 5, 5);
    e.args = newTuple(args.slice(1));
    ["encoding", "object", "start", "end", "reason"].forEach((n, i) => setExtra(e, n, args[i + 1]));
    return None;
  });
  for (const n of ["encoding", "object", "start", "end", "reason"]) {
    defGetSet(
      t,
      n,
      (e) => getExtra(e as PyBaseException, n),
      (e, v) => setExtra(e as PyBaseException, n, v ?? None),
    );
  }
  defMethod(t, "__str__", (args) => {
    const e = self(args);
    if (e.dict === null || e.dict.getStr("encoding") === undefined) return str(e.args);
    const start = intValueOf(getExtra(e, "start")) as number, end = intValueOf(getExtra(e, "end")) as number;
    const obj = getExtra(e, "object");
    const enc = str(getExtra(e, "encoding")), reason = str(getExtra(e, "reason"));
    if (verb === "decode") {
      const data = (obj as { data?: Uint8Array }).data;
      if (end === start + 1 && data !== undefined) {
        return `'${enc}' codec can't decode byte 0x${
          data[start].toString(16).padStart(2, "0")
        } in position ${start}: ${reason}`;
      }
      return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
    }
    const s = [...str(obj)];
    if (end === start + 1) {
      const c = s[start].codePointAt(0)!;
      const esc = c < 0x100
        ? `\\x${c.toString(16).padStart(2, "0")}`
        : c < 0x10000
        ? `\\u${c.toString(16).padStart(4, "0")}`
        : `\\U${c.toString(16).padStart(8, "0")}`;
      return `'${enc}' codec can't encode character '${esc}' in position ${start}: ${reason}`;
    }
    return `'${enc}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Exception groups

const BaseExceptionGroup = Exc.BaseExceptionGroup;
const ExceptionGroup = Exc.ExceptionGroup;

function groupNew(cls: PyType, args: PyValue[], kwnames: string[] | null): PyValue {
  if (kwnames !== null && kwnames.length > 0) {
    raise(Exc.TypeError, `${cls.name}() takes no keyword arguments`);
  }
  checkArgs(cls.name, args, null, 2, 2);
  const [message, excs] = args;
  if (strValueOf(message) === undefined) {
    raise(Exc.TypeError, `argument 1 must be str, not ${typeOf(message).name}`);
  }
  if (typeOf(excs).lookup("__getitem__") === undefined || typeOf(excs).lookup("__len__") === undefined) {
    raise(Exc.TypeError, "second argument (exceptions) must be a sequence");
  }
  // (What iterating the sequence raises propagates, a MemoryError or RecursionError included.)
  const items = toArray(excs);
  if (items.length === 0) raise(Exc.ValueError, "second argument (exceptions) must be a non-empty sequence");
  let allExceptions = true;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (!(x instanceof PyBaseException)) {
      raise(Exc.ValueError, `Item ${i} of second argument (exceptions) is not an exception`);
    }
    if (!x.cls.isSubtypeOf(Exc.Exception)) allExceptions = false;
  }
  if (cls === BaseExceptionGroup) {
    if (allExceptions) cls = ExceptionGroup;
  } else if (cls === ExceptionGroup) {
    if (!allExceptions) raise(Exc.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!allExceptions && cls.isSubtypeOf(Exc.Exception)) {
    raise(Exc.TypeError, `Cannot nest BaseExceptions in '${cls.name}'`);
  }
  const e = new PyBaseException(cls, newTuple([message, excs]));
  if ((cls.flags & TYPE_HEAP) !== 0) e.dict = new PyDict();
  e.value = newTuple(items);
  return e;
}
BaseExceptionGroup.tp_new = groupNew;
ExceptionGroup.tp_new = groupNew;
installNew(BaseExceptionGroup);
defMethod(BaseExceptionGroup, "__init__", () => None);
defGetSet(BaseExceptionGroup, "message", (e) => (e as PyBaseException).args.items[0]);
defGetSet(BaseExceptionGroup, "exceptions", (e) => (e as PyBaseException).value);
defMethod(BaseExceptionGroup, "__str__", (args) => {
  const e = self(args);
  const n = (e.value as PyTuple).items.length;
  return `${str(e.args.items[0])} (${n} sub-exception${n === 1 ? "" : "s"})`;
});
defMethod(BaseExceptionGroup, "derive", (args) => {
  const e = self(args);
  return call(BaseExceptionGroup, [e.args.items[0], args[1]]);
});
defClassMethod(BaseExceptionGroup, "__class_getitem__", (args) => genericAliasHook(args[0], args[1]));

/** Turns an except-star / split condition (a type, tuple of types, or predicate) into a matcher. */
function groupMatcher(cond: PyValue): (e: PyBaseException) => boolean {
  if (cond instanceof PyType) return (e) => isInstanceOf(e, cond);
  if (cond instanceof PyTuple && cond.items.every((t) => t instanceof PyType)) {
    return (e) => cond.items.some((t) => isInstanceOf(e, t as PyType));
  }
  if (typeOf(cond).tp_call !== null || typeOf(cond).name === "builtin_function_or_method") {
    return (e) => isTrue(call(cond, [e]));
  }
  return raise(Exc.TypeError, "expected a function, exception type or tuple of exception types");
}

/** Copies the chaining attributes and notes from the original group to a derived one. */
function copyGroupMetadata(from: PyBaseException, to: PyBaseException): void {
  to.cause = from.cause;
  to.context = from.context;
  to.traceback = from.traceback;
  to.suppressContext = from.suppressContext;
  const notes = from.dict?.getStr("__notes__");
  if (notes !== undefined) setExtra(to, "__notes__", notes);
}

/**
 * Splits an exception group by a matcher: [matching part or null, the rest or null], keeping the
 * nesting (CPython's exceptiongroup_split_recursive). Plain exceptions match or not as a whole.
 */
export function splitExceptionGroup(
  e: PyBaseException,
  match: (e: PyBaseException) => boolean,
): [PyBaseException | null, PyBaseException | null] {
  if (match(e)) return [e, null];
  if (!e.cls.isSubtypeOf(BaseExceptionGroup)) return [null, e];
  const matched: PyValue[] = [], rest: PyValue[] = [];
  for (const sub of (e.value as PyTuple).items) {
    const [m, r] = splitExceptionGroup(sub as PyBaseException, match);
    if (m !== null) matched.push(m);
    if (r !== null) rest.push(r);
  }
  const derive = (items: PyValue[]): PyBaseException | null => {
    if (items.length === 0) return null;
    const f = typeOf(e).lookup("derive")!;
    const d = call(f, [e, new PyList(items)]);
    if (!(d instanceof PyBaseException) || !d.cls.isSubtypeOf(BaseExceptionGroup)) {
      raise(Exc.TypeError, "derive must return an instance of BaseExceptionGroup");
    }
    copyGroupMetadata(e, d);
    return d;
  };
  return [derive(matched), derive(rest)];
}

defMethod(BaseExceptionGroup, "split", (args, kwnames) => {
  const [cond] = bindArgs("split", args.slice(1), kwnames, ["matcher_value"], 1);
  const [m, r] = splitExceptionGroup(self(args), groupMatcher(cond!));
  return newTuple([m ?? None, r ?? None]);
});
defMethod(BaseExceptionGroup, "subgroup", (args, kwnames) => {
  const [cond] = bindArgs("subgroup", args.slice(1), kwnames, ["matcher_value"], 1);
  return splitExceptionGroup(self(args), groupMatcher(cond!))[0] ?? None;
});
