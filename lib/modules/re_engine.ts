/**
 * pyjit's own regular-expression matcher, for what JavaScript's RegExp cannot do exactly. In: a
 * resolved pattern (re_ir.ts). Out: a `Program` (bytecode) and `execute()`, which matches it
 * against a subject of code points from `pos` to `endpos` (match, fullmatch or search) and gives
 * the capture marks and lastindex, with CPython's backtracking order and rules: repeats stop after
 * an iteration that matched nothing, atomic groups and possessive repeats (each iteration atomic),
 * lookbehinds of fixed width that may look before `pos`, conditionals, and captures restored on
 * backtracking.
 *
 * The matcher is iterative: one loop over the bytecode with an explicit backtracking stack (choice
 * points and undo records), so long subjects never deepen the JavaScript stack; only lookarounds,
 * atomic groups and possessive repeats run their bodies through a nested call (as deep as the
 * pattern nests them). Every CHECK_STEPS steps it calls checkInterrupts(), so that Ctrl-C and an
 * embedder's time budget stop a catastrophic pattern.
 *
 * @example
 * ```ts
 * import { parsePattern } from "./re_parser.ts";
 * import { resolvePattern } from "./re_ir.ts";
 * import { compileProgram, execute, MODE_SEARCH, subjectOf } from "./re_engine.ts";
 * const prog = compileProgram(resolvePattern(parsePattern("b+", 0, true), true), 0);
 * const out = new Int32Array(2);
 * execute(prog, subjectOf("abbc"), 0, 4, MODE_SEARCH, false, out);
 * console.log(out); // Int32Array [1, 3]
 * ```
 * @module
 */
import { Exc, raise } from "../../objects/object.ts";
import { checkInterrupts } from "../../vm/interrupts.ts";
import { type CharSet, type Fold, isAsciiWord, isUnicodeWord, lowerOf, setMatches } from "./re_chars.ts";
import {
  AT_END_OR_FINAL_NEWLINE,
  AT_LINE_END,
  AT_LINE_START,
  AT_NOT_WORD_BOUNDARY_ASCII,
  AT_NOT_WORD_BOUNDARY_UNICODE,
  AT_START,
  AT_STRING_END,
  AT_WORD_BOUNDARY_ASCII,
  AT_WORD_BOUNDARY_UNICODE,
  type Ir,
} from "./re_ir.ts";
import { GREEDY, LAZY, MAXREPEAT } from "./re_parser.ts";

// ---------------------------------------------------------------------------------------------
// Bytecode

const OP_CHAR = 1; // c
const OP_SET = 2; // set index
const OP_ANY = 3; // any but \n
const OP_ANY_ALL = 4;
const OP_AT = 5; // position test
const OP_MARK = 6; // slot (odd slots close a group: lastindex)
const OP_SPLIT = 7; // alternative pc: try the next instruction first
const OP_JUMP = 8; // target
const OP_REPEAT_INIT = 9; // register base (count, last start, enclosing repeat)
const OP_UNTIL_GREEDY = 10; // reg, min, max, body pc; OP_LEAVE and the tail follow
const OP_UNTIL_LAZY = 11; // reg, min, max, body pc; OP_LEAVE and the tail follow
const OP_LEAVE = 21; // reg: the tail of a repeat runs in the enclosing repeat
const OP_SINGLE_REPEAT = 12; // test kind, test arg, min, max, mode; the tail follows
const OP_POSSESSIVE = 13; // min, max, body length; the body (ending in OP_SUCCEED) follows
const OP_ATOMIC = 14; // body length; the body follows
const OP_LOOK = 15; // behind, negate, width, body length; the body follows
const OP_REF = 16; // group, fold (0 none, 1 ascii, 2 unicode)
const OP_COND = 17; // group, no-branch pc
const OP_SUCCEED = 18; // end of a nested body
const OP_MATCH = 19; // end of the pattern

/** Single-character tests of OP_SINGLE_REPEAT. */
const TEST_CHAR = 0, TEST_SET = 1, TEST_ANY = 2, TEST_ANY_ALL = 3;

const FOLD_CODES: Record<Fold, number> = { none: 0, ascii: 1, unicode: 2 };
const FOLDS: Fold[] = ["none", "ascii", "unicode"];

/** A compiled pattern for the own matcher. */
export interface Program {
  code: Int32Array;
  sets: CharSet[];
  /** Capturing groups (marks are 2 per group, group 0 excluded). */
  groups: number;
  /** Registers: [0] the innermost active repeat (-1: none), then 3 per general repeat. */
  registers: number;
  /** What a match can begin with (for search), or null when unknown or possibly empty. */
  first: FirstChar | null;
  /** Whether every match must begin at the start of the string (`^` or `\A` first). */
  anchoredAtStart: boolean;
}

/** A first-character filter: a code point, or a set. */
export type FirstChar = { c: number } | { set: CharSet };

class Emitter {
  code: number[] = [];
  sets: CharSet[] = [];
  registers = 1;
  emit(...words: number[]): number {
    const at = this.code.length;
    this.code.push(...words);
    return at;
  }
  addSet(s: CharSet): number {
    this.sets.push(s);
    return this.sets.length - 1;
  }
}

/** Compiles a resolved pattern with `groups` capturing groups. */
export function compileProgram(ir: Ir, groups: number): Program {
  const e = new Emitter();
  emitNode(e, ir);
  e.emit(OP_MATCH);
  return {
    code: new Int32Array(e.code),
    sets: e.sets,
    groups,
    registers: e.registers,
    first: firstChar(ir),
    anchoredAtStart: startsAnchored(ir),
  };
}

/** A single-character test for OP_SINGLE_REPEAT, or null when the node is not one character. */
function singleTest(e: Emitter, n: Ir): [number, number] | null {
  switch (n.k) {
    case "char":
      return [TEST_CHAR, n.c];
    case "set":
      return [TEST_SET, e.addSet(n.set)];
    case "any":
      return [n.all ? TEST_ANY_ALL : TEST_ANY, 0];
    default:
      return null;
  }
}

function emitNode(e: Emitter, n: Ir): void {
  switch (n.k) {
    case "char":
      e.emit(OP_CHAR, n.c);
      return;
    case "set":
      e.emit(OP_SET, e.addSet(n.set));
      return;
    case "any":
      e.emit(n.all ? OP_ANY_ALL : OP_ANY);
      return;
    case "at":
      e.emit(OP_AT, n.at);
      return;
    case "seq":
      for (const i of n.items) emitNode(e, i);
      return;
    case "alt": {
      // SPLIT next-alt; body; JUMP end; ... last body
      const jumps: number[] = [];
      for (let i = 0; i < n.alts.length; i++) {
        if (i < n.alts.length - 1) {
          const split = e.emit(OP_SPLIT, 0);
          emitNode(e, n.alts[i]);
          jumps.push(e.emit(OP_JUMP, 0));
          e.code[split + 1] = e.code.length;
        } else emitNode(e, n.alts[i]);
      }
      for (const j of jumps) e.code[j + 1] = e.code.length;
      return;
    }
    case "group":
      e.emit(OP_MARK, 2 * n.index - 2);
      emitNode(e, n.body);
      e.emit(OP_MARK, 2 * n.index - 1);
      return;
    case "repeat":
      emitRepeat(e, n);
      return;
    case "atomic": {
      const at = e.emit(OP_ATOMIC, 0);
      emitNode(e, n.body);
      e.emit(OP_SUCCEED);
      e.code[at + 1] = e.code.length - at - 2;
      return;
    }
    case "look": {
      const at = e.emit(OP_LOOK, n.behind ? 1 : 0, n.negate ? 1 : 0, n.width, 0);
      emitNode(e, n.body);
      e.emit(OP_SUCCEED);
      e.code[at + 4] = e.code.length - at - 5;
      return;
    }
    case "ref":
      e.emit(OP_REF, n.group, FOLD_CODES[n.fold]);
      return;
    case "cond": {
      const at = e.emit(OP_COND, n.group, 0);
      emitNode(e, n.yes);
      const jump = e.emit(OP_JUMP, 0);
      e.code[at + 2] = e.code.length;
      emitNode(e, n.no);
      e.code[jump + 1] = e.code.length;
      return;
    }
  }
}

/** Repeat counts beyond what a subject can hold mean "no limit" here. */
function clampCount(n: number): number {
  return n >= 0x7fffffff || n >= MAXREPEAT ? 0x7fffffff : n;
}

function emitRepeat(e: Emitter, n: Ir & { k: "repeat" }): void {
  const min = clampCount(n.min), max = clampCount(n.max);
  const single = singleTest(e, n.body);
  if (single !== null) {
    e.emit(OP_SINGLE_REPEAT, single[0], single[1], min, max, n.mode);
    return;
  }
  if (n.mode !== GREEDY && n.mode !== LAZY) {
    const at = e.emit(OP_POSSESSIVE, min, max, 0);
    emitNode(e, n.body);
    e.emit(OP_SUCCEED);
    e.code[at + 3] = e.code.length - at - 4;
    return;
  }
  const reg = e.registers;
  e.registers += 3;
  // REPEAT_INIT reg; JUMP until; body: ...; until: UNTIL reg min max body; LEAVE reg; tail
  // (the body falls through into the UNTIL, which decides between another iteration and the tail)
  e.emit(OP_REPEAT_INIT, reg);
  const jump = e.emit(OP_JUMP, 0);
  const body = e.code.length;
  emitNode(e, n.body);
  e.code[jump + 1] = e.code.length;
  e.emit(n.mode === GREEDY ? OP_UNTIL_GREEDY : OP_UNTIL_LAZY, reg, min, max, body);
  e.emit(OP_LEAVE, reg);
}

// ---------------------------------------------------------------------------------------------
// Facts for the search loop

function firstChar(n: Ir): FirstChar | null {
  switch (n.k) {
    case "char":
      return { c: n.c };
    case "set":
      return { set: n.set };
    case "seq": {
      // zero-width tests do not consume: the first character comes from the next item
      for (const i of n.items) if (i.k !== "at" && i.k !== "look") return firstChar(i);
      return null;
    }
    case "group":
    case "atomic":
      return firstChar(n.body);
    case "repeat":
      return n.min > 0 ? firstChar(n.body) : null;
    default:
      return null;
  }
}

function startsAnchored(n: Ir): boolean {
  switch (n.k) {
    case "at":
      return n.at === AT_START;
    case "seq":
      return n.items.length > 0 && startsAnchored(n.items[0]);
    case "group":
    case "atomic":
      return startsAnchored(n.body);
    case "alt":
      return n.alts.every(startsAnchored);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Subjects

/** A subject as the matcher reads it: code points by index. */
export interface Subject {
  /** The text when every code point is one UTF-16 unit (no surrogate pairs), else null. */
  text: string | null;
  /** The code points otherwise (surrogate pairs joined, or bytes). */
  codes: Int32Array | Uint8Array | null;
  length: number;
}

/** A str subject (surrogate pairs count as one code point, as pyjit's str does). */
export function subjectOf(s: string, hasPairs = /[\ud800-\udbff][\udc00-\udfff]/.test(s)): Subject {
  if (!hasPairs) return { text: s, codes: null, length: s.length };
  const codes = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    codes[n++] = c;
    if (c > 0xffff) i++;
  }
  return { text: null, codes: codes.subarray(0, n), length: n };
}

/** A bytes subject. */
export function bytesSubjectOf(b: Uint8Array): Subject {
  return { text: null, codes: b, length: b.length };
}

// ---------------------------------------------------------------------------------------------
// The matcher

export const MODE_MATCH = 0, MODE_FULLMATCH = 1, MODE_SEARCH = 2;

/** What execute() returns when nothing matched (else the lastindex, -1 for none). */
export const NO_MATCH = -2;

const BT_CHOICE = 1; // pc, pos
const BT_REG = 2; // register, old value
const BT_SINGLE_GREEDY = 3; // pc, pos (current end), min pos
const BT_SINGLE_LAZY = 4; // pc, pos (current end), count
const BT_UNTIL_LAZY = 5; // pc, pos
/** Ints per backtracking record: kind, a, b, c, lastmark, lastindex, mark-stack top, saved marks. */
const REC = 8;

/** Steps between two interrupt checks. */
const CHECK_STEPS = 1 << 14;

class Matcher {
  prog!: Program;
  code!: Int32Array;
  text: string | null = null;
  codes: Int32Array | Uint8Array | null = null;
  /** endpos: where matching stops. */
  end = 0;
  /** Where the current attempt started. */
  start = 0;
  mustAdvance = false;
  matchAll = false;
  marks = new Int32Array(0);
  lastmark = -1;
  lastindex = -1;
  regs = new Int32Array(1);
  stack = new Int32Array(1024 * REC);
  sp = 0;
  /** Saved marks of choice points made inside a repeat. */
  markStack = new Int32Array(1024);
  markTop = 0;
  steps = CHECK_STEPS;

  at(i: number): number {
    const t = this.text;
    return t !== null ? t.charCodeAt(i) : this.codes![i];
  }

  /** Pushes a record; `saveMarks` also saves marks[0..lastmark]. */
  push(kind: number, a: number, b: number, c: number, saveMarks: boolean): void {
    let st = this.stack;
    const sp = this.sp;
    if (sp + REC > st.length) {
      const bigger = new Int32Array(st.length * 2);
      bigger.set(st);
      this.stack = st = bigger;
    }
    st[sp] = kind;
    st[sp + 1] = a;
    st[sp + 2] = b;
    st[sp + 3] = c;
    st[sp + 4] = this.lastmark;
    st[sp + 5] = this.lastindex;
    st[sp + 6] = this.markTop;
    st[sp + 7] = saveMarks ? 1 : 0;
    if (saveMarks) this.saveMarks();
    this.sp = sp + REC;
  }

  /** Copies marks[0..lastmark] onto the mark stack. */
  saveMarks(): void {
    const n = this.lastmark + 1;
    if (this.markTop + n > this.markStack.length) {
      const bigger = new Int32Array(Math.max(this.markStack.length * 2, this.markTop + n));
      bigger.set(this.markStack);
      this.markStack = bigger;
    }
    for (let i = 0; i < n; i++) this.markStack[this.markTop + i] = this.marks[i];
    this.markTop += n;
  }

  /** Restores the capture state a record saved; `keep`: the record stays on the stack. */
  restore(r: number, keep: boolean): void {
    const st = this.stack;
    const lm = st[r + 4];
    this.lastmark = lm;
    this.lastindex = st[r + 5];
    const top = st[r + 6];
    if (st[r + 7] !== 0) {
      for (let i = 0; i <= lm; i++) this.marks[i] = this.markStack[top + i];
      this.markTop = keep ? top + lm + 1 : top;
    } else this.markTop = top;
  }

  setReg(r: number, value: number): void {
    let st = this.stack;
    const sp = this.sp;
    if (sp + REC > st.length) {
      const bigger = new Int32Array(st.length * 2);
      bigger.set(st);
      this.stack = st = bigger;
    }
    st[sp] = BT_REG;
    st[sp + 1] = r;
    st[sp + 2] = this.regs[r];
    this.sp = sp + REC;
    this.regs[r] = value;
  }

  /** Sets mark `slot` as CPython does (raising lastmark clears the marks it skips). */
  mark(slot: number, pos: number): void {
    if (slot & 1) this.lastindex = (slot >> 1) + 1;
    if (slot > this.lastmark) {
      for (let j = this.lastmark + 1; j < slot; j++) this.marks[j] = -1;
      this.lastmark = slot;
    }
    this.marks[slot] = pos;
  }

  /** Drops the choice points above `base`, keeping the register records (after a nested success). */
  cut(base: number, markTop: number): void {
    const st = this.stack;
    let w = base;
    for (let r = base; r < this.sp; r += REC) {
      if (st[r] === BT_REG) {
        if (w !== r) {
          st[w] = BT_REG;
          st[w + 1] = st[r + 1];
          st[w + 2] = st[r + 2];
        }
        w += REC;
      }
    }
    this.sp = w;
    this.markTop = markTop;
  }

  /** Undoes the register records above `base` and drops the rest (a nested success that must leave no trace). */
  unwind(base: number, markTop: number): void {
    const st = this.stack;
    while (this.sp > base) {
      this.sp -= REC;
      const r = this.sp;
      if (st[r] === BT_REG) this.regs[st[r + 1]] = st[r + 2];
    }
    this.markTop = markTop;
  }

  testChar(kind: number, arg: number, c: number): boolean {
    switch (kind) {
      case TEST_CHAR:
        return c === arg;
      case TEST_SET:
        return setMatches(this.prog.sets[arg], c);
      case TEST_ANY:
        return c !== 10;
      default:
        return true;
    }
  }

  /** The character the code at pc must match first (marks skipped), or -1. */
  tailChar(pc: number): number {
    const code = this.code;
    while (code[pc] === OP_MARK) pc += 2;
    return code[pc] === OP_CHAR ? code[pc + 1] : -1;
  }

  /** The first index in [pos, limit) whose character fails the test (limit when none). */
  scan(kind: number, arg: number, pos: number, limit: number): number {
    const text = this.text, codes = this.codes;
    switch (kind) {
      case TEST_CHAR:
        if (text !== null) { while (pos < limit && text.charCodeAt(pos) === arg) pos++; }
        else while (pos < limit && codes![pos] === arg) pos++;
        return pos;
      case TEST_SET: {
        const set = this.prog.sets[arg];
        if (text !== null) { while (pos < limit && setMatches(set, text.charCodeAt(pos))) pos++; }
        else while (pos < limit && setMatches(set, codes![pos])) pos++;
        return pos;
      }
      case TEST_ANY:
        if (text !== null) { while (pos < limit && text.charCodeAt(pos) !== 10) pos++; }
        else while (pos < limit && codes![pos] !== 10) pos++;
        return pos;
      default:
        return limit;
    }
  }

  isWordAt(i: number, unicode: boolean): boolean {
    if (i < 0 || i >= this.end) return false;
    const c = this.at(i);
    return unicode ? isUnicodeWord(c) : isAsciiWord(c);
  }

  atPosition(kind: number, pos: number): boolean {
    switch (kind) {
      case AT_START:
        return pos === 0;
      case AT_LINE_START:
        return pos === 0 || this.at(pos - 1) === 10;
      case AT_END_OR_FINAL_NEWLINE:
        return pos === this.end || (pos + 1 === this.end && this.at(pos) === 10);
      case AT_LINE_END:
        return pos === this.end || (pos < this.end && this.at(pos) === 10);
      case AT_STRING_END:
        return pos === this.end;
      case AT_WORD_BOUNDARY_ASCII:
      case AT_WORD_BOUNDARY_UNICODE: {
        if (this.end === 0) return false;
        const u = kind === AT_WORD_BOUNDARY_UNICODE;
        return this.isWordAt(pos - 1, u) !== this.isWordAt(pos, u);
      }
      case AT_NOT_WORD_BOUNDARY_ASCII:
      case AT_NOT_WORD_BOUNDARY_UNICODE: {
        if (this.end === 0) return false;
        const u = kind === AT_NOT_WORD_BOUNDARY_UNICODE;
        return this.isWordAt(pos - 1, u) === this.isWordAt(pos, u);
      }
    }
    return false;
  }

  /** Group g's span when it counts as set (CPython: within lastmark, both ends, end ≥ start). */
  groupSet(g: number): boolean {
    const i = 2 * g - 2;
    if (i >= this.lastmark) return false;
    const s = this.marks[i], e = this.marks[i + 1];
    return s >= 0 && e >= 0 && e >= s;
  }

  /** Matches group `g`'s text again at pos; the end position or -1. */
  backref(g: number, fold: number, pos: number): number {
    if (!this.groupSet(g)) return -1;
    const s = this.marks[2 * g - 2], e = this.marks[2 * g - 1];
    const n = e - s;
    if (pos + n > this.end) return -1;
    if (fold === 0) {
      for (let i = 0; i < n; i++) if (this.at(s + i) !== this.at(pos + i)) return -1;
    } else {
      const f = FOLDS[fold];
      for (let i = 0; i < n; i++) {
        if (lowerOf(this.at(s + i), f) !== lowerOf(this.at(pos + i), f)) return -1;
      }
    }
    return pos + n;
  }

  /** Saves lastmark, lastindex and (when `withMarks`) the marks, for a local restore. */
  snapshot(withMarks: boolean): [number, number, Int32Array | null] {
    return [this.lastmark, this.lastindex, withMarks ? this.marks.slice(0, this.lastmark + 1) : null];
  }

  restoreSnapshot(s: [number, number, Int32Array | null]): void {
    this.lastmark = s[0];
    this.lastindex = s[1];
    if (s[2] !== null) this.marks.set(s[2]);
  }

  /**
   * Runs the code from pc at pos until OP_MATCH / OP_SUCCEED (returns the end position, leaving
   * its choice points above `base` on the stack) or until every choice above `base` failed (-1).
   */
  run(pc: number, pos: number, base: number): number {
    const code = this.code;
    const regs = this.regs;
    const text = this.text, codes = this.codes, end = this.end;
    const sets = this.prog.sets;
    for (;;) {
      if (--this.steps === 0) {
        this.steps = CHECK_STEPS;
        checkInterrupts();
      }
      let ok = true;
      switch (code[pc]) {
        case OP_CHAR:
          if (pos < end && (text !== null ? text.charCodeAt(pos) : codes![pos]) === code[pc + 1]) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case OP_SET:
          if (
            pos < end && setMatches(sets[code[pc + 1]], text !== null ? text.charCodeAt(pos) : codes![pos])
          ) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case OP_ANY:
          if (pos < end && (text !== null ? text.charCodeAt(pos) : codes![pos]) !== 10) {
            pos++;
            pc++;
          } else ok = false;
          break;
        case OP_ANY_ALL:
          if (pos < end) {
            pos++;
            pc++;
          } else ok = false;
          break;
        case OP_AT:
          if (this.atPosition(code[pc + 1], pos)) pc += 2;
          else ok = false;
          break;
        case OP_MARK:
          this.mark(code[pc + 1], pos);
          pc += 2;
          break;
        case OP_SPLIT:
          this.push(BT_CHOICE, code[pc + 1], pos, 0, regs[0] >= 0);
          pc += 2;
          break;
        case OP_JUMP:
          pc = code[pc + 1];
          break;
        case OP_REPEAT_INIT: {
          const r = code[pc + 1];
          this.setReg(r, 0);
          this.setReg(r + 1, -1);
          this.setReg(r + 2, regs[0]);
          this.setReg(0, r);
          pc += 2;
          break;
        }
        case OP_UNTIL_GREEDY: {
          const r = code[pc + 1], min = code[pc + 2], max = code[pc + 3];
          const count = regs[r];
          if (count < min) {
            this.setReg(r, count + 1);
            pc = code[pc + 4];
          } else if (count < max && pos !== regs[r + 1]) {
            this.push(BT_CHOICE, pc + 5, pos, 0, true);
            this.setReg(r, count + 1);
            this.setReg(r + 1, pos);
            pc = code[pc + 4];
          } else pc += 5;
          break;
        }
        case OP_UNTIL_LAZY: {
          const r = code[pc + 1], min = code[pc + 2];
          const count = regs[r];
          if (count < min) {
            this.setReg(r, count + 1);
            pc = code[pc + 4];
          } else {
            this.push(BT_UNTIL_LAZY, pc, pos, 0, regs[r + 2] >= 0);
            pc += 5;
          }
          break;
        }
        case OP_LEAVE: {
          const r = code[pc + 1];
          this.setReg(0, regs[r + 2]);
          pc += 2;
          break;
        }
        case OP_SINGLE_REPEAT: {
          const kind = code[pc + 1], arg = code[pc + 2], min = code[pc + 3], max = code[pc + 4];
          const mode = code[pc + 5];
          if (mode === LAZY) {
            let n = 0;
            while (
              n < min && pos < end &&
              this.testChar(kind, arg, text !== null ? text.charCodeAt(pos) : codes![pos])
            ) {
              pos++;
              n++;
            }
            if (n < min) {
              ok = false;
              break;
            }
            if (n < max) this.push(BT_SINGLE_LAZY, pc, pos, n, regs[0] >= 0);
            pc += 6;
            break;
          }
          const from = pos;
          const limit = end - pos <= max ? end : pos + max;
          pos = this.scan(kind, arg, pos, limit);
          if (pos - from < min) {
            ok = false;
            break;
          }
          if (mode === GREEDY) {
            const minPos = from + min;
            const c = this.tailChar(pc + 6);
            if (c >= 0) {
              // the tail begins with a character: only positions holding it can succeed
              while (
                pos >= minPos && (pos >= end || (text !== null ? text.charCodeAt(pos) : codes![pos]) !== c)
              ) {
                pos--;
              }
              if (pos < minPos) {
                ok = false;
                break;
              }
            }
            if (pos > minPos) this.push(BT_SINGLE_GREEDY, pc, pos, minPos, regs[0] >= 0);
          }
          pc += 6;
          break;
        }
        case OP_POSSESSIVE: {
          const min = code[pc + 1], max = code[pc + 2], body = pc + 4;
          let count = 0;
          while (count < min) {
            const b = this.sp, top = this.markTop;
            const r = this.run(body, pos, b);
            if (r < 0) break;
            this.cut(b, top);
            pos = r;
            count++;
          }
          if (count < min) {
            ok = false;
            break;
          }
          let previous = -1;
          while (count < max && pos !== previous) {
            const saved = this.snapshot(true);
            previous = pos;
            const b = this.sp, top = this.markTop;
            const r = this.run(body, pos, b);
            if (r < 0) {
              this.restoreSnapshot(saved);
              break;
            }
            this.cut(b, top);
            pos = r;
            count++;
          }
          pc = body + code[pc + 3];
          break;
        }
        case OP_ATOMIC: {
          const b = this.sp, top = this.markTop;
          const r = this.run(pc + 2, pos, b);
          if (r < 0) ok = false;
          else {
            this.cut(b, top);
            pos = r;
            pc = pc + 2 + code[pc + 1];
          }
          break;
        }
        case OP_LOOK: {
          const behind = code[pc + 1], negate = code[pc + 2], width = code[pc + 3];
          const next = pc + 5 + code[pc + 4];
          if (behind && pos - width < 0) {
            if (negate) pc = next;
            else ok = false;
            break;
          }
          const b = this.sp, top = this.markTop;
          const saved = negate ? this.snapshot(regs[0] >= 0) : null;
          const found = this.run(pc + 5, behind ? pos - width : pos, b) >= 0;
          if (negate) {
            if (found) {
              this.unwind(b, top);
              ok = false;
            } else {
              this.restoreSnapshot(saved!);
              pc = next;
            }
          } else if (found) {
            this.cut(b, top);
            pc = next;
          } else ok = false;
          break;
        }
        case OP_REF: {
          const r = this.backref(code[pc + 1], code[pc + 2], pos);
          if (r < 0) ok = false;
          else {
            pos = r;
            pc += 3;
          }
          break;
        }
        case OP_COND:
          pc = this.groupSet(code[pc + 1]) ? pc + 3 : code[pc + 2];
          break;
        case OP_SUCCEED:
          return pos;
        case OP_MATCH:
          if ((this.matchAll && pos !== end) || (this.mustAdvance && pos === this.start)) ok = false;
          else return pos;
          break;
        default:
          ok = false;
      }
      if (ok) continue;
      // Backtrack: undo register records until a choice point resumes.
      const st = this.stack;
      let resumed = false;
      while (this.sp > base) {
        this.sp -= REC;
        const r = this.sp;
        switch (st[r]) {
          case BT_REG:
            regs[st[r + 1]] = st[r + 2];
            break;
          case BT_CHOICE:
            this.restore(r, false);
            pc = st[r + 1];
            pos = st[r + 2];
            resumed = true;
            break;
          case BT_SINGLE_GREEDY: {
            let p = st[r + 2] - 1;
            const minPos = st[r + 3];
            const c = this.tailChar(st[r + 1] + 6);
            if (c >= 0) {
              while (p >= minPos && (p >= end || (text !== null ? text.charCodeAt(p) : codes![p]) !== c)) p--;
              if (p < minPos) {
                this.markTop = st[r + 6];
                break;
              }
            }
            const keep = p > minPos;
            this.restore(r, keep);
            if (keep) {
              st[r + 2] = p;
              this.sp += REC;
            }
            pc = st[r + 1] + 6;
            pos = p;
            resumed = true;
            break;
          }
          case BT_SINGLE_LAZY: {
            const at = st[r + 1];
            const p = st[r + 2], n = st[r + 3];
            if (
              p < end &&
              this.testChar(code[at + 1], code[at + 2], text !== null ? text.charCodeAt(p) : codes![p])
            ) {
              const keep = n + 1 < code[at + 4];
              this.restore(r, keep);
              if (keep) {
                st[r + 2] = p + 1;
                st[r + 3] = n + 1;
                this.sp += REC;
              }
              pc = at + 6;
              pos = p + 1;
              resumed = true;
            } else this.markTop = st[r + 6];
            break;
          }
          case BT_UNTIL_LAZY: {
            const at = st[r + 1], p = st[r + 2];
            const reg = code[at + 1], max = code[at + 3];
            this.restore(r, false);
            const count = regs[reg];
            if (count < max && p !== regs[reg + 1]) {
              this.setReg(reg, count + 1);
              this.setReg(reg + 1, p);
              pc = code[at + 4];
              pos = p;
              resumed = true;
            }
            break;
          }
        }
        if (resumed) break;
      }
      if (!resumed) return -1;
    }
  }
}

const matcher = new Matcher();

/**
 * Matches `prog` against `subject` between pos and endpos. MODE_MATCH anchors at pos,
 * MODE_FULLMATCH also at endpos, MODE_SEARCH tries each start from pos on. With `mustAdvance`,
 * an empty match at pos is refused (finditer and sub after an empty match). On a match, writes
 * the span and the group marks (code-point indices, -1 when unset) into `out` (2 per group,
 * group 0 first) and returns lastindex (-1 for none); else returns NO_MATCH.
 */
export function execute(
  prog: Program,
  subject: Subject,
  pos: number,
  endpos: number,
  mode: number,
  mustAdvance: boolean,
  out: Int32Array,
): number {
  const m = matcher;
  m.prog = prog;
  m.code = prog.code;
  m.text = subject.text;
  m.codes = subject.codes;
  m.end = endpos;
  m.matchAll = mode === MODE_FULLMATCH;
  const nmarks = 2 * prog.groups;
  if (m.marks.length !== nmarks) m.marks = new Int32Array(nmarks);
  if (m.regs.length < prog.registers) m.regs = new Int32Array(prog.registers);
  if (pos > endpos && mode === MODE_SEARCH) return NO_MATCH;
  const first = prog.first;
  for (let start = pos; start <= endpos || start === pos; start++) {
    if (mode === MODE_SEARCH) {
      if (start > pos && prog.anchoredAtStart) break;
      if (first !== null) {
        start = skipToFirst(m, first, start, endpos);
        if (start >= endpos) break;
      }
    }
    m.marks.fill(-1);
    m.lastmark = -1;
    m.lastindex = -1;
    m.regs[0] = -1;
    m.sp = 0;
    m.markTop = 0;
    m.start = start;
    m.mustAdvance = mustAdvance && start === pos;
    const end = m.run(0, start, 0);
    if (end >= 0) {
      m.sp = 0;
      out[0] = start;
      out[1] = end;
      // marks beyond lastmark count as unset; an end before its start is CPython's SystemError
      const marks = m.marks;
      for (let i = 0; i < nmarks; i += 2) {
        if (i + 1 > m.lastmark || marks[i] < 0 || marks[i + 1] < 0) {
          out[i + 2] = -1;
          out[i + 3] = -1;
        } else if (marks[i + 1] < marks[i]) {
          raise(
            Exc.SystemError,
            "The span of capturing group is wrong, please report a bug for the re module.",
          );
        } else {
          out[i + 2] = marks[i];
          out[i + 3] = marks[i + 1];
        }
      }
      return m.lastindex;
    }
    if (mode !== MODE_SEARCH) break;
  }
  m.sp = 0;
  return NO_MATCH;
}

/** The first index from `start` where the first-character filter passes (endpos when none). */
function skipToFirst(m: Matcher, first: FirstChar, start: number, endpos: number): number {
  if ("c" in first) {
    const c = first.c;
    if (m.text !== null && c < 0xd800) {
      const i = m.text.indexOf(String.fromCharCode(c), start);
      return i < 0 || i >= endpos ? endpos : i;
    }
    while (start < endpos && m.at(start) !== c) start++;
    return start;
  }
  const set = first.set;
  while (start < endpos && !setMatches(set, m.at(start))) start++;
  return start;
}
