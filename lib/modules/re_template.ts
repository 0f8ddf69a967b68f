/**
 * Replacement templates of `re.sub` and `Match.expand`: the template text (str, or bytes as
 * Latin-1 characters) and the pattern's groups → a `Template` (literal pieces and group
 * references), with CPython 3.11's escapes (`\n`, `\0`, octal `\141`, `\1`…`\99`, `\g<name>`,
 * `\g<2>`) and errors ("invalid group reference 3" at its position, IndexError for an unknown
 * group name); then expansion against a match (an unmatched group gives the empty string).
 *
 * @example
 * ```ts
 * import { parseTemplate } from "./re_template.ts";
 * const t = parseTemplate("<\\1>", true, 1, new Map());
 * console.log(t.parts); // ["<", 1, ">"]
 * ```
 * @module
 */
import { RegexSyntaxError } from "./re_parser.ts";
import { isIdentifier } from "../../objects/types/str.ts";

/** A parsed template: literal text and group numbers, in order. */
export interface Template {
  parts: (string | number)[];
  /** The template is one literal string (no group references). */
  literal: string | null;
  /** Warnings to give: [category, message]. */
  warnings: [string, string][];
}

/** An unknown group name (CPython raises IndexError for it). */
export class TemplateIndexError {
  constructor(readonly msg: string) {}
}

const ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};
const ASCII_LETTER = /^[A-Za-z]$/;
const DIGIT = /^[0-9]$/;
const OCTDIGIT = /^[0-7]$/;

function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, "\\\\") + q;
}

/**
 * Parses a template (`text`: the characters, one code point each; `istext` false for bytes).
 * Throws RegexSyntaxError (with the template's positions) or TemplateIndexError.
 */
export function parseTemplate(
  text: string,
  istext: boolean,
  groups: number,
  groupIndex: Map<string, number>,
): Template {
  const chars = istext ? Array.from(text) : text.split("");
  const parts: (string | number)[] = [];
  const warnings: [string, string][] = [];
  let literal = "";
  let i = 0;
  const error = (msg: string, pos: number) => new RegexSyntaxError(msg, pos);
  const addGroup = (index: number, pos: number) => {
    if (index > groups) throw error(`invalid group reference ${index}`, pos);
    if (literal !== "") parts.push(literal);
    literal = "";
    parts.push(index);
  };
  while (i < chars.length) {
    const ch = chars[i];
    if (ch !== "\\") {
      literal += ch;
      i++;
      continue;
    }
    if (i + 1 >= chars.length) throw error("bad escape (end of pattern)", chars.length - 1);
    const start = i;
    const c = chars[i + 1];
    i += 2;
    if (c === "g") {
      if (chars[i] !== "<") throw error("missing <", i);
      i++;
      const nameStart = i;
      let name = "";
      for (;;) {
        if (i >= chars.length) {
          if (name === "") throw error("missing group name", i);
          throw error("missing >, unterminated name", nameStart);
        }
        // the tokenizer reads an escape as one token
        let tok = chars[i];
        if (tok === "\\" && i + 1 < chars.length) tok += chars[i + 1];
        else if (tok === "\\") throw error("bad escape (end of pattern)", chars.length - 1);
        i += tok === chars[i] ? 1 : 2;
        if (tok === ">") {
          if (name === "") throw error("missing group name", i - 1);
          break;
        }
        name += tok;
      }
      const nameLen = Array.from(name).length;
      let index: number;
      if (isIdentifier(name)) {
        const g = groupIndex.get(name);
        if (g === undefined) throw new TemplateIndexError(`unknown group name ${pyRepr(name)}`);
        index = g;
      } else {
        const v = templateInt(name);
        if (v === null) throw error(`bad character in group name ${pyRepr(name)}`, i - nameLen - 1);
        if (v >= 1073741823) throw error(`invalid group reference ${v}`, i - nameLen - 1);
        if (!/^[0-9]+$/.test(name)) {
          warnings.push([
            "DeprecationWarning",
            `bad character in group name ${pyRepr(name)} at position ${i - nameLen - 1}`,
          ]);
        }
        index = v;
      }
      addGroup(index, i - nameLen - 1);
    } else if (c === "0") {
      let digits = "0";
      if (i < chars.length && OCTDIGIT.test(chars[i])) {
        digits += chars[i++];
        if (i < chars.length && OCTDIGIT.test(chars[i])) digits += chars[i++];
      }
      literal += String.fromCharCode(parseInt(digits, 8) & 0xff);
    } else if (DIGIT.test(c)) {
      let digits = c;
      let octal = false;
      if (i < chars.length && DIGIT.test(chars[i])) {
        digits += chars[i++];
        if (OCTDIGIT.test(c) && OCTDIGIT.test(digits[1]) && i < chars.length && OCTDIGIT.test(chars[i])) {
          digits += chars[i++];
          octal = true;
          const v = parseInt(digits, 8);
          if (v > 0o377) throw error(`octal escape value \\${digits} outside of range 0-0o377`, start);
          literal += String.fromCharCode(v);
        }
      }
      if (!octal) addGroup(parseInt(digits, 10), start + 1);
    } else {
      const e = ESCAPES[c];
      if (e !== undefined) literal += e;
      else {
        if (ASCII_LETTER.test(c)) throw error(`bad escape \\${c}`, start);
        literal += "\\" + c;
      }
    }
  }
  if (literal !== "") parts.push(literal);
  const onlyLiteral = parts.every((p) => typeof p === "string") ? (parts as string[]).join("") : null;
  return { parts, literal: onlyLiteral, warnings };
}

/** int() of a group number in `\g<…>`: digits (any script), optional sign, spaces, underscores. */
function templateInt(s: string): number | null {
  const t = s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, "");
  const m = /^([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)$/u.exec(t);
  if (m === null) return null;
  let v = 0;
  for (const ch of m[2]) {
    if (ch === "_") continue;
    const c = ch.codePointAt(0)!;
    let d: number;
    if (c < 0x80) d = c - 48;
    else {
      let z = c;
      while (/^\p{Nd}$/u.test(String.fromCodePoint(z - 1))) z--;
      d = (c - z) % 10;
    }
    v = v * 10 + d;
  }
  if (m[1] === "-" && v !== 0) return null;
  return v;
}
