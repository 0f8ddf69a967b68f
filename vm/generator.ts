/**
 * Generators: a suspended frame of a generator function → a Python generator object with
 * `send`, `throw`, `close`, iteration, and the delegation `yield from` needs.
 *
 * The frame runs through the active tier; YIELD_VALUE leaves it FRAME_SUSPENDED with the yielded
 * value returned, RETURN_VALUE leaves it FRAME_DONE with the return value. A generator suspended
 * at `YIELD_VALUE 1` is inside a `yield from` whose sub-iterator is on top of its stack; `throw`
 * and `close` go to that sub-iterator first, as CPython's gen_throw does.
 *
 * @example
 * ```ts
 * import { PyGenerator } from "./generator.ts";
 * // const g = new PyGenerator(frame); g.resume(None, null);
 * ```
 * @module
 */
import { Op } from "../instructions/opcodes.ts";
import {
  type Frame,
  FRAME_CREATED,
  FRAME_DONE,
  FRAME_RUNNING,
  FRAME_SUSPENDED,
  threadState,
} from "./frame.ts";
import {
  defGetSet,
  defMethod,
  Exc,
  newBuiltinType,
  newException,
  None,
  objectType,
  PyBaseException,
  PyObject,
  PyType,
  type PyValue,
  raise,
  typeOf,
} from "../objects/object.ts";
import { call, getAttrOrUndefined, isExceptionOf } from "../objects/ops.ts";
import { currentTier } from "./tier.ts";
import { PyFrameObject } from "./frame_object.ts";

/** `gi_frame`/`cr_frame`: a view of the generator's frame until it finishes, then None. */
function frameView(frame: Frame): PyValue {
  return frame.state === FRAME_DONE ? None : new PyFrameObject(frame);
}

/** The `generator` type. */
export const generatorType: PyType = newBuiltinType("generator", objectType, 0);

/** A generator object. */
export class PyGenerator extends PyObject {
  declare frame: Frame;
  /** The return value once finished (what `yield from` evaluates to). */
  declare returnValue: PyValue;
  /** The exception being handled inside the generator when it last yielded. */
  declare excState: PyValue;
  constructor(frame: Frame, cls: PyType = generatorType) {
    super();
    this.cls = cls;
    this.dict = null;
    this.frame = frame;
    this.returnValue = None;
    this.excState = None;
    frame.generator = this;
  }

  /** What error messages call it: generator, coroutine or async generator. */
  kindName(): string {
    return this.cls === coroutineType
      ? "coroutine"
      : this.cls === generatorType
      ? "generator"
      : "async generator";
  }

  /** True once the generator has returned or raised. */
  get finished(): boolean {
    return this.frame.state === FRAME_DONE;
  }

  /**
   * Resumes with `value` sent in (or `throwing` thrown in); returns the next yielded value, or
   * the return value when the generator finishes (check `finished`). Exceptions propagate.
   */
  resume(value: PyValue, throwing: PyBaseException | null): PyValue {
    const frame = this.frame;
    // The common case first, small enough for V8 to inline into `next()` and a for loop's step.
    if (frame.state !== FRAME_SUSPENDED || throwing !== null) return this.resumeOther(value, throwing);
    frame.values[frame.sp++] = value;
    return this.runFrame(frame, null);
  }

  /** resume() of a generator not suspended at a yield, or with an exception thrown in. */
  private resumeOther(value: PyValue, throwing: PyBaseException | null): PyValue {
    const frame = this.frame;
    const state = frame.state;
    if (state === FRAME_RUNNING) raise(Exc.ValueError, "generator already executing");
    if (state === FRAME_DONE) {
      // A finished coroutine cannot be resumed at all; a finished generator just stops.
      if (this.cls === coroutineType) raise(Exc.RuntimeError, "cannot reuse already awaited coroutine");
      if (throwing !== null) throw throwing;
      this.returnValue = None;
      return None;
    }
    if (state === FRAME_SUSPENDED && throwing === null) frame.values[frame.sp++] = value;
    else if (state === FRAME_CREATED && throwing === null && value !== None) {
      raise(Exc.TypeError, `can't send non-None value to a just-started ${this.kindName()}`);
    }
    if (state === FRAME_CREATED && throwing !== null) {
      frame.state = FRAME_DONE;
      throw throwing;
    }
    return this.runFrame(frame, throwing);
  }

  /** Runs the frame to its next yield or its end, with the generator's own exception state. */
  private runFrame(frame: Frame, throwing: PyBaseException | null): PyValue {
    const outerExc = threadState.excInfo;
    if (this.excState !== None) threadState.excInfo = this.excState;
    frame.state = FRAME_RUNNING;
    try {
      const result = currentTier.execute(frame, throwing);
      if (frame.state === FRAME_DONE) this.returnValue = result;
      return result;
    } catch (e) {
      frame.state = FRAME_DONE;
      throw isExceptionOf(e, Exc.StopIteration) ? this.stopIterationRaised(e as PyBaseException) : e;
    } finally {
      if (frame.state !== FRAME_DONE) {
        this.excState = threadState.excInfo !== outerExc ? threadState.excInfo : None;
      } else this.excState = None;
      threadState.excInfo = outerExc;
    }
  }

  /** PEP 479: a StopIteration raised inside a generator becomes a RuntimeError. */
  private stopIterationRaised(e: PyBaseException): PyBaseException {
    const err = newException(Exc.RuntimeError, [`${this.kindName()} raised StopIteration`]);
    err.cause = e;
    err.context = e;
    err.suppressContext = true;
    return err;
  }

  /** The sub-iterator of a `yield from` the generator is suspended in, or undefined. */
  delegate(): PyValue | undefined {
    const frame = this.frame;
    if (frame.state !== FRAME_SUSPENDED) return undefined;
    const unit = frame.code.code[frame.ip - 1];
    if ((unit & 0xff) === Op.YIELD_VALUE && (unit >> 8) === 1) return frame.values[frame.sp - 1] as PyValue;
    return undefined;
  }

  /** `gen.send(value)`: the next value; StopIteration(return value) when it finishes. */
  send(value: PyValue): PyValue {
    if (this.frame.state === FRAME_DONE && this.cls !== coroutineType) {
      throw newException(Exc.StopIteration, []);
    }
    const v = this.resume(value, null);
    if (this.finished) throw stopIteration(v);
    return v;
  }

  /** `gen.throw(exc)`. */
  throwInto(exc: PyBaseException): PyValue {
    const sub = this.delegate();
    if (sub !== undefined) {
      if (isExceptionOf(exc, Exc.GeneratorExit)) {
        try {
          closeIterator(sub);
        } catch (e) {
          return this.finish(this.resume(None, toException(e)));
        }
      } else {
        let yielded: PyValue;
        try {
          if (sub instanceof PyGenerator) yielded = sub.throwInto(exc);
          else {
            const method = getAttrOrUndefined(sub, "throw");
            if (method === undefined) return this.finish(this.resume(None, exc));
            yielded = call(method, [exc], null);
          }
        } catch (e) {
          return this.finish(this.resume(None, toException(e)));
        }
        return yielded;
      }
    }
    return this.finish(this.resume(None, exc));
  }

  private finish(v: PyValue): PyValue {
    if (this.finished) throw stopIteration(v);
    return v;
  }

  /** `gen.close()`. */
  close(): PyValue {
    const state = this.frame.state;
    if (state === FRAME_DONE) return None;
    if (state === FRAME_CREATED) {
      this.frame.state = FRAME_DONE;
      return None;
    }
    try {
      this.throwInto(newException(Exc.GeneratorExit, []));
    } catch (e) {
      if (isExceptionOf(e, Exc.GeneratorExit) || isExceptionOf(e, Exc.StopIteration)) return None;
      throw e;
    }
    raise(Exc.RuntimeError, "generator ignored GeneratorExit");
  }
}

function toException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  throw e;
}

/** StopIteration carrying a generator's return value. */
export function stopIteration(value: PyValue): PyBaseException {
  return value === None ? newException(Exc.StopIteration, []) : newException(Exc.StopIteration, [value]);
}

function closeIterator(it: PyValue): void {
  if (it instanceof PyGenerator) {
    it.close();
    return;
  }
  const close = getAttrOrUndefined(it, "close");
  if (close !== undefined) call(close, [], null);
}

/** Turns `throw(type[, value[, tb]])` arguments into an exception instance, as CPython does. */
function normalizeThrow(args: PyValue[]): PyBaseException {
  const typ = args[1];
  if (typ instanceof PyType && typ.isSubtypeOf(Exc.BaseException)) {
    const val = args.length > 2 ? args[2] : None;
    if (val instanceof PyBaseException && val.cls.isSubtypeOf(typ)) return val;
    const made = call(typ, val === None ? [] : [val], null);
    if (!(made instanceof PyBaseException)) raise(Exc.TypeError, "exceptions must derive from BaseException");
    return made;
  }
  if (typ instanceof PyBaseException) {
    if (args.length > 2 && args[2] !== None) {
      raise(Exc.TypeError, "instance exception may not have a separate value");
    }
    return typ;
  }
  return raise(
    Exc.TypeError,
    `exceptions must be classes or instances deriving from BaseException, not ${typeOf(typ).name}`,
  );
}

function gen(v: PyValue): PyGenerator {
  if (!(v instanceof PyGenerator)) raise(Exc.TypeError, "descriptor requires a 'generator' object");
  return v;
}

// ---------------------------------------------------------------------------------------------
// Coroutines: `async def` functions return one; `await` drives it with the SEND loop.

/** The `coroutine` type. */
export const coroutineType: PyType = newBuiltinType("coroutine", objectType, 0);
/** The iterator `coroutine.__await__()` returns. */
export const coroutineWrapperType: PyType = newBuiltinType("coroutine_wrapper", objectType, 0);

/** A coroutine object: a generator frame that is awaited rather than iterated. */
export class PyCoroutine extends PyGenerator {
  constructor(frame: Frame) {
    super(frame, coroutineType);
  }
}

/** What `coro.__await__()` returns: iterates the coroutine. */
class PyCoroutineWrapper extends PyObject {
  declare coro: PyCoroutine;
  constructor(coro: PyCoroutine) {
    super();
    this.cls = coroutineWrapperType;
    this.dict = null;
    this.coro = coro;
  }
}

function coro(v: PyValue): PyCoroutine {
  if (!(v instanceof PyCoroutine)) raise(Exc.TypeError, "descriptor requires a 'coroutine' object");
  return v;
}

defMethod(coroutineType, "send", (args) => {
  if (args.length !== 2) raise(Exc.TypeError, `send() takes exactly one argument (${args.length - 1} given)`);
  return coro(args[0]).send(args[1]);
});
defMethod(coroutineType, "throw", (args) => coro(args[0]).throwInto(normalizeThrow(args)));
defMethod(coroutineType, "close", (args) => coro(args[0]).close());
defMethod(coroutineType, "__await__", (args) => new PyCoroutineWrapper(coro(args[0])));
defMethod(coroutineType, "__repr__", (args) => {
  const c = coro(args[0]);
  return `<coroutine object ${c.frame.code.qualname} at 0x${
    (0x7f3000000000 + c.frame.code.id * 0x30).toString(16)
  }>`;
});
defGetSet(coroutineType, "__name__", (c) => coro(c).frame.code.name);
defGetSet(coroutineType, "__qualname__", (c) => coro(c).frame.code.qualname);
defGetSet(coroutineType, "cr_running", (c) => coro(c).frame.state === FRAME_RUNNING);
defGetSet(coroutineType, "cr_code", (c) => coro(c).frame.code);
defGetSet(coroutineType, "cr_await", (c) => coro(c).delegate() ?? None);
defGetSet(coroutineType, "cr_suspended", (c) => coro(c).frame.state === FRAME_SUSPENDED);
defGetSet(coroutineType, "cr_frame", (c) => frameView(coro(c).frame));
coroutineWrapperType.tp_iter = (w) => w;
coroutineWrapperType.tp_iternext = (w) => {
  const c = (w as PyCoroutineWrapper).coro;
  const v = c.resume(None, null);
  if (c.finished) {
    if (c.returnValue !== None) throw stopIteration(c.returnValue);
    return undefined;
  }
  return v;
};
defMethod(coroutineWrapperType, "send", (args) => (args[0] as PyCoroutineWrapper).coro.send(args[1]));
defMethod(
  coroutineWrapperType,
  "throw",
  (args) => (args[0] as PyCoroutineWrapper).coro.throwInto(normalizeThrow(args)),
);
defMethod(coroutineWrapperType, "close", (args) => (args[0] as PyCoroutineWrapper).coro.close());
defMethod(coroutineWrapperType, "__next__", (args) => (args[0] as PyCoroutineWrapper).coro.send(None));
defMethod(coroutineWrapperType, "__iter__", (args) => args[0]);

/** GET_AWAITABLE: the iterator `await v` drives (a coroutine itself, or `v.__await__()`). */
export function getAwaitable(v: PyValue): PyValue {
  if (v instanceof PyCoroutine) {
    if (v.delegate() !== undefined || v.frame.state === FRAME_RUNNING) {
      raise(Exc.RuntimeError, "coroutine is being awaited already");
    }
    return v;
  }
  const t = typeOf(v);
  const f = t.lookup("__await__");
  if (f === undefined) raise(Exc.TypeError, `object ${t.name} can't be used in 'await' expression`);
  const it = call(f, [v], null);
  if (it instanceof PyCoroutine) raise(Exc.TypeError, "__await__() returned a coroutine");
  if (typeOf(it).tp_iternext === null) {
    raise(Exc.TypeError, `__await__() returned non-iterator of type '${typeOf(it).name}'`);
  }
  return it;
}

generatorType.tp_iter = (g) => g;
generatorType.tp_iternext = (g) => {
  const self = g as PyGenerator;
  if (self.frame.state === FRAME_DONE) return undefined;
  const v = self.resume(None, null);
  return self.finished ? undefined : v;
};
defMethod(generatorType, "send", (args) => {
  if (args.length !== 2) raise(Exc.TypeError, `send() takes exactly one argument (${args.length - 1} given)`);
  return gen(args[0]).send(args[1]);
});
defMethod(generatorType, "throw", (args) => {
  if (args.length < 2 || args.length > 4) {
    raise(Exc.TypeError, `throw expected at least 1 argument, got ${args.length - 1}`);
  }
  return gen(args[0]).throwInto(normalizeThrow(args));
});
defMethod(generatorType, "close", (args) => gen(args[0]).close());
defMethod(generatorType, "__next__", (args) => {
  const g = gen(args[0]);
  return g.send(None);
});
defMethod(generatorType, "__iter__", (args) => args[0]);
defMethod(generatorType, "__repr__", (args) => {
  const g = gen(args[0]);
  return `<generator object ${g.frame.code.qualname} at 0x${
    (0x7f2000000000 + g.frame.code.id * 0x30).toString(16)
  }>`;
});
defGetSet(generatorType, "__name__", (g) => gen(g).frame.code.name);
defGetSet(generatorType, "__qualname__", (g) => gen(g).frame.code.qualname);
defGetSet(generatorType, "gi_running", (g) => gen(g).frame.state === FRAME_RUNNING);
defGetSet(generatorType, "gi_code", (g) => gen(g).frame.code);
defGetSet(generatorType, "gi_frame", (g) => frameView(gen(g).frame));
defGetSet(generatorType, "gi_suspended", (g) => gen(g).frame.state === FRAME_SUSPENDED);
defGetSet(generatorType, "gi_yieldfrom", (g) => gen(g).delegate() ?? None);

// ---------------------------------------------------------------------------------------------
// Async generators: `async def` functions with `yield`. The frame runs as a generator's; a value
// it yields straight from a `yield` (not from inside an `await`'s SEND loop, see delegate()) is
// the next item, which ends the awaitable __anext__()/asend() returned with StopIteration(item);
// values yielded from inside an await pass through to whoever drives the awaitable (the loop).

/** The `async_generator` type. */
export const asyncGeneratorType: PyType = newBuiltinType("async_generator", objectType, 0);
/** The awaitable `__anext__()` / `asend()` return. */
export const asyncGenASendType: PyType = newBuiltinType("async_generator_asend", objectType, 0);
/** The awaitable `athrow()` / `aclose()` return. */
export const asyncGenAThrowType: PyType = newBuiltinType("async_generator_athrow", objectType, 0);

/**
 * `sys.set_asyncgen_hooks()`: `firstiter` is called with each async generator when it is first
 * iterated (asyncio's loop records them, to aclose() the unfinished ones at shutdown); pyjit never
 * finalizes objects, so `finalizer` is kept but never called.
 */
export const asyncGenHooks: { firstiter: PyValue; finalizer: PyValue } = { firstiter: None, finalizer: None };

/** An async generator object. */
export class PyAsyncGenerator extends PyGenerator {
  /** An asend/athrow awaitable is being run (CPython's ag_running_async). */
  declare runningAsync: boolean;
  /** The firstiter hook was called for it. */
  declare hooked: boolean;
  constructor(frame: Frame) {
    super(frame, asyncGeneratorType);
    this.runningAsync = false;
    this.hooked = false;
  }

  /** Calls the firstiter hook the first time the generator is iterated. */
  initHooks(): void {
    if (this.hooked) return;
    this.hooked = true;
    if (asyncGenHooks.firstiter !== None) call(asyncGenHooks.firstiter, [this], null);
  }
}

const AWAITABLE_INIT = 0, AWAITABLE_ITER = 1, AWAITABLE_CLOSED = 2;

/** What asend()/athrow()/aclose() return: one step of the async generator, awaited. */
class PyAsyncGenAwaitable extends PyObject {
  declare gen: PyAsyncGenerator;
  /** "send" (__anext__/asend), "throw" (athrow) or "close" (aclose). */
  declare kind: "send" | "throw" | "close";
  /** The value asend() sends, or the exception athrow()/aclose() throws. */
  declare arg: PyValue;
  declare state: number;
  constructor(gen: PyAsyncGenerator, kind: "send" | "throw" | "close", arg: PyValue) {
    super();
    this.cls = kind === "send" ? asyncGenASendType : asyncGenAThrowType;
    this.dict = null;
    this.gen = gen;
    this.kind = kind;
    this.arg = arg;
    this.state = AWAITABLE_INIT;
  }

  /** `awaitable.send(value)`: runs the generator to its next yield or await. */
  send(value: PyValue): PyValue {
    if (this.state === AWAITABLE_CLOSED) this.reused();
    const gen = this.gen;
    if (this.state === AWAITABLE_INIT) {
      if (gen.runningAsync) {
        raise(
          Exc.RuntimeError,
          this.kind === "send"
            ? "anext(): asynchronous generator is already running"
            : "athrow(): asynchronous generator is already running",
        );
      }
      this.state = AWAITABLE_ITER;
      if (this.kind !== "send") {
        if (gen.frame.state === FRAME_DONE || (this.kind === "close" && gen.frame.state === FRAME_CREATED)) {
          gen.frame.state = FRAME_DONE;
          // (CPython 3.11: athrow() of a finished generator completes, returning None.)
          this.state = AWAITABLE_CLOSED;
          throw newException(Exc.StopIteration, []);
        }
        gen.runningAsync = true;
        return this.step(() => gen.throwInto(this.arg as PyBaseException));
      }
      if (value === None) value = this.arg;
      if (value !== None && gen.frame.state === FRAME_CREATED) {
        this.state = AWAITABLE_CLOSED;
        raise(Exc.TypeError, "can't send non-None value to a just-started async generator");
      }
    }
    gen.runningAsync = true;
    return this.step(() => gen.resume(value, null));
  }

  /** `awaitable.throw(exc)`: throws into the generator (into its pending await, if any). */
  throwInto(exc: PyBaseException): PyValue {
    if (this.state === AWAITABLE_CLOSED) this.reused();
    this.state = AWAITABLE_ITER;
    this.gen.runningAsync = true;
    return this.step(() => this.gen.throwInto(exc));
  }

  close(): PyValue {
    this.state = AWAITABLE_CLOSED;
    return None;
  }

  private reused(): never {
    return raise(
      Exc.RuntimeError,
      this.kind === "send"
        ? "cannot reuse already awaited __anext__()/asend()"
        : "cannot reuse already awaited aclose()/athrow()",
    );
  }

  /** Classifies what one resumption of the generator did. */
  private step(resume: () => PyValue): PyValue {
    const gen = this.gen;
    let value: PyValue;
    try {
      value = resume();
    } catch (e) {
      this.state = AWAITABLE_CLOSED;
      gen.runningAsync = false;
      // throwInto() reports the generator returning as StopIteration.
      if (isExceptionOf(e, Exc.StopIteration) && gen.finished) return this.finished();
      if (
        this.kind === "close" &&
        (isExceptionOf(e, Exc.GeneratorExit) || isExceptionOf(e, Exc.StopAsyncIteration))
      ) throw newException(Exc.StopIteration, []);
      if (isExceptionOf(e, Exc.StopAsyncIteration)) {
        const err = newException(Exc.RuntimeError, ["async generator raised StopAsyncIteration"]);
        err.cause = e as PyBaseException;
        err.context = e as PyBaseException;
        err.suppressContext = true;
        throw err;
      }
      throw e;
    }
    if (gen.finished) {
      this.state = AWAITABLE_CLOSED;
      gen.runningAsync = false;
      return this.finished();
    }
    // Suspended inside an await: the value goes to whoever drives this awaitable.
    if (gen.delegate() !== undefined) return value;
    // A `yield`: the item this awaitable produces.
    this.state = AWAITABLE_CLOSED;
    gen.runningAsync = false;
    if (this.kind === "close") raise(Exc.RuntimeError, "async generator ignored GeneratorExit");
    throw stopIteration(value);
  }

  /** The generator returned: the end of iteration (or a completed aclose()). */
  private finished(): never {
    if (this.kind === "close") throw newException(Exc.StopIteration, []);
    throw newException(Exc.StopAsyncIteration, []);
  }
}

function asyncGen(v: PyValue): PyAsyncGenerator {
  if (!(v instanceof PyAsyncGenerator)) {
    raise(Exc.TypeError, "descriptor requires an 'async_generator' object");
  }
  return v;
}

/** The generator of asend()/athrow()/aclose()/__anext__(), its hooks run. */
function iteratedAsyncGen(v: PyValue): PyAsyncGenerator {
  const g = asyncGen(v);
  g.initHooks();
  return g;
}

function asyncGenAwaitable(v: PyValue): PyAsyncGenAwaitable {
  if (!(v instanceof PyAsyncGenAwaitable)) {
    raise(Exc.TypeError, "descriptor requires an async generator awaitable");
  }
  return v;
}

defMethod(asyncGeneratorType, "__aiter__", (args) => asyncGen(args[0]));
defMethod(
  asyncGeneratorType,
  "__anext__",
  (args) => new PyAsyncGenAwaitable(iteratedAsyncGen(args[0]), "send", None),
);
defMethod(asyncGeneratorType, "asend", (args) => {
  if (args.length !== 2) {
    raise(Exc.TypeError, `asend() takes exactly one argument (${args.length - 1} given)`);
  }
  return new PyAsyncGenAwaitable(iteratedAsyncGen(args[0]), "send", args[1]);
});
defMethod(asyncGeneratorType, "athrow", (args) => {
  if (args.length < 2 || args.length > 4) {
    raise(Exc.TypeError, `athrow expected at least 1 argument, got ${args.length - 1}`);
  }
  return new PyAsyncGenAwaitable(iteratedAsyncGen(args[0]), "throw", normalizeThrow(args));
});
defMethod(
  asyncGeneratorType,
  "aclose",
  (args) => new PyAsyncGenAwaitable(iteratedAsyncGen(args[0]), "close", newException(Exc.GeneratorExit, [])),
);
defMethod(asyncGeneratorType, "__repr__", (args) => {
  const g = asyncGen(args[0]);
  return `<async_generator object ${g.frame.code.qualname} at 0x${
    (0x7f4000000000 + g.frame.code.id * 0x30).toString(16)
  }>`;
});
defGetSet(asyncGeneratorType, "__name__", (g) => asyncGen(g).frame.code.name);
defGetSet(asyncGeneratorType, "__qualname__", (g) => asyncGen(g).frame.code.qualname);
defGetSet(asyncGeneratorType, "ag_running", (g) => asyncGen(g).runningAsync);
defGetSet(asyncGeneratorType, "ag_code", (g) => asyncGen(g).frame.code);
defGetSet(asyncGeneratorType, "ag_frame", (g) => frameView(asyncGen(g).frame));
defGetSet(asyncGeneratorType, "ag_await", (g) => asyncGen(g).delegate() ?? None);

for (const t of [asyncGenASendType, asyncGenAThrowType]) {
  t.tp_iter = (a) => a;
  t.tp_iternext = (a) => asyncGenAwaitable(a).send(None);
  defMethod(t, "send", (args) => asyncGenAwaitable(args[0]).send(args[1]));
  defMethod(t, "throw", (args) => asyncGenAwaitable(args[0]).throwInto(normalizeThrow(args)));
  defMethod(t, "close", (args) => asyncGenAwaitable(args[0]).close());
  defMethod(t, "__await__", (args) => asyncGenAwaitable(args[0]));
  defMethod(t, "__iter__", (args) => asyncGenAwaitable(args[0]));
  defMethod(t, "__next__", (args) => asyncGenAwaitable(args[0]).send(None));
}
