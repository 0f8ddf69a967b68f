/**
 * The instruction definition's text (vm/bytecodes.ts) → a checked model of it: instructions,
 * uops, macros, families, superinstructions, pseudo-instructions and loop templates, numbered in
 * the order the file gives them. Refuses, by name, what the emitters could not honour: an unknown
 * uop in a macro, a family variant whose stack effect or cache layout differs from its generic's,
 * a cache cell a body uses but its instruction does not declare, parameters that do not match the
 * named stack effect, a cold instruction that jumps or switches frames, nested functions.
 *
 * @example
 * ```ts
 * import { parseDefinition } from "./definition.ts";
 * const def = parseDefinition(Deno.readTextFileSync("vm/bytecodes.ts"), "vm/bytecodes.ts");
 * console.log(def.instructions[0].name); // "CACHE"
 * ```
 * @module
 */
import { isSignificant, join, matching, significant, type Token, tokenize } from "./tokens.ts";

/** How dis explains an oparg (kept in step with instructions/opcodes.ts ArgKind). */
export const ARG_KINDS = [
  "none",
  "int",
  "const",
  "name",
  "global",
  "attr",
  "superattr",
  "local",
  "local2",
  "jump",
  "binop",
  "compare",
  "is",
  "contains",
  "convert",
  "intrinsic1",
  "intrinsic2",
  "funcattr",
  "resume",
  "raise",
] as const;

/** A stack count: a number or an expression of `oparg`. */
export type Count = number | string;

/** One named stack item of a uop. */
export interface StackItem {
  name: string;
  /** The TypeScript type of the value (the parameter's or the return type's annotation). */
  type: string;
  /** The body's parameter for it (`_name` when the body ignores it), or null for an output. */
  param: string | null;
}

/** A uop (every `inst` is also one): what it takes and leaves, and its body. */
export interface Uop {
  name: string;
  /** Named stack effect, or counts for a body that moves the stack itself. */
  named: boolean;
  inputs: StackItem[];
  outputs: StackItem[];
  /** Index into `outputs` of the value the body returns, or -1 (all outputs are inputs). */
  returned: number;
  /** A NULL pushed after the outputs when this condition (of `oparg`) holds, else null. */
  conditional: string | null;
  pops: Count;
  pushes: Count;
  jumpPushes: Count | null;
  /** Cache cells the body reads (`cache.X`, `cacheRef.X`), and whether it uses `cacheStart`. */
  cacheUsed: string[];
  usesCacheStart: boolean;
  /** The body needs `here` (the code unit of the instruction's opcode): REDISPATCH or `here`. */
  usesHere: boolean;
  /** The body switches frames (LOAD_FRAME_LOCALS): a named one pops its inputs first. */
  switchesFrame: boolean;
  hasDeopt: boolean;
  /** The body's tokens, between its braces. */
  body: Token[];
  /** The instruction whose body it is (itself, or the one it shares it with). */
  bodyOf: string;
  line: number;
}

/** An instruction: numbered, with its metadata and the uops it is made of. */
export interface Instruction {
  name: string;
  code: number;
  /** The generic instruction's name (itself for a generic one). */
  generic: string;
  arg: string;
  pops: Count;
  pushes: Count;
  jumpPushes: Count | null;
  cache: string[];
  jump: "forward" | "backward" | null;
  terminal: boolean;
  cold: boolean;
  /** Its uops, in order. */
  uops: string[];
  /** For a superinstruction: the two instructions it fuses, and the fusing condition. */
  parts: [string, string] | null;
  /**
   * For a superinstruction that runs only a fast path of its second instruction: that uop (its
   * guards, when they fail, leave the second instruction to be dispatched as usual), else null.
   */
  secondUop: string | null;
  when: string | null;
  /** Specialized variants (for a generic instruction with a family). */
  family: string[];
  /** For a variant that serves only some opargs: their test (an expression of `oparg`), else null. */
  opargs: string | null;
  /**
   * The family's adaptive form (the quickener's replacement for the generic instruction, and where
   * a variant goes back to when it deoptimizes), or null for instructions without a family.
   */
  adaptive: string | null;
  kind: "instruction" | "macro" | "variant" | "superinstruction";
}

/** A compiler-only instruction. */
export interface Pseudo {
  name: string;
  code: number;
  arg: string;
  pops: Count;
  pushes: Count;
  jumpPushes: Count | null;
  jump: "forward" | "backward" | null;
  terminal: boolean;
}

/** A function the loop emitter writes out with the cases in place. */
export interface Template {
  name: string;
  /** The function's tokens (from `function` to its closing brace). */
  tokens: Token[];
}

/** The whole definition. */
export interface Definition {
  imports: string[];
  instructions: Instruction[];
  uops: Map<string, Uop>;
  pseudos: Pseudo[];
  templates: Map<string, Template>;
}

/** An error in the definition, with the file and line it comes from. */
export class DefinitionError extends Error {}

const DSL_CALLS = new Set(["inst", "op", "macro", "family", "superinstruction", "pseudo", "template"]);

/**
 * Evaluates a spec: a plain literal, which may name the definition's top-level constants
 * (`const X = { … } as const;`, collected in `constants`) and spread them.
 */
function literal(
  tokens: Token[],
  where: string,
  constants: Map<string, unknown> = new Map(),
): Record<string, unknown> {
  const text = join(tokens).replace(/\bas const\b/g, "");
  try {
    return new Function(...constants.keys(), `return (${text});`)(...constants.values()) as Record<
      string,
      unknown
    >;
  } catch (e) {
    throw new DefinitionError(`${where}: the spec must be a plain literal (${(e as Error).message})`);
  }
}

/** Splits the tokens between a call's parentheses into its arguments (at depth 0). */
function splitArgs(tokens: Token[]): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct") {
      if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
      else if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
      else if (t.text === "," && depth === 0) {
        args.push([]);
        continue;
      }
    }
    args[args.length - 1].push(t);
  }
  return args.filter((a) => significant(a).length > 0);
}

function stringArg(tokens: Token[], where: string): string {
  const sig = significant(tokens);
  if (sig.length !== 1 || sig[0].kind !== "string") {
    throw new DefinitionError(`${where}: expected a string literal`);
  }
  return sig[0].text.slice(1, -1);
}

/**
 * Parses `"a b -- c"` into input and output names; a last output `null if (COND)` is pushed (as
 * NULL) only when COND holds (CPython's `null if (oparg & 1)`).
 */
function parseStack(
  effect: string,
  where: string,
): { inputs: string[]; outputs: string[]; conditional: string | null } {
  const parts = effect.split("--");
  if (parts.length !== 2) {
    throw new DefinitionError(`${where}: stack effect '${effect}' needs exactly one '--'`);
  }
  let after = parts[1].trim();
  let conditional: string | null = null;
  const cond = /(?:^|\s)null\s+if\s+\((.*)\)$/.exec(after);
  if (cond !== null) {
    conditional = cond[1].trim();
    after = after.slice(0, cond.index).trim();
  }
  const names = (text: string) => text.trim() === "" ? [] : text.trim().split(/\s+/);
  const inputs = names(parts[0]);
  const outputs = names(after);
  for (const n of [...inputs, ...outputs]) {
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new DefinitionError(`${where}: '${n}' is not a stack item name`);
  }
  if (new Set(inputs).size !== inputs.length) throw new DefinitionError(`${where}: an input is named twice`);
  if (new Set(outputs).size !== outputs.length) {
    throw new DefinitionError(`${where}: an output is named twice`);
  }
  return { inputs, outputs, conditional };
}

/** The parts of an arrow-function body argument: parameters, return type, body tokens. */
function parseArrow(
  tokens: Token[],
  where: string,
): { params: StackItem[]; returnType: string | null; body: Token[] } {
  const sig = significant(tokens);
  if (sig[0]?.text !== "(") throw new DefinitionError(`${where}: the body must be an arrow function`);
  const all = tokens;
  const open = all.indexOf(sig[0]);
  const close = matching(all, open);
  const params: StackItem[] = [];
  for (const p of splitArgs(all.slice(open + 1, close))) {
    const ps = significant(p);
    const colon = ps.findIndex((t) => t.text === ":");
    if (ps[0]?.kind !== "ident" || colon !== 1) {
      throw new DefinitionError(`${where}: each parameter needs a name and a type annotation`);
    }
    const type = join(p.slice(p.indexOf(ps[colon]) + 1)).trim();
    params.push({ name: ps[0].text.replace(/^_/, ""), type, param: ps[0].text });
  }
  const arrow = all.findIndex((t, i) => i > close && t.text === "=>");
  if (arrow < 0) throw new DefinitionError(`${where}: the body must be an arrow function`);
  const between = all.slice(close + 1, arrow);
  const bs = significant(between);
  let returnType: string | null = null;
  if (bs.length > 0) {
    if (bs[0].text !== ":") throw new DefinitionError(`${where}: unexpected '${bs[0].text}' before '=>'`);
    returnType = join(between.slice(between.indexOf(bs[0]) + 1)).trim();
  }
  const braceAt = all.findIndex((t, i) => i > arrow && isSignificant(t));
  if (all[braceAt]?.text !== "{") throw new DefinitionError(`${where}: the body must be a block`);
  const end = matching(all, braceAt);
  return { params, returnType, body: all.slice(braceAt + 1, end) };
}

/** What a body's tokens use: cache cells, frame switches, deopts; refuses what cannot be pasted. */
function scanBody(body: Token[], where: string) {
  const sig = significant(body);
  const cacheUsed = new Set<string>();
  let usesCacheStart = false, switchesFrame = false, hasDeopt = false, usesHere = false;
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i];
    if (t.kind === "punct" && t.text === "=>") {
      throw new DefinitionError(`${where}: bodies may not define functions`);
    }
    if (t.kind !== "ident" || sig[i - 1]?.text === ".") continue;
    if (t.text === "function" || t.text === "this" || t.text === "arguments") {
      throw new DefinitionError(`${where}: '${t.text}' is not allowed in a body`);
    }
    if ((t.text === "cache" || t.text === "cacheRef") && sig[i + 1]?.text === ".") {
      cacheUsed.add(sig[i + 2].text);
    }
    if (t.text === "cacheStart") usesCacheStart = true;
    if (t.text === "here" || t.text === "REDISPATCH") usesHere = true;
    if (
      t.text === "LOAD_FRAME_LOCALS" || t.text === "ENTER_FRAME" || t.text === "RESUME_FRAME" ||
      t.text === "TIER_RAN"
    ) {
      switchesFrame = true;
    }
    if (t.text === "DEOPT_IF" || t.text === "EXIT_IF") hasDeopt = true;
  }
  return { cacheUsed: [...cacheUsed], usesCacheStart, switchesFrame, hasDeopt, usesHere };
}

function countOf(v: unknown, where: string): Count {
  if (typeof v === "number" || typeof v === "string") return v;
  throw new DefinitionError(`${where}: a stack count must be a number or an expression of oparg`);
}

/** Evaluates a count for one oparg (for comparing stack effects). */
export function evalCount(c: Count, oparg: number): number {
  return typeof c === "number" ? c : new Function("oparg", `return (${c});`)(oparg) as number;
}

/** Parses and checks the definition. `file` names it in errors. */
export function parseDefinition(text: string, file: string): Definition {
  const tokens = tokenize(text);
  const imports: string[] = [];
  const uops = new Map<string, Uop>();
  const templates = new Map<string, Template>();
  const arrows = new Map<string, ReturnType<typeof parseArrow>>();
  const constants = new Map<string, unknown>();
  const bodyOwners = new Map<string, string>();
  type Raw = { kind: string; name: string; spec: Record<string, unknown>; line: number; extra: unknown };
  const raws: Raw[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "punct" && (t.text === "(" || t.text === "[" || t.text === "{")) depth++;
    if (t.kind === "punct" && (t.text === ")" || t.text === "]" || t.text === "}")) depth--;
    if (depth !== 0 || t.kind !== "ident") continue;
    if (t.text === "import" && (i === 0 || tokens[i - 1].text.includes("\n"))) {
      let j = i;
      while (tokens[j].text !== ";") j++;
      imports.push(join(tokens.slice(i, j + 1)));
      i = j;
      continue;
    }
    if (t.text === "const" && (i === 0 || tokens[i - 1].text.includes("\n"))) {
      // A top-level constant the specs may name: `const NAME = <literal> as const;`.
      const nameAt = tokens.findIndex((x, k) => k > i && x.kind !== "ws");
      const eq = tokens.findIndex((x, k) => k > nameAt && x.kind !== "ws");
      let j = eq + 1, d = 0;
      for (; j < tokens.length; j++) {
        const x = tokens[j];
        if (x.kind === "punct" && "([{".includes(x.text)) d++;
        if (x.kind === "punct" && ")]}".includes(x.text)) d--;
        if (d === 0 && x.text === ";") break;
      }
      if (tokens[eq]?.text === "=") {
        constants.set(tokens[nameAt].text, literal(tokens.slice(eq + 1, j), `${file}:${t.line}`, constants));
      }
      i = j;
      continue;
    }
    if (!DSL_CALLS.has(t.text) || (i > 0 && !tokens[i - 1].text.includes("\n"))) continue;
    const open = tokens.findIndex((x, k) => k > i && x.kind !== "ws");
    if (tokens[open].text !== "(") continue;
    const close = matching(tokens, open);
    const where = `${file}:${t.line}`;
    const args = splitArgs(tokens.slice(open + 1, close));
    i = close;
    if (t.text === "template") {
      const name = stringArg(args[0], where);
      const fnTokens = args[1];
      const start = fnTokens.findIndex(isSignificant);
      templates.set(name, { name, tokens: fnTokens.slice(start) });
      continue;
    }
    if (t.text === "family") {
      raws.push({
        kind: "family",
        name: stringArg(args[0], where),
        spec: args[2] === undefined ? {} : literal(args[2], where, constants),
        line: t.line,
        extra: literal(args[1], where),
      });
      continue;
    }
    if (t.text === "superinstruction") {
      const parts = literal(args[1], where) as unknown as string[];
      raws.push({
        kind: "super",
        name: stringArg(args[0], where),
        spec: literal(args[2], where, constants),
        line: t.line,
        extra: parts,
      });
      continue;
    }
    const name = stringArg(args[0], where);
    const spec = literal(args[1], `${where} (${name})`, constants);
    if (t.text === "macro") {
      raws.push({ kind: "macro", name, spec, line: t.line, extra: literal(args[2], where) });
      continue;
    }
    if (t.text === "pseudo") {
      raws.push({ kind: "pseudo", name, spec, line: t.line, extra: null });
      continue;
    }
    // inst or op: a uop with a body.
    const uw = `${file}:${t.line} (${name})`;
    if (uops.has(name)) throw new DefinitionError(`${uw}: defined twice`);
    // A body given as another instruction's name is that instruction's body, shared.
    const sameAs = significant(args[2])[0]?.kind === "string" ? stringArg(args[2], uw) : null;
    if (sameAs !== null && !arrows.has(sameAs)) {
      throw new DefinitionError(`${uw}: no body named ${sameAs} before it`);
    }
    const arrow = sameAs !== null ? arrows.get(sameAs)! : parseArrow(args[2], uw);
    const bodyOf = sameAs !== null ? bodyOwners.get(sameAs)! : name;
    arrows.set(name, arrow);
    bodyOwners.set(name, bodyOf);
    const scan = scanBody(arrow.body, uw);
    const stack = spec.stack;
    let uop: Uop;
    if (typeof stack === "string") {
      const { inputs, outputs, conditional } = parseStack(stack, uw);
      const paramNames = arrow.params.map((p) => p.name);
      if (paramNames.join(" ") !== inputs.join(" ")) {
        throw new DefinitionError(
          `${uw}: the parameters (${paramNames.join(", ") || "none"}) must be the stack inputs (${
            inputs.join(", ") || "none"
          }), deepest first`,
        );
      }
      const fresh = outputs.filter((o) => !inputs.includes(o));
      if (fresh.length > 1) {
        throw new DefinitionError(
          `${uw}: at most one output may be new (${fresh.join(", ")}); use counted effects`,
        );
      }
      if (fresh.length === 1 && arrow.returnType === null) {
        throw new DefinitionError(`${uw}: the new output '${fresh[0]}' needs a return type`);
      }
      if (fresh.length === 0 && arrow.returnType !== null) {
        throw new DefinitionError(`${uw}: returns a value but its stack effect has no new output`);
      }
      if (scan.switchesFrame && outputs.length > 0) {
        throw new DefinitionError(`${uw}: a uop that switches frames may not push`);
      }
      const typeOf = (n: string) => arrow.params.find((p) => p.name === n)?.type ?? arrow.returnType!;
      const paramOf = (n: string) => arrow.params.find((p) => p.name === n)?.param ?? null;
      uop = {
        name,
        named: true,
        inputs: inputs.map((n) => ({ name: n, type: typeOf(n), param: paramOf(n) })),
        outputs: outputs.map((n) => ({ name: n, type: typeOf(n), param: null })),
        returned: fresh.length === 1 ? outputs.indexOf(fresh[0]) : -1,
        conditional,
        pops: inputs.length,
        pushes: conditional === null ? outputs.length : `${outputs.length} + ((${conditional}) ? 1 : 0)`,
        jumpPushes: null,
        body: arrow.body,
        bodyOf,
        line: t.line,
        ...scan,
      };
    } else if (typeof stack === "object" && stack !== null) {
      const st = stack as Record<string, unknown>;
      if (arrow.params.length > 0) {
        throw new DefinitionError(`${uw}: a body with counted stack effects takes no parameters`);
      }
      uop = {
        name,
        named: false,
        inputs: [],
        outputs: [],
        returned: -1,
        conditional: null,
        pops: countOf(st.pops, uw),
        pushes: countOf(st.pushes, uw),
        jumpPushes: st.jumpPushes === undefined ? null : countOf(st.jumpPushes, uw),
        body: arrow.body,
        bodyOf,
        line: t.line,
        ...scan,
      };
    } else throw new DefinitionError(`${uw}: missing stack effect`);
    uops.set(name, uop);
    if (t.text === "inst") raws.push({ kind: "inst", name, spec, line: t.line, extra: null });
    else if (t.text === "op") {
      const declared = (spec.cache as string[] | undefined) ?? [];
      for (const c of uop.cacheUsed) {
        if (!declared.includes(c)) {
          throw new DefinitionError(`${uw}: uses cache cell '${c}' it does not declare`);
        }
      }
    }
  }
  return buildModel(raws, uops, imports, templates, file);
}

function buildModel(
  raws: { kind: string; name: string; spec: Record<string, unknown>; line: number; extra: unknown }[],
  uops: Map<string, Uop>,
  imports: string[],
  templates: Map<string, Template>,
  file: string,
): Definition {
  const families = new Map<string, string[]>();
  const variantOf = new Map<string, string>();
  const adaptiveOf = new Map<string, string>();
  for (const r of raws.filter((r) => r.kind === "family")) {
    const variants = r.extra as string[];
    if (families.has(r.name)) throw new DefinitionError(`${file}:${r.line}: family ${r.name} defined twice`);
    families.set(r.name, variants);
    for (const v of variants) variantOf.set(v, r.name);
    const adaptive = r.spec.adaptive as string | undefined;
    if (adaptive === undefined || !variants.includes(adaptive)) {
      throw new DefinitionError(
        `${file}:${r.line}: family ${r.name} needs its adaptive form among its variants`,
      );
    }
    adaptiveOf.set(r.name, adaptive);
  }
  const instructions: Instruction[] = [];
  const byName = new Map<string, Instruction>();
  const add = (ins: Instruction, line: number) => {
    if (byName.has(ins.name)) {
      throw new DefinitionError(`${file}:${line}: instruction ${ins.name} defined twice`);
    }
    byName.set(ins.name, ins);
    instructions.push(ins);
  };
  const specOf = (r: { spec: Record<string, unknown>; name: string; line: number }) => {
    const arg = (r.spec.arg as string | undefined) ?? "none";
    if (!(ARG_KINDS as readonly string[]).includes(arg)) {
      throw new DefinitionError(`${file}:${r.line} (${r.name}): unknown operand kind '${arg}'`);
    }
    return {
      arg,
      opargs: (r.spec.when as string | undefined) ?? null,
      cache: [...((r.spec.cache as string[] | undefined) ?? [])],
      jump: (r.spec.jump as "forward" | "backward" | undefined) ?? null,
      terminal: r.spec.terminal === true,
      cold: r.spec.cold === true,
    };
  };
  const pending: { ins: Instruction; line: number; parts: string[] }[] = [];
  // Generic instructions (insts and macros that are not variants), in file order.
  for (const r of raws) {
    if ((r.kind !== "inst" && r.kind !== "macro") || variantOf.has(r.name)) continue;
    const parts = r.kind === "inst" ? [r.name] : r.extra as string[];
    const ins: Instruction = {
      name: r.name,
      code: -1,
      generic: r.name,
      ...specOf(r),
      pops: 0,
      pushes: 0,
      jumpPushes: null,
      uops: parts,
      parts: null,
      secondUop: null,
      when: null,
      family: families.get(r.name) ?? [],
      adaptive: adaptiveOf.get(r.name) ?? null,
      kind: r.kind === "inst" ? "instruction" : "macro",
    };
    add(ins, r.line);
    pending.push({ ins, line: r.line, parts });
  }
  for (const r of raws.filter((r) => r.kind === "super")) {
    const [first, second] = r.extra as string[];
    const ins: Instruction = {
      name: r.name,
      code: -1,
      generic: first,
      arg: "none",
      cache: [],
      jump: null,
      terminal: false,
      cold: false,
      pops: 0,
      pushes: 0,
      jumpPushes: null,
      uops: [],
      parts: [first, second],
      secondUop: (r.spec.second as string | undefined) ?? null,
      when: (r.spec.when as string | undefined) ?? null,
      family: [],
      adaptive: null,
      opargs: null,
      kind: "superinstruction",
    };
    add(ins, r.line);
  }
  for (const [generic, variants] of families) {
    for (const v of variants) {
      const r = raws.find((x) => (x.kind === "inst" || x.kind === "macro") && x.name === v);
      if (r === undefined) {
        throw new DefinitionError(`${file}: family ${generic} names ${v}, which is not defined`);
      }
      const parts = r.kind === "inst" ? [r.name] : r.extra as string[];
      const ins: Instruction = {
        name: v,
        code: -1,
        generic,
        ...specOf(r),
        pops: 0,
        pushes: 0,
        jumpPushes: null,
        uops: parts,
        parts: null,
        secondUop: null,
        when: null,
        family: [],
        adaptive: adaptiveOf.get(generic)!,
        kind: "variant",
      };
      add(ins, r.line);
      pending.push({ ins, line: r.line, parts });
    }
  }
  // Stack effects: an instruction's is its uops', composed.
  for (const { ins, line, parts } of pending) {
    const where = `${file}:${line} (${ins.name})`;
    for (const p of parts) if (!uops.has(p)) throw new DefinitionError(`${where}: unknown uop ${p}`);
    const effect = composeEffect(parts.map((p) => uops.get(p)!), where);
    ins.pops = effect.pops;
    ins.pushes = effect.pushes;
    ins.jumpPushes = effect.jumpPushes;
    for (const p of parts) {
      for (const c of uops.get(p)!.cacheUsed) {
        if (!ins.cache.includes(c)) {
          throw new DefinitionError(`${where}: uop ${p} uses cache cell '${c}' it does not declare`);
        }
      }
    }
    if (ins.cold) {
      for (const p of parts) {
        const u = uops.get(p)!;
        const used = new Set(significant(u.body).filter((t) => t.kind === "ident").map((t) => t.text));
        for (const bad of ["ip", "bc", "consts", "entry", "reraising", "LOAD_FRAME_LOCALS", "EXIT_LOOP"]) {
          if (used.has(bad)) throw new DefinitionError(`${where}: a cold instruction may not use '${bad}'`);
        }
        if (u.cacheUsed.length > 0 || u.usesCacheStart) {
          throw new DefinitionError(`${where}: a cold instruction may not use its cache`);
        }
      }
    }
  }
  // Variants share their generic's stack effect and cache layout.
  for (const ins of instructions.filter((i) => i.kind === "variant")) {
    const g = byName.get(ins.generic)!;
    const serves = ins.opargs === null ? null : new Function("oparg", `return (${ins.opargs});`);
    for (let oparg = 0; oparg < 512; oparg++) {
      if (serves !== null && !serves(oparg)) continue;
      if (
        evalCount(ins.pops, oparg) !== evalCount(g.pops, oparg) ||
        evalCount(ins.pushes, oparg) !== evalCount(g.pushes, oparg)
      ) {
        throw new DefinitionError(
          `${file}: variant ${ins.name}'s stack effect (${ins.pops} -- ${ins.pushes}) differs from family ${g.name}'s (${g.pops} -- ${g.pushes})`,
        );
      }
    }
    if (ins.cache.join(",") !== g.cache.join(",")) {
      throw new DefinitionError(
        `${file}: variant ${ins.name}'s cache layout (${
          ins.cache.join(", ")
        }) differs from family ${g.name}'s (${g.cache.join(", ")})`,
      );
    }
  }
  // Superinstructions: two defined instructions; metadata of the first (the second's word stays).
  for (const ins of instructions.filter((i) => i.kind === "superinstruction")) {
    const [a, b] = ins.parts!;
    const first = byName.get(a), second = byName.get(b);
    if (first === undefined || second === undefined) {
      throw new DefinitionError(`${file}: superinstruction ${ins.name} names an undefined instruction`);
    }
    if (first.cold || second.cold) {
      throw new DefinitionError(`${file}: superinstruction ${ins.name} fuses a cold instruction`);
    }
    let secondUops = second.uops;
    if (ins.secondUop !== null) {
      const u = uops.get(ins.secondUop);
      if (u === undefined) {
        throw new DefinitionError(`${file}: superinstruction ${ins.name}: unknown uop ${ins.secondUop}`);
      }
      if (!u.named || u.switchesFrame) {
        throw new DefinitionError(
          `${file}: superinstruction ${ins.name}: ${u.name} must have a named stack effect`,
        );
      }
      for (const c of u.cacheUsed) {
        if (!second.cache.includes(c)) {
          throw new DefinitionError(
            `${file}: superinstruction ${ins.name}: ${u.name} uses cache cell '${c}' ${b} lacks`,
          );
        }
      }
      secondUops = [u.name];
    }
    Object.assign(ins, {
      generic: first.generic,
      adaptive: first.adaptive,
      arg: first.arg,
      cache: first.cache,
      jump: first.jump,
      terminal: first.terminal,
      pops: first.pops,
      pushes: first.pushes,
      jumpPushes: first.jumpPushes,
      uops: [...first.uops, ...secondUops],
    });
  }
  instructions.forEach((ins, i) => ins.code = i);
  if (instructions.length > 256) {
    throw new DefinitionError(`${file}: ${instructions.length} opcodes, more than 256`);
  }
  const pseudos: Pseudo[] = raws.filter((r) => r.kind === "pseudo").map((r, i) => ({
    name: r.name,
    code: 256 + i,
    arg: (r.spec.arg as string) ?? "none",
    pops: countOf(r.spec.pops, r.name),
    pushes: countOf(r.spec.pushes, r.name),
    jumpPushes: r.spec.jumpPushes === undefined ? null : countOf(r.spec.jumpPushes, r.name),
    jump: (r.spec.jump as "forward" | "backward" | undefined) ?? null,
    terminal: r.spec.terminal === true,
  }));
  return { imports, instructions, uops, pseudos, templates };
}

/**
 * The stack effect of uops run in sequence: named ones pass values to the next through their
 * named items; a uop with counted effects, or one that switches frames, must come last.
 */
function composeEffect(
  parts: Uop[],
  where: string,
): { pops: Count; pushes: Count; jumpPushes: Count | null } {
  let depth = 0; // values of earlier uops still on the (virtual) stack
  let taken = 0; // values taken from below the instruction
  for (let i = 0; i < parts.length; i++) {
    const u = parts[i];
    if (!u.named || u.switchesFrame) {
      if (i !== parts.length - 1) throw new DefinitionError(`${where}: ${u.name} must be the last uop`);
      if (!u.named) {
        // It moves the stack itself: only after uops that leave the stack as they found it.
        if (taken !== 0 || depth !== 0) {
          throw new DefinitionError(
            `${where}: ${u.name} moves the stack itself and cannot take values from other uops`,
          );
        }
        return { pops: u.pops, pushes: u.pushes, jumpPushes: u.jumpPushes };
      }
    }
    if (u.conditional !== null && i !== parts.length - 1) {
      throw new DefinitionError(`${where}: ${u.name} pushes a conditional NULL and must be the last uop`);
    }
    const need = u.inputs.length;
    if (need > depth) {
      taken += need - depth;
      depth = 0;
    } else depth -= need;
    depth += u.outputs.length;
  }
  const last = parts[parts.length - 1];
  const pushes: Count = last.conditional === null ? depth : `${depth} + ((${last.conditional}) ? 1 : 0)`;
  return { pops: taken, pushes, jumpPushes: null };
}
