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
import { join, significant, type Token } from "./tokens.ts";

/** A value on the stack of one case: the local that holds it, and the stack slot it was read from. */
interface Item {
  v: string;
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
  /** Stack slots below `virtual` already read (logically popped, `sp` not yet moved). */
  consumed = 0;
  names = new Set<string>();
  /** Open blocks to close at the end (segments after the first). */
  blocks = 0;
  /** The last body ends in a `throw` (the case needs no `break`). */
  terminates = false;
  /** The case runs more than one uop. */
  readonly multi: boolean;

  constructor(readonly def: Definition, readonly ins: Instruction, readonly cold: boolean) {
    this.multi = ins.uops.length > 1;
  }

  fresh(base: string, avoid: Set<string>): string {
    let name = base;
    for (let k = 1; this.names.has(name) || avoid.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  /** Writes the virtual values to the stack and moves `sp`, so the real stack is the logical one. */
  flush(): void {
    this.virtual.forEach((item, j) => {
      const pos = j - this.consumed;
      if (item.origin !== pos) this.out.push(`s[${slot(pos)}] = ${item.v};`);
    });
    const delta = this.virtual.length - this.consumed;
    if (delta > 0) this.out.push(`sp += ${delta};`);
    if (delta < 0) this.out.push(`sp -= ${-delta};`);
    this.virtual = [];
    this.consumed = 0;
  }

  /** One segment: an instruction's cache cells and uops (a superinstruction has two). */
  segment(ins: Instruction, first: boolean): void {
    if (!first) {
      // The second instruction of a superinstruction: its own oparg, read from its code unit.
      this.out.push("{");
      this.out.push("const oparg = bc[ip++] >> 8;");
      this.blocks++;
    }
    const uops = ins.uops.map((n) => this.def.uops.get(n)!);
    const usesCache = uops.some((u) => u.cacheUsed.length > 0 || u.usesCacheStart);
    if (usesCache) this.out.push("const c = ip;");
    if (uops.some((u) => u.hasDeopt)) this.out.push("const here = ip - 1;");
    if (ins.cache.length > 0) this.out.push(`ip += ${ins.cache.length};`);
    for (const u of uops) this.uop(u, ins);
  }

  uop(u: Uop, ins: Instruction): void {
    const bodyIdents = new Set(significant(u.body).filter((t) => t.kind === "ident").map((t) => t.text));
    const label = u.name;
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
        this.consumed++;
        const item = u.inputs[k];
        // An input the body ignores and that is not passed on is popped without being read.
        const ignored = (item.param === null || item.param.startsWith("_")) &&
          !u.outputs.some((o) => o.name === item.name);
        if (ignored) {
          inputs[k] = { v: "", origin: -this.consumed };
          continue;
        }
        const v = this.fresh(item.name, new Set());
        this.out.push(`const ${v} = s[${slot(-this.consumed)}] as ${item.type};`);
        inputs[k] = { v, origin: -this.consumed };
      }
    }
    if (u.switchesFrame) this.flush();
    let output: OutputDecl | null = null;
    if (u.returned >= 0) {
      const item = u.outputs[u.returned];
      output = { name: this.fresh(item.name, bodyIdents), type: item.type };
    }
    const aliases: string[] = [];
    u.inputs.forEach((item, k) => {
      if (item.param !== null && !item.param.startsWith("_") && item.param !== inputs[k].v) {
        aliases.push(`const ${item.param} = ${inputs[k].v};`);
      }
    });
    this.body(u, ins, label, output, aliases);
    if (u.switchesFrame) return;
    for (const item of u.outputs) {
      const k = u.inputs.findIndex((x) => x.name === item.name);
      this.virtual.push(k >= 0 ? inputs[k] : { v: output!.name, origin: null });
    }
  }

  body(u: Uop, ins: Instruction, label: string, output: OutputDecl | null, aliases: string[] = []) {
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
    for (let i = 0; i < this.blocks; i++) this.out.push("}");
    return this.out.filter((l) => l !== "").join("\n");
  }
}

function slot(pos: number): string {
  return pos === 0 ? "sp" : pos < 0 ? `sp - ${-pos}` : `sp + ${pos}`;
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
}

/** The frame's locals the loop keeps (LOAD_FRAME_LOCALS). */
const LOAD_FRAME_LOCALS_TEXT = "code = f.code;\nbc = code.code;\nconsts = code.consts;\nnames = code.names;\ns = f.values;";

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
    if (t.kind !== "ws" && t.kind !== "comment") sigIdx.push(i);
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
  // Does the body end with an unconditional `throw` (a top-level statement)?
  let endsInThrow = false;
  for (const i of sigIdx) {
    if (tokens[i].kind === "ident" && tokens[i].text === "throw" && depthAt(tokens, i) === 0) {
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
    switch (t.text) {
      case "return": {
        const end = statementEnd(tokens, i);
        const expr = join(tokens.slice(i + 1, end)).trim();
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
        const cond = join(tokens.slice(open + 1, close)).trim();
        out.push(`if (${cond}) { ip = deoptimize(code, here, oparg, Op.${ctx.generic}); continue dispatch; }`);
        i = statementEnd(tokens, close + 1);
        break;
      }
      case "LOAD_FRAME_LOCALS":
        out.push(LOAD_FRAME_LOCALS_TEXT);
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
      default:
        out.push(t.text);
    }
  }
  return { text: out.join("") };
}

function prevSig(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j].kind !== "ws" && tokens[j].kind !== "comment") return tokens[j];
  return undefined;
}

function nextSig(tokens: Token[], i: number): number {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j].kind !== "ws" && tokens[j].kind !== "comment") return j;
  return tokens.length;
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
export function emitCase(def: Definition, ins: Instruction, cold: boolean): string {
  const w = new CaseWriter(def, ins, cold);
  if (ins.kind === "superinstruction") {
    const [a, b] = ins.parts!;
    const byName = (n: string) => def.instructions.find((x) => x.name === n)!;
    w.segment(byName(a), true);
    w.segment(byName(b), false);
  } else w.segment(ins, true);
  const text = w.finish();
  return w.terminates ? text : `${text}\nbreak;`;
}

/** A template's text with its case markers filled and its macros expanded. */
function fillTemplate(tokens: Token[], markers: Record<string, string>): string {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "comment") {
      const m = /^\/\/ @cases (\w+)$/.exec(t.text);
      if (m !== null) {
        if (markers[m[1]] === undefined) throw new DefinitionError(`unknown case marker '${m[1]}'`);
        out.push(markers[m[1]]);
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
  return importText.replace(/from "(\.\.?\/[^"]+)"/, (_m, p: string) => `from "${p.startsWith("./") ? "../" + p.slice(2) : "../" + p}"`);
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

/** The whole generated loop file. */
export function emitLoop(def: Definition, digest: string): string {
  const hot: string[] = [];
  const coldLabels: string[] = [];
  const coldCases: string[] = [];
  for (const ins of def.instructions) {
    if (ins.kind === "variant" && ins.uops.length === 0) continue;
    const label = `case ${ins.code}: /* ${ins.name} */`;
    if (ins.name === "EXTENDED_ARG") continue; // consumed by the dispatch
    if (ins.cold) {
      if (ins.cache.length > 0) throw new DefinitionError(`${ins.name}: a cold instruction cannot have cache cells`);
      coldLabels.push(label);
      coldCases.push(`${label} {\n${emitCase(def, ins, true)}\n}`);
    } else {
      hot.push(`${label} {\n${emitCase(def, ins, false)}\n}`);
    }
  }
  if (coldLabels.length > 0) hot.push(`${coldLabels.join("\n")}\nsp = runColdInstruction(f, opcode, oparg, sp);\nbreak;`);
  const run = def.templates.get("run");
  const cold = def.templates.get("runColdInstruction");
  if (run === undefined || cold === undefined) throw new DefinitionError("the run and runColdInstruction templates are required");
  const body = [
    `export ${fillTemplate(run.tokens, { hot: hot.join("\n") })}`,
    "",
    `export ${fillTemplate(cold.tokens, { cold: coldCases.join("\n") })}`,
  ].join("\n");
  const used = new Set(body.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const imports = def.imports
    .filter((i) => !i.includes("bytecodes_dsl.ts"))
    .map((i) => pruneImport(deeper(i), used))
    .filter((i): i is string => i !== null);
  if (/\bOp\./.test(body) && !imports.some((i) => /\bOp\b/.test(i))) {
    imports.push('import { Op } from "../../instructions/opcodes.ts";');
  }
  if (body.includes("deoptimize(")) imports.push('import { deoptimize } from "../interp_support.ts";');
  return [
    "// generated by tools/gen_cases.ts from vm/bytecodes.ts; do not edit",
    `// inputs sha256: ${digest}`,
    "/**",
    " * The interpreter loop: the instructions of vm/bytecodes.ts, one literal case each (hot ones in",
    " * `run`, cold ones in `runColdInstruction`). Regenerate with `deno task gen`.",
    " * @module",
    " */",
    ...imports,
    "",
    body,
    "",
  ].join("\n");
}
