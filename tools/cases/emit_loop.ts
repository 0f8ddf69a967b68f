/**
 * The definition model → the interpreter loop's source (vm/generated/interp_loop.ts): the `run`
 * template with one literal `case` per hot instruction (cold ones share a case that calls
 * `runColdInstruction`), and the `runColdInstruction` template with the cold instructions' cases.
 *
 * Each case is its instruction's uops pasted in order. Named stack items become `const`/`let`
 * locals: an input is read from the stack only when no earlier uop of the same case produced it,
 * and the stack is written once, at the end (or before a uop that moves the stack itself or
 * switches frames), skipping values that did not move. `return` in a body finishes the uop
 * (a `break` out of its labeled block); the body macros of vm/bytecodes_dsl.ts are expanded here.
 *
 * @example
 * ```ts
 * import { parseDefinition } from "./definition.ts";
 * import { emitLoop } from "./emit_loop.ts";
 * const def = parseDefinition(Deno.readTextFileSync("vm/bytecodes.ts"), "vm/bytecodes.ts");
 * console.log(emitLoop(def, "0".repeat(64)).includes("export function run(")); // true
 * ```
 * @module
 */
import { type Definition, DefinitionError, type Instruction, type Uop } from "./definition.ts";
import { isSignificant, join, nextSig, prevSig, significant, type Token } from "./tokens.ts";
import { hoistCaseLocals } from "./hoist_locals.ts";

/** A value on the stack of one case: the local that holds it, and the stack slot it was read from. */
interface Item {
  v: string;
  /** The TypeScript type the local was declared with. */
  type?: string;
  /** A NULL pushed only when this condition holds (the conditional output), else undefined. */
  cond?: string;
  /** Slot relative to the stack pointer at the start of the case (-1 = top), if still there. */
  origin: number | null;
}

/** The local that receives a uop's returned value. */
interface OutputDecl {
  name: string;
  type: string;
}

/** Emits one case body at a time; tracks the case's locals and its view of the stack. */
class CaseWriter {
  out: string[] = [];
  /** Values produced by this case's uops and not yet written to the stack, bottom first. */
  virtual: Item[] = [];
  names = new Set<string>();
  /** Open blocks to close at the end (segments after the first). */
  blocks = 0;
  /** The last body ends in a `throw` (the case needs no `break`). */
  terminates = false;
  /** Stack slots popped so far (a failed guard restores them before the generic instruction runs). */
  popped = 0;
  /** The case has written to the stack (after which a guard could not restore it). */
  wrote = false;
  /** The case runs more than one uop. */
  readonly multi: boolean;
  /**
   * In a superinstruction's fast path of its second instruction: the stack as that instruction
   * starts (values in locals, and how many slots it has popped since), which a failed guard
   * restores before leaving the instruction to its own dispatch.
   */
  bail: { snapshot: Item[]; popped: number } | null = null;
  /** The line reading a superinstruction's second oparg, or -1. */
  secondOparg = -1;

  constructor(
    readonly def: Definition,
    readonly ins: Instruction,
    readonly cold: boolean,
    readonly stats: boolean = false,
  ) {
    this.multi = ins.uops.length > 1;
  }

  /**
   * What a failed guard does in this case: a variant (or a superinstruction starting with one)
   * counts the miss (deoptimize() turns it back into its family's adaptive form when its misses are
   * used up) and runs its generic instruction right away, through the loop's re-switch.
   */
  deoptText(ins: Instruction, where: string): string {
    if (ins.adaptive === null || (ins.kind !== "variant" && ins.kind !== "superinstruction")) {
      throw new DefinitionError(`${where}: DEOPT_IF/EXIT_IF outside a specialized variant`);
    }
    const code = (name: string) => this.def.instructions.find((x) => x.name === name)!.code;
    if (this.wrote) {
      throw new DefinitionError(`${where}: a guard after the stack was written cannot deoptimize`);
    }
    void code;
    // The loop's `miss` handler (after the switch) does the rest: one copy for every guard.
    return `${this.popped > 0 ? `sp += ${this.popped}; ` : ""}break miss;`;
  }

  fresh(base: string, avoid: Set<string>): string {
    let name = base;
    for (let k = 1; this.names.has(name) || avoid.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  /** Writes the values still held in locals to the stack, so the real stack is the logical one. */
  flush(): void {
    if (this.virtual.length > 0) this.wrote = true;
    for (const item of this.virtual) {
      this.out.push(item.cond === undefined ? `s[sp++] = ${item.v};` : `if (${item.cond}) s[sp++] = null;`);
    }
    this.virtual = [];
  }

  /**
   * One segment: an instruction's cache cells and uops (a superinstruction has two). `only`: run
   * just these uops of it, whose failed guards leave the instruction to its own dispatch.
   */
  segment(
    ins: Instruction,
    first: boolean,
    only: string[] | null = null,
    skipCache = true,
    bailOnGuards = false,
  ): void {
    const bailing = !first && (only !== null || bailOnGuards);
    if (!first) {
      // The second instruction of a superinstruction: its own oparg, read from its code unit.
      this.out.push("{");
      if (bailing) {
        this.out.push("const second = ip;");
        this.bail = { snapshot: [...this.virtual], popped: 0 };
      }
      this.out.push("const oparg = bc[ip++] >> 8;");
      this.blocks++;
    }
    if (!first) this.secondOparg = this.out.length - 1;
    const uops = (only ?? ins.uops).map((n) => this.def.uops.get(n)!);
    // `c` and `here` are locals of the whole loop (one register each, not one per case).
    const usesCache = uops.some((u) => u.cacheUsed.length > 0 || u.usesCacheStart);
    if (usesCache) this.out.push(this.cold ? "const c = ip;" : "c = ip;");
    if (uops.some((u) => u.usesHere || (!bailing && u.hasDeopt))) {
      this.out.push(this.cold ? "const here = ip - 1;" : "here = ip - 1;");
    }
    if (ins.cache.length > 0 && skipCache) this.out.push(`ip += ${ins.cache.length};`);
    for (const u of uops) this.uop(u, ins);
  }

  uop(u: Uop, ins: Instruction): void {
    const bodyIdents = new Set(significant(u.body).filter((t) => t.kind === "ident").map((t) => t.text));
    const label = u.bodyOf;
    if (!u.named) {
      this.flush();
      this.body(u, ins, label, null);
      return;
    }
    // Inputs, top first: from the values earlier uops left, else from the stack.
    const inputs: Item[] = new Array(u.inputs.length);
    for (let k = u.inputs.length - 1; k >= 0; k--) {
      const popped = this.virtual.pop();
      if (popped !== undefined) inputs[k] = popped;
      else {
        const item = u.inputs[k];
        // An input the body ignores and that is not passed on is popped without being read.
        const ignored = (item.param === null || item.param.startsWith("_")) &&
          !u.outputs.some((o) => o.name === item.name);
        if (this.bail !== null) this.bail.popped++;
        this.popped++;
        if (ignored) {
          this.out.push("sp--;");
          inputs[k] = { v: "", origin: null };
          continue;
        }
        const v = this.fresh(this.multi ? `${item.name}$` : item.name, new Set());
        this.out.push(`const ${v} = s[--sp] as ${item.type};`);
        inputs[k] = { v, origin: null, type: item.type };
      }
    }
    if (u.switchesFrame) this.flush();
    let output: OutputDecl | null = null;
    if (u.returned >= 0) {
      const item = u.outputs[u.returned];
      output = { name: this.fresh(this.multi ? `${item.name}$` : item.name, bodyIdents), type: item.type };
    }
    const aliases: string[] = [];
    const renames = new Map<string, string>();
    u.inputs.forEach((item, k) => {
      if (item.param !== null && !item.param.startsWith("_") && item.param !== inputs[k].v) {
        // A value another uop made, or read as another type: the body reads the case's local under
        // this uop's name and type (renamed in place: a `const` alias would cost V8 a register
        // per case), unless the body assigns or redeclares that name.
        const cast = inputs[k].type === item.type ? "" : ` as ${item.type}`;
        if (renamable(u.body, item.param)) {
          renames.set(item.param, cast === "" ? inputs[k].v : `(${inputs[k].v}${cast})`);
        } else aliases.push(`const ${item.param} = ${inputs[k].v}${cast};`);
      }
    });
    this.body(u, ins, label, output, aliases, renames);
    if (u.switchesFrame) return;
    for (const item of u.outputs) {
      const k = u.inputs.findIndex((x) => x.name === item.name);
      this.virtual.push(k >= 0 ? inputs[k] : { v: output!.name, origin: null, type: output!.type });
    }
    if (u.conditional !== null) this.virtual.push({ v: "null", origin: null, cond: u.conditional });
  }

  body(
    u: Uop,
    ins: Instruction,
    label: string,
    output: OutputDecl | null,
    aliases: string[] = [],
    renames = new Map<string, string>(),
  ) {
    const where = `${ins.name} (uop ${u.name}, vm/bytecodes.ts:${u.line})`;
    const shape = bodyShape(u.body);
    // A lone uop's locals can live in the case's block; several uops keep theirs apart.
    const wrap = shape.needsLabel || aliases.length > 0 || this.multi;
    // Its output is a `const` where the body's one return is its last statement, else a `let`.
    const constOutput = output !== null && !wrap && !shape.needsLabel && shape.finalReturn;
    if (output !== null && !constOutput) this.out.push(`let ${output.name}: ${output.type};`);
    const { text } = transformBody(u.body, {
      label,
      output: output?.name ?? null,
      declare: constOutput ? output!.type : null,
      named: u.named,
      cold: this.cold,
      cache: ins.cache,
      generic: ins.generic,
      where,
      opcodes: new Map(this.def.instructions.map((x) => [x.name, x.code])),
      renames,
      deopt: u.hasDeopt && this.bail === null ? this.deoptText(this.ins, where) : null,
      bail: this.bail === null ? null : [
        ...(this.bail.popped > 0 ? [`sp += ${this.bail.popped};`] : []),
        ...this.bail.snapshot.map((item) => `s[sp++] = ${item.v};`),
        "ip = second;",
        "continue dispatch;",
      ].join(" "),
    });
    this.terminates = shape.endsInThrow && !shape.needsLabel;
    const code = text.trim();
    if (code === "" && !shape.needsLabel) return;
    if (wrap) this.out.push(shape.needsLabel ? `${label}: {` : "{");
    this.out.push(...aliases);
    this.out.push(code);
    if (wrap) this.out.push("}");
  }

  finish(): string {
    if (!this.terminates) this.flush();
    // A second half that does not read its oparg only steps over its code unit.
    const at = this.secondOparg;
    if (at >= 0 && !this.out.slice(at + 1).some((l) => /\boparg\b/.test(l))) this.out[at] = "ip++;";
    for (let i = 0; i < this.blocks; i++) this.out.push("}");
    return this.out.filter((l) => l !== "").join("\n");
  }
}

/** How a body is pasted. */
interface BodyContext {
  label: string;
  /** The local that receives the returned value (null: the body returns nothing). */
  output: string | null;
  /** Declare the output with this type at the final return (`const`), or null to assign it. */
  declare: string | null;
  named: boolean;
  cold: boolean;
  cache: string[];
  generic: string;
  where: string;
  /** Opcode numbers by name, for `Op.NAME`. */
  opcodes?: Map<string, number>;
  /** What a failed guard does instead of deoptimizing (a superinstruction's fast path), or null. */
  bail?: string | null;
  /** What a failed guard does in a specialized variant (deoptimize and run the generic), or null. */
  deopt?: string | null;
  /** Identifiers to replace by an expression (a uop's parameters read from the case's locals). */
  renames?: Map<string, string>;
}

/**
 * Whether a body's parameter `name` can be replaced by another expression token for token: the
 * body never assigns it, declares another `name`, or uses it as a shorthand property.
 */
function renamable(tokens: Token[], name: string): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "ident" || t.text !== name || prevSig(tokens, i)?.text === ".") continue;
    const prev = prevSig(tokens, i)?.text, next = tokens[nextSig(tokens, i)]?.text;
    if (prev === "const" || prev === "let" || prev === "var" || prev === "{" || prev === ",") return false;
    if (next === "=" || next === "++" || next === "--" || next === ":" || /^[-+*/%&|^]=$/.test(next ?? "")) {
      return false;
    }
    if (prev === "++" || prev === "--") return false;
  }
  return true;
}

/** The frame's locals the loop keeps (LOAD_FRAME_LOCALS). */
const LOAD_FRAME_LOCALS_TEXT =
  "code = f.code;\nbc = code.code;\nconsts = code.consts;\nnames = code.names;\ns = f.values;";

/** The loop's continuation after a tier hook that may have run code (TIER_RAN), from `resume`. */
function tierRanText(resume: string): string {
  return [
    `const resume = ${resume};`,
    "if (resume >= 0) {",
    "ip = resume;",
    "sp = f.sp;",
    "s = f.values;",
    "if (tierExit.frame !== null) {",
    "f = tierExit.frame;",
    "tierExit.frame = null;",
    LOAD_FRAME_LOCALS_TEXT,
    "sp = f.sp;",
    "ip = f.ip;",
    "}",
    "if (tierExit.error !== null) {",
    "const e = tierExit.error;",
    "reraising = tierExit.reraise;",
    "tierExit.error = null;",
    "throw e;",
    "}",
    "}",
  ].join("\n");
}

/** A body's text with its returns, macros and cache cells turned into loop code. */
/** Where a body's returns are: whether it needs a label to finish early, and how it ends. */
export function bodyShape(tokens: Token[]): {
  needsLabel: boolean;
  finalReturn: boolean;
  finalReturnAt: number;
  endsInThrow: boolean;
} {
  const sigIdx: number[] = [];
  tokens.forEach((t, i) => {
    if (isSignificant(t)) sigIdx.push(i);
  });
  const returns: number[] = [];
  for (const i of sigIdx) {
    const t = tokens[i];
    if (t.kind === "ident" && t.text === "return" && prevSig(tokens, i)?.text !== ".") returns.push(i);
  }
  // Is the body's last statement a `return`? Then it needs no `break` (or label) of its own.
  let finalReturnAt = -1;
  if (returns.length > 0) {
    const last = returns[returns.length - 1];
    const end = statementEnd(tokens, last);
    if (depthAt(tokens, last) === 0 && sigIdx.every((i) => i <= end)) finalReturnAt = last;
  }
  // Does the body end with an unconditional `throw` or frame switch (a top-level statement)?
  let endsInThrow = false;
  for (const i of sigIdx) {
    const leaves = tokens[i].text === "throw" || tokens[i].text === "ENTER_FRAME" ||
      tokens[i].text === "RESUME_FRAME";
    if (tokens[i].kind === "ident" && leaves && depthAt(tokens, i) === 0) {
      const end = statementEnd(tokens, i);
      if (sigIdx.every((k) => k <= end)) endsInThrow = true;
    }
  }
  return {
    needsLabel: returns.some((r) => r !== finalReturnAt),
    finalReturn: finalReturnAt >= 0,
    finalReturnAt,
    endsInThrow,
  };
}

/** A body's text with its returns, macros and cache cells turned into loop code. */
export function transformBody(tokens: Token[], ctx: BodyContext): { text: string } {
  const finalReturn = bodyShape(tokens).finalReturnAt;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = prevSig(tokens, i);
    if (t.kind !== "ident" || prev?.text === ".") {
      out.push(t.text);
      continue;
    }
    const renamed = ctx.renames?.get(t.text);
    if (renamed !== undefined) {
      out.push(renamed);
      continue;
    }
    switch (t.text) {
      case "return": {
        const end = statementEnd(tokens, i);
        const expr = transformBody(tokens.slice(i + 1, end), ctx).text.trim();
        if (expr !== "" && ctx.output === null) {
          throw new DefinitionError(`${ctx.where}: returns a value but has no new output`);
        }
        if (expr === "" && ctx.output !== null) {
          throw new DefinitionError(`${ctx.where}: every return must give the output a value`);
        }
        const assign = expr === ""
          ? ""
          : i === finalReturn && ctx.declare !== null
          ? `const ${ctx.output}: ${ctx.declare} = ${expr};`
          : `${ctx.output} = ${expr};`;
        out.push(i === finalReturn ? assign : `{ ${assign} break ${ctx.label}; }`);
        i = end;
        break;
      }
      case "DEOPT_IF":
      case "EXIT_IF": {
        if (ctx.cold) throw new DefinitionError(`${ctx.where}: a cold instruction cannot deoptimize`);
        const open = nextSig(tokens, i);
        const close = closeParen(tokens, open);
        // (deno fmt leaves a trailing comma after a condition it splits over lines.)
        const cond = transformBody(tokens.slice(open + 1, close), ctx).text.trim().replace(/,$/, "");
        const failed = ctx.bail ?? ctx.deopt;
        if (failed === null || failed === undefined) {
          throw new DefinitionError(`${ctx.where}: a guard with nowhere to go`);
        }
        out.push(`if (${cond}) { ${failed} }`);
        i = statementEnd(tokens, close + 1);
        break;
      }
      case "LOAD_FRAME_LOCALS":
        out.push(LOAD_FRAME_LOCALS_TEXT);
        i = statementEnd(tokens, i);
        break;
      case "TIER_RAN": {
        if (ctx.cold) throw new DefinitionError(`${ctx.where}: a cold instruction cannot switch frames`);
        const open = nextSig(tokens, i);
        const close = closeParen(tokens, open);
        out.push(tierRanText(transformBody(tokens.slice(open + 1, close), ctx).text.trim()));
        i = statementEnd(tokens, close + 1);
        break;
      }
      case "ENTER_FRAME":
      case "RESUME_FRAME": {
        // The loop's one copy of each, after its switch (`break enter` / `break resume`).
        if (ctx.cold) throw new DefinitionError(`${ctx.where}: a cold instruction cannot switch frames`);
        const open = nextSig(tokens, i);
        const close = closeParen(tokens, open);
        const frame = transformBody(tokens.slice(open + 1, close), ctx).text.trim();
        out.push(`callee = ${frame}; break ${t.text === "ENTER_FRAME" ? "enter" : "resume"};`);
        i = statementEnd(tokens, close + 1);
        break;
      }
      case "REDISPATCH":
        // Run the instruction again as whatever its opcode is now (after specializing it).
        if (ctx.cold) throw new DefinitionError(`${ctx.where}: a cold instruction cannot re-dispatch`);
        out.push("opcode = bc[here] & 0xff; ip = here + 1; continue reswitch;");
        i = statementEnd(tokens, i);
        break;
      case "EXIT_LOOP": {
        const open = nextSig(tokens, i);
        const close = closeParen(tokens, open);
        out.push(`return ${join(tokens.slice(open + 1, close)).trim()};`);
        i = statementEnd(tokens, close + 1);
        break;
      }
      case "cache":
      case "cacheRef": {
        const dot = nextSig(tokens, i);
        if (tokens[dot]?.text !== ".") {
          out.push(t.text);
          break;
        }
        const nameAt = nextSig(tokens, dot);
        const cell = tokens[nameAt].text;
        const k = ctx.cache.indexOf(cell);
        if (k < 0) throw new DefinitionError(`${ctx.where}: cache cell '${cell}' is not declared`);
        out.push(`code.${t.text === "cache" ? "cacheIndex" : "cacheRef"}[c${k === 0 ? "" : ` + ${k}`}]`);
        i = nameAt;
        break;
      }
      case "cacheStart":
        out.push("c");
        break;
      case "Op": {
        // Op.NAME → the opcode's number (a literal V8 can fold).
        const dot = nextSig(tokens, i);
        if (tokens[dot]?.text !== "." || ctx.opcodes === undefined) {
          out.push(t.text);
          break;
        }
        const nameAt = nextSig(tokens, dot);
        const code = ctx.opcodes.get(tokens[nameAt].text);
        if (code === undefined) {
          throw new DefinitionError(`${ctx.where}: unknown opcode Op.${tokens[nameAt].text}`);
        }
        out.push(`${code} /* ${tokens[nameAt].text} */`);
        i = nameAt;
        break;
      }
      default:
        out.push(t.text);
    }
  }
  return { text: out.join("") };
}

function closeParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j].text;
    if (tokens[j].kind !== "punct") continue;
    if (t === "(" || t === "[" || t === "{") depth++;
    if (t === ")" || t === "]" || t === "}") depth--;
    if (depth === 0) return j;
  }
  throw new Error("unbalanced parentheses");
}

/** Index of the `;` ending the statement that starts at token `i`. */
function statementEnd(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== "punct") continue;
    if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
    if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
    if (t.text === ";" && depth === 0) return j;
  }
  throw new Error(`line ${tokens[i].line}: statement without ';'`);
}

/** Bracket depth of token `i` within the body. */
function depthAt(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = 0; j < i; j++) {
    const t = tokens[j];
    if (t.kind !== "punct") continue;
    if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
    if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
  }
  return depth;
}

/** The body of one instruction's case, ending in `break;` unless it always throws. */
export function emitCase(def: Definition, ins: Instruction, cold: boolean, stats = false): string {
  const w = new CaseWriter(def, ins, cold, stats);
  if (ins.kind === "superinstruction") {
    const [a, b] = ins.parts!;
    const first = instructionNamed(def, a), second = instructionNamed(def, b);
    w.segment(first, true);
    // A specialized second half after a plain first: its failed guards leave the second to its
    // own dispatch (where it deoptimizes), since the first has nothing to go back to.
    const bailOnGuards = second.kind === "variant" && first.adaptive === null;
    w.segment(second, false, ins.secondUop === null ? null : [ins.secondUop], true, bailOnGuards);
  } else w.segment(ins, true);
  const text = w.finish();
  return w.terminates ? text : `${text}\nbreak;`;
}

function instructionNamed(def: Definition, name: string): Instruction {
  return def.instructions.find((x) => x.name === name)!;
}

/**
 * The instruction whose case `ins` ends by falling into (sharing its code instead of pasting it),
 * or null: the last instruction of a macro when it moves the stack itself or switches frames
 * (RETURN_CONST falls into RETURN_VALUE). Pasting it would make the loop function bigger, which
 * delays V8's optimization of it (it tiers up after a number of bytecodes proportional to its
 * size). Superinstructions paste their second half instead: measured, falling into another case
 * costs more than the dispatch it saves (V8 merges the two paths' state at the shared case).
 */
export function tailTarget(def: Definition, ins: Instruction): Instruction | null {
  if (ins.cold || (ins.kind !== "macro" && ins.kind !== "variant") || ins.uops.length < 2) return null;
  const last = ins.uops[ins.uops.length - 1];
  const target = def.instructions.find((x) => x.name === last && x.kind === "instruction");
  if (target === undefined || target.cold) return null;
  const u = def.uops.get(last)!;
  return !u.named || u.switchesFrame ? target : null;
}

/** The head of a case that ends by falling into the case of its macro's last instruction. */
export function emitTailCase(def: Definition, ins: Instruction, stats = false): string {
  const head = { ...ins, uops: ins.uops.slice(0, -1) };
  const w = new CaseWriter(def, head, false, stats);
  // The case it falls into skips the cache cells (the same layout: both are of one family).
  w.segment(head, true, null, false);
  w.flush();
  return w.out.join("\n");
}

/** A template's text with its case markers filled and its macros expanded. */
function fillTemplate(tokens: Token[], markers: Record<string, string>): string {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "comment") {
      const m = /^\/\/ @(?:cases|stats) (\w+)$/.exec(t.text);
      if (m !== null) {
        const key = m[1];
        if (markers[key] === undefined) throw new DefinitionError(`unknown marker '${t.text}'`);
        out.push(markers[key]);
        continue;
      }
      if (t.text.startsWith("// deno-lint-ignore")) {
        // Drop the directive and the line break after it.
        if (tokens[i + 1]?.kind === "ws") {
          const ws = tokens[i + 1].text;
          out.push(ws.slice(ws.indexOf("\n") + 1));
          i++;
        }
        continue;
      }
    }
    if (t.kind === "ident" && t.text === "LOAD_FRAME_LOCALS" && prevSig(tokens, i)?.text !== ".") {
      out.push(LOAD_FRAME_LOCALS_TEXT);
      i = statementEnd(tokens, i);
      continue;
    }
    out.push(t.text);
  }
  return out.join("");
}

/** Rewrites a relative import of vm/bytecodes.ts for a file one folder deeper (vm/generated/). */
function deeper(importText: string): string {
  return importText.replace(
    /from "(\.\.?\/[^"]+)"/,
    (_m, p: string) => `from "${p.startsWith("./") ? "../" + p.slice(2) : "../" + p}"`,
  );
}

/** Keeps an import's names that `text` uses; null when it keeps none. */
function pruneImport(importText: string, used: Set<string>): string | null {
  const m = /^import\s*(type\s*)?\{([^}]*)\}\s*from\s*("[^"]+");$/s.exec(importText.trim());
  if (m === null) return importText;
  const names = m[2].split(",").map((n) => n.trim()).filter((n) => n !== "");
  const keep = names.filter((n) => used.has(n.replace(/^type\s+/, "").split(/\s+as\s+/).pop()!));
  if (keep.length === 0) return null;
  return `import ${m[1] ?? ""}{ ${keep.join(", ")} } from ${m[3]};`;
}

/** The hot instructions' cases (for `run`, or with stats counters for `runWithStats`). */
function hotCases(def: Definition, stats: boolean): string {
  const hot: string[] = [];
  const coldLabels: string[] = [];
  // Cases that end by falling into another instruction's case go right before it.
  const fallsInto = new Map<string, Instruction>();
  for (const ins of def.instructions) {
    const target = tailTarget(def, ins);
    if (target !== null && !fallsInto.has(target.name)) fallsInto.set(target.name, ins);
  }
  const sharing = new Set([...fallsInto.values()].map((i) => i.name));
  // Instructions whose cases come out the same share one (LOAD_FAST_CHECK and LOAD_FAST).
  type Group = { labels: string[]; names: string[]; text: string };
  const groups: Group[] = [];
  const byText = new Map<string, Group>();
  for (const ins of def.instructions) {
    if (ins.name === "EXTENDED_ARG" || sharing.has(ins.name)) continue; // (EXTENDED_ARG: the dispatch's)
    const label = `case ${ins.code}: /* ${ins.name} */`;
    if (ins.cold) {
      coldLabels.push(label);
      continue;
    }
    const text = emitCase(def, ins, false, stats);
    const same = byText.get(text);
    if (same !== undefined) {
      same.labels.push(label);
      same.names.push(ins.name);
    } else {
      const group = { labels: [label], names: [ins.name], text };
      byText.set(text, group);
      groups.push(group);
    }
  }
  for (const g of groups) {
    for (const name of g.names) {
      const head = fallsInto.get(name);
      if (head !== undefined) {
        hot.push(
          `case ${head.code}: /* ${head.name} */ {\n${emitTailCase(def, head, stats)}\n}\n// falls through`,
        );
      }
    }
    if (g.names.filter((n) => fallsInto.has(n)).length > 1) {
      throw new DefinitionError(`${g.names.join(", ")} share a case that more than one case falls into`);
    }
    hot.push(`${g.labels.join("\n")} {\n${g.text}\n}`);
  }
  if (coldLabels.length > 0) {
    hot.push(`${coldLabels.join("\n")}\nsp = runColdInstruction(f, opcode, oparg, sp);\nbreak;`);
  }
  return hot.join("\n");
}

/** The cold instructions' cases (for `runColdInstruction`). */
function coldCases(def: Definition): string {
  const out: string[] = [];
  for (const ins of def.instructions) {
    if (!ins.cold) continue;
    if (ins.cache.length > 0) {
      throw new DefinitionError(`${ins.name}: a cold instruction cannot have cache cells`);
    }
    out.push(`case ${ins.code}: /* ${ins.name} */ {\n${emitCase(def, ins, true)}\n}`);
  }
  return out.join("\n");
}

/** The whole generated loop file. */
export function emitLoop(def: Definition, digest: string): string {
  const run = def.templates.get("run");
  const cold = def.templates.get("runColdInstruction");
  if (run === undefined || cold === undefined) {
    throw new DefinitionError("the run and runColdInstruction templates are required");
  }
  // The names the cases must not take over: the loop function's own locals and labels, and the
  // module's (imports, the other functions).
  const identifiers = (text: string) => text.match(/[A-Za-z_$][\w$]*/g) ?? [];
  const reserved = new Set([
    ...run.tokens.filter((t) => t.kind === "ident").map((t) => t.text),
    ...cold.tokens.filter((t) => t.kind === "ident").map((t) => t.text),
    ...def.imports.flatMap(identifiers),
  ]);
  /** The hot cases with their locals declared once, at the loop function's top (hoist_locals.ts). */
  const hoisted = (stats: boolean) => {
    const { text, names } = hoistCaseLocals(hotCases(def, stats), reserved);
    const locals = names.length === 0 ? "" : `let ${names.map((n) => `${n}: CaseLocal`).join(", ")};`;
    return { hot: text, locals };
  };
  // The loop twice: as it runs, and counting executions and misses per opcode for --stats, with
  // the loop observer (the JIT's trace recorder) shown every instruction before it runs.
  const withStats = fillTemplate(run.tokens, {
    ...hoisted(true),
    count: "opcodeStats.executed[opcode]++;\n" +
      "if (loopObserver.observe !== null && loopObserver.observe(f, ip, opcode, oparg, sp)) return OBSERVER_STOP;",
    miss: "opcodeStats.misses[opcode]++;",
  })
    .replace(/^function run\(/, "function runWithStats(");
  const body = [
    `export ${fillTemplate(run.tokens, { ...hoisted(false), count: "", miss: "" })}`,
    "",
    "/**",
    " * `run` with every execution and guard miss counted per opcode (`--stats`), and every",
    " * instruction shown to `loopObserver` before it runs (the JIT's trace recorder).",
    " */",
    `export ${withStats}`,
    "",
    `export ${fillTemplate(cold.tokens, { cold: coldCases(def) })}`,
  ].join("\n");
  const used = new Set(body.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const imports = def.imports
    .filter((i) => !i.includes("bytecodes_dsl.ts"))
    .map((i) => pruneImport(deeper(i), used))
    .filter((i): i is string => i !== null);
  if (/\bOp\./.test(body) && !imports.some((i) => /\bOp\b/.test(i))) {
    imports.push('import { Op } from "../../instructions/opcodes.ts";');
  }
  // (TIER_RAN's text reads tierExit: the definition itself need not import it.)
  if (/\btierExit\./.test(body) && !imports.some((i) => /\btierExit\b/.test(i))) {
    imports.push('import { tierExit } from "../tier.ts";');
  }
  if (/\bopcodeStats\b/.test(body)) {
    imports.push('import { loopObserver, OBSERVER_STOP, opcodeStats } from "../interp_support.ts";');
  }
  return [
    "// generated by tools/gen_cases.ts from vm/bytecodes.ts; do not edit",
    `// inputs sha256: ${digest}`,
    "/**",
    " * The interpreter loop: the instructions of vm/bytecodes.ts, one literal case each (hot ones in",
    " * `run` and in its counting twin `runWithStats`, cold ones in `runColdInstruction`). Regenerate",
    " * with `deno task gen`.",
    " * @module",
    " */",
    ...imports,
    "",
    "/**",
    " * The type of the hot cases' locals, declared once per loop function (tools/cases/hoist_locals.ts):",
    " * each case's values were type-checked where they are defined, in vm/bytecodes.ts.",
    " */",
    "// deno-lint-ignore no-explicit-any",
    "type CaseLocal = any;",
    "",
    body,
    "",
  ].join("\n");
}
