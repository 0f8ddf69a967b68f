/**
 * Case locals → loop locals: the text of the interpreter loop's cases (`case N: /* NAME *\/ { … }`
 * one after another) → the same cases with their `const`/`let` declarations turned into
 * assignments, and the names to declare once at the top of the loop function.
 *
 * Why: V8's interpreter gives every block-scoped variable of a function its own register and never
 * shares registers between sibling blocks, so the loop's frame held one register per case local
 * (406 registers, 3.2 KB), and every Python call made through a builtin (a sort key, `__repr__`,
 * `map`) runs a fresh activation of the loop: recursion through builtins ran out of JavaScript
 * stack at about 200 levels. Declared once, the ~80 distinct names take ~80 registers. Optimized
 * code is unaffected (its register allocation never looked at scopes).
 *
 * A declaration stays as it is where hoisting could change what a name means: a name declared
 * twice in one case (a nested block could shadow an outer one), a name of the function or of the
 * module (`reserved`: the template's locals, the imports), declarations in `for (…)` heads,
 * destructuring, several declarators in one statement, and any case with a closure (`=>` or
 * `function`), which could capture a variable that later cases reassign.
 *
 * @example
 * ```ts
 * import { hoistCaseLocals } from "./hoist_locals.ts";
 * const r = hoistCaseLocals("case 1: /* X *\/ {\n  const v: number = 1;\n  use(v);\n  break;\n}", new Set(["use"]));
 * console.log(r.names, r.text.includes("v = 1;")); // ["v"] true
 * ```
 * @module
 */
import { isSignificant, nextSig, prevSig, type Token, tokenize } from "./tokens.ts";

/** One declaration statement that may be hoisted: its tokens' range and the name it declares. */
interface Declaration {
  /** Index of the `const`/`let` token. */
  start: number;
  /** Index of the name token. */
  nameAt: number;
  /** Index of the `=` token (or -1: no initializer). */
  equalsAt: number;
  /** Index of the `;` that ends it. */
  end: number;
  name: string;
}

/**
 * The declaration starting at `i` (a `const` or `let` token at a statement's start), or null when
 * it is not a single plain `name[: type] [= value];`.
 */
function declarationAt(tokens: Token[], i: number): Declaration | null {
  const before = prevSig(tokens, i)?.text ?? "";
  if (before !== ";" && before !== "{" && before !== "}" && before !== ":") return null;
  const nameAt = nextSig(tokens, i);
  const nameToken = tokens[nameAt];
  if (nameToken === undefined || nameToken.kind !== "ident") return null;
  // To the statement's `;` at depth 0, noting its `=` and refusing a second declarator.
  let depth = 0, equalsAt = -1;
  for (let j = nameAt + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (!isSignificant(t)) continue;
    const x = t.text;
    if (x === "(" || x === "[" || x === "{") depth++;
    else if (x === ")" || x === "]" || x === "}") {
      if (--depth < 0) return null;
    } else if (depth === 0) {
      if (x === ";") return { start: i, nameAt, equalsAt, end: j, name: nameToken.text };
      if (x === "=" && equalsAt < 0) equalsAt = j;
      else if (x === "," && equalsAt >= 0) return null; // `let a = 1, b = 2;`
      else if (x === "<" && equalsAt < 0) depth++; // a generic type's brackets
      else if (x === ">" && equalsAt < 0) depth--;
    }
  }
  return null;
}

/** The top-level blocks of the cases text: [open brace index, close brace index]. */
function caseBlocks(tokens: Token[]): [number, number][] {
  const blocks: [number, number][] = [];
  let depth = 0, open = -1;
  tokens.forEach((t, i) => {
    if (t.kind !== "punct") return;
    if (t.text === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (t.text === "}") {
      depth--;
      if (depth === 0) blocks.push([open, i]);
    }
  });
  if (depth !== 0) throw new Error("hoistCaseLocals: unbalanced braces in the cases");
  return blocks;
}

/** The cases with their locals hoisted, and the names (sorted) to declare in the function. */
export function hoistCaseLocals(
  text: string,
  reserved: ReadonlySet<string>,
): { text: string; names: string[] } {
  const tokens = tokenize(text);
  const hoisted = new Set<string>();
  /** Replacement text per token index (`""` deletes the token). */
  const replace = new Map<number, string>();
  for (const [open, close] of caseBlocks(tokens)) {
    const declarations: Declaration[] = [];
    let closure = false;
    for (let i = open + 1; i < close; i++) {
      const t = tokens[i];
      if (t.text === "=>" || (t.kind === "ident" && t.text === "function")) closure = true;
      if (t.kind === "ident" && (t.text === "const" || t.text === "let")) {
        const d = declarationAt(tokens, i);
        if (d !== null) declarations.push(d);
      }
    }
    if (closure) continue;
    const count = new Map<string, number>();
    for (const d of declarations) count.set(d.name, (count.get(d.name) ?? 0) + 1);
    for (const d of declarations) {
      if (count.get(d.name) !== 1 || reserved.has(d.name)) continue;
      hoisted.add(d.name);
      if (d.equalsAt < 0) {
        // `let x: T;` declares only: nothing is left of it.
        for (let j = d.start; j <= d.end; j++) replace.set(j, "");
        continue;
      }
      // `const x: T = value;` → `x = value;`: drop the keyword and the type annotation.
      replace.set(d.start, "");
      if (tokens[d.start + 1]?.kind === "ws") replace.set(d.start + 1, "");
      for (let j = d.nameAt + 1; j < d.equalsAt; j++) replace.set(j, "");
      replace.set(d.equalsAt, " =");
    }
  }
  return { text: tokens.map((t, i) => replace.get(i) ?? t.text).join(""), names: [...hoisted].sort() };
}
