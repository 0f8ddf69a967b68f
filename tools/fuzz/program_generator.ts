/**
 * The random program generator of the tier fuzzer. In: a seed (one seed → one program, always the
 * same). Out: the text of a valid, terminating, deterministic Python 3.11 program whose output does
 * not depend on the tier that runs it, so that `interp`, `specialized` and `jit` must print the same.
 *
 * Each program is a handful of "blocks": functions with a hot loop (50–300 iterations) whose locals
 * change type as the loop goes (int → float → big int → bool → str/None/object), attributes whose
 * shape changes, lists whose element types change, calls into small helpers, closures and
 * generators, and try/except/finally with raises inside the loop. Every block is called twice with
 * arguments of different types (the second call meets the first call's traces and their guards
 * fail). Values are clamped so that nothing grows without bound; every loop is bounded. Exceptions
 * are caught and printed as `type(e).__name__, e`. Nothing printed depends on id(), on hash order of
 * str, or on the identity of floats (a JIT may rebox them).
 * @module
 */

/** A small, fast, seedable generator (mulberry32). */
export class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Numbers at the edges the runtime cares about: small-int/int32/double/int64 boundaries, specials. */
const BOUNDARY_NUMBERS = [
  "0",
  "1",
  "-1",
  "2",
  "3",
  "-7",
  "7",
  "255",
  "2 ** 31 - 1",
  "2 ** 31",
  "-2 ** 31",
  "-2 ** 31 - 1",
  "2 ** 53",
  "2 ** 53 + 1",
  "-2 ** 53 - 1",
  "2 ** 63 - 1",
  "2 ** 63",
  "-2 ** 63",
  "2 ** 64 + 3",
  "10 ** 20",
  "-(10 ** 30)",
  "1 << 62",
  "True",
  "False",
  "0.5",
  "-0.0",
  "0.1",
  "-2.5",
  "1e16",
  "2.0 ** 53",
  "1e308",
  "1.7976931348623157e308",
  "5e-324",
  "float('inf')",
  "float('-inf')",
  "float('nan')",
  "3.0",
  "-1e-300",
];

/** Values of another kind that a numeric local turns into, so that its guards fail. */
const FOREIGN_VALUES = ["'7'", "'abc'", "None", "[1, 2]", "(3,)", "V0(2)", "W0(5)", "''", "b'xy'"];

const STRING_CONSTANTS = ["''", "'a'", "'abc'", "'x1y2'", "'Zz'", "'-3'", "'é'", "'hello world'", "'10'"];

const ARITH_OPS = ["+", "-", "*"];
const DIV_OPS = ["//", "%", "/"];
const BIT_OPS = ["&", "|", "^"];
const COMPARE_OPS = ["<", "<=", ">", ">=", "==", "!="];
const CAUGHT = "(ArithmeticError, TypeError, ValueError, AttributeError, IndexError, KeyError, E0)";

/** The lines every program starts with: the clamp, the error counter, classes, helpers. */
const PRELUDE = `BOUND = 2 ** 200
errors = {}


def _clamp(v):
    # Keeps loop-carried values small: big ints wrap, long strings and lists are cut.
    t = type(v)
    if t is int and not -BOUND <= v <= BOUND:
        return v % 1000003
    if (t is str or t is list or t is tuple or t is bytes) and len(v) > 40:
        return v[-20:]
    return v


def _err(e):
    n = type(e).__name__
    errors[n] = errors.get(n, 0) + 1
    if errors[n] <= 3:
        print("caught", n, str(e)[:120])


class E0(Exception):
    pass


class V0:
    count = 0

    def __init__(self, x):
        self.x = x
        # Fixed at birth: a key whose hash changes inside a dict is found (or not) by where
        # CPython's probe sequence happens to land, which pyjit's dict does not reproduce.
        self.h = hash(x) if type(x) is int else 7

    def __add__(self, other):
        if isinstance(other, V0):
            return V0(_clamp(self.x + other.x))
        return V0(_clamp(self.x + other))

    def __radd__(self, other):
        return V0(_clamp(other + self.x))

    def __sub__(self, other):
        return V0(_clamp(self.x - (other.x if isinstance(other, V0) else other)))

    def __mul__(self, other):
        return V0(_clamp(self.x * (other.x if isinstance(other, V0) else other)))

    def __eq__(self, other):
        return self.x == (other.x if isinstance(other, V0) else other)

    def __lt__(self, other):
        return self.x < (other.x if isinstance(other, V0) else other)

    def __hash__(self):
        return self.h

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r})"

    def __getattr__(self, name):
        if name.startswith("dyn"):
            return len(name)
        raise AttributeError(f"no {name}")

    @property
    def double(self):
        return self.x * 2


class W0(V0):
    def __add__(self, other):
        return W0(_clamp(self.x - (other.x if isinstance(other, V0) else other)))

    def __bool__(self):
        return bool(self.x)

    def __len__(self):
        return 3
`;

/** A Python program under construction: lines at an indentation level. */
class Emitter {
  readonly lines: string[] = [];
  depth = 0;
  emit(line: string): void {
    this.lines.push("    ".repeat(this.depth) + line);
  }
  /** `header:` then the body one level deeper (a `pass` if the body emitted nothing). */
  block(header: string, body: () => void): void {
    this.emit(header);
    this.depth++;
    const before = this.lines.length;
    body();
    if (this.lines.length === before) this.emit("pass");
    this.depth--;
  }
}

/** What a loop body may use: its locals and the names of the program's helpers. */
interface Scope {
  numerics: string[];
  loopVars: string[];
  helpers: string[];
  closures: string[];
  generators: string[];
  inLoop: boolean;
  inTry: boolean;
  /**
   * Only statements tier 3 can trace (no slices, f-strings, keyword calls, generators or
   * deletions), so that the loop really is compiled and its guards, not the recorder, meet the
   * type changes.
   */
  jitFriendly: boolean;
}

/** The statement kinds of `statement` a JIT-friendly loop uses. */
const JIT_FRIENDLY_KINDS = [
  0,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  10,
  12,
  13,
  14,
  15,
  16,
  17,
  18,
  21,
  22,
  23,
  25,
  27,
  28,
  29,
];

/** Generates one program; see the module comment. */
export function generateProgram(seed: number): string {
  return new ProgramGenerator(seed).program();
}

class ProgramGenerator {
  readonly rng: Rng;
  readonly out = new Emitter();
  helperCount = 0;
  constructor(readonly seed: number) {
    this.rng = new Rng(seed);
  }

  program(): string {
    const o = this.out;
    o.lines.push(`# pyjit tier fuzz program, seed ${this.seed}`);
    o.lines.push(...PRELUDE.split("\n"));
    const scope: Scope = {
      numerics: [],
      loopVars: [],
      helpers: [],
      closures: [],
      generators: [],
      inLoop: false,
      inTry: false,
      jitFriendly: false,
    };
    const nHelpers = this.rng.int(1, 3);
    for (let k = 0; k < nHelpers; k++) this.helper(scope);
    if (this.rng.chance(0.7)) this.closureMaker(scope);
    if (this.rng.chance(0.7)) this.generator(scope);
    if (this.rng.chance(0.3)) this.globalsToggle();
    const blocks: string[] = [];
    const nBlocks = this.rng.int(2, 3);
    for (let k = 0; k < nBlocks; k++) blocks.push(this.loopBlock(k, scope));
    o.lines.push("");
    for (const name of blocks) {
      const calls = [this.callArgs(), this.callArgs()];
      for (const args of calls) {
        o.block("try:", () => o.emit(`print(${JSON.stringify(name)}, ${name}(${args}))`));
        o.block("except Exception as e:", () => o.emit("print(type(e).__name__, str(e)[:160])"));
      }
    }
    if (this.rng.chance(0.35)) this.topLevelLoop(blocks);
    o.emit("print(sorted(errors.items()))");
    if (this.rng.chance(0.08)) {
      // An uncaught exception: its traceback (stderr) and exit status are compared too.
      o.emit(`${blocks[0]}(${this.rng.int(50, 120)}, 'boom', 1)`);
      o.emit("print(1 // 0)");
    }
    return o.lines.join("\n") + "\n";
  }

  /**
   * A loop at the module's top level (its variables are globals, LOAD_NAME / STORE_NAME: traced as
   * such): it calls a block with short runs and keeps a global whose type may change.
   */
  topLevelLoop(blocks: string[]): void {
    const o = this.out;
    o.emit(`_top = ${this.rng.pick(BOUNDARY_NUMBERS)}`);
    o.emit("_seen = []");
    o.block(`for _i in range(${this.rng.int(30, 90)}):`, () => {
      o.block("try:", () => {
        o.emit(`_r = ${this.rng.pick(blocks)}(${this.rng.int(3, 8)}, ${this.startValue()}, _i)`);
        o.emit("_seen.append(str(_r[0])[:24])");
      });
      o.block("except Exception as e:", () => o.emit("_seen.append(type(e).__name__)"));
      o.block(
        "try:",
        () => o.emit(`_top = _clamp(_top + _i) if _i % ${this.rng.int(3, 9)} else _clamp(_top * 2)`),
      );
      o.block("except Exception as e:", () => o.emit("_top = type(e).__name__"));
    });
    o.emit("print('top', len(_seen), _seen[-3:], _top)");
  }

  /** Arguments of a block call: an iteration count and two start values of varying types. */
  callArgs(): string {
    const n = this.rng.pick(["50", "120", "250", "77", "60"]);
    return `${n}, ${this.startValue()}, ${this.startValue()}`;
  }

  startValue(): string {
    return this.rng.chance(0.9) ? this.rng.pick(BOUNDARY_NUMBERS) : this.rng.pick(FOREIGN_VALUES);
  }

  /** A small function called from loops (the JIT inlines such callees). */
  helper(scope: Scope): void {
    const o = this.out;
    const name = `h${this.helperCount++}`;
    scope.helpers.push(name);
    o.lines.push("");
    o.block(`def ${name}(p, q):`, () => {
      const local: Scope = { ...scope, numerics: ["p", "q"], loopVars: [], inLoop: false, helpers: [] };
      const kind = this.rng.int(0, 3);
      if (kind === 0) {
        o.block(`if ${this.cond(local, 1)}:`, () => o.emit(`return ${this.numExpr(local, 2)}`));
        o.emit(`return ${this.numExpr(local, 2)}`);
      } else if (kind === 1) {
        o.block("try:", () => {
          o.block(`if ${this.cond(local, 1)}:`, () => o.emit(`raise E0(p)`));
          o.emit(`return _clamp(${this.numExpr(local, 2)})`);
        });
        o.block("finally:", () => o.emit("V0.count += 1"));
      } else if (kind === 2) {
        o.emit(`r = ${this.numExpr(local, 1)}`);
        o.block(
          `for k in range(${this.rng.int(1, 4)}):`,
          () => o.emit(`r = _clamp(r ${this.rng.pick(ARITH_OPS)} k)`),
        );
        o.emit("return r");
      } else {
        o.emit(`return V0(p).double + ${this.numExpr(local, 1)}`);
      }
    });
  }

  /** A function returning a closure over a variable it updates (`nonlocal`). */
  closureMaker(scope: Scope): void {
    const o = this.out;
    o.lines.push("");
    o.block("def make_closure(z):", () => {
      o.block("def inner(q):", () => {
        o.emit("nonlocal z");
        o.emit(`z = _clamp(z ${this.rng.pick(ARITH_OPS)} q)`);
        o.emit(this.rng.chance(0.5) ? "return z" : "return z if q % 3 else -z");
      });
      o.emit("return inner");
    });
    scope.closures.push("make_closure");
  }

  /** A generator function whose yielded values change type. */
  generator(scope: Scope): void {
    const o = this.out;
    o.lines.push("");
    o.block("def gen_values(n, v):", () => {
      o.block("for q in range(n):", () => {
        o.emit("yield v");
        o.emit(`v = _clamp(v ${this.rng.pick(ARITH_OPS)} q)`);
        o.block(`if q == ${this.rng.int(1, 3)}:`, () => o.emit(`v = ${this.rng.pick(BOUNDARY_NUMBERS)}`));
      });
      if (this.rng.chance(0.5)) o.emit("yield from range(2)");
    });
    scope.generators.push("gen_values");
  }

  /** Globals that shadow and unshadow a builtin (`abs`), and a global whose type changes. */
  globalsToggle(): void {
    const o = this.out;
    o.lines.push("");
    o.emit("G = 0");
    o.block("def shadow_abs():", () => {
      o.emit("global abs");
      o.emit("abs = lambda v: 7");
    });
    o.block("def unshadow_abs():", () => {
      o.emit("global abs");
      o.emit("del abs");
    });
    o.block("def bump_g(v):", () => {
      o.emit("global G");
      o.emit("G = _clamp(G + v) if type(G) is not str else G + 'g'");
    });
  }

  /** A block: a function with locals a, b, c, s, lst, d, o and a hot loop. Returns its name. */
  loopBlock(k: number, outer: Scope): string {
    const o = this.out;
    const name = `block${k}`;
    const hasGlobals = o.lines.some((l) => l.startsWith("def shadow_abs"));
    o.lines.push("");
    o.block(`def ${name}(n, a, b):`, () => {
      o.emit(`c = ${this.rng.pick(BOUNDARY_NUMBERS)}`);
      o.emit(`s = ${this.rng.pick(STRING_CONSTANTS)}`);
      o.emit(`lst = [${this.rng.pick(BOUNDARY_NUMBERS)}, ${this.rng.pick(BOUNDARY_NUMBERS)}, 1]`);
      o.emit("d = {}");
      o.emit(`o = ${this.rng.pick(["V0", "W0"])}(${this.rng.pick(["1", "2.5", "10 ** 19", "-3"])})`);
      o.emit("fin = 0");
      const scope: Scope = {
        ...outer,
        numerics: ["a", "b", "c"],
        loopVars: [],
        inLoop: true,
        inTry: false,
        jitFriendly: this.rng.chance(0.5),
      };
      if (outer.closures.length) o.emit(`clo = make_closure(${this.rng.pick(BOUNDARY_NUMBERS)})`);
      const loopKind = this.rng.int(0, 14);
      const body = () => {
        const count = this.rng.int(3, 8);
        for (let s = 0; s < count; s++) {
          if (this.rng.chance(0.5)) {
            // Most statements are guarded so that the loop runs on after a value changed kind.
            o.block("try:", () => this.statement({ ...scope, inTry: true }, 2, hasGlobals));
            o.block(`except ${CAUGHT} as e:`, () => o.emit("_err(e)"));
          } else this.statement(scope, 2, hasGlobals);
        }
      };
      if (loopKind <= 5) {
        scope.loopVars = ["i"];
        o.block("for i in range(n):", body);
      } else if (loopKind <= 7) {
        scope.loopVars = ["i"];
        o.emit("i = 0");
        o.block("while i < n:", () => {
          o.emit("i += 1");
          body();
        });
      } else if (loopKind === 14) {
        // A short inner `while` loop whose iteration count varies (traces go through its iterations).
        scope.loopVars = ["i", "j"];
        o.block(`for i in range(n // ${this.rng.int(2, 6)} + 1):`, () => {
          o.emit("j = 0");
          o.block(`while j < i % ${this.rng.int(2, 7)}:`, () => {
            o.emit("j += 1");
            body();
          });
          this.statement({ ...scope, loopVars: ["i"] }, 1, hasGlobals);
        });
      } else if (loopKind >= 10) {
        // Loops over other iterators (traced through the generic FOR_ITER; pairs unpacked at once).
        scope.loopVars = ["i"];
        const header = [
          `for i, e in enumerate(lst * (n // 3 + 1), ${this.rng.pick(["0", "-5", "2 ** 53 - 40"])}):`,
          `for i, e in zip(range(n), ${this.rng.pick(["s * n", "lst * n", "range(n, 0, -1)"])}):`,
          "for i, e in {k: k * 2 for k in range(n)}.items():",
          `for i in (x ${this.rng.pick(["+ 1", "* 2", "- n"])} for x in range(n)):`,
        ][loopKind - 10];
        o.block(header, body);
      } else {
        scope.loopVars = ["i", "j"];
        o.block(`for i in range(n // ${this.rng.int(5, 20)} + 1):`, () => {
          o.block(`for j in range(${this.rng.int(3, 12)}):`, body);
          this.statement({ ...scope, loopVars: ["i"] }, 1, hasGlobals);
        });
      }
      o.emit("return a, b, c, s, lst[-3:], list(d.items())[:4], o, fin");
    });
    return name;
  }

  /** One statement of a loop body; `depth` bounds nesting. */
  statement(scope: Scope, depth: number, hasGlobals: boolean): void {
    const o = this.out;
    const r = this.rng;
    const v = r.pick(scope.numerics);
    const i = r.pick(scope.loopVars.length ? scope.loopVars : ["a"]);
    const kind = scope.jitFriendly ? r.pick(JIT_FRIENDLY_KINDS) : r.int(0, 29);
    switch (kind) {
      case 0:
      case 1:
      case 2:
        o.emit(`${v} = _clamp(${this.numExpr(scope, 3)})`);
        return;
      case 3:
        o.emit(`${v} ${r.pick(["+=", "-=", "*="])} ${this.numExpr(scope, 1)}`);
        o.emit(`${v} = _clamp(${v})`);
        return;
      case 4: // the type of a local changes from one iteration on
        o.block(`if ${i} == ${r.int(1, 60)}:`, () => o.emit(`${v} = ${this.startValue()}`));
        return;
      case 5:
        o.block(
          `if ${i} % ${r.int(7, 41)} == ${r.int(0, 6)}:`,
          () => o.emit(`print(${i}, ${v}, ${r.pick(scope.numerics)}, s)`),
        );
        return;
      case 6:
      case 7:
        if (depth > 0) {
          o.block("try:", () => {
            this.statement({ ...scope, inTry: true }, depth - 1, hasGlobals);
            this.statement({ ...scope, inTry: true }, depth - 1, hasGlobals);
          });
          o.block(`except ${CAUGHT} as e:`, () => {
            o.emit("_err(e)");
            if (r.chance(0.3)) o.emit(`${v} = ${r.pick(BOUNDARY_NUMBERS)}`);
          });
          if (r.chance(0.4)) o.block("finally:", () => o.emit("fin += 1"));
          return;
        }
        o.emit(`${v} = _clamp(${this.numExpr(scope, 2)})`);
        return;
      case 8:
        if (depth > 0) {
          o.block(`if ${this.cond(scope, 2)}:`, () => this.statement(scope, depth - 1, hasGlobals));
          if (r.chance(0.5)) o.block("else:", () => this.statement(scope, depth - 1, hasGlobals));
        }
        return;
      case 9: // a raise inside the loop, caught there, with a finally
        o.block("try:", () => {
          o.block(
            `if ${i} % ${r.int(3, 17)} == ${r.int(0, 2)}:`,
            () => o.emit(r.pick([`raise E0(${i})`, `raise ValueError(f"bad {${i}}")`, "raise KeyError(s)"])),
          );
          o.emit(`${v} = _clamp(${this.numExpr(scope, 2)})`);
        });
        o.block("except (E0, ValueError, KeyError) as e:", () => {
          o.emit(r.pick(["_err(e)", "fin -= 1", "s = (s + type(e).__name__)[-12:]"]));
          if (r.chance(0.3) && scope.inLoop && !scope.inTry) o.emit("continue");
        });
        o.block("finally:", () => o.emit("fin += 1"));
        return;
      case 10:
        if (scope.inLoop) {
          o.block(`if ${i} == ${r.int(40, 250)}:`, () => o.emit(r.pick(["break", "continue"])));
        }
        return;
      case 11:
        o.emit(`s = _clamp(${this.strExpr(scope, 2)})`);
        return;
      case 12:
        o.emit(`lst.append(${this.numExpr(scope, 2)})`);
        o.block(
          "if len(lst) > 12:",
          () =>
            o.emit(scope.jitFriendly ? "lst.pop(0)" : r.pick(["del lst[0]", "lst.pop(0)", "lst = lst[-6:]"])),
        );
        return;
      case 13:
        o.block("if lst:", () => o.emit(`lst[${i} % len(lst)] = ${this.numExpr(scope, 1)}`));
        return;
      case 14:
        o.emit(
          `d[${r.pick([`${i} % 5`, "str(" + i + " % 3)", "len(s) % 4", "o"])}] = ${this.numExpr(scope, 2)}`,
        );
        return;
      case 15:
        o.emit(`${v} = _clamp(${v} + d.get(${i} % 5, ${r.pick(["0", "0.5", "1"])}))`);
        return;
      case 16: // attribute shape and type changes
        o.emit(
          r.pick([
            `o.x = _clamp(${this.numExpr(scope, 1)})`,
            `o.extra = ${i}`,
            `o = o + ${this.numExpr(scope, 1)}`,
            `o = ${this.numExpr(scope, 1)} + o`,
            `V0.count += 1`,
            `o = ${r.pick(["V0", "W0"])}(${v})`,
            ...(scope.jitFriendly
              ? []
              : [`o.__dict__.pop('extra', None)`, `o.__class__ = ${r.pick(["V0", "W0"])}`]),
          ]),
        );
        return;
      case 17:
        o.emit(
          `${v} = _clamp(${r.pick(["o.double", "o.dynamic", "getattr(o, 'extra', -1)", "o.x", "V0.count"])} ${
            r.pick(ARITH_OPS)
          } ${i})`,
        );
        return;
      case 18:
        if (scope.helpers.length) {
          o.emit(`${v} = _clamp(${r.pick(scope.helpers)}(${this.numExpr(scope, 1)}, ${i}))`);
        }
        return;
      case 19:
        if (scope.closures.length) o.emit(`${v} = _clamp(clo(${this.numExpr(scope, 1)}))`);
        return;
      case 20:
        if (scope.generators.length) {
          o.block(
            `for g in gen_values(${i} % 5, ${this.numExpr(scope, 1)}):`,
            () => o.emit(`${v} = _clamp(${v} + g)`),
          );
        } else o.emit(`${v} = _clamp(sum(x * 2 for x in range(${i} % 6)) + ${v})`);
        return;
      case 21:
        o.emit(
          `${v} = _clamp(${r.pick(["sum", "len", "max", "min"])}([${this.numExpr(scope, 1)}, ${i}, 2]))`,
        );
        return;
      case 22:
        o.emit(`${v}, ${r.pick(scope.numerics)} = ${r.pick(scope.numerics)}, ${v}`);
        return;
      case 23:
        o.emit(`t = (${v}, ${i}, s)`);
        o.emit(`${v} = t[${r.int(0, 1)}]`);
        return;
      case 24:
        if (hasGlobals) {
          o.block(
            `if ${i} == ${r.int(10, 100)}:`,
            () => o.emit(r.pick(["shadow_abs()", "unshadow_abs()", "bump_g('x')"])),
          );
          o.emit(`${v} = _clamp(abs(${v}) + G)`);
          o.emit(`bump_g(${i})`);
        } else o.emit(`${v} = _clamp(abs(${v}))`);
        return;
      case 25:
        o.emit(
          `${v} = _clamp(${r.pick(["int", "float", "round", "bool", "str", "abs", "hex"])}(${
            this.numExpr(scope, 1)
          }))`,
        );
        return;
      case 26:
        o.emit(`lst = sorted(lst, key=repr)${r.pick(["", "[::-1]", "[:8]"])}`);
        return;
      case 27:
        o.emit(`fin += ${i} in lst`);
        return;
      case 28:
        if (depth > 0) {
          o.block(`for j2 in range(${r.int(1, 4)}):`, () => this.statement(scope, depth - 1, hasGlobals));
        }
        return;
      default:
        o.emit(`${v} = _clamp(${this.numExpr(scope, 2)}) if ${this.cond(scope, 1)} else ${v}`);
    }
  }

  /** A numeric-ish expression (it may meet a str or None at run time and raise). */
  numExpr(scope: Scope, depth: number): string {
    const r = this.rng;
    if (depth <= 0 || r.chance(0.25)) return this.leaf(scope);
    const a = () => this.numExpr(scope, depth - 1);
    switch (r.int(0, 14)) {
      case 0:
      case 1:
      case 2:
      case 3:
        return `(${a()} ${r.pick(ARITH_OPS)} ${a()})`;
      case 4:
        return `(${a()} ${r.pick(DIV_OPS)} (${a()} or ${r.pick(["1", "3", "-2", "0.5"])}))`;
      case 5:
        return `(-${a()})`;
      case 6:
        return `${r.pick(["min", "max"])}(${a()}, ${a()})`;
      case 7:
        return `(${a()} if ${this.cond(scope, depth - 1)} else ${a()})`;
      case 8:
        return `(${a()} ${r.pick(BIT_OPS)} ${a()})`;
      case 9:
        return `(${a()} ${r.pick(["<<", ">>"])} ${r.int(0, 70)})`;
      case 10:
        return `(${a()} ** ${r.int(0, 3)})`;
      case 11:
        return `${r.pick(["abs", "int", "float", "round"])}(${a()})`;
      case 12:
        return `(${a()} ${r.pick(COMPARE_OPS)} ${a()})`;
      case 13:
        return `divmod(${a()}, ${r.pick(["7", "-3", "2.5"])})[${r.int(0, 1)}]`;
      default:
        return `pow(${a()}, ${r.int(0, 5)}, ${r.pick(["1000003", "97", "-13"])})`;
    }
  }

  leaf(scope: Scope): string {
    const r = this.rng;
    const k = r.int(0, 9);
    if (k <= 3) return r.pick(scope.numerics);
    if (k <= 5 && scope.loopVars.length) return r.pick(scope.loopVars);
    if (k === 6 && scope.inLoop) return r.pick(["len(s)", "len(lst)", "o.x", "fin", "len(d)"]);
    // A compound constant ("1 << 62", "2 ** 53 + 1") is parenthesized: inside `x * 1 << 62 * y` it
    // would bind otherwise, and a shift by `62 * y` can ask CPython for gigabytes.
    const n = r.pick(BOUNDARY_NUMBERS.filter((x) => !x.includes("nan")));
    return /[ (]/.test(n) && !n.startsWith("float(") ? `(${n})` : n;
  }

  cond(scope: Scope, depth: number): string {
    const r = this.rng;
    const i = scope.loopVars.length ? r.pick(scope.loopVars) : "p";
    switch (r.int(0, 6)) {
      case 0:
        return `${i} % ${r.int(2, 9)} == ${r.int(0, 1)}`;
      case 1:
        return `${this.numExpr(scope, depth)} ${r.pick(COMPARE_OPS)} ${this.numExpr(scope, depth)}`;
      case 2:
        return `isinstance(${r.pick(scope.numerics)}, ${r.pick(["int", "float", "bool", "str", "V0"])})`;
      case 3:
        return `not ${this.numExpr(scope, depth)}`;
      case 4:
        return `type(${r.pick(scope.numerics)}) is ${r.pick(["int", "float"])}`;
      case 5:
        return `${i} > ${r.int(5, 150)} and ${this.numExpr(scope, 0)}`;
      default:
        return scope.inLoop ? `len(lst) ${r.pick(COMPARE_OPS)} ${r.int(1, 10)}` : `${i}`;
    }
  }

  strExpr(scope: Scope, depth: number): string {
    const r = this.rng;
    const v = r.pick(scope.numerics);
    const e = () => (depth > 0 ? this.strExpr(scope, depth - 1) : "s");
    switch (r.int(0, 13)) {
      case 0:
        return `${e()} + str(${v})`;
      case 1:
        return `${e()}[::-1]`;
      case 2:
        return `${e()}.upper()`;
      case 3:
        return `${e()} * (${r.pick(scope.loopVars.length ? scope.loopVars : ["1"])} % 3)`;
      case 4:
        return `f"{${v}}|{s}"`; // no nested f-strings: 3.11 rejects f"{f"…"}"
      case 5:
        return `f"{${v}!r:>12}"`;
      case 6:
        return `repr(${v})[:15]`;
      case 7:
        return `${e()}.replace(${r.pick(["'1'", "'a'", "'.'"])}, ${r.pick(["'x'", "''", "'..'"])})`;
      case 8:
        return `format(${v}, ${r.pick(["'.3f'", "'e'", "'>8'", "'x'", "',d'", "'g'", "'+'", "'08.2f'"])})`;
      case 9:
        return `${r.pick(["'%d'", "'%s'", "'%.2f'", "'%r'", "'%x'"])} % (${v},)`;
      case 10:
        return `','.join(map(str, lst[:3]))`;
      case 11:
        return `${e()}[${r.pick(scope.loopVars.length ? scope.loopVars : ["0"])} % (len(s) or 1):]`;
      case 12:
        return `str(${e()}.find('1')) + ${e()}.strip('a')`;
      default:
        return `${r.pick(STRING_CONSTANTS)} + ${e()}`;
    }
  }
}
